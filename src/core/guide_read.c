/* SPDX-License-Identifier: MIT */
#include "guide_read.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
void *gr_alloc(struct loader *L, size_t n, size_t size)
{
	return n ? arena_alloc(&L->pv->mem, n * size) : NULL;
}

void gr_err(struct loader *L, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error(L->d, L->file, at ? at->line : 0, at ? at->col : 0, "%s", m);
	free(m);
}

const char *gr_closest(const char *word, const char *const *cands, size_t n)
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
void gr_check_keys(struct loader *L, const struct ynode *map, const char *what,
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
		const char *near = gr_closest(k->u.s, allowed, nallowed);
		if (near)
			gr_err(L, k, "unknown key '%s' in %s; did you mean '%s'?", k->u.s, what, near);
		else
			gr_err(L, k, "unknown key '%s' in %s", k->u.s, what);
	}
	for (; required && *required; required++)
		if (!ynode_get(map, *required))
			gr_err(L, map, "%s is missing the required key '%s'", what, *required);
}

/* Type check of a value; the message names it as "'key' of what" (or just
 * "what" without a key), formatted only when something is wrong. */
bool gr_want(struct loader *L, const struct ynode *n, enum ynode_kind kind,
             const char *key, const char *what)
{
	if (n->kind == kind)
		return true;
	if (key)
		gr_err(L, n, "'%s' of %s must be a %s, not a %s", key, what, ynode_kind_name(kind),
		    ynode_kind_name(n->kind));
	else
		gr_err(L, n, "%s must be a %s, not a %s", what, ynode_kind_name(kind),
		    ynode_kind_name(n->kind));
	return false;
}

static bool gr_valid_id(const char *s)
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

