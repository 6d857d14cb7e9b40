// Data access for Akten, Vorgänge, org units and users. Every function takes the transaction
// of a `db.withMandant` call, so row-level security limits it to the caller's tenant; the
// caller's clearance and org-unit visibility are applied as WHERE conditions here.
import { schema, sql, type Tx } from '@eakte/db';
import { escapeLike } from '@eakte/platform';
import type { Freigabe, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { and, asc, desc, eq, getTableColumns, gt, inArray, lte, type SQL } from 'drizzle-orm';
import type { Sicht } from '../domain/sichtbarkeit.js';

const { akte, vorgang, aktenplaneinheit, organisationseinheit, benutzer, benutzerOrganisationseinheit, aktenzeichenZaehler, aktenzeichenHistorie } =
  schema;

const { suchvektor: _suchvektor, ...akteSpalten } = getTableColumns(akte);
export type AkteRow = Omit<typeof akte.$inferSelect, 'suchvektor'>;

export const uuidArray = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::uuid[]`;
export type VorgangRow = typeof vorgang.$inferSelect & { aktenzeichen: string };
export type AktenplaneinheitRow = typeof aktenplaneinheit.$inferSelect;
export type OrganisationseinheitRow = typeof organisationseinheit.$inferSelect;

/** Akten the caller may see: clearance and, when the tenant restricts it, Federführung. */
export function akteSichtbar(sicht: Sicht): SQL {
  const stufe = inArray(akte.vertraulichkeitsstufe, sicht.stufen);
  if (sicht.organisationseinheiten === null) return stufe;
  if (sicht.organisationseinheiten.length === 0) return sql`false`;
  return and(stufe, inArray(akte.federfuehrungId, sicht.organisationseinheiten))!;
}


// ---- tenant settings and the caller ------------------------------------------------------

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

// ---- org units ---------------------------------------------------------------------------

export function alleOrganisationseinheiten(tx: Tx): Promise<OrganisationseinheitRow[]> {
  return tx.select().from(organisationseinheit).orderBy(asc(organisationseinheit.kuerzel));
}

export async function fuegeOrganisationseinheitEin(tx: Tx, row: typeof organisationseinheit.$inferInsert): Promise<OrganisationseinheitRow> {
  const [r] = await tx.insert(organisationseinheit).values(row).returning();
  return r!;
}

// ---- Aktenplan ---------------------------------------------------------------------------

export async function einheit(tx: Tx, id: string, opts: { sperren?: boolean } = {}): Promise<AktenplaneinheitRow | null> {
  const q = tx.select().from(aktenplaneinheit).where(eq(aktenplaneinheit.id, id)).limit(1);
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export type Aussonderungsteil = {
  typ: 'vorgang';
  id: string;
  kennzeichen: string;
  betreff: string;
  bewertung: 'A' | 'V' | null;
  status: 'angeboten' | 'bewertet' | 'abgegeben' | 'archiviert' | 'vernichtung_beantragt' | 'vernichtet' | 'gesperrt';
  archivkennung: string | null;
};

export interface Aussonderungsstand {
  status: 'angeboten' | 'bewertet' | 'abgegeben' | 'archiviert' | 'vernichtet';
  archivkennung: string | null;
  inhaltEntfernt: boolean;
  teile: Aussonderungsteil[];
}

/**
 * Where the Akten stand in an Aussonderung (one query for a page of Akten), read from what the
 * Aussonderung publishes (`aussonderung.aktenstand`), never from its tables.
 */
export async function aussonderungsstaende(tx: Tx, akteIds: string[]): Promise<Map<string, Aussonderungsstand>> {
  if (akteIds.length === 0) return new Map();
  const r = await tx.execute<{ akte_id: string; status: Aussonderungsstand['status']; archivkennung: string | null; inhalt_entfernt: boolean; teile: Aussonderungsteil[] }>(sql`
    SELECT akte_id, status, archivkennung, inhalt_entfernt, teile FROM aussonderung.aktenstand
     WHERE akte_id = ANY(ARRAY[${sql.join(akteIds.map((i) => sql`${i}`), sql`, `)}]::uuid[])`);
  return new Map(r.rows.map((x) => [x.akte_id, { status: x.status, archivkennung: x.archivkennung, inhaltEntfernt: x.inhalt_entfernt, teile: x.teile }]));
}

/** The tenant's whole Aktenplan, by Kennzeichen. */
export function alleEinheiten(tx: Tx): Promise<AktenplaneinheitRow[]> {
  return tx.select().from(aktenplaneinheit).orderBy(asc(aktenplaneinheit.kennzeichen));
}

export async function fuegeEinheitEin(tx: Tx, row: typeof aktenplaneinheit.$inferInsert): Promise<AktenplaneinheitRow> {
  const [r] = await tx.insert(aktenplaneinheit).values(row).returning();
  return r!;
}

export async function aendereEinheit(tx: Tx, id: string, set: Partial<typeof aktenplaneinheit.$inferInsert>): Promise<AktenplaneinheitRow> {
  const [r] = await tx
    .update(aktenplaneinheit)
    .set({ ...set, version: sql`${aktenplaneinheit.version} + 1`, geaendertAm: sql`now()` })
    .where(eq(aktenplaneinheit.id, id))
    .returning();
  return r!;
}

/** Why a unit cannot be deleted, or null: it has sub-units, or ever had Akten (numbers are never reused). */
export async function einheitInBenutzung(tx: Tx, id: string): Promise<string | null> {
  const r = await tx.execute<{ kinder: boolean; akten: boolean; nummern: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM akten.aktenplaneinheit WHERE parent_id = ${id}) AS kinder,
           EXISTS (SELECT 1 FROM akten.akte WHERE aktenplaneinheit_id = ${id}) AS akten,
           EXISTS (SELECT 1 FROM akten.aktenzeichen_zaehler WHERE aktenplaneinheit_id = ${id}) AS nummern`);
  const z = r.rows[0]!;
  if (z.kinder) return 'Die Aktenplaneinheit hat untergeordnete Einheiten';
  if (z.akten || z.nummern) return 'Unter der Aktenplaneinheit wurden Akten gebildet; sie kann nur ausgesondert werden (gueltigBis)';
  return null;
}

