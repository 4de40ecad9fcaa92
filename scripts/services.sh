#!/usr/bin/env bash
# Start, stop or show the local services Perkwire needs: a MongoDB-compatible server
# (tools/mongo-dev-server, mongo-java-server on the JDK) and Redis.
#
#   scripts/services.sh start  --profile dev|test   prints export lines for MONGODB_URI / REDIS_URL
#   scripts/services.sh stop   --profile dev|test [--force]   stops what this profile started
#   scripts/services.sh status
#
# `stop` needs the profile named, and refuses while a running `npm start` (dev) or `npm test`
# (test) uses that profile's services: stop that first (Ctrl-C stops npm start and then the
# services it started), or add --force to stop them under it.
#
# Profiles keep dev (npm start) and test (npm test) apart so both can run at once:
#   dev:  MongoDB-compatible server on 27018 with the H2 file backend in ./data, Redis on 6389
#   test: MongoDB-compatible server on 27019 in memory, Redis on 6390 without persistence
# A service whose URL is already set in the environment (MONGODB_URI, REDIS_URL) is not started.
# Starting is idempotent: a service this profile already runs is reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd="${1:-status}"; shift || true
profile=""; force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="${2:-}"; shift 2 || shift ;;
    --force) force=1; shift ;;
    *) die "unknown argument $1" ;;
  esac
done
if [ "$cmd" = stop ] && [ -z "$profile" ]; then
  die "say which services to stop: --profile dev (npm start's) or --profile test (npm test's), e.g. \`npm run services:stop -- --profile test\`; running now: $(bash "$0" status | grep running | cut -d' ' -f1 | paste -sd, - || true)"
fi
profile="${profile:-dev}"
case "$profile" in
  dev)  mongo_port="${PERKWIRE_DEV_MONGO_PORT:-27018}"; redis_port="${PERKWIRE_DEV_REDIS_PORT:-6389}" ;;
  test) mongo_port="${PERKWIRE_TEST_MONGO_PORT:-27019}"; redis_port="${PERKWIRE_TEST_REDIS_PORT:-6390}" ;;
  *) die "profile must be dev or test" ;;
esac
MONGO_NAME="mongo-$profile"; REDIS_NAME="redis-$profile"
# A recorded pid is ours when its command line is the service's (KIND; a recycled pid is not),
# and the one to reuse when it also serves this profile's port (MARKER).
MONGO_KIND="MongoDevServer.java --port"; MONGO_MARKER="$MONGO_KIND $mongo_port"
REDIS_KIND="redis-server"; REDIS_MARKER="$REDIS_KIND 127.0.0.1:$redis_port"
MDS="$ROOT/tools/mongo-dev-server"

start_mongo() {
  if [ -n "${MONGODB_URI:-}" ]; then log "using MONGODB_URI from the environment"; return; fi
  local uri="mongodb://127.0.0.1:$mongo_port/perkwire"
  [ "$profile" = test ] && uri="mongodb://127.0.0.1:$mongo_port/perkwire-test"
  if pid_alive "$MONGO_NAME" "$MONGO_MARKER" && port_open 127.0.0.1 "$mongo_port"; then
    echo "export MONGODB_URI='$uri'"; return
  fi
  if port_open 127.0.0.1 "$mongo_port"; then
    # Another checkout's dev server (or one started by hand): reuse it. Tests and the demo use
    # their own database names, so sharing the server is safe.
    log "reusing the MongoDB-compatible server already listening on 127.0.0.1:$mongo_port"
    echo "export MONGODB_URI='$uri'"; return
  fi
  command -v java >/dev/null || die "java (JDK 17+) is required for the local MongoDB-compatible server"
  if [ ! -f "$MDS/lib/.resolved" ] || [ "$MDS/pom.xml" -nt "$MDS/lib/.resolved" ]; then
    command -v mvn >/dev/null || die "mvn (Maven) is required to fetch mongo-java-server"
    log "resolving mongo-java-server with Maven (first run only)…"
    if ! (cd "$MDS" && mvn -B -q dependency:copy-dependencies -DoutputDirectory=lib) > "$RUN_DIR/maven.log" 2>&1; then
      tail -30 "$RUN_DIR/maven.log" >&2; die "Maven could not resolve mongo-java-server (log: .run/maven.log)"
    fi
    touch "$MDS/lib/.resolved"
  fi
  local args=(--port "$mongo_port")
  if [ "$profile" = dev ]; then args+=(--data "${PERKWIRE_DATA_DIR:-$ROOT/data}/mongo.mv"); fi
  log "starting MongoDB-compatible server ($profile) on 127.0.0.1:$mongo_port…"
  # G1 with a 10 ms pause goal: the in-memory store keeps every inserted document alive, so a
  # default-sized young collection copies seconds of inserts at once (50-100 ms pauses every
  # 2-3 s under bench:toast's INQUIRE load, every in-flight request stalled behind them); a
  # short goal keeps young collections small (max ~40 ms measured) at no throughput cost.
  setsid java -Xss1m -XX:+UseG1GC -XX:MaxGCPauseMillis=10 -cp "$MDS/lib/*" "$MDS/src/MongoDevServer.java" "${args[@]}" \
    > "$RUN_DIR/$MONGO_NAME.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$MONGO_NAME.pid"
  if ! wait_port 127.0.0.1 "$mongo_port" 60; then
    tail -20 "$RUN_DIR/$MONGO_NAME.log" >&2; die "MongoDB-compatible server did not come up"
  fi
  echo "export MONGODB_URI='$uri'"
}

