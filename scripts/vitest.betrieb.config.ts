// `pnpm test:betrieb`: operations as a data centre runs them, each test starting its own platform:
// two instances of every service behind one gateway, rolling restarts under load, the object-lock job
// on Ceph RGW, a migration under the previous release, the backup and restore drill. Embedded PostgreSQL
// and S3, plus Debian's radosgw for the object-lock file; takes minutes, so it is its own suite.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['scripts/betrieb/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
    reporters: ['default', './scripts/test/bericht-reporter.ts'],
  },
});
