/* SPDX-License-Identifier: MIT */
#include "cli/plain.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/msg.h"
#include "core/report.h"
#include "core/tailor.h"
#include "core/text.h"
#include "core/util.h"

struct plain {
	struct session *s;
	const struct guide *g;
	const char *lang;
	FILE *in, *out, *err;
	size_t width;
	unsigned *visible;   /* number shown -> choice index */
	size_t nvisible;
};

/* Guide text as this person sees it (core/tailor.h), glossary marks
 * dropped, sanitised: a new string. */
static char *shown(struct plain *p, const lstr *s)
{
	struct tailor t;
	tailor_init(&t, p->s);
	char *raw = tailor_text(&t, s, p->lang);
	char *safe = guide_text(p->g, raw, p->lang, GUIDE_TEXT_PLAIN);
	free(raw);
	return safe;
}

/* A line of the program's, wrapped to the width. */
static void say_wrapped(struct plain *p, const char *text, size_t indent, size_t hang)
{
	struct buf b = {0};
	report_wrap(&b, text, indent, hang, p->width);
	if (b.s)
		fputs(b.s, p->out);
	buf_free(&b);
}

/* Guide text as this person sees it (core/tailor.h), wrapped. */
static void say(struct plain *p, const lstr *s, size_t first, size_t rest)
{
	struct tailor t;
	tailor_init(&t, p->s);
	if (!tailor_shows(&t, s))
		return;
	char *raw = tailor_text(&t, s, p->lang);
	char *safe = guide_text(p->g, raw, p->lang, GUIDE_TEXT_PLAIN);
	free(raw);
	say_wrapped(p, safe, first, rest);
	free(safe);
}

static void say_msg(struct plain *p, enum msg_id id)
{
	say_wrapped(p, msg(p->lang, id), 0, 0);
}

/* A message with one guide text put in (its %s): a choice's label, a
 * date check's message. */
static void say_with(struct plain *p, enum msg_id id, const lstr *s)
{
	char *text = shown(p, s);
	char *line = xasprintf(msg(p->lang, id), text);
	say_wrapped(p, line, 0, 0);
	free(line);
	free(text);
}

/* After going back, the answer given here before, by its number now: a
 * screen reader user cannot see a highlighted choice. */
static void show_earlier(struct plain *p)
{
	size_t n;
	const unsigned *c = session_remembered(p->s, session_node_index(p->s), &n);
	struct buf nums = {0};
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < p->nvisible; k++)
			if (p->visible[k] == c[i])
				buf_printf(&nums, "%s%zu", nums.len ? " " : "", k + 1);
	if (nums.len) {
		fputc('\n', p->out);
		fprintf(p->out, msg(p->lang, M_PLAIN_EARLIER), nums.s);
		fputc('\n', p->out);
	}
	buf_free(&nums);
}

static void show_node(struct plain *p)
{
	const struct node *n = session_node(p->s);
	fprintf(p->out, "\n%s %zu", msg(p->lang, M_STEP), session_depth(p->s) + 1);
	if (node_section(n)->n) {
		char *sec = shown(p, node_section(n));
		fprintf(p->out, " - %s", sec);
		free(sec);
	}
	fputc('\n', p->out);
	say(p, &n->text, 0, 0);
	p->nvisible = 0;
	if (n->kind == NODE_INFO) {
		fprintf(p->out, "\n%s (%s):\n", msg(p->lang, M_CONTINUE), msg(p->lang, M_PLAIN_KEYS));
		return;
	}
	if (n->kind == NODE_DATE) {
		fputc('\n', p->out);
		say_msg(p, M_DATE_FORMAT);
		const struct cal_date *was = session_remembered_date(p->s, session_node_index(p->s));
		if (was) {
			char iso[CAL_DATE_MAX];
			cal_format(was, iso);
			fputc('\n', p->out);
			fprintf(p->out, msg(p->lang, M_PLAIN_EARLIER), iso);
			fputc('\n', p->out);
		}
		fprintf(p->out, "\n%s (%s):\n", msg(p->lang, M_DATE_PROMPT), msg(p->lang, M_PLAIN_KEYS));
		return;
	}
	fputc('\n', p->out);
	free(p->visible);
	p->visible = xcalloc(n->nchoices + 1, sizeof *p->visible);
	for (unsigned i = 0; i < n->nchoices; i++) {
		if (!session_choice_visible(p->s, i))
			continue;
		p->visible[p->nvisible++] = i;
		char *safe = shown(p, &n->choices[i].label);
		char *line = xasprintf("%2zu. %s", p->nvisible, safe);
		say_wrapped(p, line, 2, 6);
		free(line);
		free(safe);
	}
	show_earlier(p);
	fprintf(p->out, "\n%s (%s):\n", msg(p->lang, n->kind == NODE_MULTI ? M_CHOOSE_MANY : M_CHOOSE_ONE),
	        msg(p->lang, M_PLAIN_KEYS));
}

