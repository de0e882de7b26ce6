#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays every trainer scenario of the bundled guide and checks the remedies
# each must and must not produce (remedies scenarios --check), and that the
# bundled guide passes check --strict.
# Usage: scenarios.sh BINARY
bin=${1:-./remedies}
# The date is the test's own, never the machine's: check --strict warns
# about citations verified more than a year before "today", so on the real
# clock this test would start failing a year after the last review.
export REMEDIES_TODAY=2026-12-01
n=$(ls guide/scenarios/*.yaml 2>/dev/null | wc -l)
if [ "$n" -lt 10 ]; then
	echo "FAIL: guide/scenarios has $n scenarios; the guide needs at least 10"
	exit 1
fi
timeout 60 "$bin" check --strict guide/remedies.yaml || exit 1
listed=$(timeout 60 "$bin" scenarios guide/remedies.yaml | grep -c '^[0-9a-z]')
[ "$listed" -eq "$n" ] || { echo "FAIL: remedies scenarios lists $listed of $n scenarios"; exit 1; }
timeout 120 "$bin" scenarios --check guide/remedies.yaml
[ $? -eq 0 ] || exit 1

# Order assertions (first, do_first) on the small advice guide: its
# scenarios pass, and one that is wrong on purpose is caught, naming each
# wrong place.
timeout 60 "$bin" scenarios --check tests/advice/guide.yaml || exit 1
out=$(timeout 60 "$bin" scenarios --check tests/advice/bad/guide.yaml 2>&1) && {
	echo "FAIL: a scenario with a wrong order passed"; exit 1; }
for want in "'foia' was expected at place 1 of the results, but 'pa-access' is there" \
            "'lessons' was expected in \"do this first\""; do
	case $out in *"$want"*) ;; *) echo "FAIL: no message: $want"; echo "$out"; exit 1 ;; esac
done
echo "order assertions: ok"
