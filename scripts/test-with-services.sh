#!/usr/bin/env bash
# Runs one test command with the test services it needs, as npm test does:
# `npm run test:faults` and `npm run test:integration` are `bash scripts/test-with-services.sh mocha …`.
# On the pinned Node; dependencies installed from the lock file when missing; the test profile's
# MongoDB-compatible server and Redis started unless MONGODB_URI and REDIS_URL are set, and
# stopped afterwards if this run started them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
use_pinned_node
ensure_node_modules
use_test_services "a test run ($1 ${2:-})"
status=0
npx "$@" || status=$?
exit "$status"
