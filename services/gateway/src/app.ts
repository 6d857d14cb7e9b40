// The gateway: one base URL for users. Routes every contract operation to the service that
// owns it (x-eakte-service), serves the contract and the API reference, aggregates health.
import { contract } from '@eakte/api-client/contract';
import {
  CSV_LIMIT,
  devIssuerRoutes,
  Errors,
  errorsPlugin,
  healthPlugin,
  httpConfig,
  langsamSchliessen,
  logConfig,
  metrikenPlugin,
  operations,
  schutzConfig,
  schutzPlugin,
  sendeStrom,
  type DevIssuerOptions,
} from '@eakte/platform';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { PassThrough, type Readable, Stream, Transform } from 'node:stream';
import replyFrom from '@fastify/reply-from';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Agent, type Dispatcher } from 'undici';
import { z } from 'zod';
import { instanzen, instanzListe, wiederholbar, wiederholbarNachAbweisung, type Instanzen } from './instanzen.js';

export const gatewayConfigSchema = z.object({
  ...logConfig,
  ...httpConfig,
  ...schutzConfig,
  /** each service's instances, comma-separated: the gateway takes them in turn (docs/betrieb.md) */
  AKTEN_URL: instanzListe,
  DOKUMENTE_URL: instanzListe,
  AUSSONDERUNG_URL: instanzListe,
  PROTOKOLL_URL: instanzListe,
  /**
   * Largest upload (multipart body) the gateway passes on, in bytes; refused with 413 before it is read.
   * The Dokumente service then applies the tenant's `maxUploadGroesse`, so this caps it.
   */
  UPLOAD_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 ** 3),
  /** Upstream request timeout in ms; uploads of large files need long ones. */
  UPSTREAM_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** Issuer the web client logs in at (Authorization Code + PKCE); the development issuer when it runs. */
  OIDC_ISSUER: z.string().url().optional(),
  /** The web client's public client id at that issuer. */
  OIDC_WEB_CLIENT_ID: z.string().min(1).default('eakte-web'),
  /**
   * The gateway's /metrics listener: its own port on an internal interface, never the public one.
   * Unset = the gateway serves no metrics (the services serve theirs on their own ports).
   */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export interface GatewayOptions {
  config: GatewayConfig;
  /** Development OIDC issuer, served under /dev-issuer when given. */
  devIssuer?: DevIssuerOptions & { issuer: string };
  /** The built web client: its directory and the client-side paths that answer with its index.html. */
  web?: { root: string; pfade: readonly string[] };
}

/**
 * CSP of the web client's document: its own scripts, styles and fonts only (no inline code), API
 * calls to itself and the issuer, PDFs shown from blob: URLs.
 */
export function webCsp(issuer: string | undefined) {
  const issuerOrigin = issuer ? new URL(issuer).origin : undefined;
  const selfAnd = (...extra: (string | undefined)[]) => ["'self'", ...extra.filter((x): x is string => !!x)];
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      fontSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: selfAnd(issuerOrigin),
      frameSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: selfAnd(issuerOrigin),
      frameAncestors: ["'none'"],
    },
  };
}

// Node's server has already answered `Expect: 100-continue` with 100 Continue before the handler
// runs; undici refuses to send the header upstream, so it ends here. A body read whole goes on with
// its Content-Length instead of the client's chunked framing.
const anfrageKopf = (req: object, headers: IncomingHttpHeaders) => {
  const { expect: _expect, ...rest } = headers;
  if (rest['content-length'] !== undefined) delete rest['transfer-encoding'];
  // trace context is the gateway's, never a client's: with tracing on, the services continue the
  // gateway's span, which the HTTP client adds; without it, they start their own
  for (const name of SPURKOEPFE) delete rest[name];
  const marke = randomUUID();
  weiterleitungen.set(req, marke);
  return { ...rest, [WEITERLEITUNG]: marke };
};

/** W3C trace context and baggage: a client could choose the trace its requests land in and put its own entries into our spans and logs. */
const SPURKOEPFE = ['traceparent', 'tracestate', 'baggage'] as const;

