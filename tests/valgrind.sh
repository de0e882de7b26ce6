#!/bin/sh
# SPDX-License-Identifier: MIT
# The real binary under valgrind on the main paths through the code: checking
# good and broken guides, walking in plain mode, replaying answers, writing
# reports and the map. Zero errors and zero leaks of any kind.
# Usage: valgrind.sh BINARY
bin=${1:-./remedies}
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 REMEDIES_TODAY=2026-11-27
mini=tests/guides/mini.yaml

vg() { # name input args...
	name=$1 input=$2
	shift 2
	printf "$input" | timeout 300 valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=all --errors-for-leak-kinds=all "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 99 ] || grep -q '^==[0-9]*==' "$tmp/err"; then
		bad "$name: valgrind reports problems"; cat "$tmp/err"
	else
		ok
	fi
}

vg "check bundled guide" '' check guide/remedies.yaml
vg "check broken guides" '' check tests/guides/bad-cycle.yaml
vg "check alias" '' check tests/guides/bad-alias.yaml
vg "check bad utf-8" '' check tests/guides/bad-utf8.yaml
vg "paths" '' paths "$mini"
vg "plain walk with back and help" '1\n?\n1 2\nb\n1 2\n\n1\n2\n' --plain --guide "$mini"
vg "plain quit" '1\nq\n' --plain --guide "$mini" --lang es
vg "plain input ends" '1\n' --plain --guide "$mini"
vg "answers replay" '' --guide "$mini" --answers tests/answers/mini-full.yaml
vg "bad answers" '' --guide "$mini" --answers tests/answers/bad-hidden-choice.yaml
vg "report html" '' report --guide "$mini" --answers tests/answers/mini-full.yaml -f html --include-answers -o "$tmp/r.html"
vg "report to a full disk" '' report --guide "$mini" --answers tests/answers/mini-full.yaml -o /dev/full
vg "dot" '' dot "$mini" --answers tests/answers/mini-full.yaml
vg "bundled guide, first choices" "$(yes 1 | head -n 60 | tr '\n' '#' | sed 's/#/\\n/g')" --plain
vg "scenarios" '' scenarios --check

summary
