/* SPDX-License-Identifier: MIT */
/* po_import: a PO file's translations written back into the YAML files,
 * changing nothing else (po_import.h; the types are po.h's). */
#include "core/po_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "core/text.h"
#include "core/util.h"
#include "core/yaml.h"
#include "po_walk.h"

/* --- PO reading ---------------------------------------------------- */

struct po_entry {
	char *ctx, *id, *str;
	bool fuzzy, obsolete;
	unsigned line;
};

/* Appends the C-escaped contents of a quoted PO string at *p to out.
 * Returns false on a malformed string. */
static bool po_unquote(const char *p, struct buf *out)
{
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '"')
		return false;
	for (p++; *p && *p != '"'; p++) {
		if (*p != '\\') {
			buf_addc(out, *p);
			continue;
		}
		switch (*++p) {
		case 'n': buf_addc(out, '\n'); break;
		case 't': buf_addc(out, '\t'); break;
		case 'r': buf_addc(out, '\r'); break;
		case '"': buf_addc(out, '"'); break;
		case '\\': buf_addc(out, '\\'); break;
		default: return false;
		}
	}
	if (*p != '"')
		return false;
	for (p++; *p == ' ' || *p == '\t'; p++)
		;
	return *p == '\0';
}

static void entry_free(struct po_entry *e)
{
	free(e->ctx);
	free(e->id);
	free(e->str);
	memset(e, 0, sizeof *e);
}

/* Parses PO text into entries (header included, with id ""). */
static bool po_parse(const char *po, size_t len, const char *name, struct po_entry **out,
                     size_t *nout, struct diags *d)
{
	size_t cap = 0;
	*out = NULL;
	*nout = 0;
	struct po_entry cur = {0};
	struct buf field = {0};
	char **into = NULL; /* the field continuation lines go to */
	bool have = false, ok = true;
	unsigned lineno = 0;
	const char *p = po, *end = po + len;
	while (p < end || have) {
		const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		size_t n = p < end ? (nl ? (size_t)(nl - p) : (size_t)(end - p)) : 0;
		char *line = xstrndup(p, n);
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		bool eof = p >= end;
		p = nl ? nl + 1 : end;
		lineno++;
		/* What is imported becomes guide text: refuse here, where the line
		 * and column can be named, what the guide loader would refuse. */
		size_t bad_at;
		int32_t bad_cp;
		enum text_problem tp = eof ? TEXT_OK : text_check(line, n, &bad_at, &bad_cp);
		if (tp != TEXT_OK) {
			diag_error(d, name, lineno, (unsigned)bad_at + 1, "%s", text_problem_name(tp));
			ok = false;
		}
		bool blank = eof || line[strspn(line, " \t")] == '\0';
		/* After a msgstr, a comment or a msgctxt/msgid begins the next entry. */
		bool starts = cur.str && (line[0] == '#' || strncmp(line, "msgctxt", 7) == 0 ||
		                          strncmp(line, "msgid ", 6) == 0);
		if (into && (blank || line[0] != '"')) {
			*into = buf_take(&field);
			if (!*into)
				*into = xstrdup("");
			into = NULL;
		}
		if ((blank || starts) && have) {
			if (cur.id && cur.str && !cur.obsolete &&
			    (tp = text_check(cur.str, strlen(cur.str), &bad_at, &bad_cp)) != TEXT_OK) {
				/* an escape such as \r gave a character guide text may not hold */
				diag_error(d, name, cur.line, 1, "the translation holds %s",
				           text_problem_name(tp));
				ok = false;
				entry_free(&cur);
			} else if (cur.id && cur.str && !cur.obsolete) {
				*VEC_PUSH(*out, *nout, cap) = cur;
				memset(&cur, 0, sizeof cur);
			} else {
				if (cur.id && !cur.str && !cur.obsolete) {
					diag_error(d, name, cur.line, 1, "an entry without msgstr");
					ok = false;
				}
				entry_free(&cur);
			}
			have = false;
		}
		if (eof) {
			free(line);
			break;
		}
		if (blank) {
			free(line);
			continue;
		}
		if (!have) {
			have = true;
			cur.line = lineno;
		}
		const char *val = NULL;
		char **dst = NULL;
		if (strncmp(line, "#~", 2) == 0) {
			cur.obsolete = true;
		} else if (strncmp(line, "#,", 2) == 0) {
			if (strstr(line, "fuzzy"))
				cur.fuzzy = true;
		} else if (line[0] == '#') {
			/* comments and references: the YAML is the truth */
		} else if (strncmp(line, "msgctxt ", 8) == 0) {
			val = line + 8;
			dst = &cur.ctx;
		} else if (strncmp(line, "msgid ", 6) == 0) {
			val = line + 6;
			dst = &cur.id;
		} else if (strncmp(line, "msgstr ", 7) == 0) {
			val = line + 7;
			dst = &cur.str;
		} else if (strncmp(line, "msgid_plural", 12) == 0 || strncmp(line, "msgstr[", 7) == 0) {
			diag_error(d, name, lineno, 1, "plural forms are not used by this guide");
			ok = false;
		} else if (line[0] == '"' && into) {
			if (!po_unquote(line, &field)) {
				diag_error(d, name, lineno, 1, "a malformed string");
				ok = false;
			}
		} else {
			diag_error(d, name, lineno, 1, "not a PO line: %.40s", line);
			ok = false;
		}
		if (dst) {
			free(*dst);
			*dst = NULL;
			buf_free(&field);
			if (!po_unquote(val, &field)) {
				diag_error(d, name, lineno, 1, "a malformed string");
				ok = false;
			}
			into = dst;
		}
		free(line);
	}
	buf_free(&field);
	entry_free(&cur);
	return ok;
}

