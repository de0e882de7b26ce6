/* What each screen says (pages.c), private to the layout. */
#ifndef REMEDIES_UI_PAGES_H
#define REMEDIES_UI_PAGES_H

#include "doc.h"

/* Writes the body of the screen d->v shows into d; on the search screen,
 * the hits the view carries. */
void pages_body(struct doc *d);

#endif
