#include "guide.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "guide_tree.h"
#include "text.h"
#include "util.h"

#define MAX_GUIDE_NODES 1000000u

/* Everything the guide points into: the YAML tree (all strings live in its
 * arena) and every array the loader allocated. */
struct guide_priv {
	struct ytree *tree;
	void **blocks;
	size_t nblocks, cap;
	struct strmap node_ids, remedy_ids, cite_ids, term_ids, path_ids, fact_ids, value_ids;
	const char **facts, **values;
	size_t fcap, vcap;
};

enum ref_kind { REF_NODE, REF_REMEDY, REF_CITATION, REF_PATH };

struct ref {
	enum ref_kind kind;
	const struct ynode *name;
	int *target;
};

struct loader {
	struct guide *g;
	struct guide_priv *pv;
	struct diags *d;
	const char *file;
	struct ref *refs;
	size_t nrefs, rcap;
	const char *deflang;
};

static void *ld_alloc(struct loader *L, size_t n, size_t size)
{
	void *p = xcalloc(n ? n : 1, size);
	*VEC_PUSH(L->pv->blocks, L->pv->nblocks, L->pv->cap) = p;
	return p;
}

static void err(struct loader *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void err(struct loader *L, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error(L->d, L->file, at ? at->line : 0, at ? at->col : 0, "%s", m);
	free(m);
}

static const char *closest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t bestd = (strlen(word) + 2) / 3 + 1;
	if (bestd > 3)
		bestd = 3;
	for (size_t i = 0; i < n; i++) {
		size_t dd = edit_distance(word, cands[i], bestd);
		if (dd < bestd || (dd == bestd && !best && dd <= 2)) {
			best = cands[i];
			bestd = dd;
		}
	}
	return best;
}

/* Rejects unknown keys (suggesting a close one) and reports missing required
 * keys. Both lists end with NULL. */
static void check_keys(struct loader *L, const struct ynode *map, const char *what,
                       const char *const *allowed, const char *const *required)
{
	size_t nallowed = 0;
	while (allowed[nallowed])
		nallowed++;
	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *k = &map->u.kids[2 * i];
		if (k->kind != Y_SCALAR)
			continue;
		bool ok = false;
		for (size_t j = 0; j < nallowed && !ok; j++)
			ok = strcmp(k->u.s, allowed[j]) == 0;
		if (ok)
			continue;
		const char *near = closest(k->u.s, allowed, nallowed);
		if (near)
			err(L, k, "unknown key '%s' in %s; did you mean '%s'?", k->u.s, what, near);
		else
			err(L, k, "unknown key '%s' in %s", k->u.s, what);
	}
	for (; required && *required; required++)
		if (!ynode_get(map, *required))
			err(L, map, "%s is missing the required key '%s'", what, *required);
}

static bool want(struct loader *L, const struct ynode *n, enum ynode_kind kind,
                 const char *what)
{
	if (n->kind == kind)
		return true;
	err(L, n, "%s must be a %s, not a %s", what, ynode_kind_name(kind),
	    ynode_kind_name(n->kind));
	return false;
}

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64 || !(islower((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '-' ||
		      s[i] == '_'))
			return false;
	return true;
}

