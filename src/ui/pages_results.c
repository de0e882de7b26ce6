/* SPDX-License-Identifier: MIT */
/* What the results, a remedy's detail and "why not" screens say: the
 * bodies pages_body (pages.c) writes for VIEW_RESULTS, VIEW_DETAIL and
 * VIEW_WHY_NOT. */
#include "pages_results.h"

#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/msg.h"
#include "core/rank.h"
#include "core/report_words.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"
#include "core/walk.h"

static void detail_see_also(struct doc *d, int r);

/* The deadline line of a remedy on the results list: "Deadline: " and the
 * most urgent deadline this person sees, whole, wrapped beside the label (a
 * deadline cut short can mislead). One line to change when the deadline
 * becomes a computed date. */
static void results_deadline(struct doc *d, int remedy, const char *label)
{
	const struct remedy *rem = &d->g->remedies[remedy];
	int pick = deadline_remedy_pick(d->v->s, remedy, NULL, NULL);
	if (pick >= 0) {
		/* A computed date says more than the rule: the date, whole. */
		char *when = report_deadline_sentence(d->v->s, &rem->deadlines[pick], d->v->lang);
		const char *p = doc_own(d->l, xasprintf("%s: ", label));
		doc_prefixed(d, 2, p, LS_DIM, doc_own(d->l, when), LS_NORMAL);
		return;
	}
	const struct deadline *u = rank_deadline(d->v->s, remedy);
	if (!u)
		return;
	const char *p = doc_own(d->l, xasprintf("%s: ", label));
	doc_prefixed(d, 2, p, LS_DIM, doc_lstr(d, &u->text), LS_DIM);
}

/* A remedy's title with its mark in words ("[URGENT]", "[PASSED]"): a mark
 * that does not rely on colour. */
static const char *remedy_title(struct doc *d, int remedy, bool urgent)
{
	const char *t = doc_lstr(d, &d->g->remedies[remedy].title);
	enum deadline_state st = deadline_remedy_status(d->v->s, remedy, NULL);
	if (!urgent && st != DL_URGENT && st != DL_PASSED)
		return t;
	return doc_own(d->l, xasprintf("[%s] %s", doc_msg(d->l, d->v, urgent || st == DL_URGENT ? M_DL_URGENT
	                                                                            : M_DL_PASSED_MARK), t));
}

/* What the remedies are based on: the same items as the reports', shown
 * at the top of the results; f folds it to its heading. */
static void results_framing(struct doc *d)
{
	const struct view *v = d->v;
	char **items;
	size_t n = report_framing(v->s, v->lang, &items);
	if (n) {
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(d->l, v, M_REPORT_SITUATION), LS_HEADING);
		if (v->framing_folded)
			doc_line(d, 2, doc_own(d->l, xasprintf(msg(v->lang, M_UI_FRAMING_FOLDED), "f")),
			         LS_DIM);
	}
	for (size_t i = 0; i < n; i++) {
		if (!v->framing_folded)
			doc_prefixed(d, 2, "- ", LS_NORMAL, doc_safe(d->l, v, items[i]), LS_NORMAL);
		free(items[i]);
	}
	free(items);
}

/* "Do this first": at most three actions, each an item that opens the
 * remedy. */
static void results_first(struct doc *d, const struct rank_entry *r, size_t n)
{
	const struct view *v = d->v;
	size_t idx[3];
	size_t k = rank_first(r, n, idx);
	if (!k)
		return;
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, v, M_DO_FIRST), LS_HEADING);
	for (size_t i = 0; i < k; i++) {
		const struct rank_entry *e = &r[idx[i]];
		doc_item_begin(d, LI_REMEDY, e->remedy);
		doc_item_number(d, (int)i + 1);
		/* the person's own screen: their aim may be named */
		char *line = report_first_action(v->s, e, v->lang, true);
		doc_prefixed(d, 0, doc_own(d->l, xasprintf("%zu. ", i + 1)), LS_TITLE,
		             doc_safe(d->l, v, line), LS_NORMAL);
		free(line);
		doc_item_end(d);
	}
}

/* The volunteer view's deadline of a remedy, short: the computed date where
 * the person gave one (deadline.h), else the guide's words for the most
 * urgent deadline on one line; "" when the remedy has none. */
