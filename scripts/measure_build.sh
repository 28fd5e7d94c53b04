#!/usr/bin/env bash
# Compile cost of the `clerk` crate: clean release build and `cargo check` of the crate alone
# (its own unit, from `cargo build --timings`), and the size of a release binary calling one
# endpoint. Usage: bash scripts/measure_build.sh [target-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-$(mktemp -d)}
unit_time() { # the duration of the `clerk` unit in the newest timings report
  local report
  report=$(ls -t "$target"/cargo-timings/cargo-timing-*.html | head -1)
  python3 - "$report" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S).group(1))
print("%.1f" % sum(u["duration"] for u in units if u["name"] == "clerk-backend" and u.get("target", "").strip() in ("", "lib", "(check)")))
PY
}
export CARGO_TARGET_DIR="$target"
cargo fetch -q
start=$SECONDS
cargo build -q --release -p clerk-backend --timings 2>/dev/null
echo "release build, whole tree: $((SECONDS - start)) s; clerk unit: $(unit_time) s"
touch clerk/src/lib.rs
cargo build -q --release -p clerk-backend --timings 2>/dev/null
echo "release rebuild of clerk alone: $(unit_time) s"
cargo check -q -p clerk-backend --timings 2>/dev/null
touch clerk/src/lib.rs
cargo check -q -p clerk-backend --timings 2>/dev/null
echo "cargo check of clerk alone: $(unit_time) s"
cargo build -q --release -p clerk-backend --example one_call 2>/dev/null
bin="$target/release/examples/one_call"
strip -o "$bin.stripped" "$bin"
echo "one_call release binary: $(stat -c %s "$bin") bytes, stripped $(stat -c %s "$bin.stripped") bytes"
