// Handlers of the Geschäftsgang: Verfügungen, their steps, the Postkorb.
import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import { etag } from '../domain/version.js';
import type { Dienste } from '../services/index.js';
import { postkorbEintragDarstellung, verfuegungDarstellung, verfuegungUebersichtDarstellung } from './darstellung.js';

export function geschaeftsgangHandlers({ geschaeftsgang, benachrichtigung }: Dienste) {
  return {
    async createVerfuegung(req, reply) {
      const schluessel = req.headers['idempotency-key'];
      const v = await geschaeftsgang.erstelleVerfuegung(akteurOf(req), req.params.id, req.body, typeof schluessel === 'string' ? schluessel : undefined);
      reply.code(201).header('etag', etag(v.row.version)).header('location', `/api/v1/verfuegungen/${v.row.id}`);
      return verfuegungDarstellung(v);
    },
    async getVerfuegung(req, reply) {
      const v = await geschaeftsgang.verfuegung(akteurOf(req), req.params.id);
      reply.header('etag', etag(v.row.version));
      return verfuegungDarstellung(v);
    },
    async listVerfuegungen(req) {
      const seite = await geschaeftsgang.verfuegungen(akteurOf(req), req.params.id, req.query);
      return { items: seite.items.map(verfuegungUebersichtDarstellung), nextCursor: seite.nextCursor };
    },
    async setLaufweg(req, reply) {
      const v = await geschaeftsgang.aendereLaufweg(akteurOf(req), req.params.id, req.body);
      reply.header('etag', etag(v.row.version));
      return verfuegungDarstellung(v);
    },
    async uebernehmenSchritt(req, reply) {
      const v = await geschaeftsgang.uebernehmeSchritt(akteurOf(req), req.params.id);
      reply.header('etag', etag(v.row.version));
      return verfuegungDarstellung(v);
    },
    async abschliessenSchritt(req, reply) {
      const v = await geschaeftsgang.schliesseSchrittAb(akteurOf(req), req.params.id, req.body);
      reply.header('etag', etag(v.row.version));
      return verfuegungDarstellung(v);
    },
    getVertretung: (req) => geschaeftsgang.vertretung(akteurOf(req)),
    setVertretung: (req) => geschaeftsgang.setzeVertretung(akteurOf(req), undefined, req.body),
    getBenutzerVertretung: (req) => geschaeftsgang.vertretung(akteurOf(req), req.params.sub),
    setBenutzerVertretung: (req) => geschaeftsgang.setzeVertretung(akteurOf(req), req.params.sub, req.body),
    listLaufwegvorlagen: (req) => geschaeftsgang.laufwegvorlagen(akteurOf(req)),
    setLaufwegvorlagen: (req) => geschaeftsgang.setzeLaufwegvorlagen(akteurOf(req), req.params.id, req.body),
    getBenachrichtigung: (req) => benachrichtigung.einstellung(akteurOf(req)),
    setBenachrichtigung: (req) => benachrichtigung.setzeEinstellung(akteurOf(req), req.body),
    async getPostkorb(req) {
      const seite = await geschaeftsgang.postkorb(akteurOf(req), req.query);
      return { items: seite.items.map(postkorbEintragDarstellung), nextCursor: seite.nextCursor };
    },
    getPostkorbAnzahl: (req) => geschaeftsgang.postkorbAnzahl(akteurOf(req), req.query),
  } satisfies VertragsHandlers;
}
