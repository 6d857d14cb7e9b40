// The Dokumente service: document content in object storage, versions, PDF work.
import { contract } from '@eakte/api-client/contract';
import { servicePlatform, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import { dokumenteHandlers } from './handlers/index.js';

export const SERVICE = 'dokumente';

export default async function dokumenteApp(app: FastifyInstance, opts: { config: ServiceConfig }) {
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    handlers: () => dokumenteHandlers(),
  });
}
