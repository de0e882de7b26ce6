/* The full-screen curses front end: the only module that includes curses.h. */
#ifndef REMEDIES_UI_H
#define REMEDIES_UI_H

#include "session.h"
#include "ui_state.h"

/* Runs the wizard on the terminal until the user quits, in o->lang, with
 * the resume notice, trainer demo and report date of o. Returns the exit
 * status (0, or 128 + signal number when ended by SIGINT/SIGTERM/SIGHUP).
 * The terminal is restored on every way out. A terminal that cannot
 * address the cursor gets the plain front end instead. */
int ui_run(struct session *s, const struct ui_options *o);

#endif
