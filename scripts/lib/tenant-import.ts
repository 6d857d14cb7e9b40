// Bulk onboarding of a wave of agencies from CSV, through the API (same validation as a single create).
import { type createClient } from '@eakte/api-client';
import { parse } from 'csv-parse/sync';

export const CSV_SPALTEN = [
  'slug',
  'name',
  'behoerdenkennung',
  'behoerdenschluesselListURI',
  'behoerdenschluesselListVersionID',
  'zustaendigesArchiv',
  'aktenzeichenRegel',
  'erlaubteFormate',
  'maxUploadGroesse',
] as const;

export interface ImportZeile {
  zeile: number;
  slug: string;
  ergebnis: 'angelegt' | 'vorhanden' | 'fehler';
  meldung?: string;
}

type Client = ReturnType<typeof createClient>;

class ZeilenFehler extends Error {}

/**
 * `praefix:schluessel` (split at the first colon, e.g. `ags:09162000`) with the optional code list of
 * the Behördenschlüssel from its own columns; the code rules themselves are checked by the API.
 */
function behoerdenkennung(r: Record<string, string>) {
  const liste = { listURI: r.behoerdenschluesselListURI, listVersionID: r.behoerdenschluesselListVersionID };
  if (!r.behoerdenkennung) {
    if (liste.listURI || liste.listVersionID) throw new ZeilenFehler('behoerdenkennung: fehlt, obwohl eine Codeliste des Behördenschlüssels angegeben ist');
    return {};
  }
  const i = r.behoerdenkennung.indexOf(':');
  if (i <= 0 || i === r.behoerdenkennung.length - 1) throw new ZeilenFehler(`behoerdenkennung: „${r.behoerdenkennung}“ hat nicht die Form praefix:schluessel (z. B. ags:09162000)`);
  return {
    behoerdenkennung: {
      behoerdenschluessel: {
        code: r.behoerdenkennung.slice(i + 1),
        ...(liste.listURI ? { listURI: liste.listURI } : {}),
        ...(liste.listVersionID ? { listVersionID: liste.listVersionID } : {}),
      },
      praefix: { code: r.behoerdenkennung.slice(0, i) },
    },
  };
}

function zuAnfrage(r: Record<string, string>) {
  const einstellungen: Record<string, unknown> = {};
  if (r.zustaendigesArchiv) einstellungen.zustaendigesArchiv = r.zustaendigesArchiv;
  if (r.aktenzeichenRegel) einstellungen.aktenzeichenRegel = r.aktenzeichenRegel;
  if (r.erlaubteFormate)
    einstellungen.erlaubteFormate = r.erlaubteFormate
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  if (r.maxUploadGroesse) einstellungen.maxUploadGroesse = /^\d+$/.test(r.maxUploadGroesse) ? Number(r.maxUploadGroesse) : r.maxUploadGroesse;
  return {
    slug: r.slug ?? '',
    name: r.name ?? '',
    ...behoerdenkennung(r),
    ...(Object.keys(einstellungen).length ? { einstellungen } : {}),
  };
}

/**
 * Creates every tenant of the CSV that does not exist yet. Idempotent: a slug that exists is
 * reported as `vorhanden` and left unchanged. Each row is reported; one bad row stops nothing.
 */
export async function importiereMandanten(csv: string, client: Client, fortschritt: (z: ImportZeile, i: number, n: number) => void) {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const unbekannt = rows.length ? Object.keys(rows[0]!).filter((k) => !(CSV_SPALTEN as readonly string[]).includes(k)) : [];
  if (unbekannt.length) throw new Error(`unbekannte Spalten: ${unbekannt.join(', ')} (erlaubt: ${CSV_SPALTEN.join(', ')})`);
  const ergebnisse: ImportZeile[] = [];
  for (const [i, r] of rows.entries()) {
    const zeile = i + 2; // header is line 1
    let anfrage: ReturnType<typeof zuAnfrage>;
    try {
      anfrage = zuAnfrage(r);
    } catch (err) {
      if (!(err instanceof ZeilenFehler)) throw err;
      const z: ImportZeile = { zeile, slug: r.slug ?? '', ergebnis: 'fehler', meldung: err.message };
      ergebnisse.push(z);
      fortschritt(z, i + 1, rows.length);
      continue;
    }
    const { data, error, response } = await client.POST('/admin/mandanten', { body: anfrage as never });
    const z: ImportZeile = data
      ? { zeile, slug: data.slug, ergebnis: 'angelegt' }
      : response.status === 409
        ? { zeile, slug: r.slug ?? '', ergebnis: 'vorhanden' }
        : { zeile, slug: r.slug ?? '', ergebnis: 'fehler', meldung: (error as { detail?: string } | undefined)?.detail ?? `HTTP ${response.status}` };
    ergebnisse.push(z);
    fortschritt(z, i + 1, rows.length);
  }
  return ergebnisse;
}
