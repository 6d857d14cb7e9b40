// Fetching the function mailboxes (issue 21): each due mailbox of every tenant is opened over IMAP
// (imapflow), each message in its folder is filed into the Posteingang through the .eml path
// (scanned as a whole and per Anlage, metadata from the headers) and then moved to `Abgelegt`; a
// message that is refused goes to `Quarantaene`, with an audit event. Filing is idempotent by
// Message-ID and content hash, so a crash between filing and moving files nothing twice: the
// message is found again, recognised, and moved. A failing mailbox gets its state and error and a
// back-off; mailboxes are worked side by side with timeouts, so none waits for another.
import net from 'node:net';
import type { Db } from '@eakte/db';
import { schema } from '@eakte/db';
import type { Akteur, Protokollierer } from '@eakte/platform';
import type { FastifyBaseLogger } from 'fastify';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { and, eq, lte } from 'drizzle-orm';
import { entschluessele } from '../adapter/geheimnis.js';
import { ZielUnzulaessig, type Zielpruefung } from '../adapter/zielpruefung.js';
import { DokumentFehler } from '../domain/fehler.js';
import { postfachRepository, type PostfachRow } from '../repositories/postfaecher.js';
import type { Ablage } from '../services/ablage.js';
import type { PosteingangService } from '../services/posteingang.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';

export const AUFGABE_POSTFACHABRUF = 'postfachabruf';
export const ORDNER_ABGELEGT = 'Abgelegt';
export const ORDNER_QUARANTAENE = 'Quarantaene';
/** The longest back-off of a failing mailbox. */
const MAX_PAUSE_MS = 6 * 3600_000;

export interface AbrufErgebnis {
  postfaecher: number;
  abgelegt: number;
  quarantaene: number;
  fehler: number;
}

/** What the tenant is told about a failed fetch: the kind of failure, never hosts, addresses or server texts. */
export function fehlerFuerMandant(err: unknown): string {
  if (err instanceof ZielUnzulaessig) return err.message;
  const e = err as { authenticationFailed?: boolean; code?: string; message?: string; responseText?: string; serverResponseCode?: string };
  if (e.authenticationFailed || e.code === 'AUTHENTICATIONFAILED' || e.serverResponseCode === 'AUTHENTICATIONFAILED')
    return 'Die Anmeldung am Postfach wurde abgelehnt: Benutzer oder Passwort ist falsch.';
  const code = String(e.code ?? '');
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/.test(code)) return 'Das TLS-Zertifikat des Servers ist nicht gültig (abgelaufen, selbst signiert oder für einen anderen Namen).';
  if (
    /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|CONNECT_TIMEOUT|GREETING_TIMEOUT|NoConnection|ClosedAfterConnect/i.test(code) ||
    /timeout|closed/i.test(e.message ?? '')
  )
    return 'Der Server ist nicht erreichbar oder hat die Verbindung abgebrochen.';
  if (/STARTTLS/i.test(e.message ?? '')) return 'Der Server bietet kein STARTTLS an; ohne Verschlüsselung wird nicht abgerufen.';
  if (e.serverResponseCode === 'NONEXISTENT' || /nonexistent|doesn't exist|not exist/i.test(e.responseText ?? '')) return 'Der eingestellte Ordner existiert im Postfach nicht.';
  if (e.serverResponseCode === 'OVERQUOTA' || /quota/i.test(e.responseText ?? '')) return 'Das Postfach ist voll (Quota überschritten); es konnte nicht verschoben werden.';
  return 'Der Abruf ist fehlgeschlagen; der Plattformbetrieb sieht die Einzelheiten im Protokoll des Dienstes.';
}

export interface PostfachabrufOptionen {
  db: Db;
  log: FastifyBaseLogger;
  repo: DokumenteRepository;
  ablage: Ablage;
  posteingang: PosteingangService;
  protokolliere: Protokollierer;
  schluessel: Buffer | null;
  zielpruefung: Zielpruefung;
  intervallSekunden: number;
  /** Mailboxes worked at the same time (one slow server holds one slot only). */
  parallel?: number;
  timeoutMs?: number;
  /** Tests: another client for the connection (the options are the checked ones). */
  verbinde?: (o: ImapFlowOptions) => ImapFlow;
}

