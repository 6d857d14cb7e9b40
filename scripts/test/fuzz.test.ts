// Schema-driven fuzzing: for every operation of the contract, requests generated from its
// schemas (valid and invalid) must never produce a 5xx, and every response must match the
// contract. FUZZ_RUNS sets the budget per operation (`pnpm fuzz` runs a long one).
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations, type Rolle } from '@eakte/platform';
import { berichte, contractValidator, token } from '@eakte/testing';
import fc from 'fast-check';
import { alleDienste, schliesseDienste } from './dienste.js';
import { fuzzAnfragen } from './fuzz-generator.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
let apps: Record<string, FastifyInstance> = {};
const validator = contractValidator(contract);
const tenant = `fuzz-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  const db = createDb(inject('ownerUrl'), { max: 1 });
  await db.db.insert(schema.mandant).values({ id: crypto.randomUUID(), slug: tenant, name: 'Fuzz-Behörde' });
  await db.close();
  apps = await alleDienste({ RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await schliesseDienste(apps);
});

const ops = operations(contract);
const zahlen = { anfragen: 0, serverfehler: 0, vertragsverletzungen: 0, operationen: 0 };

describe(`schema-driven fuzzing (${RUNS} runs per operation)`, () => {
  it.each(ops.map((o) => [o.operationId, o] as const))('%s: no 5xx, every answer matches the contract', async (_id, op) => {
    const rolle = BERECHTIGUNGEN[op.operationId]![0] as Rolle;
    const bearer = await token(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant, roles: [rolle] });
    await fc.assert(
      fc.asyncProperty(fuzzAnfragen(op, bearer), async (a) => {
        const res = await apps[op.service]!.inject({
          method: a.method as 'GET',
          url: `/api/v1${a.url}`,
          headers: a.headers,
          ...(a.payload !== undefined ? { payload: a.payload } : {}),
        });
        const errors = validator.validate(op.operationId, res.statusCode, res.headers['content-type'] as string | undefined, res.body);
        zahlen.anfragen++;
        if (res.statusCode >= 500) zahlen.serverfehler++;
        if (errors.length > 0) zahlen.vertragsverletzungen++;
        expect(res.statusCode, `${op.operationId} ${a.url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        expect(errors, `${op.operationId} ${res.statusCode}: ${res.body.slice(0, 300)}`).toEqual([]);
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
      'fuzz (service, inject)',
      `${zahlen.anfragen} requests to ${zahlen.operationen} operations, ${zahlen.serverfehler} server errors, ${zahlen.vertragsverletzungen} contract violations`,
    );
  });
});
