// The preview of a version as a job of Dokumente's job runner (packages/auftraege): an Office document
// becomes a PDF by headless LibreOffice, the first page of a PDF becomes a thumbnail and a page image by
// pdftoppm (poppler-utils). Everything runs on temporary files, so a file of any size streams from
// storage to disk and back. The results are formats of the version (dokumente.dokument_format), never
// the Primärdokument. Enqueued at the upload of a PDF, image or Office document, and by the OCR of a
// TIFF (whose preview is made of its PDF/A).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mandantMarke, reiheEin, type Aufgabe } from '@eakte/auftraege';
import { protokollAnhaengen, SYSTEM_AKTEUR } from '@eakte/audit';
import type { Db, Tx } from '@eakte/db';
import { schema, sql } from '@eakte/db';
import type { Formatart } from '@eakte/db/schema';
import type { ObjectStore } from '@eakte/storage';
import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import {
  deutePopplerFehler,
  endungFuerOffice,
  MINIATUR_BREITE,
  officeArgumente,
  SEITEN_BREITE,
  seitenArgumente,
  seitenAusPdfinfo,
  vorschauUebergangErlaubt,
  vorschauweg,
  type VorschauZustand,
} from '../domain/vorschau.js';
import { neuerSpeicherschluessel } from '../domain/speicherschluessel.js';
import { vorgangKontext } from '../repositories/akten-api.js';
import { dokumenteRepository } from '../repositories/dokumente.js';
import { starte, verfuegbarkeit, type Lauf } from '../adapter/programm.js';

// a preview can wait: its programs run at a lower CPU priority, so the OCR of the next scans (on the
// same cores) is not slowed by the previews of the last ones
const NACHRANGIG = { nachrangig: true };

export const AUFGABE_VORSCHAU = 'vorschau';
export const MAX_VORSCHAU_VERSUCHE = 3;

export interface VorschauAuftrag {
  mandantId: string;
  dokumentId: string;
  versionNr: number;
}

export interface VorschauEinstellungen {
  /** LibreOffice (`soffice`), for Office documents; missing → `nicht_verfuegbar` for those. */
  libreoffice: string;
  /** poppler-utils' pdftoppm and pdfinfo; missing → `nicht_verfuegbar`. */
  pdftoppm: string;
  pdfinfo: string;
  /** Files above this are not previewed (`zu_gross`); an image is wrapped in memory, so it has its own limit. */
  maxGroesse: number;
  maxBildGroesse: number;
  /** One program run is stopped (its process group killed) after this long: `zeitueberschreitung`. */
  timeoutMs: number;
  verzeichnis: string;
}

/** Marks the version's preview as waiting and enqueues the job, both in `tx`. */
export async function beauftrageVorschau(tx: Tx, a: VorschauAuftrag): Promise<void> {
  await tx.insert(schema.vorschau).values({ mandantId: a.mandantId, dokumentId: a.dokumentId, versionNr: a.versionNr, status: 'ausstehend' }).onConflictDoNothing();
  await reiheEin(tx, 'dokumente', AUFGABE_VORSCHAU, a, {
    schluessel: `vorschau:${a.mandantId}:${a.dokumentId}:${a.versionNr}`,
    maxVersuche: MAX_VORSCHAU_VERSUCHE,
    marken: [mandantMarke(a.mandantId)],
  });
}

async function setzeVorschauZustand(tx: Tx, a: VorschauAuftrag, z: VorschauZustand): Promise<boolean> {
  const t = schema.vorschau;
  const alt = await tx
    .select({ status: t.status })
    .from(t)
    .where(and(eq(t.dokumentId, a.dokumentId), eq(t.versionNr, a.versionNr)))
    .for('update');
  if (!vorschauUebergangErlaubt(alt[0]?.status ?? null, z.status)) return false;
  const werte = { status: z.status, seiten: z.seiten ?? null, grund: z.grund ?? null, geaendertAm: sql`now()` };
  await tx
    .insert(t)
    .values({ mandantId: a.mandantId, dokumentId: a.dokumentId, versionNr: a.versionNr, ...werte })
    .onConflictDoUpdate({ target: [t.mandantId, t.dokumentId, t.versionNr], set: werte });
  return true;
}

// whether a program runs is asked once per process while it does
const programme = verfuegbarkeit(60_000);

/** A run killed by the timeout (not by the job's abort) ends without exit code. */
const abgelaufen = (l: Lauf, signal?: AbortSignal) => l.code === null && !l.fehlt && !signal?.aborted;

async function hasheDatei(datei: string) {
  const hash = createHash('sha256');
  for await (const c of createReadStream(datei)) hash.update(c as Buffer);
  return { sha256: hash.digest('hex'), groesse: (await stat(datei)).size };
}

