import aktenApp from '@eakte/akten';
import aussonderungApp from '@eakte/aussonderung';
import dokumenteApp from '@eakte/dokumente';
import { createServer, loadConfig } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import { authHeader, expectContract, expectProblem, freePort, listen } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import gatewayApp, { gatewayConfigSchema } from '../src/app.js';

async function gateway(urls?: Partial<Record<string, string>>) {
  const upstreams = {
    AKTEN_URL: urls?.AKTEN_URL ?? (await listen(aktenApp)),
    DOKUMENTE_URL: urls?.DOKUMENTE_URL ?? (await listen(dokumenteApp)),
    AUSSONDERUNG_URL: urls?.AUSSONDERUNG_URL ?? (await listen(aussonderungApp)),
    PROTOKOLL_URL: urls?.PROTOKOLL_URL ?? (await listen(protokollApp, {}, protokollConfigSchema)),
  };
  const app = createServer({ logLevel: 'silent' });
  await app.register(gatewayApp, { config: loadConfig(gatewayConfigSchema, upstreams) });
  await app.ready();
  onTestFinished(() => app.close());
  return app;
}

describe('gateway', () => {
  it('routes an operation to the service that owns it', async () => {
    const app = await gateway();
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    expect(res.statusCode).toBe(200);
    expectContract(res, 'getAktenplan');
    expect(res.headers['x-request-id']).toBeTruthy();
    // the service's problem answers pass through unchanged
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/aktenplan' }), 401, 'NICHT_AUTHENTIFIZIERT');
  });

  it('answers unknown routes with 404 and wrong methods with 405 itself', async () => {
    const app = await gateway();
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/gibt-es-nicht' }), 404, 'ROUTE_NICHT_GEFUNDEN');
    const res = await app.inject({ method: 'DELETE', url: '/api/v1/aktenplan' });
    expectProblem(res, 405, 'METHODE_NICHT_ERLAUBT');
    expect(res.headers.allow).toContain('GET');
  });

  it('serves the contract and the API reference', async () => {
    const app = await gateway();
    const spec = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json()).toMatchObject({ openapi: '3.1.0', paths: { '/aktenplan': expect.any(Object) } });
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('aggregates health and names a service that is down', async () => {
    const ok = await gateway();
    const res = await ok.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', checks: { akten: { status: 'ok' }, protokoll: { status: 'ok' } } });

    const down = `http://127.0.0.1:${await freePort()}`;
    const broken = await gateway({ AKTEN_URL: down });
    const body = expectProblem(await broken.inject({ method: 'GET', url: '/health' }), 503, 'DIENST_NICHT_VERFUEGBAR');
    expect(body).toMatchObject({ checks: { akten: { status: 'fehler' }, dokumente: { status: 'ok' } } });
    // a request for the unreachable service is a clean 503, not a hang or a 500
    const req = await broken.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    expectProblem(req, 503, 'DIENST_NICHT_VERFUEGBAR');
  });
});
