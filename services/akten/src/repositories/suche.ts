// The search over Akten, Vorgänge and the extracted text of Dokumente.
import { sql, type Tx } from '@eakte/db';
import { akteSichtbar, akteSpaltenVon, type Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';

export type Treffer = {
  typ: 'akte' | 'vorgang' | 'dokument';
  id: string;
  akte_id: string;
  kennzeichen: string;
  betreff: string;
  status: 'offen' | 'geschlossen';
  relevanz: string;
  fundstelle: 'aktenzeichen' | 'betreff' | 'text';
  aktenzeichen: string;
  akte_betreff: string;
  /** For documents: the matching passage of the extracted text, matches between « and ». */
  ausschnitt: string | null;
};

export type Suchergebnis = { treffer: Treffer[]; anzahl: number; anzahlBegrenzt: boolean };

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

/** Hits counted per search (all pages); beyond it the answer says "more than". */
export const ZAEHL_GRENZE = 1_000;

/** Shortest lexeme (after stemming) that also finds the words it begins: shorter ones match too much. */
export const PRAEFIX_MIN = 4;

/**
 * Every positive lexeme of a tsquery of PRAEFIX_MIN or more letters as a prefix (`'sonnenblum':*`), so the
 * first part of a German compound finds the compound (its lexeme begins with the part's stem); negated
 * lexemes stay exact. The GIN index of a tsvector answers prefix lexemes itself. The tsquery's text form
 * quotes each lexeme (`'` inside doubled), and a lexeme's opening quote follows the start, a space or `(`.
 */
const praefixe = (tsq: ReturnType<typeof sql>) => sql`regexp_replace((${tsq})::text, ${`(^|[ (])'((?:[^']|''){${PRAEFIX_MIN},})'`}, ${"\\1'\\2':*"}, 'g')::tsquery`;

/** Documents waiting for their text, counted per search (visible ones among the tenant's first AUSSTEHEND_KANDIDATEN). */
export const AUSSTEHEND_GRENZE = 100;
export const AUSSTEHEND_KANDIDATEN = 1_000;

/**
 * How many documents the caller may see still wait for their text extraction (up to
 * AUSSTEHEND_GRENZE): Dokumente publishes the waiting ones, visibility is their Akte's.
 */
