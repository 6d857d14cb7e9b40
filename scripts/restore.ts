// pnpm restore: a backup of the embedded default (`pnpm backup`) into a fresh DATA_DIR, to a backup's
// restore point or a point in time, then the check of rows against objects. With --pruefen only the
// check, on an existing DATA_DIR (pnpm start may run on it). See docs/betrieb.md#backups.
//
//   pnpm restore --nach DIR [--aus DIR] [--sicherung ID | --zeit ISO-8601]
//   pnpm restore --pruefen [--nach DIR]
// Exit code 0: every row has its object with the same SHA-256 and no orphan; 1: findings; 2: failed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, startEmbeddedS3 } from '@eakte/embedded';
import { createServer } from '@eakte/platform';
import { createObjectStore } from '@eakte/storage';
import pg from 'pg';
import { root } from './lib/generated.js';
import { fortschrittAnzeige } from './lib/fortschritt.js';
import { eingebettetLesen, pruefen, sicherungsDirVon, wiederherstellen, type Pruefbericht } from './lib/sicherung.js';

const { values } = parseArgs({
  options: { aus: { type: 'string' }, nach: { type: 'string' }, sicherung: { type: 'string' }, zeit: { type: 'string' }, pruefen: { type: 'boolean' } },
});
const dataDir = process.env.DATA_DIR || path.join(root, '.data');
const log = createServer({ logLevel: process.env.LOG_LEVEL || 'info', pretty: process.stdout.isTTY }).log;
const fortschritt = fortschrittAnzeige(log);

function melden(b: Pruefbericht): boolean {
  log.info({ zeilen: b.zeilen, gleich: b.gleich, fehlend: b.fehlend.length, abweichend: b.abweichend.length, verwaist: b.verwaist.length }, 'rows against objects');
  for (const f of b.fehlend) log.error(f, 'object missing');
  for (const f of b.abweichend) log.error(f, 'object differs from its row');
  for (const f of b.verwaist) log.warn(f, 'orphaned object: no row names it (written after the restored point?)');
  return b.fehlend.length + b.abweichend.length + b.verwaist.length === 0;
}

/** The check alone on a DATA_DIR: through the running platform's servers, or started here for the check. */
async function nurPruefen(dir: string): Promise<Pruefbericht> {
  const e = eingebettetLesen(dir);
  const probe = new pg.Client({ connectionString: e.superuserUrl, connectionTimeoutMillis: 2000 });
  const laeuft = await probe.connect().then(
    () => probe.end().then(() => true),
    () => false,
  );
  if (laeuft && e.s3) return pruefen({ superuserUrl: e.superuserUrl, speicher: createObjectStore({ ...e.s3, pathStyle: true, emulator: true }), fortschritt });
  const pgHandle = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg') });
  const s3 = await startEmbeddedS3({ dataDir: path.join(dir, 's3') });
  try {
    const speicher = createObjectStore({
      endpoint: s3.endpoint,
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
      region: s3.region,
      bucket: e.s3?.bucket ?? 'eakte',
      pathStyle: true,
      emulator: true,
    });
    return await pruefen({ superuserUrl: pgHandle.superuserUrl, speicher, fortschritt });
  } finally {
    await s3.stop();
    await pgHandle.stop();
  }
}

try {
  if (values.pruefen) {
    const dir = values.nach ?? dataDir;
    const bericht = await nurPruefen(dir);
    writeFileSync(path.join(dir, 'pruefbericht.json'), JSON.stringify(bericht, null, 2));
    process.exitCode = melden(bericht) ? 0 : 1;
  } else {
    if (!values.nach) throw new Error('--nach fehlt: die Wiederherstellung braucht ein frisches DATA_DIR');
    const info = await wiederherstellen({ aus: values.aus ?? sicherungsDirVon(dataDir), nach: values.nach, sicherung: values.sicherung, zeit: values.zeit, fortschritt });
    log.info({ sicherung: info.sicherung, ziel: info.ziel, dauerMs: info.dauerMs }, `restored: start it with  DATA_DIR=${values.nach} pnpm start`);
    process.exitCode = melden(info.bericht) ? 0 : 1;
  }
} catch (err) {
  log.error({ err }, 'restore failed');
  process.exitCode = 2;
}
