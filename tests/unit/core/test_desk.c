/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/desk.h"
#include "core/fileio.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/rank.h"
#include "core/session.h"
#include "core/util.h"

static bool parse(const char *text, struct desk_config *c, struct diags *d)
{
	memset(c, 0, sizeof *c);
	memset(d, 0, sizeof *d);
	return desk_config_parse(text, strlen(text), "remedies.conf", c, d);
}

/* The first diagnostic as FILE:LINE:COL: message. */
static char *first(const struct diags *d)
{
	assert_true(d->n > 0);
	return diag_format(&d->v[0], 0);
}

static void expect_error(const char *text, const char *want)
{
	struct desk_config c;
	struct diags d;
	assert_false(parse(text, &c, &d));
	char *got = first(&d);
	if (strncmp(got, want, strlen(want)) != 0)
		fail_msg("for %s\n got: %s\nwant: %s...", text, got, want);
	free(got);
	diags_free(&d);
	desk_config_free(&c);
}

static void test_config_ok(void **state)
{
	(void)state;
	struct desk_config c;
	struct diags d;
	assert_true(parse("# the front desk\n\ndesk = yes\n  idle=2m  \nfolder = /media/usb stick\r\n"
	                  "view = volunteer",
	                  &c, &d));
	assert_int_equal(d.n, 0);
	assert_int_equal(c.given, DESK_SET_DESK | DESK_SET_IDLE | DESK_SET_FOLDER | DESK_SET_VIEW);
	assert_true(c.desk);
	assert_int_equal(c.idle, 120);
	assert_string_equal(c.folder, "/media/usb stick");
	assert_int_equal(c.view, DESK_VIEW_VOLUNTEER);
	desk_config_free(&c);
	assert_true(parse("", &c, &d));
	assert_int_equal(c.given, 0);
	assert_true(parse("desk = no\n", &c, &d));
	assert_false(c.desk);
	assert_int_equal(c.given, DESK_SET_DESK);
	desk_config_free(&c);
}

static void test_config_errors(void **state)
{
	(void)state;
	expect_error("desk = yes\nidel = 10m\n", "remedies.conf:2:1: unknown key 'idel'");
	expect_error("desk yes\n", "remedies.conf:1:6: expected '='");
	expect_error("   = yes\n", "remedies.conf:1:4: a key is missing");
	expect_error("desk = maybe\n", "remedies.conf:1:8: desk must be yes or no, not 'maybe'");
	expect_error("idle = 10 min\n", "remedies.conf:1:8: idle must be a time");
	expect_error("idle = 0\n", "remedies.conf:1:8: idle must be a time");
	expect_error("idle = 25h\n", "remedies.conf:1:8: idle must be a time");
	expect_error("folder = usb\n", "remedies.conf:1:10: folder must be an absolute path");
	expect_error("view = expert\n", "remedies.conf:1:8: view must be self-help or volunteer");
	expect_error("desk = yes\n# again\ndesk = no\n",
	             "remedies.conf:3:1: 'desk' is set twice (first on line 1)");
	expect_error("idle =\n", "remedies.conf:1:7: 'idle' has no value");
	expect_error("desk = y\x1b[2Jes\n", "remedies.conf:1:9: a control character (byte 0x1B)");
	/* Columns count characters, not bytes. */
	expect_error("\xc3\xb1 = 1\n", "remedies.conf:1:1: unknown key");
	expect_error("folder = /m\xc3\xa9\n\xc3\xa9\xc3\xa9 = 1\n", "remedies.conf:2:1: unknown key");
	expect_error("view\xc3\xa9 = x\n", "remedies.conf:1:1: unknown key");
	expect_error("desk = yes\ndesk\xc3\xa9\xc3\xa9 x\n", "remedies.conf:2:8: expected '='");
	/* Every bad line is reported, not only the first. */
	struct desk_config c;
	struct diags d;
	assert_false(parse("a = 1\nb = 2\ndesk = yes\n", &c, &d));
	assert_int_equal(d.errors, 2);
	assert_true(c.desk);
	diags_free(&d);
	desk_config_free(&c);
}

static void test_config_load(void **state)
{
	(void)state;
	char dir[] = "/tmp/remedies-desk-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *missing = xasprintf("%s/none.conf", dir);
	struct desk_config c = {0};
	struct diags d = {0};
	assert_true(desk_config_load(missing, &c, &d)); /* no file: no settings */
	assert_int_equal(c.given, 0);
	char *file = xasprintf("%s/r.conf", dir);
	FILE *f = fopen(file, "w");
	fputs("desk = yes\nidle = 3\n", f);
	fclose(f);
	assert_true(desk_config_load(file, &c, &d));
	assert_int_equal(c.idle, 3);
	assert_int_equal(d.n, 0);
	/* A folder given as the config file cannot be read. */
	assert_false(desk_config_load(dir, &c, &d));
	assert_int_equal(d.errors, 1);
	diags_free(&d);
	desk_config_free(&c);
	unlink(file);
	rmdir(dir);
	free(file);
	free(missing);
}

