// The Aussonderung processes, their objects and parts, the messages received, and the Vernichtung.
import type { components } from '@eakte/api-client';
import { schema, sql, type Tx } from '@eakte/db';
import { and, asc, desc, eq, isNull, isNotNull, type SQL } from 'drizzle-orm';
import { objektSpalten, alsObjekt, uuidArray, type AussonderungRow, type ObjektRow, type VernichtungRow, type NachrichtRow } from './gemeinsam.js';
import { akteFuerAussonderung as akte } from './akten-api.js';

const { aussonderung, aussonderungObjekt, vernichtung, vernichtungsnachtrag, nachricht } = schema;

export async function erstelleAussonderung(tx: Tx, row: typeof aussonderung.$inferInsert, akteIds: readonly string[]): Promise<void> {
  await tx.insert(aussonderung).values(row);
  await tx.insert(aussonderungObjekt).values(akteIds.map((akteId) => ({ mandantId: row.mandantId, aussonderungId: row.id, akteId })));
}

export type AussonderungUebersichtRow = AussonderungRow & { objekte: number; vernichtungOffen: boolean; vernichtungBeantragtVon: string | null; vernichtungAbgelehnt: boolean };

/** Newest first, keyset on (erstellt_am, id) — the index aussonderung_erstellt_idx. The subqueries name the outer table: a bare "id" would bind to the inner one. */
export async function aussonderungen(tx: Tx, f: { status?: AussonderungRow['status']; nach?: { erstelltAm: Date; id: string }; limit: number }): Promise<AussonderungUebersichtRow[]> {
  const bedingungen: SQL[] = [];
  if (f.status) bedingungen.push(eq(aussonderung.status, f.status));
  if (f.nach) bedingungen.push(sql`(${aussonderung.erstelltAm}, ${aussonderung.id}) < (${f.nach.erstelltAm.toISOString()}::timestamptz, ${f.nach.id}::uuid)`);
  const rows = await tx
    .select({
      a: aussonderung,
      objekte: sql<number>`(SELECT count(*)::int FROM ${aussonderungObjekt} o WHERE o.aussonderung_id = ${aussonderung}.id)`,
      vernichtungOffen: sql<boolean>`EXISTS (SELECT 1 FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.freigegeben_am IS NULL AND v.abgelehnt_am IS NULL)`,
      vernichtungBeantragtVon: sql<string | null>`(SELECT v.beantragt_von FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.abgelehnt_am IS NULL)`,
      // refused, and no new request since
      vernichtungAbgelehnt: sql<boolean>`(EXISTS (SELECT 1 FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.abgelehnt_am IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.abgelehnt_am IS NULL))`,
    })
    .from(aussonderung)
    .where(bedingungen.length ? and(...bedingungen) : undefined)
    .orderBy(desc(aussonderung.erstelltAm), desc(aussonderung.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r.a, objekte: r.objekte, vernichtungOffen: r.vernichtungOffen, vernichtungBeantragtVon: r.vernichtungBeantragtVon, vernichtungAbgelehnt: r.vernichtungAbgelehnt }));
}

