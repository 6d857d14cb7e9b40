import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgSchema, text, timestamptz, unique, uuid } from './pg.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { mandant } from './plattform.js';

export const akten = pgSchema('akten');

/** A node of a tenant's Aktenplan (file plan), with default retention for Akten filed under it. */
export const aktenplaneinheit = akten
  .table(
    'aktenplaneinheit',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      parentId: uuid('parent_id'),
      kennzeichen: text('kennzeichen').notNull(),
      titel: text('titel').notNull(),
      beschreibung: text('beschreibung'),
      gueltigAb: date('gueltig_ab'),
      gueltigBis: date('gueltig_bis'),
      /** Whole years; NULL together with `unbefristet` = true means indefinite. */
      aufbewahrungsfrist: integer('aufbewahrungsfrist'),
      unbefristet: boolean('unbefristet').notNull().default(false),
      aussonderungsart: text('aussonderungsart').$type<'A' | 'B' | 'V'>(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      unique('aktenplaneinheit_kennzeichen_uq').on(t.mandantId, t.kennzeichen),
      // the parent must belong to the same tenant
      unique('aktenplaneinheit_mandant_id_uq').on(t.mandantId, t.id),
      foreignKey({ columns: [t.mandantId, t.parentId], foreignColumns: [t.mandantId, t.id], name: 'aktenplaneinheit_parent_fk' }),
      index('aktenplaneinheit_parent_idx').on(t.mandantId, t.parentId),
      check('aktenplaneinheit_aussonderungsart_ck', sql`${t.aussonderungsart} IN ('A', 'B', 'V')`),
      check('aktenplaneinheit_frist_ck', sql`${t.aufbewahrungsfrist} IS NULL OR ${t.aufbewahrungsfrist} BETWEEN 0 AND 200`),
      check('aktenplaneinheit_unbefristet_ck', sql`NOT (${t.unbefristet} AND ${t.aufbewahrungsfrist} IS NOT NULL)`),
      check('aktenplaneinheit_kennzeichen_ck', sql`${t.kennzeichen} ~ '^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*$'`),
      check('aktenplaneinheit_gueltig_ck', sql`${t.gueltigBis} IS NULL OR ${t.gueltigAb} IS NULL OR ${t.gueltigBis} >= ${t.gueltigAb}`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();