export async function loescheEinheit(tx: Tx, id: string): Promise<void> {
  await tx.delete(aktenplaneinheit).where(eq(aktenplaneinheit.id, id));
}

export type Kettenglied = {
  id: string;
  aufbewahrungsfrist: number | null;
  unbefristet: boolean;
  aussonderungsart: 'A' | 'B' | 'V' | null;
};

/** For each unit id: the unit and its ancestors, nearest first (for inherited retention). */
export async function einheitenKetten(tx: Tx, ids: string[]): Promise<Map<string, Kettenglied[]>> {
  const out = new Map<string, Kettenglied[]>();
  if (ids.length === 0) return out;
  const r = await tx.execute<Kettenglied & { start: string; tiefe: number; aufbewahrungsfrist: number | null }>(sql`
    WITH RECURSIVE kette AS (
      SELECT e.id AS start, e.id, e.parent_id, e.aufbewahrungsfrist, e.unbefristet, e.aussonderungsart, 0 AS tiefe
        FROM akten.aktenplaneinheit e WHERE e.id = ANY(${uuidArray(ids)})
      UNION ALL
      SELECT k.start, e.id, e.parent_id, e.aufbewahrungsfrist, e.unbefristet, e.aussonderungsart, k.tiefe + 1
        FROM kette k JOIN akten.aktenplaneinheit e ON e.id = k.parent_id AND e.mandant_id = ${schema.currentMandant}
       WHERE k.tiefe < 50)
    SELECT start, id, aufbewahrungsfrist, unbefristet, aussonderungsart, tiefe FROM kette ORDER BY start, tiefe`);
  for (const z of r.rows) {
    const list = out.get(z.start) ?? [];
    list.push({ id: z.id, aufbewahrungsfrist: z.aufbewahrungsfrist, unbefristet: z.unbefristet, aussonderungsart: z.aussonderungsart });
    out.set(z.start, list);
  }
  return out;
}

