// Files the outside clients upload: real PDFs of a chosen size (random bytes in an embedded file, so
// every byte range is distinct and the text stays extractable).
import { createHash, randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A one-page PDF with `text` on it, padded to about `groesse` bytes (at least the bare page). */
export async function pdf(text: string, groesse = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const seite = doc.addPage([595, 842]);
  seite.drawText(text, { x: 50, y: 780, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  const bare = Buffer.from(await doc.save());
  if (groesse <= bare.length) return bare;
  await doc.attach(randomBytes(groesse - bare.length - 600), 'anlage.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
