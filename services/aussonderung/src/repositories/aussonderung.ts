// Data access of the Aussonderung service over packages/db. Every function takes the transaction of
// a `db.withMandant` call, so row-level security limits it to the caller's tenant. Akten, Vorgänge,
// Aktenplan and org units are read here (never written): they belong to the Akten service.
import { schema, sql, type Tx } from '@eakte/db';
import { escapeLike } from '@eakte/platform';
import { and, asc, desc, eq, inArray, isNull, isNotNull, type SQL } from 'drizzle-orm';

const { akte, vorgang, aktenplaneinheit, organisationseinheit, loeschsperre, loeschsperreAkte, loeschsperreObjekt, aussonderung, aussonderungObjekt, vernichtung, nachricht, aussonderungAuftrag, bewertungsnachweis } = schema;

export type LoeschsperreRow = typeof loeschsperre.$inferSelect & { akten: string[]; vorgaenge: string[]; dokumente: string[] };
export type AussonderungRow = typeof aussonderung.$inferSelect;
/**
 * An offered Akte; `mitA`/`mitV`: whether any of its parts is appraised A/V, the deepest appraised
 * object winning (a Vorgang's own appraisal, else its Akte's; an Akte without Vorgänge is its own part).
 */
export type ObjektRow = typeof aussonderungObjekt.$inferSelect & { aktenzeichen: string; betreff: string; gesperrt: boolean; mitA: boolean; mitV: boolean };
export type VernichtungRow = typeof vernichtung.$inferSelect;
export type NachrichtRow = typeof nachricht.$inferSelect;
export type BewertungsnachweisRow = typeof bewertungsnachweis.$inferSelect;
export type AuftragRow = typeof aussonderungAuftrag.$inferSelect;
export type AuftragArt = AuftragRow['art'];

