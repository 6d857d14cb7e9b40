// The contract is the source of truth: every operation has an owner, a handler and a
// permission entry, and every handler an operation.
import aktenApp from '@eakte/akten';
import { contract } from '@eakte/api-client/contract';
import aussonderungApp from '@eakte/aussonderung';
import dokumenteApp from '@eakte/dokumente';
import gatewayApp, { gatewayConfigSchema } from '@eakte/gateway';
import { BERECHTIGUNGEN, contractRoutes, createServer, decodeCursor, encodeCursor, errorsPlugin, loadConfig, operations } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import { authHeader, build, contractValidator, einheitFuerNeueAkten, expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';

const SERVICES = { akten: aktenApp, dokumente: dokumenteApp, aussonderung: aussonderungApp, protokoll: protokollApp };

describe('contract coverage', () => {
  it('gives every operation a unique id, an owning service and a permission entry', () => {
    const ops = operations(contract);
    expect(ops.length).toBeGreaterThan(0);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const op of ops) {
      expect(Object.keys(SERVICES), `${op.operationId} x-eakte-service`).toContain(op.service);
      expect(BERECHTIGUNGEN[op.operationId], `${op.operationId} in the permission matrix`).toBeDefined();
    }
    const unknown = Object.keys(BERECHTIGUNGEN).filter((id) => !ops.some((o) => o.operationId === id));
    expect(unknown, 'permission entries without operation').toEqual([]);
  });

  it('boots every service, which binds a handler to each of its operations', async () => {
    for (const [name, plugin] of Object.entries(SERVICES)) {
      const app = await build(plugin, {}, name === 'protokoll' ? protokollConfigSchema : undefined);
      const bound = operations(contract).filter((o) => o.service === name);
      for (const op of bound) {
        const url = `/api/v1${op.path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000')}`;
        const res = await app.inject({ method: op.method.toUpperCase() as 'GET', url });
        // unauthenticated: the route exists and is guarded (not a 404 from the router)
        expect(res.statusCode, `${op.operationId} ${url}`).toBe(401);
      }
    }
  });

  it('refuses to start a service with an operation that has no handler, or a handler without operation', async () => {
    const missing = createServer({ logLevel: 'silent' });
    await missing.register(errorsPlugin);
    missing.register(contractRoutes, { document: contract, service: 'akten', prefix: '/api/v1', handlers: {} });
    await expect(missing.ready()).rejects.toThrow(/operations without handler: getAktenplan/);

    const extra = createServer({ logLevel: 'silent' });
    await extra.register(errorsPlugin);
    const alle = Object.fromEntries(
      operations(contract)
        .filter((o) => o.service === 'protokoll')
        .map((o) => [o.operationId, () => null]),
    );
    extra.register(contractRoutes, { document: contract, service: 'protokoll', prefix: '/api/v1', handlers: { ...alle, gibtEsNicht: () => null } });
    await expect(extra.ready()).rejects.toThrow(/handlers without operation: gibtEsNicht/);
  });
});

// ---- the contract says what the server does -------------------------------------------------

type Schema = Record<string, unknown>;
const GUELTIGE_ID = '00000000-0000-7000-8000-000000000000';

/** Follows internal `$ref`s of the bundled contract. */
function aufgeloest<T = Schema>(node: unknown): T {
  let n = node as Schema;
  while (n && typeof n.$ref === 'string') {
    n = (n.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((o, k) => (o as Schema)[k], contract) as Schema;
  }
  return n as T;
}

const parameter = (op: { operation: Schema }) => ((op.operation.parameters ?? []) as unknown[]).map((p) => aufgeloest<{ name: string; in: string; required?: boolean; schema?: Schema }>(p));

/** Every integer schema reachable from `schema`, with its path. */
function ganzzahlen(schema: unknown, pfad: string, out: { pfad: string; schema: Schema }[] = [], gesehen = new Set<unknown>()): typeof out {
  const s = aufgeloest(schema);
  if (!s || typeof s !== 'object' || gesehen.has(s)) return out;
  gesehen.add(s);
  const typ = s.type;
  if (typ === 'integer' || (Array.isArray(typ) && typ.includes('integer'))) out.push({ pfad, schema: s });
  for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) ganzzahlen(v, `${pfad}.${k}`, out, gesehen);
  if (s.items) ganzzahlen(s.items, `${pfad}[]`, out, gesehen);
  for (const k of ['oneOf', 'anyOf', 'allOf'] as const) for (const [i, v] of ((s[k] ?? []) as unknown[]).entries()) ganzzahlen(v, `${pfad}/${k}${i}`, out, gesehen);
  return out;
}

