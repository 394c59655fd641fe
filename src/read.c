/*
 * Reading an input: load the file, decode it, pick the dialect and
 * hand it to that dialect's reader.  The readers never call back into
 * this file (as mandoc's read.c: it picks the parser, the parsers
 * parse).
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "parse.h"

/* Is c a Han character or Chinese punctuation? */
static int
detect_cjk(gunichar c)
{
	return dc_char_script_lang(c) == DC_LANG_ZH ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
	    c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
	    c == 0x2014 || c == 0x2026;
}

/*
 * Guess the dialect from how the lines are written.
 */
enum dc_dialect
dc_detect(const struct dc_input *in)
{
	size_t	 i, nonblank = 0, zh = 0, en = 0, indented = 0, seg = 0;
	const struct dc_line *l;
	const char *p;

	for (i = 0; i < in->nlines; i++) {
		l = &in->lines[i];
		if (l->blank)
			continue;
		nonblank++;
		if (l->lang == DC_LANG_ZH)
			zh++;
		else if (l->lang == DC_LANG_EN)
			en++;
		if (l->indent >= 2)
			indented++;
		/* Han, space, Han: segmented text.  Only spaces beside a
		 * Han character or Chinese punctuation count: English in
		 * the line (a pair on one line, a name) has spaces of its
		 * own. */
		if (l->lang == DC_LANG_ZH) {
			size_t sp = 0, hz = 0;
			gunichar prev = 0, c, next;
			/* Separators: ASCII spaces, or ideographic spaces
			 * in a line without ASCII ones. */
			int ideo = strchr(l->text, ' ') == NULL;
			for (p = l->text; *p != '\0'; p = g_utf8_next_char(p)) {
				c = g_utf8_get_char(p);
				if (*p == ' ' || (ideo && c == 0x3000)) {
					next = g_utf8_get_char(
					    g_utf8_next_char(p));
					if (detect_cjk(prev) || detect_cjk(next))
						sp++;
				} else if (dc_char_script_lang(c) == DC_LANG_ZH)
					hz++;
				prev = c;
			}
			if (hz > 0 && sp * 4 >= hz)
				seg++;
		}
	}
	if (nonblank == 0)
		return DC_DIALECT_PLAIN;
	/* Each choice is a guess when its evidence is thin: said so, with
	 * the counts, so that --input-format can overrule it. */
	if (zh > 0 && seg * 2 > zh) {
		if (seg * 10 < zh * 7)
			dc_msg(DC_WARN_DIALECT, 0, 0, "read as segmented text: "
			    "%zu of %zu Chinese lines have token spaces (say "
			    "--input-format=plain if it is not)", seg, zh);
		return DC_DIALECT_SEGMENTED;
	}
	if (zh > 0 && en > 0 && en * 5 >= nonblank && zh * 5 >= nonblank) {
		if (en * 10 < nonblank * 3 || zh * 10 < nonblank * 3)
			dc_msg(DC_WARN_DIALECT, 0, 0, "read as bilingual text: "
			    "%zu Chinese and %zu English lines of %zu (say "
			    "--input-format=plain if they are not pairs)", zh,
			    en, nonblank);
		return DC_DIALECT_BILINGUAL;
	}
	if (zh > 0 && indented * 2 > nonblank) {
		if (indented * 10 < nonblank * 6)
			dc_msg(DC_WARN_DIALECT, 0, 0, "read as news: %zu of "
			    "%zu lines are indented (say --input-format=plain "
			    "if it is not)", indented, nonblank);
		return DC_DIALECT_NEWS;
	}
	/* Unindented (or hard-wrapped) paragraphs are news too when a
	 * dateline opens the text, after its title lines. */
	for (i = 0, nonblank = 0; zh > 0 && i < in->nlines && nonblank < 5;
	    i++) {
		l = &in->lines[i];
		if (l->blank)
			continue;
		nonblank++;
		if (dc_dateline_at(l->text))
			return DC_DIALECT_NEWS;
	}
	return DC_DIALECT_PLAIN;
}

/*
 * Under DOCCONV_CHECK (set by the test suite) every parse ends with
 * dc_tree_check(): a model that breaks the rules is a bug, reported
 * and aborted on, whatever the input was.
 */
static struct dc_doc *
read_checked(struct dc_doc *d)
{
	const char	*e = g_getenv("DOCCONV_CHECK");

	if (d != NULL && e != NULL && *e != '\0' && strcmp(e, "0") != 0 &&
	    dc_tree_check(d, stderr) != 0) {
		fprintf(stderr, "docconv: DOCCONV_CHECK: the model breaks "
		    "the rules above\n");
		abort();
	}
	return d;
}

