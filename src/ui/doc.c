/* SPDX-License-Identifier: MIT */
/* The document writer of the layout: a screen's body (or a panel's) is
 * written as rows of positioned text from row 0 down, with its selectable
 * items; layout.c then places it on the screen. Every string handed out is
 * owned by the layout being built. */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/lang.h"
#include "core/msg.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"
#include "ui/keys.h"

const char *doc_own(struct layout *l, char *s)
{
	*VEC_PUSH(l->owned, l->nowned, l->owned_cap) = s;
	return s;
}

static const char *ellipsis(const struct view *v)
{
	return v->ascii ? "..." : "\u2026";
}

/* Guide text for the screen: glossary marks rendered, then sanitised (the
 * loader already refused control characters; this does not rely on it). */
static const char *gtext(struct doc *d, const char *raw, const char *lang)
{
	unsigned ascii = d->v->ascii ? GUIDE_TEXT_ASCII : 0;
	return doc_own(d->l, guide_text(d->g, raw, lang, GUIDE_TEXT_MARKS | ascii));
}

/* Guide text as the person walking sees it: core/tailor.h, the same
 * function the reports and plain mode use. */
const char *doc_lstr_in(struct doc *d, const lstr *s, const char *lang)
{
	struct tailor t;
	if (d->v->s)
		tailor_init(&t, d->v->s);
	else
		tailor_init_all(&t, d->g);
	char *raw = tailor_text(&t, s, lang);
	const char *r = gtext(d, raw, lang);
	free(raw);
	return r;
}

const char *doc_lstr(struct doc *d, const lstr *s)
{
	return doc_lstr_in(d, s, d->v->lang);
}

bool doc_shows(struct doc *d, const lstr *s)
{
	struct tailor t;
	if (d->v->s)
		tailor_init(&t, d->v->s);
	else
		tailor_init_all(&t, d->g);
	return tailor_shows(&t, s);
}

bool doc_holds(struct doc *d, const struct cond *c)
{
	return !d->v->s || cond_eval(c, session_facts(d->v->s));
}

/* Guide text where marks cannot be highlighted (the title bar). */
const char *doc_guide_plain(struct layout *l, const struct view *v, const struct guide *g,
                            const char *raw)
{
	unsigned ascii = v->ascii ? GUIDE_TEXT_ASCII : 0;
	return doc_own(l, guide_text(g, raw, v->lang, GUIDE_TEXT_PLAIN | ascii));
}

/* Any other text (our messages, URLs, citations, typed input). */
const char *doc_safe(struct layout *l, const struct view *v, const char *raw)
{
	return doc_own(l, text_sanitize(raw ? raw : "", false, v->ascii));
}

const char *doc_msg(struct layout *l, const struct view *v, enum msg_id id)
{
	return doc_safe(l, v, msg(v->lang, id));
}

const char *doc_msg_in(struct layout *l, const struct view *v, const char *lang, enum msg_id id)
{
	return doc_safe(l, v, msg(lang, id));
}

const char *doc_tail(const char *s, int width)
{
	size_t w = text_width(s), room = width > 0 ? (size_t)width : 0;
	while (w > room && *s) {
		size_t skip = text_fit(s, strlen(s), 1, NULL);
		if (!skip)
			skip = text_fit(s, strlen(s), 2, NULL);
		if (!skip)
			skip = 1;
		s += skip;
		w = text_width(s);
	}
	return s;
}

/* The first line of s, as much of it as fits in `width` columns, with an
 * ellipsis when something had to go. */
const char *doc_fit(struct layout *l, const struct view *v, const char *s, int width)
{
	if (width <= 0)
		return "";
	size_t len = strcspn(s, "\n");
	bool more = s[len] != '\0';
	if (!more && (int)text_width(s) <= width)
		return s;
	const char *e = ellipsis(v);
	int ew = (int)text_width(e);
	if (width <= ew)
		return doc_own(l, xstrndup(s, text_fit(s, len, (size_t)width, NULL)));
	size_t n = text_fit(s, len, (size_t)(width - ew), NULL);
	if (!more && n == len)
		return s;
	return doc_own(l, xasprintf("%.*s%s", (int)n, s, e));
}

