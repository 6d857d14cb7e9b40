// The evidence of the archive's decisions, and the tenant's name and code the messages carry.
import { schema, sql, type Tx } from '@eakte/db';
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { uuidArray, type BewertungsnachweisRow } from './gemeinsam.js';

const { vernichtung, nachricht, bewertungsnachweis } = schema;

export async function speichereBewertungsnachweis(tx: Tx, row: typeof bewertungsnachweis.$inferInsert): Promise<void> {
  await tx.insert(bewertungsnachweis).values(row);
}

/**
 * Per object id (Akte or Vorgang), the newest appraisal event that set its decision, with the 0502
 * it came in (if any).
 */
export async function bewertungsnachweise(
  tx: Tx,
  aussonderungId: string,
  ids: readonly string[],
): Promise<Map<string, BewertungsnachweisRow & { nachricht: { prozessId: string; erstellungszeitpunkt: string | null; absender: string | null } | null }>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<{ objekt: string; id: string }>(sql`
    SELECT DISTINCT ON (k.objekt) k.objekt, n.id FROM ${bewertungsnachweis} n, jsonb_object_keys(n.bewertungen) AS k(objekt)
     WHERE n.aussonderung_id = ${aussonderungId} AND k.objekt = ANY(${sql`ARRAY[${sql.join(
       ids.map((i) => sql`${i}`),
       sql`, `,
     )}]::text[]`})
     ORDER BY k.objekt, n.erfasst_am DESC, n.id DESC`);
  const nachweisIds = [...new Set(r.rows.map((x) => x.id))];
  if (nachweisIds.length === 0) return new Map();
  const rows = await tx
    .select({ n: bewertungsnachweis, erstellungszeitpunkt: nachricht.erstellungszeitpunkt, absender: nachricht.absender })
    .from(bewertungsnachweis)
    .leftJoin(nachricht, eq(nachricht.id, bewertungsnachweis.nachrichtId))
    .where(inArray(bewertungsnachweis.id, nachweisIds));
  const je = new Map(rows.map((x) => [x.n.id, { ...x.n, nachricht: x.n.nachrichtId ? { prozessId: aussonderungId, erstellungszeitpunkt: x.erstellungszeitpunkt, absender: x.absender } : null }]));
  return new Map(r.rows.map((x) => [x.objekt, je.get(x.id)!]));
}

/** The Dokumente (and Anlagen) of Vorgänge, Dokument id → Vorgang id: what the 0501 offers below the Vorgang. */
export async function dokumenteDerVorgaenge(tx: Tx, vorgangIds: readonly string[]): Promise<Map<string, string>> {
  if (vorgangIds.length === 0) return new Map();
  const r = await tx.execute<{ id: string; vorgang_id: string }>(sql`SELECT id, vorgang_id FROM dokumente.dokument_fuer_aussonderung WHERE vorgang_id = ANY(${uuidArray(vorgangIds)})`);
  return new Map(r.rows.map((x) => [x.id, x.vorgang_id]));
}

/** Whether a Dokument exists in the tenant (row-level security hides the others'). */
export async function dokumentVorhanden(tx: Tx, id: string): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM dokumente.dokument_fuer_aussonderung WHERE id = ${id}::uuid`);
  return r.rows.length > 0;
}

export async function mandantName(tx: Tx, mandantId: string): Promise<{ name: string; behoerdenkennung: unknown; einstellungen: unknown }> {
  const rows = await tx
    .select({ name: schema.mandant.name, behoerdenkennung: schema.mandant.behoerdenkennung, einstellungen: schema.mandant.einstellungen })
    .from(schema.mandant)
    .where(eq(schema.mandant.id, mandantId));
  return rows[0] ?? { name: 'Unbekannte Behörde', behoerdenkennung: null, einstellungen: {} };
}

/** Slugs of the tenants whose pre-0018 Behördenkennung could not be read (kept aside by the migration). */
export async function mandantenMitUnlesbarerBehoerdenkennung(tx: Tx): Promise<{ slug: string; unlesbar: string }[]> {
  const rows = await tx
    .select({ slug: schema.mandant.slug, unlesbar: schema.mandant.behoerdenkennungUnlesbar })
    .from(schema.mandant)
    .where(isNotNull(schema.mandant.behoerdenkennungUnlesbar))
    .orderBy(asc(schema.mandant.slug));
  return rows.map((r) => ({ slug: r.slug, unlesbar: r.unlesbar! }));
}

/** The stored protocol, and the objects it names (those actually destroyed). */
export async function setzeVernichtungsprotokoll(tx: Tx, id: string, p: { schluessel: string; sha256: string; objekte: unknown; dokumentId: string | null }): Promise<void> {
  await tx.update(vernichtung).set({ protokollSchluessel: p.schluessel, protokollSha256: p.sha256, objekte: p.objekte, protokollDokumentId: p.dokumentId }).where(eq(vernichtung.id, id));
}
