/* SPDX-License-Identifier: MIT */
/* Deadlines as dates. See include/core/deadline.h. */
#include "core/deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

enum date_check deadline_check_date(const struct node *n, const char *text, long today,
                                    struct cal_date *out)
{
	const char *t = text;
	while (*t == ' ' || *t == '\t')
		t++;
	/* "0" is "I don't know": one key in a digits-only field, and "?" is
	 * help everywhere. */
	if (t[0] == '0' && strspn(t + 1, " \t") == strlen(t + 1)) {
		*out = (struct cal_date){.prec = CAL_UNKNOWN};
		return DATE_OK;
	}
	switch (cal_parse(text, out)) {
	case CAL_OK:
		break;
	case CAL_SYNTAX:
		return DATE_SYNTAX;
	case CAL_NO_SUCH_DAY:
		return DATE_NO_SUCH_DAY;
	case CAL_RANGE:
		return DATE_RANGE;
	}
	long first;
	/* "2026" asked in 2026 is fine: some day of it is past. */
	if (n && n->past && cal_earliest(out, &first) && first > today)
		return DATE_FUTURE;
	return DATE_OK;
}

enum msg_id deadline_check_msg(enum date_check c)
{
	switch (c) {
	case DATE_NO_SUCH_DAY:
		return M_DATE_NO_SUCH_DAY;
	case DATE_RANGE:
		return M_DATE_RANGE;
	case DATE_FUTURE:
		return M_DATE_FUTURE;
	case DATE_OK:
	case DATE_SYNTAX:
		break;
	}
	return M_DATE_BAD_SYNTAX;
}

/* The i-th word of a space-separated list message (weekdays, months). */
static void nth_word(struct buf *b, const char *list, int i)
{
	const char *p = list;
	for (; i > 0 && p; i--) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	if (!p)
		return;
	size_t n = strcspn(p, " ");
	buf_add(b, p, n);
}

