// Development OIDC issuer: its own signing key and JWKS, so the embedded start needs no Keycloak.
// Enabled only on the embedded default or explicitly by configuration.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { ROLLEN_NAMEN } from './berechtigungen.js';

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

/** A seeded demo user offered on the development login page. */
export interface DemoBenutzer {
  sub: string;
  name: string;
  mandant?: string;
  mandantName?: string;
  rollen: string[];
}

export interface DevIssuerOptions {
  key: DevKey;
  issuer: string | (() => string);
  /** With demo users, the issuer also offers a login page (Authorization Code + PKCE) for the web client. */
  benutzer?: DemoBenutzer[];
  audience?: string;
  tenantClaim?: string;
}

const CODE_TTL_MS = 60_000;
const PKCE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** S256 code challenge of a PKCE verifier (RFC 7636). */
export const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Only loopback clients: this issuer exists for a developer's machine, never to log in elsewhere.
function loopbackRedirect(uri: string | undefined): URL | undefined {
  if (!uri) return undefined;
  try {
    const u = new URL(uri);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    return loopback && (u.protocol === 'http:' || u.protocol === 'https:') && !u.hash ? u : undefined;
  } catch {
    return undefined;
  }
}

function loginSeite(params: URLSearchParams, benutzer: DemoBenutzer[], issuer: string): string {
  const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope', 'nonce']
    .filter((k) => params.has(k))
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k)!)}">`)
    .join('');
  const gruppen = new Map<string, DemoBenutzer[]>();
  for (const b of benutzer) {
    const g = b.mandant ? `${b.mandantName ?? b.mandant} (Mandant ${b.mandant})` : 'Plattform';
    gruppen.set(g, [...(gruppen.get(g) ?? []), b]);
  }
  const fieldsets = [...gruppen]
    .map(
      ([g, bs]) =>
        `<fieldset><legend>${escapeHtml(g)}</legend><ul>${bs
          .map(
            (b) =>
              `<li><button type="submit" name="benutzer" value="${escapeHtml(b.sub)}">${escapeHtml(
                b.rollen.map((r) => (ROLLEN_NAMEN as Record<string, string>)[r] ?? r).join(', '),
              )} <span class="sub">(${escapeHtml(b.name)})</span></button></li>`,
          )
          .join('')}</ul></fieldset>`,
    )
    .join('');
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Anmeldung – Entwicklungs-Anmeldedienst</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1.5rem;color:#171a2b;line-height:1.5}
fieldset{border:1px solid #5c6273;margin:0 0 1.5rem;padding:1rem}legend{font-weight:700;padding:0 .25rem}
ul{list-style:none;margin:0;padding:0}li{margin:.5rem 0}
button{font:inherit;min-height:2.75rem;padding:.5rem 1rem;border:2px solid #003d7a;background:#fff;color:#003d7a;border-radius:4px;cursor:pointer;width:100%;text-align:left}
button:hover{background:#e8eef7}button:focus-visible{outline:3px solid #171a2b;outline-offset:2px}
.sub{color:#3d4252}.hinweis{background:#fff4d6;border-left:4px solid #8a5a00;padding:.75rem 1rem}
</style></head>
<body><main>
<h1>Anmeldung</h1>
<p class="hinweis">Entwicklungs-Anmeldedienst (${escapeHtml(issuer)}): nur für die lokale Erprobung. Wählen Sie eine Demo-Benutzerin oder einen Demo-Benutzer; Mandant und Rolle bestimmen, was Sie sehen dürfen.</p>
<form method="post">${hidden}${fieldsets}</form>
</main></body></html>`;
}

/** Serves discovery and JWKS under the plugin's prefix (the issuer URL); with demo users also /authorize and /token. */
export async function devIssuerRoutes(app: FastifyInstance, opts: DevIssuerOptions) {
  const issuer = () => (typeof opts.issuer === 'function' ? opts.issuer() : opts.issuer);
  const benutzer = opts.benutzer ?? [];
  app.get('/.well-known/openid-configuration', async () => ({
    issuer: issuer(),
    jwks_uri: `${issuer()}/jwks`,
    id_token_signing_alg_values_supported: ['ES256'],
    ...(benutzer.length
      ? {
          authorization_endpoint: `${issuer()}/authorize`,
          token_endpoint: `${issuer()}/token`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['none'],
          subject_types_supported: ['public'],
          authorization_response_iss_parameter_supported: true,
        }
      : {}),
  }));
  app.get('/jwks', async () => ({ keys: [opts.key.publicJwk] }));
  if (!benutzer.length) return;

  // a form post and a token request are small: parsed here, in this plugin's scope only
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => done(null, new URLSearchParams(body as string)));
  const codes = new Map<string, { sub: string; clientId: string; redirectUri: string; challenge: string; expires: number }>();
  const oauthFehler = (reply: import('fastify').FastifyReply, error: string, description: string) =>
    reply.code(400).header('cache-control', 'no-store').send({ error, error_description: description });
  const antragFehler = (p: URLSearchParams): string | undefined => {
    if (p.get('response_type') !== 'code') return 'response_type muss "code" sein';
    if (!p.get('client_id')) return 'client_id fehlt';
    if (!loopbackRedirect(p.get('redirect_uri') ?? undefined)) return 'redirect_uri fehlt oder ist keine lokale Adresse';
    if (p.get('code_challenge_method') !== 'S256' || !PKCE_CHALLENGE.test(p.get('code_challenge') ?? '')) return 'PKCE mit code_challenge_method=S256 ist erforderlich';
    return undefined;
  };
  const fehlerSeite = (reply: import('fastify').FastifyReply, text: string) =>
    reply
      .code(400)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmeldung nicht möglich</title></head><body><main><h1>Anmeldung nicht möglich</h1><p>${escapeHtml(text)}</p></main></body></html>`,
      );

  app.get('/authorize', async (req, reply) => {
    const p = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1));
    const fehler = antragFehler(p);
    if (fehler) return fehlerSeite(reply, fehler);
    // the form's answer redirects to the client, and browsers check form-action on that redirect too
    const client = loopbackRedirect(p.get('redirect_uri')!)!.origin;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self' ${client}; frame-ancestors 'none'; base-uri 'none'`)
      .send(loginSeite(p, benutzer, issuer()));
  });

  app.post('/authorize', async (req, reply) => {
    const form = req.body instanceof URLSearchParams ? req.body : new URLSearchParams();
    const p = new URLSearchParams(form);
    p.set('response_type', 'code');
    const fehler = antragFehler(p);
    if (fehler) return fehlerSeite(reply, fehler);
    const b = benutzer.find((x) => x.sub === form.get('benutzer'));
    if (!b) return fehlerSeite(reply, 'Unbekannte Demo-Benutzerin oder unbekannter Demo-Benutzer');
    const code = randomBytes(32).toString('base64url');
    for (const [k, v] of codes) if (v.expires < Date.now()) codes.delete(k);
    codes.set(code, { sub: b.sub, clientId: p.get('client_id')!, redirectUri: p.get('redirect_uri')!, challenge: p.get('code_challenge')!, expires: Date.now() + CODE_TTL_MS });
    const ziel = loopbackRedirect(p.get('redirect_uri')!)!;
    ziel.searchParams.set('code', code);
    if (p.has('state')) ziel.searchParams.set('state', p.get('state')!);
    ziel.searchParams.set('iss', issuer());
    return reply.redirect(ziel.toString(), 303);
  });

  app.post('/token', async (req, reply) => {
    const p = req.body instanceof URLSearchParams ? req.body : new URLSearchParams();
    if (p.get('grant_type') !== 'authorization_code') return oauthFehler(reply, 'unsupported_grant_type', 'nur authorization_code');
    const code = p.get('code') ?? '';
    const eintrag = codes.get(code);
    codes.delete(code); // a code is good for one attempt only, right or wrong
    if (!eintrag || eintrag.expires < Date.now()) return oauthFehler(reply, 'invalid_grant', 'code unbekannt, verbraucht oder abgelaufen');
    if (p.get('client_id') !== eintrag.clientId || p.get('redirect_uri') !== eintrag.redirectUri) return oauthFehler(reply, 'invalid_grant', 'client_id oder redirect_uri passen nicht zum code');
    const verifier = p.get('code_verifier') ?? '';
    if (!PKCE_VERIFIER.test(verifier) || pkceChallenge(verifier) !== eintrag.challenge) return oauthFehler(reply, 'invalid_grant', 'code_verifier passt nicht zur code_challenge');
    const b = benutzer.find((x) => x.sub === eintrag.sub)!;
    const ttlSeconds = 3600;
    const accessToken = await signDevToken(opts.key, {
      issuer: issuer(),
      audience: opts.audience ?? 'eakte',
      sub: b.sub,
      name: b.name,
      mandant: b.mandant,
      rollen: b.rollen,
      ttlSeconds,
      tenantClaim: opts.tenantClaim,
    });
    return reply.header('cache-control', 'no-store').send({ access_token: accessToken, token_type: 'Bearer', expires_in: ttlSeconds, scope: 'openid' });
  });
}