static bool valid_fact_name(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

static bool valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A scalar field; NULL when absent or of the wrong type (reported). */
static const char *scalar(struct loader *L, const struct ynode *map, const char *key,
                          const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	if (!v)
		return NULL;
	char *w = xasprintf("'%s' of %s", key, what);
	bool ok = want(L, v, Y_SCALAR, w);
	free(w);
	return ok ? v->u.s : NULL;
}

static const char *id_field(struct loader *L, const struct ynode *map, const char *what)
{
	const char *id = scalar(L, map, "id", what);
	if (id && !valid_id(id)) {
		err(L, ynode_get(map, "id"), "'%s' is not a valid id for %s: use lower-case "
		    "letters, digits, '-' and '_' (at most 64)", id, what);
		return NULL;
	}
	return id;
}

static lstr make_lstr(struct loader *L, const struct ynode *v, const char *what)
{
	lstr s = {0};
	s.line = v->line;
	s.col = v->col;
	if (v->kind == Y_SCALAR) {
		if (v->n == 0)
			err(L, v, "%s is empty", what);
		s.items = ld_alloc(L, 1, sizeof *s.items);
		s.items[0].lang = L->deflang;
		s.items[0].text = v->u.s;
		s.n = 1;
		return s;
	}
	if (v->kind != Y_MAP) {
		err(L, v, "%s must be text or a map of language to text ({en: ..., es: ...}), "
		    "not a %s", what, ynode_kind_name(v->kind));
		return s;
	}
	s.items = ld_alloc(L, v->n, sizeof *s.items);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = &v->u.kids[2 * i], *t = &v->u.kids[2 * i + 1];
		if (k->kind != Y_SCALAR)
			continue;
		if (!guide_has_language(L->g, k->u.s)) {
			const char *near = closest(k->u.s, L->g->languages, L->g->nlanguages);
			err(L, k, "'%s' is not one of the guide's languages%s%s%s", k->u.s,
			    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
			continue;
		}
		char *w = xasprintf("the '%s' text of %s", k->u.s, what);
		if (want(L, t, Y_SCALAR, w)) {
			if (t->n == 0)
				err(L, t, "%s is empty", w);
			s.items[s.n].lang = k->u.s;
			s.items[s.n].text = t->u.s;
			s.n++;
		}
		free(w);
	}
	if (v->n == 0)
		err(L, v, "%s has no text", what);
	return s;
}

static lstr get_lstr(struct loader *L, const struct ynode *map, const char *key,
                     const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	lstr none = {0};
	if (!v)
		return none;
	char *w = xasprintf("'%s' of %s", key, what);
	lstr s = make_lstr(L, v, w);
	free(w);
	return s;
}

static lstr *get_lstr_list(struct loader *L, const struct ynode *map, const char *key,
                           const char *what, unsigned *n)
{
	const struct ynode *v = ynode_get(map, key);
	*n = 0;
	if (!v)
		return NULL;
	char *w = xasprintf("'%s' of %s", key, what);
	lstr *out = NULL;
	if (want(L, v, Y_SEQ, w)) {
		out = ld_alloc(L, v->n, sizeof *out);
		for (size_t i = 0; i < v->n; i++)
			out[(*n)++] = make_lstr(L, &v->u.kids[i], w);
	}
	free(w);
	return out;
}

static void add_ref(struct loader *L, enum ref_kind kind, const struct ynode *name, int *target)
{
	*target = -1;
	struct ref *r = VEC_PUSH(L->refs, L->nrefs, L->rcap);
	r->kind = kind;
	r->name = name;
	r->target = target;
}

static void ref_field(struct loader *L, const struct ynode *map, const char *key,
                      enum ref_kind kind, int *target, const char *what)
{
	*target = -1;
	const struct ynode *v = ynode_get(map, key);
	if (!v)
		return;
	char *w = xasprintf("'%s' of %s", key, what);
	if (want(L, v, Y_SCALAR, w))
		add_ref(L, kind, v, target);
	free(w);
}

static int *ref_list(struct loader *L, const struct ynode *map, const char *key,
                     enum ref_kind kind, unsigned *n, const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	*n = 0;
	if (!v)
		return NULL;
	char *w = xasprintf("'%s' of %s", key, what);
	int *out = NULL;
	if (want(L, v, Y_SEQ, w)) {
		out = ld_alloc(L, v->n, sizeof *out);
		for (size_t i = 0; i < v->n; i++)
			if (want(L, &v->u.kids[i], Y_SCALAR, w))
				add_ref(L, kind, &v->u.kids[i], &out[(*n)++]);
	}
	free(w);
	return out;
}

static int intern(struct loader *L, struct strmap *m, const char ***arr, size_t *cap,
                  unsigned *count, const char *name)
{
	int v = strmap_get(m, name);
	if (v >= 0)
		return v;
	grow_array(arr, cap, *count + 1, sizeof **arr);
	(*arr)[*count] = name;
	strmap_put(m, name, (int)*count);
	(void)L;
	return (int)(*count)++;
}

static int fact_index(struct loader *L, const char *name)
{
	return intern(L, &L->pv->fact_ids, &L->pv->facts, &L->pv->fcap, &L->g->nfacts, name);
}

static int value_index(struct loader *L, const char *name)
{
	return intern(L, &L->pv->value_ids, &L->pv->values, &L->pv->vcap, &L->g->nvalues, name);
}

static struct cond *parse_cond(struct loader *L, const struct ynode *v);

static struct cond *cond_list(struct loader *L, const struct ynode *v, enum cond_kind kind,
                              const char *key)
{
	struct cond *c = ld_alloc(L, 1, sizeof *c);
	c->kind = kind;
	c->line = v->line;
	c->col = v->col;
	if (v->kind != Y_SEQ || v->n == 0) {
		err(L, v, "'%s' takes a non-empty list of conditions", key);
		return c;
	}
	c->kids = ld_alloc(L, v->n, sizeof *c->kids);
	for (size_t i = 0; i < v->n; i++) {
		struct cond *k = parse_cond(L, &v->u.kids[i]);
		if (k)
			c->kids[c->nkids++] = k;
	}
	return c;
}

static struct cond *cond_pair(struct loader *L, const struct ynode *k, const struct ynode *v)
{
	const char *key = k->u.s;
	if (strcmp(key, "all") == 0)
		return cond_list(L, v, COND_ALL, key);
	if (strcmp(key, "any") == 0)
		return cond_list(L, v, COND_ANY, key);
	struct cond *c = ld_alloc(L, 1, sizeof *c);
	c->line = k->line;
	c->col = k->col;
	if (strcmp(key, "not") == 0) {
		c->kind = COND_NOT;
		c->kids = ld_alloc(L, 1, sizeof *c->kids);
		c->kids[0] = parse_cond(L, v);
		c->nkids = c->kids[0] ? 1 : 0;
		return c;
	}
	c->kind = COND_MATCH;
	if (!valid_fact_name(key)) {
		err(L, k, "'%s' is not a valid fact name (lower-case letters, digits and '_')", key);
		return NULL;
	}
	c->fact = fact_index(L, key);
	if (v->kind == Y_SCALAR) {
		c->values = ld_alloc(L, 1, sizeof *c->values);
		c->values[0] = value_index(L, v->u.s);
		c->nvalues = 1;
	} else if (v->kind == Y_SEQ && v->n > 0) {
		c->values = ld_alloc(L, v->n, sizeof *c->values);
		for (size_t i = 0; i < v->n; i++)
			if (want(L, &v->u.kids[i], Y_SCALAR, "a fact value"))
				c->values[c->nvalues++] = value_index(L, v->u.kids[i].u.s);
	} else {
		err(L, v, "the value tested for fact '%s' must be a word or a non-empty list of words",
		    key);
	}
	return c;
}

static struct cond *parse_cond(struct loader *L, const struct ynode *v)
{
	if (v->kind != Y_MAP || v->n == 0) {
		err(L, v, "a condition must be a map such as {status: lpr} or {any: [...]}");
		return NULL;
	}
	if (v->n == 1)
		return cond_pair(L, &v->u.kids[0], &v->u.kids[1]);
	struct cond *c = ld_alloc(L, 1, sizeof *c);
	c->kind = COND_ALL;
	c->line = v->line;
	c->col = v->col;
	c->kids = ld_alloc(L, v->n, sizeof *c->kids);
	for (size_t i = 0; i < v->n; i++) {
		struct cond *k = cond_pair(L, &v->u.kids[2 * i], &v->u.kids[2 * i + 1]);
		if (k)
			c->kids[c->nkids++] = k;
	}
	return c;
}

static struct cond *get_cond(struct loader *L, const struct ynode *map)
{
	const struct ynode *v = ynode_get(map, "when");
	return v ? parse_cond(L, v) : NULL;
}

static const struct ynode *get_seq(struct loader *L, const struct ynode *map, const char *key,
                                   const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	if (!v)
		return NULL;
	char *w = xasprintf("'%s' of %s", key, what);
	bool ok = want(L, v, Y_SEQ, w);
	free(w);
	return ok ? v : NULL;
}

static void register_id(struct loader *L, struct strmap *m, const char *id,
                        const struct ynode *at, int index, const char *kind)
{
	if (!id)
		return;
	if (strmap_put(m, id, index) >= 0)
		err(L, ynode_get(at, "id"), "duplicate %s id '%s'", kind, id);
}

static void load_sets(struct loader *L, struct choice *c, const struct ynode *map,
                      const char *what)
{
	const struct ynode *v = ynode_get(map, "set");
	if (!v)
		return;
	char *w = xasprintf("'set' of %s", what);
	if (want(L, v, Y_MAP, w)) {
		c->sets = ld_alloc(L, v->n, sizeof *c->sets);
		for (size_t i = 0; i < v->n; i++) {
			const struct ynode *k = &v->u.kids[2 * i], *val = &v->u.kids[2 * i + 1];
			if (k->kind != Y_SCALAR)
				continue;
			if (!valid_fact_name(k->u.s)) {
				err(L, k, "'%s' is not a valid fact name (lower-case letters, digits and '_')",
				    k->u.s);
				continue;
			}
			if (!want(L, val, Y_SCALAR, "a fact value"))
				continue;
			c->sets[c->nsets].fact = fact_index(L, k->u.s);
			c->sets[c->nsets].value = value_index(L, val->u.s);
			c->nsets++;
		}
	}
	free(w);
}

static const char *const choice_keys[] = {"id", "label", "help", "set", "when", "rules_out",
                                          "next", NULL};
static const char *const choice_req[] = {"id", "label", "next", NULL};

static void load_choices(struct loader *L, struct node *n, const struct ynode *seq)
{
	n->choices = ld_alloc(L, seq->n, sizeof *n->choices);
	struct strmap ids = {0};
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *m = &seq->u.kids[i];
		if (!want(L, m, Y_MAP, "a choice"))
			continue;
		char *what = xasprintf("a choice of node '%s'", n->id ? n->id : "?");
		check_keys(L, m, what, choice_keys, choice_req);
		struct choice *c = &n->choices[n->nchoices++];
		c->line = m->line;
		c->col = m->col;
		c->id = id_field(L, m, what);
		if (c->id && strmap_put(&ids, c->id, (int)i) >= 0)
			err(L, ynode_get(m, "id"), "duplicate choice id '%s' in node '%s'", c->id,
			    n->id ? n->id : "?");
		c->label = get_lstr(L, m, "label", what);
		c->help = get_lstr(L, m, "help", what);
		load_sets(L, c, m, what);
		c->when = get_cond(L, m);
		ref_field(L, m, "next", REF_NODE, &c->next, what);
		c->rules_out = ref_list(L, m, "rules_out", REF_REMEDY, &c->nrules_out, what);
		free(what);
	}
	strmap_free(&ids);
}

