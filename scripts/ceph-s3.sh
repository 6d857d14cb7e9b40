#!/usr/bin/env bash
# ceph-s3.sh start|stop|env|status DIR - a real S3 server WITH Object Lock for the storage suite
# (`pnpm test:storage` runs the object-lock tests against it): a one-node Ceph (Pacific 16.2,
# Debian 12 packages) with RADOS Gateway S3 on 127.0.0.1. Retention GOVERNANCE/COMPLIANCE, legal
# hold, versioning, multipart. No Docker, no systemd, nothing in /etc/ceph: config, keys, data,
# logs, sockets and pid files all live in DIR. Region us-east-1, path-style http.
#   start DIR  installs packages if missing (needs root for apt), creates the cluster on first
#              use (1 mon, 1 osd on memstore (RAM) or CEPH_S3_STORE=bluestore on a sparse file,
#              radosgw, no mgr), starts what is not running, creates an S3 user, waits for a
#              signed ListBuckets to answer 200, then prints the env lines (see "env").
#   stop DIR   stops the daemons it started (by pid file; rgw, osd, mon in turn: TERM, KILL
#              after 15 s). start DIR again reuses the cluster and its data after a clean stop;
#              after a crash/KILL a memstore DIR is recreated (new ports and keys, data gone).
#   env DIR    prints S3_ENDPOINT=... S3_ACCESS_KEY=... S3_SECRET_KEY=... S3_REGION=...
#   status DIR daemons up/down and the HTTP status of a signed ListBuckets.
# Ports: free ones are picked at first start and kept in DIR (override: CEPH_S3_PORT,
# CEPH_MON_PORT). Keys: random at first start (override: CEPH_S3_ACCESS_KEY/_SECRET_KEY).
# memstore keeps objects in the OSD's RAM (CEPH_S3_MEM_BYTES, default 1 GiB, is its capacity)
# and writes them to DIR only on a clean stop.
set -euo pipefail
CMD=${1:-}; DIR=${2:-}
[ -n "$CMD" ] && [ -n "$DIR" ] || { echo "usage: $0 start|stop|env|status DIR" >&2; exit 2; }
mkdir -p "$DIR"; DIR=$(cd "$DIR" && pwd)
CONF=$DIR/ceph.conf RUN=$DIR/run LOG=$DIR/log
export CEPH_CONF=$CONF                  # every ceph tool reads this instead of /etc/ceph
PY=/usr/bin/python3                     # Debian's python (the ceph CLI is python too)
DAEMONS="mon.a osd.0 rgw"
log() { [ -n "${CEPH_S3_QUIET:-}" ] || echo "[ceph-s3] $(date +%T.%3N) $*" >&2; }
# shellcheck source=scripts/s3-check.sh
. "$(dirname "${BASH_SOURCE[0]}")/s3-check.sh"

install_pkgs() {
  command -v radosgw >/dev/null && command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null && return
  log "installing Debian packages radosgw ceph-mon ceph-osd"
  local o="-o DPkg::Lock::Timeout=300"
  DEBIAN_FRONTEND=noninteractive apt-get $o update -qq
  DEBIAN_FRONTEND=noninteractive apt-get $o install -y -qq --no-install-recommends >/dev/null \
    radosgw ceph-mon ceph-osd
}

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# pid runs and is not a zombie
running() { local st; st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) && [ -n "$st" ] && [ "$st" != Z ]; }
alive() { [ -f "$RUN/$1.pid" ] && running "$(cat "$RUN/$1.pid")"; }
start_one() {  # name cmd...: own session/process group, pid file, stdout/stderr log
  local name=$1; shift
  alive "$name" && return
  setsid "$@" >>"$LOG/$name.out" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}
check_alive() { local d; for d in "$@"; do alive "$d" || { log "$d died:"; tail -30 "$LOG/$d.out" "$LOG/$d.log" >&2 2>/dev/null; exit 1; }; done; }
ceph_() { timeout 30 ceph --connect-timeout 20 "$@"; }

