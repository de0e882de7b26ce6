#!/bin/sh
# SPDX-License-Identifier: MIT
# make install puts the program, the guide, its scenarios and the manual
# pages under DESTDIR/PREFIX; the installed program finds its guide there;
# make uninstall leaves nothing behind.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

# CPPFLAGS (where Debian puts -D_FORTIFY_SOURCE=2) reaches every compile
# line, the installed program's too; CFLAGS and LDFLAGS every link line.
make -B -n remedies build/asan/remedies install CPPFLAGS=-DCPP_MARK CFLAGS=-DC_MARK \
	LDFLAGS=-Wl,-O1 DESTDIR="$tmp/n" >"$tmp/dry" 2>&1
n=$(grep -c -- ' -c ' "$tmp/dry")
nc=$(grep -- ' -c ' "$tmp/dry" | grep -c -- '-DCPP_MARK')
[ "$n" -gt 10 ] && [ "$n" -eq "$nc" ] && ok || { bad "CPPFLAGS missing from $((n - nc)) of $n compile lines"; grep -- ' -c ' "$tmp/dry" | grep -v -- -DCPP_MARK | head -3; }
grep -- ' -o [^ ]*remedies ' "$tmp/dry" | grep -v asan | grep -v -- '-Wl,-O1' && bad "a link line without LDFLAGS" || ok
make -s install DESTDIR="$tmp" PREFIX=/opt/rem >"$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make install"; }
for f in bin/remedies share/remedies/remedies.yaml share/man/man1/remedies.1 share/man/man5/remedies-guide.5; do
	[ -f "$tmp/opt/rem/$f" ] && ok || bad "not installed: $f"
done
n=$(ls "$tmp/opt/rem/share/remedies/scenarios/"*.yaml 2>/dev/null | wc -l)
[ "$n" -ge 10 ] && ok || bad "scenarios not installed ($n)"
"$tmp/opt/rem/bin/remedies" check "$tmp/opt/rem/share/remedies/remedies.yaml" >/dev/null 2>&1 && ok || bad "installed guide does not check"
"$tmp/opt/rem/bin/remedies" check >"$tmp/out" 2>&1 && ok || bad "the installed program does not find its guide"
grep -q "/bin/\.\./" "$tmp/out" && bad "the guide's path is shown with bin/..: $(head -n 1 "$tmp/out")" || ok
"$tmp/opt/rem/bin/remedies" scenarios --check "$tmp/opt/rem/share/remedies/remedies.yaml" >/dev/null 2>&1 && ok || bad "installed scenarios do not replay"
# Docs, licences and bash completion are installed too.
for f in share/doc/remedies/README.md share/doc/remedies/NEWS share/doc/remedies/LICENSE \
	share/doc/remedies/LICENSE.guide share/bash-completion/completions/remedies; do
	[ -f "$tmp/opt/rem/$f" ] && ok || bad "not installed: $f"
done
if command -v bash >/dev/null; then
	bash -c ". '$tmp/opt/rem/share/bash-completion/completions/remedies' 2>/dev/null; complete -p remedies" \
		>/dev/null 2>&1 && ok || bad "the bash completion does not register"
fi
# The tree was built for /usr/local (or whatever the build said), yet the
# installed program carries the install-time folder, not the build's.
grep -q "/opt/rem/share" "$tmp/opt/rem/bin/remedies" && ok || bad "the install-time DATADIR is not in the installed program"
make -s uninstall DESTDIR="$tmp" PREFIX=/opt/rem >"$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make uninstall"; }
left=$(find "$tmp/opt/rem" -type f | wc -l)
[ "$left" -eq 0 ] && ok || { bad "files left after uninstall:"; find "$tmp/opt/rem" -type f; }
# PREFIX given to make install only, with no DESTDIR: the installed program
# finds its guide by that folder even when the binary is moved elsewhere
# (so it does not depend on BIN/../share).
make -s install prefix="$tmp/p" >"$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make install prefix=..."; }
mkdir -p "$tmp/elsewhere" && cp "$tmp/p/bin/remedies" "$tmp/elsewhere/"
(cd / && "$tmp/elsewhere/remedies" check) >"$tmp/out" 2>&1
grep -q "^$tmp/p/share/remedies/remedies.yaml: " "$tmp/out" && ok || { bad "the installed program does not use the install-time DATADIR"; cat "$tmp/out"; }
# Nothing in the tree was rebuilt by make install.
[ -z "$(find build remedies -newer "$tmp/log" 2>/dev/null | head -n 1)" ] && ok || bad "make install rebuilt files in the tree"
# `sudo make run` in someone else's clone: only packages are installed as
# root; the build and the run are the owner's, so no root-owned file is left
# behind (their own `make clean` would fail with "Permission denied").
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v runuser >/dev/null; then
	clone="$tmp/clone"
	mkdir -p "$clone/tests" && cp -a Makefile src include guide "$clone/" && cp -a tests/deps.sh "$clone/tests/"
	[ -d build ] && cp -a build "$clone/" && rm -f "$clone/build/cli/main.o"
	chmod 755 "$tmp" && chown -R nobody "$clone"
	printf 'q\n' | (cd "$clone" && make -s run) >"$tmp/log" 2>&1
	[ -x "$clone/remedies" ] && ok || { bad "make run as root built nothing"; tail -5 "$tmp/log"; }
	left=$(find "$clone" ! -user nobody | head -n 3)
	[ -z "$left" ] && ok || bad "make run as root left root-owned files: $left"
	runuser -u nobody -- make -s -C "$clone" clean >/dev/null 2>&1 && ok || bad "the owner's make clean fails after make run as root"
else
	echo "SKIP: make run as root in another user's clone (needs root, the user nobody and runuser)"
fi
summary