bool gr_valid_fact_name(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

bool gr_valid_date(const char *s)
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
const char *gr_scalar(struct loader *L, const struct ynode *map, const char *key,
                      const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	if (!v || !gr_want(L, v, Y_SCALAR, key, what))
		return NULL;
	return v->u.s;
}

const char *gr_id(struct loader *L, const struct ynode *map, const char *what)
{
	const char *id = gr_scalar(L, map, "id", what);
	if (id && !gr_valid_id(id)) {
		gr_err(L, ynode_get(map, "id"), "'%s' is not a valid id for %s: use lower-case "
		    "letters, digits, '-' and '_' (at most 64)", id, what);
		return NULL;
	}
	return id;
}

/* The shared copy of a language code used as a key; the first place each
 * code is seen is kept so an unknown one can be reported once the header
 * (which may come last) is known. */
/* A guide may use this many language codes in all; more is an error (a
 * real guide has a handful), which also keeps the per-text checks below
 * linear in the guide's size. */
enum { GR_MAX_LANGS = 64 };

/* The interned language code for key k; NULL (with one error) when the
 * guide already uses GR_MAX_LANGS codes. Each new code is added to the
 * map as it comes: the map's keys are the codes' own copies, which do not
 * move when the array grows (rebuilding the map for every new code made a
 * text with 50,000 codes take minutes). */
static const char *gr_language_key(struct loader *L, const struct ynode *k)
{
	struct guide_priv *pv = L->pv;
	int i = strmap_get(&pv->lang_ids, k->u.s);
	if (i >= 0)
		return pv->langs[i].code;
	if (pv->nlangs >= GR_MAX_LANGS) {
		if (!pv->nlangs_over) {
			gr_err(L, k, "'%s': a guide may use at most %d language codes", k->u.s,
			       GR_MAX_LANGS);
			pv->nlangs_over = true;
		}
		return NULL;
	}
	struct lang_use *u = VEC_PUSH(pv->langs, pv->nlangs, pv->lcap);
	u->code = xstrdup(k->u.s);
	u->line = k->line;
	u->col = k->col;
	strmap_put(&pv->lang_ids, u->code, (int)(pv->nlangs - 1));
	return u->code;
}

static lstr gr_make_lstr(struct loader *L, const struct ynode *v, const char *key,
                         const char *what);

/* An empty text with room for cap items, written at v (guide.h: the block). */
static lstr gr_lstr_block(struct loader *L, const struct ynode *v, size_t cap, unsigned flags)
{
	return lstr_block_init(gr_alloc(L, 1, lstr_block_size(cap, flags)), flags, v->line, v->col);
}

/* A text written as a list of parts: each part is kept, and the text as a
 * whole (for readers that do not tailor) is every part joined by a blank
 * line, in each language any part has. */
static lstr gr_parts(struct loader *L, const struct ynode *v, const char *key, const char *what)
{
	lstr s = {0};
	if (v->n == 0) {
		gr_err(L, v, "'%s' of %s is an empty list of parts", key, what);
		return s;
	}
	struct lstr_more *more = gr_alloc(L, 1, sizeof *more);
	more->parts = gr_alloc(L, v->n, sizeof *more->parts);
	for (size_t i = 0; i < v->n; i++) {
		if (v->u.kids[i].kind == Y_SEQ) {
			gr_err(L, &v->u.kids[i], "a part of '%s' of %s must be text, not a list", key, what);
			continue;
		}
		more->parts[more->nparts++] = gr_make_lstr(L, &v->u.kids[i], key, what);
	}
	/* The languages used by any part, the guide's default (NULL) first. */
	const char **langs = gr_alloc(L, 1 + v->n * 8, sizeof *langs);
	size_t nl = 0;
	langs[nl++] = NULL;
	for (unsigned i = 0; i < more->nparts; i++)
		for (unsigned k = 0; k < more->parts[i].n; k++) {
			const char *l = more->parts[i].items[k].lang;
			bool seen = false;
			for (size_t j = 0; j < nl && !seen; j++)
				seen = langs[j] == l;
			if (!seen && nl < 1 + v->n * 8)
				langs[nl++] = l;
		}
	s = gr_lstr_block(L, v, nl, LSTR_MORE);
	lstr_set_more(&s, more);
	for (size_t j = 0; j < nl; j++) {
		struct buf b = {0};
		bool own = false;
		for (unsigned i = 0; i < more->nparts; i++) {
			const struct lstr *p = &more->parts[i];
			const char *t = NULL, *def = NULL;
			for (unsigned k = 0; k < p->n; k++) {
				if (p->items[k].lang == langs[j])
					t = p->items[k].text;
				if (!p->items[k].lang || !def)
					def = p->items[k].text;
			}
			own = own || t;
			if (!t)
				t = def;
			if (!t)
				continue;
			if (b.len)
				buf_adds(&b, "\n\n");
			buf_adds(&b, t);
		}
		if (own && b.s) {
			s.items[s.n].lang = langs[j];
			s.items[s.n].text = arena_strndup(&L->pv->mem, b.s, b.len);
			s.n++;
		}
		buf_free(&b);
	}
	return s;
}

static lstr gr_make_lstr(struct loader *L, const struct ynode *v, const char *key,
                         const char *what)
{
	lstr s = {0};
	if (v->kind == Y_SEQ)
		return gr_parts(L, v, key, what);
	if (v->kind == Y_MAP && ynode_get(v, "text")) {
		/* {text: ..., when: ...}: a conditional text. */
		static const char *const keys[] = {"text", "when", NULL};
		char w[160];
		snprintf(w, sizeof w, "a conditional text of '%s' of %s", key, what);
		gr_check_keys(L, v, w, keys, keys);
		const struct ynode *t = ynode_get(v, "text");
		if (t->kind == Y_SEQ || (t->kind == Y_MAP && ynode_get(t, "text"))) {
			gr_err(L, t, "the text of %s must be text or a map of language to text", w);
			return s;
		}
		/* The inner text is a plain one (above), laid out again with room
		 * for the condition; the first copy stays in the arena unused
		 * (conditional texts are few). */
		lstr in = gr_make_lstr(L, t, key, what);
		s = gr_lstr_block(L, t, in.n, LSTR_MORE | (in.flags & LSTR_SRC));
		for (unsigned i = 0; i < in.n; i++) {
			s.items[i] = in.items[i];
			if (in.flags & LSTR_SRC)
				*lstr_src_slot(&s, in.n, i) = lstr_src(&in, i);
		}
		s.n = in.n;
		struct lstr_more *more = gr_alloc(L, 1, sizeof *more);
		more->when = gr_cond(L, v);
		lstr_set_more(&s, more);
		return s;
	}
	if (v->kind == Y_SCALAR) {
		if (v->n == 0)
			gr_err(L, v, "'%s' of %s is empty", key, what);
		s = gr_lstr_block(L, v, 1, 0);
		s.items[0].lang = NULL; /* the guide's default language */
		s.items[0].text = v->u.s;
		s.n = 1;
		return s;
	}
	if (v->kind != Y_MAP) {
		gr_err(L, v, "'%s' of %s must be text, a map of language to text ({en: ..., es: "
		    "...}), {text: ..., when: ...} or a list of those, not a %s", key, what,
		    ynode_kind_name(v->kind));
		return s;
	}
	if (ynode_get(v, "when")) {
		gr_err(L, ynode_get(v, "when"), "'%s' of %s has 'when' but no 'text': a conditional "
		    "text is written {text: ..., when: ...}", key, what);
		return s;
	}
	/* At most GR_MAX_LANGS distinct codes are kept (the rest are errors).
	 * When a key records a source hash, room for cap source pointers
	 * follows the items (moved up to follow the n items kept, below). */
	size_t cap = v->n < GR_MAX_LANGS ? v->n : GR_MAX_LANGS;
	bool any_src = false;
	for (size_t i = 0; i < v->n && !any_src; i++)
		any_src = v->u.kids[2 * i].kind == Y_SCALAR && strchr(v->u.kids[2 * i].u.s, '@');
	s = gr_lstr_block(L, v, cap, any_src ? LSTR_SRC : 0);
	const char **srcs = any_src ? lstr_src_slot(&s, (unsigned)cap, 0) : NULL;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = &v->u.kids[2 * i], *t = &v->u.kids[2 * i + 1];
		if (k->kind != Y_SCALAR)
			continue;
		if (t->kind != Y_SCALAR) {
			gr_err(L, t, "the '%s' text of '%s' of %s must be a %s, not a %s", k->u.s, key, what,
			    ynode_kind_name(Y_SCALAR), ynode_kind_name(t->kind));
			continue;
		}
		if (t->n == 0)
			gr_err(L, t, "the '%s' text of '%s' of %s is empty", k->u.s, key, what);
		/* "es@3f9a07c1": Spanish, translated from the source text with that
		 * hash (lang.h). */
		const char *src;
		bool src_ok;
		size_t len = lang_key_split(k->u.s, &src, &src_ok);
		if (!src_ok)
			gr_err(L, k, "'%s': after '@' comes the %d-digit hash of the text it translates, "
			    "as 'po import' writes it", k->u.s, LANG_HASH_LEN);
		struct ynode lk = *k;
		char code[LANG_CODE_SIZE + 4];
		snprintf(code, sizeof code, "%.*s", (int)(len < sizeof code ? len : sizeof code - 1),
		         k->u.s);
		lk.u.s = code;
		const char *lang = gr_language_key(L, &lk);
		if (!lang)
			continue;
		/* At most GR_MAX_LANGS items get here (duplicates are left out),
		 * so this check is bounded. Codes are interned: compare pointers. */
		bool dup = false;
		for (unsigned j = 0; j < s.n && !dup; j++)
			dup = s.items[j].lang == lang;
		if (dup) {
			gr_err(L, k, "'%s' of %s has two '%s' texts", key, what, lang);
			continue;
		}
		s.items[s.n].lang = lang;
		s.items[s.n].text = t->u.s;
		if (src && src_ok && srcs) {
			/* Keys do not outlive the streamed item: keep a copy. */
			char *copy = gr_alloc(L, LANG_HASH_LEN + 1, 1);
			memcpy(copy, src, LANG_HASH_LEN + 1);
			srcs[s.n] = copy;
		}
		s.n++;
	}
	if (srcs)
		memmove(s.items + s.n, srcs, s.n * sizeof *srcs);
	if (v->n == 0)
		gr_err(L, v, "'%s' of %s has no text", key, what);
	return s;
}

