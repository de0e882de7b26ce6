/* SPDX-License-Identifier: MIT */
/* Citation text against its address. A link that opens a different section
 * than the one cited (28 U.S.C. § 2401 linked to § 2402) sends a reader to the
 * wrong law, so for the address patterns we can read (LII U.S. Code and CFR,
 * eCFR, Justia U.S. Reports) the title and section, or the volume and page,
 * named by the address must be one the cite text names. Everything here is a
 * single pass over two short strings, with fixed-size buffers: a part longer
 * than its buffer is cut, which can only make a comparison fail, never pass.
 */
#include "core/cite.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CITE_PART = 24, CITE_REFS = 16 };

enum cite_kind { CITE_NONE, CITE_USC, CITE_CFR, CITE_US };

/* One authority: a U.S. Code or CFR title with a section (or a CFR part), or
 * a U.S. Reports volume with a page ("" for a docket number or a blank
 * page). `range` marks a section that closes a range opened by the previous
 * reference ("2671–2680"). */
struct cite_ref {
	char title[CITE_PART], sec[CITE_PART], part[CITE_PART];
	bool range;
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void part_copy(char *dst, const char *s, size_t n)
{
	if (n >= CITE_PART)
		n = CITE_PART - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_digit(*s))
			return false;
	return true;
}

/* The CFR part of a section: "235" of "235.1". */
static void part_of_section(char *part, const char *sec)
{
	const char *dot = strchr(sec, '.');
	part_copy(part, sec, dot ? (size_t)(dot - sec) : strlen(sec));
}

/* Reads what a known address names into *a; returns its kind or CITE_NONE. */
static enum cite_kind cite_url_parse(const char *url, struct cite_ref *a)
{
	memset(a, 0, sizeof *a);
	if (!strncmp(url, "https://", 8))
		url += 8;
	else if (!strncmp(url, "http://", 7))
		url += 7;
	else
		return CITE_NONE;
	if (!strncmp(url, "www.", 4))
		url += 4;
	static const struct {
		const char *prefix;
		enum cite_kind kind;
	} known[] = {
		{"law.cornell.edu/uscode/text/", CITE_USC},
		{"law.cornell.edu/cfr/text/", CITE_CFR},
		{"supreme.justia.com/cases/federal/us/", CITE_US},
		{"supreme.justia.com/us/", CITE_US},
	};
	for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
		size_t n = strlen(known[k].prefix);
		if (strncmp(url, known[k].prefix, n))
			continue;
		/* TITLE/SECTION or VOLUME/PAGE-OR-DOCKET */
		const char *p = url + n, *q = p + strcspn(p, "/?#");
		if (q == p || *q != '/')
			return CITE_NONE;
		part_copy(a->title, p, (size_t)(q - p));
		p = q + 1;
		q = p + strcspn(p, "/?#");
		part_copy(a->sec, p, (size_t)(q - p));
		if (!all_digits(a->title))
			return CITE_NONE;
		if (known[k].kind == CITE_US) {
			if (!all_digits(a->sec))   /* a docket number, not a page */
				a->sec[0] = '\0';
		} else if (!a->sec[0]) {
			return CITE_NONE;
		} else if (known[k].kind == CITE_CFR) {
			part_of_section(a->part, a->sec);
			if (!strchr(a->sec, '.'))   /* cfr/text/8/215 is a whole part */
				a->sec[0] = '\0';
		}
		return known[k].kind;
	}
	if (strncmp(url, "ecfr.gov/", 9) && strncmp(url, "ecfr.federalregister.gov/", 25))
		return CITE_NONE;
	/* eCFR: path components title-N, part-P, section-S in any position. */
	for (const char *p = strchr(url, '/'); p && *p == '/';) {
		p++;
		size_t n = strcspn(p, "/?#");
		if (n > 6 && !strncmp(p, "title-", 6))
			part_copy(a->title, p + 6, n - 6);
		else if (n > 5 && !strncmp(p, "part-", 5))
			part_copy(a->part, p + 5, n - 5);
		else if (n > 8 && !strncmp(p, "section-", 8))
			part_copy(a->sec, p + 8, n - 8);
		p += n;
	}
	if (!all_digits(a->title) || (!a->part[0] && !a->sec[0]))
		return CITE_NONE;
	if (!a->part[0])
		part_of_section(a->part, a->sec);
	return CITE_CFR;
}

