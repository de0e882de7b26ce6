/* SPDX-License-Identifier: MIT */
/* What each screen says: the bodies of the screens, written as documents
 * (doc.h) that layout.c places on the screen. Guide text goes through
 * doc_lstr, which sanitises it. The panels are in panels.c. */
#include "pages.h"
#include "pages_results.h"

#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/lang.h"
#include "core/msg.h"
#include "core/rank.h"
#include "core/tailor.h"
#include "core/walk.h"
#include "core/text.h"
#include "core/util.h"

/* The screens' bodies ----------------------------------------------------- */

static void body_welcome(struct doc *d)
{
	const struct guide *g = d->g;
	/* The title bar names the guide; the body repeats it only when the bar
	 * had to cut it (a narrow window), so it is read once, and whole. */
	const char *title = doc_lstr(d, &g->title);
	char *bare = text_strip_marks(title);
	bool cut = (int)text_width(bare) > d->l->width - 2;
	free(bare);
	if (cut)
		doc_wrap(d, 0, title, LS_TITLE);
	if (lang_count(g) >= 2) {
		if (cut)
			doc_gap(d);
		/* Each of the guide's other languages invites its readers in its
		 * own words; one the program does not speak yet is named in the
		 * current language. */
		for (unsigned i = 0; i < g->nlanguages; i++) {
			const char *other = g->languages[i];
			if (strcmp(other, d->v->lang) == 0)
				continue;
			const char *hint = msg_translated(other, M_UI_OTHER_LANG_HINT)
			                   ? doc_msg_in(d->l, d->v, other, M_UI_OTHER_LANG_HINT)
			                   : doc_own(d->l, xasprintf(msg(d->v->lang, M_UI_LANG_HINT_OTHER),
			                                             msg_endonym(other)));
			doc_wrap(d, 0, hint, LS_HEADING);
		}
	}
	if (g->about.n) {
		doc_gap(d);
		doc_fold_wrap(d, 0, doc_lstr(d, &g->about), LS_NORMAL);
	}
	doc_gap(d);
	doc_fold_wrap(d, 0, doc_msg(d->l, d->v, M_UI_ABOUT), LS_NORMAL);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_DISCLAIMER), LS_HEADING);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_PRIVACY), LS_NORMAL);
	doc_gap(d);
	doc_item_begin(d, LI_BUTTON, 0);
	doc_line(d, 0, doc_own(d->l, xasprintf("[ %s ]", doc_msg(d->l, d->v, M_UI_START_BUTTON))),
	         LS_TITLE);
	doc_item_end(d);
	doc_line(d, 0, doc_msg(d->l, d->v, M_UI_START), LS_DIM);
	if (doc_folded(d))
		return; /* the keys are in the help (?) */
	doc_heading(d, M_UI_KEYS);
	doc_keys(d);
}

/* The bilingual view ------------------------------------------------------ */

static int col_width(const struct doc *d)
{
	return (d->width - 3) / 2;
}

/* Two texts side by side from the current row: a in the left column and b
 * in the right, each at column x of its half, beside its prefix if any. */
static void side(struct doc *d, int x, const char *pa, const char *a, const char *pb,
                 const char *b, enum lay_style st)
{
	int full = d->width, cw = col_width(d);
	int row = d->rows;
	d->width = cw;
	if (pa)
		doc_prefixed(d, x, pa, st, a, st);
	else
		doc_wrap(d, x, a, st);
	int end = d->rows;
	d->rows = row;
	d->width = full;
	if (pb)
		doc_prefixed(d, cw + 3 + x, pb, st, b, st);
	else
		doc_wrap(d, cw + 3 + x, b, st);
	if (end > d->rows)
		d->rows = end;
}

/* A text in the view's language and, in the bilingual view, in the second
 * one too: beside it, or under it in the second language's style. */
static void bi_text(struct doc *d, int x, const char *a, const char *b, enum lay_style st)
{
	if (d->bi == BI_SIDE) {
		side(d, x, NULL, a, NULL, b, st);
		return;
	}
	doc_wrap(d, x, a, st);
	if (d->bi == BI_STACK && strcmp(a, b) != 0) /* a name, the same in both */
		doc_wrap(d, x, b, LS_ALT);
}

