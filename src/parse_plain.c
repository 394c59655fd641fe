/*
 * The plain reader: anything that is not one of the other dialects.
 * A header block if the text starts with one, then paragraphs.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "parse.h"

/* Does a line end a sentence (so that a following line in the same
 * blank-separated block starts a new paragraph)? */
static int
ends_sentence(const struct dc_line *l)
{
	gunichar	 c;

	if (l->len == 0)
		return 1;
	c = g_utf8_get_char(g_utf8_prev_char(l->text + l->len));
	/* A line in brackets of its own ("（某某委员会）", "（某某 摄）")
	 * and a signed one ("——编者") end there too. */
	if ((c == 0xFF09 || c == ')') && (g_str_has_prefix(l->text, "（") ||
	    l->text[0] == '('))
		return 1;
	{
		/* A dash and a short name end it: "——编者". */
		const char *dash = g_strrstr(l->text, "—");
		if (dash != NULL && dash > l->text && g_utf8_strlen(dash +
		    strlen("—"), -1) <= 8 && strpbrk(dash, "，。,.") == NULL &&
		    dash[strlen("—")] != '\0')
			return 1;
	}
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A ||
	    c == 0x201D || c == 0x300D || c == 0x300F || c == '.' ||
	    c == '!' || c == '?' || c == ':' || c == '"' || c == 0x2026;
}

/*
 * The plain reader: a header block if the text starts with one, then
 * paragraphs.  A paragraph is a line, except that where blank lines
 * separate blocks, a line that does not end a sentence runs on into
 * the next (hard-wrapped text).  Each paragraph's language is that of
 * its script.
 */
struct dc_doc *
dc_parse_plain(const struct dc_input *in, const struct dc_opts *o)
{
	struct dc_doc	*d = dc_doc_new();
	const struct dc_line**l, **run;
	struct dc_node	 *b;
	size_t		  i, n = 0, h, k, start, blanks = 0, wrapped = 0;
	char		 *t;
	int		  lang, top = 0;

	start = dc_frontmatter(d, in->lines, in->nlines);
	l = g_new(const struct dc_line *, in->nlines + 1);
	for (i = start; i < in->nlines; i++)
		if (!in->lines[i].blank)
			l[n++] = &in->lines[i];
	h = dc_header_end(l, n, o);
	/* Hard-wrapped text: blank lines between the body's blocks, and
	 * blocks of more than one line; an indented line still starts a
	 * paragraph of its own. */
	for (i = h + 1; i < n; i++)
		if (l[i]->lineno > l[i - 1]->lineno + 1)
			blanks++;
		else
			wrapped++;
	if (wrapped == 0)
		blanks = 0;
	dc_header_lines(d, l, h);
	/* Markdown headings: the body's biggest is level 1. */
	for (i = h; i < n; i++)
		if (l[i]->heading > 0 && (top == 0 || l[i]->heading < top))
			top = l[i]->heading;
	run = g_new(const struct dc_line *, n + 1);
	for (i = h; i < n; ) {
		k = 0;
		if (l[i]->heading > 0) {
			lang = l[i]->lang < 0 ? DC_LANG_ZH : l[i]->lang;
			b = dc_block_add(d, DC_HEADING);
			b->level = l[i]->heading - top + 1 > 3 ? 3 :
			    l[i]->heading - top + 1;
			dc_seg_add(b, lang, l[i]->text, l[i]->lineno,
			    l[i]->col);
			i++;
			continue;
		}
		run[k++] = l[i++];
		/* Wrapped lines: same block (adjacent in the input). */
		while (blanks > 0 && i < n && !ends_sentence(run[k - 1]) &&
		    l[i]->lineno == run[k - 1]->lineno + 1 &&
		    l[i]->heading == 0 && l[i]->indent <= run[0]->indent)
			run[k++] = l[i++];
		lang = dc_text_lang(run[0]->text, run[0]->len);
		if (lang < 0)
			lang = DC_LANG_ZH;
		t = dc_join_lines(run, k, lang);
		b = dc_block_add(d, DC_PARA);
		dc_seg_add(b, lang, t, run[0]->lineno, run[0]->col);
		g_free(t);
	}
	g_free(run);
	g_free(l);
	dc_body_roles(d, o);
	return d;
}

