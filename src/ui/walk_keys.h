/* SPDX-License-Identifier: MIT */
/* The keys that walk the guide (walk_keys.c), private to the wizard's
 * state machine: answering, ticking, choosing by number, going back. */
#ifndef REMEDIES_UI_WALK_KEYS_H
#define REMEDIES_UI_WALK_KEYS_H

struct ui_state;

/* After an answer: ends a change from the review or the demo as needed,
 * and shows where the session is now. */
void state_after_answer(struct ui_state *u);
/* Back: the screen under, or the previous question. */
void state_back(struct ui_state *u);
/* Enter: answers, continues, or opens what the cursor is on. */
void state_confirm(struct ui_state *u);
/* Space: ticks or unticks the check box under the cursor. */
void state_toggle(struct ui_state *u);
/* Takes item n (1-based) of the list: ticks or chooses it. */
void state_take_number(struct ui_state *u, int n);
/* A digit key: takes that numbered item, or waits for the next digit of a
 * longer number. */
void state_digit(struct ui_state *u, int key);

#endif
