// Generated from the contract: for every operation with an object id in its path, tenant demo2
// asks for an object of tenant demo and must get the same 404 as for an id that does not exist.
// A new operation whose path this test cannot fill fails it until a fixture is added here.
import { contract } from '@eakte/api-client/contract';
import { BERECHTIGUNGEN, operations, type Rolle } from '@eakte/platform';
import { authHeader } from '@eakte/testing';
import { protokollAnhaengen, SYSTEM_AKTEUR } from '@eakte/audit';
import { createDb } from '@eakte/db';
import { alleDienste, schliesseDienste } from './dienste.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

let apps: Record<string, FastifyInstance> = {};
const MISSING = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a';

/** How to find an object of tenant demo for a path template (by the path before the id). */
const FIXTURES: Record<string, (app: FastifyInstance) => Promise<string>> = {
  '/akten/{id}/historie': async () => {
    // an audit event about an Akte of tenant demo
    const akteId = crypto.randomUUID();
    const db = createDb(inject('env').DATABASE_URL!, { max: 1 });
    try {
      await db.withMandant(inject('demo').demo!, (tx) =>
        protokollAnhaengen(tx, { mandantId: inject('demo').demo!, akteur: SYSTEM_AKTEUR, aktion: 'akte.erstellt', objektTyp: 'akte', objektId: akteId, akteId }),
      );
    } finally {
      await db.close();
    }
    return akteId;
  },
  '/aktenplan/einheiten/{id}': async (app) => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['registratur'] }) });
    return res.json().einheiten[0].id;
  },
};

beforeAll(async () => {
  apps = await alleDienste();
});
afterAll(async () => {
  await schliesseDienste(apps);
});

const mitId = operations(contract).filter((o) => /\{[^}]+\}/.test(o.path));

describe('tenant isolation of every operation with an id', () => {
  it('has a fixture for every such path', () => {
    const uncovered = [...new Set(mitId.map((o) => o.path))].filter((p) => !FIXTURES[p]);
    expect(uncovered, 'add fixtures for these paths').toEqual([]);
  });

  it.each(mitId.map((o) => [o.operationId, o] as const))('%s: another tenant\'s id answers like a missing one', async (_id, op) => {
    const fixture = FIXTURES[op.path];
    if (!fixture) throw new Error(`no fixture for ${op.path}`);
    const fremdeId = await fixture(apps.akten!);
    const rolle = BERECHTIGUNGEN[op.operationId]!.find((r) => r !== 'plattformbetrieb') as Rolle;
    const headers = await authHeader({ tenant: 'demo2', roles: [rolle] });
    const call = (id: string) =>
      apps[op.service]!.inject({
        method: op.method.toUpperCase() as 'GET',
        url: `/api/v1${op.path.replace(/\{[^}]+\}/, id)}`,
        headers: { ...headers, ...(op.method === 'get' || op.method === 'delete' ? {} : { 'content-type': 'application/json', 'if-match': '*' }) },
        ...(op.method === 'get' || op.method === 'delete' ? {} : { payload: '{}' }),
      });
    const fremd = await call(fremdeId);
    const fehlt = await call(MISSING);
    expect(fremd.statusCode, fremd.body).toBe(fehlt.statusCode);
    expect(fremd.statusCode).toBe(404);
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined, requestId: undefined });
    expect(strip(fremd.body)).toEqual(strip(fehlt.body));
  });
});
