/* The wizard's screens as a state machine, without a terminal: which screen
 * is open over which, where each cursor and scroll is, and what every action
 * does to the session. ui.c feeds it actions and paints the view it returns;
 * the unit tests drive it the same way with layouts built at any size. */
#include "ui/state.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "core/msg.h"
#include "ui/demo.h"
#include "ui/dialogs.h"
#include "core/util.h"

/* A screen on the stack: the walk itself (welcome, question, results) at
 * the bottom, screens opened over it (detail, glossary...) above. */
struct frame {
	enum view_kind kind;
	int cursor, scroll;
	bool follow;
	int remedy;
	enum view_kind under;
	int under_remedy;
};

enum { MAX_FRAMES = 8 };

struct ui_state {
	struct session *s;
	const struct guide *g;
	const char *lang;
	bool ascii;
	bool started;              /* the welcome screen was left */
	struct frame base;
	struct frame stack[MAX_FRAMES];
	int depth;
	unsigned char *checked;    /* ticks of the current multi-select, per choice */
	int *left_choice;          /* per node: the choice under the cursor when left, or -1 */
	int *left_scroll;          /* per node: the scroll when left, or -1 */
	int welcome_scroll;
	struct buf query;
	enum panel_kind panel;
	int panel_cursor, panel_scroll, panel_index;
	const char *message;       /* shown until the next action */
	char *message_owned;
	bool changing;             /* an answer is being changed from the review */
	size_t change_at, change_from;
	const struct layout *lay;  /* what is on the screen now (borrowed) */
	int pending;               /* an item chosen by a digit key, or -1 */
	/* The digits typed so far of a choice number that could go on (1 of
	 * 12 may become 10, 11 or 12), or 0: a list of ten or more never takes
	 * a digit that could start a longer number until the number is whole,
	 * so "11" never picks 1 and then answers the next question with 1. */
	int number;
	enum ui_outcome outcome;
	bool bilingual;            /* B: the second language too, where it fits */
	bool notes;                /* t: the guide's trainer notes */
	/* Trainer demo: the scenario while it plays; NULL before (none) and
	 * after the trainer took over. */
	const struct answers *demo;
	bool demo_panel;           /* its panel shows (t hides it) */
	bool demo_touched;         /* the cursor or ticks left the scenario's on this screen */
	struct view_demo demo_view;
	/* The save and export dialogs. */
	struct ui_form form;
	struct view_form form_view;
	char *saved_text;          /* the answers file as last saved, or NULL */
	bool wrote;                /* a file was written at the user's request */
	const char *today;
	struct view_notice notice; /* resumed answers, for PANEL_NOTICE */
};

/* The layout's cursor, unless a digit key just chose another item. */
static int cursor_item(const struct ui_state *u)
{
	return u->pending >= 0 ? u->pending : u->lay->cursor;
}

static struct frame *top(struct ui_state *u)
{
	return u->depth ? &u->stack[u->depth - 1] : &u->base;
}

static void say(struct ui_state *u, enum msg_id id)
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

/* Sets up the bottom frame for where the session now is: the welcome, the
 * current node (its cursor and scroll as they were when it was last left,
 * its ticks as last answered) or the results. */
