#!/usr/bin/env bash
# Start-up and memory of the four services as ./run.sh starts them (issue 17), in one session:
#   - start to ready of each service alone (LATCHKEY_START_ONE_BY_ONE=1) and all four started together, in wall
#     time and in CPU time of the JVM (far less sensitive to a loaded machine), cold and warm JDK AOT cache;
#   - PSS (and RSS) of the four JVMs under load (/proc/<pid>/smaps_rollup, the largest sum of 1 s samples while
#     bench/pending-poll.sh and bench/token-issuance.sh run through the gateway).
# Needs the services built (./mvnw package -DskipTests). Runs run.sh on its own ports (STARTUP_PORT_BASE, default
# 18080: 18080-18083, management 19080-19083) so that another ./run.sh on this machine is not disturbed.
# Usage: bench/startup.sh [rounds per mode, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
ROUNDS="${1:-2}"
BASE="${STARTUP_PORT_BASE:-18080}"
PORTS=("$BASE" "$((BASE + 1))" "$((BASE + 2))" "$((BASE + 3))")
export LATCHKEY_SKIP_BUILD=1 LATCHKEY_PORT="${PORTS[0]}" LATCHKEY_TOKEN_PORT="${PORTS[1]}" LATCHKEY_DEVICE_PORT="${PORTS[2]}" \
       LATCHKEY_CONSENT_PORT="${PORTS[3]}" LATCHKEY_MANAGEMENT_PORT_BASE="$((BASE + 1000))"
OUT="$ROOT/.run/bench-startup"; mkdir -p "$OUT"
SERVICES=(token-service device-service consent-service gateway)

RUN_PID=""
launch() { # log-file [env assignments...]: starts run.sh, waits for its banner
  local log="$1"; shift
  : >"$log"   # emptied first: the previous run's banner must not be taken for this one's
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
    local port alive=0
    for port in "${PORTS[@]}"; do pgrep -f -- "-Dquarkus.http.port=$port " >/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
}
trap halt EXIT
ready_times() { cat "$ROOT/.run/logs/startup.txt"; }
pss_sample() { # sum of PSS and RSS (kB) of the four service JVMs
  local pss=0 rss=0 pid port
  for port in "${PORTS[@]}"; do
    pid="$(pgrep -f -- "-Dquarkus.http.port=$port " | head -1)"
    [ -n "$pid" ] || continue
    pss=$(( pss + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup") ))
    rss=$(( rss + $(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup") ))
  done
  echo "$pss $rss"
}
under_load() { # prints the largest PSS and RSS sums (MB) seen while the load runs
  local max_pss=0 max_rss=0 load pss rss
  ( GATEWAY="http://127.0.0.1:${PORTS[0]}" DEVICE="http://127.0.0.1:${PORTS[2]}" THREADS=1 bench/pending-poll.sh 15s 32
    GATEWAY="http://127.0.0.1:${PORTS[0]}" THREADS=1 bench/token-issuance.sh 15s 32 ) >"$OUT/load.log" 2>&1 &
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

cache_state() { # how run.sh started the services in this log: the JDK AOT cache made, used, or off
  if grep -q "writing its AOT cache" "$1"; then echo "warm (AOT cache used, made by the training start above)"
  elif grep -q ", AOT cache" "$1"; then echo "warm (AOT cache used)"
  else echo "no AOT cache"; fi
}
report() { # mode round log: one line, "<service> <ms to ready> (<CPU ms to ready>)" per service
  local training="$ROOT/.run/logs/startup.training.txt"
  if grep -q "writing its AOT cache" "$3" && [ -s "$training" ]; then
    # the first start of a build is run.sh's training start (it writes the caches, then starts the services again)
    echo "round=$2 $1, cold (training start, writes the AOT caches): $(awk '{ printf "%s %s ms (cpu %s ms)  ", $1, $2, $3 }' "$training")"
  fi
  echo "round=$2 $1, $(cache_state "$3"): $(ready_times | awk '{ printf "%s %s ms (cpu %s ms)  ", $1, $2, $3 }')"
}
# STARTUP_AOT_COLD=1 (default) drops run.sh's AOT caches before each mode's first round, so that round is a cold
# start (it writes the caches as it stops) and the later ones warm; 0 keeps what is there. LATCHKEY_AOT_CACHE=0
# (run.sh's switch) measures without the cache.
fresh_caches() { [ "${STARTUP_AOT_COLD:-1}" = "1" ] && rm -rf "$ROOT/.run/aot"; return 0; }

# all four together (as run.sh starts them) first, with PSS under load; then each alone (STARTUP_MODES: either)
MODES="${STARTUP_MODES:-together alone}"
[[ " $MODES " == *" together "* ]] && fresh_caches
for round in $(seq 1 "$ROUNDS"); do
  [[ " $MODES " == *" together "* ]] || break
  launch "$OUT/together-$round.log"
  report together "$round" "$OUT/together-$round.log"
  if [ "$round" = "$ROUNDS" ]; then
    read -r pss rss < <(under_load)
    echo "under load: PSS $pss MB, RSS $rss MB (four JVMs)"
  fi
  halt
done
[[ " $MODES " == *" alone "* ]] && fresh_caches
for round in $(seq 1 "$ROUNDS"); do
  [[ " $MODES " == *" alone "* ]] || break
  launch "$OUT/alone-$round.log" LATCHKEY_START_ONE_BY_ONE=1
  report alone "$round" "$OUT/alone-$round.log"
  halt
done
