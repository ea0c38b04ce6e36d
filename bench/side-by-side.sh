#!/usr/bin/env bash
# Side-by-side benchmark: Latchkey (as run.sh starts it) against a Keycloak distribution from Maven Central, on
# 127.0.0.1, with the same wrk scenarios and the same parameters, one system under load at a time (the other is
# stopped), and a Markdown table of medians and ratios appended to BENCHMARKS.md. Issue 17.
#
#   bench/side-by-side.sh                      # the full run: wrk -t1 -c32, 3 x 15 s per point, two passes
#   DURATION=3 REPS=1 PASSES=1 WARMUP=2 WRITE=0 bench/side-by-side.sh     # a smoke run (table printed only)
#
# Scenarios (SCENARIOS, default "poll device cc refresh"); every answer is checked by the Lua script
# (bench/sbs/*.lua) and unexpected answers are counted and shown in the table:
#   poll     pending device-code polls, POLL_CODES codes nobody approves, round-robin   -> 400 authorization_pending/slow_down
#   device   device authorization requests of a public client                          -> 200 with device_code and user_code
#   cc       client_credentials of a confidential client (HTTP Basic), ES256 tokens      -> 200 with access_token
#   refresh  refresh_token with rotation, one chain per connection, each answer's new
#            refresh_token is the chain's next one                                      -> 200 with a new refresh_token
# Latchkey is measured through its gateway (and, for reference, polls straight at device-service).
# Pass 1 runs Latchkey then Keycloak, pass 2 Keycloak then Latchkey (and so on); each system is started afresh
# for each pass, which also gives its start-to-ready time; memory (RSS, PSS) is sampled in the middle of every
# measured run.
#
# Needs: wrk, curl, unzip, python3, psql (PostgreSQL on 127.0.0.1:5432 as user postgres, trust), redis-cli, the
# services built (./mvnw -B -q -ntp package -DskipTests; this script starts run.sh with LATCHKEY_SKIP_BUILD=1).
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(dirname "$BENCH")"
export SBS_LUA_DIR="$BENCH/sbs"
export SBS_THREADS="${THREADS:-1}"   # the refresh script splits the chains between wrk threads

# WARMUP: unmeasured load before every point, for every system alike. 15 s: after 5 s the JIT was still compiling in
# the first measured run of a point (rising repeats in pass 1, for Keycloak too)
DURATION="${DURATION:-15}"; REPS="${REPS:-3}"; PASSES="${PASSES:-2}"; WARMUP="${WARMUP:-15}"
CONNS="${CONNS:-32}"; THREADS="${THREADS:-1}"; POLL_CODES="${POLL_CODES:-500}"
SCENARIOS="${SCENARIOS:-poll device cc refresh}"
SYSTEMS="${SYSTEMS:-latchkey keycloak}"  # for a quick look at one of them
WRITE="${WRITE:-1}"              # 1: append the section to BENCHMARKS.md; 0: print it only
NOTE="${NOTE:-}"                 # a sentence on the machine state for the section (e.g. "quiet: nothing else running")
# Latchkey's ports (run.sh honours these; the issuer follows LATCHKEY_PORT)
export LATCHKEY_PORT="${LATCHKEY_PORT:-8080}" LATCHKEY_TOKEN_PORT="${LATCHKEY_TOKEN_PORT:-8081}"
export LATCHKEY_DEVICE_PORT="${LATCHKEY_DEVICE_PORT:-8082}" LATCHKEY_CONSENT_PORT="${LATCHKEY_CONSENT_PORT:-8083}"
BARE="${BARE:-1}"; BARE_PORT="${BARE_PORT:-18280}"   # 1: also measure polls through bench/sbs/BareProxy.java
BENCH_REDIS_PREFIX="${BENCH_REDIS_PREFIX:-lkbench:}"   # Latchkey's Redis keys during the run (deleted before and after)
# Keycloak
KC_VERSION="${KC_VERSION:-26.7.3}"; KC_PORT="${KC_PORT:-18080}"; KC_MGMT_PORT="${KC_MGMT_PORT:-18090}"
KC_DB="${KC_DB:-keycloak_bench}"; KC_CACHE="${KC_CACHE:-local}"
KC_HEAP="${KC_HEAP:-}"           # JAVA_OPTS_KC_HEAP; empty: Keycloak's own default outside a container (-Xms64m -Xmx512m)
KC_REALM=bench
JAVA_HOME_KC="${JAVA_HOME_KC:-}"
if [ -z "$JAVA_HOME_KC" ]; then for j in /usr/lib/jvm/temurin-25*; do [ -x "$j/bin/java" ] && JAVA_HOME_KC="$j"; done; fi
[ -n "$JAVA_HOME_KC" ] || { echo "no Java 25 under /usr/lib/jvm/temurin-25*; set JAVA_HOME_KC" >&2; exit 1; }

