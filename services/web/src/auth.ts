// Login: OpenID Connect Authorization Code flow with PKCE (S256) against the configured issuer
// (Keycloak in production, the development issuer on the embedded default). The access token is
// kept in sessionStorage only: gone when the tab closes, never in a cookie.
import * as oauth from 'oauth4webapi';
import { pfad } from './pfade';

export interface Sitzung {
  token: string;
  ablauf: number;
  sub: string;
  name: string;
  mandant: string | null;
  rollen: string[];
  /** Refresh token of the issuer's login session (Keycloak's), when it gives one. */
  erneuerung?: string;
}

interface Konfiguration {
  issuer: string | null;
  clientId: string;
}

const SITZUNG = 'eakte.sitzung';
const ANMELDUNG = 'eakte.anmeldung';

/** The claims the client shows (name, tenant, roles); the services verify the token, not the client. */
export function sitzungAusToken(token: string, jetzt = Date.now()): Sitzung {
  const teil = token.split('.')[1];
  if (!teil) throw new Error('kein JWT');
  const json = new TextDecoder().decode(Uint8Array.from(atob(teil.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
  const c = JSON.parse(json) as Record<string, unknown>;
  const rollen = new Set<string>();
  const realm = c.realm_access as { roles?: unknown } | undefined;
  for (const r of [...(Array.isArray(realm?.roles) ? realm.roles : []), ...(Array.isArray(c.roles) ? c.roles : [])]) if (typeof r === 'string') rollen.add(r);
  return {
    token,
    ablauf: typeof c.exp === 'number' ? c.exp * 1000 : jetzt + 5 * 60_000,
    sub: String(c.sub ?? ''),
    name: String(c.name ?? c.preferred_username ?? c.sub ?? ''),
    mandant: typeof c.mandant === 'string' ? c.mandant : null,
    rollen: [...rollen],
  };
}

export function aktuelleSitzung(jetzt = Date.now()): Sitzung | undefined {
  const roh = sessionStorage.getItem(SITZUNG);
  if (!roh) return undefined;
  const s = JSON.parse(roh) as Sitzung;
  // a minute's margin, so a request does not start with a token about to expire
  if (s.ablauf - 60_000 < jetzt) {
    sessionStorage.removeItem(SITZUNG);
    return undefined;
  }
  return s;
}

// Each logout starts a new generation: a renewal begun in an older one is discarded when it comes back,
// so a refresh under way at the logout does not log the user in again.
let generation = 0;

/**
 * Ends the session at once; then revokes the refresh token at the issuer (Keycloak's login session
 * would otherwise still renew it), when the issuer has a revocation endpoint. The development issuer
 * gives no refresh token and has none.
 */
export async function abmelden(): Promise<void> {
  generation++;
  clearTimeout(zeitgeber);
  const roh = sessionStorage.getItem(SITZUNG);
  sessionStorage.removeItem(SITZUNG);
  const erneuerung = roh ? (JSON.parse(roh) as Sitzung).erneuerung : undefined;
  if (erneuerung) await widerrufen(erneuerung);
}

/** RFC 7009; a failure leaves the logout done here, the token then ends with the issuer's login session. */
async function widerrufen(refreshToken: string) {
  try {
    const { as, client, optionen } = await konfiguration();
    if (!as.revocation_endpoint) return;
    const antwort = await oauth.revocationRequest(as, client, oauth.None(), refreshToken, { ...optionen, additionalParameters: { token_type_hint: 'refresh_token' } });
    await oauth.processRevocationResponse(antwort);
  } catch {
    // nothing to tell the user: they are logged out of the client either way
  }
}

async function konfiguration(): Promise<{ as: oauth.AuthorizationServer; client: oauth.Client; optionen: { [oauth.allowInsecureRequests]?: boolean; [oauth.customFetch]?: typeof fetch } }> {
  const k = (await (await fetch('/web-konfiguration.json')).json()) as Konfiguration;
  if (!k.issuer) throw new Error('kein Issuer');
  const issuer = new URL(k.issuer);
  // plain http only towards this machine (the development issuer); elsewhere TLS is required
  const lokal = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  const optionen: { [oauth.allowInsecureRequests]?: boolean; [oauth.customFetch]?: typeof fetch } = lokal && issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  if (import.meta.env.DEV && issuer.origin !== location.origin) {
    // `pnpm dev:web`: the issuer sits behind the dev server's proxy, so its calls stay same-origin (no CORS)
    optionen[oauth.customFetch] = (url, init) => fetch(String(url).replace(issuer.origin, ''), init);
  }
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...optionen, algorithm: 'oidc' }));
  return { as, client: { client_id: k.clientId }, optionen };
}

