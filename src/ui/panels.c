/* SPDX-License-Identifier: MIT */
/* What the panels say: help, a glossary term, a question from the search,
 * the yes/no questions, the save and export dialogs, the notice about
 * resumed answers, and the trainer demo's side panel. Written as documents
 * (doc.h) that layout.c places in a box. */
#include "panels.h"

#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/msg.h"
#include "core/report.h"
#include "core/text.h"
#include "core/util.h"

/* Guide text in the view's language; in the bilingual view the second
 * language under it (a panel is too narrow for two columns), unless it
 * reads the same. */
static void both(struct doc *d, int x, const lstr *s, enum lay_style st)
{
	const char *a = doc_lstr(d, s);
	doc_wrap(d, x, a, st);
	if (d->bi == BI_OFF)
		return;
	const char *b = doc_lstr_in(d, s, d->v->lang2);
	if (strcmp(a, b) != 0) /* a name, an acronym: once is enough */
		doc_wrap(d, x, b, LS_ALT);
}

static void body_help(struct doc *d, const struct view *v)
{
	const struct node *n = v->kind == VIEW_NODE ? session_node(v->s) : NULL;
	if (n) {
		bool any = false;
		if (node_help(n)->n) {
			both(d, 0, node_help(n), LS_PANEL);
			any = true;
		}
		unsigned k = 0;
		for (unsigned i = 0; i < n->nchoices; i++) {
			if (!session_choice_visible(v->s, i))
				continue;
			k++;
			if (!choice_help(&n->choices[i])->n)
				continue;
			any = true;
			doc_gap(d);
			doc_prefixed(d, 0, doc_own(d->l, xasprintf("%u. ", k)), LS_TITLE,
			             doc_lstr(d, &n->choices[i].label), LS_TITLE);
			both(d, 3, choice_help(&n->choices[i]), LS_PANEL);
		}
		if (!any)
			doc_wrap(d, 0, doc_msg(d->l, v, M_NO_HELP), LS_PANEL);
		doc_gap(d);
	} else if (v->kind == VIEW_RESULTS) {
		doc_wrap(d, 0, doc_msg(d->l, v, M_UI_RESULTS_HINT), LS_PANEL);
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(d->l, v, M_DISCLAIMER), LS_HEADING);
		doc_gap(d);
	}
	doc_wrap(d, 0, doc_msg(d->l, v, M_UI_KEYS), LS_HEADING);
	doc_keys(d);
}

static void body_panel_question(struct doc *d, const struct view *v)
{
	const struct guide *g = d->g;
	int i = v->panel_index;
	if (i < 0 || (unsigned)i >= g->nnodes)
		return;
	const struct node *n = &g->nodes[i];
	both(d, 0, &n->text, LS_TITLE);
	if (node_help(n)->n) {
		doc_gap(d);
		both(d, 0, node_help(n), LS_PANEL);
	}
	bool on_path = false;
	for (size_t k = 0; k < session_history_len(v->s); k++)
		on_path |= session_history_node(v->s, k) == i;
	if (session_node_index(v->s) != i) {
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(d->l, v, on_path ? M_UI_ON_PATH : M_UI_NOT_ON_PATH), LS_DIM);
	}
}

/* Two buttons side by side when they fit, else one under the other. The
 * one with the focus carries a marker of its own ("›"), so the focus shows
 * without colour (NO_COLOR, monochrome, colour-blind readers). */
static void buttons(struct doc *d, enum msg_id yes_id, enum msg_id no_id)
{
	struct layout *l = d->l;
	const char *mark = d->v->ascii ? ">" : "\u203a";
	int focus = d->v->panel_cursor;
	const char *yes = doc_own(l, xasprintf("%s[ %s ]", focus == 0 ? mark : " ",
	                                       doc_msg(l, d->v, yes_id)));
	const char *no = doc_own(l, xasprintf("%s[ %s ]", focus == 1 ? mark : " ",
	                                      doc_msg(l, d->v, no_id)));
	int yw = (int)text_width(yes), nw = (int)text_width(no);
	int row = d->rows;
	doc_item_begin(d, LI_BUTTON, 0);
	doc_put(d, row, 0, yes, strlen(yes), LS_PANEL, false);
	doc_item_end(d);
	if (yw + 2 + nw <= d->width) {
		d->rows = row;
		doc_item_begin(d, LI_BUTTON, 1);
		doc_put(d, row, yw + 2, no, strlen(no), LS_PANEL, false);
	} else {
		doc_item_begin(d, LI_BUTTON, 1);
		doc_put(d, row + 1, 0, no, strlen(no), LS_PANEL, false);
	}
	doc_item_end(d);
}