/* The same for one of the program's own messages. */
static void bi_msg(struct doc *d, int x, enum msg_id id, enum lay_style st)
{
	const char *a = doc_msg(d->l, d->v, id);
	if (d->bi == BI_OFF)
		doc_wrap(d, x, a, st);
	else
		bi_text(d, x, a, doc_msg_in(d->l, d->v, d->v->lang2, id), st);
}

static void bi_lstr(struct doc *d, int x, const lstr *s, enum lay_style st)
{
	const char *a = doc_lstr(d, s);
	if (d->bi == BI_OFF)
		doc_wrap(d, x, a, st);
	else
		bi_text(d, x, a, doc_lstr_in(d, s, d->v->lang2), st);
}

/* In the bilingual view, guide text s in the second language under the
 * same text in the first, unless it reads the same (a name, an acronym). */
static void second(struct doc *d, int x, const lstr *s)
{
	if (d->bi == BI_OFF)
		return;
	const char *b = doc_lstr_in(d, s, d->v->lang2);
	if (strcmp(b, doc_lstr(d, s)) != 0)
		doc_wrap(d, x, b, LS_ALT);
}

/* The rule between the two columns, on every row, part of the item that
 * row belongs to so that the cursor bar runs through it. */
static void side_rule(struct doc *d)
{
	const char *bar = d->v->ascii ? "|" : "\u2502";
	int x = col_width(d) + 1, saved = d->item;
	int rows = d->rows;
	for (int r = 0; r < rows; r++) {
		d->item = -1;
		for (size_t i = 0; i < d->nitems; i++)
			if (d->items[i].first <= r && r <= d->items[i].last)
				d->item = (int)i;
		doc_put(d, r, x, bar, strlen(bar), LS_DIM, false);
	}
	d->item = saved;
	d->rows = rows;
}

/* A date question's field: the format, then the field with the parts not
 * typed yet shown as blanks and the part the arrows change in brackets (a
 * mark that needs no colour), then the date in words once it reads. */
static void body_date(struct doc *d)
{
	const struct view *v = d->v;
	doc_wrap(d, 0, doc_msg(d->l, v, M_DATE_FORMAT), LS_DIM);
	doc_gap(d);
	const char *t = v->date ? v->date : "";
	size_t len = strlen(t);
	struct buf f = {0};
	if (len == 1 && t[0] == '0') {
		buf_addc(&f, '0');
	} else {
		static const size_t start[3] = {0, 5, 8}, width[3] = {4, 2, 2};
		for (int p = 0; p < 3; p++) {
			if (p)
				buf_addc(&f, '-');
			buf_adds(&f, p == v->date_part ? "[" : "");
			for (size_t i = 0; i < width[p]; i++)
				buf_addc(&f, start[p] + i < len ? t[start[p] + i] : '_');
			buf_adds(&f, p == v->date_part ? "]" : "");
		}
	}
	doc_item_begin(d, LI_BUTTON, 0);
	doc_prefixed(d, 2, doc_own(d->l, xasprintf("%s: ", doc_msg(d->l, v, M_UI_DATE_FIELD))),
	             LS_HEADING, doc_own(d->l, buf_take(&f)), LS_TITLE);
	doc_item_end(d);
	struct cal_date cd;
	if (len && deadline_check_date(NULL, t, 0, &cd) == DATE_OK) {
		char *words = deadline_date_text(v->lang, &cd);
		doc_wrap(d, 2, doc_own(d->l, words), LS_DIM);
	}
}

