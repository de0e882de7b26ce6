/* SPDX-License-Identifier: MIT */
/* The guide: an immutable decision graph loaded from one YAML file.
 * See man/remedies-guide.5 for the format. After guide_load() (guide_load.h)
 * succeeds every reference (next, otherwise, remedies, citations, paths,
 * facts) is resolved to an index, so the session never looks anything up by
 * name. This header: the guide's types and the queries on it (guide.c). */
#ifndef REMEDIES_GUIDE_H
#define REMEDIES_GUIDE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/calendar.h"
#include "core/diag.h"

struct guide;

/* A localised string: one text per language. n == 0 means absent. A plain
 * YAML string is stored with the guide's default language. */
struct lstr_item {
	const char *lang;     /* NULL: the guide's default (first) language */
	const char *text;
};
struct cond;
/* A text may be conditional (written {text: ..., when: ...}: shown only
 * when the condition holds at the result) and may be written as a list of
 * parts, each of which may be conditional; then items holds every part
 * joined by a blank line (what a reader that does not tailor sees) and
 * parts each part. Tailoring is done by core/tailor.h. */
struct lstr;
struct lstr_more {
	struct cond *when;    /* NULL: always shown */
	struct lstr *parts;
	unsigned nparts;
};
/* Where a text was written, and its rare parts (condition, parts) and
 * source hashes, live in the same allocation as its items, so a text
 * costs 16 bytes where it is held and an absent one nothing more: a guide
 * holds millions of texts at 100,000 nodes, most nodes and choices leave
 * some out, and every byte counts (make bench: memory against the file).
 * The allocation (lstr_block_size, lstr_block_init):
 *   [struct lstr_more * with LSTR_MORE] [struct lstr_pos] [items: cap]
 *   [source hashes: cap pointers, with LSTR_SRC]
 * `items` points at the items; everything else is found from it. A text
 * absent from the file has items NULL and n 0. */
struct lstr_pos {
	unsigned line, col;
};
enum lstr_flags {
	LSTR_MORE = 1u << 0,  /* a struct lstr_more pointer precedes the position */
	LSTR_SRC = 1u << 1,   /* n source-hash pointers follow the n items */
};
struct lstr {
	struct lstr_item *items;
	unsigned n;
	unsigned flags;       /* enum lstr_flags */
};
typedef struct lstr lstr;

/* Bytes for a text's block with room for cap items. */
static inline size_t lstr_block_size(size_t cap, unsigned flags)
{
	return (flags & LSTR_MORE ? sizeof(struct lstr_more *) : 0) + sizeof(struct lstr_pos) +
	       cap * sizeof(struct lstr_item) + (flags & LSTR_SRC ? cap * sizeof(char *) : 0);
}
/* Lays out a zeroed block of lstr_block_size(cap, flags) bytes (aligned
 * for a pointer) as an empty text written at line:col. */
static inline lstr lstr_block_init(void *block, unsigned flags, unsigned line, unsigned col)
{
	char *p = block;
	if (flags & LSTR_MORE)
		p += sizeof(struct lstr_more *);
	struct lstr_pos *pos = (struct lstr_pos *)(void *)p;
	pos->line = line;
	pos->col = col;
	lstr s = {(struct lstr_item *)(void *)(pos + 1), 0, flags};
	return s;
}
static inline const struct lstr_pos *lstr_pos_of(const struct lstr *s)
{
	return (const struct lstr_pos *)(const void *)s->items - 1;
}
/* Where the text was written; 0 for an absent text. */
static inline unsigned lstr_line(const struct lstr *s)
{
	return s->items ? lstr_pos_of(s)->line : 0;
}
static inline unsigned lstr_col(const struct lstr *s)
{
	return s->items ? lstr_pos_of(s)->col : 0;
}
static inline const struct lstr_more *lstr_more_of(const struct lstr *s)
{
	return s->flags & LSTR_MORE
	               ? *((const struct lstr_more *const *)(const void *)lstr_pos_of(s) - 1)
	               : NULL;
}
/* Sets the text's rare parts (its block has LSTR_MORE). */
static inline void lstr_set_more(lstr *s, const struct lstr_more *more)
{
	*((const struct lstr_more **)(void *)((struct lstr_pos *)(void *)s->items - 1) - 1) = more;
}
/* Where item i's source hash goes (the block has LSTR_SRC; i below cap). */
static inline const char **lstr_src_slot(lstr *s, unsigned cap, unsigned i)
{
	return (const char **)(void *)(s->items + cap) + i;
}

