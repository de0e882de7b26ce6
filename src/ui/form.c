/* SPDX-License-Identifier: MIT */
#include "ui/form.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/answers.h"
#include "core/msg.h"
#include "ui/field.h"

enum { NAME_MAX_BYTES = 4096 };

static void set_buf(struct buf *b, const char *s)
{
	buf_free(b);
	buf_add(b, "", 0);
	buf_adds(b, s);
}

static void clear_error(struct ui_form *f)
{
	f->error = -1;
	free(f->detail);
	f->detail = NULL;
	free(f->matches);
	f->matches = NULL;
}

/* The path as typed with ~/ expanded. New string. */
static char *expand(const char *name)
{
	const char *home = getenv("HOME");
	if (name[0] == '~' && (name[1] == '/' || name[1] == '\0') && home && *home)
		return xasprintf("%s%s", home, name + 1);
	return xstrdup(name);
}

/* Where the fields say the file goes: the name when it is a whole path
 * (/..., ~/...), else the name in the folder. New string. */
static char *resolve(const struct ui_form *f)
{
	const char *name = f->name.s ? f->name.s : "";
	const char *folder = f->folder.s ? f->folder.s : "";
	if (name[0] == '/' || (name[0] == '~' && (name[1] == '/' || name[1] == '\0')) || !*folder)
		return expand(name);
	char *dir = expand(folder);
	size_t n = strlen(dir);
	char *p = xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
	free(dir);
	return p;
}

static void update_target(struct ui_form *f)
{
	free(f->target);
	f->target = resolve(f);
}

void ui_form_free(struct ui_form *f)
{
	buf_free(&f->case_ref);
	buf_free(&f->name);
	buf_free(&f->folder);
	free(f->target);
	free(f->matches);
	free(f->detail);
	free(f->written);
	free(f->written_dir);
	memset(f, 0, sizeof *f);
	f->error = -1;
}

void ui_form_open(struct ui_form *f, enum ui_form_kind kind, const char *folder)
{
	/* The folder last written to outlives the dialog: it is where the
	 * next one opens, for the rest of the run. */
	char *keep = f->written_dir ? xstrdup(f->written_dir) : NULL;
	char *in = folder ? xstrdup(folder) : getcwd(NULL, 0); /* folder may be f's own */
	ui_form_free(f);
	f->written_dir = keep;
	f->kind = kind;
	f->format = REPORT_TXT;
	f->focus = kind == UI_FORM_SAVE ? FORM_NAME : FORM_FORMAT;
	set_buf(&f->folder, in ? in : "");
	free(in);
	if (kind == UI_FORM_SAVE) {
		set_buf(&f->name, "answers.yaml");
	} else {
		char *n = xasprintf("remedies-report.%s", report_format_ext(f->format));
		set_buf(&f->name, n);
		free(n);
	}
	update_target(f);
}

/* The field the focus is in, or NULL when it is not a text field. */
static struct buf *field_of(struct ui_form *f)
{
	return f->focus == FORM_NAME ? &f->name : f->focus == FORM_FOLDER ? &f->folder
	       : f->focus == FORM_CASE ? &f->case_ref : NULL;
}

void ui_form_insert(struct ui_form *f, unsigned cp)
{
	struct buf *b = field_of(f);
	if (b)
		field_insert(b, cp, NAME_MAX_BYTES);
	clear_error(f);
	update_target(f);
}

void ui_form_delete(struct ui_form *f)
{
	struct buf *b = field_of(f);
	if (b)
		field_delete(b);
	clear_error(f);
	update_target(f);
}

void ui_form_clear(struct ui_form *f)
{
	struct buf *b = field_of(f);
	if (b)
		field_clear(b);
	clear_error(f);
	update_target(f);
}

const char *ui_form_written_folder(const struct ui_form *f)
{
	return f->written_dir;
}

