/* SPDX-License-Identifier: MIT */
/* Where the program's data (the bundled guide and its scenarios) was
 * installed. Kept in its own object so that `make install` can link the
 * installed program with the install-time folder without rebuilding the
 * tree (see the Makefile's install target). */
#ifndef REMEDIES_CLI_PATHS_H
#define REMEDIES_CLI_PATHS_H

#include <stdbool.h>

/* DATADIR as given to the build (or to `make install`), e.g. "/usr/share". */
extern const char paths_datadir[];
/* True in the program `make install` links: it prefers its installed data
 * to a guide found beside it. */
extern const bool paths_installed;

#endif
