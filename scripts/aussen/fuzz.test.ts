// The schema-driven fuzzer of scripts/test/fuzz.test.ts through the gateway of the started platform
// on its socket (node:http, one keep-alive connection): no 5xx, every answer matches the contract.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations, type Rolle } from '@eakte/platform';
import { berichte, contractValidator } from '@eakte/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzAnfragen } from '../test/fuzz-generator.js';
import { plattform, token } from './lib.js';
import { schliesseAgent, senden } from './socket.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const validator = contractValidator(contract);
const tenant = `fuzz-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  const { ownerUrl } = JSON.parse(readFileSync(path.join(plattform().dataDir, 'embedded.json'), 'utf8')) as { ownerUrl: string };
  const db = createDb(ownerUrl, { max: 1 });
  await db.db.insert(schema.mandant).values({ id: crypto.randomUUID(), slug: tenant, name: 'Fuzz-Behörde' });
  await db.close();
});
afterAll(() => schliesseAgent());

const ops = operations(contract);
const zahlen = { anfragen: 0, serverfehler: 0, vertragsverletzungen: 0, operationen: 0 };

describe(`schema-driven fuzzing through the gateway (${RUNS} runs per operation)`, () => {
  it.each(ops.map((o) => [o.operationId, o] as const))('%s: no 5xx, every answer matches the contract', async (_id, op) => {
    const rolle = BERECHTIGUNGEN[op.operationId]![0] as Rolle;
    const bearer = await token(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant, roles: [rolle] });
    await fc.assert(
      fc.asyncProperty(fuzzAnfragen(op, bearer), async (a) => {
        const res = await senden(a.method, `/api/v1${a.url}`, a.headers, a.payload);
        const errors = validator.validate(op.operationId, res.status, res.contentType, res.body);
        zahlen.anfragen++;
        if (res.status >= 500) zahlen.serverfehler++;
        if (errors.length > 0) zahlen.vertragsverletzungen++;
        expect(res.status, `${op.operationId} ${a.url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        expect(errors, `${op.operationId} ${res.status}: ${res.body.slice(0, 300)}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    zahlen.operationen++;
  });

  it('fuzzed every operation', (context) => {
    expect(zahlen.operationen).toBe(ops.length);
    expect(zahlen.anfragen).toBeGreaterThanOrEqual(ops.length * RUNS);
    berichte(
      context,
      'fuzz (gateway, socket)',
      `${zahlen.anfragen} requests to ${zahlen.operationen} operations, ${zahlen.serverfehler} server errors, ${zahlen.vertragsverletzungen} contract violations`,
    );
  });
});
