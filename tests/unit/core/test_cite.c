/* SPDX-License-Identifier: MIT */
/* A citation's cite text against its address (cite_check_url): the § 2401
 * linked to § 2402 kind of error, for every address pattern the checker reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/cite.h"

#define LII "https://www.law.cornell.edu/uscode/text/"
#define LIICFR "https://www.law.cornell.edu/cfr/text/"
#define ECFR "https://www.ecfr.gov/current/"
#define JUSTIA "https://supreme.justia.com/cases/federal/us/"

static enum cite_url_result res(const char *cite, const char *url)
{
	char msg[256];
	return cite_check_url(cite, url, msg, sizeof msg);
}

static void test_usc_agrees(void **state)
{
	(void)state;
	assert_int_equal(res("5 U.S.C. § 552(a)(3)(A)", LII "5/552"), CITE_URL_AGREE);
	assert_int_equal(res("5 U.S.C. § 552a(d)(2)–(3)", LII "5/552a"), CITE_URL_AGREE);
	assert_int_equal(res("42 U.S.C. § 2000ee-1", LII "42/2000ee-1"), CITE_URL_AGREE);
	assert_int_equal(res("5 U.S.C. § 401 et seq. (Inspector General Act)", LII "5/401"),
	                 CITE_URL_AGREE);
	/* a list and a range: every named section agrees, and so does one inside the range */
	assert_int_equal(res("28 U.S.C. §§ 1346(b)(1), 2671–2680", LII "28/1346"), CITE_URL_AGREE);
	assert_int_equal(res("28 U.S.C. §§ 1346(b)(1), 2671–2680", LII "28/2675"), CITE_URL_AGREE);
	assert_int_equal(res("28 U.S.C. §§ 1346(b)(1), 2671–2680", LII "28/2680"), CITE_URL_AGREE);
	/* other spellings of the address */
	assert_int_equal(res("28 U.S.C. § 2675(a)", "https://law.cornell.edu/uscode/text/28/2675"),
	                 CITE_URL_AGREE);
	assert_int_equal(res("8 U.S.C. § 1365b", "http://www.law.cornell.edu/uscode/text/8/1365b"),
	                 CITE_URL_AGREE);
	assert_int_equal(res("5 U.S.C. § 552", LII "5/552#a_6"), CITE_URL_AGREE);
}

static void test_usc_mismatch(void **state)
{
	(void)state;
	char msg[256];
	/* the bug this check exists for */
	assert_int_equal(cite_check_url("28 U.S.C. § 2401(a)", LII "28/2402", msg, sizeof msg),
	                 CITE_URL_MISMATCH);
	assert_string_equal(msg, "the address opens 28 U.S.C. § 2402, but the cite names "
	                         "28 U.S.C. § 2401(a)");
	assert_int_equal(res("5 U.S.C. § 552(a)", LII "6/552"), CITE_URL_MISMATCH);   /* title */
	assert_int_equal(res("5 U.S.C. § 552a", LII "5/552"), CITE_URL_MISMATCH);     /* 552 ≠ 552a */
	assert_int_equal(res("5 U.S.C. § 552", LII "5/552a"), CITE_URL_MISMATCH);
	assert_int_equal(res("28 U.S.C. §§ 1346(b)(1), 2671–2680", LII "28/2681"),
	                 CITE_URL_MISMATCH);
	/* a number before "U.S.C." inside a longer word is not a title */
	assert_int_equal(res("x5 U.S.C. § 552", LII "5/552"), CITE_URL_MISMATCH);
	assert_int_equal(cite_check_url("FOIA", LII "5/552", msg, sizeof msg), CITE_URL_MISMATCH);
	assert_string_equal(msg, "the address opens 5 U.S.C. § 552, but the cite names no "
	                         "U.S. Code section");
}

static void test_cfr(void **state)
{
	(void)state;
	char msg[256];
	assert_int_equal(res("28 C.F.R. § 14.2", LIICFR "28/14.2"), CITE_URL_AGREE);
	assert_int_equal(res("8 C.F.R. § 215.8", ECFR "title-8/chapter-I/subchapter-B/part-215/"
	                                          "section-215.8"), CITE_URL_AGREE);
	assert_int_equal(res("8 C.F.R. § 235.1(f)(1)(ii)", ECFR "title-8/chapter-I/subchapter-B/"
	                                                    "part-235/section-235.1"), CITE_URL_AGREE);
	assert_int_equal(res("6 C.F.R. part 5, subpart A", ECFR "title-6/chapter-I/part-5/subpart-A"),
	                 CITE_URL_AGREE);
	assert_int_equal(res("6 C.F.R. § 5.8(a)(1)", "https://ecfr.federalregister.gov/current/"
	                     "title-6/chapter-I/part-5/subpart-A/section-5.8"), CITE_URL_AGREE);
	/* a section cited, its whole part linked */
	assert_int_equal(res("8 C.F.R. § 215.8", LIICFR "8/215"), CITE_URL_AGREE);
	assert_int_equal(cite_check_url("8 C.F.R. § 215.8", LIICFR "8/215.9", msg, sizeof msg),
	                 CITE_URL_MISMATCH);
	assert_string_equal(msg, "the address opens 8 C.F.R. § 215.9, but the cite names "
	                         "8 C.F.R. § 215.8");
	assert_int_equal(res("6 C.F.R. § 5.8", ECFR "title-8/chapter-I/part-5/section-5.8"),
	                 CITE_URL_MISMATCH);                                        /* title */
	assert_int_equal(cite_check_url("6 C.F.R. part 5", ECFR "title-6/chapter-I/part-6", msg,
	                                sizeof msg), CITE_URL_MISMATCH);            /* part */
	assert_string_equal(msg, "the address opens 6 C.F.R. part 6, but the cite names "
	                         "6 C.F.R. part 5");
	/* an eCFR address that names no title or part is not a pattern we read */
	assert_int_equal(res("6 C.F.R. § 5.8", "https://www.ecfr.gov/"), CITE_URL_UNKNOWN);
}

