/* SPDX-License-Identifier: MIT */
/* Calendar arithmetic for deadlines: dates as whole days, vague dates, and
 * periods in calendar days, months, years or federal working days.
 *
 * A day is an integer: the number of days since 1970-01-01 (day 0) in the
 * proleptic Gregorian calendar. There are no time zones and no clock times:
 * a deadline is a calendar day, and libc's time functions (time zones,
 * daylight saving, 32-bit time_t) are never used for the arithmetic.
 *
 * Working days skip Saturdays, Sundays and the legal public holidays of
 * 5 U.S.C. 6103(a), computed by rule (see cal_holiday). Inauguration Day is
 * a holiday only for federal employees in and around the capital, so it is
 * not counted. */
#ifndef REMEDIES_CALENDAR_H
#define REMEDIES_CALENDAR_H

#include <stdbool.h>

/* The years a date may have: wide enough for any deadline, narrow enough
 * that no arithmetic can overflow. */
#define CAL_MIN_YEAR 1900
#define CAL_MAX_YEAR 2199

bool cal_leap(int year);
/* 28 to 31; 0 for a month outside 1..12. */
int cal_month_days(int year, int month);
/* Whether year-month-day is a day of the calendar within the years above. */
bool cal_valid(int year, int month, int day);
/* Day number of a valid date. */
long cal_day(int year, int month, int day);
/* The date of a day number. */
void cal_ymd(long day, int *year, int *month, int *d);
/* 0 Sunday, 1 Monday, ... 6 Saturday. */
int cal_weekday(long day);

/* What a date answer says: a full date, a month and year, a year, or that
 * the person does not know. */
enum cal_prec { CAL_UNKNOWN, CAL_YEAR, CAL_MONTH, CAL_DATE };
struct cal_date {
	enum cal_prec prec;
	int year, month, day;  /* only the parts prec says are set */
};

enum cal_status {
	CAL_OK = 0,
	CAL_SYNTAX,        /* not a date: "junk", "2024-6-1", "" */
	CAL_NO_SUCH_DAY,   /* shaped like a date that does not exist: 2023-02-29, 2024-13 */
	CAL_RANGE,         /* a year outside CAL_MIN_YEAR..CAL_MAX_YEAR */
};

/* Parses "YYYY-MM-DD", "YYYY-MM", "YYYY" or "unknown" (surrounding blanks
 * are ignored). Nothing else is accepted, so an answers file keeps a date
 * exactly as it was given and reads it back the same. */
enum cal_status cal_parse(const char *s, struct cal_date *out);
/* The canonical text of a date ("2022-06", "unknown"), as cal_parse reads
 * it; out must hold CAL_DATE_MAX bytes. */
#define CAL_DATE_MAX 16
void cal_format(const struct cal_date *d, char out[CAL_DATE_MAX]);
/* The first and the last day a date can mean: June 2022 is June 1 to June
 * 30, 2022. For CAL_UNKNOWN both return false. */
bool cal_earliest(const struct cal_date *d, long *day);
bool cal_latest(const struct cal_date *d, long *day);

/* A period of time the law counts. */
enum cal_unit { CAL_DAYS, CAL_WORKDAYS, CAL_MONTHS, CAL_YEARS };
struct cal_period {
	int n;                 /* 0 .. CAL_MAX_PERIOD */
	enum cal_unit unit;
};
#define CAL_MAX_PERIOD 36600
/* Parses "30d", "90wd", "6m", "2y" (a count and a unit, no blanks). */
bool cal_parse_period(const char *s, struct cal_period *p);
/* "90wd" again; out must hold 16 bytes. */
void cal_format_period(struct cal_period p, char out[16]);

/* Adds a period to a day.
 *
 * Calendar days: day + n. Working days: the n-th working day after `day`
 * (the day itself never counts, as "within 20 days after receipt" reads).
 * Months and years: the same day-of-month n months (12n months) later; when
 * that month is too short (January 31 + 1 month, February 29 + 1 year) the
 * result depends on which side is safe:
 *   - late == false (a deadline that closes a door): the last day of the
 *     shorter month (February 28), never a day later than the law could mean;
 *   - late == true (a wait that opens a door): the first day of the next
 *     month (March 1), never a day earlier than the law could mean.
 * No arithmetic overflows for any valid day and any period up to
 * CAL_MAX_PERIOD, though the result may lie past CAL_MAX_YEAR (where no
 * holiday is known and cal_valid is false). */
long cal_add(long day, struct cal_period p, bool late);

/* The legal public holidays of 5 U.S.C. 6103(a). */
enum cal_holiday {
	CAL_NO_HOLIDAY = 0,
	CAL_NEW_YEAR,
	CAL_MLK,            /* third Monday in January, from 1986 */
	CAL_WASHINGTON,     /* third Monday in February */
	CAL_MEMORIAL,       /* last Monday in May */
	CAL_JUNETEENTH,     /* June 19, from 2021 */
	CAL_INDEPENDENCE,
	CAL_LABOR,          /* first Monday in September */
	CAL_COLUMBUS,       /* second Monday in October */
	CAL_VETERANS,
	CAL_THANKSGIVING,   /* fourth Thursday in November */
	CAL_CHRISTMAS,
};
#define CAL_NHOLIDAYS 11
/* The holiday observed on `day` by federal offices, or CAL_NO_HOLIDAY.
 * A holiday on a Saturday is observed the Friday before (New Year's Day on
 * a Saturday: December 31 of the year before), one on a Sunday the Monday
 * after (5 U.S.C. 6103(b); Executive Order 11582). */
enum cal_holiday cal_holiday(long day);
/* The day holiday h of `year` is observed (which may fall in year - 1);
 * false when the holiday did not exist that year. */
bool cal_holiday_observed(int year, enum cal_holiday h, long *day);
/* The holiday's English name, as 5 U.S.C. 6103(a) calls it. */
const char *cal_holiday_name(enum cal_holiday h);
/* Not a Saturday, a Sunday or an observed holiday. */
bool cal_workday(long day);

/* Today: REMEDIES_TODAY (YYYY-MM-DD) when set and valid, else the local
 * date from the clock. Returns false (and the clock's date in *day) when
 * REMEDIES_TODAY is set but is not a valid date. */
bool cal_today(long *day);

#endif
