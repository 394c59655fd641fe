/*
 * docconv: the command line, the table of backends, output naming,
 * parallel conversion (-j) and the exit status.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "output.h"
#include "fonts.h"
#include "template.h"
#include "typeset.h"

/* Exit statuses (also in docconv.1 and README.md). */
#define EXIT_OK		0
#define EXIT_INPUT	1
#define EXIT_USAGE	2
#define EXIT_SYSTEM	3

/* The only table naming every backend. */
static const struct backend {
	int		 flag;		/* DC_FMT_* */
	const char	*ext;		/* output name suffix */
	int		(*render)(const struct dc_doc *,
			    const struct dc_opts *, const char *);
} backends[] = {
	{ DC_FMT_PDF, ".pdf", render_pdf },
	{ DC_FMT_EPUB, ".epub", render_epub },
	{ DC_FMT_TEI, ".tei.xml", render_tei },
	{ DC_FMT_JSON, ".json", render_json },
};
#define NBACKENDS (sizeof(backends) / sizeof(backends[0]))

struct run {
	struct dc_opts	 opts;		/* shared options */
	int		 formats;	/* DC_FMT_* bits */
	const char	*outarg;	/* -o argument, or NULL */
	int		 outdir;	/* -o names a directory */
	int		 nout;		/* outputs per file */
};

static int
level_exit(enum dc_level l)
{
	switch (l) {
	case DC_LEVEL_OK:
	case DC_LEVEL_WARNING:
		return EXIT_OK;
	case DC_LEVEL_ERROR:
		return EXIT_INPUT;
	case DC_LEVEL_SYSERR:
		return EXIT_SYSTEM;
	default:
		abort();
	}
}

/*
 * The stem of an input name: its base name less ".tei.xml" or the
 * last extension ("speech.txt" -> "speech").  Returns g_malloc'd.
 */
static char *
out_stem(const char *in)
{
	char	*b, *dot;
	size_t	 n;

	if (strcmp(in, "-") == 0)
		return g_strdup("stdin");
	b = g_path_get_basename(in);
	n = strlen(b);
	if (n > 8 && g_ascii_strcasecmp(b + n - 8, ".tei.xml") == 0)
		b[n - 8] = '\0';
	else if ((dot = strrchr(b, '.')) != NULL && dot != b)
		*dot = '\0';
	return b;
}

/*
 * Where the output of one format for one input goes: NULL means
 * standard output.  *err is set if the name cannot be used.
 */
static char *
out_path(const struct run *r, const char *in, const struct backend *be,
    int *err)
{
	char	*stem, *dir, *name, *path;

	*err = 0;
	if (r->outarg != NULL && strcmp(r->outarg, "-") == 0)
		return NULL;
	if (r->outarg != NULL && !r->outdir)
		return g_strdup(r->outarg);
	if (r->outarg == NULL && strcmp(in, "-") == 0) {
		if (r->nout == 1)
			return NULL;
		*err = 1;
		return NULL;
	}
	stem = out_stem(in);
	name = g_strconcat(stem, be->ext, NULL);
	dir = r->outarg != NULL ? g_strdup(r->outarg) :
	    g_path_get_dirname(in);
	path = g_build_filename(dir, name, NULL);
	g_free(stem);
	g_free(name);
	g_free(dir);
	return path;
}

/*
 * Would two inputs write the same output (a/x.txt and b/x.txt into one
 * -o directory, x.txt beside x.md)?  Then one would overwrite the
 * other, and under -j which survives would depend on timing: refused
 * before anything is converted, naming both.  Returns 0 or -1.
 */
