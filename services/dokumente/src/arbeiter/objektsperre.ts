// Object lock (only with S3_OBJECT_LOCK on): the task of the jobs the database triggers enqueue on
// Dokumente's job runner when an Akte is closed or reopened, its retention changes, a hold is placed
// or released, or a version is stored (migrations `objektsperre`, 0037). Per job it reads the Akte's
// objects and their state in one query, decides each lock with `sperrplan` and applies it to every
// object version. Retried until it succeeds.
import { mandantMarke, reiheEin, type Aufgabe } from '@eakte/auftraege';
import type { Db, Tx } from '@eakte/db';
import { sql } from '@eakte/db';
import type { ObjectStore, ObjektsperreModus } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { sperrplan, type ObjektStand } from '../domain/objektsperre.js';

/** Longest wait between two tries of a failing job. */
const MAX_WARTEN_SEKUNDEN = 300;

/**
 * The Akte's stored objects (or the one named) with what decides their lock. Akten whose content
 * the Aussonderung removes (archived or destroyed) are left out: their objects are about to go.
 */
export async function objektstaende(tx: Tx, akteId: string, schluessel: string | null): Promise<ObjektStand[]> {
  const r = await tx.execute<{ schluessel: string; status: 'offen' | 'geschlossen'; aufbewahrung_bis: string | null; unbefristet: boolean; gesperrt: boolean }>(sql`
    SELECT v.speicherschluessel AS schluessel, a.status, a.aufbewahrung_bis::text AS aufbewahrung_bis, a.unbefristet,
           aussonderung.loeschsperre_deckt(a.mandant_id, a.id, vg.vorgang_id, d.id) AS gesperrt
      FROM akten.akte_kopf a
      JOIN akten.vorgang_kontext vg ON vg.mandant_id = a.mandant_id AND vg.akte_id = a.id
      JOIN dokumente.dokument d ON d.mandant_id = vg.mandant_id AND d.vorgang_id = vg.vorgang_id
      JOIN dokumente.dokument_version v ON v.mandant_id = d.mandant_id AND v.dokument_id = d.id
     WHERE a.id = ${akteId}
       AND (${schluessel}::text IS NULL OR v.speicherschluessel = ${schluessel})
       AND NOT EXISTS (SELECT 1 FROM aussonderung.aktenstand o
                        WHERE o.mandant_id = a.mandant_id AND o.akte_id = a.id AND o.status IN ('archiviert', 'vernichtet'))
     ORDER BY v.speicherschluessel`);
  return r.rows.map((x) => ({ schluessel: x.schluessel, akteStatus: x.status, aufbewahrungBis: x.aufbewahrung_bis, unbefristet: x.unbefristet, gesperrt: x.gesperrt }));
}

export interface ObjektsperreAuftrag {
  mandantId: string;
  akteId: string;
  /** one new object, or null: every object of the Akte */
  speicherschluessel: string | null;
  /** failed tries before this one and the last error (the job re-enqueues itself after a failure, see below) */
  fehlversuche?: number;
  letzterFehler?: string;
}

/**
 * The task: sets each object's lock to what the database says now (idempotent). Tried until it works;
 * after a failure it re-enqueues itself under its key, due after 30 s × tries, at most five minutes
 * (graphile-worker's own back-off would grow to hours). A change meanwhile replaces that job's time: due at once.
 */
export function objektsperre(opts: { db: Db; storage: ObjectStore; modus: ObjektsperreModus; log: FastifyBaseLogger }): Aufgabe<ObjektsperreAuftrag> {
  const { db, storage, modus, log } = opts;
  return async (a, k) => {
    try {
      const objekte = await db.withMandant(a.mandantId, (tx) => objektstaende(tx, a.akteId, a.speicherschluessel));
      for (const op of sperrplan(modus, objekte)) await storage.setzeSperre(op.schluessel, op.sperre);
    } catch (err) {
      const versuche = (a.fehlversuche ?? 0) + 1;
      const warten = Math.min(30 * versuche, MAX_WARTEN_SEKUNDEN);
      log.warn({ err, auftrag: k.auftragId, akteId: a.akteId, versuche, wartenSekunden: warten }, 'object lock could not be applied; retried');
      await reiheEin(
        db.db,
        'dokumente',
        AUFGABE_OBJEKTSPERRE,
        { ...a, fehlversuche: versuche, letzterFehler: String((err as Error)?.message ?? err).slice(0, 500) },
        {
          schluessel: objektsperreSchluessel(a),
          schluesselModus: 'zeitBehalten',
          ab: new Date(Date.now() + warten * 1000),
          maxVersuche: 32767,
          marken: [mandantMarke(a.mandantId)],
        },
      );
    }
  };
}

export const AUFGABE_OBJEKTSPERRE = 'objektsperre';
/** The job key `dokumente.objektsperre_vormerken` uses (migration 0037). */
export const objektsperreSchluessel = (a: ObjektsperreAuftrag) => `objektsperre:${a.mandantId}:${a.akteId}:${a.speicherschluessel ?? '*'}`;
