/* SPDX-License-Identifier: MIT */
#include "core/yaml.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "core/text.h"
#include "core/util.h"

const struct ytree_limits ytree_default_limits = {
	.max_bytes = 64u << 20,
	.max_depth = 64,
	.max_nodes = 20000000,
	.max_text = 1u << 20,
	.bytes_per_node = 24,
	.node_floor = 8192,
	.mem_floor = 1u << 20,
	.what = "guide",
	.what_a = "a guide",
};

const struct ytree_limits ytree_answers_limits = {
	.max_bytes = 64u << 20,
	.max_depth = 64,
	.max_nodes = 20000000,
	.max_text = 1u << 20,
	.bytes_per_node = 32,
	.node_floor = 4096,
	.mem_floor = 1u << 20,
	.what = "answers file",
	.what_a = "an answers file",
};

/* Two arenas: `text` holds the values (kept until ytree_free: a guide points
 * into it), `nodes` the node arrays and the keys, which a streamed item gives
 * back as soon as it has been handled. */
struct ytree {
	struct arena text, nodes;
	struct ynode root;
	char *name;
	unsigned long long hash;
};

struct open_coll {
	struct ynode node;
	size_t first;            /* index of its first child in the shared stack */
	struct arena_mark mark;  /* for a streamed item: where its memory starts */
	size_t kept_at_open;     /* b->kept when it opened */
};

struct builder {
	struct ytree *t;
	const char *name;
	const struct ytree_limits *lim;
	struct diags *d;
	struct open_coll *stack;
	size_t depth, cap;
	struct ynode *items;     /* the children of every open collection, in order */
	size_t nitems, icap;
	size_t nodes;
	size_t kept;             /* nodes kept in the tree: streamed items are not */
	bool have_root;
	bool fatal;
	ytree_item_fn *item_fn;
	void *item_arg;
	const struct input *in;  /* for the bytes read so far */
};

struct hasher {
	unsigned long long h, carry;
	unsigned ncarry;
};

struct input {
	FILE *f;
	const char *data;        /* when parsing from memory */
	size_t len;
	struct hasher hash;
	size_t total, max;
	bool too_big, utf16;
	size_t skip;             /* a UTF-8 byte-order mark dropped from a file's start */
	int err;
};

/* A content hash, only to notice that a guide changed (not for security),
 * taken eight bytes at a time so it costs little next to parsing. A partial
 * word is carried from one read to the next, so the result depends only on
 * the bytes, not on how libyaml's reads split them. */
static void hash_word(struct hasher *hs, unsigned long long w)
{
	hs->h ^= w;
	hs->h *= 0x9E3779B97F4A7C15ULL;
	hs->h ^= hs->h >> 29;
}

static void hash_bytes(struct hasher *hs, const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n && hs->ncarry) {
		hs->carry |= (unsigned long long)p[i++] << (8 * hs->ncarry);
		if (++hs->ncarry == 8) {
			hash_word(hs, hs->carry);
			hs->carry = 0;
			hs->ncarry = 0;
		}
	}
	for (; i + 8 <= n; i += 8) {
		unsigned long long w;
		memcpy(&w, p + i, 8);
		hash_word(hs, w);
	}
	for (; i < n; i++) {
		hs->carry |= (unsigned long long)p[i] << (8 * hs->ncarry);
		hs->ncarry++;
	}
}

static unsigned long long hash_end(struct hasher *hs, size_t total)
{
	if (hs->ncarry)
		hash_word(hs, hs->carry);
	hash_word(hs, total);
	return hs->h;
}

/* libyaml reads the file through this, so the file is never held whole in
 * memory; it also hashes it and enforces the size limit. */
static int read_file(void *arg, unsigned char *buffer, size_t size, size_t *size_read)
{
	struct input *in = arg;
	size_t n = fread(buffer, 1, size, in->f);
	*size_read = n;
	if (n == 0 && ferror(in->f)) {
		in->err = errno ? errno : EIO;
		return 0;
	}
	if (in->total == 0 && n >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) ||
	                                 (buffer[0] == 0xFE && buffer[1] == 0xFF))) {
		in->utf16 = true;
		return 0;
	}
	/* A UTF-8 byte-order mark (Windows editors write one) is dropped: with
	 * the encoding forced to UTF-8, libyaml would count it as a column and
	 * reject a key right after it. */
	if (in->total == 0 && !in->skip && n >= 3 && memcmp(buffer, "\xEF\xBB\xBF", 3) == 0) {
		memmove(buffer, buffer + 3, n - 3);
		n -= 3;
		*size_read = n;
		in->skip = 3;
	}
	in->total += n;
	if (in->total > in->max) {
		in->too_big = true;
		return 0;
	}
	hash_bytes(&in->hash, buffer, n);
	return 1;
}

