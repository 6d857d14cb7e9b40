// The docs are how a newcomer finds the code: every relative link, every anchor and every repository
// path a page names must lead somewhere (README → rules table → module in two clicks).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NICHT_DURCHSUCHEN = new Set(['node_modules', '.git', '.data', 'dist', 'artefakte']);
// build output the pages name; it exists only after a build or a test run
const ERZEUGT = new Set(['services/web/dist', 'scripts/e2e/artefakte']);

function markdownDateien(dir = ROOT): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (NICHT_DURCHSUCHEN.has(name)) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownDateien(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The text outside fenced code blocks, line by line (links and headings in code do not count). */
function ausserhalbVonCode(text: string): string[] {
  const zeilen: string[] = [];
  let imCode = false;
  for (const z of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(z)) imCode = !imCode;
    else if (!imCode) zeilen.push(z);
  }
  return zeilen;
}

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anker(text: string): Set<string> {
  const ids = new Set<string>();
  const gesehen = new Map<string, number>();
  for (const z of ausserhalbVonCode(text)) {
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(z);
    if (h) {
      const roh = h[1]!
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-');
      const n = gesehen.get(roh) ?? 0;
      gesehen.set(roh, n + 1);
      ids.add(n === 0 ? roh : `${roh}-${n}`);
    }
    for (const m of z.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) ids.add(m[1]!);
  }
  return ids;
}

/** Relative link targets: inline `[x](ziel)`, images, and reference definitions `[x]: ziel`. */
function links(text: string): string[] {
  const out: string[] = [];
  for (const z of ausserhalbVonCode(text)) {
    const ohneCode = z.replace(/`[^`]*`/g, '');
    for (const m of ohneCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]!);
    const ref = /^\s*\[[^\]]+\]:\s*(\S+)/.exec(ohneCode);
    if (ref) out.push(ref[1]!);
  }
  return out.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l));
}

const dateien = markdownDateien();
const rel = (p: string) => path.relative(ROOT, p);

describe('links in the docs', () => {
  it('finds the pages a newcomer reads', () => {
    const namen = dateien.map(rel);
    for (const p of ['README.md', 'CONTRIBUTING.md', 'docs/domaene.md', 'packages/schriftgutverwaltung/README.md']) expect(namen).toContain(p);
  });

  it('computes anchors the way GitHub does', () => {
    const ids = anker(
      '# Rules of records law\n## R1 Retention starts on 1 January after the z.d.A.\n## Adding a web page\n## Tests — what runs where\n## `pnpm start`\n## Tests\n## Tests\n```\n# kein Titel\n```\n<a id="r1"></a>',
    );
    expect([...ids]).toEqual(['rules-of-records-law', 'r1-retention-starts-on-1-january-after-the-zda', 'adding-a-web-page', 'tests--what-runs-where', 'pnpm-start', 'tests', 'tests-1', 'r1']);
  });

  it('every relative link leads to an existing file and, with #, to an existing anchor', () => {
    const kaputt: string[] = [];
    for (const datei of dateien) {
      const text = readFileSync(datei, 'utf8');
      for (const link of links(text)) {
        const [ziel = '', frag] = link.split('#', 2);
        const zielPfad = ziel ? path.resolve(path.dirname(datei), decodeURIComponent(ziel)) : datei;
        if (!existsSync(zielPfad)) {
          kaputt.push(`${rel(datei)}: ${link} (no such file)`);
          continue;
        }
        if (frag && zielPfad.endsWith('.md') && !anker(readFileSync(zielPfad, 'utf8')).has(decodeURIComponent(frag))) {
          kaputt.push(`${rel(datei)}: ${link} (no such anchor)`);
        }
      }
    }
    expect(kaputt).toEqual([]);
  });

  it('every repository path a page names in backticks exists', () => {
    const fehlend: string[] = [];
    for (const datei of dateien) {
      for (const z of ausserhalbVonCode(readFileSync(datei, 'utf8'))) {
        for (const m of z.matchAll(/`((?:services|packages|scripts|db|openapi|docs|deploy)\/[\w./@-]+?)(?::\d+)?`/g)) {
          const p = m[1]!.replace(/\/$/, '');
          if (!ERZEUGT.has(p) && !existsSync(path.join(ROOT, p))) fehlend.push(`${rel(datei)}: ${p}`);
        }
      }
    }
    expect(fehlend).toEqual([]);
  });

  it('the README reaches the module and the test of every rule in two clicks', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(links(readme)).toContain('docs/domaene.md#where-each-rule-lives');
    const domaene = readFileSync(path.join(ROOT, 'docs/domaene.md'), 'utf8');
    const zeilen = domaene.split('\n').filter((z) => /^\| \[R\d+\]/.test(z));
    expect(zeilen.length).toBeGreaterThanOrEqual(13);
    for (const z of zeilen) {
      const [, , modul = '', test = ''] = z.split('|');
      expect(links(modul).length, z).toBeGreaterThan(0);
      expect(
        links(test).some((l) => /\.test\.ts$/.test(l)),
        z,
      ).toBe(true);
    }
  });
});