static int
out_clash(const struct run *r, char **files, size_t nfiles)
{
	GHashTable	*seen;
	char		*path;
	const char	*other;
	size_t		 i, k;
	int		 err, rc = 0;

	if (nfiles < 2)
		return 0;
	seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (i = 0; i < nfiles && rc == 0; i++)
		for (k = 0; k < NBACKENDS && rc == 0; k++) {
			if (!(r->formats & backends[k].flag) ||
			    (path = out_path(r, files[i], &backends[k],
			    &err)) == NULL)
				continue;
			if ((other = g_hash_table_lookup(seen, path)) != NULL &&
			    strcmp(other, files[i]) != 0) {
				fprintf(stderr, "docconv: %s and %s would both "
				    "write %s; convert them apart, or into "
				    "different -o directories\n", other,
				    files[i], path);
				rc = -1;
				g_free(path);
			} else
				g_hash_table_replace(seen, path, files[i]);
		}
	g_hash_table_destroy(seen);
	return rc;
}

/* Do the two paths name the same existing file? */
static int
same_file(const char *a, const char *b)
{
	GStatBuf	 sa, sb;

	if (g_stat(a, &sa) == -1 || g_stat(b, &sb) == -1)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * With -j, workers share standard output: a write lock (fcntl) on a
 * temporary file is taken before printing a model and released after,
 * so that models never interleave.  The kernel releases the lock of a
 * worker that dies holding it (a pipe's token would be lost with it,
 * and every other worker wait for it forever).  -1 when not parallel.
 */
static int	 dump_lock = -1;

/* Take (F_WRLCK) or release (F_UNLCK) the output lock; 0 or -1. */
static int
dump_lock_set(short type)
{
	struct flock	 fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 1;
	while (fcntl(dump_lock, F_SETLKW, &fl) == -1)
		if (errno != EINTR)
			return -1;
	return 0;
}

/* Print the model whole: built in memory, written under the token. */
static int
dump_model(const struct run *r, const struct dc_doc *doc)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;
	int	 rc = -1;

	if ((f = open_memstream(&buf, &len)) == NULL) {
		dc_msg_sys("memory: %s", g_strerror(errno));
		return -1;
	}
	if (render_tree(doc, &r->opts, f) == -1) {
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	if (dump_lock != -1 && dump_lock_set(F_WRLCK) == -1) {
		dc_msg_sys("-j: cannot lock the output: %s",
		    g_strerror(errno));
		goto out;
	}
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)
		dc_msg_sys("writing the model: %s", g_strerror(errno));
	else
		rc = 0;
	if (dump_lock != -1)
		dump_lock_set(F_UNLCK);
out:
	free(buf);
	return rc;
}

/*
 * Print a text made by dc_json_text() or dc_align_dump() whole on
 * standard output, under the -j lock as dump_model() does, and free
 * it.  Returns 0 or -1 (reported).
 */
static int
dump_text(char *buf, size_t len)
{
	int	 rc = -1;

	if (dump_lock != -1 && dump_lock_set(F_WRLCK) == -1) {
		dc_msg_sys("-j: cannot lock the output: %s",
		    g_strerror(errno));
		goto out;
	}
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)
		dc_msg_sys("writing to standard output: %s",
		    g_strerror(errno));
	else
		rc = 0;
	if (dump_lock != -1)
		dump_lock_set(F_UNLCK);
out:
	free(buf);
	return rc;
}

/*
 * --dump-alignment and --json -o -: the beads, and the model as one
 * JSON line, on standard output.  Returns 0 or -1 (reported).
 */
static int
dump_json_align(const struct run *r, const struct dc_doc *doc)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;

	if (r->formats & DC_FMT_ALIGN) {
		if ((f = open_memstream(&buf, &len)) == NULL) {
			dc_msg_sys("memory: %s", g_strerror(errno));
			return -1;
		}
		if (dc_align_dump(doc, f) == -1) {
			fclose(f);
			free(buf);
			return -1;
		}
		fclose(f);
		if (dump_text(buf, len) == -1)
			return -1;
	}
	if (r->formats & DC_FMT_JSONL) {
		char *t = dc_json_text(doc, 0, &len);
		/* dump_text() frees with free(): copy out of GLib's. */
		buf = malloc(len);
		if (buf == NULL) {
			g_free(t);
			dc_msg_sys("memory: %s", g_strerror(errno));
			return -1;
		}
		memcpy(buf, t, len);
		g_free(t);
		if (dump_text(buf, len) == -1)
			return -1;
	}
	return 0;
}

