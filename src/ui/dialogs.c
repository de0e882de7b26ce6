/* SPDX-License-Identifier: MIT */
/* What the panels and dialogs over a screen do: one table, one row per
 * panel kind, says how each looks (panels.c writes its body), which keys
 * it takes, and what its answers do. A new dialog is a new panel_kind, a
 * body in panels.c and a row here. */
#include "dialogs.h"

#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/fileio.h"
#include "core/msg.h"
#include "core/util.h"
#include "desk_wipe_priv.h"
#include "panels.h"
#include "state_priv.h"

struct dialog {
	enum panel_kind kind;
	enum dialog_shape shape;
	unsigned ctx;                                   /* its key context (keys.h) */
	unsigned (*ctx_of)(const struct view *v);       /* or this, when it varies */
	const char *(*body)(struct doc *d);             /* panels.c: writes it, gives its title */
	void (*act)(struct ui_state *u, enum action a, int key);
	void (*answer)(struct ui_state *u, bool yes);   /* DIALOG_YES_NO */
	void (*view)(struct ui_state *u, struct view *v); /* what else the view needs, or NULL */
};

static enum panel_kind form_panel(const struct ui_state *u)
{
	return u->form.kind == UI_FORM_SAVE ? PANEL_SAVE : PANEL_EXPORT;
}

void dialogs_open_form(struct ui_state *u, enum ui_form_kind kind)
{
	/* A desk with no folder keeps no files: said at once, not after a
	 * dialog whose folder and "goes to" line promise a file. */
	if (fileio_confined() && !fileio_confined_to()) {
		u->quit_after_save = false;
		state_set_message(u, xasprintf("%s %s", msg(u->lang, M_UI_NOT_SAVED),
		                               msg(u->lang, M_ERR_DESK_NO_FILES)));
		return;
	}
	ui_form_open(&u->form, kind, ui_form_written_folder(&u->form));
	state_open_panel(u, kind == UI_FORM_SAVE ? PANEL_SAVE : PANEL_EXPORT, -1);
}

/* Writes what the dialog says. A file in the way asks first; a failure
 * keeps the dialog open with the reason, the session untouched. */
static void write_form(struct ui_state *u, bool overwrite)
{
	struct ui_form *f = &u->form;
	enum fileio_status st = ui_form_write(f, u->s, u->lang, u->today, overwrite);
	if (st == FILEIO_EXISTS) {
		state_open_panel(u, PANEL_OVERWRITE, -1);
		u->panel_cursor = 1; /* Enter alone keeps the file */
		return;
	}
	if (st == FILEIO_FAILED) {
		u->panel = form_panel(u);
		return;
	}
	u->panel = PANEL_NONE;
	u->wrote = true;
	bool save = f->kind == UI_FORM_SAVE;
	if (save) {
		free(u->saved_text);
		u->saved_text = answers_format(u->s);
		if (u->quit_after_save)
			u->outcome = UI_QUIT;
	}
	state_set_message(u, xasprintf("%s %s", msg(u->lang, save ? M_UI_SAVED : M_UI_EXPORTED),
	                               f->written));
}

/* Enter, Esc and the editing keys of the save and export dialogs. */
static void act_form(struct ui_state *u, enum action a, int key)
{
	struct ui_form *f = &u->form;
	bool export = f->kind == UI_FORM_EXPORT;
	switch (a) {
	case ACT_BACK:
		u->panel = PANEL_NONE;
		u->quit_after_save = false;
		break;
	case ACT_INSERT: ui_form_insert(f, (unsigned)key); break;
	case ACT_DELETE_CHAR: ui_form_delete(f); break;
	case ACT_CLEAR: ui_form_clear(f); break;
	case ACT_COMPLETE: ui_form_complete(f); break;
	case ACT_UP:
		if (f->focus > (export ? FORM_FORMAT : FORM_FOLDER))
			f->focus--;
		break;
	case ACT_DOWN:
		if (f->focus < FORM_NAME)
			f->focus++;
		break;
	case ACT_TOGGLE:
	case ACT_PREV_BUTTON:
	case ACT_NEXT_BUTTON:
		if (f->focus == FORM_FORMAT)
			ui_form_step_format(f, a == ACT_PREV_BUTTON ? -1 : 1);
		else if (f->focus == FORM_ANSWERS)
			f->include_answers = !f->include_answers;
		break;
	case ACT_CONFIRM: write_form(u, false); break;
	default: break;
	}
}