/* How many candidates Tab names when it cannot finish alone. */
enum { COMPLETE_SHOWN = 6 };

static bool is_dir(const char *dir, const struct dirent *e)
{
#ifdef DT_DIR
	if (e->d_type == DT_DIR)
		return true;
	if (e->d_type != DT_UNKNOWN && e->d_type != DT_LNK)
		return false;
#endif
	char *p = xasprintf("%s/%s", dir, e->d_name);
	struct stat st;
	bool d = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return d;
}

void ui_form_complete(struct ui_form *f)
{
	struct buf *b = field_of(f);
	if (!b || f->focus == FORM_CASE) /* a number, not a path */
		return;
	clear_error(f);
	bool dirs_only = f->focus == FORM_FOLDER;
	const char *text = b->s ? b->s : "";
	/* The folder to look in, and the start of the name typed there. */
	const char *slash = strrchr(text, '/');
	size_t keep = slash ? (size_t)(slash - text) + 1 : 0;
	const char *prefix = text + keep;
	char *typed_dir = xstrndup(text, keep);
	char *dir;
	if (keep && (text[0] == '/' || text[0] == '~'))
		dir = expand(typed_dir);
	else if (dirs_only)
		dir = keep ? xstrdup(typed_dir) : xstrdup(".");
	else {
		char *base = f->folder.s && *f->folder.s ? expand(f->folder.s) : xstrdup(".");
		dir = xasprintf("%s/%s", base, typed_dir);
		free(base);
	}
	free(typed_dir);
	DIR *dp = opendir(*dir ? dir : "/");
	if (!dp) {
		f->error = M_UI_NO_MATCH;
		free(dir);
		return;
	}
	size_t plen = strlen(prefix), n = 0;
	char *common = NULL;             /* what every match shares */
	bool common_dir = false;
	/* The first few matches in name order, as a shell lists them (the
	 * directory's own order looked random: "s2/  s4/  s1/  s3/"); kept
	 * sorted as they come, so the cost stays linear in the entries. */
	char *first[COMPLETE_SHOWN];
	size_t nfirst = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		const char *nm = e->d_name;
		if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0 || strncmp(nm, prefix, plen) != 0)
			continue;
		if (nm[0] == '.' && prefix[0] != '.')
			continue; /* hidden unless asked for */
		bool d = is_dir(dir, e);
		if (dirs_only && !d)
			continue;
		if (!common) {
			common = xstrdup(nm);
			common_dir = d;
		} else {
			size_t k = 0;
			while (common[k] && common[k] == nm[k])
				k++;
			common[k] = '\0';
		}
		char *item = xasprintf("%s%s", nm, d ? "/" : "");
		size_t at = nfirst;
		while (at > 0 && strcmp(first[at - 1], item) > 0)
			at--;
		if (at < COMPLETE_SHOWN) {
			if (nfirst == COMPLETE_SHOWN)
				free(first[--nfirst]);
			memmove(first + at + 1, first + at, (nfirst - at) * sizeof *first);
			first[at] = item;
			nfirst++;
		} else {
			free(item);
		}
		n++;
	}
	closedir(dp);
	free(dir);
	struct buf shown = {0};
	for (size_t i = 0; i < nfirst; i++) {
		buf_printf(&shown, "%s%s", i ? "  " : "", first[i]);
		free(first[i]);
	}
	if (!n) {
		f->error = M_UI_NO_MATCH;
	} else {
		b->len = keep;
		b->s[keep] = '\0';
		buf_adds(b, common);
		if (n == 1 && common_dir)
			buf_addc(b, '/');
		if (n > 1)
			f->matches = n > COMPLETE_SHOWN ? xasprintf("%s  (+%zu)", shown.s, n - COMPLETE_SHOWN)
			                                : xstrdup(shown.s);
	}
	free(common);
	buf_free(&shown);
	update_target(f);
}

