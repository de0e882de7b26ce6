/* SPDX-License-Identifier: MIT */
/* The full-screen layout without a terminal: every screen at many sizes,
 * below the minimum, with wide (CJK) and accented text, in ASCII mode; and
 * the key table. Linked without ncursesw, like the rest of the core. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

#include "core/answers.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "core/search.h"
#include "ui/links.h"
#include "core/session.h"
#include "core/text.h"
#include "core/util.h"

/* Walks mini.yaml to its results as a visitor (one remedy ruled out). */
static struct session *finished_visitor(void)
{
	struct session *s = session_new(MINI);
	answer(s, "visitor");
	answer(s, "face");
	assert_int_equal(session_continue(s), SESSION_OK);
	answer(s, "no");
	assert_true(session_finished(s));
	return s;
}

/* Walks mini.yaml to three remedies in two paths. */
static struct session *finished_lpr(void)
{
	struct session *s = session_new(MINI);
	answer(s, "lpr");
	unsigned both[2] = {(unsigned)guide_choice(session_node(s), "face"),
	                    (unsigned)guide_choice(session_node(s), "phone")};
	assert_int_equal(session_answer(s, both, 2), SESSION_OK);
	assert_int_equal(session_continue(s), SESSION_OK);
	answer(s, "kept");
	answer(s, "yes");
	assert_true(session_finished(s));
	return s;
}

static struct view base_view(const struct session *s, enum view_kind k)
{
	struct view v;
	memset(&v, 0, sizeof v);
	v.kind = k;
	v.s = s;
	v.lang = "en";
	v.remedy = 0;
	v.under = VIEW_NODE;
	v.under_remedy = -1;
	v.query = "";
	return v;
}

/* Nothing is drawn outside the window, and no text is wider than its room. */
static void check_geometry(const struct layout *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct lay_line *ln = &l->v[i];
		assert_true(ln->y >= 0 && ln->y < l->height);
		assert_true(ln->x >= 0);
		switch (ln->kind) {
		case LK_TEXT: {
			size_t w = text_width_n(ln->s, ln->len);
			if (ln->x + (int)w > l->width) {
				fprintf(stderr, "too wide at %dx%d: y=%d x=%d w=%zu '%.*s'\n", l->width,
				        l->height, ln->y, ln->x, w, (int)ln->len, ln->s);
				fail();
			}
			assert_null(memchr(ln->s, '\n', ln->len));
			assert_null(memchr(ln->s, '\t', ln->len));
			break;
		}
		case LK_FILL:
			assert_true(ln->x + ln->w <= l->width);
			break;
		case LK_BOX:
			assert_true(ln->x + ln->w <= l->width);
			assert_true(ln->y + ln->h <= l->height);
			break;
		}
	}
	if (!l->too_small) {
		assert_true(l->scroll >= 0);
		assert_true(l->body_rows > 0);
		assert_true(l->scroll <= (l->content_rows > l->body_rows ? l->content_rows - l->body_rows : 0));
	}
}

static bool shows(const struct layout *l, const char *text)
{
	char *d = layout_dump(l);
	bool r = strstr(d, text) != NULL;
	if (!r)
		fprintf(stderr, "not on the %dx%d screen: '%s'\n%s", l->width, l->height, text, d);
	free(d);
	return r;
}

static bool shows_quiet(const struct layout *l, const char *text)
{
	char *d = layout_dump(l);
	bool r = strstr(d, text) != NULL;
	free(d);
	return r;
}

