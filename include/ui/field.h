/* SPDX-License-Identifier: MIT */
/* The one line editor of the wizard: the search field and the file name
 * field of the save and export dialogs. The text is UTF-8 in a buf; a
 * character goes in or comes off whole. */
#ifndef REMEDIES_UI_FIELD_H
#define REMEDIES_UI_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/util.h"

/* Appends code point cp when the text stays under `max` bytes; returns
 * whether it did. */
bool field_insert(struct buf *b, unsigned cp, size_t max);
/* Takes the last character off; returns whether there was one. */
bool field_delete(struct buf *b);
/* Empties the field (and frees its memory). */
void field_clear(struct buf *b);

#endif
