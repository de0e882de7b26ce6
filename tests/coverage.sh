#!/bin/sh
# SPDX-License-Identifier: MIT
# Coverage of guides by their scenarios (remedies coverage).
# - The small advice guide: its scenarios reach every question, choice and
#   remedy; one scenario alone does not, and each thing it misses is named.
# - The bundled guide: its coverage is printed, and the run fails when its
#   scenarios leave a question, choice or remedy unreached (they reach all of
#   them since issue 14's scenarios).
# Usage: coverage.sh BINARY
bin=${1:-./remedies}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

out=$(timeout 60 "$bin" coverage -g tests/advice/guide.yaml 2>&1)
if [ $? -eq 0 ]; then ok; else bad "advice guide coverage"; echo "$out"; fi
case $out in *"choices 8 of 8, remedies 5 of 5"*) ok ;; *) bad "advice counts: $out" ;; esac

out=$(timeout 60 "$bin" coverage -g tests/advice/guide.yaml tests/advice/scenarios/3-visitor-unsure.yaml 2>&1)
if [ $? -eq 1 ]; then ok; else bad "one scenario alone passed coverage"; fi
for want in "never taken: choice 'who=citizen'" "never reached: remedy 'claim'" \
            "tests/advice/guide.yaml:73:14: never shown: a conditional item of result 'res-unsure'"; do
	case $out in *"$want"*) ok ;; *) bad "no line: $want"; echo "$out" ;; esac
done

if [ -f guide/remedies.yaml ]; then
	timeout 120 "$bin" coverage -g guide/remedies.yaml >/dev/null 2>&1
	rc=$?
	timeout 120 "$bin" coverage -g guide/remedies.yaml
	if [ "$rc" -eq 0 ]; then ok; else bad "bundled scenarios leave a remedy or a choice unreached"; fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
