// Binds a service's operations from the OpenAPI contract: routes, validation and response
// serialisation come from the contract, handlers are looked up by operationId.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import fp from 'fastify-plugin';
import type { operations } from '@eakte/api-client';
import { Errors } from './errors.js';

export type OpenApiDocument = {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
  [k: string]: unknown;
};

export type Handler = (req: FastifyRequest, reply: FastifyReply) => unknown;
export type Handlers = Record<string, Handler>;

/** The operations of the contract, as generated from it (`pnpm generate`). */
export type OperationId = keyof operations;
type Teil<T, K extends string> = K extends keyof T ? NonNullable<T[K]> : never;
type Leer<T> = [T] extends [never] ? unknown : T;
type JsonKoerper<K extends OperationId> = operations[K] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : unknown;
type Erfolg<R> = R extends { content: { 'application/json': infer B } } ? B : unknown;

/** The request of operation `K`, typed from the contract: path, query, headers and JSON body. */
export type VertragsAnfrage<K extends OperationId> = FastifyRequest<{
  Params: Leer<Teil<operations[K]['parameters'], 'path'>>;
  Querystring: Leer<Teil<operations[K]['parameters'], 'query'>>;
  Headers: Leer<Teil<operations[K]['parameters'], 'header'>>;
  Body: JsonKoerper<K>;
}>;

/** The JSON body of the success answers (2xx) of operation `K`. */
export type VertragsAntwort<K extends OperationId> = Erfolg<operations[K]['responses'][Extract<keyof operations[K]['responses'], 200 | 201 | 202>]>;

/** A handler of operation `K`: it may answer with the contract's JSON or send its own body through `reply`. */
type Ergebnis<K extends OperationId> = VertragsAntwort<K> | FastifyReply | void;
export type VertragsHandler<K extends OperationId> = (req: VertragsAnfrage<K>, reply: FastifyReply) => Promise<Ergebnis<K>> | Ergebnis<K>;

/**
 * Handlers typed from the contract. A service writes `{ … } satisfies VertragsHandlers`: each
 * method's request and answer then get their types from its operation, and no cast is needed.
 */
export type VertragsHandlers = { [P in OperationId]?: VertragsHandler<P> };
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  service: string;
  operation: Record<string, unknown>;
}

/** Every operation of the contract with the service that owns it (`x-eakte-service`). */
export function operations(doc: OpenApiDocument): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      out.push({ operationId: String(op.operationId), method, path, service: String(op['x-eakte-service']), operation: op });
    }
  }
  return out;
}

/** The part of the contract one service owns. */
export function serviceDocument(doc: OpenApiDocument, service: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    const owned = Object.fromEntries(Object.entries(item).filter(([k, v]) => !HTTP_METHODS.includes(k as never) || (v as Record<string, unknown>)['x-eakte-service'] === service));
    if (Object.keys(owned).some((k) => HTTP_METHODS.includes(k as never))) paths[path] = owned;
  }
  return { ...doc, paths };
}

export interface ContractRoutesOptions {
  document: OpenApiDocument;
  service: string;
  prefix: string;
  handlers: Handlers | VertragsHandlers;
  /** Hooks run as soon as a request arrives, before its body is read (authentication, permission). */
  onRequest?: (op: OperationRef) => RouteShorthandOptions['onRequest'];
}

export const contractRoutes = fp(
  async (app: FastifyInstance, opts: ContractRoutesOptions) => {
    const doc = serviceDocument(opts.document, opts.service);
    const ops = new Map(operations(doc).map((o) => [o.operationId, o]));
    const missing = [...ops.keys()].filter((id) => !(id in opts.handlers));
    if (missing.length > 0) throw new Error(`${opts.service}: operations without handler: ${missing.join(', ')}`);
    const extra = Object.keys(opts.handlers).filter((id) => !ops.has(id));
    if (extra.length > 0) throw new Error(`${opts.service}: handlers without operation: ${extra.join(', ')}`);

    // Multipart bodies are streamed by the handler; a JSON-schema check of them would only reject them.
    app.addHook('onRoute', (route) => {
      const body = route.schema?.body as Record<string, unknown> | undefined;
      if (body && 'content' in body) {
        const content = body.content as Record<string, unknown>;
        delete content['multipart/form-data'];
        if (Object.keys(content).length === 0) delete route.schema!.body;
      }
      // A malformed cursor is the handler's 400 UNGUELTIGER_CURSOR (one code for every list), not a validation error.
      const cursor = (route.schema?.querystring as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties?.cursor;
      if (cursor) {
        delete cursor.pattern;
        delete cursor.maxLength;
      }
      // A missing If-Match is the handler's 428 (VORBEDINGUNG_ERFORDERLICH), not a header validation error.
      const headers = route.schema?.headers as { required?: string[] } | undefined;
      if (headers?.required) headers.required = headers.required.filter((h) => h.toLowerCase() !== 'if-match');
    });

    await app.register(openapiGlue, {
      specification: doc,
      prefix: opts.prefix,
      operationResolver: (operationId: string) => {
        const op = ops.get(operationId)!;
        // one cast, here: the glue dispatches by operationId, so each handler meets its own operation
        const handler = (opts.handlers as Handlers)[operationId]!;
        const onRequest = opts.onRequest?.(op);
        const body = op.operation.requestBody as { required?: boolean; content?: Record<string, unknown> } | undefined;
        // Fastify validates a missing body as "nothing to check": a required JSON body must be there.
        const medientypen = Object.keys(body?.content ?? {});
        const preValidation =
          medientypen.length > 0
            ? async (req: FastifyRequest) => {
                // only the media types the contract names for this operation (a parser existing elsewhere is not enough)
                const typ = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
                if (typ !== '' && !medientypen.includes(typ)) {
                  throw new Errors.MedientypNichtErlaubt(`Erwartet wird ${medientypen.join(' oder ')}`);
                }
                // Fastify validates a missing body as "nothing to check": a required body must be there.
                if (body?.required && body.content?.['application/json'] && (req.body === undefined || req.body === null)) {
                  throw new Errors.KoerperFehlt('Die Anfrage braucht einen JSON-Körper');
                }
              }
            : undefined;
        return { handler, config: { operationId }, ...(onRequest ? { onRequest } : {}), ...(preValidation ? { preValidation } : {}) } as never;
      },
    });
  },
  { name: 'contract-routes', dependencies: ['errors'] },
);

declare module 'fastify' {
  interface FastifyContextConfig {
    operationId?: string;
  }
}
