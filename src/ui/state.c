/* SPDX-License-Identifier: MIT */
/* The wizard's screens as a state machine, without a terminal: which screen
 * is open over which, where each cursor and scroll is, and what every action
 * does to the session. term.c feeds it actions and paints the view it returns;
 * the unit tests drive it the same way with layouts built at any size. */
#include "ui/state.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/lang.h"
#include "core/msg.h"
#include "core/search.h"
#include "core/tailor.h"
#include "core/util.h"
#include "ui/demo.h"
#include "ui/field.h"
#include "ui/layout.h"
#include "date_field.h"
#include "desk_wipe_priv.h"
#include "dialogs.h"
#include "state_priv.h"
#include "walk_keys.h"

/* The layout's cursor, unless a digit key just chose another item. */
int state_cursor_item(const struct ui_state *u)
{
	return u->pending >= 0 ? u->pending : u->lay->cursor;
}

struct screen_frame *state_top(struct ui_state *u)
{
	return u->depth ? &u->stack[u->depth - 1] : &u->base;
}

void state_say(struct ui_state *u, enum msg_id id)
{
	u->message = msg(u->lang, id);
}

/* The item (k-th visible choice) of choice c of the current node; 0 when hidden. */
static int item_of_choice(const struct ui_state *u, int c)
{
	const struct node *n = session_node(u->s);
	int k = 0;
	for (unsigned i = 0; n && i < n->nchoices; i++) {
		if (!session_choice_visible(u->s, i))
			continue;
		if ((int)i == c)
			return k;
		k++;
	}
	return 0;
}

/* Sets up the bottom screen for where the session now is: the welcome, the
 * current node (its cursor and scroll as they were when it was last left,
 * its ticks as last answered) or the results. */
static void enter_base(struct ui_state *u)
{
	struct screen_frame *f = &u->base;
	memset(f, 0, sizeof *f);
	f->remedy = f->under_remedy = -1;
	if (!u->started) {
		f->kind = VIEW_WELCOME;
		f->scroll = u->welcome_scroll;
		return;
	}
	if (session_finished(u->s)) {
		f->kind = VIEW_RESULTS;
		return;
	}
	f->kind = VIEW_NODE;
	int node = session_node_index(u->s);
	const struct node *n = session_node(u->s);
	if (u->date.s) /* a typed date is personal: zeroed, not only freed */
		mem_wipe(u->date.s, u->date.cap);
	buf_free(&u->date);
	u->date_part = 0;
	session_date_warning_forget(&u->warned); /* a warning is for one visit */
	if (n->kind == NODE_DATE) {
		/* The date given here before, to change it rather than retype it. */
		const struct cal_date *was = session_remembered_date(u->s, node);
		if (was) {
			char iso[CAL_DATE_MAX];
			cal_format(was, iso);
			buf_adds(&u->date, was->prec == CAL_UNKNOWN ? "0" : iso);
			u->date_part = was->prec == CAL_DATE ? 2 : was->prec == CAL_MONTH ? 1 : 0;
		}
	}
	free(u->checked);
	u->checked = xcalloc(n->nchoices + 1, 1);
	size_t k;
	const unsigned *rem = session_remembered(u->s, node, &k);
	if (n->kind == NODE_MULTI)
		for (size_t i = 0; i < k; i++)
			if (rem[i] < n->nchoices)
				u->checked[rem[i]] = 1;
	int c = u->left_choice[node] >= 0 ? u->left_choice[node] : k ? (int)rem[0] : -1;
	f->cursor = c >= 0 ? item_of_choice(u, c) : 0;
	f->scroll = u->left_scroll[node] >= 0 ? u->left_scroll[node] : 0;
	/* The demo shows the choice it is about to take: the cursor on it, its
	 * ticks made. */
	int e = u->demo ? ui_demo_entry(u->demo, u->s) : -1;
	u->demo_touched = false;
	u->demo_scroll = 0;
	if (e >= 0 && n->kind == NODE_DATE && u->demo->v[e].date) {
		/* The scenario's date, typed in for the trainer: Enter takes it. */
		struct cal_date cd;
		if (deadline_check_date(NULL, u->demo->v[e].date, 0, &cd) == DATE_OK) {
			char iso[CAL_DATE_MAX];
			cal_format(&cd, iso);
			buf_free(&u->date);
			buf_adds(&u->date, cd.prec == CAL_UNKNOWN ? "0" : iso);
			u->date_part = cd.prec == CAL_DATE ? 2 : cd.prec == CAL_MONTH ? 1 : 0;
		}
	}
	if (e >= 0) {
		unsigned *dc = xcalloc(n->nchoices + 1, sizeof *dc);
		size_t dk = ui_demo_choices(&u->demo->v[e], n, dc);
		if (dk && n->kind == NODE_MULTI) {
			memset(u->checked, 0, n->nchoices);
			for (size_t i = 0; i < dk; i++)
				u->checked[dc[i]] = 1;
		}
		if (dk) {
			f->cursor = item_of_choice(u, (int)dc[0]);
			f->follow = true;
		}
		free(dc);
	}
}

