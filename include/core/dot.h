/* SPDX-License-Identifier: MIT */
/* A map of the guide as a Graphviz DOT graph, for trainers' slides:
 * questions and info screens with their words (never internal ids), choices
 * as labelled edges, results with their remedies, a title and a legend; the
 * path of a session (a scenario) highlighted. It can draw the whole guide,
 * one section only, or the walk of one scenario only, at a size that stays
 * readable on a projector. */
#ifndef REMEDIES_MAP_H
#define REMEDIES_MAP_H

#include <stdbool.h>

#include "core/guide.h"
#include "core/session.h"

struct map_options {
	const char *section;   /* draw only the nodes of this section (its words in any
	                          language, case and accents ignored), or NULL */
	bool walk_only;        /* draw only the walk of s (s must be given) */
	const char *subtitle;  /* under the guide's title (a scenario's title), or NULL */
};

/* s may be NULL (no highlight); o may be NULL (the whole guide). Returns a
 * new string, or NULL when o->section names no section of the guide. */
char *map_dot(const struct guide *g, const struct session *s, const char *lang,
              const struct map_options *o);
/* The sections of the guide, in order, one per line, in lang (for a
 * message that lists them). Returns a new string. */
char *map_sections(const struct guide *g, const char *lang);

#endif
