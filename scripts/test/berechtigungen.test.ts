// The permission matrix, tested from the same data it is documented from: every operation ×
// every role gets 403 when the role is not listed, and gets past authorisation when it is.
import { contract } from '@eakte/api-client/contract';
import { BERECHTIGUNGEN, operations, ROLLEN } from '@eakte/platform';
import { authHeader, berichte } from '@eakte/testing';
import { alleDienste, schliesseDienste } from './dienste.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let apps: Record<string, FastifyInstance> = {};

beforeAll(async () => {
  apps = await alleDienste();
});
afterAll(async () => {
  await schliesseDienste(apps);
});

const ops = operations(contract);
let paare = 0;
const falsch: string[] = [];

describe('permission matrix', () => {
  it.each(ops.map((o) => [o.operationId, o] as const))('%s: every role gets exactly what the matrix says', async (_id, op) => {
    const erlaubt = BERECHTIGUNGEN[op.operationId]!;
    const url = `/api/v1${op.path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000')}`;
    for (const rolle of ROLLEN) {
      const headers = await authHeader(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant: 'demo', roles: [rolle] });
      const res = await apps[op.service]!.inject({
        method: op.method.toUpperCase() as 'GET',
        url,
        headers: { ...headers, ...(['post', 'put', 'patch'].includes(op.method) ? { 'content-type': 'application/json' } : {}) },
        ...(['post', 'put', 'patch'].includes(op.method) ? { payload: '{}' } : {}),
      });
      paare++;
      const richtig = erlaubt.includes(rolle) ? ![401, 403].includes(res.statusCode) : res.statusCode === 403 && res.json().code === 'KEINE_BERECHTIGUNG';
      if (!richtig) falsch.push(`${op.operationId} as ${rolle}: ${res.statusCode}`);
      if (erlaubt.includes(rolle)) {
        expect([401, 403], `${op.operationId} as ${rolle}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
      } else {
        expect(res.statusCode, `${op.operationId} as ${rolle}`).toBe(403);
        expect(res.json().code).toBe('KEINE_BERECHTIGUNG');
      }
    }
  });

  it('probed every operation with every role', (context) => {
    expect(paare).toBe(ops.length * ROLLEN.length);
    expect(falsch).toEqual([]);
    berichte(context, 'berechtigungen (service, inject)', `${ops.length} operations × ${ROLLEN.length} roles = ${paare} pairs, ${falsch.length} wrong`);
  });
});
