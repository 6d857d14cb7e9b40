// The development issuer's login for the web client: Authorization Code + PKCE (S256).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServer, devIssuerRoutes, loadOrCreateDevKey, pkceChallenge } from '../src/index.js';

const ISSUER = 'http://127.0.0.1:3000/dev-issuer';
const REDIRECT = 'http://127.0.0.1:3000/anmeldung/rueckkehr';

async function issuer() {
  const key = await loadOrCreateDevKey(mkdtempSync(path.join(tmpdir(), 'dev-issuer-')));
  const app = createServer({ logLevel: 'silent' });
  await app.register(devIssuerRoutes, {
    prefix: '/dev-issuer',
    key,
    issuer: ISSUER,
    benutzer: [{ sub: 'demo-sachbearbeitung', name: 'Demo sachbearbeitung', mandant: 'demo', rollen: ['sachbearbeitung'] }],
  });
  await app.ready();
  onTestFinished(() => app.close());
  return { app, key };
}

const form = (_o: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded' });
const body = (o: Record<string, string>) => new URLSearchParams(o).toString();

async function code(app: Awaited<ReturnType<typeof issuer>>['app'], verifier: string) {
  const params = { response_type: 'code', client_id: 'eakte-web', redirect_uri: REDIRECT, state: 'xyz', code_challenge: pkceChallenge(verifier), code_challenge_method: 'S256' };
  const page = await app.inject({ method: 'GET', url: `/dev-issuer/authorize?${body(params)}` });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('lang="de"');
  expect(page.body).toContain('value="demo-sachbearbeitung"');
  // the redirect after the form post goes to the client: its origin is allowed as form-action
  expect(page.headers['content-security-policy']).toContain("form-action 'self' http://127.0.0.1:3000;");
  const res = await app.inject({ method: 'POST', url: '/dev-issuer/authorize', headers: form({}), payload: body({ ...params, benutzer: 'demo-sachbearbeitung' }) });
  expect(res.statusCode).toBe(303);
  const ziel = new URL(res.headers.location as string);
  expect(ziel.origin + ziel.pathname).toBe(REDIRECT);
  expect(ziel.searchParams.get('state')).toBe('xyz');
  expect(ziel.searchParams.get('iss')).toBe(ISSUER);
  return ziel.searchParams.get('code')!;
}

const tokenRequest = (c: string, verifier: string, extra: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/dev-issuer/token',
  headers: form({}),
  payload: body({ grant_type: 'authorization_code', code: c, client_id: 'eakte-web', redirect_uri: REDIRECT, code_verifier: verifier, ...extra }),
});

describe('development issuer: Authorization Code + PKCE', () => {
  it('announces its endpoints in the discovery document', async () => {
    const { app } = await issuer();
    const res = await app.inject({ method: 'GET', url: '/dev-issuer/.well-known/openid-configuration' });
    expect(res.json()).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/authorize`,
      token_endpoint: `${ISSUER}/token`,
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('exchanges a code with the right verifier for a token of the chosen demo user', async () => {
    const { app, key } = await issuer();
    const verifier = randomBytes(32).toString('base64url');
    const res = await app.inject(tokenRequest(await code(app, verifier), verifier));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { access_token, token_type } = res.json();
    expect(token_type).toBe('Bearer');
    const { payload } = await jwtVerify(access_token, createLocalJWKSet({ keys: [key.publicJwk] }), { issuer: ISSUER, audience: 'eakte' });
    expect(payload).toMatchObject({ sub: 'demo-sachbearbeitung', mandant: 'demo', realm_access: { roles: ['sachbearbeitung'] } });
  });

  it('refuses a wrong verifier, and the code is spent after that attempt', async () => {
    const { app } = await issuer();
    const verifier = randomBytes(32).toString('base64url');
    const c = await code(app, verifier);
    const wrong = await app.inject(tokenRequest(c, randomBytes(32).toString('base64url')));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const again = await app.inject(tokenRequest(c, verifier));
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code used twice, a changed redirect_uri and a missing verifier', async () => {
    const { app } = await issuer();
    const verifier = randomBytes(32).toString('base64url');
    const c = await code(app, verifier);
    expect((await app.inject(tokenRequest(c, verifier))).statusCode).toBe(200);
    expect((await app.inject(tokenRequest(c, verifier))).json()).toMatchObject({ error: 'invalid_grant' });
    const c2 = await code(app, verifier);
    expect((await app.inject(tokenRequest(c2, verifier, { redirect_uri: 'http://127.0.0.1:9999/x' }))).statusCode).toBe(400);
    const c3 = await code(app, verifier);
    expect((await app.inject(tokenRequest(c3, ''))).statusCode).toBe(400);
  });

  it('asks for PKCE and a loopback redirect before it shows the login page', async () => {
    const { app } = await issuer();
    const ohnePkce = await app.inject({ method: 'GET', url: `/dev-issuer/authorize?${body({ response_type: 'code', client_id: 'x', redirect_uri: REDIRECT })}` });
    expect(ohnePkce.statusCode).toBe(400);
    expect(ohnePkce.body).toContain('PKCE');
    const fremd = await app.inject({
      method: 'GET',
      url: `/dev-issuer/authorize?${body({ response_type: 'code', client_id: 'x', redirect_uri: 'https://evil.example/cb', code_challenge: pkceChallenge('a'.repeat(43)), code_challenge_method: 'S256' })}`,
    });
    expect(fremd.statusCode).toBe(400);
    const unbekannt = await app.inject({
      method: 'POST',
      url: '/dev-issuer/authorize',
      headers: form({}),
      payload: body({ client_id: 'x', redirect_uri: REDIRECT, code_challenge: pkceChallenge('a'.repeat(43)), code_challenge_method: 'S256', benutzer: 'niemand' }),
    });
    expect(unbekannt.statusCode).toBe(400);
    expect(unbekannt.headers.location).toBeUndefined();
  });
});
