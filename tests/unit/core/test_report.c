/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <glob.h>

#include "core/answers.h"
#include "core/calendar.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/msg.h"
#include "core/report.h"
#include "core/session.h"
#include "core/text.h"
#include "core/util.h"

/* Guide text as a report prints it (marks dropped, sanitised), with every
 * run of white space made one space, so that wrapping cannot hide a match. */
static char *flat(const char *s)
{
	struct buf b = {0};
	bool space = false;
	buf_adds(&b, "");
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			space = true;
			continue;
		}
		if (space && b.len)
			buf_addc(&b, ' ');
		space = false;
		buf_addc(&b, *s);
	}
	return buf_take(&b);
}

static char *plain_text(const struct guide *g, const lstr *s, const char *lang)
{
	char *safe = guide_text(g, guide_str(g, s, lang), lang, GUIDE_TEXT_PLAIN);
	char *f = flat(safe);
	free(safe);
	return f;
}

static void add(struct buf *b, char *s)
{
	buf_adds(b, s);
	buf_addc(b, '\x01');
	free(s);
}

/* The guide's neutral words in lang: everything a report may print that is
 * not about one person's answers (no choice labels, no question texts), and
 * the program's own messages. A label found in here cannot be told apart
 * from the neutral text, so it is excepted: by construction, not by a list. */
static char *neutral_text(const struct guide *g, const char *lang)
{
	struct buf b = {0};
	add(&b, plain_text(g, &g->title, lang));
	add(&b, plain_text(g, &g->about, lang));
	for (unsigned i = 0; i < g->nremedies; i++) {
		const struct remedy *r = &g->remedies[i];
		const lstr *f[] = {&r->title, &r->summary, &r->who, &r->why_not, &r->note};
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			add(&b, plain_text(g, f[k], lang));
		for (unsigned k = 0; k < r->nsteps; k++)
			add(&b, plain_text(g, &r->steps[k], lang));
		for (unsigned k = 0; k < r->nneed; k++)
			add(&b, plain_text(g, &r->need[k], lang));
		for (unsigned k = 0; k < r->nlimits; k++)
			add(&b, plain_text(g, &r->limits[k], lang));
		for (unsigned k = 0; k < r->ndeadlines; k++)
			add(&b, plain_text(g, &r->deadlines[k].text, lang));
		for (unsigned k = 0; k < r->nwhere; k++)
			add(&b, plain_text(g, &r->where[k].name, lang));
	}
	for (unsigned i = 0; i < g->nnodes; i++)
		if (g->nodes[i].kind == NODE_RESULT)
			add(&b, plain_text(g, &g->nodes[i].text, lang));
	for (unsigned i = 0; i < g->npaths; i++)
		add(&b, plain_text(g, &g->paths[i].title, lang));
	for (unsigned i = 0; i < g->ncitations; i++) {
		add(&b, plain_text(g, &g->citations[i].title, lang));
		add(&b, flat(g->citations[i].cite));
	}
	for (unsigned i = 0; i < g->nterms; i++) {
		add(&b, plain_text(g, &g->terms[i].term, lang));
		add(&b, plain_text(g, &g->terms[i].definition, lang));
	}
	for (int m = 0; m < M_COUNT; m++)
		add(&b, flat(msg(lang, (enum msg_id)m)));
	return buf_take(&b);
}

/* The report as a reader sees it: HTML entities and Markdown escapes
 * undone, white space flattened. */
static char *readable(const char *r, enum report_format f)
{
	struct buf b = {0};
	buf_adds(&b, "");
	for (const char *p = r; *p; p++) {
		if (f == REPORT_MD && *p == '\\' && p[1]) {
			buf_addc(&b, *++p);
		} else if (f == REPORT_HTML && *p == '&') {
			static const char *const ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
			                                     {"&quot;", "\""}, {"&#39;", "'"}};
			size_t k;
			for (k = 0; k < 5; k++)
				if (strncmp(p, ent[k][0], strlen(ent[k][0])) == 0)
					break;
			if (k < 5) {
				buf_adds(&b, ent[k][1]);
				p += strlen(ent[k][0]) - 1;
			} else {
				buf_addc(&b, *p);
			}
		} else if (f == REPORT_HTML && strncmp(p, "<br>", 4) == 0) {
			buf_addc(&b, ' ');
			p += 3;
		} else {
			buf_addc(&b, *p);
		}
	}
	char *t = buf_take(&b);
	char *fl = flat(t);
	free(t);
	return fl;
}

/* Issue 11 item 1: a default report (no include_answers) never quotes the
 * person's answers. For every bundled scenario, every format and every
 * language, none of the labels of the choices answered appears, except a
 * label that is itself part of the guide's neutral text. */
