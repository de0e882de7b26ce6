#include "ui/form.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/answers.h"
#include "core/msg.h"
#include "ui/field.h"

enum { NAME_MAX_BYTES = 4096 };

static void set_name(struct ui_form *f, const char *s)
{
	buf_free(&f->name);
	buf_adds(&f->name, s);
}

static void clear_error(struct ui_form *f)
{
	f->error = -1;
	free(f->detail);
	f->detail = NULL;
}

void ui_form_free(struct ui_form *f)
{
	buf_free(&f->name);
	free(f->folder);
	free(f->detail);
	free(f->written);
	memset(f, 0, sizeof *f);
	f->error = -1;
}

void ui_form_open(struct ui_form *f, enum ui_form_kind kind)
{
	ui_form_free(f);
	f->kind = kind;
	f->format = REPORT_TXT;
	f->focus = kind == UI_FORM_SAVE ? FORM_NAME : FORM_FORMAT;
	char *cwd = getcwd(NULL, 0);
	f->folder = cwd ? xstrdup(cwd) : NULL;
	free(cwd);
	if (kind == UI_FORM_SAVE) {
		set_name(f, "answers.yaml");
	} else {
		char *n = xasprintf("remedies-report.%s", report_format_ext(f->format));
		set_name(f, n);
		free(n);
	}
}

void ui_form_insert(struct ui_form *f, unsigned cp)
{
	field_insert(&f->name, cp, NAME_MAX_BYTES);
	clear_error(f);
}

void ui_form_delete(struct ui_form *f)
{
	field_delete(&f->name);
	clear_error(f);
}

void ui_form_clear(struct ui_form *f)
{
	field_clear(&f->name);
	clear_error(f);
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

/* The path to open: ~/ expanded. New string. */
static char *expand(const char *name)
{
	const char *home = getenv("HOME");
	if (name[0] == '~' && (name[1] == '/' || name[1] == '\0') && home && *home)
		return xasprintf("%s%s", home, name + 1);
	return xstrdup(name);
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
		                           .date = date};
		text = report_render(s, &o);
	}
	char *path = expand(f->name.s);
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
		free(f->written);
		f->written = path[0] == '/' || !f->folder ? xstrdup(path)
		             : xasprintf("%s%s%s", f->folder,
		                         f->folder[strlen(f->folder) - 1] == '/' ? "" : "/", path);
	}
	free(path);
	return st;
}

struct view_form ui_form_view(const struct ui_form *f)
{
	return (struct view_form){.focus = f->focus, .format = (int)f->format,
	                          .include_answers = f->include_answers,
	                          .name = f->name.s ? f->name.s : "", .folder = f->folder,
	                          .error = f->error, .detail = f->detail};
}
