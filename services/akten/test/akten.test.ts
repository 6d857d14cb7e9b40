import { expectContract, expectProblem } from '@eakte/testing';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auth, baue, jahr, neueAkte, neueEinheit } from './hilfen.js';

describe('Akten', () => {
  it('creates an Akte with an Aktenzeichen from the tenant rule, an ETag, and reads it back', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app);
    const res = await neueAkte(app, e.id, { betreff: 'Ortsumgehung Musterstadt', bemerkung: 'Planung' });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createAkte');
    const akte = res.json();
    expect(akte).toMatchObject({
      aktenzeichen: `${e.kennzeichen}-0001/${jahr()}`,
      status: 'offen',
      vertraulichkeitsstufe: '003',
      medium: '001',
      aufbewahrungsfrist: 10,
      aufbewahrungsfristGeerbt: true,
      aussonderungsart: 'A',
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    expect(ereignisse.map((x) => x.aktion)).toEqual(['aktenplaneinheit.erstellt', 'akte.erstellt']);
    expect(ereignisse[1]).toMatchObject({ objektId: akte.id, aktenzeichen: akte.aktenzeichen });

    const zweite = await neueAkte(app, e.id);
    expect(zweite.json().aktenzeichen).toBe(`${e.kennzeichen}-0002/${jahr()}`);

    const get = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: await auth('demo', 'sachbearbeitung') });
    expect(get.statusCode).toBe(200);
    expectContract(get, 'getAkte');
    expect(get.headers.etag).toBe('"1"');
    expect(get.json()).toEqual(akte);
  });

  it('requires If-Match on PATCH: 428 without, 412 when stale, and audits old and new values', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id, { betreff: 'Alt' })).json();
    const url = `/api/v1/akten/${akte.id}`;
    const h = await auth('demo', 'sachbearbeitung');

    const ohne = await app.inject({ method: 'PATCH', url, headers: h, payload: { betreff: 'Neu' } });
    expectProblem(ohne, 428, 'VORBEDINGUNG_ERFORDERLICH');
    expectContract(ohne, 'updateAkte');

    const ok = await app.inject({ method: 'PATCH', url, headers: { ...h, 'if-match': '"1"' }, payload: { betreff: 'Neu', medium: '002' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expectContract(ok, 'updateAkte');
    expect(ok.json()).toMatchObject({ betreff: 'Neu', medium: '002', version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    expect(ereignisse.at(-1)).toMatchObject({
      aktion: 'akte.geaendert',
      objektId: akte.id,
      aenderungen: [
        { feld: 'betreff', alt: 'Alt', neu: 'Neu' },
        { feld: 'medium', alt: '001', neu: '002' },
      ],
    });

    const stale = await app.inject({ method: 'PATCH', url, headers: { ...h, 'if-match': '"1"' }, payload: { betreff: 'Noch neuer' } });
    expectProblem(stale, 412, 'VORBEDINGUNG_FEHLGESCHLAGEN');
    expectContract(stale, 'updateAkte');
    expect((await app.inject({ method: 'GET', url, headers: h })).json().betreff).toBe('Neu');
  });

  it('lets only registratur change retention', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const url = `/api/v1/akten/${akte.id}`;
    const clerk = await app.inject({ method: 'PATCH', url, headers: { ...(await auth('demo', 'sachbearbeitung')), 'if-match': '"1"' }, payload: { aufbewahrungsfrist: 30 } });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');
    const reg = await app.inject({ method: 'PATCH', url, headers: { ...(await auth('demo', 'registratur')), 'if-match': '"1"' }, payload: { aufbewahrungsfrist: 'unbefristet' } });
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json()).toMatchObject({ aufbewahrungsfrist: 'unbefristet', aufbewahrungsfristGeerbt: false });
  });

  it("answers another tenant's Akte and Vorgang exactly like missing ones", async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const vorgang = (await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: await auth('demo', 'sachbearbeitung'), payload: { betreff: 'V' } })).json();
    const fremd = await auth('demo2', 'registratur');
    const faelle: [string, string, string, unknown?][] = [
      ['GET', `/api/v1/akten/${akte.id}`, 'getAkte'],
      ['PATCH', `/api/v1/akten/${akte.id}`, 'updateAkte', { betreff: 'x' }],
      ['POST', `/api/v1/akten/${akte.id}/zda`, 'zdaAkte', {}],
      ['POST', `/api/v1/akten/${akte.id}/vorgaenge`, 'createVorgang', { betreff: 'x' }],
      ['GET', `/api/v1/akten/${akte.id}/vorgaenge`, 'listVorgaengeDerAkte'],
      ['POST', `/api/v1/akten/${akte.id}/wiederaufnahme`, 'wiederaufnahmeAkte', { grund: 'x' }],
      ['GET', `/api/v1/vorgaenge/${vorgang.id}`, 'getVorgang'],
      ['PATCH', `/api/v1/vorgaenge/${vorgang.id}`, 'updateVorgang', { betreff: 'x' }],
      ['POST', `/api/v1/vorgaenge/${vorgang.id}/zda`, 'zdaVorgang', {}],
      ['GET', `/api/v1/aktenplan/einheiten/${e.id}`, 'getAktenplaneinheit'],
      ['DELETE', `/api/v1/aktenplan/einheiten/${e.id}`, 'deleteAktenplaneinheit'],
    ];
    for (const [method, url, op, payload] of faelle) {
      const res = await app.inject({ method: method as 'GET', url, headers: { ...fremd, 'if-match': '"1"' }, ...(payload ? { payload: payload as object } : {}) });
      const body = expectProblem(res, 404, 'NICHT_GEFUNDEN');
      expectContract(res, op);
      expect(body.detail, `${method} ${url}`).toMatch(/nicht gefunden/);
    }
    // and the object is untouched
    const own = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: await auth('demo', 'sachbearbeitung') });
    expect(own.json()).toMatchObject({ status: 'offen', betreff: 'Testakte', version: 1 });
  });

  it('lists with filters and keyset pagination, sorted by Aktenzeichen or last change', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await neueAkte(app, e.id, { betreff: i % 2 === 0 ? `Straßenbau Abschnitt ${i}` : `Kanal ${i}` })).json().id);
    const h = await auth('demo', 'sachbearbeitung');

    const seiten: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: LightMyRequestResponse = await app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: h });
      expect(res.statusCode, res.body).toBe(200);
      expectContract(res, 'listAkten');
      seiten.push(res.json().items.map((a: { id: string }) => a.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seiten.map((s) => s.length)).toEqual([2, 2, 1]);
    expect(seiten.flat()).toEqual(ids);

    const strasse = await app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}&betreff=strassenbau`, headers: h });
    expect(strasse.json().items.map((a: { betreff: string }) => a.betreff)).toEqual(['Straßenbau Abschnitt 0', 'Straßenbau Abschnitt 2', 'Straßenbau Abschnitt 4']);

    // touching the first makes it the most recently changed
    await app.inject({ method: 'PATCH', url: `/api/v1/akten/${ids[0]}`, headers: { ...h, 'if-match': '"1"' }, payload: { bemerkung: 'x' } });
    const geaendert: string[] = [];
    cursor = null;
    do {
      const res: LightMyRequestResponse = await app.inject({
        method: 'GET',
        url: `/api/v1/akten?aktenplaneinheit=${e.id}&sortierung=geaendert&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        headers: h,
      });
      expectContract(res, 'listAkten');
      geaendert.push(...res.json().items.map((a: { id: string }) => a.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(geaendert).toEqual([ids[0], ids[4], ids[3], ids[2], ids[1]]);

    const geschlossen = await app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}&status=geschlossen`, headers: h });
    expect(geschlossen.json().items).toEqual([]);
    const laufzeit = await app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}&laufzeitBis=2000-01-01`, headers: h });
    expect(laufzeit.json().items).toEqual([]);
  });

  it('caps the page size at 200 and rejects a forged cursor with 400', async () => {
    const { app } = await baue();
    const h = await auth('demo', 'sachbearbeitung');
    const gross = await app.inject({ method: 'GET', url: '/api/v1/akten?limit=201', headers: h });
    expectProblem(gross, 400, 'VALIDIERUNGSFEHLER');
    expectContract(gross, 'listAkten');
    const kaputt = await app.inject({ method: 'GET', url: '/api/v1/akten?cursor=kaputt', headers: h });
    expectProblem(kaputt, 400, 'UNGUELTIGER_CURSOR');
  });

  it('refuses an unknown or retired Aktenplaneinheit with 422', async () => {
    const { app } = await baue();
    const alt = await neueEinheit(app, 'demo', { gueltigBis: '2020-12-31' });
    const res = await neueAkte(app, alt.id);
    expectProblem(res, 422, 'NICHT_VERARBEITBAR');
    expectContract(res, 'createAkte');
    expectProblem(await neueAkte(app, '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a'), 422, 'NICHT_VERARBEITBAR');
  });

  it('is forbidden for pruefung and plattformbetrieb', async () => {
    const { app } = await baue();
    const res = await app.inject({ method: 'GET', url: '/api/v1/akten', headers: await auth('demo', 'pruefung') });
    expectProblem(res, 403, 'KEINE_BERECHTIGUNG');
    expectContract(res, 'listAkten');
  });
});
