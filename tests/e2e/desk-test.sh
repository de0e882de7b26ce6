# SPDX-License-Identifier: MIT
# The intake desk (desk mode) and the volunteer view. Sourced by run.sh,
# which runs every test_* function below, in order; the helpers are in
# lib.sh. Every run here names its config file, so a /etc/remedies.conf on
# the machine changes nothing.

# desk NAME [ARG...]: remedies in desk mode on the mini guide, 80x24, with a
# desk folder of its own ($work/NAME-desk).
desk() {
	name=$1
	shift
	rm -rf "$work/$name-desk"
	mkdir -p "$work/$name-desk"
	start "$name" 80 24 REMEDIES_CONFIG=/dev/null -- --guide "$mini" --desk \
		--desk-folder "$work/$name-desk" "$@"
}

# Answers the first question (Permanent resident) and shows it in the
# review of the answers, so the answer's words are on the screen.
answer_and_review() {
	to_first_question || return 1
	keys 1
	wait_for "What happened?" || return 1
	keys a
	wait_for "Permanent resident" || return 1
}

# Nothing of the answers on the screen or in tmux's scrollback.
nothing_left() {
	T capture-pane -p -S - -t "$cur" > "$work/all" 2>/dev/null
	if grep -qF -e "Permanent resident" -e "What happened?" "$work/all"; then
		why="an answer is still on the screen or in the scrollback:
$(grep -F -e "Permanent resident" -e "What happened?" "$work/all")"
		return 1
	fi
}

test_desk_idle_wipe() {
	desk idle --idle 2
	answer_and_review || return 1
	wait_for "Are you still there?" || return 1
	wait_for "Press any key to stay." || return 1
	# A key stays: the countdown goes, the screen is as it was.
	keys x
	wait_gone "Are you still there?" || return 1
	wait_for "Permanent resident" || return 1
	# Left alone: the countdown, then the wipe.
	wait_for "Are you still there?" || return 1
	wait_for "Press Enter to start." || return 1
	wait_for "Ready for the next person" || return 1
	nothing_left || return 1
	# The next person starts from the first question, nothing remembered.
	keys Enter
	wait_for "Who are you?" || return 1
	keys a
	wait_for "You have not answered any question yet." || return 1
}

test_desk_f12_returns_to_welcome() {
	desk f12
	answer_and_review || return 1
	wait_for "F12 erase now" || return 1
	keys F12
	wait_for "Press Enter to start." || return 1
	wait_for "Ready for the next person" || return 1
	nothing_left || return 1
	# Still running: the next person can start.
	keys Enter
	wait_for "Who are you?" || return 1
}

test_desk_new_client() {
	desk newc
	answer_and_review || return 1
	keys Escape
	wait_gone "Permanent resident" || return 1
	keys c
	wait_for "New client: erase every answer" || return 1
	keys n
	wait_gone "New client: erase every answer" || return 1
	wait_for "What happened?" || return 1
	keys c
	wait_for "New client: erase every answer" || return 1
	keys y
	wait_for "Press Enter to start." || return 1
	nothing_left || return 1
}

test_desk_save_only_in_its_folder() {
	desk save
	mkdir -p "$work/elsewhere"
	to_first_question || return 1
	keys 1
	wait_for "What happened?" || return 1
	keys s
	wait_for "File name:" || return 1
	keys C-u
	type_text "$work/elsewhere/a.yaml"
	keys Enter
	wait_for "this desk saves files only in its own folder" || return 1
	if [ -e "$work/elsewhere/a.yaml" ] || [ -n "$(ls -A "$work/elsewhere")" ]; then
		why="a file was written outside the desk folder"
		return 1
	fi
	# Out through .. and a link: refused the same way.
	ln -s "$work/elsewhere" "$work/save-desk/link"
	keys C-u
	type_text "link/b.yaml"
	keys Enter
	wait_for "this desk saves files only in its own folder" || return 1
	keys C-u
	type_text "../c.yaml"
	keys Enter
	wait_for "this desk saves files only in its own folder" || return 1
	if [ -n "$(ls -A "$work/elsewhere")" ] || [ -e "$work/c.yaml" ]; then
		why="a file was written outside the desk folder"
		return 1
	fi
	# A name alone goes in the desk folder.
	keys C-u
	type_text "answers.yaml"
	keys Enter
	wait_for "Answers saved in $work/save-desk/answers.yaml" || return 1
	check_file "$work/save-desk/answers.yaml" 600 'choice: "lpr"' || return 1
}

test_desk_leaving_takes_ctrl_x_ctrl_q() {
	desk leave
	to_first_question || return 1
	no_text "q quit" || return 1
	keys q
	wait_for "This computer is shared." || return 1
	# Ctrl-C, Ctrl-\ and Ctrl-Z are keys here, not a way to a shell.
	keys C-c
	keys 'C-\'
	keys C-z
	keys 1
	wait_for "What happened?" || return 1
	# Ctrl-X then something else: nothing.
	keys C-x
	keys Down
	keys C-q
	no_text "Quit now?" || return 1
	keys C-x C-q
	wait_for "Quit now?" || return 1
	keys y
	wait_exit 0 || return 1
	nothing_left || return 1
}

