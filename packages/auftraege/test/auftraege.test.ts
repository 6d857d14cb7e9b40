// The job runner against the real database: installed by the migrate step, enqueued in the business
// transaction, retried with back-off, periodic work once across instances, and every job's effect once
// when two instances share one queue.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDb } from '@eakte/db';
import { testDatenbankUrl } from '@eakte/testing';
import { sql } from 'drizzle-orm';
import { runMigrations } from 'graphile-worker';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { auftragsschema, bibliotheksMigrationen, createAuftragslauf, DIENSTE, reiheEin, type Aufgabe, type Auftragslauf } from '../src/index.js';

const still = { info() {}, warn() {}, error() {}, debug() {} };
// the Akten role on its own queue (each service role may use only its own)
const url = () => testDatenbankUrl('akten');

function lauf(aufgaben: Record<string, Aufgabe<never>>, extra: Partial<Parameters<typeof createAuftragslauf>[0]> = {}): Auftragslauf {
  const l = createAuftragslauf({ dienst: 'akten', datenbankUrl: url(), aufgaben, log: still, pollMs: 200, ...extra });
  onTestFinished(() => l.stop());
  return l;
}

async function bis(bedingung: () => boolean | Promise<boolean>, ms = 20_000) {
  const ende = Date.now() + ms;
  while (!(await bedingung())) {
    if (Date.now() > ende) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('installation', () => {
  it('the migrate step installed every service queue completely: a worker with the service role needs no DDL', async () => {
    const hoechste = Math.max(...bibliotheksMigrationen().map((m) => m.nummer));
    for (const dienst of DIENSTE) {
      const c = new pg.Client({ connectionString: testDatenbankUrl(dienst) });
      await c.connect();
      onTestFinished(() => c.end());
      const r = await c.query<{ id: number }>(`select max(id) as id from "${auftragsschema(dienst)}".migrations`);
      expect(r.rows[0]!.id, dienst).toBe(hoechste);
      // graphile-worker's own migrate, as the service role (which may not create anything), finds nothing to do
      await runMigrations({ connectionString: testDatenbankUrl(dienst), schema: auftragsschema(dienst) });
      const ddl = await c.query<{ ok: boolean }>(`select has_database_privilege(current_user, current_database(), 'CREATE') as ok`);
      expect(ddl.rows[0]!.ok).toBe(false);
    }
  });

  it('each service role may use its own queue only', async () => {
    const c = new pg.Client({ connectionString: testDatenbankUrl('akten') });
    await c.connect();
    onTestFinished(() => c.end());
    await expect(c.query(`select auftraege_protokoll.add_job('fremd', '{}'::json)`)).rejects.toMatchObject({ code: '42501' });
    await expect(c.query('select count(*) from auftraege_dokumente._private_jobs')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('enqueue in the business transaction', () => {
  it('a job exists only if its transaction commits', async () => {
    const name = `t-${randomUUID()}`;
    const gesehen: string[] = [];
    const l = lauf({ [name]: async (p: { nr: string }) => void gesehen.push(p.nr) });
    const db = createDb(url(), { max: 1 });
    onTestFinished(() => db.close());
    await expect(
      db.db.transaction(async (tx) => {
        await l.reiheEin(tx, name, { nr: 'zurueck' });
        throw new Error('business change fails');
      }),
    ).rejects.toThrow('business change fails');
    await db.db.transaction((tx) => l.reiheEin(tx, name, { nr: 'fest' }));
    await l.start();
    await bis(() => gesehen.length > 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(gesehen).toEqual(['fest']);
  });

  it('a failed job is retried later; the figures show it waiting, then nothing', async () => {
    const name = `t-${randomUUID()}`;
    let versuche = 0;
    const l = lauf({
      [name]: async (_p, k) => {
        versuche++;
        expect(k.versuch).toBe(versuche);
        if (versuche === 1) throw new Error('first attempt fails');
      },
    });
    const db = createDb(url(), { max: 1 });
    onTestFinished(() => db.close());
    await db.db.transaction((tx) => l.reiheEin(tx, name, {}, { maxVersuche: 3 }));
    expect((await l.kennzahlen()).find((k) => k.aufgabe === name)).toMatchObject({ wartend: 1, laufend: 0 });
    await l.start();
    await bis(() => versuche === 1);
    // back-off: about e¹ seconds before the second attempt
    await bis(async () => (await l.kennzahlen()).find((k) => k.aufgabe === name)!.geplant === 1, 2_000);
    await bis(() => versuche === 2, 15_000);
    await bis(async () => {
      const k = (await l.kennzahlen()).find((x) => x.aufgabe === name)!;
      return k.wartend + k.geplant + k.laufend + k.aufgegeben === 0;
    });
  });
});

describe('stopping with the service', () => {
  it('lets a running job finish before it returns, and takes no new one', async () => {
    const name = `t-${randomUUID()}`;
    const ereignisse: string[] = [];
    const l = lauf(
      {
        [name]: async (p: { n: number }) => {
          ereignisse.push(`start ${p.n}`);
          await new Promise((r) => setTimeout(r, 500));
          ereignisse.push(`ende ${p.n}`);
        },
      },
      { parallel: 1 },
    );
    const db = createDb(url(), { max: 1 });
    onTestFinished(() => db.close());
    await db.db.transaction(async (tx) => {
      await l.reiheEin(tx, name, { n: 1 });
      await l.reiheEin(tx, name, { n: 2 }, { ab: new Date(Date.now() + 700) });
    });
    await l.start();
    await bis(() => ereignisse.length === 1);
    await l.stop();
    expect(ereignisse).toEqual(['start 1', 'ende 1']);
    await new Promise((r) => setTimeout(r, 600));
    expect(ereignisse).toEqual(['start 1', 'ende 1']);
    // the second job waits, unlocked, for the next instance
    const rest = await db.db.execute(sql`select count(*)::int as n from auftraege_akten.jobs where task_identifier = ${name} and locked_at is null`);
    expect(rest.rows[0]).toEqual({ n: 1 });
  });
});

describe('running the due jobs once', () => {
  it('works off what is due and returns (what tests and scripts call instead of waiting for the runner)', async () => {
    const name = `t-${randomUUID()}`;
    const gesehen: number[] = [];
    const l = lauf({ [name]: async (p: { n: number }) => void gesehen.push(p.n) });
    const db = createDb(url(), { max: 1 });
    onTestFinished(() => db.close());
    await db.db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) await l.reiheEin(tx, name, { n });
      await l.reiheEin(tx, name, { n: 4 }, { ab: new Date(Date.now() + 60_000) });
    });
    await l.einmal();
    expect(gesehen.sort()).toEqual([1, 2, 3]);
    expect((await l.kennzahlen()).find((k) => k.aufgabe === name)).toMatchObject({ wartend: 0, geplant: 1 });
  });
});

describe('two instances on one queue', () => {
  it('every job runs exactly once', async () => {
    const name = `t-${randomUUID()}`;
    const effekte = new Map<number, string[]>();
    const aufgabe = (instanz: string) => async (p: { n: number }) => {
      effekte.set(p.n, [...(effekte.get(p.n) ?? []), instanz]);
      await new Promise((r) => setTimeout(r, 2));
    };
    const a = lauf({ [name]: aufgabe('a') }, { parallel: 2 });
    const b = lauf({ [name]: aufgabe('b') }, { parallel: 2 });
    const db = createDb(url(), { max: 1 });
    onTestFinished(() => db.close());
    const N = 300;
    await Promise.all([a.start(), b.start()]);
    for (let i = 0; i < N; i += 50) {
      await db.db.transaction(async (tx) => {
        for (let n = i; n < i + 50; n++) await a.reiheEin(tx, name, { n });
      });
    }
    await bis(() => effekte.size === N, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    expect([...effekte.values()].filter((x) => x.length !== 1)).toEqual([]);
    const verteilung = [...effekte.values()].flat();
    // both instances took part
    expect(verteilung.filter((x) => x === 'a').length).toBeGreaterThan(0);
    expect(verteilung.filter((x) => x === 'b').length).toBeGreaterThan(0);
    const rest = await db.db.execute(sql`select count(*)::int as n from auftraege_akten.jobs where task_identifier = ${name}`);
    expect(rest.rows[0]).toEqual({ n: 0 });
  });

  it('periodic work runs once per round, not once per instance', async () => {
    const name = `t-${randomUUID()}`;
    const runden: string[] = [];
    const periodisch = [{ aufgabe: name, alleSekunden: 1 }];
    const a = lauf({ [name]: async () => void runden.push('a') }, { periodisch });
    const b = lauf({ [name]: async () => void runden.push('b') }, { periodisch });
    // an instance of before, configured with a long interval, planned the next round far ahead
    const alt = lauf({ [name]: async () => void runden.push('alt') }, { periodisch: [{ aufgabe: name, alleSekunden: 3600 }] });
    await alt.start();
    await alt.stop();
    await Promise.all([a.start(), b.start()]);
    await new Promise((r) => setTimeout(r, 4_300));
    await Promise.all([a.stop(), b.stop()]);
    // 4 rounds in 4.3 s at most (one per second); two instances each running it would give up to 8
    expect(runden.length).toBeGreaterThanOrEqual(2);
    expect(runden.length).toBeLessThanOrEqual(4);
  });
});

describe('an instance killed with SIGKILL mid-job', () => {
  it('leaves its job locked only until a surviving instance finds its heartbeat stale, which then runs it once', { timeout: 60_000 }, async () => {
    const name = `t-${randomUUID()}`;
    const db = createDb(url(), { max: 1 });
    onTestFinished(() => db.close());
    // the dead instance, in a process of its own: it takes the job and never finishes it
    const kind = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./kind-lauf.ts', import.meta.url)), name, url()], { stdio: ['ignore', 'pipe', 'inherit'] });
    onTestFinished(() => void (kind.exitCode === null && kind.signalCode === null && kind.kill('SIGKILL')));
    let ausgabe = '';
    kind.stdout.on('data', (d) => (ausgabe += d));
    await bis(() => ausgabe.includes('bereit'), 30_000);
    await db.db.transaction((tx) => reiheEin(tx, 'akten', name, { n: 1 }, { reihe: `reihe-${name}` }));
    await bis(() => ausgabe.includes('genommen 1'));
    const weg = new Promise((r) => kind.once('exit', r));
    kind.kill('SIGKILL');
    await weg;
    const gesperrt = async () => (await db.db.execute(sql`select count(*)::int as n from auftraege_akten.jobs where task_identifier = ${name} and locked_at is not null`)).rows[0] as { n: number };
    expect(await gesperrt()).toEqual({ n: 1 });

    const effekte: number[] = [];
    const zweiter = lauf({ [name]: async (p: { n: number }) => void effekte.push(p.n) }, { lebenszeichenSekunden: 0.2, totNachSekunden: 2 });
    await zweiter.start();
    // within the staleness bound, not graphile-worker's 4 hours; the figures show the dead lock meanwhile
    const t0 = Date.now();
    await bis(async () => (await zweiter.verwaisteSperren()) === 1 || effekte.length > 0, 5_000);
    await bis(() => effekte.length > 0, 10_000);
    expect(Date.now() - t0).toBeLessThan(10_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(effekte).toEqual([1]);
    const rest = await db.db.execute(sql`select count(*)::int as n from auftraege_akten.jobs where task_identifier = ${name}`);
    expect(rest.rows[0]).toEqual({ n: 0 });
    // its named queue is free again too: a next job in it runs
    await db.db.transaction((tx) => reiheEin(tx, 'akten', name, { n: 2 }, { reihe: `reihe-${name}` }));
    await bis(() => effekte.length === 2);
    expect(await zweiter.verwaisteSperren()).toBe(0);
  });

  it('does not take over the job of a live instance that runs longer than the staleness bound', { timeout: 30_000 }, async () => {
    const name = `t-${randomUUID()}`;
    const laeufe: string[] = [];
    let freigeben!: () => void;
    const frei = new Promise<void>((r) => (freigeben = r));
    const aufgabe = (instanz: string) => async () => {
      laeufe.push(instanz);
      await frei;
    };
    const a = lauf({ [name]: aufgabe('a') }, { lebenszeichenSekunden: 0.2, totNachSekunden: 1 });
    await a.start();
    const db = createDb(url(), { max: 1 });
    onTestFinished(() => db.close());
    await db.db.transaction((tx) => a.reiheEin(tx, name, {}));
    onTestFinished(() => freigeben());
    await bis(() => laeufe.length === 1);
    const b = lauf({ [name]: aufgabe('b') }, { lebenszeichenSekunden: 0.2, totNachSekunden: 1 });
    await b.start();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await b.raeumeToteSperren()).toEqual([]);
    expect(await b.verwaisteSperren()).toBe(0);
    freigeben();
    await new Promise((r) => setTimeout(r, 300));
    expect(laeufe).toEqual(['a']);
  });
});
