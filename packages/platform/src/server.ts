// One way to create a Fastify instance for every service: logging, request ids, validation.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { problem, sendProblem } from './errors.js';
import { spurenPlugin } from './spuren.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    // honest 400s: never drop unknown body fields silently, never turn "1" into 1 in a JSON body
    removeAdditional: false,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    allErrors: false,
    strict: false,
  });
  (formatsPlugin as unknown as (a: Ajv) => void)(ajv);
  ajv.addKeyword({ keyword: 'example' });
  return ajv;
}

/**
 * Requests Node's parser refuses before Fastify sees them (malformed request line or header, headers
 * above the limit, headers too slow) get a problem+json answer too, then the connection is closed.
 */
function clientFehler(this: FastifyInstance, err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'KOPFZEILEN_ZU_GROSS', 'Die Kopfzeilen der Anfrage sind zu groß']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'ZEITUEBERSCHREITUNG_ANFRAGE', 'Die Anfrage kam nicht rechtzeitig vollständig an']
        : [400, 'UNGUELTIGE_ANFRAGE', 'Die Anfrage ist kein gültiges HTTP/1.1'];
  this.log.info({ code: err.code, status }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(problem(status, code, detail));
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    // closed for good after 2 s even if the client neither reads nor stops sending
    setTimeout(() => socket.destroy(), 2_000).unref();
  } else socket.destroy();
}

/**
 * Node hands headers over in lower case; the contract names them as written (`Idempotency-Key`).
 * Fastify lowers the names only for its own compiler, so a custom one must do it.
 */
function kleineKopfnamen(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties as Record<string, unknown> | undefined;
  const required = schema.required as string[] | undefined;
  return {
    ...schema,
    ...(properties ? { properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v])) } : {}),
    ...(required ? { required: required.map((k) => k.toLowerCase()) } : {}),
  };
}

export interface ServerOptions {
  logLevel?: string;
  bodyLimit?: number;
  /** Whole-request time limit (slow clients, slow-loris); 0 = none. */
  requestTimeoutMs?: number;
  /** Time limit for the request line and headers (default: 30 s, at most requestTimeoutMs). */
  headersTimeoutMs?: number;
  /** Pretty logs only for a person at a terminal; JSON lines otherwise. */
  pretty?: boolean;
  /** Where the JSON log lines go (default: stdout). */
  logStream?: { write(zeile: string): void };
}

export function createServer(opts: ServerOptions = {}): FastifyInstance {
  const options: FastifyServerOptions = {
    logger:
      opts.logLevel === 'silent'
        ? false
        : {
            level: opts.logLevel ?? 'info',
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(opts.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // A client that trickles its request is cut off (slow-loris): Node enforces these limits on a
    // timer, checked every second here rather than every 30 s.
    requestTimeout: opts.requestTimeoutMs ?? 15 * 60_000,
    ...({ http: { headersTimeout: Math.min(opts.headersTimeoutMs ?? 30_000, opts.requestTimeoutMs || Infinity), connectionsCheckingInterval: 1_000 } } as object),
    clientErrorHandler: clientFehler,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // refused below as problem+json: fastify's own 503 while closing is plain JSON without a code
    return503OnClosing: false,
    // router-level failures (malformed URL, over-long path parameter) leave as problem+json too
    frameworkErrors: (err, _req, reply) => {
      const code = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'PFADPARAMETER_ZU_LANG' : 'UNGUELTIGE_URL';
      void sendProblem(reply as never, problem(400, code, code === 'PFADPARAMETER_ZU_LANG' ? 'Ein Pfadparameter ist zu lang' : 'Die URL ist fehlerhaft kodiert'));
    },
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  };
  const app = Fastify(options);
  // first, so that its request spans cover every route registered after it (a no-op without tracing)
  void app.register(spurenPlugin);
  // A client that half-closes after its request (shutdown(SHUT_WR), `nc -N`) still gets its answers;
  // Node otherwise aborts the requests in flight when the client's FIN arrives.
  (app.server as { httpAllowHalfOpen?: boolean }).httpAllowHalfOpen = true;
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  // Query strings, paths and headers are text: coerce those; JSON bodies must carry the right types.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(httpPart === 'headers' ? kleineKopfnamen(schema as Record<string, unknown>) : schema),
  );
  let schliesst = false;
  app.addHook('preClose', async () => {
    schliesst = true;
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // headers that complete while the service stops (a rolling restart): the client retries elsewhere
    if (schliesst) {
      reply.header('connection', 'close').header('retry-after', '1');
      return sendProblem(reply, problem(503, 'DIENST_NICHT_VERFUEGBAR', 'Der Dienst wird gerade beendet. Bitte die Anfrage wiederholen.'));
    }
  });
  return app;
}

/** Server options from the validated configuration of a service or the gateway. */
export function serverOptionen(config: { LOG_LEVEL: string; BODY_LIMIT: number; REQUEST_TIMEOUT_MS: number; HEADERS_TIMEOUT_MS: number }, pretty = false): ServerOptions {
  return { logLevel: config.LOG_LEVEL, bodyLimit: config.BODY_LIMIT, requestTimeoutMs: config.REQUEST_TIMEOUT_MS, headersTimeoutMs: config.HEADERS_TIMEOUT_MS, pretty };
}