/* libyaml's reader errors leave problem_mark at 0:0 and give a byte offset;
 * the line and column (in characters, as libyaml counts) are found by reading
 * the input again up to that offset. */
static void offset_to_mark(struct input *in, size_t off, unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	unsigned char chunk[65536];
	size_t pos = 0;
	if (in->f) {
		rewind(in->f);
		if (in->skip)
			fseek(in->f, (long)in->skip, SEEK_SET);
	}
	while (pos < off) {
		size_t want = off - pos < sizeof chunk ? off - pos : sizeof chunk, n;
		if (in->f) {
			n = fread(chunk, 1, want, in->f);
		} else {
			n = pos < in->len ? (in->len - pos < want ? in->len - pos : want) : 0;
			memcpy(chunk, in->data + pos, n);
		}
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			if (chunk[i] == '\n') {
				l++;
				c = 1;
			} else if ((chunk[i] & 0xC0) != 0x80) {
				c++;
			}
		}
		pos += n;
	}
	*line = l;
	*col = c;
}

static void err_at(struct builder *b, yaml_mark_t m, const char *fmt, const char *arg)
{
	diags_add(b->d, DIAG_ERROR, b->name, (unsigned)m.line + 1, (unsigned)m.column + 1,
	          fmt, arg);
}

static void report_parser_error(struct builder *b, const yaml_parser_t *p, struct input *in)
{
	unsigned line, col;
	if (in->too_big) {
		diag_error(b->d, b->name, 0, 0, "file is too large (more than %zu bytes)", in->max);
		return;
	}
	if (in->utf16) {
		diag_error(b->d, b->name, 1, 1, "the file is UTF-16; save it as UTF-8");
		return;
	}
	if (in->err) {
		diag_error(b->d, b->name, 0, 0, "cannot read: %s", strerror(in->err));
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		offset_to_mark(in, p->problem_offset, &line, &col);
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
	if (m->n <= 8) {
		for (size_t i = 1; i < m->n; i++)
			for (size_t j = 0; j < i; j++)
				if (strcmp(m->u.kids[2 * i].u.s, m->u.kids[2 * j].u.s) == 0) {
					diags_add(b->d, DIAG_ERROR, b->name, m->u.kids[2 * i].line,
					          m->u.kids[2 * i].col, "duplicate key '%s' (first at line %u, "
					          "column %u)", m->u.kids[2 * i].u.s, m->u.kids[2 * j].line,
					          m->u.kids[2 * j].col);
					break;
				}
		return;
	}
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

static void add_node(struct builder *b, const struct ynode *n)
{
	if (b->depth == 0) {
		b->t->root = *n;
		b->have_root = true;
		return;
	}
	*VEC_PUSH(b->items, b->nitems, b->icap) = *n;
}

/* A map that is an item of a list in the top-level map, in streaming mode.
 * The list must be a value of that map, not a key (`? [ {..} ]`): a value
 * opens after its key, so the top-level map then holds an odd number of
 * items, the last one the key. (A key list once read items[-1].) */
static bool is_stream_item(const struct builder *b)
{
	return b->item_fn && b->depth == 3 && b->stack[0].node.kind == Y_MAP &&
	       b->stack[1].node.kind == Y_SEQ && b->stack[2].node.kind == Y_MAP &&
	       b->stack[1].first > b->stack[0].first &&
	       (b->stack[1].first - b->stack[0].first) % 2 == 1 &&
	       b->items[b->stack[1].first - 1].kind == Y_SCALAR;
}

static void close_coll(struct builder *b)
{
	bool stream = is_stream_item(b);
	struct open_coll *o = &b->stack[--b->depth];
	struct ynode n = o->node;
	size_t count = b->nitems - o->first;
	n.n = n.kind == Y_MAP ? count / 2 : count;
	n.u.kids = count ? arena_alloc(&b->t->nodes, count * sizeof *n.u.kids) : NULL;
	if (count)
		memcpy(n.u.kids, b->items + o->first, count * sizeof *n.u.kids);
	b->nitems = o->first;
	if (n.kind == Y_MAP)
		check_map_keys(b, &n);
	if (stream) {
		/* The list's key is the last item of the top-level map. */
		const struct ynode *key = &b->items[b->stack[1].first - 1];
		size_t held = b->item_fn(key->u.s, &n, b->item_arg) + b->t->text.bytes +
		              b->t->nodes.bytes + b->cap * sizeof *b->stack + b->icap * sizeof *b->items;
		size_t read = b->in->f ? b->in->total : b->in->len;
		if (b->lim->mem_floor && held > b->lim->mem_floor + 2 * read) {
			diags_add(b->d, DIAG_ERROR, b->name, n.line, n.col, "the %s is packed too densely "
			          "to load: after the first %zu KB of the file it needs %zu KB of memory, "
			          "and %s may use %zu KB plus twice the bytes read (write it out one key "
			          "to a line)", b->lim->what, read / 1024, held / 1024, b->lim->what_a,
			          b->lim->mem_floor / 1024);
			b->fatal = true;
		}
		arena_rewind(&b->t->nodes, o->mark);
		b->kept = o->kept_at_open - 1; /* its nodes are freed: no longer kept */
		return;
	}
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
		          "%s (U+%04X) in text, at byte %zu of the value; text may not contain "
		          "control or invisible formatting characters",
		          text_problem_name(p), (unsigned)cp, off + 1);
	else
		diags_add(b->d, DIAG_ERROR, b->name, n->line, n->col,
		          "%s in text, at byte %zu of the value", text_problem_name(p), off + 1);
}

static bool count_node(struct builder *b, yaml_mark_t m)
{
	++b->nodes;
	++b->kept;
	if (b->nodes > b->lim->max_nodes) {
		diags_add(b->d, DIAG_ERROR, b->name, (unsigned)m.line + 1, (unsigned)m.column + 1,
		          "too many YAML nodes (the limit is %zu)", b->lim->max_nodes);
		b->fatal = true;
		return false;
	}
	/* m.index counts characters, at most the bytes read: a bound on the
	 * nodes kept in the tree by the input so far keeps memory proportional
	 * to the file (streamed items are freed as they come, so they do not
	 * count once handed over). */
	if (b->lim->bytes_per_node &&
	    b->kept > b->lim->node_floor + m.index / b->lim->bytes_per_node) {
		diags_add(b->d, DIAG_ERROR, b->name, (unsigned)m.line + 1, (unsigned)m.column + 1,
		          "too many YAML values for the size of the file (more than %zu, and one "
		          "for every %zu bytes after that)", b->lim->node_floor, b->lim->bytes_per_node);
		b->fatal = true;
		return false;
	}
	return true;
}

static void check_props(struct builder *b, yaml_mark_t m, const yaml_char_t *anchor,
                        const yaml_char_t *tag)
{
	if (anchor)
		err_at(b, m, "anchors (&%s) are not supported; write the text out in full",
		       (const char *)anchor);
	if (tag)
		err_at(b, m, "tags (%s) are not supported", (const char *)tag);
}

/* Whether the next node added to the innermost open collection is a key. */
static bool next_is_key(const struct builder *b)
{
	return b->depth && b->stack[b->depth - 1].node.kind == Y_MAP &&
	       (b->nitems - b->stack[b->depth - 1].first) % 2 == 0;
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
		err_at(b, e->start_mark, "aliases (*%s) are not supported; write the text out "
		       "in full", (const char *)e->data.alias.anchor);
		n.kind = Y_SCALAR;
		n.u.s = arena_strndup(&b->t->nodes, "", 0);
		if (count_node(b, e->start_mark))
			add_node(b, &n);
		break;
	case YAML_SCALAR_EVENT:
		if (!count_node(b, e->start_mark))
			break;
		check_props(b, e->start_mark, e->data.scalar.anchor,
		            e->data.scalar.plain_implicit || e->data.scalar.quoted_implicit
		                    ? NULL : e->data.scalar.tag);
		if (b->lim->max_text && e->data.scalar.length > b->lim->max_text) {
			diags_add(b->d, DIAG_ERROR, b->name, n.line, n.col,
			          "a text of %zu bytes is too long (the limit is %zu)",
			          e->data.scalar.length, b->lim->max_text);
			b->fatal = true;
			break;
		}
		n.kind = Y_SCALAR;
		n.n = e->data.scalar.length;
		/* Keys go with the nodes (a streamed item gives them back); values
		 * are kept. */
		n.u.s = arena_strndup(next_is_key(b) && b->depth > 1 ? &b->t->nodes : &b->t->text,
		                      (const char *)e->data.scalar.value, n.n);
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
		n.kind = seq ? Y_SEQ : Y_MAP;
		o->node = n;
		o->first = b->nitems;
		o->mark = arena_mark(&b->t->nodes);
		o->kept_at_open = b->kept; /* counted already, itself included */
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

static struct ytree *build(struct input *in, const char *display, const struct ytree_limits *lim,
                           struct diags *d, ytree_item_fn *item_fn, void *arg)
{
	size_t errors_before = d->errors;
	struct ytree *t = xcalloc(1, sizeof *t);
	t->name = xstrdup(display);
	struct builder b = {.t = t, .name = t->name, .lim = lim, .d = d, .item_fn = item_fn,
	                    .item_arg = arg, .in = in};
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	/* Without this libyaml silently decodes UTF-16 files. */
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!in->f && in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0) {
		in->data += 3; /* a UTF-8 byte-order mark, as for files (read_file) */
		in->len -= 3;
	}
	if (in->f)
		yaml_parser_set_input(&p, read_file, in);
	else
		yaml_parser_set_input_string(&p, (const unsigned char *)in->data, in->len);
	int docs = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			report_parser_error(&b, &p, in);
			break;
		}
		bool end = e.type == YAML_STREAM_END_EVENT;
		handle_event(&b, &e, &docs);
		yaml_event_delete(&e);
		if (end || b.fatal)
			break;
	}
	yaml_parser_delete(&p);
	free(b.stack);
	free(b.items);
	t->hash = hash_end(&in->hash, in->f ? in->total : in->len);

	if (d->errors == errors_before &&
	    (!b.have_root || (t->root.kind == Y_SCALAR && t->root.n == 0)))
		diag_error(d, display, 1, 1, "the file is empty");
	if (d->errors != errors_before) {
		ytree_free(t);
		return NULL;
	}
	return t;
}