static const char *const node_keys[] = {"id", "kind", "section", "text", "help", "note", "when",
                                        "otherwise", "choices", "next", "remedies", NULL};
static const char *const node_req[] = {"id", "kind", NULL};
static const char *const kind_names[] = {"question", "multi", "info", "result", NULL};

/* Which keys each kind of node must have and may not have. */
static void check_node_shape(struct loader *L, const struct node *n, const struct ynode *m)
{
	static const char *const forbidden[4][4] = {
		[NODE_QUESTION] = {"next", "remedies", NULL},
		[NODE_MULTI] = {"remedies", NULL},
		[NODE_INFO] = {"choices", "remedies", NULL},
		[NODE_RESULT] = {"choices", "next", NULL},
	};
	for (const char *const *k = forbidden[n->kind]; *k; k++) {
		const struct ynode *v = ynode_get(m, *k);
		if (v)
			err(L, v, "'%s' is not allowed in a %s node ('%s')%s", *k, kind_names[n->kind],
			    n->id ? n->id : "?",
			    strcmp(*k, "next") == 0 && n->kind == NODE_QUESTION
			            ? "; each choice has its own 'next'" : "");
	}
	if ((n->kind == NODE_QUESTION || n->kind == NODE_MULTI) && !ynode_get(m, "choices"))
		err(L, m, "%s node '%s' has no 'choices'", kind_names[n->kind], n->id ? n->id : "?");
	if (n->kind == NODE_INFO && !ynode_get(m, "next"))
		err(L, m, "info node '%s' has no 'next'", n->id ? n->id : "?");
	if (n->kind == NODE_RESULT && !ynode_get(m, "remedies"))
		err(L, m, "result node '%s' has no 'remedies'", n->id ? n->id : "?");
	if (n->kind != NODE_RESULT && !ynode_get(m, "text"))
		err(L, m, "%s node '%s' has no 'text'", kind_names[n->kind], n->id ? n->id : "?");
	if (!!ynode_get(m, "when") != !!ynode_get(m, "otherwise"))
		err(L, m, "node '%s' needs both 'when' and 'otherwise' (where to go when the "
		    "condition is false), or neither", n->id ? n->id : "?");
}

