/* SPDX-License-Identifier: MIT */
#include "core/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "core/util.h"

#if UTF8PROC_VERSION_MAJOR < 2 || (UTF8PROC_VERSION_MAJOR == 2 && UTF8PROC_VERSION_MINOR < 5)
#error "utf8proc 2.5 or later is needed (grapheme_break_stateful)"
#endif

static enum text_width_mode width_mode = TEXT_WIDTH_UTF8PROC;

void text_set_width_mode(enum text_width_mode m)
{
	width_mode = m;
}

/* Decodes one code point; invalid input yields -1 and consumes one byte so a
 * scan always moves forward. */
static size_t next_cp(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                      (utf8proc_ssize_t)(len > 4 ? 4 : len), &c);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (size_t)n;
}

static bool is_mark_cp(int32_t cp)
{
	return cp == TEXT_MARK_ON_CP || cp == TEXT_MARK_OFF_CP;
}

static bool is_bidi_control(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

enum text_problem text_check(const char *s, size_t len, size_t *off, int32_t *cp)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		/* ASCII is most of any guide: check it without decoding. */
		if (b >= 0x20 && b < 0x7F) {
			i++;
			continue;
		}
		if (b == '\n' || b == '\t') {
			i++;
			continue;
		}
		int32_t c;
		size_t n = next_cp(s + i, len - i, &c);
		enum text_problem p = TEXT_OK;
		if (c < 0)
			p = TEXT_BAD_UTF8;
		else if (c == 0)
			p = TEXT_NUL;
		else if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0))
			p = TEXT_CONTROL;
		else if (is_bidi_control(c) || c == 0x2028 || c == 0x2029 ||
		         utf8proc_category(c) == UTF8PROC_CATEGORY_CO ||
		         (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF))
			p = TEXT_FORBIDDEN;
		if (p != TEXT_OK) {
			*off = i;
			*cp = c;
			return p;
		}
		i += n;
	}
	return TEXT_OK;
}

const char *text_problem_name(enum text_problem p)
{
	switch (p) {
	case TEXT_OK: return "no problem";
	case TEXT_BAD_UTF8: return "invalid UTF-8";
	case TEXT_NUL: return "a NUL character";
	case TEXT_CONTROL: return "a control character";
	case TEXT_FORBIDDEN: return "a character not allowed in guide text";
	}
	return "?";
}

/* Whether a terminal may be sent this code point as is. */
/* Printable ASCII: one column, always displayable, a grapheme cluster of
 * its own. Most guide text is ASCII: the fast paths below skip utf8proc
 * for it (the per-key cost of the wizard is mostly measuring text). */
static bool ascii_print(int32_t c)
{
	return c >= 0x20 && c < 0x7F;
}

static bool cp_displayable(int32_t c, bool keep_marks)
{
	if (ascii_print(c))
		return true;
	if (c < 0)
		return false;
	if (is_mark_cp(c))
		return keep_marks;
	if (c == '\n')
		return true;
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return false;
	if (c == 0x200C || c == 0x200D) /* ZWNJ, ZWJ join emoji and scripts */
		return true;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_CN:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return false;
	default:
		break;
	}
	if (width_mode == TEXT_WIDTH_WCWIDTH && wcwidth((wchar_t)c) < 0)
		return false;
	return true;
}

char *text_sanitize(const char *s, bool keep_marks, bool ascii_only)
{
	struct buf b = {0};
	size_t len = strlen(s), i = 0;
	buf_add(&b, "", 0);
	while (i < len) {
		size_t run = i;
		while (run < len && ((unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F))
			run++;
		if (run > i) {
			buf_add(&b, s + i, run - i);
			i = run;
			continue;
		}
		int32_t c;
		size_t n = next_cp(s + i, len - i, &c);
		if (c == '\t')
			buf_addc(&b, ' ');
		else if (!cp_displayable(c, keep_marks))
			buf_adds(&b, ascii_only ? "?" : "\xef\xbf\xbd");
		else if (ascii_only && c >= 0x80 && !is_mark_cp(c))
			buf_addc(&b, '?');
		else
			buf_add(&b, s + i, n);
		i += n;
	}
	return buf_take(&b);
}

static size_t cp_width(int32_t c)
{
	if (ascii_print(c))
		return 1;
	if (c < 0x20 || is_mark_cp(c))
		return 0;
	if (width_mode == TEXT_WIDTH_WCWIDTH) {
		int w = wcwidth((wchar_t)c);
		return w < 0 ? 1 : (size_t)w;
	}
	int w = utf8proc_charwidth(c);
	return w < 0 ? 0 : (size_t)w;
}

size_t text_width_n(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			w++;
			i++;
			continue;
		}
		int32_t c;
		i += next_cp(s + i, len - i, &c);
		w += c < 0 ? 1 : cp_width(c);
	}
	return w;
}

size_t text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

