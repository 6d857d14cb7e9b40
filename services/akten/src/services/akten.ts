// The Akten service's use cases. Each mutation runs in ONE tenant transaction and records its
// audit event through the Protokollierer in that same transaction: if either fails, neither happens.
import type { Db, Tx } from '@eakte/db';
import type { Freigabe, Medium, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { akteurOf, AuthErrors, decodeCursor, encodeCursor, Errors, type Aenderung, type Protokollierer } from '@eakte/platform';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { bildeAktenzeichen, pruefeRegel, STANDARD_REGEL, vorgangKennzeichen } from '../domain/aktenzeichen.js';
import { berechneAufbewahrung, heute, istVerkuerzung, wirksameFrist, type Frist } from '../domain/aufbewahrung.js';
import { einstellungenAus, sichtFuer, stufeZulaessig, type Einstellungen, type Sicht } from '../domain/sichtbarkeit.js';
import { pruefeIfMatch } from '../domain/version.js';
import { vergleicheKennzeichen } from '../domain/aktenplan.js';
import { elternKennzeichen, leseAktenplanCsv, schreibeAktenplanCsv } from '../domain/aktenplan-csv.js';
import * as repo from '../repositories/akten.js';
import { mitErweiterung, uebersetzeDbFehler, uebersetzeLaufzeitFehler } from './fehler.js';

/** A Löschsperre covers the Akte (docs/domaene.md R7): 409 with the code the Aussonderung service uses too. */
const loeschsperre = (detail: string) => Object.assign(new Errors.Konflikt(detail), { code: 'LOESCHSPERRE' });

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
  row: repo.AkteRow;
  frueher: string[];
  frist: Frist;
  fristGeerbt: boolean;
  aussonderungsart: 'A' | 'B' | 'V' | null;
  aussonderung: repo.Aussonderungsstand | null;
}

export interface Seite<T> {
  items: T[];
  nextCursor: string | null;
}

const istRegistratur = (k: Kontext) => k.rollen.includes('registratur');

/** Design §3 rule 7: a closed (z.d.A.) object changes only by the Registratur, with a reason. */
function pruefeAenderbar(status: string, k: Kontext, grund: string | undefined, objekt: 'die Akte' | 'der Vorgang') {
  if (status !== 'geschlossen') return;
  const Objekt = objekt.charAt(0).toUpperCase() + objekt.slice(1);
  if (!istRegistratur(k)) throw new Errors.ObjektGeschlossen(`${Objekt} ist zu den Akten verfügt; Änderungen nur durch die Registratur`);
  if (!grund) throw new Errors.NichtVerarbeitbar(`Änderungen an ${objekt === 'die Akte' ? 'einer geschlossenen Akte' : 'einem geschlossenen Vorgang'} brauchen einen grund`);
}
const fristAlsSpalten = (f: Frist | undefined) =>
  f === undefined ? {} : f === 'unbefristet' ? { aufbewahrungsfrist: null, unbefristet: true } : { aufbewahrungsfrist: f, unbefristet: false };
const fristVon = (r: { aufbewahrungsfrist: number | null; unbefristet: boolean }): Frist => (r.unbefristet ? 'unbefristet' : r.aufbewahrungsfrist);
const begrenze = (limit: number | undefined) => Math.min(Math.max(limit ?? LIMIT_STANDARD, 1), LIMIT_MAX);

function aenderungen<T extends Record<string, unknown>>(alt: T, neu: Partial<T>): Aenderung[] {
  return Object.entries(neu)
    .filter(([feld, wert]) => wert !== undefined && JSON.stringify(alt[feld] ?? null) !== JSON.stringify(wert))
    .map(([feld, wert]) => ({ feld, alt: alt[feld] ?? null, neu: wert }));
}

function ansichtAus(row: repo.AkteRow, kette: repo.Kettenglied[], frueher: string[], aussonderung: repo.Aussonderungsstand | null = null): AkteAnsicht {
  const { frist, geerbt } = wirksameFrist(row, kette);
  const aussonderungsart = row.aussonderungsart ?? kette.find((e) => e.aussonderungsart)?.aussonderungsart ?? null;
  return { row, frueher, frist, fristGeerbt: geerbt, aussonderungsart, aussonderung };
}

