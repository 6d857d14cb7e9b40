// pnpm backup: a base backup of the embedded database (while `pnpm start` runs on the same DATA_DIR)
// plus a versioned copy of its bucket, into DATA_DIR/sicherung (or --ziel). See docs/betrieb.md#backups.
//
//   pnpm backup [--ziel DIR]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from '@eakte/platform';
import { root } from './lib/generated.js';
import { fortschrittAnzeige } from './lib/fortschritt.js';
import { sicherungErstellen } from './lib/sicherung.js';

const { values } = parseArgs({ options: { ziel: { type: 'string' } } });
const dataDir = process.env.DATA_DIR || path.join(root, '.data');
const log = createServer({ logLevel: process.env.LOG_LEVEL || 'info', pretty: process.stdout.isTTY }).log;
try {
  const info = await sicherungErstellen({ dataDir, ziel: values.ziel, fortschritt: fortschrittAnzeige(log) });
  log.info(`backup ${info.id}: restore it with  pnpm restore --nach <fresh DATA_DIR> --sicherung ${info.id}`);
} catch (err) {
  log.error({ err }, 'backup failed');
  process.exitCode = 1;
}