/* Remembers how the current screen of the walk looked, for Back. */
void state_leave_base(struct ui_state *u)
{
	if (u->base.kind == VIEW_WELCOME) {
		u->welcome_scroll = u->base.scroll;
		return;
	}
	int node = session_node_index(u->s);
	if (u->base.kind != VIEW_NODE || node < 0 || !u->lay)
		return;
	u->left_scroll[node] = u->base.scroll;
	int c = state_cursor_item(u);
	if (u->depth == 0 && c >= 0 && c < u->lay->nitems && u->lay->items[c].kind == LI_CHOICE)
		u->left_choice[node] = u->lay->items[c].index;
}

static void close_all(struct ui_state *u)
{
	u->depth = 0;
	u->panel = PANEL_NONE;
}

/* Opens a screen over the current one. When one of that kind is already
 * open further down, it and the screens above it close first, so the stack
 * never holds a kind twice (and Back never loops). */
struct screen_frame *state_push(struct ui_state *u, enum view_kind kind)
{
	for (int i = 0; i < u->depth; i++)
		if (u->stack[i].kind == kind) {
			u->depth = i;
			break;
		}
	if (u->depth == MAX_SCREENS)
		u->depth--;
	struct screen_frame *under = state_top(u);
	struct screen_frame *f = &u->stack[u->depth++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->remedy = -1;
	f->under = under->kind;
	f->under_remedy = under->remedy;
	return f;
}

/* A fingerprint of the facts and the results gathered: what tailored
 * text depends on. Linear in the facts and remedies. */
static unsigned long facts_key(const struct ui_state *u)
{
	unsigned long h = 1469598103UL;
	const int *f = session_facts(u->s);
	for (unsigned i = 0; i < u->g->nfacts; i++)
		h = (h ^ (unsigned long)(f[i] + 2)) * 16777619UL;
	for (unsigned i = 0; i < u->g->nremedies; i++)
		h = (h ^ (unsigned long)session_gathered(u->s, (int)i)) * 16777619UL;
	return h;
}

/* Finds the hits for the query when it changed since the last search. */
static void search_now(struct ui_state *u)
{
	if (!u->hits_stale)
		return;
	free(u->hits);
	u->hits = NULL;
	u->nhits = 0;
	if (u->query.len) {
		/* The index holds the text this person sees: made again when the
		 * facts have changed since (an answer, Back, a change). */
		unsigned long key = facts_key(u);
		if (u->search && u->search_key != key) {
			search_index_free(u->search);
			u->search = NULL;
		}
		if (!u->search) {
			struct tailor t;
			tailor_init(&t, u->s);
			u->search = search_index_tailored(&t);
			u->search_key = key;
		}
		u->nhits = search_find(u->search, u->query.s, u->notes, &u->hits);
	}
	u->hits_stale = false;
}

struct view ui_state_view(struct ui_state *u)
{
	const struct screen_frame *f = u->depth ? &u->stack[u->depth - 1] : &u->base;
	struct view v;
	memset(&v, 0, sizeof v);
	v.kind = f->kind;
	v.s = u->s;
	v.lang = u->lang;
	v.ascii = u->ascii;
	v.cursor = f->cursor;
	v.scroll = f->scroll;
	v.follow = f->follow;
	v.checked = u->checked;
	v.remedy = f->remedy;
	v.query = u->query.s ? u->query.s : "";
	v.query_selected = u->query_selected && v.kind == VIEW_SEARCH;
	if (v.kind == VIEW_SEARCH) {
		search_now(u);
		v.hits = u->hits;
		v.nhits = u->nhits;
	}
	v.under = f->under;
	v.under_remedy = f->under_remedy;
	bool changing_here = u->changing && u->depth == 0 && f->kind == VIEW_NODE &&
	                     session_depth(u->s) == u->change_at;
	v.changing = changing_here;
	v.message = u->message ? u->message : changing_here ? msg(u->lang, M_UI_CHANGING) : NULL;
	v.panel = u->panel;
	v.panel_cursor = u->panel_cursor;
	v.panel_scroll = u->panel_scroll;
	v.panel_index = u->panel_index;
	const char *other = lang_next(u->g, u->lang);
	v.lang2 = u->bilingual && other && strcmp(other, u->lang) != 0 ? other : NULL;
	v.notes = u->notes;
	v.by_path = u->by_path;
	/* The volunteer view starts with it folded; f opens it there. */
	v.framing_folded = u->framing_folded != u->volunteer;
	if (u->demo && u->demo_panel) {
		u->demo_view.a = u->demo;
		u->demo_view.entry = ui_demo_entry(u->demo, u->s);
		u->demo_view.step = ui_demo_step(u->s);
		u->demo_view.scroll = u->demo_scroll;
		v.demo = &u->demo_view;
	}
	v.notice = &u->notice;
	v.date = u->date.s ? u->date.s : "";
	v.date_part = u->date_part;
	v.desk = u->desk;
	v.volunteer = u->volunteer;
	v.unfolded = u->unfolded;
	v.countdown = u->countdown;
	dialogs_view(u, &v);
	return v;
}

/* Actions ----------------------------------------------------------------- */

static bool is_list(const struct ui_state *u)
{
	unsigned c = u->lay->ctx;
	return u->lay->nitems > 0 &&
	       (c & (CTX_QUESTION | CTX_MULTI | CTX_RESULTS | CTX_LIST | CTX_SEARCH));
}

/* The first item wholly in view when the body scrolls to `scroll`, or -1. */
static int first_item_in(const struct layout *l, int scroll)
{
	for (int i = 0; i < l->nitems; i++)
		if (l->items[i].first >= scroll && l->items[i].last < scroll + l->body_rows)
			return i;
	return -1;
}

static int max_scroll(const struct layout *l)
{
	return l->content_rows > l->body_rows ? l->content_rows - l->body_rows : 0;
}

/* Up, Down, PgUp, PgDn, Home, End on a screen. In a list the cursor moves;
 * text above or below the list is scrolled into view on the way. */
static void move_in_screen(struct ui_state *u, enum action a)
{
	struct screen_frame *f = state_top(u);
	const struct layout *l = u->lay;
	int page = l->body_rows > 2 ? l->body_rows - 1 : 1;
	bool list = is_list(u);
	int cur = l->cursor;
	switch (a) {
	case ACT_UP:
		if (!list || cur == 0) {
			f->scroll--;
			f->follow = false;
		} else if (!l->cursor_shown) {
			f->follow = true;
		} else {
			f->cursor = cur - 1;
			f->follow = true;
		}
		break;
	case ACT_DOWN:
		if (!list) {
			f->scroll++;
			f->follow = false;
		} else if (!l->cursor_shown) {
			if (l->items[cur].first >= l->scroll + l->body_rows) {
				f->scroll++;
				f->follow = false;
			} else {
				f->follow = true;
			}
		} else if (cur == l->nitems - 1) {
			f->scroll++;
			f->follow = false;
		} else {
			f->cursor = cur + 1;
			f->follow = true;
		}
		break;
	case ACT_PGUP:
	case ACT_PGDN: {
		int s = l->scroll + (a == ACT_PGDN ? page : -page);
		s = s < 0 ? 0 : s > max_scroll(l) ? max_scroll(l) : s;
		f->scroll = s;
		f->follow = false;
		if (list && (l->items[cur].first < s || l->items[cur].last >= s + l->body_rows)) {
			int first = first_item_in(l, s);
			if (first >= 0)
				f->cursor = first;
		}
		break;
	}
	case ACT_HOME:
		f->scroll = 0;
		f->cursor = 0;
		f->follow = false;
		break;
	case ACT_END:
		f->scroll = INT_MAX / 2;
		if (list)
			f->cursor = l->nitems - 1;
		f->follow = false;
		break;
	default:
		break;
	}
}

void state_open_panel(struct ui_state *u, enum panel_kind p, int index)
{
	u->panel = p;
	u->panel_cursor = 0;
	u->panel_scroll = 0;
	u->panel_index = index;
}

/* After the session moved: show where it is now. */
void state_moved(struct ui_state *u)
{
	close_all(u);
	u->unfolded = false;
	enter_base(u);
}

void state_set_message(struct ui_state *u, char *text)
{
	free(u->message_owned);
	u->message_owned = text;
	u->message = text;
}

/* Rows the trainer demo's panel scrolls with [ and ]. */
enum { DEMO_SCROLL_STEP = 3 };

/* A longer query finds nothing more: what fits one line is plenty. */
enum { QUERY_MAX_BYTES = 256 };

static void add_char(struct ui_state *u, int key, bool selected)
{
	if (selected)
		field_clear(&u->query);
	if (field_insert(&u->query, (unsigned)key, QUERY_MAX_BYTES))
		u->hits_stale = true;
	state_top(u)->cursor = 0;
	state_top(u)->scroll = 0;
}

static void delete_char(struct ui_state *u, bool selected)
{
	if (selected) {
		field_clear(&u->query);
		u->hits_stale = true;
	} else if (field_delete(&u->query))
		u->hits_stale = true;
	state_top(u)->cursor = 0;
	state_top(u)->scroll = 0;
}

/* Tells the session which view shows the walk (an information screen may be
 * for one view only); when that passes the screen on show, the next one
 * shows. */
static void apply_view(struct ui_state *u)
{
	int before = session_node_index(u->s);
	session_set_audience(u->s, u->volunteer ? AUDIENCE_VOLUNTEER : AUDIENCE_SELF_HELP);
	if (session_node_index(u->s) != before)
		state_moved(u);
}

/* Languages, the bilingual view, notes -------------------------------------- */

static void next_language(struct ui_state *u)
{
	if (lang_count(u->g) < 2) {
		state_say(u, M_UI_ONE_LANGUAGE);
		return;
	}
	/* Only the words change: screen, cursor, scroll and answers stay. */
	u->lang = lang_next(u->g, u->lang);
	state_say(u, M_UI_LANG_NOW);
}

static void toggle_bilingual(struct ui_state *u)
{
	if (lang_count(u->g) < 2) {
		state_say(u, M_UI_ONE_LANGUAGE);
		return;
	}
	u->bilingual = !u->bilingual;
	if (!u->bilingual)
		state_say(u, M_UI_BI_OFF);
	else
		state_say(u, u->lay->width < LAYOUT_BI_STACK ? M_UI_BI_NARROW : M_UI_BI_ON);
}

static void toggle_notes(struct ui_state *u)
{
	if (u->demo) {
		u->demo_panel = !u->demo_panel;
		return;
	}
	u->notes = !u->notes;
	u->hits_stale = true;
	state_say(u, u->notes ? M_UI_NOTES_ON : M_UI_NOTES_OFF);
}

/* Whether Space now means the demo's next step rather than a tick. */
static bool demo_step_key(const struct ui_state *u)
{
	const struct node *n = session_node(u->s);
	return u->demo && !u->demo_touched && u->depth == 0 && u->base.kind == VIEW_NODE && n &&
	       n->kind == NODE_MULTI && ui_demo_entry(u->demo, u->s) >= 0;
}

enum ui_outcome ui_state_act(struct ui_state *u, enum action a, int key)
{
	u->message = NULL;
	u->outcome = UI_GO_ON;
	int number = u->number;
	u->number = 0;
	bool selected = u->query_selected;
	u->query_selected = false;
	if (a == ACT_QUICK_EXIT) {
		state_leave_now(u);
		return u->outcome;
	}
	/* Ctrl-X then Ctrl-Q, nothing between: desk mode's way out. */
	bool armed = u->leave_armed;
	u->leave_armed = false;
	if (a == ACT_LEAVE_ARM || a == ACT_LEAVE) {
		if (u->desk && a == ACT_LEAVE_ARM)
			u->leave_armed = true;
		else if (u->desk && armed)
			state_open_panel(u, PANEL_QUIT, -1);
		return u->outcome;
	}
	if (a == ACT_VIEW) {
		/* Only the way texts are shown changes: the answers stay. */
		u->volunteer = !u->volunteer;
		u->unfolded = false;
		apply_view(u);
		state_say(u, u->volunteer ? M_UI_VOLUNTEER_ON : M_UI_VOLUNTEER_OFF);
		return u->outcome;
	}
	if (!u->lay || u->lay->too_small)
		return u->outcome;
	if (a == ACT_LANG) {
		next_language(u);
		return u->outcome;
	}
	if (a == ACT_BILINGUAL) {
		toggle_bilingual(u);
		return u->outcome;
	}
	if (u->panel != PANEL_NONE) {
		dialogs_act(u, a, key);
		return u->outcome;
	}
	if (date_field_act(u, a, key))
		return u->outcome;
	struct screen_frame *f = state_top(u);
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_HOME:
	case ACT_END:
		move_in_screen(u, a);
		if (u->depth == 0)
			u->demo_touched = true;
		break;
	case ACT_CONFIRM:
		/* Enter ends a number being typed: that item, ticked or chosen. */
		if (number > 0 && layout_item_numbered(u->lay, number) >= 0)
			state_take_number(u, number);
		else
			state_confirm(u);
		break;
	case ACT_TOGGLE:
		if (demo_step_key(u)) {
			state_confirm(u);
		} else {
			state_toggle(u);
			u->demo_touched = true;
		}
		break;
	case ACT_BACK: state_back(u); break;
	case ACT_DIGIT:
		u->number = number;
		state_digit(u, key);
		break;
	case ACT_HELP: state_open_panel(u, PANEL_HELP, -1); break;
	case ACT_GLOSSARY:
		if (f->kind != VIEW_GLOSSARY)
			state_push(u, VIEW_GLOSSARY);
		break;
	case ACT_SEARCH:
		if (f->kind != VIEW_SEARCH) {
			state_push(u, VIEW_SEARCH);
			/* The last search comes back selected: typing starts a new
			 * one, an arrow goes on with it. */
			u->query_selected = u->query.len > 0;
		}
		break;
	case ACT_REVIEW:
		if (f->kind != VIEW_REVIEW) {
			f = state_push(u, VIEW_REVIEW);
			f->cursor = (int)session_history_len(u->s);
			f->follow = true;
		}
		break;
	case ACT_WHY_NOT:
		if (f->kind != VIEW_WHY_NOT && (f->kind == VIEW_RESULTS || f->kind == VIEW_DETAIL))
			state_push(u, VIEW_WHY_NOT);
		break;
	case ACT_RESTART:
		state_open_panel(u, PANEL_RESTART, -1);
		/* As for quitting: answers that would be lost, Enter alone keeps
		 * them (it started on "Start again", so r then Enter forgot all). */
		if (state_unsaved(u))
			u->panel_cursor = 1;
		break;
	case ACT_QUIT:
		if (u->desk) {
			state_say(u, M_DESK_NO_QUIT);
		} else {
			state_open_panel(u, PANEL_QUIT, -1);
			/* Answers that would be lost: Enter alone stays. */
			if (state_unsaved(u))
				u->panel_cursor = 1;
		}
		break;
	case ACT_NEW_CLIENT: state_open_panel(u, PANEL_NEW_CLIENT, -1); break;
	case ACT_UNFOLD: u->unfolded = !u->unfolded; break;
	case ACT_INSERT: add_char(u, key, selected); break;
	case ACT_DELETE_CHAR: delete_char(u, selected); break;
	case ACT_CLEAR:
		field_clear(&u->query);
		u->hits_stale = true;
		f->cursor = f->scroll = 0;
		break;
	case ACT_NOTES: toggle_notes(u); break;
	case ACT_DEMO_UP:
	case ACT_DEMO_DOWN:
		/* A few rows at a time: the panel is narrow, its notes long. */
		if (u->demo && u->demo_panel)
			u->demo_scroll += a == ACT_DEMO_UP ? -DEMO_SCROLL_STEP : DEMO_SCROLL_STEP;
		if (u->demo_scroll < 0)
			u->demo_scroll = 0;
		break;
	case ACT_LINKS:
		if (f->kind == VIEW_DETAIL)
			u->outcome = UI_LINKS;
		else
			state_say(u, M_UI_NO_LINKS);
		break;
	case ACT_GROUP:
		u->by_path = !u->by_path;
		f->cursor = f->scroll = 0;
		break;
	case ACT_FRAMING: u->framing_folded = !u->framing_folded; break;
	case ACT_SAVE:
		if (u->changing)
			state_say(u, M_UI_SAVE_CHANGING);
		else
			dialogs_open_form(u, UI_FORM_SAVE);
		break;
	case ACT_EXPORT:
		if (session_finished(u->s))
			dialogs_open_form(u, UI_FORM_EXPORT);
		else
			state_say(u, M_UI_EXPORT_AT_END);
		break;
	default: break;
	}
	return u->outcome;
}

