/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/answers.h"
#include "core/deadline.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/rank.h"
#include "core/session.h"

static struct guide *g;
static struct guide *ag;   /* tests/guides/agrees.yaml: date checks */

static int setup(void **state)
{
	(void)state;
	struct diags d = {0};
	g = guide_load("tests/guides/dates.yaml", &d);
	ag = guide_load("tests/guides/agrees.yaml", &d);
	diags_free(&d);
	return g && ag ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	guide_free(g);
	guide_free(ag);
	return 0;
}

static struct cal_date date(const char *s)
{
	struct cal_date d;
	assert_int_equal(deadline_check_date(NULL, s, 0, &d), DATE_OK);
	return d;
}

/* A session walked with these dates (sent == NULL: no request), today fixed. */
static struct session *walk(const char *harm, const char *sent, const char *today)
{
	struct session *s = session_new(g);
	struct cal_date t = date(today);
	session_set_today(s, cal_day(t.year, t.month, t.day));
	struct cal_date h = date(harm);
	assert_int_equal(session_answer_date(s, &h), SESSION_OK);
	unsigned c = sent ? 0 : 1;
	assert_int_equal(session_answer(s, &c, 1), SESSION_OK);
	if (sent) {
		struct cal_date x = date(sent);
		assert_int_equal(session_answer_date(s, &x), SESSION_OK);
	}
	assert_true(session_finished(s));
	return s;
}

static long day(const char *s)
{
	struct cal_date d = date(s);
	return cal_day(d.year, d.month, d.day);
}

static void test_check_date(void **state)
{
	(void)state;
	const struct node *n = &g->nodes[guide_node(g, "harm-date")];
	struct cal_date d;
	long today = day("2026-12-01");
	assert_int_equal(deadline_check_date(n, "2026-12-01", today, &d), DATE_OK);
	assert_int_equal(deadline_check_date(n, "2026-12", today, &d), DATE_OK);
	assert_int_equal(deadline_check_date(n, "2026", today, &d), DATE_OK);
	assert_int_equal(deadline_check_date(n, "2026-12-02", today, &d), DATE_FUTURE);
	assert_int_equal(deadline_check_date(n, "2027", today, &d), DATE_FUTURE);
	assert_int_equal(deadline_check_date(n, "2026-02-30", today, &d), DATE_NO_SUCH_DAY);
	assert_int_equal(deadline_check_date(n, "last June", today, &d), DATE_SYNTAX);
	assert_int_equal(deadline_check_date(n, " 0 ", today, &d), DATE_OK);
	assert_int_equal(d.prec, CAL_UNKNOWN);
	assert_int_equal(deadline_check_date(n, "unknown", today, &d), DATE_OK);
	assert_int_equal(deadline_check_msg(DATE_FUTURE), M_DATE_FUTURE);
	assert_int_equal(deadline_check_msg(DATE_SYNTAX), M_DATE_BAD_SYNTAX);
}

static void test_words(void **state)
{
	(void)state;
	char *t = deadline_day_text("en", day("2027-03-02"), true);
	assert_string_equal(t, "Tuesday, March 2, 2027");
	free(t);
	t = deadline_day_text("es", day("2027-03-02"), true);
	assert_string_equal(t, "martes 2 de marzo de 2027");
	free(t);
	struct cal_date m = date("2022-06");
	t = deadline_date_text("en", &m);
	assert_string_equal(t, "June 2022");
	free(t);
	struct cal_date u = date("0");
	t = deadline_date_text("en", &u);
	assert_string_equal(t, "I don't know");
	free(t);
}

/* A vague harm date closes the door counted from its earliest day; the
 * agency's clock opens it counted from the latest day. */
static void test_safe_side(void **state)
{
	(void)state;
	struct session *s = walk("2022-06", "2026-08", "2026-12-01");
	const struct remedy *claim = &g->remedies[guide_remedy(g, "claim")];
	const struct remedy *suit = &g->remedies[guide_remedy(g, "foia-suit")];
	struct deadline_eval e;
	deadline_eval(s, &claim->deadlines[0], &e);
	assert_int_equal(e.state, DL_PASSED);
	assert_int_equal(e.base, day("2022-06-01"));
	assert_int_equal(e.due, day("2024-06-01"));
	assert_true(e.vague);
	deadline_eval(s, &suit->deadlines[0], &e);
	assert_int_equal(e.state, DL_OPENED);
	assert_int_equal(e.base, day("2026-08-31"));
	assert_int_equal(e.due, day("2026-09-29"));   /* 20 working days, Labor Day skipped */
	char *t = deadline_sentence(s, &suit->deadlines[0], "en");
	assert_string_equal(t, "Ended on September 29, 2026: you may now go to court without "
	                       "appealing; counted from August 31, 2026, the latest date you gave");
	free(t);
	t = deadline_sentence(s, &claim->deadlines[0], "en");
	assert_string_equal(t, "Passed on June 1, 2024: exceptions are rare; see a lawyer now; "
	                       "counted from June 1, 2022, the earliest date you gave");
	free(t);
	long due;
	assert_int_equal(deadline_remedy_status(s, guide_remedy(g, "claim"), &due), DL_PASSED);
	assert_int_equal(due, day("2024-06-01"));   /* the more recent of the two passed */
	/* The passed remedy goes down the list, and stays in it. */
	struct session_remedy *r;
	size_t n = rank_grouped(s, &r);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].remedy, guide_remedy(g, "foia-suit"));
	assert_int_equal(r[1].remedy, guide_remedy(g, "claim"));
	free(r);
	/* The same in the ranked order that results and reports use. */
	struct rank_entry *re;
	n = rank_results(s, RANK_BEST_FIRST, &re);
	assert_int_equal(n, 2);
	assert_int_equal(re[0].remedy, guide_remedy(g, "foia-suit"));
	assert_int_equal(re[1].remedy, guide_remedy(g, "claim"));
	free(re);
	session_free(s);
}