static void body_node(struct doc *d)
{
	const struct view *v = d->v;
	const struct node *n = session_node(v->s);
	if (!n)
		return;
	if (d->bi == BI_SIDE) {
		side(d, 0, NULL, doc_msg(d->l, v, M_LANG_NAME), NULL,
		     doc_msg_in(d->l, v, v->lang2, M_LANG_NAME), LS_HEADING);
		doc_gap(d);
	}
	if (n->kind == NODE_INFO && doc_folded(d))
		doc_wrap_max(d, 0, doc_lstr(d, &n->text), LS_TITLE, 1); /* an introduction */
	else
		bi_lstr(d, 0, &n->text, LS_TITLE);
	/* The volunteer view shows a question's help on the screen, folded to
	 * a line; the self-help view keeps it in the help panel (?). */
	if (v->volunteer && node_help(n)->n) {
		const char *p = doc_own(d->l, xasprintf("%s: ", doc_msg(d->l, v, M_UI_HELP_PREFIX)));
		int row = d->rows;
		doc_put(d, row, 0, p, strlen(p), LS_HEADING, false);
		d->rows = row;
		doc_fold_wrap(d, (int)text_width(p), doc_lstr(d, node_help(n)), LS_DIM);
	}
	if (node_note(n)->n && v->notes && !v->demo) {
		doc_gap(d);
		doc_prefixed(d, 0, doc_own(d->l, xasprintf("%s: ", doc_msg(d->l, v, M_UI_NOTE))),
		             LS_HEADING, doc_lstr(d, node_note(n)), LS_DIM);
	}
	doc_gap(d);
	if (n->kind == NODE_INFO) {
		doc_item_begin(d, LI_BUTTON, 0);
		doc_line(d, 0, doc_own(d->l, xasprintf("[ %s ]", doc_msg(d->l, v, M_UI_CONTINUE_BUTTON))),
		         LS_TITLE);
		doc_item_end(d);
		if (d->bi == BI_SIDE)
			side_rule(d);
		return;
	}
	if (n->kind == NODE_DATE) {
		body_date(d);
		return;
	}
	bool multi = n->kind == NODE_MULTI;
	bi_msg(d, 0, multi ? M_UI_HINT_MANY : M_UI_HINT_ONE, LS_DIM);
	doc_gap(d);
	unsigned shown = 0;
	for (unsigned i = 0; i < n->nchoices; i++)
		shown += session_choice_visible(v->s, i);
	int numw = shown >= 10 ? 2 : 1;
	unsigned k = 0;
	for (unsigned i = 0; i < n->nchoices; i++) {
		if (!session_choice_visible(v->s, i))
			continue;
		k++;
		const char *box = !multi ? "" : v->checked && v->checked[i] ? "[x] " : "[ ] ";
		const char *p = doc_own(d->l, xasprintf("%s%*u. ", box, numw, k));
		const char *label = doc_lstr(d, &n->choices[i].label);
		doc_item_begin(d, LI_CHOICE, (int)i);
		if (d->bi == BI_SIDE) {
			side(d, 0, p, label, p, doc_lstr_in(d, &n->choices[i].label, v->lang2), LS_NORMAL);
		} else {
			doc_prefixed(d, 0, p, LS_NORMAL, label, LS_NORMAL);
			const char *label2 = doc_lstr_in(d, &n->choices[i].label, v->lang2);
			if (d->bi == BI_STACK && strcmp(label, label2) != 0) {
				int pw = (int)text_width(p);
				doc_wrap(d, pw < d->width / 2 ? pw : 2, label2, LS_ALT);
			}
		}
		doc_item_end(d);
	}
	if (d->bi == BI_SIDE)
		side_rule(d);
}

/* The answers given, numbered in order; Enter changes the one under the
 * cursor. Information screens passed on the way are left out, as in the
 * reports' list of answers: they took no answer, and reopening one changed
 * nothing (uxqa row 24). Each item's index is its history entry. */
