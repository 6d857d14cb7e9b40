// pnpm exec tsx scripts/seed-bulk.ts [--tenant demo] [--akten 100000] [--einheiten 5000] [--messen]
// Bulk test data for latency measurements, written with COPY (not through the API): an Aktenplan
// of ~5,000 units, 100,000 Akten and about as many Vorgänge in one tenant. With --messen it then
// measures the Aktenplan tree, a list page (first and deep), and searches through the Akten
// service in-process (auth, validation, serialisation included) and prints median/p95.
//
// Database: DATABASE_OWNER_URL (+ DATABASE_URL of the application role for --messen); without
// them the embedded database in DATA_DIR (default .data) is started. Do not run it beside
// `pnpm start` on the same DATA_DIR.

import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import aktenApp from '@eakte/akten';
import { createServer, devIssuerRoutes, loadConfig, loadOrCreateDevKey, serviceConfigSchema, signDevToken } from '@eakte/platform';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidv7 } from 'uuid';
import { root } from './lib/generated.js';
import { startInfrastructure, type Infrastructure } from './lib/stack.js';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string', default: 'demo' },
    akten: { type: 'string', default: '100000' },
    einheiten: { type: 'string', default: '5000' },
    messen: { type: 'boolean', default: false },
    'nur-messen': { type: 'boolean', default: false },
  },
});
const anzahlAkten = Number(values.akten);
const anzahlEinheiten = Number(values.einheiten);
const out = (s: string) => process.stdout.write(`${s}\n`);

// ---- deterministic pseudo-random data ----------------------------------------------------
let seed = 20260301;
const zufall = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const wahl = <T>(xs: readonly T[]): T => xs[Math.floor(zufall() * xs.length)]!;
const THEMEN = [
  'Straßenbau', 'Genehmigung', 'Bauantrag', 'Zulassung der Ärzte', 'Windkraftanlage', 'Gewässerunterhaltung', 'Kindertagesstätte',
  'Schulentwicklungsplanung', 'Bebauungsplan', 'Förderantrag', 'Widerspruchsverfahren', 'Gewerbeanmeldung', 'Brandschutz', 'Denkmalschutz',
  'Abwasserbeseitigung', 'Personalangelegenheiten', 'Haushaltsplanung', 'Vergabeverfahren', 'Immissionsschutz', 'Baumfällung',
] as const;
const ORTE = ['Musterstadt', 'Nordhöhe', 'Südfeld', 'Am Großen Weg', 'Lindenallee', 'Mühlbach', 'Ölmühle', 'Außenbereich', 'Hauptstraße', 'Schloßpark'] as const;
const esc = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
const zeile = (felder: (string | number | null)[]) => `${felder.map((f) => (f === null ? '\\N' : esc(String(f)))).join('\t')}\n`;

function* einheitenZeilen(mandantId: string, ids: { id: string; kz: string }[]) {
  const wurzeln = Math.max(1, Math.round(Math.sqrt(anzahlEinheiten / 2)));
  const kinder = Math.max(1, Math.ceil(anzahlEinheiten / wurzeln) - 1);
  for (let w = 1; w <= wurzeln; w++) {
    const wid = uuidv7();
    yield zeile([wid, mandantId, null, `B${w}`, `${wahl(THEMEN)} (Gruppe ${w})`, null, null]);
    for (let k = 1; k <= kinder && ids.length < anzahlEinheiten; k++) {
      const id = uuidv7();
      ids.push({ id, kz: `B${w}.${k}` });
      yield zeile([id, mandantId, wid, `B${w}.${k}`, `${wahl(THEMEN)} ${k}`, wahl([5, 10, 30, null]), wahl(['A', 'B', 'V'])]);
    }
  }
}

