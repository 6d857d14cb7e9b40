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
        /**
         * Delete a unit without Akten and sub-units (registratur); otherwise retire it
         * @description **Berechtigte Rollen:** `registratur`
         */
        delete: operations["deleteAktenplaneinheit"];
        options?: never;
        head?: never;
        /**
         * Change a unit (registratur); `gueltigBis` retires it
         * @description A shorter `aufbewahrungsfrist` is refused (409 `LOESCHSPERRE`) while a Löschsperre covers an Akte that inherits it (an Akte without a Frist of its own, in this unit or in a unit below that sets none); lengthening is always allowed.
         *
         *     **Berechtigte Rollen:** `registratur`
         */
        patch: operations["updateAktenplaneinheit"];
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
    "/protokoll/akteure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everyone who acts in the tenant's Protokoll, by the name last recorded for them
         * @description To pick a user by name when searching the Protokoll: `sub` is what `akteur` of
         *     `GET /protokoll` and `GET /protokoll/export` takes, `name` the display name of the user's most
         *     recent entry. Sorted by name, then `sub`.
         *
         *     **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["listProtokollAkteure"];
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
         * Streams the tenant's events in sequence order, all of them for external archiving or those of a search
         * @description JSONL: one event per line, the fields of `ProtokollEreignis`; with the public key the unfiltered
         *     export suffices for `scripts/verify-protokoll.ts`. CSV: the same fields, arrays and objects as JSON.
         *     `tabelle`: the entries for people, as German spreadsheet software opens them as columns (UTF-8
         *     with BOM, semicolons, CRLF, German column names `Nr.;Zeit;Wer;Kennung;Aktion;Objekt;Aktenzeichen;Änderungen;Ergebnis`,
         *     Berlin time as dd.mm.yyyy hh:mm:ss, actions and changes in German words, no formula cells).
         *     The filters `objektId`, `aktenzeichen`, `akteur`, `aktion`, `zeitVon` and `zeitBis` mean what
         *     `objektId`, `aktenzeichen`, `akteur`, `aktion`, `von` and `bis` mean for `GET /protokoll`: the
         *     export holds exactly the entries that search lists (a filtered export is no whole chain).
         *     A range the service cannot read fails with a problem before the first byte. If reading fails
         *     after the first bytes, the last line says so (JSONL `{"abgebrochen":{"code":"EXPORT_ABGEBROCHEN",
         *     "letzteSequenz":…}}`, CSV `#EXPORT_ABGEBROCHEN,letzteSequenz=…,requestId=…`, `tabelle` a row
         *     starting `#EXPORT_ABGEBROCHEN`) and the connection is cut without the chunked end, so clients
         *     report an incomplete transfer.
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
    "/protokoll/ruecksetzung/quittung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledges that the tenant's audit trail was rolled back by a restore, with a reason
         * @description After a database restored from a backup the chain no longer reaches the newest signed
         *     checkpoints in object storage: `GET /protokoll/pruefung` reports `abgeschnitten` or `checkpoint`
         *     and the public `/health` says that a rollback was detected and for how many tenants
         *     (`ruecksetzungErkannt`, `betroffeneMandanten`; never which ones). Someone of the tenant's Prüfung acknowledges it here once it is
         *     understood (which backup, why); from then on the verification leaves those checkpoints out. The
         *     acknowledgement covers every checkpoint lost at that moment, is stored for good and recorded as
         *     `protokoll.ruecksetzung.quittiert` in the audit trail (docs/betrieb.md#backups).
         *
         *     **Berechtigte Rollen:** `pruefung`
         */
        post: operations["quittiereProtokollRuecksetzung"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/protokoll/ereignisse/{sequenz}/nachweis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inclusion proof of an event in the tenant's Merkle tree, against the latest signed checkpoint
         * @description RFC 6962 (RFC 9162, 2.1.3) inclusion proof of the event's leaf. The leaf hash is SHA-256(0x00 ||
         *     `blattDaten` as UTF-8), interior nodes SHA-256(0x01 || left || right). The checkpoint is a C2SP
         *     tlog-checkpoint (origin, tree size, base64 root) in a C2SP signed note, signed with Ed25519;
         *     `pruefschluessel` is the verifier key in the signed-note form. When the latest checkpoint does
         *     not cover the event yet, a new one is signed first.
         *
         *     **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["getProtokollNachweis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/protokoll/checkpoints/konsistenz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consistency proof between two signed tree checkpoints of the tenant
         * @description RFC 6962 (RFC 9162, 2.1.4) consistency proof that the tree of size `von` is a prefix of the
         *     tree of the signed checkpoint of size `bis`: nothing recorded up to `von` was changed, removed
         *     or reordered afterwards. A client keeps the newest checkpoint it saw and asks for the proof
         *     from its size to the newest one; it compares `vonWurzel` with the root of the checkpoint it
         *     kept (`vonCheckpoint` is the service's signed checkpoint of that size, null when it signed
         *     none). Checkpoints are C2SP tlog-checkpoints in signed notes, as in the inclusion proof; `bis`
         *     defaults to the newest, signed now when the tree grew since.
         *
         *     **Berechtigte Rollen:** `pruefung`, `registratur`
         */
        get: operations["getProtokollKonsistenz"];
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
    "/aktenplan/einheiten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a unit to the Aktenplan (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
        post: operations["createAktenplaneinheit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aktenplan/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Aktenplan as CSV (kennzeichen, titel, frist, aussonderungsart)
         * @description Comma-separated, UTF-8, header row, units by Kennzeichen; `frist` is whole years, `unbefristet` or empty.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["exportAktenplan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aktenplan/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an Aktenplan from CSV (all rows checked first; all or nothing)
         * @description Columns `kennzeichen`, `titel` (required), `frist`, `aussonderungsart`; comma or semicolon separated,
         *     UTF-8 (a BOM is allowed). Every row is checked and all errors are reported (422 with `fehler`) before
         *     anything is changed. Units missing from the Aktenplan are created under their parent (which must be in
         *     the file or already exist); existing units (same Kennzeichen) take the file's title and retention
         *     defaults. Units not in the file stay as they are.
         *
         *     **Berechtigte Rollen:** `registratur`
         */
        post: operations["importAktenplan"];
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
        /**
         * The tenant's org units
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["listOrganisationseinheiten"];
        put?: never;
        /**
         * Create an org unit (fachadministration)
         * @description **Berechtigte Rollen:** `fachadministration`
         */
        post: operations["createOrganisationseinheit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/benutzer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's users by name, to show and pick people (keyset-paginated)
         * @description Everyone the tenant knows: users Fachadministration set (`PUT /benutzer/{sub}`) and everyone who
         *     has used the platform (entered on their first request with the name their login carries).
         *     Sorted by the name shown, then `sub`. `name` is the user's name, or their `sub` when none is
         *     known. The clearance (`freigabe`) is returned to Fachadministration only.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `pruefung`, `fachverfahren`
         */
        get: operations["listBenutzer"];
        put?: never;
        post?: never;
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
        /**
         * Set a user's clearance and org units (fachadministration)
         * @description **Berechtigte Rollen:** `fachadministration`
         */
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
        /**
         * Akten visible to the caller, filtered, keyset-paginated
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
        get: operations["listAkten"];
        put?: never;
        /**
         * Create an Akte; the server assigns the Aktenzeichen
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
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
        /**
         * One Akte, with ETag
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
        get: operations["getAkte"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an Akte's metadata (If-Match required)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
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
        /**
         * Close an Akte (z.d.A.); all its Vorgänge must be closed
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
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
        /**
         * Reopen a closed Akte (registratur); the running retention is voided
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Move an Akte to another Aktenplaneinheit (registratur); it gets a new Aktenzeichen, the old one stays findable
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * The Vorgänge of an Akte, by number
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
        get: operations["listVorgaengeDerAkte"];
        put?: never;
        /**
         * Create a Vorgang in an open Akte
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
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
        /**
         * Worklist — open Vorgänge with the caller's own Wiedervorlage up to a date
         * @description Personal: the caller's own open Wiedervorlagen (`wiedervorlage` of each item is its date), or
         *     with `organisationseinheitId` those kept for one of the caller's org units (403 for another unit).
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
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
        /**
         * One Vorgang, with ETag
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
        get: operations["getVorgang"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a Vorgang (If-Match required)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
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
        /**
         * Close a Vorgang (z.d.A.)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        post: operations["zdaVorgang"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vorgaenge/{id}/wiedervorlage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or move (verschieben) the caller's own Wiedervorlage on a Vorgang
         * @description Personal: each user has at most one open Wiedervorlage per Vorgang; setting it again moves it.
         *     A day before today is refused with 422 `WIEDERVORLAGE_IN_VERGANGENHEIT` (field error on `/datum`),
         *     a closed Vorgang with 409 `OBJEKT_GESCHLOSSEN`. Not a change of the Vorgang: no new version.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        put: operations["setWiedervorlage"];
        post?: never;
        /**
         * Clear the caller's own Wiedervorlage on a Vorgang
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        delete: operations["deleteWiedervorlage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vorgaenge/{id}/wiedervorlage/erledigt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark the caller's own Wiedervorlage on a Vorgang done (erledigt)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        post: operations["erledigeWiedervorlage"];
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
         *     trigram similarity for typos; `ß`/`ss` and `ä`/`ae` compare equal; the extracted text of documents.
         *     A word of four or more letters (after stemming) also finds the words it begins, so the first part of a
         *     compound finds the compound ("Sonnenblume" finds "Sonnenblumenfeld"); a later part does not ("Feld").
         *     Every hit names its Akte (`aktenzeichen`, `akteBetreff`) and where it matched (`fundstelle`).
         *     Only objects the caller may see are returned (tenant, clearance, org-unit visibility).
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
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
    "/vorgaenge/{id}/verfuegungen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Verfügungen of a Vorgang, oldest first, each with its current steps
         * @description Who sees the Vorgang gets all its Verfügungen; anyone else only those they may read one by one
         *     (`GET /verfuegungen/{id}`): as their author or as a Bearbeiter of a step (the user, a member
         *     of its org unit, the deputy while a Vertretung is in force). A Vorgang that is hidden from the
         *     caller and holds none of those answers 404, as an unknown id. Each item names the steps at its
         *     current position (`aktuelleSchritte`, several for a parallel group; none for a returned or
         *     finished Verfügung); the whole Laufweg is in `GET /verfuegungen/{id}`.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        get: operations["listVerfuegungen"];
        put?: never;
        /**
         * Write a Verfügung on a Vorgang and send it along its Laufweg
         * @description The first position of the Laufweg becomes current at once and lands in its Bearbeiter's Postkorb.
         *     The Vorgang must be visible to the caller and open; pinned documents must lie in it.
         *     A retry with the same `Idempotency-Key` and the same body (by the same caller, on the same
         *     Vorgang) answers with the Verfügung the first request created and creates nothing; the same key
         *     with another request answers 409 `IDEMPOTENZ_SCHLUESSEL_WIEDERVERWENDET`.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        post: operations["createVerfuegung"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verfuegungen/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One Verfügung with its whole Laufweg
         * @description Readable by who sees its Vorgang, its author, and the Bearbeiter of its steps (a user, or a member of the org unit).
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        get: operations["getVerfuegung"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verfuegungen/{id}/laufweg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The author changes the remaining Laufweg, with a reason
         * @description Only the author (403 `KEINE_BERECHTIGUNG`). Every step not yet begun becomes `uebersprungen`;
         *     the given steps follow the current position (add, skip, reorder), or, for a Verfügung returned
         *     to its author, start again: its first position becomes current. A finished Verfügung answers
         *     409 `KONFLIKT`; a Laufweg whose Zeichnung would not be last, 422 `LAUFWEG_UNGUELTIG`.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        put: operations["setLaufweg"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schritte/{id}/abschliessen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a current step with its Votum
         * @description Only the step's Bearbeiter (the user, their deputy while the Vertretung is in force — recorded
         *     in `imAuftragVon` —, or a member of the org unit) may complete it (403
         *     `NICHT_BEARBEITER`); a step that is not current, also one just completed by a concurrent
         *     request, answers 409 `SCHRITT_NICHT_AKTUELL`. A Mitzeichnung needs a `votum`; the other
         *     actions take none (422 `VOTUM_UNGUELTIG`). `nicht_einverstanden` returns the Verfügung to its
         *     author. When the last open step of a position is done the next position becomes current;
         *     the step that ends the Laufweg may carry the `schlussverfuegung` (else 422 `SCHLUSSVERFUEGUNG_UNZULAESSIG`).
         *
         *     A done Mitzeichnung is `aufVorversion` when a pinned Dokument got a newer version than the
         *     pinned one (or it was given under an earlier pinning). The Zeichnung is then refused with 409
         *     `MITZEICHNUNG_AUF_VORVERSION` unless the signer chooses `vorversion`: `erneut_mitzeichnen` pins
         *     the Verfügung to the Dokumente's current versions and sends it to those co-signers again (their
         *     new steps current, in parallel, a new Zeichnung after them; this Zeichnung stays as
         *     `uebersprungen`), `uebergehen` signs anyway with a `grund` (422 `GRUND_ERFORDERLICH` without
         *     one), kept on the step as `vorversionGrund` and in the audit. `vorversion` where no Mitzeichnung
         *     is on an older version answers 422 `NICHT_VERARBEITBAR`.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        post: operations["abschliessenSchritt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schritte/{id}/uebernehmen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take over a current step of one's org unit
         * @description A member of the step's org unit takes it over, atomically: it leaves the group's Postkorb for
         *     theirs, and only they complete it. A step already taken over answers 409 `SCHRITT_UEBERNOMMEN`,
         *     one not current 409 `SCHRITT_NICHT_AKTUELL`; a step of a single user or of another unit 403 `NICHT_BEARBEITER`.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        post: operations["uebernehmenSchritt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/laufwegvorlagen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Laufweg templates of the org units
         * @description Each org unit's named Laufweg templates, for the Verfügung editor to start a Laufweg from
         *     (the steps are copied; a template has no Frist). Units without templates are left out.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`
         */
        get: operations["listLaufwegvorlagen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisationseinheiten/{id}/laufwegvorlagen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an org unit's Laufweg templates
         * @description The Fachadministration sets the templates of an org unit as a whole (an empty list removes
         *     them). Each Laufweg follows the rules of a Verfügung's (422 `LAUFWEG_UNGUELTIG`: a Zeichnung
         *     last and alone, parallel groups unbroken); an org unit named as Bearbeiter must exist (422);
         *     names are unique within the unit (422). Audited with the templates before and after.
         *
         *     **Berechtigte Rollen:** `fachadministration`
         */
        put: operations["setLaufwegvorlagen"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/postkorb": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's Postkorb
         * @description One list of what awaits the caller, each item with its `art`:
         *     - `schritt`: current steps for the caller and for their org units (those not taken over by a
         *       member; the ones the caller took over), and — while a Vertretung is in force — those of each
         *       user the caller represents, including that user's org-unit steps and the steps they took
         *       over (`inVertretungFuer` names the absent user; completing it is recorded "i. V.");
         *     - `wiedervorlage`: the caller's own personal Wiedervorlagen that are due (day today or earlier)
         *       on open Vorgänge they see; a Wiedervorlage is personal and does not reach deputies;
         *     - `rueckgabe`: the caller's Verfügungen returned to them.
         *
         *     `sortierung=frist` (default): by Frist, so overdue steps (`ueberfaellig`, Frist before today)
         *     come first, most overdue first; a due Wiedervorlage counts as due today; items without a Frist
         *     last; ties by arrival. `sortierung=eingang`: by arrival, newest first. A cursor belongs to its
         *     order (another order's cursor is 400 `UNGUELTIGER_CURSOR`). The filters combine (AND);
         *     `GET /postkorb/anzahl` counts under the same filters.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        get: operations["getPostkorb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/postkorb/anzahl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts of the caller's Postkorb per kind
         * @description How many items `GET /postkorb` holds under the same filters, in total and per kind: steps,
         *     Wiedervorlagen, returned Verfügungen, and across them the overdue steps and the items that
         *     reach the caller in Vertretung. For a badge or tab labels without paging through the list.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        get: operations["getPostkorbAnzahl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vertretung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's deputies
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        get: operations["getVertretung"];
        /**
         * Name the caller's deputies (replaces them all)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        put: operations["setVertretung"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/benutzer/{sub}/vertretung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's deputies (Fachadministration)
         * @description The deputies of any user of the tenant; a user without any has an empty list.
         *
         *     **Berechtigte Rollen:** `fachadministration`
         */
        get: operations["getBenutzerVertretung"];
        /**
         * Name a user's deputies (Fachadministration; replaces them all)
         * @description **Berechtigte Rollen:** `fachadministration`
         */
        put: operations["setBenutzerVertretung"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/einstellungen/benachrichtigungen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's e-mail notification setting
         * @description Whether, and to which address, the caller is mailed when a step reaches their Postkorb, when a step's Frist has passed, and when a Verfügung of theirs is returned. Without an address (the default) nothing is mailed.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        get: operations["getBenachrichtigung"];
        /**
         * Set the caller's e-mail notification setting (replaces it)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        put: operations["setBenachrichtigung"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's Posteingang, oldest first (open items unless asked otherwise)
         * @description **Berechtigte Rollen:** `registratur`
         */
        get: operations["listPosteingang"];
        put?: never;
        /**
         * Put an upload or an e-mail into the Posteingang (multipart upload, streamed)
         * @description The file is streamed to object storage, hashed and scanned on the way, its type detected from
         *     the bytes and checked against the tenant's formats. An e-mail is taken apart as filing would
         *     (limits, every attachment scanned); nothing of it is stored when it is refused.
         *
         *     **Berechtigte Rollen:** `registratur`, `fachverfahren`
         */
        post: operations["createPosteingangEintrag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang/zuordnungen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign several items to one Vorgang, or pass them on to one receiver, each with its own result
         * @description Into a Vorgang, each item is filed on its own (each is a filing with its own malware scan; one
         *     refused e-mail must not hold back the rest). Passed on (`an`), all items go in one statement;
         *     a receiver that is not the tenant's is 404 `POSTEINGANG_EMPFAENGER_UNBEKANNT` for the request,
         *     and nothing is passed on. Items that are unknown or assigned already get their 404 or 409 in
         *     `ergebnisse`.
         *
         *     **Berechtigte Rollen:** `registratur`, `sachbearbeitung`
         */
        post: operations["zuordnenPosteingang"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang/zugeleitet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Posteingang items passed on to the caller or to one of their org units, oldest first
         * @description The part of the caller's Postkorb that comes from the Poststelle: items waiting to be filed
         *     into a Vorgang (`zuordnenPosteingangEintrag`). Paged by a keyset on the item.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`
         */
        get: operations["listZugeleitetePost"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang/scanstapel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a scan batch (one multi-page PDF or TIFF) with its Transfervermerk; a job splits it at its separator sheets
         * @description The batch is streamed to object storage, hashed and scanned like every upload, and stored as
         *     uploaded. A TIFF batch is first wrapped into a PDF page by page without loss (img2pdf). A job
         *     of the job runner then finds the separator sheets (a QR or Code 128 reading
         *     `PATCHT` or `EAKTE-TRENNBLATT`, read by zbar), cuts the pages between them into PDFs, checks
         *     each page for blank or unreadable content, and files each document as a Posteingang item
         *     (`art` = `scan`) with its Transfervermerk. Follow the batch's `status` with `getScanstapel`.
         *
         *     **Berechtigte Rollen:** `registratur`
         */
        post: operations["createScanstapel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang/scanstapel/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /**
         * A scan batch, the state of its split and the items it became
         * @description **Berechtigte Rollen:** `registratur`
         */
        get: operations["getScanstapel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /**
         * One item of the Posteingang
         * @description **Berechtigte Rollen:** `registratur`, `sachbearbeitung`
         */
        get: operations["getPosteingangEintrag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang/{id}/inhalt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /**
         * The content of an item as it came in (streamed; every read is audited)
         * @description **Berechtigte Rollen:** `registratur`, `sachbearbeitung`
         */
        get: operations["getPosteingangInhalt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posteingang/{id}/zuordnung": {
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
         * Assign an item to a Vorgang (it becomes a Dokument there), or pass it on to an org unit's Postkorb or a person
         * @description `vorgangId`: the item is filed into the Vorgang as a new Dokument through the same path as an
         *     upload (an e-mail's attachments become Anlagen, each scanned again), without copying its
         *     content; its Eingangsstempel is recorded (`eingangsvermerk`), and a PDF that is no scan gets it
         *     printed on a new version. 409 `POSTEINGANG_BEREITS_ZUGEORDNET` when the item was assigned
         *     already; 409 when the Vorgang is closed.
         *
         *     `an`: the item is passed on (Zuleitung) to an org unit's Postkorb or to a person
         *     (`status` = `weitergeleitet`); the receiver finds it in `listZugeleitetePost` and files it into a
         *     Vorgang with this operation (or passes it on). 404 `POSTEINGANG_EMPFAENGER_UNBEKANNT` when the
         *     org unit or the person is not one of the tenant's. Only the Registratur (the Poststelle) and the
         *     receiver act on a passed-on item; to anyone else it is 404.
         *
         *     **Berechtigte Rollen:** `registratur`, `sachbearbeitung`
         */
        post: operations["zuordnenPosteingangEintrag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/postfaecher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's function mailboxes with their state
         * @description **Berechtigte Rollen:** `fachadministration`, `registratur`
         */
        get: operations["listPostfaecher"];
        put?: never;
        /**
         * Add a function mailbox whose mail is fetched into the Posteingang
         * @description **Berechtigte Rollen:** `fachadministration`
         */
        post: operations["createPostfach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/postfaecher/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /**
         * One function mailbox with its state
         * @description **Berechtigte Rollen:** `fachadministration`, `registratur`
         */
        get: operations["getPostfach"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a function mailbox (If-Match required); a new secret replaces the old one
         * @description **Berechtigte Rollen:** `fachadministration`
         */
        patch: operations["updatePostfach"];
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
        /**
         * The Dokumente of a Vorgang, oldest first
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["listDokumente"];
        put?: never;
        /**
         * File a new Dokument into a Vorgang (multipart upload, streamed)
         * @description One file part `datei` plus the metadata fields. The content is streamed to object storage
         *     under a key the service chooses, hashed (SHA-256) on the way; its type is detected from the
         *     bytes. Closed (z.d.A.) Vorgänge and Akten accept no new Dokumente.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
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
        /**
         * A Dokument's metadata and its newest version
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["getDokument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a Dokument's metadata (If-Match required)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
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
        /**
         * All versions of a Dokument, oldest first
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["listDokumentVersionen"];
        put?: never;
        /**
         * Add a new version (multipart upload, streamed); earlier versions stay unchanged
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
        post: operations["createDokumentVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dokumente/{id}/anlagen": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /**
         * The Anlagen of a Dokument (the attachments of a filed e-mail)
         * @description **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachadministration`, `fachverfahren`
         */
        get: operations["listDokumentAnlagen"];
        put?: never;
        post?: never;
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
         *     one `Range` answers 206. The file name is sent per RFC 6266 (UTF-8). `Cache-Control` is
         *     `private, no-store` (always for VS-NfD and above; open content may be `private, no-cache` by
         *     configuration). Every 200, 206 and 304 is recorded in the audit trail as a read before it is
         *     sent: a 304 lets the client show its cached copy.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
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
         *     one `Range` answers 206. The file name is sent per RFC 6266 (UTF-8). `Cache-Control` is
         *     `private, no-store` (always for VS-NfD and above; open content may be `private, no-cache` by
         *     configuration). Every 200, 206 and 304 is recorded in the audit trail as a read before it is
         *     sent: a 304 lets the client show its cached copy.
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
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
    "/dokumente/{id}/versionen/{nr}/formate/{art}/inhalt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
                /** @description Version number (1, 2, …). */
                nr: number;
                /** @description The kind of rendition (`pdfa_ocr`, `vorschau_pdf`, `vorschau_miniatur`, `vorschau_seite`; see `Format`). */
                art: "pdfa_ocr" | "vorschau_pdf" | "vorschau_miniatur" | "vorschau_seite";
            };
            cookie?: never;
        };
        /**
         * The content of a rendition of one version
         * @description A further format the platform made of the version, e.g. the searchable PDF/A-2b of a scan, or the
         *     preview of the web client (thumbnail and page image of the first page, the PDF of an Office document).
         *     The same visibility as the version's content, answered like it (ETag = SHA-256 of the rendition, `Range`,
         *     `If-None-Match`, RFC 6266 file name, `no-store`), and every read is recorded in the audit trail with the
         *     `art`, since a preview shows the content. 404 when the version has no such rendition (yet: see the
         *     version's `ocr` and `vorschau`).
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
         */
        get: operations["getDokumentFormatInhalt"];
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
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
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
         *
         *     **Berechtigte Rollen:** `sachbearbeitung`, `registratur`, `fachverfahren`
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
         *
         *     **Berechtigte Rollen:** `registratur`
         */
        post: operations["runFixityCheck"];
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
        /**
         * Löschsperren of the tenant, newest first (registratur, pruefung)
         * @description **Berechtigte Rollen:** `registratur`, `pruefung`
         */
        get: operations["listLoeschsperren"];
        put?: never;
        /**
         * Place a Löschsperre (legal hold) on Akten, Vorgänge, Dokumente, or the Akten a search finds (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Release a Löschsperre with a reason (registratur); the record stays
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Akten due for Aussonderung and not yet offered, with a flag for held ones (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * The tenant's Aussonderungen, newest first, to resume one (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
        get: operations["listAussonderungen"];
        put?: never;
        /**
         * Offer Akten to the archive: a new Aussonderung in state angeboten (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * An Aussonderung with its objects, progress and received messages (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * The offer package 0501 (Anbieteverzeichnis, metadata only) as ZIP (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Record the archive's appraisal: its 0502 as XML, or a manual JSON map (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * The receipt 0505 for the archive's 0502, as ZIP (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Record the archive's receipt 0504 (after our 0501) or 0507 (after our 0503) (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * The transfer package 0503 for the objects appraised A, streamed as ZIP (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Record the archive's import confirmation 0506: confirmed Akten become archiviert; removing their content is queued as jobs (registratur)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Request destruction of the objects appraised V (registratur; a second person approves)
         * @description **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * Approve the destruction (registratur, not the requester): one job per object deletes the content (gates checked again when it runs), the stub stays; the protocol follows the last one
         * @description **Berechtigte Rollen:** `registratur`
         */
        post: operations["postVernichtungFreigabe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aussonderungen/{id}/vernichtung/ablehnung": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refuse the destruction (registratur, not the requester): the request is closed as refused and kept as history, every object stays intact, and the destruction may be requested again
         * @description **Berechtigte Rollen:** `registratur`
         */
        post: operations["postVernichtungAblehnung"];
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
        /**
         * The Vernichtungsprotokoll as PDF (registratur)
         * @description The protocol of what the approved destruction removed. Objects a Löschsperre stopped are destroyed once it is released; each such round is recorded by a Nachtrag (numbered from 1, `vernichtungsstand.nachtraege` says how many), fetched with `nachtrag`. The protocol itself never changes.
         *
         *     **Berechtigte Rollen:** `registratur`
         */
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
        /**
         * @description Every stable problem code the API sends, one list for servers and clients (scripts/test/problemcodes.test.ts
         *     fails when the code sends one that is missing here). Clients key their texts by it.
         * @example NICHT_GEFUNDEN
         * @enum {string}
         */
        ProblemCode: "ABLEHNUNGSGRUND_FEHLT" | "ANFRAGE_ZU_GROSS" | "AUSSONDERUNG_NICHT_ABSCHLIESSBAR" | "AUSZUG_ZU_GROSS" | "BEHOERDENKENNUNG_FEHLT" | "BEHOERDENKENNUNG_UNGUELTIG" | "BEREICH_NICHT_ERFUELLBAR" | "BEREITS_GESTEMPELT" | "BEREITS_IN_AUSSONDERUNG" | "BEWERTUNG_ARCHIVAR_FEHLT" | "BEWERTUNG_DATUM_FEHLT" | "BEWERTUNG_DATUM_IN_ZUKUNFT" | "BEWERTUNG_DOKUMENT_UNBEKANNT" | "BEWERTUNG_JE_DOKUMENT_ABWEICHEND" | "BEWERTUNG_ZEICHEN_FEHLT" | "DATEI_LEER" | "DATEI_ZU_GROSS" | "DIENST_NICHT_VERFUEGBAR" | "EXPORT_ABGEBROCHEN" | "FALSCHER_VERFAHRENSSCHRITT" | "FORMAT_NICHT_ERLAUBT" | "GRUND_ERFORDERLICH" | "IDEMPOTENZ_SCHLUESSEL_WIEDERVERWENDET" | "INHALT_AUSGESONDERT" | "INHALT_BEREITS_GELOESCHT" | "INTERNER_FEHLER" | "KEINE_BERECHTIGUNG" | "KEINE_RUECKSETZUNG" | "KOERPER_FEHLT" | "KONFLIKT" | "KOPFZEILEN_ZU_GROSS" | "LAUFWEG_UNGUELTIG" | "LAUFZEIT_BEGINN_UNZULAESSIG" | "LAUFZEIT_ENDE_UNZULAESSIG" | "LOESCHSPERRE" | "MAIL_UNZULAESSIG" | "MEDIENTYP_NICHT_UNTERSTUETZT" | "METHODE_NICHT_ERLAUBT" | "MITZEICHNUNG_AUF_VORVERSION" | "NICHT_ALS_A_BEWERTET" | "NICHT_ALS_V_BEWERTET" | "NICHT_ANGEBOTEN" | "NICHT_AUTHENTIFIZIERT" | "NICHT_BEARBEITER" | "NICHT_FAELLIG" | "NICHT_GEFUNDEN" | "NICHT_VERARBEITBAR" | "NUR_FUER_PDF" | "OBJEKT_GESCHLOSSEN" | "OBJEKT_NICHT_ANGEBOTEN" | "OFFENE_VORGAENGE" | "PDF_NICHT_BEARBEITBAR" | "PDF_ZU_GROSS" | "PFADPARAMETER_ZU_LANG" | "POSTEINGANG_BEREITS_ZUGEORDNET" | "POSTEINGANG_EMPFAENGER_UNBEKANNT" | "POSTEINGANG_UNVERAENDERLICH" | "POSTFACH_OHNE_TLS" | "POSTFACH_ZIEL_EIGENE_ADRESSE" | "POSTFACH_ZIEL_HOST_UNBEKANNT" | "POSTFACH_ZIEL_LINK_LOCAL" | "POSTFACH_ZIEL_LOOPBACK" | "POSTFACH_ZIEL_PLATTFORMDIENST" | "POSTFACH_ZIEL_PRIVAT" | "POSTFACH_ZIEL_RESERVIERT" | "ROUTE_NICHT_GEFUNDEN" | "SCHADSOFTWARE" | "SCHLUSSVERFUEGUNG_UNZULAESSIG" | "SCHRITT_NICHT_AKTUELL" | "SCHRITT_UEBERNOMMEN" | "TYP_WIDERSPRICHT_INHALT" | "UNGUELTIGER_BEREICH" | "UNGUELTIGER_CURSOR" | "UNGUELTIGER_WERT" | "UNGUELTIGES_FORMULAR" | "UNGUELTIGES_JSON" | "UNGUELTIGE_ANFRAGE" | "UNGUELTIGE_ANGABE" | "UNGUELTIGE_LAENGE" | "UNGUELTIGE_URL" | "VALIDIERUNGSFEHLER" | "VIER_AUGEN" | "VORBEDINGUNG_ERFORDERLICH" | "VORBEDINGUNG_FEHLGESCHLAGEN" | "VOTUM_UNGUELTIG" | "WIEDERVORLAGE_IN_VERGANGENHEIT" | "XDOMEA_ERZEUGUNG_UNGUELTIG" | "XDOMEA_UNGUELTIG" | "ZEITUEBERSCHREITUNG" | "ZEITUEBERSCHREITUNG_ANFRAGE" | "ZU_VIELE_ANFRAGEN";
        /** @description RFC 9457 problem details with a stable machine-readable `code`. */
        Problem: {
            /** @example urn:eakte:problem:nicht-gefunden */
            type: string;
            /** @example Not Found */
            title: string;
            status: number;
            /** @example Aktenplaneinheit nicht gefunden */
            detail: string;
            code: components["schemas"]["ProblemCode"];
            instance?: string;
            requestId?: string;
            /** @description The errors, one per field (validation) or per line and field (file imports, xdomea messages, where `feld` is the element). */
            fehler?: {
                /** @description body, querystring, params or headers */
                ort?: string;
                /** @description line of an imported file */
                zeile?: number;
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
        /** @description The agency's code after xdomea's BehoerdenkennungType (e.g. a DVDV Behördenschlüssel with its Präfix); every xdomea message names it in Kopf/Absender/Behoerdenkennung. Both codes are xs:token (not empty, no leading, trailing or doubled spaces), `listURI` an absolute URI; a value that breaks these rules is refused with 422 `BEHOERDENKENNUNG_UNGUELTIG`, its `fehler` naming the field (e.g. `/behoerdenkennung/behoerdenschluessel/code`). A tenant without one emits no xdomea message (409 `BEHOERDENKENNUNG_FEHLT`). */
        Behoerdenkennung: {
            /** @description The key identifying the agency within the class the Präfix names (xoev-code:Code). */
            behoerdenschluessel: {
                /** @example 03241001 */
                code: string;
                /**
                 * @description The code list of the keys (attribute listURI).
                 * @example urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags
                 */
                listURI?: string;
                /**
                 * @description The version of that code list (attribute listVersionID).
                 * @example 2024-01-31
                 */
                listVersionID?: string;
            };
            /** @description The class of agency codes, e.g. `ags` for municipal agencies (xoev-code:Code). */
            praefix: {
                /** @example ags */
                code: string;
            };
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
            /**
             * Format: uuid
             * @description The Akte (open, usually under the Aktenplan's Schriftgutverwaltung group, e.g. "Aussonderung von Schriftgut") into which every Vernichtungsprotokoll is filed as a Dokument, in a Vorgang `Aussonderung <ProzessID>` created when missing.
             */
            aussonderungAblageAkte?: string | null;
        };
        Mandant: {
            id: components["schemas"]["Uuid"];
            /** @example lfu */
            slug: string;
            /** @example Landesamt für Umwelt */
            name: string;
            /** @description Null when none is configured (or the stored one could not be read). */
            behoerdenkennung: components["schemas"]["Behoerdenkennung"] | null;
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
            behoerdenkennung?: components["schemas"]["Behoerdenkennung"];
            einstellungen?: components["schemas"]["Einstellungen"];
        };
        MandantAenderung: {
            name?: string;
            behoerdenkennung?: components["schemas"]["Behoerdenkennung"];
            einstellungen?: components["schemas"]["Einstellungen"];
        };
        /** @description Per-tenant sequence number of an audit event (gap-free, starting at 1, at most 2^53−1). */
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
         * @description One audit event, exactly the fields covered by the chain hash plus the hash itself (see
         *     docs/sicherheit.md, "Audit chain format", in the repository).
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
        ProtokollAkteur: {
            /** @description The user's `sub`, the value of the `akteur` filter. */
            sub: string;
            /** @description The display name recorded with the user's most recent entry. */
            name: string;
        };
        ProtokollAkteurSeite: {
            items: components["schemas"]["ProtokollAkteur"][];
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
             *     differs from a signed checkpoint; `abzweigung` two signed tree checkpoints of one size name
             *     different roots (a fork: the log showed two histories); `signatur` a checkpoint's signature is invalid.
             * @enum {string}
             */
            art: "hash" | "luecke" | "reihenfolge" | "abgeschnitten" | "checkpoint" | "abzweigung" | "signatur";
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
        RuecksetzungQuittungNeu: {
            /** @description Why the rollback is accepted (which backup was restored, the incident or ticket). */
            grund: string;
        };
        RuecksetzungQuittung: {
            /** Format: uuid */
            id: string;
            checkpointSequenz: components["schemas"]["Sequenz"];
            checkpointHash: components["schemas"]["Hash"];
            /** @description The chain head when it was acknowledged. */
            kettenSequenz: number;
            grund: string;
            akteurSub: string;
            akteurName: string;
            /** Format: date-time */
            zeit: string;
        };
        Inklusionsnachweis: {
            sequenz: components["schemas"]["Sequenz"];
            /** @description The leaf's index in the tree (sequence − 1). */
            blattIndex: number;
            /**
             * @description The leaf's bytes (UTF-8): the event's canonical JSON without `sequenz`; for events recorded
             *     before the tree existed, their chain encoding (with `sequenz`).
             */
            blattDaten: string;
            blattHash: components["schemas"]["Hash"];
            baumGroesse: number;
            wurzel: components["schemas"]["Hash"];
            /** @description Sibling hashes from the leaf upwards (RFC 6962 PATH). */
            pfad: components["schemas"]["Hash"][];
            /** @description The signed note (C2SP tlog-checkpoint, Ed25519 signature line). */
            checkpoint: string;
            /** @description The note verifier key `<name>+<hex key ID>+<base64(0x01 || public key)>`. */
            pruefschluessel: string;
        };
        Konsistenznachweis: {
            vonGroesse: number;
            bisGroesse: number;
            /** @description The root of the tree of size `vonGroesse`, as the stored tree holds it. */
            vonWurzel: components["schemas"]["Hash"];
            bisWurzel: components["schemas"]["Hash"];
            /** @description The RFC 6962 PROOF(von, D[bis]) nodes; empty when both sizes are equal. */
            pfad: components["schemas"]["Hash"][];
            /** @description The service's signed note of size `vonGroesse`, null when it signed none of that size. */
            vonCheckpoint: string | null;
            /** @description The signed note of the newer checkpoint. */
            bisCheckpoint: string;
            /** @description The note verifier key `<name>+<hex key ID>+<base64(0x01 || public key)>`. */
            pruefschluessel: string;
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
        BenutzerEintrag: {
            sub: string;
            /** @description The user's name, or their `sub` when none is known. */
            name: string;
            /** @description Only for Fachadministration. */
            freigabe?: components["schemas"]["Freigabe"];
            organisationseinheiten: components["schemas"]["Uuid"][];
        };
        BenutzerSeite: {
            items: components["schemas"]["BenutzerEintrag"][];
            nextCursor: string | null;
        };
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
        /**
         * @description The archive's appraisal, A archivieren, V vernichten; null while unappraised.
         * @enum {string|null}
         */
        Bewertung: "A" | "V" | null;
        /** @description A part of an offered Akte (its Vorgänge, in order) and where it stands. The archive may appraise per Vorgang; the deepest appraised object wins. An Akte with an A-part goes to the archive as the container of its A-parts, its V-parts are destroyed on their own (request, approval by a second user, job). `gesperrt`: a Löschsperre covers the part and stops its transfer or destruction; once released, the destruction of the remaining V-parts can be requested again. */
        Aussonderungsteil: {
            /** @enum {string} */
            typ: "vorgang";
            id: components["schemas"]["Uuid"];
            kennzeichen: string;
            betreff: string;
            bewertung: components["schemas"]["Bewertung"];
            /** @enum {string} */
            status: "angeboten" | "bewertet" | "abgegeben" | "archiviert" | "vernichtung_beantragt" | "vernichtet" | "gesperrt";
            /** @description The archive's id, for a part it confirmed (status `archiviert`) only. */
            archivkennung: string | null;
        };
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
            /** @description Where the Akte stands in an Aussonderung (null when it was never offered). After the archive confirmed the import, `archivkennung` is the archive's id and the content is gone; after destruction only this stub stays. */
            aussonderung?: null | {
                /** @enum {string} */
                status: "angeboten" | "bewertet" | "abgegeben" | "archiviert" | "vernichtet";
                archivkennung: string | null;
                /** @description True when the content of every part is gone (transferred and removed, or destroyed). */
                inhaltEntfernt: boolean;
                /** @description The Akte's parts (Vorgänge) with their own appraisal and state; the archive may appraise per Vorgang. */
                teile: components["schemas"]["Aussonderungsteil"][];
            };
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
             * @description Earlier date of the z.d.A. (`registratur` only, e.g. migrating paper files), not before the Laufzeit begin; an Akte's not before the z.d.A. of its Vorgänge. Default today.
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
            /** @description Within the Akte's Laufzeit; ends with the z.d.A. */
            laufzeit: {
                /** Format: date */
                beginn: string;
                /** Format: date */
                ende: string | null;
            };
            /**
             * Format: date
             * @description The caller's own open Wiedervorlage (personal; others' are not shown).
             */
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
            /**
             * Format: date
             * @description Sets the caller's own Wiedervorlage (today or later, else 422 `WIEDERVORLAGE_IN_VERGANGENHEIT`).
             */
            wiedervorlage?: string | null;
            /**
             * Format: date
             * @description Earlier begin of the Laufzeit (`registratur` only, e.g. migrating paper files; not before the Akte's); default today. A z.d.A. before it is refused.
             */
            laufzeitBeginn?: string;
        };
        VorgangAenderung: {
            betreff?: string;
            /**
             * Format: date
             * @description Sets, moves or (null) clears the caller's own Wiedervorlage, as `PUT`/`DELETE /vorgaenge/{id}/wiedervorlage` do; no new version for it alone.
             */
            wiedervorlage?: string | null;
            grund?: string;
        };
        WiedervorlageSetzen: {
            /**
             * Format: date
             * @description Today or later (the agency's calendar day).
             */
            datum: string;
            /** @description Kept for this org unit of the caller (its members see it with `GET /vorgaenge?organisationseinheitId=`); null for the caller alone; absent keeps it as it is. */
            organisationseinheitId?: components["schemas"]["Uuid"] | null;
        };
        /** @description A user's own reminder to take up a Vorgang on a day. */
        Wiedervorlage: {
            id: components["schemas"]["Uuid"];
            vorgangId: components["schemas"]["Uuid"];
            akteId: components["schemas"]["Uuid"];
            aktenzeichen: string;
            kennzeichen: string;
            /** @description The Vorgang's Betreff. */
            betreff: string;
            /** Format: date */
            datum: string;
            organisationseinheitId: components["schemas"]["Uuid"] | null;
            /** Format: date-time */
            erledigtAm: string | null;
            /** Format: date-time */
            geaendertAm: string;
        };
        Suchtreffer: {
            /** @enum {string} */
            typ: "akte" | "vorgang" | "dokument";
            /** @description Aktenzeichen of the hit's Akte (for an Akte, its own), so that hits can be grouped by Akte. */
            aktenzeichen: string;
            /** @description Betreff of the hit's Akte (for an Akte, its own). */
            akteBetreff: string;
            id: components["schemas"]["Uuid"];
            akteId: components["schemas"]["Uuid"];
            /** @description Aktenzeichen of an Akte, Kennzeichen of a Vorgang (also for a document, its Vorgang's). */
            kennzeichen: string;
            /** @description For documents, the passage of the text that matched; matched words between « and ». */
            ausschnitt?: string | null;
            betreff: string;
            status: components["schemas"]["Status"];
            /**
             * @description How it matched; `volltext` for German full-text words, in a Betreff or in a document's text.
             * @enum {string}
             */
            trefferArt: "aktenzeichen" | "volltext" | "aehnlich";
            /**
             * @description Where it matched: the Aktenzeichen or Kennzeichen (also a former Aktenzeichen), the Betreff (of an
             *     Akte or Vorgang, also by similar spelling), or the extracted text of a document.
             * @enum {string}
             */
            fundstelle: "aktenzeichen" | "betreff" | "text";
            relevanz: number;
        };
        Suchergebnis: {
            /**
             * @description Documents the caller may see whose text is still being extracted (right after an upload, for a few
             *     seconds): they are not yet found by their text. Counted up to 100, and only on the last page of a
             *     search (`nextCursor` null, also when nothing is found), where a missing hit can be this; `null`
             *     on the pages before it.
             */
            textAusstehend: number | null;
            /**
             * @description Hits of the whole search (all pages), counted up to 1,000: an exact count over millions of documents
             *     costs as much as ranking them all. Documents are counted among the first ranked text matches only
             *     (see docs/api.md, "Search").
             */
            anzahl: number;
            /** @description True when there are more hits than `anzahl` ("mehr als 1.000"). */
            anzahlBegrenzt: boolean;
            items: components["schemas"]["Suchtreffer"][];
            nextCursor: string | null;
        };
        /** @description A user (`sub`) or an org unit (`organisationseinheitId`), whose Postkorb the step lands in; exactly one of them. */
        Bearbeiter: {
            sub?: string;
            organisationseinheitId?: components["schemas"]["Uuid"];
        };
        /**
         * @description `zeichnung` (final signature) at most once, as the last step and alone there.
         * @enum {string}
         */
        SchrittAktion: "bearbeitung" | "mitzeichnung" | "zeichnung" | "kenntnisnahme" | "stellungnahme";
        /** @enum {string} */
        SchrittZustand: "geplant" | "aktuell" | "erledigt" | "zurueckgegeben" | "uebersprungen";
        /**
         * @description The Votum of a Mitzeichnung; `nicht_einverstanden` returns the Verfügung to its author.
         * @enum {string}
         */
        Votum: "einverstanden" | "einverstanden_mit_aenderungen" | "nicht_einverstanden";
        Schritt: {
            id: components["schemas"]["Uuid"];
            /** @description Order in the Laufweg; steps with the same position run in parallel. */
            position: number;
            /** @description Number of the step within its parallel group (1 when alone). */
            zweig: number;
            bearbeiter: components["schemas"]["Bearbeiter"];
            /** @description The member who took over an org unit's step; only they (or their deputy) complete it now. */
            uebernommenVon: string | null;
            aktion: components["schemas"]["SchrittAktion"];
            /** Format: date */
            frist: string | null;
            hinweis: string | null;
            zustand: components["schemas"]["SchrittZustand"];
            votum: components["schemas"]["Votum"] | null;
            kommentar: string | null;
            /** @description `sub` of who completed the step. */
            erledigtVon: string | null;
            /** Format: date-time */
            erledigtAm: string | null;
            /** @description When a deputy completed it, the `sub` of the one they acted for (i. V.). */
            imAuftragVon: string | null;
            /** @description A done Mitzeichnung given on an older version of a pinned Dokument (a newer version was filed since, or the Verfügung was pinned anew after it). Always false for other steps. */
            aufVorversion: boolean;
            /** @description On a Zeichnung done over Mitzeichnungen on an older version, the signer's reason. */
            vorversionGrund: string | null;
        };
        /**
         * @description The closing order, only with the step that ends the Laufweg. `zdA` closes the Vorgang (the z.d.A. rules apply);
         *     `wv` sets its Wiedervorlage to `datum`; `zum_vorgang` ("z. Vg.") files the Verfügung's result into the
         *     Vorgang, which stays open and unchanged; `weglegen` ends the matter without further action, the Vorgang
         *     stays as it is. Each is recorded on the Verfügung and in the audit; only `wv` takes a `datum`.
         */
        Schlussverfuegung: {
            /** @enum {string} */
            art: "zdA" | "wv" | "zum_vorgang" | "weglegen";
            /**
             * Format: date
             * @description Required with `wv`.
             */
            datum?: string;
        };
        VerfuegungUebersicht: {
            id: components["schemas"]["Uuid"];
            vorgangId: components["schemas"]["Uuid"];
            betreff: string;
            /** @description `sub` of the author. */
            verfasser: string;
            /** @enum {string} */
            status: "laufend" | "zurueckgegeben" | "abgeschlossen";
            aktuellePosition: number | null;
            /** @description The steps current now (one position; several for a parallel group); empty unless `laufend`. */
            aktuelleSchritte: components["schemas"]["Schritt"][];
            schlussverfuegung: components["schemas"]["Schlussverfuegung"] | null;
            version: number;
            /** Format: date-time */
            erstelltAm: string;
            /** Format: date-time */
            geaendertAm: string;
        };
        VerfuegungListe: {
            items: components["schemas"]["VerfuegungUebersicht"][];
            nextCursor: string | null;
        };
        VerfuegungDokumentNeu: {
            dokumentId: components["schemas"]["Uuid"];
            /** @description The version the Verfügung is pinned to. */
            version: number;
            /**
             * @description This Dokument is the Verfügung's Entwurf (the draft the Mitzeichnungen and the Zeichnung are given on, e.g. the outgoing letter). At most one per Verfügung (422 `NICHT_VERARBEITBAR`).
             * @default false
             */
            entwurf: boolean;
        };
        SchrittNeu: {
            bearbeiter: components["schemas"]["Bearbeiter"];
            aktion: components["schemas"]["SchrittAktion"];
            /** Format: date */
            frist?: string;
            hinweis?: string;
            /** @description Consecutive steps with the same value form one parallel group (they are current at the same time). Omitted, the step stands alone. */
            parallelGruppe?: number;
        };
        VerfuegungNeu: {
            betreff: string;
            dokumente?: components["schemas"]["VerfuegungDokumentNeu"][];
            laufweg: components["schemas"]["SchrittNeu"][];
        };
        Verfuegung: {
            id: components["schemas"]["Uuid"];
            vorgangId: components["schemas"]["Uuid"];
            betreff: string;
            /** @description `sub` of the author. */
            verfasser: string;
            /** @enum {string} */
            status: "laufend" | "zurueckgegeben" | "abgeschlossen";
            aktuellePosition: number | null;
            dokumente: {
                dokumentId: components["schemas"]["Uuid"];
                version: number;
                /** @description This Dokument is the Verfügung's Entwurf. */
                entwurf: boolean;
            }[];
            laufweg: components["schemas"]["Schritt"][];
            schlussverfuegung: components["schemas"]["Schlussverfuegung"] | null;
            version: number;
            /** Format: date-time */
            erstelltAm: string;
            /** Format: date-time */
            geaendertAm: string;
        };
        LaufwegAenderung: {
            grund: string;
            /** @description The steps that follow now, in order. They replace every step not yet begun (those stay in the Laufweg as `uebersprungen`). */
            laufweg: components["schemas"]["SchrittNeu"][];
        };
        SchrittAbschluss: {
            votum?: components["schemas"]["Votum"];
            kommentar?: string;
            schlussverfuegung?: components["schemas"]["Schlussverfuegung"];
            /**
             * @description Only on a Zeichnung over Mitzeichnungen on an older version (`aufVorversion`). `erneut_mitzeichnen` sends the Verfügung to those co-signers again, pinned to the current versions; `uebergehen` signs anyway, with `grund`.
             * @enum {string}
             */
            vorversion?: "erneut_mitzeichnen" | "uebergehen";
            /** @description Required with `vorversion` `uebergehen`, refused (422 `NICHT_VERARBEITBAR`) without it. */
            grund?: string;
        };
        /** @description A step of a Laufweg template, as a new step but without a Frist (a template has no dates). */
        VorlageSchritt: {
            bearbeiter: components["schemas"]["Bearbeiter"];
            aktion: components["schemas"]["SchrittAktion"];
            hinweis?: string;
            parallelGruppe?: number;
        };
        Laufwegvorlage: {
            name: string;
            laufweg: components["schemas"]["VorlageSchritt"][];
        };
        Laufwegvorlagen: {
            organisationseinheitId: components["schemas"]["Uuid"];
            vorlagen: components["schemas"]["Laufwegvorlage"][];
        };
        LaufwegvorlagenListe: {
            /** @description Every org unit of the tenant that has templates, by its Kürzel. */
            items: components["schemas"]["Laufwegvorlagen"][];
        };
        LaufwegvorlagenSetzen: {
            /** @description The unit's templates in the order the editor offers them; names are unique within the unit. */
            vorlagen: components["schemas"]["Laufwegvorlage"][];
        };
        PostkorbEintrag: {
            /**
             * @description `schritt`: a current step for the caller, one of their org units, or (in Vertretung) a user they represent; `wiedervorlage`: a due personal Wiedervorlage of the caller (no step, no Verfügung; done through `POST /vorgaenge/{id}/wiedervorlage/erledigt`); `rueckgabe`: a Verfügung of the caller returned to them.
             * @enum {string}
             */
            art: "schritt" | "wiedervorlage" | "rueckgabe";
            schrittId: components["schemas"]["Uuid"] | null;
            /** @description Null for a Wiedervorlage. */
            verfuegungId: components["schemas"]["Uuid"] | null;
            vorgangId: components["schemas"]["Uuid"];
            vorgangKennzeichen: string;
            /** @description The Verfügung's Betreff; for a Wiedervorlage the Vorgang's. */
            betreff: string;
            aktion: components["schemas"]["SchrittAktion"] | null;
            /**
             * Format: date
             * @description The step's Frist; for a Wiedervorlage its day.
             */
            frist: string | null;
            /** @description A step whose Frist lies before today (Europe/Berlin). */
            ueberfaellig: boolean;
            hinweis: string | null;
            /**
             * Format: date-time
             * @description Since when the item is in the Postkorb (a Wiedervorlage since the start of its day); the order of `sortierung=eingang`.
             */
            eingangAm: string;
            fuer: components["schemas"]["Bearbeiter"];
            /** @description The `sub` of the Verfügung's Verfasser for a step; null otherwise. */
            absender: string | null;
            /** @description The `sub` of the absent user this reaches the caller for, as their deputy ("in Vertretung für …") — their own step, one they took over, or one of their org unit. */
            inVertretungFuer: string | null;
        };
        Postkorb: {
            items: components["schemas"]["PostkorbEintrag"][];
            nextCursor: string | null;
        };
        PostkorbAnzahl: {
            /** @description All items (schritte + wiedervorlagen + rueckgaben). */
            gesamt: number;
            schritte: number;
            wiedervorlagen: number;
            rueckgaben: number;
            /** @description Steps whose Frist has passed. */
            ueberfaellig: number;
            /** @description Steps that reach the caller as a deputy. */
            inVertretung: number;
        };
        Vertreter: {
            /** @description The deputy. */
            sub: string;
            /** Format: date */
            abwesendVon?: string | null;
            /**
             * Format: date
             * @description The absence (both ends inclusive, an open end unbounded, neither given = always). While it lasts the user's steps also show in the deputy's Postkorb and the deputy may complete them i. V.
             */
            abwesendBis?: string | null;
        };
        Vertretung: {
            /** @description The user represented. */
            sub: string;
            vertreter: components["schemas"]["Vertreter"][];
        };
        VertretungSetzen: {
            vertreter: components["schemas"]["Vertreter"][];
        };
        Benachrichtigung: {
            /**
             * Format: email
             * @description Where the caller's notifications go; null = no mail.
             */
            email: string | null;
            /** @description false turns the caller's notifications off (the address is kept). */
            aktiv: boolean;
        };
        /**
         * @description `offen`: in the Poststelle's queue; `weitergeleitet`: in the Postkorb of its receiver (`an`); `zugeordnet`: filed into a Vorgang.
         * @enum {string}
         */
        PosteingangStatus: "offen" | "weitergeleitet" | "zugeordnet";
        /**
         * @description SHA-256 of the stored bytes, lower-case hex.
         * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
         */
        Sha256: string;
        SeitenBefund: {
            /** @description The page within the document. */
            seite: number;
            /** @enum {string} */
            befund: "leer" | "unlesbar";
            /** @description Share of dark pixels of the page (grey value below 128 at 150 dpi), 0 to 1. */
            deckung: number;
        };
        /**
         * @description The paper original is kept (`aufbewahren`), or the agency may destroy it from `vernichtbarAb`
         *     (after the legal waiting period). Nothing is destroyed by the platform.
         * @enum {string}
         */
        OriginalVerbleib: "aufbewahren" | "vernichtbar";
        /**
         * @description How a document of a scan batch was made (TR-RESISCAN): who scanned it, when, with which device
         *     and profile, where it lies in the batch, the quality check of its pages, and what happens to the
         *     paper original. The platform never destroys paper; `vernichtbarAb` only records the day from
         *     which the agency may.
         * @example {
         *       "scanstapelId": "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e70",
         *       "stapelSha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
         *       "position": 2,
         *       "ersteSeite": 4,
         *       "letzteSeite": 5,
         *       "seiten": 2,
         *       "gescanntVon": "M. Weber (Poststelle)",
         *       "gescanntAm": "2026-03-03T08:40:00Z",
         *       "geraet": "Fujitsu fi-7160 Poststelle EG",
         *       "profil": "300 dpi Graustufen, duplex",
         *       "qualitaet": "auffaellig",
         *       "befunde": [
         *         {
         *           "seite": 2,
         *           "befund": "leer",
         *           "deckung": 0
         *         }
         *       ],
         *       "original": "vernichtbar",
         *       "vernichtbarAb": "2026-09-03"
         *     }
         */
        Transfervermerk: {
            scanstapelId: components["schemas"]["Uuid"];
            stapelSha256: components["schemas"]["Sha256"];
            /** @description The document's place in the batch (1 = first). */
            position: number;
            /** @description Its first page in the batch. */
            ersteSeite: number;
            letzteSeite: number;
            seiten: number;
            gescanntVon: string;
            /** Format: date-time */
            gescanntAm: string;
            geraet: string;
            profil: string | null;
            /**
             * @description `auffaellig` when a page is blank or too dark to read (`befunde`).
             * @enum {string}
             */
            qualitaet: "ok" | "auffaellig";
            befunde: components["schemas"]["SeitenBefund"][];
            original: components["schemas"]["OriginalVerbleib"];
            /** Format: date */
            vernichtbarAb: string | null;
        };
        /**
         * @description An incoming item not yet assigned (an upload or an e-mail). Once assigned it is a Dokument of
         *     the Vorgang (`dokumentId`), which shares the stored content; the item stays as the receipt.
         *     `weitergeleitet`: the Poststelle passed it on (`an`) to an org unit's Postkorb or to a person,
         *     who files it into a Vorgang. `eingangsvermerk` is the text of its Eingangsstempel, recorded on
         *     assignment for every item (a PDF that is no scan also gets it printed on a new version).
         * @example {
         *       "id": "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e01",
         *       "art": "mail",
         *       "status": "offen",
         *       "betreff": "Bauantrag Flurstück Lindenhof 12",
         *       "absender": "Erika Müller <erika.mueller@example.org>",
         *       "empfaenger": "Bauamt <poststelle@landratsamt.example>",
         *       "datumDesSchreibens": "2026-03-02",
         *       "eingangsdatum": "2026-03-03",
         *       "anlagen": 2,
         *       "messageId": "a1b2c3d4-e5f6@example.org",
         *       "postfachId": null,
         *       "groesse": 48213,
         *       "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *       "mimeType": "message/rfc822",
         *       "dateiname": "Bauantrag.eml",
         *       "eingegangenAm": "2026-03-03T07:15:00Z",
         *       "eingegangenVon": "demo-registratur",
         *       "dokumentId": null,
         *       "vorgangId": null,
         *       "zugeordnetAm": null,
         *       "zugeordnetVon": null,
         *       "an": null,
         *       "hinweis": null,
         *       "weitergeleitetAm": null,
         *       "weitergeleitetVon": null,
         *       "eingangsvermerk": null,
         *       "transfervermerk": null
         *     }
         */
        PosteingangEintrag: {
            id: components["schemas"]["Uuid"];
            /**
             * @description `scan`: a document cut from a scan batch (`transfervermerk` says how).
             * @enum {string}
             */
            art: "upload" | "mail" | "scan";
            status: components["schemas"]["PosteingangStatus"];
            betreff: string;
            absender: string | null;
            empfaenger: string | null;
            /** Format: date */
            datumDesSchreibens: string | null;
            /**
             * Format: date
             * @description The day it reached the agency (a mail's newest Received header, else the day of intake).
             */
            eingangsdatum: string;
            /** @description Attachments of an e-mail; each becomes an Anlage on assignment. */
            anlagen: number;
            messageId: string | null;
            /** @description The function mailbox it was fetched from. */
            postfachId: components["schemas"]["Uuid"] | null;
            groesse: number;
            sha256: components["schemas"]["Sha256"];
            mimeType: string;
            dateiname: string;
            /** Format: date-time */
            eingegangenAm: string;
            eingegangenVon: string;
            dokumentId: components["schemas"]["Uuid"] | null;
            vorgangId: components["schemas"]["Uuid"] | null;
            /** Format: date-time */
            zugeordnetAm: string | null;
            zugeordnetVon: string | null;
            /** @description The receiver it was passed on to (kept after the receiver filed it); null while it is in the Poststelle's queue. */
            an: components["schemas"]["Bearbeiter"] | null;
            /** @description The Poststelle's note to the receiver ("zuständigkeitshalber", "zur Kenntnis" …). */
            hinweis: string | null;
            /** Format: date-time */
            weitergeleitetAm: string | null;
            weitergeleitetVon: string | null;
            /** @description The text of the Eingangsstempel, recorded on assignment (the moment of arrival, not of assignment). */
            eingangsvermerk: string | null;
            /** @description Only for `art` = `scan`. */
            transfervermerk: components["schemas"]["Transfervermerk"] | null;
        };
        PosteingangSeite: {
            items: components["schemas"]["PosteingangEintrag"][];
            nextCursor: string | null;
        };
        /**
         * Format: date
         * @example 2026-03-02
         */
        Datum: string;
        /**
         * @description Multipart form: one file part `datei`, streamed. An e-mail (`.eml`, `.msg`) gives Betreff,
         *     Absender, dates and the count of its Anlagen itself (each attachment is scanned now and again on
         *     assignment); other files need a `betreff`.
         */
        PosteingangNeu: {
            /** Format: binary */
            datei: string;
            betreff?: string;
            absender?: string;
            datumDesSchreibens?: components["schemas"]["Datum"];
            eingangsdatum?: components["schemas"]["Datum"];
        };
        /**
         * @description Several items to one target (as `PosteingangZuordnung`), each with its own result.
         * @example {
         *       "vorgangId": "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e02",
         *       "eintraege": [
         *         "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e01"
         *       ]
         *     }
         */
        PosteingangSammelzuordnung: {
            vorgangId?: components["schemas"]["Uuid"];
            an?: components["schemas"]["Bearbeiter"];
            hinweis?: string;
            eintraege: components["schemas"]["Uuid"][];
        } & (unknown | unknown);
        /**
         * @description One result per item, in the order asked; each item is assigned on its own (one failing leaves
         *     the others assigned). Passing items on (`an`) is one statement for all of them: a receiver
         *     that does not exist answers the whole request with 404 and passes nothing on.
         */
        PosteingangSammelergebnis: {
            ergebnisse: {
                id: components["schemas"]["Uuid"];
                /** @description The status a single assignment would have answered (200, 404, 409, 422 …). */
                status: number;
                dokumentId: components["schemas"]["Uuid"] | null;
                problem: components["schemas"]["Problem"] | null;
            }[];
        };
        /**
         * @description Multipart form: one PDF or multi-page TIFF part `datei` (the whole batch, streamed) and the Transfervermerk's
         *     fields. `gescanntVon` defaults to the uploader, `gescanntAm` to now (not in the future);
         *     `vernichtbarAb` is required with `original` = `vernichtbar` and not before the scan day.
         */
        ScanstapelNeu: {
            /** Format: binary */
            datei: string;
            betreff: string;
            absender?: string;
            /** Format: date */
            eingangsdatum?: string;
            gescanntVon?: string;
            /** Format: date-time */
            gescanntAm?: string;
            geraet: string;
            profil?: string;
            original: components["schemas"]["OriginalVerbleib"];
            /** Format: date */
            vernichtbarAb?: string;
        };
        /**
         * @description A multi-page scan of the Poststelle, split by a job at its separator sheets (a QR or Code 128
         *     reading `PATCHT` or `EAKTE-TRENNBLATT`) into Posteingang items (`eintraege`, batch order).
         * @example {
         *       "id": "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e70",
         *       "status": "fertig",
         *       "seiten": 6,
         *       "betreff": "Posteingang 3. März, Stapel 1",
         *       "absender": null,
         *       "eingangsdatum": "2026-03-03",
         *       "gescanntVon": "M. Weber (Poststelle)",
         *       "gescanntAm": "2026-03-03T08:40:00Z",
         *       "geraet": "Fujitsu fi-7160 Poststelle EG",
         *       "profil": "300 dpi Graustufen, duplex",
         *       "original": "vernichtbar",
         *       "vernichtbarAb": "2026-09-03",
         *       "groesse": 1843200,
         *       "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
         *       "mimeType": "application/pdf",
         *       "dateiname": "stapel-0303.pdf",
         *       "eingegangenAm": "2026-03-03T08:45:00Z",
         *       "eingegangenVon": "demo-registratur",
         *       "eintraege": [
         *         "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e71",
         *         "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e72"
         *       ],
         *       "inhaltEntferntAm": null
         *     }
         */
        Scanstapel: {
            id: components["schemas"]["Uuid"];
            /** @enum {string} */
            status: "ausstehend" | "fertig" | "fehler" | "nicht_verfuegbar";
            /** @enum {string} */
            grund?: "zu_gross" | "zu_viele_seiten" | "passwortgeschuetzt" | "defekt" | "keine_dokumente" | "zerlegung_fehlgeschlagen";
            /** @description The reason of `fehler` in German, or what to install for `nicht_verfuegbar`. */
            meldung?: string;
            seiten: number | null;
            betreff: string;
            absender: string | null;
            /** Format: date */
            eingangsdatum: string;
            gescanntVon: string;
            /** Format: date-time */
            gescanntAm: string;
            geraet: string;
            profil: string | null;
            original: components["schemas"]["OriginalVerbleib"];
            /** Format: date */
            vernichtbarAb: string | null;
            groesse: number;
            sha256: components["schemas"]["Sha256"];
            mimeType: string;
            dateiname: string;
            /** Format: date-time */
            eingegangenAm: string;
            eingegangenVon: string;
            eintraege: components["schemas"]["Uuid"][];
            /**
             * Format: date-time
             * @description When the batch's file was removed: it is kept until every document of the batch is assigned and
             *     the retention period (`DOKUMENTE_SCAN_STAPEL_AUFBEWAHRUNG_TAGE`) has passed since the last
             *     assignment. The batch's data, its SHA-256 and the Transfervermerke stay.
             */
            inhaltEntferntAm: string | null;
        };
        /**
         * Format: binary
         * @description The stored bytes, with the detected type as Content-Type.
         */
        Inhalt: string;
        /**
         * @description Where the item goes: into a Vorgang (`vorgangId`), or on to a receiver (`an`: an org unit's
         *     Postkorb or a person, with an optional `hinweis`), who files it into a Vorgang. Exactly one of
         *     `vorgangId` and `an`.
         * @example {
         *       "vorgangId": "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e02"
         *     }
         */
        PosteingangZuordnung: {
            vorgangId?: components["schemas"]["Uuid"];
            an?: components["schemas"]["Bearbeiter"];
            hinweis?: string;
        } & (unknown | unknown);
        /**
         * @description `tls` (implicit, port 993), `starttls` (required), `keine` (only where the operator allows it).
         * @enum {string}
         */
        PostfachSicherheit: "tls" | "starttls" | "keine";
        /**
         * @description A function mailbox of the tenant (poststelle@…). Its secret is stored encrypted and never
         *     returned. `zustand`: `neu` (not fetched yet), `bereit` (the last fetch worked), `fehler` (the last
         *     fetch failed: `fehler` says why, the next attempt is `naechsterAbruf`, after a back-off).
         */
        Postfach: {
            id: components["schemas"]["Uuid"];
            bezeichnung: string;
            host: string;
            port: number;
            sicherheit: components["schemas"]["PostfachSicherheit"];
            benutzer: string;
            ordner: string;
            /** @enum {string} */
            ziel: "posteingang";
            aktiv: boolean;
            /** @enum {string} */
            zustand: "neu" | "bereit" | "fehler";
            fehler: string | null;
            fehlversuche: number;
            /** Format: date-time */
            letzterAbruf: string | null;
            /** Format: date-time */
            naechsterAbruf: string;
            version: number;
            /** Format: date-time */
            erstelltAm: string;
            /** Format: date-time */
            geaendertAm: string;
        };
        PostfachListe: {
            items: components["schemas"]["Postfach"][];
        };
        /**
         * @example {
         *       "bezeichnung": "Poststelle",
         *       "host": "imap.landratsamt.example",
         *       "port": 993,
         *       "sicherheit": "tls",
         *       "benutzer": "poststelle@landratsamt.example",
         *       "geheimnis": "geheim",
         *       "ordner": "INBOX"
         *     }
         */
        PostfachNeu: {
            bezeichnung: string;
            host: string;
            port: number;
            sicherheit?: components["schemas"]["PostfachSicherheit"];
            benutzer: string;
            /** @description The password; stored encrypted, never returned. */
            geheimnis: string;
            /** @default INBOX */
            ordner: string;
            /**
             * @default posteingang
             * @enum {string}
             */
            ziel: "posteingang";
            /** @default true */
            aktiv: boolean;
        };
        /**
         * @example {
         *       "aktiv": false
         *     }
         */
        PostfachAenderung: {
            bezeichnung?: string;
            host?: string;
            port?: number;
            sicherheit?: components["schemas"]["PostfachSicherheit"];
            benutzer?: string;
            geheimnis?: string;
            ordner?: string;
            aktiv?: boolean;
        };
        /**
         * @description Text recognition of a scan (an image, or a PDF without text); absent for every other version.
         *     `ausstehend` waits or runs, `fertig` made the PDF/A rendition (`seiten` pages), `fehler` names its
         *     `grund` (`zu_gross`, `zu_viele_seiten`, `passwortgeschuetzt`, `defekt`, `hat_bereits_text`,
         *     `pdfa_fehlgeschlagen`, `ocr_fehlgeschlagen`), `nicht_verfuegbar` means OCRmyPDF is not installed
         *     on the server (`meldung` says what to install).
         * @example {
         *       "status": "fertig",
         *       "seiten": 3
         *     }
         */
        OcrStand: {
            /** @enum {string} */
            status: "ausstehend" | "fertig" | "fehler" | "nicht_verfuegbar";
            seiten?: number;
            /** @enum {string} */
            grund?: "zu_gross" | "zu_viele_seiten" | "passwortgeschuetzt" | "defekt" | "hat_bereits_text" | "pdfa_fehlgeschlagen" | "ocr_fehlgeschlagen";
            meldung?: string;
        };
        /**
         * @description Preview of a PDF, an image or an Office document (DOCX, ODT, XLSX, …); absent for every other version
         *     (a TIFF gets its preview from its OCR result). `ausstehend` waits or runs; `fertig` made the renditions
         *     `vorschau_miniatur` (thumbnail of the first page, PNG), `vorschau_seite` (the first page as a PNG to read)
         *     and for an Office document `vorschau_pdf` (the document as PDF, `seiten` pages); `fehler` names its `grund`
         *     (`zu_gross`, `passwortgeschuetzt`, `defekt`, `zeitueberschreitung`, `vorschau_fehlgeschlagen`);
         *     `nicht_verfuegbar` means LibreOffice or poppler-utils is not installed on the server (`meldung` says what
         *     to install).
         * @example {
         *       "status": "fertig",
         *       "seiten": 2
         *     }
         */
        VorschauStand: {
            /** @enum {string} */
            status: "ausstehend" | "fertig" | "fehler" | "nicht_verfuegbar";
            seiten?: number;
            /** @enum {string} */
            grund?: "zu_gross" | "passwortgeschuetzt" | "defekt" | "zeitueberschreitung" | "vorschau_fehlgeschlagen";
            meldung?: string;
        };
        /** @description A rendition of a version, stored beside it; downloaded with getDokumentFormatInhalt. */
        Format: {
            /**
             * @description `pdfa_ocr`: PDF/A-2b with the recognised text as an invisible text layer. `vorschau_pdf`: an Office document as PDF (LibreOffice). `vorschau_miniatur`: thumbnail of the first page (PNG, 240 px wide). `vorschau_seite`: the first page as a PNG (1200 px wide).
             * @enum {string}
             */
            art: "pdfa_ocr" | "vorschau_pdf" | "vorschau_miniatur" | "vorschau_seite";
            /** @example application/pdf */
            mimeType: string;
            groesse: number;
            sha256: components["schemas"]["Sha256"];
            dateiname: string;
            /** Format: date-time */
            erstelltAm: string;
        };
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
            ocr?: components["schemas"]["OcrStand"];
            vorschau?: components["schemas"]["VorschauStand"];
            /** @description Further formats (renditions) the platform made of this version, e.g. the searchable PDF/A-2b of a scan. The version itself stays the Primärdokument. Absent when there are none. */
            formate?: components["schemas"]["Format"][];
        };
        /**
         * @example {
         *       "id": "01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a",
         *       "vorgangId": "01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b00",
         *       "akteId": "01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5a00",
         *       "betreff": "Antrag auf Baugenehmigung",
         *       "datumDesSchreibens": "2026-02-27",
         *       "eingangsdatum": "2026-03-02",
         *       "ausgangsdatum": null,
         *       "absender": "Erika Müller",
         *       "empfaenger": null,
         *       "bemerkung": null,
         *       "elternDokumentId": null,
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
            /**
             * Format: date
             * @description Postausgangsdatum of an outgoing Dokument (sent to the archive as xdomea `Postausgangsdatum`).
             */
            ausgangsdatum: string | null;
            absender: string | null;
            /** @description Recipients, filled when an e-mail is filed. */
            empfaenger: string | null;
            bemerkung: string | null;
            /**
             * Format: uuid
             * @description For an Anlage, the Dokument (e-mail) it was attached to; null otherwise.
             */
            elternDokumentId: string | null;
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
        /**
         * @description Multipart form of a new Dokument; the file part is streamed, never buffered whole.
         *     `betreff` and `datumDesSchreibens` are required unless the file is an e-mail (`.eml`, `.msg`):
         *     then they, `absender`, `empfaenger` and `eingangsdatum` are taken from the mail where the form
         *     leaves them out, and every attachment is filed as an Anlage.
         */
        DokumentNeu: {
            /**
             * Format: binary
             * @description The file. Its type is detected from the content and must be allowed for the tenant.
             */
            datei: string;
            betreff?: string;
            datumDesSchreibens?: components["schemas"]["Datum"];
            eingangsdatum?: components["schemas"]["Datum"];
            ausgangsdatum?: components["schemas"]["Datum"];
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
            /**
             * Format: date
             * @description Postausgangsdatum of an outgoing Dokument.
             */
            ausgangsdatum?: string | null;
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
        AnlagenListe: {
            /** @description The Anlagen of the Dokument (direct children), in filing order. */
            items: components["schemas"]["Dokument"][];
        };
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
        /** @description Criteria (all must hold) whose matching Akten are added to the hold once, when it is placed; kept with the hold for the record. Akten that match later are not covered: a hold names what it covers. At most 10,000 matches (422 otherwise). */
        LoeschsperreSuche: {
            /** @description The unit and all units below it. */
            aktenplaneinheit?: components["schemas"]["Uuid"];
            /** @description Aktenzeichen prefix, e.g. `21.04.3-`. */
            aktenzeichen?: string;
            /** @description Part of the Betreff (case-insensitive). */
            betreff?: string;
            /**
             * Format: date
             * @description Akten whose Laufzeit ended on or before this date.
             */
            laufzeitEndeBis?: string;
        };
        /** @description A legal hold on Akten, Vorgänge and Dokumente. Until released it blocks destruction, transfer, deletion and shortening of retention of every covered object, of everything inside it, and of everything containing it (an Akte with one held Dokument is neither destroyed nor transferred). */
        Loeschsperre: {
            id: components["schemas"]["Uuid"];
            bezeichnung: string;
            grund: string;
            /** @description Case reference of the court or authority, if any. */
            aktenzeichenGericht: string | null;
            /** @description Ids of the covered Akten (named, and found by `suche`). */
            akten: components["schemas"]["Uuid"][];
            /** @description Ids of the covered Vorgänge. */
            vorgaenge: components["schemas"]["Uuid"][];
            /** @description Ids of the covered Dokumente. */
            dokumente: components["schemas"]["Uuid"][];
            suche: null | components["schemas"]["LoeschsperreSuche"];
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
        /** @description At least one target, a non-empty `akten`, `vorgaenge` or `dokumente`, or a `suche`. */
        LoeschsperreNeu: {
            bezeichnung: string;
            grund: string;
            aktenzeichenGericht?: string;
            akten?: components["schemas"]["Uuid"][];
            vorgaenge?: components["schemas"]["Uuid"][];
            dokumente?: components["schemas"]["Uuid"][];
            suche?: components["schemas"]["LoeschsperreSuche"];
        } & ({
            akten: unknown;
        } | {
            vorgaenge: unknown;
        } | {
            dokumente: unknown;
        } | unknown);
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
        /** @description An Aussonderung in the list, without its objects. */
        AussonderungUebersicht: {
            id: components["schemas"]["Uuid"];
            /** @enum {string} */
            status: "angeboten" | "bewertet" | "abgegeben" | "vernichtung_ausstehend" | "abgeschlossen";
            /** Format: date-time */
            erstelltAm: string;
            erstelltVon: string;
            /** @description Number of offered Akten. */
            objekte: number;
            /** @description A destruction was requested and waits for a second person's approval (or refusal). */
            vernichtungOffen: boolean;
            /** @description Who requested the destruction in force (pending or approved); only someone else may approve or refuse it. */
            vernichtungBeantragtVon: string | null;
            /** @description The last destruction request was refused and none was made since. */
            vernichtungAbgelehnt: boolean;
        };
        AussonderungenListe: {
            items: components["schemas"]["AussonderungUebersicht"][];
            nextCursor: string | null;
        };
        AussonderungNeu: {
            akten: components["schemas"]["Uuid"][];
        };
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
            /**
             * @description Removal of the content by a background job (after the destruction approval or the import confirmation): `ausstehend` while queued or retrying, `erledigt` when every version is gone, `gesperrt` when the job found a Löschsperre (or another gate) and deleted nothing.
             * @enum {string|null}
             */
            loeschung: "ausstehend" | "erledigt" | "gesperrt" | null;
            /** @description Failed attempts of the removal so far (storage errors); the job retries them. */
            loeschVersuche: number;
            /** @description The last error of the removal, or the gate's code when it stopped it. */
            loeschFehler: string | null;
            /** Format: date-time */
            inhaltGeloeschtAm: string | null;
            /** @description The Akte's parts with their own appraisal and state; `status` above is the Akte's as a whole (`archiviert` once any part went to the archive, `vernichtet` only when every part was destroyed). */
            teile: components["schemas"]["Aussonderungsteil"][];
        };
        /** @description An Aussonderung process; its id is the xdomea ProzessID of all its messages. */
        Aussonderung: {
            id: components["schemas"]["Uuid"];
            /**
             * @description Follows from the objects: `angeboten` while any is unappraised, `bewertet`, `abgegeben` once any is transferred, `vernichtung_ausstehend` after the approval of a destruction while any object due for it still waits (its job pending or retried, e.g. storage refusing under object lock, or stopped by a Löschsperre) or its Vernichtungsprotokoll is not yet written, and `abgeschlossen` only when every object is archived or destroyed and the protocol exists (also enforced by the database).
             * @enum {string}
             */
            status: "angeboten" | "bewertet" | "abgegeben" | "vernichtung_ausstehend" | "abgeschlossen";
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
                /**
                 * Format: uuid
                 * @description The Vernichtungsprotokoll filed as a Dokument of the tenant (in the Vorgang `Aussonderung <id>` of the Akte named by the setting `aussonderungAblageAkte`); null until the destruction is done, or when no open Ablage-Akte is configured.
                 */
                protokollDokumentId: string | null;
                /** @description Who refused the request (a second registratur user). */
                abgelehntVon: string | null;
                /** Format: date-time */
                abgelehntAm: string | null;
                ablehnungsgrund: string | null;
            };
            /** @description Null until a destruction is approved; then how many of its objects (V-Akten, and A-Akten with V-Vorgänge) are destroyed, still pending (`objekte[].loeschFehler` and `loeschVersuche` say why and how often it was tried), or stopped by a Löschsperre, and whether the Vernichtungsprotokoll is written (`protokoll`; an object destroyed after the hold stopping it was released is named by a Nachtrag, `nachtraege` counts them, and the process stays `vernichtung_ausstehend` until its Nachtrag is written). */
            vernichtungsstand: null | {
                vernichtet: number;
                ausstehend: number;
                gesperrt: number;
                protokoll: boolean;
                nachtraege: number;
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
        /** @description An appraisal entered by hand from the archive's letter: object id (Akte or Vorgang) → A or V, with the letter's reference. `zeichen`, `datum` and `archivar` are required; each one missing is a 422 naming it (`BEWERTUNG_ZEICHEN_FEHLT`, `BEWERTUNG_DATUM_FEHLT`, `BEWERTUNG_ARCHIVAR_FEHLT`). The reference and who entered it go into the audit trail and the Vernichtungsprotokoll. */
        BewertungManuell: {
            bewertungen: {
                [key: string]: "A" | "V";
            };
            /** @description The archive's letter or file number (Geschäftszeichen). */
            zeichen?: string;
            /**
             * Format: date
             * @description Date of the archive's letter (not in the future, else 422 `BEWERTUNG_DATUM_IN_ZUKUNFT`).
             */
            datum?: string;
            /** @description Name of the archivist who appraised. */
            archivar?: string;
            /** @description The scanned letter, an existing Dokument of the tenant (else 422 `BEWERTUNG_DOKUMENT_UNBEKANNT`). */
            dokumentId?: components["schemas"]["Uuid"];
        };
        /** @description Why the second person refuses the destruction. `grund` is required (1–2000 characters); without it, or blank, the answer is 422 `ABLEHNUNGSGRUND_FEHLT`. */
        VernichtungAblehnung: {
            grund?: string;
        };
    };
    responses: {
        /** @description Too many requests from this token (or, without a token, this address) in the gateway's window (`ZU_VIELE_ANFRAGEN`); `Retry-After` says when to try again. */
        Problem429: {
            headers: {
                /** @description Seconds until the window allows requests again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
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
        /** @description The request is well-formed but not allowed by a rule (`NICHT_VERARBEITBAR`); a Laufzeit the database refuses (a Vorgang's outside its Akte's) is `LAUFZEIT_BEGINN_UNZULAESSIG` or `LAUFZEIT_ENDE_UNZULAESSIG`, with the request field in `feld`. */
        Problem422: {
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
        /**
         * @description The upload was refused and nothing was stored: malware found (`SCHADSOFTWARE`, the signature
         *     name in `detail`) or an e-mail beyond the limits (`MAIL_UNZULAESSIG`: too many parts, too deep,
         *     too large after decoding, unreadable) or an empty file (`DATEI_LEER`, 0 bytes).
         */
        Problem422Upload: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The object storage or the malware scanner is not reachable; nothing was stored. Retry later (with the same Idempotency-Key). */
        Problem503: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The mailbox setting was refused and nothing was saved: its host resolves to an address a mailbox
         *     may not reach (`POSTFACH_ZIEL_LOOPBACK`, `POSTFACH_ZIEL_LINK_LOCAL`, `POSTFACH_ZIEL_PRIVAT`,
         *     `POSTFACH_ZIEL_RESERVIERT`, `POSTFACH_ZIEL_EIGENE_ADRESSE`, `POSTFACH_ZIEL_PLATTFORMDIENST`), does not
         *     resolve (`POSTFACH_ZIEL_HOST_UNBEKANNT`), or asks for no TLS where the operator does not allow it
         *     (`POSTFACH_OHNE_TLS`).
         */
        Problem422Postfach: {
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
        /** @description The request body's media type is not one this operation accepts (`MEDIENTYP_NICHT_UNTERSTUETZT`). */
        "Problem415-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The xdomea message we built does not match the xdomea 3.1.0 schema and was not sent (`XDOMEA_ERZEUGUNG_UNGUELTIG`, a bug to report: `detail` and `fehler` name line and element); nothing changed. */
        Problem500XdomeaErzeugung: {
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
        /** @description The `ETag` of the last read; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when outdated. */
        IfMatch: string;
        /** @description Page size (at most 200). */
        Limit: number;
        /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
        Cursor: string;
        /** @description The ETag of the version being changed; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when stale. */
        "IfMatch-2": string;
        /** @description Page size (at most 200). */
        limit: number;
        /** @description Page size (at most 200). */
        "Limit-2": number;
        /**
         * @description A retry with the same key returns the first result and stores nothing new.
         * @example 6f1c2a0e-upload-1
         */
        IdempotencyKey: string;
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    updateAktenplaneinheit: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the last read; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when outdated. */
                "If-Match": components["parameters"]["IfMatch"];
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
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            428: components["responses"]["Problem428"];
            429: components["responses"]["Problem429"];
        };
    };
    listMandanten: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
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
                 *       "behoerdenkennung": {
                 *         "behoerdenschluessel": {
                 *           "code": "03241001",
                 *           "listURI": "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags",
                 *           "listVersionID": "2024-01-31"
                 *         },
                 *         "praefix": {
                 *           "code": "ags"
                 *         }
                 *       },
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
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    updateMandant: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version being changed; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when stale. */
                "If-Match": components["parameters"]["IfMatch-2"];
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
            422: components["responses"]["Problem422"];
            428: components["responses"]["Problem428"];
            429: components["responses"]["Problem429"];
        };
    };
    listProtokoll: {
        parameters: {
            query?: {
                objektId?: string;
                /** @description Prefix of the Aktenzeichen. */
                aktenzeichen?: string;
                /** @description The actor's `sub` (`GET /protokoll/akteure` names them). */
                akteur?: string;
                aktion?: string;
                /** @description Events at or after this time. */
                von?: string;
                /** @description Events before this time. */
                bis?: string;
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
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
            429: components["responses"]["Problem429"];
        };
    };
    listProtokollAkteure: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtokollAkteurSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    exportProtokoll: {
        parameters: {
            query?: {
                /** @description `jsonl` (default) and `csv` for archiving, `tabelle` for spreadsheets. */
                format?: "jsonl" | "csv" | "tabelle";
                /** @description First sequence number (default 1). */
                von?: components["schemas"]["Sequenz"];
                /** @description Last sequence number (default the chain head). */
                bis?: components["schemas"]["Sequenz"];
                objektId?: string;
                /** @description Prefix of the Aktenzeichen. */
                aktenzeichen?: string;
                /** @description The actor's `sub` (see `GET /protokoll/akteure` for the names). */
                akteur?: string;
                /** @example vorgang.zda */
                aktion?: string;
                /** @description Events at or after this time. */
                zeitVon?: string;
                /** @description Events before this time. */
                zeitBis?: string;
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
            429: components["responses"]["Problem429"];
        };
    };
    listProtokollCheckpoints: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    quittiereProtokollRuecksetzung: {
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
                 *       "grund": "Wiederherstellung der Sicherung 20261207T174210Z nach Ausfall des Speichers, Ticket 4711"
                 *     }
                 */
                "application/json": components["schemas"]["RuecksetzungQuittungNeu"];
            };
        };
        responses: {
            /** @description The acknowledgement (of the newest lost checkpoint). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01939f4e-8b2c-7d3e-9f10-4a5b6c7d8e9f",
                     *       "checkpointSequenz": 42,
                     *       "checkpointHash": "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c2b4d6f8e0a1c3e5b7d9f1a3c5e7b9d1f",
                     *       "kettenSequenz": 35,
                     *       "grund": "Wiederherstellung der Sicherung 20261207T174210Z nach Ausfall des Speichers, Ticket 4711",
                     *       "akteurSub": "demo-pruefung",
                     *       "akteurName": "Demo pruefung",
                     *       "zeit": "2026-12-07T18:02:11.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["RuecksetzungQuittung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No rollback to acknowledge (`KEINE_RUECKSETZUNG`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    getProtokollNachweis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sequenz: components["schemas"]["Sequenz"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof, the leaf's bytes and the signed checkpoint it leads to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inklusionsnachweis"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    getProtokollKonsistenz: {
        parameters: {
            query: {
                /** @description Tree size of the older checkpoint (at most `bis`). */
                von: components["schemas"]["Sequenz"];
                /** @description Tree size of the newer signed checkpoint (default the newest). */
                bis?: components["schemas"]["Sequenz"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof and both signed checkpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Konsistenznachweis"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    getAkteHistorie: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    exportAktenplan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's Aktenplan as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example kennzeichen,titel,frist,aussonderungsart
                     *     2,Bauwesen,,
                     *     2.1,Straßenbau,10,A
                     */
                    "text/csv": string;
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    importAktenplan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example kennzeichen,titel,frist,aussonderungsart
                 *     7,Umwelt,,
                 *     7.1,Immissionsschutz,30,A
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description What the import did. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        angelegt: number;
                        aktualisiert: number;
                        unveraendert: number;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description The file is larger than the import accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `text/csv`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    listBenutzer: {
        parameters: {
            query?: {
                /** @description Name or `sub` contains this text (case, ß/ss and umlaut folding ignored). */
                suche?: string;
                /** @description Only members of this org unit. */
                organisationseinheit?: components["schemas"]["Uuid"];
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenutzerSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    listAkten: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    updateAkte: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the last read; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when outdated. */
                "If-Match": components["parameters"]["IfMatch"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            /** @description The target Aktenplaneinheit does not exist or takes no new Akten today (`NICHT_VERARBEITBAR`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Problem429"];
        };
    };
    listVorgaengeDerAkte: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
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
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    listVorgaenge: {
        parameters: {
            query: {
                wiedervorlageBis: string;
                /** @description The Wiedervorlagen kept for this org unit instead of the caller's own. */
                organisationseinheitId?: components["schemas"]["Uuid"];
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    updateVorgang: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the last read; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when outdated. */
                "If-Match": components["parameters"]["IfMatch"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    setWiedervorlage: {
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
                "application/json": components["schemas"]["WiedervorlageSetzen"];
            };
        };
        responses: {
            /** @description The Wiedervorlage as set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wiedervorlage"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    deleteWiedervorlage: {
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
            /** @description Cleared (also when none was set). */
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
            429: components["responses"]["Problem429"];
        };
    };
    erledigeWiedervorlage: {
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
            /** @description The Wiedervorlage, done; it leaves the worklist. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wiedervorlage"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    suche: {
        parameters: {
            query: {
                /** @example Strassenbau */
                q: string;
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
        };
    };
    listVerfuegungen: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
                    "application/json": components["schemas"]["VerfuegungListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    createVerfuegung: {
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
                id: components["parameters"]["IdPfad"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerfuegungNeu"];
            };
        };
        responses: {
            /** @description The Verfügung, its first position current. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verfuegung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    getVerfuegung: {
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
            /** @description The Verfügung. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verfuegung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    setLaufweg: {
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
                "application/json": components["schemas"]["LaufwegAenderung"];
            };
        };
        responses: {
            /** @description The Verfügung with its new Laufweg. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verfuegung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    abschliessenSchritt: {
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
                "application/json": components["schemas"]["SchrittAbschluss"];
            };
        };
        responses: {
            /** @description The Verfügung after the step. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verfuegung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    uebernehmenSchritt: {
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
            /** @description The Verfügung with the step taken over. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verfuegung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            429: components["responses"]["Problem429"];
        };
    };
    listLaufwegvorlagen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates per org unit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaufwegvorlagenListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    setLaufwegvorlagen: {
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
                "application/json": components["schemas"]["LaufwegvorlagenSetzen"];
            };
        };
        responses: {
            /** @description The unit's templates now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Laufwegvorlagen"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    getPostkorb: {
        parameters: {
            query?: {
                /** @description Only steps of this action (Wiedervorlagen and returned Verfügungen have none and are left out). */
                aktion?: components["schemas"]["SchrittAktion"];
                /** @description Only items due on or before this day — steps with a Frist up to it, Wiedervorlagen (their day); steps without a Frist and returned Verfügungen are left out. */
                fristBis?: string;
                /** @description Only items of this Vorgang. */
                vorgangId?: components["schemas"]["Uuid"];
                /** @description Only steps of Verfügungen written by this user (`sub` of the Verfasser); Wiedervorlagen and returned Verfügungen are left out. */
                absender?: string;
                sortierung?: "frist" | "eingang";
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
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
                    "application/json": components["schemas"]["Postkorb"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    getPostkorbAnzahl: {
        parameters: {
            query?: {
                /** @description Only steps of this action (Wiedervorlagen and returned Verfügungen have none and are left out). */
                aktion?: components["schemas"]["SchrittAktion"];
                /** @description Only items due on or before this day — steps with a Frist up to it, Wiedervorlagen (their day); steps without a Frist and returned Verfügungen are left out. */
                fristBis?: string;
                /** @description Only items of this Vorgang. */
                vorgangId?: components["schemas"]["Uuid"];
                /** @description Only steps of Verfügungen written by this user (`sub` of the Verfasser); Wiedervorlagen and returned Verfügungen are left out. */
                absender?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostkorbAnzahl"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    getVertretung: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's deputies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vertretung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    setVertretung: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VertretungSetzen"];
            };
        };
        responses: {
            /** @description The caller's deputies now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vertretung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    getBenutzerVertretung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sub: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's deputies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vertretung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    setBenutzerVertretung: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sub: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VertretungSetzen"];
            };
        };
        responses: {
            /** @description The user's deputies now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vertretung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    getBenachrichtigung: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's setting. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Benachrichtigung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    setBenachrichtigung: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Benachrichtigung"];
            };
        };
        responses: {
            /** @description The caller's setting now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Benachrichtigung"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    listPosteingang: {
        parameters: {
            query?: {
                status?: "offen" | "weitergeleitet" | "zugeordnet";
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of items. */
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
                    "application/json": components["schemas"]["PosteingangSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    createPosteingangEintrag: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PosteingangNeu"];
            };
        };
        responses: {
            /** @description The new item. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PosteingangEintrag"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422Upload"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    zuordnenPosteingang: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PosteingangSammelzuordnung"];
            };
        };
        responses: {
            /** @description One result per item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PosteingangSammelergebnis"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    listZugeleitetePost: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of items. */
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
                    "application/json": components["schemas"]["PosteingangSeite"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
        };
    };
    createScanstapel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ScanstapelNeu"];
            };
        };
        responses: {
            /** @description The batch, stored; its split is waiting (`status` = `ausstehend`). */
            202: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e70",
                     *       "status": "ausstehend",
                     *       "seiten": null,
                     *       "betreff": "Posteingang 3. März, Stapel 1",
                     *       "absender": null,
                     *       "eingangsdatum": "2026-03-03",
                     *       "gescanntVon": "M. Weber (Poststelle)",
                     *       "gescanntAm": "2026-03-03T08:40:00Z",
                     *       "geraet": "Fujitsu fi-7160 Poststelle EG",
                     *       "profil": "300 dpi Graustufen, duplex",
                     *       "original": "vernichtbar",
                     *       "vernichtbarAb": "2026-09-03",
                     *       "groesse": 1843200,
                     *       "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                     *       "mimeType": "application/pdf",
                     *       "dateiname": "stapel-0303.pdf",
                     *       "eingegangenAm": "2026-03-03T08:45:00Z",
                     *       "eingegangenVon": "demo-registratur",
                     *       "inhaltEntferntAm": null,
                     *       "eintraege": []
                     *     }
                     */
                    "application/json": components["schemas"]["Scanstapel"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422Upload"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getScanstapel: {
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
            /** @description The batch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scanstapel"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    getPosteingangEintrag: {
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
            /** @description The item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PosteingangEintrag"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
        };
    };
    getPosteingangInhalt: {
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
            /** @description The stored bytes. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    zuordnenPosteingangEintrag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PosteingangZuordnung"];
            };
        };
        responses: {
            /** @description The item, assigned with its Dokument, or passed on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PosteingangEintrag"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            422: components["responses"]["Problem422Upload"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listPostfaecher: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All mailboxes of the tenant (a handful; no pages). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostfachListe"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    createPostfach: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostfachNeu"];
            };
        };
        responses: {
            /** @description The new mailbox (without its secret). */
            201: {
                headers: {
                    Location?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Postfach"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422Postfach"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getPostfach: {
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
            /** @description The mailbox (without its secret). */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Postfach"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    updatePostfach: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version being changed; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when stale. */
                "If-Match": components["parameters"]["IfMatch-2"];
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
                 *       "aktiv": false
                 *     }
                 */
                "application/json": components["schemas"]["PostfachAenderung"];
            };
        };
        responses: {
            /** @description The changed mailbox (without its secret); a changed connection is fetched at once. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Postfach"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            412: components["responses"]["Problem412"];
            422: components["responses"]["Problem422Postfach"];
            428: components["responses"]["Problem428"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listDokumente: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
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
            422: components["responses"]["Problem422Upload"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    updateDokument: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version being changed; 428 `VORBEDINGUNG_ERFORDERLICH` when missing, 412 when stale. */
                "If-Match": components["parameters"]["IfMatch-2"];
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
            422: components["responses"]["Problem422"];
            428: components["responses"]["Problem428"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            422: components["responses"]["Problem422Upload"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listDokumentAnlagen: {
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
            /** @description The Anlagen, in filing order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnlagenListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            429: components["responses"]["Problem429"];
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
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
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
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
                    /** @example bytes 0-1023/48213 */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            /** @description The client's copy (If-None-Match) is current; recorded as a read. */
            304: {
                headers: {
                    ETag?: string;
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            /** @description The content was removed by an Aussonderung; the metadata stays (`INHALT_AUSGESONDERT`). Either transferred to the archive (`aussonderungsstatus` `archiviert`, `archivkennung`, `aussonderungId`) or destroyed (`vernichtet`, `archivkennung` null, `aussonderungId` and the protocol's `vernichtungsprotokollDokumentId`, null when not filed), never both; with a per-Vorgang appraisal each part answers for itself. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            416: components["responses"]["Problem416"];
            429: components["responses"]["Problem429"];
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
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
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
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
                    /** @example bytes 0-1023/48213 */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            /** @description The client's copy (If-None-Match) is current; recorded as a read. */
            304: {
                headers: {
                    ETag?: string;
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            /** @description The content was removed by an Aussonderung; the metadata stays (`INHALT_AUSGESONDERT`). Either transferred to the archive (`aussonderungsstatus` `archiviert`, `archivkennung`, `aussonderungId`) or destroyed (`vernichtet`, `archivkennung` null, `aussonderungId` and the protocol's `vernichtungsprotokollDokumentId`, null when not filed), never both; with a per-Vorgang appraisal each part answers for itself. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            416: components["responses"]["Problem416"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getDokumentFormatInhalt: {
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
                /** @description The kind of rendition (`pdfa_ocr`, `vorschau_pdf`, `vorschau_miniatur`, `vorschau_seite`; see `Format`). */
                art: "pdfa_ocr" | "vorschau_pdf" | "vorschau_miniatur" | "vorschau_seite";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole content. */
            200: {
                headers: {
                    ETag?: string;
                    "Content-Disposition"?: string;
                    "Content-Length"?: number;
                    "Accept-Ranges"?: "bytes";
                    "X-Content-Type-Options"?: "nosniff";
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
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
                    "Content-Disposition"?: string;
                    "Content-Length"?: number;
                    "Accept-Ranges"?: "bytes";
                    "X-Content-Type-Options"?: "nosniff";
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Inhalt"];
                };
            };
            /** @description The client's copy (If-None-Match) is current; recorded as a read. */
            304: {
                headers: {
                    ETag?: string;
                    "Cache-Control"?: "private, no-store" | "private, no-cache";
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            /** @description The content was removed by an Aussonderung (`INHALT_AUSGESONDERT`), as for the version's content. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            416: components["responses"]["Problem416"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listLoeschsperren: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
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
            415: components["responses"]["Problem415-2"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    aufhebenLoeschsperre: {
        parameters: {
            query: {
                /** @description Why the hold is released (e.g. the judgment is final); without it the answer is 400 `VALIDIERUNGSFEHLER`, whatever the id. */
                grund: string;
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
            429: components["responses"]["Problem429"];
        };
    };
    listFaelligeAkten: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
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
            429: components["responses"]["Problem429"];
        };
    };
    listAussonderungen: {
        parameters: {
            query?: {
                /** @description Page size (at most 200). */
                limit?: components["parameters"]["Limit-2"];
                /** @description The `nextCursor` of the previous page of the same operation (and the same `sortierung`), passed on unchanged. Every list operation uses this one format; any other value answers 400 `UNGUELTIGER_CURSOR`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only Aussonderungen in this state. */
                status?: "angeboten" | "bewertet" | "abgegeben" | "vernichtung_ausstehend" | "abgeschlossen";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AussonderungenListe"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            429: components["responses"]["Problem429"];
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
            415: components["responses"]["Problem415-2"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500XdomeaErzeugung"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500XdomeaErzeugung"];
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
        /** @description The 0502 Bewertungsverzeichnis as the archive sent it, or an appraisal entered by hand from the archive's letter: `{ "bewertungen": { "<akteId>": "A" | "V" }, "zeichen", "datum", "archivar" }`, optionally `dokumentId` of the scanned letter. */
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
            415: components["responses"]["Problem415-2"];
            /** @description The 0502 does not match the xdomea 3.1.0 schema or names another process (`XDOMEA_UNGUELTIG`; `detail` and `fehler` name line and element), or it names an object this Aussonderung did not offer (`OBJEKT_NICHT_ANGEBOTEN`, the ids in `objekte`), or it appraises an offered Dokument apart from its Vorgang (`BEWERTUNG_JE_DOKUMENT_ABWEICHEND`, the ids in `objekte`: appraisal is taken per Akte and per Vorgang; a Dokument listed with the decision of its Vorgang is accepted); a hand appraisal without the reference of the archive gets `BEWERTUNG_ZEICHEN_FEHLT`, `BEWERTUNG_DATUM_FEHLT` or `BEWERTUNG_ARCHIVAR_FEHLT`; nothing is stored. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500XdomeaErzeugung"];
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
            415: components["responses"]["Problem415-2"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500XdomeaErzeugung"];
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
            415: components["responses"]["Problem415-2"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
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
            429: components["responses"]["Problem429"];
        };
    };
    postVernichtungAblehnung: {
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
                "application/json": components["schemas"]["VernichtungAblehnung"];
            };
        };
        responses: {
            /** @description The Aussonderung; `vernichtung` is the refused request (`abgelehntVon`, `abgelehntAm`, `ablehnungsgrund`), the objects unchanged. */
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
            415: components["responses"]["Problem415-2"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
        };
    };
    getVernichtungsprotokoll: {
        parameters: {
            query?: {
                /**
                 * @description The number of a Nachtrag to the protocol instead of the protocol itself.
                 * @example 1
                 */
                nachtrag?: number;
            };
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
            429: components["responses"]["Problem429"];
        };
    };
}
