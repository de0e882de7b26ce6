/* The full-screen curses front end: the only module that includes curses.h. */
#ifndef REMEDIES_UI_H
#define REMEDIES_UI_H

#include "session.h"

/* Runs the wizard on the terminal until the user quits. Returns the exit
 * status (0, or 128 + signal number when ended by SIGINT/SIGTERM/SIGHUP).
 * The terminal is restored on every way out. */
int ui_run(struct session *s, const char *lang);

#endif
