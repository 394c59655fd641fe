/*
 * docconv's command line: the option table, the help text, and every
 * check of the options, done before any input is read.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "fonts.h"
#include "style.h"
#include "template.h"
#include "typeset.h"
#include "batch.h"
#include "opts.h"

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

/*
 * --meta KEY=VALUE, repeatable (a later one wins): checked here, a
 * usage error naming the key and what it allows.
 */
static gboolean
opt_meta(const gchar *name, const gchar *value, gpointer data,
    GError **error)
{
	struct run	*r = data;
	const char	*eq;
	char		*key, *msg;
	int		 rc;

	(void)name;
	if ((eq = strchr(value, '=')) == NULL) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
		    "--meta %s: give KEY=VALUE (e.g. --meta "
		    "publisher='Example Press')", value);
		return FALSE;
	}
	key = g_strstrip(g_strndup(value, eq - value));
	rc = dc_pub_set(r->opts.meta, key, eq + 1, &msg);
	g_free(key);
	if (rc == -1) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
		    "--meta %s: %s", value, msg);
		g_free(msg);
		return FALSE;
	}
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
"by paragraph) into a parallel bilingual PDF booklet, an EPUB 3 book,\n"
"a TEI P5 archive file and a web page.";

static const char description[] =
"Outputs are written beside each input (speech.txt -> speech.pdf,\n"
"speech.epub, speech.tei.xml, speech.html), or into -o DIR; -o FILE\n"
"names the one output, -o - writes it to standard output.  Files are\n"
"written whole or not at all; the input is never changed.  The\n"
"publisher's metadata (--meta) may also stand in speech.meta beside\n"
"speech.txt, as KEY=VALUE lines.\n"
"\n"
"Examples:\n"
"  docconv speech.txt --pdf             bilingual A5 booklet\n"
"  docconv speech.txt --pdf --epub --tei -o out/\n"
"  docconv speech.txt --dump-model      show what was recognised\n"
"  docconv speech.txt --html            one web page, speech.html\n"
"  docconv speech.txt --epub --meta publisher='Example Press' \\\n"
"      --meta rights=CC-BY-4.0 --meta isbn=978-0-00-000000-2\n"
"  docconv speech.txt --tei --meta-file press.meta   KEY = VALUE lines\n"
"  docconv report.txt --tei --title '标题'  a news text has no title line\n"
"  docconv -j 8 --tei corpus/*.txt      many files, 8 at a time\n"
"  find corpus -name '*.txt' -print0 | docconv -0 --files-from - \\\n"
"      -j 8 --tei -o out/ --skip-existing --report out/report.jsonl\n"
"                                       a list of any length; run it\n"
"                                       again to resume where it stopped\n"
"  docconv speech.zh.txt --translation speech.en.txt --pdf\n"
"                                       original and translation as two files\n"
"  docconv a.zh.txt --translation a.en.txt --dump-alignment\n"
"                                       show how their paragraphs paired\n"
"  docconv a.zh.txt --translation a.en.txt --tmx --tmx-segment=sentence\n"
"                                       a translation memory (a.zh.tmx)\n"
"  docconv a.zh.txt --translation a.en.txt --alignment-report check.html\n"
"                                       a review sheet, doubtful pairs first\n"
"  docconv a.zh.txt --translation a.en.txt --alignment fixed.align --pdf\n"
"                                       the beads as corrected by hand\n"
"  docconv speech.txt --json            the model as JSON (speech.json)\n"
"  docconv -o - --json corpus/*.txt     JSON Lines on standard output\n"
"  docconv fixed.json --input-format=json --pdf   typeset an edited model\n"
"  docconv --print-style > house.style  the built-in PDF style, to edit\n"
"  docconv speech.txt --pdf --style house.style --font-dir ~/fonts\n"
"                                       the PDF in the publisher's style\n"
"                                       and licensed faces\n"
"\n"
"Exit status: 0 done (maybe with warnings), 1 input error, 2 usage\n"
"error, 3 output or system error.  See docconv(1).";

/*
 * --files-from: add the names listed in path (- for standard input),
 * one a line or, with -0, NUL-terminated, to files.  Empty names are
 * left out; with newlines, so is a carriage return ending one (a list
 * written on Windows).  Returns 0, or -1 after saying why.
 */