/* A panel to read: it scrolls, Back closes it. */
static void act_read(struct ui_state *u, enum action a, int key)
{
	(void)key;
	if (a == ACT_BACK) {
		u->panel = PANEL_NONE;
		return;
	}
	const struct layout *l = u->lay;
	int page = l->panel_rows > 2 ? l->panel_rows - 1 : 1;
	int max = l->panel_content > l->panel_rows ? l->panel_content - l->panel_rows : 0;
	int s = u->panel_scroll;
	switch (a) {
	case ACT_UP: s--; break;
	case ACT_DOWN: s++; break;
	case ACT_PGUP: s -= page; break;
	case ACT_PGDN: s += page; break;
	case ACT_HOME: s = 0; break;
	case ACT_END: s = max; break;
	default: break;
	}
	u->panel_scroll = s < 0 ? 0 : s > max ? max : s;
}

static void answer_quit(struct ui_state *u, bool yes)
{
	if (yes)
		u->outcome = UI_QUIT;
}

static void answer_restart(struct ui_state *u, bool yes)
{
	if (!yes)
		return;
	session_restart(u->s);
	for (unsigned i = 0; i < u->g->nnodes; i++)
		u->left_choice[i] = u->left_scroll[i] = -1;
	u->changing = false;
	u->replaying = false;
	u->started = true;
	state_moved(u);
	state_say(u, M_RESTARTED);
}

static void answer_new_client(struct ui_state *u, bool yes)
{
	if (yes)
		state_wipe(u);
}

/* The countdown goes away when a key is pressed (term.c); this is only
 * reached by the unit tests' actions. */
static void act_idle(struct ui_state *u, enum action a, int key)
{
	(void)a;
	(void)key;
	state_end_countdown(u);
}

static void answer_overwrite(struct ui_state *u, bool yes)
{
	if (yes)
		write_form(u, true);
	else
		u->panel = form_panel(u); /* back to the name, to change it */
}

static const struct dialog *find(enum panel_kind k);

/* A yes/no question: Y, N, or Enter on the button under the cursor. */
static void act_yes_no(struct ui_state *u, enum action a, int key)
{
	(void)key;
	const struct dialog *dl = find(u->panel);
	bool yes;
	switch (a) {
	case ACT_YES: yes = true; break;
	case ACT_NO: yes = false; break;
	case ACT_CONFIRM: yes = u->panel_cursor == 0; break;
	case ACT_PREV_BUTTON:
	case ACT_NEXT_BUTTON: u->panel_cursor = !u->panel_cursor; return;
	case ACT_SAVE:
		/* s means save on every screen: from the quit question it saves
		 * first, then quits once the answers are written. */
		if (u->panel == PANEL_QUIT) {
			u->quit_after_save = true;
			dialogs_open_form(u, UI_FORM_SAVE);
		}
		return;
	default: return;
	}
	u->panel = PANEL_NONE;
	dl->answer(u, yes);
}

bool state_unsaved(struct ui_state *u)
{
	if (!session_history_len(u->s))
		return false;
	if (!u->saved_text)
		return true;
	char *now = answers_format(u->s);
	bool changed = strcmp(now, u->saved_text) != 0;
	free(now);
	return changed;
}

