#!/bin/sh
# SPDX-License-Identifier: MIT
# Screen tests: the real binary in a real terminal emulator (tmux). Every
# tests/e2e/*-test.sh is one area; each test_* function in it is one test,
# run in the order written. To add a test, add a function to the area's
# file, or a new NAME-test.sh: nothing lists them by hand. A file that sets
# needs="TOOL..." is skipped, with one SKIP line, where a tool is missing.
# The helpers (start, keys, poll, wait_exit...) are in lib.sh.
# Usage: sh tests/e2e/run.sh BINARY. Ends with "N passed, N failed".
# E2E_ONLY="name..." runs only those tests; E2E_NO_VALGRIND=1 skips the
# files that need valgrind (a sanitizer build cannot run under it).
bin=${1:-./remedies}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
dir=$(cd "$(dirname "$0")" && pwd)
. "$dir/../lib.sh"
mini=$(cd "$dir/../guides" && pwd)/mini.yaml
three=$(cd "$dir/../guides" && pwd)/three-languages.yaml
wide=$dir/wide.yaml
intake=$dir/intake.yaml
dates=$(cd "$dir/../guides" && pwd)/dates.yaml
alone=$(cd "$dir/../guides" && pwd)/alone.yaml
agrees=$(cd "$dir/../guides" && pwd)/agrees.yaml
advice=$(cd "$dir/../advice" && pwd)/guide.yaml
timeout_s=${E2E_TIMEOUT:-5}

if ! command -v tmux >/dev/null 2>&1; then
	skip "screen (tmux not found)"
	summary
	exit
fi
if [ ! -x "$bin" ]; then
	bad "e2e: $bin is not an executable"
	summary
	exit
fi

. "$dir/lib.sh"

started=$(now_ms)
for file in "$dir"/*-test.sh; do
	needs=
	. "$file"
	area=$(basename "$file" -test.sh)
	missing=
	for tool in $needs; do
		command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
	done
	if [ -n "$missing" ]; then
		skip "screen: $area ($missing not found)"
		continue
	fi
	case " $needs " in *" valgrind "*)
		if [ -n "$E2E_NO_VALGRIND" ]; then continue; fi
	esac
	for t in $(sed -n 's/^test_\([a-z0-9_]*\)() {$/\1/p' "$file"); do
		case " ${E2E_ONLY:-$t} " in *" $t "*) ;; *) continue ;; esac
		why=
		t0=$(now_ms)
		if "test_$t" && [ -z "$why" ]; then
			ok "$t ($(($(now_ms) - t0)) ms)"
		else
			bad "$t: $why"
			echo "---- screen ($cur):"
			screen
			cat "$work/screen"
			echo "----"
		fi
		T kill-session -t "$cur" 2>/dev/null
	done
done
printf 'screen tests took %d ms\n' $(($(now_ms) - started))
summary
