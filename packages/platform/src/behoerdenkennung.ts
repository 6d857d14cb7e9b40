// The agency's Behördenkennung after xdomea's BehoerdenkennungType (two xoev-code:Code values):
// every xdomea message names it in Kopf/Absender; an archive that configured it refuses messages without it.
import { Errors } from './errors.js';

export interface Behoerdenkennung {
  behoerdenschluessel: { code: string; listURI?: string; listVersionID?: string };
  praefix: { code: string };
}

export interface BehoerdenkennungFehler {
  feld: string;
  meldung: string;
}

// xs:token: no leading, trailing or doubled spaces, no tab or line break; not empty
const TOKEN = /^[^\s](?:[^\t\n\r ]| (?! ))*$/;
const TOKEN_ENDE = /[^\s]$/;
// xs:normalizedString without tab and line break; xs:anyURI here as an absolute URI (urn:…, https://…)
const NORMALISIERT = /^[^\t\n\r]+$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

const istToken = (s: string) => TOKEN.test(s) && TOKEN_ENDE.test(s);

/** The rule violations of a Behördenkennung (shape already checked by the contract), each naming its field. */
export function behoerdenkennungFehler(b: Behoerdenkennung, basis = '/behoerdenkennung'): BehoerdenkennungFehler[] {
  const fehler: BehoerdenkennungFehler[] = [];
  const s = b.behoerdenschluessel;
  if (!istToken(s.code)) fehler.push({ feld: `${basis}/behoerdenschluessel/code`, meldung: 'muss ein nicht leerer Code ohne führende, folgende oder doppelte Leerzeichen sein' });
  if (s.listURI !== undefined && !URI.test(s.listURI)) fehler.push({ feld: `${basis}/behoerdenschluessel/listURI`, meldung: 'muss eine absolute URI sein (z. B. urn:…)' });
  if (s.listVersionID !== undefined && !NORMALISIERT.test(s.listVersionID))
    fehler.push({ feld: `${basis}/behoerdenschluessel/listVersionID`, meldung: 'muss ein nicht leerer Text ohne Tabulator oder Zeilenumbruch sein' });
  if (!istToken(b.praefix.code)) fehler.push({ feld: `${basis}/praefix/code`, meldung: 'muss ein nicht leerer Code ohne führende, folgende oder doppelte Leerzeichen sein' });
  return fehler;
}

/** Refuses a Behördenkennung that breaks a rule: 422 BEHOERDENKENNUNG_UNGUELTIG listing the fields. */
export function pruefeBehoerdenkennung(b: Behoerdenkennung): void {
  const fehler = behoerdenkennungFehler(b);
  if (fehler.length === 0) return;
  throw Object.assign(new Errors.BehoerdenkennungUngueltig(fehler.map((f) => `${f.feld}: ${f.meldung}`).join('; ')), { erweiterung: { fehler } });
}

/** The stored value as a Behördenkennung, or null when it is missing or not readable. */
export function gespeicherteBehoerdenkennung(wert: unknown): Behoerdenkennung | null {
  if (!wert || typeof wert !== 'object') return null;
  const w = wert as { behoerdenschluessel?: { code?: unknown; listURI?: unknown; listVersionID?: unknown }; praefix?: { code?: unknown } };
  const s = w.behoerdenschluessel;
  if (typeof s?.code !== 'string' || typeof w.praefix?.code !== 'string') return null;
  const b: Behoerdenkennung = {
    behoerdenschluessel: {
      code: s.code,
      ...(typeof s.listURI === 'string' ? { listURI: s.listURI } : {}),
      ...(typeof s.listVersionID === 'string' ? { listVersionID: s.listVersionID } : {}),
    },
    praefix: { code: w.praefix.code },
  };
  return behoerdenkennungFehler(b).length === 0 ? b : null;
}
