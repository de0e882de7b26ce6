/* SPDX-License-Identifier: MIT */
/* The bodies of the results, remedy detail and "why not" screens
 * (pages_results.c), for pages_body (pages.c). Private to the layout. */
#ifndef REMEDIES_UI_PAGES_RESULTS_H
#define REMEDIES_UI_PAGES_RESULTS_H

#include "doc.h"

/* The results: the framing, "do this first", every remedy (best first,
 * grouped by path, or the volunteer view's compact list), and the line
 * that opens "why not". */
void pages_body_results(struct doc *d);
/* Everything about one remedy, then the remedies it refers to. */
void pages_body_detail(struct doc *d, int remedy);
/* The remedies ruled out, each with the answer that ruled it out. */
void pages_body_why_not(struct doc *d);

#endif
