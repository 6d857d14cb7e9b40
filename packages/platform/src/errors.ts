// Errors with stable codes, and the one place that turns any error into RFC 9457 problem+json.
import { STATUS_CODES } from 'node:http';
import createError from '@fastify/error';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { fehlerKette } from './pg-fehler.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const Errors = {
  NichtGefunden: createError('NICHT_GEFUNDEN', '%s', 404),
  RouteNichtGefunden: createError('ROUTE_NICHT_GEFUNDEN', 'Keine Ressource unter %s %s', 404),
  MethodeNichtErlaubt: createError('METHODE_NICHT_ERLAUBT', 'Methode %s ist für %s nicht erlaubt', 405),
  Konflikt: createError('KONFLIKT', '%s', 409),
  /** A closed (z.d.A.) object takes no new content and no changes except by registratur with a reason. */
  ObjektGeschlossen: createError('OBJEKT_GESCHLOSSEN', '%s', 409),
  /** A change to a closed (z.d.A.) object lacks its reason (`grund`); carries a field error on `/grund`. */
  GrundErforderlich: createError('GRUND_ERFORDERLICH', '%s', 422),
  /** A Wiedervorlage on a day already past; carries a field error on the date's field. */
  WiedervorlageVergangen: createError('WIEDERVORLAGE_IN_VERGANGENHEIT', '%s', 422),
  /** A Löschsperre forbids the change (shortening a Frist, offering, destroying). */
  Loeschsperre: createError('LOESCHSPERRE', '%s', 409),
  /** `If-Match` names an outdated version. */
  VorbedingungFehlgeschlagen: createError('VORBEDINGUNG_FEHLGESCHLAGEN', '%s', 412),
  /** `If-Match` is required for this change. */
  VorbedingungErforderlich: createError('VORBEDINGUNG_ERFORDERLICH', '%s', 428),
  /** Well-formed but refused by a rule. */
  NichtVerarbeitbar: createError('NICHT_VERARBEITBAR', '%s', 422),
  /** A Behördenkennung (tenant setting) breaks a rule of xdomea's code type. */
  BehoerdenkennungUngueltig: createError('BEHOERDENKENNUNG_UNGUELTIG', '%s', 422),
  /** The tenant has no Behördenkennung, so no xdomea message can name its sender. */
  BehoerdenkennungFehlt: createError('BEHOERDENKENNUNG_FEHLT', '%s', 409),
  /** Geschäftsgang: the step is not (or no longer) current, e.g. completed by a concurrent request. */
  SchrittNichtAktuell: createError('SCHRITT_NICHT_AKTUELL', '%s', 409),
  /** Geschäftsgang: another member of the org unit took the step over first. */
  SchrittUebernommen: createError('SCHRITT_UEBERNOMMEN', '%s', 409),
  /** Geschäftsgang: only the step's Bearbeiter (the user, or a member of the org unit) may complete it. */
  NichtBearbeiter: createError('NICHT_BEARBEITER', '%s', 403),
  /** Geschäftsgang: a Mitzeichnung needs a Votum, the other actions take none. */
  VotumUngueltig: createError('VOTUM_UNGUELTIG', '%s', 422),
  /** Geschäftsgang: the Laufweg breaks a rule (Zeichnung last and alone, parallel groups consecutive). */
  LaufwegUngueltig: createError('LAUFWEG_UNGUELTIG', '%s', 422),
  /** Geschäftsgang: a Schlussverfügung only with the step that ends the Laufweg, `wv` with a date. */
  SchlussverfuegungUnzulaessig: createError('SCHLUSSVERFUEGUNG_UNZULAESSIG', '%s', 422),
  /** Geschäftsgang: a Mitzeichnung was given on an older version; the Zeichnung asks again or passes over it with a reason. */
  MitzeichnungAufVorversion: createError('MITZEICHNUNG_AUF_VORVERSION', '%s', 409),
  /** An Idempotency-Key already used for another request: the first result is not this request's. */
  IdempotenzKonflikt: createError('IDEMPOTENZ_SCHLUESSEL_WIEDERVERWENDET', 'Der Idempotency-Key wurde bereits für eine andere Anfrage verwendet', 409),
  /** Malformed percent-encoding in the path or the query. */
  UngueltigeUrl: createError('UNGUELTIGE_URL', '%s', 400),
  KoerperFehlt: createError('KOERPER_FEHLT', '%s', 400),
  MedientypNichtErlaubt: createError('MEDIENTYP_NICHT_UNTERSTUETZT', '%s', 415),
  UngueltigerCursor: createError('UNGUELTIGER_CURSOR', 'Der Cursor ist ungültig oder abgelaufen', 400),
  /** The declared or streamed request body exceeds the limit for its operation. */
  AnfrageZuGross: createError('ANFRAGE_ZU_GROSS', '%s', 413),
  DienstNichtVerfuegbar: createError('DIENST_NICHT_VERFUEGBAR', '%s', 503),
  ZeitUeberschreitung: createError('ZEITUEBERSCHREITUNG', '%s', 504),
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