describe('contract and behaviour agree', () => {
  const validator = contractValidator(contract);

  it('declares If-Match required on every PATCH (the server answers 428 without it)', () => {
    const patches = operations(contract).filter((o) => o.method === 'patch');
    expect(patches.length).toBeGreaterThan(0);
    for (const op of patches) {
      const ifMatch = parameter(op).find((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
      expect(ifMatch?.required, `${op.operationId} If-Match`).toBe(true);
      expect(Object.keys(op.operation.responses as Schema), `${op.operationId} documents 428`).toContain('428');
    }
  });

  it('answers 428 VORBEDINGUNG_ERFORDERLICH, not a validation error, for a PATCH without If-Match', async () => {
    const app = await build(aktenApp);
    const h = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const plan = (await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json() as { einheiten: { id: string }[] };
    const akte = await app.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'If-Match' } });
    expect(akte.statusCode, akte.body).toBe(201);
    const ohne = await app.inject({ method: 'PATCH', url: `/api/v1/akten/${akte.json().id}`, headers: h, payload: { betreff: 'Neu' } });
    expectProblem(ohne, 428, 'VORBEDINGUNG_ERFORDERLICH');
    expectContract(ohne, 'updateAkte');
  });

  it('declares `grund` required when a Löschsperre is released, and the server refuses the release without it', async () => {
    const op = operations(contract).find((o) => o.operationId === 'aufhebenLoeschsperre')!;
    expect(parameter(op).find((p) => p.name === 'grund')?.required).toBe(true);
    const app = await build(aussonderungApp);
    const res = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${GUELTIGE_ID}`, headers: await authHeader({ tenant: 'demo', roles: ['registratur'] }) });
    expectProblem(res, 400, 'VALIDIERUNGSFEHLER');
    expectContract(res, 'aufhebenLoeschsperre');
  });

  it('refuses a Löschsperre without any target, in the schema as on the server', async () => {
    const ohneZiel = { bezeichnung: 'Verfahren', grund: 'Klage' };
    for (const body of [ohneZiel, { ...ohneZiel, akten: [], vorgaenge: [], dokumente: [] }]) {
      expect(validator.requestBody('createLoeschsperre', body), JSON.stringify(body)).not.toEqual([]);
    }
    expect(validator.requestBody('createLoeschsperre', { ...ohneZiel, akten: [GUELTIGE_ID] })).toEqual([]);
    expect(validator.requestBody('createLoeschsperre', { ...ohneZiel, akten: [], suche: { aktenzeichen: 'A' } })).toEqual([]);
    const app = await build(aussonderungApp);
    const h = await authHeader({ tenant: 'demo', roles: ['registratur'] });
    for (const payload of [ohneZiel, { ...ohneZiel, akten: [] }]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: h, payload });
      expectProblem(res, 400, 'VALIDIERUNGSFEHLER');
    }
  });

  it('documents 429 on every operation (one shared response) and the gateway answers it as documented', async () => {
    const shared = (contract.components as { responses?: Record<string, unknown> }).responses ?? {};
    expect(Object.keys(shared)).toContain('Problem429');
    for (const op of operations(contract)) {
      const r = (op.operation.responses as Record<string, { $ref?: string }>)['429'];
      expect(r?.$ref, `${op.operationId} 429`).toBe('#/components/responses/Problem429');
    }
    const tot = 'http://127.0.0.1:9';
    const app = createServer({ logLevel: 'silent' });
    await app.register(gatewayApp, {
      config: loadConfig(gatewayConfigSchema, { AKTEN_URL: tot, DOKUMENTE_URL: tot, AUSSONDERUNG_URL: tot, PROTOKOLL_URL: tot, RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '60000' }),
    });
    await app.ready();
    onTestFinished(() => app.close());
    await app.inject({ method: 'GET', url: '/api/v1/aktenplan' });
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan' });
    expectProblem(res, 429, 'ZU_VIELE_ANFRAGEN');
    expect(res.headers['retry-after']).toBeTruthy();
    expectContract(res, 'getAktenplan');
  });

  it('documents the 422 of an Umprotokollierung to a unit that does not exist', async () => {
    const app = await build(aktenApp);
    const h = await authHeader({ tenant: 'demo', roles: ['registratur'] });
    const plan = (await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json() as { einheiten: { id: string }[] };
    const akte = await app.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Umzug ins Nichts' } });
    const res = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.json().id}/umprotokollierung`, headers: h, payload: { aktenplaneinheitId: GUELTIGE_ID, grund: 'Neuordnung' } });
    expectProblem(res, 422, 'NICHT_VERARBEITBAR');
    expectContract(res, 'umprotokolliereAkte');
  });

  it('bounds every integer a client sends (parameters and bodies) by a minimum and a maximum', () => {
    const offen: string[] = [];
    for (const op of operations(contract)) {
      const eingaben = parameter(op).flatMap((p) => ganzzahlen(p.schema, `${op.operationId} ${p.in}.${p.name}`));
      const body = aufgeloest<{ content?: Record<string, { schema?: unknown }> }>(op.operation.requestBody ?? {});
      for (const [typ, m] of Object.entries(body.content ?? {})) eingaben.push(...ganzzahlen(m.schema, `${op.operationId} body(${typ})`));
      for (const e of eingaben) if (typeof e.schema.minimum !== 'number' || typeof e.schema.maximum !== 'number') offen.push(e.pfad);
    }
    expect(offen).toEqual([]);
  });

  it('accepts the largest sequence number the contract allows and refuses the next one with a validation error', async () => {
    const app = await build(protokollApp, {}, protokollConfigSchema);
    const h = await authHeader({ tenant: 'demo', roles: ['pruefung'] });
    const op = operations(contract).find((o) => o.operationId === 'pruefeProtokoll')!;
    const max = aufgeloest(parameter(op).find((p) => p.name === 'bis')!.schema).maximum as number;
    expect(max).toBe(Number.MAX_SAFE_INTEGER);
    for (const [id, url] of [
      ['pruefeProtokoll', '/api/v1/protokoll/pruefung'],
      ['exportProtokoll', '/api/v1/protokoll/export'],
    ] as const) {
      const ok = await app.inject({ method: 'GET', url: `${url}?bis=${max}`, headers: h });
      expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
      if (id === 'pruefeProtokoll') expectContract(ok, id);
      for (const zuGross of [String(max + 1), '9223372036854775808', '99999999999999999999']) {
        const res = await app.inject({ method: 'GET', url: `${url}?bis=${zuGross}`, headers: h });
        expectProblem(res, 400, 'VALIDIERUNGSFEHLER');
        expectContract(res, id);
      }
    }
  });
});

