// Scan batches with the real programs (system suite, `pnpm test:system`): zbarimg from zbar-tools,
// Ghostscript and qpdf. A batch is made in the test — German text rendered to 300-dpi images, QR
// separator sheets drawn with the `qrcode` encoder, a blank and a black page — uploaded, split at the
// separators into Posteingang items with their Transfervermerk, and one item is assigned and OCRed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb, schema } from '@eakte/db';
import { expectContract, testDatenbankUrl } from '@eakte/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { sucheImVolltext } from '../src/arbeiter/textextraktion.js';
import { arbeiteAb, baueApp, formular, neuerMandant, neuerVorgang, ownerDb, spoolDateien, type Mandant, type TestApp } from './hilfen.js';
import { BRIEFTEXT, DPI, png, rastere, textPdf, verrausche } from './scan-hilfe.js';

const appDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
afterAll(() => appDb.close());
const ausfuehren = promisify(execFile);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MIT_ZBAR = { DOKUMENTE_SCAN_ZBARIMG: 'zbarimg', DOKUMENTE_SCAN_GHOSTSCRIPT: 'gs' };
const A4 = [595, 842] as const;

type Seite = { art: 'text'; zeilen: string[]; qr?: string } | { art: 'trenn'; code: string } | { art: 'leer' } | { art: 'schwarz' };

/** A scanned page as a 300-dpi grey PNG: text with grain, a blank sheet with a few specks of dust, or a black page. */
async function seitenbild(s: Seite, seed: number): Promise<Buffer> {
  if (s.art === 'text') {
    const bild = await rastere(await textPdf([s.zeilen], 0.8));
    return png({ ...bild, pixel: verrausche(bild.pixel, { seed, korn: 20, flecken: 0.001 }) });
  }
  const [breite, hoehe] = [Math.round((A4[0] / 72) * DPI), Math.round((A4[1] / 72) * DPI)];
  const pixel = Buffer.alloc(breite * hoehe, s.art === 'schwarz' ? 20 : 255);
  return png({ breite, hoehe, pixel: s.art === 'leer' ? verrausche(pixel, { seed, korn: 0, flecken: 0.0001 }) : pixel });
}

/** The batch as a scanner writes it: one image per page, a separator sheet carries its QR code. */
async function scanstapelPdf(seiten: Seite[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const [i, s] of seiten.entries()) {
    const p = doc.addPage([...A4]);
    if (s.art === 'trenn') {
      const qr = await doc.embedPng(await QRCode.toBuffer(s.code, { type: 'png', scale: 8, margin: 4 }));
      p.drawImage(qr, { x: 197, y: 421, width: 200, height: 200 });
      continue;
    }
    const bild = await doc.embedPng(await seitenbild(s, 11 + i));
    p.drawImage(bild, { x: 0, y: 0, width: A4[0], height: A4[1] });
    // a letter may carry a code of its own (a reference): it must not split the batch
    if (s.art === 'text' && s.qr) p.drawImage(await doc.embedPng(await QRCode.toBuffer(s.qr, { type: 'png', scale: 4 })), { x: 460, y: 40, width: 90, height: 90 });
  }
  return Buffer.from(await doc.save());
}

