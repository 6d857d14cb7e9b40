// The lifecycle of Akten and Vorgänge: z.d.A., Wiederaufnahme, Umprotokollierung.
import { Errors, heute, type Protokollierer } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { berechneAufbewahrung } from '@eakte/schriftgutverwaltung/aufbewahrung';
import { vorgangKennzeichen } from '@eakte/schriftgutverwaltung/kennzeichen';
import * as akten from '../repositories/akten.js';
import * as vorgaenge from '../repositories/vorgaenge.js';
import { mitErweiterung } from './fehler.js';
import type { Tx } from '@eakte/db';
import { akteEreignis, vorgangEreignis, aenderungen, type Grundlage, type Kontext, type MandantAkteur } from './kontext.js';

export function createLebenszyklusService(g: Grundlage, protokolliere: Protokollierer) {
  const { imKontext, ansicht, sichtbareAkte, sichtbarerVorgang, gueltigeEinheit, neuesAktenzeichen, abschlussDatum, aufbewahrungNachziehen } = g;

  async function schliesseVorgang(tx: Tx, k: Kontext, akteur: MandantAkteur, id: string, datum: string | undefined) {
    const alt = await sichtbarerVorgang(tx, k, id, true);
    if (alt.status === 'geschlossen') throw new Errors.ObjektGeschlossen('Der Vorgang ist bereits zu den Akten verfügt');
    const tag = heute();
    const zda = abschlussDatum(k, datum, tag, alt.laufzeitBeginn);
    const set = { status: 'geschlossen' as const, zdaDatum: zda };
    const row = await vorgaenge.aendereVorgang(tx, id, set);
    await protokolliere(tx, akteur, vorgangEreignis('vorgang.zda', alt, { aenderungen: aenderungen(alt, set) }));
    return { ...row, aktenzeichen: alt.aktenzeichen, akteStatus: alt.akteStatus };
  }

  return {
    zdaAkte: (akteur: MandantAkteur, id: string, datum: string | undefined) =>
      imKontext(akteur, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        if (alt.status === 'geschlossen') throw new Errors.ObjektGeschlossen('Die Akte ist bereits zu den Akten verfügt');
        const tag = heute();
        const zda = abschlussDatum(k, datum, tag, alt.laufzeitBeginn);
        const offen = await akten.offeneVorgaenge(tx, id);
        if (offen.length > 0) {
          throw mitErweiterung(Object.assign(new Errors.Konflikt(`Die Akte hat offene Vorgänge: ${offen.map((v) => v.kennzeichen).join(', ')}`), { code: 'OFFENE_VORGAENGE' }), {
            offeneVorgaenge: offen,
          });
        }
        const a = await ansicht(tx, alt);
        const frist = berechneAufbewahrung(zda, a.frist);
        const set = { status: 'geschlossen' as const, zdaDatum: zda, laufzeitEnde: zda, aufbewahrungBis: frist.aufbewahrungBis, aussonderungFaelligAb: frist.aussonderungFaelligAb };
        const row = await akten.aendereAkte(tx, id, set);
        await protokolliere(tx, akteur, akteEreignis('akte.zda', row, { aenderungen: aenderungen(alt, set), details: { aufbewahrungsfrist: a.frist, rueckdatiert: zda !== tag } }));
        return ansicht(tx, row);
      }),

    wiederaufnahmeAkte: (akteur: MandantAkteur, id: string, grund: string) =>
      imKontext(akteur, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        if (alt.status !== 'geschlossen') throw new Errors.Konflikt('Die Akte ist nicht geschlossen');
        const set = { status: 'offen' as const, zdaDatum: null, laufzeitEnde: null, aufbewahrungBis: null, aussonderungFaelligAb: null };
        const row = await akten.aendereAkte(tx, id, set);
        await protokolliere(tx, akteur, akteEreignis('akte.wiederaufnahme', row, { aenderungen: aenderungen(alt, set), details: { grund } }));
        return ansicht(tx, row);
      }),

    umprotokolliereAkte: (akteur: MandantAkteur, id: string, body: { aktenplaneinheitId: string; grund: string }) =>
      imKontext(akteur, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        if (alt.aktenplaneinheitId === body.aktenplaneinheitId) throw new Errors.Konflikt('Die Akte liegt bereits unter dieser Aktenplaneinheit');
        const tag = heute();
        const ziel = await gueltigeEinheit(tx, body.aktenplaneinheitId, tag);
        const az = await neuesAktenzeichen(tx, k, ziel, tag);
        await akten.historieEintragen(tx, {
          id: uuidv7(),
          mandantId: k.mandantId,
          akteId: id,
          aktenzeichen: alt.aktenzeichen,
          aktenplaneinheitId: alt.aktenplaneinheitId,
          grund: body.grund,
        });
        let row = await akten.aendereAkte(tx, id, { aktenplaneinheitId: ziel.id, aktenzeichen: az.aktenzeichen, laufendeNummer: az.nr, jahr: az.jahr });
        await vorgaenge.vorgangKennzeichenNachziehen(tx, id, (nr) => vorgangKennzeichen(az.aktenzeichen, nr));
        const diff = aenderungen(alt, { aktenplaneinheitId: ziel.id, aktenzeichen: az.aktenzeichen });
        row = await aufbewahrungNachziehen(tx, row, diff);
        await protokolliere(tx, akteur, akteEreignis('akte.umprotokolliert', row, { aenderungen: diff, details: { grund: body.grund } }));
        return ansicht(tx, row);
      }),

    zdaVorgang: (akteur: MandantAkteur, id: string, datum: string | undefined) => imKontext(akteur, (tx, k) => schliesseVorgang(tx, k, akteur, id, datum)),

    /** The z.d.A. of a Vorgang inside another use case's transaction (the Schlussverfügung of a Verfügung). */
    schliesseVorgang,
  };
}
