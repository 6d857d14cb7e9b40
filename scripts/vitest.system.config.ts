// `pnpm test:system`: the tests that need system programs `pnpm test` does not (clamd from Debian's
// clamav-daemon; `.ci/run` installs it). Same setup as `pnpm test`: real PostgreSQL and S3 emulator.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';
import { SYSTEM_TESTS } from './test/system-tests.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: SYSTEM_TESTS,
    // one file at a time: these files run real job runners, programs and servers beside one shared
    // queue and database, and two of them side by side under load starved each other in CI (a split
    // job waiting a minute for its first page image); one after another they take about 3 minutes
    fileParallelism: false,
    // `pnpm test` leaves exactly these out
    exclude: ['**/node_modules/**'],
  },
});
