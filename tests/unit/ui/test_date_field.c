/* SPDX-License-Identifier: MIT */
/* The wizard's date field (issue 13), driven through the key table at a
 * fixed size, without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/deadline.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/msg.h"
#include "core/session.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/state.h"
#include "ui/turn.h"
#include "drive.h"

static struct guide *G;

/* Past the welcome of guide g, today 2026-12-01, at 80 x 24. */
static void start_guide(struct drive *d, struct guide *g)
{
	drive_start(d, g, "en", 80, 24);
	session_set_today(d->s, cal_day(2026, 12, 1));
	press(d, K_ENTER);   /* leave the welcome */
}

/* On the first date question of G. */
static void start(struct drive *d)
{
	start_guide(d, G);
}

static void key(struct drive *d, int k)
{
	press(d, k);
}

static void test_typing_and_arrows(void **state)
{
	(void)state;
	struct drive d;
	start(&d);
	assert_string_equal(node_id(&d), "harm-date");
	assert_true(shows(&d, "Date: [____]-__-__"));
	assert_true(shows(&d, "YYYY-MM-DD"));        /* the format is shown */
	keys(&d, "202206");
	assert_true(shows(&d, "Date: 2022-[06]-__"));
	assert_true(shows(&d, "June 2022"));
	key(&d, K_UP);
	assert_true(shows(&d, "Date: 2022-[07]-__"));
	key(&d, K_LEFT);
	key(&d, K_DOWN);
	assert_true(shows(&d, "Date: [2021]-07-__"));
	/* December wraps to January, and the day keeps within the month. */
	key(&d, K_KILL);
	keys(&d, "20240131");
	key(&d, K_LEFT);
	key(&d, K_UP);
	assert_true(shows(&d, "Date: 2024-[02]-29"));
	key(&d, K_BACKSPACE);
	key(&d, K_BACKSPACE);
	assert_true(shows(&d, "Date: 2024-[02]-__"));
	/* An empty field: Up starts from today. */
	key(&d, K_KILL);
	key(&d, K_UP);
	assert_true(shows(&d, "Date: 2026-12-[02]"));
	stop(&d);
}

static void test_second_try(void **state)
{
	(void)state;
	struct drive d;
	start(&d);
	keys(&d, "20260230");
	key(&d, K_ENTER);
	assert_string_equal(node_id(&d), "harm-date");
	assert_true(shows(&d, msg("en", M_DATE_NO_SUCH_DAY)));
	assert_true(shows(&d, "Date: 2026-02-[30]"));   /* kept for the second try */
	key(&d, K_KILL);
	keys(&d, "2027");
	key(&d, K_ENTER);
	assert_true(shows(&d, msg("en", M_DATE_FUTURE)));
	key(&d, K_KILL);
	keys(&d, "x");
	assert_true(shows(&d, msg("en", M_UI_DATE_DIGITS)));
	keys(&d, "0");
	assert_true(shows(&d, "I don't know"));
	key(&d, K_ENTER);
	assert_string_equal(node_id(&d), "sent-q");
	/* Back: the field shows the answer given. */
	key(&d, K_LEFT);
	assert_string_equal(node_id(&d), "harm-date");
	assert_true(shows(&d, "Date: 0"));
	/* Backspace on an empty field goes back, here to nowhere: a message. */
	key(&d, K_BACKSPACE);
	assert_true(shows(&d, "Date: [____]-__-__"));
	stop(&d);
}

static void test_results_marks(void **state)
{
	(void)state;
	struct drive d;
	start(&d);
	keys(&d, "20261120");
	key(&d, K_ENTER);
	key(&d, K_ENTER);                 /* yes, a request */
	keys(&d, "202608");
	key(&d, K_ENTER);
	assert_string_equal(node_id(&d), "(finished)");
	assert_true(shows(&d, "[URGENT] Damages claim"));
	assert_true(shows(&d, "File by Sunday, December 20, 2026"));
	stop(&d);
}

/* A date given before, reopened: a digit types the highlighted part anew
 * (it did nothing once the field was whole); on an earlier part, that part
 * and those after it are typed anew. Found walking the program: a hearing
 * date changed from the answers list could not be retyped. */