// A service response that breaks off after its headers (a failed export, a lost connection) must
// reach the client with every byte the service sent, and then as a broken transfer. undici drops
// what it still buffers when the body fails, so the interceptor ends the body cleanly and marks
// it; the gateway then cuts the client's connection once everything has left.
const WEITERLEITUNG = 'x-eakte-weiterleitung';
const weiterleitungen = new WeakMap<object, string>();
const abgebrochen = new Set<string>();

const abbruchMerken: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
  const kopf = { ...(opts.headers as Record<string, string>) };
  const marke = kopf[WEITERLEITUNG];
  delete kopf[WEITERLEITUNG];
  let begonnen = false;
  return dispatch(
    { ...opts, headers: kopf },
    {
      onRequestStart: (c, ctx) => handler.onRequestStart?.(c, ctx),
      onRequestUpgrade: (c, s, h, sock) => handler.onRequestUpgrade?.(c, s, h, sock),
      onResponseStart: (c, status, h, text) => {
        begonnen = true;
        return handler.onResponseStart?.(c, status, h, text);
      },
      onResponseData: (c, teil) => handler.onResponseData?.(c, teil),
      onResponseEnd: (c, trailer) => handler.onResponseEnd?.(c, trailer),
      onResponseError: (c, err) => {
        if (!begonnen || !marke) return handler.onResponseError?.(c, err);
        abgebrochen.add(marke);
        return handler.onResponseEnd?.(c, {});
      },
    },
  );
};

/** Passes the service's body on; a body that broke off fails after its last byte, so the client's transfer is cut. */
function weiterreichen(req: object, reply: FastifyReply, quelle: Readable) {
  const marke = weiterleitungen.get(req);
  reply.raw.once('close', () => marke && abgebrochen.delete(marke));
  async function* durch() {
    for await (const teil of quelle) yield teil as Buffer;
    if (marke && abgebrochen.delete(marke)) throw new Errors.DienstNichtVerfuegbar('Die Antwort des Dienstes ist abgebrochen');
  }
  return sendeStrom(reply, durch());
}

/**
 * The body limit of one request: uploads (multipart to an operation that takes it) get UPLOAD_LIMIT
 * and are streamed; every other body is read whole first, up to the CSV import's limit or
 * BODY_LIMIT, the limit the services apply to JSON.
 */
function grenzeFuer(operation: Record<string, unknown>, config: GatewayConfig, contentType: string | undefined) {
  const inhalt = Object.keys((operation.requestBody as { content?: object } | undefined)?.content ?? {});
  if (inhalt.includes('multipart/form-data') && /^multipart\/form-data\b/i.test(contentType ?? '')) return { grenze: config.UPLOAD_LIMIT, strom: true };
  if (inhalt.includes('text/csv')) return { grenze: Math.max(CSV_LIMIT, config.BODY_LIMIT), strom: false };
  return { grenze: config.BODY_LIMIT, strom: false };
}

/** Counts the bytes of a streamed (chunked) body and fails the stream with 413 past `grenze`. */
function begrenzt(quelle: Readable, grenze: number, zuGross: () => Error): Readable {
  let gelesen = 0;
  const zaehler = new Transform({
    transform(teil: Buffer, _enc, weiter) {
      gelesen += teil.length;
      if (gelesen > grenze) weiter(zuGross());
      else weiter(null, teil);
    },
  });
  quelle.on('error', (err) => zaehler.destroy(err));
  return quelle.pipe(zaehler);
}

/**
 * The upload stream undici sends upstream, decoupled from the client's request: undici destroys
 * the body it was given when the service answers before the body has been sent, and destroying
 * the client's request would reset the client's connection before it has the answer.
 */