/* The hash of the source text item i translates (lang.h: "es@3f9a07c1"),
 * or NULL when it records none. */
static inline const char *lstr_src(const struct lstr *s, unsigned i)
{
	return s->flags & LSTR_SRC ? ((const char *const *)(const void *)(s->items + s->n))[i] : NULL;
}

static inline struct cond *lstr_when(const struct lstr *s)
{
	const struct lstr_more *m = lstr_more_of(s);
	return m ? m->when : NULL;
}
static inline unsigned lstr_nparts(const struct lstr *s)
{
	const struct lstr_more *m = lstr_more_of(s);
	return m ? m->nparts : 0;
}
/* Part i (below lstr_nparts). */
static inline const struct lstr *lstr_part(const struct lstr *s, unsigned i)
{
	return &lstr_more_of(s)->parts[i];
}

enum cond_kind { COND_MATCH, COND_ALL, COND_ANY, COND_NOT };
struct cond {
	enum cond_kind kind;
	unsigned line, col;
	int fact;             /* COND_MATCH: fact index */
	int *values;          /* COND_MATCH: value indices (any of them) */
	unsigned nvalues;
	struct cond **kids;   /* ALL/ANY: nkids; NOT: one */
	unsigned nkids;
};

struct fact_set {
	int fact, value;
};

/* What few choices have: help, a condition, remedies it rules out, a goal,
 * whether it goes alone. Kept apart (NULL in struct choice when none) so a choice costs little:
 * a guide at 100,000 nodes holds a quarter of a million of them. */
struct choice_more {
	lstr help;
	struct cond *when;
	int *rules_out;       /* remedy indices */
	unsigned nrules_out;
	int goal;             /* the goal ticking this choice states; -1 when none */
	bool alone;           /* multi: ticked only on its own ("None of these") */
};

struct choice {
	const char *id;
	lstr label;
	struct fact_set *sets;
	const struct choice_more *more;  /* NULL: no help, condition, rules_out, goal or alone */
	unsigned line, col;
	unsigned nsets;
	int next;             /* node index; -1 when none */
};

static inline const lstr *choice_help(const struct choice *c)
{
	static const lstr none;
	return c->more ? &c->more->help : &none;
}
static inline struct cond *choice_when(const struct choice *c)
{
	return c->more ? c->more->when : NULL;
}
static inline int choice_goal(const struct choice *c)
{
	return c->more ? c->more->goal : -1;
}
/* Whether the choice (of a multi-select) cannot be ticked together with
 * another: "None of these". */
static inline bool choice_alone(const struct choice *c)
{
	return c->more && c->more->alone;
}

/* NODE_DATE asks for a date (a day, a month, a year, or "I don't know")
 * and keeps it in a date fact, which computed deadlines count from. */
enum node_kind { NODE_QUESTION, NODE_MULTI, NODE_INFO, NODE_RESULT, NODE_DATE };

/* Who an information screen is for (its `audience`): everyone, or only the
 * volunteer view, or only the self-help view; the other view passes it by.
 * Only information screens may have one: they set no facts, so both views
 * reach the same results. */
enum node_audience { AUDIENCE_ALL, AUDIENCE_VOLUNTEER, AUDIENCE_SELF_HELP };

