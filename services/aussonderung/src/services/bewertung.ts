// The archive's appraisal: the 0502 or a hand appraisal with the archive's letter, its receipt 0505, the receipts 0504/0507.
import type { Tx } from '@eakte/db';
import { heute } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import type { Bewertung } from '../domain/aussonderung-gates.js';
import { uebernimmBewertung } from '../domain/aussonderungsprozess.js';
import * as repo from '../repositories/aussonderung.js';
import { bewertungEmpfangBestaetigen, leseBewertungsverzeichnis, leseNachricht, type GelesenerKopf } from '../xdomea/nachrichten.js';
import { paket, paketName } from '../xdomea/paket.js';
import { AussonderungFehler, NichtGefunden } from './fehler.js';
import type { MandantAkteur, BewertungManuell, Download } from './modell.js';
import type { Kontext } from './kontext.js';
import { leseXml, geprueft, pruefeProzess } from './nachrichtenbau.js';

/** The use cases of the appraisal and the archive's receipts. */
export function bewertungFaelle(k: Kontext) {
  const { protokolliere, imMandant, ansicht, gesperrteAussonderung, aktualisiereStatus, kopfDaten } = k;
  /** The archive's letter a hand appraisal names; each missing part refused with its own code. */
  async function archivschreiben(tx: Tx, e: BewertungManuell) {
    const zeichen = e.zeichen?.trim();
    const archivar = e.archivar?.trim();
    if (!zeichen) throw new AussonderungFehler.ZeichenFehlt('Eine Bewertung von Hand braucht das Zeichen (Geschäftszeichen) des Archivschreibens: zeichen');
    if (!e.datum) throw new AussonderungFehler.DatumFehlt('Eine Bewertung von Hand braucht das Datum des Archivschreibens: datum');
    if (!archivar) throw new AussonderungFehler.ArchivarFehlt('Eine Bewertung von Hand braucht den Namen der Archivarin oder des Archivars: archivar');
    if (e.datum > heute()) throw new AussonderungFehler.DatumInZukunft(`Das Archivschreiben kann nicht vom ${e.datum} sein: das Datum liegt in der Zukunft`);
    const dokumentId = e.dokumentId?.toLowerCase() ?? null;
    if (dokumentId && !(await repo.dokumentVorhanden(tx, dokumentId))) {
      throw Object.assign(new AussonderungFehler.DokumentUnbekannt(`Das Dokument ${dokumentId} (Scan des Archivschreibens) existiert nicht`), { erweiterung: { dokumentId } });
    }
    return { zeichen, datum: e.datum, archivar, dokumentId };
  }

  return {
    bewertung(akteur: MandantAkteur, id: string, eingabe: string | BewertungManuell) {
      return imMandant(akteur, async (tx, a) => {
        const row = await gesperrteAussonderung(tx, id);
        if (await repo.findeVernichtung(tx, id)) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits beantragt; die Bewertung ist abgeschlossen');
        let bewertungen: Map<string, Bewertung>;
        let kopf: GelesenerKopf | null = null;
        let nachweis: { zeichen: string; datum: string; archivar: string; dokumentId: string | null } | null = null;
        if (typeof eingabe === 'string') {
          const gelesen = await leseXml(eingabe, leseBewertungsverzeichnis);
          pruefeProzess(gelesen.kopf, id);
          kopf = gelesen.kopf;
          bewertungen = gelesen.bewertungen;
        } else {
          if (!eingabe || typeof eingabe.bewertungen !== 'object') throw new AussonderungFehler.XdomeaUngueltig('Erwartet ein Bewertungsverzeichnis (0502) oder { bewertungen }');
          bewertungen = new Map(Object.entries(eingabe.bewertungen).map(([k, v]) => [k.toLowerCase(), v]));
          nachweis = await archivschreiben(tx, eingabe);
        }
        const objekte = await repo.objekte(tx, id);
        const vorgaenge = await repo.vorgaengeDerAkten(
          tx,
          objekte.map((o) => o.akteId),
        );
        const jeAkte = new Map<string, string[]>();
        for (const v of vorgaenge) jeAkte.set(v.akteId, [...(jeAkte.get(v.akteId) ?? []), v.id]);
        const r = uebernimmBewertung(
          objekte,
          jeAkte,
          bewertungen,
          await repo.dokumenteDerVorgaenge(
            tx,
            vorgaenge.map((v) => v.id),
          ),
        );
        if (r.unbekannt.length) {
          const text = `Objekte gehören nicht zu dieser Aussonderung: ${r.unbekannt.join(', ')}`;
          // the archive's 0502 names an object we never offered: refused whole, nothing stored
          throw Object.assign(
            kopf
              ? new AussonderungFehler.ObjektNichtAngeboten(`Das Bewertungsverzeichnis (0502) nennt Objekte, die in dieser Aussonderung nicht angeboten wurden: ${r.unbekannt.join(', ')}`)
              : new AussonderungFehler.XdomeaUngueltig(text),
            {
              erweiterung: { objekte: r.unbekannt },
            },
          );
        }
        if (r.abweichend.length) {
          throw Object.assign(
            new AussonderungFehler.DokumentAbweichend(
              `Das Archiv bewertet Dokumente abweichend von ihrem Vorgang: ${r.abweichend.join(', ')}. Die Bewertung gilt je Akte und je Vorgang; bitte den Vorgang bewerten.`,
            ),
            { erweiterung: { objekte: r.abweichend } },
          );
        }
        // the evidence first: the 0502 as received, or the archive's letter the decisions were taken from
        const nachrichtId = kopf ? uuidv7() : null;
        if (kopf) {
          await repo.speichereNachricht(tx, {
            id: nachrichtId!,
            mandantId: a.mandantId,
            aussonderungId: id,
            typ: '0502',
            erstellungszeitpunkt: kopf.erstellungszeitpunkt,
            absender: kopf.absender,
            empfangenVon: a.sub,
            inhalt: eingabe as string,
          });
        }
        const gesetzt: Record<string, Bewertung> = Object.fromEntries([...r.bewertungen, ...r.unterobjekte]);
        const nachweisId = uuidv7();
        await repo.speichereBewertungsnachweis(tx, {
          id: nachweisId,
          mandantId: a.mandantId,
          aussonderungId: id,
          art: kopf ? '0502' : 'manuell',
          bewertungen: gesetzt,
          nachrichtId,
          zeichen: nachweis?.zeichen ?? null,
          datum: nachweis?.datum ?? null,
          archivar: nachweis?.archivar ?? null,
          dokumentId: nachweis?.dokumentId ?? null,
          erfasstVon: a.sub,
          erfasstVonName: a.name,
        });
        const herkunft = kopf ? { herkunft: '0502' as const, nachrichtId } : { herkunft: 'manuell' as const, ...nachweis!, erfasstVon: a.sub };
        await protokolliere(tx, akteur, { aktion: 'aussonderung.bewertet', objektTyp: 'aussonderung', objektId: id, details: { ...herkunft, bewertungsnachweisId: nachweisId, bewertungen: gesetzt } });
        for (const o of objekte) {
          const b = r.bewertungen.get(o.akteId);
          const unter = Object.fromEntries((jeAkte.get(o.akteId) ?? []).filter((v) => r.unterobjekte.has(v)).map((v) => [v, r.unterobjekte.get(v)!]));
          if (!b && Object.keys(unter).length === 0) continue;
          await repo.setzeObjekt(tx, id, o.akteId, {
            ...(b ? { bewertung: b, status: 'bewertet' as const } : {}),
            ...(Object.keys(unter).length ? { unterbewertungen: { ...o.unterbewertungen, ...unter } } : {}),
          });
          if (b && b !== o.bewertung) {
            await protokolliere(tx, akteur, {
              aktion: 'akte.bewertet',
              objektTyp: 'akte',
              objektId: o.akteId,
              akteId: o.akteId,
              aktenzeichen: o.aktenzeichen,
              aenderungen: [{ feld: 'bewertung', alt: o.bewertung, neu: b }],
              details: { aussonderungId: id, ...herkunft },
            });
          }
        }
        await repo.setzeAussonderung(tx, id, {
          bewertetAm: new Date(),
          ...(kopf ? { empfangsbestaetigungAngefordert: kopf.empfangsbestaetigung || row.empfangsbestaetigungAngefordert } : {}),
        });
        await aktualisiereStatus(tx, id);
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /** 0505: receipt for the archive's 0502. */
    bewertungsbestaetigung(akteur: MandantAkteur, id: string): Promise<Download> {
      return imMandant(akteur, async (tx, a) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        if (!(await repo.nachrichten(tx, id)).some((n) => n.typ === '0502')) {
          throw new AussonderungFehler.FalscherSchritt('Es ist noch kein Bewertungsverzeichnis (0502) des Archivs eingegangen');
        }
        const xml = await geprueft(bewertungEmpfangBestaetigen(await kopfDaten(tx, a.mandantId, id)), '0505');
        return { dateiname: paketName(id, '0505'), inhalt: paket(id, '0505', xml) };
      });
    },

    /** 0504 or 0507: the archive's receipts, recorded. */
    empfangsbestaetigung(akteur: MandantAkteur, id: string, xml: string) {
      return imMandant(akteur, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const { kopf } = await leseXml(xml, leseNachricht);
        if (kopf.typ !== '0504' && kopf.typ !== '0507') throw new AussonderungFehler.XdomeaUngueltig(`Erwartet 0504 oder 0507, erhalten ${kopf.typ}`);
        pruefeProzess(kopf, id);
        await repo.speichereNachricht(tx, {
          id: uuidv7(),
          mandantId: a.mandantId,
          aussonderungId: id,
          typ: kopf.typ,
          erstellungszeitpunkt: kopf.erstellungszeitpunkt,
          absender: kopf.absender,
          empfangenVon: a.sub,
          inhalt: xml,
        });
        await protokolliere(tx, akteur, { aktion: 'aussonderung.nachricht.empfangen', objektTyp: 'aussonderung', objektId: id, details: { typ: kopf.typ } });
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },
  };
}
