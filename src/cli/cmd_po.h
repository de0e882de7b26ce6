/* SPDX-License-Identifier: MIT */
/* `remedies po export|import` (cmd_po.c): the guide's texts as a gettext
 * PO file for translators, and the way back. Private to src/cli. */
#ifndef REMEDIES_CMD_PO_H
#define REMEDIES_CMD_PO_H

#include <stdbool.h>

/* sub: "export" or "import"; arg: the guide to export (NULL: guide_path)
 * or the PO file to import; output and force: where export writes (NULL or
 * "-": stdout), and whether over an existing file; stamp: po import
 * --stamp. Returns the exit status; every message printed. */
int cmd_po(const char *sub, const char *arg, const char *guide_path, const char *lang_opt,
           const char *output, bool force, bool stamp);

#endif