/* Skips spaces; then the section sign(s) "§" or "§§" and spaces after them. */
static const char *skip_sign(const char *s)
{
	while (*s == ' ')
		s++;
	while (!strncmp(s, "\xc2\xa7", 2))
		s += 2;
	while (*s == ' ' || !strncmp(s, "\xc2\xa0", 2))
		s += *s == ' ' ? 1 : 2;
	return s;
}

/* The number just before `at` (skipping one run of spaces), or NULL. */
static const char *number_before(const char *start, const char *at, size_t *len)
{
	const char *e = at;
	while (e > start && e[-1] == ' ')
		e--;
	const char *b = e;
	while (b > start && is_digit(b[-1]))
		b--;
	*len = (size_t)(e - b);
	/* "12345 U.S.C." is a title only if the number stands alone. */
	return *len && (b == start || !is_alnum(b[-1])) ? b : NULL;
}

/* Reads the list of sections after "T U.S.C. §§" or "T C.F.R. §": tokens such
 * as 552a, 2000ee-1 or 235.1, each with optional pinpoints "(a)(1)", joined
 * by commas or by a dash for a range. Appends them to refs. */
static const char *read_sections(const char *s, const char *title, size_t tlen, bool dots,
                                 struct cite_ref *refs, unsigned *nrefs)
{
	bool range = false;
	for (;;) {
		while (*s == ' ')
			s++;
		if (!is_digit(*s))
			break;
		const char *b = s;
		while (is_alnum(*s) || ((*s == '-' || (dots && *s == '.')) && is_alnum(s[1])))
			s++;
		if (*nrefs < CITE_REFS) {
			struct cite_ref *r = &refs[(*nrefs)++];
			memset(r, 0, sizeof *r);
			part_copy(r->title, title, tlen);
			part_copy(r->sec, b, (size_t)(s - b));
			part_of_section(r->part, r->sec);
			r->range = range;
		}
		range = false;
		while (*s == '(') {   /* pinpoints, and pinpoint ranges "(2)–(3)" */
			s += strcspn(s, ")");
			if (*s)
				s++;
			if ((!strncmp(s, "\xe2\x80\x93", 3) || *s == '-') && s[*s == '-' ? 1 : 3] == '(')
				s += *s == '-' ? 1 : 3;
		}
		if (*s == ',') {
			s++;
		} else if (!strncmp(s, "\xe2\x80\x93", 3) || *s == '-') {
			s += *s == '-' ? 1 : 3;
			range = true;
		} else {
			break;
		}
	}
	return s;
}

/* Every authority of `kind` named in the cite text. */
static unsigned cite_text_refs(const char *cite, enum cite_kind kind, struct cite_ref *refs)
{
	unsigned n = 0;
	const char *mark = kind == CITE_USC ? "U.S.C." : kind == CITE_CFR ? "C.F.R." : "U.S. ";
	size_t mlen = strlen(mark);
	for (const char *p = strstr(cite, mark); p; p = strstr(p + 1, mark)) {
		size_t tlen;
		const char *title = number_before(cite, p, &tlen);
		if (!title)
			continue;
		const char *s = p + mlen;
		if (kind == CITE_US) {   /* "589 U.S. 93" or "606 U.S. ___" */
			if (n < CITE_REFS) {
				struct cite_ref *r = &refs[n++];
				memset(r, 0, sizeof *r);
				part_copy(r->title, title, tlen);
				const char *e = s;
				while (is_digit(*e))
					e++;
				part_copy(r->sec, s, (size_t)(e - s));
			}
			continue;
		}
		s = skip_sign(s);
		if (kind == CITE_CFR && (!strncmp(s, "part ", 5) || !strncmp(s, "pt. ", 4))) {
			s += s[1] == 'a' ? 5 : 4;
			const char *e = s;
			while (is_digit(*e))
				e++;
			if (e > s && n < CITE_REFS) {
				struct cite_ref *r = &refs[n++];
				memset(r, 0, sizeof *r);
				part_copy(r->title, title, tlen);
				part_copy(r->part, s, (size_t)(e - s));
			}
			continue;
		}
		read_sections(s, title, tlen, kind == CITE_CFR, refs, &n);
	}
	return n;
}