static void body_review(struct doc *d)
{
	const struct view *v = d->v;
	size_t n = session_history_len(v->s);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		m += d->g->nodes[session_history_node(v->s, i)].kind != NODE_INFO;
	doc_wrap(d, 0, doc_msg(d->l, v, m ? M_UI_REVIEW_HINT : M_UI_REVIEW_NONE), m ? LS_DIM : LS_TITLE);
	const char *arrow = v->ascii ? "-> " : "\u2192 ";
	int numw = m >= 100 ? 5 : m >= 10 ? 4 : 3;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct node *nd = &d->g->nodes[session_history_node(v->s, i)];
		if (nd->kind == NODE_INFO)
			continue;
		const char *answer = doc_answer(d, i); /* a question's, a date's: never NULL */
		doc_gap(d);
		doc_item_begin(d, LI_ANSWER, (int)i);
		const char *p = doc_own(d->l, xasprintf("%*zu. ", numw - 2, ++k));
		int row = d->rows;
		doc_put(d, row, 0, p, strlen(p), LS_NORMAL, false);
		d->rows = row;
		doc_wrap_max(d, numw, doc_lstr(d, &nd->text), LS_NORMAL, 3);
		doc_prefixed(d, numw, arrow, LS_NORMAL, answer, LS_TITLE);
		doc_item_end(d);
	}
}

struct term_set {
	const struct guide *g;
	const struct view *v;
	struct tailor t;          /* only the text this person sees counts */
	unsigned char *on;
	bool any;
};

static void note_term(const char *id, size_t len, void *arg)
{
	struct term_set *ts = arg;
	char *s = xstrndup(id, len);
	int t = guide_term(ts->g, s);
	free(s);
	if (t >= 0)
		ts->on[t] = ts->any = true;
}

static void terms_in(struct term_set *ts, const lstr *s, const char *lang)
{
	if (!tailor_shows(&ts->t, s))
		return;
	char *text = tailor_text(&ts->t, s, lang);
	guide_each_mark(text, note_term, ts);
	free(text);
}

/* A text of the node or remedy under the glossary: its terms count when
 * the screen under shows that text (core/walk.h walks every text, so a new
 * field counts here without a change). */
static void field_terms(const struct walk_field *f, void *arg)
{
	struct term_set *ts = arg;
	const struct view *v = ts->v;
	switch (f->kind) {
	case WALK_SECTION:          /* in the title bar, where marks do not show */
	case WALK_WHY_NOT:          /* on the "why not" screen, not this one */
	case WALK_URGENT_WHY:       /* in the results' "do this first" */
	case WALK_DEADLINE_OPENS:   /* in the reports' deadline table */
	case WALK_DATE_AGREE:       /* on the message line, where marks do not show */
		return;
	case WALK_NODE_NOTE:
	case WALK_REMEDY_NOTE:
		if (!v->notes)
			return;
		break;
	case WALK_CHOICE_LABEL:
	case WALK_CHOICE_HELP:
		if (!session_choice_visible(v->s, f->index))
			return;
		break;
	default:
		break;
	}
	if (f->when && !tailor_holds(&ts->t, f->when))
		return;
	terms_in(ts, f->s, v->lang);
}

static void screen_terms(const struct view *v, struct term_set *ts)
{
	const struct guide *g = ts->g;
	if (v->under == VIEW_NODE && session_node(v->s)) {
		walk_node(g, (unsigned)session_node_index(v->s), field_terms, ts);
	} else if (v->under == VIEW_DETAIL && v->under_remedy >= 0 &&
	           (unsigned)v->under_remedy < g->nremedies) {
		walk_remedy(g, (unsigned)v->under_remedy, field_terms, ts);
	} else if (v->under == VIEW_RESULTS) {
		/* The results list shows each remedy's title and summary only. */
		struct session_remedy *r;
		size_t n = rank_grouped(v->s, &r);
		for (size_t i = 0; i < n; i++) {
			terms_in(ts, &g->remedies[r[i].remedy].title, v->lang);
			terms_in(ts, &g->remedies[r[i].remedy].summary, v->lang);
		}
		free(r);
	}
}

/* One term and its definition; in the bilingual view each is followed by
 * the second language (the glossary is a list: never in two columns). */
static void doc_term(struct doc *d, unsigned t)
{
	const struct term *tm = &d->g->terms[t];
	doc_gap(d);
	doc_wrap(d, 0, doc_lstr(d, &tm->term), LS_TITLE);
	second(d, 0, &tm->term);
	doc_wrap(d, 2, doc_lstr(d, &tm->definition), LS_NORMAL);
	second(d, 2, &tm->definition);
}

