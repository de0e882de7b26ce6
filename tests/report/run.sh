#!/bin/sh
# SPDX-License-Identifier: MIT
# Reports and the guide map, end to end: each format against a golden file,
# HTML well-formed and self-contained, files written atomically with mode 0600,
# no overwrite without --force, clear errors for a full disk or a missing
# folder with nothing left behind, and DOT output that Graphviz accepts.
# Usage: run.sh BINARY
bin=${1:-./remedies}
dir=$(dirname "$0")
mini=tests/guides/mini.yaml
full=tests/answers/mini-full.yaml
. "$(dirname "$0")/../lib.sh"
tmp=$(mktemp -d)
trap 'umount "$tmp/ro" 2>/dev/null; chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 REMEDIES_TODAY=2026-11-27
unset LC_ALL LC_MESSAGES


for fmt in txt md html; do
	timeout 20 "$bin" report --guide "$mini" --answers "$full" --format $fmt >"$tmp/r.$fmt" 2>&1
	rc=$?
	[ -n "$UPDATE" ] && cp "$tmp/r.$fmt" "$dir/mini.$fmt"
	if [ $rc -ne 0 ]; then bad "report --format $fmt: exit $rc"; cat "$tmp/r.$fmt"
	elif diff -u "$dir/mini.$fmt" "$tmp/r.$fmt"; then ok
	else bad "report --format $fmt differs from $dir/mini.$fmt"; fi
done

timeout 20 "$bin" report --guide "$mini" --answers "$full" --lang es --include-answers >"$tmp/es" 2>&1
[ -n "$UPDATE" ] && cp "$tmp/es" "$dir/mini-es-answers.txt"
diff -u "$dir/mini-es-answers.txt" "$tmp/es" && ok || bad "Spanish report with answers differs"

