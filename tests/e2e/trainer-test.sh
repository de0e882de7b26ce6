# SPDX-License-Identifier: MIT
# Trainer notes and the trainer demo. Sourced by run.sh, which runs every
# test_* function below, in order; the helpers are in lib.sh.

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

# The demo's side panel scrolls with [ and ] when its notes do not fit.
test_demo_panel_scrolls() {
	start demoscroll 100 12 -- --guide "$mini" --scenario "$dir/mini-demo.yaml"
	wait_for "Trainer demo" || return 1
	wait_for "Next step: start." || return 1
	no_text "Space or Enter: next step." || return 1
	keys ]
	wait_for "Space or Enter: next step." || return 1
	no_text "A visitor at the airport" || return 1
	keys [
	wait_for "A visitor at the airport" || return 1
	# A new step starts at the top of the panel.
	keys ] Space
	wait_for "Visitors cannot use the" || return 1
	wait_for "A visitor at the airport" || return 1
}