/* Row y of the screen as text. */
static char *row(const struct layout *l, int y)
{
	char *d = layout_dump(l);
	char *p = d;
	for (int i = 0; i < y && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	char *r = xstrndup(p ? p : "", p ? strcspn(p, "\n") : 0);
	free(d);
	return r;
}

static const int widths[] = {40, 41, 47, 57, 64, 80, 100, 132, 211};
static const int heights[] = {12, 13, 17, 24, 50};

static void every_size(struct view *v, void (*extra)(const struct layout *, void *), void *arg)
{
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		for (size_t j = 0; j < sizeof heights / sizeof heights[0]; j++) {
			struct layout *l = layout_build(v, widths[i], heights[j]);
			assert_false(l->too_small);
			check_geometry(l);
			char *foot = row(l, heights[j] - 1);
			assert_non_null(strstr(foot, "F12"));
			free(foot);
			if (extra)
				extra(l, arg);
			layout_free(l);
		}
}

static void test_every_screen_every_size(void **state)
{
	(void)state;
	struct guide *gs[] = {MINI, WIDE};
	const char *langs[] = {"en", "es"};
	for (size_t gi = 0; gi < 2; gi++) {
		struct session *s = session_new(gs[gi]);
		struct session *done = gi == 0 ? finished_visitor() : session_new(gs[gi]);
		if (gi == 1) {
			answer(done, "cjk");
			assert_true(session_finished(done));
		}
		struct search_hit *ehits;
		size_t nehits = guide_search(gs[gi], "e", false, &ehits);
		for (size_t li = 0; li < 2; li++)
			for (int k = VIEW_WELCOME; k <= VIEW_SEARCH; k++)
				for (int p = PANEL_NONE; p <= PANEL_NOTICE; p++)
					for (int ascii = 0; ascii < 2; ascii++) {
						/* The dialogs look the same over any screen: two will do. */
						if (p > PANEL_QUESTION && k != VIEW_NODE && k != VIEW_RESULTS)
							continue;
						/* Search lays out many hits, and a panel over it is no
						 * different from over another. */
						if (k == VIEW_SEARCH && p > PANEL_HELP)
							continue;
						bool fin = k == VIEW_RESULTS || k == VIEW_DETAIL || k == VIEW_WHY_NOT;
						struct view v = base_view(fin ? done : s, (enum view_kind)k);
						struct view_form form = {
							.focus = p % 4, .format = 1, .include_answers = true,
							.name = "a-rather-long-file-name.txt",
							.folder = "/home/someone/a/folder", .error = M_ERR_FULL,
							.target = "/home/someone/a/folder/a-rather-long-file-name.txt",
							.matches = "a/  b/  c/"};
						struct view_notice notice = {"client.yaml", 3, 5};
						v.form = &form;
						v.notice = &notice;
						v.lang = langs[li];
						v.lang2 = ascii ? langs[1 - li] : NULL; /* bilingual half the time */
						v.notes = ascii;
						v.panel = (enum panel_kind)p;
						v.panel_index = 0;
						v.ascii = ascii;
						v.query = "e";
						v.hits = ehits;
						v.nhits = nehits;
						v.message = p == PANEL_NONE ? "A message that is rather long, to be cut "
						                              "at the edge of narrow windows for sure"
						                            : NULL;
						every_size(&v, NULL, NULL);
						v.scroll = 100000;
						v.panel_scroll = 100000;
						every_size(&v, NULL, NULL);
					}
		free(ehits);
		session_free(done);
		session_free(s);
	}
}

static void test_below_minimum(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	struct view v = base_view(s, VIEW_NODE);
	const int sizes[][2] = {{39, 12}, {40, 11}, {39, 11}, {20, 5}, {10, 2}, {1, 1}, {0, 0}, {-1, 5}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct layout *l = layout_build(&v, sizes[i][0], sizes[i][1]);
		assert_true(l->too_small);
		assert_int_equal(l->ctx, CTX_SMALL);
		check_geometry(l);
		layout_free(l);
	}
	struct layout *l = layout_build(&v, 39, 12);
	assert_true(shows(l, "Please make the window larger."));
	assert_true(shows(l, "F12"));
	layout_free(l);
	l = layout_build(&v, LAYOUT_MIN_WIDTH, LAYOUT_MIN_HEIGHT);
	assert_false(l->too_small);
	assert_true(shows(l, "Who are you?"));
	assert_true(shows(l, "Permanent resident"));
	layout_free(l);
	session_free(s);
}

static void test_question_screen(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	struct view v = base_view(s, VIEW_NODE);
	v.cursor = 1;
	struct layout *l = layout_build(&v, 80, 24);
	char *top = row(l, 0);
	assert_non_null(strstr(top, "Mini guide"));
	assert_non_null(strstr(top, "About you \u00b7 Step 1"));
	free(top);
	assert_true(shows(l, "\u203a2. Visitor"));
	assert_true(shows(l, " 1. Permanent resident"));
	assert_int_equal(l->nitems, 2);
	assert_int_equal(l->items[1].kind, LI_CHOICE);
	assert_int_equal(l->items[1].index, 1);
	assert_int_equal(l->cursor, 1);
	assert_true(l->cursor_shown);
	assert_int_equal(l->ctx, CTX_QUESTION);
	layout_free(l);
	/* A cursor past the end is clamped. */
	v.cursor = 99;
	l = layout_build(&v, 80, 24);
	assert_int_equal(l->cursor, 1);
	layout_free(l);
	/* The same screen in Spanish: the language is just a field. */
	v.lang = "es";
	l = layout_build(&v, 80, 24);
	assert_true(shows(l, "Sobre usted \u00b7 Paso 1"));
	assert_true(shows(l, "\u00bfQui\u00e9n es usted?"));
	assert_true(shows(l, "F12 salida r\u00e1pida"));
	layout_free(l);
	session_free(s);
}

static void test_multi_shows_ticks(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	answer(s, "lpr");
	unsigned char checked[3] = {0, 1, 0};
	struct view v = base_view(s, VIEW_NODE);
	v.checked = checked;
	struct layout *l = layout_build(&v, 80, 24);
	assert_int_equal(l->ctx, CTX_MULTI);
	assert_true(shows(l, "[ ] 1. Face photo"));
	assert_true(shows(l, "[x] 2. Phone search"));
	assert_true(shows(l, "[ ] 3. Green card taken"));
	layout_free(l);
	session_free(s);
	/* A visitor does not see the choice kept for permanent residents. */
	s = session_new(MINI);
	answer(s, "visitor");
	v = base_view(s, VIEW_NODE);
	l = layout_build(&v, 80, 24);
	assert_int_equal(l->nitems, 2);
	char *d = layout_dump(l);
	assert_null(strstr(d, "Green card taken"));
	free(d);
	layout_free(l);
	session_free(s);
}

static void check_disclaimer(const struct layout *l, void *arg)
{
	(void)arg;
	char *r = row(l, 1);
	assert_non_null(strstr(r, "Legal information, not legal advice."));
	free(r);
}

static void test_results_always_show_the_disclaimer(void **state)
{
	(void)state;
	struct session *s = finished_visitor();
	enum view_kind kinds[] = {VIEW_RESULTS, VIEW_DETAIL, VIEW_WHY_NOT};
	for (size_t i = 0; i < 3; i++) {
		struct view v = base_view(s, kinds[i]);
		every_size(&v, check_disclaimer, NULL);
		v.scroll = 1000; /* scrolled to the end, it is still there */
		every_size(&v, check_disclaimer, NULL);
	}
	struct view v = base_view(s, VIEW_RESULTS);
	v.by_path = true; /* p: grouped by path, with the paths' titles */
	struct layout *l = layout_build(&v, 80, 40);
	assert_true(shows(l, "Records"));
	layout_free(l);
	v.by_path = false;
	l = layout_build(&v, 80, 40);
	assert_false(shows(l, "Records"));
	assert_true(shows(l, "FOIA request"));
	assert_true(shows(l, "Deadline: Appeal within 90 working days."));
	assert_true(shows(l, "Why not other remedies? (1)"));
	assert_int_equal(l->items[0].kind, LI_REMEDY);
	assert_int_equal(l->items[l->nitems - 1].kind, LI_WHY_NOT);
	layout_free(l);
	v = base_view(s, VIEW_WHY_NOT);
	l = layout_build(&v, 80, 40);
	assert_true(shows(l, "Privacy Act access"));
	assert_true(shows(l, "because you answered \"Visitor\" (Who are you?)"));
	assert_true(shows(l, "Only citizens and LPRs may use it."));
	layout_free(l);
	v = base_view(s, VIEW_DETAIL);
	v.remedy = guide_remedy(MINI, "foia");
	l = layout_build(&v, 80, 60);
	assert_true(shows(l, "Who can use it"));
	assert_true(shows(l, "What will not work, and why"));
	assert_true(shows(l, "https://www.cbp.gov/site-policy-notices/foia"));
	assert_true(shows(l, "5 U.S.C. \u00a7 552(a)(3)(A). Any person may ask"));
	assert_true(shows(l, "(verified 2026-11-27)"));
	layout_free(l);
	session_free(s);
}

static void test_scroll_follows_cursor(void **state)
{
	(void)state;
	struct session *s = finished_lpr();
	struct view v = base_view(s, VIEW_RESULTS);
	v.framing_folded = true; /* so that the first remedy starts on screen */
	v.cursor = 1000;
	v.follow = true;
	struct layout *l = layout_build(&v, 40, 12);
	assert_int_equal(l->cursor, l->nitems - 1);
	assert_true(l->cursor_shown);
	assert_true(l->scroll > 0);
	/* Without follow the scroll stays where it was asked to be. */
	v.follow = false;
	v.scroll = 0;
	layout_free(l);
	l = layout_build(&v, 40, 12);
	assert_int_equal(l->scroll, 0);
	assert_false(l->cursor_shown);
	layout_free(l);
	l = layout_build(&v, 40, 30);
	assert_true(l->nitems > 0 && l->items[0].last < l->body_rows); /* the first item shows */
	layout_free(l);
	session_free(s);
}

static void test_wide_text(void **state)
{
	(void)state;
	/* Display width is what counts, never bytes. */
	assert_int_equal(text_width("D\u00e9j\u00e0 vu"), 7);
	assert_int_equal(text_width("e\u0301"), 1);
	assert_int_equal(text_width("\u65e5\u672c\u8a9e"), 6);
	struct session *s = session_new(WIDE);
	struct view v = base_view(s, VIEW_NODE);
	struct layout *l = layout_build(&v, 40, 12);
	/* 37 columns of text: a CJK label breaks after 18 characters (36
	 * columns) minus its 3-column prefix, and never in half a character. */
	char *r1 = NULL, *r2 = NULL;
	for (int y = 1; y < 11; y++) {
		char *r = row(l, y);
		if (strstr(r, "1. \u65e5\u672c"))
			r1 = r;
		else if (r1 && !r2)
			r2 = r;
		else
			free(r);
	}
	assert_non_null(r1);
	assert_non_null(r2);
	assert_string_equal(r1, "\u203a1. \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3092"
	                        "\u6298\u308a\u8fd4\u3057\u307e\u3059\u3002\u65e5");
	assert_string_equal(r2, "    \u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3092\u6298\u308a"
	                        "\u8fd4\u3057\u307e\u3059\u3002     \u25bc");
	free(r1);
	free(r2);
	layout_free(l);
	/* Odd widths: a wide character never hangs over the edge. */
	for (int w = 40; w < 60; w++) {
		l = layout_build(&v, w, 12);
		check_geometry(l);
		layout_free(l);
	}
	session_free(s);
}

static void test_ascii_terminal(void **state)
{
	(void)state;
	struct session *s = session_new(WIDE);
	struct view v = base_view(s, VIEW_NODE);
	v.ascii = true;
	v.lang = "es";
	v.panel = PANEL_HELP;
	struct layout *l = layout_build(&v, 40, 12);
	assert_true(shows(l, "+- Ayuda -"));
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].kind != LK_TEXT)
			continue;
		char *t = xstrndup(l->v[i].s, l->v[i].len);
		char *bare = text_strip_marks(t);
		for (const char *p = bare; *p; p++)
			assert_true((unsigned char)*p < 0x80);
		free(bare);
		free(t);
	}
	layout_free(l);
	v.panel = PANEL_NONE;
	l = layout_build(&v, 40, 12);
	assert_true(shows(l, "?El agente le tom? las ?? (huellas)"));
	assert_true(shows(l, ">1. ??????"));
	layout_free(l);
	session_free(s);
}

