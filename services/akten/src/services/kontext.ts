// What every use case of the Akten service shares: the caller's context (tenant settings, user,
// view) in one tenant transaction, and the checks and derivations several use cases make.
import type { Db, Tx } from '@eakte/db';
import type { Freigabe, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { AuthErrors, Errors, type Aenderung, type Akteur, type AuditEreignis } from '@eakte/platform';
import { berechneAufbewahrung, fristAlsSpalten as spaltenDerFrist, wirksameAufbewahrungDerEinheiten, type Frist, type WirksameAufbewahrung } from '@eakte/schriftgutverwaltung/aufbewahrung';
import { einstellungenAus, type Einstellungen } from '@eakte/schriftgutverwaltung/einstellungen';
import { bildeAktenzeichen, pruefeRegel } from '@eakte/schriftgutverwaltung/kennzeichen';
import { sichtFuer, stufeZulaessig, type Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';
import * as akten from '../repositories/akten.js';
import * as aktenplan from '../repositories/aktenplan.js';
import * as aussonderung from '../repositories/aussonderung.js';
import * as organisation from '../repositories/organisation.js';
import * as vorgaenge from '../repositories/vorgaenge.js';
import { uebersetzeLaufzeitFehler } from './fehler.js';

/** The caller within a tenant: `akteurOf(req)` in a handler. */
export type MandantAkteur = Akteur & { mandantId: string };

export const LIMIT_STANDARD = 50;
export const LIMIT_MAX = 200;

export interface Kontext {
  mandantId: string;
  sub: string;
  rollen: readonly string[];
  einstellungen: Einstellungen;
  benutzer: { name: string | null; freigabe: Freigabe; organisationseinheiten: string[] };
  sicht: Sicht;
}

/** An Akte with what its representation needs besides the row. */
export interface AkteAnsicht {
  row: akten.AkteRow;
  frueher: string[];
  frist: Frist;
  fristGeerbt: boolean;
  aussonderungsart: 'A' | 'B' | 'V' | null;
  aussonderung: aussonderung.Aussonderungsstand | null;
}

export interface Seite<T> {
  items: T[];
  nextCursor: string | null;
}

export const istRegistratur = (k: Kontext) => k.rollen.includes('registratur');

/** A Frist of a request body as its columns; none given changes none. */
export const fristAlsSpalten = (f: Frist | undefined) => (f === undefined ? {} : spaltenDerFrist(f));
export const begrenze = (limit: number | undefined) => Math.min(Math.max(limit ?? LIMIT_STANDARD, 1), LIMIT_MAX);

type Weiteres = Pick<AuditEreignis, 'aenderungen' | 'details'>;

/** The audit event of an Akte: found in the Akte's history by its id and Aktenzeichen. */
export const akteEreignis = (aktion: string, akte: { id: string; aktenzeichen: string }, weiteres: Weiteres = {}): AuditEreignis => ({
  aktion,
  objektTyp: 'akte',
  objektId: akte.id,
  akteId: akte.id,
  aktenzeichen: akte.aktenzeichen,
  ...weiteres,
});

/** The audit event of a Vorgang, under its Akte. */
export const vorgangEreignis = (aktion: string, v: { id: string; akteId: string; aktenzeichen: string }, weiteres: Weiteres = {}): AuditEreignis => ({
  aktion,
  objektTyp: 'vorgang',
  objektId: v.id,
  akteId: v.akteId,
  aktenzeichen: v.aktenzeichen,
  ...weiteres,
});

/** The fields `neu` changes against `alt`, for the Protokoll. */
export function aenderungen<T extends object>(alt: T, neu: Partial<T>): Aenderung[] {
  const vorher = alt as Record<string, unknown>;
  return Object.entries(neu)
    .filter(([feld, wert]) => wert !== undefined && JSON.stringify(vorher[feld] ?? null) !== JSON.stringify(wert))
    .map(([feld, wert]) => ({ feld, alt: vorher[feld] ?? null, neu: wert }));
}

/**
 * An Akte with its retention: its own Frist and Aussonderungsart, else what its unit passes down
 * (`geerbt`, from the one SQL walk of the Aktenplan, docs/domaene.md R2).
 */
export function ansichtAus(row: akten.AkteRow, geerbt: WirksameAufbewahrung | undefined, frueher: string[], stand: aussonderung.Aussonderungsstand | null = null): AkteAnsicht {
  const eigene = row.unbefristet || row.aufbewahrungsfrist !== null;
  const frist: Frist = row.unbefristet ? 'unbefristet' : (row.aufbewahrungsfrist ?? geerbt?.frist ?? null);
  const aussonderungsart = row.aussonderungsart ?? geerbt?.aussonderungsart ?? null;
  return { row, frueher, frist, fristGeerbt: !eigene, aussonderungsart, aussonderung: stand };
}

async function kontextFuer(tx: Tx, a: MandantAkteur): Promise<Kontext> {
  const einstellungen = einstellungenAus(await organisation.mandantEinstellungen(tx, a.mandantId));
  const bekannt = await organisation.benutzerMitEinheiten(tx, a.sub);
  const benutzer = bekannt ?? { name: null, freigabe: 'offen' as const, organisationseinheiten: [] };
  return { mandantId: a.mandantId, sub: a.sub, rollen: a.rollen, einstellungen, benutzer, sicht: sichtFuer(benutzer, a.rollen, einstellungen) };
}

/** The shared part of the use cases, bound to one database. */
export function createGrundlage(db: Db) {
  /**
   * Runs `fn` in one tenant transaction with the caller's context. The database keeps Laufzeiten
   * consistent (migration 0019); its refusal, also one at commit, becomes a 422 naming the field.
   */
  function imKontext<T>(akteur: MandantAkteur, fn: (tx: Tx, k: Kontext) => Promise<T>): Promise<T> {
    return db.withMandant(akteur.mandantId, async (tx) => fn(tx, await kontextFuer(tx, akteur))).catch(uebersetzeLaufzeitFehler);
  }

  /** One tenant transaction without the caller's context (reads that depend on no view). */
  function imMandanten<T>(akteur: MandantAkteur, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return db.withMandant(akteur.mandantId, fn);
  }

  async function ansichten(tx: Tx, rows: akten.AkteRow[]): Promise<AkteAnsicht[]> {
    const geerbt = await wirksameAufbewahrungDerEinheiten(
      tx,
      rows.map((r) => r.aktenplaneinheitId),
    );
    const frueher = await akten.fruehereAktenzeichen(
      tx,
      rows.map((r) => r.id),
    );
    const stand = await aussonderung.aussonderungsstaende(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((row) => ansichtAus(row, geerbt.get(row.aktenplaneinheitId), frueher.get(row.id) ?? [], stand.get(row.id) ?? null));
  }
  const ansicht = async (tx: Tx, row: akten.AkteRow) => (await ansichten(tx, [row]))[0]!;

  async function sichtbareAkte(tx: Tx, k: Kontext, id: string, sperren = false): Promise<akten.AkteRow> {
    const row = await akten.findeAkte(tx, id, k.sicht, { sperren });
    if (!row) throw new Errors.NichtGefunden('Akte nicht gefunden');
    return row;
  }

  async function sichtbarerVorgang(tx: Tx, k: Kontext, id: string, sperren = false): Promise<vorgaenge.VorgangRow> {
    const row = await vorgaenge.findeVorgang(tx, id, k.sicht, { sperren });
    if (!row) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
    return row;
  }

  /** A unit that takes new Akten today. */
  async function gueltigeEinheit(tx: Tx, id: string, tag: string): Promise<aktenplan.AktenplaneinheitRow> {
    const e = await aktenplan.einheit(tx, id);
    if (!e) throw new Errors.NichtVerarbeitbar('Aktenplaneinheit existiert nicht');
    if ((e.gueltigBis && e.gueltigBis < tag) || (e.gueltigAb && e.gueltigAb > tag)) {
      throw new Errors.NichtVerarbeitbar(`Aktenplaneinheit ${e.kennzeichen} ist nicht gültig und nimmt keine neuen Akten auf`);
    }
    return e;
  }

  function pruefeStufe(k: Kontext, stufe: Vertraulichkeitsstufe) {
    if (!stufeZulaessig(stufe, k.einstellungen.hoehereEinstufungenErlaubt)) {
      throw new Errors.NichtVerarbeitbar('Vertraulichkeitsstufen über VS-NfD sind in diesem Mandanten nicht zugelassen');
    }
    if (!k.sicht.stufen.includes(stufe)) {
      throw new Errors.NichtVerarbeitbar('Die Vertraulichkeitsstufe liegt über der eigenen Freigabe');
    }
  }

  /** Allocates the next Aktenzeichen of a unit in the current year (counter row locked until commit). */
  async function neuesAktenzeichen(tx: Tx, k: Kontext, e: aktenplan.AktenplaneinheitRow, tag: string) {
    const regel = k.einstellungen.aktenzeichenRegel;
    const fehler = pruefeRegel(regel);
    if (fehler) throw new Errors.NichtVerarbeitbar(`Aktenzeichenregel des Mandanten ungültig: ${fehler}`);
    const jahr = Number(tag.slice(0, 4));
    const nr = await akten.naechsteNummer(tx, k.mandantId, e.id, jahr);
    return { aktenzeichen: bildeAktenzeichen(regel, { kennzeichen: e.kennzeichen, nr, jahr }), nr, jahr };
  }

  /** A Laufzeitbeginn other than today: only the Registratur may give one, and never in the future. */
  function pruefeLaufzeitBeginn(k: Kontext, beginn: string | undefined, tag: string) {
    if (beginn === undefined) return;
    if (!istRegistratur(k)) throw new AuthErrors.KeineBerechtigung('Nur die Registratur darf einen früheren Laufzeitbeginn angeben');
    if (beginn > tag) throw new Errors.NichtVerarbeitbar('Der Laufzeitbeginn liegt in der Zukunft');
  }

  function abschlussDatum(k: Kontext, datum: string | undefined, tag: string, frueheste: string): string {
    if (datum === undefined) return tag < frueheste ? frueheste : tag;
    if (!istRegistratur(k) && datum !== tag) throw new AuthErrors.KeineBerechtigung('Nur die Registratur darf ein abweichendes z.d.A.-Datum angeben');
    if (datum > tag) throw new Errors.NichtVerarbeitbar('Das z.d.A.-Datum liegt in der Zukunft');
    if (datum < frueheste) throw new Errors.NichtVerarbeitbar(`Das z.d.A.-Datum liegt vor dem Beginn der Laufzeit (${frueheste})`);
    return datum;
  }

  async function mitAufbewahrung(tx: Tx, row: akten.AkteRow) {
    if (row.status !== 'geschlossen' || !row.zdaDatum) return { aufbewahrungBis: null, aussonderungFaelligAb: null };
    const a = await ansicht(tx, row);
    const { aufbewahrungBis, aussonderungFaelligAb } = berechneAufbewahrung(row.zdaDatum, a.frist);
    return { aufbewahrungBis, aussonderungFaelligAb };
  }

  /** After a change that may move a closed Akte's retention dates: recompute them and record the difference in `diff`. */
  async function aufbewahrungNachziehen(tx: Tx, row: akten.AkteRow, diff: Aenderung[]): Promise<akten.AkteRow> {
    if (row.status !== 'geschlossen') return row;
    const neu = await mitAufbewahrung(tx, row);
    if (neu.aufbewahrungBis === row.aufbewahrungBis && neu.aussonderungFaelligAb === row.aussonderungFaelligAb) return row;
    diff.push(...aenderungen(row, neu));
    return akten.setzeAufbewahrung(tx, row.id, neu);
  }

  return {
    imKontext,
    imMandanten,
    ansichten,
    ansicht,
    sichtbareAkte,
    sichtbarerVorgang,
    gueltigeEinheit,
    pruefeStufe,
    neuesAktenzeichen,
    pruefeLaufzeitBeginn,
    abschlussDatum,
    aufbewahrungNachziehen,
  };
}

export type Grundlage = ReturnType<typeof createGrundlage>;
