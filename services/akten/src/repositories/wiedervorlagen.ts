// Data access for personal Wiedervorlagen (migration 0032): one open per Vorgang and user.
import { schema, sql, type Tx } from '@eakte/db';
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { akteSichtbar, type Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';
import { vorgangSpalten, type VorgangRow } from './vorgaenge.js';

const { akte, vorgang, wiedervorlage } = schema;

export type WiedervorlageRow = typeof wiedervorlage.$inferSelect;

export async function offeneWiedervorlage(tx: Tx, vorgangId: string, sub: string): Promise<WiedervorlageRow | null> {
  const [r] = await tx
    .select()
    .from(wiedervorlage)
    .where(and(eq(wiedervorlage.vorgangId, vorgangId), eq(wiedervorlage.sub, sub), isNull(wiedervorlage.erledigtAm)))
    .limit(1);
  return r ?? null;
}

/** The caller's open Wiedervorlage dates of these Vorgänge. */
export async function datenDerVorgaenge(tx: Tx, sub: string, vorgangIds: string[]): Promise<Map<string, string>> {
  if (vorgangIds.length === 0) return new Map();
  const rows = await tx
    .select({ vorgangId: wiedervorlage.vorgangId, datum: wiedervorlage.datum })
    .from(wiedervorlage)
    .where(and(inArray(wiedervorlage.vorgangId, vorgangIds), eq(wiedervorlage.sub, sub), isNull(wiedervorlage.erledigtAm)));
  return new Map(rows.map((r) => [r.vorgangId, r.datum]));
}

export async function fuegeEin(tx: Tx, row: typeof wiedervorlage.$inferInsert): Promise<WiedervorlageRow> {
  const [r] = await tx.insert(wiedervorlage).values(row).returning();
  return r!;
}

export async function aendere(tx: Tx, id: string, set: { datum?: string; organisationseinheitId?: string | null; erledigtAm?: Date }): Promise<WiedervorlageRow> {
  const [r] = await tx
    .update(wiedervorlage)
    .set({ ...set, geaendertAm: sql`now()` })
    .where(eq(wiedervorlage.id, id))
    .returning();
  return r!;
}

export async function loesche(tx: Tx, id: string): Promise<void> {
  await tx.delete(wiedervorlage).where(eq(wiedervorlage.id, id));
}

/**
 * The worklist: open Vorgänge with an open Wiedervorlage up to `bis`, of one user or (when
 * `einheit` is given) kept for one org unit, by date.
 */
export async function faellige(tx: Tx, sicht: Sicht, wessen: { sub: string } | { einheit: string }, bis: string, nach: [string, string] | null, limit: number): Promise<VorgangRow[]> {
  const rows = await tx
    .select({ ...vorgangSpalten, wiedervorlage: wiedervorlage.datum })
    .from(wiedervorlage)
    .innerJoin(vorgang, and(eq(vorgang.mandantId, wiedervorlage.mandantId), eq(vorgang.id, wiedervorlage.vorgangId)))
    .innerJoin(akte, eq(akte.id, vorgang.akteId))
    .where(
      and(
        isNull(wiedervorlage.erledigtAm),
        'sub' in wessen ? eq(wiedervorlage.sub, wessen.sub) : eq(wiedervorlage.organisationseinheitId, wessen.einheit),
        eq(vorgang.status, 'offen'),
        lte(wiedervorlage.datum, bis),
        akteSichtbar(sicht),
        nach ? sql`(${wiedervorlage.datum}, ${vorgang.id}) > (${nach[0]}::date, ${nach[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(wiedervorlage.datum), asc(vorgang.id))
    .limit(limit);
  return rows as VorgangRow[];
}
