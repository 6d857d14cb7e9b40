// The test topology of `pnpm test:betrieb`: two instances of every service, each its own `node`
// process started as deploy/systemd starts it (no pnpm, no process group), one embedded PostgreSQL
// and one bucket (the S3 emulator, or a real server), and one gateway process in front that takes each
// service's instances in turn. The processes run this checkout's code or an earlier release's.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@eakte/embedded';
import { createServer, devIssuerRoutes, loadOrCreateDevKey, signDevToken } from '@eakte/platform';
import { root } from '../lib/generated.js';
import { startInfrastructure, type Infrastructure } from '../lib/stack.js';

export const DIENSTE = ['akten', 'dokumente', 'aussonderung', 'protokoll'] as const;
export type Dienstname = (typeof DIENSTE)[number];

/** One running process and what it wrote (pino JSON lines). */
export interface Prozess {
  name: string;
  port: number;
  child: ChildProcess;
  ausgabe: string[];
  ende: Promise<{ code: number | null; signal: string | null }>;
  /** the code it runs */
  wurzel: string;
}

export interface Topologie {
  gateway: string;
  infra: Infrastructure;
  instanzen: Record<Dienstname, Prozess[]>;
  gatewayProzess: Prozess;
  /** A bearer header of the test issuer. */
  kopf(rollen: string[], mandant?: string, sub?: string): Promise<{ authorization: string }>;
  /** SIGTERM to one instance, waits for its exit (code and how long it took). */
  stoppe(dienst: Dienstname, i: number): Promise<{ code: number | null; signal: string | null; ms: number }>;
  /** Starts the instance again on its port and waits until its /health answers; with `wurzel`, that code. */
  starte(dienst: Dienstname, i: number, wurzel?: string): Promise<void>;
  /** Every log line of every instance of `dienst` (or of all), parsed. */
  logs(dienst?: Dienstname | 'gateway'): Record<string, unknown>[];
  stop(): Promise<void>;
}

export interface TopologieOptionen {
  /** extra environment of every service instance (job intervals and the like) */
  env?: Record<string, string>;
  gatewayEnv?: Record<string, string>;
  /**
   * The code the processes run, and that migrates and seeds the database (default: this checkout).
   * A previous release from `frueheresRelease`: the platform starts at that release's migration level.
   */
  wurzel?: string;
  /** an S3 server instead of the emulator (`S3_ENDPOINT`, keys, region, bucket) */
  s3?: Record<string, string>;
}

/** The command line of deploy/systemd/*.service: node with tsx's loader. */
const befehl = (dienst: string) => [process.execPath, ['--import', 'tsx', `services/${dienst}/src/server.ts`]] as const;

/**
 * The code of an earlier commit in a temporary directory, runnable with this checkout's installed
 * packages: `git archive` of the commit, each workspace package's node_modules copied as its symlinks
 * (relative ones, so the workspace packages resolve to the earlier code), the root's linked.
 */
