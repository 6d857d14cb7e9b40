// Aktenplan exchange as CSV (kennzeichen, titel, frist, aussonderungsart): agencies bring their
// existing plans. Every row is checked and all errors reported before anything is changed.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export const CSV_KOPF = ['kennzeichen', 'titel', 'frist', 'aussonderungsart'] as const;
const KENNZEICHEN = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;
export const MAX_ZEILEN = 20_000;

export type Frist = number | 'unbefristet' | null;

export interface CsvEinheit {
  zeile: number;
  kennzeichen: string;
  titel: string;
  /** undefined when the file has no such column: an existing unit keeps its value */
  frist: Frist | undefined;
  aussonderungsart: 'A' | 'B' | 'V' | null | undefined;
}

export interface CsvFehler {
  zeile: number;
  feld: string;
  meldung: string;
}

export const elternKennzeichen = (k: string) => (k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : null);

/** Reads and checks the rows; `vorhanden` are the Kennzeichen already in the tenant's Aktenplan. */
export function leseAktenplanCsv(text: string, vorhanden: ReadonlySet<string>): { einheiten: CsvEinheit[]; fehler: CsvFehler[] } {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, delimiter: [',', ';'] }) as string[][];
  } catch (err) {
    return { einheiten: [], fehler: [{ zeile: 0, feld: '', meldung: `Keine gültige CSV-Datei: ${(err as Error).message.split('\n')[0]}` }] };
  }
  const [kopf, ...daten] = rows;
  if (!kopf) return { einheiten: [], fehler: [{ zeile: 1, feld: '', meldung: 'Die Datei ist leer' }] };
  const spalten = kopf.map((k) => k.toLowerCase());
  const fehlend = ['kennzeichen', 'titel'].filter((k) => !spalten.includes(k));
  const unbekannt = spalten.filter((k) => !(CSV_KOPF as readonly string[]).includes(k));
  if (fehlend.length || unbekannt.length) {
    return {
      einheiten: [],
      fehler: [{ zeile: 1, feld: '', meldung: `Kopfzeile: ${[...fehlend.map((f) => `Spalte ${f} fehlt`), ...unbekannt.map((u) => `unbekannte Spalte ${u}`)].join(', ')}` }],
    };
  }
  if (daten.length > MAX_ZEILEN) return { einheiten: [], fehler: [{ zeile: 0, feld: '', meldung: `Höchstens ${MAX_ZEILEN} Zeilen` }] };

  const fehler: CsvFehler[] = [];
  const einheiten: CsvEinheit[] = [];
  const gesehen = new Map<string, number>();
  daten.forEach((werte, i) => {
    const zeile = i + 2;
    const wert = (name: string) => (werte[spalten.indexOf(name)] ?? '').trim();
    const kennzeichen = wert('kennzeichen');
    const titel = wert('titel');
    const fristText = wert('frist').toLowerCase();
    const art = wert('aussonderungsart').toUpperCase();
    const f = (feld: string, meldung: string) => fehler.push({ zeile, feld, meldung });
    if (!KENNZEICHEN.test(kennzeichen) || kennzeichen.length > 100) f('kennzeichen', `ungültiges Kennzeichen „${kennzeichen.slice(0, 40)}“`);
    else if (gesehen.has(kennzeichen)) f('kennzeichen', `${kennzeichen} steht schon in Zeile ${gesehen.get(kennzeichen)}`);
    else gesehen.set(kennzeichen, zeile);
    if (titel === '' || titel.length > 300) f('titel', 'Titel fehlt oder ist länger als 300 Zeichen');
    let frist: Frist = null;
    if (fristText === 'unbefristet') frist = 'unbefristet';
    else if (/^\d{1,3}$/.test(fristText) && Number(fristText) <= 200) frist = Number(fristText);
    else if (fristText !== '') f('frist', `Frist „${fristText}“ ist weder eine Zahl von Jahren (0–200) noch „unbefristet“`);
    if (art !== '' && !['A', 'B', 'V'].includes(art)) f('aussonderungsart', `Aussonderungsart „${art}“ ist nicht A, B oder V`);
    einheiten.push({
      zeile,
      kennzeichen,
      titel,
      frist: spalten.includes('frist') ? frist : undefined,
      aussonderungsart: !spalten.includes('aussonderungsart') ? undefined : art === '' ? null : (art as 'A' | 'B' | 'V'),
    });
  });
  for (const e of einheiten) {
    const eltern = elternKennzeichen(e.kennzeichen);
    if (eltern && KENNZEICHEN.test(e.kennzeichen) && !gesehen.has(eltern) && !vorhanden.has(eltern)) {
      fehler.push({ zeile: e.zeile, feld: 'kennzeichen', meldung: `übergeordnete Einheit ${eltern} fehlt` });
    }
  }
  // parents first, so that each unit's parent exists when it is inserted
  einheiten.sort((a, b) => a.kennzeichen.split('.').length - b.kennzeichen.split('.').length);
  return { einheiten, fehler: fehler.sort((a, b) => a.zeile - b.zeile) };
}

export function schreibeAktenplanCsv(einheiten: { kennzeichen: string; titel: string; frist: Frist; aussonderungsart: string | null }[]): string {
  return stringify(
    einheiten.map((e) => [e.kennzeichen, e.titel, e.frist === null ? '' : String(e.frist), e.aussonderungsart ?? '']),
    { header: true, columns: [...CSV_KOPF], record_delimiter: '\r\n' },
  );
}
