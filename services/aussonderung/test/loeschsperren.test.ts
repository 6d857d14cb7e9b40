import { expectContract, expectProblem } from '@eakte/testing';
import { schema } from '@eakte/db';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { auth, bestand, baue, eindeutig, mandantId, neuerMandant, offeneAkte, ownerDb } from './hilfen.js';

describe('Löschsperren', () => {
  it('are placed, listed and released by registratur; pruefung reads; others nothing', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2 });
    const neu = await app.inject({
      method: 'POST',
      url: '/api/v1/loeschsperren',
      headers: await auth(t, 'registratur'),
      payload: { bezeichnung: 'Verfahren VG Weimar', grund: 'Klage gegen den Bescheid – Beweissicherung', aktenzeichenGericht: '7 K 123/26 We', akten: b.akten.map((a) => a.id) },
    });
    expectContract(neu, 'createLoeschsperre');
    expect(neu.statusCode).toBe(201);
    const sperre = neu.json();
    expect(sperre).toMatchObject({ aktiv: true, akten: [...b.akten.map((a) => a.id)].sort(), aktenzeichenGericht: '7 K 123/26 We' });
    expect(
      ereignisse
        .filter((e) => e.aktion === 'loeschsperre.angelegt')
        .map((e) => e.objektId)
        .sort(),
    ).toEqual(b.akten.map((a) => a.id).sort());
    // a search of the Protokoll by Aktenzeichen finds the hold's events (issue 19)
    const mitZeichen = (aktion: string) => ereignisse.filter((e) => e.aktion === aktion).map((e) => [e.objektId, e.aktenzeichen]);
    expect(mitZeichen('loeschsperre.angelegt').sort()).toEqual(b.akten.map((a) => [a.id, a.aktenzeichen]).sort());

    for (const rolle of ['registratur', 'pruefung']) {
      const liste = await app.inject({ method: 'GET', url: `/api/v1/loeschsperren?akte=${b.akten[0]!.id}`, headers: await auth(t, rolle) });
      expectContract(liste, 'listLoeschsperren');
      expect(liste.json().items.map((s: { id: string }) => s.id)).toEqual([sperre.id]);
    }
    for (const rolle of ['sachbearbeitung', 'fachadministration', 'fachverfahren']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/loeschsperren', headers: await auth(t, rolle) });
      expectContract(res, 'listLoeschsperren');
      expectProblem(res, 403, 'KEINE_BERECHTIGUNG');
    }
    const pruefungSetzt = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: await auth(t, 'pruefung'), payload: { bezeichnung: 'x', grund: 'y', akten: [b.akten[0]!.id] } });
    expectProblem(pruefungSetzt, 403);

    const auf = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.id}?grund=${encodeURIComponent('Urteil rechtskräftig')}`, headers: await auth(t, 'registratur') });
    expectContract(auf, 'aufhebenLoeschsperre');
    expect(auf.json()).toMatchObject({ aktiv: false, aufhebungsgrund: 'Urteil rechtskräftig', aufgehobenVon: `${t}-registratur` });
    expect(mitZeichen('loeschsperre.aufgehoben').sort()).toEqual(b.akten.map((a) => [a.id, a.aktenzeichen]).sort());
    const nochmal = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.id}?grund=x`, headers: await auth(t, 'registratur') });
    expectContract(nochmal, 'aufhebenLoeschsperre');
    expectProblem(nochmal, 409, 'KONFLIKT');
    const zweite = (
      await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: await auth(t, 'registratur'), payload: { bezeichnung: 'Zweite', grund: 'g', akten: [b.akten[0]!.id] } })
    ).json();
    const ohneGrund = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${zweite.id}`, headers: await auth(t, 'registratur') });
    expectContract(ohneGrund, 'aufhebenLoeschsperre');
    expectProblem(ohneGrund, 400, 'VALIDIERUNGSFEHLER');

    const aktiv = await app.inject({ method: 'GET', url: `/api/v1/loeschsperren?aktiv=false&akte=${b.akten[0]!.id}`, headers: await auth(t, 'pruefung') });
    expect(aktiv.json().items).toHaveLength(1);
  });

  it("refuses unknown Akten and hides another tenant's holds", async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1 });
    const fremd = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: await auth('demo2', 'registratur'), payload: { bezeichnung: 'x', grund: 'y', akten: [b.akten[0]!.id] } });
    expectContract(fremd, 'createLoeschsperre');
    expectProblem(fremd, 422, 'NICHT_VERARBEITBAR');
    const s = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: await auth(t, 'registratur'), payload: { bezeichnung: 'x', grund: 'y', akten: [b.akten[0]!.id] } })).json();
    const auf = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${s.id}?grund=z`, headers: await auth('demo2', 'registratur') });
    expectContract(auf, 'aufhebenLoeschsperre');
    expectProblem(auf, 404);
  });

  it('takes only the media types the contract names', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const xmlSperre = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: { ...(await auth(t, 'registratur')), 'content-type': 'application/xml' }, payload: '<akten/>' });
    expectContract(xmlSperre, 'createLoeschsperre');
    expectProblem(xmlSperre, 415, 'MEDIENTYP_NICHT_UNTERSTUETZT');
    const jsonImport = await app.inject({
      method: 'POST',
      url: '/api/v1/aussonderungen/01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a/importbestaetigung',
      headers: await auth(t, 'registratur'),
      payload: { a: 1 },
    });
    expectContract(jsonImport, 'postImportbestaetigung');
    expectProblem(jsonImport, 415, 'MEDIENTYP_NICHT_UNTERSTUETZT');
  });

  it('pages the holds with a cursor', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1 });
    for (let i = 0; i < 3; i++) {
      await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: await auth(t, 'registratur'), payload: { bezeichnung: `S${i}`, grund: 'g', akten: [b.akten[0]!.id] } });
    }
    const url = `/api/v1/loeschsperren?akte=${b.akten[0]!.id}&limit=2`;
    const s1 = await app.inject({ method: 'GET', url, headers: await auth(t, 'registratur') });
    expect(s1.json().items.map((s: { bezeichnung: string }) => s.bezeichnung)).toEqual(['S2', 'S1']);
    const s2 = await app.inject({ method: 'GET', url: `${url}&cursor=${s1.json().nextCursor}`, headers: await auth(t, 'registratur') });
    expectContract(s2, 'listLoeschsperren');
    expect(s2.json()).toMatchObject({ items: [{ bezeichnung: 'S0' }], nextCursor: null });
    expectProblem(await app.inject({ method: 'GET', url: `${url}&cursor=kaputt`, headers: await auth(t, 'registratur') }), 400);
  });
});