static void load_node(struct loader *L, struct node *n, const struct ynode *m, int index)
{
	char *what = NULL;
	n->line = m->line;
	n->col = m->col;
	n->next = n->otherwise = -1;
	n->id = id_field(L, m, "a node");
	what = n->id ? xasprintf("node '%s'", n->id) : xstrdup("a node");
	check_keys(L, m, what, node_keys, node_req);
	register_id(L, &L->pv->node_ids, n->id, m, index, "node");
	const char *kind = scalar(L, m, "kind", what);
	n->kind = NODE_INFO;
	if (kind) {
		int k = -1;
		for (int i = 0; kind_names[i]; i++)
			if (strcmp(kind, kind_names[i]) == 0)
				k = i;
		if (k < 0) {
			const char *near = closest(kind, kind_names, 4);
			err(L, ynode_get(m, "kind"), "unknown node kind '%s'%s%s%s (question, multi, "
			    "info or result)", kind, near ? "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
		} else {
			n->kind = (enum node_kind)k;
			check_node_shape(L, n, m);
		}
	}
	n->section = get_lstr(L, m, "section", what);
	n->text = get_lstr(L, m, "text", what);
	n->help = get_lstr(L, m, "help", what);
	n->note = get_lstr(L, m, "note", what);
	n->when = get_cond(L, m);
	ref_field(L, m, "otherwise", REF_NODE, &n->otherwise, what);
	if (n->kind == NODE_INFO || n->kind == NODE_MULTI)
		ref_field(L, m, "next", REF_NODE, &n->next, what);
	const struct ynode *choices = get_seq(L, m, "choices", what);
	if (choices && (n->kind == NODE_QUESTION || n->kind == NODE_MULTI)) {
		if (choices->n == 0)
			err(L, choices, "%s has an empty list of choices", what);
		load_choices(L, n, choices);
	}
	if (n->kind == NODE_RESULT)
		n->remedies = ref_list(L, m, "remedies", REF_REMEDY, &n->nremedies, what);
	free(what);
}

static const char *const remedy_keys[] = {"id", "path", "title", "summary", "who", "steps",
                                          "deadlines", "need", "limits", "where", "citations",
                                          "when", "why_not", "note", NULL};
static const char *const remedy_req[] = {"id", "path", "title", "summary", "who", "steps",
                                         "limits", "where", "citations", NULL};

static void load_deadlines(struct loader *L, struct remedy *r, const struct ynode *m,
                           const char *what)
{
	static const char *const keys[] = {"text", "days", NULL};
	static const char *const req[] = {"text", NULL};
	const struct ynode *seq = get_seq(L, m, "deadlines", what);
	r->min_days = -1;
	if (!seq)
		return;
	r->deadlines = ld_alloc(L, seq->n, sizeof *r->deadlines);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *dm = &seq->u.kids[i];
		if (!want(L, dm, Y_MAP, "a deadline"))
			continue;
		check_keys(L, dm, "a deadline", keys, req);
		struct deadline *dl = &r->deadlines[r->ndeadlines++];
		dl->text = get_lstr(L, dm, "text", "a deadline");
		dl->days = -1;
		const char *days = scalar(L, dm, "days", "a deadline");
		if (days) {
			char *end;
			long v = strtol(days, &end, 10);
			if (!*days || *end || v < 0 || v > 100000) {
				err(L, ynode_get(dm, "days"), "'days' must be a whole number of days "
				    "from 0 to 100000, not '%s'", days);
			} else {
				dl->days = (int)v;
				if (r->min_days < 0 || dl->days < r->min_days)
					r->min_days = dl->days;
			}
		}
	}
}

