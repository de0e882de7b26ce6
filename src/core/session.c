/* SPDX-License-Identifier: MIT */
#include "core/session.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* One open multi-select on the branch stack: the branches chosen, the one
 * being walked, and where the walk goes after them. */
struct branch_frame {
	int *branches;   /* first node of each chosen branch, in guide order */
	unsigned n, pos;
	int cont;        /* where to go after the last branch; -1: nowhere */
};

/* One change to the branch stack, kept by the step it happened in so that
 * Back can undo it. A step used to keep a copy of the whole stack as it was
 * before it: with one frame left open by each multi-select on the way (a
 * branch that never comes back), that copy grew with the walk, and a walk of
 * N steps cost N^2 in time and memory (100,000 nodes: 595 s, 5 GB). A log
 * of what changed costs what the step did. */
struct stack_op {
	enum { OP_PUSH, OP_ADVANCE, OP_POP } kind;
	struct branch_frame popped; /* OP_POP: the frame taken off, branches kept */
};

struct fact_change {
	int fact, old_value, old_node, old_choice;
};

/* A step's choices, fact changes and stack changes sit in three arrays of
 * the session, one after the other in step order, each step holding where
 * its own begin (the next step's begin is where they end): three small
 * allocations per step cost more than the step itself (340 bytes a step of
 * a long walk; now about 100). */
struct step {
	int node;
	int date_fact;           /* a date answer: the fact it set, else -1 */
	struct cal_date old_date, new_date;
	bool old_date_set;
	unsigned nchoices;
	size_t choices_at, changes_at, ops_at;
	size_t got_before, excl_before;
};

struct memory {
	unsigned *choices;
	size_t n;
	bool seen;
	struct cal_date date;    /* a date node's last answer */
};

struct session {
	const struct guide *g;
	int node;
	int *fact_val, *fact_node, *fact_choice;
	struct branch_frame *stack;
	size_t nstack, scap;
	struct session_remedy *got;
	size_t ngot, gcap;
	unsigned char *have;
	struct session_exclusion *excl;
	size_t nexcl, ecap;
	unsigned *ruled;       /* per remedy: exclusions in excl made by an answer */
	unsigned *stated;      /* per goal: choices in the history that state it */
	struct step *hist;
	size_t nhist, hcap;
	unsigned *hchoices;           /* the steps' choices, sorted, step by step */
	size_t nhchoices, hchcap;
	struct fact_change *changes;  /* the facts each step set, step by step */
	size_t nchanges, ccap;
	struct stack_op *ops;         /* changes to the branch stack, step by step */
	size_t nops, opcap;
	struct memory *mem;
	unsigned *passed;      /* per node: history entries at it (info screens seen) */
	size_t guard;          /* more moves than any settle can make in a sound guide */
	struct cal_date *dates;  /* per fact: the date given (date facts only) */
	unsigned char *date_set;
	long today;
	enum node_audience audience;
};

static void free_stack(struct branch_frame *st, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(st[i].branches);
	free(st);
}

static void truncate_excl(struct session *s, size_t n);
static void count_goals(struct session *s, const struct step *st, int delta);

static void reset_state(struct session *s)
{
	const struct guide *g = s->g;
	for (unsigned i = 0; i < g->nfacts; i++) {
		s->fact_val[i] = s->fact_node[i] = s->fact_choice[i] = -1;
		s->date_set[i] = 0;
	}
	free_stack(s->stack, s->nstack);
	s->stack = NULL;
	s->nstack = s->scap = 0;
	for (size_t i = 0; i < s->ngot; i++)
		s->have[s->got[i].remedy] = 0;
	s->ngot = 0;
	truncate_excl(s, 0);
}

/* Drops the last step's entries from the session's arrays. */
static void free_step(struct session *s, const struct step *st)
{
	while (s->nops > st->ops_at) {
		struct stack_op *op = &s->ops[--s->nops];
		if (op->kind == OP_POP)
			free(op->popped.branches);
	}
	s->nchanges = st->changes_at;
	s->nhchoices = st->choices_at;
}

/* Records a change to the branch stack in the latest step, for Back. Before
 * the first step there is nothing to go back to: a popped frame is freed. */
