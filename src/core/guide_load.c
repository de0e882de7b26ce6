/* SPDX-License-Identifier: MIT */
/* Loading a guide: each entry of the YAML stream becomes a node, remedy,
 * citation, term or path as soon as libyaml has parsed it; references are
 * resolved at the end. Queries on a loaded guide are in guide.c. */
#include "core/guide_load.h"

#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/guide.h"
#include "guide_read.h"
#include "core/yaml.h"
#include "core/text.h"
#include "core/util.h"

#define MAX_GUIDE_NODES 1000000u

static void load_sets(struct loader *L, struct choice *c, const struct ynode *map,
                      const char *what)
{
	const struct ynode *v = ynode_get(map, "set");
	if (!v || !gr_want(L, v, Y_MAP, "set", what))
		return;
	c->sets = gr_alloc(L, v->n, sizeof *c->sets);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = &v->u.kids[2 * i], *val = &v->u.kids[2 * i + 1];
		if (k->kind != Y_SCALAR)
			continue;
		if (!gr_valid_fact_name(k->u.s)) {
			gr_err(L, k, "'%s' is not a valid fact name (lower-case letters, digits and '_')",
			    k->u.s);
			continue;
		}
		if (!gr_want(L, val, Y_SCALAR, NULL, "a fact value"))
			continue;
		c->sets[c->nsets].fact = gr_fact(L, k->u.s);
		c->sets[c->nsets].value = gr_value(L, val->u.s);
		c->nsets++;
	}
}

static const char *const choice_keys[] = {"id", "label", "help", "set", "when", "rules_out",
                                          "next", "goal", "alone", NULL};
static const char *const choice_req[] = {"id", "label", "next", NULL};

/* A choice's `alone`: true or false, and only where several choices can
 * be ticked (a question takes one answer anyway). */
static bool load_alone(struct loader *L, const struct node *n, const struct ynode *m,
                       const char *what)
{
	const struct ynode *v = ynode_get(m, "alone");
	if (!v)
		return false;
	if (n->kind != NODE_MULTI) {
		gr_err(L, v, "'alone' belongs on a choice of a multi node ('%s' is a %s node, which "
		       "takes one answer anyway)", n->id ? n->id : "?", guide_kind_names[n->kind]);
		return false;
	}
	const char *s = gr_scalar(L, m, "alone", what);
	if (s && strcmp(s, "true") != 0 && strcmp(s, "false") != 0)
		gr_err(L, v, "'alone' must be true or false, not '%s'", s);
	return s && strcmp(s, "true") == 0;
}

static void load_choices(struct loader *L, struct node *n, const struct ynode *seq)
{
	n->choices = gr_alloc(L, seq->n, sizeof *n->choices);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *m = &seq->u.kids[i];
		if (!gr_want(L, m, Y_MAP, NULL, "a choice"))
			continue;
		char what[128];
		snprintf(what, sizeof what, "a choice of node '%s'", n->id ? n->id : "?");
		gr_check_keys(L, m, what, choice_keys, choice_req);
		struct choice *c = &n->choices[n->nchoices++];
		c->line = m->line;
		c->col = m->col;
		c->id = gr_id(L, m, what);
		for (unsigned j = 0; c->id && j + 1 < n->nchoices; j++)
			if (n->choices[j].id && strcmp(n->choices[j].id, c->id) == 0) {
				gr_err(L, ynode_get(m, "id"), "duplicate choice id '%s' in node '%s'", c->id,
				    n->id ? n->id : "?");
				break;
			}
		c->label = gr_lstr(L, m, "label", what);
		load_sets(L, c, m, what);
		gr_ref(L, m, "next", REF_NODE, &c->next, what);
		if (!ynode_get(m, "help") && !ynode_get(m, "when") && !ynode_get(m, "rules_out") &&
		    !ynode_get(m, "goal") && !ynode_get(m, "alone"))
			continue;
		struct choice_more *more = gr_alloc(L, 1, sizeof *more);
		c->more = more;
		more->help = gr_lstr(L, m, "help", what);
		more->when = gr_cond(L, m);
		more->rules_out = gr_ref_list(L, m, "rules_out", REF_REMEDY, &more->nrules_out, what);
		more->goal = -1;
		if (ynode_get(m, "goal")) {
			gr_ref(L, m, "goal", REF_GOAL, &more->goal, what);
			if (n->kind != NODE_QUESTION && n->kind != NODE_MULTI)
				gr_err(L, ynode_get(m, "goal"), "'goal' belongs on a choice of a question");
		}
		more->alone = load_alone(L, n, m, what);
	}
}

