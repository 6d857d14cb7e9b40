// The Akten service: Aktenplan, Akten, Vorgänge.
import { contract } from '@eakte/api-client/contract';
import { servicePlatform, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import { aktenHandlers } from './handlers/index.js';
import { createAktenplanRepository } from './repositories/aktenplan.js';
import { createMandantenRepository } from './repositories/mandanten.js';

export const SERVICE = 'akten';

export default async function aktenApp(app: FastifyInstance, opts: { config: ServiceConfig }) {
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    handlers: (instance) =>
      aktenHandlers({ aktenplan: createAktenplanRepository(instance.db), mandanten: createMandantenRepository(instance.db) }),
  });
}
