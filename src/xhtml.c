/*
 * The XHTML writer shared by the EPUB book (render_epub.c) and the web
 * page (render_html.c): the title page, the contents and the text,
 * with lang on every block, the subset fonts and the style sheet.
 * e->html is asked only where the markup itself differs: XHTML's
 * xml:lang and epub:type, lang on every text element of the page, its
 * contents in the body, a part without a heading as a div.  The book's
 * package, container and zip are in render_epub.c; the page's head
 * and its fonts as data: URLs in render_html.c.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hb.h>
#include <hb-subset.h>

#include "docconv.h"
#include "fonts.h"
#include "template.h"
#include "xhtml.h"
#include "xml.h"

/* Text of the title page and navigation that is not in the model. */
static const char *const epub_toc_label[DC_LANG__MAX] = {
	[DC_LANG_ZH] = "目录",
	[DC_LANG_EN] = "Contents",
};
static const char *const epub_text_label[DC_LANG__MAX] = {
	[DC_LANG_ZH] = "正文",
	[DC_LANG_EN] = "Text",
};

/* Family names of the embedded faces in style.css, per role. */
static const char *const epub_font_family[DC_FONT__MAX] = {
	[DC_FONT_ZH_BODY] = "docconv zh body",
	[DC_FONT_ZH_HEAD] = "docconv zh head",
	[DC_FONT_EN_BODY] = "docconv en body",
	[DC_FONT_EN_HEAD] = "docconv en head",	/* not embedded */
};

static int	epub_lang_of_role(enum dc_font_role);
static void	epub_toc(struct epub *, struct dc_xml *, int);

static void
epub_file_free(gpointer p)
{
	struct epub_file	*f = p;

	g_free(f->name);
	g_free(f->data);
	g_free(f);
}

static void
epub_font_free(gpointer p)
{
	struct epub_font	*f = p;

	g_free(f->path);
	g_free(f->name);
	g_free(f->data);
	g_free(f);
}

/* Add a file to the book; takes data. */
struct epub_file *
xhtml_file_add(struct epub *e, const char *name, char *data, size_t len,
    const char *id, const char *type)
{
	struct epub_file	*f;

	f = g_new0(struct epub_file, 1);
	f->name = g_strdup(name);
	f->data = data;
	f->len = len;
	f->id = id;
	f->type = type;
	g_ptr_array_add(e->files, f);
	return f;
}

/*
 * Add c to a set of characters; a bit each below U+10000 spares the
 * hash table the characters met before (nearly all of a long text's).
 */
static void
epub_char_add(GHashTable *h, guint8 *seen, gunichar c)
{
	if (c < 0x10000) {
		if (seen[c >> 3] & (1u << (c & 7)))
			return;
		seen[c >> 3] |= (guint8)(1u << (c & 7));
	}
	g_hash_table_add(h, GUINT_TO_POINTER(c));
}

/* Remember the characters of a text of language l, for font subsets. */
static void
epub_chars(struct epub *e, enum dc_lang l, const char *s, size_t len)
{
	const char	*p, *end = s + len;
	gunichar	 c;

	for (p = s; p < end && *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		/* The body face backs up the heading face: both. */
		epub_char_add(e->chars[0][l], e->seen[0][l], c);
		if (e->head)
			epub_char_add(e->chars[1][l], e->seen[1][l], c);
	}
}

/* lang, and in the book (XHTML) xml:lang beside it. */
static void
epub_lang_attrs(struct epub *e, struct dc_xml *x, enum dc_lang l)
{
	dc_xml_attr(x, "lang", dc_lang_tag(&e->doc->meta, l));
	if (!e->html)
		dc_xml_attr(x, "xml:lang", dc_lang_tag(&e->doc->meta, l));
}

/*
 * lang and xml:lang, where the language differs from the context's;
 * the web page, HTML, has lang on every element that holds text.
 */
static void
epub_lang(struct epub *e, struct dc_xml *x, enum dc_lang l)
{
	if (l == e->ctx && !e->html)
		return;
	epub_lang_attrs(e, x, l);
}

/* epub:type, which the web page (HTML, not XHTML) cannot have. */
static void
epub_type(struct epub *e, struct dc_xml *x, const char *type)
{
	if (!e->html)
		dc_xml_attr(x, "epub:type", type);
}

/*
 * Text of language l.  A newline inside a paragraph would show as a
 * space (between ideographs, a wrong one), so it becomes a space in
 * English and nothing in Chinese; tests/t_epub.sh does the same.
 */
static void
epub_text(struct epub *e, struct dc_xml *x, enum dc_lang l, const char *s,
    size_t len)
{
	GString	*b;
	size_t	 i;

	epub_chars(e, l, s, len);
	if (memchr(s, '\n', len) == NULL) {
		dc_xml_textn(x, s, len);
		return;
	}
	b = g_string_sized_new(len);
	for (i = 0; i < len; i++) {
		if (s[i] != '\n')
			g_string_append_c(b, s[i]);
		else if (l != DC_LANG_ZH)
			g_string_append_c(b, ' ');
	}
	dc_xml_textn(x, b->str, b->len);
	g_string_free(b, TRUE);
}

/* An element of language l holding text. */
static void
epub_elem(struct epub *e, struct dc_xml *x, const char *name,
    const char *cls, enum dc_lang l, const char *s)
{
	dc_xml_start(x, name);
	dc_xml_attrf(x, "class", "%s %s", cls, dc_lang_code(l));
	epub_lang(e, x, l);
	epub_text(e, x, l, s, strlen(s));
	dc_xml_end(x);
}

/* The languages in output order: the main one first. */
enum dc_lang
xhtml_nth_lang(const struct epub *e, int i)
{
	if (i == 0)
		return e->main;
	return i <= (int)e->main ? (enum dc_lang)(i - 1) : (enum dc_lang)i;
}

/*
 * Whether the header lines of language l already show the text s (the
 * role in "中华人民共和国主席　习近平", or an occasion wrapped over two
 * lines), so that the metadata need not repeat it.
 */
static int
epub_shown(const struct epub *e, enum dc_lang l, const char *s)
{
	const struct dc_node	*n;
	GString			*sp, *run;
	int			 found;

	sp = g_string_new(NULL);
	run = g_string_new(NULL);
	for (n = e->doc->root->child; n != NULL; n = n->next)
		if (dc_type_is_header(n->type) && n->lang == l) {
			g_string_append_printf(sp, "%s ", n->text);
			g_string_append(run, n->text);
		}
	found = strstr(sp->str, s) != NULL || strstr(run->str, s) != NULL;
	g_string_free(sp, TRUE);
	g_string_free(run, TRUE);
	return found;
}

