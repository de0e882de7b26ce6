# SPDX-License-Identifier: MIT
# Date questions. Sourced by run.sh, which runs every test_* function below,
# in order; the helpers are in lib.sh.

# A date typed with keys: digits with the dashes put in, the arrows change
# the part in brackets; a day that does not exist and a future date get a
# message and a second try; then an urgent and an opened deadline, each
# with a mark in words, not only a colour.
test_date_keys() {
	start datekeys 80 40 REMEDIES_TODAY=2026-12-01 -- --guide "$dates"
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
	# Deadlines are shown whole, wrapped: the last remedy is further down.
	keys End
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
	# The list shows the most recent of the deadlines that passed.
	wait_for "Passed on January 1, 2024: exceptions are rare; see a lawyer" || return 1
	screen
	first=$(grep -n "Go to court for your records" "$work/screen" | head -n 1 | cut -d: -f1)
	passed=$(grep -n "\[PASSED\] Damages claim" "$work/screen" | head -n 1 | cut -d: -f1)
	if [ -z "$first" ] || [ "$first" -gt "$passed" ]; then
		why="the passed remedy is not below the other one"
		return 1
	fi
	keys Down Enter
	wait_for "Passed on January 1, 2024: exceptions are rare; see a lawyer now;" || return 1
	wait_for "Passed on January 31, 2022: exceptions are rare; see a lawyer now;" || return 1
}

# A date that disagrees with the range answered just before (the guide's
# `agrees`): the message shows and the date stays in the field; Left goes
# back to change the range, after which the same date goes straight on.
test_date_disagrees() {
	start dateagree 80 24 REMEDIES_TODAY=2026-12-01 -- --guide "$agrees"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "When were you harmed?" || return 1
	keys Enter
	wait_for "On what date?" || return 1
	keys 2 0 2 0 Enter
	wait_for "That is more than two years ago. To keep this date anyway, press" || return 1
	wait_for "Date: [2020]-__-__" || return 1
	keys Escape
	wait_for "When were you harmed?" || return 1
	keys Down Enter
	wait_for "On what date?" || return 1
	keys C-u 2 0 2 3 Enter
	wait_for "Damages claim" || return 1
	no_text "That is not two to five years ago." || return 1
}
