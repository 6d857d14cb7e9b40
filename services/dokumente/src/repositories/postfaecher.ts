// Data access for the function mailboxes, inside the caller's tenant transaction (RLS).
import { schema, sql, type Tx } from '@eakte/db';
import { asc, eq } from 'drizzle-orm';

const pf = schema.postfach;
export type PostfachRow = typeof pf.$inferSelect;

export const postfachRepository = {
  async alle(tx: Tx): Promise<PostfachRow[]> {
    return tx.select().from(pf).orderBy(asc(pf.id));
  },
  async eines(tx: Tx, id: string, sperren = false): Promise<PostfachRow | null> {
    const q = tx.select().from(pf).where(eq(pf.id, id)).limit(1);
    return ((sperren ? await q.for('update') : await q)[0] as PostfachRow | undefined) ?? null;
  },
  async neu(tx: Tx, row: typeof pf.$inferInsert): Promise<PostfachRow> {
    const [r] = await tx.insert(pf).values(row).returning();
    return r!;
  },
  async aendere(tx: Tx, id: string, werte: Partial<typeof pf.$inferInsert>): Promise<PostfachRow> {
    const [r] = await tx
      .update(pf)
      .set({ ...werte, version: sql`${pf.version} + 1`, geaendertAm: sql`now()` })
      .where(eq(pf.id, id))
      .returning();
    return r!;
  },
  /** The poller's result: state, error text for the tenant, next attempt. */
  async merkeAbruf(tx: Tx, id: string, z: { zustand: 'bereit' | 'fehler'; fehler: string | null; fehlversuche: number; naechsterAbruf: Date }) {
    await tx
      .update(pf)
      .set({ zustand: z.zustand, fehler: z.fehler, fehlversuche: z.fehlversuche, naechsterAbruf: z.naechsterAbruf, letzterAbruf: sql`now()` })
      .where(eq(pf.id, id));
  },
};
