import type { components } from '@eakte/api-client';
import { akteurOf, etag, type VertragsHandlers } from '@eakte/platform';
import contentDisposition from 'content-disposition';
import type { PosteingangRow } from '../repositories/posteingang.js';
import type { PosteingangService } from '../services/posteingang.js';
import { formularAus, schliesseUnvollstaendig } from './formular.js';
import { asciiName } from './inhalt.js';

type Eintrag = components['schemas']['PosteingangEintrag'];

export function posteingangDarstellung(e: PosteingangRow): Eintrag {
  return {
    id: e.id,
    art: e.art,
    status: e.status,
    betreff: e.betreff,
    absender: e.absender,
    empfaenger: e.empfaenger,
    datumDesSchreibens: e.datumDesSchreibens,
    eingangsdatum: e.eingangsdatum,
    anlagen: e.anlagen,
    messageId: e.messageId,
    postfachId: e.postfachId,
    groesse: e.groesse,
    sha256: e.sha256,
    mimeType: e.mimeType,
    dateiname: e.dateiname,
    eingegangenAm: e.eingegangenAm.toISOString(),
    eingegangenVon: e.eingegangenVon,
    dokumentId: e.dokumentId,
    vorgangId: e.vorgangId,
    zugeordnetAm: e.zugeordnetAm?.toISOString() ?? null,
    zugeordnetVon: e.zugeordnetVon,
  };
}

export function posteingangHandlers(deps: { posteingang: PosteingangService }) {
  const { posteingang } = deps;
  return {
    async listPosteingang(req) {
      const seite = await posteingang.seite(akteurOf(req), req.query);
      return { items: seite.items.map(posteingangDarstellung), nextCursor: seite.nextCursor };
    },

    async createPosteingangEintrag(req, reply) {
      try {
        const e = await posteingang.neuerEintrag(akteurOf(req), formularAus(req));
        return reply.code(201).header('location', `/api/v1/posteingang/${e.id}`).send(posteingangDarstellung(e));
      } catch (err) {
        schliesseUnvollstaendig(req, reply);
        throw err;
      }
    },

    async getPosteingangEintrag(req) {
      return posteingangDarstellung(await posteingang.eintrag(akteurOf(req), req.params.id));
    },

    async getPosteingangInhalt(req, reply) {
      const { eintrag, stream } = await posteingang.inhalt(akteurOf(req), req.params.id);
      return reply
        .type(eintrag.mimeType)
        .header('content-length', eintrag.groesse)
        .header('etag', etag(eintrag.sha256))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(eintrag.dateiname, { type: 'attachment', fallback: asciiName(eintrag.dateiname) }))
        .send(stream);
    },

    async zuordnenPosteingangEintrag(req) {
      return posteingangDarstellung(await posteingang.ordneZu(akteurOf(req), req.params.id, req.body.vorgangId));
    },

    async zuordnenPosteingang(req) {
      const ergebnisse = await posteingang.ordneAlleZu(akteurOf(req), req.body.eintraege, req.body.vorgangId);
      // the codes are the contract's (problemcodes.test.ts checks every code the services send)
      return { ergebnisse: ergebnisse as components['schemas']['PosteingangSammelergebnis']['ergebnisse'] };
    },
  } satisfies VertragsHandlers;
}
