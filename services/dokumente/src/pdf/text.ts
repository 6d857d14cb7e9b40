// Text of PDFs through unpdf (pdf.js): whole text for the full-text index, and the positions of
// text on a page so that a stamp can avoid it.
import { extractText, getDocumentProxy } from 'unpdf';

// pdf.js in unpdf 1.8 calls Math.sumPrecise (ES2026, Node 24+); on Node 20 it warns and loses
// text positions. A compensated (Kahan) sum is precise enough for coordinates.
const mathMitSumme = Math as Math & { sumPrecise?: (werte: Iterable<number>) => number };
if (typeof mathMitSumme.sumPrecise !== 'function') {
  mathMitSumme.sumPrecise = (werte: Iterable<number>) => {
    let summe = 0;
    let ausgleich = 0;
    for (const w of werte) {
      const y = w - ausgleich;
      const t = summe + y;
      ausgleich = t - summe - y;
      summe = t;
    }
    return summe;
  };
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Bounding boxes (PDF user space) of the text items on page `nr` (1-based). */
export async function extractTextItems(bytes: Uint8Array, nr: number): Promise<{ x: number; y: number; b: number; h: number }[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const page = await pdf.getPage(nr);
    const content = await page.getTextContent();
    const boxes: { x: number; y: number; b: number; h: number }[] = [];
    for (const item of content.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
      if (!item.str?.trim() || !item.transform) continue;
      const [, , , d, e, f] = item.transform as [number, number, number, number, number, number];
      const h = Math.abs(item.height || d || 10);
      boxes.push({ x: e, y: f - h * 0.25, b: item.width ?? 0, h: h * 1.25 });
    }
    return boxes;
  } finally {
    await pdf.loadingTask.destroy();
  }
}
