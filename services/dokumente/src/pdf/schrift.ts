// Fonts for generated PDFs: DejaVu Sans covers German umlauts and far beyond WinAnsi (names
// like Ő or Ł), embedded as a subset. TTF only: WOFF2 crashes pdf-lib's subsetter.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const require = createRequire(import.meta.url);
const pfad = (datei: string) => require.resolve(`dejavu-fonts-ttf/ttf/${datei}`);
let cache: Promise<{ normal: Buffer; fett: Buffer }> | null = null;

function ladeBytes() {
  cache ??= Promise.all([readFile(pfad('DejaVuSans.ttf')), readFile(pfad('DejaVuSans-Bold.ttf'))]).then(([normal, fett]) => ({ normal, fett }));
  return cache;
}

export async function schriften(doc: PDFDocument): Promise<{ normal: PDFFont; fett: PDFFont }> {
  doc.registerFontkit(fontkit);
  const b = await ladeBytes();
  return { normal: await doc.embedFont(b.normal, { subset: true }), fett: await doc.embedFont(b.fett, { subset: true }) };
}

/** Cuts `text` so that it fits `breite` points, with an ellipsis. */
export function passend(text: string, font: PDFFont, groesse: number, breite: number): string {
  if (font.widthOfTextAtSize(text, groesse) <= breite) return text;
  const zeichen = [...text];
  while (zeichen.length > 1 && font.widthOfTextAtSize(`${zeichen.join('')}…`, groesse) > breite) zeichen.pop();
  return `${zeichen.join('')}…`;
}