static bool valid_url(const char *u)
{
	return (strncmp(u, "https://", 8) == 0 && u[8]) || (strncmp(u, "http://", 7) == 0 && u[7]);
}

static void load_places(struct loader *L, struct remedy *r, const struct ynode *m,
                        const char *what)
{
	static const char *const keys[] = {"name", "url", NULL};
	static const char *const req[] = {"name", NULL};
	const struct ynode *seq = get_seq(L, m, "where", what);
	if (!seq)
		return;
	r->where = ld_alloc(L, seq->n, sizeof *r->where);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *pm = &seq->u.kids[i];
		if (!want(L, pm, Y_MAP, "a place in 'where'"))
			continue;
		check_keys(L, pm, "a place in 'where'", keys, req);
		struct place *p = &r->where[r->nwhere++];
		p->name = get_lstr(L, pm, "name", "a place");
		p->url = scalar(L, pm, "url", "a place");
		if (p->url && !valid_url(p->url))
			err(L, ynode_get(pm, "url"), "'%s' is not a web address (http:// or https://)",
			    p->url);
	}
}

static void load_remedy(struct loader *L, struct remedy *r, const struct ynode *m, int index)
{
	r->line = m->line;
	r->col = m->col;
	r->id = id_field(L, m, "a remedy");
	char *what = r->id ? xasprintf("remedy '%s'", r->id) : xstrdup("a remedy");
	check_keys(L, m, what, remedy_keys, remedy_req);
	register_id(L, &L->pv->remedy_ids, r->id, m, index, "remedy");
	ref_field(L, m, "path", REF_PATH, &r->path, what);
	r->title = get_lstr(L, m, "title", what);
	r->summary = get_lstr(L, m, "summary", what);
	r->who = get_lstr(L, m, "who", what);
	r->why_not = get_lstr(L, m, "why_not", what);
	r->note = get_lstr(L, m, "note", what);
	r->steps = get_lstr_list(L, m, "steps", what, &r->nsteps);
	r->need = get_lstr_list(L, m, "need", what, &r->nneed);
	r->limits = get_lstr_list(L, m, "limits", what, &r->nlimits);
	load_deadlines(L, r, m, what);
	load_places(L, r, m, what);
	r->citations = ref_list(L, m, "citations", REF_CITATION, &r->ncitations, what);
	r->when = get_cond(L, m);
	free(what);
}

