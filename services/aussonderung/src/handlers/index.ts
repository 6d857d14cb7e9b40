import type { components } from '@eakte/api-client';
import { akteurOf, type VertragsHandlers } from '@eakte/platform';
import type { FastifyReply } from 'fastify';
import type { LoeschsperreRow } from '../repositories/aussonderung.js';
import type { AussonderungAnsicht, AussonderungService, Download } from '../services/aussonderung.js';
import { AussonderungFehler } from '../services/fehler.js';
import { xmlAusPaket } from '../xdomea/paket.js';

type S = components['schemas'];

export function sperreDarstellung(s: LoeschsperreRow): S['Loeschsperre'] {
  return {
    id: s.id,
    bezeichnung: s.bezeichnung,
    grund: s.grund,
    aktenzeichenGericht: s.aktenzeichenGericht,
    akten: s.akten,
    vorgaenge: s.vorgaenge,
    dokumente: s.dokumente,
    suche: (s.suche as S['LoeschsperreSuche'] | null) ?? null,
    aktiv: s.aufgehobenAm === null,
    erstelltAm: s.erstelltAm.toISOString(),
    erstelltVon: s.erstelltVon,
    aufgehobenAm: s.aufgehobenAm?.toISOString() ?? null,
    aufgehobenVon: s.aufgehobenVon,
    aufhebungsgrund: s.aufhebungsgrund,
  };
}

export function aussonderungDarstellung(a: AussonderungAnsicht): S['Aussonderung'] {
  const { row, vernichtung: v } = a;
  return {
    id: row.id,
    status: row.status,
    erstelltAm: row.erstelltAm.toISOString(),
    erstelltVon: row.erstelltVon,
    bewertetAm: row.bewertetAm?.toISOString() ?? null,
    abgegebenAm: row.abgegebenAm?.toISOString() ?? null,
    empfangsbestaetigungAngefordert: row.empfangsbestaetigungAngefordert,
    fortschritt: { schritt: row.fortschrittSchritt, erledigt: row.fortschrittErledigt, gesamt: row.fortschrittGesamt },
    objekte: a.objekte.map((o) => ({
      akteId: o.akteId,
      aktenzeichen: o.aktenzeichen,
      betreff: o.betreff,
      bewertung: o.bewertung,
      status: o.status,
      archivkennung: o.archivkennung,
      gesperrt: o.gesperrt,
      loeschung: o.loeschung,
      loeschVersuche: o.loeschVersuche,
      loeschFehler: o.loeschFehler,
      inhaltGeloeschtAm: o.inhaltGeloeschtAm?.toISOString() ?? null,
      teile: (a.teile.get(o.akteId) ?? []).map((t) => ({
        typ: t.typ,
        id: t.id,
        kennzeichen: t.kennzeichen,
        betreff: t.betreff,
        bewertung: t.bewertung,
        status: t.status,
        archivkennung: t.archivkennung,
      })),
    })),
    vernichtung: v
      ? {
          beantragtVon: v.beantragtVon,
          beantragtAm: v.beantragtAm.toISOString(),
          freigegebenVon: v.freigegebenVon,
          freigegebenAm: v.freigegebenAm?.toISOString() ?? null,
          protokollDokumentId: v.protokollDokumentId,
          abgelehntVon: v.abgelehntVon,
          abgelehntAm: v.abgelehntAm?.toISOString() ?? null,
          ablehnungsgrund: v.ablehnungsgrund,
        }
      : null,
    vernichtungsstand: a.vernichtungsstand,
    nachrichten: a.nachrichten.map((n) => ({ typ: n.typ, empfangenAm: n.empfangenAm.toISOString(), erstellungszeitpunkt: n.erstellungszeitpunkt, absender: n.absender })),
  };
}

