/* SPDX-License-Identifier: MIT */
/* The trainer demo: a scenario (an answers file with a title, a story and a
 * note per step) played in the wizard one key press at a time. These are
 * pure functions of the scenario and the session: which answer comes next,
 * and whether the walk is still the scenario's. */
#ifndef REMEDIES_UI_DEMO_H
#define REMEDIES_UI_DEMO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "core/session.h"

/* How many answers the session holds (info screens passed do not count):
 * the number of scenario steps taken when the walk is on script. */
size_t ui_demo_step(const struct session *s);

/* The scenario's answer for the session's current question: the entry
 * after the answers given so far, when it is for this node; -1 when the
 * scenario has ended, is for another node, or the current node takes no
 * answer. */
int ui_demo_entry(const struct answers *a, const struct session *s);

/* Whether every answer given so far is the scenario's, in order (the
 * choices of a multi-select in any order). */
bool ui_demo_on_script(const struct answers *a, const struct session *s);

/* The choice indices of entry e at node n, in the file's order. Returns
 * how many were found (unknown ids are skipped); out holds n->nchoices. */
size_t ui_demo_choices(const struct answer_entry *e, const struct node *n, unsigned *out);

#endif
