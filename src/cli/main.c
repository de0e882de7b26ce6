/* remedies: command line, guide discovery, language choice, and which front
 * end runs. The only place that prints diagnostics and decides exit codes. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/answers.h"
#include "core/coverage.h"
#include "core/calendar.h"
#include "core/check.h"
#include "core/deadline.h"
#include "core/desk.h"
#include "core/diag.h"
#include "core/fileio.h"
#include "core/guide.h"
#include "core/lang.h"
#include "core/dot.h"
#include "core/msg.h"
#include "core/po.h"
#include "cli/paths.h"
#include "cli/plain.h"
#include "core/report.h"
#include "core/session.h"
#include "core/text.h"
#include "ui/term.h"
#include "core/util.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif

enum { EXIT_USAGE = 2 };
/* Long options without a short one. */
enum { OPT_DESK = 0x100, OPT_IDLE, OPT_DESK_FOLDER, OPT_VOLUNTEER };

static void print_diags(const struct diags *d, bool with_level, const char *prefix)
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

/* The one line that follows a usage mistake (GNU: not the whole help). */
static int usage_error(void)
{
	fputs("Try 'remedies --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/* `remedies help COMMAND`: that command's synopsis and options. */
static const struct {
	const char *name, *text;
} command_help[] = {
	{"check", "Usage: remedies check [--strict] [GUIDE]\n"
	          "Validate a guide and print every problem as FILE:LINE:COL: LEVEL: message,\n"
	          "then a summary with each language's share of translated (and stale) texts.\n"
	          "  -s, --strict   warnings (stale translations too) count as errors\n"},
	{"paths", "Usage: remedies paths [GUIDE]\n"
	          "Print every path from the first question to each result.\n"},
	{"scenarios", "Usage: remedies scenarios [--check] [-l CODE] [-g GUIDE | GUIDE]\n"
	              "List the trainer scenarios in the folder scenarios/ beside the guide.\n"
	              "  -c, --check    replay each one and check the remedies it must and must\n"
	              "                 not give\n"},
	{"report", "Usage: remedies report --answers FILE [--format txt|md|html|ics] [-o FILE]\n"
	           "                       [--force] [--include-answers] [-l CODE] [-g GUIDE | GUIDE]\n"
	           "Write the remedies for an answers file, for the client file.\n"
	           "  -f, --format FORMAT  txt (default), md, html or ics (the deadlines, for\n"
	           "                       a calendar)\n"
	           "  -o, --output FILE    write to FILE (mode 0600) instead of stdout\n"
	           "      --force          replace FILE if it exists\n"
	           "      --include-answers  list every question and answer\n"
	           "      --case REF       a case or intake number, on the summary page of this\n"
	           "                       report only (it is saved nowhere else)\n"},
	{"dot", "Usage: remedies dot [--answers FILE | --scenario NAME] [--walk] [--section NAME]\n"
	        "                    [-l CODE] [-g GUIDE | GUIDE]\n"
	        "Print the guide as a Graphviz graph with a title and a legend (dot -Tsvg makes\n"
	        "a picture); the path of the answers or scenario is highlighted.\n"
	        "      --section NAME  only this section of questions (e.g. Where)\n"
	        "      --walk          only the walk of the answers or scenario\n"},
	{"coverage", "Usage: remedies coverage [-g GUIDE] [SCENARIO...]\n"
	             "Replay the answers files given (by default the scenarios beside the guide)\n"
	             "and list every question, choice, remedy and conditional item that none of\n"
	             "them reaches, as FILE:LINE:COL. Exit 1 when a choice or a remedy is never\n"
	             "reached.\n"},
	{"deadline", "Usage: remedies deadline FROM PERIOD\n"
	             "Print the day a period ends and the days left from today.\n"
	             "  FROM    YYYY-MM-DD, YYYY-MM or YYYY (a month or a year counts from its\n"
	             "          first day)\n"
	             "  PERIOD  30d (days), 90wd (federal working days), 6m (months), 2y (years)\n"},
	{"po", "Usage: remedies po export --lang CODE [-o FILE] [-g GUIDE | GUIDE]\n"
	       "       remedies po import [--stamp] FILE [-g GUIDE]\n"
	       "export: a gettext PO file of every translatable text of the guide, its\n"
	       "scenarios and the program's messages, for Poedit, Weblate or any PO editor\n"
	       "(msgctxt: where the text lives; fuzzy: the source changed since).\n"
	       "import: writes the translations of FILE (its Language header) back into\n"
	       "the YAML files, changing nothing else; fuzzy and empty entries are skipped.\n"
	       "  -o, --output FILE  write the PO file there (mode 0600) instead of stdout\n"
	       "      --stamp        also record the source of unchanged translations that\n"
	       "                     have no record yet (after a review)\n"},
};

static void usage(FILE *f, const char *langs)
{
	fputs("Usage: remedies [OPTION]...\n"
	      "       remedies check [--strict] [GUIDE]\n"
	      "       remedies paths [GUIDE]\n"
	      "       remedies scenarios [--check] [GUIDE]\n"
	      "       remedies coverage [-g GUIDE] [SCENARIO...]\n"
	      "       remedies report --answers FILE [--format txt|md|html|ics] [-o FILE]\n"
	      "       remedies dot [GUIDE] [--answers FILE | --scenario NAME] [--walk]\n"
	      "                    [--section NAME]\n"
	      "       remedies deadline FROM PERIOD\n"
	      "       remedies po export --lang CODE [-o FILE] [GUIDE]\n"
	      "       remedies po import [--stamp] FILE [-g GUIDE]\n"
	      "       remedies help [COMMAND]\n"
	      "Find the legal remedies available when U.S. Customs and Border Protection\n"
	      "collects, keeps, shares or misuses biometrics. Legal information, not legal advice.\n"
	      "\n"
	      "  -g, --guide FILE     use this guide instead of the bundled one\n", f);
	fprintf(f, "  -l, --lang CODE      language of the questions (%s)\n", langs);
	fputs("  -p, --plain          line-by-line mode (for pipes and screen readers)\n"
	      "  -a, --answers FILE   replay (resume) the answers saved in FILE\n"
	      "      --scenario NAME|FILE  trainer demo: play a scenario step by step\n"
	      "                       (NAME: a file NAME.yaml in the scenarios folder)\n"
	      "      --volunteer      the volunteer view: help folded, a compact results list\n"
	      "      --desk           intake desk: wipe after idle time, F12 wipes, files only\n"
	      "                       in the desk folder, leaving needs Ctrl-X Ctrl-Q\n"
	      "      --idle TIME      with --desk: idle time before the wipe (600, 90s, 10m)\n"
	      "      --desk-folder DIR  with --desk: the one folder files may be saved in\n"
	      "  -s, --strict         with check: warnings count as errors too\n"
	      "  -c, --check          with scenarios: replay and verify each one\n"
	      "  -f, --format FORMAT  with report: txt (default), md, html or ics\n"
	      "  -o, --output FILE    with report: write to FILE (mode 0600) instead of stdout\n"
	      "      --force          with report: replace FILE if it exists\n"
	      "      --include-answers  with report: list every question and answer\n"
	      "      --case REF       with report: a case or intake number for its first page\n"
	      "      --section NAME   with dot: draw one section of questions only\n"
	      "      --walk           with dot: draw only the walk of --answers or --scenario\n"
	      "  -h, --help           show this help and exit\n"
	      "  -V, --version        show the version and exit\n"
	      "\n"
	      "Commands:\n"
	      "  check   validate a guide and print every problem as FILE:LINE:COL\n"
	      "  paths   print every path from the first question to each result\n"
	      "  scenarios  list the trainer scenarios beside the guide; with --check,\n"
	      "          replay each and check the remedies it must and must not give\n"
	      "  report  write the remedies for an answers file, for the client file\n"
	      "  coverage  list every question, choice, remedy and conditional item that\n"
	      "          no scenario (or no answers file given) reaches\n"
	      "  dot     print the guide as a Graphviz graph (dot -Tsvg makes a picture)\n"
	      "  deadline  the day a period ends: FROM is YYYY-MM-DD, YYYY-MM or YYYY (a\n"
	      "          vague date counts from its earliest day); PERIOD is 30d (days),\n"
	      "          90wd (federal working days), 6m (months) or 2y (years)\n"
	      "  po      export a gettext PO file of every text for translators, or import\n"
	      "          one back into the guide, its scenarios and messages.yaml\n"
	      "  help    this help, or one command's\n"
	      "\n"
	      "Exit status: 0 success, 1 a problem with a file or the input, 2 usage error,\n"
	      "70 out of memory, 128+N when the wizard is ended by signal N.\n"
	      "See remedies(1) and remedies-guide(5).\n", f);
}

/* The bundled guide: for the installed program, where `make install` put
 * it; for one built in a source tree, the tree's; otherwise BIN/../share
 * (a moved installation) or the built-in folder. Returns a new string. */
static char *default_guide(void)
{
	char *datadir = xasprintf("%s/remedies/remedies.yaml", paths_datadir);
	if (paths_installed && access(datadir, R_OK) == 0)
		return datadir;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* An installed tree: BIN/../share/remedies, wherever it was moved. */
		char *installed = xasprintf("%.*s/../share/remedies/remedies.yaml",
		                            (int)(strrchr(exe, '/') ? strrchr(exe, '/') - exe : 0), exe);
		if (access(installed, R_OK) == 0) {
			/* Named without "bin/..": messages show /usr/share/... */
			char *real = realpath(installed, NULL);
			free(datadir);
			if (real) {
				free(installed);
				return real;
			}
			return installed;
		}
		free(installed);
		/* The binary's folder and two above it: ./remedies, and the
		 * sanitizer build in build/asan/. */
		char *slash;
		for (int up = 0; up < 3 && (slash = strrchr(exe, '/')) != NULL; up++) {
			*slash = '\0';
			char *p = xasprintf("%s/guide/remedies.yaml", exe);
			if (access(p, R_OK) == 0) {
				free(datadir);
				return p;
			}
			free(p);
		}
	}
	return datadir;
}

/* The language asked for by --lang or the environment (lang.h has the
 * rule), or the guide's first. A notice goes to stderr once when the guide
 * has none of the languages asked for. */
static const char *pick_language(const struct guide *g, const char *lang_opt)
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

static size_t output_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col > 100 ? 99 : (size_t)ws.ws_col - 1;
	return REPORT_WIDTH;
}