/*
 * Whether s (an author) was taken from a sign-off or caption, which
 * the text shows where it stands.
 */
static int
epub_signed(const struct epub *e, const char *s)
{
	const char	*a = e->doc->meta.author_from;

	return a != NULL && strstr(a, s) != NULL;
}

/*
 * Whether a block of the text shows s in language l (an editor named
 * in a closing line), so that the title page need not.
 */
static int
epub_blocks_show(const struct epub *e, enum dc_lang l, const char *s)
{
	const struct dc_node	*n, *g;

	for (n = e->doc->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type) &&
		    (g = dc_node_seg(n, l)) != NULL && g->text != NULL &&
		    strstr(g->text, s) != NULL)
			return 1;
	return 0;
}

/* Labels of the source lines, by kind (from DC_SUB_FROM), language. */
static const char *const epub_source_label[][DC_LANG__MAX] = {
	/* DC_SUB_FROM */
	{ [DC_LANG_ZH] = "来源：", [DC_LANG_EN] = "Source: " },
	/* DC_SUB_ORIGTITLE */
	{ [DC_LANG_ZH] = "原标题：", [DC_LANG_EN] = "Original title: " },
	/* DC_SUB_URL */
	{ [DC_LANG_ZH] = "链接：", [DC_LANG_EN] = "Link: " },
	/* meta.editor */
	{ [DC_LANG_ZH] = "责任编辑：", [DC_LANG_EN] = "Editor: " },
};

/*
 * One line of where the text came from: a label of kind k (in the
 * book's language for an address, else in the text's language l),
 * then the text, a link if it is an address; a unit (class "u") when
 * it is the text of a header line.
 */
static void
epub_source_line(struct epub *e, struct dc_xml *x, int k, const char *cls,
    enum dc_lang l, const char *text, int unit)
{
	enum dc_lang	 ll, ctx = e->ctx;
	int		 url = dc_url_ok(text);

	ll = url ? e->main : l;
	dc_xml_nl(x);
	dc_xml_start(x, "p");
	dc_xml_attrf(x, "class", "source %s %s", cls, dc_lang_code(ll));
	epub_lang(e, x, ll);
	e->ctx = ll;
	dc_xml_start(x, "span");
	dc_xml_attr(x, "class", "label");
	epub_text(e, x, ll, epub_source_label[k][ll],
	    strlen(epub_source_label[k][ll]));
	dc_xml_end(x);
	dc_xml_start(x, "span");
	if (unit)
		dc_xml_attr(x, "class", "u");
	epub_lang(e, x, l);
	if (url) {
		dc_xml_start(x, "a");
		dc_xml_attr(x, "href", text);
	}
	epub_text(e, x, l, text, strlen(text));
	if (url)
		dc_xml_end(x);
	dc_xml_end(x);
	dc_xml_end(x);
	e->ctx = ctx;
}

/*
 * Where the text came from, under the header lines: its source lines
 * (the readers took their labels off: "来源：…", "原标题：…", links)
 * labelled again, in their order, each in its own language; then what
 * the metadata knows that neither they nor the text show (an editor,
 * an address from a link in a label).
 */
static void
epub_sources(struct epub *e, struct dc_xml *x)
{
	const struct dc_meta	*m = &e->doc->meta;
	const struct dc_node	*n;
	const char		*v[3] = { m->from, m->orig_title,
				    dc_meta_editor(m) };
	const char		*one[2];
	const char *const	*u;
	const char		*cls[3] = { "from", "original-title", "editor" };
	enum dc_lang		 l;
	int			 open = 0, i;

#define EPUB_SOURCES_OPEN() do { if (!open++) {				\
	dc_xml_nl(x);							\
	dc_xml_start(x, "div");						\
	dc_xml_attr(x, "class", "sources"); } } while (0)
	for (n = e->doc->root->child; n != NULL; n = n->next) {
		if (n->type != DC_SOURCE)
			continue;
		assert(n->sub >= DC_SUB_FROM && n->sub <= DC_SUB_URL);
		EPUB_SOURCES_OPEN();
		epub_source_line(e, x, n->sub - DC_SUB_FROM,
		    dc_sub_name(n->sub), n->lang, n->text, 1);
	}
	for (i = 0; i < 3; i++) {
		if (v[i] == NULL)
			continue;
		l = dc_text_lang_in(v[i], e->doc->meta.langs);
		if (epub_shown(e, l, v[i]) || epub_blocks_show(e, l, v[i]))
			continue;
		EPUB_SOURCES_OPEN();
		epub_source_line(e, x, i == 2 ? 3 : i, cls[i], l, v[i], 0);
	}
	for (u = dc_meta_urls(m, one); *u != NULL; u++) {
		if (epub_shown(e, DC_LANG_EN, *u) ||
		    epub_shown(e, DC_LANG_ZH, *u) ||
		    epub_blocks_show(e, DC_LANG_EN, *u) ||
		    epub_blocks_show(e, DC_LANG_ZH, *u))
			continue;
		EPUB_SOURCES_OPEN();
		epub_source_line(e, x, 2, "url", DC_LANG_EN, *u, 0);
	}
	if (open)
		dc_xml_end(x);
#undef EPUB_SOURCES_OPEN
}

/*
 * The title page's lines of language l and role t (dc_titleblock()):
 * kicker paragraphs, or title spans with a space between them (which
 * keeps words apart for screen readers and for English lines, which
 * run on), counted in *nt.  "u" marks a header line of the text.
 */
static void
epub_titlelines(struct epub *e, struct dc_xml *x, enum dc_lang l,
    enum dc_type t, int *nt)
{
	struct dc_tline	*tl;
	size_t		 i, n;
	int		 u;

	n = dc_titleblock(e->doc, l, &tl);
	for (i = 0; i < n; i++) {
		if (tl[i].type != t || tl[i].given)
			continue;
		u = tl[i].node != NULL;
		if (t == DC_KICKER) {
			dc_xml_nl(x);
			epub_elem(e, x, "p", u ? "u kicker" : "kicker", l,
			    tl[i].text);
			continue;
		}
		if ((*nt)++ > 0)
			dc_xml_text(x, " ");
		epub_elem(e, x, "span", u ? "u tl" : "tl", l, tl[i].text);
	}
	g_free(tl);
}

