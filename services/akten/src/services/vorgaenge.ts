// Use cases of Vorgänge: creating, reading, listing and changing them, and the caller's own
// Wiedervorlagen on them (set, move, clear, done; the worklist).
import { AuthErrors, decodeCursor, encodeCursor, Errors, heute, type Protokollierer } from '@eakte/platform';
import type { Tx } from '@eakte/db';
import { v7 as uuidv7 } from 'uuid';
import { pruefeAenderung, pruefeOffenFuerVorgang } from '@eakte/schriftgutverwaltung/geschlossen';
import { vorgangKennzeichen } from '@eakte/schriftgutverwaltung/kennzeichen';
import { pruefeIfMatch } from '../domain/version.js';
import { pruefeWiedervorlageDatum } from '../domain/wiedervorlage.js';
import * as repo from '../repositories/vorgaenge.js';
import * as wv from '../repositories/wiedervorlagen.js';
import { vorgangEreignis, aenderungen, begrenze, type Grundlage, type Kontext, type MandantAkteur, type Seite } from './kontext.js';

type Aenderung = { betreff?: string; wiedervorlage?: string | null; grund?: string };

const wiedervorlageEreignis = (was: string, v: repo.VorgangRow, w: { datum: string; organisationseinheitId: string | null }, fuer?: string) =>
  vorgangEreignis(`vorgang.wiedervorlage.${was}`, v, {
    details: { datum: w.datum, ...(w.organisationseinheitId ? { organisationseinheitId: w.organisationseinheitId } : {}), ...(fuer ? { fuer } : {}) },
  });

