#!/usr/bin/env bash
# Runs one command on the pinned Node (.node-version), fetching it first when the machine's node
# is older: `bash scripts/node.sh tsx rules/cli.ts validate …`. The npm scripts that run
# TypeScript go through it, so `npm run rules|pos|bench:*|ledger:*` use the same Node as
# npm start and npm test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_pinned_node
exec "$@"