function* aktenZeilen(mandantId: string, einheiten: { id: string; kz: string }[], vorgaenge: string[]) {
  const zaehler = new Map<string, number>();
  for (let i = 0; i < anzahlAkten; i++) {
    const e = einheiten[Math.floor(zufall() * einheiten.length)]!;
    const jahr = 2015 + Math.floor(zufall() * 12);
    const key = `${e.id}/${jahr}`;
    const nr = (zaehler.get(key) ?? 0) + 1;
    zaehler.set(key, nr);
    const az = `${e.kz}-${String(nr).padStart(4, '0')}/${jahr}`;
    const beginn = `${jahr}-${String(1 + Math.floor(zufall() * 12)).padStart(2, '0')}-${String(1 + Math.floor(zufall() * 28)).padStart(2, '0')}`;
    const geschlossen = jahr < 2024 && zufall() < 0.6;
    const zda = geschlossen ? `${jahr + 1}-06-30` : null;
    const id = uuidv7();
    const anzahlV = Math.floor(zufall() * 3);
    for (let v = 1; v <= anzahlV; v++) {
      vorgaenge.push(zeile([uuidv7(), mandantId, id, v, `${az}-${String(v).padStart(3, '0')}`, `${wahl(THEMEN)} – ${wahl(['Anhörung', 'Stellungnahme', 'Bescheid', 'Nachforderung'])}`,
        geschlossen ? 'geschlossen' : 'offen', zda, geschlossen ? null : `2026-${String(1 + Math.floor(zufall() * 12)).padStart(2, '0')}-15`]));
    }
    yield zeile([id, mandantId, e.id, az, nr, jahr, `${wahl(THEMEN)} ${wahl(ORTE)} ${i}`, zufall() < 0.05 ? '002' : '003', geschlossen ? 'geschlossen' : 'offen', zda, beginn, zda, anzahlV]);
  }
}

async function copy(client: pg.PoolClient | pg.Client, sql: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows), client.query(copyFrom(sql)));
}

