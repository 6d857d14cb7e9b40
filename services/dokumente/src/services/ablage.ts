// Filing content: the upload is spooled (hashed, counted, typed), stored under a key the
// application chooses, and only then referenced by a row, committed together with its audit
// record. One filing step (`legeAb`) serves new Dokumente, new versions and derived versions: a
// failure after an object was stored removes each stored object once; if even that fails
// (crash), the sweeper finds the object without row later.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { readFile } from 'node:fs/promises';
import type { Db, Tx } from '@eakte/db';
import { Errors, istEindeutigkeitsverletzung, type Akteur, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { erkenneDateityp, pruefeDateityp } from '../adapter/dateityp.js';
import { istMail } from '../adapter/mail.js';
import type { Scanner } from '../adapter/scanner.js';
import { ausSpool, leseUpload, spoole, type Formular, type Inhalt, type Spool } from '../adapter/upload.js';
import { DokumentFehler } from '../domain/fehler.js';
import { pruefeOffenFuerInhalt } from '@eakte/schriftgutverwaltung/geschlossen';
import { METADATEN_FELDER, metadatenSchema } from '../domain/metadaten.js';
import type { Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';
import { neuerSpeicherschluessel } from '../domain/speicherschluessel.js';
import { textExtrahierbar } from '../domain/volltext.js';
import { istBildScan } from '../domain/ocr.js';
import type { DokumentMitVersion, DokumenteRepository, VersionRow, VorgangKontext } from '../repositories/dokumente.js';
import { createMailzerlegung, flach, mailMeta, type MailGrenzen, type Teil } from './mailzerlegung.js';

type Handelnder = Akteur & { mandantId: string };

export interface AblageOptionen {
  db: Db;
  storage: ObjectStore;
  repo: DokumenteRepository;
  protokolliere: Protokollierer;
  log: FastifyBaseLogger;
  spoolVerzeichnis: string;
  /** clamd, when configured: every file is scanned before its row is committed. */
  scanner?: Scanner | null;
  /** Limits for filing e-mails (parts, nesting, bytes after decoding). */
  mail?: MailGrenzen;
}

function pruefeFelder<T>(schema: z.ZodType<T>, felder: Record<string, string>): T {
  const r = schema.safeParse(felder);
  if (r.success) return r.data;
  const detail = r.error.issues.map((i) => `${i.path.join('.') || 'formular'}: ${i.message}`).join('; ');
  throw new DokumentFehler.UngueltigesFormular(detail);
}

export function createAblage(opts: AblageOptionen) {
  const { db, storage, repo, protokolliere, log } = opts;
  const grenzen = opts.mail ?? { maxAnlagen: 100, maxTiefe: 3, maxGroesse: 64 * 1024 * 1024 };
  const zerlegeMail = createMailzerlegung({ grenzen, spoolVerzeichnis: opts.spoolVerzeichnis, scanner: opts.scanner ?? null });

  /** Stores one object under a new key; 503 when the storage fails (nothing left behind). */
  async function speichere(akteur: Handelnder, inhalt: Inhalt): Promise<string> {
    const key = neuerSpeicherschluessel(akteur.mandantId);
    try {
      await storage.put(key, inhalt.koerper(), inhalt.groesse, inhalt.mimeType);
    } catch (err) {
      log.warn({ err, key, reqId: akteur.anfrageId }, 'storing an object failed');
      await storage.remove(key).catch(() => {});
      throw new Errors.DienstNichtVerfuegbar('Der Objektspeicher ist nicht erreichbar; es wurde nichts gespeichert. Bitte später erneut versuchen.');
    }
    return key;
  }

  /**
   * The one filing step: stores `inhalte` (in order), then commits `schreibe` with their keys in
   * one tenant transaction. On any failure each object stored so far is removed, once.
   */
  async function legeAb<T>(akteur: Handelnder, inhalte: Inhalt[], schreibe: (tx: Tx, keys: string[]) => Promise<T>): Promise<T> {
    const keys: string[] = [];
    const neu: string[] = [];
    try {
      for (const i of inhalte) {
        // content stored already (a Posteingang item) is referenced, not copied, and stays on failure
        if (i.gespeichert) keys.push(i.gespeichert);
        else {
          const k = await speichere(akteur, i);
          keys.push(k);
          neu.push(k);
        }
      }
      return await db.withMandant(akteur.mandantId, (tx) => schreibe(tx, keys));
    } catch (err) {
      for (const k of neu) await storage.remove(k).catch((e: unknown) => log.warn({ err: e, key: k, reqId: akteur.anfrageId }, 'orphan left for the sweeper'));
      throw err;
    }
  }

  /** Writes a Dokument with its first version, its text-extraction job and its audit record. */
  async function schreibeDokument(
    tx: Tx,
    akteur: Handelnder,
    v: VorgangKontext,
    d: {
      id: string;
      elternDokumentId?: string;
      meta: Record<string, string | undefined> & { betreff: string; datumDesSchreibens: string };
      inhalt: Inhalt;
      key: string;
      details?: Record<string, unknown>;
    },
  ) {
    const m = akteur.mandantId;
    const { inhalt } = d;
    await repo.neuesDokument(
      tx,
      { id: d.id, mandantId: m, vorgangId: v.vorgangId, ...(d.elternDokumentId ? { elternDokumentId: d.elternDokumentId } : {}), ...d.meta, erstelltVon: akteur.sub },
      {
        mandantId: m,
        dokumentId: d.id,
        nr: 1,
        speicherschluessel: d.key,
        groesse: inhalt.groesse,
        sha256: inhalt.sha256,
        mimeType: inhalt.mimeType,
        dateiname: inhalt.dateiname,
        erstelltVon: akteur.sub,
      },
    );
    if (textExtrahierbar(inhalt.mimeType)) await repo.beauftrageTextextraktion(tx, m, d.id, 1);
    if (istBildScan(inhalt.mimeType)) await repo.beauftrageTexterkennung(tx, m, d.id, 1);
    await repo.beauftrageVorschau(tx, m, d.id, 1, inhalt.mimeType);
    await protokolliere(tx, akteur, {
      aktion: 'dokument.erstellt',
      objektTyp: 'dokument',
      objektId: d.id,
      aktenzeichen: v.aktenzeichen,
      akteId: v.akteId,
      details: {
        vorgangId: v.vorgangId,
        ...(d.elternDokumentId ? { elternDokumentId: d.elternDokumentId } : {}),
        versionNr: 1,
        groesse: inhalt.groesse,
        sha256: inhalt.sha256,
        mimeType: inhalt.mimeType,
        dateiname: inhalt.dateiname,
        betreff: d.meta.betreff,
        ...d.details,
      },
    });
  }

  /**
   * Writes the next version of a (share-locked, open) Dokument with its job and audit record.
   * With `basisNr` (a derived version): 409 when another version was added meanwhile.
   */
  async function schreibeVersion(
    tx: Tx,
    akteur: Handelnder,
    sicht: Sicht,
    dokumentId: string,
    inhalt: Inhalt,
    key: string,
    art: { basisNr?: number; herkunft?: 'eingangsstempel'; schluessel?: { operation: string; wert: string }; details?: Record<string, unknown> },
  ): Promise<VersionRow> {
    const m = akteur.mandantId;
    const dok = await repo.dokument(tx, sicht, dokumentId, true);
    if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
    pruefeOffenFuerInhalt(dok.kontext);
    if (art.basisNr !== undefined && dok.aktuelleVersion !== art.basisNr) throw new Errors.Konflikt('Inzwischen wurde eine neue Version angelegt; bitte erneut versuchen');
    const nr = dok.aktuelleVersion + 1;
    await repo.neueVersion(tx, dokumentId, {
      mandantId: m,
      dokumentId,
      nr,
      speicherschluessel: key,
      groesse: inhalt.groesse,
      sha256: inhalt.sha256,
      mimeType: inhalt.mimeType,
      dateiname: inhalt.dateiname,
      ...(art.herkunft ? { herkunft: art.herkunft } : {}),
      erstelltVon: akteur.sub,
    });
    if (art.schluessel) await repo.merkeIdempotenz(tx, { mandantId: m, operation: art.schluessel.operation, schluessel: art.schluessel.wert, dokumentId, versionNr: nr });
    if (textExtrahierbar(inhalt.mimeType)) await repo.beauftrageTextextraktion(tx, m, dokumentId, nr);
    if (istBildScan(inhalt.mimeType)) await repo.beauftrageTexterkennung(tx, m, dokumentId, nr);
    await repo.beauftrageVorschau(tx, m, dokumentId, nr, inhalt.mimeType);
    await protokolliere(tx, akteur, {
      aktion: 'dokument.version.erstellt',
      objektTyp: 'dokument',
      objektId: dokumentId,
      aktenzeichen: dok.kontext.aktenzeichen,
      akteId: dok.akteId,
      aenderungen: [{ feld: 'aktuelleVersion', alt: dok.aktuelleVersion, neu: nr }],
      details: art.herkunft
        ? { versionNr: nr, herkunft: art.herkunft, groesse: inhalt.groesse, sha256: inhalt.sha256, ...art.details }
        : { versionNr: nr, groesse: inhalt.groesse, sha256: inhalt.sha256, mimeType: inhalt.mimeType, dateiname: inhalt.dateiname },
    });
    const neu = await repo.version(tx, dokumentId, nr);
    return neu!;
  }

  /** Reads, checks and spools the upload, then detects and checks its type. */
  async function empfange(akteur: Handelnder, formular: Formular, max: number, erlaubt: readonly string[], felder: readonly string[], ziel: Record<string, string>) {
    let upload;
    try {
      upload = await leseUpload(formular, { verzeichnis: opts.spoolVerzeichnis, max, dateiFeld: 'datei', erlaubteFelder: felder, scanner: opts.scanner });
    } catch (err) {
      if (err instanceof DokumentFehler.Schadsoftware) await meldeSchadsoftware(akteur, err, ziel);
      throw err;
    }
    try {
      // an empty file has no type at all: say so, instead of a type mismatch
      if (upload.datei.groesse === 0) throw new DokumentFehler.DateiLeer();
      const mimeType = await erkenneDateityp(upload.datei.pfad);
      pruefeDateityp(mimeType, upload.datei.angegebenerTyp, erlaubt);
      return { ...upload, mimeType };
    } catch (err) {
      await upload.datei.entfernen();
      throw err;
    }
  }

  /**
   * Files a spooled file (an upload, or a Posteingang item whose content is stored already under
   * `gespeichert`) as a new Dokument `id` into the Vorgang: an e-mail is taken apart into Anlagen
   * (scanned, typed, checked), metadata come from the form and the mail, and `danach` writes in
   * the same transaction (the Posteingang's assignment). The spools of the Anlagen are removed here.
   */
  async function legeInVorgangAb(
    akteur: Handelnder,
    sicht: Sicht,
    einstellungen: { maxUploadGroesse: number; erlaubteFormate: readonly string[] },
    e: {
      vorgangId: string;
      id: string;
      datei: Spool & { dateiname: string };
      mimeType: string;
      felder: Record<string, string>;
      gespeichert?: string;
      schluessel?: { operation: string; wert: string };
      danach?: (tx: Tx, v: VorgangKontext) => Promise<void>;
    },
  ): Promise<void> {
    const { vorgangId, id, datei, mimeType } = e;
    const m = akteur.mandantId;
    const teilSpools: Spool[] = [];
    try {
      let anlagen: Teil[] = [];
      let felder: Record<string, string | undefined> = e.felder;
      if (istMail(mimeType)) {
        if (datei.groesse > grenzen.maxGroesse) throw new DokumentFehler.MailUnzulaessig(`E-Mails über ${grenzen.maxGroesse} Bytes werden nicht zerlegt`);
        const bytes = await readFile(datei.pfad);
        let zerlegt;
        try {
          zerlegt = await zerlegeMail(bytes, mimeType, 1, { teile: 0, bytes: 0, alle: teilSpools, max: einstellungen.maxUploadGroesse, erlaubt: einstellungen.erlaubteFormate });
        } catch (err) {
          if (err instanceof DokumentFehler.Schadsoftware) await meldeSchadsoftware(akteur, err, { vorgangId, anlage: (err as { anlage?: string }).anlage ?? null, dateiname: datei.dateiname });
          throw err;
        }
        anlagen = zerlegt.kinder;
        // the form wins where it says something; the mail fills the rest
        const ausMail = mailMeta(zerlegt.mail);
        felder = { ...ausMail, betreff: ausMail.betreff ?? '(ohne Betreff)', ...Object.fromEntries(Object.entries(e.felder).filter(([, w]) => w.trim() !== '')) };
      }
      const meta = pruefeFelder(metadatenSchema, felder as Record<string, string>);
      const empfaenger = istMail(mimeType) && !('empfaenger' in e.felder) ? (felder.empfaenger ?? undefined) : undefined;
      const haupt: Inhalt = { ...ausSpool(datei, mimeType, datei.dateiname), ...(e.gespeichert ? { gespeichert: e.gespeichert } : {}) };
      const teile = flach(anlagen);
      await legeAb(akteur, [haupt, ...teile.map((t) => t.inhalt)], async (tx, [key, ...teilKeys]) => {
        // share-lock Vorgang and Akte: a concurrent z.d.A. waits for this commit
        const v = await repo.vorgang(tx, sicht, vorgangId, true);
        if (!v) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
        pruefeOffenFuerInhalt(v);
        await schreibeDokument(tx, akteur, v, {
          id,
          meta: { ...meta, ...(empfaenger ? { empfaenger } : {}) },
          inhalt: haupt,
          key: key!,
          ...(anlagen.length ? { details: { anlagen: teile.length } } : {}),
        });
        if (e.schluessel) await repo.merkeIdempotenz(tx, { mandantId: m, operation: e.schluessel.operation, schluessel: e.schluessel.wert, dokumentId: id, versionNr: 1 });
        const schluesselVon = new Map(teile.map((t, i) => [t, teilKeys[i]!]));
        const schreibeTeile = async (elternId: string, ts: Teil[]): Promise<void> => {
          for (const t of ts) {
            await schreibeDokument(tx, akteur, v, { id: t.id, elternDokumentId: elternId, meta: t.meta, inhalt: t.inhalt, key: schluesselVon.get(t)! });
            await schreibeTeile(t.id, t.kinder);
          }
        };
        await schreibeTeile(id, anlagen);
        if (e.danach) await e.danach(tx, v);
      });
    } finally {
      for (const t of teilSpools) await t.entfernen();
    }
  }

  /** The refused upload is recorded in a transaction of its own (nothing else is written). */
  async function meldeSchadsoftware(akteur: Handelnder, err: Error, ziel: Record<string, unknown>) {
    const signatur = (err as { signatur?: string }).signatur ?? err.message;
    log.warn({ signatur, ...ziel, reqId: akteur.anfrageId }, 'malware refused');
    await db.withMandant(akteur.mandantId, (tx) =>
      protokolliere(tx, akteur, {
        aktion: 'dokument.schadsoftware.erkannt',
        // a Posteingang intake has no Dokument or Vorgang yet: its mailbox, else the tenant
        objektTyp: ziel.dokumentId ? 'dokument' : ziel.vorgangId ? 'vorgang' : 'posteingang',
        objektId: String(ziel.dokumentId ?? ziel.vorgangId ?? ziel.postfachId ?? akteur.mandantId),
        ergebnis: 'abgelehnt',
        details: { signatur, hochgeladenVon: akteur.sub, ...ziel },
      }),
    );
  }

  /** The Dokument of a retried request; 409 when the key was used for another target. */
  async function wiederholung(akteur: Handelnder, sicht: Sicht, frueher: { dokumentId: string }, ziel: string, art: 'vorgang' | 'dokument'): Promise<DokumentMitVersion> {
    const dok = await db.withMandant(akteur.mandantId, (tx) => repo.dokument(tx, sicht, frueher.dokumentId));
    const passt = art === 'vorgang' ? dok?.vorgangId === ziel : dok?.id === ziel;
    if (!dok || !passt) throw new DokumentFehler.IdempotenzKonflikt();
    return dok;
  }

  /**
   * Before a byte of the body is read: unknown or closed target (`ziel`, 404 when not visible),
   * retried request. The caller's view is resolved once per request and reused for the writes.
   */
  async function vorab(akteur: Handelnder, operation: string, schluessel: string | undefined, ziel: (tx: Tx, sicht: Sicht) => Promise<VorgangKontext>) {
    return db.withMandant(akteur.mandantId, async (tx) => {
      const { sicht, einstellungen } = await repo.sichtUndEinstellungen(tx, akteur);
      const kontext = await ziel(tx, sicht);
      const frueher = schluessel ? await repo.idempotenz(tx, operation, schluessel) : null;
      if (!frueher) pruefeOffenFuerInhalt(kontext);
      return { frueher, einstellungen, sicht };
    });
  }

  /** After a unique violation on the key: the concurrent request that won, if there was one. */
  async function sieger(akteur: Handelnder, err: unknown, operation: string, schluessel: string | undefined) {
    if (!schluessel || !istEindeutigkeitsverletzung(err, 'idempotenz_pk')) return null;
    return db.withMandant(akteur.mandantId, (tx) => repo.idempotenz(tx, operation, schluessel));
  }

  /**
   * Takes a spooled mail apart as filing would (limits, every Anlage scanned, typed, allowed) and
   * returns what it says about itself; nothing is stored. 422 SCHADSOFTWARE / MAIL_UNZULAESSIG.
   */
  async function pruefeMail(datei: Spool, mimeType: string, einstellungen: { maxUploadGroesse: number; erlaubteFormate: readonly string[] }) {
    if (datei.groesse > grenzen.maxGroesse) throw new DokumentFehler.MailUnzulaessig(`E-Mails über ${grenzen.maxGroesse} Bytes werden nicht zerlegt`);
    const teilSpools: Spool[] = [];
    try {
      const zerlegt = await zerlegeMail(await readFile(datei.pfad), mimeType, 1, { teile: 0, bytes: 0, alle: teilSpools, max: einstellungen.maxUploadGroesse, erlaubt: einstellungen.erlaubteFormate });
      return { meta: mailMeta(zerlegt.mail), messageId: zerlegt.mail.messageId, anlagen: flach(zerlegt.kinder).length };
    } finally {
      for (const t of teilSpools) await t.entfernen();
    }
  }

  return {
    /** Spools a stream (a fetched mail) as uploads are spooled: hashed, counted, scanned on the way. */
    spoole: (quelle: Readable, max: number) => spoole(quelle, opts.spoolVerzeichnis, max, opts.scanner),
    empfange,
    meldeSchadsoftware,
    legeAb,
    legeInVorgangAb,
    pruefeMail,
    /** POST /vorgaenge/{id}/dokumente: the new Dokument (or the first one filed under this key). */
    async neuesDokument(akteur: Handelnder, eingabe: { vorgangId: string; schluessel?: string; formular: Formular }): Promise<DokumentMitVersion> {
      const { vorgangId, schluessel } = eingabe;
      const m = akteur.mandantId;
      const OP = 'createDokument';
      const { frueher, einstellungen, sicht } = await vorab(akteur, OP, schluessel, async (tx, sicht) => {
        const v = await repo.vorgang(tx, sicht, vorgangId);
        if (!v) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
        return v;
      });
      if (frueher) return wiederholung(akteur, sicht, frueher, vorgangId, 'vorgang');

      const upload = await empfange(akteur, eingabe.formular, einstellungen.maxUploadGroesse, einstellungen.erlaubteFormate, METADATEN_FELDER, { vorgangId });
      // before the Anlagen' ids: filing order (id order) puts the mail first
      const id = uuidv7();
      try {
        await legeInVorgangAb(akteur, sicht, einstellungen, {
          vorgangId,
          id,
          datei: upload.datei,
          mimeType: upload.mimeType,
          felder: upload.felder,
          ...(schluessel ? { schluessel: { operation: OP, wert: schluessel } } : {}),
        });
      } catch (err) {
        // a concurrent request with the same key won: answer with its result
        const erster = await sieger(akteur, err, OP, schluessel);
        if (erster) return wiederholung(akteur, sicht, erster, vorgangId, 'vorgang');
        throw err;
      } finally {
        await upload.datei.entfernen();
      }
      const dok = await db.withMandant(m, (tx) => repo.dokument(tx, sicht, id));
      if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
      return dok;
    },

    /** POST /dokumente/{id}/versionen: the new version (or the one filed first under this key). */
    async neueVersion(akteur: Handelnder, eingabe: { dokumentId: string; schluessel?: string; formular: Formular }): Promise<VersionRow> {
      const { dokumentId, schluessel } = eingabe;
      const m = akteur.mandantId;
      const OP = 'createDokumentVersion';
      const { frueher, einstellungen, sicht } = await vorab(akteur, OP, schluessel, async (tx, sicht) => {
        const dok = await repo.dokument(tx, sicht, dokumentId);
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        return dok.kontext;
      });
      const erneut = async (f: { dokumentId: string; versionNr: number }) => {
        await wiederholung(akteur, sicht, f, dokumentId, 'dokument');
        const v = await db.withMandant(m, (tx) => repo.version(tx, f.dokumentId, f.versionNr));
        if (!v) throw new Errors.NichtGefunden('Version nicht gefunden');
        return v;
      };
      if (frueher) return erneut(frueher);

      const upload = await empfange(akteur, eingabe.formular, einstellungen.maxUploadGroesse, einstellungen.erlaubteFormate, [], { dokumentId });
      try {
        const inhalt = ausSpool(upload.datei, upload.mimeType, upload.datei.dateiname);
        return await legeAb(akteur, [inhalt], (tx, [key]) => schreibeVersion(tx, akteur, sicht, dokumentId, inhalt, key!, schluessel ? { schluessel: { operation: OP, wert: schluessel } } : {}));
      } catch (err) {
        const erster = await sieger(akteur, err, OP, schluessel);
        if (erster) return erneut(erster);
        throw err;
      } finally {
        await upload.datei.entfernen();
      }
    },

    /**
     * A version the service derived itself (e.g. the Eingangsstempel) from version `basisNr`, in
     * the caller's view `sicht`; 409 when another version was added meanwhile.
     */
    async abgeleiteteVersion(
      akteur: Handelnder,
      sicht: Sicht,
      dokumentId: string,
      basisNr: number,
      bytes: Uint8Array,
      art: { mimeType: string; dateiname: string; herkunft: 'eingangsstempel'; details?: Record<string, unknown> },
    ): Promise<VersionRow> {
      const puffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const inhalt: Inhalt = { koerper: () => puffer, groesse: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), mimeType: art.mimeType, dateiname: art.dateiname };
      return legeAb(akteur, [inhalt], (tx, [key]) =>
        schreibeVersion(tx, akteur, sicht, dokumentId, inhalt, key!, { basisNr, herkunft: art.herkunft, ...(art.details ? { details: art.details } : {}) }),
      );
    },
  };
}

export type Ablage = ReturnType<typeof createAblage>;
