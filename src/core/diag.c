/* SPDX-License-Identifier: MIT */
#include "core/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

void diags_add(struct diags *d, enum diag_level level, const char *file,
               unsigned line, unsigned col, const char *fmt, ...)
{
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= (d->max ? d->max : 1000)) {
		d->dropped++;
		return;
	}
	struct diag *g = VEC_PUSH(d->v, d->n, d->cap);
	g->level = level;
	g->file = xstrdup(file ? file : "");
	g->line = line;
	g->col = col;
	va_list ap;
	va_start(ap, fmt);
	g->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

char *diag_format(const struct diag *g, int with_level)
{
	struct buf b = {0};
	buf_adds(&b, g->file);
	if (g->line)
		buf_printf(&b, ":%u", g->line);
	if (g->line && g->col)
		buf_printf(&b, ":%u", g->col);
	buf_adds(&b, ": ");
	if (with_level)
		buf_adds(&b, g->level == DIAG_ERROR ? "error: " : "warning: ");
	buf_adds(&b, g->msg);
	return buf_take(&b);
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