/* Loads and checks a guide for running: errors are fatal, warnings are the
 * author's business (remedies check shows them). */
static struct guide *load_for_run(const char *path)
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
		print_diags(&d, false, "remedies: ");
		char *safe = text_sanitize(path, false, false);
		fprintf(stderr, "remedies: the guide cannot be used; 'remedies check %s' lists every "
		        "problem\n", safe);
		free(safe);
	}
	diags_free(&d);
	return g;
}

static int cmd_check(const char *path, bool strict)
{
	struct diags d = {0};
	struct guide *g = guide_load(path, &d);
	char *summary = NULL;
	if (g) {
		struct check_summary sum;
		struct check_options o = {getenv("REMEDIES_TODAY")};
		guide_check(g, &o, &d, &sum);
		summary = check_summary_format(g, &sum);
		check_summary_free(&sum);
	}
	print_diags(&d, true, "");
	if (summary) {
		char *safe = text_sanitize(summary, false, false);
		printf("%s; %zu %s, %zu %s\n", safe, d.errors, d.errors == 1 ? "error" : "errors",
		       d.warnings, d.warnings == 1 ? "warning" : "warnings");
		free(safe);
	} else {
		char *safe = text_sanitize(path, false, false);
		printf("%s: cannot be loaded; %zu %s\n", safe, d.errors,
		       d.errors == 1 ? "error" : "errors");
		free(safe);
	}
	free(summary);
	int rc = d.errors || (strict && d.warnings) ? 1 : 0;
	diags_free(&d);
	guide_free(g);
	return rc;
}

static void print_path(const char *path, int result, void *arg)
{
	(void)result;
	(void)arg;
	char *safe = text_sanitize(path, false, false);
	puts(safe);
	free(safe);
}

