// The split of a scan batch as a job of Dokumente's job runner (packages/auftraege): the batch streams
// from storage into a private work folder in the spool directory (never into memory), Ghostscript
// renders each page to a grey image that is measured (share of dark pixels) and read by zbarimg, the pages
// between separator sheets are cut out by qpdf, and every document becomes a Posteingang item (art
// `scan`) with its Transfervermerk — all items in one transaction, so a crash files all or none. The
// items are image-only PDFs: assigned to a Vorgang, they get their OCR like any other scan. A TIFF batch
// is first wrapped page by page into a PDF by img2pdf, losslessly (the scanner's pixels stay as they are).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mandantMarke, reiheEin, type Aufgabe } from '@eakte/auftraege';
import { protokollAnhaengen, SYSTEM_AKTEUR } from '@eakte/audit';
import type { Db, Tx } from '@eakte/db';
import { schema, sql } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { istTrennblatt, type Abschnitt, leseZbar, pgmZaehler, pruefeQualitaet, pruefeScanGrenzen, zerlege, type ScanGrenzen, type ScanGrund } from '../domain/scan.js';
import { neuerSpeicherschluessel } from '../domain/speicherschluessel.js';
import { starte, verfuegbarkeit } from '../adapter/programm.js';
import { scanstapelRepository } from '../repositories/posteingang.js';

export const AUFGABE_SCANSTAPEL = 'scanstapel';
export const MAX_SCAN_VERSUCHE = 3;
/** Work folders of this job in the spool directory (removed by the spool sweeper when a process died). */
export const SCAN_ORDNER_PREFIX = 'eakte-scan-';
/** Resolution of the page images for zbarimg: enough for a QR or Code 128 on a separator sheet. */
const BARCODE_DPI = 150;
/** Pages Ghostscript renders per run (about 2 MB each on disk at that resolution). */
const SEITEN_JE_LAUF = 16;

export interface ScanstapelAuftrag {
  mandantId: string;
  scanstapelId: string;
}

export interface ScanEinstellungen extends ScanGrenzen {
  zbarimg: string;
  ghostscript: string;
  qpdf: string;
  /** Wraps a TIFF batch into a PDF (Debian `img2pdf`); only TIFF batches need it. */
  img2pdf: string;
  timeoutMs: number;
  /** The spool directory; the work folder goes there. */
  verzeichnis: string;
}

/** Enqueues the split of a batch, in the transaction that files it. */
export async function beauftrageZerlegung(tx: Tx, a: ScanstapelAuftrag): Promise<void> {
  await reiheEin(tx, 'dokumente', AUFGABE_SCANSTAPEL, a, {
    schluessel: `scanstapel:${a.mandantId}:${a.scanstapelId}`,
    maxVersuche: MAX_SCAN_VERSUCHE,
    marken: [mandantMarke(a.mandantId)],
  });
}

type Ende = { status: 'fehler'; grund: ScanGrund } | { status: 'nicht_verfuegbar' };

// whether the programs run is asked once per process while they do
const programme = verfuegbarkeit(30_000);