static int
opts_files_from(const char *path, int nul, GPtrArray *files)
{
	GIOChannel	*ch = NULL;
	GError		*err = NULL;
	gchar		*buf = NULL;
	gsize		 len = 0, i, start;
	size_t		 n;
	int		 rc = -1;

	if (strcmp(path, "-") == 0)
		ch = g_io_channel_unix_new(0);
	else if ((ch = g_io_channel_new_file(path, "r", &err)) == NULL)
		goto out;
	if (g_io_channel_set_encoding(ch, NULL, &err) != G_IO_STATUS_NORMAL ||
	    g_io_channel_read_to_end(ch, &buf, &len, &err) !=
	    G_IO_STATUS_NORMAL)
		goto out;
	for (start = i = 0; i <= len; i++) {
		if (i < len && buf[i] != (nul ? '\0' : '\n'))
			continue;
		n = i - start;
		if (!nul && n > 0 && buf[i - 1] == '\r')
			n--;
		if (n > 0)
			g_ptr_array_add(files, g_strndup(buf + start, n));
		start = i + 1;
	}
	rc = 0;
out:
	if (err != NULL) {
		dc_msg_usage("--files-from %s: %s", path,
		    err->message);
		g_error_free(err);
	}
	if (ch != NULL)
		g_io_channel_unref(ch);
	g_free(buf);
	return rc;
}

/*
 * --title, --author, --date and --place must be UTF-8 (else -1, said).
 * They are cleaned as the text reader cleans a file, and trimmed.
 * An empty one, or a date that is none (2020-02-30), is dropped with a
 * warning saying so: the text's own is kept.  A date is written as
 * the model keeps it ("2020-2-3" -> "2020-02-03").  Returns 0 or -1.
 */
static int
opts_texts(struct run *r)
{
	static const char *name[] = { "title", "author", "date", "place" };
	const char	**txt[] = { &r->opts.title, &r->opts.author,
			    &r->opts.date, &r->opts.place };
	char		*iso = NULL, *t;
	size_t		 i;
	int		 date, keep;

	for (i = 0; i < G_N_ELEMENTS(txt); i++) {
		if (*txt[i] == NULL)
			continue;
		if (!g_utf8_validate(*txt[i], -1, NULL)) {
			dc_msg_usage("--title, --author, "
			    "--date and --place take UTF-8 text");
			return -1;
		}
		t = dc_text_cleaned(*txt[i]);
		date = txt[i] == &r->opts.date;
		if ((keep = t != NULL) && date &&
		    (iso = dc_iso_date(t)) == NULL) {
			dc_msg(DC_WARN_GENERIC, 0, 0, "--date %s is not a "
			    "date (give YYYY-MM-DD, YYYY-MM or YYYY): "
			    "ignored, each text keeps its own date", t);
			keep = 0;
		} else if (!keep)
			dc_msg(DC_WARN_GENERIC, 0, 0, "--%s is empty: "
			    "ignored, each text keeps its own %s", name[i],
			    name[i]);
		if (keep && !date) {
			g_free((char *)*txt[i]);
			*txt[i] = t;
			continue;
		}
		g_free(t);
		g_free((char *)*txt[i]);
		*txt[i] = iso;
		iso = NULL;
	}
	dc_msg_reset();
	return 0;
}

/* The edit distance of a and b (bytes), for opts_nearest(). */
static size_t
opts_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, diag, up, *row;

	row = g_new(size_t, lb + 1);
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1),
			    diag + (a[i - 1] != b[j - 1]));
			diag = up;
		}
	}
	j = row[lb];
	g_free(row);
	return j;
}

/*
 * The long option nearest the unknown one that GLib's message names
 * ("Unknown option --pfd" -> "pdf"), if one is near enough; else NULL.
 */
static const char *
opts_nearest(const GOptionEntry *e, const char *msg)
{
	const char	*w, *best = NULL;
	char		*name;
	size_t		 d, bestd = (size_t)-1;

	if ((w = strrchr(msg, ' ')) == NULL || w[1] != '-')
		return NULL;
	for (w++; *w == '-'; w++)
		continue;
	name = g_strndup(w, strcspn(w, "="));
	for (; e->long_name != NULL; e++) {
		if (*e->long_name == '\0' || (e->flags & G_OPTION_FLAG_HIDDEN))
			continue;
		if ((d = opts_distance(name, e->long_name)) < bestd) {
			bestd = d;
			best = e->long_name;
		}
	}
	/* Near: a slip of a letter or two, not another word. */
	if (bestd > MAX(2, strlen(name) / 3) || bestd >= strlen(name))
		best = NULL;
	g_free(name);
	return best;
}

