// xdomea 3.1.0 messages of the Aussonderung, built with xmlbuilder2 and read with fast-xml-parser.
// Rules from the x-man checklist: prefix `xdomea`, one ProzessID everywhere, plain dates
// (YYYY-MM-DD), Akte children under Akteninhalt, IDs unique in the message, the long message names.
import type { Behoerdenkennung } from '@eakte/platform';
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Bewertung } from '../domain/aussonderung-gates.js';
import { dateiformat, DATEIFORMAT_LISTE, DATEIFORMAT_LISTENVERSION } from './dateiformat.js';

export const XDOMEA_NS = 'urn:xoev-de:xdomea:schema:3.1.0';

export const NACHRICHTEN = {
  '0501': 'Aussonderung.Anbieteverzeichnis',
  '0502': 'Aussonderung.Bewertungsverzeichnis',
  '0503': 'Aussonderung.Aussonderung',
  '0504': 'Aussonderung.AnbietungEmpfangBestaetigen',
  '0505': 'Aussonderung.BewertungEmpfangBestaetigen',
  '0506': 'Aussonderung.AussonderungImportBestaetigen',
  '0507': 'Aussonderung.AussonderungEmpfangBestaetigen',
} as const;
export type Nachrichtentyp = keyof typeof NACHRICHTEN;

/** `<ProzessID>_<Nachrichtenname>.<typ>` — the long name x-man recognises, same case as the ProzessID. */
export function nachrichtenname(prozessId: string, typ: Nachrichtentyp): string {
  return `${prozessId}_${NACHRICHTEN[typ]}.${typ}`;
}

export interface Kontakt {
  /** Name of the agency (Institution). */
  behoerde: string;
  kurzbezeichnung?: string | null;
  organisationseinheit?: string | null;
  /** Behördenkennung as configured by the archive: Behördenschlüssel (with its code list) and Präfix. */
  behoerdenkennung?: Behoerdenkennung | null;
}

export interface Historie {
  akteur: string;
  datumUhrzeit: Date;
  aktion: string;
  metadatumName?: string | null;
  alt?: string | null;
  neu?: string | null;
}

export type Vertraulichkeitsstufe = '001' | '002' | '003' | '004' | '005';
export type Medium = '001' | '002' | '003';
export type Frist = number | 'unbefristet' | null;

export interface XDatei {
  /** `<UUID>.<ext>`, the ZIP entry name. */
  dateiname: string;
  dateinameOriginal: string;
  /** Lower-case file extension, e.g. `pdf`. */
  format: string;
  /** Media type detected on upload; helps when the extension is not in the code list. */
  mimeType?: string | null;
  ersteller?: string | null;
  datumUhrzeit: Date;
  /** Known to be PDF/A (the platform's OCR rendition, checked when it was made): code 044, not 018. */
  pdfA?: boolean;
}

export interface XVersion {
  nummer: number;
  dateien: XDatei[];
}

export interface XDokument {
  id: string;
  betreff: string;
  kennzeichen?: string | null;
  vertraulichkeitsstufe: Vertraulichkeitsstufe;
  posteingangsdatum?: string | null;
  postausgangsdatum?: string | null;
  datumDesSchreibens?: string | null;
  bearbeiter?: string | null;
  historie: Historie[];
  versionen: XVersion[];
  /** Anlagen (e.g. the attachments of a filed e-mail), written as `Anlage` of the Dokument. */
  anlagen?: XDokument[];
}

export interface XVorgang {
  id: string;
  kennzeichen: string;
  betreff: string;
  /** xdomea `Typ` (free text in 3.1.0), e.g. Sachvorgang. */
  typ?: string | null;
  zdaDatum: string | null;
  laufzeit: { beginn: string | null; ende: string | null };
  /** The Vorgang's Aussonderungsart; a Vorgang has none of its own and inherits its Akte's. */
  aussonderungsart?: 'A' | 'B' | 'V' | null;
  historie: Historie[];
  dokumente: XDokument[];
}

export interface XAkte {
  id: string;
  aktenzeichen: string;
  betreff: string;
  /** xdomea `Typ` (free text in 3.1.0), e.g. Sachakte. */
  typ?: string | null;
  federfuehrung: string | null;
  /** The unit: its title is the short `BetreffKurz`, its description the long `Inhaltsangabe`. */
  aktenplaneinheit: { kennzeichen: string; titel: string; beschreibung?: string | null };
  vertraulichkeitsstufe: Vertraulichkeitsstufe;
  medium: Medium;
  bemerkung?: string | null;
  laufzeit: { beginn: string | null; ende: string | null };
  zdaDatum: string | null;
  aufbewahrungsfrist: Frist;
  aussonderungsart: 'A' | 'B' | 'V' | null;
  aufbewahrungBis: string | null;
  historie: Historie[];
  vorgaenge: XVorgang[];
}

