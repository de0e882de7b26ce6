#!/bin/sh
# make bench: synthetic guides of 1k, 10k and 100k nodes, measured side by
# side in one run. For each size: `remedies check` against a bare libyaml
# event scan of the same file (runs interleaved; median wall time of RUNS
# runs each, peak memory),
# and the cost per step of replaying answers. Targets: check within 1.5x of
# the scan, peak memory at most twice the file at 100k nodes, and a cost per
# step that does not grow with the guide.
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
growth=$(awk "BEGIN{printf \"%.2f\", $step_100000 / $step_1000}")
echo "cost per step, 100k nodes / 1k nodes: ${growth}x (replaying $steps answers; target: flat)"
if awk "BEGIN{exit !($growth > 2.0)}"; then
	echo "  target missed: the cost per step grows with the guide"; fail=1
fi
[ $fail -eq 0 ] && echo "all targets met" || echo "some targets missed"
exit $fail
