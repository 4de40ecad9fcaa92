#!/usr/bin/env bash
# npm test: install dependencies when missing, start the test services (in-memory
# MongoDB-compatible server, throwaway Redis) unless MONGODB_URI / REDIS_URL are set, build the
# dashboard when missing or stale, install Debian's Chromium when missing (browser tests), then
# type-check, lint and run the unit, integration, fault and end-to-end suites. Non-zero on any
# failure, and when the run left files git neither tracks nor ignores, or changed package.json /
# package-lock.json (a clean clone stays clean: issue 17 §7).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
before_run="$(untracked_state)"
use_pinned_node
ensure_node_modules
ensure_dashboard_built
ensure_chromium

use_test_services "npm test"

log "Node $(node -p process.versions.node) ($(command -v node))"
log "type-check (tsc --noEmit)"
npx tsc --noEmit
npx tsc --noEmit -p dashboard
log "lint (eslint)"
npx eslint .
log "tests (mocha, with c8 coverage)"
# Unit and integration suites, fault injection (real processes killed and restarted), then the
# dashboard driven in Chromium (test/e2e).
npx c8 --reporter=text-summary --reporter=lcov mocha 'test/unit/**/*.test.ts' 'test/integration/**/*.test.ts' 'test/faults/**/*.test.ts' 'test/e2e/**/*.test.ts' "$@"
log "work tree left clean? (git status: nothing new untracked, lock file unchanged)"
check_left_clean "$before_run"
