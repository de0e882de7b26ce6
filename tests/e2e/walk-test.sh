# SPDX-License-Identifier: MIT
# The walk: from the welcome to the results and back, review and change,
# answers by number. Sourced by run.sh, which runs every test_* function
# below, in order; the helpers are in lib.sh.

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

test_review_and_change() {
	start review 80 24 -- --guide "$mini"
	to_results || return 1
	wait_for "Privacy Act access" || return 1
	keys a
	wait_for "Your answers" || return 1
	wait_for "→ Permanent resident" || return 1
	wait_for "→ Face photo" || return 1
	# An information screen passed on the way is not an answer: not listed.
	wait_for "3. Were you harmed?" || return 1
	no_text "(read)" || return 1
	no_text "Face photos are kept by CBP." || return 1
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
	wait_for "Answer changed. Later answers kept: 2" || return 1
	wait_for "Possible remedies" || return 1
	no_text "›Privacy Act access" || return 1
	wait_for "Why not other remedies? (1)" || return 1
	keys w
	wait_for "Ruled out by your answers" || return 1
	wait_for "because you answered \"Visitor\" (Who are you?)" || return 1
	wait_for "Only citizens and LPRs may use it." || return 1
}

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

# "None of these" (alone: true) cannot stay ticked with another answer:
# ticking it takes the other ticks off, ticking another takes it off, and
# the line above the footer says why.
test_alone_choice() {
	start alone 80 24 -- --guide "$alone"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "Is any of this true today?" || return 1
	keys 1 2
	wait_for "[x] 2. A hearing" || return 1
	wait_for "[x] 1. Detained" || return 1
	keys 3
	wait_for "[x] 3. None of these" || return 1
	wait_for "[ ] 1. Detained" || return 1
	wait_for "[ ] 2. A hearing" || return 1
	wait_for '"None of these" goes alone: the other ticks were taken off.' || return 1
	keys Up Space
	wait_for "[x] 2. A hearing" || return 1
	wait_for "[ ] 3. None of these" || return 1
	wait_for '"None of these" was unticked: it cannot go with other answers.' || return 1
	keys Enter
	wait_for "Possible remedies" || return 1
	wait_for "FOIA request" || return 1
	keys a
	wait_for "Your answers" || return 1
	wait_for "→ A hearing" || return 1
	no_text "None of these" || return 1
}
