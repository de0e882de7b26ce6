/* SPDX-License-Identifier: MIT */
/* The computed deadlines as an iCalendar file (ics.c), for report_render's
 * REPORT_ICS. Private to the core. */
#ifndef REMEDIES_ICS_H
#define REMEDIES_ICS_H

#include <stdbool.h>

struct session;

/* RFC 5545: one all-day event per deadline, with a stable UID, escaped
 * text, CRLF lines folded at 75 octets; named in the guide's words (lang);
 * the person's dates only with include_answers. New string. */
char *ics_render(const struct session *s, const char *lang, bool include_answers);

#endif
