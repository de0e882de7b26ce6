/* SPDX-License-Identifier: MIT */
/* The sentences a report shares with the wizard's screens
 * (report_words.c): a computed deadline, an action of "do this first", why
 * a remedy was ruled out, and the framing of the results, each worded once
 * so the screen and every report say the same. */
#ifndef REMEDIES_REPORT_WORDS_H
#define REMEDIES_REPORT_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"

struct rank_entry;

/* A deadline's computed sentence as shown everywhere ("URGENT: File by
 * ..."), made safe for any output; NULL when it is not computed. New. */
char *report_deadline_sentence(const struct session *s, const struct deadline *dl,
                               const char *lang);
/* The same; quote false leaves the person's vague date unquoted. */
char *report_deadline_sentence_q(const struct session *s, const struct deadline *dl,
                                 const char *lang, bool quote);
/* One action of "do this first" (core/rank.h): "Title. Why first: ...
 * Deadline: ...", clean one-line text; the goal it serves named only when
 * personal (see rank_why). New string. */
char *report_first_action(const struct session *s, const struct rank_entry *e,
                          const char *lang, bool personal);
/* The framing ("what the remedies are based on"): the text of each result
 * reached, tailored, in the guide's neutral words; the same on screen and
 * in every report. *out: a new array of new clean strings (free each). */
size_t report_framing(const struct session *s, const char *lang, char ***out);
/* "because you answered "X" (question)" for a ruled-out remedy: quotes the
 * person's answer, so only for their own screen or a report with
 * include_answers. New string. */
char *report_exclusion_reason(const struct guide *g, const struct session_exclusion *e,
                              const char *lang);

#endif
