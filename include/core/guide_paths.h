/* SPDX-License-Identifier: MIT */
/* Every path through a guide from its start to a result (guide_paths.c),
 * for `remedies paths` and the fuzzer. */
#ifndef REMEDIES_GUIDE_PATHS_H
#define REMEDIES_GUIDE_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/guide.h"

/* Every path from the start to a result, as text ("who=lpr > what+face >
 * res-face"): question answers as node=choice, multi-select branches as
 * node+choice, a multi-select's continuation as node>, an info screen as its
 * id, a skipped conditional node as node~. Calls fn for each path, up to
 * `max` paths; returns the number of paths found (stopping at max + 1).
 * reached[] (nnodes bytes, may be NULL) gets 1 for every result reached. */
size_t guide_each_path(const struct guide *g, size_t max,
                       void (*fn)(const char *path, int result, void *arg), void *arg,
                       unsigned char *reached);
/* The same, stopping also before the paths given to fn would pass max_bytes
 * in all (one byte more per path, for its line end); *cut (may be NULL)
 * says whether it stopped there. */
size_t guide_each_path_within(const struct guide *g, size_t max, size_t max_bytes,
                              void (*fn)(const char *path, int result, void *arg), void *arg,
                              unsigned char *reached, bool *cut);

#endif
