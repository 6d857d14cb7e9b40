// Outside verification of an audit export: re-computes the hash chain of a JSONL export
// (GET /api/v1/protokoll/export?format=jsonl) and checks it against signed checkpoints with the
// public key (GET /api/v1/protokoll/schluessel). Self-contained on purpose: it uses node:crypto
// only and follows "Audit chain format" in docs/sicherheit.md, so it can be reviewed or re-written
// independently of the platform's code.
//
//   pnpm --silent run protokoll:pruefen --export protokoll.jsonl [--schluessel key.pem --checkpoints checkpoints.json]
//                                   [--vorgaenger HASH]   (hash before the first exported event, when it is not 1)
//
// Exit code 0: valid; 1: invalid (the first bad sequence number is printed); 2: usage error.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FELDER = [
  'aenderungen',
  'akteId',
  'aktenzeichen',
  'akteurClient',
  'akteurName',
  'akteurRollen',
  'akteurSub',
  'aktion',
  'clientIp',
  'details',
  'ergebnis',
  'mandantId',
  'objektId',
  'objektTyp',
  'requestId',
  'sequenz',
  'zeit',
];

/** JSON, object keys sorted at every level, no whitespace. */
function kanonisch(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(kanonisch).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${kanonisch(o[k])}`)
    .join(',')}}`;
}

interface Ereignis {
  sequenz: number;
  zeit: string;
  hash: string;
  mandantId: string;
  [k: string]: unknown;
}
interface Checkpoint {
  mandantId: string;
  sequenz: number;
  hash: string;
  zeit: string;
  signatur: string;
}
export interface Ergebnis {
  gueltig: boolean;
  geprueft: number;
  bisSequenz: number | null;
  fehler: { sequenz: number; art: string; meldung: string } | null;
}

export async function verifiziere(opts: { export: string; schluessel?: string; checkpoints?: string; vorgaenger?: string }): Promise<Ergebnis> {
  const checkpoints: Checkpoint[] = [];
  if (opts.checkpoints) {
    if (!opts.schluessel) throw new Error('--checkpoints braucht --schluessel');
    const key = createPublicKey(readFileSync(opts.schluessel, 'utf8'));
    const raw = JSON.parse(readFileSync(opts.checkpoints, 'utf8')) as Checkpoint[] | { items: Checkpoint[] };
    for (const c of Array.isArray(raw) ? raw : raw.items) {
      const nachricht = Buffer.from(kanonisch({ hash: c.hash, mandantId: c.mandantId, sequenz: c.sequenz, zeit: c.zeit }), 'utf8');
      if (!verify(null, nachricht, key, Buffer.from(c.signatur, 'base64'))) {
        return { gueltig: false, geprueft: 0, bisSequenz: null, fehler: { sequenz: c.sequenz, art: 'signatur', meldung: `Signatur des Checkpoints ${c.sequenz} ungültig` } };
      }
      checkpoints.push(c);
    }
  }
  const anker = new Map(checkpoints.map((c) => [c.sequenz, c.hash]));
  let vorher = opts.vorgaenger ?? null;
  let erwartet: number | null = null;
  let mandant: string | null = null;
  let geprueft = 0;
  let wartend: Ereignis | null = null;
  const fail = (sequenz: number, art: string, meldung: string): Ergebnis => ({ gueltig: false, geprueft, bisSequenz: erwartet === null ? null : erwartet - 1, fehler: { sequenz, art, meldung } });

  const pruefe = (e: Ereignis, naechstes: Ereignis | null): Ergebnis | null => {
    if (erwartet === null) {
      erwartet = e.sequenz;
      mandant = e.mandantId;
      if (vorher === null) {
        if (e.sequenz !== 1) throw new Error(`Der Export beginnt bei ${e.sequenz}: --vorgaenger HASH angeben`);
        vorher = '0'.repeat(64);
      }
    }
    if (e.mandantId !== mandant) return fail(e.sequenz, 'mandant', 'Ereignis eines anderen Mandanten im Export');
    if (e.sequenz < erwartet) return fail(e.sequenz, 'reihenfolge', `Sequenz ${e.sequenz} doppelt oder außer der Reihe`);
    if (e.sequenz > erwartet) return fail(erwartet, 'luecke', `Ereignis ${erwartet} fehlt`);
    const inhalt: Record<string, unknown> = {};
    for (const f of FELDER) inhalt[f] = e[f] ?? null;
    const hash = createHash('sha256').update(Buffer.from(vorher!, 'hex')).update(kanonisch(inhalt), 'utf8').digest('hex');
    if (hash !== e.hash) {
      if (naechstes && naechstes.sequenz === e.sequenz + 1 && naechstes.zeit < e.zeit) return fail(e.sequenz, 'reihenfolge', `Ereignis ${e.sequenz} steht außer der Reihe`);
      return fail(e.sequenz, 'hash', `Hash von Ereignis ${e.sequenz} stimmt nicht`);
    }
    const a = anker.get(e.sequenz);
    if (a !== undefined && a !== e.hash) return fail(e.sequenz, 'checkpoint', `Ereignis ${e.sequenz} weicht vom signierten Checkpoint ab`);
    geprueft++;
    vorher = e.hash;
    erwartet = e.sequenz + 1;
    return null;
  };

  const lines = createInterface({ input: createReadStream(opts.export, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let e: Ereignis | { abgebrochen: { letzteSequenz?: number } };
    try {
      e = JSON.parse(line) as Ereignis;
    } catch {
      e = { abgebrochen: {} };
    }
    // the service's last line of an export that failed, or a line cut off by a broken connection
    if ('abgebrochen' in e) {
      if (wartend) {
        const r = pruefe(wartend, null);
        if (r) return r;
      }
      const weiter = erwartet ?? 1;
      return fail(weiter, 'abgeschnitten', `Der Export ist nach Ereignis ${weiter - 1} abgebrochen: die Datei ist unvollständig (mit von=${weiter} fortsetzen)`);
    }
    if (wartend) {
      const r = pruefe(wartend, e);
      if (r) return r;
    }
    wartend = e;
  }
  if (wartend) {
    const r = pruefe(wartend, null);
    if (r) return r;
  }
  const ende = erwartet === null ? 0 : erwartet - 1;
  for (const c of checkpoints) {
    if (c.mandantId !== mandant && mandant !== null) continue;
    if (c.sequenz > ende) return fail(ende + 1, 'abgeschnitten', `Ein signierter Checkpoint bestätigt ${c.sequenz} Ereignisse, der Export endet bei ${ende}`);
  }
  return { gueltig: true, geprueft, bisSequenz: ende || null, fehler: null };
}

function argumente(argv: string[]) {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i];
    const v = argv[i + 1];
    if (!k?.startsWith('--') || v === undefined) throw new Error(`unerwartetes Argument: ${k ?? ''}`);
    out[k.slice(2)] = v;
  }
  if (!out.export) throw new Error('--export DATEI fehlt');
  // `pnpm run protokoll:pruefen` runs in the checkout; the files are where the caller stands
  for (const k of ['export', 'schluessel', 'checkpoints'] as const) if (out[k]) out[k] = path.resolve(process.env.INIT_CWD ?? process.cwd(), out[k]);
  return out as { export: string; schluessel?: string; checkpoints?: string; vorgaenger?: string };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const r = await verifiziere(argumente(process.argv.slice(2)));
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exitCode = r.gueltig ? 0 : 1;
  } catch (err) {
    process.stderr.write(`verify-protokoll: ${(err as Error).message}\n`);
    process.exitCode = 2;
  }
}