/* --- Writing back into the YAML ------------------------------------ */

struct edit {
	size_t off, end;
	char *text;
};

/* Byte offset of a 1-based line and column (columns count characters, as
 * libyaml does). lines[] holds the offset of each line's start. */
static size_t offset_of(const struct po_file *f, const size_t *lines, size_t nlines, unsigned line,
                        unsigned col)
{
	size_t off = line >= 1 && line <= nlines ? lines[line - 1] : f->len;
	for (unsigned c = 1; c < col && off < f->len && f->data[off] != '\n'; c++) {
		off++;
		while (off < f->len && ((unsigned char)f->data[off] & 0xC0) == 0x80)
			off++;
	}
	return off;
}

/* The end of the scalar that starts at off: after its closing quote, or
 * the end of a plain scalar (flow: before , } ] or a comment). Returns
 * (size_t)-1 for a style this does not rewrite (| or > blocks). */
static size_t scalar_end(const struct po_file *f, size_t off, bool flow, bool key)
{
	const char *s = f->data;
	size_t i = off;
	if (i >= f->len)
		return (size_t)-1;
	if (s[i] == '"') {
		for (i++; i < f->len && s[i] != '"'; i++)
			if (s[i] == '\\')
				i++;
		return i < f->len ? i + 1 : (size_t)-1;
	}
	if (s[i] == '\'') {
		for (i++; i < f->len; i++)
			if (s[i] == '\'') {
				if (i + 1 < f->len && s[i + 1] == '\'')
					i++;
				else
					return i + 1;
			}
		return (size_t)-1;
	}
	if (s[i] == '|' || s[i] == '>')
		return (size_t)-1;
	while (i < f->len && s[i] != '\n' && !(flow && strchr(",}]", s[i])) &&
	       !(s[i] == '#' && i > off && (s[i - 1] == ' ' || s[i - 1] == '\t')) &&
	       !(key && s[i] == ':' && (i + 1 >= f->len || strchr(" \t\n", s[i + 1]))))
		i++;
	while (i > off && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	return i;
}

static char *yaml_quote(const char *s)
{
	struct buf b = {0};
	buf_addc(&b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			buf_addc(&b, '\\');
			buf_addc(&b, *s);
		} else if (*s == '\n') {
			buf_adds(&b, "\\n");
		} else if (*s == '\t') {
			buf_adds(&b, "\\t");
		} else {
			buf_addc(&b, *s);
		}
	}
	buf_addc(&b, '"');
	return buf_take(&b);
}