static void test_glossary_marks(void **state)
{
	(void)state;
	struct session *s = session_new(WIDE);
	struct view v = base_view(s, VIEW_NODE);
	struct layout *l = layout_build(&v, 80, 24);
	bool marked = false;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == LK_TEXT) {
			char *t = xstrndup(l->v[i].s, l->v[i].len);
			marked |= strstr(t, TEXT_MARK_ON) != NULL;
			free(t);
		}
	assert_true(marked);
	layout_free(l);
	/* Wrapped inside a term, the next line starts inside the mark. */
	bool open_start = false;
	for (int w = 40; w < 120 && !open_start; w++) {
		l = layout_build(&v, w, 24);
		for (size_t i = 0; i < l->n; i++)
			open_start |= l->v[i].mark && strncmp(l->v[i].s, "TRIP", 4) == 0;
		layout_free(l);
	}
	assert_true(open_start);
	v = base_view(s, VIEW_GLOSSARY);
	l = layout_build(&v, 80, 24);
	assert_true(shows(l, "Terms on this screen"));
	assert_true(shows(l, "The Traveler Redress Inquiry Program"));
	layout_free(l);
	session_free(s);
}

/* The glossary opened on a remedy's detail screen lists, under "Terms on
 * this screen", a term marked in any text that screen shows: here only in
 * the name of a place to file and in a citation's title (both once left
 * out: the detail screen showed the mark, its glossary did not). */
