/* SPDX-License-Identifier: MIT */
/* The contract between the wizard's model and its layout: what a screen
 * depends on (struct view, made by state.c) and what it becomes (struct
 * layout, made by layout.c, painted by term.c). Types only: no module
 * defines anything declared here. */
#ifndef REMEDIES_UI_VIEW_H
#define REMEDIES_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "core/search.h"
#include "core/session.h"

/* The bilingual view: two columns side by side from this body width, one
 * language under the other from the second; narrower, only one. (Here, not
 * in layout.h: the state tells the user when the window is too narrow.) */
#define LAYOUT_BI_SIDE 100
#define LAYOUT_BI_STACK 60

enum view_kind {
	VIEW_WELCOME,
	VIEW_NODE,      /* the session's current question, multi-select or info */
	VIEW_RESULTS,   /* the walk is finished */
	VIEW_DETAIL,    /* one remedy in full */
	VIEW_WHY_NOT,   /* remedies ruled out, and by which answer */
	VIEW_REVIEW,    /* the answers given so far */
	VIEW_GLOSSARY,
	VIEW_SEARCH,
};

enum panel_kind {
	PANEL_NONE,
	PANEL_HELP,     /* help for the screen under it, and the keys */
	PANEL_QUIT,     /* yes/no */
	PANEL_RESTART,  /* yes/no */
	PANEL_TERM,     /* one glossary term (from search) */
	PANEL_QUESTION, /* one question's text and help (from search) */
	PANEL_SAVE,     /* the file name to save the answers in */
	PANEL_EXPORT,   /* format, personal answers or not, file name */
	PANEL_OVERWRITE,/* yes/no: replace a file that exists */
	PANEL_NOTICE,   /* resumed answers that no longer all fit the guide */
	PANEL_IDLE,     /* desk mode: no key for a while, the countdown to the wipe */
	PANEL_NEW_CLIENT, /* yes/no: erase everything for the next person */
};

/* The fields of the export dialog, top to bottom (save has only the name). */
/* The case or intake number (export only) is typed like the folder and the
 * name: every field from FORM_CASE on is a text field. */
enum form_field { FORM_FORMAT, FORM_ANSWERS, FORM_CASE, FORM_FOLDER, FORM_NAME };

/* A save or export dialog as it stands. */
struct view_form {
	int focus;                 /* enum form_field */
	int format;                /* enum report_format */
	bool include_answers;
	const char *name;          /* the file name typed so far */
	const char *folder;        /* where a relative name goes, or NULL */
	int error;                 /* msg id of why the last try failed, or -1 */
	const char *detail;        /* the system's words for an unusual failure, or NULL */
	const char *target;        /* the whole path the file goes to, as things stand, or NULL */
	const char *matches;       /* what Tab found when it could not complete alone, or NULL */
	const char *case_ref;      /* export: the case or intake number typed so far */
};

/* Answers resumed from a file made with another version of the guide. */
struct view_notice {
	const char *file;
	size_t used, total;        /* answers that still fit, answers in the file */
};

/* The trainer demo: a scenario (an answers file with notes) played step by
 * step. The panel shows it against where the session is now. */
struct view_demo {
	const struct answers *a;
	int entry;                 /* the scenario's answer for the current node, or -1 */
	size_t step;               /* answers taken so far */
	int scroll;                /* the panel's first row shown; clamped by layout */
};

