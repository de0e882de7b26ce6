/* SPDX-License-Identifier: MIT */
/* Per-key cost of the wizard, headless: the state machine and the layout
 * (turn.h, as the terminal drives them, without curses), on a 100x30
 * window. For each screen kind, keys are pressed one by one; each key is
 * timed from the key to the new layout. Prints one line of median
 * milliseconds per key (over RUNS runs of the mean of a run's keys):
 * question, results, remedy detail, search while typing, glossary, then the
 * cost of one key typed into the search field when the query is already
 * 8, 32, 128 and 255 bytes long (the field holds 255).
 * Times are the process's CPU time: on a shared machine, waiting for a core
 * is not the program's cost.
 * usage: keys_bench GUIDE ANSWERS RUNS   (ANSWERS: a walk to the results) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/answers.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/session.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/state.h"
#include "ui/turn.h"

enum { W = 100, H = 30, KEYS = 40 };

struct bench {
	struct ui_state *u;
	struct layout *l;
};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* One key as the terminal handles it: the action, then the new layout. */
static void press(struct bench *b, int key)
{
	ui_turn_key(b->u, b->l, key, NULL);
	b->l = ui_turn_draw(b->u, b->l, W, H);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* Down and Up in turn: the screen stays the same kind. */
static double moves(struct bench *b, int runs)
{
	double t[64];
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		for (int k = 0; k < KEYS; k++)
			press(b, k % 2 ? K_UP : K_DOWN);
		t[r] = (now_ms() - t0) / KEYS;
	}
	return median(t, runs);
}

static const char phrase[] = "fingerprints scanned at the border crossing ";

/* Typing a query of KEYS characters into the search field, then deleting
 * it (not timed). */
static double typing(struct bench *b, int runs)
{
	double t[64];
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		for (int k = 0; k < KEYS; k++)
			press(b, (unsigned char)phrase[k % (sizeof phrase - 1)]);
		t[r] = (now_ms() - t0) / KEYS;
		for (int k = 0; k < KEYS; k++)
			press(b, K_BACKSPACE);
	}
	return median(t, runs);
}

/* One character typed when the query is already len bytes long. */
static double typing_at(struct bench *b, int len, int runs)
{
	double t[64];
	for (int r = 0; r < runs; r++) {
		for (int k = 0; k < len; k++)
			press(b, (unsigned char)phrase[k % (sizeof phrase - 1)]);
		double t0 = now_ms();
		press(b, 'x');
		t[r] = now_ms() - t0;
		for (int k = 0; k <= len; k++)
			press(b, K_BACKSPACE);
	}
	return median(t, runs);
}

int main(int argc, char **argv)
{
	if (argc != 4)
		return 2;
	int runs = atoi(argv[3]);
	if (runs < 1 || runs > 64)
		return 2;
	struct diags d = {0};
	struct guide *g = guide_load(argv[1], &d);
	struct answers *a = g ? answers_load(argv[2], g, &d) : NULL;
	if (!a) {
		fprintf(stderr, "keys_bench: cannot load %s or %s\n", argv[1], argv[2]);
		return 1;
	}
	struct session *s = session_new(g);
	struct bench b = {.u = ui_state_new(s, "en", false)};
	b.l = ui_turn_draw(b.u, NULL, W, H);
	press(&b, K_ENTER); /* past the welcome */
	double question = moves(&b, runs);
	/* The walk to the results, then a fresh wizard on them. */
	ui_state_free(b.u);
	answers_replay(a, s, false, &d);
	if (!session_finished(s)) {
		fprintf(stderr, "keys_bench: %s does not reach the results\n", argv[2]);
		return 1;
	}
	b.u = ui_state_new(s, "en", false);
	b.l = ui_turn_draw(b.u, b.l, W, H);
	double results = moves(&b, runs);
	press(&b, K_HOME);
	press(&b, K_ENTER); /* the first remedy */
	double detail = moves(&b, runs);
	press(&b, 'g');
	double glossary = moves(&b, runs);
	press(&b, K_ESC);
	press(&b, '/');
	double search = typing(&b, runs);
	double at[4];
	int lens[4] = {8, 32, 128, 254};
	for (int i = 0; i < 4; i++)
		at[i] = typing_at(&b, lens[i], runs);
	printf("%.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f\n", question, results, detail, search,
	       glossary, at[0], at[1], at[2], at[3]);
	layout_free(b.l);
	ui_state_free(b.u);
	session_free(s);
	answers_free(a);
	guide_free(g);
	diags_free(&d);
	return 0;
}
