# SPDX-License-Identifier: MIT
# Panels and screens over the walk: help, glossary, search, the focus without
# colour. Sourced by run.sh, which runs every test_* function below, in order;
# the helpers are in lib.sh.

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

# The focus in dialogs shows without colour: a marker on the focused
# button or field, with NO_COLOR and on a monochrome terminal.
test_focus_without_colour() {
	start focus 80 24 NO_COLOR=1 -- --guide "$mini"
	to_results || return 1
	keys q
	wait_for " [ Quit ]  ›[ Stay ]" || return 1
	keys Left
	wait_for "›[ Quit ]   [ Stay ]" || return 1
	no_text "›[ Stay ]" || return 1
	keys Escape
	wait_gone "[ Stay ]" || return 1
	keys e
	wait_for "│›Format:" || return 1
	keys Down
	wait_for "│›[ ] Include my answers" || return 1
	no_text "│›Format:" || return 1
	keys Down
	wait_for "│›Case or intake number" || return 1
	keys Down
	wait_for "│›Folder:" || return 1
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

# The search finds the words people use: word stems ("fingerprint" finds
# "fingerprints") and a glossary term's other words ("how long", "cuánto
# tiempo" find what says IDENT), in English and Spanish.
test_search_words_people_use() {
	start words 80 24 -- --guide "$intake"
	wait_for "Press Enter to start." || return 1
	keys /
	wait_for "Search:" || return 1
	type_text "how long"
	wait_for "Question: Your photo and fingerprints go into the IDENT database." || return 1
	wait_for "Glossary: IDENT" || return 1
	keys C-u
	type_text "retention"
	wait_for "Question: Your photo and fingerprints go into the IDENT database." || return 1
	keys C-u
	type_text "fingerprint"
	wait_for "Question: What did they take?" || return 1
	T kill-session -t "$cur"
	start palabras 100 30 -- --guide "$intake" --lang es
	wait_for "Pulse Intro para empezar." || return 1
	keys /
	wait_for "Buscar:" || return 1
	type_text "cuánto tiempo"
	wait_for "Pregunta: Su foto y sus huellas van a la base de datos IDENT." || return 1
	keys C-u
	type_text "guardaban"
	wait_for "Glosario: IDENT" || return 1
}

# The search reopened shows the last query selected: typing replaces it,
# an arrow keeps it, Backspace clears it. At 100x30 and 80x24.
search_again_at() {
	start "again$1" "$1" "$2" -- --guide "$intake"
	wait_for "Press Enter to start." || return 1
	keys /
	wait_for "Search:" || return 1
	type_text "how long"
	wait_for "Found: 2" || return 1
	keys Escape
	wait_gone "Search:" || return 1
	keys /
	wait_for "Search: how long" || return 1
	wait_for "typing starts a new search; the arrows keep this one." || return 1
	T capture-pane -e -p -t "$cur" > "$work/sgr"
	if ! grep "Search: " "$work/sgr" | grep -q '46mhow long'; then
		why="$1x$2: the old query is not shown selected"
		return 1
	fi
	type_text "finger"
	wait_line " Search: finger" || return 1
	wait_for "Question: What did they take?" || return 1
	no_text "typing starts a new search" || return 1
	keys Escape
	wait_gone "Search:" || return 1
	keys /
	wait_for "Search: finger" || return 1
	keys Down
	wait_gone "typing starts a new search" || return 1
	type_text "s"
	wait_line " Search: fingers" || return 1
	keys Escape /
	wait_for "typing starts a new search" || return 1
	keys BSpace
	wait_line " Search:" || return 1
	wait_for "Type a word to search" || return 1
}

test_search_reopened_selected() {
	search_again_at 100 30 || return 1
	T kill-session -t "$cur"
	search_again_at 80 24 || return 1
}
