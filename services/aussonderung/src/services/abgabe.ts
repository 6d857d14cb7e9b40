// The transfer 0503 and the archive's import confirmation 0506, which queues the removal of the content (docs/domaene.md R5).
import { v7 as uuidv7 } from 'uuid';
import { pruefeAbgabe, pruefeLoeschungNachImport } from '../domain/aussonderung-gates.js';
import { archivierteAkten } from '../domain/aussonderungsprozess.js';
import * as repo from '../repositories/aussonderung.js';
import { aussonderungsnachricht, leseImportbestaetigung } from '../xdomea/nachrichten.js';
import { paket, paketName, type PaketDatei } from '../xdomea/paket.js';
import { AussonderungFehler, pruefeJedes } from './fehler.js';
import { type MandantAkteur, type Download, teilBewertung, auftragAkteur } from './modell.js';
import type { Kontext } from './kontext.js';
import { leseXml, geprueft, pruefeProzess } from './nachrichtenbau.js';

/** The use cases of the transfer. */
export function abgabeFaelle(k: Kontext) {
  const { protokolliere, inhalte, imMandant, ansicht, gesperrteAussonderung, aktualisiereStatus, kopfDaten, xAkten, dateienDerAkten } = k;

  return {
    /** 0503: every A-object (without V-children) with all primary files, streamed after commit. */
    async abgabe(akteur: MandantAkteur, id: string): Promise<Download> {
      const { xml, dateien } = await imMandant(akteur, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const objekte = await repo.objekte(tx, id);
        const offen = objekte.filter((o) => o.bewertung === null);
        if (offen.length) throw new AussonderungFehler.FalscherSchritt(`Noch nicht vom Archiv bewertet: ${offen.map((o) => o.aktenzeichen).join(', ')}`);
        const aObjekte = objekte.filter((o) => o.mitA && (o.status === 'bewertet' || o.status === 'abgegeben'));
        if (aObjekte.length === 0) throw new AussonderungFehler.FalscherSchritt('Keine als archivwürdig (A) bewerteten Objekte abzugeben');
        const sperren = await repo.aktiveSperrenJeAkte(
          tx,
          aObjekte.map((o) => o.akteId),
        );
        pruefeJedes(aObjekte, (o) => pruefeAbgabe({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren.get(o.akteId) ?? 0 }));
        // each Akte as the container of its A-parts only
        const ohne = new Set(
          (
            await repo.vorgaengeDerTeile(
              tx,
              aObjekte.map((o) => o.akteId),
              'V',
            )
          ).map((v) => v.id),
        );
        const x = await xAkten(
          tx,
          aObjekte.map((o) => o.akteId),
          { dateien: true, ohneVorgaenge: ohne },
        );
        // checked before anything changes and before the first byte of the ZIP goes out
        const nachricht = await geprueft(aussonderungsnachricht(await kopfDaten(tx, a.mandantId, id), x.akten), '0503');
        for (const o of aObjekte) {
          if (o.status === 'abgegeben') continue;
          await repo.setzeObjekt(tx, id, o.akteId, { status: 'abgegeben' });
          await protokolliere(tx, akteur, { aktion: 'akte.abgegeben', objektTyp: 'akte', objektId: o.akteId, akteId: o.akteId, aktenzeichen: o.aktenzeichen, details: { aussonderungId: id } });
        }
        await repo.setzeAussonderung(tx, id, { abgegebenAm: new Date(), fortschrittSchritt: 'abgabe', fortschrittErledigt: aObjekte.length, fortschrittGesamt: aObjekte.length });
        await aktualisiereStatus(tx, id);
        return { xml: nachricht, dateien: x.dateien };
      });
      const eintraege: PaketDatei[] = dateien.map((f) => ({ name: f.paketname, size: f.groesse, oeffnen: () => inhalte.oeffne(f.schluessel) }));
      return { dateiname: paketName(id, '0503'), inhalt: paket(id, '0503', xml, eintraege) };
    },

    /** 0506: confirmed Akten become archiviert; removing their content is queued as jobs. */
    importbestaetigung(akteur: MandantAkteur, id: string, xml: string) {
      return imMandant(akteur, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const { kopf, meldungen } = await leseXml(xml, leseImportbestaetigung);
        pruefeProzess(kopf, id);
        const objekte = (await repo.objekte(tx, id)).filter((o) => o.status === 'abgegeben');
        // an Akte counts as archived when the archive confirms it or all of its transferred A-Vorgänge
        const vorgaenge = await repo.vorgaengeDerTeile(
          tx,
          objekte.map((o) => o.akteId),
          'A',
        );
        const archiviert = archivierteAkten(
          objekte.map((o) => ({ akteId: o.akteId, vorgaenge: vorgaenge.filter((v) => v.akteId === o.akteId).map((v) => v.id) })),
          meldungen,
        );
        const sperren = await repo.aktiveSperrenJeAkte(tx, [...archiviert.keys()]);
        const frei = objekte.filter(
          (o) => archiviert.has(o.akteId) && !pruefeLoeschungNachImport({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren.get(o.akteId) ?? 0, importBestaetigt: true }),
        );
        const dateien = await dateienDerAkten(
          tx,
          frei.map((o) => o.akteId),
          'A',
        );
        for (const o of frei) {
          const kennung = archiviert.get(o.akteId)!.archivkennung;
          await repo.setzeObjekt(tx, id, o.akteId, { status: 'archiviert', erfolgreich: true, archivkennung: kennung, loeschung: 'ausstehend' });
          await protokolliere(tx, akteur, {
            aktion: 'akte.archiviert',
            objektTyp: 'akte',
            objektId: o.akteId,
            akteId: o.akteId,
            aktenzeichen: o.aktenzeichen,
            details: { aussonderungId: id, archivkennung: kennung, dateien: dateien.get(o.akteId)!.length },
          });
        }
        await repo.legeAuftraegeAn(
          tx,
          frei.map((o) => ({ mandantId: a.mandantId, aussonderungId: id, art: 'loeschung-nach-import' as const, akteId: o.akteId, akteur: auftragAkteur(akteur) })),
        );
        await repo.speichereNachricht(tx, {
          id: uuidv7(),
          mandantId: a.mandantId,
          aussonderungId: id,
          typ: '0506',
          erstellungszeitpunkt: kopf.erstellungszeitpunkt,
          absender: kopf.absender,
          empfangenVon: a.sub,
          inhalt: xml,
        });
        if (frei.length) await repo.setzeAussonderung(tx, id, { fortschrittSchritt: 'loeschung-nach-import', fortschrittErledigt: 0, fortschrittGesamt: frei.length });
        await aktualisiereStatus(tx, id);
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },
  };
}
