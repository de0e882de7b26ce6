#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench: synthetic guides of 1k, 10k and 100k nodes, measured side by
# side in one run. For each size: `remedies check` against a bare libyaml
# event scan of the same file (runs interleaved; median wall time of RUNS
# runs each, peak memory),
# and the cost per step of replaying answers. Targets: check within 1.5x of
# the scan, peak memory at most twice the file at 100k nodes, and a cost per
# step that does not grow with the guide.
# Then the full walk: all the answers gen_guide writes (about 0.85 N
# steps) replayed at each size, ns per step and peak memory, and valgrind's
# instructions per step of the replay alone at 1k and 10k. Targets: the
# cost per step of a full walk flat in the steps before it, so a walk costs
# time and memory linear in its steps (a copy of the branch stack per step
# once made the 100k walk take 595 s and 5 GB, 4,000 times the 1k cost per
# step): at most 1.25x in instructions from 1k to 10k (deterministic), and
# at most 3x in time from 1k to 100k (the 1k walk runs in the cache, the
# 100k one over a 160 MB guide: about 2x of that is memory latency).
# Then adversarial shapes (a text with 50,000 language codes, 38-40 MB flow
# lists in a guide and in an answers file, paths of a long chain) with time
# and memory per input byte beside the normal shape.
# Then the wizard's cost per key (keys_bench: state machine and layout,
# headless) on each screen kind, on the bundled guide and at each size.
# Targets: under 1 ms a key on the bundled guide, under 16 ms (one frame)
# at 100k nodes, search included; a search key's cost at most linear in
# the query's length.
# Usage: run.sh BINARY BUILD_DIR
bin=${1:-./remedies}
b=${2:-build/bench}
runs=${RUNS:-7}
steps=800
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

printf '%-7s %9s %10s %10s %6s %10s %10s %7s %9s\n' nodes file_MB check_ms scan_ms ratio check_MB scan_MB mem/file ns/step
for n in 1000 10000 100000; do
	"$b/gen_guide" $n -a "$tmp/a$n.yaml" >"$tmp/g$n.yaml"
	bytes=$(stat -c %s "$tmp/g$n.yaml")
	"$bin" check "$tmp/g$n.yaml" >/dev/null 2>&1 || { echo "bench: the $n-node guide does not check"; exit 1; }
	set -- $("$b/measure" "$runs" "$bin" check "$tmp/g$n.yaml" -- "$b/yaml_scan" "$tmp/g$n.yaml")
	cms=$1 ckb=$2 sms=$3 skb=$4
	nsstep=$("$b/replay_bench" "$tmp/g$n.yaml" "$tmp/a$n.yaml" $steps "$runs")
	eval "step_$n=$nsstep"
	ratio=$(awk "BEGIN{printf \"%.2f\", $cms / $sms}")
	memratio=$(awk "BEGIN{printf \"%.2f\", $ckb * 1024 / $bytes}")
	printf '%-7s %9.1f %10s %10s %6s %10.1f %10.1f %7s %9s\n' $n \
		"$(awk "BEGIN{print $bytes/1048576}")" "$cms" "$sms" "$ratio" \
		"$(awk "BEGIN{print $ckb/1024}")" "$(awk "BEGIN{print $skb/1024}")" "$memratio" "$nsstep"
	if awk "BEGIN{exit !($ratio > 1.5)}"; then
		echo "  target missed: check takes ${ratio}x the bare scan at $n nodes (target 1.5x)"; fail=1
	fi
	if [ $n -eq 100000 ] && awk "BEGIN{exit !($memratio > 2.0)}"; then
		echo "  target missed: peak memory is ${memratio}x the file at $n nodes (target 2x)"; fail=1
	fi
done
# Wall time on a shared virtual machine is noisy; instruction counts are not.
# valgrind counts both programs' instructions on the smaller guides.
if command -v valgrind >/dev/null 2>&1; then
	for n in 1000 10000; do
		ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
			sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'; }
		c=$(ir "$bin" check "$tmp/g$n.yaml")
		y=$(ir "$b/yaml_scan" "$tmp/g$n.yaml")
		echo "instructions at $n nodes: check $c, scan $y, ratio $(awk "BEGIN{printf \"%.2f\", $c / $y}")"
	done
