/* SPDX-License-Identifier: MIT */
#include "core/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/cite.h"
#include "core/lang.h"
#include "core/tailor.h"
#include "core/util.h"
#include "core/walk.h"

struct graph {
	unsigned n;
	unsigned *start;   /* CSR: edges of node i are adj[start[i] .. start[i+1]) */
	int *adj;
};

static void node_targets(const struct node *n, void (*fn)(int to, void *arg), void *arg)
{
	for (unsigned i = 0; i < n->nchoices; i++)
		if (n->choices[i].next >= 0)
			fn(n->choices[i].next, arg);
	if (n->next >= 0)
		fn(n->next, arg);
	if (n->otherwise >= 0)
		fn(n->otherwise, arg);
}

struct fill { struct graph *gr; unsigned pos; };
static void count_edge(int to, void *arg) { (void)to; ++*(unsigned *)arg; }
static void add_edge(int to, void *arg)
{
	struct fill *f = arg;
	f->gr->adj[f->pos++] = to;
}

static void graph_build(const struct guide *g, struct graph *gr)
{
	unsigned total = 0;
	gr->n = g->nnodes;
	gr->start = xcalloc(g->nnodes + 1, sizeof *gr->start);
	for (unsigned i = 0; i < g->nnodes; i++) {
		gr->start[i] = total;
		node_targets(&g->nodes[i], count_edge, &total);
	}
	gr->start[g->nnodes] = total;
	gr->adj = xcalloc(total, sizeof *gr->adj);
	struct fill f = {gr, 0};
	for (unsigned i = 0; i < g->nnodes; i++)
		node_targets(&g->nodes[i], add_edge, &f);
}

static void graph_free(struct graph *gr)
{
	free(gr->start);
	free(gr->adj);
}

static void node_err(struct diags *d, const struct guide *g, const struct node *n,
                     enum diag_level lv, const char *fmt, const char *a, const char *b)
{
	diags_add(d, lv, g->file, n->line, n->col, fmt, a, b);
}

static void check_reachable(const struct guide *g, const struct graph *gr, struct diags *d,
                            unsigned char *seen)
{
	int *queue = xcalloc(g->nnodes, sizeof *queue);
	size_t qh = 0, qt = 0;
	if (g->start >= 0) {
		seen[g->start] = 1;
		queue[qt++] = g->start;
	}
	while (qh < qt) {
		int v = queue[qh++];
		for (unsigned e = gr->start[v]; e < gr->start[v + 1]; e++)
			if (!seen[gr->adj[e]]) {
				seen[gr->adj[e]] = 1;
				queue[qt++] = gr->adj[e];
			}
	}
	for (unsigned i = 0; i < g->nnodes; i++)
		if (!seen[i])
			node_err(d, g, &g->nodes[i], DIAG_ERROR,
			         "node '%s' cannot be reached from the start node '%s'", g->nodes[i].id,
			         g->start >= 0 ? g->nodes[g->start].id : "?");
	free(queue);
}

/* Iterative DFS (a guide may be a chain of 100k nodes): colour 1 = on the
 * current path, 2 = done. A back edge closes a cycle. */
static void check_cycles(const struct guide *g, const struct graph *gr, struct diags *d)
{
	unsigned char *colour = xcalloc(g->nnodes, 1);
	unsigned *edge = xcalloc(g->nnodes, sizeof *edge);
	int *stack = xcalloc(g->nnodes, sizeof *stack);
	unsigned reported = 0;
	for (unsigned root = 0; root < g->nnodes; root++) {
		if (colour[root])
			continue;
		size_t sp = 0;
		stack[sp++] = (int)root;
		colour[root] = 1;
		edge[root] = gr->start[root];
		while (sp) {
			int v = stack[sp - 1];
			if (edge[v] == gr->start[v + 1]) {
				colour[v] = 2;
				sp--;
				continue;
			}
			int w = gr->adj[edge[v]++];
			if (colour[w] == 1) {
				if (reported++ < 20)
					node_err(d, g, &g->nodes[v], DIAG_ERROR,
					         "node '%s' leads back to '%s': the guide must not loop",
					         g->nodes[v].id, g->nodes[w].id);
			} else if (!colour[w]) {
				colour[w] = 1;
				edge[w] = gr->start[w];
				stack[sp++] = w;
			}
		}
	}
	free(colour);
	free(edge);
	free(stack);
}

