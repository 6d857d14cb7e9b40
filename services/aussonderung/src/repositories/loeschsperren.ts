// Löschsperren: placing, listing, lifting, and the one question whether a hold stands in the way.
import { schema, sql, type Tx } from '@eakte/db';
import { escapeLike } from '@eakte/platform';
import { and, desc, eq, inArray, isNull, isNotNull, type SQL } from 'drizzle-orm';
import { akteFuerAussonderung as akte, vorgangFuerAussonderung as vorgang } from './akten-api.js';
import { einheitMitUnterbaum, uuidArray, type LoeschsperreRow, type SperrObjektTyp } from './gemeinsam.js';

const { loeschsperre, loeschsperreAkte, loeschsperreObjekt } = schema;

export async function vorhandeneAkten(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: akte.id })
    .from(akte)
    .where(inArray(akte.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

/** The Aktenzeichen of these Akten, for the audit events (a Protokoll search by Aktenzeichen finds them). */
export async function aktenzeichenDerAkten(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: akte.id, aktenzeichen: akte.aktenzeichen })
    .from(akte)
    .where(inArray(akte.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.aktenzeichen]));
}

/** Vorgänge and Dokumente of the tenant with their Akte (missing ids are simply absent). */
export async function objekteMitAkte(tx: Tx, vorgaenge: readonly string[], dokumente: readonly string[]): Promise<{ vorgaenge: Map<string, string>; dokumente: Map<string, string> }> {
  const v = vorgaenge.length
    ? await tx
        .select({ id: vorgang.id, akteId: vorgang.akteId })
        .from(vorgang)
        .where(inArray(vorgang.id, [...vorgaenge]))
    : [];
  const d = dokumente.length
    ? (
        await tx.execute<{ id: string; akteId: string }>(sql`SELECT d.id, v.akte_id AS "akteId" FROM dokumente.dokument_fuer_aussonderung d
          JOIN ${vorgang} v ON v.mandant_id = d.mandant_id AND v.id = d.vorgang_id WHERE d.id = ANY(${uuidArray(dokumente)})`)
      ).rows
    : [];
  return { vorgaenge: new Map(v.map((x) => [x.id, x.akteId])), dokumente: new Map(d.map((x) => [x.id, x.akteId])) };
}

/** Akten matching a hold's search (evaluated once, when the hold is placed); at most `max` + 1. */
export async function aktenDerSuche(tx: Tx, f: { aktenplaneinheit?: string; aktenzeichen?: string; betreff?: string; laufzeitEndeBis?: string }, max: number): Promise<string[]> {
  const b: SQL[] = [];
  if (f.aktenplaneinheit) {
    b.push(sql`a.aktenplaneinheit_id IN ${einheitMitUnterbaum(f.aktenplaneinheit)}`);
  }
  if (f.aktenzeichen) b.push(sql`a.aktenzeichen LIKE ${`${escapeLike(f.aktenzeichen)}%`}`);
  if (f.betreff) b.push(sql`a.betreff ILIKE ${`%${escapeLike(f.betreff)}%`}`);
  if (f.laufzeitEndeBis) b.push(sql`a.laufzeit_ende <= ${f.laufzeitEndeBis}::date`);
  const r = await tx.execute<{ id: string }>(sql`SELECT a.id FROM ${akte} a ${b.length ? sql`WHERE ${sql.join(b, sql` AND `)}` : sql``} ORDER BY a.id LIMIT ${max + 1}`);
  return r.rows.map((x) => x.id);
}

export async function legeSperreAn(tx: Tx, row: typeof loeschsperre.$inferInsert, ziele: { akten: readonly string[]; vorgaenge: readonly string[]; dokumente: readonly string[] }): Promise<void> {
  await tx.insert(loeschsperre).values(row);
  if (ziele.akten.length) await tx.insert(loeschsperreAkte).values(ziele.akten.map((akteId) => ({ mandantId: row.mandantId, loeschsperreId: row.id, akteId })));
  // each row carries its Akte, taken from the database, never from the caller
  if (ziele.vorgaenge.length) {
    await tx.execute(sql`INSERT INTO ${loeschsperreObjekt} (mandant_id, loeschsperre_id, akte_id, vorgang_id, dokument_id)
      SELECT v.mandant_id, ${row.id}::uuid, v.akte_id, v.id, NULL FROM ${vorgang} v WHERE v.id = ANY(${uuidArray(ziele.vorgaenge)})`);
  }
  if (ziele.dokumente.length) {
    await tx.execute(sql`INSERT INTO ${loeschsperreObjekt} (mandant_id, loeschsperre_id, akte_id, vorgang_id, dokument_id)
      SELECT d.mandant_id, ${row.id}::uuid, v.akte_id, v.id, d.id FROM dokumente.dokument_fuer_aussonderung d
        JOIN ${vorgang} v ON v.mandant_id = d.mandant_id AND v.id = d.vorgang_id WHERE d.id = ANY(${uuidArray(ziele.dokumente)})`);
  }
}