/*
 * Parse an input held in memory; name is the source's name for the
 * metadata.  Returns the document, or NULL after reporting an error.
 */
struct dc_doc *
dc_parse_mem(const char *buf, size_t len, const char *name,
    const struct dc_opts *o)
{
	struct dc_input	 in;
	struct dc_found	 found;
	struct dc_doc	*d;
	enum dc_dialect	 dia;

	if (len == 0) {
		dc_msg(DC_ERR_EMPTY, 0, 0, "empty file: no text to convert");
		return NULL;
	}
	dia = o->dialect;
	if (dia == DC_DIALECT_TEI || (dia == DC_DIALECT_AUTO &&
	    len > 5 && g_strstr_len(buf, len < 4096 ? (gssize)len : 4096, "<TEI") != NULL &&
	    (memcmp(buf, "<?xml", 5) == 0 || memcmp(buf, "<TEI", 4) == 0 ||
	    memcmp(buf, "\xEF\xBB\xBF<", 4) == 0))) {
		struct dc_input raw = { (char *)buf, len, NULL, 0 };
		if ((d = dc_parse_tei(&raw, o)) == NULL)
			return NULL;
		/* The TEI names its own source text. */
		if (d->meta.source == NULL)
			dc_meta_set(&d->meta.source, name);
		dc_doc_finish(d, o);
		return read_checked(d);
	}
	if (dc_input_decode(buf, len, o, &in) == -1)
		return NULL;
	dc_input_web(&in, &found);
	if (dia == DC_DIALECT_AUTO)
		dia = dc_detect(&in);
	/* A clause a line: the lines that go on join first. */
	dc_input_join(&in, dia == DC_DIALECT_SEGMENTED ? " " : "");
	switch (dia) {
	case DC_DIALECT_SEGMENTED:
		d = dc_parse_segmented(&in, o);
		break;
	case DC_DIALECT_BILINGUAL:
		d = dc_parse_bilingual(&in, o);
		break;
	case DC_DIALECT_NEWS:
		d = dc_parse_news(&in, o);
		break;
	case DC_DIALECT_PLAIN:
		d = dc_parse_plain(&in, o);
		break;
	case DC_DIALECT_AUTO:
	case DC_DIALECT_TEI:
	case DC_DIALECT__MAX:
	default:
		abort();
	}
	d->meta.dialect = dia;
	dc_meta_set(&d->meta.source, name);
	dc_found_apply(d, &found);
	dc_found_free(&found);
	dc_input_free(&in);
	dc_doc_finish(d, o);
	return read_checked(d);
}

/*
 * Read and parse a file ("-" for standard input).  Returns the
 * document, or NULL after reporting why not.
 */
struct dc_doc *
dc_parse_file(const char *path, const struct dc_opts *o)
{
	struct dc_doc	*d;
	GError		*err = NULL;
	GStatBuf	 st;
	gchar		*buf = NULL, *base;
	gsize		 len = 0;

	if (strcmp(path, "-") == 0) {
		GIOChannel *ch = g_io_channel_unix_new(0);
		g_io_channel_set_encoding(ch, NULL, NULL);
		if (g_io_channel_read_to_end(ch, &buf, &len, &err) !=
		    G_IO_STATUS_NORMAL) {
			dc_msg(DC_ERR_INPUT, 0, 0, "cannot read standard "
			    "input: %s", err != NULL ? err->message : "?");
			g_clear_error(&err);
			g_io_channel_unref(ch);
			return NULL;
		}
		g_io_channel_unref(ch);
		d = dc_parse_mem(buf, len, "-", o);
		g_free(buf);
		return d;
	}
	if (g_stat(path, &st) == -1) {
		dc_msg(DC_ERR_INPUT, 0, 0, "cannot read it: %s%s",
		    g_strerror(errno), errno == ENOENT ?
		    " (check the name and directory)" : "");
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		dc_msg(DC_ERR_INPUT, 0, 0, "is a directory; give the text "
		    "files in it (e.g. DIR/*.txt)");
		return NULL;
	}
	if (!g_file_get_contents(path, &buf, &len, &err)) {
		dc_msg(DC_ERR_INPUT, 0, 0, "cannot read it: %s",
		    err->message);
		g_clear_error(&err);
		return NULL;
	}
	base = g_path_get_basename(path);
	d = dc_parse_mem(buf, len, base, o);
	g_free(base);
	g_free(buf);
	return d;
}


