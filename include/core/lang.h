/* Which language to speak: from --lang, else from the environment
 * (LC_ALL, LC_MESSAGES, LANG, the first one set), else the guide's default;
 * a language the guide lacks falls back to the guide's default. */
#ifndef REMEDIES_LANG_H
#define REMEDIES_LANG_H

#include <stdbool.h>

#include "core/guide.h"

/* The language code of a locale name: "es_MX.UTF-8" -> "es", "pt-BR" ->
 * "pt"; false for "C", "POSIX", "C.UTF-8", an empty or malformed name. */
bool lang_from_locale(const char *locale, char out[4]);
/* The same for the environment's locale variables, in POSIX order. */
bool lang_from_env(char out[4]);

/* The language to use for guide g: `asked` when the guide has it, else the
 * guide's default. *fell_back is set when `asked` was given but is missing. */
const char *lang_choose(const struct guide *g, const char *asked, bool *fell_back);

/* How many of the guide's languages the program speaks too (msg.h): the
 * languages the wizard can switch between. */
unsigned lang_count(const struct guide *g);
/* The language after `cur` among those, in the guide's order, wrapping
 * around; `cur` itself when there is no other. Borrowed from the guide. */
const char *lang_next(const struct guide *g, const char *cur);

#endif
