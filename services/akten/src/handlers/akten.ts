import type { components } from '@eakte/api-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etag } from '../domain/version.js';
import type { AktenFilter } from '../repositories/akten.js';
import type { AktenService } from '../services/akten.js';
import { akteDarstellung, organisationseinheitDarstellung, trefferDarstellung, vorgangDarstellung } from './darstellung.js';

type S = components['schemas'];
type MitId = FastifyRequest<{ Params: { id: string } }>;
const ifMatch = (req: FastifyRequest) => req.headers['if-match'] as string | undefined;

export function aktenHandlersFuer(service: AktenService) {
  return {
    async listOrganisationseinheiten(req: FastifyRequest): Promise<S['OrganisationseinheitListe']> {
      return { items: (await service.listeOrganisationseinheiten(req)).map(organisationseinheitDarstellung) };
    },
    async createOrganisationseinheit(req: FastifyRequest<{ Body: S['OrganisationseinheitNeu'] }>, reply: FastifyReply) {
      reply.code(201);
      return organisationseinheitDarstellung(await service.erstelleOrganisationseinheit(req, req.body));
    },
    async setBenutzer(req: FastifyRequest<{ Params: { sub: string }; Body: S['BenutzerSetzen'] }>): Promise<S['Benutzer']> {
      return service.setzeBenutzer(req, req.params.sub, req.body);
    },

    async createAkte(req: FastifyRequest<{ Body: S['AkteNeu'] }>, reply: FastifyReply) {
      const a = await service.erstelleAkte(req, req.body);
      reply.code(201).header('etag', etag(a.row.version)).header('location', `/api/v1/akten/${a.row.id}`);
      return akteDarstellung(a);
    },
    async listAkten(
      req: FastifyRequest<{ Querystring: AktenFilter & { limit?: number; cursor?: string; sortierung?: 'aktenzeichen' | 'geaendert' } }>,
    ): Promise<S['AktenListe']> {
      const seite = await service.listeAkten(req, req.query);
      return { items: seite.items.map(akteDarstellung), nextCursor: seite.nextCursor };
    },
    async getAkte(req: MitId, reply: FastifyReply) {
      const a = await service.akte(req, req.params.id);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async updateAkte(req: FastifyRequest<{ Params: { id: string }; Body: S['AkteAenderung'] }>, reply: FastifyReply) {
      const a = await service.aendereAkte(req, req.params.id, ifMatch(req), req.body);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async zdaAkte(req: FastifyRequest<{ Params: { id: string }; Body?: S['ZdaVerfuegung'] }>, reply: FastifyReply) {
      const a = await service.zdaAkte(req, req.params.id, req.body?.datum);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async wiederaufnahmeAkte(req: FastifyRequest<{ Params: { id: string }; Body: S['Wiederaufnahme'] }>, reply: FastifyReply) {
      const a = await service.wiederaufnahmeAkte(req, req.params.id, req.body.grund);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async umprotokolliereAkte(req: FastifyRequest<{ Params: { id: string }; Body: S['Umprotokollierung'] }>, reply: FastifyReply) {
      const a = await service.umprotokolliereAkte(req, req.params.id, req.body);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },

    async createVorgang(req: FastifyRequest<{ Params: { id: string }; Body: S['VorgangNeu'] }>, reply: FastifyReply) {
      const v = await service.erstelleVorgang(req, req.params.id, req.body);
      reply.code(201).header('etag', etag(v.version)).header('location', `/api/v1/vorgaenge/${v.id}`);
      return vorgangDarstellung(v);
    },
    async listVorgaengeDerAkte(req: FastifyRequest<{ Params: { id: string }; Querystring: { limit?: number; cursor?: string } }>): Promise<S['VorgangListe']> {
      const seite = await service.vorgaengeDerAkte(req, req.params.id, req.query);
      return { items: seite.items.map(vorgangDarstellung), nextCursor: seite.nextCursor };
    },
    async listVorgaenge(req: FastifyRequest<{ Querystring: { wiedervorlageBis: string; limit?: number; cursor?: string } }>): Promise<S['VorgangListe']> {
      const seite = await service.wiedervorlagen(req, req.query);
      return { items: seite.items.map(vorgangDarstellung), nextCursor: seite.nextCursor };
    },
    async getVorgang(req: MitId, reply: FastifyReply) {
      const v = await service.vorgang(req, req.params.id);
      reply.header('etag', etag(v.version));
      return vorgangDarstellung(v);
    },
    async updateVorgang(req: FastifyRequest<{ Params: { id: string }; Body: S['VorgangAenderung'] }>, reply: FastifyReply) {
      const v = await service.aendereVorgang(req, req.params.id, ifMatch(req), req.body);
      reply.header('etag', etag(v.version));
      return vorgangDarstellung(v);
    },
    async zdaVorgang(req: FastifyRequest<{ Params: { id: string }; Body?: S['ZdaVerfuegung'] }>, reply: FastifyReply) {
      const v = await service.zdaVorgang(req, req.params.id, req.body?.datum);
      reply.header('etag', etag(v.version));
      return vorgangDarstellung(v);
    },

    async suche(req: FastifyRequest<{ Querystring: { q: string; limit?: number; cursor?: string } }>): Promise<S['Suchergebnis']> {
      const seite = await service.suche(req, req.query);
      return { items: seite.items.map(trefferDarstellung), nextCursor: seite.nextCursor };
    },
  };
}
