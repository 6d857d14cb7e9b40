import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { baueApp, lade, neuerMandant, neuerVorgang, pdf, schliesseVorgang, type Mandant, type TestApp } from './hilfen.js';

async function patch(t: TestApp, m: Mandant, id: string, body: unknown, headers: Record<string, string> = {}, rolle = 'sachbearbeitung') {
  return t.app.inject({ method: 'PATCH', url: `/api/v1/dokumente/${id}`, payload: body as object, headers: { ...(await m.header(rolle)), ...headers } });
}

describe('GET/PATCH /dokumente/{id}', () => {
  it('changes metadata only with the current ETag (428 without, 412 stale) and audits old and new values', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() })).json();
    const get = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}`, headers: await m.header('fachadministration') });
    expect(get.statusCode).toBe(200);
    expectContract(get, 'getDokument');
    const tag = get.headers.etag as string;

    const ohne = await patch(t, m, dok.id, { betreff: 'Neu' });
    expectProblem(ohne, 428, 'VORBEDINGUNG_ERFORDERLICH');
    expectContract(ohne, 'updateDokument');
    const ok = await patch(t, m, dok.id, { betreff: 'Antrag (ergänzt)', eingangsdatum: '2026-03-03', bemerkung: null }, { 'if-match': tag });
    expect(ok.statusCode, ok.body).toBe(200);
    expectContract(ok, 'updateDokument');
    expect(ok.json()).toMatchObject({ betreff: 'Antrag (ergänzt)', eingangsdatum: '2026-03-03', aktuelleVersion: { nr: 1 } });
    expect(ok.headers.etag).not.toBe(tag);
    const alt = await patch(t, m, dok.id, { betreff: 'Nochmal' }, { 'if-match': tag });
    expectProblem(alt, 412, 'VORBEDINGUNG_FEHLGESCHLAGEN');
    expectContract(alt, 'updateDokument');

    expect(t.protokoll.find((e) => e.aktion === 'dokument.geaendert')).toMatchObject({
      objektId: dok.id,
      akteId: v.akteId,
      aenderungen: [
        { feld: 'betreff', alt: 'Antrag auf Baugenehmigung', neu: 'Antrag (ergänzt)' },
        { feld: 'eingangsdatum', alt: null, neu: '2026-03-03' },
      ],
    });
    expectProblem(await patch(t, m, dok.id, { unbekannt: 1 }, { 'if-match': ok.headers.etag as string }), 400, 'VALIDIERUNGSFEHLER');
    expectProblem(await patch(t, m, dok.id, { betreff: 'x' }, { 'if-match': '*' }, 'fachadministration'), 403, 'KEINE_BERECHTIGUNG');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}`, headers: await m.header('pruefung') }), 403, 'KEINE_BERECHTIGUNG');
  });

  it('keeps the Postausgangsdatum (ausgangsdatum) of an outgoing Dokument: filed with the upload, changed and cleared by PATCH, validated', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const neu = await lade(t, m, v.vorgangId, { name: 'bescheid.pdf', inhalt: await pdf() }, { felder: { ausgangsdatum: '2026-03-04' } });
    expect(neu.statusCode, neu.body).toBe(201);
    expectContract(neu, 'createDokument');
    expect(neu.json()).toMatchObject({ ausgangsdatum: '2026-03-04', eingangsdatum: null });
    const falsch = await lade(t, m, v.vorgangId, { name: 'b.pdf', inhalt: await pdf() }, { felder: { ausgangsdatum: '2026-02-30' } });
    expect(falsch.statusCode, falsch.body).toBe(400);
    expect(falsch.json().detail).toContain('ausgangsdatum');
    const get = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${neu.json().id}`, headers: await m.header('sachbearbeitung') });
    expect(get.json().ausgangsdatum).toBe('2026-03-04');
    const ok = await patch(t, m, neu.json().id, { ausgangsdatum: '2026-03-05' }, { 'if-match': get.headers.etag as string });
    expect(ok.statusCode, ok.body).toBe(200);
    expectContract(ok, 'updateDokument');
    expect(ok.json().ausgangsdatum).toBe('2026-03-05');
    expect(t.protokoll.at(-1)).toMatchObject({ aktion: 'dokument.geaendert', aenderungen: [{ feld: 'ausgangsdatum', alt: '2026-03-04', neu: '2026-03-05' }] });
    expectProblem(await patch(t, m, neu.json().id, { ausgangsdatum: '5.3.2026' }, { 'if-match': ok.headers.etag as string }), 400, 'VALIDIERUNGSFEHLER');
    const leer = await patch(t, m, neu.json().id, { ausgangsdatum: null }, { 'if-match': ok.headers.etag as string });
    expect(leer.statusCode, leer.body).toBe(200);
    expect(leer.json().ausgangsdatum).toBeNull();
  });

  it('lets only the Registratur change a Dokument of a closed Vorgang, with a reason', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() })).json();
    await schliesseVorgang(m.id, v.vorgangId);
    const sb = await patch(t, m, dok.id, { betreff: 'Neu' }, { 'if-match': '*' });
    expectProblem(sb, 409, 'OBJEKT_GESCHLOSSEN');
    expectContract(sb, 'updateDokument');
    // without a reason: 422 with a field error on /grund, as in the Akten service
    const ohneGrund = await patch(t, m, dok.id, { betreff: 'Neu' }, { 'if-match': '*' }, 'registratur');
    expectProblem(ohneGrund, 422, 'GRUND_ERFORDERLICH');
    expectContract(ohneGrund, 'updateDokument');
    expect(ohneGrund.json().fehler).toEqual([expect.objectContaining({ feld: '/grund' })]);
    const ok = await patch(t, m, dok.id, { betreff: 'Neu', grund: 'Schreibfehler im Betreff' }, { 'if-match': '*' }, 'registratur');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(t.protokoll.at(-1)).toMatchObject({ aktion: 'dokument.geaendert', details: { grund: 'Schreibfehler im Betreff' } });
  });

  it("answers another tenant's Dokument like a missing one for every operation", async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() })).json();
    const fremd = await neuerMandant();
    const MISSING = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a';
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined, requestId: undefined });
    for (const [method, pfad, op] of [
      ['GET', '', 'getDokument'],
      ['PATCH', '', 'updateDokument'],
      ['GET', '/versionen', 'listDokumentVersionen'],
      ['GET', '/inhalt', 'getDokumentInhalt'],
      ['GET', '/versionen/1/inhalt', 'getDokumentVersionInhalt'],
    ] as const) {
      const call = async (id: string) =>
        t.app.inject({
          method,
          url: `/api/v1/dokumente/${id}${pfad}`,
          headers: { ...(await fremd.header()), 'if-match': '*' },
          ...(method === 'PATCH' ? { payload: { betreff: 'fremd' } } : {}),
        });
      const a = await call(dok.id);
      const b = await call(MISSING);
      expectProblem(a, 404, 'NICHT_GEFUNDEN');
      expectContract(a, op);
      expect(strip(a.body)).toEqual(strip(b.body));
    }
  });
});

describe('GET /vorgaenge/{id}/dokumente', () => {
  it('pages with limit and cursor, oldest first, and rejects a forged cursor', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const ids: string[] = [];
    for (const betreff of ['eins', 'zwei', 'drei']) {
      ids.push((await lade(t, m, v.vorgangId, { name: `${betreff}.pdf`, inhalt: await pdf(betreff) }, { felder: { betreff } })).json().id);
    }
    const url = `/api/v1/vorgaenge/${v.vorgangId}/dokumente`;
    const s1 = await t.app.inject({ method: 'GET', url: `${url}?limit=2`, headers: await m.header() });
    expect(s1.statusCode).toBe(200);
    expectContract(s1, 'listDokumente');
    expect(s1.json().items.map((d: { id: string }) => d.id)).toEqual(ids.slice(0, 2));
    const s2 = await t.app.inject({ method: 'GET', url: `${url}?limit=2&cursor=${s1.json().nextCursor}`, headers: await m.header() });
    expect(s2.json()).toMatchObject({ items: [{ id: ids[2], betreff: 'drei' }], nextCursor: null });
    expectProblem(await t.app.inject({ method: 'GET', url: `${url}?cursor=AAAA`, headers: await m.header() }), 400, 'UNGUELTIGER_CURSOR');
    const fehlt = await t.app.inject({ method: 'GET', url: `/api/v1/vorgaenge/01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a/dokumente`, headers: await m.header() });
    expectProblem(fehlt, 404, 'NICHT_GEFUNDEN');
    expectContract(fehlt, 'listDokumente');
    const fremd = await neuerMandant();
    expectProblem(await t.app.inject({ method: 'GET', url, headers: await fremd.header() }), 404, 'NICHT_GEFUNDEN');
  });
});
