// The bad-input corpus, shared by the run against each service (app.inject) and the run through the
// gateway on its socket (scripts/aussen/bad-input.test.ts), so both send the very same requests.
import { contract } from '@eakte/api-client/contract';
import type { OperationRef } from '@eakte/platform';
import type pg from 'pg';

export const BAD_IDS = ['kein-uuid', '1', '00000000-0000-0000-0000-00000000000g', "1' OR '1'='1", '%00', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(5000)];
export const BAD_QUERY: Record<string, string[]> = {
  limit: ['1e9', '-1', '0', 'abc', '9999999999999999999999', '1.5'],
  cursor: ['nicht-base64!', Buffer.from('{"slug":{"$ne":null}}').toString('base64url'), Buffer.from('[]').toString('base64url'), 'A'.repeat(2000)],
};
export const BAD_BODIES: { name: string; payload: string; contentType: string }[] = [
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

function queryParameter(op: OperationRef): { name: string; in: string }[] {
  return ((op.operation.parameters as { $ref?: string; name?: string; in?: string }[]) ?? [])
    .map((p) => (p.$ref ? (contract.components as Record<string, Record<string, { name: string; in: string }>>).parameters![p.$ref.split('/').pop()!]! : (p as { name: string; in: string })))
    .filter((p) => p.in === 'query');
}

export interface BoeseAnfrage {
  label: string;
  /** Path below /api/v1 with its query, already encoded. */
  url: string;
  payload?: string;
  headers?: Record<string, string>;
}

/** The bad requests for one operation: bad ids, bad query values, bad bodies where it takes one. */
export function boeseAnfragen(op: OperationRef): BoeseAnfrage[] {
  const base = op.path.replace(/\{[^}]+\}/g, '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a');
  const requests: BoeseAnfrage[] = [];
  if (op.path.includes('{')) {
    for (const id of BAD_IDS) requests.push({ label: `id ${id.slice(0, 20)}`, url: op.path.replace(/\{[^}]+\}/g, encodeURIComponent(id)) });
  }
  const params = queryParameter(op);
  for (const p of params) {
    for (const v of BAD_QUERY[p.name] ?? ["'; DROP TABLE akten.akte; --", 'a & | !(', '\u0000']) {
      requests.push({ label: `${p.name}=${v.slice(0, 20)}`, url: `${base}?${p.name}=${encodeURIComponent(v)}` });
    }
  }
  // bodies only where the operation takes one (a body sent to an operation without one is ignored)
  if (['post', 'patch', 'put'].includes(op.method) && op.operation.requestBody) {
    for (const b of BAD_BODIES) requests.push({ label: b.name, url: base, payload: b.payload, headers: { 'content-type': b.contentType, 'if-match': 'garbage' } });
  }
  return requests;
}

/**
 * Rows of this test's tenant in all content tables (audit trail excluded: refused requests may be
 * audited). Counted per tenant, so other test files writing their own tenants' rows in parallel
 * do not count. A new tenant would have been answered with a 2xx, which the test refuses anyway.
 */
export async function zeilenDesMandanten(owner: pg.Client, mandantId: string): Promise<number> {
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

/** Malformed percent-encoding, written into the URL as is (not re-encoded): only through the gateway's socket. */
export const ROH_KODIERT = ['%ff%fe', '%c3%28', '%zz', '%'];

/** Each raw encoding as the id and as every query value of `op`. */
export function roheKodierungen(op: OperationRef): BoeseAnfrage[] {
  const base = op.path.replace(/\{[^}]+\}/g, '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a');
  const params = queryParameter(op);
  const requests: BoeseAnfrage[] = [];
  for (const roh of ROH_KODIERT) {
    if (op.path.includes('{')) requests.push({ label: `id ${roh}`, url: op.path.replace(/\{[^}]+\}/g, roh) });
    for (const p of params) requests.push({ label: `${p.name}=${roh}`, url: `${base}?${p.name}=${roh}` });
  }
  return requests;
}
