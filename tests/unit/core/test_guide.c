/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/check.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/yaml.h"
#include "core/text.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *b = malloc((size_t)n + 1);
	assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
	b[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return b;
}

/* Loads `text` and expects an error containing want, at line:col. */
static void expect_error(const char *text, unsigned line, unsigned col, const char *want)
{
	struct diags d = {0};
	struct guide *g = guide_parse(text, strlen(text), "t.yaml", &d);
	assert_null(g);
	assert_true(d.errors >= 1);
	size_t i = 0;
	while (i < d.n && !strstr(d.v[i].msg, want))
		i++;
	if (i == d.n)
		fail_msg("no message has '%s' (first: '%s')", want, d.v[0].msg);
	assert_int_equal(d.v[i].line, line);
	assert_int_equal(d.v[i].col, col);
	diags_free(&d);
}

static void test_mini_loads(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/guides/mini.yaml", &d);
	assert_non_null(g);
	assert_int_equal(d.errors, 0);
	assert_string_equal(g->id, "mini");
	assert_int_equal(g->nnodes, 7);
	assert_int_equal(g->nlanguages, 2);
	assert_string_equal(g->nodes[g->start].id, "who");
	const struct node *what = &g->nodes[guide_node(g, "what")];
	assert_int_equal(what->kind, NODE_MULTI);
	assert_string_equal(g->nodes[what->next].id, "harm");
	assert_string_equal(guide_str(g, &what->text, "es"), "¿Qué pasó?");
	assert_string_equal(guide_str(g, &what->text, "fr"), "What happened?"); /* fallback */
	const struct remedy *foia = &g->remedies[guide_remedy(g, "foia")];
	assert_int_equal(foia->min_days, 90);
	assert_string_equal(g->citations[foia->citations[0]].cite, "5 U.S.C. § 552(a)(3)(A)");

	struct check_summary sum;
	struct check_options o = {"2026-11-27"};
	guide_check(g, &o, &d, &sum);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	assert_int_equal(sum.missing[1], 0);
	check_summary_free(&sum);
	o.today = "2028-01-01"; /* more than a year after 'verified' */
	guide_check(g, &o, &d, &sum);
	assert_int_equal(d.warnings, 1);
	assert_non_null(strstr(d.v[0].msg, "more than a year ago"));
	check_summary_free(&sum);
	diags_free(&d);
	guide_free(g);
}

static void test_render_marks(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/guides/mini.yaml", &d);
	char *r = guide_render(g, "An [[lpr]] or [[lpr|resident]].", "es");
	assert_string_equal(r, "An " TEXT_MARK_ON "residente permanente (LPR)" TEXT_MARK_OFF " or "
	                       TEXT_MARK_ON "resident" TEXT_MARK_OFF ".");
	free(r);
	guide_free(g);
	diags_free(&d);
}

static void test_errors_have_positions(void **state)
{
	(void)state;
	expect_error("guide: [1, 2\nnodes: 3\n", 2, 6, "YAML syntax");
	expect_error("a: 1\na: 2\n", 2, 1, "duplicate key 'a'");
	expect_error("guide: &x {}\n", 1, 8, "anchors (&x)");
	expect_error("guide: \"\\e[31m\"\n", 1, 8, "control character (U+001B)");
	expect_error("", 1, 1, "the file is empty");
	expect_error("guide:\n  id: x\n  titel: y\n", 3, 3, "did you mean 'title'?");
	/* Found by fuzzing: a list used as a key inside a condition. */
	expect_error("nodes:\n  - {id: a, kind: info, text: t, next: a, when: {x: b, []: c}, "
	             "otherwise: a}\n", 2, 56, "a key must be a plain word");
}

