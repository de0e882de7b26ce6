#!/bin/sh
# Every broken answers file in this folder is refused with exit status 1 and
# a FILE:LINE:COL message containing the text on its first line ("# expect:
# LINE:COL: TEXT"), within a bounded time, before anything is shown; so are a
# missing file and a folder.
# Usage: run.sh BINARY
bin=${1:-./remedies}
dir=$(dirname "$0")
mini=tests/guides/mini.yaml
. "$(dirname "$0")/../lib.sh"
out=$(mktemp)
trap 'rm -f "$out"' EXIT

refused() { # file line:col text
	f=$1 pat=$2 text=$3
	timeout 20 "$bin" --guide "$mini" --answers "$f" </dev/null >"$out" 2>&1
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
	refused "$f" "$f:${want%%: *}: " "${want#*: }"
done
refused "$dir/no-such-file.yaml" "$dir/no-such-file.yaml: " "cannot open: No such file or directory"
# A byte-order mark right before the first key is accepted.
{ printf '\357\273\277'; grep -v '^#' "$dir/mini-full.yaml"; } >"$out.bom"
timeout 20 "$bin" --guide "$mini" --answers "$out.bom" </dev/null >"$out" 2>&1 && ok ||
	{ bad "an answers file starting with a byte-order mark is refused"; cat "$out"; }
rm -f "$out.bom"
refused "$dir" "$dir: " "is a directory"

summary
