// Generated from openapi/ by `pnpm generate`. Do not edit.

export interface paths {
    "/aktenplan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's Aktenplan as a flat list in tree order */
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
        /** One unit of the Aktenplan */
        get: operations["getAktenplaneinheit"];
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
    };
    parameters: never;
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
}