static void test_limits(void **state)
{
	(void)state;
	struct ytree_limits lim = {.max_bytes = 100, .max_depth = 3, .max_nodes = 5};
	struct diags d = {0};
	assert_null(ytree_parse("a: [[[[1]]]]", 12, "t", &lim, &d));
	assert_non_null(strstr(d.v[0].msg, "nesting deeper than 3"));
	diags_free(&d);
	assert_null(ytree_parse("[1, 2, 3, 4, 5, 6]", 18, "t", &lim, &d));
	assert_non_null(strstr(d.v[0].msg, "too many YAML nodes"));
	diags_free(&d);
	char big[200];
	memset(big, 'a', sizeof big);
	assert_null(ytree_parse(big, sizeof big, "t", &lim, &d));
	assert_non_null(strstr(d.v[0].msg, "too large"));
	diags_free(&d);
	/* A million-deep flow sequence is refused at once, not parsed. */
	size_t n = 1000000;
	char *deep = malloc(n);
	memset(deep, '[', n);
	assert_null(ytree_parse(deep, n, "t", NULL, &d));
	assert_non_null(strstr(d.v[0].msg, "nesting deeper than 64"));
	free(deep);
	diags_free(&d);
}

static void test_every_broken_guide_fails(void **state)
{
	(void)state;
	/* The same corpus the CLI test uses, through the library: load + check
	 * must report at least one error for each and never crash. */
	const char *names[] = {"bad-cycle", "bad-alias", "bad-deep", "bad-utf8", "bad-unreachable",
	                       "bad-fact-never-set", "bad-glossary-mark", "bad-no-citation"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char path[128];
		snprintf(path, sizeof path, "tests/guides/%s.yaml", names[i]);
		size_t len;
		char *text = slurp(path, &len);
		struct diags d = {0};
		struct guide *g = guide_parse(text, len, path, &d);
		if (g) {
			struct check_summary sum;
			guide_check(g, NULL, &d, &sum);
			check_summary_free(&sum);
			guide_free(g);
		}
		if (d.errors == 0)
			fail_msg("%s: no error", path);
		diags_free(&d);
		free(text);
	}
}

static void test_cond_eval(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/guides/mini.yaml", &d);
	const struct remedy *pa = &g->remedies[guide_remedy(g, "pa-access")];
	int *facts = calloc(g->nfacts, sizeof *facts);
	for (unsigned i = 0; i < g->nfacts; i++)
		facts[i] = -1;
	assert_false(cond_eval(pa->when, facts));
	facts[guide_fact(g, "status")] = guide_value(g, "lpr");
	assert_true(cond_eval(pa->when, facts));
	facts[guide_fact(g, "status")] = guide_value(g, "visitor");
	assert_false(cond_eval(pa->when, facts));
	free(facts);
	guide_free(g);
	diags_free(&d);
}

/* `alone` is read into the rare part of a choice (a plain choice keeps no
 * `more`), only on a multi-select's choices, only true or false. */
static void test_alone(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/guides/alone.yaml", &d);
	assert_non_null(g);
	assert_int_equal(d.errors, 0);
	const struct node *today = &g->nodes[guide_node(g, "today")];
	const struct choice *none = &today->choices[guide_choice(today, "none")];
	const struct choice *detained = &today->choices[guide_choice(today, "detained")];
	assert_true(choice_alone(none));
	assert_false(choice_alone(detained));
	assert_null(detained->more);
	unsigned with[] = {0, 2}, without[] = {0, 1}, only[] = {2};
	assert_int_equal(guide_alone_clash(today, with, 2), 2);
	assert_int_equal(guide_alone_clash(today, without, 2), -1);
	assert_int_equal(guide_alone_clash(today, only, 1), -1);
	guide_free(g);
	diags_free(&d);
	size_t len;
	char *text = slurp("tests/guides/bad-alone-value.yaml", &len);
	expect_error(text, 30, 16, "'alone' must be true or false, not 'yes'");
	free(text);
	text = slurp("tests/guides/bad-alone-question.yaml", &len);
	expect_error(text, 25, 16, "'alone' belongs on a choice of a multi node");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mini_loads),
		cmocka_unit_test(test_render_marks),
		cmocka_unit_test(test_errors_have_positions),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_every_broken_guide_fails),
		cmocka_unit_test(test_cond_eval),
		cmocka_unit_test(test_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
