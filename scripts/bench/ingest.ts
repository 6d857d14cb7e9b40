// Ingest: multipart upload through the gateway (auth, contract, spooling, SHA-256, type
// detection, S3 PUT, row + audit event in one transaction) against a bare client doing the same
// S3 PUT and one PostgreSQL transaction inserting the equivalent rows.
import { createHash, randomUUID } from 'node:crypto';
import { createObjectStore } from '@eakte/storage';
import pg from 'pg';
import { FormData, request } from 'undici';
import { imMandanten } from '../lib/mandant.js';
import type { BenchKontext } from './index.js';
import { akteMitVorgang, KiB, messe, MiB, pdf, vergleiche, type Zeile } from './lib.js';

export const name = 'ingest';

export function objectStore(env: Record<string, string>) {
  return createObjectStore({
    endpoint: env.S3_ENDPOINT!,
    accessKey: env.S3_ACCESS_KEY!,
    secretKey: env.S3_SECRET_KEY!,
    bucket: env.S3_BUCKET || 'eakte',
    region: env.S3_REGION || 'us-east-1',
    pathStyle: env.S3_PATH_STYLE !== 'false',
    emulator: env.S3_EMULATOR === 'true',
  });
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const token = await ctx.token('demo', ['sachbearbeitung']);
  const mandantId = ctx.mandanten.demo!;
  const { vorgangId } = await akteMitVorgang(ctx.url, token, 'Benchmark Posteingang');
  const store = objectStore(ctx.env);
  await store.ensureBucket();
  const pool = new pg.Pool({ connectionString: ctx.dokumenteUrl, max: 8 });
  pool.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  const runs = ctx.groesse === 'quick' ? 1 : 3;
  let zaehler = 0;
  try {
    const zeilen: Zeile[] = [];
    for (const groesse of [100 * KiB, MiB]) {
      const vorlage = pdf(groesse);
      // each upload gets distinct bytes (a counter in the padding), as real documents would
      const datei = () => {
        const b = Buffer.from(vorlage);
        b.write(`%bench ${++zaehler} ${randomUUID()}`, b.length - 60, 'latin1');
        return b;
      };
      for (const parallel of [1, 8]) {
        const n = ctx.groesse === 'quick' ? (parallel === 1 ? 6 : 16) : groesse === MiB ? 40 : 80;
        const subjekt = () =>
          messe(
            async () => {
              const form = new FormData();
              form.set('betreff', 'Antrag auf Genehmigung');
              form.set('datumDesSchreibens', '2026-11-02');
              form.set('datei', new Blob([datei()], { type: 'application/pdf' }), 'antrag.pdf');
              const res = await request(`${ctx.url}/api/v1/vorgaenge/${vorgangId}/dokumente`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
              const text = await res.body.text();
              if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${text.slice(0, 300)}`);
            },
            n,
            parallel,
          );
        const basis = () =>
          messe(
            async () => {
              const b = datei();
              const sha256 = createHash('sha256').update(b).digest('hex');
              const key = `${mandantId}/${randomUUID()}`;
              await store.put(key, b, b.length, 'application/pdf');
              await imMandanten(pool, mandantId, async (client) => {
                const id = randomUUID();
                await client.query(`insert into dokumente.dokument (id, mandant_id, vorgang_id, betreff, datum_des_schreibens, erstellt_von) values ($1, $2, $3, $4, $5, $6)`, [
                  id,
                  mandantId,
                  vorgangId,
                  'Antrag auf Genehmigung',
                  '2026-11-02',
                  'bench',
                ]);
                await client.query(
                  `insert into dokumente.dokument_version (mandant_id, dokument_id, nr, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_von)
                 values ($1, $2, 1, $3, $4, $5, 'application/pdf', 'antrag.pdf', 'bench')`,
                  [mandantId, id, key, b.length, sha256],
                );
              });
            },
            n,
            parallel,
          );
        const z = await vergleiche(`${groesse / KiB} KiB PDF, ${parallel} client${parallel > 1 ? 's' : ''}`, runs, subjekt, basis);
        z.extra = { 'MiB/s': ((z.messung.proSekunde * groesse) / MiB).toFixed(1) };
        zeilen.push(z);
      }
    }
    return zeilen;
  } finally {
    await pool.end();
  }
}
