import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, text, timestamptz, unique, uniqueIndex, uuid } from './pg.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { benutzer, organisationseinheit } from './akten.js';
import { dokument, dokumente } from './dokumente.js';

/** offen: in the Poststelle's queue; weitergeleitet: passed on to a receiver's Postkorb; zugeordnet: filed. */
export type PosteingangStatus = 'offen' | 'weitergeleitet' | 'zugeordnet';

/** How an item reached the Posteingang. */
export const POSTEINGANG_ARTEN = ['upload', 'mail', 'scan'] as const;
export type PosteingangArt = (typeof POSTEINGANG_ARTEN)[number];

/**
 * An incoming item not yet assigned to a Vorgang (issue 21): an upload or a mail, its content
 * stored like a version's. On assignment it becomes a Dokument, which reuses the stored object;
 * the item keeps the link. Owned by the Dokumente service.
 */
export const posteingangEintrag = dokumente
  .table(
    'posteingang_eintrag',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      art: text('art').$type<PosteingangArt>().notNull(),
      status: text('status').$type<PosteingangStatus>().notNull().default('offen'),
      betreff: text('betreff').notNull(),
      absender: text('absender'),
      empfaenger: text('empfaenger'),
      datumDesSchreibens: date('datum_des_schreibens'),
      /** The day it reached the agency (the mail's newest Received header, else the day of intake). */
      eingangsdatum: date('eingangsdatum').notNull(),
      anlagen: integer('anlagen').notNull().default(0),
      /** Message-ID of a mail, without angle brackets. */
      messageId: text('message_id'),
      /** The function mailbox it was fetched from. */
      postfachId: uuid('postfach_id'),
      speicherschluessel: text('speicherschluessel').notNull(),
      groesse: bigint('groesse', { mode: 'number' }).notNull(),
      sha256: text('sha256').notNull(),
      mimeType: text('mime_type').notNull(),
      dateiname: text('dateiname').notNull(),
      eingegangenAm: timestamptz('eingegangen_am').notNull().defaultNow(),
      eingegangenVon: text('eingegangen_von').notNull(),
      dokumentId: uuid('dokument_id'),
      vorgangId: uuid('vorgang_id'),
      zugeordnetAm: timestamptz('zugeordnet_am'),
      zugeordnetVon: text('zugeordnet_von'),
      /** The receiver it was passed on to (Zuleitung): a user or an org unit (migration 0060). */
      anSub: text('an_sub'),
      anOeId: uuid('an_oe_id'),
      hinweis: text('hinweis'),
      weitergeleitetAm: timestamptz('weitergeleitet_am'),
      weitergeleitetVon: text('weitergeleitet_von'),
      /** The text of its Eingangsstempel, recorded on assignment (also when the content is not stamped). */
      eingangsvermerk: text('eingangsvermerk'),
    },
    (t) => [
      unique('posteingang_eintrag_speicherschluessel_uq').on(t.speicherschluessel),
      foreignKey({ columns: [t.mandantId, t.dokumentId], foreignColumns: [dokument.mandantId, dokument.id], name: 'posteingang_eintrag_dokument_fk' }),
      foreignKey({ columns: [t.mandantId, t.postfachId], foreignColumns: [postfach.mandantId, postfach.id], name: 'posteingang_eintrag_postfach_fk' }),
      foreignKey({ columns: [t.mandantId, t.anSub], foreignColumns: [benutzer.mandantId, benutzer.sub], name: 'posteingang_eintrag_an_benutzer_fk' }),
      foreignKey({ columns: [t.mandantId, t.anOeId], foreignColumns: [organisationseinheit.mandantId, organisationseinheit.id], name: 'posteingang_eintrag_an_oe_fk' }),
      // the queue: open items in arrival order (uuidv7)
      index('posteingang_eintrag_status_idx').on(t.mandantId, t.status, t.id),
      // the receiver's list (a user's, an org unit's), in arrival order
      index('posteingang_eintrag_an_sub_idx')
        .on(t.mandantId, t.anSub, t.id)
        .where(sql`${t.status} = 'weitergeleitet'`),
      index('posteingang_eintrag_an_oe_idx')
        .on(t.mandantId, t.anOeId, t.id)
        .where(sql`${t.status} = 'weitergeleitet'`),
      // a mail fetched twice (crash between filing and moving it) is filed once
      uniqueIndex('posteingang_eintrag_mail_uq')
        .on(t.mandantId, t.postfachId, sql`coalesce(${t.messageId}, '')`, t.sha256)
        .where(sql`${t.postfachId} IS NOT NULL`),
      check('posteingang_eintrag_art_ck', sql`${t.art} IN ('upload', 'mail', 'scan')`),
      check('posteingang_eintrag_status_ck', sql`${t.status} IN ('offen', 'weitergeleitet', 'zugeordnet')`),
      check(
        'posteingang_eintrag_zuordnung_ck',
        sql`(${t.status} = 'offen' AND ${t.dokumentId} IS NULL AND ${t.zugeordnetAm} IS NULL AND num_nonnulls(${t.anSub}, ${t.anOeId}) = 0) OR (${t.status} = 'weitergeleitet' AND ${t.dokumentId} IS NULL AND ${t.zugeordnetAm} IS NULL AND num_nonnulls(${t.anSub}, ${t.anOeId}) = 1 AND ${t.weitergeleitetAm} IS NOT NULL AND ${t.weitergeleitetVon} IS NOT NULL) OR (${t.status} = 'zugeordnet' AND ${t.dokumentId} IS NOT NULL AND ${t.vorgangId} IS NOT NULL AND ${t.zugeordnetAm} IS NOT NULL AND ${t.zugeordnetVon} IS NOT NULL)`,
      ),
      check('posteingang_eintrag_hinweis_ck', sql`${t.hinweis} IS NULL OR length(${t.hinweis}) BETWEEN 1 AND 1000`),
      check('posteingang_eintrag_betreff_ck', sql`length(${t.betreff}) BETWEEN 1 AND 500`),
      check('posteingang_eintrag_absender_ck', sql`${t.absender} IS NULL OR length(${t.absender}) <= 500`),
      check('posteingang_eintrag_empfaenger_ck', sql`${t.empfaenger} IS NULL OR length(${t.empfaenger}) <= 4000`),
      check('posteingang_eintrag_message_id_ck', sql`${t.messageId} IS NULL OR length(${t.messageId}) BETWEEN 1 AND 998`),
      check('posteingang_eintrag_anlagen_ck', sql`${t.anlagen} >= 0`),
      check('posteingang_eintrag_groesse_ck', sql`${t.groesse} >= 0`),
      check('posteingang_eintrag_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
      check('posteingang_eintrag_schluessel_ck', sql`starts_with(${t.speicherschluessel}, ${t.mandantId}::text || '/')`),
      check('posteingang_eintrag_dateiname_ck', sql`length(${t.dateiname}) BETWEEN 1 AND 255`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** What a mailbox's new mail becomes: a Posteingang item (the Poststelle passes it on to an org unit's Postkorb, migration 0060). */
export const POSTFACH_ZIELE = ['posteingang'] as const;
export const POSTFACH_SICHERHEIT = ['tls', 'starttls', 'keine'] as const;
export const POSTFACH_ZUSTAENDE = ['neu', 'bereit', 'fehler'] as const;

/**
 * A function mailbox of a tenant (poststelle@…), maintained by Fachadministration. The secret is
 * stored encrypted with the platform key (AES-256-GCM) and never returned.
 */
export const postfach = dokumente
  .table(
    'postfach',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      bezeichnung: text('bezeichnung').notNull(),
      host: text('host').notNull(),
      port: integer('port').notNull(),
      sicherheit: text('sicherheit').$type<(typeof POSTFACH_SICHERHEIT)[number]>().notNull().default('tls'),
      benutzer: text('benutzer').notNull(),
      /** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to tenant and mailbox id as associated data. */
      geheimnis: text('geheimnis').notNull(),
      ordner: text('ordner').notNull().default('INBOX'),
      ziel: text('ziel').$type<(typeof POSTFACH_ZIELE)[number]>().notNull().default('posteingang'),
      aktiv: boolean('aktiv').notNull().default(true),
      zustand: text('zustand').$type<(typeof POSTFACH_ZUSTAENDE)[number]>().notNull().default('neu'),
      /** The last error as the tenant may see it (no internal network details). */
      fehler: text('fehler'),
      fehlversuche: integer('fehlversuche').notNull().default(0),
      letzterAbruf: timestamptz('letzter_abruf'),
      naechsterAbruf: timestamptz('naechster_abruf').notNull().defaultNow(),
      version: integer('version').notNull().default(1),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      unique('postfach_mandant_id_uq').on(t.mandantId, t.id),
      // the poller's round: active mailboxes that are due
      index('postfach_faellig_idx')
        .on(t.naechsterAbruf)
        .where(sql`${t.aktiv}`),
      check('postfach_bezeichnung_ck', sql`length(${t.bezeichnung}) BETWEEN 1 AND 200`),
      check('postfach_host_ck', sql`length(${t.host}) BETWEEN 1 AND 253`),
      check('postfach_port_ck', sql`${t.port} BETWEEN 1 AND 65535`),
      check('postfach_sicherheit_ck', sql`${t.sicherheit} IN ('tls', 'starttls', 'keine')`),
      check('postfach_benutzer_ck', sql`length(${t.benutzer}) BETWEEN 1 AND 320`),
      check('postfach_ordner_ck', sql`length(${t.ordner}) BETWEEN 1 AND 200`),
      check('postfach_ziel_ck', sql`${t.ziel} IN ('posteingang')`),
      check('postfach_zustand_ck', sql`${t.zustand} IN ('neu', 'bereit', 'fehler')`),
      check('postfach_fehler_ck', sql`${t.fehler} IS NULL OR length(${t.fehler}) <= 1000`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

export const SCANSTAPEL_ZUSTAENDE = ['ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar'] as const;
export type ScanstapelZustand = (typeof SCANSTAPEL_ZUSTAENDE)[number];
/** What happens to the paper after scanning: kept, or destroyable by the agency after the waiting period. */
export const ORIGINAL_VERBLEIB = ['aufbewahren', 'vernichtbar'] as const;
export type OriginalVerbleib = (typeof ORIGINAL_VERBLEIB)[number];

/**
 * A scan batch of the Poststelle (issue 21, TR-RESISCAN): one multi-page scan, split by a job at its
 * separator sheets into Posteingang items (art `scan`). The form's Transfervermerk fields stay as
 * entered (trigger); only the state of the split moves.
 */
export const scanstapel = dokumente
  .table(
    'scanstapel',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      status: text('status').$type<ScanstapelZustand>().notNull().default('ausstehend'),
      grund: text('grund'),
      seiten: integer('seiten'),
      betreff: text('betreff').notNull(),
      absender: text('absender'),
      eingangsdatum: date('eingangsdatum').notNull(),
      gescanntVon: text('gescannt_von').notNull(),
      gescanntAm: timestamptz('gescannt_am').notNull(),
      geraet: text('geraet').notNull(),
      profil: text('profil'),
      original: text('original').$type<OriginalVerbleib>().notNull(),
      vernichtbarAb: date('vernichtbar_ab'),
      speicherschluessel: text('speicherschluessel').notNull(),
      groesse: bigint('groesse', { mode: 'number' }).notNull(),
      sha256: text('sha256').notNull(),
      mimeType: text('mime_type').notNull(),
      dateiname: text('dateiname').notNull(),
      eingegangenAm: timestamptz('eingegangen_am').notNull().defaultNow(),
      eingegangenVon: text('eingegangen_von').notNull(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
      /** When the batch's object was removed after its retention (migration 0062); the row stays as the evidence. */
      inhaltEntferntAm: timestamptz('inhalt_entfernt_am'),
    },
    (t) => [
      unique('scanstapel_mandant_id_uq').on(t.mandantId, t.id),
      unique('scanstapel_speicherschluessel_uq').on(t.speicherschluessel),
      index('scanstapel_status_idx').on(t.mandantId, t.status),
      check('scanstapel_status_ck', sql`${t.status} IN ('ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar')`),
      check('scanstapel_fehler_ck', sql`(${t.status} = 'fehler') = (${t.grund} IS NOT NULL)`),
      check('scanstapel_fertig_ck', sql`${t.status} <> 'fertig' OR ${t.seiten} IS NOT NULL`),
      check('scanstapel_seiten_ck', sql`${t.seiten} IS NULL OR ${t.seiten} >= 1`),
      check('scanstapel_betreff_ck', sql`length(${t.betreff}) BETWEEN 1 AND 500`),
      check('scanstapel_absender_ck', sql`${t.absender} IS NULL OR length(${t.absender}) <= 500`),
      check('scanstapel_gescannt_von_ck', sql`length(${t.gescanntVon}) BETWEEN 1 AND 200`),
      check('scanstapel_geraet_ck', sql`length(${t.geraet}) BETWEEN 1 AND 200`),
      check('scanstapel_profil_ck', sql`${t.profil} IS NULL OR length(${t.profil}) BETWEEN 1 AND 200`),
      check('scanstapel_original_ck', sql`${t.original} IN ('aufbewahren', 'vernichtbar')`),
      check('scanstapel_vernichtbar_ck', sql`(${t.original} = 'vernichtbar') = (${t.vernichtbarAb} IS NOT NULL)`),
      check('scanstapel_vernichtbar_ab_ck', sql`${t.vernichtbarAb} IS NULL OR ${t.vernichtbarAb} >= (${t.gescanntAm} AT TIME ZONE 'UTC')::date`),
      check('scanstapel_groesse_ck', sql`${t.groesse} >= 0`),
      check('scanstapel_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
      check('scanstapel_schluessel_ck', sql`starts_with(${t.speicherschluessel}, ${t.mandantId}::text || '/')`),
      check('scanstapel_dateiname_ck', sql`length(${t.dateiname}) BETWEEN 1 AND 255`),
      check('scanstapel_inhalt_entfernt_ck', sql`${t.inhaltEntferntAm} IS NULL OR ${t.status} = 'fertig'`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** A page the quality check flags: blank (`leer`) or too dark to read (`unlesbar`), with its ink coverage. */
export interface SeitenBefund {
  seite: number;
  befund: 'leer' | 'unlesbar';
  deckung: number;
}

/** The Transfervermerk of one document of a batch: its place in the batch and the quality check of its pages. */
export const transfervermerk = dokumente
  .table(
    'transfervermerk',
    {
      eintragId: uuid('eintrag_id').primaryKey(),
      mandantId: mandantIdColumn(),
      scanstapelId: uuid('scanstapel_id').notNull(),
      position: integer('position').notNull(),
      ersteSeite: integer('erste_seite').notNull(),
      letzteSeite: integer('letzte_seite').notNull(),
      qualitaet: text('qualitaet').$type<'ok' | 'auffaellig'>().notNull(),
      befunde: jsonb('befunde')
        .$type<SeitenBefund[]>()
        .notNull()
        .default(sql`'[]'::jsonb`),
    },
    (t) => [
      foreignKey({ columns: [t.eintragId], foreignColumns: [posteingangEintrag.id], name: 'transfervermerk_eintrag_fk' }),
      foreignKey({ columns: [t.mandantId, t.scanstapelId], foreignColumns: [scanstapel.mandantId, scanstapel.id], name: 'transfervermerk_scanstapel_fk' }),
      unique('transfervermerk_position_uq').on(t.mandantId, t.scanstapelId, t.position),
      check('transfervermerk_position_ck', sql`${t.position} >= 1`),
      check('transfervermerk_seiten_ck', sql`${t.ersteSeite} >= 1 AND ${t.letzteSeite} >= ${t.ersteSeite}`),
      check('transfervermerk_qualitaet_ck', sql`${t.qualitaet} IN ('ok', 'auffaellig')`),
      check('transfervermerk_befunde_ck', sql`jsonb_typeof(${t.befunde}) = 'array' AND (${t.qualitaet} = 'auffaellig') = (jsonb_array_length(${t.befunde}) > 0)`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();
