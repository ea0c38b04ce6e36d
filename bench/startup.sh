#!/usr/bin/env bash
# Start-up and memory of the four services as ./run.sh starts them (issue 17), in one session:
#   - start to ready of each service alone (LATCHKEY_START_ONE_BY_ONE=1) and all four started together;
#   - PSS (and RSS) of the four JVMs under load (/proc/<pid>/smaps_rollup, the largest sum of 1 s samples while
#     bench/pending-poll.sh and bench/token-issuance.sh run through the gateway).
# Needs the services built (./mvnw package -DskipTests). Runs run.sh on its own ports (18080-18083, 19080-19083) so
# that another ./run.sh on this machine is not disturbed. Usage: bench/startup.sh [rounds per mode, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
ROUNDS="${1:-2}"
export LATCHKEY_SKIP_BUILD=1 LATCHKEY_PORT=18080 LATCHKEY_TOKEN_PORT=18081 LATCHKEY_DEVICE_PORT=18082 \
       LATCHKEY_CONSENT_PORT=18083 LATCHKEY_MANAGEMENT_PORT_BASE=19080
OUT="$ROOT/.run/bench-startup"; mkdir -p "$OUT"
SERVICES=(token-service device-service consent-service gateway)

RUN_PID=""
launch() { # log-file [env assignments...]: starts run.sh, waits for its banner
  local log="$1"; shift
  env "$@" ./run.sh >"$log" 2>&1 &
  RUN_PID=$!
  for _ in $(seq 1 3000); do   # 10 min: run.sh gives each service 2 min, one by one they add up
    grep -q "Latchkey is running" "$log" && return 0
    kill -0 "$RUN_PID" 2>/dev/null || { echo "run.sh failed; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "run.sh did not come up; see $log" >&2; exit 1
}
halt() { # stops the run.sh started by launch (it stops its services)
  [ -n "$RUN_PID" ] || return 0
  kill "$RUN_PID" 2>/dev/null || true
  wait "$RUN_PID" 2>/dev/null || true
  RUN_PID=""
  for _ in $(seq 1 300); do
    pgrep -f -- "-Dquarkus.http.port=1808[0-3] " >/dev/null || break
    sleep 0.2
  done
}
trap halt EXIT
ready_times() { cat "$ROOT/.run/logs/startup.txt"; }
pss_sample() { # sum of PSS and RSS (kB) of the four service JVMs
  local pss=0 rss=0 pid port
  for port in 18080 18081 18082 18083; do
    pid="$(pgrep -f -- "-Dquarkus.http.port=$port " | head -1)"
    [ -n "$pid" ] || continue
    pss=$(( pss + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup") ))
    rss=$(( rss + $(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup") ))
  done
  echo "$pss $rss"
}
under_load() { # prints the largest PSS and RSS sums (MB) seen while the load runs
  local max_pss=0 max_rss=0 load pss rss
  ( GATEWAY=http://127.0.0.1:18080 DEVICE=http://127.0.0.1:18082 THREADS=1 bench/pending-poll.sh 15s 32
    GATEWAY=http://127.0.0.1:18080 THREADS=1 bench/token-issuance.sh 15s 32 ) >"$OUT/load.log" 2>&1 &
  load=$!
  while kill -0 "$load" 2>/dev/null; do
    read -r pss rss < <(pss_sample)
    [ "$pss" -gt "$max_pss" ] && max_pss=$pss
    [ "$rss" -gt "$max_rss" ] && max_rss=$rss
    sleep 1
  done
  wait "$load" || true
  echo "$(( max_pss / 1024 )) $(( max_rss / 1024 ))"
}

# all four together (as run.sh starts them) first, with PSS under load; then each alone
for round in $(seq 1 "$ROUNDS"); do
  launch "$OUT/together-$round.log"
  echo "round=$round together: $(ready_times | tr '\n' ' ')"
  if [ "$round" = "$ROUNDS" ]; then
    read -r pss rss < <(under_load)
    echo "under load: PSS $pss MB, RSS $rss MB (four JVMs)"
  fi
  halt
done
for round in $(seq 1 "$ROUNDS"); do
  launch "$OUT/alone-$round.log" LATCHKEY_START_ONE_BY_ONE=1
  echo "round=$round alone: $(ready_times | tr '\n' ' ')"
  halt
done
