// Schema-driven fuzzing: for every operation of the contract, requests generated from its
// schemas (valid and invalid) must never produce a 5xx, and every response must match the
// contract. FUZZ_RUNS sets the budget per operation (`pnpm fuzz` runs a long one).
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations, type Rolle } from '@eakte/platform';
import { berichte, contractValidator, token } from '@eakte/testing';
import fc from 'fast-check';
import { alleDienste, schliesseDienste } from './dienste.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
let apps: Record<string, FastifyInstance> = {};
const validator = contractValidator(contract);
const tenant = `fuzz-${Math.random().toString(36).slice(2, 8)}`;

type Schema = Record<string, unknown>;
const resolve = (s: unknown): Schema => {
  let node = s as Schema;
  while (node && typeof node.$ref === 'string') {
    node = (node.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((n, k) => (n as Record<string, unknown>)[k.replaceAll('~1', '/').replaceAll('~0', '~')], contract) as Schema;
  }
  return node ?? {};
};

/** An arbitrary of values that mostly fit `schema`. */
function ausSchema(raw: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  if (depth > 4) return fc.constant(null);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  for (const k of ['oneOf', 'anyOf'] as const) if (Array.isArray(s[k])) return fc.oneof(...(s[k] as unknown[]).map((x) => ausSchema(x, depth + 1)));
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : ['object'];
  return fc.oneof(
    ...types.map((t): fc.Arbitrary<unknown> => {
      switch (t) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer':
          return fc.integer({ min: (s.minimum as number | undefined) ?? -1000, max: (s.maximum as number | undefined) ?? 1_000_000 });
        case 'number':
          return fc.double({ noNaN: true });
        case 'string':
          if (s.format === 'uuid') return fc.uuid();
          if (s.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
          if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
          return fc.string({ minLength: (s.minLength as number | undefined) ?? 0, maxLength: Math.min((s.maxLength as number | undefined) ?? 40, 60) });
        case 'array':
          return fc.array(ausSchema(s.items, depth + 1), { maxLength: 4 });
        default: {
          const props = (s.properties ?? {}) as Record<string, unknown>;
          const required = new Set((s.required as string[] | undefined) ?? []);
          return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, ausSchema(v, depth + 1)])), {
            requiredKeys: [...required].filter((k) => k in props),
          });
        }
      }
    }),
  );
}

/** Mostly-valid or deliberately broken values. */
const irgendwas = (schema: unknown) => fc.oneof({ weight: 3, arbitrary: ausSchema(schema) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
const pfadWert = fc.oneof(fc.uuid(), fc.constantFrom('x', '0', '%00', '..%2F..', 'a'.repeat(300), '00000000-0000-0000-0000-000000000000'));
const queryWert = fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('-1', '1e9', '', 'null', 'a & | !(', "' OR 1=1 --"));

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
    const params = ((op.operation.parameters as unknown[]) ?? []).map(resolve);
    const pfadParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const body = resolve(op.operation.requestBody);
    const jsonBody = (body.content as Record<string, { schema?: unknown }> | undefined)?.['application/json']?.schema;

    const anfrage = fc.record({
      pfad: fc.tuple(...pfadParams.map(() => pfadWert), fc.constant(null)),
      query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name as string, fc.oneof(ausSchema(p.schema).map(String), queryWert)])), { requiredKeys: [] }),
      body: jsonBody ? irgendwas(jsonBody) : fc.constant(undefined),
      ifMatch: fc.option(fc.constantFrom('"x"', 'W/"y"', 'garbage', ''), { nil: undefined }),
    });

    await fc.assert(
      fc.asyncProperty(anfrage, async (a) => {
        let i = 0;
        const pfad = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(a.pfad[i++])));
        const qs = new URLSearchParams(a.query as Record<string, string>).toString();
        const res = await apps[op.service]!.inject({
          method: op.method.toUpperCase() as 'GET',
          url: `/api/v1${pfad}${qs ? `?${qs}` : ''}`,
          headers: {
            authorization: `Bearer ${bearer}`,
            ...(a.ifMatch !== undefined ? { 'if-match': a.ifMatch } : {}),
            ...(a.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(a.body !== undefined ? { payload: JSON.stringify(a.body) } : {}),
        });
        const errors = validator.validate(op.operationId, res.statusCode, res.headers['content-type'] as string | undefined, res.body);
        zahlen.anfragen++;
        if (res.statusCode >= 500) zahlen.serverfehler++;
        if (errors.length > 0) zahlen.vertragsverletzungen++;
        expect(res.statusCode, `${op.operationId} ${pfad}?${qs} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        expect(errors, `${op.operationId} ${res.statusCode}: ${res.body.slice(0, 300)}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    zahlen.operationen++;
  });

  it('fuzzed every operation', (context) => {
    expect(zahlen.operationen).toBe(ops.length);
    expect(zahlen.anfragen).toBeGreaterThanOrEqual(ops.length * RUNS);
    berichte(context, 'fuzz (service, inject)', `${zahlen.anfragen} requests to ${zahlen.operationen} operations, ${zahlen.serverfehler} server errors, ${zahlen.vertragsverletzungen} contract violations`);
  });
});
