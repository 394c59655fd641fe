/*
 * Atomic output: every backend writes to a temporary file beside the
 * final one, which is renamed into place only when complete.  The
 * temporary file in use is known, so that a signal can remove it.
 */
#define _GNU_SOURCE	/* memfd_create() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "output.h"

/*
 * Is final (when it exists) something other than a regular file: a
 * device such as /dev/null or /dev/full, a FIFO, a socket?  Such a
 * target is written to like standard output, never replaced by a
 * rename: renaming a file over /dev/null would destroy the device.
 */
static int
output_is_stream(const char *final)
{
	GStatBuf	 st;

	return final == NULL || (g_stat(final, &st) == 0 &&
	    !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
}

/* Bytes of the final name kept in a temporary one. */
#define OUTPUT_TMP_STEM	200

/*
 * The temporary file this process is writing, for dc_output_discard()
 * in a signal handler: a copy in static storage (a handler may not
 * touch the heap), valid while live is set.  Set and cleared with the
 * stopping signals blocked, so that a signal never sees a file that
 * exists and is not named here.  A memory file (standard output) has
 * no name to remove: stream_fd holds it instead.
 */
static char			 live_path[PATH_MAX];
static volatile sig_atomic_t	 live;
static int			 stream_fd = -1;
static int			 lock_fd = -1;	/* the temporary file,
					   open and locked */

/*
 * Block (SIG_BLOCK) or let in (SIG_UNBLOCK) the signals that stop a
 * batch, keeping the mask before in old; SIG_SETMASK restores it.
 */
static void
output_mask(int how, sigset_t *old)
{
	sigset_t	 set;

	if (how == SIG_BLOCK || how == SIG_UNBLOCK) {
		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGHUP);
		pthread_sigmask(how, &set, old);
	} else
		pthread_sigmask(SIG_SETMASK, old, NULL);
}

/*
 * Remove the temporary file being written, if any.  Safe in a signal
 * handler: only unlink(2) on a name copied beforehand.
 */
void
dc_output_discard(void)
{
	if (live)
		(void)unlink(live_path);
	live = 0;
}

/*
 * Standard output is written through a memory file (memfd): nothing
 * on disk to leave behind if the run is stopped, and no need for a
 * writable $TMPDIR.  The backends open it by name, /proc/self/fd/N.
 * Returns that name (g_free()), or NULL where memory files or /proc
 * are missing (then the temporary directory serves).
 */
static char *
output_memfd(void)
{
	char	*path;
	int	 fd, wfd;

	if ((fd = memfd_create("docconv-stdout", MFD_CLOEXEC)) == -1)
		return NULL;
	path = g_strdup_printf("/proc/self/fd/%d", fd);
	if ((wfd = open(path, O_WRONLY | O_CLOEXEC)) == -1) {
		close(fd);
		g_free(path);
		return NULL;
	}
	close(wfd);
	stream_fd = fd;
	return path;
}

/*
 * A temporary name always fits: the final name is at most NAME_MAX
 * bytes, and ".", ".XXXXXX" (and libzip's own ".XXXXXX" after it)
 * would make a long one too long.  The base name is cut in place to
 * OUTPUT_TMP_STEM bytes, at a character boundary; the name is only
 * ours.
 */
static void
output_stem(char *base)
{
	const char	*end;

	if (strlen(base) <= OUTPUT_TMP_STEM)
		return;
	end = base + OUTPUT_TMP_STEM;
	while (end > base && ((unsigned char)*end & 0xC0) == 0x80)
		end--;
	base[end - base] = '\0';
}

/*
 * Create an empty temporary file for final: beside it, or, for
 * standard output (NULL) and non-regular files, in the temporary
 * directory.  Returns its path (g_free()) or NULL after reporting the
 * failure.
 */
