import type { AddressInfo } from 'node:net';
import { createServer, loadConfig } from '@eakte/platform';
import { onTestFinished } from 'vitest';
import gatewayApp, { gatewayConfigSchema } from '../src/app.js';

/** A gateway on a real socket in front of one fake service that stands for all of them; returns its port. */
export async function gatewayVor(dienst: string): Promise<number> {
  const app = createServer({ logLevel: 'silent' });
  await app.register(gatewayApp, {
    config: loadConfig(gatewayConfigSchema, { AKTEN_URL: dienst, DOKUMENTE_URL: dienst, AUSSONDERUNG_URL: dienst, PROTOKOLL_URL: dienst }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  onTestFinished(() => app.close());
  return (app.server.address() as AddressInfo).port;
}
