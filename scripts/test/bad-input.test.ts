// A corpus of bad input, sent to every operation it applies to: each must end in a 4xx
// problem+json (never a 5xx) and store nothing. Prints a one-line summary.
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations, type Rolle } from '@eakte/platform';
import { berichte, token } from '@eakte/testing';
import { alleDienste, schliesseDienste } from './dienste.js';
import type { FastifyInstance } from 'fastify';
import { boeseAnfragen, zeilenDesMandanten } from './bad-input-korpus.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

let apps: Record<string, FastifyInstance> = {};
const tenant = `boese-${Math.random().toString(36).slice(2, 8)}`;
const mandantId = crypto.randomUUID();
let owner: pg.Client;

const zeilen = () => zeilenDesMandanten(owner, mandantId);

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
  const db = createDb(inject('ownerUrl'), { max: 1 });
  await db.db.insert(schema.mandant).values({ id: mandantId, slug: tenant, name: 'Böse Eingaben' });
  await db.close();
  apps = await alleDienste({ RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await schliesseDienste(apps);
  await owner.end();
});

describe('bad input', () => {
  it('ends every bad request in a 4xx problem and stores nothing', { timeout: 120_000 }, async (context) => {
    let tried = 0;
    const serverErrors: string[] = [];
    const notProblem: string[] = [];
    // each role's user has used the platform once: their entry in the tenant's user directory,
    // which a first successful request makes (searches with odd text succeed), is not the bad input's
    for (const rolle of new Set(
      Object.values(BERECHTIGUNGEN)
        .map((r) => r[0] as Rolle)
        .filter((r) => r !== 'plattformbetrieb'),
    )) {
      const res = await apps.akten!.inject({ method: 'GET', url: '/api/v1/benutzer', headers: { authorization: `Bearer ${await token({ tenant, roles: [rolle] })}` } });
      expect(res.statusCode).toBe(200);
    }
    const before = await zeilen();
    for (const op of operations(contract)) {
      const rolle = BERECHTIGUNGEN[op.operationId]![0] as Rolle;
      const auth = `Bearer ${await token(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant, roles: [rolle] })}`;
      const requests = boeseAnfragen(op);
      for (const r of requests) {
        tried++;
        const res = await apps[op.service]!.inject({
          method: op.method.toUpperCase() as 'GET',
          url: `/api/v1${r.url}`,
          payload: r.payload,
          headers: { authorization: auth, ...r.headers },
        });
        if (res.statusCode >= 500) serverErrors.push(`${op.operationId} ${r.label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (res.statusCode < 400 && !(op.method === 'get' && res.statusCode === 200)) notProblem.push(`${op.operationId} ${r.label}: ${res.statusCode}`);
        else if (res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json')) notProblem.push(`${op.operationId} ${r.label}: ${res.headers['content-type']}`);
      }
    }
    const stored = (await zeilen()) - before;
    berichte(context, 'bad-input (service, inject)', `${tried} tried, ${serverErrors.length} server errors, ${stored} stored`);
    expect(serverErrors).toEqual([]);
    expect(notProblem).toEqual([]);
    expect(stored).toBe(0);
    expect(tried).toBeGreaterThan(operations(contract).length * 3);
  });
});
