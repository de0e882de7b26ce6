#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/msg.h"

/* guide/messages.yaml as built in: every message in English and Spanish,
 * the same placeholders in each, no unknown names. */
static void test_messages_file_is_complete(void **state)
{
	(void)state;
	struct diags d = {0};
	size_t errors = msg_check(&d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%u:%u: %s\n", d.v[i].file, d.v[i].line, d.v[i].col, d.v[i].msg);
	assert_int_equal(errors, 0);
	diags_free(&d);
}

static void test_lookup_and_fallback(void **state)
{
	(void)state;
	assert_string_equal(msg("en", M_BYE), "Goodbye. Nothing was saved.");
	assert_string_equal(msg("es", M_BYE), "Adiós. No se guardó nada.");
	assert_string_equal(msg("fr", M_BYE), "Goodbye. Nothing was saved.");
	assert_string_equal(msg(NULL, M_BYE), "Goodbye. Nothing was saved.");
	assert_true(msg_has_language("es"));
	assert_false(msg_has_language("fr"));
	assert_non_null(strstr(msg("es", M_DISCLAIMER), "no asesoría legal"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages_file_is_complete),
		cmocka_unit_test(test_lookup_and_fallback),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	msg_free();
	return rc;
}