/* A node's texts other than its question: information screens and
 * results often have none, so they live apart (NULL in struct node when
 * all three are absent). */
struct node_texts {
	lstr section, help, note;
};

struct node {
	const char *id;
	lstr text;
	const struct node_texts *texts;  /* section, help, note; NULL: none */
	struct cond *when;
	struct choice *choices;
	int *remedies;        /* result: remedy indices */
	unsigned line, col;
	int otherwise;        /* node index when `when` is false; -1 when no condition */
	unsigned nchoices;
	int next;             /* info, date: next; multi: continuation; else -1 */
	int date_fact;        /* date: the fact the answer goes in; else -1 */
	unsigned nremedies;
	/* Small fields last, in bytes, so a node packs into 88 bytes. */
	unsigned char kind;   /* enum node_kind */
	unsigned char audience; /* info: the view it shows in (enum node_audience) */
	bool past;            /* date: a day after today is refused */
};

static inline const lstr *node_texts_pick(const struct node *n, size_t off)
{
	static const lstr none;
	return n->texts ? (const lstr *)(const void *)((const char *)n->texts + off) : &none;
}
/* The node's section title, help and note; an absent text when none. */
static inline const lstr *node_section(const struct node *n)
{
	return node_texts_pick(n, offsetof(struct node_texts, section));
}
static inline const lstr *node_help(const struct node *n)
{
	return node_texts_pick(n, offsetof(struct node_texts, help));
}
static inline const lstr *node_note(const struct node *n)
{
	return node_texts_pick(n, offsetof(struct node_texts, note));
}

struct deadline {
	lstr text;
	int days;             /* -1 when not given */
	int from;             /* the date fact it is counted from, or -1 */
	struct cal_period period;  /* with from: how long */
	lstr opens;           /* with from: set when the clock opens a door (the
	                       * agency's time is up), and says what the person may
	                       * then do; absent when it closes one (a filing limit) */
	struct cond *when;    /* shown only when it holds; NULL: always */
};

struct place {
	lstr name;
	const char *url;      /* NULL when not given */
	struct cond *when;
};

/* How strong a remedy is for whom: the first entry whose condition holds
 * (an entry without one always holds) gives the rank; 1 is the strongest. */
struct rank_rule {
	int rank;
	struct cond *when;
};

/* A situation that makes a remedy urgent: when the condition holds, the
 * remedy comes first, with `why` (neutral words) saying so. */
struct urgency {
	struct cond *when;
	lstr why;
};

/* A goal a person can state (ticked at a choice that names it). */
struct goal {
	const char *id;
	unsigned line, col;
	lstr label;
};

struct remedy {
	const char *id;
	unsigned line, col;
	int path;             /* path index */
	lstr title, summary, who, why_not, note;
	lstr *steps, *need, *limits;
	unsigned nsteps, nneed, nlimits;
	struct deadline *deadlines;
	unsigned ndeadlines;
	int min_days;         /* smallest deadline days, or -1 */
	struct place *where;
	unsigned nwhere;
	int *citations;
	unsigned ncitations;
	struct cond **cite_when;  /* per citation: shown only when it holds; NULL entries (or
	                           * a NULL array) always */
	struct cond *when;
	int *serves;              /* goal indices */
	unsigned nserves;
	struct rank_rule *ranks;
	unsigned nranks;
	struct urgency *urgent;
	unsigned nurgent;
};

struct citation {
	const char *id;
	unsigned line, col;
	const char *cite, *url, *verified, *source;
	lstr title;
};

struct term {
	const char *id;
	unsigned line, col;
	lstr term, definition;
	lstr also;    /* other words for it, comma-separated, per language (search); may be empty */
};

struct path {
	const char *id;
	unsigned line, col;
	lstr title;
};

/* A date question's check against an earlier answer (`agrees` on a date
 * node): while `when` holds, the date should lie at least `at_least` and
 * at most `at_most` before today. A date that cannot mean any day of that
 * window (its every possible day falls outside it) is shown `message`
 * before it is taken (session_date_disagrees). */
