// Content downloads: streamed from storage with the stored size, SHA-256 as ETag, one byte
// range, the file name per RFC 6266, never sniffed by the browser, and every read audited.
import type { Db } from '@eakte/db';
import { akteurOf, Errors, etag, sendProblem, problem, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import contentDisposition from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { entscheideBereich, passtEtag } from '../domain/bereich.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';

/** The plain-ASCII `filename=` for old clients; `filename*=` carries the real UTF-8 name. */
export const asciiName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');

type InhaltRequest = FastifyRequest<{ Params: { id: string; nr?: number } }>;

export function inhaltHandlers(deps: { db: Db; storage: ObjectStore; repo: DokumenteRepository; protokolliere: Protokollierer }) {
  const { db, storage, repo, protokolliere } = deps;

  async function liefere(req: InhaltRequest, reply: FastifyReply) {
    const { mandantId } = akteurOf(req);
    const { id, nr } = req.params;
    const gefunden = await db.withMandant(mandantId, async (tx) => {
      const dok = await repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), id);
      if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
      const version = nr === undefined ? dok.aktuell : await repo.version(tx, id, nr);
      if (!version) throw new Errors.NichtGefunden('Version nicht gefunden');
      return { dok, version, ausgesondert: await repo.ausgesondert(tx, dok.akteId) };
    });
    if (gefunden.ausgesondert) {
      // the record stays as a stub, its content is gone for good
      const { status, archivkennung } = gefunden.ausgesondert;
      return sendProblem(
        reply,
        problem(
          410,
          'INHALT_AUSGESONDERT',
          status === 'vernichtet'
            ? 'Der Inhalt wurde nach Aussonderung vernichtet; das Vernichtungsprotokoll nennt ihn.'
            : `Der Inhalt wurde an das Archiv abgegeben${archivkennung ? ` (Archivkennung ${archivkennung})` : ''}.`,
          { aussonderungsstatus: status, archivkennung },
        ),
      );
    }
    const { dok, version } = gefunden;
    const tag = etag(version.sha256);
    reply
      .header('etag', tag)
      .header('accept-ranges', 'bytes')
      .header('x-content-type-options', 'nosniff')
      // never rendered as a page of ours (e-mail HTML, SVG): download only, and sandboxed if opened
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-cache')
      .header('content-disposition', contentDisposition(version.dateiname, { type: 'attachment', fallback: asciiName(version.dateiname) }));

    if (passtEtag(req.headers['if-none-match'], tag)) return reply.code(304).send();

    const ifRange = req.headers['if-range'];
    const range = typeof req.headers.range === 'string' && (ifRange === undefined || ifRange === tag) ? req.headers.range : undefined;
    const bereich = entscheideBereich(range, version.groesse);
    if (bereich.art === 'nicht-erfuellbar') {
      reply.header('content-range', `bytes */${version.groesse}`);
      return sendProblem(reply, problem(416, 'BEREICH_NICHT_ERFUELLBAR', `Der angeforderte Bereich liegt außerhalb der ${version.groesse} Bytes des Inhalts`));
    }

    let stream;
    try {
      stream = bereich.art === 'teil' ? await storage.get(version.speicherschluessel, { start: bereich.start, end: bereich.ende }) : await storage.get(version.speicherschluessel);
    } catch (err) {
      req.log.error({ err, dokumentId: id, nr: version.nr }, 'content not readable from storage');
      throw new Errors.DienstNichtVerfuegbar('Der Inhalt ist vorübergehend nicht lesbar. Bitte später erneut versuchen.');
    }
    try {
      await db.withMandant(mandantId, (tx) =>
        protokolliere(tx, req, {
          aktion: 'dokument.inhalt.gelesen',
          objektTyp: 'dokument',
          objektId: dok.id,
          aktenzeichen: dok.kontext.aktenzeichen,
          akteId: dok.akteId,
          details: { versionNr: version.nr, sha256: version.sha256, ...(bereich.art === 'teil' ? { bereich: `${bereich.start}-${bereich.ende}` } : {}) },
        }),
      );
    } catch (err) {
      stream.destroy();
      throw err;
    }
    reply.type(version.mimeType);
    if (bereich.art === 'teil') {
      reply
        .code(206)
        .header('content-range', `bytes ${bereich.start}-${bereich.ende}/${version.groesse}`)
        .header('content-length', bereich.ende - bereich.start + 1);
    } else {
      reply.code(200).header('content-length', version.groesse);
    }
    return reply.send(stream);
  }

  return {
    getDokumentInhalt: liefere,
    getDokumentVersionInhalt: liefere,
  };
}
