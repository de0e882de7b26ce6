/* The wizard's screens as a state machine, driven the way ui.c drives it
 * (view -> layout at a size -> action), but without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "guide.h"
#include "keys.h"
#include "layout.h"
#include "msg.h"
#include "session.h"
#include "ui_state.h"

static struct guide *MINI, *WIDE;

static int setup(void **state)
{
	(void)state;
	struct diags d = {0};
	MINI = guide_load("tests/guides/mini.yaml", &d);
	WIDE = guide_load("tests/e2e/wide.yaml", &d);
	diags_free(&d);
	return MINI && WIDE ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	guide_free(MINI);
	guide_free(WIDE);
	return 0;
}

/* A terminal without a terminal: the last layout, at a chosen size. */
struct drive {
	struct session *s;
	struct ui_state *u;
	struct layout *l;
	int w, h;
};

static void draw(struct drive *d)
{
	struct view v = ui_state_view(d->u);
	layout_free(d->l);
	d->l = layout_build(&v, d->w, d->h);
	ui_state_laid_out(d->u, d->l);
}

static void start(struct drive *d, struct guide *g, const char *lang, int w, int h)
{
	d->s = session_new(g);
	d->u = ui_state_new(d->s, lang, false);
	d->l = NULL;
	d->w = w;
	d->h = h;
	draw(d);
}

static void stop(struct drive *d)
{
	layout_free(d->l);
	ui_state_free(d->u);
	session_free(d->s);
}

/* Presses a key: the action comes from the key table, as in ui.c. */
static enum ui_outcome press(struct drive *d, int key)
{
	enum ui_outcome o = ui_state_act(d->u, keys_action(d->l->ctx, key), key);
	draw(d);
	return o;
}

static char *screen(const struct drive *d)
{
	return layout_dump(d->l);
}

static bool shows(const struct drive *d, const char *text)
{
	char *s = screen(d);
	bool r = strstr(s, text) != NULL;
	if (!r)
		fprintf(stderr, "not on screen: '%s'\n%s", text, s);
	free(s);
	return r;
}

static const char *node_id(const struct drive *d)
{
	const struct node *n = session_node(d->s);
	return n ? n->id : "(finished)";
}

static void test_welcome_then_walk_to_results(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 80, 24);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_WELCOME);
	assert_true(shows(&d, "Press Enter to start."));
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "who");
	press(&d, '1');
	assert_string_equal(node_id(&d), "what");
	/* Enter with nothing ticked says what to do and stays. */
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "what");
	assert_true(shows(&d, msg("en", M_UI_TICK_FIRST)));
	press(&d, '1');
	assert_true(shows(&d, "[x] 1. Face photo"));
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "face-info");
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "harm");
	press(&d, K_DOWN);
	press(&d, K_RIGHT);
	assert_true(session_finished(d.s));
	assert_int_equal(ui_state_view(d.u).kind, VIEW_RESULTS);
	assert_true(shows(&d, "FOIA request"));
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_DETAIL);
	press(&d, K_END);
	assert_true(shows(&d, "(verified 2026-11-27)"));
	press(&d, K_ESC);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_RESULTS);
	stop(&d);
}

static void test_back_restores_the_screen_exactly(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 40, 12);
	char *welcome = screen(&d);
	press(&d, K_ENTER);
	press(&d, K_DOWN);
	char *q1 = screen(&d);
	press(&d, K_ENTER);
	press(&d, K_DOWN);
	press(&d, ' ');
	char *q2 = screen(&d);
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "phone-q");
	press(&d, K_LEFT);
	char *s = screen(&d);
	assert_string_equal(s, q2);
	free(s);
	press(&d, K_BACKSPACE);
	s = screen(&d);
	assert_string_equal(s, q1);
	free(s);
	press(&d, 'b');
	s = screen(&d);
	assert_string_equal(s, welcome);
	free(s);
	/* At the very start, Back says so and stays. */
	press(&d, K_LEFT);
	assert_true(shows(&d, msg("en", M_UI_FIRST_SCREEN)));
	free(welcome);
	free(q1);
	free(q2);
	stop(&d);
}

static void walk_lpr_face_no(struct drive *d)
{
	press(d, K_ENTER);
	press(d, '1');
	press(d, '1');
	press(d, K_ENTER);
	press(d, K_ENTER);
	press(d, '2');
	assert_true(session_finished(d->s));
}

static void test_review_change_keeps_later_answers(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 80, 24);
	walk_lpr_face_no(&d);
	press(&d, 'a');
	assert_int_equal(ui_state_view(d.u).kind, VIEW_REVIEW);
	assert_true(shows(&d, "\u203a4. Were you harmed?"));
	press(&d, K_HOME);
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "who");
	assert_true(ui_state_view(d.u).changing);
	assert_true(shows(&d, msg("en", M_UI_CHANGING)));
	/* Going back without a change returns to the review, as it was. */
	press(&d, K_LEFT);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_REVIEW);
	assert_true(session_finished(d.s));
	assert_true(shows(&d, "\u203a1. Who are you?"));
	press(&d, K_ENTER);
	press(&d, '2');
	/* Every later answer still fits: straight back to the results. */
	assert_true(session_finished(d.s));
	assert_int_equal(ui_state_view(d.u).kind, VIEW_RESULTS);
	assert_true(shows(&d, "Answer changed. Later answers kept: 3"));
	assert_true(shows(&d, "Why not other remedies? (1)"));
	press(&d, 'w');
	assert_true(shows(&d, "because you answered \"Visitor\""));
	stop(&d);
}