struct date_agree {
	int node;             /* the date node */
	struct cond *when;    /* NULL: always */
	struct cal_period at_least, at_most;
	bool has_least, has_most;
	lstr message;
};

struct guide {
	const char *file;     /* name used in messages */
	unsigned long long hash;
	const char *id, *version, *reviewed;
	const char *license; /* SPDX id of the guide's content licence, or NULL */
	lstr title, about;
	const char **languages;
	unsigned nlanguages;
	int start;
	struct node *nodes;
	unsigned nnodes;
	struct remedy *remedies;
	unsigned nremedies;
	struct citation *citations;
	unsigned ncitations;
	struct term *terms;
	unsigned nterms;
	struct path *paths;
	unsigned npaths;
	int urgent_days;              /* a deadline this close makes a remedy urgent */
	struct goal *goals;
	unsigned ngoals;
	const char **facts;           /* fact names */
	unsigned nfacts;
	const char **values;          /* every fact value, interned */
	unsigned nvalues;
	struct date_agree *agrees;    /* every date node's checks, in node order */
	unsigned nagrees;
	void *priv;                   /* loader-owned storage */
};

int guide_node(const struct guide *g, const char *id);      /* -1 when absent */
int guide_remedy(const struct guide *g, const char *id);
int guide_citation(const struct guide *g, const char *id);
int guide_term(const struct guide *g, const char *id);
int guide_goal(const struct guide *g, const char *id);
int guide_choice(const struct node *n, const char *id);
/* When the choices c[0..k) of node n (distinct indices below n->nchoices)
 * put a choice that goes alone (choice_alone) with another, the index of
 * that choice (the first such); -1 when they may go together. */
int guide_alone_clash(const struct node *n, const unsigned *c, size_t k);
int guide_fact(const struct guide *g, const char *name);
int guide_value(const struct guide *g, const char *name);
bool guide_has_language(const struct guide *g, const char *lang);

/* The text of s in `lang`, else in the guide's default language, else any;
 * "" when absent. Borrowed from the guide. */
const char *guide_str(const struct guide *g, const lstr *s, const char *lang);
/* True when s has a text in exactly `lang` (or s is absent). */
bool lstr_has(const struct guide *g, const lstr *s, const char *lang);

/* Guide text ready for display: glossary marks [[id]] and [[id|words]] are
 * replaced by the words, bracketed by TEXT_MARK_ON/OFF. Returns a new string. */
char *guide_render(const struct guide *g, const char *text, const char *lang);

/* How guide_text prepares guide text for output. */
enum guide_text_flags {
	GUIDE_TEXT_PLAIN = 0,        /* glossary marks dropped: reports, plain mode, the map */
	GUIDE_TEXT_MARKS = 1u << 0,  /* marks kept, for the screen to highlight */
	GUIDE_TEXT_ASCII = 1u << 1,  /* non-ASCII as '?', for a terminal without UTF-8 */
};
/* The one pipeline from guide text to output: glossary marks rendered
 * (guide_render), dropped unless GUIDE_TEXT_MARKS, then sanitised
 * (text_sanitize: control and invisible characters replaced; the loader
 * refused them already, this does not rely on it). Returns a new string. */
char *guide_text(const struct guide *g, const char *text, const char *lang, unsigned flags);
/* Calls fn for every glossary id marked in text, in order. */
void guide_each_mark(const char *text, void (*fn)(const char *id, size_t len, void *arg),
                     void *arg);

/* Evaluates a condition against fact values (value index per fact, -1 unset). */
bool cond_eval(const struct cond *c, const int *fact_values);
/* Calls fn for every fact a condition tests. */
void cond_each_fact(const struct cond *c, void (*fn)(int fact, void *arg), void *arg);

const char *node_kind_name(enum node_kind k);

#endif