/** The task: the preview of one version; run again after a crash it finds the state `fertig` and stops. */
export function vorschau(opts: { db: Db; storage: ObjectStore; log: FastifyBaseLogger; einstellungen: VorschauEinstellungen }): Aufgabe<VorschauAuftrag> {
  const { db, storage, log, einstellungen: e } = opts;
  const setze = (a: VorschauAuftrag, z: VorschauZustand) => db.withMandant(a.mandantId, (tx) => setzeVorschauZustand(tx, a, z));
  const erstelle: Aufgabe<VorschauAuftrag> = async (a, k) => {
    const stand = await db.withMandant(a.mandantId, async (tx) => {
      const v = await tx
        .select()
        .from(schema.dokumentVersion)
        .where(and(eq(schema.dokumentVersion.dokumentId, a.dokumentId), eq(schema.dokumentVersion.nr, a.versionNr)))
        .limit(1);
      const z = await tx
        .select({ status: schema.vorschau.status })
        .from(schema.vorschau)
        .where(and(eq(schema.vorschau.dokumentId, a.dokumentId), eq(schema.vorschau.versionNr, a.versionNr)))
        .limit(1);
      // a TIFF is previewed from the PDF/A its OCR made
      const ocr = await dokumenteRepository.format(tx, a.dokumentId, a.versionNr, 'pdfa_ocr');
      return { version: v[0], status: z[0]?.status ?? null, ocr };
    });
    if (!stand.version || stand.status === 'fertig') return;
    const version = stand.version;
    const quelle = stand.ocr && vorschauweg(version.mimeType) !== 'office' && version.mimeType !== 'application/pdf' ? stand.ocr : version;
    const weg = vorschauweg(quelle.mimeType);
    if (!weg) return;
    if (stand.status !== 'ausstehend') await setze(a, { status: 'ausstehend' });

    const poppler = await programme.frage(e.pdftoppm, ['-v']);
    const office = weg !== 'office' || (await programme.frage(e.libreoffice, ['--version']));
    if (!poppler || !office) {
      log.warn({ dokumentId: a.dokumentId, weg }, 'preview not available: install poppler-utils and libreoffice-writer-nogui / libreoffice-calc-nogui');
      return void (await setze(a, { status: 'nicht_verfuegbar' }));
    }
    if (quelle.groesse > e.maxGroesse || (weg === 'bild' && quelle.groesse > e.maxBildGroesse)) return void (await setze(a, { status: 'fehler', grund: 'zu_gross' }));

    // the OCR's sweeper removes the folder of a process that died meanwhile
    const dir = await mkdtemp(path.join(e.verzeichnis || os.tmpdir(), 'eakte-ocr-vorschau-'));
    try {
      const eingabe = path.join(dir, weg === 'office' ? `dokument.${endungFuerOffice(quelle.mimeType)}` : weg === 'bild' ? 'bild' : 'dokument.pdf');
      await pipeline(await storage.get(quelle.speicherschluessel), createWriteStream(eingabe, { mode: 0o600 }));
      let pdf = eingabe;
      if (weg === 'office') {
        const aus = path.join(dir, 'pdf');
        await mkdir(aus);
        const lauf = await starte(e.libreoffice, officeArgumente({ eingabe, ausgabeVerzeichnis: aus, profil: path.join(dir, 'profil') }), e.timeoutMs, k.signal, NACHRANGIG);
        if (lauf.fehlt) {
          programme.vergiss();
          return void (await setze(a, { status: 'nicht_verfuegbar' }));
        }
        if (abgelaufen(lauf, k.signal)) return void (await setze(a, { status: 'fehler', grund: 'zeitueberschreitung' }));
        // LibreOffice answers 0 also when it could not read the file: only the PDF it wrote counts
        const name = (await readdir(aus)).find((n) => n.endsWith('.pdf'));
        if (!name) {
          log.info({ dokumentId: a.dokumentId, code: lauf.code, stderr: lauf.stderr.slice(-2000) }, 'LibreOffice made no PDF');
          return void (await setze(a, { status: 'fehler', grund: /password/i.test(lauf.stderr) ? 'passwortgeschuetzt' : 'defekt' }));
        }
        pdf = path.join(aus, name);
      } else if (weg === 'bild') {
        // a PNG or JPEG (bounded by maxBildGroesse) as one page of its own size for pdftoppm
        pdf = path.join(dir, 'bild.pdf');
        try {
          const roh = await readFile(eingabe);
          const doc = await PDFDocument.create();
          const bild = quelle.mimeType === 'image/png' ? await doc.embedPng(roh) : await doc.embedJpg(roh);
          doc.addPage([bild.width, bild.height]).drawImage(bild, { x: 0, y: 0, width: bild.width, height: bild.height });
          await writeFile(pdf, await doc.save(), { mode: 0o600 });
        } catch (err) {
          log.info({ dokumentId: a.dokumentId, err }, 'image not readable for the preview');
          return void (await setze(a, { status: 'fehler', grund: 'defekt' }));
        }
      }

      const info = await starte(e.pdfinfo, [pdf], e.timeoutMs, k.signal, NACHRANGIG);
      if (abgelaufen(info, k.signal)) return void (await setze(a, { status: 'fehler', grund: 'zeitueberschreitung' }));
      const seiten = info.code === 0 ? seitenAusPdfinfo(info.stdout) : null;
      if (!seiten) return void (await setze(a, { status: 'fehler', grund: deutePopplerFehler(info.stderr) }));

      const bilder: { art: Formatart; datei: string; breite: number }[] = [
        { art: 'vorschau_miniatur', datei: path.join(dir, 'miniatur'), breite: MINIATUR_BREITE },
        { art: 'vorschau_seite', datei: path.join(dir, 'seite'), breite: SEITEN_BREITE },
      ];
      for (const b of bilder) {
        const lauf = await starte(e.pdftoppm, seitenArgumente({ eingabe: pdf, ausgabeOhneEndung: b.datei, breite: b.breite }), e.timeoutMs, k.signal, NACHRANGIG);
        if (lauf.fehlt) {
          programme.vergiss();
          return void (await setze(a, { status: 'nicht_verfuegbar' }));
        }
        if (abgelaufen(lauf, k.signal)) return void (await setze(a, { status: 'fehler', grund: 'zeitueberschreitung' }));
        if (lauf.code !== 0) {
          log.warn({ dokumentId: a.dokumentId, code: lauf.code, stderr: lauf.stderr.slice(-2000), versuch: k.versuch }, 'pdftoppm failed');
          if (k.versuch < k.maxVersuche) throw new Error(`pdftoppm exit ${lauf.code}`);
          return void (await setze(a, { status: 'fehler', grund: 'vorschau_fehlgeschlagen' }));
        }
      }

      const basis = version.dateiname.replace(/\.[^.]*$/, '') || 'dokument';
      const dateien = [
        ...(weg === 'office' ? [{ art: 'vorschau_pdf' as const, datei: pdf, mimeType: 'application/pdf', name: `${basis}.pdf` }] : []),
        ...bilder.map((b) => ({ art: b.art, datei: `${b.datei}.png`, mimeType: 'image/png', name: `${basis}.${b.art === 'vorschau_miniatur' ? 'miniatur' : 'seite-1'}.png` })),
      ];
      // hashed from disk, then streamed to storage; the rows commit only once all are stored
      const gespeichert: { art: Formatart; key: string; groesse: number; sha256: string; mimeType: string; name: string }[] = [];
      for (const d of dateien) {
        const { sha256, groesse } = await hasheDatei(d.datei);
        const key = neuerSpeicherschluessel(a.mandantId);
        gespeichert.push({ art: d.art, key, groesse, sha256, mimeType: d.mimeType, name: d.name.slice(-255) });
        await storage.put(key, createReadStream(d.datei), groesse, d.mimeType);
      }
      const verworfen = await db.withMandant(a.mandantId, async (tx) => {
        const ort = await tx
          .select({ akteId: vorgangKontext.akteId, vorgangId: vorgangKontext.vorgangId, aktenzeichen: vorgangKontext.aktenzeichen })
          .from(vorgangKontext)
          .innerJoin(schema.dokument, eq(schema.dokument.vorgangId, vorgangKontext.vorgangId))
          .where(eq(schema.dokument.id, a.dokumentId))
          .limit(1);
        if (!ort[0]) return true;
        // the lock the Aussonderung's content removal holds (as for the OCR's rendition)
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('loeschsperre:' || ${ort[0].akteId}::text, 0))`);
        if (await dokumenteRepository.ausgesondert(tx, ort[0].akteId, ort[0].vorgangId)) return true;
        const neu = await tx
          .insert(schema.dokumentFormat)
          .values(
            gespeichert.map((g) => ({
              mandantId: a.mandantId,
              dokumentId: a.dokumentId,
              versionNr: a.versionNr,
              art: g.art,
              speicherschluessel: g.key,
              groesse: g.groesse,
              sha256: g.sha256,
              mimeType: g.mimeType,
              dateiname: g.name,
            })),
          )
          .onConflictDoNothing()
          .returning({ art: schema.dokumentFormat.art });
        if (neu.length === 0) return false; // made by an earlier run: these objects go to the sweeper
        await setzeVorschauZustand(tx, a, { status: 'fertig', seiten });
        await protokollAnhaengen(tx, {
          mandantId: a.mandantId,
          akteur: SYSTEM_AKTEUR,
          aktion: 'dokument.vorschau.erstellt',
          objektTyp: 'dokument',
          objektId: a.dokumentId,
          akteId: ort[0].akteId,
          aktenzeichen: ort[0].aktenzeichen,
          details: { versionNr: a.versionNr, arten: gespeichert.map((g) => g.art), seiten },
        });
        return false;
      });
      if (verworfen) {
        log.info({ dokumentId: a.dokumentId }, 'preview dropped: the content was removed by the Aussonderung');
        for (const g of gespeichert) await storage.remove(g.key);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  return async (a, k) => {
    try {
      await erstelle(a, k);
    } catch (err) {
      // whatever failed (storage, database, a program), the last attempt ends with the version marked:
      // a job given up would leave the preview `ausstehend` for good; a stopped process' run is retried
      if (k.versuch < k.maxVersuche || k.signal?.aborted) throw err;
      log.warn({ err, auftrag: k.auftragId, dokumentId: a.dokumentId }, 'preview failed for good');
      await setze(a, { status: 'fehler', grund: 'vorschau_fehlgeschlagen' });
    }
  };
}