static const char *const node_keys[] = {"id", "kind", "section", "text", "help", "note", "when",
                                        "otherwise", "choices", "next", "remedies", "fact", "past",
                                        "audience", "agrees", NULL};
static const char *const node_req[] = {"id", "kind", NULL};

/* Which keys each kind of node must have and may not have. */
static void check_node_shape(struct loader *L, const struct node *n, const struct ynode *m)
{
	static const char *const forbidden[5][7] = {
		[NODE_QUESTION] = {"next", "remedies", "fact", "past", "audience", "agrees", NULL},
		[NODE_MULTI] = {"remedies", "fact", "past", "audience", "agrees", NULL},
		[NODE_INFO] = {"choices", "remedies", "fact", "past", "agrees", NULL},
		[NODE_RESULT] = {"choices", "next", "fact", "past", "audience", "agrees", NULL},
		[NODE_DATE] = {"choices", "remedies", "audience", NULL},
	};
	const char *id = n->id ? n->id : "?";
	for (const char *const *k = forbidden[n->kind]; *k; k++) {
		const struct ynode *v = ynode_get(m, *k);
		if (v)
			gr_err(L, v, "'%s' is not allowed in a %s node ('%s')%s", *k, guide_kind_names[n->kind], id,
			    strcmp(*k, "next") == 0 && n->kind == NODE_QUESTION
			            ? "; each choice has its own 'next'" : "");
	}
	if ((n->kind == NODE_QUESTION || n->kind == NODE_MULTI) && !ynode_get(m, "choices"))
		gr_err(L, m, "%s node '%s' has no 'choices'", guide_kind_names[n->kind], id);
	if ((n->kind == NODE_INFO || n->kind == NODE_DATE) && !ynode_get(m, "next"))
		gr_err(L, m, "%s node '%s' has no 'next'", guide_kind_names[n->kind], id);
	if (n->kind == NODE_DATE && !ynode_get(m, "fact"))
		gr_err(L, m, "date node '%s' has no 'fact' (the name its date is kept under)", id);
	if (n->kind == NODE_RESULT && !ynode_get(m, "remedies"))
		gr_err(L, m, "result node '%s' has no 'remedies'", id);
	if (n->kind != NODE_RESULT && !ynode_get(m, "text"))
		gr_err(L, m, "%s node '%s' has no 'text'", guide_kind_names[n->kind], id);
	if (!!ynode_get(m, "when") != !!ynode_get(m, "otherwise"))
		gr_err(L, m, "node '%s' needs both 'when' and 'otherwise' (where to go when the "
		    "condition is false), or neither", id);
}

/* One period of an `agrees` entry ("2y"); false when absent. */
static bool agree_period(struct loader *L, const struct ynode *am, const char *key,
                         struct cal_period *p)
{
	const char *v = gr_scalar(L, am, key, "a date check ('agrees')");
	if (!v)
		return false;
	if (!cal_parse_period(v, p) || p->unit == CAL_WORKDAYS) {
		gr_err(L, ynode_get(am, key), "'%s' is not a period of days, months or years, such as "
		    "2y, 6m or 30d", v);
		return false;
	}
	return true;
}

/* A date node's checks against earlier answers ('agrees'). */
static void load_agrees(struct loader *L, const struct ynode *m, size_t index, const char *what)
{
	static const char *const keys[] = {"when", "at_least", "at_most", "message", NULL};
	static const char *const req[] = {"message", NULL};
	const struct ynode *seq = gr_seq(L, m, "agrees", what);
	for (size_t i = 0; seq && i < seq->n; i++) {
		const struct ynode *am = &seq->u.kids[i];
		if (!gr_want(L, am, Y_MAP, NULL, "a date check ('agrees')"))
			continue;
		gr_check_keys(L, am, "a date check ('agrees')", keys, req);
		struct guide *g = L->g;
		grow_array(&g->agrees, &L->pv->agree_cap, (size_t)g->nagrees + 1, sizeof *g->agrees);
		struct date_agree *a = &g->agrees[g->nagrees++];
		memset(a, 0, sizeof *a);
		a->node = (int)index;
		a->when = gr_cond(L, am);
		a->has_least = agree_period(L, am, "at_least", &a->at_least);
		a->has_most = agree_period(L, am, "at_most", &a->at_most);
		if (!ynode_get(am, "at_least") && !ynode_get(am, "at_most"))
			gr_err(L, am, "a date check ('agrees') needs 'at_least', 'at_most' or both "
			    "(how long before today the date should be)");
		a->message = gr_lstr(L, am, "message", "a date check ('agrees')");
	}
}

