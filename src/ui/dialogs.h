/* SPDX-License-Identifier: MIT */
/* The panels and dialogs over a screen (dialogs.c), private to the wizard:
 * the state machine hands them its actions while one is open, the layout
 * asks how each looks. */
#ifndef REMEDIES_UI_DIALOGS_H
#define REMEDIES_UI_DIALOGS_H

#include <stdbool.h>

#include "ui/form.h"
#include "ui/keys.h"
#include "ui/view.h"

struct doc;
struct ui_state;

/* How a panel behaves: read and close, answer yes or no (a cursor on two
 * buttons), or fill in fields. */
enum dialog_shape { DIALOG_READ, DIALOG_YES_NO, DIALOG_FORM };

/* The key context (keys.h) of the panel v shows; 0 when none. */
unsigned dialogs_ctx(const struct view *v);
enum dialog_shape dialogs_shape(enum panel_kind k);
/* Writes the body of the panel d->v shows; returns its title ("": none). */
const char *dialogs_body(struct doc *d);
/* Adds to v what the open panel needs (the form, whether answers are saved). */
void dialogs_view(struct ui_state *u, struct view *v);
/* Applies action a (key: the key that caused it) to the open panel. */
void dialogs_act(struct ui_state *u, enum action a, int key);
/* Opens the save or export dialog with its default file name. */
void dialogs_open_form(struct ui_state *u, enum ui_form_kind kind);

/* Whether quitting now would lose answers: some were given, and they are
 * not saved as they are. */
bool state_unsaved(struct ui_state *u);

#endif
