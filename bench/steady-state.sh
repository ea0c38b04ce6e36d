#!/usr/bin/env bash
# Steady state (issue 17): CODES outstanding device codes (default 100,000), each polled at its interval, i.e.
# RATE polls/s offered (default 20,000 = 100,000 / 5 s), for DURATION seconds, through the gateway (TARGET=gateway)
# or straight at device-service (TARGET=device). Reports the achieved rate, latency percentiles, the answers
# (every one checked: authorization_pending or slow_down) and Redis memory: INFO memory before and after the codes
# were created, and MEMORY USAGE of sample keys (a code's one record, the client's counter).
#
# Needs a running platform whose per-client cap admits the codes, e.g.
#   LATCHKEY_DEVICE_MAX_OUTSTANDING_PER_CLIENT=200000 LATCHKEY_SKIP_BUILD=1 ./run.sh &
#   bench/steady-state.sh                                   # 100,000 codes, 20,000 polls/s, 180 s
#   CODES=2000 RATE=400 DURATION=10 bench/steady-state.sh   # a smoke run
# The codes are created straight at device-service (the gateway would count 100,000 authorizations from one
# address against its per-IP limit) and are left to expire (expires_in + expired-grace, 15 minutes by default).
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
export SBS_LUA_DIR="$BENCH/sbs"
CODES="${CODES:-100000}"; RATE="${RATE:-20000}"; DURATION="${DURATION:-180}"
THREADS="${THREADS:-2}"; CONNS="${CONNS:-256}"; TARGET="${TARGET:-gateway}"
GATEWAY="${GATEWAY:-http://127.0.0.1:${LATCHKEY_PORT:-8080}}"
DEVICE="${DEVICE:-http://127.0.0.1:${LATCHKEY_DEVICE_PORT:-8082}}"
PREFIX="${LATCHKEY_REDIS_KEY_PREFIX:-lk:}"    # the platform's latchkey.redis.key-prefix
REDIS=(redis-cli -h "${REDIS_HOST:-127.0.0.1}" -p "${REDIS_PORT:-6379}")
export SBS_THREADS="$THREADS"
case "$TARGET" in gateway) URL="$GATEWAY" ;; device) URL="$DEVICE" ;; *) echo "TARGET is gateway or device" >&2; exit 1 ;; esac
for tool in wrk python3 redis-cli; do command -v "$tool" >/dev/null || { echo "$tool missing" >&2; exit 1; }; done
curl -fsS -o /dev/null "$DEVICE/q/health/ready" || { echo "device-service is not ready at $DEVICE" >&2; exit 1; }
curl -fsS -o /dev/null "$GATEWAY/q/health/ready" || { echo "the gateway is not ready at $GATEWAY" >&2; exit 1; }

RESULTS="$BENCH/results/steady-state-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$RESULTS"
used_memory() { "${REDIS[@]}" INFO memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

MEM0="$(used_memory)"
echo "== creating $CODES device codes straight at $DEVICE (Redis used_memory before: $MEM0 B) =="
T0="$(date +%s)"
if ! python3 "$BENCH/sbs/setup.py" device-codes "$DEVICE/oauth/device_authorization" latchkey-cli db:read "$CODES" "${SETUP_CONNS:-4}" \
    > "$RESULTS/codes.txt"; then
  echo "creating the codes failed; a 429 means the per-client cap: start the platform with" >&2
  echo "  LATCHKEY_DEVICE_MAX_OUTSTANDING_PER_CLIENT=$((CODES * 2))" >&2
  exit 1
fi
CREATE_S=$(( $(date +%s) - T0 ))
MEM1="$(used_memory)"
echo "created $(wc -l < "$RESULTS/codes.txt") codes in ${CREATE_S} s; Redis used_memory after: $MEM1 B"

echo "== sample keys (MEMORY USAGE, bytes) =="
SAMPLE="$(head -1 "$RESULTS/codes.txt")"
{
  # one key per code: the record <prefix>d:<locator> (README, "Device authorizations in Redis"); a few samples
  for key in $("${REDIS[@]}" --scan --pattern "${PREFIX}d:*" | head -3 || true); do
    printf '%s\t%s\t%s\n' "$key" "$("${REDIS[@]}" TYPE "$key") $("${REDIS[@]}" OBJECT ENCODING "$key")" "$("${REDIS[@]}" MEMORY USAGE "$key")"
  done
  for key in $("${REDIS[@]}" --scan --pattern "${PREFIX}device:client:*" | head -5 || true); do
    type="$("${REDIS[@]}" TYPE "$key")"
    case "$type" in zset) n="$("${REDIS[@]}" ZCARD "$key")" ;; set) n="$("${REDIS[@]}" SCARD "$key")" ;; hash) n="$("${REDIS[@]}" HLEN "$key")" ;; *) n=1 ;; esac
    printf '%s\t%s (%s entries)\t%s\n' "$key" "$type" "$n" "$("${REDIS[@]}" MEMORY USAGE "$key" SAMPLES 0)"
  done
} | tee "$RESULTS/keys.tsv"

