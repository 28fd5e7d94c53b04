#!/usr/bin/env bash
# A compile-cost guard that is not a timed test. Compile time and binary size follow the code
# the compiler generates, and for this crate that is mostly serde's (de)serializers for the
# models. This counts the lines of function bodies in the LLVM IR of clerk-backend's library
# (default features, unoptimized, so every instantiation shows), all of them and those of
# serde's functions, and compares them with the committed baseline in .ci/ir-baseline. Lines,
# not functions: a forwarding adapter adds many tiny functions while removing large ones. A change may raise them only
# on purpose: run `bash scripts/ir_guard.sh --update` and commit the new baseline with it.
# Counts are deterministic for a given toolchain; the baseline names the one it was made with.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=.ci/ir-baseline
target=${CARGO_TARGET_DIR:-target}
# Its own directory: the unusual flags must not evict the ordinary builds' artifacts.
export CARGO_TARGET_DIR="$target/ir-guard"
# Only the crate itself is rebuilt; its dependencies stay.
cargo clean -q -p clerk-backend 2>/dev/null || true
cargo rustc -q -p clerk-backend --lib -- --emit=llvm-ir -C debuginfo=0
ll=$(ls -t "$CARGO_TARGET_DIR"/debug/deps/clerk_backend-*.ll | head -1)
read -r lines serde < <(python3 - "$ll" <<'PY'
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
)
toolchain=$(rustc --version)
echo "clerk-backend IR: $lines lines of function bodies, $serde of them in serde's functions ($toolchain)"
if [ "${1:-}" = "--update" ]; then
  printf 'toolchain=%s\nlines=%s\nserde=%s\n' "$toolchain" "$lines" "$serde" >"$baseline"
  echo "baseline updated: $baseline"
  exit 0
fi
base_toolchain=$(sed -n 's/^toolchain=//p' "$baseline")
base_lines=$(sed -n 's/^lines=//p' "$baseline")
base_serde=$(sed -n 's/^serde=//p' "$baseline")
if [ "$base_toolchain" != "$toolchain" ]; then
  echo "the baseline was made with $base_toolchain; not comparing (run with --update)"
  exit 0
fi
python3 - "$lines" "$base_lines" "$serde" "$base_serde" <<'PY'
import sys
lines, base_lines, serde, base_serde = map(int, sys.argv[1:])
print("lines %d / baseline %d = %.3f; serde %d / baseline %d = %.3f"
      % (lines, base_lines, lines / base_lines, serde, base_serde, serde / base_serde))
# 1% of room for incidental changes; anything more is a decision to record in the baseline.
if lines > base_lines * 1.01 or serde > base_serde * 1.01:
    sys.exit("the crate generates more code than its baseline: make it leaner, or update "
             ".ci/ir-baseline on purpose (bash scripts/ir_guard.sh --update)")
if lines < base_lines * 0.95:
    print("well under the baseline: lower it (bash scripts/ir_guard.sh --update) to keep the gain")
PY
