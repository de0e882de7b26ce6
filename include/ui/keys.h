/* SPDX-License-Identifier: MIT */
/* The one key table of the full-screen front end: which key does what on
 * which screen, and the key hints the footer and the help panel show. No
 * curses here: ui.c turns what the terminal sends into the `enum key` values
 * below (a Unicode code point for an ordinary character), so the table can be
 * unit-tested without a terminal. */
#ifndef REMEDIES_KEYS_H
#define REMEDIES_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/msg.h"

/* Keys that are not characters sit above the Unicode range. */
enum key {
	K_NONE = -1,
	K_BASE = 0x110000,
	K_UP,
	K_DOWN,
	K_LEFT,
	K_RIGHT,
	K_PGUP,
	K_PGDN,
	K_HOME,
	K_END,
	K_ENTER,
	K_BACKSPACE,
	K_DELETE,
	K_ESC,
	K_TAB,
	K_BTAB,
	K_F1,
	K_F12,
	K_REDRAW,   /* Ctrl-L */
	K_KILL,     /* Ctrl-U: clear the search field */
	K_CTRL_X,   /* desk mode: the first key of the way out */
	K_CTRL_Q,   /*   and the second */
};

/* Where the user is; one bit each so a table row can cover several. */
enum key_ctx {
	CTX_WELCOME = 1u << 0,
	CTX_QUESTION = 1u << 1, /* one answer */
	CTX_MULTI = 1u << 2,    /* check boxes */
	CTX_INFO = 1u << 3,
	CTX_RESULTS = 1u << 4,
	CTX_LIST = 1u << 5,     /* review answers */
	CTX_DOC = 1u << 6,      /* a page that only scrolls: detail, why not, glossary */
	CTX_SEARCH = 1u << 7,   /* typing goes into the search field */
	CTX_PANEL = 1u << 8,    /* the help panel over a screen */
	CTX_DIALOG = 1u << 9,   /* a yes/no question */
	CTX_SMALL = 1u << 10,   /* the window is too small to draw */
	CTX_PROMPT = 1u << 11,  /* typing goes into a file name field */
	CTX_FORM = 1u << 12,    /* a dialog's field that is not typed into (format, tick box) */
	CTX_DATE = 1u << 13,    /* a date question: digits go into the date field */
};
#define CTX_WALK (CTX_WELCOME | CTX_QUESTION | CTX_MULTI | CTX_INFO | CTX_RESULTS | CTX_DATE)
#define CTX_SCREENS (CTX_WALK | CTX_LIST | CTX_DOC)
#define CTX_ALL 0x3FFFu

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HOME,
	ACT_END,
	ACT_CONFIRM,     /* Enter: choose, open, continue, press the button */
	ACT_TOGGLE,      /* Space */
	ACT_BACK,        /* previous screen, or close what is open */
	ACT_DIGIT,       /* 1-9: choose that one directly */
	ACT_HELP,
	ACT_GLOSSARY,
	ACT_SEARCH,
	ACT_REVIEW,
	ACT_RESTART,
	ACT_QUIT,
	ACT_QUICK_EXIT,
	ACT_WHY_NOT,
	ACT_YES,
	ACT_NO,
	ACT_PREV_BUTTON,
	ACT_NEXT_BUTTON,
	ACT_INSERT,      /* a character typed into the search field */
	ACT_DELETE_CHAR,
	ACT_CLEAR,
	ACT_REDRAW,
	ACT_LANG,        /* L: the next language */
	ACT_BILINGUAL,   /* B: two languages at once, or one again */
	ACT_NOTES,       /* t: trainer notes (the demo's panel, in demo mode) */
	ACT_SAVE,        /* s: save the answers so far */
	ACT_EXPORT,      /* e: export a report of the results */
	ACT_LINKS,       /* o: a remedy's web addresses, whole */
	ACT_COMPLETE,    /* Tab in a folder or file name field: complete the path */
	ACT_DEMO_UP,     /* [: scroll the trainer demo's panel up */
	ACT_DEMO_DOWN,   /* ]: and down */
	ACT_GROUP,       /* p: results best fit first, or grouped by path */
	ACT_FRAMING,     /* f: fold or show what the results are based on */
	ACT_NEW_CLIENT,  /* n: erase everything for the next person (asks first) */
	ACT_VIEW,        /* v: the volunteer view, or the self-help view again */
	ACT_UNFOLD,      /* m: open (or fold again) the texts the volunteer view folds */
	ACT_LEAVE_ARM,   /* Ctrl-X: desk mode's way out, first key */
	ACT_LEAVE,       /* Ctrl-Q right after Ctrl-X: the quit question */
};

/* What the wizard says after an action: go on, or end. */
enum ui_outcome {
	UI_GO_ON,
	UI_QUIT,        /* the user confirmed quitting */
	UI_QUICK_EXIT,  /* F12: the answers are already forgotten; wipe the screen */
	UI_LINKS,       /* show the web addresses of the remedy on screen (ui/links.h) whole */
	UI_WIPED,       /* desk mode: the answers are erased; erase the terminal's too */
};

/* What `key` does in context `ctx` (one CTX_ bit); ACT_NONE when nothing. */
enum action keys_action(unsigned ctx, int key);
/* The same, with the yes and no keys of language lang in a yes/no dialog
 * (guide/messages.yaml: key_yes, key_no), so a language brings its own
 * without C: "s" is yes in Spanish, and only there. */
enum action keys_action_in(unsigned ctx, int key, const char *lang);

/* When a hint applies beyond its contexts. */
enum key_need {
	NEED_NONE,
	NEED_LANGS,  /* the guide has two languages the program speaks */
	NEED_DEMO,   /* the trainer demo is playing */
	NEED_DEMO_STEP, /* ... and has a next step (not at its end) */
	NEED_LINKS,  /* a remedy's page, which has web addresses */
	NEED_DESK,   /* desk mode */
	NEED_HOME,   /* not desk mode */
	NEED_SELF_HELP, /* the self-help view */
	NEED_VOLUNTEER, /* the volunteer view */
};

/* What the needs are checked against. */
struct key_have {
	bool langs, demo, demo_step, links, desk, volunteer;
};
/* Whether a hint with this need shows now. */
bool keys_need_met(enum key_need n, const struct key_have *h);

/* A key hint: the key as shown, and what it does. The key is a word from
 * msg (Enter, Space...) when key_msg >= 0, else a symbol with an ASCII
 * spelling for terminals that cannot show UTF-8. Lower prio is dropped last
 * when the footer is too narrow; prio 0 is never dropped. */
struct key_hint {
	unsigned ctx;
	const char *sym, *ascii;
	int key_msg;
	enum msg_id label;
	int prio;
	enum key_need need;
};

/* Every footer hint, in display order; show those whose ctx has the
 * current context's bit. */
size_t keys_footer(const struct key_hint **out);
/* Every key with its meaning, for the help panel. */
size_t keys_help(const struct key_hint **out);
/* The key of a hint as text in `lang` (a static or msg string). */
const char *keys_hint_key(const struct key_hint *h, const char *lang, bool ascii);

#endif
