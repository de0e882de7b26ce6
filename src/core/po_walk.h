/* SPDX-License-Identifier: MIT */
/* The translatable texts of a YAML tree (po_walk.c): every map of
 * language to text that has the source language, with where it lives. For
 * po.c (export) and po_import.c. Private to the core. */
#ifndef REMEDIES_PO_WALK_H
#define REMEDIES_PO_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/util.h"
#include "core/yaml.h"

/* One translatable text: a map of language to text with the source. */
struct po_unit {
	char *ctx;                        /* "nodes[who].text" */
	const struct ynode *map;
	const struct ynode *src;          /* the source-language text */
	const struct ynode *tkey, *tval;  /* the target language's pair, or NULL */
	const char *tsrc;                 /* hash recorded in tkey, or NULL */
	const struct ynode *last;         /* the map's last value (insertions go after it) */
	const char *around;               /* the English of the item it belongs to, or NULL */
	const char *kind;                 /* that item's `kind`, or NULL */
	unsigned keyline;                 /* the line of its key (comments sit above) */
};

struct po_walk {
	/* The guide's languages (the first is the source) and the one to
	 * translate into: a key in another language makes a map not a unit. */
	const char *const *langs;
	unsigned nlangs;
	const char *lang;
	struct po_unit *u;
	size_t n, cap;
};

/* Adds every unit under v to w->u, in document order; path is the context
 * so far ("nodes[who]"), around and kind those of the enclosing item,
 * keyline the line of v's key. */
void po_walk_tree(struct po_walk *w, const struct ynode *v, struct buf *path, const char *around,
                  const char *kind, unsigned keyline);
/* Frees the units found (not the tree they point into). */
void po_walk_free(struct po_walk *w);

#endif