char *
dc_output_begin(const char *final)
{
	char	*dir, *base, *tmp;
	sigset_t old;
	mode_t	 mask;
	int	 fd;

	if (output_is_stream(final)) {
		if ((tmp = output_memfd()) != NULL)
			return tmp;
		dir = g_strdup(g_get_tmp_dir());
		base = g_strdup("docconv-stdout");
	} else {
		dir = g_path_get_dirname(final);
		base = g_path_get_basename(final);
	}
	output_stem(base);
	tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	output_mask(SIG_BLOCK, &old);
	if (strlen(tmp) < sizeof(live_path) &&
	    (fd = g_mkstemp(tmp)) != -1) {
		memcpy(live_path, tmp, strlen(tmp) + 1);
		live = 1;
	} else
		fd = -1;
	output_mask(SIG_SETMASK, &old);
	if (fd == -1) {
		dc_msg_sys("%s: cannot create a file there: %s",
		    final != NULL ? final : tmp, g_strerror(errno));
		g_free(tmp);
		return NULL;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	/*
	 * Locked while it is ours, so that a later run can tell one
	 * left by a process killed with SIGKILL (dc_output_sweep()).
	 */
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	(void)flock(fd, LOCK_EX | LOCK_NB);
	lock_fd = fd;
	return tmp;
}

/*
 * Copy a finished temporary file to standard output (final NULL) or
 * into the non-regular file final; a short write (ENOSPC on /dev/full,
 * EPIPE) is reported, not ignored.
 */
static int
output_copy(const char *tmp, const char *final)
{
	char	 buf[65536];
	FILE	*f, *out = stdout;
	size_t	 n;
	int	 rc = -1;

	if ((f = fopen(tmp, "rb")) == NULL) {
		dc_msg_sys("%s: %s", tmp, g_strerror(errno));
		return -1;
	}
	if (final != NULL && (out = fopen(final, "wb")) == NULL) {
		dc_msg_sys("%s: cannot write it: %s", final,
		    g_strerror(errno));
		fclose(f);
		return -1;
	}
	errno = 0;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			goto out;
	if (ferror(f) || fflush(out) != 0)
		goto out;
	rc = 0;
out:
	if (final != NULL && fclose(out) != 0 && rc == 0)
		rc = -1;
	if (rc == -1)
		dc_msg_sys("writing to %s: %s", final != NULL ? final :
		    "standard output", g_strerror(errno != 0 ? errno : EIO));
	fclose(f);
	return rc;
}

/*
 * Finish an output: ok says whether the backend succeeded.  On
 * success, sync the temporary file and rename it to final (or copy it
 * to standard output if final is NULL, or into final if that is a
 * device or FIFO); in any case remove the temporary file.  Returns 0,
 * or -1 after reporting a failure.
 */
int
dc_output_end(char *tmp, const char *final, int ok)
{
	sigset_t old;
	int	 fd, rc = -1, stream = 0;

	if (tmp == NULL)
		return -1;
	if (!ok)
		goto out;
	if ((fd = open(tmp, O_RDONLY)) == -1 || fsync(fd) == -1) {
		dc_msg_sys("%s: %s", final != NULL ? final : "-",
		    g_strerror(errno));
		if (fd != -1)
			close(fd);
		goto out;
	}
	close(fd);
	if ((stream = output_is_stream(final))) {
		/*
		 * A FIFO with no reader, or a reader that stopped reading,
		 * may block here for ever: the stopping signals, held
		 * while a finished file is put in place, must stop us
		 * (the temporary file is removed; the copy is cut).
		 */
		output_mask(SIG_UNBLOCK, &old);
		rc = output_copy(tmp, final);
		output_mask(SIG_SETMASK, &old);
		goto out;
	}
	/* Renamed and forgotten at once, or a signal could miss it. */
	output_mask(SIG_BLOCK, &old);
	if (g_rename(tmp, final) == -1) {
		fd = errno;
		output_mask(SIG_SETMASK, &old);
		dc_msg_sys("%s: cannot write it: %s", final,
		    g_strerror(fd));
		goto out;
	}
	live = 0;
	output_mask(SIG_SETMASK, &old);
	rc = 0;
out:
	if (lock_fd != -1) {
		close(lock_fd);
		lock_fd = -1;
	}
	if (stream_fd != -1) {
		close(stream_fd);
		stream_fd = -1;
	} else if (rc == -1 || stream) {
		output_mask(SIG_BLOCK, &old);
		(void)g_unlink(tmp);
		live = 0;
		output_mask(SIG_SETMASK, &old);
	}
	g_free(tmp);
	return rc;
}

/*
 * Write a backend's whole text to path (the temporary file that
 * dc_output_begin() gave it).  Returns 0, or -1 after reporting why;
 * the file is closed either way.
 */
int
dc_output_write(const char *path, const char *buf, size_t len)
{
	FILE	*f;
	int	 short_write, e;

	if ((f = fopen(path, "wb")) == NULL) {
		dc_msg_sys("%s: %s", path, g_strerror(errno));
		return -1;
	}
	short_write = fwrite(buf, 1, len, f) != len;
	e = errno;
	if (fclose(f) != 0 || short_write) {
		dc_msg_sys("%s: %s", path, g_strerror(short_write ? e :
		    errno));
		return -1;
	}
	return 0;
}

/* Does name[0..n) end with ".XXXXXX", as g_mkstemp() and libzip make? */
static int
output_suffix(const char *name, size_t n)
{
	size_t	 i;

	if (n < 7 || name[n - 7] != '.')
		return 0;
	for (i = n - 6; i < n; i++)
		if (!g_ascii_isalnum(name[i]))
			return 0;
	return 1;
}

/*
 * Is name dc_output_begin()'s temporary ".BASE.XXXXXX" of a base name
 * in bases, or libzip's ".BASE.XXXXXX.XXXXXX" beside it?  Returns the
 * length of the leading ".BASE.XXXXXX" (the file whose lock says it is
 * in use), with *base set to BASE (g_free()); else 0.
 */
static size_t
output_tmp_name(const char *name, GHashTable *bases, char **base)
{
	size_t	 n = strlen(name);

	*base = NULL;
	if (name[0] != '.' || n < 9 || !output_suffix(name, n))
		return 0;
	*base = g_strndup(name + 1, n - 8);
	if (g_hash_table_contains(bases, *base))
		return n;
	g_free(*base);
	*base = NULL;
	if (n < 16 || !output_suffix(name, n - 7))
		return 0;
	*base = g_strndup(name + 1, n - 15);
	if (g_hash_table_contains(bases, *base))
		return n - 7;
	g_free(*base);
	*base = NULL;
	return 0;
}

/* Is path a regular file that no process holds locked? */
static int
output_unlocked(const char *path)
{
	struct stat	 st;
	int		 fd, rc;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return errno == ENOENT;
	rc = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    flock(fd, LOCK_SH | LOCK_NB) == 0;
	close(fd);
	return rc;
}

/* The stale temporary files in dir of the base names in bases. */
static void
output_sweep_dir(const char *dir, GHashTable *bases)
{
	GDir		*d;
	const char	*name;
	char		*base, *path, *lead;
	size_t		 len;
	struct stat	 st;

	if ((d = g_dir_open(dir, 0, NULL)) == NULL)
		return;
	while ((name = g_dir_read_name(d)) != NULL) {
		if ((len = output_tmp_name(name, bases, &base)) == 0)
			continue;
		path = g_build_filename(dir, name, NULL);
		lead = g_strdup_printf("%s/%.*s", dir, (int)len, name);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    output_unlocked(lead) && unlink(path) == 0) {
			dc_msg_set_file(path);
			dc_msg(DC_WARN_GENERIC, 0, 0, "removed: a temporary "
			    "file of %s that a stopped run left", base);
			dc_msg_set_file(NULL);
		}
		g_free(base);
		g_free(path);
		g_free(lead);
	}
	g_dir_close(d);
}

/*
 * Before a run writes the finals (n paths, NULL ones left out):
 * remove the temporary files of them that a run killed with SIGKILL
 * left, which no process holds locked, each with a warning.  Each
 * directory is read once.
 */
void
dc_output_sweep(char *const *finals, size_t n)
{
	GHashTable	*dirs, *bases;
	GHashTableIter	 it;
	gpointer	 dir, set;
	char		*d, *b;
	size_t		 i;

	dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_hash_table_destroy);
	for (i = 0; i < n; i++) {
		if (finals[i] == NULL || output_is_stream(finals[i]))
			continue;
		d = g_path_get_dirname(finals[i]);
		b = g_path_get_basename(finals[i]);
		output_stem(b);
		if ((bases = g_hash_table_lookup(dirs, d)) == NULL) {
			bases = g_hash_table_new_full(g_str_hash,
			    g_str_equal, g_free, NULL);
			g_hash_table_insert(dirs, d, bases);
		} else
			g_free(d);
		g_hash_table_add(bases, b);
	}
	g_hash_table_iter_init(&it, dirs);
	while (g_hash_table_iter_next(&it, &dir, &set))
		output_sweep_dir(dir, set);
	g_hash_table_destroy(dirs);
	dc_msg_reset();
}
