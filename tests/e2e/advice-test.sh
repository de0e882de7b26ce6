# SPDX-License-Identifier: MIT
# Tailored advice: what the results are based on, "do this first", grouping
# by path. Sourced by run.sh, which runs every test_* function below, in
# order; the helpers are in lib.sh.

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

# A reference to another remedy in the list ([[see:ID]]) reads as a pointer,
# and the detail screen lists it under "See also": its number opens it.
test_advice_see_also() {
	start advsee 80 30 -- --guide "$advice"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "Who are you?" || return 1
	keys 1
	wait_for "Are you detained now?" || return 1
	keys 2
	wait_for "What do you want?" || return 1
	keys Space Down Space Enter
	wait_for "All remedies, the best fit first" || return 1
	# "do this first" opens with the claim: open it
	keys Home Enter
	wait_for "A claim for money" || return 1
	keys End
	wait_for "(see \"Ask for your records\")" || return 1
	wait_for "See also" || return 1
	wait_for "1. Ask for your records" || return 1
	keys 1
	wait_for "A FOIA request." || return 1
	wait_for "Send a request to the agency." || return 1
}
