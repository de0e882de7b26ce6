/* SPDX-License-Identifier: MIT */
/* The geometry of the full-screen front end: bars, footer, panels, and
 * placing a body (written as a document, doc.h, by pages.c and panels.c)
 * in the rows between them, scrolled and with the cursor item highlighted.
 * Pure: no terminal; the same view, size and text width mode (text.h, set
 * once by term.c) always give the same layout. */
#include "ui/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/keys.h"
#include "core/lang.h"
#include "core/msg.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"
#include "doc.h"
#include "dialogs.h"
#include "pages.h"
#include "panels.h"

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void emit(struct layout *l, struct lay_line line)
{
	*VEC_PUSH(l->v, l->n, l->cap) = line;
}

static void emit_text(struct layout *l, int y, int x, const char *s, enum lay_style st)
{
	emit(l, (struct lay_line){.kind = LK_TEXT, .style = st, .y = y, .x = x, .s = s,
	                          .len = strlen(s), .item = -1});
}

static void emit_fill(struct layout *l, int y, int x, int w, enum lay_style st)
{
	if (w > 0)
		emit(l, (struct lay_line){.kind = LK_FILL, .style = st, .y = y, .x = x, .w = w, .h = 1,
		                          .item = -1});
}

/* The title bar says where in the guide this is: the current node's
 * section, else the last one passed. */
static const char *section_of(const struct session *s, const struct guide *g, const char *lang)
{
	const struct node *n = session_node(s);
	if (n && node_section(n)->n)
		return guide_str(g, node_section(n), lang);
	for (size_t i = session_history_len(s); i-- > 0;) {
		const struct node *h = &g->nodes[session_history_node(s, i)];
		if (node_section(h)->n)
			return guide_str(g, node_section(h), lang);
	}
	return NULL;
}

/* Placing a document on the screen ---------------------------------------- */

struct area {
	int top, rows;      /* screen rows */
	int x, w;           /* text column, and the width a selection bar fills */
	int bar_x;          /* where the selection bar and its marker start */
	int ind_x;          /* the column of the scroll arrows */
	bool bars;          /* fill the rows of the selected item */
	bool marker;        /* without bars: still mark the selected item's first row */
};

/* Shows d in area a, scrolled to *scroll (clamped; moved to the cursor
 * item when follow). Returns the clamped cursor, or -1. */
static int place(struct layout *l, const struct view *v, struct doc *d, const struct area *a,
                 int cursor, int *scroll, bool follow, bool *cursor_shown)
{
	int cur = d->nitems ? clampi(cursor, 0, (int)d->nitems - 1) : -1;
	int sc = *scroll;
	if (follow && cur >= 0) {
		const struct lay_item *it = &d->items[cur];
		if (it->first < sc || it->last - it->first + 1 > a->rows)
			sc = it->first;
		else if (it->last >= sc + a->rows)
			sc = it->last - a->rows + 1;
	}
	int max = d->rows > a->rows ? d->rows - a->rows : 0;
	sc = clampi(sc, 0, max);
	*scroll = sc;
	if (cursor_shown)
		*cursor_shown = cur >= 0 && d->items[cur].first >= sc &&
		                d->items[cur].last < sc + a->rows;
	if (cur >= 0 && (a->bars || a->marker)) {
		const struct lay_item *it = &d->items[cur];
		for (int r = it->first; a->bars && r <= it->last; r++)
			if (r >= sc && r < sc + a->rows)
				emit_fill(l, a->top + r - sc, a->bar_x, a->w, LS_SELECTED);
		/* The marker, not only the colour, says where the focus is. */
		if (it->first >= sc && it->first < sc + a->rows)
			emit(l, (struct lay_line){.kind = LK_TEXT, .style = LS_SELECTED,
			                          .y = a->top + it->first - sc, .x = a->bar_x,
			                          .s = v->ascii ? ">" : "\u203a",
			                          .len = strlen(v->ascii ? ">" : "\u203a"),
			                          .mark = false, .selected = true, .item = cur});
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct dline *dl = &d->d[i];
		if (dl->row < sc || dl->row >= sc + a->rows)
			continue;
		emit(l, (struct lay_line){.kind = LK_TEXT, .style = dl->st, .y = a->top + dl->row - sc,
		                          .x = a->x + dl->x, .s = dl->s, .len = dl->len, .mark = dl->mark,
		                          .selected = dl->item >= 0 && dl->item == cur, .item = dl->item});
	}
	if (sc > 0)
		emit_text(l, a->top, a->ind_x, v->ascii ? "^" : "\u25b2", LS_DIM);
	if (sc < max)
		emit_text(l, a->top + a->rows - 1, a->ind_x, v->ascii ? "v" : "\u25bc", LS_DIM);
	return cur;
}

