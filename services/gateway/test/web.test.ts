// The gateway serves the built web client: files, index.html for client paths with a strict CSP,
// the login settings; the API and unknown paths keep their problem+json answers.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, loadConfig } from '@eakte/platform';
import { expectProblem } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import gatewayApp, { gatewayConfigSchema } from '../src/app.js';

async function gatewayMitWeb(env: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html lang="de"><script type="module" src="/assets/app-abc.js"></script></html>');
  writeFileSync(path.join(root, 'assets', 'app-abc.js'), 'console.log(1)');
  const dead = 'http://127.0.0.1:9';
  const config = loadConfig(gatewayConfigSchema, { AKTEN_URL: dead, DOKUMENTE_URL: dead, AUSSONDERUNG_URL: dead, PROTOKOLL_URL: dead, ...env });
  const app = createServer({ logLevel: 'silent' });
  await app.register(gatewayApp, { config, web: { root, pfade: ['/', '/akten/:id', '/suche'] } });
  await app.ready();
  onTestFinished(() => app.close());
  return app;
}

describe('gateway: web client', () => {
  it('answers client paths with index.html under a CSP without inline code', async () => {
    const app = await gatewayMitWeb({ OIDC_ISSUER: 'https://login.example.org/realms/land' });
    for (const url of ['/', '/akten/0190a0b0-0000-7000-8000-000000000000', '/suche?q=Stra%C3%9Fe']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('/assets/app-abc.js');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("connect-src 'self' https://login.example.org");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, and the login settings', async () => {
    const app = await gatewayMitWeb({ OIDC_ISSUER: 'https://login.example.org/realms/land', OIDC_WEB_CLIENT_ID: 'akte-web' });
    const js = await app.inject({ method: 'GET', url: '/assets/app-abc.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const k = await app.inject({ method: 'GET', url: '/web-konfiguration.json' });
    expect(k.json()).toEqual({ issuer: 'https://login.example.org/realms/land', clientId: 'akte-web' });
  });

  it('leaves the API and unknown paths to their problem+json answers', async () => {
    const app = await gatewayMitWeb();
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/gibt-es-nicht' }), 404, 'ROUTE_NICHT_GEFUNDEN');
    expectProblem(await app.inject({ method: 'GET', url: '/gibt-es-nicht' }), 404, 'ROUTE_NICHT_GEFUNDEN');
    expectProblem(await app.inject({ method: 'GET', url: '/akten' }), 404, 'ROUTE_NICHT_GEFUNDEN');
    expectProblem(await app.inject({ method: 'GET', url: '/assets/../../etc/passwd' }), 404);
    expectProblem(await app.inject({ method: 'DELETE', url: '/akten/x' }), 405, 'METHODE_NICHT_ERLAUBT');
    // a browser asking for a page the client does not know gets the client (its own "not found" page), with 404
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const seite = await app.inject({ method: 'GET', url: '/gibt-es-nicht/auch-nicht', headers: html });
    expect(seite.statusCode).toBe(404);
    expect(seite.headers['content-type']).toMatch(/^text\/html/);
    expect(seite.body).toContain('/assets/app-abc.js');
    expect(String(seite.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(seite.headers['content-security-policy'])).not.toContain('unsafe-inline');
    // the API, the issuer and files keep their problem+json, also for a browser
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/gibt-es-nicht', headers: html }), 404, 'ROUTE_NICHT_GEFUNDEN');
    expectProblem(await app.inject({ method: 'GET', url: '/assets/gibt-es-nicht.js', headers: html }), 404, 'ROUTE_NICHT_GEFUNDEN');
    expectProblem(await app.inject({ method: 'POST', url: '/gibt-es-nicht', headers: html }), 404, 'ROUTE_NICHT_GEFUNDEN');
    // without an issuer the client says so instead of sending users nowhere
    expect((await app.inject({ method: 'GET', url: '/web-konfiguration.json' })).json()).toEqual({ issuer: null, clientId: 'eakte-web' });
  });
});
