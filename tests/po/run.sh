#!/bin/sh
# SPDX-License-Identifier: MIT
# Translators' files (remedies po export / import) and stale translations:
# export writes a PO file that msgfmt --check accepts; export then import
# changes no byte; a new language goes in through PO and comes out the same;
# when a source text changes its translation is stale (check lists it,
# --strict fails, export marks it fuzzy); clearing the fuzzy flag records
# the new source.
# Usage: run.sh BINARY
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
export REMEDIES_TODAY=2026-12-01

msgfmt_check() { # FILE
	if command -v msgfmt >/dev/null; then
		msgfmt --check -o /dev/null "$1" 2>"$tmp/msgfmt" && ok || { bad "msgfmt --check $1"; head "$tmp/msgfmt"; }
	else
		echo "SKIP: msgfmt --check (gettext is not installed)"
	fi
}

# The bundled guide, its messages and scenarios, in Spanish.
cp -r guide "$tmp/g"
"$bin" po export --lang es -g "$tmp/g/remedies.yaml" -o "$tmp/es.po" 2>"$tmp/err" && ok || { bad "po export"; cat "$tmp/err"; }
msgfmt_check "$tmp/es.po"
grep -q '^"Language: es\\n"$' "$tmp/es.po" && ok || bad "no Language header"
grep -q '^msgctxt "remedies.yaml:nodes\[' "$tmp/es.po" && ok || bad "no msgctxt naming a node of the guide"
grep -q '^msgctxt "messages.yaml:bye"$' "$tmp/es.po" && ok || bad "the program's messages are not exported"
grep -q '^msgctxt "scenarios/01-' "$tmp/es.po" && ok || bad "the scenarios are not exported"
grep -q '^#\. Keep each \[\[id\]\] mark' "$tmp/es.po" && ok || bad "no translator comment about glossary marks"
grep -q '^#, c-format' "$tmp/es.po" && ok || bad "messages with placeholders are not c-format"
grep -q '^#\. Belongs to: ' "$tmp/es.po" && ok || bad "no translator comment giving the context"
# Export then import: not one byte changes.
"$bin" po import "$tmp/es.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1 && ok || { bad "po import"; cat "$tmp/out"; }
diff -r guide "$tmp/g" >/dev/null && ok || { bad "export then import changed the guide"; diff -r guide "$tmp/g" | head; }

# A third language from nothing: export, translate (a pseudo-translation:
# "[pt] " before every one-line text), import, then the guide has it.
"$bin" po export --lang pt -g "$tmp/g/remedies.yaml" -o "$tmp/pt.po" 2>/dev/null
awk '/^msgctxt / { ctx = 1 }
     /^msgid / { id = substr($0, 7); more = ""; inid = 1; print; next }
     inid && /^"/ { more = more "\n" $0; print; next }
     { inid = 0 }
     $0 == "msgstr \"\"" && ctx {
	ctx = 0
	if (id == "\"\"") print "msgstr \"[pt] \"" more; else print "msgstr \"[pt] " substr(id, 2)
	next
     }
     { print }' "$tmp/pt.po" >"$tmp/pt-done.po"
msgfmt_check "$tmp/pt-done.po"
"$bin" po import "$tmp/pt-done.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1 && ok || { bad "po import pt"; cat "$tmp/out"; }
grep -q "languages: \[en, es, pt\]" "$tmp/g/remedies.yaml" && ok || bad "pt not added to the guide's languages"
"$bin" check "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1 && ok || { bad "the guide with pt does not check"; tail -3 "$tmp/out"; }
printf '\n' | "$bin" --plain --lang pt -g "$tmp/g/remedies.yaml" 2>&1 | grep -q "\[pt\] " && ok || bad "--lang pt does not show the Portuguese"
# Only translations were added: every line of the original is still there, in order.
grep -v '^ *pt@[0-9a-f]*: ' "$tmp/g/remedies.yaml" | sed 's/, pt@[0-9a-f]*: "[^"]*"}/}/; s/, pt\]/]/' >"$tmp/stripped"
diff guide/remedies.yaml "$tmp/stripped" >/dev/null && ok || { bad "import changed more than the translations"; diff guide/remedies.yaml "$tmp/stripped" | head -5; }
cp -r "$tmp/g" "$tmp/g2"
"$bin" po export --lang pt -g "$tmp/g/remedies.yaml" -o "$tmp/pt2.po" 2>/dev/null
"$bin" po import "$tmp/pt2.po" -g "$tmp/g/remedies.yaml" >/dev/null 2>&1
diff -r "$tmp/g2" "$tmp/g" >/dev/null && ok || bad "export then import of pt changed the guide"

