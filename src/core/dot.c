/* SPDX-License-Identifier: MIT */
#include "core/dot.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/rank.h"
#include "core/text.h"
#include "core/util.h"

/* A DOT string literal: guide text made safe, shortened, wrapped with \n. */
static void dot_text(struct buf *b, const struct guide *g, const lstr *s, const char *lang,
                     size_t width, size_t max_lines)
{
	char *safe = guide_text(g, guide_str(g, s, lang), lang, GUIDE_TEXT_PLAIN);
	for (char *p = safe; *p; p++)
		if (*p == '\n')
			*p = ' ';
	struct text_line *lines;
	size_t n = text_wrap(safe, width, &lines);
	for (size_t i = 0; i < n && i < max_lines; i++) {
		if (i)
			buf_adds(b, "\\n");
		for (size_t k = 0; k < lines[i].len; k++) {
			char c = safe[lines[i].off + k];
			if (c == '"' || c == '\\')
				buf_addc(b, '\\');
			buf_addc(b, c);
		}
		if (i + 1 == max_lines && n > max_lines)
			buf_adds(b, " …");
	}
	free(lines);
	free(safe);
}

struct marks {
	unsigned char *node;   /* visited */
	unsigned char **edge;  /* per node: per choice taken (index nchoices = next) */
};

static void mark_path(const struct guide *g, const struct session *s, struct marks *m)
{
	m->node = xcalloc(g->nnodes + 1, 1);
	m->edge = xcalloc(g->nnodes + 1, sizeof *m->edge);
	for (unsigned i = 0; i < g->nnodes; i++)
		m->edge[i] = xcalloc(g->nodes[i].nchoices + 2, 1);
	if (!s)
		return;
	for (size_t i = 0; i < session_history_len(s); i++) {
		int n = session_history_node(s, i);
		size_t nc;
		const unsigned *c = session_history_choices(s, i, &nc);
		m->node[n] = 1;
		if (!nc)
			m->edge[n][g->nodes[n].nchoices] = 1;
		for (size_t k = 0; k < nc; k++)
			m->edge[n][c[k]] = 1;
	}
	if (session_node_index(s) >= 0)
		m->node[session_node_index(s)] = 1;
	struct session_remedy *r;
	size_t n = rank_grouped(s, &r);
	for (size_t i = 0; i < n; i++)
		m->node[r[i].result] = 1;
	free(r);
}

static void free_marks(const struct guide *g, struct marks *m)
{
	for (unsigned i = 0; i < g->nnodes; i++)
		free(m->edge[i]);
	free(m->edge);
	free(m->node);
}

/* Text for an HTML-like DOT label: & < > " escaped. */
static void html_text(struct buf *b, const char *s)
{
	char *safe = text_sanitize(s, false, false);
	for (const char *p = safe; *p; p++) {
		switch (*p) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\n': buf_adds(b, " "); break;
		default: buf_addc(b, *p);
		}
	}
	free(safe);
}

/* Whether node n is in the section named `want` (folded), in any language. */
static bool in_section(const struct guide *g, const struct node *n, const char *want)
{
	for (unsigned k = 0; k < node_section(n)->n; k++) {
		char *f = text_fold(node_section(n)->items[k].text);
		bool hit = strcmp(f, want) == 0;
		free(f);
		if (hit)
			return true;
	}
	(void)g;
	return false;
}

char *map_sections(const struct guide *g, const char *lang)
{
	struct buf b = {0};
	for (unsigned i = 0; i < g->nnodes; i++) {
		const lstr *sec = node_section(&g->nodes[i]);
		if (!sec->n)
			continue;
		bool seen = false;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = node_section(&g->nodes[j])->n &&
			       strcmp(guide_str(g, node_section(&g->nodes[j]), lang), guide_str(g, sec, lang)) == 0;
		if (!seen)
			buf_printf(&b, "%s\n", guide_str(g, sec, lang));
	}
	return b.s ? buf_take(&b) : xstrdup("");
}

/* Which nodes to draw, and which are drawn only as a stub ("continues in
 * ..."): a node outside the section (or off the walk) that a drawn node
 * leads to. */
enum { SHOW_NONE, SHOW_FULL, SHOW_STUB }; /* | 0x80 once an edge leads in */

static void edge(struct buf *b, const struct guide *g, int from, int to, const char *label,
                 const char *style, bool hot, unsigned char *show)
{
	if (to < 0 || !show[from] || !show[to])
		return;
	show[to] |= 0x80; /* has a way in */
	buf_printf(b, "  \"%s\" -> \"%s\" [", g->nodes[from].id, g->nodes[to].id);
	if (label)
		buf_printf(b, "label=\"%s\", ", label);
	if (style)
		buf_printf(b, "style=%s, ", style);
	buf_adds(b, hot ? "color=\"#c0392b\", penwidth=4" : "color=\"#555555\"");
	buf_adds(b, "];\n");
}

