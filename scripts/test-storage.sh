#!/usr/bin/env bash
# pnpm test:storage — the storage conformance suite and the document storage tests against real
# S3 servers, each started here and stopped afterwards:
#   swift  OpenStack Swift with s3api (scripts/swift-s3.sh): no object lock, so no lock tests
#   ceph   Ceph RADOS Gateway (scripts/ceph-s3.sh, fresh cluster per run): S3 Object Lock, so the
#          object-lock tests run too (S3_TEST_OBJECT_LOCK=true, see scripts/vitest.storage.config.ts)
# STORAGE_SERVERS="swift ceph" (the default) picks the servers; arguments go to vitest (file filters).
# Against your own MinIO instead (nothing started):
#   S3_TEST_ENDPOINT=… S3_TEST_ACCESS_KEY=… S3_TEST_SECRET_KEY=… [S3_TEST_OBJECT_LOCK=true] pnpm test:storage
# S3_TEST_OBJECT_LOCK=true only for a server with object lock: the lock tests create their own
# buckets with object lock (MinIO: versioning comes with it).
set -euo pipefail
cd "$(dirname "$0")/.."
ceph_dir=
aufraeumen() {
  if [ -n "$ceph_dir" ]; then bash scripts/ceph-s3.sh stop "$ceph_dir" || true; rm -rf "$ceph_dir"; fi
  if [ -n "${swift_gestartet:-}" ]; then bash scripts/swift-s3.sh stop || true; fi
}
trap aufraeumen EXIT

if [ -n "${S3_TEST_ENDPOINT:-}" ]; then
  echo "storage suite against $S3_TEST_ENDPOINT (object lock tests: ${S3_TEST_OBJECT_LOCK:-false})"
  exec vitest run --config scripts/vitest.storage.config.ts "$@"
fi

fehler=0
for server in ${STORAGE_SERVERS:-swift ceph}; do
  case "$server" in
    swift)
      export SWIFT_ROOT=${SWIFT_ROOT:-$PWD/.data/swift-test}
      export SWIFT_S3_PORT=${SWIFT_S3_PORT:-9000}
      bash scripts/swift-s3.sh start >/dev/null
      swift_gestartet=1
      echo "storage suite against Swift (no object lock)"
      S3_TEST_ENDPOINT=http://127.0.0.1:$SWIFT_S3_PORT S3_TEST_ACCESS_KEY=test:tester S3_TEST_SECRET_KEY=testing S3_TEST_OBJECT_LOCK=false \
        vitest run --config scripts/vitest.storage.config.ts "$@" || fehler=1
      bash scripts/swift-s3.sh stop; swift_gestartet=
      ;;
    ceph)
      ceph_dir=$PWD/.data/ceph-test-$$
      start=$SECONDS
      CEPH_S3_QUIET=1 bash scripts/ceph-s3.sh start "$ceph_dir" >/dev/null
      # shellcheck disable=SC1091
      . "$ceph_dir/s3.env"
      echo "storage suite against Ceph RGW $S3_ENDPOINT (object lock; started in $((SECONDS - start)) s)"
      S3_TEST_ENDPOINT=$S3_ENDPOINT S3_TEST_ACCESS_KEY=$S3_ACCESS_KEY S3_TEST_SECRET_KEY=$S3_SECRET_KEY S3_TEST_REGION=$S3_REGION S3_TEST_OBJECT_LOCK=true \
        vitest run --config scripts/vitest.storage.config.ts "$@" || fehler=1
      unset S3_ENDPOINT S3_ACCESS_KEY S3_SECRET_KEY S3_REGION
      bash scripts/ceph-s3.sh stop "$ceph_dir"; rm -rf "$ceph_dir"; ceph_dir=
      ;;
    *) echo "unknown storage server '$server' (swift, ceph)" >&2; exit 2 ;;
  esac
done
exit $fehler