const uuidArray = (ids: readonly string[]) => sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::uuid[]`;

export type SperrObjektTyp = 'akte' | 'vorgang' | 'dokument';

/**
 * Whether a Löschsperre stands in the way of an Akte (on it, or on any of its Vorgänge and
 * Dokumente), for use in queries: the SQL function `aussonderung.aktive_loeschsperren` is the one
 * place that answers it.
 */
const gesperrtSql = (akteIdSpalte: SQL) => sql<boolean>`EXISTS (SELECT 1 FROM aussonderung.aktive_loeschsperren('akte', ${akteIdSpalte}))`;
// bool_or over an Akte without Vorgänge is NULL: then the Akte's own appraisal is its only part
const teilSql = (art: 'A' | 'V') =>
  sql<boolean>`coalesce((SELECT bool_or(coalesce(${aussonderungObjekt.unterbewertungen} ->> tv.id::text, ${aussonderungObjekt.bewertung}) = ${art}) FROM akten.vorgang tv
                          WHERE tv.mandant_id = ${aussonderungObjekt.mandantId} AND tv.akte_id = ${aussonderungObjekt.akteId}), ${aussonderungObjekt.bewertung} = ${art}, false)`;
const objektSpalten = () => ({
  o: aussonderungObjekt,
  aktenzeichen: akte.aktenzeichen,
  betreff: akte.betreff,
  gesperrt: gesperrtSql(sql`${aussonderungObjekt.akteId}`),
  mitA: teilSql('A'),
  mitV: teilSql('V'),
});
const alsObjekt = (r: { o: typeof aussonderungObjekt.$inferSelect; aktenzeichen: string; betreff: string; gesperrt: boolean; mitA: boolean; mitV: boolean }): ObjektRow => ({
  ...r.o, aktenzeichen: r.aktenzeichen, betreff: r.betreff, gesperrt: r.gesperrt, mitA: r.mitA, mitV: r.mitV,
});

// ---- Löschsperren ----------------------------------------------------------------------------

export async function vorhandeneAkten(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.select({ id: akte.id }).from(akte).where(inArray(akte.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

/** Vorgänge and Dokumente of the tenant with their Akte (missing ids are simply absent). */
export async function objekteMitAkte(tx: Tx, vorgaenge: readonly string[], dokumente: readonly string[]): Promise<{ vorgaenge: Map<string, string>; dokumente: Map<string, string> }> {
  const v = vorgaenge.length ? await tx.select({ id: vorgang.id, akteId: vorgang.akteId }).from(vorgang).where(inArray(vorgang.id, [...vorgaenge])) : [];
  const d = dokumente.length
    ? await tx
        .select({ id: schema.dokument.id, akteId: vorgang.akteId })
        .from(schema.dokument)
        .innerJoin(vorgang, and(eq(vorgang.mandantId, schema.dokument.mandantId), eq(vorgang.id, schema.dokument.vorgangId)))
        .where(inArray(schema.dokument.id, [...dokumente]))
    : [];
  return { vorgaenge: new Map(v.map((x) => [x.id, x.akteId])), dokumente: new Map(d.map((x) => [x.id, x.akteId])) };
}

/** Akten matching a hold's search (evaluated once, when the hold is placed); at most `max` + 1. */
export async function aktenDerSuche(
  tx: Tx,
  f: { aktenplaneinheit?: string; aktenzeichen?: string; betreff?: string; laufzeitEndeBis?: string },
  max: number,
): Promise<string[]> {
  const b: SQL[] = [];
  if (f.aktenplaneinheit) {
    b.push(sql`a.aktenplaneinheit_id IN (
      WITH RECURSIVE baum AS (
        SELECT id FROM ${aktenplaneinheit} WHERE id = ${f.aktenplaneinheit}
        UNION ALL SELECT k.id FROM ${aktenplaneinheit} k JOIN baum ON k.parent_id = baum.id)
      SELECT id FROM baum)`);
  }
  if (f.aktenzeichen) b.push(sql`a.aktenzeichen LIKE ${`${escapeLike(f.aktenzeichen)}%`}`);
  if (f.betreff) b.push(sql`a.betreff ILIKE ${`%${escapeLike(f.betreff)}%`}`);
  if (f.laufzeitEndeBis) b.push(sql`a.laufzeit_ende <= ${f.laufzeitEndeBis}::date`);
  const r = await tx.execute<{ id: string }>(sql`SELECT a.id FROM ${akte} a ${b.length ? sql`WHERE ${sql.join(b, sql` AND `)}` : sql``} ORDER BY a.id LIMIT ${max + 1}`);
  return r.rows.map((x) => x.id);
}

export async function legeSperreAn(
  tx: Tx,
  row: typeof loeschsperre.$inferInsert,
  ziele: { akten: readonly string[]; vorgaenge: readonly string[]; dokumente: readonly string[] },
): Promise<void> {
  await tx.insert(loeschsperre).values(row);
  if (ziele.akten.length) await tx.insert(loeschsperreAkte).values(ziele.akten.map((akteId) => ({ mandantId: row.mandantId, loeschsperreId: row.id, akteId })));
  // each row carries its Akte, taken from the database, never from the caller
  if (ziele.vorgaenge.length) {
    await tx.execute(sql`INSERT INTO ${loeschsperreObjekt} (mandant_id, loeschsperre_id, akte_id, vorgang_id, dokument_id)
      SELECT v.mandant_id, ${row.id}::uuid, v.akte_id, v.id, NULL FROM ${vorgang} v WHERE v.id = ANY(${uuidArray(ziele.vorgaenge)})`);
  }
  if (ziele.dokumente.length) {
    await tx.execute(sql`INSERT INTO ${loeschsperreObjekt} (mandant_id, loeschsperre_id, akte_id, vorgang_id, dokument_id)
      SELECT d.mandant_id, ${row.id}::uuid, v.akte_id, v.id, d.id FROM ${schema.dokument} d
        JOIN ${vorgang} v ON v.mandant_id = d.mandant_id AND v.id = d.vorgang_id WHERE d.id = ANY(${uuidArray(ziele.dokumente)})`);
  }
}

const aktenDerSperre = sql<string[]>`coalesce((SELECT array_agg(la.akte_id ORDER BY la.akte_id) FROM ${loeschsperreAkte} la
  WHERE la.mandant_id = ${loeschsperre.mandantId} AND la.loeschsperre_id = ${loeschsperre.id}), '{}'::uuid[])`;
const vorgaengeDerSperre = sql<string[]>`coalesce((SELECT array_agg(lo.vorgang_id ORDER BY lo.vorgang_id) FROM ${loeschsperreObjekt} lo
  WHERE lo.mandant_id = ${loeschsperre.mandantId} AND lo.loeschsperre_id = ${loeschsperre.id} AND lo.dokument_id IS NULL), '{}'::uuid[])`;
const dokumenteDerSperre = sql<string[]>`coalesce((SELECT array_agg(lo.dokument_id ORDER BY lo.dokument_id) FROM ${loeschsperreObjekt} lo
  WHERE lo.mandant_id = ${loeschsperre.mandantId} AND lo.loeschsperre_id = ${loeschsperre.id} AND lo.dokument_id IS NOT NULL), '{}'::uuid[])`;

export async function sperre(tx: Tx, id: string, opts: { sperren?: boolean } = {}): Promise<LoeschsperreRow | null> {
  const q = tx.select({ s: loeschsperre }).from(loeschsperre).where(eq(loeschsperre.id, id));
  const rows = opts.sperren ? await q.for('update') : await q;
  if (!rows[0]) return null;
  const [z] = await tx
    .select({ akten: aktenDerSperre, vorgaenge: vorgaengeDerSperre, dokumente: dokumenteDerSperre })
    .from(loeschsperre)
    .where(eq(loeschsperre.id, id));
  return { ...rows[0].s, ...z! };
}

export async function sperren(
  tx: Tx,
  f: { aktiv?: boolean; akte?: string; nach?: { erstelltAm: Date; id: string }; limit: number },
): Promise<LoeschsperreRow[]> {
  const bedingungen: SQL[] = [];
  if (f.aktiv === true) bedingungen.push(isNull(loeschsperre.aufgehobenAm));
  if (f.aktiv === false) bedingungen.push(isNotNull(loeschsperre.aufgehobenAm));
  if (f.akte) {
    bedingungen.push(sql`(EXISTS (SELECT 1 FROM ${loeschsperreAkte} la WHERE la.loeschsperre_id = ${loeschsperre.id} AND la.akte_id = ${f.akte})
      OR EXISTS (SELECT 1 FROM ${loeschsperreObjekt} lo WHERE lo.loeschsperre_id = ${loeschsperre.id} AND lo.akte_id = ${f.akte}))`);
  }
  if (f.nach) bedingungen.push(sql`(${loeschsperre.erstelltAm}, ${loeschsperre.id}) < (${f.nach.erstelltAm.toISOString()}::timestamptz, ${f.nach.id}::uuid)`);
  const rows = await tx
    .select({ s: loeschsperre, akten: aktenDerSperre, vorgaenge: vorgaengeDerSperre, dokumente: dokumenteDerSperre })
    .from(loeschsperre)
    .where(bedingungen.length ? and(...bedingungen) : undefined)
    .orderBy(desc(loeschsperre.erstelltAm), desc(loeschsperre.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r.s, akten: r.akten, vorgaenge: r.vorgaenge, dokumente: r.dokumente }));
}

export async function hebeSperreAuf(tx: Tx, id: string, von: string, grund: string): Promise<void> {
  await tx.update(loeschsperre).set({ aufgehobenAm: sql`now()`, aufgehobenVon: von, aufhebungsgrund: grund }).where(eq(loeschsperre.id, id));
}

/**
 * THE repository method for hold coverage: the number of active Löschsperren that stand in the way
 * of removing or changing each object (on it, its ancestors or its contents), only objects with
 * at least one. Asks `aussonderung.aktive_loeschsperren`, the one place in SQL.
 */
export async function aktiveLoeschsperren(tx: Tx, typ: SperrObjektTyp, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<{ id: string; n: number }>(sql`
    SELECT u.id, (SELECT count(*) FROM aussonderung.aktive_loeschsperren(${typ}, u.id))::int AS n
    FROM unnest(${uuidArray([...new Set(ids)])}) AS u(id)`);
  return new Map(r.rows.filter((x) => x.n > 0).map((x) => [x.id, x.n]));
}

/** Active holds per Akte (on the Akte or anything in it). */
export const aktiveSperrenJeAkte = (tx: Tx, akteIds: readonly string[]) => aktiveLoeschsperren(tx, 'akte', akteIds);

// ---- due list ---------------------------------------------------------------------------------

export interface FaelligRow {
  id: string;
  aktenzeichen: string;
  betreff: string;
  aktenplaneinheitId: string;
  aktenplanKennzeichen: string;
  aufbewahrungBis: string | null;
  aussonderungFaelligAb: string;
  aussonderungsart: 'A' | 'B' | 'V' | null;
  gesperrt: boolean;
}

/**
 * Akten due on `stichtag` and in no Aussonderung: one set-based query over the due-date index,
 * keyset-paginated by (aussonderung_faellig_ab, id).
 */
export async function faellig(
  tx: Tx,
  f: { stichtag: string; einheit?: string; jahr?: number; nach?: { datum: string; id: string }; limit: number },
): Promise<FaelligRow[]> {
  const bedingungen: SQL[] = [
    sql`a.status = 'geschlossen'`,
    sql`a.aussonderung_faellig_ab <= ${f.stichtag}::date`,
    sql`NOT EXISTS (SELECT 1 FROM ${aussonderungObjekt} o WHERE o.mandant_id = a.mandant_id AND o.akte_id = a.id)`,
  ];
  if (f.jahr !== undefined) bedingungen.push(sql`a.aussonderung_faellig_ab BETWEEN ${`${f.jahr}-01-01`}::date AND ${`${f.jahr}-12-31`}::date`);
  if (f.einheit) {
    bedingungen.push(sql`a.aktenplaneinheit_id IN (
      WITH RECURSIVE baum AS (
        SELECT id FROM ${aktenplaneinheit} WHERE id = ${f.einheit}
        UNION ALL SELECT k.id FROM ${aktenplaneinheit} k JOIN baum ON k.parent_id = baum.id)
      SELECT id FROM baum)`);
  }
  if (f.nach) bedingungen.push(sql`(a.aussonderung_faellig_ab, a.id) > (${f.nach.datum}::date, ${f.nach.id}::uuid)`);
  const r = await tx.execute<{
    id: string;
    aktenzeichen: string;
    betreff: string;
    aktenplaneinheit_id: string;
    kennzeichen: string;
    aufbewahrung_bis: string | null;
    aussonderung_faellig_ab: string;
    aussonderungsart: 'A' | 'B' | 'V' | null;
    gesperrt: boolean;
  }>(sql`
    SELECT s.id, s.aktenzeichen, s.betreff, s.aktenplaneinheit_id, s.kennzeichen, s.aufbewahrung_bis, s.aussonderung_faellig_ab,
           coalesce(s.akte_art, kette.art) AS aussonderungsart, s.gesperrt
    FROM (
      SELECT a.id, a.aktenzeichen, a.betreff, a.aktenplaneinheit_id, e.kennzeichen, a.aussonderungsart AS akte_art,
             a.aussonderung_faellig_ab AS faellig_ab,
             to_char(a.aufbewahrung_bis, 'YYYY-MM-DD') AS aufbewahrung_bis,
             to_char(a.aussonderung_faellig_ab, 'YYYY-MM-DD') AS aussonderung_faellig_ab,
             ${gesperrtSql(sql`a.id`)} AS gesperrt
      FROM ${akte} a JOIN ${aktenplaneinheit} e ON e.mandant_id = a.mandant_id AND e.id = a.aktenplaneinheit_id
      WHERE ${sql.join(bedingungen, sql` AND `)}
      ORDER BY a.aussonderung_faellig_ab, a.id
      LIMIT ${f.limit}) s
    -- the nearest unit upwards that sets one, as the Akte view and the xdomea messages take it; only for the page's rows
    LEFT JOIN LATERAL (
      WITH RECURSIVE k AS (
        SELECT id, parent_id, aussonderungsart, 0 AS tiefe FROM ${aktenplaneinheit} WHERE id = s.aktenplaneinheit_id
        UNION ALL
        SELECT p.id, p.parent_id, p.aussonderungsart, k.tiefe + 1 FROM k JOIN ${aktenplaneinheit} p ON p.id = k.parent_id
        WHERE k.aussonderungsart IS NULL AND k.tiefe < 32)
      SELECT aussonderungsart AS art FROM k WHERE aussonderungsart IS NOT NULL ORDER BY tiefe LIMIT 1) kette ON true
    ORDER BY s.faellig_ab, s.id`);
  return r.rows.map((x) => ({
    id: x.id,
    aktenzeichen: x.aktenzeichen,
    betreff: x.betreff,
    aktenplaneinheitId: x.aktenplaneinheit_id,
    aktenplanKennzeichen: x.kennzeichen,
    aufbewahrungBis: x.aufbewahrung_bis,
    aussonderungFaelligAb: x.aussonderung_faellig_ab,
    aussonderungsart: x.aussonderungsart,
    gesperrt: x.gesperrt,
  }));
}

// ---- Akten as the xdomea messages need them --------------------------------------------------

export interface AkteDaten {
  row: typeof akte.$inferSelect;
  einheit: { kennzeichen: string; titel: string; beschreibung: string | null; aufbewahrungsfrist: number | null; unbefristet: boolean; aussonderungsart: 'A' | 'B' | 'V' | null };
  federfuehrung: string | null;
}

export async function aktenDaten(tx: Tx, ids: readonly string[], opts: { sperren?: boolean } = {}): Promise<AkteDaten[]> {
  if (ids.length === 0) return [];
  // a shared lock keeps the Akten from being reopened or changed while they are offered
  if (opts.sperren) await tx.select({ id: akte.id }).from(akte).where(inArray(akte.id, [...ids])).for('share');
  const q = tx
    .select({
      row: akte,
      einheit: {
        kennzeichen: aktenplaneinheit.kennzeichen,
        titel: aktenplaneinheit.titel,
        beschreibung: aktenplaneinheit.beschreibung,
        aufbewahrungsfrist: aktenplaneinheit.aufbewahrungsfrist,
        unbefristet: aktenplaneinheit.unbefristet,
        aussonderungsart: aktenplaneinheit.aussonderungsart,
      },
      federfuehrung: organisationseinheit.name,
    })
    .from(akte)
    .innerJoin(aktenplaneinheit, and(eq(aktenplaneinheit.mandantId, akte.mandantId), eq(aktenplaneinheit.id, akte.aktenplaneinheitId)))
    .leftJoin(organisationseinheit, and(eq(organisationseinheit.mandantId, akte.mandantId), eq(organisationseinheit.id, akte.federfuehrungId)))
    .where(inArray(akte.id, [...ids]))
    .orderBy(asc(akte.aktenzeichen));
  return q;
}

export async function vorgaengeDerAkten(tx: Tx, akteIds: readonly string[]): Promise<(typeof vorgang.$inferSelect)[]> {
  if (akteIds.length === 0) return [];
  return tx.select().from(vorgang).where(inArray(vorgang.akteId, [...akteIds])).orderBy(asc(vorgang.akteId), asc(vorgang.laufendeNummer));
}

/**
 * The Vorgänge of offered Akten whose appraisal is `bewertung`: the Vorgang's own (the archive may
 * appraise per Vorgang), else its Akte's. Content removal after the 0506 takes the A-parts only,
 * the destruction the V-parts only.
 */
export async function vorgaengeDerTeile(tx: Tx, akteIds: readonly string[], bewertung: 'A' | 'V'): Promise<{ id: string; akteId: string; kennzeichen: string; betreff: string }[]> {
  if (akteIds.length === 0) return [];
  const r = await tx.execute<{ id: string; akte_id: string; kennzeichen: string; betreff: string }>(sql`
    SELECT v.id, v.akte_id, v.kennzeichen, v.betreff FROM ${vorgang} v
      JOIN ${aussonderungObjekt} o ON o.mandant_id = v.mandant_id AND o.akte_id = v.akte_id
     WHERE v.akte_id = ANY(${uuidArray([...new Set(akteIds)])})
       AND coalesce(o.unterbewertungen ->> v.id::text, o.bewertung) = ${bewertung}
     ORDER BY v.akte_id, v.laufende_nummer`);
  return r.rows.map((x) => ({ id: x.id, akteId: x.akte_id, kennzeichen: x.kennzeichen, betreff: x.betreff }));
}

/** Effective Aussonderungsart: the Akte's, else the nearest unit's upwards. */
export async function aussonderungsartenDerEinheiten(tx: Tx, einheitIds: readonly string[]): Promise<Map<string, 'A' | 'B' | 'V' | null>> {
  if (einheitIds.length === 0) return new Map();
  const r = await tx.execute<{ start: string; art: 'A' | 'B' | 'V' | null }>(sql`
    WITH RECURSIVE kette AS (
      SELECT id AS start, id, parent_id, aussonderungsart, 0 AS tiefe FROM ${aktenplaneinheit} WHERE id = ANY(${uuidArray(einheitIds)})
      UNION ALL
      SELECT k.start, p.id, p.parent_id, p.aussonderungsart, k.tiefe + 1 FROM kette k JOIN ${aktenplaneinheit} p ON p.id = k.parent_id
      WHERE k.aussonderungsart IS NULL)
    SELECT DISTINCT ON (start) start, aussonderungsart AS art FROM kette
    ORDER BY start, (aussonderungsart IS NULL), tiefe`);
  return new Map(r.rows.map((x) => [x.start, x.art]));
}

/** Effective Frist of units, upwards like the Akten service computes it. */
export async function fristenDerEinheiten(tx: Tx, einheitIds: readonly string[]): Promise<Map<string, number | 'unbefristet' | null>> {
  if (einheitIds.length === 0) return new Map();
  const r = await tx.execute<{ start: string; frist: number | null; unbefristet: boolean }>(sql`
    WITH RECURSIVE kette AS (
      SELECT id AS start, id, parent_id, aufbewahrungsfrist, unbefristet, 0 AS tiefe FROM ${aktenplaneinheit} WHERE id = ANY(${uuidArray(einheitIds)})
      UNION ALL
      SELECT k.start, p.id, p.parent_id, p.aufbewahrungsfrist, p.unbefristet, k.tiefe + 1 FROM kette k JOIN ${aktenplaneinheit} p ON p.id = k.parent_id
      WHERE k.aufbewahrungsfrist IS NULL AND NOT k.unbefristet)
    SELECT DISTINCT ON (start) start, aufbewahrungsfrist AS frist, unbefristet FROM kette
    ORDER BY start, (aufbewahrungsfrist IS NULL AND NOT unbefristet), tiefe`);
  return new Map(r.rows.map((x) => [x.start, x.unbefristet ? 'unbefristet' : x.frist]));
}

// ---- Aussonderungen --------------------------------------------------------------------------

export async function erstelleAussonderung(tx: Tx, row: typeof aussonderung.$inferInsert, akteIds: readonly string[]): Promise<void> {
  await tx.insert(aussonderung).values(row);
  await tx.insert(aussonderungObjekt).values(akteIds.map((akteId) => ({ mandantId: row.mandantId, aussonderungId: row.id, akteId })));
}

export type AussonderungUebersichtRow = AussonderungRow & { objekte: number; vernichtungOffen: boolean; vernichtungBeantragtVon: string | null; vernichtungAbgelehnt: boolean };

/** Newest first, keyset on (erstellt_am, id) — the index aussonderung_erstellt_idx. The subqueries name the outer table: a bare "id" would bind to the inner one. */
export async function aussonderungen(
  tx: Tx,
  f: { status?: AussonderungRow['status']; nach?: { erstelltAm: Date; id: string }; limit: number },
): Promise<AussonderungUebersichtRow[]> {
  const bedingungen: SQL[] = [];
  if (f.status) bedingungen.push(eq(aussonderung.status, f.status));
  if (f.nach) bedingungen.push(sql`(${aussonderung.erstelltAm}, ${aussonderung.id}) < (${f.nach.erstelltAm.toISOString()}::timestamptz, ${f.nach.id}::uuid)`);
  const rows = await tx
    .select({
      a: aussonderung,
      objekte: sql<number>`(SELECT count(*)::int FROM ${aussonderungObjekt} o WHERE o.aussonderung_id = ${aussonderung}.id)`,
      vernichtungOffen: sql<boolean>`EXISTS (SELECT 1 FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.freigegeben_am IS NULL AND v.abgelehnt_am IS NULL)`,
      vernichtungBeantragtVon: sql<string | null>`(SELECT v.beantragt_von FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.abgelehnt_am IS NULL)`,
      // refused, and no new request since
      vernichtungAbgelehnt: sql<boolean>`(EXISTS (SELECT 1 FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.abgelehnt_am IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM ${vernichtung} v WHERE v.aussonderung_id = ${aussonderung}.id AND v.abgelehnt_am IS NULL))`,
    })
    .from(aussonderung)
    .where(bedingungen.length ? and(...bedingungen) : undefined)
    .orderBy(desc(aussonderung.erstelltAm), desc(aussonderung.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r.a, objekte: r.objekte, vernichtungOffen: r.vernichtungOffen, vernichtungBeantragtVon: r.vernichtungBeantragtVon, vernichtungAbgelehnt: r.vernichtungAbgelehnt }));
}

export async function findeAussonderung(tx: Tx, id: string, opts: { sperren?: boolean } = {}): Promise<AussonderungRow | null> {
  const q = tx.select().from(aussonderung).where(eq(aussonderung.id, id));
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function objekte(tx: Tx, aussonderungId: string): Promise<ObjektRow[]> {
  const rows = await tx
    .select(objektSpalten())
    .from(aussonderungObjekt)
    .innerJoin(akte, and(eq(akte.mandantId, aussonderungObjekt.mandantId), eq(akte.id, aussonderungObjekt.akteId)))
    .where(eq(aussonderungObjekt.aussonderungId, aussonderungId))
    .orderBy(asc(akte.aktenzeichen));
  return rows.map(alsObjekt);
}

export type TeilRow = {
  typ: 'vorgang';
  id: string;
  kennzeichen: string;
  betreff: string;
  bewertung: 'A' | 'V' | null;
  status: 'angeboten' | 'bewertet' | 'abgegeben' | 'archiviert' | 'vernichtung_beantragt' | 'vernichtet' | 'gesperrt';
  archivkennung: string | null;
};

/** The parts of the process's Akten and where each stands (the view `aussonderung.teilstand`), per Akte. */
export async function teile(tx: Tx, aussonderungId: string): Promise<Map<string, TeilRow[]>> {
  const r = await tx.execute<TeilRow & { akte_id: string }>(sql`
    SELECT akte_id, typ, id, kennzeichen, betreff, bewertung, status, archivkennung
      FROM aussonderung.teilstand WHERE aussonderung_id = ${aussonderungId}
     ORDER BY akte_id, reihenfolge`);
  const out = new Map<string, TeilRow[]>();
  for (const { akte_id, ...t } of r.rows) out.set(akte_id, [...(out.get(akte_id) ?? []), t]);
  return out;
}

export async function setzeObjekt(tx: Tx, aussonderungId: string, akteId: string, werte: Partial<typeof aussonderungObjekt.$inferInsert>): Promise<void> {
  await tx.update(aussonderungObjekt).set(werte).where(and(eq(aussonderungObjekt.aussonderungId, aussonderungId), eq(aussonderungObjekt.akteId, akteId)));
}

export async function setzeAussonderung(tx: Tx, id: string, werte: Partial<typeof aussonderung.$inferInsert>): Promise<void> {
  await tx.update(aussonderung).set({ ...werte, geaendertAm: sql`now()` }).where(eq(aussonderung.id, id));
}

export async function speichereNachricht(tx: Tx, row: typeof nachricht.$inferInsert): Promise<void> {
  await tx.insert(nachricht).values(row);
}

export async function nachrichten(tx: Tx, aussonderungId: string): Promise<NachrichtRow[]> {
  return tx.select().from(nachricht).where(eq(nachricht.aussonderungId, aussonderungId)).orderBy(asc(nachricht.empfangenAm));
}

/** The destruction request in force (pending or approved); refused ones are history. */
export async function findeVernichtung(tx: Tx, aussonderungId: string, opts: { sperren?: boolean } = {}): Promise<VernichtungRow | null> {
  const q = tx.select().from(vernichtung).where(and(eq(vernichtung.aussonderungId, aussonderungId), isNull(vernichtung.abgelehntAm)));
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** Refused destruction requests, newest first. */
export async function abgelehnteVernichtungen(tx: Tx, aussonderungId: string): Promise<VernichtungRow[]> {
  return tx
    .select()
    .from(vernichtung)
    .where(and(eq(vernichtung.aussonderungId, aussonderungId), isNotNull(vernichtung.abgelehntAm)))
    .orderBy(desc(vernichtung.abgelehntAm));
}

export async function lehneVernichtungAb(tx: Tx, id: string, von: string, name: string, grund: string): Promise<void> {
  await tx.update(vernichtung).set({ abgelehntVon: von, abgelehntVonName: name, abgelehntAm: sql`now()`, ablehnungsgrund: grund }).where(eq(vernichtung.id, id));
}

export async function beantrageVernichtung(tx: Tx, row: typeof vernichtung.$inferInsert): Promise<void> {
  await tx.insert(vernichtung).values(row);
}

export async function gebeVernichtungFrei(tx: Tx, id: string, von: string, name: string, objekteSnapshot: unknown): Promise<void> {
  await tx.update(vernichtung).set({ freigegebenVon: von, freigegebenVonName: name, freigegebenAm: sql`now()`, objekte: objekteSnapshot }).where(eq(vernichtung.id, id));
}

// ---- evidence of the archive's decisions ------------------------------------------------------

export async function speichereBewertungsnachweis(tx: Tx, row: typeof bewertungsnachweis.$inferInsert): Promise<void> {
  await tx.insert(bewertungsnachweis).values(row);
}

/**
 * Per object id (Akte or Vorgang), the newest appraisal event that set its decision, with the 0502
 * it came in (if any).
 */
export async function bewertungsnachweise(
  tx: Tx,
  aussonderungId: string,
  ids: readonly string[],
): Promise<Map<string, BewertungsnachweisRow & { nachricht: { prozessId: string; erstellungszeitpunkt: string | null; absender: string | null } | null }>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<{ objekt: string; id: string }>(sql`
    SELECT DISTINCT ON (k.objekt) k.objekt, n.id FROM ${bewertungsnachweis} n, jsonb_object_keys(n.bewertungen) AS k(objekt)
     WHERE n.aussonderung_id = ${aussonderungId} AND k.objekt = ANY(${sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::text[]`})
     ORDER BY k.objekt, n.erfasst_am DESC, n.id DESC`);
  const nachweisIds = [...new Set(r.rows.map((x) => x.id))];
  if (nachweisIds.length === 0) return new Map();
  const rows = await tx
    .select({ n: bewertungsnachweis, erstellungszeitpunkt: nachricht.erstellungszeitpunkt, absender: nachricht.absender })
    .from(bewertungsnachweis)
    .leftJoin(nachricht, eq(nachricht.id, bewertungsnachweis.nachrichtId))
    .where(inArray(bewertungsnachweis.id, nachweisIds));
  const je = new Map(rows.map((x) => [x.n.id, { ...x.n, nachricht: x.n.nachrichtId ? { prozessId: aussonderungId, erstellungszeitpunkt: x.erstellungszeitpunkt, absender: x.absender } : null }]));
  return new Map(r.rows.map((x) => [x.objekt, je.get(x.id)!]));
}

