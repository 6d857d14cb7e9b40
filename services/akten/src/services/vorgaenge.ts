// Use cases of Vorgänge: creating, reading, listing (also by Wiedervorlage) and changing them.
import { decodeCursor, encodeCursor, Errors, heute, type Protokollierer } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { pruefeAenderung } from '@eakte/schriftgutverwaltung/geschlossen';
import { vorgangKennzeichen } from '@eakte/schriftgutverwaltung/kennzeichen';
import { pruefeIfMatch } from '../domain/version.js';
import * as repo from '../repositories/vorgaenge.js';
import type { Tx } from '@eakte/db';
import { vorgangEreignis, aenderungen, begrenze, type Grundlage, type Kontext, type MandantAkteur, type Seite } from './kontext.js';

type Aenderung = { betreff?: string; wiedervorlage?: string | null; grund?: string };

export function createVorgaengeService(g: Grundlage, protokolliere: Protokollierer) {
  const { imKontext, sichtbareAkte, sichtbarerVorgang, pruefeLaufzeitBeginn } = g;

  /** `ifMatch` null: the caller checked no version (a change another use case makes). */
  async function aendereVorgangIn(tx: Tx, k: Kontext, akteur: MandantAkteur, id: string, ifMatch: string | undefined | null, body: Aenderung) {
    const alt = await sichtbarerVorgang(tx, k, id, true);
    if (ifMatch !== null) pruefeIfMatch(ifMatch, alt.version);
    pruefeAenderung({ vorgangStatus: alt.status, akteStatus: alt.akteStatus }, k.rollen, body.grund);
    const { grund, ...set } = body;
    const diff = aenderungen(alt, set);
    if (diff.length === 0) return alt;
    const row = await repo.aendereVorgang(tx, id, set);
    await protokolliere(tx, akteur, vorgangEreignis('vorgang.geaendert', alt, { aenderungen: diff, details: grund ? { grund } : undefined }));
    return { ...row, aktenzeichen: alt.aktenzeichen, akteStatus: alt.akteStatus };
  }

  return {
    erstelleVorgang: (akteur: MandantAkteur, akteId: string, body: { betreff: string; wiedervorlage?: string | null; laufzeitBeginn?: string }) =>
      imKontext(akteur, async (tx, k) => {
        const a = await sichtbareAkte(tx, k, akteId, true);
        if (a.status === 'geschlossen') throw new Errors.ObjektGeschlossen('Die Akte ist zu den Akten verfügt und nimmt keine neuen Vorgänge auf');
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
          wiedervorlage: body.wiedervorlage ?? null,
          laufzeitBeginn: body.laufzeitBeginn ?? tag,
          erstelltVon: k.sub,
        });
        const neu = { ...row, aktenzeichen: a.aktenzeichen, akteStatus: a.status };
        await protokolliere(tx, akteur, vorgangEreignis('vorgang.erstellt', neu, { details: { kennzeichen: row.kennzeichen, betreff: row.betreff } }));
        return neu;
      }),

    vorgang: (akteur: MandantAkteur, id: string) => imKontext(akteur, (tx, k) => sichtbarerVorgang(tx, k, id)),

    vorgaengeDerAkte: (akteur: MandantAkteur, akteId: string, q: { limit?: number; cursor?: string }): Promise<Seite<repo.VorgangRow>> =>
      imKontext(akteur, async (tx, k) => {
        const nach = decodeCursor(q.cursor, { nr: 'ganzzahl' });
        await sichtbareAkte(tx, k, akteId);
        const limit = begrenze(q.limit);
        const rows = await repo.vorgaengeDerAkte(tx, akteId, nach ? nach.nr : null, limit + 1);
        const seite = rows.slice(0, limit);
        return { items: seite, nextCursor: rows.length > limit ? encodeCursor({ nr: seite[seite.length - 1]!.laufendeNummer }) : null };
      }),

    wiedervorlagen: (akteur: MandantAkteur, q: { wiedervorlageBis: string; limit?: number; cursor?: string }): Promise<Seite<repo.VorgangRow>> =>
      imKontext(akteur, async (tx, k) => {
        const limit = begrenze(q.limit);
        const nach = decodeCursor(q.cursor, { d: 'datum', id: 'uuid' });
        const rows = await repo.wiedervorlagen(tx, k.sicht, q.wiedervorlageBis, nach ? [nach.d, nach.id] : null, limit + 1);
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        return { items: seite, nextCursor: rows.length > limit && letzte?.wiedervorlage ? encodeCursor({ d: letzte.wiedervorlage, id: letzte.id }) : null };
      }),

    aendereVorgang: (akteur: MandantAkteur, id: string, ifMatch: string | undefined, body: Aenderung) =>
      imKontext(akteur, (tx, k) => aendereVorgangIn(tx, k, akteur, id, ifMatch, body)),

    /** The change of a Vorgang inside another use case's transaction (the Wiedervorlage of a Schlussverfügung). */
    aendereVorgangIn,
  };
}
