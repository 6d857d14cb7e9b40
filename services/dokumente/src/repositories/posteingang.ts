// Data access for the Posteingang, inside the caller's tenant transaction (RLS).
import { schema, sql, type Tx } from '@eakte/db';
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import { benutzerSicht } from './akten-api.js';

const p = schema.posteingangEintrag;
const st = schema.scanstapel;
const tv = schema.transfervermerk;
export type PosteingangRow = typeof p.$inferSelect;
export type ScanstapelRow = typeof st.$inferSelect;
/** A document's Transfervermerk: its place in the batch and quality check, with the batch's form. */
export type TransfervermerkRow = typeof tv.$inferSelect & {
  stapel: Pick<ScanstapelRow, 'gescanntVon' | 'gescanntAm' | 'geraet' | 'profil' | 'original' | 'vernichtbarAb' | 'sha256'>;
};

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

  /** The receiver's part of the Postkorb: passed on to `sub` or one of `einheiten` (two partial indexes, disjoint). */
  async zugeleitet(tx: Tx, sub: string, einheiten: string[], nach: string | null, limit: number): Promise<PosteingangRow[]> {
    return tx
      .select()
      .from(p)
      .where(and(eq(p.status, 'weitergeleitet'), einheiten.length > 0 ? or(eq(p.anSub, sub), inArray(p.anOeId, einheiten)) : eq(p.anSub, sub), nach ? gt(p.id, nach) : undefined))
      .orderBy(asc(p.id))
      .limit(limit);
  },

  /** The org units of `sub` as the tenant's directory knows them (none for a user without a row). */
  async einheitenDes(tx: Tx, sub: string): Promise<string[]> {
    const rows = await tx.select({ oes: benutzerSicht.organisationseinheiten }).from(benutzerSicht).where(eq(benutzerSicht.sub, sub)).limit(1);
    return rows[0]?.oes ?? [];
  },

  /** The items `ids`, locked in id order (so that two requests over the same items never deadlock). */
  async sperreAlle(tx: Tx, ids: string[]): Promise<PosteingangRow[]> {
    return tx.select().from(p).where(inArray(p.id, ids)).orderBy(asc(p.id)).for('update');
  },

  /** Passes the items on to one receiver in one statement (offen or weitergeleitet → weitergeleitet). */
  async leiteWeiter(tx: Tx, ids: string[], z: { anSub: string | null; anOeId: string | null; hinweis: string | null; von: string }): Promise<PosteingangRow[]> {
    if (ids.length === 0) return [];
    return tx
      .update(p)
      .set({ status: 'weitergeleitet', anSub: z.anSub, anOeId: z.anOeId, hinweis: z.hinweis, weitergeleitetAm: sql`now()`, weitergeleitetVon: z.von })
      .where(and(inArray(p.id, ids), inArray(p.status, ['offen', 'weitergeleitet'])))
      .returning();
  },

  async seite(tx: Tx, status: 'offen' | 'weitergeleitet' | 'zugeordnet', nach: string | null, limit: number): Promise<PosteingangRow[]> {
    return tx
      .select()
      .from(p)
      .where(and(eq(p.status, status), nach ? gt(p.id, nach) : undefined))
      .orderBy(asc(p.id))
      .limit(limit);
  },

  /**
   * offen or weitergeleitet → zugeordnet; null when another request assigned (or passed on) it first.
   * `empfaenger`: a receiver files only what is passed on to them (checked again under the update).
   */
  async ordneZu(
    tx: Tx,
    id: string,
    z: { dokumentId: string; vorgangId: string; von: string; eingangsvermerk: string },
    empfaenger: { sub: string; einheiten: string[] } | null,
  ): Promise<PosteingangRow | null> {
    const nurEmpfaenger = empfaenger
      ? and(eq(p.status, 'weitergeleitet'), empfaenger.einheiten.length > 0 ? or(eq(p.anSub, empfaenger.sub), inArray(p.anOeId, empfaenger.einheiten)) : eq(p.anSub, empfaenger.sub))
      : inArray(p.status, ['offen', 'weitergeleitet']);
    const rows = await tx
      .update(p)
      .set({ status: 'zugeordnet', dokumentId: z.dokumentId, vorgangId: z.vorgangId, zugeordnetAm: sql`now()`, zugeordnetVon: z.von, eingangsvermerk: z.eingangsvermerk })
      .where(and(eq(p.id, id), nurEmpfaenger))
      .returning();
    return rows[0] ?? null;
  },
};

export const scanstapelRepository = {
  async neu(tx: Tx, row: typeof st.$inferInsert): Promise<ScanstapelRow> {
    const [r] = await tx.insert(st).values(row).returning();
    return r!;
  },

  async stapel(tx: Tx, id: string): Promise<ScanstapelRow | null> {
    return (await tx.select().from(st).where(eq(st.id, id)).limit(1))[0] ?? null;
  },

  /** The items a batch was split into, in batch order. */
  async eintraegeDesStapels(tx: Tx, id: string): Promise<string[]> {
    const rows = await tx.select({ id: tv.eintragId }).from(tv).where(eq(tv.scanstapelId, id)).orderBy(asc(tv.position));
    return rows.map((r) => r.id);
  },

  /**
   * Batches whose object may go: split, still stored, every document assigned, the last assignment (or
   * the split, for a batch without items) before `vor`. Locked for the removal's transaction.
   */
  async ablaufend(tx: Tx, vor: Date, limit: number): Promise<Pick<ScanstapelRow, 'id' | 'speicherschluessel' | 'sha256'>[]> {
    const res = await tx.execute<{ id: string; speicherschluessel: string; sha256: string }>(
      sql`select s.id, s.speicherschluessel, s.sha256 from dokumente.scanstapel s
          where s.status = 'fertig' and s.inhalt_entfernt_am is null
            and not exists (select 1 from dokumente.transfervermerk tv join dokumente.posteingang_eintrag e on e.mandant_id = tv.mandant_id and e.id = tv.eintrag_id
                            where tv.mandant_id = s.mandant_id and tv.scanstapel_id = s.id and (e.status <> 'zugeordnet' or e.zugeordnet_am >= ${vor.toISOString()}::timestamptz))
            and s.geaendert_am < ${vor.toISOString()}::timestamptz
          order by s.id limit ${limit} for update of s skip locked`,
    );
    return res.rows;
  },

  async inhaltEntfernt(tx: Tx, id: string): Promise<void> {
    await tx
      .update(st)
      .set({ inhaltEntferntAm: sql`now()` })
      .where(eq(st.id, id));
  },

  /** The Transfervermerke of these items (items not from a batch have none). */
  async vermerke(tx: Tx, eintragIds: string[]): Promise<Map<string, TransfervermerkRow>> {
    if (eintragIds.length === 0) return new Map();
    const rows = await tx
      .select({
        v: tv,
        stapel: { gescanntVon: st.gescanntVon, gescanntAm: st.gescanntAm, geraet: st.geraet, profil: st.profil, original: st.original, vernichtbarAb: st.vernichtbarAb, sha256: st.sha256 },
      })
      .from(tv)
      .innerJoin(st, and(eq(st.mandantId, tv.mandantId), eq(st.id, tv.scanstapelId)))
      .where(inArray(tv.eintragId, eintragIds));
    return new Map(rows.map((r) => [r.v.eintragId, { ...r.v, stapel: r.stapel }]));
  },
};

export type PosteingangRepository = typeof posteingangRepository;