static void test_us_reports(void **state)
{
	(void)state;
	char msg[256];
	assert_int_equal(res("United States v. Ramsey, 431 U.S. 606 (1977)", JUSTIA "431/606/"),
	                 CITE_URL_AGREE);
	/* a docket number in the address: only the volume is compared */
	assert_int_equal(res("Hernández v. Mesa, 589 U.S. 93 (2020)", JUSTIA "589/17-1678"),
	                 CITE_URL_AGREE);
	assert_int_equal(res("Goldey v. Fields, 606 U.S. ___ (2025)", JUSTIA "606/24-809/"),
	                 CITE_URL_AGREE);
	assert_int_equal(res("U.S. Dep't of Justice v. Reporters Comm., 489 U.S. 749 (1989)",
	                     JUSTIA "489/749/"), CITE_URL_AGREE);
	assert_int_equal(res("Davis v. Mississippi, 394 U.S. 721 (1969)",
	                     "https://supreme.justia.com/us/394/721/case.html"), CITE_URL_AGREE);
	assert_int_equal(cite_check_url("Riley v. California, 573 U.S. 373 (2014)", JUSTIA "537/373/",
	                                msg, sizeof msg), CITE_URL_MISMATCH);        /* volume */
	assert_string_equal(msg, "the address opens 537 U.S. 373, but the cite names "
	                         "Riley v. California, 573 U.S. 373 (2014)");
	assert_int_equal(res("Riley v. California, 573 U.S. 373 (2014)", JUSTIA "573/374/"),
	                 CITE_URL_MISMATCH);                                        /* page */
	assert_int_equal(cite_check_url("DHS v. Thuraissigiam, 140 S. Ct. 1959 (2020)",
	                                JUSTIA "591/19-161/", msg, sizeof msg), CITE_URL_MISMATCH);
	assert_string_equal(msg, "the address opens volume 591 of the U.S. Reports, but the cite "
	                         "names no U.S. Reports volume");
}

static void test_unknown_addresses(void **state)
{
	(void)state;
	char msg[8] = "x";
	assert_int_equal(cite_check_url("28 U.S.C. § 2401", "https://www.courtlistener.com/?q=x",
	                                msg, sizeof msg), CITE_URL_UNKNOWN);
	assert_string_equal(msg, "");
	assert_int_equal(res("Corner Post, No. 22-1008",
	                     "https://www.law.cornell.edu/supremecourt/text/22-1008"), CITE_URL_UNKNOWN);
	assert_int_equal(res("5 U.S.C. § 552", "ftp://law.cornell.edu/uscode/text/5/552"),
	                 CITE_URL_UNKNOWN);
	assert_int_equal(res("5 U.S.C. § 552", LII), CITE_URL_UNKNOWN);
	assert_int_equal(res("5 U.S.C. § 552", LII "5"), CITE_URL_UNKNOWN);
	assert_int_equal(res("5 U.S.C. § 552", LII "five/552"), CITE_URL_UNKNOWN);
	assert_int_equal(res("5 U.S.C. § 552", NULL), CITE_URL_UNKNOWN);
	/* no room for a message is fine; a message too long for its buffer is cut */
	assert_int_equal(cite_check_url("28 U.S.C. § 2401", LII "28/2402", NULL, 0), CITE_URL_MISMATCH);
	assert_int_equal(cite_check_url("28 U.S.C. § 2401", LII "28/2402", msg, sizeof msg),
	                 CITE_URL_MISMATCH);
	assert_int_equal(strlen(msg), sizeof msg - 1);
	/* an address part longer than its buffer can only fail to agree */
	assert_int_equal(res("5 U.S.C. § 552", LII "5/55200000000000000000000000000000000000000"),
	                 CITE_URL_MISMATCH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_usc_agrees),
		cmocka_unit_test(test_usc_mismatch),
		cmocka_unit_test(test_cfr),
		cmocka_unit_test(test_us_reports),
		cmocka_unit_test(test_unknown_addresses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
