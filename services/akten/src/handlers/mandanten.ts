import { createHash } from 'node:crypto';
import type { components } from '@eakte/api-client';
import { akteurOf, decodeCursor, encodeCursor, Errors, etag, gespeicherteBehoerdenkennung, pruefeBehoerdenkennung, pruefeIfMatch } from '@eakte/platform';
import { einstellungenAus } from '@eakte/schriftgutverwaltung/einstellungen';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MandantenRepository, MandantRow } from '../repositories/mandanten.js';

type Mandant = components['schemas']['Mandant'];

function darstellung(row: MandantRow): Mandant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    behoerdenkennung: gespeicherteBehoerdenkennung(row.behoerdenkennung),
    einstellungen: einstellungenAus(row.einstellungen),
    erstelltAm: row.erstelltAm.toISOString(),
  };
}

const etagVon = (m: Mandant) => etag(createHash('sha256').update(JSON.stringify(m)).digest('base64url').slice(0, 22));

export function mandantenHandlers(repo: MandantenRepository) {
  return {
    async listMandanten(req: FastifyRequest<{ Querystring: { limit?: number; cursor?: string } }>): Promise<components['schemas']['MandantenSeite']> {
      const limit = req.query.limit ?? 50;
      const cursor = decodeCursor(req.query.cursor, { slug: 'text' });
      const rows = await repo.liste(limit + 1, cursor ? String(cursor.slug) : null);
      const page = rows.slice(0, limit);
      return {
        items: page.map(darstellung),
        nextCursor: rows.length > limit ? encodeCursor({ slug: page[page.length - 1]!.slug }) : null,
      };
    },

    async createMandant(req: FastifyRequest<{ Body: components['schemas']['MandantNeu'] }>, reply: FastifyReply) {
      const b = req.body;
      if (b.behoerdenkennung) pruefeBehoerdenkennung(b.behoerdenkennung);
      const row = await repo.anlegen({
        slug: b.slug,
        name: b.name,
        behoerdenkennung: b.behoerdenkennung ?? null,
        einstellungen: b.einstellungen ?? {},
      });
      if (!row) throw new Errors.Konflikt(`Ein Mandant mit dem Kurznamen ${b.slug} existiert bereits`);
      req.log.info({ mandant: row.slug }, 'tenant created');
      return reply.code(201).header('location', '/api/v1/admin/mandanten').send(darstellung(row));
    },

    async getMandant(req: FastifyRequest, reply: FastifyReply) {
      const { mandantId } = akteurOf(req);
      const row = await repo.eigener(mandantId);
      if (!row) throw new Errors.NichtGefunden('Mandant nicht gefunden');
      const m = darstellung(row);
      return reply.header('etag', etagVon(m)).send(m);
    },

    async updateMandant(
      req: FastifyRequest<{ Body: components['schemas']['MandantAenderung']; Headers: { 'if-match'?: string } }>,
      reply: FastifyReply,
    ) {
      const { mandantId } = akteurOf(req);
      if (req.body.behoerdenkennung) pruefeBehoerdenkennung(req.body.behoerdenkennung);
      const row = await repo.aendern(mandantId, (aktuell) => pruefeIfMatch(req.headers['if-match'], etagVon(darstellung(aktuell))), req.body);
      if (!row) throw new Errors.NichtGefunden('Mandant nicht gefunden');
      const m = darstellung(row);
      return reply.header('etag', etagVon(m)).send(m);
    },
  };
}
