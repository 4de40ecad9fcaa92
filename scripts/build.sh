#!/usr/bin/env bash
# npm run build: compile the service with tsc (tsconfig.build.json, source maps on) to dist/,
# bundle the dashboard into dist/dashboard/, and write dist/build-info.json (version, commit,
# build time) for /healthz. The commit is
# PERKWIRE_COMMIT when set (the image build passes it: its context has no .git), else
# `git describe --always --dirty` of this checkout, else null. Start with
# `node --enable-source-maps dist/server/main.js` from the project folder (RULES_DIR is relative).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
use_pinned_node
ensure_node_modules

rm -rf dist
log "compiling to dist/ (tsc -p tsconfig.build.json)"
npx tsc -p tsconfig.build.json
log "bundling the dashboard to dist/dashboard/ (dashboard/build.ts)"
node --import tsx dashboard/build.ts --force
commit="${PERKWIRE_COMMIT:-$(git describe --always --dirty --abbrev=40 2>/dev/null || true)}"
PERKWIRE_BUILD_COMMIT="$commit" node -e '
  const fs = require("node:fs");
  const { version } = JSON.parse(fs.readFileSync("package.json", "utf8"));
  const info = { version, commit: process.env.PERKWIRE_BUILD_COMMIT || null, builtAt: new Date().toISOString() };
  fs.writeFileSync("dist/build-info.json", JSON.stringify(info, null, 2) + "\n");
  console.error("[perkwire] built dist/ " + JSON.stringify(info));
'
