/* SPDX-License-Identifier: MIT */
#include "core/guide.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "guide_priv.h"
#include "core/text.h"
#include "core/util.h"

/* The guide's id maps (in what the loader keeps beside the public arrays,
 * guide_priv.h). */
static struct guide_priv *id_maps(const struct guide *g)
{
	return g->priv;
}

int guide_node(const struct guide *g, const char *id) { return strmap_get(&id_maps(g)->node_ids, id); }
int guide_remedy(const struct guide *g, const char *id) { return strmap_get(&id_maps(g)->remedy_ids, id); }
int guide_citation(const struct guide *g, const char *id) { return strmap_get(&id_maps(g)->cite_ids, id); }
int guide_term(const struct guide *g, const char *id) { return strmap_get(&id_maps(g)->term_ids, id); }
int guide_goal(const struct guide *g, const char *id) { return strmap_get(&id_maps(g)->goal_ids, id); }
int guide_fact(const struct guide *g, const char *name) { return strmap_get(&id_maps(g)->fact_ids, name); }
int guide_value(const struct guide *g, const char *name) { return strmap_get(&id_maps(g)->value_ids, name); }

int guide_choice(const struct node *n, const char *id)
{
	for (unsigned i = 0; i < n->nchoices; i++)
		if (n->choices[i].id && strcmp(n->choices[i].id, id) == 0)
			return (int)i;
	return -1;
}

int guide_alone_clash(const struct node *n, const unsigned *c, size_t k)
{
	if (k < 2)
		return -1;
	for (size_t i = 0; i < k; i++)
		if (c[i] < n->nchoices && choice_alone(&n->choices[c[i]]))
			return (int)c[i];
	return -1;
}

bool guide_has_language(const struct guide *g, const char *lang)
{
	for (unsigned i = 0; i < g->nlanguages; i++)
		if (strcmp(g->languages[i], lang) == 0)
			return true;
	return false;
}

/* The language of an item: a plain string is in the guide's default one. */
static const char *item_lang(const struct guide *g, const struct lstr_item *it)
{
	return it->lang ? it->lang : g->languages[0];
}

const char *guide_str(const struct guide *g, const lstr *s, const char *lang)
{
	if (!s->n)
		return "";
	const char *def = g->languages[0];
	const char *fallback = NULL;
	for (unsigned i = 0; i < s->n; i++) {
		const char *l = item_lang(g, &s->items[i]);
		if (lang && strcmp(l, lang) == 0)
			return s->items[i].text;
		if (!fallback && strcmp(l, def) == 0)
			fallback = s->items[i].text;
	}
	return fallback ? fallback : s->items[0].text;
}

bool lstr_has(const struct guide *g, const lstr *s, const char *lang)
{
	if (!s->n)
		return true;
	for (unsigned i = 0; i < s->n; i++)
		if (strcmp(item_lang(g, &s->items[i]), lang) == 0)
			return true;
	return false;
}

/* Finds the next "[[...]]" at or after p; returns NULL when none. */
static const char *find_mark(const char *p, const char **inner, size_t *inner_len)
{
	for (;;) {
		const char *a = strstr(p, "[[");
		if (!a)
			return NULL;
		const char *b = strstr(a + 2, "]]");
		if (!b)
			return NULL;
		*inner = a + 2;
		*inner_len = (size_t)(b - a - 2);
		return a;
	}
}

static bool is_ref(const char *inner, size_t n)
{
	return n >= 4 && memcmp(inner, "see:", 4) == 0;
}

void guide_each_mark(const char *text, void (*fn)(const char *id, size_t len, void *arg),
                     void *arg)
{
	const char *inner, *p = text;
	size_t n;
	const char *a;
	while ((a = find_mark(p, &inner, &n))) {
		const char *bar = memchr(inner, '|', n);
		/* [[see:ID]] refers to a remedy, not to the glossary (core/tailor.h) */
		if (!is_ref(inner, n))
			fn(inner, bar ? (size_t)(bar - inner) : n, arg);
		p = inner + n + 2;
	}
}

char *guide_render(const struct guide *g, const char *text, const char *lang)
{
	struct buf b = {0};
	buf_add(&b, "", 0);
	const char *inner, *p = text, *a;
	size_t n;
	while ((a = find_mark(p, &inner, &n))) {
		buf_add(&b, p, (size_t)(a - p));
		const char *bar = memchr(inner, '|', n);
		if (is_ref(inner, n)) {
			/* A reference that was not tailored (core/tailor.h resolves them
			 * for a person): its words, else the remedy's title. */
			char *id = xstrndup(inner + 4, bar ? (size_t)(bar - inner - 4) : n - 4);
			int r = guide_remedy(g, id);
			if (bar)
				buf_add(&b, bar + 1, (size_t)(inner + n - bar - 1));
			else if (r >= 0)
				buf_adds(&b, guide_str(g, &g->remedies[r].title, lang));
			free(id);
			p = inner + n + 2;
			continue;
		}
		buf_adds(&b, TEXT_MARK_ON);
		if (bar) {
			buf_add(&b, bar + 1, (size_t)(inner + n - bar - 1));
		} else {
			char *id = xstrndup(inner, n);
			int t = guide_term(g, id);
			if (t >= 0)
				buf_adds(&b, guide_str(g, &g->terms[t].term, lang));
			else
				buf_adds(&b, id);
			free(id);
		}
		buf_adds(&b, TEXT_MARK_OFF);
		p = inner + n + 2;
	}
	buf_adds(&b, p);
	return buf_take(&b);
}

char *guide_text(const struct guide *g, const char *text, const char *lang, unsigned flags)
{
	bool marks = flags & GUIDE_TEXT_MARKS;
	char *r = guide_render(g, text, lang);
	if (!marks) {
		char *bare = text_strip_marks(r);
		free(r);
		r = bare;
	}
	char *safe = text_sanitize(r, marks, flags & GUIDE_TEXT_ASCII);
	free(r);
	return safe;
}

bool cond_eval(const struct cond *c, const int *fact_values)
{
	if (!c)
		return true;
	switch (c->kind) {
	case COND_MATCH: {
		int v = fact_values[c->fact];
		for (unsigned i = 0; i < c->nvalues; i++)
			if (c->values[i] == v)
				return true;
		return false;
	}
	case COND_ALL:
		for (unsigned i = 0; i < c->nkids; i++)
			if (!cond_eval(c->kids[i], fact_values))
				return false;
		return true;
	case COND_ANY:
		for (unsigned i = 0; i < c->nkids; i++)
			if (cond_eval(c->kids[i], fact_values))
				return true;
		return false;
	case COND_NOT:
		return c->nkids ? !cond_eval(c->kids[0], fact_values) : true;
	}
	return false;
}

void cond_each_fact(const struct cond *c, void (*fn)(int fact, void *arg), void *arg)
{
	if (!c)
		return;
	if (c->kind == COND_MATCH)
		fn(c->fact, arg);
	for (unsigned i = 0; i < c->nkids; i++)
		cond_each_fact(c->kids[i], fn, arg);
}

const char *const guide_kind_names[] = {"question", "multi", "info", "result", "date", NULL};

const char *node_kind_name(enum node_kind k)
{
	return guide_kind_names[k];
}
