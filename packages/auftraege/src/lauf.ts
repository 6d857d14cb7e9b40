// The job runner of one service over graphile-worker: its tasks, periodic tasks, start/stop and queue figures.
// Each service has its own queue (schema `auftraege_<service>`, see schema.ts); enqueueing is plain SQL in the
// caller's transaction, so a job commits or rolls back with the change that creates it.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Logger, parseCronItems, run, runOnce, type CronItem, type JobHelpers, type Runner, type Task, type WorkerEvents } from 'graphile-worker';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { auftragsschema, type Dienst } from './schema.js';

/** Anything that runs a drizzle query: a transaction of `db.withMandant`, or the database itself. */
export interface SqlAusfuehrer {
  execute(query: SQL): Promise<unknown>;
}

export interface AuftragsKontext {
  auftragId: string;
  /** 1 on the first attempt */
  versuch: number;
  maxVersuche: number;
  /** Aborted when the service stops and the job does not finish in the grace period. */
  signal: AbortSignal | undefined;
}

/** A task's work; a throw means "try again later" (with back-off) until its attempts are used up. */
export type Aufgabe<P = Record<string, unknown>> = (payload: P, kontext: AuftragsKontext) => Promise<void>;

export interface Einreihen {
  /** At most one waiting job per key: a second `reiheEin` with the same key replaces its payload and time. */
  schluessel?: string;
  /** `ersetzen` (default) moves the waiting job's time, `zeitBehalten` keeps it (deduplicating a burst). */
  schluesselModus?: 'ersetzen' | 'zeitBehalten';
  ab?: Date;
  /** attempts before the job is given up (default 25, back-off exp(min(attempts, 10)) seconds) */
  maxVersuche?: number;
  /** lower runs first (default 0) */
  prioritaet?: number;
  /** jobs of one named queue run one after another (e.g. per Aussonderung) */
  reihe?: string;
  /** marks (graphile-worker's flags, e.g. `mandant:<id>`): `einmal({ nurMarke })` runs only jobs with one */
  marken?: string[];
}

/** The mark of a tenant's jobs: `einmal({ nurMarke })` then works one tenant's jobs only (tests share one queue). */
export const mandantMarke = (mandantId: string) => `mandant:${mandantId}`;

/** Adds a job to `dienst`'s queue inside `tx`: it exists only if `tx` commits. */
export async function reiheEin(tx: SqlAusfuehrer, dienst: Dienst, aufgabe: string, payload: object, opt: Einreihen = {}): Promise<void> {
  const s = sql.identifier(auftragsschema(dienst));
  const modus = opt.schluesselModus === 'zeitBehalten' ? 'preserve_run_at' : 'replace';
  // as JSON: drizzle would spread a JS array into a list of parameters
  const flags = opt.marken?.length ? sql`array(select json_array_elements_text(${JSON.stringify(opt.marken)}::json))` : sql`null::text[]`;
  await tx.execute(
    sql`select ${s}.add_job(${aufgabe}, ${JSON.stringify(payload)}::json, queue_name => ${opt.reihe ?? null}, run_at => ${opt.ab?.toISOString() ?? null}::timestamptz,
        max_attempts => ${opt.maxVersuche ?? null}::int, job_key => ${opt.schluessel ?? null}, priority => ${opt.prioritaet ?? null}::int,
        flags => ${flags}, job_key_mode => ${modus})`,
  );
}

export interface Periodisch {
  aufgabe: string;
  /** every so many seconds, once across all instances (a job keyed by the task, rescheduled when it starts) */
  alleSekunden?: number;
  /** or a crontab time (minute resolution, e.g. `0 3 * * *`), once per tick across all instances */
  cron?: string;
  payload?: Record<string, unknown>;
}

export interface AuftragsKennzahl {
  aufgabe: string;
  /** due and not started */
  wartend: number;
  /** scheduled for later */
  geplant: number;
  laufend: number;
  /** attempts used up: kept for inspection */
  aufgegeben: number;
  /** seconds the longest-waiting due job has waited (0 when none waits) */
  aeltesterWartetSekunden: number;
}

