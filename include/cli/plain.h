/* SPDX-License-Identifier: MIT */
/* The line-mode front end: prints a question with numbered choices and reads
 * one line per answer. No cursor movement and no colour, so it works in pipes
 * and with screen readers. */
#ifndef REMEDIES_PLAIN_H
#define REMEDIES_PLAIN_H

#include <stddef.h>
#include <stdio.h>

#include "core/session.h"

/* Runs the wizard until the results (printed, status 0), a quit (0) or the
 * end of input (1, with a message on err). Output that cannot be written
 * (a full disk, a closed or broken pipe) ends it with PLAIN_WRITE_FAILED
 * and a message on err. width is the wrap width. */
enum { PLAIN_WRITE_FAILED = 1 };
int plain_run(struct session *s, const char *lang, FILE *in, FILE *out, FILE *err, size_t width);

#endif