/* Walks grapheme clusters: returns the byte length of the cluster at s and its
 * width (the sum of its code points' widths, which is how ncurses advances). */
static size_t next_cluster(const char *s, size_t len, size_t *width)
{
	/* Between two ASCII characters (but CR LF) there is always a break. */
	if (len && ascii_print((unsigned char)s[0]) && (len == 1 || (unsigned char)s[1] < 0x80)) {
		*width = 1;
		return 1;
	}
	utf8proc_int32_t state = 0;
	int32_t prev;
	size_t i = next_cp(s, len, &prev);
	size_t w = prev < 0 ? 1 : cp_width(prev);
	while (i < len && prev >= 0) {
		int32_t c;
		size_t n = next_cp(s + i, len - i, &c);
		if (c < 0 || c == '\n' || prev == '\n' ||
		    utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		w += cp_width(c);
		prev = c;
		i += n;
	}
	*width = w;
	return i;
}

size_t text_fit(const char *s, size_t len, size_t width, size_t *used)
{
	size_t i = 0, w = 0;
	while (i < len) {
		size_t cw, n = next_cluster(s + i, len - i, &cw);
		if (w + cw > width)
			break;
		w += cw;
		i += n;
	}
	if (used)
		*used = w;
	return i;
}

/* A wide cluster that may not start a line: closing or trailing
 * punctuation such as 。、」！ (Pe, Pf, Po). */
static bool closing_punct(const char *s, size_t len)
{
	int32_t c;
	next_cp(s, len, &c);
	if (c < 0)
		return false;
	utf8proc_category_t k = utf8proc_category(c);
	return k == UTF8PROC_CATEGORY_PE || k == UTF8PROC_CATEGORY_PF || k == UTF8PROC_CATEGORY_PO;
}

struct wrap_state {
	struct text_line *v;
	size_t n, cap;
};

static void emit(struct wrap_state *ws, const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	struct text_line *l = VEC_PUSH(ws->v, ws->n, ws->cap);
	l->off = start;
	l->len = end - start;
	l->width = text_width_n(s + start, end - start);
}

size_t text_wrap(const char *s, size_t width, struct text_line **lines)
{
	struct wrap_state ws = {0};
	size_t len = strlen(s), i = 0, start = 0, w = 0;
	size_t brk = 0, brk_end = 0; /* a soft break: this line ends at brk_end, the next starts at brk */
	bool have_brk = false, prev_space = false;
	if (width < 1)
		width = 1;
	while (i < len) {
		size_t cw, n = next_cluster(s + i, len - i, &cw);
		if (s[i] == '\n') {
			emit(&ws, s, start, i);
			start = i + 1;
			w = 0;
			have_brk = prev_space = false;
			i += n;
			continue;
		}
		if (s[i] == ' ') {
			if (i == start) { /* spaces at the start of a wrapped line are dropped */
				start = i + n;
				i += n;
				continue;
			}
			if (!prev_space)
				brk_end = i;
			brk = i + n;
			have_brk = prev_space = true;
			w += cw;
			i += n;
			continue;
		}
		prev_space = false;
		if (cw >= 2 && w > 0 && !(have_brk && brk == i) && !closing_punct(s + i, len - i)) {
			brk_end = brk = i;
			have_brk = true;
		}
		if (w + cw > width && i > start) {
			if (have_brk && brk > start) {
				emit(&ws, s, start, brk_end);
				start = brk;
				w = text_width_n(s + start, i - start);
			}
			if (w + cw > width && i > start) {
				emit(&ws, s, start, i);
				start = i;
				w = 0;
			}
			have_brk = false;
		}
		w += cw;
		i += n;
	}
	emit(&ws, s, start, len);
	*lines = ws.v;
	return ws.n;
}

char *text_strip_marks(const char *s)
{
	struct buf b = {0};
	buf_add(&b, "", 0);
	for (const char *p = s; *p;) {
		if (strncmp(p, TEXT_MARK_ON, 3) == 0 || strncmp(p, TEXT_MARK_OFF, 3) == 0) {
			p += 3;
			continue;
		}
		buf_addc(&b, *p++);
	}
	return buf_take(&b);
}

char *text_fold(const char *s)
{
	/* ASCII folds to its lower case, and most guide text is ASCII: worth
	 * skipping utf8proc, which the search index calls for every text. */
	size_t len = 0;
	while (s[len] && !((unsigned char)s[len] & 0x80))
		len++;
	if (!s[len]) {
		char *r = xstrdup(s);
		for (char *p = r; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		return r;
	}
	char *clean = text_strip_marks(s);
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)clean, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                  UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
	                                  UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	if (n < 0) {
		free(out);
		for (char *p = clean; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		return clean;
	}
	free(clean);
	char *r = xstrdup((const char *)out);
	free(out);
	return r;
}

bool text_folded_contains(const char *hay_folded, const char *needle_folded)
{
	return strstr(hay_folded, needle_folded) != NULL;
}