static void log_stack_op(struct session *s, int kind, const struct branch_frame *popped)
{
	if (!s->nhist) {
		if (popped)
			free(popped->branches);
		return;
	}
	struct stack_op *op = VEC_PUSH(s->ops, s->nops, s->opcap);
	op->kind = kind;
	op->popped = popped ? *popped : (struct branch_frame){.branches = NULL};
}

static int next_pending(struct session *s)
{
	while (s->nstack) {
		struct branch_frame *f = &s->stack[s->nstack - 1];
		if (f->pos < f->n) {
			log_stack_op(s, OP_ADVANCE, NULL);
			return f->branches[f->pos++];
		}
		int cont = f->cont;
		s->nstack--;
		log_stack_op(s, OP_POP, f);
		if (cont >= 0)
			return cont;
	}
	return -1;
}

/* Undoes a step's changes to the branch stack, latest first. */
static void undo_stack_ops(struct session *s, struct step *st)
{
	for (size_t i = s->nops; i-- > st->ops_at;) {
		struct stack_op *op = &s->ops[i];
		switch (op->kind) {
		case OP_PUSH:
			free(s->stack[--s->nstack].branches);
			break;
		case OP_ADVANCE:
			s->stack[s->nstack - 1].pos--;
			break;
		case OP_POP:
			*VEC_PUSH(s->stack, s->nstack, s->scap) = op->popped;
			op->popped.branches = NULL;
			break;
		}
	}
	s->nops = st->ops_at;
}

/* Drops the exclusions from index n on, keeping the per-remedy count of
 * those made by an answer. */
static void truncate_excl(struct session *s, size_t n)
{
	while (s->nexcl > n) {
		const struct session_exclusion *e = &s->excl[--s->nexcl];
		if (e->choice >= 0)
			s->ruled[e->remedy]--;
	}
}

/* The fact to blame for a condition that does not hold: one in the part
 * that fails (the first false part of an `all`, any part of an `any`, a
 * part of a `not` that holds), preferring a fact some answer has set. -1
 * when none was set. */
static int blame(const struct session *s, const struct cond *c, bool want)
{
	if (!c)
		return -1;
	switch (c->kind) {
	case COND_MATCH:
		return s->fact_node[c->fact] >= 0 ? c->fact : -1;
	case COND_NOT:
		return c->nkids ? blame(s, c->kids[0], !want) : -1;
	case COND_ALL:
	case COND_ANY: {
		/* For `all` to be false (or `any` to be true) one part decides it;
		 * otherwise every part does. */
		bool one_decides = (c->kind == COND_ALL) == want;
		for (unsigned i = 0; i < c->nkids; i++) {
			bool v = cond_eval(c->kids[i], s->fact_val);
			if (one_decides && v != want) {
				int f = blame(s, c->kids[i], want);
				if (f >= 0)
					return f;
			}
		}
		for (unsigned i = 0; i < c->nkids; i++) {
			int f = blame(s, c->kids[i], want);
			if (f >= 0)
				return f;
		}
		return -1;
	}
	}
	return -1;
}

static void exclude(struct session *s, int remedy, int node, int choice, const struct cond *why)
{
	struct session_exclusion *e = VEC_PUSH(s->excl, s->nexcl, s->ecap);
	e->remedy = remedy;
	e->node = node;
	e->choice = choice;
	int f = choice >= 0 ? -1 : blame(s, why, true);
	e->cause_node = choice >= 0 ? node : f >= 0 ? s->fact_node[f] : -1;
	e->cause_choice = choice >= 0 ? choice : f >= 0 ? s->fact_choice[f] : -1;
	if (choice >= 0)
		s->ruled[remedy]++;
}

/* Whether an earlier answer ruled this remedy out (rules_out): then no later
 * result offers it either. */
static bool ruled_out_by_answer(const struct session *s, int remedy)
{
	/* A count per remedy, not a scan of every exclusion so far: that scan
	 * at each result made a long walk quadratic. */
	return s->ruled[remedy] > 0;
}

static void gather(struct session *s, int result)
{
	const struct node *n = &s->g->nodes[result];
	for (unsigned i = 0; i < n->nremedies; i++) {
		int r = n->remedies[i];
		const struct remedy *rem = &s->g->remedies[r];
		if (!cond_eval(rem->when, s->fact_val)) {
			exclude(s, r, result, -1, rem->when);
			continue;
		}
		if (s->have[r] || ruled_out_by_answer(s, r))
			continue;
		s->have[r] = 1;
		struct session_remedy *sr = VEC_PUSH(s->got, s->ngot, s->gcap);
		sr->remedy = r;
		sr->result = result;
	}
}

