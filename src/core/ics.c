/* SPDX-License-Identifier: MIT */
/* The computed deadlines as an iCalendar file (RFC 5545), for a calendar
 * program: one all-day event per deadline (ics.h). */
#include "ics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/msg.h"
#include "core/rank.h"
#include "core/report_words.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif

/* RFC 5545 3.1: lines of at most 75 octets, longer ones folded with CRLF
 * and one space. A fold never splits a UTF-8 sequence (3.1: "a
 * multi-octet character must not be split"). */
enum { ICS_LINE = 75 };

static void line(struct buf *b, const char *s)
{
	size_t n = strlen(s), room = ICS_LINE;
	while (n > room) {
		size_t cut = room;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		buf_add(b, s, cut);
		buf_adds(b, "\r\n ");
		s += cut;
		n -= cut;
		room = ICS_LINE - 1;   /* the space counts */
	}
	buf_add(b, s, n);
	buf_adds(b, "\r\n");
}

/* A property with a TEXT value: backslash, semicolon, comma and newline
 * escaped (3.3.11); control characters dropped by text_sanitize first. */
static void text_prop(struct buf *b, const char *name, const char *value)
{
	struct buf v = {0};
	buf_adds(&v, name);
	buf_addc(&v, ':');
	for (const char *p = value; *p; p++) {
		switch (*p) {
		case '\\': buf_adds(&v, "\\\\"); break;
		case ';': buf_adds(&v, "\\;"); break;
		case ',': buf_adds(&v, "\\,"); break;
		case '\n': buf_adds(&v, "\\n"); break;
		case '\r': break;
		default: buf_addc(&v, *p); break;
		}
	}
	line(b, v.s);
	buf_free(&v);
}

static void ymd(long day, char out[16])
{
	int y, m, d;
	cal_ymd(day, &y, &m, &d);
	snprintf(out, 16, "%04d%02d%02d", y, m, d);
}

/* Guide text without glossary marks or control characters. New string. */
static char *clean(const struct guide *g, const lstr *s, const char *lang)
{
	return guide_text(g, guide_str(g, s, lang), lang, GUIDE_TEXT_PLAIN);
}

/* The dates the person gave, in the guide's questions' words: only when the
 * answers were asked for. */
static void dates_given(struct buf *d, const struct session *s, const char *lang)
{
	const struct guide *g = session_guide(s);
	for (size_t i = 0; i < session_history_len(s); i++) {
		const struct cal_date *date = session_history_date(s, i);
		if (!date)
			continue;
		char *q = clean(g, &g->nodes[session_history_node(s, i)].text, lang);
		char *w = deadline_date_text(lang, date);
		buf_printf(d, "\n%s %s", q, w);
		free(w);
		free(q);
	}
}

char *ics_render(const struct session *s, const char *lang, bool include_answers)
{
	const struct guide *g = session_guide(s);
	struct buf b = {0};
	char day[16], stamp[16];
	ymd(session_today(s), stamp);
	line(&b, "BEGIN:VCALENDAR");
	line(&b, "VERSION:2.0");
	line(&b, "PRODID:-//remedies//remedies " VERSION "//EN");
	line(&b, "CALSCALE:GREGORIAN");
	line(&b, "METHOD:PUBLISH");
	char *title = clean(g, &g->title, lang);
	char *calname = xasprintf("%s: %s", title, msg(lang, M_ICS_NAME));
	text_prop(&b, "X-WR-CALNAME", calname);
	free(calname);
	free(title);
	struct tailor t;
	tailor_init(&t, s);
	struct session_remedy *r;
	size_t n = rank_grouped(s, &r);
	for (size_t i = 0; i < n; i++) {
		const struct remedy *rem = &g->remedies[r[i].remedy];
		for (unsigned k = 0; k < rem->ndeadlines; k++) {
			const struct deadline *dl = &rem->deadlines[k];
			if (!tailor_holds(&t, dl->when))
				continue;   /* a deadline that is not this person's */
			struct deadline_eval e;
			deadline_eval(s, dl, &e);
			if (e.state == DL_NOT_COMPUTED || e.state == DL_NO_DATE)
				continue;
			line(&b, "BEGIN:VEVENT");
			/* Stable: the same remedy, deadline and day give the same UID, so
			 * exporting again updates the event instead of adding one; the
			 * day keeps two clients' events apart. */
			ymd(e.due, day);
			char *uid = xasprintf("UID:%s-%s-%u-%s@remedies.invalid", day, rem->id, k, g->id);
			line(&b, uid);
			free(uid);
			char *dts = xasprintf("DTSTAMP:%sT000000Z", stamp);
			line(&b, dts);
			free(dts);
			char *start = xasprintf("DTSTART;VALUE=DATE:%s", day);
			line(&b, start);
			free(start);
			ymd(e.due + 1, day);   /* all day: the end is exclusive (3.6.1) */
			char *end = xasprintf("DTEND;VALUE=DATE:%s", day);
			line(&b, end);
			free(end);
			char *rt = clean(g, &rem->title, lang), *dt = clean(g, &dl->text, lang);
			char *summary = xasprintf("%s%s%s%s: %s", e.state == DL_URGENT ? "[" : "",
			                          e.state == DL_URGENT ? msg(lang, M_DL_URGENT) : "",
			                          e.state == DL_URGENT ? "] " : "", rt, dt);
			text_prop(&b, "SUMMARY", summary);
			struct buf desc = {0};
			char *when = report_deadline_sentence_q(s, dl, lang, include_answers);
			size_t dn = strlen(dt);
			bool stop = dn && strchr(".!?", dt[dn - 1]);
			buf_printf(&desc, "%s%s %s", dt, stop ? "" : ".", when ? when : "");
			if (include_answers)
				dates_given(&desc, s, lang);
			buf_printf(&desc, "\n\n%s", msg(lang, M_DISCLAIMER));
			text_prop(&b, "DESCRIPTION", desc.s);
			buf_free(&desc);
			free(when);
			free(summary);
			free(dt);
			free(rt);
			line(&b, "TRANSP:TRANSPARENT");
			if (e.state == DL_DUE || e.state == DL_URGENT) {
				/* A week's warning before a door closes. */
				line(&b, "BEGIN:VALARM");
				line(&b, "ACTION:DISPLAY");
				line(&b, "TRIGGER;RELATED=START:-P7D");
				text_prop(&b, "DESCRIPTION", msg(lang, M_ICS_REMINDER));
				line(&b, "END:VALARM");
			}
			line(&b, "END:VEVENT");
		}
	}
	free(r);
	line(&b, "END:VCALENDAR");
	return buf_take(&b);
}