static void check_ends(const struct guide *g, const struct graph *gr, struct diags *d,
                       const unsigned char *reachable)
{
	/* Reverse edges, then search backwards from every result. */
	unsigned *rstart = xcalloc(g->nnodes + 1, sizeof *rstart);
	unsigned total = gr->start[g->nnodes];
	int *radj = xcalloc(total, sizeof *radj);
	for (unsigned e = 0; e < total; e++)
		rstart[gr->adj[e] + 1]++;
	for (unsigned i = 0; i < g->nnodes; i++)
		rstart[i + 1] += rstart[i];
	unsigned *fillp = xcalloc(g->nnodes, sizeof *fillp);
	for (unsigned v = 0; v < g->nnodes; v++)
		for (unsigned e = gr->start[v]; e < gr->start[v + 1]; e++) {
			int w = gr->adj[e];
			radj[rstart[w] + fillp[w]++] = (int)v;
		}
	unsigned char *ok = xcalloc(g->nnodes, 1);
	int *queue = xcalloc(g->nnodes, sizeof *queue);
	size_t qh = 0, qt = 0;
	for (unsigned i = 0; i < g->nnodes; i++)
		if (g->nodes[i].kind == NODE_RESULT) {
			ok[i] = 1;
			queue[qt++] = (int)i;
		}
	while (qh < qt) {
		int v = queue[qh++];
		for (unsigned e = rstart[v]; e < rstart[v + 1]; e++)
			if (!ok[radj[e]]) {
				ok[radj[e]] = 1;
				queue[qt++] = radj[e];
			}
	}
	for (unsigned i = 0; i < g->nnodes; i++)
		if (reachable[i] && !ok[i])
			node_err(d, g, &g->nodes[i], DIAG_ERROR,
			         "no path from node '%s' reaches a result%s", g->nodes[i].id, "");
	free(rstart);
	free(radj);
	free(fillp);
	free(ok);
	free(queue);
}

struct fact_use {
	const struct guide *g;
	struct diags *d;
	unsigned char *fact_set;      /* per fact */
	unsigned char *pair_set;      /* per fact * nvalues + value */
};

static void check_cond(struct fact_use *u, const struct cond *c)
{
	if (!c)
		return;
	if (c->kind == COND_MATCH) {
		const struct guide *g = u->g;
		if (!u->fact_set[c->fact]) {
			diag_error(u->d, g->file, c->line, c->col,
			           "fact '%s' is tested here but no choice sets it", g->facts[c->fact]);
			return;
		}
		for (unsigned i = 0; i < c->nvalues; i++)
			if (!u->pair_set[(size_t)c->fact * g->nvalues + (size_t)c->values[i]])
				diag_error(u->d, g->file, c->line, c->col,
				           "no choice sets fact '%s' to '%s', so this test never holds",
				           g->facts[c->fact], g->values[c->values[i]]);
	}
	for (unsigned i = 0; i < c->nkids; i++)
		check_cond(u, c->kids[i]);
}

/* Date facts: a computed deadline counts from a date some date question
 * asks; a date asked is used by some deadline; a date fact is not also a
 * fact that choices set. */