export interface AuftragsLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface AuftragslaufOptionen {
  dienst: Dienst;
  /** the service's database (its own role); the runner opens a small pool of its own */
  datenbankUrl: string;
  aufgaben: Record<string, Aufgabe<never>>;
  periodisch?: Periodisch[];
  /** jobs run at the same time in this instance (default 2) */
  parallel?: number;
  /** fallback poll when no notification arrives (default 2000 ms) */
  pollMs?: number;
  /** how often this instance writes its heartbeat and sweeps dead instances' locks (default 10 s) */
  lebenszeichenSekunden?: number;
  /**
   * a worker without a heartbeat for so long is dead: its jobs are unlocked for the others (default 60 s;
   * graphile-worker itself frees them only after 4 hours). Well above the heartbeat: a live instance whose
   * heartbeat stalls for longer would see its running job taken over and run twice.
   */
  totNachSekunden?: number;
  log: AuftragsLog;
}

export interface Auftragslauf {
  readonly dienst: Dienst;
  start(): Promise<void>;
  /** Takes no new jobs, lets the running ones finish, then closes its pool. */
  stop(): Promise<void>;
  reiheEin(tx: SqlAusfuehrer, aufgabe: string, payload: object, opt?: Einreihen): Promise<void>;
  /**
   * Runs every due job of this service's tasks now and returns, when none is left, how many it ran (tests,
   * scripts). `nurMarke`: only jobs marked so (e.g. one tenant's, while other tests share the queue).
   */
  einmal(opt?: { nurMarke?: string }): Promise<number>;
  /** Queue figures per task (for /health and a metrics endpoint). */
  kennzahlen(): Promise<AuftragsKennzahl[]>;
  /** Jobs locked by a worker without a fresh heartbeat (a dead instance's), waiting for the next sweep. */
  verwaisteSperren(): Promise<number>;
  /** Unlocks the jobs of dead workers now and returns their ids (the heartbeat timer calls it, and each start). */
  raeumeToteSperren(): Promise<string[]>;
  /** Throws when the runner was started and has ended without `stop()`: its jobs are no longer worked. */
  pruefe(): void;
}

const periodischSchluessel = (aufgabe: string) => `periodisch:${aufgabe}`;

