/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes as an answers file for the test guide,
 * replayed strictly and leniently, then written out again and re-read. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/session.h"

static struct guide *G;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	if (!G) {
		struct diags d = {0};
		const char *path = getenv("FUZZ_GUIDE");
		G = guide_load(path ? path : "tests/guides/mini.yaml", &d);
		diags_free(&d);
		if (!G)
			abort();
	}
	struct diags d = {0};
	struct answers *a = answers_parse((const char *)data, size, "fuzz.yaml", G, &d);
	if (a && answers_match_guide(a, G, &d)) {
		for (int strict = 0; strict < 2; strict++) {
			struct session *s = session_new(G);
			answers_replay(a, s, strict, &d);
			answers_check_expectations(a, s, &d);
			char *text = answers_format(s);
			struct answers *b = answers_parse(text, strlen(text), "again", G, &d);
			if (!b)
				abort(); /* what we write must read back */
			answers_free(b);
			free(text);
			session_free(s);
		}
	}
	answers_free(a);
	diags_free(&d);
	return 0;
}