const STUFEN: Record<Vertraulichkeitsstufe, string> = {
  '001': 'Geheim',
  '002': 'VS - Nur für den Dienstgebrauch',
  '003': 'Offen',
  '004': 'Streng geheim',
  '005': 'Vertraulich',
};
const MEDIEN: Record<Medium, string> = { '001': 'Elektronisch', '002': 'Hybrid', '003': 'Papier' };
const ARTEN = { A: 'archivwürdig', B: 'bewerten', V: 'vernichten' } as const;

const xsDatum = (d: string) => d.slice(0, 10);
/** xs:dateTime in UTC without fractions. */
export const xsZeit = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

type Ele = XMLBuilder;
const x = (name: string) => `xdomea:${name}`;

function text(parent: Ele, name: string, value: string | number | boolean | null | undefined) {
  if (value === null || value === undefined || value === '') return;
  parent.ele(x(name)).txt(String(value));
}

function code(parent: Ele, name: string, liste: string, version: string, wert: string, bezeichnung?: string) {
  const e = parent.ele(x(name), { listURI: `urn:xoev-de:xdomea:codeliste:${liste}`, listVersionID: version });
  e.ele('code').txt(wert);
  if (bezeichnung) e.ele('name').txt(bezeichnung);
}

function kontakt(parent: Ele, name: string, k: Kontakt) {
  const e = parent.ele(x(name));
  if (k.behoerdenkennung) {
    const b = e.ele(x('Behoerdenkennung'));
    const { code: schluessel, listURI, listVersionID } = k.behoerdenkennung.behoerdenschluessel;
    b.ele(x('Behoerdenschluessel'), { ...(listURI ? { listURI } : {}), ...(listVersionID ? { listVersionID } : {}) })
      .ele('code')
      .txt(schluessel);
    b.ele(x('Praefix')).ele('code').txt(k.behoerdenkennung.praefix.code);
  }
  const i = e.ele(x('Institution'));
  i.ele(x('Name')).txt(k.behoerde);
  text(i, 'Kurzbezeichnung', k.kurzbezeichnung);
  if (k.organisationseinheit) e.ele(x('Organisationseinheit')).ele(x('Name')).txt(k.organisationseinheit);
}

export interface KopfDaten {
  prozessId: string;
  erstellt: Date;
  absender: Kontakt;
  empfaenger: Kontakt;
}

function kopf(root: Ele, typ: Nachrichtentyp, k: KopfDaten): Ele {
  const e = root.ele(x('Kopf'));
  text(e, 'ProzessID', k.prozessId);
  code(e, 'Nachrichtentyp', 'nachrichtentyp', '2.0', typ, NACHRICHTEN[typ]);
  text(e, 'Erstellungszeitpunkt', xsZeit(k.erstellt));
  kontakt(e, 'Absender', k.absender);
  kontakt(e, 'Empfaenger', k.empfaenger);
  const s = e.ele(x('SendendesSystem'));
  s.ele(x('InstanzID')).txt('eakte');
  s.ele(x('Produktname')).txt('E-Akte');
  return e;
}

function historie(parent: Ele, eintraege: Historie[]) {
  for (const h of eintraege) {
    const e = parent.ele(x('HistorienProtokollInformation'));
    text(e, 'MetadatumName', h.metadatumName);
    text(e, 'MetadatumAlterWert', h.alt);
    text(e, 'MetadatumNeuerWert', h.neu);
    text(e, 'Akteur', h.akteur);
    text(e, 'DatumUhrzeit', xsZeit(h.datumUhrzeit));
    text(e, 'Aktion', h.aktion);
  }
}

function laufzeit(parent: Ele, l: { beginn: string | null; ende: string | null }) {
  if (!l.beginn && !l.ende) return;
  const e = parent.ele(x('Laufzeit'));
  if (l.beginn) text(e, 'Beginn', xsDatum(l.beginn));
  if (l.ende) text(e, 'Ende', xsDatum(l.ende));
}