for tool in wrk curl unzip python3 psql redis-cli sha1sum; do
  command -v "$tool" >/dev/null || { echo "$tool missing" >&2; exit 1; }
done
for m in gateway token-service device-service consent-service; do
  [ -f "$ROOT/$m/target/quarkus-app/quarkus-run.jar" ] || { echo "$m is not built: ./mvnw -B -q -ntp package -DskipTests" >&2; exit 1; }
done
for port in "$BARE_PORT" "$LATCHKEY_PORT" "$LATCHKEY_TOKEN_PORT" "$LATCHKEY_DEVICE_PORT" "$LATCHKEY_CONSENT_PORT" "$KC_PORT" "$KC_MGMT_PORT"; do
  if curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/"; then echo "port $port is in use; stop what runs there" >&2; exit 1; fi
done

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$BENCH/results/side-by-side-$STAMP"; mkdir -p "$RESULTS"
SETUP=(python3 "$BENCH/sbs/setup.py")
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$RESULTS/run.log" >&2; }

# ------------------------------------------------------------------ Keycloak distribution (cached, checked)
CACHE="$BENCH/.cache"; mkdir -p "$CACHE"
KC_ZIP="$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip"; KC_HOME="$CACHE/keycloak-$KC_VERSION"
KC_URL="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
if [ ! -f "$KC_ZIP" ]; then
  log "downloading $KC_URL"
  curl -fsS -o "$KC_ZIP.part" "$KC_URL" && mv "$KC_ZIP.part" "$KC_ZIP"
fi
want_sha1="$(curl -fsS "$KC_URL.sha1" | cut -c1-40)"
[ "$(sha1sum "$KC_ZIP" | cut -c1-40)" = "$want_sha1" ] || { echo "$KC_ZIP does not match Maven Central's SHA-1; delete it" >&2; exit 1; }
[ -x "$KC_HOME/bin/kc.sh" ] || (cd "$CACHE" && unzip -q -o "$KC_ZIP")
# production mode, built once for these options (start --optimized), re-built when they change
KC_BUILD_OPTS=(--db=postgres --health-enabled=true --cache="$KC_CACHE")
if [ "$(cat "$KC_HOME/.sbs-build" 2>/dev/null)" != "${KC_BUILD_OPTS[*]}" ]; then
  log "kc.sh build ${KC_BUILD_OPTS[*]}"
  JAVA_HOME="$JAVA_HOME_KC" "$KC_HOME/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" > "$RESULTS/keycloak-build.log" 2>&1
  echo "${KC_BUILD_OPTS[*]}" > "$KC_HOME/.sbs-build"