static void check_dates(const struct guide *g, struct diags *d, const unsigned char *fact_set)
{
	unsigned char *asked = xcalloc(g->nfacts + 1, 1), *used = xcalloc(g->nfacts + 1, 1);
	for (unsigned i = 0; i < g->nnodes; i++) {
		const struct node *n = &g->nodes[i];
		if (n->kind != NODE_DATE || n->date_fact < 0)
			continue;
		asked[n->date_fact] = 1;
		if (fact_set[n->date_fact])
			diag_error(d, g->file, n->line, n->col, "fact '%s' holds a date here, but choices "
			           "also set it to a value; give the date its own name", g->facts[n->date_fact]);
	}
	for (unsigned i = 0; i < g->nremedies; i++)
		for (unsigned j = 0; j < g->remedies[i].ndeadlines; j++) {
			const struct deadline *dl = &g->remedies[i].deadlines[j];
			if (dl->from < 0)
				continue;
			used[dl->from] = 1;
			if (!asked[dl->from])
				diag_error(d, g->file, lstr_line(&dl->text), lstr_col(&dl->text), "a deadline of remedy '%s' "
				           "counts from '%s', but no date question asks it", g->remedies[i].id,
				           g->facts[dl->from]);
		}
	for (unsigned i = 0; i < g->nnodes; i++) {
		const struct node *n = &g->nodes[i];
		if (n->kind == NODE_DATE && n->date_fact >= 0 && !used[n->date_fact]) {
			diag_warn(d, g->file, n->line, n->col, "the date asked here ('%s') is used by no "
			          "deadline ('from: %s')", g->facts[n->date_fact], g->facts[n->date_fact]);
			used[n->date_fact] = 1;   /* once per fact */
		}
	}
	free(asked);
	free(used);
}

/* A cheap test that two conditions can never hold together: a fact that
 * both require, at top level (through `all` and `not`), to take values
 * that no single value satisfies. It finds the usual mistake (an item for
 * citizens in a remedy only offered to others) without solving conditions
 * in general. */
struct constraint { const struct cond *c; bool neg; };

static void top_constraints(const struct cond *c, bool neg, struct constraint *out, size_t *n,
                            size_t max)
{
	if (!c || *n >= max)
		return;
	if (c->kind == COND_MATCH)
		out[(*n)++] = (struct constraint){c, neg};
	else if (c->kind == COND_ALL && !neg)
		for (unsigned i = 0; i < c->nkids; i++)
			top_constraints(c->kids[i], false, out, n, max);
	else if (c->kind == COND_NOT && c->nkids)
		top_constraints(c->kids[0], !neg, out, n, max);
}

static bool has_value(const struct cond *c, int v)
{
	for (unsigned i = 0; i < c->nvalues; i++)
		if (c->values[i] == v)
			return true;
	return false;
}

/* Whether constraint a (positive) leaves a value that b allows. */
static bool compatible(const struct constraint *a, const struct constraint *b)
{
	for (unsigned i = 0; i < a->c->nvalues; i++)
		if (has_value(b->c, a->c->values[i]) != b->neg)
			return true;
	return false;
}

static bool never_together(const struct cond *x, const struct cond *y)
{
	enum { MAX = 32 };
	struct constraint v[2 * MAX];
	size_t n = 0, nx;
	top_constraints(x, false, v, &n, MAX);
	nx = n;
	top_constraints(y, false, v, &n, 2 * MAX);
	for (size_t i = 0; i < nx; i++)
		for (size_t j = nx; j < n; j++) {
			if (v[i].c->fact != v[j].c->fact)
				continue;
			if (!v[i].neg && !compatible(&v[i], &v[j]))
				return true;
			if (!v[j].neg && !compatible(&v[j], &v[i]))
				return true;
		}
	return false;
}

static void never_shows(struct diags *d, const struct guide *g, const struct remedy *r,
                        const struct cond *c, const char *what)
{
	if (c && r->when && never_together(r->when, c))
		diag_error(d, g->file, c->line, c->col,
		           "this %s of remedy '%s' can never show: its condition contradicts the "
		           "remedy's own 'when'", what, r->id);
}

