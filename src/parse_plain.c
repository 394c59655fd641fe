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

/* A line's width in columns (a wide character takes two). */
static size_t
line_width(const struct dc_line *l)
{
	const char	*p;
	size_t		 w = 0;

	for (p = l->text; *p != '\0'; p = g_utf8_next_char(p))
		w += g_unichar_iswide(g_utf8_get_char(p)) ? 2 : 1;
	return w;
}

static int
width_cmp(const void *x, const void *y)
{
	size_t	 a = *(const size_t *)x, b = *(const size_t *)y;

	return a < b ? -1 : a > b;
}

/*
 * The width hard-wrapped text was wrapped at: nine in ten of the lines
 * that end no sentence and run on into the next line are no wider.
 * 0 if fewer than five lines say so.
 */
static size_t
wrap_width(const struct dc_line **l, const char *gap, size_t h, size_t n)
{
	size_t	*w, i, k = 0, r;

	w = g_new(size_t, n + 1);
	for (i = h + 1; i < n; i++)
		if (!gap[i] && !ends_sentence(l[i - 1]))
			w[k++] = line_width(l[i - 1]);
	qsort(w, k, sizeof(*w), width_cmp);
	r = k < 5 ? 0 : w[k * 9 / 10];
	g_free(w);
	return r;
}

/*
 * Does a line open with a numbered label: 1 a heading's ("第三章",
 * "Chapter 3", "Part II"), 2 an article's ("第十二条", "第二款",
 * "Article 12"), else 0?  *len: the label's bytes.  The same label on
 * both sides of a translation reads the same way.
 */
static int
numbered_label(const char *s, size_t *len)
{
	static const struct {
		const char	*w;
		int		 kind;
	} en[] = { { "chapter ", 1 }, { "part ", 1 }, { "section ", 1 },
	    { "article ", 2 } };
	const char	*p;
	size_t		 i, k;
	gunichar	 c;

	for (i = 0; i < G_N_ELEMENTS(en); i++) {
		k = strlen(en[i].w);
		if (g_ascii_strncasecmp(s, en[i].w, k) != 0)
			continue;
		for (p = s + k; g_ascii_isdigit(*p) ||
		    strchr("IVXLCivxlc", *p) != NULL; p++)
			if (*p == '\0')
				break;
		if (p == s + k)
			return 0;
		*len = (size_t)(p - s);
		return en[i].kind;
	}
	if (!g_str_has_prefix(s, "第"))
		return 0;
	for (p = s + strlen("第"); *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (g_ascii_isdigit(c) ||
		    g_utf8_strchr("一二三四五六七八九十百零〇两", -1, c) != NULL)
			continue;
		if (p == s + strlen("第"))
			return 0;
		*len = (size_t)(g_utf8_next_char(p) - s);
		if (g_utf8_strchr("章节部篇编", -1, c) != NULL)
			return 1;
		if (g_utf8_strchr("条款", -1, c) != NULL)
			return 2;
		return 0;
	}
	return 0;
}

/*
 * Is line a an article's label alone ("第十二条", "Article 12"), whose
 * text is the paragraph after it?  Regulations print it on the
 * article's first line; a line of its own is the same article.
 */
static int
article_alone(const struct dc_line *a)
{
	size_t	 len = 0;
	const char *p;

	if (numbered_label(a->text, &len) != 2)
		return 0;
	for (p = a->text + len; *p != '\0'; p = g_utf8_next_char(p))
		if (!dc_is_edge_space(g_utf8_get_char(p)) &&
		    strchr(".:", *p) == NULL &&
		    g_utf8_get_char(p) != 0xFF1A)
			return 0;
	return 1;
}

/* Does a line hold cells separated by tabs (a table's row)? */
static int
has_cells(const struct dc_line *l)
{
	const char	*p;

	for (p = l->text; (p = strchr(p, '\t')) != NULL; p++)
		if (p > l->text && p[1] != '\0' && p[1] != '\t')
			return 1;
	return 0;
}

/*
 * Does line a, w columns wide and ending no sentence, run on into b
 * where the text has too few wrapped lines to say a width?  Only where
 * the lines say so: a ends inside a clause (a comma, a semicolon, an
 * enumeration comma, a hyphen, an opening bracket or quote), a is a
 * label in 【】 alone (it leads the paragraph it opens), b opens in
 * lower case, or a is wider than a heading's line mostly is (20
 * Chinese characters, 60 columns of English: Chinese text is wrapped
 * at 20 to 40 characters, English at 60 to 80 columns).  Short lines
 * with nothing to join them are lines of their own, each a heading,
 * an item or a name by its own evidence: not one heading of two.
 */
