// Eingangsstempel: a receipt stamp on page 1 of a PDF (agency, date and time of receipt,
// Aktenzeichen/Vorgang, document number). It goes into a margin corner that covers no text if
// there is one (top right first); the original version stays untouched.
import { PDFDocument, rgb } from 'pdf-lib';
import { extractTextItems } from './text.js';
import { passend, schriften } from './schrift.js';

export interface Stempelangaben {
  behoerde: string;
  eingang: Date;
  aktenzeichen: string;
  vorgang: string;
  dokumentNr: string;
}

interface Rechteck {
  x: number;
  y: number;
  b: number;
  h: number;
}

const BREITE = 215;
const HOEHE = 66;
const RAND = 14;

const ueberlappt = (a: Rechteck, b: Rechteck) => a.x < b.x + b.b && b.x < a.x + a.b && a.y < b.y + b.h && b.y < a.y + a.h;

export const berlinerZeit = (d: Date) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);

/** Returns the stamped PDF; throws for encrypted or unreadable input. */
export async function stempele(original: Uint8Array, angaben: Stempelangaben): Promise<{ pdf: Uint8Array; ecke: string }> {
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const seite = doc.getPage(0);
  const box = seite.getCropBox();
  const kandidaten: [string, Rechteck][] = [
    ['oben-rechts', { x: box.x + box.width - BREITE - RAND, y: box.y + box.height - HOEHE - RAND, b: BREITE, h: HOEHE }],
    ['oben-links', { x: box.x + RAND, y: box.y + box.height - HOEHE - RAND, b: BREITE, h: HOEHE }],
    ['unten-rechts', { x: box.x + box.width - BREITE - RAND, y: box.y + RAND, b: BREITE, h: HOEHE }],
    ['unten-links', { x: box.x + RAND, y: box.y + RAND, b: BREITE, h: HOEHE }],
  ];
  const text = await extractTextItems(original, 1).catch(() => []);
  const [ecke, r] = kandidaten.find(([, k]) => !text.some((t) => ueberlappt(k, t))) ?? kandidaten[0]!;

  const { normal, fett } = await schriften(doc);
  const rot = rgb(0.72, 0.07, 0.07);
  seite.drawRectangle({ x: r.x, y: r.y, width: r.b, height: r.h, borderColor: rot, borderWidth: 1.2, color: rgb(1, 1, 1), opacity: 0.92 });
  const zeilen: [string, typeof normal, number][] = [
    [passend(angaben.behoerde, fett, 8.5, r.b - 10), fett, 8.5],
    [`Eingegangen am ${berlinerZeit(angaben.eingang)} Uhr`, fett, 8.5],
    [passend(`Az.: ${angaben.aktenzeichen}`, normal, 7.5, r.b - 10), normal, 7.5],
    [passend(`Vorgang: ${angaben.vorgang}`, normal, 7.5, r.b - 10), normal, 7.5],
    [passend(`Dok.-Nr.: ${angaben.dokumentNr}`, normal, 6.5, r.b - 10), normal, 6.5],
  ];
  let y = r.y + r.h - 12;
  for (const [t, f, g] of zeilen) {
    seite.drawText(t, { x: r.x + 5, y, size: g, font: f, color: rot });
    y -= g + 4;
  }
  return { pdf: await doc.save(), ecke };
}
