/* SPDX-License-Identifier: MIT */
/* The wizard's screens as a state machine, driven the way term.c drives it
 * (turn.h: view -> layout at a size -> action), but without a terminal. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "helpers.h"

#include "core/answers.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "core/msg.h"
#include "core/session.h"
#include "ui/demo.h"
#include "ui/form.h"
#include "ui/state.h"
#include "ui/turn.h"
#include "core/util.h"
#include "drive.h"

static void start(struct drive *d, struct guide *g, const char *lang, int w, int h)
{
	drive_start(d, g, lang, w, h);
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
	/* A digit with no answer says so (a single digit was silent). */
	press(&d, '7');
	assert_string_equal(node_id(&d), "who");
	assert_true(shows(&d, "Nothing on this list has the number 7"));
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
	assert_true(shows(&d, "\u203a3. Were you harmed?")); /* the info screen is not an answer */
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
	assert_true(shows(&d, "Answer changed. Later answers kept: 2")); /* what, harm */
	assert_true(shows(&d, "Why not other remedies? (1)"));
	press(&d, 'w');
	assert_true(shows(&d, "because you answered \"Visitor\""));
	stop(&d);
}

/* The review lists answers only: an information screen passed on the way
 * is left out (uxqa row 24), the numbers run on without it, a number opens
 * the answer shown with it, and Back from a change returns to that answer. */
static void test_review_leaves_out_info_screens(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 80, 40);
	press(&d, K_ENTER);
	press(&d, '1');      /* permanent resident */
	press(&d, '1');
	press(&d, '2');
	press(&d, K_ENTER);  /* face photo, phone search */
	assert_string_equal(node_id(&d), "face-info");
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "phone-q");
	press(&d, '2');
	assert_string_equal(node_id(&d), "harm");
	press(&d, '2');
	assert_true(session_finished(d.s));
	assert_int_equal(session_history_len(d.s), 5);
	press(&d, 'a');
	assert_true(shows(&d, "3. Was the phone kept?"));
	assert_true(shows(&d, "\u203a4. Were you harmed?"));
	char *s = screen(&d);
	assert_null(strstr(s, "(read)"));
	assert_null(strstr(s, "Face photos are kept by CBP."));
	assert_null(strstr(s, "5. "));
	free(s);
	press(&d, '3');
	assert_string_equal(node_id(&d), "phone-q");
	/* Back without a change: the review, on the answer it left. */
	press(&d, K_LEFT);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_REVIEW);
	assert_true(shows(&d, "\u203a3. Was the phone kept?"));
	stop(&d);
}

static void test_dialogs(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "es", 80, 24);
	press(&d, K_ENTER);
	assert_int_equal(press(&d, 'q'), UI_GO_ON);
	assert_true(shows(&d, "\u203a[ Salir ]   [ Quedarse ]"));
	/* Keys of the screen below do nothing while the question is open. */
	press(&d, 'g');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_QUIT);
	assert_int_equal(press(&d, 'n'), UI_GO_ON);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	press(&d, 'q');
	press(&d, K_RIGHT);
	assert_int_equal(press(&d, K_ENTER), UI_GO_ON); /* "Stay" was chosen */
	press(&d, 'q');
	assert_int_equal(press(&d, 'y'), UI_QUIT);
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


/* The screen without its message row (the row above the footer when a
 * message shows), to compare screens before and after a notice. */
static char *screen_quiet(struct drive *d)
{
	press(d, 'x'); /* no action: the message goes */
	return screen(d);
}

static void type(struct drive *d, const char *text)
{
	for (const char *p = text; *p; p++)
		press(d, (unsigned char)*p);
}