/*
 * The title page: collection number, the title in each language, then
 * per language a column of the other header lines in source order,
 * and any metadata (say from --author) that no header line carries.
 */
static void
epub_titlepage(struct epub *e, struct dc_xml *x)
{
	const struct dc_meta	*m = &e->doc->meta;
	const struct dc_lmeta	*lm;
	const struct dc_node	*n, *last;
	const char		*place, *date;
	enum dc_lang		 l;
	char			*s;
	int			 i, nt = 0;

	dc_xml_nl(x);
	dc_xml_start(x, "header");
	dc_xml_attrf(x, "class", "titlepage %s", e->bi ? "bi" : "mono");
	dc_xml_attr(x, "id", "titlepage");
	epub_type(e, x, "titlepage");

	for (n = e->doc->root->child; n != NULL; n = n->next)
		if (n->type == DC_COLLECTION) {
			dc_xml_nl(x);
			epub_elem(e, x, "p", "u collection", n->lang, n->text);
		}

	/* The kicker (引题) stands over the title, in each language. */
	for (i = 0; i < DC_LANG__MAX; i++)
		epub_titlelines(e, x, xhtml_nth_lang(e, i), DC_KICKER, &nt);

	dc_xml_nl(x);
	dc_xml_start(x, "h1");
	dc_xml_attr(x, "class", "title");
	dc_xml_attr(x, "id", "title");
	e->head = 1;
	for (i = 0; i < DC_LANG__MAX; i++)
		epub_titlelines(e, x, xhtml_nth_lang(e, i), DC_TITLE, &nt);
	e->head = 0;
	dc_xml_end(x);

	dc_xml_nl(x);
	dc_xml_start(x, "div");
	dc_xml_attr(x, "class", "front");
	for (i = 0; i < DC_LANG__MAX; i++) {
		l = xhtml_nth_lang(e, i);
		lm = &m->l[l];
		if (!(e->langs & (1u << l)) && lm->speaker == NULL &&
		    lm->place == NULL && lm->date == NULL)
			continue;
		dc_xml_nl(x);
		dc_xml_start(x, "div");
		dc_xml_attrf(x, "class", "col %s", dc_lang_code(l));
		epub_lang(e, x, l);
		e->ctx = l;
		/*
		 * Lines of one role in a row (an occasion wrapped in the
		 * source) share a paragraph: English lines run on, Chinese
		 * ones keep their break.
		 */
		last = NULL;
		for (n = e->doc->root->child; n != NULL; n = n->next) {
			/* Shown above, below (sources), or after the text. */
			if (!dc_type_is_header(n->type) || n->lang != l ||
			    n->type == DC_TITLE || n->type == DC_COLLECTION ||
			    n->type == DC_KICKER || n->type == DC_SOURCE ||
			    n->type == DC_FRONTMATTER)	/* epub_frontmatter() */
				continue;
			if (last != NULL && (n->prev != last ||
			    n->type != last->type)) {
				dc_xml_end(x);
				last = NULL;
			}
			if (last == NULL) {
				dc_xml_nl(x);
				dc_xml_start(x, "p");
				dc_xml_attrf(x, "class", "%s %s",
				    dc_type_name(n->type), dc_lang_code(l));
			} else if (l == DC_LANG_ZH) {
				dc_xml_start(x, "br");
				dc_xml_end(x);
			} else
				dc_xml_text(x, " ");
			dc_xml_start(x, "span");
			dc_xml_attr(x, "class", "u");
			epub_text(e, x, l, n->text, strlen(n->text));
			dc_xml_end(x);
			last = n;
		}
		if (last != NULL)
			dc_xml_end(x);
		/*
		 * Metadata that came from elsewhere (options); not an
		 * author the text names in its closing sign-off.
		 */
#define EPUB_META(field, type) do {					\
	if (lm->field != NULL && !epub_shown(e, l, lm->field) &&	\
	    !epub_signed(e, lm->field)) {				\
		dc_xml_nl(x);						\
		epub_elem(e, x, "p", dc_type_name(type), l, lm->field);	\
	} } while (0)
		EPUB_META(subtitle, DC_SUBTITLE);
		EPUB_META(occasion, DC_OCCASION);
		EPUB_META(speaker, DC_SPEAKER);
		EPUB_META(role, DC_ROLE);
#undef EPUB_META
		place = lm->place != NULL && !epub_shown(e, l, lm->place) ?
		    lm->place : NULL;
		date = lm->date != NULL && !epub_shown(e, l, lm->date) ?
		    lm->date : NULL;
		if (place != NULL || date != NULL) {
			s = g_strjoin(l == DC_LANG_ZH ? "，" : ", ",
			    place != NULL ? place : date,
			    place != NULL ? date : NULL, NULL);
			dc_xml_nl(x);
			epub_elem(e, x, "p", "dateplace", l, s);
			g_free(s);
		}
		if (l == DC_LANG_ZH && m->reporters != NULL &&
		    !epub_shown(e, l, m->reporters) &&
		    !epub_signed(e, m->reporters)) {
			s = g_strdup_printf("（记者%s）", m->reporters);
			dc_xml_nl(x);
			epub_elem(e, x, "p", "byline", l, s);
			g_free(s);
		}
		dc_xml_end(x);
		e->ctx = e->main;
	}
	dc_xml_end(x);
	epub_sources(e, x);
	dc_xml_end(x);
}

/*
 * One language of a block, as element name (a paragraph, or a heading
 * h2 to h4): a turn's speaker label set off, else a run-in lead and
 * enumerator marked.
 */
