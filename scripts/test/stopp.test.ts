// Production stop: each service's production entry, started as a supervisor (systemd) starts it —
// one `node` process, not a process group — finishes the request in flight after SIGTERM and
// exits 0 within 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer as httpServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authHeader, einheitFuerNeueAkten, freePort, testEnv } from '@eakte/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { root } from '../lib/generated.js';
import { alleDienste, schliesseDienste } from './dienste.js';

/** The command line of deploy/systemd/*.service: node with tsx's loader, no wrapper process. */
export const produktionsStart = (dienst: string) => [process.execPath, ['--import', 'tsx', `services/${dienst}/src/server.ts`]] as const;

interface Laufend {
  child: ChildProcess;
  port: number;
  ausgabe: () => string;
  ende: Promise<{ code: number | null; signal: string | null; zeit: number }>;
}

const gestartet: ChildProcess[] = [];
afterEach(() => {
  for (const c of gestartet.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

async function starte(dienst: string, env: Record<string, string> = {}): Promise<Laufend> {
  const port = await freePort();
  const [befehl, args] = produktionsStart(dienst);
  const child = spawn(befehl, args, {
    cwd: root,
    env: { ...process.env, ...testEnv(), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  gestartet.push(child);
  let ausgabe = '';
  child.stdout!.on('data', (d) => (ausgabe += d));
  child.stderr!.on('data', (d) => (ausgabe += d));
  const ende = new Promise<{ code: number | null; signal: string | null; zeit: number }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, zeit: Date.now() })));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${dienst} exited at start: ${ausgabe}`);
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`${dienst} did not listen within 60 s: ${ausgabe}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, port, ausgabe: () => ausgabe, ende };
}

// keeps idle connections open for a minute, as browsers and proxies do: the server must close them
const browserAgent = new Agent({ keepAlive: true, timeout: 60_000 });
afterAll(() => browserAgent.destroy());

interface Antwort {
  status: number;
  body: string;
  vollstaendig: boolean;
}

/**
 * A request whose body trickles in over `dauerMs` (a slow upload): `gesendet` resolves once the
 * first bytes are on the wire, so the request is in flight on the server.
 */
function langsamerUpload(port: number, pfad: string, headers: Record<string, string>, body: Buffer, dauerMs: number) {
  let gesendet!: () => void;
  const unterwegs = new Promise<void>((r) => (gesendet = r));
  const antwort = new Promise<Antwort>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pfad, method: 'POST', agent: browserAgent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('close', () => resolve({ status: res.statusCode!, body: text, vollstaendig: res.complete }));
    });
    req.on('error', reject);
    const teile = 10;
    const groesse = Math.ceil(body.length / teile);
    let i = 0;
    const weiter = () => {
      req.write(body.subarray(i * groesse, (i + 1) * groesse));
      if (i === 0) setTimeout(gesendet, 100);
      i++;
      if (i * groesse >= body.length) req.end();
      else setTimeout(weiter, dauerMs / teile);
    };
    weiter();
  });
  return { unterwegs, antwort };
}

