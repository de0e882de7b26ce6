#include "guide.h"

#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guide_tree.h"
#include "text.h"
#include "util.h"

#define MAX_GUIDE_NODES 1000000u

/* Everything the guide owns: the strings (in the tree's text arena), the
 * loader's arrays (in `mem`), and the id maps. */
struct guide_priv {
	struct ytree *tree;
	struct arena mem;
	struct strmap node_ids, remedy_ids, cite_ids, term_ids, path_ids, fact_ids, value_ids;
	const char **facts, **values;
	size_t fcap, vcap;
	size_t node_cap, remedy_cap, cite_cap, term_cap, path_cap;
	/* every language code used as a key, with where it was first seen */
	struct strmap lang_ids;
	struct lang_use { char *code; unsigned line, col; } *langs;
	size_t nlangs, lcap;
};

enum ref_kind { REF_NODE, REF_REMEDY, REF_CITATION, REF_PATH };
/* Where a resolved index goes. Node and remedy arrays grow while the file
 * streams in, so a field inside them is named by index and offset, not by a
 * pointer that a later realloc would leave dangling. */
enum ref_home { IN_PLACE, IN_NODE, IN_REMEDY };

struct ref {
	enum ref_kind kind;
	enum ref_home home;
	const char *name;
	unsigned line, col;
	int *ptr;            /* IN_PLACE */
	size_t index, off;   /* IN_NODE, IN_REMEDY */
};

struct loader {
	struct guide *g;
	struct guide_priv *pv;
	struct diags *d;
	const char *file;
	struct ref *refs;
	size_t nrefs, rcap;
	bool too_many_nodes;
};

