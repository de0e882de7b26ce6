/* SPDX-License-Identifier: MIT */
/* Whole-guide checks beyond what the loader validates: the graph (reachable,
 * acyclic, every path ends in a result), facts, unused entries, glossary
 * marks, translation coverage and stale citations. */
#ifndef REMEDIES_CHECK_H
#define REMEDIES_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/guide.h"

struct check_options {
	const char *today;   /* YYYY-MM-DD for the staleness check; NULL: the clock */
};

struct check_summary {
	unsigned nodes, questions, results, remedies, citations, terms;
	unsigned strings;        /* localised strings in the guide */
	unsigned *missing;       /* per guide language: strings without that language */
	unsigned *stale;         /* per guide language: translations of an older source text */
};

/* Appends every problem to d. The summary is filled whether or not there are
 * problems; free it with check_summary_free. */
void guide_check(const struct guide *g, const struct check_options *o, struct diags *d,
                 struct check_summary *sum);
/* One line: counts and translation coverage per language. Caller frees. */
char *check_summary_format(const struct guide *g, const struct check_summary *sum);
void check_summary_free(struct check_summary *sum);


/* Every path from the start to a result, as text ("who=lpr > what+face >
 * res-face"): question answers as node=choice, multi-select branches as
 * node+choice, a multi-select's continuation as node>, an info screen as its
 * id, a skipped conditional node as node~. Calls fn for each path, up to
 * `max` paths; returns the number of paths found (stopping at max + 1).
 * reached[] (nnodes bytes, may be NULL) gets 1 for every result reached. */
/* The same, stopping also before the paths given to fn would pass max_bytes
 * in all (one byte more per path, for its line end); *cut (may be NULL)
 * says whether it stopped there. */
size_t guide_each_path_within(const struct guide *g, size_t max, size_t max_bytes,
                              void (*fn)(const char *path, int result, void *arg), void *arg,
                              unsigned char *reached, bool *cut);
size_t guide_each_path(const struct guide *g, size_t max,
                       void (*fn)(const char *path, int result, void *arg), void *arg,
                       unsigned char *reached);

#endif
