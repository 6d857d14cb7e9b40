import type { components } from '@eakte/api-client';
import { akteurOf, Errors } from '@eakte/platform';
import type { FastifyRequest } from 'fastify';
import { inBaumordnung } from '../domain/aktenplan.js';
import type { AktenplaneinheitRow, AktenplanRepository } from '../repositories/aktenplan.js';

type Aktenplaneinheit = components['schemas']['Aktenplaneinheit'];

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

export function aktenplanHandlers(repo: AktenplanRepository) {
  return {
    async getAktenplan(req: FastifyRequest): Promise<components['schemas']['Aktenplan']> {
      const { mandantId } = akteurOf(req);
      return { einheiten: inBaumordnung(await repo.alle(mandantId)).map(darstellung) };
    },
    async getAktenplaneinheit(req: FastifyRequest<{ Params: { id: string } }>): Promise<Aktenplaneinheit> {
      const { mandantId } = akteurOf(req);
      const row = await repo.finde(mandantId, req.params.id);
      if (!row) throw new Errors.NichtGefunden('Aktenplaneinheit nicht gefunden');
      // depth of a single unit = number of segments of its Kennzeichen
      return darstellung({ ...row, ebene: row.kennzeichen.split('.').length });
    },
  };
}
