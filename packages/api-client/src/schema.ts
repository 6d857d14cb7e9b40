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
    "/vorgaenge/{id}/dokumente": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the Vorgang. */
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /** The Dokumente of a Vorgang, oldest first */
        get: operations["listDokumente"];
        put?: never;
        /**
         * File a new Dokument into a Vorgang (multipart upload, streamed)
         * @description One file part `datei` plus the metadata fields. The content is streamed to object storage
         *     under a key the service chooses, hashed (SHA-256) on the way; its type is detected from the
         *     bytes. Closed (z.d.A.) Vorgänge and Akten accept no new Dokumente.
         */
        post: operations["createDokument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dokumente/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /** A Dokument's metadata and its newest version */
        get: operations["getDokument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a Dokument's metadata (If-Match required) */
        patch: operations["updateDokument"];
        trace?: never;
    };
    "/dokumente/{id}/versionen": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /** All versions of a Dokument, oldest first */
        get: operations["listDokumentVersionen"];
        put?: never;
        /** Add a new version (multipart upload, streamed); earlier versions stay unchanged */
        post: operations["createDokumentVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dokumente/{id}/inhalt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /**
         * The content of the newest version
         * @description Streamed from storage. `ETag` is the SHA-256 of the bytes; `If-None-Match` answers 304,
         *     one `Range` answers 206. The file name is sent per RFC 6266 (UTF-8). Every read is recorded
         *     in the audit trail.
         */
        get: operations["getDokumentInhalt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dokumente/{id}/versionen/{nr}/inhalt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
                /** @description Version number (1, 2, …). */
                nr: number;
            };
            cookie?: never;
        };
        /**
         * The content of one version
         * @description Streamed from storage. `ETag` is the SHA-256 of the bytes; `If-None-Match` answers 304,
         *     one `Range` answers 206. The file name is sent per RFC 6266 (UTF-8). Every read is recorded
         *     in the audit trail.
         */
        get: operations["getDokumentVersionInhalt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dokumente/{id}/eingangsstempel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stamp the receipt on page 1 of the current PDF version, as a new version
         * @description The stamp names the agency, date and time of receipt (filing of the first version), the
         *     Aktenzeichen, the Vorgang and the document number. It is placed in a page corner that covers
         *     no text if there is one (top right first). The stamped PDF becomes a new version; the
         *     original stays unchanged.
         */
        post: operations["createEingangsstempel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/akten/{id}/auszug.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the Akte. */
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /**
         * One PDF of the whole Akte for file inspection (Akteneinsicht)
         * @description Cover page with the Akte's metadata, a table of contents (Vorgang, Dokument, date, pages),
         *     every PDF Dokument (current version) appended, page numbers and the Aktenzeichen in the
         *     footer of every page. Other formats are listed with name, type and SHA-256. Every included
         *     Dokument counts as a content read in the audit trail.
         */
        get: operations["getAktenauszug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/fixity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-read the tenant's stored content and compare it with the recorded SHA-256
         * @description Checks up to 500 Dokumente of the caller's tenant, those checked longest ago first. A
         *     mismatch or a missing object marks the Dokument `verletzt` (see `integritaet` of
         *     `GET /dokumente/{id}`) and is recorded in the audit trail.
         */
        post: operations["runFixityCheck"];
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
        /**
         * Format: date
         * @example 2026-03-02
         */
        Datum: string;
        /**
         * @description SHA-256 of the stored bytes, lower-case hex.
         * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
         */
        Sha256: string;
        /**
         * @description One immutable version of a Dokument.
         * @example {
         *       "nr": 1,
         *       "groesse": 48213,
         *       "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *       "mimeType": "application/pdf",
         *       "dateiname": "Antrag Müller.pdf",
         *       "herkunft": "upload",
         *       "erstelltAm": "2026-03-02T09:14:00Z",
         *       "erstelltVon": "demo-sachbearbeitung"
         *     }
         */
        DokumentVersion: {
            nr: number;
            /** @description Size in bytes. */
            groesse: number;
            sha256: components["schemas"]["Sha256"];
            /**
             * @description Type detected from the content (not the one the client claimed).
             * @example application/pdf
             */
            mimeType: string;
            /**
             * @description Sanitised file name, metadata only.
             * @example Antrag Müller.pdf
             */
            dateiname: string;
            /** @enum {string} */
            herkunft: "upload" | "eingangsstempel";
            /** Format: date-time */
            erstelltAm: string;
            erstelltVon: string;
        };
        /**
         * @example {
         *       "id": "01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a",
         *       "vorgangId": "01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b00",
         *       "akteId": "01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5a00",
         *       "betreff": "Antrag auf Baugenehmigung",
         *       "datumDesSchreibens": "2026-02-27",
         *       "eingangsdatum": "2026-03-02",
         *       "absender": "Erika Müller",
         *       "bemerkung": null,
         *       "aktuelleVersion": {
         *         "nr": 1,
         *         "groesse": 48213,
         *         "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *         "mimeType": "application/pdf",
         *         "dateiname": "Antrag Müller.pdf",
         *         "herkunft": "upload",
         *         "erstelltAm": "2026-03-02T09:14:00Z",
         *         "erstelltVon": "demo-sachbearbeitung"
         *       },
         *       "integritaet": "ungeprueft",
         *       "erstelltAm": "2026-03-02T09:14:00Z",
         *       "erstelltVon": "demo-sachbearbeitung",
         *       "geaendertAm": "2026-03-02T09:14:00Z"
         *     }
         */
        Dokument: {
            id: components["schemas"]["Uuid"];
            vorgangId: components["schemas"]["Uuid"];
            akteId: components["schemas"]["Uuid"];
            betreff: string;
            datumDesSchreibens: components["schemas"]["Datum"];
            /** Format: date */
            eingangsdatum: string | null;
            absender: string | null;
            bemerkung: string | null;
            aktuelleVersion: components["schemas"]["DokumentVersion"];
            /**
             * @description Result of the last fixity check of the stored content.
             * @enum {string}
             */
            integritaet: "ungeprueft" | "intakt" | "verletzt";
            /** Format: date-time */
            erstelltAm: string;
            erstelltVon: string;
            /** Format: date-time */
            geaendertAm: string;
        };
        DokumenteSeite: {
            items: components["schemas"]["Dokument"][];
            nextCursor: string | null;
        };
        /** @description Multipart form of a new Dokument; the file part is streamed, never buffered whole. */
        DokumentNeu: {
            /**
             * Format: binary
             * @description The file. Its type is detected from the content and must be allowed for the tenant.
             */
            datei: string;
            betreff: string;
            datumDesSchreibens: components["schemas"]["Datum"];
            eingangsdatum?: components["schemas"]["Datum"];
            absender?: string;
            bemerkung?: string;
        };
        /**
         * @description Metadata changes; the content changes only by a new version.
         * @example {
         *       "betreff": "Antrag auf Baugenehmigung (ergänzt)",
         *       "eingangsdatum": "2026-03-03"
         *     }
         */
        DokumentAenderung: {
            betreff?: string;
            datumDesSchreibens?: components["schemas"]["Datum"];
            /** Format: date */
            eingangsdatum?: string | null;
            absender?: string | null;
            bemerkung?: string | null;
            /** @description Reason; required when the Registratur changes a Dokument of a closed Vorgang or Akte. */
            grund?: string;
        };
        VersionenListe: {
            items: components["schemas"]["DokumentVersion"][];
        };
        VersionNeu: {
            /** Format: binary */
            datei: string;
        };
        /**
         * Format: binary
         * @description The stored bytes, with the detected type as Content-Type.
         */
        Inhalt: string;
        FixityErgebnis: {
            dokumente: number;
            versionen: number;
            verletzt: {
                dokumentId: components["schemas"]["Uuid"];
                versionNr: number;
                /** @enum {string} */
                grund: "abweichend" | "fehlt" | "unlesbar";
            }[];
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
        /** @description The file is larger than the tenant allows; nothing was stored. */
        Problem413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The detected file type is not allowed for the tenant, or contradicts the declared type; nothing was stored. */
        Problem415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The object storage is not reachable; nothing was stored. Retry later (with the same Idempotency-Key). */
        Problem503: {
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
        /** @description The requested range lies outside the content (`Content-Range` names the size). */
        Problem416: {
            headers: {
                "Content-Range"?: string;
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
        /**
         * @description A retry with the same key returns the first result and stores nothing new.
         * @example 6f1c2a0e-upload-1
         */
        IdempotencyKey: string;
        /** @description The ETag of the version being changed. Required; 428 when missing, 412 when stale. */
        IfMatch: string;
        /**
         * @description One byte range (`bytes=0-1023`, `bytes=1024-`, `bytes=-500`). Several ranges are answered with the whole content.
         * @example bytes=0-1023
         */
        Range: string;
        /** @description Honour Range only if the content still has this ETag. */
        IfRange: string;
        /** @description ETag (SHA-256) the client already has; 304 when it is current. */
        IfNoneMatch: string;
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
    listDokumente: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque cursor from `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description Id of the Vorgang. */
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of Dokumente. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["DokumenteSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    createDokument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A retry with the same key returns the first result and stores nothing new.
                 * @example 6f1c2a0e-upload-1
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description Id of the Vorgang. */
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["DokumentNeu"];
            };
        };
        responses: {
            /** @description The new Dokument with its first version. */
            201: {
                headers: {
                    Location?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dokument"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            503: components["responses"]["Problem503"];
        };
    };
    getDokument: {
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
            /** @description The Dokument. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dokument"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    updateDokument: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version being changed. Required; 428 when missing, 412 when stale. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "betreff": "Antrag auf Baugenehmigung (ergänzt)"
                 *     }
                 */
                "application/json": components["schemas"]["DokumentAenderung"];
            };
        };
        responses: {
            /** @description The changed Dokument. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dokument"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            428: components["responses"]["Problem428"];
        };
    };
    listDokumentVersionen: {
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
            /** @description The versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionenListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    createDokumentVersion: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A retry with the same key returns the first result and stores nothing new.
                 * @example 6f1c2a0e-upload-1
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["VersionNeu"];
            };
        };
        responses: {
            /** @description The new version. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DokumentVersion"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            503: components["responses"]["Problem503"];
        };
    };
    getDokumentInhalt: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description One byte range (`bytes=0-1023`, `bytes=1024-`, `bytes=-500`). Several ranges are answered with the whole content.
                 * @example bytes=0-1023
                 */
                Range?: components["parameters"]["Range"];
                /** @description Honour Range only if the content still has this ETag. */
                "If-Range"?: components["parameters"]["IfRange"];
                /** @description ETag (SHA-256) the client already has; 304 when it is current. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole content. */
            200: {
                headers: {
                    ETag?: string;
                    /** @example attachment; filename="Antrag Muller.pdf"; filename*=UTF-8''Antrag%20M%C3%BCller.pdf */
                    "Content-Disposition"?: string;
                    "Content-Length"?: number;
                    "Accept-Ranges"?: "bytes";
                    "X-Content-Type-Options"?: "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            /** @description The requested byte range. */
            206: {
                headers: {
                    ETag?: string;
                    /** @example attachment; filename="Antrag Muller.pdf"; filename*=UTF-8''Antrag%20M%C3%BCller.pdf */
                    "Content-Disposition"?: string;
                    "Content-Length"?: number;
                    "Accept-Ranges"?: "bytes";
                    "X-Content-Type-Options"?: "nosniff";
                    /** @example bytes 0-1023/48213 */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            /** @description The client's copy (If-None-Match) is current. */
            304: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            416: components["responses"]["Problem416"];
            503: components["responses"]["Problem503"];
        };
    };
    getDokumentVersionInhalt: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description One byte range (`bytes=0-1023`, `bytes=1024-`, `bytes=-500`). Several ranges are answered with the whole content.
                 * @example bytes=0-1023
                 */
                Range?: components["parameters"]["Range"];
                /** @description Honour Range only if the content still has this ETag. */
                "If-Range"?: components["parameters"]["IfRange"];
                /** @description ETag (SHA-256) the client already has; 304 when it is current. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: components["schemas"]["Uuid"];
                /** @description Version number (1, 2, …). */
                nr: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole content. */
            200: {
                headers: {
                    ETag?: string;
                    /** @example attachment; filename="Antrag Muller.pdf"; filename*=UTF-8''Antrag%20M%C3%BCller.pdf */
                    "Content-Disposition"?: string;
                    "Content-Length"?: number;
                    "Accept-Ranges"?: "bytes";
                    "X-Content-Type-Options"?: "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            /** @description The requested byte range. */
            206: {
                headers: {
                    ETag?: string;
                    /** @example attachment; filename="Antrag Muller.pdf"; filename*=UTF-8''Antrag%20M%C3%BCller.pdf */
                    "Content-Disposition"?: string;
                    "Content-Length"?: number;
                    "Accept-Ranges"?: "bytes";
                    "X-Content-Type-Options"?: "nosniff";
                    /** @example bytes 0-1023/48213 */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            /** @description The client's copy (If-None-Match) is current. */
            304: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            416: components["responses"]["Problem416"];
            503: components["responses"]["Problem503"];
        };
    };
    createEingangsstempel: {
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
            /** @description The stamped version. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DokumentVersion"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            /** @description Closed Vorgang or Akte, the current version is no PDF, is stamped already, or cannot be read (encrypted). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The PDF is too large to be worked on. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Problem503"];
        };
    };
    getAktenauszug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the Akte. */
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Aktenauszug. */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    "X-Content-Type-Options"?: "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            /** @description The Akte's PDFs are too large for one extract. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Problem503"];
        };
    };
    runFixityCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was checked and what did not match. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dokumente": 2,
                     *       "versionen": 3,
                     *       "verletzt": [
                     *         {
                     *           "dokumentId": "01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a",
                     *           "versionNr": 1,
                     *           "grund": "abweichend"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["FixityErgebnis"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            503: components["responses"]["Problem503"];
        };
    };
}
