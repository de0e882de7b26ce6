/* SPDX-License-Identifier: MIT */
/* The translatable texts of a guide, scenario or messages file, found by
 * walking its YAML tree (po_walk.h). */
#include "po_walk.h"

#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "core/util.h"

/* The language part of a key is one of the guide's or the target. */
static bool lang_key_ok(const struct po_walk *m, const char *key, size_t *len)
{
	const char *src;
	bool src_ok;
	*len = lang_key_split(key, &src, &src_ok);
	if (!src_ok)
		return false;
	for (unsigned i = 0; i < m->nlangs; i++)
		if (strlen(m->langs[i]) == *len && strncmp(m->langs[i], key, *len) == 0)
			return true;
	return strlen(m->lang) == *len && strncmp(m->lang, key, *len) == 0;
}

static bool key_is(const char *key, size_t len, const char *lang)
{
	return strlen(lang) == len && strncmp(key, lang, len) == 0;
}

/* A map of language to text that has the source language: a unit. */
static bool as_unit(const struct po_walk *w, const struct ynode *m, struct po_unit *u)
{
	if (m->kind != Y_MAP || m->n == 0)
		return false;
	memset(u, 0, sizeof *u);
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = &m->u.kids[2 * i], *v = &m->u.kids[2 * i + 1];
		size_t len;
		if (k->kind != Y_SCALAR || v->kind != Y_SCALAR || !lang_key_ok(w, k->u.s, &len))
			return false;
		if (key_is(k->u.s, len, w->langs[0]))
			u->src = v;
		if (key_is(k->u.s, len, w->lang) && !key_is(k->u.s, len, w->langs[0])) {
			u->tkey = k;
			u->tval = v;
			const char *at = strchr(k->u.s, '@');
			u->tsrc = at ? at + 1 : NULL;
		}
		u->last = v;
	}
	u->map = m;
	return u->src != NULL;
}

static const char *lstr_source(const struct po_walk *w, const struct ynode *v)
{
	struct po_unit u;
	return v && as_unit(w, v, &u) ? u.src->u.s : NULL;
}

void po_walk_tree(struct po_walk *w, const struct ynode *v, struct buf *path, const char *around,
                 const char *kind, unsigned keyline)
{
	struct po_unit u;
	if (as_unit(w, v, &u)) {
		u.keyline = keyline;
		u.ctx = xstrdup(path->s ? path->s : "");
		u.around = around && around != u.src->u.s ? around : NULL;
		u.kind = kind;
		*VEC_PUSH(w->u, w->n, w->cap) = u;
		return;
	}
	size_t keep = path->len;
	if (v->kind == Y_MAP) {
		/* An item's own words (its text or title) give the context of the
		 * texts inside it. */
		const struct ynode *t = ynode_get(v, "text");
		const char *here = lstr_source(w, t);
		if (!here)
			here = lstr_source(w, ynode_get(v, "title"));
		if (!here)
			here = lstr_source(w, ynode_get(v, "term"));
		const struct ynode *kn = ynode_get(v, "kind");
		for (size_t i = 0; i < v->n; i++) {
			const struct ynode *k = &v->u.kids[2 * i];
			if (k->kind != Y_SCALAR)
				continue;
			buf_printf(path, "%s%s", keep ? "." : "", k->u.s);
			po_walk_tree(w, &v->u.kids[2 * i + 1], path, here ? here : around,
			     kn && kn->kind == Y_SCALAR ? kn->u.s : kind, k->line);
			path->len = keep;
			if (path->s)
				path->s[keep] = '\0';
		}
	} else if (v->kind == Y_SEQ) {
		for (size_t i = 0; i < v->n; i++) {
			const struct ynode *it = &v->u.kids[i];
			const struct ynode *id = it->kind == Y_MAP ? ynode_get(it, "id") : NULL;
			if (id && id->kind == Y_SCALAR)
				buf_printf(path, "[%s]", id->u.s);
			else
				buf_printf(path, "[%zu]", i);
			po_walk_tree(w, it, path, around, kind, it->line);
			path->len = keep;
			if (path->s)
				path->s[keep] = '\0';
		}
	}
}

void po_walk_free(struct po_walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->u[i].ctx);
	free(w->u);
	w->u = NULL;
	w->n = w->cap = 0;
}
