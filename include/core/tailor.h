/* SPDX-License-Identifier: MIT */
/* Tailored text: what one person sees of the guide. A text, a list item,
 * a deadline, a place or a citation may carry a condition (`when`) and is
 * shown only when it holds with the facts at the result; a text written
 * as a list of parts shows the parts whose condition holds. A reference to
 * another remedy ([[see:ID]] or [[see:ID|words]]) becomes a pointer when
 * that remedy is in the person's results, and is reworded or left out when
 * it is not. Every front end (reports, plain mode, the screens, search and
 * the glossary) asks here, so all of them show the same text. */
#ifndef REMEDIES_TAILOR_H
#define REMEDIES_TAILOR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/guide.h"
#include "core/session.h"

struct tailor {
	const struct guide *g;
	const int *facts;          /* per fact: value index or -1; NULL: show everything */
	const struct session *s;   /* whose results are listed; NULL: none is */
};

/* For the person walking s: the facts now and the remedies gathered. Costs
 * nothing to make; valid until the session moves. */
void tailor_init(struct tailor *t, const struct session *s);
/* Not tailored: every text shown, no remedy listed (the guide as written). */
void tailor_init_all(struct tailor *t, const struct guide *g);

/* Whether condition c holds for this person (NULL always holds). */
bool tailor_holds(const struct tailor *t, const struct cond *c);
/* Whether text s is shown at all: present, its condition holds and, for a
 * text in parts, at least one part is shown. */
bool tailor_shows(const struct tailor *t, const lstr *s);
/* Text s in `lang` as this person sees it, references resolved (glossary
 * marks kept, for guide_render). "" when it is not shown. New string. */
char *tailor_text(const struct tailor *t, const lstr *s, const char *lang);
/* Whether the text of s (as shown, in any language) refers to remedy r. */
bool tailor_refers(const struct tailor *t, const lstr *s, int r);

/* Calls fn for every remedy id referred to with [[see:ID]] in text, in
 * order (id not NUL-terminated). */
void tailor_each_ref(const char *text, void (*fn)(const char *id, size_t len, void *arg),
                     void *arg);

#endif
