// Audit trail: chain verification through the API (GET /protokoll/pruefung) on a tenant with N
// generated events against reading the same leaf bytes with one SELECT and hashing each once;
// append throughput of 8 concurrent writers through protokoll.protokolliere (no per-tenant lock
// since migration 0034; 1 tenant and 8 tenants) against the same transaction inserting the row
// into a plain table, and the sequencing latency (commit → numbered by the Protokoll service).
import { hash, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { blattHash, blattKodierung, GENESIS_HASH, kanonisch, kettenHash, protokollAnhaengen, type KettenEreignis } from '@eakte/audit';
import { createDb, sql } from '@eakte/db';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { request } from 'undici';
import { zeile } from '../lib/bulk.js';
import { imMandanten } from '../lib/mandant.js';
import type { BenchKontext } from './index.js';
import { messe, vergleiche, type Messung, type Zeile } from './lib.js';

export const name = 'audit';

/** Creates tenants straight in the database (slug → id). */
export async function mandantenAnlegen(ownerUrl: string, slugs: string[]): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const ids: Record<string, string> = {};
    for (const slug of slugs) {
      const r = await client.query<{ id: string }>(`INSERT INTO plattform.mandant (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id`, [
        randomUUID(),
        slug,
        `Benchmark ${slug}`,
      ]);
      ids[slug] = r.rows[0]!.id;
    }
    return ids;
  } finally {
    await client.end();
  }
}

/**
 * Writes `anzahl` chained events for a tenant without events yet: the chain is computed in Node
 * with the real canonical encoding and hash, streamed with COPY into a temporary table and moved
 * with INSERT … SELECT (COPY cannot write tables under row-level security); the head follows.
 */
export async function ereignisseErzeugen(ownerUrl: string, mandantId: string, anzahl: number): Promise<void> {
  await imMandanten(
    ownerUrl,
    mandantId,
    async (client) => {
      await client.query(`CREATE TEMP TABLE bulk_ereignis (LIKE protokoll.ereignis INCLUDING DEFAULTS) ON COMMIT DROP`);
      const spalten =
        'mandant_id, sequenz, zeit, akteur_sub, akteur_name, akteur_rollen, akteur_client, aktion, objekt_typ, objekt_id, aktenzeichen, akte_id, aenderungen, ergebnis, details, request_id, client_ip, hash, kanonisch, blatt';
      // times one microsecond apart, ending an hour ago (inside the current or the default partition)
      const startMikros = (Date.now() - 3_600_000) * 1000 - anzahl;
      const zeit = (mikros: number) => {
        const iso = new Date(Math.floor(mikros / 1000)).toISOString();
        return `${iso.slice(0, 23)}${String(mikros % 1000).padStart(3, '0')}Z`;
      };
      let vorgaenger = GENESIS_HASH;
      let letzte: KettenEreignis | undefined;
      const AKTIONEN = ['dokument.gelesen', 'dokument.angelegt', 'akte.geaendert', 'vorgang.angelegt'];
      function* zeilen() {
        for (let i = 1; i <= anzahl; i++) {
          const aktion = AKTIONEN[i % AKTIONEN.length]!;
          const e: KettenEreignis = {
            mandantId,
            sequenz: i,
            zeit: zeit(startMikros + i),
            akteurSub: `nutzer-${i % 50}`,
            akteurName: `Sachbearbeiterin ${i % 50}`,
            akteurRollen: ['sachbearbeitung'],
            akteurClient: null,
            aktion,
            objektTyp: aktion.split('.')[0]!,
            objektId: randomUUID(),
            aktenzeichen: `B${i % 40}.${i % 7}-${String(i % 9999).padStart(4, '0')}/2026`,
            akteId: randomUUID(),
            aenderungen: aktion === 'akte.geaendert' ? [{ feld: 'betreff', alt: 'Bauantrag Müller', neu: 'Bauantrag Müller-Lüdenscheid' }] : [],
            ergebnis: 'erfolg',
            details: aktion === 'dokument.angelegt' ? { groesse: 102400, mimeType: 'application/pdf' } : {},
            requestId: randomUUID(),
            clientIp: '10.0.0.1',
          };
          const hash = kettenHash(vorgaenger, kanonisch(e));
          vorgaenger = hash;
          // the leaf bytes and leaf hash as protokoll.protokolliere stores them for every event since 0034
          const { sequenz: _s, ...felder } = e;
          const blatt = blattKodierung(felder);
          letzte = e;
          yield zeile([
            e.mandantId,
            e.sequenz,
            e.zeit,
            e.akteurSub,
            e.akteurName,
            `{${e.akteurRollen.join(',')}}`,
            e.akteurClient,
            e.aktion,
            e.objektTyp,
            e.objektId,
            e.aktenzeichen,
            e.akteId,
            JSON.stringify(e.aenderungen),
            e.ergebnis,
            JSON.stringify(e.details),
            e.requestId,
            e.clientIp,
            hash,
            blatt,
            `\\x${blattHash(blatt).toString('hex')}`,
          ]);
        }
      }
      // batches of lines keep the stream's per-chunk overhead small
      function* stapel() {
        let buf: string[] = [];
        for (const z of zeilen()) {
          buf.push(z);
          if (buf.length === 1000) {
            yield buf.join('');
            buf = [];
          }
        }
        if (buf.length) yield buf.join('');
      }
      await pipeline(Readable.from(stapel()), client.query(copyFrom(`COPY bulk_ereignis (${spalten}) FROM STDIN`)));
      await client.query(`INSERT INTO protokoll.ereignis (${spalten}) SELECT ${spalten} FROM bulk_ereignis`);
      await client.query(
        `INSERT INTO protokoll.kette (mandant_id, sequenz, hash, zeit) VALUES ($1, $2, $3, $4::timestamptz)
       ON CONFLICT (mandant_id) DO UPDATE SET sequenz = excluded.sequenz, hash = excluded.hash, zeit = excluded.zeit`,
        [mandantId, anzahl, vorgaenger, letzte!.zeit],
      );
    },
    (client) => client.query('ANALYZE protokoll.ereignis'),
  );
}

