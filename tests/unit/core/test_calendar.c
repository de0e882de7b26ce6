/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/calendar.h"

static long day_of(const char *iso)
{
	struct cal_date d;
	assert_int_equal(cal_parse(iso, &d), CAL_OK);
	assert_int_equal(d.prec, CAL_DATE);
	return cal_day(d.year, d.month, d.day);
}

static void iso(long day, char out[CAL_DATE_MAX])
{
	struct cal_date d = {.prec = CAL_DATE};
	cal_ymd(day, &d.year, &d.month, &d.day);
	cal_format(&d, out);
}

static void test_days_round_trip(void **state)
{
	(void)state;
	assert_int_equal(cal_day(1970, 1, 1), 0);
	assert_int_equal(cal_day(2000, 3, 1), 11017);
	assert_int_equal(cal_weekday(cal_day(1970, 1, 1)), 4);    /* Thursday */
	assert_int_equal(cal_weekday(cal_day(2027, 3, 2)), 2);    /* Tuesday */
	assert_int_equal(cal_weekday(cal_day(1900, 1, 1)), 1);    /* Monday */
	/* Every day of the supported years goes there and back, one apart. */
	long prev = cal_day(CAL_MIN_YEAR, 1, 1) - 1;
	for (int y = CAL_MIN_YEAR; y <= CAL_MAX_YEAR; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= cal_month_days(y, m); d++) {
				long n = cal_day(y, m, d);
				assert_int_equal(n, prev + 1);
				int yy, mm, dd;
				cal_ymd(n, &yy, &mm, &dd);
				assert_true(yy == y && mm == m && dd == d);
				prev = n;
			}
	assert_true(cal_leap(2000) && cal_leap(2024) && !cal_leap(1900) && !cal_leap(2100));
}

static void test_parse(void **state)
{
	(void)state;
	struct cal_date d;
	char out[CAL_DATE_MAX];
	long a, b;
	assert_int_equal(cal_parse("2022-06", &d), CAL_OK);
	assert_int_equal(d.prec, CAL_MONTH);
	assert_true(cal_earliest(&d, &a) && cal_latest(&d, &b));
	assert_int_equal(a, cal_day(2022, 6, 1));
	assert_int_equal(b, cal_day(2022, 6, 30));
	cal_format(&d, out);
	assert_string_equal(out, "2022-06");
	assert_int_equal(cal_parse(" 2024 ", &d), CAL_OK);
	assert_int_equal(d.prec, CAL_YEAR);
	assert_true(cal_earliest(&d, &a) && cal_latest(&d, &b));
	assert_int_equal(a, cal_day(2024, 1, 1));
	assert_int_equal(b, cal_day(2024, 12, 31));
	assert_int_equal(cal_parse("2024-02", &d), CAL_OK);
	assert_true(cal_latest(&d, &b));
	assert_int_equal(b, cal_day(2024, 2, 29));
	assert_int_equal(cal_parse("2024-02-29", &d), CAL_OK);
	cal_format(&d, out);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(cal_parse("unknown", &d), CAL_OK);
	assert_int_equal(d.prec, CAL_UNKNOWN);
	assert_false(cal_earliest(&d, &a));
	assert_false(cal_latest(&d, &a));
	cal_format(&d, out);
	assert_string_equal(out, "unknown");

	assert_int_equal(cal_parse("2023-02-29", &d), CAL_NO_SUCH_DAY);
	assert_int_equal(cal_parse("2026-02-30", &d), CAL_NO_SUCH_DAY);
	assert_int_equal(cal_parse("2026-04-31", &d), CAL_NO_SUCH_DAY);
	assert_int_equal(cal_parse("2026-13", &d), CAL_NO_SUCH_DAY);
	assert_int_equal(cal_parse("2026-00-10", &d), CAL_NO_SUCH_DAY);
	assert_int_equal(cal_parse("2026-01-00", &d), CAL_NO_SUCH_DAY);
	assert_int_equal(cal_parse("1899-12-31", &d), CAL_RANGE);
	assert_int_equal(cal_parse("9999", &d), CAL_RANGE);
	const char *junk[] = {"", " ", "june", "2026-6-1", "2026/06/01", "06/01/2026", "20260601",
	                      "2026-06-01x", "2026-", "-2026", "+202", "2o26", "Unknown", "2026-06-1"};
	for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
		assert_int_equal(cal_parse(junk[i], &d), CAL_SYNTAX);
}

