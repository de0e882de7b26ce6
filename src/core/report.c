/* SPDX-License-Identifier: MIT */
#include "core/report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/deadline.h"
#include "core/msg.h"
#include "core/rank.h"
#include "core/report_words.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"
#include "ics.h"

/* One writer, three formats: the report is described once as headings,
 * paragraphs, lists and links, and each format spells them its own way. */
struct writer {
	enum report_format f;
	struct buf *b;
	size_t width;
	const struct guide *g;
	const struct tailor *t;   /* what this person sees of the guide */
	const char *lang;
	const struct session *s;  /* for computed deadlines; NULL: none */
	bool quote;               /* the person's own dates may be quoted */
	bool in_list;
	bool numbered;
	unsigned item;
};

/* Guide text made safe for any output: glossary marks dropped, control and
 * invisible characters replaced. New string. */
static char *clean(const struct guide *g, const char *text, const char *lang)
{
	return guide_text(g, text, lang, GUIDE_TEXT_PLAIN);
}

void report_wrap(struct buf *b, const char *text, size_t first, size_t rest, size_t width)
{
	struct text_line *lines;
	size_t avail = width > rest + 10 ? width - rest : 10;
	size_t n = text_wrap(text, avail, &lines);
	for (size_t i = 0; i < n; i++) {
		size_t ind = i == 0 ? first : rest;
		/* a blank line between paragraphs carries no indent */
		for (size_t k = 0; k < ind && lines[i].len; k++)
			buf_addc(b, ' ');
		buf_add(b, text + lines[i].off, lines[i].len);
		buf_addc(b, '\n');
	}
	free(lines);
}

static void esc_html(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		case '\n': buf_adds(b, "<br>"); break;
		default: buf_addc(b, *s);
		}
	}
}

static void esc_md(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>#|", *s))
			buf_addc(b, '\\');
		buf_addc(b, *s);
		if (*s == '\n')
			buf_adds(b, "  ");
	}
}

static void w_end_list(struct writer *w)
{
	if (!w->in_list)
		return;
	if (w->f == REPORT_HTML)
		buf_adds(w->b, w->numbered ? "</ol>\n" : "</ul>\n");
	else if (w->f == REPORT_MD)
		buf_addc(w->b, '\n');
	w->in_list = false;
}

/* level 1: the report title, 2: a path, 3: a remedy, 4: a field label. */
static void w_heading(struct writer *w, int level, const char *text)
{
	w_end_list(w);
	switch (w->f) {
	case REPORT_ICS:   /* never: report_render hands ICS to ics_render */
	case REPORT_TXT:
		if (level == 1)
			buf_printf(w->b, "%s\n", text);
		else if (level == 2)
			buf_printf(w->b, "\n== %s ==\n", text);
		else if (level == 3) {
			char *t = xasprintf("* %s", text);
			buf_addc(w->b, '\n');
			report_wrap(w->b, t, 0, 2, w->width);
			free(t);
		} else
			buf_printf(w->b, "  %s:\n", text);
		break;
	case REPORT_MD:
		/* exactly one blank line before a heading */
		if (w->b->len >= 1 && w->b->s[w->b->len - 1] == '\n' &&
		    !(w->b->len >= 2 && w->b->s[w->b->len - 2] == '\n'))
			buf_addc(w->b, '\n');
		buf_printf(w->b, "%.*s ", level, "####");
		esc_md(w->b, text);
		buf_adds(w->b, "\n\n");
		break;
	case REPORT_HTML:
		buf_printf(w->b, "<h%d>", level);
		esc_html(w->b, text);
		buf_printf(w->b, "</h%d>\n", level);
		break;
	}
}

static void w_para(struct writer *w, const char *text, size_t indent)
{
	w_end_list(w);
	switch (w->f) {
	case REPORT_ICS:
	case REPORT_TXT: report_wrap(w->b, text, indent, indent, w->width); break;
	case REPORT_MD: esc_md(w->b, text); buf_adds(w->b, "\n\n"); break;
	case REPORT_HTML: buf_adds(w->b, "<p>"); esc_html(w->b, text); buf_adds(w->b, "</p>\n"); break;
	}
}

/* A web address as a link may hold it: every byte outside RFC 3986's
 * characters percent-encoded, so that nothing (a space, <, >, a quote, a
 * backquote) can end the link early in Markdown or HTML and pose as text
 * or as another link. The loader refuses such addresses already; this is
 * the second line of defence. New string. */
