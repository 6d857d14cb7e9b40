// Destruction under four eyes: request, approval, refusal, and the Vernichtungsprotokoll (docs/domaene.md R6).
import { v7 as uuidv7 } from 'uuid';
import { pruefeVernichtung, pruefeVierAugen } from '../domain/aussonderung-gates.js';
import type { ProtokollObjekt } from '../domain/vernichtungsprotokoll.js';
import * as repo from '../repositories/aussonderung.js';
import { AussonderungFehler, NichtGefunden, pruefeJedes, verstossFehler } from './fehler.js';
import { type MandantAkteur, type Download, teilBewertung, auftragAkteur } from './modell.js';
import type { Kontext } from './kontext.js';

/** The use cases of the destruction. */
export function vernichtungFaelle(k: Kontext) {
  const { deps, protokolliere, imMandant, ansicht, gesperrteAussonderung, aktualisiereStatus, vTeile, dateienJeVorgang, herkuenfte, aktenSchnappschuss } = k;

  return {
    /** Request destruction of the V-objects (first pair of eyes). */
    beantrageVernichtung(akteur: MandantAkteur, id: string) {
      return imMandant(akteur, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        if (await repo.findeVernichtung(tx, id)) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits beantragt');
        const objekte = await repo.objekte(tx, id);
        const v = objekte.filter((o) => teilBewertung(o) === 'V');
        const teile = await vTeile(tx, objekte);
        if (v.length === 0 && teile.size === 0) throw verstossFehler(pruefeVernichtung({ angeboten: true, bewertung: null, aktiveSperren: 0 })!);
        const sperren = await repo.aktiveSperrenJeAkte(tx, [...v.map((o) => o.akteId), ...teile.keys()]);
        const mitTeilen = objekte.filter((o) => teile.has(o.akteId));
        pruefeJedes(mitTeilen, (o) => pruefeVernichtung({ angeboten: true, bewertung: 'V', aktiveSperren: sperren.get(o.akteId) ?? 0 }));
        pruefeJedes(v, (o) => pruefeVernichtung({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren.get(o.akteId) ?? 0, inhaltGeloescht: o.status === 'vernichtet' }));
        await repo.beantrageVernichtung(tx, { id: uuidv7(), mandantId: a.mandantId, aussonderungId: id, beantragtVon: a.sub, beantragtVonName: a.name });
        for (const o of v) {
          await protokolliere(tx, akteur, {
            aktion: 'akte.vernichtung.beantragt',
            objektTyp: 'akte',
            objektId: o.akteId,
            akteId: o.akteId,
            aktenzeichen: o.aktenzeichen,
            details: { aussonderungId: id },
          });
        }
        for (const o of mitTeilen) {
          for (const t of teile.get(o.akteId)!) {
            await protokolliere(tx, akteur, {
              aktion: 'vorgang.vernichtung.beantragt',
              objektTyp: 'vorgang',
              objektId: t.id,
              akteId: o.akteId,
              aktenzeichen: o.aktenzeichen,
              details: { aussonderungId: id, kennzeichen: t.kennzeichen },
            });
          }
        }
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /**
     * Approve (second pair of eyes): gates asked again, the approval and the objects' snapshot
     * recorded, and one job per object queued; each job asks the gates once more when it runs.
     */
    gebeVernichtungFrei(akteur: MandantAkteur, id: string) {
      return imMandant(akteur, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const antrag = await repo.findeVernichtung(tx, id, { sperren: true });
        if (!antrag) throw new AussonderungFehler.FalscherSchritt('Es ist keine Vernichtung beantragt');
        if (antrag.freigegebenAm) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits freigegeben');
        const augen = pruefeVierAugen(antrag.beantragtVon, a.sub);
        if (augen) throw verstossFehler(augen);
        const alle = await repo.objekte(tx, id);
        const v = alle.filter((o) => teilBewertung(o) === 'V' && o.status === 'bewertet');
        const teile = await vTeile(tx, alle);
        const mitTeilen = alle.filter((o) => teile.has(o.akteId));
        const sperren = await repo.aktiveSperrenJeAkte(
          tx,
          [...v, ...mitTeilen].map((o) => o.akteId),
        );
        pruefeJedes([...v, ...mitTeilen], (o) => pruefeVernichtung({ angeboten: true, bewertung: 'V', aktiveSperren: sperren.get(o.akteId) ?? 0 }));
        const snapshot = await aktenSchnappschuss(tx, id, v);
        const herkunft = await herkuenfte(
          tx,
          id,
          [...teile.values()].flat().map((t) => t.id),
        );
        // each V-Vorgang of an A-Akte is an object of the protocol of its own, named by its Kennzeichen
        const teilDateien = await dateienJeVorgang(
          tx,
          [...teile.values()].flat().map((t) => t.id),
        );
        const teilSnapshot: (ProtokollObjekt & { akteId: string; vorgangId: string })[] = mitTeilen.flatMap((o) =>
          teile.get(o.akteId)!.map((t) => ({
            akteId: o.akteId,
            vorgangId: t.id,
            aktenzeichen: t.kennzeichen,
            betreff: t.betreff,
            laufzeitBeginn: null,
            laufzeitEnde: null,
            dateien: teilDateien.get(t.id)!.map((f) => ({ sha256: f.sha256 })),
            herkunft: herkunft.get(t.id) ?? null,
          })),
        );
        await repo.gebeVernichtungFrei(tx, antrag.id, a.sub, a.name, [...snapshot, ...teilSnapshot]);
        for (const o of v) {
          await repo.setzeObjekt(tx, id, o.akteId, { loeschung: 'ausstehend' });
          await protokolliere(tx, akteur, {
            aktion: 'akte.vernichtung.freigegeben',
            objektTyp: 'akte',
            objektId: o.akteId,
            akteId: o.akteId,
            aktenzeichen: o.aktenzeichen,
            details: { aussonderungId: id, beantragtVon: antrag.beantragtVon, dateien: snapshot.find((x) => x.akteId === o.akteId)!.dateien.length },
          });
        }
        for (const t of teilSnapshot) {
          await protokolliere(tx, akteur, {
            aktion: 'vorgang.vernichtung.freigegeben',
            objektTyp: 'vorgang',
            objektId: t.vorgangId,
            akteId: t.akteId,
            details: { aussonderungId: id, kennzeichen: t.aktenzeichen, beantragtVon: antrag.beantragtVon, dateien: t.dateien.length },
          });
        }
        const auftraggeber = auftragAkteur(a);
        const zuVernichten = [...v, ...mitTeilen];
        await repo.legeAuftraegeAn(
          tx,
          zuVernichten.length
            ? zuVernichten.map((o) => ({ mandantId: a.mandantId, aussonderungId: id, art: 'vernichtung' as const, akteId: o.akteId, akteur: auftraggeber }))
            : [{ mandantId: a.mandantId, aussonderungId: id, art: 'vernichtungsprotokoll' as const, akteId: null, akteur: auftraggeber }],
        );
        await repo.setzeAussonderung(tx, id, { fortschrittSchritt: 'vernichtung', fortschrittErledigt: 0, fortschrittGesamt: zuVernichten.length });
        await aktualisiereStatus(tx, id);
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /**
     * Refuse (second pair of eyes): the pending request is closed as refused and kept as history;
     * no object changes, and the Registratur may correct the appraisal and request again.
     */
    lehneVernichtungAb(akteur: MandantAkteur, id: string, grund: string | undefined) {
      return imMandant(akteur, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const text = grund?.trim();
        if (!text) throw new AussonderungFehler.AblehnungsgrundFehlt('Eine Ablehnung braucht einen Grund: grund');
        const antrag = await repo.findeVernichtung(tx, id, { sperren: true });
        if (!antrag) throw new AussonderungFehler.FalscherSchritt('Es ist keine Vernichtung beantragt');
        if (antrag.freigegebenAm) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits freigegeben');
        if (pruefeVierAugen(antrag.beantragtVon, a.sub)) throw new AussonderungFehler.EigenerAntrag('Den eigenen Antrag lehnt nur eine zweite Person ab');
        await repo.lehneVernichtungAb(tx, antrag.id, a.sub, a.name, text);
        await protokolliere(tx, akteur, {
          aktion: 'aussonderung.vernichtung.abgelehnt',
          objektTyp: 'aussonderung',
          objektId: id,
          ergebnis: 'abgelehnt',
          details: { vernichtungId: antrag.id, beantragtVon: antrag.beantragtVon, grund: text },
        });
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /** The protocol, or its Nachtrag `nachtrag` (objects destroyed after a Löschsperre was released). */
    vernichtungsprotokoll(akteur: MandantAkteur, id: string, nachtrag?: number): Promise<Download> {
      return imMandant(akteur, async (tx) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        const v = await repo.findeVernichtung(tx, id);
        if (!v?.freigegebenAm) throw new AussonderungFehler.FalscherSchritt('Es gibt keine freigegebene Vernichtung');
        if (!v.protokollSchluessel) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung läuft noch; das Protokoll entsteht, wenn sie abgeschlossen ist');
        if (nachtrag === undefined) return { dateiname: `${id}_Vernichtungsprotokoll.pdf`, inhalt: await deps.storage.get(v.protokollSchluessel) };
        const n = (await repo.nachtraege(tx, v.id)).find((x) => x.nr === nachtrag);
        if (!n) throw new NichtGefunden(`Nachtrag ${nachtrag} zum Vernichtungsprotokoll nicht gefunden`);
        return { dateiname: `${id}_Vernichtungsprotokoll_Nachtrag_${n.nr}.pdf`, inhalt: await deps.storage.get(n.schluessel) };
      });
    },
  };
}
