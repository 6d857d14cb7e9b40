// The bad-input corpus of scripts/test/bad-input.test.ts, sent through the gateway of the started
// platform on its socket (node:http, one keep-alive connection) instead of each service's app.inject,
// plus malformed percent-encoding written into the URL as is. Each must end in a 4xx problem+json,
// and nothing is stored for the tenant.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations, type Rolle } from '@eakte/platform';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berichte } from '@eakte/testing';
import { boeseAnfragen, roheKodierungen, zeilenDesMandanten } from '../test/bad-input-korpus.js';
import { plattform, token } from './lib.js';
import { schliesseAgent, senden } from './socket.js';

const tenant = `boese-${Math.random().toString(36).slice(2, 8)}`;
const mandantId = crypto.randomUUID();
let owner: pg.Client;
beforeAll(async () => {
  const { ownerUrl } = JSON.parse(readFileSync(path.join(plattform().dataDir, 'embedded.json'), 'utf8')) as { ownerUrl: string };
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const db = createDb(ownerUrl, { max: 1 });
  await db.db.insert(schema.mandant).values({ id: mandantId, slug: tenant, name: 'Böse Eingaben' });
  await db.close();
});
afterAll(async () => {
  schliesseAgent();
  await owner?.end();
});

describe('bad input through the gateway', () => {
  it('ends every bad request sent on the socket in a 4xx problem and stores nothing', { timeout: 180_000 }, async (context) => {
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
      expect((await senden('GET', '/api/v1/benutzer', { authorization: `Bearer ${await token({ tenant, roles: [rolle] })}` })).status).toBe(200);
    }
    const before = await zeilenDesMandanten(owner, mandantId);
    for (const op of operations(contract)) {
      const rolle = BERECHTIGUNGEN[op.operationId]![0] as Rolle;
      const auth = `Bearer ${await token(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant, roles: [rolle] })}`;
      for (const r of [...boeseAnfragen(op), ...roheKodierungen(op)]) {
        tried++;
        const res = await senden(op.method.toUpperCase(), `/api/v1${r.url}`, { authorization: auth, ...r.headers }, r.payload).catch((err: Error) => {
          throw new Error(`${op.operationId} ${r.label}: ${err.message}`);
        });
        if (res.status >= 500) serverErrors.push(`${op.operationId} ${r.label}: ${res.status} ${res.body.slice(0, 120)}`);
        else if (res.status < 400 && !(op.method === 'get' && res.status === 200)) notProblem.push(`${op.operationId} ${r.label}: ${res.status}`);
        else if (res.status >= 400 && !res.contentType?.startsWith('application/problem+json')) notProblem.push(`${op.operationId} ${r.label}: ${res.status} ${res.contentType}`);
      }
    }
    const stored = (await zeilenDesMandanten(owner, mandantId)) - before;
    berichte(context, 'bad-input (gateway, socket)', `${tried} tried, ${serverErrors.length} server errors, ${stored} stored`);
    expect(serverErrors).toEqual([]);
    expect(notProblem).toEqual([]);
    expect(stored).toBe(0);
    expect(tried).toBeGreaterThan(operations(contract).length * 3);
  });
});
