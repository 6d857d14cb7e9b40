#!/usr/bin/env bash
# pnpm test:storage — starts a real S3 server (OpenStack Swift with s3api, scripts/swift-s3.sh),
# runs the storage conformance suite and the document storage tests against it, stops it.
# Against your own MinIO instead: S3_TEST_ENDPOINT=… S3_TEST_ACCESS_KEY=… S3_TEST_SECRET_KEY=… pnpm test:storage
set -euo pipefail
cd "$(dirname "$0")/.."
started=0
if [ -z "${S3_TEST_ENDPOINT:-}" ]; then
  export SWIFT_ROOT=${SWIFT_ROOT:-$PWD/.data/swift-test}
  export SWIFT_S3_PORT=${SWIFT_S3_PORT:-9000}
  bash scripts/swift-s3.sh start >/dev/null
  started=1
  trap 'bash scripts/swift-s3.sh stop' EXIT
  export S3_TEST_ENDPOINT=http://127.0.0.1:$SWIFT_S3_PORT S3_TEST_ACCESS_KEY=test:tester S3_TEST_SECRET_KEY=testing
fi
echo "storage suite against $S3_TEST_ENDPOINT (swift started here: $started)"
vitest run --config scripts/vitest.storage.config.ts
