// The PDF check the service tests rely on must tell a damaged PDF from a good one.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pruefePdf } from '../src/pdf.js';

async function gutesPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Vernichtungsprotokoll', { x: 50, y: 700, font, size: 14 });
  return doc.save({ useObjectStreams: false });
}

describe('pruefePdf (qpdf --check)', () => {
  it('passes a PDF written by pdf-lib', async () => {
    expect(await pruefePdf(await gutesPdf())).toEqual({ code: 0, ausgabe: expect.stringMatching(/No syntax or stream encoding errors found/) });
  });

  it('fails a PDF cut off in the middle', async () => {
    const pdf = await gutesPdf();
    const r = await pruefePdf(pdf.slice(0, Math.floor(pdf.length / 2)));
    expect(r.code).not.toBe(0);
    expect(r.ausgabe).not.toMatch(/No syntax or stream encoding errors found/);
  });

  it('fails a PDF whose compressed page content is damaged', async () => {
    const pdf = Buffer.from(await gutesPdf());
    const roh = pdf.toString('latin1');
    const start = roh.indexOf('stream\n', roh.indexOf('/FlateDecode')) + 'stream\n'.length;
    expect(start).toBeGreaterThan(7);
    for (let i = start + 2; i < start + 12; i++) pdf[i] = 0xff - pdf[i]!;
    const r = await pruefePdf(pdf);
    expect(r.code).not.toBe(0);
    expect(r.ausgabe).toMatch(/stream inflate/);
  });

  it('fails what is not a PDF at all', async () => {
    expect((await pruefePdf(new TextEncoder().encode('<html>keine PDF</html>'))).code).not.toBe(0);
  });
});