static void
epub_seg(struct epub *e, struct dc_xml *x, const struct dc_node *s,
    const char *name, size_t len, int rows)
{
	size_t	 lead, num, spk;

	lead = s->lead_len <= len ? s->lead_len : len;
	num = s->enum_len <= len ? s->enum_len : len;
	spk = s->spk_len < len ? s->spk_len : 0;
	dc_xml_nl(x);
	dc_xml_start(x, name);
	dc_xml_attrf(x, "class", "u %s", dc_lang_code(s->lang));
	/* Beside the other side's paragraphs (epub_seg_parts()). */
	if (rows > 1)
		dc_xml_attrf(x, "style", "grid-row: 1 / span %d", rows);
	epub_lang(e, x, s->lang);
	if (spk > 0) {
		/* Bold, like a lead: the heavier faces must hold it. */
		dc_xml_start(x, "b");
		dc_xml_attr(x, "class", "speaker");
		e->head++;
		epub_text(e, x, s->lang, s->text, spk);
		e->head--;
		dc_xml_end(x);
		epub_text(e, x, s->lang, s->text + spk, len - spk);
		dc_xml_end(x);
		return;
	}
	if (lead > 0) {
		dc_xml_start(x, "b");
		dc_xml_attr(x, "class", "lead");
		e->head++;
	}
	if (num > 0) {
		dc_xml_start(x, "span");
		dc_xml_attr(x, "class", "enum");
		epub_text(e, x, s->lang, s->text, num);
		dc_xml_end(x);
	}
	if (lead > num)
		epub_text(e, x, s->lang, s->text + num, lead - num);
	if (lead > 0) {
		dc_xml_end(x);
		e->head--;
	}
	if (len > lead && len > num) {
		size_t	 from = lead > num ? lead : num;

		epub_text(e, x, s->lang, s->text + from, len - from);
	}
	dc_xml_end(x);
}

/* Where seg s's paragraphs start (epub_seg_parts()), or NULL. */
static const size_t *
epub_cuts(const struct epub *e, const struct dc_node *s)
{
	if (e->beads == NULL)
		return NULL;
	return dc_seg_cuts(g_hash_table_lookup(e->beads, s->parent), s);
}

/*
 * A block's seg as paragraphs: one, or of a two-file bead that joined
 * paragraphs (2-1, 1-2) one each, where dc_seg_cuts() says they start;
 * a lone one spans the rows of the other side's (rows of them).
 */
static void
epub_seg_parts(struct epub *e, struct dc_xml *x, const struct dc_node *s,
    int rows)
{
	const size_t	*c = epub_cuts(e, s);
	size_t		 k, end;

	end = c != NULL ? c[0] : strlen(s->text);
	while (c != NULL && end > 0 && s->text[end - 1] == ' ')
		end--;
	epub_seg(e, x, s, "p", end, c == NULL ? rows : 0);
	for (k = 0; c != NULL && c[k] != 0; k++) {
		end = c[k + 1] != 0 ? c[k + 1] : strlen(s->text);
		while (end > c[k] && s->text[end - 1] == ' ')
			end--;
		dc_xml_nl(x);
		dc_xml_start(x, "p");
		dc_xml_attrf(x, "class", "u %s", dc_lang_code(s->lang));
		epub_lang(e, x, s->lang);
		epub_text(e, x, s->lang, s->text + c[k], end - c[k]);
		dc_xml_end(x);
	}
}

/* Languages of a block, as a bit set. */
static unsigned int
epub_block_langs(const struct dc_node *n)
{
	const struct dc_node	*s;
	unsigned int		 set = 0;

	for (s = n->child; s != NULL; s = s->next)
		if (s->type == DC_SEG)
			set |= 1u << s->lang;
	return set;
}

/*
 * Open the pair of a block: a div classed by its type and kind (and
 * "more" for a turn that goes on from the one before), numbered as
 * the walk (dc_iter_next()) numbers blocks, its segs to follow.
 */
static void
epub_pair_open(struct epub *e, struct dc_xml *x, const struct dc_node *n,
    int nblock, const char *more)
{
	GString		*cls;
	unsigned int	 set;

	set = epub_block_langs(n);
	cls = g_string_new("pair ");
	g_string_append(cls, dc_type_name(n->type));
	if (n->sub != DC_SUB_NONE &&
	    strcmp(dc_sub_name(n->sub), dc_type_name(n->type)) != 0)
		g_string_append_printf(cls, " %s", dc_sub_name(n->sub));
	if (more != NULL)
		g_string_append_printf(cls, " %s", more);
	if (e->bi && set != e->langs && set != 0)
		g_string_append_printf(cls, " only-%s",
		    dc_lang_code(set & 1u ? DC_LANG_ZH : DC_LANG_EN));
	dc_xml_nl(x);
	dc_xml_start(x, "div");
	dc_xml_attr(x, "class", cls->str);
	dc_xml_attrf(x, "id", "b%d", nblock);
	g_string_free(cls, TRUE);
}

/* A block whose segs are paragraphs. */
static void
epub_block(struct epub *e, struct dc_xml *x, const struct dc_node *n,
    int nblock, const char *more)
{
	const struct dc_node	*s;
	const size_t		*c;
	size_t			 k;
	int			 rows = 0;

	epub_pair_open(e, x, n, nblock, more);
	if (n->type == DC_NOTE)
		dc_xml_attr(x, "role", "note");
	for (s = n->child; s != NULL; s = s->next)
		if (s->type == DC_SEG && (c = epub_cuts(e, s)) != NULL)
			for (k = 1; c[k - 1] != 0; k++)
				rows = MAX(rows, (int)k + 1);
	for (s = n->child; s != NULL; s = s->next)
		if (s->type == DC_SEG)
			epub_seg_parts(e, x, s, rows);
	dc_xml_end(x);
}

/*
 * A heading: one h2 to h4 per language, ranked below the headings of
 * the parts around it (rank 1 is the innermost heading's own), so
 * that no rank is skipped under the title's h1.
 */
static void
epub_heading(struct epub *e, struct dc_xml *x, const struct dc_node *n,
    int nblock, int rank)
{
	const struct dc_node	*s;
	char			 name[4];

	snprintf(name, sizeof(name), "h%d", rank < 1 ? 2 : rank > 3 ? 4 :
	    rank + 1);
	epub_pair_open(e, x, n, nblock, NULL);
	e->head++;
	for (s = n->child; s != NULL; s = s->next)
		if (s->type == DC_SEG)
			epub_seg(e, x, s, name, strlen(s->text), 0);
	e->head--;
	dc_xml_end(x);
}

/* A speaker turn, or ("more") the paragraphs that go on with it. */
static void
epub_turn(struct epub *e, struct dc_xml *x, const struct dc_node *n,
    int nblock)
{
	const struct dc_node	*s;

	for (s = n->child; s != NULL; s = s->next)
		if (s->type == DC_SEG && s->spk_len > 0)
			break;
	epub_block(e, x, n, nblock, s == NULL ? "more" : NULL);
}

/* Whether the text has parts of level 1 or more. */
static int
epub_has_parts(const struct epub *e)
{
	const struct dc_node	*n;

	for (n = e->doc->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type) && dc_part_level(n) > 0)
			return 1;
	return 0;
}

/*
 * Front matter left in by a web export (YAML, Markdown), kept verbatim
 * but out of the reader's way: small, after the text.
 */
