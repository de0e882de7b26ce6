/* SPDX-License-Identifier: MIT */
/* The program's help (remedies --help, remedies help) and the one line
 * after a usage mistake. One command's own help is in its row of the
 * command table (commands.c). */
#include "cli/usage.h"

#include <stdio.h>

#include "core/diag.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/util.h"

/* The one line that follows a usage mistake (GNU: not the whole help). */
int usage_error(void)
{
	fputs("Try 'remedies --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

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

/* The whole help, with the languages of the guide that would be used
 * (not a fixed list: a guide may have any number). */
void usage_print_help(const char *guide_path)
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
