/* SPDX-License-Identifier: MIT */
/* The intake desk and the volunteer view in the wizard's model, without a
 * terminal: the wipe, F12 and the new-client key at a desk, the way out,
 * the countdown over a dialog, and switching views with the answers kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

#include "core/fileio.h"
#include "core/session.h"
#include "ui/desk_wipe.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/state.h"
#include "ui/turn.h"
#include "core/util.h"
#include "drive.h"

static void start(struct drive *d, bool desk, bool volunteer)
{
	drive_start(d, MINI, "en", 80, 24);
	struct ui_options o = {.lang = "en", .desk = desk, .idle = 60, .volunteer = volunteer};
	ui_state_configure(d->u, &o);
	draw(d);
}

/* Welcome, then "Permanent resident": on "What happened?". */
static void answer_one(struct drive *d)
{
	press(d, K_ENTER);
	press(d, '1');
	assert_true(shows(d, "What happened?"));
}

static void test_f12_at_a_desk_wipes(void **state)
{
	(void)state;
	struct drive d;
	start(&d, true, false);
	assert_int_equal(ui_state_idle_limit(d.u), 60);
	assert_true(ui_state_pristine(d.u));
	answer_one(&d);
	assert_false(ui_state_pristine(d.u));
	assert_int_equal(press(&d, K_F12), UI_WIPED);
	assert_true(shows(&d, "Press Enter to start."));
	assert_true(shows(&d, "Ready for the next person"));
	assert_int_equal(session_depth(d.s), 0);
	size_t n;
	assert_null(session_remembered(d.s, guide_node(MINI, "who"), &n));
	/* The footer says what F12 does here. */
	assert_true(shows(&d, "F12 erase now"));
	stop(&d);
	/* Away from a desk F12 still leaves. */
	start(&d, false, false);
	assert_int_equal(ui_state_idle_limit(d.u), 0);
	answer_one(&d);
	assert_int_equal(press(&d, K_F12), UI_QUICK_EXIT);
	stop(&d);
}

static void test_new_client_and_the_way_out(void **state)
{
	(void)state;
	struct drive d;
	start(&d, true, false);
	answer_one(&d);
	press(&d, 'c'); /* c: n is "no" in every dialog */
	assert_true(shows(&d, "New client: erase every answer"));
	press(&d, 'n'); /* no */
	assert_true(shows(&d, "What happened?"));
	assert_int_equal(session_depth(d.s), 1);
	press(&d, 'c');
	assert_int_equal(press(&d, 'y'), UI_WIPED);
	assert_int_equal(session_depth(d.s), 0);
	/* q does not quit at a desk; Ctrl-X then Ctrl-Q asks. */
	press(&d, 'q');
	assert_true(shows(&d, "This computer is shared."));
	/* The key it names is the new-client key (it still said n, which
	 * became c: n is "no" in every dialog). */
	assert_true(shows(&d, "press c (new client)"));
	press(&d, K_CTRL_X);
	press(&d, K_DOWN);
	press(&d, K_CTRL_Q);
	char *s = layout_dump(d.l);
	assert_null(strstr(s, "Quit now?"));
	free(s);
	press(&d, K_CTRL_X);
	press(&d, K_CTRL_Q);
	assert_true(shows(&d, "Quit now?"));
	assert_int_equal(press(&d, 'y'), UI_QUIT);
	stop(&d);
}

/* The countdown covers the screen and any dialog; staying brings back the
 * dialog with its text; the wipe erases the typed name too. */
static void test_countdown_over_a_dialog(void **state)
{
	(void)state;
	struct drive d;
	start(&d, true, false);
	answer_one(&d);
	press(&d, 's');
	press(&d, K_KILL);
	press(&d, 'x');
	press(&d, 'y');
	assert_true(shows(&d, "xy"));
	ui_state_countdown(d.u, 7);
	draw(&d);
	assert_true(ui_state_counting_down(d.u));
	assert_true(shows(&d, "erased in 7 seconds"));
	assert_true(shows(&d, "Press any key to stay."));
	ui_state_countdown(d.u, 0);
	draw(&d);
	assert_false(ui_state_counting_down(d.u));
	assert_true(shows(&d, "xy"));
	ui_state_countdown(d.u, 1);
	assert_int_equal(ui_state_wipe(d.u), UI_WIPED);
	draw(&d);
	assert_true(shows(&d, "Press Enter to start."));
	press(&d, K_ENTER);
	press(&d, 's');
	char *s = layout_dump(d.l);
	assert_null(strstr(s, "xy"));
	free(s);
	stop(&d);
}

