/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes as a guide. Load, check, list paths, and walk
 * the guide taking choices picked by the input's own bytes, with Back, so
 * that a guide that loads can never crash the session either. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/check.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/guide_paths.h"
#include "core/report.h"
#include "core/session.h"

static void on_path(const char *p, int r, void *a)
{
	(void)p;
	(void)r;
	(void)a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	struct diags d = {0};
	struct guide *g = guide_parse((const char *)data, size, "fuzz.yaml", &d);
	if (g) {
		struct check_summary sum;
		guide_check(g, NULL, &d, &sum);
		check_summary_free(&sum);
		if (d.errors == 0) {
			guide_each_path(g, 1000, on_path, NULL, NULL);
			struct session *s = session_new(g);
			for (size_t i = 0; i < 64 && !session_finished(s); i++) {
				const struct node *n = session_node(s);
				uint8_t b = data[i % size];
				if (b % 7 == 0) {
					session_back(s);
				} else if (n->kind == NODE_INFO) {
					session_continue(s);
				} else {
					unsigned c = n->nchoices ? b % n->nchoices : 0;
					session_answer(s, &c, 1);
				}
			}
			char *r = report_text(s, "en", 60);
			free(r);
			session_free(s);
		}
		guide_free(g);
	}
	diags_free(&d);
	return 0;
}
