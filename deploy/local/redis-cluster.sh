#!/usr/bin/env bash
# A local three-master Redis Cluster on 127.0.0.1 for running and testing Latchkey against a cluster
# (README, "Running against a Redis Cluster").
#
#   deploy/local/redis-cluster.sh start    starts the masters (ports 7001-7003), forms the cluster once, waits for
#                                          cluster_state:ok. Idempotent: nodes already up are left alone, a formed
#                                          cluster is not formed again.
#   deploy/local/redis-cluster.sh stop     shuts the masters down (nothing is persisted but the cluster layout,
#                                          so a later start re-forms the same cluster, empty)
#   deploy/local/redis-cluster.sh status   cluster_state and the slots of each master; exit 1 unless ok
#   deploy/local/redis-cluster.sh clean    stop, then forget the layout (the next start forms a new cluster)
#
# LATCHKEY_REDIS_CLUSTER_PORTS (default "7001 7002 7003") picks the ports; the data (nodes.conf, logs) lives in
# .run/redis-cluster/<port>/ of this checkout. Services use it with
#   LATCHKEY_REDIS_CLIENT_TYPE=cluster LATCHKEY_REDIS_URL=redis://127.0.0.1:7001,redis://127.0.0.1:7002,redis://127.0.0.1:7003
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
PORTS=(${LATCHKEY_REDIS_CLUSTER_PORTS:-7001 7002 7003})
DATA="$ROOT/.run/redis-cluster"

if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
  echo "redis-server and redis-cli are needed (deploy/local/backends.sh installs them)" >&2
  exit 1
fi

cli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}"; }
up() { [ "$(cli "$1" ping 2>/dev/null)" = "PONG" ]; }
info_field() { cli "$1" cluster info 2>/dev/null | tr -d '\r' | sed -n "s/^$2://p"; }
all_ok() {
  for p in "${PORTS[@]}"; do
    [ "$(info_field "$p" cluster_state)" = "ok" ] || return 1
    [ "$(info_field "$p" cluster_known_nodes)" = "${#PORTS[@]}" ] || return 1
  done
}

start() {
  mkdir -p "$DATA"
  for p in "${PORTS[@]}"; do
    if up "$p"; then
      if [ -z "$(info_field "$p" cluster_state)" ]; then
        echo "Port $p answers but is not a cluster node (another Redis?); pick other ports with LATCHKEY_REDIS_CLUSTER_PORTS" >&2
        exit 1
      fi
      continue
    fi
    mkdir -p "$DATA/$p"
    redis-server --port "$p" --bind 127.0.0.1 --protected-mode yes --daemonize yes \
      --cluster-enabled yes --cluster-config-file "$DATA/$p/nodes.conf" --cluster-node-timeout 5000 \
      --save "" --appendonly no --dir "$DATA/$p" --logfile "$DATA/$p/redis.log" --pidfile "$DATA/$p/redis.pid"
  done
  for p in "${PORTS[@]}"; do
    for _ in $(seq 1 50); do up "$p" && break; sleep 0.1; done
    up "$p" || { echo "Redis on port $p did not start; see $DATA/$p/redis.log" >&2; exit 1; }
  done
  # form the cluster once: only when no master has slots yet (a restarted node keeps its layout in nodes.conf)
  local assigned=0
  for p in "${PORTS[@]}"; do
    assigned=$(( assigned + $(info_field "$p" cluster_slots_assigned) ))
  done
  if [ "$assigned" -eq 0 ]; then
    local nodes=()
    for p in "${PORTS[@]}"; do nodes+=("127.0.0.1:$p"); done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$DATA/create.log" 2>&1 \
      || { cat "$DATA/create.log" >&2; exit 1; }
  fi
  for _ in $(seq 1 100); do all_ok && break; sleep 0.2; done
  if ! all_ok; then
    echo "The cluster did not reach cluster_state:ok; 'deploy/local/redis-cluster.sh clean' forgets its layout" >&2
    status >&2 || true
    exit 1
  fi
  echo "Redis Cluster is up: ${PORTS[*]/#/127.0.0.1:} (cluster_state:ok)"
}

stop() {
  for p in "${PORTS[@]}"; do
    if up "$p"; then cli "$p" shutdown nosave >/dev/null 2>&1 || true; fi
  done
  for p in "${PORTS[@]}"; do
    for _ in $(seq 1 50); do up "$p" || break; sleep 0.1; done
  done
  echo "Redis Cluster stopped."
}

status() {
  local rc=0
  for p in "${PORTS[@]}"; do
    if up "$p"; then
      echo "127.0.0.1:$p  state=$(info_field "$p" cluster_state) known_nodes=$(info_field "$p" cluster_known_nodes) slots=$(info_field "$p" cluster_slots_assigned)"
    else
      echo "127.0.0.1:$p  down"; rc=1
    fi
  done
  all_ok || rc=1
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  clean) stop; rm -rf "$DATA"; echo "Cluster layout forgotten." ;;
  *) echo "usage: $0 start|stop|status|clean" >&2; exit 2 ;;
esac