static void test_language_switch_keeps_the_place(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 40, 12);
	press(&d, K_ENTER);
	press(&d, '1');
	press(&d, K_DOWN);
	press(&d, ' ');      /* Phone search ticked, cursor on it */
	press(&d, K_DOWN);
	char *before = screen_quiet(&d);
	struct view v = ui_state_view(d.u);
	int cursor = v.cursor, scroll = v.scroll;
	press(&d, 'L');
	assert_string_equal(ui_state_lang(d.u), "es");
	assert_true(shows(&d, "Ahora en espa\u00f1ol."));
	assert_true(shows(&d, "[x] 2. Revisi\u00f3n del tel\u00e9fono"));
	assert_string_equal(node_id(&d), "what");
	assert_int_equal(session_depth(d.s), 1);
	v = ui_state_view(d.u);
	assert_int_equal(v.cursor, cursor);
	/* Over a panel too, and the panel stays open. */
	press(&d, '?');
	press(&d, 'L');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_HELP);
	assert_true(shows(&d, "Tick all that apply."));
	press(&d, K_ESC);
	char *after = screen_quiet(&d);
	assert_string_equal(after, before);
	v = ui_state_view(d.u);
	assert_int_equal(v.cursor, cursor);
	assert_int_equal(v.scroll, scroll);
	free(before);
	free(after);
	/* Typing in the search field types the L. */
	press(&d, '/');
	press(&d, 'L');
	assert_string_equal(ui_state_lang(d.u), "en");
	assert_true(shows(&d, "Search: L"));
	stop(&d);
}

static void test_bilingual_and_notes(void **state)
{
	(void)state;
	struct drive d;
	start(&d, WIDE, "en", 120, 30);
	press(&d, K_ENTER);
	assert_null(ui_state_view(d.u).lang2);
	press(&d, 'B');
	assert_string_equal(ui_state_view(d.u).lang2, "es");
	assert_true(shows(&d, "Two languages: questions and answers are shown in both."));
	assert_true(shows(&d, "espa\u00f1ol"));
	/* L swaps the two. */
	press(&d, 'L');
	assert_string_equal(ui_state_view(d.u).lang2, "en");
	press(&d, 'B');
	assert_null(ui_state_view(d.u).lang2);
	/* Too narrow: it says so at once. */
	d.w = 50;
	draw(&d);
	press(&d, 'B');
	assert_true(shows(&d, "Para dos idiomas, agrande la ventana."));
	press(&d, 'B');
	/* Trainer notes: hidden until asked for. */
	d.w = 80;
	press(&d, 'L');
	char *s = screen(&d);
	assert_null(strstr(s, "ask for the date"));
	free(s);
	press(&d, 't');
	assert_true(ui_state_view(d.u).notes);
	assert_true(shows(&d, "Volunteer: ask for the date"));
	press(&d, 't');
	assert_false(ui_state_view(d.u).notes);
	assert_true(shows(&d, "Trainer notes are hidden."));
	stop(&d);
	/* A guide in one language: B and L say so. */
	struct diags dg = {0};
	static const char one[] =
		"guide: {id: g, title: T, version: '1', reviewed: '2026-11-27', languages: [en], start: q}\n"
		"paths: [{id: p, title: P}]\n"
		"nodes:\n"
		"  - {id: q, kind: question, text: Q, choices: [{id: a, label: A, next: r}]}\n"
		"  - {id: r, kind: result, remedies: [m]}\n"
		"remedies: [{id: m, path: p, title: M, summary: S, who: W, steps: [X], limits: [L],\n"
		"            where: [{name: N}], citations: [c]}]\n"
		"citations: [{id: c, cite: C, title: T, url: 'https://example.org/', verified: '2026-11-27',\n"
		"             source: s}]\n";
	struct guide *g = guide_parse(one, sizeof one - 1, "one.yaml", &dg);
	assert_non_null(g);
	start(&d, g, "en", 80, 24);
	press(&d, 'L');
	assert_true(shows(&d, "This guide is in one language only."));
	press(&d, 'B');
	assert_null(ui_state_view(d.u).lang2);
	char *w = screen(&d);
	assert_null(strstr(w, "espa\u00f1ol"));
	free(w);
	stop(&d);
	guide_free(g);
	diags_free(&dg);
}

static struct answers *mini_demo(void)
{
	struct diags dg = {0};
	struct answers *a = answers_load("tests/e2e/mini-demo.yaml", MINI, &dg);
	diags_free(&dg);
	assert_non_null(a);
	return a;
}

static void start_demo(struct drive *d, struct answers *a, int w, int h)
{
	start(d, MINI, "en", w, h);
	struct ui_options o = {.lang = "en", .scenario = a};
	ui_state_configure(d->u, &o);
	draw(d);
}