describe('pagination cursors', () => {
  const listen = operations(contract).filter((o) => parameter(o).some((p) => p.in === 'query' && p.name === 'cursor'));
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const ERFUNDEN = [
    'abc',
    'kein-cursor!',
    '9999999999999999999',
    'A'.repeat(501),
    b64({ x: 1 }),
    b64(['aktenzeichen', 'A']),
    b64({ id: 'keine-uuid' }),
    b64({ slug: 1 }),
    b64({ seq: -1 }),
    b64({ t: '2026-02-30 10:00:00+00', id: GUELTIGE_ID }),
    b64({ s: 9.5e18 }),
    b64(null),
  ];

  it('has one cursor parameter, shared by every list operation', () => {
    expect(listen.map((o) => o.operationId).sort()).toEqual(
      [
        'getAkteHistorie',
        'getPostkorb',
        'listAkten',
        'listAussonderungen',
        'listBenutzer',
        'listDokumente',
        'listFaelligeAkten',
        'listLoeschsperren',
        'listMandanten',
        'listPosteingang',
        'listZugeleitetePost',
        'listProtokoll',
        'listProtokollAkteure',
        'listProtokollCheckpoints',
        'listVerfuegungen',
        'listVorgaenge',
        'listVorgaengeDerAkte',
        'suche',
      ].sort(),
    );
    for (const op of listen) {
      const ref = ((op.operation.parameters ?? []) as { $ref?: string }[]).find((p) => aufgeloest<{ name: string }>(p).name === 'cursor');
      expect(ref?.$ref, op.operationId).toBe('#/components/parameters/Cursor');
    }
  });

  it('answers a made-up cursor on every list operation with 400 UNGUELTIGER_CURSOR', async () => {
    const apps: Record<string, Awaited<ReturnType<typeof build>>> = {};
    for (const op of listen) {
      apps[op.service] ??= await build(SERVICES[op.service as keyof typeof SERVICES], {}, op.service === 'protokoll' ? protokollConfigSchema : undefined);
      const rolle = BERECHTIGUNGEN[op.operationId]![0]!;
      const h = await authHeader({ tenant: rolle === 'plattformbetrieb' ? undefined : 'demo', roles: [rolle] });
      // required query parameters get a valid value, so only the cursor is wrong
      const pflicht = parameter(op)
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => `${p.name}=${aufgeloest(p.schema).format === 'date' ? '2030-01-01' : 'Akte'}`);
      for (const cursor of ERFUNDEN) {
        const url = `/api/v1${op.path.replace(/\{[^}]+\}/g, GUELTIGE_ID)}?${[...pflicht, `cursor=${encodeURIComponent(cursor)}`].join('&')}`;
        const res = await apps[op.service]!.inject({ method: 'GET', url, headers: h });
        expect(`${op.operationId} ${cursor} → ${res.statusCode} ${(res.json() as { code?: string }).code}`).toBe(`${op.operationId} ${cursor} → 400 UNGUELTIGER_CURSOR`);
        expectContract(res, op.operationId);
      }
    }
  });
});

