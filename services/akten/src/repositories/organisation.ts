// Data access for the tenant's settings, its users and org units. Every function takes the
// transaction of a `db.withMandant` call (row-level security limits it to the caller's tenant).
import { schema, sql, type Tx } from '@eakte/db';
import type { Freigabe } from '@eakte/db/schema';
import { asc, eq } from 'drizzle-orm';

const { organisationseinheit, benutzer, benutzerOrganisationseinheit } = schema;

export type OrganisationseinheitRow = typeof organisationseinheit.$inferSelect;

export async function mandantEinstellungen(tx: Tx, mandantId: string): Promise<unknown> {
  const rows = await tx.select({ e: schema.mandant.einstellungen }).from(schema.mandant).where(eq(schema.mandant.id, mandantId)).limit(1);
  return rows[0]?.e ?? {};
}

export async function benutzerMitEinheiten(tx: Tx, sub: string): Promise<{ name: string | null; freigabe: Freigabe; organisationseinheiten: string[] } | null> {
  const b = await tx.select().from(benutzer).where(eq(benutzer.sub, sub)).limit(1);
  if (!b[0]) return null;
  const oes = await tx
    .select({ id: benutzerOrganisationseinheit.organisationseinheitId })
    .from(benutzerOrganisationseinheit)
    .innerJoin(organisationseinheit, eq(organisationseinheit.id, benutzerOrganisationseinheit.organisationseinheitId))
    .where(eq(benutzerOrganisationseinheit.sub, sub))
    .orderBy(asc(organisationseinheit.kuerzel));
  return { name: b[0].name, freigabe: b[0].freigabe, organisationseinheiten: oes.map((o) => o.id) };
}

export async function setzeBenutzer(tx: Tx, mandantId: string, sub: string, werte: { name: string | null; freigabe: Freigabe; organisationseinheiten: string[] }) {
  await tx
    .insert(benutzer)
    .values({ mandantId, sub, name: werte.name, freigabe: werte.freigabe })
    .onConflictDoUpdate({ target: [benutzer.mandantId, benutzer.sub], set: { name: werte.name, freigabe: werte.freigabe, geaendertAm: sql`now()` } });
  await tx.delete(benutzerOrganisationseinheit).where(eq(benutzerOrganisationseinheit.sub, sub));
  if (werte.organisationseinheiten.length > 0) {
    await tx.insert(benutzerOrganisationseinheit).values(werte.organisationseinheiten.map((id) => ({ mandantId, sub, organisationseinheitId: id })));
  }
}

export function alleOrganisationseinheiten(tx: Tx): Promise<OrganisationseinheitRow[]> {
  return tx.select().from(organisationseinheit).orderBy(asc(organisationseinheit.kuerzel));
}

export async function fuegeOrganisationseinheitEin(tx: Tx, row: typeof organisationseinheit.$inferInsert): Promise<OrganisationseinheitRow> {
  const [r] = await tx.insert(organisationseinheit).values(row).returning();
  return r!;
}
