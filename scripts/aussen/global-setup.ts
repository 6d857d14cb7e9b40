// Starts the platform once for the outside-in suite the way a user does: `tsx scripts/start.ts`
// (what `pnpm start` runs) in a child process on a free port, with its own data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@eakte/testing';
import type { TestProject } from 'vitest/node';
import { root } from '../lib/generated.js';

declare module 'vitest' {
  export interface ProvidedContext {
    aussen: { url: string; port: number; dataDir: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-aussen-'));
  const port = await freePort();
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: root,
    // headers must be complete within 3 s (default 30 s), so the stalled-client test stays short
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: process.env.AUSSEN_LOG_LEVEL ?? 'warn', HEADERS_TIMEOUT_MS: '3000' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
    process.stderr.write(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited (${child.exitCode}): ${stderr}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the platform was not healthy within 150 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('aussen', { url, port, dataDir });

  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
