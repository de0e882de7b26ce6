/* SPDX-License-Identifier: MIT */
/* Loading a guide (guide_load.c): a YAML file read, checked as it streams
 * and every reference resolved; and freeing it. What a loaded guide holds,
 * and the queries on it, are guide.h. */
#ifndef REMEDIES_GUIDE_LOAD_H
#define REMEDIES_GUIDE_LOAD_H

#include <stddef.h>

struct diags;
struct guide;

/* Loads and validates the guide at `path`. Returns NULL (with every problem
 * found appended to d) or a guide the caller frees with guide_free. */
struct guide *guide_load(const char *path, struct diags *d);
/* The same from memory, `name` used in messages. */
struct guide *guide_parse(const char *data, size_t len, const char *name, struct diags *d);
/* Frees everything the guide holds; NULL is a no-op. */
void guide_free(struct guide *g);

#endif