export function frueheresRelease(commit: string): { wurzel: string; entfernen(): void } {
  const wurzel = mkdtempSync(path.join(tmpdir(), 'eakte-release-'));
  execFileSync('sh', ['-c', `git archive --format=tar "$1" | tar -x -C "$2"`, 'sh', commit, wurzel], { cwd: root });
  symlinkSync(path.join(root, 'node_modules'), path.join(wurzel, 'node_modules'));
  for (const bereich of ['packages', 'services', '.']) {
    const dirs = bereich === '.' ? ['scripts'] : readdirSync(path.join(wurzel, bereich));
    for (const d of dirs) {
      const rel = bereich === '.' ? d : path.join(bereich, d);
      const von = path.join(root, rel, 'node_modules');
      if (existsSync(von) && existsSync(path.join(wurzel, rel, 'package.json'))) cpSync(von, path.join(wurzel, rel, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    }
  }
  return { wurzel, entfernen: () => rmSync(wurzel, { recursive: true, force: true }) };
}

/** Migrates and seeds the empty database with the code in `wurzel` (its own migrations and demo data). */
function migrierenMit(wurzel: string, ownerUrl: string) {
  const skript = path.join(wurzel, 'scripts', '.betrieb-migrieren.ts');
  mkdirSync(path.dirname(skript), { recursive: true });
  writeFileSync(
    skript,
    `import { runMigrations } from '@eakte/db';\nimport { seedDemo } from './lib/demo.js';\nawait runMigrations(process.env.DATABASE_OWNER_URL!);\nawait seedDemo(process.env.DATABASE_OWNER_URL!);\n`,
  );
  execFileSync(process.execPath, ['--import', 'tsx', skript], { cwd: wurzel, env: { ...process.env, DATABASE_OWNER_URL: ownerUrl }, stdio: ['ignore', 'ignore', 'pipe'] });
}

function prozess(name: string, dienst: string, port: number, env: Record<string, string>, cwd = root): Prozess {
  const [cmd, args] = befehl(dienst);
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ausgabe: string[] = [];
  let rest = '';
  const lies = (d: Buffer) => {
    const teile = (rest + d.toString('utf8')).split('\n');
    rest = teile.pop() ?? '';
    ausgabe.push(...teile.filter(Boolean));
  };
  child.stdout!.on('data', lies);
  child.stderr!.on('data', lies);
  const ende = new Promise<{ code: number | null; signal: string | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return { name, port, child, ausgabe, ende, wurzel: cwd };
}

async function bereit(p: Prozess, bisMs = 240_000) {
  const bis = Date.now() + bisMs;
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited at start:\n${p.ausgabe.slice(-20).join('\n')}`);
    const ok = await fetch(`http://127.0.0.1:${p.port}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      async (r) => (await r.body?.cancel(), r.ok),
      () => false,
    );
    if (ok) return;
    if (Date.now() > bis) throw new Error(`${p.name} not healthy within ${bisMs} ms:\n${p.ausgabe.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function starteTopologie(opts: TopologieOptionen = {}): Promise<Topologie> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-betrieb-'));
  const wurzel = opts.wurzel ?? root;
  const infra = await startInfrastructure({ dataDir, env: { ...opts.s3 }, fast: true, seed: true, ohneMigration: wurzel !== root, log: () => {} });
  if (wurzel !== root) {
    try {
      migrierenMit(wurzel, infra.ownerUrl);
    } catch (err) {
      await infra.stop();
      throw err;
    }
  }
  const devKey = await loadOrCreateDevKey(path.join(dataDir, 'dev-issuer'));
  const issuerServer = createServer({ logLevel: 'silent' });
  let issuer = '';
  await issuerServer.register(devIssuerRoutes, { prefix: '/dev-issuer', key: devKey, issuer: () => issuer });
  issuer = `${await issuerServer.listen({ host: '127.0.0.1', port: 0 })}/dev-issuer`;

  const dienstEnv = {
    ...infra.env,
    OIDC_ISSUER: issuer,
    LOG_LEVEL: 'debug',
    // behind the gateway every client has the gateway's address: the gateway applies the limits
    RATE_LIMIT_MAX: '0',
    POSTFACH_ABRUF_INTERVALL_SEKUNDEN: '0',
    ...opts.env,
  };
  const instanzen = {} as Record<Dienstname, Prozess[]>;
  for (const d of DIENSTE) instanzen[d] = await Promise.all([0, 1].map(async (i) => prozess(`${d}-${i + 1}`, d, await freePort(), dienstEnv, wurzel)));
  const alle = () => [...Object.values(instanzen).flat(), ...(gatewayProzess ? [gatewayProzess] : [])];
  let gatewayProzess: Prozess | undefined;
  const stop = async () => {
    await Promise.all(
      alle().map(async (p) => {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
        const t = setTimeout(() => p.child.kill('SIGKILL'), 12_000);
        await p.ende;
        clearTimeout(t);
      }),
    );
    await issuerServer.close();
    await infra.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // the first instance of each service migrates nothing (stack.ts did): all start side by side
    await Promise.all(
      Object.values(instanzen)
        .flat()
        .map((p) => bereit(p)),
    );
    const urls = Object.fromEntries(DIENSTE.map((d) => [`${d.toUpperCase()}_URL`, instanzen[d].map((p) => `http://127.0.0.1:${p.port}`).join(',')]));
    gatewayProzess = prozess('gateway', 'gateway', await freePort(), { LOG_LEVEL: 'info', ...urls, ...opts.gatewayEnv }, wurzel);
    await bereit(gatewayProzess);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    gateway: `http://127.0.0.1:${gatewayProzess.port}`,
    infra,
    instanzen,
    gatewayProzess,
    kopf: async (rollen, mandant = 'demo', sub = `${mandant}-${rollen[0]}`) => ({
      authorization: `Bearer ${await signDevToken(devKey, { issuer, audience: 'eakte', sub, mandant, rollen })}`,
    }),
    async stoppe(dienst, i) {
      const p = instanzen[dienst][i]!;
      const t0 = Date.now();
      p.child.kill('SIGTERM');
      const e = await p.ende;
      return { ...e, ms: Date.now() - t0 };
    },
    async starte(dienst, i, code) {
      const alt = instanzen[dienst][i]!;
      const neu = prozess(alt.name, dienst, alt.port, dienstEnv, code ?? alt.wurzel);
      // the logs of both runs of the instance stay together
      neu.ausgabe.unshift(...alt.ausgabe);
      instanzen[dienst][i] = neu;
      await bereit(neu);
    },
    logs(dienst) {
      const quellen = dienst === 'gateway' ? [gatewayProzess] : dienst ? instanzen[dienst] : Object.values(instanzen).flat();
      return quellen.flatMap((p) =>
        p.ausgabe.flatMap((zeile) => {
          try {
            return [{ ...(JSON.parse(zeile) as Record<string, unknown>), prozess: p.name }];
          } catch {
            return [];
          }
        }),
      );
    },
    stop,
  };
}