static void never_shows_lstr(struct diags *d, const struct guide *g, const struct remedy *r,
                             const lstr *s, const char *what)
{
	const struct cond *whole = lstr_when(s);
	never_shows(d, g, r, whole, what);
	for (unsigned i = 0; i < lstr_nparts(s); i++) {
		const struct cond *part = lstr_when(lstr_part(s, i));
		never_shows(d, g, r, part, what);
		if (whole && part && never_together(whole, part))
			diag_error(d, g->file, part->line, part->col,
			           "this part of a %s of remedy '%s' can never show: its condition "
			           "contradicts the text's own", what, r->id);
	}
}

/* Items of a remedy that no one who is offered the remedy can ever see. */
static void check_never_shown(const struct guide *g, struct diags *d)
{
	for (unsigned i = 0; i < g->nremedies; i++) {
		const struct remedy *r = &g->remedies[i];
		never_shows_lstr(d, g, r, &r->summary, "summary");
		never_shows_lstr(d, g, r, &r->who, "'who'");
		for (unsigned j = 0; j < r->nsteps; j++)
			never_shows_lstr(d, g, r, &r->steps[j], "step");
		for (unsigned j = 0; j < r->nneed; j++)
			never_shows_lstr(d, g, r, &r->need[j], "'need' item");
		for (unsigned j = 0; j < r->nlimits; j++)
			never_shows_lstr(d, g, r, &r->limits[j], "limit");
		for (unsigned j = 0; j < r->ndeadlines; j++) {
			never_shows(d, g, r, r->deadlines[j].when, "deadline");
			never_shows_lstr(d, g, r, &r->deadlines[j].text, "deadline");
		}
		for (unsigned j = 0; j < r->nwhere; j++) {
			never_shows(d, g, r, r->where[j].when, "place");
			never_shows_lstr(d, g, r, &r->where[j].name, "place");
		}
		for (unsigned j = 0; r->cite_when && j < r->ncitations; j++)
			never_shows(d, g, r, r->cite_when[j], "citation");
		for (unsigned j = 0; j < r->nranks; j++)
			never_shows(d, g, r, r->ranks[j].when, "rank");
		for (unsigned j = 0; j < r->nurgent; j++)
			never_shows(d, g, r, r->urgent[j].when, "'urgent' entry");
	}
}

static void check_lstr_cond(const struct walk_field *f, void *arg)
{
	check_cond(arg, lstr_when(f->s));
}

static void check_facts(const struct guide *g, struct diags *d)
{
	struct fact_use u = {g, d, xcalloc(g->nfacts, 1),
	                     xcalloc((size_t)g->nfacts * g->nvalues + 1, 1)};
	for (unsigned i = 0; i < g->nnodes; i++)
		for (unsigned j = 0; j < g->nodes[i].nchoices; j++) {
			const struct choice *c = &g->nodes[i].choices[j];
			for (unsigned k = 0; k < c->nsets; k++) {
				u.fact_set[c->sets[k].fact] = 1;
				u.pair_set[(size_t)c->sets[k].fact * g->nvalues + (size_t)c->sets[k].value] = 1;
			}
		}
	for (unsigned i = 0; i < g->nnodes; i++) {
		check_cond(&u, g->nodes[i].when);
		for (unsigned j = 0; j < g->nodes[i].nchoices; j++)
			check_cond(&u, choice_when(&g->nodes[i].choices[j]));
	}
	for (unsigned i = 0; i < g->nagrees; i++)
		check_cond(&u, g->agrees[i].when);
	for (unsigned i = 0; i < g->nremedies; i++) {
		const struct remedy *r = &g->remedies[i];
		check_cond(&u, r->when);
		for (unsigned j = 0; j < r->ndeadlines; j++)
			check_cond(&u, r->deadlines[j].when);
		for (unsigned j = 0; j < r->nwhere; j++)
			check_cond(&u, r->where[j].when);
		for (unsigned j = 0; r->cite_when && j < r->ncitations; j++)
			check_cond(&u, r->cite_when[j]);
		for (unsigned j = 0; j < r->nranks; j++)
			check_cond(&u, r->ranks[j].when);
		for (unsigned j = 0; j < r->nurgent; j++)
			check_cond(&u, r->urgent[j].when);
	}
	walk_guide(g, check_lstr_cond, &u);
	check_dates(g, d, u.fact_set);
	free(u.fact_set);
	free(u.pair_set);
}

