import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SYSTEM_TESTS } from './test/system-tests.js';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
    // they need system programs: run by `pnpm test:system`
    exclude: ['**/node_modules/**', ...SYSTEM_TESTS],
    globalSetup: ['scripts/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './scripts/test/bericht-reporter.ts'],
  },
});
