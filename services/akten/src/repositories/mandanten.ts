// Data access for tenants. Creating and listing run in the platform-operations context; reading
// and changing one's own tenant in the tenant's context (row-level security on plattform.mandant).
import { schema, type Db } from '@eakte/db';
import type { Behoerdenkennung } from '@eakte/platform';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';

export type MandantRow = typeof schema.mandant.$inferSelect;

export function createMandantenRepository(db: Db) {
  const t = schema.mandant;
  return {
    /** Inserts a tenant; returns null when the slug is taken. */
    async anlegen(neu: { slug: string; name: string; behoerdenkennung: Behoerdenkennung | null; einstellungen: Record<string, unknown> }): Promise<MandantRow | null> {
      const rows = await db.alsPlattformbetrieb((tx) =>
        tx
          .insert(t)
          .values({ id: uuidv7(), ...neu })
          .onConflictDoNothing({ target: t.slug })
          .returning(),
      );
      return rows[0] ?? null;
    },
    liste(limit: number, nachSlug: string | null): Promise<MandantRow[]> {
      return db.alsPlattformbetrieb((tx) =>
        tx
          .select()
          .from(t)
          .where(nachSlug === null ? undefined : gt(t.slug, nachSlug))
          .orderBy(asc(t.slug))
          .limit(limit),
      );
    },
    async eigener(mandantId: string): Promise<MandantRow | null> {
      const rows = await db.withMandant(mandantId, (tx) => tx.select().from(t).where(eq(t.id, mandantId)));
      return rows[0] ?? null;
    },
    /** Locks the tenant row, lets `pruefe` check the current state, then applies the change. */
    async aendern(
      mandantId: string,
      pruefe: (aktuell: MandantRow) => void,
      aenderung: { name?: string; behoerdenkennung?: Behoerdenkennung; einstellungen?: Record<string, unknown> },
    ): Promise<MandantRow | null> {
      return db.withMandant(mandantId, async (tx) => {
        const [aktuell] = await tx.select().from(t).where(eq(t.id, mandantId)).for('update');
        if (!aktuell) return null;
        pruefe(aktuell);
        const [neu] = await tx
          .update(t)
          .set({
            ...(aenderung.name !== undefined ? { name: aenderung.name } : {}),
            // a new valid value replaces one kept aside as unreadable
            ...(aenderung.behoerdenkennung !== undefined ? { behoerdenkennung: aenderung.behoerdenkennung, behoerdenkennungUnlesbar: null } : {}),
            ...(aenderung.einstellungen !== undefined ? { einstellungen: sql`${t.einstellungen} || ${JSON.stringify(aenderung.einstellungen)}::jsonb` } : {}),
          })
          .where(eq(t.id, mandantId))
          .returning();
        return neu ?? null;
      });
    },
  };
}

export type MandantenRepository = ReturnType<typeof createMandantenRepository>;
