// The Akten service: Aktenplan, Akten, Vorgänge.
import { contract } from '@eakte/api-client/contract';
import { protokolliere as protokolliereImProtokoll } from '@eakte/audit';
import { CSV_LIMIT, servicePlatform, type Protokollierer, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ObjectStore } from '@eakte/storage';
import { aktenHandlers } from './handlers/index.js';
import { createMandantenRepository } from './repositories/mandanten.js';
import { createDienste } from './services/index.js';

export const SERVICE = 'akten';

export interface AktenAppOptions {
  config: ServiceConfig;
  /** The audit trail (default: the chained Protokoll); tests may pass a recorder. */
  protokolliere?: Protokollierer;
  /** Tests only: this store instead of one from the configuration (object lock has no test server). */
  storage?: ObjectStore;
}

export default async function aktenApp(app: FastifyInstance, opts: AktenAppOptions) {
  const protokolliere = opts.protokolliere ?? protokolliereImProtokoll;
  // the Aktenplan import takes CSV as text
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_req, body, done) => done(null, body));
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    storage: opts.storage,
    handlers: (instance) => aktenHandlers(createDienste(instance.db, protokolliere, createMandantenRepository(instance.db), instance.log)),
  });
}