static char *url_safe(const char *u)
{
	struct buf b = {0};
	buf_adds(&b, "");
	for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    (*p && strchr("-._~:/?#[]@!$&'()*+,;=%", *p)))
			buf_addc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	return buf_take(&b);
}

static void w_item(struct writer *w, bool numbered, const char *text, const char *raw_url)
{
	char *url = raw_url ? url_safe(raw_url) : NULL;
	if (!w->in_list || w->numbered != numbered) {
		w_end_list(w);
		w->in_list = true;
		w->numbered = numbered;
		w->item = 0;
		if (w->f == REPORT_HTML)
			buf_adds(w->b, numbered ? "<ol>\n" : "<ul>\n");
	}
	w->item++;
	switch (w->f) {
	case REPORT_ICS:
	case REPORT_TXT: {
		char *line = numbered ? xasprintf("%u. %s", w->item, text) : xasprintf("- %s", text);
		report_wrap(w->b, line, 4, numbered ? 7 : 6, w->width);
		/* A web address is never broken across lines: it must still work
		 * when copied from the page. */
		if (url)
			buf_printf(w->b, "%*s%s\n", numbered ? 7 : 6, "", url);
		free(line);
		break;
	}
	case REPORT_MD:
		if (numbered)
			buf_printf(w->b, "%u. ", w->item);
		else
			buf_adds(w->b, "- ");
		esc_md(w->b, text);
		if (url) {
			buf_adds(w->b, ": <");
			buf_adds(w->b, url);
			buf_addc(w->b, '>');
		}
		buf_addc(w->b, '\n');
		break;
	case REPORT_HTML:
		buf_adds(w->b, "<li>");
		esc_html(w->b, text);
		if (url) {
			buf_adds(w->b, ": <a href=\"");
			esc_html(w->b, url);
			buf_adds(w->b, "\">");
			/* A long address may wrap in print, but only after a slash,
			 * never inside a word or at a hyphen: each piece between
			 * slashes is kept whole. */
			buf_adds(w->b, "<span class=\"u\">");
			for (const char *p = url; *p; p++) {
				char one[2] = {*p, '\0'};
				esc_html(w->b, one);
				if (*p == '/' && p[1] && p[1] != '/' && p > url && p[-1] != '/')
					buf_adds(w->b, "</span><wbr><span class=\"u\">");
			}
			buf_adds(w->b, "</span></a>");
		}
		buf_adds(w->b, "</li>\n");
		break;
	}
	free(url);
}

/* Guide text as this person sees it, cleaned; NULL when not shown. */
static char *tclean(const struct writer *w, const lstr *s)
{
	if (!tailor_shows(w->t, s))
		return NULL;
	char *raw = tailor_text(w->t, s, w->lang);
	char *c = clean(w->g, raw, w->lang);
	free(raw);
	return c;
}

static void w_guide_para(struct writer *w, const lstr *s, size_t indent)
{
	char *t = tclean(w, s);
	if (t)
		w_para(w, t, indent);
	free(t);
}

static unsigned shown_count(const struct writer *w, const lstr *items, unsigned n)
{
	unsigned k = 0;
	for (unsigned i = 0; i < n; i++)
		k += tailor_shows(w->t, &items[i]);
	return k;
}

static void w_guide_list(struct writer *w, const lstr *items, unsigned n, bool numbered)
{
	for (unsigned i = 0; i < n; i++) {
		char *t = tclean(w, &items[i]);
		if (t)
			w_item(w, numbered, t, NULL);
		free(t);
	}
	w_end_list(w);
}

