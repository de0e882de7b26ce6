/* SPDX-License-Identifier: MIT */
/* The document writer, private to the layout (layout.c, pages.c,
 * panels.c): a screen's body is first written as a document (rows from 0
 * down, each piece of text at a column, some rows forming selectable
 * items), then layout.c places it on the screen (scrolling, cursor bar,
 * clipping). Defined in doc.c. No curses here either. */
#ifndef REMEDIES_UI_DOC_H
#define REMEDIES_UI_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/msg.h"
#include "ui/view.h"

struct dline {
	int row, x;
	const char *s;
	size_t len;
	enum lay_style st;
	bool mark;
	int item;
};

/* How the bilingual view fits: two columns, one language under the other,
 * or (off, or too narrow) one language. */
enum bi_mode { BI_OFF, BI_SIDE, BI_STACK };

struct doc {
	struct layout *l;         /* owns every string the document points to */
	const struct view *v;
	const struct guide *g;
	int width;                /* columns for text */
	enum bi_mode bi;
	int input_row, input_x;   /* a text field's cursor in the document, or -1 */
	struct dline *d;
	size_t n, cap;
	int rows;
	struct lay_item *items;
	size_t nitems, icap;
	int item;                 /* the item being added, or -1 */
};

/* Frees the document's rows and items (not the strings: the layout owns
 * them). */
void doc_free(struct doc *d);

/* Strings for the screen; each is owned by the layout and lives as long as
 * it. doc_lstr: guide text with glossary marks, sanitised. doc_safe: any
 * other text, sanitised, no marks. doc_msg: the program's own words.
 * doc_fit: the first line of s cut to `width` columns with an ellipsis. */
const char *doc_own(struct layout *l, char *s);
const char *doc_lstr(struct doc *d, const lstr *s);
const char *doc_lstr_in(struct doc *d, const lstr *s, const char *lang);
/* Whether guide text s (or condition c) shows for the person walking. */
bool doc_shows(struct doc *d, const lstr *s);
bool doc_holds(struct doc *d, const struct cond *c);
/* "Label; Label": the choices taken at history entry i, or NULL for an
 * info screen passed there. Owned by the layout. */
const char *doc_answer(struct doc *d, size_t i);
const char *doc_safe(struct layout *l, const struct view *v, const char *raw);
/* Guide text `raw` in v's language with its glossary marks dropped. */
const char *doc_guide_plain(struct layout *l, const struct view *v, const struct guide *g,
                            const char *raw);
const char *doc_msg(struct layout *l, const struct view *v, enum msg_id id);
const char *doc_msg_in(struct layout *l, const struct view *v, const char *lang, enum msg_id id);
const char *doc_fit(struct layout *l, const struct view *v, const char *s, int width);
/* The end of s (already safe, one line) that fits in `width` columns: what
 * an input field shows, where the typing is. */
const char *doc_tail(const char *s, int width);

/* Writing: doc_put places text at a row and column; doc_wrap(_max) wraps it
 * at column x (at most max_lines, 0 for all); doc_prefixed wraps beside a
 * prefix such as "1. "; doc_line writes one line cut to fit; doc_gap leaves
 * a blank row. Lines written between doc_item_begin and doc_item_end form
 * one selectable item. */
void doc_put(struct doc *d, int row, int x, const char *s, size_t len, enum lay_style st,
             bool mark);
void doc_wrap_max(struct doc *d, int x, const char *text, enum lay_style st, size_t max_lines);
void doc_wrap(struct doc *d, int x, const char *text, enum lay_style st);
void doc_prefixed(struct doc *d, int x, const char *prefix, enum lay_style pst,
                  const char *text, enum lay_style st);
void doc_line(struct doc *d, int x, const char *text, enum lay_style st);
void doc_gap(struct doc *d);
void doc_item_begin(struct doc *d, enum lay_item_kind kind, int index);
void doc_item_end(struct doc *d);
/* Gives the item being added the number that opens it (lay_item.number). */
void doc_item_number(struct doc *d, int n);

/* Pieces the screens share: a heading (a gap, then the message); how many
 * of the items this person sees; those items as a list, numbered or not;
 * the closing "get help" and disclaimer. */
void doc_heading(struct doc *d, enum msg_id id);
unsigned doc_shown_count(struct doc *d, const lstr *items, unsigned n);
void doc_list(struct doc *d, const lstr *items, unsigned n, bool numbered);
void doc_disclaimer(struct doc *d);
/* Whether introductions and help are folded to their first line (the
 * volunteer view, until m opens them), and doc_wrap that folds then. */
bool doc_folded(const struct doc *d);
void doc_fold_wrap(struct doc *d, int x, const char *text, enum lay_style st);

/* The key list of the help panel and the welcome screen. */
void doc_keys(struct doc *d);

#endif
