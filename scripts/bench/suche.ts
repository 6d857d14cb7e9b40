// Search: p95 of realistic German queries (inflected words, compounds, places, Aktenzeichen
// prefixes, a typo) through the whole stack, against a plain German full-text query on the Akten
// table in the same tenant transaction.
import pg from 'pg';
import { request } from 'undici';
import { bestand } from './bestand.js';
import { imMandanten } from '../lib/mandant.js';
import type { BenchKontext } from './index.js';
import { median, messe, vergleiche, type Zeile } from './lib.js';

export const name = 'suche';

export const ANFRAGEN = [
  'Straßenbau Musterstadt',
  'Genehmigungen',
  'Bauanträge',
  'Windkraftanlagen Nordhöhe',
  'Zulassung Ärzte',
  'Gewässerunterhaltung Mühlbach',
  'Kindertagesstätten',
  'Widerspruch',
  'Förderanträge Südfeld',
  'Brandschutz Schloßpark',
  'Wndkraftanlage',
  'B7.12-',
  'Baugenehmigung Lindenallee',
  'Stellungnahme Gutachten',
  'Lärmschutz',
  'Anhörung der Nachbarn',
  'Klage Verwaltungsgericht',
  'Fördermittel für Kitas',
  'Baumfällungen Hauptstraße',
  'Gebühren Bescheid',
];

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const b = await bestand(ctx);
  const token = await ctx.token(b.slug, ['sachbearbeitung']);
  const pool = new pg.Pool({ connectionString: ctx.appUrl, max: 2 });
  pool.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  const n = ctx.groesse === 'quick' ? ANFRAGEN.length * 3 : ANFRAGEN.length * 8;
  const proAnfrage = new Map<string, number[]>(ANFRAGEN.map((q) => [q, []]));
  try {
    const z = await vergleiche(
      `GET /suche, ${ANFRAGEN.length} queries (${b.akten.toLocaleString('en')} Akten, ${b.dokumente.toLocaleString('en')} Dokumente), 1 client`,
      ctx.runs,
      () =>
        messe(
          async (i) => {
            const t0 = performance.now();
            const res = await request(`${ctx.url}/api/v1/suche?q=${encodeURIComponent(ANFRAGEN[i % ANFRAGEN.length]!)}`, { headers: { authorization: `Bearer ${token}` } });
            const text = await res.body.text();
            if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}: ${text.slice(0, 300)}`);
            proAnfrage.get(ANFRAGEN[i % ANFRAGEN.length]!)!.push(performance.now() - t0);
          },
          n,
          1,
        ),
      () =>
        messe(
          async (i) => {
            await imMandanten(pool, b.mandantId, (c) =>
              c.query(
                `select id, aktenzeichen, betreff from akten.akte
                where suchvektor @@ websearch_to_tsquery('german'::regconfig, akten.suchtext($1))
                order by ts_rank(suchvektor, websearch_to_tsquery('german'::regconfig, akten.suchtext($1))) desc limit 20`,
                [ANFRAGEN[i % ANFRAGEN.length]],
              ),
            );
          },
          n,
          1,
        ),
    );
    // the slowest queries (median ms of each), to show where the p95 comes from
    const langsam = [...proAnfrage]
      .map(([q, ms]) => [q, median(ms)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    z.extra = { slowest: langsam.map(([q, ms]) => `"${q}" ${ms.toFixed(0)} ms`).join(', ') };

    // the cost of prefix lexemes (compounds, services/akten/src/repositories/suche.ts) against the exact
    // full-text match, both on Akten and on the documents' text, in the tenant's transaction
    const voll = (q: (tsq: string) => string) => (c: pg.PoolClient, text: string) =>
      c.query(
        `select (select count(*) from (select 1 from akten.akte where suchvektor @@ ${q(`websearch_to_tsquery('german'::regconfig, akten.suchtext($1))`)} limit 200) a)
              + (select count(*) from dokumente.volltext_treffer(${q(`websearch_to_tsquery('german'::regconfig, $1)`)}, 2000)) as n`,
        [text],
      );
    const praefix = voll((tsq) => `regexp_replace((${tsq})::text, '(^|[ (])''((?:[^'']|''''){4,})''', '\\1''\\2'':*', 'g')::tsquery`);
    const exakt = voll((tsq) => tsq);
    const sql = (f: typeof exakt) => () =>
      messe(
        async (i) => {
          await imMandanten(pool, b.mandantId, (c) => f(c as pg.PoolClient, ANFRAGEN[i % ANFRAGEN.length]!));
        },
        n,
        1,
      );
    const p = await vergleiche(`full text with prefix lexemes vs. exact, ${ANFRAGEN.length} queries (Akten and Dokumente), SQL`, ctx.runs, sql(praefix), sql(exakt));
    return [z, p];
  } finally {
    await pool.end();
  }
}