const aktenDerSperre = sql<string[]>`coalesce((SELECT array_agg(la.akte_id ORDER BY la.akte_id) FROM ${loeschsperreAkte} la
  WHERE la.mandant_id = ${loeschsperre.mandantId} AND la.loeschsperre_id = ${loeschsperre.id}), '{}'::uuid[])`;
const vorgaengeDerSperre = sql<string[]>`coalesce((SELECT array_agg(lo.vorgang_id ORDER BY lo.vorgang_id) FROM ${loeschsperreObjekt} lo
  WHERE lo.mandant_id = ${loeschsperre.mandantId} AND lo.loeschsperre_id = ${loeschsperre.id} AND lo.dokument_id IS NULL), '{}'::uuid[])`;
const dokumenteDerSperre = sql<string[]>`coalesce((SELECT array_agg(lo.dokument_id ORDER BY lo.dokument_id) FROM ${loeschsperreObjekt} lo
  WHERE lo.mandant_id = ${loeschsperre.mandantId} AND lo.loeschsperre_id = ${loeschsperre.id} AND lo.dokument_id IS NOT NULL), '{}'::uuid[])`;

export async function sperre(tx: Tx, id: string, opts: { sperren?: boolean } = {}): Promise<LoeschsperreRow | null> {
  const q = tx.select({ s: loeschsperre }).from(loeschsperre).where(eq(loeschsperre.id, id));
  const rows = opts.sperren ? await q.for('update') : await q;
  if (!rows[0]) return null;
  const [z] = await tx.select({ akten: aktenDerSperre, vorgaenge: vorgaengeDerSperre, dokumente: dokumenteDerSperre }).from(loeschsperre).where(eq(loeschsperre.id, id));
  return { ...rows[0].s, ...z! };
}

export async function sperren(tx: Tx, f: { aktiv?: boolean; akte?: string; nach?: { erstelltAm: Date; id: string }; limit: number }): Promise<LoeschsperreRow[]> {
  const bedingungen: SQL[] = [];
  if (f.aktiv === true) bedingungen.push(isNull(loeschsperre.aufgehobenAm));
  if (f.aktiv === false) bedingungen.push(isNotNull(loeschsperre.aufgehobenAm));
  if (f.akte) {
    bedingungen.push(sql`(EXISTS (SELECT 1 FROM ${loeschsperreAkte} la WHERE la.loeschsperre_id = ${loeschsperre.id} AND la.akte_id = ${f.akte})
      OR EXISTS (SELECT 1 FROM ${loeschsperreObjekt} lo WHERE lo.loeschsperre_id = ${loeschsperre.id} AND lo.akte_id = ${f.akte}))`);
  }
  if (f.nach) bedingungen.push(sql`(${loeschsperre.erstelltAm}, ${loeschsperre.id}) < (${f.nach.erstelltAm.toISOString()}::timestamptz, ${f.nach.id}::uuid)`);
  const rows = await tx
    .select({ s: loeschsperre, akten: aktenDerSperre, vorgaenge: vorgaengeDerSperre, dokumente: dokumenteDerSperre })
    .from(loeschsperre)
    .where(bedingungen.length ? and(...bedingungen) : undefined)
    .orderBy(desc(loeschsperre.erstelltAm), desc(loeschsperre.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r.s, akten: r.akten, vorgaenge: r.vorgaenge, dokumente: r.dokumente }));
}

export async function hebeSperreAuf(tx: Tx, id: string, von: string, grund: string): Promise<void> {
  await tx
    .update(loeschsperre)
    .set({ aufgehobenAm: sql`now()`, aufgehobenVon: von, aufhebungsgrund: grund })
    .where(eq(loeschsperre.id, id));
}

/**
 * THE repository method for hold coverage: the number of active Löschsperren that stand in the way
 * of removing or changing each object (on it, its ancestors or its contents), only objects with
 * at least one. Asks `aussonderung.gesperrte_objekte` (the rule of `aktive_loeschsperren`, one place in SQL).
 */
export async function aktiveLoeschsperren(tx: Tx, typ: SperrObjektTyp, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  // the set at once: the definer function per id would cost a call each
  const r = await tx.execute<{ id: string; sperren: number }>(sql`SELECT g.id, g.sperren FROM aussonderung.gesperrte_objekte(${typ}, ${uuidArray([...new Set(ids)])}) g`);
  return new Map(r.rows.map((x) => [x.id, x.sperren]));
}

/** Active holds per Akte (on the Akte or anything in it). */
export const aktiveSperrenJeAkte = (tx: Tx, akteIds: readonly string[]) => aktiveLoeschsperren(tx, 'akte', akteIds);
