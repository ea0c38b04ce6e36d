#!/usr/bin/env bash
# Measures token issuance (client_credentials: authenticate the client from the in-memory cache, mint and sign one
# ES256 JWT) through the gateway with wrk on 127.0.0.1. Needs ./run.sh running. Usage: bench/token-issuance.sh [duration] [connections]
set -euo pipefail
cd "$(dirname "$0")"
DURATION="${1:-15s}"; CONNS="${2:-32}"; THREADS="${THREADS:-2}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
echo "== warm-up (10s) =="; wrk -t"$THREADS" -c"$CONNS" -d10s -s token-issuance.lua "$GATEWAY/oauth/token" >/dev/null
echo "== client_credentials through the gateway: $GATEWAY (threads $THREADS, connections $CONNS, $DURATION) =="
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s token-issuance.lua "$GATEWAY/oauth/token"
echo "== sample answer =="
curl -sS -u partner-web:partner-web-demo-secret-7c1e4a9b2f6d -d grant_type=client_credentials -d scope=db:read \
  "$GATEWAY/oauth/token" | cut -c1-120; echo
