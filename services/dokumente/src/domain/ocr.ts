// Text recognition (OCR) of scans: which uploads are scans, how OCRmyPDF is called, and what its
// answer means for the Dokument's OCR state. Plain functions; the job in arbeiter/texterkennung.ts runs them.
import type { OcrStatus } from '@eakte/db/schema';

/** Image formats that are always scans (a PDF is one only when it has no text). */
const BILDFORMATE: Record<string, string> = { 'image/tiff': 'tif', 'image/png': 'png', 'image/jpeg': 'jpg' };

export const istBildScan = (mimeType: string) => mimeType in BILDFORMATE;

/** File extension OCRmyPDF needs to tell an image from a PDF. */
export const endungFuerOcr = (mimeType: string) => BILDFORMATE[mimeType] ?? 'pdf';

/** Stable reasons of the state `fehler` (the API shows them with a German text). */
export const OCR_GRUENDE = {
  zu_gross: 'Der Scan ist größer als die eingestellte Grenze für die Texterkennung.',
  zu_viele_seiten: 'Der Scan hat mehr Seiten als die eingestellte Grenze für die Texterkennung.',
  passwortgeschuetzt: 'Das PDF ist mit einem Passwort geschützt; ohne Passwort kann sein Inhalt nicht gelesen werden.',
  defekt: 'Die Datei ist beschädigt oder kein lesbares PDF bzw. Bild.',
  hat_bereits_text: 'Das PDF enthält bereits Text; es wird nicht erneut erkannt.',
  pdfa_fehlgeschlagen: 'Das Ergebnis konnte nicht als PDF/A-2b erzeugt werden.',
  ocr_fehlgeschlagen: 'Die Texterkennung ist mehrfach fehlgeschlagen.',
} as const;
export type OcrGrund = keyof typeof OCR_GRUENDE;

/** What to install when OCR is not available (shown with `nicht_verfuegbar`). */
export const OCR_INSTALLATIONSHINWEIS =
  'Texterkennung ist auf diesem Server nicht installiert: die Debian-Pakete ocrmypdf und tesseract-ocr-deu installieren (apt-get install ocrmypdf tesseract-ocr-deu).';

export interface OcrZustand {
  status: OcrStatus;
  seiten?: number | null;
  grund?: OcrGrund | null;
}

/** The OCR state as the API shows it, with a text for a reason or for `nicht_verfuegbar`. */
export function ocrDarstellung(z: { status: OcrStatus; seiten: number | null; grund: string | null }) {
  return {
    status: z.status,
    ...(z.seiten !== null ? { seiten: z.seiten } : {}),
    ...(z.grund !== null ? { grund: z.grund as OcrGrund } : {}),
    ...(z.status === 'fehler' && z.grund ? { meldung: OCR_GRUENDE[z.grund as OcrGrund] ?? z.grund } : {}),
    ...(z.status === 'nicht_verfuegbar' ? { meldung: OCR_INSTALLATIONSHINWEIS } : {}),
  };
}

/**
 * Which state may follow which: `ausstehend` ends in one of the others; `fertig` is final (the
 * rendition exists); a failed or unavailable OCR may be tried again (e.g. after installing OCRmyPDF).
 */
const UEBERGAENGE: Record<OcrStatus, readonly OcrStatus[]> = {
  ausstehend: ['ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar'],
  fehler: ['ausstehend'],
  nicht_verfuegbar: ['ausstehend'],
  fertig: [],
};

export const ocrUebergangErlaubt = (von: OcrStatus | null, nach: OcrStatus) => (von === null ? nach === 'ausstehend' || nach === 'fehler' : UEBERGAENGE[von].includes(nach));

export interface OcrGrenzen {
  maxSeiten: number;
  maxGroesse: number;
}

/** `zu_gross` / `zu_viele_seiten` before any work, null within the limits. */
export function pruefeOcrGrenzen(g: OcrGrenzen, groesse: number, seiten: number | null): OcrGrund | null {
  if (groesse > g.maxGroesse) return 'zu_gross';
  if (seiten !== null && seiten > g.maxSeiten) return 'zu_viele_seiten';
  return null;
}

/**
 * Arguments of OCRmyPDF: German and English, straightened and turned pages, PDF/A-2 output and the
 * recognised text beside it (for the full-text index). One core per job: the job runner runs jobs side by side.
 */
export function ocrArgumente(o: { eingabe: string; ausgabe: string; text: string; bildDpi?: number }): string[] {
  return ['-l', 'deu+eng', '--deskew', '--rotate-pages', '--output-type', 'pdfa-2', '--sidecar', o.text, '--jobs', '1', ...(o.bildDpi ? ['--image-dpi', String(o.bildDpi)] : []), o.eingabe, o.ausgabe];
}

/**
 * OCRmyPDF's exit code (its documented ExitCode) as the next step: done, a final state, or `erneut`
 * (a passing fault: the job's next attempt). An image without resolution is tried again at 300 dpi.
 */
export type OcrAusgang = { art: 'fertig' } | { art: 'zustand'; zustand: OcrZustand } | { art: 'ohne_dpi' } | { art: 'erneut' };

export function deuteOcrAusgang(code: number | null, stderr: string): OcrAusgang {
  switch (code) {
    case 0:
      return { art: 'fertig' };
    case 2: // InputFileError
      return /dpi|resolution/i.test(stderr) ? { art: 'ohne_dpi' } : { art: 'zustand', zustand: { status: 'fehler', grund: 'defekt' } };
    case 3: // MissingDependencyError: e.g. a Tesseract language not installed
      return { art: 'zustand', zustand: { status: 'nicht_verfuegbar' } };
    case 6: // PriorOcrFoundError
      return { art: 'zustand', zustand: { status: 'fehler', grund: 'hat_bereits_text' } };
    case 8: // EncryptedPdfError
      return { art: 'zustand', zustand: { status: 'fehler', grund: 'passwortgeschuetzt' } };
    case 10: // PdfaConversionFailedError
      return { art: 'zustand', zustand: { status: 'fehler', grund: 'pdfa_fehlgeschlagen' } };
    default:
      return { art: 'erneut' };
  }
}

/**
 * Number of pages (IFDs) of a TIFF, reading only the header and the IFD chain through `lies`
 * (offset, length → bytes); null when the bytes are no TIFF. Guards against loops and endless chains.
 */
export async function tiffSeiten(lies: (pos: number, laenge: number) => Promise<Buffer>, maxSeiten = 100_000): Promise<number | null> {
  const kopf = await lies(0, 8);
  if (kopf.length < 8) return null;
  const le = kopf.toString('latin1', 0, 2) === 'II';
  if (!le && kopf.toString('latin1', 0, 2) !== 'MM') return null;
  const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (u16(kopf, 2) !== 42) return null; // BigTIFF (43) and others: not counted
  let pos = u32(kopf, 4);
  const gesehen = new Set<number>();
  let seiten = 0;
  while (pos !== 0) {
    if (gesehen.has(pos) || seiten > maxSeiten) return null;
    gesehen.add(pos);
    const n = await lies(pos, 2);
    if (n.length < 2) return null;
    const eintraege = u16(n, 0);
    const naechste = await lies(pos + 2 + eintraege * 12, 4);
    if (naechste.length < 4) return null;
    seiten++;
    pos = u32(naechste, 0);
  }
  return seiten;
}

/** pdf.js's error for a PDF that cannot be read at all: password or broken; null for other faults. */
export function pdfFehlerGrund(err: unknown): OcrGrund | null {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') return 'passwortgeschuetzt';
  if (name === 'InvalidPDFException') return 'defekt';
  return null;
}
