import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import type { Ablage } from '../services/ablage.js';
import type { DokumentService } from '../services/dokumente.js';
import { dokumentDarstellung, dokumentEtag, versionDarstellung } from './darstellung.js';
import { formularAus, idempotenzSchluessel, schliesseUnvollstaendig } from './formular.js';

export function dokumenteHandlers(deps: { ablage: Ablage; dokumente: DokumentService }) {
  const { ablage, dokumente } = deps;

  return {
    async createDokument(req, reply) {
      try {
        const dok = await ablage.neuesDokument(akteurOf(req), { vorgangId: req.params.id, schluessel: idempotenzSchluessel(req), formular: formularAus(req) });
        return reply.code(201).header('location', `/api/v1/dokumente/${dok.id}`).header('etag', dokumentEtag(dok)).send(dokumentDarstellung(dok));
      } catch (err) {
        schliesseUnvollstaendig(req, reply);
        throw err;
      }
    },

    async createDokumentVersion(req, reply) {
      try {
        const v = await ablage.neueVersion(akteurOf(req), { dokumentId: req.params.id, schluessel: idempotenzSchluessel(req), formular: formularAus(req) });
        return reply.code(201).header('location', `/api/v1/dokumente/${v.dokumentId}/versionen/${v.nr}/inhalt`).send(versionDarstellung(v));
      } catch (err) {
        schliesseUnvollstaendig(req, reply);
        throw err;
      }
    },

    async getDokument(req, reply) {
      const dok = await dokumente.dokument(akteurOf(req), req.params.id);
      return reply.header('etag', dokumentEtag(dok)).send(dokumentDarstellung(dok));
    },

    async listDokumente(req) {
      const seite = await dokumente.dokumenteImVorgang(akteurOf(req), req.params.id, req.query);
      return { items: seite.items.map(dokumentDarstellung), nextCursor: seite.nextCursor };
    },

    async listDokumentAnlagen(req) {
      return { items: (await dokumente.anlagen(akteurOf(req), req.params.id)).map(dokumentDarstellung) };
    },

    async listDokumentVersionen(req) {
      return { items: (await dokumente.versionen(akteurOf(req), req.params.id)).map(versionDarstellung) };
    },

    async updateDokument(req, reply) {
      const dok = await dokumente.aendere(akteurOf(req), req.params.id, req.body, req.headers['if-match']);
      return reply.header('etag', dokumentEtag(dok)).send(dokumentDarstellung(dok));
    },
  } satisfies VertragsHandlers;
}
