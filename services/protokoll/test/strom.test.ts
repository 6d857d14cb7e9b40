// Reading the chain as a stream: batches join without loss, and stopping early frees the connection.
import { createDb } from '@eakte/db';
import { testMandant, testDatenbankUrl } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createProtokollRepository } from '../src/repositories/protokoll.js';
import { nEreignisse, superuser } from './helpers.js';

describe('repository stream', () => {
  it('reads across fetch batches in sequence order and honours the range', async () => {
    const m = await testMandant();
    const events = await nEreignisse(m.id, 7);
    const db = createDb(testDatenbankUrl('protokoll'), { max: 1 });
    onTestFinished(() => db.close());
    const repo = createProtokollRepository(db, { stapel: 3 });
    const all = [];
    for await (const e of repo.strom(m.id, 1, Number.MAX_SAFE_INTEGER)) all.push(e);
    expect(all).toEqual(events);
    const part = [];
    for await (const e of repo.strom(m.id, 3, 6)) part.push(e.sequenz);
    expect(part).toEqual([3, 4, 5, 6]);
  });

  it('releases its connection when the consumer stops early', async () => {
    const m = await testMandant();
    await nEreignisse(m.id, 5);
    const db = createDb(testDatenbankUrl('protokoll'), { max: 1 });
    onTestFinished(() => db.close());
    const repo = createProtokollRepository(db, { stapel: 2 });
    for await (const e of repo.strom(m.id, 1, 100)) if (e.sequenz === 2) break;
    // the single pooled connection is free again and not inside a transaction
    const r = await db.pool.query('select now() = statement_timestamp() as frei');
    expect(r.rows).toEqual([{ frei: true }]);
    expect(db.pool.idleCount).toBe(1);
  });

  it('fails the stream, not the process, when its connection is terminated mid-way', async () => {
    const m = await testMandant();
    await nEreignisse(m.id, 7);
    const db = createDb(testDatenbankUrl('protokoll'), { max: 1 });
    onTestFinished(() => db.close());
    const repo = createProtokollRepository(db, { stapel: 2 });
    const su = await superuser();
    const gelesen: number[] = [];
    const lesen = async () => {
      for await (const e of repo.strom(m.id, 1, 100)) {
        gelesen.push(e.sequenz);
        // the consumer works while the prefetched batch is in flight or done: the backend goes away now
        if (e.sequenz === 1) {
          await su.query(`select pg_terminate_backend(pid) from pg_stat_activity where query like 'FETCH % FROM protokoll_strom' and pid <> pg_backend_pid()`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    await expect(lesen()).rejects.toThrow();
    expect(gelesen.length).toBeLessThan(7);
    // the broken connection was discarded: the pool serves the next query on a fresh one
    const r = await db.pool.query('select 1 as eins');
    expect(r.rows).toEqual([{ eins: 1 }]);
  });
});