static void test_demo_steps_back_and_takes_over(void **state)
{
	(void)state;
	struct answers *a = mini_demo();
	struct drive d;
	start_demo(&d, a, 120, 30);
	struct view v = ui_state_view(d.u);
	assert_non_null(v.demo);
	assert_true(v.notes);
	assert_true(shows(&d, "Ana, a visitor"));
	press(&d, ' ');
	assert_string_equal(node_id(&d), "who");
	/* The cursor is already on the scenario's answer. */
	assert_true(shows(&d, "\u203a2. Visitor"));
	assert_true(shows(&d, "Visitors cannot use the Privacy Act."));
	press(&d, ' ');
	assert_string_equal(node_id(&d), "what");
	assert_true(shows(&d, "[x] 1. Face photo"));
	assert_true(shows(&d, "Just chosen:"));
	/* Space takes the step here too (it does not untick). */
	press(&d, ' ');
	assert_string_equal(node_id(&d), "face-info");
	press(&d, K_RIGHT);
	assert_string_equal(node_id(&d), "harm");
	assert_true(shows(&d, "Step 3 of 3"));
	assert_true(shows(&d, "No harm means no damages claim."));
	/* Left: one step back, still the demo. */
	press(&d, K_LEFT);
	assert_string_equal(node_id(&d), "face-info");
	press(&d, K_LEFT);
	assert_string_equal(node_id(&d), "what");
	assert_non_null(ui_state_view(d.u).demo);
	assert_true(shows(&d, "[x] 1. Face photo"));
	/* A digit that ticks the same answers stays in the demo... */
	press(&d, '2');
	press(&d, '2');
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "face-info");
	assert_non_null(ui_state_view(d.u).demo);
	press(&d, K_ENTER);
	/* ...another answer takes over: the normal wizard from here. */
	press(&d, K_UP);
	press(&d, K_ENTER);
	assert_true(session_finished(d.s));
	assert_null(ui_state_view(d.u).demo);
	assert_true(shows(&d, "You took over: from here on it is the normal wizard."));
	assert_true(shows(&d, "Damages claim"));
	press(&d, K_LEFT);
	assert_null(ui_state_view(d.u).demo);
	stop(&d);
	/* t hides and shows the panel; the demo goes on. */
	start_demo(&d, a, 80, 24);
	press(&d, 't');
	assert_null(ui_state_view(d.u).demo);
	press(&d, ' ');
	press(&d, 't');
	assert_non_null(ui_state_view(d.u).demo);
	assert_true(shows(&d, "\u203a2. Visitor"));
	/* A digit for another answer takes over at once. */
	press(&d, '1');
	assert_null(ui_state_view(d.u).demo);
	assert_string_equal(node_id(&d), "what");
	stop(&d);
	answers_free(a);
}

/* Runs the test inside a fresh temporary folder. */
static char *enter_temp(char *cwd, size_t n)
{
	assert_non_null(getcwd(cwd, n));
	char *dir = xstrdup("/tmp/remedies-ui-state.XXXXXX");
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chdir(dir), 0);
	return dir;
}

static void leave_temp(const char *cwd, char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	struct buf b = {0};
	char tmp[4096];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	buf_add(&b, "", 0);
	return buf_take(&b);
}

