// Runs the whole platform in one process: infrastructure (embedded or external), the four
// services on free loopback ports and the gateway in front. Used by `pnpm start` and the benchmarks.
import path from 'node:path';
import aktenApp, { aktenConfigSchema } from '@eakte/akten';
import aussonderungApp, { aussonderungConfigSchema } from '@eakte/aussonderung';
import dokumenteApp, { dokumenteConfigSchema } from '@eakte/dokumente';
import gatewayApp, { gatewayConfigSchema } from '@eakte/gateway';
import { createServer, serverOptionen, loadConfig, loadOrCreateDevKey, serviceConfigSchema } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync } from 'fastify';
import { freePort } from '@eakte/embedded';
import { ROLLEN } from '@eakte/platform';
import { clientPfade, webBauen, webRoot } from '@eakte/web';
import { DEMO_MANDANTEN } from './demo.js';
import { startInfrastructure, type Infrastructure } from './stack.js';

export interface PlatformOptions {
  dataDir: string;
  host: string;
  port: number;
  env: Record<string, string | undefined>;
  log: FastifyBaseLogger;
  logLevel: string;
  pretty: boolean;
  seed: boolean;
  devIssuer: boolean;
  fast?: boolean;
  /** Continuous WAL archiving of the embedded database (see stack.ts). */
  walArchiv?: string;
  /** Serve the web client at / (built first when missing or stale). */
  web?: boolean;
}

/** The seeded demo users (one per tenant and role), offered on the development issuer's login page. */
export function demoBenutzer() {
  return [
    ...DEMO_MANDANTEN.flatMap((m) =>
      ROLLEN.filter((r) => r !== 'plattformbetrieb' && r !== 'fachverfahren').map((rolle) => ({
        sub: `${m.slug}-${rolle}`,
        name: `Demo ${rolle}`,
        mandant: m.slug,
        mandantName: m.name,
        rollen: [rolle],
      })),
    ),
    // the second person for the four-eyes approval of a destruction
    ...DEMO_MANDANTEN.map((m) => ({ sub: `${m.slug}-registratur-2`, name: 'Demo registratur 2', mandant: m.slug, mandantName: m.name, rollen: ['registratur'] })),
    { sub: 'plattform-plattformbetrieb', name: 'Demo plattformbetrieb', rollen: ['plattformbetrieb'] },
  ];
}

export interface Platform {
  url: string;
  infra: Infrastructure;
  devIssuer?: { issuer: string; key: Awaited<ReturnType<typeof loadOrCreateDevKey>> };
  services: Record<string, FastifyInstance>;
  stop(): Promise<void>;
}

export async function startPlatform(opts: PlatformOptions): Promise<Platform> {
  const infra = await startInfrastructure({ dataDir: opts.dataDir, env: opts.env, seed: opts.seed, fast: opts.fast, walArchiv: opts.walArchiv, log: (m) => opts.log.info(m) });
  const started: FastifyInstance[] = [];
  const stop = async () => {
    for (const app of [...started].reverse()) await app.close().catch(() => {});
    await infra.stop();
  };
  try {
    // the issuer URL names the port, so a free one is chosen up front
    const port = opts.port === 0 ? await freePort() : opts.port;
    const publicUrl = `http://${opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host}:${port}`;
    const devIssuer = opts.devIssuer ? { key: await loadOrCreateDevKey(path.join(opts.dataDir, 'dev-issuer')), issuer: `${publicUrl}/dev-issuer`, benutzer: demoBenutzer() } : undefined;
    const serviceEnv = {
      ...opts.env,
      ...infra.env,
      LOG_LEVEL: opts.logLevel,
      HOST: '127.0.0.1',
      PORT: '0',
      // behind the gateway every client has the gateway's address: the gateway applies the limits
      RATE_LIMIT_MAX: '0',
      ...(devIssuer ? { OIDC_ISSUER: devIssuer.issuer } : {}),
    };
    const services: Record<string, FastifyInstance> = {};
    const startService = async (name: string, plugin: FastifyPluginAsync<never>, schema: Parameters<typeof loadConfig>[0] = serviceConfigSchema) => {
      const config = loadConfig(schema, serviceEnv);
      const app = createServer(serverOptionen(config, opts.pretty));
      await app.register(plugin, { config } as never);
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      started.push(app);
      services[name] = app;
      opts.log.info(`${name} service on ${address}`);
      return address;
    };
    const urls = {
      AKTEN_URL: await startService('akten', aktenApp as never, serviceConfigSchema.merge(aktenConfigSchema)),
      DOKUMENTE_URL: await startService('dokumente', dokumenteApp as never, serviceConfigSchema.merge(dokumenteConfigSchema)),
      AUSSONDERUNG_URL: await startService('aussonderung', aussonderungApp as never, serviceConfigSchema.merge(aussonderungConfigSchema)),
      PROTOKOLL_URL: await startService('protokoll', protokollApp as never, protokollConfigSchema),
    };
    const gatewayConfig = loadConfig(gatewayConfigSchema, { ...opts.env, LOG_LEVEL: opts.logLevel, ...urls, PORT: String(port), HOST: opts.host });
    const gateway = createServer(serverOptionen(gatewayConfig, opts.pretty));
    if (opts.web) await webBauen({ log: (m) => opts.log.info(m) });
    await gateway.register(gatewayApp, { config: gatewayConfig, devIssuer, web: opts.web ? { root: webRoot, pfade: clientPfade } : undefined });
    await gateway.listen({ host: gatewayConfig.HOST, port: gatewayConfig.PORT });
    started.push(gateway);
    return { url: publicUrl, infra, devIssuer, services, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
