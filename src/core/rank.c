/* SPDX-License-Identifier: MIT */
#include "core/rank.h"

#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/msg.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"

/* The guide's own urgency: an `urgent` entry of the remedy whose condition
 * holds. */
static bool guide_urgent(const struct session *s, int r, const char *lang, char **why,
                         int *entry)
{
	const struct guide *g = session_guide(s);
	const struct remedy *rem = &g->remedies[r];
	for (unsigned i = 0; i < rem->nurgent; i++)
		if (cond_eval(rem->urgent[i].when, session_facts(s))) {
			*entry = (int)i;
			if (why) {
				struct tailor t;
				tailor_init(&t, s);
				*why = tailor_text(&t, &rem->urgent[i].why, lang);
			}
			return true;
		}
	return false;
}

/* A computed deadline (core/deadline.h) that closes within the guide's
 * urgent window: the sentence of that deadline says why. */
static bool deadline_urgent(const struct session *s, int r, const char *lang, char **why,
                            int *entry)
{
	if (deadline_remedy_status(s, r, NULL) != DL_URGENT)
		return false;
	const struct remedy *rem = &session_guide(s)->remedies[r];
	for (unsigned i = 0; i < rem->ndeadlines; i++) {
		struct deadline_eval e;
		deadline_eval(s, &rem->deadlines[i], &e);
		if (e.state != DL_URGENT)
			continue;
		*entry = (int)i;
		/* Not quoting a vague date: "do this first" opens every report,
		 * with the answers or without. */
		if (why)
			*why = deadline_sentence_q(s, &rem->deadlines[i], lang, false);
		return true;
	}
	return true;
}

/* Every source of urgency, in order of precedence. */
static rank_urgency_fn *const sources[] = {
	guide_urgent,
	deadline_urgent,
};
enum { NSOURCES = sizeof sources / sizeof *sources };

int rank_of(const struct session *s, int r)
{
	const struct remedy *rem = &session_guide(s)->remedies[r];
	for (unsigned i = 0; i < rem->nranks; i++)
		if (cond_eval(rem->ranks[i].when, session_facts(s)))
			return rem->ranks[i].rank;
	return RANK_NONE;
}

const struct deadline *rank_deadline(const struct session *s, int r)
{
	const struct remedy *rem = &session_guide(s)->remedies[r];
	const struct deadline *best = NULL;
	for (unsigned i = 0; i < rem->ndeadlines; i++) {
		const struct deadline *d = &rem->deadlines[i];
		if (!cond_eval(d->when, session_facts(s)) || !cond_eval(lstr_when(&d->text), session_facts(s)))
			continue;
		if (!best || (d->days >= 0 && (best->days < 0 || d->days < best->days)))
			best = d;
	}
	return best;
}

/* The fewest days left among the deadlines this person sees: a computed
 * deadline still open counts its days from today, any other its `days`. */
static int shown_days(const struct session *s, int r)
{
	const struct remedy *rem = &session_guide(s)->remedies[r];
	int best = -1;
	for (unsigned i = 0; i < rem->ndeadlines; i++) {
		const struct deadline *d = &rem->deadlines[i];
		if (!cond_eval(d->when, session_facts(s)) || !cond_eval(lstr_when(&d->text), session_facts(s)))
			continue;
		struct deadline_eval e;
		deadline_eval(s, d, &e);
		long v = e.state == DL_DUE || e.state == DL_URGENT ? (e.left < 0 ? 0 : e.left) : d->days;
		if (v >= 0 && v < (1L << 29) && (best < 0 || v < best))
			best = (int)v;
	}
	return best;
}

static int days_key(int d)
{
	return d < 0 ? 1 << 30 : d;
}

/* Sort keys computed up front, so the comparison needs no context and ties
 * keep the order in which remedies were gathered (qsort is not stable). */
struct grouped {
	int group_state, state;     /* 0 urgent, 1 the rest, 2 every deadline passed */
	int group_days, path, days;
	size_t order;
	struct session_remedy r;
};

