// The contract is the source of truth: every operation has an owner, a handler and a
// permission entry, and every handler an operation.
import aktenApp from '@eakte/akten';
import { contract } from '@eakte/api-client/contract';
import aussonderungApp from '@eakte/aussonderung';
import dokumenteApp from '@eakte/dokumente';
import { BERECHTIGUNGEN, contractRoutes, createServer, errorsPlugin, operations } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import { build } from '@eakte/testing';
import { describe, expect, it } from 'vitest';

const SERVICES = { akten: aktenApp, dokumente: dokumenteApp, aussonderung: aussonderungApp, protokoll: protokollApp };

describe('contract coverage', () => {
  it('gives every operation a unique id, an owning service and a permission entry', () => {
    const ops = operations(contract);
    expect(ops.length).toBeGreaterThan(0);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const op of ops) {
      expect(Object.keys(SERVICES), `${op.operationId} x-eakte-service`).toContain(op.service);
      expect(BERECHTIGUNGEN[op.operationId], `${op.operationId} in the permission matrix`).toBeDefined();
    }
    const unknown = Object.keys(BERECHTIGUNGEN).filter((id) => !ops.some((o) => o.operationId === id));
    expect(unknown, 'permission entries without operation').toEqual([]);
  });

  it('boots every service, which binds a handler to each of its operations', async () => {
    for (const [name, plugin] of Object.entries(SERVICES)) {
      const app = await build(plugin, {}, name === 'protokoll' ? protokollConfigSchema : undefined);
      const bound = operations(contract).filter((o) => o.service === name);
      for (const op of bound) {
        const url = `/api/v1${op.path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000')}`;
        const res = await app.inject({ method: op.method.toUpperCase() as 'GET', url });
        // unauthenticated: the route exists and is guarded (not a 404 from the router)
        expect(res.statusCode, `${op.operationId} ${url}`).toBe(401);
      }
    }
  });

  it('refuses to start a service with an operation that has no handler, or a handler without operation', async () => {
    const missing = createServer({ logLevel: 'silent' });
    await missing.register(errorsPlugin);
    missing.register(contractRoutes, { document: contract, service: 'akten', prefix: '/api/v1', handlers: {} });
    await expect(missing.ready()).rejects.toThrow(/operations without handler: getAktenplan/);

    const extra = createServer({ logLevel: 'silent' });
    await extra.register(errorsPlugin);
    const alle = Object.fromEntries(operations(contract).filter((o) => o.service === 'protokoll').map((o) => [o.operationId, () => null]));
    extra.register(contractRoutes, { document: contract, service: 'protokoll', prefix: '/api/v1', handlers: { ...alle, gibtEsNicht: () => null } });
    await expect(extra.ready()).rejects.toThrow(/handlers without operation: gibtEsNicht/);
  });
});
