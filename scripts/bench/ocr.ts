// OCR of scans: pages per minute through the platform (upload to a Dokumente service in its own process,
// its job runner running OCRmyPDF, until every scan's OCR state is `fertig`) against bare `ocrmypdf` with
// the same arguments and the same concurrency (2 jobs, as the job runner) on the same files in the same run.
// Also the service's peak resident memory while it works (VmHWM): temp files, not buffers, keep it flat.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@eakte/embedded';
import pg from 'pg';
import { FormData, request } from 'undici';
import { ocrArgumente } from '../../services/dokumente/src/domain/ocr.js';
import { BRIEFTEXT, scanTiff } from '../../services/dokumente/test/scan-hilfe.js';
import { root } from '../lib/generated.js';
import type { BenchKontext } from './index.js';
import { akteMitVorgang, MiB, vergleiche, type Messung, type Zeile } from './lib.js';

export const name = 'ocr';

const PARALLEL = 2;
const status = (pid: number, feld: string) => Number(new RegExp(`${feld}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

function ocrmypdf(eingabe: string, ausgabe: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn('ocrmypdf', ocrArgumente({ eingabe, ausgabe, text: `${ausgabe}.txt` }), { stdio: 'ignore' });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ocrmypdf exit ${code}`))));
  });
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  if (spawnSync('ocrmypdf', ['--version']).status !== 0) {
    process.stderr.write('ocr: skipped, ocrmypdf is not installed (Debian: ocrmypdf tesseract-ocr-deu)\n');
    return [];
  }
  const [dateien, seitenJeDatei] = ctx.groesse === 'quick' ? [2, 1] : ctx.groesse === 'scale' ? [4, 10] : [4, 2];
  const seite = (i: number) => BRIEFTEXT.map((z, j) => (j === 0 ? `${z} (Seite ${i + 1})` : z));
  const pfade: string[] = [];
  for (let d = 0; d < dateien; d++) {
    const p = path.join(ctx.dataDir, `scan-${d}.tif`);
    writeFileSync(
      p,
      await scanTiff(
        Array.from({ length: seitenJeDatei }, (_, i) => seite(i)),
        d % 2 ? 1.5 : -1,
      ),
    );
    pfade.push(p);
  }
  const seiten = dateien * seitenJeDatei;
  const token = await ctx.token('demo', ['sachbearbeitung']);
  const { vorgangId } = await akteMitVorgang(ctx.url, token, 'Benchmark Texterkennung');
  const port = await freePort();
  const adresse = `http://127.0.0.1:${port}`;
  // this service works the jobs (the platform's own instance leaves them: DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN=0)
  const dienst = spawn(process.execPath, ['--import', 'tsx', 'services/dokumente/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...ctx.env,
      OIDC_ISSUER: ctx.issuer,
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: String(port),
      DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '1',
      DOKUMENTE_OCR_VERZEICHNIS: ctx.dataDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // the OCR state is a tenant table under FORCE row-level security: read in the tenant's context
  const owner = new pg.Client({ connectionString: ctx.ownerUrl });
  await owner.connect();
  await owner.query(`SELECT set_config('app.mandant', $1, false)`, [ctx.mandanten.demo]);
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
    const spitzen: number[] = [];
    const subjekt = async (): Promise<Messung> => {
      const vorher = status(pid, 'VmRSS');
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const t0 = performance.now();
      const ids: string[] = [];
      for (const [i, p] of pfade.entries()) {
        const form = new FormData();
        form.set('betreff', `Posteingang Scan ${i + 1}`);
        form.set('datumDesSchreibens', '2026-12-01');
        form.set('datei', await openAsBlob(p, { type: 'image/tiff' }), `scan-${i}.tif`);
        const res = await request(`${adresse}/api/v1/vorgaenge/${vorgangId}/dokumente`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        const body = (await res.body.json()) as { id: string };
        if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}`);
        ids.push(body.id);
      }
      for (;;) {
        const r = await owner.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM dokumente.texterkennung WHERE dokument_id = ANY($1::uuid[]) GROUP BY status', [ids]);
        const fertig = r.rows.find((z) => z.status === 'fertig')?.n ?? 0;
        const andere = r.rows.filter((z) => z.status !== 'fertig' && z.status !== 'ausstehend');
        if (andere.length) throw new Error(`OCR ended otherwise: ${JSON.stringify(andere)}`);
        if (fertig === ids.length) break;
        await new Promise((res) => setTimeout(res, 200));
      }
      const s = (performance.now() - t0) / 1000;
      spitzen.push((status(pid, 'VmHWM') - vorher) / MiB);
      return { anfragen: seiten, sekunden: s, proSekunde: seiten / s, p50: (s * 1000) / dateien, p95: NaN, p99: NaN };
    };
    const basis = async (): Promise<Messung> => {
      const t0 = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < pfade.length) {
            const p = pfade[next++]!;
            await ocrmypdf(p, `${p}.pdf`);
            rmSync(`${p}.pdf`, { force: true });
            rmSync(`${p}.pdf.txt`, { force: true });
          }
        }),
      );
      const s = (performance.now() - t0) / 1000;
      return { anfragen: seiten, sekunden: s, proSekunde: seiten / s, p50: (s * 1000) / dateien, p95: NaN, p99: NaN };
    };
    const z = await vergleiche(`${dateien} TIFF scans × ${seitenJeDatei} pages (pages/s)`, ctx.runs === 1 ? 1 : 2, subjekt, basis);
    z.extra = { 'pages/min': (z.messung.proSekunde * 60).toFixed(1), 'bare pages/min': ((z.basis?.proSekunde ?? NaN) * 60).toFixed(1), 'RSS growth MiB (peak)': Math.max(...spitzen).toFixed(1) };
    return [z];
  } finally {
    await owner.end();
    dienst.kill('SIGTERM');
    if (dienst.exitCode === null) await once(dienst, 'exit');
    for (const p of pfade) rmSync(p, { force: true });
  }
}