static void test_save_dialog(void **state)
{
	(void)state;
	char cwd[4096];
	char *dir = enter_temp(cwd, sizeof cwd);
	struct drive d;
	start(&d, MINI, "en", 80, 24);
	press(&d, K_ENTER);
	press(&d, '2');
	press(&d, 's');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_SAVE);
	assert_int_equal(d.l->ctx, CTX_PROMPT);
	assert_true(shows(&d, "answers.yaml"));
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_true(shows(&d, "Answers saved in "));
	assert_true(ui_state_wrote_files(d.u));
	struct stat st;
	assert_int_equal(stat("answers.yaml", &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *text = slurp("answers.yaml"), *want = answers_format(d.s);
	assert_string_equal(text, want);
	free(text);
	free(want);
	/* Nothing changed since: quitting says the answers are kept. */
	press(&d, 'q');
	assert_int_equal(ui_state_view(d.u).saved, 1);
	press(&d, 'n');
	press(&d, '1');
	press(&d, K_ENTER);
	press(&d, 'q');
	assert_int_equal(ui_state_view(d.u).saved, 2);
	press(&d, 'n');
	/* Again: the file is there, so it asks; Enter alone keeps it. */
	press(&d, 's');
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_OVERWRITE);
	assert_true(shows(&d, "This file already exists. Replace it?"));
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_SAVE);
	text = slurp("answers.yaml");
	assert_null(strstr(text, "face"));
	free(text);
	press(&d, K_ENTER);
	press(&d, 'y');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	text = slurp("answers.yaml");
	assert_non_null(strstr(text, "face"));
	free(text);
	/* A folder that is not there: a clear message, the dialog stays, the
	 * answers stay. */
	size_t depth = session_depth(d.s);
	press(&d, 's');
	press(&d, K_KILL);
	type(&d, "no/such/folder/a.yaml");
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_SAVE);
	assert_true(shows(&d, "Nothing was saved: that folder does not exist."));
	/* The name is kept: Backspace edits it, and clears the message. */
	press(&d, K_BACKSPACE);
	assert_true(shows(&d, "no/such/folder/a.yam"));
	char *s = screen(&d);
	assert_null(strstr(s, "Nothing was saved"));
	free(s);
	press(&d, K_KILL);
	press(&d, K_ENTER);
	assert_true(shows(&d, "Type a file name first."));
	press(&d, K_ESC);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_int_equal(session_depth(d.s), depth);
	assert_string_equal(node_id(&d), "face-info");
	/* A disk that is full. */
	press(&d, 's');
	press(&d, K_KILL);
	type(&d, "/dev/full");
	press(&d, K_ENTER);
	/* a device is never written without asking (issue 11 item 7) */
	assert_int_equal(ui_state_view(d.u).panel, PANEL_OVERWRITE);
	press(&d, 'y');
	assert_true(shows(&d, "Nothing was saved: the disk is full."));
	press(&d, K_ESC);
	/* Saving while an answer is being changed would lose the later ones. */
	press(&d, 'a');
	press(&d, K_HOME);
	press(&d, K_ENTER);
	press(&d, 's');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_true(shows(&d, "First choose the new answer"));
	stop(&d);
	leave_temp(cwd, dir);
}

/* Issue 11 item 2: quitting with answers that are not saved offers to save
 * them first, in every language: s (save, as on every screen) opens the
 * save dialog and quits once they are written; Enter alone stays; y quits. */
static void test_quit_offers_to_save_first(void **state)
{
	(void)state;
	char cwd[4096];
	char *dir = enter_temp(cwd, sizeof cwd);
	for (unsigned li = 0; li < MINI->nlanguages; li++) {
		const char *lang = MINI->languages[li];
		struct drive d;
		start(&d, MINI, lang, 80, 24);
		press(&d, K_ENTER);
		/* No answer yet: nothing to lose, nothing offered. */
		press(&d, 'q');
		assert_false(ui_state_view(d.u).unsaved);
		press(&d, 'n');
		press(&d, '1');
		press(&d, K_ENTER);
		assert_true(session_history_len(d.s) > 0);
		press(&d, 'q');
		assert_int_equal(ui_state_view(d.u).panel, PANEL_QUIT);
		assert_true(ui_state_view(d.u).unsaved);
		assert_true(shows(&d, msg(lang, M_UI_QUIT_SAVE_FIRST)));
		/* In Spanish the yes key is also the word "and": named as a key
		 * ("s para guardarlas primero, y para salir" read as "and"). */
		if (strcmp(lang, "es") == 0)
			assert_true(shows(&d, "la tecla y para salir"));
		/* Enter alone stays. */
		assert_int_equal(press(&d, K_ENTER), UI_GO_ON);
		assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
		/* s saves first: the save dialog, then the program quits. */
		press(&d, 'q');
		assert_int_equal(press(&d, 's'), UI_GO_ON);
		assert_int_equal(ui_state_view(d.u).panel, PANEL_SAVE);
		char name[32];
		snprintf(name, sizeof name, "first-%s.yaml", lang);
		press(&d, K_KILL);
		type(&d, name);
		assert_int_equal(press(&d, K_ENTER), UI_QUIT);
		char *text = slurp(name), *want = answers_format(d.s);
		assert_string_equal(text, want);
		free(text);
		free(want);
		stop(&d);
		/* Esc in that save dialog: back to the wizard, nothing quits. */
		start(&d, MINI, lang, 80, 24);
		press(&d, K_ENTER);
		press(&d, '1');
		press(&d, K_ENTER);
		press(&d, 'q');
		press(&d, 's');
		assert_int_equal(press(&d, K_ESC), UI_GO_ON);
		assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
		press(&d, 's');
		press(&d, K_KILL);
		type(&d, "later.yaml");
		assert_int_equal(press(&d, K_ENTER), UI_GO_ON);
		unlink("later.yaml");
		/* y quits without saving, as asked. */
		press(&d, '1');
		press(&d, 'q');
		assert_int_equal(press(&d, 'y'), UI_QUIT);
		stop(&d);
	}
	leave_temp(cwd, dir);
}

