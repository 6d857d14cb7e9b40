// The tenant-isolation probe of scripts/test/mandantentrennung.test.ts through the gateway of the
// started platform on its socket (fetch): for every operation with an object id, tenant demo2 asks
// for an object of tenant demo and must get the very same 404 as for a missing id, object unchanged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations } from '@eakte/platform';
import { berichte, contractValidator } from '@eakte/testing';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { beispielBody, MISSING, probePfad } from '../test/mandantentrennung-fall.js';
import { api, plattform, token } from './lib.js';

const validator = contractValidator(contract);
const ids: Record<string, string> = {};
const fixture = (p: string) => Object.entries(ids).find(([prefix]) => p.startsWith(prefix))?.[1];

async function json(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text);
}

/** Objects of tenant demo, created over the API, by the path before the id. */
async function anlegen() {
  const h = { authorization: `Bearer ${await token({ tenant: 'demo', roles: ['registratur'] })}`, 'content-type': 'application/json' };
  const post = (pfad: string, body: unknown) => fetch(api(pfad), { method: 'POST', headers: h, body: JSON.stringify(body) });
  const kennzeichen = `T${Date.now().toString(36).toUpperCase()}`;
  const einheit = await json(await post('/aktenplan/einheiten', { kennzeichen, titel: 'Trennung', aufbewahrungsfrist: 10, aussonderungsart: 'A' }), 201);
  const akte = await json(await post('/akten', { aktenplaneinheitId: einheit.id, betreff: 'Trennung' }), 201);
  const vorgang = await json(await post(`/akten/${akte.id}/vorgaenge`, { betreff: 'Trennung' }), 201);
  ids['/aktenplan/einheiten/{id}'] = einheit.id;
  ids['/akten/{id}'] = akte.id;
  ids['/vorgaenge/{id}'] = vorgang.id;
  const verfuegung = await json(await post(`/vorgaenge/${vorgang.id}/verfuegungen`, { betreff: 'Trennung', laufweg: [{ bearbeiter: { sub: 'demo-registratur' }, aktion: 'kenntnisnahme' }] }), 201);
  ids['/verfuegungen/{id}'] = verfuegung.id;
  ids['/schritte/{id}'] = verfuegung.laufweg[0].id;
  const fa = { authorization: `Bearer ${await token({ tenant: 'demo', roles: ['fachadministration'] })}`, 'content-type': 'application/json' };
  const oe = await json(await fetch(api('/organisationseinheiten'), { method: 'POST', headers: fa, body: JSON.stringify({ kuerzel: `T${kennzeichen.slice(-6)}`, name: 'Trennung' }) }), 201);
  ids['/organisationseinheiten/{id}'] = oe.id;
  const form = new FormData();
  form.set('betreff', 'Trennung');
  form.set('datumDesSchreibens', '2026-11-02');
  form.set('datei', new Blob(['Inhalt eines Schreibens']), 'schreiben.txt');
  const dok = await json(await fetch(api(`/vorgaenge/${vorgang.id}/dokumente`), { method: 'POST', headers: { authorization: h.authorization }, body: form }), 201);
  ids['/dokumente/{id}'] = dok.id;
  const brief = new FormData();
  brief.set('betreff', 'Trennung');
  brief.set('datei', new Blob(['Ein Brief ohne Vorgang']), 'brief.txt');
  ids['/posteingang/{id}'] = (await json(await fetch(api('/posteingang'), { method: 'POST', headers: { authorization: h.authorization }, body: brief }), 201)).id;
  const stapel = new FormData();
  stapel.set('betreff', 'Trennung');
  stapel.set('geraet', 'Trennung');
  stapel.set('original', 'aufbewahren');
  stapel.set('datei', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'stapel.pdf');
  ids['/posteingang/scanstapel/{id}'] = (await json(await fetch(api('/posteingang/scanstapel'), { method: 'POST', headers: { authorization: h.authorization }, body: stapel }), 202)).id;
  const sperre = await json(await post('/loeschsperren', { bezeichnung: 'Trennung', grund: 'Trennung', akten: [akte.id] }), 201);
  ids['/loeschsperren/{id}'] = sperre.id;
  // an Aussonderung needs due Akten; for this probe its process row is enough
  const { ownerUrl } = JSON.parse(readFileSync(path.join(plattform().dataDir, 'embedded.json'), 'utf8')) as { ownerUrl: string };
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const demo = (await owner.query<{ id: string }>(`SELECT id FROM plattform.mandant WHERE slug = 'demo'`)).rows[0];
  await owner.end();
  const db = createDb(ownerUrl, { max: 1 });
  try {
    const aussonderungId = crypto.randomUUID();
    await db.withMandant(demo!.id, (tx) => tx.insert(schema.aussonderung).values({ id: aussonderungId, mandantId: demo!.id, erstelltVon: 'demo-registratur' }));
    ids['/aussonderungen/{id}'] = aussonderungId;
    // a function mailbox (its secret need not decrypt for reading)
    const postfachId = crypto.randomUUID();
    await db.withMandant(demo!.id, (tx) =>
      tx.insert(schema.postfach).values({ id: postfachId, mandantId: demo!.id, bezeichnung: 'Trennung', host: '93.184.216.34', port: 993, benutzer: 'trennung', geheimnis: 'v1.x.y.z' }),
    );
    ids['/postfaecher/{id}'] = postfachId;
  } finally {
    await db.close();
  }
  return h;
}