const STROM_SPALTEN = `mandant_id, sequenz, to_char(zeit AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), akteur_sub, akteur_name, akteur_rollen,
  akteur_client, aktion, objekt_typ, objekt_id, aktenzeichen, akte_id, aenderungen, ergebnis, details, request_id, client_ip, hash`;

/** The baseline: a cursor over the same rows, each re-hashed in Node and compared. */
async function leseUndHashe(appUrl: string, mandantId: string): Promise<number> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  let n = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`select set_config('app.mandant', $1, true)`, [mandantId]);
    await client.query(`DECLARE c NO SCROLL CURSOR FOR SELECT ${STROM_SPALTEN} FROM protokoll.ereignis ORDER BY sequenz, zeit`);
    let vorgaenger = GENESIS_HASH;
    for (;;) {
      const r = await client.query({ text: 'FETCH 5000 FROM c', rowMode: 'array' });
      for (const row of r.rows as unknown[][]) {
        const e: KettenEreignis = {
          mandantId: row[0] as string,
          sequenz: Number(row[1]),
          zeit: row[2] as string,
          akteurSub: row[3] as string,
          akteurName: row[4] as string,
          akteurRollen: row[5] as string[],
          akteurClient: row[6] as string | null,
          aktion: row[7] as string,
          objektTyp: row[8] as string,
          objektId: row[9] as string | null,
          aktenzeichen: row[10] as string | null,
          akteId: row[11] as string | null,
          aenderungen: row[12] as KettenEreignis['aenderungen'],
          ergebnis: row[13] as string,
          details: row[14] as Record<string, unknown>,
          requestId: row[15] as string | null,
          clientIp: row[16] as string | null,
        };
        vorgaenger = kettenHash(vorgaenger, kanonisch(e));
        if (vorgaenger !== row[17]) throw new Error(`baseline: hash mismatch at ${e.sequenz}`);
        n++;
      }
      if (r.rows.length < 5000) break;
    }
    await client.query('COMMIT');
    return n;
  } finally {
    await client.end();
  }
}

/**
 * The bare baseline: the stored leaf bytes of every event read with one SELECT (as bytea, no decoding)
 * and SHA-256 over each, on one connection in this thread; nothing compared, no tree, no chain.
 */
async function leseBytesUndHashe(appUrl: string, mandantId: string): Promise<number> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`select set_config('app.mandant', $1, true)`, [mandantId]);
    const r = await client.query({ text: `SELECT convert_to(kanonisch, 'UTF8') FROM protokoll.ereignis WHERE mandant_id = $1`, values: [mandantId], rowMode: 'array' });
    for (const row of r.rows as [Buffer][]) hash('sha256', row[0]);
    await client.query('COMMIT');
    return r.rows.length;
  } finally {
    await client.end();
  }
}