const koppelungen = new WeakMap<FastifyRequest, { ziel: PassThrough; entkoppelt: boolean }>();
function abgekoppelt(req: FastifyRequest, quelle: Readable): Readable {
  const k = { ziel: new PassThrough(), entkoppelt: false };
  koppelungen.set(req, k);
  // a client that breaks off its upload fails the upstream request, unless it is already answered
  const abbrechen = (err: Error) => !k.entkoppelt && !k.ziel.destroyed && k.ziel.destroy(err);
  quelle.on('error', abbrechen);
  req.raw.on('close', () => req.raw.complete || abbrechen(new Error('Der Client hat die Übertragung abgebrochen')));
  return quelle.pipe(k.ziel);
}

/**
 * The service answered before the whole upload arrived: it goes no further upstream, what the
 * client still sends is read and dropped, and the connection closes after the answer.
 */
function frueheAntwort(req: FastifyRequest, reply: FastifyReply) {
  reply.header('connection', 'close');
  langsamSchliessen(req.raw.socket);
  const k = koppelungen.get(req);
  if (!k) return;
  k.entkoppelt = true;
  req.raw.unpipe();
  req.raw.resume();
}

const isStream = (body: unknown) => body instanceof Stream;

const openApiPathToRoute = (p: string) => p.replace(/\{([^}]+)\}/g, ':$1');

