/* SPDX-License-Identifier: MIT */
/* Tailored advice on tests/advice/guide.yaml: conditional items, texts in
 * parts, references between remedies, the order of the results (bands,
 * ranks by condition, ties), urgency and "do this first". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/guide.h"
#include "core/guide_load.h"
#include "core/rank.h"
#include "core/report_words.h"
#include "core/search.h"
#include "core/session.h"
#include "core/tailor.h"

static struct guide *G;

static int setup(void **state)
{
	(void)state;
	struct diags d = {0};
	G = guide_load("tests/advice/guide.yaml", &d);
	diags_free(&d);
	return G ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	guide_free(G);
	return 0;
}

static unsigned ch(const char *node, const char *choice)
{
	return (unsigned)guide_choice(&G->nodes[guide_node(G, node)], choice);
}

/* A finished walk: status, detained, then the goals ticked (choice ids of
 * "want", space-separated). */
static struct session *walk(const char *status, const char *held, const char *wants)
{
	struct session *s = session_new(G);
	unsigned c = ch("who", status);
	assert_int_equal(session_answer(s, &c, 1), SESSION_OK);
	c = ch("held", held);
	assert_int_equal(session_answer(s, &c, 1), SESSION_OK);
	unsigned v[3];
	size_t n = 0;
	char *w = strdup(wants);
	for (char *t = strtok(w, " "); t; t = strtok(NULL, " "))
		v[n++] = ch("want", t);
	free(w);
	assert_int_equal(session_answer(s, v, n), SESSION_OK);
	assert_true(session_finished(s));
	return s;
}

static const struct remedy *R(const char *id)
{
	return &G->remedies[guide_remedy(G, id)];
}

/* The ids of the results in order, joined by spaces. */
static char *order(const struct session *s, enum rank_view view)
{
	struct rank_entry *r;
	size_t n = rank_results(s, view, &r);
	static char buf[256];
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strcat(buf, i ? " " : "");
		strcat(buf, G->remedies[r[i].remedy].id);
	}
	free(r);
	return buf;
}

static char *firsts(const struct session *s)
{
	struct rank_entry *r;
	size_t n = rank_results(s, RANK_BEST_FIRST, &r);
	size_t idx[3];
	size_t k = rank_first(r, n, idx);
	static char buf[256];
	buf[0] = '\0';
	for (size_t i = 0; i < k; i++) {
		strcat(buf, i ? " " : "");
		strcat(buf, G->remedies[r[idx[i]].remedy].id);
	}
	free(r);
	return buf;
}

static void test_items_follow_the_facts(void **state)
{
	(void)state;
	struct session *lpr = walk("lpr", "yes", "see money");
	struct session *cit = walk("citizen", "no", "see money");
	struct tailor tl, tc;
	tailor_init(&tl, lpr);
	tailor_init(&tc, cit);
	/* a step only for permanent residents */
	assert_true(tailor_shows(&tl, &R("foia")->steps[1]));
	assert_false(tailor_shows(&tc, &R("foia")->steps[1]));
	/* a deadline, a place and a citation only for some */
	assert_true(tailor_holds(&tl, R("claim")->deadlines[1].when));
	assert_false(tailor_holds(&tc, R("claim")->deadlines[1].when));
	assert_true(tailor_holds(&tl, R("claim")->where[1].when));
	assert_false(tailor_holds(&tc, R("claim")->where[1].when));
	assert_true(tailor_holds(&tc, R("claim")->cite_when[1]));
	/* untailored: everything shows */
	struct tailor all;
	tailor_init_all(&all, G);
	assert_true(tailor_shows(&all, &R("foia")->steps[1]));
	/* the deadline shown first: only those this person sees count */
	assert_ptr_equal(rank_deadline(cit, guide_remedy(G, "claim")), &R("claim")->deadlines[0]);
	session_free(lpr);
	session_free(cit);
}

static void test_text_in_parts(void **state)
{
	(void)state;
	const struct node *res = &G->nodes[guide_node(G, "res-see")];
	assert_int_equal(lstr_nparts(&res->text), 2);
	struct session *v = walk("visitor", "no", "see");
	struct session *c = walk("citizen", "no", "see");
	struct tailor tv, tc;
	tailor_init(&tv, v);
	tailor_init(&tc, c);
	char *a = tailor_text(&tv, &res->text, "en");
	char *b = tailor_text(&tc, &res->text, "es");
	assert_string_equal(a, "Your records: anyone may ask for them.");
	assert_string_equal(b, "Sus registros: cualquiera puede pedirlos.\n\nLos ciudadanos y "
	                       "residentes permanentes también tienen la Ley de Privacidad.");
	free(a);
	free(b);
	/* a conditional text alone: hidden when it does not hold */
	const struct node *un = &G->nodes[guide_node(G, "res-unsure")];
	assert_false(tailor_shows(&tv, &un->text));
	char *e = tailor_text(&tv, &un->text, "en");
	assert_string_equal(e, "");
	free(e);
	/* the text as written, for readers that do not tailor, has every part */
	assert_non_null(strstr(guide_str(G, &res->text, "en"), "Privacy Act"));
	session_free(v);
	session_free(c);
}

