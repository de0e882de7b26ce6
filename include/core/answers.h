/* SPDX-License-Identifier: MIT */
/* Answers files: the answers given so far, in order, for one guide. The same
 * format serves --answers replay, save and resume, and trainer scenarios
 * (which add a title, a story, per-step notes and the remedies the scenario
 * must and must not produce). See man/remedies-guide.5. */
#ifndef REMEDIES_ANSWERS_H
#define REMEDIES_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/guide.h"
#include "core/session.h"

struct answer_entry {
	const char *node;
	unsigned line, col;
	const char **choices;
	unsigned nchoices;
	const char *date;     /* a date question's answer, as written; else NULL */
	lstr note;
};

struct name_ref {
	const char *id;
	unsigned line, col;
};

struct answers {
	const char *file;
	const char *guide_id, *version, *guide_hash;
	unsigned line, col;
	lstr title, story;
	struct answer_entry *v;
	size_t n;
	struct name_ref *expect, *forbid;
	size_t nexpect, nforbid;
	struct name_ref *first, *do_first;   /* scenarios: the order asserted */
	size_t nfirst, ndo_first;
	void *priv;
};

/* Reads an answers file for guide g (language keys are checked against the
 * guide's). NULL with diagnostics on failure; free with answers_free. */
struct answers *answers_load(const char *path, const struct guide *g, struct diags *d);
struct answers *answers_parse(const char *data, size_t len, const char *name,
                              const struct guide *g, struct diags *d);
void answers_free(struct answers *a);

/* Whether the file was made for this guide: an error when the id differs, a
 * warning when the version or content hash differs (the guide has changed). */
bool answers_match_guide(const struct answers *a, const struct guide *g, struct diags *d);

/* Replays the answers into s (passing info screens). In strict mode any
 * answer that does not fit is an error; otherwise replay stops there with a
 * warning (resume as far as the answers still fit). Returns the number of
 * answers applied; errors go to d. */
size_t answers_replay(const struct answers *a, struct session *s, bool strict, struct diags *d);

/* The session's answers as an answers file (YAML text); caller frees. */
char *answers_format(const struct session *s);

/* Checks a scenario's expect/forbid lists against the session's results,
 * and its order: `first` (the results, best fit first, begin with these in
 * this order) and `do_first` (each is in "do this first"); each mismatch is
 * an error at the line of the remedy named. Returns true
 * when the result is as expected. */
bool answers_check_expectations(const struct answers *a, const struct session *s,
                                struct diags *d);

#endif