async function einmal(f: () => Promise<number>): Promise<Messung> {
  const t0 = performance.now();
  const n = await f();
  const ms = performance.now() - t0;
  return { anfragen: n, sekunden: ms / 1000, proSekunde: n / (ms / 1000), p50: ms, p95: ms, p99: ms };
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const zeilen: Zeile[] = [];
  const groessen = ctx.ereignisse?.length ? ctx.ereignisse : ctx.groesse === 'quick' ? [10_000] : ctx.groesse === 'scale' ? [1_000_000, 10_000_000] : [100_000];
  for (const anzahl of ctx.fall && !'verify events'.includes(ctx.fall) ? [] : groessen) {
    const slug = `bench-audit-${anzahl}`;
    const { [slug]: mandantId } = await mandantenAnlegen(ctx.ownerUrl, [slug]);
    const t0 = performance.now();
    await ereignisseErzeugen(ctx.ownerUrl, mandantId!, anzahl);
    const erzeugt = (performance.now() - t0) / 1000;
    const token = await ctx.token(slug, ['pruefung']);
    // the generated events predate the tree: the first read integrates them (as after migration 0034)
    const tBaum = performance.now();
    await request(`${ctx.url}/api/v1/protokoll?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.body.dump());
    const baumSekunden = (performance.now() - tBaum) / 1000;
    const runs = anzahl >= 1_000_000 ? 1 : ctx.runs === 1 ? 1 : 3;
    const z = await vergleiche(
      `verify ${anzahl.toLocaleString('en')} events (events/s)`,
      runs,
      () =>
        einmal(async () => {
          const res = await request(`${ctx.url}/api/v1/protokoll/pruefung`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.body.json()) as { gueltig: boolean; geprueft: number };
          if (res.statusCode !== 200 || !body.gueltig) throw new Error(`verification answered ${res.statusCode} ${JSON.stringify(body).slice(0, 300)}`);
          return body.geprueft;
        }),
      // the baseline reads as the Protokoll service's role: the other services no longer read the events
      () => einmal(() => leseBytesUndHashe(ctx.env.DATABASE_URL_PROTOKOLL ?? ctx.ownerUrl, mandantId!)),
    );
    // the earlier baseline, for comparison: a cursor over all columns, each event re-encoded and re-hashed in Node
    const neuKodiert = await einmal(() => leseUndHashe(ctx.env.DATABASE_URL_PROTOKOLL ?? ctx.ownerUrl, mandantId!));
    z.extra = {
      'generated in s': erzeugt.toFixed(1),
      'tree built in s': baumSekunden.toFixed(1),
      're-encoding cursor per s': neuKodiert.proSekunde.toFixed(0),
      'load avg': loadavg()[0]!.toFixed(1),
    };
    zeilen.push(z);
  }

  // append: 8 writers; the baseline inserts the same row in the same kind of transaction, unchained
  const slugs = Array.from({ length: 8 }, (_, i) => `bench-append-${i + 1}`);
  const ids = Object.values(await mandantenAnlegen(ctx.ownerUrl, slugs));
  const owner = new pg.Client({ connectionString: ctx.ownerUrl });
  await owner.connect();
  // the baseline table: the events' columns and defaults, its own arrival numbers, no trigger, no RLS
  await owner.query(`DROP TABLE IF EXISTS public.bench_ereignis`);
  await owner.query(`CREATE TABLE public.bench_ereignis (LIKE protokoll.ereignis INCLUDING DEFAULTS)`);
  await owner.query(`ALTER TABLE public.bench_ereignis ALTER COLUMN eingang DROP DEFAULT`);
  await owner.query(`ALTER TABLE public.bench_ereignis ALTER COLUMN eingang ADD GENERATED BY DEFAULT AS IDENTITY`);
  await owner.query(`GRANT INSERT ON public.bench_ereignis TO eakte_akten`);
  await owner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO eakte_akten`);
  const db = createDb(ctx.appUrl, { max: 8 });
  const n = ctx.groesse === 'quick' ? 100 : 800;
  const runs = ctx.groesse === 'quick' ? 1 : 3;
  const akteur = { sub: 'bench', name: 'Benchmark', rollen: ['sachbearbeitung'], client: null };
  // commit → sequenced: the owner polls the tenant's newly numbered events every 10 ms
  const latenzen: number[] = [];
  const beobachte = (mandantId: string, festgeschrieben: Map<number, number>) => {
    let aus = false;
    let letzte = 0;
    const lauf = (async () => {
      await owner.query(`SELECT set_config('app.mandant', $1, false)`, [mandantId]);
      letzte = Number((await owner.query<{ s: string | null }>(`SELECT max(sequenz) AS s FROM protokoll.ereignis WHERE mandant_id = $1`, [mandantId])).rows[0]?.s ?? 0);
      const ende = () => aus && [...festgeschrieben.keys()].every((e) => gesehen.has(e));
      const gesehen = new Set<number>();
      const frist = () => Date.now() + 10_000;
      let bis = Infinity;
      while (!ende() && Date.now() < bis) {
        const r = await owner.query<{ eingang: string; sequenz: string }>(`SELECT eingang, sequenz FROM protokoll.ereignis WHERE mandant_id = $1 AND sequenz > $2 ORDER BY sequenz`, [
          mandantId,
          letzte,
        ]);
        const jetzt = Date.now();
        for (const z of r.rows) {
          letzte = Math.max(letzte, Number(z.sequenz));
          const e = Number(z.eingang);
          gesehen.add(e);
          const t = festgeschrieben.get(e);
          if (t !== undefined) latenzen.push(jetzt - t);
        }
        if (aus && bis === Infinity) bis = frist();
        await new Promise((res) => setTimeout(res, 10));
      }
    })();
    return async () => {
      aus = true;
      await lauf;
    };
  };
  try {
    for (const [fall, mandantFuer] of [
      ['append, 8 writers, 1 tenant', () => ids[0]!],
      ['append, 8 writers, 8 tenants', (i: number) => ids[i % 8]!],
    ] as const) {
      if (ctx.fall && !fall.includes(ctx.fall)) continue;
      const einMandant = fall.endsWith('1 tenant');
      const subjekt = async () => {
        const festgeschrieben = new Map<number, number>();
        const stopp = einMandant ? beobachte(ids[0]!, festgeschrieben) : null;
        try {
          return await messe(
            async (i) => {
              const m = mandantFuer(i);
              const e = await db.withMandant(m, (tx) =>
                protokollAnhaengen(tx, {
                  mandantId: m,
                  akteur,
                  aktion: 'dokument.gelesen',
                  objektTyp: 'dokument',
                  objektId: randomUUID(),
                  aktenzeichen: 'B1.1-0001/2026',
                  requestId: randomUUID(),
                  clientIp: '10.0.0.1',
                }),
              );
              festgeschrieben.set(e.eingang, Date.now());
            },
            n,
            8,
          );
        } finally {
          await stopp?.();
        }
      };
      const basis = () =>
        messe(
          async (i) => {
            const m = mandantFuer(i);
            await db.withMandant(m, (tx) =>
              tx.execute(sql`INSERT INTO public.bench_ereignis (mandant_id, sequenz, zeit, akteur_sub, akteur_name, akteur_rollen, aktion, objekt_typ, objekt_id, aktenzeichen, ergebnis, request_id, client_ip, hash)
              VALUES (${m}, ${i}, clock_timestamp(), 'bench', 'Benchmark', '{sachbearbeitung}', 'dokument.gelesen', 'dokument', ${randomUUID()}, 'B1.1-0001/2026', 'erfolg', ${randomUUID()}, '10.0.0.1', ${GENESIS_HASH})`),
            );
          },
          n,
          8,
        );
      const z = await vergleiche(fall, runs, subjekt, basis);
      if (einMandant && latenzen.length) {
        const sortiert = [...latenzen].sort((a, b) => a - b);
        const q = (p: number) => sortiert[Math.min(sortiert.length - 1, Math.ceil(p * sortiert.length) - 1)]!;
        z.extra = { 'sequenced p50 ms': String(q(0.5)), 'sequenced p99 ms': String(q(0.99)), 'sequenced max ms': String(sortiert[sortiert.length - 1]), 'sequenced n': String(sortiert.length) };
      }
      zeilen.push(z);
    }
  } finally {
    await db.close();
    await owner.end();
  }
  return zeilen;
}
