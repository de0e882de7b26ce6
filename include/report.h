/* What the user takes away: the remedies gathered by a session, written out
 * for reading (the plain front end's last screen, and exported reports). */
#ifndef REMEDIES_REPORT_H
#define REMEDIES_REPORT_H

#include <stddef.h>

#include "session.h"

/* Wraps guide text for plain output: glossary marks dropped, unsafe
 * characters replaced, lines wrapped to `width` columns with the first line
 * indented by `first` spaces and the rest by `rest`. Appends to b. */
struct buf;
void report_wrap(struct buf *b, const char *text, size_t first, size_t rest, size_t width);

/* The results of a finished (or unfinished) session as plain text: every
 * remedy in full, grouped by path, then what was ruled out and why, framed
 * by the disclaimer. Returns a new string. */
char *report_text(const struct session *s, const char *lang, size_t width);

/* One remedy in full as plain text (used by the detail screens too). */
void report_remedy_text(struct buf *b, const struct guide *g, int remedy, const char *lang,
                        size_t width);

/* "because you answered 'X' to 'Y'" for a ruled-out remedy. New string. */
char *report_exclusion_reason(const struct guide *g, const struct session_exclusion *e,
                              const char *lang);

#endif
