// Data access for the tenant's settings, its users and org units. Every function takes the
// transaction of a `db.withMandant` call (row-level security limits it to the caller's tenant).
import { schema, sql, type Tx } from '@eakte/db';
import type { Freigabe } from '@eakte/db/schema';
import { escapeLike } from '@eakte/platform';
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

export type BenutzerEintragRow = {
  sub: string;
  anzeigename: string;
  freigabe: Freigabe;
  organisationseinheiten: string[];
};

/** The directory: by name shown, then `sub`; `suche` folded like every search, `nach` = keyset cursor. */
export async function sucheBenutzer(tx: Tx, filter: { suche?: string; organisationseinheit?: string; limit: number; nach?: { name: string; sub: string } }): Promise<BenutzerEintragRow[]> {
  const r = await tx.execute<BenutzerEintragRow>(sql`
    SELECT b.sub, b.anzeigename, b.freigabe,
           coalesce((SELECT array_agg(m.organisationseinheit_id::text ORDER BY o.kuerzel)
                       FROM akten.benutzer_organisationseinheit m
                       JOIN akten.organisationseinheit o ON o.mandant_id = m.mandant_id AND o.id = m.organisationseinheit_id
                      WHERE m.mandant_id = b.mandant_id AND m.sub = b.sub), '{}') AS organisationseinheiten
      FROM akten.benutzer b
     WHERE ${filter.suche ? sql`b.suchtext LIKE '%' || akten.suchtext(${escapeLike(filter.suche)}) || '%'` : sql`true`}
       AND ${
         filter.organisationseinheit
           ? sql`EXISTS (SELECT 1 FROM akten.benutzer_organisationseinheit m WHERE m.mandant_id = b.mandant_id AND m.sub = b.sub AND m.organisationseinheit_id = ${filter.organisationseinheit})`
           : sql`true`
       }
       AND ${filter.nach ? sql`(b.anzeigename, b.sub) > (${filter.nach.name}, ${filter.nach.sub})` : sql`true`}
     ORDER BY b.anzeigename, b.sub
     LIMIT ${filter.limit}`);
  return r.rows;
}

/** Enters a user the tenant does not know yet, with the name their login carries; a known one stays as set. */
export async function merkeBenutzer(tx: Tx, mandantId: string, sub: string, name: string | null): Promise<void> {
  await tx.insert(benutzer).values({ mandantId, sub, name }).onConflictDoNothing();
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
