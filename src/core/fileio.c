/* SPDX-License-Identifier: MIT */
#include "core/fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/desk.h"
#include "core/util.h"

/* Desk mode's one gate (fileio_confine): the folder, and whether it holds. */
static bool confined;
static char *confine_folder;

void fileio_confine(const char *folder)
{
	free(confine_folder);
	confine_folder = folder ? xstrdup(folder) : NULL;
	confined = true;
}

const char *fileio_confined_to(void)
{
	return confine_folder;
}

bool fileio_confined(void)
{
	return confined;
}

static bool write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/* Gives the finished temporary file tmp the name path, never replacing a
 * file of that name. Returns 0 or an errno (EEXIST when path exists).
 *  1. link(): atomic and refuses to replace; but FAT, exFAT and some FUSE
 *     and network file systems have no hard links (EPERM, EOPNOTSUPP).
 *  2. renameat2(RENAME_NOREPLACE): atomic as well; Linux 3.15+, and the
 *     kernel's vfat and exfat support it (called through syscall() since
 *     glibc 2.36 declares it only with _GNU_SOURCE).
 *  3. Where neither works (FUSE file systems without rename flags, other
 *     kernels): claim the name with open(O_CREAT|O_EXCL), then rename the
 *     temporary file over that empty placeholder. No existing file is ever
 *     replaced; the race that remains is that a program which replaces the
 *     placeholder in the instant between the two calls loses its file, and a
 *     crash in that instant leaves an empty file of that name. */