static const char *const cite_keys[] = {"id", "cite", "title", "url", "verified", "source", NULL};

static void load_citation(struct loader *L, struct citation *c, const struct ynode *m, int index)
{
	c->line = m->line;
	c->col = m->col;
	c->id = id_field(L, m, "a citation");
	char *what = c->id ? xasprintf("citation '%s'", c->id) : xstrdup("a citation");
	check_keys(L, m, what, cite_keys, cite_keys);
	register_id(L, &L->pv->cite_ids, c->id, m, index, "citation");
	c->cite = scalar(L, m, "cite", what);
	c->url = scalar(L, m, "url", what);
	c->verified = scalar(L, m, "verified", what);
	c->source = scalar(L, m, "source", what);
	c->title = get_lstr(L, m, "title", what);
	if (c->url && !valid_url(c->url))
		err(L, ynode_get(m, "url"), "'%s' is not a web address (http:// or https://)", c->url);
	if (c->verified && !valid_date(c->verified))
		err(L, ynode_get(m, "verified"), "'verified' must be a date written YYYY-MM-DD, "
		    "not '%s'", c->verified);
	free(what);
}

static void load_term(struct loader *L, struct term *t, const struct ynode *m, int index)
{
	static const char *const keys[] = {"id", "term", "definition", NULL};
	t->line = m->line;
	t->col = m->col;
	t->id = id_field(L, m, "a glossary term");
	char *what = t->id ? xasprintf("glossary term '%s'", t->id) : xstrdup("a glossary term");
	check_keys(L, m, what, keys, keys);
	register_id(L, &L->pv->term_ids, t->id, m, index, "glossary");
	t->term = get_lstr(L, m, "term", what);
	t->definition = get_lstr(L, m, "definition", what);
	free(what);
}

static void load_path(struct loader *L, struct path *p, const struct ynode *m, int index)
{
	static const char *const keys[] = {"id", "title", NULL};
	p->line = m->line;
	p->col = m->col;
	p->id = id_field(L, m, "a path");
	char *what = p->id ? xasprintf("path '%s'", p->id) : xstrdup("a path");
	check_keys(L, m, what, keys, keys);
	register_id(L, &L->pv->path_ids, p->id, m, index, "path");
	p->title = get_lstr(L, m, "title", what);
	free(what);
}

