// A connection lost while a transaction holds it (the server restarts, an operator terminates the
// backend) fails that transaction, and only it: the process keeps running and the pool replaces it.
import { testDatenbankUrl } from '@eakte/testing';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { createDb } from '../src/index.js';

describe('a lost database connection', () => {
  it('fails the transaction that held it, without an uncaught error, and the next one succeeds', async () => {
    const datenbank = createDb(testDatenbankUrl('akten'), { max: 2 });
    onTestFinished(() => datenbank.pool.end());
    const superuser = new pg.Client({ connectionString: inject('superuserUrl') });
    await superuser.connect();
    onTestFinished(() => superuser.end());

    const unbehandelt: unknown[] = [];
    const merke = (err: unknown) => unbehandelt.push(err);
    process.on('uncaughtException', merke);
    onTestFinished(() => void process.off('uncaughtException', merke));

    const tx = datenbank.db.transaction(async (t) => {
      const pid = (await t.execute(sql`select pg_backend_pid() as pid`)).rows[0]!.pid as number;
      // the connection goes while the transaction is between two statements
      await superuser.query('select pg_terminate_backend($1)', [pid]);
      await new Promise((r) => setTimeout(r, 300));
      await t.execute(sql`select 1`);
    });
    const fehler = (await tx.then(
      () => null,
      (e: unknown) => e,
    )) as { cause?: { message?: string }; message?: string } | null;
    expect(`${fehler?.message} ${fehler?.cause?.message}`).toMatch(/terminat|not queryable/i);
    expect(unbehandelt).toEqual([]);
    const r = await datenbank.db.execute(sql`select 1 as eins`);
    expect(r.rows[0]).toEqual({ eins: 1 });
  });
});

describe('a connection lost before the transaction began', () => {
  it('goes back to the pool: nothing stays checked out, and the pool can be closed', async () => {
    const datenbank = createDb(testDatenbankUrl('akten'), { max: 2 });
    let einmal = true;
    datenbank.pool.on('acquire', (client) => {
      // the server went away between checkout and BEGIN (as a restart does to an idle connection)
      if (einmal) (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      einmal = false;
    });
    await expect(datenbank.db.transaction(async (t) => t.execute(sql`select 1`))).rejects.toThrow();
    expect(datenbank.pool.totalCount - datenbank.pool.idleCount).toBe(0);
    expect((await datenbank.db.execute(sql`select 1 as eins`)).rows[0]).toEqual({ eins: 1 });
    // a client that was never released would keep this waiting forever
    await datenbank.pool.end();
  });
});
