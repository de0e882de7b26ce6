/* SPDX-License-Identifier: MIT */
/* The web addresses of a remedy, for the page that shows them whole: a
 * screen line cuts an address wider than the window, and a cut address is
 * a dead link when copied. term.c prints these outside the layout, one
 * address a line, so the terminal wraps it and copies it whole. */
#ifndef REMEDIES_UI_LINKS_H
#define REMEDIES_UI_LINKS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/layout.h"

struct ui_link {
	char *label;       /* what the address is (a place, a citation), sanitised */
	char *url;         /* the address, sanitised */
};

/* The addresses of the remedy view v shows (VIEW_DETAIL: its places, then
 * its citations), labelled in v->lang. Returns how many; *out is a new
 * array (NULL when none), freed with ui_links_free. */
size_t ui_links(const struct view *v, struct ui_link **out);
void ui_links_free(struct ui_link *links, size_t n);

/* Whether an address may go inside an OSC 8 hyperlink as it is: printable
 * ASCII only, so nothing in it can end the escape sequence early. */
bool ui_link_safe(const char *url);

#endif