let demoHeaders: Record<string, string>;
beforeAll(async () => {
  demoHeaders = await anlegen();
});

const mitId = operations(contract).filter((o) => o.path.includes('{id}'));
let geprueft = 0;
const lecks: string[] = [];

describe('tenant isolation through the gateway', () => {
  it('has a fixture for every path with an id', () => {
    expect(
      [...new Set(mitId.map((o) => o.path))].filter((p) => !fixture(p)),
      'add fixtures for these paths',
    ).toEqual([]);
  });

  it.each(mitId.map((o) => [o.operationId, o] as const))("%s: another tenant's id answers like a missing one", async (_id, op) => {
    const fremdeId = fixture(op.path)!;
    const t = await token({ tenant: 'demo2', roles: BERECHTIGUNGEN[op.operationId]!.filter((r) => r !== 'plattformbetrieb') });
    const body = beispielBody(op);
    const call = async (id: string) => {
      const res = await fetch(api(probePfad(op, id)), {
        method: op.method.toUpperCase(),
        headers: { authorization: `Bearer ${t}`, 'if-match': '"1"', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, contentType: res.headers.get('content-type') ?? undefined, body: await res.text() };
    };
    const fremd = await call(fremdeId);
    const fehlt = await call(MISSING);
    geprueft++;
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined, requestId: undefined });
    if (fremd.status !== 404 || JSON.stringify(strip(fremd.body)) !== JSON.stringify(strip(fehlt.body))) lecks.push(`${op.operationId}: ${fremd.status}`);
    expect(fremd.status, fremd.body).toBe(404);
    expect(fehlt.status, fehlt.body).toBe(404);
    expect(validator.validate(op.operationId, fremd.status, fremd.contentType, fremd.body)).toEqual([]);
    expect(strip(fremd.body)).toEqual(strip(fehlt.body));
  });

  it('left the objects of tenant demo unchanged', async () => {
    const h = { authorization: demoHeaders.authorization! };
    expect(await json(await fetch(api(`/akten/${ids['/akten/{id}']}`), { headers: h }), 200)).toMatchObject({ version: 1, status: 'offen' });
    expect(await json(await fetch(api(`/vorgaenge/${ids['/vorgaenge/{id}']}`), { headers: h }), 200)).toMatchObject({ version: 1, status: 'offen' });
    expect((await json(await fetch(api(`/dokumente/${ids['/dokumente/{id}']}/versionen`), { headers: h }), 200)).items).toHaveLength(1);
  });

  it('probed every operation with an id', (context) => {
    expect(geprueft).toBe(mitId.length);
    expect(lecks).toEqual([]);
    berichte(context, 'mandantentrennung (gateway, socket)', `${geprueft} operations probed with another tenant's ids, ${lecks.length} leaks`);
  });
});