async function seeden(ownerUrl: string, mandantId: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const t0 = Date.now();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.mandant', $1, true)`, [mandantId]);
    // COPY into temporary tables (COPY FROM cannot write tables under row-level security), then
    // move the rows with INSERT … SELECT, which the tenant policy checks.
    await client.query(`CREATE TEMP TABLE bulk_einheit (id uuid, mandant_id uuid, parent_id uuid, kennzeichen text, titel text, frist int, art text) ON COMMIT DROP`);
    await client.query(`CREATE TEMP TABLE bulk_akte (id uuid, mandant_id uuid, einheit uuid, az text, nr int, jahr int, betreff text, stufe text, status text, zda date, beginn date, ende date, vnr int) ON COMMIT DROP`);
    await client.query(`CREATE TEMP TABLE bulk_vorgang (id uuid, mandant_id uuid, akte_id uuid, nr int, kennzeichen text, betreff text, status text, zda date, wv date) ON COMMIT DROP`);
    const einheiten: { id: string; kz: string }[] = [];
    await copy(client, 'COPY bulk_einheit FROM STDIN', einheitenZeilen(mandantId, einheiten));
    const vorgaenge: string[] = [];
    await copy(client, 'COPY bulk_akte FROM STDIN', aktenZeilen(mandantId, einheiten, vorgaenge));
    await copy(client, 'COPY bulk_vorgang FROM STDIN', vorgaenge);
    out(`COPY: ${einheiten.length} units, ${anzahlAkten} Akten, ${vorgaenge.length} Vorgänge in ${Date.now() - t0} ms`);
    await client.query(`INSERT INTO akten.aktenplaneinheit (id, mandant_id, parent_id, kennzeichen, titel, aufbewahrungsfrist, aussonderungsart)
                        SELECT id, mandant_id, parent_id, kennzeichen, titel, frist, art FROM bulk_einheit ORDER BY parent_id NULLS FIRST`);
    await client.query(`INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, vertraulichkeitsstufe, status, zda_datum,
                          laufzeit_beginn, laufzeit_ende, letzte_vorgang_nummer, erstellt_von)
                        SELECT id, mandant_id, einheit, az, nr, jahr, betreff, stufe, status, zda, beginn, ende, vnr, 'seed-bulk' FROM bulk_akte`);
    await client.query(`INSERT INTO akten.vorgang (id, mandant_id, akte_id, laufende_nummer, kennzeichen, betreff, status, zda_datum, wiedervorlage, erstellt_von)
                        SELECT id, mandant_id, akte_id, nr, kennzeichen, betreff, status, zda, wv, 'seed-bulk' FROM bulk_vorgang`);
    // the counters must know the numbers handed out, so new Akten continue after them
    await client.query(`INSERT INTO akten.aktenzeichen_zaehler (mandant_id, aktenplaneinheit_id, jahr, letzte_nummer)
                        SELECT mandant_id, einheit, jahr, max(nr) FROM bulk_akte GROUP BY 1, 2, 3
                        ON CONFLICT (mandant_id, aktenplaneinheit_id, jahr) DO UPDATE SET letzte_nummer = greatest(akten.aktenzeichen_zaehler.letzte_nummer, excluded.letzte_nummer)`);
    await client.query('COMMIT');
    out(`inserted and committed in ${Date.now() - t0} ms`);
    await client.query('ANALYZE akten.aktenplaneinheit, akten.akte, akten.vorgang, akten.aktenzeichen_zaehler');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

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
    out(`${name.padEnd(44)} median ${ms[Math.floor(n / 2)]!.toFixed(1).padStart(7)} ms   p95 ${ms[Math.floor(n * 0.95) - 1]!.toFixed(1).padStart(7)} ms   (${info})`);
  };
  const cursor = (werte: unknown[]) => Buffer.from(JSON.stringify(werte)).toString('base64url');
  try {
    await zeiten('GET /aktenplan (whole tree)', '/api/v1/aktenplan');
    await zeiten('GET /akten?limit=50 (page 1, by Aktenzeichen)', '/api/v1/akten?limit=50');
    await zeiten('GET /akten?limit=50 (deep page, by Aktenzeichen)', `/api/v1/akten?limit=50&cursor=${cursor(['aktenzeichen', 'B60'])}`);
    await zeiten('GET /akten?limit=50&sortierung=geaendert (page 1)', '/api/v1/akten?limit=50&sortierung=geaendert');
    await zeiten('GET /akten?limit=50&status=offen&betreff=strassenbau', '/api/v1/akten?limit=50&status=offen&betreff=strassenbau');
    await zeiten('GET /suche?q=Strassenbau Musterstadt', `/api/v1/suche?q=${encodeURIComponent('Strassenbau Musterstadt')}`);
    await zeiten('GET /suche?q=Genehmigungen', '/api/v1/suche?q=Genehmigungen');
    await zeiten('GET /suche?q=Wndkraftanlage (typo)', '/api/v1/suche?q=Wndkraftanlage');
    await zeiten('GET /suche?q=B7.12- (Aktenzeichen prefix)', `/api/v1/suche?q=${encodeURIComponent('B7.12-')}`);
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
    env = { DATABASE_URL: process.env.DATABASE_URL ?? '', S3_ENDPOINT: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:9', S3_ACCESS_KEY: process.env.S3_ACCESS_KEY ?? 'x', S3_SECRET_KEY: process.env.S3_SECRET_KEY ?? 'x' };
  }
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const m = await owner.query<{ id: string }>('SELECT id FROM plattform.mandant WHERE slug = $1', [values.tenant]);
  await owner.end();
  if (!m.rows[0]) throw new Error(`unknown tenant ${values.tenant}`);
  if (!values['nur-messen']) await seeden(ownerUrl, m.rows[0].id);
  if (values.messen || values['nur-messen']) await messen(env, values.tenant!);
} finally {
  await infra?.stop();
}
