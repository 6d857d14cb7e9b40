// Finds the problem codes the source code sends, to check them against the contract's ProblemCode enum.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const MUSTER = [
  /createError\(\s*'([A-Z][A-Z0-9_]+)'/g, // error types of @fastify/error
  /\bproblem\(\s*\d{3},\s*'([A-Z][A-Z0-9_]+)'/g, // problem bodies built directly
  /\[\d{3}, '([A-Z][A-Z0-9_]+)'/g, // [status, code, detail] tuples
];
/**
 * `code: 'A'` and `code = x === 'FREMD' ? 'A' : 'B'` (codes put onto errors, violations, mapped
 * framework errors): the chosen literals, not the compared ones.
 */
const WAHL = /\bcode(?: =|:) ([^,;}\n]*)/g;
const WAHL_LITERAL = /(?<!=== )'([A-Z][A-Z0-9_]+)'/g;
/** Names in those positions that are codes of others (Node, Fastify), compared against, not sent. */
const FREMD = /^(FST_|ERR_|HPE_|E[A-Z]+$)/;

function* dateien(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) yield* dateien(p);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

/** Every problem code in `packages/*\/src` and `services/*\/src` (not the web client, which only reads them), with where it occurs. */
export function gesendeteProblemcodes(root: string): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const bereich of ['packages', 'services']) {
    for (const paket of readdirSync(join(root, bereich))) {
      if (paket === 'web' || paket === 'api-client') continue;
      const src = join(root, bereich, paket, 'src');
      if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const datei of dateien(src)) {
        const text = readFileSync(datei, 'utf8');
        const funde = [...MUSTER.flatMap((m) => [...text.matchAll(m)]), ...[...text.matchAll(WAHL)].flatMap((w) => [...w[1]!.matchAll(WAHL_LITERAL)].map((l) => Object.assign(l, { index: w.index })))];
        {
          for (const treffer of funde) {
            for (const code of treffer.slice(1)) {
              if (!code || FREMD.test(code)) continue;
              const zeile = text.slice(0, treffer.index).split('\n').length;
              codes.set(code, [...(codes.get(code) ?? []), `${relative(root, datei)}:${zeile}`]);
            }
          }
        }
      }
    }
  }
  return codes;
}