struct ui_state *ui_state_new(struct session *s, const char *lang, bool ascii)
{
	struct ui_state *u = xcalloc(1, sizeof *u);
	u->s = s;
	u->g = session_guide(s);
	u->lang = u->first_lang = lang;
	u->ascii = ascii;
	u->pending = -1;
	u->form.error = -1;
	u->left_choice = xmalloc((u->g->nnodes + 1) * sizeof *u->left_choice);
	u->left_scroll = xmalloc((u->g->nnodes + 1) * sizeof *u->left_scroll);
	for (unsigned i = 0; i <= u->g->nnodes; i++)
		u->left_choice[i] = u->left_scroll[i] = -1;
	/* Resumed answers start on the question, not on the welcome. */
	u->started = session_depth(s) > 0;
	enter_base(u);
	return u;
}

void ui_state_free(struct ui_state *u)
{
	if (!u)
		return;
	free(u->checked);
	free(u->left_choice);
	free(u->left_scroll);
	free(u->message_owned);
	free(u->saved_text);
	ui_form_free(&u->form);
	buf_free(&u->query);
	search_index_free(u->search);
	free(u->hits);
	buf_free(&u->date);
	session_date_warning_forget(&u->warned);
	free(u);
}

void ui_state_set_lang(struct ui_state *u, const char *lang)
{
	u->lang = lang;
}

