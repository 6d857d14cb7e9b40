// Authentication: OIDC bearer tokens verified against the issuer's JWKS (Keycloak-compatible claims).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import createError from '@fastify/error';
import { z } from 'zod';
import { ROLLEN, type Rolle } from './berechtigungen.js';
import { Errors } from './errors.js';

export const authConfig = {
  OIDC_ISSUER: z.string().url(),
  OIDC_AUDIENCE: z.string().min(1).default('eakte'),
  OIDC_TENANT_CLAIM: z.string().min(1).default('mandant'),
  /** Optional: skip discovery and take keys from here. */
  OIDC_JWKS_URL: z.string().url().optional(),
  /**
   * A token of an unknown key refetches the JWKS at most this often (a flood of made-up kids costs the issuer nothing);
   * at least a second, since 0 would pass every such token on to the issuer.
   */
  OIDC_JWKS_COOLDOWN_SECONDS: z.coerce.number().int('must be a whole number of seconds').min(1, 'must be at least 1 (seconds between two JWKS refetches)').default(30),
};

export const AuthErrors = {
  NichtAuthentifiziert: createError('NICHT_AUTHENTIFIZIERT', '%s', 401),
  KeineBerechtigung: createError('KEINE_BERECHTIGUNG', '%s', 403),
};

/** Asymmetric algorithms only: a symmetric (HS*) token signed with a public key must fail. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface Akteur {
  sub: string;
  name: string;
  rollen: Rolle[];
  /** Technical client (Fachverfahren) id, from `azp`/`client_id`. */
  client?: string;
  mandantId: string | null;
  mandantSlug: string | null;
  scopes: string[];
  /** The request this actor acts in (for the Protokoll); null for the platform's own jobs. */
  anfrageId?: string | null;
  clientIp?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    akteur?: Akteur;
  }
}

export interface MandantLookup {
  (slug: string): Promise<{ id: string } | null>;
}

export interface VerifierOptions {
  issuer: string;
  audience: string;
  tenantClaim: string;
  jwksUrl?: string;
  lookupMandant: MandantLookup;
  fetchTimeoutMs?: number;
  jwksCooldownMs?: number;
}

async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<URL> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`OIDC discovery answered ${res.status}`);
  const meta = (await res.json()) as { jwks_uri?: string; issuer?: string };
  if (!meta.jwks_uri) throw new Error('OIDC discovery has no jwks_uri');
  return new URL(meta.jwks_uri);
}

function rolesOf(payload: JWTPayload): Rolle[] {
  const realm = (payload.realm_access as { roles?: unknown } | undefined)?.roles;
  const direct = payload.roles;
  const all = [...(Array.isArray(realm) ? realm : []), ...(Array.isArray(direct) ? direct : [])];
  return [...new Set(all.filter((r): r is Rolle => typeof r === 'string' && (ROLLEN as readonly string[]).includes(r)))];
}

/** The issuer's keys could not be fetched: nothing is wrong with the token, so the caller may retry. */
class SchluesselNichtAbrufbar extends Error {}

