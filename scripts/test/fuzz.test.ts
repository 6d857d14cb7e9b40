// Schema-driven fuzzing: for every operation of the contract, requests generated from its
// schemas (valid and invalid) must never produce a 5xx, and every response must match the
// contract. FUZZ_RUNS sets the budget per operation (`pnpm fuzz` runs a long one).
import { createDb, schema } from '@eakte/db';
import { token } from '@eakte/testing';
import { alleDienste, schliesseDienste } from './dienste.js';
import { fuzzeJedeOperation } from './fuzz-suite.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';

let apps: Record<string, FastifyInstance> = {};
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

fuzzeJedeOperation({
  titel: 'schema-driven fuzzing',
  bericht: 'fuzz (service, inject)',
  bearer: (rolle) => token(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant, roles: [rolle] }),
  sende: async (op, a) => {
    const res = await apps[op.service]!.inject({
      method: a.method as 'GET',
      url: `/api/v1${a.url}`,
      headers: a.headers,
      ...(a.payload !== undefined ? { payload: a.payload } : {}),
    });
    return { status: res.statusCode, contentType: res.headers['content-type'] as string | undefined, body: res.body };
  },
});
