/* SPDX-License-Identifier: MIT */
/* The order of the results for one person, and what to do first.
 *
 * The rule (also in remedies-guide(5), so an author can predict it):
 *   1. urgent remedies (a guide `urgent` condition holds, or another source
 *      of urgency, such as a computed deadline, says so);
 *   2. then remedies that serve a goal the person stated;
 *   3. then the rest.
 * Within each band: the lower rank first (1 is the strongest; a remedy
 * without a rank comes after those with one), then the shorter shown
 * deadline in days (none last), then the remedy's place in the guide's list
 * of remedies. So the order never depends on the order of the walk.
 * "Do this first" is the first three remedies of bands 1 and 2; when both
 * are empty, the first three with a rank of 1 or 2. */
#ifndef REMEDIES_RANK_H
#define REMEDIES_RANK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"

enum rank_band { RANK_URGENT, RANK_GOAL, RANK_OTHER };
enum rank_view { RANK_BEST_FIRST, RANK_BY_PATH };

/* No rank given: after every ranked remedy of its band. */
#define RANK_NONE 100

struct rank_entry {
	int remedy;
	int result;            /* the result node it came from (first one) */
	enum rank_band band;
	int urgent_by;         /* index of the urgency source that marked it, or -1 */
	int urgent_entry;      /* for the guide's own source: which `urgent` entry */
	int goal;              /* the first stated goal it serves, or -1 */
	int rank;              /* 1..99, or RANK_NONE */
	int days;              /* the shortest shown deadline in days, or -1 */
	bool first;            /* one of "do this first" */
	int best;              /* position in the best-first order */
	int by_path;           /* position when grouped by path */
};

/* A source of urgency: returns true when remedy r is urgent for the person
 * walking s; then, if why is not NULL, sets *why to a new string in `lang`
 * saying why in neutral words (never the person's own answer). `entry` may
 * be set to anything the source wants to remember (the guide's source puts
 * the index of the `urgent` entry there). To add a source (for example
 * deadlines computed as dates), add its function to the table in rank.c:
 * sources earlier in the table win when several say a remedy is urgent. */
typedef bool rank_urgency_fn(const struct session *s, int r, const char *lang, char **why,
                             int *entry);

/* Gathered remedies, de-duplicated, grouped by path (groups in the order of
 * their most urgent deadline, then the guide's path order) and most urgent
 * deadline first within a group. Returns a new array (caller frees). */
size_t rank_grouped(const struct session *s, struct session_remedy **out);

/* The gathered remedies in the order of the rule above (RANK_BEST_FIRST),
 * or grouped by path as before (RANK_BY_PATH: groups in the order of their
 * most urgent deadline, then the guide's path order; within a group the
 * shortest deadline first); `band`, `first` and the rest are filled in
 * either view. Returns the count; *out is a new array (caller frees). */
size_t rank_results(const struct session *s, enum rank_view view, struct rank_entry **out);

/* The entries of "do this first" (at most three), in order: indices into
 * v, written to idx[0..2]. Returns how many. */
size_t rank_first(const struct rank_entry *v, size_t n, size_t idx[3]);

/* Why this remedy comes first for this person, in neutral words: the
 * urgency, the goal it serves, or its strength. The goal is named only
 * with name_goal: what a person wants is their answer, and a default
 * report never quotes answers (it then says "one of the aims you gave").
 * New string. */
char *rank_why(const struct session *s, const struct rank_entry *e, const char *lang,
               bool name_goal);

/* The deadline to show for a remedy: of those shown to this person, the
 * one with the fewest days, else the first; NULL when none is shown. */
const struct deadline *rank_deadline(const struct session *s, int r);

/* The rank of remedy r for this person (RANK_NONE when not given). */
int rank_of(const struct session *s, int r);

#endif