fi
echo
echo "full walk: every answer replayed (median of $runs runs; peak memory of the process: guide, answers, session)"
printf '%-7s %9s %9s %9s\n' nodes steps ns/step peak_MB
for n in 1000 10000 100000; do
	nsteps=$(grep -c '^  - node:' "$tmp/a$n.yaml")
	/usr/bin/time -f '%M' -o "$tmp/t" "$b/replay_bench" "$tmp/g$n.yaml" "$tmp/a$n.yaml" "$nsteps" "$runs" >"$tmp/ns" ||
		{ echo "bench: the full walk of $n nodes does not replay"; fail=1; continue; }
	ns=$(cat "$tmp/ns")
	eval "walk_$n=$ns"
	printf '%-7s %9s %9s %9.1f\n' $n "$nsteps" "$ns" "$(awk "BEGIN{print $(tail -n 1 "$tmp/t")/1024}")"
done
if [ -n "$walk_1000" ] && [ -n "$walk_100000" ]; then
	wgrowth=$(awk "BEGIN{printf \"%.2f\", $walk_100000 / $walk_1000}")
	echo "cost per step of the full walk, 100k / 1k: ${wgrowth}x (target: at most 3x; 10k / 1k: $(awk "BEGIN{printf \"%.2f\", $walk_10000 / $walk_1000}")x)"
	if awk "BEGIN{exit !($wgrowth > 3.0)}"; then
		echo "  target missed: the cost per step grows with the steps before it"; fail=1
	fi
fi
if command -v valgrind >/dev/null 2>&1; then
	for n in 1000 10000; do
		nsteps=$(grep -c '^  - node:' "$tmp/a$n.yaml")
		ir=$(valgrind --tool=callgrind --toggle-collect=answers_replay --callgrind-out-file=/dev/null \
			"$b/replay_bench" "$tmp/g$n.yaml" "$tmp/a$n.yaml" "$nsteps" 1 2>&1 >/dev/null |
			sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
		eval "irstep_$n=$(awk "BEGIN{printf \"%.0f\", $ir / $nsteps}")"
	done
	irgrowth=$(awk "BEGIN{printf \"%.2f\", $irstep_10000 / $irstep_1000}")
	echo "instructions per step of the full walk: $irstep_1000 at 1k, $irstep_10000 at 10k: ${irgrowth}x (target: at most 1.25x)"
	if awk "BEGIN{exit !($irgrowth > 1.25)}"; then
		echo "  target missed: the instructions per step grow with the steps before it"; fail=1
	fi
fi
# Adversarial shapes (issue 11 item 12) beside the normal one: time and
# peak memory per input byte. Targets: memory at most twice the file
# beyond the program's own (a tiny guide's peak), and time per byte of the
# same order as the normal shape.
echo
echo "adversarial shapes: wall time and peak memory per input byte (normal: the 10k-node guide)"
printf '%-30s %9s %9s %9s %9s %9s %10s\n' shape file_KB ms peak_MB ns/byte mem/file extra/file
shape() { # NAME FILE COMMAND...
	name=$1 file=$2
	shift 2
	bytes=$(stat -c %s "$file")
	/usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>&1
	set -- $(tail -n 1 "$tmp/t")
	# extra/file: the peak beyond the program's own (base_kb), per file byte.
	awk -v n="$name" -v b="$bytes" -v s="$1" -v k="$2" -v base="$base_kb" \
		'BEGIN{printf "%-30s %9.0f %9.0f %9.1f %9.1f %9.2f %10.2f\n",
		n, b/1024, s*1000, k/1024, s*1e9/b, k*1024/b, (k-base)*1024/b}'
	mem=$(awk -v b="$bytes" -v k="$2" -v base="$base_kb" 'BEGIN{print ((k-base)*1024 > 2*b) ? 1 : 0}')
	# Reported, not a failure: at small sizes the loaded guide itself
	# weighs more than twice its file (the README's target is at 100k nodes).
	[ "$mem" -eq 0 ] || echo "  note: $name: peak memory beyond the program's own is above twice the file"
}
# The program's own memory (a tiny guide), subtracted before comparing.
/usr/bin/time -f '%M' -o "$tmp/t" "$bin" check tests/guides/mini.yaml >/dev/null 2>&1
base_kb=$(tail -n 1 "$tmp/t")
shape "normal guide (10k)" "$tmp/g10000.yaml" "$bin" check "$tmp/g10000.yaml"
awk '/help: \{en: "Tick all that apply\."/ { sub(/es: "Marque todo lo que corresponda\."\}/, "")
	printf "%s", $0 "es: \"Marque\""; for (i = 0; i < 50000; i++) printf ", l%d: some words of text here", i
	print "}"; next } { print }' tests/guides/mini.yaml >"$tmp/langs.yaml"
