// The whole log verified in parallel: worker threads (pruef-arbeiter.ts) check ranges of the sequence
// aligned to a power of two, each in the same exported snapshot on its own connection; this thread
// joins their findings in sequence order and their compact Merkle ranges into the roots at every
// signed tree size. The result is the single pass's: the first problem at its exact sequence number.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '@eakte/db';
import { anhaengen, wurzelVon, type KompakterBereich } from './domain/baum.js';
import { pruefeEnde, type Kettenanker, type Kettenfehler, type Pruefergebnis } from './domain/kette.js';
import type { Abschnitt, Abschnittsergebnis } from './pruef-arbeiter.js';

export interface ParallelOptionen {
  /** Worker threads (each with one database connection while it checks a range). */
  arbeiter: number;
  /** Leaves per range: a power of two. */
  abschnitt: number;
  /** Rows per FETCH. */
  stapel: number;
}

type Antwort = { ergebnis: Abschnittsergebnis } | { nr: number; fehler: string };

/** Worker threads kept for the next verification; each runs one range at a time. */
export function createPrueferpool(url: string, anzahl: number) {
  const datei = new URL(`./pruef-arbeiter${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const starteArbeiter = () => {
    if (!datei.pathname.endsWith('.ts')) return new Worker(datei, { workerData: { url } });
    // a TypeScript module: a small bootstrap registers tsx in the worker first (the loader flags of
    // this thread, under tsx or a test runner, do not carry over into a worker on Node 20)
    const api = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx')
        .replace(/loader\.mjs$/, 'esm/api/index.mjs'),
    ).href;
    const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(datei.href)}); })`;
    return new Worker(code, { eval: true, workerData: { url }, execArgv: [] });
  };
  const frei: Worker[] = [];
  const alle = new Set<Worker>();
  const warteschlange: { a: Abschnitt; ok: (e: Abschnittsergebnis) => void; nein: (err: Error) => void }[] = [];
  let zu = false;

  const starte = () => {
    const w = starteArbeiter();
    w.unref();
    alle.add(w);
    return w;
  };
  const weiter = () => {
    while (warteschlange.length && (frei.length || alle.size < anzahl)) {
      const job = warteschlange.shift()!;
      const w = frei.pop() ?? starte();
      const fertig = (m: Antwort | Error) => {
        w.off('message', fertig);
        w.off('error', fertig);
        if (m instanceof Error) {
          // a worker that died is replaced at the next range
          alle.delete(w);
          void w.terminate();
          job.nein(m);
        } else {
          frei.push(w);
          if ('ergebnis' in m) job.ok(m.ergebnis);
          else job.nein(new Error(`Prüfung des Bereichs ab ${job.a.von} fehlgeschlagen: ${m.fehler}`));
        }
        weiter();
      };
      w.on('message', fertig);
      w.on('error', fertig);
      w.postMessage(job.a);
    }
  };
  return {
    pruefe(a: Abschnitt): Promise<Abschnittsergebnis> {
      if (zu) return Promise.reject(new Error('Prüferpool ist geschlossen'));
      return new Promise((ok, nein) => {
        warteschlange.push({ a, ok, nein });
        weiter();
      });
    },
    async schliessen() {
      zu = true;
      await Promise.all([...alle].map((w) => w.terminate()));
      alle.clear();
      frei.length = 0;
    },
  };
}
export type Prueferpool = ReturnType<typeof createPrueferpool>;

export interface ParallelErgebnis {
  ergebnis: Pruefergebnis;
  baum: { fehler: Kettenfehler | null; groesse: number };
}

/**
 * Checks events 1.. (to the end) of the tenant in ranges of `o.abschnitt` leaves. `ende` is the
 * highest sequence number the log claims (head or signed sizes); the last range reads on past it.
 */