struct text_scan {
	const struct guide *g;
	struct diags *d;
	struct check_summary *sum;
	unsigned char *term_used;
	const lstr *cur;
	const struct walk_field *where;
	char place[200];           /* where, described: made only when a message needs it */
	unsigned missing_reported;
	bool *missing;             /* per language, for the text being scanned */
};

static const char *place_of(struct text_scan *ts)
{
	return walk_place(ts->where, ts->place, sizeof ts->place);
}

static void on_mark(const char *id, size_t len, void *arg)
{
	struct text_scan *ts = arg;
	char *s = xstrndup(id, len);
	int t = guide_term(ts->g, s);
	if (t >= 0)
		ts->term_used[t] = 1;
	else
		diag_error(ts->d, ts->g->file, lstr_line(ts->cur), lstr_col(ts->cur),
		           "'[[%s]]' in %s marks a term that is not in the glossary", s,
		           place_of(ts));
	free(s);
}

static void on_ref(const char *id, size_t len, void *arg)
{
	struct text_scan *ts = arg;
	char *s = xstrndup(id, len);
	if (guide_remedy(ts->g, s) < 0)
		diag_error(ts->d, ts->g->file, lstr_line(ts->cur), lstr_col(ts->cur),
		           "'[[see:%s]]' in %s refers to a remedy that is not in the guide", s,
		           place_of(ts));
	free(s);
}

/* The translations of text s: each one that records the hash of its
 * source text when that text has changed since (it still translates the
 * old one), and each language it lacks (set in missing[], so the summary
 * counts a text once). A text written as a list of parts is checked part
 * by part, at each part's line: its joined text records no source, and a
 * language that only some parts have still counts as had for it. */
static void scan_translations(struct text_scan *ts, const lstr *s, bool *missing)
{
	unsigned nparts = lstr_nparts(s);
	if (nparts) {
		for (unsigned p = 0; p < nparts; p++)
			scan_translations(ts, lstr_part(s, p), missing);
		return;
	}
	const char *source = guide_str(ts->g, s, ts->g->languages[0]);
	char now[LANG_HASH_LEN + 1];
	lang_source_hash(source, now);
	for (unsigned i = 0; i < s->n; i++) {
		const struct lstr_item *it = &s->items[i];
		const char *src = lstr_src(s, i);
		if (!src || strcmp(src, now) == 0)
			continue;
		for (unsigned l = 1; l < ts->g->nlanguages; l++)
			if (it->lang && strcmp(it->lang, ts->g->languages[l]) == 0)
				ts->sum->stale[l]++;
		diag_warn(ts->d, ts->g->file, lstr_line(s), lstr_col(s), "the '%s' translation of %s is stale: "
		          "it translates an earlier '%s' text (recorded %s, now %s)",
		          it->lang ? it->lang : "?", place_of(ts), ts->g->languages[0],
		          src, now);
	}
	for (unsigned l = 0; l < ts->g->nlanguages; l++)
		if (!lstr_has(ts->g, s, ts->g->languages[l])) {
			missing[l] = true;
			diag_warn(ts->d, ts->g->file, lstr_line(s), lstr_col(s), "no '%s' translation of %s",
			          ts->g->languages[l], place_of(ts));
		}
}

static void scan_lstr(const struct walk_field *f, void *arg)
{
	struct text_scan *ts = arg;
	const lstr *s = f->s;
	ts->cur = s;
	ts->where = f;
	ts->sum->strings++;
	for (unsigned i = 0; i < s->n; i++) {
		guide_each_mark(s->items[i].text, on_mark, ts);
		tailor_each_ref(s->items[i].text, on_ref, ts);
	}
	memset(ts->missing, 0, ts->g->nlanguages * sizeof *ts->missing);
	scan_translations(ts, s, ts->missing);
	for (unsigned l = 0; l < ts->g->nlanguages; l++)
		ts->sum->missing[l] += ts->missing[l];
}

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static long date_days(const char *s)
{
	int y, m, d;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	return days_from_civil(y, m, d);
}

