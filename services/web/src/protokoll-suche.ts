// The Protokoll search of the Prüfung screen: one set of filters for the list and the export, and the
// users to pick from by name.
import type { Schemas } from '@eakte/api-client';

export type Filter = { aktenzeichen: string; akteur: string; aktion: string; von: string };

/** The filters as `GET /protokoll` takes them; a calendar day means from its local midnight. */
export function abfrage(f: Filter): Record<string, string> {
  const query = Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim())) as Record<string, string>;
  if (query.von) query.von = new Date(`${query.von}T00:00:00`).toISOString();
  return query;
}

/** The German table of exactly the entries the search lists (the export names the times zeitVon/zeitBis). */
export function exportUrl(f: Filter): string {
  const { von, bis, ...rest } = abfrage(f);
  const query = new URLSearchParams({ format: 'tabelle', ...rest, ...(von ? { zeitVon: von } : {}), ...(bis ? { zeitBis: bis } : {}) });
  return `/api/v1/protokoll/export?${query}`;
}

/** The users as options by name (as the service sorts them); a name two users share gets the Kennung. */
export function akteurOptionen(akteure: readonly Schemas['ProtokollAkteur'][]): { wert: string; text: string }[] {
  const anzahl = new Map<string, number>();
  for (const a of akteure) anzahl.set(a.name, (anzahl.get(a.name) ?? 0) + 1);
  return akteure.map((a) => ({ wert: a.sub, text: (anzahl.get(a.name) ?? 0) > 1 || !a.name ? `${a.name || a.sub} (${a.sub})` : a.name }));
}