/* Bars, footer, panels ---------------------------------------------------- */

static unsigned context_of(const struct view *v)
{
	unsigned panel = dialogs_ctx(v);
	if (panel)
		return panel;
	switch (v->kind) {
	case VIEW_WELCOME: return CTX_WELCOME;
	case VIEW_NODE: {
		const struct node *n = session_node(v->s);
		if (!n)
			return CTX_RESULTS;
		return n->kind == NODE_MULTI ? CTX_MULTI : n->kind == NODE_INFO ? CTX_INFO
		       : n->kind == NODE_DATE ? CTX_DATE : CTX_QUESTION;
	}
	case VIEW_RESULTS: return CTX_RESULTS;
	case VIEW_REVIEW: return CTX_LIST;
	case VIEW_SEARCH: return CTX_SEARCH;
	case VIEW_DETAIL:
	case VIEW_WHY_NOT:
	case VIEW_GLOSSARY:
		return CTX_DOC;
	}
	return CTX_DOC;
}

/* The right side of the title bar; with brief, the step without the section. */
static const char *screen_name(struct layout *l, const struct view *v, const struct guide *g,
                               bool brief)
{
	switch (v->kind) {
	case VIEW_WELCOME: return "";
	case VIEW_NODE: {
		const char *sec = brief ? NULL : section_of(v->s, g, v->lang);
		const char *step = msg(v->lang, M_STEP);
		char *raw = sec ? xasprintf("%s %s %s %zu", sec, v->ascii ? "-" : "\u00b7", step,
		                            session_depth(v->s) + 1)
		                : xasprintf("%s %zu", step, session_depth(v->s) + 1);
		const char *s = doc_guide_plain(l, v, g, raw);
		free(raw);
		return s;
	}
	case VIEW_RESULTS:
	case VIEW_DETAIL: return doc_msg(l, v, M_RESULTS);
	case VIEW_WHY_NOT: return doc_msg(l, v, M_RULED_OUT);
	case VIEW_REVIEW: return doc_msg(l, v, M_UI_REVIEW);
	case VIEW_GLOSSARY: return doc_msg(l, v, M_UI_GLOSSARY);
	case VIEW_SEARCH: return doc_msg(l, v, M_UI_SEARCH);
	}
	return "";
}

static void title_bar(struct layout *l, const struct view *v, const struct guide *g)
{
	int w = l->width;
	emit_fill(l, 0, 0, w, LS_BAR);
	const char *right = screen_name(l, v, g, false);
	if ((int)text_width(right) > w / 2)
		right = screen_name(l, v, g, true);
	right = doc_fit(l, v, right, w / 2);
	int rw = (int)text_width(right);
	const char *title = doc_fit(l, v, doc_guide_plain(l, v, g, guide_str(g, &g->title, v->lang)),
	                            w - 2 - rw - (rw ? 2 : 0));
	emit_text(l, 0, 1, title, LS_BAR);
	if (rw)
		emit_text(l, 0, w - 1 - rw, right, LS_BAR);
}

