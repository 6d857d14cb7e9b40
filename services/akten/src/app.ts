// The Akten service: Aktenplan, Akten, Vorgänge.
import { contract } from '@eakte/api-client/contract';
import { servicePlatform, type Protokollierer, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import { aktenHandlers } from './handlers/index.js';
import { createAktenplanRepository } from './repositories/aktenplan.js';
import { createAktenService } from './services/akten.js';

export const SERVICE = 'akten';

// INTEGRATION: replace with @eakte/audit — a placeholder that records nothing, so that this
// service runs before the audit package is merged. Every mutation already calls it inside its
// transaction.
export const protokolliereVorlaeufigNichts: Protokollierer = async () => {};

export interface AktenAppOptions {
  config: ServiceConfig;
  /** The audit seam; tests pass a recorder. */
  protokolliere?: Protokollierer;
}

export default async function aktenApp(app: FastifyInstance, opts: AktenAppOptions) {
  const protokolliere = opts.protokolliere ?? protokolliereVorlaeufigNichts;
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    handlers: (instance) =>
      aktenHandlers({ aktenplan: createAktenplanRepository(instance.db), service: createAktenService(instance.db, protokolliere) }),
  });
}
