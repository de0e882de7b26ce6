/* SPDX-License-Identifier: MIT */
/* remedies: the options, guide discovery, and which front end runs; the
 * commands themselves are in commands.c, dispatched through its table.
 * With them, the only place that prints diagnostics and decides exit codes. */
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

#include "cmd_common.h"
#include "commands.h"

#include "core/answers.h"
#include "core/calendar.h"
#include "core/desk.h"
#include "core/diag.h"
#include "core/fileio.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/msg.h"
#include "core/report.h"
#include "core/session.h"
#include "core/text.h"
#include "core/util.h"
#include "cli/paths.h"
#include "cli/plain.h"
#include "cli/usage.h"
#include "ui/term.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif

/* Long options without a short one. */
enum { OPT_DESK = 0x100, OPT_IDLE, OPT_DESK_FOLDER, OPT_VOLUNTEER };

static size_t output_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col > 100 ? 99 : (size_t)ws.ws_col - 1;
	return REPORT_WIDTH;
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
		cmd_print_diags(&d, false, "remedies: ");
	diags_free(&d);
	answers_free(a);
	return rc;
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
		cmd_print_diags(&d, false, "remedies: ");
		answers_free(a);
		a = NULL;
	}
	diags_free(&d);
	return a;
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
	cmd_print_diags(&d, true, "remedies: ");
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
		usage_print_help(guide_path ? guide_path : bundled);
		free(bundled);
		return 0;
	}
	if (optind < argc) {
		const char *name = argv[optind];
		const struct command *cmd = cmd_find(name);
		struct cmd_args a = {.operands = argv + optind + 1, .noperands = (size_t)(argc - optind - 1),
		                     .guide = guide_path ? guide_path : bundled, .lang_opt = lang_opt,
		                     .answers_file = answers_file, .scenario = scenario,
		                     .section = section, .strict = strict, .verify = verify,
		                     .stamp = stamp, .walk = walk, .ra = ra};
		if (!cmd || (!cmd->any_operands && a.noperands > 1)) {
			char *safe = text_sanitize(cmd ? a.operands[1] : name, false, true);
			if (cmd)
				fprintf(stderr, "remedies: %s takes at most one operand; what is '%s'?\n",
				        name, safe);
			else
				fprintf(stderr, "remedies: unknown command '%s'\n", safe);
			free(safe);
			free(bundled);
			return usage_error();
		}
		rc = cmd->run(&a);
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
	struct guide *g = cmd_load_guide(gpath);
	char *scenario_file = g && scenario ? cmd_find_scenario(scenario, gpath) : NULL;
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
	struct ui_options o = {.lang = cmd_pick_language(g, lang_opt), .today = getenv("REMEDIES_TODAY"),
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
