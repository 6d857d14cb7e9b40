// Data access for the audit trail. Every query runs inside a tenant transaction (RLS).
import { ZEIT_SQL, type KettenEreignis } from '@eakte/audit';
import { schema, sql, type Db, type Tx } from '@eakte/db';
import { escapeLike } from '@eakte/platform';
import { and, asc, desc, eq, getTableColumns, gt, gte, isNotNull, like, lt, lte, or, type SQL } from 'drizzle-orm';
import type { GespeichertesEreignis, Kettenanker } from '../domain/kette.js';
import type pg from 'pg';

const t = schema.ereignis;
const c = schema.checkpoint;
/** Times leave the database already in the canonical format (microseconds, UTC). */
const zeitText = (col: typeof t.zeit | typeof c.zeit) => sql<string>`to_char(${col} AT TIME ZONE 'UTC', ${sql.raw(ZEIT_SQL)})`;
const { zeit: _zeit, eingang: _eingang, kanonisch: _kanonisch, blatt: _blatt, ...ereignisSpalten } = getTableColumns(t);
const ereignisAuswahl = { ...ereignisSpalten, zeit: zeitText(t.zeit) };
const { zeit: _czeit, ...checkpointSpalten } = getTableColumns(c);
const checkpointAuswahl = { ...checkpointSpalten, zeit: zeitText(c.zeit) };

type EreignisRow = Omit<typeof t.$inferSelect, 'zeit' | 'eingang' | 'kanonisch' | 'blatt'> & { zeit: string };
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
    hash: r.hash ?? '',
  };
  return e;
}

export interface Filter {
  objektId?: string;
  aktenzeichen?: string;
  akteur?: string;
  aktion?: string;
  /** RFC 3339; compared in PostgreSQL at full (microsecond) precision. */
  von?: string;
  bis?: string;
}

import { ausZeile, STROM_SPALTEN, type StromEreignis } from './strom-zeile.js';
export type { StromEreignis } from './strom-zeile.js';

/** The list's filters as parameterised SQL for the stream's cursor, numbered from `$ab`; the same meaning as in `liste`. */
function stromFilter(f: Filter, ab: number): { bedingung: string; werte: unknown[] } {
  const teile: string[] = [];
  const werte: unknown[] = [];
  const dazu = (ausdruck: (p: string) => string, wert: unknown) => {
    werte.push(wert);
    teile.push(ausdruck(`$${ab + werte.length - 1}`));
  };
  if (f.objektId) dazu((p) => `objekt_id = ${p}`, f.objektId);
  // the prefix with LIKE's wildcards literal (escapeLike), as in the list
  if (f.aktenzeichen) dazu((p) => `aktenzeichen LIKE ${p}`, `${escapeLike(f.aktenzeichen)}%`);
  if (f.akteur) dazu((p) => `akteur_sub = ${p}`, f.akteur);
  if (f.aktion) dazu((p) => `aktion = ${p}`, f.aktion);
  if (f.von) dazu((p) => `zeit >= ${p}::timestamptz`, f.von);
  if (f.bis) dazu((p) => `zeit < ${p}::timestamptz`, f.bis);
  return { bedingung: teile.map((t) => ` AND ${t}`).join(''), werte };
}

export const STAPEL = 5_000;