static void w_remedy(struct writer *w, int remedy, bool urgent)
{
	const struct guide *g = w->g;
	const char *lang = w->lang;
	const struct remedy *r = &g->remedies[remedy];
	char *title = clean(g, guide_str(g, &r->title, lang), lang);
	/* A mark in words, not only a colour: it survives print and screen
	 * readers. Urgent: core/rank.h (the guide's urgent situations and
	 * deadlines computed as near); passed: a computed deadline is past. */
	enum deadline_state st = w->s ? deadline_remedy_status(w->s, remedy, NULL) : DL_NOT_COMPUTED;
	if (urgent || st == DL_URGENT || st == DL_PASSED) {
		char *marked = xasprintf("[%s] %s", msg(lang, urgent || st == DL_URGENT ? M_DL_URGENT
		                                                                        : M_DL_PASSED_MARK),
		                         title);
		free(title);
		title = marked;
	}
	w_heading(w, 3, title);
	free(title);
	w_guide_para(w, &r->summary, 2);
	if (tailor_shows(w->t, &r->who)) {
		w_heading(w, 4, msg(lang, M_WHO));
		w_guide_para(w, &r->who, 4);
	}
	bool any = false;
	for (unsigned i = 0; i < r->ndeadlines; i++) {
		const struct deadline *d = &r->deadlines[i];
		char *t = tailor_holds(w->t, d->when) ? tclean(w, &d->text) : NULL;
		if (t && !any)
			w_heading(w, 4, msg(lang, M_DEADLINES));
		any = any || t;
		char *when = t && w->s ? report_deadline_sentence_q(w->s, d, lang, w->quote) : NULL;
		if (when) {
			char *both = xasprintf("%s %s.", t, when);
			free(t);
			t = both;
		}
		if (t)
			w_item(w, false, t, NULL);
		free(when);
		free(t);
	}
	if (shown_count(w, r->steps, r->nsteps)) {
		w_heading(w, 4, msg(lang, M_STEPS));
		w_guide_list(w, r->steps, r->nsteps, true);
	}
	if (shown_count(w, r->need, r->nneed)) {
		w_heading(w, 4, msg(lang, M_NEED));
		w_guide_list(w, r->need, r->nneed, false);
	}
	if (shown_count(w, r->limits, r->nlimits)) {
		w_heading(w, 4, msg(lang, M_LIMITS));
		w_guide_list(w, r->limits, r->nlimits, false);
	}
	any = false;
	for (unsigned i = 0; i < r->nwhere; i++) {
		const struct place *p = &r->where[i];
		char *t = tailor_holds(w->t, p->when) ? tclean(w, &p->name) : NULL;
		if (t && !any)
			w_heading(w, 4, msg(lang, M_WHERE));
		any = any || t;
		char *u = t && p->url ? text_sanitize(p->url, false, false) : NULL;
		if (t)
			w_item(w, false, t, u);
		free(u);
		free(t);
	}
	any = false;
	for (unsigned i = 0; i < r->ncitations; i++) {
		if (r->cite_when && !tailor_holds(w->t, r->cite_when[i]))
			continue;
		if (!any)
			w_heading(w, 4, msg(lang, M_CITATIONS));
		any = true;
		const struct citation *c = &g->citations[r->citations[i]];
		char *t = clean(g, guide_str(g, &c->title, lang), lang);
		char *raw = xasprintf("%s. %s (%s %s)", c->cite, t, msg(lang, M_VERIFIED), c->verified);
		char *item = text_sanitize(raw, false, false);
		char *u = text_sanitize(c->url, false, false);
		w_item(w, false, item, u);
		free(u);
		free(item);
		free(raw);
		free(t);
	}
	w_end_list(w);
}

void report_remedy_session_text(struct buf *b, const struct session *s, int remedy,
                                const char *lang, size_t width)
{
	struct tailor t;
	tailor_init(&t, s);
	struct writer w = {.f = REPORT_TXT, .b = b, .width = width ? width : REPORT_WIDTH,
	                   .g = session_guide(s), .t = &t, .lang = lang, .s = s,
	                   .quote = true};
	size_t start = b->len;
	w_remedy(&w, remedy, false);
	if (b->s && b->len > start && b->s[start] == '\n') {
		memmove(b->s + start, b->s + start + 1, b->len - start);
		b->len--;
	}
}

void report_remedy_text(struct buf *b, const struct guide *g, int remedy, const char *lang,
                        size_t width)
{
	struct tailor t;
	tailor_init_all(&t, g);
	struct writer w = {.f = REPORT_TXT, .b = b, .width = width ? width : REPORT_WIDTH, .g = g, .t = &t,
	                   .lang = lang};
	size_t start = b->len;
	w_remedy(&w, remedy, false);
	/* The heading writer starts a remedy with a blank line; a detail view
	 * does not want it. */
	if (b->s && b->len > start && b->s[start] == '\n') {
		memmove(b->s + start, b->s + start + 1, b->len - start);
		b->len--;
	}
}

