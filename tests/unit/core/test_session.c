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

#include "core/guide.h"
#include "core/guide_load.h"
#include "core/rank.h"
#include "core/session.h"
#include "core/util.h"

static const char *here(const struct session *s)
{
	const struct node *n = session_node(s);
	return n ? n->id : "(finished)";
}

static unsigned ch(const char *node, const char *choice)
{
	return (unsigned)guide_choice(&MINI->nodes[guide_node(MINI, node)], choice);
}

static void answer1(struct session *s, const char *choice)
{
	unsigned c = ch(here(s), choice);
	assert_int_equal(session_answer(s, &c, 1), SESSION_OK);
}

/* The remedy ids of the results, in order, joined by spaces. */
static char *results(const struct session *s)
{
	struct session_remedy *r;
	size_t n = rank_grouped(s, &r);
	static char buf[256];
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, MINI->remedies[r[i].remedy].id);
	}
	free(r);
	return buf;
}

static void test_walk_multi_branches(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	assert_string_equal(here(s), "who");
	answer1(s, "lpr");
	assert_string_equal(session_fact(s, "status"), "lpr");
	assert_string_equal(here(s), "what");
	unsigned pick[] = {ch("what", "phone"), ch("what", "face")}; /* any order */
	assert_int_equal(session_answer(s, pick, 2), SESSION_OK);
	assert_string_equal(here(s), "face-info");                 /* guide order: face first */
	assert_int_equal(session_continue(s), SESSION_OK);
	assert_string_equal(here(s), "phone-q");                   /* res-records passed */
	assert_string_equal(results(s), "foia pa-access");
	answer1(s, "kept");
	assert_string_equal(here(s), "harm");                      /* the continuation */
	answer1(s, "no");
	assert_true(session_finished(s));
	/* records (most urgent: 90 days) before money (730); no duplicates */
	assert_string_equal(results(s), "foia pa-access claim");
	assert_int_equal(session_depth(s), 5);
	session_free(s);
}

/* A chain of K multi-selects, each ticked branch going on to the next and
 * never coming back: one open branch frame per step, as in the bench's
 * guide. */
static struct guide *chain_guide(unsigned k)
{
	struct buf b = {0};
	buf_adds(&b, "guide: {id: c, title: t, version: '1', reviewed: '2026-01-01', languages: [en],"
	             " start: m0}\npaths: [{id: p, title: t}]\nnodes:\n");
	for (unsigned i = 0; i < k; i++) {
		char next[16];
		snprintf(next, sizeof next, i + 1 < k ? "m%u" : "r", i + 1);
		buf_printf(&b, "  - {id: m%u, kind: multi, text: t, next: r, choices: "
		           "[{id: a, label: x, set: {f: v%u}, next: %s}, {id: b, label: y, next: r}]}\n",
		           i, i % 3, next);
	}
	buf_adds(&b, "  - {id: r, kind: result, remedies: [n]}\n"
	             "citations: [{id: c, cite: c, title: t, url: 'https://x', verified: '2026-01-01',"
	             " source: s}]\nremedies:\n"
	             "  - {id: n, path: p, title: t, summary: s, who: w, steps: [s], limits: [l],"
	             " where: [{name: n}], citations: [c]}\n");
	struct diags d = {0};
	struct guide *g = guide_parse(b.s, b.len, "chain", &d);
	assert_non_null(g);
	diags_free(&d);
	free(b.s);
	return g;
}

/* Bytes allocated by a walk of the whole chain and by Back all the way. */
static size_t walk_bytes(const struct guide *g)
{
	size_t before = util_alloc_bytes();
	struct session *s = session_new(g);
	unsigned a = 0;
	size_t steps = 0;
	while (!session_finished(s)) {
		assert_int_equal(session_node_index(s), guide_node(g, "m0") + (int)steps);
		assert_int_equal(session_answer(s, &a, 1), SESSION_OK);
		steps++;
	}
	/* Back is exact all the way: each step lands where it was answered. */
	while (steps-- > 0) {
		assert_true(session_back(s));
		assert_int_equal(session_node_index(s), guide_node(g, "m0") + (int)steps);
		assert_int_equal(session_history_len(s), steps);
	}
	assert_false(session_back(s));
	size_t bytes = util_alloc_bytes() - before;
	session_free(s);
	return bytes;
}

