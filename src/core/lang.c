#include "core/lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"

bool lang_from_locale(const char *v, char out[4])
{
	if (!v || !*v || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0)
		return false;
	size_t k = strcspn(v, "_.@-");
	if (k < 2 || k > 3)
		return false;
	for (size_t i = 0; i < k; i++) {
		if (!isalpha((unsigned char)v[i]))
			return false;
		out[i] = (char)tolower((unsigned char)v[i]);
	}
	out[k] = '\0';
	return true;
}

bool lang_from_env(char out[4])
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return lang_from_locale(v, out); /* the first one set decides */
	}
	return false;
}

const char *lang_choose(const struct guide *g, const char *asked, bool *fell_back)
{
	*fell_back = false;
	if (asked && *asked) {
		for (unsigned i = 0; i < g->nlanguages; i++)
			if (strcmp(g->languages[i], asked) == 0)
				return g->languages[i];
		*fell_back = true;
	}
	return g->languages[0];
}

unsigned lang_count(const struct guide *g)
{
	unsigned n = 0;
	for (unsigned i = 0; i < g->nlanguages; i++)
		n += msg_has_language(g->languages[i]) != 0;
	return n;
}

const char *lang_next(const struct guide *g, const char *cur)
{
	unsigned at = 0;
	for (unsigned i = 0; i < g->nlanguages; i++)
		if (cur && strcmp(g->languages[i], cur) == 0)
			at = i;
	for (unsigned k = 1; k <= g->nlanguages; k++) {
		const char *l = g->languages[(at + k) % g->nlanguages];
		if (msg_has_language(l))
			return l;
	}
	return cur;
}
