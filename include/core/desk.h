/* SPDX-License-Identifier: MIT */
/* The intake desk: one computer that serves many people in a day. Its
 * settings (desk mode, the idle time before a wipe, the one folder files may
 * be written to, the view a volunteer starts in) come from a small config
 * file an administrator puts under /etc, and from the command line; the
 * folder check here is the one gate every write goes through (fileio.c
 * calls it once fileio_confine is set). No terminal, no printing. */
#ifndef REMEDIES_DESK_H
#define REMEDIES_DESK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

/* Where the administrator's settings live; REMEDIES_CONFIG names another
 * file (tests, a second kiosk account). */
#define DESK_CONFIG_FILE "/etc/remedies.conf"
#define DESK_CONFIG_ENV "REMEDIES_CONFIG"
/* Ten minutes without a key: the next person may be at the keyboard. */
#define DESK_IDLE_DEFAULT 600
/* Once the idle time is up, the seconds the countdown shows before the
 * wipe (less when the idle time itself is shorter). */
#define DESK_COUNTDOWN 30
/* A day: anything longer is a typo for a wipe that never comes. */
#define DESK_IDLE_MAX 86400

enum desk_view { DESK_VIEW_SELF_HELP, DESK_VIEW_VOLUNTEER };

/* What the config file set; each field counts only when its bit is in
 * `given`, so the command line can fill in the rest. */
enum desk_key { DESK_SET_DESK = 1u << 0, DESK_SET_IDLE = 1u << 1, DESK_SET_FOLDER = 1u << 2,
                DESK_SET_VIEW = 1u << 3 };

struct desk_config {
	unsigned given;          /* enum desk_key bits */
	bool desk;
	int idle;                /* seconds, 1..DESK_IDLE_MAX */
	char *folder;            /* owned; absolute, as written; NULL when not given */
	enum desk_view view;
};

/* Parses a config file's text: `key = value` lines, `#` comment lines and
 * blank lines. Keys: desk (yes|no), idle (a duration), folder (an absolute
 * path), view (self-help|volunteer). Strict: an unknown key, a bad value, a
 * key given twice, a line without '=', a control character: each is an
 * error at FILE:LINE:COL in d, and the result is false (c then holds what
 * was read before, to be freed). `name` is the file's name for messages. */
bool desk_config_parse(const char *text, size_t len, const char *name, struct desk_config *c,
                       struct diags *d);
/* Reads and parses the file at path. A file that does not exist is no
 * error (no settings); one that cannot be read is. */
bool desk_config_load(const char *path, struct desk_config *c, struct diags *d);
void desk_config_free(struct desk_config *c);

/* A duration: seconds ("90"), or a number with a unit s, m or h ("90s",
 * "10m", "1h"). True and *seconds set when it is one in 1..DESK_IDLE_MAX. */
bool desk_parse_duration(const char *s, int *seconds);

enum desk_path {
	DESK_PATH_OK,
	DESK_PATH_OUTSIDE,    /* the file would not be inside the folder */
	DESK_PATH_NO_FOLDER,  /* the folder itself is missing */
	DESK_PATH_NOT_FILE,   /* the name is taken by a link, a device, a folder... */
};

/* Whether writing a file at `path` (absolute, or relative to the current
 * folder) puts it inside `folder` or a folder under it. The folder and the
 * file's parent are resolved with realpath, so symbolic links and `..`
 * cannot lead out; the name itself must be new or a regular file (a link
 * there could point anywhere). With `resolved`, on DESK_PATH_OK, it gets
 * the real path to write to (new string, caller frees). */
enum desk_path desk_path_check(const char *folder, const char *path, char **resolved);

#endif
