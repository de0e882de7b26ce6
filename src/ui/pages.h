/* SPDX-License-Identifier: MIT */
/* What each screen says (pages.c), private to the layout. */
#ifndef REMEDIES_UI_PAGES_H
#define REMEDIES_UI_PAGES_H

#include "doc.h"

/* The search screen lists this many hits at most: beyond it a line says how
 * many more there are (a search that finds thousands wants more words, and
 * laying them all out would cost every key). */
#define PAGES_MAX_HITS 200

/* Writes the body of the screen d->v shows into d; on the search screen,
 * the hits the view carries. */
void pages_body(struct doc *d);

#endif
