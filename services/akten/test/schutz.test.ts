import { authHeader, build, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import aktenApp from '../src/app.js';

describe('rate limits and security headers', () => {
  it('answers 429 with Retry-After once a token exceeds its limit, counting rejected guesses too', async () => {
    const app = await build(aktenApp, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' });
    const guess = { authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA' };
    for (let i = 0; i < 3; i++) expectProblem(await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: guess }), 401);
    const limited = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: guess });
    expectProblem(limited, 429, 'ZU_VIELE_ANFRAGEN');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // another caller is not affected
    const other = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    expect(other.statusCode).toBe(200);
  });

  it('limits anonymous callers per client address', async () => {
    const app = await build(aktenApp, { RATE_LIMIT_MAX: '2' });
    await app.inject({ method: 'GET', url: '/api/v1/aktenplan', remoteAddress: '192.0.2.7' });
    await app.inject({ method: 'GET', url: '/api/v1/aktenplan', remoteAddress: '192.0.2.7' });
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/aktenplan', remoteAddress: '192.0.2.7' }), 429);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/aktenplan', remoteAddress: '192.0.2.8' }), 401);
  });

  it('sends security headers', async () => {
    const app = await build(aktenApp);
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