static int cmp_grouped(const void *a, const void *b)
{
	const struct grouped *x = a, *y = b;
	if (x->group_state != y->group_state)
		return x->group_state < y->group_state ? -1 : 1;
	if (x->group_days != y->group_days)
		return x->group_days < y->group_days ? -1 : 1;
	if (x->path != y->path)
		return x->path < y->path ? -1 : 1;
	if (x->state != y->state)
		return x->state < y->state ? -1 : 1;
	if (x->days != y->days)
		return x->days < y->days ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Here rather than in session.c: the order needs the computed deadlines,
 * and deadline.c reads the session, so session.c must not call it. */
size_t rank_grouped(const struct session *s, struct session_remedy **out)
{
	const struct guide *g = session_guide(s);
	struct session_remedy *got;
	size_t ngot = session_gathered_list(s, &got);
	int *group_days = xmalloc((g->npaths ? g->npaths : 1) * sizeof *group_days);
	int *group_state = xmalloc((g->npaths ? g->npaths : 1) * sizeof *group_state);
	int *state = xmalloc((ngot ? ngot : 1) * sizeof *state);
	for (unsigned i = 0; i < g->npaths; i++) {
		group_days[i] = 1 << 30;
		group_state[i] = 2;
	}
	for (size_t i = 0; i < ngot; i++) {
		const struct remedy *r = &g->remedies[got[i].remedy];
		if (days_key(r->min_days) < group_days[r->path])
			group_days[r->path] = days_key(r->min_days);
		/* Computed deadlines: urgent first, and a remedy whose time has
		 * passed goes down (with its warning), never out of the list. */
		enum deadline_state st = deadline_remedy_status(s, got[i].remedy, NULL);
		state[i] = st == DL_URGENT ? 0 : st == DL_PASSED ? 2 : 1;
		if (state[i] < group_state[r->path])
			group_state[r->path] = state[i];
	}
	struct grouped *k = xmalloc((ngot ? ngot : 1) * sizeof *k);
	for (size_t i = 0; i < ngot; i++) {
		const struct remedy *r = &g->remedies[got[i].remedy];
		k[i] = (struct grouped){.group_state = group_state[r->path], .state = state[i],
		                        .group_days = group_days[r->path], .path = r->path,
		                        .days = days_key(r->min_days), .order = i, .r = got[i]};
	}
	qsort(k, ngot, sizeof *k, cmp_grouped);
	for (size_t i = 0; i < ngot; i++)
		got[i] = k[i].r;
	free(k);
	free(group_days);
	free(group_state);
	free(state);
	*out = got;
	return ngot;
}

enum { NKEYS = 5 };
struct keyed {
	int k[NKEYS];
	struct rank_entry e;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	for (int i = 0; i < NKEYS; i++)
		if (x->k[i] != y->k[i])
			return x->k[i] < y->k[i] ? -1 : 1;
	return 0;
}

size_t rank_results(const struct session *s, enum rank_view view, struct rank_entry **out)
{
	const struct guide *g = session_guide(s);
	struct session_remedy *got;
	size_t n = rank_grouped(s, &got);
	unsigned char *stated = xcalloc(g->ngoals + 1, 1);
	for (unsigned i = 0; i < g->ngoals; i++)
		stated[i] = session_goal_stated(s, (int)i);
	struct keyed *k = xmalloc((n ? n : 1) * sizeof *k);
	for (size_t i = 0; i < n; i++) {
		int r = got[i].remedy;
		const struct remedy *rem = &g->remedies[r];
		struct rank_entry *e = &k[i].e;
		*e = (struct rank_entry){.remedy = r, .result = got[i].result, .band = RANK_OTHER,
		                         .urgent_by = -1, .urgent_entry = -1, .goal = -1,
		                         .rank = rank_of(s, r), .days = -1, .by_path = (int)i};
		e->days = shown_days(s, r);
		for (unsigned j = 0; j < rem->nserves && e->goal < 0; j++)
			if (rem->serves[j] >= 0 && stated[rem->serves[j]])
				e->goal = rem->serves[j];
		if (e->goal >= 0)
			e->band = RANK_GOAL;
		for (int j = 0; j < NSOURCES && e->urgent_by < 0; j++)
			if (sources[j](s, r, NULL, NULL, &e->urgent_entry))
				e->urgent_by = j;
		if (e->urgent_by >= 0)
			e->band = RANK_URGENT;
		k[i].k[0] = (int)e->band;
		/* A remedy whose every computed deadline has passed goes down, after
		 * the others of its band, and stays in the list with its warning. */
		k[i].k[1] = deadline_remedy_status(s, r, NULL) == DL_PASSED;
		k[i].k[2] = e->rank;
		k[i].k[3] = days_key(e->days);
		k[i].k[4] = r;
	}
	qsort(k, n, sizeof *k, cmp_keyed);
	/* "Do this first": the first three of bands 1 and 2 or, when both are
	 * empty, of the remedies ranked 1 or 2. */
	bool any_band = n && k[0].e.band != RANK_OTHER;
	size_t firsts = 0;
	for (size_t i = 0; i < n; i++) {
		struct rank_entry *e = &k[i].e;
		e->best = (int)i;
		if (firsts < 3 && (any_band ? e->band != RANK_OTHER : e->rank <= 2)) {
			e->first = true;
			firsts++;
		}
	}
	if (view == RANK_BY_PATH) {
		for (size_t i = 0; i < n; i++) {
			k[i].k[0] = k[i].e.by_path;
			k[i].k[1] = k[i].k[2] = k[i].k[3] = k[i].k[4] = 0;
		}
		qsort(k, n, sizeof *k, cmp_keyed);
	}
	struct rank_entry *v = xmalloc((n ? n : 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = k[i].e;
	free(k);
	free(stated);
	free(got);
	*out = v;
	return n;
}

size_t rank_first(const struct rank_entry *v, size_t n, size_t idx[3])
{
	/* In the best-first order, whatever the view. */
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].first) {
			size_t j = m++;
			while (j > 0 && v[idx[j - 1]].best > v[i].best) {
				idx[j] = idx[j - 1];
				j--;
			}
			idx[j] = i;
		}
	return m;
}

char *rank_why(const struct session *s, const struct rank_entry *e, const char *lang,
               bool name_goal)
{
	const struct guide *g = session_guide(s);
	if (e->urgent_by >= 0) {
		char *why = NULL;
		int entry = -1;
		if (sources[e->urgent_by](s, e->remedy, lang, &why, &entry) && why && *why) {
			size_t n = strlen(why);
			char *r = xasprintf("%s: %s%s", msg(lang, M_DL_URGENT), why,
			                    strchr(".!?", why[n - 1]) ? "" : ".");
			free(why);
			return r;
		}
		free(why);
		return xstrdup(msg(lang, M_DL_URGENT));
	}
	if (e->goal >= 0 && !name_goal)
		return xstrdup(msg(lang, M_WHY_GOAL_ANY));
	if (e->goal >= 0)
		return xasprintf(msg(lang, M_WHY_GOAL), guide_str(g, &g->goals[e->goal].label, lang));
	return xstrdup(msg(lang, M_WHY_STRONG));
}
