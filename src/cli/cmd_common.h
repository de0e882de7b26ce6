/* SPDX-License-Identifier: MIT */
/* What the commands of the command line share with each other and with
 * main.c (cmd_common.c), private to src/cli. Every function here prints its
 * own messages to stderr. */
#ifndef REMEDIES_CMD_COMMON_H
#define REMEDIES_CMD_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/guide.h"

/* Prints diagnostics to stderr, one a line, each after prefix. */
void cmd_print_diags(const struct diags *d, bool with_level, const char *prefix);
/* The language to use for g: --lang (lang_opt, may be NULL) or the
 * environment, else the guide's first; a notice on stderr on a fallback. */
const char *cmd_pick_language(const struct guide *g, const char *lang_opt);
/* Loads and checks a guide for running: NULL with messages printed when it
 * has an error. */
struct guide *cmd_load_guide(const char *path);
/* The scenario files beside the guide, in name order: a new array of new
 * strings. */
size_t cmd_scenario_files(const char *guide_path, char ***out);
/* The file for --scenario NAME|FILE: a new string, or NULL with a message. */
char *cmd_find_scenario(const char *arg, const char *guide_path);
/* Writes text to output (stdout for NULL or "-"), 0600 and atomically, and
 * never over an existing file unless force. 0, or 1 with a message. */
int cmd_write_output(const char *output, const char *text, bool force);

#endif
