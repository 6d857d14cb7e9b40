// Reads on the bulk tenant: one Akte by id (whole stack vs. the same row on PostgreSQL), the Akten
// list's first page vs. a deep page (keyset cursor of page N, taken from the database exactly as
// the service builds it), and download time-to-first-byte (whole stack vs. S3 GET).
import { randomUUID } from 'node:crypto';
import { encodeCursor } from '@eakte/platform';
import pg from 'pg';
import { FormData, request } from 'undici';
import { bestand } from './bestand.js';
import { imMandanten } from '../lib/mandant.js';
import type { BenchKontext } from './index.js';
import { objectStore } from './ingest.js';
import { akteMitVorgang, messe, MiB, pdf, perzentil, vergleiche, type Messung, type Zeile } from './lib.js';

export const name = 'lesen';

const holen = async (url: string, token: string) => {
  const res = await request(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${text.slice(0, 300)}`);
  return text;
};

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const b = await bestand(ctx);
  const token = await ctx.token(b.slug, ['sachbearbeitung']);
  // each baseline reads with the role of the service that owns the table (Akten's, Dokumente's)
  const pool = new pg.Pool({ connectionString: ctx.appUrl, max: 8 });
  const dokumentePool = new pg.Pool({ connectionString: ctx.dokumenteUrl, max: 2 });
  pool.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  dokumentePool.on('error', () => {});
  const quick = ctx.groesse === 'quick';
  const zeilen: Zeile[] = [];
  try {
    // 1. metadata of one Akte
    const ids = await imMandanten(pool, b.mandantId, async (c) =>
      (await c.query<{ id: string }>("select id from akten.akte where vertraulichkeitsstufe = '003' order by random() limit 1000")).rows.map((r) => r.id),
    );
    const n = quick ? 60 : 300;
    const z1 = await vergleiche(
      `GET /akten/{id} (${b.akten.toLocaleString('en')} Akten), 1 client`,
      ctx.runs,
      () => messe((i) => holen(`${ctx.url}/api/v1/akten/${ids[i % ids.length]}`, token).then(() => {}), n, 1),
      () => messe((i) => imMandanten(pool, b.mandantId, (c) => c.query('select * from akten.akte where id = $1', [ids[i % ids.length]])).then((r) => void JSON.stringify(r.rows)), n, 1),
    );
    z1.extra = { 'seeded in s': b.sekunden.toFixed(1) };
    zeilen.push(z1);

    // 2. list: deep page (subject) vs. page 1 (baseline); ratio < 1 means the deep page is slower
    const seite = quick ? 50 : ctx.groesse === 'scale' ? 1000 : 1000;
    const vorher = await imMandanten(
      pool,
      b.mandantId,
      async (c) => (await c.query<{ aktenzeichen: string }>('select aktenzeichen from akten.akte order by aktenzeichen offset $1 limit 1', [(seite - 1) * 50 - 1])).rows[0]!.aktenzeichen,
    );
    const cursor = encodeCursor({ az: vorher });
    const nl = quick ? 30 : 100;
    const z2 = await vergleiche(
      `GET /akten?limit=50 page ${seite} vs. page 1`,
      ctx.runs,
      () => messe(() => holen(`${ctx.url}/api/v1/akten?limit=50&cursor=${cursor}`, token).then(() => {}), nl, 1),
      () => messe(() => holen(`${ctx.url}/api/v1/akten?limit=50`, token).then(() => {}), nl, 1),
    );
    z2.extra = { 'p95 deep/page 1': (z2.messung.p95 / z2.basis!.p95).toFixed(2) };
    zeilen.push(z2);

    // 3. download time-to-first-byte of a 1 MiB PDF (p50/p95/p99 are TTFB; per s whole downloads)
    const demo = await ctx.token('demo', ['sachbearbeitung']);
    const { vorgangId } = await akteMitVorgang(ctx.url, demo, 'Benchmark Download');
    const form = new FormData();
    form.set('betreff', 'Bescheid');
    form.set('datumDesSchreibens', '2026-11-02');
    form.set('datei', new Blob([new Uint8Array(pdf(MiB, randomUUID()))], { type: 'application/pdf' }), 'bescheid.pdf');
    const res = await request(`${ctx.url}/api/v1/vorgaenge/${vorgangId}/dokumente`, { method: 'POST', headers: { authorization: `Bearer ${demo}` }, body: form });
    const dok = (await res.body.json()) as { id: string };
    if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}`);
    const key = await imMandanten(
      dokumentePool,
      ctx.mandanten.demo!,
      async (c) => (await c.query<{ k: string }>('select speicherschluessel as k from dokumente.dokument_version where dokument_id = $1', [dok.id])).rows[0]!.k,
    );
    const store = objectStore(ctx.env);
    const ttfb = async (erster: () => Promise<AsyncIterable<Buffer>>, anzahl: number): Promise<Messung> => {
      const t: number[] = [];
      const m = await messe(
        async () => {
          const t0 = performance.now();
          const body = await erster();
          let first = true;
          for await (const _ of body) {
            if (first) t.push(performance.now() - t0);
            first = false;
          }
        },
        anzahl,
        1,
      );
      t.sort((a, b) => a - b);
      return { ...m, p50: perzentil(t, 50), p95: perzentil(t, 95), p99: perzentil(t, 99) };
    };
    const nd = quick ? 20 : 100;
    zeilen.push(
      await vergleiche(
        'download 1 MiB, time to first byte',
        ctx.runs,
        () =>
          ttfb(async () => {
            const r = await request(`${ctx.url}/api/v1/dokumente/${dok.id}/inhalt`, { headers: { authorization: `Bearer ${demo}` } });
            if (r.statusCode !== 200) throw new Error(`download answered ${r.statusCode}`);
            return r.body;
          }, nd),
        () => ttfb(() => store.get(key), nd),
      ),
    );
    return zeilen;
  } finally {
    await pool.end();
    await dokumentePool.end();
  }
}
