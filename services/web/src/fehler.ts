// Problems (RFC 9457) from the API, turned into what a clerk can read and act on.
import { FEHLER, T } from './texte';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  fehler?: { ort?: string; feld?: string; pfad?: string; meldung?: string; message?: string }[];
  [k: string]: unknown;
}

export class ApiFehler extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

/** A problem from any answer body: problem+json as sent, or one built from the status. */
export function alsProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && typeof (body as Problem).status === 'number') return body as Problem;
  return { status, code: status === 404 ? 'NICHT_GEFUNDEN' : status >= 500 ? 'INTERNER_FEHLER' : undefined, title: `HTTP ${status}` };
}

export interface FehlerAnzeige {
  text: string;
  tun: string;
  details: string[];
  anfrageId?: string;
}

/** What to show for a problem: the plain-German text and what to do, plus the server's detail and field errors. */
export function fehlerAnzeige(p: Problem): FehlerAnzeige {
  const bekannt = p.code ? FEHLER[p.code] : undefined;
  const nachStatus =
    p.status === 404 ? FEHLER.NICHT_GEFUNDEN : p.status === 403 ? FEHLER.KEINE_BERECHTIGUNG : p.status === 401 ? FEHLER.NICHT_AUTHENTIFIZIERT : p.status >= 500 ? FEHLER.INTERNER_FEHLER : undefined;
  const basis = bekannt ?? nachStatus ?? { text: p.detail ?? p.title ?? T.fehler.titel, tun: 'Prüfen Sie Ihre Angaben und versuchen Sie es erneut.' };
  const details: string[] = [];
  // the server's own sentence names the object (e.g. which Vorgänge are open); 5xx details are hidden by the server anyway
  if (p.detail && p.detail !== basis.text && p.status < 500 && !p.fehler?.length) details.push(p.detail);
  for (const f of p.fehler ?? []) {
    const feld = (f.feld ?? f.pfad)?.replace(/^\//, '').replaceAll('/', '.');
    const meldung = f.meldung ?? f.message;
    if (meldung) details.push(feld ? `${feld}: ${meldung}` : meldung);
  }
  return { text: basis.text, tun: basis.tun, details, anfrageId: p.requestId };
}
