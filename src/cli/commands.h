/* SPDX-License-Identifier: MIT */
/* The commands of the command line (private to src/cli): what main.c
 * parses for them and the table it dispatches through. What the commands
 * share with each other and with main.c is cmd_common.h; the help is
 * cli/usage.h. Every command prints its own messages. */
#ifndef REMEDIES_COMMANDS_H
#define REMEDIES_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