static void test_default_report_never_quotes_answers(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("guide/remedies.yaml", &d);
	assert_non_null(g);
	glob_t gl;
	assert_int_equal(glob("guide/scenarios/*.yaml", 0, NULL, &gl), 0);
	assert_true(gl.gl_pathc >= 10);
	size_t checked = 0, excepted = 0, leaks = 0;
	static const enum report_format formats[] = {REPORT_TXT, REPORT_MD, REPORT_HTML};
	for (unsigned li = 0; li < g->nlanguages; li++) {
		const char *lang = g->languages[li];
		char *neutral = neutral_text(g, lang);
		for (size_t si = 0; si < gl.gl_pathc; si++) {
			struct answers *a = answers_load(gl.gl_pathv[si], g, &d);
			assert_non_null(a);
			struct session *s = session_new(g);
			answers_replay(a, s, false, &d);
			for (size_t fi = 0; fi < 3; fi++) {
				struct report_options o = {.format = formats[fi], .lang = lang,
				                           .width = 78, .header = true,
				                           .include_answers = false, .date = "2026-12-01"};
				char *raw = report_render(s, &o);
				char *rep = readable(raw, formats[fi]);
				for (size_t h = 0; h < session_history_len(s); h++) {
					size_t nc;
					const unsigned *c = session_history_choices(s, h, &nc);
					const struct node *n = &g->nodes[session_history_node(s, h)];
					for (size_t k = 0; k < nc; k++) {
						char *label = plain_text(g, &n->choices[c[k]].label, lang);
						if (!*label || strstr(neutral, label)) {
							excepted++;
						} else {
							checked++;
							if (strstr(rep, label)) {
								leaks++;
								fprintf(stderr, "%s (%s, %s): quotes the answer \"%s\"\n",
								        gl.gl_pathv[si], lang,
								        report_format_ext(formats[fi]), label);
							}
						}
						free(label);
					}
				}
				free(rep);
				free(raw);
			}
			session_free(s);
			answers_free(a);
		}
		free(neutral);
	}
	fprintf(stderr, "labels checked %zu, excepted as neutral text %zu\n", checked, excepted);
	assert_true(checked > excepted);
	assert_int_equal(leaks, 0);
	globfree(&gl);
	guide_free(g);
	diags_free(&d);
}

/* With include_answers the answers are there, as asked. */
static void test_report_with_answers_quotes_them(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("guide/remedies.yaml", &d);
	assert_non_null(g);
	struct answers *a = answers_load("guide/scenarios/01-lpr-face-airport.yaml", g, &d);
	assert_non_null(a);
	struct session *s = session_new(g);
	answers_replay(a, s, false, &d);
	struct report_options o = {.format = REPORT_TXT, .lang = "en", .width = 78,
	                           .header = true, .include_answers = true, .date = "2026-12-01"};
	char *raw = report_render(s, &o);
	char *rep = readable(raw, REPORT_TXT);
	size_t nc = 0, h;
	const unsigned *c = NULL;
	for (h = 0; h < session_history_len(s) && !nc; h++)
		c = session_history_choices(s, h, &nc);
	assert_true(nc > 0);
	char *label = plain_text(g, &g->nodes[session_history_node(s, h - 1)].choices[c[0]].label, "en");
	assert_non_null(strstr(rep, label));
	free(label);
	free(rep);
	free(raw);
	session_free(s);
	answers_free(a);
	guide_free(g);
	diags_free(&d);
}

/* The first page's table of deadlines lists the ones counted from the
 * person's dates: a hearing next week was missing, because the shortest
 * rule of its remedy ("act today") has no date to count from. Found
 * exporting an intake desk's report. */
static void test_glance_table_counts_the_hearing(void **state)
{
	(void)state;
	static const char text[] =
		"guide: \"cbp-biometrics\"\n"
		"answers:\n"
		"  - {node: who, choice: nostatus}\n"
		"  - {node: nationality, choice: not-covered}\n"
		"  - {node: now-q, choice: [removal]}\n"
		"  - {node: hearing-date, date: \"2026-12-10\"}\n"
		"  - {node: where, choice: airport}\n"
		"  - {node: us-state, choice: [tx]}\n"
		"  - {node: when-q, choice: lt2}\n"
		"  - {node: event-date, date: \"2025-03\"}\n"
		"  - {node: case-q, choice: removal}\n"
		"  - {node: records-q, choice: none}\n"
		"  - {node: what, choice: [breach]}\n"
		"  - {node: want, choice: [account]}\n";
	struct diags d = {0};
	struct guide *g = guide_load("guide/remedies.yaml", &d);
	assert_non_null(g);
	struct answers *a = answers_parse(text, sizeof text - 1, "desk.yaml", g, &d);
	assert_non_null(a);
	struct session *s = session_new(g);
	session_set_today(s, cal_day(2026, 12, 1));
	answers_replay(a, s, false, &d);
	assert_true(session_finished(s));
	struct report_options o = {.format = REPORT_TXT, .lang = "en", .width = 200,
	                           .header = true, .date = "2026-12-01"};
	char *rep = report_render(s, &o);
	const char *table = strstr(rep, "== Deadlines at a glance ==");
	assert_non_null(table);
	const char *end = strstr(table + 3, "\n== ");
	assert_non_null(end);
	const char *hearing = strstr(table, "On Thursday, December 10, 2026 (9 days from today)");
	assert_non_null(hearing);
	assert_true(hearing < end);
	free(rep);
	session_free(s);
	answers_free(a);
	guide_free(g);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_glance_table_counts_the_hearing),
		cmocka_unit_test(test_default_report_never_quotes_answers),
		cmocka_unit_test(test_report_with_answers_quotes_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
