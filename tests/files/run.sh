#!/bin/sh
# SPDX-License-Identifier: MIT
# Saving files where people really save them: a USB stick (FAT, no hard
# links), targets that are not regular files, long names, interrupted saves.
# Usage: run.sh BINARY
bin=${1:-./remedies}
mini=tests/guides/mini.yaml
full=tests/answers/mini-full.yaml
. "$(dirname "$0")/../lib.sh"
tmp=$(mktemp -d)
fatmnt=
cleanup() {
	[ -n "$fatmnt" ] && { fusermount -u "$fatmnt" 2>/dev/null || umount "$fatmnt" 2>/dev/null; }
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export LANG=C.UTF-8 REMEDIES_TODAY=2026-11-27
unset LC_ALL LC_MESSAGES

skip() { echo "SKIP: $*"; }
pre=
report() { timeout 20 $pre "$bin" report --guide "$mini" --answers "$full" "$@"; }
"$bin" report --guide "$mini" --answers "$full" >"$tmp/expected.txt" 2>/dev/null

# No temporary file may be left in a folder ($1) that should hold exactly
# $2 files after saves.
no_leftovers() {
	n=$(ls -A "$1" | wc -l)
	[ "$n" -eq "$2" ] && ok || bad "$3: left behind: $(ls -A "$1" | grep -e '^\.remedies-tmp' -e '\.......$')"
}

# A file system without hard links: a save creates the file, never replaces
# one without --force, and says so. Both the kernel's answer on a FAT image
# (FUSE or loop mount) and an injected EPERM from link() (strace) are tried.
fat_checks() { # folder label
	report -o "$1/report.txt" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ] && cmp -s "$1/report.txt" "$tmp/expected.txt"; then ok
	else bad "$2: a new report could not be saved (exit $rc)"; cat "$tmp/err"; fi
	echo "keep me" >"$1/keep.txt"
	report -o "$1/keep.txt" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "already exists" "$tmp/err" && [ "$(cat "$1/keep.txt")" = "keep me" ]; then ok
	else bad "$2: an existing file was not protected (exit $rc)"; cat "$tmp/err"; fi
	report -o "$1/keep.txt" --force 2>"$tmp/err" && cmp -s "$1/keep.txt" "$tmp/expected.txt" && ok ||
		{ bad "$2: --force did not replace the file"; cat "$tmp/err"; }
	ls -A "$1" | grep -q -v -x -e report.txt -e keep.txt && bad "$2: left behind: $(ls -A "$1")" || ok
}

if command -v mkfs.vfat >/dev/null 2>&1; then
	dd if=/dev/zero of="$tmp/fat.img" bs=1024 count=4096 2>/dev/null
	mkfs.vfat "$tmp/fat.img" >/dev/null 2>&1
	mkdir "$tmp/fat"
	if command -v fusefat >/dev/null 2>&1 && [ -e /dev/fuse ] &&
		fusefat -o rw+ "$tmp/fat.img" "$tmp/fat" >/dev/null 2>&1; then
		fatmnt=$tmp/fat
	elif mount -o loop "$tmp/fat.img" "$tmp/fat" >/dev/null 2>&1; then
		fatmnt=$tmp/fat
	fi
fi
if [ -n "$fatmnt" ]; then
	fat_checks "$fatmnt" "FAT image"
	fusermount -u "$fatmnt" 2>/dev/null || umount "$fatmnt" 2>/dev/null
	fatmnt=
else
	skip "cannot mount a FAT image here (needs mkfs.vfat and fusefat with /dev/fuse, or loop mounts)"
