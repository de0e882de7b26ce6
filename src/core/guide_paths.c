/* SPDX-License-Identifier: MIT */
/* Every path through a guide from its start to a result, as text, for
 * `remedies paths` (guide_paths.h). */
#include "core/guide_paths.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/util.h"

struct path_edge {
	int to;
	const char *label;   /* choice id or NULL */
	char sep;            /* '=', '+', '>', '~' or 0 */
};

/* Edge k of node n (in a fixed order), false past the last. */
static bool path_edge(const struct node *n, unsigned k, struct path_edge *e)
{
	if (n->when) {
		if (k == 0) {
			*e = (struct path_edge){n->otherwise, NULL, '~'};
			return true;
		}
		k--;
	}
	if (k < n->nchoices) {
		*e = (struct path_edge){n->choices[k].next, n->choices[k].id,
		                        n->kind == NODE_MULTI ? '+' : '='};
		return true;
	}
	k -= n->nchoices;
	if (k == 0 && n->next >= 0 && n->kind != NODE_RESULT) {
		*e = (struct path_edge){n->next, NULL, n->kind == NODE_MULTI ? '>' : 0};
		return true;
	}
	return false;
}

size_t guide_each_path(const struct guide *g, size_t max,
                       void (*fn)(const char *path, int result, void *arg), void *arg,
                       unsigned char *reached)
{
	return guide_each_path_within(g, max, SIZE_MAX, fn, arg, reached, NULL);
}

size_t guide_each_path_within(const struct guide *g, size_t max, size_t max_bytes,
                              void (*fn)(const char *path, int result, void *arg), void *arg,
                              unsigned char *reached, bool *cut)
{
	size_t bytes = 0;
	if (cut)
		*cut = false;
	if (g->start < 0)
		return 0;
	/* An explicit stack: a guide can be far deeper than the C stack allows.
	 * Each step of the path being walked: its node, the next of the node's
	 * edges to try, and the length of the path's text before the node. */
	struct path_step { int node; unsigned edge; size_t len; } *st = NULL;
	size_t sp = 0, cap = 0, found = 0;
	struct buf b = {0};
	unsigned char *onpath = xcalloc(g->nnodes + 1, 1);
	*VEC_PUSH(st, sp, cap) = (struct path_step){g->start, 0, 0};
	onpath[g->start] = 1;
	while (sp && found <= max) {
		struct path_step *f = &st[sp - 1];
		const struct node *n = &g->nodes[f->node];
		if (f->edge == 0 && n->kind == NODE_RESULT) {
			b.len = f->len;
			buf_adds(&b, n->id);
			if (reached)
				reached[f->node] = 1;
			/* Paths can be long (a chain of 10,000 questions): the output
			 * is bounded in bytes too, not only in paths. */
			if (bytes + b.len + 1 > max_bytes) {
				if (cut)
					*cut = true;
				break;
			}
			bytes += b.len + 1;
			if (++found <= max)
				fn(b.s, f->node, arg);
			onpath[f->node] = 0;
			sp--;
			continue;
		}
		struct path_edge e;
		if (!path_edge(n, f->edge++, &e)) {
			onpath[f->node] = 0;
			sp--;
			continue;
		}
		if (e.to < 0 || onpath[e.to])
			continue;
		b.len = f->len;
		buf_add(&b, "", 0);
		buf_adds(&b, n->id);
		if (e.sep)
			buf_addc(&b, e.sep);
		if (e.label)
			buf_adds(&b, e.label);
		buf_adds(&b, " > ");
		size_t len = b.len;
		onpath[e.to] = 1;
		*VEC_PUSH(st, sp, cap) = (struct path_step){e.to, 0, len};
	}
	free(st);
	free(onpath);
	buf_free(&b);
	return found;
}
