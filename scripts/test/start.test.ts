// The two-command start: `pnpm start` brings up everything on embedded defaults, Ctrl-C stops
// it without leaving PostgreSQL behind, and a second start reuses the data.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@eakte/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../lib/generated.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function start(port: number): Promise<ChildProcess> {
  const child = spawn(tsx, ['scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`start exited: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`not healthy within 60 s: ${stderr}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

function token(port: number, tenant: string) {
  const res = spawnSync(tsx, ['scripts/token.ts', '--tenant', tenant, '--role', 'sachbearbeitung'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(res.status, res.stderr).toBe(0);
  return res.stdout.trim();
}

describe('pnpm start', { timeout: 180_000 }, () => {
  it('starts everything, answers with a token, stops cleanly and restarts on the same data', async () => {
    const port = await freePort();
    const first = await start(port);
    let ids: string[];
    try {
      const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
      expect(health).toMatchObject({ status: 'ok' });
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/aktenplan`, { headers: { authorization: `Bearer ${token(port, 'demo')}` } });
      expect(res.status).toBe(200);
      ids = ((await res.json()) as { einheiten: { id: string }[] }).einheiten.map((e) => e.id);
      expect(ids.length).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/docs/`)).status).toBe(200);
    } finally {
      expect(await stop(first)).toBe(0);
    }
    // no orphan postgres: its port no longer accepts connections
    const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')) as { databaseUrl: string };
    const probe = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
    await expect(probe.connect()).rejects.toThrow();

    const second = await start(port);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/aktenplan`, { headers: { authorization: `Bearer ${token(port, 'demo')}` } });
      const again = ((await res.json()) as { einheiten: { id: string }[] }).einheiten.map((e) => e.id);
      expect(again).toEqual(ids);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });
});