static int
runs_on_unsure(const struct dc_line *a, const struct dc_line *b, size_t w)
{
	gunichar	 c;

	if (w > (a->lang == DC_LANG_ZH ? 40 : 60) ||
	    g_ascii_islower(b->text[0]))
		return 1;
	if (g_str_has_prefix(a->text, "【") && g_str_has_suffix(a->text, "】"))
		return 1;
	c = g_utf8_get_char(g_utf8_prev_char(a->text + a->len));
	return g_utf8_strchr("，、；,;-‐（“(", -1, c) != NULL;
}

/*
 * In text with no blank lines (a line each paragraph), is line a cut
 * inside a clause, b its rest: a is Chinese wider than a heading's line
 * (20 characters), holds a clause mark and ends in a character, no
 * mark; b is no wider (a wrapped paragraph's last line is its
 * shortest; the paragraph under a heading is wider than the heading)
 * and opens no numbered part?
 */
static int
mid_clause(const struct dc_line *a, const struct dc_line *b)
{
	gunichar	 c;
	size_t		 len;

	if (a->lang != DC_LANG_ZH || a->len == 0 || line_width(a) <= 40 ||
	    line_width(b) > line_width(a) || has_cells(a) || has_cells(b))
		return 0;
	c = g_utf8_get_char(g_utf8_prev_char(a->text + a->len));
	if (g_unichar_ispunct(c) || g_unichar_isspace(c) ||
	    dc_char_script_lang(c) != DC_LANG_ZH)
		return 0;
	if (strstr(a->text, "，") == NULL && strstr(a->text, "、") == NULL)
		return 0;
	return !numbered_label(b->text, &len) && !numbered_label(a->text,
	    &len) && !g_regex_match_simple("^[（(]?[一二三四五六七八九十"
	    "0-9０-９]{1,3}[、．.）)]", b->text, 0, 0) &&
	    !g_regex_match_simple("^[（(]?[一二三四五六七八九十0-9０-９]{1,3}"
	    "[、．.）)]", a->text, 0, 0);
}

/*
 * Does line a run on into the adjacent line b after it, in text with
 * blank lines between its blocks, wrapped at width ww (0: unknown)?
 * A line that ends no sentence does unless it is short (a heading over
 * its paragraph; with no width known, as runs_on_unsure() says), a
 * short numbered heading or a table's row; one that ends a sentence
 * does if it fills the width (the wrap fell at a sentence's end) and b
 * is not indented.
 */
static int
runs_on(const struct dc_line *a, const struct dc_line *b, size_t ww)
{
	size_t	 w = line_width(a), len;

	/* A table's rows are lines of their own. */
	if (has_cells(a) || has_cells(b))
		return 0;
	if (article_alone(a))
		return 1;
	if (numbered_label(a->text, &len) && w <= 40)
		return 0;
	if (!ends_sentence(a))
		return ww > 0 ? w * 2 >= ww : runs_on_unsure(a, b, w);
	return ww > 0 && b->indent == 0 && w * 10 >= ww * 8 &&
	    w <= ww + ww / 10;
}

/*
 * Does line b open with a mark that never starts a line or a paragraph
 * (a comma, a stop, a closing bracket or quote: the marks Chinese
 * line breaking keeps off a line's start)?  Then it is the line before
 * wrapped one character late, as exports that cut lines at a fixed
 * width leave it, and it runs on into that line whatever else holds.
 * The marks are those of dc_is_closing_punct() that no real line opens
 * with: not the ellipses and middle dots, nor the ASCII marks other
 * than , and ; (".NET", "?!", ":)" begin lines of text).
 */
static int
opens_closed(const struct dc_line *b)
{
	static const gunichar closing[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
		0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x300B, 0x3009,
		0x201D, 0x2019, 0xFF0E, ',', ';'
	};
	gunichar	 c;
	size_t		 i;

	if (b->len == 0)
		return 0;
	c = g_utf8_get_char(b->text);
	for (i = 0; i < G_N_ELEMENTS(closing); i++)
		if (c == closing[i])
			return 1;
	return 0;
}

/*
 * The language of a paragraph's lines: that of most of the characters
 * of those lines that have one (a line of digits has none, and a block
 * opening with a year or a number is in the language of its words).
 * -1 if no line has a language.
 */
static int
block_lang(const struct dc_line *const *run, size_t k)
{
	size_t	 i, n[2] = { 0, 0 };

	for (i = 0; i < k; i++)
		if (run[i]->lang == DC_LANG_ZH || run[i]->lang == DC_LANG_EN)
			n[run[i]->lang == DC_LANG_EN] +=
			    g_utf8_strlen(run[i]->text, run[i]->len);
	if (n[0] == 0 && n[1] == 0)
		return -1;
	return n[1] > n[0] ? DC_LANG_EN : DC_LANG_ZH;
}