export async function findeAussonderung(tx: Tx, id: string, opts: { sperren?: boolean } = {}): Promise<AussonderungRow | null> {
  const q = tx.select().from(aussonderung).where(eq(aussonderung.id, id));
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function objekte(tx: Tx, aussonderungId: string): Promise<ObjektRow[]> {
  const rows = await tx
    // all offered Akten: their holds asked once for the set
    .select(objektSpalten(sql`SELECT t.akte_id FROM ${aussonderungObjekt} t WHERE t.aussonderung_id = ${aussonderungId}::uuid`))
    .from(aussonderungObjekt)
    .innerJoin(akte, and(eq(akte.mandantId, aussonderungObjekt.mandantId), eq(akte.id, aussonderungObjekt.akteId)))
    .where(eq(aussonderungObjekt.aussonderungId, aussonderungId))
    .orderBy(asc(akte.aktenzeichen));
  return rows.map(alsObjekt);
}

/** One part of an offered Akte with its own state: the contract's `Aussonderungsteil`, as the view `aussonderung.teilstand` gives it. */
export type TeilRow = components['schemas']['Aussonderungsteil'];

/** The parts of the process's Akten and where each stands (the view `aussonderung.teilstand`), per Akte. */
export async function teile(tx: Tx, aussonderungId: string): Promise<Map<string, TeilRow[]>> {
  const r = await tx.execute<TeilRow & { akte_id: string }>(sql`
    SELECT akte_id, typ, id, kennzeichen, betreff, bewertung, status, archivkennung
      FROM aussonderung.teilstand WHERE aussonderung_id = ${aussonderungId}
     ORDER BY akte_id, reihenfolge`);
  const out = new Map<string, TeilRow[]>();
  for (const { akte_id, ...t } of r.rows) out.set(akte_id, [...(out.get(akte_id) ?? []), t]);
  return out;
}

export async function setzeObjekt(tx: Tx, aussonderungId: string, akteId: string, werte: Partial<typeof aussonderungObjekt.$inferInsert>): Promise<void> {
  await tx
    .update(aussonderungObjekt)
    .set(werte)
    .where(and(eq(aussonderungObjekt.aussonderungId, aussonderungId), eq(aussonderungObjekt.akteId, akteId)));
}

export async function setzeAussonderung(tx: Tx, id: string, werte: Partial<typeof aussonderung.$inferInsert>): Promise<void> {
  await tx
    .update(aussonderung)
    .set({ ...werte, geaendertAm: sql`now()` })
    .where(eq(aussonderung.id, id));
}

export async function speichereNachricht(tx: Tx, row: typeof nachricht.$inferInsert): Promise<void> {
  await tx.insert(nachricht).values(row);
}

export async function nachrichten(tx: Tx, aussonderungId: string): Promise<NachrichtRow[]> {
  return tx.select().from(nachricht).where(eq(nachricht.aussonderungId, aussonderungId)).orderBy(asc(nachricht.empfangenAm));
}

/** The destruction request in force (pending or approved); refused ones are history. */
export async function findeVernichtung(tx: Tx, aussonderungId: string, opts: { sperren?: boolean } = {}): Promise<VernichtungRow | null> {
  const q = tx
    .select()
    .from(vernichtung)
    .where(and(eq(vernichtung.aussonderungId, aussonderungId), isNull(vernichtung.abgelehntAm)));
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export type NachtragRow = typeof vernichtungsnachtrag.$inferSelect;

/** The Nachträge to a destruction's protocol, by number. */
export async function nachtraege(tx: Tx, vernichtungId: string): Promise<NachtragRow[]> {
  return tx.select().from(vernichtungsnachtrag).where(eq(vernichtungsnachtrag.vernichtungId, vernichtungId)).orderBy(asc(vernichtungsnachtrag.nr));
}

export async function legeNachtragAn(tx: Tx, row: typeof vernichtungsnachtrag.$inferInsert): Promise<void> {
  await tx.insert(vernichtungsnachtrag).values(row);
}

/**
 * Objects of the Akten whose destruction or content removal a Löschsperre stopped (the job marked
 * them `gesperrt` with the rule's code), in any process: one of archived Akten only is abgeschlossen
 * at the 0506, before its removal jobs run.
 */
export async function angehalteneObjekte(
  tx: Tx,
  akteIds: readonly string[],
): Promise<{ aussonderungId: string; akteId: string; status: ObjektRow['status']; aktenzeichen: string; ganz: boolean; teil: boolean }[]> {
  if (akteIds.length === 0) return [];
  // `ganz`: the object's own removal or destruction; `teil`: the V-Vorgänge of an A-Akte
  const r = await tx.execute<{ aussonderung_id: string; akte_id: string; status: ObjektRow['status']; aktenzeichen: string; ganz: boolean; teil: boolean }>(sql`
    SELECT o.aussonderung_id, o.akte_id, o.status, a.aktenzeichen,
           (o.loeschung = 'gesperrt' AND o.loesch_fehler = 'LOESCHSPERRE') IS TRUE AS ganz,
           (o.teil_loesch_fehler = 'LOESCHSPERRE') IS TRUE AS teil
      FROM ${aussonderungObjekt} o
      JOIN ${akte} a ON a.mandant_id = o.mandant_id AND a.id = o.akte_id
     WHERE o.akte_id = ANY(${uuidArray(akteIds)})
       AND ((o.loeschung = 'gesperrt' AND o.loesch_fehler = 'LOESCHSPERRE') OR o.teil_loesch_fehler = 'LOESCHSPERRE')
     ORDER BY o.aussonderung_id, o.akte_id`);
  return r.rows.map((x) => ({ aussonderungId: x.aussonderung_id, akteId: x.akte_id, status: x.status, aktenzeichen: x.aktenzeichen, ganz: x.ganz, teil: x.teil }));
}

/** Refused destruction requests, newest first. */
export async function abgelehnteVernichtungen(tx: Tx, aussonderungId: string): Promise<VernichtungRow[]> {
  return tx
    .select()
    .from(vernichtung)
    .where(and(eq(vernichtung.aussonderungId, aussonderungId), isNotNull(vernichtung.abgelehntAm)))
    .orderBy(desc(vernichtung.abgelehntAm));
}

export async function lehneVernichtungAb(tx: Tx, id: string, von: string, name: string, grund: string): Promise<void> {
  await tx
    .update(vernichtung)
    .set({ abgelehntVon: von, abgelehntVonName: name, abgelehntAm: sql`now()`, ablehnungsgrund: grund })
    .where(eq(vernichtung.id, id));
}

export async function beantrageVernichtung(tx: Tx, row: typeof vernichtung.$inferInsert): Promise<void> {
  await tx.insert(vernichtung).values(row);
}

export async function gebeVernichtungFrei(tx: Tx, id: string, von: string, name: string, objekteSnapshot: unknown): Promise<void> {
  await tx
    .update(vernichtung)
    .set({ freigegebenVon: von, freigegebenVonName: name, freigegebenAm: sql`now()`, objekte: objekteSnapshot })
    .where(eq(vernichtung.id, id));
}
