// The Aussonderung service: retention, legal holds, hand-over to the state archive.
import { contract } from '@eakte/api-client/contract';
import { servicePlatform, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import { aussonderungHandlers } from './handlers/index.js';

export const SERVICE = 'aussonderung';

export default async function aussonderungApp(app: FastifyInstance, opts: { config: ServiceConfig }) {
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    handlers: () => aussonderungHandlers(),
  });
}
