// The Protokoll in words: German names of the recorded actions, objects and fields, and a change
// as "Feld: alt → neu". An action of a newer platform version is shown as recorded. The one mapping:
// the web client's screens and the service's German table export both read it (browser-safe, no Node imports).

/** A calendar day (YYYY-MM-DD…) as dd.mm.yyyy. */
const datum = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

export const AKTIONEN: Record<string, string> = {
  'akte.erstellt': 'Akte angelegt',
  'akte.geaendert': 'Akte geändert',
  'akte.zda': 'Akte zu den Akten verfügt',
  'akte.wiederaufnahme': 'Akte wieder aufgenommen',
  'akte.umprotokolliert': 'Akte umprotokolliert',
  'akte.auszug.erstellt': 'Aktenauszug erstellt',
  'akte.angeboten': 'Akte dem Archiv angeboten',
  'akte.bewertet': 'Akte vom Archiv bewertet',
  'akte.abgegeben': 'Akte an das Archiv abgegeben',
  'akte.archiviert': 'Übernahme durch das Archiv bestätigt',
  'akte.inhalt.entfernt': 'Inhalt nach der Abgabe entfernt',
  'akte.loeschung.abgebrochen': 'Entfernen des Inhalts abgebrochen',
  'akte.loeschung.fortgesetzt': 'Entfernen des Inhalts nach Aufhebung der Löschsperre fortgesetzt',
  'akte.vernichtung.beantragt': 'Vernichtung der Akte beantragt',
  'akte.vernichtung.freigegeben': 'Vernichtung der Akte freigegeben',
  'akte.vernichtung.abgebrochen': 'Vernichtung der Akte abgebrochen',
  'akte.vernichtung.fortgesetzt': 'Vernichtung der Akte nach Aufhebung der Löschsperre fortgesetzt',
  'akte.vernichtet': 'Akte vernichtet',
  'vorgang.erstellt': 'Vorgang angelegt',
  'vorgang.geaendert': 'Vorgang geändert',
  'vorgang.wiedervorlage.gesetzt': 'Wiedervorlage gesetzt',
  'vorgang.wiedervorlage.verschoben': 'Wiedervorlage verschoben',
  'vorgang.wiedervorlage.erledigt': 'Wiedervorlage erledigt',
  'vorgang.wiedervorlage.geloescht': 'Wiedervorlage gelöscht',
  'vorgang.zda': 'Vorgang zu den Akten verfügt',
  'vorgang.vernichtung.beantragt': 'Vernichtung des Vorgangs beantragt',
  'vorgang.vernichtung.freigegeben': 'Vernichtung des Vorgangs freigegeben',
  'vorgang.vernichtet': 'Vorgang vernichtet',
  'verfuegung.erstellt': 'Verfügung erstellt',
  'verfuegung.schritt_erledigt': 'Schritt der Verfügung erledigt',
  'verfuegung.schritt_uebernommen': 'Schritt der Verfügung übernommen',
  'verfuegung.zurueckgegeben': 'Verfügung an den Verfasser zurückgegeben',
  'verfuegung.laufweg_geaendert': 'Laufweg der Verfügung geändert',
  'verfuegung.abgeschlossen': 'Verfügung abgeschlossen',
  'vertretung.gesetzt': 'Vertretung festgelegt',
  'laufwegvorlagen.gesetzt': 'Laufweg-Vorlagen festgelegt',
  'benachrichtigung.gesetzt': 'E-Mail-Benachrichtigungen eingestellt',
  'dokument.erstellt': 'Dokument abgelegt',
  'dokument.geaendert': 'Dokument geändert',
  'dokument.version.erstellt': 'Neue Version abgelegt',
  'dokument.format.erstellt': 'Texterkennung: durchsuchbares PDF/A abgelegt',
  'dokument.vorschau.erstellt': 'Vorschau erzeugt',
  'dokument.inhalt.gelesen': 'Inhalt gelesen',
  'dokument.schadsoftware.erkannt': 'Schadsoftware erkannt, Ablage abgewiesen',
  'dokument.integritaet.bestaetigt': 'Unversehrtheit bestätigt',
  'dokument.integritaet.verletzt': 'Unversehrtheit verletzt',
  'aktenplaneinheit.erstellt': 'Aktenplaneinheit angelegt',
  'aktenplaneinheit.geaendert': 'Aktenplaneinheit geändert',
  'aktenplaneinheit.geloescht': 'Aktenplaneinheit gelöscht',
  'organisationseinheit.erstellt': 'Organisationseinheit angelegt',
  'benutzer.gesetzt': 'Benutzer eingerichtet',
  'loeschsperre.angelegt': 'Löschsperre gesetzt',
  'loeschsperre.aufgehoben': 'Löschsperre aufgehoben',
  'aussonderung.nachricht.empfangen': 'Nachricht des Archivs eingelesen',
  'aussonderung.bewertet': 'Bewertung von Hand erfasst',
  'aussonderung.vernichtung.abgelehnt': 'Vernichtung abgelehnt',
  'aussonderung.vernichtungsprotokoll.erstellt': 'Vernichtungsprotokoll erstellt',
  'aussonderung.vernichtungsprotokoll.nachtrag': 'Nachtrag zum Vernichtungsprotokoll erstellt',
  'posteingang.eingegangen': 'Im Posteingang eingegangen',
  'posteingang.inhalt.gelesen': 'Posteingang: Inhalt gelesen',
  'posteingang.zugeordnet': 'Posteingang: einem Vorgang zugeordnet',
  'posteingang.weitergeleitet': 'Posteingang: an eine Organisationseinheit oder Person weitergeleitet (Zuleitung)',
  'posteingang.scanstapel.eingegangen': 'Scanstapel eingegangen (mit Transfervermerk)',
  'posteingang.scanstapel.zerlegt': 'Scanstapel an den Trennblättern in Posteingangseinträge zerlegt',
  'posteingang.scanstapel.fehler': 'Scanstapel konnte nicht zerlegt werden',
  'posteingang.scanstapel.inhalt_entfernt': 'Datei des Scanstapels nach Ablauf der Aufbewahrung gelöscht (Transfervermerke bleiben)',
  'posteingang.mail.quarantaene': 'E-Mail des Funktionspostfachs in Quarantäne verschoben',
  'postfach.erstellt': 'Funktionspostfach eingerichtet',
  'postfach.geaendert': 'Funktionspostfach geändert',
  'protokoll.manipulation.erkannt': 'Veränderung des Protokolls erkannt',
  'protokoll.ruecksetzung.quittiert': 'Rücksetzung des Protokolls durch eine Wiederherstellung quittiert',
  'zugriff.verweigert': 'Zugriff verweigert',
};

