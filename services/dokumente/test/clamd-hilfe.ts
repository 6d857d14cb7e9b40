// A real clamd for the tests: started on loopback with a signature database written at run time
// (freshclam cannot reach the internet here). The only signature matches the EICAR test string,
// which is assembled from parts so that no file of the repository contains it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { befehl } from '../src/adapter/clamd.js';

/** The EICAR anti-virus test file (68 bytes), built in code. */
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-', 'ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'ascii');
export const SIGNATUR = 'Eakte-Test-Eicar';

function clamdPfad(): string {
  for (const p of ['/usr/sbin/clamd', '/usr/local/sbin/clamd', '/usr/bin/clamd']) if (existsSync(p)) return p;
  const w = spawnSync('sh', ['-c', 'command -v clamd'], { encoding: 'utf8' });
  if (w.status === 0 && w.stdout.trim()) return w.stdout.trim();
  throw new Error('clamd is not installed: the malware scanning tests need a real clamd (Debian: apt-get install -y clamav-daemon; .ci/run installs it)');
}

async function freierPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Clamd {
  host: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  beenden(): Promise<void>;
}

export async function starteClamd(): Promise<Clamd> {
  const bin = clamdPfad();
  const dir = mkdtempSync(path.join(tmpdir(), 'eakte-clamd-'));
  const port = await freierPort();
  writeFileSync(path.join(dir, 'test.ndb'), `${SIGNATUR}:0:*:${EICAR.toString('hex')}\n`);
  const conf = path.join(dir, 'clamd.conf');
  writeFileSync(
    conf,
    [
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${dir}`,
      `TemporaryDirectory ${dir}`,
      `LogFile ${path.join(dir, 'clamd.log')}`,
      'Foreground yes',
      'ScanArchive yes',
      // clamd would decode mails itself; off here so the tests prove the service scans every Anlage
      'ScanMail no',
      'StreamMaxLength 600M',
      'MaxThreads 4',
      '',
    ].join('\n'),
  );
  let kind: ChildProcess | null = null;
  let ausgabe = '';
  const ziel = { host: '127.0.0.1', port, timeoutMs: 2000 };

  async function start() {
    const k = spawn(bin, ['--config-file', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    kind = k;
    k.stdout!.on('data', (c: Buffer) => (ausgabe += c.toString()));
    k.stderr!.on('data', (c: Buffer) => (ausgabe += c.toString()));
    const bis = Date.now() + 60_000;
    for (;;) {
      if (k.exitCode !== null) throw new Error(`clamd ended with ${k.exitCode}: ${ausgabe.slice(-2000)}`);
      try {
        if ((await befehl(ziel, 'PING')) === 'PONG') return;
      } catch {
        /* not yet listening */
      }
      if (Date.now() > bis) throw new Error(`clamd did not answer within 60 s: ${ausgabe.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function stop() {
    const k = kind;
    kind = null;
    if (!k || k.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      k.once('exit', () => resolve());
      k.kill('SIGTERM');
      setTimeout(() => k.kill('SIGKILL'), 5000).unref();
    });
  }

  await start();
  return {
    host: '127.0.0.1',
    port,
    start,
    stop,
    async beenden() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
