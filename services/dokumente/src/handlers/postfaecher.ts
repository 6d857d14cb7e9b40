import type { components } from '@eakte/api-client';
import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import type { PostfachRow } from '../repositories/postfaecher.js';
import { postfachEtag, type PostfachService } from '../services/postfaecher.js';

/** A mailbox as the API shows it: never its secret. */
export function postfachDarstellung(p: PostfachRow): components['schemas']['Postfach'] {
  return {
    id: p.id,
    bezeichnung: p.bezeichnung,
    host: p.host,
    port: p.port,
    sicherheit: p.sicherheit,
    benutzer: p.benutzer,
    ordner: p.ordner,
    ziel: p.ziel,
    aktiv: p.aktiv,
    zustand: p.zustand,
    fehler: p.fehler,
    fehlversuche: p.fehlversuche,
    letzterAbruf: p.letzterAbruf?.toISOString() ?? null,
    naechsterAbruf: p.naechsterAbruf.toISOString(),
    version: p.version,
    erstelltAm: p.erstelltAm.toISOString(),
    geaendertAm: p.geaendertAm.toISOString(),
  };
}

export function postfachHandlers(deps: { postfaecher: PostfachService }) {
  const { postfaecher } = deps;
  return {
    async listPostfaecher(req) {
      return { items: (await postfaecher.alle(akteurOf(req))).map(postfachDarstellung) };
    },
    async createPostfach(req, reply) {
      const p = await postfaecher.neu(akteurOf(req), req.body);
      return reply.code(201).header('location', `/api/v1/postfaecher/${p.id}`).header('etag', postfachEtag(p)).send(postfachDarstellung(p));
    },
    async getPostfach(req, reply) {
      const p = await postfaecher.eines(akteurOf(req), req.params.id);
      return reply.header('etag', postfachEtag(p)).send(postfachDarstellung(p));
    },
    async updatePostfach(req, reply) {
      const p = await postfaecher.aendere(akteurOf(req), req.params.id, req.body, req.headers['if-match']);
      return reply.header('etag', postfachEtag(p)).send(postfachDarstellung(p));
    },
  } satisfies VertragsHandlers;
}