export const aktionText = (aktion: string) => AKTIONEN[aktion] ?? aktion;

/** The actions to pick from when searching the Protokoll, sorted by their German name. */
export const AKTIONSAUSWAHL = Object.entries(AKTIONEN)
  .map(([wert, text]) => ({ wert, text }))
  .sort((a, b) => a.text.localeCompare(b.text, 'de'));

const OBJEKTE: Record<string, string> = {
  akte: 'Akte',
  vorgang: 'Vorgang',
  dokument: 'Dokument',
  aktenplaneinheit: 'Aktenplaneinheit',
  organisationseinheit: 'Organisationseinheit',
  benutzer: 'Benutzer',
  loeschsperre: 'Löschsperre',
  aussonderung: 'Aussonderung',
  posteingang: 'Posteingang',
  postfach: 'Funktionspostfach',
  scanstapel: 'Scanstapel',
  mandant: 'Mandant',
  operation: 'Schnittstelle',
  protokoll: 'Protokoll',
};

export const objektText = (typ: string) => OBJEKTE[typ] ?? typ;

const FELDER: Record<string, string> = {
  betreff: 'Betreff',
  titel: 'Titel',
  kennzeichen: 'Kennzeichen',
  aktenzeichen: 'Aktenzeichen',
  aktenplaneinheitId: 'Aktenplaneinheit',
  federfuehrung: 'Federführung',
  vertraulichkeitsstufe: 'Vertraulichkeit',
  status: 'Status',
  zdaDatum: 'z.d.A.-Datum',
  laufzeitBeginn: 'Laufzeit ab',
  laufzeitEnde: 'Laufzeit bis',
  wiedervorlage: 'Wiedervorlage',
  aufbewahrungsfrist: 'Aufbewahrungsfrist',
  aussonderungsart: 'Aussonderungsart',
  absender: 'Absender',
  eingangsdatum: 'Eingangsdatum',
  ausgangsdatum: 'Ausgangsdatum',
  bemerkung: 'Bemerkung',
  aktuelleVersion: 'Aktuelle Version',
  bewertung: 'Bewertung',
  integritaet: 'Unversehrtheit',
  ausgesondertAm: 'Ausgesondert am',
  benachrichtigungAktiv: 'E-Mail-Benachrichtigungen',
  emailHinterlegt: 'E-Mail-Adresse hinterlegt',
};