static int cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* Applies the edits (sorted, not overlapping) to f: f->out. */
static void apply_edits(struct po_file *f, struct edit *e, size_t n)
{
	qsort(e, n, sizeof *e, cmp_edit);
	struct buf b = {0};
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		buf_add(&b, f->data + at, e[i].off - at);
		buf_adds(&b, e[i].text);
		at = e[i].end;
	}
	buf_add(&b, f->data + at, f->len - at);
	f->out_len = b.len;
	f->out = buf_take(&b);
	if (!f->out)
		f->out = xstrdup("");
}

/* A file being imported into: its tree, units by msgctxt, edits. */
struct target {
	struct ytree *tree;
	struct po_walk w;
	struct strmap byctx;
	size_t *lines, nlines;
	struct edit *e;
	size_t ne, ecap;
};

static void target_open(struct target *t, const struct po_file *f, const struct po_meta *meta,
                        struct diags *d)
{
	memset(t, 0, sizeof *t);
	t->tree = ytree_parse(f->data, f->len, f->name, NULL, d);
	if (!t->tree)
		return;
	t->w.langs = meta->langs;
	t->w.nlangs = meta->nlangs;
	t->w.lang = meta->lang;
	struct buf path = {0};
	po_walk_tree(&t->w, ytree_root(t->tree), &path, NULL, NULL, 1);
	buf_free(&path);
	for (size_t k = 0; k < t->w.n; k++)
		strmap_put(&t->byctx, t->w.u[k].ctx, (int)k);
	size_t cap = 0;
	*VEC_PUSH(t->lines, t->nlines, cap) = 0;
	for (size_t i = 0; i < f->len; i++)
		if (f->data[i] == '\n')
			*VEC_PUSH(t->lines, t->nlines, cap) = i + 1;
}

static void target_close(struct target *t)
{
	for (size_t i = 0; i < t->ne; i++)
		free(t->e[i].text);
	free(t->e);
	free(t->lines);
	strmap_free(&t->byctx);
	po_walk_free(&t->w);
	ytree_free(t->tree);
}

static void add_edit(struct target *t, size_t off, size_t end, char *text)
{
	*VEC_PUSH(t->e, t->ne, t->ecap) = (struct edit){off, end, text};
}

/* Writes one translation into unit u of file f. Returns whether anything
 * changed. */
static bool put(struct target *t, const struct po_file *f, const struct po_unit *u,
                const struct po_entry *e, const struct po_meta *meta, const char *po_name,
                struct diags *d)
{
	char hash[LANG_HASH_LEN + 1];
	lang_source_hash(e->id, hash); /* the source text this translates */
	bool same_text = u->tval && strcmp(u->tval->u.s, e->str) == 0;
	bool same_hash = u->tsrc ? strcmp(u->tsrc, hash) == 0 : !meta->stamp;
	if (same_text && same_hash)
		return false;
	bool flow = f->data[offset_of(f, t->lines, t->nlines, u->map->line, u->map->col)] == '{';
	char *key = xasprintf("%s@%s", meta->lang, hash);
	if (u->tval) {
		size_t ko = offset_of(f, t->lines, t->nlines, u->tkey->line, u->tkey->col);
		size_t ke = scalar_end(f, ko, true, true);
		size_t vo = offset_of(f, t->lines, t->nlines, u->tval->line, u->tval->col);
		size_t ve = same_text ? vo : scalar_end(f, vo, flow, false);
		if (ke == (size_t)-1 || ve == (size_t)-1) {
			diag_error(d, po_name, e->line, 1, "%s:%u: this text is written as a YAML block "
			           "(| or >); write it in quotes to import into it", f->name, u->tval->line);
			free(key);
			return false;
		}
		add_edit(t, ko, ke, key);
		if (!same_text)
			add_edit(t, vo, ve, yaml_quote(e->str));
		return true;
	}
	size_t lo = offset_of(f, t->lines, t->nlines, u->last->line, u->last->col);
	size_t le = scalar_end(f, lo, flow, false);
	if (le == (size_t)-1) {
		diag_error(d, po_name, e->line, 1, "%s:%u: the text before is written as a YAML block "
		           "(| or >); add the translation by hand", f->name, u->last->line);
		free(key);
		return false;
	}
	char *val = yaml_quote(e->str);
	if (flow) {
		add_edit(t, le, le, xasprintf(", %s: %s", key, val));
	} else {
		/* A new line under the map's first key, at its indentation, after
		 * the line of the last text (and any comment on it). */
		const struct ynode *k0 = &u->map->u.kids[0];
		while (le < f->len && f->data[le] != '\n')
			le++;
		add_edit(t, le, le, xasprintf("\n%*s%s: %s", (int)k0->col - 1, "", key, val));
	}
	free(val);
	free(key);
	return true;
}

