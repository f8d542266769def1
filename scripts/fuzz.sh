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
		# New inputs are minimised for at most 5 s, so that a slow
		# minimisation does not overrun the fuzz time and fail the run.
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$time" -fuzzminimizetime 5s "$pkg"
	done
done