static void test_glossary_terms_of_every_field(void **state)
{
	(void)state;
	FILE *f = fopen("tests/guides/mini.yaml", "rb");
	assert_non_null(f);
	char buf[16384];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *fields[][2] = {
		{"where: [{name: {en: \"DHS\", es: \"DHS\"}}]",
		 "where: [{name: {en: \"DHS, [[lpr|the green card office]]\", es: \"DHS\"}}]"},
		{"title: {en: \"Any person may ask\",",
		 "title: {en: \"Any person ([[lpr|resident]] or not) may ask\","},
	};
	for (size_t k = 0; k < 2; k++) {
		char *at = strstr(buf, fields[k][0]);
		assert_non_null(at);
		char *text = xasprintf("%.*s%s%s", (int)(at - buf), buf, fields[k][1],
		                       at + strlen(fields[k][0]));
		struct diags d = {0};
		struct guide *g = guide_parse(text, strlen(text), "where-term.yaml", &d);
		diags_free(&d);
		assert_non_null(g);
		struct session *s = session_new(g);
		struct view v = base_view(s, VIEW_DETAIL);
		v.remedy = guide_remedy(g, "pa-access");
		struct layout *l = layout_build(&v, 80, 60);
		assert_true(shows(l, k == 0 ? "the green card office" : "resident or not"));
		layout_free(l);
		v = base_view(s, VIEW_GLOSSARY);
		v.under = VIEW_DETAIL;
		v.under_remedy = guide_remedy(g, "pa-access");
		l = layout_build(&v, 80, 24);
		assert_true(shows(l, "Terms on this screen"));
		layout_free(l);
		session_free(s);
		guide_free(g);
		free(text);
	}
}

/* A search that finds more than the screen lists says how many more, and
 * lays out only the first ones (its cost per key stays bounded). */
static void test_search_caps_hits(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	struct search_hit hits[250];
	for (size_t i = 0; i < 250; i++)
		hits[i] = (struct search_hit){.kind = SEARCH_NODE, .index = guide_node(MINI, "who")};
	struct view v = base_view(s, VIEW_SEARCH);
	v.query = "who";
	v.hits = hits;
	v.nhits = 250;
	v.scroll = 1000000;
	struct layout *l = layout_build(&v, 80, 24);
	assert_true(shows(l, "Found: 250"));
	assert_true(shows(l, "50 more not shown: type more words to narrow the search."));
	assert_int_equal(l->nitems, 200);
	layout_free(l);
	session_free(s);
}

static void test_search(void **state)
{
	(void)state;
	struct search_hit *hits;
	size_t n = guide_search(WIDE, "PETICION", false, &hits);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].kind, SEARCH_REMEDY);
	assert_int_equal(hits[0].index, guide_remedy(WIDE, "trip"));
	free(hits);
	n = guide_search(WIDE, "munoz", false, &hits);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].kind, SEARCH_NODE);
	free(hits);
	n = guide_search(WIDE, "traveler redress inquiry", false, &hits);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].kind, SEARCH_TERM);
	free(hits);
	n = guide_search(WIDE, "", false, &hits);
	assert_int_equal(n, 0);
	free(hits);
	n = guide_search(MINI, "revision", false, &hits);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].index, guide_node(MINI, "what"));
	free(hits);
	struct session *s = session_new(WIDE);
	struct view v = base_view(s, VIEW_SEARCH);
	v.query = "peticion";
	v.nhits = guide_search(WIDE, v.query, false, &hits);
	v.hits = hits;
	v.lang = "es";
	struct layout *l = layout_build(&v, 80, 24);
	assert_true(shows(l, "Buscar: peticion"));
	assert_true(shows(l, "Encontrados: 1"));
	assert_true(shows(l, "Recurso: Petici\u00f3n de reparaci\u00f3n para viajeros"));
	assert_int_equal(l->cur_y, 1);
	assert_int_equal(l->cur_x, 1 + 8 + 8);
	layout_free(l);
	free(hits);
	session_free(s);
}

static void test_review(void **state)
{
	(void)state;
	struct session *s = finished_visitor();
	struct view v = base_view(s, VIEW_REVIEW);
	v.cursor = 1;
	struct layout *l = layout_build(&v, 80, 24);
	/* Three answers: the information screen passed on the way is not one
	 * (uxqa row 24: it was listed, "-> (read)"). */
	assert_int_equal(l->nitems, 3);
	assert_int_equal(l->items[1].kind, LI_ANSWER);
	assert_true(shows(l, "\u203a2. What happened?"));
	assert_true(shows(l, "\u2192 Face photo"));
	assert_true(shows(l, "3. Were you harmed?"));
	assert_int_equal(l->items[2].index, 3); /* its history entry */
	char *dump = layout_dump(l);
	assert_null(strstr(dump, "(read)"));
	assert_null(strstr(dump, "Face photos are kept by CBP."));
	free(dump);
	layout_free(l);
	session_free(s);
}

static void test_dialog_buttons(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	struct view v = base_view(s, VIEW_NODE);
	v.panel = PANEL_QUIT;
	v.panel_cursor = 1;
	struct layout *l = layout_build(&v, 40, 12);
	assert_int_equal(l->ctx, CTX_DIALOG);
	assert_true(shows(l, " [ Quit ]  \u203a[ Stay ]")); /* the focus marked, not only coloured */
	bool stay_selected = false, quit_selected = false;
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].kind != LK_TEXT)
			continue;
		if (strncmp(l->v[i].s, "\u203a[ Stay ]", l->v[i].len) == 0)
			stay_selected = l->v[i].selected;
		if (strncmp(l->v[i].s, " [ Quit ]", l->v[i].len) == 0)
			quit_selected = l->v[i].selected;
	}
	assert_true(stay_selected);
	assert_false(quit_selected);
	layout_free(l);
	session_free(s);
}


/* Rows of the screen that contain text. */
static int row_with(const struct layout *l, const char *text)
{
	for (int y = 0; y < l->height; y++) {
		char *r = row(l, y);
		bool hit = strstr(r, text) != NULL;
		free(r);
		if (hit)
			return y;
	}
	return -1;
}

