#!/usr/bin/env bash
# Runs every Go fuzz target in the repository briefly.
#
# Targets are discovered with `go test -list 'Fuzz.*' ./...`, so a new
# FuzzXxx function anywhere is picked up without editing this script. Each
# runs alone in its package for FUZZTIME (default 10s). When one finds a
# failing input, go test writes it under that package's testdata/fuzz/, where
# plain `go test` replays it from then on as a regression test: commit it
# together with the fix. The script exits non-zero if any target failed.
#
#   bash .ci/fuzz.sh                     # every target, 10s each
#   FUZZTIME=1m bash .ci/fuzz.sh graph   # only packages whose path matches "graph"
set -uo pipefail

cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-10s}"
filter="${1:-}"

listing=$(go test -list '^Fuzz' ./... 2>&1)
if [ $? -ne 0 ]; then
	echo "$listing"
	echo "fuzz: the packages do not build; no fuzzing done" >&2
	exit 1
fi

# go test -list prints each package's test names, then "ok <package> <time>".
targets=()
names=()
while IFS= read -r line; do
	case "$line" in
	Fuzz*) names+=("$line") ;;
	ok*)
		pkg=$(awk '{print $2}' <<<"$line")
		for n in "${names[@]}"; do
			targets+=("$pkg $n")
		done
		names=()
		;;
	*) names=() ;;
	esac
done <<<"$listing"

if [ ${#targets[@]} -eq 0 ]; then
	echo "fuzz: no fuzz targets found"
	exit 0
fi

# fuzz_once runs one target and keeps what it printed in $log as well.
log=$(mktemp)
fuzz_once() {
	go test -run='^$' -fuzz="^${2}\$" -fuzztime="$fuzztime" -fuzzminimizetime=10s "$1" 2>&1 | tee "$log"
	return "${PIPESTATUS[0]}"
}

failed=()
ran=0
for t in "${targets[@]}"; do
	pkg=${t% *}
	name=${t#* }
	if [ -n "$filter" ] && [[ "$pkg" != *"$filter"* ]]; then
		continue
	fi
	echo "=== fuzz $pkg $name ($fuzztime)"
	ran=$((ran + 1))
	if fuzz_once "$pkg" "$name"; then
		continue
	fi
	# Go's fuzzing coordinator can report the end of -fuzztime itself as a
	# failure: when the deadline passes, it may read its own context's
	# "context deadline exceeded" before that reaches the workers' context,
	# and return it as an error although no input failed. Such a run writes
	# no failing input; it is run once more, and counts as failed only if it
	# fails again or if an input did fail.
	if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written to' "$log"; then
		echo "fuzz: $name stopped with Go's end-of-fuzztime race (no input failed); running it once more"
		if fuzz_once "$pkg" "$name"; then
			continue
		fi
	fi
	failed+=("$pkg $name")
done
rm -f "$log"

echo
echo "fuzz: $((ran - ${#failed[@]})) passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
	for f in "${failed[@]}"; do
		echo "fuzz: FAILED $f (an input that failed is kept under that package's testdata/fuzz/; see its output above)" >&2
	done
	exit 1
fi
