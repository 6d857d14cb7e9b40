// Typed client for the E-Akte API, generated from the contract.
import createFetchClient, { type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
export type Schemas = components['schemas'];

export function createClient(opts: ClientOptions & { token?: string | (() => string) }) {
  const { token, ...rest } = opts;
  const client = createFetchClient<paths>({ ...rest, baseUrl: `${(rest.baseUrl ?? '').replace(/\/$/, '')}/api/v1` });
  if (token) {
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${typeof token === 'function' ? token() : token}`);
        return request;
      },
    });
  }
  return client;
}