function archivMetadaten(parent: Ele, frist: Frist | undefined, art: 'A' | 'B' | 'V' | null | undefined, ende?: string | null) {
  if ((frist === null || frist === undefined) && !art && !ende) return;
  const e = parent.ele(x('ArchivspezifischeMetadaten'));
  if (frist !== null && frist !== undefined) {
    const d = e.ele(x('Aufbewahrungsdauer'));
    if (frist === 'unbefristet') d.ele(x('Unbefristet')).txt('1');
    else d.ele(x('AnzahlJahre')).txt(String(frist));
  }
  if (art) {
    const a = e.ele(x('Aussonderungsart'));
    code(a, 'Aussonderungsart', 'aussonderungsart', '1.0', art, ARTEN[art]);
  }
  // a proposal only for A and V; B leaves the decision to the archive
  if (art === 'A' || art === 'V') code(e, 'Bewertungsvorschlag', 'bewertungsvorschlag', '1.0', art);
  if (ende) text(e, 'Aufbewahrungsende', xsDatum(ende));
}

function allgemein(
  parent: Ele,
  m: { betreff: string; kennzeichen?: string | null; federfuehrung?: string | null; stufe?: Vertraulichkeitsstufe; bemerkung?: string | null; medium?: Medium; einheit?: XAkte['aktenplaneinheit'] },
) {
  const e = parent.ele(x('AllgemeineMetadaten'));
  text(e, 'Betreff', m.betreff);
  text(e, 'Kennzeichen', m.kennzeichen);
  text(e, 'Federfuehrung', m.federfuehrung);
  if (m.stufe) code(e, 'Vertraulichkeitsstufe', 'vertraulichkeitsstufe', '1.0', m.stufe, STUFEN[m.stufe]);
  text(e, 'Bemerkung', m.bemerkung);
  if (m.medium) code(e, 'Medium', 'medium', '1.0', m.medium, MEDIEN[m.medium]);
  if (m.einheit) {
    const a = e.ele(x('Aktenplaneinheit'));
    text(a, 'Kennzeichen', m.einheit.kennzeichen);
    // the description where the unit has one; else the title, as before BetreffKurz was sent
    text(a, 'Inhaltsangabe', m.einheit.beschreibung?.trim() || m.einheit.titel);
    text(a, 'BetreffKurz', m.einheit.titel);
  }
}

function dokument(parent: Ele, d: XDokument, nr: number, mitDateien: boolean, medium: Medium, element: 'Dokument' | 'Anlage' = 'Dokument') {
  const e = parent.ele(x(element));
  const id = e.ele(x('Identifikation'));
  text(id, 'ID', d.id);
  text(id, 'NummerImUebergeordnetenContainer', nr);
  allgemein(e, { betreff: d.betreff, kennzeichen: d.kennzeichen, stufe: d.vertraulichkeitsstufe, medium });
  if (d.posteingangsdatum) text(e, 'Posteingangsdatum', xsDatum(d.posteingangsdatum));
  if (d.postausgangsdatum) text(e, 'Postausgangsdatum', xsDatum(d.postausgangsdatum));
  if (d.datumDesSchreibens) text(e, 'DatumDesSchreibens', xsDatum(d.datumDesSchreibens));
  text(e, 'Bearbeiter', d.bearbeiter);
  historie(e, d.historie);
  for (const v of mitDateien ? d.versionen : []) {
    const ve = e.ele(x('Version'));
    text(ve, 'Nummer', v.nummer);
    for (const f of v.dateien) {
      const fe = ve.ele(x('Format'));
      const df = dateiformat(f.format, f.mimeType, { pdfA: f.pdfA === true });
      code(fe, 'Name', DATEIFORMAT_LISTE, DATEIFORMAT_LISTENVERSION, df.code);
      if (df.sonstigerName) text(fe, 'SonstigerName', df.sonstigerName);
      fe.ele(x('Version'));
      const p = fe.ele(x('Primaerdokument'));
      text(p, 'Dateiname', f.dateiname);
      text(p, 'DateinameOriginal', f.dateinameOriginal);
      text(p, 'Ersteller', f.ersteller);
      text(p, 'DatumUhrzeit', xsZeit(f.datumUhrzeit));
    }
  }
  // after Version (and Verweis) in the schema's sequence; Anlagen of Anlagen are flattened so the
  // nesting stays within the archive's five levels (Akte > Vorgang > Dokument > Anlage)
  (d.anlagen ?? []).forEach((a, i) => dokument(e, a, i + 1, mitDateien, medium, 'Anlage'));
}

