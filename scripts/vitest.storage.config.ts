// `pnpm test:storage`: the storage conformance suite and the document storage tests against a
// real S3 server (S3_TEST_ENDPOINT …), plus what only real servers support (versioning).
// S3_TEST_OBJECT_LOCK=true says the server has S3 Object Lock (Ceph RGW, MinIO): only then the
// object-lock tests run too. Never probed: on Swift a lock call would overwrite an object's content.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const mitObjektsperre = process.env.S3_TEST_OBJECT_LOCK === 'true';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // one file at a time: a test with a real job runner (the /health case of zwei-instanzen) would
    // take the jobs of a file running beside it, whose storage it does not have
    maxWorkers: 1,
    include: [
      'packages/storage/test/**/*.test.ts',
      'packages/storage/test-echt/**/*.test.ts',
      'scripts/test-echt/**/*.test.ts',
      'services/dokumente/test/**/*.test.ts',
      ...(mitObjektsperre ? ['packages/storage/test-sperre/**/*.test.ts', 'scripts/test-sperre/**/*.test.ts'] : []),
    ],
  },
});