/* The quit question says whether the answers are saved as they are. */
static void view_quit(struct ui_state *u, struct view *v)
{
	v->unsaved = state_unsaved(u);
	if (!u->saved_text)
		return;
	char *now = answers_format(u->s);
	v->saved = strcmp(now, u->saved_text) == 0 ? 1 : 2;
	free(now);
}

static void view_form(struct ui_state *u, struct view *v)
{
	u->form_view = ui_form_view(&u->form);
	v->form = &u->form_view;
}

/* The export dialog takes typing only in its folder and file name fields. */
static unsigned ctx_export(const struct view *v)
{
	return v->form && v->form->focus < FORM_CASE ? CTX_FORM : CTX_PROMPT;
}

static const struct dialog dialogs[] = {
	{.kind = PANEL_HELP, .shape = DIALOG_READ, .ctx = CTX_PANEL, .body = panels_help,
	 .act = act_read},
	{.kind = PANEL_TERM, .shape = DIALOG_READ, .ctx = CTX_PANEL, .body = panels_term,
	 .act = act_read},
	{.kind = PANEL_QUESTION, .shape = DIALOG_READ, .ctx = CTX_PANEL, .body = panels_question,
	 .act = act_read},
	{.kind = PANEL_NOTICE, .shape = DIALOG_READ, .ctx = CTX_PANEL, .body = panels_notice,
	 .act = act_read},
	{.kind = PANEL_QUIT, .shape = DIALOG_YES_NO, .ctx = CTX_DIALOG, .body = panels_quit,
	 .act = act_yes_no, .answer = answer_quit, .view = view_quit},
	{.kind = PANEL_RESTART, .shape = DIALOG_YES_NO, .ctx = CTX_DIALOG, .body = panels_restart,
	 .act = act_yes_no, .answer = answer_restart},
	{.kind = PANEL_OVERWRITE, .shape = DIALOG_YES_NO, .ctx = CTX_DIALOG,
	 .body = panels_overwrite, .act = act_yes_no, .answer = answer_overwrite, .view = view_form},
	{.kind = PANEL_NEW_CLIENT, .shape = DIALOG_YES_NO, .ctx = CTX_DIALOG,
	 .body = panels_new_client, .act = act_yes_no, .answer = answer_new_client},
	{.kind = PANEL_IDLE, .shape = DIALOG_READ, .ctx = CTX_PANEL, .body = panels_idle,
	 .act = act_idle},
	{.kind = PANEL_SAVE, .shape = DIALOG_FORM, .ctx = CTX_PROMPT, .body = panels_save,
	 .act = act_form, .view = view_form},
	{.kind = PANEL_EXPORT, .shape = DIALOG_FORM, .ctx_of = ctx_export, .body = panels_export,
	 .act = act_form, .view = view_form},
};

static const struct dialog *find(enum panel_kind k)
{
	for (size_t i = 0; i < sizeof dialogs / sizeof *dialogs; i++)
		if (dialogs[i].kind == k)
			return &dialogs[i];
	return NULL;
}

unsigned dialogs_ctx(const struct view *v)
{
	const struct dialog *dl = find(v->panel);
	if (!dl)
		return 0;
	return dl->ctx_of ? dl->ctx_of(v) : dl->ctx;
}

enum dialog_shape dialogs_shape(enum panel_kind k)
{
	const struct dialog *dl = find(k);
	return dl ? dl->shape : DIALOG_READ;
}

const char *dialogs_body(struct doc *d)
{
	const struct dialog *dl = find(d->v->panel);
	return dl ? dl->body(d) : "";
}

void dialogs_view(struct ui_state *u, struct view *v)
{
	const struct dialog *dl = find(u->panel);
	if (dl && dl->view)
		dl->view(u, v);
}

void dialogs_act(struct ui_state *u, enum action a, int key)
{
	const struct dialog *dl = find(u->panel);
	if (dl)
		dl->act(u, a, key);
	else
		u->panel = PANEL_NONE;
}
