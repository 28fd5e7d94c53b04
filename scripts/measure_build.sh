#!/usr/bin/env bash
# Compile cost, like for like: the same consumer program (call one endpoint, print the user)
# built against this crate and against clerk-rs, the OpenAPI-generated peer, in the same run.
# Every build starts from a fresh target directory with incremental compilation off (how a
# crates.io dependency is always compiled), default features (and, for this crate, also the
# lean TLS choice `rustls-ring`, and only three resource families), and rounds are
# interleaved so machine noise hits every crate alike. Prints, per crate and round: the
# whole tree's clean release build (wall), the SDK's own unit from `--timings` (release and clean `cargo check`),
# the stripped binary, and the CPU seconds of the tree and of the SDK's unit (robust to a
# loaded machine, unlike wall time); then the medians and their ratio to clerk-rs 0.5.0.
#
# Usage: bash scripts/measure_build.sh [rounds]      (PEERS="0.5.0 0.4.2" by default)
# Needs the crates.io registry (the peers are fetched) and about 10 minutes per round on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-1}
peers=${PEERS:-0.5.0 0.4.2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_INCREMENTAL=0
unset CARGO_TARGET_DIR RUSTFLAGS

consumer() { # <name> <dependency line> <main.rs>
  mkdir -p "$work/$1/src"
  cat >"$work/$1/Cargo.toml" <<TOML
[package]
name = "consumer"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$2
tokio = { version = "1", features = ["macros", "rt"] }

[workspace]
TOML
  printf '%s\n' "$3" >"$work/$1/src/main.rs"
}

one_call='
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let clerk = clerk_backend::Clerk::new("sk_test_measure").expect("a client");
    match clerk.users().get("user_1").await {
        Ok(user) => println!("{}", user.id),
        Err(e) => println!("{e}"),
    }
}'
# ours: default features (rustls on aws-lc-rs, every resource family); ours-ring: the lean
# TLS choice, every family; ours-subset: default TLS, only the users, organizations and
# sessions families (what an app calling those pays).
consumer ours "clerk-backend = { path = \"$root/clerk\" }" "$one_call"
consumer ours-ring "clerk-backend = { path = \"$root/clerk\", default-features = false, features = [\"rustls-ring\", \"all-resources\"] }" "$one_call"
# ours-every-op: ours with the SDK unit built with `-C link-dead-code`. The operation methods
# are `#[inline]`, so the SDK's unit compiles only what the program calls; this row compiles
# every operation in it, as clerk-rs always does (its binary keeps the dead code: not a size).
consumer ours-every-op "clerk-backend = { path = \"$root/clerk\" }" "$one_call"
consumer ours-subset "clerk-backend = { path = \"$root/clerk\", default-features = false, features = [\"rustls\", \"users\", \"organizations\", \"sessions\"] }" "$one_call"
for version in $peers; do
  case $version in
  0.4.*) call='let clerk = clerk_rs::clerk::Clerk::new(clerk_rs::ClerkConfiguration::new(None, None, Some("sk_test_measure".into()), None));
    match clerk_rs::apis::users_api::User::get_user(&clerk, "user_1").await {' ;;
  *) call='let clerk = clerk_rs::Clerk::from_secret_key("sk_test_measure");
    match clerk_rs::apis::users_api::get_user(&clerk.config, "user_1").await {' ;;
  esac
  consumer "clerk-rs-$version" "clerk-rs = \"=$version\"" "
#[tokio::main(flavor = \"current_thread\")]
async fn main() {
    $call
        Ok(user) => println!(\"{:?}\", user.id),
        Err(e) => println!(\"{e}\"),
    }
}"
done

# The SDK unit's seconds in the newest `--timings` report of a target directory.
unit_time() { # <target dir> <unit name>
  python3 - "$1" "$2" <<'PY'
import glob, json, os, re, sys
report = max(glob.glob(os.path.join(sys.argv[1], "cargo-timings", "cargo-timing-*.html")), key=os.path.getmtime)
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", open(report).read(), re.S).group(1))
print("%.1f" % sum(u["duration"] for u in units if u["name"] == sys.argv[2] and u.get("target", "").strip() in ("", "lib", "(check)")))
PY
}

# CPU seconds (user + sys) next to wall time: on a loaded machine wall time swings with the
# load, CPU time much less. A rustc wrapper times the SDK's own unit; `time` the whole tree.
cat >"$work/rustc-cpu" <<'SH'
#!/usr/bin/env bash
rustc=$1; shift
if [[ " $* " == *" --crate-name $SDK_CRATE "* ]]; then
  # shellcheck disable=SC2086 # SDK_FLAGS holds whole rustc flags
  exec /usr/bin/time -f "%U %S" -a -o "$CPU_LOG" "$rustc" "$@" $SDK_FLAGS
fi
exec "$rustc" "$@"
SH
chmod +x "$work/rustc-cpu"
cpu() { awk '{ total += $1 + $2 } END { printf "%.1f", total }' "$1"; }

results="$work/results.tsv"
crates="ours ours-every-op ours-ring ours-subset $(for v in $peers; do echo "clerk-rs-$v"; done)"
# ONLY="clerk-rs-0.4.2" measures a subset (e.g. to redo one crate).
crates=${ONLY:-$crates}
for name in $crates; do
  (cd "$work/$name" && cargo generate-lockfile -q && cargo fetch -q)
done
for round in $(seq "$rounds"); do
  for name in $crates; do
    unit=clerk-rs
    [[ "$name" == ours* ]] && unit=clerk-backend
    dir="$work/$name"
    target="$work/target-$name-$round"
    crate=clerk_rs
    [[ "$name" == ours* ]] && crate=clerk_backend
    export SDK_FLAGS=
    [[ "$name" == ours-every-op ]] && SDK_FLAGS="-C link-dead-code"
    start=$(date +%s.%N)
    (cd "$dir" && CARGO_TARGET_DIR="$target" RUSTC_WRAPPER="$work/rustc-cpu" SDK_CRATE=$crate \
      CPU_LOG="$target/unit-release.cpu" /usr/bin/time -f "%U %S" -o "$work/tree.cpu" \
      cargo build -q --release --timings 2>/dev/null)
    tree=$(python3 -c "import sys; print('%.0f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$(date +%s.%N)")
    tree_cpu=$(cpu "$work/tree.cpu")
    release_unit=$(unit_time "$target" "$unit")
    release_cpu=$(cpu "$target/unit-release.cpu")
    (cd "$dir" && CARGO_TARGET_DIR="$target" RUSTC_WRAPPER="$work/rustc-cpu" SDK_CRATE=$crate \
      CPU_LOG="$target/unit-check.cpu" cargo check -q --timings 2>/dev/null)
    check_unit=$(unit_time "$target" "$unit")
    check_cpu=$(cpu "$target/unit-check.cpu")
    strip -o "$target/consumer.stripped" "$target/release/consumer"
    size=$(stat -c %s "$target/consumer.stripped")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$tree" "$release_unit" \
      "$check_unit" "$size" "$tree_cpu" "$release_cpu" "$check_cpu" | tee -a "$results"
    rm -rf "$target"
  done
done

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
names = list(dict.fromkeys(r[0] for r in rows))
# columns: tree wall, unit release wall, unit check wall, size, tree CPU, unit release CPU, unit check CPU
med = {n: [statistics.median(float(r[i]) for r in rows if r[0] == n) for i in range(2, 9)] for n in names}
base = med.get("clerk-rs-0.5.0")
r = lambda n, i: " (%.2f×)" % (med[n][i] / base[i]) if base and base[i] else ""
print("\nmedians, CPU seconds (user + sys), ratio to clerk-rs 0.5.0")
print("| crate | whole tree, clean release | SDK unit, release | SDK unit, clean check | one-call binary, stripped |")
print("|---|---|---|---|---|")
for n in names:
    m = med[n]
    size = "(dead code kept)" if n.endswith("every-op") else "%.2f MB%s" % (m[3] / 1e6, r(n, 3))
    print("| %s | %.0f s%s | %.1f s%s | %.1f s%s | %s |" % (n, m[4], r(n, 4), m[5], r(n, 5), m[6], r(n, 6), size))
print("\nmedians, wall seconds, ratio to clerk-rs 0.5.0")
print("| crate | whole tree, clean release | SDK unit, release | SDK unit, clean check |")
print("|---|---|---|---|")
for n in names:
    m = med[n]
    print("| %s | %.0f s%s | %.1f s%s | %.1f s%s |" % (n, m[0], r(n, 0), m[1], r(n, 1), m[2], r(n, 2)))
PY
