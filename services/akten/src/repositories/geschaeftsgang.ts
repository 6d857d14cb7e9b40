// Data access for Verfügungen, their Laufweg and the Postkorb.
import { schema, sql, type Tx } from '@eakte/db';
import type { SchrittAktion } from '@eakte/db/schema';
import { and, asc, eq, inArray } from 'drizzle-orm';

const { aktenIdempotenz, verfuegung, verfuegungDokument, verfuegungSchritt, vertretung } = schema;

export type VerfuegungRow = typeof verfuegung.$inferSelect;
export type SchrittRow = typeof verfuegungSchritt.$inferSelect;
export type DokumentRow = typeof verfuegungDokument.$inferSelect;

export async function fuegeVerfuegungEin(
  tx: Tx,
  v: typeof verfuegung.$inferInsert,
  dokumente: (typeof verfuegungDokument.$inferInsert)[],
  schritte: (typeof verfuegungSchritt.$inferInsert)[],
): Promise<void> {
  await tx.insert(verfuegung).values(v);
  if (dokumente.length > 0) await tx.insert(verfuegungDokument).values(dokumente);
  await tx.insert(verfuegungSchritt).values(schritte);
}

export async function fuegeSchritteEin(tx: Tx, schritte: (typeof verfuegungSchritt.$inferInsert)[]): Promise<void> {
  await tx.insert(verfuegungSchritt).values(schritte);
}