/*
 * Convert one input to every requested format.  Returns the worst
 * level of diagnostics for this file.
 */
static enum dc_level
convert_one(const struct run *r, const char *in)
{
	struct dc_doc	*doc;
	char		*path, *tmp;
	size_t		 i;
	int		 err, ok;

	dc_msg_reset();
	dc_msg_set_file(strcmp(in, "-") == 0 ? "<stdin>" : in);
	if ((doc = r->opts.translation != NULL ? dc_parse_pair(in,
	    r->opts.translation, &r->opts) : dc_parse_file(in,
	    &r->opts)) == NULL)
		goto out;
	if ((r->formats & DC_FMT_DUMP) && dump_model(r, doc) == -1)
		goto out;
	if (dump_json_align(r, doc) == -1)
		goto out;
	for (i = 0; i < NBACKENDS; i++) {
		if (!(r->formats & backends[i].flag))
			continue;
		path = out_path(r, in, &backends[i], &err);
		if (err) {
			dc_msg(DC_ERR_INPUT, 0, 0, "reading standard input "
			    "with several outputs: give -o DIR");
			continue;
		}
		if (path != NULL && strcmp(in, "-") != 0 &&
		    same_file(in, path)) {
			dc_msg(DC_ERR_INPUT, 0, 0, "output %s would "
			    "overwrite the input; choose another -o", path);
			g_free(path);
			continue;
		}
		if ((tmp = dc_output_begin(path)) != NULL) {
			dc_msg_set_output(tmp, path != NULL ? path :
			    "standard output");
			ok = backends[i].render(doc, &r->opts, tmp) == 0;
			dc_msg_set_output(NULL, NULL);
			if (dc_output_end(tmp, path, ok) == 0 &&
			    r->opts.verbose > 0 && path != NULL)
				fprintf(stderr, "docconv: wrote %s\n", path);
		}
		g_free(path);
	}
out:
	dc_doc_free(doc);
	return dc_msg_level();
}

/* Is stderr a terminal we may draw a progress line on? */
static int
progress_ok(const struct run *r)
{
	return r->opts.verbose >= 0 && isatty(STDERR_FILENO);
}

