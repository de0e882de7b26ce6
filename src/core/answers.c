/* SPDX-License-Identifier: MIT */
#include "core/answers.h"

#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/lang.h"
#include "core/yaml.h"
#include "core/rank.h"
#include "core/util.h"

struct answers_priv {
	struct ytree *tree;
	void **blocks;
	size_t nblocks, cap;
};

struct aload {
	struct answers *a;
	struct answers_priv *pv;
	const struct guide *g;
	struct diags *d;
	const char *file;
	size_t cap;              /* of a->v */
	size_t errors_before;
	size_t block_bytes;      /* taken by al_alloc, with the allocator's overhead */
};

static void *al_alloc(struct aload *L, size_t n, size_t size)
{
	void *p = xcalloc(n ? n : 1, size);
	/* glibc's chunks: 8 bytes of header, 16-byte steps, 32 at least. */
	size_t b = ((n ? n : 1) * size + 8 + 15) & ~(size_t)15;
	L->block_bytes += b < 32 ? 32 : b;
	*VEC_PUSH(L->pv->blocks, L->pv->nblocks, L->pv->cap) = p;
	return p;
}

static bool want(struct aload *L, const struct ynode *n, enum ynode_kind k, const char *what)
{
	if (n->kind == k)
		return true;
	diag_error(L->d, L->file, n->line, n->col, "%s must be a %s, not a %s", what,
	           ynode_kind_name(k), ynode_kind_name(n->kind));
	return false;
}

static void only_keys(struct aload *L, const struct ynode *m, const char *what,
                      const char *const *keys)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = &m->u.kids[2 * i];
		if (k->kind != Y_SCALAR)
			continue;
		bool ok = false;
		for (const char *const *p = keys; *p && !ok; p++)
			ok = strcmp(*p, k->u.s) == 0;
		if (!ok) {
			const char *near = NULL;
			for (const char *const *p = keys; *p && !near; p++)
				if (edit_distance(k->u.s, *p, 2) <= 2)
					near = *p;
			diag_error(L->d, L->file, k->line, k->col, "unknown key '%s' in %s%s%s%s", k->u.s,
			           what, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		}
	}
}

static const char *scalar(struct aload *L, const struct ynode *m, const char *key)
{
	const struct ynode *v = ynode_get(m, key);
	if (!v)
		return NULL;
	char *w = xasprintf("'%s'", key);
	bool ok = want(L, v, Y_SCALAR, w);
	free(w);
	return ok ? v->u.s : NULL;
}

static lstr get_lstr(struct aload *L, const struct ynode *m, const char *key)
{
	lstr s = {0};
	const struct ynode *v = ynode_get(m, key);
	if (!v)
		return s;
	if (v->kind == Y_SCALAR) {
		s = lstr_block_init(al_alloc(L, 1, lstr_block_size(1, 0)), 0, v->line, v->col);
		s.items[0].lang = L->g->languages[0];
		s.items[0].text = v->u.s;
		s.n = 1;
		return s;
	}
	if (!want(L, v, Y_MAP, "a text"))
		return s;
	s = lstr_block_init(al_alloc(L, 1, lstr_block_size(v->n, 0)), 0, v->line, v->col);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = &v->u.kids[2 * i], *t = &v->u.kids[2 * i + 1];
		if (k->kind != Y_SCALAR || !want(L, t, Y_SCALAR, "a text"))
			continue;
		/* "es@3f9a07c1": Spanish, with the hash of its source (lang.h). */
		const char *src, *lang = NULL;
		bool src_ok;
		size_t len = lang_key_split(k->u.s, &src, &src_ok);
		for (unsigned l = 0; l < L->g->nlanguages; l++)
			if (strlen(L->g->languages[l]) == len &&
			    strncmp(L->g->languages[l], k->u.s, len) == 0)
				lang = L->g->languages[l];
		if (!lang || !src_ok) {
			diag_error(L->d, L->file, k->line, k->col, !lang ?
			           "'%s' is not one of the guide's languages" :
			           "'%s': after '@' comes the hash of the text it translates", k->u.s);
			continue;
		}
		/* The source hash ("es@3f9a07c1") is checked above and not kept:
		 * nothing reads it from an answers file. */
		s.items[s.n].lang = lang;
		s.items[s.n].text = t->u.s;
		s.n++;
	}
	return s;
}