static const char *compact_deadline(struct doc *d, int remedy)
{
	const struct view *v = d->v;
	long due = 0;
	enum deadline_state st = DL_NOT_COMPUTED;
	int pick = deadline_remedy_pick(v->s, remedy, &st, &due);
	/* The date itself (a hearing: a period of nothing) is "on", not "by". */
	bool event = pick >= 0 && v->s && session_guide(v->s)->remedies[remedy].deadlines[pick].period.n == 0;
	enum msg_id how;
	const char *mark = NULL;
	switch (st) {
	case DL_URGENT: how = event ? M_UI_ON : M_UI_BY; mark = msg(v->lang, M_DL_URGENT); break;
	case DL_DUE: how = event ? M_UI_ON : M_UI_BY; break;
	case DL_PASSED: how = M_UI_ON; mark = msg(v->lang, M_DL_PASSED_MARK); break;
	case DL_WAITING: how = M_UI_ENDS; break;
	case DL_OPENED: how = M_UI_ENDED; break;
	default: {
		const struct deadline *u = rank_deadline(v->s, remedy);
		return u ? doc_lstr(d, &u->text) : "";
	}
	}
	char *day = deadline_day_text(v->lang, due, false);
	char *when = xasprintf(msg(v->lang, how), day);
	char *text = mark ? xasprintf("%s %s", mark, when) : xstrdup(when);
	free(when);
	free(day);
	const char *s = doc_safe(d->l, v, text);
	free(text);
	return s;
}

/* The volunteer view's results: one numbered entry per remedy, its title
 * with its first (key) citation, then its deadline on one line (m opens it
 * whole); no summaries, no gaps. Each remedy has one number, typed to open
 * it: a remedy of "do this first" keeps its number there (1 to 3), the
 * others are numbered on from there in the list's order. The list stays
 * whole (every remedy with its citation and deadline, in its path group),
 * and no remedy is opened by two numbers (uxqa row 16: the list once went
 * on from 4 with the same three remedies again). */
/* Grouped by path, the heading of the path of entry i when it starts a new
 * group (*path: the group so far); true when one was written. */
static bool path_heading(struct doc *d, const struct rank_entry *r, size_t i, int *path)
{
	int p = d->g->remedies[r[i].remedy].path;
	if (!d->v->by_path || (i > 0 && p == *path))
		return false;
	*path = p;
	doc_gap(d);
	doc_wrap(d, 0, doc_lstr(d, &d->g->paths[p].title), LS_HEADING);
	return true;
}

static void compact_results(struct doc *d, const struct rank_entry *r, size_t n)
{
	const struct view *v = d->v;
	const struct guide *g = d->g;
	int path = -1;
	size_t idx[3];
	size_t nfirst = rank_first(r, n, idx);
	size_t next = nfirst;
	int numw = n >= 10 ? 2 : 1;
	const char *dl = doc_msg(d->l, v, M_UI_DEADLINE);
	const char *dot = v->ascii ? " - " : " \u00b7 ";
	for (size_t i = 0; i < n; i++) {
		const struct remedy *rem = &g->remedies[r[i].remedy];
		if (!path_heading(d, r, i, &path) && !v->by_path && i == 0)
			doc_gap(d);
		size_t num = 0;
		for (size_t j = 0; j < nfirst; j++)
			if (idx[j] == i)
				num = j + 1;
		if (!num)
			num = ++next;
		doc_item_begin(d, LI_REMEDY, r[i].remedy);
		doc_item_number(d, (int)num);
		const char *p = doc_own(d->l, xasprintf("%*zu. ", numw, num));
		const char *title = doc_lstr(d, &rem->title);
		if (rem->ncitations)
			title = doc_own(d->l, xasprintf("%s%s%s", title, dot,
			                                doc_safe(d->l, v, g->citations[rem->citations[0]].cite)));
		doc_prefixed(d, 0, p, LS_TITLE, title, LS_TITLE);
		const char *when = compact_deadline(d, r[i].remedy);
		if (*when)
			doc_fold_wrap(d, (int)text_width(p), doc_own(d->l, xasprintf("%s: %s", dl, when)), LS_DIM);
		doc_item_end(d);
	}
}