static void
epub_frontmatter(struct epub *e, struct dc_xml *x)
{
	const struct dc_node	*n;
	int			 open = 0;

	for (n = e->doc->root->child; n != NULL; n = n->next) {
		if (n->type != DC_FRONTMATTER)
			continue;
		if (!open) {
			dc_xml_nl(x);
			dc_xml_start(x, "footer");
			dc_xml_attr(x, "class", "source");
			open = 1;
		}
		dc_xml_nl(x);
		dc_xml_start(x, "pre");
		dc_xml_attrf(x, "class", "u frontmatter %s",
		    dc_lang_code(n->lang));
		epub_lang(e, x, n->lang);
		epub_chars(e, n->lang, n->text, strlen(n->text));
		dc_xml_text(x, n->text);
		dc_xml_end(x);
	}
	if (open)
		dc_xml_end(x);
}

/* Labels of the colophon's lines, by dc_pub, in each language. */
static const char *const epub_pub_label[DC_PUB_ISBN + 1][DC_LANG__MAX] = {
	[DC_PUB_PUBLISHER] = {
	    [DC_LANG_ZH] = "出版：", [DC_LANG_EN] = "Published by " },
	[DC_PUB_RIGHTS] = {
	    [DC_LANG_ZH] = "许可：", [DC_LANG_EN] = "Licence: " },
	/* DC_PUB_SOURCE, DC_PUB_EDITOR: with the sources, no line here */
	[DC_PUB_TRANSLATOR] = {
	    [DC_LANG_ZH] = "译者：", [DC_LANG_EN] = "Translated by " },
	[DC_PUB_SERIES] = {
	    [DC_LANG_ZH] = "丛书：", [DC_LANG_EN] = "Series: " },
	[DC_PUB_ISBN] = {
	    [DC_LANG_ZH] = "ISBN ", [DC_LANG_EN] = "ISBN " },
};

/*
 * The colophon: what the publisher said (--meta) that the reader of
 * the book or page should see, each line labelled in the main
 * language, its value in its own; an SPDX licence links to its text.
 * The editor and source stand with the sources on the title page.
 */
static void
epub_colophon(struct epub *e, struct dc_xml *x)
{
	char *const	*p = e->doc->meta.pub;
	const char	*label;
	enum dc_lang	 l;
	int		 k, open = 0;

	for (k = 0; k <= DC_PUB_ISBN; k++) {
		if (p[k] == NULL || (label = epub_pub_label[k][e->main]) ==
		    NULL)
			continue;
		if (!open++) {
			dc_xml_nl(x);
			dc_xml_start(x, "footer");
			dc_xml_attr(x, "class", "colophon");
		}
		l = k == DC_PUB_ISBN ? e->main :
		    dc_text_lang_in(p[k], e->doc->meta.langs);
		dc_xml_nl(x);
		dc_xml_start(x, "p");
		dc_xml_attrf(x, "class", "%s %s", dc_pub_name(k),
		    dc_lang_code(e->main));
		epub_lang(e, x, e->main);
		dc_xml_start(x, "span");
		dc_xml_attr(x, "class", "label");
		epub_text(e, x, e->main, label, strlen(label));
		dc_xml_end(x);
		dc_xml_start(x, "span");
		if (l != e->main || e->html)
			epub_lang_attrs(e, x, l);
		if (k == DC_PUB_RIGHTS && dc_pub_is_spdx(p[k])) {
			dc_xml_start(x, "a");
			dc_xml_attrf(x, "href", "https://spdx.org/licenses/"
			    "%s.html", p[k]);
			dc_xml_attr(x, "rel", "license");
		}
		epub_text(e, x, l, p[k], strlen(p[k]));
		if (k == DC_PUB_RIGHTS && dc_pub_is_spdx(p[k]))
			dc_xml_end(x);
		dc_xml_end(x);
		dc_xml_end(x);
	}
	if (open)
		dc_xml_end(x);
}

/* One block of the text, by its type. */
static void
epub_node(struct epub *e, struct dc_xml *x, const struct dc_node *n,
    const struct dc_iter *w)
{
	switch (n->type) {
	case DC_HEADING:
		epub_heading(e, x, n, w->nblock, dc_iter_headings(w));
		break;
	case DC_TURN:
		epub_turn(e, x, n, w->nblock);
		break;
	case DC_SALUTATION:
	case DC_VOCATIVE:
	case DC_NOTE:
	case DC_PARA:
	case DC_CAPTION:
	case DC_CLOSING:
	case DC_SIGNOFF:
		epub_block(e, x, n, w->nblock, NULL);
		break;
	case DC_COLLECTION:	/* header lines: epub_titlepage() */
	case DC_KICKER:
	case DC_TITLE:
	case DC_SUBTITLE:
	case DC_OCCASION:
	case DC_SPEAKER:
	case DC_ROLE:
	case DC_DATEPLACE:
	case DC_DATELINE:
	case DC_BYLINE:
	case DC_SOURCE:
	case DC_FRONTMATTER:
	case DC_ROOT:		/* not under the root */
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
	case DC_TYPE__MAX:
		abort();
	}
}

/*
 * The body: title page, then the text in parts (dc_iter_next(), with
 * an opening part: the contents walk alike, so that their numbers
 * agree), then the source.
 */
static void
epub_body(struct epub *e, struct dc_xml *x)
{
	const struct dc_node	*n;
	struct dc_iter		 w;

	epub_titlepage(e, x);
	/* The page has no navigation document: its contents here. */
	if (e->html)
		epub_toc(e, x, 1);
	dc_xml_nl(x);
	dc_xml_start(x, "main");
	dc_xml_attrf(x, "class", "text %s", e->bi ? "bi" : "mono");
	dc_xml_attr(x, "id", "text");
	epub_type(e, x, "bodymatter");
	dc_iter_init(&w, e->doc->root->child, NULL, DC_ITER_OPENING);
	for (;;)
		switch (dc_iter_next(&w, &n)) {
		case DC_EV_ENTER:
			dc_xml_nl(x);
			/*
			 * A part a vocative opens has no heading: on the
			 * page, where outlines count, no section either.
			 */
			dc_xml_start(x, e->html && n->type != DC_HEADING ?
			    "div" : "section");
			dc_xml_attr(x, "class", "part");
			dc_xml_attrf(x, "id", "part%d", w.npart);
			break;
		case DC_EV_BLOCK:
			epub_node(e, x, n, &w);
			break;
		case DC_EV_EXIT:
			dc_xml_end(x);	/* section */
			break;
		case DC_EV_DONE:
			dc_xml_end(x);
			epub_frontmatter(e, x);
			epub_colophon(e, x);
			return;
		}
}