lstr gr_lstr(struct loader *L, const struct ynode *map, const char *key,
             const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	lstr none = {0};
	return v ? gr_make_lstr(L, v, key, what) : none;
}

lstr *gr_lstr_list(struct loader *L, const struct ynode *map, const char *key,
                   const char *what, unsigned *n)
{
	const struct ynode *v = ynode_get(map, key);
	*n = 0;
	if (!v || !gr_want(L, v, Y_SEQ, key, what))
		return NULL;
	lstr *out = gr_alloc(L, v->n, sizeof *out);
	for (size_t i = 0; i < v->n; i++)
		out[(*n)++] = gr_make_lstr(L, &v->u.kids[i], key, what);
	return out;
}

static struct ref *gr_add_ref(struct loader *L, enum ref_kind kind, const struct ynode *name)
{
	struct ref *r = VEC_PUSH(L->refs, L->nrefs, L->rcap);
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->name = name->u.s;
	r->line = name->line < (1u << 27) ? name->line : (1u << 27) - 1;
	r->col = name->col;
	return r;
}

/* A reference field of a node or remedy that is still growing. */
void gr_ref_in(struct loader *L, const struct ynode *map, const char *key,
               enum ref_kind kind, enum ref_home home, size_t index, size_t off,
               int *now, const char *what)
{
	*now = -1;
	const struct ynode *v = ynode_get(map, key);
	if (!v || !gr_want(L, v, Y_SCALAR, key, what))
		return;
	struct ref *r = gr_add_ref(L, kind, v);
	r->home = home;
	if (home == IN_PLACE) {
		r->at.ptr = now;
	} else {
		r->at.in.index = (unsigned)index;
		r->at.in.off = (unsigned)off;
	}
}

