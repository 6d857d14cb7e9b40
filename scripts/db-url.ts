// pnpm --silent db:url [dienst] — a service role's URL of the embedded database (for psql);
// without an argument the Akten role's (docs/datenbank-api.md: one login role per service).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib/generated.js';

const dienst = process.argv[2] ?? 'akten';
const ausUmgebung = process.env[`DATABASE_URL_${dienst.toUpperCase()}`] || process.env.DATABASE_URL;
if (ausUmgebung) {
  process.stdout.write(`${ausUmgebung}\n`);
} else {
  const file = path.join(process.env.DATA_DIR || path.join(root, '.data'), 'embedded.json');
  if (!existsSync(file)) {
    process.stderr.write('db:url: no embedded database yet: run `pnpm start` first\n');
    process.exit(2);
  }
  const gespeichert = JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl: string; dienstUrls?: Record<string, string> };
  const url = gespeichert.dienstUrls ? gespeichert.dienstUrls[dienst] : gespeichert.databaseUrl;
  if (!url) {
    process.stderr.write(`db:url: unknown service ${dienst} (akten, dokumente, aussonderung, protokoll)\n`);
    process.exit(2);
  }
  process.stdout.write(`${url}\n`);
}