static enum msg_id quit_question(const struct view *v)
{
	return v->saved == 1 ? M_UI_QUIT_Q_SAVED : v->saved == 2 ? M_UI_QUIT_Q_CHANGED : M_UI_QUIT_Q;
}

/* A text field of a dialog: a label, then the text on a line of its own in
 * the input style, its end in view; with the focus, the terminal cursor
 * goes after it. */
static void input_field(struct doc *d, const struct view_form *f, enum form_field which,
                        enum msg_id label, const char *text)
{
	struct layout *l = d->l;
	const struct view *v = d->v;
	doc_item_begin(d, LI_BUTTON, which);
	doc_line(d, 0, doc_own(l, xasprintf("%s:", doc_msg(l, v, label))), LS_PANEL);
	const char *t = doc_tail(doc_safe(l, v, text ? text : ""), d->width - 1);
	int w = (int)text_width(t);
	char *padded = xasprintf("%s%*s", t, d->width - w, "");
	if (f && f->focus == (int)which) {
		d->input_row = d->rows;
		d->input_x = w;
	}
	doc_put(d, d->rows, 0, doc_own(l, padded), strlen(padded), LS_INPUT, false);
	doc_item_end(d);
}

/* The folder and the file name, then where the file goes as they stand
 * (so a path typed in the name shows its real folder), and what Tab found. */
static void path_fields(struct doc *d, const struct view_form *f)
{
	struct layout *l = d->l;
	const struct view *v = d->v;
	input_field(d, f, FORM_FOLDER, M_UI_FOLDER, f ? f->folder : "");
	input_field(d, f, FORM_NAME, M_UI_FILE_NAME, f ? f->name : "");
	if (f && f->matches) {
		char *t = xasprintf("%s: %s", doc_msg(l, v, M_UI_MATCHES_TAB), f->matches);
		doc_wrap(d, 0, doc_safe(l, v, t), LS_DIM);
		free(t);
	}
	if (f && f->target) {
		/* The path on a line of its own: read (and copied) in one piece
		 * when it fits. */
		doc_wrap(d, 0, doc_own(l, xasprintf("%s:", doc_msg(l, v, M_UI_SAVES_TO))), LS_DIM);
		doc_wrap(d, 0, doc_safe(l, v, f->target), LS_DIM);
	}
}

/* Why the last try failed, in the user's language. */
static void form_error(struct doc *d, const struct view_form *f)
{
	if (!f || f->error < 0)
		return;
	struct layout *l = d->l;
	const struct view *v = d->v;
	const char *why = doc_msg(l, v, (enum msg_id)f->error);
	char *text = f->error == M_UI_NEED_NAME || f->error == M_UI_NO_MATCH ? xstrdup(why)
	             : f->detail ? xasprintf("%s %s (%s).", doc_msg(l, v, M_UI_NOT_SAVED), why,
	                                     f->detail)
	                         : xasprintf("%s %s", doc_msg(l, v, M_UI_NOT_SAVED), why);
	doc_gap(d);
	doc_wrap(d, 0, doc_safe(l, v, text), LS_MESSAGE);
	free(text);
}

static void body_save(struct doc *d, const struct view_form *f)
{
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_SAVE_ABOUT), LS_PANEL);
	form_error(d, f);
	doc_gap(d);
	path_fields(d, f);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_SAVE_KEYS), LS_DIM);
}

