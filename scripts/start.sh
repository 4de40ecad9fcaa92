#!/usr/bin/env bash
# npm start: install dependencies when missing, start the local services unless MONGODB_URI /
# REDIS_URL are set, build the dashboard when missing or stale, publish the rule files in
# rules/programs (demo program and location),
# and run the API and workers in one process. Ctrl-C (SIGINT) or SIGTERM stops the server
# first, then the services this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
use_pinned_node
ensure_node_modules
ensure_dashboard_built

port="${PORT:-8080}"
if port_open 127.0.0.1 "$port"; then
  if node -e "fetch('http://127.0.0.1:$port/healthz', { signal: AbortSignal.timeout(2000) }).then((r) => r.json()).then((b) => process.exit(b.status === 'ok' ? 0 : 1), () => process.exit(1))"; then
    log "Perkwire is already running on port $port (POST http://localhost:$port/toast/loyalty); nothing to start."
    exit 0
  fi
  die "port $port is taken by another program; set PORT"
fi

use_local_services dev
mark_in_use dev "npm start (port $port)"

# The services this script started are stopped on exit — unless another npm start (on another
# PORT) uses them too: then services.sh refuses and they stay for it.
cleanup() {
  unmark_in_use dev
  if [ "$STARTED_SERVICES" = 1 ]; then bash scripts/services.sh stop --profile dev || true; fi
}
trap cleanup EXIT

node --import tsx server/main.ts &
server_pid=$!
forward() { kill -TERM "$server_pid" 2>/dev/null || true; }
trap forward INT TERM
status=0
wait "$server_pid" || status=$?
# A trapped signal interrupts the first wait (status 128+n); wait again for the ordered
# shutdown to finish and exit with the server's own status (0 after a clean stop).
if kill -0 "$server_pid" 2>/dev/null; then status=0; wait "$server_pid" || status=$?; fi
exit "$status"
