/* SPDX-License-Identifier: MIT */
/* A walk through a guide: the current node, the answers and facts so far, the
 * branches a multi-select question still has to visit, and an undo history
 * that makes Back exact. No I/O: front ends ask it what to show and tell it
 * what the user chose.
 *
 * After every move the session settles: it skips nodes whose condition is
 * false, gathers the remedies of each result it passes and moves on to the
 * next pending branch, so the current node is always a question, a
 * multi-select or an info screen, or there is none (finished). */
#ifndef REMEDIES_SESSION_H
#define REMEDIES_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/guide.h"

struct session;

/* The guide must outlive the session. */
struct session *session_new(const struct guide *g);
void session_free(struct session *s);
const struct guide *session_guide(const struct session *s);

/* The node to show, or NULL when the walk is finished. */
const struct node *session_node(const struct session *s);
int session_node_index(const struct session *s);
bool session_finished(const struct session *s);
/* How many answers (and info screens passed) lead here: "step N" is this + 1. */
size_t session_depth(const struct session *s);

/* Whether choice i of the current node is offered (its condition holds). */
bool session_choice_visible(const struct session *s, unsigned i);

enum session_status {
	SESSION_OK = 0,
	SESSION_BAD_CHOICE,     /* index out of range, or a hidden choice */
	SESSION_BAD_COUNT,      /* a question takes exactly one; a multi at least one */
	SESSION_NOT_QUESTION,   /* the current node takes no answer (info) or none is left */
	SESSION_NOT_INFO,
	SESSION_NOT_DATE,       /* the current node is not a date question */
	SESSION_ALONE,          /* a choice that goes alone (choice_alone) with another */
};

/* Answers the current question (one index) or multi-select (one or more,
 * distinct, in any order; branches are visited in the guide's order; a
 * choice marked alone, "None of these", only on its own: SESSION_ALONE
 * otherwise, and nothing is changed). */
enum session_status session_answer(struct session *s, const unsigned *choices, size_t n);
/* Answers the current date question: the date goes in its date fact. The
 * caller has checked it (deadline_check_date: a real day, not in the future
 * where the question asks about the past). */
enum session_status session_answer_date(struct session *s, const struct cal_date *d);
/* When date d, given at the current date question, disagrees with an
 * earlier answer (a check of the node's `agrees` whose condition holds and
 * whose window d cannot fall in, counted back from the session's today),
 * the check's message; else NULL (always for "I do not know"). The front
 * ends show it and take the date only when it is given again. */
const lstr *session_date_disagrees(const struct session *s, const struct cal_date *d);

/* What a front end keeps between two tries of a date question: the date
 * last shown a check's message. Start it zeroed. It holds a date the person
 * typed: session_date_warning_forget wipes it. */
struct date_warning {
	const lstr *why;          /* NULL: nothing warned about */
	int node;
	char date[CAL_DATE_MAX];
};
/* Whether date d may be taken at the current date question: NULL when it
 * agrees (session_date_disagrees), or when it is the date *w last warned
 * about, at this node, for the same message (given again: kept, and *w
 * forgotten); else the check's message, remembered in *w, for the front end
 * to show before asking again. */
const lstr *session_date_check(const struct session *s, const struct cal_date *d,
                               struct date_warning *w);
void session_date_warning_forget(struct date_warning *w);
/* The date given for date fact `fact`, or NULL when none (yet). Borrowed
 * until the next move. */
const struct cal_date *session_date(const struct session *s, int fact);
/* The date answered at history entry i, or NULL when that step was not a
 * date question. Borrowed until the next move. */
const struct cal_date *session_history_date(const struct session *s, size_t i);
/* The date last given at date node `node` (kept when going back), or NULL. */
const struct cal_date *session_remembered_date(const struct session *s, int node);
/* Today, as the session counts deadlines: cal_today() when it was made,
 * until session_set_today. */
long session_today(const struct session *s);
void session_set_today(struct session *s, long day);

/* The view the walk is shown in (AUDIENCE_SELF_HELP, the default, or
 * AUDIENCE_VOLUNTEER): information screens meant only for the other view
 * are passed by, the current one too. The answers and results stay. */
void session_set_audience(struct session *s, enum node_audience a);

/* Leaves the current info screen. */
enum session_status session_continue(struct session *s);
/* Undoes the last answer or info screen; false when at the start. Facts,
 * branches, gathered remedies and ruled-out records are restored exactly. */
bool session_back(struct session *s);
/* Undoes back to just before history entry i (0 = the very start). */
void session_rewind(struct session *s, size_t i);
/* Back to the start; remembered answers are forgotten too. */
void session_restart(struct session *s);

/* Back to the start like session_restart, and every answer, date and
 * remembered choice is zeroed before its memory is freed (the intake
 * desk's wipe between clients). */
void session_wipe(struct session *s);

/* History entries, oldest first: the node and the choices taken there (no
 * choices for an info screen). */
size_t session_history_len(const struct session *s);
int session_history_node(const struct session *s, size_t i);
const unsigned *session_history_choices(const struct session *s, size_t i, size_t *n);

/* The answer last given at node `node` (kept when going back), so a front end
 * can preselect it; NULL and *n = 0 when none. */
const unsigned *session_remembered(const struct session *s, int node, size_t *n);
/* Re-applies remembered answers from the current node on, while each still
 * fits: a question's answer must still be offered; of a multi-select's ticks
 * those still offered are kept (at least one). Stops at the first node
 * without a remembered answer. Returns how many steps it took. Used after an
 * answer is changed in review. */
size_t session_replay_remembered(struct session *s);

/* Every fact's value (an index into the guide's values, -1 when not set),
 * indexed by fact; valid until the next move. */
const int *session_facts(const struct session *s);
/* Whether remedy r is among the remedies gathered (shown in the results). */
bool session_gathered(const struct session *s, int r);
/* Whether the person stated goal `goal` (ticked a choice naming it). */
bool session_goal_stated(const struct session *s, int goal);

/* The value of a fact, or NULL when not set. */
const char *session_fact(const struct session *s, const char *name);

/* The remedies gathered so far. */
struct session_remedy {
	int remedy;
	int result;             /* the result node it came from (first one) */
};
struct session_exclusion {
	int remedy;
	int node;               /* the question whose answer ruled it out, or the result */
	int choice;             /* the choice that ruled it out, or -1 for a condition */
	int cause_node;         /* for a condition: an answer that set a fact it tests */
	int cause_choice;       /*   (-1 when no answer set one) */
};

/* Gathered remedies, de-duplicated, in the order they were gathered (the
 * order of the walk); rank_grouped (core/rank.h) orders them for showing.
 * Returns a new array (caller frees). */
size_t session_gathered_list(const struct session *s, struct session_remedy **out);
/* Remedies ruled out along the way and not gathered anyway. New array. */
size_t session_exclusions(const struct session *s, struct session_exclusion **out);

#endif