fi
# Keycloak's own database; its bootstrap admin is created on the first start only, so the admin password is kept
# with the cache (git-ignored, 0600) and the database is made anew whenever that file is (re)generated
KC_ADMIN_FILE="$CACHE/keycloak-admin-password"
case "$KC_DB" in *[!a-z0-9_]*) echo "KC_DB must be lower-case letters, digits and _" >&2; exit 1 ;; esac
if [ ! -s "$KC_ADMIN_FILE" ]; then
  ( umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=\n' > "$KC_ADMIN_FILE" )
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $KC_DB"
fi
KC_ADMIN_PASSWORD="$(cat "$KC_ADMIN_FILE")"
KC_NEW_DB=0
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname='$KC_DB'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $KC_DB"
  KC_NEW_DB=1
fi
KC_SECRET="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
KC_USER_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"

# ------------------------------------------------------------------ process control
SYSTEM_PID=""          # run.sh or kc.sh of the system that is up
stop_system() {
  if [ -n "$SYSTEM_PID" ]; then
    kill -TERM "$SYSTEM_PID" 2>/dev/null || true
    # 60 s: a first run.sh start of a build writes each service's AOT cache as it stops
    for _ in $(seq 1 300); do kill -0 "$SYSTEM_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SYSTEM_PID" 2>/dev/null || true
    wait "$SYSTEM_PID" 2>/dev/null || true
    SYSTEM_PID=""
  fi
}
redis_cleanup() {
  redis-cli -h 127.0.0.1 --scan --pattern "${BENCH_REDIS_PREFIX}*" | xargs -r -n 1000 redis-cli -h 127.0.0.1 UNLINK >/dev/null
}
BARE_PID=""
cleanup() { [ -n "$BARE_PID" ] && kill "$BARE_PID" 2>/dev/null; stop_system; redis_cleanup || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_ready PASS SYSTEM T0 name=url...: records seconds from T0 to the first 200 of each URL in ready.tsv
wait_ready() {
  local pass="$1" system="$2" t0="$3"; shift 3
  local -A pending=(); local spec
  for spec in "$@"; do pending["${spec%%=*}"]="${spec#*=}"; done
  local deadline=$(( $(date +%s) + 300 ))
  while [ "${#pending[@]}" -gt 0 ]; do
    for name in "${!pending[@]}"; do
      if curl -fsS -o /dev/null -m 1 "${pending[$name]}" 2>/dev/null; then
        printf '%s\t%s\t%s\t%s\n' "$pass" "$system" "$name" \
          "$(python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$t0" "$(date +%s.%N)")" \
          >> "$RESULTS/ready.tsv"
        unset "pending[$name]"
      fi
    done
    kill -0 "$SYSTEM_PID" 2>/dev/null || { echo "$system exited during start-up; see $RESULTS" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$system did not become ready in 300 s" >&2; exit 1; }
    sleep 0.1
  done
}

JVM_PIDS=()
jvm_pids() { # children of SYSTEM_PID that are java
  JVM_PIDS=()
  local c
  for c in $(pgrep -P "$SYSTEM_PID" || true); do
    case "$(tr '\0' ' ' < "/proc/$c/cmdline" 2>/dev/null)" in *java*) JVM_PIDS+=("$c") ;; esac
  done
}

gateway_pid() { # the gateway's JVM among JVM_PIDS
  local c
  for c in "${JVM_PIDS[@]}"; do
    case "$(tr '\0' ' ' < "/proc/$c/cmdline" 2>/dev/null)" in *gateway/target/quarkus-app*) echo "$c"; return ;; esac
  done
}

start_latchkey() { # PASS
  redis_cleanup
  log "pass $1: starting Latchkey (run.sh, gateway on $LATCHKEY_PORT)"
  local t0; t0="$(date +%s.%N)"
  # Rate limits off: Keycloak has none, and a benchmark from one address would measure the 429 path. The
  # per-client cap on outstanding device codes is raised for the same reason (the device scenario creates
  # tens of thousands). A separate Redis key prefix keeps the run's keys apart from anything else on this Redis.
  ( cd "$ROOT" && LATCHKEY_SKIP_BUILD=1 LATCHKEY_RATE_LIMIT_ENABLED=false \
      LATCHKEY_DEVICE_MAX_OUTSTANDING_PER_CLIENT=100000000 LATCHKEY_REDIS_KEY_PREFIX="$BENCH_REDIS_PREFIX" \
      exec ./run.sh ) > "$RESULTS/latchkey-pass$1.log" 2>&1 &
  SYSTEM_PID=$!
  wait_ready "$1" latchkey "$t0" \
    "token-service=http://127.0.0.1:$LATCHKEY_TOKEN_PORT/q/health/ready" \
    "device-service=http://127.0.0.1:$LATCHKEY_DEVICE_PORT/q/health/ready" \
    "consent-service=http://127.0.0.1:$LATCHKEY_CONSENT_PORT/q/health/ready" \
    "gateway=http://127.0.0.1:$LATCHKEY_PORT/q/health/ready"
  # run.sh's banner: after a training start (the first start of a build, which makes the AOT caches) it restarts
  # the services, and they are only up for good once it has printed it
  local i; for i in $(seq 1 1500); do
    grep -q "Latchkey is running" "$RESULTS/latchkey-pass$1.log" && break
    kill -0 "$SYSTEM_PID" 2>/dev/null || { echo "run.sh exited during start-up; see $RESULTS" >&2; exit 1; }
    sleep 0.2
  done
  jvm_pids
  [ "${#JVM_PIDS[@]}" -eq 4 ] || { echo "expected four Latchkey JVMs under run.sh, found ${#JVM_PIDS[@]}" >&2; exit 1; }
}

