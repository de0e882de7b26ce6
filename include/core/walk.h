/* SPDX-License-Identifier: MIT */
/* The one walk over every user-visible text of the guide: each text of a
 * node, of a remedy, of a glossary term, and of the guide itself, in the
 * order a reader meets them. The checker, the search, the glossary opened
 * on a screen and the detail screen go through it, so a field added to the
 * guide format is added here once (a kind, a visit, a place) and each of
 * them sees it. */
#ifndef REMEDIES_WALK_H
#define REMEDIES_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/guide.h"

/* What a text is. The remedy kinds come in the order the detail screen and
 * the reports show them. */
enum walk_kind {
	/* the guide */
	WALK_GUIDE_TITLE, WALK_ABOUT, WALK_PATH_TITLE, WALK_GOAL_LABEL,
	/* a node */
	WALK_SECTION, WALK_TEXT, WALK_HELP, WALK_NODE_NOTE,
	WALK_CHOICE_LABEL, WALK_CHOICE_HELP, WALK_DATE_AGREE,
	/* a remedy */
	WALK_TITLE, WALK_SUMMARY, WALK_REMEDY_NOTE, WALK_WHO, WALK_DEADLINE, WALK_DEADLINE_OPENS,
	WALK_STEP, WALK_NEED, WALK_LIMIT, WALK_WHERE, WALK_CITATION_TITLE, WALK_WHY_NOT,
	WALK_URGENT_WHY,
	/* a glossary term */
	WALK_TERM, WALK_ALSO, WALK_DEFINITION,
};

/* One text met on the walk; borrowed from the guide, valid during the
 * callback. */
struct walk_field {
	enum walk_kind kind;
	const lstr *s;             /* never absent (s->n > 0) */
	unsigned index;            /* its place in its list: a choice, a step... */
	const char *id;            /* the node, remedy, choice, citation, goal or term it is of */
	const struct cond *when;   /* a list item's own condition (deadline, place,
	                            * citation): shown only when it holds; NULL: always */
	const char *url;           /* WALK_WHERE, WALK_CITATION_TITLE: the address, or NULL */
};

typedef void walk_fn(const struct walk_field *f, void *arg);

/* Every text of node i (section, text, help, note, then each choice's
 * label and help); of remedy i (WALK_TITLE .. WALK_URGENT_WHY, the titles
 * of the citations it cites included); of term i. Absent texts are
 * skipped. */
void walk_node(const struct guide *g, unsigned i, walk_fn *fn, void *arg);
void walk_remedy(const struct guide *g, unsigned i, walk_fn *fn, void *arg);
void walk_term(const struct guide *g, unsigned i, walk_fn *fn, void *arg);
/* Every text of the guide once: its title and about text, path titles,
 * every node, every remedy (without the citation titles), goal labels,
 * every citation's title, every term. */
void walk_guide(const struct guide *g, walk_fn *fn, void *arg);

/* Trainer notes: shown only when the notes are on. */
bool walk_is_note(enum walk_kind k);

/* Where f is, for messages ("text of node 'who'"), written into buf of
 * `size` bytes; returns buf. */
const char *walk_place(const struct walk_field *f, char *buf, size_t size);

#endif
