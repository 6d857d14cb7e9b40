// The Aussonderung's jobs on its queue (packages/auftraege): enqueued, counted; and the locks and counters the jobs share.
import { schema, sql, type Tx } from '@eakte/db';
import { and, eq } from 'drizzle-orm';
import { mandantMarke, reiheEin } from '@eakte/auftraege';
import { uuidArray, objektSpalten, alsObjekt, type ObjektRow, type AuftragArt, type AuftragDaten } from './gemeinsam.js';
import { akteFuerAussonderung as akte } from './akten-api.js';

const { aussonderung, aussonderungObjekt } = schema;

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

/** The job key: one job per object and kind (the former unique constraint `auftrag_objekt_uq`). */
export const auftragsSchluessel = (art: AuftragArt, a: Pick<AuftragDaten, 'mandantId' | 'aussonderungId' | 'akteId'>) => `${art}:${a.mandantId}:${a.aussonderungId}:${a.akteId ?? ''}`;

/**
 * Enqueues jobs in `tx`: they exist only if it commits. The jobs of one Aussonderung run one after
 * another (a named queue), so the last destruction sees every other one finished; tried until they work.
 * An already waiting job of the same object and kind keeps its time.
 */
export async function legeAuftraegeAn(tx: Tx, rows: (AuftragDaten & { art: AuftragArt })[], ab?: Date): Promise<void> {
  for (const { art, ...daten } of rows) {
    await reiheEin(tx, 'aussonderung', art, daten, {
      schluessel: auftragsSchluessel(art, daten),
      schluesselModus: 'zeitBehalten',
      reihe: `aussonderung:${daten.aussonderungId}`,
      maxVersuche: 32767,
      marken: [mandantMarke(daten.mandantId)],
      ...(ab ? { ab } : {}),
    });
  }
}

/** Jobs of the Aussonderung (of one kind) still waiting or running, except the job `ausser`. */
export async function offeneAuftraege(tx: Tx, mandantId: string, aussonderungId: string, art: AuftragArt, ausser?: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from auftraege_aussonderung._private_jobs
     where key like ${`${art}:${mandantId}:${aussonderungId}:%`} and attempts < max_attempts and id::text is distinct from ${ausser ?? null}`);
  return r.rows[0]?.n ?? 0;
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
