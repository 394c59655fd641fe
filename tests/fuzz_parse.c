/*
 * libFuzzer target: bytes through decoding, dialect detection and every
 * reader, the tree's invariants, then every backend.
 *
 * The first byte picks the dialect (low nibble 15: json, else the byte
 * modulo 6 in fuzz_dialects[], by name: auto .. tei, as the kept
 * crashers were found), --lenient
 * (bit 4) and the PDF layout (bits 5-7); the rest is the input.  An
 * input that goes on with ESC "O" then gives the option values that
 * reach the model: --title, --author, --place and --date, each ended
 * by a NUL (a value starting with 0xFF is not given); the text
 * follows the fourth NUL.  Without them the options are not given.
 * ESC "B" instead goes the way of the command line: a byte of flags
 * (bit 0 --skip-existing, bit 1 --report, bit 2 -o FILE rather than
 * -o DIR/, bit 3 --pdf, bit 4 the same input twice as two files, in
 * worker processes, bit 5 -o into a directory that does not exist),
 * the four values as
 * above, and the text, written to a file and converted by opts_parse()
 * and batch_run() as docconv's main() does.  ESC "F" and a byte K
 * give side files: two bytes (big-endian) give a side file's length
 * (cut to what is there), its bytes follow, then the text; K modulo 4
 * picks what it is: 0 a --meta-file, 1 a --style (loaded, resolved
 * and used for the PDF), 2 a --translation (the text and it aligned
 * as two files), 3 a --translation followed, with its own two-byte
 * length, by an --alignment file.  The
 * input is parsed, dc_tree_check() must pass, the model is dumped and
 * rendered to TEI (which must be well-formed XML) and EPUB, and, for
 * inputs of at most FUZZ_PDF_MAX bytes (default 2048) and every
 * FUZZ_PDF_EVERY-th input (default 64; the first always), to PDF: PDF
 * is slow (0.8 s an input under the sanitizers, 25 times the rest).
 * Outputs go to one mkdtemp directory per process, overwritten on
 * every run and removed at exit.
 *
 * The one command that runs it (seeds: examples/, the golden inputs,
 * tests/data/ with the kept crashers), from a build directory beside
 * the sources:
 *
 *   ../configure --enable-fuzz CC=clang && make tests/fuzz_parse &&
 *   ../tests/fuzz-run.sh 600
 *
 * tests/fuzz-run.sh gathers the seeds, sets the limits and the
 * LeakSanitizer suppressions; crashers land in fuzz-artifacts/.
 * Replay one with tests/fuzz_parse FILE.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "../src/docconv.h"
#include "../src/batch.h"
#include "../src/opts.h"
#include "../src/style.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	*fuzz_dir;		/* this process's output directory */
static char	*fuzz_review;
static char	*fuzz_in, *fuzz_side, *fuzz_align; /* side files' inputs */
static size_t	 fuzz_pdf_max = 2048;
static unsigned	 fuzz_pdf_every = 64;
static unsigned	 fuzz_count;

static const char *const fuzz_layouts[] = {
	NULL, "columns", "facing", "interleaved", "zh", "en", NULL, NULL
};

/* Remove a directory and what is in it (the batch path's outputs). */
static void
fuzz_rm_tree(const char *dir)
{
	GDir		*d;
	const char	*n;
	char		*p;

	if ((d = g_dir_open(dir, 0, NULL)) != NULL) {
		while ((n = g_dir_read_name(d)) != NULL) {
			p = g_build_filename(dir, n, NULL);
			if (g_file_test(p, G_FILE_TEST_IS_DIR))
				fuzz_rm_tree(p);
			else
				(void)g_unlink(p);
			g_free(p);
		}
		g_dir_close(d);
	}
	(void)g_rmdir(dir);
}

static void
fuzz_cleanup(void)
{
	if (fuzz_dir != NULL)
		fuzz_rm_tree(fuzz_dir);
}

/* Once per process: the output directory and the PDF limits. */
static void
fuzz_setup(void)
{
	const char	*e;

	fuzz_dir = g_build_filename(g_get_tmp_dir(), "docconv-fuzz.XXXXXX",
	    NULL);
	if (g_mkdtemp(fuzz_dir) == NULL) {
		perror(fuzz_dir);
		abort();
	}
	fuzz_review = g_build_filename(fuzz_dir, "f.review.html", NULL);
	fuzz_in = g_build_filename(fuzz_dir, "orig.txt", NULL);
	fuzz_side = g_build_filename(fuzz_dir, "side.txt", NULL);
	fuzz_align = g_build_filename(fuzz_dir, "beads.align", NULL);
	if ((e = getenv("FUZZ_PDF_MAX")) != NULL)
		fuzz_pdf_max = strtoul(e, NULL, 10);
	if ((e = getenv("FUZZ_PDF_EVERY")) != NULL && atoi(e) > 0)
		fuzz_pdf_every = (unsigned)atoi(e);
	atexit(fuzz_cleanup);
}

/* The TEI written must be well-formed XML. */
static void
fuzz_check_xml(const char *path)
{
	xmlDocPtr	 x;

	x = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	if (x == NULL) {
		fprintf(stderr, "fuzz: %s is not well-formed XML\n", path);
		abort();
	}
	xmlFreeDoc(x);
}

