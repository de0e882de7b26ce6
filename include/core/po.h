/* SPDX-License-Identifier: MIT */
/* Translators' files: every translatable text of a guide, its scenarios
 * and the program's messages as one GNU gettext PO file for a language, and
 * the way back. A translatable text is a YAML map of language to text that
 * has the source (first) language, such as {en: "...", es: "..."}; each is
 * one PO entry whose msgctxt says where it lives ("remedies.yaml:
 * nodes[who].text"), whose translator comments give its context, and which
 * is fuzzy when its translation records an older source text (lang.h).
 * Import rewrites only the translations that changed, in place, leaving
 * every other byte of the YAML as it was: export then import changes
 * nothing. The core never writes: the caller writes the new texts.
 * This header: the types both ways share, and the export (po.c); the
 * import is po_import.h. */
#ifndef REMEDIES_PO_H
#define REMEDIES_PO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

/* One YAML file the texts live in. */
struct po_file {
	const char *name;      /* as in msgctxt and references: "remedies.yaml" */
	const char *data;      /* its bytes (borrowed) */
	size_t len;
	bool messages;         /* the program's messages: %s placeholders are C formats */
	char *out;             /* po_import: the new text when it changed, else NULL (caller frees) */
	size_t out_len;
};

struct po_meta {
	const char *lang;          /* the language to translate into */
	const char *const *langs;  /* the guide's languages; the first is the source */
	unsigned nlangs;
	const char *project;       /* "remedies guide cbp-biometrics 1.0" */
	const char *date;          /* YYYY-MM-DD for the header (the guide's review date) */
	bool stamp;                /* po_import: record the source hash of translations that
	                              have none, although their text is unchanged */
};

struct po_stats {
	size_t entries;     /* translatable texts (export) or PO entries read (import) */
	size_t translated;  /* with a translation */
	size_t fuzzy;       /* stale (export) or skipped because fuzzy (import) */
	size_t changed;     /* translations written (import) */
	size_t unknown;     /* import: entries whose place is not in the files */
};

/* The PO text for meta->lang, or NULL with errors in d (a file that is not
 * YAML). Caller frees. */
char *po_export(struct po_file *files, size_t n, const struct po_meta *meta,
                struct po_stats *st, struct diags *d);

#endif