static void test_export_dialog(void **state)
{
	(void)state;
	char cwd[4096];
	char *dir = enter_temp(cwd, sizeof cwd);
	struct drive d;
	start(&d, MINI, "es", 80, 24);
	press(&d, K_ENTER);
	press(&d, 'e');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_true(shows(&d, "Se exporta desde los resultados."));
	stop(&d);
	start(&d, MINI, "en", 80, 24);
	walk_lpr_face_no(&d);
	struct ui_options o = {.lang = "en", .today = "2026-11-27"};
	ui_state_configure(d.u, &o);
	press(&d, 'e');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_EXPORT);
	assert_int_equal(d.l->ctx, CTX_FORM);
	assert_true(shows(&d, "remedies-report.txt"));
	/* Each button stays with its name when the row wraps at 80 columns
	 * ("( )" ended a line, "iCalendar" began the next). */
	assert_true(shows(&d, "( ) iCalendar"));
	press(&d, K_ENTER);
	struct stat st;
	assert_int_equal(stat("remedies-report.txt", &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *text = slurp("remedies-report.txt");
	assert_non_null(strstr(text, "FOIA request"));
	assert_non_null(strstr(text, "2026-11-27"));
	assert_null(strstr(text, "Questions and answers"));
	free(text);
	/* Markdown with the answers: the name follows the format. */
	press(&d, 'e');
	press(&d, K_RIGHT);
	assert_true(shows(&d, "remedies-report.md"));
	/* ... and so does the "goes to" line (it kept ".txt"). */
	const char *target = ui_state_view(d.u).form->target;
	assert_true(strlen(target) > 19);
	assert_string_equal(target + strlen(target) - 19, "/remedies-report.md");
	press(&d, K_DOWN);
	press(&d, K_RIGHT);
	press(&d, K_DOWN);
	/* The case number: typed for this report, on its first page. */
	assert_int_equal(d.l->ctx, CTX_PROMPT);
	type(&d, "INT-9");
	assert_true(shows(&d, "INT-9"));
	press(&d, K_ENTER);
	text = slurp("remedies-report.md");
	assert_non_null(text);
	assert_non_null(strstr(text, "# "));
	assert_non_null(strstr(text, "Questions and answers"));
	assert_non_null(strstr(text, "Case or intake number: INT-9"));
	free(text);
	/* HTML, going left from text past iCalendar. */
	press(&d, 'e');
	press(&d, K_LEFT);
	assert_true(shows(&d, "remedies-report.ics"));
	press(&d, K_LEFT);
	assert_true(shows(&d, "remedies-report.html"));
	press(&d, K_ENTER);
	text = slurp("remedies-report.html");
	assert_non_null(strstr(text, "<html"));
	assert_null(strstr(text, "Questions and answers"));
	free(text);
	/* Each time the box starts unticked, and the case number empty. */
	press(&d, 'e');
	assert_null(strstr(ui_state_view(d.u).form->case_ref, "INT-9"));
	press(&d, K_DOWN);
	assert_true(shows(&d, "[ ] Include my answers"));
	/* An existing file: asked, refused, left alone. */
	press(&d, K_DOWN);
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_OVERWRITE);
	press(&d, 'n');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_EXPORT);
	press(&d, K_ESC);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_int_equal(ui_state_view(d.u).kind, VIEW_RESULTS);
	stop(&d);
	leave_temp(cwd, dir);
}

static void test_resume_notice(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "es", 80, 24);
	struct ui_options o = {.lang = "es", .answers_file = "client.yaml", .answers_used = 1,
	                       .answers_total = 2, .guide_changed = true};
	ui_state_configure(d.u, &o);
	draw(&d);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NOTICE);
	assert_true(shows(&d, "La gu\u00eda cambi\u00f3 desde que se guardaron estas respuestas."));
	assert_true(shows(&d, "Respuestas usadas: 1/2"));
	press(&d, 'L');
	assert_true(shows(&d, "The guide has changed since these answers were saved."));
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	stop(&d);
	start(&d, MINI, "en", 80, 24);
	o.guide_changed = false;
	ui_state_configure(d.u, &o);
	draw(&d);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_true(shows(&d, "Answers loaded from client.yaml"));
	stop(&d);
}