function vorgang(parent: Ele, v: XVorgang, akte: XAkte, mitDateien: boolean) {
  const e = parent.ele(x('Vorgang'));
  text(e.ele(x('Identifikation')), 'ID', v.id);
  allgemein(e, { betreff: v.betreff, kennzeichen: v.kennzeichen, federfuehrung: akte.federfuehrung, stufe: akte.vertraulichkeitsstufe, medium: akte.medium });
  archivMetadaten(e, undefined, v.aussonderungsart);
  text(e, 'Aktenbetreff', akte.betreff);
  text(e, 'Typ', v.typ);
  if (v.zdaDatum) {
    text(e, 'ZdA', '1');
    text(e, 'ZdADatum', xsDatum(v.zdaDatum));
  }
  laufzeit(e, v.laufzeit);
  historie(e, v.historie);
  v.dokumente.forEach((d, i) => dokument(e, d, i + 1, mitDateien, akte.medium));
}

function akte(parent: Ele, a: XAkte, mitDateien: boolean) {
  const e = parent.ele(x('Akte'));
  text(e.ele(x('Identifikation')), 'ID', a.id);
  allgemein(e, {
    betreff: a.betreff,
    kennzeichen: a.aktenzeichen,
    federfuehrung: a.federfuehrung,
    stufe: a.vertraulichkeitsstufe,
    bemerkung: a.bemerkung,
    medium: a.medium,
    einheit: a.aktenplaneinheit,
  });
  archivMetadaten(e, a.aufbewahrungsfrist, a.aussonderungsart, a.aufbewahrungBis);
  text(e, 'Typ', a.typ);
  laufzeit(e, a.laufzeit);
  historie(e, a.historie);
  if (a.vorgaenge.length > 0) {
    const inhalt = e.ele(x('Akteninhalt'));
    for (const v of a.vorgaenge) vorgang(inhalt, v, a, mitDateien);
  }
  if (a.zdaDatum) {
    text(e, 'ZdA', '1');
    text(e, 'ZdADatum', xsDatum(a.zdaDatum));
  }
}

function wurzel(typ: Nachrichtentyp): Ele {
  return create({ version: '1.0', encoding: 'UTF-8' }).ele(XDOMEA_NS, x(`${NACHRICHTEN[typ]}.${typ}`), { 'xmlns:xdomea': XDOMEA_NS });
}

// characters XML 1.0 does not allow (control characters, U+FFFE/FFFF, lone surrogates) may sit in
// stored text; dropped, since no markup we write contains them and the message must stay well-formed
const KEIN_XML_ZEICHEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const fertig = (root: Ele) => root.end({ prettyPrint: true }).replace(KEIN_XML_ZEICHEN, '');

/** 0501 Anbieteverzeichnis: metadata only, no primary files. */
export function anbieteverzeichnis(k: KopfDaten, akten: XAkte[]): string {
  if (akten.length === 0) throw new Error('Ein Anbieteverzeichnis braucht mindestens eine Akte');
  const root = wurzel('0501');
  const kf = kopf(root, '0501', k);
  text(kf, 'Empfangsbestaetigung', '1');
  for (const a of akten) akte(root.ele(x('Schriftgutobjekt')), a, false);
  return fertig(root);
}

/** 0503 Aussonderung: the A-objects with every primary file named `<UUID>.<ext>`. */
export function aussonderungsnachricht(k: KopfDaten, akten: XAkte[]): string {
  if (akten.length === 0) throw new Error('Eine Abgabe braucht mindestens eine Akte');
  const root = wurzel('0503');
  const kf = kopf(root, '0503', k);
  text(kf, 'Importbestaetigung', '1');
  text(kf, 'RueckmeldungArchivkennung', '1');
  text(kf, 'Empfangsbestaetigung', '1');
  for (const a of akten) akte(root.ele(x('Schriftgutobjekt')), a, true);
  return fertig(root);
}

/** 0505: receipt for the archive's 0502. */
export function bewertungEmpfangBestaetigen(k: KopfDaten): string {
  const root = wurzel('0505');
  kopf(root, '0505', k);
  return fertig(root);
}

// ---------------------------------------------------------------------------------------------
// Reading the archive's replies.

export class XdomeaFehler extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // codes like 0502 and ids must stay strings
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['BewertetesObjekt', 'AusgesondertesSGO'].includes(name),
});

