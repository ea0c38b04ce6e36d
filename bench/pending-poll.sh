#!/usr/bin/env bash
# Measures device-code polling throughput and latency through the gateway (and, for comparison, straight to
# device-service) with wrk on 127.0.0.1. Needs ./run.sh running. Usage: bench/pending-poll.sh [duration] [connections]
# (GATEWAY_PID=<pid of the gateway JVM> adds its CPU time per poll)
set -euo pipefail
cd "$(dirname "$0")"
DURATION="${1:-20s}"; CONNS="${2:-64}"; THREADS="${THREADS:-2}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"; DEVICE="${DEVICE:-http://127.0.0.1:8082}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
CODES_FILE="$(mktemp)"; export CODES_FILE
# set-up straight at device-service: 500 authorizations from one address would meet the gateway's per-IP limit
# (the polls below are what is measured, and the gateway never rate-limits device_code polls); one Python process
# for all 500, so the set-up takes seconds even on a loaded machine
python3 - "$DEVICE" > "$CODES_FILE" <<'PY'
import json, sys, urllib.parse, urllib.request
form = urllib.parse.urlencode({"client_id": "latchkey-cli", "scope": "db:read"}).encode()
for _ in range(500):
    with urllib.request.urlopen(sys.argv[1] + "/oauth/device_authorization", form, timeout=30) as r:
        print(json.load(r)["device_code"])
PY
echo "== warm-up (10s) =="; wrk -t"$THREADS" -c"$CONNS" -d10s -s pending-poll.lua "$GATEWAY" >/dev/null
echo "== through the gateway: $GATEWAY (threads $THREADS, connections $CONNS, $DURATION) =="
# GATEWAY_PID (the gateway JVM's pid, optional): also print its CPU time per poll (utime+stime from /proc), which a
# loaded machine distorts far less than req/s
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
[ -n "${GATEWAY_PID:-}" ] && T0="$(cpu_ticks "$GATEWAY_PID")"
OUT="$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s pending-poll.lua "$GATEWAY")"; echo "$OUT"
if [ -n "${GATEWAY_PID:-}" ]; then
  T1="$(cpu_ticks "$GATEWAY_PID")"; N="$(echo "$OUT" | awk '/requests in/ {print $1}')"
  awk -v a="$T0" -v b="$T1" -v n="$N" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "gateway JVM CPU per poll: %.1f us (%d polls)\n", (b - a) * 1e6 / hz / n, n }'
fi
echo "== straight to device-service: $DEVICE =="
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s pending-poll.lua "$DEVICE"
echo "== sample answer =="
curl -sS -d grant_type=urn:ietf:params:oauth:grant-type:device_code -d client_id=latchkey-cli \
  -d device_code="$(head -1 "$CODES_FILE")" "$GATEWAY/oauth/token"; echo
rm -f "$CODES_FILE"
