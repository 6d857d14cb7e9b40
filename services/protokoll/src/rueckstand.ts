// The sequencing backlog as metrics: events appended (committed) but not yet numbered into the chain
// and tree. Read at scrape time from the partial index ereignis_rueckstand_idx (WHERE sequenz IS NULL),
// which holds only the waiting events, for the tenants the sequencer's own round finds waiting.
import { sql, type Db } from '@eakte/db';
import type { FastifyInstance } from 'fastify';

/** A scrape counts at most this many waiting events per tenant: the alert fires long before. */
export const RUECKSTAND_ZAEHLGRENZE = 1_000_000;

export async function rueckstandLesen(db: Db, wartende: () => Promise<string[]>): Promise<{ ereignisse: number; aeltesteSekunden: number }> {
  let ereignisse = 0;
  let aeltesteSekunden = 0;
  for (const m of await wartende()) {
    const [z] = (
      await db.withMandant(m, (tx) =>
        tx.execute<{ n: string; alter: number | null }>(
          sql`SELECT (SELECT count(*) FROM (SELECT 1 FROM protokoll.ereignis WHERE mandant_id = ${m} AND sequenz IS NULL LIMIT ${RUECKSTAND_ZAEHLGRENZE}) w) AS n,
                     (SELECT extract(epoch FROM now() - zeit)::float8 FROM protokoll.ereignis WHERE mandant_id = ${m} AND sequenz IS NULL ORDER BY eingang LIMIT 1) AS alter`,
        ),
      )
    ).rows;
    ereignisse += Number(z?.n ?? 0);
    aeltesteSekunden = Math.max(aeltesteSekunden, Number(z?.alter ?? 0));
  }
  return { ereignisse, aeltesteSekunden };
}

export function rueckstandAlsMetrik(app: FastifyInstance, wartende: () => Promise<string[]>) {
  let stand: { zeit: number; werte: ReturnType<typeof rueckstandLesen> } | undefined;
  const lies = () => {
    if (!stand || Date.now() - stand.zeit > 1_000) stand = { zeit: Date.now(), werte: rueckstandLesen(app.db, wartende) };
    return stand.werte;
  };
  app.metriken.messwert({
    name: 'eakte_protokoll_rueckstand_ereignisse',
    help: 'Protokollereignisse, die angehängt, aber noch nicht sequenziert sind (alle Mandanten)',
    lies: async () => [{ wert: (await lies()).ereignisse }],
  });
  app.metriken.messwert({
    name: 'eakte_protokoll_rueckstand_aeltestes_seconds',
    help: 'Alter des ältesten noch nicht sequenzierten Protokollereignisses (0 = keines)',
    lies: async () => [{ wert: (await lies()).aeltesteSekunden }],
  });
}