/*
 * The command line's way: flags, four option values, then the text;
 * see the top.  Returns 0.
 */
static int
fuzz_batch(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"--title=", "--author=", "--place=", "--date="
	};
	struct run	 r;
	GPtrArray	*argv;
	const uint8_t	*nul;
	unsigned	 flags;
	char		*in, *in2, *out, *rep;
	size_t		 i;
	int		 rc;

	flags = data[0];
	data++, size--;
	argv = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(argv, g_strdup("docconv"));
	g_ptr_array_add(argv, g_strdup("-q"));
	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		if ((nul = memchr(data, '\0', size)) == NULL) {
			g_ptr_array_free(argv, TRUE);
			return 0;
		}
		if (data[0] != 0xFF)
			g_ptr_array_add(argv, g_strconcat(names[i],
			    (const char *)data, NULL));
		size -= nul + 1 - data;
		data = nul + 1;
	}
	in = g_build_filename(fuzz_dir, "in.txt", NULL);
	in2 = g_build_filename(fuzz_dir, "in2.md", NULL);
	out = g_build_filename(fuzz_dir, flags & 4 ? "o.tei.xml" : "o/",
	    NULL);
	rep = g_build_filename(fuzz_dir, "report.jsonl", NULL);
	if (!g_file_set_contents(in, (const char *)data, (gssize)size,
	    NULL) || ((flags & 16) && !g_file_set_contents(in2,
	    (const char *)data, (gssize)size, NULL))) {
		fprintf(stderr, "fuzz: cannot write the input in %s\n",
		    fuzz_dir);
		abort();
	}
	g_ptr_array_add(argv, g_strdup("--tei"));
	if ((flags & 8) && size <= fuzz_pdf_max && !(flags & 4))
		g_ptr_array_add(argv, g_strdup("--pdf"));
	if (flags & 1)
		g_ptr_array_add(argv, g_strdup("--skip-existing"));
	if (flags & 2)
		g_ptr_array_add(argv, g_strconcat("--report=", rep, NULL));
	g_ptr_array_add(argv, g_strdup("-o"));
	if (flags & 32)
		g_ptr_array_add(argv, g_build_filename(fuzz_dir, "none",
		    "o.tei.xml", NULL));
	else
		g_ptr_array_add(argv, g_strdup(out));
	g_ptr_array_add(argv, g_strdup(in));
	if (flags & 16)
		g_ptr_array_add(argv, g_strdup(in2));
	g_ptr_array_add(argv, NULL);

	memset(&r, 0, sizeof(r));
	{
		/* opts_parse() may reorder argv (GOption): a copy. */
		int	  argc = (int)argv->len - 1;
		char	**v = g_new0(char *, argv->len);
		memcpy(v, argv->pdata, sizeof(char *) * argc);
		if ((rc = opts_parse(&r, argc, v)) == -1)
			rc = batch_run(&r);
		opts_free(&r);
		g_free(v);
	}
	if (rc < 0 || rc > 3) {
		fprintf(stderr, "fuzz: the batch path returned %d, not "
		    "an exit status of 0-3\n", rc);
		abort();
	}
	/* Reset the process-wide state for the next input. */
	dc_msg_set_quiet(1);
	(void)g_unlink(rep);
	(void)g_unlink(in2);
	(void)g_unlink(out);
	g_ptr_array_free(argv, TRUE);
	g_free(in);
	g_free(in2);
	g_free(out);
	g_free(rep);
	return 0;
}

/* Write n bytes to path, or abort. */
static void
fuzz_write(const char *path, const uint8_t *data, size_t n)
{
	if (!g_file_set_contents(path, (const char *)data, (gssize)n,
	    NULL)) {
		fprintf(stderr, "fuzz: cannot write %s\n", path);
		abort();
	}
}

/*
 * Take a side file's bytes (two bytes of length, then as many as
 * there are of those) off *data and write them to path.
 */
static void
fuzz_take(const uint8_t **data, size_t *size, const char *path)
{
	size_t	 n = 0;

	if (*size >= 2) {
		n = (size_t)(*data)[0] << 8 | (*data)[1];
		*data += 2, *size -= 2;
	} else
		*data += *size, *size = 0;
	if (n > *size)
		n = *size;
	fuzz_write(path, *data, n);
	*data += n, *size -= n;
}

/*
 * ESC "F" K: the text read with a side file, as the command line
 * reads it (see the top).  Returns the document or NULL; *style is a
 * loaded style to free after rendering, or NULL.
 */
static struct dc_doc *
fuzz_sidefile(struct dc_opts *o, const uint8_t *data, size_t size,
    struct dc_style **style)
{
	struct dc_doc	*d = NULL;
	unsigned	 k = data[0] % 4;

