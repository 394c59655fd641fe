/*
 * Atomic output: every backend writes to a temporary file beside the
 * final one, which is renamed into place only when complete.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "output.h"

/*
 * Create an empty temporary file for final (NULL: for standard
 * output, in the temporary directory).  Returns its path (g_free())
 * or NULL after reporting the failure.
 */
char *
dc_output_begin(const char *final)
{
	char	*dir, *base, *tmp;
	mode_t	 mask;
	int	 fd;

	if (final == NULL) {
		dir = g_strdup(g_get_tmp_dir());
		base = g_strdup("docconv-stdout");
	} else {
		dir = g_path_get_dirname(final);
		base = g_path_get_basename(final);
	}
	tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	if ((fd = g_mkstemp(tmp)) == -1) {
		dc_msg_sys("%s: cannot create a file there: %s",
		    final != NULL ? final : tmp, g_strerror(errno));
		g_free(tmp);
		return NULL;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	close(fd);
	return tmp;
}

/* Copy a finished temporary file to standard output. */
static int
output_to_stdout(const char *tmp)
{
	char	 buf[65536];
	FILE	*f;
	size_t	 n;
	int	 rc = -1;

	if ((f = fopen(tmp, "rb")) == NULL) {
		dc_msg_sys("%s: %s", tmp, g_strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			goto out;
	if (ferror(f) || fflush(stdout) != 0)
		goto out;
	rc = 0;
out:
	if (rc == -1)
		dc_msg_sys("writing to standard output: %s",
		    g_strerror(errno));
	fclose(f);
	return rc;
}

/*
 * Finish an output: ok says whether the backend succeeded.  On
 * success, sync the temporary file and rename it to final (or copy it
 * to standard output if final is NULL); in any case remove the
 * temporary file.  Returns 0, or -1 after reporting a failure.
 */
int
dc_output_end(char *tmp, const char *final, int ok)
{
	int	 fd, rc = -1;

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
	if (final == NULL) {
		rc = output_to_stdout(tmp);
		goto out;
	}
	if (g_rename(tmp, final) == -1) {
		dc_msg_sys("%s: cannot write it: %s", final,
		    g_strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (rc == -1 || final == NULL)
		(void)g_unlink(tmp);
	g_free(tmp);
	return rc;
}