export async function pruefeParallel(
  db: Db,
  pool: Prueferpool,
  o: ParallelOptionen,
  p: { mandantId: string; ende: number; kopf: Kettenanker | null; anker: Kettenanker[]; ziele: Map<number, Buffer[]> },
): Promise<ParallelErgebnis> {
  const client = await db.pool.connect();
  let kaputt: Error | undefined;
  try {
    // the snapshot stays exported while this transaction is open: every range reads the same rows
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s;
    const anzahl = Math.max(1, Math.ceil(p.ende / o.abschnitt));
    const auftraege: Promise<Abschnittsergebnis>[] = [];
    for (let i = 0; i < anzahl; i++) {
      const von = i * o.abschnitt + 1;
      const bis = i === anzahl - 1 ? null : (i + 1) * o.abschnitt;
      const imBereich = (s: number) => s >= von && (bis === null || s <= bis);
      const a: Abschnitt = {
        nr: i,
        mandantId: p.mandantId,
        snapshot,
        von,
        bis,
        marken: [...p.ziele.keys()].filter(imBereich),
        anker: p.anker.filter((c) => imBereich(c.sequenz)),
        stapel: o.stapel,
      };
      const auftrag = pool.pruefe(a);
      auftrag.catch(() => {});
      auftraege.push(auftrag);
    }
    const ergebnisse: Abschnittsergebnis[] = [];
    try {
      for (const a of auftraege) ergebnisse.push(await a);
    } finally {
      await Promise.allSettled(auftraege);
    }
    await client.query('COMMIT');
    return verbinde(ergebnisse, o.abschnitt, p);
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => (kaputt = e));
    throw err;
  } finally {
    client.release(kaputt);
  }
}

/** Joins the ranges' findings in order, as the single pass would have met them. */
function verbinde(rs: Abschnittsergebnis[], abschnitt: number, p: { kopf: Kettenanker | null; anker: Kettenanker[]; ziele: Map<number, Buffer[]> }): ParallelErgebnis {
  // --- the chain ---
  let geprueft = 0;
  let letzter: { sequenz: number; hash: string } | null = null;
  let fehler: Kettenfehler | null = null;
  let ende: number | null = null;
  for (let i = 0; i < rs.length && !fehler; i++) {
    const k = rs[i]!.kette;
    const bis = i === rs.length - 1 ? null : (i + 1) * abschnitt;
    geprueft += k.geprueft;
    if (k.bisSequenz !== null && k.letzterHash !== null) letzter = { sequenz: k.bisSequenz, hash: k.letzterHash };
    // a range's 'abgeschnitten' only says it ended early: whether the log does is decided below
    if (k.fehler && k.fehler.art !== 'abgeschnitten') fehler = k.fehler;
    else if (bis !== null && (k.bisSequenz ?? i * abschnitt) < bis) ende = k.bisSequenz ?? i * abschnitt;
    if (ende !== null) {
      // the events stop inside this range: any later event makes it a gap
      const naechstes = rs.slice(i + 1).find((r) => r.erste !== null)?.erste ?? null;
      if (naechstes !== null) {
        fehler = { sequenz: ende + 1, art: 'luecke', meldung: `Ereignis ${ende + 1} fehlt (nächstes vorhandenes: ${naechstes})`, erwartet: String(ende + 1), gefunden: String(naechstes) };
      }
      break;
    }
  }
  const zuletzt = letzter as { sequenz: number; hash: string } | null;
  fehler ??= pruefeEnde(zuletzt?.sequenz ?? 0, zuletzt?.hash ?? '', { kopf: p.kopf, checkpoints: p.anker });
  const ergebnis: Pruefergebnis = { gueltig: fehler === null, geprueft, vonSequenz: 1, bisSequenz: zuletzt?.sequenz ?? null, letzterHash: zuletzt?.hash ?? null, fehler };

  // --- the tree ---
  const stapel: KompakterBereich = [];
  let groesse = 0;
  let baumFehler: Kettenfehler | null = null;
  const alsBereich = (b: { ebene: number; hash: Uint8Array }[]) => b.map((x) => ({ ebene: x.ebene, hash: Buffer.from(x.hash) }));
  for (const r of rs) {
    const b = r.baum;
    const marken = new Map(b.beiMarken);
    for (const s of [...marken.keys()].sort((x, y) => x - y)) {
      const w = wurzelVon([...stapel, ...alsBereich(marken.get(s)!)]);
      const abweichend = p.ziele.get(s)?.find((x) => !x.equals(w));
      if (abweichend) {
        baumFehler = {
          sequenz: s,
          art: 'checkpoint',
          meldung: `Der Baum bis Ereignis ${s} weicht vom signierten Baum-Checkpoint ab`,
          erwartet: abweichend.toString('hex'),
          gefunden: w.toString('hex'),
        };
        groesse = s;
        break;
      }
    }
    if (baumFehler) break;
    for (const x of alsBereich(b.stapel)) anhaengen(stapel, x.ebene, x.hash);
    groesse = b.groesse;
    if (b.fehler) {
      baumFehler = b.fehler;
      break;
    }
    // the tree stopped inside this range (a gap): the ranges behind it do not continue it
    if (r !== rs[rs.length - 1] && b.groesse < (r.nr + 1) * abschnitt) break;
  }
  return { ergebnis, baum: { fehler: baumFehler, groesse } };
}