/* Adds lang to the guide's `languages` list (a flow list [en, es] or a
 * block list), in the file's own style. */
static void add_language(struct target *t, const struct po_file *f, const char *lang,
                         struct diags *d)
{
	const struct ynode *g = ynode_get(ytree_root(t->tree), "guide");
	const struct ynode *l = g ? ynode_get(g, "languages") : NULL;
	if (!l || l->kind != Y_SEQ || l->n == 0) {
		diag_error(d, f->name, 0, 0, "no list of languages to add '%s' to", lang);
		return;
	}
	size_t off = offset_of(f, t->lines, t->nlines, l->line, l->col);
	if (f->data[off] == '[') {
		const struct ynode *last = &l->u.kids[l->n - 1];
		size_t lo = offset_of(f, t->lines, t->nlines, last->line, last->col);
		size_t le = scalar_end(f, lo, true, false);
		add_edit(t, le, le, xasprintf(", %s", lang));
	} else {
		const struct ynode *last = &l->u.kids[l->n - 1];
		size_t lo = offset_of(f, t->lines, t->nlines, last->line, last->col), le = lo;
		while (le < f->len && f->data[le] != '\n')
			le++;
		/* "- " sits two columns before the item. */
		add_edit(t, le, le, xasprintf("\n%*s- %s", (int)last->col - 3, "", lang));
	}
}

/* The Language of a PO header ("Language: pt_BR\n" -> "pt"). */
static bool header_language(const char *hdr, char out[LANG_CODE_SIZE])
{
	const char *p = strstr(hdr, "Language:");
	if (!p)
		return false;
	p += 9;
	while (*p == ' ')
		p++;
	char v[32];
	size_t n = strcspn(p, "\n");
	if (n == 0 || n >= sizeof v)
		return false;
	memcpy(v, p, n);
	v[n] = '\0';
	return lang_from_locale(v, out);
}

/* A place translated twice is an error: the msgctxt names one text of the
 * YAML, so two entries with it (even with different msgids, one of them
 * stale) would write two translations of one text. Without a msgctxt (the
 * header) the msgid is the key, as msgfmt has it. */
static bool po_unique(const struct po_entry *e, size_t ne, const char *name, struct diags *d)
{
	struct strmap seen = {0};
	char **keys = xcalloc(ne ? ne : 1, sizeof *keys);
	bool ok = true;
	for (size_t i = 0; i < ne; i++) {
		const char *ctx = e[i].ctx ? e[i].ctx : "";
		size_t lc = strlen(ctx), li = e[i].ctx ? 0 : strlen(e[i].id);
		keys[i] = xmalloc(lc + li + 2);
		memcpy(keys[i], ctx, lc);
		keys[i][lc] = '\x04'; /* gettext's separator; control characters are refused above */
		memcpy(keys[i] + lc + 1, e[i].id, li);
		keys[i][lc + 1 + li] = '\0';
		int first = strmap_put(&seen, keys[i], (int)i);
		if (first >= 0) {
			diag_error(d, name, e[i].line, 1, "this text is translated twice (first at "
			           "line %u)", e[first].line);
			ok = false;
		}
	}
	strmap_free(&seen);
	for (size_t i = 0; i < ne; i++)
		free(keys[i]);
	free(keys);
	return ok;
}

