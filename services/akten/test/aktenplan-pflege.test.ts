import { createDb, schema, sql } from '@eakte/db';
import type { Protokollierer } from '@eakte/platform';
import { build, expectContract, expectProblem, testMandant } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { describe, expect, inject, it } from 'vitest';
import aktenApp from '../src/app.js';
import { auth, baue, eindeutig, jahr, neueAkte, neueEinheit } from './hilfen.js';

describe('Aktenplan maintenance (registratur)', () => {
  it('creates units under a parent whose Kennzeichen they extend; duplicates 409', async () => {
    const { app, ereignisse } = await baue();
    const wurzel = await neueEinheit(app);
    const h = await auth('demo', 'registratur');
    const kind = await app.inject({
      method: 'POST',
      url: '/api/v1/aktenplan/einheiten',
      headers: h,
      payload: { parentId: wurzel.id, kennzeichen: `${wurzel.kennzeichen}.1`, titel: 'Kind', aufbewahrungsfrist: 'unbefristet' },
    });
    expect(kind.statusCode, kind.body).toBe(201);
    expectContract(kind, 'createAktenplaneinheit');
    expect(kind.json()).toMatchObject({ parentId: wurzel.id, ebene: 2, aufbewahrungsfrist: 'unbefristet' });
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'aktenplaneinheit.erstellt', objektId: kind.json().id });

    const doppelt = await app.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: h, payload: { parentId: wurzel.id, kennzeichen: `${wurzel.kennzeichen}.1`, titel: 'x' } });
    expectProblem(doppelt, 409, 'KONFLIKT');
    expectContract(doppelt, 'createAktenplaneinheit');
    const falsch = await app.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: h, payload: { parentId: wurzel.id, kennzeichen: '99.1', titel: 'x' } });
    expectProblem(falsch, 422, 'NICHT_VERARBEITBAR');
    const ungueltig = await app.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: h, payload: { kennzeichen: 'a b', titel: 'x' } });
    expectProblem(ungueltig, 400, 'VALIDIERUNGSFEHLER');
    const clerk = await app.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: await auth('demo', 'sachbearbeitung'), payload: { kennzeichen: `T${eindeutig()}`, titel: 'x' } });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');

    // the Akte inherits retention from the nearest unit that has one
    const enkel = await app.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: h, payload: { parentId: kind.json().id, kennzeichen: `${wurzel.kennzeichen}.1.7`, titel: 'Enkel' } });
    const akte = (await neueAkte(app, enkel.json().id)).json();
    expect(akte).toMatchObject({ aufbewahrungsfrist: 'unbefristet', aufbewahrungsfristGeerbt: true, aussonderungsart: 'A', aktenzeichen: `${wurzel.kennzeichen}.1.7-0001/${jahr()}` });
  });

  it('changes units with If-Match, retires them, and deletes only unused ones', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app);
    const h = await auth('demo', 'registratur');
    const url = `/api/v1/aktenplan/einheiten/${e.id}`;
    const get = await app.inject({ method: 'GET', url, headers: h });
    expect(get.headers.etag).toBe('"1"');
    expectProblem(await app.inject({ method: 'PATCH', url, headers: h, payload: { titel: 'Neu' } }), 428, 'VORBEDINGUNG_ERFORDERLICH');
    const neu = await app.inject({ method: 'PATCH', url, headers: { ...h, 'if-match': '"1"' }, payload: { titel: 'Neu', aufbewahrungsfrist: 5 } });
    expect(neu.statusCode, neu.body).toBe(200);
    expectContract(neu, 'updateAktenplaneinheit');
    expect(neu.json()).toMatchObject({ titel: 'Neu', aufbewahrungsfrist: 5 });
    expect(neu.headers.etag).toBe('"2"');
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'aktenplaneinheit.geaendert', aenderungen: expect.arrayContaining([{ feld: 'aufbewahrungsfrist', alt: 10, neu: 5 }]) });
    const stale = await app.inject({ method: 'PATCH', url, headers: { ...h, 'if-match': '"1"' }, payload: { titel: 'x' } });
    expectProblem(stale, 412, 'VORBEDINGUNG_FEHLGESCHLAGEN');
    expectContract(stale, 'updateAktenplaneinheit');

    expect((await neueAkte(app, e.id)).statusCode).toBe(201);
    const loeschen = await app.inject({ method: 'DELETE', url, headers: h });
    const p = expectProblem(loeschen, 409, 'KONFLIKT');
    expectContract(loeschen, 'deleteAktenplaneinheit');
    expect(p.detail).toMatch(/ausgesondert/);
    const ruhestand = await app.inject({ method: 'PATCH', url, headers: { ...h, 'if-match': '"2"' }, payload: { gueltigBis: '2020-01-01' } });
    expect(ruhestand.statusCode, ruhestand.body).toBe(200);
    expectProblem(await neueAkte(app, e.id), 422, 'NICHT_VERARBEITBAR');

    const leer = await neueEinheit(app);
    const weg = await app.inject({ method: 'DELETE', url: `/api/v1/aktenplan/einheiten/${leer.id}`, headers: h });
    expect(weg.statusCode).toBe(204);
    expectContract(weg, 'deleteAktenplaneinheit');
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'aktenplaneinheit.geloescht', objektId: leer.id });
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aktenplan/einheiten/${leer.id}`, headers: h }), 404);
  });
});

describe('audit seam', () => {
  it("records in the change's transaction: when recording fails, the change and its number are rolled back", async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    let scheitern = true;
    const protokolliere: Protokollierer = async (tx) => {
      // the change is visible inside the same transaction
      const rows = await tx
        .select({ id: schema.akte.id })
        .from(schema.akte)
        .where((await import('drizzle-orm')).eq(schema.akte.aktenplaneinheitId, e.id));
      if (rows.length !== 1) throw new Error('Änderung nicht in derselben Transaktion sichtbar');
      if (scheitern) throw new Error('Protokoll nicht schreibbar');
    };
    const kaputt: FastifyInstance = await build((async (i: FastifyInstance, o: { config: never }) => aktenApp(i, { ...o, protokolliere })) as never);
    const res = await kaputt.inject({ method: 'POST', url: '/api/v1/akten', headers: await auth('demo', 'sachbearbeitung'), payload: { aktenplaneinheitId: e.id, betreff: 'x' } });
    expectProblem(res, 500, 'INTERNER_FEHLER');
    const liste = await app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}`, headers: await auth('demo', 'sachbearbeitung') });
    expect(liste.json().items).toEqual([]);
    scheitern = false;
    const ok = await kaputt.inject({ method: 'POST', url: '/api/v1/akten', headers: await auth('demo', 'sachbearbeitung'), payload: { aktenplaneinheitId: e.id, betreff: 'x' } });
    expect(ok.json().aktenzeichen).toBe(`${e.kennzeichen}-0001/${jahr()}`);
  });
});

describe('Protokoll of a change', () => {
  it('carries the request id and client IP of the request that made it', async () => {
    const m = await testMandant('rq');
    const app = await build((async (i: FastifyInstance, o: { config: never }) => aktenApp(i, o)) as never);
    try {
      const kennzeichen = `RQ${Date.now().toString(36).toUpperCase()}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/aktenplan/einheiten',
        headers: { ...(await auth(m.slug, 'registratur')), 'x-request-id': `anfrage-${kennzeichen}` },
        payload: { kennzeichen, titel: 'Anfragekennung', aufbewahrungsfrist: 10, aussonderungsart: 'A' },
      });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      const db = createDb(inject('ownerUrl'), { max: 1 });
      const rows = await db
        .withMandant(m.id, (tx) => tx.execute<{ request_id: string | null; client_ip: string | null }>(sql`select request_id, client_ip from protokoll.ereignis where objekt_id = ${id}`))
        .finally(() => db.close());
      expect(rows.rows).toEqual([{ request_id: `anfrage-${kennzeichen}`, client_ip: '127.0.0.1' }]);
    } finally {
      await app.close();
    }
  });
});