static void test_switching_views_keeps_answers(void **state)
{
	(void)state;
	struct drive d;
	start(&d, false, false);
	press(&d, K_ENTER);
	assert_true(shows(&d, "v volunteer view"));
	char *s = layout_dump(d.l);
	assert_null(strstr(s, "Help: "));
	free(s);
	press(&d, 'v');
	assert_true(shows(&d, "Help: Pick the closest."));
	assert_true(shows(&d, "v self-help view"));
	press(&d, '1');
	press(&d, ' ');
	press(&d, K_ENTER);
	assert_true(shows(&d, "Face photos are kept by CBP."));
	press(&d, 'v');
	assert_int_equal(session_depth(d.s), 2);
	assert_true(shows(&d, "Face photos are kept by CBP."));
	press(&d, K_ENTER);
	press(&d, '2');
	assert_true(session_finished(d.s));
	assert_true(shows(&d, "Deadline: Appeal within 90 working days."));
	press(&d, 'v');
	assert_true(shows(&d, "FOIA request \u00b7 5 U.S.C. \u00a7 552(a)(3)(A)"));
	assert_int_equal(session_depth(d.s), 4);
	stop(&d);
}

/* A desk with no folder keeps no files: s and e say so at once instead of
 * opening a dialog whose folder and "goes to" line promise one (found
 * walking --desk without --desk-folder). Last: the confinement is global. */
static void test_desk_without_folder_says_no_files(void **state)
{
	(void)state;
	struct drive d;
	fileio_confine(NULL);
	start(&d, true, false);
	answer_one(&d);
	press(&d, 's');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_true(shows(&d, "Nothing was saved: this desk does not keep files."));
	stop(&d);
}

/* How many lines of the screen begin (after spaces and the cursor mark)
 * with "N. " followed by title. */
static int numbered(const struct drive *d, int n, const char *title)
{
	char *s = layout_dump(d->l), want[128];
	snprintf(want, sizeof want, "%d. %s", n, title);
	int k = 0;
	for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
		char *p = line;
		while (*p == ' ' || (unsigned char)*p >= 0x80)
			p++;
		k += strncmp(p, want, strlen(want)) == 0;
	}
	free(s);
	return k;
}

/* One number per remedy in the volunteer view (uxqa row 16): "do this
 * first" numbers its three 1 to 3, the whole list below gives those
 * remedies the same numbers and goes on from 4, by rank or by path; the
 * number typed opens that remedy. */
static void test_volunteer_numbers_each_remedy_once(void **state)
{
	(void)state;
	struct guide *g = load_guide("tests/advice/guide.yaml");
	assert_non_null(g);
	struct drive d;
	drive_start(&d, g, "en", 100, 60);
	struct ui_options o = {.lang = "en", .idle = 60, .volunteer = true};
	ui_state_configure(d.u, &o);
	draw(&d);
	press(&d, K_ENTER);
	press(&d, '2');     /* permanent resident */
	press(&d, '1');     /* detained */
	press(&d, '1');
	press(&d, '2');
	press(&d, K_ENTER); /* see records, get money */
	assert_true(session_finished(d.s));
	assert_true(shows(&d, "Do this first"));
	for (int by_path = 0; by_path < 2; by_path++) {
		/* the three of "do this first", there and in the list */
		assert_int_equal(numbered(&d, 1, "Help for detained people"), 2);
		assert_int_equal(numbered(&d, 2, "A claim for money"), 2);
		assert_int_equal(numbered(&d, 3, "Ask for your records"), 2);
		/* the others on from 4, each once */
		assert_int_equal(numbered(&d, 4, "Privacy Act access"), 1);
		assert_int_equal(numbered(&d, 5, "What others did"), 1);
		char *s = layout_dump(d.l);
		assert_null(strstr(s, "6. "));
		assert_null(strstr(s, "8. "));
		free(s);
		press(&d, '4');
		assert_int_equal(ui_state_view(d.u).kind, VIEW_DETAIL);
		assert_true(shows(&d, "Privacy Act access"));
		press(&d, K_ESC);
		press(&d, '2');
		assert_int_equal(ui_state_view(d.u).kind, VIEW_DETAIL);
		assert_true(shows(&d, "A claim for money"));
		press(&d, K_ESC);
		press(&d, '6');
		assert_true(shows(&d, "Nothing on this list has the number 6"));
		press(&d, 'p');
	}
	stop(&d);
	guide_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_f12_at_a_desk_wipes),
		cmocka_unit_test(test_new_client_and_the_way_out),
		cmocka_unit_test(test_countdown_over_a_dialog),
		cmocka_unit_test(test_switching_views_keeps_answers),
		cmocka_unit_test(test_volunteer_numbers_each_remedy_once),
		cmocka_unit_test(test_desk_without_folder_says_no_files),
	};
	return cmocka_run_group_tests(tests, guides_setup, guides_teardown);
}
