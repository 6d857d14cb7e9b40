// Data access for the audit trail. Every query runs inside a tenant transaction (RLS).
import { ZEIT_SQL, type KettenEreignis } from '@eakte/audit';
import { schema, sql, type Db, type Tx } from '@eakte/db';
import { and, asc, desc, eq, getTableColumns, gt, gte, like, lt, lte, or, type SQL } from 'drizzle-orm';
import type { GespeichertesEreignis, Kettenanker } from '../domain/kette.js';

const t = schema.ereignis;
const c = schema.checkpoint;
/** Times leave the database already in the canonical format (microseconds, UTC). */
const zeitText = (col: typeof t.zeit | typeof c.zeit) => sql<string>`to_char(${col} AT TIME ZONE 'UTC', ${sql.raw(ZEIT_SQL)})`;
const { zeit: _zeit, ...ereignisSpalten } = getTableColumns(t);
const ereignisAuswahl = { ...ereignisSpalten, zeit: zeitText(t.zeit) };
const { zeit: _czeit, ...checkpointSpalten } = getTableColumns(c);
const checkpointAuswahl = { ...checkpointSpalten, zeit: zeitText(c.zeit) };

type EreignisRow = Omit<typeof t.$inferSelect, 'zeit'> & { zeit: string };
export type CheckpointRow = Omit<typeof c.$inferSelect, 'zeit'> & { zeit: string };

export function alsEreignis(r: EreignisRow): GespeichertesEreignis {
  const e: KettenEreignis & { hash: string } = {
    mandantId: r.mandantId,
    sequenz: Number(r.sequenz),
    zeit: r.zeit,
    akteurSub: r.akteurSub,
    akteurName: r.akteurName,
    akteurRollen: r.akteurRollen,
    akteurClient: r.akteurClient,
    aktion: r.aktion,
    objektTyp: r.objektTyp,
    objektId: r.objektId,
    aktenzeichen: r.aktenzeichen,
    akteId: r.akteId,
    aenderungen: r.aenderungen as KettenEreignis['aenderungen'],
    ergebnis: r.ergebnis,
    details: r.details as Record<string, unknown>,
    requestId: r.requestId,
    clientIp: r.clientIp,
    hash: r.hash,
  };
  return e;
}