fi
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	mkdir "$tmp/nolink"
	# link() fails as on FAT; then renameat2(RENAME_NOREPLACE) as well (an
	# old kernel or a FUSE file system): the O_EXCL placeholder fallback.
	pre="strace -f -o /dev/null -e inject=link:error=EPERM"
	fat_checks "$tmp/nolink" "no hard links (injected EPERM)"
	rm -f "$tmp/nolink"/*
	pre="$pre -e inject=renameat2:error=EINVAL"
	fat_checks "$tmp/nolink" "no hard links, no RENAME_NOREPLACE"
	pre=
else
	skip "strace cannot trace here: the link() fallback is tested only on a FAT mount"
fi

# Targets that are not regular files: never written without --force, and
# never a reason to hang (a FIFO nobody reads fails at once).
mkdir "$tmp/special"
mkfifo "$tmp/special/out.fifo"
ln -s /dev/null "$tmp/special/null.txt"
for t in out.fifo null.txt; do
	report -o "$tmp/special/$t" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "is not a regular file.*nothing was written (use --force" "$tmp/err"; then ok
	else bad "$t written without --force (exit $rc)"; cat "$tmp/err"; fi
done
[ -p "$tmp/special/out.fifo" ] && [ -L "$tmp/special/null.txt" ] && ok || bad "a special file was replaced"
report -o "$tmp/special/out.fifo" --force 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "out.fifo: cannot open: No such device or address" "$tmp/err"; then ok
else bad "--force to a FIFO with no reader: exit $rc (124: it hung)"; cat "$tmp/err"; fi
report -o "$tmp/special/null.txt" --force 2>"$tmp/err" && ok || { bad "--force to a link to /dev/null failed"; cat "$tmp/err"; }
cat "$tmp/special/out.fifo" >"$tmp/fifo-read" &
reader=$!
# the reader may not have opened the FIFO yet: then the write fails at once
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	report -o "$tmp/special/out.fifo" --force 2>"$tmp/err"
	rc=$?
	[ $rc -eq 0 ] && break
	sleep 0.1
done
[ $rc -eq 0 ] || : >"$tmp/special/out.fifo"  # lets the reader end
wait $reader
[ $rc -eq 0 ] && cmp -s "$tmp/fifo-read" "$tmp/expected.txt" && ok || { bad "--force to a FIFO with a reader: exit $rc"; cat "$tmp/err"; }

# Any name the file system takes can be saved: the temporary name does not
# grow with it (NAME_MAX is 255 bytes on ext4 and tmpfs).
mkdir "$tmp/long"
for n in 249 250 255; do
	name=$(printf '%*s' $n '' | tr ' ' a)
	report -o "$tmp/long/$name" 2>"$tmp/err" && cmp -s "$tmp/long/$name" "$tmp/expected.txt" && ok ||
		{ bad "a $n-byte file name cannot be saved"; cat "$tmp/err"; }
done
no_leftovers "$tmp/long" 3 "long names"

# An interrupted save leaves nothing: a catchable signal during the write
# removes the temporary file; one that cannot be caught (SIGKILL) leaves it,
# and the next save into that folder removes it (its process is gone).
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	# (not INT or QUIT: a shell starts background jobs with those ignored)
	for sig in TERM HUP USR1 KILL; do
		mkdir "$tmp/sig$sig"
		strace -f -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=3000000 \
			"$bin" report --guide "$mini" --answers "$full" -o "$tmp/sig$sig/r.txt" 2>/dev/null &
		tracer=$!
		pid=
		for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
			ls -A "$tmp/sig$sig" | grep -q . && pid=$(pgrep -P $tracer | head -n 1) && [ -n "$pid" ] && break
			sleep 0.1
		done
		[ -n "$pid" ] && kill -$sig "$pid"
		wait $tracer 2>/dev/null
		if [ $sig = KILL ]; then
			[ "$(ls -A "$tmp/sig$sig" | grep -c '^\.remedies-tmp-')" -eq 1 ] && ok ||
				bad "SIGKILL: expected one temporary file, found: $(ls -A "$tmp/sig$sig")"
			report -o "$tmp/sig$sig/next.txt" 2>"$tmp/err" || cat "$tmp/err"
			no_leftovers "$tmp/sig$sig" 1 "the save after a SIGKILL"
		else
			no_leftovers "$tmp/sig$sig" 0 "SIG$sig during a save"
		fi
	done
else
	skip "strace cannot trace here: interrupted saves not tested"
fi
# Only stale temporary files of this user whose process is gone are
# removed: not a live one, not another name.
mkdir "$tmp/stale"
dead=$(sh -c 'echo $$')
sleep 30 &
live=$!
touch "$tmp/stale/.remedies-tmp-$dead-abcdef" "$tmp/stale/.remedies-tmp-$live-abcdef" \
	"$tmp/stale/.remedies-tmp-x" "$tmp/stale/keep.txt.abcdef"
report -o "$tmp/stale/r.txt" 2>"$tmp/err" || cat "$tmp/err"
kill $live
[ ! -e "$tmp/stale/.remedies-tmp-$dead-abcdef" ] && ok || bad "a stale temporary file was not removed"
[ -e "$tmp/stale/.remedies-tmp-$live-abcdef" ] && [ -e "$tmp/stale/.remedies-tmp-x" ] &&
	[ -e "$tmp/stale/keep.txt.abcdef" ] && ok || bad "a file that is not a stale temporary file was removed"

# Output that cannot be written is a failure with a message, never exit 0
# with the output lost: a full disk (/dev/full), a closed stdout, a broken
# pipe with SIGPIPE ignored (which must also end plain mode).
S=guide/scenarios/01-lpr-face-airport.yaml
full_fails() { # what command...
	what=$1
	shift
	timeout 20 "$@" >/dev/full 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc -eq 1 ] && grep -q "cannot write the output: No space left on device" "$tmp/err"; then ok
	else bad "$what to a full disk: exit $rc"; cat "$tmp/err"; fi
}
full_fails "plain mode" "$bin" --plain -a "$S"
full_fails "paths" "$bin" paths "$mini"
full_fails "check" "$bin" check "$mini"
full_fails "scenarios" "$bin" scenarios
full_fails "--help" "$bin" --help
full_fails "report" "$bin" report -a "$S"
timeout 20 "$bin" --plain -a "$S" </dev/null >&- 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] && grep -q "cannot write the output" "$tmp/err" && ok || { bad "closed stdout: exit $rc"; cat "$tmp/err"; }
(trap '' PIPE; yes b 2>/dev/null | timeout 10 "$bin" --plain 2>"$tmp/err" | head -n 1 >/dev/null; echo $? >"$tmp/rc")
grep -q "cannot write the output: Broken pipe" "$tmp/err" && ok ||
	{ bad "plain mode did not stop on a broken pipe with SIGPIPE ignored"; cat "$tmp/err"; }

summary