/* s[0..len) followed by an ellipsis, within `width` columns: the last line
 * shown of a text that goes on. */
static const char *cut_more(struct layout *l, const struct view *v, const char *s, size_t len,
                            int width)
{
	const char *e = ellipsis(v);
	int room = width - (int)text_width(e) - 1;
	if (room < 0)
		room = 0;
	size_t n = text_fit(s, len, (size_t)room, NULL);
	/* Never inside a word: back to the last space that leaves some text. */
	if (n < len) {
		size_t k = n;
		while (k > 0 && s[k] != ' ')
			k--;
		while (k > 0 && s[k - 1] == ' ')
			k--;
		if (k > 0)
			n = k;
	}
	return doc_own(l, xasprintf("%.*s %s", (int)n, s, e));
}

/* Whether a glossary mark is open after s[0..n), given the state before. */
static bool marks_after(const char *s, size_t n, bool open)
{
	for (size_t i = 0; i + 3 <= n; i++) {
		if (memcmp(s + i, TEXT_MARK_ON, 3) == 0)
			open = true;
		else if (memcmp(s + i, TEXT_MARK_OFF, 3) == 0)
			open = false;
	}
	return open;
}

void doc_put(struct doc *d, int row, int x, const char *s, size_t len, enum lay_style st,
             bool mark)
{
	struct dline *l = VEC_PUSH(d->d, d->n, d->cap);
	*l = (struct dline){.row = row, .x = x, .s = s, .len = len, .st = st, .mark = mark,
	                    .item = d->item};
	if (row + 1 > d->rows)
		d->rows = row + 1;
}

/* Wraps text at column x to the body's width; at most max_lines (0: all),
 * the last one cut with an ellipsis when there is more. */
void doc_wrap_max(struct doc *d, int x, const char *text, enum lay_style st, size_t max_lines)
{
	int w = d->width - x;
	if (w < 1)
		w = 1;
	struct text_line *lines;
	size_t n = text_wrap(text, (size_t)w, &lines);
	bool open = false;
	size_t done = 0;
	int row = d->rows;
	for (size_t i = 0; i < n; i++) {
		open = marks_after(text + done, lines[i].off - done, open);
		if (max_lines && i + 1 == max_lines && i + 1 < n) {
			const char *cut = cut_more(d->l, d->v, text + lines[i].off, lines[i].len, w);
			doc_put(d, row++, x, cut, strlen(cut), st, open);
			break;
		}
		doc_put(d, row++, x, text + lines[i].off, lines[i].len, st, open);
		open = marks_after(text + lines[i].off, lines[i].len, open);
		done = lines[i].off + lines[i].len;
	}
	free(lines);
}

void doc_wrap(struct doc *d, int x, const char *text, enum lay_style st)
{
	doc_wrap_max(d, x, text, st, 0);
}

/* A prefix ("1. ", "- ") at column x, the text wrapped beside it. */
void doc_prefixed(struct doc *d, int x, const char *prefix, enum lay_style pst,
                  const char *text, enum lay_style st)
{
	int row = d->rows;
	int pw = (int)text_width(prefix);
	if (pw > d->width / 2) { /* a prefix that wide would leave no room: text below */
		pw = 0;
		prefix = doc_fit(d->l, d->v, prefix, d->width - x);
	}
	doc_put(d, row, x, prefix, strlen(prefix), pst, false);
	if (pw == 0)
		d->rows = row + 1;
	else
		d->rows = row;
	doc_wrap(d, x + pw, text, st);
}

/* One line at column x, cut to fit. */
void doc_line(struct doc *d, int x, const char *text, enum lay_style st)
{
	const char *s = doc_fit(d->l, d->v, text, d->width - x);
	doc_put(d, d->rows, x, s, strlen(s), st, false);
}

void doc_gap(struct doc *d)
{
	if (d->rows > 0)
		d->rows++;
}

void doc_item_begin(struct doc *d, enum lay_item_kind kind, int index)
{
	struct lay_item *it = VEC_PUSH(d->items, d->nitems, d->icap);
	*it = (struct lay_item){.kind = kind, .index = index, .first = d->rows, .last = d->rows};
	d->item = (int)d->nitems - 1;
}

