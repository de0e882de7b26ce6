/* SPDX-License-Identifier: MIT */
/* The keys that walk the guide, for the wizard's state machine (state.c):
 * Enter (answer, continue, open what the cursor is on), Space (tick),
 * digits (take a numbered item) and Back (the screen under, or the previous
 * question, or out of a change begun from the review). */
#include "walk_keys.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/session.h"
#include "core/tailor.h"
#include "core/util.h"
#include "ui/demo.h"
#include "ui/layout.h"
#include "state_priv.h"

/* Re-applies remembered answers until the walk is as deep as it was; used
 * when a change started from the review is abandoned. */
static void replay_to(struct ui_state *u, size_t depth)
{
	while (session_depth(u->s) < depth) {
		const struct node *n = session_node(u->s);
		if (!n)
			break;
		size_t k;
		const unsigned *c = session_remembered(u->s, session_node_index(u->s), &k);
		const struct cal_date *d = session_remembered_date(u->s, session_node_index(u->s));
		enum session_status st = n->kind == NODE_INFO ? session_continue(u->s)
		                         : d ? session_answer_date(u->s, d)
		                         : c ? session_answer(u->s, c, k) : SESSION_BAD_COUNT;
		if (st != SESSION_OK)
			break;
	}
}

void state_after_answer(struct ui_state *u)
{
	if (u->changing || u->replaying) {
		size_t steps = session_replay_remembered(u->s);
		/* Counted as the review lists answers: information screens passed
		 * again are not answers kept (uxqa row 24). */
		const struct guide *g = session_guide(u->s);
		size_t len = session_history_len(u->s), kept = 0;
		for (size_t i = len - steps; i < len; i++)
			kept += g->nodes[session_history_node(u->s, i)].kind != NODE_INFO;
		u->changing = false;
		/* The replay stops at a screen the change brought up (a new
		 * information screen or question); once that is answered, the
		 * answers remembered after it are kept in turn, not each asked
		 * again as they were. */
		u->replaying = !session_finished(u->s);
		if (kept)
			state_set_message(u, xasprintf("%s %zu", msg(u->lang, M_UI_KEPT), kept));
	}
	/* An answer that is not the scenario's ends the demo: the trainer has
	 * taken over. Decided before the next screen is set up, which would
	 * otherwise show the scenario's choice. */
	if (u->demo && !ui_demo_on_script(u->demo, u->s)) {
		u->demo = NULL;
		state_say(u, M_UI_DEMO_TOOK_OVER);
	}
	state_moved(u);
}

static void answer(struct ui_state *u, const unsigned *c, size_t n)
{
	state_leave_base(u);
	if (session_answer(u->s, c, n) == SESSION_OK)
		state_after_answer(u);
}

static int cursor_choice(const struct ui_state *u)
{
	const struct layout *l = u->lay;
	int c = state_cursor_item(u);
	if (c < 0 || c >= l->nitems || l->items[c].kind != LI_CHOICE)
		return -1;
	return l->items[c].index;
}

static void confirm_node(struct ui_state *u)
{
	const struct node *n = session_node(u->s);
	if (!n)
		return;
	if (n->kind == NODE_INFO) {
		state_leave_base(u);
		if (session_continue(u->s) == SESSION_OK)
			state_after_answer(u);
		return;
	}
	if (n->kind == NODE_QUESTION) {
		int c = cursor_choice(u);
		if (c >= 0) {
			unsigned one = (unsigned)c;
			answer(u, &one, 1);
		}
		return;
	}
	unsigned *v = xcalloc(n->nchoices + 1, sizeof *v);
	size_t k = 0;
	for (unsigned i = 0; i < n->nchoices; i++)
		if (u->checked[i] && session_choice_visible(u->s, i))
			v[k++] = i;
	if (k)
		answer(u, v, k);
	else
		state_say(u, M_UI_TICK_FIRST);
	free(v);
}

void state_confirm(struct ui_state *u)
{
	struct screen_frame *f = state_top(u);
	const struct layout *l = u->lay;
	int c = state_cursor_item(u);
	const struct lay_item *it = c >= 0 && c < l->nitems ? &l->items[c] : NULL;
	switch (f->kind) {
	case VIEW_WELCOME:
		state_leave_base(u);
		u->started = true;
		state_moved(u);
		break;
	case VIEW_NODE:
		confirm_node(u);
		break;
	case VIEW_RESULTS:
	case VIEW_SEARCH:
		if (!it)
			break;
		if (it->kind == LI_REMEDY) {
			state_push(u, VIEW_DETAIL)->remedy = it->index;
		} else if (it->kind == LI_WHY_NOT) {
			state_push(u, VIEW_WHY_NOT);
		} else if (it->kind == LI_TERM) {
			state_open_panel(u, PANEL_TERM, it->index);
		} else if (it->kind == LI_NODE) {
			state_open_panel(u, PANEL_QUESTION, it->index);
		}
		break;
	case VIEW_DETAIL:
		/* "See also": a remedy this one refers to, in the list too */
		if (it && it->kind == LI_REMEDY)
			state_push(u, VIEW_DETAIL)->remedy = it->index;
		break;
	case VIEW_REVIEW:
		if (!it || it->kind != LI_ANSWER)
			break;
		u->change_from = session_depth(u->s);
		u->change_at = (size_t)it->index;
		state_leave_base(u);
		session_rewind(u->s, u->change_at);
		u->changing = true;
		u->replaying = false;
		state_moved(u);
		break;
	default:
		break;
	}
}

