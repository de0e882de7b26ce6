/* SPDX-License-Identifier: MIT */
/* What the commands of the command line share (cmd_common.h): printing a
 * guide's diagnostics, choosing the language, loading a guide to run,
 * finding scenario files, writing a result where asked. */
#include "cmd_common.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/check.h"
#include "core/guide_load.h"
#include "core/fileio.h"
#include "core/lang.h"
#include "core/text.h"
#include "core/util.h"

void cmd_print_diags(const struct diags *d, bool with_level, const char *prefix)
{
	for (size_t i = 0; i < d->n; i++) {
		char *line = diag_format(&d->v[i], with_level);
		char *safe = text_sanitize(line, false, false);
		fprintf(stderr, "%s%s\n", prefix, safe);
		free(safe);
		free(line);
	}
	if (d->dropped)
		fprintf(stderr, "%s%zu more problems not shown\n", prefix, d->dropped);
}

/* The language asked for by --lang or the environment (lang.h has the
 * rule), or the guide's first. A notice goes to stderr once when the guide
 * has none of the languages asked for. */
const char *cmd_pick_language(const struct guide *g, const char *lang_opt)
{
	char asked[LANG_MAX_ASKED][LANG_CODE_SIZE];
	size_t n = 0;
	bool fell_back;
	const char *lang;
	if (lang_opt) {
		lang = lang_choose(g, lang_opt, &fell_back);
	} else {
		n = lang_env_list(asked, LANG_MAX_ASKED);
		lang = lang_choose_list(g, (const char (*)[LANG_CODE_SIZE])asked, n, &fell_back);
	}
	/* English asked of a guide without it is not worth a notice from the
	 * environment; an explicit --lang always is. */
	if (fell_back && (lang_opt || strcmp(asked[0], "en") != 0)) {
		char *safe = text_sanitize(lang_opt ? lang_opt : asked[0], false, true);
		fprintf(stderr, "remedies: this guide has no '%s' version; using '%s'\n", safe, lang);
		free(safe);
	}
	return lang;
}

/* Loads and checks a guide for running: errors are fatal, warnings are the
 * author's business (remedies check shows them). */
struct guide *cmd_load_guide(const char *path)
{
	struct diags d = {0};
	struct guide *g = guide_load(path, &d);
	if (g) {
		struct check_summary sum;
		struct diags cd = {0};
		guide_check(g, NULL, &cd, &sum);
		check_summary_free(&sum);
		if (cd.errors) {
			for (size_t i = 0; i < cd.n; i++)
				if (cd.v[i].level == DIAG_ERROR)
					diags_add(&d, DIAG_ERROR, cd.v[i].file, cd.v[i].line, cd.v[i].col, "%s",
					          cd.v[i].msg);
			guide_free(g);
			g = NULL;
		}
		diags_free(&cd);
	}
	if (!g) {
		cmd_print_diags(&d, false, "remedies: ");
		char *safe = text_sanitize(path, false, false);
		fprintf(stderr, "remedies: the guide cannot be used; 'remedies check %s' lists every "
		        "problem\n", safe);
		free(safe);
	}
	diags_free(&d);
	return g;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The scenario files in the folder `scenarios` beside the guide, sorted.
 * Returns how many; *out is a new array of new strings. */
size_t cmd_scenario_files(const char *guide_path, char ***out)
{
	char *dir = xstrdup(guide_path);
	char *slash = strrchr(dir, '/');
	char *sdir = slash ? (*slash = '\0', xasprintf("%s/scenarios", dir)) : xstrdup("scenarios");
	size_t n = 0, cap = 0;
	*out = NULL;
	DIR *d = opendir(sdir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0)
			*VEC_PUSH(*out, n, cap) = xasprintf("%s/%s", sdir, e->d_name);
	}
	if (d)
		closedir(d);
	if (n)
		qsort(*out, n, sizeof **out, cmp_str);
	free(sdir);
	free(dir);
	return n;
}

int cmd_write_output(const char *output, const char *text, bool force)
{
	if (!output || strcmp(output, "-") == 0) {
		fputs(text, stdout);
		if (fflush(stdout) == 0 && !ferror(stdout))
			return 0;
		fprintf(stderr, "remedies: cannot write the output: %s\n", strerror(errno));
		return 1;
	}
	struct diags d = {0};
	enum fileio_status st = fileio_write(output, text, strlen(text), force, &d);
	if (st == FILEIO_EXISTS) {
		char *safe = text_sanitize(output, false, false);
		struct stat sb;
		if (stat(output, &sb) == 0 && !S_ISREG(sb.st_mode))
			fprintf(stderr, "remedies: %s is not a regular file (a device, a FIFO or a "
			        "socket); nothing was written (use --force to write to it)\n", safe);
		else
			fprintf(stderr, "remedies: %s already exists; nothing was written (use --force "
			        "to replace it)\n", safe);
		free(safe);
	}
	cmd_print_diags(&d, false, "remedies: ");
	diags_free(&d);
	return st == FILEIO_OK ? 0 : 1;
}

/* The scenario file for --scenario: FILE as given when it names a file,
 * else NAME.yaml (or a unique NN-NAME.yaml) in the scenarios folder beside
 * the guide. Returns a new string, or NULL with a message printed. */
char *cmd_find_scenario(const char *arg, const char *guide_path)
{
	if (strchr(arg, '/') || access(arg, F_OK) == 0)
		return xstrdup(arg);
	char **files;
	size_t n = cmd_scenario_files(guide_path, &files);
	char *want = xasprintf("%s.yaml", arg), *found = NULL;
	size_t len = strlen(arg), matches = 0;
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(files[i], '/') + 1;
		const char *dash = strchr(base, '-');
		bool exact = strcmp(base, want) == 0;
		/* "foia-no-answer" for 05-foia-no-answer.yaml, or just "05". */
		bool near = (dash && strcmp(dash + 1, want) == 0) ||
		            (strncmp(base, arg, len) == 0 && base[len] == '-');
		if (exact || near) {
			free(found);
			found = xstrdup(files[i]);
			matches = exact ? 0 : matches + 1;
			if (exact)
				break;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(want);
	if (!found || matches > 1) {
		char *safe = text_sanitize(arg, false, false);
		fprintf(stderr, "remedies: %s scenario '%s'; 'remedies scenarios' lists them\n",
		        found ? "more than one" : "no", safe);
		free(safe);
		free(found);
		return NULL;
	}
	return found;
}
