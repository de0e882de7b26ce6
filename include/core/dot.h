/* A map of the whole guide as a Graphviz DOT graph, for trainers' slides:
 * questions and info screens, choices as labelled edges, results with their
 * remedies; the path of a session (a scenario) highlighted. */
#ifndef REMEDIES_MAP_H
#define REMEDIES_MAP_H

#include "core/guide.h"
#include "core/session.h"

/* s may be NULL (no highlight). Returns a new string. */
char *map_dot(const struct guide *g, const struct session *s, const char *lang);

#endif