static void test_urgent_and_weekend(void **state)
{
	(void)state;
	/* 2026-11-20 + 30 days = Sunday, December 20: urgent, shown as it falls. */
	struct session *s = walk("2026-11-20", NULL, "2026-12-01");
	const struct remedy *claim = &g->remedies[guide_remedy(g, "claim")];
	long due;
	assert_int_equal(deadline_remedy_status(s, guide_remedy(g, "claim"), &due), DL_URGENT);
	assert_int_equal(due, day("2026-12-20"));
	struct rank_entry *re;
	size_t n = rank_results(s, RANK_BEST_FIRST, &re);
	assert_true(n >= 1);
	assert_int_equal(re[0].remedy, guide_remedy(g, "claim"));
	assert_int_equal(re[0].band, RANK_URGENT);
	free(re);
	char *t = deadline_sentence(s, &claim->deadlines[1], "en");
	assert_string_equal(t, "File by Sunday, December 20, 2026 (19 days from today); that day "
	                       "is a Sunday: do not count on the deadline moving to the next "
	                       "working day");
	free(t);
	t = deadline_sentence(s, &claim->deadlines[0], "en");
	assert_string_equal(t, "File by Monday, November 20, 2028 (720 days from today)");
	free(t);
	/* The request was never made: that clock is not computed. */
	const struct remedy *suit = &g->remedies[guide_remedy(g, "foia-suit")];
	assert_null(deadline_sentence(s, &suit->deadlines[0], "en"));
	session_free(s);
	/* The day after the window, it is due but no longer urgent. */
	s = walk("2026-11-20", NULL, "2026-11-19");
	assert_int_equal(deadline_remedy_status(s, guide_remedy(g, "claim"), NULL), DL_DUE);
	session_free(s);
}

/* A period of nothing is the date itself (the guide's hearing date): "On
 * DAY", not "File by DAY" (a hearing is no filing limit), and no warning
 * about a deadline moving off a weekend. Found walking a detained client's
 * intake: "URGENT: File by Tuesday, December 8, 2026" for a hearing. */
static void test_date_itself(void **state)
{
	(void)state;
	struct session *s = walk("2026-11-22", NULL, "2026-11-15");
	struct deadline d = g->remedies[guide_remedy(g, "claim")].deadlines[1];
	d.period.n = 0;
	char *t = deadline_sentence(s, &d, "en");
	assert_string_equal(t, "On Sunday, November 22, 2026 (7 days from today)");
	free(t);
	t = deadline_sentence(s, &d, "es");
	assert_string_equal(t, "El domingo 22 de noviembre de 2026 (dentro de 7 días)");
	free(t);
	session_free(s);
	/* Gone by: it was that day, not a limit whose exceptions are rare. */
	s = walk("2026-11-22", NULL, "2026-12-01");
	t = deadline_sentence(s, &d, "en");
	assert_string_equal(t, "Was on November 22, 2026: see a lawyer now");
	free(t);
	session_free(s);
}

static void test_back_and_unknown(void **state)
{
	(void)state;
	struct session *s = walk("2026-11-20", "2026-11-23", "2026-12-01");
	assert_true(session_back(s));   /* the request date */
	assert_null(session_date(s, guide_fact(g, "sent_on")));
	assert_true(session_back(s));
	assert_true(session_back(s));   /* the harm date */
	assert_null(session_date(s, guide_fact(g, "harmed_on")));
	const struct cal_date *was = session_remembered_date(s, guide_node(g, "harm-date"));
	assert_non_null(was);
	assert_int_equal(was->day, 20);
	struct cal_date u = date("unknown");
	assert_int_equal(session_answer_date(s, &u), SESSION_OK);
	struct deadline_eval e;
	deadline_eval(s, &g->remedies[guide_remedy(g, "claim")].deadlines[0], &e);
	assert_int_equal(e.state, DL_NO_DATE);
	/* A date answer on a question with choices is refused. */
	assert_int_equal(session_answer_date(s, &u), SESSION_NOT_DATE);
	session_free(s);
}

/* Dates are saved exactly as given, vague ones too, and a replay gives the
 * same deadlines. */
