/* SPDX-License-Identifier: MIT */
/* What a loaded guide owns besides its public arrays: private to the core's
 * guide modules (guide_load.c builds it, guide.c looks ids up in it). */
#ifndef REMEDIES_GUIDE_PRIV_H
#define REMEDIES_GUIDE_PRIV_H

#include <stddef.h>

#include "core/util.h"
#include "core/yaml.h"

/* Everything the guide owns: the strings (in the tree's text arena), the
 * loader's arrays (in `mem`), and the id maps. */
struct guide_priv {
	struct ytree *tree;
	struct arena mem;
	struct strmap node_ids, remedy_ids, cite_ids, term_ids, path_ids, goal_ids, fact_ids, value_ids;
	const char **facts, **values;
	size_t fcap, vcap;
	size_t node_cap, remedy_cap, cite_cap, term_cap, path_cap, goal_cap, agree_cap;
	/* every language code used as a key, with where it was first seen */
	struct strmap lang_ids;
	struct lang_use { char *code; unsigned line, col; } *langs;
	size_t nlangs, lcap;
	bool nlangs_over;      /* the language code limit was reported */
};

/* The names of enum node_kind, in order, ending in NULL. */
extern const char *const guide_kind_names[];

#endif
