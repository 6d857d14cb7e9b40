import type { components } from '@eakte/api-client';
import { akteurOf, etag, type VertragsHandlers } from '@eakte/platform';
import contentDisposition from 'content-disposition';
import type { ScanstapelRow } from '../repositories/posteingang.js';
import type { Empfaenger } from '../domain/posteingang.js';
import { scanstapelMeldung, type ScanGrund } from '../domain/scan.js';
import type { PosteingangService, PosteingangSicht } from '../services/posteingang.js';
import { formularAus, schliesseUnvollstaendig } from './formular.js';
import { asciiName } from './inhalt.js';

type Eintrag = components['schemas']['PosteingangEintrag'];
type Scanstapel = components['schemas']['Scanstapel'];

export function scanstapelDarstellung(s: ScanstapelRow & { eintraege: string[] }): Scanstapel {
  const meldung = scanstapelMeldung(s.status, s.grund);
  return {
    id: s.id,
    status: s.status,
    ...(s.grund ? { grund: s.grund as ScanGrund } : {}),
    ...(meldung ? { meldung } : {}),
    seiten: s.seiten,
    betreff: s.betreff,
    absender: s.absender,
    eingangsdatum: s.eingangsdatum,
    gescanntVon: s.gescanntVon,
    gescanntAm: s.gescanntAm.toISOString(),
    geraet: s.geraet,
    profil: s.profil,
    original: s.original,
    vernichtbarAb: s.vernichtbarAb,
    groesse: s.groesse,
    sha256: s.sha256,
    mimeType: s.mimeType,
    dateiname: s.dateiname,
    eingegangenAm: s.eingegangenAm.toISOString(),
    eingegangenVon: s.eingegangenVon,
    eintraege: s.eintraege,
    inhaltEntferntAm: s.inhaltEntferntAm?.toISOString() ?? null,
  };
}

export function posteingangDarstellung(e: PosteingangSicht): Eintrag {
  const v = e.transfervermerk;
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
    an: e.anSub !== null ? { sub: e.anSub } : e.anOeId !== null ? { organisationseinheitId: e.anOeId } : null,
    hinweis: e.hinweis,
    weitergeleitetAm: e.weitergeleitetAm?.toISOString() ?? null,
    weitergeleitetVon: e.weitergeleitetVon,
    eingangsvermerk: e.eingangsvermerk,
    transfervermerk: v
      ? {
          scanstapelId: v.scanstapelId,
          stapelSha256: v.stapel.sha256,
          position: v.position,
          ersteSeite: v.ersteSeite,
          letzteSeite: v.letzteSeite,
          seiten: v.letzteSeite - v.ersteSeite + 1,
          gescanntVon: v.stapel.gescanntVon,
          gescanntAm: v.stapel.gescanntAm.toISOString(),
          geraet: v.stapel.geraet,
          profil: v.stapel.profil,
          qualitaet: v.qualitaet,
          befunde: v.befunde,
          original: v.stapel.original,
          vernichtbarAb: v.stapel.vernichtbarAb,
        }
      : null,
  };
}

/** The contract's Bearbeiter (exactly one of both, the schema says so). */
function empfaenger(b: components['schemas']['Bearbeiter']): Empfaenger {
  return b.sub !== undefined ? { sub: b.sub } : { organisationseinheitId: b.organisationseinheitId! };
}

export function posteingangHandlers(deps: { posteingang: PosteingangService }) {
  const { posteingang } = deps;
  return {
    async listPosteingang(req) {
      const seite = await posteingang.seite(akteurOf(req), req.query);
      return { items: seite.items.map(posteingangDarstellung), nextCursor: seite.nextCursor };
    },

    async listZugeleitetePost(req) {
      const seite = await posteingang.zugeleitet(akteurOf(req), req.query);
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

    async createScanstapel(req, reply) {
      try {
        const s = await posteingang.neuerScanstapel(akteurOf(req), formularAus(req));
        return reply.code(202).header('location', `/api/v1/posteingang/scanstapel/${s.id}`).send(scanstapelDarstellung(s));
      } catch (err) {
        schliesseUnvollstaendig(req, reply);
        throw err;
      }
    },

    async getScanstapel(req) {
      return scanstapelDarstellung(await posteingang.scanstapel(akteurOf(req), req.params.id));
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
      const b = req.body;
      if (b.an) return posteingangDarstellung(await posteingang.leiteEinenWeiter(akteurOf(req), req.params.id, empfaenger(b.an), b.hinweis ?? null));
      return posteingangDarstellung(await posteingang.ordneZu(akteurOf(req), req.params.id, b.vorgangId!));
    },

    async zuordnenPosteingang(req) {
      const b = req.body;
      const ergebnisse = b.an
        ? (await posteingang.leiteWeiter(akteurOf(req), b.eintraege, empfaenger(b.an), b.hinweis ?? null)).ergebnisse
        : await posteingang.ordneAlleZu(akteurOf(req), b.eintraege, b.vorgangId!);
      // the codes are the contract's (problemcodes.test.ts checks every code the services send)
      return { ergebnisse: ergebnisse as components['schemas']['PosteingangSammelergebnis']['ergebnisse'] };
    },
  } satisfies VertragsHandlers;
}