/* The title in the book's main language, or any. */
const char *
xhtml_title(const struct epub *e)
{
	const struct dc_meta	*m = &e->doc->meta;
	int			 i;

	for (i = 0; i < DC_LANG__MAX; i++)
		if (m->l[xhtml_nth_lang(e, i)].title != NULL)
			return m->l[xhtml_nth_lang(e, i)].title;
	return m->source != NULL ? m->source : "Untitled";
}

/*
 * Label of a navigation entry: the lead of an enumerated point, else
 * its text cut at EPUB_LABEL_MAX characters.  Returns g_malloc'd text.
 */
static char *
epub_label(const struct dc_node *s)
{
	size_t	 len = strlen(s->text);

	if (s->lead_len > 0 && s->lead_len <= len)
		return g_strndup(s->text, s->lead_len);
	return dc_label_cut(s->text, len, s->lang, EPUB_LABEL_MAX);
}

/*
 * A navigation link to target, labelled with the segs of block n (with
 * the label of the part it opens, if it opens one).
 */
static void
epub_nav_link(struct epub *e, struct dc_xml *x, const char *target,
    const struct dc_node *n)
{
	const struct dc_node	*s;
	char			*label;
	int			 first = 1;

	dc_xml_start(x, "a");
	dc_xml_attrf(x, "href", "%s#%s", e->href, target);
	for (s = n->child; s != NULL; s = s->next) {
		if (s->type != DC_SEG)
			continue;
		if (!first)
			dc_xml_text(x, " ");
		first = 0;
		label = dc_part_level(n) > 0 ? dc_part_label(n, s->lang,
		    s->lang == DC_LANG_EN ? 28 : 14) : epub_label(s);
		epub_elem(e, x, "span", "l", s->lang, label);
		g_free(label);
	}
	dc_xml_end(x);
}

/* A fixed text in each language of the book, a span each, in order. */
static void
epub_label_spans(struct epub *e, struct dc_xml *x,
    const char *const *labels)
{
	enum dc_lang	 l;
	int		 i, first = 1;

	for (i = 0; i < DC_LANG__MAX; i++) {
		l = xhtml_nth_lang(e, i);
		if (!(e->langs & (1u << l)))
			continue;
		if (!first)
			dc_xml_text(x, " ");
		first = 0;
		epub_elem(e, x, "span", "l", l, labels[l]);
	}
}

/* A navigation link labelled with a fixed text in each language. */
static void
epub_nav_fixed(struct epub *e, struct dc_xml *x, const char *href,
    const char *type, const char *const *labels)
{
	dc_xml_start(x, "a");
	if (type != NULL)
		epub_type(e, x, type);
	dc_xml_attr(x, "href", href);
	epub_label_spans(e, x, labels);
	dc_xml_end(x);
}

/*
 * The table of contents: the title page, then each part (labelled by
 * dc_part_label(), the opening part by its first block) with the parts
 * within it and its enumerated points; a text without parts lists its
 * points directly.  Block and part numbers follow epub_body()'s walk.  In
 * the page (inpage) it stands under the page's h1 and has no landmarks;
 * in the book it is the navigation document's.
 */
static void
epub_toc(struct epub *e, struct dc_xml *x, int inpage)
{
	const struct dc_meta	*m = &e->doc->meta;
	const struct dc_node	*n;
	struct dc_iter		 w;
	enum dc_ev		 ev;
	char			 id[32];
	int			 sub[DC_ITER_DEPTH];	/* part's <ol> open */
	int			 parts, i, k, first;
	enum dc_lang		 l;

	parts = epub_has_parts(e);
	memset(sub, 0, sizeof(sub));

	dc_xml_nl(x);
	dc_xml_start(x, "nav");
	epub_type(e, x, "toc");
	dc_xml_attr(x, "role", "doc-toc");
	dc_xml_attr(x, "id", "toc");
	dc_xml_attr(x, "aria-labelledby", "toc-head");
	dc_xml_nl(x);
	/* Under the page's h1 (the title); the navigation's own. */
	dc_xml_start(x, inpage ? "h2" : "h1");
	dc_xml_attr(x, "class", "toc-head");
	dc_xml_attr(x, "id", "toc-head");
	e->head = 1;
	epub_label_spans(e, x, epub_toc_label);
	e->head = 0;
	dc_xml_end(x);
	dc_xml_nl(x);
	dc_xml_start(x, "ol");

	dc_xml_nl(x);
	dc_xml_start(x, "li");
	dc_xml_start(x, "a");
	dc_xml_attrf(x, "href", "%s#titlepage", e->href);
	first = 1;
	for (i = 0; i < DC_LANG__MAX; i++) {
		l = xhtml_nth_lang(e, i);
		if (m->l[l].title == NULL)
			continue;
		if (!first)
			dc_xml_text(x, " ");
		first = 0;
		epub_elem(e, x, "span", "l", l, m->l[l].title);
	}
	if (first)
		dc_xml_text(x, xhtml_title(e));
	dc_xml_end(x);
	dc_xml_end(x);

	/* No parts: one entry for the text, the points beside it. */
	if (!parts) {
		dc_xml_nl(x);
		dc_xml_start(x, "li");
		snprintf(id, sizeof(id), "%s#text", e->href);
		epub_nav_fixed(e, x, id, NULL, epub_text_label);
		dc_xml_end(x);
	}
	dc_iter_init(&w, e->doc->root->child, NULL, DC_ITER_OPENING);
	while ((ev = dc_iter_next(&w, &n)) != DC_EV_DONE) {
		if (ev == DC_EV_EXIT) {
			if (!parts)
				continue;
			if (sub[w.depth])
				dc_xml_end(x);	/* ol */
			dc_xml_end(x);		/* li */
			continue;
		}
		if (ev == DC_EV_ENTER) {
			if (!parts)
				continue;
			k = w.depth - 1;
			if (k > 0 && !sub[k - 1]) {
				dc_xml_nl(x);
				dc_xml_start(x, "ol");
				sub[k - 1] = 1;
			}
			sub[k] = 0;
			dc_xml_nl(x);
			dc_xml_start(x, "li");
			snprintf(id, sizeof(id), "part%d", w.npart);
			epub_nav_link(e, x, id, n);
			continue;
		}
		if (!dc_block_is_point(n))
			continue;
		if (parts && w.depth > 0 && !sub[w.depth - 1]) {
			dc_xml_nl(x);
			dc_xml_start(x, "ol");
			sub[w.depth - 1] = 1;
		}
		dc_xml_nl(x);
		dc_xml_start(x, "li");
		snprintf(id, sizeof(id), "b%d", w.nblock);
		epub_nav_link(e, x, id, n);
		dc_xml_end(x);
	}
	dc_xml_end(x);	/* ol */
	dc_xml_end(x);	/* nav */
	if (inpage)
		return;	/* landmarks are reading systems' */

	dc_xml_nl(x);
	dc_xml_start(x, "nav");
	dc_xml_attr(x, "epub:type", "landmarks");
	dc_xml_attr(x, "id", "landmarks");
	dc_xml_attr(x, "hidden", "hidden");
	dc_xml_attr(x, "aria-label", "Landmarks");
	dc_xml_nl(x);
	dc_xml_start(x, "ol");
	dc_xml_nl(x);
	dc_xml_start(x, "li");
	epub_nav_fixed(e, x, EPUB_NAV "#toc", "toc", epub_toc_label);
	dc_xml_end(x);
	dc_xml_nl(x);
	dc_xml_start(x, "li");
	dc_xml_start(x, "a");
	dc_xml_attr(x, "epub:type", "titlepage");
	dc_xml_attr(x, "href", EPUB_TEXT "#titlepage");
	epub_text(e, x, e->main, xhtml_title(e), strlen(xhtml_title(e)));
	dc_xml_end(x);
	dc_xml_end(x);
	dc_xml_nl(x);
	dc_xml_start(x, "li");
	epub_nav_fixed(e, x, EPUB_TEXT "#text", "bodymatter", epub_text_label);
	dc_xml_end(x);
	dc_xml_end(x);	/* ol */
	dc_xml_end(x);	/* nav */
}

