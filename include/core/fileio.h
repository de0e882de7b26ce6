/* SPDX-License-Identifier: MIT */
/* Writing what the user asked to keep (reports, saved answers): personal
 * data, so always mode 0600, and atomically: a temporary file in the same
 * folder, flushed to disk, then renamed over the target. A failure leaves
 * the target as it was and no temporary file behind. */
#ifndef REMEDIES_FILEIO_H
#define REMEDIES_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

enum fileio_status {
	FILEIO_OK = 0,
	FILEIO_EXISTS,   /* the target exists and overwrite was false: nothing written */
	FILEIO_FAILED,   /* reported in d */
};

/* Writes len bytes to path. A target that exists is FILEIO_EXISTS unless
 * overwrite: then a regular file is replaced atomically, and anything else
 * (a terminal, a FIFO, /dev/full, or a symbolic link to one) is written in
 * place, since it cannot be replaced; opening it never blocks (a FIFO with
 * no reader fails with ENXIO). */
enum fileio_status fileio_write(const char *path, const char *data, size_t len, bool overwrite,
                                struct diags *d);
/* The same; on FILEIO_FAILED *err gets the errno of the failure (EISDIR for
 * a folder), so a front end can explain it in the user's language. */
enum fileio_status fileio_write_err(const char *path, const char *data, size_t len,
                                    bool overwrite, struct diags *d, int *err);

/* *err on FILEIO_FAILED when the desk's folder rule refused the path: no
 * errno is negative. */
#define FILEIO_E_OUTSIDE (-1)
/* Desk mode: from now on every write of this process goes only into
 * `folder` (or a folder under it), as desk_path_check decides; any other
 * path fails with FILEIO_E_OUTSIDE and writes nothing. folder NULL: nothing
 * may be written at all. Set once by the command line, for the whole run,
 * so no write path (a dialog, a report, one added later) can miss it. */
void fileio_confine(const char *folder);
/* The folder writes are confined to; NULL when none. */
const char *fileio_confined_to(void);
bool fileio_confined(void);

/* Removes the temporary file of a save in progress, if any. Async-signal-
 * safe: for a signal handler of the front end, before the program dies of
 * the signal. Temporary files that a killed run could not remove (SIGKILL)
 * are removed by a later save into the same folder. */
void fileio_abandon(void);

#endif
