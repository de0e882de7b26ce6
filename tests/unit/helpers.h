/* SPDX-License-Identifier: MIT */
/* What the unit tests share: the test guides, loaded once per test file
 * (cmocka group setup), and a way to answer a question by its choice's id.
 * Include after <cmocka.h>. */
#ifndef REMEDIES_TEST_HELPERS_H
#define REMEDIES_TEST_HELPERS_H

#include "core/guide.h"
#include "core/guide_load.h"
#include "core/session.h"

/* tests/guides/mini.yaml (two languages, every node kind) and
 * tests/e2e/wide.yaml (wide and accented text, trainer notes). */
static struct guide *MINI, *WIDE;

/* The guide at path, or NULL (its problems dropped: the guides tests
 * check those). */
static inline struct guide *load_guide(const char *path)
{
	struct diags d = {0};
	struct guide *g = guide_load(path, &d);
	diags_free(&d);
	return g;
}

static inline int guides_setup(void **state)
{
	(void)state;
	MINI = load_guide("tests/guides/mini.yaml");
	WIDE = load_guide("tests/e2e/wide.yaml");
	return MINI && WIDE ? 0 : -1;
}

static inline int guides_teardown(void **state)
{
	(void)state;
	guide_free(MINI);
	guide_free(WIDE);
	MINI = WIDE = NULL;
	return 0;
}

/* Answers the current question with the choice whose id is `choice`. */
static inline void answer(struct session *s, const char *choice)
{
	const struct node *n = session_node(s);
	assert_non_null(n);
	int c = guide_choice(n, choice);
	assert_true(c >= 0);
	unsigned u = (unsigned)c;
	assert_int_equal(session_answer(s, &u, 1), SESSION_OK);
}

#endif
