/* SPDX-License-Identifier: MIT */
#include "core/walk.h"

#include <stdio.h>

/* One field, skipped when absent. */
static void visit(walk_fn *fn, void *arg, enum walk_kind kind, const lstr *s, unsigned index,
                  const char *id, const struct cond *when, const char *url)
{
	if (!s->n)
		return;
	struct walk_field f = {.kind = kind, .s = s, .index = index, .id = id ? id : "?",
	                       .when = when, .url = url};
	fn(&f, arg);
}

static void each(walk_fn *fn, void *arg, enum walk_kind kind, const lstr *v, unsigned n,
                 const char *id)
{
	for (unsigned i = 0; i < n; i++)
		visit(fn, arg, kind, &v[i], i, id, NULL, NULL);
}

void walk_node(const struct guide *g, unsigned i, walk_fn *fn, void *arg)
{
	const struct node *n = &g->nodes[i];
	visit(fn, arg, WALK_SECTION, node_section(n), 0, n->id, NULL, NULL);
	visit(fn, arg, WALK_TEXT, &n->text, 0, n->id, NULL, NULL);
	visit(fn, arg, WALK_HELP, node_help(n), 0, n->id, NULL, NULL);
	visit(fn, arg, WALK_NODE_NOTE, node_note(n), 0, n->id, NULL, NULL);
	for (unsigned j = 0; j < n->nchoices; j++) {
		const struct choice *c = &n->choices[j];
		visit(fn, arg, WALK_CHOICE_LABEL, &c->label, j, c->id, NULL, NULL);
		visit(fn, arg, WALK_CHOICE_HELP, choice_help(c), j, c->id, NULL, NULL);
	}
	/* Its date checks: g->agrees is in node order, so a binary search
	 * finds the first of this node's. */
	unsigned lo = 0, hi = g->nagrees;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (g->agrees[mid].node < (int)i)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (unsigned j = lo; j < g->nagrees && g->agrees[j].node == (int)i; j++)
		visit(fn, arg, WALK_DATE_AGREE, &g->agrees[j].message, j - lo, n->id,
		      g->agrees[j].when, NULL);
}

/* A remedy's own texts, and with `cited` the titles of what it cites
 * (walk_guide visits each citation once instead). */
static void remedy(const struct guide *g, unsigned i, bool cited, walk_fn *fn, void *arg)
{
	const struct remedy *r = &g->remedies[i];
	visit(fn, arg, WALK_TITLE, &r->title, 0, r->id, NULL, NULL);
	visit(fn, arg, WALK_SUMMARY, &r->summary, 0, r->id, NULL, NULL);
	visit(fn, arg, WALK_REMEDY_NOTE, &r->note, 0, r->id, NULL, NULL);
	visit(fn, arg, WALK_WHO, &r->who, 0, r->id, NULL, NULL);
	for (unsigned j = 0; j < r->ndeadlines; j++) {
		const struct deadline *d = &r->deadlines[j];
		visit(fn, arg, WALK_DEADLINE, &d->text, j, r->id, d->when, NULL);
		visit(fn, arg, WALK_DEADLINE_OPENS, &d->opens, j, r->id, d->when, NULL);
	}
	each(fn, arg, WALK_STEP, r->steps, r->nsteps, r->id);
	each(fn, arg, WALK_NEED, r->need, r->nneed, r->id);
	each(fn, arg, WALK_LIMIT, r->limits, r->nlimits, r->id);
	for (unsigned j = 0; j < r->nwhere; j++)
		visit(fn, arg, WALK_WHERE, &r->where[j].name, j, r->id, r->where[j].when,
		      r->where[j].url);
	for (unsigned j = 0; cited && j < r->ncitations; j++) {
		const struct citation *c = &g->citations[r->citations[j]];
		visit(fn, arg, WALK_CITATION_TITLE, &c->title, j, c->id,
		      r->cite_when ? r->cite_when[j] : NULL, c->url);
	}
	visit(fn, arg, WALK_WHY_NOT, &r->why_not, 0, r->id, NULL, NULL);
	for (unsigned j = 0; j < r->nurgent; j++)
		visit(fn, arg, WALK_URGENT_WHY, &r->urgent[j].why, j, r->id, r->urgent[j].when, NULL);
}

void walk_remedy(const struct guide *g, unsigned i, walk_fn *fn, void *arg)
{
	remedy(g, i, true, fn, arg);
}