static void w_first(struct writer *w, const struct session *s, const struct rank_entry *v,
                    size_t n, bool personal)
{
	size_t idx[3];
	size_t k = rank_first(v, n, idx);
	if (!k)
		return;
	w_heading(w, 2, msg(w->lang, M_DO_FIRST));
	for (size_t i = 0; i < k; i++) {
		char *line = report_first_action(s, &v[idx[i]], w->lang, personal);
		w_item(w, true, line, NULL);
		free(line);
	}
	w_end_list(w);
}

static void today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A two-column table (the deadlines at a glance): rows of already clean
 * text; in plain text one item per row. */
static void w_table(struct writer *w, const char *h1, const char *h2, char **c1, char **c2,
                    size_t n)
{
	w_end_list(w);
	switch (w->f) {
	case REPORT_HTML:
		buf_adds(w->b, "<table>\n<tr><th>");
		esc_html(w->b, h1);
		buf_adds(w->b, "</th><th>");
		esc_html(w->b, h2);
		buf_adds(w->b, "</th></tr>\n");
		for (size_t i = 0; i < n; i++) {
			buf_adds(w->b, "<tr><td>");
			esc_html(w->b, c1[i]);
			buf_adds(w->b, "</td><td>");
			esc_html(w->b, c2[i]);
			buf_adds(w->b, "</td></tr>\n");
		}
		buf_adds(w->b, "</table>\n");
		break;
	case REPORT_MD:
		buf_adds(w->b, "| ");
		esc_md(w->b, h1);
		buf_adds(w->b, " | ");
		esc_md(w->b, h2);
		buf_adds(w->b, " |\n|---|---|\n");
		for (size_t i = 0; i < n; i++) {
			buf_adds(w->b, "| ");
			esc_md(w->b, c1[i]);
			buf_adds(w->b, " | ");
			esc_md(w->b, c2[i]);
			buf_adds(w->b, " |\n");
		}
		buf_addc(w->b, '\n');
		break;
	default:
		for (size_t i = 0; i < n; i++) {
			char *line = xasprintf("%s: %s", c1[i], c2[i]);
			w_item(w, false, line, NULL);
			free(line);
		}
		w_end_list(w);
	}
}

/* The summary's table: each remedy in the ranked order that has a deadline
 * counted for this person, with that deadline. */
static void w_deadline_table(struct writer *w, const struct session *s, const struct rank_entry *r,
                             size_t n)
{
	char **c1 = xcalloc(n + 1, sizeof *c1), **c2 = xcalloc(n + 1, sizeof *c2);
	size_t rows = 0;
	for (size_t i = 0; i < n; i++) {
		/* The deadline counted from the person's dates (the one the
		 * screen shows first), not the shortest rule: "act today" has no
		 * date, and the hearing date next week was left out. */
		int pick = deadline_remedy_pick(s, r[i].remedy, NULL, NULL);
		const struct deadline *d = pick >= 0 ? &w->g->remedies[r[i].remedy].deadlines[pick]
		                                     : rank_deadline(s, r[i].remedy);
		char *when = d ? report_deadline_sentence_q(s, d, w->lang, w->quote) : NULL;
		if (!when)
			continue;
		c1[rows] = clean(w->g, guide_str(w->g, &w->g->remedies[r[i].remedy].title, w->lang),
		                 w->lang);
		c2[rows++] = when;
	}
	w_heading(w, 2, msg(w->lang, M_REPORT_DEADLINE_TABLE));
	if (rows)
		w_table(w, msg(w->lang, M_REPORT_COL_REMEDY), msg(w->lang, M_REPORT_COL_DEADLINE), c1, c2,
		        rows);
	else
		w_para(w, msg(w->lang, M_REPORT_NO_DEADLINES), 0);
	for (size_t i = 0; i < rows; i++) {
		free(c1[i]);
		free(c2[i]);
	}
	free(c1);
	free(c2);
}

