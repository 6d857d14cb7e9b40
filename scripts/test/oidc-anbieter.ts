// oidc-provider (OpenID Certified) as the issuer of a test: in-process on a free loopback port, with
// the claims layout the platform expects and a Keycloak realm produces (docs/sicherheit.md#keycloak).
// Its configuration can be replaced while it runs (key rotation, a disabled client) under the same
// issuer URL, and it can be taken off the network and brought back on the same port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, type Configuration } from 'oidc-provider';

/** The resource indicator of the platform's API; its tokens carry the audience `eakte`. */
export const RESSOURCE = 'urn:eakte:api';
export const AUDIENCE = 'eakte';
/** Access tokens live five minutes: without introspection that bounds how long a revoked client's token still works. */
export const TOKEN_LEBENSDAUER_SEKUNDEN = 300;
export const SCOPES = ['akten', 'dokumente', 'aussonderung', 'protokoll'].flatMap((s) => [`${s}:read`, `${s}:write`]);

export interface Konto {
  sub: string;
  name: string;
  mandant?: string;
  rollen: string[];
}

export interface Fachverfahren {
  clientId: string;
  secret: string;
  mandant: string;
  rollen: string[];
  scope: string;
}

export interface AnbieterStand {
  /** Signing keys, the first one signs (a rotation puts the new key first and keeps the old one). */
  schluessel: JWK[];
  konten: Konto[];
  fachverfahren: Fachverfahren[];
  /** Redirect URIs of the web client `eakte-web` (public, PKCE). */
  webRueckkehr: string[];
}

/** RS256, as a Keycloak realm signs by default. */
export async function neuerSchluessel(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

/**
 * Keycloak's access-token layout: tenant in `mandant`, realm roles in `realm_access.roles` (with the
 * realm's default role, which the platform ignores), a person's name and user name.
 */
function tokenClaims(mandant: string | undefined, rollen: string[], person?: Konto) {
  return {
    ...(mandant ? { mandant } : {}),
    realm_access: { roles: [...rollen, 'default-roles-eakte'] },
    ...(person ? { name: person.name, preferred_username: person.sub } : {}),
  };
}

function konfiguration(issuer: string, stand: AnbieterStand): Configuration {
  const konten = new Map(stand.konten.map((k) => [k.sub, k]));
  const verfahren = new Map(stand.fachverfahren.map((f) => [f.clientId, f]));
  return {
    clients: [
      {
        client_id: 'eakte-web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: stand.webRueckkehr,
      },
      ...stand.fachverfahren.map((f) => ({
        client_id: f.clientId,
        client_secret: f.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: f.scope,
      })),
    ],
    jwks: { keys: stand.schluessel },
    scopes: ['openid', 'profile', ...SCOPES],
    cookies: { keys: ['eakte-test-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // as Keycloak's revocation endpoint: the web client revokes its refresh token when the user logs out
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // the web client asks for `openid` only, as against Keycloak: its access token is for the API all the same
        defaultResource: () => RESSOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== RESSOURCE) throw new errors.InvalidTarget();
          return { audience: AUDIENCE, scope: SCOPES.join(' '), accessTokenTTL: TOKEN_LEBENSDAUER_SEKUNDEN, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    findAccount: (_ctx, sub) => {
      const k = konten.get(sub);
      return k ? { accountId: sub, claims: () => ({ sub, name: k.name, preferred_username: sub }) } : undefined;
    },
    extraTokenClaims: (_ctx, token) => {
      if ('accountId' in token && typeof token.accountId === 'string') {
        const k = konten.get(token.accountId);
        return k ? tokenClaims(k.mandant, k.rollen, k) : undefined;
      }
      const f = verfahren.get(token.clientId!);
      return f ? tokenClaims(f.mandant, f.rollen) : undefined;
    },
    // first-party client: consent is implied, as with Keycloak's "Consent required: off"
    loadExistingGrant: async (ctx) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const bestehend = session.grantIdFor(client.clientId);
      if (bestehend) return ctx.oidc.provider.Grant.find(bestehend);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(RESSOURCE, '');
      await grant.save();
      return grant;
    },
    // as Keycloak does for a client with "Use refresh tokens" on: bound to the login session, no offline_access needed
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: TOKEN_LEBENSDAUER_SEKUNDEN, ClientCredentials: TOKEN_LEBENSDAUER_SEKUNDEN, IdToken: TOKEN_LEBENSDAUER_SEKUNDEN },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  };
}

export interface Anbieter {
  issuer: string;
  /** How often the platform fetched the JWKS. */
  jwksAbrufe(): number;
  /** Replaces the provider's configuration under the same issuer (keys, clients, accounts). */
  aendern(stand: Partial<AnbieterStand>): void;
  /** Takes the issuer off the network (connections refused) … */
  abschalten(): Promise<void>;
  /** … and brings it back on the same port. */
  einschalten(): Promise<void>;
  /** Logs `sub` in: answers the interaction the authorization request was sent to (the login page). */
  anmelden(interaktionsUrl: string, cookies: string, sub: string): Promise<Response>;
  stop(): Promise<void>;
}

export async function starteAnbieter(anfang: AnbieterStand): Promise<Anbieter> {
  let stand = anfang;
  let provider: Provider | undefined;
  let abrufe = 0;
  const anmeldungen = new Map<string, string>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/jwks') abrufe++;
    const interaktion = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (interaktion && req.method === 'GET') {
      const sub = anmeldungen.get(interaktion[1]!);
      if (!sub) {
        res.statusCode = 400;
        return res.end('keine Anmeldung erwartet');
      }
      void provider!.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false }).catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
      return;
    }
    return provider!.callback()(req, res);
  };
  let server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const neu = () => {
    provider = new Provider(issuer, konfiguration(issuer, stand));
  };
  neu();
  const schliessen = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    issuer,
    jwksAbrufe: () => abrufe,
    aendern(teil) {
      stand = { ...stand, ...teil };
      neu();
    },
    abschalten: schliessen,
    async einschalten() {
      server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async anmelden(interaktionsUrl, cookies, sub) {
      const uid = /\/interaction\/([^/?]+)/.exec(interaktionsUrl)![1]!;
      anmeldungen.set(uid, sub);
      return fetch(new URL(interaktionsUrl, issuer), { headers: { cookie: cookies }, redirect: 'manual' });
    },
    stop: schliessen,
  };
}