static void test_references(void **state)
{
	(void)state;
	struct session *both = walk("citizen", "no", "see money");
	struct session *money = walk("citizen", "no", "money");
	struct tailor tb, tm;
	tailor_init(&tb, both);
	tailor_init(&tm, money);
	const lstr *step0 = &R("claim")->steps[0], *step1 = &R("claim")->steps[1];
	char *x = tailor_text(&tb, step0, "en");
	assert_string_equal(x, "File the claim; ask for your records first (see \"Ask for your "
	                       "records\").");
	free(x);
	x = tailor_text(&tb, step1, "es");
	assert_string_equal(x, "Guarde una copia (vea \"Pida sus registros\").");
	free(x);
	/* not in the list: the words alone, or nothing (brackets and all) */
	x = tailor_text(&tm, step0, "en");
	assert_string_equal(x, "File the claim; ask for your records first.");
	free(x);
	x = tailor_text(&tm, step1, "en");
	assert_string_equal(x, "Keep a copy.");
	free(x);
	assert_true(tailor_refers(&tb, step0, guide_remedy(G, "foia")));
	assert_false(tailor_refers(&tb, step0, guide_remedy(G, "lessons")));
	/* untailored text (no person) reads the words or the title */
	char *r = guide_render(G, guide_str(G, step1, "en"), "en");
	assert_string_equal(r, "Keep a copy (Ask for your records).");
	free(r);
	session_free(both);
	session_free(money);
}

static void test_order_bands_ranks_ties(void **state)
{
	(void)state;
	/* urgent first; then the goals' remedies by rank; then the rest */
	struct session *s = walk("lpr", "yes", "see money");
	assert_string_equal(order(s, RANK_BEST_FIRST), "detention-help claim foia pa-access lessons");
	assert_string_equal(firsts(s), "detention-help claim foia");
	session_free(s);
	/* a citizen: pa-access is rank 1 for citizens, tied with claim; the
	 * shorter deadline (claim: 730 days, pa-access: none) breaks the tie */
	s = walk("citizen", "no", "see money");
	assert_string_equal(order(s, RANK_BEST_FIRST), "claim pa-access foia lessons");
	session_free(s);
	/* only records asked for: the money result is not reached at all */
	s = walk("citizen", "no", "see");
	assert_string_equal(order(s, RANK_BEST_FIRST), "pa-access foia");
	assert_string_equal(firsts(s), "pa-access foia");
	session_free(s);
	/* nothing urgent, no goal: no "do this first" unless ranked 1 or 2 */
	s = walk("visitor", "no", "unsure");
	assert_string_equal(order(s, RANK_BEST_FIRST), "lessons");
	assert_string_equal(firsts(s), "");
	session_free(s);
}

static void test_by_path_keeps_do_first(void **state)
{
	(void)state;
	struct session *s = walk("lpr", "yes", "see money");
	/* grouped by path: records, money, help in the order of their most
	 * urgent deadline (money's 730 days first) */
	assert_string_equal(order(s, RANK_BY_PATH), "claim foia pa-access detention-help lessons");
	assert_string_equal(firsts(s), "detention-help claim foia");
	session_free(s);
}

static void test_urgency_and_why(void **state)
{
	(void)state;
	struct session *s = walk("lpr", "yes", "money");
	struct rank_entry *r;
	size_t n = rank_results(s, RANK_BEST_FIRST, &r);
	assert_true(n >= 2);
	assert_int_equal(r[0].remedy, guide_remedy(G, "detention-help"));
	assert_int_equal(r[0].band, RANK_URGENT);
	assert_int_equal(r[0].urgent_entry, 0);
	char *why = rank_why(s, &r[0], "en", false);
	assert_string_equal(why, "URGENT: Someone detained now should get legal help today.");
	free(why);
	why = rank_why(s, &r[1], "es", true);
	assert_string_equal(why, "Sirve para lo que usted quiere: Recibir dinero.");
	free(why);
	/* a default report never quotes what the person said they want */
	why = rank_why(s, &r[1], "en", false);
	assert_string_equal(why, "It serves one of the aims you gave.");
	free(why);
	char *line = report_first_action(s, &r[1], "en", true);
	assert_string_equal(line, "A claim for money. Why first: It serves what you want: Get "
	                          "money. Deadline: Two years from the harm.");
	free(line);
	free(r);
	session_free(s);
}