static void load_header(struct loader *L, const struct ynode *m)
{
	static const char *const keys[] = {"id", "title", "version", "reviewed", "languages",
	                                   "start", "about", NULL};
	static const char *const req[] = {"id", "title", "version", "reviewed", "languages",
	                                  "start", NULL};
	struct guide *g = L->g;
	check_keys(L, m, "'guide'", keys, req);
	g->id = id_field(L, m, "'guide'");
	g->version = scalar(L, m, "version", "'guide'");
	g->reviewed = scalar(L, m, "reviewed", "'guide'");
	if (g->reviewed && !valid_date(g->reviewed))
		err(L, ynode_get(m, "reviewed"), "'reviewed' must be a date written YYYY-MM-DD, "
		    "not '%s'", g->reviewed);
	const struct ynode *langs = get_seq(L, m, "languages", "'guide'");
	if (langs) {
		g->languages = ld_alloc(L, langs->n, sizeof *g->languages);
		for (size_t i = 0; i < langs->n; i++) {
			const struct ynode *l = &langs->u.kids[i];
			if (!want(L, l, Y_SCALAR, "a language code"))
				continue;
			size_t n = strlen(l->u.s);
			bool ok = n >= 2 && n <= 3;
			for (size_t j = 0; j < n; j++)
				ok = ok && islower((unsigned char)l->u.s[j]);
			if (!ok) {
				err(L, l, "'%s' is not a language code such as 'en' or 'es'", l->u.s);
				continue;
			}
			if (guide_has_language(g, l->u.s)) {
				err(L, l, "language '%s' is listed twice", l->u.s);
				continue;
			}
			g->languages[g->nlanguages++] = l->u.s;
		}
		if (langs->n == 0)
			err(L, langs, "'languages' must list at least one language");
	}
	if (g->nlanguages == 0) {
		static const char *en[] = {"en"};
		g->languages = en;
		g->nlanguages = 1;
	}
	L->deflang = g->languages[0];
	g->title = get_lstr(L, m, "title", "'guide'");
	g->about = get_lstr(L, m, "about", "'guide'");
	ref_field(L, m, "start", REF_NODE, &g->start, "'guide'");
}

#define LOAD_SECTION(L, top, key, arr, count, loadfn, limit)                              \
	do {                                                                                    \
		const struct ynode *seq_ = get_seq((L), (top), (key), "the guide");               \
		if (!seq_)                                                                          \
			break;                                                                          \
		if (seq_->n > (limit)) {                                                            \
			err((L), seq_, "too many entries in '%s' (%zu; the limit is %u)", (key),        \
			    seq_->n, (unsigned)(limit));                                                \
			break;                                                                          \
		}                                                                                   \
		(arr) = ld_alloc((L), seq_->n, sizeof *(arr));                                      \
		for (size_t i_ = 0; i_ < seq_->n; i_++)                                             \
			if (want((L), &seq_->u.kids[i_], Y_MAP, "an entry of '" key "'"))               \
				loadfn((L), &(arr)[(count)], &seq_->u.kids[i_], (int)(count)), (count)++;     \
	} while (0)

static const char *ref_kind_name(enum ref_kind k)
{
	static const char *const names[] = {"node", "remedy", "citation", "path"};
	return names[k];
}

static void suggest_ref(struct loader *L, const struct ref *r, const struct strmap *m)
{
	/* A linear scan for a suggestion is fine: it runs only for broken references. */
	const char *best = NULL;
	size_t bestd = 3;
	if (L->d->errors < 50)
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i]) {
				size_t dd = edit_distance(r->name->u.s, m->keys[i], bestd);
				if (dd < bestd) {
					best = m->keys[i];
					bestd = dd;
				}
			}
	if (best)
		err(L, r->name, "unknown %s '%s'; did you mean '%s'?", ref_kind_name(r->kind),
		    r->name->u.s, best);
	else
		err(L, r->name, "unknown %s '%s'", ref_kind_name(r->kind), r->name->u.s);
}

static void resolve_refs(struct loader *L)
{
	for (size_t i = 0; i < L->nrefs; i++) {
		struct ref *r = &L->refs[i];
		const struct strmap *m = r->kind == REF_NODE     ? &L->pv->node_ids
		                         : r->kind == REF_REMEDY ? &L->pv->remedy_ids
		                         : r->kind == REF_CITATION ? &L->pv->cite_ids
		                                                   : &L->pv->path_ids;
		*r->target = strmap_get(m, r->name->u.s);
		if (*r->target < 0)
			suggest_ref(L, r, m);
	}
}

