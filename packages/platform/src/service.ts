// Everything a domain service shares: errors, health, database, storage, auth and its
// operations bound from the contract.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { authConfig, authHook, benoetigterScope, createVerifier } from './auth.js';
import { erlaubteRollen } from './berechtigungen.js';
import { databaseConfig, datenbankUrlFuer, httpConfig, logConfig, storageConfig, storageSettings } from './config.js';
import { contractRoutes, type Handlers, type OpenApiDocument, type VertragsHandlers } from './contract.js';
import { errorsPlugin } from './errors.js';
import { healthPlugin } from './health.js';
import { metrikenPlugin } from './metriken.js';
import { schutzConfig, schutzPlugin } from './schutz.js';
import { dbPlugin, storagePlugin } from './plugins.js';
import type { ObjectStore } from '@eakte/storage';

export const serviceConfigSchema = z.object({ ...logConfig, ...httpConfig, ...databaseConfig, ...storageConfig, ...authConfig, ...schutzConfig });
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

export interface ServicePlatformOptions {
  service: string;
  config: ServiceConfig;
  document: OpenApiDocument;
  /** Tests only: this store instead of one built from the configuration (no server implements object lock). */
  storage?: ObjectStore;
  /** Called once the database and storage are registered. */
  handlers: (app: FastifyInstance) => Handlers | VertragsHandlers;
}

const MANDANT_CACHE_MS = 60_000;

export const servicePlatform = fp(
  async (app: FastifyInstance, opts: ServicePlatformOptions) => {
    const { config } = opts;
    await app.register(errorsPlugin);
    await app.register(schutzPlugin, { rateLimitMax: config.RATE_LIMIT_MAX, rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS });
    await app.register(healthPlugin, { service: opts.service });
    // on the service's own port: only the gateway's operations are public, /metrics is not one of them
    await app.register(metrikenPlugin, { service: opts.service, route: true });
    await app.register(dbPlugin, { url: datenbankUrlFuer(config, opts.service), poolMax: config.DATABASE_POOL_MAX, service: opts.service, objektsperre: config.S3_OBJECT_LOCK !== 'off' });
    await app.register(storagePlugin, { ...storageSettings(config), store: opts.storage });

    // Tenants are few and change rarely: cache the slug lookup briefly.
    const cache = new Map<string, { value: { id: string } | null; until: number }>();
    const verify = createVerifier({
      issuer: config.OIDC_ISSUER,
      audience: config.OIDC_AUDIENCE,
      tenantClaim: config.OIDC_TENANT_CLAIM,
      jwksUrl: config.OIDC_JWKS_URL,
      jwksCooldownMs: config.OIDC_JWKS_COOLDOWN_SECONDS * 1000,
      lookupMandant: async (slug) => {
        const hit = cache.get(slug);
        if (hit && hit.until > Date.now()) return hit.value;
        const id = await app.db.mandantIdFuerSlug(slug);
        const value = id ? { id } : null;
        cache.set(slug, { value, until: Date.now() + MANDANT_CACHE_MS });
        return value;
      },
    });

    await app.register(contractRoutes, {
      document: opts.document,
      service: opts.service,
      prefix: '/api/v1',
      handlers: opts.handlers(app),
      // Authenticate before the body is read or validated: strangers learn nothing about the input rules.
      onRequest: (op) => {
        const secured = op.operation.security === undefined || (op.operation.security as unknown[]).length > 0;
        return secured ? authHook(verify, erlaubteRollen(op.operationId), op.operationId, benoetigterScope(op.service, op.method)) : undefined;
      },
    });
  },
  { name: 'service-platform' },
);
