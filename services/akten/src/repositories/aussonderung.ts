// What the Akten service reads of the Aussonderung: the state of Akten and their parts in an
// Aussonderung, through the view it publishes (the Löschsperren: packages/schriftgutverwaltung).
import type { components } from '@eakte/api-client';
import { sql, type Tx } from '@eakte/db';

/** The state as the contract shows it in an Akte (the view's columns are that shape). */
export type Aussonderungsstand = NonNullable<components['schemas']['Akte']['aussonderung']>;
type Aussonderungsteil = Aussonderungsstand['teile'][number];

/**
 * Where the Akten stand in an Aussonderung (one query for a page of Akten), read from what the
 * Aussonderung publishes (`aussonderung.aktenstand`), never from its tables.
 */
export async function aussonderungsstaende(tx: Tx, akteIds: string[]): Promise<Map<string, Aussonderungsstand>> {
  if (akteIds.length === 0) return new Map();
  const r = await tx.execute<{ akte_id: string; status: Aussonderungsstand['status']; archivkennung: string | null; inhalt_entfernt: boolean; teile: Aussonderungsteil[] }>(sql`
    SELECT akte_id, status, archivkennung, inhalt_entfernt, teile FROM aussonderung.aktenstand
     WHERE akte_id = ANY(ARRAY[${sql.join(
       akteIds.map((i) => sql`${i}`),
       sql`, `,
     )}]::uuid[])`);
  return new Map(r.rows.map((x) => [x.akte_id, { status: x.status, archivkennung: x.archivkennung, inhaltEntfernt: x.inhalt_entfernt, teile: x.teile }]));
}