static int cmd_paths(const char *path)
{
	struct guide *g = load_for_run(path);
	if (!g)
		return 1;
	/* Bounded in paths and in bytes: 100,000 paths of a chain of 10,000
	 * questions would be about 10 GB. */
	enum { MAX_PATHS = 100000, MAX_OUTPUT = 64 << 20 };
	unsigned char *reached = xcalloc(g->nnodes + 1, 1);
	bool cut;
	size_t n = guide_each_path_within(g, MAX_PATHS, MAX_OUTPUT, print_path, NULL, reached, &cut);
	unsigned results = 0, hit = 0;
	for (unsigned i = 0; i < g->nnodes; i++)
		if (g->nodes[i].kind == NODE_RESULT) {
			results++;
			hit += reached[i];
		}
	if (cut)
		printf("(stopped after %zu paths: the output limit is %d MiB)\n", n, MAX_OUTPUT >> 20);
	else if (n > MAX_PATHS)
		printf("(stopped after %d paths)\n", MAX_PATHS);
	else
		printf("%zu paths; %u of %u results reached\n", n, hit, results);
	free(reached);
	guide_free(g);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The scenario files in the folder `scenarios` beside the guide, sorted.
 * Returns how many; *out is a new array of new strings. */
static size_t scenario_files(const char *guide_path, char ***out)
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

/* The first sentence of a scenario's story, indented under its title. */
static void print_story(const char *story)
{
	char *safe = text_sanitize(story, false, false);
	for (char *p = safe; *p; p++)
		if (*p == '\n')
			*p = ' ';
	char *end = strstr(safe, ". ");
	if (end)
		end[1] = '\0';
	struct buf b = {0};
	report_wrap(&b, safe, 6, 6, REPORT_WIDTH);
	fputs(b.s ? b.s : "", stdout);
	buf_free(&b);
	free(safe);
}

/* Lists the scenarios with their titles, or (verify) replays each strictly
 * and checks its expect/forbid lists. */
static int cmd_scenarios(const char *path, const char *lang_opt, bool verify)
{
	struct guide *g = load_for_run(path);
	if (!g)
		return 1;
	const char *lang = pick_language(g, lang_opt);
	char **files;
	size_t n = scenario_files(path, &files);
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		struct diags d = {0};
		struct answers *a = answers_load(files[i], g, &d);
		if (a && answers_match_guide(a, g, &d)) {
			struct session *s = session_new(g);
			answers_replay(a, s, true, &d);
			if (verify && !d.errors && !session_finished(s))
				diag_error(&d, files[i], 0, 0, "the answers end before the walk does (at '%s')",
				           session_node(s)->id);
			if (verify && !d.errors)
				answers_check_expectations(a, s, &d);
			session_free(s);
		}
		const char *base = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
		char *title = text_sanitize(a && a->title.n ? guide_str(g, &a->title, lang) : "", false,
		                            false);
		char *name = text_sanitize(base, false, false);
		if (d.errors) {
			bad++;
			print_diags(&d, true, "");
		} else {
			printf("%s%-28.*s %s\n", verify ? "ok   " : "", (int)(strlen(name) - 5), name, title);
			if (!verify && a && a->story.n)
				print_story(guide_str(g, &a->story, lang));
		}
		free(title);
		free(name);
		diags_free(&d);
		answers_free(a);
		free(files[i]);
	}
	free(files);
	if (verify)
		printf("%zu passed, %zu failed\n", n - bad, bad);
	guide_free(g);
	return bad ? 1 : 0;
}

/* `remedies coverage [SCENARIO...]`: replays the answers files given (by
 * default the scenarios beside the guide) and lists every question, choice,
 * remedy and conditional item none of them reaches. Exit 1 when a remedy or
 * a choice is never reached (a conditional item never shown is listed but
 * does not fail: it may need a situation no scenario has yet). */
static int cmd_coverage(const char *path, char **given, size_t ngiven)
{
	struct guide *g = load_for_run(path);
	if (!g)
		return 1;
	char **files = given;
	size_t n = ngiven;
	if (!n)
		n = scenario_files(path, &files);
	struct coverage *c = coverage_new(g);
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		struct diags d = {0};
		struct answers *a = answers_load(files[i], g, &d);
		if (a && answers_match_guide(a, g, &d)) {
			struct session *s = session_new(g);
			answers_replay(a, s, true, &d);
			if (!d.errors)
				coverage_add(c, s);
			session_free(s);
		}
		if (d.errors) {
			bad++;
			print_diags(&d, true, "");
		}
		diags_free(&d);
		answers_free(a);
	}
	struct coverage_counts k;
	char *list;
	coverage_result(c, &k, &list);
	char *name = text_sanitize(g->file, false, false);
	printf("coverage of %s by %zu answers file%s: questions %zu of %zu, choices %zu of %zu, "
	       "remedies %zu of %zu, conditional items %zu of %zu\n", name, n - bad,
	       n - bad == 1 ? "" : "s", k.questions_hit, k.questions, k.choices_hit, k.choices,
	       k.remedies_hit, k.remedies, k.items_hit, k.items);
	char *safe = text_sanitize(list, false, false);
	fputs(safe, stdout);
	free(safe);
	free(list);
	free(name);
	coverage_free(c);
	if (!ngiven) {
		for (size_t i = 0; i < n; i++)
			free(files[i]);
		free(files);
	}
	guide_free(g);
	return bad || k.choices_hit < k.choices || k.remedies_hit < k.remedies ? 1 : 0;
}

struct report_args {
	const char *format, *output;
	const char *case_ref; /* --case: on this report's summary page only */
	bool force, include_answers;
};

/* Loads an answers file and replays it into a new session for g. NULL
 * (messages printed) when the file is bad. */
static struct session *session_from_answers(const struct guide *g, const char *file)
{
	struct diags d = {0};
	struct answers *a = answers_load(file, g, &d);
	struct session *s = NULL;
	if (a && answers_match_guide(a, g, &d)) {
		s = session_new(g);
		answers_replay(a, s, d.warnings == 0, &d);
		if (d.errors) {
			session_free(s);
			s = NULL;
		}
	}
	print_diags(&d, false, "remedies: ");
	diags_free(&d);
	answers_free(a);
	return s;
}

static int write_output(const char *output, const char *text, bool force)
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
	print_diags(&d, false, "remedies: ");
	diags_free(&d);
	return st == FILEIO_OK ? 0 : 1;
}