static void w_header(struct writer *w, const struct session *s, const struct report_options *o)
{
	const struct guide *g = w->g;
	char date[11];
	if (o->date)
		snprintf(date, sizeof date, "%s", o->date);
	else
		today(date);
	char *title = clean(g, guide_str(g, &g->title, w->lang), w->lang);
	w_heading(w, 1, msg(w->lang, M_REPORT_TITLE));
	w_para(w, title, 0);
	char *meta = xasprintf("%s: %s. %s: %s %s (%s %s). %s: %s.", msg(w->lang, M_REPORT_DATE),
	                       date, msg(w->lang, M_REPORT_GUIDE), g->id, g->version,
	                       msg(w->lang, M_REPORT_REVIEWED), g->reviewed,
	                       msg(w->lang, M_REPORT_LANGUAGE), w->lang);
	char *safe = text_sanitize(meta, false, false);
	w_para(w, safe, 0);
	free(safe);
	free(meta);
	if (o->case_ref && *o->case_ref) {
		/* Typed by the volunteer for this report; it lives only here. */
		char *line = xasprintf("%s: %s", msg(w->lang, M_REPORT_CASE), o->case_ref);
		char *c = text_sanitize(line, false, false);
		w_para(w, c, 0);
		free(c);
		free(line);
	}
	free(title);
	(void)s;
}

/* The situation in the guide's own neutral words: the text of each result
 * reached, as this person sees it, not the person's answers. */
static void w_situation(struct writer *w, const struct session *s)
{
	char **items;
	size_t n = report_framing(s, w->lang, &items);
	if (n)
		w_heading(w, 2, msg(w->lang, M_REPORT_SITUATION));
	for (size_t i = 0; i < n; i++) {
		w_item(w, false, items[i], NULL);
		free(items[i]);
	}
	free(items);
	w_end_list(w);
}

static void w_answers(struct writer *w, const struct session *s)
{
	const struct guide *g = w->g;
	w_heading(w, 2, msg(w->lang, M_REPORT_ANSWERS));
	w_para(w, msg(w->lang, M_REPORT_PRIVATE), 0);
	for (size_t i = 0; i < session_history_len(s); i++) {
		size_t nc;
		const unsigned *c = session_history_choices(s, i, &nc);
		const struct node *n = &g->nodes[session_history_node(s, i)];
		const struct cal_date *date = session_history_date(s, i);
		if (date) {
			/* Dates exactly as given, vague ones too. */
			char *q = clean(g, guide_str(g, &n->text, w->lang), w->lang);
			char *words = deadline_date_text(w->lang, date);
			char *line = xasprintf("%s -> %s", q, words);
			char *safe = text_sanitize(line, false, false);
			w_item(w, false, safe, NULL);
			free(safe);
			free(line);
			free(words);
			free(q);
			continue;
		}
		if (!nc)
			continue;
		struct buf a = {0};
		char *q = clean(g, guide_str(g, &n->text, w->lang), w->lang);
		buf_printf(&a, "%s ", q);
		for (size_t j = 0; j < nc; j++) {
			char *l = clean(g, guide_str(g, &n->choices[c[j]].label, w->lang), w->lang);
			buf_printf(&a, "%s%s", j ? "; " : "-> ", l);
			free(l);
		}
		w_item(w, false, a.s, NULL);
		buf_free(&a);
		free(q);
	}
	w_end_list(w);
}

static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<title>%s</title>\n<style>\n"
	"body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;"
	"padding:0 1em;line-height:1.45;color:#111;background:#fff}\n"
	"h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;border-bottom:1px solid #999;"
	"margin-top:1.6em}h3{font-size:1.1em;margin-bottom:.3em}h4{font-size:1em;margin:.8em 0 .2em}\n"
	".disclaimer{border:2px solid #333;padding:.5em .8em;font-weight:bold}\n"
	"a{color:#0645ad}.u{white-space:nowrap}\n"
	"table{border-collapse:collapse;width:100%%}th,td{border:1px solid #999;padding:.3em .5em;"
	"text-align:left;vertical-align:top}\n"
	"@media print{body{margin:0;max-width:none;font-size:11pt}a{color:#000}"
	"a[href]:after{content:''}h2,h3{page-break-after:avoid}li,tr,p{page-break-inside:avoid}"
	".summary{page-break-after:always}}\n"
	"</style>\n</head>\n<body>\n";