static void test_answers_round_trip(void **state)
{
	(void)state;
	struct session *s = walk("2022", "2026-10-30", "2026-12-01");
	char *text = answers_format(s);
	assert_non_null(strstr(text, "date: \"2022\"\n"));
	assert_non_null(strstr(text, "date: \"2026-10-30\"\n"));
	struct diags d = {0};
	struct answers *a = answers_parse(text, strlen(text), "saved.yaml", g, &d);
	assert_non_null(a);
	struct session *t = session_new(g);
	session_set_today(t, session_today(s));
	assert_int_equal(answers_replay(a, t, true, &d), 3);
	assert_int_equal(d.errors, 0);
	const struct remedy *claim = &g->remedies[guide_remedy(g, "claim")];
	char *x = deadline_sentence(s, &claim->deadlines[0], "en");
	char *y = deadline_sentence(t, &claim->deadlines[0], "en");
	assert_string_equal(x, y);
	assert_non_null(strstr(x, "counted from January 1, 2022"));
	free(x);
	free(y);
	answers_free(a);
	session_free(t);
	session_free(s);
	free(text);
	diags_free(&d);
}

/* session_date_disagrees (a date node's `agrees`): a date disagrees only
 * when none of its days can be in the window the earlier answer names,
 * boundaries included; "I do not know" and an answer with no check never. */
/* A session of ag at its date question, after the range answered. */
static struct session *at_date(const char *range)
{
	struct session *s = session_new(ag);
	session_set_today(s, day("2026-12-01"));
	unsigned c = (unsigned)guide_choice(&ag->nodes[guide_node(ag, "when-q")], range);
	assert_int_equal(session_answer(s, &c, 1), SESSION_OK);
	return s;
}

static const char *said(const lstr *why)
{
	return why ? guide_str(ag, why, "en") : "agrees";
}

static const char *disagree(const char *range, const char *given)
{
	struct session *s = at_date(range);
	struct cal_date x = date(given);
	static char out[128];
	snprintf(out, sizeof out, "%s", said(session_date_disagrees(s, &x)));
	session_free(s);
	return out;
}

static void test_date_agrees(void **state)
{
	(void)state;
	const char *more = "That is more than two years ago.";
	const char *range = "That is not two to five years ago.";
	/* less than two years ago: at most 2y before 2026-12-01 */
	assert_string_equal(disagree("lt2", "2026-11-30"), "agrees");
	assert_string_equal(disagree("lt2", "2024-12-01"), "agrees");  /* the boundary day */
	assert_string_equal(disagree("lt2", "2024-11-30"), more);
	assert_string_equal(disagree("lt2", "2024-12"), "agrees");     /* its last days fit */
	assert_string_equal(disagree("lt2", "2024-11"), more);
	assert_string_equal(disagree("lt2", "2024"), "agrees");
	assert_string_equal(disagree("lt2", "2023"), more);
	assert_string_equal(disagree("lt2", "0"), "agrees");           /* not known */
	/* two to five years ago: 2021-12-01 .. 2024-12-01 */
	assert_string_equal(disagree("2to5", "2024-12-01"), "agrees");
	assert_string_equal(disagree("2to5", "2024-12-02"), range);
	assert_string_equal(disagree("2to5", "2025"), range);
	assert_string_equal(disagree("2to5", "2024"), "agrees");       /* its first days fit */
	assert_string_equal(disagree("2to5", "2021-12-01"), "agrees");
	assert_string_equal(disagree("2to5", "2021-11-30"), range);
	assert_string_equal(disagree("2to5", "2021"), "agrees");
	assert_string_equal(disagree("2to5", "2020"), range);
	/* an answer without a check */
	assert_string_equal(disagree("unsure", "1990"), "agrees");
}

/* session_date_check: a disagreeing date is warned about once; the same
 * date again at the same question is taken; another date is warned about
 * anew; a date that agrees is taken at once and forgets the warning. */
static void test_date_check_again(void **state)
{
	(void)state;
	struct session *s = at_date("lt2");
	struct date_warning w = {0};
	struct cal_date y2020 = date("2020"), y2021 = date("2021"), y2026 = date("2026-01");
	const char *more = "That is more than two years ago.";
	assert_string_equal(said(session_date_check(s, &y2020, &w)), more);
	assert_string_equal(said(session_date_check(s, &y2021, &w)), more);
	assert_string_equal(said(session_date_check(s, &y2021, &w)), "agrees");
	assert_null(w.why);                      /* kept: forgotten */
	assert_string_equal(said(session_date_check(s, &y2020, &w)), more);
	assert_string_equal(said(session_date_check(s, &y2026, &w)), "agrees");
	assert_null(w.why);
	assert_string_equal(said(session_date_check(s, &y2020, &w)), more);
	session_date_warning_forget(&w);
	assert_null(w.why);
	assert_int_equal(w.date[0], 0);          /* the typed date is wiped */
	session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_date),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_safe_side),
		cmocka_unit_test(test_urgent_and_weekend),
		cmocka_unit_test(test_back_and_unknown),
		cmocka_unit_test(test_answers_round_trip),
		cmocka_unit_test(test_date_itself),
		cmocka_unit_test(test_date_agrees),
		cmocka_unit_test(test_date_check_again),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