export function createProtokollRepository(db: Db, opts: { stapel?: number } = {}) {
  const stapel = opts.stapel ?? STAPEL;
  return {
    /** Newest first; `vor` = keyset cursor (sequence numbers below it). */
    async liste(mandantId: string, f: Filter, limit: number, vor?: number): Promise<GespeichertesEreignis[]> {
      const bedingungen: (SQL | undefined)[] = [
        f.objektId ? eq(t.objektId, f.objektId) : undefined,
        f.aktenzeichen ? like(t.aktenzeichen, `${escapeLike(f.aktenzeichen)}%`) : undefined,
        f.akteur ? eq(t.akteurSub, f.akteur) : undefined,
        f.aktion ? eq(t.aktion, f.aktion) : undefined,
        f.von ? sql`${t.zeit} >= ${f.von}::timestamptz` : undefined,
        f.bis ? sql`${t.zeit} < ${f.bis}::timestamptz` : undefined,
        vor !== undefined ? lt(t.sequenz, vor) : undefined,
        // an event appears once the sequencer numbered it
        isNotNull(t.sequenz),
      ];
      const rows = await db.withMandant(mandantId, (tx) =>
        tx
          .select(ereignisAuswahl)
          .from(t)
          .where(and(...bedingungen))
          .orderBy(desc(t.sequenz))
          .limit(limit),
      );
      return rows.map(alsEreignis);
    },

    /**
     * Everyone who acts in the tenant's Protokoll with the name last recorded for them, by name then
     * `sub`; `nach` = keyset cursor. The distinct users come from a skip scan of the actor index (one
     * probe per user, not per event), each one's latest name from the same index backwards.
     */
    async akteure(mandantId: string, limit: number, nach?: { name: string; sub: string }): Promise<{ sub: string; name: string }[]> {
      const rows = await db.withMandant(mandantId, (tx) =>
        tx.execute<{ sub: string; name: string }>(sql`
          WITH RECURSIVE subs(sub) AS (
            (SELECT akteur_sub FROM protokoll.ereignis WHERE mandant_id = ${mandantId} ORDER BY akteur_sub LIMIT 1)
            UNION ALL
            SELECT (SELECT e.akteur_sub FROM protokoll.ereignis e WHERE e.mandant_id = ${mandantId} AND e.akteur_sub > s.sub ORDER BY e.akteur_sub LIMIT 1)
              FROM subs s WHERE s.sub IS NOT NULL
          ), benannt AS (
            SELECT s.sub, n.name FROM subs s
            CROSS JOIN LATERAL (
              SELECT e.akteur_name AS name FROM protokoll.ereignis e
               WHERE e.mandant_id = ${mandantId} AND e.akteur_sub = s.sub AND e.sequenz IS NOT NULL
               ORDER BY e.sequenz DESC LIMIT 1
            ) n
            WHERE s.sub IS NOT NULL
          )
          SELECT sub, name FROM benannt
           WHERE ${nach ? sql`(name, sub) > (${nach.name}, ${nach.sub})` : sql`true`}
           ORDER BY name, sub
           LIMIT ${limit}`),
      );
      return rows.rows.map((r) => ({ sub: r.sub, name: r.name }));
    },

    /** An Akte's events and those of objects in it, oldest first; `nach` = keyset cursor. */
    async historie(mandantId: string, akteId: string, limit: number, nach?: number): Promise<GespeichertesEreignis[]> {
      const rows = await db.withMandant(mandantId, (tx) =>
        tx
          .select(ereignisAuswahl)
          .from(t)
          .where(and(or(eq(t.akteId, akteId), eq(t.objektId, akteId)), isNotNull(t.sequenz), nach !== undefined ? gt(t.sequenz, nach) : undefined))
          .orderBy(asc(t.sequenz))
          .limit(limit),
      );
      return rows.map(alsEreignis);
    },

    async kopf(mandantId: string, tx?: Tx): Promise<(Kettenanker & { zeit: string | null }) | null> {
      const run = (q: Tx) =>
        q.select({ sequenz: schema.kette.sequenz, hash: schema.kette.hash, zeit: sql<string | null>`to_char(${schema.kette.zeit} AT TIME ZONE 'UTC', ${sql.raw(ZEIT_SQL)})` }).from(schema.kette);
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
     * Events `von..bis` in sequence order through a server-side cursor, `stapel` rows per fetch, in
     * one read-only snapshot: memory stays constant however long the chain. Ends the transaction
     * when the consumer stops early (the generator's `return`).
     */
    async *strom(mandantId: string, von: number, bis: number, o: { blatt?: boolean; filter?: Filter } = {}): AsyncGenerator<StromEreignis> {
      const { bedingung, werte } = stromFilter(o.filter ?? {}, 3);
      const client = await db.pool.connect();
      // while the consumer works the connection is idle: a backend terminated then (restart,
      // pg_terminate_backend) emits 'error' on the client, which must not end the process; the
      // next FETCH fails and ends the stream
      let kaputt: Error | undefined;
      const verloren = (err: Error) => (kaputt = err);
      client.on('error', verloren);
      let offen = false;
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        offen = true;
        await client.query(`select set_config('app.mandant', $1, true)`, [mandantId]);
        await client.query(
          `DECLARE protokoll_strom NO SCROLL CURSOR FOR
             SELECT ${STROM_SPALTEN}${o.blatt ? ', kanonisch, blatt' : ''} FROM protokoll.ereignis WHERE sequenz >= $1 AND sequenz <= $2${bedingung} ORDER BY sequenz, zeit`,
          [von, bis, ...werte],
        );
        const holen = (): Promise<pg.QueryArrayResult<unknown[]>> => {
          const p = client.query({ text: `FETCH ${stapel} FROM protokoll_strom`, rowMode: 'array' });
          // a prefetch that fails while the consumer still works is awaited (and thrown) later:
          // it must not count as an unhandled rejection, which ends the process
          p.catch(() => {});
          return p;
        };
        // The next batch is asked for before this one is handed out: PostgreSQL produces it on the
        // other core while the consumer (re-hashing) works, instead of both taking turns.
        let naechster: ReturnType<typeof holen> | null = holen();
        try {
          while (naechster) {
            const r: pg.QueryArrayResult<unknown[]> = await naechster;
            naechster = r.rows.length < stapel ? null : holen();
            for (const row of r.rows as unknown[][]) yield ausZeile(row, o.blatt === true);
          }
        } finally {
          // a consumer that stops early leaves a fetch in flight: let it finish before ROLLBACK
          if (naechster) await naechster.catch(() => {});
        }
        await client.query('COMMIT');
        offen = false;
      } finally {
        if (offen) await client.query('ROLLBACK').catch((err: Error) => (kaputt ??= err));
        client.off('error', verloren);
        // a broken connection is discarded, not handed to the next request
        client.release(kaputt);
      }
    },

    /** Newest first; `vor` = keyset cursor (sequence and id, as several checkpoints may sign the same head). */
    async checkpoints(mandantId: string, limit: number, vor?: { sequenz: number; id: string }): Promise<CheckpointRow[]> {
      return db.withMandant(mandantId, (tx) =>
        tx
          .select(checkpointAuswahl)
          .from(c)
          .where(vor !== undefined ? sql`(${c.sequenz}, ${c.id}) < (${vor.sequenz}, ${vor.id}::uuid)` : undefined)
          .orderBy(desc(c.sequenz), desc(c.id))
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
      await db.withMandant(row.mandantId, (tx) => tx.insert(c).values({ ...row, zeit: sql`${row.zeit}::timestamptz` as unknown as Date }));
    },

    /** All tenants (the periodic round checks each one's chain head). */
    async mandanten(): Promise<string[]> {
      // listing tenants is a platform-operations read (row-level security on plattform.mandant)
      const rows = await db.alsPlattformbetrieb((tx) => tx.select({ id: schema.mandant.id }).from(schema.mandant));
      return rows.map((r) => r.id);
    },

    async partitionenSicherstellen(monate = 3): Promise<void> {
      await db.db.execute(sql`select protokoll.partitionen_sicherstellen(${monate})`);
    },
  };
}

export type ProtokollRepository = ReturnType<typeof createProtokollRepository>;
