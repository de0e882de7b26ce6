#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "guide.h"
#include "lang.h"

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
	guide_free(g);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_from_locale),
		cmocka_unit_test(test_env_order),
		cmocka_unit_test(test_choose_and_fallback),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
