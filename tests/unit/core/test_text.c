/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/text.h"

static char *line_of(const char *s, const struct text_line *l)
{
	char *r = malloc(l->len + 1);
	memcpy(r, s + l->off, l->len);
	r[l->len] = '\0';
	return r;
}

static void assert_wrap(const char *s, size_t width, const char *const *want, size_t nwant)
{
	struct text_line *l;
	size_t n = text_wrap(s, width, &l);
	assert_int_equal(n, nwant);
	for (size_t i = 0; i < n; i++) {
		char *got = line_of(s, &l[i]);
		assert_string_equal(got, want[i]);
		assert_true(l[i].width <= width);
		free(got);
	}
	free(l);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("Petición"), 8);
	assert_int_equal(text_width("e\xcc\x81"), 1);            /* e + combining acute */
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("👍"), 2);
	assert_int_equal(text_width(TEXT_MARK_ON "FOIA" TEXT_MARK_OFF), 4);
}

static void test_wrap_spanish(void **state)
{
	(void)state;
	const char *want[] = {"La petición de", "configuración", "está lista,", "señor Muñoz."};
	assert_wrap("La petición de configuración está lista, señor Muñoz.", 16, want, 4);
}

static void test_wrap_cjk_never_splits_wide(void **state)
{
	(void)state;
	const char *want[] = {"日本語の", "テキスト", "を折り返", "します"};
	assert_wrap("日本語のテキストを折り返します", 9, want, 4);
}

static void test_wrap_cjk_punctuation_stays_on_its_line(void **state)
{
	(void)state;
	/* "。" may not start a line: the break goes before the character it
	 * follows instead. */
	const char *want[] = {"日本", "語。"};
	assert_wrap("日本語。", 6, want, 2);
}

static void test_wrap_long_word_and_newlines(void **state)
{
	(void)state;
	const char *want[] = {"supercalif", "ragilistic", "o"};
	assert_wrap("supercalifragilistico", 10, want, 3);
	const char *want2[] = {"a", "", "b c"};
	assert_wrap("a\n\nb c", 10, want2, 3);
	const char *want3[] = {""};
	assert_wrap("", 10, want3, 1);
}

static void test_wrap_combining_stays_with_base(void **state)
{
	(void)state;
	/* Twelve "e" + U+0301: the marks must never start a line. */
	char s[64] = "";
	for (int i = 0; i < 12; i++)
		strcat(s, "e\xcc\x81");
	struct text_line *l;
	size_t n = text_wrap(s, 10, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].width, 10);
	assert_int_equal(l[1].width, 2);
	assert_int_equal((unsigned char)s[l[1].off], 'e');
	free(l);
}

static void test_fit(void **state)
{
	(void)state;
	size_t used;
	/* "Petició" is 8 bytes and 7 columns: the cut never halves the ó. */
	assert_int_equal(text_fit("Petición", strlen("Petición"), 7, &used), 8);
	assert_int_equal(used, 7);
	assert_int_equal(text_fit("日本", 6, 3, &used), 3);
	assert_int_equal(used, 2);
}

static void test_sanitize(void **state)
{
	(void)state;
	char *s = text_sanitize("a\x1b[31mb\tc\xe2\x80\xae" "d\x07", false, false);
	assert_string_equal(s, "a\xef\xbf\xbd[31mb c\xef\xbf\xbd" "d\xef\xbf\xbd");
	free(s);
	s = text_sanitize("ok\xff", false, false);                /* invalid UTF-8 */
	assert_string_equal(s, "ok\xef\xbf\xbd");
	free(s);
	s = text_sanitize("Petición", false, true);
	assert_string_equal(s, "Petici?n");
	free(s);
	s = text_sanitize(TEXT_MARK_ON "x" TEXT_MARK_OFF, false, false);
	assert_string_equal(s, "\xef\xbf\xbdx\xef\xbf\xbd");      /* marks are not trusted from input */
	free(s);
	s = text_sanitize(TEXT_MARK_ON "x" TEXT_MARK_OFF, true, false);
	assert_string_equal(s, TEXT_MARK_ON "x" TEXT_MARK_OFF);
	free(s);
}

static void test_check(void **state)
{
	(void)state;
	size_t off;
	int32_t cp;
	assert_int_equal(text_check("fine\ttext\n", 10, &off, &cp), TEXT_OK);
	assert_int_equal(text_check("ab\x1b", 3, &off, &cp), TEXT_CONTROL);
	assert_int_equal(off, 2);
	assert_int_equal(cp, 0x1b);
	assert_int_equal(text_check("a\0b", 3, &off, &cp), TEXT_NUL);
	assert_int_equal(text_check("\xc2\x9b", 2, &off, &cp), TEXT_CONTROL);
	assert_int_equal(text_check("\xe2\x80\xae", 3, &off, &cp), TEXT_FORBIDDEN);
	assert_int_equal(text_check("\xee\x80\x80", 3, &off, &cp), TEXT_FORBIDDEN);
	assert_int_equal(text_check("caf\xe9", 4, &off, &cp), TEXT_BAD_UTF8);
	assert_int_equal(off, 3);
}

static void test_fold(void **state)
{
	(void)state;
	char *a = text_fold("PETICIÓN de Muñoz"), *b = text_fold("peticion");
	assert_string_equal(a, "peticion de munoz");
	assert_true(text_folded_contains(a, b));
	free(a);
	free(b);
	a = text_fold("Stra\xc3\x9f" "e");
	assert_string_equal(a, "strasse");
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap_spanish),
		cmocka_unit_test(test_wrap_cjk_never_splits_wide),
		cmocka_unit_test(test_wrap_cjk_punctuation_stays_on_its_line),
		cmocka_unit_test(test_wrap_long_word_and_newlines),
		cmocka_unit_test(test_wrap_combining_stays_with_base),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