const rueckkehrUrl = () => `${location.origin}${pfad('rueckkehr')}`;

/** Sends the browser to the issuer's login; `ziel` is where to come back to afterwards. */
export async function anmelden(ziel: string) {
  const { as, client } = await konfiguration();
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(ANMELDUNG, JSON.stringify({ verifier, state, ziel }));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', rueckkehrUrl());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'openid');
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  location.assign(url.toString());
}

/** Completes the login on the redirect back: checks state, exchanges the code with the PKCE verifier. */
export async function rueckkehr(): Promise<string> {
  const gespeichert = sessionStorage.getItem(ANMELDUNG);
  sessionStorage.removeItem(ANMELDUNG);
  if (!gespeichert) throw new Error('keine laufende Anmeldung');
  const { verifier, state, ziel } = JSON.parse(gespeichert) as { verifier: string; state: string; ziel: string };
  const { as, client, optionen } = await konfiguration();
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), state);
  const antwort = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, rueckkehrUrl(), verifier, optionen);
  const ergebnis = await oauth.processAuthorizationCodeResponse(as, client, antwort);
  speichern(ergebnis);
  // only paths of this client, never another origin
  return ziel.startsWith('/') && !ziel.startsWith('//') ? ziel : '/';
}

function speichern(ergebnis: oauth.TokenEndpointResponse, bisherigeErneuerung?: string) {
  const sitzung = sitzungAusToken(ergebnis.access_token);
  if (ergebnis.expires_in) sitzung.ablauf = Math.min(sitzung.ablauf, Date.now() + ergebnis.expires_in * 1000);
  const erneuerung = ergebnis.refresh_token ?? bisherigeErneuerung;
  if (erneuerung) sitzung.erneuerung = erneuerung;
  sessionStorage.setItem(SITZUNG, JSON.stringify(sitzung));
  erneuerungPlanen();
}

let zeitgeber: ReturnType<typeof setTimeout> | undefined;

/**
 * Renews the access token with the refresh token, without a redirect. Keycloak's access tokens live
 * 5 minutes and its login session hours: without this the client would send the user to the login
 * every four minutes, losing what a form held. False when there is nothing to renew with, or when the
 * user logged out while the renewal was under way.
 */
export async function erneuern(): Promise<boolean> {
  const roh = sessionStorage.getItem(SITZUNG);
  const alt = roh ? (JSON.parse(roh) as Sitzung) : undefined;
  if (!alt?.erneuerung) return false;
  const begonnen = generation;
  let ergebnis: oauth.TokenEndpointResponse;
  try {
    const { as, client, optionen } = await konfiguration();
    const antwort = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), alt.erneuerung, optionen);
    ergebnis = await oauth.processRefreshTokenResponse(as, client, antwort);
  } catch (err) {
    // refused because the logout revoked the token meanwhile: nothing went wrong
    if (begonnen !== generation) return false;
    throw err;
  }
  if (begonnen !== generation) {
    // logged out meanwhile: the answer is dropped, and a refresh token it brings revoked as well
    if (ergebnis.refresh_token && ergebnis.refresh_token !== alt.erneuerung) await widerrufen(ergebnis.refresh_token);
    return false;
  }
  speichern(ergebnis, alt.erneuerung);
  return true;
}

/** Renews two minutes before the token runs out (ahead of aktuelleSitzung's one-minute margin); also after a reload. */
export function erneuerungPlanen(jetzt = Date.now()) {
  clearTimeout(zeitgeber);
  const s = aktuelleSitzung(jetzt);
  if (!s?.erneuerung) return;
  // a renewal that fails (login session over) leaves the token to run out: the next 401 leads to the login
  zeitgeber = setTimeout(() => void erneuern().catch(() => {}), Math.max(0, s.ablauf - jetzt - 120_000));
  // the browser does not wait for it (a test's process neither)
  (zeitgeber as { unref?: () => void }).unref?.();
}
