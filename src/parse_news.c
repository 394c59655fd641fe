/*
 * The news reader: one paragraph a line, indented with ideographic
 * spaces; a dateline and byline ("本报北京11月11日电  （记者刘慧、薛丹）")
 * open the first paragraph or, in some agencies' style, close the
 * last; title lines, if any, stand unindented at the top.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"

/* Does a line without indent stand before an indented one (other
 * than at the top)? */
static int
news_interleaved(const struct dc_line **l, size_t n)
{
	size_t	 i, last = 0;

	for (i = 0; i < n; i++)
		if (l[i]->indent > 0)
			last = i;
	for (i = 1; i < last; i++)
		if (l[i]->indent == 0)
			return 1;
	return 0;
}

/* Does line b close the text after line a, which ends a sentence or
 * closes the text itself: a sign-off, a date, thanks, a trailer's
 * label?  Then it does not go on with a's paragraph, unindented or
 * not. */
static int
news_closes(const struct dc_line *a, const struct dc_line *b)
{
	const unsigned	 closing = DC_REC_THANKS | DC_REC_BYLINE |
	    DC_REC_DATELINE | DC_REC_DATE | DC_REC_EDITOR | DC_REC_CREDIT |
	    DC_REC_TRAILER | DC_REC_WRITER;
	gunichar	 c;

	if (a->len == 0 || (dc_recognise(b->text, b->lang == DC_LANG_EN ?
	    DC_LANG_EN : DC_LANG_ZH) & closing) == 0)
		return 0;
	/* After a sentence, or after a closing line itself. */
	c = g_utf8_get_char(g_utf8_prev_char(a->text + a->len));
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x201D ||
	    c == '.' || c == '!' || c == '?' || (dc_recognise(a->text,
	    a->lang == DC_LANG_EN ? DC_LANG_EN : DC_LANG_ZH) & (closing |
	    DC_REC_SIGNED)) != 0;
}

struct dc_doc *
dc_parse_news(const struct dc_input *in, const struct dc_opts *o)
{
	struct dc_doc	*d = dc_doc_new();
	const struct dc_line**l, **run;
	struct dc_node	 *b;
	struct dc_dateline dl;
	GPtrArray	 *paras;
	GArray		 *items = g_array_new(FALSE, FALSE, sizeof(int));
	size_t		  i, n = 0, h = 0, start, k, f, indented = 0;
	int		  mixed, *lines, *cols, *heads, top = 0;

	start = dc_frontmatter(d, in->lines, in->nlines);
	l = g_new(const struct dc_line *, in->nlines + 1);
	for (i = start; i < in->nlines; i++)
		if (!in->lines[i].blank) {
			l[n++] = &in->lines[i];
			if (in->lines[i].indent > 0)
				indented++;
		}

	/* Title lines: unindented and header-like, before the body. */
	h = dc_header_end(l, n, o);
	/* Indentation tells where the title lines end where some lines
	 * have none: title lines, or lines that go on with paragraphs;
	 * not where every line has it (markup may indent them all), nor
	 * where only lines closing the text have none. */
	if (indented > 0 && indented < n && (l[0]->indent == 0 ||
	    news_interleaved(l, n))) {
		for (i = 0; i < h && l[i]->indent == 0; i++)
			;
		h = i;
	}
	dc_header_lines(d, l, h);

	/* Paragraphs: where only some lines are indented, the indented
	 * ones start paragraphs and the others continue them. */
	mixed = indented > 0 && indented < n - h;
	paras = g_ptr_array_new_with_free_func(g_free);
	lines = g_new(int, n + 1);
	cols = g_new(int, n + 1);
	heads = g_new(int, n + 1);
	run = g_new(const struct dc_line *, n + 1);
	/* Markdown headings: the body's biggest is level 1. */
	for (i = h; i < n; i++)
		if (l[i]->heading > 0 && (top == 0 || l[i]->heading < top))
			top = l[i]->heading;
	for (i = h; i < n; ) {
		k = 0;
		/* A Markdown heading stands alone, and ends a paragraph. */
		heads[paras->len] = l[i]->heading > 0 ? l[i]->heading - top +
		    1 : l[i]->heading == -1 ? -1 : 0;
		if (l[i]->heading == -2)
			g_array_append_val(items, l[i]->lineno);
		run[k++] = l[i++];
		while (mixed && heads[paras->len] == 0 && i < n &&
		    l[i]->indent == 0 && l[i]->heading == 0 && !l[i]->brk &&
		    !news_closes(run[k - 1], l[i]))
			run[k++] = l[i++];
		lines[paras->len] = run[0]->lineno;
		cols[paras->len] = run[0]->col;
		/* A news text is Chinese as a rule; an English one told
		 * to read as news keeps its language and spaces. */
		g_ptr_array_add(paras, dc_join_lines(run, k,
		    run[0]->lang == DC_LANG_EN ? DC_LANG_EN : DC_LANG_ZH));
	}

	/* Dateline and byline at the start of the first paragraph (the
	 * first that is no heading);
	 * those closing the text are sign-offs (dc_body_roles()). */
	memset(&dl, 0, sizeof(dl));
	for (f = 0; f < paras->len && heads[f] != 0; f++)
		;
	if (f < paras->len && dc_dateline(d, paras->pdata[f], &dl)) {
		if (dl.dateline != NULL)
			dc_node_append(d->root, dc_node_new(DC_DATELINE,
			    DC_LANG_ZH, dl.dateline, lines[f], cols[f]));
		if (dl.byline != NULL)
			dc_node_append(d->root, dc_node_new(DC_BYLINE,
			    DC_LANG_ZH, dl.byline, lines[f], cols[f]));
	}
	for (i = 0; i < paras->len; i++) {
		const char *p = paras->pdata[i];
		if (i == f)
			p += dl.end;
		if (*p == '\0')
			continue;
		b = dc_block_add(d, heads[i] > 0 ? DC_HEADING : heads[i] < 0 ?
		    DC_CAPTION : DC_PARA);
		if (heads[i] < 0)
			b->sub = DC_SUB_CAPTION;
		if (heads[i] > 0)
			b->level = heads[i] > 3 ? 3 : heads[i];
		dc_seg_add(b, dc_text_lang(p, strlen(p)) == DC_LANG_EN ?
		    DC_LANG_EN : DC_LANG_ZH, p, lines[i], cols[i]);
	}
	g_free(dl.dateline);
	g_free(dl.byline);
	g_ptr_array_free(paras, TRUE);
	g_free(lines);
	g_free(cols);
	g_free(heads);
	g_free(run);
	g_free(l);
	dc_body_items(items);
	dc_body_roles(d, o);
	dc_body_items(NULL);
	g_array_free(items, TRUE);
	return d;
}