/* A date node's fact and whether it asks about the past. */
static void load_date_node(struct loader *L, struct node *n, const struct ynode *m,
                           const char *what)
{
	const char *fact = gr_scalar(L, m, "fact", what);
	if (fact && !gr_valid_fact_name(fact))
		gr_err(L, ynode_get(m, "fact"), "'%s' is not a fact name (letters, digits, '-' and '_')",
		    fact);
	else if (fact)
		n->date_fact = gr_fact(L, fact);
	const char *past = gr_scalar(L, m, "past", what);
	if (past && strcmp(past, "true") != 0 && strcmp(past, "false") != 0)
		gr_err(L, ynode_get(m, "past"), "'past' must be true or false, not '%s'", past);
	n->past = past && strcmp(past, "true") == 0;
}

static void load_node(struct loader *L, struct node *n, const struct ynode *m, size_t index)
{
	char what[96];
	n->line = m->line;
	n->col = m->col;
	n->next = n->otherwise = n->date_fact = -1;
	n->id = gr_id(L, m, "a node");
	snprintf(what, sizeof what, n->id ? "node '%s'" : "a node", n->id);
	gr_check_keys(L, m, what, node_keys, node_req);
	gr_register(L, &L->pv->node_ids, n->id, m, (int)index, "node");
	const char *kind = gr_scalar(L, m, "kind", what);
	n->kind = NODE_INFO;
	if (kind) {
		int k = -1;
		for (int i = 0; guide_kind_names[i]; i++)
			if (strcmp(kind, guide_kind_names[i]) == 0)
				k = i;
		if (k < 0) {
			const char *near = gr_closest(kind, guide_kind_names, 4);
			gr_err(L, ynode_get(m, "kind"), "unknown node kind '%s'%s%s%s (question, multi, "
			    "info, result or date)", kind, near ? "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
		} else {
			n->kind = (enum node_kind)k;
			check_node_shape(L, n, m);
		}
	}
	struct node_texts t = {gr_lstr(L, m, "section", what), gr_lstr(L, m, "help", what),
	                       gr_lstr(L, m, "note", what)};
	n->text = gr_lstr(L, m, "text", what);
	if (t.section.items || t.help.items || t.note.items) {
		struct node_texts *kept = gr_alloc(L, 1, sizeof *kept);
		*kept = t;
		n->texts = kept;
	}
	n->when = gr_cond(L, m);
	gr_ref_in(L, m, "otherwise", REF_NODE, IN_NODE, index, offsetof(struct node, otherwise),
	             &n->otherwise, what);
	if (n->kind == NODE_DATE) {
		load_date_node(L, n, m, what);
		load_agrees(L, m, index, what);
	}
	const char *aud = n->kind == NODE_INFO ? gr_scalar(L, m, "audience", what) : NULL;
	if (aud && strcmp(aud, "volunteer") == 0)
		n->audience = AUDIENCE_VOLUNTEER;
	else if (aud && strcmp(aud, "self-help") == 0)
		n->audience = AUDIENCE_SELF_HELP;
	else if (aud)
		gr_err(L, ynode_get(m, "audience"), "'audience' must be volunteer or self-help, not '%s'",
		    aud);
	if (n->kind == NODE_INFO || n->kind == NODE_MULTI || n->kind == NODE_DATE)
		gr_ref_in(L, m, "next", REF_NODE, IN_NODE, index, offsetof(struct node, next),
		             &n->next, what);
	const struct ynode *choices = gr_seq(L, m, "choices", what);
	if (choices && (n->kind == NODE_QUESTION || n->kind == NODE_MULTI)) {
		if (choices->n == 0)
			gr_err(L, choices, "%s has an empty list of choices", what);
		load_choices(L, n, choices);
	}
	if (n->kind == NODE_RESULT)
		n->remedies = gr_ref_list(L, m, "remedies", REF_REMEDY, &n->nremedies, what);
}

static const char *const remedy_keys[] = {"id", "path", "title", "summary", "who", "steps",
                                          "deadlines", "need", "limits", "where", "citations",
                                          "when", "why_not", "note", "serves", "rank", "urgent",
                                          NULL};
static const char *const remedy_req[] = {"id", "path", "title", "summary", "who", "steps",
                                         "limits", "where", "citations", NULL};

/* A deadline computed from a date: `from` names a date fact and `period`
 * says how long ("2y", "90wd"); `opens` marks a clock that opens a door. */
static void load_computed(struct loader *L, struct deadline *dl, const struct ynode *dm)
{
	const char *from = gr_scalar(L, dm, "from", "a deadline");
	const char *period = gr_scalar(L, dm, "period", "a deadline");
	if (!!from != !!period)
		gr_err(L, dm, "a deadline needs both 'from' (a date fact) and 'period' (such as 2y, "
		    "6m, 30d or 90wd), or neither");
	if (from && !gr_valid_fact_name(from))
		gr_err(L, ynode_get(dm, "from"), "'%s' is not a fact name", from);
	else if (from)
		dl->from = gr_fact(L, from);
	if (period && !cal_parse_period(period, &dl->period))
		gr_err(L, ynode_get(dm, "period"), "'%s' is not a period: a number and a unit, d "
		    "(days), wd (working days), m (months) or y (years), such as 2y or 90wd", period);
	dl->opens = gr_lstr(L, dm, "opens", "a deadline");
	if (dl->opens.n && !from)
		gr_err(L, ynode_get(dm, "opens"), "'opens' needs 'from' and 'period'");
}

static void load_deadlines(struct loader *L, struct remedy *r, const struct ynode *m,
                           const char *what)
{
	static const char *const keys[] = {"text", "days", "from", "period", "opens", "when", NULL};
	static const char *const req[] = {"text", NULL};
	const struct ynode *seq = gr_seq(L, m, "deadlines", what);
	r->min_days = -1;
	if (!seq)
		return;
	r->deadlines = gr_alloc(L, seq->n, sizeof *r->deadlines);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *dm = &seq->u.kids[i];
		if (!gr_want(L, dm, Y_MAP, NULL, "a deadline"))
			continue;
		gr_check_keys(L, dm, "a deadline", keys, req);
		struct deadline *dl = &r->deadlines[r->ndeadlines++];
		dl->text = gr_lstr(L, dm, "text", "a deadline");
		dl->days = dl->from = -1;
		dl->when = gr_cond(L, dm);
		load_computed(L, dl, dm);
		const char *days = gr_scalar(L, dm, "days", "a deadline");
		if (days) {
			char *end;
			long v = strtol(days, &end, 10);
			if (!*days || *end || v < 0 || v > 100000) {
				gr_err(L, ynode_get(dm, "days"), "'days' must be a whole number of days "
				    "from 0 to 100000, not '%s'", days);
			} else {
				dl->days = (int)v;
				if (r->min_days < 0 || dl->days < r->min_days)
					r->min_days = dl->days;
			}
		}
	}
}

