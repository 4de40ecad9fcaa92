#!/usr/bin/env bash
# npm start: install dependencies when missing, start the local services unless MONGODB_URI /
# REDIS_URL are set, publish the rule files in rules/programs (demo program and location),
# and run the API and workers in one process. Ctrl-C (SIGINT) or SIGTERM stops the server
# first, then the services this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_node_modules

started_here=0
if [ -z "${MONGODB_URI:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  running_before="$(bash scripts/services.sh status)"
  exports="$(bash scripts/services.sh start --profile dev)" || die "could not start the local services"
  eval "$exports"
  # Stop on exit only what this run started (a second npm start reuses and leaves them).
  if ! grep -q "mongo-dev running" <<< "$running_before" || ! grep -q "redis-dev running" <<< "$running_before"; then
    started_here=1
  fi
fi
export MONGODB_URI REDIS_URL

port="${PORT:-8080}"
if port_open 127.0.0.1 "$port"; then
  if curl -fsS -m 2 "http://127.0.0.1:$port/healthz" 2>/dev/null | grep -q '"ok"'; then
    log "Perkwire is already running on port $port (POST http://localhost:$port/toast/loyalty); nothing to start."
    exit 0
  fi
  die "port $port is taken by another program; set PORT"
fi

cleanup() {
  if [ "$started_here" = 1 ]; then bash scripts/services.sh stop --profile dev || true; fi
}
trap cleanup EXIT

node --import tsx server/main.ts &
server_pid=$!
forward() { kill -TERM "$server_pid" 2>/dev/null || true; }
trap forward INT TERM
status=0
wait "$server_pid" || status=$?
# A trapped signal interrupts the first wait; wait again for the ordered shutdown to finish.
if kill -0 "$server_pid" 2>/dev/null; then wait "$server_pid" || status=$?; fi
exit "$status"
