/* SPDX-License-Identifier: MIT */
#include "core/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"
#include "core/walk.h"

/* Between two folded texts: never in a folded text (the loader refuses
 * control characters) and never matched, so a hit never spans two texts. */
#define SEP '\x1f'
/* Before a glossary id marked in a text ("[[retention|kept]]" adds the
 * token "@retention"): a query cannot type it (not a word character), so
 * only a glossary term the query names finds it. */
#define MARK_TOKEN '@'
/* A query that names more glossary terms than this is too vague to widen
 * by all of them; the first ones count. It keeps a search a bounded number
 * of passes over the index. */
enum { SEARCH_MAX_TERMS = 8 };

/* One folded haystack: the texts of item i are text[start[i] .. start[i+1]). */
struct hay {
	struct buf text;
	size_t *start;
};

/* A glossary term's name or other words, in one language, folded once. */
struct tphrase {
	unsigned term;
	bool name;                 /* the term itself (else one of its other words) */
	char *words;               /* " how long" */
	char *stems;               /* " how long" stemmed */
};

struct search_index {
	const struct guide *g;
	size_t nitems;             /* remedies, then nodes, then terms */
	struct hay main, notes;    /* notes: the trainer notes alone */
	struct tphrase *tp;        /* every term's phrases, term by term */
	size_t ntp, tpcap;
};

struct builder {
	struct search_index *x;
	size_t item;
	const struct tailor *t;   /* only what this person sees; NULL: every text */
};

/* A byte of a word: letters and digits, and every byte of a character
 * beyond ASCII (folding left only letters there: CJK, ñ as n...). */
static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Appends the words of folded text s to b, each after one space: the form
 * both the index and the glossary's words are kept in (" how long are"). */
static void add_words(struct buf *b, const char *s)
{
	for (const char *p = s; *p;) {
		while (*p && !word_byte((unsigned char)*p))
			p++;
		const char *w = p;
		while (word_byte((unsigned char)*p))
			p++;
		if (p > w) {
			buf_addc(b, ' ');
			buf_add(b, w, (size_t)(p - w));
		}
	}
}

/* The stem of a folded word: common English and Spanish endings off
 * ("photos" -> "photo", "deleted" -> "delet", "guardan" -> "guard"), at
 * least three letters kept. A query word's stem then finds every word that
 * begins with it: "kept" finds "kept", "deleted" finds "deletion". */
static size_t stem_len(const char *w, size_t n)
{
	static const char *const ends[] = {
		"aciones", "amiento", "imiento", "ations", "mente", "ciones", "ation", "ingly",
		"idades", "idad", "ando", "iendo", "ings", "edly", "ados", "adas", "idos",
		"idas", "cion", "ing", "ado", "ada", "ido", "ida", "ies", "ion", "ers", "ed",
		"es", "ly", "er", "ar", "ir", "an", "en", "s", "a", "o", "e", "y",
	};
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k + 3 && memcmp(w + n - k, ends[i], k) == 0)
			return n - k;
	}
	return n;
}

/* A phrase to look for: its words' stems, " w1 w2", each a word's start. */
struct phrase {
	const char *s;     /* " stem stem": the words as in the index */
	size_t len;
};

/* The stems of the words of folded text s, as a phrase (new string). */
static char *stems_of(const char *s)
{
	struct buf words = {0}, out = {0};
	buf_add(&words, "", 0);
	buf_add(&out, "", 0);
	add_words(&words, s);
	for (const char *p = words.s; *p;) {
		const char *w = ++p; /* past the space */
		while (*p && *p != ' ')
			p++;
		buf_addc(&out, ' ');
		buf_add(&out, w, stem_len(w, (size_t)(p - w)));
	}
	buf_free(&words);
	return buf_take(&out);
}

/* Whether the phrase's stems begin the words of text t from position p
 * (t[p] is the space before a word): stem i is the start of word i; with
 * exact, all of word i. */
static bool phrase_at(const char *t, size_t p, const char *ph, size_t len, bool exact)
{
	size_t i = 0;
	while (i < len) {
		/* ph[i] and t[p] are both the space before a word. */
		if (t[p] != ' ')
			return false;
		i++;
		p++;
		while (i < len && ph[i] != ' ') {
			if (t[p] != ph[i])
				return false;
			i++;
			p++;
		}
		if (exact && word_byte((unsigned char)t[p]))
			return false;
		while (word_byte((unsigned char)t[p]))
			p++; /* the rest of the word, past the stem */
	}
	return true;
}