/* The cost of a step does not grow with the steps before it. Each step kept
 * a copy of the whole branch stack for Back, one frame per open
 * multi-select: a walk of twice the steps allocated four times the bytes
 * (a 100,000-node walk: 595 s, 5 GB). Counted in bytes, not timed. */
static void test_walk_cost_linear(void **state)
{
	(void)state;
	struct guide *g1 = chain_guide(500), *g2 = chain_guide(1000);
	size_t b1 = walk_bytes(g1), b2 = walk_bytes(g2);
	print_message("walk of 500 steps: %zu bytes; 1000 steps: %zu bytes (%.2fx)\n", b1, b2,
	              (double)b2 / (double)b1);
	assert_true(b2 < b1 * 5 / 2);
	guide_free(g1);
	guide_free(g2);
}

static void test_back_is_exact(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	char nodes[8][32], res[8][128], face[8][8];
	size_t k = 0;
#define SNAP()                                                                      \
	do {                                                                              \
		strcpy(nodes[k], here(s));                                                    \
		strcpy(res[k], results(s));                                                   \
		strcpy(face[k], session_fact(s, "face") ? session_fact(s, "face") : "-");     \
		k++;                                                                          \
	} while (0)
	SNAP();
	answer1(s, "visitor");
	SNAP();
	unsigned pick[] = {ch("what", "face"), ch("what", "phone")};
	assert_int_equal(session_answer(s, pick, 2), SESSION_OK);
	SNAP();
	session_continue(s);
	SNAP();
	answer1(s, "returned");
	SNAP();
	answer1(s, "yes");
	assert_true(session_finished(s));
	assert_string_equal(results(s), "foia claim");
	while (k > 0) {
		assert_true(session_back(s));
		k--;
		assert_string_equal(here(s), nodes[k]);
		assert_string_equal(results(s), res[k]);
		assert_string_equal(session_fact(s, "face") ? session_fact(s, "face") : "-", face[k]);
	}
	assert_false(session_back(s));
	session_free(s);
}

static void test_conditions_and_exclusions(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	answer1(s, "visitor");
	unsigned hidden = ch("what", "lpr-only");
	assert_false(session_choice_visible(s, hidden));
	assert_int_equal(session_answer(s, &hidden, 1), SESSION_BAD_CHOICE);
	unsigned phone = ch("what", "phone");
	assert_int_equal(session_answer(s, &phone, 1), SESSION_OK);
	answer1(s, "returned");
	/* No face photo: the conditional question 'harm' is skipped. */
	assert_true(session_finished(s));
	assert_string_equal(results(s), "foia");
	struct session_exclusion *e;
	size_t n = session_exclusions(s, &e);
	assert_int_equal(n, 1);
	assert_string_equal(MINI->remedies[e[0].remedy].id, "pa-access");
	assert_string_equal(MINI->nodes[e[0].cause_node].id, "who");
	assert_string_equal(MINI->nodes[e[0].cause_node].choices[e[0].cause_choice].id, "visitor");
	free(e);
	session_free(s);
}

static void test_condition_exclusion_names_the_answer(void **state)
{
	(void)state;
	/* A remedy whose own condition fails at the result (not a rules_out) is
	 * traced back to the answer that set the fact it tests. */
	struct session *s = session_new(MINI);
	answer1(s, "visitor");
	unsigned face = ch("what", "face");
	session_answer(s, &face, 1);
	session_continue(s);
	struct session_exclusion *e;
	size_t n = session_exclusions(s, &e);
	assert_int_equal(n, 1);
	assert_string_equal(MINI->nodes[e[0].cause_node].id, "who");
	free(e);
	session_free(s);
}

static void test_counts(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	unsigned two[] = {0, 1};
	assert_int_equal(session_answer(s, two, 2), SESSION_BAD_COUNT);
	assert_int_equal(session_answer(s, two, 0), SESSION_BAD_COUNT);
	assert_int_equal(session_continue(s), SESSION_NOT_INFO);
	answer1(s, "lpr");
	unsigned dup[] = {0, 0};
	assert_int_equal(session_answer(s, dup, 2), SESSION_BAD_CHOICE);
	unsigned out[] = {7};
	assert_int_equal(session_answer(s, out, 1), SESSION_BAD_CHOICE);
	assert_string_equal(here(s), "what");
	assert_int_equal(session_depth(s), 1);
	session_free(s);
}

/* A choice marked alone ("None of these") is taken only on its own: the
 * session refuses it with another, whatever the front end, and nothing
 * changes; on its own, or the others without it, it is an answer. */
