// What the Akten service reads of the Aussonderung: the state of Akten in an Aussonderung and the
// Löschsperren, through what the Aussonderung publishes (its view and its SQL function).
import { sql, type Tx } from '@eakte/db';
import { uuidArray } from './sicht.js';

export type Aussonderungsteil = {
  typ: 'vorgang';
  id: string;
  kennzeichen: string;
  betreff: string;
  bewertung: 'A' | 'V' | null;
  status: 'angeboten' | 'bewertet' | 'abgegeben' | 'archiviert' | 'vernichtung_beantragt' | 'vernichtet' | 'gesperrt';
  archivkennung: string | null;
};

export interface Aussonderungsstand {
  status: 'angeboten' | 'bewertet' | 'abgegeben' | 'archiviert' | 'vernichtet';
  archivkennung: string | null;
  inhaltEntfernt: boolean;
  teile: Aussonderungsteil[];
}

/**
 * Where the Akten stand in an Aussonderung (one query for a page of Akten), read from what the
 * Aussonderung publishes (`aussonderung.aktenstand`), never from its tables.
 */
export async function aussonderungsstaende(tx: Tx, akteIds: string[]): Promise<Map<string, Aussonderungsstand>> {
  if (akteIds.length === 0) return new Map();
  const r = await tx.execute<{ akte_id: string; status: Aussonderungsstand['status']; archivkennung: string | null; inhalt_entfernt: boolean; teile: Aussonderungsteil[] }>(sql`
    SELECT akte_id, status, archivkennung, inhalt_entfernt, teile FROM aussonderung.aktenstand
     WHERE akte_id = ANY(${uuidArray(akteIds)})`);
  return new Map(r.rows.map((x) => [x.akte_id, { status: x.status, archivkennung: x.archivkennung, inhaltEntfernt: x.inhalt_entfernt, teile: x.teile }]));
}

/**
 * Held Akten that take their Frist from unit `einheitId`: Akten without their own Frist in the unit
 * or in units below it that set none themselves. Only Akten named in some hold are asked (the
 * Aussonderung service's SQL function decides whether a hold is active and covers them).
 */
export async function gesperrteErbendeAkten(tx: Tx, einheitId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH RECURSIVE erben AS (
      SELECT id FROM akten.aktenplaneinheit WHERE id = ${einheitId}
      UNION ALL
      SELECT k.id FROM akten.aktenplaneinheit k JOIN erben ON k.parent_id = erben.id
       WHERE k.aufbewahrungsfrist IS NULL AND NOT k.unbefristet)
    SELECT count(*)::int AS n FROM akten.akte a
     WHERE a.aktenplaneinheit_id IN (SELECT id FROM erben)
       AND a.aufbewahrungsfrist IS NULL AND NOT a.unbefristet
       AND a.id IN (SELECT akte_id FROM aussonderung.loeschsperre_akte UNION SELECT akte_id FROM aussonderung.loeschsperre_objekt)
       AND EXISTS (SELECT 1 FROM aussonderung.aktive_loeschsperren('akte', a.id))`);
  return r.rows[0]?.n ?? 0;
}

/**
 * Active Löschsperren standing in the way of changing an Akte's retention: on the Akte or on any
 * of its Vorgänge and Dokumente (the Aussonderung service keeps them; its SQL function answers).
 */
export async function aktiveLoeschsperren(tx: Tx, akteId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM aussonderung.aktive_loeschsperren('akte', ${akteId})`);
  return r.rows[0]?.n ?? 0;
}