const fastifyCodes: Record<string, { code: string; status?: number }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'MEDIENTYP_NICHT_UNTERSTUETZT', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'UNGUELTIGE_LAENGE', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'ANFRAGE_ZU_GROSS', status: 413 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'UNGUELTIGES_JSON', status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'UNGUELTIGES_JSON', status: 400 },
  FST_ERR_CTP_EMPTY_TYPE: { code: 'MEDIENTYP_NICHT_UNTERSTUETZT', status: 415 },
  FST_ERR_VALIDATION: { code: 'VALIDIERUNGSFEHLER', status: 400 },
};

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `urn:eakte:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply
    .code(p.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...p, instance: reply.request.url.split('?')[0], requestId: reply.request.id }));
}

interface ValidationItem {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function describeValidation(err: FastifyError & { validation?: ValidationItem[]; validationContext?: string }) {
  const ort = err.validationContext ?? 'body';
  const fehler = (err.validation ?? []).map((v) => {
    const missing = v.params?.missingProperty as string | undefined;
    const extra = v.params?.additionalProperty as string | undefined;
    const feld = `${v.instancePath ?? ''}${missing ? `/${missing}` : ''}${extra ? `/${extra}` : ''}` || '/';
    return { ort, feld, meldung: v.message ?? 'ungültig' };
  });
  const detail = fehler.map((f) => `${f.ort}${f.feld === '/' ? '' : f.feld.replaceAll('/', '.')}: ${f.meldung}`).join('; ');
  return { detail: detail || err.message, fehler };
}

// Connection-level failures of PostgreSQL or object storage: the request may succeed later.
const NICHT_ERREICHBAR = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);

function istNichtErreichbar(err: unknown): boolean {
  for (const e of fehlerKette(err)) {
    if (typeof e.code === 'string' && NICHT_ERREICHBAR.has(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(e.message)) return true;
  }
  return false;
}

/** PostgreSQL data exceptions (class 22: bad characters such as NUL, out-of-range values, bad dates) are the client's input. */
function istDatenfehler(err: unknown): boolean {
  for (const e of fehlerKette(err)) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  return false;
}

/**
 * Records-law rules the database enforces itself (triggers raise P0001 with the rule's code as HINT):
 * should a request reach one, it is the rule's conflict, not a 500. Only these codes: another
 * P0001 is a bug of ours.
 */
const DATENBANKREGELN: readonly (readonly [number, string])[] = [
  [409, 'LOESCHSPERRE'],
  [409, 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR'],
  [409, 'POSTEINGANG_BEREITS_ZUGEORDNET'],
  [409, 'POSTEINGANG_UNVERAENDERLICH'],
];

function datenbankregel(err: unknown): Problem | null {
  for (const e of fehlerKette(err)) {
    const { code, hint, message } = e as { code?: unknown; hint?: unknown; message?: unknown };
    if (code !== 'P0001') continue;
    const regel = DATENBANKREGELN.find(([, c]) => c === hint);
    return regel ? problem(regel[0], regel[1], typeof message === 'string' ? message : regel[1]) : null;
  }
  return null;
}

export function toProblem(err: FastifyError & { validation?: ValidationItem[] }): Problem {
  const regel = datenbankregel(err);
  if (regel) return regel;
  if (istDatenfehler(err)) return problem(400, 'UNGUELTIGER_WERT', 'Ein Wert der Anfrage kann nicht verarbeitet werden (z. B. Steuerzeichen oder Wertebereich)');
  if (istNichtErreichbar(err)) {
    return problem(503, 'DIENST_NICHT_VERFUEGBAR', 'Datenbank oder Objektspeicher ist vorübergehend nicht erreichbar. Bitte später erneut versuchen.');
  }
  if (err.validation) {
    const { detail, fehler } = describeValidation(err);
    return problem(400, 'VALIDIERUNGSFEHLER', detail, { fehler });
  }
  const mapped = err.code ? fastifyCodes[err.code] : undefined;
  if (mapped) return problem(mapped.status ?? err.statusCode ?? 400, mapped.code, err.message);
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = err.code && !err.code.startsWith('FST_') ? err.code : 'UNGUELTIGE_ANFRAGE';
    // domain errors may carry problem extension members (e.g. the open Vorgänge blocking a z.d.A.)
    return problem(status, code, err.message, (err as { erweiterung?: Record<string, unknown> }).erweiterung ?? {});
  }
  // an internal error the service names on purpose: stable code, a detail safe to show
  if (status >= 500 && (err as { oeffentlich?: boolean }).oeffentlich && err.code && !err.code.startsWith('FST_')) {
    return problem(status, err.code, err.message, (err as { erweiterung?: Record<string, unknown> }).erweiterung ?? {});
  }
  if (status === 503 || status === 502 || status === 504) {
    const code = err.code && !err.code.startsWith('FST_') ? err.code : 'DIENST_NICHT_VERFUEGBAR';
    const detail = err.code?.startsWith('FST_') ? 'Ein benötigter Dienst ist vorübergehend nicht erreichbar. Bitte später erneut versuchen.' : err.message;
    return problem(status, code, detail);
  }
  return problem(500, 'INTERNER_FEHLER', 'Ein interner Fehler ist aufgetreten. Bitte die requestId an den Betrieb melden.');
}

/** Error and not-found handling for one Fastify instance: every error leaves as problem+json. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    // Route patterns per method, to tell 405 from 404.
    const routes: { pattern: RegExp; methods: Set<string> }[] = [];
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const source = route.url
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:[A-Za-z0-9_]+/g, '[^/]+')
        .replace(/\*/g, '.*');
      const pattern = new RegExp(`^${source}/?$`);
      const existing = routes.find((r) => r.pattern.source === pattern.source);
      if (existing) methods.forEach((m) => existing.methods.add(m));
      else routes.push({ pattern, methods: new Set(methods) });
    });

    app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const p = toProblem(err);
      // the client reset its own connection: nothing is wrong with the database or the storage
      if (req.raw.destroyed && !reply.sent) {
        req.log.info({ code: (err as { code?: string }).code }, 'client disconnected');
        return sendProblem(reply, p);
      }
      if (p.status === 503) {
        req.log.warn({ err }, 'dependency unavailable');
        reply.header('retry-after', '5');
      } else if (p.status >= 500) req.log.error({ err }, 'request failed');
      else req.log.info({ code: p.code, status: p.status }, p.detail);
      return sendProblem(reply, p);
    });

    const nichtGefunden = (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0] ?? '/';
      const allowed = new Set<string>();
      for (const r of routes) if (r.pattern.test(path)) r.methods.forEach((m) => allowed.add(m));
      if (allowed.size > 0) {
        reply.header('allow', [...allowed].sort().join(', '));
        return sendProblem(reply, problem(405, 'METHODE_NICHT_ERLAUBT', `Methode ${req.method} ist für ${path} nicht erlaubt`));
      }
      return sendProblem(reply, problem(404, 'ROUTE_NICHT_GEFUNDEN', `Keine Ressource unter ${req.method} ${path}`));
    };
    // Unknown routes are answered before their body is looked at: Fastify would otherwise refuse a
    // QUERY without Content-Type with 400 before the 404/405 (after the rate limit's onRequest hook).
    app.addHook('preParsing', async (req, reply) => {
      if (req.is404) await nichtGefunden(req, reply);
    });
    app.setNotFoundHandler(nichtGefunden);
  },
  { name: 'errors' },
);