# Well-formed and self-contained: every tag closed in order, nothing loaded
# from elsewhere (no script, stylesheet link, image or frame).
if /usr/bin/python3 - "$tmp/r.html" <<'PY'
import sys
from html.parser import HTMLParser
void = {"meta", "br", "link", "img", "hr", "input", "wbr"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.bad = []
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            self.bad.append("external or active content: <%s>" % tag)
        if any(k == "src" for k, _ in attrs):
            self.bad.append("src= on <%s>" % tag)
        if tag not in void:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.bad.append("unbalanced </%s> (open: %s)" % (tag, self.stack[-3:]))
        else:
            self.stack.pop()
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
if p.stack: p.bad.append("unclosed: %s" % p.stack)
print("\n".join(p.bad)); sys.exit(1 if p.bad else 0)
PY
then ok; else bad "HTML report is not well-formed and self-contained"; fi

# Written atomically with mode 0600 whatever the umask; never over an
# existing file without --force.
(umask 000; timeout 20 "$bin" report --guide "$mini" --answers "$full" -o "$tmp/out.txt")
mode=$(stat -c %a "$tmp/out.txt" 2>/dev/null)
[ "$mode" = 600 ] && ok || bad "report file mode is '$mode', not 600"
cmp -s "$tmp/out.txt" "$dir/mini.txt" && ok || bad "report -o wrote something else than stdout"
echo "keep me" >"$tmp/keep.txt"
timeout 20 "$bin" report --guide "$mini" --answers "$full" -o "$tmp/keep.txt" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "already exists" "$tmp/err" && [ "$(cat "$tmp/keep.txt")" = "keep me" ]; then ok
else bad "an existing file was not protected (exit $rc)"; cat "$tmp/err"; fi
timeout 20 "$bin" report --guide "$mini" --answers "$full" -o "$tmp/keep.txt" --force &&
	cmp -s "$tmp/keep.txt" "$dir/mini.txt" && ok || bad "--force did not replace the file"

# A full disk, a missing folder: a clear message, exit 1, nothing left over.
timeout 20 "$bin" report --guide "$mini" --answers "$full" -o /dev/full --force 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "/dev/full: cannot write: No space left on device" "$tmp/err"; then ok
else bad "/dev/full: exit $rc"; cat "$tmp/err"; fi
timeout 20 "$bin" report --guide "$mini" --answers "$full" -o "$tmp/missing/r.txt" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "missing/r.txt: cannot create: No such file or directory" "$tmp/err"; then ok
else bad "missing folder: exit $rc"; cat "$tmp/err"; fi
# A folder that cannot be written (lib.sh: chmod, or as root a read-only
# tmpfs the test mounts itself).
ro=$tmp/ro
if unwritable "$ro"; then
	timeout 20 "$bin" report --guide "$mini" --answers "$full" -o "$ro/r.txt" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "$ro/r.txt: cannot create: \(Permission denied\|Read-only file system\); nothing was saved" "$tmp/err"; then ok
	else bad "read-only folder: exit $rc"; cat "$tmp/err"; fi
	left=$(ls -A "$ro" | grep -c .)
	[ "$left" -eq 0 ] && ok || bad "files left behind in a folder where writing failed"
	writable "$ro"
else
	skip "read-only folder: cannot make one here (as root this needs a tmpfs mount)"
fi
ls "$tmp" | grep -q '\.txt\.' && bad "a temporary file was left behind: $(ls "$tmp")" || ok

# Bad arguments.
timeout 20 "$bin" report --guide "$mini" --answers "$full" --format pdf >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "unknown format: exit not 2"
timeout 20 "$bin" report --guide "$mini" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "report without --answers: exit not 2"
# Arguments echoed in messages never carry an escape sequence to the
# terminal (issue 11 item 14): no ESC or BEL byte on stderr.
esc=$(printf '\033]0;PWN\007\033[2J')
for args in "report --guide $mini --answers $full --format $esc" "$esc" "check --bogus$esc" "report --answers"; do
	# shellcheck disable=SC2086
	timeout 20 "$bin" $args >/dev/null 2>"$tmp/err"
	if grep -q "$(printf '[\033\007]')" "$tmp/err"; then bad "raw control bytes echoed for: $(cat -v "$tmp/err")"
	else ok; fi
done
timeout 20 "$bin" "--lang$esc" >/dev/null 2>"$tmp/err"
grep -q "$(printf '[\033\007]')" "$tmp/err" && bad "raw control bytes echoed for an option" || ok

# Exit status 70 (out of memory) is documented where the others are
# (issue 11 item 16): --help and remedies(1).
"$bin" --help 2>/dev/null | grep -q "70 out of memory" && ok || bad "--help does not name exit status 70"
grep -q '^\.It 70$' man/remedies.1 && ok || bad "remedies(1) does not document exit status 70"

# The map of the guide, with a scenario's path highlighted.
timeout 20 "$bin" dot "$mini" --answers "$full" >"$tmp/map.dot" 2>&1 || bad "dot failed"
[ -n "$UPDATE" ] && cp "$tmp/map.dot" "$dir/mini.dot"
diff -u "$dir/mini.dot" "$tmp/map.dot" && ok || bad "dot output differs"
if command -v dot >/dev/null 2>&1; then
	dot -Tsvg "$tmp/map.dot" >"$tmp/map.svg" && grep -q "<svg" "$tmp/map.svg" && ok || bad "Graphviz rejects the DOT output"
	timeout 20 "$bin" dot >"$tmp/b.dot" 2>&1 && dot -Tsvg "$tmp/b.dot" >/dev/null && ok || bad "Graphviz rejects the bundled guide's map"
fi

# Maps for a room: the guide's words, never its ids; a title and a legend;
# one section, or one scenario's walk, each rendered by Graphviz at a size
# whose 16 pt text stays at least 12 px high on a 1920 px wide projector.
grep -q 'label="who' "$dir/mini.dot" && bad "the map shows internal ids" || ok
grep -q '^  label=<<b>Mini guide</b>' "$dir/mini.dot" && ok || bad "the map has no title"
grep -q 'How to read this map' "$dir/mini.dot" && ok || bad "the map has no legend"
timeout 20 "$bin" dot "$mini" --section "about YOU" >"$tmp/sec.dot" 2>&1 && ok || bad "dot --section"
grep -q 'Section: About you' "$tmp/sec.dot" && ok || bad "the section map is not titled with the section"
grep -q '"what" \[shape=box3d' "$tmp/sec.dot" && bad "the section map shows another section's node" || ok
grep -q '"what" \[shape=plaintext.*continues in' "$tmp/sec.dot" && ok || bad "the section map does not say where the way goes on"
timeout 20 "$bin" dot "$mini" --section nosuch >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "About you" "$tmp/err" && ok || bad "an unknown section: rc $rc, not the list of sections"
timeout 20 "$bin" dot "$mini" --walk >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "dot --walk without answers: not a usage error"
timeout 20 "$bin" dot "$mini" --walk --answers "$full" >"$tmp/walk.dot" 2>&1 && ok || bad "dot --walk"
grep -q 'Visitor' "$tmp/walk.dot" && bad "the walk shows a choice not taken" || ok
png_width() { od -An -tu1 -j16 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }
if command -v dot >/dev/null 2>&1; then
	variants="sec.dot walk.dot"
	if [ -f guide/remedies.yaml ]; then
		timeout 20 "$bin" dot --section Where >"$tmp/b-where.dot" 2>/dev/null
		timeout 20 "$bin" dot --section Dónde --lang es >"$tmp/b-donde.dot" 2>/dev/null
		timeout 20 "$bin" dot --walk --scenario 01 >"$tmp/b-walk01.dot" 2>/dev/null
		timeout 20 "$bin" dot --walk --scenario 05 --lang es >"$tmp/b-walk05.dot" 2>/dev/null
		variants="$variants b-where.dot b-donde.dot b-walk01.dot b-walk05.dot"
	fi
	for v in $variants; do
		if dot -Tpng "$tmp/$v" -o "$tmp/$v.png" 2>"$tmp/err" && [ -s "$tmp/$v.png" ]; then
			w=$(png_width "$tmp/$v.png")
			# 16 pt at 96 dpi is 21.3 px: at least 12 px after scaling to 1920 px.
			[ "$w" -le 3413 ] && ok || bad "$v renders $w px wide: text under 12 px on a 1920 px projector"
		else
			bad "Graphviz cannot render $v"; head -3 "$tmp/err"
		fi
	done
else
	echo "SKIP: rendering the maps (Graphviz is not installed)"
fi

# The deadlines as an iCalendar file (issue 13): it parses with a standard
# parser (Debian's python3-icalendar), every line ends in CRLF and is at most
# 75 octets, the dates round-trip, UIDs are unique and stable, no answer is
# quoted unless asked, and -o writes it 0600.
dates=tests/guides/dates.yaml
vague=tests/answers/dates-vague.yaml
ics_check() { # FILE EXPECTED-DATES...
	/usr/bin/python3 - "$@" <<'PY'
import sys, icalendar
path, want = sys.argv[1], sys.argv[2:]
raw = open(path, "rb").read()
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "the file does not end with CRLF"
for l in lines[:-1]:
    assert b"\n" not in l and b"\r" not in l, "a line not ended by CRLF: %r" % l
    assert len(l) <= 75, "a line of %d octets: %r" % (len(l), l)
cal = icalendar.Calendar.from_ical(raw)
events = [c for c in cal.walk("VEVENT")]
got = sorted(e.decoded("DTSTART").isoformat() for e in events)
assert got == sorted(want), "dates %s, wanted %s" % (got, sorted(want))
uids = [str(e["UID"]) for e in events]
assert len(set(uids)) == len(uids), "UIDs repeat"
for e in events:
    assert (e.decoded("DTEND") - e.decoded("DTSTART")).days == 1, "not an all-day event"
    assert "legal information" in str(e["DESCRIPTION"]), "no disclaimer"
PY
}
if /usr/bin/python3 -c "import icalendar" 2>/dev/null; then
	export REMEDIES_TODAY=2026-12-01
	timeout 20 "$bin" report --guide "$dates" --answers "$vague" --format ics >"$tmp/d.ics" 2>&1
	[ -n "$UPDATE" ] && cp "$tmp/d.ics" "$dir/dates.ics"
	ics_check "$tmp/d.ics" 2026-12-01 2024-06-01 2022-07-01 && ok || bad "the .ics does not parse or round-trip"
	cmp -s "$dir/dates.ics" "$tmp/d.ics" && ok || bad "the .ics differs from $dir/dates.ics"
	grep -q "June 1, 2022\|2022-06" "$tmp/d.ics" && bad "the .ics quotes a date given without --include-answers" || ok
	timeout 20 "$bin" report --guide "$dates" --answers "$vague" --format ics --include-answers >"$tmp/a.ics" 2>&1
	ics_check "$tmp/a.ics" 2026-12-01 2024-06-01 2022-07-01 && ok || bad "the .ics with answers does not parse"
	grep -q "June 2022" "$tmp/a.ics" && ok || bad "--include-answers does not give the dates in the .ics"
	timeout 20 "$bin" report --guide "$dates" --answers "$vague" --format ics -o "$tmp/out.ics" 2>&1 &&
		[ "$(stat -c %a "$tmp/out.ics")" = 600 ] && cmp -s "$tmp/out.ics" "$tmp/d.ics" && ok ||
		bad "report --format ics -o: not written 0600 as on stdout"
	# Stable: the same answers another day give the same UIDs.
	REMEDIES_TODAY=2026-12-02 timeout 20 "$bin" report --guide "$dates" --answers "$vague" --format ics |
		grep '^UID' >"$tmp/uid2"
	grep '^UID' "$tmp/d.ics" | cmp -s - "$tmp/uid2" && ok || bad "UIDs change from one day to the next"
	export REMEDIES_TODAY=2026-11-27
else
	echo "SKIP: the .ics checks (apt-get install python3-icalendar)"
fi

# The report for a client file (issue 16 item 11): a first page that is a
# summary (date, guide version and review date, the case number typed for
# this report, "do this first", a table of deadlines), then the remedies;
# every link https; no web address split inside a word in print. Checked in
# a real browser: headless Chromium prints the HTML to PDF, pdftotext reads
# the first page.
sc=guide/scenarios/01-lpr-face-airport.yaml
if [ -f "$sc" ]; then
	timeout 20 "$bin" report --answers "$sc" --format html --case "INT-2026-0042" -o "$tmp/p.html" 2>"$tmp/err" &&
		ok || { bad "report --case"; cat "$tmp/err"; }
	grep -q "INT-2026-0042" "$tmp/p.html" && ok || bad "the case number is not in the report"
	timeout 20 "$bin" report --answers "$sc" --format html -o "$tmp/p0.html" 2>/dev/null
	grep -q "INT-2026-0042\|Case or intake number" "$tmp/p0.html" && bad "a case number in a report that was given none" || ok
	sed -n '/<section class="summary">/,/<\/section>/p' "$tmp/p.html" >"$tmp/summary"
	for want in "Do this first" "Deadlines at a glance" "<table>" "legal content reviewed" "not legal advice"; do
		grep -q "$want" "$tmp/summary" && ok || bad "the summary section lacks '$want'"
	done
	grep -q "<h3>" "$tmp/summary" && bad "a remedy in full inside the summary" || ok
	for f in guide/scenarios/*.yaml; do
		timeout 20 "$bin" report --answers "$f" --format html 2>/dev/null
	done | grep -o 'href="[^"]*"' | grep -v '^href="https://' >"$tmp/nothttps"
	[ -s "$tmp/nothttps" ] && { bad "links that are not https:"; head -3 "$tmp/nothttps"; } || ok
	browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
	if [ -n "$browser" ] && command -v pdftotext >/dev/null 2>&1; then
		timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
			--no-pdf-header-footer --user-data-dir="$tmp/chrome" --print-to-pdf="$tmp/p.pdf" \
			"file://$tmp/p.html" >"$tmp/chrome.log" 2>&1
		if [ -s "$tmp/p.pdf" ]; then
			ok
			pdftotext -f 1 -l 1 "$tmp/p.pdf" "$tmp/page1.txt"
			for want in "INT-2026-0042" "Do this first" "Deadlines at a glance" "legal content reviewed" \
				"legal information, not legal advice"; do
				grep -q "$want" "$tmp/page1.txt" && ok || bad "the printed first page lacks '$want'"
			done
			grep -q "All remedies, the best fit first" "$tmp/page1.txt" && bad "the remedies begin on the first page" || ok
			pdftotext -f 2 -l 2 "$tmp/p.pdf" "$tmp/page2.txt"
			grep -q "What the remedies are based on" "$tmp/page2.txt" && ok || bad "the second page does not begin the detail"
			# Every address printed is whole, or broken only after a slash.
			pdftotext "$tmp/p.pdf" "$tmp/all.txt"
			grep -o 'https\?://[^ ]*' "$tmp/p.html" | sed 's/<wbr>//g; s/".*//; s/<.*//' | sort -u >"$tmp/urls"
			grep -o 'https://[^ ]*' "$tmp/all.txt" | while read -r u; do
				grep -Fxq -- "$u" "$tmp/urls" && continue
				case $u in */) grep -Fq -- "$u" "$tmp/urls" && continue ;; esac
				echo "$u"
			done >"$tmp/split"
			[ -s "$tmp/split" ] && { bad "addresses split inside a word in print:"; head -3 "$tmp/split"; } || ok
		else
			bad "Chromium did not print the report"; tail -3 "$tmp/chrome.log"
		fi
	else
		skip "printing the report in a browser (chromium and pdftotext are not installed)"
	fi
fi

summary
