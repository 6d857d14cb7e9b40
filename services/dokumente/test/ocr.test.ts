// OCR of scans without OCRmyPDF (pnpm test is Node-only): which uploads are scans, the OCR state in
// the API, `nicht_verfuegbar` with what to install, the limits, locked and broken PDFs. The runs with
// the real OCRmyPDF are in the system suite (scripts/test/ocr.system.test.ts).
import { createHash } from 'node:crypto';
import { createDb, schema } from '@eakte/db';
import { expectContract, expectProblem, testDatenbankUrl } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import dokumenteApp from '../src/app.js';
import { raeumeVerwaisteObjekte } from '../src/arbeiter/sweeper.js';
import { neuerSpeicherschluessel } from '../src/domain/speicherschluessel.js';
import { dokumenteRepository } from '../src/repositories/dokumente.js';
import { pdfaidAusXmp } from '../src/adapter/pdfa.js';
import { deuteOcrAusgang, istBildScan, ocrArgumente, ocrUebergangErlaubt, pruefeOcrGrenzen, tiffSeiten } from '../src/domain/ocr.js';
import { arbeiteAb, baueApp, lade, neuerMandant, neuerVorgang, ownerDb, pdf, PNG, speicher, type Mandant, type TestApp } from './hilfen.js';
import { bildPdf, passwortPdf, tiff } from './ocr-hilfe.js';

const liesTiff = (b: Buffer) => (pos: number, laenge: number) => Promise.resolve(b.subarray(pos, pos + laenge));

describe('OCR rules (plain functions)', () => {
  it('takes images as scans, PDFs only after the text check', () => {
    expect(['image/tiff', 'image/png', 'image/jpeg'].every(istBildScan)).toBe(true);
    expect(istBildScan('application/pdf')).toBe(false);
    expect(istBildScan('image/gif')).toBe(false);
  });

  it('calls OCRmyPDF with German and English, deskew, rotation and PDF/A-2 output', () => {
    const a = ocrArgumente({ eingabe: 'e.tif', ausgabe: 'a.pdf', text: 't.txt' });
    expect(a.join(' ')).toBe('-l deu+eng --deskew --rotate-pages --output-type pdfa-2 --sidecar t.txt --jobs 1 e.tif a.pdf');
    expect(ocrArgumente({ eingabe: 'e.png', ausgabe: 'a.pdf', text: 't.txt', bildDpi: 300 })).toContain('--image-dpi');
  });

  it('reads OCRmyPDF exit codes as states', () => {
    expect(deuteOcrAusgang(0, '')).toEqual({ art: 'fertig' });
    expect(deuteOcrAusgang(8, '')).toEqual({ art: 'zustand', zustand: { status: 'fehler', grund: 'passwortgeschuetzt' } });
    expect(deuteOcrAusgang(6, '')).toEqual({ art: 'zustand', zustand: { status: 'fehler', grund: 'hat_bereits_text' } });
    expect(deuteOcrAusgang(2, 'not a PDF')).toEqual({ art: 'zustand', zustand: { status: 'fehler', grund: 'defekt' } });
    expect(deuteOcrAusgang(2, 'Input file has no DPI information')).toEqual({ art: 'ohne_dpi' });
    expect(deuteOcrAusgang(3, '')).toEqual({ art: 'zustand', zustand: { status: 'nicht_verfuegbar' } });
    expect(deuteOcrAusgang(15, '')).toEqual({ art: 'erneut' });
    expect(deuteOcrAusgang(null, '')).toEqual({ art: 'erneut' });
  });

  it('reads the PDF/A identification from XMP in both notations', () => {
    expect(pdfaidAusXmp('<rdf:Description pdfaid:part="2" pdfaid:conformance="B"/>')).toEqual({ teil: '2', konformitaet: 'B' });
    expect(pdfaidAusXmp('<pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>')).toEqual({ teil: '1', konformitaet: 'A' });
    expect(pdfaidAusXmp('<x:xmpmeta/>')).toEqual({ teil: null, konformitaet: null });
  });

  it('never leaves fertig, starts again only through ausstehend', () => {
    expect(ocrUebergangErlaubt(null, 'ausstehend')).toBe(true);
    expect(ocrUebergangErlaubt(null, 'fertig')).toBe(false);
    expect(ocrUebergangErlaubt('ausstehend', 'fertig')).toBe(true);
    expect(ocrUebergangErlaubt('fertig', 'ausstehend')).toBe(false);
    expect(ocrUebergangErlaubt('fertig', 'fehler')).toBe(false);
    expect(ocrUebergangErlaubt('nicht_verfuegbar', 'ausstehend')).toBe(true);
    expect(ocrUebergangErlaubt('nicht_verfuegbar', 'fertig')).toBe(false);
  });

  it('checks the limits and counts TIFF pages from the IFD chain', async () => {
    expect(pruefeOcrGrenzen({ maxSeiten: 2, maxGroesse: 100 }, 101, null)).toBe('zu_gross');
    expect(pruefeOcrGrenzen({ maxSeiten: 2, maxGroesse: 100 }, 100, 3)).toBe('zu_viele_seiten');
    expect(pruefeOcrGrenzen({ maxSeiten: 2, maxGroesse: 100 }, 100, 2)).toBeNull();
    expect(await tiffSeiten(liesTiff(tiff(1)))).toBe(1);
    expect(await tiffSeiten(liesTiff(tiff(7)))).toBe(7);
    expect(await tiffSeiten(liesTiff(PNG))).toBeNull();
    // an IFD pointing to itself is no endless loop
    const schleife = tiff(1);
    schleife.writeUInt32LE(8, 8 + 2 + 9 * 12);
    expect(await tiffSeiten(liesTiff(schleife))).toBeNull();
  });
});