export default async function gatewayApp(app: FastifyInstance, opts: GatewayOptions) {
  const { config } = opts;
  const upstreams: Record<string, Instanzen> = {
    akten: instanzen(config.AKTEN_URL),
    dokumente: instanzen(config.DOKUMENTE_URL),
    aussonderung: instanzen(config.AUSSONDERUNG_URL),
    protokoll: instanzen(config.PROTOKOLL_URL),
  };
  app.addHook('onClose', async () => Object.values(upstreams).forEach((u) => u.schliessen()));

  // before Fastify sees the request, so that the gateway's request span starts a trace of its own
  // rather than continuing one the client names
  app.server.prependListener('request', (req: { headers: IncomingHttpHeaders }) => {
    for (const name of SPURKOEPFE) delete req.headers[name];
  });
  await app.register(errorsPlugin);
  // The router checks the path's encoding only; the query reaches the URL building of the proxy.
  app.addHook('onRequest', async (req) => {
    try {
      decodeURIComponent(req.url);
    } catch {
      throw new Errors.UngueltigeUrl('Die URL ist fehlerhaft kodiert (ungültige %-Kodierung oder kein UTF-8)');
    }
  });
  await app.register(schutzPlugin, { rateLimitMax: config.RATE_LIMIT_MAX, rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS });
  await app.register(healthPlugin, { service: 'gateway' });
  // the public port has no /metrics: the gateway's metrics are served on a listener of their own
  await app.register(metrikenPlugin, { service: 'gateway', ...(config.METRICS_PORT !== undefined ? { eigenerPort: { host: config.METRICS_HOST, port: config.METRICS_PORT } } : {}) });
  for (const [name, { urls }] of Object.entries(upstreams)) {
    // a service is up while one of its instances is (a rolling restart stops one at a time)
    app.healthChecks.set(name, async () => {
      const antworten = await Promise.all(
        urls.map(async (url): Promise<{ fehler?: string; hinweise?: string[]; checks?: Record<string, { details?: Record<string, unknown> }> }> => {
          const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_500) }).catch((err: Error) => err);
          if (res instanceof Error) return { fehler: res.message };
          const body = (await res.json().catch(() => ({}))) as { detail?: string; hinweise?: string[]; checks?: Record<string, { details?: Record<string, unknown> }> };
          if (res.ok) return { hinweise: body.hinweise, checks: body.checks };
          return { fehler: body.detail ?? `HTTP ${res.status}` };
        }),
      );
      const fehler = antworten.map((x) => x.fehler);
      if (fehler.every((f) => f !== undefined)) throw new Error(urls.length > 1 ? fehler.map((f, i) => `${urls[i]}: ${f}`).join('; ') : fehler[0]);
      // a service's findings for the operator (health.ts) show at the gateway's /health too: their text
      // and their flags and counts (`ruecksetzungErkannt`, `betroffeneMandanten`), the largest any instance saw
      const hinweise = [...new Set(antworten.flatMap((x) => x.hinweise ?? []))];
      if (!hinweise.length) return;
      const kennzahlen: Record<string, boolean | number> = {};
      for (const { checks } of antworten)
        for (const { details } of Object.values(checks ?? {})) {
          if (typeof details?.hinweis !== 'string') continue;
          for (const [k, v] of Object.entries(details)) {
            if (typeof v === 'boolean') kennzahlen[k] = v || kennzahlen[k] === true;
            else if (typeof v === 'number') kennzahlen[k] = Math.max(v, typeof kennzahlen[k] === 'number' ? kennzahlen[k] : v);
          }
        }
      return { hinweis: hinweise.join('; '), ...kennzahlen };
    });
  }

  const dienste = new Agent({ connections: 128, pipelining: 1, headersTimeout: config.UPSTREAM_TIMEOUT_MS, bodyTimeout: config.UPSTREAM_TIMEOUT_MS });
  app.addHook('onClose', () => dienste.close());
  await app.register(replyFrom, { undici: dienste.compose(abbruchMerken) });

  const zuGrosseAnfragen = new WeakSet<FastifyRequest>();
  const grenzen = new WeakMap<FastifyRequest, { grenze: number; strom: boolean }>();
  await app.register(async (api) => {
    // Uploads pass through untouched as streams; other bodies are read whole first, so the service
    // gets the complete request at once and an early answer (415, 400) cannot break the proxying.
    // The owning service parses and validates them.
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', (req, payload, done) => {
      if (grenzen.get(req)?.strom) return done(null, abgekoppelt(req, payload));
      const teile: Buffer[] = [];
      payload.on('data', (d: Buffer) => teile.push(d));
      payload.on('end', () => done(null, Buffer.concat(teile)));
      payload.on('error', (err) => done(err, undefined));
    });
    for (const op of operations(contract)) {
      const upstream = upstreams[op.service];
      if (!upstream) throw new Error(`operation ${op.operationId} names unknown service ${op.service}`);
      const zuGross = (req: FastifyRequest, reply: FastifyReply) => {
        zuGrosseAnfragen.add(req);
        // the rest of the body is not read: the connection cannot carry another request
        reply.header('connection', 'close');
        langsamSchliessen(req.raw.socket);
        return new Errors.AnfrageZuGross(`Der Inhalt der Anfrage ist größer als ${grenzen.get(req)?.grenze} Bytes`);
      };
      api.route({
        method: op.method.toUpperCase() as 'GET',
        url: `/api/v1${openApiPathToRoute(op.path)}`,
        config: { operationId: op.operationId },
        // a declared length above the limit is refused before any of the body is read
        onRequest: async (req, reply) => {
          const g = grenzeFuer(op.operation, config, req.headers['content-type']);
          grenzen.set(req, g);
          if (Number(req.headers['content-length'] ?? 0) > g.grenze) throw zuGross(req, reply);
        },
        preParsing: async (req, reply, payload) => (req.headers['transfer-encoding'] ? begrenzt(payload, grenzen.get(req)!.grenze, () => zuGross(req, reply)) : payload),
        handler: (req, reply) => {
          const versucht = new Set<string>();
          const senden = (): FastifyReply => {
            const instanz = upstream.waehle(versucht)!;
            versucht.add(instanz);
            return reply.from(`${instanz}${req.url}`, {
              ...(Buffer.isBuffer(req.body) ? { body: req.body, contentType: req.headers['content-type'] ?? 'application/octet-stream' } : {}),
              rewriteRequestHeaders: anfrageKopf,
              // reply-from would repeat a GET that got 503 up to ten times at the same instance (taking
              // Retry-After as milliseconds): one attempt per instance, the gateway picks the next below
              retryDelay: () => null,
              onResponse: (_request, _reply, res) => {
                const kopf = (res as { headers?: IncomingHttpHeaders }).headers ?? {};
                // an instance that is stopping refuses with 503 and closes: the next requests go elsewhere
                if (res.statusCode === 503 && /close/i.test(String(kopf.connection ?? ''))) {
                  upstream.ausfall(instanz);
                  if (versucht.size < upstream.urls.length && wiederholbarNachAbweisung(req.method)) {
                    req.log.warn({ service: op.service, instanz }, 'instance is stopping, read repeated on another instance');
                    (res.stream as Readable).resume();
                    // the refusal's headers, already copied onto the reply, must not reach the client
                    for (const name of Object.keys(kopf)) reply.removeHeader(name);
                    return void senden();
                  }
                }
                if (!req.raw.complete) frueheAntwort(req, reply);
                void weiterreichen(req, reply, res.stream as Readable);
              },
              onError: (r, { error }) => {
                // the body stream failed in the gateway itself, not at the service
                if (zuGrosseAnfragen.has(req)) {
                  void r.send(zuGross(req, reply));
                  return;
                }
                const ursache = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? '';
                if (ursache === 'ECONNREFUSED') upstream.ausfall(instanz);
                if (versucht.size < upstream.urls.length && wiederholbar(req.method, ursache, !isStream(req.body))) {
                  req.log.warn({ err: error, service: op.service, instanz }, 'upstream failed, request repeated on another instance');
                  return void senden();
                }
                req.log.warn({ err: error, service: op.service, instanz }, 'upstream failed');
                const code = (error as { code?: string }).code ?? '';
                void r.send(
                  /TIMEOUT/.test(code)
                    ? new Errors.ZeitUeberschreitung(`Der Dienst ${op.service} hat nicht rechtzeitig geantwortet`)
                    : new Errors.DienstNichtVerfuegbar(`Der Dienst ${op.service} ist vorübergehend nicht erreichbar`),
                );
              },
            });
          };
          return senden();
        },
      });
    }
  });

  app.get('/openapi.json', async () => contract);
  await app.register(swagger, { mode: 'static', specification: { document: contract as never } });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });

  if (opts.web)
    await webClient(app, opts.web, {
      issuer: opts.devIssuer?.issuer ?? config.OIDC_ISSUER,
      clientId: config.OIDC_WEB_CLIENT_ID,
    });

  if (opts.devIssuer) {
    app.log.warn('development OIDC issuer is enabled: tokens are signed by a local key; never use this in production');
    await app.register(devIssuerRoutes, { prefix: '/dev-issuer', ...opts.devIssuer });
  }
}

