/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

#include "core/answers.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/rank.h"
#include "core/session.h"
#include "core/util.h"

static void test_full_replay_and_expectations(void **state)
{
	(void)state;
	struct diags d = {0};
	struct answers *a = answers_load("tests/answers/mini-full.yaml", MINI, &d);
	assert_non_null(a);
	assert_true(answers_match_guide(a, MINI, &d));
	struct session *s = session_new(MINI);
	assert_int_equal(answers_replay(a, s, true, &d), 4);
	assert_int_equal(d.errors, 0);
	assert_true(session_finished(s));
	assert_true(answers_check_expectations(a, s, &d));
	assert_string_equal(MINI->nodes[0].id, "who");
	assert_string_equal(a->v[0].note.items[0].text, "A resident: the Privacy Act applies.");
	session_free(s);
	answers_free(a);
	diags_free(&d);
}

/* A long walk's answers load: each answer is read as the parser finishes it
 * and its YAML values are dropped, so the limit on values kept for the
 * file's size does not turn it away ('too many YAML values for the size of
 * the file' after about a thousand answers). A map where a remedy id goes
 * is still an error. */
static void test_long_walk_loads(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_adds(&b, "guide: mini\nanswers:\n");
	for (int i = 0; i < 5000; i++)
		buf_printf(&b, "  - node: n%d\n    choice: %s\n", i, i % 7 ? "c1" : "[c1, c2]");
	struct diags d = {0};
	struct answers *a = answers_parse(b.s, b.len, "long", MINI, &d);
	assert_non_null(a);
	assert_int_equal(d.errors, 0);
	assert_int_equal(a->n, 5000);
	assert_string_equal(a->v[4999].node, "n4999");
	assert_int_equal(a->v[4999].line, 2 + 2 * 4999 + 1);
	assert_int_equal(a->v[0].nchoices, 2);
	assert_string_equal(a->v[0].choices[1], "c2");
	answers_free(a);
	free(b.s);
	static const char bad[] = "guide: mini\nanswers: [{node: who, choice: lpr}]\nexpect: [{a: b}]\n";
	assert_null(answers_parse(bad, sizeof bad - 1, "bad", MINI, &d));
	assert_int_equal(d.errors, 1);
	diags_free(&d);
}

static void test_format_round_trip(void **state)
{
	(void)state;
	struct diags d = {0};
	struct answers *a = answers_load("tests/answers/mini-full.yaml", MINI, &d);
	struct session *s = session_new(MINI);
	answers_replay(a, s, true, &d);
	char *text = answers_format(s);
	struct answers *b = answers_parse(text, strlen(text), "saved", MINI, &d);
	assert_non_null(b);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	assert_true(answers_match_guide(b, MINI, &d));
	assert_int_equal(d.warnings, 0); /* same version and hash */
	struct session *s2 = session_new(MINI);
	assert_int_equal(answers_replay(b, s2, true, &d), 4);
	struct session_remedy *r1, *r2;
	size_t n1 = rank_grouped(s, &r1), n2 = rank_grouped(s2, &r2);
	assert_int_equal(n1, n2);
	assert_memory_equal(r1, r2, n1 * sizeof *r1);
	free(r1);
	free(r2);
	free(text);
	answers_free(a);
	answers_free(b);
	session_free(s);
	session_free(s2);
	/* An empty session still gives a valid file. */
	s = session_new(MINI);
	text = answers_format(s);
	b = answers_parse(text, strlen(text), "empty", MINI, &d);
	assert_non_null(b);
	assert_int_equal(b->n, 0);
	answers_free(b);
	free(text);
	session_free(s);
	diags_free(&d);
}

static void expect_replay_error(const char *file, unsigned line, const char *want)
{
	struct diags d = {0};
	struct answers *a = answers_load(file, MINI, &d);
	struct session *s = session_new(MINI);
	if (a && answers_match_guide(a, MINI, &d))
		answers_replay(a, s, true, &d);
	assert_true(d.errors >= 1);
	size_t i = 0;
	while (i < d.n && !strstr(d.v[i].msg, want))
		i++;
	if (i == d.n)
		fail_msg("%s: no message has '%s' (first: '%s')", file, want, d.v[0].msg);
	assert_int_equal(d.v[i].line, line);
	session_free(s);
	answers_free(a);
	diags_free(&d);
}

static void test_bad_answers(void **state)
{
	(void)state;
	expect_replay_error("tests/answers/bad-wrong-node.yaml", 7, "answer for 'phone-q', but the guide asks 'what' here");
	expect_replay_error("tests/answers/bad-unknown-choice.yaml", 5, "'citizen' is not a choice of 'who'");
	expect_replay_error("tests/answers/bad-wrong-guide.yaml", 2, "these answers are for guide 'other-guide'");
	expect_replay_error("tests/answers/bad-hidden-choice.yaml", 7, "not offered");
	expect_replay_error("tests/answers/bad-key.yaml", 6, "unknown key 'choise' in an answer; did you mean 'choice'?");
}

static void test_changed_guide_resumes_as_far_as_it_fits(void **state)
{
	(void)state;
	struct diags d = {0};
	struct answers *a = answers_load("tests/answers/changed-guide.yaml", MINI, &d);
	assert_true(answers_match_guide(a, MINI, &d));
	assert_int_equal(d.warnings, 1);
	assert_non_null(strstr(d.v[0].msg, "version 0 of the guide"));
	struct session *s = session_new(MINI);
	assert_int_equal(answers_replay(a, s, false, &d), 1);
	assert_int_equal(d.errors, 0);
	assert_string_equal(session_node(s)->id, "what");
	session_free(s);
	answers_free(a);
	diags_free(&d);
}

/* Issue 11 item 15: a guide version holding a newline, a tab or a quote is
 * stored and read back exactly, so saved answers do not claim that the
 * guide has changed. */
static void test_version_round_trips_exactly(void **state)
{
	(void)state;
	FILE *f = fopen("tests/guides/mini.yaml", "rb");
	assert_non_null(f);
	static char text[1 << 16];
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	char *at = strstr(text, "version: \"1\"");
	assert_non_null(at);
	static char edited[1 << 16];
	snprintf(edited, sizeof edited, "%.*sversion: \"1\\n2\\t\\\"x\\\\\"%s", (int)(at - text), text,
	         at + strlen("version: \"1\""));
	struct diags d = {0};
	struct guide *g = guide_parse(edited, strlen(edited), "vn.yaml", &d);
	assert_non_null(g);
	assert_string_equal(g->version, "1\n2\t\"x\\");
	struct session *s = session_new(g);
	unsigned one = 0;
	session_answer(s, &one, 1);
	char *saved = answers_format(s);
	struct answers *a = answers_parse(saved, strlen(saved), "saved", g, &d);
	assert_non_null(a);
	assert_string_equal(a->version, g->version);
	size_t warnings = d.warnings;
	assert_true(answers_match_guide(a, g, &d));
	assert_int_equal(d.warnings, warnings);
	answers_free(a);
	free(saved);
	session_free(s);
	guide_free(g);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_replay_and_expectations),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_long_walk_loads),
		cmocka_unit_test(test_bad_answers),
		cmocka_unit_test(test_changed_guide_resumes_as_far_as_it_fits),
		cmocka_unit_test(test_version_round_trips_exactly),
	};
	return cmocka_run_group_tests(tests, guides_setup, guides_teardown);
}