static void test_dialogs(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "es", 80, 24);
	press(&d, K_ENTER);
	assert_int_equal(press(&d, 'q'), UI_GO_ON);
	assert_true(shows(&d, "[ Salir ]  [ Quedarse ]"));
	/* Keys of the screen below do nothing while the question is open. */
	press(&d, 'g');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_QUIT);
	assert_int_equal(press(&d, 'n'), UI_GO_ON);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	press(&d, 'q');
	press(&d, K_RIGHT);
	assert_int_equal(press(&d, K_ENTER), UI_GO_ON); /* "Stay" was chosen */
	press(&d, 'q');
	assert_int_equal(press(&d, 's'), UI_QUIT);
	stop(&d);
	start(&d, MINI, "en", 80, 24);
	walk_lpr_face_no(&d);
	press(&d, 'r');
	assert_true(shows(&d, "Start again from the first question?"));
	press(&d, 'y');
	assert_string_equal(node_id(&d), "who");
	assert_int_equal(session_depth(d.s), 0);
	size_t n;
	assert_null(session_remembered(d.s, guide_node(MINI, "who"), &n));
	stop(&d);
}

static void test_quick_exit_forgets(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 80, 24);
	press(&d, K_ENTER);
	press(&d, '1');
	press(&d, '/');
	assert_int_equal(press(&d, K_F12), UI_QUICK_EXIT);
	assert_int_equal(session_depth(d.s), 0);
	stop(&d);
	/* Even when the window is too small to show anything. */
	start(&d, MINI, "en", 20, 5);
	assert_true(d.l->too_small);
	assert_int_equal(press(&d, 'q'), UI_GO_ON);
	assert_int_equal(press(&d, K_ENTER), UI_GO_ON);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_WELCOME);
	assert_int_equal(press(&d, K_F12), UI_QUICK_EXIT);
	stop(&d);
}

static void test_search_help_glossary(void **state)
{
	(void)state;
	struct drive d;
	start(&d, WIDE, "es", 80, 24);
	press(&d, K_ENTER);
	press(&d, '?');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_HELP);
	assert_true(shows(&d, "Responda sobre el cruce m\u00e1s reciente."));
	press(&d, K_ESC);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	press(&d, 'g');
	assert_true(shows(&d, "T\u00e9rminos en esta pantalla"));
	press(&d, '/');
	const char *q = "PETICI\u00d3N";
	for (const char *p = q; *p;) {
		/* one code point at a time, as the terminal sends them */
		int cp = (unsigned char)*p;
		size_t len = 1;
		if (cp >= 0xC0) {
			cp = ((cp & 0x1F) << 6) | (p[1] & 0x3F);
			len = 2;
		}
		press(&d, cp);
		p += len;
	}
	assert_true(shows(&d, "Buscar: PETICI\u00d3N"));
	assert_true(shows(&d, "Encontrados: 1"));
	press(&d, K_BACKSPACE);
	char *after = screen(&d);
	assert_non_null(strstr(after, "Buscar: PETICI\u00d3\n"));
	free(after);
	press(&d, 'n');
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_DETAIL);
	assert_true(shows(&d, "Informaci\u00f3n legal, no asesor\u00eda legal."));
	press(&d, K_ESC);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_SEARCH);
	press(&d, K_ESC);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_GLOSSARY);
	press(&d, K_ESC);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_NODE);
	/* The language is a field: switching it changes the next screen. */
	ui_state_set_lang(d.u, "en");
	draw(&d);
	assert_true(shows(&d, "Choose one answer and press Enter."));
	stop(&d);
}

static void test_lists_scroll_to_the_cursor(void **state)
{
	(void)state;
	struct drive d;
	start(&d, WIDE, "en", 40, 12);
	press(&d, K_ENTER);
	/* The long question pushes the second choice below the window: Down
	 * scrolls until the cursor choice shows, then moves. */
	for (int i = 0; i < 10 && d.l->cursor == 0; i++)
		press(&d, K_DOWN);
	assert_int_equal(d.l->cursor, 1);
	assert_true(d.l->cursor_shown);
	press(&d, K_HOME);
	assert_int_equal(d.l->scroll, 0);
	assert_int_equal(d.l->cursor, 0);
	press(&d, K_PGDN);
	assert_true(d.l->scroll > 0);
	press(&d, K_END);
	assert_int_equal(d.l->cursor, 1);
	stop(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_welcome_then_walk_to_results),
		cmocka_unit_test(test_back_restores_the_screen_exactly),
		cmocka_unit_test(test_review_change_keeps_later_answers),
		cmocka_unit_test(test_dialogs),
		cmocka_unit_test(test_quick_exit_forgets),
		cmocka_unit_test(test_search_help_glossary),
		cmocka_unit_test(test_lists_scroll_to_the_cursor),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
