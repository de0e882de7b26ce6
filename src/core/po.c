#include "core/po.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "core/util.h"
#include "core/yaml.h"

/* One translatable text: a map of language to text with the source. */
struct unit {
	char *ctx;                        /* "nodes[who].text" */
	const struct ynode *map;
	const struct ynode *src;          /* the source-language text */
	const struct ynode *tkey, *tval;  /* the target language's pair, or NULL */
	const char *tsrc;                 /* hash recorded in tkey, or NULL */
	const struct ynode *last;         /* the map's last value (insertions go after it) */
	const char *around;               /* the English of the item it belongs to, or NULL */
	const char *kind;                 /* that item's `kind`, or NULL */
	unsigned keyline;                 /* the line of its key (comments sit above) */
};

struct walk {
	const struct po_meta *meta;
	struct unit *u;
	size_t n, cap;
};

/* The language part of a key is one of the guide's or the target. */
static bool lang_key_ok(const struct po_meta *m, const char *key, size_t *len)
{
	const char *src;
	bool src_ok;
	*len = lang_key_split(key, &src, &src_ok);
	if (!src_ok)
		return false;
	for (unsigned i = 0; i < m->nlangs; i++)
		if (strlen(m->langs[i]) == *len && strncmp(m->langs[i], key, *len) == 0)
			return true;
	return strlen(m->lang) == *len && strncmp(m->lang, key, *len) == 0;
}

static bool key_is(const char *key, size_t len, const char *lang)
{
	return strlen(lang) == len && strncmp(key, lang, len) == 0;
}

/* A map of language to text that has the source language: a unit. */
static bool as_unit(const struct walk *w, const struct ynode *m, struct unit *u)
{
	if (m->kind != Y_MAP || m->n == 0)
		return false;
	memset(u, 0, sizeof *u);
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = &m->u.kids[2 * i], *v = &m->u.kids[2 * i + 1];
		size_t len;
		if (k->kind != Y_SCALAR || v->kind != Y_SCALAR || !lang_key_ok(w->meta, k->u.s, &len))
			return false;
		if (key_is(k->u.s, len, w->meta->langs[0]))
			u->src = v;
		if (key_is(k->u.s, len, w->meta->lang) && !key_is(k->u.s, len, w->meta->langs[0])) {
			u->tkey = k;
			u->tval = v;
			const char *at = strchr(k->u.s, '@');
			u->tsrc = at ? at + 1 : NULL;
		}
		u->last = v;
	}
	u->map = m;
	return u->src != NULL;
}

static const char *lstr_source(const struct walk *w, const struct ynode *v)
{
	struct unit u;
	return v && as_unit(w, v, &u) ? u.src->u.s : NULL;
}

static void walk(struct walk *w, const struct ynode *v, struct buf *path, const char *around,
                 const char *kind, unsigned keyline)
{
	struct unit u;
	if (as_unit(w, v, &u)) {
		u.keyline = keyline;
		u.ctx = xstrdup(path->s ? path->s : "");
		u.around = around && around != u.src->u.s ? around : NULL;
		u.kind = kind;
		*VEC_PUSH(w->u, w->n, w->cap) = u;
		return;
	}
	size_t keep = path->len;
	if (v->kind == Y_MAP) {
		/* An item's own words (its text or title) give the context of the
		 * texts inside it. */
		const struct ynode *t = ynode_get(v, "text");
		const char *here = lstr_source(w, t);
		if (!here)
			here = lstr_source(w, ynode_get(v, "title"));
		if (!here)
			here = lstr_source(w, ynode_get(v, "term"));
		const struct ynode *kn = ynode_get(v, "kind");
		for (size_t i = 0; i < v->n; i++) {
			const struct ynode *k = &v->u.kids[2 * i];
			if (k->kind != Y_SCALAR)
				continue;
			buf_printf(path, "%s%s", keep ? "." : "", k->u.s);
			walk(w, &v->u.kids[2 * i + 1], path, here ? here : around,
			     kn && kn->kind == Y_SCALAR ? kn->u.s : kind, k->line);
			path->len = keep;
			if (path->s)
				path->s[keep] = '\0';
		}
	} else if (v->kind == Y_SEQ) {
		for (size_t i = 0; i < v->n; i++) {
			const struct ynode *it = &v->u.kids[i];
			const struct ynode *id = it->kind == Y_MAP ? ynode_get(it, "id") : NULL;
			if (id && id->kind == Y_SCALAR)
				buf_printf(path, "[%s]", id->u.s);
			else
				buf_printf(path, "[%zu]", i);
			walk(w, it, path, around, kind, it->line);
			path->len = keep;
			if (path->s)
				path->s[keep] = '\0';
		}
	}
}

static void units_free(struct walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->u[i].ctx);
	free(w->u);
	w->u = NULL;
	w->n = w->cap = 0;
}

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
		struct walk w = {meta, NULL, 0, 0};
		struct buf path = {0};
		walk(&w, ytree_root(t), &path, NULL, NULL, 1);
		buf_free(&path);
		for (size_t k = 0; k < w.n; k++) {
			const struct unit *u = &w.u[k];
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
		units_free(&w);
		ytree_free(t);
	}
	if (!ok) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

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
			line[n - 1] = '\0';
		bool eof = p >= end;
		p = nl ? nl + 1 : end;
		lineno++;
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
			if (cur.id && cur.str && !cur.obsolete) {
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
	struct walk w;
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
	t->w.meta = meta;
	struct buf path = {0};
	walk(&t->w, ytree_root(t->tree), &path, NULL, NULL, 1);
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
	units_free(&t->w);
	ytree_free(t->tree);
}

static void add_edit(struct target *t, size_t off, size_t end, char *text)
{
	*VEC_PUSH(t->e, t->ne, t->ecap) = (struct edit){off, end, text};
}

/* Writes one translation into unit u of file f. Returns whether anything
 * changed. */
static bool put(struct target *t, const struct po_file *f, const struct unit *u,
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

bool po_import(const char *po, size_t po_len, const char *po_name, struct po_file *files,
               size_t n, const char *guide_name, struct po_meta *meta, char **lang_out,
               struct po_stats *st, struct diags *d)
{
	memset(st, 0, sizeof *st);
	*lang_out = NULL;
	struct po_entry *e;
	size_t ne;
	bool ok = po_parse(po, po_len, po_name, &e, &ne, d);
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
