/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the condition language. The input becomes the `when:` of
 * a remedy in a small guide (so it goes through the real parser), and the
 * condition is then evaluated against fact values taken from the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/guide.h"
#include "core/guide_load.h"

static const char head[] =
	"guide: {id: f, title: t, version: '1', reviewed: '2026-01-01', languages: [en], start: q}\n"
	"paths: [{id: p, title: t}]\n"
	"nodes:\n"
	"  - {id: q, kind: question, text: t, choices: [{id: a, label: a, set: {x: a, y: b}, next: r},"
	" {id: b, label: b, set: {x: b}, next: r}]}\n"
	"  - {id: r, kind: result, remedies: [m]}\n"
	"citations: [{id: c, cite: c, title: t, url: 'https://x', verified: '2026-01-01', source: s}]\n"
	"remedies:\n"
	"  - {id: m, path: p, title: t, summary: s, who: w, steps: [s], limits: [l], where: [{name: n}],"
	" citations: [c], when: ";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096 || memchr(data, '\n', size))
		return 0;
	size_t len = sizeof head - 1 + size + 3;
	char *text = malloc(len + 1);
	memcpy(text, head, sizeof head - 1);
	memcpy(text + sizeof head - 1, data, size);
	memcpy(text + sizeof head - 1 + size, "}\n", 3);
	struct diags d = {0};
	struct guide *g = guide_parse(text, strlen(text), "cond.yaml", &d);
	if (g) {
		const struct cond *c = g->remedies[0].when;
		int facts[8];
		for (unsigned round = 0; round < 4; round++) {
			for (unsigned f = 0; f < g->nfacts && f < 8; f++)
				facts[f] = (int)((size ? data[(f + round) % size] : 0) % (g->nvalues + 1)) - 1;
			if (g->nfacts <= 8)
				cond_eval(c, facts);
		}
		guide_free(g);
	}
	diags_free(&d);
	free(text);
	return 0;
}
