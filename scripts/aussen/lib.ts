// Helpers of the outside-in suite: the running platform's address, tokens of its development
// issuer, and the outside clients (curl, python3) run as a user runs them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadOrCreateDevKey, signDevToken } from '@eakte/platform';
import { einheitFuerNeueAkten } from '@eakte/testing';
import { inject } from 'vitest';

export const plattform = () => inject('aussen');
export const api = (pfad = '') => `${plattform().url}/api/v1${pfad}`;

export interface TokenWunsch {
  tenant?: string;
  roles: string[];
  sub?: string;
  scope?: string;
}

/** A token of the platform's development issuer, as `pnpm run token` signs it. */
export async function token(w: TokenWunsch): Promise<string> {
  const { url, dataDir } = plattform();
  const key = await loadOrCreateDevKey(path.join(dataDir, 'dev-issuer'));
  return signDevToken(key, {
    issuer: `${url}/dev-issuer`,
    audience: 'eakte',
    sub: w.sub ?? `${w.tenant ?? 'plattform'}-${w.roles[0]}`,
    mandant: w.tenant,
    rollen: w.roles,
    ttlSeconds: 3600,
    ...(w.scope ? { extra: { scope: w.scope } } : {}),
  });
}

export interface Lauf {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs a program to its end (stdin from `eingabe`), bounded by `timeoutMs`. */
export function lauf(befehl: string, args: string[], opts: { eingabe?: Buffer | string; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<Lauf> {
  return new Promise((resolve, reject) => {
    const child = spawn(befehl, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 50_000);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    // a program that exits before reading all its input (curl after a 413) is no failure of the test
    child.stdin.on('error', () => {});
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: err });
    });
    child.stdin.end(opts.eingabe ?? '');
  });
}

export interface CurlAntwort {
  code: number | null;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  stderr: string;
  text(): string;
  json<T = any>(): T;
}

/**
 * curl with its defaults plus the given arguments; `-sS -i` only so the test can read the status and
 * headers (the last response's, after any 100 Continue).
 */
export async function curl(args: string[], opts: { eingabe?: Buffer | string; cwd?: string } = {}): Promise<CurlAntwort> {
  const r = await lauf('curl', ['-sS', '-i', ...args], opts);
  let rest = r.stdout;
  let status = 0;
  const headers: Record<string, string> = {};
  // header blocks follow one another (100 Continue, redirects); the body follows the last one
  for (;;) {
    const ende = rest.indexOf('\r\n\r\n');
    if (ende < 0 || !rest.subarray(0, 5).toString().startsWith('HTTP/')) break;
    const kopf = rest.subarray(0, ende).toString('latin1').split('\r\n');
    status = Number(kopf[0]!.split(' ')[1]);
    for (const k of Object.keys(headers)) delete headers[k];
    for (const zeile of kopf.slice(1)) {
      const i = zeile.indexOf(':');
      if (i > 0) headers[zeile.slice(0, i).trim().toLowerCase()] = zeile.slice(i + 1).trim();
    }
    rest = rest.subarray(ende + 4);
    if (status >= 200) break;
  }
  const body = rest;
  return { code: r.code, status, headers, body, stderr: r.stderr, text: () => body.toString('utf8'), json: () => JSON.parse(body.toString('utf8')) };
}

/** Python 3's standard library: runs `skript` with `args` (sys.argv[1:]). */
export const python = (skript: string, args: string[] = [], opts: { eingabe?: Buffer | string; env?: Record<string, string> } = {}) => lauf('python3', ['-c', skript, ...args], opts);

/** A fresh Akte with one Vorgang in the first Aktenplan unit of `tenant`, created over the API. */
export async function akteMitVorgang(t: string, betreff = 'Outside-in'): Promise<{ akteId: string; vorgangId: string }> {
  const h = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
  const plan = (await (await fetch(api('/aktenplan'), { headers: h })).json()) as { einheiten: { id: string; kennzeichen?: string; kinder?: unknown[] }[] };
  const einheit = einheitFuerNeueAkten(plan.einheiten);
  const akte = await fetch(api('/akten'), { method: 'POST', headers: h, body: JSON.stringify({ aktenplaneinheitId: einheit.id, betreff }) });
  if (akte.status !== 201) throw new Error(`Akte: ${akte.status} ${await akte.text()}`);
  const akteId = ((await akte.json()) as { id: string }).id;
  const vg = await fetch(api(`/akten/${akteId}/vorgaenge`), { method: 'POST', headers: h, body: JSON.stringify({ betreff }) });
  if (vg.status !== 201) throw new Error(`Vorgang: ${vg.status} ${await vg.text()}`);
  return { akteId, vorgangId: ((await vg.json()) as { id: string }).id };
}
