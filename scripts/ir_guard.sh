#!/usr/bin/env bash
# A compile-cost guard that is not a timed test. Compile time and binary size follow the code
# the compiler generates, and for this crate that is mostly serde's (de)serializers for the
# models. This counts the lines of function bodies in the LLVM IR of clerk-backend's library
# (default features, unoptimized, so every instantiation shows) in two builds:
#   lib  the library as every build of it compiles it. The generated operation methods are
#        `#[inline]`, so their decoders are compiled in the crate that calls them, not here.
#   all  with `-C link-dead-code`, which compiles every operation as if one program called
#        them all: the code an app using every operation pays for. serde's share is counted too.
# Lines, not functions: a forwarding adapter adds many tiny functions while removing large ones.
# The counts are compared with the committed baseline in .ci/ir-baseline; a change may raise
# them only on purpose: run `bash scripts/ir_guard.sh --update` and commit the new baseline.
# Counts are deterministic for a given toolchain; the baseline names the one it was made with.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=.ci/ir-baseline
target=${CARGO_TARGET_DIR:-target}
# Its own directory: the unusual flags must not evict the ordinary builds' artifacts.
export CARGO_TARGET_DIR="$target/ir-guard"

# Prints "<lines> <serde lines>" of the library's IR built with the extra rustc flags given.
count() {
  # Only the crate itself is rebuilt; its dependencies stay.
  cargo clean -q -p clerk-backend 2>/dev/null || true
  cargo rustc -q -p clerk-backend --lib -- --emit=llvm-ir -C debuginfo=0 "$@"
  python3 - "$(ls -t "$CARGO_TARGET_DIR"/debug/deps/clerk_backend-*.ll | head -1)" <<'PY'
import sys
total = serde = 0
body = None
for line in open(sys.argv[1]):
    if line.startswith("define "):
        body, is_serde = 0, "serde" in line
    elif body is not None:
        if line.startswith("}"):
            total += body
            serde += body if is_serde else 0
            body = None
        else:
            body += 1
print(total, serde)
PY
}

read -r lib _ < <(count)
read -r lines serde < <(count -C link-dead-code)
toolchain=$(rustc --version)
echo "clerk-backend IR: $lib lines of function bodies in the library; with every operation" \
  "compiled, $lines, $serde of them in serde's functions ($toolchain)"
if [ "${1:-}" = "--update" ]; then
  printf 'toolchain=%s\nlib=%s\nlines=%s\nserde=%s\n' "$toolchain" "$lib" "$lines" "$serde" >"$baseline"
  echo "baseline updated: $baseline"
  exit 0
fi
base_toolchain=$(sed -n 's/^toolchain=//p' "$baseline")
if [ "$base_toolchain" != "$toolchain" ]; then
  echo "the baseline was made with $base_toolchain; not comparing (run with --update)"
  exit 0
fi
python3 - "$baseline" "$lib" "$lines" "$serde" <<'PY'
import sys
base = dict(line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)
now = dict(zip(("lib", "lines", "serde"), map(int, sys.argv[2:])))
grown, shrunk = [], []
for key, value in now.items():
    before = int(base[key])
    print("%-5s %8d / baseline %8d = %.3f" % (key, value, before, value / before))
    # 1% of room for incidental changes; anything more is a decision to record in the baseline.
    if value > before * 1.01:
        grown.append(key)
    if value < before * 0.95:
        shrunk.append(key)
if grown:
    sys.exit("the crate generates more code than its baseline (%s): make it leaner, or update "
             ".ci/ir-baseline on purpose (bash scripts/ir_guard.sh --update)" % ", ".join(grown))
if shrunk:
    print("well under the baseline (%s): lower it (bash scripts/ir_guard.sh --update) to keep "
          "the gain" % ", ".join(shrunk))
PY
