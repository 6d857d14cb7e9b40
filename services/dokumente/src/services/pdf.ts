// PDF work: the Eingangsstempel as a new (derived) version, and the Aktenauszug for file inspection.
import type { Readable } from 'node:stream';
import type { Db } from '@eakte/db';
import { Errors, type Akteur, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { DokumentFehler } from '../domain/fehler.js';
import { pruefeOffenFuerInhalt } from '@eakte/schriftgutverwaltung/geschlossen';
import { erstelleAuszug, type AuszugEintrag } from '../pdf/aktenauszug.js';
import { stempele } from '../pdf/eingangsstempel.js';
import type { DokumenteRepository, VersionRow } from '../repositories/dokumente.js';
import type { Ablage } from './ablage.js';

type Handelnder = Akteur & { mandantId: string };

/** PDFs are worked on in memory (pdf-lib): larger ones are refused. */
export const MAX_PDF_BEARBEITUNG = 100 * 1024 * 1024;
export const MAX_AUSZUG = 300 * 1024 * 1024;

async function lies(storage: ObjectStore, key: string): Promise<Buffer> {
  const teile: Buffer[] = [];
  for await (const c of (await storage.get(key)) as Readable) teile.push(c as Buffer);
  return Buffer.concat(teile);
}

export function createPdfService(deps: { db: Db; storage: ObjectStore; repo: DokumenteRepository; ablage: Ablage; protokolliere: Protokollierer; log: FastifyBaseLogger }) {
  const { db, storage, repo, ablage, protokolliere, log } = deps;

  return {
    /**
     * Stamps the current version (a PDF) with the receipt; the stamped PDF becomes the next version.
     * `eingang`: the receipt when it was not the filing (a Posteingang item's arrival).
     */
    async eingangsstempel(akteur: Handelnder, dokumentId: string, optionen: { eingang?: Date } = {}): Promise<VersionRow> {
      const { mandantId } = akteur;
      const { dok, behoerde, erste, sicht } = await db.withMandant(mandantId, async (tx) => {
        const sicht = await repo.sicht(tx, akteur);
        const dok = await repo.dokument(tx, sicht, dokumentId);
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        pruefeOffenFuerInhalt(dok.kontext);
        return { dok, behoerde: await repo.behoerde(tx, mandantId), erste: await repo.version(tx, dok.id, 1), sicht };
      });
      const v = dok.aktuell;
      if (v.mimeType !== 'application/pdf') throw new DokumentFehler.NurPdf(v.mimeType);
      if (v.herkunft === 'eingangsstempel') throw new DokumentFehler.BereitsGestempelt();
      if (v.groesse > MAX_PDF_BEARBEITUNG) throw new DokumentFehler.PdfZuGross(String(MAX_PDF_BEARBEITUNG));
      let original: Buffer;
      try {
        original = await lies(storage, v.speicherschluessel);
      } catch (err) {
        log.error({ err, reqId: akteur.anfrageId }, 'content not readable from storage');
        throw new Errors.DienstNichtVerfuegbar('Der Inhalt ist vorübergehend nicht lesbar. Bitte später erneut versuchen.');
      }
      let gestempelt: Awaited<ReturnType<typeof stempele>>;
      try {
        gestempelt = await stempele(original, {
          behoerde,
          // the receipt is the filing of the first version, the day of receipt if it was recorded
          eingang: optionen.eingang ?? erste?.erstelltAm ?? dok.erstelltAm,
          aktenzeichen: dok.kontext.aktenzeichen,
          vorgang: dok.kontext.kennzeichen,
          dokumentNr: dok.id,
        });
      } catch (err) {
        log.info({ err, reqId: akteur.anfrageId }, 'PDF could not be stamped');
        throw new DokumentFehler.PdfNichtBearbeitbar();
      }
      return ablage.abgeleiteteVersion(akteur, sicht, dok.id, v.nr, gestempelt.pdf, {
        mimeType: 'application/pdf',
        dateiname: v.dateiname,
        herkunft: 'eingangsstempel',
        details: { basisVersion: v.nr, position: gestempelt.ecke },
      });
    },

    /** The Aktenauszug: one PDF of every Dokument of the Akte; each included Dokument is a content read. */
    async aktenauszug(akteur: Handelnder, akteId: string): Promise<{ aktenzeichen: string; pdf: Uint8Array }> {
      const { mandantId } = akteur;
      const { akte, behoerde, zeilen } = await db.withMandant(mandantId, async (tx) => {
        const akte = await repo.akte(tx, await repo.sicht(tx, akteur), akteId);
        if (!akte) throw new Errors.NichtGefunden('Akte nicht gefunden');
        return { akte, behoerde: await repo.behoerde(tx, mandantId), zeilen: await repo.dokumenteDerAkte(tx, akte.id) };
      });
      const summe = zeilen.reduce((s, z) => s + (z.aktuell.mimeType === 'application/pdf' ? z.aktuell.groesse : 0), 0);
      if (summe > MAX_AUSZUG) throw new DokumentFehler.AuszugZuGross(String(MAX_AUSZUG));
      const eintraege: AuszugEintrag[] = [];
      for (const z of zeilen) {
        const istPdf = z.aktuell.mimeType === 'application/pdf';
        eintraege.push({
          vorgang: z.kennzeichen,
          betreff: z.dok.elternDokumentId ? `Anlage: ${z.dok.betreff}` : z.dok.betreff,
          datum: z.dok.datumDesSchreibens,
          dateiname: z.aktuell.dateiname,
          mimeType: z.aktuell.mimeType,
          sha256: z.aktuell.sha256,
          pdf: istPdf ? await lies(storage, z.aktuell.speicherschluessel) : null,
        });
      }
      const pdf = await erstelleAuszug(
        {
          behoerde,
          aktenzeichen: akte.aktenzeichen,
          betreff: akte.betreff,
          status: akte.status,
          vertraulichkeitsstufe: akte.vertraulichkeitsstufe,
          laufzeitBeginn: akte.laufzeitBeginn,
          laufzeitEnde: akte.laufzeitEnde,
          zdaDatum: akte.zdaDatum,
        },
        eintraege,
        new Date(),
      );
      // the extract discloses every included Dokument's content: each one is a content read
      await db.withMandant(mandantId, async (tx) => {
        for (const z of zeilen) {
          await protokolliere(tx, akteur, {
            aktion: 'dokument.inhalt.gelesen',
            objektTyp: 'dokument',
            objektId: z.dok.id,
            aktenzeichen: akte.aktenzeichen,
            akteId: akte.id,
            details: { versionNr: z.aktuell.nr, sha256: z.aktuell.sha256, ueber: 'aktenauszug' },
          });
        }
        await protokolliere(tx, akteur, {
          aktion: 'akte.auszug.erstellt',
          objektTyp: 'akte',
          objektId: akte.id,
          aktenzeichen: akte.aktenzeichen,
          akteId: akte.id,
          details: { dokumente: zeilen.length, groesse: pdf.byteLength },
        });
      });
      return { aktenzeichen: akte.aktenzeichen, pdf };
    },
  };
}

export type PdfService = ReturnType<typeof createPdfService>;