export function createAuftragslauf(opts: AuftragslaufOptionen): Auftragslauf {
  const schema = auftragsschema(opts.dienst);
  const s = `"${schema}"`;
  const pool = new pg.Pool({ connectionString: opts.datenbankUrl, max: (opts.parallel ?? 2) + 2, application_name: `eakte-${opts.dienst}-auftraege` });
  // an idle or listening client losing its server must not crash the service (graphile-worker reconnects)
  pool.on('error', (err) => opts.log.warn({ err, dienst: opts.dienst }, 'job runner connection lost'));
  pool.on('connect', (client) => client.on('error', () => {}));
  let runner: Runner | undefined;
  let gestoppt: Promise<void> | undefined;
  const laufendeEinmal = new Set<Promise<void>>();
  let beendet: string | undefined;

  // Heartbeats: graphile-worker records only which worker id locked a job, and frees a dead worker's locks
  // after 4 hours. Each instance writes a heartbeat per worker id of its own; a lock whose worker has none
  // fresh (or never wrote one and locked long ago) belongs to a dead instance and is unlocked for the others.
  const instanz = `${opts.dienst}-${randomBytes(6).toString('hex')}`;
  const totNach = opts.totNachSekunden ?? 60;
  const eigeneWorker = new Set<string>();
  let takt: NodeJS.Timeout | undefined;
  let rundeLaeuft = false;
  const schreibeLebenszeichen = async () => {
    if (eigeneWorker.size === 0) return;
    // an upsert: rows a sweep removed while this instance stalled come back
    await pool.query(`insert into ${s}.lebenszeichen (worker_id, instanz) select w, $2 from unnest($1::text[]) w on conflict (worker_id) do update set zuletzt = now(), instanz = excluded.instanz`, [
      [...eigeneWorker],
      instanz,
    ]);
  };
  const toteWorkerSql = `select j.locked_by as w from ${s}._private_jobs j left join ${s}.lebenszeichen l on l.worker_id = j.locked_by
       where j.locked_by is not null and coalesce(l.zuletzt, j.locked_at) < now() - make_interval(secs => $1)
     union
     select q.locked_by from ${s}._private_job_queues q left join ${s}.lebenszeichen l on l.worker_id = q.locked_by
       where q.locked_by is not null and coalesce(l.zuletzt, q.locked_at) < now() - make_interval(secs => $1)`;
  const raeumeToteSperren = async (): Promise<string[]> => {
    const tot = (await pool.query<{ w: string }>(toteWorkerSql, [totNach])).rows.map((x) => x.w).filter((w) => !eigeneWorker.has(w));
    if (tot.length) {
      // graphile-worker's own unlock (WorkerUtils.forceUnlockWorkers): its jobs and named queues become free
      await pool.query(`select ${s}.force_unlock_workers($1::text[])`, [tot]);
      opts.log.warn({ dienst: opts.dienst, worker: tot }, 'jobs of dead job runner workers unlocked');
    }
    // heartbeats of dead workers that hold nothing any more
    await pool.query(`delete from ${s}.lebenszeichen where zuletzt < now() - make_interval(secs => $1)`, [totNach]);
    return tot;
  };
  const takte = () => {
    if (takt) return;
    takt = setInterval(
      () => {
        if (rundeLaeuft) return;
        rundeLaeuft = true;
        void schreibeLebenszeichen()
          .then(raeumeToteSperren)
          .catch((err: unknown) => opts.log.warn({ err, dienst: opts.dienst }, 'job runner heartbeat failed'))
          .finally(() => (rundeLaeuft = false));
      },
      (opts.lebenszeichenSekunden ?? 10) * 1000,
    );
    takt.unref(); // a runner used only for `einmal` does not keep a script alive
  };
  const melde = async (workerId: string) => {
    eigeneWorker.add(workerId);
    await schreibeLebenszeichen();
    takte();
  };
  // graphile-worker locks jobs under its worker pool's id (batched fetch), or a worker's: both are registered
  // as they are created, before the first fetch; a lock younger than `totNach` counts as alive anyway
  const beobachte = (ids: Set<string>) => {
    const events = new EventEmitter() as WorkerEvents;
    const neu = (id: string) => {
      ids.add(id);
      melde(id).catch((err: unknown) => opts.log.warn({ err, dienst: opts.dienst }, 'job runner heartbeat failed'));
    };
    events.on('pool:create', ({ workerPool }) => neu(workerPool.id));
    events.on('worker:create', ({ worker }) => neu(worker.workerId));
    return events;
  };

  const intervalle = new Map((opts.periodisch ?? []).filter((p) => p.alleSekunden).map((p) => [p.aufgabe, p] as const));
  const planeNaechsten = async (p: Periodisch, ersterStart: boolean) => {
    // at start an already waiting round keeps its time (restarting instances do not postpone it), unless a
    // shorter interval than the one it was planned with is configured now
    if (ersterStart) {
      await pool.query(`update ${s}._private_jobs set run_at = now() + make_interval(secs => $1) where key = $2 and locked_at is null and run_at > now() + make_interval(secs => $1)`, [
        p.alleSekunden,
        periodischSchluessel(p.aufgabe),
      ]);
    }
    // its own named queue: a round that takes longer than the interval is not overlapped by the next
    await pool.query(`select ${s}.add_job($1, $2::json, queue_name => $4, run_at => now() + make_interval(secs => $3), max_attempts => 1, job_key => $4, job_key_mode => $5)`, [
      p.aufgabe,
      JSON.stringify(p.payload ?? {}),
      p.alleSekunden,
      periodischSchluessel(p.aufgabe),
      ersterStart ? 'preserve_run_at' : 'replace',
    ]);
  };

  // the tasks as graphile-worker calls them; `gezaehlt` counts the jobs run (for `einmal`)
  const baueTaskList = (gezaehlt: () => void, nurMarke?: string): Record<string, Task> => {
    const liste: Record<string, Task> = {};
    for (const [name, aufgabe] of Object.entries(opts.aufgaben)) {
      liste[name] = async (payload: unknown, helpers: JobHelpers) => {
        const job = helpers.job;
        if (nurMarke && !(job.flags as Record<string, boolean> | null)?.[nurMarke]) {
          // a job marked after the forbidden marks were read: handed back as it was (under its key), not run
          await pool.query(
            `select ${s}.add_job($1::text, $2::json, queue_name => (select q.queue_name from ${s}._private_job_queues q where q.id = $3::int), run_at => $4::timestamptz, max_attempts => $5::int, job_key => $6::text, priority => $7::int, flags => $8::text[])`,
            [
              name,
              JSON.stringify(payload),
              job.job_queue_id ?? null,
              new Date(job.run_at).toISOString(),
              job.max_attempts,
              job.key ?? null,
              job.priority,
              Object.keys((job.flags as Record<string, boolean> | null) ?? {}),
            ],
          );
          return;
        }
        gezaehlt();
        const periodisch = intervalle.get(name);
        // the next round is planned before this one works: a crash mid-round does not end the series
        if (periodisch && job.key === periodischSchluessel(name)) await planeNaechsten(periodisch, false);
        const t0 = Date.now();
        try {
          await (aufgabe as Aufgabe<unknown>)(payload, { auftragId: String(job.id), versuch: job.attempts, maxVersuche: job.max_attempts, signal: helpers.abortSignal });
          opts.log.debug({ aufgabe: name, auftragId: job.id, ms: Date.now() - t0 }, 'job done');
        } catch (err) {
          const endgueltig = job.attempts >= job.max_attempts;
          (endgueltig ? opts.log.error : opts.log.warn).call(
            opts.log,
            { err, aufgabe: name, auftragId: job.id, versuch: job.attempts, maxVersuche: job.max_attempts },
            endgueltig ? 'job given up' : 'job failed, retried later',
          );
          throw err;
        }
      };
    }
    return liste;
  };
  const taskList = baueTaskList(() => {});

  const logger = new Logger((scope) => (level, message, meta) => {
    const obj = { ...scope, ...meta, dienst: opts.dienst };
    if (level === 'error') opts.log.error(obj, message);
    else if (level === 'warning') opts.log.warn(obj, message);
    else opts.log.debug(obj, message);
  });

  const cron: CronItem[] = (opts.periodisch ?? [])
    .filter((p) => p.cron)
    .map((p) => ({
      task: p.aufgabe,
      match: p.cron!,
      identifier: p.aufgabe,
      payload: p.payload ?? {},
      options: { backfillPeriod: 0, maxAttempts: 1, jobKey: periodischSchluessel(p.aufgabe), queueName: periodischSchluessel(p.aufgabe) },
    }));

  return {
    dienst: opts.dienst,
    async start() {
      if (runner || gestoppt) return;
      // a restarted instance takes over what a killed one left locked, before its first fetch
      await raeumeToteSperren();
      runner = await run({
        events: beobachte(new Set()),
        pgPool: pool,
        schema,
        concurrency: opts.parallel ?? 2,
        pollInterval: opts.pollMs ?? 2_000,
        taskList,
        parsedCronItems: parseCronItems(cron),
        noHandleSignals: true,
        logger,
      });
      const dieser = runner;
      // a runner that ends without stop() (graphile-worker shuts down on a breaking migration notice) is a fault /health shows
      dieser.promise.then(
        () => {
          if (runner === dieser) beendet = 'der Auftragslauf hat sich beendet';
        },
        (err: unknown) => {
          beendet = `der Auftragslauf ist abgebrochen: ${err instanceof Error ? err.message : String(err)}`;
          opts.log.error({ err, dienst: opts.dienst }, 'job runner stopped with an error');
        },
      );
      for (const p of intervalle.values()) await planeNaechsten(p, true);
    },
    stop() {
      // once, whoever calls it (the app's close and a test's cleanup)
      gestoppt ??= (async () => {
        const r = runner;
        runner = undefined;
        clearInterval(takt);
        if (r && !beendet) await r.stop(); // one that ended on its own is stopped already
        // the pool goes only when nothing uses it any more: a worker that fetched jobs after it ended
        // would leave them locked (graphile-worker frees stale locks only after hours)
        await r?.promise.catch(() => undefined);
        await Promise.allSettled(laufendeEinmal);
        // its workers hold nothing now (a graceful stop releases their locks)
        await pool.query(`delete from ${s}.lebenszeichen where instanz = $1`, [instanz]).catch(() => undefined);
        await pool.end();
      })();
      return gestoppt;
    },
    reiheEin: (tx, aufgabe, payload, opt) => reiheEin(tx, opts.dienst, aufgabe, payload, opt),
    async einmal(opt = {}) {
      let n = 0;
      // every other mark present in the queue is forbidden (graphile-worker skips jobs with a forbidden flag);
      // read before the run: a job with a mark that appears during it is handed back by the task (above)
      const forbiddenFlags = opt.nurMarke
        ? (await pool.query<{ marke: string }>(`select distinct jsonb_object_keys(flags) as marke from ${s}._private_jobs where flags is not null`)).rows
            .map((x) => x.marke)
            .filter((m) => m !== opt.nurMarke)
        : undefined;
      // with a heartbeat like the runner's workers: a long run is not taken for a dead one's
      const ids = new Set<string>();
      const lauf = runOnce({
        pgPool: pool,
        schema,
        events: beobachte(ids),
        taskList: baueTaskList(() => n++, opt.nurMarke),
        logger,
        noHandleSignals: true,
        ...(forbiddenFlags ? { forbiddenFlags } : {}),
      });
      laufendeEinmal.add(lauf);
      try {
        await lauf;
      } finally {
        laufendeEinmal.delete(lauf);
        for (const id of ids) eigeneWorker.delete(id);
        await pool.query(`delete from ${s}.lebenszeichen where worker_id = any($1::text[])`, [[...ids]]).catch(() => undefined);
      }
      return n;
    },
    pruefe() {
      if (beendet) throw new Error(beendet);
    },
    raeumeToteSperren,
    async verwaisteSperren() {
      const r = await pool.query<{ n: number }>(
        `select count(*)::int as n from ${s}._private_jobs j left join ${s}.lebenszeichen l on l.worker_id = j.locked_by
          where j.locked_by is not null and coalesce(l.zuletzt, j.locked_at) < now() - make_interval(secs => $1)`,
        [totNach],
      );
      return r.rows[0]!.n;
    },
    async kennzahlen() {
      const r = await pool.query<{ aufgabe: string; wartend: number; geplant: number; laufend: number; aufgegeben: number; aeltester: number }>(
        `select t.identifier as aufgabe,
                count(*) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at <= now())::int as wartend,
                count(*) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at > now())::int as geplant,
                count(*) filter (where j.locked_at is not null)::int as laufend,
                count(*) filter (where j.attempts >= j.max_attempts and j.locked_at is null)::int as aufgegeben,
                coalesce(extract(epoch from now() - min(j.run_at) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at <= now())), 0)::float8 as aeltester
           from ${s}._private_tasks t join ${s}._private_jobs j on j.task_id = t.id
          group by t.identifier order by t.identifier`,
      );
      const gefunden = new Map(r.rows.map((x) => [x.aufgabe, x]));
      return Object.keys(opts.aufgaben).map((aufgabe) => {
        const x = gefunden.get(aufgabe);
        return { aufgabe, wartend: x?.wartend ?? 0, geplant: x?.geplant ?? 0, laufend: x?.laufend ?? 0, aufgegeben: x?.aufgegeben ?? 0, aeltesterWartetSekunden: Math.round(x?.aeltester ?? 0) };
      });
    },
  };
}
