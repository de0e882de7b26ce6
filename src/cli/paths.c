/* SPDX-License-Identifier: MIT */
#include "cli/paths.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share"
#endif
#ifndef REMEDIES_INSTALLED
#define REMEDIES_INSTALLED 0
#endif

const char paths_datadir[] = DATADIR;
const bool paths_installed = REMEDIES_INSTALLED;