static void enter_base(struct ui_state *u)
{
	struct frame *f = &u->base;
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
static void leave_base(struct ui_state *u)
{
	if (u->base.kind == VIEW_WELCOME) {
		u->welcome_scroll = u->base.scroll;
		return;
	}
	int node = session_node_index(u->s);
	if (u->base.kind != VIEW_NODE || node < 0 || !u->lay)
		return;
	u->left_scroll[node] = u->base.scroll;
	int c = cursor_item(u);
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
static struct frame *push(struct ui_state *u, enum view_kind kind)
{
	for (int i = 0; i < u->depth; i++)
		if (u->stack[i].kind == kind) {
			u->depth = i;
			break;
		}
	if (u->depth == MAX_FRAMES)
		u->depth--;
	struct frame *under = top(u);
	struct frame *f = &u->stack[u->depth++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->remedy = -1;
	f->under = under->kind;
	f->under_remedy = under->remedy;
	return f;
}

struct view ui_state_view(struct ui_state *u)
{
	const struct frame *f = u->depth ? &u->stack[u->depth - 1] : &u->base;
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
	if (u->demo && u->demo_panel) {
		u->demo_view.a = u->demo;
		u->demo_view.entry = ui_demo_entry(u->demo, u->s);
		u->demo_view.step = ui_demo_step(u->s);
		v.demo = &u->demo_view;
	}
	if (u->panel == PANEL_SAVE || u->panel == PANEL_EXPORT || u->panel == PANEL_OVERWRITE) {
		u->form_view = ui_form_view(&u->form);
		v.form = &u->form_view;
	}
	v.notice = &u->notice;
	if (u->panel == PANEL_QUIT && u->saved_text) {
		char *now = answers_format(u->s);
		v.saved = strcmp(now, u->saved_text) == 0 ? 1 : 2;
		free(now);
	}
	return v;
}

/* Actions ----------------------------------------------------------------- */

static bool is_list(const struct ui_state *u)
{
	unsigned c = u->lay->ctx;
	return u->lay->nitems > 0 &&
	       (c & (CTX_QUESTION | CTX_MULTI | CTX_RESULTS | CTX_LIST | CTX_SEARCH));
}

static int max_scroll(const struct layout *l)
{
	return l->content_rows > l->body_rows ? l->content_rows - l->body_rows : 0;
}

/* Up, Down, PgUp, PgDn, Home, End on a screen. In a list the cursor moves;
 * text above or below the list is scrolled into view on the way. */
static void move_in_screen(struct ui_state *u, enum action a)
{
	struct frame *f = top(u);
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
			int first = layout_first_item_in(l, s);
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

static void panel_move(struct ui_state *u, enum action a)
{
	const struct layout *l = u->lay;
	int page = l->panel_rows > 2 ? l->panel_rows - 1 : 1;
	int max = l->panel_content > l->panel_rows ? l->panel_content - l->panel_rows : 0;
	int s = u->panel_scroll;
	switch (a) {
	case ACT_UP: s--; break;
	case ACT_DOWN: s++; break;
	case ACT_PGUP: s -= page; break;
	case ACT_PGDN: s += page; break;
	case ACT_HOME: s = 0; break;
	case ACT_END: s = max; break;
	default: break;
	}
	u->panel_scroll = s < 0 ? 0 : s > max ? max : s;
}

static void open_panel(struct ui_state *u, enum panel_kind p, int index)
{
	u->panel = p;
	u->panel_cursor = 0;
	u->panel_scroll = 0;
	u->panel_index = index;
}

/* After the session moved: show where it is now. */
static void moved(struct ui_state *u)
{
	close_all(u);
	enter_base(u);
}

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
		enum session_status st = n->kind == NODE_INFO ? session_continue(u->s)
		                         : c ? session_answer(u->s, c, k) : SESSION_BAD_COUNT;
		if (st != SESSION_OK)
			break;
	}
}

static void set_message(struct ui_state *u, char *text)
{
	free(u->message_owned);
	u->message_owned = text;
	u->message = text;
}

static void after_answer(struct ui_state *u)
{
	if (u->changing) {
		size_t kept = session_replay_remembered(u->s);
		u->changing = false;
		if (kept)
			set_message(u, xasprintf("%s %zu", msg(u->lang, M_UI_KEPT), kept));
	}
	/* An answer that is not the scenario's ends the demo: the trainer has
	 * taken over. Decided before the next screen is set up, which would
	 * otherwise show the scenario's choice. */
	if (u->demo && !ui_demo_on_script(u->demo, u->s)) {
		u->demo = NULL;
		say(u, M_UI_DEMO_TOOK_OVER);
	}
	moved(u);
}

static void answer(struct ui_state *u, const unsigned *c, size_t n)
{
	leave_base(u);
	if (session_answer(u->s, c, n) == SESSION_OK)
		after_answer(u);
}

static int cursor_choice(const struct ui_state *u)
{
	const struct layout *l = u->lay;
	int c = cursor_item(u);
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
		leave_base(u);
		if (session_continue(u->s) == SESSION_OK)
			after_answer(u);
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
		say(u, M_UI_TICK_FIRST);
	free(v);
}

static void confirm(struct ui_state *u)
{
	struct frame *f = top(u);
	const struct layout *l = u->lay;
	int c = cursor_item(u);
	const struct lay_item *it = c >= 0 && c < l->nitems ? &l->items[c] : NULL;
	switch (f->kind) {
	case VIEW_WELCOME:
		leave_base(u);
		u->started = true;
		moved(u);
		break;
	case VIEW_NODE:
		confirm_node(u);
		break;
	case VIEW_RESULTS:
	case VIEW_SEARCH:
		if (!it)
			break;
		if (it->kind == LI_REMEDY) {
			push(u, VIEW_DETAIL)->remedy = it->index;
		} else if (it->kind == LI_WHY_NOT) {
			push(u, VIEW_WHY_NOT);
		} else if (it->kind == LI_TERM) {
			open_panel(u, PANEL_TERM, it->index);
		} else if (it->kind == LI_NODE) {
			open_panel(u, PANEL_QUESTION, it->index);
		}
		break;
	case VIEW_REVIEW:
		if (!it || it->kind != LI_ANSWER)
			break;
		u->change_from = session_depth(u->s);
		u->change_at = (size_t)it->index;
		leave_base(u);
		session_rewind(u->s, u->change_at);
		u->changing = true;
		moved(u);
		break;
	default:
		break;
	}
}

static void toggle(struct ui_state *u)
{
	const struct node *n = session_node(u->s);
	int c = cursor_choice(u);
	if (top(u)->kind != VIEW_NODE || !n || n->kind != NODE_MULTI || c < 0)
		return;
	u->checked[c] = !u->checked[c];
}

static void back(struct ui_state *u)
{
	if (u->depth > 0) {
		u->depth--;
		return;
	}
	switch (u->base.kind) {
	case VIEW_WELCOME:
		say(u, M_UI_FIRST_SCREEN);
		break;
	case VIEW_NODE:
		leave_base(u);
		if (u->changing && session_depth(u->s) == u->change_at) {
			/* The change was not made: back to the review, as it was. */
			size_t at = u->change_at;
			replay_to(u, u->change_from);
			u->changing = false;
			moved(u);
			struct frame *r = push(u, VIEW_REVIEW);
			r->cursor = (int)at;
			r->follow = true;
			break;
		}
		u->changing = false;
		if (!session_back(u->s))
			u->started = false;
		moved(u);
		break;
	case VIEW_RESULTS:
		u->changing = false;
		session_back(u->s);
		moved(u);
		break;
	default:
		break;
	}
}

/* Takes item n (1-based) of the list: moves the cursor there, and ticks it
 * (check boxes) or chooses it. */
static void take_number(struct ui_state *u, int n)
{
	top(u)->cursor = n - 1;
	top(u)->follow = true;
	u->pending = n - 1;
	if (u->lay->ctx & CTX_MULTI) {
		toggle(u);
		u->demo_touched = true;
	} else {
		confirm(u);
	}
	u->pending = -1;
}

/* A digit key. A number that could still grow (its tenfold is an item)
 * waits, with the cursor on it, for the next digit or for Enter; a number
 * with no such item says so and does nothing. */
static void digit(struct ui_state *u, int key)
{
	const struct layout *l = u->lay;
	int n = u->number * 10 + (key - '0');
	u->number = 0;
	if (n < 1 || n > l->nitems) {
		if (n >= 10)
			set_message(u, xasprintf("%s %d", msg(u->lang, M_UI_NO_NUMBER), n));
		return;
	}
	if (n * 10 <= l->nitems) {
		u->number = n;
		top(u)->cursor = n - 1;
		top(u)->follow = true;
		if (l->ctx & CTX_MULTI)
			u->demo_touched = true;
		set_message(u, xasprintf("%d %s", n, msg(u->lang, M_UI_MORE_DIGITS)));
		return;
	}
	take_number(u, n);
}

static void add_char(struct ui_state *u, int key)
{
	char s[4];
	size_t n = utf8_encode((unsigned)key, s);
	if (u->query.len + n < 256)
		buf_add(&u->query, s, n);
	top(u)->cursor = 0;
	top(u)->scroll = 0;
}

static void delete_char(struct ui_state *u)
{
	while (u->query.len > 0) {
		unsigned char c = (unsigned char)u->query.s[--u->query.len];
		if ((c & 0xC0) != 0x80)
			break;
	}
	if (u->query.s)
		u->query.s[u->query.len] = '\0';
	top(u)->cursor = 0;
	top(u)->scroll = 0;
}

static void leave_now(struct ui_state *u)
{
	/* Forget the answers now, not only when the caller frees the session. */
	session_restart(u->s);
	u->outcome = UI_QUICK_EXIT;
}

/* The save and export dialogs ---------------------------------------------- */

static enum panel_kind form_panel(const struct ui_state *u)
{
	return u->form.kind == UI_FORM_SAVE ? PANEL_SAVE : PANEL_EXPORT;
}

static void open_form(struct ui_state *u, enum ui_form_kind kind)
{
	ui_form_open(&u->form, kind);
	open_panel(u, kind == UI_FORM_SAVE ? PANEL_SAVE : PANEL_EXPORT, -1);
}

/* Writes what the dialog says. A file in the way asks first; a failure
 * keeps the dialog open with the reason, the session untouched. */
static void write_form(struct ui_state *u, bool overwrite)
{
	struct ui_form *f = &u->form;
	enum fileio_status st = ui_form_write(f, u->s, u->lang, u->today, overwrite);
	if (st == FILEIO_EXISTS) {
		open_panel(u, PANEL_OVERWRITE, -1);
		u->panel_cursor = 1; /* Enter alone keeps the file */
		return;
	}
	if (st == FILEIO_FAILED) {
		u->panel = form_panel(u);
		return;
	}
	u->panel = PANEL_NONE;
	u->wrote = true;
	bool save = f->kind == UI_FORM_SAVE;
	if (save) {
		free(u->saved_text);
		u->saved_text = answers_format(u->s);
	}
	set_message(u, xasprintf("%s %s", msg(u->lang, save ? M_UI_SAVED : M_UI_EXPORTED), f->written));
}

static void form_act(struct ui_state *u, enum action a, int key)
{
	struct ui_form *f = &u->form;
	bool export = f->kind == UI_FORM_EXPORT;
	switch (a) {
	case ACT_BACK: u->panel = PANEL_NONE; break;
	case ACT_INSERT:
		if (f->focus == FORM_NAME)
			ui_form_insert(f, (unsigned)key);
		break;
	case ACT_DELETE_CHAR:
		if (f->focus == FORM_NAME)
			ui_form_delete(f);
		break;
	case ACT_CLEAR:
		if (f->focus == FORM_NAME)
			ui_form_clear(f);
		break;
	case ACT_UP:
		if (export && f->focus > FORM_FORMAT)
			f->focus--;
		break;
	case ACT_DOWN:
		if (export && f->focus < FORM_NAME)
			f->focus++;
		break;
	case ACT_TOGGLE:
	case ACT_PREV_BUTTON:
	case ACT_NEXT_BUTTON:
		if (f->focus == FORM_FORMAT)
			ui_form_step_format(f, a == ACT_PREV_BUTTON ? -1 : 1);
		else if (f->focus == FORM_ANSWERS)
			f->include_answers = !f->include_answers;
		break;
	case ACT_CONFIRM: write_form(u, false); break;
	default: break;
	}
}

static void dialog_answer(struct ui_state *u, bool yes)
{
	enum panel_kind p = u->panel;
	u->panel = PANEL_NONE;
	if (p == PANEL_OVERWRITE) {
		if (yes)
			write_form(u, true);
		else
			u->panel = form_panel(u); /* back to the name, to change it */
		return;
	}
	if (!yes)
		return;
	if (p == PANEL_QUIT) {
		u->outcome = UI_QUIT;
	} else if (p == PANEL_RESTART) {
		session_restart(u->s);
		for (unsigned i = 0; i < u->g->nnodes; i++)
			u->left_choice[i] = u->left_scroll[i] = -1;
		u->changing = false;
		u->started = true;
		moved(u);
		say(u, M_RESTARTED);
	}
}

/* Languages, the bilingual view, notes -------------------------------------- */

static void next_language(struct ui_state *u)
{
	if (lang_count(u->g) < 2) {
		say(u, M_UI_ONE_LANGUAGE);
		return;
	}
	/* Only the words change: screen, cursor, scroll and answers stay. */
	u->lang = lang_next(u->g, u->lang);
	say(u, M_UI_LANG_NOW);
}

static void toggle_bilingual(struct ui_state *u)
{
	if (lang_count(u->g) < 2) {
		say(u, M_UI_ONE_LANGUAGE);
		return;
	}
	u->bilingual = !u->bilingual;
	if (!u->bilingual)
		say(u, M_UI_BI_OFF);
	else
		say(u, u->lay->width < LAYOUT_BI_STACK ? M_UI_BI_NARROW : M_UI_BI_ON);
}

static void toggle_notes(struct ui_state *u)
{
	if (u->demo) {
		u->demo_panel = !u->demo_panel;
		return;
	}
	u->notes = !u->notes;
	say(u, u->notes ? M_UI_NOTES_ON : M_UI_NOTES_OFF);
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
	if (a == ACT_QUICK_EXIT) {
		leave_now(u);
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
	switch (u->panel) {
	case PANEL_QUIT:
	case PANEL_RESTART:
	case PANEL_OVERWRITE:
		switch (a) {
		case ACT_YES: dialog_answer(u, true); break;
		case ACT_NO: dialog_answer(u, false); break;
		case ACT_CONFIRM: dialog_answer(u, u->panel_cursor == 0); break;
		case ACT_PREV_BUTTON:
		case ACT_NEXT_BUTTON: u->panel_cursor = !u->panel_cursor; break;
		default: break;
		}
		return u->outcome;
	case PANEL_SAVE:
	case PANEL_EXPORT:
		form_act(u, a, key);
		return u->outcome;
	case PANEL_NONE:
		break;
	default:
		if (a == ACT_BACK)
			u->panel = PANEL_NONE;
		else
			panel_move(u, a);
		return u->outcome;
	}
	struct frame *f = top(u);
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
		if (number > 0 && number <= u->lay->nitems)
			take_number(u, number);
		else
			confirm(u);
		break;
	case ACT_TOGGLE:
		if (demo_step_key(u)) {
			confirm(u);
		} else {
			toggle(u);
			u->demo_touched = true;
		}
		break;
	case ACT_BACK: back(u); break;
	case ACT_DIGIT:
		u->number = number;
		digit(u, key);
		break;
	case ACT_HELP: open_panel(u, PANEL_HELP, -1); break;
	case ACT_GLOSSARY:
		if (f->kind != VIEW_GLOSSARY)
			push(u, VIEW_GLOSSARY);
		break;
	case ACT_SEARCH:
		if (f->kind != VIEW_SEARCH)
			push(u, VIEW_SEARCH);
		break;
	case ACT_REVIEW:
		if (f->kind != VIEW_REVIEW) {
			f = push(u, VIEW_REVIEW);
			f->cursor = (int)session_history_len(u->s);
			f->follow = true;
		}
		break;
	case ACT_WHY_NOT:
		if (f->kind != VIEW_WHY_NOT && (f->kind == VIEW_RESULTS || f->kind == VIEW_DETAIL))
			push(u, VIEW_WHY_NOT);
		break;
	case ACT_RESTART: open_panel(u, PANEL_RESTART, -1); break;
	case ACT_QUIT: open_panel(u, PANEL_QUIT, -1); break;
	case ACT_INSERT: add_char(u, key); break;
	case ACT_DELETE_CHAR: delete_char(u); break;
	case ACT_CLEAR:
		buf_free(&u->query);
		f->cursor = f->scroll = 0;
		break;
	case ACT_NOTES: toggle_notes(u); break;
	case ACT_LINKS:
		if (f->kind == VIEW_DETAIL)
			u->outcome = UI_LINKS;
		else
			say(u, M_UI_NO_LINKS);
		break;
	case ACT_SAVE:
		if (u->changing)
			say(u, M_UI_SAVE_CHANGING);
		else
			open_form(u, UI_FORM_SAVE);
		break;
	case ACT_EXPORT:
		if (session_finished(u->s))
			open_form(u, UI_FORM_EXPORT);
		else
			say(u, M_UI_EXPORT_AT_END);
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
	u->lang = lang;
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
			open_panel(u, PANEL_NOTICE, -1);
		else
			set_message(u, xasprintf("%s %s", msg(u->lang, M_UI_RESUMED), o->answers_file));
	}
}

void ui_state_laid_out(struct ui_state *u, const struct layout *l)
{
	u->lay = l;
	if (l->too_small)
		return;
	struct frame *f = top(u);
	f->scroll = l->scroll;
	if (l->cursor >= 0)
		f->cursor = l->cursor;
	u->panel_scroll = l->panel_scroll;
}
