/* SPDX-License-Identifier: MIT */
/* The baseline: a bare libyaml event scan of a file (read it, parse every
 * event, keep nothing). remedies check must stay within 1.5x of this. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return 1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	unsigned char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		return 1;
	fclose(f);
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, (size_t)n);
	size_t events = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e))
			return 1;
		int end = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		events++;
		if (end)
			break;
	}
	yaml_parser_delete(&p);
	free(buf);
	printf("%zu events\n", events);
	return 0;
}
