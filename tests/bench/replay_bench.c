/* SPDX-License-Identifier: MIT */
/* Per-step cost of replaying answers: loads a guide and a long answers file
 * (not timed), then times replaying the first STEPS answers, several times,
 * and prints the median nanoseconds per step.
 * usage: replay_bench GUIDE ANSWERS STEPS RUNS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/answers.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/session.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 5)
		return 2;
	struct diags d = {0};
	struct guide *g = guide_load(argv[1], &d);
	struct answers *a = g ? answers_load(argv[2], g, &d) : NULL;
	if (!a) {
		fprintf(stderr, "replay_bench: cannot load %s or %s\n", argv[1], argv[2]);
		return 1;
	}
	size_t steps = (size_t)atol(argv[3]);
	int runs = atoi(argv[4]);
	if (steps > a->n)
		steps = a->n;
	a->n = steps;
	double ns[64];
	if (runs < 1 || runs > 64)
		return 2;
	for (int i = 0; i < runs; i++) {
		struct session *s = session_new(g);
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		size_t done = answers_replay(a, s, true, &d);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (done != steps) {
			fprintf(stderr, "replay_bench: replay stopped at %zu of %zu\n", done, steps);
			return 1;
		}
		ns[i] = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) /
		        (double)steps;
		session_free(s);
	}
	qsort(ns, (size_t)runs, sizeof *ns, cmp_double);
	printf("%.0f\n", ns[runs / 2]);
	answers_free(a);
	guide_free(g);
	diags_free(&d);
	return 0;
}
