// Aktenauszug for file inspection (Akteneinsicht): a cover page with the Akte's metadata, a table
// of contents (Vorgang, Dokument, date, pages), every PDF Dokument appended, and on every page a
// footer with the Aktenzeichen and the page number. Other formats are listed with name, type and
// SHA-256 so the reader can ask for them.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { passend, schriften } from './schrift.js';

export interface AuszugAkte {
  behoerde: string;
  aktenzeichen: string;
  betreff: string;
  status: string;
  vertraulichkeitsstufe: string;
  laufzeitBeginn: string;
  laufzeitEnde: string | null;
  zdaDatum: string | null;
}

export interface AuszugEintrag {
  vorgang: string;
  betreff: string;
  datum: string;
  dateiname: string;
  mimeType: string;
  sha256: string;
  /** The content when it is a PDF; null for other formats. */
  pdf: Uint8Array | null;
}

const A4: [number, number] = [595.28, 841.89];
const RAND = 50;
const ZEILEN_JE_SEITE = 38;
const STUFEN: Record<string, string> = { '003': 'Offen', '002': 'VS – Nur für den Dienstgebrauch', '005': 'Vertraulich', '001': 'Geheim', '004': 'Streng geheim' };
const deDatum = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '–');

export async function erstelleAuszug(akte: AuszugAkte, eintraege: AuszugEintrag[], stand: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Aktenauszug ${akte.aktenzeichen}`);
  doc.setSubject(akte.betreff);
  doc.setProducer('E-Akte');
  doc.setCreationDate(stand);
  doc.setModificationDate(stand);
  const { normal, fett } = await schriften(doc);

  // load the PDFs first: their page counts go into the table of contents
  const quellen = await Promise.all(
    eintraege.map(async (e) => {
      if (!e.pdf) return null;
      try {
        const q = await PDFDocument.load(e.pdf, { updateMetadata: false });
        // a damaged file may load and fail only on its page tree
        return q.getPageCount() > 0 ? q : null;
      } catch {
        return null; // encrypted or damaged: listed, not embedded
      }
    }),
  );
  const tocSeiten = Math.max(1, Math.ceil(eintraege.length / ZEILEN_JE_SEITE));
  let naechste = 1 + tocSeiten + 1;
  const seitenangaben = quellen.map((q) => {
    if (!q) return null;
    const von = naechste;
    naechste += q.getPageCount();
    return { von, bis: naechste - 1 };
  });

  // cover page
  const deckblatt = doc.addPage(A4);
  let y = A4[1] - RAND - 10;
  const schreibe = (p: PDFPage, t: string, f: PDFFont, g: number, x = RAND) => {
    p.drawText(passend(t, f, g, A4[0] - x - RAND), { x, y, size: g, font: f });
    y -= g + 8;
  };
  schreibe(deckblatt, akte.behoerde, normal, 11);
  y -= 30;
  schreibe(deckblatt, 'Aktenauszug', fett, 24);
  schreibe(deckblatt, akte.aktenzeichen, fett, 16);
  y -= 10;
  for (const [k, w] of [
    ['Betreff', akte.betreff],
    ['Status', akte.status === 'geschlossen' ? `geschlossen (z.d.A. ${deDatum(akte.zdaDatum)})` : 'offen'],
    ['Laufzeit', `${deDatum(akte.laufzeitBeginn)} – ${deDatum(akte.laufzeitEnde)}`],
    ['Vertraulichkeit', STUFEN[akte.vertraulichkeitsstufe] ?? akte.vertraulichkeitsstufe],
    ['Dokumente', String(eintraege.length)],
    ['Stand', new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(stand)],
  ] as const) {
    deckblatt.drawText(`${k}:`, { x: RAND, y, size: 11, font: fett });
    deckblatt.drawText(passend(w, normal, 11, A4[0] - 2 * RAND - 110), { x: RAND + 110, y, size: 11, font: normal });
    y -= 19;
  }

  // table of contents
  const spalten = [RAND, RAND + 110, RAND + 330, RAND + 400];
  for (let s = 0; s < tocSeiten; s++) {
    const p = doc.addPage(A4);
    y = A4[1] - RAND - 10;
    p.drawText(s === 0 ? 'Inhaltsverzeichnis' : 'Inhaltsverzeichnis (Fortsetzung)', { x: RAND, y, size: 14, font: fett });
    y -= 26;
    ['Vorgang', 'Dokument', 'Datum', 'Seiten / Format'].forEach((t, i) => p.drawText(t, { x: spalten[i]!, y, size: 9, font: fett }));
    y -= 4;
    p.drawLine({ start: { x: RAND, y }, end: { x: A4[0] - RAND, y }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
    y -= 13;
    for (let i = s * ZEILEN_JE_SEITE; i < Math.min(eintraege.length, (s + 1) * ZEILEN_JE_SEITE); i++) {
      const e = eintraege[i]!;
      const seiten = seitenangaben[i];
      p.drawText(passend(e.vorgang, normal, 8, 105), { x: spalten[0]!, y, size: 8, font: normal });
      p.drawText(passend(`${e.betreff} (${e.dateiname})`, normal, 8, 215), { x: spalten[1]!, y, size: 8, font: normal });
      p.drawText(deDatum(e.datum), { x: spalten[2]!, y, size: 8, font: normal });
      p.drawText(seiten ? (seiten.von === seiten.bis ? `S. ${seiten.von}` : `S. ${seiten.von}–${seiten.bis}`) : 'nicht enthalten', { x: spalten[3]!, y, size: 8, font: normal });
      if (!seiten) {
        y -= 9;
        p.drawText(passend(`${e.mimeType} · SHA-256 ${e.sha256}`, normal, 6, A4[0] - RAND - spalten[1]!), { x: spalten[1]!, y, size: 6, font: normal, color: rgb(0.35, 0.35, 0.35) });
      }
      y -= 12;
    }
  }

  // the documents themselves
  for (const q of quellen) {
    if (!q) continue;
    const kopien = await doc.copyPages(q, q.getPageIndices());
    for (const k of kopien) doc.addPage(k);
  }

  // footer on every page
  const gesamt = doc.getPageCount();
  doc.getPages().forEach((p, i) => {
    const box = p.getCropBox();
    const text = `Aktenauszug ${akte.aktenzeichen} · Seite ${i + 1} von ${gesamt}`;
    const breite = normal.widthOfTextAtSize(text, 7);
    p.drawRectangle({ x: box.x + box.width / 2 - breite / 2 - 3, y: box.y + 8, width: breite + 6, height: 11, color: rgb(1, 1, 1), opacity: 0.85 });
    p.drawText(text, { x: box.x + box.width / 2 - breite / 2, y: box.y + 11, size: 7, font: normal, color: rgb(0.25, 0.25, 0.25) });
  });
  return doc.save();
}
