#!/bin/sh
# Screen tests: the real binary in a real terminal emulator. Each test runs
# remedies in its own tmux session of a fixed size (private server, no user
# config, fixed TERM, locale and HOME), sends keys, and polls the screen for
# the text it expects, with a timeout; no test waits a fixed time. The pane
# records `stty -g` before and after the program and its exit status.
# Usage: sh tests/e2e/run.sh BINARY. Ends with "N passed, M failed".
bin=${1:-./remedies}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
dir=$(cd "$(dirname "$0")" && pwd)
mini=$(cd "$dir/../guides" && pwd)/mini.yaml
wide=$dir/wide.yaml
intake=$dir/intake.yaml
dates=$(cd "$dir/../guides" && pwd)/dates.yaml
advice=$(cd "$dir/../advice" && pwd)/guide.yaml
timeout_s=${E2E_TIMEOUT:-5}

if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is not installed (apt-get install tmux)"
	echo "0 passed, 1 failed"
	exit 1
fi
if [ ! -x "$bin" ]; then
	echo "e2e: $bin is not an executable"
	echo "0 passed, 1 failed"
	exit 1
fi

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
	exports="LANG=C.UTF-8 TERM=tmux-256color ESCDELAY=25 HOME=$work"
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

# wait_for TEXT: polls the screen until a line contains TEXT.
wait_for() {
	end=$(($(now_ms) + timeout_s * 1000))
	while :; do
		screen
		grep -qF -- "$1" "$work/screen" && return 0
		if [ "$(now_ms)" -gt "$end" ]; then
			why="timed out waiting for: $1"
			return 1
		fi
		sleep 0.01
	done
}

# wait_line TEXT: polls until a whole line is exactly TEXT.
wait_line() {
	end=$(($(now_ms) + timeout_s * 1000))
	while :; do
		screen
		grep -qxF -- "$1" "$work/screen" && return 0
		if [ "$(now_ms)" -gt "$end" ]; then
			why="timed out waiting for the line: '$1'"
			return 1
		fi
		sleep 0.01
	done
}

# wait_gone TEXT: polls until no line contains TEXT.
wait_gone() {
	end=$(($(now_ms) + timeout_s * 1000))
	while :; do
		screen
		grep -qF -- "$1" "$work/screen" || return 0
		if [ "$(now_ms)" -gt "$end" ]; then
			why="timed out waiting for this to go: $1"
			return 1
		fi
		sleep 0.01
	done
}

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
same() { # the screen is exactly as saved in $1
	screen
	if ! cmp -s "$work/$1" "$work/screen"; then
		why="the screen differs from the one saved as $1:
$(diff "$work/$1" "$work/screen")"
		return 1
	fi
}

# wait_re REGEX: polls until a line matches the extended regular expression.
wait_re() {
	end=$(($(now_ms) + timeout_s * 1000))
	while :; do
		screen
		grep -qE -- "$1" "$work/screen" && return 0
		if [ "$(now_ms)" -gt "$end" ]; then
			why="timed out waiting for a line matching: $1"
			return 1
		fi
		sleep 0.01
	done
}

