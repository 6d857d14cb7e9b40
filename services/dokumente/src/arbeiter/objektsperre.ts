// Object lock worker (only with S3_OBJECT_LOCK on): works off the jobs the database triggers queue
// when an Akte is closed or reopened, its retention changes, a hold is placed or released, or a
// version is stored (migration `objektsperre`). Per job it reads the Akte's objects and their state
// in one query, decides each lock with `sperrplan` and applies it to every object version. Jobs are
// claimed across tenants (FOR UPDATE SKIP LOCKED with a lease) and retried until they succeed.
import type { Db, Tx } from '@eakte/db';
import { sql } from '@eakte/db';
import type { ObjectStore, ObjektsperreModus } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { sperrplan, type ObjektStand } from '../domain/objektsperre.js';

const LEASE = '10 minutes';
/** Longest wait between two tries of a failing job. */
const MAX_WARTEN_SEKUNDEN = 300;

type Auftrag = { id: number; mandant_id: string; akte_id: string; speicherschluessel: string | null; stand: number; versuche: number };

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

/** One batch of due jobs; returns how many were claimed (0: nothing due). */
export async function arbeiteObjektsperren(opts: { db: Db; storage: ObjectStore; modus: ObjektsperreModus; log: FastifyBaseLogger; stapel?: number }): Promise<number> {
  const { db, storage, modus, log } = opts;
  if (modus === 'off') return 0;
  const auftraege = await db.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.dokumente_arbeiter', 'an', true)`);
    const res = await tx.execute<Auftrag>(sql`
      with naechste as (
        select id from dokumente.objektsperre_auftrag
         where faellig_ab <= now()
         order by faellig_ab limit ${opts.stapel ?? 20}
         for update skip locked)
      update dokumente.objektsperre_auftrag a
         set faellig_ab = now() + ${LEASE}::interval, versuche = a.versuche + 1
        from naechste where a.id = naechste.id
      returning a.id, a.mandant_id, a.akte_id, a.speicherschluessel, a.stand, a.versuche`);
    return res.rows;
  });

  for (const a of auftraege) {
    try {
      const objekte = await db.withMandant(a.mandant_id, (tx) => objektstaende(tx, a.akte_id, a.speicherschluessel));
      for (const op of sperrplan(modus, objekte)) await storage.setzeSperre(op.schluessel, op.sperre);
      await db.withMandant(a.mandant_id, async (tx) => {
        // a newer request came in meanwhile (stand bumped): keep the job, due at once
        const weg = await tx.execute(sql`DELETE FROM dokumente.objektsperre_auftrag WHERE id = ${a.id} AND stand = ${a.stand}`);
        if (!weg.rowCount) await tx.execute(sql`UPDATE dokumente.objektsperre_auftrag SET faellig_ab = now(), versuche = 0, letzter_fehler = NULL WHERE id = ${a.id}`);
      });
    } catch (err) {
      log.warn({ err, auftrag: a.id, akteId: a.akte_id }, 'object lock could not be applied; retried');
      const warten = Math.min(30 * a.versuche, MAX_WARTEN_SEKUNDEN);
      await db.withMandant(a.mandant_id, (tx) =>
        tx.execute(sql`UPDATE dokumente.objektsperre_auftrag
                          SET letzter_fehler = ${String((err as Error).message ?? err).slice(0, 500)}, faellig_ab = now() + make_interval(secs => ${warten})
                        WHERE id = ${a.id}`),
      );
    }
  }
  return auftraege.length;
}
