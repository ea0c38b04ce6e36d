#!/usr/bin/env bash
# Runs every test: unit and @QuarkusTest suites of each service, then the end-to-end suite that starts all
# four packaged services against the real local PostgreSQL and Redis and drives them through the gateway
# (browser steps in headless Chromium), then the device, refresh, revocation and rate-limit flows once more with
# the services on a local three-master Redis Cluster (deploy/local/redis-cluster.sh; issue 17).
set -euo pipefail
cd "$(dirname "$0")"
deploy/local/backends.sh
deploy/local/browser.sh
deploy/local/redis-cluster.sh start
CLUSTER_URLS=""
for p in ${LATCHKEY_REDIS_CLUSTER_PORTS:-7001 7002 7003}; do CLUSTER_URLS="${CLUSTER_URLS:+$CLUSTER_URLS,}redis://127.0.0.1:$p"; done
exec ./mvnw -B -ntp verify -Dlatchkey.redis-cluster="$CLUSTER_URLS" "$@"
