// A corpus of bad input, sent to every operation it applies to: each must end in a 4xx
// problem+json (never a 5xx) and store nothing. Prints a one-line summary.
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations, type Rolle } from '@eakte/platform';
import { berichte, token } from '@eakte/testing';
import { alleDienste, schliesseDienste } from './dienste.js';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

let apps: Record<string, FastifyInstance> = {};
const tenant = `boese-${Math.random().toString(36).slice(2, 8)}`;
const mandantId = crypto.randomUUID();
let owner: pg.Client;

/**
 * Rows of this test's tenant in all content tables (audit trail excluded: refused requests may be
 * audited). Counted per tenant, so other test files writing their own tenants' rows in parallel
 * do not count. A new tenant would have been answered with a 2xx, which the test refuses anyway.
 */
async function zeilen(): Promise<number> {
  const tables = await owner.query(
    `SELECT quote_ident(c.table_schema) || '.' || quote_ident(c.table_name) AS t FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema IN ('akten', 'dokumente', 'aussonderung') AND c.column_name = 'mandant_id' AND tb.table_type = 'BASE TABLE'`,
  );
  // the owner is subject to FORCE RLS: count inside a transaction of the tenant
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.mandant', $1, true)`, [mandantId]);
    let n = 0;
    for (const { t } of tables.rows) n += Number((await owner.query(`SELECT count(*) AS c FROM ${t} WHERE mandant_id = $1`, [mandantId])).rows[0].c);
    return n;
  } finally {
    await owner.query('COMMIT');
  }
}

const BAD_IDS = ['kein-uuid', '1', '00000000-0000-0000-0000-00000000000g', "1' OR '1'='1", '%00', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(5000)];
const BAD_QUERY: Record<string, string[]> = {
  limit: ['1e9', '-1', '0', 'abc', '9999999999999999999999', '1.5'],
  cursor: ['nicht-base64!', Buffer.from('{"slug":{"$ne":null}}').toString('base64url'), Buffer.from('[]').toString('base64url'), 'A'.repeat(2000)],
};
const BAD_BODIES: { name: string; payload: string; contentType: string }[] = [
  { name: 'truncated JSON', payload: '{"name": "x', contentType: 'application/json' },
  { name: 'JSON array', payload: '[1,2,3]', contentType: 'application/json' },
  { name: 'null', payload: 'null', contentType: 'application/json' },
  { name: '__proto__', payload: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}', contentType: 'application/json' },
  { name: '1 MB string', payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }), contentType: 'application/json' },
  { name: 'deeply nested', payload: `${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}`, contentType: 'application/json' },
  { name: 'wrong content type', payload: '<xml/>', contentType: 'application/xml' },
  { name: 'form encoded', payload: 'a=b', contentType: 'application/x-www-form-urlencoded' },
  { name: 'unknown enum and bad date', payload: JSON.stringify({ einstellungen: { sichtbarkeit: 'alle' }, datum: '2026-02-30' }), contentType: 'application/json' },
];

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
    const before = await zeilen();
    for (const op of operations(contract)) {
      const rolle = BERECHTIGUNGEN[op.operationId]![0] as Rolle;
      const auth = `Bearer ${await token(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant, roles: [rolle] })}`;
      const base = op.path.replace(/\{[^}]+\}/g, '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a');
      const requests: (InjectOptions & { label: string })[] = [];
      if (op.path.includes('{')) {
        for (const id of BAD_IDS) requests.push({ label: `id ${id.slice(0, 20)}`, url: op.path.replace(/\{[^}]+\}/g, encodeURIComponent(id)) });
      }
      const params = ((op.operation.parameters as { $ref?: string; name?: string; in?: string }[]) ?? []).map((p) =>
        p.$ref ? (contract.components as Record<string, Record<string, { name: string; in: string }>>).parameters![p.$ref.split('/').pop()!]! : p,
      );
      for (const p of params.filter((x) => x.in === 'query')) {
        for (const v of BAD_QUERY[p.name!] ?? ["'; DROP TABLE akten.akte; --", 'a & | !(', '\u0000']) {
          requests.push({ label: `${p.name}=${v.slice(0, 20)}`, url: `${base}?${p.name}=${encodeURIComponent(v)}` });
        }
      }
      // bodies only where the operation takes one (a body sent to an operation without one is ignored)
      if (['post', 'patch', 'put'].includes(op.method) && op.operation.requestBody) {
        for (const b of BAD_BODIES) requests.push({ label: b.name, url: base, payload: b.payload, headers: { 'content-type': b.contentType, 'if-match': 'garbage' } });
      }
      for (const r of requests) {
        tried++;
        const res = await apps[op.service]!.inject({
          method: op.method.toUpperCase() as 'GET',
          url: `/api/v1${r.url}`,
          payload: r.payload,
          headers: { authorization: auth, ...(r.headers as Record<string, string>) },
        });
        if (res.statusCode >= 500) serverErrors.push(`${op.operationId} ${r.label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (res.statusCode < 400 && !(op.method === 'get' && res.statusCode === 200)) notProblem.push(`${op.operationId} ${r.label}: ${res.statusCode}`);
        else if (res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json')) notProblem.push(`${op.operationId} ${r.label}: ${res.headers['content-type']}`);
      }
    }
    const stored = (await zeilen()) - before;
    berichte(context, 'bad-input', `${tried} tried, ${serverErrors.length} server errors, ${stored} stored`);
    expect(serverErrors).toEqual([]);
    expect(notProblem).toEqual([]);
    expect(stored).toBe(0);
    expect(tried).toBeGreaterThan(operations(contract).length * 3);
  });
});