static void check_usage(const struct guide *g, const struct check_options *o, struct diags *d,
                        const unsigned char *term_used)
{
	unsigned char *cite_used = xcalloc(g->ncitations + 1, 1);
	unsigned char *remedy_used = xcalloc(g->nremedies + 1, 1);
	unsigned char *path_used = xcalloc(g->npaths + 1, 1);
	for (unsigned i = 0; i < g->nremedies; i++) {
		const struct remedy *r = &g->remedies[i];
		if (r->ncitations == 0)
			diag_error(d, g->file, r->line, r->col, "remedy '%s' has no citation", r->id);
		if (r->nsteps == 0)
			diag_error(d, g->file, r->line, r->col, "remedy '%s' has no steps", r->id);
		if (r->nlimits == 0)
			diag_error(d, g->file, r->line, r->col,
			           "remedy '%s' does not say what will not work (limits)", r->id);
		for (unsigned j = 0; j < r->ncitations; j++)
			cite_used[r->citations[j]] = 1;
		if (r->path >= 0)
			path_used[r->path] = 1;
	}
	for (unsigned i = 0; i < g->nnodes; i++) {
		const struct node *n = &g->nodes[i];
		if (n->kind == NODE_RESULT && n->nremedies == 0)
			diag_error(d, g->file, n->line, n->col, "result '%s' has no remedies", n->id);
		for (unsigned j = 0; j < n->nremedies; j++)
			remedy_used[n->remedies[j]] = 1;
		if ((n->kind == NODE_QUESTION || n->kind == NODE_MULTI || n->kind == NODE_DATE) &&
		    !node_help(n)->n)
			diag_warn(d, g->file, n->line, n->col, "question '%s' has no help text", n->id);
	}
	for (unsigned i = 0; i < g->nremedies; i++)
		if (!remedy_used[i])
			diag_warn(d, g->file, g->remedies[i].line, g->remedies[i].col,
			          "remedy '%s' is not offered by any result", g->remedies[i].id);
	long today = date_days(o && o->today ? o->today : NULL);
	if (today < 0) {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		today = days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	}
	for (unsigned i = 0; i < g->ncitations; i++) {
		const struct citation *c = &g->citations[i];
		if (!cite_used[i])
			diag_warn(d, g->file, c->line, c->col, "citation '%s' is not used by any remedy",
			          c->id);
		long v = date_days(c->verified);
		if (v >= 0 && today - v > 365)
			diag_warn(d, g->file, c->line, c->col,
			          "citation '%s' was last verified on %s, more than a year ago", c->id,
			          c->verified);
	}
	for (unsigned i = 0; i < g->nterms; i++)
		if (!term_used[i])
			diag_warn(d, g->file, g->terms[i].line, g->terms[i].col,
			          "glossary term '%s' is never marked in the text ([[%s]])", g->terms[i].id,
			          g->terms[i].id);
	unsigned char *goal_asked = xcalloc(g->ngoals + 1, 1);
	unsigned char *goal_served = xcalloc(g->ngoals + 1, 1);
	for (unsigned i = 0; i < g->nnodes; i++)
		for (unsigned j = 0; j < g->nodes[i].nchoices; j++)
			if (choice_goal(&g->nodes[i].choices[j]) >= 0)
				goal_asked[choice_goal(&g->nodes[i].choices[j])] = 1;
	for (unsigned i = 0; i < g->nremedies; i++)
		for (unsigned j = 0; j < g->remedies[i].nserves; j++)
			if (g->remedies[i].serves[j] >= 0)
				goal_served[g->remedies[i].serves[j]] = 1;
	for (unsigned i = 0; i < g->ngoals; i++) {
		const struct goal *gl = &g->goals[i];
		if (!goal_asked[i])
			diag_error(d, g->file, gl->line, gl->col,
			           "goal '%s' is never asked: no choice has 'goal: %s'", gl->id, gl->id);
		if (!goal_served[i])
			diag_warn(d, g->file, gl->line, gl->col,
			          "goal '%s' is served by no remedy ('serves')", gl->id);
	}
	free(goal_asked);
	free(goal_served);
	for (unsigned i = 0; i < g->npaths; i++)
		if (!path_used[i])
			diag_warn(d, g->file, g->paths[i].line, g->paths[i].col,
			          "path '%s' has no remedies", g->paths[i].id);
	free(cite_used);
	free(remedy_used);
	free(path_used);
}