	*style = NULL;
	data++, size--;
	fuzz_take(&data, &size, fuzz_side);
	if (k == 3)
		fuzz_take(&data, &size, fuzz_align);
	fuzz_write(fuzz_in, data, size);
	switch (k) {
	case 0:
		o->meta_file = fuzz_side;
		d = dc_parse_file(fuzz_in, o);
		break;
	case 1:
		if (dc_style_load(fuzz_side, NULL, style) == 0 &&
		    dc_style_resolve(*style) == 0)
			o->style = *style;
		d = dc_parse_file(fuzz_in, o);
		break;
	case 2:
	case 3:
		o->translation = fuzz_side;
		o->alignment = k == 3 ? fuzz_align : NULL;
		d = dc_parse_pair(fuzz_in, fuzz_side, o);
		break;
	}
	dc_msg_set_file("fuzz");
	return d;
}

/*
 * The first byte's dialects by name, in the order the kept crashers
 * were found with: a dialect added to enum dc_dialect does not change
 * what they read as (add it here at the end, which re-keys them, only
 * with new crashers to keep).
 */
static const char *const fuzz_dialects[] = {
	"auto", "segmented", "bilingual", "news", "plain", "tei"
};

/*
 * Every backend of batch.c's table, into f.EXT: the XML ones must be
 * well-formed; the PDF only for inputs of at most fuzz_pdf_max bytes
 * and every fuzz_pdf_every-th of them (it is slow).
 */
static void
fuzz_render(const struct dc_doc *d, const struct dc_opts *o, size_t size)
{
	const struct dc_backend	*be;
	char			*path, *name;
	size_t			 i;

	for (i = 0; i < dc_nbackends; i++) {
		be = &dc_backends[i];
		if (be->flag == DC_FMT_PDF && (size > fuzz_pdf_max ||
		    fuzz_count++ % fuzz_pdf_every != 0))
			continue;
		name = g_strconcat("f", be->ext, NULL);
		path = g_build_filename(fuzz_dir, name, NULL);
		if (be->render(d, o, path) == 0 &&
		    (g_str_has_suffix(be->ext, ".xml") ||
		    strcmp(be->ext, ".tmx") == 0))
			fuzz_check_xml(path);
		g_free(path);
		g_free(name);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dc_opts	 o = { 0 };
	struct dc_doc	*d;
	struct dc_style	*style = NULL;
	FILE		*f;
	char		*buf = NULL;
	size_t		 len = 0;

	if (size < 1)
		return 0;
	if (fuzz_dir == NULL)
		fuzz_setup();
	o.epoch = 0;
	o.verbose = -1;
	o.dialect = dc_dialect_from_name((data[0] & 0x0F) == 0x0F ? "json" :
	    fuzz_dialects[data[0] % G_N_ELEMENTS(fuzz_dialects)]);
	o.lenient = (data[0] >> 4) & 1;
	o.layout = fuzz_layouts[data[0] >> 5];
	dc_msg_reset();
	dc_msg_set_quiet(1);
	dc_msg_set_file("fuzz");
	data++, size--;
	if (size >= 3 && data[0] == 0x1b && data[1] == 'B')
		return fuzz_batch(data + 2, size - 2);
	if (size >= 2 && data[0] == 0x1b && data[1] == 'O') {
		const char	**v[] = { &o.title, &o.author, &o.place,
				    &o.date };
		const uint8_t	*nul;
		size_t		 i;

		data += 2, size -= 2;
		for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
			if ((nul = memchr(data, '\0', size)) == NULL)
				return 0;
			/* main() refuses values that are not UTF-8. */
			if (data[0] != 0xFF && g_utf8_validate((const char *)
			    data, nul - data, NULL))
				*v[i] = (const char *)data;
			size -= nul + 1 - data;
			data = nul + 1;
		}
	}
	if (size >= 3 && data[0] == 0x1b && data[1] == 'F')
		d = fuzz_sidefile(&o, data + 2, size - 2, &style);
	else
		d = dc_parse_mem((const char *)data, size, "fuzz.txt", &o);
	if (d == NULL) {
		dc_style_free(style);
		return 0;
	}
	if (dc_tree_check(d, stderr) != 0) {
		fprintf(stderr, "fuzz: the model fails dc_tree_check()\n");
		abort();
	}
	if ((f = open_memstream(&buf, &len)) != NULL) {
		render_tree(d, &o, f);
		fclose(f);
		free(buf);
	}
	{
		/* JSON -> model -> JSON: the same bytes. */
		struct dc_opts	 oj = o;
		struct dc_doc	*dj;
		char		*j1, *j2;
		size_t		 l1, l2;

		oj.dialect = DC_DIALECT_JSON;
		j1 = dc_json_text(d, 0, &l1);
		if ((dj = dc_parse_mem(j1, l1, "fuzz.json", &oj)) == NULL) {
			fprintf(stderr, "fuzz: the JSON written is refused\n");
			abort();
		}
		j2 = dc_json_text(dj, 0, &l2);
		if (l1 != l2 || memcmp(j1, j2, l1) != 0) {
			fprintf(stderr, "fuzz: JSON -> model -> JSON differs\n");
			abort();
		}
		g_free(j1);
		g_free(j2);
		dc_doc_free(dj);
	}
	fuzz_render(d, &o, size);
	(void)render_review(d, &o, fuzz_review);
	dc_doc_free(d);
	dc_style_free(style);
	return 0;
}
