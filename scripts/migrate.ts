// pnpm db:migrate — applies the committed migrations as the owner role
// (DATABASE_OWNER_URL, else DATABASE_URL; without either, the embedded database in .data/).
import path from 'node:path';
import { runMigrations } from '@eakte/db';
import { root } from './lib/generated.js';
import { startInfrastructure } from './lib/stack.js';

const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
if (url) {
  await runMigrations(url);
} else {
  // starting the embedded stack migrates it
  const infra = await startInfrastructure({
    dataDir: process.env.DATA_DIR || path.join(root, '.data'),
    env: { ...process.env, S3_ENDPOINT: 'http://unused.invalid' },
    log: () => {},
  });
  await infra.stop();
}
process.stdout.write('migrations applied\n');
