// Text recognition (OCR) of a scan as a job of Dokumente's job runner (packages/auftraege): OCRmyPDF
// as a child process on temporary files, so a scan of any size streams from storage to disk and back
// and is never held in memory. The result, a PDF/A-2b with a text layer, becomes a further format of
// the same version (dokumente.dokument_format); the scan stays the Primärdokument. Its text replaces
// the version's empty full text. Enqueued at the upload of an image, or by the text extraction of a
// PDF that has no text.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mandantMarke, reiheEin, type Aufgabe } from '@eakte/auftraege';
import { protokollAnhaengen, SYSTEM_AKTEUR } from '@eakte/audit';
import type { Db, Tx } from '@eakte/db';
import { schema, sql } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { bereinige } from '../domain/volltext.js';
import { deuteOcrAusgang, endungFuerOcr, ocrArgumente, ocrUebergangErlaubt, pruefeOcrGrenzen, tiffSeiten, type OcrGrenzen, type OcrZustand } from '../domain/ocr.js';
import { neuerSpeicherschluessel } from '../domain/speicherschluessel.js';
import { vorgangKontext } from '../repositories/akten-api.js';
import { dokumenteRepository } from '../repositories/dokumente.js';
import { pruefePdfA } from '../adapter/pdfa.js';
import { starte, verfuegbarkeit } from '../adapter/programm.js';
import { beauftrageVorschau } from './vorschau.js';

export const AUFGABE_TEXTERKENNUNG = 'texterkennung';
export const MAX_OCR_VERSUCHE = 3;
/** Recognised text beyond this is not indexed (a page of text is a few KB). */
const MAX_TEXT = 16 * 1024 * 1024;

export interface TexterkennungAuftrag {
  mandantId: string;
  dokumentId: string;
  versionNr: number;
}

export interface OcrEinstellungen extends OcrGrenzen {
  /** The OCRmyPDF program (a name on PATH or a path); missing → state `nicht_verfuegbar`. */
  programm: string;
  /** qpdf, for the page count and the password check of a PDF (installed with OCRmyPDF). */
  qpdf: string;
  timeoutMs: number;
  /** Where the temporary files go (room for a scan and its result). */
  verzeichnis: string;
}

/** Marks the version as a scan waiting for OCR and enqueues the job, both in `tx`. */
export async function beauftrageTexterkennung(tx: Tx, a: TexterkennungAuftrag): Promise<void> {
  await tx.insert(schema.texterkennung).values({ mandantId: a.mandantId, dokumentId: a.dokumentId, versionNr: a.versionNr, status: 'ausstehend' }).onConflictDoNothing();
  await reiheEin(tx, 'dokumente', AUFGABE_TEXTERKENNUNG, a, {
    schluessel: `texterkennung:${a.mandantId}:${a.dokumentId}:${a.versionNr}`,
    maxVersuche: MAX_OCR_VERSUCHE,
    marken: [mandantMarke(a.mandantId)],
  });
}

/** Sets the OCR state when the state machine allows it (a finished OCR is never undone). */
export async function setzeOcrZustand(tx: Tx, a: TexterkennungAuftrag, z: OcrZustand): Promise<boolean> {
  const t = schema.texterkennung;
  const alt = await tx
    .select({ status: t.status })
    .from(t)
    .where(and(eq(t.dokumentId, a.dokumentId), eq(t.versionNr, a.versionNr)))
    .for('update');
  const von = alt[0]?.status ?? null;
  if (!ocrUebergangErlaubt(von, z.status)) return false;
  const werte = { status: z.status, seiten: z.seiten ?? null, grund: z.grund ?? null, geaendertAm: sql`now()` };
  await tx
    .insert(t)
    .values({ mandantId: a.mandantId, dokumentId: a.dokumentId, versionNr: a.versionNr, ...werte })
    .onConflictDoUpdate({ target: [t.mandantId, t.dokumentId, t.versionNr], set: werte });
  return true;
}

/** Page count of the scan on disk: PDF by qpdf, TIFF by its IFD chain, other images one page. */
async function seitenZahl(e: OcrEinstellungen, datei: string, mimeType: string): Promise<{ seiten: number } | { zustand: OcrZustand }> {
  if (mimeType === 'application/pdf') {
    const pw = await starte(e.qpdf, ['--requires-password', datei], e.timeoutMs);
    if (pw.fehlt) return { zustand: { status: 'nicht_verfuegbar' } };
    if (pw.code === 0) return { zustand: { status: 'fehler', grund: 'passwortgeschuetzt' } };
    const n = await starte(e.qpdf, ['--show-npages', datei], e.timeoutMs);
    const seiten = Number.parseInt(n.stdout.trim(), 10);
    if (n.code !== 0 && n.code !== 3) return { zustand: { status: 'fehler', grund: 'defekt' } };
    return Number.isFinite(seiten) && seiten >= 1 ? { seiten } : { zustand: { status: 'fehler', grund: 'defekt' } };
  }
  if (mimeType === 'image/tiff') {
    const fh = await open(datei, 'r');
    try {
      const seiten = await tiffSeiten(async (pos, laenge) => {
        const b = Buffer.alloc(laenge);
        const { bytesRead } = await fh.read(b, 0, laenge, pos);
        return b.subarray(0, bytesRead);
      });
      return seiten ? { seiten } : { zustand: { status: 'fehler', grund: 'defekt' } };
    } finally {
      await fh.close();
    }
  }
  return { seiten: 1 };
}