describe('the one cursor format', () => {
  it('reads back every key a list operation writes into it', () => {
    const schluessel = [
      [{ az: 'A-1.2-0001/2026' }, { az: 'text' }],
      [
        { t: '2026-12-02 14:51:12.123456+00', id: GUELTIGE_ID },
        { t: 'zeitpunkt', id: 'uuid' },
      ],
      [
        { t: '2026-12-02T14:51:12.123Z', id: GUELTIGE_ID },
        { t: 'zeitpunkt', id: 'uuid' },
      ],
      [{ nr: 12 }, { nr: 'ganzzahl' }],
      [
        { d: '2028-02-29', id: GUELTIGE_ID },
        { d: 'datum', id: 'uuid' },
      ],
      [
        { r: '0.607927', typ: 'akte', id: GUELTIGE_ID },
        { r: 'dezimal', typ: 'text', id: 'uuid' },
      ],
      [{ seq: Number.MAX_SAFE_INTEGER }, { seq: 'ganzzahl' }],
      [{ slug: 'demo' }, { slug: 'text' }],
    ] as const;
    for (const [wert, felder] of schluessel) expect(decodeCursor(encodeCursor(wert), felder)).toEqual(wert);
    for (const [wert, felder] of [
      [
        { d: '2027-02-29', id: GUELTIGE_ID },
        { d: 'datum', id: 'uuid' },
      ],
      [{ seq: Number.MAX_SAFE_INTEGER + 1 }, { seq: 'ganzzahl' }],
      [{ nr: 1.5 }, { nr: 'ganzzahl' }],
      [
        { r: '1e999', typ: 'akte', id: GUELTIGE_ID },
        { r: 'dezimal', typ: 'text', id: 'uuid' },
      ],
      [
        { t: '2026-12-02 24:00:00+00', id: GUELTIGE_ID },
        { t: 'zeitpunkt', id: 'uuid' },
      ],
    ] as const) {
      expect(() => decodeCursor(encodeCursor(wert), felder), JSON.stringify(wert)).toThrow(/Cursor/);
    }
  });
});

