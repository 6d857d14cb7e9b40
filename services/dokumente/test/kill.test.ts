// The Dokumente service killed with SIGKILL in the middle of uploads, as a child process on the
// test's PostgreSQL and S3: after a restart on the same data no row lacks its object, every
// upload acknowledged with 201 before the kill is intact (SHA-256), and the sweeper removes
// what the dead process left behind (objects without row, spool files).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '@eakte/platform';
import { berichte, freePort } from '@eakte/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dokumenteRepository } from '../src/repositories/dokumente.js';
import { raeumeSpoolVerzeichnis, raeumeVerwaisteObjekte } from '../src/sweeper.js';
import { bis, META, neuerMandant, neuerVorgang, objekteUnter, ownerDb, speicher, zeilen, type Mandant } from './hilfen.js';


const root = fileURLToPath(new URL('../../..', import.meta.url));
const spoolDir = mkdtempSync(path.join(tmpdir(), 'eakte-kill-spool-'));
const kinder: ChildProcess[] = [];
afterAll(() => {
  for (const k of kinder) if (k.exitCode === null && k.signalCode === null) k.kill('SIGKILL');
  rmSync(spoolDir, { recursive: true, force: true });
});

/** Starts `services/dokumente/src/server.ts` in its own process; resolves once /health answers 200. */
async function starteDienst(port: number): Promise<ChildProcess> {
  // node with tsx as loader, not the tsx CLI: that would run the service in a grandchild the kill misses
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
      // background work stays off: the test drives the sweeper itself
      DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: '0',
      DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '0',
      DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  kinder.push(kind);
  let stderr = '';
  kind.stderr!.on('data', (d) => (stderr += d));
  const ende = Date.now() + 30_000;
  while (Date.now() < ende) {
    if (kind.exitCode !== null) throw new Error(`service exited: ${stderr}`);
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return kind;
    await new Promise((r) => setTimeout(r, 100));
  }
  kind.kill('SIGKILL');
  throw new Error(`service not healthy within 30 s: ${stderr}`);
}

/** Text bytes (base64 of random data): detected as text/plain, different every time. */
const text = (n: number) => Buffer.from(randomBytes(Math.ceil((n * 3) / 4)).toString('base64').slice(0, n));

