/* SPDX-License-Identifier: MIT */
#include "ui/keys.h"

#include <ctype.h>

#include <stdio.h>
#include <string.h>

#include "core/msg.h"

struct binding {
	int key;
	unsigned ctx;
	enum action act;
};

#define CTX_LISTS (CTX_QUESTION | CTX_MULTI | CTX_RESULTS | CTX_LIST)
#define CTX_SCROLLS (CTX_WELCOME | CTX_INFO | CTX_DOC | CTX_PANEL)
#define CTX_MOVES (CTX_LISTS | CTX_SCROLLS | CTX_SEARCH)

/* The first row that matches both the key and the context wins, so a
 * narrower row must come before a wider one for the same key. */
static const struct binding table[] = {
	{K_F12, CTX_ALL, ACT_QUICK_EXIT},
	{K_REDRAW, CTX_ALL, ACT_REDRAW},

	/* A yes/no question: its own keys, nothing else leaks through. */
	/* y and n in every language; each language's own yes and no keys
	 * (messages key_yes, key_no: "s" for "sí") come from keys_action_in. */
	{'y', CTX_DIALOG, ACT_YES},
	{'Y', CTX_DIALOG, ACT_YES},
	/* No dialog key may mean something else on the screen behind it: a
	 * reflex carries over (tests/unit/ui/test_keys.c checks the table).
	 * So "s" is save here too (the quit question saves first), never the
	 * "sí" it once also was; y and n are free on every screen. */
	{'s', CTX_DIALOG, ACT_SAVE},
	{'n', CTX_DIALOG, ACT_NO},
	{'N', CTX_DIALOG, ACT_NO},
	{K_ESC, CTX_DIALOG, ACT_NO},
	{K_ENTER, CTX_DIALOG, ACT_CONFIRM},
	{K_LEFT, CTX_DIALOG, ACT_PREV_BUTTON},
	{K_UP, CTX_DIALOG, ACT_PREV_BUTTON},
	{K_BTAB, CTX_DIALOG, ACT_PREV_BUTTON},
	{'h', CTX_DIALOG, ACT_PREV_BUTTON},
	{K_RIGHT, CTX_DIALOG, ACT_NEXT_BUTTON},
	{K_DOWN, CTX_DIALOG, ACT_NEXT_BUTTON},
	{K_TAB, CTX_DIALOG, ACT_NEXT_BUTTON},
	{'l', CTX_DIALOG, ACT_NEXT_BUTTON},

	/* A file name field: characters are typed; Up and Down (Tab) move to
	 * the other fields of the dialog. */
	{K_BACKSPACE, CTX_PROMPT, ACT_DELETE_CHAR},
	{K_KILL, CTX_PROMPT, ACT_CLEAR},
	{K_ESC, CTX_PROMPT | CTX_FORM, ACT_BACK},
	{K_ENTER, CTX_PROMPT | CTX_FORM, ACT_CONFIRM},
	{K_UP, CTX_PROMPT | CTX_FORM, ACT_UP},
	{K_BTAB, CTX_PROMPT | CTX_FORM, ACT_UP},
	{K_DOWN, CTX_PROMPT | CTX_FORM, ACT_DOWN},
	{K_TAB, CTX_PROMPT, ACT_COMPLETE},
	{K_TAB, CTX_FORM, ACT_DOWN},

	/* The other fields of a dialog: Left and Right change them (not Space:
	 * it pages down on a page behind, and would tick "include answers"). */
	{'k', CTX_FORM, ACT_UP},
	{'j', CTX_FORM, ACT_DOWN},
	{K_LEFT, CTX_FORM, ACT_PREV_BUTTON},
	{'h', CTX_FORM, ACT_PREV_BUTTON},
	{K_RIGHT, CTX_FORM, ACT_NEXT_BUTTON},
	{'l', CTX_FORM, ACT_NEXT_BUTTON},
	{'L', CTX_FORM | CTX_DIALOG, ACT_LANG},

	/* The search field: characters are typed, only these keys act. */
	{K_BACKSPACE, CTX_SEARCH, ACT_DELETE_CHAR},
	{K_KILL, CTX_SEARCH, ACT_CLEAR},
	{K_ESC, CTX_SEARCH, ACT_BACK},
	{K_LEFT, CTX_SEARCH, ACT_BACK},
	{K_ENTER, CTX_SEARCH, ACT_CONFIRM},
	{K_F1, CTX_SEARCH, ACT_HELP},

	/* A date field: digits and '-' are typed; Up and Down change the part
	 * under the cursor (year, month, day), Left and Right move between the
	 * parts; Backspace on an empty field goes back. */
	{K_BACKSPACE, CTX_DATE, ACT_DELETE_CHAR},
	{K_KILL, CTX_DATE, ACT_CLEAR},
	{K_UP, CTX_DATE, ACT_UP},
	{'k', CTX_DATE, ACT_UP},
	{K_DOWN, CTX_DATE, ACT_DOWN},
	{'j', CTX_DATE, ACT_DOWN},
	{K_LEFT, CTX_DATE, ACT_PREV_BUTTON},
	{K_RIGHT, CTX_DATE, ACT_NEXT_BUTTON},
	{K_TAB, CTX_DATE, ACT_NEXT_BUTTON},
	{K_BTAB, CTX_DATE, ACT_PREV_BUTTON},
	{'-', CTX_DATE, ACT_INSERT},
	{' ', CTX_DATE, ACT_TOGGLE},
	{'0', CTX_DATE, ACT_INSERT},
	{'1', CTX_DATE, ACT_INSERT},
	{'2', CTX_DATE, ACT_INSERT},
	{'3', CTX_DATE, ACT_INSERT},
	{'4', CTX_DATE, ACT_INSERT},
	{'5', CTX_DATE, ACT_INSERT},
	{'6', CTX_DATE, ACT_INSERT},
	{'7', CTX_DATE, ACT_INSERT},
	{'8', CTX_DATE, ACT_INSERT},
	{'9', CTX_DATE, ACT_INSERT},

	{K_UP, CTX_MOVES, ACT_UP},
	{'k', CTX_LISTS | CTX_SCROLLS, ACT_UP},
	{K_DOWN, CTX_MOVES, ACT_DOWN},
	{'j', CTX_LISTS | CTX_SCROLLS, ACT_DOWN},
	{K_PGUP, CTX_MOVES, ACT_PGUP},
	{K_PGDN, CTX_MOVES, ACT_PGDN},
	{K_HOME, CTX_MOVES, ACT_HOME},
	{K_END, CTX_MOVES, ACT_END},

	/* The help panel: anything that means "done" closes it. */
	{K_ENTER, CTX_PANEL, ACT_BACK},
	{'?', CTX_PANEL, ACT_BACK},
	{'q', CTX_PANEL, ACT_BACK},
	{' ', CTX_PANEL, ACT_PGDN},

	{K_ENTER, CTX_WALK | CTX_LIST, ACT_CONFIRM},
	{K_RIGHT, CTX_WALK | CTX_LIST, ACT_CONFIRM},
	{' ', CTX_MULTI, ACT_TOGGLE},
	{' ', CTX_QUESTION | CTX_INFO | CTX_WELCOME, ACT_CONFIRM},
	{' ', CTX_DOC, ACT_PGDN},
	{'0', CTX_LISTS, ACT_DIGIT}, /* the second digit of 10, 20... */
	{'1', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'2', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'3', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'4', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'5', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'6', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'7', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'8', CTX_LISTS | CTX_DOC, ACT_DIGIT},
	{'9', CTX_LISTS | CTX_DOC, ACT_DIGIT},

	{K_LEFT, CTX_SCREENS | CTX_PANEL, ACT_BACK},
	{K_BACKSPACE, CTX_SCREENS | CTX_PANEL, ACT_BACK},
	{'b', CTX_SCREENS | CTX_PANEL, ACT_BACK},
	{K_ESC, CTX_SCREENS | CTX_PANEL, ACT_BACK},

	{'?', CTX_SCREENS, ACT_HELP},
	{K_F1, CTX_SCREENS, ACT_HELP},
	{'g', CTX_SCREENS, ACT_GLOSSARY},
	{'/', CTX_SCREENS, ACT_SEARCH},
	{'a', CTX_SCREENS, ACT_REVIEW},
	{'w', CTX_RESULTS | CTX_DOC, ACT_WHY_NOT},
	{'r', CTX_SCREENS, ACT_RESTART},
	{'q', CTX_SCREENS, ACT_QUIT},
	{'s', CTX_SCREENS, ACT_SAVE},
	{'e', CTX_SCREENS, ACT_EXPORT},
	{'o', CTX_SCREENS, ACT_LINKS},
	{'[', CTX_SCREENS, ACT_DEMO_UP},
	{']', CTX_SCREENS, ACT_DEMO_DOWN},
	{'t', CTX_SCREENS, ACT_NOTES},
	{'p', CTX_RESULTS, ACT_GROUP},
	{'f', CTX_RESULTS, ACT_FRAMING},
	/* c, not n: n is "no" in every dialog (test_keys.c). */
	{'c', CTX_SCREENS, ACT_NEW_CLIENT},
	{'v', CTX_SCREENS | CTX_PANEL, ACT_VIEW},
	{'m', CTX_SCREENS, ACT_UNFOLD},
	/* Desk mode's way out: two control keys no one presses by chance,
	 * written in the man page, not on the screen. */
	{K_CTRL_X, CTX_ALL, ACT_LEAVE_ARM},
	{K_CTRL_Q, CTX_ALL, ACT_LEAVE},
	{'L', CTX_SCREENS | CTX_PANEL, ACT_LANG},
	{'B', CTX_SCREENS | CTX_PANEL, ACT_BILINGUAL},
};