export function scanstapelZerlegung(opts: { db: Db; storage: ObjectStore; log: FastifyBaseLogger; einstellungen: ScanEinstellungen }): Aufgabe<ScanstapelAuftrag> {
  const { db, storage, log, einstellungen: e } = opts;
  const t = schema.scanstapel;

  /** A final state of a failed split, audited; a finished split is never touched. */
  async function beende(a: ScanstapelAuftrag, z: Ende) {
    await db.withMandant(a.mandantId, async (tx) => {
      const rows = await tx
        .update(t)
        .set({ status: z.status, grund: z.status === 'fehler' ? z.grund : null, geaendertAm: sql`now()` })
        .where(and(eq(t.id, a.scanstapelId), eq(t.status, 'ausstehend')))
        .returning({ id: t.id });
      if (rows.length && z.status === 'fehler')
        await protokollAnhaengen(tx, {
          mandantId: a.mandantId,
          akteur: SYSTEM_AKTEUR,
          aktion: 'posteingang.scanstapel.fehler',
          objektTyp: 'scanstapel',
          objektId: a.scanstapelId,
          details: { grund: z.grund },
        });
    });
  }

  return async (a, k) => {
    const stapel = await db.withMandant(a.mandantId, async (tx) => (await tx.select().from(t).where(eq(t.id, a.scanstapelId)).limit(1))[0]);
    if (!stapel || stapel.status === 'fertig') return;
    if (stapel.status !== 'ausstehend') {
      // an earlier try (e.g. before zbar-tools was installed) starts over
      await db.withMandant(a.mandantId, (tx) =>
        tx
          .update(t)
          .set({ status: 'ausstehend', grund: null, geaendertAm: sql`now()` })
          .where(eq(t.id, a.scanstapelId)),
      );
    }
    const tiff = stapel.mimeType === 'image/tiff';
    const da = await Promise.all([
      programme.frage(e.zbarimg, ['--version']),
      programme.frage(e.ghostscript, ['--version']),
      programme.frage(e.qpdf, ['--version']),
      tiff ? programme.frage(e.img2pdf, ['--version']) : true,
    ]);
    if (da.includes(false)) {
      log.warn(
        { zbarimg: da[0], ghostscript: da[1], qpdf: da[2], img2pdf: da[3], scanstapelId: a.scanstapelId },
        'scan batch split not available: install zbar-tools, ghostscript and qpdf (and img2pdf for TIFF batches)',
      );
      return void (await beende(a, { status: 'nicht_verfuegbar' }));
    }
    const vorab = pruefeScanGrenzen(e, stapel.groesse, null);
    if (vorab) return void (await beende(a, { status: 'fehler', grund: vorab }));

    await mkdir(e.verzeichnis, { recursive: true, mode: 0o700 });
    const dir = await mkdtemp(path.join(e.verzeichnis, SCAN_ORDNER_PREFIX));
    const gespeichert: string[] = [];
    try {
      const eingabe = path.join(dir, 'stapel.pdf');
      const hochgeladen = tiff ? path.join(dir, 'stapel.tif') : eingabe;
      await pipeline(await storage.get(stapel.speicherschluessel), createWriteStream(hochgeladen, { mode: 0o600 }));
      if (tiff) {
        // each TIFF page becomes a PDF page with the same image data (CCITT and JPEG as they are, others
        // recompressed without loss), so the documents cut from it keep the scanner's pixels
        const w = await starte(e.img2pdf, ['--output', eingabe, hochgeladen], e.timeoutMs, k.signal);
        await rm(hochgeladen, { force: true });
        if (w.code !== 0) {
          log.info({ scanstapelId: a.scanstapelId, code: w.code, stderr: w.stderr.slice(-1000) }, 'TIFF scan batch not readable by img2pdf');
          return void (await beende(a, { status: 'fehler', grund: 'defekt' }));
        }
      }

      const pw = await starte(e.qpdf, ['--requires-password', eingabe], e.timeoutMs, k.signal);
      if (pw.code === 0) return void (await beende(a, { status: 'fehler', grund: 'passwortgeschuetzt' }));
      const n = await starte(e.qpdf, ['--show-npages', eingabe], e.timeoutMs, k.signal);
      const seiten = Number.parseInt(n.stdout.trim(), 10);
      if ((n.code !== 0 && n.code !== 3) || !Number.isFinite(seiten) || seiten < 1) return void (await beende(a, { status: 'fehler', grund: 'defekt' }));
      const grenze = pruefeScanGrenzen(e, stapel.groesse, seiten);
      if (grenze) return void (await beende(a, { status: 'fehler', grund: grenze }));

      // the pages as grey images, a few at a time (disk stays small for a long batch): each is
      // measured (share of dark pixels) and read by zbarimg, then removed
      const bilder = path.join(dir, 'seiten');
      await mkdir(bilder);
      const trenn: boolean[] = [];
      const deckungen: number[] = [];
      for (let von = 1; von <= seiten; von += SEITEN_JE_LAUF) {
        const bis = Math.min(seiten, von + SEITEN_JE_LAUF - 1);
        const r = await starte(
          e.ghostscript,
          ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pgmraw', `-r${BARCODE_DPI}`, `-dFirstPage=${von}`, `-dLastPage=${bis}`, '-o', path.join(bilder, 's-%06d.pgm'), eingabe],
          e.timeoutMs,
          k.signal,
        );
        const dateien = (await readdir(bilder)).filter((d) => d.endsWith('.pgm')).sort();
        if (r.code !== 0 || dateien.length !== bis - von + 1) {
          log.info({ scanstapelId: a.scanstapelId, code: r.code, stderr: r.stderr.slice(-1000) }, 'scan batch not readable by Ghostscript');
          return void (await beende(a, { status: 'fehler', grund: 'defekt' }));
        }
        for (const d of dateien) {
          const bild = path.join(bilder, d);
          const zaehler = pgmZaehler();
          for await (const c of createReadStream(bild, { highWaterMark: 256 * 1024 })) zaehler.schreibe(c as Buffer);
          deckungen.push(zaehler.anteil());
          const z = await starte(e.zbarimg, ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', '-Scode128.enable', bild], e.timeoutMs, k.signal);
          const codes = leseZbar(z.code, z.stdout);
          if (codes === null) throw new Error(`zbarimg exit ${z.code}: ${z.stderr.slice(-500)}`);
          trenn.push(istTrennblatt(codes));
          await rm(bild, { force: true });
        }
      }
      const abschnitte = zerlege(trenn);
      if (abschnitte.length === 0) return void (await beende(a, { status: 'fehler', grund: 'keine_dokumente' }));

      // each document cut out, hashed from disk and stored; the rows commit only once all are stored
      const basis = stapel.dateiname.replace(/\.[^.]*$/, '') || 'scan';
      const dokumente: (Abschnitt & ReturnType<typeof pruefeQualitaet> & { id: string; key: string; groesse: number; sha256: string; dateiname: string })[] = [];
      for (const [i, ab] of abschnitte.entries()) {
        const datei = path.join(dir, `dokument-${i + 1}.pdf`);
        const q = await starte(e.qpdf, ['--empty', '--pages', eingabe, `${ab.ersteSeite}-${ab.letzteSeite}`, '--', datei], e.timeoutMs, k.signal);
        if (q.code !== 0 && q.code !== 3) throw new Error(`qpdf exit ${q.code}: ${q.stderr.slice(-500)}`);
        const groesse = (await stat(datei)).size;
        const hash = createHash('sha256');
        for await (const c of createReadStream(datei)) hash.update(c as Buffer);
        const key = neuerSpeicherschluessel(a.mandantId);
        await storage.put(key, createReadStream(datei), groesse, 'application/pdf');
        gespeichert.push(key);
        await rm(datei, { force: true });
        dokumente.push({
          id: uuidv7(),
          key,
          groesse,
          sha256: hash.digest('hex'),
          ...ab,
          dateiname: `${basis}-${i + 1}.pdf`.slice(-255),
          ...pruefeQualitaet(deckungen.slice(ab.ersteSeite - 1, ab.letzteSeite)),
        });
      }

      const gefiled = await db.withMandant(a.mandantId, async (tx) => {
        const jetzt = (await tx.select({ status: t.status }).from(t).where(eq(t.id, a.scanstapelId)).for('update'))[0];
        // split by another run meanwhile (a job taken twice after a lost lease): that one counts
        if (jetzt?.status !== 'ausstehend') return false;
        for (const [i, d] of dokumente.entries()) {
          const betreff = dokumente.length > 1 ? `${stapel.betreff} (${i + 1}/${dokumente.length})`.slice(0, 500) : stapel.betreff;
          await tx.insert(schema.posteingangEintrag).values({
            id: d.id,
            mandantId: a.mandantId,
            art: 'scan',
            betreff,
            absender: stapel.absender,
            eingangsdatum: stapel.eingangsdatum,
            speicherschluessel: d.key,
            groesse: d.groesse,
            sha256: d.sha256,
            mimeType: 'application/pdf',
            dateiname: d.dateiname,
            eingegangenVon: stapel.eingegangenVon,
          });
          await tx.insert(schema.transfervermerk).values({
            eintragId: d.id,
            mandantId: a.mandantId,
            scanstapelId: a.scanstapelId,
            position: i + 1,
            ersteSeite: d.ersteSeite,
            letzteSeite: d.letzteSeite,
            qualitaet: d.qualitaet,
            befunde: d.befunde,
          });
          await protokollAnhaengen(tx, {
            mandantId: a.mandantId,
            akteur: SYSTEM_AKTEUR,
            aktion: 'posteingang.eingegangen',
            objektTyp: 'posteingang',
            objektId: d.id,
            details: {
              art: 'scan',
              groesse: d.groesse,
              sha256: d.sha256,
              mimeType: 'application/pdf',
              dateiname: d.dateiname,
              betreff,
              transfervermerk: {
                scanstapelId: a.scanstapelId,
                stapelSha256: stapel.sha256,
                position: i + 1,
                ersteSeite: d.ersteSeite,
                letzteSeite: d.letzteSeite,
                seiten: d.letzteSeite - d.ersteSeite + 1,
                gescanntVon: stapel.gescanntVon,
                gescanntAm: stapel.gescanntAm.toISOString(),
                geraet: stapel.geraet,
                profil: stapel.profil,
                original: stapel.original,
                vernichtbarAb: stapel.vernichtbarAb,
                qualitaet: d.qualitaet,
                befunde: d.befunde,
              },
            },
          });
        }
        await tx
          .update(t)
          .set({ status: 'fertig', grund: null, seiten, geaendertAm: sql`now()` })
          .where(eq(t.id, a.scanstapelId));
        await protokollAnhaengen(tx, {
          mandantId: a.mandantId,
          akteur: SYSTEM_AKTEUR,
          aktion: 'posteingang.scanstapel.zerlegt',
          objektTyp: 'scanstapel',
          objektId: a.scanstapelId,
          details: { seiten, trennblaetter: trenn.filter(Boolean).length, eintraege: dokumente.map((d) => d.id) },
        });
        return true;
      });
      if (!gefiled) await Promise.all(gespeichert.map((key) => storage.remove(key).catch(() => undefined)));
      gespeichert.length = 0;
    } catch (err) {
      // what this run stored is not referenced: removed now, or by the storage sweeper later
      await Promise.all(gespeichert.map((key) => storage.remove(key).catch(() => undefined)));
      if (k.versuch < k.maxVersuche) throw err;
      log.warn({ err, scanstapelId: a.scanstapelId }, 'scan batch split failed for good');
      await beende(a, { status: 'fehler', grund: 'zerlegung_fehlgeschlagen' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/**
 * Retention of stored batches (a round of the sweeper): a batch's object is the working copy of its
 * split. Once split, every document assigned and `aufbewahrungMs` past the last assignment, the object is
 * removed; the row — SHA-256, Transfervermerke — and the audit trail stay as the evidence that ties each
 * document to the pages it was cut from (the pages themselves are in the documents, unchanged). A failed
 * batch keeps its object: it may be the only copy of paper that may be destroyed. The database refuses the
 * removal mark for a batch not split or with an unassigned document (migration 0062).
 */
export async function raeumeScanstapel(opts: {
  db: Db;
  storage: ObjectStore;
  log: FastifyBaseLogger;
  aufbewahrungMs: number;
  jetzt?: number;
  /** Only this tenant's batches (tests), default all. */
  mandantId?: string;
}): Promise<string[]> {
  const vor = new Date((opts.jetzt ?? Date.now()) - opts.aufbewahrungMs);
  const mandanten = opts.mandantId ? [{ id: opts.mandantId }] : await opts.db.alsPlattformbetrieb((tx) => tx.select({ id: schema.mandant.id }).from(schema.mandant));
  const entfernt: string[] = [];
  for (const { id: mandantId } of mandanten) {
    try {
      for (;;) {
        // marked and audited first, the object removed after the commit: a crash in between leaves an
        // object no row counts as stored, which the storage sweeper removes
        const runde = await opts.db.withMandant(mandantId, async (tx) => {
          const faellig = await scanstapelRepository.ablaufend(tx, vor, 100);
          for (const s of faellig) {
            await scanstapelRepository.inhaltEntfernt(tx, s.id);
            await protokollAnhaengen(tx, {
              mandantId,
              akteur: SYSTEM_AKTEUR,
              aktion: 'posteingang.scanstapel.inhalt_entfernt',
              objektTyp: 'scanstapel',
              objektId: s.id,
              details: { sha256: s.sha256, aufbewahrungTage: Math.round(opts.aufbewahrungMs / 86_400_000) },
            });
          }
          return faellig;
        });
        for (const s of runde) {
          await opts.storage.remove(s.speicherschluessel).catch((err: unknown) => opts.log.warn({ err, scanstapelId: s.id }, 'scan batch object not removed; the storage sweeper will'));
          entfernt.push(s.id);
        }
        if (runde.length < 100) break;
      }
    } catch (err) {
      opts.log.warn({ err, mandantId }, 'retention of scan batches failed for a tenant');
    }
  }
  if (entfernt.length) opts.log.info({ anzahl: entfernt.length }, 'scan batch objects removed after their retention');
  return entfernt;
}
