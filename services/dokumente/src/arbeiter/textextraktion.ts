// Text extraction as background work, off the request path: a job of Dokumente's job runner
// (packages/auftraege), enqueued in the transaction that stores the version, so it exists exactly when
// the version does. The task extracts the text inside the job's tenant transaction and stores it for
// full-text search with the `german` configuration. A failing job is tried three times, then marked `fehler`.
import { mandantMarke, reiheEin, type Aufgabe, type SqlAusfuehrer } from '@eakte/auftraege';
import type { Db } from '@eakte/db';
import { schema, sql } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { bereinige, textAusBytes } from '../domain/volltext.js';
import { pdfText } from '../pdf/text.js';
import { istMail, leseMail } from '../adapter/mail.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';
import { pdfFehlerGrund, type OcrGrund } from '../domain/ocr.js';
import { beauftrageTexterkennung, setzeOcrZustand } from './texterkennung.js';

export const AUFGABE_TEXTEXTRAKTION = 'textextraktion';
/** Attempts before a version is marked `fehler` (also in migration 0037 and `lege_systemdokument_ab`). */
export const MAX_VERSUCHE = 3;
/** Larger objects are not read whole for extraction. */
export const MAX_TEXTEXTRAKTION = 64 * 1024 * 1024;

export interface TextextraktionAuftrag {
  mandantId: string;
  dokumentId: string;
  versionNr: number;
}

/** Enqueues the extraction of one version in `tx` (one job per version). */
export async function reiheTextextraktionEin(tx: SqlAusfuehrer, a: TextextraktionAuftrag): Promise<void> {
  await reiheEin(tx, 'dokumente', AUFGABE_TEXTEXTRAKTION, a, {
    schluessel: `textextraktion:${a.mandantId}:${a.dokumentId}:${a.versionNr}`,
    maxVersuche: MAX_VERSUCHE,
    marken: [mandantMarke(a.mandantId)],
  });
}

async function lies(storage: ObjectStore, key: string): Promise<Buffer> {
  const teile: Buffer[] = [];
  for await (const c of await storage.get(key)) teile.push(c as Buffer);
  return Buffer.concat(teile);
}

/** The task: one version's text; an upsert, so a job run again after a crash changes nothing. */
export function textextraktion(opts: { db: Db; storage: ObjectStore; repo: DokumenteRepository; log: FastifyBaseLogger }): Aufgabe<TextextraktionAuftrag> {
  const { db, storage, repo, log } = opts;
  return async (a, k) => {
    try {
      const version = await db.withMandant(a.mandantId, (tx) => repo.version(tx, a.dokumentId, a.versionNr));
      if (!version) return;
      const pdf = version.mimeType === 'application/pdf';
      let ergebnis: { status: 'extrahiert' | 'kein_text' | 'fehler'; inhalt: string | null; ocr?: OcrGrund } | undefined;
      if (version.groesse > MAX_TEXTEXTRAKTION) ergebnis = { status: 'kein_text', inhalt: null };
      else {
        const bytes = await lies(storage, version.speicherschluessel);
        let text: string;
        try {
          text = pdf
            ? bereinige(await pdfText(bytes))
            : istMail(version.mimeType)
              ? // subject, people and body (HTML as text); attachments are Anlagen with their own text
                (await leseMail(bytes, version.mimeType, Number.MAX_SAFE_INTEGER)).text
              : textAusBytes(bytes, version.mimeType);
        } catch (err) {
          // a locked or broken PDF stays so on every attempt: said at once, as the OCR state too
          const grund = pdf ? pdfFehlerGrund(err) : null;
          if (!grund) throw err;
          text = '';
          ergebnis = { status: 'fehler', inhalt: null, ocr: grund };
        }
        ergebnis ??= text ? { status: 'extrahiert', inhalt: text } : { status: 'kein_text', inhalt: null };
      }
      const e = ergebnis;
      await db.withMandant(a.mandantId, async (tx) => {
        await speichere(tx, a, e.status, e.inhalt);
        // a PDF without text is a scan: its text comes from the OCR
        if (pdf && e.ocr) await setzeOcrZustand(tx, a, { status: 'fehler', grund: e.ocr });
        else if (pdf && e.status === 'kein_text') await beauftrageTexterkennung(tx, a);
      });
    } catch (err) {
      // the last attempt ends the job with the version marked, instead of a job kept as given up
      if (k.versuch < k.maxVersuche) throw err;
      log.warn({ err, auftrag: k.auftragId, dokumentId: a.dokumentId }, 'text extraction failed for good');
      await db.withMandant(a.mandantId, (tx) => speichere(tx, a, 'fehler', null));
    }
  };
}

async function speichere(tx: Parameters<Parameters<Db['withMandant']>[1]>[0], a: TextextraktionAuftrag, status: 'extrahiert' | 'kein_text' | 'fehler', inhalt: string | null) {
  await tx
    .insert(schema.volltext)
    .values({ mandantId: a.mandantId, dokumentId: a.dokumentId, versionNr: a.versionNr, status, inhalt })
    .onConflictDoUpdate({
      target: [schema.volltext.mandantId, schema.volltext.dokumentId, schema.volltext.versionNr],
      set: { status, inhalt, erstelltAm: sql`now()` },
      // a run repeated after a crash does not wipe the text the OCR has meanwhile found
      setWhere: sql`${schema.volltext.status} <> 'extrahiert' or ${status} = 'extrahiert'`,
    });
}

/** Ids of the tenant's Dokumente whose newest version's text matches `q` (German stemming). */
export async function sucheImVolltext(db: Db, mandantId: string, q: string) {
  return db.withMandant(mandantId, async (tx) => {
    const treffer = await tx.execute<{ dokument_id: string; ausschnitt: string }>(sql`
      select v.dokument_id, ts_headline('german', v.inhalt, websearch_to_tsquery('german', ${q}), 'MaxWords=20, MinWords=8') as ausschnitt
        from dokumente.volltext v
        join dokumente.dokument d on d.mandant_id = v.mandant_id and d.id = v.dokument_id and d.aktuelle_version = v.version_nr
       where v.vektor @@ websearch_to_tsquery('german', ${q})
       order by ts_rank(v.vektor, websearch_to_tsquery('german', ${q})) desc
       limit 50`);
    return treffer.rows.map((r) => ({ dokumentId: r.dokument_id, ausschnitt: r.ausschnitt }));
  });
}