static void test_retype_whole_part(void **state)
{
	(void)state;
	struct drive d;
	start(&d);
	keys(&d, "20260614");
	key(&d, K_ENTER);
	assert_string_equal(node_id(&d), "sent-q");
	key(&d, K_LEFT);
	assert_string_equal(node_id(&d), "harm-date");
	assert_true(shows(&d, "Date: 2026-06-[14]"));
	keys(&d, "2");
	assert_true(shows(&d, "Date: 2026-06-[2_]"));
	keys(&d, "0");
	assert_true(shows(&d, "Date: 2026-06-[20]"));
	key(&d, K_LEFT);
	keys(&d, "0");
	assert_true(shows(&d, "Date: 2026-[0_]-__"));
	keys(&d, "5");
	keys(&d, "03");
	assert_true(shows(&d, "Date: 2026-05-[03]"));
	/* Typing on from the start is unchanged: the year, then the month. */
	key(&d, K_KILL);
	keys(&d, "2026");
	assert_true(shows(&d, "Date: [2026]-__-__"));
	keys(&d, "-1");
	assert_true(shows(&d, "Date: 2026-[1_]-__"));
	keys(&d, "1");
	assert_true(shows(&d, "Date: 2026-[11]-__"));
	key(&d, K_ENTER);
	assert_string_equal(node_id(&d), "sent-q");
	stop(&d);
}

/* Backspace on an empty date field goes back to the question before, as
 * the key table says (it did nothing). */
static void test_backspace_empty_goes_back(void **state)
{
	(void)state;
	struct drive d;
	start(&d);
	keys(&d, "20261120");
	key(&d, K_ENTER);
	key(&d, K_ENTER);                 /* yes, a request */
	assert_true(shows(&d, "Date: [____]-__-__"));
	const char *second = node_id(&d);
	assert_string_not_equal(second, "sent-q");
	key(&d, K_BACKSPACE);
	assert_string_equal(node_id(&d), "sent-q");
	stop(&d);
}

/* A date that disagrees with the range answered before (the guide's
 * `agrees`) is shown the check's message and kept in the field; Enter on
 * the same date takes it; a changed date that fits goes straight on. */
static void test_date_disagrees(void **state)
{
	(void)state;
	struct diags dg = {0};
	struct guide *ag = guide_load("tests/guides/agrees.yaml", &dg);
	diags_free(&dg);
	assert_non_null(ag);
	struct drive d;
	start_guide(&d, ag);
	assert_string_equal(node_id(&d), "when-q");
	press(&d, K_ENTER);          /* less than two years ago */
	assert_string_equal(node_id(&d), "harm-date");
	keys(&d, "2020");
	key(&d, K_ENTER);
	assert_string_equal(node_id(&d), "harm-date");
	assert_true(shows(&d, "That is more than two years ago."));
	assert_true(shows(&d, "press Enter again"));
	/* Another date that still disagrees is shown the message again. */
	key(&d, K_KILL);
	keys(&d, "2021");
	key(&d, K_ENTER);
	assert_string_equal(node_id(&d), "harm-date");
	/* The same date once more is taken. */
	key(&d, K_ENTER);
	assert_true(session_finished(d.s));
	stop(&d);
	/* A date that fits goes on at once. */
	start_guide(&d, ag);
	press(&d, K_ENTER);
	keys(&d, "2025");
	key(&d, K_ENTER);
	assert_true(session_finished(d.s));
	stop(&d);
	guide_free(ag);
}

static int setup(void **state)
{
	(void)state;
	struct diags dg = {0};
	G = guide_load("tests/guides/dates.yaml", &dg);
	diags_free(&dg);
	return G ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	guide_free(G);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing_and_arrows),
		cmocka_unit_test(test_second_try),
		cmocka_unit_test(test_results_marks),
		cmocka_unit_test(test_retype_whole_part),
		cmocka_unit_test(test_backspace_empty_goes_back),
		cmocka_unit_test(test_date_disagrees),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
