/* SPDX-License-Identifier: MIT */
/* The intake desk in the wizard's state machine (desk_wipe.c): the idle
 * countdown, and the wipe that makes the computer ready for the next
 * person. term.c drives them from its clock. */
#ifndef REMEDIES_UI_DESK_WIPE_H
#define REMEDIES_UI_DESK_WIPE_H

#include <stdbool.h>

#include "ui/keys.h"

struct ui_state;

/* The seconds without a key after which the countdown starts; 0 when
 * not at a desk. */
int ui_state_idle_limit(const struct ui_state *u);
/* Nothing to erase: the welcome screen as the program started (no
 * countdown needed there). */
bool ui_state_pristine(const struct ui_state *u);
/* Shows the countdown over the screen with `left` seconds to go; 0 takes it
 * away again (a key was pressed: the person stays), with the screen and any
 * dialog under it as they were. */
void ui_state_countdown(struct ui_state *u, int left);
bool ui_state_counting_down(const struct ui_state *u);
/* Erases every answer and typed text (zeroed before freed) and shows the
 * welcome screen; returns UI_WIPED, so the terminal is erased too. */
enum ui_outcome ui_state_wipe(struct ui_state *u);

#endif
