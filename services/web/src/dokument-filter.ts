// Filtering a Vorgang's Dokumente as listed (all of them are loaded, up to 200): by text in Betreff
// or file name (case, ß/ss and umlauts folded like the server's search), by format (the file's
// extension, as users know it: PDF, DOCX …) and by the date of the letter.
import type { Schemas } from '@eakte/api-client';

export interface DokumentFilter {
  text: string;
  format: string;
  von: string;
  bis: string;
}

export const OHNE_DOKUMENTFILTER: DokumentFilter = { text: '', format: '', von: '', bis: '' };

export const istGefiltert = (f: DokumentFilter) => !!(f.text.trim() || f.format || f.von || f.bis);

/** Folds text as the server's search does: Straße/Strasse, Ärger/Aerger, Café/Cafe compare equal. */
export function falte(t: string): string {
  return t
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ẞ/g, 'SS')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** A document's format: its file's extension in capitals, or none. */
export function formatDes(d: Pick<Schemas['Dokument'], 'aktuelleVersion'>): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(d.aktuelleVersion?.dateiname ?? '');
  return m ? m[1]!.toUpperCase() : '';
}

/** The formats present, sorted: the choices of the format filter. */
export const formate = (dokumente: readonly Schemas['Dokument'][]) => [...new Set(dokumente.map(formatDes).filter(Boolean))].sort();

export function dokumenteFiltern(dokumente: readonly Schemas['Dokument'][], f: DokumentFilter): Schemas['Dokument'][] {
  const text = falte(f.text.trim());
  return dokumente.filter((d) => {
    if (text && !falte(`${d.betreff ?? ''} ${d.aktuelleVersion?.dateiname ?? ''}`).includes(text)) return false;
    if (f.format && formatDes(d) !== f.format) return false;
    const tag = d.datumDesSchreibens?.slice(0, 10);
    if ((f.von || f.bis) && !tag) return false;
    if (f.von && tag! < f.von) return false;
    if (f.bis && tag! > f.bis) return false;
    return true;
  });
}
