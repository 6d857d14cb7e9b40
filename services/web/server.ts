// What the server side needs of the web client: where its build lives, its client paths (answered
// with index.html by the gateway), and a build when the sources are newer than the last one.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PFADE } from './src/pfade.js';

const hier = path.dirname(fileURLToPath(import.meta.url));
export const webRoot = path.join(hier, 'dist');
export const clientPfade: readonly string[] = Object.values(PFADE);

function neuesteAenderung(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((n) => neuesteAenderung(path.join(p, n))));
}

/** True when dist/ is missing or older than any source file. */
export function buildVeraltet(): boolean {
  const index = path.join(webRoot, 'index.html');
  if (!existsSync(index)) return true;
  const quellen = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((n) => path.join(hier, n));
  return Math.max(...quellen.map(neuesteAenderung)) > statSync(index).mtimeMs;
}

/** Builds the client (vite) if needed; returns whether it built. */
export async function webBauen(opts: { erzwingen?: boolean; log?: (m: string) => void } = {}): Promise<boolean> {
  if (!opts.erzwingen && !buildVeraltet()) return false;
  opts.log?.('building the web client (vite)');
  // in its own process with NODE_ENV=production: React's production build and JSX runtime, also when
  // the caller is a test runner (which sets NODE_ENV=test)
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  // built beside dist/ and then moved in, so two builds at once (a start and a test) never mix files
  const ziel = `${webRoot}-${randomUUID()}`;
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', ziel, '--emptyOutDir'], { cwd: hier, env: { ...process.env, NODE_ENV: 'production' } }, (err, _out, stderr) =>
        err ? reject(new Error(`web client build failed: ${stderr || err.message}`)) : resolve(),
      ),
    );
    rmSync(webRoot, { recursive: true, force: true });
    renameSync(ziel, webRoot);
  } finally {
    rmSync(ziel, { recursive: true, force: true });
  }
  return true;
}