/** The same batch as a scanner's multi-page TIFF: 300 dpi, bilevel with CCITT G4 (the usual archive scan). */
async function alsTiff(pdf: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eakte-stapel-'));
  try {
    await writeFile(path.join(dir, 's.pdf'), pdf);
    await ausfuehren('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffg4', '-r300', `-sOutputFile=${path.join(dir, 's.tif')}`, path.join(dir, 's.pdf')]);
    return await readFile(path.join(dir, 's.tif'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function hochladen(t: TestApp, m: Mandant, inhalt: Buffer, felder: Record<string, string> = {}, datei = { name: 'stapel.pdf', type: 'application/pdf' }) {
  const { payload, headers } = await formular(
    { betreff: 'Posteingang 3. März', geraet: 'Fujitsu fi-7160 Poststelle EG', profil: '300 dpi Graustufen', gescanntVon: 'M. Weber', original: 'vernichtbar', vernichtbarAb: '2099-09-03', ...felder },
    { ...datei, inhalt },
  );
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/posteingang/scanstapel', payload, headers: { ...(await m.header('registratur')), ...headers } });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as { id: string };
}

async function zerlegterStapel(t: TestApp, m: Mandant, id: string) {
  await arbeiteAb(t, m.id, 'scanstapel');
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/scanstapel/${id}`, headers: await m.header('registratur') });
  expectContract(res, 'getScanstapel');
  return res.json();
}

async function seitenzahl(pdf: Buffer): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eakte-stapel-'));
  try {
    await writeFile(path.join(dir, 'd.pdf'), pdf);
    return Number((await ausfuehren('qpdf', ['--show-npages', path.join(dir, 'd.pdf')])).stdout.trim());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Assigns a one-page item of the letter BRIEFTEXT to a new Vorgang and runs the jobs: its Dokument is
 * OCRed and found by a word only in its image. Returns the Transfervermerk of the assignment's answer.
 */
async function zuordnenUndErkennen(t: TestApp, m: Mandant, eintragId: string) {
  const v = await neuerVorgang(m.id);
  const zu = await t.app.inject({ method: 'POST', url: `/api/v1/posteingang/${eintragId}/zuordnung`, payload: { vorgangId: v.vorgangId }, headers: await m.header('registratur') });
  expect(zu.statusCode, zu.body).toBe(200);
  expectContract(zu, 'zuordnenPosteingangEintrag');
  await arbeiteAb(t, m.id, 'textextraktion');
  await arbeiteAb(t, m.id, 'texterkennung');
  const dok = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${zu.json().dokumentId}`, headers: await m.header() });
  expect(dok.json().aktuelleVersion.ocr).toEqual({ status: 'fertig', seiten: 1 });
  expect((await sucheImVolltext(appDb, m.id, 'Übelbach')).map((h) => h.dokumentId)).toEqual([zu.json().dokumentId]);
  return zu.json().transfervermerk;
}

const ereignisse = (m: Mandant, aktionen: string[]) =>
  ownerDb().withMandant(m.id, (tx) =>
    tx
      .select()
      .from(schema.ereignis)
      .where(and(eq(schema.ereignis.mandantId, m.id), inArray(schema.ereignis.aktion, aktionen)))
      .orderBy(schema.ereignis.eingang),
  );

describe('scan batches split by zbar', () => {
  it('splits a batch at its QR separator sheets into Posteingang items with Transfervermerk and quality check; one is assigned and OCRed', async () => {
    const t = await baueApp({ dokumente: { ...MIT_ZBAR, DOKUMENTE_OCR_PROGRAMM: 'ocrmypdf' } });
    const m = await neuerMandant();
    const stapelPdf = await scanstapelPdf([
      { art: 'text', zeilen: BRIEFTEXT },
      { art: 'trenn', code: 'PATCHT' },
      { art: 'text', zeilen: ['Widerspruch gegen den Bescheid vom 12. Februar', 'Aktenzeichen 12-345/2026, Familie Schröder'], qr: 'AZ 12-345/2026' },
      { art: 'leer' },
      { art: 'trenn', code: 'EAKTE-TRENNBLATT' },
      { art: 'text', zeilen: ['Rechnung Nr. 4711 über die Straßenreinigung', 'zahlbar bis zum 31. März'] },
      { art: 'schwarz' },
    ]);
    const s = await hochladen(t, m, stapelPdf);
    const fertig = await zerlegterStapel(t, m, s.id);
    expect(fertig).toMatchObject({ status: 'fertig', seiten: 7, sha256: sha(stapelPdf) });
    expect(fertig.eintraege).toHaveLength(3);

    const items = [];
    for (const id of fertig.eintraege) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${id}`, headers: await m.header('registratur') });
      expectContract(res, 'getPosteingangEintrag');
      items.push(res.json());
    }
    const vermerk = {
      scanstapelId: s.id,
      stapelSha256: sha(stapelPdf),
      gescanntVon: 'M. Weber',
      geraet: 'Fujitsu fi-7160 Poststelle EG',
      profil: '300 dpi Graustufen',
      original: 'vernichtbar',
      vernichtbarAb: '2099-09-03',
    };
    expect(items.map((i) => i.transfervermerk)).toEqual([
      { ...vermerk, gescanntAm: expect.any(String), position: 1, ersteSeite: 1, letzteSeite: 1, seiten: 1, qualitaet: 'ok', befunde: [] },
      {
        ...vermerk,
        gescanntAm: expect.any(String),
        position: 2,
        ersteSeite: 3,
        letzteSeite: 4,
        seiten: 2,
        qualitaet: 'auffaellig',
        befunde: [{ seite: 2, befund: 'leer', deckung: expect.any(Number) }],
      },
      {
        ...vermerk,
        gescanntAm: expect.any(String),
        position: 3,
        ersteSeite: 6,
        letzteSeite: 7,
        seiten: 2,
        qualitaet: 'auffaellig',
        befunde: [{ seite: 2, befund: 'unlesbar', deckung: expect.any(Number) }],
      },
    ]);
    expect(items.map((i) => [i.art, i.status, i.betreff, i.dateiname, i.mimeType])).toEqual([
      ['scan', 'offen', 'Posteingang 3. März (1/3)', 'stapel-1.pdf', 'application/pdf'],
      ['scan', 'offen', 'Posteingang 3. März (2/3)', 'stapel-2.pdf', 'application/pdf'],
      ['scan', 'offen', 'Posteingang 3. März (3/3)', 'stapel-3.pdf', 'application/pdf'],
    ]);
    // each item is its pages of the batch, the separators dropped
    for (const [n, i] of items.entries()) {
      const inhalt = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${i.id}/inhalt`, headers: await m.header('registratur') });
      expect(sha(inhalt.rawPayload)).toBe(i.sha256);
      expect(await seitenzahl(inhalt.rawPayload)).toBe([1, 2, 2][n]);
    }
    // the list shows the Vermerk too
    const liste = await t.app.inject({ method: 'GET', url: '/api/v1/posteingang', headers: await m.header('registratur') });
    expectContract(liste, 'listPosteingang');
    expect(liste.json().items.map((i: { transfervermerk: { position: number } }) => i.transfervermerk.position)).toEqual([1, 2, 3]);

    // the audit trail has the Transfervermerk of every item and the split
    const audit = await ereignisse(m, ['posteingang.eingegangen', 'posteingang.scanstapel.zerlegt']);
    expect(audit.filter((e) => e.aktion === 'posteingang.eingegangen').map((e) => (e.details as { transfervermerk: { position: number; qualitaet: string } }).transfervermerk)).toEqual([
      expect.objectContaining({ position: 1, qualitaet: 'ok', gescanntVon: 'M. Weber', geraet: 'Fujitsu fi-7160 Poststelle EG', vernichtbarAb: '2099-09-03' }),
      expect.objectContaining({ position: 2, qualitaet: 'auffaellig' }),
      expect.objectContaining({ position: 3, qualitaet: 'auffaellig' }),
    ]);
    expect(audit.find((e) => e.aktion === 'posteingang.scanstapel.zerlegt')?.details).toEqual({ seiten: 7, trennblaetter: 2, eintraege: fertig.eintraege });
    // the work folder is gone
    expect(spoolDateien(t)).toEqual([]);

    // assigned, the first document is OCRed like any scan: a word only in its image is found
    expect(await zuordnenUndErkennen(t, m, items[0].id)).toMatchObject({ position: 1 });
  }, 300_000);

  it('splits a multi-page TIFF batch like a PDF one; its documents are PDFs with the same pages, and one is OCRed', async () => {
    const t = await baueApp({ dokumente: { ...MIT_ZBAR, DOKUMENTE_OCR_PROGRAMM: 'ocrmypdf' } });
    const m = await neuerMandant();
    const tif = await alsTiff(
      await scanstapelPdf([
        { art: 'text', zeilen: BRIEFTEXT },
        { art: 'trenn', code: 'PATCHT' },
        { art: 'text', zeilen: ['Widerspruch gegen den Bescheid vom 12. Februar'] },
        { art: 'leer' },
        { art: 'trenn', code: 'EAKTE-TRENNBLATT' },
        { art: 'text', zeilen: ['Rechnung Nr. 4711 über die Straßenreinigung'] },
      ]),
    );
    const s = await hochladen(t, m, tif, {}, { name: 'stapel-0303.tif', type: 'image/tiff' });
    const fertig = await zerlegterStapel(t, m, s.id);
    expect(fertig).toMatchObject({ status: 'fertig', seiten: 6, mimeType: 'image/tiff', sha256: sha(tif) });
    const items = [];
    for (const id of fertig.eintraege) items.push((await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${id}`, headers: await m.header('registratur') })).json());
    expect(items.map((i) => [i.dateiname, i.mimeType, i.transfervermerk.ersteSeite, i.transfervermerk.letzteSeite, i.transfervermerk.qualitaet, i.transfervermerk.stapelSha256])).toEqual([
      ['stapel-0303-1.pdf', 'application/pdf', 1, 1, 'ok', sha(tif)],
      ['stapel-0303-2.pdf', 'application/pdf', 3, 4, 'auffaellig', sha(tif)],
      ['stapel-0303-3.pdf', 'application/pdf', 6, 6, 'ok', sha(tif)],
    ]);
    for (const [n, i] of items.entries()) {
      const inhalt = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${i.id}/inhalt`, headers: await m.header('registratur') });
      expect(await seitenzahl(inhalt.rawPayload)).toBe([1, 2, 1][n]);
    }
    expect(spoolDateien(t)).toEqual([]);
    // a document cut from a TIFF is an image-only PDF: assigned, it is OCRed like any scan
    await zuordnenUndErkennen(t, m, items[0].id);
  }, 300_000);

  it('a TIFF that img2pdf cannot read is defekt, with no items', async () => {
    const t = await baueApp({ dokumente: MIT_ZBAR });
    const m = await neuerMandant();
    // a TIFF header whose first page points nowhere
    const kaputt = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), Buffer.alloc(64, 0xff)]);
    const s = await hochladen(t, m, kaputt, {}, { name: 'kaputt.tif', type: 'image/tiff' });
    expect(await zerlegterStapel(t, m, s.id)).toMatchObject({ status: 'fehler', grund: 'defekt', eintraege: [] });
    expect(spoolDateien(t)).toEqual([]);
  }, 60_000);

  it('a batch without separator sheets is one document', async () => {
    const t = await baueApp({ dokumente: MIT_ZBAR });
    const m = await neuerMandant();
    const s = await hochladen(
      t,
      m,
      await scanstapelPdf([
        { art: 'text', zeilen: ['Seite eins'] },
        { art: 'text', zeilen: ['Seite zwei'] },
      ]),
      { original: 'aufbewahren', vernichtbarAb: '' },
    );
    const fertig = await zerlegterStapel(t, m, s.id);
    expect(fertig).toMatchObject({ status: 'fertig', seiten: 2, original: 'aufbewahren', vernichtbarAb: null });
    const [row] = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.transfervermerk));
    expect(row).toMatchObject({ position: 1, ersteSeite: 1, letzteSeite: 2, qualitaet: 'ok' });
  }, 120_000);

  it('gives a password-protected, a broken, an oversized and a separators-only batch a clear state, no items and an audit event', async () => {
    const t = await baueApp({ dokumente: { ...MIT_ZBAR, DOKUMENTE_SCAN_MAX_SEITEN: 3 } });
    const m = await neuerMandant();
    const offen = await scanstapelPdf([{ art: 'text', zeilen: ['Geheim'] }]);
    const dir = await mkdtemp(path.join(tmpdir(), 'eakte-stapel-'));
    let gesperrt: Buffer;
    try {
      await writeFile(path.join(dir, 'o.pdf'), offen);
      await ausfuehren('qpdf', ['--encrypt', 'nutzer', 'eigner', '256', '--', path.join(dir, 'o.pdf'), path.join(dir, 'g.pdf')]);
      gesperrt = await readFile(path.join(dir, 'g.pdf'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const faelle: [Buffer, string][] = [
      [gesperrt, 'passwortgeschuetzt'],
      [Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> kaputt'), 'defekt'],
      [await scanstapelPdf([1, 2, 3, 4].map(() => ({ art: 'leer' }) as Seite)), 'zu_viele_seiten'],
      [await scanstapelPdf([{ art: 'trenn', code: 'PATCHT' }]), 'keine_dokumente'],
    ];
    const ids = [];
    for (const [inhalt] of faelle) ids.push((await hochladen(t, m, inhalt)).id);
    await arbeiteAb(t, m.id, 'scanstapel');
    for (const [i, [, grund]] of faelle.entries()) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/scanstapel/${ids[i]}`, headers: await m.header('registratur') });
      expectContract(res, 'getScanstapel');
      expect(res.json(), grund).toMatchObject({ status: 'fehler', grund, meldung: expect.any(String), eintraege: [] });
    }
    expect(await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.posteingangEintrag))).toEqual([]);
    expect((await ereignisse(m, ['posteingang.scanstapel.fehler'])).map((e) => (e.details as { grund: string }).grund).sort()).toEqual(faelle.map(([, g]) => g).sort());
    expect(spoolDateien(t)).toEqual([]);
  }, 180_000);
});
