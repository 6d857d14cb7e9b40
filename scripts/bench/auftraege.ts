// Job runners: the hand-written claim loop of today (FOR UPDATE SKIP LOCKED, a lease through faellig_ab,
// batches of 20, a poll every 500 ms when idle) against graphile-worker 0.18 and pg-boss 12, each with two
// workers in two instances (pools) on one database: jobs per second for a backlog, and the latency from the
// COMMIT of the enqueueing transaction (sent) to the start of the job. Each library in a scratch schema, as the owner.
import { performance } from 'node:perf_hooks';
import { schemaSql } from '@eakte/auftraege';
import { run as graphileRun, type Runner } from 'graphile-worker';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import type { BenchKontext } from './index.js';
import { medianVon, perzentil, type Messung, type Zeile } from './lib.js';

export const name = 'auftraege';

const POLL_MS = 500;

interface Kandidat {
  name: string;
  vorbereiten(pool: pg.Pool): Promise<void>;
  /** enqueues `n` jobs at once (not measured) */
  fuelle(pool: pg.Pool, n: number): Promise<void>;
  /** enqueues one job inside a transaction of `client` */
  reiheEinInTx(client: pg.PoolClient, nr: number): Promise<void>;
  /** two workers (one per instance) calling `arbeit` for each job */
  starte(url: string, arbeit: (nr: number) => void): Promise<() => Promise<void>>;
  aufraeumen(pool: pg.Pool): Promise<void>;
}

const hand: Kandidat = {
  name: 'hand-written loop',
  async vorbereiten(pool) {
    await pool.query(`DROP SCHEMA IF EXISTS bench_hand CASCADE; CREATE SCHEMA bench_hand;
      CREATE TABLE bench_hand.auftrag (id bigserial PRIMARY KEY, nr int NOT NULL, faellig_ab timestamptz NOT NULL DEFAULT now(), versuche int NOT NULL DEFAULT 0);
      CREATE INDEX ON bench_hand.auftrag (faellig_ab);`);
  },
  fuelle: async (pool, n) => void (await pool.query('INSERT INTO bench_hand.auftrag (nr) SELECT g FROM generate_series(1, $1) g', [n])),
  reiheEinInTx: async (c, nr) => void (await c.query('INSERT INTO bench_hand.auftrag (nr) VALUES ($1)', [nr])),
  async starte(url, arbeit) {
    let stop = false;
    const pools = [0, 1].map(() => new pg.Pool({ connectionString: url, max: 1 }));
    const schleifen = pools.map(async (p) => {
      while (!stop) {
        // claim a batch with a lease, then one transaction per job (as the text extraction does)
        const r = await p.query<{ id: string; nr: number }>(`WITH n AS (SELECT id FROM bench_hand.auftrag WHERE faellig_ab <= now() ORDER BY faellig_ab LIMIT 20 FOR UPDATE SKIP LOCKED)
          UPDATE bench_hand.auftrag a SET faellig_ab = now() + interval '10 minutes', versuche = a.versuche + 1 FROM n WHERE a.id = n.id RETURNING a.id, a.nr`);
        for (const j of r.rows) {
          arbeit(j.nr);
          await p.query('DELETE FROM bench_hand.auftrag WHERE id = $1', [j.id]);
        }
        if (r.rows.length === 0) await new Promise((res) => setTimeout(res, POLL_MS));
      }
    });
    return async () => {
      stop = true;
      await Promise.all(schleifen);
      await Promise.all(pools.map((p) => p.end()));
    };
  },
  aufraeumen: async (pool) => void (await pool.query('DROP SCHEMA IF EXISTS bench_hand CASCADE')),
};