static void
progress(const struct run *r, size_t done, size_t total, size_t bad)
{
	if (!progress_ok(r))
		return;
	fprintf(stderr, "\r\033[Kdocconv: %zu/%zu converted", done, total);
	if (bad > 0)
		fprintf(stderr, ", %zu failed", bad);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

/*
 * Convert files with njobs worker processes that take file numbers
 * from a pipe and answer with (number, level) on another; each worker
 * sets up fonts once and keeps them for all its files.  Returns the
 * worst level.
 */
static enum dc_level
convert_parallel(const struct run *r, char **files, size_t nfiles,
    int njobs)
{
	int		 todo[2], done[2], msg[2], st;
	size_t		 i, ndone = 0, nbad = 0;
	enum dc_level	 worst = DC_LEVEL_OK;
	pid_t		*pids;
	unsigned char	*got;		/* got[k]: file k answered */
	int		 j, piped = 0;

	if (pipe(todo) == -1 || pipe(done) == -1) {
		dc_msg_sys("pipe: %s", g_strerror(errno));
		return DC_LEVEL_SYSERR;
	}
	{
		FILE *lf = tmpfile();	/* gone when the last holder is */
		if (lf == NULL || (dump_lock = dup(fileno(lf))) == -1) {
			dc_msg_sys("-j: a lock file: %s", g_strerror(errno));
			if (lf != NULL)
				fclose(lf);
			return DC_LEVEL_SYSERR;
		}
		fclose(lf);
	}
	pids = g_new0(pid_t, njobs);
	got = g_new0(unsigned char, nfiles);
	fflush(NULL);
	for (j = 0; j < njobs; j++) {
		if ((pids[j] = fork()) == -1) {
			dc_msg_sys("fork: %s", g_strerror(errno));
			break;
		}
		if (pids[j] == 0) {
			uint32_t	 k;
			close(todo[1]);
			close(done[0]);
			while (read(todo[0], &k, sizeof(k)) == sizeof(k)) {
				msg[0] = (int)k;
				msg[1] = convert_one(r, files[k]);
				fflush(stdout);
				if (write(done[1], msg, sizeof(msg)) !=
				    sizeof(msg))
					_exit(EXIT_SYSTEM);
			}
			_exit(0);
		}
	}
	close(todo[0]);
	close(done[1]);
	if (j == 0) {
		g_free(pids);
		g_free(got);
		close(todo[1]);
		close(done[0]);
		close(dump_lock);
		dump_lock = -1;
		return DC_LEVEL_SYSERR;
	}
	/* A pipe holds 64 KiB: 16,384 numbers; write more as we go. */
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < nfiles; ) {
		uint32_t k = (uint32_t)i;
		if (i - ndone < 4096) {
			if (write(todo[1], &k, sizeof(k)) != sizeof(k))
				break;
			i++;
			continue;
		}
		if (read(done[0], msg, sizeof(msg)) != sizeof(msg))
			break;
		if (msg[0] >= 0 && (size_t)msg[0] < nfiles)
			got[msg[0]] = 1;
		ndone++;
		if (msg[1] >= DC_LEVEL_ERROR)
			nbad++;
		if ((enum dc_level)msg[1] > worst)
			worst = msg[1];
		progress(r, ndone, nfiles, nbad);
	}
	close(todo[1]);
	while (ndone < nfiles &&
	    read(done[0], msg, sizeof(msg)) == sizeof(msg)) {
		if (msg[0] >= 0 && (size_t)msg[0] < nfiles)
			got[msg[0]] = 1;
		ndone++;
		if (msg[1] >= DC_LEVEL_ERROR)
			nbad++;
		if ((enum dc_level)msg[1] > worst)
			worst = msg[1];
		progress(r, ndone, nfiles, nbad);
	}
	close(done[0]);
	for (j = 0; j < njobs; j++)
		if (pids[j] > 0 && (waitpid(pids[j], &st, 0) == -1 ||
		    !WIFEXITED(st) || WEXITSTATUS(st) != 0)) {
			if (WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE)
				piped++;
			else
				dc_msg_sys("a worker process failed");
			worst = DC_LEVEL_SYSERR;
		}
	if (piped > 0 && ndone < nfiles) {
		/* "| head": the reader of standard output is gone. */
		dc_msg_sys("standard output was closed; %zu of %zu files "
		    "were not converted", nfiles - ndone, nfiles);
	} else if (ndone < nfiles) {
		/* Name them: one was being converted when a worker died. */
		for (i = 0; i < nfiles; i++)
			if (!got[i])
				dc_msg_sys("%s: not converted (a worker "
				    "process died or stopped)", files[i]);
		dc_msg_sys("%zu of %zu files were not converted",
		    nfiles - ndone, nfiles);
		worst = DC_LEVEL_SYSERR;
	}
	if (nbad > 0 && nfiles > 1 && r->opts.verbose >= 0)
		fprintf(stderr, "docconv: %zu of %zu files failed\n", nbad,
		    nfiles);
	close(dump_lock);
	dump_lock = -1;
	g_free(pids);
	g_free(got);
	return worst;
}

static enum dc_level
convert_serial(const struct run *r, char **files, size_t nfiles)
{
	enum dc_level	 worst = DC_LEVEL_OK, l;
	size_t		 i, nbad = 0;

	for (i = 0; i < nfiles; i++) {
		l = convert_one(r, files[i]);
		if (l >= DC_LEVEL_ERROR)
			nbad++;
		if (l > worst)
			worst = l;
		if (nfiles > 1)
			progress(r, i + 1, nfiles, nbad);
	}
	if (nbad > 0 && nfiles > 1 && r->opts.verbose >= 0)
		fprintf(stderr, "docconv: %zu of %zu files failed\n", nbad,
		    nfiles);
	return worst;
}