/* The order never depends on the order of the walk: Back and a new answer
 * give the same list as a fresh walk. */
/* The goals stated follow Back: a count per goal kept with the answers
 * (not a scan of the whole history for each goal at every ranking). */
static void test_goals_follow_back(void **state)
{
	(void)state;
	struct session *s = walk("citizen", "no", "money see");
	int money = choice_goal(&G->nodes[guide_node(G, "want")].choices[ch("want", "money")]);
	int see = choice_goal(&G->nodes[guide_node(G, "want")].choices[ch("want", "see")]);
	assert_true(money >= 0 && see >= 0 && money != see);
	assert_true(session_goal_stated(s, money));
	assert_true(session_goal_stated(s, see));
	assert_true(session_back(s));
	assert_false(session_goal_stated(s, money));
	assert_false(session_goal_stated(s, see));
	unsigned v = ch("want", "see");
	assert_int_equal(session_answer(s, &v, 1), SESSION_OK);
	assert_false(session_goal_stated(s, money));
	assert_true(session_goal_stated(s, see));
	assert_false(session_goal_stated(s, -1));
	assert_false(session_goal_stated(s, (int)G->ngoals));
	session_restart(s);
	assert_false(session_goal_stated(s, see));
	session_free(s);
}

static void test_order_after_back(void **state)
{
	(void)state;
	struct session *s = walk("citizen", "no", "money");
	assert_true(session_back(s));
	unsigned v[2] = {ch("want", "money"), ch("want", "see")};
	assert_int_equal(session_answer(s, v, 2), SESSION_OK);
	assert_string_equal(order(s, RANK_BEST_FIRST), "claim pa-access foia lessons");
	session_free(s);
}

/* The search sees the same tailored text: a step only permanent residents
 * see is found for them and not for a citizen; untailored, it is found. */
static void test_search_is_tailored(void **state)
{
	(void)state;
	struct session *lpr = walk("lpr", "no", "see");
	struct session *cit = walk("citizen", "no", "see");
	struct tailor tl, tc;
	tailor_init(&tl, lpr);
	tailor_init(&tc, cit);
	struct search_index *xl = search_index_tailored(&tl), *xc = search_index_tailored(&tc);
	struct search_hit *h;
	size_t n = search_find(xl, "green card number", false, &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, SEARCH_REMEDY);
	assert_int_equal(h[0].index, guide_remedy(G, "foia"));
	free(h);
	assert_int_equal(search_find(xc, "green card number", false, &h), 0);
	free(h);
	assert_int_equal(guide_search(G, "green card number", false, &h), 1);
	free(h);
	search_index_free(xl);
	search_index_free(xc);
	session_free(lpr);
	session_free(cit);
}

static void test_conditional_text_in_old_format_message(void **state)
{
	(void)state;
	/* A localised text with `when` but no `text`: one message saying what
	 * to write. */
	static const char src[] =
		"guide: {id: t, title: T, version: '1', reviewed: '2026-11-27', languages: [en],"
		" start: r}\n"
		"paths: [{id: p, title: P}]\n"
		"nodes: [{id: r, kind: result, text: {en: x, when: {a: b}}, remedies: [m]}]\n"
		"remedies: [{id: m, path: p, title: M, summary: S, who: W, steps: [s],"
		" limits: [l], where: [{name: n}], citations: [c]}]\n"
		"citations: [{id: c, cite: C, title: T, url: 'https://example.org', verified:"
		" '2026-11-27', source: s}]\n";
	struct diags d = {0};
	struct guide *g = guide_parse(src, sizeof src - 1, "t.yaml", &d);
	assert_null(g);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "has 'when' but no 'text'"));
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items_follow_the_facts),
		cmocka_unit_test(test_text_in_parts),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_order_bands_ranks_ties),
		cmocka_unit_test(test_by_path_keeps_do_first),
		cmocka_unit_test(test_urgency_and_why),
		cmocka_unit_test(test_order_after_back),
		cmocka_unit_test(test_goals_follow_back),
		cmocka_unit_test(test_search_is_tailored),
		cmocka_unit_test(test_conditional_text_in_old_format_message),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