static void load_places(struct loader *L, struct remedy *r, const struct ynode *m,
                        const char *what)
{
	static const char *const keys[] = {"name", "url", "when", NULL};
	static const char *const req[] = {"name", NULL};
	const struct ynode *seq = gr_seq(L, m, "where", what);
	if (!seq)
		return;
	r->where = gr_alloc(L, seq->n, sizeof *r->where);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *pm = &seq->u.kids[i];
		if (!gr_want(L, pm, Y_MAP, NULL, "a place in 'where'"))
			continue;
		gr_check_keys(L, pm, "a place in 'where'", keys, req);
		struct place *p = &r->where[r->nwhere++];
		p->name = gr_lstr(L, pm, "name", "a place");
		p->url = gr_scalar(L, pm, "url", "a place");
		p->when = gr_cond(L, pm);
		if (p->url && !gr_valid_url(p->url))
			gr_err(L, ynode_get(pm, "url"), "'%s' is not a web address (http:// or https://, "
			       "RFC 3986 characters only: no space, control character or < > \" ` { } | \\ ^)",
			       p->url);
	}
}

/* citations: ids, or {id: ..., when: ...} for one shown only when it holds. */
static void load_citations(struct loader *L, struct remedy *r, const struct ynode *m,
                           const char *what)
{
	static const char *const keys[] = {"id", "when", NULL};
	const struct ynode *seq = gr_seq(L, m, "citations", what);
	if (!seq)
		return;
	r->citations = gr_alloc(L, seq->n, sizeof *r->citations);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *c = &seq->u.kids[i];
		int *slot = &r->citations[r->ncitations];
		if (c->kind == Y_MAP) {
			gr_check_keys(L, c, "a conditional citation", keys, keys);
			struct cond *w = gr_cond(L, c);
			if (w) {
				if (!r->cite_when)
					r->cite_when = gr_alloc(L, seq->n, sizeof *r->cite_when);
				r->cite_when[r->ncitations] = w;
			}
			gr_ref(L, c, "id", REF_CITATION, slot, "a conditional citation");
		} else if (gr_want(L, c, Y_SCALAR, "citations", what)) {
			gr_ref_value(L, c, REF_CITATION, slot);
		} else {
			continue;
		}
		r->ncitations++;
	}
}

