// Problems (RFC 9457) from the API, turned into what a clerk can read and act on.
import { FEHLER, fehlertextFuer, T } from './texte';

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
  /** Errors of single fields (by the field's name in the API), in plain German. */
  felder: FeldFehler[];
  anfrageId?: string;
}

export interface FeldFehler {
  feld: string;
  text: string;
  /** The whole pointer without the leading slash (`vertreter/1/sub`): a field of one row of a list. */
  pfad?: string;
}

/** The validator's message (JSON Schema, English) as a plain-German sentence for the field. */
function feldText(meldung: string): string {
  let m: RegExpExecArray | null;
  if (/fewer than 1 characters|required property|fewer than 1 items/.test(meldung)) return T.formular.pflichtFehlt;
  if ((m = /more than (\d+) characters/.exec(meldung))) return T.formular.hoechstens(Number(m[1]));
  if ((m = /fewer than (\d+) characters/.exec(meldung))) return T.formular.mindestens(Number(m[1]));
  if (/format "date"/.test(meldung)) return T.formular.datum;
  if (/format "email"/.test(meldung)) return T.formular.email;
  if (/format "(uuid|date-time)"|must match pattern/.test(meldung)) return T.formular.format;
  if (/allowed values|must be equal to constant/.test(meldung)) return T.formular.auswahl;
  if (/must be integer|must be number/.test(meldung)) return T.formular.zahl;
  // the services' own field messages (German)
  if (/in der Vergangenheit/.test(meldung)) return T.formular.nichtVergangen;
  if (/keine Organisationseinheit des Benutzers/.test(meldung)) return T.formular.eigeneEinheit;
  if ((m = /must be (<=|>=|<|>) (-?\d+)/.exec(meldung))) return m[1]!.startsWith('<') ? T.formular.hoechstensWert(Number(m[2])) : T.formular.mindestensWert(Number(m[2]));
  return T.formular.ungueltig;
}

/** The field errors of a problem: the field's name (last part of its pointer) and what to fix. */
export function feldFehler(p: Problem): FeldFehler[] {
  const l: FeldFehler[] = [];
  for (const f of p.fehler ?? []) {
    const teile = (f.feld ?? f.pfad ?? '').split('/').filter(Boolean);
    const feld = teile.at(-1) ?? '';
    const pfad = teile.join('/');
    if (!l.some((x) => x.feld === feld && (x.pfad ?? x.feld) === pfad)) l.push({ feld, text: feldText(f.meldung ?? f.message ?? ''), ...(teile.length > 1 ? { pfad } : {}) });
  }
  return l;
}

/** What to show for a problem: the plain-German text and what to do, the server's detail and the field errors. */
export function fehlerAnzeige(p: Problem): FehlerAnzeige {
  const bekannt = p.code ? fehlertextFuer(p.code) : undefined;
  const nachStatus =
    p.status === 404 ? FEHLER.NICHT_GEFUNDEN : p.status === 403 ? FEHLER.KEINE_BERECHTIGUNG : p.status === 401 ? FEHLER.NICHT_AUTHENTIFIZIERT : p.status >= 500 ? FEHLER.INTERNER_FEHLER : undefined;
  const basis = bekannt ?? nachStatus ?? { text: p.detail ?? p.title ?? T.fehler.titel, tun: 'Prüfen Sie Ihre Angaben und versuchen Sie es erneut.' };
  const details: string[] = [];
  // the server's own sentence names the object (e.g. which Vorgänge are open); 5xx details are hidden by
  // the server anyway; a validator's joined text is replaced by the field errors
  if (p.detail && p.detail !== basis.text && p.status < 500 && !p.fehler?.length && !bekannt?.ohneDetail) details.push(p.detail);
  return { text: basis.text, tun: basis.tun, details, felder: feldFehler(p), anfrageId: p.requestId };
}