static void test_alone_refused_with_another(void **state)
{
	(void)state;
	struct guide *g = load_guide("tests/guides/alone.yaml");
	assert_non_null(g);
	const struct node *today = &g->nodes[guide_node(g, "today")];
	unsigned none = (unsigned)guide_choice(today, "none");
	unsigned hearing = (unsigned)guide_choice(today, "hearing");
	unsigned detained = (unsigned)guide_choice(today, "detained");
	struct session *s = session_new(g);
	unsigned both[] = {hearing, none};
	assert_int_equal(session_answer(s, both, 2), SESSION_ALONE);
	unsigned three[] = {none, detained, hearing};
	assert_int_equal(session_answer(s, three, 3), SESSION_ALONE);
	assert_string_equal(here(s), "today");
	assert_int_equal(session_depth(s), 0);
	assert_int_equal(session_history_len(s), 0);
	assert_null(session_fact(s, "hearing"));
	size_t k;
	assert_null(session_remembered(s, guide_node(g, "today"), &k));
	unsigned two[] = {hearing, detained};
	assert_int_equal(session_answer(s, two, 2), SESSION_OK);
	assert_true(session_back(s));
	assert_int_equal(session_answer(s, &none, 1), SESSION_OK);
	assert_true(session_finished(s));
	session_free(s);
	guide_free(g);
}

static void test_review_change_keeps_later_answers(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	answer1(s, "lpr");
	unsigned pick[] = {ch("what", "face"), ch("what", "phone")};
	session_answer(s, pick, 2);
	session_continue(s);
	answer1(s, "kept");
	answer1(s, "no");
	assert_true(session_finished(s));
	/* Go back to the first question and change it. */
	session_rewind(s, 0);
	assert_string_equal(here(s), "who");
	size_t n;
	const unsigned *rem = session_remembered(s, guide_node(MINI, "who"), &n);
	assert_int_equal(n, 1);
	assert_int_equal(rem[0], ch("who", "lpr"));
	answer1(s, "visitor");
	/* Every later answer still fits, so replay goes all the way. */
	assert_int_equal(session_replay_remembered(s), 4);
	assert_true(session_finished(s));
	assert_string_equal(results(s), "foia claim");
	assert_string_equal(session_fact(s, "status"), "visitor");
	session_free(s);
}

static void test_replay_stops_where_answers_no_longer_fit(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	answer1(s, "lpr");
	unsigned only = ch("what", "lpr-only");
	assert_int_equal(session_answer(s, &only, 1), SESSION_OK);
	assert_true(session_finished(s));  /* no face photo: 'harm' is skipped */
	session_rewind(s, 0);
	answer1(s, "visitor");
	/* 'lpr-only' was the only tick and is hidden for a visitor: replay stops
	 * at 'what'. */
	assert_int_equal(session_replay_remembered(s), 0);
	assert_string_equal(here(s), "what");
	session_free(s);
}

static void test_replay_keeps_ticks_still_offered(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	answer1(s, "lpr");
	unsigned pick[] = {ch("what", "phone"), ch("what", "lpr-only")};
	assert_int_equal(session_answer(s, pick, 2), SESSION_OK);
	answer1(s, "returned");
	assert_true(session_finished(s));
	session_rewind(s, 0);
	answer1(s, "visitor");
	/* The phone tick still applies; the green card one no longer does. */
	assert_int_equal(session_replay_remembered(s), 2);
	assert_true(session_finished(s));
	size_t n;
	const unsigned *c = session_history_choices(s, 1, &n);
	assert_int_equal(n, 1);
	assert_int_equal(c[0], ch("what", "phone"));
	session_free(s);
}

static void test_restart_forgets(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	answer1(s, "lpr");
	session_restart(s);
	assert_string_equal(here(s), "who");
	assert_null(session_fact(s, "status"));
	size_t n;
	assert_null(session_remembered(s, guide_node(MINI, "who"), &n));
	assert_int_equal(session_history_len(s), 0);
	session_free(s);
}

/* A guide where a remedy tests two facts: the answer blamed for ruling it
 * out must be the one that made the condition fail, not merely the first
 * fact set; and an answer's rules_out holds even when a later result offers
 * the remedy. */
