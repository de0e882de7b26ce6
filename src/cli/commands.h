/* SPDX-License-Identifier: MIT */
/* The commands of the command line (private to src/cli): what main.c
 * parses for them, the table it dispatches through, and the helpers main.c
 * shares with them. Every function here prints its own messages. */
#ifndef REMEDIES_COMMANDS_H
#define REMEDIES_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/guide.h"

enum { EXIT_USAGE = 2 };

struct report_args {
	const char *format, *output;
	const char *case_ref; /* --case: on this report's summary page only */
	bool force, include_answers;
};

/* What the options and operands give a command. */
struct cmd_args {
	char **operands;        /* the words after the command's name */
	size_t noperands;
	const char *guide;      /* -g FILE, else the bundled guide */
	const char *lang_opt, *answers_file, *scenario, *section;
	bool strict, verify, stamp, walk;
	struct report_args ra;
};

/* One command: `remedies NAME [OPERAND]`. */
struct command {
	const char *name;
	int (*run)(const struct cmd_args *a);   /* the exit status */
	const char *usage;      /* for `remedies help NAME`; NULL: none */
	bool any_operands;      /* it checks its operands itself; else at most one */
};
/* Every command, ending with a NULL name. */
extern const struct command cmd_table[];
/* The command called name, or NULL. */
const struct command *cmd_find(const char *name);

/* Prints diagnostics to stderr, one a line, each after prefix. */
void cmd_print_diags(const struct diags *d, bool with_level, const char *prefix);
/* The one line after a usage mistake; returns EXIT_USAGE. */
int cmd_usage_error(void);
/* The whole help on stdout, with the languages of the guide at guide_path. */
void cmd_print_help(const char *guide_path);
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
/* `remedies po export|import` (cmd_po.c). */
int cmd_po(const char *sub, const char *arg, const char *guide_path, const char *lang_opt,
           const struct report_args *ra, bool stamp);

#endif
