/* SPDX-License-Identifier: MIT */
/* Unicode text handling: validation, sanitising, display width, word wrap and
 * search keys. The only module that includes utf8proc.h.
 *
 * Guide text may carry glossary marks: TEXT_MARK_ON and TEXT_MARK_OFF (two
 * private-use code points the loader never lets through from a file) bracket
 * a glossary term. They have width 0; front ends highlight between them or
 * drop them (text_strip_marks). */
#ifndef REMEDIES_TEXT_H
#define REMEDIES_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_MARK_ON "\xee\x80\x80"  /* U+E000 */
#define TEXT_MARK_OFF "\xee\x80\x81" /* U+E001 */
#define TEXT_MARK_ON_CP 0xE000
#define TEXT_MARK_OFF_CP 0xE001

enum text_problem {
	TEXT_OK = 0,
	TEXT_BAD_UTF8,    /* not valid UTF-8 */
	TEXT_NUL,         /* an embedded NUL byte */
	TEXT_CONTROL,     /* C0 (but newline and tab), DEL, C1 */
	TEXT_FORBIDDEN,   /* bidi overrides, line/paragraph separators, private use, noncharacters */
};

/* Checks guide text as the loader must. On a problem, *off is the byte offset
 * and *cp the code point found there (-1 for bad UTF-8). */
enum text_problem text_check(const char *s, size_t len, size_t *off, int32_t *cp);
const char *text_problem_name(enum text_problem p);

/* How display width is counted. UTF8PROC is locale-independent (tests, plain
 * mode); WCWIDTH follows the C library, which is what ncurses uses to move its
 * cursor, so the curses front end switches to it after setlocale(). */
enum text_width_mode { TEXT_WIDTH_UTF8PROC, TEXT_WIDTH_WCWIDTH };
void text_set_width_mode(enum text_width_mode m);

/* Returns a newly allocated copy that is safe to send to a terminal: invalid
 * UTF-8 and every control, format (but ZWJ/ZWNJ), separator, unassigned or
 * private-use code point become U+FFFD; a tab becomes a space; newlines stay.
 * With keep_marks, glossary marks survive. With ascii_only, every non-ASCII
 * character becomes '?', for a terminal that cannot show UTF-8. */
char *text_sanitize(const char *s, bool keep_marks, bool ascii_only);

/* Display width in terminal columns of a sanitised single-line string. */
size_t text_width(const char *s);
size_t text_width_n(const char *s, size_t len);

/* The number of bytes of s that fit in `width` columns, cut at a grapheme
 * boundary; *used gets the width of that prefix when not NULL. */
size_t text_fit(const char *s, size_t len, size_t width, size_t *used);

struct text_line {
	size_t off, len; /* bytes of the source string */
	size_t width;    /* display columns */
};
/* Greedy word wrap of sanitised text to `width` columns (at least 1): breaks
 * at spaces, before wide (CJK) clusters, at newlines, and hard-breaks a word
 * longer than a line on a grapheme boundary. Returns the number of lines and
 * sets *lines to a newly allocated array (caller frees). An empty string
 * gives one empty line. Trailing spaces at a break are not part of a line. */
size_t text_wrap(const char *s, size_t width, struct text_line **lines);

/* Removes glossary marks; returns a new string. */
char *text_strip_marks(const char *s);

/* Search key: case-folded, compatibility-normalised, accents stripped, marks
 * and ignorable code points dropped ("Petición" -> "peticion"). Returns a new
 * string; invalid UTF-8 gives a key of its ASCII bytes lower-cased. */
char *text_fold(const char *s);
/* True when folded `needle` occurs in folded `hay` (both already folded). */
bool text_folded_contains(const char *hay_folded, const char *needle_folded);

#endif
