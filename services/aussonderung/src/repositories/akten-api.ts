// What the Aussonderung reads of the Akten schema: only the views and the function Akten publishes
// for it (its database API, docs/datenbank-api.md; migration 0031), never Akten's tables.
import type { Medium, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { sql, type Tx } from '@eakte/db';
import { boolean, date, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

type Status = 'offen' | 'geschlossen';
type Art = 'A' | 'B' | 'V';
const akten = pgSchema('akten');
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The Akte's own columns, as the view `akten.akte_fuer_aussonderung` gives them. */
const akteSpalten = {
  mandantId: uuid('mandant_id').notNull(),
  id: uuid('id').notNull(),
  aktenplaneinheitId: uuid('aktenplaneinheit_id').notNull(),
  aktenzeichen: text('aktenzeichen').notNull(),
  laufendeNummer: integer('laufende_nummer').notNull(),
  jahr: integer('jahr').notNull(),
  betreff: text('betreff').notNull(),
  federfuehrungId: uuid('federfuehrung_id'),
  vertraulichkeitsstufe: text('vertraulichkeitsstufe').$type<Vertraulichkeitsstufe>().notNull(),
  medium: text('medium').$type<Medium>().notNull(),
  bemerkung: text('bemerkung'),
  status: text('status').$type<Status>().notNull(),
  zdaDatum: date('zda_datum'),
  laufzeitBeginn: date('laufzeit_beginn').notNull(),
  laufzeitEnde: date('laufzeit_ende'),
  aufbewahrungsfrist: integer('aufbewahrungsfrist'),
  unbefristet: boolean('unbefristet').notNull(),
  aussonderungsart: text('aussonderungsart').$type<Art>(),
  aufbewahrungBis: date('aufbewahrung_bis'),
  aussonderungFaelligAb: date('aussonderung_faellig_ab'),
  erstelltAm: timestamptz('erstellt_am').notNull(),
  erstelltVon: text('erstellt_von').notNull(),
  geaendertAm: timestamptz('geaendert_am').notNull(),
};

/** An Akte with its Aktenplan unit and the name of its lead org unit. */
export const akteFuerAussonderung = akten
  .view('akte_fuer_aussonderung', {
    ...akteSpalten,
    einheitKennzeichen: text('einheit_kennzeichen').notNull(),
    einheitTitel: text('einheit_titel').notNull(),
    einheitBeschreibung: text('einheit_beschreibung'),
    einheitAufbewahrungsfrist: integer('einheit_aufbewahrungsfrist'),
    einheitUnbefristet: boolean('einheit_unbefristet').notNull(),
    einheitAussonderungsart: text('einheit_aussonderungsart').$type<Art>(),
    federfuehrung: text('federfuehrung'),
  })
  .existing();

/** The columns of the Akte itself, for a nested selection (`{ row: akteZeile }`). */
export const akteZeile = Object.fromEntries(Object.keys(akteSpalten).map((k) => [k, akteFuerAussonderung[k as keyof typeof akteSpalten]])) as {
  [K in keyof typeof akteSpalten]: (typeof akteFuerAussonderung)[K];
};

export const vorgangFuerAussonderung = akten
  .view('vorgang_fuer_aussonderung', {
    mandantId: uuid('mandant_id').notNull(),
    id: uuid('id').notNull(),
    akteId: uuid('akte_id').notNull(),
    laufendeNummer: integer('laufende_nummer').notNull(),
    kennzeichen: text('kennzeichen').notNull(),
    betreff: text('betreff').notNull(),
    status: text('status').$type<Status>().notNull(),
    zdaDatum: date('zda_datum'),
    laufzeitBeginn: date('laufzeit_beginn').notNull(),
    erstelltAm: timestamptz('erstellt_am').notNull(),
    erstelltVon: text('erstellt_von').notNull(),
    geaendertAm: timestamptz('geaendert_am').notNull(),
  })
  .existing();

/** The Aktenplan's tree. */
export const aktenplanFuerAussonderung = akten
  .view('aktenplan_fuer_aussonderung', {
    mandantId: uuid('mandant_id').notNull(),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    kennzeichen: text('kennzeichen').notNull(),
    titel: text('titel').notNull(),
  })
  .existing();

/** Share-locks the offered Akten until `tx` ends: none is reopened or changed while they are offered. */
export async function halteAktenFuerAussonderung(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await tx.execute(
      sql`SELECT akten.halte_akten_fuer_aussonderung(ARRAY[${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}]::uuid[])`,
    );
}
