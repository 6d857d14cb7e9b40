// Validation of xdomea messages against the official 3.1.0 schemas shipped in this package
// (xdomea/), with libxml2 as WebAssembly (xmllint-wasm, what x-man's libxml2 checks too).
// One worker thread per process holds the schema files and the compiled WebAssembly module; each
// message then costs one xmllint run (schema parse + validation, ~25 ms for a small message)
// instead of a fresh worker, a fresh compile and the files posted again (~260 ms).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export const XDOMEA_VERZEICHNIS = fileURLToPath(new URL('../../xdomea', import.meta.url));
const HAUPTSCHEMA = '3.1.0/xdomea.xsd';
const NACHRICHT = 'nachricht.xml';

/** One complaint, in the shape of the platform's problem `fehler` items. */
export interface Schemafehler {
  /** Line in the message (1-based). */
  zeile: number;
  /** The element concerned, with the `xdomea:` prefix; `xml` when the message is not well-formed. */
  feld: string;
  meldung: string;
}

// The worker is plain CommonJS (eval'd), so it runs the same under tsx and plain node. It reuses
// the Emscripten factory of xmllint-wasm with the module compiled once, one instance per message.
const ARBEITER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Module = require(workerData.modul);
const wasm = new WebAssembly.Module(fs.readFileSync(workerData.wasm));
parentPort.on('message', (m) => {
  if (!m || typeof m.nr !== 'number') return;
  let stderr = '';
  let fertig = false;
  const antworte = (code, text) => { if (!fertig) { fertig = true; parentPort.postMessage({ nr: m.nr, code, stderr: text }); } };
  Module({
    inputFiles: [...workerData.dateien, { fileName: workerData.nachricht, contents: m.xml }],
    arguments: ['--schema', workerData.schema, '--noout', workerData.nachricht],
    print() {},
    printErr(t) { stderr += t + '\\n'; },
    instantiateWasm(imports, cb) { WebAssembly.instantiate(wasm, imports).then((i) => cb(i, wasm), (e) => antworte(-1, String(e))); return {}; },
    wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: 16384 }),
    onExit(code) { antworte(code, stderr); },
    onAbort(grund) { antworte(-1, 'WASM Abort: ' + grund); },
  }).catch((e) => antworte(-1, String(e && e.message || e)));
});
`;

let schemaDateien: { fileName: string; contents: string }[] | null = null;
function dateien() {
  if (!schemaDateien) {
    const datei = (name: string) => ({ fileName: name, contents: readFileSync(path.join(XDOMEA_VERZEICHNIS, name), 'utf8') });
    // the published layout: 3.1.0/*.xsd import ../xoev/xoev-code.xsd
    schemaDateien = [
      ...readdirSync(path.join(XDOMEA_VERZEICHNIS, '3.1.0'))
        .filter((f) => f.endsWith('.xsd'))
        .map((f) => datei(`3.1.0/${f}`)),
      datei('xoev/xoev-code.xsd'),
    ];
  }
  return schemaDateien;
}

type Offen = { resolve: (r: { code: number; stderr: string }) => void; reject: (e: Error) => void };
let arbeiter: Worker | null = null;
const offen = new Map<number, Offen>();
let naechste = 0;

function starteArbeiter(): Worker {
  if (arbeiter) return arbeiter;
  const require = createRequire(import.meta.url);
  const modul = require.resolve('xmllint-wasm/xmllint-node.js');
  const w = new Worker(ARBEITER, {
    eval: true,
    workerData: { modul, wasm: path.join(path.dirname(modul), 'xmllint.wasm'), dateien: dateien(), schema: HAUPTSCHEMA, nachricht: NACHRICHT },
  });
  // an idle validator never keeps the process alive
  w.unref();
  const ende = (err: Error) => {
    if (arbeiter === w) arbeiter = null;
    for (const [nr, o] of offen) {
      offen.delete(nr);
      o.reject(err);
    }
  };
  w.on('message', (m: { nr: number; code: number; stderr: string }) => {
    const o = offen.get(m.nr);
    if (!o) return;
    offen.delete(m.nr);
    if (offen.size === 0) w.unref();
    o.resolve(m);
  });
  w.on('error', ende);
  w.on('exit', (code) => ende(new Error(`xdomea-Schemaprüfung beendet (${code})`)));
  arbeiter = w;
  return w;
}

/** Starts the validator ahead of the first message (worker start and compile take a few hundred ms). */
export function bereiteSchemapruefungVor(): void {
  starteArbeiter();
}

function lauf(xml: string): Promise<{ code: number; stderr: string }> {
  const w = starteArbeiter();
  const nr = naechste++;
  return new Promise((resolve, reject) => {
    offen.set(nr, { resolve, reject });
    // keep the process alive while a validation is running
    w.ref();
    w.postMessage({ nr, xml });
  });
}

const NS = /\{urn:xoev-de:xdomea:schema:3\.1\.0\}/g;

/** xmllint's complaints about the message, one per located line. */
export function leseFehler(stderr: string): Schemafehler[] {
  const out: Schemafehler[] = [];
  for (const zeile of stderr.split('\n')) {
    const m = /^nachricht\.xml:(\d+): (.*)$/.exec(zeile);
    if (!m) continue;
    const rest = m[2]!;
    const meldung = (rest.split(' error : ')[1] ?? rest).replace(NS, 'xdomea:').trim();
    const element = /Element '([^']+)'/.exec(meldung)?.[1] ?? /^element ([^:\s]+):/.exec(rest)?.[1] ?? null;
    out.push({ zeile: Number(m[1]), feld: element ?? 'xml', meldung });
  }
  return out;
}

/**
 * Validates one message against xdomea 3.1.0; returns the schema errors, empty when valid. Throws
 * only when the validation itself fails (the schema did not compile, the worker died).
 */
export async function pruefeSchema(xml: string): Promise<Schemafehler[]> {
  const r = await lauf(xml);
  // 0 valid, 1 not well-formed, 3/4 invalid; anything else is our failure, not the message's
  if (r.code === 0) return [];
  const fehler = leseFehler(r.stderr);
  if ((r.code === 1 || r.code === 3 || r.code === 4) && fehler.length > 0) return fehler;
  throw new Error(`xdomea-Schemaprüfung fehlgeschlagen (${r.code}): ${r.stderr.slice(0, 500)}`);
}

/** The errors as one line for a problem's detail: `Zeile 12, xdomea:ProzessIDX: Element … is not expected …`. */
export function fehlertext(fehler: readonly Schemafehler[], max = 3): string {
  const teile = fehler.slice(0, max).map((f) => `Zeile ${f.zeile}, ${f.feld}: ${f.meldung}`);
  return teile.join('; ') + (fehler.length > max ? ` (und ${fehler.length - max} weitere)` : '');
}