export function createAktenService(db: Db, protokolliere: Protokollierer) {
  async function kontext(tx: Tx, req: FastifyRequest): Promise<Kontext> {
    const a = akteurOf(req);
    const einstellungen = einstellungenAus(await repo.mandantEinstellungen(tx, a.mandantId), STANDARD_REGEL);
    const benutzer = (await repo.benutzerMitEinheiten(tx, a.sub)) ?? { name: null, freigabe: 'offen' as const, organisationseinheiten: [] };
    return { mandantId: a.mandantId, sub: a.sub, rollen: a.rollen, einstellungen, benutzer, sicht: sichtFuer(benutzer, a.rollen, einstellungen) };
  }

  /**
   * Runs `fn` in one tenant transaction with the caller's context. The database keeps Laufzeiten
   * consistent (migration 0019); its refusal, also one at commit, becomes a 422 naming the field.
   */
  function imKontext<T>(req: FastifyRequest, fn: (tx: Tx, k: Kontext) => Promise<T>): Promise<T> {
    return db.withMandant(akteurOf(req).mandantId, async (tx) => fn(tx, await kontext(tx, req))).catch(uebersetzeLaufzeitFehler);
  }

  async function ansichten(tx: Tx, rows: repo.AkteRow[]): Promise<AkteAnsicht[]> {
    const ketten = await repo.einheitenKetten(tx, [...new Set(rows.map((r) => r.aktenplaneinheitId))]);
    const frueher = await repo.fruehereAktenzeichen(tx, rows.map((r) => r.id));
    const stand = await repo.aussonderungsstaende(tx, rows.map((r) => r.id));
    return rows.map((row) => ansichtAus(row, ketten.get(row.aktenplaneinheitId) ?? [], frueher.get(row.id) ?? [], stand.get(row.id) ?? null));
  }
  const ansicht = async (tx: Tx, row: repo.AkteRow) => (await ansichten(tx, [row]))[0]!;

  async function sichtbareAkte(tx: Tx, k: Kontext, id: string, sperren = false): Promise<repo.AkteRow> {
    const row = await repo.findeAkte(tx, id, k.sicht, { sperren });
    if (!row) throw new Errors.NichtGefunden('Akte nicht gefunden');
    return row;
  }

  async function sichtbarerVorgang(tx: Tx, k: Kontext, id: string, sperren = false): Promise<repo.VorgangRow> {
    const row = await repo.findeVorgang(tx, id, k.sicht, { sperren });
    if (!row) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
    return row;
  }

  /** A unit that takes new Akten today. */
  async function gueltigeEinheit(tx: Tx, id: string, tag: string): Promise<repo.AktenplaneinheitRow> {
    const e = await repo.einheit(tx, id);
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
  async function neuesAktenzeichen(tx: Tx, k: Kontext, e: repo.AktenplaneinheitRow, tag: string) {
    const regel = k.einstellungen.aktenzeichenRegel;
    const fehler = pruefeRegel(regel);
    if (fehler) throw new Errors.NichtVerarbeitbar(`Aktenzeichenregel des Mandanten ungültig: ${fehler}`);
    const jahr = Number(tag.slice(0, 4));
    const nr = await repo.naechsteNummer(tx, k.mandantId, e.id, jahr);
    return { aktenzeichen: bildeAktenzeichen(regel, { kennzeichen: e.kennzeichen, nr, jahr }), nr, jahr };
  }

  function abschlussDatum(k: Kontext, datum: string | undefined, tag: string, frueheste: string): string {
    if (datum === undefined) return tag < frueheste ? frueheste : tag;
    if (!istRegistratur(k) && datum !== tag) throw new AuthErrors.KeineBerechtigung('Nur die Registratur darf ein abweichendes z.d.A.-Datum angeben');
    if (datum > tag) throw new Errors.NichtVerarbeitbar('Das z.d.A.-Datum liegt in der Zukunft');
    if (datum < frueheste) throw new Errors.NichtVerarbeitbar(`Das z.d.A.-Datum liegt vor dem Beginn der Laufzeit (${frueheste})`);
    return datum;
  }

  async function mitAufbewahrung(tx: Tx, row: repo.AkteRow) {
    if (row.status !== 'geschlossen' || !row.zdaDatum) return { aufbewahrungBis: null, aussonderungFaelligAb: null };
    const a = await ansicht(tx, row);
    const { aufbewahrungBis, aussonderungFaelligAb } = berechneAufbewahrung(row.zdaDatum, a.frist);
    return { aufbewahrungBis, aussonderungFaelligAb };
  }

  /** After a change that may move a closed Akte's retention dates: recompute them and record the difference in `diff`. */
  async function aufbewahrungNachziehen(tx: Tx, row: repo.AkteRow, diff: Aenderung[]): Promise<repo.AkteRow> {
    if (row.status !== 'geschlossen') return row;
    const neu = await mitAufbewahrung(tx, row);
    if (neu.aufbewahrungBis === row.aufbewahrungBis && neu.aussonderungFaelligAb === row.aussonderungFaelligAb) return row;
    diff.push(...aenderungen(row as unknown as Record<string, unknown>, neu));
    return repo.setzeAufbewahrung(tx, row.id, neu);
  }

  return {
    // ---- users and org units ------------------------------------------------------------
    listeOrganisationseinheiten: (req: FastifyRequest) => imKontext(req, (tx) => repo.alleOrganisationseinheiten(tx)),

    erstelleOrganisationseinheit: (req: FastifyRequest, body: { kuerzel: string; name: string }) =>
      imKontext(req, async (tx, k) => {
        const row = await repo.fuegeOrganisationseinheitEin(tx, { id: uuidv7(), mandantId: k.mandantId, ...body }).catch((e) =>
          uebersetzeDbFehler(e, { eindeutig: `Eine Organisationseinheit mit dem Kürzel ${body.kuerzel} existiert bereits` }),
        );
        await protokolliere(tx, akteurOf(req), { aktion: 'organisationseinheit.erstellt', objektTyp: 'organisationseinheit', objektId: row.id, details: body });
        return row;
      }),

    setzeBenutzer: (req: FastifyRequest, sub: string, body: { name?: string | null; freigabe: Freigabe; organisationseinheiten: string[] }) =>
      imKontext(req, async (tx, k) => {
        const alt = (await repo.benutzerMitEinheiten(tx, sub)) ?? { name: null, freigabe: 'offen' as Freigabe, organisationseinheiten: [] };
        const neu = { name: body.name ?? alt.name, freigabe: body.freigabe, organisationseinheiten: body.organisationseinheiten };
        await repo
          .setzeBenutzer(tx, k.mandantId, sub, neu)
          .catch((e) => uebersetzeDbFehler(e, { verweis: 'Eine der Organisationseinheiten existiert nicht' }));
        await protokolliere(tx, akteurOf(req), {
          aktion: 'benutzer.gesetzt',
          objektTyp: 'benutzer',
          objektId: null,
          details: { sub },
          aenderungen: aenderungen(alt as Record<string, unknown>, neu),
        });
        return { sub, ...(await repo.benutzerMitEinheiten(tx, sub))! };
      }),

    // ---- Aktenplan ----------------------------------------------------------------------
    exportiereAktenplan: (req: FastifyRequest) =>
      imKontext(req, async (tx) =>
        schreibeAktenplanCsv(
          (await repo.alleEinheiten(tx))
            .sort((a, b) => vergleicheKennzeichen(a.kennzeichen, b.kennzeichen))
            .map((e) => ({ kennzeichen: e.kennzeichen, titel: e.titel, frist: fristVon(e), aussonderungsart: e.aussonderungsart })),
        ),
      ),

    /** Creates missing units and updates titles and retention defaults of existing ones, all or nothing. */
    importiereAktenplan: (req: FastifyRequest, text: string) =>
      imKontext(req, async (tx, k) => {
        const bestand = new Map((await repo.alleEinheiten(tx)).map((e) => [e.kennzeichen, e]));
        const { einheiten, fehler } = leseAktenplanCsv(text, new Set(bestand.keys()));
        if (fehler.length > 0) {
          throw mitErweiterung(new Errors.NichtVerarbeitbar(`Die Datei hat ${fehler.length} fehlerhafte Angabe(n); nichts wurde geändert`), { fehler });
        }
        const ergebnis = { angelegt: 0, aktualisiert: 0, unveraendert: 0 };
        for (const e of einheiten) {
          const alt = bestand.get(e.kennzeichen);
          const neu = { titel: e.titel, ...fristAlsSpalten(e.frist), ...(e.aussonderungsart !== undefined ? { aussonderungsart: e.aussonderungsart } : {}) };
          if (!alt) {
            const eltern = elternKennzeichen(e.kennzeichen);
            const row = await repo.fuegeEinheitEin(tx, {
              id: uuidv7(),
              mandantId: k.mandantId,
              parentId: eltern ? bestand.get(eltern)!.id : null,
              kennzeichen: e.kennzeichen,
              ...neu,
            });
            bestand.set(row.kennzeichen, row);
            await protokolliere(tx, akteurOf(req), { aktion: 'aktenplaneinheit.erstellt', objektTyp: 'aktenplaneinheit', objektId: row.id, details: { kennzeichen: row.kennzeichen, titel: row.titel, import: true } });
            ergebnis.angelegt++;
            continue;
          }
          const diff = aenderungen(alt as unknown as Record<string, unknown>, neu);
          if (diff.length === 0) {
            ergebnis.unveraendert++;
            continue;
          }
          await repo.aendereEinheit(tx, alt.id, neu);
          await protokolliere(tx, akteurOf(req), { aktion: 'aktenplaneinheit.geaendert', objektTyp: 'aktenplaneinheit', objektId: alt.id, aenderungen: diff, details: { import: true } });
          ergebnis.aktualisiert++;
        }
        return ergebnis;
      }),

    einheitMitVersion: (req: FastifyRequest, id: string) => db.withMandant(akteurOf(req).mandantId, (tx) => repo.einheit(tx, id)),

    erstelleEinheit: (
      req: FastifyRequest,
      body: { parentId?: string | null; kennzeichen: string; titel: string; beschreibung?: string | null; gueltigAb?: string | null; gueltigBis?: string | null; aufbewahrungsfrist?: Frist; aussonderungsart?: 'A' | 'B' | 'V' | null },
    ) =>
      imKontext(req, async (tx, k) => {
        if (body.parentId) {
          const parent = await repo.einheit(tx, body.parentId);
          if (!parent) throw new Errors.NichtVerarbeitbar('Übergeordnete Aktenplaneinheit existiert nicht');
          if (!body.kennzeichen.startsWith(`${parent.kennzeichen}.`)) {
            throw new Errors.NichtVerarbeitbar(`Das Kennzeichen muss mit ${parent.kennzeichen}. beginnen`);
          }
        } else if (body.kennzeichen.includes('.')) {
          throw new Errors.NichtVerarbeitbar('Eine Einheit mit mehrteiligem Kennzeichen braucht eine übergeordnete Einheit (parentId)');
        }
        if (body.gueltigAb && body.gueltigBis && body.gueltigBis < body.gueltigAb) throw new Errors.NichtVerarbeitbar('gueltigBis liegt vor gueltigAb');
        const row = await repo
          .fuegeEinheitEin(tx, {
            id: uuidv7(),
            mandantId: k.mandantId,
            parentId: body.parentId ?? null,
            kennzeichen: body.kennzeichen,
            titel: body.titel,
            beschreibung: body.beschreibung ?? null,
            gueltigAb: body.gueltigAb ?? null,
            gueltigBis: body.gueltigBis ?? null,
            ...fristAlsSpalten(body.aufbewahrungsfrist ?? null),
            aussonderungsart: body.aussonderungsart ?? null,
          })
          .catch((e) => uebersetzeDbFehler(e, { eindeutig: `Das Kennzeichen ${body.kennzeichen} ist bereits vergeben` }));
        await protokolliere(tx, akteurOf(req), { aktion: 'aktenplaneinheit.erstellt', objektTyp: 'aktenplaneinheit', objektId: row.id, details: { kennzeichen: row.kennzeichen, titel: row.titel } });
        return row;
      }),

    aendereEinheit: (
      req: FastifyRequest,
      id: string,
      ifMatch: string | undefined,
      body: { titel?: string; beschreibung?: string | null; gueltigAb?: string | null; gueltigBis?: string | null; aufbewahrungsfrist?: Frist; aussonderungsart?: 'A' | 'B' | 'V' | null },
    ) =>
      imKontext(req, async (tx) => {
        const alt = await repo.einheit(tx, id, { sperren: true });
        if (!alt) throw new Errors.NichtGefunden('Aktenplaneinheit nicht gefunden');
        pruefeIfMatch(ifMatch, alt.version);
        const { aufbewahrungsfrist, ...rest } = body;
        const set = { ...rest, ...fristAlsSpalten(aufbewahrungsfrist) };
        const ab = set.gueltigAb === undefined ? alt.gueltigAb : set.gueltigAb;
        const bis = set.gueltigBis === undefined ? alt.gueltigBis : set.gueltigBis;
        if (ab && bis && bis < ab) throw new Errors.NichtVerarbeitbar('gueltigBis liegt vor gueltigAb');
        const diff = aenderungen(alt as unknown as Record<string, unknown>, set);
        if (diff.length === 0) return alt;
        // the Frist every inheriting Akte gets from this unit, before and after the change
        const geerbteFrist = async () => wirksameFrist({ aufbewahrungsfrist: null, unbefristet: false }, (await repo.einheitenKetten(tx, [id])).get(id) ?? []).frist;
        const vorher = aufbewahrungsfrist !== undefined ? await geerbteFrist() : null;
        const row = await repo.aendereEinheit(tx, id, set);
        // docs/domaene.md R8: shortening is refused while a Löschsperre covers an Akte that inherits the Frist
        if (aufbewahrungsfrist !== undefined && istVerkuerzung(vorher, await geerbteFrist()) && (await repo.gesperrteErbendeAkten(tx, id)) > 0) {
          throw loeschsperre('Eine Löschsperre liegt auf einer Akte, die diese Aufbewahrungsfrist erbt: die Frist kann nur verlängert werden');
        }
        await protokolliere(tx, akteurOf(req), { aktion: 'aktenplaneinheit.geaendert', objektTyp: 'aktenplaneinheit', objektId: id, aenderungen: diff });
        return row;
      }),

    loescheEinheit: (req: FastifyRequest, id: string) =>
      imKontext(req, async (tx) => {
        const alt = await repo.einheit(tx, id, { sperren: true });
        if (!alt) throw new Errors.NichtGefunden('Aktenplaneinheit nicht gefunden');
        const grund = await repo.einheitInBenutzung(tx, id);
        if (grund) throw new Errors.Konflikt(grund);
        await repo.loescheEinheit(tx, id);
        await protokolliere(tx, akteurOf(req), { aktion: 'aktenplaneinheit.geloescht', objektTyp: 'aktenplaneinheit', objektId: id, details: { kennzeichen: alt.kennzeichen, titel: alt.titel } });
      }),

    // ---- Akten --------------------------------------------------------------------------
    erstelleAkte: (
      req: FastifyRequest,
      body: { aktenplaneinheitId: string; betreff: string; federfuehrung?: string | null; vertraulichkeitsstufe?: Vertraulichkeitsstufe; medium?: Medium; bemerkung?: string | null; laufzeitBeginn?: string },
    ) =>
      imKontext(req, async (tx, k) => {
        const tag = heute();
        const stufe = body.vertraulichkeitsstufe ?? '003';
        pruefeStufe(k, stufe);
        if (body.laufzeitBeginn !== undefined) {
          if (!istRegistratur(k)) throw new AuthErrors.KeineBerechtigung('Nur die Registratur darf einen früheren Laufzeitbeginn angeben');
          if (body.laufzeitBeginn > tag) throw new Errors.NichtVerarbeitbar('Der Laufzeitbeginn liegt in der Zukunft');
        }
        const federfuehrung = body.federfuehrung === undefined ? (k.benutzer.organisationseinheiten[0] ?? null) : body.federfuehrung;
        if (federfuehrung === null && k.sicht.organisationseinheiten !== null) {
          throw new Errors.NichtVerarbeitbar('Akten brauchen in diesem Mandanten eine federführende Organisationseinheit');
        }
        const e = await gueltigeEinheit(tx, body.aktenplaneinheitId, tag);
        // everything that can be read beforehand is: the counter row stays locked only briefly
        const kette = (await repo.einheitenKetten(tx, [e.id])).get(e.id) ?? [];
        const az = await neuesAktenzeichen(tx, k, e, tag);
        const row = await repo
          .fuegeAkteEin(tx, {
            id: uuidv7(),
            mandantId: k.mandantId,
            aktenplaneinheitId: e.id,
            aktenzeichen: az.aktenzeichen,
            laufendeNummer: az.nr,
            jahr: az.jahr,
            betreff: body.betreff,
            federfuehrungId: federfuehrung,
            vertraulichkeitsstufe: stufe,
            medium: body.medium ?? '001',
            bemerkung: body.bemerkung ?? null,
            laufzeitBeginn: body.laufzeitBeginn ?? tag,
            erstelltVon: k.sub,
          })
          .catch((err) => uebersetzeDbFehler(err, { eindeutig: `Aktenzeichen ${az.aktenzeichen} ist bereits vergeben`, verweis: 'Die federführende Organisationseinheit existiert nicht' }));
        await protokolliere(tx, akteurOf(req), {
          aktion: 'akte.erstellt',
          objektTyp: 'akte',
          objektId: row.id,
          akteId: row.id,
          aktenzeichen: row.aktenzeichen,
          details: { betreff: row.betreff, aktenplaneinheitId: e.id, vertraulichkeitsstufe: stufe },
        });
        return ansichtAus(row, kette, []);
      }),

    akte: (req: FastifyRequest, id: string) => imKontext(req, async (tx, k) => ansicht(tx, await sichtbareAkte(tx, k, id))),

    listeAkten: (
      req: FastifyRequest,
      q: repo.AktenFilter & { limit?: number; cursor?: string; sortierung?: 'aktenzeichen' | 'geaendert' },
    ): Promise<Seite<AkteAnsicht>> =>
      imKontext(req, async (tx, k) => {
        const sortierung = q.sortierung ?? 'aktenzeichen';
        const limit = begrenze(q.limit);
        // a cursor names its sort order: one of the other order is refused like a made-up one
        const nach =
          sortierung === 'aktenzeichen'
            ? ((c) => (c ? [c.az] : null))(decodeCursor(q.cursor, { az: 'text' }))
            : ((c) => (c ? [c.t, c.id] : null))(decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' }));
        const rows = await repo.listeAkten(tx, k.sicht, q, sortierung, nach, limit + 1);
        const mehr = rows.length > limit;
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        const nextCursor =
          mehr && letzte
            ? encodeCursor(sortierung === 'aktenzeichen' ? { az: letzte.aktenzeichen } : { t: letzte.geaendertText, id: letzte.id })
            : null;
        return { items: await ansichten(tx, seite), nextCursor };
      }),

    aendereAkte: (
      req: FastifyRequest,
      id: string,
      ifMatch: string | undefined,
      body: { betreff?: string; federfuehrung?: string | null; vertraulichkeitsstufe?: Vertraulichkeitsstufe; medium?: Medium; bemerkung?: string | null; aufbewahrungsfrist?: Frist; aussonderungsart?: 'A' | 'B' | 'V' | null; grund?: string },
    ) =>
      imKontext(req, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        pruefeIfMatch(ifMatch, alt.version);
        pruefeAenderbar(alt.status, k, body.grund, 'die Akte');
        if ((body.aufbewahrungsfrist !== undefined || body.aussonderungsart !== undefined) && !istRegistratur(k)) {
          throw new AuthErrors.KeineBerechtigung('Aufbewahrungsfrist und Aussonderungsart ändert nur die Registratur');
        }
        if (body.vertraulichkeitsstufe !== undefined) pruefeStufe(k, body.vertraulichkeitsstufe);
        const { grund, aufbewahrungsfrist, federfuehrung, ...rest } = body;
        const set: Partial<repo.AkteRow> = { ...rest, ...fristAlsSpalten(aufbewahrungsfrist) };
        if (federfuehrung !== undefined) set.federfuehrungId = federfuehrung;
        const diff = aenderungen(alt as unknown as Record<string, unknown>, set);
        if (diff.length === 0) return ansicht(tx, alt);
        let row = await repo.aendereAkte(tx, id, set).catch((e) => uebersetzeDbFehler(e, { verweis: 'Die federführende Organisationseinheit existiert nicht' }));
        // docs/domaene.md R8: retention may be lengthened at any time, shortened only when no Löschsperre covers the Akte
        if (aufbewahrungsfrist !== undefined) {
          const vorher = (await ansicht(tx, alt)).frist;
          const nachher = (await ansicht(tx, row)).frist;
          if (istVerkuerzung(vorher, nachher) && (await repo.aktiveLoeschsperren(tx, id)) > 0) {
            throw loeschsperre('Eine Löschsperre liegt auf der Akte: die Aufbewahrungsfrist kann nur verlängert werden');
          }
        }
        row = await aufbewahrungNachziehen(tx, row, diff);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'akte.geaendert',
          objektTyp: 'akte',
          objektId: id,
          akteId: id,
          aktenzeichen: row.aktenzeichen,
          aenderungen: diff,
          details: grund ? { grund } : undefined,
        });
        return ansicht(tx, row);
      }),

    zdaAkte: (req: FastifyRequest, id: string, datum: string | undefined) =>
      imKontext(req, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        if (alt.status === 'geschlossen') throw new Errors.ObjektGeschlossen('Die Akte ist bereits zu den Akten verfügt');
        const tag = heute();
        const zda = abschlussDatum(k, datum, tag, alt.laufzeitBeginn);
        const offen = await repo.offeneVorgaenge(tx, id);
        if (offen.length > 0) {
          throw mitErweiterung(
            Object.assign(new Errors.Konflikt(`Die Akte hat offene Vorgänge: ${offen.map((v) => v.kennzeichen).join(', ')}`), { code: 'OFFENE_VORGAENGE' }),
            { offeneVorgaenge: offen },
          );
        }
        const a = await ansicht(tx, alt);
        const frist = berechneAufbewahrung(zda, a.frist);
        const set = { status: 'geschlossen' as const, zdaDatum: zda, laufzeitEnde: zda, aufbewahrungBis: frist.aufbewahrungBis, aussonderungFaelligAb: frist.aussonderungFaelligAb };
        const row = await repo.aendereAkte(tx, id, set);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'akte.zda',
          objektTyp: 'akte',
          objektId: id,
          akteId: id,
          aktenzeichen: row.aktenzeichen,
          aenderungen: aenderungen(alt as unknown as Record<string, unknown>, set),
          details: { aufbewahrungsfrist: a.frist, rueckdatiert: zda !== tag },
        });
        return ansicht(tx, row);
      }),

    wiederaufnahmeAkte: (req: FastifyRequest, id: string, grund: string) =>
      imKontext(req, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        if (alt.status !== 'geschlossen') throw new Errors.Konflikt('Die Akte ist nicht geschlossen');
        const set = { status: 'offen' as const, zdaDatum: null, laufzeitEnde: null, aufbewahrungBis: null, aussonderungFaelligAb: null };
        const row = await repo.aendereAkte(tx, id, set);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'akte.wiederaufnahme',
          objektTyp: 'akte',
          objektId: id,
          akteId: id,
          aktenzeichen: row.aktenzeichen,
          aenderungen: aenderungen(alt as unknown as Record<string, unknown>, set),
          details: { grund },
        });
        return ansicht(tx, row);
      }),

    umprotokolliereAkte: (req: FastifyRequest, id: string, body: { aktenplaneinheitId: string; grund: string }) =>
      imKontext(req, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        if (alt.aktenplaneinheitId === body.aktenplaneinheitId) throw new Errors.Konflikt('Die Akte liegt bereits unter dieser Aktenplaneinheit');
        const tag = heute();
        const ziel = await gueltigeEinheit(tx, body.aktenplaneinheitId, tag);
        const az = await neuesAktenzeichen(tx, k, ziel, tag);
        await repo.historieEintragen(tx, {
          id: uuidv7(),
          mandantId: k.mandantId,
          akteId: id,
          aktenzeichen: alt.aktenzeichen,
          aktenplaneinheitId: alt.aktenplaneinheitId,
          grund: body.grund,
        });
        let row = await repo.aendereAkte(tx, id, { aktenplaneinheitId: ziel.id, aktenzeichen: az.aktenzeichen, laufendeNummer: az.nr, jahr: az.jahr });
        await repo.vorgangKennzeichenNachziehen(tx, id, alt.aktenzeichen, az.aktenzeichen);
        const diff = aenderungen(alt as unknown as Record<string, unknown>, { aktenplaneinheitId: ziel.id, aktenzeichen: az.aktenzeichen });
        row = await aufbewahrungNachziehen(tx, row, diff);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'akte.umprotokolliert',
          objektTyp: 'akte',
          objektId: id,
          akteId: id,
          aktenzeichen: row.aktenzeichen,
          aenderungen: diff,
          details: { grund: body.grund },
        });
        return ansicht(tx, row);
      }),

    // ---- Vorgänge -----------------------------------------------------------------------
    erstelleVorgang: (req: FastifyRequest, akteId: string, body: { betreff: string; wiedervorlage?: string | null; laufzeitBeginn?: string }) =>
      imKontext(req, async (tx, k) => {
        const a = await sichtbareAkte(tx, k, akteId, true);
        if (a.status === 'geschlossen') throw new Errors.ObjektGeschlossen('Die Akte ist zu den Akten verfügt und nimmt keine neuen Vorgänge auf');
        const tag = heute();
        // as for Akten; that it lies within the Akte's Laufzeit the database checks
        if (body.laufzeitBeginn !== undefined) {
          if (!istRegistratur(k)) throw new AuthErrors.KeineBerechtigung('Nur die Registratur darf einen früheren Laufzeitbeginn angeben');
          if (body.laufzeitBeginn > tag) throw new Errors.NichtVerarbeitbar('Der Laufzeitbeginn liegt in der Zukunft');
        }
        const nr = await repo.naechsteVorgangNummer(tx, akteId);
        const row = await repo.fuegeVorgangEin(tx, {
          id: uuidv7(),
          mandantId: k.mandantId,
          akteId,
          laufendeNummer: nr,
          kennzeichen: vorgangKennzeichen(a.aktenzeichen, nr),
          betreff: body.betreff,
          wiedervorlage: body.wiedervorlage ?? null,
          laufzeitBeginn: body.laufzeitBeginn ?? tag,
          erstelltVon: k.sub,
        });
        await protokolliere(tx, akteurOf(req), {
          aktion: 'vorgang.erstellt',
          objektTyp: 'vorgang',
          objektId: row.id,
          akteId,
          aktenzeichen: a.aktenzeichen,
          details: { kennzeichen: row.kennzeichen, betreff: row.betreff },
        });
        return { ...row, aktenzeichen: a.aktenzeichen };
      }),

    vorgang: (req: FastifyRequest, id: string) => imKontext(req, (tx, k) => sichtbarerVorgang(tx, k, id)),

    vorgaengeDerAkte: (req: FastifyRequest, akteId: string, q: { limit?: number; cursor?: string }): Promise<Seite<repo.VorgangRow>> =>
      imKontext(req, async (tx, k) => {
        const nach = decodeCursor(q.cursor, { nr: 'ganzzahl' });
        await sichtbareAkte(tx, k, akteId);
        const limit = begrenze(q.limit);
        const rows = await repo.vorgaengeDerAkte(tx, akteId, nach ? nach.nr : null, limit + 1);
        const seite = rows.slice(0, limit);
        return { items: seite, nextCursor: rows.length > limit ? encodeCursor({ nr: seite[seite.length - 1]!.laufendeNummer }) : null };
      }),

    wiedervorlagen: (req: FastifyRequest, q: { wiedervorlageBis: string; limit?: number; cursor?: string }): Promise<Seite<repo.VorgangRow>> =>
      imKontext(req, async (tx, k) => {
        const limit = begrenze(q.limit);
        const nach = decodeCursor(q.cursor, { d: 'datum', id: 'uuid' });
        const rows = await repo.wiedervorlagen(tx, k.sicht, q.wiedervorlageBis, nach ? [nach.d, nach.id] : null, limit + 1);
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        return { items: seite, nextCursor: rows.length > limit && letzte?.wiedervorlage ? encodeCursor({ d: letzte.wiedervorlage, id: letzte.id }) : null };
      }),

    aendereVorgang: (req: FastifyRequest, id: string, ifMatch: string | undefined, body: { betreff?: string; wiedervorlage?: string | null; grund?: string }) =>
      imKontext(req, async (tx, k) => {
        const alt = await sichtbarerVorgang(tx, k, id, true);
        pruefeIfMatch(ifMatch, alt.version);
        pruefeAenderbar(alt.status, k, body.grund, 'der Vorgang');
        const { grund, ...set } = body;
        const diff = aenderungen(alt as unknown as Record<string, unknown>, set);
        if (diff.length === 0) return alt;
        const row = await repo.aendereVorgang(tx, id, set);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'vorgang.geaendert',
          objektTyp: 'vorgang',
          objektId: id,
          akteId: alt.akteId,
          aktenzeichen: alt.aktenzeichen,
          aenderungen: diff,
          details: grund ? { grund } : undefined,
        });
        return { ...row, aktenzeichen: alt.aktenzeichen };
      }),

    zdaVorgang: (req: FastifyRequest, id: string, datum: string | undefined) =>
      imKontext(req, async (tx, k) => {
        const alt = await sichtbarerVorgang(tx, k, id, true);
        if (alt.status === 'geschlossen') throw new Errors.ObjektGeschlossen('Der Vorgang ist bereits zu den Akten verfügt');
        const tag = heute();
        const zda = abschlussDatum(k, datum, tag, alt.laufzeitBeginn);
        const set = { status: 'geschlossen' as const, zdaDatum: zda };
        const row = await repo.aendereVorgang(tx, id, set);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'vorgang.zda',
          objektTyp: 'vorgang',
          objektId: id,
          akteId: alt.akteId,
          aktenzeichen: alt.aktenzeichen,
          aenderungen: aenderungen(alt as unknown as Record<string, unknown>, set),
        });
        return { ...row, aktenzeichen: alt.aktenzeichen };
      }),

    // ---- search -------------------------------------------------------------------------
    suche: (req: FastifyRequest, q: { q: string; limit?: number; cursor?: string }): Promise<Seite<repo.Treffer>> =>
      imKontext(req, async (tx, k) => {
        const nach = decodeCursor(q.cursor, { r: 'dezimal', typ: 'text', id: 'uuid' });
        const text = q.q.trim();
        if (text === '') return { items: [], nextCursor: null };
        const limit = begrenze(q.limit);
        const rows = await repo.suche(tx, k.sicht, text, nach ? [nach.r, nach.typ, nach.id] : null, limit + 1);
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        return { items: seite, nextCursor: rows.length > limit && letzte ? encodeCursor({ r: letzte.relevanz, typ: letzte.typ, id: letzte.id }) : null };
      }),
  };
}

export type AktenService = ReturnType<typeof createAktenService>;