/* rank: a whole number (1 is the strongest), or a list of {rank, when}:
 * the first whose condition holds applies. */
static int rank_number(struct loader *L, const struct ynode *v)
{
	if (!gr_want(L, v, Y_SCALAR, "rank", "a remedy"))
		return 0;
	char *end;
	long n = strtol(v->u.s, &end, 10);
	if (!*v->u.s || *end || n < 1 || n > 99) {
		gr_err(L, v, "'rank' must be a whole number from 1 (the strongest) to 99, not '%s'",
		    v->u.s);
		return 0;
	}
	return (int)n;
}

static void load_ranks(struct loader *L, struct remedy *r, const struct ynode *m,
                       const char *what)
{
	static const char *const keys[] = {"rank", "when", NULL};
	static const char *const req[] = {"rank", NULL};
	const struct ynode *v = ynode_get(m, "rank");
	if (!v)
		return;
	if (v->kind == Y_SCALAR) {
		r->ranks = gr_alloc(L, 1, sizeof *r->ranks);
		r->ranks[0].rank = rank_number(L, v);
		r->nranks = r->ranks[0].rank ? 1 : 0;
		return;
	}
	if (!gr_want(L, v, Y_SEQ, "rank", what))
		return;
	r->ranks = gr_alloc(L, v->n, sizeof *r->ranks);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *e = &v->u.kids[i];
		if (!gr_want(L, e, Y_MAP, NULL, "an entry of 'rank'"))
			continue;
		gr_check_keys(L, e, "an entry of 'rank'", keys, req);
		const struct ynode *n = ynode_get(e, "rank");
		struct rank_rule *rr = &r->ranks[r->nranks];
		rr->rank = n ? rank_number(L, n) : 0;
		rr->when = gr_cond(L, e);
		if (rr->rank)
			r->nranks++;
	}
}

static void load_urgent(struct loader *L, struct remedy *r, const struct ynode *m,
                        const char *what)
{
	static const char *const keys[] = {"when", "why", NULL};
	const struct ynode *v = gr_seq(L, m, "urgent", what);
	if (!v)
		return;
	r->urgent = gr_alloc(L, v->n, sizeof *r->urgent);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *e = &v->u.kids[i];
		if (!gr_want(L, e, Y_MAP, NULL, "an entry of 'urgent'"))
			continue;
		gr_check_keys(L, e, "an entry of 'urgent'", keys, keys);
		struct urgency *u = &r->urgent[r->nurgent++];
		u->when = gr_cond(L, e);
		u->why = gr_lstr(L, e, "why", "an entry of 'urgent'");
	}
}

static void load_remedy(struct loader *L, struct remedy *r, const struct ynode *m, size_t index)
{
	char what[96];
	r->line = m->line;
	r->col = m->col;
	r->id = gr_id(L, m, "a remedy");
	snprintf(what, sizeof what, r->id ? "remedy '%s'" : "a remedy", r->id);
	gr_check_keys(L, m, what, remedy_keys, remedy_req);
	gr_register(L, &L->pv->remedy_ids, r->id, m, (int)index, "remedy");
	gr_ref_in(L, m, "path", REF_PATH, IN_REMEDY, index, offsetof(struct remedy, path),
	             &r->path, what);
	r->title = gr_lstr(L, m, "title", what);
	r->summary = gr_lstr(L, m, "summary", what);
	r->who = gr_lstr(L, m, "who", what);
	r->why_not = gr_lstr(L, m, "why_not", what);
	r->note = gr_lstr(L, m, "note", what);
	r->steps = gr_lstr_list(L, m, "steps", what, &r->nsteps);
	r->need = gr_lstr_list(L, m, "need", what, &r->nneed);
	r->limits = gr_lstr_list(L, m, "limits", what, &r->nlimits);
	load_deadlines(L, r, m, what);
	load_places(L, r, m, what);
	load_citations(L, r, m, what);
	r->when = gr_cond(L, m);
	r->serves = gr_ref_list(L, m, "serves", REF_GOAL, &r->nserves, what);
	load_ranks(L, r, m, what);
	load_urgent(L, r, m, what);
}

static const char *const cite_keys[] = {"id", "cite", "title", "url", "verified", "source", NULL};