start_keycloak() { # PASS
  log "pass $1: starting Keycloak $KC_VERSION (start --optimized, port $KC_PORT)"
  local t0; t0="$(date +%s.%N)"
  local heap=(); [ -n "$KC_HEAP" ] && heap=(JAVA_OPTS_KC_HEAP="$KC_HEAP")
  env JAVA_HOME="$JAVA_HOME_KC" "${heap[@]}" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --http-management-port="$KC_MGMT_PORT" --hostname-strict=false \
      --db-url="jdbc:postgresql://127.0.0.1:5432/$KC_DB" --db-username=postgres --db-password=trust \
      > "$RESULTS/keycloak-pass$1.log" 2>&1 &
  SYSTEM_PID=$!
  wait_ready "$1" keycloak "$t0" "keycloak=http://127.0.0.1:$KC_MGMT_PORT/health/ready"
  jvm_pids
  [ "${#JVM_PIDS[@]}" -eq 1 ] || { echo "expected one Keycloak JVM under kc.sh, found ${#JVM_PIDS[@]}" >&2; exit 1; }
}

# ------------------------------------------------------------------ Keycloak configuration (admin REST API)
KC_BASE="http://127.0.0.1:$KC_PORT"
kc_admin() { # METHOD PATH [JSON]
  local token
  token="$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin --data-urlencode "password=$KC_ADMIN_PASSWORD" \
    "$KC_BASE/realms/master/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
  curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+--data "$3"} "$KC_BASE/admin$2"
}
configure_keycloak() {
  log "configuring Keycloak realm '$KC_REALM' through the admin REST API"
  kc_admin DELETE "/realms/$KC_REALM" >/dev/null 2>&1 || true
  # the same scenario as Latchkey's defaults: ES256 access tokens of 10 minutes, refresh rotation with no reuse,
  # device codes of 10 minutes polled every 5 s
  kc_admin POST /realms "$(python3 - "$KC_REALM" "$KC_SECRET" "$KC_USER_PASSWORD" <<'PY'
import json, sys
realm, secret, password = sys.argv[1:]
print(json.dumps({
  "realm": realm, "enabled": True,
  "defaultSignatureAlgorithm": "ES256",
  "revokeRefreshToken": True, "refreshTokenMaxReuse": 0,
  "accessTokenLifespan": 600,
  "oauth2DeviceCodeLifespan": 600, "oauth2DevicePollingInterval": 5,
  "clients": [
    {"clientId": "bench-device", "publicClient": True, "standardFlowEnabled": False,
     "directAccessGrantsEnabled": False, "attributes": {"oauth2.device.authorization.grant.enabled": "true"}},
    {"clientId": "bench-confidential", "publicClient": False, "clientAuthenticatorType": "client-secret",
     "secret": secret, "serviceAccountsEnabled": True, "standardFlowEnabled": True,
     "directAccessGrantsEnabled": True, "redirectUris": ["http://127.0.0.1/callback"]}],
  "users": [
    {"username": "bench", "enabled": True, "email": "bench@example.test", "emailVerified": True,
     "firstName": "Bench", "lastName": "User",
     "credentials": [{"type": "password", "value": password, "temporary": False}]}]}))
PY
)" >/dev/null
  local realm_id
  realm_id="$(kc_admin GET "/realms/$KC_REALM" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  # an explicit P-256 key, preferred over the generated RSA key (defaultSignatureAlgorithm picks ES256 anyway)
  kc_admin POST "/realms/$KC_REALM/components" "{\"name\":\"ecdsa-p256\",\"providerId\":\"ecdsa-generated\",
    \"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"$realm_id\",
    \"config\":{\"priority\":[\"200\"],\"enabled\":[\"true\"],\"active\":[\"true\"],\"ecdsaEllipticCurveKey\":[\"P-256\"]}}" >/dev/null
  "${SETUP[@]}" check-jwt-alg "$KC_BASE/realms/$KC_REALM/protocol/openid-connect/token" bench-confidential "$KC_SECRET" ES256 \
    | tee -a "$RESULTS/run.log"
  local settings
  settings="$(kc_admin GET "/realms/$KC_REALM" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["defaultSignatureAlgorithm"], r["revokeRefreshToken"], r["refreshTokenMaxReuse"])')"
  [ "$settings" = "ES256 True 0" ] || { echo "Keycloak realm settings not applied: $settings" >&2; exit 1; }
}