void gr_ref(struct loader *L, const struct ynode *map, const char *key,
            enum ref_kind kind, int *target, const char *what)
{
	gr_ref_in(L, map, key, kind, IN_PLACE, 0, 0, target, what);
}

void gr_ref_value(struct loader *L, const struct ynode *scalar, enum ref_kind kind, int *target)
{
	*target = -1;
	gr_add_ref(L, kind, scalar)->at.ptr = target;
}

int *gr_ref_list(struct loader *L, const struct ynode *map, const char *key,
                 enum ref_kind kind, unsigned *n, const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	*n = 0;
	if (!v || !gr_want(L, v, Y_SEQ, key, what))
		return NULL;
	int *out = gr_alloc(L, v->n, sizeof *out);
	for (size_t i = 0; i < v->n; i++)
		if (gr_want(L, &v->u.kids[i], Y_SCALAR, key, what)) {
			out[*n] = -1;
			gr_add_ref(L, kind, &v->u.kids[i])->at.ptr = &out[*n];
			++*n;
		}
	return out;
}

/* Interned names (facts, values) are value strings of the file, which live
 * as long as the guide. */
static int gr_intern(struct strmap *m, const char ***arr, size_t *cap, unsigned *count,
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

static const char *gr_keep(struct loader *L, const char *s)
{
	/* Keys live only while their entry is loaded; a fact name comes from a
	 * key, so it is copied. */
	return arena_strndup(&L->pv->mem, s, strlen(s));
}

int gr_fact(struct loader *L, const char *name)
{
	int v = strmap_get(&L->pv->fact_ids, name);
	if (v >= 0)
		return v;
	return gr_intern(&L->pv->fact_ids, &L->pv->facts, &L->pv->fcap, &L->g->nfacts, gr_keep(L, name));
}

int gr_value(struct loader *L, const char *name)
{
	return gr_intern(&L->pv->value_ids, &L->pv->values, &L->pv->vcap, &L->g->nvalues, name);
}

static struct cond *gr_parse_cond(struct loader *L, const struct ynode *v);

static struct cond *gr_cond_list(struct loader *L, const struct ynode *v, enum cond_kind kind,
                                 const char *key)
{
	struct cond *c = gr_alloc(L, 1, sizeof *c);
	c->kind = kind;
	c->line = v->line;
	c->col = v->col;
	if (v->kind != Y_SEQ || v->n == 0) {
		gr_err(L, v, "'%s' takes a non-empty list of conditions", key);
		return c;
	}
	c->kids = gr_alloc(L, v->n, sizeof *c->kids);
	for (size_t i = 0; i < v->n; i++) {
		struct cond *k = gr_parse_cond(L, &v->u.kids[i]);
		if (k)
			c->kids[c->nkids++] = k;
	}
	return c;
}

static struct cond *gr_cond_pair(struct loader *L, const struct ynode *k, const struct ynode *v)
{
	if (k->kind != Y_SCALAR)
		return NULL; /* already reported: keys must be plain words */
	const char *key = k->u.s;
	if (strcmp(key, "all") == 0)
		return gr_cond_list(L, v, COND_ALL, key);
	if (strcmp(key, "any") == 0)
		return gr_cond_list(L, v, COND_ANY, key);
	struct cond *c = gr_alloc(L, 1, sizeof *c);
	c->line = k->line;
	c->col = k->col;
	if (strcmp(key, "not") == 0) {
		c->kind = COND_NOT;
		c->kids = gr_alloc(L, 1, sizeof *c->kids);
		c->kids[0] = gr_parse_cond(L, v);
		c->nkids = c->kids[0] ? 1 : 0;
		return c;
	}
	c->kind = COND_MATCH;
	if (!gr_valid_fact_name(key)) {
		gr_err(L, k, "'%s' is not a valid fact name (lower-case letters, digits and '_')", key);
		return NULL;
	}
	c->fact = gr_fact(L, key);
	if (v->kind == Y_SCALAR) {
		c->values = gr_alloc(L, 1, sizeof *c->values);
		c->values[0] = gr_value(L, v->u.s);
		c->nvalues = 1;
	} else if (v->kind == Y_SEQ && v->n > 0) {
		c->values = gr_alloc(L, v->n, sizeof *c->values);
		for (size_t i = 0; i < v->n; i++)
			if (gr_want(L, &v->u.kids[i], Y_SCALAR, NULL, "a fact value"))
				c->values[c->nvalues++] = gr_value(L, v->u.kids[i].u.s);
	} else {
		gr_err(L, v, "the value tested for fact '%s' must be a word or a non-empty list of words",
		    key);
	}
	return c;
}

static struct cond *gr_parse_cond(struct loader *L, const struct ynode *v)
{
	if (v->kind != Y_MAP || v->n == 0) {
		gr_err(L, v, "a condition must be a map such as {status: lpr} or {any: [...]}");
		return NULL;
	}
	if (v->n == 1)
		return gr_cond_pair(L, &v->u.kids[0], &v->u.kids[1]);
	struct cond *c = gr_alloc(L, 1, sizeof *c);
	c->kind = COND_ALL;
	c->line = v->line;
	c->col = v->col;
	c->kids = gr_alloc(L, v->n, sizeof *c->kids);
	for (size_t i = 0; i < v->n; i++) {
		struct cond *k = gr_cond_pair(L, &v->u.kids[2 * i], &v->u.kids[2 * i + 1]);
		if (k)
			c->kids[c->nkids++] = k;
	}
	return c;
}

struct cond *gr_cond(struct loader *L, const struct ynode *map)
{
	const struct ynode *v = ynode_get(map, "when");
	return v ? gr_parse_cond(L, v) : NULL;
}

const struct ynode *gr_seq(struct loader *L, const struct ynode *map, const char *key,
                           const char *what)
{
	const struct ynode *v = ynode_get(map, key);
	return v && gr_want(L, v, Y_SEQ, key, what) ? v : NULL;
}

void gr_register(struct loader *L, struct strmap *m, const char *id,
                 const struct ynode *at, int index, const char *kind)
{
	if (!id)
		return;
	if (strmap_put(m, id, index) >= 0)
		gr_err(L, ynode_get(at, "id"), "duplicate %s id '%s'", kind, id);
}

/* An absolute http(s) address of RFC 3986 characters only: no space, no
 * control character, none of < > " ` { } | \\ ^ (which would end or break
 * a link in a Markdown or HTML report and let text pose as a link), and %
 * only before two hex digits. Non-ASCII must be percent-encoded. */
bool gr_valid_url(const char *u)
{
	size_t skip = strncmp(u, "https://", 8) == 0 ? 8 : strncmp(u, "http://", 7) == 0 ? 7 : 0;
	if (!skip || !u[skip] || u[skip] == '/')
		return false;
	for (const char *p = u + skip; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '%') {
			if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
				return false;
			p += 2;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      strchr("-._~:/?#[]@!$&'()*+,;=", c)))
			return false;
	}
	return true;
}


