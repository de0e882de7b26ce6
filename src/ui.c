#include "ui.h"

#include <stdio.h>

#include "plain.h"

int ui_run(struct session *s, const char *lang)
{
	return plain_run(s, lang, stdin, stdout, stderr, 78);
}
