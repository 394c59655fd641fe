/*
 * Reading an input: load the file, decode it, pick the dialect and
 * run its reader; plus the plain reader and the tree helpers that
 * every reader shares.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "parse.h"

/*
 * Append a new block of the given type to the document's root.
 */
struct dc_node *
dc_block_add(struct dc_doc *d, enum dc_type t)
{
	return dc_node_append(d->root, dc_node_new(t, DC_LANG_ZH, NULL,
	    0, 0));
}

/*
 * Add (or extend) the seg of a language in a block.  A block holds one
 * seg per language, Chinese first; adding text to a language that is
 * already there appends it, so that no text is ever dropped.
 */
struct dc_node *
dc_seg_add(struct dc_node *blk, enum dc_lang l, const char *text,
    int line, int col)
{
	struct dc_node	*s, *n;
	char		*t;

	if ((s = dc_node_seg(blk, l)) != NULL) {
		t = g_strconcat(s->text, l == DC_LANG_EN ? " " : "",
		    text, NULL);
		g_free(s->text);
		s->text = t;
		return s;
	}
	n = dc_node_new(DC_SEG, l, text, line, col);
	if (blk->line == 0)
		blk->line = line, blk->col = col;
	/* Keep language order: insert before the first later language. */
	for (s = blk->child; s != NULL; s = s->next)
		if (s->lang > l)
			break;
	if (s == NULL)
		return dc_node_append(blk, n);
	n->parent = blk;
	n->next = s;
	n->prev = s->prev;
	if (s->prev != NULL)
		s->prev->next = n;
	else
		blk->child = n;
	s->prev = n;
	return n;
}

/*
 * Join lines into one paragraph: Chinese lines run on without a space
 * (a line end in Chinese text is no word boundary), others with one.
 * Returns g_malloc'd text.
 */
char *
dc_join_lines(struct dc_line **l, size_t n, int lang)
{
	GString	*b;
	size_t	 i;

	b = g_string_new(NULL);
	for (i = 0; i < n; i++) {
		if (i > 0 && b->len > 0) {
			gunichar a = g_utf8_get_char(g_utf8_prev_char(
			    b->str + b->len));
			gunichar z = g_utf8_get_char(l[i]->text);
			if (lang == DC_LANG_EN ||
			    (dc_char_script_lang(a) == DC_LANG_EN &&
			    dc_char_script_lang(z) == DC_LANG_EN))
				g_string_append_c(b, ' ');
		}
		g_string_append_len(b, l[i]->text, l[i]->len);
	}
	return g_string_free(b, FALSE);
}

/*
 * The plain reader: paragraphs are blank-line separated blocks when
 * the text has such blocks of several lines, else single lines.  Each
 * paragraph's language is that of its script.
 */
void
dc_parse_plain(struct dc_doc *d, struct dc_input *in)
{
	struct dc_line	**run;
	struct dc_node	 *b;
	size_t		  i, j, n, multi = 0, start;
	char		 *t;
	int		  lang;

	start = dc_frontmatter(d, in->lines, in->nlines);
	/* Are there blank-separated blocks of more than one line? */
	for (i = start; i + 1 < in->nlines; i++)
		if (!in->lines[i].blank && !in->lines[i + 1].blank)
			multi++;
	run = g_new(struct dc_line *, in->nlines + 1);
	for (i = start; i < in->nlines; ) {
		if (in->lines[i].blank) {
			i++;
			continue;
		}
		n = 0;
		for (j = i; j < in->nlines && !in->lines[j].blank; j++) {
			run[n++] = &in->lines[j];
			if (!multi)
				break;
		}
		lang = dc_text_lang(run[0]->text, run[0]->len);
		if (lang < 0)
			lang = DC_LANG_ZH;
		t = dc_join_lines(run, n, lang);
		b = dc_block_add(d, DC_PARA);
		dc_seg_add(b, lang, t, run[0]->lineno, run[0]->col);
		g_free(t);
		i = j + (multi ? 0 : 1);
	}
	g_free(run);
	dc_body_roles(d);
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
		/* Han, space, Han: segmented text. */
		if (l->lang == DC_LANG_ZH) {
			size_t sp = 0, hz = 0;
			for (p = l->text; *p != '\0'; p = g_utf8_next_char(p))
				if (*p == ' ')
					sp++;
				else if (dc_char_script_lang(
				    g_utf8_get_char(p)) == DC_LANG_ZH)
					hz++;
			if (hz > 0 && sp * 4 >= hz)
				seg++;
		}
	}
	if (nonblank == 0)
		return DC_DIALECT_PLAIN;
	if (zh > 0 && seg * 2 > zh)
		return DC_DIALECT_SEGMENTED;
	if (zh > 0 && en > 0 && en * 5 >= nonblank && zh * 5 >= nonblank)
		return DC_DIALECT_BILINGUAL;
	if (zh > 0 && indented * 2 > nonblank)
		return DC_DIALECT_NEWS;
	return DC_DIALECT_PLAIN;
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
		if ((d = dc_parse_tei(buf, len, o)) == NULL)
			return NULL;
		/* The TEI names its own source text. */
		if (d->meta.source == NULL)
			dc_meta_set(&d->meta.source, name);
		dc_doc_finish(d, o);
		return d;
	}
	if (dc_input_decode(buf, len, o, &in) == -1)
		return NULL;
	if (dia == DC_DIALECT_AUTO)
		dia = dc_detect(&in);
	d = dc_doc_new();
	d->meta.dialect = dia;
	dc_meta_set(&d->meta.source, name);
	switch (dia) {
	case DC_DIALECT_SEGMENTED:
		dc_parse_segmented(d, &in);
		break;
	case DC_DIALECT_BILINGUAL:
		dc_parse_bilingual(d, &in);
		break;
	case DC_DIALECT_NEWS:
		dc_parse_news(d, &in);
		break;
	case DC_DIALECT_PLAIN:
		dc_parse_plain(d, &in);
		break;
	case DC_DIALECT_AUTO:
	case DC_DIALECT_TEI:
	case DC_DIALECT__MAX:
	default:
		abort();
	}
	dc_input_free(&in);
	dc_doc_finish(d, o);
	return d;
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

/* Front matter: to be written. */
size_t
dc_frontmatter(struct dc_doc *d, struct dc_line *l, size_t n)
{
	(void)d;
	(void)l;
	(void)n;
	return 0;
}

/* Block roles: to be written. */
void
dc_body_roles(struct dc_doc *d)
{
	(void)d;
}
