// Filing content: the upload is spooled (hashed, counted, typed), stored under a key the
// application chooses, and only then referenced by a row, committed together with its audit
// record. A failure after the object was stored removes it again; if even that fails (crash),
// the sweeper finds the object without row later.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db, Tx } from '@eakte/db';
import { akteurOf, Errors, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { erkenneDateityp, pruefeDateityp } from '../adapter/dateityp.js';
import { DokumentFehler } from '../domain/fehler.js';
import { pruefeOffenFuerInhalt } from '../domain/geschlossen.js';
import { neuerSpeicherschluessel } from '../domain/speicherschluessel.js';
import { textExtrahierbar } from '../domain/volltext.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';
import { leseUpload, scannerAlsProblem, spoole, type Spool } from '../adapter/upload.js';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { istMail, leseMail, MailFehler, type Mail } from '../adapter/mail.js';
import { bereinigeDateiname } from '../domain/dateiname.js';
import type { Scanner } from '../adapter/scanner.js';

export interface AblageOptionen {
  db: Db;
  storage: ObjectStore;
  repo: DokumenteRepository;
  protokolliere: Protokollierer;
  spoolVerzeichnis: string;
  /** clamd, when configured: every file is scanned before its row is committed. */
  scanner?: Scanner | null;
  /** Limits for filing e-mails (parts, nesting, bytes after decoding). */
  mail?: { maxAnlagen: number; maxTiefe: number; maxGroesse: number };
}

/** An Anlage ready to be stored: spooled, scanned, typed; nested mails carry their own Anlagen. */
interface Teil {
  id: string;
  spool: Spool;
  mimeType: string;
  dateiname: string;
  meta: { betreff: string; datumDesSchreibens: string; eingangsdatum?: string; absender?: string; empfaenger?: string };
  kinder: Teil[];
  key?: string;
}

const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'erwartet JJJJ-MM-TT')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'kein gültiges Datum');
const leerAlsFehlend = (s: unknown) => (typeof s === 'string' && s.trim() === '' ? undefined : s);

export const metadatenSchema = z.object({
  betreff: z.string().trim().min(1).max(500),
  datumDesSchreibens: datum,
  eingangsdatum: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
  ausgangsdatum: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
  absender: z.preprocess(leerAlsFehlend, z.string().trim().max(500).optional()) as z.ZodType<string | undefined>,
  bemerkung: z.preprocess(leerAlsFehlend, z.string().trim().max(4000).optional()) as z.ZodType<string | undefined>,
});
export const METADATEN_FELDER = ['betreff', 'datumDesSchreibens', 'eingangsdatum', 'ausgangsdatum', 'absender', 'bemerkung'] as const;

function pruefeFelder<T>(schema: z.ZodType<T>, felder: Record<string, string>): T {
  const r = schema.safeParse(felder);
  if (r.success) return r.data;
  const detail = r.error.issues.map((i) => `${i.path.join('.') || 'formular'}: ${i.message}`).join('; ');
  throw new DokumentFehler.UngueltigesFormular(detail);
}

function istEindeutigkeitsverletzung(err: unknown, constraint: string): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && e.constraint === constraint) return true;
  }
  return false;
}

const heute = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Dokument metadata taken from a mail (only what it has). */
function mailMeta(mail: Mail) {
  return {
    ...(mail.betreff ? { betreff: mail.betreff } : {}),
    datumDesSchreibens: mail.datum ?? mail.eingang ?? heute(),
    ...(mail.eingang ? { eingangsdatum: mail.eingang } : {}),
    ...(mail.absender ? { absender: mail.absender } : {}),
    ...(mail.empfaenger ? { empfaenger: mail.empfaenger } : {}),
  } as { betreff?: string; datumDesSchreibens: string; eingangsdatum?: string; absender?: string; empfaenger?: string };
}

const zaehle = (teile: { kinder: unknown[] }[]): number => teile.reduce((n, t) => n + 1 + zaehle(t.kinder as { kinder: unknown[] }[]), 0);

export type Ergebnis = { dokumentId: string; versionNr: number; wiederholt: boolean };

