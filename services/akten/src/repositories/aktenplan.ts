// Data access for the Aktenplan. Every query runs inside a tenant transaction (RLS): the
// repository's own for reads by the handlers, the caller's `tx` for the use cases.
import { schema, sql, type Db, type Tx } from '@eakte/db';
import { asc, eq } from 'drizzle-orm';

const { aktenplaneinheit } = schema;

export type AktenplaneinheitRow = typeof schema.aktenplaneinheit.$inferSelect;

export function createAktenplanRepository(db: Db) {
  const t = schema.aktenplaneinheit;
  return {
    alle(mandantId: string): Promise<AktenplaneinheitRow[]> {
      return db.withMandant(mandantId, (tx: Tx) => tx.select().from(t).orderBy(asc(t.kennzeichen)));
    },
    async finde(mandantId: string, id: string): Promise<AktenplaneinheitRow | null> {
      const rows = await db.withMandant(mandantId, (tx: Tx) => tx.select().from(t).where(eq(t.id, id)).limit(1));
      return rows[0] ?? null;
    },
  };
}

export type AktenplanRepository = ReturnType<typeof createAktenplanRepository>;

export async function einheit(tx: Tx, id: string, opts: { sperren?: boolean } = {}): Promise<AktenplaneinheitRow | null> {
  const q = tx.select().from(aktenplaneinheit).where(eq(aktenplaneinheit.id, id)).limit(1);
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** The tenant's whole Aktenplan, by Kennzeichen. */
export function alleEinheiten(tx: Tx): Promise<AktenplaneinheitRow[]> {
  return tx.select().from(aktenplaneinheit).orderBy(asc(aktenplaneinheit.kennzeichen));
}

export async function fuegeEinheitEin(tx: Tx, row: typeof aktenplaneinheit.$inferInsert): Promise<AktenplaneinheitRow> {
  const [r] = await tx.insert(aktenplaneinheit).values(row).returning();
  return r!;
}

export async function aendereEinheit(tx: Tx, id: string, set: Partial<typeof aktenplaneinheit.$inferInsert>): Promise<AktenplaneinheitRow> {
  const [r] = await tx
    .update(aktenplaneinheit)
    .set({ ...set, version: sql`${aktenplaneinheit.version} + 1`, geaendertAm: sql`now()` })
    .where(eq(aktenplaneinheit.id, id))
    .returning();
  return r!;
}

/** Why a unit cannot be deleted, or null: it has sub-units, or ever had Akten (numbers are never reused). */
export async function einheitInBenutzung(tx: Tx, id: string): Promise<string | null> {
  const r = await tx.execute<{ kinder: boolean; akten: boolean; nummern: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM akten.aktenplaneinheit WHERE parent_id = ${id}) AS kinder,
           EXISTS (SELECT 1 FROM akten.akte WHERE aktenplaneinheit_id = ${id}) AS akten,
           EXISTS (SELECT 1 FROM akten.aktenzeichen_zaehler WHERE aktenplaneinheit_id = ${id}) AS nummern`);
  const z = r.rows[0]!;
  if (z.kinder) return 'Die Aktenplaneinheit hat untergeordnete Einheiten';
  if (z.akten || z.nummern) return 'Unter der Aktenplaneinheit wurden Akten gebildet; sie kann nur ausgesondert werden (gueltigBis)';
  return null;
}

export async function loescheEinheit(tx: Tx, id: string): Promise<void> {
  await tx.delete(aktenplaneinheit).where(eq(aktenplaneinheit.id, id));
}