export function createPostfachabruf(opts: PostfachabrufOptionen) {
  const { db, log } = opts;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const verbinde = opts.verbinde ?? ((o: ImapFlowOptions) => new ImapFlow(o));

  const systemAkteur = (mandantId: string, p: PostfachRow): Akteur & { mandantId: string } => ({
    sub: `system:postfach:${p.id}`,
    name: `Postfachabruf ${p.bezeichnung}`,
    rollen: [],
    mandantId,
    mandantSlug: null,
    scopes: [],
    anfrageId: null,
  });

  /** One mailbox: connect (to the checked address), file and move each message, close. */
  async function rufeAb(mandantId: string, p: PostfachRow, e: AbrufErgebnis) {
    const akteur = systemAkteur(mandantId, p);
    // checked again at every connect: the name may resolve elsewhere by now
    const adresse = await opts.zielpruefung.pruefe(p.host, p.port);
    const pass = entschluessele(opts.schluessel!, p.geheimnis, `${mandantId}/${p.id}`);
    const client = verbinde({
      host: adresse,
      port: p.port,
      secure: p.sicherheit === 'tls',
      doSTARTTLS: p.sicherheit === 'starttls' ? true : p.sicherheit === 'keine' ? false : undefined,
      // the certificate is verified against the name the tenant entered, not the address
      ...(net.isIP(p.host) ? {} : { servername: p.host }),
      tls: { rejectUnauthorized: true, ...(net.isIP(p.host) ? {} : { servername: p.host }), minVersion: 'TLSv1.2' },
      auth: { user: p.benutzer, pass },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * 2,
    } as ImapFlowOptions);
    client.on('error', (err: unknown) => log.warn({ err, postfachId: p.id }, 'IMAP connection error'));
    await client.connect();
    try {
      for (const ordner of [ORDNER_ABGELEGT, ORDNER_QUARANTAENE]) {
        await client.mailboxCreate(ordner).catch((err: { mailboxExists?: boolean; serverResponseCode?: string }) => {
          if (!(err.serverResponseCode === 'ALREADYEXISTS' || err.mailboxExists)) throw err;
        });
      }
      const { einstellungen } = await db.withMandant(mandantId, (tx) => opts.repo.sichtUndEinstellungen(tx, akteur));
      const lock = await client.getMailboxLock(p.ordner);
      try {
        const uids = (await client.search({ all: true }, { uid: true })) || [];
        for (const uid of uids) {
          const ziel = await legeNachrichtAb(client, akteur, p, uid, einstellungen);
          await client.messageMove(String(uid), ziel, { uid: true });
          if (ziel === ORDNER_ABGELEGT) e.abgelegt++;
          else e.quarantaene++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  /** Files one message; the folder it goes to. A refusal of its content is the message's fault: quarantine. */
  async function legeNachrichtAb(
    client: ImapFlow,
    akteur: Akteur & { mandantId: string },
    p: PostfachRow,
    uid: number,
    einstellungen: { maxUploadGroesse: number; erlaubteFormate: readonly string[] },
  ) {
    const dl = await client.download(String(uid), undefined, { uid: true });
    if (!dl || !('content' in dl) || !dl.content) throw new Error(`message ${uid} vanished`);
    let spool;
    try {
      spool = await opts.ablage.spoole(dl.content, Math.min(einstellungen.maxUploadGroesse, Number.MAX_SAFE_INTEGER));
    } catch (err) {
      if (err instanceof DokumentFehler.Schadsoftware) await opts.ablage.meldeSchadsoftware(akteur, err, { posteingang: true, postfachId: p.id, uid });
      if (istAbweisung(err)) return quarantaene(akteur, p, uid, err);
      throw err;
    }
    try {
      const r = await opts.posteingang.nimmAuf(akteur, einstellungen, { ...spool, dateiname: `Nachricht ${uid}.eml` }, 'message/rfc822', {}, { art: 'mail', postfachId: p.id });
      if (!r.neu) log.info({ postfachId: p.id, posteingangId: r.eintrag.id }, 'message filed before (crash between filing and moving): moved now');
      return ORDNER_ABGELEGT;
    } catch (err) {
      if (istAbweisung(err)) return quarantaene(akteur, p, uid, err);
      throw err;
    } finally {
      await spool.entfernen();
    }
  }

  async function quarantaene(akteur: Akteur & { mandantId: string }, p: PostfachRow, uid: number, err: unknown) {
    await db.withMandant(akteur.mandantId, (tx) =>
      opts.protokolliere(tx, akteur, {
        aktion: 'posteingang.mail.quarantaene',
        objektTyp: 'postfach',
        objektId: p.id,
        ergebnis: 'abgelehnt',
        details: { uid, code: (err as { code?: string }).code ?? null, grund: (err as Error).message, ordner: ORDNER_QUARANTAENE },
      }),
    );
    return ORDNER_QUARANTAENE;
  }

  async function merke(mandantId: string, p: PostfachRow, fehler: unknown | null) {
    const fehlversuche = fehler ? p.fehlversuche + 1 : 0;
    const pause = fehler ? Math.min(opts.intervallSekunden * 1000 * 2 ** Math.min(fehlversuche, 16), MAX_PAUSE_MS) : opts.intervallSekunden * 1000;
    await db.withMandant(mandantId, (tx) =>
      postfachRepository.merkeAbruf(tx, p.id, {
        zustand: fehler ? 'fehler' : 'bereit',
        fehler: fehler ? fehlerFuerMandant(fehler) : null,
        fehlversuche,
        naechsterAbruf: new Date(Date.now() + pause),
      }),
    );
  }

  return {
    /** One round: every due, active mailbox of every tenant (or of one tenant). */
    async runde(nurMandant?: string): Promise<AbrufErgebnis> {
      const e: AbrufErgebnis = { postfaecher: 0, abgelegt: 0, quarantaene: 0, fehler: 0 };
      if (!opts.schluessel) return e;
      const mandanten = nurMandant ? [{ id: nurMandant }] : await db.alsPlattformbetrieb((tx) => tx.select({ id: schema.mandant.id }).from(schema.mandant));
      const faellig: { mandantId: string; p: PostfachRow }[] = [];
      for (const { id } of mandanten) {
        const pf = schema.postfach;
        const rows = await db.withMandant(id, (tx) =>
          tx
            .select()
            .from(pf)
            .where(and(eq(pf.aktiv, true), lte(pf.naechsterAbruf, new Date()))),
        );
        for (const p of rows) faellig.push({ mandantId: id, p });
      }
      let naechster = 0;
      const arbeiter = async () => {
        while (naechster < faellig.length) {
          const { mandantId, p } = faellig[naechster++]!;
          e.postfaecher++;
          try {
            await rufeAb(mandantId, p, e);
            await merke(mandantId, p, null);
          } catch (err) {
            e.fehler++;
            log.warn({ err, mandantId, postfachId: p.id }, 'fetching a mailbox failed');
            await merke(mandantId, p, err).catch((x: unknown) => log.error({ err: x, postfachId: p.id }, 'mailbox state not saved'));
          }
        }
      };
      await Promise.all(Array.from({ length: opts.parallel ?? 4 }, arbeiter));
      return e;
    },
  };
}

/** A refusal of the message's content (4xx: malware, limits, formats), as opposed to an outage. */
function istAbweisung(err: unknown): boolean {
  const s = (err as { statusCode?: number }).statusCode;
  return typeof s === 'number' && s >= 400 && s < 500;
}

export type Postfachabruf = ReturnType<typeof createPostfachabruf>;