static void test_duration(void **state)
{
	(void)state;
	int s = 0;
	assert_true(desk_parse_duration("600", &s));
	assert_int_equal(s, 600);
	assert_true(desk_parse_duration("2", &s));
	assert_int_equal(s, 2);
	assert_true(desk_parse_duration("90s", &s));
	assert_int_equal(s, 90);
	assert_true(desk_parse_duration("10m", &s));
	assert_int_equal(s, 600);
	assert_true(desk_parse_duration("24h", &s));
	assert_int_equal(s, 86400);
	assert_false(desk_parse_duration("0", &s));
	assert_false(desk_parse_duration("25h", &s));
	assert_false(desk_parse_duration("-5", &s));
	assert_false(desk_parse_duration("5x", &s));
	assert_false(desk_parse_duration("m", &s));
	assert_false(desk_parse_duration("", &s));
	assert_false(desk_parse_duration("99999999999999999999", &s));
}

struct tree {
	char root[64];
	char *desk, *other;
};

/* root/desk (the desk folder, with sub/), root/other, and links in desk
 * that lead out. */
static void make_tree(struct tree *t)
{
	strcpy(t->root, "/tmp/remedies-path-XXXXXX");
	assert_non_null(mkdtemp(t->root));
	t->desk = xasprintf("%s/desk", t->root);
	t->other = xasprintf("%s/other", t->root);
	assert_int_equal(mkdir(t->desk, 0700), 0);
	assert_int_equal(mkdir(t->other, 0700), 0);
	char *p = xasprintf("%s/sub", t->desk);
	assert_int_equal(mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/out", t->desk);
	assert_int_equal(symlink(t->other, p), 0); /* a folder link leading out */
	free(p);
	p = xasprintf("%s/file-link", t->desk);
	char *target = xasprintf("%s/victim", t->other);
	assert_int_equal(symlink(target, p), 0); /* a file link leading out */
	free(target);
	free(p);
}

static void free_tree(struct tree *t)
{
	char *cmd = xasprintf("rm -rf '%s'", t->root);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(t->desk);
	free(t->other);
}

static enum desk_path check(const struct tree *t, const char *fmt)
{
	char *p = xasprintf(fmt, t->root);
	char *real = NULL;
	enum desk_path r = desk_path_check(t->desk, p, &real);
	assert_true((r == DESK_PATH_OK) == (real != NULL));
	free(real);
	free(p);
	return r;
}

static void test_path_check(void **state)
{
	(void)state;
	struct tree t;
	make_tree(&t);
	assert_int_equal(check(&t, "%s/desk/answers.yaml"), DESK_PATH_OK);
	assert_int_equal(check(&t, "%s/desk/sub/report.txt"), DESK_PATH_OK);
	assert_int_equal(check(&t, "%s/desk/sub/../report.txt"), DESK_PATH_OK);
	assert_int_equal(check(&t, "%s/desk//x"), DESK_PATH_OK);
	assert_int_equal(check(&t, "%s/other/answers.yaml"), DESK_PATH_OUTSIDE);
	assert_int_equal(check(&t, "%s/desk/../other/x"), DESK_PATH_OUTSIDE);
	assert_int_equal(check(&t, "%s/desk/../desk-x"), DESK_PATH_OUTSIDE);
	assert_int_equal(check(&t, "%s/desk/out/x"), DESK_PATH_OUTSIDE);     /* through a link */
	assert_int_equal(check(&t, "%s/desk/file-link"), DESK_PATH_NOT_FILE); /* a link itself */
	assert_int_equal(check(&t, "%s/desk/sub"), DESK_PATH_NOT_FILE);       /* a folder */
	assert_int_equal(check(&t, "%s/desk/sub/"), DESK_PATH_OUTSIDE);       /* no name */
	assert_int_equal(check(&t, "%s/desk/.."), DESK_PATH_OUTSIDE);
	assert_int_equal(check(&t, "%s/desk/missing/x"), DESK_PATH_OUTSIDE);
	assert_int_equal(check(&t, "/etc/passwd"), DESK_PATH_OUTSIDE);
	assert_int_equal(check(&t, "/x"), DESK_PATH_OUTSIDE);
	/* A desk folder "desk" does not hold "desk-x" beside it (prefix). */
	assert_int_equal(check(&t, "%s/deskx"), DESK_PATH_OUTSIDE);
	/* Relative names count from the current folder. */
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(t.desk), 0);
	assert_int_equal(desk_path_check(t.desk, "answers.yaml", NULL), DESK_PATH_OK);
	assert_int_equal(desk_path_check(t.desk, "../other/a", NULL), DESK_PATH_OUTSIDE);
	assert_int_equal(desk_path_check(".", "sub/a", NULL), DESK_PATH_OK);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	/* The folder itself must be there. */
	char *gone = xasprintf("%s/gone", t.root);
	assert_int_equal(desk_path_check(gone, "/tmp/x", NULL), DESK_PATH_NO_FOLDER);
	assert_int_equal(desk_path_check(NULL, "/tmp/x", NULL), DESK_PATH_NO_FOLDER);
	free(gone);
	/* A folder of / holds everything but still refuses links. */
	assert_int_equal(desk_path_check("/", "/tmp/x", NULL), DESK_PATH_OK);
	free_tree(&t);
}

