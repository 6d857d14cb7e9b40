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
    "/protokoll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's audit events, newest first
         * @description **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["listProtokoll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/protokoll/pruefung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verifies the tenant's audit chain (optionally a sequence range) and its signed checkpoints
         * @description **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["pruefeProtokoll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/protokoll/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Streams the tenant's events in sequence order for external archiving
         * @description JSONL: one event per line, the fields of `ProtokollEreignis`; with the public key this
         *     suffices for `scripts/verify-protokoll.ts`. CSV: the same fields, arrays and objects as JSON.
         *
         *     **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["exportProtokoll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/protokoll/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's signed checkpoints, newest first
         * @description **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["listProtokollCheckpoints"];
        put?: never;
        /**
         * Signs a checkpoint of the tenant's chain head now
         * @description **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        post: operations["createProtokollCheckpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/protokoll/schluessel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public key that verifies checkpoint signatures
         * @description **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["getProtokollSchluessel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/akten/{id}/historie": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The full history of an Akte, including its Vorgänge and Dokumente, oldest first
         * @description **Berechtigte Rollen:** `pruefung`, `registratur`, `sachbearbeitung`
         */
        get: operations["getAkteHistorie"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        /** @description Per-tenant sequence number of an audit event (gap-free, starting at 1). */
        Sequenz: number;
        Aenderung: {
            feld: string;
            /** @description Old value (any JSON value, null when none). */
            alt: unknown;
            /** @description New value (any JSON value, null when none). */
            neu: unknown;
        };
        /** @description SHA-256, lowercase hex. */
        Hash: string;
        /**
         * @description One audit event, exactly the fields covered by the chain hash plus the hash itself (see the
         *     README, "Audit chain format").
         */
        ProtokollEreignis: {
            /** Format: uuid */
            mandantId: string;
            sequenz: components["schemas"]["Sequenz"];
            /**
             * @description RFC 3339 UTC with six fractional digits.
             * @example 2026-11-27T08:15:00.123456Z
             */
            zeit: string;
            akteurSub: string;
            akteurName: string;
            akteurRollen: string[];
            akteurClient: string | null;
            /** @example akte.erstellt */
            aktion: string;
            /** @example akte */
            objektTyp: string;
            objektId: string | null;
            aktenzeichen: string | null;
            akteId: string | null;
            aenderungen: components["schemas"]["Aenderung"][];
            /** @enum {string} */
            ergebnis: "erfolg" | "abgelehnt" | "fehler";
            details: {
                [key: string]: unknown;
            };
            requestId: string | null;
            clientIp: string | null;
            hash: components["schemas"]["Hash"];
        };
        ProtokollSeite: {
            items: components["schemas"]["ProtokollEreignis"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        Kettenfehler: {
            /** @description The first bad sequence number. */
            sequenz: number;
            /**
             * @description `hash` the event's content does not match its hash; `luecke` the sequence number is missing;
             *     `reihenfolge` events are out of order; `abgeschnitten` the chain ends before its head or a
             *     signed checkpoint (tail removed, e.g. an old backup restored); `checkpoint` the chain
             *     differs from a signed checkpoint; `signatur` a checkpoint's signature is invalid.
             * @enum {string}
             */
            art: "hash" | "luecke" | "reihenfolge" | "abgeschnitten" | "checkpoint" | "signatur";
            meldung: string;
            erwartet?: string | null;
            gefunden?: string | null;
        };
        Pruefergebnis: {
            gueltig: boolean;
            /** @description Number of events re-hashed. */
            geprueft: number;
            vonSequenz: number;
            /** @description Last sequence number checked (null when none). */
            bisSequenz: number | null;
            letzterHash: string | null;
            /** @description The newest signed checkpoint the chain was compared with (database or object storage). */
            checkpoint: null | {
                sequenz: components["schemas"]["Sequenz"];
                hash: components["schemas"]["Hash"];
                /** Format: date-time */
                zeit: string;
                /** @enum {string} */
                quelle: "datenbank" | "objektspeicher";
            };
            /** @description The first problem found, null when the chain is valid. */
            fehler: null | components["schemas"]["Kettenfehler"];
        };
        /**
         * @description A signed statement of a tenant's chain: Ed25519 signature (base64) over the UTF-8 bytes of the
         *     canonical JSON `{"hash":…,"mandantId":…,"sequenz":…,"zeit":…}` (sorted keys, no whitespace).
         */
        Checkpoint: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            mandantId: string;
            sequenz: components["schemas"]["Sequenz"];
            hash: components["schemas"]["Hash"];
            /** @description RFC 3339 UTC with six fractional digits. */
            zeit: string;
            /** @description SHA-256 (hex) of the public key's DER (SPKI) encoding. */
            schluesselId: string;
            /** @description Ed25519 signature, base64. */
            signatur: string;
            /** @description Key of the copy in object storage. */
            objektSchluessel: string;
        };
        CheckpointSeite: {
            items: components["schemas"]["Checkpoint"][];
            nextCursor: string | null;
        };
        Schluessel: {
            /** @enum {string} */
            algorithmus: "Ed25519";
            schluesselId: string;
            /** @description SPKI public key, PEM. */
            publicKeyPem: string;
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
        /** @description Page size (at most 200). */
        limit: number;
        /** @description The `nextCursor` of the previous page. */
        cursor: string;
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
    listProtokoll: {
        parameters: {
            query?: {
                objektId?: string;
                /** @description Prefix of the Aktenzeichen. */
                aktenzeichen?: string;
                /** @description The actor's `sub`. */
                akteur?: string;
                aktion?: string;
                /** @description Events at or after this time. */
                von?: string;
                /** @description Events before this time. */
                bis?: string;
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtokollSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    pruefeProtokoll: {
        parameters: {
            query?: {
                /** @description First sequence number to check (default 1). */
                von?: components["schemas"]["Sequenz"];
                /** @description Last sequence number to check (default the chain head). */
                bis?: components["schemas"]["Sequenz"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result; `gueltig` false names the first bad sequence number and what is wrong. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pruefergebnis"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    exportProtokoll: {
        parameters: {
            query?: {
                format?: "jsonl" | "csv";
                von?: components["schemas"]["Sequenz"];
                bis?: components["schemas"]["Sequenz"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events, streamed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    listProtokollCheckpoints: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of checkpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    createProtokollCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint, stored in the database and in object storage. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkpoint"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description The tenant's audit trail is still empty. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProtokollSchluessel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Ed25519 public key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schluessel"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    getAkteHistorie: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the Akte's events (its own and those of objects in it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtokollSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
}
