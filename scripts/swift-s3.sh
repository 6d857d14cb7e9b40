#!/usr/bin/env bash
# swift-s3.sh [start|stop|status|reset] - a real S3 server for the storage conformance suite:
# one-node OpenStack Swift + s3api from Debian 12 packages, loopback only, no Docker. "start"
# installs (if needed), configures, starts and waits for a signed S3 request; it is idempotent.
# Access key "test:tester", secret "testing", region us-east-1, path-style http.
# Needs root (apt) and user xattrs on $SWIFT_ROOT. Port: SWIFT_S3_PORT (default 9000).
set -euo pipefail
ROOT=${SWIFT_ROOT:-$PWD/.data/swift}   # config, rings, data, logs, pids: all here
S3_PORT=${SWIFT_S3_PORT:-9000}              # proxy: S3 (and Swift) API
BASE=${SWIFT_PORT_BASE:-16200}              # object=BASE container=+1 account=+2 memcached=+11
AK=test:tester SK=testing
ETC=$ROOT/etc DEV=$ROOT/srv RUN=$ROOT/run LOG=$ROOT/log
PY=/usr/bin/python3                         # Debian's python (swift lives there), not pyenv's
SERVERS="object container account proxy"
log() { echo "[swift-s3] $*" >&2; }
# shellcheck source=scripts/s3-check.sh
. "$(dirname "${BASH_SOURCE[0]}")/s3-check.sh"

install_pkgs() {
  command -v swift-proxy-server >/dev/null && command -v memcached >/dev/null && return
  log "installing Debian packages"
  local o="-o DPkg::Lock::Timeout=300"      # wait for other apt runs instead of failing
  DEBIAN_FRONTEND=noninteractive apt-get $o update -qq
  DEBIAN_FRONTEND=noninteractive apt-get $o install -y -qq --no-install-recommends >/dev/null \
    swift swift-proxy swift-account swift-container swift-object python3-swift memcached
}

configure() {
  mkdir -p "$ETC" "$DEV/d1" "$RUN" "$LOG" "$ROOT/lib"
  $PY -c 'import os,sys; os.setxattr(sys.argv[1],"user.t",b"1")' "$DEV/d1" \
    || { log "no user xattr support on the filesystem of $DEV"; exit 1; }
  [ -f "$ETC/swift.conf" ] || printf '%s\n' "[swift-hash]" \
    "swift_hash_path_prefix = $(od -An -tx8 -N8 /dev/urandom | tr -d ' ')" \
    "swift_hash_path_suffix = $(od -An -tx8 -N8 /dev/urandom | tr -d ' ')" \
    "[storage-policy:0]" "name = Policy-0" "default = yes" >"$ETC/swift.conf"
  local s port=$BASE
  for s in object container account; do
    printf '%s\n' "[DEFAULT]" "bind_ip = 127.0.0.1" "bind_port = $port" "workers = 0" \
      "user = $(id -un)" "swift_dir = $ETC" "devices = $DEV" "mount_check = false" \
      "disable_fallocate = true" "recon_cache_path = $ROOT" "log_name = $s" \
      "[pipeline:main]" "pipeline = $s-server" "[app:$s-server]" "use = egg:swift#$s" \
      >"$ETC/$s-server.conf"
    port=$((port+1))
  done
  cat >"$ETC/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $S3_PORT
workers = ${SWIFT_PROXY_WORKERS:-1}
user = $(id -un)
swift_dir = $ETC
log_name = proxy
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3guard s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:s3guard]
paste.filter_factory = s3guard:filter_factory
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = $SK .admin
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$((BASE+11))
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_object_versioning = true
EOF
  for s in catch_errors gatekeeper healthcheck listing_formats copy slo dlo symlink; do
    printf '[filter:%s]\nuse = egg:swift#%s\n' $s $s >>"$ETC/proxy-server.conf"
  done
  printf '[filter:proxy-logging]\nuse = egg:swift#proxy_logging\n' >>"$ETC/proxy-server.conf"
  # s3api 2.30 does not know object lock/retention/legal-hold/lifecycle/encryption and
  # routes them to the plain object/bucket handlers (PUT ?retention OVERWRITES the object
  # with the XML body, makeBucket ignores the lock header). Answer 501 NotImplemented.
  cat >"$ROOT/lib/s3guard.py" <<'EOF'
from urllib.parse import parse_qs
QUERY = {'retention', 'legal-hold', 'object-lock', 'lifecycle', 'encryption', 'replication',
         'ownershipControls', 'publicAccessBlock', 'accelerate', 'attributes', 'select'}
