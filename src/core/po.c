/* SPDX-License-Identifier: MIT */
/* po_export: the translatable texts of a guide, its scenarios and the
 * program's messages as one gettext PO file (po.h); po_import is in
 * po_import.c, the walk both use in po_walk.c. */
#include "core/po.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "core/util.h"
#include "core/yaml.h"
#include "po_walk.h"

/* --- PO writing ---------------------------------------------------- */

static void po_quote(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, c);
		} else if (c == '\n') {
			buf_adds(b, "\\n");
		} else if (c == '\t') {
			buf_adds(b, "\\t");
		} else {
			buf_addc(b, c);
		}
	}
	buf_addc(b, '"');
}

/* `keyword "text"`, or for text with line breaks `keyword ""` and one
 * quoted line per line, as gettext's tools write it. */
static void po_field(struct buf *b, const char *keyword, const char *s)
{
	const char *nl = strchr(s, '\n');
	buf_printf(b, "%s ", keyword);
	if (!nl || !nl[1]) {
		po_quote(b, s, strlen(s));
		buf_addc(b, '\n');
		return;
	}
	buf_adds(b, "\"\"\n");
	while (*s) {
		nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
		po_quote(b, s, n);
		buf_addc(b, '\n');
		s += n;
	}
}

/* A translator comment, one "#. " line per line, cut at a character
 * boundary after about max bytes. */
static void po_comment(struct buf *b, const char *prefix, const char *s, size_t max)
{
	size_t n = strlen(s);
	bool cut = n > max;
	if (cut) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	buf_printf(b, "#. %s", prefix);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			buf_adds(b, "\n#. ");
		else
			buf_addc(b, s[i]);
	}
	buf_adds(b, cut ? "…\"\n" : "\"\n");
}

/* Whether a message has printf conversions (%s, %zu): a C format. */
static bool has_conversion(const char *s)
{
	for (const char *p = strchr(s, '%'); p; p = strchr(p + 1, '%')) {
		if (p[1] == '%') {
			p++;
			continue;
		}
		size_t k = strspn(p + 1, "-+ #0123456789.*lhjzt");
		if (p[1 + k] && strchr("sduixXcfgeEp", p[1 + k]))
			return true;
	}
	return false;
}

/* The comment lines ("# ...") just above line `line` of a file. */
static void yaml_comments_above(struct buf *b, const struct po_file *f, unsigned line)
{
	/* Find the starts of lines line-1, line-2, ... going up. */
	const char *p = f->data, *end = f->data + f->len;
	unsigned at = 1;
	const char *starts[8] = {0};
	while (p < end && at < line) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		starts[at % 8] = p;
		p = nl + 1;
		at++;
	}
	int first = (int)line - 1, count = 0;
	for (; first >= 1 && count < 6; first--, count++) {
		const char *s = starts[first % 8];
		while (s && (*s == ' ' || *s == '\t'))
			s++;
		if (!s || *s != '#')
			break;
	}
	for (int l = first + 1; l < (int)line && count > 0; l++) {
		const char *s = starts[l % 8];
		while (*s == ' ' || *s == '\t')
			s++;
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		s++;
		if (*s == ' ')
			s++;
		buf_printf(b, "#. %.*s\n", (int)((nl ? nl : end) - s), s);
	}
}

char *po_export(struct po_file *files, size_t n, const struct po_meta *meta,
                struct po_stats *st, struct diags *d)
{
	memset(st, 0, sizeof *st);
	struct buf b = {0};
	const char *date = meta->date ? meta->date : "1970-01-01";
	buf_printf(&b, "# The texts of %s, for translation into '%s'.\n", meta->project, meta->lang);
	buf_adds(&b, "# The guide's texts are under CC BY 4.0, like the guide; the program's under MIT.\n"
	             "# Write each translation in msgstr; leave [[...]] glossary marks and %s\n"
	             "# placeholders as they are. A fuzzy entry translates an older source text:\n"
	             "# check it, then remove the fuzzy flag. Bring it back with\n"
	             "# 'remedies po import FILE'; see remedies(1).\n");
	buf_adds(&b, "msgid \"\"\nmsgstr \"\"\n");
	buf_printf(&b, "\"Project-Id-Version: %s\\n\"\n", meta->project);
	buf_adds(&b, "\"Report-Msgid-Bugs-To: \\n\"\n");
	buf_printf(&b, "\"POT-Creation-Date: %s 00:00+0000\\n\"\n", date);
	buf_printf(&b, "\"PO-Revision-Date: %s 00:00+0000\\n\"\n", date);
	buf_adds(&b, "\"Last-Translator: \\n\"\n\"Language-Team: \\n\"\n");
	buf_printf(&b, "\"Language: %s\\n\"\n", meta->lang);
	buf_adds(&b, "\"MIME-Version: 1.0\\n\"\n"
	             "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	             "\"Content-Transfer-Encoding: 8bit\\n\"\n");
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		struct diags fd = {0};
		struct ytree *t = ytree_parse(files[i].data, files[i].len, files[i].name, NULL, &fd);
		for (size_t k = 0; k < fd.n; k++)
			diags_add(d, fd.v[k].level, fd.v[k].file, fd.v[k].line, fd.v[k].col, "%s",
			          fd.v[k].msg);
		diags_free(&fd);
		if (!t) {
			ok = false;
			continue;
		}
		struct po_walk w = {.langs = meta->langs, .nlangs = meta->nlangs, .lang = meta->lang};
		struct buf path = {0};
		po_walk_tree(&w, ytree_root(t), &path, NULL, NULL, 1);
		buf_free(&path);
		for (size_t k = 0; k < w.n; k++) {
			const struct po_unit *u = &w.u[k];
			const char *src = u->src->u.s;
			char now[LANG_HASH_LEN + 1];
			lang_source_hash(src, now);
			bool fuzzy = u->tval && u->tsrc && strcmp(u->tsrc, now) != 0;
			st->entries++;
			st->translated += u->tval != NULL;
			st->fuzzy += fuzzy;
			buf_addc(&b, '\n');
			if (u->kind)
				buf_printf(&b, "#. In a '%s'.\n", u->kind);
			if (u->around)
				po_comment(&b, "Belongs to: \"", u->around, 160);
			yaml_comments_above(&b, &files[i], u->keyline);
			if (strstr(src, "[[")) {
				buf_adds(&b, "#. Keep each [[id]] mark as it is; in [[id|words]] translate only "
				             "the words.\n");
			}
			buf_printf(&b, "#: %s:%u\n", files[i].name, u->src->line);
			bool cfmt = files[i].messages && has_conversion(src);
			if (fuzzy || cfmt)
				buf_printf(&b, "#,%s%s%s\n", fuzzy ? " fuzzy" : "", fuzzy && cfmt ? "," : "",
				           cfmt ? " c-format" : "");
			char *ctx = xasprintf("%s:%s", files[i].name, u->ctx);
			po_field(&b, "msgctxt", ctx);
			free(ctx);
			po_field(&b, "msgid", src);
			po_field(&b, "msgstr", u->tval ? u->tval->u.s : "");
		}
		po_walk_free(&w);
		ytree_free(t);
	}
	if (!ok) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}
