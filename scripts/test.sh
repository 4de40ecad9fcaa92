#!/usr/bin/env bash
# npm test: install dependencies when missing, start the test services (in-memory
# MongoDB-compatible server, throwaway Redis) unless MONGODB_URI / REDIS_URL are set, then
# type-check, lint and run the unit and integration suites. Non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
use_pinned_node
ensure_node_modules

use_local_services test
cleanup() {
  if [ "$STARTED_SERVICES" = 1 ] && [ -z "${PERKWIRE_KEEP_SERVICES:-}" ]; then bash scripts/services.sh stop --profile test || true; fi
}
trap cleanup EXIT

log "Node $(node -p process.versions.node) ($(command -v node))"
log "type-check (tsc --noEmit)"
npx tsc --noEmit
log "lint (eslint)"
npx eslint .
log "tests (mocha, with c8 coverage)"
# Unit and integration suites, then fault injection (real processes killed and restarted).
npx c8 --reporter=text-summary --reporter=lcov mocha 'test/unit/**/*.test.ts' 'test/integration/**/*.test.ts' 'test/faults/**/*.test.ts' "$@"
