# Shared helpers for the dev-stack scripts. Sourced, not run.
# Everything the scripts start is tracked by a pid file under .run/ and stopped by that pid,
# never by process name.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# PERKWIRE_RUN_DIR: where pid files and logs go (tests point it elsewhere to stay out of your way).
RUN_DIR="${PERKWIRE_RUN_DIR:-$ROOT/.run}"
mkdir -p "$RUN_DIR"

log() { printf '[perkwire] %s\n' "$*" >&2; }
die() { printf '[perkwire] error: %s\n' "$*" >&2; exit 1; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_port HOST PORT SECONDS
wait_port() {
  local deadline=$((SECONDS + $3))
  until port_open "$1" "$2"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

# pid_alive NAME: the pid recorded in .run/NAME.pid is a live process whose command line
# still contains .run/NAME's marker (guards against a recycled pid).
pid_alive() {
  local file="$RUN_DIR/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$2"
}

# stop_pid NAME MARKER: TERM, wait up to 10 s, then KILL.
stop_pid() {
  local name="$1" marker="$2" pid
  if ! pid_alive "$name" "$marker"; then rm -f "$RUN_DIR/$name.pid"; return 0; fi
  pid="$(cat "$RUN_DIR/$name.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$RUN_DIR/$name.pid"
  log "stopped $name (pid $pid)"
}

# url_host_port URL → "host port" of a mongodb:// or redis:// URL (first host only).
url_host_port() {
  local rest="${1#*://}"
  rest="${rest#*@}"
  rest="${rest%%/*}"
  rest="${rest%%,*}"
  rest="${rest%%\?*}"
  local host="${rest%%:*}" port="${rest##*:}"
  [ "$port" = "$rest" ] && port="$2"
  echo "$host $port"
}

ensure_node_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    # `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages (msgpackr's
    # prebuilt binaries) out of the lock file and then refuses `npm ci` on it. The lock file
    # still pins every version installed here.
    log "installing npm dependencies (npm install)…"
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error) || die "npm install failed"
  fi
}

# use_local_services PROFILE: unless MONGODB_URI and REDIS_URL are both set, start (or reuse) the
# profile's local services and export their URLs. Sets STARTED_SERVICES=1 when this call
# started any of them, so the caller stops them on exit (and leaves alone what it reused).
use_local_services() {
  local profile="$1" before exports
  STARTED_SERVICES=0
  if [ -z "${MONGODB_URI:-}" ] || [ -z "${REDIS_URL:-}" ]; then
    before="$(bash "$ROOT/scripts/services.sh" status)"
    exports="$(bash "$ROOT/scripts/services.sh" start --profile "$profile")" || die "could not start the $profile services"
    eval "$exports"
    if ! grep -q "mongo-$profile running" <<< "$before" || ! grep -q "redis-$profile running" <<< "$before"; then
      STARTED_SERVICES=1
    fi
  fi
  export MONGODB_URI REDIS_URL
}
