#include "guide_tree.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "text.h"
#include "util.h"

const struct ytree_limits ytree_default_limits = {
	.max_bytes = 64u << 20,
	.max_depth = 64,
	.max_nodes = 20000000,
};

/* Nodes and strings live in a chunked arena: a tree is built once, read many
 * times and freed at once, so per-node malloc would only cost time and space. */
struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct ytree {
	struct chunk *chunks;
	struct ynode root;
	char *name;
	unsigned long long hash;
};

static void *arena_alloc(struct ytree *t, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct chunk *c = t->chunks;
	if (!c || c->size - c->used < n) {
		size_t size = n > 65536 ? n : 65536;
		c = xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->next = t->chunks;
		t->chunks = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

struct open_coll {
	struct ynode node;
	struct ynode *items;
	size_t n, cap;
};

struct builder {
	struct ytree *t;
	const char *name;
	const char *data;
	size_t len;
	const struct ytree_limits *lim;
	struct diags *d;
	struct open_coll *stack;
	size_t depth, cap;
	size_t nodes;
	bool have_root;
	bool fatal;
};

/* libyaml's reader errors leave problem_mark at 0:0 and give a byte offset, so
 * the line and column (in characters, as libyaml counts) are computed here. */
static void offset_to_mark(const char *data, size_t len, size_t off,
                           unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)data[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static void err_at(struct builder *b, yaml_mark_t m, const char *fmt, const char *arg)
{
	diags_add(b->d, DIAG_ERROR, b->name, (unsigned)m.line + 1, (unsigned)m.column + 1,
	          fmt, arg);
}

static void report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	unsigned line, col;
	if (p->error == YAML_READER_ERROR) {
		offset_to_mark(b->data, b->len, p->problem_offset, &line, &col);
		const char *what = p->problem ? p->problem : "unreadable text";
		if (p->problem_value >= 0 && strstr(what, "octet"))
			diag_error(b->d, b->name, line, col, "%s (byte 0x%02X); the file must be UTF-8",
			           what, (unsigned)p->problem_value & 0xFF);
		else if (p->problem_value >= 0 && p->problem_value != 0xFEFF)
			diag_error(b->d, b->name, line, col, "%s (U+%04X); guide text must be "
			           "UTF-8 without control characters", what, (unsigned)p->problem_value);
		else
			diag_error(b->d, b->name, line, col, "%s; the file must be UTF-8", what);
		return;
	}
	line = (unsigned)p->problem_mark.line + 1;
	col = (unsigned)p->problem_mark.column + 1;
	if (p->context)
		diag_error(b->d, b->name, line, col, "YAML syntax: %s %s (line %u)",
		           p->problem ? p->problem : "error", p->context,
		           (unsigned)p->context_mark.line + 1);
	else
		diag_error(b->d, b->name, line, col, "YAML syntax: %s",
		           p->problem ? p->problem : "error");
}

static void add_node(struct builder *b, const struct ynode *n)
{
	if (b->depth == 0) {
		b->t->root = *n;
		b->have_root = true;
		return;
	}
	struct open_coll *o = &b->stack[b->depth - 1];
	*VEC_PUSH(o->items, o->n, o->cap) = *n;
}

static int cmp_key_ptr(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a;
	const struct ynode *y = *(const struct ynode *const *)b;
	int c = strcmp(x->u.s, y->u.s);
	if (c)
		return c;
	return x->line != y->line ? (x->line < y->line ? -1 : 1) : (x->col < y->col ? -1 : 1);
}

static void check_map_keys(struct builder *b, const struct ynode *m)
{
	bool all_scalar = true;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = &m->u.kids[2 * i];
		if (k->kind != Y_SCALAR) {
			diag_error(b->d, b->name, k->line, k->col,
			           "a key must be a plain word, not a %s", ynode_kind_name(k->kind));
			all_scalar = false;
		}
	}
	if (!all_scalar || m->n < 2)
		return;
	/* Sorting keeps this O(n log n) for a map with many keys. */
	const struct ynode **keys = xmalloc(m->n * sizeof *keys);
	for (size_t i = 0; i < m->n; i++)
		keys[i] = &m->u.kids[2 * i];
	qsort(keys, m->n, sizeof *keys, cmp_key_ptr);
	for (size_t i = 1; i < m->n; i++)
		if (strcmp(keys[i]->u.s, keys[i - 1]->u.s) == 0)
			diags_add(b->d, DIAG_ERROR, b->name, keys[i]->line, keys[i]->col,
			          "duplicate key '%s' (first at line %u, column %u)", keys[i]->u.s,
			          keys[i - 1]->line, keys[i - 1]->col);
	free(keys);
}

static void close_coll(struct builder *b)
{
	struct open_coll *o = &b->stack[--b->depth];
	struct ynode n = o->node;
	size_t count = o->n;
	if (n.kind == Y_MAP)
		n.n = count / 2;
	else
		n.n = count;
	n.u.kids = count ? arena_alloc(b->t, count * sizeof *n.u.kids) : NULL;
	if (count)
		memcpy(n.u.kids, o->items, count * sizeof *n.u.kids);
	free(o->items);
	if (n.kind == Y_MAP)
		check_map_keys(b, &n);
	add_node(b, &n);
}

static void check_scalar_text(struct builder *b, const yaml_event_t *e, const struct ynode *n)
{
	size_t off;
	int32_t cp;
	enum text_problem p = text_check((const char *)e->data.scalar.value,
	                                 e->data.scalar.length, &off, &cp);
	if (p == TEXT_OK)
		return;
	if (cp >= 0)
		diags_add(b->d, DIAG_ERROR, b->name, n->line, n->col,
		          "%s (U+%04X) in text, at byte %zu of the value; guide text may not "
		          "contain control or invisible formatting characters",
		          text_problem_name(p), (unsigned)cp, off + 1);
	else
		diags_add(b->d, DIAG_ERROR, b->name, n->line, n->col,
		          "%s in text, at byte %zu of the value", text_problem_name(p), off + 1);
}

static bool count_node(struct builder *b, yaml_mark_t m)
{
	if (++b->nodes <= b->lim->max_nodes)
		return true;
	diags_add(b->d, DIAG_ERROR, b->name, (unsigned)m.line + 1, (unsigned)m.column + 1,
	          "too many YAML nodes (the limit is %zu)", b->lim->max_nodes);
	b->fatal = true;
	return false;
}

static void check_props(struct builder *b, yaml_mark_t m, const yaml_char_t *anchor,
                        const yaml_char_t *tag)
{
	if (anchor)
		err_at(b, m, "anchors (&%s) are not supported in a guide; write the text out",
		       (const char *)anchor);
	if (tag)
		err_at(b, m, "tags (%s) are not supported in a guide", (const char *)tag);
}

static void handle_event(struct builder *b, const yaml_event_t *e, int *docs)
{
	struct ynode n = {0};
	n.line = (unsigned)e->start_mark.line + 1;
	n.col = (unsigned)e->start_mark.column + 1;
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1) {
			err_at(b, e->start_mark, "%sonly one YAML document is allowed in a file", "");
			b->fatal = true;
		}
		break;
	case YAML_ALIAS_EVENT:
		err_at(b, e->start_mark, "aliases (*%s) are not supported in a guide; write the "
		       "text out", (const char *)e->data.alias.anchor);
		n.kind = Y_SCALAR;
		n.u.s = arena_alloc(b->t, 1);
		n.u.s[0] = '\0';
		if (count_node(b, e->start_mark))
			add_node(b, &n);
		break;
	case YAML_SCALAR_EVENT:
		if (!count_node(b, e->start_mark))
			break;
		check_props(b, e->start_mark, e->data.scalar.anchor,
		            e->data.scalar.plain_implicit || e->data.scalar.quoted_implicit
		                    ? NULL : e->data.scalar.tag);
		n.kind = Y_SCALAR;
		n.n = e->data.scalar.length;
		n.u.s = arena_alloc(b->t, n.n + 1);
		memcpy(n.u.s, e->data.scalar.value, n.n);
		n.u.s[n.n] = '\0';
		check_scalar_text(b, e, &n);
		add_node(b, &n);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = e->type == YAML_SEQUENCE_START_EVENT;
		if (!count_node(b, e->start_mark))
			break;
		if (b->depth >= b->lim->max_depth) {
			diags_add(b->d, DIAG_ERROR, b->name, n.line, n.col,
			          "nesting deeper than %u levels", b->lim->max_depth);
			b->fatal = true;
			break;
		}
		if (seq)
			check_props(b, e->start_mark, e->data.sequence_start.anchor,
			            e->data.sequence_start.implicit ? NULL : e->data.sequence_start.tag);
		else
			check_props(b, e->start_mark, e->data.mapping_start.anchor,
			            e->data.mapping_start.implicit ? NULL : e->data.mapping_start.tag);
		grow_array(&b->stack, &b->cap, b->depth + 1, sizeof *b->stack);
		struct open_coll *o = &b->stack[b->depth++];
		memset(o, 0, sizeof *o);
		n.kind = seq ? Y_SEQ : Y_MAP;
		o->node = n;
		break;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->depth)
			close_coll(b);
		break;
	default:
		break;
	}
}