configure() {  # once per DIR: config, keys, mon store
  if [ -f "$DIR/.configured" ] && [ -f "$DIR/osd/.mkfs" ] && [ ! -f "$DIR/osd/.saved" ] \
     && grep -q '^osd_objectstore = memstore$' "$CONF" && ! alive mon.a && ! alive osd.0; then
    log "the memstore osd was not stopped cleanly (its objects lived in RAM): new cluster in $DIR"
    rm -f "$DIR/.configured" "$DIR/.user"
  fi
  [ -f "$DIR/.configured" ] && return
  rm -rf "$DIR"/{mon,osd,rgw,run,log,crash,monmap,keyring}; mkdir -p "$DIR"/{mon,osd,rgw,run,log,crash}
  local fsid mon_port s3_port store=${CEPH_S3_STORE:-memstore}
  fsid=$(cat /proc/sys/kernel/random/uuid)
  mon_port=${CEPH_MON_PORT:-$(free_port)}
  s3_port=${CEPH_S3_PORT:-$(free_port)}
  while [ "$s3_port" = "$mon_port" ]; do s3_port=$(free_port); done
  cat >"$CONF" <<EOF
[global]
fsid = $fsid
mon_host = [v2:127.0.0.1:$mon_port]
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_ipv6 = false
ms_bind_msgr1 = false
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
keyring = $DIR/keyring
run_dir = $RUN
admin_socket = $RUN/\$name.asok
pid_file = $RUN/\$name.ceph.pid
log_file = $LOG/\$name.log
log_to_stderr = false
err_to_stderr = true
mon_cluster_log_file = $LOG/cluster.log
crash_dir = $DIR/crash
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_allow_pool_delete = true
mon_warn_on_pool_no_redundancy = false
mon_data_avail_warn = 1
mon_data_avail_crit = 0
mon_warn_on_insecure_global_id_reclaim_allowed = false
auth_allow_insecure_global_id_reclaim = false
[mon]
mon_data = $DIR/mon
# batch paxos proposals every 50 ms, not 1 s: rgw creates its pools one by one at first start
paxos_propose_interval = 0.05
mon_initial_members = a
[osd]
osd_data = $DIR/osd
osd_objectstore = $store
memstore_device_bytes = ${CEPH_S3_MEM_BYTES:-1073741824}
bluestore_block_path = $DIR/osd/block.file
bluestore_block_create = true
bluestore_block_size = ${CEPH_S3_BLOCK_BYTES:-10737418240}
bluestore_cache_size = 134217728
osd_fast_shutdown = false
osd_op_num_shards = 2
osd_op_num_threads_per_shard = 1
osd_max_object_name_len = 256
osd_max_object_namespace_len = 64
[client.rgw]
rgw_data = $DIR/rgw
rgw_frontends = beast endpoint=127.0.0.1:$s3_port
rgw_thread_pool_size = 64
log_file = $LOG/rgw.log
admin_socket = $RUN/rgw.asok
EOF
  local ak=${CEPH_S3_ACCESS_KEY:-$(od -An -tx1 -N10 /dev/urandom | tr -d ' \n' | tr a-f A-F)}
  local sk=${CEPH_S3_SECRET_KEY:-$(od -An -tx1 -N20 /dev/urandom | tr -d ' \n')}
  printf 'S3_ENDPOINT=http://127.0.0.1:%s\nS3_ACCESS_KEY=%s\nS3_SECRET_KEY=%s\nS3_REGION=us-east-1\n' \
    "$s3_port" "$ak" "$sk" >"$DIR/s3.env"
  # one keyring for all: imported into the mon's auth database by mkfs
  local k="$DIR/keyring"
  ceph-authtool --create-keyring "$k" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool "$k" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' \
    --cap mgr 'allow *' --cap mds 'allow *' >/dev/null
  ceph-authtool "$k" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap osd 'allow *' \
    --cap mgr 'allow profile osd' >/dev/null
  ceph-authtool "$k" --gen-key -n client.rgw --cap mon 'allow rw' --cap osd 'allow rwx' \
    --cap mgr 'allow rw' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$DIR/monmap" >/dev/null
  ceph-mon --mkfs -i a --monmap "$DIR/monmap" --keyring "$k" >>"$LOG/mkfs.out" 2>&1 \
    || { log "ceph-mon --mkfs failed"; cat "$LOG/mkfs.out" >&2; exit 1; }
  touch "$DIR/.configured"
}

