/* SPDX-License-Identifier: MIT */
#include "ui/demo.h"

#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/util.h"

size_t ui_demo_step(const struct session *s)
{
	size_t k = 0, n = session_history_len(s);
	for (size_t i = 0; i < n; i++) {
		size_t nc;
		session_history_choices(s, i, &nc);
		k += nc > 0 || session_history_date(s, i) != NULL;
	}
	return k;
}

int ui_demo_entry(const struct answers *a, const struct session *s)
{
	const struct node *n = session_node(s);
	if (!a || !n || n->kind == NODE_INFO)
		return -1;
	size_t k = ui_demo_step(s);
	if (k >= a->n || !a->v[k].node || strcmp(a->v[k].node, n->id) != 0)
		return -1;
	return (int)k;
}

size_t ui_demo_choices(const struct answer_entry *e, const struct node *n, unsigned *out)
{
	size_t k = 0;
	for (unsigned i = 0; i < e->nchoices && k < n->nchoices; i++) {
		int c = guide_choice(n, e->choices[i]);
		if (c >= 0)
			out[k++] = (unsigned)c;
	}
	return k;
}

/* Whether the k choices c are exactly those of entry e (as sets). */
static bool same_choices(const struct answer_entry *e, const struct node *n, const unsigned *c,
                         size_t k)
{
	unsigned char *in = xcalloc(n->nchoices + 1, 1);
	size_t m = 0;
	bool same = true;
	for (unsigned i = 0; i < e->nchoices; i++) {
		int x = guide_choice(n, e->choices[i]);
		if (x < 0) {
			same = false;
			break;
		}
		m += !in[x];
		in[x] = 1;
	}
	for (size_t i = 0; same && i < k; i++)
		same = c[i] < n->nchoices && in[c[i]];
	free(in);
	return same && m == k;
}

bool ui_demo_on_script(const struct answers *a, const struct session *s)
{
	const struct guide *g = session_guide(s);
	size_t j = 0, n = session_history_len(s);
	for (size_t i = 0; i < n; i++) {
		size_t k;
		const unsigned *c = session_history_choices(s, i, &k);
		const struct cal_date *date = session_history_date(s, i);
		if (!k && !date)
			continue;
		if (j >= a->n)
			return false;
		const struct node *nd = &g->nodes[session_history_node(s, i)];
		const struct answer_entry *e = &a->v[j++];
		if (date) {
			/* The same date, however it was written. */
			struct cal_date want;
			if (!e->node || strcmp(e->node, nd->id) != 0 || !e->date ||
			    deadline_check_date(NULL, e->date, 0, &want) != DATE_OK ||
			    want.prec != date->prec || want.year != date->year ||
			    want.month != date->month || want.day != date->day)
				return false;
			continue;
		}
		if (!e->node || strcmp(e->node, nd->id) != 0 || !same_choices(e, nd, c, k))
			return false;
	}
	return true;
}
