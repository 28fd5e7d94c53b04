#!/usr/bin/env python3
"""Checks the published crates' `rust-version` against the locked dependency graph.

For each publishable crate and each feature set a user can pick (default, all features), it
lists the packages `cargo tree` resolves from Cargo.lock (every target platform, normal and
build dependencies: what a user's build compiles) and finds the highest `rust_version` they
declare. The crate's own `rust-version` must be at least that; otherwise a user on the
declared version cannot build it, which is how a `cargo update` raises the MSRV silently.
"""

import json
import subprocess
import sys

CRATES = ["clerk-macros", "clerk-backend"]
FEATURE_SETS = {"default features": [], "all features": ["--all-features"]}


def version_key(text):
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def cargo(*args):
    return subprocess.run(
        ["cargo", *args], check=True, capture_output=True, text=True
    ).stdout


def main():
    metadata = json.loads(cargo("metadata", "--format-version", "1", "--locked"))
    declared_by_name = {}
    rust_version = {}
    for package in metadata["packages"]:
        rust_version[(package["name"], package["version"])] = package.get("rust_version")
        if package.get("source") is None:
            declared_by_name[package["name"]] = package.get("rust_version")

    failed = False
    for crate in CRATES:
        declared = declared_by_name.get(crate)
        if not declared:
            print(f"{crate}: no rust-version declared")
            failed = True
            continue
        for label, flags in FEATURE_SETS.items():
            tree = cargo(
                "tree", "--locked", "-p", crate, *flags, "--target", "all",
                "-e", "normal,build", "--prefix", "none", "--format", "{p}",
            )
            needs = []
            for line in tree.splitlines():
                parts = line.split()
                if len(parts) < 2 or not parts[1].startswith("v"):
                    continue
                key = (parts[0], parts[1][1:])
                version = rust_version.get(key)
                if version and parts[0] != crate:
                    needs.append((version_key(version), version, f"{key[0]} {key[1]}"))
            highest = max(needs, default=((0,), "none", "nothing"))
            ok = highest[0] <= version_key(declared)
            failed |= not ok
            print(
                f"{crate} ({label}): rust-version {declared}; locked graph needs "
                f"{highest[1]} ({highest[2]}) {'ok' if ok else 'TOO HIGH'}"
            )
    if failed:
        print(
            "A dependency needs a newer Rust than `rust-version` says: raise rust-version "
            "(and the README's MSRV line and CHANGELOG) or pin an older dependency.",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
