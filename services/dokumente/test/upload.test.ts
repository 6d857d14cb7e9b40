import { createHash } from 'node:crypto';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { baueApp, formular, GIF, lade, META, neuerMandant, neuerVorgang, objekteUnter, pdf, PNG, speicher, spoolDateien, zeilen } from './hilfen.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const teile: Buffer[] = [];
  for await (const c of stream) teile.push(Buffer.from(c as Buffer));
  return Buffer.concat(teile);
}

describe('POST /vorgaenge/{id}/dokumente', () => {
  it('files a PDF: type from the content, SHA-256, sanitised name, object stored under an app key, audited', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const bytes = await pdf();
    const res = await lade(
      t,
      m,
      v.vorgangId,
      { name: '../../etc/\u202Egnp.pdf\u0007Antrag Müller.pdf', type: 'application/octet-stream', inhalt: bytes },
      {
        felder: { eingangsdatum: '2026-03-02', absender: 'Erika Müller' },
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createDokument');
    const dok = res.json();
    expect(dok).toMatchObject({
      vorgangId: v.vorgangId,
      akteId: v.akteId,
      betreff: META.betreff,
      datumDesSchreibens: '2026-02-27',
      eingangsdatum: '2026-03-02',
      absender: 'Erika Müller',
      bemerkung: null,
      integritaet: 'ungeprueft',
      aktuelleVersion: { nr: 1, groesse: bytes.length, sha256: sha(bytes), mimeType: 'application/pdf', herkunft: 'upload', dateiname: 'gnp.pdfAntrag Müller.pdf' },
    });
    expect(res.headers.location).toBe(`/api/v1/dokumente/${dok.id}`);
    expect(res.headers.etag).toMatch(/^".+"$/);

    const { versionen } = await zeilen(m.id);
    expect(versionen).toHaveLength(1);
    const key = versionen[0]!.speicherschluessel;
    expect(key).toMatch(new RegExp(`^${m.id}/[0-9a-f-]{36}$`));
    expect(key).not.toContain('Antrag');
    expect(sha(await streamBytes(await speicher().get(key)))).toBe(sha(bytes));

    expect(t.protokoll).toEqual([expect.objectContaining({ aktion: 'dokument.erstellt', objektTyp: 'dokument', objektId: dok.id, akteId: v.akteId, aktenzeichen: v.aktenzeichen })]);
    expect(spoolDateien(t)).toEqual([]);
  });

  it.each([
    ['plain text', 'notiz.txt', 'text/plain', Buffer.from('Sehr geehrte Damen und Herren,\nbitte prüfen Sie …\n'), 'text/plain'],
    ['XML', 'daten.xml', 'application/xml', Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<antrag><name>Müller</name></antrag>'), 'application/xml'],
    ['e-mail', 'mail.eml', 'message/rfc822', Buffer.from('From: a@example.org\r\nTo: b@example.org\r\nSubject: Antrag\r\nDate: Mon, 2 Mar 2026 09:00:00 +0100\r\n\r\nHallo'), 'message/rfc822'],
    ['PNG', 'scan.png', 'image/png', PNG, 'image/png'],
  ])('detects %s without magic bytes of its own', async (_n, name, type, inhalt, erwartet) => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const res = await lade(t, m, v.vorgangId, { name, type, inhalt });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().aktuelleVersion.mimeType).toBe(erwartet);
  });

  it('refuses an empty file with 422 DATEI_LEER (not as a type mismatch), for a new Dokument and a new version, storing nothing', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const leer = await lade(t, m, v.vorgangId, { name: 'notiz.txt', type: 'text/plain', inhalt: new Uint8Array(0) });
    expectProblem(leer, 422, 'DATEI_LEER');
    expectContract(leer, 'createDokument');
    const dok = (await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() })).json();
    const { payload, headers } = await formular({}, { name: 'leer.pdf', type: 'application/pdf', inhalt: new Uint8Array(0) });
    const version = await t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${dok.id}/versionen`, payload, headers: { ...(await m.header()), ...headers } });
    expectProblem(version, 422, 'DATEI_LEER');
    expect((await zeilen(m.id)).versionen).toHaveLength(1);
    expect(spoolDateien(t)).toEqual([]);
  });

  it('refuses a type outside the allow-list and a declared type the content contradicts with 415, storing nothing', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const gif = await lade(t, m, v.vorgangId, { name: 'bild.gif', type: 'image/gif', inhalt: GIF });
    expectProblem(gif, 415, 'FORMAT_NICHT_ERLAUBT');
    expectContract(gif, 'createDokument');
    const falsch = await lade(t, m, v.vorgangId, { name: 'rechnung.pdf', type: 'application/pdf', inhalt: PNG });
    expectProblem(falsch, 415, 'TYP_WIDERSPRICHT_INHALT');

    // a tenant that allows PDF only
    const streng = await neuerMandant({ erlaubteFormate: ['application/pdf'] });
    const sv = await neuerVorgang(streng.id);
    expectProblem(await lade(t, streng, sv.vorgangId, { name: 'scan.png', type: 'image/png', inhalt: PNG }), 415, 'FORMAT_NICHT_ERLAUBT');
    expect((await lade(t, streng, sv.vorgangId, { name: 'a.pdf', inhalt: await pdf() })).statusCode).toBe(201);

    expect((await zeilen(m.id)).dokumente).toEqual([]);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect(spoolDateien(t)).toEqual([]);
  });

  it("answers 413 past the tenant's size limit with nothing stored, and accepts exactly the limit", async () => {
    const t = await baueApp();
    const m = await neuerMandant({ maxUploadGroesse: 1000 });
    const v = await neuerVorgang(m.id);
    const zuGross = await lade(t, m, v.vorgangId, { name: 'a.txt', type: 'text/plain', inhalt: Buffer.alloc(1001, 'a') });
    expectProblem(zuGross, 413, 'DATEI_ZU_GROSS');
    expectContract(zuGross, 'createDokument');
    expect((await zeilen(m.id)).dokumente).toEqual([]);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect(spoolDateien(t)).toEqual([]);

    const genau = await lade(t, m, v.vorgangId, { name: 'a.txt', type: 'text/plain', inhalt: Buffer.alloc(1000, 'a') });
    expect(genau.statusCode, genau.body).toBe(201);
    expect(genau.json().aktuelleVersion.groesse).toBe(1000);
  });

  it('answers 409 OBJEKT_GESCHLOSSEN for a closed Vorgang or Akte and 404 for an unknown or foreign Vorgang', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const zu = await neuerVorgang(m.id, { vorgang: 'geschlossen' });
    const akteZu = await neuerVorgang(m.id, { akte: 'geschlossen' });
    for (const v of [zu, akteZu]) {
      const res = await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() });
      expectProblem(res, 409, 'OBJEKT_GESCHLOSSEN');
      expectContract(res, 'createDokument');
    }
    const fremd = await neuerMandant();
    const fv = await neuerVorgang(fremd.id);
    const a = expectProblem(await lade(t, m, fv.vorgangId, { name: 'a.pdf', inhalt: await pdf() }), 404, 'NICHT_GEFUNDEN');
    const b = expectProblem(await lade(t, m, '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a', { name: 'a.pdf', inhalt: await pdf() }), 404, 'NICHT_GEFUNDEN');
    expect({ ...a, instance: undefined, requestId: undefined }).toEqual({ ...b, instance: undefined, requestId: undefined });
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect(await objekteUnter(`${fremd.id}/`)).toEqual([]);
  });

  it('answers 400 for a missing file, missing or malformed fields, unknown parts and non-multipart bodies', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const url = `/api/v1/vorgaenge/${v.vorgangId}/dokumente`;
    const post = async (f: Awaited<ReturnType<typeof formular>>) => t.app.inject({ method: 'POST', url, payload: f.payload, headers: { ...(await m.header()), ...f.headers } });
    const datei = { name: 'a.pdf', inhalt: await pdf() };
    const ohneDatei = await post(await formular(META));
    expectProblem(ohneDatei, 400, 'UNGUELTIGES_FORMULAR');
    expectContract(ohneDatei, 'createDokument');
    expectProblem(await post(await formular({ datumDesSchreibens: '2026-02-27' }, datei)), 400, 'UNGUELTIGES_FORMULAR');
    const datum = expectProblem(await post(await formular({ ...META, datumDesSchreibens: '2026-02-30' }, datei)), 400, 'UNGUELTIGES_FORMULAR');
    expect(datum.detail).toContain('datumDesSchreibens');
    expectProblem(await post(await formular({ ...META, geheim: 'x' }, datei)), 400, 'UNGUELTIGES_FORMULAR');
    expectProblem(await post(await formular(META, datei, 'anhang')), 400, 'UNGUELTIGES_FORMULAR');
    const json = await t.app.inject({ method: 'POST', url, payload: META, headers: await m.header() });
    expectProblem(json, 415, 'MEDIENTYP_NICHT_UNTERSTUETZT');
    expectContract(json, 'createDokument');
    expect((await zeilen(m.id)).dokumente).toEqual([]);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect(spoolDateien(t)).toEqual([]);
  });

  it('returns the first result for a retry with the same Idempotency-Key and stores nothing new', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const datei = { name: 'a.pdf', inhalt: await pdf() };
    const headers = { 'idempotency-key': 'upload-42' };
    const erste = await lade(t, m, v.vorgangId, datei, { headers });
    const zweite = await lade(t, m, v.vorgangId, datei, { headers });
    expect(erste.statusCode).toBe(201);
    expect(zweite.statusCode).toBe(201);
    expectContract(zweite, 'createDokument');
    expect(zweite.json()).toEqual(erste.json());
    expect((await zeilen(m.id)).versionen).toHaveLength(1);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(1);

    // the same key for another Vorgang is a client error, not a replay
    const andere = await neuerVorgang(m.id);
    expectProblem(await lade(t, m, andere.vorgangId, datei, { headers }), 409, 'IDEMPOTENZ_SCHLUESSEL_WIEDERVERWENDET');
    // without key: a new Dokument
    expect((await lade(t, m, v.vorgangId, datei)).json().id).not.toBe(erste.json().id);
  });

  it('answers an Idempotency-Key outside the contract (empty, over 200 characters, not printable ASCII) with 400, storing nothing', async () => {
    // found by the Portman fuzzer: the header's schema was not applied, 201 characters reached the
    // database's check constraint, a 500
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const datei = { name: 'a.pdf', inhalt: await pdf() };
    for (const schluessel of ['k'.repeat(201), '', 'mit leerzeichen']) {
      expectProblem(await lade(t, m, v.vorgangId, datei, { headers: { 'idempotency-key': schluessel } }), 400, 'VALIDIERUNGSFEHLER');
    }
    expect((await zeilen(m.id)).versionen).toHaveLength(0);
    expect((await lade(t, m, v.vorgangId, datei, { headers: { 'idempotency-key': 'k'.repeat(200) } })).statusCode).toBe(201);
  });

  it('lets concurrent requests with the same Idempotency-Key create one Dokument and leaves one object', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const datei = { name: 'a.pdf', inhalt: await pdf() };
    const headers = { 'idempotency-key': 'gleichzeitig' };
    const antworten = await Promise.all([1, 2, 3].map(() => lade(t, m, v.vorgangId, datei, { headers })));
    expect(antworten.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(antworten.map((r) => r.json().id)).size).toBe(1);
    expect((await zeilen(m.id)).versionen).toHaveLength(1);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(1);
  });

  it('lets Sachbearbeitung, Registratur and Fachverfahren file, but not Fachadministration or Prüfung', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const { payload, headers } = await formular(META, { name: 'a.pdf', inhalt: await pdf() });
    for (const [rolle, status] of [
      ['registratur', 201],
      ['fachverfahren', 201],
      ['fachadministration', 403],
      ['pruefung', 403],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.vorgangId}/dokumente`, payload, headers: { ...(await m.header(rolle)), ...headers } });
      expect(res.statusCode, rolle).toBe(status);
      expectContract(res, 'createDokument');
    }
    const ohne = await t.app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.vorgangId}/dokumente`, payload, headers });
    expectProblem(ohne, 401);
  });
});
