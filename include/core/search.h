/* SPDX-License-Identifier: MIT */
/* Search over the guide: which remedies, questions and glossary terms say
 * what the user typed, in any of the guide's languages, ignoring case and
 * accents. The texts are folded once into an index; each search is then
 * one pass over the index, linear in the guide's text and the query. */
#ifndef REMEDIES_SEARCH_H
#define REMEDIES_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/guide.h"

enum search_kind { SEARCH_REMEDY, SEARCH_NODE, SEARCH_TERM };

/* One thing found: remedy, node or term `index` of the guide. */
struct search_hit {
	enum search_kind kind;
	int index;
};

struct search_index;

/* Folds every text of every remedy, question (not results) and term of g
 * (walk.h), rendered glossary marks included. g must outlive the index.
 * Free with search_index_free (NULL is a no-op). */
struct search_index *search_index_new(const struct guide *g);
/* The same over the text one person sees (core/tailor.h): a conditional
 * text that does not show for them, or the parts of a text that do not, are
 * not searched. Valid while the tailor's facts are: build a new one after
 * the session moves. */
struct tailor;
struct search_index *search_index_tailored(const struct tailor *t);
void search_index_free(struct search_index *x);

/* The hits for `query` (folded here): the glossary terms the query names
 * (by their name or other words) first, then remedies, questions and the
 * other terms, each in guide order; trainer notes count only with `notes`. An
 * empty query finds nothing. *out is a new array (caller frees; NULL when
 * nothing). Returns how many. */
size_t search_find(const struct search_index *x, const char *query, bool notes,
                   struct search_hit **out);

/* The same without keeping an index (tests, one-off use). */
size_t guide_search(const struct guide *g, const char *query, bool notes,
                    struct search_hit **out);

#endif