static void footer(struct layout *l, const struct view *v, int y)
{
	const struct key_hint *h;
	size_t n = keys_footer(&h);
	const char **key = xcalloc(n, sizeof *key), **label = xcalloc(n, sizeof *label);
	bool *keep = xcalloc(n, sizeof *keep);
	int total = 0, maxprio = 0;
	struct key_have have = {.langs = lang_count(session_guide(v->s)) >= 2, .demo = v->demo,
	                        /* At the scenario's end Space has no step to take. */
	                        .demo_step = v->demo && session_node(v->s),
	                        .links = v->kind == VIEW_DETAIL, .desk = v->desk,
	                        .volunteer = v->volunteer};
	for (size_t i = 0; i < n; i++) {
		if (!(h[i].ctx & l->ctx) || !keys_need_met(h[i].need, &have))
			continue;
		key[i] = doc_safe(l, v, keys_hint_key(&h[i], v->lang, v->ascii));
		/* L names the language it switches to, in that language. */
		label[i] = h[i].label == M_K_LANGUAGE
		           ? doc_own(l, xstrdup(msg_endonym(lang_next(session_guide(v->s), v->lang))))
		           : doc_msg(l, v, h[i].label);
		keep[i] = true;
		total += (int)(text_width(key[i]) + 1 + text_width(label[i]) + 2);
		if (h[i].prio > maxprio)
			maxprio = h[i].prio;
	}
	/* Drop the least important hints until the rest fit. */
	for (int p = maxprio; p > 0 && total > l->width - 1; p--)
		for (size_t i = n; i-- > 0 && total > l->width - 1;)
			if (keep[i] && h[i].prio == p) {
				keep[i] = false;
				total -= (int)(text_width(key[i]) + 1 + text_width(label[i]) + 2);
			}
	emit_fill(l, y, 0, l->width, LS_FOOT);
	int x = 1;
	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		int kw = (int)text_width(key[i]), lw = (int)text_width(label[i]);
		if (x + kw + 1 + lw > l->width)
			break;
		emit_text(l, y, x, key[i], LS_FOOT_KEY);
		emit_text(l, y, x + kw + 1, label[i], LS_FOOT);
		x += kw + 1 + lw + 2;
	}
	free(key);
	free(label);
	free(keep);
}

static void panel(struct layout *l, const struct view *v, const struct guide *g)
{
	int W = l->width, H = l->height;
	int pw = W - 4 < 72 ? W - 4 : 72;
	bool dialog = dialogs_shape(v->panel) == DIALOG_YES_NO;
	bool form = dialogs_shape(v->panel) == DIALOG_FORM;
	struct doc d = {.l = l, .v = v, .g = g, .width = pw - 4, .item = -1,
	                .bi = v->lang2 ? BI_STACK : BI_OFF, .input_row = -1};
	const char *title = dialogs_body(&d);
	int ph = d.rows + 2;
	if (ph > H - 2)
		ph = H - 2;
	int px = (W - pw) / 2, py = 1 + (H - 2 - ph) / 2;
	emit(l, (struct lay_line){.kind = LK_BOX, .style = LS_BORDER, .y = py, .x = px, .w = pw,
	                          .h = ph, .item = -1});
	if (*title) {
		const char *t = doc_fit(l, v, doc_own(l, xasprintf(" %s ", title)), pw - 4);
		emit_text(l, py, px + 2, t, LS_BORDER);
	}
	/* A form's fields are marked at the left edge; a dialog's buttons
	 * carry their own marker (two buttons can share a row). */
	struct area a = {.top = py + 1, .rows = ph - 2, .x = px + 2, .w = pw - 2, .bar_x = px + 1,
	                 .ind_x = px + pw - 1, .bars = false, .marker = form};
	int sc = v->panel_scroll;
	/* A form's cursor is the field with the focus: always in view. */
	int cursor = dialog ? v->panel_cursor : 0;
	if (form) {
		cursor = 0;
		for (size_t i = 0; i < d.nitems; i++)
			if (v->form && d.items[i].index == v->form->focus)
				cursor = (int)i;
	}
	place(l, v, &d, &a, cursor, &sc, dialog || form, NULL);
	l->panel_rows = ph - 2;
	l->panel_content = d.rows;
	l->panel_scroll = sc;
	if (form && d.input_row >= sc && d.input_row < sc + a.rows &&
	    v->form && v->form->focus >= FORM_CASE) {
		l->cur_y = a.top + d.input_row - sc;
		l->cur_x = a.x + d.input_x;
	}
	doc_free(&d);
}