enum action keys_action(unsigned ctx, int key)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].key == key && (table[i].ctx & ctx))
			return table[i].act;
	/* A letter with no key of its own on a date question: the field says
	 * that it takes digits (dates are never typed as words). */
	if ((ctx & CTX_DATE) && key > 0x20 && key < 0x7F)
		return ACT_INSERT;
	/* Printable characters go into the search or file name field. */
	if ((ctx & (CTX_SEARCH | CTX_PROMPT)) && key >= 0x20 && key < K_BASE && key != 0x7F &&
	    !(key >= 0x80 && key < 0xA0))
		return ACT_INSERT;
	return ACT_NONE;
}

#define ALL_HELP (CTX_SCREENS)

static const struct key_hint footer[] = {
	{CTX_WALK | CTX_DOC, NULL, NULL, M_KEY_SPACE, M_K_NEXT_STEP, 1, NEED_DEMO_STEP},
	{CTX_QUESTION | CTX_MULTI | CTX_RESULTS | CTX_LIST | CTX_SEARCH, "\u2191\u2193", "Up/Dn", -1, M_K_MOVE, 5, NEED_NONE},
	{CTX_DOC | CTX_PANEL, "\u2191\u2193", "Up/Dn", -1, M_K_SCROLL, 4, NEED_NONE},
	{CTX_FORM, "\u2191\u2193", "Up/Dn", -1, M_K_FIELD, 3, NEED_NONE},
	{CTX_FORM, "\u2190\u2192", "Lt/Rt", -1, M_K_CHANGE_VALUE, 2, NEED_NONE},
	{CTX_WELCOME, NULL, NULL, M_KEY_ENTER, M_K_START, 1, NEED_NONE},
	{CTX_QUESTION, NULL, NULL, M_KEY_ENTER, M_K_CHOOSE, 2, NEED_NONE},
	{CTX_DATE, "0-9", "0-9", -1, M_K_DATE_TYPE, 1, NEED_NONE},
	{CTX_DATE, "\u2191\u2193", "Up/Dn", -1, M_K_DATE_CHANGE, 2, NEED_NONE},
	{CTX_DATE, "\u2190\u2192", "Lt/Rt", -1, M_K_DATE_PART, 4, NEED_NONE},
	{CTX_DATE, NULL, NULL, M_KEY_ENTER, M_K_CONTINUE, 1, NEED_NONE},
	{CTX_MULTI, NULL, NULL, M_KEY_SPACE, M_K_TICK, 2, NEED_NONE},
	{CTX_MULTI | CTX_INFO, NULL, NULL, M_KEY_ENTER, M_K_CONTINUE, 2, NEED_NONE},
	{CTX_RESULTS | CTX_SEARCH, NULL, NULL, M_KEY_ENTER, M_K_OPEN, 1, NEED_NONE},
	{CTX_LIST, NULL, NULL, M_KEY_ENTER, M_K_CHANGE, 1, NEED_NONE},
	{CTX_DIALOG | CTX_PROMPT | CTX_FORM, NULL, NULL, M_KEY_ENTER, M_K_CONFIRM, 1, NEED_NONE},
	{CTX_RESULTS, "e", "e", -1, M_K_EXPORT, 2, NEED_NONE},
	{CTX_RESULTS, "w", "w", -1, M_K_WHY_NOT, 3, NEED_NONE},
	{CTX_QUESTION | CTX_MULTI | CTX_INFO | CTX_RESULTS | CTX_DOC | CTX_LIST, "\u2190", "b", -1,
	 M_K_BACK, 2, NEED_NONE},
	{CTX_SEARCH | CTX_PANEL | CTX_DIALOG, "Esc", "Esc", -1, M_K_CLOSE, 2, NEED_NONE},
	{CTX_DATE, "Esc", "Esc", -1, M_K_BACK, 2, NEED_NONE},
	{CTX_PROMPT | CTX_FORM, "Esc", "Esc", -1, M_K_CANCEL, 1, NEED_NONE},
	{CTX_WALK | CTX_DOC, "?", "?", -1, M_K_HELP, 1, NEED_NONE},
	{CTX_WALK | CTX_DOC | CTX_LIST, "L", "L", -1, M_K_LANGUAGE, 3, NEED_LANGS},
	{CTX_QUESTION | CTX_MULTI | CTX_INFO | CTX_RESULTS, "a", "a", -1, M_K_ANSWERS, 4, NEED_NONE},
	{CTX_QUESTION | CTX_MULTI | CTX_INFO | CTX_RESULTS, "s", "s", -1, M_K_SAVE, 5, NEED_NONE},
	{CTX_DOC, "o", "o", -1, M_K_LINKS, 5, NEED_LINKS},
	{CTX_WALK | CTX_DOC, "[ ]", "[ ]", -1, M_K_DEMO_SCROLL, 7, NEED_DEMO},
	{CTX_WALK | CTX_DOC, "g", "g", -1, M_K_GLOSSARY, 6, NEED_NONE},
	{CTX_WALK | CTX_DOC, "/", "/", -1, M_K_SEARCH, 6, NEED_NONE},
	{CTX_RESULTS, "r", "r", -1, M_K_RESTART, 7, NEED_NONE},
	{CTX_QUESTION | CTX_MULTI | CTX_INFO, "B", "B", -1, M_K_BILINGUAL, 8, NEED_LANGS},
	{CTX_WALK | CTX_DOC, "t", "t", -1, M_K_NOTES, 8, NEED_NONE},
	{CTX_WALK | CTX_DOC, "m", "m", -1, M_K_UNFOLD, 2, NEED_VOLUNTEER},
	{CTX_WALK | CTX_DOC | CTX_LIST, "v", "v", -1, M_K_VOLUNTEER, 2, NEED_SELF_HELP},
	{CTX_WALK | CTX_DOC | CTX_LIST, "v", "v", -1, M_K_SELF_HELP, 2, NEED_VOLUNTEER},
	{CTX_WALK | CTX_DOC | CTX_LIST, "c", "c", -1, M_K_NEW_CLIENT, 2, NEED_DESK},
	{CTX_WALK, "q", "q", -1, M_K_QUIT, 3, NEED_HOME},
	{CTX_ALL, "F12", "F12", -1, M_K_QUICK_EXIT, 0, NEED_HOME},
	{CTX_ALL, "F12", "F12", -1, M_K_ERASE, 0, NEED_DESK},
};

