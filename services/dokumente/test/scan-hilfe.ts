// Scans with known text for the OCR system tests and the bench: German text (umlauts, ß) set in
// DejaVu Sans, turned by a skew angle, rendered at 300 dpi by Ghostscript (a dependency of OCRmyPDF),
// with seeded noise, written as a greyscale PNG with its resolution. And the measures: word recall and
// character error rate.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { concatTransformationMatrix, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { schriften } from '../src/pdf/schrift.js';

const ausfuehren = promisify(execFile);
export const DPI = 300;

/** Known German text of a letter: umlauts, ß, compounds and numbers. */
export const BRIEFTEXT = [
  'Sehr geehrte Frau Müller,',
  'wir bestätigen den Eingang Ihres Antrags auf Baugenehmigung für das',
  'Grundstück in der Schloßstraße 12 vom 3. März. Die Prüfung der',
  'Unterlagen durch das Bauordnungsamt ergab, dass noch eine Äußerung',
  'der Straßenverkehrsbehörde und ein Übersichtsplan fehlen.',
  'Bitte reichen Sie diese Unterlagen innerhalb von vier Wochen nach.',
  'Für Rückfragen steht Ihnen Herr Größel montags bis freitags zur Verfügung.',
  'Mit freundlichen Grüßen, Ihre Gemeindeverwaltung Übelbach',
];

/** A PDF (vector text) of the lines on A4, the whole page turned by `winkel` degrees around its centre. */
export async function textPdf(seiten: string[][], winkel = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const { normal } = await schriften(doc);
  for (const zeilen of seiten) {
    const p = doc.addPage([595, 842]);
    const r = (winkel * Math.PI) / 180;
    const [cx, cy] = [297.5, 421];
    const [c, s] = [Math.cos(r), Math.sin(r)];
    p.pushOperators(pushGraphicsState(), concatTransformationMatrix(c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy));
    zeilen.forEach((z, i) => p.drawText(z, { x: 60, y: 760 - i * 22, size: 13, font: normal }));
    p.pushOperators(popGraphicsState());
  }
  return Buffer.from(await doc.save());
}

/** Ghostscript renders page `seite` (1-based) as 8-bit grey at 300 dpi. */
export async function rastere(pdf: Buffer, seite = 1): Promise<{ breite: number; hoehe: number; pixel: Buffer }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eakte-scan-'));
  try {
    await writeFile(path.join(dir, 'e.pdf'), pdf);
    await ausfuehren('gs', [
      '-q',
      '-dSAFER',
      '-dBATCH',
      '-dNOPAUSE',
      '-sDEVICE=pgmraw',
      `-r${DPI}`,
      `-dFirstPage=${seite}`,
      `-dLastPage=${seite}`,
      `-sOutputFile=${path.join(dir, 'a.pgm')}`,
      path.join(dir, 'e.pdf'),
    ]);
    const pgm = await readFile(path.join(dir, 'a.pgm'));
    // P5 header: magic, width, height, maxval, each followed by whitespace; gs adds a # comment
    const kopf = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 256));
    if (!kopf) throw new Error('no PGM from gs');
    return { breite: Number(kopf[1]), hoehe: Number(kopf[2]), pixel: pgm.subarray(kopf[0].length) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Seeded noise like a cheap scanner's: grey grain on every pixel and specks (salt and pepper). */
export function verrausche(pixel: Buffer, o: { seed: number; korn: number; flecken: number }): Buffer {
  let x = o.seed >>> 0 || 1;
  const zufall = () => {
    // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const aus = Buffer.from(pixel);
  for (let i = 0; i < aus.length; i++) {
    const z = zufall();
    if (z < o.flecken / 2) aus[i] = 0;
    else if (z < o.flecken) aus[i] = 255;
    else aus[i] = Math.max(0, Math.min(255, aus[i]! + Math.round((zufall() + zufall() - 1) * o.korn)));
  }
  return aus;
}

function chunk(typ: string, daten: Buffer): Buffer {
  const laenge = Buffer.alloc(4);
  laenge.writeUInt32BE(daten.length);
  const td = Buffer.concat([Buffer.from(typ, 'latin1'), daten]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([laenge, td, crc]);
}

/** A greyscale PNG with its resolution (pHYs), so OCRmyPDF knows the page size. */
export function png(b: { breite: number; hoehe: number; pixel: Buffer }, dpi = DPI): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(b.breite, 0);
  ihdr.writeUInt32BE(b.hoehe, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const phys = Buffer.alloc(9);
  const ppm = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1; // metre
  const zeilen = Buffer.alloc((b.breite + 1) * b.hoehe);
  for (let y = 0; y < b.hoehe; y++) b.pixel.copy(zeilen, y * (b.breite + 1) + 1, y * b.breite, (y + 1) * b.breite);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', deflateSync(zeilen)), chunk('IEND', Buffer.alloc(0))]);
}

/** A noisy, skewed 300-dpi scan of the lines as PNG. */
export async function scanPng(zeilen: string[], o: { winkel: number; seed: number; korn?: number; flecken?: number }): Promise<Buffer> {
  const bild = await rastere(await textPdf([zeilen], o.winkel));
  return png({ ...bild, pixel: verrausche(bild.pixel, { seed: o.seed, korn: o.korn ?? 40, flecken: o.flecken ?? 0.002 }) });
}

/** A multi-page greyscale TIFF at 300 dpi, by Ghostscript (one page per entry). */
export async function scanTiff(seiten: string[][], winkel = 0): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eakte-scan-'));
  try {
    await writeFile(path.join(dir, 'e.pdf'), await textPdf(seiten, winkel));
    await ausfuehren('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffgray', '-sCompression=lzw', `-r${DPI}`, `-sOutputFile=${path.join(dir, 'a.tif')}`, path.join(dir, 'e.pdf')]);
    return await readFile(path.join(dir, 'a.tif'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const woerter = (t: string) =>
  t
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the known words found in the recognised text (each occurrence counted once). */
export function wortTrefferquote(soll: string, ist: string): number {
  const vorrat = new Map<string, number>();
  for (const w of woerter(ist)) vorrat.set(w, (vorrat.get(w) ?? 0) + 1);
  const erwartet = woerter(soll);
  let gefunden = 0;
  for (const w of erwartet) {
    const n = vorrat.get(w) ?? 0;
    if (n > 0) {
      gefunden++;
      vorrat.set(w, n - 1);
    }
  }
  return gefunden / erwartet.length;
}

/** Character error rate: Levenshtein distance over the known text's length, whitespace normalised. */
export function zeichenfehlerrate(soll: string, ist: string): number {
  const a = [...soll.normalize('NFC').replace(/\s+/g, ' ').trim()];
  const b = [...ist.normalize('NFC').replace(/\s+/g, ' ').trim()];
  let vorige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const jetzt = [i];
    for (let j = 1; j <= b.length; j++) jetzt[j] = Math.min(vorige[j]! + 1, jetzt[j - 1]! + 1, vorige[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    vorige = jetzt;
  }
  return vorige[b.length]! / a.length;
}