static struct name_ref *name_list(struct aload *L, const struct ynode *m, const char *key,
                                  size_t *n)
{
	*n = 0;
	const struct ynode *v = ynode_get(m, key);
	if (!v)
		return NULL;
	char *w = xasprintf("'%s'", key);
	struct name_ref *out = NULL;
	if (want(L, v, Y_SEQ, w)) {
		out = al_alloc(L, v->n, sizeof *out);
		for (size_t i = 0; i < v->n; i++)
			if (want(L, &v->u.kids[i], Y_SCALAR, "a remedy id")) {
				out[*n].id = v->u.kids[i].u.s;
				out[*n].line = v->u.kids[i].line;
				out[*n].col = v->u.kids[i].col;
				++*n;
			}
	}
	free(w);
	return out;
}

static void load_entry(struct aload *L, struct answer_entry *e, const struct ynode *m)
{
	static const char *const keys[] = {"node", "choice", "date", "note", NULL};
	only_keys(L, m, "an answer", keys);
	e->line = m->line;
	e->col = m->col;
	e->node = scalar(L, m, "node");
	if (!e->node && !ynode_get(m, "node"))
		diag_error(L->d, L->file, m->line, m->col, "an answer needs 'node'");
	const struct ynode *c = ynode_get(m, "choice");
	const struct ynode *date = ynode_get(m, "date");
	if (date && c) {
		diag_error(L->d, L->file, date->line, date->col,
		           "an answer has either 'choice' or 'date', not both");
	} else if (date) {
		e->date = scalar(L, m, "date");
		struct cal_date cd;
		if (e->date && deadline_check_date(NULL, e->date, 0, &cd) != DATE_OK)
			diag_error(L->d, L->file, date->line, date->col, "'%s' is not a date (YYYY-MM-DD, "
			           "YYYY-MM, YYYY or unknown)", e->date);
	} else if (!c) {
		diag_error(L->d, L->file, m->line, m->col, "an answer needs 'choice' (or 'date')");
	} else if (c->kind == Y_SCALAR) {
		e->choices = al_alloc(L, 1, sizeof *e->choices);
		e->choices[e->nchoices++] = c->u.s;
	} else if (want(L, c, Y_SEQ, "'choice'")) {
		if (c->n == 0)
			diag_error(L->d, L->file, c->line, c->col, "'choice' is an empty list");
		e->choices = al_alloc(L, c->n, sizeof *e->choices);
		for (size_t i = 0; i < c->n; i++)
			if (want(L, &c->u.kids[i], Y_SCALAR, "a choice id"))
				e->choices[e->nchoices++] = c->u.kids[i].u.s;
	}
	e->note = get_lstr(L, m, "note");
}

/* The answers are read as the parser finishes each one and dropped from the
 * tree: a tree of a long walk's answers took some 66 bytes a YAML value
 * (four or five values an answer), so the tree's limit of values for the
 * file's size turned away any walk of more than about a thousand steps, and
 * a full walk of the 100,000-node bench guide could not be replayed. Maps
 * in the other lists (remedy ids) are handed here too: an error. */
/* The bytes the answers loaded so far hold (checked by the parser against
 * ytree_answers_limits' mem_floor). */
static size_t held_bytes(const struct aload *L)
{
	return L->block_bytes + L->a->n * sizeof *L->a->v + L->pv->nblocks * sizeof *L->pv->blocks;
}

static size_t on_item(const char *list, const struct ynode *item, void *arg)
{
	struct aload *L = arg;
	if (strcmp(list, "answers") != 0) {
		diag_error(L->d, L->file, item->line, item->col, "a remedy id must be a %s, not a %s",
		           ynode_kind_name(Y_SCALAR), ynode_kind_name(Y_MAP));
		return held_bytes(L);
	}
	struct answer_entry *e = VEC_PUSH(L->a->v, L->a->n, L->cap);
	memset(e, 0, sizeof *e);
	load_entry(L, e, item);
	return held_bytes(L);
}

