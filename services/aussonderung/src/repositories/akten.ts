// Akten, Vorgänge and the Aktenplan as the xdomea messages need them (read only: they belong to the
// Akten service, which publishes them to the Aussonderung: akten-api.ts).
import { schema, sql, type Tx } from '@eakte/db';
import { asc, inArray } from 'drizzle-orm';
import { akteFuerAussonderung as akte, akteZeile, halteAktenFuerAussonderung, vorgangFuerAussonderung as vorgang } from './akten-api.js';
import { uuidArray } from './gemeinsam.js';

const { aussonderungObjekt } = schema;

/** An Akte's own columns (without its unit's and lead org unit's). */
export type AkteZeile = Pick<typeof akte.$inferSelect, keyof typeof akteZeile>;
export type VorgangZeile = typeof vorgang.$inferSelect;

export interface AkteDaten {
  row: AkteZeile;
  einheit: { kennzeichen: string; titel: string; beschreibung: string | null; aufbewahrungsfrist: number | null; unbefristet: boolean; aussonderungsart: 'A' | 'B' | 'V' | null };
  federfuehrung: string | null;
}

export async function aktenDaten(tx: Tx, ids: readonly string[], opts: { sperren?: boolean } = {}): Promise<AkteDaten[]> {
  if (ids.length === 0) return [];
  // a shared lock keeps the Akten from being reopened or changed while they are offered
  if (opts.sperren) await halteAktenFuerAussonderung(tx, ids);
  const q = tx
    .select({
      row: akteZeile,
      einheit: {
        kennzeichen: akte.einheitKennzeichen,
        titel: akte.einheitTitel,
        beschreibung: akte.einheitBeschreibung,
        aufbewahrungsfrist: akte.einheitAufbewahrungsfrist,
        unbefristet: akte.einheitUnbefristet,
        aussonderungsart: akte.einheitAussonderungsart,
      },
      federfuehrung: akte.federfuehrung,
    })
    .from(akte)
    .where(inArray(akte.id, [...ids]))
    .orderBy(asc(akte.aktenzeichen));
  return q;
}

export async function vorgaengeDerAkten(tx: Tx, akteIds: readonly string[]): Promise<VorgangZeile[]> {
  if (akteIds.length === 0) return [];
  return tx
    .select()
    .from(vorgang)
    .where(inArray(vorgang.akteId, [...akteIds]))
    .orderBy(asc(vorgang.akteId), asc(vorgang.laufendeNummer));
}

/**
 * The Vorgänge of offered Akten whose appraisal is `bewertung`: the Vorgang's own (the archive may
 * appraise per Vorgang), else its Akte's. Content removal after the 0506 takes the A-parts only,
 * the destruction the V-parts only.
 */
export async function vorgaengeDerTeile(tx: Tx, akteIds: readonly string[], bewertung: 'A' | 'V'): Promise<{ id: string; akteId: string; kennzeichen: string; betreff: string }[]> {
  if (akteIds.length === 0) return [];
  const r = await tx.execute<{ id: string; akte_id: string; kennzeichen: string; betreff: string }>(sql`
    SELECT v.id, v.akte_id, v.kennzeichen, v.betreff FROM ${vorgang} v
      JOIN ${aussonderungObjekt} o ON o.mandant_id = v.mandant_id AND o.akte_id = v.akte_id
     WHERE v.akte_id = ANY(${uuidArray([...new Set(akteIds)])})
       AND coalesce(o.unterbewertungen ->> v.id::text, o.bewertung) = ${bewertung}
     ORDER BY v.akte_id, v.laufende_nummer`);
  return r.rows.map((x) => ({ id: x.id, akteId: x.akte_id, kennzeichen: x.kennzeichen, betreff: x.betreff }));
}