static int publish_new(const char *tmp, const char *path)
{
	if (link(tmp, path) == 0) {
		unlink(tmp);
		return 0;
	}
	int err = errno;
	if (err != EPERM && err != EOPNOTSUPP && err != ENOSYS && err != EMLINK)
		return err;
#ifdef SYS_renameat2
	if (syscall(SYS_renameat2, AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	err = errno;
	if (err != EINVAL && err != ENOSYS && err != EOPNOTSUPP && err != EPERM)
		return err;
#endif
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0600);
	if (fd < 0)
		return errno;
	close(fd);
	if (rename(tmp, path) != 0) {
		err = errno;
		unlink(path);
		return err;
	}
	return 0;
}

static enum fileio_status fail(struct diags *d, const char *path, const char *what, int err,
                               int *errp)
{
	diag_error(d, path, 0, 0, "cannot %s: %s; nothing was saved", what, strerror(err));
	*errp = err;
	return FILEIO_FAILED;
}

static enum fileio_status write_in_place(const char *path, const char *data, size_t len,
                                         struct diags *d, int *errp)
{
	/* O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of
	 * freezing the program (and its quick exit) in open(). Writes block
	 * again, as a terminal or a reading FIFO expects. */
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return fail(d, path, "open", errno, errp);
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	if (!write_all(fd, data, len)) {
		int err = errno ? errno : EIO;
		close(fd);
		return fail(d, path, "write", err, errp);
	}
	if (close(fd) != 0)
		return fail(d, path, "write", errno, errp);
	return FILEIO_OK;
}

static enum fileio_status write_checked(const char *path, const char *data, size_t len,
                                        bool overwrite, struct diags *d, int *errp);

/* The temporary file of the save in progress, kept where a signal handler
 * can reach it without allocating (fileio_abandon). */
static char pending_tmp[PATH_MAX + 64];
static volatile sig_atomic_t pending;

void fileio_abandon(void)
{
	if (pending) {
		pending = 0;
		unlink(pending_tmp);
	}
}

/* Temporary names are "<folder>/.remedies-tmp-<pid>-XXXXXX": short, so any
 * name the user chose fits (NAME_MAX is about the last component), and
 * recognisable, so that a later save can remove the ones a killed run left
 * (SIGKILL, a power cut). */
#define TMP_PREFIX ".remedies-tmp-"

/* Removes, in folder dir, temporary files left by earlier runs: named as
 * above, regular, owned by this user, and whose process no longer exists.
 * (A process of the same number in another PID namespace writing to the
 * same folder would lose its temporary file: an accepted risk.) */
static void sweep_stale(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	pid_t me = getpid();
	struct dirent *e;
	while ((e = readdir(dp))) {
		const char *n = e->d_name;
		if (strncmp(n, TMP_PREFIX, sizeof TMP_PREFIX - 1) != 0)
			continue;
		char *end;
		long pid = strtol(n + sizeof TMP_PREFIX - 1, &end, 10);
		if (end == n + sizeof TMP_PREFIX - 1 || *end != '-' || strlen(end) != 7 || pid <= 0 ||
		    pid == me || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		struct stat st;
		if (fstatat(dirfd(dp), n, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			unlinkat(dirfd(dp), n, 0);
	}
	closedir(dp);
}

/* Makes the temporary file beside path, in pending_tmp. Returns a
 * descriptor, or -1 with errno set. */
static int make_tmp(const char *path)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	int n = snprintf(pending_tmp, sizeof pending_tmp, "%.*s" TMP_PREFIX "%ld-XXXXXX", dirlen,
	                 path, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof pending_tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	char *dir = dirlen ? xasprintf("%.*s", dirlen, path) : xstrdup(".");
	sweep_stale(dir);
	free(dir);
	/* mkstemp creates the file with mode 0600 whatever the umask. */
	int fd = mkstemp(pending_tmp);
	if (fd >= 0)
		pending = 1;
	return fd;
}

enum fileio_status fileio_write(const char *path, const char *data, size_t len, bool overwrite,
                                struct diags *d)
{
	int err;
	return fileio_write_err(path, data, len, overwrite, d, &err);
}

enum fileio_status fileio_write_err(const char *path, const char *data, size_t len,
                                    bool overwrite, struct diags *d, int *errp)
{
	*errp = 0;
	char *inside = NULL;
	if (confined) {
		enum desk_path p = confine_folder ? desk_path_check(confine_folder, path, &inside)
		                                  : DESK_PATH_NO_FOLDER;
		if (p != DESK_PATH_OK) {
			if (confine_folder)
				diag_error(d, path, 0, 0, "outside the desk folder %s; nothing was saved",
				           confine_folder);
			else
				diag_error(d, path, 0, 0, "this desk keeps no files; nothing was saved");
			*errp = FILEIO_E_OUTSIDE;
			return FILEIO_FAILED;
		}
		/* Written at the real path the check approved, not at a name a
		 * link could redirect afterwards. */
		path = inside;
	}
	enum fileio_status r = write_checked(path, data, len, overwrite, d, errp);
	free(inside);
	return r;
}

static enum fileio_status write_checked(const char *path, const char *data, size_t len,
                                        bool overwrite, struct diags *d, int *errp)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			diag_error(d, path, 0, 0, "is a folder; give a file name; nothing was saved");
			*errp = EISDIR;
			return FILEIO_FAILED;
		}
		/* A FIFO, a device, a socket (or a link to one) is written in
		 * place, and only when asked to: like a file, it is never written
		 * over without consent. */
		if (!overwrite)
			return FILEIO_EXISTS;
		if (!S_ISREG(st.st_mode))
			return write_in_place(path, data, len, d, errp);
	}
	int fd = make_tmp(path);
	if (fd < 0)
		return fail(d, path, "create", errno, errp);
	const char *tmp = pending_tmp;
	int err = 0;
	const char *what = "write";
	if (!write_all(fd, data, len) || fsync(fd) != 0)
		err = errno ? errno : EIO;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err) {
		what = "save";
		if (overwrite) {
			if (rename(tmp, path) != 0)
				err = errno;
		} else {
			err = publish_new(tmp, path);
		}
	}
	if (err)
		unlink(tmp);
	pending = 0;
	if (err == EEXIST)
		return FILEIO_EXISTS;
	if (err)
		return fail(d, path, what, err, errp);
	return FILEIO_OK;
}
