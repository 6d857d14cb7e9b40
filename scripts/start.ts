// pnpm start: the whole platform on embedded defaults (or external services by configuration),
// all services in one process behind the gateway. Ctrl-C stops everything.
import path from 'node:path';
import aktenApp from '@eakte/akten';
import aussonderungApp from '@eakte/aussonderung';
import dokumenteApp from '@eakte/dokumente';
import gatewayApp, { gatewayConfigSchema } from '@eakte/gateway';
import { createServer, loadConfig, loadOrCreateDevKey, serviceConfigSchema } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { root } from './lib/generated.js';
import { startInfrastructure } from './lib/stack.js';

const startConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default(path.join(root, '.data')),
    DEV_ISSUER: z.enum(['true', 'false']).optional(),
    SEED_DEMO: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.string().default('info'),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)));

const pretty = process.stdout.isTTY;
const log = createServer({ logLevel: startConfig.LOG_LEVEL, pretty }).log;
const embeddedDb = !process.env.DATABASE_URL;

const infra = await startInfrastructure({
  dataDir: startConfig.DATA_DIR,
  env: process.env,
  seed: startConfig.SEED_DEMO ? startConfig.SEED_DEMO === 'true' : embeddedDb,
  log: (m) => log.info(m),
});

// The development issuer runs on the embedded default, or when explicitly enabled.
const devIssuerOn = startConfig.DEV_ISSUER ? startConfig.DEV_ISSUER === 'true' : embeddedDb;
const publicUrl = `http://${startConfig.HOST === '0.0.0.0' ? '127.0.0.1' : startConfig.HOST}:${startConfig.PORT}`;
const devIssuer = devIssuerOn
  ? { key: await loadOrCreateDevKey(path.join(startConfig.DATA_DIR, 'dev-issuer')), issuer: `${publicUrl}/dev-issuer` }
  : undefined;

const serviceEnv = {
  ...process.env,
  ...infra.env,
  HOST: '127.0.0.1',
  PORT: '0',
  ...(devIssuer ? { OIDC_ISSUER: devIssuer.issuer } : {}),
};

const started: FastifyInstance[] = [];
async function startService(name: string, plugin: FastifyPluginAsync<never>, configSchema: Parameters<typeof loadConfig>[0] = serviceConfigSchema): Promise<string> {
  const config = loadConfig(configSchema, serviceEnv);
  const app = createServer({ logLevel: config.LOG_LEVEL, bodyLimit: config.BODY_LIMIT, pretty });
  await app.register(plugin, { config } as never);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  started.push(app);
  log.info(`${name} service on ${address}`);
  return address;
}

let stopping = false;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  log.info('stopping');
  for (const app of started.reverse()) await app.close().catch(() => {});
  await infra.stop();
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const urls = {
    AKTEN_URL: await startService('akten', aktenApp as never),
    DOKUMENTE_URL: await startService('dokumente', dokumenteApp as never),
    AUSSONDERUNG_URL: await startService('aussonderung', aussonderungApp as never),
    PROTOKOLL_URL: await startService('protokoll', protokollApp as never, protokollConfigSchema),
  };
  const gatewayConfig = loadConfig(gatewayConfigSchema, { ...process.env, ...urls, PORT: String(startConfig.PORT), HOST: startConfig.HOST });
  const gateway = createServer({ logLevel: gatewayConfig.LOG_LEVEL, bodyLimit: gatewayConfig.BODY_LIMIT, pretty });
  await gateway.register(gatewayApp, { config: gatewayConfig, devIssuer });
  await gateway.listen({ host: gatewayConfig.HOST, port: gatewayConfig.PORT });
  started.push(gateway);
  log.info(`E-Akte is running on ${publicUrl}  (API docs: ${publicUrl}/docs, health: ${publicUrl}/health)`);
  if (devIssuer) log.info('get a token: TOKEN=$(pnpm --silent run token --tenant demo --role sachbearbeitung)');
} catch (err) {
  log.error({ err }, 'start failed');
  await stopAll(1);
}