static void *ld_alloc(struct loader *L, size_t n, size_t size)
{
	return n ? arena_alloc(&L->pv->mem, n * size) : NULL;
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

/* Type check of a value; the message names it as "'key' of what" (or just
 * "what" without a key), formatted only when something is wrong. */
static bool want(struct loader *L, const struct ynode *n, enum ynode_kind kind,
                 const char *key, const char *what)
{
	if (n->kind == kind)
		return true;
	if (key)
		err(L, n, "'%s' of %s must be a %s, not a %s", key, what, ynode_kind_name(kind),
		    ynode_kind_name(n->kind));
	else
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
	if (!v || !want(L, v, Y_SCALAR, key, what))
		return NULL;
	return v->u.s;
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

/* The shared copy of a language code used as a key; the first place each
 * code is seen is kept so an unknown one can be reported once the header
 * (which may come last) is known. */
static const char *language_key(struct loader *L, const struct ynode *k)
{
	struct guide_priv *pv = L->pv;
	int i = strmap_get(&pv->lang_ids, k->u.s);
	if (i >= 0)
		return pv->langs[i].code;
	struct lang_use *u = VEC_PUSH(pv->langs, pv->nlangs, pv->lcap);
	u->code = xstrdup(k->u.s);
	u->line = k->line;
	u->col = k->col;
	/* The map keys point into the array, which may move: rebuild it. */
	strmap_free(&pv->lang_ids);
	for (size_t j = 0; j < pv->nlangs; j++)
		strmap_put(&pv->lang_ids, pv->langs[j].code, (int)j);
	return u->code;
}

static lstr make_lstr(struct loader *L, const struct ynode *v, const char *key,
                      const char *what)
{
	lstr s = {0};
	s.line = v->line;
	s.col = v->col;
	if (v->kind == Y_SCALAR) {
		if (v->n == 0)
			err(L, v, "'%s' of %s is empty", key, what);
		s.items = ld_alloc(L, 1, sizeof *s.items);
		s.items[0].lang = NULL; /* the guide's default language */
		s.items[0].text = v->u.s;
		s.n = 1;
		return s;
	}
	if (v->kind != Y_MAP) {
		err(L, v, "'%s' of %s must be text or a map of language to text ({en: ..., es: "
		    "...}), not a %s", key, what, ynode_kind_name(v->kind));
		return s;
	}
	s.items = ld_alloc(L, v->n, sizeof *s.items);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = &v->u.kids[2 * i], *t = &v->u.kids[2 * i + 1];
		if (k->kind != Y_SCALAR)
			continue;
		if (t->kind != Y_SCALAR) {
			err(L, t, "the '%s' text of '%s' of %s must be a %s, not a %s", k->u.s, key, what,
			    ynode_kind_name(Y_SCALAR), ynode_kind_name(t->kind));
			continue;
		}
		if (t->n == 0)
			err(L, t, "the '%s' text of '%s' of %s is empty", k->u.s, key, what);
		s.items[s.n].lang = language_key(L, k);
		s.items[s.n].text = t->u.s;
		s.n++;
	}
	if (v->n == 0)
		err(L, v, "'%s' of %s has no text", key, what);
	return s;
}

static lstr get_lstr(struct loader *L, const struct ynode *map, const char *key,
                     const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	lstr none = {0};
	return v ? make_lstr(L, v, key, what) : none;
}

static lstr *get_lstr_list(struct loader *L, const struct ynode *map, const char *key,
                           const char *what, unsigned *n)
{
	const struct ynode *v = ynode_get(map, key);
	*n = 0;
	if (!v || !want(L, v, Y_SEQ, key, what))
		return NULL;
	lstr *out = ld_alloc(L, v->n, sizeof *out);
	for (size_t i = 0; i < v->n; i++)
		out[(*n)++] = make_lstr(L, &v->u.kids[i], key, what);
	return out;
}

static struct ref *add_ref(struct loader *L, enum ref_kind kind, const struct ynode *name)
{
	struct ref *r = VEC_PUSH(L->refs, L->nrefs, L->rcap);
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->name = name->u.s;
	r->line = name->line;
	r->col = name->col;
	return r;
}

/* A reference field of a node or remedy that is still growing. */
static void ref_field_in(struct loader *L, const struct ynode *map, const char *key,
                         enum ref_kind kind, enum ref_home home, size_t index, size_t off,
                         int *now, const char *what)
{
	*now = -1;
	const struct ynode *v = ynode_get(map, key);
	if (!v || !want(L, v, Y_SCALAR, key, what))
		return;
	struct ref *r = add_ref(L, kind, v);
	r->home = home;
	r->index = index;
	r->off = off;
	r->ptr = home == IN_PLACE ? now : NULL;
}

static void ref_field(struct loader *L, const struct ynode *map, const char *key,
                      enum ref_kind kind, int *target, const char *what)
{
	ref_field_in(L, map, key, kind, IN_PLACE, 0, 0, target, what);
}

static int *ref_list(struct loader *L, const struct ynode *map, const char *key,
                     enum ref_kind kind, unsigned *n, const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	*n = 0;
	if (!v || !want(L, v, Y_SEQ, key, what))
		return NULL;
	int *out = ld_alloc(L, v->n, sizeof *out);
	for (size_t i = 0; i < v->n; i++)
		if (want(L, &v->u.kids[i], Y_SCALAR, key, what)) {
			out[*n] = -1;
			add_ref(L, kind, &v->u.kids[i])->ptr = &out[*n];
			++*n;
		}
	return out;
}

/* Interned names (facts, values) are value strings of the file, which live
 * as long as the guide. */
static int intern(struct strmap *m, const char ***arr, size_t *cap, unsigned *count,
                  const char *name)
{
	int v = strmap_get(m, name);
	if (v >= 0)
		return v;
	grow_array(arr, cap, *count + 1, sizeof **arr);
	(*arr)[*count] = name;
	strmap_put(m, name, (int)*count);
	return (int)(*count)++;
}

static const char *keep(struct loader *L, const char *s)
{
	/* Keys live only while their entry is loaded; a fact name comes from a
	 * key, so it is copied. */
	return arena_strndup(&L->pv->mem, s, strlen(s));
}

static int fact_index(struct loader *L, const char *name)
{
	int v = strmap_get(&L->pv->fact_ids, name);
	if (v >= 0)
		return v;
	return intern(&L->pv->fact_ids, &L->pv->facts, &L->pv->fcap, &L->g->nfacts, keep(L, name));
}

static int value_index(struct loader *L, const char *name)
{
	return intern(&L->pv->value_ids, &L->pv->values, &L->pv->vcap, &L->g->nvalues, name);
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
	if (k->kind != Y_SCALAR)
		return NULL; /* already reported: keys must be plain words */
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
			if (want(L, &v->u.kids[i], Y_SCALAR, NULL, "a fact value"))
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
	return v && want(L, v, Y_SEQ, key, what) ? v : NULL;
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
	if (!v || !want(L, v, Y_MAP, "set", what))
		return;
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
		if (!want(L, val, Y_SCALAR, NULL, "a fact value"))
			continue;
		c->sets[c->nsets].fact = fact_index(L, k->u.s);
		c->sets[c->nsets].value = value_index(L, val->u.s);
		c->nsets++;
	}
}