/* Does the last component of path have an extension ("out.pdf")? */
static int
opts_has_ext(const char *path)
{
	char	*b, *dot;
	int	 rc;

	b = g_path_get_basename(path);
	rc = (dot = strrchr(b, '.')) != NULL && dot != b && dot[1] != '\0';
	g_free(b);
	return rc;
}

/*
 * What goes to standard output, one thing at most, and never a PDF or
 * an EPUB on a terminal.  dump: --dump-model or --dump-alignment.
 * Returns -1 when fine, else the exit status after saying why.
 */
static int
opts_stdout(const struct run *r, size_t nfiles, int dump)
{
	const char	*what[4];
	size_t		 i;
	int		 n = 0, out;

	out = (r->outarg != NULL && strcmp(r->outarg, "-") == 0 &&
	    (r->nout > 0 || (r->formats & DC_FMT_JSONL))) ||
	    (r->outarg == NULL && nfiles == 1 &&
	    strcmp(r->files[0], "-") == 0 && r->nout == 1);
	if (dump)
		what[n++] = "--dump-model or --dump-alignment";
	if (out)
		what[n++] = r->outarg != NULL ? "-o -" :
		    "the output of standard input";
	if (r->report != NULL && strcmp(r->report, "-") == 0)
		what[n++] = "--report -";
	if (r->review != NULL && strcmp(r->review, "-") == 0)
		what[n++] = "--alignment-report -";
	if (n > 1) {
		dc_msg_usage("%s and %s would both write to "
		    "standard output; give one of them a file", what[0],
		    what[1]);
		return EXIT_USAGE;
	}
	for (i = 0; out && i < dc_nbackends; i++)
		if ((r->formats & dc_backends[i].flag) &&
		    dc_backends[i].binary != NULL && isatty(STDOUT_FILENO)) {
			dc_msg_usage("not writing %s to the terminal; "
			    "redirect standard output (> FILE) or give -o "
			    "FILE", dc_backends[i].binary);
			return EXIT_USAGE;
		}
	return -1;
}

/*
 * -o: standard output, one file, or a directory: one that exists, or
 * one to make for several outputs (or --keep-tree) when the name has no
 * extension or ends in "/" (-o out.pdf --pdf --tei is a mistake, not a
 * directory).
 * Returns -1 when fine, else the exit status after saying why.
 */
static int
opts_outputs(struct run *r, size_t nfiles, int dump)
{
	GStatBuf	 st;
	int		 rc;

	if (r->outarg != NULL && *r->outarg == '\0') {
		dc_msg_usage("-o '': give a directory, a file, "
		    "or - for standard output");
		return EXIT_USAGE;
	}
	if (nfiles == 1 && strcmp(r->files[0], "-") == 0 &&
	    r->outarg == NULL && r->nout > 1) {
		dc_msg_usage("standard input with several "
		    "outputs: give -o DIR");
		return EXIT_USAGE;
	}
	if (r->outarg != NULL && strcmp(r->outarg, "-") == 0 &&
	    (r->nout * nfiles > 1 || (dump && r->nout > 0))) {
		dc_msg_usage("-o - takes one output; "
		    "give -o DIR for several");
		return EXIT_USAGE;
	}
	if ((rc = opts_stdout(r, nfiles, dump)) != -1)
		return rc;
	if (r->keep_tree && (r->outarg == NULL ||
	    strcmp(r->outarg, "-") == 0)) {
		dc_msg_usage("--keep-tree goes with -o DIR");
		return EXIT_USAGE;
	}
	if (r->outarg == NULL || strcmp(r->outarg, "-") == 0)
		return -1;
	if (g_stat(r->outarg, &st) == 0 && S_ISDIR(st.st_mode)) {
		r->outdir = 1;
		return -1;
	}
	if (!g_str_has_suffix(r->outarg, "/") && r->nout * nfiles <= 1 &&
	    !r->keep_tree)
		return -1;
	if (!g_str_has_suffix(r->outarg, "/") && opts_has_ext(r->outarg)) {
		dc_msg_usage("-o %s: several outputs go into a "
		    "directory; give one that exists, a name without an "
		    "extension, or end the name with /", r->outarg);
		return EXIT_USAGE;
	}
	if (g_mkdir_with_parents(r->outarg, 0777) == -1) {
		dc_msg_sys("%s: cannot make the directory: "
		    "%s", r->outarg, g_strerror(errno));
		return EXIT_SYSTEM;
	}
	r->outdir = 1;
	return -1;
}

