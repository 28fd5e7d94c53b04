#!/usr/bin/env bash
# A compile-cost guard that is not a timed test. Compile time and binary size follow the code
# the compiler generates, and for this crate that is mostly serde's (de)serializers for the
# models. This counts the functions in the LLVM IR of clerk-backend's library (default
# features, unoptimized, so every instantiation shows), all of them and those of serde, and
# compares them with the committed baseline in .ci/ir-baseline. A change may raise them only
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
functions=$(grep -c '^define ' "$ll")
serde=$(grep '^define ' "$ll" | grep -c 'serde' || true)
toolchain=$(rustc --version)
echo "clerk-backend IR: $functions functions, $serde of them serde's ($toolchain)"
if [ "${1:-}" = "--update" ]; then
  printf 'toolchain=%s\nfunctions=%s\nserde=%s\n' "$toolchain" "$functions" "$serde" >"$baseline"
  echo "baseline updated: $baseline"
  exit 0
fi
base_toolchain=$(sed -n 's/^toolchain=//p' "$baseline")
base_functions=$(sed -n 's/^functions=//p' "$baseline")
base_serde=$(sed -n 's/^serde=//p' "$baseline")
if [ "$base_toolchain" != "$toolchain" ]; then
  echo "the baseline was made with $base_toolchain; not comparing (run with --update)"
  exit 0
fi
python3 - "$functions" "$base_functions" "$serde" "$base_serde" <<'PY'
import sys
functions, base_functions, serde, base_serde = map(int, sys.argv[1:])
print("functions %d / baseline %d = %.3f; serde %d / baseline %d = %.3f"
      % (functions, base_functions, functions / base_functions, serde, base_serde, serde / base_serde))
# 1% of room for incidental changes; anything more is a decision to record in the baseline.
if functions > base_functions * 1.01 or serde > base_serde * 1.01:
    sys.exit("the crate generates more code than its baseline: make it leaner, or update "
             ".ci/ir-baseline on purpose (bash scripts/ir_guard.sh --update)")
if functions < base_functions * 0.95:
    print("well under the baseline: lower it (bash scripts/ir_guard.sh --update) to keep the gain")
PY
