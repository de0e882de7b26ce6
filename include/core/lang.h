/* SPDX-License-Identifier: MIT */
/* Which language to speak. The rule, the same in README and remedies(1):
 * the first language that the guide has among --lang CODE, else among the
 * entries of LANGUAGE (a GNU priority list such as "pt:es", ignored when the
 * locale is C or POSIX), else the locale (LC_ALL, LC_MESSAGES, LANG: the
 * first one set); otherwise the guide's first language. Codes are matched
 * by language only, in any case: "es", "ES", "es-MX", "es_MX.UTF-8" are all
 * Spanish. No place assumes two languages: every list comes from the
 * guide's `languages`. */
#ifndef REMEDIES_LANG_H
#define REMEDIES_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/guide.h"

enum { LANG_CODE_SIZE = 4, LANG_MAX_ASKED = 16 };

/* The language code of a locale name or language tag: "es_MX.UTF-8",
 * "es-MX", "ES" -> "es"; false for "C", "POSIX", "C.UTF-8", an empty or
 * malformed name. */
bool lang_from_locale(const char *locale, char out[LANG_CODE_SIZE]);
/* The language of the locale (LC_ALL, LC_MESSAGES, LANG: the first one
 * set), false when none is set or it is C/POSIX. */
bool lang_from_env(char out[LANG_CODE_SIZE]);
/* The languages the environment asks for, best first: LANGUAGE's entries
 * (unless the locale is C or POSIX), then the locale's. Returns how many
 * (at most max, duplicates dropped). */
size_t lang_env_list(char out[][LANG_CODE_SIZE], size_t max);

/* The language to use for guide g: `asked` (any spelling lang_from_locale
 * takes) when the guide has it, else the guide's default. *fell_back is set
 * when `asked` was given but is missing. */
const char *lang_choose(const struct guide *g, const char *asked, bool *fell_back);
/* The same for a priority list: the first of asked[0..n) the guide has. */
const char *lang_choose_list(const struct guide *g, const char (*asked)[LANG_CODE_SIZE], size_t n,
                             bool *fell_back);

/* How many languages the guide has: those the wizard switches between (the
 * program's own words fall back to English where msg.h lacks one). */
unsigned lang_count(const struct guide *g);
/* The language after `cur` in the guide's order, wrapping around; `cur`
 * itself when there is no other. Borrowed from the guide. */
const char *lang_next(const struct guide *g, const char *cur);

/* Translation records. A translation's key in a guide, a scenario or
 * messages.yaml is its language, optionally followed by '@' and the short
 * hash of the source-language text it translates: `es@3f9a07c1: "..."`.
 * When the source text changes, its hash no longer matches: the
 * translation is stale (remedies check lists it, po export marks it
 * fuzzy). */
enum { LANG_HASH_LEN = 8 };
/* The short hash of a source text: 8 lowercase hex digits of the 32-bit
 * FNV-1a of its UTF-8 bytes (byte order free), NUL-terminated. */
void lang_source_hash(const char *text, char out[LANG_HASH_LEN + 1]);
/* Splits a key: returns the length of its language part; *src is the hash
 * after '@' (NULL when there is none). *src_ok is false when there is an
 * '@' not followed by exactly LANG_HASH_LEN lowercase hex digits. */
size_t lang_key_split(const char *key, const char **src, bool *src_ok);

#endif