static void test_bilingual_widths(void **state)
{
	(void)state;
	struct session *s = session_new(MINI);
	struct view v = base_view(s, VIEW_NODE);
	v.lang2 = "es";
	/* Wide: two columns, each language on the same rows. */
	struct layout *l = layout_build(&v, 120, 24);
	check_geometry(l);
	int y = row_with(l, "Who are you?");
	assert_true(y > 0);
	assert_int_equal(row_with(l, "\u00bfQui\u00e9n es usted?"), y);
	assert_int_equal(row_with(l, "English"), row_with(l, "espa\u00f1ol"));
	assert_int_equal(row_with(l, "1. Permanent resident"), row_with(l, "1. Residente permanente"));
	assert_int_equal(l->nitems, 2);
	layout_free(l);
	/* Exactly at the threshold, still two columns. */
	l = layout_build(&v, LAYOUT_BI_SIDE, 24);
	assert_int_equal(row_with(l, "Who are you?"), row_with(l, "\u00bfQui\u00e9n es usted?"));
	layout_free(l);
	/* Narrower: one under the other, inside the same item. */
	int widths_stacked[] = {LAYOUT_BI_SIDE - 1, 80, LAYOUT_BI_STACK};
	for (size_t i = 0; i < 3; i++) {
		l = layout_build(&v, widths_stacked[i], 24);
		check_geometry(l);
		y = row_with(l, "Who are you?");
		assert_int_equal(row_with(l, "\u00bfQui\u00e9n es usted?"), y + 1);
		assert_int_equal(row_with(l, "Residente permanente"), row_with(l, "1. Permanent resident") + 1);
		assert_int_equal(l->nitems, 2);
		assert_int_equal(l->items[0].last, l->items[0].first + 1);
		layout_free(l);
	}
	/* Too narrow: one language, and a word why. */
	l = layout_build(&v, LAYOUT_BI_STACK - 1, 24);
	check_geometry(l);
	assert_int_equal(row_with(l, "\u00bfQui\u00e9n"), -1);
	assert_true(shows(l, "Two languages need a wider window."));
	layout_free(l);
	/* The help panel has both languages, one under the other. */
	v.panel = PANEL_HELP;
	l = layout_build(&v, 120, 30);
	assert_true(shows(l, "Pick the closest. LPR means green card."));
	assert_true(shows(l, "Elija la m\u00e1s cercana."));
	layout_free(l);
	/* Spanish first, English second. */
	v.panel = PANEL_NONE;
	v.lang = "es";
	v.lang2 = "en";
	l = layout_build(&v, 120, 24);
	char *r = row(l, row_with(l, "Who are you?"));
	assert_true(strstr(r, "\u00bfQui\u00e9n") < strstr(r, "Who are you?"));
	free(r);
	layout_free(l);
	/* Every screen at every size with both languages. */
	for (int k = VIEW_WELCOME; k <= VIEW_SEARCH; k++) {
		v = base_view(s, (enum view_kind)k);
		v.lang2 = "es";
		every_size(&v, NULL, NULL);
	}
	session_free(s);
}

static void test_trainer_notes(void **state)
{
	(void)state;
	struct session *s = session_new(WIDE);
	struct view v = base_view(s, VIEW_NODE);
	struct layout *l = layout_build(&v, 80, 24);
	assert_false(shows_quiet(l, "ask for the date"));
	layout_free(l);
	v.notes = true;
	l = layout_build(&v, 80, 24);
	assert_true(shows(l, "Trainer note: Volunteer: ask for the date of the crossing first."));
	layout_free(l);
	v.lang = "es";
	l = layout_build(&v, 80, 24);
	assert_true(shows(l, "Nota para instructores:"));
	layout_free(l);
	/* The remedy's note too. */
	v = base_view(s, VIEW_DETAIL);
	l = layout_build(&v, 80, 40);
	assert_false(shows_quiet(l, "only online"));
	layout_free(l);
	v.notes = true;
	l = layout_build(&v, 80, 40);
	assert_true(shows(l, "Trainer: the form is only online."));
	layout_free(l);
	/* Search finds a note only when notes are shown. */
	struct search_hit *hits;
	assert_int_equal(guide_search(WIDE, "date of the crossing", false, &hits), 0);
	free(hits);
	assert_int_equal(guide_search(WIDE, "date of the crossing", true, &hits), 1);
	free(hits);
	session_free(s);
}

static void test_search_every_language(void **state)
{
	(void)state;
	struct search_hit *hits;
	/* Spanish words find the question on an English screen, and the
	 * other way round: the search has no language. */
	size_t n = guide_search(MINI, "foto de la cara", false, &hits);
	/* By stems: "fotos de la cara" (the information screen) too. */
	assert_int_equal(n, 2);
	assert_int_equal(hits[0].index, guide_node(MINI, "what"));
	assert_int_equal(hits[1].index, guide_node(MINI, "face-info"));
	free(hits);
	n = guide_search(MINI, "phone search", false, &hits);
	assert_int_equal(n, 1);
	free(hits);
	struct session *s = session_new(MINI);
	struct view v = base_view(s, VIEW_SEARCH);
	v.query = "dinero";
	v.nhits = guide_search(MINI, v.query, false, &hits);
	v.hits = hits;
	v.lang2 = "es";
	struct layout *l = layout_build(&v, 80, 24);
	check_geometry(l);
	assert_true(shows(l, "Remedy: Damages claim"));
	assert_true(shows(l, "Reclamo de da\u00f1os"));
	layout_free(l);
	free(hits);
	session_free(s);
}

static struct answers *mini_demo(void)
{
	struct diags d = {0};
	struct answers *a = answers_load("tests/e2e/mini-demo.yaml", MINI, &d);
	diags_free(&d);
	assert_non_null(a);
	return a;
}

