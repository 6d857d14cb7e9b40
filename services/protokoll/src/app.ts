// The Protokoll service: the audit trail, its verification and export.
import { contract } from '@eakte/api-client/contract';
import { servicePlatform, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import { protokollHandlers } from './handlers/index.js';

export const SERVICE = 'protokoll';

export default async function protokollApp(app: FastifyInstance, opts: { config: ServiceConfig }) {
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    handlers: () => protokollHandlers(),
  });
}