HEADERS = ('HTTP_X_AMZ_BUCKET_OBJECT_LOCK_ENABLED', 'HTTP_X_AMZ_OBJECT_LOCK_MODE',
           'HTTP_X_AMZ_OBJECT_LOCK_RETAIN_UNTIL_DATE', 'HTTP_X_AMZ_OBJECT_LOCK_LEGAL_HOLD')
def filter_factory(global_conf, **local_conf):
    def make(app):
        def guard(env, start_response):
            bad = sorted(set(parse_qs(env.get('QUERY_STRING', ''), keep_blank_values=True)) & QUERY)
            bad += [h[5:].lower().replace('_', '-') for h in HEADERS
                    if env.get(h, 'false').lower() != 'false']
            if not bad or env.get('PATH_INFO', '').startswith(('/v1/', '/auth/')):
                return app(env, start_response)
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NotImplemented</Code>'
                    '<Message>Not supported by this Swift s3api: %s</Message></Error>'
                    % ', '.join(bad)).encode()
            start_response('501 Not Implemented', [('Content-Type', 'application/xml'),
                                                   ('Content-Length', str(len(body)))])
            return [b''] if env.get('REQUEST_METHOD') == 'HEAD' else [body]
        return guard
    return make
EOF
  $PY - "$ETC" "$BASE" <<'EOF'   # rings: 2^8 partitions, 1 replica, one device "d1"
import os, sys
from swift.common.ring import RingBuilder
etc, base = sys.argv[1], int(sys.argv[2])
for i, name in enumerate(('object', 'container', 'account')):
    if os.path.exists('%s/%s.ring.gz' % (etc, name)):
        continue
    b = RingBuilder(8, 1, 1)
    b.add_dev({'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': base + i, 'device': 'd1',
               'replication_ip': '127.0.0.1', 'replication_port': base + i,
               'weight': 100, 'meta': ''})
    b.rebalance()
    b.get_ring().save('%s/%s.ring.gz' % (etc, name))
    b.save('%s/%s.builder' % (etc, name))
EOF
}

# pid runs and is not a zombie (orphans can stay unreaped for seconds under some PID 1s)
running() { local st; st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) && [ -n "$st" ] && [ "$st" != Z ]; }
alive() { [ -f "$RUN/$1.pid" ] && running "$(cat "$RUN/$1.pid")"; }
start_one() {  # name cmd...: own session/process group, pid file, log file
  local name=$1; shift
  alive "$name" && return
  setsid "$@" >>"$LOG/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}
start() {
  start_one memcached memcached -l 127.0.0.1 -p $((BASE+11)) -U 0 -m 64 -u "$(id -un)"
  local s
  for s in $SERVERS; do   # -v: log to stdout (no syslog needed)
    start_one "$s" env PYTHONPATH="$ROOT/lib" "swift-$s-server" "$ETC/$s-server.conf" -v
  done
}

s3_check() {  # SigV4-signed ListBuckets; prints the HTTP status (0 = no connection)
  s3_status "127.0.0.1:$S3_PORT" "$AK" "$SK"
}

wait_ready() {
  local i s code
  for i in $(seq 1 120); do
    code=$(s3_check)
    [ "$code" = 200 ] && { log "S3 ready on http://127.0.0.1:$S3_PORT"; return 0; }
    for s in memcached $SERVERS; do
      alive "$s" || { log "$s died:"; tail -20 "$LOG/$s.log" >&2; exit 1; }
    done
    sleep 0.5
  done
  log "S3 not ready after 60 s (last HTTP status $code)"; exit 1
}

stop() {  # TERM each process group we started, wait up to 10 s, then KILL
  local s pid pids=() left
  for s in proxy account container object memcached; do
    [ -f "$RUN/$s.pid" ] || continue
    pid=$(cat "$RUN/$s.pid"); rm -f "$RUN/$s.pid"
    running "$pid" && { kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" || true; pids+=("$pid"); }
  done
  for _ in $(seq 1 40); do
    left=0; for pid in "${pids[@]}"; do running "$pid" && left=1; done
    [ $left = 0 ] && return 0; sleep 0.25
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}

case "${1:-start}" in
  start)  install_pkgs; configure; start; wait_ready
          echo "S3_ENDPOINT=http://127.0.0.1:$S3_PORT S3_ACCESS_KEY=$AK S3_SECRET_KEY=$SK S3_REGION=us-east-1" ;;
  stop)   stop ;;
  status) for s in memcached $SERVERS; do alive "$s" && echo "$s up" || echo "$s down"; done
          echo "S3 ListBuckets -> HTTP $(s3_check)" ;;
  reset)  stop; rm -rf "$ROOT" ;;
  *)      echo "usage: $0 [start|stop|status|reset]" >&2; exit 2 ;;
esac