static void test_demo_panel(void **state)
{
	(void)state;
	struct answers *a = mini_demo();
	struct session *s = session_new(MINI);
	struct view_demo dm = {.a = a, .entry = 0, .step = 0, .scroll = 0};
	struct view v = base_view(s, VIEW_NODE);
	v.demo = &dm;
	/* Wide: beside the body, which keeps clear of it. */
	struct layout *l = layout_build(&v, 120, 30);
	check_geometry(l);
	assert_true(shows(l, "Trainer demo"));
	assert_true(shows(l, "A visitor at the airport"));
	assert_true(shows(l, "Step 1 of 3"));
	assert_true(shows(l, "2. Visitor"));
	assert_true(shows(l, "Visitors cannot use the Privacy Act."));
	int py = row_with(l, "Visitors cannot use");
	char *r = row(l, py);
	assert_true(strstr(r, "Visitors") - r > 120 - 48);
	free(r);
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == LK_TEXT && l->v[i].item >= 0)
			assert_true(l->v[i].x + (int)text_width_n(l->v[i].s, l->v[i].len) <= 120 - 32);
	assert_int_equal(row_with(l, "Who are you?"), row_with(l, "Trainer demo"));
	layout_free(l);
	/* Narrow: below the body. */
	l = layout_build(&v, 80, 24);
	check_geometry(l);
	assert_true(row_with(l, "Trainer demo") > row_with(l, "2. Visitor"));
	assert_true(shows(l, "Who are you?"));
	layout_free(l);
	/* Off the scenario: it says so. */
	dm.entry = -1;
	l = layout_build(&v, 120, 30);
	assert_true(shows(l, "The scenario does not go through"));
	layout_free(l);
	/* The welcome tells the story; the end says so. */
	v = base_view(s, VIEW_WELCOME);
	v.demo = &dm;
	l = layout_build(&v, 120, 40);
	assert_true(shows(l, "Ana, a visitor, had her face"));
	assert_true(shows(l, "Next step: start."));
	layout_free(l);
	struct session *done = finished_visitor();
	v = base_view(done, VIEW_RESULTS);
	dm.step = 3;
	v.demo = &dm;
	v.lang = "es";
	l = layout_build(&v, 120, 40);
	assert_true(shows(l, "Fin del escenario"));
	assert_true(shows(l, "Paso 3 de 3"));
	layout_free(l);
	session_free(done);
	/* Every screen, every size. */
	dm.step = 0;
	for (int k = VIEW_WELCOME; k <= VIEW_SEARCH; k++) {
		v = base_view(s, (enum view_kind)k);
		v.demo = &dm;
		v.lang2 = k % 2 ? "es" : NULL;
		every_size(&v, NULL, NULL);
	}
	session_free(s);
	answers_free(a);
}

static void test_form_panels(void **state)
{
	(void)state;
	struct session *s = finished_visitor();
	struct view_form f = {.focus = FORM_FORMAT, .format = 2, .name = "remedies-report.html",
	                      .folder = "/tmp", .error = -1, .target = "/tmp/remedies-report.html"};
	struct view v = base_view(s, VIEW_RESULTS);
	v.form = &f;
	v.panel = PANEL_EXPORT;
	struct layout *l = layout_build(&v, 80, 24);
	check_geometry(l);
	assert_int_equal(l->ctx, CTX_FORM);
	assert_true(shows(l, "Export a report"));
	assert_true(shows(l, "( ) Text  ( ) Markdown  (\u2022) HTML"));
	assert_true(shows(l, "[ ] Include my answers (personal data)"));
	assert_true(shows(l, "remedies-report.html"));
	assert_true(shows(l, "Folder:"));
	assert_true(shows(l, "Goes to:"));
	assert_true(shows(l, "/tmp/remedies-report.html"));
	assert_int_equal(l->cur_y, -1); /* no typing cursor off the name field */
	layout_free(l);
	/* On the name field: typing, and the cursor after the name. */
	f.focus = FORM_NAME;
	f.include_answers = true;
	f.error = M_ERR_NO_FOLDER;
	l = layout_build(&v, 80, 24);
	assert_int_equal(l->ctx, CTX_PROMPT);
	assert_true(shows(l, "[x] Include my answers"));
	assert_true(shows(l, "Nothing was saved: that folder does not exist."));
	int y = row_with(l, "remedies-report.html");
	assert_int_equal(l->cur_y, y);
	char *r = row(l, y);
	assert_int_equal(l->cur_x, (int)(strstr(r, "remedies-report.html") - r) + 20);
	free(r);
	layout_free(l);
	/* A long name shows its end, where the typing is. */
	f.name = "/a/very/long/folder/name/that/goes/on/and/on/and/on/until/the/end/report.html";
	l = layout_build(&v, 40, 12);
	check_geometry(l);
	assert_true(shows(l, "report.html"));
	assert_true(l->cur_y > 0 && l->cur_x < 40);
	layout_free(l);
	/* Save: the folder and the name; the error is in Spanish with the screen. */
	f = (struct view_form){.focus = FORM_NAME, .name = "answers.yaml", .folder = "/tmp",
	                       .error = M_ERR_FULL};
	v.panel = PANEL_SAVE;
	v.lang = "es";
	l = layout_build(&v, 80, 24);
	assert_int_equal(l->ctx, CTX_PROMPT);
	assert_true(shows(l, "Guardar respuestas"));
	assert_true(shows(l, "No se guard\u00f3 nada: el disco est\u00e1 lleno."));
	layout_free(l);
	/* Replace? */
	v.panel = PANEL_OVERWRITE;
	v.panel_cursor = 1;
	v.lang = "en";
	l = layout_build(&v, 80, 24);
	assert_int_equal(l->ctx, CTX_DIALOG);
	assert_true(shows(l, "This file already exists. Replace it?"));
	assert_true(shows(l, " [ Replace ]  \u203a[ Cancel ]"));
	layout_free(l);
	/* The resume notice. */
	struct view_notice n = {"client.yaml", 2, 5};
	v.panel = PANEL_NOTICE;
	v.notice = &n;
	l = layout_build(&v, 80, 24);
	assert_int_equal(l->ctx, CTX_PANEL);
	assert_true(shows(l, "The guide has changed since these answers were saved."));
	assert_true(shows(l, "Answers used: 2/5"));
	layout_free(l);
	/* Quit after saving says what is kept. */
	v.panel = PANEL_QUIT;
	v.saved = 1;
	l = layout_build(&v, 80, 24);
	assert_true(shows(l, "Your answers are saved in the file you chose."));
	layout_free(l);
	v.saved = 2;
	l = layout_build(&v, 80, 24);
	assert_true(shows(l, "What you changed since you last saved will not be kept."));
	layout_free(l);
	session_free(s);
}