void guide_check(const struct guide *g, const struct check_options *o, struct diags *d,
                 struct check_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	sum->nodes = g->nnodes;
	sum->remedies = g->nremedies;
	sum->citations = g->ncitations;
	sum->terms = g->nterms;
	sum->missing = xcalloc(g->nlanguages, sizeof *sum->missing);
	sum->stale = xcalloc(g->nlanguages, sizeof *sum->stale);
	for (unsigned i = 0; i < g->nnodes; i++) {
		sum->results += g->nodes[i].kind == NODE_RESULT;
		sum->questions += g->nodes[i].kind == NODE_QUESTION || g->nodes[i].kind == NODE_MULTI ||
		                  g->nodes[i].kind == NODE_DATE;
	}

	struct graph gr;
	graph_build(g, &gr);
	unsigned char *reachable = xcalloc(g->nnodes + 1, 1);
	check_reachable(g, &gr, d, reachable);
	check_cycles(g, &gr, d);
	check_ends(g, &gr, d, reachable);
	free(reachable);
	graph_free(&gr);

	check_facts(g, d);
	check_never_shown(g, d);
	struct text_scan ts = {.g = g, .d = d, .sum = sum, .term_used = xcalloc(g->nterms + 1, 1),
	                       .missing = xcalloc(g->nlanguages + 1, sizeof *ts.missing)};
	walk_guide(g, scan_lstr, &ts);
	check_usage(g, o, d, ts.term_used);
	free(ts.term_used);
	free(ts.missing);
	cite_check_guide(g, d);
}

char *check_summary_format(const struct guide *g, const struct check_summary *sum)
{
	struct buf b = {0};
	/* English counts: "1 citation", "2 citations" (this line is for authors,
	 * in English like every diagnostic). */
#define NOUN(n, one, many) (n), (n) == 1 ? (one) : (many)
	buf_printf(&b, "%s: %u %s (%u %s, %u %s), %u %s, %u %s, %u %s; translations:", g->file,
	           NOUN(sum->nodes, "node", "nodes"), NOUN(sum->questions, "question", "questions"),
	           NOUN(sum->results, "result", "results"), NOUN(sum->remedies, "remedy", "remedies"),
	           NOUN(sum->citations, "citation", "citations"),
	           NOUN(sum->terms, "glossary term", "glossary terms"));
#undef NOUN
	for (unsigned l = 0; l < g->nlanguages; l++) {
		unsigned have = sum->strings - sum->missing[l];
		unsigned pct = sum->strings ? (unsigned)((100ULL * have) / sum->strings) : 100;
		buf_printf(&b, "%s %s %u%%", l ? "," : "", g->languages[l], pct);
		if (sum->missing[l])
			buf_printf(&b, " (%u missing)", sum->missing[l]);
		if (sum->stale && sum->stale[l])
			buf_printf(&b, " (%u stale)", sum->stale[l]);
	}
	return buf_take(&b);
}

void check_summary_free(struct check_summary *sum)
{
	free(sum->missing);
	free(sum->stale);
	sum->missing = NULL;
	sum->stale = NULL;
}
