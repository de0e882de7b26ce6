/* SPDX-License-Identifier: MIT */
#include "core/tailor.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/util.h"

void tailor_init(struct tailor *t, const struct session *s)
{
	*t = (struct tailor){.g = session_guide(s), .facts = session_facts(s), .s = s};
}

void tailor_init_all(struct tailor *t, const struct guide *g)
{
	*t = (struct tailor){.g = g};
}

bool tailor_holds(const struct tailor *t, const struct cond *c)
{
	return !t->facts || cond_eval(c, t->facts);
}

bool tailor_shows(const struct tailor *t, const lstr *s)
{
	if (!s->n || !tailor_holds(t, lstr_when(s)))
		return false;
	if (!lstr_nparts(s))
		return true;
	for (unsigned i = 0; i < lstr_nparts(s); i++)
		if (tailor_shows(t, lstr_part(s, i)))
			return true;
	return false;
}

static const char see_tag[] = "[[see:";

void tailor_each_ref(const char *text, void (*fn)(const char *id, size_t len, void *arg),
                     void *arg)
{
	const char *p = text;
	while ((p = strstr(p, see_tag))) {
		const char *id = p + sizeof see_tag - 1;
		const char *end = strstr(id, "]]");
		if (!end)
			return;
		const char *bar = memchr(id, '|', (size_t)(end - id));
		fn(id, (size_t)((bar ? bar : end) - id), arg);
		p = end + 2;
	}
}

static bool listed(const struct tailor *t, const char *id, size_t len)
{
	char *s = xstrndup(id, len);
	int r = guide_remedy(t->g, s);
	free(s);
	return r >= 0 && t->s && session_gathered(t->s, r);
}

/* Resolves the references in one text: a pointer to a remedy in the list,
 * the words alone (or nothing) for one that is not. When a bare reference
 * is left out, the space before it goes too, and so do brackets it filled. */
static void resolve(const struct tailor *t, struct buf *b, const char *text, const char *lang)
{
	const char *p = text, *a;
	while ((a = strstr(p, see_tag))) {
		const char *id = a + sizeof see_tag - 1;
		const char *end = strstr(id, "]]");
		if (!end)
			break;
		buf_add(b, p, (size_t)(a - p));
		const char *bar = memchr(id, '|', (size_t)(end - id));
		size_t idlen = (size_t)((bar ? bar : end) - id);
		p = end + 2;
		if (listed(t, id, idlen)) {
			char *rid = xstrndup(id, idlen);
			const struct remedy *r = &t->g->remedies[guide_remedy(t->g, rid)];
			free(rid);
			if (bar) {
				buf_add(b, bar + 1, (size_t)(end - bar - 1));
				buf_adds(b, " (");
			}
			buf_printf(b, msg(lang, M_SEE), guide_str(t->g, &r->title, lang));
			if (bar)
				buf_addc(b, ')');
		} else if (bar) {
			buf_add(b, bar + 1, (size_t)(end - bar - 1));
		} else {
			if (b->len && b->s[b->len - 1] == '(' && *p == ')') {
				b->len--;
				p++;
			}
			while (b->len && b->s[b->len - 1] == ' ')
				b->len--;
			if (b->s)
				b->s[b->len] = '\0';
		}
	}
	buf_adds(b, p);
}

static void add_shown(const struct tailor *t, struct buf *b, const lstr *s, const char *lang)
{
	if (!tailor_holds(t, lstr_when(s)) || !s->n)
		return;
	if (lstr_nparts(s)) {
		for (unsigned i = 0; i < lstr_nparts(s); i++)
			add_shown(t, b, lstr_part(s, i), lang);
		return;
	}
	if (b->len)
		buf_adds(b, "\n\n");
	resolve(t, b, guide_str(t->g, s, lang), lang);
}

char *tailor_text(const struct tailor *t, const lstr *s, const char *lang)
{
	struct buf b = {0};
	buf_add(&b, "", 0);
	add_shown(t, &b, s, lang);
	return buf_take(&b);
}

struct ref_find {
	const struct guide *g;
	int r;
	bool found;
};

static void on_ref(const char *id, size_t len, void *arg)
{
	struct ref_find *f = arg;
	char *s = xstrndup(id, len);
	if (guide_remedy(f->g, s) == f->r)
		f->found = true;
	free(s);
}

bool tailor_refers(const struct tailor *t, const lstr *s, int r)
{
	if (!tailor_holds(t, lstr_when(s)))
		return false;
	if (lstr_nparts(s)) {
		for (unsigned i = 0; i < lstr_nparts(s); i++)
			if (tailor_refers(t, lstr_part(s, i), r))
				return true;
		return false;
	}
	struct ref_find f = {t->g, r, false};
	for (unsigned i = 0; i < s->n && !f.found; i++)
		tailor_each_ref(s->items[i].text, on_ref, &f);
	return f.found;
}
