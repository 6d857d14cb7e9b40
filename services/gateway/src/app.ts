// The gateway: one base URL for users. Routes every contract operation to the service that
// owns it (x-eakte-service), serves the contract and the API reference, aggregates health.
import { contract } from '@eakte/api-client/contract';
import {
  devIssuerRoutes,
  Errors,
  errorsPlugin,
  healthPlugin,
  httpConfig,
  logConfig,
  operations,
  schutzConfig,
  schutzPlugin,
  type DevKey,
} from '@eakte/platform';
import replyFrom from '@fastify/reply-from';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export const gatewayConfigSchema = z.object({
  ...logConfig,
  ...httpConfig,
  ...schutzConfig,
  AKTEN_URL: z.string().url(),
  DOKUMENTE_URL: z.string().url(),
  AUSSONDERUNG_URL: z.string().url(),
  PROTOKOLL_URL: z.string().url(),
  /** Upstream request timeout in ms; uploads of large files need long ones. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(15 * 60_000),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export interface GatewayOptions {
  config: GatewayConfig;
  /** Development OIDC issuer, served under /dev-issuer when given. */
  devIssuer?: { key: DevKey; issuer: string };
}

const openApiPathToRoute = (p: string) => p.replace(/\{([^}]+)\}/g, ':$1');

export default async function gatewayApp(app: FastifyInstance, opts: GatewayOptions) {
  const { config } = opts;
  const upstreams: Record<string, string> = {
    akten: config.AKTEN_URL,
    dokumente: config.DOKUMENTE_URL,
    aussonderung: config.AUSSONDERUNG_URL,
    protokoll: config.PROTOKOLL_URL,
  };

  await app.register(errorsPlugin);
  await app.register(schutzPlugin, { rateLimitMax: config.RATE_LIMIT_MAX, rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS });
  await app.register(healthPlugin, { service: 'gateway' });
  for (const [name, url] of Object.entries(upstreams)) {
    app.healthChecks.set(name, async () => {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_500) });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { detail?: string };
        throw new Error(body.detail ?? `HTTP ${res.status}`);
      }
    });
  }

  await app.register(replyFrom, {
    undici: { connections: 128, pipelining: 1, headersTimeout: config.UPSTREAM_TIMEOUT_MS, bodyTimeout: config.UPSTREAM_TIMEOUT_MS },
  });

  await app.register(async (api) => {
    // Bodies pass through untouched as streams: the owning service parses and validates them.
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    for (const op of operations(contract)) {
      const upstream = upstreams[op.service];
      if (!upstream) throw new Error(`operation ${op.operationId} names unknown service ${op.service}`);
      api.route({
        method: op.method.toUpperCase() as 'GET',
        url: `/api/v1${openApiPathToRoute(op.path)}`,
        config: { operationId: op.operationId },
        handler: (req, reply) =>
          reply.from(`${upstream}${req.url}`, {
            onError: (r, { error }) => {
              req.log.warn({ err: error, service: op.service }, 'upstream failed');
              const code = (error as { code?: string }).code ?? '';
              r.send(
                /TIMEOUT/.test(code)
                  ? new Errors.ZeitUeberschreitung(`Der Dienst ${op.service} hat nicht rechtzeitig geantwortet`)
                  : new Errors.DienstNichtVerfuegbar(`Der Dienst ${op.service} ist vorübergehend nicht erreichbar`),
              );
            },
          }),
      });
    }
  });

  app.get('/openapi.json', async () => contract);
  await app.register(swagger, { mode: 'static', specification: { document: contract as never } });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });

  if (opts.devIssuer) {
    app.log.warn('development OIDC issuer is enabled: tokens are signed by a local key; never use this in production');
    await app.register(devIssuerRoutes, { prefix: '/dev-issuer', ...opts.devIssuer });
  }
}
