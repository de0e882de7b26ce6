/* SPDX-License-Identifier: MIT */
#include "ui/links.h"

#include <stdlib.h>
#include <string.h>

#include "core/guide.h"
#include "core/text.h"
#include "core/util.h"

/* Guide text as plain, safe text: glossary marks dropped. New string. */
static char *plain(const struct guide *g, const struct view *v, const lstr *s)
{
	return guide_text(g, guide_str(g, s, v->lang), v->lang,
	                  v->ascii ? GUIDE_TEXT_ASCII : GUIDE_TEXT_PLAIN);
}

static void add(struct ui_link **v, size_t *n, size_t *cap, char *label, const char *url,
                bool ascii)
{
	struct ui_link *l = VEC_PUSH(*v, *n, *cap);
	l->label = label;
	l->url = text_sanitize(url, false, ascii);
}

size_t ui_links(const struct view *v, struct ui_link **out)
{
	const struct guide *g = session_guide(v->s);
	struct ui_link *links = NULL;
	size_t n = 0, cap = 0;
	*out = NULL;
	if (v->kind != VIEW_DETAIL || v->remedy < 0 || (unsigned)v->remedy >= g->nremedies)
		return 0;
	const struct remedy *r = &g->remedies[v->remedy];
	for (unsigned i = 0; i < r->nwhere; i++)
		if (r->where[i].url)
			add(&links, &n, &cap, plain(g, v, &r->where[i].name), r->where[i].url, v->ascii);
	for (unsigned i = 0; i < r->ncitations; i++) {
		const struct citation *c = &g->citations[r->citations[i]];
		if (!c->url)
			continue;
		char *cite = text_sanitize(c->cite ? c->cite : "", false, v->ascii);
		char *title = c->title.n ? plain(g, v, &c->title) : xstrdup("");
		char *label = *title ? xasprintf("%s. %s", cite, title) : xstrdup(cite);
		free(title);
		free(cite);
		add(&links, &n, &cap, label, c->url, v->ascii);
	}
	*out = links;
	return n;
}

void ui_links_free(struct ui_link *links, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(links[i].label);
		free(links[i].url);
	}
	free(links);
}

bool ui_link_safe(const char *url)
{
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F)
			return false;
	return *url != '\0';
}