static void body_export(struct doc *d, const struct view_form *f)
{
	struct layout *l = d->l;
	const struct view *v = d->v;
	static const enum msg_id names[REPORT_NFORMATS] = {M_UI_FMT_TXT, M_UI_FMT_MD, M_UI_FMT_HTML,
	                                                   M_UI_FMT_ICS};
	int format = f ? f->format : REPORT_TXT;
	doc_wrap(d, 0, doc_msg(l, v, M_UI_EXPORT_ABOUT), LS_PANEL);
	doc_gap(d);
	/* The row breaks only between buttons, so each "( )" stays with its
	 * name (at 80 columns "( )" ended a line and "iCalendar" began the
	 * next); a button wider than the box still wraps within itself. */
	struct buf b = {0};
	buf_printf(&b, "%s:", doc_msg(l, v, M_UI_FORMAT));
	doc_item_begin(d, LI_BUTTON, FORM_FORMAT);
	for (int i = 0; i < REPORT_NFORMATS; i++) {
		char *button = xasprintf("%s %s", i == format ? (v->ascii ? "(*)" : "(\u2022)") : "( )",
		                         doc_msg(l, v, names[i]));
		const char *safe = doc_safe(l, v, button);
		free(button);
		if (b.len && text_width(b.s) + 2 + text_width(safe) > (size_t)d->width) {
			doc_wrap(d, 0, doc_safe(l, v, b.s), LS_PANEL);
			b.len = 0;
			b.s[0] = '\0';
		} else if (b.len) {
			buf_adds(&b, "  ");
		}
		buf_adds(&b, safe);
	}
	doc_wrap(d, 0, doc_safe(l, v, b.s), LS_PANEL);
	doc_item_end(d);
	buf_free(&b);
	doc_item_begin(d, LI_BUTTON, FORM_ANSWERS);
	doc_prefixed(d, 0, f && f->include_answers ? "[x] " : "[ ] ", LS_PANEL,
	             doc_msg(l, v, M_UI_INCLUDE_ANSWERS), LS_PANEL);
	doc_item_end(d);
	/* For the report's first page; typed for this report only. */
	input_field(d, f, FORM_CASE, M_UI_CASE_FIELD, f ? f->case_ref : "");
	form_error(d, f);
	doc_gap(d);
	path_fields(d, f);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(l, v, M_UI_EXPORT_KEYS), LS_DIM);
}

static void body_notice(struct doc *d, const struct view_notice *n)
{
	struct layout *l = d->l;
	const struct view *v = d->v;
	doc_wrap(d, 0, doc_msg(l, v, M_UI_GUIDE_CHANGED), LS_PANEL);
	if (!n)
		return;
	doc_gap(d);
	doc_wrap(d, 0, doc_own(l, xasprintf("%s: %zu/%zu", doc_msg(l, v, M_UI_ANSWERS_USED), n->used,
	                                    n->total)), LS_HEADING);
	if (n->file)
		doc_wrap(d, 0, doc_safe(l, v, n->file), LS_DIM);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(l, v, M_UI_CHECK_FROM_HERE), LS_PANEL);
}

const char *panels_help(struct doc *d)
{
	body_help(d, d->v);
	return doc_msg(d->l, d->v, M_UI_HELP);
}

const char *panels_term(struct doc *d)
{
	const struct view *v = d->v;
	const struct guide *g = d->g;
	if (v->panel_index >= 0 && (unsigned)v->panel_index < g->nterms) {
		both(d, 0, &g->terms[v->panel_index].term, LS_TITLE);
		both(d, 2, &g->terms[v->panel_index].definition, LS_PANEL);
	}
	return doc_msg(d->l, v, M_UI_GLOSSARY);
}

const char *panels_question(struct doc *d)
{
	body_panel_question(d, d->v);
	return doc_msg(d->l, d->v, M_UI_KIND_QUESTION);
}

const char *panels_quit(struct doc *d)
{
	doc_wrap(d, 0, doc_msg(d->l, d->v, quit_question(d->v)), LS_PANEL);
	if (d->v->unsaved)
		doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_QUIT_SAVE_FIRST), LS_PANEL);
	doc_gap(d);
	buttons(d, M_UI_QUIT_YES, M_UI_STAY);
	return "";
}

const char *panels_restart(struct doc *d)
{
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_UI_RESTART_Q), LS_PANEL);
	doc_gap(d);
	buttons(d, M_UI_RESTART_YES, M_UI_CANCEL);
	return "";
}

const char *panels_new_client(struct doc *d)
{
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_DESK_NEW_CLIENT_Q), LS_PANEL);
	doc_gap(d);
	buttons(d, M_DESK_ERASE, M_UI_CANCEL);
	return "";
}

/* Desk mode's countdown: what will happen, when, and how to stop it. */
const char *panels_idle(struct doc *d)
{
	char *raw = xasprintf(msg(d->v->lang, M_DESK_IDLE), d->v->countdown);
	doc_wrap(d, 0, doc_safe(d->l, d->v, raw), LS_PANEL);
	free(raw);
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, M_DESK_STAY), LS_HEADING);
	return doc_msg(d->l, d->v, M_DESK_IDLE_TITLE);
}

const char *panels_overwrite(struct doc *d)
{
	const struct view *v = d->v;
	doc_wrap(d, 0, doc_msg(d->l, v, M_UI_EXISTS_Q), LS_PANEL);
	if (v->form && v->form->name)
		doc_wrap(d, 0, doc_safe(d->l, v, v->form->name), LS_HEADING);
	doc_gap(d);
	buttons(d, M_UI_REPLACE, M_UI_CANCEL);
	return "";
}

