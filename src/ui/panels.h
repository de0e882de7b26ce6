/* SPDX-License-Identifier: MIT */
/* What each panel says (panels.c), private to the wizard: each writes the
 * body of its panel into d and returns the panel's title ("": none), owned
 * by the layout. dialogs.c says which is which. */
#ifndef REMEDIES_UI_PANELS_H
#define REMEDIES_UI_PANELS_H

#include "doc.h"

const char *panels_help(struct doc *d);      /* help for the screen under it, and the keys */
const char *panels_term(struct doc *d);      /* one glossary term (from search) */
const char *panels_question(struct doc *d);  /* one question (from search) */
const char *panels_quit(struct doc *d);
const char *panels_restart(struct doc *d);
const char *panels_overwrite(struct doc *d);
const char *panels_save(struct doc *d);
const char *panels_export(struct doc *d);
const char *panels_notice(struct doc *d);
const char *panels_new_client(struct doc *d); /* yes/no: erase for the next person */
const char *panels_idle(struct doc *d);       /* desk mode's countdown to the wipe */
/* The trainer demo's side panel (d->v->demo). */
const char *panels_demo(struct doc *d);

#endif
