// Handlers of Akten, Vorgänge, org units, users and the search: they parse the request, call the
// use case with the caller's Akteur and shape the answer.
import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import { etag } from '../domain/version.js';
import type { Dienste } from '../services/index.js';
import { akteDarstellung, organisationseinheitDarstellung, trefferDarstellung, vorgangDarstellung, wiedervorlageDarstellung } from './darstellung.js';

export function aktenHandlersFuer({ organisation, akten, lebenszyklus, vorgaenge, suche }: Dienste) {
  return {
    async listOrganisationseinheiten(req) {
      return { items: (await organisation.listeOrganisationseinheiten(akteurOf(req))).map(organisationseinheitDarstellung) };
    },
    async createOrganisationseinheit(req, reply) {
      reply.code(201);
      return organisationseinheitDarstellung(await organisation.erstelleOrganisationseinheit(akteurOf(req), req.body));
    },
    listBenutzer: (req) => organisation.listeBenutzer(akteurOf(req), req.query),
    setBenutzer: (req) => organisation.setzeBenutzer(akteurOf(req), req.params.sub, req.body),

    async createAkte(req, reply) {
      const a = await akten.erstelleAkte(akteurOf(req), req.body);
      reply.code(201).header('etag', etag(a.row.version)).header('location', `/api/v1/akten/${a.row.id}`);
      return akteDarstellung(a);
    },
    async listAkten(req) {
      const seite = await akten.listeAkten(akteurOf(req), req.query);
      return { items: seite.items.map(akteDarstellung), nextCursor: seite.nextCursor };
    },
    async getAkte(req, reply) {
      const a = await akten.akte(akteurOf(req), req.params.id);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async updateAkte(req, reply) {
      const a = await akten.aendereAkte(akteurOf(req), req.params.id, req.headers['if-match'], req.body);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async zdaAkte(req, reply) {
      const a = await lebenszyklus.zdaAkte(akteurOf(req), req.params.id, req.body?.datum);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async wiederaufnahmeAkte(req, reply) {
      const a = await lebenszyklus.wiederaufnahmeAkte(akteurOf(req), req.params.id, req.body.grund);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },
    async umprotokolliereAkte(req, reply) {
      const a = await lebenszyklus.umprotokolliereAkte(akteurOf(req), req.params.id, req.body);
      reply.header('etag', etag(a.row.version));
      return akteDarstellung(a);
    },

    async createVorgang(req, reply) {
      const v = await vorgaenge.erstelleVorgang(akteurOf(req), req.params.id, req.body);
      reply.code(201).header('etag', etag(v.version)).header('location', `/api/v1/vorgaenge/${v.id}`);
      return vorgangDarstellung(v);
    },
    async listVorgaengeDerAkte(req) {
      const seite = await vorgaenge.vorgaengeDerAkte(akteurOf(req), req.params.id, req.query);
      return { items: seite.items.map(vorgangDarstellung), nextCursor: seite.nextCursor };
    },
    async listVorgaenge(req) {
      const seite = await vorgaenge.wiedervorlagen(akteurOf(req), req.query);
      return { items: seite.items.map(vorgangDarstellung), nextCursor: seite.nextCursor };
    },
    async getVorgang(req, reply) {
      const v = await vorgaenge.vorgang(akteurOf(req), req.params.id);
      reply.header('etag', etag(v.version));
      return vorgangDarstellung(v);
    },
    async updateVorgang(req, reply) {
      const v = await vorgaenge.aendereVorgang(akteurOf(req), req.params.id, req.headers['if-match'], req.body);
      reply.header('etag', etag(v.version));
      return vorgangDarstellung(v);
    },
    async zdaVorgang(req, reply) {
      const v = await lebenszyklus.zdaVorgang(akteurOf(req), req.params.id, req.body?.datum);
      reply.header('etag', etag(v.version));
      return vorgangDarstellung(v);
    },
    async setWiedervorlage(req) {
      const { row, vorgang } = await vorgaenge.setzeWiedervorlage(akteurOf(req), req.params.id, req.body);
      return wiedervorlageDarstellung(row, vorgang);
    },
    async deleteWiedervorlage(req, reply) {
      await vorgaenge.loescheWiedervorlage(akteurOf(req), req.params.id);
      return reply.code(204).send();
    },
    async erledigeWiedervorlage(req) {
      const { row, vorgang } = await vorgaenge.erledigeWiedervorlage(akteurOf(req), req.params.id);
      return wiedervorlageDarstellung(row, vorgang);
    },

    async suche(req) {
      const seite = await suche.suche(akteurOf(req), req.query);
      return { items: seite.items.map(trefferDarstellung), nextCursor: seite.nextCursor, anzahl: seite.anzahl, anzahlBegrenzt: seite.anzahlBegrenzt, textAusstehend: seite.textAusstehend };
    },
  } satisfies VertragsHandlers;
}
