// Big uploads: the Dokumente service runs in a child process of its own so its memory can be read
// from /proc/<pid>/status; the peak (VmHWM, reset before each upload through clear_refs, and
// VmRSS sampled every 10 ms as a fallback) minus the resident size before is the growth. The
// baseline streams the same file to S3 as a multipart upload with the storage package's client.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@eakte/embedded';
import { FormData, request } from 'undici';
import { root } from '../lib/generated.js';
import type { BenchKontext } from './index.js';
import { objectStore } from './ingest.js';
import { akteMitVorgang, median, MiB, pdf, vergleiche, type Messung, type Zeile } from './lib.js';

export const name = 'upload';

const status = (pid: number, feld: string) => Number(new RegExp(`${feld}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

async function datei(pfad: string, bytes: number) {
  const out = createWriteStream(pfad);
  const kopf = pdf(4096, 'big');
  out.write(kopf);
  const block = Buffer.alloc(MiB, 'Aktenvermerk zum Vorgang. ');
  for (let rest = bytes - kopf.length; rest > 0; rest -= block.length) {
    if (!out.write(rest >= block.length ? block : block.subarray(0, rest))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const groessen = ctx.groesse === 'quick' ? [20 * MiB] : ctx.groesse === 'scale' ? [200 * MiB, 2048 * MiB] : [200 * MiB];
  const token = await ctx.token('demo', ['sachbearbeitung']);
  const { vorgangId } = await akteMitVorgang(ctx.url, token, 'Benchmark große Dateien');
  const port = await freePort();
  const adresse = `http://127.0.0.1:${port}`;
  const dienst = spawn(process.execPath, ['--import', 'tsx', 'services/dokumente/src/server.ts'], {
    cwd: root,
    env: { ...process.env, ...ctx.env, OIDC_ISSUER: ctx.issuer, LOG_LEVEL: 'error', HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const store = objectStore(ctx.env);
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await request(`${adresse}/health/live`)).statusCode === 200) break;
      } catch {
        if (i > 300 || dienst.exitCode !== null) throw new Error('Dokumente service did not start');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const pid = dienst.pid!;
    const zeilen: Zeile[] = [];
    for (const bytes of groessen) {
      const pfad = path.join(ctx.dataDir, `gross-${bytes}.pdf`);
      await datei(pfad, bytes);
      const wachstum: number[] = [];
      const vorher: number[] = [];
      const subjekt = async (): Promise<Messung> => {
        const basis = status(pid, 'VmRSS');
        let hwmZurueckgesetzt = true;
        try {
          writeFileSync(`/proc/${pid}/clear_refs`, '5');
        } catch {
          hwmZurueckgesetzt = false;
        }
        let spitze = basis;
        const sampler = setInterval(() => (spitze = Math.max(spitze, status(pid, 'VmRSS'))), 10);
        const t0 = performance.now();
        try {
          const form = new FormData();
          form.set('betreff', 'Planfeststellungsunterlagen');
          form.set('datumDesSchreibens', '2026-11-02');
          form.set('datei', await openAsBlob(pfad, { type: 'application/pdf' }), 'unterlagen.pdf');
          const res = await request(`${adresse}/api/v1/vorgaenge/${vorgangId}/dokumente`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
          const text = await res.body.text();
          if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${text.slice(0, 300)}`);
        } finally {
          clearInterval(sampler);
        }
        const ms = performance.now() - t0;
        if (hwmZurueckgesetzt) spitze = Math.max(spitze, status(pid, 'VmHWM'));
        wachstum.push((spitze - basis) / MiB);
        vorher.push(basis / MiB);
        return { anfragen: 1, sekunden: ms / 1000, proSekunde: bytes / MiB / (ms / 1000), p50: ms, p95: ms, p99: ms };
      };
      const basis = async (): Promise<Messung> => {
        const key = `${ctx.mandanten.demo}/${randomUUID()}`;
        const t0 = performance.now();
        await store.put(key, createReadStream(pfad), bytes, 'application/pdf');
        const ms = performance.now() - t0;
        await store.remove(key);
        return { anfragen: 1, sekunden: ms / 1000, proSekunde: bytes / MiB / (ms / 1000), p50: ms, p95: ms, p99: ms };
      };
      const runs = bytes > 1024 * MiB ? 1 : ctx.runs === 1 ? 1 : 3;
      const z = await vergleiche(`${bytes / MiB} MiB upload (MiB/s)`, runs, subjekt, basis);
      z.extra = { 'RSS growth MiB': median(wachstum).toFixed(1), 'RSS before MiB': median(vorher).toFixed(0), 'max growth MiB': Math.max(...wachstum).toFixed(1) };
      zeilen.push(z);
      rmSync(pfad, { force: true });
    }
    return zeilen;
  } finally {
    dienst.kill('SIGTERM');
    if (dienst.exitCode === null) await once(dienst, 'exit');
  }
}
