#!/bin/sh
# SPDX-License-Identifier: MIT
# Tests fix their own date: the layers that involve dates (deadlines,
# citation ages, "today" in reports) pass with the machine's clock five
# years ahead (libfaketime). Each layer counts as one test here.
# Usage: dates-ahead.sh BINARY
bin=${1:-./remedies}
. "$(dirname "$0")/lib.sh"
if ! command -v faketime >/dev/null 2>&1 || ! faketime '2031-12-01 12:00:00' true 2>/dev/null; then
	skip "faketime not found (Debian package faketime): the clock cannot be moved ahead"
	summary
	exit
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in tests/scenarios.sh tests/guides/run.sh tests/plain/run.sh tests/answers/run.sh \
	tests/report/run.sh tests/coverage.sh; do
	[ -f "$t" ] || continue
	if env -u REMEDIES_TODAY faketime '2031-12-01 12:00:00' sh "$t" "$bin" >"$log" 2>&1; then
		ok "$t in 2031"
	else
		bad "$t fails with the clock in 2031"
		tail -n 15 "$log"
	fi
done
summary
