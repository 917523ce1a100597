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
	if ! go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" -fuzzminimizetime=10s "$pkg"; then
		failed+=("$pkg $name")
	fi
done

echo
echo "fuzz: $((ran - ${#failed[@]})) passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
	for f in "${failed[@]}"; do
		echo "fuzz: FAILED $f (failing input kept under that package's testdata/fuzz/)" >&2
	done
	exit 1
fi
