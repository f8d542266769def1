#!/usr/bin/env bash
# fuzz.sh [DURATION] — run every fuzz target of the module for DURATION
# each (default 30s). Crashers land in the package's testdata/fuzz folder,
# where they stay as regression cases.
set -euo pipefail
cd "$(dirname "$0")/.."
time=${1:-30s}
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "== $pkg $target ($time)"
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$time" "$pkg"
	done
done