static void load_citation(struct loader *L, struct citation *c, const struct ynode *m,
                          size_t index)
{
	char what[96];
	c->line = m->line;
	c->col = m->col;
	c->id = gr_id(L, m, "a citation");
	snprintf(what, sizeof what, c->id ? "citation '%s'" : "a citation", c->id);
	gr_check_keys(L, m, what, cite_keys, cite_keys);
	gr_register(L, &L->pv->cite_ids, c->id, m, (int)index, "citation");
	c->cite = gr_scalar(L, m, "cite", what);
	c->url = gr_scalar(L, m, "url", what);
	c->verified = gr_scalar(L, m, "verified", what);
	c->source = gr_scalar(L, m, "source", what);
	c->title = gr_lstr(L, m, "title", what);
	if (c->url && !gr_valid_url(c->url))
		gr_err(L, ynode_get(m, "url"), "'%s' is not a web address (http:// or https://, "
		       "RFC 3986 characters only: no space, control character or < > \" ` { } | \\ ^)",
		       c->url);
	if (c->verified && !gr_valid_date(c->verified))
		gr_err(L, ynode_get(m, "verified"), "'verified' must be a date written YYYY-MM-DD, "
		    "not '%s'", c->verified);
}

static void load_term(struct loader *L, struct term *t, const struct ynode *m, size_t index)
{
	static const char *const keys[] = {"id", "term", "also", "definition", NULL};
	static const char *const required[] = {"id", "term", "definition", NULL};
	char what[96];
	t->line = m->line;
	t->col = m->col;
	t->id = gr_id(L, m, "a glossary term");
	snprintf(what, sizeof what, t->id ? "glossary term '%s'" : "a glossary term", t->id);
	gr_check_keys(L, m, what, keys, required);
	gr_register(L, &L->pv->term_ids, t->id, m, (int)index, "glossary");
	t->term = gr_lstr(L, m, "term", what);
	t->definition = gr_lstr(L, m, "definition", what);
	t->also = gr_lstr(L, m, "also", what);
}

static void load_path(struct loader *L, struct path *p, const struct ynode *m, size_t index)
{
	static const char *const keys[] = {"id", "title", NULL};
	char what[96];
	p->line = m->line;
	p->col = m->col;
	p->id = gr_id(L, m, "a path");
	snprintf(what, sizeof what, p->id ? "path '%s'" : "a path", p->id);
	gr_check_keys(L, m, what, keys, keys);
	gr_register(L, &L->pv->path_ids, p->id, m, (int)index, "path");
	p->title = gr_lstr(L, m, "title", what);
}

static void load_goal(struct loader *L, struct goal *gl, const struct ynode *m, size_t index)
{
	static const char *const keys[] = {"id", "label", NULL};
	char what[96];
	gl->line = m->line;
	gl->col = m->col;
	gl->id = gr_id(L, m, "a goal");
	snprintf(what, sizeof what, gl->id ? "goal '%s'" : "a goal", gl->id);
	gr_check_keys(L, m, what, keys, keys);
	gr_register(L, &L->pv->goal_ids, gl->id, m, (int)index, "goal");
	gl->label = gr_lstr(L, m, "label", what);
}