static void test_key_table(void **state)
{
	(void)state;
	const unsigned all[] = {CTX_WELCOME, CTX_QUESTION, CTX_MULTI, CTX_INFO, CTX_RESULTS, CTX_LIST,
	                        CTX_DOC, CTX_SEARCH, CTX_PANEL, CTX_DIALOG, CTX_SMALL,
	                        CTX_PROMPT, CTX_FORM};
	const struct key_hint *h;
	size_t nh = keys_footer(&h);
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		/* Quick exit works everywhere and every footer says so. */
		assert_int_equal(keys_action(all[i], K_F12), ACT_QUICK_EXIT);
		bool shown = false;
		for (size_t k = 0; k < nh; k++)
			shown |= (h[k].ctx & all[i]) && h[k].label == M_K_QUICK_EXIT && h[k].prio == 0;
		assert_true(shown);
	}
	assert_int_equal(keys_action(CTX_QUESTION, K_ENTER), ACT_CONFIRM);
	assert_int_equal(keys_action(CTX_QUESTION, K_RIGHT), ACT_CONFIRM);
	assert_int_equal(keys_action(CTX_QUESTION, 'j'), ACT_DOWN);
	assert_int_equal(keys_action(CTX_QUESTION, 'k'), ACT_UP);
	assert_int_equal(keys_action(CTX_QUESTION, '3'), ACT_DIGIT);
	assert_int_equal(keys_action(CTX_QUESTION, '0'), ACT_DIGIT); /* of 10, 20... */
	assert_int_equal(keys_action(CTX_MULTI, ' '), ACT_TOGGLE);
	assert_int_equal(keys_action(CTX_QUESTION, K_LEFT), ACT_BACK);
	assert_int_equal(keys_action(CTX_QUESTION, K_BACKSPACE), ACT_BACK);
	assert_int_equal(keys_action(CTX_QUESTION, 'b'), ACT_BACK);
	assert_int_equal(keys_action(CTX_QUESTION, '?'), ACT_HELP);
	assert_int_equal(keys_action(CTX_QUESTION, 'g'), ACT_GLOSSARY);
	assert_int_equal(keys_action(CTX_QUESTION, '/'), ACT_SEARCH);
	assert_int_equal(keys_action(CTX_QUESTION, 'a'), ACT_REVIEW);
	assert_int_equal(keys_action(CTX_QUESTION, 'r'), ACT_RESTART);
	assert_int_equal(keys_action(CTX_QUESTION, 'q'), ACT_QUIT);
	assert_int_equal(keys_action(CTX_RESULTS, 'w'), ACT_WHY_NOT);
	assert_int_equal(keys_action(CTX_DOC, K_PGDN), ACT_PGDN);
	assert_int_equal(keys_action(CTX_DOC, K_HOME), ACT_HOME);
	/* Typing in the search field types, whatever the key means elsewhere. */
	assert_int_equal(keys_action(CTX_SEARCH, 'q'), ACT_INSERT);
	assert_int_equal(keys_action(CTX_SEARCH, 'b'), ACT_INSERT);
	assert_int_equal(keys_action(CTX_SEARCH, 0xF3), ACT_INSERT);
	assert_int_equal(keys_action(CTX_SEARCH, 0x9B), ACT_NONE);
	assert_int_equal(keys_action(CTX_SEARCH, K_BACKSPACE), ACT_DELETE_CHAR);
	assert_int_equal(keys_action(CTX_SEARCH, K_ESC), ACT_BACK);
	/* A dialog takes only its own keys. */
	assert_int_equal(keys_action(CTX_DIALOG, 'y'), ACT_YES);
	/* s is save in a dialog as on the screens behind, in every language
	 * (issue 11 item 2): no language's yes key may be s (test_keys.c). */
	assert_int_equal(keys_action(CTX_DIALOG, 's'), ACT_SAVE);
	assert_int_equal(keys_action_in(CTX_DIALOG, 's', "es"), ACT_SAVE);
	assert_int_equal(keys_action_in(CTX_DIALOG, 'S', "es"), ACT_NONE);
	assert_int_equal(keys_action_in(CTX_DIALOG, 's', "en"), ACT_SAVE);
	assert_int_equal(keys_action_in(CTX_DIALOG, 'y', "es"), ACT_YES);
	assert_int_equal(keys_action_in(CTX_DIALOG, 'n', "es"), ACT_NO);
	assert_int_equal(keys_action_in(CTX_QUESTION, 's', "es"), ACT_SAVE);
	assert_int_equal(keys_action(CTX_DIALOG, 'n'), ACT_NO);
	assert_int_equal(keys_action(CTX_DIALOG, 'q'), ACT_NONE);
	assert_int_equal(keys_action(CTX_DIALOG, 'g'), ACT_NONE);
	/* The new keys, and where they do not apply. */
	assert_int_equal(keys_action(CTX_QUESTION, 'L'), ACT_LANG);
	assert_int_equal(keys_action(CTX_PANEL, 'L'), ACT_LANG);
	assert_int_equal(keys_action(CTX_DIALOG, 'L'), ACT_LANG);
	assert_int_equal(keys_action(CTX_QUESTION, 'B'), ACT_BILINGUAL);
	assert_int_equal(keys_action(CTX_QUESTION, 't'), ACT_NOTES);
	assert_int_equal(keys_action(CTX_QUESTION, 's'), ACT_SAVE);
	assert_int_equal(keys_action(CTX_RESULTS, 'e'), ACT_EXPORT);
	assert_int_equal(keys_action(CTX_QUESTION, 'e'), ACT_EXPORT); /* says where it works */
	assert_int_equal(keys_action(CTX_SEARCH, 'L'), ACT_INSERT);
	/* A file name field types everything, even the keys above. */
	assert_int_equal(keys_action(CTX_PROMPT, 'L'), ACT_INSERT);
	assert_int_equal(keys_action(CTX_PROMPT, 'q'), ACT_INSERT);
	assert_int_equal(keys_action(CTX_PROMPT, ' '), ACT_INSERT);
	assert_int_equal(keys_action(CTX_PROMPT, K_BACKSPACE), ACT_DELETE_CHAR);
	assert_int_equal(keys_action(CTX_PROMPT, K_KILL), ACT_CLEAR);
	assert_int_equal(keys_action(CTX_PROMPT, K_ENTER), ACT_CONFIRM);
	assert_int_equal(keys_action(CTX_PROMPT, K_ESC), ACT_BACK);
	assert_int_equal(keys_action(CTX_PROMPT, K_UP), ACT_UP);
	assert_int_equal(keys_action(CTX_PROMPT, K_LEFT), ACT_NONE);
	/* not Space or q: they mean page down and quit on the screen behind */
	assert_int_equal(keys_action(CTX_FORM, ' '), ACT_NONE);
	assert_int_equal(keys_action(CTX_FORM, K_RIGHT), ACT_NEXT_BUTTON);
	assert_int_equal(keys_action(CTX_FORM, K_TAB), ACT_DOWN);
	assert_int_equal(keys_action(CTX_FORM, 'q'), ACT_NONE);
	assert_int_equal(keys_action(CTX_FORM, 'g'), ACT_NONE);
	/* Too small: only quick exit (and redraw). */
	assert_int_equal(keys_action(CTX_SMALL, 'q'), ACT_NONE);
	assert_int_equal(keys_action(CTX_SMALL, K_ENTER), ACT_NONE);
	/* Key names follow the language. */
	const struct key_hint *help;
	size_t n = keys_help(&help);
	bool intro = false;
	for (size_t i = 0; i < n; i++)
		intro |= strstr(keys_hint_key(&help[i], "es", false), "Intro") != NULL;
	assert_true(intro);
}