describe('due list', () => {
  it('lists due Akten not yet offered, flags held ones, filters by unit and year, pages by key', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 3, faelligAb: '2024-01-01' });
    await offeneAkte(t, b.einheitId, b.kennzeichen);
    await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: await auth(t, 'registratur'), payload: { bezeichnung: 'S', grund: 'g', akten: [b.akten[1]!.id] } });

    const url = `/api/v1/aussonderung/faellig?aktenplaneinheit=${b.einheitId}`;
    const alle = await app.inject({ method: 'GET', url, headers: await auth(t, 'registratur') });
    expectContract(alle, 'listFaelligeAkten');
    expect(alle.json().items.map((a: { id: string; gesperrt: boolean }) => [a.id, a.gesperrt])).toEqual(b.akten.map((a, i) => [a.id, i === 1]));
    expect(alle.json().items[0]).toMatchObject({ aktenplanKennzeichen: b.kennzeichen, aussonderungFaelligAb: '2024-01-01', aufbewahrungBis: '2025-12-31', aussonderungsart: 'B' });

    const seite1 = await app.inject({ method: 'GET', url: `${url}&limit=2`, headers: await auth(t, 'registratur') });
    const seite2 = await app.inject({ method: 'GET', url: `${url}&limit=2&cursor=${seite1.json().nextCursor}`, headers: await auth(t, 'registratur') });
    expect([...seite1.json().items, ...seite2.json().items].map((a: { id: string }) => a.id)).toEqual(b.akten.map((a) => a.id));
    expect(seite2.json().nextCursor).toBeNull();

    const jahr = await app.inject({ method: 'GET', url: `${url}&jahr=2025`, headers: await auth(t, 'registratur') });
    expect(jahr.json().items).toEqual([]);
    const jahr24 = await app.inject({ method: 'GET', url: `${url}&jahr=2024`, headers: await auth(t, 'registratur') });
    expect(jahr24.json().items).toHaveLength(3);

    const fremd = await app.inject({ method: 'GET', url, headers: await auth('demo2', 'registratur') });
    expect(fremd.json().items).toEqual([]);
    expectProblem(await app.inject({ method: 'GET', url, headers: await auth(t, 'pruefung') }), 403);
  });

  it('shows the Aussonderungsart a higher unit sets when neither the Akte nor its own unit sets one', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1 });
    const mandant = await mandantId(t);
    const obereId = uuidv7();
    await ownerDb().withMandant(mandant, async (tx) => {
      await tx.insert(schema.aktenplaneinheit).values({ id: obereId, mandantId: mandant, kennzeichen: `OB${eindeutig()}`, titel: 'Verkehr', aussonderungsart: 'A' });
      await tx.update(schema.aktenplaneinheit).set({ parentId: obereId, aussonderungsart: null }).where(eq(schema.aktenplaneinheit.id, b.einheitId));
    });
    const res = await app.inject({ method: 'GET', url: `/api/v1/aussonderung/faellig?aktenplaneinheit=${obereId}`, headers: await auth(t, 'registratur') });
    expectContract(res, 'listFaelligeAkten');
    expect(res.json().items.map((a: { id: string; aussonderungsart: string | null }) => [a.id, a.aussonderungsart])).toEqual([[b.akten[0]!.id, 'A']]);
  });
});
