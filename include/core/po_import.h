/* SPDX-License-Identifier: MIT */
/* The way back from a translators' PO file (po_import.c): its translations
 * written into the guide's YAML in place, every other byte kept. The types
 * are po.h's. */
#ifndef REMEDIES_PO_IMPORT_H
#define REMEDIES_PO_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/po.h"

/* Reads a PO file (po, po_len bytes, named po_name in messages) and sets
 * files[i].out for each file whose translations change. The language is
 * the PO header's Language (meta->lang is ignored and set to it, borrowed
 * from *lang_out, which the caller frees). A language the guide lacks is
 * added to the guide's `languages` list (in the file named guide_name).
 * Fuzzy and empty entries are skipped. Returns false (nothing to write)
 * when the PO file cannot be read; problems go to d. */
bool po_import(const char *po, size_t po_len, const char *po_name, struct po_file *files,
               size_t n, const char *guide_name, struct po_meta *meta, char **lang_out,
               struct po_stats *st, struct diags *d);

#endif