export function createVorgaengeService(g: Grundlage, protokolliere: Protokollierer) {
  const { imKontext, sichtbareAkte, sichtbarerVorgang, pruefeLaufzeitBeginn } = g;

  /** The rows with the caller's own open Wiedervorlage. */
  async function mitWiedervorlage(tx: Tx, k: Kontext, rows: repo.VorgangRow[]): Promise<repo.VorgangRow[]> {
    const daten = await wv.datenDerVorgaenge(
      tx,
      k.sub,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, wiedervorlage: daten.get(r.id) ?? null }));
  }

  /** Sets (or moves) the caller's Wiedervorlage on an open Vorgang; `null` clears it. Each change is in the Protokoll. */
  async function setze(
    tx: Tx,
    akteur: MandantAkteur,
    k: Kontext,
    v: repo.VorgangRow,
    datum: string | null,
    opts: { organisationseinheitId?: string | null; feld: 'datum' | 'wiedervorlage'; fuer?: string },
  ): Promise<wv.WiedervorlageRow | null> {
    // `fuer`: the Verfasser's, set by a Schlussverfügung "Wv." that another user signs
    const sub = opts.fuer ?? k.sub;
    const alt = await wv.offeneWiedervorlage(tx, v.id, sub);
    if (datum === null) {
      if (alt) {
        await wv.loesche(tx, alt.id);
        await protokolliere(tx, akteur, wiedervorlageEreignis('geloescht', v, alt));
      }
      return null;
    }
    if (v.status === 'geschlossen' || v.akteStatus === 'geschlossen') {
      throw new Errors.ObjektGeschlossen('Der Vorgang ist zu den Akten verfügt (z.d.A.); eine Wiedervorlage ist nicht mehr möglich');
    }
    pruefeWiedervorlageDatum(datum, heute(), opts.feld);
    const einheit = opts.organisationseinheitId;
    if (einheit && !k.benutzer.organisationseinheiten.includes(einheit)) {
      throw Object.assign(new Errors.NichtVerarbeitbar('Eine Wiedervorlage lässt sich nur für eine eigene Organisationseinheit führen'), {
        erweiterung: { fehler: [{ ort: 'body', feld: '/organisationseinheitId', meldung: 'ist keine Organisationseinheit des Benutzers' }] },
      });
    }
    const neu = alt
      ? await wv.aendere(tx, alt.id, { datum, ...(einheit !== undefined ? { organisationseinheitId: einheit } : {}) })
      : await wv.fuegeEin(tx, { id: uuidv7(), mandantId: k.mandantId, vorgangId: v.id, sub, organisationseinheitId: einheit ?? null, datum });
    await protokolliere(tx, akteur, wiedervorlageEreignis(alt ? 'verschoben' : 'gesetzt', v, neu, opts.fuer));
    return neu;
  }

  async function aendereVorgangIn(tx: Tx, k: Kontext, akteur: MandantAkteur, id: string, ifMatch: string | undefined, body: Aenderung) {
    const alt = await sichtbarerVorgang(tx, k, id, true);
    pruefeIfMatch(ifMatch, alt.version);
    pruefeAenderung({ vorgangStatus: alt.status, akteStatus: alt.akteStatus }, k.rollen, body.grund);
    const { grund, wiedervorlage, ...set } = body;
    // the caller's own reminder, not the record's metadata: no new version (its own Protokoll events)
    const [mit] = await mitWiedervorlage(tx, k, [alt]);
    if (wiedervorlage !== undefined) mit!.wiedervorlage = (await setze(tx, akteur, k, alt, wiedervorlage, { feld: 'wiedervorlage' }))?.datum ?? null;
    const diff = aenderungen(alt, set);
    if (diff.length === 0) return mit!;
    const row = await repo.aendereVorgang(tx, id, set);
    await protokolliere(tx, akteur, vorgangEreignis('vorgang.geaendert', alt, { aenderungen: diff, details: grund ? { grund } : undefined }));
    return { ...row, aktenzeichen: alt.aktenzeichen, akteStatus: alt.akteStatus, wiedervorlage: mit!.wiedervorlage };
  }

  return {
    erstelleVorgang: (akteur: MandantAkteur, akteId: string, body: { betreff: string; wiedervorlage?: string | null; laufzeitBeginn?: string }) =>
      imKontext(akteur, async (tx, k) => {
        const a = await sichtbareAkte(tx, k, akteId, true);
        pruefeOffenFuerVorgang(a.status);
        const tag = heute();
        // as for Akten; that it lies within the Akte's Laufzeit the database checks
        pruefeLaufzeitBeginn(k, body.laufzeitBeginn, tag);
        const nr = await repo.naechsteVorgangNummer(tx, akteId);
        const row = await repo.fuegeVorgangEin(tx, {
          id: uuidv7(),
          mandantId: k.mandantId,
          akteId,
          laufendeNummer: nr,
          kennzeichen: vorgangKennzeichen(a.aktenzeichen, nr),
          betreff: body.betreff,
          laufzeitBeginn: body.laufzeitBeginn ?? tag,
          erstelltVon: k.sub,
        });
        const neu: repo.VorgangRow = { ...row, aktenzeichen: a.aktenzeichen, akteStatus: a.status, wiedervorlage: null };
        await protokolliere(tx, akteur, vorgangEreignis('vorgang.erstellt', neu, { details: { kennzeichen: row.kennzeichen, betreff: row.betreff } }));
        if (body.wiedervorlage) neu.wiedervorlage = (await setze(tx, akteur, k, neu, body.wiedervorlage, { feld: 'wiedervorlage' }))?.datum ?? null;
        return neu;
      }),

    vorgang: (akteur: MandantAkteur, id: string) => imKontext(akteur, async (tx, k) => (await mitWiedervorlage(tx, k, [await sichtbarerVorgang(tx, k, id)]))[0]!),

    vorgaengeDerAkte: (akteur: MandantAkteur, akteId: string, q: { limit?: number; cursor?: string }): Promise<Seite<repo.VorgangRow>> =>
      imKontext(akteur, async (tx, k) => {
        const nach = decodeCursor(q.cursor, { nr: 'ganzzahl' });
        await sichtbareAkte(tx, k, akteId);
        const limit = begrenze(q.limit);
        const rows = await repo.vorgaengeDerAkte(tx, akteId, nach ? nach.nr : null, limit + 1);
        const seite = rows.slice(0, limit);
        return { items: await mitWiedervorlage(tx, k, seite), nextCursor: rows.length > limit ? encodeCursor({ nr: seite[seite.length - 1]!.laufendeNummer }) : null };
      }),

    /** The caller's own Wiedervorlagen up to a day, or those kept for one of the caller's org units. */
    wiedervorlagen: (akteur: MandantAkteur, q: { wiedervorlageBis: string; organisationseinheitId?: string; limit?: number; cursor?: string }): Promise<Seite<repo.VorgangRow>> =>
      imKontext(akteur, async (tx, k) => {
        const limit = begrenze(q.limit);
        const nach = decodeCursor(q.cursor, { d: 'datum', id: 'uuid' });
        const einheit = q.organisationseinheitId;
        if (einheit && !k.benutzer.organisationseinheiten.includes(einheit)) {
          throw new AuthErrors.KeineBerechtigung('Die Wiedervorlagen einer Organisationseinheit sehen nur ihre Mitglieder');
        }
        const rows = await wv.faellige(tx, k.sicht, einheit ? { einheit } : { sub: k.sub }, q.wiedervorlageBis, nach ? [nach.d, nach.id] : null, limit + 1);
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        return { items: seite, nextCursor: rows.length > limit && letzte?.wiedervorlage ? encodeCursor({ d: letzte.wiedervorlage, id: letzte.id }) : null };
      }),

    aendereVorgang: (akteur: MandantAkteur, id: string, ifMatch: string | undefined, body: Aenderung) => imKontext(akteur, (tx, k) => aendereVorgangIn(tx, k, akteur, id, ifMatch, body)),

    /** The Wiedervorlage of `fuer` on a Vorgang, inside another use case's transaction (the Schlussverfügung "Wv."). */
    setzeWiedervorlageIn: async (tx: Tx, k: Kontext, akteur: MandantAkteur, vorgangId: string, datum: string, fuer: string) =>
      setze(tx, akteur, k, await sichtbarerVorgang(tx, k, vorgangId, true), datum, { feld: 'datum', fuer }),

    /** Sets or moves (verschieben) the caller's Wiedervorlage on a Vorgang. */
    setzeWiedervorlage: (akteur: MandantAkteur, vorgangId: string, body: { datum: string; organisationseinheitId?: string | null }) =>
      imKontext(akteur, async (tx, k) => {
        const v = await sichtbarerVorgang(tx, k, vorgangId);
        const row = await setze(tx, akteur, k, v, body.datum, { organisationseinheitId: body.organisationseinheitId, feld: 'datum' });
        return { row: row!, vorgang: v };
      }),

    /** Clears the caller's Wiedervorlage on a Vorgang (none set: nothing to do). */
    loescheWiedervorlage: (akteur: MandantAkteur, vorgangId: string) =>
      imKontext(akteur, async (tx, k) => {
        const v = await sichtbarerVorgang(tx, k, vorgangId);
        await setze(tx, akteur, k, v, null, { feld: 'datum' });
      }),

    /** Marks the caller's Wiedervorlage on a Vorgang done; it leaves the worklist. */
    erledigeWiedervorlage: (akteur: MandantAkteur, vorgangId: string) =>
      imKontext(akteur, async (tx, k) => {
        const v = await sichtbarerVorgang(tx, k, vorgangId);
        const alt = await wv.offeneWiedervorlage(tx, v.id, k.sub);
        if (!alt) throw new Errors.NichtGefunden('Für diesen Vorgang ist keine eigene Wiedervorlage gesetzt');
        const row = await wv.aendere(tx, alt.id, { erledigtAm: new Date() });
        await protokolliere(tx, akteur, wiedervorlageEreignis('erledigt', v, row));
        return { row, vorgang: v };
      }),
  };
}