# wait_change: polls until the screen differs from the one saved as "last".
wait_change() {
	end=$(($(now_ms) + timeout_s * 1000))
	while :; do
		screen
		cmp -s "$work/last" "$work/screen" || return 0
		if [ "$(now_ms)" -gt "$end" ]; then
			why="timed out waiting for the screen to change"
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

# --- the tests ------------------------------------------------------------

test_walk_to_result() {
	start walk 80 24 -- --guide "$mini"
	to_first_question || return 1
	wait_for "About you · Step 1" || return 1
	keys Enter
	wait_for "What happened?" || return 1
	wait_for "[ ] 1. Face photo" || return 1
	keys Space
	wait_for "[x] 1. Face photo" || return 1
	keys Enter
	wait_for "Face photos are kept by CBP." || return 1
	keys Enter
	wait_for "Were you harmed?" || return 1
	keys 2
	wait_for "Possible remedies" || return 1
	wait_for "Legal information, not legal advice." || return 1
	wait_for "Deadline: Appeal within 90 working days." || return 1
	wait_for "Privacy Act access" || return 1
	keys Enter
	wait_for "Who can use it" || return 1
	wait_for "Legal information, not legal advice." || return 1
	keys End
	wait_for "5 U.S.C. § 552(a)(3)(A). Any person may ask" || return 1
	wait_for "https://www.law.cornell.edu/uscode/text/5/552" || return 1
	wait_for "(verified 2026-11-27)" || return 1
	keys q
	wait_for "Quit now? Your answers will not be saved." || return 1
	keys y
	wait_exit 0 || return 1
	wait_for "Goodbye. Nothing was saved." || return 1
}

test_back_is_exact() {
	start back 80 24 -- --guide "$mini"
	wait_for "Press Enter to start." || return 1
	save welcome
	keys Enter
	wait_for "Who are you?" || return 1
	keys Down
	wait_for "›2. Visitor" || return 1
	save q1
	keys Enter
	wait_for "What happened?" || return 1
	keys Down
	keys Space
	wait_for "[x] 2. Phone search" || return 1
	save q2
	keys Enter
	wait_for "Was the phone kept?" || return 1
	keys Left
	wait_for "What happened?" || return 1
	same q2 || return 1
	keys BSpace
	wait_for "Who are you?" || return 1
	same q1 || return 1
	keys b
	wait_for "Press Enter to start." || return 1
	same welcome || return 1
	keys Enter
	wait_for "Who are you?" || return 1
	same q1 || return 1
}

test_help_panel() {
	start help 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys ?
	wait_for "Pick the closest. LPR means green card." || return 1
	wait_for "A tourist or business visa." || return 1
	wait_for "quick exit" || return 1
	keys Escape
	wait_gone "Pick the closest." || return 1
	wait_for "Who are you?" || return 1
}

test_glossary() {
	start gloss 80 24 -- --guide "$wide"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "DHS TRIP." || return 1
	keys g
	wait_for "Terms on this screen" || return 1
	wait_for "The Traveler Redress Inquiry Program" || return 1
	keys Escape
	wait_for "DHS TRIP." || return 1
	no_text "Terms on this screen" || return 1
}

test_search_accents() {
	start search 80 24 -- --guide "$wide" --lang es
	wait_for "Pulse Intro para empezar." || return 1
	keys /
	wait_for "Buscar:" || return 1
	type_text "PETICION"
	wait_for "Encontrados: 1" || return 1
	wait_for "Recurso: Petición de reparación para viajeros" || return 1
	keys Enter
	wait_for "Quién puede usarlo" || return 1
	keys Escape
	wait_for "Buscar: PETICION" || return 1
	keys C-u
	type_text "munoz"
	wait_for "Pregunta: ¿El agente le tomó" || return 1
	keys BSpace BSpace BSpace BSpace BSpace
	type_text "xyzzy"
	wait_for "No se encontró nada." || return 1
}

test_review_and_change() {
	start review 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys Enter
	wait_for "What happened?" || return 1
	keys Space Enter
	wait_for "Face photos are kept by CBP." || return 1
	keys Enter
	wait_for "Were you harmed?" || return 1
	keys 2
	wait_for "Possible remedies" || return 1
	wait_for "Privacy Act access" || return 1
	keys a
	wait_for "Your answers" || return 1
	wait_for "→ Permanent resident" || return 1
	wait_for "→ Face photo" || return 1
	keys Home Enter
	wait_for "Change your answer and press Enter." || return 1
	wait_for "›1. Permanent resident" || return 1
	# Back without changing returns to the review as it was.
	keys Left
	wait_for "Your answers" || return 1
	wait_for "→ No" || return 1
	keys Enter
	wait_for "Change your answer and press Enter." || return 1
	keys Down Enter
	# The later answers still fit, so they are kept: straight to the results.
	wait_for "Answer changed. Later answers kept: 3" || return 1
	wait_for "Possible remedies" || return 1
	no_text "›Privacy Act access" || return 1
	wait_for "Why not other remedies? (1)" || return 1
	keys w
	wait_for "Ruled out by your answers" || return 1
	wait_for "because you answered \"Visitor\" (Who are you?)" || return 1
	wait_for "Only citizens and LPRs may use it." || return 1
}

test_resize_below_minimum() {
	start resize 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys Down
	wait_for "›2. Visitor" || return 1
	save before
	T resize-window -t "$cur" -x 30 -y 10
	wait_for "Please make the window larger." || return 1
	no_text "Who are you?" || return 1
	T resize-window -t "$cur" -x 60 -y 11
	wait_for "Please make the window larger." || return 1
	T resize-window -t "$cur" -x 80 -y 24
	wait_gone "Please make the window larger." || return 1
	same before || return 1
	keys Enter
	wait_for "What happened?" || return 1
}

test_quit_restores_terminal() {
	start quit 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys q
	wait_for "Quit now?" || return 1
	keys n
	wait_gone "Quit now?" || return 1
	wait_for "Who are you?" || return 1
	keys q
	wait_for "Quit now?" || return 1
	keys Enter
	wait_exit 0 || return 1
}

test_quick_exit() {
	prelude="seq 1 300"
	start f12 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys F12
	wait_exit 0 || return 1
	screen
	if grep -q '[^[:space:]]' "$work/screen"; then
		why="the screen is not empty after F12"
		return 1
	fi
	T capture-pane -p -S - -t "$cur" > "$work/history"
	if grep -qx 299 "$work/history"; then
		why="the scrollback was not cleared"
		return 1
	fi
}

test_sigterm_restores_terminal() {
	start term 80 24 -- --guide "$mini"
	to_first_question || return 1
	kill -TERM "$(cat "$work/$cur.pid")"
	wait_exit 143 || return 1
	if [ "$(T display -p -t "$cur" '#{alternate_on}')" != 0 ]; then
		why="still on the alternate screen"
		return 1
	fi
}

test_sighup_and_ctrl_c() {
	start hup 80 24 -- --guide "$mini"
	to_first_question || return 1
	kill -HUP "$(cat "$work/$cur.pid")"
	wait_exit 129 || return 1
	T kill-session -t "$cur"
	start intr 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys C-c
	wait_exit 130 || return 1
}

# Suspending needs job control: the script around the program runs it as a
# job of its own (set -m) in the foreground, and when Ctrl-Z stops it, puts it
# back in the foreground (fg) once the test says so.
test_ctrl_z_resumes() {
	jobctl=1
	start stop 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys Down
	wait_for "›2. Visitor" || return 1
	save before
	keys C-z
	pid=$(cat "$work/$cur.pid")
	end=$(($(now_ms) + timeout_s * 1000))
	until [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" = T ]; do
		if [ "$(now_ms)" -gt "$end" ]; then
			why="Ctrl-Z did not stop the program"
			return 1
		fi
		sleep 0.01
	done
	wait_gone "Who are you?" || return 1
	T wait-for -S "$cur-resume"
	wait_for "Who are you?" || return 1
	same before || return 1
	keys Enter
	wait_for "What happened?" || return 1
	keys q
	wait_for "Quit now?" || return 1
	keys y
	wait_exit 0 || return 1
}

test_narrow_40_columns() {
	start narrow 40 12 -- --guide "$wide"
	wait_for "Enter start" || return 1
	keys Enter
	wait_line " Wide text guide                 Step 1" || return 1
	wait_line " Did the officer take your 指紋" || return 1
	wait_line " Enter choose  ? help  F12 quick exit" || return 1
	# CJK takes two columns a character: the second line of the choice must
	# leave the scroll arrow exactly in the last column.
	wait_line "    本語のテキストを折り返します。     ▼" || return 1
	keys Down Down Down
	wait_for "›2. Déjà vu: a café in Muñoz" || return 1
	keys Enter
	wait_for "Legal information, not legal advice." || return 1
	wait_for "Traveler redress petición" || return 1
	keys Enter
	wait_for "Who can use it" || return 1
}

test_spanish() {
	start es 80 24 -- --guide "$mini" --lang es
	wait_for "Esto es información legal, no asesoría legal." || return 1
	wait_for "Pulse Intro para empezar." || return 1
	keys Enter
	wait_for "¿Quién es usted?" || return 1
	wait_for "Sobre usted · Paso 1" || return 1
	wait_for "F12 salida rápida" || return 1
	keys ?
	wait_for "Elija la más cercana. residente permanente (LPR) es la tarjeta" || return 1
	keys Escape
	keys q
	wait_for "¿Salir ahora? Sus respuestas no se guardarán." || return 1
	keys s
	wait_exit 0 || return 1
	wait_for "Adiós. No se guardó nada." || return 1
}

test_c_locale_falls_back_to_utf8() {
	start clocale 80 24 LC_ALL=C LANG=C -- --guide "$mini" --lang es
	wait_for "Guía mínima" || return 1
	keys Enter
	wait_for "¿Quién es usted?" || return 1
}

test_no_color_and_terminals() {
	start color 80 24 -- --guide "$mini"
	to_first_question || return 1
	T capture-pane -e -p -t "$cur" > "$work/sgr"
	if ! grep -q '44m' "$work/sgr"; then
		why="no colour in the title bar"
		return 1
	fi
	T kill-session -t "$cur"
	start mono 80 24 NO_COLOR=1 -- --guide "$mini"
	to_first_question || return 1
	T capture-pane -e -p -t "$cur" > "$work/sgr"
	if grep -q '[34][0-7]m' "$work/sgr" || ! grep -q '7m' "$work/sgr"; then
		why="NO_COLOR: colours used, or no reverse video"
		return 1
	fi
	for term in xterm-256color screen linux vt100; do
		T kill-session -t "$cur"
		start "t-$term" 80 24 "TERM=$term" -- --guide "$mini"
		to_first_question || { why="TERM=$term: $why"; return 1; }
		keys Enter
		wait_for "What happened?" || { why="TERM=$term: $why"; return 1; }
		keys F12
		wait_exit 0 || { why="TERM=$term: $why"; return 1; }
	done
}

test_lang_switch_keeps_place() {
	start lswitch 80 24 -- --guide "$mini"
	to_first_question || return 1
	wait_for "L español" || return 1
	keys Enter
	wait_for "What happened?" || return 1
	keys Down Space Down
	wait_for "[x] 2. Phone search" || return 1
	wait_for "›[ ] 3. Green card taken" || return 1
	keys L
	wait_for "Ahora en español." || return 1
	wait_for "¿Qué pasó?" || return 1
	wait_for "[x] 2. Revisión del teléfono" || return 1
	wait_for "›[ ] 3. Le quitaron la tarjeta verde" || return 1
	wait_for "Sobre usted · Paso 2" || return 1
	# Over the help panel, which stays open.
	keys ?
	wait_for "Marque todo lo que corresponda." || return 1
	keys L
	wait_for "Tick all that apply." || return 1
	keys Escape
	wait_for "›[ ] 3. Green card taken" || return 1
	wait_for "[x] 2. Phone search" || return 1
	keys Enter
	wait_for "Was the phone kept?" || return 1
}

test_spanish_from_the_environment() {
	# es_ES.UTF-8 is not installed here: the words are Spanish, the
	# characters come out whole.
	start envlang 80 24 LANG=es_ES.UTF-8 -- --guide "$mini"
	wait_for "Pulse Intro para empezar." || return 1
	wait_for "Esto es información legal, no asesoría legal." || return 1
	wait_for "For English, press L." || return 1
	keys Enter
	wait_for "¿Quién es usted?" || return 1
	wait_for "Sobre usted · Paso 1" || return 1
	keys Down Enter
	wait_for "¿Qué pasó?" || return 1
	wait_for "Marque con Espacio todas las que correspondan" || return 1
}

test_bilingual_view() {
	start bi 120 24 -- --guide "$mini"
	to_first_question || return 1
	keys B
	wait_for "Two languages: questions and answers are shown in both." || return 1
	wait_re "Who are you\? +│ ¿Quién es usted\?" || return 1
	wait_re "›1\. Permanent resident +│ 1\. Residente permanente" || return 1
	T resize-window -t "$cur" -x 80 -y 24
	wait_line " ¿Quién es usted?" || return 1
	wait_line "    Residente permanente" || return 1
	T resize-window -t "$cur" -x 50 -y 24
	keys Down
	wait_for "Two languages need a wider window." || return 1
	no_text "¿Quién" || return 1
	T resize-window -t "$cur" -x 120 -y 24
	keys L
	wait_re "¿Quién es usted\? +│ Who are you\?" || return 1
	keys B
	wait_for "De nuevo en un solo idioma." || return 1
	no_text "Who are you?" || return 1
}

test_trainer_notes() {
	start notes 80 24 -- --guide "$wide"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "DHS TRIP." || return 1
	no_text "ask for the date" || return 1
	keys t
	wait_for "Trainer notes are shown." || return 1
	wait_for "Trainer note: Volunteer: ask for the date of the crossing first." || return 1
	keys t
	wait_for "Trainer notes are hidden." || return 1
	no_text "ask for the date" || return 1
}

# The walk of mini.yaml to the phone question: permanent resident, face
# photo and phone search, past the information screen.
to_phone_question() {
	to_first_question || return 1
	keys Enter
	wait_for "What happened?" || return 1
	keys Space Down Space
	wait_for "[x] 2. Phone search" || return 1
	keys Enter
	wait_for "Face photos are kept by CBP." || return 1
	keys Enter
	wait_for "Was the phone kept?" || return 1
}

test_save_then_resume() {
	mkdir -p "$work/save"
	prelude="cd '$work/save'"
	start save 80 24 -- --guide "$mini"
	to_phone_question || return 1
	keys s
	wait_for "Save answers" || return 1
	wait_for "answers.yaml" || return 1
	keys Enter
	wait_for "Answers saved in $work/save/answers.yaml" || return 1
	check_file "$work/save/answers.yaml" 600 'choice: ["face", "phone"]' || return 1
	# On to the results, uninterrupted.
	keys 1
	wait_for "Were you harmed?" || return 1
	keys 1
	wait_for "Possible remedies" || return 1
	save results-once
	keys q
	wait_for "What you changed since you last saved will not be kept." || return 1
	keys y
	wait_exit 0 || return 1
	wait_for "Goodbye. Nothing was kept but the files you chose to save." || return 1
	T kill-session -t "$cur"
	# Resumed: the same place, and the same results.
	prelude="cd '$work/save'"
	start resume 80 24 -- --guide "$mini" --answers "$work/save/answers.yaml"
	wait_for "Was the phone kept?" || return 1
	wait_for "Answers loaded from $work/save/answers.yaml" || return 1
	keys 1
	wait_for "Were you harmed?" || return 1
	keys 1
	wait_for "Possible remedies" || return 1
	same results-once || return 1
	# A complete file resumes on the results.
	keys s
	wait_for "Save answers" || return 1
	keys C-u
	type_text "done.yaml"
	keys Enter
	wait_for "Answers saved in" || return 1
	T kill-session -t "$cur"
	start resumed-done 80 24 -- --guide "$mini" --answers "$work/save/done.yaml"
	wait_for "Possible remedies" || return 1
	keys x
	wait_gone "Answers loaded from" || return 1
	same results-once || return 1
}

test_changed_guide_notice() {
	start changed 80 24 -- --guide "$mini" --answers "$dir/../answers/changed-guide.yaml" --lang es
	wait_for "La guía cambió desde que se guardaron estas respuestas." || return 1
	wait_for "Respuestas usadas: 1/2" || return 1
	keys Enter
	wait_gone "La guía cambió" || return 1
	wait_for "¿Qué pasó?" || return 1
}

test_save_refuses_and_fails_cleanly() {
	mkdir -p "$work/ow"
	echo "keep me" > "$work/ow/answers.yaml"
	prelude="cd '$work/ow'"
	start ow 80 24 -- --guide "$mini"
	to_first_question || return 1
	keys s
	wait_for "Save answers" || return 1
	keys Enter
	wait_for "This file already exists. Replace it?" || return 1
	keys n
	wait_gone "This file already exists." || return 1
	wait_for "Save answers" || return 1
	[ "$(cat "$work/ow/answers.yaml")" = "keep me" ] || { why="the file was replaced"; return 1; }
	# A folder that does not exist.
	keys C-u
	type_text "/nonexistent-folder/answers.yaml"
	keys Enter
	wait_for "Nothing was saved: that folder does not exist." || return 1
	# A folder that cannot be written (root writes anywhere it can, so
	# there the test uses /sys).
	if [ "$(id -u)" = 0 ]; then
		ro=/sys
	else
		ro=$work/ro
		mkdir -p "$ro"
		chmod 555 "$ro"
	fi
	keys C-u
	type_text "$ro/answers.yaml"
	keys Enter
	wait_re "Nothing was saved: (there is no permission to write in that folder|that disk can only be read)" || return 1
	keys C-u
	type_text "/dev/full"
	keys Enter
	wait_for "Nothing was saved: the disk is full." || return 1
	# Cancelled: the wizard goes on as it was.
	keys Escape
	wait_gone "Save answers" || return 1
	wait_for "Who are you?" || return 1
	keys Enter
	wait_for "What happened?" || return 1
	[ "$(cat "$work/ow/answers.yaml")" = "keep me" ] || { why="the file was replaced"; return 1; }
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

test_export_each_format() {
	mkdir -p "$work/exp"
	prelude="cd '$work/exp'"
	start exp 80 24 REMEDIES_TODAY=2026-11-27 -- --guide "$mini"
	to_results || return 1
	keys e
	wait_for "Export a report" || return 1
	wait_for "(•) Text" || return 1
	keys Enter
	wait_for "Report saved in $work/exp/remedies-report.txt" || return 1
	keys e
	wait_for "Export a report" || return 1
	keys Right
	wait_for "remedies-report.md" || return 1
	keys Down Space
	wait_for "[x] Include my answers (personal data)" || return 1
	keys Down Enter
	wait_for "Report saved in $work/exp/remedies-report.md" || return 1
	keys e
	wait_for "Export a report" || return 1
	keys Left
	wait_for "remedies-report.html" || return 1
	keys Enter
	wait_for "Report saved in $work/exp/remedies-report.html" || return 1
	check_file "$work/exp/remedies-report.txt" 600 "FOIA request" "Questions and answers" || return 1
	check_file "$work/exp/remedies-report.txt" 600 "2026-11-27" || return 1
	check_file "$work/exp/remedies-report.md" 600 "Questions and answers" || return 1
	check_file "$work/exp/remedies-report.html" 600 "</html>" "Questions and answers" || return 1
	# Never over a file without asking; No leaves it as it was.
	sum=$(cksum < "$work/exp/remedies-report.txt")
	keys e
	wait_for "Export a report" || return 1
	keys Enter
	wait_for "This file already exists. Replace it?" || return 1
	keys Escape
	wait_for "Export a report" || return 1
	keys Escape
	wait_gone "Export a report" || return 1
	wait_for "Possible remedies" || return 1
	[ "$(cksum < "$work/exp/remedies-report.txt")" = "$sum" ] || { why="the report was replaced"; return 1; }
	# In Spanish, the dialog and the report.
	keys L e
	wait_for "Exportar un informe" || return 1
	keys Down Down C-u
	type_text "informe.txt"
	keys Enter
	wait_for "Informe guardado en" || return 1
	check_file "$work/exp/informe.txt" 600 "Solicitud FOIA" || return 1
}

test_demo_scenario() {
	scen=$dir/../../guide/scenarios/05-foia-no-answer.yaml
	# What to expect, from the scenario itself: its title and the first
	# words of its one note (the guide's text may change).
	title=$(sed -n '/^title:/,/^story:/ s/^  en: "\(.*\)"$/\1/p' "$scen")
	note=$(sed -n '/^    note:/,/^  -/ s/^      en: "\([^ ]* [^ ]* [^ ]*\).*/\1/p' "$scen" | head -n 1)
	if [ -z "$title" ] || [ -z "$note" ]; then
		why="cannot read the title and note of $scen"
		return 1
	fi
	start demo 120 30 -- --scenario 05-foia-no-answer
	wait_for "Trainer demo" || return 1
	wait_for "$title" || return 1
	wait_for "Next step: start." || return 1
	step_until "$note" || return 1
	wait_for "Note for this step" || return 1
	# The cursor on the scenario's answer: a choice, or a date field.
	wait_re "›([0-9]\. |  Date: )" || return 1
	save at-note
	# Left: one step back, and the note goes.
	keys Left
	wait_gone "$note" || return 1
	wait_for "Trainer demo" || return 1
	keys Space
	wait_for "$note" || return 1
	same at-note || return 1
	# Taking over: another answer, and it is the normal wizard.
	keys Down Enter
	wait_for "You took over: from here on it is the normal wizard." || return 1
	wait_gone "Trainer demo" || return 1
	keys Left
	wait_re "(Choose one answer and press Enter\.|Date: )" || return 1
	no_text "Trainer demo" || return 1
}

# --- dates (issue 13) -------------------------------------------------------

# A date typed with keys: digits with the dashes put in, the arrows change
# the part in brackets; a day that does not exist and a future date get a
# message and a second try; then an urgent and an opened deadline, each
# with a mark in words, not only a colour.
test_date_keys() {
	start datekeys 80 24 REMEDIES_TODAY=2026-12-01 -- --guide "$dates"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "When were you harmed?" || return 1
	wait_for "Date: [____]-__-__" || return 1
	keys 2 0 2 2 0 6
	wait_for "Date: 2022-[06]-__" || return 1
	wait_for "June 2022" || return 1
	keys Up
	wait_for "Date: 2022-[07]-__" || return 1
	keys Left Down
	wait_for "Date: [2021]-07-__" || return 1
	wait_for "July 2021" || return 1
	keys C-u 2 0 2 6 0 2 3 0 Enter
	wait_for "That day does not exist: check the month and the day." || return 1
	wait_for "Date: 2026-02-[30]" || return 1
	keys C-u 2 0 2 7 Enter
	wait_for "That date is after today" || return 1
	keys C-u 2 0 2 6 1 1 2 0 Enter
	wait_for "Did you ask for your records?" || return 1
	keys Enter
	wait_for "When did the agency receive your request?" || return 1
	keys 2 0 2 6 0 8 Enter
	wait_for "[URGENT] Damages claim" || return 1
	wait_for "File by Sunday, December 20, 2026 (19 days from today)" || return 1
	wait_for "Ended on September 29, 2026: you may now go to court without" || return 1
	# Back to the date: the field holds the date given, to change it.
	keys Left
	wait_for "Date: 2026-[08]-__" || return 1
}

# A deadline that has passed: marked, with its warning, and moved down the
# list, never out of it.
test_date_passed() {
	start datepassed 80 30 REMEDIES_TODAY=2026-12-01 -- --guide "$dates"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "When were you harmed?" || return 1
	keys 2 0 2 2 Enter
	wait_for "Did you ask for your records?" || return 1
	keys Down Enter
	wait_for "[PASSED] Damages claim" || return 1
	wait_for "Passed on January 31, 2022: exceptions are rare; see a lawyer" || return 1
	screen
	first=$(grep -n "Go to court for your records" "$work/screen" | head -n 1 | cut -d: -f1)
	passed=$(grep -n "\[PASSED\] Damages claim" "$work/screen" | head -n 1 | cut -d: -f1)
	if [ -z "$first" ] || [ "$first" -gt "$passed" ]; then
		why="the passed remedy is not below the other one"
		return 1
	fi
	keys Down Enter
	wait_for "Passed on January 1, 2024: exceptions are rare; see a lawyer now;" || return 1
}

# --- intake walks (issue 15) ------------------------------------------------

# Answers of two digits: "11" is answer 11, never 1 and then 1 on the next
# question; a number that can go on waits for its next digit or Enter.
two_digits_at() {
	start "digits$1" "$1" "$2" -- --guide "$intake"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "In which state did it happen?" || return 1
	keys 1
	wait_for "1 — type the next digit, or press Enter for this one." || return 1
	wait_for "In which state did it happen?" || return 1
	keys 1
	wait_for "What did they take?" || return 1
	wait_for "Step 2" || return 1
	wait_for "[ ]  1. Face photo" || return 1
	keys a
	wait_for "→ Another state or territory" || return 1
	keys Escape Left
	wait_for "In which state did it happen?" || return 1
	# Enter ends the number: answer 1.
	keys 1 Enter
	wait_for "What did they take?" || return 1
	keys a
	wait_for "→ Illinois" || return 1
	keys Escape Left
	wait_for "In which state did it happen?" || return 1
	# No answer 15: nothing happens but a word why.
	keys 1 5
	wait_for "Nothing on this list has the number 15" || return 1
	wait_for "In which state did it happen?" || return 1
	# 2 cannot go on (there is no 20): at once.
	keys 2
	wait_for "What did they take?" || return 1
	keys 1 0
	wait_for "[x] 10. Voice sample" || return 1
	wait_for "[ ]  1. Face photo" || return 1
	keys 1
	wait_for "1 — type the next digit" || return 1
	keys Enter
	wait_for "[x]  1. Face photo" || return 1
	wait_for "What did they take?" || return 1
	keys 3
	wait_for "[x]  3. Iris scan" || return 1
}

test_two_digit_answers() {
	two_digits_at 100 30 || return 1
	T kill-session -t "$cur"
	two_digits_at 80 24 || return 1
}

# An information screen that two ticked branches both lead to is shown once.
test_info_screen_once() {
	start once 80 24 -- --guide "$intake"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "In which state did it happen?" || return 1
	keys 2
	wait_for "What did they take?" || return 1
	keys Space Down Space
	wait_for "[x]  2. Fingerprints" || return 1
	keys Enter
	wait_for "go into the IDENT database." || return 1
	wait_for "Step 3" || return 1
	keys Enter
	wait_for "Possible remedies" || return 1
	# Back is exact: the one information screen, then the question.
	keys Left
	wait_for "go into the IDENT database." || return 1
	keys Left
	wait_for "[x]  2. Fingerprints" || return 1
}

# The welcome screen names the guide once: in the title bar.
test_welcome_title_once() {
	for size in 100x30 80x24; do
		start "welcome$size" "${size%x*}" "${size#*x}" -- --guide "$intake"
		wait_for "Press Enter to start." || return 1
		screen
		if [ "$(grep -c "Intake test guide" "$work/screen")" != 1 ]; then
			why="$size: the title is not shown exactly once"
			return 1
		fi
		T kill-session -t "$cur"
	done
}

# The focus in dialogs shows without colour: a marker on the focused
# button or field, with NO_COLOR and on a monochrome terminal.
test_focus_without_colour() {
	start focus 80 24 NO_COLOR=1 -- --guide "$mini"
	to_results || return 1
	keys q
	wait_for "›[ Quit ]   [ Stay ]" || return 1
	keys Right
	wait_for " [ Quit ]  ›[ Stay ]" || return 1
	keys Escape
	wait_gone "[ Stay ]" || return 1
	keys e
	wait_for "│›Format:" || return 1
	keys Down
	wait_for "│›[ ] Include my answers" || return 1
	no_text "│›Format:" || return 1
	keys Down
	wait_for "│›File name:" || return 1
	T kill-session -t "$cur"
	start focusvt 100 30 TERM=vt100 -- --guide "$mini"
	to_first_question || return 1
	keys r
	wait_for "›[ Start again ]" || return 1
	keys Tab
	wait_for "›[ Cancel ]" || return 1
	no_text "›[ Start again ]" || return 1
}

# The results list shows each deadline whole, wrapped under its label,
# never cut inside a word.
test_deadline_whole() {
	for size in 100x30 80x24; do
		start "dl$size" "${size%x*}" "${size#*x}" -- --guide "$intake"
		wait_for "Enter" || return 1
		keys Enter
		wait_for "In which state did it happen?" || return 1
		keys 2
		wait_for "What did they take?" || return 1
		keys 3 Enter
		wait_for "Possible remedies" || return 1
		# Every word of the deadline, in order, on the deadline's lines.
		screen
		got=$(sed -n '/Deadline: /,/^ *$/p' "$work/screen" | sed 's/▼$//' | tr -s ' \n' '  ' | sed 's/^ *Deadline: //; s/ *$//')
		want="The written claim must reach the agency within two years after the claim accrues, or it is barred forever."
		if [ "$got" != "$want" ]; then
			why="$size: the deadline reads: $got"
			return 1
		fi
		if grep -q '…' "$work/screen" && grep '…' "$work/screen" | grep -qv ' …$'; then
			why="$size: a line is cut inside a word"
			return 1
		fi
		T kill-session -t "$cur"
	done
}

# Web addresses are never broken inside: each on a line of its own, whole
# when it fits, else cut with an ellipsis; o shows them whole, one a line,
# as the terminal wraps and copies them; OSC 8 links only where known to
# work, never inside tmux or under NO_COLOR.
urls="https://www.dhs.gov/publication/dhs-privacy-policy-guidance-memorandum-2017-01
https://www.law.cornell.edu/uscode/text/28/2401
https://www.oig.dhs.gov/reports/2020/review-cbps-major-cybersecurity-incident-during-2019-biometric-pilot/oig-20-71-sep20"

to_intake_detail() {
	wait_for "Enter" || return 1
	keys Enter
	wait_for "In which state did it happen?" || return 1
	keys 2
	wait_for "What did they take?" || return 1
	keys 3 Enter
	wait_for "Possible remedies" || return 1
	keys Enter
	wait_for "Who can use it" || return 1
	keys End
	wait_for "Citations" || return 1
}

addresses_at() {
	start "url$1" "$1" "$2" -- --guide "$intake"
	T pipe-pane -t "$cur" -o "cat >> '$work/raw$1'"
	to_intake_detail || return 1
	screen
	# Every piece of an address on screen is the start of a whole one.
	grep -o 'https://[^ ▲▼]*' "$work/screen" | sed 's/…$//' > "$work/shown"
	while read -r part; do
		if ! printf '%s\n' "$urls" | grep -q "^$part"; then
			why="$1x$2: an address broken inside: $part"
			return 1
		fi
	done < "$work/shown"
	if grep -q '^ *[a-z0-9-]*/[a-z0-9/-]*$' "$work/screen"; then
		why="$1x$2: the end of an address on a line of its own"
		return 1
	fi
	wait_for "press o to see the addresses whole" || return 1
	keys o
	wait_for "Web addresses" || return 1
	wait_for "Enter or Esc: back to the wizard" || return 1
	T capture-pane -p -J -t "$cur" > "$work/joined"
	printf '%s\n' "$urls" | while read -r u; do
		grep -qxF -- "$u" "$work/joined" || { echo "$u"; break; }
	done > "$work/missing"
	if [ -s "$work/missing" ]; then
		why="$1x$2: not whole on a line of its own: $(cat "$work/missing")"
		return 1
	fi
	keys Escape
	wait_for "Citations" || return 1
	wait_gone "Web addresses" || return 1
	if grep -q "$(printf '\033')]8;" "$work/raw$1"; then
		why="$1x$2: an OSC 8 hyperlink inside tmux"
		return 1
	fi
}

test_addresses_whole() {
	addresses_at 100 30 || return 1
	T kill-session -t "$cur"
	addresses_at 80 24 || return 1
	T kill-session -t "$cur"
	# A terminal known to show hyperlinks (no tmux in between): clickable.
	prelude="unset TMUX"
	start osc8 100 30 VTE_VERSION=7600 -- --guide "$intake"
	T pipe-pane -t "$cur" -o "cat >> '$work/raw-osc8'"
	to_intake_detail || return 1
	keys o
	wait_for "Web addresses" || return 1
	if ! grep -qF "$(printf '\033')]8;;https://www.law.cornell.edu/uscode/text/28/2401$(printf '\033')\\" "$work/raw-osc8"; then
		why="no OSC 8 hyperlink where the terminal shows them"
		return 1
	fi
	T kill-session -t "$cur"
	prelude="unset TMUX"
	start osc8nc 100 30 VTE_VERSION=7600 NO_COLOR=1 -- --guide "$intake"
	T pipe-pane -t "$cur" -o "cat >> '$work/raw-nc'"
	to_intake_detail || return 1
	keys o
	wait_for "Web addresses" || return 1
	if grep -q "$(printf '\033')]8;" "$work/raw-nc"; then
		why="an OSC 8 hyperlink under NO_COLOR"
		return 1
	fi
}

# Under valgrind: a walk with the new keys, saving and exporting; then a
# resume and a demo. No error and no definite leak (ncurses keeps some
# "possibly lost" blocks of its own).
vg_prepare() {
	wrap="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-file=$work/$1.vg"
	timeout_s=${E2E_VALGRIND_TIMEOUT:-30}
}

vg_check() {
	timeout_s=${E2E_TIMEOUT:-5}
	if [ ! -e "$work/$1.vg" ]; then
		why="valgrind did not run"
		return 1
	fi
	if [ -s "$work/$1.vg" ]; then
		why="valgrind: $(head -n 20 "$work/$1.vg")"
		return 1
	fi
}

test_valgrind_walk_save_export() {
	mkdir -p "$work/vg"
	prelude="cd '$work/vg'"
	vg_prepare vg1
	start vg1 80 24 REMEDIES_TODAY=2026-11-27 -- --guide "$mini"
	to_results || { vg_check vg1; return 1; }
	keys L
	wait_for "Ahora en español." || return 1
	keys B
	wait_for "Dos idiomas" || return 1
	keys t
	wait_for "Se muestran las notas para instructores." || return 1
	keys s
	wait_for "Guardar respuestas" || return 1
	keys Enter
	wait_for "Respuestas guardadas en" || return 1
	keys e
	wait_for "(•) Texto" || return 1
	keys Right
	wait_for "(•) Markdown" || return 1
	keys Down
	keys Space
	wait_for "[x] Incluir mis respuestas" || return 1
	keys Enter
	wait_for "Informe guardado en $work/vg/remedies-report.md" || return 1
	keys e
	wait_for "(•) Texto" || return 1
	keys Right
	wait_for "(•) Markdown" || return 1
	keys Enter
	wait_for "¿Quiere reemplazarlo?" || return 1
	keys s
	wait_for "Informe guardado en" || return 1
	keys q
	wait_for "¿Salir ahora?" || return 1
	keys s
	wait_exit 0 || { vg_check vg1; [ -n "$why" ] || why="valgrind: exit $(cat "$work/$cur.rc")"; return 1; }
	vg_check vg1 || return 1
	check_file "$work/vg/answers.yaml" 600 "guide:" || return 1
}

# A storm of resizes, many below the minimum, under valgrind: no crash, no
# error, no leak, and the screen comes back as it was.
test_valgrind_resize_storm() {
	vg_prepare vg4
	start vg4 80 24 -- --guide "$mini"
	to_first_question || { vg_check vg4; return 1; }
	keys Down
	wait_for "›2. Visitor" || return 1
	save before
	for size in 30x8 120x40 41x12 39x11 200x60 40x12 10x3 100x20 55x15 80x24 \
		33x9 150x50 45x13 20x5 90x30 40x12 60x20 25x7 130x35 80x24; do
		T resize-window -t "$cur" -x "${size%x*}" -y "${size#*x}"
	done
	T resize-window -t "$cur" -x 80 -y 24
	wait_for "›2. Visitor" || return 1
	wait_gone "Please make the window larger." || return 1
	same before || return 1
	keys q y
	wait_exit 0 || { vg_check vg4; return 1; }
	vg_check vg4 || return 1
}

test_valgrind_resume_and_demo() {
	vg_prepare vg2
	start vg2 100 30 -- --guide "$mini" --answers "$dir/../answers/changed-guide.yaml"
	wait_for "The guide has changed" || return 1
	keys Enter Space Enter
	wait_for "Face photos are kept by CBP." || return 1
	keys F12
	wait_exit 0 || { vg_check vg2; return 1; }
	vg_check vg2 || return 1
	T kill-session -t "$cur"
	vg_prepare vg3
	start vg3 100 30 -- --guide "$mini" --scenario "$dir/mini-demo.yaml"
	wait_for "Trainer demo" || return 1
	keys Space
	wait_for "Visitors cannot use the" || return 1
	keys Space
	wait_for "[x] 1. Face photo" || return 1
	keys Space
	wait_for "Face photos are kept by CBP." || return 1
	keys Left
	wait_for "[x] 1. Face photo" || return 1
	keys Space
	wait_for "Face photos are kept by CBP." || return 1
	keys Enter
	wait_for "No harm means no" || return 1
	keys 1
	wait_for "You took over" || return 1
	keys q y
	wait_exit 0 || { vg_check vg3; return 1; }
	vg_check vg3 || return 1
}

# A few runs under valgrind, where it is installed (E2E_NO_VALGRIND=1 skips
# them, for a sanitizer build that valgrind cannot run).
# Tailored advice (tests/advice/guide.yaml): the results open with what they
# are based on (f folds and shows it), then "do this first" with the urgent
# one marked in words; p groups them by path and back; Enter on an action
# opens that remedy.
test_advice_results() {
	start adv 80 30 -- --guide "$advice"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "Who are you?" || return 1
	keys 2
	wait_for "Are you detained now?" || return 1
	no_text "Visitors: a port officer" || return 1
	keys 1
	wait_for "What do you want?" || return 1
	keys Space Down Space Enter
	wait_for "Possible remedies" || return 1
	wait_for "What the remedies are based on" || return 1
	wait_for "- Your records: anyone may ask for them." || return 1
	wait_for "Do this first" || return 1
	wait_for "1. Help for detained people. Why first: URGENT:" || return 1
	wait_for "[URGENT] Help for detained people" || return 1
	# f folds the framing to its heading, and shows it again.
	keys f
	wait_for "(folded: press f to show)" || return 1
	no_text "- Your records: anyone may ask for them." || return 1
	keys f
	wait_for "- Your records: anyone may ask for them." || return 1
	# p: grouped by path, with the paths' titles; p again: best fit first.
	no_text "Records" || return 1
	keys p
	wait_line " Records" || return 1
	keys p
	wait_for "All remedies, the best fit first" || return 1
	# The cursor starts on the first action: Enter opens that remedy.
	keys Home Enter
	wait_for "Who can use it" || return 1
	wait_for "People detained now." || return 1
}

valgrind_tests=
if [ -n "$E2E_NO_VALGRIND" ]; then
	:
elif command -v valgrind >/dev/null 2>&1; then
	valgrind_tests="valgrind_walk_save_export valgrind_resume_and_demo valgrind_resize_storm"
else
	echo "e2e: valgrind is not installed; the runs under valgrind are skipped"
fi

pass=0
fail=0
started=$(now_ms)
for t in walk_to_result back_is_exact help_panel glossary search_accents review_and_change \
	resize_below_minimum quit_restores_terminal quick_exit sigterm_restores_terminal \
	sighup_and_ctrl_c ctrl_z_resumes narrow_40_columns spanish c_locale_falls_back_to_utf8 \
	no_color_and_terminals lang_switch_keeps_place spanish_from_the_environment bilingual_view \
	trainer_notes save_then_resume changed_guide_notice save_refuses_and_fails_cleanly \
	export_each_format demo_scenario date_keys date_passed \
	two_digit_answers info_screen_once welcome_title_once focus_without_colour deadline_whole addresses_whole advice_results \
	$valgrind_tests; do
	# E2E_ONLY="name..." runs only those tests (while working on them).
	case " ${E2E_ONLY:-$t} " in *" $t "*) ;; *) continue ;; esac
	why=
	t0=$(now_ms)
	if "test_$t" && [ -z "$why" ]; then
		pass=$((pass + 1))
		printf 'ok   %s (%d ms)\n' "$t" $(($(now_ms) - t0))
	else
		fail=$((fail + 1))
		printf 'FAIL %s: %s\n' "$t" "$why"
		echo "---- screen ($cur):"
		screen
		cat "$work/screen"
		echo "----"
	fi
	T kill-session -t "$cur" 2>/dev/null
done
printf 'screen tests took %d ms\n' $(($(now_ms) - started))
printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
