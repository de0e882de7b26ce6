#!/bin/sh
# make install puts the program, the guide, its scenarios and the manual
# pages under DESTDIR/PREFIX; the installed program finds its guide there;
# make uninstall leaves nothing behind.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

make -s install DESTDIR="$tmp" PREFIX=/opt/rem >"$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make install"; }
for f in bin/remedies share/remedies/remedies.yaml share/man/man1/remedies.1 share/man/man5/remedies-guide.5; do
	[ -f "$tmp/opt/rem/$f" ] && ok || bad "not installed: $f"
done
n=$(ls "$tmp/opt/rem/share/remedies/scenarios/"*.yaml 2>/dev/null | wc -l)
[ "$n" -ge 10 ] && ok || bad "scenarios not installed ($n)"
"$tmp/opt/rem/bin/remedies" check "$tmp/opt/rem/share/remedies/remedies.yaml" >/dev/null 2>&1 && ok || bad "installed guide does not check"
"$tmp/opt/rem/bin/remedies" check >/dev/null 2>&1 && ok || bad "the installed program does not find its guide"
"$tmp/opt/rem/bin/remedies" scenarios --check "$tmp/opt/rem/share/remedies/remedies.yaml" >/dev/null 2>&1 && ok || bad "installed scenarios do not replay"
make -s uninstall DESTDIR="$tmp" PREFIX=/opt/rem >"$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make uninstall"; }
left=$(find "$tmp/opt/rem" -type f | wc -l)
[ "$left" -eq 0 ] && ok || { bad "files left after uninstall:"; find "$tmp/opt/rem" -type f; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
