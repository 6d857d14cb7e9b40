// A real Dovecot IMAP server for the mailbox tests (Debian `dovecot-imapd`): its own instance on a
// free unprivileged port of 127.0.0.1, configured by a file in a temporary directory, users from a
// passwd-file, mail in Maildir, plain IMAP (the tests allow loopback and no TLS by the operator's settings).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as warte } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';

export const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface Dovecot {
  port: number;
  /** An IMAP client logged in as `benutzer` (for putting mail in and looking at the folders). */
  client(benutzer: string, pass: string): Promise<ImapFlow>;
  stop(): Promise<void>;
}

async function freierPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function uidVon(name: string): { uid: number; gid: number } | null {
  try {
    return { uid: Number(execFileSync('id', ['-u', name]).toString()), gid: Number(execFileSync('id', ['-g', name]).toString()) };
  } catch {
    return null;
  }
}

export async function starteDovecot(benutzer: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'eakte-dovecot-'));
  // Dovecot's login and mail processes must reach the directory
  chmodSync(dir, 0o755);
  const ich = userInfo();
  // as root, Dovecot runs its processes as its own unprivileged users (never as root)
  const root = ich.uid === 0;
  const mailUser = root ? (uidVon('dovecot') ?? { uid: 65534, gid: 65534 }) : { uid: ich.uid, gid: ich.gid };
  const mail = path.join(dir, 'mail');
  mkdirSync(mail);
  if (root) chownSync(mail, mailUser.uid, mailUser.gid);
  writeFileSync(
    path.join(dir, 'passwd'),
    Object.entries(benutzer)
      .map(([u, p]) => `${u}:{PLAIN}${p}::::::\n`)
      .join(''),
  );
  const port = await freierPort();
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${root ? 'dovecot' : ich.username}
default_internal_group = ${root ? 'dovecot' : ich.username}
default_login_user = ${root ? 'dovenull' : ich.username}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUser.uid} gid=${mailUser.gid} home=${mail}/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  // the daemon keeps inherited pipes open: no stdio, or this call would wait for it to exit
  execFileSync(DOVECOT, ['-c', conf], { stdio: 'ignore', timeout: 10_000 });
  // up when it answers with its greeting
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('* OK'));
      });
      s.once('error', () => resolve(false));
    });
    if (ok) break;
    if (i > 100) throw new Error('dovecot did not start');
    await warte(50);
  }
  return {
    port,
    async client(user, pass) {
      const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass }, logger: false, disableAutoIdle: true });
      await c.connect();
      return c;
    },
    async stop() {
      // the master's pid from its base_dir: SIGTERM stops it and its children
      const pid = Number(readFileSync(path.join(dir, 'run', 'master.pid'), 'utf8').trim());
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        await warte(50);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Vermittler {
  port: number;
  /** Resolves once a client command matching `befehl` arrived and was held back (not sent on). */
  halteAn(befehl: RegExp): Promise<void>;
  /** Commands are sent on again (the held one never: its client is gone). */
  lassDurch(): void;
  stop(): Promise<void>;
}

/**
 * A TCP relay in front of Dovecot that can hold back a client's IMAP command (plain IMAP, so the
 * commands can be read): the client is then stopped exactly before that step, e.g. the move after
 * filing, however fast it works otherwise. Nothing in the service knows about it.
 */
export async function imapVermittler(zielPort: number): Promise<Vermittler> {
  let halt: { befehl: RegExp; erreicht: () => void } | null = null;
  const verbindungen = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const ziel = net.connect(zielPort, '127.0.0.1');
    verbindungen.add(client).add(ziel);
    let angehalten = false;
    ziel.pipe(client);
    client.on('data', (d: Buffer) => {
      if (angehalten) return;
      if (halt && halt.befehl.test(d.toString('latin1'))) {
        angehalten = true;
        halt.erreicht();
        return;
      }
      ziel.write(d);
    });
    const zu = () => {
      client.destroy();
      ziel.destroy();
      verbindungen.delete(client);
      verbindungen.delete(ziel);
    };
    client.on('close', zu).on('error', zu);
    ziel.on('close', zu).on('error', zu);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    halteAn(befehl) {
      return new Promise<void>((resolve) => {
        halt = { befehl, erreicht: resolve };
      });
    },
    lassDurch() {
      halt = null;
    },
    async stop() {
      for (const s of verbindungen) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