const graphile: Kandidat = {
  name: 'graphile-worker 0.18',
  async vorbereiten(pool) {
    await pool.query('DROP SCHEMA IF EXISTS bench_graphile CASCADE');
    // installed as the migrate step installs the services' queues: graphile-worker's own migrate would notify
    // every worker in the database (the platform's too) to shut down
    for (const teil of schemaSql('bench_graphile').split('--> statement-breakpoint')) await pool.query(teil);
  },
  fuelle: async (pool, n) => void (await pool.query(`SELECT bench_graphile.add_job('t', json_build_object('nr', g)) FROM generate_series(1, $1) g`, [n])),
  reiheEinInTx: async (c, nr) => void (await c.query(`SELECT bench_graphile.add_job('t', json_build_object('nr', $1::int))`, [nr])),
  async starte(url, arbeit) {
    const pools = [0, 1].map(() => {
      const p = new pg.Pool({ connectionString: url, max: 3 });
      p.on('error', () => {});
      p.on('connect', (c) => c.on('error', () => {}));
      return p;
    });
    const runners: Runner[] = [];
    for (const p of pools) {
      runners.push(
        await graphileRun({
          pgPool: p,
          schema: 'bench_graphile',
          concurrency: 1,
          pollInterval: POLL_MS,
          noHandleSignals: true,
          logger: new (await import('graphile-worker')).Logger(() => () => {}),
          taskList: { t: async (payload) => arbeit((payload as { nr: number }).nr) },
        }),
      );
    }
    return async () => {
      await Promise.all(runners.map((r) => r.stop()));
      await Promise.all(pools.map((p) => p.end()));
    };
  },
  aufraeumen: async (pool) => void (await pool.query('DROP SCHEMA IF EXISTS bench_graphile CASCADE')),
};

function pgBoss(): Kandidat {
  let boss: PgBoss | undefined;
  return {
    name: 'pg-boss 12.38',
    async vorbereiten(pool) {
      await pool.query('DROP SCHEMA IF EXISTS bench_pgboss CASCADE');
      const url = (pool as unknown as { options: { connectionString: string } }).options.connectionString;
      boss = new PgBoss({ connectionString: url, schema: 'bench_pgboss', max: 2, supervise: false, schedule: false, useListenNotify: true });
      boss.on('error', () => {});
      await boss.start();
      await boss.createQueue('t', { notify: true } as never);
    },
    fuelle: async (_pool, n) =>
      void (await boss!.insert(
        't',
        Array.from({ length: n }, (_, i) => ({ data: { nr: i + 1 } })),
      )),
    // pg-boss enqueues in the caller's transaction through a `db` executor
    reiheEinInTx: async (c, nr) => void (await boss!.send('t', { nr }, { db: { executeSql: (text: string, values?: unknown[]) => c.query(text, values) } } as never)),
    async starte(url, arbeit) {
      const bosse = [0, 1].map(() => new PgBoss({ connectionString: url, schema: 'bench_pgboss', max: 3, supervise: false, schedule: false, migrate: false, useListenNotify: true }));
      for (const b of bosse) {
        b.on('error', () => {});
        await b.start();
        // batches of 20 like the hand loop, fetched back to back while they come full (else a notify queue
        // polls only every 30 s and a backlog drains at one batch per poll)
        await b.work<{ nr: number }>('t', { batchSize: 20, burstWhenBatchFull: true, pollingIntervalSeconds: POLL_MS / 1000, notifyPollingIntervalSeconds: POLL_MS / 1000 } as never, async (jobs) => {
          for (const job of jobs) arbeit(job.data.nr);
        });
      }
      return async () => {
        await Promise.all(bosse.map((b) => b.stop({ graceful: true, wait: true, timeout: 5_000 } as never)));
      };
    },
    async aufraeumen(pool) {
      await boss?.stop({ graceful: false, wait: true } as never);
      await pool.query('DROP SCHEMA IF EXISTS bench_pgboss CASCADE');
    },
  };
}

