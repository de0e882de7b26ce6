/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes as a translator's PO file, imported into the
 * test guide (tests/guides/mini.yaml, read once). Whatever the PO file
 * holds, what import writes is still YAML, and importing the same file
 * again changes nothing more (import is idempotent). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/po_import.h"
#include "core/util.h"
#include "core/yaml.h"

static char *Guide;
static size_t GuideLen;

static void import_once(const char *po, size_t len, struct po_file *f)
{
	static const char *const langs[] = {"en", "es"};
	struct po_meta meta = {.langs = langs, .nlangs = 2, .project = "fuzz", .date = "2026-11-27"};
	struct po_stats st;
	struct diags d = {0};
	char *lang = NULL;
	po_import(po, len, "fuzz.po", f, 1, "mini.yaml", &meta, &lang, &st, &d);
	free(lang);
	diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	if (!Guide) {
		FILE *fp = fopen("tests/guides/mini.yaml", "rb");
		if (!fp)
			abort();
		struct buf b = {0};
		char chunk[4096];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
			buf_add(&b, chunk, n);
		fclose(fp);
		GuideLen = b.len;
		Guide = buf_take(&b);
	}
	struct po_file f = {.name = "mini.yaml", .data = Guide, .len = GuideLen};
	import_once((const char *)data, size, &f);
	if (!f.out)
		return 0;
	struct diags d = {0};
	struct ytree *t = ytree_parse(f.out, f.out_len, "out.yaml", NULL, &d);
	if (!t)
		abort(); /* import broke the YAML */
	ytree_free(t);
	diags_free(&d);
	struct po_file g = {.name = "mini.yaml", .data = f.out, .len = f.out_len};
	import_once((const char *)data, size, &g);
	if (g.out && (g.out_len != f.out_len || memcmp(g.out, f.out, f.out_len) != 0))
		abort(); /* a second import of the same file changed more */
	free(g.out);
	free(f.out);
	return 0;
}
