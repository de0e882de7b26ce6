/* SPDX-License-Identifier: MIT */
/* The intake desk in the wizard's state machine (state.c): the idle
 * countdown, and the wipe that makes the computer ready for the next person
 * (F12, or the countdown run out). */
#include "ui/desk_wipe.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/session.h"
#include "core/util.h"
#include "ui/demo.h"
#include "desk_wipe_priv.h"
#include "state_priv.h"

/* Zeroes a buffer's bytes, then frees it. */
static void wipe_buf(struct buf *b)
{
	if (b->s)
		mem_wipe(b->s, b->cap);
	buf_free(b);
}

static void wipe_string(char **s)
{
	if (*s)
		mem_wipe(*s, strlen(*s));
	free(*s);
	*s = NULL;
}

void state_wipe(struct ui_state *u)
{
	/* The ticks were made for the node on screen: wiped at its size. */
	const struct node *n = session_node(u->s);
	if (u->checked && n && u->base.kind == VIEW_NODE)
		mem_wipe(u->checked, n->nchoices);
	session_wipe(u->s);
	wipe_buf(&u->query);
	wipe_buf(&u->date);
	session_date_warning_forget(&u->warned);
	free(u->hits);
	u->hits = NULL;
	u->nhits = 0;
	u->hits_stale = true;
	wipe_buf(&u->form.name);
	wipe_string(&u->form.written);
	wipe_string(&u->form.detail);
	ui_form_free(&u->form);
	wipe_string(&u->saved_text);
	wipe_string(&u->message_owned);
	u->message = NULL;
	for (unsigned i = 0; i < u->g->nnodes; i++)
		u->left_choice[i] = u->left_scroll[i] = -1;
	u->welcome_scroll = 0;
	u->changing = false;
	u->replaying = false;
	u->started = false;
	u->wrote = false;
	u->number = 0;
	u->bilingual = false;
	u->leave_armed = false;
	u->countdown = 0;
	u->lang = u->first_lang;
	u->volunteer = u->first_volunteer;
	session_set_audience(u->s, u->volunteer ? AUDIENCE_VOLUNTEER : AUDIENCE_SELF_HELP);
	state_moved(u);
	state_say(u, M_DESK_WIPED);
	u->outcome = UI_WIPED;
}

void state_leave_now(struct ui_state *u)
{
	/* At a desk, F12 makes the computer ready for the next person; the
	 * program goes on. */
	if (u->desk) {
		state_wipe(u);
		return;
	}
	/* Forget the answers now, not only when the caller frees the session. */
	session_restart(u->s);
	u->outcome = UI_QUICK_EXIT;
}

int ui_state_idle_limit(const struct ui_state *u)
{
	return u->idle;
}

bool ui_state_pristine(const struct ui_state *u)
{
	return !u->started && session_depth(u->s) == 0 && !u->query.len && !u->wrote &&
	       u->panel == PANEL_NONE;
}

void state_end_countdown(struct ui_state *u)
{
	ui_state_countdown(u, 0);
}

void ui_state_countdown(struct ui_state *u, int left)
{
	if (left > 0) {
		if (u->panel != PANEL_IDLE) {
			u->idle_under = u->panel;
			u->panel = PANEL_IDLE;
		}
		u->countdown = left;
	} else if (u->panel == PANEL_IDLE) {
		u->panel = u->idle_under;
		u->countdown = 0;
	}
}

bool ui_state_counting_down(const struct ui_state *u)
{
	return u->panel == PANEL_IDLE;
}

enum ui_outcome ui_state_wipe(struct ui_state *u)
{
	state_wipe(u);
	return u->outcome;
}

