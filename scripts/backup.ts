// pnpm backup: a base backup of the embedded database (while `pnpm start` runs on the same DATA_DIR)
// plus a versioned copy of its bucket, into DATA_DIR/sicherung (or --ziel). See docs/betrieb.md#backups.
//
//   pnpm backup [--ziel DIR] [--behalten N]
// --behalten N (or SICHERUNG_BEHALTEN): afterwards only the newest N backups are kept, with the WAL and
// object contents they need; without it nothing is deleted.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from '@eakte/platform';
import { root } from './lib/generated.js';
import { fortschrittAnzeige } from './lib/fortschritt.js';
import { sicherungenAufraeumen, sicherungErstellen, sicherungsDirVon } from './lib/sicherung.js';

const { values } = parseArgs({ options: { ziel: { type: 'string' }, behalten: { type: 'string' } } });
const dataDir = process.env.DATA_DIR || path.join(root, '.data');
const log = createServer({ logLevel: process.env.LOG_LEVEL || 'info', pretty: process.stdout.isTTY }).log;
const behalten = values.behalten ?? process.env.SICHERUNG_BEHALTEN;
try {
  // checked before the backup: a typo must not cost a backup's time
  if (behalten !== undefined && !/^[1-9]\d*$/.test(behalten)) throw new Error(`--behalten ${behalten}: eine ganze Zahl ab 1`);
  const info = await sicherungErstellen({ dataDir, ziel: values.ziel, fortschritt: fortschrittAnzeige(log) });
  if (behalten !== undefined) {
    const b = sicherungenAufraeumen(values.ziel ?? sicherungsDirVon(dataDir), Number(behalten));
    log.info(
      { ...b },
      `kept the newest ${b.behalten.length} backups, removed ${b.entfernt.length} with ${b.walDateien} WAL files and ${b.inhalte} object contents (${(b.bytes / 1024 / 1024).toFixed(1)} MiB)`,
    );
  }
  log.info(`backup ${info.id}: restore it with  pnpm restore --nach <fresh DATA_DIR> --sicherung ${info.id}`);
} catch (err) {
  log.error({ err }, 'backup failed');
  process.exitCode = 1;
}
