import { expectContract, expectProblem } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auth, baue, eindeutig, neueAkte, neueEinheit, neuerMandant } from './hilfen.js';

async function setzeBenutzer(app: FastifyInstance, tenant: string, sub: string, freigabe: string, organisationseinheiten: string[] = []) {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/benutzer/${sub}`,
    headers: await auth(tenant, 'fachadministration'),
    payload: { name: sub, freigabe, organisationseinheiten },
  });
  expect(res.statusCode, res.body).toBe(200);
  expectContract(res, 'setBenutzer');
  return res.json();
}

async function neueOe(app: FastifyInstance, tenant: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/organisationseinheiten',
    headers: await auth(tenant, 'fachadministration'),
    payload: { kuerzel: `OE ${eindeutig()}`, name: 'Testreferat' },
  });
  expect(res.statusCode, res.body).toBe(201);
  expectContract(res, 'createOrganisationseinheit');
  return res.json() as { id: string; kuerzel: string };
}

describe('clearance (Vertraulichkeitsstufe)', () => {
  it('hides a VS-NfD Akte from an offen user (404, lists, search) and shows it to a vs-nfd user', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const nfd = `nfd-${eindeutig()}`;
    const offen = `offen-${eindeutig()}`;
    await setzeBenutzer(app, 'demo', nfd, 'vs-nfd');
    const betreff = `Geheimsache${eindeutig()}`;
    const res = await neueAkte(app, e.id, { betreff, vertraulichkeitsstufe: '002' }, { sub: nfd });
    expect(res.statusCode, res.body).toBe(201);
    const akte = res.json();

    const hNfd = await auth('demo', 'sachbearbeitung', nfd);
    const hOffen = await auth('demo', 'sachbearbeitung', offen);
    expect((await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: hNfd })).statusCode).toBe(200);
    const versteckt = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: hOffen });
    expectProblem(versteckt, 404, 'NICHT_GEFUNDEN');
    expectContract(versteckt, 'getAkte');
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: hOffen, payload: { betreff: 'x' } }), 404);

    const liste = (h: Record<string, string>) => app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}`, headers: h });
    expect((await liste(hNfd)).json().items.map((a: { id: string }) => a.id)).toEqual([akte.id]);
    expect((await liste(hOffen)).json().items).toEqual([]);

    const suche = (h: Record<string, string>) => app.inject({ method: 'GET', url: `/api/v1/suche?q=${betreff}`, headers: h });
    expect((await suche(hNfd)).json().items.map((t: { id: string }) => t.id)).toEqual([akte.id]);
    expect((await suche(hOffen)).json().items).toEqual([]);
  });

  it('refuses to file above the own clearance, and levels above VS-NfD unless the tenant allows them', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const ueber = await neueAkte(app, e.id, { vertraulichkeitsstufe: '002' }, { sub: `offen-${eindeutig()}` });
    expectProblem(ueber, 422, 'NICHT_VERARBEITBAR');
    const hoch = `geheim-${eindeutig()}`;
    await setzeBenutzer(app, 'demo', hoch, 'geheim');
    const vertraulich = await neueAkte(app, e.id, { vertraulichkeitsstufe: '005' }, { sub: hoch });
    const body = expectProblem(vertraulich, 422, 'NICHT_VERARBEITBAR');
    expectContract(vertraulich, 'createAkte');
    expect(body.detail).toMatch(/über VS-NfD/);

    const tenant = await neuerMandant({ hoehereEinstufungenErlaubt: true });
    const e2 = await neueEinheit(app, tenant);
    await setzeBenutzer(app, tenant, hoch, 'geheim');
    const erlaubt = await neueAkte(app, e2.id, { vertraulichkeitsstufe: '005' }, { tenant, sub: hoch });
    expect(erlaubt.statusCode, erlaubt.body).toBe(201);
    // a vs-nfd user of that tenant does not see it
    const nfd = `nfd-${eindeutig()}`;
    await setzeBenutzer(app, tenant, nfd, 'vs-nfd');
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/akten/${erlaubt.json().id}`, headers: await auth(tenant, 'sachbearbeitung', nfd) }), 404);
  });
});

describe('org-unit visibility (tenant setting)', () => {
  it('shows the whole agency by default', async () => {
    const { app } = await baue();
    const oe = await neueOe(app, 'demo');
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id, { federfuehrung: oe.id })).json();
    expect(akte.federfuehrung).toBe(oe.id);
    const fremd = await auth('demo', 'sachbearbeitung', `andere-${eindeutig()}`);
    expect((await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: fremd })).statusCode).toBe(200);
  });

  it("limits clerks to their org units' Akten when the tenant chooses it; registratur sees all", async () => {
    const { app } = await baue();
    const tenant = await neuerMandant({ sichtbarkeit: 'organisationseinheit' });
    const [a, b] = [await neueOe(app, tenant), await neueOe(app, tenant)];
    const inA = `a-${eindeutig()}`;
    const inB = `b-${eindeutig()}`;
    const ohne = `ohne-${eindeutig()}`;
    await setzeBenutzer(app, tenant, inA, 'offen', [a.id]);
    await setzeBenutzer(app, tenant, inB, 'offen', [b.id]);
    const e = await neueEinheit(app, tenant);

    // Federführung defaults to the creator's org unit
    const akte = await neueAkte(app, e.id, { betreff: 'Nur für A' }, { tenant, sub: inA });
    expect(akte.statusCode, akte.body).toBe(201);
    expect(akte.json().federfuehrung).toBe(a.id);
    // without an org unit a clerk cannot create an Akte nobody would see
    expectProblem(await neueAkte(app, e.id, {}, { tenant, sub: ohne }), 422, 'NICHT_VERARBEITBAR');

    const url = `/api/v1/akten/${akte.json().id}`;
    expect((await app.inject({ method: 'GET', url, headers: await auth(tenant, 'sachbearbeitung', inA) })).statusCode).toBe(200);
    expectProblem(await app.inject({ method: 'GET', url, headers: await auth(tenant, 'sachbearbeitung', inB) }), 404, 'NICHT_GEFUNDEN');
    expect((await app.inject({ method: 'GET', url, headers: await auth(tenant, 'registratur', ohne) })).statusCode).toBe(200);

    const listeB = await app.inject({ method: 'GET', url: '/api/v1/akten', headers: await auth(tenant, 'sachbearbeitung', inB) });
    expect(listeB.json().items).toEqual([]);
    const sucheB = await app.inject({ method: 'GET', url: '/api/v1/suche?q=Nur', headers: await auth(tenant, 'sachbearbeitung', inB) });
    expect(sucheB.json().items).toEqual([]);
    const sucheA = await app.inject({ method: 'GET', url: '/api/v1/suche?q=Nur', headers: await auth(tenant, 'sachbearbeitung', inA) });
    expect(sucheA.json().items.map((t: { id: string }) => t.id)).toEqual([akte.json().id]);
  });
});

describe('org units and users', () => {
  it('are managed by fachadministration only; duplicate Kürzel 409; unknown org unit 422', async () => {
    const { app, ereignisse } = await baue();
    const oe = await neueOe(app, 'demo');
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'organisationseinheit.erstellt', objektId: oe.id });
    const doppelt = await app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: await auth('demo', 'fachadministration'), payload: { kuerzel: oe.kuerzel, name: 'x' } });
    expectProblem(doppelt, 409, 'KONFLIKT');
    expectContract(doppelt, 'createOrganisationseinheit');
    const clerk = await app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: await auth('demo', 'sachbearbeitung'), payload: { kuerzel: 'x', name: 'x' } });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');
    const liste = await app.inject({ method: 'GET', url: '/api/v1/organisationseinheiten', headers: await auth('demo', 'sachbearbeitung') });
    expectContract(liste, 'listOrganisationseinheiten');
    expect(liste.json().items.map((o: { id: string }) => o.id)).toContain(oe.id);
    // another tenant's org unit is unknown here
    const fremd = await app.inject({ method: 'PUT', url: '/api/v1/benutzer/x', headers: await auth('demo2', 'fachadministration'), payload: { freigabe: 'offen', organisationseinheiten: [oe.id] } });
    expectProblem(fremd, 422, 'NICHT_VERARBEITBAR');
    expectContract(fremd, 'setBenutzer');
    const b = await setzeBenutzer(app, 'demo', `u-${eindeutig()}`, 'vs-nfd', [oe.id]);
    expect(b).toMatchObject({ freigabe: 'vs-nfd', organisationseinheiten: [oe.id] });
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'benutzer.gesetzt', aenderungen: expect.arrayContaining([{ feld: 'freigabe', alt: 'offen', neu: 'vs-nfd' }]) });
  });
});
