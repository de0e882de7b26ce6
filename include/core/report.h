/* SPDX-License-Identifier: MIT */
/* What the user takes away: the remedies gathered by a session, written out
 * as plain text (the plain front end's last screen, a printer, a case note),
 * Markdown, or one self-contained HTML file that prints cleanly. */
#ifndef REMEDIES_REPORT_H
#define REMEDIES_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"

struct buf;

enum report_format { REPORT_TXT, REPORT_MD, REPORT_HTML, REPORT_ICS };
#define REPORT_NFORMATS 4

/* The width of a text report, and of text for a terminal whose width is
 * unknown: 78 columns read well and print on any printer. */
#define REPORT_WIDTH 78

struct report_options {
	enum report_format format;
	const char *lang;
	size_t width;            /* TXT wrap width; 0 = REPORT_WIDTH */
	bool header;             /* title block: date, guide id/version/reviewed, language */
	bool include_answers;    /* list every question and answer (personal data) */
	const char *date;        /* YYYY-MM-DD for the header; NULL = today */
	const char *case_ref;    /* a case or intake number typed by the volunteer, printed
	                            on the summary page of this report only (never saved
	                            elsewhere), or NULL */
};

/* "txt", "text", "md", "markdown", "html" -> format; false when unknown. */
bool report_format_parse(const char *name, enum report_format *out);
const char *report_format_ext(enum report_format f);

/* The whole report. A report file (header) opens with a summary page: the
 * date, the guide's version and review date, the case number if given,
 * the disclaimer, "do this first" and a table of the computed deadlines;
 * then, on the next page in print: what the remedies are based on, the
 * remedies in full in the order of core/rank.h, what was ruled out and why,
 * free legal help, and the disclaimer. Personal answers appear
 * only with include_answers; otherwise the report names the situations in
 * the guide's neutral words (its result texts). Returns a new string. */
char *report_render(const struct session *s, const struct report_options *o);

/* Plain-text conveniences used by the front ends. */
char *report_text(const struct session *s, const char *lang, size_t width);
/* One remedy in full as the guide has it (no person: every text shown). */
void report_remedy_text(struct buf *b, const struct guide *g, int remedy, const char *lang,
                        size_t width);
/* The same as the person walking s sees it: tailored text (core/tailor.h),
 * computed deadlines and the urgent or passed mark. */
void report_remedy_session_text(struct buf *b, const struct session *s, int remedy,
                                const char *lang, size_t width);
/* A deadline's computed sentence as shown everywhere ("URGENT: File by
 * ..."), made safe for any output; NULL when it is not computed. New. */
char *report_deadline_sentence(const struct session *s, const struct deadline *dl,
                               const char *lang);
/* One action of "do this first" (core/rank.h): "Title. Why first: ...
 * Deadline: ...", clean one-line text; the goal it serves named only when
 * personal (see rank_why). New string. */
struct rank_entry;
char *report_first_action(const struct session *s, const struct rank_entry *e,
                          const char *lang, bool personal);
/* The framing ("what the remedies are based on"): the text of each result
 * reached, tailored, in the guide's neutral words; the same on screen and
 * in every report. *out: a new array of new clean strings (free each). */
size_t report_framing(const struct session *s, const char *lang, char ***out);
/* The same; quote false leaves the person's vague date unquoted. */
char *report_deadline_sentence_q(const struct session *s, const struct deadline *dl,
                                 const char *lang, bool quote);
/* The computed deadlines as an iCalendar file (RFC 5545): one all-day
 * event per deadline, with a stable UID, escaped text, CRLF lines folded at
 * 75 octets; named in the guide's words; the person's dates only with
 * include_answers. report_render calls it for REPORT_ICS. New string. */
char *report_ics(const struct session *s, const struct report_options *o);
/* Wraps text (already clean) into b with indents; see report.c. */
void report_wrap(struct buf *b, const char *text, size_t first, size_t rest, size_t width);
/* "because you answered "X" (question)" for a ruled-out remedy: quotes the
 * person's answer, so only for their own screen or a report with
 * include_answers. New string. */
char *report_exclusion_reason(const struct guide *g, const struct session_exclusion *e,
                              const char *lang);

#endif