static int cmd_report(const char *path, const char *lang_opt, const char *answers_file,
                      const struct report_args *ra)
{
	struct report_options o = {.format = REPORT_TXT, .lang = NULL, .width = REPORT_WIDTH,
	                           .header = true, .include_answers = ra->include_answers,
	                           .date = getenv("REMEDIES_TODAY"), .case_ref = ra->case_ref};
	if (ra->format && !report_format_parse(ra->format, &o.format)) {
		/* Echoed arguments are sanitised like guide text: an escape
		 * sequence typed or pasted must not reach the terminal. */
		char *safe = text_sanitize(ra->format, false, true);
		fprintf(stderr, "remedies: unknown report format '%s' (txt, md, html or ics)\n", safe);
		free(safe);
		return EXIT_USAGE;
	}
	if (!answers_file) {
		fputs("remedies: report needs --answers FILE\n", stderr);
		return EXIT_USAGE;
	}
	struct guide *g = load_for_run(path);
	if (!g)
		return 1;
	o.lang = pick_language(g, lang_opt);
	struct session *s = session_from_answers(g, answers_file);
	int rc = 1;
	if (s) {
		if (!session_finished(s))
			fprintf(stderr, "remedies: the answers stop before the last question (at '%s'); "
			        "the report lists the remedies found so far\n", session_node(s)->id);
		char *text = report_render(s, &o);
		rc = write_output(ra->output, text, ra->force);
		free(text);
		session_free(s);
	}
	guide_free(g);
	return rc;
}

/* remedies deadline FROM PERIOD: the arithmetic alone, for a volunteer who
 * only needs the count. A vague FROM counts from its earliest day, as a
 * deadline that closes a door does in the guide. */
static int cmd_deadline(const char *from, const char *period, const char *lang_opt)
{
	static char env[4];
	const char *lang = lang_opt ? lang_opt : lang_from_env(env) ? env : "en";
	if (!msg_has_language(lang))
		lang = "en";
	struct cal_date d;
	struct cal_period p;
	enum date_check dc = deadline_check_date(NULL, from, 0, &d);
	long base, today;
	if (dc != DATE_OK || !cal_earliest(&d, &base) || !cal_parse_period(period, &p)) {
		char *f = text_sanitize(from, false, true), *q = text_sanitize(period, false, true);
		if (dc != DATE_OK || d.prec == CAL_UNKNOWN)
			fprintf(stderr, "remedies: '%s': %s\n", f,
			        msg(lang, dc != DATE_OK ? deadline_check_msg(dc) : M_DATE_BAD_SYNTAX));
		else
			fprintf(stderr, "remedies: '%s' is not a period\n", q);
		fprintf(stderr, "%s\n", msg(lang, M_DL_DEADLINE_USAGE));
		free(f);
		free(q);
		return EXIT_USAGE;
	}
	if (!cal_today(&today))
		fputs("remedies: REMEDIES_TODAY is not a date (YYYY-MM-DD); using the clock\n", stderr);
	long due = cal_add(base, p, false);
	char iso[CAL_DATE_MAX];
	struct cal_date dd = {.prec = CAL_DATE};
	cal_ymd(due, &dd.year, &dd.month, &dd.day);
	cal_format(&dd, iso);
	char *day = deadline_day_text(lang, due, true);
	struct buf b = {0};
	long left = due - today;
	if (left >= 0) {
		buf_adds(&b, " (");
		if (left == 0)
			buf_adds(&b, msg(lang, M_DL_TODAY));
		else if (left == 1)
			buf_adds(&b, msg(lang, M_DL_ONE_DAY_LEFT));
		else
			buf_printf(&b, msg(lang, M_DL_DAYS_LEFT), left);
		buf_adds(&b, ")");
	} else {
		char *med = deadline_day_text(lang, due, false);
		buf_adds(&b, "\n  (");
		buf_printf(&b, msg(lang, M_DL_PASSED), med);
		buf_adds(&b, ")");
		free(med);
	}
	printf("%s  %s%s\n", iso, day, b.s);
	if (d.prec != CAL_DATE) {
		char *s = deadline_day_text(lang, base, false);
		printf("  (");
		printf(msg(lang, M_DL_EARLIEST), s);
		printf(")\n");
		free(s);
	}
	if (!cal_workday(due)) {
		enum cal_holiday h = cal_holiday(due);
		printf("  (");
		if (h != CAL_NO_HOLIDAY) {
			printf(msg(lang, M_DL_OFF_DAY), msg(lang, M_DATE_HOLIDAY));
			printf(": %s", cal_holiday_name(h));
		} else {
			struct buf w = {0};
			buf_adds(&w, msg(lang, M_DATE_WEEKDAYS));
			char *sp = w.s;
			for (int i = 0; i < cal_weekday(due) && sp; i++)
				sp = strchr(sp, ' ') ? strchr(sp, ' ') + 1 : NULL;
			if (sp) {
				sp[strcspn(sp, " ")] = '\0';
				printf(msg(lang, M_DL_OFF_DAY), sp);
			}
			buf_free(&w);
		}
		printf(")\n");
	}
	free(day);
	buf_free(&b);
	return 0;
}

/* `remedies dot`: the whole map, one section (--section NAME) or the walk
 * of a scenario or answers file only (--walk), with a title and a legend. */
static char *find_scenario(const char *arg, const char *guide_path);

static int cmd_dot(const char *path, const char *lang_opt, const char *answers_file,
                   const char *scenario, const char *section, bool walk)
{
	if (walk && !answers_file && !scenario) {
		fputs("remedies: dot --walk needs --scenario NAME or --answers FILE\n", stderr);
		return usage_error();
	}
	struct guide *g = load_for_run(path);
	if (!g)
		return 1;
	const char *lang = pick_language(g, lang_opt);
	char *sfile = scenario ? find_scenario(scenario, path) : NULL;
	if (scenario && !sfile) {
		guide_free(g);
		return 1;
	}
	const char *file = sfile ? sfile : answers_file;
	struct session *s = file ? session_from_answers(g, file) : NULL;
	char *subtitle = NULL;
	if (s && sfile) {
		struct diags d = {0};
		struct answers *a = answers_load(sfile, g, &d);
		if (a && a->title.n)
			subtitle = xstrdup(guide_str(g, &a->title, lang));
		answers_free(a);
		diags_free(&d);
	}
	int rc = 1;
	if (s || !file) {
		struct map_options o = {.section = section, .walk_only = walk, .subtitle = subtitle};
		char *dot = map_dot(g, s, lang, &o);
		if (dot) {
			rc = write_output(NULL, dot, false);
		} else {
			char *list = map_sections(g, lang);
			char *safe = text_sanitize(section, false, false);
			fprintf(stderr, "remedies: the guide has no section '%s'; its sections:\n%s", safe,
			        list);
			free(safe);
			free(list);
		}
		free(dot);
	}
	free(subtitle);
	free(sfile);
	session_free(s);
	guide_free(g);
	return rc;
}