void walk_term(const struct guide *g, unsigned i, walk_fn *fn, void *arg)
{
	const struct term *t = &g->terms[i];
	visit(fn, arg, WALK_TERM, &t->term, 0, t->id, NULL, NULL);
	visit(fn, arg, WALK_ALSO, &t->also, 0, t->id, NULL, NULL);
	visit(fn, arg, WALK_DEFINITION, &t->definition, 0, t->id, NULL, NULL);
}

void walk_guide(const struct guide *g, walk_fn *fn, void *arg)
{
	visit(fn, arg, WALK_GUIDE_TITLE, &g->title, 0, "", NULL, NULL);
	visit(fn, arg, WALK_ABOUT, &g->about, 0, "", NULL, NULL);
	for (unsigned i = 0; i < g->npaths; i++)
		visit(fn, arg, WALK_PATH_TITLE, &g->paths[i].title, i, g->paths[i].id, NULL, NULL);
	for (unsigned i = 0; i < g->nnodes; i++)
		walk_node(g, i, fn, arg);
	for (unsigned i = 0; i < g->nremedies; i++)
		remedy(g, i, false, fn, arg);
	for (unsigned i = 0; i < g->ngoals; i++)
		visit(fn, arg, WALK_GOAL_LABEL, &g->goals[i].label, i, g->goals[i].id, NULL, NULL);
	for (unsigned i = 0; i < g->ncitations; i++) {
		const struct citation *c = &g->citations[i];
		visit(fn, arg, WALK_CITATION_TITLE, &c->title, i, c->id, NULL, c->url);
	}
	for (unsigned i = 0; i < g->nterms; i++)
		walk_term(g, i, fn, arg);
}

bool walk_is_note(enum walk_kind k)
{
	return k == WALK_NODE_NOTE || k == WALK_REMEDY_NOTE;
}

const char *walk_place(const struct walk_field *f, char *buf, size_t size)
{
	const char *fmt = "%s";
	switch (f->kind) {
	case WALK_GUIDE_TITLE: fmt = "the guide's title%s"; break;
	case WALK_ABOUT: fmt = "the guide's about text%s"; break;
	case WALK_PATH_TITLE: fmt = "title of path '%s'"; break;
	case WALK_GOAL_LABEL: fmt = "label of goal '%s'"; break;
	case WALK_SECTION: fmt = "section of node '%s'"; break;
	case WALK_TEXT: fmt = "text of node '%s'"; break;
	case WALK_HELP: fmt = "help of node '%s'"; break;
	case WALK_NODE_NOTE: fmt = "note of node '%s'"; break;
	case WALK_CHOICE_LABEL: fmt = "label of choice '%s'"; break;
	case WALK_CHOICE_HELP: fmt = "help of choice '%s'"; break;
	case WALK_DATE_AGREE: fmt = "a date check of node '%s'"; break;
	case WALK_TITLE: fmt = "title of remedy '%s'"; break;
	case WALK_SUMMARY: fmt = "summary of remedy '%s'"; break;
	case WALK_REMEDY_NOTE: fmt = "note of remedy '%s'"; break;
	case WALK_WHO: fmt = "'who' of remedy '%s'"; break;
	case WALK_DEADLINE: fmt = "a deadline of remedy '%s'"; break;
	case WALK_DEADLINE_OPENS: fmt = "what a deadline of remedy '%s' opens"; break;
	case WALK_STEP: fmt = "a step of remedy '%s'"; break;
	case WALK_NEED: fmt = "'need' of remedy '%s'"; break;
	case WALK_LIMIT: fmt = "a limit of remedy '%s'"; break;
	case WALK_WHERE: fmt = "a place of remedy '%s'"; break;
	case WALK_CITATION_TITLE: fmt = "title of citation '%s'"; break;
	case WALK_WHY_NOT: fmt = "'why_not' of remedy '%s'"; break;
	case WALK_URGENT_WHY: fmt = "why remedy '%s' is urgent"; break;
	case WALK_TERM: fmt = "glossary term '%s'"; break;
	case WALK_ALSO: fmt = "other words for glossary term '%s'"; break;
	case WALK_DEFINITION: fmt = "definition of glossary term '%s'"; break;
	}
	snprintf(buf, size, fmt, f->id);
	return buf;
}
