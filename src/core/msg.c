/* SPDX-License-Identifier: MIT */
#include "core/msg.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "core/yaml.h"
#include "core/util.h"

/* guide/messages.yaml, turned into C string lines at build time (see the
 * Makefile), so the program needs no file at run time and translators never
 * touch C. */
static const char *const source[] = {
#include "messages.inc"
};

static const char *const names[M_COUNT] = {
#define X(name) #name,
	MSG_IDS(X)
#undef X
};

enum { MAX_LANGS = 8 };

static struct {
	bool loaded;
	struct ytree *tree;
	const char *langs[MAX_LANGS];
	unsigned nlangs;
	const char *text[M_COUNT][MAX_LANGS];
	const char *src[M_COUNT][MAX_LANGS]; /* hash of the English it translates, or NULL */
	unsigned line[M_COUNT], col[M_COUNT];
	struct diags problems;
} table;

static int lang_index(const char *lang, bool add)
{
	for (unsigned i = 0; i < table.nlangs; i++)
		if (strcmp(table.langs[i], lang) == 0)
			return (int)i;
	if (!add || table.nlangs == MAX_LANGS)
		return -1;
	table.langs[table.nlangs] = lang;
	return (int)table.nlangs++;
}

/* ASCII only, whatever the locale: strcasecmp() follows LC_CTYPE, and in
 * a Turkish locale 'I' and 'i' are not a pair, so every id with an I was
 * not found (the wizard showed DISCLAIMER, K_QUIT...). */
static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool ascii_caseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
			return false;
	return *a == *b;
}

static int id_of(const char *key)
{
	for (int i = 0; i < M_COUNT; i++)
		if (ascii_caseeq(names[i], key))
			return i;
	return -1;
}

static void load(void)
{
	table.loaded = true;
	struct buf b = {0};
	for (size_t i = 0; i < sizeof source / sizeof *source; i++)
		buf_adds(&b, source[i]);
	table.tree = ytree_parse(b.s ? b.s : "", b.len, "guide/messages.yaml", NULL,
	                         &table.problems);
	buf_free(&b);
	const struct ynode *top = table.tree ? ytree_root(table.tree) : NULL;
	if (!top || top->kind != Y_MAP)
		return;
	lang_index("en", true);
	for (size_t i = 0; i < top->n; i++) {
		const struct ynode *k = &top->u.kids[2 * i], *v = &top->u.kids[2 * i + 1];
		int id = k->kind == Y_SCALAR ? id_of(k->u.s) : -1;
		if (id < 0) {
			diag_error(&table.problems, "guide/messages.yaml", k->line, k->col,
			           "unknown message '%s'", k->kind == Y_SCALAR ? k->u.s : "?");
			continue;
		}
		table.line[id] = k->line;
		table.col[id] = k->col;
		if (v->kind != Y_MAP)
			continue;
		for (size_t j = 0; j < v->n; j++) {
			const struct ynode *lk = &v->u.kids[2 * j], *lv = &v->u.kids[2 * j + 1];
			if (lk->kind != Y_SCALAR || lv->kind != Y_SCALAR)
				continue;
			/* "es@3f9a07c1": Spanish, with the hash of the English it
			 * translates (lang.h). The tree is ours: cut the key at '@'. */
			const char *src;
			bool src_ok;
			size_t len = lang_key_split(lk->u.s, &src, &src_ok);
			if (!src_ok)
				diag_error(&table.problems, "guide/messages.yaml", lk->line, lk->col,
				           "'%s': after '@' comes the hash of the text it translates", lk->u.s);
			lk->u.s[len] = '\0';
			int l = lang_index(lk->u.s, true);
			if (l >= 0) {
				table.text[id][l] = lv->u.s;
				table.src[id][l] = src && src_ok ? src : NULL;
			}
		}
	}
}

const char *msg(const char *lang, enum msg_id id)
{
	if ((int)id < 0 || id >= M_COUNT)
		return "";
	if (!table.loaded)
		load();
	int l = lang ? lang_index(lang, false) : -1;
	if (l >= 0 && table.text[id][l])
		return table.text[id][l];
	return table.text[id][0] ? table.text[id][0] : names[id];
}

int msg_has_language(const char *lang)
{
	if (!table.loaded)
		load();
	return lang && lang_index(lang, false) >= 0;
}