static struct ytree *build(const char *data, size_t len, const char *display,
                           const struct ytree_limits *lim, struct diags *d)
{
	size_t errors_before = d->errors;
	struct ytree *t = xcalloc(1, sizeof *t);
	t->name = xstrdup(display);
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211ULL;
	}
	t->hash = h;
	struct builder b = {.t = t, .name = t->name, .data = data, .len = len, .lim = lim, .d = d};

	yaml_parser_t p;
	yaml_parser_initialize(&p);
	/* Without this libyaml silently decodes UTF-16 files. */
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	int docs = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			report_parser_error(&b, &p);
			break;
		}
		bool end = e.type == YAML_STREAM_END_EVENT;
		handle_event(&b, &e, &docs);
		yaml_event_delete(&e);
		if (end || b.fatal)
			break;
	}
	yaml_parser_delete(&p);
	while (b.depth)
		free(b.stack[--b.depth].items);
	free(b.stack);

	if (d->errors == errors_before &&
	    (!b.have_root || (t->root.kind == Y_SCALAR && t->root.n == 0)))
		diag_error(d, display, 1, 1, "the file is empty");
	if (d->errors != errors_before) {
		ytree_free(t);
		return NULL;
	}
	return t;
}

struct ytree *ytree_parse(const char *data, size_t len, const char *display,
                          const struct ytree_limits *lim, struct diags *d)
{
	if (!lim)
		lim = &ytree_default_limits;
	if (len > lim->max_bytes) {
		diag_error(d, display, 0, 0, "file is too large (%zu bytes; the limit is %zu)",
		           len, lim->max_bytes);
		return NULL;
	}
	if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
	                 ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
		diag_error(d, display, 1, 1, "the file is UTF-16; save it as UTF-8");
		return NULL;
	}
	return build(data, len, display, lim, d);
}

