// pnpm start: the whole platform on embedded defaults (or external services by configuration),
// all services in one process behind the gateway. Ctrl-C stops everything.
// first: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must start before pg and node:http are loaded
import '@eakte/platform/spuren-start';
import path from 'node:path';
import { createServer } from '@eakte/platform';
import { z } from 'zod';
import { root } from './lib/generated.js';
import { startPlatform } from './lib/platform.js';
import { walArchivVon } from './lib/sicherung.js';

const startConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default(path.join(root, '.data')),
    DEV_ISSUER: z.enum(['true', 'false']).optional(),
    SEED_DEMO: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.string().default('info'),
    // the embedded database archives its WAL for `pnpm backup` / `pnpm restore`; 'off' turns it off
    WAL_ARCHIV: z.string().optional(),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)));

const pretty = process.stdout.isTTY;
const log = createServer({ logLevel: startConfig.LOG_LEVEL, pretty }).log;
// an external database is named by DATABASE_URL or by the services' own DATABASE_URL_<DIENST>
const embeddedDb = !Object.keys(process.env).some((k) => (k === 'DATABASE_URL' || k.startsWith('DATABASE_URL_')) && process.env[k]);

let stopPlatform: (() => Promise<void>) | undefined;
let stopping = false;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  log.info('stopping');
  await stopPlatform?.().catch(() => {});
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const platform = await startPlatform({
    dataDir: startConfig.DATA_DIR,
    host: startConfig.HOST,
    port: startConfig.PORT,
    env: process.env,
    log,
    logLevel: startConfig.LOG_LEVEL,
    pretty,
    // the development issuer and the demo data belong to the embedded default, or are asked for
    seed: startConfig.SEED_DEMO ? startConfig.SEED_DEMO === 'true' : embeddedDb,
    devIssuer: startConfig.DEV_ISSUER ? startConfig.DEV_ISSUER === 'true' : embeddedDb,
    web: true,
    walArchiv: startConfig.WAL_ARCHIV === 'off' ? undefined : (startConfig.WAL_ARCHIV ?? walArchivVon(startConfig.DATA_DIR)),
  });
  stopPlatform = platform.stop;
  if (stopping) await platform.stop();
  log.info(`E-Akte is running on ${platform.url}  (web client: ${platform.url}/, API docs: ${platform.url}/docs, health: ${platform.url}/health)`);
  if (platform.devIssuer) log.info('get a token: TOKEN=$(pnpm --silent run token --tenant demo --role sachbearbeitung)');
} catch (err) {
  log.error({ err }, 'start failed');
  await stopAll(1);
}
