#!/usr/bin/env bash
# `npm run test:mongodb`: the integration suite through Payload's MongoDB adapter, against
# FerretDB v1 (the MongoDB wire protocol over PostgreSQL), because no MongoDB server can be
# installed from the registries CI reaches. FerretDB is built once with Go (module proxy) into a cache
# folder outside the repository and reused; it listens on a free loopback port, keeps its data in
# a PostgreSQL database of its own, and is stopped (and that database dropped) however the run
# ends. Extra arguments go to jest, e.g. `npm run test:mongodb -- tests/int/webhooks.test.ts`.
#
# Settings: HAVEN_FERRETDB_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/haven/ferretdb),
# HAVEN_TEST_POSTGRES_URL (the PostgreSQL server FerretDB stores into, default
# postgres://postgres@127.0.0.1:5432/postgres), GO (the go binary).
set -euo pipefail
cd "$(dirname "$0")/.."

FERRETDB_VERSION=v1.24.2
cache="${HAVEN_FERRETDB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/haven/ferretdb}"
bin="$cache/$FERRETDB_VERSION/ferretdb"
pg_admin="${HAVEN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
started=$(date +%s)

log() { printf '[test:mongodb] %s\n' "$*" >&2; }

# No traffic may leave the machine: FerretDB's telemetry and Go's are off.
export FERRETDB_TELEMETRY=disable DO_NOT_TRACK=1 GOTELEMETRY=off

if [ ! -x "$bin" ]; then
  go="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
  [ -x "$go" ] || { log "FerretDB is not installed and Go was not found (set GO=/path/to/go)."; exit 1; }
  log "building FerretDB $FERRETDB_VERSION into $cache/$FERRETDB_VERSION (once; a few minutes)"
  mkdir -p "$cache/$FERRETDB_VERSION"
  # A plain `go install …/cmd/ferretdb@version` builds, but the binary panics at start: FerretDB
  # reads its version from build/version/version.txt, which its module archive does not ship.
  # So build from a copy of the module source with that file written, as FerretDB documents.
  module_dir=$(cd "$cache" && "$go" mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$module_dir" ] || { log "go mod download did not produce the FerretDB source"; exit 1; }
  build_src=$(mktemp -d "${TMPDIR:-/tmp}/haven-ferretdb-src-XXXXXX")
  cp -R "$module_dir/." "$build_src"
  chmod -R u+w "$build_src"
  echo "$FERRETDB_VERSION" >"$build_src/build/version/version.txt"
  # -trimpath keeps local paths out of the binary; the build cache makes a rebuild quick.
  if ! (cd "$build_src" && GOFLAGS=-trimpath "$go" build -o "$bin.partial" ./cmd/ferretdb); then
    rm -rf "$build_src" "$bin.partial"
    log "building FerretDB failed"
    exit 1
  fi
  rm -rf "$build_src"
  mv "$bin.partial" "$bin"
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/haven-ferretdb-XXXXXX")
store_db="haven_ferretdb_$$_$RANDOM"
ferret_pid=""
jest_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$jest_pid" ] && kill -0 "$jest_pid" 2>/dev/null; then
    kill -TERM "$jest_pid" 2>/dev/null || true
    wait "$jest_pid" 2>/dev/null || true
  fi
  if [ -n "$ferret_pid" ] && kill -0 "$ferret_pid" 2>/dev/null; then
    kill -TERM "$ferret_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$ferret_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$ferret_pid" 2>/dev/null || true
  fi
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS \"$store_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "$status" -ne 0 ] && [ -s "$work/ferretdb.log" ]; then
    log "FerretDB log (last lines):"
    tail -n 30 "$work/ferretdb.log" >&2
  fi
  rm -rf "$work"
  log "finished in $(($(date +%s) - started)) s (exit $status)"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

psql "$pg_admin" -qc "CREATE DATABASE \"$store_db\"" >/dev/null
store_url="${pg_admin%/*}/$store_db"

port=$(free_port)
"$bin" \
  --listen-addr="127.0.0.1:$port" \
  --handler=postgresql \
  --postgresql-url="$store_url" \
  --state-dir="$work" \
  --debug-addr=- \
  --telemetry=disable \
  --log-level=warn \
  >"$work/ferretdb.log" 2>&1 &
ferret_pid=$!

for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$ferret_pid" 2>/dev/null || { log "FerretDB exited before listening"; exit 1; }
  sleep 0.2
done
log "FerretDB $FERRETDB_VERSION on 127.0.0.1:$port (PostgreSQL database $store_db)"

# Test files one at a time: the machine is small, and FerretDB serialises much of its work on
# the one PostgreSQL database anyway. FerretDB answers several times slower than MongoDB or the
# SQL databases, so single tests get more than jest's default five seconds.
HAVEN_TEST_DB=mongodb \
  HAVEN_TEST_MONGODB_URL="mongodb://127.0.0.1:$port" \
  HAVEN_MONGODB_COMPAT=ferretdb \
  NODE_OPTIONS=--experimental-vm-modules \
  node node_modules/jest/bin/jest.js --selectProjects int --runInBand --testTimeout=60000 "$@" &
# In the background and waited for, so a SIGTERM or Ctrl-C reaches the trap at once.
jest_pid=$!
wait "$jest_pid"
