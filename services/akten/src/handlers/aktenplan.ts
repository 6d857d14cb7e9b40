// Handlers of the Aktenplan: units, and the whole plan as a tree or as CSV.
import type { components } from '@eakte/api-client';
import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import { etag } from '../domain/version.js';
import type { AktenplaneinheitRow } from '../repositories/aktenplan.js';
import type { Dienste } from '../services/index.js';

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

// depth of a single unit = number of segments of its Kennzeichen
const einzeln = (row: AktenplaneinheitRow) => darstellung({ ...row, ebene: row.kennzeichen.split('.').length });

export function aktenplanHandlers({ aktenplan }: Dienste) {
  return {
    async exportAktenplan(req, reply) {
      const csv = await aktenplan.exportiereAktenplan(akteurOf(req));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="aktenplan.csv"').send(csv);
    },
    // the body is CSV text (the service's content-type parser), which the generated types do not know
    importAktenplan: (req) => aktenplan.importiereAktenplan(akteurOf(req), String(req.body)),
    async getAktenplan(req) {
      return { einheiten: (await aktenplan.aktenplan(akteurOf(req))).map(darstellung) };
    },
    async getAktenplaneinheit(req, reply) {
      const row = await aktenplan.einheit(akteurOf(req), req.params.id);
      reply.header('etag', etag(row.version));
      return einzeln(row);
    },
    async createAktenplaneinheit(req, reply) {
      const row = await aktenplan.erstelleEinheit(akteurOf(req), req.body);
      reply.code(201).header('etag', etag(row.version)).header('location', `/api/v1/aktenplan/einheiten/${row.id}`);
      return einzeln(row);
    },
    async updateAktenplaneinheit(req, reply) {
      const row = await aktenplan.aendereEinheit(akteurOf(req), req.params.id, req.headers['if-match'], req.body);
      reply.header('etag', etag(row.version));
      return einzeln(row);
    },
    async deleteAktenplaneinheit(req, reply) {
      await aktenplan.loescheEinheit(akteurOf(req), req.params.id);
      return reply.code(204).send();
    },
  } satisfies VertragsHandlers;
}