# ------------------------------------------------------------------ measuring
# run_point PASS SYSTEM SCENARIO LUA URL: warm-up, then REPS measured runs, memory sampled mid-run. With
# TOKENS_PREFIX set (the refresh scenario), each run, the warm-up too, gets its own fresh chains from
# $TOKENS_PREFIX-<run>.txt, prepared before the system was put under load.
# CPU time (user + system, clock ticks) of process $1 so far, from /proc/<pid>/stat (fields 14 and 15)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
TICKS_PER_SECOND="$(getconf CLK_TCK)"

# HOP_PID (optional): the proxy in front of the service for this point (the gateway, the bare proxy); its CPU time
# per answered request is added to the result as hop_cpu_us (the per-request work of the hop, less noisy than req/s)
run_point() {
  local pass="$1" system="$2" scenario="$3" lua="$4" url="$5" rep out before after
  log "pass $pass $system $scenario: warm-up ${WARMUP}s, then $REPS x ${DURATION}s (wrk -t$THREADS -c$CONNS)"
  if [ "$WARMUP" -gt 0 ]; then
    [ -n "${TOKENS_PREFIX:-}" ] && export SBS_TOKENS="$TOKENS_PREFIX-warmup.txt"
    wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" --timeout 10s -s "$BENCH/sbs/$lua" "$url" \
      > "$RESULTS/wrk-$pass-$system-$scenario-warmup.txt" 2>&1
  fi
  for rep in $(seq 1 "$REPS"); do
    [ -n "${TOKENS_PREFIX:-}" ] && export SBS_TOKENS="$TOKENS_PREFIX-$rep.txt"
    ( sleep "$(( (DURATION + 1) / 2 ))"
      awk '/^Rss:/{r+=$2} /^Pss:/{p+=$2} END{print r, p}' $(printf '/proc/%s/smaps_rollup ' "${JVM_PIDS[@]}") 2>/dev/null \
        >> "$RESULTS/mem-$pass-$system.txt" ) &
    local sampler=$!
    out="$RESULTS/wrk-$pass-$system-$scenario-$rep.txt"
    [ -n "${HOP_PID:-}" ] && before="$(cpu_ticks "$HOP_PID")"
    wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH/sbs/$lua" "$url" > "$out" 2>&1
    [ -n "${HOP_PID:-}" ] && after="$(cpu_ticks "$HOP_PID")"
    wait "$sampler" 2>/dev/null || true
    local line; line="$(grep '^SBS_RESULT' "$out" || true)"
    [ -n "$line" ] || { echo "wrk printed no result; see $out" >&2; cat "$out" >&2; exit 1; }
    if [ -n "${HOP_PID:-}" ]; then
      local requests; requests="$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<< "$line")"
      [ "${requests:-0}" -gt 0 ] && line="SBS_RESULT hop_cpu_us=$(awk -v t="$((after - before))" -v hz="$TICKS_PER_SECOND" \
        -v n="$requests" 'BEGIN { printf "%.1f", t * 1000000 / hz / n }') ${line#SBS_RESULT }"
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$pass" "$system" "$scenario" "$rep" "$line" >> "$RESULTS/points.tsv"
    log "  $rep: ${line#SBS_RESULT }"
  done
}