interface Upload {
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
function sende(port: number, auth: Record<string, string>, vorgangId: string, groesse: number, halt?: number): Upload {
  const boundary = `grenze${randomBytes(6).toString('hex')}`;
  const kopf = Buffer.from(
    Object.entries(META).map(([k, w]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${w}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="teil.txt"\r\nContent-Type: text/plain\r\n\r\n`,
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

async function sha256Von(port: number, m: Mandant, id: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/dokumente/${id}/inhalt`, { headers: await m.header() });
  expect(res.status).toBe(200);
  const hash = createHash('sha256');
  for await (const c of res.body!) hash.update(c);
  return hash.digest('hex');
}

const spoolDateien = () => readdirSync(spoolDir).filter((n) => n.endsWith('.upload'));

describe('kill -9 during uploads', () => {
  it('keeps every acknowledged upload intact, leaves no row without object, and the sweeper clears what the dead process left', { timeout: 90_000 }, async (context) => {
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const auth = await m.header();
    const port = await freePort();
    const erster = await starteDienst(port);

    // acknowledged before the kill: small ones and a large streamed one
    const vorher = [...Array.from({ length: 6 }, (_, i) => sende(port, auth, v.vorgangId, 64 * 1024 * (i + 1))), sende(port, auth, v.vorgangId, 16 * 1024 * 1024)];
    for (const u of vorher) expect(await u.antwort).toMatchObject({ status: 201 });

    // in flight at the kill: large uploads stopped mid-body, and a burst racing to commit
    const haengend = Array.from({ length: 3 }, () => sende(port, auth, v.vorgangId, 32 * 1024 * 1024, 2 * 1024 * 1024));
    await bis(() => spoolDateien().length >= 3, 20_000);
    const rennend = Array.from({ length: 12 }, () => sende(port, auth, v.vorgangId, 512 * 1024));
    // kill as soon as the first of the burst is committed: the others are spooling, storing or committing
    await Promise.race(rennend.map((u) => u.antwort));
    const beendet = new Promise((r) => erster.once('exit', r));
    erster.kill('SIGKILL');
    await beendet;

    const imFlug = await Promise.all([...haengend, ...rennend].map(async (u) => ({ u, a: await u.antwort })));
    // the stopped ones never got an answer; some of the burst may have been committed in time
    for (const { a } of imFlug.slice(0, haengend.length)) expect(a).toHaveProperty('fehler');
    const bestaetigt: { u: Upload; id: string }[] = [];
    for (const { u, a } of [...(await Promise.all(vorher.map(async (u) => ({ u, a: await u.antwort })))), ...imFlug.slice(haengend.length)]) {
      if ('fehler' in a) continue;
      expect(a.status).toBe(201);
      bestaetigt.push({ u, id: a.id! });
    }
    // the dead process left its spool files behind
    const liegengeblieben = spoolDateien();
    expect(liegengeblieben.length).toBeGreaterThanOrEqual(haengend.length);

    // objects the dead process stored but never committed a row for
    const referenziertNachKill = new Set((await zeilen(m.id)).versionen.map((x) => x.speicherschluessel));
    const waisen = (await objekteUnter(`${m.id}/`)).filter((k) => !referenziertNachKill.has(k));

    const zweiter = await starteDienst(port);
    try {
      // every 201 before the kill: there, and byte for byte what was sent
      for (const { u, id } of bestaetigt) expect(await sha256Von(port, m, id), `${id} (${u.groesse} bytes)`).toBe(u.sha256);
      // no row points to a missing object; a commit whose 201 the kill swallowed is whole too
      const { dokumente, versionen } = await zeilen(m.id);
      expect(dokumente.length).toBeGreaterThanOrEqual(bestaetigt.length);
      for (const ver of versionen) expect(await speicher().stat(ver.speicherschluessel), ver.speicherschluessel).not.toBeNull();
      const gesendet = new Set([...vorher, ...haengend, ...rennend].map((u) => u.sha256));
      for (const d of dokumente) expect(gesendet.has(await sha256Von(port, m, d.id)), d.id).toBe(true);

      // the sweeper, as the restarted process would run it later: nothing within the grace period…
      const log = createServer({ logLevel: 'silent' }).log;
      const karenzMs = 60_000;
      const objekte = { db: ownerDb(), storage: speicher(), repo: dokumenteRepository, log, karenzMs, prefix: `${m.id}/` };
      expect((await raeumeVerwaisteObjekte(objekte)).entfernt).toEqual([]);
      expect(await raeumeSpoolVerzeichnis({ verzeichnis: spoolDir, log, karenzMs })).toEqual([]);
      // …and everything without a committed row after it
      const spaeter = Date.now() + 2 * karenzMs;
      const verwaist = await raeumeVerwaisteObjekte({ ...objekte, jetzt: spaeter });
      const spool = await raeumeSpoolVerzeichnis({ verzeichnis: spoolDir, log, karenzMs, jetzt: spaeter });
      expect(verwaist.entfernt.sort()).toEqual(waisen.sort());
      expect(spool.sort()).toEqual(liegengeblieben.sort());
      expect(spoolDateien()).toEqual([]);
      const referenziert = versionen.map((x) => x.speicherschluessel).sort();
      expect((await objekteUnter(`${m.id}/`)).sort()).toEqual(referenziert);
      // the restarted service still takes uploads
      expect(await sende(port, auth, v.vorgangId, 1024).antwort).toMatchObject({ status: 201 });

      berichte(context, 'kill-9', `${vorher.length + haengend.length + rennend.length} uploads, ${bestaetigt.length} acknowledged and intact, ` +
        `${dokumente.length - bestaetigt.length} committed unacknowledged, ${verwaist.entfernt.length} orphaned objects and ${spool.length} spool files swept, 0 rows without object`);
    } finally {
      const weg = new Promise((r) => zweiter.once('exit', r));
      zweiter.kill('SIGTERM');
      await weg;
    }
  });
});
