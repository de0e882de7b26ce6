/* SPDX-License-Identifier: MIT */
/* Deadlines as dates: checking a date answer, counting a guide's computed
 * deadlines from the person's dates, saying them in the person's language,
 * and how urgent a remedy is.
 *
 * The safe side: a deadline that closes a door (a filing limit) is counted
 * from the earliest day a vague date can mean, so the date shown is never
 * later than the law could require; a clock that opens a door (the agency's
 * time to answer) is counted from the latest day, so the date shown is never
 * earlier than the law allows. A closing date that falls on a weekend or a
 * holiday is shown as it falls, with a warning not to count on an extension. */
#ifndef REMEDIES_DEADLINE_H
#define REMEDIES_DEADLINE_H

#include <stdbool.h>

#include "core/calendar.h"
#include "core/guide.h"
#include "core/msg.h"
#include "core/session.h"

enum date_check {
	DATE_OK = 0,
	DATE_SYNTAX,        /* not a date */
	DATE_NO_SUCH_DAY,   /* February 30 */
	DATE_RANGE,         /* a year out of range */
	DATE_FUTURE,        /* after today, where the question asks about the past */
};
/* Reads a date answer for date node n: YYYY-MM-DD, YYYY-MM, YYYY, or
 * "unknown" or "0" for "I don't know". For a node that asks about the past,
 * a date whose earliest day is after today is refused. */
enum date_check deadline_check_date(const struct node *n, const char *text, long today,
                                    struct cal_date *out);
/* The message that explains a refused date to the person. */
enum msg_id deadline_check_msg(enum date_check c);

/* "Tuesday, March 2, 2027" (with_weekday) or "March 2, 2027", in lang.
 * New string. */
char *deadline_day_text(const char *lang, long day, bool with_weekday);
/* A date answer in words: "June 2022", "2022", "I don't know". New string. */
char *deadline_date_text(const char *lang, const struct cal_date *d);

enum deadline_state {
	DL_NOT_COMPUTED = 0,  /* no `from`, its date question was not asked, or the
	                       * deadline's `when` does not hold for this person */
	DL_NO_DATE,           /* the person does not know the date */
	DL_DUE,               /* closes a door, later than the urgent window */
	DL_URGENT,            /* closes a door within the guide's urgent_days */
	DL_PASSED,            /* closed before today */
	DL_WAITING,           /* opens a door, not yet */
	DL_OPENED,            /* opened: the time ran out before today */
};
struct deadline_eval {
	enum deadline_state state;
	long base;            /* the day counted from */
	bool vague;           /* base is the earliest or latest day of a vague date */
	long due;             /* the last day (closes) or the day the time ends (opens) */
	long left;            /* due - today */
};
/* Evaluates one deadline of a remedy for the session's dates and today. */
void deadline_eval(const struct session *s, const struct deadline *dl, struct deadline_eval *out);
/* The computed sentence for a deadline, in lang ("File by Tuesday, March 2,
 * 2027 (91 days from today); counted from June 1, 2022, the earliest date
 * you gave"), or NULL when it is not computed. New string. */
char *deadline_sentence(const struct session *s, const struct deadline *dl, const char *lang);
/* The same; with quote false a vague date is not quoted ("counted from the
 * earliest day the date given can mean"), for a report without the
 * person's answers. */
char *deadline_sentence_q(const struct session *s, const struct deadline *dl, const char *lang,
                          bool quote);

/* How a remedy's computed deadlines stand, for ranking: DL_URGENT when any
 * closing deadline is within the urgent window; else DL_DUE when any is
 * still open; else DL_PASSED when one has passed; else DL_OPENED or
 * DL_WAITING for a clock that opens a door; else DL_NO_DATE or
 * DL_NOT_COMPUTED. *due (may be NULL) gets the date of that state: the
 * soonest of those still ahead, the most recent of those passed. */
enum deadline_state deadline_remedy_status(const struct session *s, int remedy, long *due);
/* The same, and the index of the deadline it comes from (the one to show
 * first), or -1 when no deadline of the remedy is computed. state and due
 * may be NULL. */
int deadline_remedy_pick(const struct session *s, int remedy, enum deadline_state *state,
                         long *due);

#endif