# The English of a text changes: its translation is stale.
sed -i 's/^\(  title:\)$/\1/; s/en: "Get your records"/en: "Get a copy of your records"/' "$tmp/g/remedies.yaml"
"$bin" check "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1
grep -q "warning: the 'pt' translation of title of path 'records' is stale" "$tmp/out" && ok || { bad "check does not list the stale translation"; tail -3 "$tmp/out"; }
grep -q "pt 100% (1 stale)" "$tmp/out" && ok || { bad "the summary does not count it"; tail -1 "$tmp/out"; }
"$bin" check --strict "$tmp/g/remedies.yaml" >/dev/null 2>&1; [ $? -eq 1 ] && ok || bad "check --strict passes a stale translation"
"$bin" po export --lang pt -g "$tmp/g/remedies.yaml" -o "$tmp/pt3.po" 2>/dev/null
grep -B3 '^msgctxt "remedies.yaml:paths\[records\].title"' "$tmp/pt3.po" | grep -q '^#, fuzzy' && ok || bad "the stale translation is not fuzzy in the PO"
msgfmt_check "$tmp/pt3.po"
# Importing it as it is keeps it stale; without the fuzzy flag it is current.
"$bin" po import "$tmp/pt3.po" -g "$tmp/g/remedies.yaml" >/dev/null 2>&1
"$bin" check --strict "$tmp/g/remedies.yaml" >/dev/null 2>&1; [ $? -eq 1 ] && ok || bad "a fuzzy entry was taken as reviewed"
sed '/^#, fuzzy$/d' "$tmp/pt3.po" >"$tmp/pt4.po"
"$bin" po import "$tmp/pt4.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1
grep -q "1 translations written" "$tmp/out" && ok || { bad "clearing fuzzy did not record the new source"; cat "$tmp/out"; }
"$bin" check "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1
! grep -q "'pt' translation.*stale" "$tmp/out" && ok || { bad "still stale after review"; tail -2 "$tmp/out"; }
# The bundled Spanish records its sources too: the same change makes it stale.
grep -q "warning: the 'es' translation of title of path 'records' is stale" "$tmp/out" && ok || { bad "the bundled Spanish does not record its source texts"; tail -2 "$tmp/out"; }
# A text written as a list of parts records a source for each part: a
# change to one part's English makes that part's translation stale, and a
# part without Spanish is missing, though the other parts have it (check
# saw only the parts joined, which record no source, and passed both).
cp guide/remedies.yaml "$tmp/parts.yaml"
sed -i 's/en: "About children: before Dec. 26, 2025,/en: "For children: before Dec. 26, 2025,/' "$tmp/parts.yaml"
"$bin" check "$tmp/parts.yaml" >"$tmp/out" 2>&1
grep -q "parts.yaml:[0-9]*:[0-9]*: warning: the 'es' translation of text of node 'res-prints' is stale" "$tmp/out" && ok || { bad "a stale part is not listed"; tail -2 "$tmp/out"; }
"$bin" check --strict "$tmp/parts.yaml" >/dev/null 2>&1; [ $? -eq 1 ] && ok || bad "check --strict passes a stale part"
cp guide/remedies.yaml "$tmp/parts.yaml"
sed -i '/^ *es@[0-9a-f]*: "Sobre los niños: antes del 26 de diciembre/d' "$tmp/parts.yaml"
"$bin" check "$tmp/parts.yaml" >"$tmp/out" 2>&1
grep -q "warning: no 'es' translation of text of node 'res-prints'" "$tmp/out" && grep -q "es 99% (1 missing)" "$tmp/out" && ok || { bad "a part without Spanish is not missing"; tail -2 "$tmp/out"; }

# Bad PO files: a clear FILE:LINE message, nothing written.
printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' >"$tmp/nolang.po"
cp -r "$tmp/g" "$tmp/g3"
"$bin" po import "$tmp/nolang.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "nolang.po:1:1: error: the header names no Language" "$tmp/out" && ok || { bad "no Language: rc $rc"; cat "$tmp/out"; }
printf 'msgid ""\nmsgstr "Language: pt\\n"\n\nmsgid "x\nmsgstr "y"\n' >"$tmp/broken.po"
"$bin" po import "$tmp/broken.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "broken.po:4:1: error: a malformed string" "$tmp/out" && ok || { bad "malformed PO: rc $rc"; cat "$tmp/out"; }
# Text the guide could not hold (found by fuzzing: import wrote invalid
# UTF-8 into the YAML): refused with its line and column, nothing written.
ctx=$(grep -m1 '^msgctxt "remedies.yaml:nodes\[' "$tmp/es.po")
id=$(grep -A1 -m1 '^msgctxt "remedies.yaml:nodes\[' "$tmp/es.po" | sed -n 2p)
printf 'msgid ""\nmsgstr "Language: pt\\n"\n\n%s\n%s\nmsgstr "ab\377cd"\n' "$ctx" "$id" >"$tmp/badutf8.po"
"$bin" po import "$tmp/badutf8.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "badutf8.po:6:11: error: invalid UTF-8" "$tmp/out" && ok || { bad "invalid UTF-8 in a PO file: rc $rc"; cat "$tmp/out"; }
printf 'msgid ""\nmsgstr "Language: pt\\n"\n\n%s\n%s\nmsgstr "ab\\rcd"\n' "$ctx" "$id" >"$tmp/cr.po"
"$bin" po import "$tmp/cr.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "cr.po:4:1: error: the translation holds a control character" "$tmp/out" && ok || { bad "a control character in a PO file: rc $rc"; cat "$tmp/out"; }
# One text translated twice, even under two msgids (found by fuzzing:
# import wrote two translations into one text).
printf 'msgid ""\nmsgstr "Language: pt\\n"\n\n%s\n%s\nmsgstr "a"\n\n%s\nmsgid "older"\nmsgstr "b"\n' "$ctx" "$id" "$ctx" >"$tmp/dup.po"
"$bin" po import "$tmp/dup.po" -g "$tmp/g/remedies.yaml" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "dup.po:8:1: error: this text is translated twice (first at line 4)" "$tmp/out" && ok || { bad "one text translated twice: rc $rc"; cat "$tmp/out"; }
diff -r "$tmp/g3" "$tmp/g" >/dev/null && ok || bad "a bad PO file changed the guide"
"$bin" po export -g "$tmp/g/remedies.yaml" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "po export without --lang: not a usage error"

summary