start() {
  mkdir -p "$RUN" "$LOG"
  start_one mon.a ceph-mon -f -i a
  # mon answering (no mgr: "ceph -s" says HEALTH_WARN, that is expected)
  local i
  for i in $(seq 1 61); do
    [ "$i" = 61 ] && { log "mon not answering after 30 s; logs in $LOG"; exit 1; }
    ceph_ mon stat >/dev/null 2>&1 && break
    check_alive mon.a; sleep 0.5
  done
  log "mon up"
  if [ ! -f "$DIR/osd/.mkfs" ]; then
    local uuid; uuid=$(cat /proc/sys/kernel/random/uuid)
    [ "$(ceph_ osd new "$uuid" 0)" = 0 ] || { log "ceph osd new failed"; exit 1; }
    ceph-osd -i 0 --mkfs --osd-uuid "$uuid" >>"$LOG/mkfs.out" 2>&1 \
      || { log "ceph-osd --mkfs failed"; tail -30 "$LOG/mkfs.out" "$LOG/osd.0.log" >&2; exit 1; }
    touch "$DIR/osd/.mkfs"; log "osd.0 created"
  fi
  alive osd.0 || { rm -f "$DIR/osd/.saved"; start_one osd.0 ceph-osd -f -i 0; }
  start_one rgw radosgw -f -n client.rgw
}

s3_check() {  # SigV4-signed ListBuckets; prints the HTTP status (0 = no connection)
  # shellcheck disable=SC1091
  . "$DIR/s3.env"
  s3_status "${S3_ENDPOINT#http://}" "$S3_ACCESS_KEY" "$S3_SECRET_KEY"
}

ensure_user() {  # the S3 user (radosgw-admin talks to RADOS directly, rgw must have set up the zone)
  [ -f "$DIR/.user" ] && return
  # shellcheck disable=SC1091
  . "$DIR/s3.env"
  timeout 60 radosgw-admin -n client.admin user create --uid=test --display-name="test user" \
    --access-key="$S3_ACCESS_KEY" --secret-key="$S3_SECRET_KEY" >>"$LOG/user.out" 2>&1 \
    || { log "radosgw-admin user create failed"; tail -20 "$LOG/user.out" >&2; exit 1; }
  touch "$DIR/.user"; log "S3 user created"
}

wait_ready() {
  local code=0 end=$((SECONDS + ${CEPH_S3_TIMEOUT:-120}))
  while [ $SECONDS -lt $end ]; do
    check_alive $DAEMONS
    code=$(s3_check)   # 0 until rgw listens (it has set up its zone and pools by then)
    [ "$code" = 200 ] && { log "S3 ready on $(. "$DIR/s3.env"; echo "$S3_ENDPOINT")"; return 0; }
    [ "$code" != 0 ] && [ ! -f "$DIR/.user" ] && { ensure_user; continue; }   # 403 before that
    sleep 0.2
  done
  log "S3 not ready after ${CEPH_S3_TIMEOUT:-120} s (last HTTP status $code); logs in $LOG; run: $0 stop $DIR"; exit 1
}

stop() {  # one by one, rgw first (its shutdown needs the osd), mon last: TERM, then KILL after 15 s
  local d pid
  for d in rgw osd.0 mon.a; do
    [ -f "$RUN/$d.pid" ] || continue
    pid=$(cat "$RUN/$d.pid")
    if running "$pid"; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do running "$pid" || break; sleep 0.25; done
      # memstore writes its objects to DIR/osd only on a clean shutdown
      [ "$d" = osd.0 ] && ! running "$pid" && touch "$DIR/osd/.saved"
      if running "$pid"; then
        log "$d still running 15 s after TERM, sending KILL"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -f "$RUN/$d.pid"
  done
}

case "$CMD" in
  start)  install_pkgs; configure; start; wait_ready; cat "$DIR/s3.env" ;;
  stop)   stop ;;
  env)    cat "$DIR/s3.env" ;;
  status) for d in $DAEMONS; do alive "$d" && echo "$d up" || echo "$d down"; done
          [ -f "$DIR/s3.env" ] && echo "S3 ListBuckets -> HTTP $(s3_check)" ;;
  *)      echo "usage: $0 start|stop|env|status DIR" >&2; exit 2 ;;
esac
