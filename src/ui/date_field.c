/* SPDX-License-Identifier: MIT */
/* The date field of the wizard: a date question's answer typed as digits
 * (the dashes put in), stepped with the arrows, checked, and given to the
 * session. Part of the screen state machine (state_priv.h). */
#include "date_field.h"

#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/deadline.h"
#include "core/guide.h"
#include "core/msg.h"
#include "core/session.h"
#include "core/util.h"
#include "ui/demo.h"
#include "state_priv.h"
#include "walk_keys.h"

/* How many parts the field holds: "2022" 1, "2022-0" 2, "2022-06-1" 3. */
static int date_parts(const struct buf *b)
{
	return b->len == 0 ? 0 : b->len <= 4 ? 1 : b->len <= 7 ? 2 : 3;
}

/* Digits go in with the dashes put in for the person: 2, 0, 2, 2, 0, 6
 * makes 2022-06. */
static void date_insert(struct ui_state *u, int key)
{
	struct buf *b = &u->date;
	if (key != '-' && (key < '0' || key > '9')) {
		state_say(u, M_UI_DATE_DIGITS);
		return;
	}
	if (key == '-') {
		if (b->len == 4 || b->len == 7)
			buf_addc(b, '-');
		return;
	}
	if (b->len == 1 && b->s[0] == '0')
		return;
	/* A whole part under the cursor with more after it, or a whole date
	 * (given before, or typed and now corrected): the digit starts that
	 * part afresh, as its highlight promises, and the parts after it go.
	 * The last part still being typed is simply added to. */
	static const size_t part_start[] = {0, 5, 8};
	size_t typed = b->len && b->s[b->len - 1] == '-' ? b->len - 1 : b->len;
	int whole = typed == 0 ? 0 : typed <= 4 ? 1 : typed <= 7 ? 2 : 3;
	if (u->date_part >= 0 && u->date_part < 3 && (u->date_part < whole - 1 || b->len >= 10)) {
		b->len = part_start[u->date_part];
		b->s[b->len] = '\0';
	}
	if (b->len == 4 || b->len == 7)
		buf_addc(b, '-');
	buf_addc(b, (char)key);
	u->date_part = date_parts(b) - 1;
}

/* Up and Down: the part under the cursor one step on, wrapping within its
 * range (the day within the month); an empty field starts at today. */
static void date_step(struct ui_state *u, int delta)
{
	struct buf *b = &u->date;
	int y, m = 1, d = 1, parts = date_parts(b);
	if (parts == 0 || (b->len == 1 && b->s[0] == '0')) {
		cal_ymd(session_today(u->s), &y, &m, &d);
		parts = 3;
		u->date_part = 2;
	} else {
		y = atoi(b->s);
		if (parts >= 2)
			m = atoi(b->s + 5);
		if (parts == 3)
			d = atoi(b->s + 8);
	}
	if (u->date_part >= parts)
		u->date_part = parts - 1;
	if (b->len && (b->s[b->len - 1] == '-'))
		parts--;
	if (u->date_part >= parts)
		u->date_part = parts - 1;
	if (u->date_part == 0)
		y += delta;
	else if (u->date_part == 1)
		m = (m - 1 + delta + 12) % 12 + 1;
	y = y < CAL_MIN_YEAR ? CAL_MIN_YEAR : y > CAL_MAX_YEAR ? CAL_MAX_YEAR : y;
	m = m < 1 ? 1 : m > 12 ? 12 : m;
	int last = cal_month_days(y, m);
	if (u->date_part == 2)
		d = (d - 1 + delta + last) % last + 1;
	d = d < 1 ? 1 : d > last ? last : d;
	buf_free(b);
	if (parts >= 3)
		buf_printf(b, "%04d-%02d-%02d", y, m, d);
	else if (parts == 2)
		buf_printf(b, "%04d-%02d", y, m);
	else
		buf_printf(b, "%04d", y);
}

static void date_confirm(struct ui_state *u)
{
	const struct node *n = session_node(u->s);
	struct cal_date d;
	enum date_check c = deadline_check_date(n, u->date.s ? u->date.s : "", session_today(u->s),
	                                        &d);
	if (!u->date.len) {
		state_say(u, M_UI_DATE_DIGITS);
		return;
	}
	if (c != DATE_OK) {
		/* A clear message, and the field kept as typed for a second try. */
		state_say(u, deadline_check_msg(c));
		return;
	}
	/* A date that disagrees with an earlier answer is shown the guide's
	 * message first, and taken when confirmed again unchanged. */
	const lstr *why = session_date_check(u->s, &d, &u->warned);
	if (why) {
		const struct guide *g = session_guide(u->s);
		char *text = guide_text(g, guide_str(g, why, u->lang), u->lang, GUIDE_TEXT_PLAIN);
		state_set_message(u, xasprintf(msg(u->lang, M_UI_DATE_KEEP), text));
		free(text);
		return;
	}
	state_leave_base(u);
	if (session_answer_date(u->s, &d) == SESSION_OK)
		state_after_answer(u);
}

/* The keys of a date question's field; false when the action is not the
 * field's (help, quit, language... act as on any question). */
bool date_field_act(struct ui_state *u, enum action a, int key)
{
	const struct node *n = session_node(u->s);
	if (u->panel != PANEL_NONE || u->depth > 0 || u->base.kind != VIEW_NODE || !n ||
	    n->kind != NODE_DATE)
		return false;
	int parts = date_parts(&u->date);
	switch (a) {
	case ACT_INSERT: date_insert(u, key); return true;
	case ACT_DELETE_CHAR:
		if (!u->date.len) {
			/* Backspace on an empty field: back, as the key table says
			 * (the search field's deletion did nothing here). */
			state_back(u);
			return true;
		}
		u->date.s[--u->date.len] = '\0';
		if (u->date.len && u->date.s[u->date.len - 1] == '-')
			u->date.s[--u->date.len] = '\0';
		u->date_part = parts > 1 ? date_parts(&u->date) - 1 : 0;
		return true;
	case ACT_CLEAR:
		buf_free(&u->date);
		u->date_part = 0;
		return true;
	case ACT_UP:
	case ACT_DOWN: date_step(u, a == ACT_UP ? 1 : -1); return true;
	case ACT_PREV_BUTTON:
		/* In the demo, Left is "one step back", as on every screen. */
		if (u->demo && !u->demo_touched && ui_demo_entry(u->demo, u->s) >= 0)
			state_back(u);
		else if (u->date_part > 0)
			u->date_part--;
		return true;
	case ACT_NEXT_BUTTON:
		if (u->date_part + 1 < parts)
			u->date_part++;
		return true;
	case ACT_CONFIRM: date_confirm(u); return true;
	case ACT_TOGGLE:
		/* Space takes the demo's next step, as on any question. */
		if (u->demo && ui_demo_entry(u->demo, u->s) >= 0)
			date_confirm(u);
		else
			state_say(u, M_UI_DATE_DIGITS);
		return true;
	case ACT_DIGIT: state_say(u, M_UI_DATE_DIGITS); return true;
	default: return false;
	}
}