bool po_import(const char *po, size_t po_len, const char *po_name, struct po_file *files,
               size_t n, const char *guide_name, struct po_meta *meta, char **lang_out,
               struct po_stats *st, struct diags *d)
{
	memset(st, 0, sizeof *st);
	*lang_out = NULL;
	struct po_entry *e;
	size_t ne;
	bool ok = po_parse(po, po_len, po_name, &e, &ne, d) && po_unique(e, ne, po_name, d);
	char lang[LANG_CODE_SIZE];
	const struct po_entry *hdr = NULL;
	for (size_t i = 0; i < ne && !hdr; i++)
		if (!e[i].ctx && e[i].id[0] == '\0')
			hdr = &e[i];
	if (ok && (!hdr || !header_language(hdr->str, lang))) {
		diag_error(d, po_name, hdr ? hdr->line : 1, 1, "the header names no Language "
		           "(\"Language: xx\\n\")");
		ok = false;
	}
	if (ok && strcmp(lang, meta->langs[0]) == 0) {
		diag_error(d, po_name, hdr->line, 1, "'%s' is the guide's source language; a PO file "
		           "translates it into another", lang);
		ok = false;
	}
	if (!ok) {
		for (size_t i = 0; i < ne; i++)
			entry_free(&e[i]);
		free(e);
		return false;
	}
	*lang_out = xstrdup(lang);
	meta->lang = *lang_out;
	struct target *t = xcalloc(n ? n : 1, sizeof *t);
	struct strmap byname = {0}; /* file name -> index: one lookup an entry */
	for (size_t i = 0; i < n; i++) {
		target_open(&t[i], &files[i], meta, d);
		strmap_put(&byname, files[i].name, (int)i);
	}
	bool new_lang = true;
	for (unsigned i = 0; i < meta->nlangs; i++)
		new_lang = new_lang && strcmp(meta->langs[i], lang) != 0;
	for (size_t i = 0; i < ne; i++) {
		const struct po_entry *x = &e[i];
		if (x == hdr)
			continue;
		st->entries++;
		if (x->str[0] == '\0')
			continue; /* nothing to import, wherever it was */
		const char *colon = x->ctx ? strchr(x->ctx, ':') : NULL;
		size_t fi = n;
		if (colon) {
			char *fname = xstrndup(x->ctx, (size_t)(colon - x->ctx));
			int k = strmap_get(&byname, fname);
			fi = k >= 0 ? (size_t)k : n;
			free(fname);
		}
		int ui = fi < n && t[fi].tree ? strmap_get(&t[fi].byctx, colon + 1) : -1;
		if (ui < 0) {
			st->unknown++;
			diag_warn(d, po_name, x->line, 1, "no text at '%s' (changed since the export?); "
			          "skipped", x->ctx ? x->ctx : "(no msgctxt)");
			continue;
		}
		st->translated++;
		if (x->fuzzy) {
			st->fuzzy++;
			continue;
		}
		if (put(&t[fi], &files[fi], &t[fi].w.u[ui], x, meta, po_name, d))
			st->changed++;
	}
	for (size_t i = 0; i < n; i++) {
		if (new_lang && st->changed && guide_name && strcmp(files[i].name, guide_name) == 0 &&
		    t[i].tree)
			add_language(&t[i], &files[i], lang, d);
		if (t[i].ne)
			apply_edits(&files[i], t[i].e, t[i].ne);
		target_close(&t[i]);
	}
	free(t);
	strmap_free(&byname);
	for (size_t i = 0; i < ne; i++)
		entry_free(&e[i]);
	free(e);
	return true;
}
