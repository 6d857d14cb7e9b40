// Data access for the Posteingang, inside the caller's tenant transaction (RLS).
import { schema, sql, type Tx } from '@eakte/db';
import { and, asc, eq, gt } from 'drizzle-orm';

const p = schema.posteingangEintrag;
export type PosteingangRow = typeof p.$inferSelect;

export const posteingangRepository = {
  async neu(tx: Tx, row: typeof p.$inferInsert): Promise<PosteingangRow> {
    const [r] = await tx.insert(p).values(row).returning();
    return r!;
  },

  async eintrag(tx: Tx, id: string, sperren = false): Promise<PosteingangRow | null> {
    const q = tx.select().from(p).where(eq(p.id, id)).limit(1);
    const rows = sperren ? await q.for('update') : await q;
    return rows[0] ?? null;
  },

  /** A mailbox's message filed before (same Message-ID and content): fetched again after a crash. */
  async ausPostfach(tx: Tx, postfachId: string, messageId: string | null, sha256: string): Promise<PosteingangRow | null> {
    const rows = await tx
      .select()
      .from(p)
      .where(and(eq(p.postfachId, postfachId), sql`coalesce(${p.messageId}, '') = ${messageId ?? ''}`, eq(p.sha256, sha256)))
      .limit(1);
    return rows[0] ?? null;
  },

  async seite(tx: Tx, status: 'offen' | 'zugeordnet', nach: string | null, limit: number): Promise<PosteingangRow[]> {
    return tx
      .select()
      .from(p)
      .where(and(eq(p.status, status), nach ? gt(p.id, nach) : undefined))
      .orderBy(asc(p.id))
      .limit(limit);
  },

  /** offen → zugeordnet; null when another request assigned it first. */
  async ordneZu(tx: Tx, id: string, z: { dokumentId: string; vorgangId: string; von: string }): Promise<PosteingangRow | null> {
    const rows = await tx
      .update(p)
      .set({ status: 'zugeordnet', dokumentId: z.dokumentId, vorgangId: z.vorgangId, zugeordnetAm: sql`now()`, zugeordnetVon: z.von })
      .where(and(eq(p.id, id), eq(p.status, 'offen')))
      .returning();
    return rows[0] ?? null;
  },
};

export type PosteingangRepository = typeof posteingangRepository;
