// Generated from the contract: for every operation with an object id in its path, tenant demo2
// asks for an object of tenant demo and must get the same 404 as for an id that does not exist,
// and the object stays unchanged. A new operation whose path this test cannot fill fails it
// until a fixture is added here. (`/benutzer/{sub}` names a user of the caller's own tenant.)
import { contract } from '@eakte/api-client/contract';
import { createDb, schema } from '@eakte/db';
import { BERECHTIGUNGEN, operations } from '@eakte/platform';
import { authHeader, berichte, expectContract } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alleDienste, schliesseDienste } from './dienste.js';
import { beispielBody, MISSING, probePfad } from './mandantentrennung-fall.js';

let apps: Record<string, FastifyInstance> = {};
const ids: Record<string, string> = {};

/** Objects of tenant demo, by the path before the id. */
async function anlegen(akten: FastifyInstance) {
  const reg = await authHeader({ tenant: 'demo', roles: ['registratur'] });
  const kennzeichen = `T${Date.now().toString(36).toUpperCase()}`;
  const einheit = await akten.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: reg, payload: { kennzeichen, titel: 'Trennung', aufbewahrungsfrist: 10, aussonderungsart: 'A' } });
  expect(einheit.statusCode, einheit.body).toBe(201);
  const akte = await akten.inject({ method: 'POST', url: '/api/v1/akten', headers: reg, payload: { aktenplaneinheitId: einheit.json().id, betreff: 'Trennung' } });
  expect(akte.statusCode, akte.body).toBe(201);
  const vorgang = await akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.json().id}/vorgaenge`, headers: reg, payload: { betreff: 'Trennung' } });
  expect(vorgang.statusCode, vorgang.body).toBe(201);
  ids['/aktenplan/einheiten/{id}'] = einheit.json().id;
  ids['/akten/{id}'] = akte.json().id;
  ids['/vorgaenge/{id}'] = vorgang.json().id;
  const verfuegung = await akten.inject({
    method: 'POST',
    url: `/api/v1/vorgaenge/${vorgang.json().id}/verfuegungen`,
    headers: reg,
    payload: { betreff: 'Trennung', laufweg: [{ bearbeiter: { sub: 'demo-registratur' }, aktion: 'kenntnisnahme' }] },
  });
  expect(verfuegung.statusCode, verfuegung.body).toBe(201);
  ids['/verfuegungen/{id}'] = verfuegung.json().id;
  ids['/schritte/{id}'] = verfuegung.json().laufweg[0].id;
  const fa = await authHeader({ tenant: 'demo', roles: ['fachadministration'] });
  const einheitOe = await akten.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: fa, payload: { kuerzel: `T${kennzeichen.slice(-6)}`, name: 'Trennung' } });
  expect(einheitOe.statusCode, einheitOe.body).toBe(201);
  ids['/organisationseinheiten/{id}'] = einheitOe.json().id;
  const form = new FormData();
  form.set('betreff', 'Trennung');
  form.set('datumDesSchreibens', '2026-11-02');
  form.set('datei', new Blob(['Inhalt eines Schreibens']), 'schreiben.txt');
  const upload = new Request('http://x', { method: 'POST', body: form });
  const dok = await apps.dokumente!.inject({
    method: 'POST',
    url: `/api/v1/vorgaenge/${vorgang.json().id}/dokumente`,
    headers: { ...reg, 'content-type': upload.headers.get('content-type')! },
    payload: Buffer.from(await upload.arrayBuffer()),
  });
  expect(dok.statusCode, dok.body).toBe(201);
  ids['/dokumente/{id}'] = dok.json().id;
  const post = new FormData();
  post.set('betreff', 'Trennung');
  post.set('datei', new Blob(['Ein Brief ohne Vorgang']), 'brief.txt');
  const eingang = new Request('http://x', { method: 'POST', body: post });
  const eintrag = await apps.dokumente!.inject({
    method: 'POST',
    url: '/api/v1/posteingang',
    headers: { ...reg, 'content-type': eingang.headers.get('content-type')! },
    payload: Buffer.from(await eingang.arrayBuffer()),
  });
  expect(eintrag.statusCode, eintrag.body).toBe(201);
  ids['/posteingang/{id}'] = eintrag.json().id;
  const sperre = await apps.aussonderung!.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Trennung', grund: 'Trennung', akten: [akte.json().id] } });
  expect(sperre.statusCode, sperre.body).toBe(201);
  ids['/loeschsperren/{id}'] = sperre.json().id;
  // an Aussonderung needs due Akten; for this probe its process row is enough
  const db = createDb(inject('ownerUrl'), { max: 1 });
  try {
    const aussonderungId = crypto.randomUUID();
    await db.withMandant(inject('demo').demo!, (tx) => tx.insert(schema.aussonderung).values({ id: aussonderungId, mandantId: inject('demo').demo!, erstelltVon: 'demo-registratur' }));
    ids['/aussonderungen/{id}'] = aussonderungId;
    // a function mailbox (its secret need not decrypt for reading)
    const postfachId = crypto.randomUUID();
    await db.withMandant(inject('demo').demo!, (tx) =>
      tx.insert(schema.postfach).values({ id: postfachId, mandantId: inject('demo').demo!, bezeichnung: 'Trennung', host: '93.184.216.34', port: 993, benutzer: 'trennung', geheimnis: 'v1.x.y.z' }),
    );
    ids['/postfaecher/{id}'] = postfachId;
    // a scan batch (its row is enough for reading; its object is never fetched)
    const scanstapelId = crypto.randomUUID();
    const demo = inject('demo').demo!;
    await db.withMandant(demo, (tx) =>
      tx.insert(schema.scanstapel).values({
        id: scanstapelId,
        mandantId: demo,
        betreff: 'Trennung',
        eingangsdatum: '2026-11-02',
        gescanntVon: 'Trennung',
        gescanntAm: new Date(),
        geraet: 'Trennung',
        original: 'aufbewahren',
        speicherschluessel: `${demo}/${crypto.randomUUID()}`,
        groesse: 1,
        sha256: '0'.repeat(64),
        mimeType: 'application/pdf',
        dateiname: 'stapel.pdf',
        eingegangenVon: 'demo-registratur',
      }),
    );
    ids['/posteingang/scanstapel/{id}'] = scanstapelId;
  } finally {
    await db.close();
  }
}

const fixture = (path: string) => Object.entries(ids).find(([prefix]) => path.startsWith(prefix))?.[1];

beforeAll(async () => {
  apps = await alleDienste();
  await anlegen(apps.akten!);
});
afterAll(() => schliesseDienste(apps));

const mitId = operations(contract).filter((o) => o.path.includes('{id}'));
let geprueft = 0;
const lecks: string[] = [];

describe('tenant isolation of every operation with an id', () => {
  it('has a fixture for every such path', () => {
    const uncovered = [...new Set(mitId.map((o) => o.path))].filter((p) => !fixture(p));
    expect(uncovered, 'add fixtures for these paths').toEqual([]);
  });

  it.each(mitId.map((o) => [o.operationId, o] as const))("%s: another tenant's id answers like a missing one", async (_id, op) => {
    const fremdeId = fixture(op.path);
    if (!fremdeId) throw new Error(`no fixture for ${op.path}`);
    const headers = await authHeader({ tenant: 'demo2', roles: BERECHTIGUNGEN[op.operationId]!.filter((r) => r !== 'plattformbetrieb') });
    const body = beispielBody(op);
    const call = (id: string) =>
      apps[op.service]!.inject({
        method: op.method.toUpperCase() as 'GET',
        url: `/api/v1${probePfad(op, id)}`,
        headers: { ...headers, 'if-match': '"1"' },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    const fremd = await call(fremdeId);
    const fehlt = await call(MISSING);
    geprueft++;
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined, requestId: undefined });
    // anything but the very answer for a missing id tells the caller the object exists
    if (fremd.statusCode !== 404 || JSON.stringify(strip(fremd.body)) !== JSON.stringify(strip(fehlt.body))) lecks.push(`${op.operationId}: ${fremd.statusCode}`);
    expect(fremd.statusCode, fremd.body).toBe(404);
    expect(fehlt.statusCode, fehlt.body).toBe(404);
    expectContract(fremd, op.operationId);
    expect(strip(fremd.body)).toEqual(strip(fehlt.body));
  });

  it('left the objects of tenant demo unchanged', async () => {
    const h = await authHeader({ tenant: 'demo', roles: ['registratur'] });
    const akte = await apps.akten!.inject({ method: 'GET', url: `/api/v1/akten/${ids['/akten/{id}']}`, headers: h });
    expect(akte.json()).toMatchObject({ version: 1, status: 'offen' });
    const vorgang = await apps.akten!.inject({ method: 'GET', url: `/api/v1/vorgaenge/${ids['/vorgaenge/{id}']}`, headers: h });
    expect(vorgang.json()).toMatchObject({ version: 1, status: 'offen' });
    const dok = await apps.dokumente!.inject({ method: 'GET', url: `/api/v1/dokumente/${ids['/dokumente/{id}']}/versionen`, headers: h });
    expect(dok.json().items).toHaveLength(1);
    const eintrag = await apps.dokumente!.inject({ method: 'GET', url: `/api/v1/posteingang/${ids['/posteingang/{id}']}`, headers: h });
    expect(eintrag.json()).toMatchObject({ status: 'offen', dokumentId: null });
  });

  it("lists none of tenant demo's users in the user directory of demo2", async () => {
    const name = `Trennung ${Date.now().toString(36)}`;
    const fa = await authHeader({ tenant: 'demo', roles: ['fachadministration'] });
    const gesetzt = await apps.akten!.inject({ method: 'PUT', url: '/api/v1/benutzer/trennung-demo', headers: fa, payload: { name, freigabe: 'offen', organisationseinheiten: [] } });
    expect(gesetzt.statusCode, gesetzt.body).toBe(200);
    const suche = async (tenant: string) =>
      (await apps.akten!.inject({ method: 'GET', url: `/api/v1/benutzer?suche=${encodeURIComponent(name)}`, headers: await authHeader({ tenant, roles: ['sachbearbeitung'] }) })).json().items;
    expect(await suche('demo')).toEqual([{ sub: 'trennung-demo', name, organisationseinheiten: [] }]);
    expect(await suche('demo2')).toEqual([]);
  });

  it("passes none of demo2's Posteingang items on to an org unit or a user of demo: the answer of an unknown receiver", async () => {
    const fa = await authHeader({ tenant: 'demo', roles: ['fachadministration'] });
    expect((await apps.akten!.inject({ method: 'PUT', url: '/api/v1/benutzer/zuleitung-demo', headers: fa, payload: { freigabe: 'offen', organisationseinheiten: [] } })).statusCode).toBe(200);
    const reg2 = await authHeader({ tenant: 'demo2', roles: ['registratur'] });
    const post = new FormData();
    post.set('betreff', 'Zuleitung');
    post.set('datei', new Blob(['Ein Brief an demo2']), 'brief.txt');
    const req = new Request('http://x', { method: 'POST', body: post });
    const eintrag = await apps.dokumente!.inject({
      method: 'POST',
      url: '/api/v1/posteingang',
      headers: { ...reg2, 'content-type': req.headers.get('content-type')! },
      payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(eintrag.statusCode, eintrag.body).toBe(201);
    const weiter = (an: Record<string, string>) => apps.dokumente!.inject({ method: 'POST', url: `/api/v1/posteingang/${eintrag.json().id}/zuordnung`, headers: reg2, payload: { an } });
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined, requestId: undefined });
    const fremdeOe = await weiter({ organisationseinheitId: ids['/organisationseinheiten/{id}']! });
    const keineOe = await weiter({ organisationseinheitId: MISSING });
    expect(fremdeOe.statusCode, fremdeOe.body).toBe(404);
    expect(strip(fremdeOe.body)).toEqual(strip(keineOe.body));
    expect(fremdeOe.json().code).toBe('POSTEINGANG_EMPFAENGER_UNBEKANNT');
    const fremderBenutzer = await weiter({ sub: 'zuleitung-demo' });
    const keinBenutzer = await weiter({ sub: 'zuleitung-niemand' });
    expect(fremderBenutzer.statusCode, fremderBenutzer.body).toBe(404);
    expect(strip(fremderBenutzer.body)).toEqual(strip(keinBenutzer.body));
    const danach = await apps.dokumente!.inject({ method: 'GET', url: `/api/v1/posteingang/${eintrag.json().id}`, headers: reg2 });
    expect(danach.json()).toMatchObject({ status: 'offen', an: null });
  });

  it('probed every operation with an id', (context) => {
    expect(geprueft).toBe(mitId.length);
    expect(lecks).toEqual([]);
    berichte(context, 'mandantentrennung (service, inject)', `${geprueft} operations probed with another tenant's ids, ${lecks.length} leaks`);
  });
});
