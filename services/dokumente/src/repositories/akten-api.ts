// What Dokumente reads of the Akten schema: only the views and the function Akten publishes for it
// (its database API, docs/datenbank-api.md), never Akten's tables.
import type { Freigabe, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { sql, type Tx } from '@eakte/db';
import { boolean, date, integer, pgSchema, text, uuid } from 'drizzle-orm/pg-core';

type Status = 'offen' | 'geschlossen';
const akten = pgSchema('akten');

/** A Vorgang with what Dokumente needs of it and of its Akte. */
export const vorgangKontext = akten
  .view('vorgang_kontext', {
    mandantId: uuid('mandant_id').notNull(),
    vorgangId: uuid('vorgang_id').notNull(),
    akteId: uuid('akte_id').notNull(),
    kennzeichen: text('kennzeichen').notNull(),
    vorgangStatus: text('vorgang_status').$type<Status>().notNull(),
    laufendeNummer: integer('laufende_nummer').notNull(),
    aktenzeichen: text('aktenzeichen').notNull(),
    akteStatus: text('akte_status').$type<Status>().notNull(),
    vertraulichkeitsstufe: text('vertraulichkeitsstufe').$type<Vertraulichkeitsstufe>().notNull(),
    federfuehrungId: uuid('federfuehrung_id'),
  })
  .existing();

/** The head of an Akte (the Aktenauszug's cover, the object lock's retention). */
export const akteKopf = akten
  .view('akte_kopf', {
    mandantId: uuid('mandant_id').notNull(),
    id: uuid('id').notNull(),
    aktenzeichen: text('aktenzeichen').notNull(),
    betreff: text('betreff').notNull(),
    status: text('status').$type<Status>().notNull(),
    vertraulichkeitsstufe: text('vertraulichkeitsstufe').$type<Vertraulichkeitsstufe>().notNull(),
    federfuehrungId: uuid('federfuehrung_id'),
    laufzeitBeginn: date('laufzeit_beginn').notNull(),
    laufzeitEnde: date('laufzeit_ende'),
    zdaDatum: date('zda_datum'),
    aufbewahrungBis: date('aufbewahrung_bis'),
    unbefristet: boolean('unbefristet').notNull(),
  })
  .existing();

/** A user's clearance and org units, for the caller's view. */
export const benutzerSicht = akten
  .view('benutzer_sicht', {
    mandantId: uuid('mandant_id').notNull(),
    sub: text('sub').notNull(),
    freigabe: text('freigabe').$type<Freigabe>().notNull(),
    organisationseinheiten: text('organisationseinheiten').array().notNull(),
  })
  .existing();

/** Share-locks the Vorgang and its Akte until `tx` ends: a concurrent z.d.A. waits for it. */
export async function halteVorgangOffen(tx: Tx, vorgangId: SqlWert) {
  await tx.execute(sql`select akten.halte_vorgang_offen(${vorgangId})`);
}

/** The pinned versions of a Dokument that `sub` may read through a current step of a Verfügung, with the step (R17). */
export async function schrittLesefreigabe(tx: Tx, sub: string, dokumentId: string): Promise<{ versionNr: number; schrittId: string }[]> {
  const r = await tx.execute<{ version_nr: number; schritt_id: string }>(sql`select version_nr, schritt_id from akten.schritt_lesefreigabe(${sub}, ${dokumentId})`);
  return r.rows.map((x) => ({ versionNr: x.version_nr, schrittId: x.schritt_id }));
}

type SqlWert = string | ReturnType<typeof sql>;
