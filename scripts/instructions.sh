#!/usr/bin/env bash
# Instruction counts of the runtime benches, a regression guard that is not a timed test.
# Runs tests/benches/instructions.rs (gungraun library benchmarks under valgrind's callgrind),
# prints for each comparison the instructions (Ir) of the SDK and of the hand-written baseline
# and their ratio, then compares the SDK's counts with the committed baseline in
# .ci/instructions-baseline. A change may raise them by more than 2% only on purpose: run
# `bash scripts/instructions.sh --update` and commit the new baseline with it. Counts repeat
# within half a percent (the verification bench makes a fresh RSA key each run) for a given
# toolchain, valgrind and CPU (valgrind shows the program a CPU model derived from the host's,
# and aws-lc picks its code by CPU features), so the baseline records those three; when one
# differs the comparison is skipped with a warning.
#
# Needs valgrind (the OS package). Installs gungraun-runner, of the same version as the
# gungraun library in Cargo.lock, into target/gungraun-runner once (a few minutes); the benches
# themselves take about half a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=.ci/instructions-baseline
update=false
case "${1:-}" in
  --update) update=true ;;
  '') ;;
  *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

command -v valgrind >/dev/null ||
  { echo "valgrind is not installed (Debian/Ubuntu: apt-get install valgrind)" >&2; exit 1; }

target=$(cargo metadata -q --locked --format-version 1 --no-deps |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
version=$(cargo metadata -q --locked --format-version 1 |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="gungraun"))')

# The runner must be the library's exact version: the two talk a versioned protocol. It only
# starts valgrind and reads its output files, so an unoptimized build (`--debug`) does, in half
# the compile time (CI pays it on every fresh clone).
runner_root="$target/gungraun-runner"
runner="$runner_root/bin/gungraun-runner"
if [ -x "$runner" ] && [ "$("$runner" --version)" = "gungraun-runner $version" ]; then
  echo "gungraun-runner $version: $runner"
else
  echo "installing gungraun-runner $version into $runner_root"
  start=$SECONDS
  cargo install -q --locked --debug --force --root "$runner_root" gungraun-runner \
    --version "=$version"
  echo "installed in $((SECONDS - start))s"
fi
# On PATH rather than GUNGRAUN_RUNNER: the library reads that variable at compile time, so
# setting it would rebuild the bench instead of reusing `.ci/run`'s release build.
export PATH="$runner_root/bin:$PATH"

# `--workspace`, as `.ci/run`'s `cargo bench --workspace --no-run`: with `-p clerk-tests` the
# features of shared dependencies unify differently, and aws-lc-sys, reqwest, jsonwebtoken and
# clerk-backend would be compiled again (minutes).
export GUNGRAUN_SAVE_SUMMARY=json GUNGRAUN_HOME="$target/gungraun"
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
start=$SECONDS
cargo bench --workspace --bench instructions
echo "benches ran in $((SECONDS - start))s"

toolchain=$(rustc --version)
valgrind=$(valgrind --version)
# The CPU features that change which code the benches run (aws-lc's bignum and hashes, memchr).
cpu=$(python3 - <<'PY'
flags = set()
for line in open("/proc/cpuinfo"):
    if line.startswith("flags"):
        flags = set(line.split(":", 1)[1].split())
        break
wanted = ["sse4_2", "avx", "avx2", "bmi1", "bmi2", "adx", "aes", "pclmulqdq", "sha_ni", "avx512f"]
print(" ".join(f for f in wanted if f in flags) or "none")
PY
)

python3 - "$GUNGRAUN_HOME/clerk-tests/instructions" "$stamp" "$baseline" "$update" \
  "$toolchain" "$valgrind" "$cpu" <<'PY'
import json, os, pathlib, sys

home, stamp, baseline, update, toolchain, valgrind, cpu = sys.argv[1:]
since = os.path.getmtime(stamp)

# group -> id -> {"sdk": Ir, "by hand": Ir}; the SDK's benchmark function ends in `_sdk`.
results = {}
for path in sorted(pathlib.Path(home).glob("*/*/summary.json")):
    if path.stat().st_mtime < since:
        continue  # left over from an earlier run or a removed benchmark
    summary = json.loads(path.read_text())
    profile = next(p for p in summary["profiles"] if p["tool"] == "Callgrind")
    ir = profile["data"]["total"]["metrics"]["Ir"]["values"]["new"]
    side = "sdk" if summary["function_name"].endswith("_sdk") else "by hand"
    pair = results.setdefault(summary["group"], {}).setdefault(summary["id"], {})
    if side in pair:
        sys.exit(f"two {side} benchmarks for {summary['group']}/{summary['id']}")
    pair[side] = ir

if not results:
    sys.exit(f"no summaries written under {home}")
rows = []
print(f"\ninstructions (Ir) per benchmark, SDK against the hand-written baseline ({toolchain})")
print(f"  {'comparison':<22} {'sdk':>12} {'by hand':>12} {'sdk / by hand':>14}")
for group in sorted(results):
    for bench_id in sorted(results[group]):
        pair = results[group][bench_id]
        if set(pair) != {"sdk", "by hand"}:
            sys.exit(f"{group}/{bench_id} lacks a side: {pair}")
        key = f"{group}/{bench_id}"
        rows.append((key, pair["sdk"], pair["by hand"]))
        print(f"  {key:<22} {pair['sdk']:>12,} {pair['by hand']:>12,} "
              f"{pair['sdk'] / pair['by hand']:>14.3f}")

if update == "true":
    with open(baseline, "w") as out:
        out.write(f"toolchain={toolchain}\nvalgrind={valgrind}\ncpu={cpu}\n")
        for key, sdk, by_hand in rows:
            out.write(f"{key}={sdk} {by_hand}\n")
    print(f"baseline updated: {baseline}")
    sys.exit(0)

recorded = {}
for line in open(baseline):
    name, _, value = line.rstrip("\n").partition("=")
    recorded[name] = value
for name, current in [("toolchain", toolchain), ("valgrind", valgrind), ("cpu", cpu)]:
    if recorded.get(name) != current:
        print(f"warning: the baseline was made with {name} {recorded.get(name)!r}, this is "
              f"{current!r}; not comparing (bash scripts/instructions.sh --update)")
        sys.exit(0)

failed = []
print(f"\nthe SDK against {baseline} (fails above +2%)")
for key, sdk, by_hand in rows:
    if key not in recorded:
        failed.append(f"{key} is not in the baseline")
        continue
    base_sdk, base_by_hand = map(int, recorded[key].split())
    change = sdk / base_sdk - 1
    hand_change = by_hand / base_by_hand - 1
    print(f"  {key:<22} {sdk:>12,} / {base_sdk:>12,} = {change:+7.2%}"
          f"   (by hand {hand_change:+.2%})")
    if change > 0.02:
        failed.append(f"{key}: {change:+.2%}"
                      + (" (the hand-written side grew as much: a dependency or the toolchain?)"
                         if hand_change > 0.02 else ""))
    elif change < -0.05:
        print("    well under the baseline: lower it (bash scripts/instructions.sh --update)")
for key in sorted(set(recorded) - {"toolchain", "valgrind", "cpu"} - {r[0] for r in rows}):
    failed.append(f"{key} is in the baseline but was not measured")
if failed:
    sys.exit("instruction counts over the baseline:\n  " + "\n  ".join(failed) +
             "\nmake it leaner, or update .ci/instructions-baseline on purpose "
             "(bash scripts/instructions.sh --update)")
PY
