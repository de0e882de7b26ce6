# SPDX-License-Identifier: MIT
# Languages: Spanish, switching language in place, from the environment, the
# bilingual view. Sourced by run.sh, which runs every test_* function below,
# in order; the helpers are in lib.sh.

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
	# y in every language: s means save, here as on every screen
	keys y
	wait_exit 0 || return 1
	wait_for "Adiós. No se guardó nada." || return 1
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

# A guide in three languages (tests/guides/three-languages.yaml): the
# welcome invites the readers of each other language, L names the next
# language in that language and cycles through all three, the help lists
# them.
test_three_languages() {
	start three 100 30 -- --guide "$three"
	wait_for "Para ver esta guía en español, pulse L." || return 1
	wait_for "For français, press L." || return 1
	wait_for "L español" || return 1
	keys L
	wait_for "For English, press L." || return 1
	wait_for "Para français, pulse L." || return 1
	wait_for "L français" || return 1
	keys Enter
	wait_for "¿Quién es usted?" || return 1
	keys L
	wait_for "Qui êtes-vous ?" || return 1
	wait_for "L English" || return 1
	keys ?
	wait_for "Keys" || return 1
	keys End
	wait_for "next language (English," || return 1
	wait_for "español, français);" || return 1
	keys Escape L
	wait_for "Who are you?" || return 1
	wait_for "L español" || return 1
	keys q
	wait_for "Quit now?" || return 1
	keys y
	wait_exit 0 || return 1
}
