// Token attacks: each must end in 401 problem+json (503 while the issuer's keys cannot be fetched), never in access.
import { createServer, devIssuerRoutes } from '@eakte/platform';
import { authHeader, berichte, build, expectProblem, testEnv, token } from '@eakte/testing';
import { exportJWK, generateKeyPair, SignJWT, importJWK, decodeProtectedHeader } from 'jose';
import { describe, expect, it, inject, onTestFinished } from 'vitest';
import aktenApp from '@eakte/akten';

const url = '/api/v1/aktenplan';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

const zahlen = { angriffe: 0, akzeptiert: 0 };

/** The answer to an attack: counted, and counted as accepted unless it was refused. */
function angriff<T extends { statusCode: number }>(res: T): T {
  zahlen.angriffe++;
  if (res.statusCode < 400) zahlen.akzeptiert++;
  return res;
}

async function get(app: Awaited<ReturnType<typeof build>>, bearer: string) {
  return angriff(await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } }));
}

describe('bearer token verification', () => {
  it('accepts a valid token', async () => {
    const app = await build(aktenApp);
    expect((await app.inject({ method: 'GET', url, headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) })).statusCode).toBe(200);
  });

  it('rejects a missing or malformed Authorization header', async () => {
    const app = await build(aktenApp);
    expectProblem(angriff(await app.inject({ method: 'GET', url })), 401, 'NICHT_AUTHENTIFIZIERT');
    expectProblem(angriff(await app.inject({ method: 'GET', url, headers: { authorization: 'Basic dXNlcjpwYXNz' } })), 401);
    expectProblem(await get(app, 'nicht.ein.token'), 401);
  });

  it('rejects alg none', async () => {
    const app = await build(aktenApp);
    const valid = await token({ tenant: 'demo', roles: ['registratur'] });
    const payload = valid.split('.')[1];
    expectProblem(await get(app, `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`), 401);
  });

  it("rejects HS256 signed with the issuer's public key", async () => {
    const app = await build(aktenApp);
    const pub = inject('devKey').publicJwk;
    const secret = new TextEncoder().encode(JSON.stringify(pub));
    const forged = await new SignJWT({ mandant: 'demo', realm_access: { roles: ['registratur'] } })
      .setProtectedHeader({ alg: 'HS256', kid: pub.kid! })
      .setIssuer(inject('issuer'))
      .setAudience('eakte')
      .setSubject('angreifer')
      .setExpirationTime('1h')
      .sign(secret);
    expectProblem(await get(app, forged), 401);
  });

  it('rejects expired and not-yet-valid tokens', async () => {
    const app = await build(aktenApp);
    const expired = await token({ tenant: 'demo', roles: ['sachbearbeitung'], ttlSeconds: -120 });
    const body = expectProblem(await get(app, expired), 401);
    expect(body.detail).toContain('abgelaufen');
    const future = await token({ tenant: 'demo', roles: ['sachbearbeitung'], extra: { nbf: Math.floor(Date.now() / 1000) + 3600 } });
    expectProblem(await get(app, future), 401);
  });

  it('rejects a wrong issuer or audience', async () => {
    const app = await build(aktenApp);
    expectProblem(await get(app, await token({ tenant: 'demo', roles: ['sachbearbeitung'], issuer: 'https://evil.example/realms/x' })), 401);
    expectProblem(await get(app, await token({ tenant: 'demo', roles: ['sachbearbeitung'], audience: 'anderes-system' })), 401);
  });

  it('rejects a tenant that does not exist and a token without tenant', async () => {
    const app = await build(aktenApp);
    const body = expectProblem(await get(app, await token({ tenant: 'gibt-es-nicht', roles: ['sachbearbeitung'] })), 401);
    expect(body.detail).toBe('Unbekannter Mandant');
    expectProblem(await get(app, await token({ roles: ['sachbearbeitung'] })), 401);
  });

  it('rejects a tampered payload', async () => {
    const app = await build(aktenApp);
    const [h, p, s] = (await token({ tenant: 'demo2', roles: ['sachbearbeitung'] })).split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    claims.mandant = 'demo';
    expectProblem(await get(app, `${h}.${b64(claims)}.${s}`), 401);
  });

  it('rejects a token signed by a key that is not in the JWKS', async () => {
    const app = await build(aktenApp);
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    const foreign = await new SignJWT({ mandant: 'demo', realm_access: { roles: ['registratur'] } })
      .setProtectedHeader({ alg: 'ES256', kid: 'unbekannt' })
      .setIssuer(inject('issuer'))
      .setAudience('eakte')
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(await importJWK(jwk, 'ES256'));
    expect(decodeProtectedHeader(foreign).kid).toBe('unbekannt');
    expectProblem(await get(app, foreign), 401);
  });

  it("fails closed when the issuer's JWKS cannot be fetched, with 503 (retry later), not 401", async () => {
    // an issuer whose discovery works but whose key endpoint is gone
    const issuerApp = createServer({ logLevel: 'silent' });
    let issuer = '';
    await issuerApp.register(devIssuerRoutes, { prefix: '/x', key: inject('devKey'), issuer: () => issuer });
    issuer = `${await issuerApp.listen({ host: '127.0.0.1', port: 0 })}/x`;
    onTestFinished(() => issuerApp.close());
    const app = await build(aktenApp, { OIDC_ISSUER: issuer, OIDC_JWKS_URL: `${issuer}/gibt-es-nicht` });
    const t = await token({ tenant: 'demo', roles: ['sachbearbeitung'], issuer });
    expect((await get(app, t)).headers['retry-after']).toBeDefined();
    expectProblem(await get(app, t), 503, 'DIENST_NICHT_VERFUEGBAR');
    expect(testEnv().OIDC_ISSUER).not.toBe(issuer);
  });

  it('gives 403, not 401, for a valid token whose roles do not permit the operation', async () => {
    const app = await build(aktenApp);
    expectProblem(await get(app, await token({ tenant: 'demo', roles: ['pruefung'] })), 403, 'KEINE_BERECHTIGUNG');
    // plattformbetrieb has no tenant and reads no tenant content
    expectProblem(await get(app, await token({ roles: ['plattformbetrieb'] })), 403, 'KEINE_BERECHTIGUNG');
  });

  it('limits a technical client (Fachverfahren) to the scopes of its token', async () => {
    const app = await build(aktenApp);
    const nurDokumente = await token({ tenant: 'demo', roles: ['fachverfahren'], extra: { scope: 'dokumente:write', azp: 'fachverfahren-bauantrag' } });
    const body = expectProblem(angriff(await app.inject({ method: 'GET', url: '/api/v1/akten', headers: { authorization: `Bearer ${nurDokumente}` } })), 403, 'KEINE_BERECHTIGUNG');
    expect(body.detail).toContain('akten:read');
    const ohne = await token({ tenant: 'demo', roles: ['fachverfahren'], extra: { scope: '' } });
    expectProblem(angriff(await app.inject({ method: 'GET', url: '/api/v1/akten', headers: { authorization: `Bearer ${ohne}` } })), 403);
    const lesen = await token({ tenant: 'demo', roles: ['fachverfahren'], extra: { scope: 'akten:read' } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/akten', headers: { authorization: `Bearer ${lesen}` } })).statusCode).toBe(200);
    // reading does not allow writing
    const anlegen = angriff(
      await app.inject({ method: 'POST', url: '/api/v1/akten', headers: { authorization: `Bearer ${lesen}` }, payload: { betreff: 'x', aktenplaneinheitId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a' } }),
    );
    expectProblem(anlegen, 403);
    // a person's role is not limited by scopes
    expect((await app.inject({ method: 'GET', url: '/api/v1/akten', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) })).statusCode).toBe(200);
  });

  it('accepted none of the attacks', (context) => {
    // 3 malformed headers, alg none, HS256, expired, nbf, iss, aud, 2 tenants, tampered, foreign kid, JWKS down, 2 roles, 3 scopes
    expect(zahlen.angriffe).toBeGreaterThanOrEqual(19);
    expect(zahlen.akzeptiert).toBe(0);
    berichte(context, 'token (service, inject)', `${zahlen.angriffe} attacks, ${zahlen.akzeptiert} accepted`);
  });
});