/* A remedy's addresses: never broken on its page, listed whole for o. */
static void test_addresses(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/e2e/intake.yaml", &d);
	assert_non_null(g);
	struct session *s = session_new(g);
	struct view v = base_view(s, VIEW_DETAIL);
	struct ui_link *k;
	size_t n = ui_links(&v, &k);
	assert_int_equal(n, 3);
	assert_string_equal(k[0].label, "DHS Privacy Policy Guidance Memorandum 2017-01");
	assert_string_equal(k[1].url, "https://www.law.cornell.edu/uscode/text/28/2401");
	assert_true(ui_link_safe(k[2].url));
	ui_links_free(k, n);
	assert_false(ui_link_safe("https://x.org/a b"));
	assert_false(ui_link_safe("https://x.org/\033]8;;"));
	assert_false(ui_link_safe(""));
	for (int w = 40; w <= 120; w += 20) {
		struct layout *l = layout_build(&v, w, 200);
		char *dump = layout_dump(l);
		/* Each address is whole, or cut with an ellipsis; never wrapped. */
		assert_null(strstr(dump, "\nsep20"));
		if (w >= 60)
			assert_non_null(strstr(dump, "https://www.law.cornell.edu/uscode/text/28/2401\n"));
		else
			assert_non_null(strstr(dump, "https://www.law.cornell.edu/uscode/t\u2026\n"));
		assert_non_null(strstr(dump, "An address is too long"));
		free(dump);
		layout_free(l);
	}
	v.kind = VIEW_RESULTS;
	assert_int_equal(ui_links(&v, &k), 0);
	assert_null(k);
	session_free(s);
	guide_free(g);
	diags_free(&d);
}

/* Stems and the glossary's other words, in both languages. */
static void test_search_stems_and_synonyms(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/e2e/intake.yaml", &d);
	assert_non_null(g);
	static const struct {
		const char *q;
		size_t n;
		bool info, term;
		bool named;                             /* the query names the term */
	} cases[] = {
		{.q = "how long", .n = 2, .info = true, .term = true, .named = true}, /* the term's other words */
		{.q = "cuánto tiempo", .n = 2, .info = true, .term = true, .named = true},
		{.q = "How long are photos kept?", .n = 2, .info = true, .term = true, .named = true},
		{.q = "retention", .n = 2, .info = true, .term = true, .named = true},
		{.q = "guardaban", .n = 2, .info = true, .term = true, .named = true}, /* "guardan", stemmed */
		/* a stem of "fingerprints" */
		{.q = "fingerprint", .n = 3, .info = true, .term = true, .named = false},
		{.q = "huella", .n = 3, .info = true, .term = true, .named = false},
		/* only "how" itself: too short to name a term */
		{.q = "ho", .n = 1, .info = false, .term = true, .named = false},
		{.q = "xyzzy", .n = 0, .info = false, .term = false, .named = false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct search_hit *h;
		size_t n = guide_search(g, cases[i].q, false, &h);
		bool info = false, term = false;
		for (size_t k = 0; k < n; k++) {
			info |= h[k].kind == SEARCH_NODE && h[k].index == guide_node(g, "kept-info");
			term |= h[k].kind == SEARCH_TERM;
		}
		if (n != cases[i].n || info != cases[i].info || term != cases[i].term)
			fail_msg("'%s': %zu hits, info %d, term %d", cases[i].q, n, info, term);
		/* A term the query names comes first: its definition is the
		 * answer to "how long are photos kept" (it came last). */
		if (cases[i].named && h[0].kind != SEARCH_TERM)
			fail_msg("'%s': the term named is not the first hit", cases[i].q);
		free(h);
	}
	guide_free(g);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_search_stems_and_synonyms),
		cmocka_unit_test(test_every_screen_every_size),
		cmocka_unit_test(test_below_minimum),
		cmocka_unit_test(test_question_screen),
		cmocka_unit_test(test_multi_shows_ticks),
		cmocka_unit_test(test_results_always_show_the_disclaimer),
		cmocka_unit_test(test_scroll_follows_cursor),
		cmocka_unit_test(test_wide_text),
		cmocka_unit_test(test_ascii_terminal),
		cmocka_unit_test(test_glossary_marks),
		cmocka_unit_test(test_glossary_terms_of_every_field),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_search_caps_hits),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_dialog_buttons),
		cmocka_unit_test(test_bilingual_widths),
		cmocka_unit_test(test_trainer_notes),
		cmocka_unit_test(test_search_every_language),
		cmocka_unit_test(test_demo_panel),
		cmocka_unit_test(test_form_panels),
		cmocka_unit_test(test_key_table),
	};
	return cmocka_run_group_tests(tests, guides_setup, guides_teardown);
}
