// The contract the started platform serves says what its gateway answers: each rule read from the
// served /openapi.json, then tried through the gateway on its socket with Node's fetch.
import { BERECHTIGUNGEN } from '@eakte/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { akteMitVorgang, api, plattform, token } from './lib.js';

type Schema = Record<string, any>;
const PROBLEM = 'application/problem+json';
const ERFUNDENE_ID = '00000000-0000-4000-8000-000000000000';

let vertrag: Schema;
const aufgeloest = <T = Schema>(n: unknown): T => {
  const ref = (n as Schema | undefined)?.$ref as string | undefined;
  return (
    ref
      ? ref
          .slice(2)
          .split('/')
          .reduce<Schema>((o, k) => o[k.replaceAll('~1', '/')], vertrag)
      : n
  ) as T;
};
interface Operation {
  operationId: string;
  methode: string;
  pfad: string;
  op: Schema;
}
const operationen = (): Operation[] =>
  Object.entries(vertrag.paths as Schema).flatMap(([pfad, item]) =>
    Object.entries(item as Schema)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([methode, op]) => ({ operationId: (op as Schema).operationId as string, methode, pfad, op: op as Schema })),
  );
const parameter = (o: Operation) => ((o.op.parameters ?? []) as unknown[]).map((p) => aufgeloest<{ name: string; in: string; required?: boolean; schema?: Schema }>(p));
const operation = (id: string) => operationen().find((o) => o.operationId === id)!;

async function frage(methode: string, pfad: string, t: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(api(pfad), {
    method: methode,
    headers: { authorization: `Bearer ${t}`, ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  const typ = res.headers.get('content-type') ?? '';
  return { status: res.status, typ, text, code: typ.startsWith(PROBLEM) ? (JSON.parse(text) as { code?: string }).code : undefined };
}

beforeAll(async () => {
  const res = await fetch(`${plattform().url}/openapi.json`);
  expect(res.status).toBe(200);
  vertrag = (await res.json()) as Schema;
});

describe('outside-in: the served contract says what the gateway answers', () => {
  it('If-Match is required on every PATCH, and a PATCH without it answers 428 VORBEDINGUNG_ERFORDERLICH', async () => {
    const patches = operationen().filter((o) => o.methode === 'patch');
    expect(patches.length).toBeGreaterThan(0);
    for (const o of patches) expect(parameter(o).find((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match')?.required, o.operationId).toBe(true);
    const t = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const { akteId } = await akteMitVorgang(t, 'If-Match von außen');
    const ohne = await frage('PATCH', `/akten/${akteId}`, t, { body: { betreff: 'Neu' } });
    expect(ohne.typ).toContain(PROBLEM);
    expect([ohne.status, ohne.code]).toEqual([428, 'VORBEDINGUNG_ERFORDERLICH']);
  });

  it('a Löschsperre needs a target and its release a grund, as the contract says', async () => {
    expect(parameter(operation('aufhebenLoeschsperre')).find((p) => p.name === 'grund')?.required).toBe(true);
    const t = await token({ tenant: 'demo', roles: ['registratur'] });
    const ohneGrund = await frage('DELETE', `/loeschsperren/${ERFUNDENE_ID}`, t);
    expect([ohneGrund.status, ohneGrund.code]).toEqual([400, 'VALIDIERUNGSFEHLER']);
    for (const body of [
      { bezeichnung: 'Verfahren', grund: 'Klage' },
      { bezeichnung: 'Verfahren', grund: 'Klage', akten: [], vorgaenge: [], dokumente: [] },
    ]) {
      const ohneZiel = await frage('POST', '/loeschsperren', t, { body });
      expect([ohneZiel.status, ohneZiel.code], JSON.stringify(body)).toEqual([400, 'VALIDIERUNGSFEHLER']);
    }
  });

  it('documents 429 and the 422 of an Umprotokollierung, and answers that 422', async () => {
    for (const o of operationen()) expect(Object.keys(o.op.responses as Schema), o.operationId).toContain('429');
    expect(Object.keys(operation('umprotokolliereAkte').op.responses as Schema)).toContain('422');
    const t = await token({ tenant: 'demo', roles: ['registratur'] });
    const { akteId } = await akteMitVorgang(t, 'Umzug ins Nichts');
    const r = await frage('POST', `/akten/${akteId}/umprotokollierung`, t, { body: { aktenplaneinheitId: ERFUNDENE_ID, grund: 'Neuordnung' } });
    expect([r.status, r.code]).toEqual([422, 'NICHT_VERARBEITBAR']);
  });

  it('bounds the sequence numbers by 2^53 − 1: the largest is accepted, the next ones are a 400', async () => {
    const max = aufgeloest(parameter(operation('exportProtokoll')).find((p) => p.name === 'bis')!.schema).maximum as number;
    expect(max).toBe(Number.MAX_SAFE_INTEGER);
    const t = await token({ tenant: 'demo', roles: ['pruefung'] });
    for (const pfad of ['/protokoll/pruefung', '/protokoll/export']) {
      expect((await frage('GET', `${pfad}?bis=${max}`, t)).status, pfad).toBe(200);
      for (const zuGross of [String(max + 1), '9223372036854775296', '99999999999999999999']) {
        const r = await frage('GET', `${pfad}?von=${zuGross}`, t);
        expect([r.status, r.code, r.typ.startsWith(PROBLEM)], `${pfad} von=${zuGross}`).toEqual([400, 'VALIDIERUNGSFEHLER', true]);
      }
    }
  });

  it('answers a made-up cursor on every list operation with the one code UNGUELTIGER_CURSOR', async () => {
    const listen = operationen().filter((o) => parameter(o).some((p) => p.in === 'query' && p.name === 'cursor'));
    expect(listen.length).toBeGreaterThanOrEqual(12);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const antworten: string[] = [];
    for (const o of listen) {
      const rolle = BERECHTIGUNGEN[o.operationId]![0]!;
      const t = await token({ tenant: rolle === 'plattformbetrieb' ? undefined : 'demo', roles: [rolle] });
      // required query parameters get a valid value, so only the cursor is wrong
      const pflicht = parameter(o)
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => `${p.name}=${aufgeloest(p.schema).format === 'date' ? '2030-01-01' : 'Akte'}`);
      for (const cursor of ['abc', '9999999999999999999', b64({ x: 1 }), b64({ id: 'keine-uuid' })]) {
        const url = `${o.pfad.replace(/\{[^}]+\}/g, ERFUNDENE_ID)}?${[...pflicht, `cursor=${encodeURIComponent(cursor)}`].join('&')}`;
        const r = await frage('GET', url, t);
        antworten.push(`${o.operationId} ${cursor} → ${r.status} ${r.code}`);
      }
    }
    expect(antworten.filter((a) => !a.endsWith('→ 400 UNGUELTIGER_CURSOR'))).toEqual([]);
  });
});