static void test_period_syntax(void **state)
{
	(void)state;
	struct cal_period p;
	char out[16];
	assert_true(cal_parse_period("90wd", &p));
	assert_true(p.n == 90 && p.unit == CAL_WORKDAYS);
	cal_format_period(p, out);
	assert_string_equal(out, "90wd");
	assert_true(cal_parse_period("2y", &p) && p.n == 2 && p.unit == CAL_YEARS);
	assert_true(cal_parse_period("6m", &p) && p.n == 6 && p.unit == CAL_MONTHS);
	assert_true(cal_parse_period("30d", &p) && p.n == 30 && p.unit == CAL_DAYS);
	assert_true(cal_parse_period("0d", &p) && p.n == 0);
	const char *bad[] = {"", "d", "30", "30 d", "30D", "-3d", "3w", "3dd", "99999999999999999999d",
	                     "36601d", "1.5y", " 3d"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(cal_parse_period(bad[i], &p));
	/* The largest periods do not overflow. */
	assert_true(cal_parse_period("36600y", &p));
	long far = cal_add(cal_day(CAL_MAX_YEAR, 12, 31), p, true);
	assert_true(far > cal_day(CAL_MAX_YEAR, 12, 31));
	assert_true(cal_parse_period("36600wd", &p));
	assert_true(cal_add(cal_day(CAL_MAX_YEAR, 12, 31), p, false) > 0);
}

/* Every observed legal public holiday of 2020 to 2035, derived once by a
 * separate program (Python's datetime, weekdays found by scanning the days of
 * each month, not by this file's formulas), cross-checked against Debian's
 * python3-holidays (which predates Juneteenth), and pasted here. The rules
 * (5 U.S.C. 6103(a), (b); Executive Order 11582): New Year's Day, Juneteenth
 * (from 2021), Independence Day, Veterans Day and Christmas Day on their
 * dates, moved to the Friday before from a Saturday and to the Monday after
 * from a Sunday; Martin Luther King's birthday and Washington's birthday the
 * third Monday of January and February; Memorial Day the last Monday of May;
 * Labor Day the first Monday of September; Columbus Day the second Monday of
 * October; Thanksgiving the fourth Thursday of November. */
static const struct {
	int year;
	enum cal_holiday h;
	const char *observed;
} holidays[] = {
#include "holidays_2020_2035.inc"
};

static void test_holiday_table(void **state)
{
	(void)state;
	size_t n = sizeof holidays / sizeof *holidays;
	assert_int_equal(n, 16 * 11 - 1);   /* no Juneteenth in 2020 */
	for (size_t i = 0; i < n; i++) {
		long want = day_of(holidays[i].observed), got;
		assert_true(cal_holiday_observed(holidays[i].year, holidays[i].h, &got));
		if (got != want) {
			char s[CAL_DATE_MAX];
			iso(got, s);
			fail_msg("%d %s: %s, want %s", holidays[i].year, cal_holiday_name(holidays[i].h), s,
			         holidays[i].observed);
		}
		assert_int_equal(cal_holiday(want), holidays[i].h);
		assert_false(cal_workday(want));
	}
	/* And no other weekday of those years is a holiday. */
	size_t found = 0;
	for (long d = day_of("2019-12-31"); d <= day_of("2035-12-31"); d++)
		if (cal_holiday(d) != CAL_NO_HOLIDAY) {
			found++;
			assert_true(cal_weekday(d) != 0 && cal_weekday(d) != 6);
		}
	/* New Year's Day 2022, 2028 and 2033 fall on Saturdays and are
	 * observed on December 31 of the year before: in the table, and found
	 * here on that December 31. */
	assert_int_equal(found, n);
	long d;
	assert_false(cal_holiday_observed(2020, CAL_JUNETEENTH, &d));
	assert_true(cal_holiday_observed(2021, CAL_JUNETEENTH, &d));
	assert_int_equal(d, day_of("2021-06-18"));
	assert_false(cal_holiday_observed(1985, CAL_MLK, &d));
	assert_int_equal(cal_holiday(day_of("2026-12-24")), CAL_NO_HOLIDAY);
	/* Inauguration Day (January 20, 2025) is not counted. */
	assert_int_equal(cal_holiday(day_of("2025-01-20")), CAL_MLK);
	assert_true(cal_workday(day_of("2029-01-22")));
	assert_int_equal(cal_holiday(day_of("2029-01-20")), CAL_NO_HOLIDAY);
	assert_string_equal(cal_holiday_name(CAL_THANKSGIVING), "Thanksgiving Day");
}

/* Deadline cases, each worked out by hand with a calendar and checked
 * again by a separate Python computation. late: which way a month-end
 * overflow goes (false: a door closes, clamp to the month's last day;
 * true: a door opens, the first of the next month). */
static const struct {
	const char *from, *period;
	bool late;
	const char *want, *why;
} cases[] = {
	{"2024-01-31", "1m", false, "2024-02-29", "Jan 31 + 1 month, leap year: Feb 29"},
	{"2025-01-31", "1m", false, "2025-02-28", "Jan 31 + 1 month: clamped to Feb 28"},
	{"2025-01-31", "1m", true, "2025-03-01", "a door opening: Mar 1, not earlier"},
	{"2028-01-30", "1m", false, "2028-02-29", "Jan 30 + 1 month, leap: Feb 29"},
	{"2028-01-30", "1m", true, "2028-03-01", "opening: the day after Feb 29"},
	{"2024-12-31", "2m", false, "2025-02-28", "Dec 31 + 2 months: Feb 28"},
	{"2024-02-29", "1y", false, "2025-02-28", "leap day + 1 year: Feb 28"},
	{"2024-02-29", "1y", true, "2025-03-01", "leap day + 1 year, opening: Mar 1"},
	{"2028-02-29", "1y", true, "2029-03-01", "leap day + 1 year, opening"},
	{"2027-02-28", "1y", false, "2028-02-28", "Feb 28 stays Feb 28 in a leap year"},
	{"2024-02-29", "4y", false, "2028-02-29", "leap day + 4 years: a leap day again"},
	{"2024-02-29", "2y", false, "2026-02-28", "leap day + 2 years (FTCA claim)"},
	{"2024-06-22", "2y", false, "2026-06-22", "2 years: same day (a Monday)"},
	{"2029-03-15", "2y", false, "2031-03-15", "2 years"},
	{"2024-05-15", "5y", false, "2029-05-15", "5 years"},
	{"2026-07-31", "5y", false, "2031-07-31", "5 years from a month end"},
	{"2025-07-04", "6y", false, "2031-07-04", "6 years (28 U.S.C. 2401(a))"},
	{"2024-02-29", "6y", false, "2030-02-28", "leap day + 6 years"},
	{"2026-06-22", "6m", false, "2026-12-22", "6 months"},
	{"2025-08-31", "6m", false, "2026-02-28", "Aug 31 + 6 months: Feb 28"},
	{"2024-08-31", "6m", false, "2025-02-28", "Aug 31 + 6 months"},
	{"2029-08-29", "6m", false, "2030-02-28", "Aug 29 + 6 months: no Feb 29 in 2030"},
	{"2025-03-31", "6m", false, "2025-09-30", "Mar 31 + 6 months: Sep 30"},
	{"2030-12-31", "6m", false, "2031-06-30", "Dec 31 + 6 months: Jun 30"},
	{"2024-12-27", "10d", false, "2025-01-06", "10 days across the new year"},
	{"2031-12-25", "10d", false, "2032-01-04", "10 days from Christmas"},
	{"2024-02-01", "30d", false, "2024-03-02", "30 days over a leap February"},
	{"2025-02-01", "30d", false, "2025-03-03", "30 days over a short February"},
	{"2028-01-31", "30d", false, "2028-03-01", "30 days: Jan 31 + 29 = Feb 29, + 1"},
	{"2024-11-05", "90d", false, "2025-02-03", "90 calendar days"},
	{"2026-03-05", "0wd", false, "2026-03-05", "nothing to count"},
	{"2026-09-03", "20wd", false, "2026-10-02", "20 working days over Labor Day (Sep 7)"},
	{"2025-11-20", "20wd", false, "2025-12-19", "20 working days over Thanksgiving"},
	{"2025-12-15", "20wd", false, "2026-01-14", "over Christmas and New Year's Day; Dec 24 counts"},
	{"2026-01-19", "20wd", false, "2026-02-17", "received on MLK Day; Washington's Birthday skipped"},
	{"2026-11-05", "90wd", false, "2027-03-19", "90 working days: 8 holidays, 36 weekend days"},
	{"2024-06-03", "90wd", false, "2024-10-10", "90 working days over Juneteenth, July 4, Labor Day"},
	{"2024-06-03", "20wd", false, "2024-07-02", "20 working days over Juneteenth (Wed)"},
	{"2027-12-29", "2wd", false, "2028-01-03", "New Year's Day 2028 (Sat) observed Fri Dec 31, 2027"},
	{"2027-12-23", "1wd", false, "2027-12-27", "Christmas 2027 (Sat) observed Fri Dec 24"},
	{"2027-06-17", "1wd", false, "2027-06-21", "Juneteenth 2027 (Sat) observed Fri Jun 18"},
	{"2028-06-16", "1wd", false, "2028-06-20", "Juneteenth 2028 on a Monday"},
	{"2024-06-18", "1wd", false, "2024-06-20", "Juneteenth 2024 on a Wednesday"},
	{"2026-07-02", "1wd", false, "2026-07-06", "July 4, 2026 (Sat) observed Fri Jul 3"},
	{"2029-11-09", "1wd", false, "2029-11-13", "Veterans Day 2029 (Sun) observed Mon Nov 12"},
	{"2030-11-27", "1wd", false, "2030-11-29", "Thanksgiving 2030: Nov 28"},
	{"2031-05-23", "1wd", false, "2031-05-27", "Memorial Day 2031: May 26"},
	{"2030-01-18", "1wd", false, "2030-01-22", "MLK Day 2030: Jan 21"},
	{"2026-02-13", "1wd", false, "2026-02-17", "Washington's Birthday 2026: Feb 16"},
	{"2024-10-11", "1wd", false, "2024-10-15", "Columbus Day 2024: Oct 14"},
	{"2029-09-01", "1wd", false, "2029-09-04", "from a Saturday; Labor Day 2029: Sep 3"},
};

static void test_deadline_cases(void **state)
{
	(void)state;
	assert_true(sizeof cases / sizeof *cases >= 40);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct cal_period p;
		assert_true(cal_parse_period(cases[i].period, &p));
		char got[CAL_DATE_MAX];
		iso(cal_add(day_of(cases[i].from), p, cases[i].late), got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s + %s: %s, want %s (%s)", cases[i].from, cases[i].period, got,
			         cases[i].want, cases[i].why);
	}
}

static void test_today(void **state)
{
	(void)state;
	long d;
	setenv("REMEDIES_TODAY", "2026-12-01", 1);
	assert_true(cal_today(&d));
	assert_int_equal(d, day_of("2026-12-01"));
	setenv("REMEDIES_TODAY", "2026-02-30", 1);
	assert_false(cal_today(&d));
	setenv("REMEDIES_TODAY", "2026-12", 1);
	assert_false(cal_today(&d));
	unsetenv("REMEDIES_TODAY");
	assert_true(cal_today(&d));
	assert_true(d > day_of("2020-01-01"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_period_syntax),
		cmocka_unit_test(test_holiday_table),
		cmocka_unit_test(test_deadline_cases),
		cmocka_unit_test(test_today),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
