// `pnpm test:storage`: the storage conformance suite and the document storage tests against a
// real S3 server (S3_TEST_ENDPOINT …), plus what only real servers support (versioning).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['packages/storage/test/**/*.test.ts', 'packages/storage/test-echt/**/*.test.ts', 'scripts/test-echt/**/*.test.ts', 'services/dokumente/test/**/*.test.ts'],
  },
});