static void test_form_and_demo_helpers(void **state)
{
	(void)state;
	struct ui_form f = {0};
	ui_form_open(&f, UI_FORM_EXPORT, NULL);
	assert_string_equal(f.name.s, "remedies-report.txt");
	assert_int_equal(f.focus, FORM_FORMAT);
	assert_false(f.include_answers);
	ui_form_step_format(&f, 1);
	assert_string_equal(f.name.s, "remedies-report.md");
	ui_form_step_format(&f, 1);
	assert_string_equal(f.name.s, "remedies-report.html");
	ui_form_step_format(&f, 1);
	assert_string_equal(f.name.s, "remedies-report.ics");
	ui_form_step_format(&f, 1);
	assert_string_equal(f.name.s, "remedies-report.txt");
	ui_form_step_format(&f, -1);
	assert_int_equal(f.format, REPORT_ICS);
	/* A name the user chose keeps its own ending (typed in the name field:
	 * editing acts on the field with the focus). */
	f.focus = FORM_NAME;
	ui_form_clear(&f);
	ui_form_insert(&f, 'n');
	ui_form_insert(&f, 0xF1); /* ñ: two bytes, one character */
	ui_form_insert(&f, 'o');
	assert_string_equal(f.name.s, "n\u00f1o");
	ui_form_step_format(&f, 1);
	assert_string_equal(f.name.s, "n\u00f1o");
	ui_form_delete(&f);
	ui_form_delete(&f);
	assert_string_equal(f.name.s, "n");
	ui_form_open(&f, UI_FORM_SAVE, NULL);
	assert_string_equal(f.name.s, "answers.yaml");
	assert_int_equal(f.focus, FORM_NAME);
	ui_form_free(&f);

	/* The demo: a multi-select's ticks match in any order. */
	static const char text[] =
		"guide: mini\n"
		"answers:\n"
		"  - {node: who, choice: lpr}\n"
		"  - {node: what, choice: [phone, face]}\n";
	struct diags dg = {0};
	struct answers *a = answers_parse(text, sizeof text - 1, "demo.yaml", MINI, &dg);
	assert_non_null(a);
	struct session *s = session_new(MINI);
	assert_int_equal(ui_demo_entry(a, s), 0);
	assert_true(ui_demo_on_script(a, s));
	unsigned lpr = 0;
	assert_int_equal(session_answer(s, &lpr, 1), SESSION_OK);
	assert_int_equal(ui_demo_step(s), 1);
	assert_int_equal(ui_demo_entry(a, s), 1);
	const struct node *n = session_node(s);
	unsigned c[3];
	assert_int_equal(ui_demo_choices(&a->v[1], n, c), 2);
	unsigned both[2] = {0, 1};
	assert_int_equal(session_answer(s, both, 2), SESSION_OK);
	assert_true(ui_demo_on_script(a, s));
	assert_int_equal(ui_demo_entry(a, s), -1); /* an info screen */
	session_back(s);
	unsigned one = 0;
	assert_int_equal(session_answer(s, &one, 1), SESSION_OK);
	assert_false(ui_demo_on_script(a, s));
	session_free(s);
	answers_free(a);
	diags_free(&dg);
}

/* The folder field: Tab completes from the disk, the path shown is where
 * the file goes, and the folder written to is where the next dialog opens. */
