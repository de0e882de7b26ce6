/* SPDX-License-Identifier: MIT */
/* The save and export dialogs of the wizard: the file name being typed, the
 * report's format and whether it carries the person's answers, and the
 * writing itself (through fileio: atomic, mode 0600, never over a file
 * without leave). No terminal here; the unit tests drive it directly. */
#ifndef REMEDIES_UI_FORM_H
#define REMEDIES_UI_FORM_H

#include <stdbool.h>

#include "core/fileio.h"
#include "ui/view.h"
#include "core/report.h"
#include "core/session.h"
#include "core/util.h"

enum ui_form_kind { UI_FORM_SAVE, UI_FORM_EXPORT };

struct ui_form {
	enum ui_form_kind kind;
	int focus;                   /* enum form_field */
	enum report_format format;
	bool include_answers;        /* off until the user ticks it, every time */
	struct buf name;
	struct buf folder;           /* where a relative name goes (editable; ~ is home) */
	struct buf case_ref;         /* export: a case or intake number for this report
	                                only (empty each time the dialog opens) */
	char *target;                /* the whole path, as the fields stand (for the view) */
	char *matches;               /* Tab's candidates when it could not finish alone, or NULL */
	int error;                   /* msg id of the last failure, or -1 */
	char *detail;                /* the system's words for it, or NULL */
	char *written;               /* the path last written, whole, as shown to the user */
	char *written_dir;           /* its folder: kept when the dialog opens again */
};

/* Sets up a dialog of that kind with its default file name (answers.yaml,
 * remedies-report.txt) in `folder`, or in the current folder when NULL.
 * Frees what f held before; a zeroed struct is a valid start. */
void ui_form_open(struct ui_form *f, enum ui_form_kind kind, const char *folder);
void ui_form_free(struct ui_form *f);

/* Editing the field with the focus (the folder or the name): a character
 * (a code point), the last one off, all. */
void ui_form_insert(struct ui_form *f, unsigned cp);
void ui_form_delete(struct ui_form *f);
void ui_form_clear(struct ui_form *f);
/* The next (step 1) or previous (-1) format; a name that ends with the old
 * format's extension gets the new one. */
void ui_form_step_format(struct ui_form *f, int step);

/* Tab in the folder or name field: completes the last part of the path
 * from what is on disk (folders only in the folder field), as a shell
 * does: one match whole (a folder with its /), several to what they share,
 * and then f->matches lists some of them. One pass over the folder. */
void ui_form_complete(struct ui_form *f);

/* The folder the file went to when it was last written, or NULL: the
 * dialogs open there for the rest of the run. Owned by f. */
const char *ui_form_written_folder(const struct ui_form *f);

/* Writes the answers so far (save) or the report of the results (export,
 * in `lang`, dated `date` or today) to the file named. FILEIO_EXISTS when
 * the file is there and overwrite is false: nothing written. On failure
 * f->error says why (a msg id) and nothing else changes. The file is the
 * name in the folder, or the name alone when it is a whole path; ~/ is
 * the home folder. */
enum fileio_status ui_form_write(struct ui_form *f, const struct session *s, const char *lang,
                                 const char *date, bool overwrite);

/* The dialog as layout.c shows it; borrowed from f. */
struct view_form ui_form_view(const struct ui_form *f);

#endif