/* Fills a date template ({weekday}, {day}, {month}, {year}). */
static char *fill(const char *lang, const char *tmpl, int y, int m, int d, int wd)
{
	struct buf b = {0};
	for (const char *p = tmpl; *p;) {
		if (strncmp(p, "{weekday}", 9) == 0) {
			nth_word(&b, msg(lang, M_DATE_WEEKDAYS), wd);
			p += 9;
		} else if (strncmp(p, "{month}", 7) == 0) {
			nth_word(&b, msg(lang, M_DATE_MONTHS), m - 1);
			p += 7;
		} else if (strncmp(p, "{day}", 5) == 0) {
			buf_printf(&b, "%d", d);
			p += 5;
		} else if (strncmp(p, "{year}", 6) == 0) {
			buf_printf(&b, "%d", y);
			p += 6;
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_take(&b);
}

char *deadline_day_text(const char *lang, long day, bool with_weekday)
{
	int y, m, d;
	cal_ymd(day, &y, &m, &d);
	return fill(lang, msg(lang, with_weekday ? M_DATE_LONG : M_DATE_MEDIUM), y, m, d,
	            cal_weekday(day));
}

char *deadline_date_text(const char *lang, const struct cal_date *d)
{
	switch (d->prec) {
	case CAL_DATE:
		return deadline_day_text(lang, cal_day(d->year, d->month, d->day), false);
	case CAL_MONTH:
		return fill(lang, msg(lang, M_DATE_MONTH_YEAR), d->year, d->month, 1, 0);
	case CAL_YEAR:
		return xasprintf("%d", d->year);
	case CAL_UNKNOWN:
		break;
	}
	return xstrdup(msg(lang, M_DATE_UNKNOWN));
}

void deadline_eval(const struct session *s, const struct deadline *dl, struct deadline_eval *out)
{
	*out = (struct deadline_eval){.state = DL_NOT_COMPUTED};
	if (dl->from < 0)
		return;
	/* A deadline shown only to some people (when:) counts only for them. */
	const int *facts = session_facts(s);
	if (!cond_eval(dl->when, facts) || !cond_eval(lstr_when(&dl->text), facts))
		return;
	const struct cal_date *d = session_date(s, dl->from);
	if (!d)
		return;
	bool opens = dl->opens.n > 0;
	long base;
	if (!(opens ? cal_latest(d, &base) : cal_earliest(d, &base))) {
		out->state = DL_NO_DATE;
		return;
	}
	long today = session_today(s);
	out->base = base;
	out->vague = d->prec != CAL_DATE;
	out->due = cal_add(base, dl->period, opens);
	out->left = out->due - today;
	int urgent = session_guide(s)->urgent_days;
	if (opens)
		out->state = out->due < today ? DL_OPENED : DL_WAITING;
	else
		out->state = out->due < today ? DL_PASSED : out->left <= urgent ? DL_URGENT : DL_DUE;
}

static void add_left(struct buf *b, const char *lang, long left)
{
	if (left == 0)
		buf_adds(b, msg(lang, M_DL_TODAY));
	else if (left == 1)
		buf_adds(b, msg(lang, M_DL_ONE_DAY_LEFT));
	else
		buf_printf(b, msg(lang, M_DL_DAYS_LEFT), left);
}

/* msg(lang, id) with one or two %s filled in (messages are checked to keep
 * their placeholders, so the format is safe). */
static void add_msg(struct buf *b, const char *lang, enum msg_id id, const char *a, const char *c)
{
	buf_printf(b, msg(lang, id), a, c);
}

char *deadline_sentence(const struct session *s, const struct deadline *dl, const char *lang)
{
	return deadline_sentence_q(s, dl, lang, true);
}

char *deadline_sentence_q(const struct session *s, const struct deadline *dl, const char *lang,
                          bool quote)
{
	struct deadline_eval e;
	deadline_eval(s, dl, &e);
	if (e.state == DL_NOT_COMPUTED)
		return NULL;
	const struct guide *g = session_guide(s);
	struct buf b = {0};
	if (e.state == DL_NO_DATE) {
		buf_adds(&b, msg(lang, M_DL_NO_DATE));
		return buf_take(&b);
	}
	struct buf left = {0};
	add_left(&left, lang, e.left);
	char *lng = deadline_day_text(lang, e.due, true);
	char *med = deadline_day_text(lang, e.due, false);
	switch (e.state) {
	case DL_DUE:
	case DL_URGENT:
		/* A period of nothing is the date itself (a hearing, a flight):
		 * a day to be ready for, not a filing limit. */
		add_msg(&b, lang, dl->period.n == 0 ? M_DL_ON_DAY : M_DL_FILE_BY, lng, left.s);
		break;
	case DL_PASSED:
		/* A date itself that has gone by (a hearing) is no missed limit
		 * with rare exceptions: it was that day, and it needs a lawyer. */
		add_msg(&b, lang, dl->period.n == 0 ? M_DL_WAS_ON : M_DL_PASSED, med, NULL);
		break;
	case DL_WAITING:
		add_msg(&b, lang, M_DL_OPENS_ON, lng, left.s);
		break;
	case DL_OPENED:
		add_msg(&b, lang, M_DL_OPENED, med, guide_str(g, &dl->opens, lang));
		break;
	case DL_NOT_COMPUTED:
	case DL_NO_DATE:
		break;
	}
	free(lng);
	free(med);
	buf_free(&left);
	if (e.vague && quote) {
		char *base = deadline_day_text(lang, e.base, false);
		buf_adds(&b, "; ");
		add_msg(&b, lang, dl->opens.n ? M_DL_LATEST : M_DL_EARLIEST, base, NULL);
		free(base);
	} else if (e.vague) {
		buf_adds(&b, "; ");
		buf_adds(&b, msg(lang, dl->opens.n ? M_DL_LATEST_GIVEN : M_DL_EARLIEST_GIVEN));
	}
	/* A filing limit that ends on a day offices are closed: the rules that
	 * move it to the next working day differ from law to law, so the day is
	 * shown as it falls, with a warning (issue 13: always the safe date). */
	if ((e.state == DL_DUE || e.state == DL_URGENT) && dl->period.n > 0 && !cal_workday(e.due)) {
		struct buf what = {0};
		int wd = cal_weekday(e.due);
		if (wd == 0 || wd == 6)
			nth_word(&what, msg(lang, M_DATE_WEEKDAYS), wd);
		else
			buf_adds(&what, msg(lang, M_DATE_HOLIDAY));
		buf_adds(&b, "; ");
		add_msg(&b, lang, M_DL_OFF_DAY, what.s, NULL);
		buf_free(&what);
	}
	return buf_take(&b);
}

/* How much a state counts when a remedy has several deadlines. */
static int weight(enum deadline_state st)
{
	static const int w[] = {
		[DL_NOT_COMPUTED] = 0, [DL_NO_DATE] = 1, [DL_WAITING] = 2, [DL_OPENED] = 3,
		[DL_PASSED] = 4, [DL_DUE] = 5, [DL_URGENT] = 6,
	};
	return w[st];
}

int deadline_remedy_pick(const struct session *s, int remedy, enum deadline_state *state,
                         long *due)
{
	const struct remedy *r = &session_guide(s)->remedies[remedy];
	enum deadline_state best = DL_NOT_COMPUTED;
	long when = 0;
	int pick = -1;
	for (unsigned i = 0; i < r->ndeadlines; i++) {
		struct deadline_eval e;
		deadline_eval(s, &r->deadlines[i], &e);
		/* Of two open deadlines the sooner one; of two passed (or opened)
		 * ones the more recent, the one a person can still argue about. */
		bool past = e.state == DL_PASSED || e.state == DL_OPENED;
		if (weight(e.state) > weight(best) ||
		    (e.state != DL_NOT_COMPUTED && e.state == best && (past ? e.due > when : e.due < when))) {
			best = e.state;
			when = e.due;
			pick = (int)i;
		}
	}
	if (state)
		*state = best;
	if (due)
		*due = when;
	return pick;
}

enum deadline_state deadline_remedy_status(const struct session *s, int remedy, long *due)
{
	enum deadline_state st;
	deadline_remedy_pick(s, remedy, &st, due);
	return st;
}
