/* SPDX-License-Identifier: MIT */
/* A small, owned YAML tree built from libyaml's event API, with the checks
 * libyaml does not make: no anchors, aliases or tags, one document, bounded
 * depth and size, no duplicate keys, scalar keys only, and text that is valid
 * UTF-8 without control characters. Every node keeps its 1-based line and
 * column so later stages can report FILE:LINE:COL. Guides and answers files
 * are both read through it; only guide*.c files include yaml.h. */
#ifndef REMEDIES_GUIDE_TREE_H
#define REMEDIES_GUIDE_TREE_H

#include <stddef.h>

#include "core/diag.h"

enum ynode_kind { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ynode_kind kind;
	unsigned line, col;
	size_t n;               /* Y_SCALAR: bytes; Y_SEQ: items; Y_MAP: pairs */
	union {
		char *s;              /* Y_SCALAR: NUL-terminated, no embedded NUL */
		struct ynode *kids;   /* Y_SEQ: n items; Y_MAP: 2n nodes, key then value */
	} u;
};

struct ytree;

struct ytree_limits {
	size_t max_bytes;  /* file size */
	unsigned max_depth;
	size_t max_nodes;  /* YAML nodes */
	size_t max_text;   /* bytes in one value */
	/* With bytes_per_node > 0, at any point of the file at most
	 * node_floor + (bytes read so far) / bytes_per_node nodes kept in the
	 * tree (streamed items are freed as they come): memory then grows with
	 * the file's size whatever its shape (a flow list of one-letter values
	 * is 2 bytes a node in the file, some 66 in memory). */
	size_t bytes_per_node, node_floor;
	/* With mem_floor > 0, after each streamed item what the tree and the
	 * item handler hold (the handler's return value) may be at most
	 * mem_floor plus twice the bytes read so far; past that the parse
	 * stops with an error at the item, naming the file as `what` ("guide").
	 * Memory then stays in proportion to the file whatever its shape
	 * (issue 11: entries packed one to a line in flow style once took 4
	 * times their file). */
	size_t mem_floor;
	const char *what, *what_a;  /* "guide", "a guide" */
};
/* Guides: 24 bytes a kept node beyond the first 8,192 (the items of the
 * top-level lists are streamed, not kept, so this bounds the entry being
 * read and what is outside the lists: the bundled guide's largest entry
 * has 389 nodes; a text of 50,000 language codes is turned away
 * after some 400 KB, its memory still below the file's size). */
extern const struct ytree_limits ytree_default_limits;
/* Answers files (a few KB for a real one): 32 bytes a node beyond the
 * first 4,096, so that memory stays within about twice the file. */
extern const struct ytree_limits ytree_answers_limits;

/* Reads and parses the YAML file at `path`. On success returns a tree whose
 * root is a non-empty document (caller frees with ytree_free); on failure
 * appends every problem found to d and returns NULL. `display` is the name
 * used in messages (usually the path as given). */
struct ytree *ytree_load(const char *path, const char *display,
                         const struct ytree_limits *lim, struct diags *d);
/* The same, from memory (for tests and fuzzing). */
struct ytree *ytree_parse(const char *data, size_t len, const char *display,
                          const struct ytree_limits *lim, struct diags *d);

/* Streaming: for a file whose top level is a map of lists (a guide), each
 * map that is an item of such a list is handed to `item` as soon as it is
 * complete, with the key of its list ("nodes"), and is then dropped from
 * the tree, so a large file never has to fit in memory as a tree. Strings
 * stay valid until ytree_free. Other values stay in the tree as usual. The
 * handler is not called for a file with YAML errors before the error. */
/* The handler returns the bytes what it has built so far holds (checked
 * against the limits' mem_floor). */
typedef size_t ytree_item_fn(const char *list, const struct ynode *item, void *arg);
struct ytree *ytree_load_stream(const char *path, const char *display,
                                const struct ytree_limits *lim, struct diags *d,
                                ytree_item_fn *item, void *arg);
struct ytree *ytree_parse_stream(const char *data, size_t len, const char *display,
                                 const struct ytree_limits *lim, struct diags *d,
                                 ytree_item_fn *item, void *arg);

const struct ynode *ytree_root(const struct ytree *t);
const char *ytree_name(const struct ytree *t);
/* 64-bit FNV-1a of the file's bytes: tells when a guide has changed. */
unsigned long long ytree_hash(const struct ytree *t);
void ytree_free(struct ytree *t);

/* Value for `key` in a map, or NULL. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
const char *ynode_kind_name(enum ynode_kind k);

#endif
