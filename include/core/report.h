/* SPDX-License-Identifier: MIT */
/* What the user takes away: the remedies gathered by a session, written out
 * as plain text (the plain front end's last screen, a printer, a case note),
 * Markdown, or one self-contained HTML file that prints cleanly, or the
 * deadlines as an iCalendar file (ics.c). The sentences it shares with the
 * screens are report_words.h. */
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
/* Wraps text (already clean) into b with indents; see report.c. */
void report_wrap(struct buf *b, const char *text, size_t first, size_t rest, size_t width);

#endif
