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
        /** Delete a unit without Akten and sub-units (registratur); otherwise retire it */
        delete: operations["deleteAktenplaneinheit"];
        options?: never;
        head?: never;
        /** Change a unit (registratur); `gueltigBis` retires it */
        patch: operations["updateAktenplaneinheit"];
        trace?: never;
    };
    "/aktenplan/einheiten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a unit to the Aktenplan (registratur) */
        post: operations["createAktenplaneinheit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisationseinheiten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's org units */
        get: operations["listOrganisationseinheiten"];
        put?: never;
        /** Create an org unit (fachadministration) */
        post: operations["createOrganisationseinheit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/benutzer/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's clearance and org units (fachadministration) */
        put: operations["setBenutzer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/akten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Akten visible to the caller, filtered, keyset-paginated */
        get: operations["listAkten"];
        put?: never;
        /** Create an Akte; the server assigns the Aktenzeichen */
        post: operations["createAkte"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/akten/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One Akte, with ETag */
        get: operations["getAkte"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an Akte's metadata (If-Match required) */
        patch: operations["updateAkte"];
        trace?: never;
    };
    "/akten/{id}/zda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an Akte (z.d.A.); all its Vorgänge must be closed */
        post: operations["zdaAkte"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/akten/{id}/wiederaufnahme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed Akte (registratur); the running retention is voided */
        post: operations["wiederaufnahmeAkte"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/akten/{id}/umprotokollierung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an Akte to another Aktenplaneinheit (registratur); it gets a new Aktenzeichen, the old one stays findable */
        post: operations["umprotokolliereAkte"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/akten/{id}/vorgaenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Vorgänge of an Akte, by number */
        get: operations["listVorgaengeDerAkte"];
        put?: never;
        /** Create a Vorgang in an open Akte */
        post: operations["createVorgang"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vorgaenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Worklist — open Vorgänge with a Wiedervorlage up to a date */
        get: operations["listVorgaenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vorgaenge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One Vorgang, with ETag */
        get: operations["getVorgang"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a Vorgang (If-Match required) */
        patch: operations["updateVorgang"];
        trace?: never;
    };
    "/vorgaenge/{id}/zda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a Vorgang (z.d.A.) */
        post: operations["zdaVorgang"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suche": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Akten and Vorgänge by Aktenzeichen and Betreff
         * @description Aktenzeichen exact and by prefix (also former Aktenzeichen), Betreff words with German stemming,
         *     trigram similarity for typos; `ß`/`ss` and `ä`/`ae` compare equal. Only objects the caller may
         *     see are returned (tenant, clearance, org-unit visibility).
         */
        get: operations["suche"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loeschsperren": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Löschsperren of the tenant, newest first (registratur, pruefung) */
        get: operations["listLoeschsperren"];
        put?: never;
        /** Place a Löschsperre (legal hold) on Akten (registratur) */
        post: operations["createLoeschsperre"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loeschsperren/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Release a Löschsperre with a reason (registratur); the record stays */
        delete: operations["aufhebenLoeschsperre"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderung/faellig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Akten due for Aussonderung and not yet offered, with a flag for held ones (registratur) */
        get: operations["listFaelligeAkten"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Offer Akten to the archive: a new Aussonderung in state angeboten (registratur) */
        post: operations["createAussonderung"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An Aussonderung with its objects, progress and received messages (registratur) */
        get: operations["getAussonderung"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/anbietung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The offer package 0501 (Anbieteverzeichnis, metadata only) as ZIP (registratur) */
        get: operations["getAnbietung"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/bewertung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the archive's appraisal: its 0502 as XML, or a manual JSON map (registratur) */
        post: operations["postBewertung"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/bewertungsbestaetigung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt 0505 for the archive's 0502, as ZIP (registratur) */
        get: operations["getBewertungsbestaetigung"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/empfangsbestaetigung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the archive's receipt 0504 (after our 0501) or 0507 (after our 0503) (registratur) */
        post: operations["postEmpfangsbestaetigung"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/abgabe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transfer package 0503 for the objects appraised A, streamed as ZIP (registratur) */
        get: operations["getAbgabe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/importbestaetigung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the archive's import confirmation 0506: confirmed Akten become archiviert and lose their content (registratur) */
        post: operations["postImportbestaetigung"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/vernichtung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request destruction of the objects appraised V (registratur; a second person approves) */
        post: operations["postVernichtung"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/vernichtung/freigabe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the destruction (registratur, not the requester): content is deleted, the stub kept */
        post: operations["postVernichtungFreigabe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/vernichtungsprotokoll.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Vernichtungsprotokoll as PDF (registratur) */
        get: operations["getVernichtungsprotokoll"];
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
        /** @description Retention in whole years, or `unbefristet`; null when none applies. */
        Aufbewahrungsfrist: number | "unbefristet" | null;
        /**
         * @description A archivwürdig, B bewerten, V vernichten
         * @enum {string|null}
         */
        Aussonderungsart: "A" | "B" | "V" | null;
        /** @description Changes; Kennzeichen and parent are fixed once created. `gueltigBis` retires a unit. */
        AktenplaneinheitAenderung: {
            titel?: string;
            beschreibung?: string | null;
            /** Format: date */
            gueltigAb?: string | null;
            /** Format: date */
            gueltigBis?: string | null;
            aufbewahrungsfrist?: components["schemas"]["Aufbewahrungsfrist"];
            aussonderungsart?: components["schemas"]["Aussonderungsart"];
        };
        AktenplaneinheitNeu: {
            /**
             * Format: uuid
             * @description Parent unit; its Kennzeichen must be the prefix of this one.
             */
            parentId?: string | null;
            /** @example 21.04.3 */
            kennzeichen: string;
            titel: string;
            beschreibung?: string | null;
            /** Format: date */
            gueltigAb?: string | null;
            /** Format: date */
            gueltigBis?: string | null;
            aufbewahrungsfrist?: components["schemas"]["Aufbewahrungsfrist"];
            aussonderungsart?: components["schemas"]["Aussonderungsart"];
        };
        Organisationseinheit: {
            id: components["schemas"]["Uuid"];
            /** @example FB 3.2 */
            kuerzel: string;
            /** @example Fachbereich Tiefbau */
            name: string;
        };
        OrganisationseinheitListe: {
            items: components["schemas"]["Organisationseinheit"][];
        };
        OrganisationseinheitNeu: {
            kuerzel: string;
            name: string;
        };
        /**
         * @description Clearance of a user; objects above it are invisible to them.
         * @enum {string}
         */
        Freigabe: "offen" | "vs-nfd" | "vertraulich" | "geheim" | "streng-geheim";
        BenutzerSetzen: {
            name?: string | null;
            freigabe: components["schemas"]["Freigabe"];
            organisationseinheiten: components["schemas"]["Uuid"][];
        };
        Benutzer: {
            sub: string;
            name: string | null;
            freigabe: components["schemas"]["Freigabe"];
            organisationseinheiten: components["schemas"]["Uuid"][];
        };
        /** @enum {string} */
        Status: "offen" | "geschlossen";
        /**
         * @description xdomea code — 003 Offen, 002 VS-NfD, 005 Vertraulich, 001 Geheim, 004 Streng geheim.
         * @enum {string}
         */
        Vertraulichkeitsstufe: "003" | "002" | "005" | "001" | "004";
        /**
         * @description xdomea code — 001 elektronisch, 002 hybrid, 003 Papier.
         * @enum {string}
         */
        Medium: "001" | "002" | "003";
        Akte: {
            id: components["schemas"]["Uuid"];
            /** @example 21.04.3-0007/2026 */
            aktenzeichen: string;
            /** @description Aktenzeichen the Akte had before an Umprotokollierung; still findable. */
            fruehereAktenzeichen: string[];
            aktenplaneinheitId: components["schemas"]["Uuid"];
            betreff: string;
            /**
             * Format: uuid
             * @description Responsible org unit.
             */
            federfuehrung: string | null;
            vertraulichkeitsstufe: components["schemas"]["Vertraulichkeitsstufe"];
            medium: components["schemas"]["Medium"];
            bemerkung: string | null;
            status: components["schemas"]["Status"];
            /** Format: date */
            zdaDatum: string | null;
            laufzeit: {
                /** Format: date */
                beginn: string;
                /** Format: date */
                ende: string | null;
            };
            aufbewahrungsfrist: components["schemas"]["Aufbewahrungsfrist"];
            /** @description True when the Frist comes from the Aktenplan rather than the Akte. */
            aufbewahrungsfristGeerbt?: boolean;
            aussonderungsart: components["schemas"]["Aussonderungsart"];
            /**
             * Format: date
             * @description Last day of retention (31 December); null while open or for `unbefristet`.
             */
            aufbewahrungBis: string | null;
            /**
             * Format: date
             * @description Aussonderung due from (1 January); null while open or for `unbefristet`.
             */
            aussonderungFaelligAb: string | null;
            version: number;
            /** Format: date-time */
            erstelltAm: string;
            /** Format: date-time */
            geaendertAm: string;
        };
        AktenListe: {
            items: components["schemas"]["Akte"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        AkteNeu: {
            aktenplaneinheitId: components["schemas"]["Uuid"];
            betreff: string;
            /**
             * Format: uuid
             * @description Default the caller's (first) org unit.
             */
            federfuehrung?: string | null;
            vertraulichkeitsstufe?: components["schemas"]["Vertraulichkeitsstufe"];
            medium?: components["schemas"]["Medium"];
            bemerkung?: string | null;
            /**
             * Format: date
             * @description Earlier begin of the Laufzeit (`registratur` only, e.g. migrating paper files); default today.
             */
            laufzeitBeginn?: string;
        };
        /**
         * @description Metadata changes. On a closed Akte only `registratur` may change metadata, and must give a `grund`.
         *     `aufbewahrungsfrist` and `aussonderungsart` are changed by `registratur` only (null = inherit from the Aktenplan).
         */
        AkteAenderung: {
            betreff?: string;
            /** Format: uuid */
            federfuehrung?: string | null;
            vertraulichkeitsstufe?: components["schemas"]["Vertraulichkeitsstufe"];
            medium?: components["schemas"]["Medium"];
            bemerkung?: string | null;
            aufbewahrungsfrist?: components["schemas"]["Aufbewahrungsfrist"];
            aussonderungsart?: components["schemas"]["Aussonderungsart"];
            grund?: string;
        };
        ZdaVerfuegung: {
            /**
             * Format: date
             * @description Earlier date of the z.d.A. (`registratur` only, e.g. migrating paper files); default today.
             */
            datum?: string;
        };
        Wiederaufnahme: {
            grund: string;
        };
        Umprotokollierung: {
            aktenplaneinheitId: components["schemas"]["Uuid"];
            grund: string;
        };
        Vorgang: {
            id: components["schemas"]["Uuid"];
            akteId: components["schemas"]["Uuid"];
            /** @example 21.04.3-0007/2026 */
            aktenzeichen: string;
            /** @example 21.04.3-0007/2026-003 */
            kennzeichen: string;
            betreff: string;
            status: components["schemas"]["Status"];
            /** Format: date */
            zdaDatum: string | null;
            /** Format: date */
            wiedervorlage: string | null;
            version: number;
            /** Format: date-time */
            erstelltAm: string;
            /** Format: date-time */
            geaendertAm: string;
        };
        VorgangListe: {
            items: components["schemas"]["Vorgang"][];
            nextCursor: string | null;
        };
        VorgangNeu: {
            betreff: string;
            /** Format: date */
            wiedervorlage?: string | null;
        };
        VorgangAenderung: {
            betreff?: string;
            /** Format: date */
            wiedervorlage?: string | null;
            grund?: string;
        };
        Suchtreffer: {
            /** @enum {string} */
            typ: "akte" | "vorgang";
            id: components["schemas"]["Uuid"];
            akteId: components["schemas"]["Uuid"];
            /** @description Aktenzeichen of an Akte, Kennzeichen of a Vorgang. */
            kennzeichen: string;
            betreff: string;
            status: components["schemas"]["Status"];
            /** @enum {string} */
            trefferArt: "aktenzeichen" | "volltext" | "aehnlich";
            relevanz: number;
        };
        Suchergebnis: {
            items: components["schemas"]["Suchtreffer"][];
            nextCursor: string | null;
        };
        /** @description A legal hold. It blocks destruction, transfer, deletion and shortening of retention of every covered Akte until released. */
        Loeschsperre: {
            id: components["schemas"]["Uuid"];
            bezeichnung: string;
            grund: string;
            /** @description Case reference of the court or authority, if any. */
            aktenzeichenGericht: string | null;
            /** @description Ids of the covered Akten. */
            akten: components["schemas"]["Uuid"][];
            /** @description False once released. */
            aktiv: boolean;
            /** Format: date-time */
            erstelltAm: string;
            erstelltVon: string;
            /** Format: date-time */
            aufgehobenAm: string | null;
            aufgehobenVon: string | null;
            aufhebungsgrund: string | null;
        };
        LoeschsperrenListe: {
            items: components["schemas"]["Loeschsperre"][];
            nextCursor: string | null;
        };
        LoeschsperreNeu: {
            bezeichnung: string;
            grund: string;
            aktenzeichenGericht?: string;
            akten: components["schemas"]["Uuid"][];
        };
        /** @description An Akte whose retention has ended and that is in no Aussonderung yet. */
        FaelligeAkte: {
            id: components["schemas"]["Uuid"];
            aktenzeichen: string;
            betreff: string;
            aktenplaneinheitId: components["schemas"]["Uuid"];
            aktenplanKennzeichen: string;
            /** Format: date */
            aufbewahrungBis: string | null;
            /** Format: date */
            aussonderungFaelligAb: string;
            aussonderungsart: components["schemas"]["Aussonderungsart"];
            /** @description A Löschsperre covers the Akte; it cannot be offered until all holds are released. */
            gesperrt: boolean;
        };
        FaelligeAktenListe: {
            items: components["schemas"]["FaelligeAkte"][];
            nextCursor: string | null;
        };
        AussonderungNeu: {
            akten: components["schemas"]["Uuid"][];
        };
        /**
         * @description The archive's appraisal, A archivieren, V vernichten; null while unappraised.
         * @enum {string|null}
         */
        Bewertung: "A" | "V" | null;
        AussonderungsObjekt: {
            akteId: components["schemas"]["Uuid"];
            aktenzeichen: string;
            betreff: string;
            bewertung: components["schemas"]["Bewertung"];
            /** @enum {string} */
            status: "angeboten" | "bewertet" | "abgegeben" | "archiviert" | "vernichtet";
            /** @description The archive's id from its import confirmation (0506). */
            archivkennung: string | null;
            gesperrt: boolean;
        };
        /** @description An Aussonderung process; its id is the xdomea ProzessID of all its messages. */
        Aussonderung: {
            id: components["schemas"]["Uuid"];
            /** @enum {string} */
            status: "angeboten" | "bewertet" | "abgegeben" | "abgeschlossen";
            /** Format: date-time */
            erstelltAm: string;
            erstelltVon: string;
            /** Format: date-time */
            bewertetAm: string | null;
            /** Format: date-time */
            abgegebenAm: string | null;
            /** @description The archive's 0502 asked for a receipt (0505, see `bewertungsbestaetigung`). */
            empfangsbestaetigungAngefordert: boolean;
            fortschritt: {
                schritt: string | null;
                erledigt: number;
                gesamt: number;
            };
            objekte: components["schemas"]["AussonderungsObjekt"][];
            vernichtung: null | {
                beantragtVon: string;
                /** Format: date-time */
                beantragtAm: string;
                freigegebenVon: string | null;
                /** Format: date-time */
                freigegebenAm: string | null;
            };
            /** @description Messages received from the archive. */
            nachrichten: {
                /** @enum {string} */
                typ: "0502" | "0504" | "0506" | "0507";
                /** Format: date-time */
                empfangenAm: string;
                /** @description As sent by the archive (often local time without offset). */
                erstellungszeitpunkt: string | null;
                absender: string | null;
            }[];
        };
        /** @description An xdomea 3.1.0 message as XML (UTF-8). */
        XdomeaNachricht: string;
        /** @description Manual appraisal, Akte id → A or V. */
        BewertungManuell: {
            bewertungen: {
                [key: string]: "A" | "V";
            };
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
        /** @description The request conflicts with the object's state (e.g. `OBJEKT_GESCHLOSSEN`, open Vorgänge, duplicate Kennzeichen). */
        Problem409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `If-Match` names an outdated version (`VORBEDINGUNG_FEHLGESCHLAGEN`): read the object again. */
        Problem412: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `If-Match` is required for this change (`VORBEDINGUNG_ERFORDERLICH`). */
        Problem428: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but not allowed by a rule (`NICHT_VERARBEITBAR`). */
        Problem422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        IdPfad: components["schemas"]["Uuid"];
        /** @description The `ETag` of the last read; required (428 without, 412 when outdated). */
        IfMatch: string;
        /** @description Page size (at most 200). */
        Limit: number;
        /** @description `nextCursor` of the previous page. */
        Cursor: string;
    };
    requestBodies: never;
    headers: {
        /** @description Version of the object, for `If-Match`. */
        ETag: string;
    };
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
                    ETag: components["headers"]["ETag"];
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
    deleteAktenplaneinheit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    updateAktenplaneinheit: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the last read; required (428 without, 412 when outdated). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AktenplaneinheitAenderung"];
            };
        };
        responses: {
            /** @description The changed unit. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
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
            412: components["responses"]["Problem412"];
            428: components["responses"]["Problem428"];
        };
    };
    createAktenplaneinheit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AktenplaneinheitNeu"];
            };
        };
        responses: {
            /** @description The new unit. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aktenplaneinheit"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
        };
    };
    listOrganisationseinheiten: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All org units, by Kürzel. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationseinheitListe"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    createOrganisationseinheit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationseinheitNeu"];
            };
        };
        responses: {
            /** @description The new org unit. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisationseinheit"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
        };
    };
    setBenutzer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's `sub` claim. */
                sub: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BenutzerSetzen"];
            };
        };
        responses: {
            /** @description The user as now set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Benutzer"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
        };
    };
    listAkten: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                aktenplaneinheit?: components["schemas"]["Uuid"];
                federfuehrung?: components["schemas"]["Uuid"];
                status?: components["schemas"]["Status"];
                /** @description Betreff contains this text (case, ß/ss and umlaut folding ignored). */
                betreff?: string;
                /** @description Laufzeit overlaps [laufzeitVon, laufzeitBis]. */
                laufzeitVon?: string;
                laufzeitBis?: string;
                sortierung?: "aktenzeichen" | "geaendert";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AktenListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    createAkte: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AkteNeu"];
            };
        };
        responses: {
            /** @description The new Akte. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Akte"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
        };
    };
    getAkte: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Akte. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Akte"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    updateAkte: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the last read; required (428 without, 412 when outdated). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AkteAenderung"];
            };
        };
        responses: {
            /** @description The changed Akte. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Akte"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            422: components["responses"]["Problem422"];
            428: components["responses"]["Problem428"];
        };
    };
    zdaAkte: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ZdaVerfuegung"];
            };
        };
        responses: {
            /** @description The closed Akte with its retention dates. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Akte"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            /** @description Already closed (`OBJEKT_GESCHLOSSEN`) or Vorgänge still open (`OFFENE_VORGAENGE`, listed in `offeneVorgaenge`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Problem422"];
        };
    };
    wiederaufnahmeAkte: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Wiederaufnahme"];
            };
        };
        responses: {
            /** @description The reopened Akte. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Akte"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    umprotokolliereAkte: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Umprotokollierung"];
            };
        };
        responses: {
            /** @description The Akte under its new Aktenzeichen. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Akte"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    listVorgaengeDerAkte: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VorgangListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    createVorgang: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VorgangNeu"];
            };
        };
        responses: {
            /** @description The new Vorgang. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vorgang"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    listVorgaenge: {
        parameters: {
            query: {
                wiedervorlageBis: string;
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, by Wiedervorlage date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VorgangListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    getVorgang: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Vorgang. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vorgang"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    updateVorgang: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the last read; required (428 without, 412 when outdated). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VorgangAenderung"];
            };
        };
        responses: {
            /** @description The changed Vorgang. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vorgang"];
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
    zdaVorgang: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ZdaVerfuegung"];
            };
        };
        responses: {
            /** @description The closed Vorgang. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vorgang"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
        };
    };
    suche: {
        parameters: {
            query: {
                /** @example Strassenbau */
                q: string;
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of hits, best first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suchergebnis"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    listLoeschsperren: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only active (`true`) or only released (`false`) holds. */
                aktiv?: "true" | "false";
                /** @description Only holds covering this Akte. */
                akte?: components["schemas"]["Uuid"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of holds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoeschsperrenListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    createLoeschsperre: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoeschsperreNeu"];
            };
        };
        responses: {
            /** @description The new hold. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Loeschsperre"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
        };
    };
    aufhebenLoeschsperre: {
        parameters: {
            query?: {
                /** @description Why the hold is released (e.g. the judgment is final). Required: without it the answer is 400 `VALIDIERUNGSFEHLER` (checked after the hold was found, so that another tenant's id answers 404 like a missing one). */
                grund?: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The released hold. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Loeschsperre"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    listFaelligeAkten: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only Akten under this unit or its sub-units. */
                aktenplaneinheit?: components["schemas"]["Uuid"];
                /** @description Only Akten that fell due in this year. */
                jahr?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, ordered by due date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaelligeAktenListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
        };
    };
    createAussonderung: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AussonderungNeu"];
            };
        };
        responses: {
            /** @description The new Aussonderung; fetch the 0501 under `anbietung`. Held Akten are refused (409 `LOESCHSPERRE`). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aussonderung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
        };
    };
    getAussonderung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Aussonderung. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aussonderung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
        };
    };
    getAnbietung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ZIP with `<ProzessID>_Aussonderung.Anbieteverzeichnis.0501.xml`. */
            200: {
                headers: {
                    /** @description attachment; filename="<ProzessID>_Aussonderung.Anbieteverzeichnis.0501.zip" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    postBewertung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        /** @description The 0502 Bewertungsverzeichnis as the archive sent it, or `{ "bewertungen": { "<akteId>": "A" | "V" } }`. */
        requestBody: {
            content: {
                "application/xml": components["schemas"]["XdomeaNachricht"];
                "application/json": components["schemas"]["BewertungManuell"];
                "text/xml": components["schemas"]["XdomeaNachricht"];
                "application/zip": string;
            };
        };
        responses: {
            /** @description The Aussonderung after the appraisal; unappraised objects stay `angeboten`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aussonderung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
        };
    };
    getBewertungsbestaetigung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ZIP with `<ProzessID>_Aussonderung.BewertungEmpfangBestaetigen.0505.xml`. */
            200: {
                headers: {
                    /** @description attachment; filename="<ProzessID>_Aussonderung.BewertungEmpfangBestaetigen.0505.zip" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    postEmpfangsbestaetigung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        /** @description The 0504 or 0507 message (Kopf only). */
        requestBody: {
            content: {
                "application/xml": components["schemas"]["XdomeaNachricht"];
                "text/xml": components["schemas"]["XdomeaNachricht"];
                "application/zip": string;
            };
        };
        responses: {
            /** @description The Aussonderung. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aussonderung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
        };
    };
    getAbgabe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ZIP with `<ProzessID>_Aussonderung.Aussonderung.0503.xml` and every primary file as `<UUID>.<ext>`. */
            200: {
                headers: {
                    /** @description attachment; filename="<ProzessID>_Aussonderung.Aussonderung.0503.zip" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    postImportbestaetigung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        /** @description The 0506 message. */
        requestBody: {
            content: {
                "application/xml": components["schemas"]["XdomeaNachricht"];
                "text/xml": components["schemas"]["XdomeaNachricht"];
                "application/zip": string;
            };
        };
        responses: {
            /** @description The Aussonderung; confirmed objects are `archiviert` with their `archivkennung`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aussonderung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
        };
    };
    postVernichtung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Aussonderung with the pending request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aussonderung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    postVernichtungFreigabe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Aussonderung; destroyed objects are `vernichtet`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aussonderung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
        };
    };
    getVernichtungsprotokoll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The protocol of an approved destruction. */
            200: {
                headers: {
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
            409: components["responses"]["Problem409"];
        };
    };
}
