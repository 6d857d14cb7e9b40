// Data access for Vorgänge; a Vorgang is visible when its Akte is.
import { schema, sql, type Tx } from '@eakte/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import { akteSichtbar, type Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';

const { akte, vorgang } = schema;

/** A Vorgang with what its Akte adds: the Aktenzeichen, and its status (a closed Akte closes what is in it). */
export type VorgangRow = typeof vorgang.$inferSelect & {
  aktenzeichen: string;
  akteStatus: 'offen' | 'geschlossen';
  /** The caller's own open Wiedervorlage, when the use case looked it up. */
  wiedervorlage?: string | null;
};

export const vorgangSpalten = {
  id: vorgang.id,
  mandantId: vorgang.mandantId,
  akteId: vorgang.akteId,
  laufendeNummer: vorgang.laufendeNummer,
  kennzeichen: vorgang.kennzeichen,
  betreff: vorgang.betreff,
  status: vorgang.status,
  zdaDatum: vorgang.zdaDatum,
  laufzeitBeginn: vorgang.laufzeitBeginn,
  version: vorgang.version,
  erstelltAm: vorgang.erstelltAm,
  erstelltVon: vorgang.erstelltVon,
  geaendertAm: vorgang.geaendertAm,
  suchtext: vorgang.suchtext,
  aktenzeichen: akte.aktenzeichen,
  akteStatus: akte.status,
};

export async function findeVorgang(tx: Tx, id: string, sicht: Sicht, opts: { sperren?: boolean } = {}): Promise<VorgangRow | null> {
  const q = tx
    .select(vorgangSpalten)
    .from(vorgang)
    .innerJoin(akte, eq(akte.id, vorgang.akteId))
    .where(and(eq(vorgang.id, id), akteSichtbar(sicht)))
    .limit(1);
  // locks the Vorgang and its Akte (drizzle cannot name one relation of a join here)
  const rows = (opts.sperren ? await q.for('update') : await q) as VorgangRow[];
  return rows[0] ?? null;
}

/** Hands out the Akte's next Vorgang number (the Akte row is locked by the caller). */
export async function naechsteVorgangNummer(tx: Tx, akteId: string): Promise<number> {
  const [r] = await tx
    .update(akte)
    .set({ letzteVorgangNummer: sql`${akte.letzteVorgangNummer} + 1` })
    .where(eq(akte.id, akteId))
    .returning({ nr: akte.letzteVorgangNummer });
  return r!.nr;
}

export async function fuegeVorgangEin(tx: Tx, row: typeof vorgang.$inferInsert): Promise<typeof vorgang.$inferSelect> {
  const [r] = await tx.insert(vorgang).values(row).returning();
  return r!;
}

export async function aendereVorgang(tx: Tx, id: string, set: Partial<typeof vorgang.$inferInsert>): Promise<typeof vorgang.$inferSelect> {
  const [r] = await tx
    .update(vorgang)
    .set({ ...set, version: sql`${vorgang.version} + 1`, geaendertAm: sql`now()` })
    .where(eq(vorgang.id, id))
    .returning();
  return r!;
}

/** After an Umprotokollierung: each Vorgang's Kennzeichen follows the Akte's new Aktenzeichen (`kennzeichenFuer` its number). */
export async function vorgangKennzeichenNachziehen(tx: Tx, akteId: string, kennzeichenFuer: (nr: number) => string): Promise<void> {
  const rows = await tx.select({ id: vorgang.id, nr: vorgang.laufendeNummer }).from(vorgang).where(eq(vorgang.akteId, akteId));
  if (rows.length === 0) return;
  const ids = sql.join(
    rows.map((r) => sql`${r.id}`),
    sql`, `,
  );
  const kennzeichen = sql.join(
    rows.map((r) => sql`${kennzeichenFuer(r.nr)}`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE akten.vorgang v SET kennzeichen = n.kennzeichen
      FROM unnest(ARRAY[${ids}]::uuid[], ARRAY[${kennzeichen}]::text[]) AS n(id, kennzeichen)
     WHERE v.id = n.id`);
}

export async function vorgaengeDerAkte(tx: Tx, akteId: string, nachNummer: number | null, limit: number): Promise<VorgangRow[]> {
  return (await tx
    .select(vorgangSpalten)
    .from(vorgang)
    .innerJoin(akte, eq(akte.id, vorgang.akteId))
    .where(and(eq(vorgang.akteId, akteId), nachNummer === null ? undefined : gt(vorgang.laufendeNummer, nachNummer)))
    .orderBy(asc(vorgang.laufendeNummer))
    .limit(limit)) as VorgangRow[];
}
