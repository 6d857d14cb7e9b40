// Metadata reads through the whole stack (gateway, auth, RLS transaction, serialisation) against
// the same query straight on PostgreSQL.
import pg from 'pg';
import { request } from 'undici';
import { imMandanten } from '../lib/mandant.js';
import type { BenchKontext } from './index.js';
import { messe, vergleiche, type Zeile } from './lib.js';

export const name = 'metadaten';

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const n = ctx.groesse === 'quick' ? 80 : 500;
  const token = await ctx.token('demo', ['sachbearbeitung']);
  const pool = new pg.Pool({ connectionString: ctx.appUrl, max: 8 });
  pool.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  try {
    const subjekt = (parallel: number) => () =>
      messe(
        async () => {
          const res = await request(`${ctx.url}/api/v1/aktenplan`, { headers: { authorization: `Bearer ${token}` } });
          if (res.statusCode !== 200) throw new Error(`GET /aktenplan answered ${res.statusCode}`);
          await res.body.text();
        },
        n,
        parallel,
      );
    const basis = (parallel: number) => () =>
      messe(
        async () => {
          const r = await imMandanten(pool, ctx.mandanten.demo!, (client) => client.query('select * from akten.aktenplaneinheit order by kennzeichen'));
          JSON.stringify(r.rows);
        },
        n,
        parallel,
      );
    return [await vergleiche('GET /aktenplan, 1 client', ctx.runs, subjekt(1), basis(1)), await vergleiche('GET /aktenplan, 8 clients', ctx.runs, subjekt(8), basis(8))];
  } finally {
    await pool.end();
  }
}
