// OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: the SDK with OTLP/HTTP (JSON)
// export, Fastify request spans (@fastify/otel) with the request id, and spans of Postgres (pg), the
// object store (node:http, which the S3 client uses) and the gateway's calls to the services
// (undici, which also carries the trace context onward as `traceparent`).
// Its own entry point (`@eakte/platform/spuren`), free of the database package: the SDK must start
// before `pg` and `node:http` are loaded, or they stay unpatched.
import { createRequire, syncBuiltinESMExports } from 'node:module';
// The SDK is imported only when tracing is on: a process without it loads none of it.
import type { FastifyOtelInstrumentation } from '@fastify/otel';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { ConfigError } from './config.js';

export const spurenConfigSchema = z.object({
  /** Base URL of the OTLP/HTTP receiver (a collector); traces go to `<url>/v1/traces`. Unset = no traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL (OTLP/HTTP)')
    .optional(),
  /** The service name in the traces' resource. */
  OTEL_SERVICE_NAME: z.string().min(1).default('eakte'),
});

let laufend: { sdk: NodeSDK; prozessor: SpanProcessor; fastify: FastifyOtelInstrumentation } | undefined;

/**
 * Starts tracing for this process when configured (once; later calls return the same). Call it before
 * anything imports `pg` or the platform: `import '@eakte/platform/spuren-start'` as a server's first import.
 */
export async function starteSpuren(env: Record<string, string | undefined> = process.env): Promise<boolean> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = spurenConfigSchema.safeParse(cleaned);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const cfg = r.data;
  if (!cfg.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  if (laufend) return true;
  const [{ FastifyOtelInstrumentation }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }, { UndiciInstrumentation }, { NodeSDK }, { BatchSpanProcessor }] = await Promise.all([
    import('@fastify/otel'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-undici'),
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/sdk-trace'),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${cfg.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` });
  const prozessor = new BatchSpanProcessor({ exporter });
  const fastify = new FastifyOtelInstrumentation({
    // request and handler spans; one span per hook would bury the database and storage spans
    instrumentHooks: false,
    ignorePaths: (o: { url: string }) => o.url.startsWith('/health') || o.url === '/metrics',
    requestHook: (span, req) => {
      span.setAttribute('eakte.request_id', req.id);
      const operationId = req.routeOptions.config.operationId;
      if (operationId) span.setAttribute('eakte.operation', operationId);
    },
  });
  const sdk = new NodeSDK({
    serviceName: cfg.OTEL_SERVICE_NAME,
    spanProcessors: [prozessor],
    instrumentations: [
      // incoming requests are Fastify's spans; outgoing ones (S3) are http's
      new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }),
      new UndiciInstrumentation(),
      new PgInstrumentation(),
      fastify,
    ],
  });
  sdk.start();
  // node:http is patched when it is required; the S3 client imports it as an ES module, whose bindings
  // follow the patched functions only once synced
  const require = createRequire(import.meta.url);
  require('node:http');
  require('node:https');
  syncBuiltinESMExports();
  laufend = { sdk, prozessor, fastify };
  return true;
}

/** Whether this process records traces. */
export const spurenAktiv = () => laufend !== undefined;

/** Sends the finished spans now (tests; the shutdown does it too). */
export async function spurenSenden(): Promise<void> {
  await laufend?.prozessor.forceFlush();
}

export async function stoppeSpuren(): Promise<void> {
  const l = laufend;
  laufend = undefined;
  await l?.sdk.shutdown();
}

/** Fastify request spans on this instance, when tracing runs (createServer registers it first). */
export const spurenPlugin = fp(
  async (app: FastifyInstance) => {
    if (laufend) await app.register(laufend.fastify.plugin());
  },
  { name: 'spuren' },
);
