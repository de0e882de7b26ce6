#include "core/dot.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/util.h"

/* A DOT string literal: guide text made safe, shortened, wrapped with \n. */
static void dot_text(struct buf *b, const struct guide *g, const lstr *s, const char *lang,
                     size_t width, size_t max_lines)
{
	char *r = guide_render(g, guide_str(g, s, lang), lang);
	char *plain = text_strip_marks(r);
	char *safe = text_sanitize(plain, false, false);
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
	free(plain);
	free(r);
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
	size_t n = session_results(s, &r);
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

static void edge(struct buf *b, const struct guide *g, int from, int to, const char *label,
                 const char *style, bool hot)
{
	if (to < 0)
		return;
	buf_printf(b, "  \"%s\" -> \"%s\" [", g->nodes[from].id, g->nodes[to].id);
	if (label)
		buf_printf(b, "label=\"%s\", ", label);
	if (style)
		buf_printf(b, "style=%s, ", style);
	buf_adds(b, hot ? "color=\"#c0392b\", penwidth=3" : "color=\"#555555\"");
	buf_adds(b, "];\n");
}

char *map_dot(const struct guide *g, const struct session *s, const char *lang)
{
	struct buf b = {0};
	struct marks m;
	mark_path(g, s, &m);
	buf_printf(&b, "digraph \"%s\" {\n", g->id);
	buf_adds(&b, "  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
	             "  edge [fontname=\"Helvetica\", fontsize=9];\n");
	for (unsigned i = 0; i < g->nnodes; i++) {
		const struct node *n = &g->nodes[i];
		static const char *const shape[] = {"box", "box3d", "note", "ellipse"};
		buf_printf(&b, "  \"%s\" [shape=%s, label=\"%s\\n", n->id, shape[n->kind], n->id);
		if (n->kind == NODE_RESULT) {
			for (unsigned k = 0; k < n->nremedies; k++) {
				buf_adds(&b, "\\n• ");
				dot_text(&b, g, &g->remedies[n->remedies[k]].title, lang, 40, 1);
			}
		} else {
			dot_text(&b, g, &n->text, lang, 32, 3);
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
			struct buf l = {0};
			if (n->kind == NODE_MULTI)
				buf_adds(&l, "+ ");
			dot_text(&l, g, &n->choices[k].label, lang, 24, 2);
			edge(&b, g, (int)i, n->choices[k].next, l.s, NULL, m.edge[i][k]);
			buf_free(&l);
		}
		if (n->next >= 0)
			edge(&b, g, (int)i, n->next, n->kind == NODE_MULTI ? "after" : NULL,
			     n->kind == NODE_MULTI ? "dashed" : NULL, m.edge[i][n->nchoices] || (n->kind == NODE_MULTI && m.node[n->next]));
		if (n->otherwise >= 0)
			edge(&b, g, (int)i, n->otherwise, "skip", "dotted", false);
	}
	buf_adds(&b, "}\n");
	free_marks(g, &m);
	return buf_take(&b);
}
