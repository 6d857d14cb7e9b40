// Previews with the real LibreOffice (headless) and pdftoppm (system suite: Debian
// libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils). The Office files are made in the
// test by LibreOffice itself, from a text file and a CSV.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expectContract } from '@eakte/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbeiteAb, baueApp, lade, neuerMandant, neuerVorgang, pdf, PNG, type Mandant, type TestApp } from './hilfen.js';
import { passwortPdf } from './ocr-hilfe.js';

const ausfuehren = promisify(execFile);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MIT_VORSCHAU = { DOKUMENTE_VORSCHAU_LIBREOFFICE: 'soffice', DOKUMENTE_VORSCHAU_PDFTOPPM: 'pdftoppm', DOKUMENTE_VORSCHAU_PDFINFO: 'pdfinfo' };
const TYPEN = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

let dir: string;
const office: Record<string, Buffer> = {};
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eakte-vorschau-test-'));
  await writeFile(path.join(dir, 'brief.txt'), 'Straßenverkehrsbehörde Übelbach\n\nAntrag auf Sondernutzung.\n');
  await writeFile(path.join(dir, 'tabelle.csv'), 'Posten,Betrag\nGebühr,120\nAuslagen,35\n');
  const profil = `-env:UserInstallation=file://${path.join(dir, 'profil')}`;
  for (const [quelle, ziel] of [
    ['brief.txt', 'docx'],
    ['brief.txt', 'odt'],
    ['tabelle.csv', 'xlsx'],
  ] as const) {
    await ausfuehren('soffice', ['--headless', profil, '--convert-to', ziel, '--outdir', dir, path.join(dir, quelle)], { timeout: 120_000 });
    office[ziel] = await readFile(path.join(dir, `${quelle.replace(/\..*$/, '')}.${ziel}`));
  }
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function dokument(t: TestApp, m: Mandant, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}`, headers: await m.header() });
  expectContract(res, 'getDokument');
  return res.json();
}

/** Width and height from a PNG's IHDR. */
const pngMasse = (b: Buffer) => ({ breite: b.readUInt32BE(16), hoehe: b.readUInt32BE(20) });

async function format(t: TestApp, m: Mandant, id: string, art: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}/versionen/1/formate/${art}/inhalt`, headers: await m.header() });
  expectContract(res, 'getDokumentFormatInhalt');
  expect(res.statusCode).toBe(200);
  return res;
}