static void test_form_folder(void **state)
{
	(void)state;
	char cwd[4096];
	char *dir = enter_temp(cwd, sizeof cwd);
	assert_int_equal(mkdir("cases", 0700), 0);
	assert_int_equal(mkdir("cases/maria", 0700), 0);
	assert_int_equal(mkdir("cases/mario", 0700), 0);
	FILE *fp = fopen("cases/mapa.txt", "w");
	assert_non_null(fp);
	fclose(fp);
	struct ui_form f = {0};
	ui_form_open(&f, UI_FORM_SAVE, NULL);
	char *want = xasprintf("%s/answers.yaml", dir);
	assert_string_equal(f.target, want);
	free(want);
	f.focus = FORM_FOLDER;
	ui_form_clear(&f);
	for (const char *p = "cas"; *p; p++)
		ui_form_insert(&f, (unsigned char)*p);
	ui_form_complete(&f);
	assert_string_equal(f.folder.s, "cases/");
	ui_form_insert(&f, 'm');
	ui_form_complete(&f);                    /* folders only: not mapa.txt */
	assert_string_equal(f.folder.s, "cases/mari");
	assert_non_null(f.matches);
	assert_non_null(strstr(f.matches, "maria/"));
	/* In name order, as a shell lists them (it was the directory's order). */
	assert_int_equal(mkdir("cases/marib", 0700), 0);
	assert_int_equal(mkdir("cases/maric", 0700), 0);
	ui_form_complete(&f);
	assert_string_equal(f.matches, "maria/  marib/  maric/  mario/");
	ui_form_insert(&f, 'o');
	ui_form_complete(&f);
	assert_string_equal(f.folder.s, "cases/mario/");
	assert_string_equal(f.target, "cases/mario/answers.yaml");
	ui_form_insert(&f, 'x');
	ui_form_complete(&f);
	assert_int_equal(f.error, M_UI_NO_MATCH);
	/* The name field completes files too, in the folder. */
	ui_form_delete(&f);
	f.focus = FORM_NAME;
	ui_form_clear(&f);
	for (const char *p = "../ma"; *p; p++)
		ui_form_insert(&f, (unsigned char)*p);
	ui_form_complete(&f);
	assert_string_equal(f.name.s, "../ma");   /* three match: no common part beyond */
	ui_form_insert(&f, 'p');
	ui_form_complete(&f);
	assert_string_equal(f.name.s, "../mapa.txt");
	ui_form_clear(&f);
	for (const char *p = "b.yaml"; *p; p++)
		ui_form_insert(&f, (unsigned char)*p);
	struct session *s = session_new(MINI);
	assert_int_equal(ui_form_write(&f, s, "en", NULL, false), FILEIO_OK);
	want = xasprintf("%s/cases/mario/b.yaml", dir);
	assert_string_equal(f.written, want);
	free(want);
	/* Opened again: in that folder. */
	ui_form_open(&f, UI_FORM_EXPORT, ui_form_written_folder(&f));
	want = xasprintf("%s/cases/mario/remedies-report.txt", dir);
	assert_string_equal(f.target, want);
	free(want);
	ui_form_free(&f);
	session_free(s);
	leave_temp(cwd, dir);
}

/* A change that brings up a new screen: once it is answered, the later
 * answers are kept again rather than each asked anew (found walking: a
 * new state brought a new court-of-appeals screen, and every answer after
 * it had to be confirmed by hand). */
static void test_change_replays_after_new_screen(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 80, 24);
	press(&d, K_ENTER);
	press(&d, '1');                  /* permanent resident */
	press(&d, '1');                  /* face photo */
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "face-info");
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "harm");
	press(&d, '2');                  /* no harm */
	assert_true(session_finished(d.s));
	/* Change "What happened?": a phone search too. */
	press(&d, 'a');
	press(&d, K_HOME);
	press(&d, K_DOWN);
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "what");
	press(&d, '2');
	press(&d, K_ENTER);
	/* The face screen is kept; the phone question is new. */
	assert_string_equal(node_id(&d), "phone-q");
	press(&d, '2');                  /* not kept */
	/* "Were you harmed?" was answered before: kept, not asked again. */
	assert_true(session_finished(d.s));
	stop(&d);
}

/* At the scenario's end the panel and the footer offer no next step (they
 * said "Space or Enter: next step" and "Space next step"; Space did
 * nothing there). */
static void test_demo_end_offers_no_next_step(void **state)
{
	(void)state;
	struct answers *a = mini_demo();
	struct drive d;
	start_demo(&d, a, 120, 30);
	for (int i = 0; i < 10 && !session_finished(d.s); i++)
		press(&d, ' ');
	assert_true(session_finished(d.s));
	assert_non_null(ui_state_view(d.u).demo);
	assert_true(shows(&d, "End of the scenario"));
	assert_true(shows(&d, "Enter: open a remedy."));
	char *sc = screen(&d);
	assert_null(strstr(sc, "Space or Enter: next step"));
	assert_null(strstr(sc, "Space next step"));
	free(sc);
	/* One step back: the demo's step again, with its keys. */
	press(&d, K_LEFT);
	assert_false(session_finished(d.s));
	assert_true(shows(&d, "Space or Enter: next step"));
	stop(&d);
	answers_free(a);
}

