// Löschsperre (legal hold, docs/domaene.md R8): a held Akte is not offered, transferred or
// destroyed, and its Frist may be lengthened but never shortened. Whether a hold is active and
// covers an Akte is decided once, in SQL: `aussonderung.aktive_loeschsperren(typ, id)` for one object,
// `aussonderung.gesperrte_objekte(typ, ids)` for a set (migration 0035; the same rule). Queries over
// many Akten ask the set once: a definer function per row costs a call each.
// `pruefeFristaenderung` is the gate every Frist change passes (property-tested).
import { sql, type Tx } from '@eakte/db';
import { Errors } from '@eakte/platform';
import type { SQL } from 'drizzle-orm';
import { istVerkuerzung, type Frist } from './aufbewahrung.js';

export { istVerkuerzung };

export interface Verstoss {
  code: 'LOESCHSPERRE';
  text: string;
}

/** Shortening retention is refused while held; lengthening is always allowed. */
export function pruefeFristaenderung(alt: Frist, neu: Frist, aktiveSperren: number): Verstoss | null {
  return aktiveSperren > 0 && istVerkuerzung(alt, neu) ? { code: 'LOESCHSPERRE', text: 'Eine Löschsperre liegt auf dem Objekt' } : null;
}

/** The gate as production calls it: throws 409 `LOESCHSPERRE` with `detail` when it refuses. */
export function sichereFristaenderung(alt: Frist, neu: Frist, aktiveSperren: number, detail = 'Eine Löschsperre liegt auf der Akte: die Aufbewahrungsfrist kann nur verlängert werden'): void {
  if (pruefeFristaenderung(alt, neu, aktiveSperren)) throw new Errors.Loeschsperre(detail);
}

/** SQL condition: an active Löschsperre covers the Akte in column/expression `akteId` (one call per row: for a few rows only). */
export const akteGesperrtSql = (akteId: SQL): SQL<boolean> => sql<boolean>`EXISTS (SELECT 1 FROM aussonderung.aktive_loeschsperren('akte', ${akteId}))`;

/** SQL set `(id, sperren)`: the held Akten among those the subquery `akteIds` selects, with their number of active holds. */
export const gesperrteAktenSql = (akteIds: SQL): SQL => sql`aussonderung.gesperrte_objekte('akte', ARRAY(${akteIds}))`;

/** Active holds per Akte, only the held ones: one call for the whole set. */
export async function gesperrteAkten(tx: Tx, akteIds: readonly string[]): Promise<Map<string, number>> {
  if (akteIds.length === 0) return new Map();
  const r = await tx.execute<{ id: string; sperren: number }>(
    sql`SELECT g.id, g.sperren FROM aussonderung.gesperrte_objekte('akte', ARRAY[${sql.join(
      [...new Set(akteIds)].map((i) => sql`${i}`),
      sql`, `,
    )}]::uuid[]) g`,
  );
  return new Map(r.rows.map((x) => [x.id, x.sperren]));
}

/** Number of active Löschsperren covering one Akte. */
export async function aktiveLoeschsperren(tx: Tx, akteId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM aussonderung.aktive_loeschsperren('akte', ${akteId}::uuid)`);
  return r.rows[0]?.n ?? 0;
}

/**
 * Held Akten that take their Frist from unit `einheitId` (no Frist of their own, in the unit or in a
 * unit below that sets none): a shorter Frist of the unit is refused while there is one.
 */
export async function gesperrteErbendeAkten(tx: Tx, einheitId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM ${gesperrteAktenSql(sql`
      SELECT a.id FROM akten.akte a
       WHERE a.aktenplaneinheit_id IN (SELECT id FROM akten.frist_erbende_einheiten(${einheitId}::uuid))
         AND a.aufbewahrungsfrist IS NULL AND NOT a.unbefristet`)} g`);
  return r.rows[0]?.n ?? 0;
}
