// Due list: `GET /api/v1/aussonderung/faellig` first page, and walking every page (the full count),
// on the bulk tenant with half of its Akten closed and past their retention; baseline: the same
// set-based query straight on PostgreSQL in the tenant's transaction.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { request } from 'undici';
import { aktenBestand } from './bestand.js';
import { imMandanten } from '../lib/mandant.js';
import type { BenchKontext } from './index.js';
import { messe, vergleiche, type Messung, type Zeile } from './lib.js';

export const name = 'faellig';

const BASIS_SQL = `
  SELECT a.id, a.aktenzeichen, a.betreff, a.aussonderung_faellig_ab
    FROM akten.akte a
   WHERE a.status = 'geschlossen' AND a.aussonderung_faellig_ab <= current_date
     AND NOT EXISTS (SELECT 1 FROM aussonderung.aussonderung_objekt o WHERE o.mandant_id = a.mandant_id AND o.akte_id = a.id)
   ORDER BY a.aussonderung_faellig_ab, a.id
   LIMIT $1`;

let geschlossen: Promise<number> | undefined;

/** Closes every second Akte of the bulk tenant with a retention that ended (once per run). */
function schliesseHaelfte(ctx: BenchKontext, mandantId: string): Promise<number> {
  geschlossen ??= (async () => {
    const owner = new pg.Pool({ connectionString: ctx.ownerUrl, max: 1 });
    owner.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
    try {
      return await imMandanten(owner, mandantId, async (c) => {
        const auswahl = (a: string) => `${a}.status = 'offen' AND ${a}.laufende_nummer % 2 = 0 AND ${a}.laufzeit_beginn < date_trunc('year', current_date)`;
        // their Vorgänge first, on the same day: the database keeps a Vorgang's Laufzeit within its Akte's
        await c.query(
          `UPDATE akten.vorgang v SET status = 'geschlossen', zda_datum = a.laufzeit_beginn, laufzeit_beginn = a.laufzeit_beginn
             FROM akten.akte a WHERE a.mandant_id = v.mandant_id AND a.id = v.akte_id AND ${auswahl('a')}`,
        );
        const r = await c.query(
          `UPDATE akten.akte SET status = 'geschlossen', zda_datum = laufzeit_beginn, laufzeit_ende = laufzeit_beginn,
                  aufbewahrung_bis = date_trunc('year', laufzeit_beginn)::date + interval '1 year' - interval '1 day',
                  aussonderung_faellig_ab = date_trunc('year', laufzeit_beginn)::date + interval '1 year'
            WHERE ${auswahl('akten.akte')}`,
        );
        await c.query('ANALYZE akten.akte');
        return r.rowCount ?? 0;
      });
    } finally {
      await owner.end();
    }
  })();
  return geschlossen;
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const b = await aktenBestand(ctx);
  const faellig = await schliesseHaelfte(ctx, b.mandantId);
  const token = await ctx.token(b.slug, ['registratur']);
  // the baseline joins Akten's and Aussonderung's tables, which no service role reads both of: the owner (also under row-level security)
  const pool = new pg.Pool({ connectionString: ctx.ownerUrl, max: 2 });
  pool.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  const n = ctx.groesse === 'quick' ? 20 : 100;
  const seite = async (cursor: string | null, limit: number) => {
    const res = await request(`${ctx.url}/api/v1/aussonderung/faellig?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode !== 200) throw new Error(`GET /aussonderung/faellig answered ${res.statusCode}: ${await res.body.text()}`);
    return (await res.body.json()) as { items: unknown[]; nextCursor: string | null };
  };
  try {
    const erste = await vergleiche(
      `GET /aussonderung/faellig page 1 (${faellig.toLocaleString('en')} due of ${b.akten.toLocaleString('en')} Akten)`,
      ctx.runs,
      () => messe(async () => void (await seite(null, 50)), n, 1),
      () => messe(async () => void (await imMandanten(pool, b.mandantId, (c) => c.query(BASIS_SQL, [51]))), n, 1),
    );

    // the full list, page by page (what a records manager's export of the due list costs)
    const t0 = performance.now();
    let gezaehlt = 0;
    for (let cursor: string | null = null, erste = true; erste || cursor; erste = false) {
      const s = await seite(cursor, 200);
      gezaehlt += s.items.length;
      cursor = s.nextCursor;
    }
    const sekunden = (performance.now() - t0) / 1000;
    const tb = performance.now();
    const alle = await imMandanten(pool, b.mandantId, (c) => c.query(BASIS_SQL, [10_000_000]));
    const basisSekunden = (performance.now() - tb) / 1000;
    if (gezaehlt !== alle.rowCount) throw new Error(`due list walked ${gezaehlt} Akten, the query finds ${alle.rowCount}`);
    const voll = (s: number): Messung => ({ anfragen: 1, sekunden: s, proSekunde: 1 / s, p50: s * 1000, p95: s * 1000, p99: s * 1000 });
    return [erste, { fall: `whole due list in pages of 200 (${gezaehlt.toLocaleString('en')} Akten)`, messung: voll(sekunden), basis: voll(basisSekunden), verhaeltnis: basisSekunden / sekunden }];
  } finally {
    await pool.end();
  }
}