static void show_help(struct plain *p)
{
	const struct node *n = session_node(p->s);
	bool any = node_help(n)->n > 0;
	fputc('\n', p->out);
	say(p, node_help(n), 0, 0);
	for (size_t k = 0; k < p->nvisible; k++) {
		const struct choice *c = &n->choices[p->visible[k]];
		if (!choice_help(c)->n)
			continue;
		any = true;
		char *label = shown(p, &c->label);
		fprintf(p->out, "%zu. %s:\n", k + 1, label);
		free(label);
		say(p, choice_help(c), 4, 4);
	}
	if (!any)
		say_msg(p, M_NO_HELP);
}

/* "None of these" was given with another answer: the answer is asked
 * again, with the reason. */
static void say_alone(struct plain *p, const struct choice *c)
{
	say_with(p, M_PLAIN_ALONE, &c->label);
}

/* Parses "2", "1 3", "1,3" into choice indices; false on anything else. */
static bool parse_numbers(struct plain *p, const char *line, unsigned **out, size_t *n)
{
	*n = 0;
	*out = xcalloc(strlen(line) + 1, sizeof **out);
	const char *q = line;
	while (*q) {
		if (isspace((unsigned char)*q) || *q == ',') {
			q++;
			continue;
		}
		if (!isdigit((unsigned char)*q))
			return false;
		char *end;
		unsigned long v = strtoul(q, &end, 10);
		if (v < 1 || v > p->nvisible)
			return false;
		(*out)[(*n)++] = p->visible[v - 1];
		q = end;
	}
	return *n > 0;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int write_failed(struct plain *p)
{
	int e = errno;
	fprintf(p->err, "remedies: cannot write the output: %s\n", e ? strerror(e) : "write error");
	return PLAIN_WRITE_FAILED;
}

int plain_run(struct session *s, const char *lang, FILE *in, FILE *out, FILE *err, size_t width)
{
	struct plain p = {s, session_guide(s), lang, in, out, err, width, NULL, 0};
	char *line = NULL;
	size_t cap = 0;
	int status = 0;
	bool redraw = true;
	/* A date shown the message of a check it disagrees with (the guide's
	 * `agrees`): typed again unchanged, it is taken (session_date_check). */
	struct date_warning warned = {0};
	while (!session_finished(s)) {
		if (redraw)
			show_node(&p);
		redraw = true;
		/* Output that cannot be written (a full disk, a closed or broken
		 * pipe with SIGPIPE ignored) ends the walk: going on would loop
		 * on answers nobody sees, and exit 0 would claim a case note. */
		if (fflush(out) != 0 || ferror(out)) {
			status = write_failed(&p);
			break;
		}
		if (getline(&line, &cap, in) < 0) {
			fprintf(err, "remedies: %s\n", msg(lang, M_INPUT_ENDED));
			status = 1;
			break;
		}
		char *cmd = trim(line);
		const struct node *n = session_node(s);
		if (strcmp(cmd, "q") == 0) {
			say_msg(&p, M_BYE);
			free(line);
			free(p.visible);
			session_date_warning_forget(&warned);
			return fflush(out) != 0 || ferror(out) ? write_failed(&p) : 0;
		} else if (strcmp(cmd, "?") == 0) {
			show_help(&p);
		} else if (strcmp(cmd, "b") == 0) {
			if (!session_back(s))
				say_msg(&p, M_AT_START);
		} else if (strcmp(cmd, "r") == 0) {
			session_restart(s);
			say_msg(&p, M_RESTARTED);
		} else if (n->kind == NODE_INFO) {
			session_continue(s);
		} else if (n->kind == NODE_DATE) {
			struct cal_date d;
			enum date_check dc = deadline_check_date(n, cmd, session_today(s), &d);
			const lstr *why = dc == DATE_OK ? session_date_check(s, &d, &warned) : NULL;
			if (dc != DATE_OK) {
				say_msg(&p, deadline_check_msg(dc));
				redraw = false;
			} else if (why) {
				say_with(&p, M_PLAIN_DATE_KEEP, why);
				redraw = false;
			} else {
				session_answer_date(s, &d);
			}
		} else {
			unsigned *idx;
			size_t k;
			enum session_status st = parse_numbers(&p, cmd, &idx, &k) ? session_answer(s, idx, k)
			                                                           : SESSION_BAD_CHOICE;
			if (st == SESSION_ALONE) {
				say_alone(&p, &n->choices[guide_alone_clash(n, idx, k)]);
				redraw = false;
			} else if (st != SESSION_OK) {
				say_msg(&p, M_NOT_A_CHOICE);
				redraw = false;
			}
			free(idx);
		}
	}
	free(line);
	free(p.visible);
	session_date_warning_forget(&warned);
	if (status == 0) {
		char *rep = report_text(s, lang, width);
		fputc('\n', out);
		fputs(rep, out);
		free(rep);
	}
	if (status != PLAIN_WRITE_FAILED && (fflush(out) != 0 || ferror(out)))
		status = write_failed(&p);
	return status;
}
