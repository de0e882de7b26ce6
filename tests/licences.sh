#!/bin/sh
# SPDX-License-Identifier: MIT
# Licences (issue 16 item 1): the program's (MIT, LICENSE) and the guide's
# (CC BY 4.0, guide/LICENSE, and the guide's `license` key) are there, and
# every file under src/, include/ and tests/ says its licence: an
# SPDX-License-Identifier line at its top, or, for test data that cannot
# carry a comment, a Files pattern of .reuse/dep5.
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh
grep -q "^MIT License" LICENSE && ok || bad "LICENSE is not the MIT licence"
grep -q "^Attribution 4.0 International" guide/LICENSE && ok || bad "guide/LICENSE is not CC BY 4.0"
grep -q "^  license: CC-BY-4.0" guide/remedies.yaml && ok || bad "the guide's header names no licence"
grep -q "SPDX-License-Identifier" README.md || grep -q "CC BY 4.0" README.md && ok || bad "the README says nothing of the licences"
patterns=$(sed -n '/^Files:/,/^Copyright:/p' .reuse/dep5 | sed 's/^Files://; /^Copyright:/d' | tr -s ' \n' '  ')
if command -v git >/dev/null 2>&1 && git rev-parse --git-dir >/dev/null 2>&1; then
	list=$(git ls-files src include tests)
else
	list=$(find src include tests -type f)
fi
missing=0
set -f # the patterns are globs to match, not to expand
for f in $list; do
	head -n 3 "$f" | grep -q "SPDX-License-Identifier: " && continue
	covered=
	for p in $patterns; do
		[ "$p" = "*" ] && continue
		# shellcheck disable=SC2254
		case $f in $p) covered=1; break ;; esac
	done
	[ -n "$covered" ] && continue
	echo "no licence: $f"
	missing=$((missing + 1))
done
set +f
[ "$missing" -eq 0 ] && ok || bad "$missing files say no licence (an SPDX line at the top, or .reuse/dep5)"
summary
