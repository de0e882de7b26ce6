#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "text.h"
#include "util.h"

static char *clean(const struct guide *g, const char *text, const char *lang)
{
	char *r = guide_render(g, text, lang);
	char *plain = text_strip_marks(r);
	char *safe = text_sanitize(plain, false, false);
	free(r);
	free(plain);
	return safe;
}

void report_wrap(struct buf *b, const char *text, size_t first, size_t rest, size_t width)
{
	struct text_line *lines;
	size_t avail = width > rest + 10 ? width - rest : 10;
	size_t n = text_wrap(text, avail, &lines);
	for (size_t i = 0; i < n; i++) {
		size_t ind = i == 0 ? first : rest;
		for (size_t k = 0; k < ind; k++)
			buf_addc(b, ' ');
		buf_add(b, text + lines[i].off, lines[i].len);
		buf_addc(b, '\n');
	}
	free(lines);
}

static void wrap_guide(struct buf *b, const struct guide *g, const lstr *s, const char *lang,
                       size_t first, size_t rest, size_t width)
{
	char *t = clean(g, guide_str(g, s, lang), lang);
	report_wrap(b, t, first, rest, width);
	free(t);
}

static void heading(struct buf *b, const char *lang, enum msg_id id)
{
	buf_printf(b, "  %s:\n", msg(lang, id));
}

static void list(struct buf *b, const struct guide *g, const lstr *items, unsigned n,
                 const char *lang, size_t width, bool numbered)
{
	for (unsigned i = 0; i < n; i++) {
		char *t = clean(g, guide_str(g, &items[i], lang), lang);
		char *item = numbered ? xasprintf("%u. %s", i + 1, t) : xasprintf("- %s", t);
		report_wrap(b, item, 4, numbered ? 7 : 6, width);
		free(item);
		free(t);
	}
}

void report_remedy_text(struct buf *b, const struct guide *g, int remedy, const char *lang,
                        size_t width)
{
	const struct remedy *r = &g->remedies[remedy];
	char *title = clean(g, guide_str(g, &r->title, lang), lang);
	char *line = xasprintf("* %s", title);
	report_wrap(b, line, 0, 2, width);
	free(line);
	free(title);
	wrap_guide(b, g, &r->summary, lang, 2, 2, width);
	heading(b, lang, M_WHO);
	wrap_guide(b, g, &r->who, lang, 4, 4, width);
	if (r->ndeadlines) {
		heading(b, lang, M_DEADLINES);
		for (unsigned i = 0; i < r->ndeadlines; i++) {
			char *t = clean(g, guide_str(g, &r->deadlines[i].text, lang), lang);
			char *item = xasprintf("- %s", t);
			report_wrap(b, item, 4, 6, width);
			free(item);
			free(t);
		}
	}
	heading(b, lang, M_STEPS);
	list(b, g, r->steps, r->nsteps, lang, width, true);
	if (r->nneed) {
		heading(b, lang, M_NEED);
		list(b, g, r->need, r->nneed, lang, width, false);
	}
	heading(b, lang, M_LIMITS);
	list(b, g, r->limits, r->nlimits, lang, width, false);
	heading(b, lang, M_WHERE);
	for (unsigned i = 0; i < r->nwhere; i++) {
		char *t = clean(g, guide_str(g, &r->where[i].name, lang), lang);
		char *u = r->where[i].url ? text_sanitize(r->where[i].url, false, false) : NULL;
		char *item = u ? xasprintf("- %s: %s", t, u) : xasprintf("- %s", t);
		report_wrap(b, item, 4, 6, width);
		free(item);
		free(u);
		free(t);
	}
	heading(b, lang, M_CITATIONS);
	for (unsigned i = 0; i < r->ncitations; i++) {
		const struct citation *c = &g->citations[r->citations[i]];
		char *t = clean(g, guide_str(g, &c->title, lang), lang);
		char *raw = xasprintf("- %s. %s. %s (%s %s)", c->cite, t, c->url, msg(lang, M_VERIFIED),
		                      c->verified);
		char *item = text_sanitize(raw, false, false);
		report_wrap(b, item, 4, 6, width);
		free(item);
		free(raw);
		free(t);
	}
}

char *report_exclusion_reason(const struct guide *g, const struct session_exclusion *e,
                              const char *lang)
{
	if (e->cause_node < 0 || e->cause_choice < 0)
		return xstrdup(msg(lang, M_RULED_OUT_COND));
	const struct node *n = &g->nodes[e->cause_node];
	char *label = clean(g, guide_str(g, &n->choices[e->cause_choice].label, lang), lang);
	char *q = clean(g, guide_str(g, &n->text, lang), lang);
	char *r = xasprintf("%s \"%s\" (%s)", msg(lang, M_RULED_OUT_BY), label, q);
	free(label);
	free(q);
	return r;
}

char *report_text(const struct session *s, const char *lang, size_t width)
{
	const struct guide *g = session_guide(s);
	struct buf b = {0};
	char *title = clean(g, guide_str(g, &g->title, lang), lang);
	buf_printf(&b, "%s\n%s\n", msg(lang, M_RESULTS), title);
	free(title);
	report_wrap(&b, msg(lang, M_DISCLAIMER), 0, 0, width);
	struct session_remedy *r;
	size_t n = session_results(s, &r);
	if (!n)
		report_wrap(&b, msg(lang, M_NO_RESULTS), 0, 0, width);
	int path = -2;
	for (size_t i = 0; i < n; i++) {
		const struct remedy *rem = &g->remedies[r[i].remedy];
		if (rem->path != path) {
			path = rem->path;
			char *pt = clean(g, guide_str(g, &g->paths[path].title, lang), lang);
			buf_printf(&b, "\n== %s ==\n", pt);
			free(pt);
		}
		buf_addc(&b, '\n');
		report_remedy_text(&b, g, r[i].remedy, lang, width);
	}
	free(r);
	struct session_exclusion *e;
	size_t ne = session_exclusions(s, &e);
	if (ne)
		buf_printf(&b, "\n== %s ==\n\n", msg(lang, M_RULED_OUT));
	for (size_t i = 0; i < ne; i++) {
		const struct remedy *rem = &g->remedies[e[i].remedy];
		char *t = clean(g, guide_str(g, &rem->title, lang), lang);
		char *why = report_exclusion_reason(g, &e[i], lang);
		char *line = xasprintf("- %s: %s.", t, why);
		report_wrap(&b, line, 0, 2, width);
		if (rem->why_not.n)
			wrap_guide(&b, g, &rem->why_not, lang, 2, 2, width);
		free(line);
		free(why);
		free(t);
	}
	free(e);
	buf_addc(&b, '\n');
	report_wrap(&b, msg(lang, M_GET_HELP), 0, 0, width);
	report_wrap(&b, msg(lang, M_DISCLAIMER), 0, 0, width);
	return buf_take(&b);
}
