// `pnpm test:system`: the tests that need system programs `pnpm test` does not (clamd from Debian's
// clamav-daemon; `.ci/run` installs it). Same setup as `pnpm test`: real PostgreSQL and S3 emulator.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SYSTEM_TESTS } from './test/system-tests.js';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: SYSTEM_TESTS,
    globalSetup: ['scripts/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './scripts/test/bericht-reporter.ts'],
  },
});