void pages_body_results(struct doc *d)
{
	const struct view *v = d->v;
	const struct guide *g = d->g;
	struct rank_entry *r;
	size_t n = rank_results(v->s, v->by_path ? RANK_BY_PATH : RANK_BEST_FIRST, &r);
	doc_wrap(d, 0, doc_msg(d->l, v, n ? M_UI_RESULTS_HINT : M_NO_RESULTS), n ? LS_DIM : LS_TITLE);
	results_framing(d);
	results_first(d, r, n);
	if (n && !v->by_path) {
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(d->l, v, M_RANKED), LS_HEADING);
	}
	int path = -1;
	const char *dl = doc_msg(d->l, v, M_UI_DEADLINE);
	if (v->volunteer) {
		compact_results(d, r, n);
		n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		const struct remedy *rem = &g->remedies[r[i].remedy];
		if (!path_heading(d, r, i, &path) && !v->by_path)
			doc_gap(d);
		doc_item_begin(d, LI_REMEDY, r[i].remedy);
		doc_wrap(d, 0, remedy_title(d, r[i].remedy, r[i].band == RANK_URGENT), LS_TITLE);
		if (doc_shows(d, &rem->summary))
			doc_wrap_max(d, 2, doc_lstr(d, &rem->summary), LS_NORMAL, 1);
		results_deadline(d, r[i].remedy, dl);
		doc_item_end(d);
	}
	free(r);
	struct session_exclusion *e;
	size_t ne = session_exclusions(v->s, &e);
	free(e);
	if (ne) {
		doc_gap(d);
		doc_item_begin(d, LI_WHY_NOT, 0);
		doc_line(d, 0, doc_own(d->l, xasprintf("%s (%zu)", doc_msg(d->l, v, M_UI_WHY_NOT), ne)),
		         LS_NORMAL);
		doc_item_end(d);
	}
	doc_disclaimer(d);
}

/* A web address on a line of its own, never broken inside: at column x when
 * it fits there, else at the left edge (on this page, which has no cursor
 * bar, the margin column too); wider than the window, cut with an
 * ellipsis (plainly not a whole address) and, the first time on the page,
 * a word on how to see it whole. *cut counts the addresses cut. */
static void doc_url(struct doc *d, int x, const char *url, int *cut)
{
	const char *u = doc_safe(d->l, d->v, url);
	int w = (int)text_width(u);
	if (w <= d->width - x) {
		doc_put(d, d->rows, x, u, strlen(u), LS_URL, false);
		return;
	}
	if (w <= d->width + 1) {
		doc_put(d, d->rows, w <= d->width ? 0 : -1, u, strlen(u), LS_URL, false);
		return;
	}
	const char *s = doc_fit(d->l, d->v, u, d->width);
	doc_put(d, d->rows, 0, s, strlen(s), LS_URL, false);
	if ((*cut)++ == 0)
		doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_URL_TOO_LONG), LS_DIM);
}

void pages_body_detail(struct doc *d, int remedy)
{
	const struct view *v = d->v;
	const struct guide *g = d->g;
	if (remedy < 0 || (unsigned)remedy >= g->nremedies)
		return;
	const struct remedy *r = &g->remedies[remedy];
	int cut = 0;
	doc_wrap(d, 0, remedy_title(d, remedy, false), LS_TITLE);
	doc_wrap(d, 0, doc_lstr(d, &g->paths[r->path].title), LS_DIM);
	if (doc_shows(d, &r->summary)) {
		doc_gap(d);
		doc_wrap(d, 0, doc_lstr(d, &r->summary), LS_NORMAL);
	}
	if (r->note.n && v->notes && doc_shows(d, &r->note)) {
		doc_gap(d);
		doc_prefixed(d, 0, doc_own(d->l, xasprintf("%s: ", doc_msg(d->l, v, M_UI_NOTE))),
		             LS_HEADING, doc_lstr(d, &r->note), LS_DIM);
	}
	if (doc_shows(d, &r->who)) {
		doc_heading(d, M_WHO);
		doc_wrap(d, 2, doc_lstr(d, &r->who), LS_NORMAL);
	}
	bool any = false;
	for (unsigned i = 0; i < r->ndeadlines; i++) {
		const struct deadline *dl = &r->deadlines[i];
		if (!doc_holds(d, dl->when) || !doc_shows(d, &dl->text))
			continue;
		if (!any)
			doc_heading(d, M_DEADLINES);
		any = true;
		doc_prefixed(d, 2, "- ", LS_NORMAL, doc_lstr(d, &dl->text), LS_NORMAL);
		char *when = report_deadline_sentence(v->s, dl, v->lang);
		if (when)
			doc_wrap(d, 4, doc_own(d->l, when), LS_TITLE);
	}
	if (doc_shown_count(d, r->steps, r->nsteps)) {
		doc_heading(d, M_STEPS);
		doc_list(d, r->steps, r->nsteps, true);
	}
	if (doc_shown_count(d, r->need, r->nneed)) {
		doc_heading(d, M_NEED);
		doc_list(d, r->need, r->nneed, false);
	}
	if (doc_shown_count(d, r->limits, r->nlimits)) {
		doc_heading(d, M_LIMITS);
		doc_list(d, r->limits, r->nlimits, false);
	}
	any = false;
	for (unsigned i = 0; i < r->nwhere; i++) {
		if (!doc_holds(d, r->where[i].when) || !doc_shows(d, &r->where[i].name))
			continue;
		if (!any)
			doc_heading(d, M_WHERE);
		any = true;
		doc_prefixed(d, 2, "- ", LS_NORMAL, doc_lstr(d, &r->where[i].name), LS_NORMAL);
		if (r->where[i].url)
			doc_url(d, 4, r->where[i].url, &cut);
	}
	any = false;
	for (unsigned i = 0; i < r->ncitations; i++) {
		if (r->cite_when && !doc_holds(d, r->cite_when[i]))
			continue;
		if (!any)
			doc_heading(d, M_CITATIONS);
		any = true;
		const struct citation *c = &g->citations[r->citations[i]];
		const char *t = c->title.n ? doc_lstr(d, &c->title) : "";
		const char *line = doc_own(d->l, xasprintf("%s%s%s", doc_safe(d->l, v, c->cite),
		                                       *t ? ". " : "", t));
		doc_prefixed(d, 2, "- ", LS_NORMAL, line, LS_NORMAL);
		if (c->url)
			doc_url(d, 4, c->url, &cut);
		if (c->verified)
			doc_wrap(d, 4, doc_own(d->l, xasprintf("(%s %s)", doc_msg(d->l, v, M_VERIFIED),
			                                   doc_safe(d->l, v, c->verified))), LS_DIM);
	}
	detail_see_also(d, remedy);
	doc_disclaimer(d);
}

