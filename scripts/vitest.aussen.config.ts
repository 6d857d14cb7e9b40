// `pnpm test:outside-in`: the platform started exactly as `pnpm start` starts it (a child process,
// gateway and services on real sockets, a free port), driven by clients the project did not write:
// curl with its defaults, Python's standard library, Node's fetch, raw sockets, a generated client.
// Needs curl and python3 on the machine; `.ci/run` installs them.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['scripts/aussen/**/*.test.ts'],
    globalSetup: ['scripts/aussen/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './scripts/test/bericht-reporter.ts'],
  },
});