const char *ui_state_lang(const struct ui_state *u)
{
	return u->lang;
}

bool ui_state_wrote_files(const struct ui_state *u)
{
	return u->wrote;
}

void ui_state_configure(struct ui_state *u, const struct ui_options *o)
{
	u->today = o->today;
	u->desk = o->desk;
	u->idle = o->desk ? o->idle : 0;
	u->volunteer = u->first_volunteer = o->volunteer;
	u->first_lang = u->lang;
	apply_view(u);
	if (o->scenario) {
		/* A trainer in front of a room: the notes on, the panel shown. */
		u->demo = o->scenario;
		u->demo_panel = true;
		u->notes = true;
		enter_base(u);
	}
	if (o->answers_file) {
		u->notice = (struct view_notice){o->answers_file, o->answers_used, o->answers_total};
		if (o->guide_changed)
			state_open_panel(u, PANEL_NOTICE, -1);
		else
			state_set_message(u, xasprintf("%s %s", msg(u->lang, M_UI_RESUMED), o->answers_file));
	}
}

void ui_state_laid_out(struct ui_state *u, const struct layout *l)
{
	u->lay = l;
	if (l->too_small)
		return;
	struct screen_frame *f = state_top(u);
	f->scroll = l->scroll;
	if (l->cursor >= 0)
		f->cursor = l->cursor;
	u->panel_scroll = l->panel_scroll;
	u->demo_scroll = l->demo_scroll;
}