static struct answers *from_tree(struct aload *L, struct ytree *t)
{
	struct answers *a = L->a;
	struct diags *d = L->d;
	L->pv->tree = t;
	a->file = ytree_name(t);
	L->file = a->file;
	size_t before = L->errors_before;
	const struct ynode *top = ytree_root(t);
	static const char *const keys[] = {"guide", "version", "guide_hash", "title", "story",
	                                   "answers", "expect", "forbid", "first", "do_first", NULL};
	if (want(L, top, Y_MAP, "an answers file")) {
		only_keys(L, top, "the answers file", keys);
		a->line = top->line;
		a->col = top->col;
		a->guide_id = scalar(L, top, "guide");
		if (!ynode_get(top, "guide"))
			diag_error(d, a->file, top->line, top->col,
			           "the answers file does not say which guide it is for ('guide:')");
		a->version = scalar(L, top, "version");
		a->guide_hash = scalar(L, top, "guide_hash");
		a->title = get_lstr(L, top, "title");
		a->story = get_lstr(L, top, "story");
		const struct ynode *seq = ynode_get(top, "answers");
		if (!seq)
			diag_error(d, a->file, top->line, top->col, "the answers file has no 'answers:'");
		else if (want(L, seq, Y_SEQ, "'answers'")) {
			/* The maps went to on_item; anything left is not an answer. */
			for (size_t i = 0; i < seq->n; i++)
				want(L, &seq->u.kids[i], Y_MAP, "an answer");
		}
		a->expect = name_list(L, top, "expect", &a->nexpect);
		a->forbid = name_list(L, top, "forbid", &a->nforbid);
		a->first = name_list(L, top, "first", &a->nfirst);
		a->do_first = name_list(L, top, "do_first", &a->ndo_first);
	}
	if (d->errors != before) {
		answers_free(a);
		return NULL;
	}
	return a;
}

static void aload_init(struct aload *L, const char *name, const struct guide *g, struct diags *d)
{
	*L = (struct aload){.a = xcalloc(1, sizeof *L->a), .pv = xcalloc(1, sizeof *L->pv),
	                    .g = g, .d = d, .file = name, .errors_before = d->errors};
	L->a->priv = L->pv;
}

static struct answers *finish(struct aload *L, struct ytree *t)
{
	if (t)
		return from_tree(L, t);
	answers_free(L->a);
	return NULL;
}

struct answers *answers_load(const char *path, const struct guide *g, struct diags *d)
{
	struct aload L;
	aload_init(&L, path, g, d);
	return finish(&L, ytree_load_stream(path, path, &ytree_answers_limits, d, on_item, &L));
}

struct answers *answers_parse(const char *data, size_t len, const char *name,
                              const struct guide *g, struct diags *d)
{
	struct aload L;
	aload_init(&L, name, g, d);
	return finish(&L, ytree_parse_stream(data, len, name, &ytree_answers_limits, d, on_item, &L));
}

void answers_free(struct answers *a)
{
	if (!a)
		return;
	struct answers_priv *pv = a->priv;
	for (size_t i = 0; i < pv->nblocks; i++)
		free(pv->blocks[i]);
	free(pv->blocks);
	free(a->v);
	ytree_free(pv->tree);
	free(pv);
	free(a);
}

bool answers_match_guide(const struct answers *a, const struct guide *g, struct diags *d)
{
	if (!a->guide_id || strcmp(a->guide_id, g->id) != 0) {
		diag_error(d, a->file, a->line, a->col,
		           "these answers are for guide '%s', not for '%s' (%s)",
		           a->guide_id ? a->guide_id : "?", g->id, g->file);
		return false;
	}
	char hash[17];
	snprintf(hash, sizeof hash, "%016llx", g->hash);
	if (a->version && strcmp(a->version, g->version) != 0)
		diag_warn(d, a->file, a->line, a->col,
		          "these answers were saved with version %s of the guide; this is version %s, "
		          "so they are used as far as they still fit", a->version, g->version);
	else if (a->guide_hash && strcmp(a->guide_hash, hash) != 0)
		diag_warn(d, a->file, a->line, a->col,
		          "the guide has changed since these answers were saved; they are used as "
		          "far as they still fit");
	return true;
}

static void pass_info(struct session *s)
{
	const struct node *n;
	while ((n = session_node(s)) && n->kind == NODE_INFO)
		session_continue(s);
}