/* r then Enter does not forget unsaved answers: the restart question
 * starts on Cancel, as the quit question starts on Stay (it started on
 * "Start again"). */
static void test_restart_starts_on_cancel(void **state)
{
	(void)state;
	struct drive d;
	start(&d, MINI, "en", 80, 24);
	walk_lpr_face_no(&d);
	press(&d, 'r');
	assert_int_equal(ui_state_view(d.u).panel, PANEL_RESTART);
	press(&d, K_ENTER);
	assert_int_equal(ui_state_view(d.u).panel, PANEL_NONE);
	assert_true(session_finished(d.s));
	/* Chosen on purpose, it still starts again. */
	press(&d, 'r');
	press(&d, K_LEFT);
	press(&d, K_ENTER);
	assert_false(session_finished(d.s));
	assert_int_equal(session_depth(d.s), 0);
	stop(&d);
}

/* "None of these" (alone) and the other ticks exclude each other on the
 * screen: ticking it unticks the others, ticking another unticks it, each
 * time saying why; Enter then takes what the screen shows. */
static void test_alone_unticks_the_others(void **state)
{
	(void)state;
	struct guide *g = load_guide("tests/guides/alone.yaml");
	assert_non_null(g);
	struct drive d;
	start(&d, g, "en", 80, 24);
	press(&d, K_ENTER);
	assert_string_equal(node_id(&d), "today");
	press(&d, '1');
	press(&d, '2');
	assert_true(shows(&d, "[x] 1. Detained"));
	assert_true(shows(&d, "[x] 2. A hearing"));
	press(&d, '3');
	assert_true(shows(&d, "[ ] 1. Detained"));
	assert_true(shows(&d, "[ ] 2. A hearing"));
	assert_true(shows(&d, "[x] 3. None of these"));
	assert_true(shows(&d, "\"None of these\" goes alone: the other ticks were taken off."));
	press(&d, '2');
	assert_true(shows(&d, "[x] 2. A hearing"));
	assert_true(shows(&d, "[ ] 3. None of these"));
	assert_true(shows(&d, "\"None of these\" was unticked: it cannot go with other answers."));
	/* Unticking says nothing; a tick that clashes with nothing neither. */
	press(&d, '2');
	press(&d, 'x');
	press(&d, '1');
	char *sc = screen(&d);
	assert_null(strstr(sc, "goes alone"));
	assert_null(strstr(sc, "was unticked"));
	free(sc);
	press(&d, '3');
	press(&d, K_ENTER);
	assert_true(session_finished(d.s));
	size_t k;
	const unsigned *c = session_history_choices(d.s, 0, &k);
	assert_int_equal(k, 1);
	assert_string_equal(g->nodes[guide_node(g, "today")].choices[c[0]].id, "none");
	stop(&d);
	/* In Spanish too, with the label in Spanish. */
	start(&d, g, "es", 80, 24);
	press(&d, K_ENTER);
	press(&d, '1');
	press(&d, '3');
	assert_true(shows(&d, "La opción \"Ninguna de estas\" va sola"));
	stop(&d);
	guide_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_restart_starts_on_cancel),
		cmocka_unit_test(test_form_folder),
		cmocka_unit_test(test_welcome_then_walk_to_results),
		cmocka_unit_test(test_back_restores_the_screen_exactly),
		cmocka_unit_test(test_review_change_keeps_later_answers),
		cmocka_unit_test(test_review_leaves_out_info_screens),
		cmocka_unit_test(test_dialogs),
		cmocka_unit_test(test_quit_offers_to_save_first),
		cmocka_unit_test(test_quick_exit_forgets),
		cmocka_unit_test(test_search_help_glossary),
		cmocka_unit_test(test_lists_scroll_to_the_cursor),
		cmocka_unit_test(test_language_switch_keeps_the_place),
		cmocka_unit_test(test_bilingual_and_notes),
		cmocka_unit_test(test_demo_steps_back_and_takes_over),
		cmocka_unit_test(test_demo_end_offers_no_next_step),
		cmocka_unit_test(test_save_dialog),
		cmocka_unit_test(test_export_dialog),
		cmocka_unit_test(test_change_replays_after_new_screen),
		cmocka_unit_test(test_resume_notice),
		cmocka_unit_test(test_form_and_demo_helpers),
		cmocka_unit_test(test_alone_unticks_the_others),
	};
	return cmocka_run_group_tests(tests, guides_setup, guides_teardown);
}
