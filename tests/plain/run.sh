#!/bin/sh
# SPDX-License-Identifier: MIT
# Plain (line-mode) front end, end to end: real binary, input through a pipe,
# output compared with golden files in this folder. Each golden test is
# three files found by their names: NAME.in (what is typed), NAME.args (one
# line: the exit status wanted, then the arguments) and NAME.out (what the
# program writes, stdout and stderr). To add one, add the three; update an
# .out with UPDATE=1 sh tests/plain/run.sh after checking the new output by
# eye. Usage: run.sh BINARY
bin=${1:-./remedies}
dir=$(dirname "$0")
. "$dir/../lib.sh"
mini=tests/guides/mini.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for input in "$dir"/*.in; do
	name=$(basename "$input" .in)
	read -r want args <"$dir/$name.args"
	# shellcheck disable=SC2086 # the arguments are words without spaces
	run "$bin" $args <"$input" >"$tmp/$name.out" 2>&1
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		bad "$name: exit $rc, wanted $want"; cat "$tmp/$name.out"
	elif ! same_as "$dir/$name.out" "$tmp/$name.out"; then
		bad "$name: output differs from $dir/$name.out"
	else
		ok
	fi
done

# The language comes from the environment, even for a locale that is not
# installed on this machine.
printf '2\nq\n' | LANG=es_ES.UTF-8 timeout 20 "$bin" --guide "$mini" >"$tmp/env" 2>&1
if grep -q "¿Quién es usted?" "$tmp/env" && grep -q "Adiós" "$tmp/env"; then ok; else
	bad "LANG=es_ES.UTF-8 does not give Spanish"; cat "$tmp/env"; fi

# A REMEDIES_TODAY that is not a date is said, not silently replaced.
printf 'q\n' | REMEDIES_TODAY=2026-02-30 timeout 20 "$bin" --plain --guide tests/guides/dates.yaml >"$tmp/bad-today" 2>&1
grep -q "REMEDIES_TODAY is not a date" "$tmp/bad-today" && ok || { bad "a bad REMEDIES_TODAY is not reported"; cat "$tmp/bad-today"; }

# Nothing that reaches the terminal carries an escape character, even a file
# name made to inject one.
esc=$(printf '\033')
name="$tmp/x${esc}[31mred"
printf 'guide: mini\nanswers: []\n' >"$name"
timeout 20 "$bin" --guide "$mini" --answers "$name" >"$tmp/esc" 2>&1 </dev/null
if grep -q "$esc" "$tmp/esc"; then bad "an escape character reached the output"; cat -v "$tmp/esc"; else ok; fi
timeout 20 "$bin" check "$name" >"$tmp/esc" 2>&1
if grep -q "$esc" "$tmp/esc"; then bad "check printed an escape character"; cat -v "$tmp/esc"; else ok; fi

# Usage errors exit 2; --help and --version exit 0.
timeout 5 "$bin" --no-such-option >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "bad option: exit not 2"
timeout 5 "$bin" frobnicate >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "bad command: exit not 2"
timeout 5 "$bin" --help | grep -q "Usage: remedies" && ok || bad "--help"
# A usage mistake gets one line naming it and a pointer to --help (GNU), not
# the whole help; "remedies:", whatever argv[0] is.
for args in "--no-such-option" "-x" "--lang" "frobnicate" "check a.yaml b.yaml" "help frobnicate"; do
	# shellcheck disable=SC2086
	timeout 5 "$bin" $args >"$tmp/out" 2>"$tmp/err"; rc=$?
	if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 2 ] &&
		head -n 1 "$tmp/err" | grep -q "^remedies: " &&
		tail -n 1 "$tmp/err" | grep -qx "Try 'remedies --help' for more information."; then ok; else
		bad "remedies $args: rc $rc, not one line and 'Try ... --help'"; cat "$tmp/err"; fi
done
timeout 5 "$bin" check a.yaml b.yaml 2>&1 | grep -q "at most one operand" && ok || bad "check a b: not 'at most one operand'"
# remedies help [COMMAND]
timeout 5 "$bin" help | grep -q "^Usage: remedies" && ok || bad "remedies help"
for c in check paths scenarios coverage report dot po; do
	timeout 5 "$bin" help $c | grep -q "^Usage: remedies $c" && ok || bad "remedies help $c"
done
# No place assumes two languages: a guide in three (en, es, fr) is listed
# whole by --help, walked in French, and chosen from a LANGUAGE list.
three=tests/guides/three-languages.yaml
timeout 5 "$bin" --guide "$three" --help | grep -q -- "--lang CODE .*(en, es, fr)" && ok || bad "--help does not list the guide's three languages"
timeout 5 "$bin" --help | grep -q -- "--lang CODE .*(en, es)" && ok || bad "--help does not list the bundled guide's languages"
printf '\n' | timeout 5 "$bin" --plain --guide "$three" --lang fr 2>&1 | grep -q "Qui êtes-vous ?" && ok || bad "--lang fr does not show the French"
printf '\n' | LANGUAGE=pt:fr:es LANG=en_US.UTF-8 timeout 5 "$bin" --plain --guide "$three" 2>&1 | grep -q "Qui êtes-vous ?" && ok || bad "LANGUAGE=pt:fr:es does not choose French"
printf '\n' | LANGUAGE=fr LC_ALL=C timeout 5 "$bin" --plain --guide "$three" 2>&1 | grep -q "Who are you?" && ok || bad "LANGUAGE is not ignored in the C locale"
for code in ES es-MX es_MX es_MX.UTF-8; do
	printf '\n' | timeout 5 "$bin" --plain --guide "$three" --lang "$code" 2>&1 | grep -q "¿Quién es usted?" && ok || bad "--lang $code is not Spanish"
done
# Counts in English agree with their number: "1 error", not "1 errors".
printf 'guide: [\n' >"$tmp/one-error.yaml"
timeout 5 "$bin" check "$tmp/one-error.yaml" >"$tmp/out" 2>&1
grep -q "cannot be loaded; 1 error$" "$tmp/out" && ok || { bad "not '1 error'"; cat "$tmp/out"; }
timeout 5 "$bin" --version | grep -q "^remedies [0-9]" && ok || bad "--version"
timeout 5 "$bin" --version | grep -q "MIT licence.*" && timeout 5 "$bin" --version | grep -q "CC BY 4.0" && ok || bad "--version does not state the licences"

# paths lists every path of the test guide.
timeout 20 "$bin" paths "$mini" >"$tmp/paths" 2>&1
same_as "$dir/paths.out" "$tmp/paths" && ok || bad "paths output differs"

# The bundled guide: walk it by always taking the first choice.
if [ -f guide/remedies.yaml ]; then
	# '1' takes the first choice; the '0' after it answers a date question
	# ("I don't know") and is refused, then retried, by a choice question.
	yes "$(printf '1\n0')" | head -n 400 | timeout 20 "$bin" --plain >"$tmp/bundled" 2>&1
	if grep -q "legal information, not legal advice" "$tmp/bundled" && grep -q "U.S.C." "$tmp/bundled"; then ok; else
		bad "walking the bundled guide with '1' (and '0' for dates) answers did not reach remedies with citations"; tail -30 "$tmp/bundled"; fi
	printf '1\n1\nq\n' | timeout 20 "$bin" --plain >"$tmp/bundled" 2>&1 && ok || { bad "printf '1\\n1\\nq\\n' | remedies --plain"; cat "$tmp/bundled"; }
	# Every web address in a report is whole (never broken across lines), so
	# it still works when copied: each one is exactly a url of the guide.
	awk '$1 == "url:" { gsub(/"/, "", $2); print $2 }' guide/remedies.yaml | sort -u >"$tmp/urls"
	broken=0
	for sc in guide/scenarios/*.yaml; do
		timeout 20 "$bin" report --answers "$sc" 2>/dev/null | grep -o 'https\?://[^ ]*' |
			while read -r u; do grep -Fxq -- "$u" "$tmp/urls" || echo "$sc: $u"; done
	done >"$tmp/broken"
	[ -s "$tmp/broken" ] && { bad "web addresses broken or unknown in reports:"; head "$tmp/broken"; } || ok
fi

summary
