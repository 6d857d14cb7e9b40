// Errors of the Aussonderung service with stable codes.
import createError from '@fastify/error';
import { Errors } from '@eakte/platform';
import type { Verstoss } from '../domain/aussonderung-gates.js';

export const AussonderungFehler = {
  NichtAngeboten: createError('NICHT_ANGEBOTEN', '%s', 409),
  NichtAlsVBewertet: createError('NICHT_ALS_V_BEWERTET', '%s', 409),
  NichtAlsABewertet: createError('NICHT_ALS_A_BEWERTET', '%s', 409),
  InhaltBereitsGeloescht: createError('INHALT_BEREITS_GELOESCHT', '%s', 409),
  VierAugen: createError('VIER_AUGEN', '%s', 409),
  NichtFaellig: createError('NICHT_FAELLIG', '%s', 409),
  BereitsAusgesondert: createError('BEREITS_IN_AUSSONDERUNG', '%s', 409),
  FalscherSchritt: createError('FALSCHER_VERFAHRENSSCHRITT', '%s', 409),
  XdomeaUngueltig: createError('XDOMEA_UNGUELTIG', '%s', 422),
  /** The archive's 0502 names an object this Aussonderung did not offer. */
  ObjektNichtAngeboten: createError('OBJEKT_NICHT_ANGEBOTEN', '%s', 422),
  /** The archive appraises a Dokument apart from its Vorgang: appraisal is honoured down to the Vorgang only. */
  DokumentAbweichend: createError('BEWERTUNG_JE_DOKUMENT_ABWEICHEND', '%s', 422),
  /** A hand appraisal without the archive's reference (one code per missing field). */
  ZeichenFehlt: createError('BEWERTUNG_ZEICHEN_FEHLT', '%s', 422),
  DatumFehlt: createError('BEWERTUNG_DATUM_FEHLT', '%s', 422),
  ArchivarFehlt: createError('BEWERTUNG_ARCHIVAR_FEHLT', '%s', 422),
  DatumInZukunft: createError('BEWERTUNG_DATUM_IN_ZUKUNFT', '%s', 422),
  DokumentUnbekannt: createError('BEWERTUNG_DOKUMENT_UNBEKANNT', '%s', 422),
  AblehnungsgrundFehlt: createError('ABLEHNUNGSGRUND_FEHLT', '%s', 422),
  /** The requester cannot refuse their own request either: the second pair of eyes decides. */
  EigenerAntrag: createError('VIER_AUGEN', '%s', 403),
};

/**
 * A message we built failed the xdomea schema: a bug of ours, never the caller's. It is not sent;
 * the problem names the schema error so the operator can report it.
 */
export function erzeugungUngueltig(detail: string, fehler: readonly unknown[]): Error {
  return Object.assign(new Error(detail), { statusCode: 500, code: 'XDOMEA_ERZEUGUNG_UNGUELTIG', oeffentlich: true, erweiterung: { fehler } });
}

/** Asks a gate for every object; the first refusal is thrown, naming every object refused. */
export function pruefeJedes<T extends { aktenzeichen: string }>(objekte: readonly T[], pruefe: (o: T) => Verstoss | null | undefined): void {
  const verstoesse = objekte.flatMap((o) => {
    const x = pruefe(o);
    return x ? [[x, o.aktenzeichen] as const] : [];
  });
  if (verstoesse.length)
    throw verstossFehler(
      verstoesse[0]![0],
      verstoesse.map((x) => x[1]),
    );
}

/** A gate's refusal as a 409 with the gate's code, naming the objects concerned. */
export function verstossFehler(v: Verstoss, objekte: string[] = []): Error {
  const text = objekte.length ? `${v.text}: ${objekte.join(', ')}` : v.text;
  const err = (() => {
    switch (v.code) {
      case 'LOESCHSPERRE':
        return new Errors.Loeschsperre(text);
      case 'NICHT_ANGEBOTEN':
        return new AussonderungFehler.NichtAngeboten(text);
      case 'NICHT_ALS_V_BEWERTET':
        return new AussonderungFehler.NichtAlsVBewertet(text);
      case 'NICHT_ALS_A_BEWERTET':
        return new AussonderungFehler.NichtAlsABewertet(text);
      case 'INHALT_BEREITS_GELOESCHT':
        return new AussonderungFehler.InhaltBereitsGeloescht(text);
      case 'VIER_AUGEN':
        return new AussonderungFehler.VierAugen(text);
    }
  })();
  return Object.assign(err, { erweiterung: { objekte } });
}

/** A 400 for malformed input the schema does not catch before the handler. */
export function ungueltig(detail: string): Error {
  return Object.assign(new Error(detail), { statusCode: 400, code: 'VALIDIERUNGSFEHLER' });
}

export const { NichtGefunden, NichtVerarbeitbar, Konflikt } = Errors;
