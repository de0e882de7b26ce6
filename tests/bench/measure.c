/* SPDX-License-Identifier: MIT */
/* Runs two commands in turn, RUNS times each, interleaved so that both see
 * the same machine load, and prints for each the median wall time (ms) and
 * the largest peak resident memory (KB): "MS1 KB1 MS2 KB2". Their output is
 * discarded.
 * usage: measure RUNS COMMAND1 [ARG...] -- COMMAND2 [ARG...] */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* One run: wall milliseconds, and the peak memory into *peak. -1 on failure. */
static double run(char **argv, long *peak)
{
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &b);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "measure: %s failed\n", argv[0]);
		return -1;
	}
	if (ru.ru_maxrss > *peak)
		*peak = ru.ru_maxrss;
	return (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 5)
		return 2;
	int runs = atoi(argv[1]);
	int sep = 0;
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--") == 0)
			sep = i;
	if (runs < 1 || runs > 100 || sep < 3 || sep == argc - 1)
		return 2;
	argv[sep] = NULL;
	char **cmd[2] = {argv + 2, argv + sep + 1};
	double ms[2][100];
	long peak[2] = {0, 0};
	for (int i = 0; i < runs; i++)
		for (int c = 0; c < 2; c++)
			if ((ms[c][i] = run(cmd[c], &peak[c])) < 0)
				return 1;
	for (int c = 0; c < 2; c++) {
		qsort(ms[c], (size_t)runs, sizeof *ms[c], cmp_double);
		printf("%s%.1f %ld", c ? " " : "", ms[c][runs / 2], peak[c]);
	}
	printf("\n");
	return 0;
}