static const struct key_hint help[] = {
	{ALL_HELP, "\u2191 \u2193  k j", "Up Down  k j", -1, M_K_MOVE, 0, NEED_NONE},
	{ALL_HELP, "1-99", "1-99", -1, M_K_DIRECT, 0, NEED_NONE},
	{ALL_HELP, "%s  \u2192", "%s  Right", M_KEY_ENTER, M_K_CONFIRM_LONG, 0, NEED_NONE},
	{ALL_HELP, NULL, NULL, M_KEY_SPACE, M_K_TICK_LONG, 0, NEED_NONE},
	{ALL_HELP, "\u2190  %s  b", "Left  %s  b", M_KEY_BACKSPACE, M_K_BACK_LONG, 0, NEED_NONE},
	{ALL_HELP, NULL, NULL, M_KEY_PAGES, M_K_SCROLL, 0, NEED_NONE},
	{ALL_HELP, "?", "?", -1, M_K_HELP, 0, NEED_NONE},
	{ALL_HELP, "g", "g", -1, M_K_GLOSSARY_LONG, 0, NEED_NONE},
	{ALL_HELP, "/", "/", -1, M_K_SEARCH_LONG, 0, NEED_NONE},
	{ALL_HELP, "a", "a", -1, M_K_ANSWERS_LONG, 0, NEED_NONE},
	{ALL_HELP, "w", "w", -1, M_K_WHY_NOT_LONG, 0, NEED_NONE},
	{ALL_HELP, "s", "s", -1, M_K_SAVE_LONG, 0, NEED_NONE},
	{ALL_HELP, "e", "e", -1, M_K_EXPORT_LONG, 0, NEED_NONE},
	{ALL_HELP, "o", "o", -1, M_K_LINKS_LONG, 0, NEED_NONE},
	{ALL_HELP, "[  ]", "[  ]", -1, M_K_DEMO_SCROLL_LONG, 0, NEED_NONE},
	{ALL_HELP, "L", "L", -1, M_K_LANGUAGE_LONG, 0, NEED_LANGS},
	{ALL_HELP, "B", "B", -1, M_K_BILINGUAL_LONG, 0, NEED_LANGS},
	{ALL_HELP, "t", "t", -1, M_K_NOTES_LONG, 0, NEED_NONE},
	{ALL_HELP, "p", "p", -1, M_K_GROUP, 0, NEED_NONE},
	{ALL_HELP, "f", "f", -1, M_K_FRAMING, 0, NEED_NONE},
	{ALL_HELP, "r", "r", -1, M_K_RESTART_LONG, 0, NEED_NONE},
	{ALL_HELP, "v", "v", -1, M_K_VIEW_LONG, 0, NEED_NONE},
	{ALL_HELP, "m", "m", -1, M_K_UNFOLD_LONG, 0, NEED_NONE},
	{ALL_HELP, "c", "c", -1, M_K_NEW_CLIENT_LONG, 0, NEED_DESK},
	{ALL_HELP, "q", "q", -1, M_K_QUIT_LONG, 0, NEED_HOME},
	{ALL_HELP, "Esc", "Esc", -1, M_K_CLOSE_LONG, 0, NEED_NONE},
	{ALL_HELP, "F12", "F12", -1, M_K_QUICK_EXIT_LONG, 0, NEED_HOME},
	{ALL_HELP, "F12", "F12", -1, M_K_ERASE_LONG, 0, NEED_DESK},
};