static const char compound[] =
	"guide: {id: c, title: t, version: '1', reviewed: '2026-01-01', languages: [en], start: a}\n"
	"paths: [{id: p, title: t}]\n"
	"nodes:\n"
	"  - {id: a, kind: question, text: t, choices: [{id: company, label: x, set: {who: company}, next: b}]}\n"
	"  - id: b\n    kind: question\n    text: t\n    choices:\n"
	"      - {id: il, label: x, set: {state: il}, next: r}\n"
	"      - {id: tx, label: x, set: {state: tx}, next: r}\n"
	"      - {id: sue-cbp, label: x, set: {state: il}, rules_out: [m], next: r}\n"
	"  - {id: r, kind: result, remedies: [m, n]}\n"
	"citations: [{id: c, cite: c, title: t, url: 'https://x', verified: '2026-01-01', source: s}]\n"
	"remedies:\n"
	"  - {id: m, path: p, title: t, summary: s, who: w, steps: [s], limits: [l], where: [{name: n}],"
	" citations: [c], when: {all: [{who: company}, {state: il}]}}\n"
	"  - {id: n, path: p, title: t, summary: s, who: w, steps: [s], limits: [l], where: [{name: n}],"
	" citations: [c]}\n";

static void test_blame_and_rules_out(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_parse(compound, sizeof compound - 1, "compound", &d);
	assert_non_null(g);
	struct session *s = session_new(g);
	unsigned c = 0;
	session_answer(s, &c, 1);
	c = (unsigned)guide_choice(&g->nodes[guide_node(g, "b")], "tx");
	session_answer(s, &c, 1);
	struct session_exclusion *e;
	assert_int_equal(session_exclusions(s, &e), 1);
	assert_string_equal(g->nodes[e[0].cause_node].id, "b");   /* the state, not the company */
	free(e);
	session_back(s);
	c = (unsigned)guide_choice(&g->nodes[guide_node(g, "b")], "sue-cbp");
	session_answer(s, &c, 1);
	struct session_remedy *r;
	assert_int_equal(rank_grouped(s, &r), 1);            /* m is ruled out, n stays */
	assert_string_equal(g->remedies[r[0].remedy].id, "n");
	free(r);
	assert_int_equal(session_exclusions(s, &e), 1);
	assert_string_equal(g->nodes[e[0].node].choices[e[0].choice].id, "sue-cbp");
	free(e);
	session_free(s);
	guide_free(g);
	diags_free(&d);
}

/* An information screen that two ticked branches both reach is shown once;
 * Back still goes exactly the way the walk came. */
static void test_info_screen_once(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/e2e/intake.yaml", &d);
	assert_non_null(g);
	struct session *s = session_new(g);
	unsigned c = 1;
	assert_int_equal(session_answer(s, &c, 1), SESSION_OK);
	unsigned two[2] = {0, 1}; /* face photo and fingerprints: both to kept-info */
	assert_int_equal(session_answer(s, two, 2), SESSION_OK);
	assert_string_equal(session_node(s)->id, "kept-info");
	assert_int_equal(session_continue(s), SESSION_OK);
	assert_true(session_finished(s));
	assert_int_equal(session_history_len(s), 3);
	assert_true(session_back(s));
	assert_string_equal(session_node(s)->id, "kept-info");
	assert_int_equal(session_continue(s), SESSION_OK);
	assert_true(session_finished(s));
	session_rewind(s, 1);
	assert_string_equal(session_node(s)->id, "what");
	/* Ticked apart, once each: the screen still comes once. */
	c = 0;
	assert_int_equal(session_answer(s, &c, 1), SESSION_OK);
	assert_string_equal(session_node(s)->id, "kept-info");
	session_free(s);
	guide_free(g);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_multi_branches),
		cmocka_unit_test(test_back_is_exact),
		cmocka_unit_test(test_walk_cost_linear),
		cmocka_unit_test(test_conditions_and_exclusions),
		cmocka_unit_test(test_condition_exclusion_names_the_answer),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_alone_refused_with_another),
		cmocka_unit_test(test_review_change_keeps_later_answers),
		cmocka_unit_test(test_replay_stops_where_answers_no_longer_fit),
		cmocka_unit_test(test_replay_keeps_ticks_still_offered),
		cmocka_unit_test(test_restart_forgets),
		cmocka_unit_test(test_blame_and_rules_out),
		cmocka_unit_test(test_info_screen_once),
	};
	return cmocka_run_group_tests(tests, guides_setup, guides_teardown);
}
