// Geschäftsgang: one user's Postkorb page 1 (`GET /api/v1/postkorb`) with 10,000 items for that user
// among 1,000,000 open steps in the tenant, against the bare SQL of the same page in the tenant's
// transaction; and completing a step (`POST /schritte/{id}/abschliessen`) against creating a Vorgang
// (`POST /akten/{id}/vorgaenge`), both through the gateway, alternating in the same run; and the
// Postkorb's counts against the bare count.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { request } from 'undici';
import { bulkSeeden } from '../lib/bulk.js';
import { imMandanten } from '../lib/mandant.js';
import { mandantenAnlegen } from './audit.js';
import type { BenchKontext } from './index.js';
import { akteMitVorgang, api, messe, vergleiche, type Zeile } from './lib.js';

export const name = 'postkorb';

const SEITE = 50;

/** Sizes: the user's items and the tenant's open steps (the user's among them). */
const GROESSEN = { quick: { eigene: 1_000, alle: 50_000 }, default: { eigene: 10_000, alle: 1_000_000 }, scale: { eigene: 10_000, alle: 1_000_000 } };

// The part of the page the user's own steps make (the user has no org unit, no deputy duty, no
// Wiedervorlage, no returned Verfügung): the same columns, order and joins the service reads.
const BASIS_SQL = `
  SELECT s.id, s.verfuegung_id, f.vorgang_id, v.kennzeichen, f.betreff, s.aktion, s.frist::text, s.hinweis, s.aktuell_seit::text,
         s.bearbeiter_sub, s.bearbeiter_oe_id, f.verfasser
    FROM akten.verfuegung_schritt s
    JOIN akten.verfuegung f ON f.mandant_id = s.mandant_id AND f.id = s.verfuegung_id
    JOIN akten.vorgang v ON v.mandant_id = f.mandant_id AND v.id = f.vorgang_id
   WHERE s.zustand = 'aktuell' AND s.bearbeiter_sub = $1
   ORDER BY coalesce(s.frist, '9999-12-31'::date), s.aktuell_seit, s.id
   LIMIT $2`;

const ANZAHL_SQL = `
  SELECT count(*)::int AS n, count(*) FILTER (WHERE s.frist < current_date)::int AS ueberfaellig
    FROM akten.verfuegung_schritt s
   WHERE s.zustand = 'aktuell' AND s.bearbeiter_sub = $1`;

/**
 * `alle` current steps, one Verfügung each, spread over the tenant's open Vorgänge: the first
 * `eigene` for `sub`, the others for 10,000 colleagues; a quarter without Frist, some overdue.
 * Set-based (INSERT … SELECT generate_series) with deterministic ids. The Laufweg trigger is off
 * while loading: each row is a valid one-step Laufweg by construction, and checking 2M rows one by
 * one would take minutes.
 */