export interface Filter {
  objektId?: string;
  aktenzeichen?: string;
  akteur?: string;
  aktion?: string;
  von?: Date;
  bis?: Date;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
export const STAPEL = 5_000;

export function createProtokollRepository(db: Db) {
  return {
    /** Newest first; `vor` = keyset cursor (sequence numbers below it). */
    async liste(mandantId: string, f: Filter, limit: number, vor?: number): Promise<GespeichertesEreignis[]> {
      const bedingungen: (SQL | undefined)[] = [
        f.objektId ? eq(t.objektId, f.objektId) : undefined,
        f.aktenzeichen ? like(t.aktenzeichen, `${escapeLike(f.aktenzeichen)}%`) : undefined,
        f.akteur ? eq(t.akteurSub, f.akteur) : undefined,
        f.aktion ? eq(t.aktion, f.aktion) : undefined,
        f.von ? gte(t.zeit, f.von) : undefined,
        f.bis ? lt(t.zeit, f.bis) : undefined,
        vor !== undefined ? lt(t.sequenz, vor) : undefined,
      ];
      const rows = await db.withMandant(mandantId, (tx) =>
        tx.select(ereignisAuswahl).from(t).where(and(...bedingungen)).orderBy(desc(t.sequenz)).limit(limit),
      );
      return rows.map(alsEreignis);
    },

    /** An Akte's events and those of objects in it, oldest first; `nach` = keyset cursor. */
    async historie(mandantId: string, akteId: string, limit: number, nach?: number): Promise<GespeichertesEreignis[]> {
      const rows = await db.withMandant(mandantId, (tx) =>
        tx
          .select(ereignisAuswahl)
          .from(t)
          .where(and(or(eq(t.akteId, akteId), eq(t.objektId, akteId)), nach !== undefined ? gt(t.sequenz, nach) : undefined))
          .orderBy(asc(t.sequenz))
          .limit(limit),
      );
      return rows.map(alsEreignis);
    },

    async kopf(mandantId: string, tx?: Tx): Promise<(Kettenanker & { zeit: string | null }) | null> {
      const run = (q: Tx) => q.select({ sequenz: schema.kette.sequenz, hash: schema.kette.hash, zeit: sql<string | null>`to_char(${schema.kette.zeit} AT TIME ZONE 'UTC', ${sql.raw(ZEIT_SQL)})` }).from(schema.kette);
      const rows = tx ? await run(tx) : await db.withMandant(mandantId, run);
      const k = rows[0];
      return k && k.sequenz > 0 ? { sequenz: Number(k.sequenz), hash: k.hash, zeit: k.zeit } : null;
    },

    /** The stored hash of one event (anchor for a range that does not start at 1). */
    async hashVon(mandantId: string, sequenz: number): Promise<string | null> {
      const rows = await db.withMandant(mandantId, (tx) => tx.select({ hash: t.hash }).from(t).where(eq(t.sequenz, sequenz)).orderBy(asc(t.zeit)).limit(1));
      return rows[0]?.hash ?? null;
    },

    /**
     * Events `von..bis` in sequence order, read in batches of STAPEL, each batch its own short
     * transaction (keyset on sequence and time, so duplicated sequence numbers are not skipped).
     */
    async *strom(mandantId: string, von: number, bis: number): AsyncGenerator<GespeichertesEreignis> {
      let nachSeq = von - 1;
      let nachZeit: string | null = null;
      for (;;) {
        const s = nachSeq;
        const z: string | null = nachZeit;
        const rows: EreignisRow[] = await db.withMandant(mandantId, (tx) =>
          tx
            .select(ereignisAuswahl)
            .from(t)
            .where(
              and(
                z === null ? gt(t.sequenz, s) : sql`(${t.sequenz}, ${t.zeit}) > (${s}, ${z}::timestamptz)`,
                lte(t.sequenz, bis),
              ),
            )
            .orderBy(asc(t.sequenz), asc(t.zeit))
            .limit(STAPEL),
        );
        for (const r of rows) yield alsEreignis(r);
        if (rows.length < STAPEL) return;
        const last = rows[rows.length - 1]!;
        nachSeq = Number(last.sequenz);
        nachZeit = last.zeit;
      }
    },

    async checkpoints(mandantId: string, limit: number, vor?: number): Promise<CheckpointRow[]> {
      return db.withMandant(mandantId, (tx) =>
        tx
          .select(checkpointAuswahl)
          .from(c)
          .where(vor !== undefined ? lt(c.sequenz, vor) : undefined)
          .orderBy(desc(c.sequenz), desc(c.zeit))
          .limit(limit),
      );
    },

    /** Checkpoints whose sequence lies in `von..bis`. */
    async checkpointsImBereich(mandantId: string, von: number, bis: number | null): Promise<CheckpointRow[]> {
      return db.withMandant(mandantId, (tx) =>
        tx
          .select(checkpointAuswahl)
          .from(c)
          .where(and(gte(c.sequenz, von), bis === null ? undefined : lte(c.sequenz, bis)))
          .orderBy(asc(c.sequenz)),
      );
    },

    async checkpointSpeichern(row: CheckpointRow): Promise<void> {
      await db.withMandant(row.mandantId, (tx) =>
        tx.insert(c).values({ ...row, zeit: sql`${row.zeit}::timestamptz` as unknown as Date }),
      );
    },

    /** Tenants whose chain moved since their newest checkpoint. */
    async mandanten(): Promise<string[]> {
      const rows = await db.db.select({ id: schema.mandant.id }).from(schema.mandant);
      return rows.map((r) => r.id);
    },

    async partitionenSicherstellen(monate = 3): Promise<void> {
      await db.db.execute(sql`select protokoll.partitionen_sicherstellen(${monate})`);
    },
  };
}

export type ProtokollRepository = ReturnType<typeof createProtokollRepository>;
