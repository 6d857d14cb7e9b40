import { sql } from 'drizzle-orm';
import { jsonb, pgSchema, text, timestamptz, uuid } from './pg.js';

export const plattform = pgSchema('plattform');

/** A Mandant is one agency (Behörde); every tenant-owned row references it. */
export const mandant = plattform.table('mandant', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  behoerdenkennung: text('behoerdenkennung'),
  einstellungen: jsonb('einstellungen').notNull().default(sql`'{}'::jsonb`),
  erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
});
