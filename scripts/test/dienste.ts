// All four domain services, built once per test file with their own config schemas.
import aktenApp from '@eakte/akten';
import aussonderungApp, { aussonderungConfigSchema } from '@eakte/aussonderung';
import dokumenteApp, { dokumenteConfigSchema } from '@eakte/dokumente';
import { createServer, loadConfig, serviceConfigSchema } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { inject } from 'vitest';

export const DIENSTE: Record<string, { plugin: FastifyPluginAsync<never>; schema: Parameters<typeof loadConfig>[0] }> = {
  akten: { plugin: aktenApp as never, schema: serviceConfigSchema },
  dokumente: { plugin: dokumenteApp as never, schema: serviceConfigSchema.merge(dokumenteConfigSchema) },
  aussonderung: { plugin: aussonderungApp as never, schema: serviceConfigSchema.merge(aussonderungConfigSchema) },
  protokoll: { plugin: protokollApp as never, schema: protokollConfigSchema },
};

/** Builds every service (not listening); close them with `schliesseDienste`. */
export async function alleDienste(overrides: Record<string, string> = {}): Promise<Record<string, FastifyInstance>> {
  const apps: Record<string, FastifyInstance> = {};
  for (const [name, { plugin, schema }] of Object.entries(DIENSTE)) {
    const app = createServer({ logLevel: 'silent' });
    await app.register(plugin, { config: loadConfig(schema, { ...inject('env'), LOG_LEVEL: 'silent', ...overrides }) } as never);
    await app.ready();
    apps[name] = app;
  }
  return apps;
}

export async function schliesseDienste(apps: Record<string, FastifyInstance>) {
  for (const app of Object.values(apps)) await app.close();
}
