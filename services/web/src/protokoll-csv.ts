// The filtered Protokoll as a CSV that German spreadsheet software opens as columns: UTF-8 with BOM,
// semicolons, CRLF, German headers and local dates. The technical JSON Lines export stays the server's.
import type { Schemas } from '@eakte/api-client';
import { aenderungText, aktionText, objektText } from '@eakte/platform/protokoll-texte';

const KOPF = ['Nr.', 'Zeit', 'Wer', 'Aktion', 'Objekt', 'Aktenzeichen', 'Änderungen', 'Ergebnis'];

const ZEIT = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** One cell: quoted when it holds a separator, quote or line break; a leading = + - @ is not a formula. */
function zelle(v: string): string {
  const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(t) || t !== v ? `"${t.replaceAll('"', '""')}"` : t;
}

export function protokollCsv(eintraege: readonly Schemas['ProtokollEreignis'][]): string {
  const zeilen = eintraege.map((e) =>
    [
      String(e.sequenz),
      ZEIT.format(new Date(e.zeit)).replace(',', ''),
      e.akteurName ?? e.akteurSub,
      aktionText(e.aktion),
      e.objektTyp ? objektText(e.objektTyp) : '',
      e.aktenzeichen ?? '',
      (e.aenderungen ?? []).map(aenderungText).join('; '),
      e.ergebnis ?? '',
    ]
      .map(zelle)
      .join(';'),
  );
  return `\uFEFF${[KOPF.join(';'), ...zeilen].join('\r\n')}\r\n`;
}
