// Data access for Akten: rows, their Aktenzeichen (counter and history) and lists. Every function
// takes the transaction of a `db.withMandant` call; the caller's view is a WHERE condition.
import { schema, sql, type Tx } from '@eakte/db';
import { escapeLike } from '@eakte/platform';
import { and, asc, desc, eq, getTableColumns, gt, inArray, lte, type SQL } from 'drizzle-orm';
import { akteSichtbar, type Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';

const { akte, vorgang, aktenzeichenZaehler, aktenzeichenHistorie } = schema;

const { suchvektor: _suchvektor, ...akteSpalten } = getTableColumns(akte);
export type AkteRow = Omit<typeof akte.$inferSelect, 'suchvektor'>;

/** Next running number for (unit, year): the counter row stays locked until the transaction ends. */
export async function naechsteNummer(tx: Tx, mandantId: string, aktenplaneinheitId: string, jahr: number): Promise<number> {
  const [r] = await tx
    .insert(aktenzeichenZaehler)
    .values({ mandantId, aktenplaneinheitId, jahr, letzteNummer: 1 })
    .onConflictDoUpdate({
      target: [aktenzeichenZaehler.mandantId, aktenzeichenZaehler.aktenplaneinheitId, aktenzeichenZaehler.jahr],
      set: { letzteNummer: sql`${aktenzeichenZaehler.letzteNummer} + 1` },
    })
    .returning({ nr: aktenzeichenZaehler.letzteNummer });
  return r!.nr;
}

export async function findeAkte(tx: Tx, id: string, sicht: Sicht, opts: { sperren?: boolean } = {}): Promise<AkteRow | null> {
  const q = tx
    .select(akteSpalten)
    .from(akte)
    .where(and(eq(akte.id, id), akteSichtbar(sicht)))
    .limit(1);
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function fuegeAkteEin(tx: Tx, row: typeof akte.$inferInsert): Promise<AkteRow> {
  const [r] = await tx.insert(akte).values(row).returning(akteSpalten);
  return r!;
}

export async function aendereAkte(tx: Tx, id: string, set: Partial<typeof akte.$inferInsert>): Promise<AkteRow> {
  const [r] = await tx
    .update(akte)
    .set({ ...set, version: sql`${akte.version} + 1`, geaendertAm: sql`now()` })
    .where(eq(akte.id, id))
    .returning(akteSpalten);
  return r!;
}

/** Sets derived retention dates within a change that already counted the version. */
export async function setzeAufbewahrung(tx: Tx, id: string, werte: { aufbewahrungBis: string | null; aussonderungFaelligAb: string | null }): Promise<AkteRow> {
  const [r] = await tx.update(akte).set(werte).where(eq(akte.id, id)).returning(akteSpalten);
  return r!;
}

export async function fruehereAktenzeichen(tx: Tx, akteIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (akteIds.length === 0) return out;
  const rows = await tx
    .select({ akteId: aktenzeichenHistorie.akteId, aktenzeichen: aktenzeichenHistorie.aktenzeichen })
    .from(aktenzeichenHistorie)
    .where(inArray(aktenzeichenHistorie.akteId, akteIds))
    .orderBy(asc(aktenzeichenHistorie.gueltigBis));
  for (const r of rows) out.set(r.akteId, [...(out.get(r.akteId) ?? []), r.aktenzeichen]);
  return out;
}

export async function historieEintragen(tx: Tx, row: typeof aktenzeichenHistorie.$inferInsert): Promise<void> {
  await tx.insert(aktenzeichenHistorie).values(row);
}

export interface AktenFilter {
  aktenplaneinheit?: string;
  federfuehrung?: string;
  status?: 'offen' | 'geschlossen';
  betreff?: string;
  laufzeitVon?: string;
  laufzeitBis?: string;
}

export async function listeAkten(
  tx: Tx,
  sicht: Sicht,
  filter: AktenFilter,
  sortierung: 'aktenzeichen' | 'geaendert',
  nach: unknown[] | null,
  limit: number,
): Promise<(AkteRow & { geaendertText: string })[]> {
  const bedingungen: (SQL | undefined)[] = [akteSichtbar(sicht)];
  if (filter.aktenplaneinheit) bedingungen.push(eq(akte.aktenplaneinheitId, filter.aktenplaneinheit));
  if (filter.federfuehrung) bedingungen.push(eq(akte.federfuehrungId, filter.federfuehrung));
  if (filter.status) bedingungen.push(eq(akte.status, filter.status));
  if (filter.betreff) bedingungen.push(sql`${akte.suchtext} LIKE '%' || akten.suchtext(${escapeLike(filter.betreff)}) || '%'`);
  if (filter.laufzeitVon) bedingungen.push(sql`coalesce(${akte.laufzeitEnde}, 'infinity'::date) >= ${filter.laufzeitVon}::date`);
  if (filter.laufzeitBis) bedingungen.push(lte(akte.laufzeitBeginn, filter.laufzeitBis));
  if (nach && sortierung === 'aktenzeichen') bedingungen.push(gt(akte.aktenzeichen, String(nach[0])));
  if (nach && sortierung === 'geaendert') {
    bedingungen.push(sql`(${akte.geaendertAm}, ${akte.id}) < (${String(nach[0])}::timestamptz, ${String(nach[1])}::uuid)`);
  }
  const q = tx
    .select({ ...akteSpalten, geaendertText: sql<string>`${akte.geaendertAm}::text` })
    .from(akte)
    .where(and(...bedingungen));
  return sortierung === 'aktenzeichen' ? q.orderBy(asc(akte.aktenzeichen)).limit(limit) : q.orderBy(desc(akte.geaendertAm), desc(akte.id)).limit(limit);
}

export async function offeneVorgaenge(tx: Tx, akteId: string): Promise<{ id: string; kennzeichen: string; betreff: string }[]> {
  return tx
    .select({ id: vorgang.id, kennzeichen: vorgang.kennzeichen, betreff: vorgang.betreff })
    .from(vorgang)
    .where(and(eq(vorgang.akteId, akteId), eq(vorgang.status, 'offen')))
    .orderBy(asc(vorgang.laufendeNummer));
}
