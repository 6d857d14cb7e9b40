// Generated from openapi/ by `pnpm generate`. Do not edit.

export interface paths {
    "/aktenplan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's Aktenplan as a flat list in tree order
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["getAktenplan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aktenplan/einheiten/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One unit of the Aktenplan
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["getAktenplaneinheit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/mandanten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All tenants (platform operations only)
         * @description **Berechtigte Rollen:** `plattformbetrieb`
         */
        get: operations["listMandanten"];
        put?: never;
        /**
         * Create a tenant (an agency) with an empty Aktenplan
         * @description **Berechtigte Rollen:** `plattformbetrieb`
         */
        post: operations["createMandant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mandant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tenant and its settings
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `pruefung`, `fachverfahren`
         */
        get: operations["getMandant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the caller's tenant settings (agency administration)
         * @description **Berechtigte Rollen:** `fachadministration`
         */
        patch: operations["updateMandant"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: uuid
         * @description UUID (version 7, time-ordered)
         * @example 01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a
         */
        Uuid: string;
        /** @description A unit of the Aktenplan with the retention defaults for Akten filed under it. */
        Aktenplaneinheit: {
            id: components["schemas"]["Uuid"];
            /** Format: uuid */
            parentId: string | null;
            /** @example 21.04.3 */
            kennzeichen: string;
            /** @example Straßenbau – Planfeststellung */
            titel: string;
            beschreibung: string | null;
            /** Format: date */
            gueltigAb: string | null;
            /**
             * Format: date
             * @description Retired units (gueltigBis in the past) take no new Akten.
             */
            gueltigBis: string | null;
            /** @description Retention in whole years, or `unbefristet`; null when not set on this unit. */
            aufbewahrungsfrist: number | "unbefristet" | null;
            /**
             * @description A archivwürdig, B bewerten, V vernichten
             * @enum {string|null}
             */
            aussonderungsart: "A" | "B" | "V" | null;
            /** @description Depth in the tree (1 = top level) */
            ebene: number;
        };
        Aktenplan: {
            /** @description All units in tree order (parents before children, siblings by Kennzeichen). */
            einheiten: components["schemas"]["Aktenplaneinheit"][];
        };
        /** @description RFC 9457 problem details with a stable machine-readable `code`. */
        Problem: {
            /** @example urn:eakte:problem:nicht-gefunden */
            type: string;
            /** @example Not Found */
            title: string;
            status: number;
            /** @example Aktenplaneinheit nicht gefunden */
            detail: string;
            /** @example NICHT_GEFUNDEN */
            code: string;
            instance?: string;
            requestId?: string;
            /** @description Validation errors, one per field. */
            fehler?: {
                ort: string;
                feld: string;
                meldung: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        /** @description Tenant settings. Unset keys take the platform defaults. */
        Einstellungen: {
            /**
             * @description The state archive responsible for this agency (Aussonderung).
             * @example Landesarchiv Musterland
             */
            zustaendigesArchiv?: string | null;
            /**
             * @description Rule for new Aktenzeichen; placeholders `{kennzeichen}`, `{nr:4}` (running number, zero-padded), `{jahr}`.
             * @example {kennzeichen}-{nr:4}/{jahr}
             */
            aktenzeichenRegel?: string;
            /**
             * @description Allowed MIME types for uploads.
             * @example [
             *       "application/pdf",
             *       "image/tiff",
             *       "text/plain"
             *     ]
             */
            erlaubteFormate?: string[];
            /**
             * @description Largest upload in bytes.
             * @example 536870912
             */
            maxUploadGroesse?: number;
            /**
             * @description Whether clerks see all Akten of the agency or only those of their org units.
             * @enum {string}
             */
            sichtbarkeit?: "behoerde" | "organisationseinheit";
            /** @description Whether Vertraulichkeitsstufen above VS-NfD may be stored. */
            hoehereEinstufungenErlaubt?: boolean;
        };
        Mandant: {
            id: components["schemas"]["Uuid"];
            /** @example lfu */
            slug: string;
            /** @example Landesamt für Umwelt */
            name: string;
            /** @example LFU-01 */
            behoerdenkennung: string | null;
            einstellungen: components["schemas"]["Einstellungen"];
            /** Format: date-time */
            erstelltAm: string;
        };
        MandantenSeite: {
            items: components["schemas"]["Mandant"][];
            nextCursor: string | null;
        };
        MandantNeu: {
            /**
             * @description Short technical name; the tenant claim of tokens carries it.
             * @example lfu
             */
            slug: string;
            /** @example Landesamt für Umwelt */
            name: string;
            /** @example LFU-01 */
            behoerdenkennung?: string;
            einstellungen?: components["schemas"]["Einstellungen"];
        };
        MandantAenderung: {
            name?: string;
            einstellungen?: components["schemas"]["Einstellungen"];
        };
    };
    responses: {
        /** @description Missing, invalid or expired bearer token. */
        Problem401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's roles do not permit this operation. */
        Problem403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is malformed or fails validation (see `fehler`). */
        Problem400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such object in the caller's tenant (another tenant's id answers the same). */
        Problem404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflicts with the current state (e.g. already exists, object closed). */
        Problem409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match does not match the current version (someone changed it meanwhile). */
        Problem412: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match is required for this change. */
        Problem428: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Page size (at most 200). */
        Limit: number;
        /** @description Opaque cursor from `nextCursor` of the previous page. */
        Cursor: string;
        /** @description The ETag of the version being changed. Required; 428 when missing, 412 when stale. */
        IfMatch: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAktenplan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole Aktenplan of the caller's tenant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aktenplan"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    getAktenplaneinheit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aktenplaneinheit"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    listMandanten: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque cursor from `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tenants, ordered by slug. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MandantenSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    createMandant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "slug": "lfu",
                 *       "name": "Landesamt für Umwelt",
                 *       "behoerdenkennung": "LFU-01",
                 *       "einstellungen": {
                 *         "zustaendigesArchiv": "Landesarchiv Musterland",
                 *         "maxUploadGroesse": 536870912
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MandantNeu"];
            };
        };
        responses: {
            /** @description The new tenant. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mandant"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
        };
    };
    getMandant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's tenant. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mandant"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    updateMandant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version being changed. Required; 428 when missing, 412 when stale. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "einstellungen": {
                 *         "sichtbarkeit": "organisationseinheit"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MandantAenderung"];
            };
        };
        responses: {
            /** @description The changed tenant. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mandant"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            412: components["responses"]["Problem412"];
            428: components["responses"]["Problem428"];
        };
    };
}
