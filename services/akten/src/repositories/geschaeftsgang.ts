// Data access for Verfügungen, their Laufweg and the Postkorb.
import { schema, sql, type Tx } from '@eakte/db';
import type { SchrittAktion, VorlageSchritt } from '@eakte/db/schema';
import { akteSichtbar, akteSpaltenVon, type Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';

const { aktenIdempotenz, laufwegVorlage, organisationseinheit, verfuegung, verfuegungDokument, verfuegungSchritt, vertretung } = schema;

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

/** The Verfügung of a step, locked (the lock that serialises its Laufweg), in one query. */
export async function findeVerfuegungDesSchritts(tx: Tx, schrittId: string): Promise<VerfuegungRow | null> {
  const rows = await tx
    .select()
    .from(verfuegung)
    .where(sql`${verfuegung.id} = (SELECT s.verfuegung_id FROM akten.verfuegung_schritt s WHERE s.id = ${schrittId}::uuid)`)
    .limit(1)
    .for('update');
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

/** Changes the steps and returns them as written (with what the row triggers set). */
export async function aendereSchritte(tx: Tx, ids: string[], set: Partial<typeof verfuegungSchritt.$inferInsert>): Promise<SchrittRow[]> {
  if (ids.length === 0) return [];
  return tx.update(verfuegungSchritt).set(set).where(inArray(verfuegungSchritt.id, ids)).returning();
}

/** The Laufweg `schritte` with the rows `geaendert` in their place. */
export const mitGeaenderten = (schritte: SchrittRow[], ...geaendert: SchrittRow[][]): SchrittRow[] => {
  const neu = new Map(geaendert.flat().map((s) => [s.id, s]));
  return schritte.map((s) => neu.get(s.id) ?? s);
};

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
  art: 'schritt' | 'wiedervorlage' | 'rueckgabe';
  schritt_id: string | null;
  verfuegung_id: string | null;
  vorgang_id: string;
  kennzeichen: string;
  betreff: string;
  aktion: SchrittAktion | null;
  frist: string | null;
  ueberfaellig: boolean;
  hinweis: string | null;
  /** Text of the timestamptz as PostgreSQL writes it, microseconds kept for the cursor. */
  eingang: string;
  /** The same instant in RFC 3339 (UTC). */
  eingang_am: string;
  /** The day the Frist order sorts by (no Frist: the last day there is). */
  sortdatum: string;
  fuer_sub: string | null;
  fuer_oe: string | null;
  absender: string | null;
  /** The absent user whose item reaches the caller as their deputy. */
  in_vertretung_fuer: string | null;
  /** The row's key in the order: the step's, the Wiedervorlage's or the returned Verfügung's id. */
  schluessel: string;
};

export type PostkorbSortierung = 'frist' | 'eingang';

export interface PostkorbFilter {
  aktion?: SchrittAktion;
  fristBis?: string;
  vorgangId?: string;
  absender?: string;
}

/** Whose Postkorb: the user, their org units, whom they represent today and those users' org units (one deputy line per unit). */
export interface PostkorbInhaber {
  sub: string;
  einheiten: string[];
  vertretene: string[];
  vertreteneEinheiten: { oe: string; sub: string }[];
  sicht: Sicht;
  heute: string;
}

/** No Frist sorts after every Frist; a real day, so it fits the cursor's date field. */
const OHNE_FRIST = '9999-12-31';

const liste = (werte: string[], typ: 'uuid' | 'text') =>
  werte.length > 0
    ? sql`ARRAY[${sql.join(
        werte.map((e) => sql`${e}`),
        sql`, `,
      )}]::${sql.raw(typ)}[]`
    : sql`ARRAY[]::${sql.raw(typ)}[]`;

/** One part of the Postkorb: its key columns (day, arrival, id) and what its index is ordered by. */
interface Teil {
  auswahl: SQL;
  bedingung: SQL;
  d: SQL;
  t: SQL;
  id: SQL;
  /** The index order of the part under each sort, the same order as the key. */
  ordnung: Record<PostkorbSortierung, SQL>;
}

/**
 * The parts of the Postkorb of `wer` under `filter`; each part reads its own partial index
 * (migrations 0036, 0039), and the parts are disjoint, so no item comes twice.
 */
function teile(wer: PostkorbInhaber, filter: PostkorbFilter): Teil[] {
  const schrittFilter = sql.join(
    [
      sql`s.zustand = 'aktuell'`,
      filter.aktion ? sql`s.aktion = ${filter.aktion}` : undefined,
      filter.fristBis ? sql`s.frist <= ${filter.fristBis}::date` : undefined,
      filter.vorgangId ? sql`f.vorgang_id = ${filter.vorgangId}::uuid` : undefined,
      filter.absender ? sql`f.verfasser = ${filter.absender}` : undefined,
    ].filter((x): x is SQL => x !== undefined),
    sql` AND `,
  );
  // LEFT JOIN: every step has its Verfügung (foreign key), and a count that filters on none of its
  // columns reads no Verfügung at all (PostgreSQL removes a left join on a unique key that is unused)
  const schritt = (vertretungFuer: SQL, von: SQL = sql``) => sql`
    SELECT 'schritt' AS art, s.id AS schritt_id, s.verfuegung_id, f.vorgang_id, s.aktion, s.frist, s.hinweis,
           s.aktuell_seit AS eingang, coalesce(s.frist, ${OHNE_FRIST}::date) AS sortdatum,
           s.bearbeiter_sub AS fuer_sub, s.bearbeiter_oe_id AS fuer_oe, f.verfasser AS absender, s.id AS schluessel,
           ${vertretungFuer}::text AS in_vertretung_fuer
      FROM akten.verfuegung_schritt s LEFT JOIN akten.verfuegung f ON f.mandant_id = s.mandant_id AND f.id = s.verfuegung_id ${von}`;
  const d = sql`coalesce(s.frist, ${OHNE_FRIST}::date)`;
  const schrittTeil = (auswahl: SQL, wer: SQL): Teil => ({
    auswahl,
    bedingung: sql`${schrittFilter} AND ${wer}`,
    d,
    t: sql`s.aktuell_seit`,
    id: sql`s.id`,
    ordnung: { frist: sql`${d}, s.aktuell_seit, s.id`, eingang: sql`s.aktuell_seit DESC, s.id DESC` },
  });
  const vertretene = liste(wer.vertretene, 'text');
  const teile: Teil[] = [
    schrittTeil(schritt(sql`NULL`), sql`s.bearbeiter_sub = ${wer.sub}`),
    schrittTeil(schritt(sql`NULL`), sql`s.bearbeiter_oe_id = ANY(${liste(wer.einheiten, 'uuid')}) AND s.uebernommen_von IS NULL`),
    schrittTeil(schritt(sql`NULL`), sql`s.uebernommen_von = ${wer.sub}`),
  ];
  if (wer.vertretene.length > 0) {
    teile.push(
      schrittTeil(schritt(sql`s.bearbeiter_sub`), sql`s.bearbeiter_sub = ANY(${vertretene})`),
      // a step the absent user took over is theirs, not the unit's
      schrittTeil(schritt(sql`s.uebernommen_von`), sql`s.uebernommen_von = ANY(${vertretene})`),
    );
  }
  if (wer.vertreteneEinheiten.length > 0) {
    const ve = sql`JOIN unnest(${liste(
      wer.vertreteneEinheiten.map((e) => e.oe),
      'uuid',
    )}, ${liste(
      wer.vertreteneEinheiten.map((e) => e.sub),
      'text',
    )}) AS ve(oe, sub) ON ve.oe = s.bearbeiter_oe_id`;
    teile.push(schrittTeil(schritt(sql`ve.sub`, ve), sql`s.uebernommen_von IS NULL`));
  }
  // returned Verfügungen and Wiedervorlagen have no Aktion, Frist or Absender: those filters leave them out
  if (!filter.aktion && !filter.absender && !filter.fristBis) {
    teile.push({
      auswahl: sql`
        SELECT 'rueckgabe' AS art, NULL::uuid AS schritt_id, f.id AS verfuegung_id, f.vorgang_id, NULL::text AS aktion, NULL::date AS frist, NULL::text AS hinweis,
               f.geaendert_am AS eingang, ${OHNE_FRIST}::date AS sortdatum, f.verfasser AS fuer_sub, NULL::uuid AS fuer_oe, NULL::text AS absender, f.id AS schluessel,
               NULL::text AS in_vertretung_fuer
          FROM akten.verfuegung f`,
      bedingung: sql`f.status = 'zurueckgegeben' AND f.verfasser = ${wer.sub} ${filter.vorgangId ? sql`AND f.vorgang_id = ${filter.vorgangId}::uuid` : sql``}`,
      d: sql`${OHNE_FRIST}::date`,
      t: sql`f.geaendert_am`,
      id: sql`f.id`,
      ordnung: { frist: sql`f.geaendert_am, f.id`, eingang: sql`f.geaendert_am DESC, f.id DESC` },
    });
  }
  if (!filter.aktion && !filter.absender) {
    // due (day today or earlier) counts as due today: after the overdue steps, with today's Fristen
    const wt = sql`(w.datum::timestamp AT TIME ZONE 'Europe/Berlin')`;
    teile.push({
      auswahl: sql`
        SELECT 'wiedervorlage' AS art, NULL::uuid AS schritt_id, NULL::uuid AS verfuegung_id, w.vorgang_id, NULL::text AS aktion, w.datum AS frist, NULL::text AS hinweis,
               ${wt} AS eingang, ${wer.heute}::date AS sortdatum, w.sub AS fuer_sub, NULL::uuid AS fuer_oe, NULL::text AS absender, w.id AS schluessel,
               NULL::text AS in_vertretung_fuer
          FROM akten.offene_wiedervorlagen w`,
      bedingung: sql`w.sub = ${wer.sub} AND w.datum <= ${filter.fristBis && filter.fristBis < wer.heute ? filter.fristBis : wer.heute}::date
        ${filter.vorgangId ? sql`AND w.vorgang_id = ${filter.vorgangId}::uuid` : sql``} AND ${akteSichtbar(wer.sicht, akteSpaltenVon('w'))}`,
      d: sql`${wer.heute}::date`,
      t: wt,
      id: sql`w.id`,
      ordnung: { frist: sql`w.datum, w.id`, eingang: sql`w.datum DESC, w.id DESC` },
    });
  }
  return teile;
}

/** A page of the Postkorb of `wer`: after the key `nach` in the order `sortierung`. */
export async function postkorb(
  tx: Tx,
  wer: PostkorbInhaber,
  filter: PostkorbFilter,
  sortierung: PostkorbSortierung,
  nach: { d?: string; t: string; id: string } | null,
  limit: number,
): Promise<PostkorbZeile[]> {
  const teilSql = teile(wer, filter).map((t) => {
    const weiter = !nach
      ? sql``
      : sortierung === 'frist'
        ? sql`AND (${t.d}, ${t.t}, ${t.id}) > (${nach.d}::date, ${nach.t}::timestamptz, ${nach.id}::uuid)`
        : sql`AND (${t.t}, ${t.id}) < (${nach.t}::timestamptz, ${nach.id}::uuid)`;
    return sql`(${t.auswahl} WHERE ${t.bedingung} ${weiter} ORDER BY ${t.ordnung[sortierung]} LIMIT ${limit})`;
  });
  const ordnung = sortierung === 'frist' ? sql`e.sortdatum, e.eingang, e.schluessel` : sql`e.eingang DESC, e.schluessel DESC`;
  const r = await tx.execute<PostkorbZeile>(sql`
    WITH eintraege AS (${sql.join(teilSql, sql` UNION ALL `)})
    SELECT e.art, e.schritt_id, e.verfuegung_id, e.vorgang_id, v.kennzeichen, coalesce(f.betreff, v.betreff) AS betreff, e.aktion, e.frist::text AS frist,
           (e.art = 'schritt' AND e.frist < ${wer.heute}::date) AS ueberfaellig, e.hinweis,
           e.eingang::text AS eingang, to_char(e.eingang AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS eingang_am, e.sortdatum::text AS sortdatum,
           e.fuer_sub, e.fuer_oe, e.absender, e.schluessel, e.in_vertretung_fuer
      FROM eintraege e
      LEFT JOIN akten.verfuegung f ON f.id = e.verfuegung_id
      JOIN akten.vorgang v ON v.id = e.vorgang_id
     ORDER BY ${ordnung}
     LIMIT ${limit}`);
  return r.rows;
}

export interface PostkorbAnzahl {
  schritte: number;
  wiedervorlagen: number;
  rueckgaben: number;
  ueberfaellig: number;
  inVertretung: number;
}

/** The counts of the Postkorb of `wer` under `filter`: the same parts, counted set-based. */
export async function postkorbAnzahl(tx: Tx, wer: PostkorbInhaber, filter: PostkorbFilter): Promise<PostkorbAnzahl> {
  // only the columns the counts read, so the parts' joins for the page's columns drop out
  const teilSql = teile(wer, filter).map((t) => sql`(SELECT x.art, x.frist, x.in_vertretung_fuer FROM (${t.auswahl} WHERE ${t.bedingung}) x)`);
  const r = await tx.execute<{ schritte: number; wiedervorlagen: number; rueckgaben: number; ueberfaellig: number; in_vertretung: number }>(sql`
    WITH eintraege AS (${sql.join(teilSql, sql` UNION ALL `)})
    SELECT count(*) FILTER (WHERE art = 'schritt')::int AS schritte,
           count(*) FILTER (WHERE art = 'wiedervorlage')::int AS wiedervorlagen,
           count(*) FILTER (WHERE art = 'rueckgabe')::int AS rueckgaben,
           count(*) FILTER (WHERE art = 'schritt' AND frist < ${wer.heute}::date)::int AS ueberfaellig,
           count(*) FILTER (WHERE in_vertretung_fuer IS NOT NULL)::int AS in_vertretung
      FROM eintraege`);
  const z = r.rows[0]!;
  return { schritte: z.schritte, wiedervorlagen: z.wiedervorlagen, rueckgaben: z.rueckgaben, ueberfaellig: z.ueberfaellig, inVertretung: z.in_vertretung };
}

/** The org units of `subs`, one line per unit (the first user by `sub` when several share it). */
export async function einheitenDer(tx: Tx, subs: string[]): Promise<{ oe: string; sub: string }[]> {
  if (subs.length === 0) return [];
  const r = await tx.execute<{ oe: string; sub: string }>(sql`
    SELECT DISTINCT ON (b.organisationseinheit_id) b.organisationseinheit_id AS oe, b.sub
      FROM akten.benutzer_organisationseinheit b
     WHERE b.sub = ANY(${liste(subs, 'text')})
     ORDER BY b.organisationseinheit_id, b.sub`);
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

/** Whose steps make a Verfügung readable beyond its Vorgang's visibility (the rule of `rechtAm`, in SQL). */
export interface Beteiligter {
  sub: string;
  einheiten: string[];
  vertretene: string[];
  vertreteneEinheiten: string[];
}

export type VerfuegungZeile = VerfuegungRow & { erstelltText: string };

/**
 * A page of the Verfügungen of a Vorgang by creation (erstellt_am, id), after `nach`; with `nur`
 * only those `nur` wrote or is a Bearbeiter of a step of (as user, org unit member or deputy).
 */
export async function verfuegungenDes(tx: Tx, vorgangId: string, nur: Beteiligter | null, nach: { t: string; id: string } | null, limit: number): Promise<VerfuegungZeile[]> {
  const beteiligt = nur
    ? sql`AND (${verfuegung.verfasser} = ${nur.sub} OR EXISTS (
        SELECT 1 FROM akten.verfuegung_schritt s
         WHERE s.mandant_id = ${verfuegung.mandantId} AND s.verfuegung_id = ${verfuegung.id}
           AND (s.bearbeiter_sub = ${nur.sub}
                OR s.uebernommen_von = ANY(${liste([nur.sub, ...nur.vertretene], 'text')})
                OR (s.uebernommen_von IS NULL AND (s.bearbeiter_oe_id = ANY(${liste([...nur.einheiten, ...nur.vertreteneEinheiten], 'uuid')})
                                                   OR s.bearbeiter_sub = ANY(${liste(nur.vertretene, 'text')}))))))`
    : sql``;
  const weiter = nach ? sql`AND (${verfuegung.erstelltAm}, ${verfuegung.id}) > (${nach.t}::timestamptz, ${nach.id}::uuid)` : sql``;
  const rows = await tx
    .select({ v: verfuegung, erstelltText: sql<string>`${verfuegung.erstelltAm}::text` })
    .from(verfuegung)
    .where(sql`${verfuegung.vorgangId} = ${vorgangId} ${beteiligt} ${weiter}`)
    .orderBy(asc(verfuegung.erstelltAm), asc(verfuegung.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.v, erstelltText: r.erstelltText }));
}

/** The current steps of the given Verfügungen, in one query. */
export function aktuelleSchritteDer(tx: Tx, verfuegungIds: string[]): Promise<SchrittRow[]> {
  if (verfuegungIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(verfuegungSchritt)
    .where(and(inArray(verfuegungSchritt.verfuegungId, verfuegungIds), eq(verfuegungSchritt.zustand, 'aktuell')))
    .orderBy(asc(verfuegungSchritt.verfuegungId), asc(verfuegungSchritt.position), asc(verfuegungSchritt.zweig));
}

export type VorlageRow = typeof laufwegVorlage.$inferSelect;

/** Every org unit's Laufweg templates, by unit and order. */
export function laufwegvorlagen(tx: Tx, organisationseinheitId?: string): Promise<VorlageRow[]> {
  const q = tx.select().from(laufwegVorlage);
  return (organisationseinheitId ? q.where(eq(laufwegVorlage.organisationseinheitId, organisationseinheitId)) : q).orderBy(asc(laufwegVorlage.organisationseinheitId), asc(laufwegVorlage.reihenfolge));
}

/** Replaces the templates of an org unit. */
export async function setzeLaufwegvorlagen(tx: Tx, mandantId: string, organisationseinheitId: string, vorlagen: { name: string; laufweg: VorlageSchritt[] }[]): Promise<void> {
  await tx.delete(laufwegVorlage).where(eq(laufwegVorlage.organisationseinheitId, organisationseinheitId));
  if (vorlagen.length > 0) {
    await tx.insert(laufwegVorlage).values(vorlagen.map((v, i) => ({ mandantId, organisationseinheitId, name: v.name, reihenfolge: i + 1, laufweg: v.laufweg })));
  }
}

/** Which of these org unit ids the tenant has. */
export async function vorhandeneEinheiten(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.select({ id: organisationseinheit.id }).from(organisationseinheit).where(inArray(organisationseinheit.id, ids));
  return new Set(rows.map((r) => r.id));
}