function holen(port: number, pfad: string, headers: Record<string, string> = {}): Promise<Antwort & { headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: pfad, headers, agent: browserAgent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('close', () => resolve({ status: res.statusCode!, body: text, vollstaendig: res.complete, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * The request is in flight once the server has read its headers and logged it: bytes on the wire
 * are not enough, a loaded machine may parse them only after the signal, and a request that
 * arrives while closing is answered 503.
 */
async function angenommen(l: Laufend, unterwegs: Promise<void>) {
  await unterwegs;
  const bis = Date.now() + 15_000;
  while (!/"url":"(?!\/health")[^\n]*"msg":"incoming request"/.test(l.ausgabe())) {
    if (Date.now() > bis) throw new Error(`the server did not log the request within 15 s:\n${l.ausgabe()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** SIGTERM while `antwort` is in flight: it completes, and the process exits 0 within 10 s. */
async function stoppeWaehrend(l: Laufend, unterwegs: Promise<void>, antwort: Promise<Antwort>, erwartet: number) {
  await angenommen(l, unterwegs);
  const signal = Date.now();
  l.child.kill('SIGTERM');
  // a second signal (systemd's KillMode=control-group, an impatient operator) must not cut it short
  setTimeout(() => l.child.exitCode === null && l.child.kill('SIGTERM'), 300);
  const a = await antwort.catch((err: Error) => ({ status: 0, body: `${err.message}`, vollstaendig: false }));
  expect({ status: a.status, vollstaendig: a.vollstaendig }, `${a.body}\n${l.ausgabe()}`).toEqual({ status: erwartet, vollstaendig: true });
  const e = await Promise.race([l.ende, new Promise<null>((r) => setTimeout(() => r(null), 11_000))]);
  expect(e, `still running 11 s after SIGTERM:\n${l.ausgabe()}`).not.toBeNull();
  expect({ code: e!.code, signal: e!.signal }, l.ausgabe()).toEqual({ code: 0, signal: null });
  expect(e!.zeit - signal).toBeLessThan(10_000);
  return a;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

async function akteMitVorgang() {
  const apps = await alleDienste();
  try {
    const h = { ...(await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] })), 'content-type': 'application/json' };
    const plan = (await apps.akten!.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json() as { einheiten: { id: string }[] };
    const akte = await apps.akten!.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Stopp' } });
    expect(akte.statusCode, akte.body).toBe(201);
    const vorgang = await apps.akten!.inject({ method: 'POST', url: `/api/v1/akten/${akte.json().id}/vorgaenge`, headers: h, payload: { betreff: 'Stopp' } });
    expect(vorgang.statusCode, vorgang.body).toBe(201);
    return { akteId: akte.json().id as string, vorgangId: vorgang.json().id as string, einheitId: einheitFuerNeueAkten(plan.einheiten).id };
  } finally {
    await schliesseDienste(apps);
  }
}

describe('production stop on SIGTERM', { timeout: 90_000 }, () => {
  it('akten: a slow JSON upload in flight is answered, then the process exits 0', async () => {
    const { einheitId } = await akteMitVorgang();
    const l = await starte('akten');
    const h = { ...(await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] })), 'content-type': 'application/json' };
    const { unterwegs, antwort } = langsamerUpload(l.port, '/api/v1/akten', h, json({ aktenplaneinheitId: einheitId, betreff: `Beim Stoppen angelegt ${'.'.repeat(200)}` }), 3_000);
    const a = await stoppeWaehrend(l, unterwegs, antwort, 201);
    expect(JSON.parse(a.body)).toMatchObject({ betreff: expect.stringMatching(/^Beim Stoppen angelegt/) });
  });

  it('akten: a request that outlasts the grace period is cut, and the process still ends within 10 s', async () => {
    const { einheitId } = await akteMitVorgang();
    const l = await starte('akten');
    const h = { ...(await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] })), 'content-type': 'application/json' };
    const { unterwegs, antwort } = langsamerUpload(l.port, '/api/v1/akten', h, json({ aktenplaneinheitId: einheitId, betreff: `Zu langsam ${'.'.repeat(200)}` }), 30_000);
    await angenommen(l, unterwegs);
    const signal = Date.now();
    l.child.kill('SIGTERM');
    await expect(antwort).rejects.toThrow(/socket hang up|ECONNRESET/);
    const e = await l.ende;
    expect(e.zeit - signal).toBeLessThan(10_000);
    expect(e.zeit - signal).toBeGreaterThanOrEqual(7_000);
    expect(l.ausgabe()).toContain('connections cut');
  });

  it('dokumente: a streaming multipart upload in flight is stored, then the process exits 0', async () => {
    const { vorgangId } = await akteMitVorgang();
    const l = await starte('dokumente', { DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: '0' });
    const grenze = 'stoppgrenze';
    const inhalt = Buffer.from('Zeile des Bescheids\n'.repeat(20_000));
    const body = Buffer.concat([
      Buffer.from(
        `--${grenze}\r\nContent-Disposition: form-data; name="betreff"\r\n\r\nBeim Stoppen\r\n--${grenze}\r\nContent-Disposition: form-data; name="datumDesSchreibens"\r\n\r\n2026-11-30\r\n`,
      ),
      Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="stopp.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      inhalt,
      Buffer.from(`\r\n--${grenze}--\r\n`),
    ]);
    const h = { ...(await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] })), 'content-type': `multipart/form-data; boundary=${grenze}` };
    const { unterwegs, antwort } = langsamerUpload(l.port, `/api/v1/vorgaenge/${vorgangId}/dokumente`, h, body, 3_000);
    const a = await stoppeWaehrend(l, unterwegs, antwort, 201);
    expect(JSON.parse(a.body)).toMatchObject({ aktuelleVersion: { groesse: inhalt.length } });
  });

  it('aussonderung: a slow Löschsperre request in flight is answered, then the process exits 0', async () => {
    const { akteId } = await akteMitVorgang();
    const l = await starte('aussonderung');
    const h = { ...(await authHeader({ tenant: 'demo', roles: ['registratur'] })), 'content-type': 'application/json' };
    const { unterwegs, antwort } = langsamerUpload(l.port, '/api/v1/loeschsperren', h, json({ bezeichnung: 'Beim Stoppen', grund: `Verfahren ${'.'.repeat(200)}`, akten: [akteId] }), 3_000);
    const a = await stoppeWaehrend(l, unterwegs, antwort, 201);
    expect(JSON.parse(a.body)).toMatchObject({ akten: [akteId], aktiv: true });
  });

  it('protokoll: a slow checkpoint request in flight is answered, then the process exits 0', async () => {
    const l = await starte('protokoll', { PROTOKOLL_CHECKPOINT_INTERVALL: '0' });
    const h = { ...(await authHeader({ tenant: 'demo', roles: ['registratur'] })), 'content-type': 'application/json' };
    const { unterwegs, antwort } = langsamerUpload(l.port, '/api/v1/protokoll/checkpoints', h, json({ leer: ' '.repeat(200) }), 3_000);
    await stoppeWaehrend(l, unterwegs, antwort, 201);
  });

  it('gateway: a slow upstream answer in flight is passed on whole, then the process exits 0', async () => {
    // a service that takes 3 s to answer
    let angekommen!: () => void;
    const unterwegs = new Promise<void>((r) => (angekommen = r));
    const upstream = httpServer((req, res) => {
      if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      angekommen();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"einheiten":[');
      setTimeout(() => res.end('{"id":"langsam"}]}'), 3_000);
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      const l = await starte('gateway', { AKTEN_URL: url, DOKUMENTE_URL: url, AUSSONDERUNG_URL: url, PROTOKOLL_URL: url });
      const antwort = holen(l.port, '/api/v1/aktenplan', await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }));
      const a = await stoppeWaehrend(l, unterwegs, antwort, 200);
      expect(JSON.parse(a.body)).toEqual({ einheiten: [{ id: 'langsam' }] });
    } finally {
      upstream.closeAllConnections();
      await new Promise((r) => upstream.close(r));
    }
  });
});
