/* SPDX-License-Identifier: MIT */
/* The intake desk's part of the state machine (desk_wipe.c) that the
 * other files of the state machine call; what term.c and the tests call is
 * ui/desk_wipe.h. Private to the wizard. */
#ifndef REMEDIES_UI_DESK_WIPE_PRIV_H
#define REMEDIES_UI_DESK_WIPE_PRIV_H

struct ui_state;

/* Desk mode: erases every answer, typed text and file name (zeroed, then
 * freed) and shows the welcome screen as the program first did. */
void state_wipe(struct ui_state *u);
/* Takes the idle countdown's panel away, back to what was under it. */
void state_end_countdown(struct ui_state *u);
/* F12: at a desk wipes, else forgets the answers and quits. */
void state_leave_now(struct ui_state *u);

#endif
