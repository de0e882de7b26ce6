/* SPDX-License-Identifier: MIT */
#include "core/lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

bool lang_from_locale(const char *v, char out[LANG_CODE_SIZE])
{
	if (!v || !*v || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0)
		return false;
	size_t k = strcspn(v, "_.@-");
	if (k < 2 || k > 3)
		return false;
	for (size_t i = 0; i < k; i++) {
		if (!isalpha((unsigned char)v[i]))
			return false;
		/* ASCII, not tolower(): in a Turkish locale 'I' is not 'i' */
		out[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] - 'A' + 'a' : v[i]);
	}
	out[k] = '\0';
	return true;
}

/* The locale that decides messages: the first of LC_ALL, LC_MESSAGES, LANG
 * that is set and not empty, or NULL. */
static const char *messages_locale(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

bool lang_from_env(char out[LANG_CODE_SIZE])
{
	return lang_from_locale(messages_locale(), out);
}

static size_t add_unique(char out[][LANG_CODE_SIZE], size_t n, size_t max,
                         const char code[LANG_CODE_SIZE])
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(out[i], code) == 0)
			return n;
	if (n < max)
		memcpy(out[n++], code, LANG_CODE_SIZE);
	return n;
}

size_t lang_env_list(char out[][LANG_CODE_SIZE], size_t max)
{
	size_t n = 0;
	const char *loc = messages_locale();
	/* GNU gettext: LANGUAGE counts unless the locale is C/POSIX, which
	 * asks for untranslated messages. */
	bool c_locale = loc && (strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
	                        strncmp(loc, "C.", 2) == 0);
	const char *list = getenv("LANGUAGE");
	if (list && !c_locale) {
		for (const char *p = list; *p;) {
			size_t len = strcspn(p, ":");
			char item[32], code[LANG_CODE_SIZE];
			if (len < sizeof item) {
				memcpy(item, p, len);
				item[len] = '\0';
				if (lang_from_locale(item, code))
					n = add_unique(out, n, max, code);
			}
			p += len + (p[len] == ':');
		}
	}
	char code[LANG_CODE_SIZE];
	if (lang_from_locale(loc, code))
		n = add_unique(out, n, max, code);
	return n;
}

const char *lang_choose_list(const struct guide *g, const char (*asked)[LANG_CODE_SIZE], size_t n,
                             bool *fell_back)
{
	*fell_back = false;
	for (size_t k = 0; k < n; k++)
		for (unsigned i = 0; i < g->nlanguages; i++)
			if (strcmp(g->languages[i], asked[k]) == 0)
				return g->languages[i];
	*fell_back = n > 0;
	return g->languages[0];
}

const char *lang_choose(const struct guide *g, const char *asked, bool *fell_back)
{
	char code[1][LANG_CODE_SIZE];
	if (!asked || !*asked) {
		*fell_back = false;
		return g->languages[0];
	}
	if (!lang_from_locale(asked, code[0])) {
		*fell_back = true;
		return g->languages[0];
	}
	return lang_choose_list(g, (const char (*)[LANG_CODE_SIZE])code, 1, fell_back);
}

unsigned lang_count(const struct guide *g)
{
	return g->nlanguages;
}

const char *lang_next(const struct guide *g, const char *cur)
{
	unsigned at = 0;
	for (unsigned i = 0; i < g->nlanguages; i++)
		if (cur && strcmp(g->languages[i], cur) == 0)
			at = i;
	return g->nlanguages > 1 ? g->languages[(at + 1) % g->nlanguages] : cur;
}

void lang_source_hash(const char *text, char out[LANG_HASH_LEN + 1])
{
	unsigned long h = 2166136261UL; /* 32-bit FNV-1a, in unsigned long arithmetic */
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		h = ((h ^ *p) * 16777619UL) & 0xFFFFFFFFUL;
	static const char hex[] = "0123456789abcdef";
	for (int i = LANG_HASH_LEN - 1; i >= 0; i--, h >>= 4)
		out[i] = hex[h & 15];
	out[LANG_HASH_LEN] = '\0';
}

size_t lang_key_split(const char *key, const char **src, bool *src_ok)
{
	const char *at = strchr(key, '@');
	*src = NULL;
	*src_ok = true;
	if (!at)
		return strlen(key);
	*src = at + 1;
	size_t n = strspn(at + 1, "0123456789abcdef");
	*src_ok = n == LANG_HASH_LEN && at[1 + n] == '\0';
	return (size_t)(at - key);
}

