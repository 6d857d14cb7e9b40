import type { components } from '@eakte/api-client';
import type { Db } from '@eakte/db';
import { akteurOf, decodeCursor, encodeCursor, Errors, pruefeIfMatch, type Protokollierer } from '@eakte/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ablage } from '../services/ablage.js';
import { DokumentFehler } from '../domain/fehler.js';
import { pruefeMetadatenAenderung } from '../domain/geschlossen.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';
import { dokumentDarstellung, dokumentEtag, versionDarstellung } from './darstellung.js';

type Aenderung = components['schemas']['DokumentAenderung'];
const GEAENDERT = ['betreff', 'datumDesSchreibens', 'eingangsdatum', 'ausgangsdatum', 'absender', 'bemerkung'] as const;
const idem = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' ? h : undefined;
};

/** The body of an upload the handler did not read to its end must not be drained: close instead. */
function schliesseUnvollstaendig(req: FastifyRequest, reply: FastifyReply) {
  if (!req.raw.complete) reply.header('connection', 'close');
}

export function dokumenteHandlers(deps: { db: Db; repo: DokumenteRepository; ablage: Ablage; protokolliere: Protokollierer }) {
  const { db, repo, ablage, protokolliere } = deps;

  async function lade(req: FastifyRequest, id: string) {
    const dok = await db.withMandant(akteurOf(req).mandantId, async (tx) => repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), id));
    if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
    return dok;
  }

  return {
    async createDokument(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
      const { mandantId } = akteurOf(req);
      try {
        const r = await ablage.neuesDokument(req, req.params.id, idem(req));
        const dok = await lade(req, r.dokumentId);
        return reply.code(201).header('location', `/api/v1/dokumente/${dok.id}`).header('etag', dokumentEtag(dok)).send(dokumentDarstellung(dok));
      } catch (err) {
        schliesseUnvollstaendig(req, reply);
        throw err;
      }
    },

    async createDokumentVersion(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
      const { mandantId } = akteurOf(req);
      try {
        const r = await ablage.neueVersion(req, req.params.id, idem(req));
        const v = await db.withMandant(mandantId, (tx) => repo.version(tx, r.dokumentId, r.versionNr));
        if (!v) throw new Errors.NichtGefunden('Version nicht gefunden');
        return reply
          .code(201)
          .header('location', `/api/v1/dokumente/${r.dokumentId}/versionen/${r.versionNr}/inhalt`)
          .send(versionDarstellung(v));
      } catch (err) {
        schliesseUnvollstaendig(req, reply);
        throw err;
      }
    },

    async getDokument(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
      const dok = await lade(req, req.params.id);
      return reply.header('etag', dokumentEtag(dok)).send(dokumentDarstellung(dok));
    },

    async listDokumente(req: FastifyRequest<{ Params: { id: string }; Querystring: { limit?: number; cursor?: string } }>) {
      const { mandantId } = akteurOf(req);
      const limit = req.query.limit ?? 50;
      const nach = decodeCursor(req.query.cursor, { id: 'uuid' });
      const rows = await db.withMandant(mandantId, async (tx) => {
        if (!(await repo.vorgang(tx, await repo.sicht(tx, akteurOf(req)), req.params.id))) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
        return repo.dokumenteImVorgang(tx, req.params.id, nach ? String(nach.id) : null, limit + 1);
      });
      const seite = rows.slice(0, limit);
      const letzte = seite[seite.length - 1];
      return { items: seite.map(dokumentDarstellung), nextCursor: rows.length > limit && letzte ? encodeCursor({ id: letzte.id }) : null };
    },

    async listDokumentAnlagen(req: FastifyRequest<{ Params: { id: string } }>) {
      const { mandantId } = akteurOf(req);
      const anlagen = await db.withMandant(mandantId, async (tx) => {
        if (!(await repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), req.params.id))) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        return repo.anlagen(tx, req.params.id);
      });
      return { items: anlagen.map(dokumentDarstellung) };
    },

    async listDokumentVersionen(req: FastifyRequest<{ Params: { id: string } }>) {
      const { mandantId } = akteurOf(req);
      const versionen = await db.withMandant(mandantId, async (tx) => {
        if (!(await repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), req.params.id))) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        return repo.versionen(tx, req.params.id);
      });
      return { items: versionen.map(versionDarstellung) };
    },

    async updateDokument(req: FastifyRequest<{ Params: { id: string }; Body: Aenderung }>, reply: FastifyReply) {
      const akteur = akteurOf(req);
      const { grund, ...werte } = req.body;
      if (werte.betreff !== undefined && werte.betreff.trim() === '') throw new DokumentFehler.UngueltigeAngabe('betreff darf nicht leer sein');
      await db.withMandant(akteur.mandantId, async (tx) => {
        const dok = await repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), req.params.id, true);
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        pruefeIfMatch(req.headers['if-match'], dokumentEtag(dok));
        pruefeMetadatenAenderung(dok.kontext, akteur.rollen, grund);
        const aenderungen = GEAENDERT.filter((f) => werte[f] !== undefined && werte[f] !== dok[f]).map((f) => ({ feld: f, alt: dok[f], neu: werte[f] ?? null }));
        if (aenderungen.length === 0) return;
        await repo.aendere(tx, dok.id, Object.fromEntries(aenderungen.map((a) => [a.feld, a.neu])));
        await protokolliere(tx, akteurOf(req), {
          aktion: 'dokument.geaendert',
          objektTyp: 'dokument',
          objektId: dok.id,
          aktenzeichen: dok.kontext.aktenzeichen,
          akteId: dok.akteId,
          aenderungen,
          ...(grund ? { details: { grund } } : {}),
        });
      });
      const dok = await lade(req, req.params.id);
      return reply.header('etag', dokumentEtag(dok)).send(dokumentDarstellung(dok));
    },
  };
}
