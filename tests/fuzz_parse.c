/*
 * libFuzzer target: bytes through decoding, dialect detection and every
 * reader, the tree's invariants, then every backend.
 *
 * The first byte picks the dialect (low nibble 15: json, else the byte
 * modulo 6: auto .. tei, as the kept crashers were found), --lenient
 * (bit 4) and the PDF layout (bits 5-7); the rest is the input.  The
 * input is parsed, dc_tree_check() must pass, the model is dumped,
 * written as JSON that must read back to the same JSON, and rendered
 * to TEI (which must be well-formed XML) and EPUB, and, for
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

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	*fuzz_dir;		/* this process's output directory */
static char	*fuzz_tei, *fuzz_epub, *fuzz_pdf;
static size_t	 fuzz_pdf_max = 2048;
static unsigned	 fuzz_pdf_every = 64;
static unsigned	 fuzz_count;

static const char *const fuzz_layouts[] = {
	NULL, "columns", "facing", "interleaved", "zh", "en", NULL, NULL
};

static void
fuzz_cleanup(void)
{
	if (fuzz_dir == NULL)
		return;
	(void)g_unlink(fuzz_tei);
	(void)g_unlink(fuzz_epub);
	(void)g_unlink(fuzz_pdf);
	(void)g_rmdir(fuzz_dir);
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
	fuzz_tei = g_build_filename(fuzz_dir, "f.tei.xml", NULL);
	fuzz_epub = g_build_filename(fuzz_dir, "f.epub", NULL);
	fuzz_pdf = g_build_filename(fuzz_dir, "f.pdf", NULL);
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dc_opts	 o = { 0 };
	struct dc_doc	*d;
	FILE		*f;
	char		*buf = NULL;
	size_t		 len = 0;

	if (size < 1)
		return 0;
	if (fuzz_dir == NULL)
		fuzz_setup();
	o.epoch = 0;
	o.verbose = -1;
	o.dialect = (data[0] & 0x0F) == 0x0F ? DC_DIALECT_JSON :
	    (enum dc_dialect)(data[0] % 6);	/* auto .. tei */
	o.lenient = (data[0] >> 4) & 1;
	o.layout = fuzz_layouts[data[0] >> 5];
	dc_msg_reset();
	dc_msg_set_quiet(1);
	dc_msg_set_file("fuzz");
	d = dc_parse_mem((const char *)data + 1, size - 1, "fuzz.txt", &o);
	if (d == NULL)
		return 0;
	if (dc_tree_check(d, stderr) != 0)
		abort();
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
	if (render_tei(d, &o, fuzz_tei) == 0)
		fuzz_check_xml(fuzz_tei);
	(void)render_epub(d, &o, fuzz_epub);
	if (size <= fuzz_pdf_max && fuzz_count++ % fuzz_pdf_every == 0)
		(void)render_pdf(d, &o, fuzz_pdf);
	dc_doc_free(d);
	return 0;
}
