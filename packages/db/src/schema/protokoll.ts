import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSchema, primaryKey, text, timestamptz, uuid } from './pg.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { mandant } from './plattform.js';

export const protokoll = pgSchema('protokoll');

/**
 * The head of a tenant's audit chain: last sequence number and hash. Appending locks this one
 * row (FOR UPDATE), so a tenant's events are numbered without gaps while tenants never wait on
 * each other.
 */
export const kette = protokoll
  .table(
    'kette',
    {
      mandantId: mandantIdColumn().primaryKey().references(() => mandant.id),
      sequenz: bigint('sequenz', { mode: 'number' }).notNull().default(0),
      hash: text('hash').notNull(),
      zeit: timestamptz('zeit'),
    },
    (t) => [mandantPolicy(t.mandantId)],
  )
  .enableRLS();

/**
 * One audit event. Partitioned by month on `zeit` (the partitioning is written by hand in the
 * migration; drizzle-kit cannot emit it). Append-only: the application role may only SELECT and
 * INSERT, and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone.
 */
export const ereignis = protokoll
  .table(
    'ereignis',
    {
      mandantId: mandantIdColumn().references(() => mandant.id),
      sequenz: bigint('sequenz', { mode: 'number' }).notNull(),
      zeit: timestamptz('zeit').notNull(),
      akteurSub: text('akteur_sub').notNull(),
      akteurName: text('akteur_name').notNull(),
      akteurRollen: text('akteur_rollen').array().notNull(),
      akteurClient: text('akteur_client'),
      aktion: text('aktion').notNull(),
      objektTyp: text('objekt_typ').notNull(),
      objektId: text('objekt_id'),
      aktenzeichen: text('aktenzeichen'),
      akteId: text('akte_id'),
      aenderungen: jsonb('aenderungen').notNull().default(sql`'[]'::jsonb`),
      ergebnis: text('ergebnis').notNull(),
      details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
      requestId: text('request_id'),
      clientIp: text('client_ip'),
      hash: text('hash').notNull(),
    },
    (t) => [
      // a partitioned table's keys must contain the partition key
      primaryKey({ name: 'ereignis_pk', columns: [t.mandantId, t.sequenz, t.zeit] }),
      index('ereignis_objekt_idx').on(t.mandantId, t.objektId, t.sequenz),
      index('ereignis_akte_idx').on(t.mandantId, t.akteId, t.sequenz),
      index('ereignis_aktenzeichen_idx').using('btree', t.mandantId, t.aktenzeichen.op('text_pattern_ops'), t.sequenz),
      index('ereignis_akteur_idx').on(t.mandantId, t.akteurSub, t.sequenz),
      index('ereignis_aktion_idx').on(t.mandantId, t.aktion, t.sequenz),
      index('ereignis_zeit_idx').on(t.mandantId, t.zeit),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** A signed checkpoint: (tenant, last sequence, last hash, time) signed with the Ed25519 key. */
export const checkpoint = protokoll
  .table(
    'checkpoint',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      sequenz: bigint('sequenz', { mode: 'number' }).notNull(),
      hash: text('hash').notNull(),
      zeit: timestamptz('zeit').notNull(),
      schluesselId: text('schluessel_id').notNull(),
      signatur: text('signatur').notNull(),
      objektSchluessel: text('objekt_schluessel').notNull(),
    },
    (t) => [index('checkpoint_sequenz_idx').on(t.mandantId, t.sequenz), mandantPolicy(t.mandantId)],
  )
  .enableRLS();
