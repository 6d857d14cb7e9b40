import { createHash } from 'node:crypto';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { schema } from '@eakte/db';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { baueApp, formular, lade, neuerBenutzer, neuerMandant, neuerVorgang, ownerDb, pdf, schliesseVorgang, type Mandant, type TestApp } from './hilfen.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const INHALT = Buffer.from(Array.from({ length: 5000 }, (_, i) => `Zeile ${i}: Grüße aus der Akte\n`).join(''));

async function mitDokument(t: TestApp, name = 'Bescheid für Müller (endgültig).txt') {
  const m = await neuerMandant();
  const v = await neuerVorgang(m.id);
  const res = await lade(t, m, v.vorgangId, { name, type: 'text/plain', inhalt: INHALT });
  expect(res.statusCode, res.body).toBe(201);
  return { m, v, dok: res.json() as { id: string } };
}

async function hole(t: TestApp, m: Mandant, url: string, headers: Record<string, string> = {}, rolle = 'sachbearbeitung') {
  return t.app.inject({ method: 'GET', url, headers: { ...(await m.header(rolle)), ...headers } });
}

describe('GET /dokumente/{id}/inhalt', () => {
  it('streams the content with length, SHA-256 ETag, RFC 6266 file name and nosniff, and audits the read', async () => {
    const t = await baueApp();
    const { m, v, dok } = await mitDokument(t);
    const res = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`);
    expect(res.statusCode).toBe(200);
    expectContract(res, 'getDokumentInhalt');
    expect(res.rawPayload.equals(INHALT)).toBe(true);
    expect(res.headers['content-length']).toBe(String(INHALT.length));
    expect(res.headers.etag).toBe(`"${sha(INHALT)}"`);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Bescheid fuer Mueller (endgueltig).txt"; filename*=UTF-8''Bescheid%20f%C3%BCr%20M%C3%BCller%20%28endg%C3%BCltig%29.txt`);
    expect(t.protokoll.filter((e) => e.aktion === 'dokument.inhalt.gelesen')).toEqual([
      expect.objectContaining({ objektId: dok.id, akteId: v.akteId, aktenzeichen: v.aktenzeichen, details: expect.objectContaining({ versionNr: 1 }) }),
    ]);
  });

  it('answers 304 to a current If-None-Match without reading storage, and audits it as a read (the client shows its copy)', async () => {
    const t = await baueApp();
    const { m, dok } = await mitDokument(t);
    const res = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { 'if-none-match': `"${sha(INHALT)}"` });
    expect(res.statusCode).toBe(304);
    expectContract(res, 'getDokumentInhalt');
    expect(res.body).toBe('');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(t.protokoll.filter((e) => e.aktion === 'dokument.inhalt.gelesen')).toEqual([
      expect.objectContaining({ objektId: dok.id, details: expect.objectContaining({ versionNr: 1, antwort: 304 }) }),
    ]);
    const alt = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { 'if-none-match': '"veraltet"' });
    expect(alt.statusCode).toBe(200);
    expect(t.protokoll.filter((e) => e.aktion === 'dokument.inhalt.gelesen')).toHaveLength(2);
  });

  it('sends no 304 when its read cannot be audited', async () => {
    const t = await baueApp({
      protokolliere: async (_tx, _req, e) => {
        if (e.aktion === 'dokument.inhalt.gelesen') throw new Error('Protokoll nicht schreibbar');
      },
    });
    const { m, dok } = await mitDokument(t);
    const res = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { 'if-none-match': `"${sha(INHALT)}"` });
    expectProblem(res, 500, 'INTERNER_FEHLER');
  });

  it('keeps content out of caches: no-store by default, revalidated caching only for open content when allowed', async () => {
    const standard = await baueApp();
    const { m, dok } = await mitDokument(standard);
    expect((await hole(standard, m, `/api/v1/dokumente/${dok.id}/inhalt`)).headers['cache-control']).toBe('private, no-store');
    expect((await hole(standard, m, `/api/v1/dokumente/${dok.id}/versionen/1/inhalt`)).headers['cache-control']).toBe('private, no-store');

    const erlaubt = await baueApp({ dokumente: { DOKUMENTE_INHALT_CACHE: 'revalidieren' } });
    const offen = await hole(erlaubt, m, `/api/v1/dokumente/${dok.id}/inhalt`);
    expect(offen.headers['cache-control']).toBe('private, no-cache');
    // VS-NfD content never stays in a cache, whatever the setting
    const vsNfd = await neuerVorgang(m.id, { vertraulichkeitsstufe: '002' });
    await neuerBenutzer(m, 'registratur', 'vs-nfd');
    const geladen = await lade(erlaubt, m, vsNfd.vorgangId, { name: 'vs.txt', type: 'text/plain', inhalt: INHALT }, { headers: await m.header('registratur') });
    expect(geladen.statusCode, geladen.body).toBe(201);
    for (const headers of [{}, { range: 'bytes=0-9' }, { 'if-none-match': `"${sha(INHALT)}"` }] as Record<string, string>[]) {
      const res = await hole(erlaubt, m, `/api/v1/dokumente/${geladen.json().id}/inhalt`, headers, 'registratur');
      expect([200, 206, 304]).toContain(res.statusCode);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=100-', 100, INHALT.length - 1],
    ['bytes=-25', INHALT.length - 25, INHALT.length - 1],
    ['bytes=10-999999999', 10, INHALT.length - 1],
  ])('serves the single range %s as 206', async (range, start, ende) => {
    const t = await baueApp();
    const { m, dok } = await mitDokument(t);
    const res = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { range });
    expect(res.statusCode).toBe(206);
    expectContract(res, 'getDokumentInhalt');
    expect(res.headers['content-range']).toBe(`bytes ${start}-${ende}/${INHALT.length}`);
    expect(res.headers['content-length']).toBe(String(ende - start + 1));
    expect(res.rawPayload.equals(INHALT.subarray(start, ende + 1))).toBe(true);
    expect(t.protokoll.filter((e) => e.aktion === 'dokument.inhalt.gelesen')).toEqual([expect.objectContaining({ details: expect.objectContaining({ bereich: `${start}-${ende}` }) })]);
  });

  it.each(['bytes=0-1,5-9', 'bytes=abc', 'items=0-5', 'bytes=9-3', 'bytes=' + '9'.repeat(40) + '-'])('answers the odd range %s with the whole content', async (range) => {
    const t = await baueApp();
    const { m, dok } = await mitDokument(t);
    const res = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { range });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(INHALT)).toBe(true);
  });

  it('answers 416 with the size for a range beyond the end, and ignores Range when If-Range is stale', async () => {
    const t = await baueApp();
    const { m, dok } = await mitDokument(t);
    const res = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { range: `bytes=${INHALT.length}-` });
    expectProblem(res, 416, 'BEREICH_NICHT_ERFUELLBAR');
    expectContract(res, 'getDokumentInhalt');
    expect(res.headers['content-range']).toBe(`bytes */${INHALT.length}`);
    const veraltet = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { range: 'bytes=0-9', 'if-range': '"anders"' });
    expect(veraltet.statusCode).toBe(200);
    expect(veraltet.rawPayload.length).toBe(INHALT.length);
    const passend = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, { range: 'bytes=0-9', 'if-range': `"${sha(INHALT)}"` });
    expect(passend.statusCode).toBe(206);
  });

  it('keeps content from Fachadministration and Prüfung, and from other tenants', async () => {
    const t = await baueApp();
    const { m, dok } = await mitDokument(t);
    for (const rolle of ['fachadministration', 'pruefung']) {
      const res = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`, {}, rolle);
      expectProblem(res, 403, 'KEINE_BERECHTIGUNG');
      expectContract(res, 'getDokumentInhalt');
    }
    const fremd = await neuerMandant();
    const a = expectProblem(await hole(t, fremd, `/api/v1/dokumente/${dok.id}/inhalt`), 404, 'NICHT_GEFUNDEN');
    const b = expectProblem(await hole(t, fremd, `/api/v1/dokumente/01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a/inhalt`), 404, 'NICHT_GEFUNDEN');
    expect({ ...a, instance: undefined, requestId: undefined }).toEqual({ ...b, instance: undefined, requestId: undefined });
    expect(t.protokoll.filter((e) => e.aktion === 'dokument.inhalt.gelesen')).toEqual([]);
  });
});

describe('versions', () => {
  it("adds immutable versions, lists them and serves each one's content", async () => {
    const t = await baueApp();
    const { m, v, dok } = await mitDokument(t);
    const neu = await pdf('Zweite Fassung');
    const { payload, headers } = await formular({}, { name: 'fassung2.pdf', type: 'application/pdf', inhalt: neu });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${dok.id}/versionen`, payload, headers: { ...(await m.header()), ...headers } });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createDokumentVersion');
    expect(res.json()).toMatchObject({ nr: 2, mimeType: 'application/pdf', sha256: sha(neu), dateiname: 'fassung2.pdf' });
    expect(res.headers.location).toBe(`/api/v1/dokumente/${dok.id}/versionen/2/inhalt`);

    const liste = await hole(t, m, `/api/v1/dokumente/${dok.id}/versionen`);
    expectContract(liste, 'listDokumentVersionen');
    expect(liste.json().items.map((x: { nr: number; sha256: string }) => [x.nr, x.sha256])).toEqual([
      [1, sha(INHALT)],
      [2, sha(neu)],
    ]);

    const aktuell = await hole(t, m, `/api/v1/dokumente/${dok.id}/inhalt`);
    expect(aktuell.rawPayload.equals(neu)).toBe(true);
    const erste = await hole(t, m, `/api/v1/dokumente/${dok.id}/versionen/1/inhalt`);
    expect(erste.statusCode).toBe(200);
    expectContract(erste, 'getDokumentVersionInhalt');
    expect(erste.rawPayload.equals(INHALT)).toBe(true);
    expect((await hole(t, m, `/api/v1/dokumente/${dok.id}`)).json().aktuelleVersion.nr).toBe(2);
    expect(t.protokoll.map((e) => e.aktion)).toEqual(['dokument.erstellt', 'dokument.version.erstellt', 'dokument.inhalt.gelesen', 'dokument.inhalt.gelesen']);
    expect(t.protokoll[1]).toMatchObject({ akteId: v.akteId, aenderungen: [{ feld: 'aktuelleVersion', alt: 1, neu: 2 }] });

    const fehlt = await hole(t, m, `/api/v1/dokumente/${dok.id}/versionen/9/inhalt`);
    expectProblem(fehlt, 404, 'NICHT_GEFUNDEN');
    expectContract(fehlt, 'getDokumentVersionInhalt');
    expectProblem(await hole(t, m, `/api/v1/dokumente/${dok.id}/versionen/0/inhalt`), 400, 'VALIDIERUNGSFEHLER');
  });

  it('refuses a new version once the Vorgang is closed, and honours Idempotency-Key', async () => {
    const t = await baueApp();
    const { m, v, dok } = await mitDokument(t);
    const { payload, headers } = await formular({}, { name: 'b.txt', type: 'text/plain', inhalt: Buffer.from('zweite Fassung') });
    const post = async () => t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${dok.id}/versionen`, payload, headers: { ...(await m.header()), ...headers, 'idempotency-key': 'v2' } });
    const a = await post();
    const b = await post();
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json()).toEqual(a.json());
    expect((await hole(t, m, `/api/v1/dokumente/${dok.id}/versionen`)).json().items).toHaveLength(2);

    await schliesseVorgang(m.id, v.vorgangId);
    const zu = await t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${dok.id}/versionen`, payload, headers: { ...(await m.header()), ...headers } });
    expectProblem(zu, 409, 'OBJEKT_GESCHLOSSEN');
    expectContract(zu, 'createDokumentVersion');
  });
});

