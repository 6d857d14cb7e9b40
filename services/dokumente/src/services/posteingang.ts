// The Posteingang (issue 21): what arrives without a Vorgang — uploads, e-mails from the function
// mailboxes — is stored like a version (streamed, hashed, scanned, typed) and listed for the
// Poststelle. Assigning an item files it into a Vorgang through the one filing path (an e-mail's
// attachments become Anlagen), referencing the stored content instead of copying it; a PDF then gets
// the Eingangsstempel with the day of arrival. Every step is audited in its transaction.
import type { Readable } from 'node:stream';
import type { Db, Tx } from '@eakte/db';
import { decodeCursor, encodeCursor, Errors, heute, pgFehler, toProblem, type Akteur, type Problem, type Protokollierer } from '@eakte/platform';
import { pruefeOffenFuerInhalt } from '@eakte/schriftgutverwaltung/geschlossen';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { istMail } from '../adapter/mail.js';
import { ausSpool, spoole, type Formular, type Spool } from '../adapter/upload.js';
import { DokumentFehler } from '../domain/fehler.js';
import { darfEintrag, EINGANG_FELDER, eingangSchema, PosteingangFehler, type AlsEmpfaenger, type Empfaenger } from '../domain/posteingang.js';
import { berlinerZeit } from '../pdf/eingangsstempel.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';
import { posteingangRepository as prepo, scanstapelRepository as srepo, type PosteingangRow, type TransfervermerkRow } from '../repositories/posteingang.js';
import { beauftrageZerlegung } from '../arbeiter/scanstapel.js';
import { SCANSTAPEL_FELDER, transfervermerkSchema } from '../domain/scan.js';
import type { Ablage } from './ablage.js';
import type { PdfService } from './pdf.js';

type Handelnder = Akteur & { mandantId: string };
type Einstellungen = { maxUploadGroesse: number; erlaubteFormate: readonly string[] };

/** An item as the API shows it: with its Transfervermerk when it was cut from a scan batch. */
export type PosteingangSicht = PosteingangRow & { transfervermerk: TransfervermerkRow | null };

async function mitVermerken(tx: Tx, rows: PosteingangRow[]): Promise<PosteingangSicht[]> {
  const vermerke = await srepo.vermerke(
    tx,
    rows.filter((r) => r.art === 'scan').map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, transfervermerk: vermerke.get(r.id) ?? null }));
}

/** The formats a scan batch may have: what a scanner writes as one file of many pages, a PDF or a multi-page TIFF. */
const STAPEL_FORMATE = ['application/pdf', 'image/tiff'] as const;

/** One item's result in a bulk request: the status a single request would have answered. */
export type Sammelergebnis = { id: string; status: number; dokumentId: string | null; problem: Problem | null };

const nichtGefunden = () => new Errors.NichtGefunden('Posteingangseintrag nicht gefunden');

/** The text of the Eingangsstempel: the moment of arrival, as the printed stamp says it. */
export const eingangsvermerk = (eingegangenAm: Date) => `Eingegangen am ${berlinerZeit(eingegangenAm)} Uhr`;

/** Where an item came from: a person's or a client's upload, or a tenant's function mailbox. */
export type Herkunft = { art: 'upload' } | { art: 'mail'; postfachId: string };