static void load_header(struct loader *L, const struct ynode *m)
{
	static const char *const keys[] = {"id", "title", "version", "reviewed", "languages",
	                                   "start", "about", "license", "urgent_days", NULL};
	static const char *const req[] = {"id", "title", "version", "reviewed", "languages",
	                                  "start", NULL};
	struct guide *g = L->g;
	gr_check_keys(L, m, "'guide'", keys, req);
	g->id = gr_id(L, m, "'guide'");
	g->version = gr_scalar(L, m, "version", "'guide'");
	g->reviewed = gr_scalar(L, m, "reviewed", "'guide'");
	/* Optional: the content's own licence (an SPDX id such as CC-BY-4.0),
	 * which may differ from the program's. */
	g->license = ynode_get(m, "license") ? gr_scalar(L, m, "license", "'guide'") : NULL;
	if (g->reviewed && !gr_valid_date(g->reviewed))
		gr_err(L, ynode_get(m, "reviewed"), "'reviewed' must be a date written YYYY-MM-DD, "
		    "not '%s'", g->reviewed);
	const struct ynode *langs = gr_seq(L, m, "languages", "'guide'");
	if (langs) {
		g->languages = gr_alloc(L, langs->n, sizeof *g->languages);
		for (size_t i = 0; i < langs->n; i++) {
			const struct ynode *l = &langs->u.kids[i];
			if (!gr_want(L, l, Y_SCALAR, NULL, "a language code"))
				continue;
			size_t n = strlen(l->u.s);
			bool ok = n >= 2 && n <= 3;
			for (size_t j = 0; j < n; j++)
				ok = ok && islower((unsigned char)l->u.s[j]);
			if (!ok) {
				gr_err(L, l, "'%s' is not a language code such as 'en' or 'es'", l->u.s);
				continue;
			}
			if (guide_has_language(g, l->u.s)) {
				gr_err(L, l, "language '%s' is listed twice", l->u.s);
				continue;
			}
			g->languages[g->nlanguages++] = l->u.s;
		}
		if (langs->n == 0)
			gr_err(L, langs, "'languages' must list at least one language");
	}
	if (g->nlanguages == 0) {
		static const char *en[] = {"en"};
		g->languages = en;
		g->nlanguages = 1;
	}
	g->title = gr_lstr(L, m, "title", "'guide'");
	g->about = gr_lstr(L, m, "about", "'guide'");
	gr_ref(L, m, "start", REF_NODE, &g->start, "'guide'");
	const char *urgent = gr_scalar(L, m, "urgent_days", "'guide'");
	g->urgent_days = 30;
	if (urgent) {
		char *end;
		long v = strtol(urgent, &end, 10);
		if (!*urgent || *end || v < 0 || v > 3660)
			gr_err(L, ynode_get(m, "urgent_days"), "'urgent_days' must be a whole number of "
			    "days from 0 to 3660, not '%s'", urgent);
		else
			g->urgent_days = (int)v;
	}
}

/* A new zeroed element at the end of a growing array; *n counts it. */
static void *append(void *arr, unsigned *n, size_t *cap, size_t size)
{
	grow_array(arr, cap, (size_t)*n + 1, size);
	char *p = *(char **)arr + (size_t)*n * size;
	memset(p, 0, size);
	++*n;
	return p;
}

/* The bytes the guide being loaded holds so far (checked by the parser
 * against ytree_default_limits' mem_floor and the bytes read; a written
 * guide holds about 1.7 times its file, a chain of one-letter questions
 * one key to a line about 1.95): its arena, its arrays, its maps, the
 * pending references. Arrays count what they use: they grow
 * by doubling, and the part not yet written costs no memory until it is
 * (a large block comes from the system untouched). The maps' tables are
 * touched all over, so they count whole. The parser's tree is counted by
 * the parser (ytree_progress). */
static size_t held_bytes(const struct loader *L)
{
	const struct guide *g = L->g;
	const struct guide_priv *pv = L->pv;
	const struct strmap *maps[] = {&pv->node_ids, &pv->remedy_ids, &pv->cite_ids, &pv->term_ids,
	                               &pv->path_ids, &pv->goal_ids, &pv->fact_ids, &pv->value_ids,
	                               &pv->lang_ids};
	size_t n = pv->mem.bytes + L->nrefs * sizeof *L->refs + g->nnodes * sizeof *g->nodes +
	           g->nremedies * sizeof *g->remedies + g->ncitations * sizeof *g->citations +
	           g->nterms * sizeof *g->terms + g->npaths * sizeof *g->paths +
	           g->ngoals * sizeof *g->goals + g->nagrees * sizeof *g->agrees +
	           (g->nfacts + g->nvalues) * sizeof(char *) + pv->nlangs * sizeof *pv->langs;
	for (size_t i = 0; i < sizeof maps / sizeof *maps; i++)
		n += maps[i]->cap * (sizeof *maps[i]->keys + sizeof *maps[i]->vals);
	return n;
}

/* Each entry of a list is loaded as soon as the parser has it (then the
 * parser lets its tree go), so memory follows the guide, not the file. */
