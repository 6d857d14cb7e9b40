// Generated from the contract: every Akten operation with an id in its path, called by tenant
// demo2 with an id of tenant demo, answers 404 like a missing id — new operations are covered
// automatically (an unknown path shape fails the test until it gets an object here).
import { contract } from '@eakte/api-client/contract';
import { BERECHTIGUNGEN, operations } from '@eakte/platform';
import { authHeader, expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { auth, baue, neueAkte, neueEinheit } from './hilfen.js';

const MIT_ID = operations(contract).filter((o) => o.service === 'akten' && o.path.includes('{id}'));

function beispielBody(op: (typeof MIT_ID)[number]): object | undefined {
  const body = op.operation.requestBody as { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> } | undefined;
  const examples = body?.content?.['application/json']?.examples;
  const first = examples ? Object.values(examples)[0]?.value : undefined;
  return body ? ((first as object | undefined) ?? {}) : undefined;
}

describe('tenant isolation of every Akten operation with a path id', () => {
  it('answers 404 NICHT_GEFUNDEN for another tenant\'s object, and leaves it unchanged', async () => {
    expect(MIT_ID.length).toBeGreaterThan(10);
    const { app } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const vorgang = (
      await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: await auth('demo', 'sachbearbeitung'), payload: { betreff: 'V' } })
    ).json();
    const ids: [string, string][] = [
      ['/aktenplan/einheiten/{id}', e.id],
      ['/akten/{id}', akte.id],
      ['/vorgaenge/{id}', vorgang.id],
    ];
    for (const op of MIT_ID) {
      const id = ids.find(([prefix]) => op.path.startsWith(prefix))?.[1];
      expect(id, `no object of tenant demo for ${op.path}`).toBeDefined();
      const headers = { ...(await authHeader({ tenant: 'demo2', roles: [...BERECHTIGUNGEN[op.operationId]!] })), 'if-match': '"1"' };
      const body = beispielBody(op);
      const res = await app.inject({ method: op.method.toUpperCase() as 'GET', url: `/api/v1${op.path.replace('{id}', id!)}`, headers, ...(body ? { payload: body } : {}) });
      expectProblem(res, 404, 'NICHT_GEFUNDEN');
      expectContract(res, op.operationId);
    }
    const h = await auth('demo', 'registratur');
    expect((await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: h })).json()).toMatchObject({ version: 1, status: 'offen', aktenplaneinheitId: e.id });
    expect((await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${vorgang.id}`, headers: h })).json()).toMatchObject({ version: 1, status: 'offen' });
    expect((await app.inject({ method: 'GET', url: `/api/v1/aktenplan/einheiten/${e.id}`, headers: h })).statusCode).toBe(200);
  });
});