async function bis(bedingung: () => boolean, ms: number) {
  const ende = Date.now() + ms;
  while (!bedingung()) {
    if (Date.now() > ende) throw new Error('jobs not done in time');
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** A backlog of `n` jobs worked off by two workers; the latency figures are each job's wait from the start. */
async function durchsatz(k: Kandidat, pool: pg.Pool, url: string, n: number): Promise<Messung> {
  await k.fuelle(pool, n);
  const gesehen = new Set<number>();
  const t0 = performance.now();
  const latenzen: number[] = [];
  const stop = await k.starte(url, (nr) => {
    if (gesehen.has(nr)) throw new Error(`${k.name}: job ${nr} ran twice`);
    gesehen.add(nr);
    latenzen.push(performance.now() - t0);
  });
  await bis(() => gesehen.size === n, 120_000).catch((err: Error) => {
    throw new Error(`${k.name}: ${gesehen.size} of ${n} jobs after 120 s (${err.message})`);
  });
  const sekunden = (performance.now() - t0) / 1000;
  await stop();
  latenzen.sort((a, b) => a - b);
  return { anfragen: n, sekunden, proSekunde: n / sekunden, p50: perzentil(latenzen, 50), p95: perzentil(latenzen, 95), p99: perzentil(latenzen, 99) };
}

/** `m` jobs one after another, each enqueued in its own transaction: from its commit to the job's start. */
async function latenz(k: Kandidat, pool: pg.Pool, url: string, m: number): Promise<Messung> {
  const start = new Map<number, number>();
  const gesehen = new Set<number>();
  const latenzen: number[] = [];
  const stop = await k.starte(url, (nr) => {
    gesehen.add(nr);
    latenzen.push(performance.now() - start.get(nr)!);
  });
  // the workers are idle and polling when the first job comes
  await new Promise((r) => setTimeout(r, POLL_MS * 2));
  const t0 = performance.now();
  const c = await pool.connect();
  try {
    for (let nr = 1_000_001; nr <= 1_000_000 + m; nr++) {
      await c.query('BEGIN');
      await k.reiheEinInTx(c, nr);
      // taken before the COMMIT returns: a notified worker may start the job before its answer arrives here
      start.set(nr, performance.now());
      await c.query('COMMIT');
      await bis(() => gesehen.has(nr), 10_000);
      // a random pause, so that the poll phase of a polling worker is hit anywhere
      await new Promise((r) => setTimeout(r, Math.random() * POLL_MS));
    }
  } finally {
    c.release();
  }
  const sekunden = (performance.now() - t0) / 1000;
  await stop();
  latenzen.sort((a, b) => a - b);
  return { anfragen: m, sekunden, proSekunde: m / sekunden, p50: perzentil(latenzen, 50), p95: perzentil(latenzen, 95), p99: perzentil(latenzen, 99) };
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const n = { quick: 300, default: 3_000, scale: 30_000 }[ctx.groesse];
  const m = { quick: 10, default: 40, scale: 100 }[ctx.groesse];
  const pool = new pg.Pool({ connectionString: ctx.ownerUrl, max: 2 });
  pool.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  pool.on('connect', (c) => c.on('error', () => {}));
  const kandidaten = [hand, graphile, pgBoss()];
  const ergebnis = new Map<string, { durchsatz: Messung[]; latenz: Messung[] }>(kandidaten.map((k) => [k.name, { durchsatz: [], latenz: [] }]));
  try {
    for (const k of kandidaten) await k.vorbereiten(pool);
    // alternate the candidates in each run, so that drift in machine load hits all alike
    for (let i = 0; i < ctx.runs; i++) {
      for (const k of kandidaten) {
        process.stderr.write(`auftraege: ${k.name}\n`);
        ergebnis.get(k.name)!.durchsatz.push(await durchsatz(k, pool, ctx.ownerUrl, n));
        ergebnis.get(k.name)!.latenz.push(await latenz(k, pool, ctx.ownerUrl, m));
      }
    }
  } finally {
    for (const k of kandidaten) await k.aufraeumen(pool).catch(() => {});
    await pool.end();
  }
  const basisD = medianVon(ergebnis.get(hand.name)!.durchsatz);
  const basisL = medianVon(ergebnis.get(hand.name)!.latenz);
  return kandidaten.flatMap((k) => {
    const d = medianVon(ergebnis.get(k.name)!.durchsatz);
    const l = medianVon(ergebnis.get(k.name)!.latenz);
    return [
      { fall: `${k.name}: backlog of ${n} jobs, 2 workers (latency = wait from start)`, messung: d, basis: basisD, verhaeltnis: d.proSekunde / basisD.proSekunde },
      // for latency a ratio below 1 is better: the candidate's median over the hand loop's
      { fall: `${k.name}: commit to start, ${m} jobs one by one`, messung: l, basis: basisL, verhaeltnis: l.p50 / basisL.p50, extra: { ratio: 'p50 latency vs hand loop' } },
    ];
  });
}