/* Add line a to the paragraph's lines run, k of room for cap. */
static void
run_add(const struct dc_line ***run, size_t *cap, size_t k,
    const struct dc_line *a)
{
	if (k == *cap) {
		*cap *= 2;
		*run = g_renew(const struct dc_line *, *run, *cap);
	}
	(*run)[k] = a;
}

/*
 * A body line made into its paragraph is not read again: its text is
 * freed, so that a million one-line paragraphs do not hold each text
 * twice (the line's and the seg's) while the rest are read.
 */
static void
line_spent(struct dc_input *in, const struct dc_line *a)
{
	struct dc_line	*w = &in->lines[a - in->lines];

	g_free(w->text);
	w->text = NULL;
}

/*
 * The plain reader: a header block if the text starts with one, then
 * paragraphs.  A paragraph is a line, except that where blank lines
 * separate blocks, a line runs on into the next as runs_on() says
 * (hard-wrapped text).  Each paragraph's language is that of
 * its lines' script (block_lang()); a paragraph of digits alone takes
 * the language of the paragraph before it, or of the body's first line
 * that has one.  It spends the input: a line's text is freed once its
 * paragraph is made, the input once all are (dc_input_free()).
 */
/* The text of block b's only seg, its language in *lang; NULL unless
 * b is a paragraph of one untokenised seg. */
static const char *
pair_text(const struct dc_node *b, int *lang)
{
	const struct dc_node	*s = b->child;

	if (b->type != DC_PARA || s == NULL || s != b->last ||
	    s->type != DC_SEG || s->child != NULL || s->text == NULL)
		return NULL;
	*lang = s->lang;
	return s->text;
}

/* Words of Latin letters in s. */
static size_t
pair_words(const char *s)
{
	size_t	 n = 0;
	int	 in = 0;

	for (; *s != '\0'; s++) {
		n += g_ascii_isalpha(*s) && !in;
		in = g_ascii_isalpha(*s) || (in && (*s == '\'' ||
		    *s == '-'));
	}
	return n;
}

/* Was block b a list item of the markup (its line in items, which
 * are in input order)? */