/* Placeholders of the skeletons (template.h). */
int
xhtml_fill(struct dc_xml *x, const char *name, void *arg)
{
	struct epub	*e = arg;

	if (strcmp(name, "lang") == 0)
		epub_lang_attrs(e, x, e->main);
	else if (strcmp(name, "title") == 0)
		epub_text(e, x, e->main, xhtml_title(e), strlen(xhtml_title(e)));
	else if (strcmp(name, "body") == 0)
		epub_body(e, x);
	else if (strcmp(name, "nav") == 0)
		epub_toc(e, x, 0);
	else {
		dc_msg_sys("template: unknown placeholder <?docconv %s?>",
		    name);
		return -1;
	}
	return 0;
}

/* Whether a role sets headings (and so needs only their characters). */
static int
epub_role_head(enum dc_font_role r)
{
	return r == DC_FONT_ZH_HEAD || r == DC_FONT_EN_HEAD;
}

static int
epub_lang_of_role(enum dc_font_role r)
{
	switch (r) {
	case DC_FONT_ZH_BODY:
	case DC_FONT_ZH_HEAD:
		return DC_LANG_ZH;
	case DC_FONT_EN_BODY:
	case DC_FONT_EN_HEAD:
		return DC_LANG_EN;
	case DC_FONT__MAX:
	default:
		abort();
	}
}

/*
 * Subset one face to the characters of its languages.  Returns 0, or
 * -1 (reported).
 */
static int
epub_font_subset(struct epub *e, struct epub_font *fo)
{
	hb_blob_t		*blob = NULL, *out = NULL;
	hb_face_t		*face = NULL;
	hb_subset_input_t	*in = NULL;
	hb_set_t		*u;
	GHashTableIter		 it;
	gpointer		 k;
	const char		*data, *ext, *type;
	unsigned int		 len;
	int			 l, r, h, rc = -1;
	char			*name;

	if ((blob = hb_blob_create_from_file_or_fail(fo->path)) == NULL) {
		dc_msg_sys("%s: cannot read font", fo->path);
		goto out;
	}
	face = hb_face_create(blob, fo->index);
	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		dc_msg_sys("out of memory");
		goto out;
	}
	u = hb_subset_input_unicode_set(in);
	for (r = 0; r < DC_FONT__MAX; r++) {
		if (!(fo->roles & (1 << r)))
			continue;
		l = epub_lang_of_role(r);
		/*
		 * A heading face, of any weight, sets headings only; a body
		 * face sets the body, and in bold also the bold text of
		 * headings and of the body (speaker, vocatives).
		 */
		for (h = 0; h < 2; h++) {
			if (h == 0 && epub_role_head(r))
				continue;
			if (h == 1 && !epub_role_head(r) &&
			    fo->weight == 400)
				continue;
			g_hash_table_iter_init(&it, e->chars[h][l]);
			while (g_hash_table_iter_next(&it, &k, NULL))
				hb_set_add(u, GPOINTER_TO_UINT(k));
		}
	}
	/* Hinting is of no use at reading sizes on screens; drop it. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	if ((out = dc_fonts_subset(face, in, NULL)) == NULL) {
		dc_msg_sys("%s: subsetting the font failed", fo->path);
		goto out;
	}
	data = hb_blob_get_data(out, &len);
	if (len < 4) {
		dc_msg_sys("%s: subsetting the font failed", fo->path);
		goto out;
	}
	if (memcmp(data, "OTTO", 4) == 0) {
		ext = "otf";
		type = "font/otf";
	} else {
		ext = "ttf";
		type = "font/ttf";
	}
	name = g_strdup_printf("fonts/%s.%s", fo->name, ext);
	g_free(fo->name);
	fo->name = name;
	fo->data = g_malloc(len);
	memcpy(fo->data, data, len);
	fo->len = len;
	fo->type = type;
	rc = 0;
out:
	hb_blob_destroy(out);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return rc;
}

/*
 * --embed-fonts: one subset face per distinct font file among the
 * roles of the languages present.  Returns 0, or -1 (reported).
 */