void ui_form_step_format(struct ui_form *f, int step)
{
	enum report_format old = f->format;
	f->format = (enum report_format)(((int)old + REPORT_NFORMATS + (step < 0 ? -1 : 1)) %
	                                 REPORT_NFORMATS);
	const char *oe = report_format_ext(old), *ne = report_format_ext(f->format);
	size_t ol = strlen(oe), len = f->name.len;
	if (len > ol && f->name.s[len - ol - 1] == '.' && strcmp(f->name.s + len - ol, oe) == 0) {
		f->name.len -= ol;
		f->name.s[f->name.len] = '\0';
		buf_adds(&f->name, ne);
	}
	/* The "goes to" line follows the name (it kept the old extension). */
	update_target(f);
}

static int error_of(int err)
{
	switch (err) {
	case ENOENT:
	case ENOTDIR: return M_ERR_NO_FOLDER;
	case EACCES: return M_ERR_NO_PERMISSION;
	/* EPERM is not about permissions: the file system refused the
	 * operation (FAT has no hard links, an immutable file...). */
	case EPERM:
	case EOPNOTSUPP: return M_ERR_NOT_SUPPORTED;
	case EROFS: return M_ERR_READ_ONLY;
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		return M_ERR_FULL;
	case EISDIR: return M_ERR_IS_FOLDER;
	case ENAMETOOLONG: return M_ERR_TOO_LONG;
	default: return M_ERR_OTHER;
	}
}

enum fileio_status ui_form_write(struct ui_form *f, const struct session *s, const char *lang,
                                 const char *date, bool overwrite)
{
	clear_error(f);
	if (!f->name.len) {
		f->error = M_UI_NEED_NAME;
		return FILEIO_FAILED;
	}
	char *text;
	if (f->kind == UI_FORM_SAVE) {
		text = answers_format(s);
	} else {
		struct report_options o = {.format = f->format, .lang = lang, .width = REPORT_WIDTH,
		                           .header = true, .include_answers = f->include_answers,
		                           .date = date, .case_ref = f->case_ref.s};
		text = report_render(s, &o);
	}
	char *path = resolve(f);
	struct diags d = {0};
	int err = 0;
	enum fileio_status st = fileio_write_err(path, text, strlen(text), overwrite, &d, &err);
	diags_free(&d);
	free(text);
	if (st == FILEIO_FAILED) {
		f->error = error_of(err);
		if (err == FILEIO_E_OUTSIDE) {
			/* The desk's folder, named, so the person knows where to save. */
			const char *desk = fileio_confined_to();
			f->error = desk ? M_ERR_OUTSIDE_DESK : M_ERR_DESK_NO_FILES;
			if (desk)
				f->detail = xstrdup(desk);
		} else if (f->error == M_ERR_OTHER) {
			f->detail = xstrdup(strerror(err));
		}
	} else if (st == FILEIO_OK) {
		/* Shown as a whole path, wherever the folder field started. */
		char *abs = path[0] == '/' ? xstrdup(path) : NULL;
		if (!abs) {
			char *cwd = getcwd(NULL, 0);
			abs = cwd ? xasprintf("%s/%s", cwd, path) : xstrdup(path);
			free(cwd);
		}
		free(f->written);
		f->written = abs;
		free(f->written_dir);
		char *slash = strrchr(abs, '/');
		f->written_dir = slash == abs ? xstrdup("/") : xstrndup(abs, (size_t)(slash - abs));
	}
	free(path);
	return st;
}

struct view_form ui_form_view(const struct ui_form *f)
{
	return (struct view_form){.focus = f->focus, .format = (int)f->format,
	                          .include_answers = f->include_answers,
	                          .name = f->name.s ? f->name.s : "",
	                          .folder = f->folder.s ? f->folder.s : "", .error = f->error,
	                          .detail = f->detail, .target = f->target, .matches = f->matches,
	                          .case_ref = f->case_ref.s ? f->case_ref.s : ""};
}
