/* SPDX-License-Identifier: MIT */
/* The full-screen curses front end: the only module that includes curses.h. */
#ifndef REMEDIES_UI_H
#define REMEDIES_UI_H

#include "core/session.h"
#include "ui/state.h"

/* Runs the wizard on the terminal until the user quits, in o->lang, with
 * the resume notice, trainer demo and report date of o. Returns the exit
 * status (0, or 128 + signal number when ended by SIGINT/SIGTERM/SIGHUP).
 * The terminal is restored on every way out. A terminal that cannot
 * address the cursor returns UI_NO_TERMINAL at once, having changed
 * nothing: the caller then picks the plain front end (only main decides). */
enum { UI_NO_TERMINAL = -1 };

int ui_run(struct session *s, const struct ui_options *o);

#endif