export function createPosteingangService(deps: {
  db: Db;
  storage: ObjectStore;
  repo: DokumenteRepository;
  ablage: Ablage;
  pdf: PdfService;
  protokolliere: Protokollierer;
  log: FastifyBaseLogger;
  spoolVerzeichnis: string;
}) {
  const { db, storage, repo, ablage, pdf, protokolliere, log } = deps;

  /** The caller as a receiver of passed-on items; the Registratur (the Poststelle) sees every item. */
  async function alsEmpfaenger(tx: Tx, akteur: Handelnder): Promise<AlsEmpfaenger> {
    return akteur.rollen.includes('registratur') ? null : { sub: akteur.sub, einheiten: await prepo.einheitenDes(tx, akteur.sub) };
  }

  function pruefeFelder(felder: Record<string, string>) {
    const r = eingangSchema.safeParse(felder);
    if (r.success) return r.data;
    throw new DokumentFehler.UngueltigesFormular(r.error.issues.map((i) => `${i.path.join('.') || 'formular'}: ${i.message}`).join('; '));
  }

  /** A spooled, scanned and typed file becomes an item; an e-mail is checked as filing would check it. */
  async function nimmAuf(
    akteur: Handelnder,
    einstellungen: Einstellungen,
    datei: Spool & { dateiname: string },
    mimeType: string,
    felder: Record<string, string>,
    herkunft: Herkunft,
  ): Promise<{ eintrag: PosteingangRow; neu: boolean }> {
    const form = pruefeFelder(felder);
    let meta: { betreff: string; absender?: string; empfaenger?: string; datumDesSchreibens?: string; eingangsdatum: string; anlagen: number; messageId?: string };
    if (istMail(mimeType)) {
      let geprueft;
      try {
        geprueft = await ablage.pruefeMail(datei, mimeType, einstellungen);
      } catch (err) {
        if (err instanceof DokumentFehler.Schadsoftware)
          await ablage.meldeSchadsoftware(akteur, err, {
            posteingang: true,
            ...(herkunft.art === 'mail' ? { postfachId: herkunft.postfachId } : {}),
            anlage: (err as { anlage?: string }).anlage ?? null,
            dateiname: datei.dateiname,
          });
        throw err;
      }
      const m = geprueft.meta;
      meta = {
        betreff: form.betreff ?? m.betreff ?? '(ohne Betreff)',
        ...((form.absender ?? m.absender) ? { absender: form.absender ?? m.absender } : {}),
        ...(m.empfaenger ? { empfaenger: m.empfaenger } : {}),
        datumDesSchreibens: form.datumDesSchreibens ?? m.datumDesSchreibens,
        eingangsdatum: form.eingangsdatum ?? m.eingangsdatum ?? heute(),
        anlagen: geprueft.anlagen,
        ...(geprueft.messageId ? { messageId: geprueft.messageId } : {}),
      };
    } else {
      if (!form.betreff) throw new DokumentFehler.UngueltigesFormular('betreff: erforderlich (nur eine E-Mail bringt ihren Betreff selbst mit)');
      meta = { ...form, betreff: form.betreff, eingangsdatum: form.eingangsdatum ?? heute(), anlagen: 0 };
    }
    const postfachId = herkunft.art === 'mail' ? herkunft.postfachId : null;
    // a mailbox's message filed before (fetched again after a crash between filing and moving it)
    const frueher = async () => (postfachId ? db.withMandant(akteur.mandantId, (tx) => prepo.ausPostfach(tx, postfachId, meta.messageId ?? null, datei.sha256)) : null);
    const schon = await frueher();
    if (schon) return { eintrag: schon, neu: false };
    const id = uuidv7();
    try {
      const eintrag = await ablage.legeAb(akteur, [ausSpool(datei, mimeType, datei.dateiname)], async (tx, [key]) => {
        const row = await prepo.neu(tx, {
          id,
          mandantId: akteur.mandantId,
          art: herkunft.art,
          betreff: meta.betreff,
          absender: meta.absender ?? null,
          empfaenger: meta.empfaenger ?? null,
          datumDesSchreibens: meta.datumDesSchreibens ?? null,
          eingangsdatum: meta.eingangsdatum,
          anlagen: meta.anlagen,
          messageId: meta.messageId ?? null,
          postfachId,
          speicherschluessel: key!,
          groesse: datei.groesse,
          sha256: datei.sha256,
          mimeType,
          dateiname: datei.dateiname,
          eingegangenVon: akteur.sub,
        });
        await protokolliere(tx, akteur, {
          aktion: 'posteingang.eingegangen',
          objektTyp: 'posteingang',
          objektId: id,
          details: {
            art: herkunft.art,
            ...(postfachId ? { postfachId, messageId: meta.messageId ?? null } : {}),
            groesse: datei.groesse,
            sha256: datei.sha256,
            mimeType,
            dateiname: datei.dateiname,
            betreff: meta.betreff,
            anlagen: meta.anlagen,
          },
        });
        return row;
      });
      return { eintrag, neu: true };
    } catch (err) {
      // the same message filed concurrently by another instance: that one counts
      const sieger = (err as { code?: string }).code === '23505' ? await frueher() : null;
      if (sieger) return { eintrag: sieger, neu: false };
      throw err;
    }
  }

  /** Files the item into the Vorgang (one transaction with the assignment), then stamps a PDF. */
  async function ordneZu(akteur: Handelnder, id: string, vorgangId: string): Promise<PosteingangSicht> {
    const m = akteur.mandantId;
    const { eintrag, sicht, einstellungen, empfaenger } = await db.withMandant(m, async (tx) => {
      const { sicht, einstellungen } = await repo.sichtUndEinstellungen(tx, akteur);
      const empfaenger = await alsEmpfaenger(tx, akteur);
      const eintrag = await prepo.eintrag(tx, id);
      if (!eintrag || !darfEintrag(empfaenger, eintrag)) throw nichtGefunden();
      if (eintrag.status === 'zugeordnet') throw new PosteingangFehler.BereitsZugeordnet(`Der Eintrag ist bereits dem Dokument ${eintrag.dokumentId} zugeordnet`);
      const v = await repo.vorgang(tx, sicht, vorgangId);
      if (!v) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
      pruefeOffenFuerInhalt(v);
      return { eintrag, sicht, einstellungen, empfaenger };
    });
    const vermerk = eingangsvermerk(eintrag.eingegangenAm);
    // a document cut from a scan batch is not stamped: its paper was stamped before scanning, and a
    // stamped version (text of its own) would be the current one without OCR, hiding the scan's text;
    // its Eingangsstempel is the recorded text (eingangsvermerk), as for images and e-mails
    const stempeln = eintrag.mimeType === 'application/pdf' && eintrag.art !== 'scan';
    const dokumentId = uuidv7();
    // an e-mail is taken apart again (its Anlagen scanned with today's signatures): it needs its bytes
    const datei = istMail(eintrag.mimeType)
      ? await spooleAusSpeicher(akteur, eintrag)
      : { pfad: '', groesse: eintrag.groesse, sha256: eintrag.sha256, dateiname: eintrag.dateiname, entfernen: async () => {} };
    let zugeordnet: PosteingangRow | null = null;
    try {
      const felder: Record<string, string> = {
        betreff: eintrag.betreff,
        datumDesSchreibens: eintrag.datumDesSchreibens ?? eintrag.eingangsdatum,
        eingangsdatum: eintrag.eingangsdatum,
        ...(eintrag.absender ? { absender: eintrag.absender } : {}),
      };
      await ablage.legeInVorgangAb(akteur, sicht, einstellungen, {
        vorgangId,
        id: dokumentId,
        datei,
        mimeType: eintrag.mimeType,
        felder,
        gespeichert: eintrag.speicherschluessel,
        danach: async (tx: Tx, v) => {
          zugeordnet = await prepo.ordneZu(tx, id, { dokumentId, vorgangId, von: akteur.sub, eingangsvermerk: vermerk }, empfaenger);
          if (!zugeordnet) throw new PosteingangFehler.BereitsZugeordnet('Der Eintrag wurde inzwischen zugeordnet oder weitergeleitet');
          await protokolliere(tx, akteur, {
            aktion: 'posteingang.zugeordnet',
            objektTyp: 'posteingang',
            objektId: id,
            aktenzeichen: v.aktenzeichen,
            akteId: v.akteId,
            aenderungen: [{ feld: 'status', alt: eintrag.status, neu: 'zugeordnet' }],
            details: { dokumentId, vorgangId, sha256: eintrag.sha256, eingangsvermerk: vermerk, stempel: stempeln ? 'pdf' : 'vermerk' },
          });
        },
      });
    } finally {
      await datei.entfernen();
    }
    if (stempeln) {
      try {
        await pdf.eingangsstempel(akteur, dokumentId, { eingang: eintrag.eingegangenAm });
      } catch (err) {
        // the assignment stands; an encrypted or huge PDF keeps its unstamped version (stamp it later by hand)
        log.info({ err, dokumentId, reqId: akteur.anfrageId }, 'assigned PDF could not be stamped');
      }
    }
    const [sicht_] = await db.withMandant(m, (tx) => mitVermerken(tx, [zugeordnet!]));
    return sicht_!;
  }

  async function spooleAusSpeicher(akteur: Handelnder, e: PosteingangRow) {
    let quelle: Readable;
    try {
      quelle = await storage.get(e.speicherschluessel);
    } catch (err) {
      log.error({ err, posteingangId: e.id, reqId: akteur.anfrageId }, 'Posteingang content not readable from storage');
      throw new Errors.DienstNichtVerfuegbar('Der Inhalt ist vorübergehend nicht lesbar. Bitte später erneut versuchen.');
    }
    const spool = await spoole(quelle, deps.spoolVerzeichnis, e.groesse);
    if (spool.sha256 !== e.sha256) {
      await spool.entfernen();
      log.error({ posteingangId: e.id }, 'Posteingang content does not match its SHA-256');
      throw new Errors.DienstNichtVerfuegbar('Der gespeicherte Inhalt ist beschädigt; es wurde nichts zugeordnet.');
    }
    return { ...spool, dateiname: e.dateiname };
  }

  /**
   * Passes items on to one receiver (Zuleitung) in one statement, each audited. Items unknown to the
   * caller are 404, assigned ones 409, each on its own; a receiver who is not the tenant's (the
   * foreign keys carry the tenant) refuses the whole request with 404 and passes nothing on.
   */
  async function leiteWeiter(akteur: Handelnder, ids: string[], an: Empfaenger, hinweis: string | null): Promise<{ ergebnisse: Sammelergebnis[]; eintraege: Map<string, PosteingangSicht> }> {
    return db.withMandant(akteur.mandantId, async (tx) => {
      const empfaenger = await alsEmpfaenger(tx, akteur);
      const vorher = new Map((await prepo.sperreAlle(tx, ids)).map((r) => [r.id, r]));
      const frei = ids.filter((id) => {
        const r = vorher.get(id);
        return r && darfEintrag(empfaenger, r) && r.status !== 'zugeordnet';
      });
      let neu: PosteingangRow[];
      try {
        neu = await prepo.leiteWeiter(tx, frei, { anSub: an.sub ?? null, anOeId: an.organisationseinheitId ?? null, hinweis, von: akteur.sub });
      } catch (err) {
        const pg = pgFehler(err);
        if (pg?.code === '23503' && pg.constraint === 'posteingang_eintrag_an_oe_fk') throw new PosteingangFehler.EmpfaengerUnbekannt('Die Organisationseinheit ist keine des Mandanten');
        if (pg?.code === '23503' && pg.constraint === 'posteingang_eintrag_an_benutzer_fk')
          throw new PosteingangFehler.EmpfaengerUnbekannt('Die Person ist im Benutzerverzeichnis des Mandanten nicht bekannt (sie hat sich noch nie angemeldet)');
        throw err;
      }
      for (const r of neu) {
        const alt = vorher.get(r.id)!;
        await protokolliere(tx, akteur, {
          aktion: 'posteingang.weitergeleitet',
          objektTyp: 'posteingang',
          objektId: r.id,
          aenderungen: [
            { feld: 'status', alt: alt.status, neu: 'weitergeleitet' },
            { feld: 'an', alt: alt.anSub ?? alt.anOeId, neu: r.anSub ?? r.anOeId },
          ],
          details: { an, hinweis, betreff: r.betreff, sha256: r.sha256 },
        });
      }
      const eintraege = new Map((await mitVermerken(tx, neu)).map((e) => [e.id, e]));
      const ergebnisse = ids.map((id): Sammelergebnis => {
        if (eintraege.has(id)) return { id, status: 200, dokumentId: null, problem: null };
        const r = vorher.get(id);
        const err = !r || !darfEintrag(empfaenger, r) ? nichtGefunden() : new PosteingangFehler.BereitsZugeordnet(`Der Eintrag ist bereits dem Dokument ${r.dokumentId} zugeordnet`);
        const problem = toProblem(err as Parameters<typeof toProblem>[0]);
        return { id, status: problem.status, dokumentId: null, problem };
      });
      return { ergebnisse, eintraege };
    });
  }

  return {
    nimmAuf,

    /** POST /posteingang: an upload into the Posteingang. */
    async neuerEintrag(akteur: Handelnder, formular: Formular): Promise<PosteingangSicht> {
      const { einstellungen } = await db.withMandant(akteur.mandantId, (tx) => repo.sichtUndEinstellungen(tx, akteur));
      const upload = await ablage.empfange(akteur, formular, einstellungen.maxUploadGroesse, einstellungen.erlaubteFormate, EINGANG_FELDER, { posteingang: 'upload' });
      try {
        return { ...(await nimmAuf(akteur, einstellungen, upload.datei, upload.mimeType, upload.felder, { art: 'upload' })).eintrag, transfervermerk: null };
      } finally {
        await upload.datei.entfernen();
      }
    },

    /**
     * POST /posteingang/scanstapel: a scan batch with its Transfervermerk, stored as uploaded; the
     * split into items is a job enqueued in the same transaction.
     */
    async neuerScanstapel(akteur: Handelnder, formular: Formular) {
      const { einstellungen } = await db.withMandant(akteur.mandantId, (tx) => repo.sichtUndEinstellungen(tx, akteur));
      const erlaubt = STAPEL_FORMATE.filter((f) => einstellungen.erlaubteFormate.includes(f));
      const upload = await ablage.empfange(akteur, formular, einstellungen.maxUploadGroesse, erlaubt, SCANSTAPEL_FELDER, { posteingang: 'scanstapel' });
      try {
        const r = transfervermerkSchema(new Date()).safeParse(upload.felder);
        if (!r.success) throw new DokumentFehler.UngueltigesFormular(r.error.issues.map((i) => `${i.path.join('.') || 'formular'}: ${i.message}`).join('; '));
        const f = r.data;
        const id = uuidv7();
        const datei = upload.datei;
        return await ablage.legeAb(akteur, [ausSpool(datei, upload.mimeType, datei.dateiname)], async (tx, [key]) => {
          const row = await srepo.neu(tx, {
            id,
            mandantId: akteur.mandantId,
            betreff: f.betreff,
            absender: f.absender ?? null,
            eingangsdatum: f.eingangsdatum ?? heute(),
            gescanntVon: f.gescanntVon ?? akteur.sub,
            gescanntAm: f.gescanntAm ? new Date(f.gescanntAm) : new Date(),
            geraet: f.geraet,
            profil: f.profil ?? null,
            original: f.original,
            vernichtbarAb: f.vernichtbarAb ?? null,
            speicherschluessel: key!,
            groesse: datei.groesse,
            sha256: datei.sha256,
            mimeType: upload.mimeType,
            dateiname: datei.dateiname,
            eingegangenVon: akteur.sub,
          });
          await protokolliere(tx, akteur, {
            aktion: 'posteingang.scanstapel.eingegangen',
            objektTyp: 'scanstapel',
            objektId: id,
            details: {
              groesse: datei.groesse,
              sha256: datei.sha256,
              dateiname: datei.dateiname,
              betreff: f.betreff,
              gescanntVon: row.gescanntVon,
              gescanntAm: row.gescanntAm.toISOString(),
              geraet: row.geraet,
              profil: row.profil,
              original: row.original,
              vernichtbarAb: row.vernichtbarAb,
            },
          });
          await beauftrageZerlegung(tx, { mandantId: akteur.mandantId, scanstapelId: id });
          return { ...row, eintraege: [] as string[] };
        });
      } finally {
        await upload.datei.entfernen();
      }
    },

    async scanstapel(akteur: Handelnder, id: string) {
      return db.withMandant(akteur.mandantId, async (tx) => {
        const s = await srepo.stapel(tx, id);
        if (!s) throw new Errors.NichtGefunden('Scanstapel nicht gefunden');
        return { ...s, eintraege: await srepo.eintraegeDesStapels(tx, id) };
      });
    },

    async eintrag(akteur: Handelnder, id: string): Promise<PosteingangSicht> {
      const e = await db.withMandant(akteur.mandantId, async (tx) => {
        const row = await prepo.eintrag(tx, id);
        return row && darfEintrag(await alsEmpfaenger(tx, akteur), row) ? (await mitVermerken(tx, [row]))[0]! : null;
      });
      if (!e) throw new Errors.NichtGefunden('Posteingangseintrag nicht gefunden');
      return e;
    },

    /** The items passed on to the caller or one of their org units, oldest first (their part of the Postkorb). */
    async zugeleitet(akteur: Handelnder, q: { limit?: number; cursor?: string }) {
      const limit = q.limit ?? 50;
      const nach = decodeCursor(q.cursor, { id: 'uuid' });
      const rows = await db.withMandant(akteur.mandantId, async (tx) =>
        mitVermerken(tx, await prepo.zugeleitet(tx, akteur.sub, await prepo.einheitenDes(tx, akteur.sub), nach ? String(nach.id) : null, limit + 1)),
      );
      const items = rows.slice(0, limit);
      const letzte = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ id: letzte.id }) : null };
    },

    async seite(akteur: Handelnder, q: { status?: 'offen' | 'weitergeleitet' | 'zugeordnet'; limit?: number; cursor?: string }) {
      const limit = q.limit ?? 50;
      const nach = decodeCursor(q.cursor, { id: 'uuid' });
      const rows = await db.withMandant(akteur.mandantId, async (tx) => mitVermerken(tx, await prepo.seite(tx, q.status ?? 'offen', nach ? String(nach.id) : null, limit + 1)));
      const items = rows.slice(0, limit);
      const letzte = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ id: letzte.id }) : null };
    },

    /**
     * The content of an open item, streamed, each read audited. An assigned item is read through
     * its Dokument, under the Akte's visibility and the Aussonderung's rules.
     */
    async inhalt(akteur: Handelnder, id: string): Promise<{ eintrag: PosteingangRow; stream: Readable }> {
      const eintrag = await db.withMandant(akteur.mandantId, async (tx) => {
        const row = await prepo.eintrag(tx, id);
        return row && darfEintrag(await alsEmpfaenger(tx, akteur), row) ? row : null;
      });
      if (!eintrag) throw nichtGefunden();
      if (eintrag.status === 'zugeordnet') throw new PosteingangFehler.BereitsZugeordnet(`Der Eintrag ist zugeordnet; sein Inhalt ist der des Dokuments ${eintrag.dokumentId}`);
      let stream: Readable;
      try {
        stream = await storage.get(eintrag.speicherschluessel);
      } catch (err) {
        log.error({ err, posteingangId: id, reqId: akteur.anfrageId }, 'Posteingang content not readable from storage');
        throw new Errors.DienstNichtVerfuegbar('Der Inhalt ist vorübergehend nicht lesbar. Bitte später erneut versuchen.');
      }
      try {
        await db.withMandant(akteur.mandantId, (tx) =>
          protokolliere(tx, akteur, { aktion: 'posteingang.inhalt.gelesen', objektTyp: 'posteingang', objektId: id, details: { sha256: eintrag.sha256 } }),
        );
      } catch (err) {
        stream.destroy();
        throw err;
      }
      return { eintrag, stream };
    },

    ordneZu,

    /** One item passed on to a receiver (an org unit's Postkorb, a person). */
    async leiteEinenWeiter(akteur: Handelnder, id: string, an: Empfaenger, hinweis: string | null): Promise<PosteingangSicht> {
      const { ergebnisse, eintraege } = await leiteWeiter(akteur, [id], an, hinweis);
      const e = eintraege.get(id);
      if (e) return e;
      const p = ergebnisse[0]!.problem!;
      throw p.status === 404 ? nichtGefunden() : new PosteingangFehler.BereitsZugeordnet(p.detail ?? 'Der Eintrag ist bereits zugeordnet');
    },

    leiteWeiter,

    /** Several items into one Vorgang, each on its own: one failing leaves the others assigned. */
    async ordneAlleZu(akteur: Handelnder, ids: string[], vorgangId: string) {
      const ergebnisse: Sammelergebnis[] = [];
      for (const id of ids) {
        try {
          const e = await ordneZu(akteur, id, vorgangId);
          ergebnisse.push({ id, status: 200, dokumentId: e.dokumentId, problem: null });
        } catch (err) {
          const problem = toProblem(err as Parameters<typeof toProblem>[0]);
          // an outage is answered for the whole request as usual (what was assigned stays assigned)
          if (problem.status >= 500) throw err;
          ergebnisse.push({ id, status: problem.status, dokumentId: null, problem });
        }
      }
      return ergebnisse;
    },
  };
}

export type PosteingangService = ReturnType<typeof createPosteingangService>;
