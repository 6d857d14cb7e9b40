// Development OIDC issuer: its own signing key and JWKS, so the embedded start needs no Keycloak.
// Enabled only on the embedded default or explicitly by configuration.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

export interface DevKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function loadOrCreateDevKey(dir: string): Promise<DevKey> {
  const file = path.join(dir, 'dev-issuer-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevKey;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  return { privateJwk, publicJwk };
}

export interface DevTokenClaims {
  issuer: string;
  audience: string;
  sub: string;
  name?: string;
  mandant?: string;
  rollen: string[];
  ttlSeconds?: number;
  tenantClaim?: string;
  extra?: Record<string, unknown>;
}

export async function signDevToken(key: DevKey, c: DevTokenClaims): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, 'ES256');
  const claims: Record<string, unknown> = {
    name: c.name ?? c.sub,
    preferred_username: c.sub,
    realm_access: { roles: c.rollen },
    ...(c.mandant ? { [c.tenantClaim ?? 'mandant']: c.mandant } : {}),
    ...c.extra,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid!, typ: 'JWT' })
    .setIssuer(c.issuer)
    .setAudience(c.audience)
    .setSubject(c.sub)
    .setIssuedAt()
    .setExpirationTime(`${c.ttlSeconds ?? 3600}s`)
    .sign(privateKey);
}

/** Serves discovery and JWKS under the plugin's prefix (the issuer URL). */
export async function devIssuerRoutes(app: FastifyInstance, opts: { key: DevKey; issuer: string | (() => string) }) {
  const issuer = () => (typeof opts.issuer === 'function' ? opts.issuer() : opts.issuer);
  app.get('/.well-known/openid-configuration', async () => ({
    issuer: issuer(),
    jwks_uri: `${issuer()}/jwks`,
    id_token_signing_alg_values_supported: ['ES256'],
  }));
  app.get('/jwks', async () => ({ keys: [opts.key.publicJwk] }));
}
