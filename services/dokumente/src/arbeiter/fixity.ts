// Fixity: stored objects are read again and their SHA-256 compared with the one recorded when
// they were filed. A mismatch or a missing object marks the Dokument `verletzt` and is recorded
// in the audit trail; Dokumente checked longest ago come first.
import { createHash } from 'node:crypto';
import { protokollAnhaengen, SYSTEM_AKTEUR } from '@eakte/audit';
import type { Db, Tx } from '@eakte/db';
import { schema, sql } from '@eakte/db';
import type { AuditEreignis } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import { asc, eq, inArray, sql as dsql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { vorgangKontext } from '../repositories/akten-api.js';

/** Records an audit event in the transaction of the check (for a user's request or the scheduled run). */
export type Aufzeichnen = (tx: Tx, ereignis: AuditEreignis) => Promise<void>;

export interface Abweichung {
  dokumentId: string;
  versionNr: number;
  grund: 'abweichend' | 'fehlt' | 'unlesbar';
}

export interface FixityErgebnis {
  dokumente: number;
  versionen: number;
  verletzt: Abweichung[];
}

async function hashVon(storage: ObjectStore, key: string): Promise<string | null> {
  if (!(await storage.stat(key))) return null;
  const hash = createHash('sha256');
  for await (const c of await storage.get(key)) hash.update(c as Buffer);
  return hash.digest('hex');
}

export async function pruefeFixity(opts: { db: Db; storage: ObjectStore; mandantId: string; aufzeichnen: Aufzeichnen; maxDokumente?: number }): Promise<FixityErgebnis> {
  const { db, storage, mandantId } = opts;
  const d = schema.dokument;
  const dv = schema.dokumentVersion;
  const { dokumente, versionen } = await db.withMandant(mandantId, async (tx) => {
    const dokumente = await tx
      .select({ id: d.id, integritaet: d.integritaet, vorgangId: d.vorgangId })
      .from(d)
      .orderBy(dsql`${d.integritaetGeprueftAm} asc nulls first`, asc(d.id))
      .limit(opts.maxDokumente ?? 500);
    const versionen = dokumente.length
      ? await tx
          .select()
          .from(dv)
          .where(
            inArray(
              dv.dokumentId,
              dokumente.map((x) => x.id),
            ),
          )
          .orderBy(asc(dv.dokumentId), asc(dv.nr))
      : [];
    return { dokumente, versionen };
  });

  const verletzt: Abweichung[] = [];
  for (const v of versionen) {
    let ist: string | null;
    try {
      ist = await hashVon(storage, v.speicherschluessel);
    } catch {
      verletzt.push({ dokumentId: v.dokumentId, versionNr: v.nr, grund: 'unlesbar' });
      continue;
    }
    if (ist === null) verletzt.push({ dokumentId: v.dokumentId, versionNr: v.nr, grund: 'fehlt' });
    else if (ist !== v.sha256) verletzt.push({ dokumentId: v.dokumentId, versionNr: v.nr, grund: 'abweichend' });
  }

  await db.withMandant(mandantId, async (tx) => {
    for (const dok of dokumente) {
      const fehler = verletzt.filter((a) => a.dokumentId === dok.id);
      const neu = fehler.length > 0 ? 'verletzt' : 'intakt';
      await tx
        .update(d)
        .set({ integritaet: neu, integritaetGeprueftAm: sql`now()` })
        .where(eq(d.id, dok.id));
      if (fehler.length > 0 || dok.integritaet !== neu) {
        const akte = await tx.select({ akteId: vorgangKontext.akteId }).from(vorgangKontext).where(eq(vorgangKontext.vorgangId, dok.vorgangId));
        await opts.aufzeichnen(tx, {
          aktion: neu === 'verletzt' ? 'dokument.integritaet.verletzt' : 'dokument.integritaet.bestaetigt',
          objektTyp: 'dokument',
          objektId: dok.id,
          akteId: akte[0]?.akteId ?? null,
          ergebnis: neu === 'verletzt' ? 'fehler' : 'erfolg',
          aenderungen: [{ feld: 'integritaet', alt: dok.integritaet, neu }],
          ...(fehler.length > 0 ? { details: { versionen: fehler.map((f) => ({ nr: f.versionNr, grund: f.grund })) } } : {}),
        });
      }
    }
  });
  return { dokumente: dokumente.length, versionen: versionen.length, verletzt };
}

/**
 * The scheduled run: per tenant, the Dokumente checked longest ago (a bounded batch each), recorded
 * with the system as actor. Tenants are worked one after the other because each check runs under
 * its tenant's row-level security.
 */
export async function pruefeFixityAllerMandanten(opts: { db: Db; storage: ObjectStore; log: FastifyBaseLogger; maxDokumente?: number }): Promise<number> {
  const mandanten = await opts.db.alsPlattformbetrieb((tx) => tx.select({ id: schema.mandant.id }).from(schema.mandant));
  let verletzt = 0;
  for (const { id: mandantId } of mandanten) {
    try {
      const r = await pruefeFixity({
        db: opts.db,
        storage: opts.storage,
        mandantId,
        maxDokumente: opts.maxDokumente,
        aufzeichnen: async (tx, e) => {
          await protokollAnhaengen(tx, { ...e, mandantId, akteur: SYSTEM_AKTEUR });
        },
      });
      verletzt += r.verletzt.length;
      if (r.verletzt.length > 0) opts.log.error({ mandantId, verletzt: r.verletzt }, 'fixity check found damaged content');
    } catch (err) {
      opts.log.warn({ err, mandantId }, 'fixity check failed for a tenant');
    }
  }
  return verletzt;
}
