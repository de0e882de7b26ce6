/* SPDX-License-Identifier: MIT */
#include "ui/field.h"

bool field_insert(struct buf *b, unsigned cp, size_t max)
{
	char s[4];
	size_t n = utf8_encode(cp, s);
	if (b->len + n >= max)
		return false;
	buf_add(b, s, n);
	return true;
}

bool field_delete(struct buf *b)
{
	if (!b->len)
		return false;
	/* Back over continuation bytes (10xxxxxx) to the lead byte. */
	while (b->len > 0) {
		unsigned char c = (unsigned char)b->s[--b->len];
		if ((c & 0xC0) != 0x80)
			break;
	}
	b->s[b->len] = '\0';
	return true;
}

void field_clear(struct buf *b)
{
	buf_free(b);
}
