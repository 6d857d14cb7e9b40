// The Dokumente service as a child process on the test's PostgreSQL and S3 (for faults a test
// process cannot survive, like SIGKILL, and for counting the service's own file descriptors),
// and uploads/downloads over real connections.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, inject } from 'vitest';
import { META, type Mandant } from './hilfen.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const kinder: ChildProcess[] = [];
afterAll(() => {
  for (const k of kinder) if (k.exitCode === null && k.signalCode === null) k.kill('SIGKILL');
});

/** Starts `services/dokumente/src/server.ts` in its own process; resolves once /health answers 200. */
export async function starteDienst(port: number, spoolDir: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  // node with tsx as loader, not the tsx CLI: that would run the service in a grandchild a kill misses
  const kind = spawn(process.execPath, ['--import', 'tsx', 'services/dokumente/src/server.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...inject('env'),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DOKUMENTE_SPOOL_DIR: spoolDir,
      // background work stays off: the tests drive the sweeper themselves
      DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: '0',
      DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '0',
      DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  kinder.push(kind);
  let stderr = '';
  kind.stderr!.on('data', (d) => (stderr += d));
  const ende = Date.now() + 30_000;
  while (Date.now() < ende) {
    if (kind.exitCode !== null) throw new Error(`service exited: ${stderr}`);
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return kind;
    await new Promise((r) => setTimeout(r, 100));
  }
  kind.kill('SIGKILL');
  throw new Error(`service not healthy within 30 s: ${stderr}`);
}

/** Stops the child with SIGTERM (graceful close) and waits for it. */
export async function stoppe(kind: ChildProcess) {
  if (kind.exitCode !== null || kind.signalCode !== null) return;
  const weg = new Promise((r) => kind.once('exit', r));
  kind.kill('SIGTERM');
  await weg;
}

/** The open file descriptors of a process, by what they point to (`socket:[…]`, paths, `pipe:[…]`). */
export function offeneDeskriptoren(pid: number): string[] {
  const ziele: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      ziele.push(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // closed between listing and reading
    }
  }
  return ziele;
}

/**
 * Text bytes (base64 of random data): detected as text/plain, different every time. They start with
 * a fixed word, since random base64 may begin like a file signature (`BM` is a bitmap, `MZ` a program).
 */
export const text = (n: number) => Buffer.from(`Text ${randomBytes(Math.ceil((n * 3) / 4)).toString('base64')}`.slice(0, n));

export interface Upload {
  sha256: string;
  groesse: number;
  /** 201 with the Dokument's id, or the error/status the client saw. */
  antwort: Promise<{ status: number; id?: string } | { fehler: string }>;
}

/**
 * A multipart upload over a real connection, the file part streamed chunk by chunk (chunked
 * transfer encoding). With `halt`, sending stops after that many bytes and waits forever: the
 * service is then mid-body when it is killed.
 */
export function sende(port: number, auth: Record<string, string>, vorgangId: string, groesse: number, halt?: number): Upload {
  const boundary = `grenze${randomBytes(6).toString('hex')}`;
  const kopf = Buffer.from(
    Object.entries(META)
      .map(([k, w]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${w}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="teil.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const hash = createHash('sha256');
  const stuecke: Buffer[] = [];
  for (let rest = groesse; rest > 0; rest -= 256 * 1024) {
    const s = text(Math.min(rest, 256 * 1024));
    hash.update(s);
    stuecke.push(s);
  }
  const antwort = new Promise<{ status: number; id?: string } | { fehler: string }>((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/v1/vorgaenge/${vorgangId}/dokumente`, headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, id: res.statusCode === 201 ? (JSON.parse(body) as { id: string }).id : undefined }));
        res.on('error', (e) => resolve({ fehler: e.message }));
      },
    );
    req.on('error', (e) => resolve({ fehler: e.message }));
    void (async () => {
      let gesendet = 0;
      const schreibe = (b: Buffer) => (req.write(b) ? Promise.resolve() : new Promise<void>((r) => req.once('drain', () => r())));
      await schreibe(kopf);
      for (const s of stuecke) {
        if (req.destroyed) return;
        if (halt !== undefined && gesendet >= halt) return; // stays open, mid-body
        await schreibe(s);
        gesendet += s.length;
      }
      req.end(`\r\n--${boundary}--\r\n`);
    })().catch(() => {});
  });
  return { sha256: hash.digest('hex'), groesse, antwort };
}

export async function sha256Von(port: number, m: Mandant, id: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/dokumente/${id}/inhalt`, { headers: await m.header() });
  expect(res.status).toBe(200);
  const hash = createHash('sha256');
  for await (const c of res.body!) hash.update(c);
  return hash.digest('hex');
}
