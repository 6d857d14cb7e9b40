import { sql } from 'drizzle-orm';
import { check, jsonb, pgSchema, text, timestamptz, uuid } from './pg.js';

export const plattform = pgSchema('plattform');

/** A Mandant is one agency (Behörde); every tenant-owned row references it. */
export const mandant = plattform.table(
  'mandant',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** xdomea BehoerdenkennungType: { behoerdenschluessel: { code, listURI?, listVersionID? }, praefix: { code } }. */
    behoerdenkennung: jsonb('behoerdenkennung'),
    /** A pre-0018 free-text Behördenkennung that could not be read as `praefix:schluessel`; reported at start. */
    behoerdenkennungUnlesbar: text('behoerdenkennung_unlesbar'),
    einstellungen: jsonb('einstellungen')
      .notNull()
      .default(sql`'{}'::jsonb`),
    erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
  },
  (t) => [
    // the shape every message writer relies on; the code rules (xs:token, URI) are checked by the API
    check(
      'mandant_behoerdenkennung_ck',
      // IS TRUE: a missing code makes the comparison NULL, which a CHECK would let pass
      sql`${t.behoerdenkennung} IS NULL OR (jsonb_typeof(${t.behoerdenkennung} #> '{behoerdenschluessel,code}') = 'string' AND jsonb_typeof(${t.behoerdenkennung} #> '{praefix,code}') = 'string') IS TRUE`,
    ),
  ],
);