static void legend(struct buf *b, const char *lang, bool walk)
{
	buf_adds(b, "  legend [shape=plaintext, fontsize=16, label=<<table border=\"1\" "
	            "cellborder=\"0\" cellspacing=\"4\" cellpadding=\"6\">\n    <tr><td colspan=\"2\">"
	            "<b>");
	html_text(b, msg(lang, M_MAP_LEGEND));
	buf_adds(b, "</b></td></tr>\n");
	static const struct {
		const char *sample, *bg;
		enum msg_id what;
	} rows[] = {
		{"▭", "#ffffff", M_MAP_QUESTION}, {"▭▭", "#ffffff", M_MAP_MULTI},
		{"▱", "#ffffff", M_MAP_DATE},
		{"✎", "#ffffff", M_MAP_INFO},     {"◯", "#e3f1e3", M_MAP_RESULT},
		{"━━", "#fde2c8", M_MAP_WALK},    {"- - -", "#ffffff", M_MAP_AFTER},
		{"· · ·", "#ffffff", M_MAP_SKIP},
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		if (rows[i].what == M_MAP_WALK && !walk)
			continue;
		buf_printf(b, "    <tr><td bgcolor=\"%s\">%s</td><td align=\"left\">", rows[i].bg,
		           rows[i].what == M_MAP_WALK ? "<font color=\"#c0392b\">━━</font>"
		                                       : rows[i].sample);
		html_text(b, msg(lang, rows[i].what));
		buf_adds(b, "</td></tr>\n");
	}
	buf_adds(b, "  </table>>];\n");
}

