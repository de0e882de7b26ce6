/* SPDX-License-Identifier: MIT */
#include "core/desk.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util.h"

/* The config file is a handful of lines; a bigger file is a mistake (the
 * wrong path given), not a config. */
enum { CONFIG_MAX_BYTES = 64 * 1024 };

/* The column of byte `off` in a line: counted in characters, 1-based, as
 * an editor shows it. */
static unsigned col_of(const char *line, size_t off)
{
	unsigned col = 1;
	for (size_t i = 0; i < off; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

bool desk_parse_duration(const char *s, int *seconds)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	long n = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9') {
		n = n * 10 + (*p - '0');
		if (n > DESK_IDLE_MAX)
			return false;
		p++;
	}
	long unit = 1;
	if (*p == 's')
		p++;
	else if (*p == 'm')
		unit = 60, p++;
	else if (*p == 'h')
		unit = 3600, p++;
	if (*p || n < 1 || n * unit > DESK_IDLE_MAX)
		return false;
	*seconds = (int)(n * unit);
	return true;
}

static const struct {
	const char *name;
	enum desk_key bit;
} keys[] = {
	{"desk", DESK_SET_DESK},
	{"idle", DESK_SET_IDLE},
	{"folder", DESK_SET_FOLDER},
	{"view", DESK_SET_VIEW},
};
enum { NKEYS = sizeof keys / sizeof keys[0] };

/* One `key = value` line (comments and blank lines already skipped). */
static bool parse_line(const char *line, size_t len, unsigned lineno, const char *name,
                       struct desk_config *c, unsigned *first_line, struct diags *d)
{
	size_t k = 0;
	while (k < len && is_blank(line[k]))
		k++;
	size_t ks = k;
	while (k < len && line[k] != '=' && !is_blank(line[k]))
		k++;
	size_t ke = k;
	while (k < len && is_blank(line[k]))
		k++;
	if (k == len || line[k] != '=') {
		diag_error(d, name, lineno, col_of(line, k),
		           "expected '=' after the key (lines are: key = value)");
		return false;
	}
	if (ke == ks) {
		diag_error(d, name, lineno, col_of(line, ks), "a key is missing before '='");
		return false;
	}
	int which = -1;
	for (int i = 0; i < NKEYS; i++)
		if (strlen(keys[i].name) == ke - ks && memcmp(keys[i].name, line + ks, ke - ks) == 0)
			which = i;
	if (which < 0) {
		diag_error(d, name, lineno, col_of(line, ks),
		           "unknown key '%.*s' (known: desk, idle, folder, view)", (int)(ke - ks),
		           line + ks);
		return false;
	}
	size_t vs = k + 1;
	while (vs < len && is_blank(line[vs]))
		vs++;
	size_t ve = len;
	while (ve > vs && is_blank(line[ve - 1]))
		ve--;
	unsigned vcol = col_of(line, vs);
	if (c->given & keys[which].bit) {
		diag_error(d, name, lineno, col_of(line, ks), "'%s' is set twice (first on line %u)",
		           keys[which].name, first_line[which]);
		return false;
	}
	if (vs == ve) {
		diag_error(d, name, lineno, vcol, "'%s' has no value", keys[which].name);
		return false;
	}
	char *v = xstrndup(line + vs, ve - vs);
	bool ok = true;
	switch (keys[which].bit) {
	case DESK_SET_DESK:
		if (strcmp(v, "yes") == 0)
			c->desk = true;
		else if (strcmp(v, "no") == 0)
			c->desk = false;
		else
			ok = false;
		if (!ok)
			diag_error(d, name, lineno, vcol, "desk must be yes or no, not '%s'", v);
		break;
	case DESK_SET_IDLE:
		ok = desk_parse_duration(v, &c->idle);
		if (!ok)
			diag_error(d, name, lineno, vcol,
			           "idle must be a time such as 600, 90s, 10m or 1h (1 second to 24 hours), "
			           "not '%s'", v);
		break;
	case DESK_SET_FOLDER:
		ok = v[0] == '/';
		if (ok) {
			free(c->folder);
			c->folder = v;
			v = NULL;
		} else {
			diag_error(d, name, lineno, vcol, "folder must be an absolute path (from /), not '%s'",
			           v);
		}
		break;
	case DESK_SET_VIEW:
		if (strcmp(v, "self-help") == 0)
			c->view = DESK_VIEW_SELF_HELP;
		else if (strcmp(v, "volunteer") == 0)
			c->view = DESK_VIEW_VOLUNTEER;
		else
			ok = false;
		if (!ok)
			diag_error(d, name, lineno, vcol, "view must be self-help or volunteer, not '%s'", v);
		break;
	}
	free(v);
	if (ok) {
		c->given |= keys[which].bit;
		first_line[which] = lineno;
	}
	return ok;
}