describe('links between operations', () => {
  interface Link {
    operationId: string;
    parameters?: Record<string, string>;
  }
  const alle = operations(contract);
  const nachId = new Map(alle.map((o) => [o.operationId, o]));
  /** The parameters of an operation including those of its path item. */
  const parameterVon = (op: (typeof alle)[number]) => [
    ...(((contract.paths[op.path] as Schema).parameters ?? []) as unknown[]).map((p) => aufgeloest<{ name: string; in: string; required?: boolean }>(p)),
    ...parameter(op),
  ];
  const links = alle.flatMap((quelle) =>
    Object.entries((quelle.operation.responses ?? {}) as Record<string, unknown>).flatMap(([status, r]) =>
      Object.entries(aufgeloest<{ links?: Record<string, Link> }>(r).links ?? {}).map(([name, link]) => ({ quelle, status, name, link: aufgeloest<Link>(link), antwort: aufgeloest<Schema>(r) })),
    ),
  );

  it('chains the integrator path: Akte → Vorgang → Dokument → content', () => {
    const von = (id: string) => links.filter((l) => l.quelle.operationId === id).map((l) => l.link.operationId);
    expect(von('createAkte')).toEqual(expect.arrayContaining(['getAkte', 'createVorgang', 'updateAkte']));
    expect(von('createVorgang')).toEqual(expect.arrayContaining(['getVorgang', 'createDokument', 'listDokumente']));
    expect(von('createDokument')).toEqual(expect.arrayContaining(['getDokument', 'getDokumentInhalt', 'updateDokument']));
  });

  it('names an existing operation in every link, with its parameters and runtime expressions that resolve', () => {
    const fehler: string[] = [];
    for (const { quelle, status, name, link, antwort } of links) {
      const wo = `${quelle.operationId} ${status} → ${name}`;
      const ziel = nachId.get(link.operationId);
      if (!ziel) {
        fehler.push(`${wo}: no operation ${link.operationId}`);
        continue;
      }
      const zielParameter = parameterVon(ziel);
      const gegeben = Object.keys(link.parameters ?? {}).map((k) => k.replace(/^(path|query|header|cookie)\./, ''));
      for (const k of gegeben) if (!zielParameter.some((p) => p.name === k)) fehler.push(`${wo}: ${link.operationId} has no parameter ${k}`);
      // a link names the target resource; what the caller decides (a grund, a body) it adds itself
      for (const p of zielParameter.filter((p) => p.in === 'path')) if (!gegeben.includes(p.name)) fehler.push(`${wo}: path parameter ${p.name} missing`);
      for (const [k, ausdruck] of Object.entries(link.parameters ?? {})) {
        let m: RegExpExecArray | null;
        if ((m = /^\$response\.body#\/(.+)$/.exec(ausdruck))) {
          const schema = aufgeloest(Object.values((antwort.content ?? {}) as Record<string, { schema?: unknown }>)[0]?.schema);
          const ziel = m[1]!.split('/').reduce<Schema | undefined>((s, teil) => (s ? aufgeloest(((s.properties ?? {}) as Schema)[teil]) : undefined), schema);
          if (!ziel) fehler.push(`${wo}: ${k} = ${ausdruck} is not in the response body`);
        } else if ((m = /^\$response\.header\.(.+)$/.exec(ausdruck))) {
          const headers = Object.keys((antwort.headers ?? {}) as Schema).map((h) => h.toLowerCase());
          if (!headers.includes(m[1]!.toLowerCase())) fehler.push(`${wo}: ${k} = ${ausdruck} is not a documented header`);
        } else if ((m = /^\$request\.path\.(.+)$/.exec(ausdruck))) {
          if (!parameterVon(quelle).some((p) => p.in === 'path' && p.name === m![1])) fehler.push(`${wo}: ${k} = ${ausdruck} is not a path parameter`);
        } else fehler.push(`${wo}: ${k} = ${ausdruck} is no runtime expression this test knows`);
      }
    }
    expect(links.length).toBeGreaterThan(10);
    expect(fehler).toEqual([]);
  });

  it('leads somewhere real: following the links of a new Akte and Vorgang answers 200', async () => {
    const app = await build(aktenApp);
    const h = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const plan = (await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json() as { einheiten: { id: string }[] };
    const folge = async (quelle: string, res: Awaited<ReturnType<typeof app.inject>>, nur: string[]) => {
      const body = res.json() as Schema;
      const gefolgt = links.filter((l) => l.quelle.operationId === quelle && nur.includes(l.link.operationId));
      expect(gefolgt.map((l) => l.link.operationId).sort(), `links of ${quelle}`).toEqual([...nur].sort());
      for (const { link } of gefolgt) {
        const ziel = nachId.get(link.operationId)!;
        const werte = Object.fromEntries(
          Object.entries(link.parameters ?? {}).map(([k, a]) => [
            k,
            a.startsWith('$response.body#/')
              ? String(
                  a
                    .slice(16)
                    .split('/')
                    .reduce<unknown>((o, t) => (o as Schema)[t], body),
                )
              : String(res.headers[a.slice(17).toLowerCase()]),
          ]),
        );
        const headers: Record<string, string> = { ...h };
        for (const p of parameterVon(ziel).filter((p) => p.in === 'header' && werte[p.name] !== undefined)) headers[p.name] = werte[p.name]!;
        const url = `/api/v1${ziel.path.replace(/\{([^}]+)\}/g, (_, n: string) => werte[n]!)}`;
        const antwort = await app.inject({ method: ziel.method.toUpperCase() as 'GET', url, headers, ...(ziel.method === 'patch' ? { payload: { betreff: 'Über den Link geändert' } } : {}) });
        expect(antwort.statusCode, `${quelle} → ${link.operationId}: ${antwort.body.slice(0, 300)}`).toBe(200);
        expectContract(antwort, link.operationId);
      }
    };
    const akte = await app.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Verlinkt' } });
    await folge('createAkte', akte, ['getAkte', 'listVorgaengeDerAkte', 'updateAkte']);
    const vorgang = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.json().id}/vorgaenge`, headers: h, payload: { betreff: 'Verlinkt' } });
    await folge('createVorgang', vorgang, ['getVorgang', 'getAkte', 'updateVorgang']);
  });
});

describe('following nextCursor', () => {
  /** Every page from the first to the one without nextCursor; each checked against the contract. */
  async function alleSeiten(app: Awaited<ReturnType<typeof build>>, operationId: string, url: string, headers: Record<string, string>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let seiten = 0; seiten < 20; seiten++) {
      const res = await app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}limit=1${cursor ? `&cursor=${cursor}` : ''}`, headers });
      expect(res.statusCode, `${operationId}: ${res.body.slice(0, 300)}`).toBe(200);
      expectContract(res, operationId);
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) return ids;
    }
    throw new Error(`${operationId}: more than 20 pages`);
  }

  it('walks the signed checkpoints, also two of the same chain head', async () => {
    const akten = await build(aktenApp);
    const h = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const plan = (await akten.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json() as { einheiten: { id: string }[] };
    await akten.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Ein Ereignis' } });
    const protokoll = await build(protokollApp, {}, protokollConfigSchema);
    const pruefung = await authHeader({ tenant: 'demo', roles: ['pruefung'] });
    const neu: { id: string; sequenz: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await protokoll.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: pruefung });
      expect(c.statusCode, c.body).toBe(201);
      neu.push(c.json());
    }
    expect(neu[0]!.sequenz).toBe(neu[1]!.sequenz);
    const alle = await alleSeiten(protokoll, 'listProtokollCheckpoints', '/api/v1/protokoll/checkpoints', pruefung);
    expect(alle.slice(0, 2)).toEqual([neu[1]!.id, neu[0]!.id]);
    expect(new Set(alle).size).toBe(alle.length);
  });

  it('walks the Wiedervorlagen, Löschsperren and Dokumente of an Akte page by page, each item once', async () => {
    const akten = await build(aktenApp);
    const h = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const plan = (await akten.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json() as { einheiten: { id: string }[] };
    const akte = (await akten.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Seiten' } })).json() as {
      id: string;
    };
    // Wiedervorlagen are personal: a user of this test alone has exactly these in the worklist
    const eigener = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'], sub: `seiten-${Date.now().toString(36)}` });
    const vorgaenge: string[] = [];
    for (const tag of ['2901-03-01', '2901-03-02', '2901-03-02']) {
      const v = await akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: eigener, payload: { betreff: `Wiedervorlage ${tag}`, wiedervorlage: tag } });
      expect(v.statusCode, v.body).toBe(201);
      vorgaenge.push(v.json().id);
    }
    const wv = await alleSeiten(akten, 'listVorgaenge', '/api/v1/vorgaenge?wiedervorlageBis=2901-03-31', eigener);
    expect([...wv].sort()).toEqual([...vorgaenge].sort());
    expect(new Set(wv).size).toBe(wv.length);
    expect(await alleSeiten(akten, 'listVorgaengeDerAkte', `/api/v1/akten/${akte.id}/vorgaenge`, h)).toEqual(vorgaenge);

    const aussonderung = await build(aussonderungApp);
    const reg = await authHeader({ tenant: 'demo', roles: ['registratur'] });
    const sperren: string[] = [];
    for (const n of [1, 2, 3]) {
      const s = await aussonderung.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: `Sperre ${n}`, grund: 'Seiten', akten: [akte.id] } });
      expect(s.statusCode, s.body).toBe(201);
      sperren.push(s.json().id);
    }
    expect(await alleSeiten(aussonderung, 'listLoeschsperren', `/api/v1/loeschsperren?akte=${akte.id}`, reg)).toEqual([...sperren].reverse());

    const dokumente = await build(dokumenteApp);
    const hochgeladen: string[] = [];
    for (const n of [1, 2, 3]) {
      const fd = new FormData();
      fd.append('betreff', `Dokument ${n}`);
      fd.append('datumDesSchreibens', '2026-12-01');
      fd.append('datei', new Blob([`Inhalt ${n}\n`], { type: 'text/plain' }), `notiz-${n}.txt`);
      const req = new Request('http://localhost/', { method: 'POST', body: fd });
      const d = await dokumente.inject({
        method: 'POST',
        url: `/api/v1/vorgaenge/${vorgaenge[0]}/dokumente`,
        headers: { ...h, 'content-type': req.headers.get('content-type')! },
        payload: Buffer.from(await req.arrayBuffer()),
      });
      expect(d.statusCode, d.body).toBe(201);
      hochgeladen.push(d.json().id);
    }
    expect((await alleSeiten(dokumente, 'listDokumente', `/api/v1/vorgaenge/${vorgaenge[0]}/dokumente`, h)).sort()).toEqual([...hochgeladen].sort());
  });
});
