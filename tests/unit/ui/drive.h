/* SPDX-License-Identifier: MIT */
/* The wizard's unit tests drive it as term.c does, without a terminal: one
 * turn per key through the key table (turn.c), and the screen read from the
 * last layout at a chosen size. Include after <cmocka.h>. */
#ifndef REMEDIES_TEST_DRIVE_H
#define REMEDIES_TEST_DRIVE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/guide.h"
#include "core/session.h"
#include "ui/layout.h"
#include "ui/state.h"
#include "ui/turn.h"

struct drive {
	struct session *s;
	struct ui_state *u;
	struct layout *l;
	int w, h;
};

static inline void draw(struct drive *d)
{
	d->l = ui_turn_draw(d->u, d->l, d->w, d->h);
}

/* A new session on g, in lang, on a w x h screen, drawn once. */
static inline void drive_start(struct drive *d, struct guide *g, const char *lang, int w, int h)
{
	d->s = session_new(g);
	d->u = ui_state_new(d->s, lang, false);
	d->l = NULL;
	d->w = w;
	d->h = h;
	draw(d);
}

static inline void stop(struct drive *d)
{
	layout_free(d->l);
	ui_state_free(d->u);
	session_free(d->s);
}

/* Presses a key: the action comes from the key table, as in term.c. */
static inline enum ui_outcome press(struct drive *d, int key)
{
	enum ui_outcome o = ui_turn_key(d->u, d->l, key, NULL);
	draw(d);
	return o;
}

/* Presses each character of k in turn. */
static inline void keys(struct drive *d, const char *k)
{
	for (; *k; k++)
		press(d, (unsigned char)*k);
}

/* The screen as text; the caller frees it. */
static inline char *screen(const struct drive *d)
{
	return layout_dump(d->l);
}

static inline bool shows(const struct drive *d, const char *text)
{
	char *s = screen(d);
	bool r = strstr(s, text) != NULL;
	if (!r)
		fprintf(stderr, "not on screen: '%s'\n%s", text, s);
	free(s);
	return r;
}

static inline const char *node_id(const struct drive *d)
{
	const struct node *n = session_node(d->s);
	return n ? n->id : "(finished)";
}

#endif