char *map_dot(const struct guide *g, const struct session *s, const char *lang,
              const struct map_options *o)
{
	static const struct map_options none = {0};
	if (!o)
		o = &none;
	struct marks m;
	mark_path(g, s, &m);
	unsigned char *show = xcalloc(g->nnodes + 1, 1);
	char *want = o->section ? text_fold(o->section) : NULL;
	bool any = false;
	for (unsigned i = 0; i < g->nnodes; i++) {
		bool in = want ? in_section(g, &g->nodes[i], want) : o->walk_only ? m.node[i] : true;
		show[i] = in ? SHOW_FULL : SHOW_NONE;
		any = any || in;
	}
	if (!any) {
		free(want);
		free(show);
		free_marks(g, &m);
		return NULL;
	}
	/* What a drawn node leads to outside the part drawn: a stub, so the
	 * room sees where the way goes on (a result is drawn whole). */
	if (want && !o->walk_only)
		for (unsigned i = 0; i < g->nnodes; i++) {
			if (show[i] != SHOW_FULL)
				continue;
			const struct node *n = &g->nodes[i];
			for (unsigned k = 0; k <= n->nchoices + 1; k++) {
				int to = k < n->nchoices ? n->choices[k].next : k == n->nchoices ? n->next
				                                                            : n->otherwise;
				if (o->walk_only && !(k < n->nchoices ? m.edge[i][k] : k == n->nchoices))
					continue;
				if (to >= 0 && show[to] == SHOW_NONE)
					show[to] = g->nodes[to].kind == NODE_RESULT && !o->walk_only ? SHOW_FULL
					                                                             : SHOW_STUB;
			}
		}
	struct buf b = {0};
	buf_printf(&b, "digraph \"%s\" {\n", g->id);
	/* Type large enough for the back of a room: 16 pt node text stays about
	 * 14 px high when a section or a walk is shown whole on a 1920x1080
	 * projector (tests/report checks the rendered size). */
	buf_adds(&b, "  rankdir=TB; nodesep=0.4; ranksep=0.5; labelloc=t; fontname=\"Helvetica\";\n"
	             "  fontsize=28;\n  node [fontname=\"Helvetica\", fontsize=16, margin=\"0.15,0.08\"];\n"
	             "  edge [fontname=\"Helvetica\", fontsize=14];\n");
	buf_adds(&b, "  label=<<b>");
	html_text(&b, guide_str(g, &g->title, lang));
	buf_adds(&b, "</b>");
	if (want) {
		/* The section's own words in the map's language, whatever was typed. */
		const char *name = o->section;
		for (unsigned i = 0; i < g->nnodes; i++)
			if (in_section(g, &g->nodes[i], want)) {
				name = guide_str(g, node_section(&g->nodes[i]), lang);
				break;
			}
		buf_adds(&b, "<br/>");
		html_text(&b, msg(lang, M_MAP_SECTION));
		buf_adds(&b, ": ");
		html_text(&b, name);
	}
	if (o->subtitle) {
		buf_adds(&b, "<br/>");
		html_text(&b, o->subtitle);
	}
	buf_adds(&b, ">;\n");
	for (unsigned i = 0; i < g->nnodes; i++) {
		const struct node *n = &g->nodes[i];
		if (show[i] == SHOW_NONE)
			continue;
		if ((show[i] & 0x7F) == SHOW_STUB) {
			buf_printf(&b, "  \"%s\" [shape=plaintext, fontcolor=\"#555555\", label=\"→ %s ",
			           n->id, msg(lang, M_MAP_ELSEWHERE));
			dot_text(&b, g, node_section(n)->n ? node_section(n) : &n->text, lang, 28, 1);
			buf_adds(&b, "\"];\n");
			continue;
		}
		static const char *const shape[] = {
			[NODE_QUESTION] = "box", [NODE_MULTI] = "box3d", [NODE_INFO] = "note",
			[NODE_RESULT] = "ellipse", [NODE_DATE] = "parallelogram",
		};
		const char *sh = (size_t)n->kind < sizeof shape / sizeof *shape && shape[n->kind]
		                 ? shape[n->kind] : "box";
		buf_printf(&b, "  \"%s\" [shape=%s, label=\"", n->id, sh);
		if (n->kind == NODE_RESULT) {
			buf_adds(&b, msg(lang, M_MAP_RESULT_LABEL));
			for (unsigned k = 0; k < n->nremedies; k++) {
				buf_adds(&b, "\\n• ");
				dot_text(&b, g, &g->remedies[n->remedies[k]].title, lang, 36, 1);
			}
		} else {
			dot_text(&b, g, &n->text, lang, 28, 3);
		}
		buf_adds(&b, "\"");
		if (m.node[i])
			buf_adds(&b, ", style=filled, fillcolor=\"#fde2c8\"");
		else if (n->kind == NODE_RESULT)
			buf_adds(&b, ", style=filled, fillcolor=\"#e3f1e3\"");
		buf_adds(&b, "];\n");
	}
	for (unsigned i = 0; i < g->nnodes; i++) {
		const struct node *n = &g->nodes[i];
		for (unsigned k = 0; k < n->nchoices; k++) {
			if (o->walk_only && !m.edge[i][k])
				continue;
			/* Choices that go the same way share one edge (a list of 20
			 * states is one arrow): the first two words, then how many
			 * more; a walked one is always named. */
			int to = n->choices[k].next;
			bool first = true, hot = false;
			unsigned same = 0;
			for (unsigned j = 0; j < n->nchoices; j++)
				if (n->choices[j].next == to && (!o->walk_only || m.edge[i][j])) {
					first = first && j >= k;
					same++;
					hot = hot || m.edge[i][j];
				}
			if (!first)
				continue;
			struct buf l = {0};
			unsigned named = 0;
			for (unsigned j = k; j < n->nchoices; j++) {
				if (n->choices[j].next != to || (o->walk_only && !m.edge[i][j]))
					continue;
				if (named == 2 && same > 3 && !m.edge[i][j])
					continue;
				if (named)
					buf_adds(&l, "\\n");
				if (n->kind == NODE_MULTI)
					buf_adds(&l, "+ ");
				dot_text(&l, g, &n->choices[j].label, lang, 24, same > 1 ? 1 : 2);
				named++;
			}
			if (named < same) {
				buf_adds(&l, "\\n");
				buf_printf(&l, msg(lang, M_MAP_MORE), same - named);
			}
			edge(&b, g, (int)i, to, l.s, NULL, hot, show);
			buf_free(&l);
		}
		bool after_hot = m.edge[i][n->nchoices] || (n->kind == NODE_MULTI && n->next >= 0 &&
		                                            m.node[n->next]);
		if (n->next >= 0 && (!o->walk_only || after_hot))
			edge(&b, g, (int)i, n->next, NULL, n->kind == NODE_MULTI ? "dashed" : NULL,
			     after_hot, show);
		/* A walk skips a question by its condition: the dotted edge is
		 * part of it when both ends were visited. */
		bool skip_hot = n->otherwise >= 0 && m.node[i] && m.node[n->otherwise];
		if (n->otherwise >= 0 && (!o->walk_only || skip_hot))
			edge(&b, g, (int)i, n->otherwise, NULL, "dotted", skip_hot, show);
	}
	/* A walk goes on where the guide's edges do not show it (after the
	 * last branch of ticked answers, past questions skipped by their
	 * conditions): join each step without a way in to the one before. */
	if (o->walk_only && s) {
		int prev = -1;
		size_t hl = session_history_len(s);
		struct session_remedy *r;
		size_t nr = rank_grouped(s, &r);
		for (size_t k = 0; k < hl + 1 + nr; k++) {
			int cur = k < hl ? session_history_node(s, k) : k == hl ? session_node_index(s)
			                                                      : (int)r[k - hl - 1].result;
			if (cur < 0 || cur == prev)
				continue;
			if (prev >= 0 && !(show[cur] & 0x80) && cur != g->start)
				edge(&b, g, prev, cur, NULL, "dashed", true, show);
			prev = cur;
		}
		free(r);
	}
	legend(&b, lang, s != NULL);
	buf_adds(&b, "}\n");
	free(want);
	free(show);
	free_marks(g, &m);
	return buf_take(&b);
}
