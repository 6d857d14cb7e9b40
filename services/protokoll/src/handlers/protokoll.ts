import type { components } from '@eakte/api-client';
import { KETTEN_FELDER } from '@eakte/audit';
import createError from '@fastify/error';
import { akteurOf, decodeCursor, encodeCursor, Errors, sendeStrom } from '@eakte/platform';
import { TABELLEN_KOPF, tabellenEintrag, tabellenZeile } from '@eakte/platform/protokoll-texte';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GespeichertesEreignis } from '../domain/kette.js';
import type { ProtokollDienst, Signaturschluessel } from '../pruefung.js';
import type { CheckpointRow, ProtokollRepository, StromEreignis } from '../repositories/protokoll.js';

const UngueltigerBereich = createError('UNGUELTIGER_BEREICH', '%s', 400);
const KeineRuecksetzung = createError('KEINE_RUECKSETZUNG', '%s', 409);

type Seite = components['schemas']['ProtokollSeite'];
type Checkpoint = components['schemas']['Checkpoint'];

/** Keyset cursors over the sequence number, in the platform's one cursor format. */
const cursorZahl = (cursor?: string) => decodeCursor(cursor, { seq: 'ganzzahl' })?.seq;
const naechster = (items: { sequenz: number }[], limit: number) => (items.length === limit ? encodeCursor({ seq: Number(items[items.length - 1]!.sequenz) }) : null);
const darstellung = (e: GespeichertesEreignis) => e as components['schemas']['ProtokollEreignis'];
const checkpointDarstellung = (c: CheckpointRow): Checkpoint => ({ ...c, sequenz: Number(c.sequenz) });

export const EXPORT_FELDER = [...KETTEN_FELDER, 'hash'] as const;