const STATUS: Record<string, string> = { offen: 'offen', geschlossen: 'z.d.A.' };
const TAG = /^\d{4}-\d{2}-\d{2}$/;

/** A field's German name, or the field as recorded. */
export const feldText = (feld: string) => FELDER[feld] ?? feld;

/** A recorded value as a clerk reads it: dates as dd.mm.yyyy, texts in quotes, lists and objects spelled out, never JSON. */
export function wertText(feld: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (feld === 'aufbewahrungsfrist' && typeof v === 'number') return `${v} Jahre`;
  if (feld === 'status' && typeof v === 'string') return STATUS[v] ?? v;
  if (typeof v === 'string' && TAG.test(v)) return datum(v);
  if (typeof v === 'string') return feld === 'betreff' || feld === 'titel' || feld === 'bemerkung' || feld === 'absender' ? `„${v}“` : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? `(${wertText(feld, x)})` : wertText(feld, x))).join(', ') : '–';
  if (typeof v === 'object')
    return (
      Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${feldText(k)}: ${wertText(k, x)}`)
        .join(', ') || '–'
    );
  return String(v);
}

/** One recorded change as a clerk reads it, e.g. "z.d.A.-Datum: – → 02.12.2026". */
export function aenderungText(a: { feld: string; alt?: unknown; neu?: unknown }): string {
  return `${feldText(a.feld)}: ${wertText(a.feld, a.alt)} → ${wertText(a.feld, a.neu)}`;
}

const ERGEBNISSE: Record<string, string> = { erfolg: 'Erfolg', abgelehnt: 'abgelehnt', fehler: 'Fehler' };

export const ergebnisText = (ergebnis: string) => ERGEBNISSE[ergebnis] ?? ergebnis;

/** The columns of the German table (export `format=tabelle`). */
export const TABELLEN_KOPF = ['Nr.', 'Zeit', 'Wer', 'Kennung', 'Aktion', 'Objekt', 'Aktenzeichen', 'Änderungen', 'Ergebnis'] as const;

const ZEIT = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A moment as dd.mm.yyyy hh:mm:ss in Berlin time, as the agency reads it. */
export const ortszeit = (zeit: string) => ZEIT.format(new Date(zeit)).replace(',', '');

/** One cell: quoted when it holds a separator, quote or line break; a leading = + - @ is not a formula. */
function zelle(v: string): string {
  const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(t) || t !== v ? `"${t.replaceAll('"', '""')}"` : t;
}

export interface TabellenEintrag {
  sequenz: number;
  zeit: string;
  akteurSub: string;
  akteurName?: string | null;
  aktion: string;
  objektTyp?: string | null;
  aktenzeichen?: string | null;
  aenderungen?: readonly { feld: string; alt?: unknown; neu?: unknown }[] | null;
  ergebnis?: string | null;
}

/** A line of the German table: semicolons, CRLF, what a spreadsheet shows as columns. */
export const tabellenZeile = (felder: readonly string[]) => `${felder.map(zelle).join(';')}\r\n`;

/** An entry's row in the German table. */
export function tabellenEintrag(e: TabellenEintrag): string {
  return tabellenZeile([
    String(e.sequenz),
    ortszeit(e.zeit),
    e.akteurName || e.akteurSub,
    e.akteurSub,
    aktionText(e.aktion),
    e.objektTyp ? objektText(e.objektTyp) : '',
    e.aktenzeichen ?? '',
    (e.aenderungen ?? []).map(aenderungText).join('; '),
    e.ergebnis ? ergebnisText(e.ergebnis) : '',
  ]);
}
