// Content reads: which version, whether the Aussonderung removed it, which byte range, and the
// audit record of every read (each 200 and 206, and each 304: it lets the client show its copy).
import type { Readable } from 'node:stream';
import type { Db } from '@eakte/db';
import { Errors, etag, type Akteur, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { entscheideBereich, passtEtag } from '../domain/bereich.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';

type Handelnder = Akteur & { mandantId: string };
type Gefunden = NonNullable<Awaited<ReturnType<DokumenteRepository['dokument']>>>;
type Version = Gefunden['aktuell'];

/** What the request asked for besides the Dokument: a version, a cached ETag, a byte range. */
export interface InhaltAnfrage {
  id: string;
  nr?: number;
  /** A rendition of version `nr` instead of the version itself (e.g. `pdfa_ocr`). */
  format?: string;
  ifNoneMatch?: string;
  range?: string;
  ifRange?: string;
}

export type Ausgesondert = NonNullable<Awaited<ReturnType<DokumenteRepository['ausgesondert']>>>;

/** The outcome of a content read, for the handler to answer. */
export type InhaltErgebnis =
  | { art: 'ausgesondert'; ausgesondert: Ausgesondert }
  | { art: 'unveraendert'; dok: Gefunden; version: Version; tag: string }
  | { art: 'nicht-erfuellbar'; dok: Gefunden; version: Version; tag: string }
  | { art: 'inhalt'; dok: Gefunden; version: Version; tag: string; stream: Readable; bereich: { start: number; ende: number } | null };

export function createInhaltService(deps: { db: Db; storage: ObjectStore; repo: DokumenteRepository; protokolliere: Protokollierer; log: FastifyBaseLogger }) {
  const { db, storage, repo, protokolliere, log } = deps;

  return {
    async lies(akteur: Handelnder, anfrage: InhaltAnfrage): Promise<InhaltErgebnis> {
      const { mandantId } = akteur;
      const { id, nr } = anfrage;
      const gefunden = await db.withMandant(mandantId, async (tx) => {
        const sicht = await repo.sicht(tx, akteur);
        const gesehen = await repo.dokument(tx, sicht, id);
        // who does not see the Vorgang reads, while a step of a Verfügung is theirs, the versions it is pinned to
        const ueberSchritt = gesehen ? null : await repo.dokumentUeberSchritt(tx, sicht, akteur.sub, id);
        const dok = gesehen ?? ueberSchritt?.dok;
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        const gewuenscht = nr ?? dok.aktuell.nr;
        const schrittId = ueberSchritt?.versionen.get(gewuenscht);
        if (ueberSchritt && schrittId === undefined) throw new Errors.NichtGefunden('Version nicht gefunden');
        let version = gewuenscht === dok.aktuell.nr ? dok.aktuell : await repo.version(tx, id, gewuenscht);
        if (!version) throw new Errors.NichtGefunden('Version nicht gefunden');
        if (anfrage.format !== undefined) {
          // a rendition is answered like its version, with its own object, size, hash and name
          const f = await repo.format(tx, id, version.nr, anfrage.format);
          if (!f) throw new Errors.NichtGefunden('Diese Version hat kein Format dieser Art');
          version = { ...version, speicherschluessel: f.speicherschluessel, groesse: f.groesse, sha256: f.sha256, mimeType: f.mimeType, dateiname: f.dateiname };
        }
        return { dok, version, schrittId, ausgesondert: await repo.ausgesondert(tx, dok.akteId, dok.vorgangId) };
      });
      // the record stays as a stub, its content is gone for good
      if (gefunden.ausgesondert) return { art: 'ausgesondert', ausgesondert: gefunden.ausgesondert };
      const { dok, version } = gefunden;
      const tag = etag(version.sha256);
      const leseEreignis = (details: Record<string, unknown>) =>
        db.withMandant(mandantId, (tx) =>
          protokolliere(tx, akteur, {
            aktion: 'dokument.inhalt.gelesen',
            objektTyp: 'dokument',
            objektId: dok.id,
            aktenzeichen: dok.kontext.aktenzeichen,
            akteId: dok.akteId,
            // a read through a step's grant names the step
            details: {
              versionNr: version.nr,
              sha256: version.sha256,
              ...(anfrage.format ? { format: anfrage.format } : {}),
              ...(gefunden.schrittId ? { schrittId: gefunden.schrittId } : {}),
              ...details,
            },
          }),
        );

      if (passtEtag(anfrage.ifNoneMatch, tag)) {
        // the client shows its copy on this answer: a read like any other, recorded before it leaves
        await leseEreignis({ antwort: 304 });
        return { art: 'unveraendert', dok, version, tag };
      }

      const range = anfrage.range !== undefined && (anfrage.ifRange === undefined || anfrage.ifRange === tag) ? anfrage.range : undefined;
      const bereich = entscheideBereich(range, version.groesse);
      if (bereich.art === 'nicht-erfuellbar') return { art: 'nicht-erfuellbar', dok, version, tag };

      let stream: Readable;
      try {
        stream = bereich.art === 'teil' ? await storage.get(version.speicherschluessel, { start: bereich.start, end: bereich.ende }) : await storage.get(version.speicherschluessel);
      } catch (err) {
        log.error({ err, dokumentId: id, nr: version.nr, reqId: akteur.anfrageId }, 'content not readable from storage');
        throw new Errors.DienstNichtVerfuegbar('Der Inhalt ist vorübergehend nicht lesbar. Bitte später erneut versuchen.');
      }
      try {
        await leseEreignis(bereich.art === 'teil' ? { bereich: `${bereich.start}-${bereich.ende}` } : {});
      } catch (err) {
        stream.destroy();
        throw err;
      }
      return { art: 'inhalt', dok, version, tag, stream, bereich: bereich.art === 'teil' ? { start: bereich.start, ende: bereich.ende } : null };
    },
  };
}

export type InhaltService = ReturnType<typeof createInhaltService>;
