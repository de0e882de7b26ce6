# SPDX-License-Identifier: MIT
# Saving answers, resuming, the changed-guide notice, failures, exporting
# reports. Sourced by run.sh, which runs every test_* function below, in
# order; the helpers are in lib.sh.

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
	# A folder that cannot be written (lib.sh: chmod, or as root a
	# read-only tmpfs the test mounts itself).
	ro=$work/ro
	if unwritable "$ro"; then
		keys C-u
		type_text "$ro/answers.yaml"
		keys Enter
		wait_re "Nothing was saved: (there is no permission to write in that folder|that disk can only be read)" || { writable "$ro"; return 1; }
		writable "$ro"
	else
		skip "read-only folder in the save dialog: cannot make one here"
	fi
	keys C-u
	type_text "/dev/full"
	keys Enter
	# a device is never written without a yes (issue 11 item 7)
	wait_for "This file already exists. Replace it?" || return 1
	keys y
	wait_for "Nothing was saved: the disk is full." || return 1
	# Cancelled: the wizard goes on as it was.
	keys Escape
	wait_gone "Save answers" || return 1
	wait_for "Who are you?" || return 1
	keys Enter
	wait_for "What happened?" || return 1
	[ "$(cat "$work/ow/answers.yaml")" = "keep me" ] || { why="the file was replaced"; return 1; }
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
	keys Down Right
	wait_for "[x] Include my answers (personal data)" || return 1
	keys Down Enter
	wait_for "Report saved in $work/exp/remedies-report.md" || return 1
	keys e
	wait_for "Export a report" || return 1
	keys Left Left
	wait_for "remedies-report.html" || return 1
	keys Enter
	wait_for "Report saved in $work/exp/remedies-report.html" || return 1
	# The deadlines for a calendar: the format before Text.
	keys e
	wait_for "Export a report" || return 1
	keys Left
	wait_for "remedies-report.ics" || return 1
	keys Enter
	wait_for "Report saved in $work/exp/remedies-report.ics" || return 1
	check_file "$work/exp/remedies-report.ics" 600 "BEGIN:VCALENDAR" || return 1
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
	# Format, answers, case number (left empty), folder, name.
	keys Down Down
	wait_for "Número de caso o de admisión (opcional, solo en este informe):" || return 1
	keys Down Down C-u
	type_text "informe.txt"
	keys Enter
	wait_for "Informe guardado en" || return 1
	check_file "$work/exp/informe.txt" 600 "Solicitud FOIA" || return 1
}

# The save and export dialogs: the folder shown and editable, Tab completes
# it, the file goes where the dialog says, the folder is kept for the rest
# of the run, and the message says where the file went.
folders_at() {
	base=$work/fold$1
	mkdir -p "$base/cases/maria" "$base/cases/mario" "$base/other"
	prelude="cd '$base'"
	start "fold$1" "$1" "$2" -- --guide "$mini"
	to_results || return 1
	keys s
	wait_for "Save answers" || return 1
	wait_for "Goes to:" || return 1
	wait_for "$base/answers.yaml" || return 1
	keys Up C-u
	type_text "$base/ca"
	keys Tab
	wait_for "$base/cases/answers.yaml" || return 1
	type_text "mar"
	keys Tab
	wait_for "Tab found: " || return 1
	wait_for "maria/" || return 1
	wait_for "$base/cases/mari/answers.yaml" || return 1
	type_text "a"
	keys Tab
	wait_for "$base/cases/maria/answers.yaml" || return 1
	# Down: back to the name.
	keys Down C-u
	type_text "a.yaml"
	wait_for "$base/cases/maria/a.yaml" || return 1
	keys Enter
	wait_for "Answers saved in $base/cases/maria/a.yaml" || return 1
	check_file "$base/cases/maria/a.yaml" 600 "guide:" || return 1
	keys s
	wait_for "$base/cases/maria/answers.yaml" || return 1
	keys Enter
	wait_for "Answers saved in $base/cases/maria/answers.yaml" || return 1
	check_file "$base/cases/maria/answers.yaml" 600 "guide:" || return 1
	# A path typed in the name shows where it really goes.
	keys s
	wait_for "$base/cases/maria/answers.yaml" || return 1
	keys C-u
	type_text "../mario/b.yaml"
	wait_for "maria/../mario/b.yaml" || return 1
	no_text "$base/cases/maria/answers.yaml" || return 1
	keys Escape
	# The export dialog opens in the folder last written to.
	keys e
	wait_for "Export a report" || return 1
	wait_for "$base/cases/maria/remedies-report.txt" || return 1
	keys Enter
	# The whole path, on a row of its own when the message is too long.
	wait_for "Report saved in" || return 1
	wait_for "$base/cases/maria/remedies-report.txt" || return 1
	check_file "$base/cases/maria/remedies-report.txt" 600 "FOIA request" || return 1
}

test_dialog_folders() {
	folders_at 100 30 || return 1
	T kill-session -t "$cur"
	folders_at 80 24 || return 1
}

# Quitting with answers not saved offers to save them first: s saves (as on
# every screen) and then quits; Enter alone stays (issue 11 item 2).
test_quit_saves_first() {
	mkdir -p "$work/qsave"
	prelude="cd '$work/qsave'"
	start qsave 80 24 -- --guide "$mini"
	to_phone_question || return 1
	keys q
	wait_for "Press s to save them first, y to quit, n to stay." || return 1
	keys Enter
	wait_for "Was the phone kept?" || return 1
	keys q
	wait_for "Press s to save them first" || return 1
	keys s
	wait_for "Save answers" || return 1
	keys Enter
	wait_exit 0 || return 1
	wait_for "Goodbye. Nothing was kept but the files you chose to save." || return 1
	check_file "$work/qsave/answers.yaml" 600 'choice: ["face", "phone"]' || return 1
}