static const char *gr_ref_kind_name(enum ref_kind k)
{
	static const char *const names[] = {"node", "remedy", "citation", "path", "goal"};
	return names[k];
}

static void gr_suggest_ref(struct loader *L, const struct ref *r, const struct strmap *m)
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
		gr_err(L, &at, "unknown %s '%s'; did you mean '%s'?", gr_ref_kind_name(r->kind), r->name,
		    best);
	else
		gr_err(L, &at, "unknown %s '%s'", gr_ref_kind_name(r->kind), r->name);
}

void gr_resolve_refs(struct loader *L)
{
	struct guide *g = L->g;
	for (size_t i = 0; i < L->nrefs; i++) {
		struct ref *r = &L->refs[i];
		const struct strmap *m = r->kind == REF_NODE     ? &L->pv->node_ids
		                         : r->kind == REF_REMEDY ? &L->pv->remedy_ids
		                         : r->kind == REF_CITATION ? &L->pv->cite_ids
		                         : r->kind == REF_GOAL   ? &L->pv->goal_ids
		                                                   : &L->pv->path_ids;
		char *home = r->home == IN_NODE     ? (char *)&g->nodes[r->at.in.index]
		           : r->home == IN_REMEDY ? (char *)&g->remedies[r->at.in.index]
		                                  : NULL;
		int *target = home ? (int *)(home + r->at.in.off) : r->at.ptr;
		*target = strmap_get(m, r->name);
		if (*target < 0)
			gr_suggest_ref(L, r, m);
	}
}

/* Language codes used as keys must be the guide's own. */
void gr_check_languages(struct loader *L)
{
	const struct guide *g = L->g;
	for (size_t i = 0; i < L->pv->nlangs; i++) {
		const struct lang_use *u = &L->pv->langs[i];
		if (guide_has_language(g, u->code))
			continue;
		const char *near = gr_closest(u->code, g->languages, g->nlanguages);
		struct ynode at = {.line = u->line, .col = u->col};
		gr_err(L, &at, "'%s' is not one of the guide's languages%s%s%s", u->code,
		    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
	}
}
