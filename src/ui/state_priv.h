/* SPDX-License-Identifier: MIT */
/* The private header of state.c: what the wizard's state machine keeps,
 * and the helpers of state.c that the other files of the state machine
 * (walk_keys.c, desk_wipe.c, dialogs.c, date_field.c) call. Not for use
 * elsewhere. */
#ifndef REMEDIES_UI_STATE_PRIV_H
#define REMEDIES_UI_STATE_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "core/msg.h"
#include "core/search.h"
#include "core/session.h"
#include "core/util.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/view.h"

/* A screen on the stack: the walk itself (welcome, question, results) at
 * the bottom, screens opened over it (detail, glossary...) above. */
struct screen_frame {
	enum view_kind kind;
	int cursor, scroll;
	bool follow;
	int remedy;
	enum view_kind under;
	int under_remedy;
};

enum { MAX_SCREENS = 8 };

struct ui_state {
	struct session *s;
	const struct guide *g;
	const char *lang;
	bool ascii;
	bool started;              /* the welcome screen was left */
	struct screen_frame base;
	struct screen_frame stack[MAX_SCREENS];
	int depth;
	unsigned char *checked;    /* ticks of the current multi-select, per choice */
	int *left_choice;          /* per node: the choice under the cursor when left, or -1 */
	int *left_scroll;          /* per node: the scroll when left, or -1 */
	int welcome_scroll;
	struct buf query;
	/* The search was reopened on its last query: the query is shown
	 * selected, the next character typed replaces it (and Backspace
	 * clears it), an arrow keeps it. */
	bool query_selected;
	/* The search: an index of the guide's folded texts, made when the
	 * search first runs, and the hits for the query as it stands. They are
	 * found again only when the query (or what counts: notes) changes,
	 * never on a repaint. */
	struct search_index *search;
	unsigned long search_key;  /* facts_key() when the index was made */
	struct search_hit *hits;
	size_t nhits;
	bool hits_stale;
	enum panel_kind panel;
	int panel_cursor, panel_scroll, panel_index;
	const char *message;       /* shown until the next action */
	char *message_owned;
	bool changing;             /* an answer is being changed from the review */
	bool replaying;            /* after a change, the replay of the later
	                            * answers stopped at a new screen: it goes on
	                            * once that screen is answered */
	size_t change_at, change_from;
	const struct layout *lay;  /* what is on the screen now (borrowed) */
	int pending;               /* an item chosen by a digit key, or -1 */
	/* The digits typed so far of a choice number that could go on (1 of
	 * 12 may become 10, 11 or 12), or 0: a list of ten or more never takes
	 * a digit that could start a longer number until the number is whole,
	 * so "11" never picks 1 and then answers the next question with 1. */
	int number;
	enum ui_outcome outcome;
	bool bilingual;            /* B: the second language too, where it fits */
	bool notes;                /* t: the guide's trainer notes */
	bool by_path;              /* p: results grouped by path */
	bool framing_folded;       /* f: "what the remedies are based on" folded */
	/* Trainer demo: the scenario while it plays; NULL before (none) and
	 * after the trainer took over. */
	const struct answers *demo;
	bool demo_panel;           /* its panel shows (t hides it) */
	bool demo_touched;         /* the cursor or ticks left the scenario's on this screen */
	int demo_scroll;           /* its panel's scroll; back to the top at each step */
	struct view_demo demo_view;
	/* The save and export dialogs. */
	struct ui_form form;
	struct view_form form_view;
	char *saved_text;          /* the answers file as last saved, or NULL */
	bool wrote;                /* a file was written at the user's request */
	bool quit_after_save;      /* the save dialog was opened from the quit question */
	const char *today;
	struct view_notice notice; /* resumed answers, for PANEL_NOTICE */
	struct buf date;           /* a date question's field, as typed */
	int date_part;             /* the part Up and Down change: 0 year, 1 month, 2 day */
	/* A date that disagreed with an earlier answer and was shown the
	 * check's message (session_date_check): Enter on it again keeps it. */
	struct date_warning warned;
	/* The intake desk. */
	bool desk;
	int idle;                  /* seconds without a key before the countdown */
	bool leave_armed;          /* Ctrl-X was the last key: Ctrl-Q now asks to leave */
	int countdown;             /* PANEL_IDLE: seconds left */
	enum panel_kind idle_under; /* the panel the countdown covers, back when staying */
	const char *first_lang;    /* the language and view the next person starts with */
	bool first_volunteer;
	/* The volunteer view. */
	bool volunteer;
	bool unfolded;             /* m: this screen's folded texts opened */
};

/* Shown on the message row until the next action: one of the program's
 * messages, or a text the state then owns. */
void state_say(struct ui_state *u, enum msg_id id);
void state_set_message(struct ui_state *u, char *text);
/* Opens panel p (index: its term or node, or -1) with its cursor and
 * scroll at the top. */
void state_open_panel(struct ui_state *u, enum panel_kind p, int index);
/* After the session moved: closes what is open and shows where it is. */
void state_moved(struct ui_state *u);
/* Remembers how the walk's current screen looked, for Back. */
void state_leave_base(struct ui_state *u);

/* The item under the cursor: the layout's, unless a digit key just chose
 * another (state.c). */
int state_cursor_item(const struct ui_state *u);
/* The screen on top: an opened one, else the walk's own (state.c). */
struct screen_frame *state_top(struct ui_state *u);
/* Opens a screen of this kind over the others (state.c). */
struct screen_frame *state_push(struct ui_state *u, enum view_kind kind);

#endif
