/* SPDX-License-Identifier: MIT */
/* The full-screen wizard's state machine: which screen shows, over which
 * other, with what cursor, scroll, ticks and search text, and what each
 * action (keys.h) does to it and to the session. No terminal here: term.c
 * paints ui_state_view() through layout_build() and feeds actions back
 * (turn.h), and the unit tests do the same without curses. */
#ifndef REMEDIES_UI_STATE_H
#define REMEDIES_UI_STATE_H

#include <stdbool.h>

#include "core/answers.h"
#include "ui/keys.h"
#include "ui/view.h"
#include "core/session.h"

struct ui_state;

/* What the command line hands the wizard besides the session. Everything
 * is borrowed and must outlive the wizard. */
struct ui_options {
	const char *lang;
	const struct answers *scenario; /* trainer demo: the scenario to play, or NULL */
	const char *answers_file;       /* the session was resumed from this file, or NULL */
	size_t answers_used, answers_total; /* of its answers, how many still fit */
	bool guide_changed;             /* it was saved with another version of the guide */
	const char *today;              /* the date on exported reports; NULL: today */
	bool desk;                      /* intake desk: idle wipe, F12 wipes, no easy way out */
	int idle;                       /* desk: seconds without a key before the countdown */
	bool volunteer;                 /* start in the volunteer view */
};

/* Starts on the welcome screen, or on the current question when the
 * session already has answers. The session must outlive the state; lang is
 * borrowed. Free with ui_state_free. */
struct ui_state *ui_state_new(struct session *s, const char *lang, bool ascii);
void ui_state_free(struct ui_state *u);
/* The language can change at any time; the next view uses it. */
void ui_state_set_lang(struct ui_state *u, const char *lang);
const char *ui_state_lang(const struct ui_state *u);
/* Resume notice, trainer demo, report date (o->lang is not used here). */
void ui_state_configure(struct ui_state *u, const struct ui_options *o);
/* Whether a file was written at the user's request (for the last word). */
bool ui_state_wrote_files(const struct ui_state *u);

/* What to lay out now. Its pointers are valid until the next call here. */
struct view ui_state_view(struct ui_state *u);
/* Records the layout just made of that view (borrowed until the next one):
 * the clamped scroll and cursor, and what the items on screen are, which
 * the next action needs. Call it before ui_state_act. */
void ui_state_laid_out(struct ui_state *u, const struct layout *l);
/* Applies an action; `key` is the key that caused it (for digits and typed
 * characters). */
enum ui_outcome ui_state_act(struct ui_state *u, enum action a, int key);

#endif
