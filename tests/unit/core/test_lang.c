/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/guide.h"
#include "core/guide_load.h"
#include "core/lang.h"
#include "core/msg.h"

static void test_from_locale(void **state)
{
	(void)state;
	char l[4];
	assert_true(lang_from_locale("es_ES.UTF-8", l));
	assert_string_equal(l, "es");
	assert_true(lang_from_locale("es_MX", l));
	assert_string_equal(l, "es");
	assert_true(lang_from_locale("en", l));
	assert_string_equal(l, "en");
	assert_true(lang_from_locale("pt-BR", l));
	assert_string_equal(l, "pt");
	assert_true(lang_from_locale("ES_us.utf8@euro", l));
	assert_string_equal(l, "es");
	assert_false(lang_from_locale("C", l));
	assert_false(lang_from_locale("C.UTF-8", l));
	assert_false(lang_from_locale("POSIX", l));
	assert_false(lang_from_locale("", l));
	assert_false(lang_from_locale("x", l));
	assert_false(lang_from_locale("e1_US", l));
}

static void test_env_order(void **state)
{
	(void)state;
	char l[4];
	setenv("LANG", "en_US.UTF-8", 1);
	setenv("LC_MESSAGES", "es_ES.UTF-8", 1);
	unsetenv("LC_ALL");
	assert_true(lang_from_env(l));
	assert_string_equal(l, "es");           /* LC_MESSAGES before LANG */
	setenv("LC_ALL", "C", 1);
	assert_false(lang_from_env(l));         /* LC_ALL wins, and C means no language */
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	assert_true(lang_from_env(l));
	assert_string_equal(l, "en");
	unsetenv("LANG");
	assert_false(lang_from_env(l));
}

/* GNU LANGUAGE: a priority list before the locale, unless the locale is C. */
static void test_env_language_list(void **state)
{
	(void)state;
	char l[LANG_MAX_ASKED][LANG_CODE_SIZE];
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "en_US.UTF-8", 1);
	setenv("LANGUAGE", "pt_BR:es-MX::ES:xx1", 1);
	assert_int_equal(lang_env_list(l, LANG_MAX_ASKED), 3);
	assert_string_equal(l[0], "pt");
	assert_string_equal(l[1], "es");     /* es-MX and ES are one, bad entries skipped */
	assert_string_equal(l[2], "en");     /* then the locale */
	assert_int_equal(lang_env_list(l, 1), 1);
	setenv("LC_ALL", "C", 1);
	assert_int_equal(lang_env_list(l, LANG_MAX_ASKED), 0); /* C: untranslated */
	unsetenv("LC_ALL");
	unsetenv("LANG");
	assert_int_equal(lang_env_list(l, LANG_MAX_ASKED), 2); /* no locale at all */
	assert_string_equal(l[0], "pt");
	unsetenv("LANGUAGE");
	assert_int_equal(lang_env_list(l, LANG_MAX_ASKED), 0);
}

static void test_choose_and_fallback(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/guides/mini.yaml", &d);
	assert_non_null(g);
	bool fell;
	assert_string_equal(lang_choose(g, "es", &fell), "es");
	assert_false(fell);
	assert_string_equal(lang_choose(g, "fr", &fell), "en");
	assert_true(fell);
	assert_string_equal(lang_choose(g, NULL, &fell), "en");
	assert_false(fell);
	/* Any spelling of Spanish is Spanish. */
	static const char *const spanish[] = {"ES", "es-MX", "es_MX", "es_MX.UTF-8", "Es"};
	for (size_t i = 0; i < sizeof spanish / sizeof *spanish; i++) {
		assert_string_equal(lang_choose(g, spanish[i], &fell), "es");
		assert_false(fell);
	}
	/* A priority list: the first the guide has. */
	const char list[3][LANG_CODE_SIZE] = {"pt", "es", "en"};
	assert_string_equal(lang_choose_list(g, list, 3, &fell), "es");
	assert_false(fell);
	assert_string_equal(lang_choose_list(g, list, 1, &fell), "en");
	assert_true(fell);
	guide_free(g);
	diags_free(&d);
}

/* A guide in English and French: the program speaks no French, but the
 * guide does, so French is one of the languages to switch to (the
 * program's own words fall back to English). */
static const char en_fr[] =
	"guide: {id: g, title: {en: T, fr: T}, version: '1', reviewed: '2026-11-27',\n"
	"        languages: [en, fr], start: q}\n"
	"paths: [{id: p, title: {en: P, fr: P}}]\n"
	"nodes:\n"
	"  - {id: q, kind: question, text: {en: Q, fr: Q},\n"
	"     choices: [{id: a, label: {en: A, fr: A}, next: r}]}\n"
	"  - {id: r, kind: result, remedies: [m]}\n"
	"remedies:\n"
	"  - {id: m, path: p, title: {en: M, fr: M}, summary: {en: S, fr: S}, who: {en: W, fr: W},\n"
	"     steps: [{en: X, fr: X}], limits: [{en: L, fr: L}], where: [{name: {en: N, fr: N}}],\n"
	"     citations: [c]}\n"
	"citations: [{id: c, cite: 'C 1', title: {en: C, fr: C}, url: 'https://example.org/c',\n"
	"             verified: '2026-11-27', source: s}]\n";

static void test_switching(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/guides/mini.yaml", &d);
	assert_non_null(g);
	assert_int_equal(lang_count(g), 2);
	assert_string_equal(lang_next(g, "en"), "es");
	assert_string_equal(lang_next(g, "es"), "en");
	assert_string_equal(lang_next(g, "fr"), "es"); /* unknown: from the first */
	assert_string_equal(msg_endonym("en"), "English");
	assert_string_equal(msg_endonym("fr"), "français"); /* not spoken: the list */
	assert_string_equal(msg_endonym("zz"), "zz");
	guide_free(g);
	g = guide_parse(en_fr, sizeof en_fr - 1, "en-fr.yaml", &d);
	if (!g)
		for (size_t i = 0; i < d.n; i++)
			fprintf(stderr, "%s\n", d.v[i].msg);
	assert_non_null(g);
	assert_int_equal(lang_count(g), 2);
	assert_string_equal(lang_next(g, "en"), "fr");
	assert_string_equal(lang_next(g, "fr"), "en");
	guide_free(g);
	diags_free(&d);
}

/* Every word the program says exists in every language it speaks. */
static void test_messages_translated(void **state)
{
	(void)state;
	for (int id = 0; id < M_COUNT; id++) {
		if (!msg_translated("en", (enum msg_id)id) || !msg_translated("es", (enum msg_id)id))
			fail_msg("message %d has no English or no Spanish text", id);
	}
	assert_false(msg_translated("fr", M_BYE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_from_locale),
		cmocka_unit_test(test_env_order),
		cmocka_unit_test(test_env_language_list),
		cmocka_unit_test(test_choose_and_fallback),
		cmocka_unit_test(test_switching),
		cmocka_unit_test(test_messages_translated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
