// PDF work: the Eingangsstempel as a new version, and the Aktenauszug for file inspection.
import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import contentDisposition from 'content-disposition';
import type { PdfService } from '../services/pdf.js';
import { versionDarstellung } from './darstellung.js';
import { asciiName } from './inhalt.js';

export function pdfHandlers(deps: { pdf: PdfService }) {
  const { pdf } = deps;

  return {
    async createEingangsstempel(req, reply) {
      const neu = await pdf.eingangsstempel(akteurOf(req), req.params.id);
      return reply.code(201).header('location', `/api/v1/dokumente/${neu.dokumentId}/versionen/${neu.nr}/inhalt`).send(versionDarstellung(neu));
    },

    async getAktenauszug(req, reply) {
      const auszug = await pdf.aktenauszug(akteurOf(req), req.params.id);
      const name = `Aktenauszug ${auszug.aktenzeichen.replaceAll('/', '-')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-length', auszug.pdf.byteLength)
        .header('content-disposition', contentDisposition(name, { type: 'attachment', fallback: asciiName(name) }))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(auszug.pdf.buffer, auszug.pdf.byteOffset, auszug.pdf.byteLength));
    },
  } satisfies VertragsHandlers;
}
