// pnpm --silent db:url — the application role's URL of the embedded database (for psql).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib/generated.js';

if (process.env.DATABASE_URL) {
  process.stdout.write(`${process.env.DATABASE_URL}\n`);
} else {
  const file = path.join(process.env.DATA_DIR || path.join(root, '.data'), 'embedded.json');
  if (!existsSync(file)) {
    process.stderr.write('db:url: no embedded database yet: run `pnpm start` first\n');
    process.exit(2);
  }
  process.stdout.write(`${(JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl: string }).databaseUrl}\n`);
}
