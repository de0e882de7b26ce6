# SPDX-License-Identifier: MIT
# Runs under valgrind (skipped where it is not installed, or with
# E2E_NO_VALGRIND=1). Sourced by run.sh, which runs every test_* function
# below, in order; the helpers are in lib.sh.
needs=valgrind

# Under valgrind: a walk with the new keys, saving and exporting; then a
# resume and a demo. No error and no definite leak (ncurses keeps some
# "possibly lost" blocks of its own).
vg_prepare() {
	wrap="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-file=$work/$1.vg"
	timeout_s=${E2E_VALGRIND_TIMEOUT:-30}
}

# vg_exit NAME: the program ends with status 0 and valgrind found nothing.
vg_exit() {
	if ! wait_exit 0; then
		vg_check "$1"
		[ -n "$why" ] || why="valgrind: exit $(cat "$work/$cur.rc")"
		return 1
	fi
	vg_check "$1"
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
	keys Right
	wait_for "[x] Incluir mis respuestas" || return 1
	keys Enter
	wait_for "Informe guardado en $work/vg/remedies-report.md" || return 1
	keys e
	wait_for "(•) Texto" || return 1
	keys Right
	wait_for "(•) Markdown" || return 1
	keys Enter
	wait_for "¿Quiere reemplazarlo?" || return 1
	keys y
	wait_for "Informe guardado en" || return 1
	keys q
	wait_for "¿Salir ahora?" || return 1
	keys y
	vg_exit vg1 || return 1
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
	vg_exit vg4 || return 1
}

test_valgrind_resume_and_demo() {
	vg_prepare vg2
	start vg2 100 30 -- --guide "$mini" --answers "$dir/../answers/changed-guide.yaml"
	wait_for "The guide has changed" || return 1
	keys Enter Space Enter
	wait_for "Face photos are kept by CBP." || return 1
	keys F12
	vg_exit vg2 || return 1
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
	vg_exit vg3 || return 1
}

# A walk through date questions under valgrind: typing, the arrows, a bad
# date, going back, the results with computed deadlines, an .ics export.
test_valgrind_dates() {
	mkdir -p "$work/vgd"
	prelude="cd '$work/vgd'"
	vg_prepare vg5
	start vg5 80 40 REMEDIES_TODAY=2026-12-01 -- --guide "$dates"
	wait_for "Press Enter to start." || { vg_check vg5; return 1; }
	keys Enter
	wait_for "Date: [____]-__-__" || return 1
	keys 2 0 2 6 0 2 3 0 Enter
	wait_for "That day does not exist" || return 1
	keys C-u 2 0 2 6 1 1 Up Left Down Enter
	wait_for "Did you ask for your records?" || return 1
	keys Left
	wait_for "Date: 2025-[12]-__" || return 1
	keys Enter
	wait_for "Did you ask for your records?" || return 1
	keys Enter
	keys 0 Enter
	wait_for "Possible remedies" || return 1
	wait_for "No date given, so the guide could not" || return 1
	keys e Left Enter
	wait_for "remedies-report.ics" || return 1
	keys q
	wait_for "Quit now?" || return 1
	keys y
	vg_exit vg5 || return 1
	check_file "$work/vgd/remedies-report.ics" 600 "BEGIN:VCALENDAR" || return 1
}
