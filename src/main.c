/*
 * docconv: set up the process, parse the options (opts.c), convert the
 * inputs (batch.c).
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <malloc.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "batch.h"
#include "opts.h"

int
main(int argc, char *argv[])
{
	struct run	 r;
	int		 rc;

	/*
	 * Characters only (never LC_NUMERIC: numbers in the PDF and XML
	 * are written the C way): the user's, or UTF-8 where the locale
	 * is C or POSIX, so that --help's "…" and Chinese print as such.
	 */
	if (setlocale(LC_CTYPE, "") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");

	/*
	 * cairo 1.16 reloads a font's cmap and hmtx tables (about a
	 * megabyte for Noto CJK) into a fresh buffer for every new glyph;
	 * above glibc's default threshold each buffer is a new mmap whose
	 * pages all fault.  Serving them from the heap saves ~20% of a
	 * PDF's time (see make bench).
	 */
	mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
	if ((rc = opts_parse(&r, argc, argv)) == -1)
		rc = batch_run(&r);
	opts_free(&r);
	return rc;
}
