// Content downloads: streamed from storage with the stored size, SHA-256 as ETag, one byte
// range, the file name per RFC 6266, never sniffed by the browser, and every read audited: each
// 200 and 206, and each 304 (it lets the client show its cached copy). Content is not to be
// stored by caches (`no-store`), so a browser asks again for every view; a tenant may allow
// revalidated caching of open content, never of VS-NfD and above.
import type { Vertraulichkeitsstufe } from '@eakte/db/schema';
import { akteurOf, sendProblem, problem, type VertragsHandlers } from '@eakte/platform';
import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { InhaltAnfrage, InhaltService } from '../services/inhalt.js';

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

/** How content responses may be cached: `no-store` (default) or `revalidieren` (`no-cache`, open content only). */
export type InhaltCache = 'no-store' | 'revalidieren';

export const inhaltCacheControl = (stufe: Vertraulichkeitsstufe, cache: InhaltCache) => (cache === 'revalidieren' && stufe === '003' ? 'private, no-cache' : 'private, no-store');

const kopf = (h: string | string[] | undefined) => (typeof h === 'string' ? h : undefined);

export function inhaltHandlers(deps: { inhalt: InhaltService; inhaltCache?: InhaltCache }) {
  const { inhalt } = deps;
  const cache = deps.inhaltCache ?? 'no-store';

  async function liefere(reply: FastifyReply, akteur: Parameters<InhaltService['lies']>[0], anfrage: InhaltAnfrage) {
    const r = await inhalt.lies(akteur, anfrage);
    if (r.art === 'ausgesondert') {
      // either the archive or the destruction, never both
      const { status, archivkennung, aussonderungId, vernichtungsprotokollDokumentId } = r.ausgesondert;
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
    const { dok, version, tag } = r;
    reply
      .header('etag', tag)
      .header('accept-ranges', 'bytes')
      .header('x-content-type-options', 'nosniff')
      // never rendered as a page of ours (e-mail HTML, SVG): download only, and sandboxed if opened
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', inhaltCacheControl(dok.vertraulichkeitsstufe, cache))
      .header('content-disposition', contentDisposition(version.dateiname, { type: 'attachment', fallback: asciiName(version.dateiname) }));
    if (r.art === 'unveraendert') return reply.code(304).send();
    if (r.art === 'nicht-erfuellbar') {
      reply.header('content-range', `bytes */${version.groesse}`);
      return sendProblem(reply, problem(416, 'BEREICH_NICHT_ERFUELLBAR', `Der angeforderte Bereich liegt außerhalb der ${version.groesse} Bytes des Inhalts`));
    }
    reply.type(version.mimeType);
    if (r.bereich) {
      reply
        .code(206)
        .header('content-range', `bytes ${r.bereich.start}-${r.bereich.ende}/${version.groesse}`)
        .header('content-length', r.bereich.ende - r.bereich.start + 1);
    } else {
      reply.code(200).header('content-length', version.groesse);
    }
    return reply.send(r.stream);
  }

  return {
    async getDokumentInhalt(req, reply) {
      const h = req.headers;
      return liefere(reply, akteurOf(req), { id: req.params.id, ifNoneMatch: kopf(h['if-none-match']), range: kopf(h.range), ifRange: kopf(h['if-range']) });
    },
    async getDokumentVersionInhalt(req, reply) {
      const h = req.headers;
      return liefere(reply, akteurOf(req), { id: req.params.id, nr: req.params.nr, ifNoneMatch: kopf(h['if-none-match']), range: kopf(h.range), ifRange: kopf(h['if-range']) });
    },
    async getDokumentFormatInhalt(req, reply) {
      const h = req.headers;
      return liefere(reply, akteurOf(req), { id: req.params.id, nr: req.params.nr, format: req.params.art, ifNoneMatch: kopf(h['if-none-match']), range: kopf(h.range), ifRange: kopf(h['if-range']) });
    },
  } satisfies VertragsHandlers;
}