test_desk_from_config_file() {
	printf '# front desk\ndesk = yes\nfolder = %s\n' "$work" > "$work/desk.conf"
	start conf 80 24 REMEDIES_CONFIG="$work/desk.conf" -- --guide "$mini"
	to_first_question || return 1
	keys F12
	wait_for "Press Enter to start." || return 1
	wait_for "Ready for the next person" || return 1
	# A mistake in the file: FILE:LINE:COL, exit 1, no wizard.
	printf 'desk = yes\nidle = soon\n' > "$work/bad.conf"
	if REMEDIES_CONFIG="$work/bad.conf" "$bin" --guide "$mini" </dev/null >"$work/out" 2>"$work/err"; then
		why="a bad config file was accepted"
		return 1
	fi
	if ! grep -qF "$work/bad.conf:2:8: error: idle must be a time" "$work/err"; then
		why="no FILE:LINE:COL message: $(cat "$work/err")"
		return 1
	fi
}

test_volunteer_view() {
	start vol 80 24 REMEDIES_CONFIG=/dev/null -- --guide "$mini" --volunteer
	wait_for "Press Enter to start." || return 1
	wait_for "v self-help view" || return 1
	keys Enter
	# The question's help on the screen, folded to one line.
	wait_for "Help: Pick the closest. LPR means green card." || return 1
	keys 1
	wait_for "[ ] 1. Face photo" || return 1
	keys 2 Enter
	wait_for "Was the phone kept?" || return 1
	keys 1
	wait_for "Possible remedies" || return 1
	# Numbered, with the key citation and the deadline inline.
	wait_re "^ *[0-9]\. Damages claim · 5 U\.S\.C\. § 552\(a\)\(3\)\(A\)$" || return 1
	wait_for "Deadline: Two years." || return 1
	wait_re "^.[0-9]\. FOIA request · 5 U\.S\.C\. § 552\(a\)\(3\)\(A\)$" || return 1
	wait_for "Deadline: Appeal within 90 working days." || return 1
	no_text "Ask for money." || return 1
	wait_for "Legal information, not legal advice." || return 1
	# The number opens the remedy.
	keys 2
	wait_for "Who can use it" || return 1
}

test_switching_views_keeps_answers() {
	start views 80 24 REMEDIES_CONFIG=/dev/null -- --guide "$mini"
	to_first_question || return 1
	no_text "Help: Pick" || return 1
	keys 1
	wait_for "What happened?" || return 1
	keys Space Enter
	wait_for "Face photos are kept by CBP." || return 1
	keys v
	wait_for "Volunteer view" || return 1
	wait_for "Face photos are kept by CBP." || return 1
	keys Enter
	wait_for "Were you harmed?" || return 1
	keys 1
	wait_for "Damages claim · 5 U.S.C." || return 1
	keys v
	wait_for "Self-help view" || return 1
	wait_for "Ask for money." || return 1
	keys a
	wait_for "Permanent resident" || return 1
	wait_for "Face photo" || return 1
	keys Escape v
	wait_for "Damages claim · 5 U.S.C." || return 1
}

# An information screen for one view only (the guide's `audience`): each
# view shows its own, both reach the same question and remedy.
test_audience_per_view() {
	aud=$dir/audience.yaml
	start aud1 80 24 -- --guide "$aud"
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "Welcome. These questions take about five minutes." || return 1
	keys Enter
	wait_for "Who are you?" || return 1
	no_text "Intake note" || return 1
	start aud2 80 24 -- --guide "$aud" --volunteer
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "Intake note: confirm the client's language" || return 1
	no_text "Welcome. These questions" || return 1
	# Switching to the self-help view passes the volunteers' note by.
	keys v
	wait_for "Who are you?" || return 1
	keys 1
	wait_for "FOIA request" || return 1
}

# The page of web addresses (o) has its own loop: at a desk F12 there wipes
# rather than leaves, and the idle wipe still comes.
test_desk_links_page() {
	desk links --idle 2
	to_results || return 1
	keys Enter
	wait_for "Who can use it" || return 1
	keys o
	wait_for "Web addresses" || return 1
	keys F12
	wait_for "Press Enter to start." || return 1
	wait_for "Ready for the next person" || return 1
	to_results || return 1
	keys Enter
	wait_for "Who can use it" || return 1
	keys o
	wait_for "Web addresses" || return 1
	wait_for "Are you still there?" || return 1
	wait_for "Press Enter to start." || return 1
	nothing_left || return 1
}

# One number per remedy in the volunteer view (uxqa row 16): the list
# below "do this first" gives its three remedies the same numbers 1 to 3 and
# goes on from 4; it once numbered them again 4 to 6.
test_volunteer_one_number_per_remedy() {
	start vol1 100 40 -- --guide "$advice" --volunteer
	wait_for "Press Enter to start." || return 1
	keys Enter
	wait_for "Who are you?" || return 1
	keys 2
	wait_for "Are you detained now?" || return 1
	keys 1
	wait_for "What do you want?" || return 1
	keys 1 2 Enter
	wait_for "Do this first" || return 1
	wait_re "^.1\. Help for detained people\. Why first" || return 1
	wait_re "^ 1\. Help for detained people · " || return 1
	wait_re "^ 3\. Ask for your records · " || return 1
	wait_re "^ 4\. Privacy Act access · " || return 1
	wait_re "^ 5\. What others did · " || return 1
	no_text " 6. " || return 1
	no_text " 8. " || return 1
	keys 4
	wait_for "Who can use it" || return 1
	wait_for "Privacy Act access" || return 1
}