echo "== $DURATION s at $RATE polls/s offered through $TARGET ($URL), wrk -t$THREADS -c$CONNS =="
SBS_CODES="$RESULTS/codes.txt" SBS_RATE="$RATE" SBS_PATH=/oauth/token SBS_CLIENT_ID=latchkey-cli \
  wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH/sbs/steady-poll.lua" "$URL" \
  | tee "$RESULTS/wrk.txt"
MEM2="$(used_memory)"
# the same records once polled (a pending poll adds the next-poll field)
while IFS=$'\t' read -r key kind usage; do
  case "$key" in *device:client:*) continue ;; esac
  printf '%s\t%s\t%s\n' "$key" "$kind" "$("${REDIS[@]}" MEMORY USAGE "$key")"
done < "$RESULTS/keys.tsv" > "$RESULTS/keys-after.tsv"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
LINE="$(grep '^SBS_RESULT' "$RESULTS/wrk.txt")"

python3 - "$LINE" "$CODES" "$RATE" "$DURATION" "$MEM0" "$MEM1" "$MEM2" "$RESULTS/keys.tsv" "$TARGET" "$LOAD_BEFORE" "$LOAD_AFTER" "$CREATE_S" "$THREADS" "$RESULTS/keys-after.tsv" <<'PY' | tee "$RESULTS/summary.md"
import re, sys
line, codes, rate, duration, m0, m1, m2, keys, target, load0, load1, create_s, threads, keys_after = sys.argv[1:]
r = dict(re.findall(r"(\w+)=(\S+)", line.split(" sample=")[0]))
codes, rate, m0, m1, m2 = int(codes), int(rate), int(m0), int(m1), int(m2)
print("| steady state (%s codes, %s s, through %s) | |" % (format(codes, ","), duration, target))
print("| --- | --- |")
print("| offered / achieved polls/s | %s / %s (%.0f %%) |" % (format(rate, ","), format(float(r["rps"]), ",.0f"),
                                                         100 * float(r["rps"]) / rate))
print("| latency p50 / p99 (from the send) | %s ms / %s ms |" % (r["p50_ms"], r["p99_ms"]))
print("| answers: authorization_pending / slow_down / unexpected | %s / %s / %s |" % (r["pending"], r["slow_down"],
                                                                                    r["unexpected"]))
print("| socket errors / timeouts / sends behind schedule at the end (mean of the wrk threads) | %s / %s / %.0f ms |"
      % (r["sock_errors"], r["timeouts"], float(r["behind_ms"]) / int(threads)))
print("| Redis used_memory: before / after creating / after the run | %.1f / %.1f / %.1f MB |" % (m0 / 1e6, m1 / 1e6, m2 / 1e6))
print("| Redis memory per pending code (used_memory delta / codes) | %.0f B |" % ((m1 - m0) / codes))
records, counters = [], []
for row in open(keys):
    key, kind, usage = row.rstrip("\n").split("\t")
    name = re.sub(r"[A-Za-z0-9_-]{15,}", "<id>", key)
    if "device:client:" in key:
        # the client's counter is one small hash per client, whatever its number of codes: its share per code
        counters.append(int(usage))
        print("| MEMORY USAGE `%s` (%s) | %s B, %.2f B a code |" % (name, kind, usage, int(usage) / codes))
    else:
        records.append(int(usage))
        print("| MEMORY USAGE `%s` (%s) | %s B |" % (name, kind, usage))
per_code = (max(records) if records else 0) + (max(counters) / codes if counters else 0)
print("| one pending code: its record (largest sample) + its share of the client's counter | %.0f B |" % per_code)
polled = [int(r.rstrip("\n").split("\t")[2]) for r in open(keys_after) if r.strip()]
if polled:
    print("| the same records after the run (polled) | %s B |" % " / ".join(str(u) for u in polled))
print("| codes created in | %s s |" % create_s)
print("| load average before / after | %s / %s |" % (load0, load1))
PY
echo "(raw output in $RESULTS)"
