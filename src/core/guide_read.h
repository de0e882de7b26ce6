/* SPDX-License-Identifier: MIT */
/* Reading typed values out of a guide's YAML tree, for the guide loader:
 * type checks, unknown and missing keys, ids, localised strings, references
 * (resolved once every entry is known), facts and conditions. Every problem
 * is reported as FILE:LINE:COL through the loader's diagnostics; a reader
 * returns NULL, -1 or an empty value and loading goes on, so one run reports
 * every problem. Shared by guide_load.c and guide_read.c only. */
#ifndef REMEDIES_GUIDE_READ_H
#define REMEDIES_GUIDE_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/guide.h"
#include "core/yaml.h"
#include "core/util.h"
#include "guide_priv.h"

enum ref_kind { REF_NODE, REF_REMEDY, REF_CITATION, REF_PATH, REF_GOAL };
/* Where a resolved index goes. Node and remedy arrays grow while the file
 * streams in, so a field inside them is named by index and offset, not by a
 * pointer that a later realloc would leave dangling. */
enum ref_home { IN_PLACE, IN_NODE, IN_REMEDY };

/* 24 bytes: a guide at 100,000 nodes holds a quarter of a million of them
 * until the end of the file. A line number fits in 27 bits: a guide has
 * at most 64 MB (ytree_default_limits), so fewer lines than that. */
struct ref {
	const char *name;
	union {
		int *ptr;            /* IN_PLACE */
		struct {
			unsigned index;  /* IN_NODE, IN_REMEDY (fewer than UINT_MAX entries) */
			unsigned off;
		} in;
	} at;
	unsigned line : 27;
	unsigned kind : 3;   /* enum ref_kind */
	unsigned home : 2;   /* enum ref_home */
	unsigned col;
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

void *gr_alloc(struct loader *L, size_t n, size_t size);
void gr_err(struct loader *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *gr_closest(const char *word, const char *const *cands, size_t n);
void gr_check_keys(struct loader *L, const struct ynode *map, const char *what,
                   const char *const *allowed, const char *const *required);
bool gr_want(struct loader *L, const struct ynode *n, enum ynode_kind kind,
             const char *key, const char *what);
bool gr_valid_fact_name(const char *s);
bool gr_valid_date(const char *s);
const char *gr_scalar(struct loader *L, const struct ynode *map, const char *key,
                      const char *what);
const char *gr_id(struct loader *L, const struct ynode *map, const char *what);
lstr gr_lstr(struct loader *L, const struct ynode *map, const char *key,
             const char *what);
lstr *gr_lstr_list(struct loader *L, const struct ynode *map, const char *key,
                   const char *what, unsigned *n);
void gr_ref_in(struct loader *L, const struct ynode *map, const char *key,
               enum ref_kind kind, enum ref_home home, size_t index, size_t off,
               int *now, const char *what);
void gr_ref(struct loader *L, const struct ynode *map, const char *key,
            enum ref_kind kind, int *target, const char *what);
/* A reference given as a scalar (not under a key), resolved into *target,
 * which must not move (arena memory). */
void gr_ref_value(struct loader *L, const struct ynode *scalar, enum ref_kind kind, int *target);
int *gr_ref_list(struct loader *L, const struct ynode *map, const char *key,
                 enum ref_kind kind, unsigned *n, const char *what);
int gr_fact(struct loader *L, const char *name);
int gr_value(struct loader *L, const char *name);
struct cond *gr_cond(struct loader *L, const struct ynode *map);
const struct ynode *gr_seq(struct loader *L, const struct ynode *map, const char *key,
                           const char *what);
void gr_register(struct loader *L, struct strmap *m, const char *id,
                 const struct ynode *at, int index, const char *kind);
bool gr_valid_url(const char *u);
void gr_resolve_refs(struct loader *L);
void gr_check_languages(struct loader *L);

#endif