/** The Dokumente (and Anlagen) of Vorgänge, Dokument id → Vorgang id: what the 0501 offers below the Vorgang. */
export async function dokumenteDerVorgaenge(tx: Tx, vorgangIds: readonly string[]): Promise<Map<string, string>> {
  if (vorgangIds.length === 0) return new Map();
  const rows = await tx.select({ id: schema.dokument.id, vorgangId: schema.dokument.vorgangId }).from(schema.dokument).where(inArray(schema.dokument.vorgangId, [...vorgangIds]));
  return new Map(rows.map((r) => [r.id, r.vorgangId]));
}

/** Whether a Dokument exists in the tenant (row-level security hides the others'). */
export async function dokumentVorhanden(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.select({ id: schema.dokument.id }).from(schema.dokument).where(eq(schema.dokument.id, id));
  return rows.length > 0;
}

export async function mandantName(tx: Tx, mandantId: string): Promise<{ name: string; behoerdenkennung: unknown; einstellungen: unknown }> {
  const rows = await tx
    .select({ name: schema.mandant.name, behoerdenkennung: schema.mandant.behoerdenkennung, einstellungen: schema.mandant.einstellungen })
    .from(schema.mandant)
    .where(eq(schema.mandant.id, mandantId));
  return rows[0] ?? { name: 'Unbekannte Behörde', behoerdenkennung: null, einstellungen: {} };
}