export function createVerifier(opts: VerifierOptions) {
  const timeout = opts.fetchTimeoutMs ?? 5_000;
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  async function keys() {
    if (!jwks) {
      const uri = opts.jwksUrl ? new URL(opts.jwksUrl) : await discoverJwksUri(opts.issuer, timeout);
      jwks = createRemoteJWKSet(uri, { timeoutDuration: timeout, cooldownDuration: opts.jwksCooldownMs ?? 30_000, cacheMaxAge: 10 * 60_000 });
    }
    return jwks;
  }
  // The realm URL copied with a trailing slash, or a provider that writes one: the same issuer.
  const aussteller = [opts.issuer, opts.issuer.endsWith('/') ? opts.issuer.slice(0, -1) : `${opts.issuer}/`];
  // A key the JWKS does not have is the token's fault; a JWKS that cannot be fetched (refused, timed
  // out, not 200, not a key set, discovery failed) is the platform's: told apart here.
  const schluessel = async (...args: Parameters<ReturnType<typeof createRemoteJWKSet>>) => {
    try {
      const ausJwks = await keys();
      return await ausJwks(...args);
    } catch (err) {
      if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWKSMultipleMatchingKeys || err instanceof joseErrors.JOSENotSupported) throw err;
      throw new SchluesselNichtAbrufbar('JWKS nicht abrufbar', { cause: err });
    }
  };

  return async function verify(authorization: string | undefined): Promise<Akteur> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization ?? '');
    if (!match) throw new AuthErrors.NichtAuthentifiziert('Anmeldung erforderlich: Authorization: Bearer <Token> fehlt');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, schluessel, {
        issuer: aussteller,
        audience: opts.audience,
        algorithms: ALGORITHMS,
        clockTolerance: 30,
      }));
    } catch (err) {
      // Fail closed when the issuer's keys cannot be fetched, but as 503: a 401 would send a user to a
      // new login and a Fachverfahren for a new token, neither of which helps while the issuer is away.
      if (err instanceof SchluesselNichtAbrufbar)
        throw new Errors.DienstNichtVerfuegbar('Die Schlüssel des Anmeldedienstes sind gerade nicht abrufbar; bitte später erneut versuchen', { cause: err.cause });
      const reason =
        err instanceof joseErrors.JWTExpired ? 'Token abgelaufen' : err instanceof joseErrors.JWTClaimValidationFailed ? `Token ungültig (${err.claim})` : 'Token ungültig oder nicht prüfbar';
      throw new AuthErrors.NichtAuthentifiziert(reason);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthErrors.NichtAuthentifiziert('Token ohne sub');
    const rollen = rolesOf(payload);
    const slug = payload[opts.tenantClaim];
    let mandantId: string | null = null;
    if (typeof slug === 'string' && slug !== '') {
      const m = await opts.lookupMandant(slug);
      if (!m) throw new AuthErrors.NichtAuthentifiziert('Unbekannter Mandant');
      mandantId = m.id;
    } else if (!rollen.includes('plattformbetrieb')) {
      throw new AuthErrors.NichtAuthentifiziert('Token ohne Mandant');
    }
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    const name = (typeof payload.name === 'string' && payload.name) || (typeof payload.preferred_username === 'string' && payload.preferred_username) || payload.sub;
    const client = (typeof payload.azp === 'string' && payload.azp) || (typeof payload.client_id === 'string' && payload.client_id) || undefined;
    return { sub: payload.sub, name, rollen, client, mandantId, mandantSlug: typeof slug === 'string' ? slug : null, scopes: scope };
  };
}

export type Verifier = ReturnType<typeof createVerifier>;

/** The authenticated caller of a request that passed the auth hook. */
export function akteurOf(req: FastifyRequest): Akteur & { mandantId: string } {
  const a = req.akteur;
  if (!a || !a.mandantId) throw new AuthErrors.KeineBerechtigung('Kein Mandantenkontext');
  return a as Akteur & { mandantId: string };
}

/**
 * The scope a technical client (Fachverfahren) needs for an operation: `<service>:read` for reads,
 * `<service>:write` for changes, e.g. `dokumente:write` to file documents.
 */
export function benoetigterScope(service: string, method: string): string {
  return `${service}:${method.toLowerCase() === 'get' || method.toLowerCase() === 'head' ? 'read' : 'write'}`;
}

export function authHook(verify: Verifier, allowed: readonly Rolle[], operationId: string, scope?: string) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const akteur: Akteur = { ...(await verify(req.headers.authorization)), anfrageId: req.id, clientIp: req.ip ?? null };
    req.akteur = akteur;
    const rollen = akteur.rollen.filter((r) => allowed.includes(r));
    if (rollen.length === 0) {
      throw new AuthErrors.KeineBerechtigung(`Keine Berechtigung für ${operationId}`);
    }
    // A technical client acts only within the scopes it was granted (client-credentials tokens).
    if (scope && rollen.every((r) => r === 'fachverfahren') && !akteur.scopes.includes(scope)) {
      throw new AuthErrors.KeineBerechtigung(`Dem Fachverfahren fehlt der Scope ${scope} für ${operationId}`);
    }
  };
}