/* The width of the trainer demo's panel when it goes beside the body. */
static int demo_side_width(int width)
{
	return width >= LAYOUT_DEMO_SIDE ? clampi(width / 3, 32, 48) : 0;
}

/* The trainer demo's panel: beside the body in a wide window (returns the
 * columns it takes), else at the bottom of the body (moves *bottom up). */
static int demo_panel(struct layout *l, const struct view *v, const struct guide *g, int top,
                      int *bottom)
{
	int W = l->width, rows = *bottom - top;
	int pw = demo_side_width(W);
	bool beside = pw > 0;
	if (!beside)
		pw = W;
	struct doc d = {.l = l, .v = v, .g = g, .width = pw - 4, .item = -1, .input_row = -1};
	const char *title = panels_demo(&d);
	int ph = rows, px = W - pw, py = top;
	if (!beside) {
		/* Below the body: at most half of it, and never less than three
		 * rows of body; on a window too low for both, no panel. */
		ph = d.rows + 2;
		if (ph > rows / 2)
			ph = rows / 2;
		if (ph < 4 || rows - ph < 3) {
			doc_free(&d);
			return 0;
		}
		py = *bottom - ph;
		*bottom = py;
	}
	emit(l, (struct lay_line){.kind = LK_BOX, .style = LS_BORDER, .y = py, .x = px, .w = pw,
	                          .h = ph, .item = -1});
	const char *t = doc_fit(l, v, doc_own(l, xasprintf(" %s ", title)), pw - 4);
	emit_text(l, py, px + 2, t, LS_BORDER);
	struct area a = {.top = py + 1, .rows = ph - 2, .x = px + 2, .w = pw - 2, .bar_x = px + 1,
	                 .ind_x = px + pw - 1, .bars = false, .marker = false};
	/* Long notes scroll ([ and ]); the arrows on its border say there is more. */
	int sc = v->demo->scroll;
	place(l, v, &d, &a, 0, &sc, false, NULL);
	l->demo_scroll = sc;
	doc_free(&d);
	return beside ? pw : 0;
}

static void too_small(struct layout *l, const struct view *v)
{
	l->ctx = CTX_SMALL;
	if (l->width <= 0 || l->height <= 0)
		return;
	char *raw = xasprintf("%s (%dx%d)\nF12: %s", msg(v->lang, M_UI_TOO_SMALL), LAYOUT_MIN_WIDTH,
	                      LAYOUT_MIN_HEIGHT, msg(v->lang, M_K_QUICK_EXIT));
	const char *s = doc_safe(l, v, raw);
	free(raw);
	struct text_line *lines;
	size_t n = text_wrap(s, (size_t)l->width, &lines);
	int top = l->height > (int)n ? (l->height - (int)n) / 2 : 0;
	for (size_t i = 0; i < n && top + (int)i < l->height; i++) {
		int x = (l->width - (int)lines[i].width) / 2;
		emit(l, (struct lay_line){.kind = LK_TEXT, .style = LS_NORMAL, .y = top + (int)i,
		                          .x = x > 0 ? x : 0, .s = s + lines[i].off, .len = lines[i].len,
		                          .item = -1});
	}
	free(lines);
}