static struct guide *load_tree(struct ytree *t, struct diags *d)
{
	size_t errors_before = d->errors;
	struct guide *g = xcalloc(1, sizeof *g);
	struct guide_priv *pv = xcalloc(1, sizeof *pv);
	g->priv = pv;
	pv->tree = t;
	g->file = ytree_name(t);
	g->hash = ytree_hash(t);
	g->start = -1;
	struct loader L = {.g = g, .pv = pv, .d = d, .file = g->file, .deflang = "en"};
	const struct ynode *top = ytree_root(t);
	static const char *const keys[] = {"guide", "paths", "nodes", "remedies", "citations",
	                                   "glossary", NULL};
	static const char *const req[] = {"guide", "paths", "nodes", "remedies", "citations", NULL};
	if (want(&L, top, Y_MAP, "a guide")) {
		check_keys(&L, top, "the guide", keys, req);
		const struct ynode *h = ynode_get(top, "guide");
		if (h && want(&L, h, Y_MAP, "'guide'"))
			load_header(&L, h);
		LOAD_SECTION(&L, top, "paths", g->paths, g->npaths, load_path, 10000);
		LOAD_SECTION(&L, top, "nodes", g->nodes, g->nnodes, load_node, MAX_GUIDE_NODES);
		LOAD_SECTION(&L, top, "remedies", g->remedies, g->nremedies, load_remedy, MAX_GUIDE_NODES);
		LOAD_SECTION(&L, top, "citations", g->citations, g->ncitations, load_citation,
		             MAX_GUIDE_NODES);
		LOAD_SECTION(&L, top, "glossary", g->terms, g->nterms, load_term, MAX_GUIDE_NODES);
		resolve_refs(&L);
	}
	free(L.refs);
	g->facts = pv->facts;
	g->values = pv->values;
	if (d->errors != errors_before) {
		guide_free(g);
		return NULL;
	}
	return g;
}

struct guide *guide_load(const char *path, struct diags *d)
{
	struct ytree *t = ytree_load(path, path, NULL, d);
	return t ? load_tree(t, d) : NULL;
}

struct guide *guide_parse(const char *data, size_t len, const char *name, struct diags *d)
{
	struct ytree *t = ytree_parse(data, len, name, NULL, d);
	return t ? load_tree(t, d) : NULL;
}

void guide_free(struct guide *g)
{
	if (!g)
		return;
	struct guide_priv *pv = g->priv;
	for (size_t i = 0; i < pv->nblocks; i++)
		free(pv->blocks[i]);
	free(pv->blocks);
	strmap_free(&pv->node_ids);
	strmap_free(&pv->remedy_ids);
	strmap_free(&pv->cite_ids);
	strmap_free(&pv->term_ids);
	strmap_free(&pv->path_ids);
	strmap_free(&pv->fact_ids);
	strmap_free(&pv->value_ids);
	free(pv->facts);
	free(pv->values);
	ytree_free(pv->tree);
	free(pv);
	free(g);
}

static struct guide_priv *P(const struct guide *g)
{
	return g->priv;
}

int guide_node(const struct guide *g, const char *id) { return strmap_get(&P(g)->node_ids, id); }
int guide_remedy(const struct guide *g, const char *id) { return strmap_get(&P(g)->remedy_ids, id); }
int guide_citation(const struct guide *g, const char *id) { return strmap_get(&P(g)->cite_ids, id); }
int guide_term(const struct guide *g, const char *id) { return strmap_get(&P(g)->term_ids, id); }
int guide_fact(const struct guide *g, const char *name) { return strmap_get(&P(g)->fact_ids, name); }
int guide_value(const struct guide *g, const char *name) { return strmap_get(&P(g)->value_ids, name); }

int guide_choice(const struct node *n, const char *id)
{
	for (unsigned i = 0; i < n->nchoices; i++)
		if (n->choices[i].id && strcmp(n->choices[i].id, id) == 0)
			return (int)i;
	return -1;
}

bool guide_has_language(const struct guide *g, const char *lang)
{
	for (unsigned i = 0; i < g->nlanguages; i++)
		if (strcmp(g->languages[i], lang) == 0)
			return true;
	return false;
}

const char *guide_str(const struct guide *g, const lstr *s, const char *lang)
{
	if (!s->n)
		return "";
	const char *def = g->nlanguages ? g->languages[0] : NULL;
	const char *fallback = NULL;
	for (unsigned i = 0; i < s->n; i++) {
		if (lang && strcmp(s->items[i].lang, lang) == 0)
			return s->items[i].text;
		if (def && !fallback && strcmp(s->items[i].lang, def) == 0)
			fallback = s->items[i].text;
	}
	return fallback ? fallback : s->items[0].text;
}

bool lstr_has(const lstr *s, const char *lang)
{
	if (!s->n)
		return true;
	for (unsigned i = 0; i < s->n; i++)
		if (strcmp(s->items[i].lang, lang) == 0)
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

void guide_each_mark(const char *text, void (*fn)(const char *id, size_t len, void *arg),
                     void *arg)
{
	const char *inner, *p = text;
	size_t n;
	const char *a;
	while ((a = find_mark(p, &inner, &n))) {
		const char *bar = memchr(inner, '|', n);
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

const char *node_kind_name(enum node_kind k)
{
	return kind_names[k];
}
