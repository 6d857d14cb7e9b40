// The history of Akten, Vorgänge and Dokumente for xdomea `HistorienProtokollInformation`, read
// from the Protokoll's events (read-only; the Protokoll owns them).
import { sql, type Tx } from '@eakte/db';
import type { Historie } from '../xdomea/nachrichten.js';
import type { Historienquelle } from './ports.js';

const wert = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export const historieAusProtokoll: Historienquelle = {
  async historie(tx: Tx, objektIds: readonly string[]) {
    const out = new Map<string, Historie[]>();
    if (objektIds.length === 0) return out;
    // the Protokoll's published view (docs/datenbank-api.md): successful events of these objects
    const zeilen = await tx.execute<{ objekt_id: string; zeit: Date | string; akteur_name: string; akteur_sub: string; aktion: string; aenderungen: unknown }>(sql`
      SELECT objekt_id, zeit, akteur_name, akteur_sub, aktion, aenderungen FROM protokoll.objekthistorie
       WHERE objekt_id = ANY(ARRAY[${sql.join(
         objektIds.map((i) => sql`${i}`),
         sql`, `,
       )}]::text[]) ORDER BY sequenz NULLS LAST, eingang`);
    for (const z of zeilen.rows) {
      const r = { objektId: z.objekt_id, zeit: new Date(z.zeit), akteurName: z.akteur_name, akteurSub: z.akteur_sub, aktion: z.aktion, aenderungen: z.aenderungen };
      const akteur = `${r.akteurName} (${r.akteurSub})`;
      const aenderungen = Array.isArray(r.aenderungen) ? (r.aenderungen as { feld: string; alt: unknown; neu: unknown }[]) : [];
      const eintraege: Historie[] = aenderungen.length
        ? aenderungen.map((a) => ({ akteur, datumUhrzeit: r.zeit, aktion: r.aktion, metadatumName: a.feld, alt: wert(a.alt), neu: wert(a.neu) }))
        : [{ akteur, datumUhrzeit: r.zeit, aktion: r.aktion }];
      const id = r.objektId.toLowerCase();
      out.set(id, [...(out.get(id) ?? []), ...eintraege]);
    }
    return out;
  },
};
