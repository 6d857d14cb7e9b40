import { createHash } from 'node:crypto';
import { expectContract, expectProblem, pruefePdf } from '@eakte/testing';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../src/pdf/text.js';
import { baueApp, lade, neuerMandant, neuerVorgang, pdf, schliesseVorgang, type Mandant, type TestApp } from './hilfen.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A PDF with `seiten` pages; text in the top right corner of page 1 when asked. */
async function pdfMit(seiten: number, textObenRechts = false, titel = 'Schreiben'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < seiten; i++) {
    const p = doc.addPage([595, 842]);
    p.drawText(`${titel} Seite ${i + 1}`, { x: 60, y: 400, size: 12, font });
    if (i === 0 && textObenRechts) p.drawText('Briefkopf Landratsamt', { x: 400, y: 800, size: 12, font });
  }
  return Buffer.from(await doc.save());
}

async function post(t: TestApp, m: Mandant, url: string, rolle = 'sachbearbeitung') {
  return t.app.inject({ method: 'POST', url, headers: await m.header(rolle) });
}

describe('Eingangsstempel', () => {
  it('stamps page 1 into a free corner as a new version that passes qpdf --check, keeping the original', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const original = await pdfMit(2, true);
    const dok = (await lade(t, m, v.vorgangId, { name: 'Brief.pdf', inhalt: original })).json();
    const res = await post(t, m, `/api/v1/dokumente/${dok.id}/eingangsstempel`);
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createEingangsstempel');
    expect(res.json()).toMatchObject({ nr: 2, herkunft: 'eingangsstempel', mimeType: 'application/pdf', dateiname: 'Brief.pdf' });

    const neu = (await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}/inhalt`, headers: await m.header() })).rawPayload;
    expect(sha(neu)).toBe(res.json().sha256);
    const check = await pruefePdf(neu);
    expect(check.code, check.ausgabe).toBe(0);
    const text = await pdfText(neu);
    expect(text).toContain(`Testbehörde ${m.slug}`);
    expect(text).toMatch(/Eingegangen am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/);
    expect(text).toContain(`Az.: ${v.aktenzeichen}`);
    expect(text).toContain(dok.id);
    expect((await PDFDocument.load(neu)).getPageCount()).toBe(2);
    // the top right corner carries the letterhead: the stamp went elsewhere
    expect(t.protokoll.find((e) => e.aktion === 'dokument.version.erstellt')).toMatchObject({
      aktion: 'dokument.version.erstellt',
      akteId: v.akteId,
      details: { herkunft: 'eingangsstempel', position: 'oben-links', basisVersion: 1 },
    });

    const alt = (await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}/versionen/1/inhalt`, headers: await m.header() })).rawPayload;
    expect(alt.equals(original)).toBe(true);

    const nochmal = await post(t, m, `/api/v1/dokumente/${dok.id}/eingangsstempel`);
    expectProblem(nochmal, 409, 'BEREITS_GESTEMPELT');
    expectContract(nochmal, 'createEingangsstempel');
  });

  it('uses the top right corner when it is free, and refuses non-PDFs, closed Vorgänge and other tenants', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdfMit(1) })).json();
    expect((await post(t, m, `/api/v1/dokumente/${dok.id}/eingangsstempel`)).statusCode).toBe(201);
    expect(t.protokoll.at(-1)).toMatchObject({ details: { position: 'oben-rechts' } });

    const txt = (await lade(t, m, v.vorgangId, { name: 'a.txt', type: 'text/plain', inhalt: Buffer.from('Text') })).json();
    expectProblem(await post(t, m, `/api/v1/dokumente/${txt.id}/eingangsstempel`), 409, 'NUR_FUER_PDF');
    const fremd = await neuerMandant();
    expectProblem(await post(t, fremd, `/api/v1/dokumente/${dok.id}/eingangsstempel`), 404, 'NICHT_GEFUNDEN');
    expectProblem(await post(t, m, `/api/v1/dokumente/${dok.id}/eingangsstempel`, 'fachadministration'), 403, 'KEINE_BERECHTIGUNG');

    const zweite = (await lade(t, m, v.vorgangId, { name: 'b.pdf', inhalt: await pdf() })).json();
    await schliesseVorgang(m.id, v.vorgangId);
    expectProblem(await post(t, m, `/api/v1/dokumente/${zweite.id}/eingangsstempel`), 409, 'OBJEKT_GESCHLOSSEN');
  });
});

describe('Aktenauszug', () => {
  it('builds cover, contents, every PDF with page numbers and lists other formats; qpdf --check passes', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const notiz = Buffer.from('Telefonnotiz: Frau Öztürk ruft zurück.');
    await lade(t, m, v.vorgangId, { name: 'eins.pdf', inhalt: await pdfMit(1, false, 'Antrag') }, { felder: { betreff: 'Antrag Größe' } });
    await lade(t, m, v.vorgangId, { name: 'notiz.txt', type: 'text/plain', inhalt: notiz }, { felder: { betreff: 'Telefonnotiz' } });
    await lade(t, m, v.vorgangId, { name: 'zwei.pdf', inhalt: await pdfMit(2, false, 'Bescheid') }, { felder: { betreff: 'Bescheid' } });
    // a damaged PDF is listed, not embedded, and does not break the extract
    const kaputt = Buffer.from('%PDF-1.4\n%%EOF\n');
    await lade(t, m, v.vorgangId, { name: 'kaputt.pdf', inhalt: kaputt }, { felder: { betreff: 'Beschädigt' } });
    t.protokoll.length = 0;

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/akten/${v.akteId}/auszug.pdf`, headers: await m.header('registratur') });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expectContract(res, 'getAktenauszug');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Aktenauszug ${v.aktenzeichen.replaceAll('/', '-')}.pdf"`);
    const check = await pruefePdf(res.rawPayload);
    expect(check.code, check.ausgabe).toBe(0);

    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBe(1 + 1 + 3);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Aktenauszug');
    expect(text).toContain('Testakte Müller');
    expect(text).toContain('Antrag Größe');
    expect(text).toContain('S. 3');
    expect(text).toContain('S. 4–5');
    expect(text).toContain('Telefonnotiz (notiz.txt) 27.02.2026 nicht enthalten');
    expect(text).toContain(`text/plain · SHA-256 ${sha(notiz)}`);
    expect(text).toContain(`application/pdf · SHA-256 ${sha(kaputt)}`);
    expect(text).toContain('Bescheid Seite 2');
    expect(text).toContain(`Aktenauszug ${v.aktenzeichen} · Seite 5 von 5`);

    expect(t.protokoll.map((e) => e.aktion)).toEqual(['dokument.inhalt.gelesen', 'dokument.inhalt.gelesen', 'dokument.inhalt.gelesen', 'dokument.inhalt.gelesen', 'akte.auszug.erstellt']);
    expect(t.protokoll.every((e) => e.akteId === v.akteId)).toBe(true);
  });

  it("answers 404 for another tenant's Akte and 403 for roles without content rights", async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const fremd = await neuerMandant();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/akten/${v.akteId}/auszug.pdf`, headers: await fremd.header() });
    expectProblem(res, 404, 'NICHT_GEFUNDEN');
    expectContract(res, 'getAktenauszug');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/akten/${v.akteId}/auszug.pdf`, headers: await m.header('pruefung') }), 403);
    // an Akte without Dokumente still gives a valid extract
    const leer = await t.app.inject({ method: 'GET', url: `/api/v1/akten/${v.akteId}/auszug.pdf`, headers: await m.header() });
    expect(leer.statusCode).toBe(200);
    expect((await pruefePdf(leer.rawPayload)).code).toBe(0);
  });
});