shape "50,000 language codes" "$tmp/langs.yaml" "$bin" check "$tmp/langs.yaml"
{ cat tests/guides/mini.yaml; printf 'extra: ['; head -c 19000000 /dev/zero | tr '\0' 'a' | sed 's/a/a,/g'; printf 'a]\n'; } >"$tmp/gflow.yaml"
shape "38 MB flow list, guide" "$tmp/gflow.yaml" "$bin" check "$tmp/gflow.yaml"
{ printf 'guide: mini\nanswers: []\nexpect: ['; head -c 19900000 /dev/zero | tr '\0' 'a' | sed 's/a/a,/g'; printf 'a]\n'; } >"$tmp/aflow.yaml"
shape "40 MB flow, answers" "$tmp/aflow.yaml" "$bin" --guide tests/guides/mini.yaml --answers "$tmp/aflow.yaml"
awk -v n=10000 '/^  start: who$/ { print "  start: q0"; next }
/^nodes:$/ { print; for (i = 0; i < n; i++) { nx = i + 1 < n ? "q" (i + 1) : "who"
	printf "  - id: q%d\n    kind: question\n    text: {en: \"Step %d?\", es: \"Paso %d?\"}\n    choices:\n", i, i, i
	printf "      - id: a\n        label: {en: \"A\", es: \"A\"}\n        next: %s\n", nx
	printf "      - id: b\n        label: {en: \"B\", es: \"B\"}\n        next: %s\n", nx } next }
{ print }' tests/guides/mini.yaml >"$tmp/chain.yaml"
shape "paths, 10,000-question chain" "$tmp/chain.yaml" "$bin" paths "$tmp/chain.yaml"
echo
echo "cost per key, ms (CPU time, median of $runs runs, 100x30 window; search: typing a 40-character"
echo "query; q8..q254: one more character typed into a query of that many bytes)"
printf '%-8s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n' guide question results detail search glossary q8 q32 q128 q254
keys() { # NAME GUIDE ANSWERS TARGET_MS
	set -- "$1" "$2" "$3" "$4" $("$b/keys_bench" "$2" "$3" "$runs")
	[ $# -eq 13 ] || { echo "bench: keys_bench failed on $1"; fail=1; return; }
	name=$1 target=$4
	shift 4
	printf '%-8s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n' "$name" "$@"
	for v in "$@"; do
		if awk "BEGIN{exit !($v > $target)}"; then
			echo "  target missed: $v ms a key on $name (target $target ms)"; fail=1; break
		fi
	done
	# Linear at most: 254/8 times the bytes may cost at most 254/8 times as much.
	if awk "BEGIN{exit !($9 > 32 * $6 + 0.05)}"; then
		echo "  target missed: a search key grows faster than the query on $name"; fail=1
	fi
}
keys bundled guide/remedies.yaml guide/scenarios/01-lpr-face-airport.yaml 1
for n in 1000 10000 100000; do
	# At the end of the full walk: the screens after every step taken.
	keys "$n" "$tmp/g$n.yaml" "$tmp/a$n.yaml" 16
done
growth=$(awk "BEGIN{printf \"%.2f\", $step_100000 / $step_1000}")
echo "cost per step, 100k nodes / 1k nodes: ${growth}x (replaying $steps answers; target: flat)"
if awk "BEGIN{exit !($growth > 2.0)}"; then
	echo "  target missed: the cost per step grows with the guide"; fail=1
fi
[ $fail -eq 0 ] && echo "all targets met" || echo "some targets missed"
exit $fail
