// Data access for the Aktenplan. Every query runs inside a tenant transaction (RLS).
import { schema, type Db, type Tx } from '@eakte/db';
import { asc, eq } from 'drizzle-orm';

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
