/* SPDX-License-Identifier: MIT */
/* What the full-screen front end draws, computed without a terminal: the
 * model (guide, session, the screen's own state) and a window size go in; a
 * list of positioned, styled, already sanitised pieces of text comes out.
 * term.c only paints that list, so every screen can be unit-tested at any size.
 *
 * Rows of a screen: a title bar on top, sometimes one or two fixed rows under
 * it (the disclaimer, the search field), the body (which scrolls), an
 * optional message row, and the key footer at the bottom. A panel (help, a
 * yes/no question) is a box drawn over the screen, with a body of its own. */
#ifndef REMEDIES_LAYOUT_H
#define REMEDIES_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/view.h"

/* Below this size a screen is not drawn; a short request to enlarge the
 * window is shown instead. */
#define LAYOUT_MIN_WIDTH 40
#define LAYOUT_MIN_HEIGHT 12
/* Text lines longer than this are hard to read; wider windows keep it. */
#define LAYOUT_MAX_TEXT 100
/* The trainer demo's panel sits beside the body from this window width,
 * below it in narrower windows. */
#define LAYOUT_DEMO_SIDE 100

/* Lays out view v on a width x height screen. Never fails; a window below
 * the minimum gives too_small and a short message. Free with layout_free. */
struct layout *layout_build(const struct view *v, int width, int height);
void layout_free(struct layout *l);

/* The item a typed number opens: the first whose number (lay_item) is n;
 * -1 when none. Numbers are places in the list unless the page gave an
 * item its own (the volunteer list: one number per remedy). */
int layout_item_numbered(const struct layout *l, int n);
/* The largest number an item of l answers to; 0 when it has no items. */
int layout_max_number(const struct layout *l);

/* The screen as plain text, one line per row (for tests and debugging).
 * Glossary marks are dropped. Returns a new string. */
char *layout_dump(const struct layout *l);

#endif