/**
 * What the Aussonderung service records after the archive confirmed the import (0506): the Akte archived, its
 * content removed. The process itself stays `abgegeben` (the database lets it be `abgeschlossen` only once
 * everything of it is archived or destroyed and recorded); the reads depend on the objects only.
 */
async function alsArchiviert(mandantId: string, objekt: { akteId: string; bewertung: 'A' | 'V'; unterbewertungen?: Record<string, 'A' | 'V'>; archivkennung: string }): Promise<string> {
  const aussonderungId = uuidv7();
  await ownerDb().withMandant(mandantId, async (tx) => {
    await tx.insert(schema.aussonderung).values({ id: aussonderungId, mandantId, erstelltVon: 'registratur', status: 'abgegeben' });
    await tx.insert(schema.aussonderungObjekt).values({ mandantId, aussonderungId, ...objekt, status: 'archiviert', erfolgreich: true, inhaltGeloeschtAm: new Date() });
  });
  return aussonderungId;
}

describe('content after an Aussonderung', () => {
  it('answers 410 with the archive id once the Aussonderung removed the content; metadata stays', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const id = (await lade(t, m, v.vorgangId, { name: 'bescheid.pdf', inhalt: await pdf('abgegeben') })).json().id as string;
    await alsArchiviert(m.id, { akteId: v.akteId, bewertung: 'A', archivkennung: 'DIMAG-4711' });
    const headers = await m.header('sachbearbeitung');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}/inhalt`, headers });
    const body = expectProblem(res, 410, 'INHALT_AUSGESONDERT');
    expectContract(res, 'getDokumentInhalt');
    expect(body).toMatchObject({ aussonderungsstatus: 'archiviert', archivkennung: 'DIMAG-4711' });
    expect(body.detail).toContain('DIMAG-4711');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}/versionen/1/inhalt`, headers }), 410, 'INHALT_AUSGESONDERT');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}`, headers })).statusCode).toBe(200);
  });

  it('per-Vorgang appraisal: the V-Vorgang of an archived Akte stays readable; once its destruction ran, 410 names the destruction, not the archive', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const planfeststellung = await neuerVorgang(m.id);
    const rechnungen = uuidv7();
    await ownerDb().withMandant(m.id, (tx) =>
      tx.insert(schema.vorgang).values({
        id: rechnungen,
        mandantId: m.id,
        akteId: planfeststellung.akteId,
        laufendeNummer: 2,
        kennzeichen: `${planfeststellung.aktenzeichen}-002`,
        betreff: 'Rechnungen',
        erstelltVon: 'test',
      }),
    );
    const a = (await lade(t, m, planfeststellung.vorgangId, { name: 'beschluss.pdf', inhalt: await pdf('beschluss') })).json().id as string;
    const v = (await lade(t, m, rechnungen, { name: 'rechnung.pdf', inhalt: await pdf('rechnung') })).json().id as string;
    // the Akte A, its Vorgang "Rechnungen" V: after the 0506 only the A-part's content was removed
    const aussonderungId = await alsArchiviert(m.id, { akteId: planfeststellung.akteId, bewertung: 'A', unterbewertungen: { [rechnungen]: 'V' }, archivkennung: 'DIMAG-4711' });
    const headers = await m.header('sachbearbeitung');
    const archiviert = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${a}/inhalt`, headers }), 410, 'INHALT_AUSGESONDERT');
    expect(archiviert).toMatchObject({ aussonderungsstatus: 'archiviert', archivkennung: 'DIMAG-4711' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${v}/inhalt`, headers })).statusCode).toBe(200);
    // the approved destruction of the V-part ran
    await ownerDb().withMandant(m.id, (tx) => tx.update(schema.aussonderungObjekt).set({ teilVernichtetAm: new Date() }).where(eq(schema.aussonderungObjekt.aussonderungId, aussonderungId)));
    const vernichtet = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${v}/inhalt`, headers }), 410, 'INHALT_AUSGESONDERT');
    expect(vernichtet).toMatchObject({ aussonderungsstatus: 'vernichtet', archivkennung: null });
    expect(vernichtet.detail).not.toContain('Archiv');
    expect(expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${a}/inhalt`, headers }), 410, 'INHALT_AUSGESONDERT')).toMatchObject({ archivkennung: 'DIMAG-4711' });
  });
  it('reverse mixed tree: the A-Vorgang of a V-Akte names the archive, the V-Vorgang stays readable until destroyed and then names the destruction and its protocol', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const gutachten = await neuerVorgang(m.id);
    const rechnungen = uuidv7();
    await ownerDb().withMandant(m.id, (tx) =>
      tx
        .insert(schema.vorgang)
        .values({ id: rechnungen, mandantId: m.id, akteId: gutachten.akteId, laufendeNummer: 2, kennzeichen: `${gutachten.aktenzeichen}-002`, betreff: 'Rechnungen', erstelltVon: 'test' }),
    );
    const a = (await lade(t, m, gutachten.vorgangId, { name: 'gutachten.pdf', inhalt: await pdf('gutachten') })).json().id as string;
    const v = (await lade(t, m, rechnungen, { name: 'rechnung.pdf', inhalt: await pdf('rechnung') })).json().id as string;
    // the Akte V, its Vorgang "Gutachten" A: transferred inside its Akte, its content removed after the 0506
    const aussonderungId = await alsArchiviert(m.id, { akteId: gutachten.akteId, bewertung: 'V', unterbewertungen: { [gutachten.vorgangId]: 'A' }, archivkennung: 'DIMAG-0042' });
    const headers = await m.header('sachbearbeitung');
    const archiviert = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${a}/inhalt`, headers }), 410, 'INHALT_AUSGESONDERT');
    expect(archiviert).toMatchObject({ aussonderungsstatus: 'archiviert', archivkennung: 'DIMAG-0042' });
    expect(archiviert.vernichtungsprotokollDokumentId).toBeUndefined();
    // nobody approved the destruction of the V-part yet: its content is there
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${v}/inhalt`, headers })).statusCode).toBe(200);
    await ownerDb().withMandant(m.id, async (tx) => {
      await tx.insert(schema.vernichtung).values({
        id: uuidv7(),
        mandantId: m.id,
        aussonderungId,
        beantragtVon: 'anna',
        beantragtVonName: 'Anna',
        freigegebenVon: 'bernd',
        freigegebenVonName: 'Bernd',
        freigegebenAm: new Date(),
        protokollSchluessel: 'p',
        protokollSha256: 'x'.repeat(64),
      });
      await tx.update(schema.aussonderungObjekt).set({ teilVernichtetAm: new Date() }).where(eq(schema.aussonderungObjekt.aussonderungId, aussonderungId));
    });
    const vernichtet = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${v}/inhalt`, headers }), 410, 'INHALT_AUSGESONDERT');
    expectContract(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${v}/inhalt`, headers }), 'getDokumentInhalt');
    expect(vernichtet).toMatchObject({ aussonderungsstatus: 'vernichtet', archivkennung: null, aussonderungId });
    expect(vernichtet.detail).not.toContain('Archiv');
    expect(vernichtet.detail).toContain(aussonderungId);
    expect(expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${a}/inhalt`, headers }), 410, 'INHALT_AUSGESONDERT')).toMatchObject({
      aussonderungsstatus: 'archiviert',
      archivkennung: 'DIMAG-0042',
    });
  });
});