struct ytree *ytree_load(const char *path, const char *display,
                         const struct ytree_limits *lim, struct diags *d)
{
	if (!lim)
		lim = &ytree_default_limits;
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(d, display, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		diag_error(d, display, 0, 0, "is a directory, not a file");
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > lim->max_bytes) {
		fclose(f);
		diag_error(d, display, 0, 0, "file is too large (%jd bytes; the limit is %zu)",
		           (intmax_t)st.st_size, lim->max_bytes);
		return NULL;
	}
	struct buf data = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_add(&data, chunk, n);
		if (data.len > lim->max_bytes)
			break;
	}
	int failed = ferror(f);
	int err = errno;
	fclose(f);
	if (failed) {
		buf_free(&data);
		diag_error(d, display, 0, 0, "cannot read: %s", strerror(err));
		return NULL;
	}
	struct ytree *t = ytree_parse(data.s ? data.s : "", data.len, display, lim, d);
	buf_free(&data);
	return t;
}

const struct ynode *ytree_root(const struct ytree *t)
{
	return &t->root;
}

const char *ytree_name(const struct ytree *t)
{
	return t->name;
}

unsigned long long ytree_hash(const struct ytree *t)
{
	return t->hash;
}

void ytree_free(struct ytree *t)
{
	if (!t)
		return;
	for (struct chunk *c = t->chunks, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(t->name);
	free(t);
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (map->u.kids[2 * i].kind == Y_SCALAR && strcmp(map->u.kids[2 * i].u.s, key) == 0)
			return &map->u.kids[2 * i + 1];
	return NULL;
}

const char *ynode_kind_name(enum ynode_kind k)
{
	switch (k) {
	case Y_SCALAR: return "text value";
	case Y_MAP: return "map (key: value)";
	case Y_SEQ: return "list";
	}
	return "?";
}
