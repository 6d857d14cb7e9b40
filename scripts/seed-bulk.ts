// pnpm exec tsx scripts/seed-bulk.ts [--tenant demo] [--akten 100000] [--einheiten 5000] [--dokumente 1000000] [--messen]
// Bulk test data for latency measurements, written with COPY (not through the API): an Aktenplan
// of ~5,000 units, 100,000 Akten and about as many Vorgänge in one tenant, and with --dokumente that
// many Dokumente with extracted German full text. With --messen it then
// measures the Aktenplan tree, a list page (first and deep), and searches through the Akten
// service in-process (auth, validation, serialisation included) and prints median/p95.
//
// Database: DATABASE_OWNER_URL (+ for --messen the Akten role's DATABASE_URL_AKTEN, else DATABASE_URL,
// as the service takes it: docs/betrieb.md#database-roles); without DATABASE_OWNER_URL the embedded
// database in DATA_DIR (default .data) is started. Do not run it beside `pnpm start` on the same DATA_DIR.

import path from 'node:path';
import { parseArgs } from 'node:util';
import aktenApp from '@eakte/akten';
import { createServer, datenbankUrlFuer, devIssuerRoutes, encodeCursor, loadConfig, loadOrCreateDevKey, serviceConfigSchema, signDevToken } from '@eakte/platform';
import pg from 'pg';
import { ANFRAGEN } from './bench/suche.js';
import { bulkSeeden, dokumenteSeeden } from './lib/bulk.js';
import { root } from './lib/generated.js';
import { startInfrastructure, type Infrastructure } from './lib/stack.js';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string', default: 'demo' },
    akten: { type: 'string', default: '100000' },
    einheiten: { type: 'string', default: '5000' },
    dokumente: { type: 'string', default: '0' },
    messen: { type: 'boolean', default: false },
    'nur-messen': { type: 'boolean', default: false },
  },
});
const anzahlAkten = Number(values.akten);
const anzahlEinheiten = Number(values.einheiten);
const out = (s: string) => process.stdout.write(`${s}\n`);

async function messen(env: Record<string, string>, slug: string) {
  const key = await loadOrCreateDevKey(path.join(process.env.DATA_DIR || path.join(root, '.data'), 'dev-issuer'));
  const issuerServer = createServer({ logLevel: 'silent' });
  let issuer = '';
  await issuerServer.register(devIssuerRoutes, { prefix: '/dev-issuer', key, issuer: () => issuer });
  issuer = `${await issuerServer.listen({ host: '127.0.0.1', port: 0 })}/dev-issuer`;
  const config = loadConfig(serviceConfigSchema, { ...process.env, ...env, OIDC_ISSUER: issuer, LOG_LEVEL: 'silent' });
  const app = createServer({ logLevel: 'silent' });
  await app.register(aktenApp, { config });
  await app.ready();
  const token = await signDevToken(key, { issuer, audience: 'eakte', sub: `${slug}-sachbearbeitung`, mandant: slug, rollen: ['sachbearbeitung'], ttlSeconds: 3600 });
  const headers = { authorization: `Bearer ${token}` };
  const zeiten = async (name: string, url: string, n = 20) => {
    const ms: number[] = [];
    let info = '';
    for (let i = 0; i < n + 2; i++) {
      const t = process.hrtime.bigint();
      const res = await app.inject({ method: 'GET', url, headers });
      const d = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i >= 2) ms.push(d); // two warm-up requests
      const body = res.json() as { items?: unknown[]; einheiten?: unknown[] };
      info = `${(body.items ?? body.einheiten ?? []).length} items, ${res.body.length} bytes`;
    }
    ms.sort((a, b) => a - b);
    out(`${name.padEnd(44)} median ${ms[Math.floor(n / 2)]!.toFixed(1).padStart(7)} ms   p95 ${ms[Math.ceil(n * 0.95) - 1]!.toFixed(1).padStart(7)} ms   (${info})`);
    return ms;
  };
  try {
    await zeiten('GET /aktenplan (whole tree)', '/api/v1/aktenplan');
    await zeiten('GET /akten?limit=50 (page 1, by Aktenzeichen)', '/api/v1/akten?limit=50');
    await zeiten('GET /akten?limit=50 (deep page, by Aktenzeichen)', `/api/v1/akten?limit=50&cursor=${encodeCursor({ az: 'B60' })}`);
    await zeiten('GET /akten?limit=50&sortierung=geaendert (page 1)', '/api/v1/akten?limit=50&sortierung=geaendert');
    await zeiten('GET /akten?limit=50&status=offen&betreff=strassenbau', '/api/v1/akten?limit=50&status=offen&betreff=strassenbau');
    await zeiten('GET /suche?q=Strassenbau Musterstadt', `/api/v1/suche?q=${encodeURIComponent('Strassenbau Musterstadt')}`);
    await zeiten('GET /suche?q=Genehmigungen', '/api/v1/suche?q=Genehmigungen');
    await zeiten('GET /suche?q=Wndkraftanlage (typo)', '/api/v1/suche?q=Wndkraftanlage');
    await zeiten('GET /suche?q=B7.12- (Aktenzeichen prefix)', `/api/v1/suche?q=${encodeURIComponent('B7.12-')}`);
    // the bench's 20 queries, each 5 times: the per-query medians and p50/p95 over all of them
    const alle: number[] = [];
    for (const q of ANFRAGEN) alle.push(...(await zeiten(`GET /suche?q=${q}`, `/api/v1/suche?q=${encodeURIComponent(q)}`, 5)));
    alle.sort((a, b) => a - b);
    out(`GET /suche, ${ANFRAGEN.length} bench queries: p50 ${alle[Math.floor(alle.length / 2)]!.toFixed(1)} ms, p95 ${alle[Math.ceil(alle.length * 0.95) - 1]!.toFixed(1)} ms`);
  } finally {
    await app.close();
    await issuerServer.close();
  }
}

let infra: Infrastructure | undefined;
try {
  let ownerUrl = process.env.DATABASE_OWNER_URL;
  let env: Record<string, string> = {};
  if (!ownerUrl) {
    infra = await startInfrastructure({ dataDir: process.env.DATA_DIR || path.join(root, '.data'), env: process.env, seed: true, log: () => {} });
    ownerUrl = infra.ownerUrl;
    env = infra.env;
  } else {
    // the Akten role's URL is checked now, not after an hour of seeding
    if (values.messen || values['nur-messen']) datenbankUrlFuer(loadConfig(serviceConfigSchema.pick({ DATABASE_URL: true, DATABASE_URL_AKTEN: true })), 'akten');
    env = { S3_ENDPOINT: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:9', S3_ACCESS_KEY: process.env.S3_ACCESS_KEY ?? 'x', S3_SECRET_KEY: process.env.S3_SECRET_KEY ?? 'x' };
  }
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const m = await owner.query<{ id: string }>('SELECT id FROM plattform.mandant WHERE slug = $1', [values.tenant]);
  await owner.end();
  if (!m.rows[0]) throw new Error(`unknown tenant ${values.tenant}`);
  if (!values['nur-messen']) {
    await bulkSeeden(ownerUrl, m.rows[0].id, { akten: anzahlAkten, einheiten: anzahlEinheiten, log: out });
    if (Number(values.dokumente) > 0) await dokumenteSeeden(ownerUrl, m.rows[0].id, { dokumente: Number(values.dokumente), log: out });
  }
  if (values.messen || values['nur-messen']) await messen(env, values.tenant!);
} finally {
  await infra?.stop();
}