has() { case " $SCENARIOS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

bench_latchkey() { # PASS
  local pass="$1" gw="http://127.0.0.1:$LATCHKEY_PORT"
  start_latchkey "$pass"
  if has poll; then
    "${SETUP[@]}" device-codes "$gw/oauth/device_authorization" latchkey-cli db:read "$POLL_CODES" > "$RESULTS/latchkey-codes.txt"
    # first the same polls straight at device-service, without a hop (a reference, and a warm-up of the
    # device-service both hop variants below go through), then through the gateway, then through a bare proxy
    SBS_CODES="$RESULTS/latchkey-codes.txt" SBS_PATH=/oauth/token SBS_CLIENT_ID=latchkey-cli \
      run_point "$pass" latchkey bare-direct poll.lua "http://127.0.0.1:$LATCHKEY_DEVICE_PORT"
    SBS_CODES="$RESULTS/latchkey-codes.txt" SBS_PATH=/oauth/token SBS_CLIENT_ID=latchkey-cli HOP_PID="$(gateway_pid)" \
      run_point "$pass" latchkey poll poll.lua "$gw"
    if [ "$BARE" = "1" ]; then
      # the limit of one proxy hop: the same polls through a bare Vert.x proxy in front of device-service (the
      # gateway's jars, run.sh's JVM options for the gateway), while the gateway sits idle
      # shellcheck disable=SC2086 # LATCHKEY_JVM_EXTRA_OPTS: the services' extra options (the transport, say) too
      "$JAVA_HOME_KC/bin/java" -XX:+UseSerialGC -Xms16m -Xmx64m -Xss512k -XX:MaxDirectMemorySize=32m ${LATCHKEY_JVM_EXTRA_OPTS:-} \
        -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$BENCH/sbs/BareProxy.java" \
        "$BARE_PORT" 127.0.0.1 "$LATCHKEY_DEVICE_PORT" > "$RESULTS/bare-proxy-pass$pass.log" 2>&1 &
      BARE_PID=$!
      for _ in $(seq 1 600); do
        grep -q '^bare proxy on' "$RESULTS/bare-proxy-pass$pass.log" && break
        kill -0 "$BARE_PID" 2>/dev/null || { echo "BareProxy failed; see $RESULTS/bare-proxy-pass$pass.log" >&2; exit 1; }
        sleep 0.1
      done
      SBS_CODES="$RESULTS/latchkey-codes.txt" SBS_PATH=/oauth/token SBS_CLIENT_ID=latchkey-cli HOP_PID="$BARE_PID" \
        run_point "$pass" latchkey bare-proxy poll.lua "http://127.0.0.1:$BARE_PORT"
      kill "$BARE_PID"; wait "$BARE_PID" 2>/dev/null || true; BARE_PID=""
    fi
  fi
  if has cc; then
    SBS_PATH=/oauth/token SBS_SCOPE=db:read \
      SBS_BASIC="$(printf '%s' 'partner-web:partner-web-demo-secret-7c1e4a9b2f6d' | base64 -w0)" \
      run_point "$pass" latchkey cc client-credentials.lua "$gw"
  fi
  if has refresh; then
    # fresh chains for every run: each from its own device flow, approved by the demo user on the consent pages
    for rep in $( [ "$WARMUP" -gt 0 ] && echo warmup) $(seq 1 "$REPS"); do
      "${SETUP[@]}" latchkey-refresh "$gw" "$CONNS" demo@latchkey.dev latchkey-demo > "$RESULTS/latchkey-refresh-$rep.txt"
    done
    TOKENS_PREFIX="$RESULTS/latchkey-refresh" SBS_PATH=/oauth/token SBS_CLIENT_ID=latchkey-cli \
      run_point "$pass" latchkey refresh refresh.lua "$gw"
  fi
  if has device; then
    SBS_PATH=/oauth/device_authorization SBS_CLIENT_ID=latchkey-cli SBS_SCOPE=db:read \
      run_point "$pass" latchkey device device-authorization.lua "$gw"
  fi
  stop_system
}

bench_keycloak() { # PASS
  local pass="$1" oidc="/realms/$KC_REALM/protocol/openid-connect"
  start_keycloak "$pass"
  configure_keycloak
  if has poll; then
    "${SETUP[@]}" device-codes "$KC_BASE$oidc/auth/device" bench-device "" "$POLL_CODES" > "$RESULTS/keycloak-codes.txt"
    SBS_CODES="$RESULTS/keycloak-codes.txt" SBS_PATH="$oidc/token" SBS_CLIENT_ID=bench-device \
      run_point "$pass" keycloak poll poll.lua "$KC_BASE"
  fi
  if has cc; then
    SBS_PATH="$oidc/token" SBS_SCOPE="" SBS_BASIC="$(printf '%s' "bench-confidential:$KC_SECRET" | base64 -w0)" \
      run_point "$pass" keycloak cc client-credentials.lua "$KC_BASE"
  fi
  if has refresh; then
    # no "openid" scope: the refresh answers carry no ID token, so both systems sign one JWT per refresh
    for rep in $( [ "$WARMUP" -gt 0 ] && echo warmup) $(seq 1 "$REPS"); do
      "${SETUP[@]}" password-refresh "$KC_BASE$oidc/token" "$CONNS" bench-confidential "$KC_SECRET" bench "$KC_USER_PASSWORD" \
        > "$RESULTS/keycloak-refresh-$rep.txt"
    done
    TOKENS_PREFIX="$RESULTS/keycloak-refresh" SBS_PATH="$oidc/token" SBS_CLIENT_ID="" \
      SBS_BASIC="$(printf '%s' "bench-confidential:$KC_SECRET" | base64 -w0)" run_point "$pass" keycloak refresh refresh.lua "$KC_BASE"
  fi
  if has device; then
    SBS_PATH="$oidc/auth/device" SBS_CLIENT_ID=bench-device SBS_SCOPE="" \
      run_point "$pass" keycloak device device-authorization.lua "$KC_BASE"
  fi
  stop_system
}

# ------------------------------------------------------------------ the run
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
{ echo "THREADS=$THREADS"; echo "CONNS=$CONNS"; echo "REPS=$REPS"; echo "DURATION=${DURATION} s"
  echo "PASSES=$PASSES"; echo "WARMUP=$WARMUP"; } > "$RESULTS/meta.env"
log "results in $RESULTS; load average before: $LOAD_BEFORE"
run_system() { case " $SYSTEMS " in *" $1 "*) "bench_$1" "$2" ;; esac; }
if [ "$KC_NEW_DB" = 1 ] && case " $SYSTEMS " in *" keycloak "*) true ;; *) false ;; esac; then
  # Keycloak's first start on a new database creates its schema (Liquibase); that start is not measured
  log "first start of Keycloak on the new database $KC_DB (creates the schema; not measured)"
  start_keycloak 0; stop_system