/* Replays an answers file. Strict (every answer must fit) unless the guide
 * has changed since the file was written; then it goes as far as it can,
 * and *o says how far. Warnings are printed unless quiet (the full-screen
 * wizard shows its own notice); errors always are. */
static int replay(struct session *s, const struct guide *g, const char *file, bool quiet,
                  struct ui_options *o)
{
	struct diags d = {0};
	struct answers *a = answers_load(file, g, &d);
	int rc = 0;
	if (!a || !answers_match_guide(a, g, &d)) {
		rc = 1;
	} else {
		bool changed = d.warnings > 0;
		o->answers_file = file;
		o->answers_total = a->n;
		o->answers_used = answers_replay(a, s, !changed, &d);
		o->guide_changed = changed;
		rc = d.errors ? 1 : 0;
	}
	if (rc || !quiet)
		print_diags(&d, false, "remedies: ");
	diags_free(&d);
	answers_free(a);
	return rc;
}

/* The scenario file for --scenario: FILE as given when it names a file,
 * else NAME.yaml (or a unique NN-NAME.yaml) in the scenarios folder beside
 * the guide. Returns a new string, or NULL with a message printed. */
static char *find_scenario(const char *arg, const char *guide_path)
{
	if (strchr(arg, '/') || access(arg, F_OK) == 0)
		return xstrdup(arg);
	char **files;
	size_t n = scenario_files(guide_path, &files);
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

/* Loads a scenario for the demo and checks that it walks this guide
 * (strictly, as `scenarios --check` does). NULL with messages printed. */
static struct answers *load_scenario(const char *file, const struct guide *g)
{
	struct diags d = {0};
	struct answers *a = answers_load(file, g, &d);
	if (a && answers_match_guide(a, g, &d)) {
		struct session *t = session_new(g);
		answers_replay(a, t, true, &d);
		session_free(t);
	}
	if (d.errors) {
		print_diags(&d, false, "remedies: ");
		answers_free(a);
		a = NULL;
	}
	diags_free(&d);
	return a;
}

/* The files a translation covers: the guide, the program's messages
 * (guide/messages.yaml beside the guide, else the copy built in, which can
 * be exported but not written) and the scenarios beside the guide. */
struct po_set {
	struct po_file *f;
	char **path;     /* NULL for the built-in messages */
	char **data;
	size_t n, cap;
};

static bool po_set_add(struct po_set *ps, const char *path, const char *name, bool messages,
                       bool required)
{
	struct diags d = {0};
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (required)
			fprintf(stderr, "remedies: %s: %s\n", path, strerror(errno));
		return false;
	}
	struct buf b = {0};
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, got);
	bool err = ferror(fp);
	fclose(fp);
	diags_free(&d);
	if (err) {
		fprintf(stderr, "remedies: %s: cannot be read\n", path);
		buf_free(&b);
		return false;
	}
	size_t len = b.len;
	char *data = b.s ? buf_take(&b) : xstrdup("");
	size_t k = ps->n;
	VEC_PUSH(ps->f, ps->n, ps->cap);
	ps->path = xreallocarray(ps->path, ps->n, sizeof *ps->path);
	ps->data = xreallocarray(ps->data, ps->n, sizeof *ps->data);
	ps->path[k] = xstrdup(path);
	ps->data[k] = data;
	ps->f[k] = (struct po_file){.name = xstrdup(name), .data = data, .len = len,
	                            .messages = messages};
	return true;
}

static void po_set_free(struct po_set *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free((char *)ps->f[i].name);
		free(ps->f[i].out);
		free(ps->path[i]);
		free(ps->data[i]);
	}
	free(ps->f);
	free(ps->path);
	free(ps->data);
}

static bool po_set_open(struct po_set *ps, const char *guide_path, bool builtin_messages)
{
	memset(ps, 0, sizeof *ps);
	const char *base = strrchr(guide_path, '/') ? strrchr(guide_path, '/') + 1 : guide_path;
	if (!po_set_add(ps, guide_path, base, false, true))
		return false;
	char *dir = xstrdup(guide_path);
	char *slash = strrchr(dir, '/');
	char *mpath = slash ? (slash[1] = '\0', xasprintf("%smessages.yaml", dir))
	                    : xstrdup("messages.yaml");
	if (!po_set_add(ps, mpath, "messages.yaml", true, false) && builtin_messages) {
		size_t len;
		char *text = msg_source_text(&len);
		size_t k = ps->n;
		VEC_PUSH(ps->f, ps->n, ps->cap);
		ps->path = xreallocarray(ps->path, ps->n, sizeof *ps->path);
		ps->data = xreallocarray(ps->data, ps->n, sizeof *ps->data);
		ps->path[k] = NULL;
		ps->data[k] = text;
		ps->f[k] = (struct po_file){.name = xstrdup("messages.yaml"), .data = text, .len = len,
		                            .messages = true};
	}
	free(mpath);
	free(dir);
	char **files;
	size_t n = scenario_files(guide_path, &files);
	for (size_t i = 0; i < n; i++) {
		char *name = xasprintf("scenarios/%s", strrchr(files[i], '/') + 1);
		po_set_add(ps, files[i], name, false, true);
		free(name);
		free(files[i]);
	}
	free(files);
	return true;
}

/* `remedies po export --lang CODE [-o FILE] [GUIDE]` and
 * `remedies po import FILE [GUIDE]`. */
