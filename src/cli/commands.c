/* SPDX-License-Identifier: MIT */
/* The commands of the command line: check, paths, scenarios, coverage,
 * report, dot, deadline and help (po is in cmd_po.c, what they share in
 * cmd_common.c, the whole help in usage.c), and the table main.c
 * dispatches through. Messages go to stderr, results to stdout. */
#include "commands.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/coverage.h"
#include "core/calendar.h"
#include "core/check.h"
#include "core/deadline.h"
#include "core/diag.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/guide_paths.h"
#include "core/lang.h"
#include "core/dot.h"
#include "core/msg.h"
#include "core/report.h"
#include "core/session.h"
#include "core/text.h"
#include "core/util.h"
#include "cli/usage.h"
#include "cmd_common.h"
#include "cmd_po.h"

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
	cmd_print_diags(&d, true, "");
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
	struct guide *g = cmd_load_guide(path);
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
	struct guide *g = cmd_load_guide(path);
	if (!g)
		return 1;
	const char *lang = cmd_pick_language(g, lang_opt);
	char **files;
	size_t n = cmd_scenario_files(path, &files);
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
			cmd_print_diags(&d, true, "");
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
	struct guide *g = cmd_load_guide(path);
	if (!g)
		return 1;
	char **files = given;
	size_t n = ngiven;
	if (!n)
		n = cmd_scenario_files(path, &files);
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
			cmd_print_diags(&d, true, "");
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
	cmd_print_diags(&d, false, "remedies: ");
	diags_free(&d);
	answers_free(a);
	return s;
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
	struct guide *g = cmd_load_guide(path);
	if (!g)
		return 1;
	o.lang = cmd_pick_language(g, lang_opt);
	struct session *s = session_from_answers(g, answers_file);
	int rc = 1;
	if (s) {
		if (!session_finished(s))
			fprintf(stderr, "remedies: the answers stop before the last question (at '%s'); "
			        "the report lists the remedies found so far\n", session_node(s)->id);
		char *text = report_render(s, &o);
		rc = cmd_write_output(ra->output, text, ra->force);
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

static int cmd_dot(const char *path, const char *lang_opt, const char *answers_file,
                   const char *scenario, const char *section, bool walk)
{
	if (walk && !answers_file && !scenario) {
		fputs("remedies: dot --walk needs --scenario NAME or --answers FILE\n", stderr);
		return usage_error();
	}
	struct guide *g = cmd_load_guide(path);
	if (!g)
		return 1;
	const char *lang = cmd_pick_language(g, lang_opt);
	char *sfile = scenario ? cmd_find_scenario(scenario, path) : NULL;
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
			rc = cmd_write_output(NULL, dot, false);
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

/* `remedies help [COMMAND]`: the whole help, or one command's. */
static int cmd_help(const char *cmd, const char *guide_path)
{
	if (!cmd) {
		usage_print_help(guide_path);
		return 0;
	}
	const struct command *c = cmd_find(cmd);
	if (c && c->usage) {
		fputs(c->usage, stdout);
		fputs("Options for every command: -g, --guide FILE; -l, --lang CODE. "
		      "See remedies(1).\n", stdout);
		return 0;
	}
	char *safe = text_sanitize(cmd, false, true);
	fprintf(stderr, "remedies: no help for '%s': there is no such command\n", safe);
	free(safe);
	return usage_error();
}

/* The command's guide: its operand, else -g, else the bundled one. */
static const char *guide_of(const struct cmd_args *a)
{
	return a->noperands == 1 ? a->operands[0] : a->guide;
}

static int run_check(const struct cmd_args *a)
{
	return cmd_check(guide_of(a), a->strict);
}

static int run_paths(const struct cmd_args *a)
{
	return cmd_paths(guide_of(a));
}

static int run_scenarios(const struct cmd_args *a)
{
	return cmd_scenarios(guide_of(a), a->lang_opt, a->verify);
}

static int run_coverage(const struct cmd_args *a)
{
	return cmd_coverage(a->guide, a->operands, a->noperands);
}

static int run_report(const struct cmd_args *a)
{
	return cmd_report(guide_of(a), a->lang_opt, a->answers_file, &a->ra);
}

static int run_dot(const struct cmd_args *a)
{
	return cmd_dot(guide_of(a), a->lang_opt, a->answers_file, a->scenario, a->section, a->walk);
}

static int run_deadline(const struct cmd_args *a)
{
	if (a->noperands != 2) {
		fputs("remedies: deadline needs FROM and PERIOD\n", stderr);
		fprintf(stderr, "%s\n", msg(a->lang_opt ? a->lang_opt : "en", M_DL_DEADLINE_USAGE));
		return EXIT_USAGE;
	}
	return cmd_deadline(a->operands[0], a->operands[1], a->lang_opt);
}

static int run_po(const struct cmd_args *a)
{
	if (a->noperands < 1 || a->noperands > 2) {
		fputs("remedies: po export|import ...\n", stderr);
		return usage_error();
	}
	return cmd_po(a->operands[0], a->noperands == 2 ? a->operands[1] : NULL, a->guide,
	              a->lang_opt, a->ra.output, a->ra.force, a->stamp);
}

static int run_help(const struct cmd_args *a)
{
	/* the bundled guide's path is used, then freed */
	return cmd_help(a->noperands == 1 ? a->operands[0] : NULL, a->guide);
}

const struct command cmd_table[] = {
	{.name = "check", .run = run_check, .any_operands = false,
	 .usage = "Usage: remedies check [--strict] [GUIDE]\n"
	          "Validate a guide and print every problem as FILE:LINE:COL: LEVEL: message,\n"
	          "then a summary with each language's share of translated (and stale) texts.\n"
	          "  -s, --strict   warnings (stale translations too) count as errors\n"},
	{.name = "paths", .run = run_paths, .any_operands = false,
	 .usage = "Usage: remedies paths [GUIDE]\n"
	          "Print every path from the first question to each result.\n"},
	{.name = "scenarios", .run = run_scenarios, .any_operands = false,
	 .usage = "Usage: remedies scenarios [--check] [-l CODE] [-g GUIDE | GUIDE]\n"
	          "List the trainer scenarios in the folder scenarios/ beside the guide.\n"
	          "  -c, --check    replay each one and check the remedies it must and must\n"
	          "                 not give\n"},
	{.name = "report", .run = run_report, .any_operands = false,
	 .usage = "Usage: remedies report --answers FILE [--format txt|md|html|ics] [-o FILE]\n"
	          "                       [--force] [--include-answers] [-l CODE] [-g GUIDE | GUIDE]\n"
	          "Write the remedies for an answers file, for the client file.\n"
	          "  -f, --format FORMAT  txt (default), md, html or ics (the deadlines, for\n"
	          "                       a calendar)\n"
	          "  -o, --output FILE    write to FILE (mode 0600) instead of stdout\n"
	          "      --force          replace FILE if it exists\n"
	          "      --include-answers  list every question and answer\n"
	          "      --case REF       a case or intake number, on the summary page of this\n"
	          "                       report only (it is saved nowhere else)\n"},
	{.name = "dot", .run = run_dot, .any_operands = false,
	 .usage = "Usage: remedies dot [--answers FILE | --scenario NAME] [--walk] [--section NAME]\n"
	          "                    [-l CODE] [-g GUIDE | GUIDE]\n"
	          "Print the guide as a Graphviz graph with a title and a legend (dot -Tsvg makes\n"
	          "a picture); the path of the answers or scenario is highlighted.\n"
	          "      --section NAME  only this section of questions (e.g. Where)\n"
	          "      --walk          only the walk of the answers or scenario\n"},
	{.name = "coverage", .run = run_coverage, .any_operands = true,
	 .usage = "Usage: remedies coverage [-g GUIDE] [SCENARIO...]\n"
	          "Replay the answers files given (by default the scenarios beside the guide)\n"
	          "and list every question, choice, remedy and conditional item that none of\n"
	          "them reaches, as FILE:LINE:COL. Exit 1 when a choice or a remedy is never\n"
	          "reached.\n"},
	{.name = "deadline", .run = run_deadline, .any_operands = true,
	 .usage = "Usage: remedies deadline FROM PERIOD\n"
	          "Print the day a period ends and the days left from today.\n"
	          "  FROM    YYYY-MM-DD, YYYY-MM or YYYY (a month or a year counts from its\n"
	          "          first day)\n"
	          "  PERIOD  30d (days), 90wd (federal working days), 6m (months), 2y (years)\n"},
	{.name = "po", .run = run_po, .any_operands = true,
	 .usage = "Usage: remedies po export --lang CODE [-o FILE] [-g GUIDE | GUIDE]\n"
	          "       remedies po import [--stamp] FILE [-g GUIDE]\n"
	          "export: a gettext PO file of every translatable text of the guide, its\n"
	          "scenarios and the program's messages, for Poedit, Weblate or any PO editor\n"
	          "(msgctxt: where the text lives; fuzzy: the source changed since).\n"
	          "import: writes the translations of FILE (its Language header) back into\n"
	          "the YAML files, changing nothing else; fuzzy and empty entries are skipped.\n"
	          "  -o, --output FILE  write the PO file there (mode 0600) instead of stdout\n"
	          "      --stamp        also record the source of unchanged translations that\n"
	          "                     have no record yet (after a review)\n"},
	{.name = "help", .run = run_help, .any_operands = false, .usage = NULL},
	{.name = NULL},
};

const struct command *cmd_find(const char *name)
{
	for (const struct command *c = cmd_table; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