struct layout *layout_build(const struct view *v, int width, int height)
{
	struct layout *l = xcalloc(1, sizeof *l);
	const struct guide *g = session_guide(v->s);
	l->width = width;
	l->height = height;
	l->cursor = -1;
	l->cur_y = l->cur_x = -1;
	l->ctx = context_of(v);
	if (width < LAYOUT_MIN_WIDTH || height < LAYOUT_MIN_HEIGHT) {
		l->too_small = true;
		too_small(l, v);
		return l;
	}
	title_bar(l, v, g);
	int top = 1, bottom = height - 1;
	if (v->kind == VIEW_RESULTS || v->kind == VIEW_DETAIL || v->kind == VIEW_WHY_NOT) {
		/* Every screen with remedies on it says what they are, scrolled or not. */
		emit_fill(l, 1, 0, width, LS_PIN);
		emit_text(l, 1, 1, doc_fit(l, v, doc_msg(l, v, M_UI_DISCLAIMER_SHORT), width - 2), LS_PIN);
		top = 2;
	}
	if (v->kind == VIEW_SEARCH) {
		size_t nhits = v->nhits;
		const char *label = doc_own(l, xasprintf("%s: ", doc_msg(l, v, M_UI_SEARCH)));
		int lw = (int)text_width(label);
		/* The end of a long query stays in view, where the typing is. */
		const char *q = doc_tail(doc_safe(l, v, v->query), width - 3 - lw);
		size_t qw = text_width(q);
		emit_text(l, 1, 1, label, LS_HEADING);
		emit_fill(l, 1, 1 + lw, width - 2 - lw, LS_INPUT);
		/* Reopened on the last search: shown selected (reverse video or
		 * colour) and said in words, for a screen without either. */
		emit_text(l, 1, 1 + lw, q, v->query_selected ? LS_SELECTED : LS_INPUT);
		l->cur_y = 1;
		l->cur_x = 1 + lw + (int)qw;
		const char *status = !v->query || !*v->query ? doc_msg(l, v, M_UI_SEARCH_HINT)
		                     : nhits ? doc_own(l, xasprintf("%s: %zu", doc_msg(l, v, M_UI_MATCHES), nhits))
		                             : doc_msg(l, v, M_UI_SEARCH_NONE);
		if (v->query_selected)
			status = doc_own(l, xasprintf("%s %s %s", status, v->ascii ? "-" : "\u2014", doc_msg(l, v, M_UI_SEARCH_SELECTED)));
		emit_text(l, 2, 1, doc_fit(l, v, status, width - 2), LS_DIM);
		top = 3;
	}
	/* The bilingual view where it fits; where it does not, a word why. */
	int bw = width - (v->demo ? demo_side_width(width) : 0);
	enum bi_mode bi = !v->lang2 ? BI_OFF : bw >= LAYOUT_BI_SIDE ? BI_SIDE
	                  : bw >= LAYOUT_BI_STACK ? BI_STACK : BI_OFF;
	if (bi == BI_SIDE && v->kind != VIEW_NODE)
		bi = BI_STACK; /* lists read better one language under the other */
	const char *message = v->message;
	if (v->lang2 && bi == BI_OFF && v->kind == VIEW_NODE && !(message && *message))
		message = msg(v->lang, M_UI_BI_NARROW);
	if (message && *message) {
		/* A message longer than a row wraps onto more rows (a path saved
		 * to, a long notice), up to a third of the body; only beyond that
		 * is its last row cut. */
		const char *m = doc_safe(l, v, message);
		struct text_line *lines;
		size_t n = text_wrap(m, (size_t)(width - 2), &lines);
		size_t most = (size_t)((bottom - top) / 3 > 1 ? (bottom - top) / 3 : 1);
		size_t rows = n < most ? n : most;
		if (rows == 0)
			rows = 1;
		bottom -= (int)rows;
		for (size_t i = 0; i < rows; i++) {
			emit_fill(l, bottom + (int)i, 0, width, LS_MESSAGE);
			const char *t = i + 1 == rows && n > rows
			                ? doc_fit(l, v, doc_own(l, xasprintf("%s\n", m + lines[i].off)), width - 2)
			                : doc_own(l, xstrndup(m + lines[i].off, lines[i].len));
			emit_text(l, bottom + (int)i, 1, t, LS_MESSAGE);
		}
		free(lines);
	}
	if (v->demo)
		bw = width - demo_panel(l, v, g, top, &bottom);
	int maxw = bi == BI_SIDE ? 2 * LAYOUT_MAX_TEXT + 3 : LAYOUT_MAX_TEXT;
	int tw = bw - 3 < maxw ? bw - 3 : maxw;
	struct doc d = {.l = l, .v = v, .g = g, .width = tw, .item = -1, .bi = bi, .input_row = -1};
	pages_body(&d);
	l->body_top = top;
	l->body_rows = bottom - top;
	l->content_rows = d.rows;
	struct area a = {.top = top, .rows = bottom - top, .x = 1, .w = bw - 1, .bar_x = 0,
	                 .ind_x = bw - 1, .bars = true, .marker = true};
	l->scroll = v->scroll;
	l->cursor = place(l, v, &d, &a, v->cursor, &l->scroll, v->follow, &l->cursor_shown);
	l->items = d.items;
	l->nitems = (int)d.nitems;
	d.items = NULL;
	doc_free(&d);
	footer(l, v, height - 1);
	if (v->panel != PANEL_NONE)
		panel(l, v, g);
	return l;
}