static bool apply(const struct answer_entry *e, struct session *s, const char *file,
                  enum diag_level lv, struct diags *d)
{
	const struct guide *g = session_guide(s);
	pass_info(s);
	const struct node *n = session_node(s);
	if (!n) {
		diags_add(d, lv, file, e->line, e->col,
		          "answer for '%s' comes after the last question (the walk has finished)",
		          e->node ? e->node : "?");
		return false;
	}
	if (!e->node || strcmp(e->node, n->id) != 0) {
		diags_add(d, lv, file, e->line, e->col, "answer for '%s', but the guide asks '%s' here",
		          e->node ? e->node : "?", n->id);
		return false;
	}
	if (n->kind == NODE_DATE || e->date) {
		struct cal_date cd;
		enum date_check dc = e->date ? deadline_check_date(n, e->date, session_today(s), &cd)
		                             : DATE_SYNTAX;
		if (n->kind != NODE_DATE || dc != DATE_OK) {
			diags_add(d, lv, file, e->line, e->col, n->kind != NODE_DATE
			          ? "'%s' asks for a choice, not a date" : dc == DATE_FUTURE
			          ? "'%s' asks about the past, and this date is after today"
			          : "'%s' asks for a date ('date:')", n->id);
			return false;
		}
		return session_answer_date(s, &cd) == SESSION_OK;
	}
	unsigned *idx = xmalloc((e->nchoices ? e->nchoices : 1) * sizeof *idx);
	for (unsigned i = 0; i < e->nchoices; i++) {
		int c = guide_choice(n, e->choices[i]);
		if (c < 0) {
			diags_add(d, lv, file, e->line, e->col, "'%s' is not a choice of '%s'",
			          e->choices[i], n->id);
			free(idx);
			return false;
		}
		idx[i] = (unsigned)c;
	}
	enum session_status st = session_answer(s, idx, e->nchoices);
	int alone = st == SESSION_ALONE ? guide_alone_clash(n, idx, e->nchoices) : -1;
	free(idx);
	if (st == SESSION_BAD_CHOICE)
		diags_add(d, lv, file, e->line, e->col,
		          "a choice given for '%s' is not offered after the earlier answers, or is "
		          "given twice", n->id);
	else if (st == SESSION_BAD_COUNT)
		diags_add(d, lv, file, e->line, e->col, "'%s' takes %s", n->id,
		          n->kind == NODE_QUESTION ? "exactly one choice" : "at least one choice");
	else if (st == SESSION_ALONE)
		diags_add(d, lv, file, e->line, e->col,
		          "'%s' of '%s' goes alone (it is marked 'alone'): it cannot be given "
		          "together with another choice", alone >= 0 ? n->choices[alone].id : "?", n->id);
	(void)g;
	return st == SESSION_OK;
}

size_t answers_replay(const struct answers *a, struct session *s, bool strict, struct diags *d)
{
	size_t done = 0;
	for (; done < a->n; done++)
		if (!apply(&a->v[done], s, a->file, strict ? DIAG_ERROR : DIAG_WARNING, d))
			break;
	pass_info(s);
	return done;
}

/* A YAML double-quoted scalar that reads back as exactly s: a raw newline
 * inside quotes would be folded into a space (a guide version "1\n2" came
 * back as "1 2", a false "the guide has changed"), so every control
 * character is written as an escape. */
static void yaml_quote(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, *s);
		} else if (c == '\n') {
			buf_adds(b, "\\n");
		} else if (c == '\t') {
			buf_adds(b, "\\t");
		} else if (c < 0x20 || c == 0x7F) {
			buf_printf(b, "\\x%02X", c);
		} else {
			buf_addc(b, *s);
		}
	}
	buf_addc(b, '"');
}

