/*
 * The deterministic zip writer (libzip) of the EPUB, and of any
 * output that is a zip: the same entries, in the same order, give the
 * same bytes whatever the clock, time zone or umask.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <zip.h>

#include "docconv.h"
#include "output.h"

/*
 * Copy the zip built in memory (buf, closed) to path.  Returns 0 or -1
 * (reported).
 */
static int
zip_save(zip_source_t *buf, const char *path)
{
	char		 chunk[65536];
	zip_int64_t	 n;
	FILE		*f = NULL;
	int		 rc = -1;

	if (zip_source_open(buf) < 0) {
		dc_msg_sys("%s: %s", path,
		    zip_error_strerror(zip_source_error(buf)));
		return -1;
	}
	if ((f = fopen(path, "wb")) == NULL) {
		dc_msg_sys("%s: %s", path, g_strerror(errno));
		goto out;
	}
	while ((n = zip_source_read(buf, chunk, sizeof(chunk))) > 0)
		if (fwrite(chunk, 1, (size_t)n, f) != (size_t)n)
			break;
	if (n != 0 || ferror(f)) {
		dc_msg_sys("%s: %s", path, n < 0 ? zip_error_strerror(
		    zip_source_error(buf)) : g_strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (f != NULL && fclose(f) != 0 && rc == 0) {
		dc_msg_sys("%s: %s", path, g_strerror(errno));
		rc = -1;
	}
	zip_source_close(buf);
	return rc;
}

/*
 * Write the n entries to a zip at path, in order, each stored or
 * deflated as it says, all with the time t (seconds since the epoch,
 * UTC; 1980 or later, which zip can express) and permissions 0644:
 * the same entries give the same bytes.  The zip is built in memory
 * and then written to path: libzip on a file would make its own
 * temporary file beside path, which a signal could leave behind and
 * which cannot be made where path is a memory file (/proc/self/fd/N,
 * standard output).  Returns 0 or -1 (reported).
 */
int
dc_zip_write(const char *path, const struct dc_zip_entry *z, size_t n,
    long long t)
{
	zip_t			*za = NULL;
	zip_source_t		*src, *buf = NULL;
	zip_error_t		 ze;
	zip_int64_t		 idx;
	struct tm		 tm;
	time_t			 tt, mtime;
	size_t			 i;
	int			 rc = -1;

	/*
	 * libzip stores local time (localtime()); find the time_t that
	 * local time shows as the wanted UTC time, so that the zip does
	 * not depend on TZ.
	 */
	tt = (time_t)t;
	gmtime_r(&tt, &tm);
	tm.tm_isdst = -1;
	mtime = mktime(&tm);

	zip_error_init(&ze);
	if ((buf = zip_source_buffer_create(NULL, 0, 0, &ze)) != NULL) {
		/* Ours too: it outlives the archive, holding the zip. */
		zip_source_keep(buf);
		za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
	}
	if (za == NULL) {
		dc_msg_sys("%s: %s", path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	zip_error_fini(&ze);
	for (i = 0; i < n; i++) {
		src = zip_source_buffer(za, z[i].data, z[i].len, 0);
		if (src == NULL || (idx = zip_file_add(za, z[i].name, src,
		    ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(src);
			dc_msg_sys("%s: %s", path, zip_strerror(za));
			goto out;
		}
		if (zip_set_file_compression(za, idx, z[i].store ?
		    ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
		    zip_file_set_mtime(za, idx, mtime, 0) < 0 ||
		    zip_file_set_external_attributes(za, idx, 0,
		    ZIP_OPSYS_UNIX, 0100644u << 16) < 0) {
			dc_msg_sys("%s: %s", path, zip_strerror(za));
			goto out;
		}
	}
	if (zip_close(za) < 0) {
		dc_msg_sys("%s: %s", path, zip_strerror(za));
		goto out;
	}
	za = NULL;
	if (zip_save(buf, path) == -1)
		goto out;
	rc = 0;
out:
	if (za != NULL)
		zip_discard(za);
	if (buf != NULL)
		zip_source_free(buf);
	return rc;
}
