import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, foreignKey, index, integer, pgSchema, primaryKey, text, timestamptz, unique, uuid } from './pg.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { vorgang } from './akten.js';

export const dokumente = pgSchema('dokumente');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Result of the last fixity check of a Dokument's stored objects. */
export const INTEGRITAETEN = ['ungeprueft', 'intakt', 'verletzt'] as const;
export type Integritaet = (typeof INTEGRITAETEN)[number];

/** A document filed in a Vorgang. Its content lives in immutable versions. */
export const dokument = dokumente
  .table(
    'dokument',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      vorgangId: uuid('vorgang_id').notNull(),
      betreff: text('betreff').notNull(),
      datumDesSchreibens: date('datum_des_schreibens').notNull(),
      eingangsdatum: date('eingangsdatum'),
      /** Postausgangsdatum of an outgoing Dokument (xdomea), like the Eingangsdatum of an incoming one. */
      ausgangsdatum: date('ausgangsdatum'),
      absender: text('absender'),
      /** Recipients of a filed e-mail (display form, comma-separated). */
      empfaenger: text('empfaenger'),
      bemerkung: text('bemerkung'),
      /** An Anlage points to the Dokument (an e-mail) it was attached to; same tenant, same Vorgang. */
      elternDokumentId: uuid('eltern_dokument_id'),
      /** Number of the newest version (versions are numbered 1, 2, …). */
      aktuelleVersion: integer('aktuelle_version').notNull().default(1),
      integritaet: text('integritaet').$type<Integritaet>().notNull().default('ungeprueft'),
      integritaetGeprueftAm: timestamptz('integritaet_geprueft_am'),
      /** Optimistic concurrency (ETag); counts every change of the row. */
      version: integer('version').notNull().default(1),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      erstelltVon: text('erstellt_von').notNull(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      unique('dokument_mandant_id_uq').on(t.mandantId, t.id),
      // a Dokument lives in a Vorgang of its own tenant
      foreignKey({ columns: [t.mandantId, t.vorgangId], foreignColumns: [vorgang.mandantId, vorgang.id], name: 'dokument_vorgang_fk' }),
      index('dokument_vorgang_idx').on(t.mandantId, t.vorgangId, t.id),
      // an Anlage lives in the Vorgang of its mail
      unique('dokument_mandant_vorgang_id_uq').on(t.mandantId, t.vorgangId, t.id),
      foreignKey({ columns: [t.mandantId, t.vorgangId, t.elternDokumentId], foreignColumns: [t.mandantId, t.vorgangId, t.id], name: 'dokument_eltern_fk' }),
      index('dokument_eltern_idx').on(t.mandantId, t.elternDokumentId, t.id),
      check('dokument_empfaenger_ck', sql`${t.empfaenger} IS NULL OR length(${t.empfaenger}) <= 4000`),
      check('dokument_eltern_ck', sql`${t.elternDokumentId} IS NULL OR ${t.elternDokumentId} <> ${t.id}`),
      check('dokument_betreff_ck', sql`length(${t.betreff}) BETWEEN 1 AND 500`),
      check('dokument_absender_ck', sql`${t.absender} IS NULL OR length(${t.absender}) <= 500`),
      check('dokument_bemerkung_ck', sql`${t.bemerkung} IS NULL OR length(${t.bemerkung}) <= 4000`),
      check('dokument_integritaet_ck', sql`${t.integritaet} IN ('ungeprueft', 'intakt', 'verletzt')`),
      check('dokument_aktuelle_version_ck', sql`${t.aktuelleVersion} >= 1`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * One immutable version of a Dokument: the stored object (key chosen by the application),
 * its size, SHA-256 and detected type. The application role may not change or delete it.
 */
export const dokumentVersion = dokumente
  .table(
    'dokument_version',
    {
      mandantId: mandantIdColumn(),
      dokumentId: uuid('dokument_id').notNull(),
      nr: integer('nr').notNull(),
      /** `<mandantId>/<uuidv7>`; never derived from the file name. */
      speicherschluessel: text('speicherschluessel').notNull(),
      groesse: bigint('groesse', { mode: 'number' }).notNull(),
      sha256: text('sha256').notNull(),
      mimeType: text('mime_type').notNull(),
      /** Sanitised display name; metadata only. */
      dateiname: text('dateiname').notNull(),
      /** How the version came about: upload, or derived (Eingangsstempel). */
      herkunft: text('herkunft').$type<'upload' | 'eingangsstempel'>().notNull().default('upload'),
      erstelltVon: text('erstellt_von').notNull(),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'dokument_version_pk', columns: [t.mandantId, t.dokumentId, t.nr] }),
      unique('dokument_version_speicherschluessel_uq').on(t.speicherschluessel),
      foreignKey({ columns: [t.mandantId, t.dokumentId], foreignColumns: [dokument.mandantId, dokument.id], name: 'dokument_version_dokument_fk' }),
      check('dokument_version_nr_ck', sql`${t.nr} >= 1`),
      check('dokument_version_groesse_ck', sql`${t.groesse} >= 0`),
      check('dokument_version_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
      check('dokument_version_schluessel_ck', sql`starts_with(${t.speicherschluessel}, ${t.mandantId}::text || '/')`),
      check('dokument_version_dateiname_ck', sql`length(${t.dateiname}) BETWEEN 1 AND 255`),
      check('dokument_version_herkunft_ck', sql`${t.herkunft} IN ('upload', 'eingangsstempel')`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** Creating requests already answered, by their `Idempotency-Key`: a retry gets the first result. */
export const idempotenz = dokumente
  .table(
    'idempotenz',
    {
      mandantId: mandantIdColumn(),
      operation: text('operation').notNull(),
      schluessel: text('schluessel').notNull(),
      dokumentId: uuid('dokument_id').notNull(),
      versionNr: integer('version_nr').notNull(),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'idempotenz_pk', columns: [t.mandantId, t.operation, t.schluessel] }),
      foreignKey({
        columns: [t.mandantId, t.dokumentId, t.versionNr],
        foreignColumns: [dokumentVersion.mandantId, dokumentVersion.dokumentId, dokumentVersion.nr],
        name: 'idempotenz_version_fk',
      }),
      check('idempotenz_schluessel_ck', sql`length(${t.schluessel}) BETWEEN 1 AND 200`),
      index('idempotenz_erstellt_idx').on(t.erstelltAm),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** Text extracted from a version (background job), searchable with the `german` configuration. */
export const volltext = dokumente
  .table(
    'volltext',
    {
      mandantId: mandantIdColumn(),
      dokumentId: uuid('dokument_id').notNull(),
      versionNr: integer('version_nr').notNull(),
      status: text('status').$type<'extrahiert' | 'fehler' | 'kein_text'>().notNull(),
      inhalt: text('inhalt'),
      vektor: tsvector('vektor').generatedAlwaysAs(sql`to_tsvector('german'::regconfig, coalesce(inhalt, ''))`),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'volltext_pk', columns: [t.mandantId, t.dokumentId, t.versionNr] }),
      foreignKey({
        columns: [t.mandantId, t.dokumentId, t.versionNr],
        foreignColumns: [dokumentVersion.mandantId, dokumentVersion.dokumentId, dokumentVersion.nr],
        name: 'volltext_version_fk',
      }),
      index('volltext_vektor_idx').using('gin', t.vektor),
      check('volltext_status_ck', sql`${t.status} IN ('extrahiert', 'fehler', 'kein_text')`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * Kinds of rendition: the searchable PDF/A-2b that OCR makes of a scan; the previews of the web client
 * (the PDF LibreOffice makes of an Office document, a thumbnail and a page image of the first page).
 */
export const FORMATARTEN = ['pdfa_ocr', 'vorschau_pdf', 'vorschau_miniatur', 'vorschau_seite'] as const;
export type Formatart = (typeof FORMATARTEN)[number];

/**
 * A further format (rendition) of a version, derived from it by the platform: its own stored object
 * beside the version's. The version stays the Primärdokument; a rendition is immutable like it.
 */
export const dokumentFormat = dokumente
  .table(
    'dokument_format',
    {
      mandantId: mandantIdColumn(),
      dokumentId: uuid('dokument_id').notNull(),
      versionNr: integer('version_nr').notNull(),
      art: text('art').$type<Formatart>().notNull(),
      speicherschluessel: text('speicherschluessel').notNull(),
      groesse: bigint('groesse', { mode: 'number' }).notNull(),
      sha256: text('sha256').notNull(),
      mimeType: text('mime_type').notNull(),
      dateiname: text('dateiname').notNull(),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'dokument_format_pk', columns: [t.mandantId, t.dokumentId, t.versionNr, t.art] }),
      unique('dokument_format_speicherschluessel_uq').on(t.speicherschluessel),
      foreignKey({
        columns: [t.mandantId, t.dokumentId, t.versionNr],
        foreignColumns: [dokumentVersion.mandantId, dokumentVersion.dokumentId, dokumentVersion.nr],
        name: 'dokument_format_version_fk',
      }),
      check('dokument_format_art_ck', sql`${t.art} IN ('pdfa_ocr', 'vorschau_pdf', 'vorschau_miniatur', 'vorschau_seite')`),
      check('dokument_format_groesse_ck', sql`${t.groesse} >= 0`),
      check('dokument_format_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
      check('dokument_format_schluessel_ck', sql`starts_with(${t.speicherschluessel}, ${t.mandantId}::text || '/')`),
      check('dokument_format_dateiname_ck', sql`length(${t.dateiname}) BETWEEN 1 AND 255`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** States of the text recognition (OCR) of a scanned version. */
export const OCR_STATUS = ['ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar'] as const;
export type OcrStatus = (typeof OCR_STATUS)[number];

/** The OCR state of a version that is a scan (image, or PDF without text); none for other versions. */
export const texterkennung = dokumente
  .table(
    'texterkennung',
    {
      mandantId: mandantIdColumn(),
      dokumentId: uuid('dokument_id').notNull(),
      versionNr: integer('version_nr').notNull(),
      status: text('status').$type<OcrStatus>().notNull(),
      /** Pages recognised (`fertig`). */
      seiten: integer('seiten'),
      /** Stable code of why it failed (`fehler`). */
      grund: text('grund'),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'texterkennung_pk', columns: [t.mandantId, t.dokumentId, t.versionNr] }),
      foreignKey({
        columns: [t.mandantId, t.dokumentId, t.versionNr],
        foreignColumns: [dokumentVersion.mandantId, dokumentVersion.dokumentId, dokumentVersion.nr],
        name: 'texterkennung_version_fk',
      }),
      check('texterkennung_status_ck', sql`${t.status} IN ('ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar')`),
      // a finished OCR names its pages, a failed one its reason
      check('texterkennung_fertig_ck', sql`(${t.status} = 'fertig') = (${t.seiten} IS NOT NULL)`),
      check('texterkennung_fehler_ck', sql`(${t.status} = 'fehler') = (${t.grund} IS NOT NULL)`),
      check('texterkennung_seiten_ck', sql`${t.seiten} IS NULL OR ${t.seiten} >= 1`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** The preview state of a version that is a PDF, an image or an Office document; none for other versions. */
export const vorschau = dokumente
  .table(
    'vorschau',
    {
      mandantId: mandantIdColumn(),
      dokumentId: uuid('dokument_id').notNull(),
      versionNr: integer('version_nr').notNull(),
      status: text('status').$type<OcrStatus>().notNull(),
      /** Pages of the document the preview was made of (`fertig`). */
      seiten: integer('seiten'),
      /** Stable code of why it failed (`fehler`). */
      grund: text('grund'),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'vorschau_pk', columns: [t.mandantId, t.dokumentId, t.versionNr] }),
      foreignKey({
        columns: [t.mandantId, t.dokumentId, t.versionNr],
        foreignColumns: [dokumentVersion.mandantId, dokumentVersion.dokumentId, dokumentVersion.nr],
        name: 'vorschau_version_fk',
      }),
      check('vorschau_status_ck', sql`${t.status} IN ('ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar')`),
      check('vorschau_fertig_ck', sql`(${t.status} = 'fertig') = (${t.seiten} IS NOT NULL)`),
      check('vorschau_fehler_ck', sql`(${t.status} = 'fehler') = (${t.grund} IS NOT NULL)`),
      check('vorschau_seiten_ck', sql`${t.seiten} IS NULL OR ${t.seiten} >= 1`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();