/* Moves on from s->node until it rests on a node that needs the user. The
 * guard stops a broken (cyclic) guide from hanging the program. */
static void settle(struct session *s)
{
	size_t guard = s->guard;
	while (guard--) {
		if (s->node < 0)
			return;
		const struct node *n = &s->g->nodes[s->node];
		if (n->when && !cond_eval(n->when, s->fact_val)) {
			s->node = n->otherwise;
			continue;
		}
		/* An information screen already read in this walk (two ticked
		 * branches that both lead to it) is not shown again: it says
		 * nothing new, and reads like a step that went wrong. */
		if (n->kind == NODE_INFO && s->passed[s->node]) {
			s->node = n->next;
			continue;
		}
		/* An information screen for the other view: passed by. */
		if (n->kind == NODE_INFO && n->audience != AUDIENCE_ALL && n->audience != s->audience) {
			s->node = n->next;
			continue;
		}
		if (n->kind != NODE_RESULT)
			return;
		gather(s, s->node);
		s->node = next_pending(s);
	}
	s->node = -1;
}

struct session *session_new(const struct guide *g)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->g = g;
	s->fact_val = xcalloc(g->nfacts + 1, sizeof *s->fact_val);
	s->fact_node = xcalloc(g->nfacts + 1, sizeof *s->fact_node);
	s->fact_choice = xcalloc(g->nfacts + 1, sizeof *s->fact_choice);
	s->have = xcalloc(g->nremedies + 1, 1);
	s->ruled = xcalloc(g->nremedies + 1, sizeof *s->ruled);
	s->stated = xcalloc(g->ngoals + 1, sizeof *s->stated);
	s->mem = xcalloc(g->nnodes + 1, sizeof *s->mem);
	s->passed = xcalloc(g->nnodes + 1, sizeof *s->passed);
	/* Every pending branch of a multi-select may pass a node or two (an
	 * information screen seen before, a result) in one settle. */
	s->guard = (size_t)g->nnodes * 2 + 2;
	for (unsigned i = 0; i < g->nnodes; i++)
		s->guard += (size_t)g->nodes[i].nchoices * 2;
	s->dates = xcalloc(g->nfacts + 1, sizeof *s->dates);
	s->date_set = xcalloc(g->nfacts + 1, 1);
	cal_today(&s->today);
	s->audience = AUDIENCE_SELF_HELP;
	reset_state(s);
	s->node = g->start;
	settle(s);
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	while (s->nhist)
		free_step(s, &s->hist[--s->nhist]);
	free(s->hist);
	free(s->hchoices);
	free(s->changes);
	free(s->ops);
	for (unsigned i = 0; i < s->g->nnodes; i++)
		free(s->mem[i].choices);
	free(s->mem);
	free(s->passed);
	free_stack(s->stack, s->nstack);
	free(s->fact_val);
	free(s->fact_node);
	free(s->fact_choice);
	free(s->got);
	free(s->have);
	free(s->ruled);
	free(s->stated);
	free(s->excl);
	free(s->dates);
	free(s->date_set);
	free(s);
}

const struct guide *session_guide(const struct session *s) { return s->g; }
int session_node_index(const struct session *s) { return s->node; }
bool session_finished(const struct session *s) { return s->node < 0; }
size_t session_depth(const struct session *s) { return s->nhist; }

const struct node *session_node(const struct session *s)
{
	return s->node < 0 ? NULL : &s->g->nodes[s->node];
}

bool session_choice_visible(const struct session *s, unsigned i)
{
	const struct node *n = session_node(s);
	return n && i < n->nchoices && cond_eval(choice_when(&n->choices[i]), s->fact_val);
}

static struct step *begin_step(struct session *s)
{
	struct step *st = VEC_PUSH(s->hist, s->nhist, s->hcap);
	memset(st, 0, sizeof *st);
	st->node = s->node;
	s->passed[s->node]++;
	st->date_fact = -1;
	st->got_before = s->ngot;
	st->excl_before = s->nexcl;
	st->choices_at = s->nhchoices;
	st->changes_at = s->nchanges;
	st->ops_at = s->nops;
	return st;
}

