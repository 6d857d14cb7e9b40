// The Vernichtungsprotokoll (docs/domaene.md R6) as a PDF: agency, process id, both approvers, date, and per
// object Aktenzeichen, Betreff, Laufzeit, number of files and their SHA-256. DejaVu Sans is embedded
// (subset) so umlauts and names outside WinAnsi print correctly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** How the archive's decision on an object was obtained, as the protocol states it. */
export type Bewertungsherkunft =
  | { art: '0502'; nachrichtId: string; prozessId: string; absender: string | null; erstellungszeitpunkt: string | null; eingegangenAm: string }
  | { art: 'manuell'; zeichen: string; datum: string; archivar: string; dokumentId: string | null; erfasstVon: string; erfasstAm: string };

export interface ProtokollObjekt {
  aktenzeichen: string;
  betreff: string;
  laufzeitBeginn: string | null;
  laufzeitEnde: string | null;
  dateien: { sha256: string }[];
  /** Absent in protocols of approvals before the evidence was recorded. */
  herkunft?: Bewertungsherkunft | null;
}

const tag = (iso: string) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium' }).format(new Date(iso));

/** The protocol's line on how the decision was obtained. */
export function herkunftText(h: Bewertungsherkunft | null | undefined): string {
  if (!h) return 'Bewertung: Herkunft nicht nachgewiesen';
  if (h.art === '0502') {
    return `Bewertung: Bewertungsverzeichnis (0502) des Archivs${h.absender ? ` ${h.absender}` : ''}, ProzessID ${h.prozessId}${h.erstellungszeitpunkt ? `, erstellt ${h.erstellungszeitpunkt}` : ''}, eingegangen am ${tag(h.eingegangenAm)} (Nachricht ${h.nachrichtId})`;
  }
  return `Bewertung: von Hand erfasst von ${h.erfasstVon} am ${tag(h.erfasstAm)} nach Schreiben des Archivs, Zeichen ${h.zeichen}, vom ${tag(h.datum)}, Archivar/in ${h.archivar}${h.dokumentId ? `; Schreiben als Dokument ${h.dokumentId}` : ''}`;
}

export interface Protokolldaten {
  behoerde: string;
  prozessId: string;
  beantragtVon: string;
  beantragtAm: Date;
  freigegebenVon: string;
  freigegebenAm: Date;
  objekte: ProtokollObjekt[];
  /** A Nachtrag: objects destroyed after the protocol was written (a Löschsperre had stopped them). */
  nachtrag?: { nr: number };
}

const require = createRequire(import.meta.url);
let schrift: Uint8Array | undefined;
function schriftDaten(): Uint8Array {
  schrift ??= readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  return schrift;
}

const A4: [number, number] = [595.28, 841.89];
const RAND = 50;

const datum = (d: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(d);

/** Splits text into lines that fit `breite` at `groesse`. */
function umbrechen(text: string, font: PDFFont, groesse: number, breite: number): string[] {
  const zeilen: string[] = [];
  let zeile = '';
  for (const wort of text.split(/\s+/)) {
    const probe = zeile ? `${zeile} ${wort}` : wort;
    if (font.widthOfTextAtSize(probe, groesse) <= breite || !zeile) zeile = probe;
    else {
      zeilen.push(zeile);
      zeile = wort;
    }
  }
  if (zeile) zeilen.push(zeile);
  return zeilen;
}

export async function vernichtungsprotokollPdf(d: Protokolldaten, erstellt = new Date()): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(schriftDaten(), { subset: true });
  const titel = d.nachtrag ? `Nachtrag ${d.nachtrag.nr} zum Vernichtungsprotokoll` : 'Vernichtungsprotokoll';
  pdf.setTitle(`${titel} ${d.prozessId}`);
  pdf.setAuthor(d.behoerde);
  pdf.setCreator('E-Akte');
  pdf.setProducer('E-Akte');
  pdf.setCreationDate(erstellt);
  pdf.setModificationDate(erstellt);

  let seite: PDFPage = pdf.addPage(A4);
  let y = A4[1] - RAND;
  const breite = A4[0] - 2 * RAND;
  const schreibe = (text: string, groesse = 10, einzug = 0) => {
    for (const zeile of umbrechen(text, font, groesse, breite - einzug)) {
      if (y < RAND + groesse) {
        seite = pdf.addPage(A4);
        y = A4[1] - RAND;
      }
      seite.drawText(zeile, { x: RAND + einzug, y, size: groesse, font, color: rgb(0, 0, 0) });
      y -= groesse * 1.4;
    }
  };

  schreibe(titel, 18);
  y -= 6;
  schreibe(`Behörde: ${d.behoerde}`);
  schreibe(`Aussonderung (ProzessID): ${d.prozessId}`);
  schreibe(`Vernichtung beantragt von ${d.beantragtVon} am ${datum(d.beantragtAm)}`);
  schreibe(`Vernichtung freigegeben von ${d.freigegebenVon} am ${datum(d.freigegebenAm)}`);
  if (d.nachtrag) {
    schreibe(
      `Zum Vernichtungsprotokoll dieser Aussonderung: Die Vernichtung der folgenden Objekte war durch eine Löschsperre angehalten und wurde nach deren Aufhebung auf Grund derselben Freigabe ausgeführt.`,
    );
  }
  schreibe(`Anzahl vernichteter Akten: ${d.objekte.length}`);
  y -= 8;
  d.objekte.forEach((o, i) => {
    schreibe(`${i + 1}. ${o.aktenzeichen} – ${o.betreff}`, 11);
    schreibe(`Laufzeit: ${o.laufzeitBeginn ?? '–'} bis ${o.laufzeitEnde ?? '–'}; Dateien: ${o.dateien.length}`, 9, 14);
    schreibe(herkunftText(o.herkunft), 9, 14);
    for (const f of o.dateien) schreibe(`SHA-256 ${f.sha256}`, 7, 14);
    y -= 4;
  });
  y -= 8;
  schreibe('Die Objekte wurden vom zuständigen Archiv als nicht archivwürdig (V) bewertet. Ihr Inhalt wurde vollständig gelöscht; die Metadaten bleiben als Nachweis erhalten.', 9);
  return pdf.save({ useObjectStreams: false });
}
