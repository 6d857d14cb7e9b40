// Previews without LibreOffice and poppler-utils (pnpm test is Node-only): which versions get one, the
// preview state in the API, `nicht_verfuegbar` with what to install, the size limit, and how the
// programs are called. The runs with the real programs are in vorschau-echt.test.ts (system suite).
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { deutePopplerFehler, officeArgumente, seitenArgumente, seitenAusPdfinfo, vorschauUebergangErlaubt, vorschauweg } from '../src/domain/vorschau.js';
import { arbeiteAb, baueApp, lade, neuerMandant, neuerVorgang, offeneAuftraege, pdf, PNG, speicher, type Mandant, type TestApp } from './hilfen.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('preview rules (plain functions)', () => {
  it('previews PDFs, PNG/JPEG and Office documents; a TIFF waits for its OCR; others get none', () => {
    expect(vorschauweg('application/pdf')).toBe('pdf');
    expect(vorschauweg(DOCX)).toBe('office');
    expect(vorschauweg('application/vnd.oasis.opendocument.text')).toBe('office');
    expect(vorschauweg('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('office');
    expect(vorschauweg('image/png')).toBe('bild');
    expect(vorschauweg('image/jpeg')).toBe('bild');
    expect(vorschauweg('image/tiff')).toBeNull();
    expect(vorschauweg('text/plain')).toBeNull();
    expect(vorschauweg('message/rfc822')).toBeNull();
  });

  it('runs LibreOffice headless with a profile of its own, pdftoppm for the first page only', () => {
    const o = officeArgumente({ eingabe: '/t/d.docx', ausgabeVerzeichnis: '/t/pdf', profil: '/t/profil' });
    expect(o).toEqual(expect.arrayContaining(['--headless', '--convert-to', 'pdf', '-env:UserInstallation=file:///t/profil']));
    expect(o.at(-1)).toBe('/t/d.docx');
    expect(seitenArgumente({ eingabe: 'd.pdf', ausgabeOhneEndung: 'm', breite: 240 }).join(' ')).toBe('-png -f 1 -l 1 -singlefile -scale-to-x 240 -scale-to-y -1 d.pdf m');
  });

  it('reads the page count and poppler errors', () => {
    expect(seitenAusPdfinfo('Title: x\nPages:          12\nEncrypted: no\n')).toBe(12);
    expect(seitenAusPdfinfo('Syntax Error: broken')).toBeNull();
    expect(deutePopplerFehler('Command Line Error: Incorrect password')).toBe('passwortgeschuetzt');
    expect(deutePopplerFehler("Syntax Error: Couldn't find trailer dictionary")).toBe('defekt');
  });

  it('never leaves fertig, starts again only through ausstehend', () => {
    expect(vorschauUebergangErlaubt(null, 'ausstehend')).toBe(true);
    expect(vorschauUebergangErlaubt(null, 'fertig')).toBe(false);
    expect(vorschauUebergangErlaubt('ausstehend', 'fertig')).toBe(true);
    expect(vorschauUebergangErlaubt('fertig', 'ausstehend')).toBe(false);
    expect(vorschauUebergangErlaubt('nicht_verfuegbar', 'ausstehend')).toBe(true);
  });
});

