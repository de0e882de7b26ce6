/* SPDX-License-Identifier: MIT */
#include "core/coverage.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

struct coverage {
	const struct guide *g;
	unsigned char *node, *remedy;
	unsigned *choice_at;          /* per node: its first choice's slot */
	unsigned char *choice;
	unsigned char *item;          /* conditional items, in enumeration order */
	size_t nitems;
};

/* Every conditional item, in a fixed order: fn gets its number, its
 * condition and where it is. The items of remedy r (r >= 0) or of the
 * results' texts (r == -1, per result node). */
struct item_ctx {
	size_t k;
	void (*fn)(size_t k, const struct cond *c, unsigned line, unsigned col, int remedy, int node,
	           void *arg);
	void *arg;
	int remedy, node;
};

static void item(struct item_ctx *x, const struct cond *c, unsigned line, unsigned col)
{
	if (c && x->fn)
		x->fn(x->k, c, line, col, x->remedy, x->node, x->arg);
	if (c)
		x->k++;
}

static void lstr_items(struct item_ctx *x, const lstr *s)
{
	const struct cond *when = lstr_when(s);
	if (when)
		item(x, when, when->line, when->col);
	for (unsigned i = 0; i < lstr_nparts(s); i++)
		lstr_items(x, lstr_part(s, i));
}

static void each_item(const struct guide *g, struct item_ctx *x)
{
	for (unsigned i = 0; i < g->nremedies; i++) {
		const struct remedy *r = &g->remedies[i];
		x->remedy = (int)i;
		x->node = -1;
		lstr_items(x, &r->summary);
		lstr_items(x, &r->who);
		for (unsigned j = 0; j < r->ndeadlines; j++) {
			item(x, r->deadlines[j].when, lstr_line(&r->deadlines[j].text), lstr_col(&r->deadlines[j].text));
			lstr_items(x, &r->deadlines[j].text);
		}
		for (unsigned j = 0; j < r->nsteps; j++)
			lstr_items(x, &r->steps[j]);
		for (unsigned j = 0; j < r->nneed; j++)
			lstr_items(x, &r->need[j]);
		for (unsigned j = 0; j < r->nlimits; j++)
			lstr_items(x, &r->limits[j]);
		for (unsigned j = 0; j < r->nwhere; j++) {
			item(x, r->where[j].when, lstr_line(&r->where[j].name), lstr_col(&r->where[j].name));
			lstr_items(x, &r->where[j].name);
		}
		for (unsigned j = 0; r->cite_when && j < r->ncitations; j++)
			if (r->cite_when[j])
				item(x, r->cite_when[j], r->cite_when[j]->line, r->cite_when[j]->col);
	}
	for (unsigned i = 0; i < g->nnodes; i++)
		if (g->nodes[i].kind == NODE_RESULT) {
			x->remedy = -1;
			x->node = (int)i;
			lstr_items(x, &g->nodes[i].text);
		}
}

struct coverage *coverage_new(const struct guide *g)
{
	struct coverage *c = xcalloc(1, sizeof *c);
	c->g = g;
	c->node = xcalloc(g->nnodes + 1, 1);
	c->remedy = xcalloc(g->nremedies + 1, 1);
	c->choice_at = xcalloc(g->nnodes + 1, sizeof *c->choice_at);
	unsigned total = 0;
	for (unsigned i = 0; i < g->nnodes; i++) {
		c->choice_at[i] = total;
		total += g->nodes[i].nchoices;
	}
	c->choice_at[g->nnodes] = total;
	c->choice = xcalloc(total + 1, 1);
	struct item_ctx x = {0};
	each_item(g, &x);
	c->nitems = x.k;
	c->item = xcalloc(c->nitems + 1, 1);
	return c;
}

void coverage_free(struct coverage *c)
{
	if (!c)
		return;
	free(c->node);
	free(c->remedy);
	free(c->choice_at);
	free(c->choice);
	free(c->item);
	free(c);
}

struct add_ctx {
	struct coverage *c;
	const struct session *s;
	const unsigned char *reached_result;
};

/* An item counts as shown when its remedy was gathered (or its result
 * reached) and its condition holds with the facts at the end. */
