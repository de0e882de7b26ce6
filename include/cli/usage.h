/* SPDX-License-Identifier: MIT */
/* The program's help and its usage mistakes (usage.c): the exit status of
 * a usage mistake, the one line that follows it, and the whole help. */
#ifndef REMEDIES_CLI_USAGE_H
#define REMEDIES_CLI_USAGE_H

enum { EXIT_USAGE = 2 };

/* The one line after a usage mistake, on stderr; returns EXIT_USAGE. */
int usage_error(void);
/* The whole help on stdout, with the languages of the guide at guide_path
 * (NULL: none named). */
void usage_print_help(const char *guide_path);

#endif