static void set_facts(struct session *s, int node, unsigned ci)
{
	const struct choice *c = &s->g->nodes[node].choices[ci];
	for (unsigned k = 0; k < c->nsets; k++) {
		int f = c->sets[k].fact;
		struct fact_change *ch = VEC_PUSH(s->changes, s->nchanges, s->ccap);
		ch->fact = f;
		ch->old_value = s->fact_val[f];
		ch->old_node = s->fact_node[f];
		ch->old_choice = s->fact_choice[f];
		s->fact_val[f] = c->sets[k].value;
		s->fact_node[f] = node;
		s->fact_choice[f] = (int)ci;
	}
	for (unsigned k = 0; c->more && k < c->more->nrules_out; k++)
		exclude(s, c->more->rules_out[k], node, (int)ci, NULL);
}

static void remember(struct session *s, int node, const unsigned *choices, size_t n)
{
	struct memory *m = &s->mem[node];
	free(m->choices);
	m->choices = n ? xmalloc(n * sizeof *choices) : NULL;
	if (n)
		memcpy(m->choices, choices, n * sizeof *choices);
	m->n = n;
	m->seen = true;
}

static int cmp_unsigned(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return x < y ? -1 : x > y;
}

enum session_status session_answer(struct session *s, const unsigned *choices, size_t n)
{
	const struct node *nd = session_node(s);
	if (!nd || (nd->kind != NODE_QUESTION && nd->kind != NODE_MULTI))
		return SESSION_NOT_QUESTION;
	if (n == 0 || (nd->kind == NODE_QUESTION && n != 1))
		return SESSION_BAD_COUNT;
	unsigned *sorted = xmalloc(n * sizeof *sorted);
	memcpy(sorted, choices, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_unsigned);
	for (size_t i = 0; i < n; i++)
		if (!session_choice_visible(s, sorted[i]) || (i && sorted[i] == sorted[i - 1])) {
			free(sorted);
			return SESSION_BAD_CHOICE;
		}
	/* Whatever the front end: "None of these" with a hearing would be
	 * stored, shown and reported as both. */
	if (guide_alone_clash(nd, sorted, n) >= 0) {
		free(sorted);
		return SESSION_ALONE;
	}
	int here = s->node;
	struct step *st = begin_step(s);
	grow_array(&s->hchoices, &s->hchcap, s->nhchoices + n, sizeof *s->hchoices);
	memcpy(s->hchoices + s->nhchoices, sorted, n * sizeof *sorted);
	s->nhchoices += n;
	st->nchoices = (unsigned)n;
	count_goals(s, st, 1);
	remember(s, here, sorted, n);
	for (size_t i = 0; i < n; i++)
		set_facts(s, here, sorted[i]);
	if (nd->kind == NODE_QUESTION) {
		s->node = nd->choices[sorted[0]].next;
	} else {
		struct branch_frame *f = VEC_PUSH(s->stack, s->nstack, s->scap);
		f->branches = xmalloc(n * sizeof *f->branches);
		for (size_t i = 0; i < n; i++)
			f->branches[i] = nd->choices[sorted[i]].next;
		f->n = (unsigned)n;
		f->pos = 0;
		f->cont = nd->next;
		log_stack_op(s, OP_PUSH, NULL);
		s->node = next_pending(s);
	}
	free(sorted);
	settle(s);
	return SESSION_OK;
}

enum session_status session_continue(struct session *s)
{
	const struct node *nd = session_node(s);
	if (!nd || nd->kind != NODE_INFO)
		return SESSION_NOT_INFO;
	remember(s, s->node, NULL, 0);
	begin_step(s);
	s->node = nd->next;
	settle(s);
	return SESSION_OK;
}

const lstr *session_date_disagrees(const struct session *s, const struct cal_date *d)
{
	long first, last;
	if (!cal_earliest(d, &first) || !cal_latest(d, &last))
		return NULL;
	const struct guide *g = s->g;
	for (unsigned i = 0; i < g->nagrees; i++) {
		const struct date_agree *a = &g->agrees[i];
		if (a->node != s->node || !cond_eval(a->when, s->fact_val))
			continue;
		/* Only a date none of whose days can be in the window: even its
		 * last day is more than at_most before today, or even its first
		 * day less than at_least before today. A boundary day agrees; a
		 * month-end clamp is taken on the side that agrees. */
		if ((a->has_most && cal_add(last, a->at_most, true) < s->today) ||
		    (a->has_least && cal_add(first, a->at_least, false) > s->today))
			return &a->message;
	}
	return NULL;
}