/** Next running number for (unit, year): the counter row stays locked until the transaction ends. */
export async function naechsteNummer(tx: Tx, mandantId: string, aktenplaneinheitId: string, jahr: number): Promise<number> {
  const [r] = await tx
    .insert(aktenzeichenZaehler)
    .values({ mandantId, aktenplaneinheitId, jahr, letzteNummer: 1 })
    .onConflictDoUpdate({
      target: [aktenzeichenZaehler.mandantId, aktenzeichenZaehler.aktenplaneinheitId, aktenzeichenZaehler.jahr],
      set: { letzteNummer: sql`${aktenzeichenZaehler.letzteNummer} + 1` },
    })
    .returning({ nr: aktenzeichenZaehler.letzteNummer });
  return r!.nr;
}

// ---- Akten -------------------------------------------------------------------------------

export async function findeAkte(tx: Tx, id: string, sicht: Sicht, opts: { sperren?: boolean } = {}): Promise<AkteRow | null> {
  const q = tx.select(akteSpalten).from(akte).where(and(eq(akte.id, id), akteSichtbar(sicht))).limit(1);
  const rows = opts.sperren ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function fuegeAkteEin(tx: Tx, row: typeof akte.$inferInsert): Promise<AkteRow> {
  const [r] = await tx.insert(akte).values(row).returning(akteSpalten);
  return r!;
}

export async function aendereAkte(tx: Tx, id: string, set: Partial<typeof akte.$inferInsert>): Promise<AkteRow> {
  const [r] = await tx
    .update(akte)
    .set({ ...set, version: sql`${akte.version} + 1`, geaendertAm: sql`now()` })
    .where(eq(akte.id, id))
    .returning(akteSpalten);
  return r!;
}

/** Sets derived retention dates within a change that already counted the version. */
export async function setzeAufbewahrung(tx: Tx, id: string, werte: { aufbewahrungBis: string | null; aussonderungFaelligAb: string | null }): Promise<AkteRow> {
  const [r] = await tx.update(akte).set(werte).where(eq(akte.id, id)).returning(akteSpalten);
  return r!;
}

export async function fruehereAktenzeichen(tx: Tx, akteIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (akteIds.length === 0) return out;
  const rows = await tx
    .select({ akteId: aktenzeichenHistorie.akteId, aktenzeichen: aktenzeichenHistorie.aktenzeichen })
    .from(aktenzeichenHistorie)
    .where(inArray(aktenzeichenHistorie.akteId, akteIds))
    .orderBy(asc(aktenzeichenHistorie.gueltigBis));
  for (const r of rows) out.set(r.akteId, [...(out.get(r.akteId) ?? []), r.aktenzeichen]);
  return out;
}

export async function historieEintragen(tx: Tx, row: typeof aktenzeichenHistorie.$inferInsert): Promise<void> {
  await tx.insert(aktenzeichenHistorie).values(row);
}

export interface AktenFilter {
  aktenplaneinheit?: string;
  federfuehrung?: string;
  status?: 'offen' | 'geschlossen';
  betreff?: string;
  laufzeitVon?: string;
  laufzeitBis?: string;
}

export async function listeAkten(
  tx: Tx,
  sicht: Sicht,
  filter: AktenFilter,
  sortierung: 'aktenzeichen' | 'geaendert',
  nach: unknown[] | null,
  limit: number,
): Promise<(AkteRow & { geaendertText: string })[]> {
  const bedingungen: (SQL | undefined)[] = [akteSichtbar(sicht)];
  if (filter.aktenplaneinheit) bedingungen.push(eq(akte.aktenplaneinheitId, filter.aktenplaneinheit));
  if (filter.federfuehrung) bedingungen.push(eq(akte.federfuehrungId, filter.federfuehrung));
  if (filter.status) bedingungen.push(eq(akte.status, filter.status));
  if (filter.betreff) bedingungen.push(sql`${akte.suchtext} LIKE '%' || akten.suchtext(${escapeLike(filter.betreff)}) || '%'`);
  if (filter.laufzeitVon) bedingungen.push(sql`coalesce(${akte.laufzeitEnde}, 'infinity'::date) >= ${filter.laufzeitVon}::date`);
  if (filter.laufzeitBis) bedingungen.push(lte(akte.laufzeitBeginn, filter.laufzeitBis));
  if (nach && sortierung === 'aktenzeichen') bedingungen.push(gt(akte.aktenzeichen, String(nach[0])));
  if (nach && sortierung === 'geaendert') {
    bedingungen.push(sql`(${akte.geaendertAm}, ${akte.id}) < (${String(nach[0])}::timestamptz, ${String(nach[1])}::uuid)`);
  }
  const q = tx
    .select({ ...akteSpalten, geaendertText: sql<string>`${akte.geaendertAm}::text` })
    .from(akte)
    .where(and(...bedingungen));
  return sortierung === 'aktenzeichen'
    ? q.orderBy(asc(akte.aktenzeichen)).limit(limit)
    : q.orderBy(desc(akte.geaendertAm), desc(akte.id)).limit(limit);
}

export async function offeneVorgaenge(tx: Tx, akteId: string): Promise<{ id: string; kennzeichen: string; betreff: string }[]> {
  return tx
    .select({ id: vorgang.id, kennzeichen: vorgang.kennzeichen, betreff: vorgang.betreff })
    .from(vorgang)
    .where(and(eq(vorgang.akteId, akteId), eq(vorgang.status, 'offen')))
    .orderBy(asc(vorgang.laufendeNummer));
}

// ---- Vorgänge ----------------------------------------------------------------------------

const vorgangSpalten = {
  id: vorgang.id,
  mandantId: vorgang.mandantId,
  akteId: vorgang.akteId,
  laufendeNummer: vorgang.laufendeNummer,
  kennzeichen: vorgang.kennzeichen,
  betreff: vorgang.betreff,
  status: vorgang.status,
  zdaDatum: vorgang.zdaDatum,
  laufzeitBeginn: vorgang.laufzeitBeginn,
  wiedervorlage: vorgang.wiedervorlage,
  version: vorgang.version,
  erstelltAm: vorgang.erstelltAm,
  erstelltVon: vorgang.erstelltVon,
  geaendertAm: vorgang.geaendertAm,
  suchtext: vorgang.suchtext,
  aktenzeichen: akte.aktenzeichen,
};

export async function findeVorgang(tx: Tx, id: string, sicht: Sicht, opts: { sperren?: boolean } = {}): Promise<VorgangRow | null> {
  const q = tx
    .select(vorgangSpalten)
    .from(vorgang)
    .innerJoin(akte, eq(akte.id, vorgang.akteId))
    .where(and(eq(vorgang.id, id), akteSichtbar(sicht)))
    .limit(1);
  // locks the Vorgang and its Akte (drizzle cannot name one relation of a join here)
  const rows = (opts.sperren ? await q.for('update') : await q) as VorgangRow[];
  return rows[0] ?? null;
}

/** Hands out the Akte's next Vorgang number (the Akte row is locked by the caller). */
export async function naechsteVorgangNummer(tx: Tx, akteId: string): Promise<number> {
  const [r] = await tx
    .update(akte)
    .set({ letzteVorgangNummer: sql`${akte.letzteVorgangNummer} + 1` })
    .where(eq(akte.id, akteId))
    .returning({ nr: akte.letzteVorgangNummer });
  return r!.nr;
}

export async function fuegeVorgangEin(tx: Tx, row: typeof vorgang.$inferInsert): Promise<typeof vorgang.$inferSelect> {
  const [r] = await tx.insert(vorgang).values(row).returning();
  return r!;
}

export async function aendereVorgang(tx: Tx, id: string, set: Partial<typeof vorgang.$inferInsert>): Promise<typeof vorgang.$inferSelect> {
  const [r] = await tx
    .update(vorgang)
    .set({ ...set, version: sql`${vorgang.version} + 1`, geaendertAm: sql`now()` })
    .where(eq(vorgang.id, id))
    .returning();
  return r!;
}

/** After an Umprotokollierung: Vorgang Kennzeichen follow the Akte's new Aktenzeichen. */
export async function vorgangKennzeichenNachziehen(tx: Tx, akteId: string, alt: string, neu: string): Promise<void> {
  await tx.execute(sql`
    UPDATE akten.vorgang SET kennzeichen = ${neu} || substr(kennzeichen, ${alt.length + 1})
     WHERE akte_id = ${akteId}`);
}

export async function vorgaengeDerAkte(tx: Tx, akteId: string, nachNummer: number | null, limit: number): Promise<VorgangRow[]> {
  return (await tx
    .select(vorgangSpalten)
    .from(vorgang)
    .innerJoin(akte, eq(akte.id, vorgang.akteId))
    .where(and(eq(vorgang.akteId, akteId), nachNummer === null ? undefined : gt(vorgang.laufendeNummer, nachNummer)))
    .orderBy(asc(vorgang.laufendeNummer))
    .limit(limit)) as VorgangRow[];
}

export async function wiedervorlagen(tx: Tx, sicht: Sicht, bis: string, nach: unknown[] | null, limit: number): Promise<VorgangRow[]> {
  return (await tx
    .select(vorgangSpalten)
    .from(vorgang)
    .innerJoin(akte, eq(akte.id, vorgang.akteId))
    .where(
      and(
        eq(vorgang.status, 'offen'),
        lte(vorgang.wiedervorlage, bis),
        akteSichtbar(sicht),
        nach ? sql`(${vorgang.wiedervorlage}, ${vorgang.id}) > (${String(nach[0])}::date, ${String(nach[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(vorgang.wiedervorlage), asc(vorgang.id))
    .limit(limit)) as VorgangRow[];
}

// ---- search ------------------------------------------------------------------------------

export type Treffer = {
  typ: 'akte' | 'vorgang' | 'dokument';
  id: string;
  akte_id: string;
  kennzeichen: string;
  betreff: string;
  status: 'offen' | 'geschlossen';
  relevanz: string;
  /** For documents: the matching passage of the extracted text, matches between « and ». */
  ausschnitt: string | null;
};

/**
 * Documents ranked per search: the first this many full-text matches (in index order). Ranking
 * every match of a common word over a million documents takes seconds; the cap keeps a search
 * bounded (a more specific query narrows the matches). Visibility is checked after the cap, so a
 * user who may see few of the matches can get fewer hits, never another user's.
 */
export const DOKUMENT_KANDIDATEN = 2_000;

/**
 * Akten and Vorgänge ranked by the typo fallback: the first this many trigram matches of each (in
 * index order, visibility checked inside, so the cap never hides a visible match behind invisible
 * ones). A typo of a common word matches every Betreff with that word (5,000 Akten and 6,000
 * Vorgänge at 100k Akten), and fetching and rechecking all of them took most of the search's time.
 */
export const AEHNLICH_KANDIDATEN = 1_000;

/** Largest code point: `x ~<~ prefix || MAX` bounds a prefix range on a text_pattern_ops index. */
const MAX_ZEICHEN = String.fromCodePoint(0x10ffff);

/**
 * Akten and Vorgänge matching `q`: Aktenzeichen/Kennzeichen exact (3) or prefix (2, also former
 * Aktenzeichen), Betreff by German full text (1..2); only when none of these finds anything, by
 * trigram word similarity (0..1) for typos. Clearance and org-unit visibility are conditions of
 * the same query (the tenant by row-level security). Prefixes use the leakproof `~>=~`/`~<~`
 * operators so that their index is usable under row-level security; `@@` and `<%` need the
 * LEAKPROOF marking described in the README for their GIN indexes.
 */
export async function suche(tx: Tx, sicht: Sicht, q: string, nach: unknown[] | null, limit: number): Promise<Treffer[]> {
  const bis = `${q}${MAX_ZEICHEN}`;
  const tsq = sql`websearch_to_tsquery('german'::regconfig, akten.suchtext(${q}))`;
  const gefaltet = sql`akten.suchtext(${q})`;
  // document text is indexed as written (German stemming, no folding)
  const tsqText = sql`websearch_to_tsquery('german'::regconfig, ${q})`;
  const scharf = await tx.execute<{ scharf: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM akten.akte WHERE aktenzeichen ~>=~ ${q} AND aktenzeichen ~<~ ${bis})
        OR EXISTS (SELECT 1 FROM akten.aktenzeichen_historie WHERE aktenzeichen ~>=~ ${q} AND aktenzeichen ~<~ ${bis})
        OR EXISTS (SELECT 1 FROM akten.vorgang WHERE kennzeichen ~>=~ ${q} AND kennzeichen ~<~ ${bis})
        OR EXISTS (SELECT 1 FROM akten.akte WHERE suchvektor @@ ${tsq})
        OR EXISTS (SELECT 1 FROM akten.vorgang WHERE suchvektor @@ ${tsq})
        -- not EXISTS: for a word missing from the statistics (a typo, a rare word) the planner expects
        -- a match within the first few hundred of a million documents and may scan them all;
        -- asking for a few matches makes the GIN index the cheaper plan for such words
        OR (SELECT count(*) FROM (SELECT 1 FROM dokumente.volltext WHERE vektor @@ ${tsqText} LIMIT 50) k) > 0 AS scharf`);
  const exakt = scharf.rows[0]?.scharf === true;

  const stufen = sql`ARRAY[${sql.join(sicht.stufen.map((s) => sql`${s}`), sql`, `)}]::text[]`;
  const sichtbar =
    sicht.organisationseinheiten === null
      ? sql`a.vertraulichkeitsstufe = ANY(${stufen})`
      : sicht.organisationseinheiten.length === 0
        ? sql`false`
        : sql`a.vertraulichkeitsstufe = ANY(${stufen}) AND a.federfuehrung_id = ANY(${uuidArray(sicht.organisationseinheiten)})`;
  const histExakt = sql`ARRAY(SELECT akte_id FROM akten.aktenzeichen_historie WHERE aktenzeichen = ${q})`;
  const histPraefix = sql`ARRAY(SELECT akte_id FROM akten.aktenzeichen_historie WHERE aktenzeichen ~>=~ ${q} AND aktenzeichen ~<~ ${bis})`;
  const seite = nach
    ? sql`WHERE (t.relevanz < ${String(nach[0])}::numeric OR (t.relevanz = ${String(nach[0])}::numeric AND (t.typ, t.id) > (${String(nach[1])}, ${String(nach[2])}::uuid)))`
    : sql``;

  const akteTreffer = exakt
    ? sql`(a.aktenzeichen ~>=~ ${q} AND a.aktenzeichen ~<~ ${bis}) OR a.suchvektor @@ ${tsq} OR a.id = ANY(${histPraefix})`
    : sql`a.suchtext %> ${gefaltet}`;
  const vorgangTreffer = exakt ? sql`(v.kennzeichen ~>=~ ${q} AND v.kennzeichen ~<~ ${bis}) OR v.suchvektor @@ ${tsq}` : sql`v.suchtext %> ${gefaltet}`;
  const akteRelevanz = exakt
    ? sql`CASE WHEN a.aktenzeichen = ${q} OR a.id = ANY(${histExakt}) THEN 3
               WHEN (a.aktenzeichen ~>=~ ${q} AND a.aktenzeichen ~<~ ${bis}) OR a.id = ANY(${histPraefix}) THEN 2
               WHEN a.suchvektor @@ ${tsq} THEN 1 + least(ts_rank(a.suchvektor, ${tsq}), 0.99)
               ELSE 0 END`
    : sql`word_similarity(${gefaltet}, a.suchtext)`;
  const vorgangRelevanz = exakt
    ? sql`CASE WHEN v.kennzeichen = ${q} THEN 3
               WHEN v.kennzeichen ~>=~ ${q} AND v.kennzeichen ~<~ ${bis} THEN 2
               WHEN v.suchvektor @@ ${tsq} THEN 1 + least(ts_rank(v.suchvektor, ${tsq}), 0.99)
               ELSE 0 END`
    : sql`word_similarity(${gefaltet}, v.suchtext)`;

  const kappe = exakt ? sql`` : sql`LIMIT ${sql.raw(String(AEHNLICH_KANDIDATEN))}`;

  const r = await tx.execute<Treffer>(sql`
    WITH t AS (
      (SELECT 'akte'::text AS typ, a.id, a.id AS akte_id, a.aktenzeichen AS kennzeichen, a.betreff, a.status,
             round((${akteRelevanz})::numeric, 6) AS relevanz
        FROM akten.akte a
       WHERE (${akteTreffer}) AND ${sichtbar}
       ${kappe})
      UNION ALL
      (SELECT 'vorgang'::text, v.id, v.akte_id, v.kennzeichen, v.betreff, v.status, round((${vorgangRelevanz})::numeric, 6)
        FROM akten.vorgang v JOIN akten.akte a ON a.id = v.akte_id
       WHERE (${vorgangTreffer}) AND ${sichtbar}
       ${kappe})
      UNION ALL
      -- documents by their extracted text (current version), visible like their Akte; only the
      -- first DOKUMENT_KANDIDATEN full-text matches are joined and ranked, so a common word
      -- does not rank every document of the tenant
      SELECT 'dokument'::text, d.id, a.id, v.kennzeichen, d.betreff, v.status,
             round((1 + least(ts_rank(x.vektor, ${tsqText}), 0.99) * 0.9)::numeric, 6)
        FROM (SELECT k.mandant_id, k.dokument_id, k.version_nr, k.vektor FROM dokumente.volltext k
               WHERE ${exakt ? sql`k.vektor @@ ${tsqText}` : sql`false`}
               LIMIT ${sql.raw(String(DOKUMENT_KANDIDATEN))}) x
        JOIN dokumente.dokument d ON d.mandant_id = x.mandant_id AND d.id = x.dokument_id AND d.aktuelle_version = x.version_nr
        JOIN akten.vorgang v ON v.mandant_id = d.mandant_id AND v.id = d.vorgang_id
        JOIN akten.akte a ON a.mandant_id = v.mandant_id AND a.id = v.akte_id
       WHERE ${sichtbar}
    ), seite AS (
      SELECT * FROM t
      ${seite}
      ORDER BY t.relevanz DESC, t.typ, t.id
      LIMIT ${limit}
    )
    -- snippets only for the rows of this page
    SELECT p.typ, p.id, p.akte_id, p.kennzeichen, p.betreff, p.status, p.relevanz::text AS relevanz,
           CASE WHEN p.typ = 'dokument' THEN (
             SELECT ts_headline('german'::regconfig, x.inhalt, ${tsqText}, 'StartSel=«, StopSel=», MaxWords=25, MinWords=10, MaxFragments=2')
               FROM dokumente.volltext x JOIN dokumente.dokument d ON d.mandant_id = x.mandant_id AND d.id = x.dokument_id AND d.aktuelle_version = x.version_nr
              WHERE x.dokument_id = p.id) END AS ausschnitt
      FROM seite p
     ORDER BY p.relevanz DESC, p.typ, p.id`);
  return r.rows;
}

export type { Vertraulichkeitsstufe };

/**
 * Held Akten that take their Frist from unit `einheitId`: Akten without their own Frist in the unit
 * or in units below it that set none themselves. Only Akten named in some hold are asked (the
 * Aussonderung service's SQL function decides whether a hold is active and covers them).
 */
export async function gesperrteErbendeAkten(tx: Tx, einheitId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH RECURSIVE erben AS (
      SELECT id FROM akten.aktenplaneinheit WHERE id = ${einheitId}
      UNION ALL
      SELECT k.id FROM akten.aktenplaneinheit k JOIN erben ON k.parent_id = erben.id
       WHERE k.aufbewahrungsfrist IS NULL AND NOT k.unbefristet)
    SELECT count(*)::int AS n FROM akten.akte a
     WHERE a.aktenplaneinheit_id IN (SELECT id FROM erben)
       AND a.aufbewahrungsfrist IS NULL AND NOT a.unbefristet
       AND a.id IN (SELECT akte_id FROM aussonderung.loeschsperre_akte UNION SELECT akte_id FROM aussonderung.loeschsperre_objekt)
       AND EXISTS (SELECT 1 FROM aussonderung.aktive_loeschsperren('akte', a.id))`);
  return r.rows[0]?.n ?? 0;
}

/**
 * Active Löschsperren standing in the way of changing an Akte's retention: on the Akte or on any
 * of its Vorgänge and Dokumente (the Aussonderung service keeps them; its SQL function answers).
 */
export async function aktiveLoeschsperren(tx: Tx, akteId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM aussonderung.aktive_loeschsperren('akte', ${akteId})`);
  return r.rows[0]?.n ?? 0;
}