async function version(t: TestApp, m: Mandant, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}`, headers: await m.header() });
  expectContract(res, 'getDokument');
  return res.json().aktuelleVersion;
}

describe('preview state of an upload (without LibreOffice and poppler-utils)', () => {
  it('a PDF, an image and an Office document wait for their preview, then say what to install; a text file gets none', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const brief = (await lade(t, m, v.vorgangId, { name: 'brief.pdf', inhalt: await pdf('Antrag Müller') })).json();
    const bild = (await lade(t, m, v.vorgangId, { name: 'foto.png', type: 'image/png', inhalt: PNG })).json();
    const text = (await lade(t, m, v.vorgangId, { name: 'notiz.txt', type: 'text/plain', inhalt: Buffer.from('Notiz') })).json();
    expect(brief.aktuelleVersion.vorschau).toEqual({ status: 'ausstehend' });
    expect(bild.aktuelleVersion.vorschau).toEqual({ status: 'ausstehend' });
    expect(text.aktuelleVersion.vorschau).toBeUndefined();
    await arbeiteAb(t, m.id, 'vorschau');
    for (const id of [brief.id, bild.id]) {
      const z = (await version(t, m, id)).vorschau;
      expect(z).toMatchObject({ status: 'nicht_verfuegbar' });
      expect(z.meldung).toContain('poppler-utils');
      expect(z.meldung).toContain('libreoffice-writer-nogui');
    }
    expect((await version(t, m, text.id)).vorschau).toBeUndefined();
    // no preview to show, and the Primärdokument is untouched
    const f = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${brief.id}/versionen/1/formate/vorschau_miniatur/inhalt`, headers: await m.header() });
    expectProblem(f, 404, 'NICHT_GEFUNDEN');
    expect((await version(t, m, brief.id)).sha256).toBe(brief.aktuelleVersion.sha256);
  }, 60_000);

  it('a file above the size limit is refused with its reason before a program runs', async () => {
    // Node stands in as an installed pdftoppm: the limit is checked before it would be run
    const t = await baueApp({ dokumente: { DOKUMENTE_VORSCHAU_PDFTOPPM: process.execPath, DOKUMENTE_VORSCHAU_MAX_GROESSE: 1024 } });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const gross = (await lade(t, m, v.vorgangId, { name: 'gross.png', type: 'image/png', inhalt: Buffer.concat([PNG, Buffer.alloc(2000)]) })).json();
    await arbeiteAb(t, m.id, 'vorschau');
    expect((await version(t, m, gross.id)).vorschau).toEqual({ status: 'fehler', grund: 'zu_gross', meldung: expect.stringContaining('Grenze') });
  }, 60_000);

  it('a failure outside the programs ends in fehler with its reason on the last attempt, never ausstehend for good', async () => {
    // storage that cannot be read once the upload is in: each of the job's attempts fails before a program runs
    let lesbar = true;
    const echt = speicher();
    const storage = new Proxy(echt, {
      get: (ziel, name) => (name === 'get' ? (...args: Parameters<typeof echt.get>) => (lesbar ? echt.get(...args) : Promise.reject(new Error('S3 nicht erreichbar'))) : Reflect.get(ziel, name)),
    });
    // Node stands in as an installed pdftoppm, so the job gets as far as reading the file
    const t = await baueApp({ storage, dokumente: { DOKUMENTE_VORSCHAU_PDFTOPPM: process.execPath } });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const brief = (await lade(t, m, v.vorgangId, { name: 'brief.pdf', inhalt: await pdf('Antrag Schmidt') })).json();
    lesbar = false;
    await arbeiteAb(t, m.id, 'vorschau');
    expect(await offeneAuftraege(m.id, 'vorschau')).toEqual([]);
    expect((await version(t, m, brief.id)).vorschau).toEqual({ status: 'fehler', grund: 'vorschau_fehlgeschlagen', meldung: expect.stringContaining('fehlgeschlagen') });
  }, 60_000);

  it('an unknown preview kind is a 400 and another tenant sees no preview', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const fremd = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const brief = (await lade(t, m, v.vorgangId, { name: 'brief.pdf', inhalt: await pdf('Antrag') })).json();
    const falsch = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${brief.id}/versionen/1/formate/vorschau_gross/inhalt`, headers: await m.header() });
    expect(falsch.statusCode).toBe(400);
    const anderer = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${brief.id}/versionen/1/formate/vorschau_seite/inhalt`, headers: await fremd.header() });
    expectProblem(anderer, 404, 'NICHT_GEFUNDEN');
  }, 60_000);
});
