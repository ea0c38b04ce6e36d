#!/usr/bin/env bash
# Runs the whole Latchkey platform locally: makes sure PostgreSQL and Redis are up (installing them from the
# distribution's packages where missing), builds the four services, starts them with the demo data, and
# prints where to go. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
deploy/local/backends.sh

DB="${LATCHKEY_DB_NAME:-latchkey}"
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
fi

if [ "${LATCHKEY_SKIP_BUILD:-0}" != "1" ]; then
  echo "Building the services (./mvnw package -DskipTests)..."
  ./mvnw -B -q -ntp package -DskipTests
fi

# Run on Java 25 where installed (ES256 signing is ~3x faster there); the bytecode targets Java 17.
JAVA_BIN="java"
for j in /usr/lib/jvm/temurin-25*/bin/java; do [ -x "$j" ] && JAVA_BIN="$j"; done

PORT="${LATCHKEY_PORT:-8080}"
export LATCHKEY_ISSUER="${LATCHKEY_ISSUER:-http://localhost:$PORT}"
export LATCHKEY_INTERNAL_SECRET="${LATCHKEY_INTERNAL_SECRET:-local-dev-internal-secret-change-me}"
# Operator bearer token for token-service's POST /admin/keys/rotate (http://127.0.0.1:8081).
export LATCHKEY_ADMIN_TOKEN="${LATCHKEY_ADMIN_TOKEN:-local-dev-admin-token-change-me}"
# Demo only: a fixed local key that encrypts signing keys at rest. Production takes it from a Secret.
export LATCHKEY_KEY_ENCRYPTION_KEY="${LATCHKEY_KEY_ENCRYPTION_KEY:-bG9jYWwtZGV2LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=}"
export LATCHKEY_DB_URL="postgresql://127.0.0.1:5432/$DB"
export LATCHKEY_DB_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
LOGS="$ROOT/.run/logs"; mkdir -p "$LOGS"
# Fewer glibc malloc arenas: the JVMs' native memory (RSS) shrinks a lot with many threads.
export MALLOC_ARENA_MAX=2
# Small heaps: the four JVMs together stay under the 600 MB budget (native images in production use far less).
JVM_OPTS=(-XX:+UseSerialGC -Xms16m -XX:MaxMetaspaceSize=80m -Xss512k -XX:ReservedCodeCacheSize=32m
          -XX:MaxDirectMemorySize=32m -Dio.netty.allocator.numDirectArenas=2 -Dio.netty.allocator.numHeapArenas=2)

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping Latchkey..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
  exit 0
}
trap stop INT TERM EXIT

start() { # name port max-heap [extra JVM options]
  local name="$1" port="$2" heap="$3"; shift 3
  "$JAVA_BIN" "${JVM_OPTS[@]}" -Xmx"$heap" "$@" -Dquarkus.http.port="$port" -Dlatchkey.seed.demo=true \
    -Dlatchkey.services.token-url=http://127.0.0.1:8081 -Dlatchkey.services.device-url=http://127.0.0.1:8082 \
    -Dlatchkey.services.consent-url=http://127.0.0.1:8083 \
    -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
}
wait_ready() { # name port
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$1 did not become ready; see $LOGS/$1.log" >&2; tail -20 "$LOGS/$1.log" >&2; exit 1
}

start token-service 8081 96m
start device-service 8082 64m
# consent-service serves pages, not a hot path: the C1 compiler alone is plenty and much smaller.
start consent-service 8083 112m -XX:TieredStopAtLevel=1
start gateway "$PORT" 64m
wait_ready token-service 8081; wait_ready device-service 8082; wait_ready consent-service 8083; wait_ready gateway "$PORT"

cat <<BANNER

  Latchkey is running at $LATCHKEY_ISSUER   (logs: .run/logs/)

  Sign in:            $LATCHKEY_ISSUER/login
    demo user         demo@latchkey.dev / latchkey-demo
  Metadata:           curl $LATCHKEY_ISSUER/.well-known/oauth-authorization-server
  Device flow client: latchkey-cli (public)
  Partner web app:    partner-web / partner-web-demo-secret-7c1e4a9b2f6d

  Ctrl-C stops everything.
BANNER
wait -n "${pids[@]}" || true
echo "A service exited; see .run/logs/." >&2
exit 1