/** RFC 6266 attachment with an ASCII fallback; our names are ASCII anyway (UUID and message name). */
function sende(reply: FastifyReply, typ: string, d: Download) {
  const ascii = d.dateiname.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(typ)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.dateiname)}`)
    .header('cache-control', 'no-store')
    .send(d.inhalt instanceof Uint8Array ? Buffer.from(d.inhalt) : d.inhalt);
}

/** An xdomea reply as text: sent as XML, or as the archive's ZIP package. */
async function nachrichtVon(body: unknown): Promise<string> {
  if (!Buffer.isBuffer(body)) return body as string;
  try {
    return await xmlAusPaket(body);
  } catch (err) {
    throw new AussonderungFehler.XdomeaUngueltig((err as Error).message);
  }
}

/** All handlers of the Aussonderung service, keyed by operationId. */
export function aussonderungHandlers(service: AussonderungService) {
  return {
    async createLoeschsperre(req, reply) {
      const s = await service.erstelleSperre(akteurOf(req), req.body);
      reply.code(201).header('location', `/api/v1/loeschsperren/${s.id}`);
      return sperreDarstellung(s);
    },
    async listLoeschsperren(req) {
      const seite = await service.listeSperren(akteurOf(req), req.query);
      return { items: seite.items.map(sperreDarstellung), nextCursor: seite.nextCursor };
    },
    async aufhebenLoeschsperre(req) {
      return sperreDarstellung(await service.hebeSperreAuf(akteurOf(req), req.params.id, req.query.grund));
    },
    async listFaelligeAkten(req) {
      return service.faellig(akteurOf(req), req.query);
    },
    async listAussonderungen(req) {
      const seite = await service.listeAussonderungen(akteurOf(req), req.query);
      return {
        items: seite.items.map((a) => ({
          id: a.id,
          status: a.status,
          erstelltAm: a.erstelltAm.toISOString(),
          erstelltVon: a.erstelltVon,
          objekte: a.objekte,
          vernichtungOffen: a.vernichtungOffen,
          vernichtungBeantragtVon: a.vernichtungBeantragtVon,
          vernichtungAbgelehnt: a.vernichtungAbgelehnt,
        })),
        nextCursor: seite.nextCursor,
      };
    },
    async createAussonderung(req, reply) {
      const a = await service.erstelleAussonderung(akteurOf(req), req.body);
      reply.code(201).header('location', `/api/v1/aussonderungen/${a.row.id}`);
      return aussonderungDarstellung(a);
    },
    async getAussonderung(req) {
      return aussonderungDarstellung(await service.aussonderung(akteurOf(req), req.params.id));
    },
    async getAnbietung(req, reply) {
      return sende(reply, 'application/zip', await service.anbietung(akteurOf(req), req.params.id));
    },
    async postBewertung(req) {
      const body = typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : await nachrichtVon(req.body);
      return aussonderungDarstellung(await service.bewertung(akteurOf(req), req.params.id, body));
    },
    async getBewertungsbestaetigung(req, reply) {
      return sende(reply, 'application/zip', await service.bewertungsbestaetigung(akteurOf(req), req.params.id));
    },
    async postEmpfangsbestaetigung(req) {
      return aussonderungDarstellung(await service.empfangsbestaetigung(akteurOf(req), req.params.id, await nachrichtVon(req.body)));
    },
    async getAbgabe(req, reply) {
      return sende(reply, 'application/zip', await service.abgabe(akteurOf(req), req.params.id));
    },
    async postImportbestaetigung(req) {
      return aussonderungDarstellung(await service.importbestaetigung(akteurOf(req), req.params.id, await nachrichtVon(req.body)));
    },
    async postVernichtung(req) {
      return aussonderungDarstellung(await service.beantrageVernichtung(akteurOf(req), req.params.id));
    },
    async postVernichtungFreigabe(req) {
      return aussonderungDarstellung(await service.gebeVernichtungFrei(akteurOf(req), req.params.id));
    },
    async postVernichtungAblehnung(req) {
      return aussonderungDarstellung(await service.lehneVernichtungAb(akteurOf(req), req.params.id, req.body?.grund));
    },
    async getVernichtungsprotokoll(req, reply) {
      return sende(reply, 'application/pdf', await service.vernichtungsprotokoll(akteurOf(req), req.params.id, req.query.nachtrag));
    },
  } satisfies VertragsHandlers;
}