static const char *const choice_keys[] = {"id", "label", "help", "set", "when", "rules_out",
                                          "next", NULL};
static const char *const choice_req[] = {"id", "label", "next", NULL};

static void load_choices(struct loader *L, struct node *n, const struct ynode *seq)
{
	n->choices = ld_alloc(L, seq->n, sizeof *n->choices);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *m = &seq->u.kids[i];
		if (!want(L, m, Y_MAP, NULL, "a choice"))
			continue;
		char what[128];
		snprintf(what, sizeof what, "a choice of node '%s'", n->id ? n->id : "?");
		check_keys(L, m, what, choice_keys, choice_req);
		struct choice *c = &n->choices[n->nchoices++];
		c->line = m->line;
		c->col = m->col;
		c->id = id_field(L, m, what);
		for (unsigned j = 0; c->id && j + 1 < n->nchoices; j++)
			if (n->choices[j].id && strcmp(n->choices[j].id, c->id) == 0) {
				err(L, ynode_get(m, "id"), "duplicate choice id '%s' in node '%s'", c->id,
				    n->id ? n->id : "?");
				break;
			}
		c->label = get_lstr(L, m, "label", what);
		c->help = get_lstr(L, m, "help", what);
		load_sets(L, c, m, what);
		c->when = get_cond(L, m);
		ref_field(L, m, "next", REF_NODE, &c->next, what);
		c->rules_out = ref_list(L, m, "rules_out", REF_REMEDY, &c->nrules_out, what);
	}
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
	const char *id = n->id ? n->id : "?";
	for (const char *const *k = forbidden[n->kind]; *k; k++) {
		const struct ynode *v = ynode_get(m, *k);
		if (v)
			err(L, v, "'%s' is not allowed in a %s node ('%s')%s", *k, kind_names[n->kind], id,
			    strcmp(*k, "next") == 0 && n->kind == NODE_QUESTION
			            ? "; each choice has its own 'next'" : "");
	}
	if ((n->kind == NODE_QUESTION || n->kind == NODE_MULTI) && !ynode_get(m, "choices"))
		err(L, m, "%s node '%s' has no 'choices'", kind_names[n->kind], id);
	if (n->kind == NODE_INFO && !ynode_get(m, "next"))
		err(L, m, "info node '%s' has no 'next'", id);
	if (n->kind == NODE_RESULT && !ynode_get(m, "remedies"))
		err(L, m, "result node '%s' has no 'remedies'", id);
	if (n->kind != NODE_RESULT && !ynode_get(m, "text"))
		err(L, m, "%s node '%s' has no 'text'", kind_names[n->kind], id);
	if (!!ynode_get(m, "when") != !!ynode_get(m, "otherwise"))
		err(L, m, "node '%s' needs both 'when' and 'otherwise' (where to go when the "
		    "condition is false), or neither", id);
}

