#!/usr/bin/env bash
# Runs every test: unit and @QuarkusTest suites of each service, then the end-to-end suite that starts all
# four packaged services against the real local PostgreSQL and Redis and drives them through the gateway
# (browser steps in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")"
deploy/local/backends.sh
deploy/local/browser.sh
exec ./mvnw -B -ntp verify "$@"