static int cmd_po(const char *sub, const char *arg, const char *guide_path, const char *lang_opt,
                  const struct report_args *ra, bool stamp)
{
	bool export = strcmp(sub, "export") == 0;
	if (!export && strcmp(sub, "import") != 0) {
		char *safe = text_sanitize(sub, false, true);
		fprintf(stderr, "remedies: po %s: unknown; 'po export' or 'po import'\n", safe);
		free(safe);
		return usage_error();
	}
	if (export && !lang_opt) {
		fputs("remedies: po export needs --lang CODE, the language to translate into\n", stderr);
		return usage_error();
	}
	if (!export && !arg) {
		fputs("remedies: po import needs the PO FILE to read\n", stderr);
		return usage_error();
	}
	const char *gpath = export ? (arg ? arg : guide_path) : guide_path;
	struct guide *g = load_for_run(gpath);
	if (!g)
		return 1;
	char code[LANG_CODE_SIZE];
	if (export && !lang_from_locale(lang_opt, code)) {
		char *safe = text_sanitize(lang_opt, false, true);
		fprintf(stderr, "remedies: '%s' is not a language code such as 'pt' or 'es'\n", safe);
		free(safe);
		guide_free(g);
		return EXIT_USAGE;
	}
	char *project = xasprintf("remedies guide %s %s", g->id, g->version);
	struct po_meta meta = {.lang = export ? code : NULL, .langs = g->languages,
	                       .nlangs = g->nlanguages, .project = project, .date = g->reviewed,
	                       .stamp = stamp};
	struct po_set ps;
	struct po_stats st;
	struct diags d = {0};
	int rc = 1;
	if (!po_set_open(&ps, gpath, true)) {
		free(project);
		guide_free(g);
		return 1;
	}
	if (export) {
		char *text = po_export(ps.f, ps.n, &meta, &st, &d);
		print_diags(&d, true, "");
		if (text) {
			rc = write_output(ra->output, text, ra->force);
			if (rc == 0)
				fprintf(stderr, "remedies: %zu texts for '%s': %zu translated, %zu fuzzy "
				        "(stale), %zu to do\n", st.entries, code, st.translated, st.fuzzy,
				        st.entries - st.translated);
		}
		free(text);
	} else {
		struct po_set po;
		char *lang = NULL;
		memset(&po, 0, sizeof po);
		if (po_set_add(&po, arg, arg, false, true) &&
		    po_import(po.f[0].data, po.f[0].len, arg, ps.f, ps.n, ps.f[0].name, &meta, &lang,
		              &st, &d)) {
			rc = 0;
			for (size_t i = 0; i < ps.n; i++) {
				if (!ps.f[i].out)
					continue;
				if (!ps.path[i]) {
					fputs("remedies: messages.yaml is not beside the guide: the program's own "
					      "words are imported in a source tree (guide/messages.yaml)\n", stderr);
					rc = 1;
					continue;
				}
				/* The file keeps its mode: it is the project's, not personal data. */
				struct stat sb;
				bool had = stat(ps.path[i], &sb) == 0;
				struct diags wd = {0};
				if (fileio_write(ps.path[i], ps.f[i].out, ps.f[i].out_len, true, &wd) !=
				    FILEIO_OK)
					rc = 1;
				else if (had)
					chmod(ps.path[i], sb.st_mode & 07777);
				print_diags(&wd, false, "remedies: ");
				diags_free(&wd);
			}
			print_diags(&d, true, "");
			if (d.errors)
				rc = 1;
			printf("%zu entries for '%s': %zu translations written, %zu fuzzy skipped, "
			       "%zu unknown\n", st.entries, lang, st.changed, st.fuzzy, st.unknown);
		} else {
			print_diags(&d, true, "");
		}
		free(lang);
		po_set_free(&po);
	}
	diags_free(&d);
	po_set_free(&ps);
	free(project);
	guide_free(g);
	return rc;
}

/* The intake desk as the command line and the administrator's config file
 * (DESK_CONFIG_FILE, or $REMEDIES_CONFIG) set it. */
struct desk_args {
	bool desk, volunteer;
	const char *idle, *folder;
};

/* Reads the config file, lets the command line add to it (never take desk
 * mode away: a kiosk account always has it), and in desk mode confines
 * every write to the desk folder and starts there, so a file name alone
 * lands in it. False with messages printed. */
static bool desk_setup(const struct desk_args *da, int idle, struct desk_config *c)
{
	const char *env = getenv(DESK_CONFIG_ENV);
	const char *file = env && *env ? env : DESK_CONFIG_FILE;
	struct diags d = {0};
	bool ok = desk_config_load(file, c, &d);
	print_diags(&d, true, "remedies: ");
	diags_free(&d);
	if (!ok)
		return false;
	if (!(c->given & DESK_SET_IDLE))
		c->idle = DESK_IDLE_DEFAULT;
	c->desk = c->desk || da->desk;
	if (idle)
		c->idle = idle;
	if (da->folder) {
		free(c->folder);
		c->folder = xstrdup(da->folder);
	}
	if (da->volunteer)
		c->view = DESK_VIEW_VOLUNTEER;
	if (!c->desk)
		return true;
	if (c->folder) {
		/* Resolved now: a relative --desk-folder must not change meaning
		 * when the wizard starts in it. */
		char *real = realpath(c->folder, NULL);
		struct stat st;
		if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
			char *safe = text_sanitize(c->folder, false, true);
			fprintf(stderr, "remedies: desk folder %s: %s\n", safe,
			        real ? strerror(ENOTDIR) : strerror(errno));
			free(safe);
			free(real);
			return false;
		}
		free(c->folder);
		c->folder = real;
	}
	fileio_confine(c->folder);
	return true;
}

/* The whole help, with the languages of the guide that would be used
 * (not a fixed list: a guide may have any number). */
