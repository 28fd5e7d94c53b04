#!/usr/bin/env bash
# Start/stop a pinned Stoplight Prism mock server of the Clerk Backend API spec.
#
#   bash .ci/prism.sh start <static|dynamic> <port> <spec> <logfile>
#   bash .ci/prism.sh stop <port>
#   bash .ci/prism.sh status <port>
#
# See .ci/README.md. Environment knobs (all optional):
#   PRISM_START_TIMEOUT  seconds to wait for the server to accept requests (default 120)
#   PRISM_ERRORS         0 (default): omit --errors; 1: pass it (turns responses that break the spec into 500s)
#   PRISM_SEED           dynamic mode: pass --seed <value> for reproducible fake data
#   PRISM_EXTRA_ARGS     extra arguments appended to `prism mock` (word-split)
#   PRISM_PID_DIR        where <port>.pid files live (default ${TMPDIR:-/tmp}/clerk-rs-prism)
#   PRISM_NO_INSTALL     1: never run `npm ci` automatically when node_modules is missing
set -euo pipefail

CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PRISM_BIN="$CI_DIR/node_modules/.bin/prism"
PID_DIR="${PRISM_PID_DIR:-${TMPDIR:-/tmp}/clerk-rs-prism}"
HOST=127.0.0.1

die() { echo "prism.sh: $*" >&2; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: bash .ci/prism.sh start <static|dynamic> <port> <spec> <logfile>
       bash .ci/prism.sh stop <port>
       bash .ci/prism.sh status <port>
EOF
  exit 2
}

check_port() {
  if ! [[ "$1" =~ ^[0-9]+$ ]] || (( $1 < 1 || $1 > 65535 )); then die "invalid port: '$1'"; fi
}

pid_file() { echo "$PID_DIR/$1.pid"; }

# Prints the HTTP status code of GET http://127.0.0.1:<port>/ ("000" if nothing answers).
http_probe() {
  local url="http://$HOST:$1/"
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null || true
  else
    node -e '
      const req = require("http").get(process.argv[1], { timeout: 2000 }, r => { process.stdout.write(String(r.statusCode)); r.resume(); });
      req.on("timeout", () => req.destroy()); req.on("error", () => process.stdout.write("000"));' "$url" 2>/dev/null || true
  fi
}

# True if <pid> is alive and looks like our prism process.
is_prism_pid() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'prism' || return 1
  fi
  return 0
}

ensure_installed() {
  [[ -x "$PRISM_BIN" ]] && return 0
  [[ "${PRISM_NO_INSTALL:-0}" == 1 ]] && die "$PRISM_BIN not found; run: npm ci --prefix .ci"
  command -v npm >/dev/null 2>&1 || die "npm not found (node >= 18.20 and npm are required)"
  echo "prism.sh: installing pinned Prism (npm ci --prefix $CI_DIR)" >&2
  npm ci --prefix "$CI_DIR" --no-audit --no-fund --loglevel=error >&2
  [[ -x "$PRISM_BIN" ]] || die "npm ci did not produce $PRISM_BIN"
}

cmd_start() {
  (( $# == 4 )) || usage
  local mode="$1" port="$2" spec="$3" log="$4"
  local -a args
  check_port "$port"
  case "$mode" in
    static) args=() ;;
    dynamic) args=(--dynamic) ;;
    *) die "mode must be 'static' or 'dynamic', got '$mode'" ;;
  esac
  [[ -f "$spec" ]] || die "spec not found: $spec"
  command -v node >/dev/null 2>&1 || die "node not found"
  ensure_installed

  local pidf; pidf="$(pid_file "$port")"
  mkdir -p "$PID_DIR"
  if [[ -f "$pidf" ]]; then
    local old; old="$(cat "$pidf" 2>/dev/null || true)"
    if is_prism_pid "$old"; then
      die "a Prism server (pid $old) is already registered on port $port; run: bash .ci/prism.sh stop $port"
    fi
    rm -f "$pidf"
  fi
  local code; code="$(http_probe "$port")"
  [[ "$code" == 000 ]] || die "port $port is already in use (GET / answered $code)"

  if [[ "${PRISM_ERRORS:-0}" == 1 ]]; then args+=(--errors); fi
  if [[ -n "${PRISM_SEED:-}" ]]; then args+=(--seed "$PRISM_SEED"); fi
  if [[ -n "${PRISM_EXTRA_ARGS:-}" ]]; then
    local -a extra
    read -r -a extra <<<"$PRISM_EXTRA_ARGS"
    args+=("${extra[@]}")
  fi

  mkdir -p "$(dirname "$log")"
  : >"$log"
  echo "prism.sh: $PRISM_BIN mock -h $HOST -p $port ${args[*]} $spec  (log: $log)" >&2
  # The server is detached from our stdin/stdout so callers piping our output don't hang.
  nohup "$PRISM_BIN" mock -h "$HOST" -p "$port" "${args[@]}" "$spec" </dev/null >>"$log" 2>&1 &
  local pid=$!
  echo "$pid" >"$pidf"

  local timeout="${PRISM_START_TIMEOUT:-120}" start=$SECONDS
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidf"
      echo "prism.sh: Prism (pid $pid) exited during startup; last log lines:" >&2
      tail -n 40 "$log" >&2 || true
      exit 1
    fi
    code="$(http_probe "$port")"
    if [[ "$code" != 000 ]]; then
      echo "prism.sh: Prism $mode mock ready on http://$HOST:$port (pid $pid, $((SECONDS - start))s)" >&2
      return 0
    fi
    if (( SECONDS - start >= timeout )); then
      echo "prism.sh: Prism did not accept requests on port $port within ${timeout}s; last log lines:" >&2
      tail -n 40 "$log" >&2 || true
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      rm -f "$pidf"
      exit 1
    fi
    sleep 0.5
  done
}

cmd_stop() {
  (( $# == 1 )) || usage
  local port="$1"
  check_port "$port"
  local pidf; pidf="$(pid_file "$port")"
  if [[ ! -f "$pidf" ]]; then
    echo "prism.sh: no Prism registered on port $port (no $pidf)" >&2
    return 0
  fi
  local pid; pid="$(cat "$pidf" 2>/dev/null || true)"
  if is_prism_pid "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    local _
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "prism.sh: pid $pid ignored SIGTERM; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "prism.sh: stopped Prism on port $port (pid $pid)" >&2
  else
    echo "prism.sh: Prism on port $port (pid ${pid:-?}) was not running" >&2
  fi
  rm -f "$pidf"
}

cmd_status() {
  (( $# == 1 )) || usage
  local port="$1"
  check_port "$port"
  local pidf pid; pidf="$(pid_file "$port")"
  pid="$(cat "$pidf" 2>/dev/null || true)"
  if is_prism_pid "$pid" && [[ "$(http_probe "$port")" != 000 ]]; then
    echo "running (pid $pid, http://$HOST:$port)"
  else
    echo "not running"
    return 1
  fi
}

(( $# >= 1 )) || usage
sub="$1"; shift
case "$sub" in
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  status) cmd_status "$@" ;;
  -h|--help|help) usage ;;
  *) usage ;;
esac