static void add_mark(const char *id, size_t len, void *arg)
{
	struct buf *b = arg;
	buf_addc(b, ' ');
	buf_addc(b, MARK_TOKEN);
	buf_add(b, id, len);
	buf_addc(b, MARK_TOKEN); /* "@ident@" is not "@ident-hart@" */
}

/* Looks in every language of a text: the volunteer may type the English
 * name of a law on a Spanish screen, and the other way round. */
static void add_field(const struct walk_field *f, void *arg)
{
	struct builder *b = arg;
	const struct guide *g = b->x->g;
	/* What a question or remedy says, not the headings it sits under nor
	 * the titles of the laws it cites (found by their remedies' words). */
	if (f->kind == WALK_SECTION || f->kind == WALK_CITATION_TITLE || f->kind == WALK_ALSO)
		return;
	struct hay *h = walk_is_note(f->kind) ? &b->x->notes : &b->x->main;
	if (b->t) {
		/* Tailored (core/tailor.h): a text that does not show for this
		 * person is not searched, nor the parts of a text that do not. */
		if (!tailor_holds(b->t, f->when) || !tailor_shows(b->t, f->s))
			return;
		for (unsigned l = 0; l < g->nlanguages; l++) {
			char *raw = tailor_text(b->t, f->s, g->languages[l]);
			char *r = guide_render(g, raw, g->languages[l]);
			char *folded = text_fold(r);
			add_words(&h->text, folded);
			guide_each_mark(raw, add_mark, &h->text);
			buf_addc(&h->text, SEP);
			free(folded);
			free(r);
			free(raw);
		}
		return;
	}
	for (unsigned i = 0; i < f->s->n; i++) {
		const char *lang = f->s->items[i].lang ? f->s->items[i].lang : g->languages[0];
		char *r = guide_render(g, f->s->items[i].text, lang);
		char *folded = text_fold(r);
		add_words(&h->text, folded);
		guide_each_mark(f->s->items[i].text, add_mark, &h->text);
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

static void add_term_phrases(struct search_index *x, unsigned t);

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

static struct search_index *build(const struct guide *g, const struct tailor *t);

struct search_index *search_index_new(const struct guide *g)
{
	return build(g, NULL);
}

struct search_index *search_index_tailored(const struct tailor *t)
{
	return build(t->g, t);
}

static struct search_index *build(const struct guide *g, const struct tailor *t)
{
	struct search_index *x = xcalloc(1, sizeof *x);
	x->g = g;
	x->nitems = (size_t)g->nremedies + g->nnodes + g->nterms;
	x->main.start = xcalloc(x->nitems + 1, sizeof *x->main.start);
	x->notes.start = xcalloc(x->nitems + 1, sizeof *x->notes.start);
	buf_add(&x->main.text, "", 0);
	buf_add(&x->notes.text, "", 0);
	struct builder b = {.x = x, .item = 0, .t = t};
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
		add_term_phrases(x, i);
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
	for (size_t i = 0; i < x->ntp; i++) {
		free(x->tp[i].words);
		free(x->tp[i].stems);
	}
	free(x->tp);
	free(x);
}

/* Marks in `on` every item whose texts in h hold the phrase: at each word
 * of the index, its words compared with the phrase's stems until the first
 * difference. After a hit the scan goes on at the next item. One pass over
 * the index, each word compared with at most the phrase (a query, or a
 * term's name: short). With whole, each word must be all of the phrase's
 * (a mark token, a term's name); else a stem begins it. */
static void scan(const struct hay *h, const char *ph, size_t len, bool whole, unsigned char *on)
{
	const char *t = h->text.s;
	size_t end = h->text.len, k = 0;
	if (!len || !t)
		return;
	/* Only where the first stem begins a word can the phrase begin: that
	 * place is " stem" in the text, found by strstr (a linear, vectorised
	 * search in glibc) rather than by trying every word. */
	size_t first = 1;
	while (first < len && ph[first] != ' ')
		first++;
	char *lead = xstrndup(ph, first);
	for (size_t p = 0; p < end;) {
		const char *m = strstr(t + p, lead); /* the text ends in a NUL at end */
		if (!m)
			break;
		p = (size_t)(m - t);
		if (!phrase_at(t, p, ph, len, whole)) {
			p++;
			continue;
		}
		while (h->start[k + 1] <= p)
			k++;
		on[k] = 1;
		p = h->start[k + 1];
	}
	free(lead);
}

/* Whether the words of `a` (a phrase of stems) begin somewhere in words w. */
static bool words_have(const char *w, const char *a)
{
	size_t n = strlen(w), len = strlen(a);
	for (size_t p = 0; p < n; p++)
		if (w[p] == ' ' && phrase_at(w, p, a, len, false))
			return true;
	return false;
}

/* Term t's names and other words, in every language, into x->tp. Other
 * words are listed with commas between them. */
static void add_term_phrases(struct search_index *x, unsigned t)
{
	const struct guide *g = x->g;
	const lstr *sets[2] = {&g->terms[t].term, &g->terms[t].also};
	for (int k = 0; k < 2; k++)
		for (unsigned i = 0; i < sets[k]->n; i++) {
			const char *lang = sets[k]->items[i].lang ? sets[k]->items[i].lang
			                                           : g->languages[0];
			char *r = guide_render(g, sets[k]->items[i].text, lang);
			char *folded = text_fold(r);
			for (char *piece = folded; piece;) {
				char *comma = strchr(piece, ',');
				if (comma)
					*comma = '\0';
				struct buf w = {0};
				buf_add(&w, "", 0);
				add_words(&w, piece);
				if (w.len)
					*VEC_PUSH(x->tp, x->ntp, x->tpcap) = (struct tphrase){
						.term = t, .name = k == 0, .words = buf_take(&w),
						.stems = stems_of(piece)};
				else
					buf_free(&w);
				piece = comma ? comma + 1 : NULL;
			}
			free(folded);
			free(r);
		}
}

/* Whether the query names the term of phrase p: the phrase holds the
 * query (as typed so far), or the query holds the whole phrase ("how long
 * are photos kept" holds "how long"). A letter or two names nothing yet. */
static bool names(const struct tphrase *p, const char *query_stems, const char *query_words)
{
	return strlen(query_stems) >= 4 &&
	       (words_have(p->words, query_stems) || words_have(query_words, p->stems));
}

size_t search_find(const struct search_index *x, const char *query, bool notes,
                   struct search_hit **out)
{
	*out = NULL;
	const struct guide *g = x->g;
	char *folded = text_fold(query ? query : "");
	char *stems = stems_of(folded);
	struct buf qw = {0};
	buf_add(&qw, "", 0);
	add_words(&qw, folded);
	free(folded);
	size_t slen = strlen(stems);
	if (!slen) {
		free(stems);
		buf_free(&qw);
		return 0;
	}
	unsigned char *on = xcalloc(x->nitems + 1, 1);
	scan(&x->main, stems, slen, false, on);
	if (notes)
		scan(&x->notes, stems, slen, false, on);
	/* The glossary's words for the same thing: a query that names a term
	 * finds the term, the texts that mark it and those that say its name
	 * (not its other words: "kept" alone would find too much). */
	unsigned named = 0;
	size_t first[SEARCH_MAX_TERMS];
	for (size_t i = 0; i < x->ntp && named < SEARCH_MAX_TERMS;) {
		unsigned t = x->tp[i].term;
		size_t j = i;
		bool hit = false;
		for (; j < x->ntp && x->tp[j].term == t; j++)
			hit = hit || names(&x->tp[j], stems, qw.s);
		if (hit) {
			first[named++] = (size_t)g->nremedies + g->nnodes + t;
			char *mark = xasprintf(" %c%s%c", MARK_TOKEN, g->terms[t].id, MARK_TOKEN);
			scan(&x->main, mark, strlen(mark), true, on);
			if (notes)
				scan(&x->notes, mark, strlen(mark), true, on);
			free(mark);
			for (size_t k = i; k < j; k++) {
				if (!x->tp[k].name)
					continue;
				size_t len = strlen(x->tp[k].words);
				scan(&x->main, x->tp[k].words, len, true, on);
				if (notes)
					scan(&x->notes, x->tp[k].words, len, true, on);
			}
		}
		i = j;
	}
	free(stems);
	buf_free(&qw);
	/* The terms the query names come first: their definitions answer a
	 * question like "how long are photos kept" ("retention"), which the
	 * remedies that mention the term only come near; after them, in the
	 * order below, they were last of dozens. */
	struct search_hit *v = NULL;
	size_t n = 0, cap = 0;
	for (unsigned i = 0; i < named; i++) {
		*VEC_PUSH(v, n, cap) = hit_of(x, first[i]);
		on[first[i]] = 0;
	}
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