/*
 * --max-input-size=SIZE: bytes, or with a suffix K, M or G (powers of
 * 1024).  A usage error names what is allowed.
 */
static gboolean
opt_max_input(const gchar *name, const gchar *value, gpointer data,
    GError **error)
{
	struct run		*r = data;
	char			*end;
	unsigned long long	 v;
	int			 sh = 0;

	(void)name;
	errno = 0;
	v = strtoull(value, &end, 10);
	if (*end == 'K' || *end == 'k')
		sh = 10, end++;
	else if (*end == 'M' || *end == 'm')
		sh = 20, end++;
	else if (*end == 'G' || *end == 'g')
		sh = 30, end++;
	if (errno != 0 || end == value || *end != '\0' || v == 0 ||
	    v > (SIZE_MAX >> sh) || (v << sh) > ((size_t)4 << 30)) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
		    "--max-input-size=%s: give a size in bytes, or with K, "
		    "M or G, from 1 to 4G (e.g. 512M)", value);
		return FALSE;
	}
	r->opts.max_input = (size_t)(v << sh);
	return TRUE;
}

static gboolean
opt_verbose(const gchar *name, const gchar *value, gpointer data,
    GError **error)
{
	struct run *r = data;

	if (strcmp(name, "-q") == 0 || strcmp(name, "--quiet") == 0)
		r->opts.verbose = -1;
	else
		r->opts.verbose++;
	return TRUE;
}

static const char summary[] =
"Converts plain-text speeches, statements and news reports (Chinese,\n"
"word-segmented Chinese, or Chinese and English interleaved paragraph\n"
"by paragraph) into a parallel bilingual PDF booklet, an EPUB 3 book\n"
"and a TEI P5 archive file.";

static const char description[] =
"Outputs are written beside each input (speech.txt -> speech.pdf,\n"
"speech.epub, speech.tei.xml), or into -o DIR; -o FILE names the one\n"
"output, -o - writes it to standard output.  Files are written whole\n"
"or not at all; the input is never changed.\n"
"\n"
"Examples:\n"
"  docconv speech.txt --pdf             bilingual A5 booklet\n"
"  docconv speech.txt --pdf --epub --tei -o out/\n"
"  docconv speech.txt --dump-model      show what was recognised\n"
"  docconv report.txt --tei --title '标题'  a news text has no title line\n"
"  docconv -j 8 --tei corpus/*.txt      many files, 8 at a time\n"
"  docconv speech.zh.txt --translation speech.en.txt --pdf\n"
"                                       original and translation as two files\n"
"  docconv a.zh.txt --translation a.en.txt --dump-alignment\n"
"                                       show how their paragraphs paired\n"
"  docconv speech.txt --json            the model as JSON (speech.json)\n"
"  docconv -o - --json corpus/*.txt     JSON Lines on standard output\n"
"  docconv fixed.json --input-format=json --pdf   typeset an edited model\n"
"\n"
"Input formats: auto (default), segmented, bilingual, news, plain, tei,\n"
"json.\n"
"Exit status: 0 done (maybe with warnings), 1 input error, 2 usage\n"
"error, 3 output or system error.  See docconv(1).";