function csvFeld(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

type Format = 'jsonl' | 'csv' | 'tabelle';

/**
 * The last line of an export that failed after its first bytes (docs/sicherheit.md, "Incomplete exports"): the
 * file is incomplete, `von=letzteSequenz+1` continues it.
 */
export function abbruchZeile(format: Format, letzteSequenz: number, requestId: string): string {
  if (format === 'csv') return `#EXPORT_ABGEBROCHEN,letzteSequenz=${letzteSequenz},requestId=${requestId}\r\n`;
  if (format === 'tabelle') return tabellenZeile([`#EXPORT_ABGEBROCHEN: Der Export ist nach Nr. ${letzteSequenz} abgebrochen, die Datei ist unvollständig`, `requestId=${requestId}`]);
  const detail = `Der Export ist nach Ereignis ${letzteSequenz} abgebrochen; die Datei ist unvollständig`;
  return `${JSON.stringify({ abgebrochen: { code: 'EXPORT_ABGEBROCHEN', letzteSequenz, detail, requestId } })}\n`;
}

/** The head of a file: the technical CSV's field names, the German table's BOM and column names. */
function dateiKopf(format: Format): string {
  if (format === 'csv') return `${EXPORT_FELDER.join(',')}\r\n`;
  // the BOM tells spreadsheet software the file is UTF-8 (umlauts), the semicolons are its column separator
  if (format === 'tabelle') return `\uFEFF${tabellenZeile(TABELLEN_KOPF)}`;
  return '';
}

function zeile(format: Format, e: StromEreignis): string {
  if (format === 'csv') return `${EXPORT_FELDER.map((f) => csvFeld(e[f])).join(',')}\r\n`;
  if (format === 'tabelle') return tabellenEintrag(e);
  return `${JSON.stringify(e)}\n`;
}

type ExportQuery = { format: Format; von?: number; bis?: number; objektId?: string; aktenzeichen?: string; akteur?: string; aktion?: string; zeitVon?: string; zeitBis?: string };

export function protokollHandlers(repo: ProtokollRepository, dienst: ProtokollDienst, schluessel: Signaturschluessel) {
  return {
    async listProtokoll(
      req: FastifyRequest<{ Querystring: { objektId?: string; aktenzeichen?: string; akteur?: string; aktion?: string; von?: string; bis?: string; limit: number; cursor?: string } }>,
    ): Promise<Seite> {
      const { mandantId } = akteurOf(req);
      const q = req.query;
      // read your writes: what the tenant committed is sequenced before it is listed
      await dienst.integrieren(mandantId);
      const items = await repo.liste(mandantId, { objektId: q.objektId, aktenzeichen: q.aktenzeichen, akteur: q.akteur, aktion: q.aktion, von: q.von, bis: q.bis }, q.limit, cursorZahl(q.cursor));
      return { items: items.map(darstellung), nextCursor: naechster(items, q.limit) };
    },

    async listProtokollAkteure(req: FastifyRequest<{ Querystring: { limit: number; cursor?: string } }>) {
      const { mandantId } = akteurOf(req);
      await dienst.integrieren(mandantId);
      const nach = decodeCursor(req.query.cursor, { name: 'text', sub: 'text' }) ?? undefined;
      const items = await repo.akteure(mandantId, req.query.limit, nach);
      const letzter = items.length === req.query.limit ? items[items.length - 1] : undefined;
      return { items, nextCursor: letzter ? encodeCursor({ name: letzter.name, sub: letzter.sub }) : null };
    },

    async getAkteHistorie(req: FastifyRequest<{ Params: { id: string }; Querystring: { limit: number; cursor?: string } }>): Promise<Seite> {
      const { mandantId } = akteurOf(req);
      await dienst.integrieren(mandantId);
      const items = await repo.historie(mandantId, req.params.id, req.query.limit, cursorZahl(req.query.cursor));
      if (items.length === 0 && req.query.cursor === undefined) throw new Errors.NichtGefunden('Keine Historie zu dieser Akte');
      return { items: items.map(darstellung), nextCursor: naechster(items, req.query.limit) };
    },

    async pruefeProtokoll(req: FastifyRequest<{ Querystring: { von?: number; bis?: number } }>) {
      const akteur = akteurOf(req);
      const { von = 1, bis } = req.query;
      if (bis !== undefined && bis < von) throw new UngueltigerBereich('bis muss größer oder gleich von sein');
      await dienst.integrieren(akteur.mandantId);
      if (von > 1) {
        // a range behind everything ever recorded (chain head and signed checkpoints) is a client error, not a gap
        const [kopf, [checkpoint]] = await Promise.all([repo.kopf(akteur.mandantId), repo.checkpoints(akteur.mandantId, 1)]);
        const hoechste = Math.max(kopf?.sequenz ?? 0, checkpoint?.sequenz ?? 0);
        if (von > hoechste + 1) throw new UngueltigerBereich(`von liegt hinter dem letzten Ereignis (${hoechste})`);
      }
      const t0 = process.hrtime.bigint();
      const ergebnis = await dienst.pruefen(akteur.mandantId, von, bis);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      req.log.info({ geprueft: ergebnis.geprueft, ms, gueltig: ergebnis.gueltig }, 'audit chain verified');
      if (ergebnis.fehler) {
        req.log.warn({ mandantId: akteur.mandantId, fehler: ergebnis.fehler }, 'audit chain manipulation detected');
        await dienst.manipulationProtokollieren(akteur.mandantId, akteur, { requestId: req.id, clientIp: req.ip }, ergebnis.fehler);
      }
      return { ...ergebnis, fehler: ergebnis.fehler ? { erwartet: null, gefunden: null, ...ergebnis.fehler } : null };
    },

    async exportProtokoll(req: FastifyRequest<{ Querystring: ExportQuery }>, reply: FastifyReply) {
      const { mandantId } = akteurOf(req);
      const q = req.query;
      const { format, von = 1 } = q;
      if (q.bis !== undefined && q.bis < von) throw new UngueltigerBereich('bis muss größer oder gleich von sein');
      await dienst.integrieren(mandantId);
      const kopf = await repo.kopf(mandantId);
      const bis = Math.min(q.bis ?? Number.MAX_SAFE_INTEGER, kopf?.sequenz ?? 0);
      // exactly the entries the same search lists (GET /protokoll), in sequence order
      const filter = { objektId: q.objektId, aktenzeichen: q.aktenzeichen, akteur: q.akteur, aktion: q.aktion, von: q.zeitVon, bis: q.zeitBis };
      let letzteSequenz = von - 1;
      async function* zeilen() {
        // the file's head leaves with the first batch: nothing is sent before the database answered
        let puffer = dateiKopf(format);
        try {
          for await (const e of repo.strom(mandantId, von, bis, { filter })) {
            puffer += zeile(format, e);
            letzteSequenz = e.sequenz;
            if (puffer.length >= 64 * 1024) {
              yield puffer;
              puffer = '';
            }
          }
        } catch (err) {
          // complete lines already read go out before the error line, so letzteSequenz is the last one sent
          if (letzteSequenz >= von && puffer) yield puffer;
          throw err;
        }
        if (puffer) yield puffer;
      }
      const datei = `protokoll-${von}-${bis}.${format === 'jsonl' ? 'jsonl' : 'csv'}`;
      reply.type(format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${datei}"`);
      return sendeStrom(reply, zeilen(), { abbruchZeile: () => abbruchZeile(format, letzteSequenz, req.id) });
    },

    async listProtokollCheckpoints(req: FastifyRequest<{ Querystring: { limit: number; cursor?: string } }>) {
      const { mandantId } = akteurOf(req);
      const vor = decodeCursor(req.query.cursor, { seq: 'ganzzahl', id: 'uuid' });
      const items = await repo.checkpoints(mandantId, req.query.limit, vor ? { sequenz: vor.seq, id: vor.id } : undefined);
      const letzter = items.length === req.query.limit ? items[items.length - 1] : undefined;
      return { items: items.map(checkpointDarstellung), nextCursor: letzter ? encodeCursor({ seq: Number(letzter.sequenz), id: letzter.id }) : null };
    },

    async createProtokollCheckpoint(req: FastifyRequest, reply: FastifyReply) {
      const { mandantId } = akteurOf(req);
      const c = await dienst.checkpointErstellen(mandantId);
      if (!c) throw new Errors.Konflikt('Das Protokoll des Mandanten ist noch leer');
      return reply.code(201).send(checkpointDarstellung(c));
    },

    async getProtokollNachweis(req: FastifyRequest<{ Params: { sequenz: number } }>) {
      const { mandantId } = akteurOf(req);
      const n = await dienst.nachweis(mandantId, req.params.sequenz);
      if (!n) throw new Errors.NichtGefunden(`Ereignis ${req.params.sequenz} ist nicht im Protokoll`);
      return n;
    },

    async getProtokollKonsistenz(req: FastifyRequest<{ Querystring: { von: number; bis?: number } }>) {
      const { mandantId } = akteurOf(req);
      const { von, bis } = req.query;
      if (bis !== undefined && bis < von) throw new UngueltigerBereich('bis muss größer oder gleich von sein');
      const n = await dienst.konsistenz(mandantId, von, bis);
      if (!n) throw new Errors.NichtGefunden(bis !== undefined ? `Kein signierter Baum-Checkpoint der Größe ${bis}` : 'Das Protokoll des Mandanten ist noch leer');
      if ('hinter' in n) throw new UngueltigerBereich(`von liegt hinter dem neuesten Checkpoint (${n.hinter})`);
      return n;
    },
    async quittiereProtokollRuecksetzung(req: FastifyRequest<{ Body: { grund: string } }>, reply: FastifyReply) {
      const akteur = akteurOf(req);
      const grund = req.body.grund.trim();
      if (grund.length < 10) throw new Errors.GrundErforderlich('Der Grund der Quittung braucht mindestens 10 Zeichen');
      await dienst.integrieren(akteur.mandantId);
      const q = await dienst.ruecksetzung.quittieren(akteur.mandantId, akteur, { requestId: req.id, clientIp: req.ip }, grund);
      if (!q) throw new KeineRuecksetzung('Das Protokoll reicht an jeden signierten Checkpoint heran: es gibt keine Rücksetzung zu quittieren');
      req.log.warn({ mandantId: akteur.mandantId, checkpointSequenz: q.checkpointSequenz, kettenSequenz: q.kettenSequenz }, 'audit rollback acknowledged');
      return reply.code(201).send(q);
    },

    async getProtokollSchluessel() {
      return { algorithmus: 'Ed25519', schluesselId: schluessel.id, publicKeyPem: schluessel.pem };
    },
  };
}
