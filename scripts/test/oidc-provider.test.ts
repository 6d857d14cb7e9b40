// A certified OpenID provider (oidc-provider) as the platform's issuer, through the gateway on a real
// socket: the web client's login (Authorization Code + PKCE), a Fachverfahren's client credentials,
// key rotation, an unreachable JWKS and a disabled client.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import aktenApp from '@eakte/akten';
import gatewayApp, { gatewayConfigSchema } from '@eakte/gateway';
import { createServer, createVerifier, loadConfig } from '@eakte/platform';
import { berichte, freePort, testConfig } from '@eakte/testing';
import { decodeJwt, decodeProtectedHeader, SignJWT, importJWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { root } from '../lib/generated.js';
import { neuerSchluessel, starteAnbieter, TOKEN_LEBENSDAUER_SEKUNDEN, type Anbieter, type AnbieterStand } from './oidc-anbieter.js';

const FACHVERFAHREN = { clientId: 'fachverfahren-bauantrag', secret: 'bauantrag-geheimnis-nur-fuer-den-test', mandant: 'demo', rollen: ['fachverfahren'], scope: 'akten:read' };
const SACHBEARBEITERIN = { sub: 'erika.muster', name: 'Erika Muster', mandant: 'demo', rollen: ['sachbearbeitung'] };

let anbieter: Anbieter;
let stand: AnbieterStand;
let gateway = '';
let webToken = '';
const dir = mkdtempSync(path.join(tmpdir(), 'eakte-oidc-'));

/** The platform as operators run it: the Akten service and the gateway on sockets, both configured with the issuer. */
async function plattform(issuer: string, port = 0, extra: Record<string, string> = {}) {
  const akten = createServer({ logLevel: 'silent' });
  await akten.register(aktenApp, { config: testConfig({ OIDC_ISSUER: issuer, OIDC_JWKS_COOLDOWN_SECONDS: '1', LOG_LEVEL: 'silent', ...extra }) });
  const aktenUrl = await akten.listen({ host: '127.0.0.1', port: 0 });
  const tot = 'http://127.0.0.1:9';
  const config = loadConfig(gatewayConfigSchema, { AKTEN_URL: aktenUrl, DOKUMENTE_URL: tot, AUSSONDERUNG_URL: tot, PROTOKOLL_URL: tot, OIDC_ISSUER: issuer, LOG_LEVEL: 'silent' });
  const app = createServer({ logLevel: 'silent' });
  const web = path.join(dir, 'web');
  mkdirSync(web, { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><html lang="de"></html>');
  await app.register(gatewayApp, { config, web: { root: web, pfade: ['/', '/anmeldung/rueckkehr'] } });
  const url = await app.listen({ host: '127.0.0.1', port });
  return {
    url,
    async stop() {
      await app.close();
      await akten.close();
    },
  };
}

async function aktenplan(bearer: string, basis = gateway) {
  const res = await fetch(`${basis}/api/v1/aktenplan`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: res.status, typ: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown>, retryAfter: res.headers.get('retry-after') };
}

async function akten(bearer: string, basis = gateway) {
  const res = await fetch(`${basis}/api/v1/akten`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: res.status, typ: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown>, retryAfter: res.headers.get('retry-after') };
}

const warte = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function clientCredentials(f = FACHVERFAHREN, scope = f.scope) {
  const res = await fetch(`${anbieter.issuer}/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${f.clientId}:${f.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const cookiesAus = (res: Response, bisher = '') =>
  [...new Map([...bisher.split('; ').filter(Boolean), ...res.headers.getSetCookie().map((c) => c.split(';')[0]!)].map((c) => [c.split('=')[0], c])).values()].join('; ');

// The web client's own login code, loaded at run time: it is typed for the browser (services/web/tsconfig.json).
const WEB_ANMELDUNG = '../../services/web/src/auth.ts';
interface WebAnmeldung {
  anmelden(ziel: string): Promise<void>;
  rueckkehr(): Promise<string>;
  aktuelleSitzung(): { token: string; sub: string; name: string; mandant: string | null; rollen: string[]; ablauf: number; erneuerung?: string } | undefined;
  erneuern(): Promise<boolean>;
  abmelden(): Promise<void>;
}

/** The web client's refresh token used at the provider as the client would: 200 while it is valid. */
async function erneuernMit(refreshToken: string) {
  const res = await fetch(`${anbieter.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'eakte-web' }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** The web client's own login code (services/web/src/auth.ts) in a stand-in browser: its storage, location and fetch. */
async function webAnmeldung(basis: string, sub: string, danach?: (web: WebAnmeldung) => Promise<void>) {
  const speicher = new Map<string, string>();
  const ort = { origin: basis, href: `${basis}/`, ziel: '', assign: (url: string) => (ort.ziel = url) };
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => speicher.get(k) ?? null, setItem: (k: string, v: string) => speicher.set(k, v), removeItem: (k: string) => speicher.delete(k) });
  vi.stubGlobal('location', ort);
  const echt = globalThis.fetch;
  vi.stubGlobal('fetch', (url: string | URL | Request, init?: RequestInit) => echt(typeof url === 'string' && url.startsWith('/') ? `${basis}${url}` : url, init));
  vi.stubEnv('DEV', false);
  const web = (await import(WEB_ANMELDUNG)) as WebAnmeldung;
  const { anmelden, rueckkehr, aktuelleSitzung } = web;
  try {
    await anmelden('/akten');
    const autorisierung = new URL(ort.ziel);
    // the browser at the provider: authorization request, then its login page, then back to the client
    const start = await echt(autorisierung, { redirect: 'manual' });
    expect(start.status, await start.clone().text()).toBe(303);
    let cookies = cookiesAus(start);
    const login = await anbieter.anmelden(start.headers.get('location')!, cookies, sub);
    expect(login.status).toBe(303);
    cookies = cookiesAus(login, cookies);
    const weiter = await echt(new URL(login.headers.get('location')!, anbieter.issuer), { headers: { cookie: cookies }, redirect: 'manual' });
    expect(weiter.status).toBe(303);
    const zurueck = new URL(weiter.headers.get('location')!);
    expect(`${zurueck.origin}${zurueck.pathname}`).toBe(`${basis}/anmeldung/rueckkehr`);
    ort.href = zurueck.toString();
    const ziel = await rueckkehr();
    const sitzung = aktuelleSitzung()!;
    await danach?.(web);
    return { ziel, sitzung, autorisierung };
  } finally {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  }
}

beforeAll(async () => {
  const webPort = await freePort();
  stand = { schluessel: [await neuerSchluessel('schluessel-1')], konten: [SACHBEARBEITERIN], fachverfahren: [FACHVERFAHREN], webRueckkehr: [`http://127.0.0.1:${webPort}/anmeldung/rueckkehr`] };
  anbieter = await starteAnbieter(stand);
  const apps = await plattform(anbieter.issuer, webPort);
  gateway = apps.url;
  return async () => {
    await apps.stop();
    await anbieter.stop();
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('oidc-provider as the issuer, through the gateway', { timeout: 60_000 }, () => {
  it('logs a user in with the web client (Authorization Code + PKCE) and the API accepts the token', async () => {
    const { ziel, sitzung, autorisierung } = await webAnmeldung(gateway, SACHBEARBEITERIN.sub);
    expect(autorisierung.searchParams.get('code_challenge_method')).toBe('S256');
    expect(autorisierung.searchParams.get('client_id')).toBe('eakte-web');
    expect(ziel).toBe('/akten');
    expect(sitzung).toMatchObject({ sub: 'erika.muster', name: 'Erika Muster', mandant: 'demo' });
    expect(sitzung.rollen).toContain('sachbearbeitung');
    const kopf = decodeProtectedHeader(sitzung.token);
    expect(kopf).toMatchObject({ typ: 'at+jwt', kid: 'schluessel-1' });
    const claims = decodeJwt(sitzung.token);
    expect(claims).toMatchObject({ iss: anbieter.issuer, aud: 'eakte', sub: 'erika.muster', client_id: 'eakte-web', mandant: 'demo' });
    expect(claims.exp! - claims.iat!).toBe(TOKEN_LEBENSDAUER_SEKUNDEN);
    const res = await aktenplan(sitzung.token);
    expect(res.status).toBe(200);
    webToken = sitzung.token;
  });

  it('keeps the web session past one access token (5 minutes) by renewing it without a new login', async () => {
    let erneuert: { token: string; ablauf: number } | undefined;
    const { sitzung } = await webAnmeldung(gateway, SACHBEARBEITERIN.sub, async (web) => {
      expect(await web.erneuern()).toBe(true);
      erneuert = web.aktuelleSitzung();
    });
    expect(erneuert!.token).not.toBe(sitzung.token);
    expect(decodeJwt(erneuert!.token)).toMatchObject({ sub: 'erika.muster', mandant: 'demo', aud: 'eakte' });
    expect((await aktenplan(erneuert!.token)).status).toBe(200);
  });

  it('logs out for good: the refresh token is revoked at the issuer', async () => {
    let erneuerung = '';
    await webAnmeldung(gateway, SACHBEARBEITERIN.sub, async (web) => {
      erneuerung = web.aktuelleSitzung()!.erneuerung!;
      expect(erneuerung).toBeTruthy();
      await web.abmelden();
      expect(web.aktuelleSitzung()).toBeUndefined();
    });
    const danach = await erneuernMit(erneuerung);
    expect(danach.status, JSON.stringify(danach.body)).toBe(400);
    expect(danach.body.error).toBe('invalid_grant');
  });

  it('a renewal still under way when the user logs out does not log them in again; the token it brings is revoked', async () => {
    const ausgestellt: string[] = [];
    await webAnmeldung(gateway, SACHBEARBEITERIN.sub, async (web) => {
      // the issuer has answered the renewal, the browser has not yet taken the answer in: then the logout
      let beantwortet = () => {};
      const beimIssuer = new Promise<void>((r) => (beantwortet = r));
      let freigeben = () => {};
      const frei = new Promise<void>((r) => (freigeben = r));
      const weiter = globalThis.fetch;
      vi.stubGlobal('fetch', async (url: string | URL | Request, init?: RequestInit) => {
        const res = await weiter(url, init);
        if (String(url).endsWith('/token')) {
          const t = ((await res.clone().json()) as { refresh_token?: string }).refresh_token;
          if (t) ausgestellt.push(t);
          beantwortet();
          await frei;
        }
        return res;
      });
      const laufend = web.erneuern();
      await beimIssuer;
      await web.abmelden();
      freigeben();
      expect(await laufend).toBe(false);
      expect(web.aktuelleSitzung()).toBeUndefined();
    });
    expect(ausgestellt).toHaveLength(1);
    expect((await erneuernMit(ausgestellt[0]!)).status).toBe(400);
  });

  it('gives a Fachverfahren a token by client credentials, limited to its tenant, role and scope', async () => {
    const { status, body } = await clientCredentials();
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'akten:read', expires_in: TOKEN_LEBENSDAUER_SEKUNDEN });
    expect(decodeJwt(body.access_token!)).toMatchObject({ sub: FACHVERFAHREN.clientId, client_id: FACHVERFAHREN.clientId, mandant: 'demo', scope: 'akten:read' });
    const lesen = await fetch(`${gateway}/api/v1/akten`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(lesen.status).toBe(200);
    // its scope is akten:read: no writes, and the Aktenplan belongs to the Akten service's reads too
    const schreiben = await fetch(`${gateway}/api/v1/akten`, {
      method: 'POST',
      headers: { authorization: `Bearer ${body.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ betreff: 'x', aktenplaneinheitId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a' }),
    });
    expect(schreiben.status).toBe(403);
    // a scope the client was not given is refused by the provider
    expect((await clientCredentials(FACHVERFAHREN, 'akten:write')).status).toBe(400);
  });

  it('accepts tokens of the old and the new key across a rotation; an unknown kid refetches the JWKS', async (context) => {
    const alt = (await clientCredentials()).body.access_token!;
    expect(decodeProtectedHeader(alt).kid).toBe('schluessel-1');
    expect((await akten(alt)).status).toBe(200);
    const abrufe = anbieter.jwksAbrufe();
    // the provider signs with the new key from now on and still publishes the old one
    const neu = await neuerSchluessel('schluessel-2');
    anbieter.aendern({ schluessel: [neu, ...stand.schluessel] });
    const neues = (await clientCredentials()).body.access_token!;
    expect(decodeProtectedHeader(neues).kid).toBe('schluessel-2');
    const fremd = await neuerSchluessel('erfunden');
    const erfundene = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => new SignJWT(decodeJwt(neues)).setProtectedHeader({ alg: 'RS256', kid: `erfunden-${i}`, typ: 'at+jwt' }).sign(await importJWK(fremd, 'RS256'))),
    );
    await warte(1_100); // the refetch cooldown of this platform (OIDC_JWKS_COOLDOWN_SECONDS=1)
    expect((await akten(alt)).status).toBe(200);
    expect(anbieter.jwksAbrufe()).toBe(abrufe);
    expect((await akten(neues)).status).toBe(200);
    expect(anbieter.jwksAbrufe()).toBe(abrufe + 1);
    expect((await akten(alt)).status).toBe(200);
    // made-up kids right after that fetch are refused without a refetch each
    for (const falsch of erfundene) {
      const res = await akten(falsch);
      expect(res.status).toBe(401);
      expect(res.typ).toMatch(/^application\/problem\+json/);
    }
    const fuerErfundene = anbieter.jwksAbrufe() - abrufe - 1;
    expect(fuerErfundene).toBeLessThanOrEqual(1);
    berichte(
      context,
      'oidc-rotation (oidc-provider, gateway)',
      `old and new kid accepted, 1 JWKS refetch for the new kid, ${fuerErfundene} for 5 made-up kids sent right after (cooldown 1 s here, 30 s by default), all 5 refused`,
    );
  });

  it('answers 503 problem+json while the JWKS cannot be fetched, never 500, and recovers when it is back', async (context) => {
    const t = (await clientCredentials()).body.access_token!;
    // a platform instance that has not fetched the keys yet, e.g. started while the issuer is down
    const kalt = await plattform(anbieter.issuer);
    await anbieter.abschalten();
    try {
      const res = await akten(t, kalt.url);
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.typ).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'DIENST_NICHT_VERFUEGBAR' });
      expect(res.retryAfter).toBeTruthy();
      // without a token it stays 401: there is nothing to check
      expect((await fetch(`${kalt.url}/api/v1/akten`)).status).toBe(401);
      // an instance that holds the keys keeps verifying while the issuer is away
      expect((await akten(t)).status).toBe(200);
    } finally {
      await anbieter.einschalten();
    }
    expect((await akten(t, kalt.url)).status).toBe(200);
    await kalt.stop();
    berichte(context, 'oidc (oidc-provider, gateway)', 'JWKS unreachable: 503 DIENST_NICHT_VERFUEGBAR with Retry-After, recovered once back');
  });

  it('gives a disabled client no new tokens; its issued token works until it expires', async () => {
    const frueher = (await clientCredentials()).body.access_token!;
    anbieter.aendern({ fachverfahren: [] });
    try {
      const { status, body } = await clientCredentials();
      expect(status).toBe(401);
      expect(body.error).toBe('invalid_client');
      // JWT access tokens are checked by signature, not asked back at the issuer: valid until `exp`,
      // which is why they live five minutes
      expect((await akten(frueher)).status).toBe(200);
      const { exp, iat } = decodeJwt(frueher);
      expect(exp! - iat!).toBeLessThanOrEqual(300);
    } finally {
      anbieter.aendern({ fachverfahren: [FACHVERFAHREN] });
    }
  });

  it('issues the claims layout docs/sicherheit.md gives for Keycloak, and the platform accepts that layout', async () => {
    const doku = readFileSync(path.join(root, 'docs', 'sicherheit.md'), 'utf8');
    const beispiel = (marke: string) => JSON.parse(new RegExp(`<!-- ${marke} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(doku)![1]!) as JWTPayload;
    const schluessel = stand.schluessel[0]!;
    const jetzt = Math.floor(Date.now() / 1000);
    // the documented token as Keycloak would sign it for this issuer (header typ JWT, aud an array for users)
    const wieKeycloak = async (c: JWTPayload) =>
      new SignJWT({ ...c, iss: anbieter.issuer, iat: jetzt, exp: jetzt + 300 }).setProtectedHeader({ alg: 'RS256', kid: schluessel.kid!, typ: 'JWT' }).sign(await importJWK(schluessel, 'RS256'));
    const verify = createVerifier({ issuer: anbieter.issuer, audience: 'eakte', tenantClaim: 'mandant', lookupMandant: async (slug) => (slug === 'demo' ? { id: 'demo' } : null) });
    const gelesen = async (t: string) => verify(`Bearer ${t}`);

    const benutzerDoku = await wieKeycloak(beispiel('zugriffstoken-benutzer'));
    const benutzerAnbieter = webToken || (await webAnmeldung(gateway, SACHBEARBEITERIN.sub)).sitzung.token;
    const [a, b] = [await gelesen(benutzerDoku), await gelesen(benutzerAnbieter)];
    const person = ({ name, rollen, client, mandantSlug }: Awaited<ReturnType<typeof gelesen>>) => ({ name, rollen, client, mandantSlug });
    expect(person(a)).toEqual(person(b));
    expect(person(a)).toEqual({ name: 'Erika Muster', rollen: ['sachbearbeitung'], client: 'eakte-web', mandantSlug: 'demo' });
    expect((await aktenplan(benutzerDoku)).status).toBe(200);

    const verfahrenDoku = await wieKeycloak(beispiel('zugriffstoken-fachverfahren'));
    const verfahrenAnbieter = (await clientCredentials()).body.access_token!;
    const [c, d] = [await gelesen(verfahrenDoku), await gelesen(verfahrenAnbieter)];
    const technisch = ({ rollen, client, mandantSlug, scopes }: Awaited<ReturnType<typeof gelesen>>) => ({ rollen, client, mandantSlug, scopes });
    expect(technisch(c)).toEqual(technisch(d));
    expect(technisch(c)).toEqual({ rollen: ['fachverfahren'], client: 'fachverfahren-bauantrag', mandantSlug: 'demo', scopes: ['akten:read'] });
    expect((await akten(verfahrenDoku)).status).toBe(200);
  });

  it('accepts the issuer configured with a trailing slash the provider does not write (or the other way round)', async () => {
    const t = (await clientCredentials()).body.access_token!;
    expect(decodeJwt(t).iss).toBe(anbieter.issuer);
    const mitSchraegstrich = await plattform(`${anbieter.issuer}/`);
    const anderer = await plattform(`${anbieter.issuer}/realms/anderes`, 0, { OIDC_JWKS_URL: `${anbieter.issuer}/jwks` });
    try {
      expect((await akten(t, mitSchraegstrich.url)).status).toBe(200);
      // another issuer with the same keys is still refused
      const res = await akten(t, anderer.url);
      expect(res.status).toBe(401);
      expect(res.body.detail).toBe('Token ungültig (iss)');
    } finally {
      await mitSchraegstrich.stop();
      await anderer.stop();
    }
  });

  it('tolerates 30 seconds of clock difference to the issuer, no more', async () => {
    const claims = decodeJwt((await clientCredentials()).body.access_token!);
    const schluessel = stand.schluessel[0]!;
    const jetzt = Math.floor(Date.now() / 1000);
    // the provider's tokens as a provider whose clock is off by `versatz` seconds signs them
    const mitUhr = async (iat: number, exp: number) =>
      new SignJWT({ ...claims, iat, exp }).setProtectedHeader({ alg: 'RS256', kid: schluessel.kid!, typ: 'at+jwt' }).sign(await importJWK(schluessel, 'RS256'));
    expect((await akten(await mitUhr(jetzt + 20, jetzt + 320))).status).toBe(200); // issuer ahead
    expect((await akten(await mitUhr(jetzt - 310, jetzt - 10))).status).toBe(200); // issuer behind, just expired by ours
    const abgelaufen = await akten(await mitUhr(jetzt - 345, jetzt - 45));
    expect(abgelaufen.status).toBe(401);
    expect(abgelaufen.body.detail).toBe('Token abgelaufen');
  });
});