/** Serves the built single-page client: its files, its index.html for client paths, and its login settings. */
async function webClient(app: FastifyInstance, web: NonNullable<GatewayOptions['web']>, anmeldung: { issuer?: string; clientId: string }) {
  const index = path.join(web.root, 'index.html');
  if (!existsSync(index)) throw new Error(`web client not built: ${index} is missing`);
  // one route per built file (no wildcard), so unknown paths keep the problem+json 404
  await app.register(fastifyStatic, {
    root: web.root,
    wildcard: false,
    index: false,
    setHeaders: (reply, file) => {
      // file names under assets/ carry a content hash
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const csp = webCsp(anmeldung.issuer);
  for (const pfad of new Set(['/', ...web.pfade])) {
    app.get(pfad, { config: { helmet: { contentSecurityPolicy: csp } } }, (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  // a page the client does not know, asked for by a browser: the client answers with its own
  // "not found" page (status 404); the API, the issuer and files keep their problem+json
  const cspKopf = Object.entries(csp.directives)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
    .join('; ');
  app.addHook('onRequest', async (req, reply) => {
    if (!req.is404 || req.method !== 'GET') return;
    const pfad = req.url.split('?')[0] ?? '/';
    if (/^\/(api|dev-issuer|assets)(\/|$)/.test(pfad) || /\.[A-Za-z0-9]{1,8}$/.test(pfad)) return;
    if (!/\btext\/html\b/.test(String(req.headers.accept ?? ''))) return;
    return reply.code(404).header('content-security-policy', cspKopf).header('cache-control', 'no-cache').sendFile('index.html');
  });
  app.get('/web-konfiguration.json', async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return { issuer: anmeldung.issuer ?? null, clientId: anmeldung.clientId };
  });
}