bool desk_config_parse(const char *text, size_t len, const char *name, struct desk_config *c,
                       struct diags *d)
{
	unsigned first_line[NKEYS] = {0};
	bool ok = true;
	unsigned lineno = 0;
	size_t at = 0;
	while (at < len) {
		lineno++;
		const char *line = text + at;
		size_t n = 0;
		while (at + n < len && line[n] != '\n')
			n++;
		at += n + (at + n < len);
		if (n && line[n - 1] == '\r')
			n--;
		/* A control character (a NUL from a binary file, an escape
		 * sequence) would reach the screen in a message: refused. */
		size_t bad = n;
		for (size_t i = 0; i < n && bad == n; i++) {
			unsigned char ch = (unsigned char)line[i];
			if ((ch < 0x20 && ch != '\t') || ch == 0x7F)
				bad = i;
		}
		if (bad < n) {
			diag_error(d, name, lineno, col_of(line, bad), "a control character (byte 0x%02X)",
			           (unsigned char)line[bad]);
			ok = false;
			continue;
		}
		size_t k = 0;
		while (k < n && is_blank(line[k]))
			k++;
		if (k == n || line[k] == '#')
			continue;
		if (!parse_line(line, n, lineno, name, c, first_line, d))
			ok = false;
	}
	return ok;
}

bool desk_config_load(const char *path, struct desk_config *c, struct diags *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno == ENOENT)
			return true;
		diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return false;
	}
	struct buf b = {0};
	char chunk[4096];
	size_t n;
	bool big = false;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && !big) {
		buf_add(&b, chunk, n);
		big = b.len > CONFIG_MAX_BYTES;
	}
	bool failed = ferror(f);
	int err = errno;
	fclose(f);
	bool ok;
	if (failed) {
		diag_error(d, path, 0, 0, "cannot read: %s", strerror(err));
		ok = false;
	} else if (big) {
		diag_error(d, path, 0, 0, "too big for a config file (more than %d bytes)",
		           CONFIG_MAX_BYTES);
		ok = false;
	} else {
		ok = desk_config_parse(b.s ? b.s : "", b.len, path, c, d);
	}
	buf_free(&b);
	return ok;
}

void desk_config_free(struct desk_config *c)
{
	if (!c)
		return;
	free(c->folder);
	memset(c, 0, sizeof *c);
}

enum desk_path desk_path_check(const char *folder, const char *path, char **resolved)
{
	if (resolved)
		*resolved = NULL;
	char *root = folder ? realpath(folder, NULL) : NULL;
	if (!root)
		return DESK_PATH_NO_FOLDER;
	struct stat st;
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(root);
		return DESK_PATH_NO_FOLDER;
	}
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *parent = !slash ? xstrdup(".") : slash == path ? xstrdup("/")
	                                                     : xstrndup(path, (size_t)(slash - path));
	enum desk_path r = DESK_PATH_OUTSIDE;
	/* "", "." and ".." name a folder, never a new file inside one. */
	bool named = *base && strcmp(base, ".") != 0 && strcmp(base, "..") != 0;
	char *real = named ? realpath(parent, NULL) : NULL;
	if (real) {
		size_t rl = strlen(root);
		bool inside = strcmp(real, root) == 0 ||
		              (strncmp(real, root, rl) == 0 && (real[rl] == '/' || rl == 1));
		if (inside) {
			char *full = xasprintf("%s%s%s", real, real[strlen(real) - 1] == '/' ? "" : "/", base);
			if (lstat(full, &st) == 0 && !S_ISREG(st.st_mode)) {
				r = DESK_PATH_NOT_FILE;
			} else {
				r = DESK_PATH_OK;
				if (resolved) {
					*resolved = full;
					full = NULL;
				}
			}
			free(full);
		}
	}
	free(real);
	free(parent);
	free(root);
	return r;
}
