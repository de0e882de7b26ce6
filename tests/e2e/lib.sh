# SPDX-License-Identifier: MIT
# The screen tests' harness (sourced by run.sh): a private tmux server, one
# session per test of a fixed size (no user config, fixed TERM, locale and
# HOME), keys in, the screen polled for what a test expects (one poll loop,
# poll below; no test waits a fixed time). The pane records `stty -g` before
# and after the program, and its exit status. Needs $bin, $work, $dir.

sock=remedies-e2e-$$
work=$(mktemp -d "${TMPDIR:-/tmp}/remedies-e2e.XXXXXX")
sockpath=
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
	T kill-server 2>/dev/null
	# tmux leaves its socket behind when the server is killed.
	[ -n "$sockpath" ] && rm -f "$sockpath"
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# A session that outlives the tests keeps one server for the whole run.
T new-session -d -s keep -x 20 -y 5 "exec cat >/dev/null" || {
	echo "e2e: cannot start tmux"
	echo "0 passed, 1 failed"
	exit 1
}
sockpath=$(T display -p -t keep '#{socket_path}')

cur=
why=
prelude=
jobctl=
wrap=
# start NAME COLS ROWS [VAR=VALUE...] -- ARG...
# Runs the binary in a new session NAME; the session lives on (silently)
# after the program ends, so the screen it left can still be read. With
# $wrap set (words without spaces), the binary runs under that command,
# e.g. valgrind.
start() {
	cur=$1
	cols=$2
	rows=$3
	shift 3
	exports="LANG=C.UTF-8 TERM=tmux-256color ESCDELAY=25 HOME=$work REMEDIES_CONFIG=/dev/null"
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		exports="$exports $1"
		shift
	done
	[ "$1" = "--" ] && shift
	rm -f "$work/$cur".*
	{
		[ -n "$jobctl" ] && echo "set -m"
		echo "unset LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE NO_COLOR"
		# Whatever a test saves lands in the scratch folder, never here.
		echo "cd '$work'"
		echo "export $exports"
		[ -n "$prelude" ] && echo "$prelude"
		# Ctrl-C must reach the program, not end the script around it.
		echo "trap : INT"
		echo "stty -g > '$work/$cur.before'"
		printf "sh -c 'echo \$\$ > \"%s\"; exec \"\$0\" \"\$@\"' %s '%s'" "$work/$cur.pid" "$wrap" "$bin"
		for a in "$@"; do printf " '%s'" "$a"; done
		if [ -n "$jobctl" ]; then
			echo " &"
			echo "fg %1 >/dev/null; rc=\$?"
			echo "while [ -n \"\$(jobs -s)\" ]; do"
			echo "  tmux -L '$sock' wait-for '$cur-resume'; fg %1 >/dev/null; rc=\$?"
			echo "done"
			echo "echo \$rc > '$work/$cur.rc'"
		else
			echo
			echo "echo \$? > '$work/$cur.rc'"
		fi
		echo "stty -g > '$work/$cur.after'"
		echo "tmux -L '$sock' wait-for -S '$cur-done'"
		echo "exec cat >/dev/null"
	} > "$work/$cur.sh"
	shell=sh
	[ -n "$jobctl" ] && shell="bash --norc --noprofile"
	prelude=
	jobctl=
	wrap=
	T new-session -d -s "$cur" -x "$cols" -y "$rows" "$shell '$work/$cur.sh'"
}

screen() { T capture-pane -p -t "$cur" > "$work/screen" 2>/dev/null; }




