// OCR with the real OCRmyPDF, Tesseract (deu+eng) and qpdf from Debian (system suite, `pnpm test:system`):
// a noisy, skewed 300-dpi scan of known German text becomes a PDF/A-2b rendition of the same version,
// its text is found by the search, the scan stays the Primärdokument with its SHA-256; the word recall
// is asserted and the character error rate reported (docs/ocr.md has the figures).
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb, schema } from '@eakte/db';
import { expectContract, testDatenbankUrl } from '@eakte/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { pruefePdfA } from '../src/adapter/pdfa.js';
import { sucheImVolltext } from '../src/arbeiter/textextraktion.js';
import { arbeiteAb, baueApp, lade, neuerMandant, neuerVorgang, ownerDb, type Mandant, type TestApp } from './hilfen.js';
import { BRIEFTEXT, scanPng, scanTiff, textPdf, wortTrefferquote, zeichenfehlerrate } from './scan-hilfe.js';

const appDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
afterAll(() => appDb.close());
const ausfuehren = promisify(execFile);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MIT_OCR = { DOKUMENTE_OCR_PROGRAMM: 'ocrmypdf' };

async function dokument(t: TestApp, m: Mandant, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}`, headers: await m.header() });
  expectContract(res, 'getDokument');
  return res.json();
}

async function volltext(m: Mandant, id: string): Promise<string> {
  const rows = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.volltext));
  return rows.find((r) => r.dokumentId === id)?.inhalt ?? '';
}

describe('OCR of scans with OCRmyPDF', () => {
  it('files a searchable PDF/A-2b beside a scanned PNG; the scan stays unchanged; search finds a word only in the image', async () => {
    const t = await baueApp({ dokumente: MIT_OCR });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const scan = await scanPng(BRIEFTEXT, { winkel: 2.5, seed: 7 });
    const dok = (await lade(t, m, v.vorgangId, { name: 'Brief Müller.png', type: 'image/png', inhalt: scan })).json();
    expect(dok.aktuelleVersion.ocr).toEqual({ status: 'ausstehend' });
    await arbeiteAb(t, m.id, 'texterkennung');

    const nachher = await dokument(t, m, dok.id);
    expect(nachher.aktuelleVersion).toMatchObject({ nr: 1, mimeType: 'image/png', sha256: sha(scan), ocr: { status: 'fertig', seiten: 1 } });
    const [format] = nachher.aktuelleVersion.formate;
    expect(format).toMatchObject({ art: 'pdfa_ocr', mimeType: 'application/pdf', dateiname: 'Brief Müller.pdfa.pdf' });
    // the Primärdokument is the scan, byte for byte
    const original = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}/inhalt`, headers: await m.header() });
    expect(sha(original.rawPayload)).toBe(sha(scan));

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dok.id}/versionen/1/formate/pdfa_ocr/inhalt`, headers: await m.header() });
    expectContract(res, 'getDokumentFormatInhalt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers.etag).toBe(`"${format.sha256}"`);
    expect(sha(res.rawPayload)).toBe(format.sha256);
    expect(t.protokoll.at(-1)).toMatchObject({ aktion: 'dokument.inhalt.gelesen', details: { format: 'pdfa_ocr' } });

    // PDF/A as far as qpdf and the XMP can tell (no veraPDF here)
    const dir = await mkdtemp(path.join(tmpdir(), 'eakte-pdfa-'));
    try {
      await writeFile(path.join(dir, 'r.pdf'), res.rawPayload);
      expect(await pruefePdfA('qpdf', path.join(dir, 'r.pdf'))).toEqual({ ok: true, struktur: true, teil: '2', konformitaet: 'B', outputIntent: true, maengel: [] });
      // the text layer is in the rendition itself
      const { stdout } = await ausfuehren('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=txtwrite', '-sOutputFile=-', path.join(dir, 'r.pdf')]);
      expect(stdout).toContain('Übelbach');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // words that exist only in the image (not in Betreff or file name)
    expect((await sucheImVolltext(appDb, m.id, 'Übelbach')).map((h) => h.dokumentId)).toEqual([dok.id]);
    expect((await sucheImVolltext(appDb, m.id, 'Straßenverkehrsbehörde')).map((h) => h.dokumentId)).toEqual([dok.id]);
  }, 300_000);

  it('recognises noisy, skewed 300-dpi scans of German text with at least 95 % word recall (CER reported)', async () => {
    const t = await baueApp({ dokumente: MIT_OCR });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const faelle = [
      { winkel: -1.5, seed: 11, korn: 30, flecken: 0.001 },
      { winkel: 3.5, seed: 23, korn: 60, flecken: 0.004 },
    ];
    const soll = BRIEFTEXT.join(' ');
    const doks: string[] = [];
    for (const f of faelle) doks.push((await lade(t, m, v.vorgangId, { name: `scan-${f.seed}.png`, type: 'image/png', inhalt: await scanPng(BRIEFTEXT, f) })).json().id);
    await arbeiteAb(t, m.id, 'texterkennung');
    const ergebnisse = [];
    for (const [i, id] of doks.entries()) {
      expect((await dokument(t, m, id)).aktuelleVersion.ocr).toEqual({ status: 'fertig', seiten: 1 });
      const ist = await volltext(m, id);
      ergebnisse.push({ ...faelle[i], wortTrefferquote: wortTrefferquote(soll, ist), zeichenfehlerrate: zeichenfehlerrate(soll, ist) });
    }
    process.stdout.write(`OCR accuracy: ${JSON.stringify(ergebnisse)}\n`);
    for (const e of ergebnisse) expect(e.wortTrefferquote).toBeGreaterThanOrEqual(0.95);
  }, 400_000);

  it('counts the pages of a multi-page TIFF', async () => {
    const t = await baueApp({ dokumente: MIT_OCR });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'stapel.tif', type: 'image/tiff', inhalt: await scanTiff([BRIEFTEXT.slice(0, 4), BRIEFTEXT.slice(4)], 1) })).json();
    expect(dok.aktuelleVersion.mimeType).toBe('image/tiff');
    await arbeiteAb(t, m.id, 'texterkennung');
    expect((await dokument(t, m, dok.id)).aktuelleVersion.ocr).toEqual({ status: 'fertig', seiten: 2 });
    expect(await volltext(m, dok.id)).toContain('Gemeindeverwaltung');
  }, 300_000);

  it('an image-only PDF that is encrypted (owner password only) is refused by OCRmyPDF with a clear state', async () => {
    const t = await baueApp({ dokumente: MIT_OCR });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dir = await mkdtemp(path.join(tmpdir(), 'eakte-enc-'));
    let verschluesselt: Buffer;
    try {
      // rastered, so it has no text: a scan
      await writeFile(path.join(dir, 'text.pdf'), await textPdf([['Vertraulich']]));
      execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pdfimage8', '-r100', `-sOutputFile=${path.join(dir, 'bild.pdf')}`, path.join(dir, 'text.pdf')]);
      execFileSync('qpdf', ['--encrypt', '', 'geheim', '256', '--', path.join(dir, 'bild.pdf'), path.join(dir, 'enc.pdf')]);
      verschluesselt = await readFile(path.join(dir, 'enc.pdf'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const dok = (await lade(t, m, v.vorgangId, { name: 'enc.pdf', inhalt: verschluesselt })).json();
    await arbeiteAb(t, m.id);
    await arbeiteAb(t, m.id, 'texterkennung');
    expect((await dokument(t, m, dok.id)).aktuelleVersion.ocr).toMatchObject({ status: 'fehler', grund: 'passwortgeschuetzt' });
  }, 120_000);
});
