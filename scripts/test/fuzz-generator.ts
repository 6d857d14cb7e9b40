// The request generator of the schema-driven fuzzer, shared by the run against each service
// (app.inject, scripts/test/fuzz.test.ts) and the run through the gateway on its socket
// (scripts/aussen/fuzz.test.ts), so both draw from the same arbitraries.
import { contract } from '@eakte/api-client/contract';
import type { OperationRef } from '@eakte/platform';
import fc from 'fast-check';

type Schema = Record<string, unknown>;
export const resolve = (s: unknown): Schema => {
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
export function ausSchema(raw: unknown, depth = 0): fc.Arbitrary<unknown> {
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

export interface FuzzAnfrage {
  method: string;
  /** Path below /api/v1 with its query. */
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Requests for `op` from its parameter and body schemas, valid and broken, with `bearer`. */
export function fuzzAnfragen(op: OperationRef, bearer: string): fc.Arbitrary<FuzzAnfrage> {
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

  return anfrage.map((a) => {
    let i = 0;
    const pfad = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(a.pfad[i++])));
    const qs = new URLSearchParams(a.query as Record<string, string>).toString();
    return {
      method: op.method.toUpperCase(),
      url: `${pfad}${qs ? `?${qs}` : ''}`,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(a.ifMatch !== undefined ? { 'if-match': a.ifMatch } : {}),
        ...(a.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(a.body !== undefined ? { payload: JSON.stringify(a.body) } : {}),
    };
  });
}