/* The options' values that are not struct run's own (opts_parse()). */
struct opts_vals {
	gboolean	*sel;		/* per dc_backends[]: --OPTION given */
	gboolean	 dump, dumpalign, version, lenient, embed, keepmarkup;
	gboolean	 listfonts, printstyle, nul, skip, keeptree, jsonl;
	gchar		*tmxseg, *append, *style, **fontdirs, *format, *list;
	gchar		*dialects;	/* --input-format's help */
	gint		 njobs;
};

/*
 * The options: one for each backend (backends.def), then the rest;
 * --input-format lists the dialect table's names (v->dialects).  Their
 * values go in r and v.  Returns them (g_free()).
 */
static GOptionEntry *
opts_entries(struct run *r, struct opts_vals *v)
{
	GOptionEntry	*all;
	size_t		 i;
	GOptionEntry entries[] = {
		{ "dump-model", 0, 0, G_OPTION_ARG_NONE, &v->dump,
		  "Print the document model to standard output", NULL },
		{ "explain", 0, 0, G_OPTION_ARG_NONE, &r->opts.explain,
		  "Print why each block has its role (its features, the "
		  "role chosen and the runner-up) to standard error", NULL },
		{ "translation", 0, 0, G_OPTION_ARG_FILENAME,
		  &r->opts.translation,
		  "FILE is the translation of the one input: align them",
		  "FILE" },
		{ "dump-alignment", 0, 0, G_OPTION_ARG_NONE, &v->dumpalign,
		  "Print how --translation's paragraphs paired", NULL },
		{ "tmx-segment", 0, 0, G_OPTION_ARG_FILENAME, &v->tmxseg,
		  "TMX units: paragraph (default), or sentence (each "
		  "paragraph's sentences aligned)", "UNIT" },
		{ "alignment", 0, 0, G_OPTION_ARG_FILENAME,
		  &r->opts.alignment,
		  "Use the beads of FILE (as --dump-alignment writes them, "
		  "edited) instead of aligning", "FILE" },
		{ "alignment-report", 0, 0, G_OPTION_ARG_FILENAME,
		  &r->review,
		  "Write a review sheet of the pairs to FILE (HTML; - for "
		  "standard output)",
		  "FILE" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &r->outarg,
		  "Output directory, or file for a single output; - for "
		  "standard output", "PATH" },
		{ "input-format", 0, 0, G_OPTION_ARG_FILENAME, &v->format,
		  v->dialects, "FMT" },
		{ "encoding", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.encoding,
		  "Input encoding (default: detect UTF-8, UTF-16, GB18030)",
		  "ENC" },
		{ "lenient", 0, 0, G_OPTION_ARG_NONE, &v->lenient,
		  "Replace invalid bytes with U+FFFD instead of failing",
		  NULL },
		{ "keep-markup", 0, 0, G_OPTION_ARG_NONE, &v->keepmarkup,
		  "Keep what looks like HTML or Markdown as text", NULL },
		{ "title", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.title,
		  "Title, overriding the text's", "TEXT" },
		{ "author", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.author,
		  "Speaker or author, overriding the text's", "TEXT" },
		{ "date", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.date,
		  "Date as YYYY-MM-DD, overriding the text's", "DATE" },
		{ "place", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.place,
		  "Place, overriding the text's", "TEXT" },
		{ "layout", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.layout,
		  "PDF layout: columns, facing, interleaved, zh, en",
		  "LAYOUT" },
		{ "paper", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.paper,
		  "PDF paper: a5 (default), a4, b5, letter, WxHmm", "SIZE" },
		{ "impose", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.impose,
		  "PDF imposition: booklet (2-up saddle stitch)", "KIND" },
		{ "style", 0, 0, G_OPTION_ARG_FILENAME, &v->style,
		  "PDF style file: paper, margins, fonts, sizes, leading "
		  "(see --print-style)", "FILE" },
		{ "print-style", 0, 0, G_OPTION_ARG_NONE, &v->printstyle,
		  "Print the built-in style as a style file and exit", NULL },
		{ "font-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &v->fontdirs,
		  "Fonts a style file may name are also in DIR (repeatable)",
		  "DIR" },
		{ "meta", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK,
		  (void *)opt_meta,
		  "Publisher's metadata: publisher, rights, source, editor, "
		  "translator, series, isbn, lang-zh, lang-en (or lang-original, "
		  "lang-translation), short-title "
		  "(repeatable)",
		  "KEY=VALUE" },
		{ "meta-file", 0, 0, G_OPTION_ARG_FILENAME, &r->opts.meta_file,
		  "KEY=VALUE lines for --meta (default: FILE.meta beside "
		  "each input)", "FILE" },
		{ "template-dir", 0, 0, G_OPTION_ARG_FILENAME,
		  &r->opts.template_dir,
		  "EPUB templates directory (default: installed)", "DIR" },
		{ "embed-fonts", 0, 0, G_OPTION_ARG_NONE, &v->embed,
		  "EPUB, HTML: embed subset fonts", NULL },
		{ "list-fonts", 0, 0, G_OPTION_ARG_NONE, &v->listfonts,
		  "Print the font file serving each font role and exit",
		  NULL },
		{ "max-input-size", 0, 0, G_OPTION_ARG_CALLBACK,
		  (void *)opt_max_input,
		  "Refuse inputs larger than SIZE (default 256M)", "SIZE" },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &v->njobs,
		  "Convert N files at a time", "N" },
		{ "files-from", 0, 0, G_OPTION_ARG_FILENAME, &v->list,
		  "Also convert the files named in FILE, one a line "
		  "(- for standard input)", "FILE" },
		{ "null", '0', 0, G_OPTION_ARG_NONE, &v->nul,
		  "--files-from: names end with NUL (find -print0)", NULL },
		{ "keep-tree", 0, 0, G_OPTION_ARG_NONE, &v->keeptree,
		  "With -o DIR: mirror each input's directories under DIR "
		  "(corpus/a/x.txt -> DIR/corpus/a/x.tei.xml)", NULL },
		{ "skip-existing", 0, 0, G_OPTION_ARG_NONE, &v->skip,
		  "Skip a file whose outputs are all newer than it, its "
		  ".meta, docconv, --style and --meta-file", NULL },
		{ "report", 0, 0, G_OPTION_ARG_FILENAME, &r->report,
		  "Write one JSON line per input to FILE (- for standard "
		  "output)", "FILE" },
		{ "report-append", 0, 0, G_OPTION_ARG_FILENAME, &v->append,
		  "As --report, adding to FILE instead of replacing it",
		  "FILE" },
		{ "quiet", 'q', G_OPTION_FLAG_NO_ARG,
		  G_OPTION_ARG_CALLBACK, (void *)opt_verbose,
		  "Print errors only", NULL },
		{ "verbose", 'v', G_OPTION_FLAG_NO_ARG,
		  G_OPTION_ARG_CALLBACK, (void *)opt_verbose,
		  "Say what is done; -vv also how each input was read and "
		  "each output's size and time", NULL },
		{ "version", 0, 0, G_OPTION_ARG_NONE, &v->version,
		  "Print the version and exit", NULL },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
		  &r->files, NULL, "FILE..." },
		{ NULL, 0, 0, 0, NULL, NULL, NULL }
	};

	v->sel = g_new0(gboolean, dc_nbackends);
	all = g_new0(GOptionEntry, dc_nbackends + G_N_ELEMENTS(entries));
	for (i = 0; i < dc_nbackends; i++) {
		all[i].long_name = dc_backends[i].option;
		all[i].arg = G_OPTION_ARG_NONE;
		all[i].arg_data = &v->sel[i];
		all[i].description = dc_backends[i].help;
	}
	memcpy(all + dc_nbackends, entries, sizeof(entries));
	return all;
}

