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

#endif
