#include "core/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/util.h"
#include "core/walk.h"

/* Between two folded texts: never in a folded text (the loader refuses
 * control characters) and never matched, so a hit never spans two texts. */
#define SEP '\x1f'

/* One folded haystack: the texts of item i are text[start[i] .. start[i+1]). */
struct hay {
	struct buf text;
	size_t *start;
};

struct search_index {
	const struct guide *g;
	size_t nitems;             /* remedies, then nodes, then terms */
	struct hay main, notes;    /* notes: the trainer notes alone */
};

struct builder {
	struct search_index *x;
	size_t item;
};

/* Looks in every language of a text: the volunteer may type the English
 * name of a law on a Spanish screen, and the other way round. */
static void add_field(const struct walk_field *f, void *arg)
{
	struct builder *b = arg;
	const struct guide *g = b->x->g;
	/* What a question or remedy says, not the headings it sits under nor
	 * the titles of the laws it cites (found by their remedies' words). */
	if (f->kind == WALK_SECTION || f->kind == WALK_CITATION_TITLE)
		return;
	struct hay *h = walk_is_note(f->kind) ? &b->x->notes : &b->x->main;
	for (unsigned i = 0; i < f->s->n; i++) {
		const char *lang = f->s->items[i].lang ? f->s->items[i].lang : g->languages[0];
		char *r = guide_render(g, f->s->items[i].text, lang);
		char *folded = text_fold(r);
		buf_adds(&h->text, folded);
		buf_addc(&h->text, SEP);
		free(folded);
		free(r);
	}
}

static void end_item(struct builder *b)
{
	b->item++;
	b->x->main.start[b->item] = b->x->main.text.len;
	b->x->notes.start[b->item] = b->x->notes.text.len;
}

/* Item k of the index as a hit. */
static struct search_hit hit_of(const struct search_index *x, size_t k)
{
	const struct guide *g = x->g;
	if (k < g->nremedies)
		return (struct search_hit){.kind = SEARCH_REMEDY, .index = (int)k};
	k -= g->nremedies;
	if (k < g->nnodes)
		return (struct search_hit){.kind = SEARCH_NODE, .index = (int)k};
	return (struct search_hit){.kind = SEARCH_TERM, .index = (int)(k - g->nnodes)};
}

struct search_index *search_index_new(const struct guide *g)
{
	struct search_index *x = xcalloc(1, sizeof *x);
	x->g = g;
	x->nitems = (size_t)g->nremedies + g->nnodes + g->nterms;
	x->main.start = xcalloc(x->nitems + 1, sizeof *x->main.start);
	x->notes.start = xcalloc(x->nitems + 1, sizeof *x->notes.start);
	buf_add(&x->main.text, "", 0);
	buf_add(&x->notes.text, "", 0);
	struct builder b = {.x = x, .item = 0};
	for (unsigned i = 0; i < g->nremedies; i++) {
		walk_remedy(g, i, add_field, &b);
		end_item(&b);
	}
	for (unsigned i = 0; i < g->nnodes; i++) {
		/* A result screen only lists remedies: found through them. */
		if (g->nodes[i].kind != NODE_RESULT)
			walk_node(g, i, add_field, &b);
		end_item(&b);
	}
	for (unsigned i = 0; i < g->nterms; i++) {
		walk_term(g, i, add_field, &b);
		end_item(&b);
	}
	return x;
}

void search_index_free(struct search_index *x)
{
	if (!x)
		return;
	buf_free(&x->main.text);
	buf_free(&x->notes.text);
	free(x->main.start);
	free(x->notes.start);
	free(x);
}

/* Marks in `on` every item whose texts in h contain needle. One pass: after
 * a hit the scan goes on at the next item, so the cost is the haystack's
 * length plus the needle's once per hit (each hit item is at least that
 * long), linear in both. */
static void scan(const struct hay *h, const char *needle, unsigned char *on)
{
	const char *base = h->text.s, *end = base + h->text.len;
	const char *p = base;
	size_t k = 0;
	while (p < end) {
		const char *m = strstr(p, needle); /* the text ends in a NUL at end */
		if (!m)
			break;
		size_t off = (size_t)(m - base);
		while (h->start[k + 1] <= off)
			k++;
		on[k] = 1;
		p = base + h->start[k + 1];
	}
}

size_t search_find(const struct search_index *x, const char *query, bool notes,
                   struct search_hit **out)
{
	*out = NULL;
	char *needle = text_fold(query ? query : "");
	size_t nlen = strlen(needle);
	if (!nlen || memchr(needle, SEP, nlen)) {
		free(needle);
		return 0;
	}
	unsigned char *on = xcalloc(x->nitems + 1, 1);
	scan(&x->main, needle, on);
	if (notes)
		scan(&x->notes, needle, on);
	free(needle);
	struct search_hit *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t k = 0; k < x->nitems; k++)
		if (on[k])
			*VEC_PUSH(v, n, cap) = hit_of(x, k);
	free(on);
	*out = v;
	return n;
}

size_t guide_search(const struct guide *g, const char *query, bool notes,
                    struct search_hit **out)
{
	struct search_index *x = search_index_new(g);
	size_t n = search_find(x, query, notes, out);
	search_index_free(x);
	return n;
}