/* Everything a screen depends on. Strings and arrays are borrowed. */
struct view {
	enum view_kind kind;
	const struct session *s;
	const char *lang;
	bool ascii;                    /* the terminal cannot show UTF-8 */
	int cursor;                    /* the selected item, in list screens */
	int scroll;                    /* first body row shown; clamped by layout */
	bool follow;                   /* scroll so that the cursor item shows */
	const unsigned char *checked;  /* VIEW_NODE multi: one flag per choice */
	int remedy;                    /* VIEW_DETAIL */
	const char *query;             /* VIEW_SEARCH: the text typed */
	bool query_selected;           /*   the last search, reopened: typing replaces it */
	const struct search_hit *hits; /*   and what it finds (the state searches */
	size_t nhits;                  /*   when the query changes, never layout) */
	enum view_kind under;          /* VIEW_GLOSSARY: the screen it was opened on */
	int under_remedy;              /*   and its remedy when that is VIEW_DETAIL */
	bool changing;                 /* VIEW_NODE: reached from "review answers" */
	const char *message;           /* a notice for the message row, or NULL */
	enum panel_kind panel;
	int panel_cursor;              /* dialog: the button under the cursor */
	int panel_scroll;
	int panel_index;               /* PANEL_TERM: term; PANEL_QUESTION: node */
	const char *lang2;             /* the bilingual view's second language, or NULL */
	bool notes;                    /* show the guide's trainer notes in the body */
	bool by_path;                  /* VIEW_RESULTS: grouped by path, not best fit first */
	bool framing_folded;           /* VIEW_RESULTS: "what they are based on" folded */
	const struct view_demo *demo;  /* the trainer demo's panel, or NULL */
	const struct view_form *form;  /* PANEL_SAVE, PANEL_EXPORT, PANEL_OVERWRITE */
	const struct view_notice *notice; /* PANEL_NOTICE */
	const char *date;              /* VIEW_NODE date question: the field as typed */
	int date_part;                 /*   the part Up and Down change: 0 year, 1 month, 2 day */
	int saved;                     /* PANEL_QUIT: 0 nothing saved, 1 the answers
	                                  are saved as they are, 2 changed since */
	bool desk;                     /* intake desk mode (the footer's keys) */
	bool volunteer;                /* the volunteer view: help and introductions
	                                  folded to a line, compact results */
	bool unfolded;                 /*   and the folded texts of this screen opened */
	int countdown;                 /* PANEL_IDLE: seconds left before the wipe */
	bool unsaved;                  /* PANEL_QUIT: quitting would lose answers */
};

enum lay_style {
	LS_NORMAL,
	LS_BAR,        /* the title bar */
	LS_PIN,        /* the fixed disclaimer row */
	LS_TITLE,      /* a title in the body */
	LS_HEADING,
	LS_DIM,        /* hints, tags */
	LS_SELECTED,   /* the item under the cursor */
	LS_URL,
	LS_FOOT,       /* footer text */
	LS_FOOT_KEY,   /* a key name in the footer */
	LS_MESSAGE,
	LS_PANEL,      /* text inside a panel */
	LS_BORDER,
	LS_INPUT,      /* the search field, a file name field */
	LS_ALT,        /* the second language of the bilingual view */
};

enum lay_kind {
	LK_TEXT,       /* s[0..len) at (y, x) */
	LK_FILL,       /* w blanks at (y, x) in the style's background */
	LK_BOX,        /* a frame of h rows and w columns at (y, x), blank inside */
};

struct lay_line {
	enum lay_kind kind;
	enum lay_style style;
	int y, x, w, h;
	const char *s;     /* LK_TEXT: sanitised UTF-8, may hold glossary marks */
	size_t len;
	bool mark;         /* a glossary term is open at the start of s */
	bool selected;     /* part of the item (or button) under the cursor */
	int item;          /* the list item it belongs to, or -1 */
};

enum lay_item_kind {
	LI_BUTTON,     /* Start, Continue, a dialog button: index is its number */
	LI_CHOICE,     /* index: choice of the current node */
	LI_REMEDY,     /* index: remedy */
	LI_WHY_NOT,    /* the "why not other remedies?" entry of the results */
	LI_ANSWER,     /* index: history entry */
	LI_NODE,       /* index: node (search) */
	LI_TERM,       /* index: glossary term (search) */
};

struct lay_item {
	enum lay_item_kind kind;
	int index;
	int first, last;   /* body rows (before scrolling) it covers */
	int number;        /* the number that opens it (shown); 0: its place, index in
	                    * items + 1 (layout_item_numbered) */
};

struct layout {
	int width, height;
	bool too_small;
	unsigned ctx;             /* the key context (enum key_ctx) of what shows */
	struct lay_line *v;       /* in painting order */
	size_t n, cap;
	int body_top, body_rows;  /* where the body is on the screen */
	int content_rows;         /* how many rows the body has in all */
	int scroll;               /* the view's scroll, clamped */
	struct lay_item *items;   /* the body's selectable items, in order */
	int nitems;
	int cursor;               /* the view's cursor, clamped (-1: no items) */
	bool cursor_shown;        /* the cursor item is wholly in view */
	int panel_rows, panel_content, panel_scroll; /* the panel's body */
	int demo_scroll;          /* the trainer demo's panel: its scroll, clamped */
	int cur_y, cur_x;         /* where the terminal cursor goes, or -1 */
	char **owned;             /* strings the lines point into */
	size_t nowned, owned_cap;
};

#endif
