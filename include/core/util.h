/* SPDX-License-Identifier: MIT */
/* Memory helpers and small containers shared by every module.
 * Out of memory is not recoverable for an interactive tool: the x* allocators
 * print one line and exit(70) so no caller has to handle NULL. */
#ifndef REMEDIES_UTIL_H
#define REMEDIES_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
/* Bytes asked of the x* allocators since the program started (a realloc
 * counts its new size), for tests that check a cost stays linear in its
 * input without timing it: the growth from N to 2N steps of a walk. */
size_t util_alloc_bytes(void);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Grows *v (an array of elements of size `size` with capacity *cap) so it can
 * hold at least `need` elements. Amortised doubling keeps appends linear. */
void grow_array(void *v, size_t *cap, size_t need, size_t size);
#define VEC_PUSH(v, n, cap) (grow_array(&(v), &(cap), (n) + 1, sizeof *(v)), &(v)[(n)++])

/* A growable NUL-terminated byte string. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (never NULL) and empties the buffer. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* A string -> int map with open addressing, for id lookups in O(1). Keys are
 * borrowed: they must outlive the map. */
struct strmap {
	const char **keys;
	int *vals;
	size_t n, cap;
};
/* Returns the existing value when the key is already present (and does not
 * replace it), else inserts and returns -1. */
int strmap_put(struct strmap *m, const char *key, int val);
int strmap_get(const struct strmap *m, const char *key); /* -1 when absent */
void strmap_free(struct strmap *m);

/* A chunked bump allocator: many small objects freed all at once. Memory is
 * zeroed. A mark taken before building something temporary lets the caller
 * give back everything allocated since (arena_rewind). */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	size_t bytes;        /* total allocated, for statistics */
};
struct arena_mark {
	struct arena_chunk *chunk;
	size_t used;
};
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
struct arena_mark arena_mark(const struct arena *a);
void arena_rewind(struct arena *a, struct arena_mark m);
void arena_free(struct arena *a);

/* Writes code point cp (below 0x110000) as UTF-8 into out; returns the
 * number of bytes (1 to 4). */
size_t utf8_encode(unsigned cp, char out[4]);

/* Sets n bytes at p to zero in a way the compiler may not leave out (the
 * memory is about to be freed): personal data must not linger in the heap. */
void mem_wipe(void *p, size_t n);

/* Edit distance, capped: returns cap+1 as soon as the distance exceeds cap. */
size_t edit_distance(const char *a, const char *b, size_t cap);

#endif
