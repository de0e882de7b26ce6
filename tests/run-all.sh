#!/bin/sh
# Runs every test layer and ends with one summary line "N passed, N failed".
# Each layer is a script or program that exits non-zero when it fails.
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
failures=""

layer() { # name command...
	name=$1
	shift
	printf '== %s\n' "$name"
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $name"
	fi
}

for t in build/tests/test_*; do
	[ -x "$t" ] && layer "unit $(basename "$t")" "$t"
done
for t in build/asan/tests/test_*; do
	[ -x "$t" ] && layer "unit $(basename "$t") (asan+ubsan)" "$t"
done
layer "guides" sh tests/guides/run.sh ./remedies
layer "plain" sh tests/plain/run.sh ./remedies
layer "scenarios" sh tests/scenarios.sh ./remedies
layer "guides (asan+ubsan)" sh tests/guides/run.sh build/asan/remedies
layer "plain (asan+ubsan)" sh tests/plain/run.sh build/asan/remedies
if [ -f tests/e2e/run.sh ]; then
	layer "screen" sh tests/e2e/run.sh ./remedies
fi

[ -n "$failures" ] && printf 'failed layers:%s\n' "$failures"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