struct ytree *ytree_parse_stream(const char *data, size_t len, const char *display,
                                 const struct ytree_limits *lim, struct diags *d,
                                 ytree_item_fn *item, void *arg)
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
	struct input in = {.data = data, .len = len, .hash = {1469598103934665603ULL, 0, 0}, .max = len};
	hash_bytes(&in.hash, (const unsigned char *)data, len);
	return build(&in, display, lim, d, item, arg);
}

struct ytree *ytree_parse(const char *data, size_t len, const char *display,
                          const struct ytree_limits *lim, struct diags *d)
{
	return ytree_parse_stream(data, len, display, lim, d, NULL, NULL);
}

struct ytree *ytree_load_stream(const char *path, const char *display,
                                const struct ytree_limits *lim, struct diags *d,
                                ytree_item_fn *item, void *arg)
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
	struct input in = {.f = f, .hash = {1469598103934665603ULL, 0, 0}, .max = lim->max_bytes};
	struct ytree *t = build(&in, display, lim, d, item, arg);
	fclose(f);
	return t;
}

struct ytree *ytree_load(const char *path, const char *display,
                         const struct ytree_limits *lim, struct diags *d)
{
	return ytree_load_stream(path, display, lim, d, NULL, NULL);
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
	arena_free(&t->text);
	arena_free(&t->nodes);
	free(t->name);
	free(t);
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != Y_MAP)
		return NULL;
	/* Comparing the first byte first skips most strcmp calls: this lookup
	 * runs for every field of every entry of a guide. */
	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *k = &map->u.kids[2 * i];
		if (k->kind == Y_SCALAR && k->u.s[0] == key[0] && strcmp(k->u.s, key) == 0)
			return k + 1;
	}
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