const lstr *session_date_check(const struct session *s, const struct cal_date *d,
                               struct date_warning *w)
{
	const lstr *why = session_date_disagrees(s, d);
	char iso[CAL_DATE_MAX] = "";
	if (why)
		cal_format(d, iso);
	if (why && !(why == w->why && w->node == s->node && strcmp(iso, w->date) == 0)) {
		w->why = why;
		w->node = s->node;
		memcpy(w->date, iso, sizeof iso);
		return why;
	}
	session_date_warning_forget(w);
	return NULL;
}

void session_date_warning_forget(struct date_warning *w)
{
	mem_wipe(w, sizeof *w);
	w->why = NULL;
}

enum session_status session_answer_date(struct session *s, const struct cal_date *d)
{
	const struct node *nd = session_node(s);
	if (!nd || nd->kind != NODE_DATE || nd->date_fact < 0)
		return SESSION_NOT_DATE;
	int f = nd->date_fact;
	struct step *st = begin_step(s);
	st->date_fact = f;
	st->old_date = s->dates[f];
	st->old_date_set = s->date_set[f];
	st->new_date = *d;
	s->dates[f] = *d;
	s->date_set[f] = 1;
	remember(s, s->node, NULL, 0);
	s->mem[s->node].date = *d;
	s->node = nd->next;
	settle(s);
	return SESSION_OK;
}

const struct cal_date *session_date(const struct session *s, int fact)
{
	return fact >= 0 && (unsigned)fact < s->g->nfacts && s->date_set[fact] ? &s->dates[fact]
	                                                                       : NULL;
}

const struct cal_date *session_history_date(const struct session *s, size_t i)
{
	const struct step *st = &s->hist[i];
	return st->date_fact >= 0 ? &st->new_date : NULL;
}

const struct cal_date *session_remembered_date(const struct session *s, int node)
{
	if (node < 0 || !s->mem[node].seen || s->g->nodes[node].kind != NODE_DATE)
		return NULL;
	return &s->mem[node].date;
}

long session_today(const struct session *s) { return s->today; }

void session_set_audience(struct session *s, enum node_audience a)
{
	s->audience = a == AUDIENCE_VOLUNTEER ? AUDIENCE_VOLUNTEER : AUDIENCE_SELF_HELP;
	settle(s);
}
void session_set_today(struct session *s, long day) { s->today = day; }

bool session_back(struct session *s)
{
	if (!s->nhist)
		return false;
	struct step *st = &s->hist[--s->nhist];
	s->passed[st->node]--;
	count_goals(s, st, -1);
	if (st->date_fact >= 0) {
		s->dates[st->date_fact] = st->old_date;
		s->date_set[st->date_fact] = st->old_date_set;
	}
	for (size_t i = s->nchanges; i-- > st->changes_at;) {
		const struct fact_change *ch = &s->changes[i];
		s->fact_val[ch->fact] = ch->old_value;
		s->fact_node[ch->fact] = ch->old_node;
		s->fact_choice[ch->fact] = ch->old_choice;
	}
	while (s->ngot > st->got_before)
		s->have[s->got[--s->ngot].remedy] = 0;
	truncate_excl(s, st->excl_before);
	undo_stack_ops(s, st);
	s->node = st->node;
	free_step(s, st);
	return true;
}

void session_rewind(struct session *s, size_t i)
{
	while (s->nhist > i)
		session_back(s);
}

void session_restart(struct session *s)
{
	session_rewind(s, 0);
	for (unsigned i = 0; i < s->g->nnodes; i++) {
		free(s->mem[i].choices);
		memset(&s->mem[i], 0, sizeof s->mem[i]);
	}
	reset_state(s);
	s->node = s->g->start;
	settle(s);
}

