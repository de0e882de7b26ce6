/* SPDX-License-Identifier: MIT */
/* One turn of the wizard, the same for the terminal (term.c) and the unit
 * tests: the state's view laid out at the window's size and recorded, then
 * a key turned into an action through the key table and applied. */
#ifndef REMEDIES_UI_TURN_H
#define REMEDIES_UI_TURN_H

#include <stdbool.h>

#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/state.h"

/* Frees prev (may be NULL) and returns the layout of what u shows now at
 * width x height, already recorded in u (ui_state_laid_out). The caller
 * frees it with layout_free, or hands it back here next turn. */
struct layout *ui_turn_draw(struct ui_state *u, struct layout *prev, int width, int height);

/* Applies `key`, pressed on layout l, to u. ACT_REDRAW is the terminal's
 * business: it sets *redraw (may be NULL) and changes nothing here. */
enum ui_outcome ui_turn_key(struct ui_state *u, const struct layout *l, int key, bool *redraw);

#endif