static void print_help(const char *guide_path)
{
	struct diags d = {0};
	struct guide *g = guide_path ? guide_load(guide_path, &d) : NULL;
	struct buf b = {0};
	for (unsigned i = 0; g && i < g->nlanguages; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", g->languages[i]);
	usage(stdout, b.s ? b.s : "the guide's languages");
	buf_free(&b);
	guide_free(g);
	diags_free(&d);
}

/* `remedies help [COMMAND]`: the whole help, or one command's. */
static int cmd_help(const char *cmd, const char *guide_path)
{
	if (!cmd) {
		print_help(guide_path);
		return 0;
	}
	for (size_t i = 0; i < sizeof command_help / sizeof *command_help; i++)
		if (strcmp(cmd, command_help[i].name) == 0) {
			fputs(command_help[i].text, stdout);
			fputs("Options for every command: -g, --guide FILE; -l, --lang CODE. "
			      "See remedies(1).\n", stdout);
			return 0;
		}
	char *safe = text_sanitize(cmd, false, true);
	fprintf(stderr, "remedies: no help for '%s': there is no such command\n", safe);
	free(safe);
	return usage_error();
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"guide", required_argument, NULL, 'g'}, {"lang", required_argument, NULL, 'l'},
		{"plain", no_argument, NULL, 'p'},       {"answers", required_argument, NULL, 'a'},
		{"strict", no_argument, NULL, 's'},      {"help", no_argument, NULL, 'h'},
		{"check", no_argument, NULL, 'c'},       {"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'}, {"force", no_argument, NULL, 'F'},
		{"include-answers", no_argument, NULL, 'I'},
		{"scenario", required_argument, NULL, 'S'},
		{"stamp", no_argument, NULL, 'T'},
		{"desk", no_argument, NULL, OPT_DESK},   {"idle", required_argument, NULL, OPT_IDLE},
		{"desk-folder", required_argument, NULL, OPT_DESK_FOLDER},
		{"volunteer", no_argument, NULL, OPT_VOLUNTEER},
		{"section", required_argument, NULL, 'E'},
		{"walk", no_argument, NULL, 'W'},
		{"case", required_argument, NULL, 'K'},
		{"version", no_argument, NULL, 'V'},     {NULL, 0, NULL, 0},
	};
	const char *guide_path = NULL, *lang_opt = NULL, *answers_file = NULL, *scenario = NULL;
	bool plain = false, strict = false, verify = false, stamp = false, walk = false;
	bool help = false;
	const char *section = NULL;
	struct report_args ra = {0};
	struct desk_args da = {0};
	int c;
	opterr = 0; /* our own one-line messages, named "remedies", not argv[0] */
	while ((c = getopt_long(argc, argv, ":g:l:pa:scf:o:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'g': guide_path = optarg; break;
		case 'l': lang_opt = optarg; break;
		case 'p': plain = true; break;
		case 'a': answers_file = optarg; break;
		case 's': strict = true; break;
		case 'c': verify = true; break;
		case 'f': ra.format = optarg; break;
		case 'o': ra.output = optarg; break;
		case 'F': ra.force = true; break;
		case 'I': ra.include_answers = true; break;
		case 'S': scenario = optarg; break;
		case 'T': stamp = true; break;
		case OPT_DESK: da.desk = true; break;
		case OPT_IDLE: da.idle = optarg; break;
		case OPT_DESK_FOLDER: da.folder = optarg; break;
		case OPT_VOLUNTEER: da.volunteer = true; break;
		case 'E': section = optarg; break;
		case 'W': walk = true; break;
		case 'K': ra.case_ref = optarg; break;
		case 'h': help = true; break;
		case 'V':
			printf("remedies %s\n"
			       "Copyright (C) 2026 the remedies authors.\n"
			       "The program is under the MIT licence; the bundled guide's content under\n"
			       "CC BY 4.0 (Creative Commons Attribution 4.0 International).\n"
			       "It is legal information, not legal advice, and comes with no warranty.\n",
			       VERSION);
			return 0;
		case ':': {
			char *safe = text_sanitize(argv[optind - 1], false, true);
			fprintf(stderr, "remedies: option '%s' needs an argument\n", safe);
			free(safe);
			return usage_error();
		}
		default: {
			char *safe = text_sanitize(optopt ? (char[]){'-', (char)optopt, '\0'}
			                                  : argv[optind - 1], false, true);
			fprintf(stderr, "remedies: unknown option '%s'\n", safe);
			free(safe);
			return usage_error();
		}
		}
	}
	if ((da.idle || da.folder) && !da.desk) {
		fprintf(stderr, "remedies: %s only goes with --desk\n", da.idle ? "--idle" : "--desk-folder");
		return usage_error();
	}
	int idle = 0;
	if (da.idle && !desk_parse_duration(da.idle, &idle)) {
		char *safe = text_sanitize(da.idle, false, true);
		fprintf(stderr, "remedies: --idle '%s': give a time such as 600, 90s, 10m or 1h (1 second "
		        "to 24 hours)\n", safe);
		free(safe);
		return usage_error();
	}
	/* The administrator's settings hold for the wizard and for every file
	 * written (report -o too); other commands write nothing. */
	bool writes = optind >= argc || strcmp(argv[optind], "report") == 0;
	struct desk_config dc = {0};
	if (writes && !desk_setup(&da, idle, &dc)) {
		desk_config_free(&dc);
		return 1;
	}
	char *bundled = default_guide();
	int rc;
	if (help) {
		print_help(guide_path ? guide_path : bundled);
		free(bundled);
		return 0;
	}
	if (optind < argc) {
		const char *cmd = argv[optind];
		if (strcmp(cmd, "deadline") == 0) {
			free(bundled);
			if (argc - optind != 3) {
				fputs("remedies: deadline needs FROM and PERIOD\n", stderr);
				fprintf(stderr, "%s\n", msg(lang_opt ? lang_opt : "en", M_DL_DEADLINE_USAGE));
				return EXIT_USAGE;
			}
			return cmd_deadline(argv[optind + 1], argv[optind + 2], lang_opt);
		}
		if (strcmp(cmd, "coverage") == 0) {
			rc = cmd_coverage(guide_path ? guide_path : bundled, argv + optind + 1,
			                  (size_t)(argc - optind - 1));
			free(bundled);
			desk_config_free(&dc);
			return rc;
		}
		static const char *const cmds[] = {"check", "paths", "scenarios", "report", "dot",
		                                   "help", "po", NULL};
		bool known = false;
		for (size_t i = 0; cmds[i]; i++)
			known = known || strcmp(cmd, cmds[i]) == 0;
		if (!known || (argc - optind > 2 && strcmp(cmd, "po") != 0)) {
			char *safe = text_sanitize(known ? argv[optind + 2] : cmd, false, true);
			if (known)
				fprintf(stderr, "remedies: %s takes at most one operand; what is '%s'?\n",
				        cmd, safe);
			else
				fprintf(stderr, "remedies: unknown command '%s'\n", safe);
			free(safe);
			free(bundled);
			return usage_error();
		}
		if (strcmp(cmd, "po") == 0) {
			int n = argc - optind;
			rc = n < 2 || n > 3 ? (fputs("remedies: po export|import ...\n", stderr), usage_error())
			     : cmd_po(argv[optind + 1], n == 3 ? argv[optind + 2] : NULL,
			              guide_path ? guide_path : bundled, lang_opt, &ra, stamp);
			free(bundled);
			return rc;
		}
		if (strcmp(cmd, "help") == 0) {
			/* the bundled guide's path is used, then freed */
			rc = cmd_help(argc - optind == 2 ? argv[optind + 1] : NULL,
			              guide_path ? guide_path : bundled);
			free(bundled);
			desk_config_free(&dc);
			return rc;
		}
		const char *path = argc - optind == 2 ? argv[optind + 1] : guide_path ? guide_path : bundled;
		if (strcmp(cmd, "check") == 0)
			rc = cmd_check(path, strict);
		else if (strcmp(cmd, "paths") == 0)
			rc = cmd_paths(path);
		else if (strcmp(cmd, "report") == 0)
			rc = cmd_report(path, lang_opt, answers_file, &ra);
		else if (strcmp(cmd, "dot") == 0)
			rc = cmd_dot(path, lang_opt, answers_file, scenario, section, walk);
		else
			rc = cmd_scenarios(path, lang_opt, verify);
		free(bundled);
		desk_config_free(&dc);
		return rc;
	}
	if (scenario && answers_file) {
		fputs("remedies: --scenario and --answers cannot be used together\n", stderr);
		free(bundled);
		desk_config_free(&dc);
		return EXIT_USAGE;
	}
	const char *gpath = guide_path ? guide_path : bundled;
	struct guide *g = load_for_run(gpath);
	char *scenario_file = g && scenario ? find_scenario(scenario, gpath) : NULL;
	free(bundled);
	if (!g || (scenario && !scenario_file)) {
		guide_free(g);
		desk_config_free(&dc);
		return 1;
	}
	struct answers *demo = scenario_file ? load_scenario(scenario_file, g) : NULL;
	free(scenario_file);
	if (scenario && !demo) {
		guide_free(g);
		desk_config_free(&dc);
		return 1;
	}
	struct ui_options o = {.lang = pick_language(g, lang_opt), .today = getenv("REMEDIES_TODAY"),
	                       .desk = dc.desk, .idle = dc.idle,
	                       .volunteer = dc.view == DESK_VIEW_VOLUNTEER};
	/* The wizard starts in the desk folder, so a file name alone goes
	 * there (after the guide and answers files were read from here). */
	if (dc.desk && dc.folder && chdir(dc.folder) != 0) {
		fprintf(stderr, "remedies: desk folder: %s\n", strerror(errno));
		desk_config_free(&dc);
		answers_free(demo);
		guide_free(g);
		return 1;
	}
	desk_config_free(&dc);
	const char *term = getenv("TERM");
	bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	bool full = !plain && tty && term && *term && strcmp(term, "dumb") != 0;
	long today;
	if (!cal_today(&today))
		/* Deadlines would count from the wrong day without a word. */
		fputs("remedies: REMEDIES_TODAY is not a date (YYYY-MM-DD); using the clock\n", stderr);
	struct session *s = session_new(g);
	rc = answers_file ? replay(s, g, answers_file, full, &o) : 0;
	if (rc == 0 && demo && !full) {
		/* Line mode cannot step through a demo: it plays the scenario and
		 * prints where it leads. */
		struct diags d = {0};
		answers_replay(demo, s, true, &d);
		diags_free(&d);
	} else if (rc == 0 && demo) {
		o.scenario = demo;
	}
	if (rc == 0) {
		rc = full ? ui_run(s, &o) : UI_NO_TERMINAL;
		if (rc == UI_NO_TERMINAL && o.volunteer)
			session_set_audience(s, AUDIENCE_VOLUNTEER);
		if (rc == UI_NO_TERMINAL)
			rc = plain_run(s, o.lang, stdin, stdout, stderr, output_width());
	}
	session_free(s);
	answers_free(demo);
	guide_free(g);
	return rc;
}

/* The process holds what the person answered and typed from its first
 * steps (answers files, the wizard's fields): no core dump may keep a copy.
 * RLIMIT_CORE 0 stops core files; PR_SET_DUMPABLE 0 also stops a core
 * handed to a program through core_pattern, and other processes of the
 * same user reading this one's memory. */
static void no_core_dumps(void)
{
	struct rlimit none = {.rlim_cur = 0, .rlim_max = 0};
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/* A signal that ends the program during a save must not leave the
 * temporary file (the whole report) behind: remove it, then die of the
 * signal as before. The wizard installs its own handlers while it runs. */
static void on_fatal_signal(int sig)
{
	fileio_abandon();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void clean_up_on_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
	                           SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPIPE};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;
		/* A signal the caller ignores (trap '' PIPE) stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL) {
			struct sigaction sa = {.sa_handler = on_fatal_signal};
			sigemptyset(&sa.sa_mask);
			sigaction(sigs[i], &sa, NULL);
		}
	}
}

/* Every command's output is checked once more at the very end, flush and
 * close included: a full disk, /dev/full, a closed stdout or a broken pipe
 * (SIGPIPE ignored) is a failure with a message, never exit 0. */
static int close_stdout(int rc)
{
	errno = 0;
	bool bad = ferror(stdout) != 0;
	if (fflush(stdout) != 0)
		bad = true;
	int err = errno;
	if (fclose(stdout) != 0) {
		bad = true;
		if (!err)
			err = errno;
	}
	if (bad && rc == 0)
		fprintf(stderr, "remedies: cannot write the output: %s\n",
		        err ? strerror(err) : "write error");
	return bad && rc == 0 ? 1 : rc;
}

int main(int argc, char **argv)
{
	no_core_dumps();
	clean_up_on_signals();
	int rc = close_stdout(run(argc, argv));
	msg_free();
	return rc;
}
