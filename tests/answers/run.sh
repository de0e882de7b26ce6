#!/bin/sh
# SPDX-License-Identifier: MIT
# Every broken answers file in this folder is refused with exit status 1 and
# a FILE:LINE:COL message containing the text on its first line ("# expect:
# LINE:COL: TEXT"), within a bounded time, before anything is shown; so are a
# missing file and a folder. The guide is mini.yaml, or the one a second
# line names ("# guide: PATH").
# Usage: run.sh BINARY
bin=${1:-./remedies}
dir=$(dirname "$0")
mini=tests/guides/mini.yaml
. "$(dirname "$0")/../lib.sh"
out=$(mktemp)
trap 'rm -f "$out"' EXIT

refused() { # file line:col text [guide]
	f=$1 pat=$2 text=$3 guide=${4:-$mini}
	timeout 20 "$bin" --guide "$guide" --answers "$f" </dev/null >"$out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -F -- "remedies: $pat" "$out" | grep -qF -- "$text" &&
		! grep -q "^Step" "$out"; then
		ok
	else
		bad "$f (exit $rc), wanted: $pat $text"
		sed 's/^/    /' "$out"
	fi
}

for f in "$dir"/bad-*.yaml; do
	want=$(head -n 1 "$f" | sed -n 's/^# expect: //p')
	case $f in *bad-empty.yaml) want="1:1: the file is empty" ;; esac
	guide=$(sed -n '2s/^# guide: //p' "$f")
	refused "$f" "$f:${want%%: *}: " "${want#*: }" "$guide"
done
refused "$dir/no-such-file.yaml" "$dir/no-such-file.yaml: " "cannot open: No such file or directory"
# Memory stays within twice the file whatever its shape (issue 11 item
# 12): a 4 MB flow list of one-letter values once took 33 times the file.
# (A sanitizer build's memory says nothing about the program's: skipped.)
if ASAN_OPTIONS=help=1 "$bin" --version 2>&1 | grep -q AddressSanitizer; then
	skip "memory per file size (a sanitizer build)"
elif [ -x /usr/bin/time ]; then
	{ printf 'guide: mini\nanswers: []\nexpect: ['; head -c 2000000 /dev/zero | tr '\0' 'a' | sed 's/a/a,/g'; printf 'a]\n'; } >"$out.big"
	bytes=$(wc -c <"$out.big")
	/usr/bin/time -f '%M' -o "$out.mem" timeout 20 "$bin" --guide "$mini" --answers "$out.big" </dev/null >"$out" 2>&1
	kb=$(tail -n 1 "$out.mem")
	if grep -q "too many YAML values for the size of the file" "$out" && [ $((kb * 1024)) -le $((2 * bytes)) ]; then ok
	else bad "a 4 MB answers file of one-letter values: ${kb} KB peak for $bytes bytes"; head -n 2 "$out"; fi
	rm -f "$out.big" "$out.mem"
else
	skip "memory per file size (no /usr/bin/time)"
fi
# The same for the answers themselves: 300,000 answers of 27 bytes, one
# to a line in flow style, once took 3.75 times the file (a struct and an
# allocation each). Refused at the answer where memory passes 1 MB plus
# twice the bytes read, with its place, before the walk.
awk 'BEGIN { print "guide: mini"; print "answers:"
	for (i = 0; i < 300000; i++) print "- {node: who, choice: lpr}" }' >"$out.big"
within_twice "densely packed answers" "$out.big" "$out" timeout 20 "$bin" --guide "$mini" --answers "$out.big" </dev/null
if [ $rc -ne 0 ] && grep -Eq "$out.big:[0-9]+:3: the answers file is packed too densely to load" "$out"; then ok
else bad "an answers file of densely packed answers is not refused (exit $rc)"; head -n 2 "$out" | cut -c1-200; fi
rm -f "$out.big" "$out.mem"
# A byte-order mark right before the first key is accepted.
{ printf '\357\273\277'; grep -v '^#' "$dir/mini-full.yaml"; } >"$out.bom"
timeout 20 "$bin" --guide "$mini" --answers "$out.bom" </dev/null >"$out" 2>&1 && ok ||
	{ bad "an answers file starting with a byte-order mark is refused"; cat "$out"; }
rm -f "$out.bom"
refused "$dir" "$dir: " "is a directory"

summary