export async function textAusstehend(tx: Tx, sicht: Sicht): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM (
      SELECT 1
        FROM dokumente.volltext_ausstehend(${AUSSTEHEND_KANDIDATEN}) x
        JOIN akten.vorgang v ON v.id = x.vorgang_id
        JOIN akten.akte a ON a.mandant_id = v.mandant_id AND a.id = v.akte_id
       WHERE ${akteSichtbar(sicht, akteSpaltenVon('a'))}
       LIMIT ${AUSSTEHEND_GRENZE}) z`);
  return r.rows[0]?.n ?? 0;
}

/** Largest code point: `x ~<~ prefix || MAX` bounds a prefix range on a text_pattern_ops index. */
const MAX_ZEICHEN = String.fromCodePoint(0x10ffff);

/**
 * Akten and Vorgänge matching `q`: Aktenzeichen/Kennzeichen exact (3) or prefix (2, also former
 * Aktenzeichen), Betreff by German full text (1..2); only when none of these finds anything, by
 * trigram word similarity (0..1) for typos. Clearance and org-unit visibility are conditions of
 * the same query (the tenant by row-level security). Prefixes use the leakproof `~>=~`/`~<~`
 * operators so that their index is usable under row-level security; `@@` and `<%` need the
 * LEAKPROOF marking of docs/betrieb.md ("Search: extensions and LEAKPROOF operators") for their GIN indexes.
 */
export async function suche(tx: Tx, sicht: Sicht, q: string, nach: unknown[] | null, limit: number): Promise<Suchergebnis> {
  const bis = `${q}${MAX_ZEICHEN}`;
  const tsq = praefixe(sql`websearch_to_tsquery('german'::regconfig, akten.suchtext(${q}))`);
  const gefaltet = sql`akten.suchtext(${q})`;
  // document text is indexed as written (German stemming, no folding)
  const tsqText = praefixe(sql`websearch_to_tsquery('german'::regconfig, ${q})`);
  const scharf = await tx.execute<{ scharf: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM akten.akte WHERE aktenzeichen ~>=~ ${q} AND aktenzeichen ~<~ ${bis})
        OR EXISTS (SELECT 1 FROM akten.aktenzeichen_historie WHERE aktenzeichen ~>=~ ${q} AND aktenzeichen ~<~ ${bis})
        OR EXISTS (SELECT 1 FROM akten.vorgang WHERE kennzeichen ~>=~ ${q} AND kennzeichen ~<~ ${bis})
        OR EXISTS (SELECT 1 FROM akten.akte WHERE suchvektor @@ ${tsq})
        OR EXISTS (SELECT 1 FROM akten.vorgang WHERE suchvektor @@ ${tsq})
        -- not EXISTS: for a word missing from the statistics (a typo, a rare word) the planner expects
        -- a match within the first few hundred of a million documents and may scan them all;
        -- asking for a few matches makes the GIN index the cheaper plan for such words
        OR (SELECT count(*) FROM dokumente.volltext_treffer(${tsqText}, 50)) > 0 AS scharf`);
  const exakt = scharf.rows[0]?.scharf === true;

  const sichtbar = akteSichtbar(sicht, akteSpaltenVon('a'));
  const histExakt = sql`ARRAY(SELECT akte_id FROM akten.aktenzeichen_historie WHERE aktenzeichen = ${q})`;
  const histPraefix = sql`ARRAY(SELECT akte_id FROM akten.aktenzeichen_historie WHERE aktenzeichen ~>=~ ${q} AND aktenzeichen ~<~ ${bis})`;
  const seite = nach ? sql`WHERE (t.relevanz < ${String(nach[0])}::numeric OR (t.relevanz = ${String(nach[0])}::numeric AND (t.typ, t.id) > (${String(nach[1])}, ${String(nach[2])}::uuid)))` : sql``;

  const akteTreffer = exakt ? sql`(a.aktenzeichen ~>=~ ${q} AND a.aktenzeichen ~<~ ${bis}) OR a.suchvektor @@ ${tsq} OR a.id = ANY(${histPraefix})` : sql`a.suchtext %> ${gefaltet}`;
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

  const r = await tx.execute<Treffer & { anzahl: number }>(sql`
    WITH t AS (
      (SELECT 'akte'::text AS typ, a.id, a.id AS akte_id, a.aktenzeichen AS kennzeichen, a.betreff, a.status,
             round((${akteRelevanz})::numeric, 6) AS relevanz, a.aktenzeichen, a.betreff AS akte_betreff
        FROM akten.akte a
       WHERE (${akteTreffer}) AND ${sichtbar}
       ${kappe})
      UNION ALL
      (SELECT 'vorgang'::text, v.id, v.akte_id, v.kennzeichen, v.betreff, v.status, round((${vorgangRelevanz})::numeric, 6),
              a.aktenzeichen, a.betreff
        FROM akten.vorgang v JOIN akten.akte a ON a.id = v.akte_id
       WHERE (${vorgangTreffer}) AND ${sichtbar}
       ${kappe})
      UNION ALL
      -- documents by their current extracted text, found by what Dokumente publishes (only the
      -- first DOKUMENT_KANDIDATEN matches are ranked, so a common word does not rank every document
      -- of the tenant), visible like their Akte
      SELECT 'dokument'::text, x.dokument_id, a.id, v.kennzeichen, x.betreff, v.status,
             round((1 + least(x.rang, 0.99) * 0.9)::numeric, 6), a.aktenzeichen, a.betreff
        FROM dokumente.volltext_treffer(${tsqText}, ${exakt ? DOKUMENT_KANDIDATEN : 0}) x
        JOIN akten.vorgang v ON v.id = x.vorgang_id
        JOIN akten.akte a ON a.mandant_id = v.mandant_id AND a.id = v.akte_id
       WHERE ${sichtbar}
    ), anzahl AS (
      -- t is needed whole for the order anyway; counting stops after the cap
      SELECT count(*)::int AS n FROM (SELECT 1 FROM t LIMIT ${ZAEHL_GRENZE + 1}) z
    ), seite AS (
      SELECT * FROM t
      ${seite}
      ORDER BY t.relevanz DESC, t.typ, t.id
      LIMIT ${limit}
    )
    -- snippets only for the rows of this page
    SELECT p.typ, p.id, p.akte_id, p.kennzeichen, p.betreff, p.status, p.relevanz::text AS relevanz,
           p.aktenzeichen, p.akte_betreff,
           CASE WHEN p.typ = 'dokument' THEN 'text' WHEN p.relevanz >= 2 THEN 'aktenzeichen' ELSE 'betreff' END AS fundstelle,
           CASE WHEN p.typ = 'dokument' THEN dokumente.volltext_ausschnitt(p.id, ${tsqText}) END AS ausschnitt,
           (SELECT n FROM anzahl) AS anzahl
      FROM (SELECT NULL) leer LEFT JOIN seite p ON true
     ORDER BY p.relevanz DESC, p.typ, p.id`);
  // one row even for no hit, to carry the count
  const anzahl = r.rows[0]?.anzahl ?? 0;
  return { treffer: r.rows.filter((z) => z.id !== null) as Treffer[], anzahl: Math.min(anzahl, ZAEHL_GRENZE), anzahlBegrenzt: anzahl > ZAEHL_GRENZE };
}