void doc_item_number(struct doc *d, int n)
{
	d->items[d->item].number = n;
}

void doc_item_end(struct doc *d)
{
	struct lay_item *it = &d->items[d->item];
	it->last = d->rows > it->first ? d->rows - 1 : it->first;
	d->item = -1;
}

void doc_free(struct doc *d)
{
	free(d->d);
	free(d->items);
}

void doc_keys(struct doc *d)
{
	const struct key_hint *h;
	size_t n = keys_help(&h);
	int kw = 0;
	const char **names = xcalloc(n, sizeof *names);
	/* The help lists every key that can work here, whatever the screen. */
	struct key_have have = {.langs = lang_count(d->g) >= 2, .demo = true, .demo_step = true, .links = true,
	                        .desk = d->v->desk, .volunteer = d->v->volunteer};
	for (size_t i = 0; i < n; i++) {
		if (!keys_need_met(h[i].need, &have))
			continue;
		names[i] = doc_safe(d->l, d->v, keys_hint_key(&h[i], d->v->lang, d->v->ascii));
		int w = (int)text_width(names[i]);
		if (w > kw)
			kw = w;
	}
	if (kw > d->width / 2)
		kw = d->width / 2;
	for (size_t i = 0; i < n; i++) {
		if (!names[i])
			continue;
		int row = d->rows;
		const char *name = doc_fit(d->l, d->v, names[i], kw);
		doc_put(d, row, 0, name, strlen(name), LS_HEADING, false);
		d->rows = row;
		const char *what = doc_msg(d->l, d->v, h[i].label);
		if (h[i].label == M_K_LANGUAGE_LONG) {
			/* The guide's own list of languages, whatever their number. */
			char *names = msg_lang_names(d->g);
			what = doc_own(d->l, xasprintf(what, names));
			free(names);
		}
		doc_wrap(d, kw + 2, what, LS_NORMAL);
	}
	free(names);
}

const char *doc_answer(struct doc *d, size_t i)
{
	const struct node *n = &d->g->nodes[session_history_node(d->v->s, i)];
	size_t k;
	const unsigned *c = session_history_choices(d->v->s, i, &k);
	const struct cal_date *date = session_history_date(d->v->s, i);
	if (date)
		return doc_own(d->l, deadline_date_text(d->v->lang, date));
	if (!k)
		return NULL;
	struct buf b = {0};
	for (size_t j = 0; j < k; j++) {
		if (j)
			buf_adds(&b, "; ");
		buf_adds(&b, doc_lstr(d, &n->choices[c[j]].label));
	}
	return doc_own(d->l, buf_take(&b));
}

void doc_heading(struct doc *d, enum msg_id id)
{
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, id), LS_HEADING);
}

unsigned doc_shown_count(struct doc *d, const lstr *items, unsigned n)
{
	unsigned k = 0;
	for (unsigned i = 0; i < n; i++)
		k += doc_shows(d, &items[i]);
	return k;
}

/* The items this person sees, numbered in the order shown. */
void doc_list(struct doc *d, const lstr *items, unsigned n, bool numbered)
{
	unsigned k = 0;
	for (unsigned i = 0; i < n; i++) {
		if (!doc_shows(d, &items[i]))
			continue;
		const char *p = numbered ? doc_own(d->l, xasprintf("%u. ", ++k)) : "- ";
		doc_prefixed(d, 2, p, LS_NORMAL, doc_lstr(d, &items[i]), LS_NORMAL);
	}
}

void doc_disclaimer(struct doc *d)
{
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_GET_HELP), LS_NORMAL);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_DISCLAIMER), LS_HEADING);
}

/* The volunteer view folds introductions and help to their first line,
 * until m opens them. */
bool doc_folded(const struct doc *d)
{
	return d->v->volunteer && !d->v->unfolded;
}

void doc_fold_wrap(struct doc *d, int x, const char *text, enum lay_style st)
{
	doc_wrap_max(d, x, text, st, doc_folded(d) ? 1 : 0);
}