# poll KIND [ARG]: the one poll loop. Reads the screen every 10 ms until it
# shows what KIND asks for, or gives up after $timeout_s seconds (status 1,
# the reason in $why):
#   text TEXT   a line contains TEXT        line TEXT   a line is exactly TEXT
#   gone TEXT   no line contains TEXT       re REGEX    a line matches REGEX
#   change      the screen differs from the one saved as "last"
poll() {
	end=$(($(now_ms) + timeout_s * 1000))
	while :; do
		screen
		case $1 in
		text) grep -qF -- "$2" "$work/screen" && return 0 ;;
		line) grep -qxF -- "$2" "$work/screen" && return 0 ;;
		gone) grep -qF -- "$2" "$work/screen" || return 0 ;;
		re) grep -qE -- "$2" "$work/screen" && return 0 ;;
		change) cmp -s "$work/last" "$work/screen" || return 0 ;;
		esac
		if [ "$(now_ms)" -gt "$end" ]; then
			case $1 in
			text) why="timed out waiting for: $2" ;;
			line) why="timed out waiting for the line: '$2'" ;;
			gone) why="timed out waiting for this to go: $2" ;;
			re) why="timed out waiting for a line matching: $2" ;;
			change) why="timed out waiting for the screen to change" ;;
			esac
			return 1
		fi
		sleep 0.01
	done
}
wait_for() { poll text "$1"; }
wait_line() { poll line "$1"; }
wait_gone() { poll gone "$1"; }
wait_re() { poll re "$1"; }
wait_change() { poll change; }

keys() { T send-keys -t "$cur" "$@"; }
type_text() { T send-keys -t "$cur" -l "$1"; }

# wait_exit STATUS: the program ends with STATUS and the tty is as it was.
wait_exit() {
	if ! timeout "$timeout_s" tmux -L "$sock" -f /dev/null wait-for "$cur-done"; then
		why="the program did not exit"
		return 1
	fi
	rc=$(cat "$work/$cur.rc")
	if [ "$rc" != "$1" ]; then
		why="exit status $rc, expected $1"
		return 1
	fi
	if ! cmp -s "$work/$cur.before" "$work/$cur.after"; then
		why="terminal modes not restored: $(cat "$work/$cur.before") -> $(cat "$work/$cur.after")"
		return 1
	fi
}

no_text() { # the screen does not contain TEXT
	screen
	if grep -qF -- "$1" "$work/screen"; then
		why="unexpected on screen: $1"
		return 1
	fi
}

save() { screen; cp "$work/screen" "$work/$1"; }
# same NAME: the screen is exactly as saved in NAME, within $timeout_s
# seconds (after a burst of resizes the terminal may still be redrawing an
# earlier size when the text waited for first shows: a one-shot compare
# failed then under load).
same() {
	end=$(($(now_ms) + timeout_s * 1000))
	while :; do
		screen
		cmp -s "$work/$1" "$work/screen" && return 0
		if [ "$(now_ms)" -gt "$end" ]; then
			why="the screen differs from the one saved as $1:
$(diff "$work/$1" "$work/screen")"
			return 1
		fi
		sleep 0.01
	done
}



# step_until TEXT: presses Space (the demo's next step), one step at a time,
# until TEXT shows; at most 30 steps.
step_until() {
	n=0
	while :; do
		screen
		grep -qF -- "$1" "$work/screen" && return 0
		n=$((n + 1))
		if [ $n -gt 30 ]; then
			why="30 steps and still no: $1"
			return 1
		fi
		save last
		keys Space
		wait_change || return 1
	done
}

mode_of() { stat -c %a "$1" 2>/dev/null; }

# check_file FILE MODE TEXT [ABSENT]: FILE exists with MODE, holds TEXT and
# (when given) not ABSENT.
check_file() {
	if [ ! -f "$1" ]; then
		why="$1 was not written"
		return 1
	fi
	if [ "$(mode_of "$1")" != "$2" ]; then
		why="$1 has mode $(mode_of "$1"), not $2"
		return 1
	fi
	if ! grep -qF -- "$3" "$1"; then
		why="$1 does not contain: $3"
		return 1
	fi
	if [ -n "$4" ] && grep -qF -- "$4" "$1"; then
		why="$1 contains: $4"
		return 1
	fi
}

# Going from the welcome screen to the first question of mini.yaml.
to_first_question() {
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "Who are you?" || return 1
}

# The walk of mini.yaml to its results as a permanent resident with a face
# photo and no harm.
to_results() {
	to_first_question || return 1
	keys Enter
	wait_for "What happened?" || return 1
	keys Space Enter
	wait_for "Face photos are kept by CBP." || return 1
	keys Enter
	wait_for "Were you harmed?" || return 1
	keys 2
	wait_for "Possible remedies" || return 1
}