// whether OCRmyPDF runs is asked once per process while it does (its Python start costs as much as a
// fraction of a page)
const programme = verfuegbarkeit(30_000);

/** The task: OCR of one scanned version; run again after a crash it finds the state `fertig` and stops. */
export function texterkennung(opts: {
  db: Db;
  storage: ObjectStore;
  log: FastifyBaseLogger;
  einstellungen: OcrEinstellungen;
  /** Called with the page count of each result that was filed (the OCR pages metric). */
  seitenErkannt?: (seiten: number) => void;
}): Aufgabe<TexterkennungAuftrag> {
  const { db, storage, log, einstellungen: e } = opts;
  const setze = (a: TexterkennungAuftrag, z: OcrZustand) => db.withMandant(a.mandantId, (tx) => setzeOcrZustand(tx, a, z));
  return async (a, k) => {
    const stand = await db.withMandant(a.mandantId, async (tx) => {
      const v = await tx
        .select()
        .from(schema.dokumentVersion)
        .where(and(eq(schema.dokumentVersion.dokumentId, a.dokumentId), eq(schema.dokumentVersion.nr, a.versionNr)))
        .limit(1);
      const z = await tx
        .select({ status: schema.texterkennung.status })
        .from(schema.texterkennung)
        .where(and(eq(schema.texterkennung.dokumentId, a.dokumentId), eq(schema.texterkennung.versionNr, a.versionNr)))
        .limit(1);
      return { version: v[0], status: z[0]?.status ?? null };
    });
    if (!stand.version || stand.status === 'fertig') return;
    const version = stand.version;
    // a state of an earlier try (e.g. nicht_verfuegbar before OCRmyPDF was installed) starts over
    if (stand.status !== 'ausstehend') await setze(a, { status: 'ausstehend' });

    if (!(await programme.frage(e.programm, ['--version']))) {
      log.warn({ programm: e.programm, dokumentId: a.dokumentId }, 'OCR not available: install ocrmypdf and tesseract-ocr-deu');
      await setze(a, { status: 'nicht_verfuegbar' });
      return;
    }
    const vorab = pruefeOcrGrenzen(e, version.groesse, null);
    if (vorab) return void (await setze(a, { status: 'fehler', grund: vorab }));

    const dir = await mkdtemp(path.join(e.verzeichnis || os.tmpdir(), 'eakte-ocr-'));
    try {
      const eingabe = path.join(dir, `scan.${endungFuerOcr(version.mimeType)}`);
      const ausgabe = path.join(dir, 'ergebnis.pdf');
      const textDatei = path.join(dir, 'text.txt');
      await pipeline(await storage.get(version.speicherschluessel), createWriteStream(eingabe, { mode: 0o600 }));

      const s = await seitenZahl(e, eingabe, version.mimeType);
      if ('zustand' in s) return void (await setze(a, s.zustand));
      const grenze = pruefeOcrGrenzen(e, version.groesse, s.seiten);
      if (grenze) return void (await setze(a, { status: 'fehler', grund: grenze }));

      let lauf = await starte(e.programm, ocrArgumente({ eingabe, ausgabe, text: textDatei }), e.timeoutMs, k.signal);
      let ausgang = deuteOcrAusgang(lauf.code, lauf.stderr);
      if (ausgang.art === 'ohne_dpi') {
        lauf = await starte(e.programm, ocrArgumente({ eingabe, ausgabe, text: textDatei, bildDpi: 300 }), e.timeoutMs, k.signal);
        ausgang = deuteOcrAusgang(lauf.code, lauf.stderr);
        if (ausgang.art === 'ohne_dpi') ausgang = { art: 'zustand', zustand: { status: 'fehler', grund: 'defekt' } };
      }
      if (lauf.fehlt) {
        // removed since it was last asked
        programme.vergiss();
        return void (await setze(a, { status: 'nicht_verfuegbar' }));
      }
      if (ausgang.art === 'zustand') {
        log.info({ dokumentId: a.dokumentId, code: lauf.code, zustand: ausgang.zustand }, 'OCR ended without result');
        return void (await setze(a, ausgang.zustand));
      }
      if (ausgang.art === 'erneut') {
        log.warn({ dokumentId: a.dokumentId, code: lauf.code, stderr: lauf.stderr.slice(-2000), versuch: k.versuch }, 'OCR failed');
        if (k.versuch < k.maxVersuche) throw new Error(`ocrmypdf exit ${lauf.code}`);
        return void (await setze(a, { status: 'fehler', grund: 'ocr_fehlgeschlagen' }));
      }

      // what OCRmyPDF claims to have made is checked before it is filed
      const pdfa = await pruefePdfA(e.qpdf, ausgabe, e.timeoutMs);
      if (!pdfa.ok) {
        log.warn({ dokumentId: a.dokumentId, maengel: pdfa.maengel }, 'OCR result is no PDF/A-2b');
        return void (await setze(a, { status: 'fehler', grund: 'pdfa_fehlgeschlagen' }));
      }
      // hashed from disk, then streamed to storage; its row commits only once it is stored
      const groesse = (await stat(ausgabe)).size;
      const hash = createHash('sha256');
      for await (const c of createReadStream(ausgabe)) hash.update(c as Buffer);
      const sha256 = hash.digest('hex');
      const key = neuerSpeicherschluessel(a.mandantId);
      await storage.put(key, createReadStream(ausgabe), groesse, 'application/pdf');
      const roh = await readFile(textDatei, 'utf8').catch(() => '');
      const inhalt = bereinige(roh.slice(0, MAX_TEXT).replace(/\f/g, ' '));
      const basis = version.dateiname.replace(/\.[^.]*$/, '') || 'scan';
      const verworfen = await db.withMandant(a.mandantId, async (tx) => {
        const ort = await tx
          .select({ akteId: vorgangKontext.akteId, vorgangId: vorgangKontext.vorgangId })
          .from(vorgangKontext)
          .innerJoin(schema.dokument, eq(schema.dokument.vorgangId, vorgangKontext.vorgangId))
          .where(eq(schema.dokument.id, a.dokumentId))
          .limit(1);
        if (!ort[0]) return true;
        // the Aussonderung's content removal holds this lock while it lists and deletes an Akte's
        // files: either it is done and the rendition is not kept, or it comes after and removes it too
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('loeschsperre:' || ${ort[0].akteId}::text, 0))`);
        if (await dokumenteRepository.ausgesondert(tx, ort[0].akteId, ort[0].vorgangId)) return true;
        const neu = await tx
          .insert(schema.dokumentFormat)
          .values({
            mandantId: a.mandantId,
            dokumentId: a.dokumentId,
            versionNr: a.versionNr,
            art: 'pdfa_ocr',
            speicherschluessel: key,
            groesse,
            sha256,
            mimeType: 'application/pdf',
            dateiname: `${basis}.pdfa.pdf`.slice(-255),
          })
          .onConflictDoNothing()
          .returning({ art: schema.dokumentFormat.art });
        if (neu.length === 0) return false; // made by an earlier run: its object stays, this one goes to the sweeper
        await tx
          .insert(schema.volltext)
          .values({ mandantId: a.mandantId, dokumentId: a.dokumentId, versionNr: a.versionNr, status: inhalt ? 'extrahiert' : 'kein_text', inhalt: inhalt || null })
          .onConflictDoUpdate({
            target: [schema.volltext.mandantId, schema.volltext.dokumentId, schema.volltext.versionNr],
            set: { status: inhalt ? 'extrahiert' : 'kein_text', inhalt: inhalt || null, erstelltAm: sql`now()` },
          });
        await setzeOcrZustand(tx, a, { status: 'fertig', seiten: s.seiten });
        // a TIFF is previewed from its PDF/A (the other scans have their preview job since the upload)
        if (version.mimeType === 'image/tiff') await beauftrageVorschau(tx, a);
        const vg = await tx
          .select({ akteId: vorgangKontext.akteId, aktenzeichen: vorgangKontext.aktenzeichen })
          .from(vorgangKontext)
          .innerJoin(schema.dokument, eq(schema.dokument.vorgangId, vorgangKontext.vorgangId))
          .where(eq(schema.dokument.id, a.dokumentId))
          .limit(1);
        await protokollAnhaengen(tx, {
          mandantId: a.mandantId,
          akteur: SYSTEM_AKTEUR,
          aktion: 'dokument.format.erstellt',
          objektTyp: 'dokument',
          objektId: a.dokumentId,
          akteId: vg[0]?.akteId ?? null,
          aktenzeichen: vg[0]?.aktenzeichen ?? null,
          details: { versionNr: a.versionNr, art: 'pdfa_ocr', seiten: s.seiten, groesse, sha256 },
        });
        return false;
      });
      if (verworfen) {
        // the content went to the archive or was destroyed meanwhile: no copy of it stays
        log.info({ dokumentId: a.dokumentId }, 'OCR result dropped: the content was removed by the Aussonderung');
        await storage.remove(key);
      } else opts.seitenErkannt?.(s.seiten);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
