// Reading the chain as a stream: batches join without loss, and stopping early frees the connection.
import { createDb } from '@eakte/db';
import { testEnv, testMandant } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createProtokollRepository } from '../src/repositories/protokoll.js';
import { nEreignisse } from './helpers.js';

describe('repository stream', () => {
  it('reads across fetch batches in sequence order and honours the range', async () => {
    const m = await testMandant();
    const events = await nEreignisse(m.id, 7);
    const db = createDb(testEnv().DATABASE_URL!, { max: 1 });
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
    const db = createDb(testEnv().DATABASE_URL!, { max: 1 });
    onTestFinished(() => db.close());
    const repo = createProtokollRepository(db, { stapel: 2 });
    for await (const e of repo.strom(m.id, 1, 100)) if (e.sequenz === 2) break;
    // the single pooled connection is free again and not inside a transaction
    const r = await db.pool.query('select now() = statement_timestamp() as frei');
    expect(r.rows).toEqual([{ frei: true }]);
    expect(db.pool.idleCount).toBe(1);
  });
});