async function ladeSchritte(ownerUrl: string, mandantId: string, sub: string, eigene: number, alle: number): Promise<void> {
  await imMandanten(
    ownerUrl,
    mandantId,
    async (c) => {
      await c.query(`CREATE TEMP TABLE bench_vorgang ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS nr, id FROM akten.vorgang WHERE status = 'offen'`);
      const { rows } = await c.query<{ n: string }>('SELECT count(*) AS n FROM bench_vorgang');
      const vorgaenge = Number(rows[0]!.n);
      await c.query('ALTER TABLE akten.verfuegung DISABLE TRIGGER verfuegung_laufweg');
      await c.query('ALTER TABLE akten.verfuegung_schritt DISABLE TRIGGER verfuegung_laufweg');
      await c.query(
        `INSERT INTO akten.verfuegung (id, mandant_id, vorgang_id, betreff, verfasser, status, aktuelle_position, erstellt_am, geaendert_am)
         SELECT md5('bench-verfuegung-' || g)::uuid, $1, bv.id, 'Benchmark Verfügung ' || g, 'bench-verfasser-' || (g % 200), 'laufend', 1,
                now() - (g % 100000) * interval '1 minute', now() - (g % 100000) * interval '1 minute'
           FROM generate_series(1, $2::int) g JOIN bench_vorgang bv ON bv.nr = g % $3`,
        [mandantId, alle, vorgaenge],
      );
      await c.query(
        `INSERT INTO akten.verfuegung_schritt (id, mandant_id, verfuegung_id, position, zweig, bearbeiter_sub, aktion, frist, hinweis, zustand, aktuell_seit)
         SELECT md5('bench-schritt-' || g)::uuid, $1, md5('bench-verfuegung-' || g)::uuid, 1, 1,
                CASE WHEN g <= $3 THEN $4 ELSE 'bench-kollege-' || (g % 10000) END,
                (ARRAY['bearbeitung', 'mitzeichnung', 'kenntnisnahme', 'stellungnahme'])[g % 4 + 1],
                CASE WHEN g % 4 = 0 THEN NULL ELSE current_date + (g % 120 - 30) END,
                CASE WHEN g % 10 = 0 THEN 'Bitte bis zur Sitzung' END,
                'aktuell', now() - (g % 100000) * interval '1 minute'
           FROM generate_series(1, $2::int) g`,
        [mandantId, alle, eigene, sub],
      );
      await c.query('ALTER TABLE akten.verfuegung ENABLE TRIGGER verfuegung_laufweg');
      await c.query('ALTER TABLE akten.verfuegung_schritt ENABLE TRIGGER verfuegung_laufweg');
    },
    (c) => c.query('ANALYZE akten.verfuegung, akten.verfuegung_schritt'),
  );
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const { eigene, alle } = GROESSEN[ctx.groesse];
  const slug = 'bench-postkorb';
  const { [slug]: mandantId } = await mandantenAnlegen(ctx.ownerUrl, [slug]);
  const rolle = 'sachbearbeitung';
  const sub = `bench-${rolle}`; // the subject of ctx.token's tokens
  const token = await ctx.token(slug, [rolle]);
  const t0 = performance.now();
  await bulkSeeden(ctx.ownerUrl, mandantId!, { akten: ctx.groesse === 'quick' ? 500 : 5_000, einheiten: 100 });
  await ladeSchritte(ctx.ownerUrl, mandantId!, sub, eigene, alle);
  const geladen = (performance.now() - t0) / 1000;
  const pool = new pg.Pool({ connectionString: ctx.appUrl, max: 2 });
  pool.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  const n = ctx.groesse === 'quick' ? 30 : 200;
  const zeilen: Zeile[] = [];
  try {
    const seite = async () => {
      const res = await request(`${ctx.url}/api/v1/postkorb?limit=${SEITE}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`GET /postkorb answered ${res.statusCode}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as { items: { schrittId: string | null }[]; nextCursor: string | null };
    };
    const basis = () => imMandanten(pool, mandantId!, (c) => c.query<{ id: string }>(BASIS_SQL, [sub, SEITE + 1]));
    // the same page: otherwise the baseline would measure another query
    const [api1, sql1] = [await seite(), await basis()];
    if (
      api1.items.map((i) => i.schrittId).join() !==
      sql1.rows
        .slice(0, SEITE)
        .map((r) => r.id)
        .join()
    )
      throw new Error('Postkorb page and bare SQL disagree');
    const z1 = await vergleiche(
      `GET /postkorb page 1 (${eigene.toLocaleString('en')} items of the user, ${alle.toLocaleString('en')} open steps)`,
      ctx.runs,
      () => messe(async () => void (await seite()), n, 1),
      () => messe(async () => void JSON.stringify((await basis()).rows), n, 1),
    );
    z1.extra = { 'loaded in s': geladen.toFixed(1) };
    zeilen.push(z1);

    // the counts the web client shows with every Postkorb: all of the user's items counted, not a page
    const zaehlen = async () => {
      const res = await request(`${ctx.url}/api/v1/postkorb/anzahl`, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`GET /postkorb/anzahl answered ${res.statusCode}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as { schritte: number };
    };
    const basisZaehlen = () => imMandanten(pool, mandantId!, (c) => c.query<{ n: number }>(ANZAHL_SQL, [sub]));
    const [a1, b1] = [await zaehlen(), await basisZaehlen()];
    if (a1.schritte !== eigene || b1.rows[0]!.n !== eigene) throw new Error(`counted ${a1.schritte} and ${b1.rows[0]!.n} steps, loaded ${eigene}`);
    zeilen.push(
      await vergleiche(
        `GET /postkorb/anzahl (${eigene.toLocaleString('en')} items)`,
        ctx.runs,
        () => messe(async () => void (await zaehlen()), n, 1),
        () => messe(async () => void (await basisZaehlen()), n, 1),
      ),
    );

    // completing a step vs. creating a Vorgang: a Verfügung per completion (Bearbeitung by the user,
    // then a colleague's Mitzeichnung, which becomes current), written beforehand, not measured
    const m = ctx.groesse === 'quick' ? 20 : 100;
    const { akteId, vorgangId } = await akteMitVorgang(ctx.url, token, 'Benchmark Geschäftsgang');
    const schritte: string[] = [];
    for (let i = 0; i < m * ctx.runs; i++) {
      const v = await api<{ laufweg: { id: string; zustand: string }[] }>(ctx.url, token, 'POST', `/api/v1/vorgaenge/${vorgangId}/verfuegungen`, {
        betreff: `Benchmark Abschluss ${i}`,
        laufweg: [
          { bearbeiter: { sub }, aktion: 'bearbeitung' },
          { bearbeiter: { sub: 'bench-kollege-1' }, aktion: 'mitzeichnung' },
        ],
      });
      schritte.push(v.laufweg.find((s) => s.zustand === 'aktuell')!.id);
    }
    let naechster = 0;
    let vorgang = 0;
    const z2 = await vergleiche(
      `POST /schritte/{id}/abschliessen vs. POST /akten/{id}/vorgaenge`,
      ctx.runs,
      () => messe(async () => void (await api(ctx.url, token, 'POST', `/api/v1/schritte/${schritte[naechster++]}/abschliessen`, { kommentar: 'Erledigt' })), m, 1),
      () => messe(async () => void (await api(ctx.url, token, 'POST', `/api/v1/akten/${akteId}/vorgaenge`, { betreff: `Benchmark Vorgang ${vorgang++}` })), m, 1),
    );
    z2.extra = { 'p95 complete/create': (z2.messung.p95 / z2.basis!.p95).toFixed(2) };
    zeilen.push(z2);
    return zeilen;
  } finally {
    await pool.end();
  }
}
