// Where the time of the audit verification goes: `tsx scripts/bench/pruefung-profil.ts [N]` generates N
// events (default 100,000) on embedded PostgreSQL and times each stage on its own — the database read
// of all columns (as the single-pass verification reads them), the read of only the stored bytes,
// decoding the rows, re-encoding the fields, hashing. Prints one table; docs/leistung.md keeps it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash } from 'node:crypto';
import { blattKodierung, kanonisch, type KettenEreignis } from '@eakte/audit';
import pg from 'pg';
import { startInfrastructure } from '../lib/stack.js';
import { ereignisseErzeugen, mandantenAnlegen } from './audit.js';

const anzahl = Number(process.argv[2] ?? 100_000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-profil-'));
const infra = await startInfrastructure({ dataDir, env: {}, fast: true, seed: false, log: () => {} });
const ALLE = `mandant_id, sequenz, to_char(zeit AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), akteur_sub, akteur_name, akteur_rollen,
  akteur_client, aktion, objekt_typ, objekt_id, aktenzeichen, akte_id, aenderungen, ergebnis, details, request_id, client_ip, hash, kanonisch, blatt`;

try {
  const { profil: mandantId } = await mandantenAnlegen(infra.ownerUrl, ['profil']);
  await ereignisseErzeugen(infra.ownerUrl, mandantId!, anzahl);
  const url = infra.env.DATABASE_URL_PROTOKOLL!;

  /** Reads every row through a cursor (5,000 per FETCH), handing each batch to `je`. */
  async function lies(spalten: string, je: (rows: unknown[][]) => void, roh = false): Promise<number> {
    const client = new pg.Client({ connectionString: url, ...(roh ? { types: { getTypeParser: () => (v: string) => v } } : {}) });
    await client.connect();
    const t0 = performance.now();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`select set_config('app.mandant', $1, true)`, [mandantId]);
    await client.query(`DECLARE c NO SCROLL CURSOR FOR SELECT ${spalten} FROM protokoll.ereignis WHERE mandant_id = $1 ORDER BY sequenz, zeit`, [mandantId]);
    for (;;) {
      const r = await client.query({ text: 'FETCH 5000 FROM c', rowMode: 'array' });
      je(r.rows as unknown[][]);
      if (r.rows.length < 5000) break;
    }
    await client.query('COMMIT');
    const ms = performance.now() - t0;
    await client.end();
    return ms;
  }

  const zeilen: [string, number][] = [];
  const mess = async (name: string, f: () => Promise<number>) => {
    await f(); // warm: caches, JIT
    const ms = Math.min(await f(), await f());
    zeilen.push([name, ms]);
  };
  await mess('read all columns, decoded by pg (jsonb parsed, arrays split)', () => lies(ALLE, () => {}));
  await mess('read all columns as raw text (no decoding)', () => lies(ALLE, () => {}, true));
  await mess('read sequenz, hash, kanonisch, blatt only', () => lies('sequenz, hash, kanonisch, blatt', () => {}));
  // the fields compared with the leaf bytes in SQL, one boolean per row
  await mess('read sequenz, hash, kanonisch, blatt + field check in SQL', () =>
    lies(
      `sequenz, hash, kanonisch, blatt, kanonisch::jsonb = jsonb_build_object('aenderungen', aenderungen, 'akteId', akte_id, 'aktenzeichen', aktenzeichen,
          'akteurClient', akteur_client, 'akteurName', akteur_name, 'akteurRollen', to_jsonb(akteur_rollen), 'akteurSub', akteur_sub, 'aktion', aktion,
          'clientIp', client_ip, 'details', details, 'ergebnis', ergebnis, 'mandantId', mandant_id, 'objektId', objekt_id, 'objektTyp', objekt_typ,
          'requestId', request_id, 'zeit', to_char(zeit AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))`,
      () => {},
    ),
  );
  // stages in Node on rows already read
  const alle: unknown[][] = [];
  await lies(ALLE, (rows) => alle.push(...rows));
  const alsEreignis = (r: unknown[]): KettenEreignis => ({
    mandantId: r[0] as string,
    sequenz: Number(r[1]),
    zeit: r[2] as string,
    akteurSub: r[3] as string,
    akteurName: r[4] as string,
    akteurRollen: r[5] as string[],
    akteurClient: r[6] as string | null,
    aktion: r[7] as string,
    objektTyp: r[8] as string,
    objektId: r[9] as string | null,
    aktenzeichen: r[10] as string | null,
    akteId: r[11] as string | null,
    aenderungen: r[12] as KettenEreignis['aenderungen'],
    ergebnis: r[13] as string,
    details: r[14] as Record<string, unknown>,
    requestId: r[15] as string | null,
    clientIp: r[16] as string | null,
  });
  const inNode = async (name: string, f: () => void) => {
    f();
    const t0 = performance.now();
    f();
    zeilen.push([name, performance.now() - t0]);
  };
  await inNode('re-encode fields: leaf and chain encoding (Node)', () => {
    for (const r of alle) {
      const e = alsEreignis(r);
      kanonisch(e);
      blattKodierung(e);
    }
  });
  const bytes = alle.map((r) => Buffer.from(r[18] as string, 'utf8'));
  await inNode('SHA-256 twice over the stored bytes (leaf + chain) and once per node', () => {
    const h = Buffer.alloc(32);
    for (const b of bytes) {
      hash('sha256', b, 'buffer');
      hash('sha256', Buffer.concat([h, b]), 'buffer');
      hash('sha256', Buffer.concat([h, h, h.subarray(0, 1)]), 'buffer');
    }
  });
  process.stdout.write(`profile of the audit verification, ${anzahl.toLocaleString('en')} events, 2 runs, the faster one\n\n| stage | ms | µs per event |\n|---|---|---|\n`);
  for (const [n, ms] of zeilen) process.stdout.write(`| ${n} | ${ms.toFixed(0)} | ${((ms * 1000) / anzahl).toFixed(2)} |\n`);
} finally {
  await infra.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