static void mark_item(size_t k, const struct cond *cond, unsigned line, unsigned col, int remedy,
                      int node, void *arg)
{
	(void)line;
	(void)col;
	struct add_ctx *a = arg;
	bool there = remedy >= 0 ? session_gathered(a->s, remedy) : a->reached_result[node];
	if (there && cond_eval(cond, session_facts(a->s)))
		a->c->item[k] = 1;
}

void coverage_add(struct coverage *c, const struct session *s)
{
	const struct guide *g = c->g;
	for (size_t i = 0; i < session_history_len(s); i++) {
		int n = session_history_node(s, i);
		size_t k;
		const unsigned *ch = session_history_choices(s, i, &k);
		c->node[n] = 1;
		for (size_t j = 0; j < k; j++)
			c->choice[c->choice_at[n] + ch[j]] = 1;
	}
	unsigned char *reached = xcalloc(g->nnodes + 1, 1);
	struct session_remedy *r;
	size_t n = session_gathered_list(s, &r);
	for (size_t i = 0; i < n; i++) {
		c->remedy[r[i].remedy] = 1;
		reached[r[i].result] = 1;
	}
	free(r);
	struct add_ctx a = {c, s, reached};
	struct item_ctx x = {.fn = mark_item, .arg = &a};
	each_item(g, &x);
	free(reached);
}

struct list_ctx {
	const struct coverage *c;
	struct buf *b;
};

static void list_item(size_t k, const struct cond *cond, unsigned line, unsigned col, int remedy,
                      int node, void *arg)
{
	(void)cond;
	struct list_ctx *l = arg;
	const struct guide *g = l->c->g;
	if (l->c->item[k] || !l->b)
		return;
	buf_printf(l->b, "%s:%u:%u: never shown: a conditional item of %s '%s'\n", g->file, line,
	           col, remedy >= 0 ? "remedy" : "result", remedy >= 0 ? g->remedies[remedy].id
	                                                               : g->nodes[node].id);
}

void coverage_result(const struct coverage *c, struct coverage_counts *n, char **list)
{
	const struct guide *g = c->g;
	struct buf b = {0};
	buf_add(&b, "", 0);
	memset(n, 0, sizeof *n);
	for (unsigned i = 0; i < g->nnodes; i++) {
		const struct node *nd = &g->nodes[i];
		if (nd->kind == NODE_RESULT || nd->kind == NODE_INFO)
			continue;
		n->questions++;
		n->questions_hit += c->node[i];
		if (!c->node[i]) {
			buf_printf(&b, "%s:%u:%u: never reached: question '%s'\n", g->file, nd->line, nd->col,
			           nd->id);
			continue; /* its choices go without saying */
		}
		for (unsigned j = 0; j < nd->nchoices; j++) {
			n->choices++;
			bool hit = c->choice[c->choice_at[i] + j];
			n->choices_hit += hit;
			if (!hit)
				buf_printf(&b, "%s:%u:%u: never taken: choice '%s=%s'\n", g->file,
				           nd->choices[j].line, nd->choices[j].col, nd->id, nd->choices[j].id);
		}
	}
	for (unsigned i = 0; i < g->nnodes; i++)
		if (!c->node[i] && g->nodes[i].kind != NODE_RESULT && g->nodes[i].kind != NODE_INFO)
			n->choices += g->nodes[i].nchoices;
	for (unsigned i = 0; i < g->nremedies; i++) {
		n->remedies++;
		n->remedies_hit += c->remedy[i];
		if (!c->remedy[i])
			buf_printf(&b, "%s:%u:%u: never reached: remedy '%s'\n", g->file, g->remedies[i].line,
			           g->remedies[i].col, g->remedies[i].id);
	}
	n->items = c->nitems;
	for (size_t k = 0; k < c->nitems; k++)
		n->items_hit += c->item[k];
	struct list_ctx l = {c, &b};
	struct item_ctx x = {.fn = list_item, .arg = &l};
	each_item(g, &x);
	if (list)
		*list = buf_take(&b);
	else
		buf_free(&b);
}