char *report_render(const struct session *s, const struct report_options *o)
{
	const struct guide *g = session_guide(s);
	struct buf b = {0};
	if (o->format == REPORT_ICS)
		return ics_render(s, o->lang, o->include_answers);
	/* The plain front end (no header) is the person's own screen; a
	 * report file quotes their dates only when asked. */
	struct tailor t;
	tailor_init(&t, s);
	struct writer w = {.f = o->format, .b = &b, .width = o->width ? o->width : REPORT_WIDTH, .g = g,
	                   .t = &t, .lang = o->lang, .s = s,
	                   .quote = o->include_answers || !o->header};
	if (o->format == REPORT_HTML) {
		struct buf t = {0};
		esc_html(&t, msg(o->lang, M_REPORT_TITLE));
		char *lang = text_sanitize(o->lang, false, true);
		buf_printf(&b, html_head, lang, t.s);
		free(lang);
		buf_free(&t);
	}
	if (o->header) {
		if (o->format == REPORT_HTML)
			buf_adds(&b, "<section class=\"summary\">\n");
		w_header(&w, s, o);
	} else {
		char *title = clean(g, guide_str(g, &g->title, o->lang), o->lang);
		w_heading(&w, 1, msg(o->lang, M_RESULTS));
		w_para(&w, title, 0);
		free(title);
	}
	if (o->format == REPORT_HTML)
		buf_adds(&b, "<div class=\"disclaimer\">");
	w_para(&w, msg(o->lang, M_DISCLAIMER), 0);
	if (o->format == REPORT_HTML)
		buf_adds(&b, "</div>\n");

	struct rank_entry *r;
	size_t n = rank_results(s, RANK_BEST_FIRST, &r);
	if (o->header) {
		/* The first page: what to do first and by when; the detail after. */
		w_first(&w, s, r, n, o->include_answers);
		w_deadline_table(&w, s, r, n);
		if (o->format == REPORT_HTML)
			buf_adds(&b, "</section>\n");
		w_situation(&w, s);
	} else {
		w_situation(&w, s);
		w_first(&w, s, r, n, o->include_answers);
	}
	if (!n)
		w_para(&w, msg(o->lang, M_NO_RESULTS), 0);
	else
		w_heading(&w, 2, msg(o->lang, M_RANKED));
	for (size_t i = 0; i < n; i++)
		w_remedy(&w, r[i].remedy, r[i].band == RANK_URGENT);
	free(r);

	struct session_exclusion *e;
	size_t ne = session_exclusions(s, &e);
	if (ne)
		w_heading(&w, 2, msg(o->lang, M_RULED_OUT));
	for (size_t i = 0; i < ne; i++) {
		const struct remedy *rem = &g->remedies[e[i].remedy];
		char *t = clean(g, guide_str(g, &rem->title, o->lang), o->lang);
		/* The person's own answer is personal data: quoted only when the
		 * answers were asked for. Otherwise the reason stays general and
		 * the guide's neutral why_not text, tailored, says the rest. */
		char *why = o->include_answers ? report_exclusion_reason(g, &e[i], o->lang)
		                               : xstrdup(msg(o->lang, M_RULED_OUT_COND));
		char *wn = tclean(&w, &rem->why_not);
		char *line = wn ? xasprintf("%s: %s. %s", t, why, wn) : xasprintf("%s: %s.", t, why);
		w_item(&w, false, line, NULL);
		free(line);
		free(wn);
		free(why);
		free(t);
	}
	w_end_list(&w);
	free(e);
	if (o->include_answers)
		w_answers(&w, s);
	if (o->format == REPORT_TXT)
		buf_addc(&b, '\n');
	w_para(&w, msg(o->lang, M_GET_HELP), 0);
	if (o->format == REPORT_HTML)
		buf_adds(&b, "<div class=\"disclaimer\">");
	w_para(&w, msg(o->lang, M_DISCLAIMER), 0);
	if (o->format == REPORT_HTML)
		buf_adds(&b, "</div>\n</body>\n</html>\n");
	return buf_take(&b);
}

char *report_text(const struct session *s, const char *lang, size_t width)
{
	struct report_options o = {.format = REPORT_TXT, .lang = lang, .width = width,
	                           .header = false, .include_answers = false};
	return report_render(s, &o);
}

bool report_format_parse(const char *name, enum report_format *out)
{
	if (strcmp(name, "txt") == 0 || strcmp(name, "text") == 0)
		*out = REPORT_TXT;
	else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*out = REPORT_MD;
	else if (strcmp(name, "html") == 0)
		*out = REPORT_HTML;
	else if (strcmp(name, "ics") == 0 || strcmp(name, "ical") == 0)
		*out = REPORT_ICS;
	else
		return false;
	return true;
}

const char *report_format_ext(enum report_format f)
{
	return f == REPORT_MD ? "md" : f == REPORT_HTML ? "html" : f == REPORT_ICS ? "ics" : "txt";
}
