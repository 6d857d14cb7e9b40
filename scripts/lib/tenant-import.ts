// Bulk onboarding of a wave of agencies from CSV, through the API (same validation as a single create).
import { createClient } from '@eakte/api-client';
import { parse } from 'csv-parse/sync';

export const CSV_SPALTEN = ['slug', 'name', 'behoerdenkennung', 'zustaendigesArchiv', 'aktenzeichenRegel', 'erlaubteFormate', 'maxUploadGroesse'] as const;

export interface ImportZeile {
  zeile: number;
  slug: string;
  ergebnis: 'angelegt' | 'vorhanden' | 'fehler';
  meldung?: string;
}

type Client = ReturnType<typeof createClient>;

function zuAnfrage(r: Record<string, string>) {
  const einstellungen: Record<string, unknown> = {};
  if (r.zustaendigesArchiv) einstellungen.zustaendigesArchiv = r.zustaendigesArchiv;
  if (r.aktenzeichenRegel) einstellungen.aktenzeichenRegel = r.aktenzeichenRegel;
  if (r.erlaubteFormate) einstellungen.erlaubteFormate = r.erlaubteFormate.split(';').map((s) => s.trim()).filter(Boolean);
  if (r.maxUploadGroesse) einstellungen.maxUploadGroesse = /^\d+$/.test(r.maxUploadGroesse) ? Number(r.maxUploadGroesse) : r.maxUploadGroesse;
  return {
    slug: r.slug ?? '',
    name: r.name ?? '',
    ...(r.behoerdenkennung ? { behoerdenkennung: r.behoerdenkennung } : {}),
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
    const { data, error, response } = await client.POST('/admin/mandanten', { body: zuAnfrage(r) as never });
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
