#!/usr/bin/env bash
# npm run test:e2e: the dashboard's end-to-end tests alone (test/e2e): the test services, a
# fresh dashboard build when stale and Debian's Chromium (installed when missing), then mocha
# drives Chromium through playwright-core against a real Perkwire process. Screenshots land in
# e2e-artifacts/ (git-ignored). Extra arguments go to mocha (e.g. --grep members).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
use_pinned_node
ensure_node_modules
ensure_dashboard_built
ensure_chromium

use_test_services
npx mocha 'test/e2e/**/*.test.ts' "$@"
