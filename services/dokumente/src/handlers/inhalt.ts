// Content downloads: streamed from storage with the stored size, SHA-256 as ETag, one byte
// range, the file name per RFC 6266, never sniffed by the browser, and every read audited: each
// 200 and 206, and each 304 (it lets the client show its cached copy). Content is not to be
// stored by caches (`no-store`), so a browser asks again for every view; a tenant may allow
// revalidated caching of open content, never of VS-NfD and above.
import type { Db } from '@eakte/db';
import type { Vertraulichkeitsstufe } from '@eakte/db/schema';
import { akteurOf, Errors, etag, sendProblem, problem, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import contentDisposition from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { entscheideBereich, passtEtag } from '../domain/bereich.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';

/** The plain-ASCII `filename=` for old clients; `filename*=` carries the real UTF-8 name. */
// German umlauts as German writes them without (Müller → Mueller), before other accents are dropped
const UMLAUTE: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

export const asciiName = (name: string) =>
  name
    .normalize('NFC')
    .replace(/[äöüÄÖÜ]/g, (u) => UMLAUTE[u]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');

type InhaltRequest = FastifyRequest<{ Params: { id: string; nr?: number } }>;

/** How content responses may be cached: `no-store` (default) or `revalidieren` (`no-cache`, open content only). */
export type InhaltCache = 'no-store' | 'revalidieren';

export const inhaltCacheControl = (stufe: Vertraulichkeitsstufe, cache: InhaltCache) =>
  cache === 'revalidieren' && stufe === '003' ? 'private, no-cache' : 'private, no-store';

export function inhaltHandlers(deps: { db: Db; storage: ObjectStore; repo: DokumenteRepository; protokolliere: Protokollierer; inhaltCache?: InhaltCache }) {
  const { db, storage, repo, protokolliere } = deps;
  const cache = deps.inhaltCache ?? 'no-store';

  async function liefere(req: InhaltRequest, reply: FastifyReply) {
    const { mandantId } = akteurOf(req);
    const { id, nr } = req.params;
    const gefunden = await db.withMandant(mandantId, async (tx) => {
      const dok = await repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), id);
      if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
      const version = nr === undefined ? dok.aktuell : await repo.version(tx, id, nr);
      if (!version) throw new Errors.NichtGefunden('Version nicht gefunden');
      return { dok, version, ausgesondert: await repo.ausgesondert(tx, dok.akteId, dok.vorgangId) };
    });
    if (gefunden.ausgesondert) {
      // the record stays as a stub, its content is gone for good
      // either the archive or the destruction, never both
      const { status, archivkennung, aussonderungId, vernichtungsprotokollDokumentId } = gefunden.ausgesondert;
      return sendProblem(
        reply,
        problem(
          410,
          'INHALT_AUSGESONDERT',
          status === 'vernichtet'
            ? `Der Inhalt wurde nach Aussonderung ${aussonderungId} vernichtet; das Vernichtungsprotokoll${vernichtungsprotokollDokumentId ? ` (Dokument ${vernichtungsprotokollDokumentId})` : ''} nennt ihn.`
            : `Der Inhalt wurde an das Archiv abgegeben${archivkennung ? ` (Archivkennung ${archivkennung})` : ''}.`,
          status === 'vernichtet'
            ? { aussonderungsstatus: status, archivkennung: null, aussonderungId, vernichtungsprotokollDokumentId }
            : { aussonderungsstatus: status, archivkennung, aussonderungId },
        ),
      );
    }
    const { dok, version } = gefunden;
    const tag = etag(version.sha256);
    const leseEreignis = (details: Record<string, unknown>) =>
      db.withMandant(mandantId, (tx) =>
        protokolliere(tx, akteurOf(req), {
          aktion: 'dokument.inhalt.gelesen',
          objektTyp: 'dokument',
          objektId: dok.id,
          aktenzeichen: dok.kontext.aktenzeichen,
          akteId: dok.akteId,
          details: { versionNr: version.nr, sha256: version.sha256, ...details },
        }),
      );
    reply
      .header('etag', tag)
      .header('accept-ranges', 'bytes')
      .header('x-content-type-options', 'nosniff')
      // never rendered as a page of ours (e-mail HTML, SVG): download only, and sandboxed if opened
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', inhaltCacheControl(dok.vertraulichkeitsstufe, cache))
      .header('content-disposition', contentDisposition(version.dateiname, { type: 'attachment', fallback: asciiName(version.dateiname) }));

    if (passtEtag(req.headers['if-none-match'], tag)) {
      // the client shows its copy on this answer: a read like any other, recorded before it leaves
      await leseEreignis({ antwort: 304 });
      return reply.code(304).send();
    }

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
      await leseEreignis(bereich.art === 'teil' ? { bereich: `${bereich.start}-${bereich.ende}` } : {});
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