/** Slugs of the tenants whose pre-0018 Behördenkennung could not be read (kept aside by the migration). */
export async function mandantenMitUnlesbarerBehoerdenkennung(tx: Tx): Promise<{ slug: string; unlesbar: string }[]> {
  const rows = await tx
    .select({ slug: schema.mandant.slug, unlesbar: schema.mandant.behoerdenkennungUnlesbar })
    .from(schema.mandant)
    .where(isNotNull(schema.mandant.behoerdenkennungUnlesbar))
    .orderBy(asc(schema.mandant.slug));
  return rows.map((r) => ({ slug: r.slug, unlesbar: r.unlesbar! }));
}

/** The stored protocol, and the objects it names (those actually destroyed). */
export async function setzeVernichtungsprotokoll(tx: Tx, id: string, p: { schluessel: string; sha256: string; objekte: unknown; dokumentId: string | null }): Promise<void> {
  await tx.update(vernichtung).set({ protokollSchluessel: p.schluessel, protokollSha256: p.sha256, objekte: p.objekte, protokollDokumentId: p.dokumentId }).where(eq(vernichtung.id, id));
}

// ---- jobs -------------------------------------------------------------------------------------

/**
 * Serialises placing a hold with removing content of the same Akten: both take this lock per Akte
 * (in id order, so two callers never deadlock) until their transaction ends. A job that checked
 * "no hold" therefore deletes before any new hold on the Akte commits, never after.
 */
