/* SPDX-License-Identifier: MIT */
/* Calendar arithmetic on day numbers. See include/core/calendar.h. */
#include "core/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool cal_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && cal_leap(y) ? 29 : days[m - 1];
}

bool cal_valid(int y, int m, int d)
{
	return y >= CAL_MIN_YEAR && y <= CAL_MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
	       d <= cal_month_days(y, m);
}

/* Days from civil and back: Howard Hinnant's algorithms, which count in
 * 400-year eras starting on March 1 so that the leap day is the last day of
 * a (shifted) year and no table is needed. Years here are positive, so the
 * divisions never see a negative number. */
long cal_day(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = yy / 400;
	long yoe = yy - era * 400;                              /* 0..399 */
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* 0..365 */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;      /* 0..146096 */
	return era * 146097 + doe - 719468;
}

void cal_ymd(long day, int *y, int *m, int *d)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

int cal_weekday(long day)
{
	/* Day 0, 1970-01-01, was a Thursday (4). */
	long w = (day + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

/* Reads exactly n digits; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum cal_status cal_parse(const char *s, struct cal_date *out)
{
	*out = (struct cal_date){.prec = CAL_UNKNOWN};
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 7 && strncmp(s, "unknown", 7) == 0)
		return CAL_OK;
	if (n != 4 && n != 7 && n != 10)
		return CAL_SYNTAX;
	int y = digits(s, 4), m = 0, d = 0;
	if (y < 0)
		return CAL_SYNTAX;
	if (n >= 7 && (s[4] != '-' || (m = digits(s + 5, 2)) < 0))
		return CAL_SYNTAX;
	if (n == 10 && (s[7] != '-' || (d = digits(s + 8, 2)) < 0))
		return CAL_SYNTAX;
	if (y < CAL_MIN_YEAR || y > CAL_MAX_YEAR)
		return CAL_RANGE;
	if (n >= 7 && (m < 1 || m > 12))
		return CAL_NO_SUCH_DAY;
	if (n == 10 && (d < 1 || d > cal_month_days(y, m)))
		return CAL_NO_SUCH_DAY;
	*out = (struct cal_date){
		.prec = n == 4 ? CAL_YEAR : n == 7 ? CAL_MONTH : CAL_DATE,
		.year = y, .month = m, .day = d,
	};
	return CAL_OK;
}

void cal_format(const struct cal_date *d, char out[CAL_DATE_MAX])
{
	switch (d->prec) {
	case CAL_DATE:
		snprintf(out, CAL_DATE_MAX, "%04d-%02d-%02d", d->year, d->month, d->day);
		break;
	case CAL_MONTH:
		snprintf(out, CAL_DATE_MAX, "%04d-%02d", d->year, d->month);
		break;
	case CAL_YEAR:
		snprintf(out, CAL_DATE_MAX, "%04d", d->year);
		break;
	case CAL_UNKNOWN:
		snprintf(out, CAL_DATE_MAX, "unknown");
		break;
	}
}

bool cal_earliest(const struct cal_date *d, long *day)
{
	switch (d->prec) {
	case CAL_DATE:
		*day = cal_day(d->year, d->month, d->day);
		return true;
	case CAL_MONTH:
		*day = cal_day(d->year, d->month, 1);
		return true;
	case CAL_YEAR:
		*day = cal_day(d->year, 1, 1);
		return true;
	case CAL_UNKNOWN:
		break;
	}
	return false;
}

bool cal_latest(const struct cal_date *d, long *day)
{
	switch (d->prec) {
	case CAL_DATE:
		*day = cal_day(d->year, d->month, d->day);
		return true;
	case CAL_MONTH:
		*day = cal_day(d->year, d->month, cal_month_days(d->year, d->month));
		return true;
	case CAL_YEAR:
		*day = cal_day(d->year, 12, 31);
		return true;
	case CAL_UNKNOWN:
		break;
	}
	return false;
}

bool cal_parse_period(const char *s, struct cal_period *p)
{
	long n = 0;
	const char *c = s;
	if (*c < '0' || *c > '9')
		return false;
	for (; *c >= '0' && *c <= '9'; c++) {
		n = n * 10 + (*c - '0');
		if (n > CAL_MAX_PERIOD)
			return false;
	}
	enum cal_unit u;
	if (strcmp(c, "d") == 0)
		u = CAL_DAYS;
	else if (strcmp(c, "wd") == 0)
		u = CAL_WORKDAYS;
	else if (strcmp(c, "m") == 0)
		u = CAL_MONTHS;
	else if (strcmp(c, "y") == 0)
		u = CAL_YEARS;
	else
		return false;
	*p = (struct cal_period){.n = (int)n, .unit = u};
	return true;
}

void cal_format_period(struct cal_period p, char out[16])
{
	static const char *const units[] = {
		[CAL_DAYS] = "d", [CAL_WORKDAYS] = "wd", [CAL_MONTHS] = "m", [CAL_YEARS] = "y",
	};
	snprintf(out, 16, "%d%s", p.n, units[p.unit]);
}

static long add_months(long day, long months, bool late)
{
	int y, m, d;
	cal_ymd(day, &y, &m, &d);
	long total = (long)y * 12 + (m - 1) + months;
	int ny = (int)(total / 12), nm = (int)(total % 12) + 1;
	int last = cal_month_days(ny, nm);
	if (d <= last)
		return cal_day(ny, nm, d);
	/* The month is too short for this day (see cal_add). */
	return late ? cal_day(ny, nm, last) + 1 : cal_day(ny, nm, last);
}

long cal_add(long day, struct cal_period p, bool late)
{
	switch (p.unit) {
	case CAL_DAYS:
		return day + p.n;
	case CAL_MONTHS:
		return add_months(day, p.n, late);
	case CAL_YEARS:
		return add_months(day, 12L * p.n, late);
	case CAL_WORKDAYS:
		break;
	}
	/* Whole weeks would be faster, but a holiday can fall in any of them;
	 * n is at most CAL_MAX_PERIOD, so a day-by-day walk stays cheap. */
	long d = day;
	for (int left = p.n; left > 0;) {
		d++;
		if (cal_workday(d))
			left--;
	}
	return d;
}

/* The n-th (1-based) weekday wd of a month; n == -1: the last one. */
static long nth_weekday(int y, int m, int wd, int n)
{
	if (n < 0) {
		long last = cal_day(y, m, cal_month_days(y, m));
		return last - (cal_weekday(last) - wd + 7) % 7;
	}
	long first = cal_day(y, m, 1);
	return first + (wd - cal_weekday(first) + 7) % 7 + 7L * (n - 1);
}

/* A holiday on a fixed date: moved to Friday from a Saturday, to Monday
 * from a Sunday. */
static long observed(int y, int m, int d)
{
	long day = cal_day(y, m, d);
	switch (cal_weekday(day)) {
	case 6:
		return day - 1;
	case 0:
		return day + 1;
	default:
		return day;
	}
}

bool cal_holiday_observed(int y, enum cal_holiday h, long *day)
{
	enum { SUN, MON, TUE, WED, THU, FRI, SAT };
	if (y < CAL_MIN_YEAR || y > CAL_MAX_YEAR)
		return false;
	switch (h) {
	case CAL_NEW_YEAR:
		/* The Friday before New Year's Day 1900 would be in 1899: out of range. */
		if (y == CAL_MIN_YEAR && cal_weekday(cal_day(y, 1, 1)) == SAT)
			return false;
		*day = observed(y, 1, 1);
		return true;
	case CAL_MLK:
		if (y < 1986)   /* Pub. L. 98-144: first observed in 1986 */
			return false;
		*day = nth_weekday(y, 1, MON, 3);
		return true;
	case CAL_WASHINGTON:
		*day = nth_weekday(y, 2, MON, 3);
		return true;
	case CAL_MEMORIAL:
		*day = nth_weekday(y, 5, MON, -1);
		return true;
	case CAL_JUNETEENTH:
		if (y < 2021)   /* Pub. L. 117-17, June 17, 2021 */
			return false;
		*day = observed(y, 6, 19);
		return true;
	case CAL_INDEPENDENCE:
		*day = observed(y, 7, 4);
		return true;
	case CAL_LABOR:
		*day = nth_weekday(y, 9, MON, 1);
		return true;
	case CAL_COLUMBUS:
		*day = nth_weekday(y, 10, MON, 2);
		return true;
	case CAL_VETERANS:
		*day = observed(y, 11, 11);
		return true;
	case CAL_THANKSGIVING:
		*day = nth_weekday(y, 11, THU, 4);
		return true;
	case CAL_CHRISTMAS:
		*day = observed(y, 12, 25);
		return true;
	case CAL_NO_HOLIDAY:
		break;
	}
	return false;
}

enum cal_holiday cal_holiday(long day)
{
	int y, m, d;
	cal_ymd(day, &y, &m, &d);
	/* Only New Year's Day moves across a year: on a Saturday it is observed
	 * on December 31 of the year before. */
	long o;
	if (m == 12 && d == 31 && cal_holiday_observed(y + 1, CAL_NEW_YEAR, &o) && o == day)
		return CAL_NEW_YEAR;
	for (int h = CAL_NEW_YEAR; h <= CAL_CHRISTMAS; h++)
		if (cal_holiday_observed(y, (enum cal_holiday)h, &o) && o == day)
			return (enum cal_holiday)h;
	return CAL_NO_HOLIDAY;
}

const char *cal_holiday_name(enum cal_holiday h)
{
	static const char *const names[] = {
		[CAL_NO_HOLIDAY] = "",
		[CAL_NEW_YEAR] = "New Year's Day",
		[CAL_MLK] = "Birthday of Martin Luther King, Jr.",
		[CAL_WASHINGTON] = "Washington's Birthday",
		[CAL_MEMORIAL] = "Memorial Day",
		[CAL_JUNETEENTH] = "Juneteenth National Independence Day",
		[CAL_INDEPENDENCE] = "Independence Day",
		[CAL_LABOR] = "Labor Day",
		[CAL_COLUMBUS] = "Columbus Day",
		[CAL_VETERANS] = "Veterans Day",
		[CAL_THANKSGIVING] = "Thanksgiving Day",
		[CAL_CHRISTMAS] = "Christmas Day",
	};
	return (unsigned)h <= CAL_CHRISTMAS ? names[h] : "";
}

bool cal_workday(long day)
{
	int w = cal_weekday(day);
	return w != 0 && w != 6 && cal_holiday(day) == CAL_NO_HOLIDAY;
}

bool cal_today(long *day)
{
	const char *env = getenv("REMEDIES_TODAY");
	struct cal_date d;
	if (env && *env && cal_parse(env, &d) == CAL_OK && d.prec == CAL_DATE) {
		*day = cal_day(d.year, d.month, d.day);
		return true;
	}
	/* The person's own calendar day, as their wall clock shows it. */
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm) && cal_valid(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		*day = cal_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	else
		*day = cal_day(2000, 1, 1);
	return !(env && *env);
}
