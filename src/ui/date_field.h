/* SPDX-License-Identifier: MIT */
/* The date field (date_field.c), private to the wizard's state machine. */
#ifndef REMEDIES_UI_DATE_FIELD_H
#define REMEDIES_UI_DATE_FIELD_H

#include <stdbool.h>

#include "ui/keys.h"

struct ui_state;

/* Applies action a (key: the key that caused it) to the date field of the
 * date question on screen; returns whether the action was the field's. */
bool date_field_act(struct ui_state *u, enum action a, int key);

#endif
