import type { components } from '@eakte/api-client';
import { akteurOf, Errors } from '@eakte/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { inBaumordnung } from '../domain/aktenplan.js';
import { etag } from '../domain/version.js';
import type { AktenplaneinheitRow, AktenplanRepository } from '../repositories/aktenplan.js';
import type { AktenService } from '../services/akten.js';

type Aktenplaneinheit = components['schemas']['Aktenplaneinheit'];
type S = components['schemas'];

function darstellung(row: AktenplaneinheitRow & { ebene: number }): Aktenplaneinheit {
  return {
    id: row.id,
    parentId: row.parentId,
    kennzeichen: row.kennzeichen,
    titel: row.titel,
    beschreibung: row.beschreibung,
    gueltigAb: row.gueltigAb,
    gueltigBis: row.gueltigBis,
    aufbewahrungsfrist: row.unbefristet ? 'unbefristet' : row.aufbewahrungsfrist,
    aussonderungsart: row.aussonderungsart,
    ebene: row.ebene,
  };
}

// depth of a single unit = number of segments of its Kennzeichen
const einzeln = (row: AktenplaneinheitRow) => darstellung({ ...row, ebene: row.kennzeichen.split('.').length });

export function aktenplanHandlers(repo: AktenplanRepository, service: AktenService) {
  return {
    async exportAktenplan(req: FastifyRequest, reply: FastifyReply) {
      const csv = await service.exportiereAktenplan(req);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="aktenplan.csv"').send(csv);
    },
    importAktenplan: (req: FastifyRequest<{ Body: string }>) => service.importiereAktenplan(req, req.body),
    async getAktenplan(req: FastifyRequest): Promise<components['schemas']['Aktenplan']> {
      const { mandantId } = akteurOf(req);
      return { einheiten: inBaumordnung(await repo.alle(mandantId)).map(darstellung) };
    },
    async getAktenplaneinheit(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<Aktenplaneinheit> {
      const { mandantId } = akteurOf(req);
      const row = await repo.finde(mandantId, req.params.id);
      if (!row) throw new Errors.NichtGefunden('Aktenplaneinheit nicht gefunden');
      reply.header('etag', etag(row.version));
      return einzeln(row);
    },
    async createAktenplaneinheit(req: FastifyRequest<{ Body: S['AktenplaneinheitNeu'] }>, reply: FastifyReply) {
      const row = await service.erstelleEinheit(req, req.body);
      reply.code(201).header('etag', etag(row.version)).header('location', `/api/v1/aktenplan/einheiten/${row.id}`);
      return einzeln(row);
    },
    async updateAktenplaneinheit(req: FastifyRequest<{ Params: { id: string }; Body: S['AktenplaneinheitAenderung'] }>, reply: FastifyReply) {
      const row = await service.aendereEinheit(req, req.params.id, req.headers['if-match'] as string | undefined, req.body);
      reply.header('etag', etag(row.version));
      return einzeln(row);
    },
    async deleteAktenplaneinheit(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
      await service.loescheEinheit(req, req.params.id);
      return reply.code(204).send();
    },
  };
}
