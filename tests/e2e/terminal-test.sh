# SPDX-License-Identifier: MIT
# The terminal: sizes, quitting, signals, job control, locales, terminals
# without colour. Sourced by run.sh, which runs every test_* function below,
# in order; the helpers are in lib.sh.

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

# A message longer than the row wraps onto another, never cut (40 columns).
test_long_message_wraps() {
	start msgwrap 40 12 -- --guide "$mini"
	wait_for "Enter start" || return 1
	keys Enter
	wait_for "Who are you?" || return 1
	keys Enter
	wait_for "What happened?" || return 1
	keys Enter
	wait_line " Tick at least one answer with Space" || return 1
	wait_line " first." || return 1
	no_text "…" || return 1
}