export function createAblage(opts: AblageOptionen) {
  const { db, storage, repo, protokolliere } = opts;

  /** Stores the spooled file under a new key; 503 when the storage fails (nothing left behind). */
  async function speichere(req: FastifyRequest, mandantId: string, spool: Spool, mimeType: string): Promise<string> {
    const key = neuerSpeicherschluessel(mandantId);
    try {
      await storage.put(key, createReadStream(spool.pfad), spool.groesse, mimeType);
    } catch (err) {
      req.log.warn({ err, key }, 'storing the upload failed');
      await storage.remove(key).catch(() => {});
      throw new Errors.DienstNichtVerfuegbar('Der Objektspeicher ist nicht erreichbar; es wurde nichts gespeichert. Bitte später erneut versuchen.');
    }
    return key;
  }

  /** Runs `schreibe` after the object is stored; removes the object again if the commit fails. */
  async function festschreiben(req: FastifyRequest, key: string, schreibe: () => Promise<void>) {
    try {
      await schreibe();
    } catch (err) {
      await storage.remove(key).catch((e: unknown) => req.log.warn({ err: e, key }, 'orphan left for the sweeper'));
      throw err;
    }
  }

  /** Reads, checks and spools the upload, then detects and checks its type. */
  async function empfange(req: FastifyRequest, max: number, erlaubt: readonly string[], felder: readonly string[], ziel: Record<string, string>) {
    let upload;
    try {
      upload = await leseUpload(req, { verzeichnis: opts.spoolVerzeichnis, max, dateiFeld: 'datei', erlaubteFelder: felder, scanner: opts.scanner });
    } catch (err) {
      if (err instanceof DokumentFehler.Schadsoftware) await meldeSchadsoftware(req, err, ziel);
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

  const grenzen = opts.mail ?? { maxAnlagen: 100, maxTiefe: 3, maxGroesse: 64 * 1024 * 1024 };

  /**
   * Reads a spooled mail and prepares every attachment as an Anlage (recursively for nested mails):
   * limits, malware scan, spool, type detection and allow-list. Spools of all parts end up in `alle`.
   */
  async function zerlegeMail(
    bytes: Uint8Array,
    mimeType: string,
    tiefe: number,
    z: { teile: number; bytes: number; alle: Spool[]; max: number; erlaubt: readonly string[] },
  ): Promise<{ mail: Mail; kinder: Teil[] }> {
    const mail = await leseMail(bytes, mimeType, grenzen.maxAnlagen).catch((err: unknown) => {
      throw err instanceof MailFehler ? new DokumentFehler.MailUnzulaessig(err.message) : err;
    });
    const kinder: Teil[] = [];
    let nr = 0;
    for (const a of mail.anlagen) {
      nr += 1;
      z.teile += 1;
      z.bytes += a.inhalt.byteLength;
      if (z.teile > grenzen.maxAnlagen) throw new DokumentFehler.MailUnzulaessig(`Die E-Mail hat mehr als ${grenzen.maxAnlagen} Anlagen`);
      if (z.bytes > grenzen.maxGroesse) throw new DokumentFehler.MailUnzulaessig(`Die Anlagen der E-Mail sind zusammen größer als ${grenzen.maxGroesse} Bytes`);
      const dateiname = bereinigeDateiname(a.dateiname, `Anlage ${nr}`);
      if (opts.scanner) {
        const urteil = await opts.scanner.scanne(a.inhalt).catch((err: unknown) => {
          throw scannerAlsProblem(err);
        });
        if (!urteil.sauber) throw Object.assign(new DokumentFehler.Schadsoftware(`${urteil.signatur} in der Anlage „${dateiname}“`), { signatur: urteil.signatur, anlage: dateiname });
      }
      const spool = await spoole(Readable.from([Buffer.from(a.inhalt.buffer, a.inhalt.byteOffset, a.inhalt.byteLength)]), opts.spoolVerzeichnis, z.max);
      z.alle.push(spool);
      const typ = await erkenneDateityp(spool.pfad);
      try {
        pruefeDateityp(typ, undefined, z.erlaubt);
      } catch (err) {
        (err as Error).message += ` (Anlage „${dateiname}“ der E-Mail)`;
        throw err;
      }
      const teil: Teil = {
        id: uuidv7(),
        spool,
        mimeType: typ,
        dateiname,
        meta: {
          betreff: [...dateiname].slice(0, 500).join(''),
          datumDesSchreibens: mail.datum ?? heute(),
          ...(mail.eingang ? { eingangsdatum: mail.eingang } : {}),
          ...(mail.absender ? { absender: mail.absender } : {}),
        },
        kinder: [],
      };
      if (istMail(typ)) {
        if (tiefe + 1 > grenzen.maxTiefe) throw new DokumentFehler.MailUnzulaessig(`Die E-Mail ist tiefer als ${grenzen.maxTiefe} Ebenen verschachtelt`);
        const innen = await zerlegeMail(a.inhalt, typ, tiefe + 1, z);
        teil.kinder = innen.kinder;
        teil.meta = { ...teil.meta, ...mailMeta(innen.mail) };
        if (!innen.mail.betreff) teil.meta.betreff = teil.meta.betreff || dateiname;
      }
      kinder.push(teil);
    }
    return { mail, kinder };
  }

  /** Stores the objects of all Anlagen (depth first); the keys land in `keys` for clean-up. */
  async function speichereTeile(req: FastifyRequest, m: string, teile: Teil[], keys: string[]) {
    for (const t of teile) {
      t.key = await speichere(req, m, t.spool, t.mimeType);
      keys.push(t.key);
      await speichereTeile(req, m, t.kinder, keys);
    }
  }

  /** Inserts the Anlagen below `elternId` with their first versions, jobs and audit records. */
  async function schreibeTeile(
    tx: Tx,
    req: FastifyRequest,
    ctx: { m: string; vorgangId: string; aktenzeichen: string; akteId: string },
    elternId: string,
    teile: Teil[],
  ) {
    const sub = akteurOf(req).sub;
    for (const t of teile) {
      await repo.neuesDokument(
        tx,
        { id: t.id, mandantId: ctx.m, vorgangId: ctx.vorgangId, elternDokumentId: elternId, ...t.meta, erstelltVon: sub },
        { mandantId: ctx.m, dokumentId: t.id, nr: 1, speicherschluessel: t.key!, groesse: t.spool.groesse, sha256: t.spool.sha256, mimeType: t.mimeType, dateiname: t.dateiname, erstelltVon: sub },
      );
      if (textExtrahierbar(t.mimeType)) await repo.beauftrageTextextraktion(tx, ctx.m, t.id, 1);
      await protokolliere(tx, akteurOf(req), {
        aktion: 'dokument.erstellt',
        objektTyp: 'dokument',
        objektId: t.id,
        aktenzeichen: ctx.aktenzeichen,
        akteId: ctx.akteId,
        details: { vorgangId: ctx.vorgangId, elternDokumentId: elternId, versionNr: 1, groesse: t.spool.groesse, sha256: t.spool.sha256, mimeType: t.mimeType, dateiname: t.dateiname, betreff: t.meta.betreff },
      });
      await schreibeTeile(tx, req, ctx, t.id, t.kinder);
    }
  }

  /** The refused upload is recorded in a transaction of its own (nothing else is written). */
  async function meldeSchadsoftware(req: FastifyRequest, err: Error, ziel: Record<string, unknown>) {
    const akteur = akteurOf(req);
    const signatur = (err as { signatur?: string }).signatur ?? err.message;
    req.log.warn({ signatur, ...ziel }, 'malware refused');
    await db.withMandant(akteur.mandantId, (tx) =>
      protokolliere(tx, akteurOf(req), {
        aktion: 'dokument.schadsoftware.erkannt',
        objektTyp: ziel.dokumentId ? 'dokument' : 'vorgang',
        objektId: String(ziel.dokumentId ?? ziel.vorgangId),
        ergebnis: 'abgelehnt',
        details: { signatur, hochgeladenVon: akteur.sub, ...ziel },
      }),
    );
  }

  return {
    abgeleiteteVersion,

    /** POST /vorgaenge/{id}/dokumente */
    async neuesDokument(req: FastifyRequest, vorgangId: string, schluessel: string | undefined): Promise<Ergebnis> {
      const akteur = akteurOf(req);
      const m = akteur.mandantId;
      const OP = 'createDokument';
      // before a byte of the body is read: unknown or closed Vorgang, retried request
      // the caller's view is resolved once per request and reused for the writes
      const { frueher, einstellungen, sicht } = await db.withMandant(m, async (tx) => {
        const { sicht, einstellungen } = await repo.sichtUndEinstellungen(tx, akteur);
        const v = await repo.vorgang(tx, sicht, vorgangId);
        if (!v) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
        const frueher = schluessel ? await repo.idempotenz(tx, OP, schluessel) : null;
        if (!frueher) pruefeOffenFuerInhalt(v);
        return { frueher, einstellungen, sicht };
      });
      if (frueher) return wiederholung(req, m, frueher, vorgangId, 'vorgang');

      const upload = await empfange(req, einstellungen.maxUploadGroesse, einstellungen.erlaubteFormate, METADATEN_FELDER, { vorgangId });
      const teilSpools: Spool[] = [];
      const keys: string[] = [];
      // before the Anlagen' ids: filing order (id order) puts the mail first
      const id = uuidv7();
      try {
        let anlagen: Teil[] = [];
        let felder: Record<string, string | undefined> = upload.felder;
        if (istMail(upload.mimeType)) {
          if (upload.datei.groesse > grenzen.maxGroesse) throw new DokumentFehler.MailUnzulaessig(`E-Mails über ${grenzen.maxGroesse} Bytes werden nicht zerlegt`);
          const bytes = await readFile(upload.datei.pfad);
          let zerlegt;
          try {
            zerlegt = await zerlegeMail(bytes, upload.mimeType, 1, { teile: 0, bytes: 0, alle: teilSpools, max: einstellungen.maxUploadGroesse, erlaubt: einstellungen.erlaubteFormate });
          } catch (err) {
            if (err instanceof DokumentFehler.Schadsoftware) await meldeSchadsoftware(req, err, { vorgangId, anlage: (err as { anlage?: string }).anlage ?? null, dateiname: upload.datei.dateiname });
            throw err;
          }
          anlagen = zerlegt.kinder;
          // the form wins where it says something; the mail fills the rest
          const ausMail = mailMeta(zerlegt.mail);
          felder = { ...ausMail, betreff: ausMail.betreff ?? '(ohne Betreff)', ...Object.fromEntries(Object.entries(upload.felder).filter(([, w]) => w.trim() !== '')) };
        }
        const meta = pruefeFelder(metadatenSchema, felder as Record<string, string>);
        const empfaenger = istMail(upload.mimeType) && !('empfaenger' in upload.felder) ? (felder.empfaenger ?? undefined) : undefined;
        const key = await speichere(req, m, upload.datei, upload.mimeType);
        keys.push(key);
        try {
          await speichereTeile(req, m, anlagen, keys);
          await festschreiben(req, key, () =>
            db.withMandant(m, async (tx) => {
              // share-lock Vorgang and Akte: a concurrent z.d.A. waits for this commit
              const v = await repo.vorgang(tx, sicht, vorgangId, true);
              if (!v) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
              pruefeOffenFuerInhalt(v);
              await repo.neuesDokument(
                tx,
                { id, mandantId: m, vorgangId, ...meta, ...(empfaenger ? { empfaenger } : {}), erstelltVon: akteur.sub },
                {
                  mandantId: m,
                  dokumentId: id,
                  nr: 1,
                  speicherschluessel: key,
                  groesse: upload.datei.groesse,
                  sha256: upload.datei.sha256,
                  mimeType: upload.mimeType,
                  dateiname: upload.datei.dateiname,
                  erstelltVon: akteur.sub,
                },
              );
              if (schluessel) await repo.merkeIdempotenz(tx, { mandantId: m, operation: OP, schluessel, dokumentId: id, versionNr: 1 });
              if (textExtrahierbar(upload.mimeType)) await repo.beauftrageTextextraktion(tx, m, id, 1);
              await protokolliere(tx, akteurOf(req), {
                aktion: 'dokument.erstellt',
                objektTyp: 'dokument',
                objektId: id,
                aktenzeichen: v.aktenzeichen,
                akteId: v.akteId,
                details: { vorgangId, versionNr: 1, groesse: upload.datei.groesse, sha256: upload.datei.sha256, mimeType: upload.mimeType, dateiname: upload.datei.dateiname, betreff: meta.betreff, ...(anlagen.length ? { anlagen: zaehle(anlagen) } : {}) },
              });
              await schreibeTeile(tx, req, { m, vorgangId, aktenzeichen: v.aktenzeichen, akteId: v.akteId }, id, anlagen);
            }),
          );
        } catch (err) {
          // the Anlagen's objects go with the mail's (festschreiben removed the mail's own)
          for (const k of keys.slice(1)) await storage.remove(k).catch((e: unknown) => req.log.warn({ err: e, key: k }, 'orphan left for the sweeper'));
          // a concurrent request with the same key won: answer with its result
          if (schluessel && istEindeutigkeitsverletzung(err, 'idempotenz_pk')) {
            const sieger = await db.withMandant(m, (tx) => repo.idempotenz(tx, OP, schluessel));
            if (sieger) return wiederholung(req, m, sieger, vorgangId, 'vorgang');
          }
          throw err;
        }
        return { dokumentId: id, versionNr: 1, wiederholt: false };
      } catch (err) {
        // stored before the failure (e.g. while storing the Anlagen): nothing may stay behind
        for (const k of keys) await storage.remove(k).catch(() => {});
        throw err;
      } finally {
        await upload.datei.entfernen();
        for (const t of teilSpools) await t.entfernen();
      }
    },

    /** POST /dokumente/{id}/versionen */
    async neueVersion(req: FastifyRequest, dokumentId: string, schluessel: string | undefined): Promise<Ergebnis> {
      const akteur = akteurOf(req);
      const m = akteur.mandantId;
      const OP = 'createDokumentVersion';
      const { frueher, einstellungen, sicht } = await db.withMandant(m, async (tx) => {
        const { sicht, einstellungen } = await repo.sichtUndEinstellungen(tx, akteur);
        const dok = await repo.dokument(tx, sicht, dokumentId);
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        const frueher = schluessel ? await repo.idempotenz(tx, OP, schluessel) : null;
        if (!frueher) pruefeOffenFuerInhalt(dok.kontext);
        return { frueher, einstellungen, sicht };
      });
      if (frueher) return wiederholung(req, m, frueher, dokumentId, 'dokument');

      const upload = await empfange(req, einstellungen.maxUploadGroesse, einstellungen.erlaubteFormate, [], { dokumentId });
      try {
        const key = await speichere(req, m, upload.datei, upload.mimeType);
        let nr = 0;
        try {
          await festschreiben(req, key, () =>
            db.withMandant(m, async (tx) => {
              const dok = await repo.dokument(tx, sicht, dokumentId, true);
              if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
              pruefeOffenFuerInhalt(dok.kontext);
              nr = dok.aktuelleVersion + 1;
              await repo.neueVersion(tx, dokumentId, {
                mandantId: m,
                dokumentId,
                nr,
                speicherschluessel: key,
                groesse: upload.datei.groesse,
                sha256: upload.datei.sha256,
                mimeType: upload.mimeType,
                dateiname: upload.datei.dateiname,
                erstelltVon: akteur.sub,
              });
              if (schluessel) await repo.merkeIdempotenz(tx, { mandantId: m, operation: OP, schluessel, dokumentId, versionNr: nr });
              if (textExtrahierbar(upload.mimeType)) await repo.beauftrageTextextraktion(tx, m, dokumentId, nr);
              await protokolliere(tx, akteurOf(req), {
                aktion: 'dokument.version.erstellt',
                objektTyp: 'dokument',
                objektId: dokumentId,
                aktenzeichen: dok.kontext.aktenzeichen,
                akteId: dok.akteId,
                aenderungen: [{ feld: 'aktuelleVersion', alt: dok.aktuelleVersion, neu: nr }],
                details: { versionNr: nr, groesse: upload.datei.groesse, sha256: upload.datei.sha256, mimeType: upload.mimeType, dateiname: upload.datei.dateiname },
              });
            }),
          );
        } catch (err) {
          if (schluessel && istEindeutigkeitsverletzung(err, 'idempotenz_pk')) {
            const sieger = await db.withMandant(m, (tx) => repo.idempotenz(tx, OP, schluessel));
            if (sieger) return wiederholung(req, m, sieger, dokumentId, 'dokument');
          }
          throw err;
        }
        return { dokumentId, versionNr: nr, wiederholt: false };
      } finally {
        await upload.datei.entfernen();
      }
    },
  };

  /**
   * A version the service derived itself (e.g. the Eingangsstempel) from version `basisNr`;
   * 409 when another version was added meanwhile.
   */
  async function abgeleiteteVersion(
    req: FastifyRequest,
    dokumentId: string,
    basisNr: number,
    inhalt: Uint8Array,
    art: { mimeType: string; dateiname: string; herkunft: 'eingangsstempel'; details?: Record<string, unknown> },
  ): Promise<Ergebnis> {
    const akteur = akteurOf(req);
    const m = akteur.mandantId;
    const sha256 = createHash('sha256').update(inhalt).digest('hex');
    const key = neuerSpeicherschluessel(m);
    try {
      await storage.put(key, Buffer.from(inhalt.buffer, inhalt.byteOffset, inhalt.byteLength), inhalt.byteLength, art.mimeType);
    } catch (err) {
      req.log.warn({ err, key }, 'storing a derived version failed');
      await storage.remove(key).catch(() => {});
      throw new Errors.DienstNichtVerfuegbar('Der Objektspeicher ist nicht erreichbar; es wurde nichts gespeichert. Bitte später erneut versuchen.');
    }
    const nr = basisNr + 1;
    await festschreiben(req, key, () =>
      db.withMandant(m, async (tx) => {
        const dok = await repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), dokumentId, true);
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        pruefeOffenFuerInhalt(dok.kontext);
        if (dok.aktuelleVersion !== basisNr) throw new Errors.Konflikt('Inzwischen wurde eine neue Version angelegt; bitte erneut versuchen');
        await repo.neueVersion(tx, dokumentId, {
          mandantId: m,
          dokumentId,
          nr,
          speicherschluessel: key,
          groesse: inhalt.byteLength,
          sha256,
          mimeType: art.mimeType,
          dateiname: art.dateiname,
          herkunft: art.herkunft,
          erstelltVon: akteur.sub,
        });
        if (textExtrahierbar(art.mimeType)) await repo.beauftrageTextextraktion(tx, m, dokumentId, nr);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'dokument.version.erstellt',
          objektTyp: 'dokument',
          objektId: dokumentId,
          aktenzeichen: dok.kontext.aktenzeichen,
          akteId: dok.akteId,
          aenderungen: [{ feld: 'aktuelleVersion', alt: basisNr, neu: nr }],
          details: { versionNr: nr, herkunft: art.herkunft, groesse: inhalt.byteLength, sha256, ...art.details },
        });
      }),
    );
    return { dokumentId, versionNr: nr, wiederholt: false };
  }

  /** The first result of a retried request; 409 when the key was used for another target. */
  async function wiederholung(
    req: FastifyRequest,
    mandantId: string,
    frueher: { dokumentId: string; versionNr: number },
    ziel: string,
    art: 'vorgang' | 'dokument',
  ): Promise<Ergebnis> {
    const dok = await db.withMandant(mandantId, async (tx) => repo.dokument(tx, await repo.sicht(tx, akteurOf(req)), frueher.dokumentId));
    const passt = art === 'vorgang' ? dok?.vorgangId === ziel : dok?.id === ziel;
    if (!passt) throw new DokumentFehler.IdempotenzKonflikt();
    return { dokumentId: frueher.dokumentId, versionNr: frueher.versionNr, wiederholt: true };
  }
}

export type Ablage = ReturnType<typeof createAblage>;