void pages_body_why_not(struct doc *d)
{
	const struct view *v = d->v;
	const struct guide *g = d->g;
	struct session_exclusion *e;
	size_t n = session_exclusions(v->s, &e);
	doc_wrap(d, 0, doc_msg(d->l, v, n ? M_RULED_OUT : M_UI_NONE_RULED_OUT), LS_HEADING);
	for (size_t i = 0; i < n; i++) {
		const struct remedy *r = &g->remedies[e[i].remedy];
		doc_gap(d);
		doc_wrap(d, 0, doc_lstr(d, &r->title), LS_TITLE);
		char *why = report_exclusion_reason(g, &e[i], v->lang);
		doc_wrap(d, 2, doc_safe(d->l, v, why), LS_NORMAL);
		free(why);
		if (doc_shows(d, &r->why_not))
			doc_wrap(d, 2, doc_lstr(d, &r->why_not), LS_NORMAL);
	}
	free(e);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, v, M_DISCLAIMER), LS_HEADING);
}

/* The glossary terms marked on the screen the glossary was opened from. */
struct see_also {
	struct tailor t;
	unsigned char *on;   /* per remedy: referred to in a shown text */
};

static void mark_ref(const char *id, size_t len, void *arg)
{
	struct see_also *a = arg;
	char *s = xstrndup(id, len);
	int r = guide_remedy(a->t.g, s);
	free(s);
	if (r >= 0)
		a->on[r] = 1;
}

/* The references in a text this person sees (its shown parts only). */
static void refs_of(struct see_also *a, const lstr *s)
{
	if (!tailor_holds(&a->t, lstr_when(s)))
		return;
	if (lstr_nparts(s)) {
		for (unsigned i = 0; i < lstr_nparts(s); i++)
			refs_of(a, lstr_part(s, i));
		return;
	}
	for (unsigned i = 0; i < s->n; i++)
		tailor_each_ref(s->items[i].text, mark_ref, a);
}

static void field_refers(const struct walk_field *f, void *arg)
{
	struct see_also *a = arg;
	if (!walk_is_note(f->kind) && tailor_holds(&a->t, f->when))
		refs_of(a, f->s);
}

/* The remedies in the person's list that remedy r refers to ([[see:ID]])
 * in a text they see: numbered, each opens with its number (followed).
 * One walk over r's texts, then one pass over the remedies. */
static void detail_see_also(struct doc *d, int r)
{
	const struct guide *g = d->g;
	struct see_also a = {.on = xcalloc(g->nremedies + 1, 1)};
	tailor_init(&a.t, d->v->s);
	walk_remedy(g, (unsigned)r, field_refers, &a);
	unsigned k = 0;
	for (unsigned i = 0; i < g->nremedies; i++) {
		if (!a.on[i] || (int)i == r || !session_gathered(d->v->s, (int)i))
			continue;
		if (!k)
			doc_heading(d, M_SEE_ALSO);
		doc_item_begin(d, LI_REMEDY, (int)i);
		doc_prefixed(d, 2, doc_own(d->l, xasprintf("%u. ", ++k)), LS_NORMAL,
		             doc_lstr(d, &g->remedies[i].title), LS_NORMAL);
		doc_item_end(d);
	}
	free(a.on);
}
