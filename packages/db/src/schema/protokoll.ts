import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, jsonb, pgSchema, primaryKey, smallint, text, timestamptz, unique, uniqueIndex, uuid } from './pg.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { mandant } from './plattform.js';

export const protokoll = pgSchema('protokoll');

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The head of a tenant's audit chain: last sequence number and hash. Only the Protokoll service's
 * sequencer locks this row (FOR UPDATE) while it numbers a batch; appending never waits on it.
 */
export const kette = protokoll
  .table(
    'kette',
    {
      mandantId: mandantIdColumn()
        .primaryKey()
        .references(() => mandant.id),
      sequenz: bigint('sequenz', { mode: 'number' }).notNull().default(0),
      hash: text('hash').notNull(),
      zeit: timestamptz('zeit'),
    },
    (t) => [mandantPolicy(t.mandantId)],
  )
  .enableRLS();

/**
 * One audit event. Partitioned by month on `zeit` (the partitioning is written by hand in the
 * migration; drizzle-kit cannot emit it). Appended through `protokoll.protokolliere` without a
 * sequence; the sequencer sets `sequenz` and `hash` once, and a trigger refuses every other
 * UPDATE, DELETE and TRUNCATE for everyone (migration 0034).
 */
export const ereignis = protokoll
  .table(
    'ereignis',
    {
      mandantId: mandantIdColumn().references(() => mandant.id),
      /** Gap-free per tenant, set by the sequencer; null until then. */
      sequenz: bigint('sequenz', { mode: 'number' }),
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
      aenderungen: jsonb('aenderungen')
        .notNull()
        .default(sql`'[]'::jsonb`),
      ergebnis: text('ergebnis').notNull(),
      details: jsonb('details')
        .notNull()
        .default(sql`'{}'::jsonb`),
      requestId: text('request_id'),
      clientIp: text('client_ip'),
      /** The chain hash (sequence included), set by the sequencer. */
      hash: text('hash'),
      /** Order of arrival: the sequencer integrates in this order. */
      eingang: bigint('eingang', { mode: 'number' }).notNull(),
      /** The Merkle leaf's canonical bytes (without the sequence) and SHA-256(0x00 || bytes). */
      kanonisch: text('kanonisch'),
      blatt: bytea('blatt'),
    },
    (t) => [
      // a partitioned table's keys must contain the partition key
      primaryKey({ name: 'ereignis_pk', columns: [t.mandantId, t.eingang, t.zeit] }),
      uniqueIndex('ereignis_sequenz_idx').on(t.mandantId, t.sequenz, t.zeit),
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

/** The Merkle tree of a tenant's log: every complete subtree by level (0 = leaves) and index (migration 0034). */
export const baumknoten = protokoll
  .table(
    'baumknoten',
    {
      mandantId: mandantIdColumn().references(() => mandant.id),
      ebene: smallint('ebene').notNull(),
      index: bigint('index', { mode: 'number' }).notNull(),
      hash: bytea('hash').notNull(),
    },
    (t) => [primaryKey({ name: 'baumknoten_pk', columns: [t.mandantId, t.ebene, t.index] }), mandantPolicy(t.mandantId)],
  )
  .enableRLS();

/** The tree's size (sequenced events it holds) and root per tenant. */
export const baum = protokoll
  .table(
    'baum',
    {
      mandantId: mandantIdColumn()
        .primaryKey()
        .references(() => mandant.id),
      groesse: bigint('groesse', { mode: 'number' }).notNull().default(0),
      wurzel: bytea('wurzel').notNull(),
    },
    (t) => [mandantPolicy(t.mandantId)],
  )
  .enableRLS();

/** A signed checkpoint of the tree: the whole C2SP signed note as published. */
export const baumCheckpoint = protokoll
  .table(
    'baum_checkpoint',
    {
      mandantId: mandantIdColumn().references(() => mandant.id),
      groesse: bigint('groesse', { mode: 'number' }).notNull(),
      wurzel: bytea('wurzel').notNull(),
      zeit: timestamptz('zeit').notNull().defaultNow(),
      notiz: text('notiz').notNull(),
    },
    (t) => [primaryKey({ name: 'baum_checkpoint_pk', columns: [t.mandantId, t.groesse, t.zeit] }), mandantPolicy(t.mandantId)],
  )
  .enableRLS();

/**
 * An operator's acknowledgement of a detected rollback (migration 0053): the signed checkpoint in object
 * storage the restored chain no longer reaches, the chain head at that moment, and the reason.
 */
export const ruecksetzungQuittung = protokoll
  .table(
    'ruecksetzung_quittung',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      checkpointSequenz: bigint('checkpoint_sequenz', { mode: 'number' }).notNull(),
      checkpointHash: text('checkpoint_hash').notNull(),
      checkpointSchluessel: text('checkpoint_schluessel').notNull(),
      kettenSequenz: bigint('ketten_sequenz', { mode: 'number' }).notNull(),
      grund: text('grund').notNull(),
      akteurSub: text('akteur_sub').notNull(),
      akteurName: text('akteur_name').notNull(),
      zeit: timestamptz('zeit').notNull().defaultNow(),
    },
    (t) => [
      unique('ruecksetzung_quittung_uq').on(t.mandantId, t.checkpointSequenz, t.checkpointHash),
      check('ruecksetzung_quittung_grund_ck', sql`length(btrim(${t.grund})) >= 10`),
      check('ruecksetzung_quittung_hash_ck', sql`${t.checkpointHash} ~ '^[0-9a-f]{64}$'`),
      check('ruecksetzung_quittung_rueckfall_ck', sql`${t.kettenSequenz} >= 0 AND ${t.checkpointSequenz} > 0`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();
