// pnpm bench [--quick | --scale] [--only NAME] [--fall TEXT] [--ereignisse N,M]: starts the platform on embedded services in a
// temp dir, runs the benchmarks, prints a table per benchmark and writes scripts/bench/results/NAME.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, schema } from '@eakte/db';
import { createServer, signDevToken } from '@eakte/platform';
import { root } from '../lib/generated.js';
import { startPlatform } from '../lib/platform.js';
import { tabelle, type Groesse, type Zeile } from './lib.js';
import * as audit from './audit.js';
import * as auftraege from './auftraege.js';
import * as faellig from './faellig.js';
import * as ingest from './ingest.js';
import * as lesen from './lesen.js';
import * as loeschsperre from './loeschsperre.js';
import * as metadaten from './metadaten.js';
import * as ocr from './ocr.js';
import * as postkorb from './postkorb.js';
import * as suche from './suche.js';
import * as upload from './upload.js';

export interface BenchKontext {
  url: string;
  groesse: Groesse;
  runs: number;
  /** the Akten role's URL (each service has its own role: docs/datenbank-api.md) */
  appUrl: string;
  /** the Dokumente role's URL, for the workloads of that service */
  dokumenteUrl: string;
  ownerUrl: string;
  env: Record<string, string>;
  /** the platform's development issuer (for services started in a child process) */
  issuer: string;
  /** scratch space inside the run's temp dir */
  dataDir: string;
  mandanten: Record<string, string>;
  /** audit chain lengths to verify (`--ereignisse 1000000,10000000`); default by size */
  ereignisse?: number[];
  /** only the cases whose name contains this (`--fall append`), where a benchmark supports it */
  fall?: string;
  token(tenant: string, roles: string[]): Promise<string>;
}

const BENCHMARKS: { name: string; run: (ctx: BenchKontext) => Promise<Zeile[]> }[] = [metadaten, ingest, audit, upload, lesen, suche, faellig, loeschsperre, auftraege, postkorb, ocr];

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, scale: { type: 'boolean' }, only: { type: 'string' }, fall: { type: 'string' }, ereignisse: { type: 'string' } } });
const groesse: Groesse = values.quick ? 'quick' : values.scale ? 'scale' : 'default';
const log = createServer({ logLevel: 'error' }).log;
const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-bench-'));
// The gateway's rate limit would throttle the load loops; the text extraction worker would compete
// for the two cores at random moments (it is asynchronous and not part of any measured request).
// PROTOKOLL_PRUEFUNG_* from the environment compare the verification's settings (one pass: PARALLEL_AB above the size)
const pruefungEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('PROTOKOLL_PRUEFUNG_')));
const BENCH_ENV = () => ({
  ...pruefungEnv,
  RATE_LIMIT_MAX: '0',
  DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '0',
  DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: '0',
  DOKUMENTE_SPOOL_DIR: path.join(dataDir, 'spool'),
});
const platform = await startPlatform({ dataDir, host: '127.0.0.1', port: 0, env: BENCH_ENV(), log, logLevel: 'error', pretty: false, seed: true, devIssuer: true });
const out = path.join(root, 'scripts/bench/results');
mkdirSync(out, { recursive: true });
try {
  const db = createDb(platform.infra.ownerUrl, { max: 1 });
  // big uploads (2 GiB with --scale) need a larger limit than the default 512 MiB
  await db.pool.query(`UPDATE plattform.mandant SET einstellungen = einstellungen || '{"maxUploadGroesse": 4294967296}'::jsonb WHERE slug = 'demo'`);
  const mandanten = Object.fromEntries((await db.db.select().from(schema.mandant)).map((m) => [m.slug, m.id]));
  await db.close();
  const ctx: BenchKontext = {
    url: platform.url,
    groesse,
    runs: groesse === 'quick' ? 1 : 3,
    appUrl: platform.infra.env.DATABASE_URL_AKTEN ?? platform.infra.env.DATABASE_URL!,
    dokumenteUrl: platform.infra.env.DATABASE_URL_DOKUMENTE ?? platform.infra.env.DATABASE_URL!,
    ownerUrl: platform.infra.ownerUrl,
    env: { ...platform.infra.env, ...BENCH_ENV() },
    issuer: platform.devIssuer!.issuer,
    dataDir,
    mandanten,
    fall: values.fall,
    ereignisse: values.ereignisse
      ?.split(',')
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0),
    token: (tenant, roles) =>
      signDevToken(platform.devIssuer!.key, { issuer: platform.devIssuer!.issuer, audience: 'eakte', sub: `bench-${roles[0]}`, mandant: tenant, rollen: roles, ttlSeconds: 3600 }),
  };
  process.stdout.write(`E-Akte benchmarks (${groesse}) on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n\n`);
  const gewaehlt = values.only?.split(',');
  for (const b of BENCHMARKS.filter((x) => !gewaehlt || gewaehlt.includes(x.name))) {
    const t0 = Date.now();
    const zeilen = await b.run(ctx);
    process.stderr.write(`${b.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    process.stdout.write(`${tabelle(b.name, zeilen)}\n`);
    writeFileSync(path.join(out, `${b.name}.json`), JSON.stringify({ name: b.name, groesse, zeit: new Date().toISOString(), zeilen }, null, 2));
  }
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
// the figures are written: a handle some library left open (a pool's timer, a worker) must not keep the run alive
process.exit(process.exitCode ?? 0);