int msg_translated(const char *lang, enum msg_id id)
{
	if ((int)id < 0 || id >= M_COUNT || !msg_has_language(lang))
		return 0;
	const char *t = table.text[id][lang_index(lang, false)];
	return t && *t;
}

/* The conversions (%s, %d, %zu...) of a format, in order. */
static void conversions(const char *s, struct buf *out)
{
	for (const char *p = strchr(s, '%'); p; p = strchr(p, '%')) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		size_t n = strspn(p, "-+ #0123456789.*lhjzt");
		buf_add(out, p, n + (p[n] ? 1 : 0));
		buf_addc(out, ';');
	}
}

/* A message's key in messages.yaml: its id in lower case. */
static const char *msg_key(int id)
{
	static char key[64];
	size_t i = 0;
	for (; names[id][i] && i < sizeof key - 1; i++)
		key[i] = (char)ascii_lower((unsigned char)names[id][i]);
	key[i] = '\0';
	return key;
}

size_t msg_check(struct diags *d)
{
	if (!table.loaded)
		load();
	size_t before = d->errors;
	for (size_t i = 0; i < table.problems.n; i++)
		diags_add(d, table.problems.v[i].level, table.problems.v[i].file,
		          table.problems.v[i].line, table.problems.v[i].col, "%s",
		          table.problems.v[i].msg);
	for (int id = 0; id < M_COUNT; id++) {
		struct buf want = {0};
		if (table.text[id][0])
			conversions(table.text[id][0], &want);
		for (unsigned l = 0; l < table.nlangs; l++) {
			if (!table.text[id][l]) {
				/* A translation under way: the English stands in, so it is
				 * a warning, and a partial translation can be merged (the
				 * bundled languages are checked whole in test_lang.c). */
				diag_warn(d, "guide/messages.yaml", table.line[id], table.col[id],
				          "message '%s' has no '%s' text yet", msg_key(id), table.langs[l]);
				continue;
			}
			char now[LANG_HASH_LEN + 1];
			lang_source_hash(table.text[id][0] ? table.text[id][0] : "", now);
			if (table.src[id][l] && strcmp(table.src[id][l], now) != 0)
				diag_warn(d, "guide/messages.yaml", table.line[id], table.col[id],
				          "the '%s' text of message '%s' is stale: it translates an earlier "
				          "English text", table.langs[l], msg_key(id));
			struct buf got = {0};
			conversions(table.text[id][l], &got);
			if (strcmp(got.s ? got.s : "", want.s ? want.s : "") != 0)
				diag_error(d, "guide/messages.yaml", table.line[id], table.col[id],
				           "the '%s' text of message '%s' does not keep the placeholders "
				           "(%%s, %%d...) of the English", table.langs[l], msg_key(id));
			buf_free(&got);
		}
		buf_free(&want);
	}
	return d->errors - before;
}

char *msg_source_text(size_t *len)
{
	struct buf b = {0};
	for (size_t i = 0; i < sizeof source / sizeof *source; i++)
		buf_adds(&b, source[i]);
	*len = b.len;
	return b.s ? buf_take(&b) : xstrdup("");
}

void msg_free(void)
{
	ytree_free(table.tree);
	diags_free(&table.problems);
	memset(&table, 0, sizeof table);
}

const char *msg_endonym(const char *code)
{
	if (!code)
		return "";
	if (msg_translated(code, M_LANG_NAME))
		return msg(code, M_LANG_NAME);
	/* Languages that legal-aid guides in the U.S. are often written in:
	 * each one's own name for itself, so a language the program does not
	 * speak yet is still named for its readers. */
	static const char *const names[][2] = {
		{"ar", "العربية"}, {"en", "English"}, {"es", "español"}, {"fa", "فارسی"},
		{"fr", "français"}, {"ht", "Kreyòl ayisyen"}, {"hi", "हिन्दी"}, {"ko", "한국어"},
		{"pt", "português"}, {"ru", "русский"}, {"so", "Soomaali"}, {"tl", "Tagalog"},
		{"uk", "українська"}, {"vi", "Tiếng Việt"}, {"zh", "中文"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i][0], code) == 0)
			return names[i][1];
	return code;
}

char *msg_lang_names(const struct guide *g)
{
	struct buf b = {0};
	for (unsigned i = 0; i < g->nlanguages; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", msg_endonym(g->languages[i]));
	return b.s ? buf_take(&b) : xstrdup("");
}