/* Does the address's authority a agree with the cite's reference r (r[-1]
 * being the start of a range that r closes)? */
static bool cite_ref_agrees(enum cite_kind kind, const struct cite_ref *a,
                            const struct cite_ref *r)
{
	if (strcmp(a->title, r->title))
		return false;
	switch (kind) {
	case CITE_US:
		return !a->sec[0] || !r->sec[0] || !strcmp(a->sec, r->sec);
	case CITE_CFR:
		if (a->sec[0] && r->sec[0])
			return !strcmp(a->sec, r->sec);
		return !strcmp(a->part, r->part);
	case CITE_USC:
		if (!strcmp(a->sec, r->sec))
			return true;
		if (r->range && all_digits(a->sec) && all_digits(r->sec) && all_digits(r[-1].sec)) {
			long v = strtol(a->sec, NULL, 10);
			return v >= strtol(r[-1].sec, NULL, 10) && v <= strtol(r->sec, NULL, 10);
		}
		return false;
	case CITE_NONE:
		break;
	}
	return false;
}

enum cite_url_result cite_check_url(const char *cite, const char *url, char *msg, size_t msglen)
{
	struct cite_ref a, refs[CITE_REFS];
	if (msglen)
		msg[0] = '\0';
	enum cite_kind kind = url ? cite_url_parse(url, &a) : CITE_NONE;
	if (kind == CITE_NONE)
		return CITE_URL_UNKNOWN;
	unsigned n = cite ? cite_text_refs(cite, kind, refs) : 0;
	for (unsigned i = 0; i < n; i++)
		if (cite_ref_agrees(kind, &a, &refs[i]))
			return CITE_URL_AGREE;
	char opens[3 * CITE_PART + 48];
	switch (kind) {
	case CITE_USC:
		snprintf(opens, sizeof opens, "%s U.S.C. \xc2\xa7 %s", a.title, a.sec);
		break;
	case CITE_CFR:
		if (a.sec[0])
			snprintf(opens, sizeof opens, "%s C.F.R. \xc2\xa7 %s", a.title, a.sec);
		else
			snprintf(opens, sizeof opens, "%s C.F.R. part %s", a.title, a.part);
		break;
	default:
		if (a.sec[0])
			snprintf(opens, sizeof opens, "%s U.S. %s", a.title, a.sec);
		else
			snprintf(opens, sizeof opens, "volume %s of the U.S. Reports", a.title);
		break;
	}
	static const char *const what[] = {
		[CITE_USC] = "U.S. Code section", [CITE_CFR] = "C.F.R. section or part",
		[CITE_US] = "U.S. Reports volume"};
	if (n == 0)
		snprintf(msg, msglen, "the address opens %s, but the cite names no %s", opens,
		         what[kind]);
	else
		snprintf(msg, msglen, "the address opens %s, but the cite names %s", opens,
		         cite);
	return CITE_URL_MISMATCH;
}

void cite_check_guide(const struct guide *g, struct diags *d)
{
	char msg[512];
	for (unsigned i = 0; i < g->ncitations; i++) {
		const struct citation *c = &g->citations[i];
		if (cite_check_url(c->cite, c->url, msg, sizeof msg) == CITE_URL_MISMATCH)
			diag_error(d, g->file, c->line, c->col, "citation '%s': %s", c->id, msg);
	}
}