static void load_node(struct loader *L, struct node *n, const struct ynode *m, size_t index)
{
	char what[96];
	n->line = m->line;
	n->col = m->col;
	n->next = n->otherwise = -1;
	n->id = id_field(L, m, "a node");
	snprintf(what, sizeof what, n->id ? "node '%s'" : "a node", n->id);
	check_keys(L, m, what, node_keys, node_req);
	register_id(L, &L->pv->node_ids, n->id, m, (int)index, "node");
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
	ref_field_in(L, m, "otherwise", REF_NODE, IN_NODE, index, offsetof(struct node, otherwise),
	             &n->otherwise, what);
	if (n->kind == NODE_INFO || n->kind == NODE_MULTI)
		ref_field_in(L, m, "next", REF_NODE, IN_NODE, index, offsetof(struct node, next),
		             &n->next, what);
	const struct ynode *choices = get_seq(L, m, "choices", what);
	if (choices && (n->kind == NODE_QUESTION || n->kind == NODE_MULTI)) {
		if (choices->n == 0)
			err(L, choices, "%s has an empty list of choices", what);
		load_choices(L, n, choices);
	}
	if (n->kind == NODE_RESULT)
		n->remedies = ref_list(L, m, "remedies", REF_REMEDY, &n->nremedies, what);
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
		if (!want(L, dm, Y_MAP, NULL, "a deadline"))
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
		if (!want(L, pm, Y_MAP, NULL, "a place in 'where'"))
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

static void load_remedy(struct loader *L, struct remedy *r, const struct ynode *m, size_t index)
{
	char what[96];
	r->line = m->line;
	r->col = m->col;
	r->id = id_field(L, m, "a remedy");
	snprintf(what, sizeof what, r->id ? "remedy '%s'" : "a remedy", r->id);
	check_keys(L, m, what, remedy_keys, remedy_req);
	register_id(L, &L->pv->remedy_ids, r->id, m, (int)index, "remedy");
	ref_field_in(L, m, "path", REF_PATH, IN_REMEDY, index, offsetof(struct remedy, path),
	             &r->path, what);
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
}

static const char *const cite_keys[] = {"id", "cite", "title", "url", "verified", "source", NULL};

static void load_citation(struct loader *L, struct citation *c, const struct ynode *m,
                          size_t index)
{
	char what[96];
	c->line = m->line;
	c->col = m->col;
	c->id = id_field(L, m, "a citation");
	snprintf(what, sizeof what, c->id ? "citation '%s'" : "a citation", c->id);
	check_keys(L, m, what, cite_keys, cite_keys);
	register_id(L, &L->pv->cite_ids, c->id, m, (int)index, "citation");
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
}

static void load_term(struct loader *L, struct term *t, const struct ynode *m, size_t index)
{
	static const char *const keys[] = {"id", "term", "definition", NULL};
	char what[96];
	t->line = m->line;
	t->col = m->col;
	t->id = id_field(L, m, "a glossary term");
	snprintf(what, sizeof what, t->id ? "glossary term '%s'" : "a glossary term", t->id);
	check_keys(L, m, what, keys, keys);
	register_id(L, &L->pv->term_ids, t->id, m, (int)index, "glossary");
	t->term = get_lstr(L, m, "term", what);
	t->definition = get_lstr(L, m, "definition", what);
}

static void load_path(struct loader *L, struct path *p, const struct ynode *m, size_t index)
{
	static const char *const keys[] = {"id", "title", NULL};
	char what[96];
	p->line = m->line;
	p->col = m->col;
	p->id = id_field(L, m, "a path");
	snprintf(what, sizeof what, p->id ? "path '%s'" : "a path", p->id);
	check_keys(L, m, what, keys, keys);
	register_id(L, &L->pv->path_ids, p->id, m, (int)index, "path");
	p->title = get_lstr(L, m, "title", what);
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
			if (!want(L, l, Y_SCALAR, NULL, "a language code"))
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
	g->title = get_lstr(L, m, "title", "'guide'");
	g->about = get_lstr(L, m, "about", "'guide'");
	ref_field(L, m, "start", REF_NODE, &g->start, "'guide'");
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

/* Each entry of a list is loaded as soon as the parser has it (then the
 * parser lets its tree go), so memory follows the guide, not the file. */
static void on_item(const char *list, const struct ynode *m, void *arg)
{
	struct loader *L = arg;
	struct guide *g = L->g;
	struct guide_priv *pv = L->pv;
	if (strcmp(list, "nodes") == 0) {
		if (g->nnodes >= MAX_GUIDE_NODES) {
			if (!L->too_many_nodes)
				err(L, m, "too many nodes (the limit is %u)", MAX_GUIDE_NODES);
			L->too_many_nodes = true;
			return;
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
	}
	/* Entries of an unknown list are dropped; the unknown key is reported. */
}

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
				size_t dd = edit_distance(r->name, m->keys[i], bestd);
				if (dd < bestd) {
					best = m->keys[i];
					bestd = dd;
				}
			}
	struct ynode at = {.line = r->line, .col = r->col};
	if (best)
		err(L, &at, "unknown %s '%s'; did you mean '%s'?", ref_kind_name(r->kind), r->name,
		    best);
	else
		err(L, &at, "unknown %s '%s'", ref_kind_name(r->kind), r->name);
}

static void resolve_refs(struct loader *L)
{
	struct guide *g = L->g;
	for (size_t i = 0; i < L->nrefs; i++) {
		struct ref *r = &L->refs[i];
		const struct strmap *m = r->kind == REF_NODE     ? &L->pv->node_ids
		                         : r->kind == REF_REMEDY ? &L->pv->remedy_ids
		                         : r->kind == REF_CITATION ? &L->pv->cite_ids
		                                                   : &L->pv->path_ids;
		int *target = r->home == IN_NODE     ? (int *)((char *)&g->nodes[r->index] + r->off)
		              : r->home == IN_REMEDY ? (int *)((char *)&g->remedies[r->index] + r->off)
		                                     : r->ptr;
		*target = strmap_get(m, r->name);
		if (*target < 0)
			suggest_ref(L, r, m);
	}
}

/* Language codes used as keys must be the guide's own. */
static void check_language_keys(struct loader *L)
{
	const struct guide *g = L->g;
	for (size_t i = 0; i < L->pv->nlangs; i++) {
		const struct lang_use *u = &L->pv->langs[i];
		if (guide_has_language(g, u->code))
			continue;
		const char *near = closest(u->code, g->languages, g->nlanguages);
		struct ynode at = {.line = u->line, .col = u->col};
		err(L, &at, "'%s' is not one of the guide's languages%s%s%s", u->code,
		    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
	}
}

/* Entries left in the tree were not maps: report them. */
static void check_leftovers(struct loader *L, const struct ynode *top)
{
	static const char *const lists[] = {"paths", "nodes", "remedies", "citations", "glossary"};
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		const struct ynode *seq = ynode_get(top, lists[i]);
		if (!seq || !want(L, seq, Y_SEQ, lists[i], "the guide"))
			continue;
		for (size_t k = 0; k < seq->n; k++) {
			char what[64];
			snprintf(what, sizeof what, "an entry of '%s'", lists[i]);
			want(L, &seq->u.kids[k], Y_MAP, NULL, what);
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
		                                   "glossary", NULL};
		static const char *const req[] = {"guide", "paths", "nodes", "remedies", "citations",
		                                  NULL};
		if (want(&L, top, Y_MAP, NULL, "a guide")) {
			check_keys(&L, top, "the guide", keys, req);
			const struct ynode *h = ynode_get(top, "guide");
			if (h && want(&L, h, Y_MAP, NULL, "'guide'"))
				load_header(&L, h);
			check_language_keys(&L);
			check_leftovers(&L, top);
			resolve_refs(&L);
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
	arena_free(&pv->mem);
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
