// PDF/A check of an OCR result with qpdf (installed with OCRmyPDF), on the file on disk: the file's
// structure (`qpdf --check`), its XMP identification (pdfaid:part 2, conformance B) and an OutputIntent
// GTS_PDFA1 with an ICC profile. This is not a full PDF/A validation (veraPDF is not available from the
// package registries here): it shows that OCRmyPDF made what it claims, and catches a damaged result.
import { starte } from './programm.js';

export interface PdfAPruefung {
  ok: boolean;
  struktur: boolean;
  teil: string | null;
  konformitaet: string | null;
  outputIntent: boolean;
  /** What failed, in plain words (empty when ok). */
  maengel: string[];
}

const referenz = (text: string, schluessel: string) => {
  const m = new RegExp(`/${schluessel}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(text);
  return m ? `${m[1]},${m[2]}` : null;
};

/** Reads a pdfaid property in attribute form (`pdfaid:part="2"`) or element form (`<pdfaid:part>2</pdfaid:part>`). */
export function pdfaidAusXmp(xmp: string): { teil: string | null; konformitaet: string | null } {
  const wert = (name: string) => new RegExp(`pdfaid:${name}\\s*=\\s*["']([^"']*)["']`).exec(xmp)?.[1] ?? new RegExp(`<pdfaid:${name}>\\s*([^<\\s]*)\\s*</pdfaid:${name}>`).exec(xmp)?.[1] ?? null;
  return { teil: wert('part'), konformitaet: wert('conformance') };
}

export async function pruefePdfA(qpdf: string, datei: string, timeoutMs = 120_000): Promise<PdfAPruefung> {
  const maengel: string[] = [];
  const check = await starte(qpdf, ['--check', datei], timeoutMs);
  const struktur = check.code === 0;
  if (!struktur) maengel.push(`qpdf --check: exit ${check.code}`);
  const zeige = async (objekt: string, gefiltert = false) => (await starte(qpdf, [`--show-object=${objekt}`, ...(gefiltert ? ['--filtered-stream-data'] : []), datei], timeoutMs)).stdout;
  const root = referenz(await zeige('trailer'), 'Root');
  const katalog = root ? await zeige(root) : '';
  const meta = referenz(katalog, 'Metadata');
  const { teil, konformitaet } = meta ? pdfaidAusXmp(await zeige(meta, true)) : { teil: null, konformitaet: null };
  if (teil !== '2') maengel.push(`XMP pdfaid:part ${teil ?? 'fehlt'}, erwartet 2`);
  if (konformitaet?.toUpperCase() !== 'B') maengel.push(`XMP pdfaid:conformance ${konformitaet ?? 'fehlt'}, erwartet B`);
  // the OutputIntents array holds references (or, rarely, the dictionaries themselves)
  const intents = /\/OutputIntents\s*\[([^\]]*)\]/.exec(katalog)?.[1] ?? '';
  const erste = /(\d+)\s+(\d+)\s+R/.exec(intents);
  const intent = erste ? await zeige(`${erste[1]},${erste[2]}`) : intents;
  const outputIntent = /\/S\s*\/GTS_PDFA1\b/.test(intent) && /\/DestOutputProfile\s+\d+\s+\d+\s+R/.test(intent);
  if (!outputIntent) maengel.push('keine OutputIntent GTS_PDFA1 mit ICC-Profil');
  return { ok: maengel.length === 0, struktur, teil, konformitaet, outputIntent, maengel };
}
