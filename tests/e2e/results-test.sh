# SPDX-License-Identifier: MIT
# Results and remedy details: deadlines and web addresses whole. Sourced by
# run.sh, which runs every test_* function below, in order; the helpers are in
# lib.sh.

# The results list shows each deadline whole, wrapped under its label,
# never cut inside a word.
test_deadline_whole() {
	for size in 100x30 80x24; do
		start "dl$size" "${size%x*}" "${size#*x}" -- --guide "$intake"
		wait_for "Enter" || return 1
		keys Enter
		wait_for "In which state did it happen?" || return 1
		keys 2
		wait_for "What did they take?" || return 1
		keys 3 Enter
		wait_for "Possible remedies" || return 1
		# Every word of the deadline, in order, on the deadline's lines.
		screen
		got=$(sed -n '/Deadline: /,/^ *$/p' "$work/screen" | sed 's/▼$//' | tr -s ' \n' '  ' | sed 's/^ *Deadline: //; s/ *$//')
		want="The written claim must reach the agency within two years after the claim accrues, or it is barred forever."
		if [ "$got" != "$want" ]; then
			why="$size: the deadline reads: $got"
			return 1
		fi
		if grep -q '…' "$work/screen" && grep '…' "$work/screen" | grep -qv ' …$'; then
			why="$size: a line is cut inside a word"
			return 1
		fi
		T kill-session -t "$cur"
	done
}


# Web addresses are never broken inside: each on a line of its own, whole
# when it fits, else cut with an ellipsis; o shows them whole, one a line,
# as the terminal wraps and copies them; OSC 8 links only where known to
# work, never inside tmux or under NO_COLOR.
urls="https://www.dhs.gov/publication/dhs-privacy-policy-guidance-memorandum-2017-01
https://www.law.cornell.edu/uscode/text/28/2401
https://www.oig.dhs.gov/reports/2020/review-cbps-major-cybersecurity-incident-during-2019-biometric-pilot/oig-20-71-sep20"

to_intake_detail() {
	wait_for "Enter" || return 1
	keys Enter
	wait_for "In which state did it happen?" || return 1
	keys 2
	wait_for "What did they take?" || return 1
	keys 3 Enter
	wait_for "Possible remedies" || return 1
	keys Enter
	wait_for "Who can use it" || return 1
	keys End
	wait_for "Citations" || return 1
}

addresses_at() {
	start "url$1" "$1" "$2" -- --guide "$intake"
	T pipe-pane -t "$cur" -o "cat >> '$work/raw$1'"
	to_intake_detail || return 1
	screen
	# Every piece of an address on screen is the start of a whole one.
	grep -o 'https://[^ ▲▼]*' "$work/screen" | sed 's/…$//' > "$work/shown"
	while read -r part; do
		if ! printf '%s\n' "$urls" | grep -q "^$part"; then
			why="$1x$2: an address broken inside: $part"
			return 1
		fi
	done < "$work/shown"
	if grep -q '^ *[a-z0-9-]*/[a-z0-9/-]*$' "$work/screen"; then
		why="$1x$2: the end of an address on a line of its own"
		return 1
	fi
	wait_for "press o to see the addresses whole" || return 1
	keys o
	wait_for "Web addresses" || return 1
	wait_for "Enter or Esc: back to the wizard" || return 1
	T capture-pane -p -J -t "$cur" > "$work/joined"
	printf '%s\n' "$urls" | while read -r u; do
		grep -qxF -- "$u" "$work/joined" || { echo "$u"; break; }
	done > "$work/missing"
	if [ -s "$work/missing" ]; then
		why="$1x$2: not whole on a line of its own: $(cat "$work/missing")"
		return 1
	fi
	keys Escape
	wait_for "Citations" || return 1
	wait_gone "Web addresses" || return 1
	if grep -q "$(printf '\033')]8;" "$work/raw$1"; then
		why="$1x$2: an OSC 8 hyperlink inside tmux"
		return 1
	fi
}

test_addresses_whole() {
	addresses_at 100 30 || return 1
	T kill-session -t "$cur"
	addresses_at 80 24 || return 1
	T kill-session -t "$cur"
	# A terminal known to show hyperlinks (no tmux in between): clickable.
	prelude="unset TMUX"
	start osc8 100 30 VTE_VERSION=7600 -- --guide "$intake"
	T pipe-pane -t "$cur" -o "cat >> '$work/raw-osc8'"
	to_intake_detail || return 1
	keys o
	wait_for "Web addresses" || return 1
	if ! grep -qF "$(printf '\033')]8;;https://www.law.cornell.edu/uscode/text/28/2401$(printf '\033')\\" "$work/raw-osc8"; then
		why="no OSC 8 hyperlink where the terminal shows them"
		return 1
	fi
	T kill-session -t "$cur"
	prelude="unset TMUX"
	start osc8nc 100 30 VTE_VERSION=7600 NO_COLOR=1 -- --guide "$intake"
	T pipe-pane -t "$cur" -o "cat >> '$work/raw-nc'"
	to_intake_detail || return 1
	keys o
	wait_for "Web addresses" || return 1
	if grep -q "$(printf '\033')]8;" "$work/raw-nc"; then
		why="an OSC 8 hyperlink under NO_COLOR"
		return 1
	fi
}