describe('previews with LibreOffice and pdftoppm', () => {
  it('an Office document (DOCX, ODT, XLSX) becomes a PDF, a thumbnail and a page image; the Primärdokument stays as filed', async () => {
    const t = await baueApp({ dokumente: MIT_VORSCHAU });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const ids: Record<string, string> = {};
    for (const [endung, typ] of Object.entries(TYPEN)) {
      const dok = (await lade(t, m, v.vorgangId, { name: `Antrag Müller.${endung}`, type: typ, inhalt: office[endung]! })).json();
      expect(dok.aktuelleVersion.vorschau).toEqual({ status: 'ausstehend' });
      ids[endung] = dok.id;
    }
    await arbeiteAb(t, m.id, 'vorschau');
    for (const [endung, typ] of Object.entries(TYPEN)) {
      const nachher = (await dokument(t, m, ids[endung]!)).aktuelleVersion;
      expect(nachher).toMatchObject({ mimeType: typ, sha256: sha(office[endung]!), vorschau: { status: 'fertig', seiten: 1 } });
      expect(nachher.formate.map((f: { art: string }) => f.art).sort()).toEqual(['vorschau_miniatur', 'vorschau_pdf', 'vorschau_seite']);
      const pdfInhalt = await format(t, m, ids[endung]!, 'vorschau_pdf');
      expect(pdfInhalt.headers['content-type']).toBe('application/pdf');
      expect(pdfInhalt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const miniatur = await format(t, m, ids[endung]!, 'vorschau_miniatur');
      expect(miniatur.headers['content-type']).toBe('image/png');
      expect(pngMasse(miniatur.rawPayload).breite).toBe(240);
      const seite = await format(t, m, ids[endung]!, 'vorschau_seite');
      expect(pngMasse(seite.rawPayload).breite).toBe(1200);
      // an A4 portrait page (the spreadsheet too, LibreOffice's default page)
      expect(pngMasse(seite.rawPayload).hoehe).toBeGreaterThan(1200);
      // the preview shows the content: read like it and audited like it
      expect(t.protokoll.at(-1)).toMatchObject({ aktion: 'dokument.inhalt.gelesen', details: { format: 'vorschau_seite' } });
      // the Primärdokument is still the Office file
      const original = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${ids[endung]}/inhalt`, headers: await m.header() });
      expect(sha(original.rawPayload)).toBe(sha(office[endung]!));
    }
  }, 600_000);

  it('a PDF and a PNG get a thumbnail and a page image; a locked and a broken PDF a clear state', async () => {
    const t = await baueApp({ dokumente: MIT_VORSCHAU });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const brief = (await lade(t, m, v.vorgangId, { name: 'brief.pdf', inhalt: await pdf('Antrag Müller') })).json();
    const bild = (await lade(t, m, v.vorgangId, { name: 'foto.png', type: 'image/png', inhalt: PNG })).json();
    const gesperrt = (await lade(t, m, v.vorgangId, { name: 'gesperrt.pdf', inhalt: passwortPdf() })).json();
    const kaputt = (await lade(t, m, v.vorgangId, { name: 'kaputt.pdf', inhalt: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]) })).json();
    await arbeiteAb(t, m.id, 'vorschau');
    for (const id of [brief.id, bild.id]) {
      const nachher = (await dokument(t, m, id)).aktuelleVersion;
      expect(nachher.vorschau).toEqual({ status: 'fertig', seiten: 1 });
      expect(nachher.formate.map((f: { art: string }) => f.art).sort()).toEqual(['vorschau_miniatur', 'vorschau_seite']);
      expect(pngMasse((await format(t, m, id, 'vorschau_miniatur')).rawPayload).breite).toBe(240);
    }
    expect((await dokument(t, m, gesperrt.id)).aktuelleVersion.vorschau).toEqual({ status: 'fehler', grund: 'passwortgeschuetzt', meldung: expect.stringContaining('Passwort') });
    expect((await dokument(t, m, kaputt.id)).aktuelleVersion.vorschau).toEqual({ status: 'fehler', grund: 'defekt', meldung: expect.stringContaining('beschädigt') });
  }, 300_000);

  it('a conversion beyond the time limit is killed with its process group and named', async () => {
    // stands in for a LibreOffice that hangs on a document: it answers --version, then waits on a child
    const haenger = path.join(dir, 'soffice-haengt');
    await writeFile(haenger, '#!/bin/sh\nif [ "$1" = --version ]; then echo LibreOffice 7.4; exit 0; fi\nsleep 300 &\nwait\n', { mode: 0o755 });
    const t = await baueApp({ dokumente: { ...MIT_VORSCHAU, DOKUMENTE_VORSCHAU_LIBREOFFICE: haenger, DOKUMENTE_VORSCHAU_TIMEOUT_SEKUNDEN: 5 } });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'haengt.docx', type: TYPEN.docx, inhalt: office.docx! })).json();
    const start = Date.now();
    await arbeiteAb(t, m.id, 'vorschau');
    expect(Date.now() - start).toBeLessThan(60_000);
    expect((await dokument(t, m, dok.id)).aktuelleVersion.vorschau).toMatchObject({ status: 'fehler', grund: 'zeitueberschreitung' });
    // nothing of the group is left running
    const { stdout } = await ausfuehren('ps', ['-eo', 'args']);
    expect(stdout).not.toContain(haenger);
    expect(stdout).not.toMatch(/^sleep 300$/m);
  }, 120_000);
});