int
main(int argc, char *argv[])
{
	struct run	 r;
	GOptionContext	*ctx;
	GError		*err = NULL;
	gboolean	 pdf = FALSE, epub = FALSE, tei = FALSE, dump = FALSE;
	gboolean	 version = FALSE, lenient = FALSE, embed = FALSE;
	gboolean	 listfonts = FALSE;
	gboolean	 json = FALSE, dumpalign = FALSE;
	gchar		*format = NULL, **files = NULL, **args = NULL;
	gint		 njobs = 1;
	const char	*epoch;
	enum dc_level	 worst;
	GStatBuf	 st;
	size_t		 nfiles = 0, i;
	int		 rc = EXIT_USAGE;

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
	memset(&r, 0, sizeof(r));
	r.opts.epoch = -1;
	GOptionEntry entries[] = {
		{ "pdf", 0, 0, G_OPTION_ARG_NONE, &pdf,
		  "Write a PDF booklet (FILE.pdf)", NULL },
		{ "epub", 0, 0, G_OPTION_ARG_NONE, &epub,
		  "Write an EPUB 3 book (FILE.epub)", NULL },
		{ "tei", 0, 0, G_OPTION_ARG_NONE, &tei,
		  "Write a TEI P5 file (FILE.tei.xml)", NULL },
		{ "dump-model", 0, 0, G_OPTION_ARG_NONE, &dump,
		  "Print the document model to standard output", NULL },
		{ "json", 0, 0, G_OPTION_ARG_NONE, &json,
		  "Write the model as JSON (FILE.json; JSON Lines with -o -)",
		  NULL },
		{ "translation", 0, 0, G_OPTION_ARG_FILENAME,
		  &r.opts.translation,
		  "FILE is the translation of the one input: align them",
		  "FILE" },
		{ "dump-alignment", 0, 0, G_OPTION_ARG_NONE, &dumpalign,
		  "Print how --translation's paragraphs paired", NULL },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &r.outarg,
		  "Output directory, or file for a single output; - for "
		  "standard output", "PATH" },
		{ "input-format", 0, 0, G_OPTION_ARG_FILENAME, &format,
		  "auto, segmented, bilingual, news, plain, tei or json",
		  "FMT" },
		{ "encoding", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.encoding,
		  "Input encoding (default: detect UTF-8, UTF-16, GB18030)",
		  "ENC" },
		{ "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient,
		  "Replace invalid bytes with U+FFFD instead of failing",
		  NULL },
		{ "title", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.title,
		  "Title, overriding the text's", "TEXT" },
		{ "author", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.author,
		  "Speaker or author, overriding the text's", "TEXT" },
		{ "date", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.date,
		  "Date as YYYY-MM-DD, overriding the text's", "DATE" },
		{ "place", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.place,
		  "Place, overriding the text's", "TEXT" },
		{ "layout", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.layout,
		  "PDF layout: columns, facing, interleaved, zh, en",
		  "LAYOUT" },
		{ "paper", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.paper,
		  "PDF paper: a5 (default), a4, b5, letter, WxHmm", "SIZE" },
		{ "impose", 0, 0, G_OPTION_ARG_FILENAME, &r.opts.impose,
		  "PDF imposition: booklet (2-up saddle stitch)", "KIND" },
		{ "template-dir", 0, 0, G_OPTION_ARG_FILENAME,
		  &r.opts.template_dir,
		  "EPUB templates directory (default: installed)", "DIR" },
		{ "embed-fonts", 0, 0, G_OPTION_ARG_NONE, &embed,
		  "EPUB: embed subset fonts", NULL },
		{ "list-fonts", 0, 0, G_OPTION_ARG_NONE, &listfonts,
		  "Print the font file serving each font role and exit",
		  NULL },
		{ "max-input-size", 0, 0, G_OPTION_ARG_CALLBACK,
		  (void *)opt_max_input,
		  "Refuse inputs larger than SIZE (default 256M)", "SIZE" },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &njobs,
		  "Convert N files at a time", "N" },
		{ "quiet", 'q', G_OPTION_FLAG_NO_ARG,
		  G_OPTION_ARG_CALLBACK, (void *)opt_verbose,
		  "Print errors only", NULL },
		{ "verbose", 'v', G_OPTION_FLAG_NO_ARG,
		  G_OPTION_ARG_CALLBACK, (void *)opt_verbose,
		  "Say what is done (repeat for more)", NULL },
		{ "version", 0, 0, G_OPTION_ARG_NONE, &version,
		  "Print the version and exit", NULL },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
		  &files, NULL, "FILE..." },
		{ NULL, 0, 0, 0, NULL, NULL, NULL }
	};
	GOptionGroup	*grp;

	/* G_OPTION_REMAINING names FILE... already. */
	ctx = g_option_context_new("- convert speeches and reports "
	    "to PDF, EPUB and TEI");
	g_option_context_set_summary(ctx, summary);
	g_option_context_set_description(ctx, description);
	grp = g_option_group_new(NULL, NULL, NULL, &r, NULL);
	g_option_group_add_entries(grp, entries);
	g_option_context_set_main_group(ctx, grp);
	/*
	 * Text options are declared as FILENAME so that GLib leaves their
	 * bytes alone: they are taken as UTF-8 whatever the locale (cron
	 * and CI often run with LANG unset, and titles are Chinese).
	 */
	args = g_strdupv(argv);
	if (!g_option_context_parse_strv(ctx, &args, &err)) {
		fprintf(stderr, "docconv: %s\nTry 'docconv --help'.\n",
		    err->message);
		g_clear_error(&err);
		goto out;
	}
	if (version) {
		printf("docconv %s\n", PACKAGE_VERSION);
		rc = EXIT_OK;
		goto out;
	}
	if (listfonts) {
		rc = dc_fonts_list(stdout) == 0 ? EXIT_OK : EXIT_SYSTEM;
		goto out;
	}
	{
		const char *txt[] = { r.opts.title, r.opts.author,
		    r.opts.date, r.opts.place };
		for (i = 0; i < G_N_ELEMENTS(txt); i++)
			if (txt[i] != NULL && !g_utf8_validate(txt[i], -1,
			    NULL)) {
				fprintf(stderr, "docconv: --title, --author, "
				    "--date and --place take UTF-8 text\n");
				goto out;
			}
	}
	dc_msg_set_quiet(r.opts.verbose < 0);
	r.opts.lenient = lenient;
	r.opts.embed_fonts = embed;
	if (format != NULL) {
		r.opts.dialect = dc_dialect_from_name(format);
		if (r.opts.dialect == DC_DIALECT__MAX) {
			fprintf(stderr, "docconv: --input-format: unknown "
			    "format '%s'; use auto, segmented, bilingual, "
			    "news, plain, tei or json\n", format);
			goto out;
		}
	}
	/*
	 * The PDF's options are checked here, once, before any input is
	 * read: a bad one is a usage error (exit 2), not a failure of
	 * each file after its other outputs are written.
	 */
	{
		double		 pw, ph;
		enum ts_layout	 lay;

		if (ts_paper(r.opts.paper, &pw, &ph) == -1 ||
		    ts_layout_parse(r.opts.layout, (1u << DC_LANG_ZH) |
		    (1u << DC_LANG_EN), &lay) == -1)
			goto out;
		if (r.opts.impose != NULL &&
		    strcmp(r.opts.impose, "booklet") != 0) {
			fprintf(stderr, "docconv: --impose %s: the only "
			    "imposition is booklet\n", r.opts.impose);
			goto out;
		}
	}
	if (r.opts.template_dir != NULL &&
	    dc_template_check(r.opts.template_dir) == -1)
		goto out;
	if ((epoch = g_getenv("SOURCE_DATE_EPOCH")) != NULL) {
		char *end;
		long long v = g_ascii_strtoll(epoch, &end, 10);
		if (*epoch == '\0' || *end != '\0' || v < 0) {
			fprintf(stderr, "docconv: SOURCE_DATE_EPOCH must be "
			    "a number of seconds, not '%s'\n", epoch);
			goto out;
		}
		r.opts.epoch = v;
	}
	r.formats = (pdf ? DC_FMT_PDF : 0) | (epub ? DC_FMT_EPUB : 0) |
	    (tei ? DC_FMT_TEI : 0) | (dump ? DC_FMT_DUMP : 0);
	r.nout = pdf + epub + tei;
	/* --json -o -: JSON Lines, one document a line, for a batch. */
	if (json && r.outarg != NULL && strcmp(r.outarg, "-") == 0) {
		r.formats |= DC_FMT_JSONL;
		if (r.nout > 0 || dump || dumpalign) {
			fprintf(stderr, "docconv: --json -o - writes JSON "
			    "Lines alone; give -o DIR for other outputs\n");
			goto out;
		}
	} else if (json) {
		r.formats |= DC_FMT_JSON;
		r.nout++;
	}
	if (dumpalign)
		r.formats |= DC_FMT_ALIGN;
	nfiles = files != NULL ? g_strv_length(files) : 0;
	if ((r.opts.translation != NULL && nfiles != 1) ||
	    (dumpalign && r.opts.translation == NULL)) {
		fprintf(stderr, "docconv: --translation FILE goes with one "
		    "input, the original%s\n", dumpalign &&
		    r.opts.translation == NULL ? " (--dump-alignment needs "
		    "it)" : "");
		goto out;
	}
	if (nfiles == 0) {
		fprintf(stderr, "docconv: no input file; give one or more "
		    "FILEs (- for standard input).\nTry 'docconv --help'.\n");
		goto out;
	}
	if (r.formats == 0) {
		fprintf(stderr, "docconv: no output chosen; add --pdf, "
		    "--epub, --tei, --json or --dump-model.\n"
		    "Try 'docconv --help'.\n");
		goto out;
	}
	if (njobs < 1 || njobs > 1024) {
		fprintf(stderr, "docconv: -j takes a number from 1 to "
		    "1024, not %d\n", njobs);
		goto out;
	}
	if (r.outarg != NULL && strcmp(r.outarg, "-") == 0) {
		if (r.nout * nfiles > 1 || ((dump || dumpalign) &&
		    r.nout > 0)) {
			fprintf(stderr, "docconv: -o - takes one output; "
			    "give -o DIR for several\n");
			goto out;
		}
	} else if (r.outarg != NULL) {
		if (g_stat(r.outarg, &st) == 0 && S_ISDIR(st.st_mode))
			r.outdir = 1;
		else if (g_str_has_suffix(r.outarg, "/") ||
		    r.nout * nfiles > 1) {
			if (g_mkdir_with_parents(r.outarg, 0777) == -1) {
				fprintf(stderr, "docconv: %s: cannot make "
				    "the directory: %s\n", r.outarg,
				    g_strerror(errno));
				rc = EXIT_SYSTEM;
				goto out;
			}
			r.outdir = 1;
		}
	}
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") == 0 && nfiles > 1) {
			fprintf(stderr, "docconv: standard input (-) must be "
			    "the only FILE\n");
			goto out;
		}

	if (out_clash(&r, files, nfiles) == -1)
		goto out;
	r.opts.threads = nfiles == 1;
	if (njobs > 1 && nfiles > 1)
		worst = convert_parallel(&r, files, nfiles,
		    njobs < (int)nfiles ? njobs : (int)nfiles);
	else
		worst = convert_serial(&r, files, nfiles);
	rc = level_exit(worst);
out:
	g_option_context_free(ctx);
	g_strfreev(args);
	g_strfreev(files);
	g_free(format);
	/* GOption allocated these; the structs keep them const. */
	g_free((char *)r.outarg);
	g_free((char *)r.opts.encoding);
	g_free((char *)r.opts.title);
	g_free((char *)r.opts.author);
	g_free((char *)r.opts.date);
	g_free((char *)r.opts.place);
	g_free((char *)r.opts.layout);
	g_free((char *)r.opts.paper);
	g_free((char *)r.opts.impose);
	g_free((char *)r.opts.template_dir);
	g_free((char *)r.opts.translation);
	return rc;
}
