// Scans for the OCR tests, built in Node: an image-only PDF, a multi-page TIFF and a PDF locked by a password.
import { PDFDocument } from 'pdf-lib';

/** A PDF whose only page content is an image (no text): what a scanner makes. */
export async function bildPdf(png: Buffer, seiten = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const bild = await doc.embedPng(png);
  for (let i = 0; i < seiten; i++) doc.addPage([200, 200]).drawImage(bild, { x: 0, y: 0, width: 200, height: 200 });
  return Buffer.from(await doc.save());
}

/** A little-endian TIFF of `seiten` 1×1 grey pages (one IFD each, chained). */
export function tiff(seiten: number): Buffer {
  const teile: Buffer[] = [];
  const kopf = Buffer.alloc(8);
  kopf.write('II', 0, 'latin1');
  kopf.writeUInt16LE(42, 2);
  kopf.writeUInt32LE(8, 4);
  teile.push(kopf);
  const eintraege: [number, number, number, number][] = [
    [256, 3, 1, 1], // ImageWidth
    [257, 3, 1, 1], // ImageLength
    [258, 3, 1, 8], // BitsPerSample
    [259, 3, 1, 1], // Compression: none
    [262, 3, 1, 1], // Photometric: black is zero
    [273, 4, 1, 0], // StripOffsets (set below)
    [277, 3, 1, 1], // SamplesPerPixel
    [278, 3, 1, 1], // RowsPerStrip
    [279, 4, 1, 1], // StripByteCounts
  ];
  const ifdLaenge = 2 + eintraege.length * 12 + 4;
  let pos = 8;
  for (let s = 0; s < seiten; s++) {
    const ifd = Buffer.alloc(ifdLaenge + 2); // + the pixel (and a pad byte)
    ifd.writeUInt16LE(eintraege.length, 0);
    eintraege.forEach(([tag, typ, anzahl, wert], i) => {
      const o = 2 + i * 12;
      ifd.writeUInt16LE(tag, o);
      ifd.writeUInt16LE(typ, o + 2);
      ifd.writeUInt32LE(anzahl, o + 4);
      if (tag === 273) ifd.writeUInt32LE(pos + ifdLaenge, o + 8);
      else if (typ === 3) ifd.writeUInt16LE(wert, o + 8);
      else ifd.writeUInt32LE(wert, o + 8);
    });
    const naechste = s + 1 < seiten ? pos + ifd.length : 0;
    ifd.writeUInt32LE(naechste, 2 + eintraege.length * 12);
    ifd[ifdLaenge] = 0xff;
    teile.push(ifd);
    pos += ifd.length;
  }
  return Buffer.concat(teile);
}

/** A PDF with a Standard security handler whose user password is not empty: unreadable without it. */
export function passwortPdf(): Buffer {
  const objekte = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`,
  ];
  let text = '%PDF-1.4\n';
  const lagen: number[] = [];
  objekte.forEach((o, i) => {
    lagen.push(Buffer.byteLength(text, 'latin1'));
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objekte.length + 1}\n0000000000 65535 f \n${lagen.map((l) => `${String(l).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objekte.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}