/*
 * The options that print and exit (--version, --list-fonts,
 * --print-style), and what they need first.  Returns -1 to go on, else
 * the exit status.
 */
static int
opts_early(struct run *r, struct opts_vals *v)
{
	size_t	 i;

	if (v->append != NULL && r->report != NULL) {
		dc_msg_usage("--report and --report-append: "
		    "give one of them");
		return EXIT_USAGE;
	} else if (v->append != NULL) {
		r->report = v->append;
		r->report_append = 1;
		v->append = NULL;
	}
	if (v->version) {
		printf("docconv %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	/* --font-dir before anything looks at the fonts. */
	for (i = 0; v->fontdirs != NULL && v->fontdirs[i] != NULL; i++) {
		if (!g_file_test(v->fontdirs[i], G_FILE_TEST_IS_DIR)) {
			dc_msg_usage("--font-dir %s: not a "
			    "directory", v->fontdirs[i]);
			return EXIT_USAGE;
		}
		dc_fonts_add_dir(v->fontdirs[i]);
	}
	if (v->listfonts)
		return dc_fonts_list(stdout) == 0 ? EXIT_OK : EXIT_SYSTEM;
	if (v->printstyle) {
		(void)dc_fonts_init();
		dc_style_print(stdout);
		return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK :
		    EXIT_SYSTEM;
	}
	return -1;
}

/*
 * The options every file's conversion reads, checked once before any
 * input is read.  Returns -1 to go on, else the exit status.
 */
static int
opts_settings(struct run *r, struct opts_vals *v)
{
	const char	*epoch;

	dc_msg_set_quiet(r->opts.verbose < 0);
	if (opts_texts(r) == -1)
		return EXIT_USAGE;
	r->opts.lenient = v->lenient;
	r->opts.keep_markup = v->keepmarkup;
	r->opts.embed_fonts = v->embed;
	if (v->format != NULL) {
		r->opts.dialect = dc_dialect_from_name(v->format);
		if (r->opts.dialect == DC_DIALECT__MAX) {
			char *names = dc_dialect_list();

			dc_msg_usage("--input-format: unknown "
			    "format '%s'; use %s", v->format, names);
			g_free(names);
			return EXIT_USAGE;
		}
	}
	/*
	 * A bad style file is a usage error (after -q, which quiets its
	 * warnings); it gives the paper unless --paper does.
	 */
	if (v->style != NULL) {
		if (dc_style_load(v->style, r->opts.paper,
		    &r->opts.style) == -1)
			return EXIT_USAGE;
		if (r->opts.paper == NULL)
			r->opts.paper = g_strdup(r->opts.style->paper);
	}
	/*
	 * The PDF's options are checked here, once, before any input is
	 * read: a bad one is a usage error (exit 2), not a failure of
	 * each file after its other outputs are written.
	 */
	{
		double		 pw, ph;
		enum ts_layout	 lay;

		if (ts_paper(r->opts.paper, &pw, &ph) == -1 ||
		    ts_layout_parse(r->opts.layout, (1u << DC_LANG_ZH) |
		    (1u << DC_LANG_EN), 0, &lay) == -1)
			return EXIT_USAGE;
		if (r->opts.impose != NULL &&
		    strcmp(r->opts.impose, "booklet") != 0) {
			dc_msg_usage("--impose %s: the only "
			    "imposition is booklet", r->opts.impose);
			return EXIT_USAGE;
		}
	}
	if (r->opts.template_dir != NULL &&
	    dc_template_check(r->opts.template_dir) == -1)
		return EXIT_USAGE;
	if ((epoch = g_getenv("SOURCE_DATE_EPOCH")) != NULL) {
		char *end;
		long long secs = g_ascii_strtoll(epoch, &end, 10);
		if (*epoch == '\0' || *end != '\0' || secs < 0) {
			dc_msg_usage("SOURCE_DATE_EPOCH must be "
			    "a number of seconds, not '%s'", epoch);
			return EXIT_USAGE;
		}
		r->opts.epoch = secs;
	}
	return -1;
}

/*
 * The outputs asked for (r->formats, r->nout).  Returns -1 to go on,
 * else the exit status.
 */
static int
opts_formats(struct run *r, struct opts_vals *v)
{
	size_t	 i;

	r->formats = v->dump ? DC_FMT_DUMP : 0;
	for (i = 0; i < dc_nbackends; i++) {
		if (!v->sel[i])
			continue;
		/* --json -o -: JSON Lines, a document a line, for a
		 * batch; no file. */
		if (dc_backends[i].flag == DC_FMT_JSON &&
		    r->outarg != NULL && strcmp(r->outarg, "-") == 0)
			v->jsonl = TRUE;
		else {
			r->formats |= dc_backends[i].flag;
			r->nout++;
		}
	}
	if (v->jsonl) {
		r->formats |= DC_FMT_JSONL;
		if (r->nout > 0 || v->dump || v->dumpalign) {
			dc_msg_usage("--json -o - writes JSON "
			    "Lines alone; give -o DIR for other outputs");
			return EXIT_USAGE;
		}
	}
	if (v->dumpalign)
		r->formats |= DC_FMT_ALIGN;
	if (v->tmxseg != NULL && strcmp(v->tmxseg, "sentence") == 0)
		r->opts.tmx_sentences = 1;
	else if (v->tmxseg != NULL && strcmp(v->tmxseg, "paragraph") != 0) {
		dc_msg_usage("--tmx-segment=%s: give paragraph "
		    "or sentence", v->tmxseg);
		return EXIT_USAGE;
	}
	if (v->tmxseg != NULL && !(r->formats & DC_FMT_TMX)) {
		dc_msg_usage("--tmx-segment goes with --tmx");
		return EXIT_USAGE;
	}
	/* A style's font that is not installed: a system error. */
	if (r->opts.style != NULL && (r->formats & DC_FMT_PDF) &&
	    dc_style_resolve(r->opts.style) == -1)
		return EXIT_SYSTEM;
	return -1;
}

/*
 * The inputs (FILE..., --files-from) and what goes with how many there
 * are.  Returns -1 to go on, else the exit status.
 */
static int
opts_inputs(struct run *r, struct opts_vals *v)
{
	size_t	 nfiles, i;
	int	 rc;

	if (v->list != NULL) {
		GPtrArray *a = g_ptr_array_new();
		for (i = 0; r->files != NULL && r->files[i] != NULL; i++)
			g_ptr_array_add(a, r->files[i]);
		g_free(r->files);
		r->files = NULL;
		i = opts_files_from(v->list, v->nul, a);
		g_ptr_array_add(a, NULL);
		r->files = (char **)g_ptr_array_free(a, FALSE);
		if (i != 0)
			return EXIT_USAGE;
		for (i = 0; r->files[i] != NULL; i++)
			if (strcmp(v->list, "-") == 0 &&
			    strcmp(r->files[i], "-") == 0) {
				dc_msg_usage("--files-from - "
				    "reads the list from standard input; it "
				    "cannot name - as a file");
				return EXIT_USAGE;
			}
	} else if (v->nul) {
		dc_msg_usage("-0 goes with --files-from");
		return EXIT_USAGE;
	}
	r->skip_existing = v->skip;
	r->list = v->list;
	v->list = NULL;
	nfiles = r->files != NULL ? g_strv_length(r->files) : 0;
	if (nfiles == 0 && r->list != NULL) {
		/* find(1) that found nothing: not a mistake in the call. */
		if (r->opts.verbose >= 0)
			dc_msg_usage("--files-from %s: no files "
			    "listed", r->list);
		return EXIT_OK;
	}
	if ((r->opts.alignment != NULL && r->opts.translation == NULL) ||
	    (r->review != NULL && nfiles != 1)) {
		dc_msg_usage("%s", r->review != NULL &&
		    nfiles != 1 ? "--alignment-report FILE goes with one "
		    "input" : "--alignment FILE goes with --translation "
		    "(it pairs the two files' paragraphs)");
		return EXIT_USAGE;
	}
	if ((r->opts.translation != NULL && nfiles != 1) ||
	    (v->dumpalign && r->opts.translation == NULL)) {
		dc_msg_usage("--translation FILE goes with one "
		    "input, the original%s", v->dumpalign &&
		    r->opts.translation == NULL ? " (--dump-alignment needs "
		    "it)" : "");
		return EXIT_USAGE;
	}
	if (nfiles == 0) {
		dc_msg_usage("no input file; give one or more "
		    "FILEs (- for standard input).\nTry 'docconv --help'.");
		return EXIT_USAGE;
	}
	if (r->formats == 0 && r->review == NULL) {
		dc_msg_usage("no output chosen; add --pdf, "
		    "--epub, --tei, --html, --json, --tmx or --dump-model.\n"
		    "Try 'docconv --help'.");
		return EXIT_USAGE;
	}
	if (v->njobs < 1 || v->njobs > 1024) {
		dc_msg_usage("-j takes a number from 1 to "
		    "1024, not %d", v->njobs);
		return EXIT_USAGE;
	}
	for (i = 0; i < nfiles; i++)
		if (strcmp(r->files[i], "-") == 0 && nfiles > 1) {
			dc_msg_usage("standard input (-) must be "
			    "the only FILE");
			return EXIT_USAGE;
		}
	if (r->opts.translation != NULL && nfiles == 1 &&
	    strcmp(r->opts.translation, "-") == 0 &&
	    strcmp(r->files[0], "-") == 0) {
		dc_msg_usage("the original (-) and --translation "
		    "- would both read standard input; give one as a file");
		return EXIT_USAGE;
	}
	r->keep_tree = v->keeptree;
	if ((rc = opts_outputs(r, nfiles, v->dump || v->dumpalign)) != -1)
		return rc;
	r->nfiles = nfiles;
	r->njobs = v->njobs;
	return -1;
}

/*
 * Parse and check the command line into r (which opts_free() frees).
 * Returns -1 when the inputs are to be converted, else the exit status
 * (--version, --list-fonts, a usage error).
 */
int
opts_parse(struct run *r, int argc, char *argv[])
{
	struct opts_vals v = { 0 };
	GOptionContext	*ctx;
	GOptionGroup	*grp;
	GOptionEntry	*all;
	GError		*err = NULL;
	gchar		**args;
	const char	*near;
	int		 rc = EXIT_USAGE;

	(void)argc;
	memset(r, 0, sizeof(*r));
	r->opts.epoch = -1;
	v.njobs = 1;
	/* G_OPTION_REMAINING names FILE... already. */
	ctx = g_option_context_new("- convert speeches and reports "
	    "to PDF, EPUB and TEI");
	g_option_context_set_summary(ctx, summary);
	g_option_context_set_description(ctx, description);
	v.dialects = dc_dialect_list();
	all = opts_entries(r, &v);
	grp = g_option_group_new(NULL, NULL, NULL, r, NULL);
	g_option_group_add_entries(grp, all);
	g_option_context_set_main_group(ctx, grp);
	/*
	 * Text options are declared as FILENAME so that GLib leaves their
	 * bytes alone: they are taken as UTF-8 whatever the locale (cron
	 * and CI often run with LANG unset, and titles are Chinese).
	 */
	args = g_strdupv(argv);
	if (!g_option_context_parse_strv(ctx, &args, &err)) {
		near = err->code == G_OPTION_ERROR_UNKNOWN_OPTION ?
		    opts_nearest(all, err->message) : NULL;
		dc_msg_usage("%s%s%s%s\nTry 'docconv --help'.",
		    err->message, near != NULL ? "; did you mean --" : "",
		    near != NULL ? near : "", near != NULL ? "?" : "");
		g_clear_error(&err);
	} else if ((rc = opts_early(r, &v)) == -1 &&
	    (rc = opts_settings(r, &v)) == -1 &&
	    (rc = opts_formats(r, &v)) == -1)
		rc = opts_inputs(r, &v);
	g_option_context_free(ctx);
	g_free(all);
	g_free(v.sel);
	g_strfreev(args);
	g_free(v.format);
	g_free(v.list);
	g_free(v.tmxseg);
	g_free(v.append);
	g_free(v.style);
	g_strfreev(v.fontdirs);
	g_free(v.dialects);
	return rc;
}

/* Free what opts_parse() left in r. */
void
opts_free(struct run *r)
{
	size_t	 i;

	g_strfreev(r->files);
	/* GOption allocated these; the structs keep them const. */
	g_free((char *)r->outarg);
	g_free((char *)r->report);
	g_free((char *)r->opts.encoding);
	g_free((char *)r->opts.title);
	g_free((char *)r->opts.author);
	g_free((char *)r->opts.date);
	g_free((char *)r->opts.place);
	g_free((char *)r->opts.layout);
	g_free((char *)r->opts.paper);
	g_free((char *)r->opts.impose);
	g_free((char *)r->opts.template_dir);
	g_free((char *)r->opts.meta_file);
	for (i = 0; i < DC_PUB__MAX; i++)
		g_free(r->opts.meta[i]);
	g_free((char *)r->opts.translation);
	g_free((char *)r->opts.alignment);
	g_free((char *)r->review);
	g_free((char *)r->list);
	if (r->refused != NULL)
		for (i = 0; i < r->nfiles; i++)
			g_free(r->refused[i]);
	g_free(r->refused);
	dc_style_free(r->opts.style);
}
