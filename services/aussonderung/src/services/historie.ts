// The history of Akten, Vorgänge and Dokumente for xdomea `HistorienProtokollInformation`, read
// from the Protokoll's events (read-only; the Protokoll owns them).
import { schema, type Tx } from '@eakte/db';
import { asc, inArray } from 'drizzle-orm';
import type { Historie } from '../xdomea/nachrichten.js';
import type { Historienquelle } from './ports.js';

const wert = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export const historieAusProtokoll: Historienquelle = {
  async historie(tx: Tx, objektIds: readonly string[]) {
    const out = new Map<string, Historie[]>();
    if (objektIds.length === 0) return out;
    const e = schema.ereignis;
    const rows = await tx
      .select({ objektId: e.objektId, zeit: e.zeit, akteurName: e.akteurName, akteurSub: e.akteurSub, aktion: e.aktion, aenderungen: e.aenderungen, ergebnis: e.ergebnis })
      .from(e)
      .where(inArray(e.objektId, [...objektIds]))
      .orderBy(asc(e.sequenz));
    for (const r of rows) {
      if (!r.objektId || r.ergebnis !== 'erfolg') continue;
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