/** A Verfügung; `sperren` locks it, which serialises every step change of its Laufweg. */
export async function findeVerfuegung(tx: Tx, id: string, sperren = false): Promise<VerfuegungRow | null> {
  const q = tx.select().from(verfuegung).where(eq(verfuegung.id, id)).limit(1);
  const rows = sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function findeSchritt(tx: Tx, id: string): Promise<SchrittRow | null> {
  const rows = await tx.select().from(verfuegungSchritt).where(eq(verfuegungSchritt.id, id)).limit(1);
  return rows[0] ?? null;
}

export function schritteDer(tx: Tx, verfuegungId: string): Promise<SchrittRow[]> {
  return tx.select().from(verfuegungSchritt).where(eq(verfuegungSchritt.verfuegungId, verfuegungId)).orderBy(asc(verfuegungSchritt.position), asc(verfuegungSchritt.zweig));
}

export function dokumenteDer(tx: Tx, verfuegungId: string): Promise<DokumentRow[]> {
  return tx.select().from(verfuegungDokument).where(eq(verfuegungDokument.verfuegungId, verfuegungId)).orderBy(asc(verfuegungDokument.dokumentId));
}

/**
 * The done Mitzeichnungen given on an older version of a pinned Dokument (the database's rule,
 * migration 0040); `offen`: under the current pinning, so the Zeichnung must decide about them.
 */
export async function aufVorversion(tx: Tx, verfuegungId: string): Promise<{ schrittId: string; offen: boolean }[]> {
  const r = await tx.execute<{ schritt_id: string; offen: boolean }>(sql`SELECT schritt_id, offen FROM akten.mitzeichnungen_auf_vorversion(${verfuegungId}::uuid)`);
  return r.rows.map((x) => ({ schrittId: x.schritt_id, offen: x.offen }));
}

/** Pins the Verfügung's Dokumente to their current versions (the view Dokumente publishes). */
export async function pinneAktuell(tx: Tx, verfuegungId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE akten.verfuegung_dokument p SET version_nr = d.aktuelle_version
      FROM dokumente.dokument_stand d
     WHERE p.verfuegung_id = ${verfuegungId} AND d.mandant_id = p.mandant_id AND d.dokument_id = p.dokument_id AND d.aktuelle_version <> p.version_nr`);
}

/** The object an earlier request with this key created, and that request's hash. */
export async function idempotenz(tx: Tx, operation: string, schluessel: string): Promise<{ objektId: string; anfrageSha256: string } | null> {
  const rows = await tx
    .select({ objektId: aktenIdempotenz.objektId, anfrageSha256: aktenIdempotenz.anfrageSha256 })
    .from(aktenIdempotenz)
    .where(and(eq(aktenIdempotenz.operation, operation), eq(aktenIdempotenz.schluessel, schluessel)))
    .limit(1);
  return rows[0] ?? null;
}

export async function merkeIdempotenz(tx: Tx, row: typeof aktenIdempotenz.$inferInsert): Promise<void> {
  await tx.insert(aktenIdempotenz).values(row);
}

export async function aendereSchritte(tx: Tx, ids: string[], set: Partial<typeof verfuegungSchritt.$inferInsert>): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(verfuegungSchritt).set(set).where(inArray(verfuegungSchritt.id, ids));
}

export async function aendereVerfuegung(tx: Tx, id: string, set: Partial<typeof verfuegung.$inferInsert>): Promise<VerfuegungRow> {
  const [r] = await tx
    .update(verfuegung)
    .set({ ...set, version: sql`${verfuegung.version} + 1`, geaendertAm: sql`now()` })
    .where(eq(verfuegung.id, id))
    .returning();
  return r!;
}

/** The Vorgang of a Verfügung with its Akte's Aktenzeichen, for audit events (no visibility rule: the caller checked access). */
export interface VorgangKopf {
  id: string;
  akteId: string;
  aktenzeichen: string;
  kennzeichen: string;
  vorgangStatus: 'offen' | 'geschlossen';
  akteStatus: 'offen' | 'geschlossen';
}

export async function vorgangKopf(tx: Tx, vorgangId: string): Promise<VorgangKopf | null> {
  const r = await tx.execute<{ id: string; akte_id: string; aktenzeichen: string; kennzeichen: string; vorgang_status: 'offen' | 'geschlossen'; akte_status: 'offen' | 'geschlossen' }>(sql`
    SELECT v.id, v.akte_id, a.aktenzeichen, v.kennzeichen, v.status AS vorgang_status, a.status AS akte_status
      FROM akten.vorgang v JOIN akten.akte a ON a.mandant_id = v.mandant_id AND a.id = v.akte_id
     WHERE v.id = ${vorgangId}`);
  const row = r.rows[0];
  return row ? { id: row.id, akteId: row.akte_id, aktenzeichen: row.aktenzeichen, kennzeichen: row.kennzeichen, vorgangStatus: row.vorgang_status, akteStatus: row.akte_status } : null;
}

export type PostkorbZeile = {
  art: 'schritt' | 'rueckgabe';
  schritt_id: string | null;
  verfuegung_id: string;
  vorgang_id: string;
  kennzeichen: string;
  betreff: string;
  aktion: SchrittAktion | null;
  frist: string | null;
  hinweis: string | null;
  /** Text of the timestamptz as PostgreSQL writes it, microseconds kept for the cursor. */
  eingang: string;
  /** The same instant in RFC 3339 (UTC). */
  eingang_am: string;
  fuer_sub: string | null;
  fuer_oe: string | null;
  /** The absent user whose step reaches the caller as their deputy. */
  in_vertretung_fuer: string | null;
  /** The row's key in the order: the step's id, or the returned Verfügung's. */
  schluessel: string;
};

/**
 * The Postkorb of `sub`: current steps for them or their org units, and their Verfügungen returned
 * to them; by arrival, then key (keyset after `nach`). Each part reads its partial index.
 */
export async function postkorb(
  tx: Tx,
  q: { sub: string; einheiten: string[]; vertretene: string[]; aktion: SchrittAktion | undefined; nach: [string, string] | null; limit: number },
): Promise<PostkorbZeile[]> {
  const liste = (werte: string[], typ: 'uuid' | 'text') =>
    werte.length > 0
      ? sql`ARRAY[${sql.join(
          werte.map((e) => sql`${e}`),
          sql`, `,
        )}]::${sql.raw(typ)}[]`
      : sql`ARRAY[]::${sql.raw(typ)}[]`;
  const einheiten = liste(q.einheiten, 'uuid');
  const vertretene = liste(q.vertretene, 'text');
  const nachSchritt = q.nach ? sql`AND (s.aktuell_seit, s.id) > (${q.nach[0]}::timestamptz, ${q.nach[1]}::uuid)` : sql``;
  const nachRueckgabe = q.nach ? sql`AND (f.geaendert_am, f.id) > (${q.nach[0]}::timestamptz, ${q.nach[1]}::uuid)` : sql``;
  const aktion = q.aktion ? sql`AND s.aktion = ${q.aktion}` : sql``;
  const schritte = sql`
    SELECT 'schritt' AS art, s.id AS schritt_id, s.verfuegung_id, f.vorgang_id, s.aktion, s.frist, s.hinweis,
           s.aktuell_seit AS eingang, s.bearbeiter_sub AS fuer_sub, s.bearbeiter_oe_id AS fuer_oe, s.id AS schluessel,
           CASE WHEN s.bearbeiter_sub = ${q.sub} THEN NULL ELSE s.bearbeiter_sub END AS in_vertretung_fuer
      FROM akten.verfuegung_schritt s JOIN akten.verfuegung f ON f.mandant_id = s.mandant_id AND f.id = s.verfuegung_id`;
  const r = await tx.execute<PostkorbZeile>(sql`
    WITH eintraege AS (
      (${schritte} WHERE s.zustand = 'aktuell' AND s.bearbeiter_sub = ${q.sub} ${aktion} ${nachSchritt}
        ORDER BY s.aktuell_seit, s.id LIMIT ${q.limit})
      UNION ALL
      (${schritte} WHERE s.zustand = 'aktuell' AND s.bearbeiter_oe_id = ANY(${einheiten}) AND s.uebernommen_von IS NULL ${aktion} ${nachSchritt}
        ORDER BY s.aktuell_seit, s.id LIMIT ${q.limit})
      UNION ALL
      (${schritte} WHERE s.zustand = 'aktuell' AND s.uebernommen_von = ${q.sub} ${aktion} ${nachSchritt}
        ORDER BY s.aktuell_seit, s.id LIMIT ${q.limit})
      UNION ALL
      (${schritte} WHERE s.zustand = 'aktuell' AND s.bearbeiter_sub = ANY(${vertretene}) ${aktion} ${nachSchritt}
        ORDER BY s.aktuell_seit, s.id LIMIT ${q.limit})
      ${
        q.aktion
          ? sql``
          : sql`UNION ALL
      (SELECT 'rueckgabe', NULL::uuid, f.id, f.vorgang_id, NULL::text, NULL::date, NULL::text, f.geaendert_am, f.verfasser, NULL::uuid, f.id, NULL::text
         FROM akten.verfuegung f WHERE f.status = 'zurueckgegeben' AND f.verfasser = ${q.sub} ${nachRueckgabe}
        ORDER BY f.geaendert_am, f.id LIMIT ${q.limit})`
      }
    )
    SELECT e.art, e.schritt_id, e.verfuegung_id, e.vorgang_id, v.kennzeichen, f.betreff, e.aktion, e.frist::text AS frist, e.hinweis,
           e.eingang::text AS eingang, to_char(e.eingang AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS eingang_am, e.fuer_sub, e.fuer_oe, e.schluessel, e.in_vertretung_fuer
      FROM eintraege e
      JOIN akten.verfuegung f ON f.id = e.verfuegung_id
      JOIN akten.vorgang v ON v.mandant_id = f.mandant_id AND v.id = f.vorgang_id
     ORDER BY e.eingang, e.schluessel
     LIMIT ${q.limit}`);
  return r.rows;
}

export type VertreterRow = typeof vertretung.$inferSelect;

export function vertreterVon(tx: Tx, sub: string): Promise<VertreterRow[]> {
  return tx.select().from(vertretung).where(eq(vertretung.sub, sub)).orderBy(asc(vertretung.vertreterSub));
}

/** Replaces the deputies of `sub`. */
export async function setzeVertreter(tx: Tx, mandantId: string, sub: string, vertreter: { sub: string; abwesendVon: string | null; abwesendBis: string | null }[]): Promise<void> {
  await tx.delete(vertretung).where(eq(vertretung.sub, sub));
  if (vertreter.length > 0) {
    await tx.insert(vertretung).values(vertreter.map((v) => ({ mandantId, sub, vertreterSub: v.sub, abwesendVon: v.abwesendVon, abwesendBis: v.abwesendBis })));
  }
}

/** Whom `vertreterSub` represents on `tag`: the Vertretungen in force then. */
export async function vertreteneVon(tx: Tx, vertreterSub: string, tag: string): Promise<string[]> {
  const rows = await tx
    .select({ sub: vertretung.sub })
    .from(vertretung)
    .where(
      sql`${vertretung.vertreterSub} = ${vertreterSub}
        AND (${vertretung.abwesendVon} IS NULL OR ${vertretung.abwesendVon} <= ${tag}::date)
        AND (${vertretung.abwesendBis} IS NULL OR ${vertretung.abwesendBis} >= ${tag}::date)`,
    );
  return rows.map((r) => r.sub);
}
