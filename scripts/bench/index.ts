// pnpm bench [--quick | --scale] [--only NAME]: starts the platform on embedded services in a
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
import * as metadaten from './metadaten.js';

export interface BenchKontext {
  url: string;
  groesse: Groesse;
  runs: number;
  appUrl: string;
  ownerUrl: string;
  env: Record<string, string>;
  mandanten: Record<string, string>;
  token(tenant: string, roles: string[]): Promise<string>;
}

const BENCHMARKS: { name: string; run: (ctx: BenchKontext) => Promise<Zeile[]> }[] = [metadaten];

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, scale: { type: 'boolean' }, only: { type: 'string' } } });
const groesse: Groesse = values.quick ? 'quick' : values.scale ? 'scale' : 'default';
const log = createServer({ logLevel: 'warn' }).log;
const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-bench-'));
const platform = await startPlatform({ dataDir, host: '127.0.0.1', port: 0, env: {}, log, logLevel: 'warn', pretty: false, seed: true, devIssuer: true });
const out = path.join(root, 'scripts/bench/results');
mkdirSync(out, { recursive: true });
try {
  const db = createDb(platform.infra.ownerUrl, { max: 1 });
  const mandanten = Object.fromEntries((await db.db.select().from(schema.mandant)).map((m) => [m.slug, m.id]));
  await db.close();
  const ctx: BenchKontext = {
    url: platform.url,
    groesse,
    runs: groesse === 'quick' ? 1 : 5,
    appUrl: platform.infra.env.DATABASE_URL!,
    ownerUrl: platform.infra.ownerUrl,
    env: platform.infra.env,
    mandanten,
    token: (tenant, roles) =>
      signDevToken(platform.devIssuer!.key, { issuer: platform.devIssuer!.issuer, audience: 'eakte', sub: `bench-${roles[0]}`, mandant: tenant, rollen: roles, ttlSeconds: 3600 }),
  };
  process.stdout.write(`E-Akte benchmarks (${groesse}) on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n\n`);
  for (const b of BENCHMARKS.filter((x) => !values.only || x.name === values.only)) {
    const zeilen = await b.run(ctx);
    process.stdout.write(`${tabelle(b.name, zeilen)}\n`);
    writeFileSync(path.join(out, `${b.name}.json`), JSON.stringify({ name: b.name, groesse, zeit: new Date().toISOString(), zeilen }, null, 2));
  }
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