static size_t on_item(const char *list, const struct ynode *m, void *arg)
{
	struct loader *L = arg;
	struct guide *g = L->g;
	struct guide_priv *pv = L->pv;
	if (strcmp(list, "nodes") == 0) {
		if (g->nnodes >= MAX_GUIDE_NODES) {
			if (!L->too_many_nodes)
				gr_err(L, m, "too many nodes (the limit is %u)", MAX_GUIDE_NODES);
			L->too_many_nodes = true;
			return held_bytes(L);
		}
		struct node *n = append(&g->nodes, &g->nnodes, &pv->node_cap, sizeof *n);
		load_node(L, n, m, g->nnodes - 1);
	} else if (strcmp(list, "remedies") == 0) {
		struct remedy *r = append(&g->remedies, &g->nremedies, &pv->remedy_cap, sizeof *r);
		load_remedy(L, r, m, g->nremedies - 1);
	} else if (strcmp(list, "citations") == 0) {
		struct citation *c = append(&g->citations, &g->ncitations, &pv->cite_cap, sizeof *c);
		load_citation(L, c, m, g->ncitations - 1);
	} else if (strcmp(list, "glossary") == 0) {
		struct term *t = append(&g->terms, &g->nterms, &pv->term_cap, sizeof *t);
		load_term(L, t, m, g->nterms - 1);
	} else if (strcmp(list, "paths") == 0) {
		struct path *p = append(&g->paths, &g->npaths, &pv->path_cap, sizeof *p);
		load_path(L, p, m, g->npaths - 1);
	} else if (strcmp(list, "goals") == 0) {
		struct goal *gl = append(&g->goals, &g->ngoals, &pv->goal_cap, sizeof *gl);
		load_goal(L, gl, m, g->ngoals - 1);
	}
	/* Entries of an unknown list are dropped; the unknown key is reported. */
	return held_bytes(L);
}

/* Entries left in the tree were not maps: report them. */
static void check_leftovers(struct loader *L, const struct ynode *top)
{
	static const char *const lists[] = {"paths", "nodes", "remedies", "citations", "glossary",
	                                    "goals"};
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		const struct ynode *seq = ynode_get(top, lists[i]);
		if (!seq || !gr_want(L, seq, Y_SEQ, lists[i], "the guide"))
			continue;
		for (size_t k = 0; k < seq->n; k++) {
			char what[64];
			snprintf(what, sizeof what, "an entry of '%s'", lists[i]);
			gr_want(L, &seq->u.kids[k], Y_MAP, NULL, what);
		}
	}
}

static struct guide *load(const char *path, const char *data, size_t len, const char *name,
                          struct diags *d)
{
	size_t errors_before = d->errors;
	struct guide *g = xcalloc(1, sizeof *g);
	struct guide_priv *pv = xcalloc(1, sizeof *pv);
	g->priv = pv;
	g->start = -1;
	g->file = name;
	struct loader L = {.g = g, .pv = pv, .d = d, .file = name};
	pv->tree = path ? ytree_load_stream(path, name, NULL, d, on_item, &L)
	                : ytree_parse_stream(data, len, name, NULL, d, on_item, &L);
	if (pv->tree) {
		g->file = L.file = ytree_name(pv->tree);
		g->hash = ytree_hash(pv->tree);
		const struct ynode *top = ytree_root(pv->tree);
		static const char *const keys[] = {"guide", "paths", "nodes", "remedies", "citations",
		                                   "glossary", "goals", NULL};
		static const char *const req[] = {"guide", "paths", "nodes", "remedies", "citations",
		                                  NULL};
		if (gr_want(&L, top, Y_MAP, NULL, "a guide")) {
			gr_check_keys(&L, top, "the guide", keys, req);
			const struct ynode *h = ynode_get(top, "guide");
			if (h && gr_want(&L, h, Y_MAP, NULL, "'guide'"))
				load_header(&L, h);
			gr_check_languages(&L);
			check_leftovers(&L, top);
			gr_resolve_refs(&L);
		}
	}
	free(L.refs);
	g->facts = pv->facts;
	g->values = pv->values;
	if (!pv->tree || d->errors != errors_before) {
		guide_free(g);
		return NULL;
	}
	return g;
}

struct guide *guide_load(const char *path, struct diags *d)
{
	return load(path, NULL, 0, path, d);
}

struct guide *guide_parse(const char *data, size_t len, const char *name, struct diags *d)
{
	return load(NULL, data, len, name, d);
}

void guide_free(struct guide *g)
{
	if (!g)
		return;
	struct guide_priv *pv = g->priv;
	strmap_free(&pv->node_ids);
	strmap_free(&pv->remedy_ids);
	strmap_free(&pv->cite_ids);
	strmap_free(&pv->term_ids);
	strmap_free(&pv->path_ids);
	strmap_free(&pv->goal_ids);
	strmap_free(&pv->fact_ids);
	strmap_free(&pv->value_ids);
	strmap_free(&pv->lang_ids);
	for (size_t i = 0; i < pv->nlangs; i++)
		free(pv->langs[i].code);
	free(pv->langs);
	free(pv->facts);
	free(pv->values);
	free(g->nodes);
	free(g->remedies);
	free(g->citations);
	free(g->terms);
	free(g->paths);
	free(g->goals);
	free(g->agrees);
	arena_free(&pv->mem);
	ytree_free(pv->tree);
	free(pv);
	free(g);
}