type Knoten = Record<string, unknown>;
const kind = (k: unknown, name: string): unknown => (k && typeof k === 'object' ? (k as Knoten)[name] : undefined);
const textVon = (k: unknown): string | null => (typeof k === 'string' ? k : typeof k === 'number' ? String(k) : null);

export interface GelesenerKopf {
  typ: Nachrichtentyp;
  prozessId: string;
  /** As sent; x-man sends local time without offset. */
  erstellungszeitpunkt: string | null;
  absender: string | null;
  empfangsbestaetigung: boolean;
}

const wahr = (v: unknown) => ['true', '1'].includes((textVon(v) ?? '').trim().toLowerCase());

/** Reads any Aussonderung message: its type from the root element, its Kopf. */
export function leseNachricht(xml: string): { kopf: GelesenerKopf; inhalt: Knoten } {
  let doc: Knoten;
  try {
    doc = parser.parse(xml, true) as Knoten;
  } catch (err) {
    throw new XdomeaFehler(`Kein wohlgeformtes XML: ${(err as Error).message}`);
  }
  const rootName = Object.keys(doc).find((n) => n.startsWith('Aussonderung.'));
  if (!rootName) throw new XdomeaFehler('Keine xdomea-Aussonderungsnachricht');
  const m = /\.(05\d\d)$/.exec(rootName);
  const typ = m?.[1] as Nachrichtentyp | undefined;
  if (!typ || !(typ in NACHRICHTEN)) throw new XdomeaFehler(`Unbekannter Nachrichtentyp ${rootName}`);
  const inhalt = doc[rootName] as Knoten;
  const k = kind(inhalt, 'Kopf');
  const prozessId = textVon(kind(k, 'ProzessID'));
  if (!prozessId) throw new XdomeaFehler('Kopf/ProzessID fehlt');
  const codeImKopf = textVon(kind(kind(k, 'Nachrichtentyp'), 'code'));
  if (codeImKopf && codeImKopf !== typ) throw new XdomeaFehler(`Nachrichtentyp ${codeImKopf} passt nicht zu ${rootName}`);
  const institution = kind(kind(k, 'Absender'), 'Institution');
  return {
    kopf: {
      typ,
      prozessId,
      erstellungszeitpunkt: textVon(kind(k, 'Erstellungszeitpunkt')),
      absender: textVon(kind(institution, 'Name')),
      empfangsbestaetigung: wahr(kind(k, 'Empfangsbestaetigung')),
    },
    inhalt,
  };
}

function erwarte(xml: string, typ: Nachrichtentyp) {
  const n = leseNachricht(xml);
  if (n.kopf.typ !== typ) throw new XdomeaFehler(`Erwartet ${typ} (${NACHRICHTEN[typ]}), erhalten ${n.kopf.typ}`);
  return n;
}

/** 0502: appraisal per object, matched by ID (any order). */
export function leseBewertungsverzeichnis(xml: string): { kopf: GelesenerKopf; bewertungen: Map<string, Bewertung> } {
  const { kopf, inhalt } = erwarte(xml, '0502');
  const bewertungen = new Map<string, Bewertung>();
  for (const o of (kind(inhalt, 'BewertetesObjekt') as unknown[] | undefined) ?? []) {
    const id = textVon(kind(o, 'ID'));
    const art = textVon(kind(kind(kind(o, 'Aussonderungsart'), 'Aussonderungsart'), 'code'));
    if (!id) throw new XdomeaFehler('BewertetesObjekt ohne ID');
    if (art !== 'A' && art !== 'V') throw new XdomeaFehler(`Bewertung ${art ?? '(leer)'} für ${id}: erwartet A oder V`);
    bewertungen.set(id.toLowerCase(), art);
  }
  return { kopf, bewertungen };
}

/** 0506: per object whether the import succeeded and the archive's id (possibly absent). */
export function leseImportbestaetigung(xml: string): {
  kopf: GelesenerKopf;
  meldungen: { id: string; erfolgreich: boolean; archivkennung: string | null }[];
} {
  const { kopf, inhalt } = erwarte(xml, '0506');
  const meldungen = ((kind(inhalt, 'AusgesondertesSGO') as unknown[] | undefined) ?? []).map((o) => {
    const id = textVon(kind(o, 'IDSGO'));
    if (!id) throw new XdomeaFehler('AusgesondertesSGO ohne IDSGO');
    return { id: id.toLowerCase(), erfolgreich: wahr(kind(o, 'Erfolgreich')), archivkennung: textVon(kind(o, 'Archivkennung')) || null };
  });
  return { kopf, meldungen };
}