void layout_free(struct layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nowned; i++)
		free(l->owned[i]);
	free(l->owned);
	free(l->v);
	free(l->items);
	free(l);
}

/* layout_dump ------------------------------------------------------------- */

enum { CELL = 32 };

/* Writes s at (y, x) into a grid of cells, one grapheme cluster per cell
 * and an empty cell after a wide one; marks and zero-width clusters go. */
static void put_cells(char *grid, int w, int y, int x, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && x < w) {
		size_t used, n = text_fit(s + i, len - i, 1, &used);
		if (used == 0 && n > 0) {
			i += n;
			continue;
		}
		if (n == 0)
			n = text_fit(s + i, len - i, 2, &used);
		if (n == 0) {
			n = len - i;
			used = 1;
		}
		if (x >= 0) {
			char *cell = grid + ((size_t)y * (size_t)w + (size_t)x) * CELL;
			char *tmp = xstrndup(s + i, n);
			char *bare = text_strip_marks(tmp);
			snprintf(cell, CELL, "%s", bare);
			free(bare);
			free(tmp);
			if (used == 2 && x + 1 < w)
				grid[((size_t)y * (size_t)w + (size_t)x + 1) * CELL] = '\0';
		}
		x += (int)used;
		i += n;
	}
}

static int item_number(const struct layout *l, int i)
{
	return l->items[i].number ? l->items[i].number : i + 1;
}

int layout_item_numbered(const struct layout *l, int n)
{
	for (int i = 0; i < l->nitems; i++)
		if (item_number(l, i) == n)
			return i;
	return -1;
}

int layout_max_number(const struct layout *l)
{
	int m = 0;
	for (int i = 0; i < l->nitems; i++)
		if (item_number(l, i) > m)
			m = item_number(l, i);
	return m;
}

char *layout_dump(const struct layout *l)
{
	int w = l->width, h = l->height;
	if (w <= 0 || h <= 0)
		return xstrdup("");
	char *grid = xmalloc((size_t)w * (size_t)h * CELL);
	for (int i = 0; i < w * h; i++)
		strcpy(grid + (size_t)i * CELL, " ");
	for (size_t i = 0; i < l->n; i++) {
		const struct lay_line *ln = &l->v[i];
		if (ln->y < 0 || ln->y >= h)
			continue;
		if (ln->kind == LK_TEXT) {
			put_cells(grid, w, ln->y, ln->x, ln->s, ln->len);
		} else if (ln->kind == LK_FILL) {
			for (int x = ln->x; x < ln->x + ln->w && x < w; x++)
				strcpy(grid + ((size_t)ln->y * (size_t)w + (size_t)x) * CELL, " ");
		} else {
			for (int y = ln->y; y < ln->y + ln->h && y < h; y++)
				for (int x = ln->x; x < ln->x + ln->w && x < w; x++) {
					bool top = y == ln->y, bot = y == ln->y + ln->h - 1;
					bool side = x == ln->x || x == ln->x + ln->w - 1;
					const char *c = (top || bot) && side ? "+" : top || bot ? "-" : side ? "|" : " ";
					strcpy(grid + ((size_t)y * (size_t)w + (size_t)x) * CELL, c);
				}
		}
	}
	struct buf b = {0};
	buf_add(&b, "", 0);
	for (int y = 0; y < h; y++) {
		size_t start = b.len;
		for (int x = 0; x < w; x++)
			buf_adds(&b, grid + ((size_t)y * (size_t)w + (size_t)x) * CELL);
		while (b.len > start && b.s[b.len - 1] == ' ')
			b.s[--b.len] = '\0';
		buf_addc(&b, '\n');
	}
	free(grid);
	return buf_take(&b);
}