void session_wipe(struct session *s)
{
	for (size_t i = 0; i < s->nhist; i++) {
		struct step *st = &s->hist[i];
		mem_wipe(&st->old_date, sizeof st->old_date);
		mem_wipe(&st->new_date, sizeof st->new_date);
	}
	session_rewind(s, 0);
	/* The answers given, and the facts they set (old values included). */
	if (s->hchoices)
		mem_wipe(s->hchoices, s->hchcap * sizeof *s->hchoices);
	if (s->changes)
		mem_wipe(s->changes, s->ccap * sizeof *s->changes);
	/* The steps are freed; their slots still hold node numbers. */
	mem_wipe(s->hist, s->hcap * sizeof *s->hist);
	for (unsigned i = 0; i < s->g->nnodes; i++) {
		if (s->mem[i].choices)
			mem_wipe(s->mem[i].choices, s->mem[i].n * sizeof *s->mem[i].choices);
		mem_wipe(&s->mem[i].date, sizeof s->mem[i].date);
	}
	mem_wipe(s->dates, s->g->nfacts * sizeof *s->dates);
	session_restart(s);
}

size_t session_history_len(const struct session *s) { return s->nhist; }
int session_history_node(const struct session *s, size_t i) { return s->hist[i].node; }

const unsigned *session_history_choices(const struct session *s, size_t i, size_t *n)
{
	*n = s->hist[i].nchoices;
	return *n ? s->hchoices + s->hist[i].choices_at : NULL;
}

const unsigned *session_remembered(const struct session *s, int node, size_t *n)
{
	*n = 0;
	if (node < 0 || !s->mem[node].seen)
		return NULL;
	*n = s->mem[node].n;
	return s->mem[node].choices;
}

size_t session_replay_remembered(struct session *s)
{
	size_t steps = 0;
	const struct node *n;
	while ((n = session_node(s)) != NULL) {
		const struct memory *m = &s->mem[s->node];
		if (!m->seen)
			break;
		enum session_status st;
		if (n->kind == NODE_INFO) {
			st = session_continue(s);
		} else if (n->kind == NODE_DATE) {
			st = session_answer_date(s, &m->date);
		} else {
			/* Of a multi-select's ticks, those still offered are kept; a
			 * question whose answer is no longer offered stops the replay. */
			unsigned *keep = xmalloc((m->n ? m->n : 1) * sizeof *keep);
			size_t k = 0;
			for (size_t i = 0; i < m->n; i++)
				if (session_choice_visible(s, m->choices[i]))
					keep[k++] = m->choices[i];
			st = k && (k == m->n || n->kind == NODE_MULTI) ? session_answer(s, keep, k)
			                                               : SESSION_BAD_CHOICE;
			free(keep);
		}
		if (st != SESSION_OK)
			break;
		steps++;
	}
	return steps;
}

const int *session_facts(const struct session *s) { return s->fact_val; }

bool session_gathered(const struct session *s, int r)
{
	return r >= 0 && (unsigned)r < s->g->nremedies && s->have[r];
}

/* A count per goal of the choices in the history that state it, kept by
 * session_answer and Back (review-and-change goes through Back): reading it
 * off the history cost a scan of every step for each goal, each time the
 * results were ranked. */
bool session_goal_stated(const struct session *s, int goal)
{
	return goal >= 0 && (unsigned)goal < s->g->ngoals && s->stated[goal] > 0;
}

static void count_goals(struct session *s, const struct step *st, int delta)
{
	const struct node *n = &s->g->nodes[st->node];
	for (size_t k = 0; k < st->nchoices; k++) {
		int goal = choice_goal(&n->choices[s->hchoices[st->choices_at + k]]);
		if (goal >= 0)
			s->stated[goal] += (unsigned)delta;
	}
}

const char *session_fact(const struct session *s, const char *name)
{
	int f = guide_fact(s->g, name);
	if (f < 0 || s->fact_val[f] < 0)
		return NULL;
	return s->g->values[s->fact_val[f]];
}

size_t session_gathered_list(const struct session *s, struct session_remedy **out)
{
	struct session_remedy *v = xmalloc((s->ngot ? s->ngot : 1) * sizeof *v);
	if (s->ngot)
		memcpy(v, s->got, s->ngot * sizeof *v);
	*out = v;
	return s->ngot;
}

size_t session_exclusions(const struct session *s, struct session_exclusion **out)
{
	struct session_exclusion *v = xmalloc((s->nexcl ? s->nexcl : 1) * sizeof *v);
	unsigned char *listed = xcalloc(s->g->nremedies + 1, 1);
	size_t n = 0;
	for (size_t i = 0; i < s->nexcl; i++) {
		int r = s->excl[i].remedy;
		if (s->have[r] || listed[r])
			continue;
		listed[r] = 1;
		v[n++] = s->excl[i];
	}
	free(listed);
	*out = v;
	return n;
}
