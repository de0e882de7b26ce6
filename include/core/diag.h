/* SPDX-License-Identifier: MIT */
/* Diagnostics: the one error-reporting convention of the core.
 * Library code never prints or exits; it appends diagnostics here, each with
 * the file, line and column it is about, and returns a failure status. Only
 * main.c decides how to show them. */
#ifndef REMEDIES_DIAG_H
#define REMEDIES_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_level level;
	char *file;      /* owned */
	unsigned line;   /* 1-based; 0 when the message is about the whole file */
	unsigned col;    /* 1-based; 0 when unknown */
	char *msg;       /* owned */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings;
	size_t max;      /* stop recording (but keep counting) past this; 0 = 1000 */
	size_t dropped;
};

void diags_add(struct diags *d, enum diag_level level, const char *file,
               unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
#define diag_error(d, f, l, c, ...) diags_add((d), DIAG_ERROR, (f), (l), (c), __VA_ARGS__)
#define diag_warn(d, f, l, c, ...) diags_add((d), DIAG_WARNING, (f), (l), (c), __VA_ARGS__)
/* "FILE:LINE:COL: error: message" (GNU style); caller frees. With
 * with_level false the "error: " word is left out. */
char *diag_format(const struct diag *g, int with_level);
void diags_free(struct diags *d);

#endif
