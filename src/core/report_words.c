/* SPDX-License-Identifier: MIT */
/* The sentences a report shares with the wizard's screens (report_words.h): a
 * computed deadline, an action of "do this first", why a remedy was ruled
 * out, and the framing of the results. The report itself is in report.c. */
#include "core/report_words.h"

#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/msg.h"
#include "core/rank.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"

/* Guide text made safe for any output: glossary marks dropped, control and
 * invisible characters replaced. New string. */
static char *clean(const struct guide *g, const char *text, const char *lang)
{
	return guide_text(g, text, lang, GUIDE_TEXT_PLAIN);
}

char *report_deadline_sentence(const struct session *s, const struct deadline *dl,
                               const char *lang)
{
	return report_deadline_sentence_q(s, dl, lang, true);
}

char *report_deadline_sentence_q(const struct session *s, const struct deadline *dl,
                                 const char *lang, bool quote)
{
	char *raw = deadline_sentence_q(s, dl, lang, quote);
	if (!raw)
		return NULL;
	struct deadline_eval e;
	deadline_eval(s, dl, &e);
	char *t = e.state == DL_URGENT ? xasprintf("%s: %s", msg(lang, M_DL_URGENT), raw) : xstrdup(raw);
	char *safe = text_sanitize(t, false, false);
	free(t);
	free(raw);
	return safe;
}

/* One action of "do this first": the remedy, why it comes first for this
 * person, and its deadline. New string, clean. */
char *report_first_action(const struct session *s, const struct rank_entry *e,
                          const char *lang, bool personal)
{
	const struct guide *g = session_guide(s);
	struct tailor t;
	tailor_init(&t, s);
	char *title = clean(g, guide_str(g, &g->remedies[e->remedy].title, lang), lang);
	char *why = rank_why(s, e, lang, personal);
	const struct deadline *d = rank_deadline(s, e->remedy);
	/* A deadline computed from the person's dates says more than the rule:
	 * that one, with its date, unless a fixed deadline is sooner ("act
	 * today" before a hearing in three months). */
	long due;
	int pick = deadline_remedy_pick(s, e->remedy, NULL, &due);
	const struct deadline *computed = pick >= 0 ? &g->remedies[e->remedy].deadlines[pick] : NULL;
	if (computed && d && d != computed && d->days >= 0 && d->days < due - session_today(s))
		pick = -1;
	else if (computed)
		d = computed;
	char *raw = d ? tailor_text(&t, &d->text, lang) : xstrdup(msg(lang, M_NO_DEADLINE));
	char *when = pick >= 0 ? deadline_sentence_q(s, d, lang, false) : NULL;
	if (when && strstr(why, when)) {
		free(when);   /* "why first" already gives that date */
		when = NULL;
	}
	if (when) {
		char *both = xasprintf("%s %s.", raw, when);
		free(raw);
		raw = both;
		free(when);
	}
	char *dl = clean(g, raw, lang);
	char *line = xasprintf("%s. %s: %s %s: %s", title, msg(lang, M_WHY_FIRST), why,
	                       msg(lang, M_UI_DEADLINE), dl);
	char *safe = text_sanitize(line, false, false);
	free(line);
	free(dl);
	free(raw);
	free(why);
	free(title);
	return safe;
}

char *report_exclusion_reason(const struct guide *g, const struct session_exclusion *e,
                              const char *lang)
{
	if (e->cause_node < 0 || e->cause_choice < 0)
		return xstrdup(msg(lang, M_RULED_OUT_COND));
	const struct node *n = &g->nodes[e->cause_node];
	char *label = clean(g, guide_str(g, &n->choices[e->cause_choice].label, lang), lang);
	/* a question written in parts is named by its first part */
	const lstr *qt = lstr_nparts(&n->text) ? lstr_part(&n->text, 0) : &n->text;
	char *q = clean(g, guide_str(g, qt, lang), lang);
	char *r = xasprintf("%s \"%s\" (%s)", msg(lang, M_RULED_OUT_BY), label, q);
	free(label);
	free(q);
	return r;
}

/* The results reached whose text is shown, in the order the walk reached
 * them: the framing. Linear in the results. */
static size_t framing_results(const struct session *s, int *out)
{
	const struct guide *g = session_guide(s);
	struct tailor t;
	tailor_init(&t, s);
	struct session_remedy *r;
	size_t n = session_gathered_list(s, &r), k = 0;
	unsigned char *seen = xcalloc(g->nnodes + 1, 1);
	for (size_t i = 0; i < n; i++) {
		int res = r[i].result;
		if (seen[res] || !tailor_shows(&t, &g->nodes[res].text))
			continue;
		seen[res] = 1;
		if (out)
			out[k] = res;
		k++;
	}
	free(seen);
	free(r);
	return k;
}

size_t report_framing(const struct session *s, const char *lang, char ***out)
{
	const struct guide *g = session_guide(s);
	size_t n = framing_results(s, NULL);
	int *v = xmalloc((n ? n : 1) * sizeof *v);
	framing_results(s, v);
	struct tailor t;
	tailor_init(&t, s);
	char **items = xmalloc((n ? n : 1) * sizeof *items);
	for (size_t i = 0; i < n; i++) {
		char *raw = tailor_text(&t, &g->nodes[v[i]].text, lang);
		items[i] = clean(g, raw, lang);
		free(raw);
	}
	free(v);
	*out = items;
	return n;
}