ensure_redis_server() {
  command -v redis-server >/dev/null && return
  if [ "$(id -u)" != 0 ]; then
    die "redis-server is not installed and we are not root: install it (apt-get install redis-server) or set REDIS_URL"
  fi
  log "installing Debian's redis-server (first run only)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2 \
    || die "apt-get could not install redis-server; set REDIS_URL to a reachable Redis"
}

start_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    read -r h p <<< "$(url_host_port "$REDIS_URL" 6379)"
    port_open "$h" "$p" && { log "using REDIS_URL from the environment"; return; }
    log "REDIS_URL $h:$p is not reachable; starting a local Redis instead"
  fi
  local url="redis://127.0.0.1:$redis_port"
  if pid_alive "$REDIS_NAME" "$REDIS_MARKER" && port_open 127.0.0.1 "$redis_port"; then
    echo "export REDIS_URL='$url'"; return
  fi
  if port_open 127.0.0.1 "$redis_port"; then
    if ! command -v redis-cli >/dev/null || [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ]; then
      log "reusing the Redis already listening on 127.0.0.1:$redis_port"
      echo "export REDIS_URL='$url'"; return
    fi
    die "port $redis_port is taken by something that is not Redis; set REDIS_URL or PERKWIRE_${profile^^}_REDIS_PORT"
  fi
  ensure_redis_server
  local dir="$RUN_DIR/$REDIS_NAME"; mkdir -p "$dir"
  local persist=(--save "" --appendonly no)
  if [ "$profile" = dev ]; then
    dir="${PERKWIRE_DATA_DIR:-$ROOT/data}/redis"; mkdir -p "$dir"
    persist=(--appendonly yes --save "")
  fi
  log "starting Redis ($profile) on 127.0.0.1:$redis_port…"
  setsid redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir" "${persist[@]}" \
    --maxmemory-policy noeviction --daemonize no --protected-mode yes \
    > "$RUN_DIR/$REDIS_NAME.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$REDIS_NAME.pid"
  wait_port 127.0.0.1 "$redis_port" 20 || { tail -20 "$RUN_DIR/$REDIS_NAME.log" >&2; die "Redis did not come up"; }
  echo "export REDIS_URL='$url'"
}

case "$cmd" in
  start) start_mongo; start_redis ;;
  stop)
    users="$(users_of "$profile")"
    if [ -n "$users" ] && [ "$force" = 0 ]; then
      while read -r pid what; do log "$what (pid $pid) is using the $profile services"; done <<< "$users"
      die "not stopping them under it: stop it first (Ctrl-C; it stops the services it started), or add --force"
    fi
    # Whatever port the recorded service was started on: stopping under other port settings
    # must not forget a running service (it would keep its port, untracked, with status "stopped").
    stop_pid "$MONGO_NAME" "$MONGO_KIND"
    stop_pid "$REDIS_NAME" "$REDIS_KIND" ;;
  status)
    for n in mongo-dev mongo-test redis-dev redis-test; do
      if [ -f "$RUN_DIR/$n.pid" ] && [ -d "/proc/$(cat "$RUN_DIR/$n.pid")" ]; then echo "$n running (pid $(cat "$RUN_DIR/$n.pid"))"; else echo "$n stopped"; fi
    done
    for p in dev test; do
      users_of "$p" | while read -r pid what; do echo "$p services in use by $what (pid $pid)"; done
    done ;;
  *) die "usage: services.sh start|stop|status [--profile dev|test] [--force]" ;;
esac