static void body_glossary(struct doc *d)
{
	const struct guide *g = d->g;
	if (!g->nterms) {
		doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_NO_TERMS), LS_TITLE);
		return;
	}
	struct term_set ts = {.g = g, .v = d->v, .on = xcalloc(g->nterms, 1)};
	tailor_init(&ts.t, d->v->s);
	screen_terms(d->v, &ts);
	if (ts.any) {
		doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_ON_SCREEN), LS_HEADING);
		for (unsigned t = 0; t < g->nterms; t++)
			if (ts.on[t])
				doc_term(d, t);
		doc_gap(d);
	}
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_ALL_TERMS), LS_HEADING);
	for (unsigned t = 0; t < g->nterms; t++)
		doc_term(d, t);
	free(ts.on);
}

/* The search's hits (v->hits, found by the state when the query changed). */
static void body_search(struct doc *d)
{
	const struct view *v = d->v;
	const struct search_hit *hits = v->hits;
	size_t n = v->nhits;
	const struct guide *g = d->g;
	const char *lang2 = d->bi != BI_OFF ? v->lang2 : NULL;
	size_t shown = n > PAGES_MAX_HITS ? PAGES_MAX_HITS : n;
	for (size_t i = 0; i < shown; i++) {
		const char *tag, *title, *more = NULL;
		const lstr *ts;
		enum lay_item_kind kind;
		int k = hits[i].index;
		switch (hits[i].kind) {
		case SEARCH_REMEDY:
			kind = LI_REMEDY;
			tag = doc_msg(d->l, v, M_UI_KIND_REMEDY);
			ts = &g->remedies[k].title;
			more = g->remedies[k].summary.n ? doc_lstr(d, &g->remedies[k].summary) : NULL;
			break;
		case SEARCH_NODE:
			kind = LI_NODE;
			tag = doc_msg(d->l, v, M_UI_KIND_QUESTION);
			ts = &g->nodes[k].text;
			break;
		default:
			kind = LI_TERM;
			tag = doc_msg(d->l, v, M_UI_KIND_TERM);
			ts = &g->terms[k].term;
			more = doc_lstr(d, &g->terms[k].definition);
			break;
		}
		title = doc_lstr(d, ts);
		if (i)
			doc_gap(d);
		doc_item_begin(d, kind, k);
		const char *p = doc_own(d->l, xasprintf("%s: ", tag));
		int row = d->rows;
		doc_put(d, row, 0, p, strlen(p), LS_DIM, false);
		d->rows = row;
		int pw = (int)text_width(p);
		if (pw >= d->width / 2) { /* no room beside the tag: below it */
			d->rows = row + 1;
			pw = 2;
		}
		doc_wrap_max(d, pw, title, LS_TITLE, 2);
		const char *title2 = lang2 ? doc_lstr_in(d, ts, lang2) : NULL;
		if (title2 && strcmp(title, title2) != 0)
			doc_wrap_max(d, pw, title2, LS_ALT, 2);
		if (more)
			doc_line(d, 2, more, LS_NORMAL);
		doc_item_end(d);
	}
	if (shown < n) {
		doc_gap(d);
		doc_wrap(d, 0, doc_own(d->l, xasprintf(msg(v->lang, M_UI_MORE_HITS), n - shown)), LS_DIM);
	}
}

void pages_body(struct doc *d)
{
	switch (d->v->kind) {
	case VIEW_WELCOME: body_welcome(d); break;
	case VIEW_NODE: body_node(d); break;
	case VIEW_RESULTS: pages_body_results(d); break;
	case VIEW_DETAIL: pages_body_detail(d, d->v->remedy); break;
	case VIEW_WHY_NOT: pages_body_why_not(d); break;
	case VIEW_REVIEW: body_review(d); break;
	case VIEW_GLOSSARY: body_glossary(d); break;
	case VIEW_SEARCH: body_search(d); break;
	}
}