export async function sperreAktenGegenLoeschung(tx: Tx, akteIds: readonly string[]): Promise<void> {
  if (akteIds.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('loeschsperre:' || u.id::text, 0))
    FROM unnest(${uuidArray([...new Set(akteIds)])}) AS u(id) ORDER BY u.id`);
}

export async function legeAuftraegeAn(tx: Tx, rows: (typeof aussonderungAuftrag.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(aussonderungAuftrag).values(rows).onConflictDoNothing();
}

export async function offeneAuftraege(tx: Tx, aussonderungId: string, art?: AuftragArt): Promise<number> {
  const r = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(aussonderungAuftrag)
    .where(and(eq(aussonderungAuftrag.aussonderungId, aussonderungId), art ? eq(aussonderungAuftrag.art, art) : undefined));
  return r[0]?.n ?? 0;
}

export async function loescheAuftrag(tx: Tx, id: number): Promise<void> {
  await tx.delete(aussonderungAuftrag).where(eq(aussonderungAuftrag.id, id));
}

/** The job failed: retried after `sekunden`, the error kept on the job. */
export async function verschiebeAuftrag(tx: Tx, id: number, fehler: string, sekunden: number): Promise<void> {
  await tx
    .update(aussonderungAuftrag)
    .set({ letzterFehler: fehler.slice(0, 500), faelligAb: sql`now() + make_interval(secs => ${sekunden})` })
    .where(eq(aussonderungAuftrag.id, id));
}

export async function zaehleFortschritt(tx: Tx, id: string): Promise<void> {
  await tx
    .update(aussonderung)
    .set({ fortschrittErledigt: sql`least(${aussonderung.fortschrittErledigt} + 1, ${aussonderung.fortschrittGesamt})`, geaendertAm: sql`now()` })
    .where(eq(aussonderung.id, id));
}

/** One object, locked for the caller's transaction. */
export async function findeObjekt(tx: Tx, aussonderungId: string, akteId: string): Promise<ObjektRow | null> {
  const wo = and(eq(aussonderungObjekt.aussonderungId, aussonderungId), eq(aussonderungObjekt.akteId, akteId));
  // drizzle qualifies `FOR UPDATE OF` with the schema, which PostgreSQL refuses: lock first, then join
  await tx.select({ id: aussonderungObjekt.akteId }).from(aussonderungObjekt).where(wo).for('update');
  const rows = await tx
    .select(objektSpalten())
    .from(aussonderungObjekt)
    .innerJoin(akte, and(eq(akte.mandantId, aussonderungObjekt.mandantId), eq(akte.id, aussonderungObjekt.akteId)))
    .where(wo);
  const r = rows[0];
  return r ? alsObjekt(r) : null;
}
