// The Aussonderung's jobs: queued, claimed, retried, counted.
import { schema, sql, type Tx } from '@eakte/db';
import { and, eq } from 'drizzle-orm';
import { uuidArray, objektSpalten, alsObjekt, type ObjektRow, type AuftragArt } from './gemeinsam.js';
import { akteFuerAussonderung as akte } from './akten-api.js';

const { aussonderung, aussonderungObjekt, aussonderungAuftrag } = schema;

/**
 * Serialises placing a hold with removing content of the same Akten: both take this lock per Akte
 * (in id order, so two callers never deadlock) until their transaction ends. A job that checked
 * "no hold" therefore deletes before any new hold on the Akte commits, never after.
 */
export async function sperreAktenGegenLoeschung(tx: Tx, akteIds: readonly string[]): Promise<void> {
  if (akteIds.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('loeschsperre:' || u.id::text, 0))
    FROM unnest(${uuidArray([...new Set(akteIds)])}) AS u(id) ORDER BY u.id`);
}

export async function legeAuftraegeAn(tx: Tx, rows: (typeof aussonderungAuftrag.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(aussonderungAuftrag).values(rows).onConflictDoNothing();
}

export async function offeneAuftraege(tx: Tx, aussonderungId: string, art?: AuftragArt): Promise<number> {
  const r = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(aussonderungAuftrag)
    .where(and(eq(aussonderungAuftrag.aussonderungId, aussonderungId), art ? eq(aussonderungAuftrag.art, art) : undefined));
  return r[0]?.n ?? 0;
}

export async function loescheAuftrag(tx: Tx, id: number): Promise<void> {
  await tx.delete(aussonderungAuftrag).where(eq(aussonderungAuftrag.id, id));
}

/** The job failed: retried after `sekunden`, the error kept on the job. */
export async function verschiebeAuftrag(tx: Tx, id: number, fehler: string, sekunden: number): Promise<void> {
  await tx
    .update(aussonderungAuftrag)
    .set({ letzterFehler: fehler.slice(0, 500), faelligAb: sql`now() + make_interval(secs => ${sekunden})` })
    .where(eq(aussonderungAuftrag.id, id));
}

export async function zaehleFortschritt(tx: Tx, id: string): Promise<void> {
  await tx
    .update(aussonderung)
    .set({ fortschrittErledigt: sql`least(${aussonderung.fortschrittErledigt} + 1, ${aussonderung.fortschrittGesamt})`, geaendertAm: sql`now()` })
    .where(eq(aussonderung.id, id));
}

/** One object, locked for the caller's transaction. */
export async function findeObjekt(tx: Tx, aussonderungId: string, akteId: string): Promise<ObjektRow | null> {
  const wo = and(eq(aussonderungObjekt.aussonderungId, aussonderungId), eq(aussonderungObjekt.akteId, akteId));
  // drizzle qualifies `FOR UPDATE OF` with the schema, which PostgreSQL refuses: lock first, then join
  await tx.select({ id: aussonderungObjekt.akteId }).from(aussonderungObjekt).where(wo).for('update');
  const rows = await tx
    .select(objektSpalten())
    .from(aussonderungObjekt)
    .innerJoin(akte, and(eq(akte.mandantId, aussonderungObjekt.mandantId), eq(akte.id, aussonderungObjekt.akteId)))
    .where(wo);
  const r = rows[0];
  return r ? alsObjekt(r) : null;
}
