// PDF work: the Eingangsstempel as a new version, and the Aktenauszug for file inspection.
import type { Readable } from 'node:stream';
import type { Db } from '@eakte/db';
import { akteurOf, Errors, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import contentDisposition from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ablage } from '../services/ablage.js';
import { DokumentFehler } from '../domain/fehler.js';
import { pruefeOffenFuerInhalt } from '../domain/geschlossen.js';
import { erstelleAuszug, type AuszugEintrag } from '../pdf/aktenauszug.js';
import { stempele } from '../pdf/eingangsstempel.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';
import { versionDarstellung } from './darstellung.js';
import { asciiName } from './inhalt.js';

/** PDFs are worked on in memory (pdf-lib): larger ones are refused. */
export const MAX_PDF_BEARBEITUNG = 100 * 1024 * 1024;
export const MAX_AUSZUG = 300 * 1024 * 1024;

async function lies(storage: ObjectStore, key: string): Promise<Buffer> {
  const teile: Buffer[] = [];
  for await (const c of (await storage.get(key)) as Readable) teile.push(c as Buffer);
  return Buffer.concat(teile);
}

export function pdfHandlers(deps: { db: Db; storage: ObjectStore; repo: DokumenteRepository; ablage: Ablage; protokolliere: Protokollierer }) {
  const { db, storage, repo, ablage, protokolliere } = deps;

  return {
    async createEingangsstempel(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
      const { mandantId } = akteurOf(req);
      const { dok, behoerde, erste } = await db.withMandant(mandantId, async (tx) => {
        const dok = await repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), req.params.id);
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        pruefeOffenFuerInhalt(dok.kontext);
        return { dok, behoerde: await repo.behoerde(tx, mandantId), erste: await repo.version(tx, dok.id, 1) };
      });
      const v = dok.aktuell;
      if (v.mimeType !== 'application/pdf') throw new DokumentFehler.NurPdf(v.mimeType);
      if (v.herkunft === 'eingangsstempel') throw new DokumentFehler.BereitsGestempelt();
      if (v.groesse > MAX_PDF_BEARBEITUNG) throw new DokumentFehler.PdfZuGross(String(MAX_PDF_BEARBEITUNG));
      let original: Buffer;
      try {
        original = await lies(storage, v.speicherschluessel);
      } catch (err) {
        req.log.error({ err }, 'content not readable from storage');
        throw new Errors.DienstNichtVerfuegbar('Der Inhalt ist vorübergehend nicht lesbar. Bitte später erneut versuchen.');
      }
      let gestempelt: Awaited<ReturnType<typeof stempele>>;
      try {
        gestempelt = await stempele(original, {
          behoerde,
          // the receipt is the filing of the first version, the day of receipt if it was recorded
          eingang: erste?.erstelltAm ?? dok.erstelltAm,
          aktenzeichen: dok.kontext.aktenzeichen,
          vorgang: dok.kontext.kennzeichen,
          dokumentNr: dok.id,
        });
      } catch (err) {
        req.log.info({ err }, 'PDF could not be stamped');
        throw new DokumentFehler.PdfNichtBearbeitbar();
      }
      const r = await ablage.abgeleiteteVersion(req, dok.id, v.nr, gestempelt.pdf, {
        mimeType: 'application/pdf',
        dateiname: v.dateiname,
        herkunft: 'eingangsstempel',
        details: { basisVersion: v.nr, position: gestempelt.ecke },
      });
      const neu = await db.withMandant(mandantId, (tx) => repo.version(tx, dok.id, r.versionNr));
      return reply
        .code(201)
        .header('location', `/api/v1/dokumente/${dok.id}/versionen/${r.versionNr}/inhalt`)
        .send(versionDarstellung(neu!));
    },

    async getAktenauszug(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
      const { mandantId } = akteurOf(req);
      const { akte, behoerde, zeilen } = await db.withMandant(mandantId, async (tx) => {
        const akte = await repo.akte(tx, await repo.sicht(tx, akteurOf(req)), req.params.id);
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
      const stand = new Date();
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
        stand,
      );
      // the extract discloses every included Dokument's content: each one is a content read
      await db.withMandant(mandantId, async (tx) => {
        for (const z of zeilen) {
          await protokolliere(tx, akteurOf(req), {
            aktion: 'dokument.inhalt.gelesen',
            objektTyp: 'dokument',
            objektId: z.dok.id,
            aktenzeichen: akte.aktenzeichen,
            akteId: akte.id,
            details: { versionNr: z.aktuell.nr, sha256: z.aktuell.sha256, ueber: 'aktenauszug' },
          });
        }
        await protokolliere(tx, akteurOf(req), {
          aktion: 'akte.auszug.erstellt',
          objektTyp: 'akte',
          objektId: akte.id,
          aktenzeichen: akte.aktenzeichen,
          akteId: akte.id,
          details: { dokumente: zeilen.length, groesse: pdf.byteLength },
        });
      });
      const name = `Aktenauszug ${akte.aktenzeichen.replaceAll('/', '-')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-length', pdf.byteLength)
        .header('content-disposition', contentDisposition(name, { type: 'attachment', fallback: asciiName(name) }))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    },
  };
}
