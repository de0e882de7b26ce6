/* SPDX-License-Identifier: MIT */
/* Coverage of a guide by answers files (trainer scenarios): which
 * questions, choices, remedies and conditional items none of them reaches.
 * A session is added once its answers are replayed. */
#ifndef REMEDIES_COVERAGE_H
#define REMEDIES_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/guide.h"
#include "core/session.h"

struct coverage;

struct coverage *coverage_new(const struct guide *g);
void coverage_free(struct coverage *c);
/* Records what the walk of s reached: the questions answered, the choices
 * taken, the remedies gathered, and the conditional items of those remedies
 * (and of the results' texts) that show for its facts. */
void coverage_add(struct coverage *c, const struct session *s);

struct coverage_counts {
	size_t questions, questions_hit;
	size_t choices, choices_hit;
	size_t remedies, remedies_hit;
	size_t items, items_hit;      /* conditional items */
};
/* The counts, and (when list is not NULL) one line per thing never reached,
 * "FILE:LINE:COL: never reached: choice 'who=lpr'", appended to *list (a new
 * string; caller frees). */
void coverage_result(const struct coverage *c, struct coverage_counts *n, char **list);

#endif
