// A worker thread of the parallel verification (parallelpruefung.ts): checks one range of a tenant's
// log — every chain link and every leaf — in the snapshot the main thread exported, on a connection
// of its own, and returns the range's compact Merkle range. It loads only the formats and pg.
import { parentPort, workerData } from 'node:worker_threads';
import { GENESIS_HASH } from '@eakte/audit/kette';
import pg from 'pg';
import { Baumpruefung } from './domain/baum.js';
import { pruefeKette, type Kettenanker, type Kettenfehler, type Pruefergebnis } from './domain/kette.js';
import { ausZeile, STROM_SPALTEN, type StromEreignis } from './repositories/strom-zeile.js';

export interface Abschnitt {
  nr: number;
  mandantId: string;
  /** pg_export_snapshot() of the main thread's transaction: every range reads the same state. */
  snapshot: string;
  /** First and last sequence number of the range; `bis` null = to the end. */
  von: number;
  bis: number | null;
  /** Signed tree sizes in the range: the compact range is recorded there. */
  marken: number[];
  /** Signed chain checkpoints in the range. */
  anker: Kettenanker[];
  stapel: number;
}

export interface Abschnittsergebnis {
  nr: number;
  kette: Pruefergebnis;
  /** The first sequence number the range holds (null: none). */
  erste: number | null;
  baum: { fehler: Kettenfehler | null; groesse: number; stapel: { ebene: number; hash: Uint8Array }[]; beiMarken: [number, { ebene: number; hash: Uint8Array }[]][] };
}

const { url } = workerData as { url: string };
let client: pg.Client | null = null;

async function verbindung(): Promise<pg.Client> {
  if (client) return client;
  const c = new pg.Client({ connectionString: url });
  // an idle connection that breaks is replaced at the next range
  c.on('error', () => {
    if (client === c) client = null;
  });
  await c.connect();
  client = c;
  return c;
}

async function* zeilen(c: pg.Client, a: Abschnitt, erste: { wert: number | null }): AsyncGenerator<StromEreignis> {
  // one row past the range: the last event's successor (a swapped row at the border)
  await c.query(
    `DECLARE abschnitt NO SCROLL CURSOR FOR SELECT ${STROM_SPALTEN}, kanonisch, blatt FROM protokoll.ereignis
      WHERE mandant_id = $1 AND sequenz >= $2${a.bis === null ? '' : ' AND sequenz <= $3'} ORDER BY sequenz, zeit`,
    a.bis === null ? [a.mandantId, a.von] : [a.mandantId, a.von, a.bis + 1],
  );
  const holen = () => {
    const p = c.query({ text: `FETCH ${a.stapel} FROM abschnitt`, rowMode: 'array' });
    p.catch(() => {});
    return p;
  };
  // the next batch is asked for before this one is worked on: PostgreSQL produces it meanwhile
  let naechster: ReturnType<typeof holen> | null = holen();
  try {
    while (naechster) {
      const r: pg.QueryArrayResult<unknown[]> = await naechster;
      naechster = r.rows.length < a.stapel ? null : holen();
      for (const row of r.rows as unknown[][]) {
        const e = ausZeile(row, true);
        erste.wert ??= e.sequenz;
        yield e;
      }
    }
  } finally {
    if (naechster) await naechster.catch(() => {});
  }
}

async function pruefe(a: Abschnitt): Promise<Abschnittsergebnis> {
  const c = await verbindung();
  await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await c.query(`SET TRANSACTION SNAPSHOT '${a.snapshot.replace(/[^0-9A-Fa-f-]/g, '')}'`);
    await c.query(`select set_config('app.mandant', $1, true)`, [a.mandantId]);
    let vorgaengerHash = GENESIS_HASH;
    if (a.von > 1) {
      const r = await c.query<{ hash: string }>(`SELECT hash FROM protokoll.ereignis WHERE mandant_id = $1 AND sequenz = $2 ORDER BY zeit LIMIT 1`, [a.mandantId, a.von - 1]);
      // missing: the range before ends early and names it; this range's links cannot be checked
      vorgaengerHash = r.rows[0]?.hash ?? GENESIS_HASH;
    }
    const baum = new Baumpruefung(new Map(), a.von - 1, new Set(a.marken), a.bis ?? Infinity);
    const erste = { wert: null as number | null };
    const kette = await pruefeKette(baum.durch(zeilen(c, a, erste)), { von: a.von, vorgaengerHash, bis: a.bis ?? undefined, checkpoints: a.anker });
    await c.query('COMMIT');
    return { nr: a.nr, kette, erste: erste.wert, baum: { fehler: baum.fehler, groesse: baum.groesse, stapel: baum.stapel, beiMarken: [...baum.beiMarken] } };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

parentPort!.on('message', (a: Abschnitt) => {
  pruefe(a).then(
    (ergebnis) => parentPort!.postMessage({ ergebnis }),
    (err: Error) => parentPort!.postMessage({ nr: a.nr, fehler: err.message ?? String(err) }),
  );
});
