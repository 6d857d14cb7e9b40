// Handlers of tenants.
import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import { mandantEtag } from '../domain/mandant.js';
import type { Dienste } from '../services/index.js';

export function mandantenHandlers({ mandanten }: Dienste) {
  return {
    listMandanten: (req) => mandanten.liste(req.query),
    async createMandant(req, reply) {
      const m = await mandanten.anlegen(req.body);
      return reply.code(201).header('location', '/api/v1/admin/mandanten').send(m);
    },
    async getMandant(req, reply) {
      const m = await mandanten.eigener(akteurOf(req));
      return reply.header('etag', mandantEtag(m)).send(m);
    },
    async updateMandant(req, reply) {
      const m = await mandanten.aendere(akteurOf(req), req.headers['if-match'], req.body);
      return reply.header('etag', mandantEtag(m)).send(m);
    },
  } satisfies VertragsHandlers;
}