static int
pair_item(const struct dc_node *b, const GArray *items)
{
	guint	 lo = 0, hi = items->len, mid;
	int	 v;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		v = g_array_index(items, int, mid);
		if (v == b->line)
			return 1;
		if (v < b->line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * A text in one language that gives paragraphs in the other with
 * their translations, each right after its original (an article's
 * paragraph and its Chinese, a learner's notes around them): a long
 * English paragraph and a Chinese one of a translation's length,
 * side by side, are one block in two languages.  The lengths are the
 * evidence: an English word is some 1.5 to 2 Chinese characters; a
 * comment on a paragraph is no such match but by chance.
 */
static void
plain_pairs(struct dc_doc *d, const GArray *items)
{
	struct dc_node	*b, *n, *s;
	const char	*t, *u;
	int		 la, lb;
	size_t		 words, han;

	for (b = d->root->child; b != NULL; b = b->next) {
		if ((n = b->next) == NULL || (t = pair_text(b, &la)) == NULL ||
		    (u = pair_text(n, &lb)) == NULL || la == lb ||
		    la < 0 || lb < 0)
			continue;
		words = pair_words(la == DC_LANG_EN ? t : u);
		han = g_utf8_strlen(la == DC_LANG_ZH ? t : u, -1);
		if (words < 12 || han * 10 < words * 12 ||
		    han * 10 > words * 28 || pair_item(b, items) ||
		    pair_item(n, items))
			continue;
		/* The Chinese seg first, as every block has them. */
		s = n->child;
		dc_node_unlink(s);
		if (s->lang == DC_LANG_ZH)
			dc_node_insert_before(b->child, s);
		else
			dc_node_append(b, s);
		dc_node_unlink(n);
		dc_node_free(n);
	}
}

struct dc_doc *
dc_parse_plain(struct dc_input *in, const struct dc_opts *o)
{
	struct dc_doc	*d = dc_doc_new();
	const struct dc_line**l, **run;
	struct dc_node	 *b;
	size_t		  i, n = 0, h, k, start, blanks = 0, wrapped = 0, ww;
	size_t		  cap = 16, lspent = 0;
	char		 *t, *gap, seen = 0;
	int		  lang, prev = -1, top = 0;
	GArray		 *items;

	start = dc_frontmatter(d, in->lines, in->nlines);
	l = g_new(const struct dc_line *, in->nlines + 1);
	/* gap[i]: a blank line stands before line i.  Not a gap in the
	 * line numbers: lines dc_input_join() put together leave one,
	 * and a text with no blank line at all is no blank-separated
	 * text for that. */
	gap = g_new0(char, in->nlines + 1);
	for (i = start; i < in->nlines; i++) {
		if (in->lines[i].blank) {
			seen = 1;
			continue;
		}
		gap[n] = seen;
		seen = 0;
		l[n++] = &in->lines[i];
	}
	h = dc_header_end(l, n, o);
	/* A line wrapped a character late belongs to the line before:
	 * the header does not end between them. */
	while (h > 0 && h < n && opens_closed(l[h]) && !gap[h])
		h--;
	/* Hard-wrapped text: blank lines between the body's blocks, and
	 * blocks of more than one line; an indented line still starts a
	 * paragraph of its own. */
	for (i = h + 1; i < n; i++)
		if (gap[i])
			blanks++;
		else
			wrapped++;
	if (wrapped == 0)
		blanks = 0;
	ww = wrap_width(l, gap, h, n);
	dc_header_lines(d, l, h);
	/* Markdown headings: the body's biggest is level 1. */
	for (i = h; i < n; i++)
		if (l[i]->heading > 0 && (top == 0 || l[i]->heading < top))
			top = l[i]->heading;
	for (i = h; i < n && prev < 0; i++)
		prev = l[i]->lang;
	if (prev < 0)
		prev = DC_LANG_ZH;
	run = g_new(const struct dc_line *, cap);
	items = g_array_new(FALSE, FALSE, sizeof(int));
	for (i = h; i < n; ) {
		k = 0;
		/* The lines before this block are read for good. */
		dc_input_spend(in, l[i] - in->lines);
		if (i * sizeof(*l) >= lspent + (1 << 20)) {
			dc_mem_spent(l, lspent, i * sizeof(*l));
			lspent = i * sizeof(*l);
		}
		if (l[i]->heading > 0) {
			lang = l[i]->lang < 0 ? DC_LANG_ZH : l[i]->lang;
			b = dc_block_add(d, DC_HEADING);
			b->level = l[i]->heading - top + 1 > 3 ? 3 :
			    l[i]->heading - top + 1;
			dc_seg_add(b, lang, l[i]->text, l[i]->lineno,
			    l[i]->col);
			line_spent(in, l[i++]);
			continue;
		}
		if (l[i]->heading == -1) {
			/* An image's text: its caption. */
			lang = l[i]->lang < 0 ? prev : l[i]->lang;
			b = dc_block_add(d, DC_CAPTION);
			b->sub = DC_SUB_CAPTION;
			dc_seg_add(b, lang, l[i]->text, l[i]->lineno,
			    l[i]->col);
			line_spent(in, l[i++]);
			continue;
		}
		run_add(&run, &cap, k++, l[i++]);
		/* Wrapped lines: same block (adjacent in the input). */
		while (i < n && !gap[i] &&
		    !l[i]->brk && l[i]->heading == 0 && (opens_closed(l[i]) ||
		    ((blanks > 0 || (k == 1 && article_alone(run[0]))) &&
		    runs_on(run[k - 1], l[i], ww) &&
		    l[i]->indent <= run[0]->indent) ||
		    (blanks == 0 && mid_clause(run[k - 1], l[i]) &&
		    l[i]->indent <= run[0]->indent)))
			run_add(&run, &cap, k++, l[i++]);
		if ((lang = block_lang(run, k)) < 0)
			lang = prev;
		prev = lang;
		t = dc_join_lines(run, k, lang);
		/* An article's label and its text: a space between, as
		 * on one line ("第一条　为了……"). */
		if (k > 1 && lang == DC_LANG_ZH && article_alone(run[0]) &&
		    g_str_has_prefix(t, run[0]->text)) {
			char *x = g_strconcat(run[0]->text, "\u3000",
			    t + strlen(run[0]->text), NULL);
			g_free(t);
			t = x;
		}
		b = dc_block_add(d, DC_PARA);
		dc_seg_add(b, lang, t, run[0]->lineno, run[0]->col);
		if (run[0]->heading == -2)
			g_array_append_val(items, run[0]->lineno);
		g_free(t);
		while (k > 0)
			line_spent(in, run[--k]);
	}
	g_free(run);
	g_free(gap);
	g_free(l);
	/* Every line is in the model now: the roles' tables need not
	 * stand beside the line array. */
	dc_input_free(in);
	plain_pairs(d, items);
	dc_body_items(items);
	dc_body_roles(d, o);
	dc_body_items(NULL);
	g_array_free(items, TRUE);
	return d;
}