char *answers_format(const struct session *s)
{
	const struct guide *g = session_guide(s);
	struct buf b = {0};
	buf_adds(&b, "# Answers saved by remedies. They describe a person's situation: keep this file private.\n");
	buf_adds(&b, "guide: ");
	yaml_quote(&b, g->id);
	buf_adds(&b, "\nversion: ");
	yaml_quote(&b, g->version);
	buf_printf(&b, "\nguide_hash: \"%016llx\"\nanswers:\n", g->hash);
	size_t n = session_history_len(s), written = 0;
	for (size_t i = 0; i < n; i++) {
		size_t nc;
		const unsigned *c = session_history_choices(s, i, &nc);
		const struct node *nd = &g->nodes[session_history_node(s, i)];
		const struct cal_date *date = session_history_date(s, i);
		if (date) {
			char iso[CAL_DATE_MAX];
			cal_format(date, iso);
			buf_adds(&b, "  - node: ");
			yaml_quote(&b, nd->id);
			buf_adds(&b, "\n    date: ");
			yaml_quote(&b, iso);
			buf_addc(&b, '\n');
			written++;
			continue;
		}
		if (!nc)
			continue;
		buf_adds(&b, "  - node: ");
		yaml_quote(&b, nd->id);
		buf_adds(&b, "\n    choice: ");
		if (nd->kind == NODE_MULTI)
			buf_addc(&b, '[');
		for (size_t j = 0; j < nc; j++) {
			if (j)
				buf_adds(&b, ", ");
			yaml_quote(&b, nd->choices[c[j]].id);
		}
		if (nd->kind == NODE_MULTI)
			buf_addc(&b, ']');
		buf_addc(&b, '\n');
		written++;
	}
	if (!written) {
		/* An empty block sequence is not valid YAML; write an empty flow list. */
		b.len -= strlen("\n");
		b.s[b.len] = '\0';
		buf_adds(&b, " []\n");
	}
	return buf_take(&b);
}

/* `first`: the results (best fit first, core/rank.h) begin with these
 * remedies in this order; `do_first`: each is one of "do this first". */
static bool check_order(const struct answers *a, const struct session *s, struct diags *d)
{
	const struct guide *g = session_guide(s);
	struct rank_entry *r;
	size_t n = rank_results(s, RANK_BEST_FIRST, &r);
	bool ok = true;
	for (size_t i = 0; i < a->nfirst + a->ndo_first; i++) {
		bool order = i < a->nfirst;
		const struct name_ref *nr = order ? &a->first[i] : &a->do_first[i - a->nfirst];
		int id = guide_remedy(g, nr->id);
		if (id < 0) {
			diag_error(d, a->file, nr->line, nr->col, "unknown remedy '%s'", nr->id);
			ok = false;
		} else if (order && (i >= n || r[i].remedy != id)) {
			const char *got = i < n ? g->remedies[r[i].remedy].id : NULL;
			diag_error(d, a->file, nr->line, nr->col,
			           "remedy '%s' was expected at place %zu of the results, but %s%s%s is there",
			           nr->id, i + 1, got ? "'" : "", got ? got : "nothing", got ? "'" : "");
			ok = false;
		} else if (!order) {
			bool found = false;
			for (size_t j = 0; j < n && !found; j++)
				found = r[j].remedy == id && r[j].first;
			if (!found) {
				diag_error(d, a->file, nr->line, nr->col,
				           "remedy '%s' was expected in \"do this first\" but is not there", nr->id);
				ok = false;
			}
		}
	}
	free(r);
	return ok;
}

bool answers_check_expectations(const struct answers *a, const struct session *s,
                                struct diags *d)
{
	const struct guide *g = session_guide(s);
	struct session_remedy *r;
	size_t n = rank_grouped(s, &r);
	bool ok = true;
	for (size_t i = 0; i < a->nexpect + a->nforbid; i++) {
		bool expect = i < a->nexpect;
		const struct name_ref *nr = expect ? &a->expect[i] : &a->forbid[i - a->nexpect];
		int id = guide_remedy(g, nr->id);
		if (id < 0) {
			diag_error(d, a->file, nr->line, nr->col, "unknown remedy '%s'", nr->id);
			ok = false;
			continue;
		}
		bool found = false;
		for (size_t j = 0; j < n && !found; j++)
			found = r[j].remedy == id;
		if (found != expect) {
			diag_error(d, a->file, nr->line, nr->col, expect
			           ? "remedy '%s' was expected in the result but is not there"
			           : "remedy '%s' must not be in the result but is", nr->id);
			ok = false;
		}
	}
	free(r);
	return check_order(a, s, d) && ok;
}
