// Text extraction as background work, off the request path: a polling worker claims due jobs of
// every tenant (FOR UPDATE SKIP LOCKED, a lease through faellig_ab, so several instances never
// do the same job at once), extracts the text inside the job's tenant transaction and stores it
// for full-text search with the `german` configuration. Failing jobs are retried three times.
import type { Db } from '@eakte/db';
import { schema, sql } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { bereinige, textAusBytes } from '../domain/volltext.js';
import { pdfText } from '../pdf/text.js';
import { istMail, leseMail } from '../adapter/mail.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';

const LEASE = '5 minutes';
const MAX_VERSUCHE = 3;
/** Larger objects are not read whole for extraction. */
export const MAX_TEXTEXTRAKTION = 64 * 1024 * 1024;

type Auftrag = {
  id: number;
  mandant_id: string;
  dokument_id: string;
  version_nr: number;
  versuche: number;
};

async function lies(storage: ObjectStore, key: string): Promise<Buffer> {
  const teile: Buffer[] = [];
  for await (const c of await storage.get(key)) teile.push(c as Buffer);
  return Buffer.concat(teile);
}

export async function arbeiteTextextraktion(opts: { db: Db; storage: ObjectStore; repo: DokumenteRepository; log: FastifyBaseLogger; stapel?: number }): Promise<number> {
  const { db, storage, repo, log } = opts;
  const auftraege = await db.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.dokumente_arbeiter', 'an', true)`);
    const res = await tx.execute<Auftrag>(sql`
      with naechste as (
        select id from dokumente.auftrag
         where art = 'textextraktion' and faellig_ab <= now()
         order by faellig_ab limit ${opts.stapel ?? 20}
         for update skip locked)
      update dokumente.auftrag a
         set faellig_ab = now() + ${LEASE}::interval, versuche = a.versuche + 1
        from naechste where a.id = naechste.id
      returning a.id, a.mandant_id, a.dokument_id, a.version_nr, a.versuche`);
    return res.rows;
  });

  for (const a of auftraege) {
    try {
      const version = await db.withMandant(a.mandant_id, (tx) => repo.version(tx, a.dokument_id, a.version_nr));
      let ergebnis: { status: 'extrahiert' | 'kein_text'; inhalt: string | null };
      if (!version) ergebnis = { status: 'kein_text', inhalt: null };
      else if (version.groesse > MAX_TEXTEXTRAKTION) ergebnis = { status: 'kein_text', inhalt: null };
      else {
        const bytes = await lies(storage, version.speicherschluessel);
        const text =
          version.mimeType === 'application/pdf'
            ? bereinige(await pdfText(bytes))
            : istMail(version.mimeType)
              ? // subject, people and body (HTML as text); attachments are Anlagen with their own text
                (await leseMail(bytes, version.mimeType, Number.MAX_SAFE_INTEGER)).text
              : textAusBytes(bytes, version.mimeType);
        ergebnis = text ? { status: 'extrahiert', inhalt: text } : { status: 'kein_text', inhalt: null };
      }
      await db.withMandant(a.mandant_id, async (tx) => {
        if (version) await speichere(tx, a, ergebnis.status, ergebnis.inhalt);
        await tx.delete(schema.auftrag).where(eq(schema.auftrag.id, a.id));
      });
    } catch (err) {
      log.warn({ err, auftrag: a.id }, 'text extraction failed');
      await db.withMandant(a.mandant_id, async (tx) => {
        if (a.versuche >= MAX_VERSUCHE) {
          await speichere(tx, a, 'fehler', null);
          await tx.delete(schema.auftrag).where(eq(schema.auftrag.id, a.id));
        } else {
          // retry after the lease, a little later each time
          await tx
            .update(schema.auftrag)
            .set({ letzterFehler: String((err as Error).message ?? err).slice(0, 500), faelligAb: sql`now() + make_interval(secs => ${30 * a.versuche})` })
            .where(eq(schema.auftrag.id, a.id));
        }
      });
    }
  }
  return auftraege.length;
}

async function speichere(tx: Parameters<Parameters<Db['withMandant']>[1]>[0], a: Auftrag, status: 'extrahiert' | 'kein_text' | 'fehler', inhalt: string | null) {
  await tx
    .insert(schema.volltext)
    .values({ mandantId: a.mandant_id, dokumentId: a.dokument_id, versionNr: a.version_nr, status, inhalt })
    .onConflictDoUpdate({
      target: [schema.volltext.mandantId, schema.volltext.dokumentId, schema.volltext.versionNr],
      set: { status, inhalt, erstelltAm: sql`now()` },
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

