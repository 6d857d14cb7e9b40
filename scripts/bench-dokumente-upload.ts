// pnpm bench:upload: upload throughput and server memory of the Dokumente service for 1 MiB and
// 100 MiB files (sizes in MiB as arguments). The embedded stack (Postgres, S3 emulator) runs in
// this process, the Dokumente service in a child process of its own (its resident memory is
// sampled from /proc), and curl sends the files from a third process.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createDb, schema } from '@eakte/db';
import { freePort } from '@eakte/embedded';
import { createServer, devIssuerRoutes, loadOrCreateDevKey, signDevToken } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { startInfrastructure } from './lib/stack.js';

const groessenMiB = process.argv.slice(2).map(Number).filter((n) => n > 0);
const GROESSEN = groessenMiB.length ? groessenMiB : [1, 100];
const RUNDEN = 3;

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-bench-'));
const infra = await startInfrastructure({ dataDir: dir, env: {}, fast: true, seed: true, log: () => {} });
const key = await loadOrCreateDevKey(path.join(dir, 'dev-issuer'));
const issuerServer = createServer({ logLevel: 'silent' });
let issuer = '';
await issuerServer.register(devIssuerRoutes, { prefix: '/dev-issuer', key, issuer: () => issuer });
issuer = `${await issuerServer.listen({ host: '127.0.0.1', port: 0 })}/dev-issuer`;

// a tenant that accepts 1 GiB uploads, with one Vorgang
const owner = createDb(infra.ownerUrl, { max: 1 });
const mandantId = uuidv7();
const vorgangId = uuidv7();
await owner.db.insert(schema.mandant).values({ id: mandantId, slug: 'bench', name: 'Benchmark', einstellungen: { maxUploadGroesse: 1024 ** 3 } });
await owner.withMandant(mandantId, async (tx) => {
  const einheit = uuidv7();
  const akte = uuidv7();
  await tx.insert(schema.aktenplaneinheit).values({ id: einheit, mandantId, kennzeichen: '1', titel: 'Bench' });
  await tx.insert(schema.akte).values({ id: akte, mandantId, aktenplaneinheitId: einheit, aktenzeichen: '1-0001/2026', laufendeNummer: 1, jahr: 2026, betreff: 'Bench', laufzeitBeginn: '2026-01-01', erstelltVon: 'bench' });
  await tx.insert(schema.vorgang).values({ id: vorgangId, mandantId, akteId: akte, laufendeNummer: 1, kennzeichen: '1-0001/2026-001', betreff: 'Bench', erstelltVon: 'bench' });
});
await owner.close();

const port = await freePort();
const address = `http://127.0.0.1:${port}`;
const dienst = spawn(process.execPath, ['--import', 'tsx', 'services/dokumente/src/server.ts'], {
  env: { ...process.env, ...infra.env, OIDC_ISSUER: issuer, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DOKUMENTE_SPOOL_DIR: path.join(dir, 'spool'), DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: '0' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${address}/health/live`)).ok) break;
  } catch {
    if (i > 300) throw new Error('service did not start');
  }
  await new Promise((r) => setTimeout(r, 100));
}
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${dienst.pid}/status`, 'utf8'))![1]) * 1024;
const token = await signDevToken(key, { issuer, audience: 'eakte', sub: 'bench', mandant: 'bench', rollen: ['sachbearbeitung'] });

async function datei(mib: number): Promise<string> {
  const p = path.join(dir, `${mib}.txt`);
  const out = createWriteStream(p);
  const block = Buffer.alloc(1024 * 1024, 'Aktenvermerk zum Vorgang. ');
  for (let i = 0; i < mib; i++) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return p;
}

const MiB = 1024 * 1024;
const ergebnisse: string[] = [];
for (const mib of GROESSEN) {
  const p = await datei(mib);
  for (let runde = 1; runde <= RUNDEN; runde++) {
    const basis = rss();
    let maxRss = basis;
    const sampler = setInterval(() => {
      maxRss = Math.max(maxRss, rss());
    }, 10);
    const t0 = performance.now();
    const status = await new Promise<string>((resolve, reject) =>
      execFile(
        'curl',
        ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-H', `authorization: Bearer ${token}`, '-F', `datei=@${p};type=text/plain`, '-F', 'betreff=Bench', '-F', 'datumDesSchreibens=2026-01-02', `${address}/api/v1/vorgaenge/${vorgangId}/dokumente`],
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      ),
    );
    const sek = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (status !== '201') throw new Error(`upload answered ${status}`);
    ergebnisse.push(
      `${String(mib).padStart(4)} MiB  run ${runde}: ${(mib / sek).toFixed(1).padStart(6)} MiB/s  (${sek.toFixed(2)} s)  ` +
        `service RSS ${(basis / MiB).toFixed(0)} MiB before, peak ${(maxRss / MiB).toFixed(0)} MiB (+${((maxRss - basis) / MiB).toFixed(1)} MiB)`,
    );
  }
}

dienst.kill('SIGTERM');
await once(dienst, 'exit');
await issuerServer.close();
await infra.stop();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`Dokumente upload (service in its own process, RSS sampled every 10 ms; S3 emulator and Postgres elsewhere; client: curl)\n${ergebnisse.join('\n')}\n`);