size_t keys_footer(const struct key_hint **out)
{
	*out = footer;
	return sizeof footer / sizeof footer[0];
}

size_t keys_help(const struct key_hint **out)
{
	*out = help;
	return sizeof help / sizeof help[0];
}

const char *keys_hint_key(const struct key_hint *h, const char *lang, bool ascii)
{
	static char buf[96];
	const char *fmt = ascii ? h->ascii : h->sym;
	const char *word = h->key_msg >= 0 ? msg(lang, (enum msg_id)h->key_msg) : "";
	if (!fmt)
		return word;
	if (!strstr(fmt, "%s"))
		return fmt;
	const char *p = strstr(fmt, "%s");
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(p - fmt), fmt, word, p + 2);
	return buf;
}

bool keys_need_met(enum key_need n, const struct key_have *h)
{
	switch (n) {
	case NEED_NONE: return true;
	case NEED_LANGS: return h->langs;
	case NEED_DEMO: return h->demo;
	case NEED_DEMO_STEP: return h->demo_step;
	case NEED_LINKS: return h->links;
	case NEED_DESK: return h->desk;
	case NEED_HOME: return !h->desk;
	case NEED_SELF_HELP: return !h->volunteer;
	case NEED_VOLUNTEER: return h->volunteer;
	}
	return true;
}

/* The first character of a message, as a key code (its code point). */
static int first_char(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (*p < 0x80)
		return tolower(*p);
	int n = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : 1;
	int c = *p & (0x3F >> n);
	for (int i = 1; i <= n && p[i]; i++)
		c = (c << 6) | (p[i] & 0x3F);
	return c;
}

enum action keys_action_in(unsigned ctx, int key, const char *lang)
{
	if (ctx & CTX_DIALOG && key > 0 && key != K_ENTER && key != K_ESC) {
		int k = key < 0x80 ? tolower(key) : key;
		if (k == first_char(msg(lang, M_KEY_YES)))
			return ACT_YES;
		if (k == first_char(msg(lang, M_KEY_NO)))
			return ACT_NO;
	}
	return keys_action(ctx, key);
}