const char *panels_save(struct doc *d)
{
	body_save(d, d->v->form);
	return doc_msg(d->l, d->v, M_UI_SAVE_TITLE);
}

const char *panels_export(struct doc *d)
{
	body_export(d, d->v->form);
	return doc_msg(d->l, d->v, M_UI_EXPORT_TITLE);
}

const char *panels_notice(struct doc *d)
{
	body_notice(d, d->v->notice);
	return doc_msg(d->l, d->v, M_UI_NOTICE);
}

/* The trainer demo's panel ------------------------------------------------ */

/* "2. Label; 4. Label": the choices of entry e at the current node, each
 * with the number it has on the screen. */
static const char *entry_choices(struct doc *d, const struct answer_entry *e)
{
	const struct session *s = d->v->s;
	const struct node *n = session_node(s);
	struct buf b = {0};
	for (unsigned j = 0; n && j < e->nchoices; j++) {
		int c = guide_choice(n, e->choices[j]);
		if (c < 0)
			continue;
		unsigned k = 0;
		for (int i = 0; i <= c; i++)
			k += session_choice_visible(s, (unsigned)i);
		if (b.len)
			buf_adds(&b, "; ");
		buf_printf(&b, "%u. %s", k, doc_lstr(d, &n->choices[c].label));
	}
	return doc_own(d->l, buf_take(&b));
}

/* The choices of the last answer given, "Label; Label". */
static const char *last_answer(struct doc *d)
{
	for (size_t i = session_history_len(d->v->s); i-- > 0;) {
		const char *a = doc_answer(d, i);
		if (a)
			return a;
	}
	return NULL;
}

static void labelled(struct doc *d, enum msg_id label, const char *text, enum lay_style st)
{
	doc_gap(d);
	doc_wrap(d, 0, doc_msg(d->l, d->v, label), LS_HEADING);
	doc_wrap(d, 0, text, st);
}

const char *panels_demo(struct doc *d)
{
	struct layout *l = d->l;
	const struct view *v = d->v;
	const struct view_demo *dm = v->demo;
	const struct answers *a = dm->a;
	const struct session *s = v->s;
	const struct node *n = session_node(s);
	if (a->title.n)
		doc_wrap(d, 0, doc_lstr(d, &a->title), LS_TITLE);
	size_t at = dm->step + 1 > a->n ? a->n : dm->step + 1;
	doc_wrap(d, 0, doc_own(l, xasprintf("%s %zu %s %zu", doc_msg(l, v, M_STEP), at,
	                                    doc_msg(l, v, M_UI_OF), a->n)), LS_DIM);
	bool start = v->kind == VIEW_WELCOME && session_depth(s) == 0;
	if (start) {
		if (a->story.n) {
			doc_gap(d);
			doc_wrap(d, 0, doc_lstr(d, &a->story), LS_PANEL);
		}
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(l, v, M_UI_DEMO_START), LS_HEADING);
	} else if (!n) {
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(l, v, M_UI_DEMO_END), LS_HEADING);
	} else if (n->kind == NODE_INFO) {
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(l, v, M_UI_DEMO_CONTINUE), LS_HEADING);
	} else if (dm->entry >= 0) {
		const struct answer_entry *e = &a->v[dm->entry];
		struct cal_date cd;
		const char *what = entry_choices(d, e);
		if (e->date && deadline_check_date(NULL, e->date, 0, &cd) == DATE_OK)
			what = doc_own(l, deadline_date_text(v->lang, &cd));
		labelled(d, M_UI_DEMO_CHOOSE, what, LS_TITLE);
		if (e->note.n)
			labelled(d, M_UI_DEMO_NOTE, doc_lstr(d, &e->note), LS_PANEL);
	} else {
		doc_gap(d);
		doc_wrap(d, 0, doc_msg(l, v, M_UI_DEMO_OFF_SCRIPT), LS_HEADING);
	}
	if (!start && n && node_note(n)->n)
		labelled(d, M_UI_NOTE, doc_lstr(d, node_note(n)), LS_PANEL);
	const char *last = start ? NULL : last_answer(d);
	if (last)
		labelled(d, M_UI_DEMO_TAKEN, last, LS_PANEL);
	doc_gap(d);
	/* At the end there is no next step: Space did nothing though the
	 * panel said "Space or Enter: next step". */
	doc_wrap(d, 0, doc_msg(l, v, n ? M_UI_DEMO_KEYS : M_UI_DEMO_KEYS_END), LS_DIM);
	return doc_msg(l, v, M_UI_DEMO);
}
