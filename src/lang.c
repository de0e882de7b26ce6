#include "lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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