fi
if case " $SYSTEMS " in *" latchkey "*) true ;; *) false ;; esac; then
  # the first start of a Latchkey build is run.sh's training start (it makes each service's JDK AOT cache and
  # starts the services again with it); like Keycloak's schema-creating start, it is not measured
  log "start of Latchkey that makes its AOT caches where this build has none yet (not measured)"
  start_latchkey 0; stop_system
fi
for pass in $(seq 1 "$PASSES"); do
  if [ $((pass % 2)) -eq 1 ]; then run_system latchkey "$pass"; run_system keycloak "$pass"
  else run_system keycloak "$pass"; run_system latchkey "$pass"; fi
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

SECTION="$RESULTS/section.md"
{
  echo
  echo "## Side by side with Keycloak $KC_VERSION, $(date -u '+%Y-%m-%d %H:%M') UTC (bench/side-by-side.sh)"
  echo
  echo "Latchkey \`$(git -C "$ROOT" rev-parse --short HEAD)\`$(git -C "$ROOT" diff --quiet HEAD -- . ':!BENCHMARKS.md' || echo ' (with uncommitted changes)') as \`run.sh\` starts it (with the gateway's rate limits off and the device-code cap raised, as described in the section on the scripts), against Keycloak $KC_VERSION"
  echo "(\`keycloak-quarkus-dist\` from Maven Central, \`start --optimized\`, PostgreSQL, \`--cache=$KC_CACHE\`, heap ${KC_HEAP:-as kc.sh sets it outside a container, -Xms64m -Xmx512m}, Java $("$JAVA_HOME_KC/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p'))"
  echo "on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/^MemTotal/{t=$2} /^MemAvailable/{a=$2} END{printf "%.0f GiB RAM, %.0f GiB available at the end", t/1048576, a/1048576}' /proc/meminfo), wrk on the same cores. One system under load at a time, the other stopped."
  echo "Load average before: $LOAD_BEFORE; after: $LOAD_AFTER.${NOTE:+ $NOTE}"
  echo
  "${SETUP[@]}" report "$RESULTS"
  echo
  echo "Medians of $REPS runs of ${DURATION} s after a ${WARMUP} s warm-up per point; pass 1 Latchkey first, pass 2 Keycloak first."
  echo "Every answer is checked by the wrk script (\`bench/sbs/*.lua\`); \"unexpected\" counts answers that were not the"
  echo "expected one (poll: 400 \`authorization_pending\`/\`slow_down\`; device: 200 with codes; client_credentials: 200 with"
  echo "\`access_token\`; refresh: 200 with a new \`refresh_token\`) plus lost refresh chains. Raw wrk output: \`$(realpath --relative-to="$ROOT" "$RESULTS")/\`."
} > "$SECTION"
cat "$SECTION"
if [ "$WRITE" = "1" ]; then
  cat "$SECTION" >> "$ROOT/BENCHMARKS.md"
  log "appended to BENCHMARKS.md"
fi