int
xhtml_fonts(struct epub *e)
{
	static const char *const base[DC_FONT__MAX] = {
	    [DC_FONT_ZH_BODY] = "zh-body", [DC_FONT_ZH_HEAD] = "zh-head",
	    [DC_FONT_EN_BODY] = "en-body", [DC_FONT_EN_HEAD] = "en-head" };
	/* As style.css: bold titles, medium Chinese and bold English leads. */
	static const struct {
		enum dc_font_role role;
		int		 weight;
	} heavy[] = {
		{ DC_FONT_ZH_HEAD, 700 },
		{ DC_FONT_ZH_HEAD, 500 },
		{ DC_FONT_EN_BODY, 700 },
	};
	struct epub_font	*fo;
	const char		*file;
	char			*path;
	int			 r, index = 0, k;
	guint			 i;

	/* The faces of the roles, as the PDF uses (fonts-config/). */
	if (dc_fonts_init() == -1)
		return -1;
	for (r = 0; r < DC_FONT__MAX; r++) {
		/*
		 * English headings and leads are set in the body face,
		 * bold, as in the PDF; no rule names the heading face.
		 */
		if (r == DC_FONT_EN_HEAD ||
		    !(e->langs & (1u << epub_lang_of_role(r))))
			continue;
		if ((file = dc_fonts_file(r, &index)) == NULL) {
			dc_msg_sys("--embed-fonts: no font for role %s",
			    base[r]);
			return -1;
		}
		path = g_strdup(file);
		for (i = 0; i < e->fonts->len; i++) {
			fo = g_ptr_array_index(e->fonts, i);
			if (strcmp(fo->path, path) == 0 && fo->index == index)
				break;
		}
		if (i < e->fonts->len) {
			fo->roles |= 1 << r;
			g_free(path);
			continue;
		}
		fo = g_new0(struct epub_font, 1);
		fo->path = path;
		fo->index = index;
		fo->name = g_strdup(base[r]);
		fo->roles = 1 << r;
		fo->weight = 400;
		g_ptr_array_add(e->fonts, fo);
	}
	/*
	 * The heavier faces the style sheet asks for (title and leads),
	 * where the family has them: else readers would embolden the
	 * regular face.
	 */
	for (i = 0; i < G_N_ELEMENTS(heavy); i++) {
		r = heavy[i].role;
		if (!(e->langs & (1u << epub_lang_of_role(r))) ||
		    (path = dc_fonts_match(r, heavy[i].weight, &index)) ==
		    NULL)
			continue;
		file = dc_fonts_file(r, &k);
		if (file != NULL && strcmp(file, path) == 0 && k == index) {
			g_free(path);
			continue;
		}
		fo = g_new0(struct epub_font, 1);
		fo->path = path;
		fo->index = index;
		fo->name = g_strdup_printf("%s-%d", base[r],
		    heavy[i].weight);
		fo->roles = 1 << r;
		fo->weight = heavy[i].weight;
		g_ptr_array_add(e->fonts, fo);
	}
	for (i = 0; i < e->fonts->len; i++)
		if (epub_font_subset(e, g_ptr_array_index(e->fonts, i)) == -1)
			return -1;
	return 0;
}

/*
 * The style sheet: the template, after @font-face rules if embedding,
 * each face at the URL url() gives (a file of the book, a data: URL
 * in the page); the template's @charset kept if charset.  Returns
 * g_malloc'd text (*lenp bytes), or NULL (reported).
 */
char *
xhtml_css_text(struct epub *e, int charset,
    char *(*url)(const struct epub_font *, const char **), size_t *lenp)
{
	static const char	 cs[] = "@charset \"UTF-8\";\n";
	struct epub_font	*fo;
	GString			*b;
	char			*css, *src;
	const char		*format;
	size_t			 len, skip;
	guint			 i;
	int			 r;

	if (dc_template_read(e->opts->template_dir, EPUB_CSS, &css,
	    &len) == -1)
		return NULL;
	b = g_string_sized_new(len + 512);
	/*
	 * @charset must stay first if the template has one; a style
	 * element of the page is the page's characters and has none.
	 */
	skip = strncmp(css, cs, sizeof(cs) - 1) == 0 ? sizeof(cs) - 1 : 0;
	if (skip > 0 && charset)
		g_string_append_len(b, css, skip);
	for (i = 0; i < e->fonts->len; i++) {
		fo = g_ptr_array_index(e->fonts, i);
		src = url(fo, &format);
		for (r = 0; r < DC_FONT__MAX; r++)
			if (fo->roles & (1 << r))
				g_string_append_printf(b, "@font-face {\n"
				    "\tfont-family: \"%s\";\n"
				    "\tsrc: url(\"%s\")%s;\n"
				    "\tfont-weight: %d;\n}\n\n",
				    epub_font_family[r], src, format,
				    fo->weight);
		g_free(src);
	}
	g_string_append_len(b, css + skip, len - skip);
	g_free(css);
	*lenp = b->len;
	return g_string_free(b, FALSE);
}

/* Set up the writer's state for d: the book, or (html) the page. */
void
xhtml_init(struct epub *e, const struct dc_doc *d, const struct dc_opts *o,
    int html)
{
	int	 i;

	memset(e, 0, sizeof(*e));
	e->doc = d;
	e->opts = o;
	e->html = html;
	e->href = html ? "" : EPUB_TEXT;
	e->main = (d->meta.langs & (1u << DC_LANG_ZH)) ||
	    d->meta.langs == 0 ? DC_LANG_ZH : DC_LANG_EN;
	e->langs = d->meta.langs | (1u << e->main);
	e->ctx = e->main;
	e->bi = (e->langs & ~(1u << e->main)) != 0;
	for (i = 0; i < DC_LANG__MAX; i++) {
		e->chars[0][i] = g_hash_table_new(g_direct_hash,
		    g_direct_equal);
		e->chars[1][i] = g_hash_table_new(g_direct_hash,
		    g_direct_equal);
		e->seen[0][i] = g_malloc0(0x10000 / 8);
		e->seen[1][i] = g_malloc0(0x10000 / 8);
	}
	e->files = g_ptr_array_new_with_free_func(epub_file_free);
	e->fonts = g_ptr_array_new_with_free_func(epub_font_free);
	/* Two files aligned: each block's bead (epub_seg_parts()). */
	e->beads = dc_beads_by_block(e->doc);
}

void
xhtml_fini(struct epub *e)
{
	int	 i;

	for (i = 0; i < DC_LANG__MAX; i++) {
		g_hash_table_destroy(e->chars[0][i]);
		g_hash_table_destroy(e->chars[1][i]);
		g_free(e->seen[0][i]);
		g_free(e->seen[1][i]);
	}
	g_ptr_array_free(e->files, TRUE);
	g_ptr_array_free(e->fonts, TRUE);
	if (e->beads != NULL)
		g_hash_table_destroy(e->beads);
}