async function ocr(t: TestApp, m: Mandant, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}`, headers: await m.header() });
  expectContract(res, 'getDokument');
  return res.json().aktuelleVersion.ocr;
}

describe('OCR state of an upload (without OCRmyPDF)', () => {
  it('a scanned image waits for OCR, then says OCR is not installed and what to install; the scan stays unchanged', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'scan.png', type: 'image/png', inhalt: PNG })).json();
    expect(dok.aktuelleVersion.ocr).toEqual({ status: 'ausstehend' });
    await arbeiteAb(t, m.id, 'texterkennung');
    const z = await ocr(t, m, dok.id);
    expect(z).toMatchObject({ status: 'nicht_verfuegbar' });
    expect(z.meldung).toContain('ocrmypdf');
    expect(z.meldung).toContain('tesseract-ocr-deu');
    const nachher = (await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}`, headers: await m.header() })).json();
    expect(nachher.aktuelleVersion).toMatchObject({ nr: 1, sha256: dok.aktuelleVersion.sha256, mimeType: 'image/png' });
    expect(nachher.aktuelleVersion.formate).toBeUndefined();
    // no rendition to download
    const f = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}/versionen/1/formate/pdfa_ocr/inhalt`, headers: await m.header() });
    expectProblem(f, 404, 'NICHT_GEFUNDEN');
  }, 60_000);

  it('a PDF with text is no scan; an image-only PDF is one', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const mitText = (await lade(t, m, v.vorgangId, { name: 'brief.pdf', inhalt: await pdf('Antrag Müller') })).json();
    const nurBild = (await lade(t, m, v.vorgangId, { name: 'scan.pdf', inhalt: await bildPdf(PNG) })).json();
    // whether a PDF is a scan is known only after its text was read
    expect(nurBild.aktuelleVersion.ocr).toBeUndefined();
    await arbeiteAb(t, m.id);
    await arbeiteAb(t, m.id, 'texterkennung');
    expect(await ocr(t, m, mitText.id)).toBeUndefined();
    expect(await ocr(t, m, nurBild.id)).toMatchObject({ status: 'nicht_verfuegbar' });
  }, 90_000);

  it('a password-protected and a broken PDF get a clear state at once, not three failed tries', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const gesperrt = (await lade(t, m, v.vorgangId, { name: 'gesperrt.pdf', inhalt: passwortPdf() })).json();
    const kaputt = (await lade(t, m, v.vorgangId, { name: 'kaputt.pdf', inhalt: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]) })).json();
    await arbeiteAb(t, m.id);
    expect(await ocr(t, m, gesperrt.id)).toEqual({ status: 'fehler', grund: 'passwortgeschuetzt', meldung: expect.stringContaining('Passwort') });
    expect(await ocr(t, m, kaputt.id)).toEqual({ status: 'fehler', grund: 'defekt', meldung: expect.stringContaining('beschädigt') });
  }, 60_000);

  it('a scan above the size or page limit is refused with its reason before any OCR runs', async () => {
    // Node itself stands in as an installed program: the limits are checked before it would be run
    const t = await baueApp({ dokumente: { DOKUMENTE_OCR_PROGRAMM: process.execPath, DOKUMENTE_OCR_MAX_SEITEN: 2, DOKUMENTE_OCR_MAX_GROESSE: 1024 } });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const gross = (await lade(t, m, v.vorgangId, { name: 'gross.png', type: 'image/png', inhalt: Buffer.concat([PNG, Buffer.alloc(2000)]) })).json();
    const lang = (await lade(t, m, v.vorgangId, { name: 'stapel.tif', type: 'image/tiff', inhalt: tiff(3) })).json();
    expect(lang.aktuelleVersion.mimeType).toBe('image/tiff');
    await arbeiteAb(t, m.id, 'texterkennung');
    expect(await ocr(t, m, gross.id)).toMatchObject({ status: 'fehler', grund: 'zu_gross' });
    expect(await ocr(t, m, lang.id)).toMatchObject({ status: 'fehler', grund: 'zu_viele_seiten' });
    const zeilen = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.dokumentFormat));
    expect(zeilen).toEqual([]);
  }, 60_000);

  it('refuses a page limit of 0 at boot', async () => {
    await expect(baueApp({ dokumente: { DOKUMENTE_OCR_MAX_SEITEN: '0' } })).rejects.toThrow(/DOKUMENTE_OCR_MAX_SEITEN/);
    expect(typeof dokumenteApp).toBe('function');
  });

  it('the storage sweeper keeps the object of a rendition (its format row references it, no version does)', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'scan.png', type: 'image/png', inhalt: PNG })).json();
    const inhalt = Buffer.from('%PDF-1.7 PDF/A-2b');
    const key = neuerSpeicherschluessel(m.id);
    await speicher().put(key, inhalt, inhalt.length, 'application/pdf');
    await ownerDb().withMandant(m.id, (tx) =>
      tx.insert(schema.dokumentFormat).values({
        mandantId: m.id,
        dokumentId: dok.id,
        versionNr: 1,
        art: 'pdfa_ocr',
        speicherschluessel: key,
        groesse: inhalt.length,
        sha256: createHash('sha256').update(inhalt).digest('hex'),
        mimeType: 'application/pdf',
        dateiname: 'scan.pdfa.pdf',
      }),
    );
    const waise = neuerSpeicherschluessel(m.id);
    await speicher().put(waise, Buffer.from('verwaist'), 8);
    const appDb = createDb(testDatenbankUrl('dokumente'), { max: 1 });
    try {
      const r = await raeumeVerwaisteObjekte({ db: appDb, storage: speicher(), repo: dokumenteRepository, log: t.app.log, karenzMs: 3600_000, prefix: `${m.id}/`, jetzt: Date.now() + 2 * 3600_000 });
      expect(r.entfernt).toEqual([waise]);
    } finally {
      await appDb.close();
    }
    expect(await speicher().stat(key)).not.toBeNull();
    // and the API lists it as a format of the version
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}`, headers: await m.header() });
    expectContract(res, 'getDokument');
    expect(res.json().aktuelleVersion.formate).toEqual([expect.objectContaining({ art: 'pdfa_ocr', mimeType: 'application/pdf', groesse: inhalt.length, dateiname: 'scan.pdfa.pdf' })]);
  });
});