/* Once confined, fileio writes only inside the folder: outside it fails
 * with FILEIO_E_OUTSIDE and creates nothing. Last test: the confinement
 * holds for the rest of the process. */
static void test_fileio_confined(void **state)
{
	(void)state;
	struct tree t;
	make_tree(&t);
	char *in = xasprintf("%s/desk/a.txt", t.root), *out = xasprintf("%s/other/a.txt", t.root);
	char *victim = xasprintf("%s/other/victim", t.root);
	char *link = xasprintf("%s/desk/file-link", t.root);
	struct diags d = {0};
	int err = 0;
	assert_false(fileio_confined());
	fileio_confine(t.desk);
	assert_true(fileio_confined());
	assert_string_equal(fileio_confined_to(), t.desk);
	assert_int_equal(fileio_write_err(in, "x\n", 2, false, &d, &err), FILEIO_OK);
	assert_int_equal(access(in, F_OK), 0);
	assert_int_equal(fileio_write_err(out, "x\n", 2, false, &d, &err), FILEIO_FAILED);
	assert_int_equal(err, FILEIO_E_OUTSIDE);
	assert_int_not_equal(access(out, F_OK), 0);
	assert_int_equal(fileio_write_err(link, "x\n", 2, true, &d, &err), FILEIO_FAILED);
	assert_int_equal(err, FILEIO_E_OUTSIDE);
	assert_int_not_equal(access(victim, F_OK), 0);
	assert_true(d.errors == 2);
	char *msg = diag_format(&d.v[0], 0);
	assert_non_null(strstr(msg, "outside the desk folder"));
	free(msg);
	diags_free(&d);
	/* No folder at all: nothing is written anywhere. */
	fileio_confine(NULL);
	char *in2 = xasprintf("%s/desk/b.txt", t.root);
	assert_int_equal(fileio_write_err(in2, "x\n", 2, false, &d, &err), FILEIO_FAILED);
	assert_int_equal(err, FILEIO_E_OUTSIDE);
	assert_int_not_equal(access(in2, F_OK), 0);
	diags_free(&d);
	free(in2);
	free(in);
	free(out);
	free(victim);
	free(link);
	free_tree(&t);
}

static const char *node_id(const struct session *s)
{
	const struct node *n = session_node(s);
	return n ? n->id : "(finished)";
}

/* Each view passes by the information screens meant for the other; the
 * answers and results are the same in both, and switching mid-walk moves
 * past a screen the new view does not show. */
static void test_audience(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/e2e/audience.yaml", &d);
	assert_non_null(g);
	struct session *s = session_new(g);
	assert_string_equal(node_id(s), "intro"); /* self-help: the default */
	assert_int_equal(session_continue(s), SESSION_OK);
	assert_string_equal(node_id(s), "who");
	session_restart(s);
	session_set_audience(s, AUDIENCE_VOLUNTEER);
	assert_string_equal(node_id(s), "intake");
	session_set_audience(s, AUDIENCE_SELF_HELP);
	assert_string_equal(node_id(s), "who");
	unsigned one = 0;
	assert_int_equal(session_answer(s, &one, 1), SESSION_OK);
	assert_true(session_finished(s));
	struct session_remedy *r;
	assert_int_equal(rank_grouped(s, &r), 1);
	free(r);
	session_free(s);
	guide_free(g);
	diags_free(&d);
}

/* The wipe between clients: back to the start, nothing remembered. */
static void test_session_wipe(void **state)
{
	(void)state;
	struct diags d = {0};
	struct guide *g = guide_load("tests/e2e/audience.yaml", &d);
	assert_non_null(g);
	struct session *s = session_new(g);
	session_continue(s);
	unsigned two = 1;
	assert_int_equal(session_answer(s, &two, 1), SESSION_OK);
	int who = guide_node(g, "who");
	size_t n;
	assert_non_null(session_remembered(s, who, &n));
	session_wipe(s);
	assert_int_equal(session_depth(s), 0);
	assert_string_equal(node_id(s), "intro");
	assert_null(session_remembered(s, who, &n));
	assert_int_equal(n, 0);
	session_free(s);
	guide_free(g);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_ok),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test(test_config_load),
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_path_check),
		cmocka_unit_test(test_audience),
		cmocka_unit_test(test_session_wipe),
		cmocka_unit_test(test_fileio_confined),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