/* The label of choice c of n as the person sees it, for a message. */
static char *choice_label(const struct ui_state *u, const struct node *n, unsigned c)
{
	struct tailor t;
	tailor_init(&t, u->s);
	char *raw = tailor_text(&t, &n->choices[c].label, u->lang);
	char *label = guide_text(session_guide(u->s), raw, u->lang, GUIDE_TEXT_PLAIN);
	free(raw);
	return label;
}

/* Ticking a choice that goes alone ("None of these") unticks every other;
 * ticking another unticks it. The session would refuse the two together
 * anyway; here the person sees at once which tick stands, and the message
 * says why the others went (they may be off the screen). */
void state_toggle(struct ui_state *u)
{
	const struct node *n = session_node(u->s);
	int c = cursor_choice(u);
	if (state_top(u)->kind != VIEW_NODE || !n || n->kind != NODE_MULTI || c < 0)
		return;
	u->checked[c] = !u->checked[c];
	if (!u->checked[c])
		return;
	bool alone = choice_alone(&n->choices[c]);
	int off = -1;
	size_t noff = 0;
	for (unsigned i = 0; i < n->nchoices; i++)
		if (i != (unsigned)c && u->checked[i] && (alone || choice_alone(&n->choices[i]))) {
			u->checked[i] = 0;
			if (session_choice_visible(u->s, i)) {
				off = (int)i;
				noff++;
			}
		}
	if (!noff)
		return;
	char *label = choice_label(u, n, alone ? (unsigned)c : (unsigned)off);
	state_set_message(u, xasprintf(msg(u->lang, alone ? M_UI_ALONE_ON : M_UI_ALONE_OFF), label));
	free(label);
}

/* The review's item for history entry `at`: the review leaves out the
 * information screens (pages.c, body_review). */
static int review_item(const struct ui_state *u, size_t at)
{
	const struct guide *g = session_guide(u->s);
	int item = 0;
	for (size_t i = 0; i < at; i++)
		item += g->nodes[session_history_node(u->s, i)].kind != NODE_INFO;
	return item;
}

void state_back(struct ui_state *u)
{
	if (u->depth > 0) {
		u->depth--;
		return;
	}
	switch (u->base.kind) {
	case VIEW_WELCOME:
		state_say(u, M_UI_FIRST_SCREEN);
		break;
	case VIEW_NODE:
		state_leave_base(u);
		if (u->changing && session_depth(u->s) == u->change_at) {
			/* The change was not made: back to the review, as it was. */
			size_t at = u->change_at;
			replay_to(u, u->change_from);
			u->changing = false;
			state_moved(u);
			struct screen_frame *r = state_push(u, VIEW_REVIEW);
			r->cursor = review_item(u, at);
			r->follow = true;
			break;
		}
		u->changing = false;
		u->replaying = false;
		if (!session_back(u->s))
			u->started = false;
		state_moved(u);
		break;
	case VIEW_RESULTS:
		u->changing = false;
		u->replaying = false;
		session_back(u->s);
		state_moved(u);
		break;
	default:
		break;
	}
}

/* Takes the item numbered n (layout_item_numbered): moves the cursor there,
 * and ticks it (check boxes) or chooses it. */
void state_take_number(struct ui_state *u, int n)
{
	int i = layout_item_numbered(u->lay, n);
	if (i < 0)
		return;
	state_top(u)->cursor = i;
	state_top(u)->follow = true;
	u->pending = i;
	if (u->lay->ctx & CTX_MULTI) {
		state_toggle(u);
		u->demo_touched = true;
	} else {
		state_confirm(u);
	}
	u->pending = -1;
}

/* A digit key. A number that could still grow (its tenfold is an item)
 * waits, with the cursor on it, for the next digit or for Enter; a number
 * with no such item says so and does nothing. */
void state_digit(struct ui_state *u, int key)
{
	const struct layout *l = u->lay;
	int n = u->number * 10 + (key - '0');
	int max = layout_max_number(l);
	u->number = 0;
	if (n < 1 || layout_item_numbered(l, n) < 0) {
		/* Any number with no item says so (a single digit was silent, so
		 * 5 on a list of 3 looked like a dead key); a lone 0 says nothing. */
		if (n >= 1)
			state_set_message(u, xasprintf("%s %d", msg(u->lang, M_UI_NO_NUMBER), n));
		return;
	}
	if (n * 10 <= max) {
		u->number = n;
		state_top(u)->cursor = layout_item_numbered(l, n);
		state_top(u)->follow = true;
		if (l->ctx & CTX_MULTI)
			u->demo_touched = true;
		state_set_message(u, xasprintf("%d %s", n, msg(u->lang, M_UI_MORE_DIGITS)));
		return;
	}
	state_take_number(u, n);
}
