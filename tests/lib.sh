# SPDX-License-Identifier: MIT
# The shared harness of the shell test runners (sourced, not run): one way
# to count, to time out, to compare with a golden file, and one summary
# line, "N passed, N failed", which tests/run-all.sh adds up.
#   ok [NAME]            a test passed (NAME is printed when given)
#   bad WHY...           a test failed: "FAIL: WHY" (the runner shows details)
#   skip WHY...          a test that cannot run here: "SKIP: WHY", not counted
#   check NAME CMD...    ok when CMD succeeds, else bad NAME
#   run CMD...           CMD with the harness's time limit (TEST_TIMEOUT, s)
#   same_as GOLDEN FILE  FILE is byte for byte GOLDEN; UPDATE=1 copies it
#                        there instead (check the diff by eye first)
#   summary              prints the summary line; its status is the verdict
# Tests fix their own date, locale and language: nothing here depends on
# the machine or the day.

pass=0
fail=0
TEST_TIMEOUT=${TEST_TIMEOUT:-20}
export REMEDIES_TODAY=${REMEDIES_TODAY:-2026-12-01}
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
# An intake desk's /etc/remedies.conf on the machine must not turn the
# tests into desk mode: an empty config file instead (desk-test.sh gives
# its own where it wants one).
export REMEDIES_CONFIG=/dev/null

ok() {
	pass=$((pass + 1))
	[ -z "$1" ] || printf 'ok   %s\n' "$1"
}

bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}

skip() { echo "SKIP: $*"; }

check() {
	name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}

run() { timeout "$TEST_TIMEOUT" "$@"; }

same_as() {
	[ -z "$UPDATE" ] || cp "$2" "$1"
	diff -u "$1" "$2"
}

# unwritable DIR: makes the folder DIR (created here) one nobody can write
# in, and says so by its status. Not root: chmod 555. Root writes anywhere
# it has rights, so there DIR becomes a read-only tmpfs mounted here (no
# dependence on /sys or any other system folder, absent in a bare chroot);
# release it with writable DIR. Fails (status 1) where neither works: the
# caller then prints a SKIP line.
unwritable() {
	mkdir -p "$1" || return 1
	if [ "$(id -u)" != 0 ]; then
		chmod 555 "$1"
	else
		mount -t tmpfs -o ro,size=16k remedies-ro "$1" 2>/dev/null || return 1
	fi
	if (: >"$1/.probe") 2>/dev/null; then
		rm -f "$1/.probe"
		writable "$1"
		return 1
	fi
	return 0
}
writable() {
	if [ "$(id -u)" = 0 ]; then umount "$1" 2>/dev/null; fi
	chmod u+w "$1" 2>/dev/null
	return 0
}

# within_twice NAME FILE OUT CMD...: runs CMD (output to OUT, exit status
# in $rc) and checks that its peak memory beyond the program's own (check
# on mini.yaml) is at most twice FILE's bytes (issue 11 item 12). Skipped
# without /usr/bin/time or in a sanitizer build, whose memory says nothing
# about the program's.
within_twice() {
	wt_name=$1 wt_file=$2 wt_out=$3
	shift 3
	if [ ! -x /usr/bin/time ]; then
		"$@" >"$wt_out" 2>&1
		rc=$?
		skip "memory of $wt_name (no /usr/bin/time)"
		return
	fi
	/usr/bin/time -f '%M' -o "$wt_out.mem" "$@" >"$wt_out" 2>&1
	rc=$?
	wt_kb=$(tail -n 1 "$wt_out.mem")
	/usr/bin/time -f '%M' -o "$wt_out.mem" "$bin" check tests/guides/mini.yaml >/dev/null 2>&1
	wt_base=$(tail -n 1 "$wt_out.mem")
	rm -f "$wt_out.mem"
	wt_bytes=$(wc -c <"$wt_file")
	if ASAN_OPTIONS=help=1 "$bin" --version 2>&1 | grep -q AddressSanitizer; then
		skip "memory of $wt_name (a sanitizer build)"
	elif [ $(((wt_kb - wt_base) * 1024)) -le $((2 * wt_bytes)) ]; then ok
	else bad "$wt_name: $((wt_kb - wt_base)) KB beyond the program's own for $wt_bytes bytes"; fi
}

summary() {
	printf '%d passed, %d failed\n' "$pass" "$fail"
	[ "$fail" -eq 0 ]
}
