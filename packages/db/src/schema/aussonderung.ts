import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgSchema, primaryKey, text, timestamptz, unique, uniqueIndex, uuid } from './pg.js';
import { akte, vorgang } from './akten.js';
import { dokument } from './dokumente.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { mandant } from './plattform.js';

export const aussonderungSchema = pgSchema('aussonderung');

/** A legal hold (Löschsperre): blocks destruction, transfer, deletion and shortening of retention. */
export const loeschsperre = aussonderungSchema
  .table(
    'loeschsperre',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      bezeichnung: text('bezeichnung').notNull(),
      grund: text('grund').notNull(),
      aktenzeichenGericht: text('aktenzeichen_gericht'),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      erstelltVon: text('erstellt_von').notNull(),
      aufgehobenAm: timestamptz('aufgehoben_am'),
      aufgehobenVon: text('aufgehoben_von'),
      aufhebungsgrund: text('aufhebungsgrund'),
      /** The search whose matching Akten were added when the hold was placed (kept for the record). */
      suche: jsonb('suche'),
    },
    (t) => [
      unique('loeschsperre_mandant_id_uq').on(t.mandantId, t.id),
      index('loeschsperre_erstellt_idx').on(t.mandantId, t.erstelltAm.desc(), t.id.desc()),
      check('loeschsperre_bezeichnung_ck', sql`length(${t.bezeichnung}) BETWEEN 1 AND 300`),
      check('loeschsperre_grund_ck', sql`length(${t.grund}) BETWEEN 1 AND 2000`),
      check('loeschsperre_aufhebung_ck', sql`(${t.aufgehobenAm} IS NULL) = (${t.aufgehobenVon} IS NULL) AND (${t.aufgehobenAm} IS NULL) = (${t.aufhebungsgrund} IS NULL)`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** The Akten a hold covers. */
export const loeschsperreAkte = aussonderungSchema
  .table(
    'loeschsperre_akte',
    {
      mandantId: mandantIdColumn(),
      loeschsperreId: uuid('loeschsperre_id').notNull(),
      akteId: uuid('akte_id').notNull(),
    },
    (t) => [
      primaryKey({ name: 'loeschsperre_akte_pk', columns: [t.mandantId, t.loeschsperreId, t.akteId] }),
      foreignKey({ columns: [t.mandantId, t.loeschsperreId], foreignColumns: [loeschsperre.mandantId, loeschsperre.id], name: 'loeschsperre_akte_sperre_fk' }),
      foreignKey({ columns: [t.mandantId, t.akteId], foreignColumns: [akte.mandantId, akte.id], name: 'loeschsperre_akte_akte_fk' }),
      index('loeschsperre_akte_akte_idx').on(t.mandantId, t.akteId),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * Vorgänge (dokument_id null) and Dokumente a hold covers, each with its Akte, so that "is this
 * object covered" is one indexed lookup per Akte (see `aussonderung.aktive_loeschsperren`).
 */
export const loeschsperreObjekt = aussonderungSchema
  .table(
    'loeschsperre_objekt',
    {
      mandantId: mandantIdColumn(),
      loeschsperreId: uuid('loeschsperre_id').notNull(),
      akteId: uuid('akte_id').notNull(),
      vorgangId: uuid('vorgang_id').notNull(),
      dokumentId: uuid('dokument_id'),
    },
    (t) => [
      unique('loeschsperre_objekt_uq').on(t.mandantId, t.loeschsperreId, t.vorgangId, t.dokumentId).nullsNotDistinct(),
      foreignKey({ columns: [t.mandantId, t.loeschsperreId], foreignColumns: [loeschsperre.mandantId, loeschsperre.id], name: 'loeschsperre_objekt_sperre_fk' }),
      foreignKey({ columns: [t.mandantId, t.akteId], foreignColumns: [akte.mandantId, akte.id], name: 'loeschsperre_objekt_akte_fk' }),
      foreignKey({ columns: [t.mandantId, t.vorgangId], foreignColumns: [vorgang.mandantId, vorgang.id], name: 'loeschsperre_objekt_vorgang_fk' }),
      // a Dokument row names its own Vorgang
      foreignKey({ columns: [t.mandantId, t.vorgangId, t.dokumentId], foreignColumns: [dokument.mandantId, dokument.vorgangId, dokument.id], name: 'loeschsperre_objekt_dokument_fk' }),
      index('loeschsperre_objekt_akte_idx').on(t.mandantId, t.akteId),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** One Aussonderung process; its id is the xdomea ProzessID of all its messages. */
export const aussonderung = aussonderungSchema
  .table(
    'aussonderung',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      /** `vernichtung_ausstehend`: approved, but objects wait for their destruction or the protocol is missing (trigger `aussonderung_abschluss_tg`). */
      status: text('status').$type<'angeboten' | 'bewertet' | 'abgegeben' | 'vernichtung_ausstehend' | 'abgeschlossen'>().notNull().default('angeboten'),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      erstelltVon: text('erstellt_von').notNull(),
      bewertetAm: timestamptz('bewertet_am'),
      /** The 0502 asked for a receipt (0505). */
      empfangsbestaetigungAngefordert: boolean('empfangsbestaetigung_angefordert').notNull().default(false),
      abgegebenAm: timestamptz('abgegeben_am'),
      /** Progress of long work (transfer package, deletions): done of total objects. */
      fortschrittErledigt: integer('fortschritt_erledigt').notNull().default(0),
      fortschrittGesamt: integer('fortschritt_gesamt').notNull().default(0),
      fortschrittSchritt: text('fortschritt_schritt'),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      unique('aussonderung_mandant_id_uq').on(t.mandantId, t.id),
      index('aussonderung_erstellt_idx').on(t.mandantId, t.erstelltAm.desc()),
      check('aussonderung_status_ck', sql`${t.status} IN ('angeboten', 'bewertet', 'abgegeben', 'vernichtung_ausstehend', 'abgeschlossen')`),
      check('aussonderung_fortschritt_ck', sql`${t.fortschrittErledigt} BETWEEN 0 AND ${t.fortschrittGesamt}`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** An Akte offered in an Aussonderung, with the archive's appraisal and what became of it. */
export const aussonderungObjekt = aussonderungSchema
  .table(
    'aussonderung_objekt',
    {
      mandantId: mandantIdColumn(),
      aussonderungId: uuid('aussonderung_id').notNull(),
      akteId: uuid('akte_id').notNull(),
      bewertung: text('bewertung').$type<'A' | 'V'>(),
      /** Appraisals of the Akte's Vorgänge when the archive gave them separately: `{ id: 'A' | 'V' }`. */
      unterbewertungen: jsonb('unterbewertungen')
        .$type<Record<string, 'A' | 'V'>>()
        .notNull()
        .default(sql`'{}'::jsonb`),
      status: text('status').$type<'angeboten' | 'bewertet' | 'abgegeben' | 'archiviert' | 'vernichtet'>().notNull().default('angeboten'),
      archivkennung: text('archivkennung'),
      erfolgreich: boolean('erfolgreich'),
      inhaltGeloeschtAm: timestamptz('inhalt_geloescht_am'),
      /** When the approved destruction removed the V-parts (Vorgänge appraised V) of an Akte appraised A. */
      teilVernichtetAm: timestamptz('teil_vernichtet_am'),
      /** Why the destruction of those V-parts was refused when its job ran (`LOESCHSPERRE`: resumed when the hold is released). */
      teilLoeschFehler: text('teil_loesch_fehler'),
      /** Removal of the content by a job: pending, done, or stopped by a Löschsperre found when it ran. */
      loeschung: text('loeschung').$type<'ausstehend' | 'erledigt' | 'gesperrt'>(),
      /** Failed attempts of the removal (storage errors); the job retries them. */
      loeschVersuche: integer('loesch_versuche').notNull().default(0),
      loeschFehler: text('loesch_fehler'),
    },
    (t) => [
      primaryKey({ name: 'aussonderung_objekt_pk', columns: [t.mandantId, t.aussonderungId, t.akteId] }),
      // an Akte is offered once: the due list shows Akten not yet in an Aussonderung
      unique('aussonderung_objekt_akte_uq').on(t.mandantId, t.akteId),
      foreignKey({ columns: [t.mandantId, t.aussonderungId], foreignColumns: [aussonderung.mandantId, aussonderung.id], name: 'aussonderung_objekt_aussonderung_fk' }),
      foreignKey({ columns: [t.mandantId, t.akteId], foreignColumns: [akte.mandantId, akte.id], name: 'aussonderung_objekt_akte_fk' }),
      check('aussonderung_objekt_bewertung_ck', sql`${t.bewertung} IN ('A', 'V')`),
      check('aussonderung_objekt_status_ck', sql`${t.status} IN ('angeboten', 'bewertet', 'abgegeben', 'archiviert', 'vernichtet')`),
      // offer before destroy, also in the database: destroyed only as V, transferred only as A
      // the deepest appraised object wins: an Akte goes to the archive as the container of any A-part,
      // and is destroyed as a whole only when no part of it is appraised A
      check(
        'aussonderung_objekt_vernichtet_ck',
        sql`${t.status} <> 'vernichtet' OR ((${t.bewertung} = 'V' OR jsonb_path_exists(${t.unterbewertungen}, '$.* ? (@ == "V")')) AND NOT jsonb_path_exists(${t.unterbewertungen}, '$.* ? (@ == "A")'))`,
      ),
      check('aussonderung_objekt_abgabe_ck', sql`${t.status} NOT IN ('abgegeben', 'archiviert') OR ${t.bewertung} = 'A' OR jsonb_path_exists(${t.unterbewertungen}, '$.* ? (@ == "A")')`),
      check('aussonderung_objekt_loeschung_ck', sql`${t.loeschung} IN ('ausstehend', 'erledigt', 'gesperrt')`),
      check('aussonderung_objekt_bewertet_ck', sql`${t.status} = 'angeboten' OR ${t.bewertung} IS NOT NULL`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** A destruction of an Aussonderung's V-objects: requested by one registratur user, approved by another. */
export const vernichtung = aussonderungSchema
  .table(
    'vernichtung',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      aussonderungId: uuid('aussonderung_id').notNull(),
      beantragtVon: text('beantragt_von').notNull(),
      beantragtVonName: text('beantragt_von_name').notNull(),
      beantragtAm: timestamptz('beantragt_am').notNull().defaultNow(),
      freigegebenVon: text('freigegeben_von'),
      freigegebenVonName: text('freigegeben_von_name'),
      freigegebenAm: timestamptz('freigegeben_am'),
      /** Refused by the second pair of eyes: the request is closed and kept as history. */
      abgelehntVon: text('abgelehnt_von'),
      abgelehntVonName: text('abgelehnt_von_name'),
      abgelehntAm: timestamptz('abgelehnt_am'),
      ablehnungsgrund: text('ablehnungsgrund'),
      /** The objects as they were destroyed, for the protocol (Aktenzeichen, Betreff, Laufzeit, files). */
      objekte: jsonb('objekte')
        .notNull()
        .default(sql`'[]'::jsonb`),
      /** The Vernichtungsprotokoll (PDF) as stored in object storage at approval, with its SHA-256. */
      protokollSchluessel: text('protokoll_schluessel'),
      protokollSha256: text('protokoll_sha256'),
      /** The protocol as a Dokument of the tenant (the same stored object), when filed. */
      protokollDokumentId: uuid('protokoll_dokument_id'),
    },
    (t) => [
      unique('vernichtung_mandant_id_uq').on(t.mandantId, t.id),
      // at most one open (not refused) request per Aussonderung; refused ones stay as history
      uniqueIndex('vernichtung_aussonderung_offen_uq')
        .on(t.mandantId, t.aussonderungId)
        .where(sql`abgelehnt_am IS NULL`),
      foreignKey({ columns: [t.mandantId, t.aussonderungId], foreignColumns: [aussonderung.mandantId, aussonderung.id], name: 'vernichtung_aussonderung_fk' }),
      foreignKey({ columns: [t.mandantId, t.protokollDokumentId], foreignColumns: [dokument.mandantId, dokument.id], name: 'vernichtung_protokoll_dokument_fk' }),
      // four eyes, also in the database
      check('vernichtung_vier_augen_ck', sql`${t.freigegebenVon} IS NULL OR ${t.freigegebenVon} <> ${t.beantragtVon}`),
      check('vernichtung_freigabe_ck', sql`(${t.freigegebenVon} IS NULL) = (${t.freigegebenAm} IS NULL)`),
      // a refusal names who, when and why, is never by the requester, and never follows an approval
      check(
        'vernichtung_ablehnung_ck',
        sql`(${t.abgelehntAm} IS NULL AND ${t.abgelehntVon} IS NULL AND ${t.ablehnungsgrund} IS NULL) OR (${t.abgelehntAm} IS NOT NULL AND ${t.abgelehntVon} IS NOT NULL AND ${t.abgelehntVon} <> ${t.beantragtVon} AND length(btrim(${t.ablehnungsgrund})) > 0 AND ${t.freigegebenAm} IS NULL)`,
      ),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * How the archive's decisions of one appraisal event were obtained: by its 0502 (the stored message),
 * or entered by hand from the archive's letter (Zeichen, Datum, Archivar, optionally the scanned
 * letter as a Dokument). Append-only; the newest event naming an object is its evidence.
 */
export const bewertungsnachweis = aussonderungSchema
  .table(
    'bewertungsnachweis',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      aussonderungId: uuid('aussonderung_id').notNull(),
      art: text('art').$type<'0502' | 'manuell'>().notNull(),
      /** Object id (Akte or Vorgang) → A or V, as this event set it. */
      bewertungen: jsonb('bewertungen').$type<Record<string, 'A' | 'V'>>().notNull(),
      nachrichtId: uuid('nachricht_id'),
      zeichen: text('zeichen'),
      datum: date('datum'),
      archivar: text('archivar'),
      dokumentId: uuid('dokument_id'),
      erfasstVon: text('erfasst_von').notNull(),
      erfasstVonName: text('erfasst_von_name').notNull(),
      erfasstAm: timestamptz('erfasst_am').notNull().defaultNow(),
    },
    (t) => [
      foreignKey({ columns: [t.mandantId, t.aussonderungId], foreignColumns: [aussonderung.mandantId, aussonderung.id], name: 'bewertungsnachweis_aussonderung_fk' }),
      foreignKey({ columns: [t.nachrichtId], foreignColumns: [nachricht.id], name: 'bewertungsnachweis_nachricht_fk' }),
      foreignKey({ columns: [t.mandantId, t.dokumentId], foreignColumns: [dokument.mandantId, dokument.id], name: 'bewertungsnachweis_dokument_fk' }),
      index('bewertungsnachweis_aussonderung_idx').on(t.mandantId, t.aussonderungId, t.erfasstAm),
      check('bewertungsnachweis_art_ck', sql`${t.art} IN ('0502', 'manuell')`),
      // a decision entered by hand names the archive's letter; one from a 0502 names the message
      check(
        'bewertungsnachweis_herkunft_ck',
        sql`(${t.art} = '0502' AND ${t.nachrichtId} IS NOT NULL) OR (${t.art} = 'manuell' AND length(btrim(${t.zeichen})) > 0 AND ${t.datum} IS NOT NULL AND length(btrim(${t.archivar})) > 0)`,
      ),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * What a destruction removed after its Vernichtungsprotokoll was written (objects a Löschsperre had
 * stopped, destroyed once it was released): one PDF per round, numbered, written once.
 */
export const vernichtungsnachtrag = aussonderungSchema
  .table(
    'vernichtungsnachtrag',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      vernichtungId: uuid('vernichtung_id').notNull(),
      nr: integer('nr').notNull(),
      /** The objects it names, as the protocol lists them (Aktenzeichen, Betreff, Laufzeit, files). */
      objekte: jsonb('objekte').notNull(),
      schluessel: text('schluessel').notNull(),
      sha256: text('sha256').notNull(),
      /** The Nachtrag as a Dokument of the tenant, when filed beside the protocol. */
      dokumentId: uuid('dokument_id'),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      unique('vernichtungsnachtrag_nr_uq').on(t.mandantId, t.vernichtungId, t.nr),
      check('vernichtungsnachtrag_nr_ck', sql`${t.nr} > 0`),
      foreignKey({ columns: [t.mandantId, t.vernichtungId], foreignColumns: [vernichtung.mandantId, vernichtung.id], name: 'vernichtungsnachtrag_vernichtung_fk' }),
      foreignKey({ columns: [t.mandantId, t.dokumentId], foreignColumns: [dokument.mandantId, dokument.id], name: 'vernichtungsnachtrag_dokument_fk' }),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** xdomea messages received from the archive (0502, 0504, 0506, 0507), kept as they came. */
export const nachricht = aussonderungSchema
  .table(
    'nachricht',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      aussonderungId: uuid('aussonderung_id').notNull(),
      typ: text('typ').$type<'0502' | '0504' | '0506' | '0507'>().notNull(),
      /** `Kopf/Erstellungszeitpunkt` as sent (archives send local time without offset). */
      erstellungszeitpunkt: text('erstellungszeitpunkt'),
      absender: text('absender'),
      empfangenAm: timestamptz('empfangen_am').notNull().defaultNow(),
      empfangenVon: text('empfangen_von').notNull(),
      inhalt: text('inhalt'),
    },
    (t) => [
      foreignKey({ columns: [t.mandantId, t.aussonderungId], foreignColumns: [aussonderung.mandantId, aussonderung.id], name: 'nachricht_aussonderung_fk' }),
      index('nachricht_aussonderung_idx').on(t.mandantId, t.aussonderungId, t.empfangenAm),
      check('nachricht_typ_ck', sql`${t.typ} IN ('0502', '0504', '0506', '0507')`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();
