/*
 * The markup readers of the markup layer: HTML fragments and tagged
 * corpus containers (<DOC>…<TEXT>, <doc url= title=>) read with
 * libxml2's HTML parser, and Markdown read with libcmark.  Each turns
 * its input into pieces: lines of text with the input line they come
 * from, paragraph ends, and the fields a container names (title, date,
 * address, source, author).  web.c makes lines and metadata of them.
 * Both parsers are linear in the input, and both walks are iterative:
 * no input is deep enough to exhaust the stack.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <cmark.h>
#include <json-glib/json-glib.h>

#include "docconv.h"
#include "parse.h"

/* The state of a walk: the line being built and where it comes from. */
struct mk {
	GArray		*out;		/* struct dc_piece */
	GString		*cur;		/* text of the line being built */
	int		 cur_line;	/* its input line, 0 if empty */
	int		 line;		/* input line the walk is at */
	int		 heading;	/* level of the heading being read */
	int		 literal;	/* in a code block */
	int		 blocks;	/* HTML blocks open (<p>, <div>) */
	int		 items;		/* Markdown list items open */
	int		 linkpara;	/* a paragraph of one link is open */
	int		 softjoin;	/* an item's soft break: its line goes on */
	int		 dated;		/* a fragment's date attribute read */
	size_t		 removed;	/* tags, marks and fields taken out */
	int		 prose;		/* a paragraph of prose was read */
	struct pg	*pg;		/* a whole page's reading, or NULL */
	int		 line0;		/* the input line of the first */
};

static int	 mk_wide(gunichar);
static xmlNode	*pg_next(xmlNode *, xmlNode *, int);
static int	 pg_is(const xmlNode *, const char *);
static char	*pg_text(xmlNode *);
static char	*pg_attr(xmlNode *, const char *);
static int	 pg_attr_word(xmlNode *, const char *, const char *const *);
static char	*pg_date(const char *);
static void	 pg_nav_flush(struct mk *);
static int	 pg_enter(struct mk *, xmlNode *);
static int	 pg_leave(struct mk *, xmlNode *);
static int	 pg_caption(xmlNode *);

static void
mk_push(struct mk *m, enum dc_piece_kind k, int line, const char *text,
    size_t len)
{
	struct dc_piece	 p;

	if (m->pg != NULL && k != DC_PIECE_NAV)
		pg_nav_flush(m);
	p.kind = k;
	p.line = line;
	/* A list item's line is marked -2 (parse.h). */
	p.heading = k != DC_PIECE_TEXT ? 0 : m->heading != 0 ? m->heading :
	    m->items > 0 ? -2 : 0;
	p.literal = k == DC_PIECE_TEXT ? m->literal : 0;
	p.text = text != NULL ? g_strndup(text, len) : NULL;
	g_array_append_val(m->out, p);
}

/* End the line being built (if it holds more than white space). */
static void
mk_flush(struct mk *m)
{
	const char	*p;

	for (p = m->cur->str; *p == ' ' || *p == '\t'; p++)
		;
	if (*p != '\0')
		mk_push(m, DC_PIECE_TEXT, m->cur_line > 0 ? m->cur_line :
		    m->line, m->cur->str, m->cur->len);
	g_string_truncate(m->cur, 0);
	m->cur_line = 0;
}

/* End a paragraph. */
static void
mk_para(struct mk *m)
{
	mk_flush(m);
	if (m->out->len > 0 && g_array_index(m->out, struct dc_piece,
	    m->out->len - 1).kind != DC_PIECE_PARA)
		mk_push(m, DC_PIECE_PARA, m->line, NULL, 0);
}

/* Add text at the walk's line; a newline in it ends the line. */
static void
mk_text(struct mk *m, const char *s, size_t len)
{
	const char	*e, *end = s + len;

	/* The line an item's soft break ended goes on: a space between
	 * words, none between two wide characters. */
	if (m->softjoin && len > 0 && m->cur->len > 0 &&
	    !(mk_wide(g_utf8_get_char(g_utf8_prev_char(m->cur->str +
	    m->cur->len))) && mk_wide(g_utf8_get_char(s))))
		g_string_append_c(m->cur, ' ');
	m->softjoin = 0;
	while (s < end) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		if (e > s) {
			if (m->cur_line == 0)
				m->cur_line = m->line;
			g_string_append_len(m->cur, s, e - s);
		}
		if (e < end) {
			mk_flush(m);
			m->line++;
			e++;
		}
		s = e;
	}
}

/* Is c a character of the scripts written without spaces? */
static int
mk_wide(gunichar c)
{
	return g_unichar_iswide(c) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFF00 && c <= 0xFFEF);
}

/*
 * Add the text of a whole page's block: its line ends are white space
 * of HTML, not lines (the page shows the block as one paragraph), so
 * a run of white space with a line end in it joins the lines, with
 * nothing between two characters of Chinese and a space elsewhere.
 */
static void
mk_text_joined(struct mk *m, const char *s)
{
	GString		*b = g_string_new(NULL);
	const char	*p, *q;
	int		 nl = 0, k;
	gunichar	 prev, next;

	for (p = s; *p != '\0'; ) {
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
			q = g_utf8_next_char(p);
			g_string_append_len(b, p, q - p);
			p = q;
			continue;
		}
		for (q = p, k = 0; *q == ' ' || *q == '\t' || *q == '\n' ||
		    *q == '\r'; q++)
			k += *q == '\n';
		nl += k;
		if (k == 0) {
			g_string_append_len(b, p, q - p);
		} else if (b->len > 0 && *q != '\0') {
			prev = g_utf8_get_char(g_utf8_prev_char(b->str +
			    b->len));
			next = g_utf8_get_char(q);
			if (!mk_wide(prev) || !mk_wide(next))
				g_string_append_c(b, ' ');
		} else
			g_string_append_c(b, ' ');
		p = q;
	}
	mk_text(m, b->str, b->len);
	m->line += nl;
	g_string_free(b, TRUE);
}

/* Is text node n inside a <pre>, whose line ends are lines? */
static int
mk_in_pre(xmlNode *n)
{
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (g_ascii_strcasecmp((const char *)n->name, "pre") == 0)
			return 1;
	return 0;
}

/* ---- HTML and tagged containers ---- */

/* What an element is to the walk. */
enum mk_el {
	EL_INLINE,	/* its text runs on: <a>, <span>, <b> */
	EL_SKIP,	/* no text of a reader's: <script>, <img> */
	EL_BREAK,	/* ends a line: <br>, a container's <seg> */
	EL_BLOCK,	/* ends a paragraph: <p>, <div>, <doc> */
	EL_CELL,	/* a table cell: a space */
	EL_FIELD	/* a container's field: <title>, <url>, <docno> */
};

static const char *const mk_html_inline[] = {
	"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
	"dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "rp", "rt",
	"ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
	"sup", "time", "tt", "u", "var", "wbr", "label", "nobr", "html",
	"tbody", "thead", "tfoot", "colgroup", "col", "picture", "source",
	"input", "button", "select", "option", "textarea", "meta", "link",
	"base", "area", "map", "head", NULL
};
static const char *const mk_html_skip[] = {
	"script", "style", "noscript", "template", "img", "iframe", "object",
	"embed", "svg", "math", "video", "audio", "canvas", "hr", NULL
};
static const char *const mk_html_block[] = {
	"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
	"h4", "h5", "h6", "tr", "table", "blockquote", "section", "article",
	"header", "footer", "aside", "main", "nav", "figure", "figcaption",
	"pre", "address", "body", "form", "caption", "center", "details",
	"summary", "fieldset", "legend", "hgroup", "frameset", NULL
};
/* Documents of a container. */
static const char *const mk_doc_block[] = {
	"doc", "document", "text", "content", "record", "item", "entry",
	"story", "news", "page", "post", "row", "body_text", "maintext",
	"docs", "corpus", "collection", "srcset", "refset", "tstset",
	/* paragraphs and items of document vocabularies (DocBook's
	 * <para> and <listitem>, the UDHR's), not sentences */
	"para", "paragraph", "listitem", NULL
};

static int
mk_in(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (g_ascii_strcasecmp(*list, name) == 0)
			return 1;
	return 0;
}

/* The field a container's element or attribute names, or -1. */
static int
mk_field(const char *name)
{
	static const struct {
		const char		*name;
		enum dc_piece_kind	 k;
	} f[] = {
		{ "title", DC_PIECE_TITLE }, { "contenttitle", DC_PIECE_TITLE },
		{ "headline", DC_PIECE_TITLE }, { "hl", DC_PIECE_TITLE },
		{ "doctitle", DC_PIECE_TITLE },
		{ "date", DC_PIECE_DATE }, { "pubdate", DC_PIECE_DATE },
		{ "datetime", DC_PIECE_DATE }, { "dateline", DC_PIECE_DATE },
		{ "publish_time", DC_PIECE_DATE },
		{ "publish_date", DC_PIECE_DATE },
		{ "published_at", DC_PIECE_DATE },
		{ "url", DC_PIECE_URL }, { "uri", DC_PIECE_URL },
		{ "href", DC_PIECE_URL }, { "link", DC_PIECE_URL },
		{ "source_url", DC_PIECE_URL }, { "original_url", DC_PIECE_URL },
		{ "author", DC_PIECE_AUTHOR }, { "byline", DC_PIECE_AUTHOR },
		{ "writer", DC_PIECE_AUTHOR }, { "reporter", DC_PIECE_AUTHOR },
		{ "source", DC_PIECE_SOURCE }, { "media", DC_PIECE_SOURCE },
		{ "publisher", DC_PIECE_SOURCE }, { "site", DC_PIECE_SOURCE },
		{ "docno", DC_PIECE_ID }, { "docid", DC_PIECE_ID },
		{ "id", DC_PIECE_ID }, { "doc_id", DC_PIECE_ID },
		{ "curid", DC_PIECE_ID }, { "guid", DC_PIECE_ID },
		{ "sysid", DC_PIECE_ID }, { "lang", DC_PIECE_ID },
		{ "genre", DC_PIECE_ID }, { "category", DC_PIECE_ID },
		{ "setid", DC_PIECE_ID }, { "srclang", DC_PIECE_ID },
		{ "trglang", DC_PIECE_ID },
	};
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(f); i++)
		if (g_ascii_strcasecmp(f[i].name, name) == 0)
			return (int)f[i].k;
	return -1;
}

static enum mk_el
mk_el_kind(const char *name)
{
	if (g_ascii_strcasecmp(name, "br") == 0)
		return EL_BREAK;
	if (g_ascii_strcasecmp(name, "td") == 0 ||
	    g_ascii_strcasecmp(name, "th") == 0)
		return EL_CELL;
	/* A page's <title> names its title as a container's does. */
	if (mk_field(name) >= 0)
		return EL_FIELD;
	if (mk_in(mk_html_inline, name))
		return EL_INLINE;
	if (mk_in(mk_html_skip, name))
		return EL_SKIP;
	if (mk_in(mk_html_block, name) || mk_in(mk_doc_block, name))
		return EL_BLOCK;
	return EL_BREAK;	/* a container's sentence or segment */
}

/* A known HTML element's name (a page's tag, not a container's). */
int
dc_markup_html_name(const char *name, size_t len)
{
	char	 b[16];

	if (len == 0 || len >= sizeof(b))
		return 0;
	memcpy(b, name, len);
	b[len] = '\0';
	return g_ascii_strcasecmp(b, "br") == 0 ||
	    g_ascii_strcasecmp(b, "td") == 0 || mk_in(mk_html_inline, b) ||
	    mk_in(mk_html_skip, b) || mk_in(mk_html_block, b) ||
	    g_ascii_strcasecmp(b, "title") == 0;
}

/* A field's text, white space trimmed, as a piece of its own. */
static void
mk_field_piece(struct mk *m, int k, const char *v, int line)
{
	char	*t = g_strstrip(g_strdup(v));

	if (*t != '\0')
		mk_push(m, (enum dc_piece_kind)k, line, t, strlen(t));
	g_free(t);
	m->removed++;
}

/* A container element's attributes that name fields (<doc url= title=>):
 * an HTML element's title is a tooltip, not the text's. */
static void
mk_attrs(struct mk *m, xmlNode *n)
{
	xmlAttr	*a;
	xmlChar	*v;
	int	 k;

	for (a = n->properties; a != NULL; a = a->next) {
		m->removed++;
		if ((k = mk_field((const char *)a->name)) < 0 ||
		    (v = xmlNodeGetContent((xmlNode *)a)) == NULL)
			continue;
		mk_field_piece(m, k, (const char *)v, m->line);
		xmlFree(v);
	}
}

static int
mk_newlines(const char *s)
{
	int	 n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

/* The input line of a text node: libxml2 gives the line its text ends
 * on, up to 65535; the walk's line beyond. */
static int
mk_node_line(const struct mk *m, xmlNode *n, int line0)
{
	long		 l = xmlGetLineNo(n);

	if (l <= 0 || l >= 65535)
		return m->line;
	if (n->content != NULL)
		l -= mk_newlines((const char *)n->content);
	l += line0 - 1;
	return l > m->line ? (int)l : m->line;
}

/*
 * A <br> ends a line.  So does a container's sentence or segment
 * (<seg id=1>), unless a paragraph of the container holds it: then
 * the segments run on, a space between words of Latin script.
 */
static void
mk_break(struct mk *m, xmlNode *n)
{
	char	 c;

	if (m->blocks == 0 || g_ascii_strcasecmp((const char *)n->name,
	    "br") == 0) {
		mk_flush(m);
		return;
	}
	c = m->cur->len > 0 ? m->cur->str[m->cur->len - 1] : ' ';
	if (c != ' ' && c != '\t' && (unsigned char)c < 0x80)
		g_string_append_c(m->cur, ' ');
}

/* Enter node n; returns 1 to walk its children. */
/* Does a style (or a tag's attributes, up to its '>') set
 * "display: block"? */
static int
mk_style_block(const char *v)
{
	GString		*b = g_string_new(NULL);
	const char	*p;
	int		 r;

	for (p = v; *p != '\0' && *p != '>'; p++)
		if (*p != ' ' && *p != '\t')
			g_string_append_c(b, g_ascii_tolower(*p));
	r = strstr(b->str, "display:block") != NULL;
	g_string_free(b, TRUE);
	return r;
}

/* Does element n's style make it a block? */
static int
mk_display_block(xmlNode *n)
{
	xmlChar		*v;
	int		 r;

	if ((v = xmlGetProp(n, (const xmlChar *)"style")) == NULL)
		return 0;
	r = mk_style_block((const char *)v);
	xmlFree(v);
	return r;
}

static int	mk_is_number(const char *);

/* Is v (white space around it aside) one web address and nothing
 * else? */
static int
mk_is_url(const char *v)
{
	const char	*e;

	v += strspn(v, " \t\r\n");
	if (!g_str_has_prefix(v, "http://") && !g_str_has_prefix(v, "https://"))
		return 0;
	e = v + strcspn(v, " \t\r\n");
	return e[strspn(e, " \t\r\n")] == '\0';
}

/* A fragment's machine-readable date: <time datetime>, or an element
 * a class calls a date whose title or datetime holds an ISO day
 * (<abbr class="date" title="2018-10-21T15:53:00+08:00">). */
static void
mk_frag_date(struct mk *m, xmlNode *n)
{
	static const char *const words[] = { "date", "time", "published",
	    "pubdate", "datetime", "updated", NULL };
	char	*v = NULL, *d;

	if (m->dated || n->type != XML_ELEMENT_NODE)
		return;
	if (pg_is(n, "time") || pg_attr_word(n, "class", words)) {
		if ((v = pg_attr(n, "datetime")) == NULL)
			v = pg_attr(n, "title");
	}
	if (v != NULL && strlen(v) >= 10 && g_ascii_isdigit(v[0]) &&
	    v[4] == '-' && v[7] == '-' && g_ascii_isdigit(v[9])) {
		d = pg_date(v);
		mk_push(m, DC_PIECE_DATE, m->line, d, strlen(d));
		g_free(d);
		m->dated = 1;
	}
	xmlFree(v);
}

/*
 * The post's data under the fragment's first heading, before any text
 * ("<h2 class=post-title>…</h2><div class=post-meta>"): that heading
 * is the post's title, as a headline over a byline is, whatever its
 * level beside the post's own headings.
 */
static void
mk_frag_title(struct mk *m)
{
	struct dc_piece	*p;
	guint		 i, k = m->out->len;

	for (i = 0; i < m->out->len; i++) {
		p = &g_array_index(m->out, struct dc_piece, i);
		if (p->kind == DC_PIECE_TITLE)
			return;
		if (p->kind != DC_PIECE_TEXT)
			continue;
		if (p->heading <= 0 || k < m->out->len)
			return;		/* text before, or a second line */
		k = i;
	}
	if (k < m->out->len)
		g_array_index(m->out, struct dc_piece, k).kind =
		    DC_PIECE_TITLE;
}

/*
 * A fragment's block of the post's own data, as themes write it over
 * or under the post ("Post in <abbr class=date …> | Tags …",
 * "<footer> Category: … Author: …"): a <footer>, or a block its class
 * calls meta or byline.  Its date and author go to the metadata (an
 * author after a label, "Author:", "作者：", "By"), its text to a
 * link line of the header: none of it is the post's.  Returns 1 if n
 * is one.
 */
static int
mk_frag_meta(struct mk *m, xmlNode *n)
{
	static const char *const words[] = { "meta", "byline", "postmeta",
	    "entrymeta", NULL };
	GMatchInfo	*mi = NULL;
	GRegex		*re;
	xmlNode		*t;
	char		*s, *a;

	int		 dated = m->dated, found = 0;

	if (n->type != XML_ELEMENT_NODE || (!pg_is(n, "footer") &&
	    !pg_attr_word(n, "class", words)))
		return 0;
	for (t = n; t != NULL; t = pg_next(t, n, 1))
		mk_frag_date(m, t);
	found = m->dated && !dated;
	s = pg_text(n);
	re = g_regex_new("(?:^|\\s|\\|)(?:Author|Authors|Posted by|By|"
	    "作者|作者：|撰文)\\s*[:：]?\\s*(\\S[^|｜\\n]*?)\\s*"
	    "(?=$|\\||｜|\\s[A-Z][a-z]+:|\\s[\\x{4E00}-\\x{9FFF}]{2}[：:])",
	    G_REGEX_OPTIMIZE, 0, NULL);
	if (re != NULL && g_regex_match(re, s, 0, &mi)) {
		a = g_match_info_fetch(mi, 1);
		if (*a != '\0' && g_utf8_strlen(a, -1) <= 24) {
			mk_push(m, DC_PIECE_AUTHOR, m->line, a, strlen(a));
			found = 1;
		}
		g_free(a);
	}
	g_match_info_free(mi);
	if (re != NULL)
		g_regex_unref(re);
	/* Neither: a line of the text's, its labels the web pass's
	 * ("日期：2099年3月12日"). */
	if (!found) {
		g_free(s);
		return 0;
	}
	mk_flush(m);
	mk_frag_title(m);
	if (*g_strstrip(s) != '\0')
		mk_push(m, DC_PIECE_NAV, m->line, s, strlen(s));
	g_free(s);
	return 1;
}

static int
mk_enter(struct mk *m, xmlNode *n, int line0)
{
	enum mk_el	 e;
	xmlChar		*v;
	int		 k;

	if (m->pg != NULL && (k = pg_enter(m, n)) >= 0) {
		m->removed += n->type == XML_ELEMENT_NODE;
		return k;
	}
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		m->line = mk_node_line(m, n, line0);
		if (n->content == NULL)
			return 0;
		/* White space between a paragraph's elements is a
		 * space, whatever line ends it holds. */
		if (m->blocks > 0 && xmlIsBlankNode(n)) {
			m->line += mk_newlines((const char *)n->content);
			if (m->cur->len > 0)
				g_string_append_c(m->cur, ' ');
			return 0;
		}
		if (m->pg != NULL && m->blocks > 0 && !mk_in_pre(n)) {
			mk_text_joined(m, (const char *)n->content);
			return 0;
		}
		mk_text(m, (const char *)n->content,
		    strlen((const char *)n->content));
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE) {
		m->removed++;	/* comments, processing instructions */
		return 0;
	}
	if (xmlGetLineNo(n) > 0 && xmlGetLineNo(n) < 65535 &&
	    xmlGetLineNo(n) + line0 - 1 > m->line)
		m->line = (int)xmlGetLineNo(n) + line0 - 1;
	e = mk_el_kind((const char *)n->name);
	m->removed++;
	/* A fragment (no page around it): the post's own data. */
	if (m->pg == NULL && (e == EL_BLOCK || e == EL_INLINE)) {
		if (mk_frag_meta(m, n))
			return 0;
		mk_frag_date(m, n);
	}
	if (e != EL_INLINE && e != EL_CELL && e != EL_SKIP &&
	    !dc_markup_html_name((const char *)n->name,
	    strlen((const char *)n->name)))
		mk_attrs(m, n);
	switch (e) {
	case EL_INLINE:
		/* An inline element that its style sets as a block
		 * ("<span style=\"display:block\">") is a line. */
		if (mk_display_block(n))
			mk_flush(m);
		return 1;
	case EL_SKIP:
		return 0;
	case EL_CELL:
		g_string_append_c(m->cur, ' ');
		return 1;
	case EL_BREAK:
		/* A container's element that holds an address and
		 * nothing else (<GazetteHTML>http://…</GazetteHTML>)
		 * names where the record is, whatever its name. */
		if (!dc_markup_html_name((const char *)n->name,
		    strlen((const char *)n->name)) &&
		    (v = xmlNodeGetContent(n)) != NULL) {
			g_strstrip((char *)v);
			k = mk_is_url((const char *)v) ? DC_PIECE_URL :
			    mk_is_number((const char *)v) ? DC_PIECE_ID : -1;
			if (k >= 0)
				mk_field_piece(m, k, (const char *)v,
				    m->line);
			xmlFree(v);
			if (k >= 0)
				return 0;
		}
		mk_break(m, n);
		return 1;
	case EL_BLOCK:
		mk_para(m);
		m->blocks += mk_in(mk_html_block, (const char *)n->name);
		if (n->name[0] == 'h' && n->name[1] >= '1' &&
		    n->name[1] <= '6' && n->name[2] == '\0')
			m->heading = n->name[1] - '0';
		/* A figure's caption is a caption's line (heading -1),
		 * as an image's text in Markdown is. */
		if (g_ascii_strcasecmp((const char *)n->name,
		    "figcaption") == 0)
			m->heading = -1;
		return 1;
	case EL_FIELD:
		k = mk_field((const char *)n->name);
		if ((v = xmlNodeGetContent(n)) != NULL) {
			mk_flush(m);
			mk_field_piece(m, k, (const char *)v, m->line);
			xmlFree(v);
		}
		return 0;
	}
	abort();
}

static void
mk_leave(struct mk *m, xmlNode *n)
{
	if (m->pg != NULL && pg_leave(m, n))
		return;
	if (n->type != XML_ELEMENT_NODE)
		return;
	switch (mk_el_kind((const char *)n->name)) {
	case EL_BLOCK:
		mk_para(m);
		m->heading = 0;
		m->blocks -= mk_in(mk_html_block, (const char *)n->name);
		break;
	case EL_BREAK:
		mk_break(m, n);
		break;
	case EL_INLINE:
		if (mk_display_block(n))
			mk_flush(m);
		break;
	case EL_SKIP:
	case EL_CELL:
	case EL_FIELD:
		break;
	}
}

/*
 * A page's text with each '<' that opens no element of HTML written
 * "&lt;": "Dear <guests>" is text on a page, where the HTML parser
 * would make an element of it and lose the word.  A container's own
 * elements are all markup, so this is for pages only.
 */
static char *
mk_page_escape(const char *s, size_t len, size_t *outlen)
{
	GString		*b = g_string_sized_new(len + 16);
	const char	*p, *end = s + len, *q;
	char		 name[16];
	size_t		 n;

	for (p = s; p < end; p++) {
		if (*p != '<') {
			g_string_append_c(b, *p);
			continue;
		}
		q = p + 1;
		if (q < end && *q == '/')
			q++;
		for (n = 0; q + n < end && n < sizeof(name) - 1 &&
		    g_ascii_isalnum(q[n]); n++)
			name[n] = g_ascii_tolower(q[n]);
		name[n] = '\0';
		if ((q < end && (*q == '!' || *q == '?')) || (n > 0 &&
		    (q + n == end || !g_ascii_isalnum(q[n])) &&
		    (dc_markup_html_name(name, n) ||
		    htmlTagLookup((const xmlChar *)name) != NULL)))
			g_string_append_c(b, '<');
		else
			g_string_append(b, "&lt;");
	}
	*outlen = b->len;
	return g_string_free(b, FALSE);
}

/* ---- A whole page: its article apart from the site around it ---- */

/*
 * A page as sites serve it holds, beside its article, the site's
 * menus, tickers, lists of related links, share buttons, ads and
 * footer.  A reader's tool (Readability, boilerpipe) finds the
 * article as the element whose paragraphs carry the most prose with
 * the fewest links; the title is the <h1> the page's <title> repeats;
 * the subtitle an <h2> between it and the article; the date the
 * page's published time (<meta property="article:published_time">,
 * itemprop="datePublished", <time datetime>), the author the element
 * that the page marks as the author's (rel="author",
 * itemprop="author", a class or address naming "author").  What is
 * none of these is no text of the article: it is kept, a region to a
 * line, as the page's link lines (DC_PIECE_NAV), so no text is lost.
 */
struct pgn {
	int		 order;		/* in document order, from 1 */
	int		 end;		/* order of its last descendant */
	int		 text;		/* characters of text (no space) */
	int		 links;		/* of them, in links */
	double		 score;		/* prose of its paragraphs */
	unsigned int	 blocks : 1;	/* a block element below it */
};

struct pg {
	struct pgn	*nodes;		/* by element, n->_private */
	xmlNode		*h1;		/* the title's <h1>, or NULL */
	xmlNode		*sub;		/* the subtitle's element */
	xmlNode		*c;		/* the article's element */
	xmlNode		*art;		/* <article> around c, not h1 */
	xmlNode		*last;		/* last paragraph of c */
	xmlNode		*credit[2];	/* blocks of the date, the author */
	char		*date;		/* the published time */
	char		*author;	/* the author's name */
	char		*site;		/* <title> less the title's text */
	char		*title;		/* the og:title, where no h1 is */
	xmlNode		*drop;		/* the region being dropped */
	GString		*nav;		/* its text, and the regions' before */
	int		 nav_line;	/* the first line of nav */
	int		 phase;		/* 0 before h1, 1 before c, 3 in c,
					   2 after */
	int		 past;		/* past the last paragraph of c */
	int		 trailer;	/* c's trailer began */
};

#define PGN(n) ((struct pgn *)(n)->_private)

/* The next node of a walk in document order below top; down 0 steps
 * over n's children. */
static xmlNode *
pg_next(xmlNode *n, xmlNode *top, int down)
{
	if (down && n->children != NULL)
		return n->children;
	for (; n != NULL && n != top; n = n->parent)
		if (n->next != NULL)
			return n->next;
	return NULL;
}

static int
pg_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    g_ascii_strcasecmp((const char *)n->name, name) == 0;
}

static int
pg_inside(const xmlNode *n, const xmlNode *a)
{
	return a != NULL && PGN(a)->order <= PGN(n)->order &&
	    PGN(n)->order <= PGN(a)->end;
}

/* The text of n, its white space runs one space, no script's. */
static char *
pg_text(xmlNode *n)
{
	GString	*b = g_string_new(NULL);
	xmlNode	*t;
	const char *p;

	for (t = n->children; t != NULL; t = pg_next(t, n,
	    t->type != XML_ELEMENT_NODE ||
	    mk_el_kind((const char *)t->name) != EL_SKIP))
		if (t->type == XML_TEXT_NODE && t->content != NULL)
			for (p = (const char *)t->content; *p != '\0';
			    p++) {
				if (g_ascii_isspace(*p)) {
					if (b->len > 0 &&
					    b->str[b->len - 1] != ' ')
						g_string_append_c(b, ' ');
				} else
					g_string_append_c(b, *p);
			}
	g_strstrip(b->str);
	return g_string_free(b, FALSE);
}

/* Characters of s that are not white space. */
static int
pg_chars(const char *s)
{
	int	 n = 0;

	for (; *s != '\0'; s = g_utf8_next_char(s))
		n += !g_unichar_isspace(g_utf8_get_char(s));
	return n;
}

static char *
pg_attr(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* Does an attribute of n hold word w among its words (class="a-b c")? */
static int
pg_attr_word(xmlNode *n, const char *attr, const char *const *words)
{
	char	*v = pg_attr(n, attr), *p, *q, c;
	int	 r = 0;

	if (v == NULL)
		return 0;
	/* Its words are apart by anything but letters and digits. */
	for (p = v; *p != '\0' && !r; p = q) {
		while (*p != '\0' && !g_ascii_isalnum(*p))
			p++;
		for (q = p; g_ascii_isalnum(*q); q++)
			;
		c = *q;
		*q = '\0';
		r = q > p && mk_in(words, p);
		*q = c;
	}
	xmlFree(v);
	return r;
}

/*
 * Is element n the site's, not the article's: a navigation, aside,
 * footer or form; hidden; named by its class or id for what sites
 * put beside an article (ads, sharing, related links, breadcrumbs,
 * tags); or a list of links (half its text in links)?
 */
static int
pg_boiler(xmlNode *n)
{
	static const char *const tags[] = {
		"nav", "aside", "footer", "form", "menu", "select", "button",
		"header", NULL
	};
	static const char *const words[] = {
		"ad", "ads", "advert", "advertisement", "banner", "share",
		"social", "sns", "related", "recommend", "comment",
		"comments", "sidebar", "breadcrumb", "crumb", "tag", "tags",
		"taglist", "footer", "menu", "nav", "navbar", "popup",
		"cookie", "subscribe", "newsletter", "ticker", "toolbar",
		"widget", "sponsor", "promo", NULL
	};
	struct pgn	*s = PGN(n);
	char		*v;
	int		 hidden = 0;

	if (mk_in(tags, (const char *)n->name))
		return 1;
	if ((v = pg_attr(n, "style")) != NULL) {
		GString *b = g_string_new(NULL);
		const char *p;
		for (p = v; *p != '\0'; p++)
			if (*p != ' ')
				g_string_append_c(b, g_ascii_tolower(*p));
		hidden = strstr(b->str, "display:none") != NULL;
		g_string_free(b, TRUE);
		xmlFree(v);
	}
	return hidden || pg_attr_word(n, "class", words) ||
	    pg_attr_word(n, "id", words) ||
	    (s->text > 0 && s->links * 2 >= s->text);
}

/* Does attribute attr of n say value (any case)? */
static int
pg_attr_is(xmlNode *n, const char *attr, const char *value)
{
	char	*v = pg_attr(n, attr);
	int	 r = v != NULL && g_ascii_strcasecmp(v, value) == 0;

	xmlFree(v);
	return r;
}

/* Is n an element that names the author? */
static int
pg_is_author(xmlNode *n)
{
	static const char *const words[] = { "author", "byline", "writer",
	    "reporter", NULL };
	char	*v;
	int	 r;

	if (pg_is(n, "meta") || pg_is(n, "link"))
		return 0;
	if (pg_attr_is(n, "rel", "author") ||
	    pg_attr_is(n, "itemprop", "author") ||
	    pg_attr_word(n, "class", words))
		return 1;
	if (pg_is(n, "a") && (v = pg_attr(n, "href")) != NULL) {
		r = strstr(v, "/author/") != NULL;
		xmlFree(v);
		return r;
	}
	return 0;
}

/* The author's name in element n: the part it marks as the name, else
 * its text; NULL unless it is short and no sentence. */
static char *
pg_author_name(xmlNode *n)
{
	static const char *const words[] = { "name", NULL };
	xmlNode	*t;
	char	*s = NULL;

	for (t = n->children; t != NULL && s == NULL; t = pg_next(t, n, 1))
		if (t->type == XML_ELEMENT_NODE &&
		    (pg_attr_word(t, "class", words) ||
		    pg_attr_is(t, "itemprop", "name")))
			s = pg_text(t);
	if (s == NULL || *s == '\0') {
		g_free(s);
		s = pg_text(n);
	}
	if (*s == '\0' || g_utf8_strlen(s, -1) > 24 || strstr(s, "。") ||
	    strstr(s, "，") || strchr(s, '.') != NULL) {
		g_free(s);
		return NULL;
	}
	return s;
}

/* The nearest block around n that is no container of the title or
 * the article: the line of the page that holds a date or an author. */
static xmlNode *
pg_credit_block(struct pg *g, xmlNode *n)
{
	xmlNode	*b;

	for (b = n; b->parent != NULL && b->parent->type ==
	    XML_ELEMENT_NODE; b = b->parent) {
		if ((g->h1 != NULL && pg_inside(g->h1, b->parent)) ||
		    pg_inside(g->c, b->parent))
			break;
		if (mk_el_kind((const char *)b->name) == EL_BLOCK)
			break;
	}
	return PGN(b)->text <= 60 ? b : n;
}

/* The page's published time, from its <meta> elements. */
static char *
pg_meta_date(xmlNode *top)
{
	static const char *const keys[] = { "article:published_time",
	    "datePublished", "pubdate", "publishdate", "date", NULL };
	xmlNode	*n;
	char	*k, *v = NULL;
	const char *const attrs[] = { "property", "itemprop", "name" };
	size_t	 i;

	for (n = top->children; n != NULL && v == NULL; n = pg_next(n, top,
	    1)) {
		if (!pg_is(n, "meta"))
			continue;
		for (i = 0; i < G_N_ELEMENTS(attrs) && v == NULL; i++) {
			if ((k = pg_attr(n, attrs[i])) == NULL)
				continue;
			if (mk_in(keys, k))
				v = pg_attr(n, "content");
			xmlFree(k);
		}
	}
	if (v != NULL && *v == '\0') {
		xmlFree(v);
		v = NULL;
	}
	return v;
}

/* A date as the metadata takes it: ISO's day of a time stamp. */
static char *
pg_date(const char *v)
{
	if (strlen(v) >= 10 && g_ascii_isdigit(v[0]) && v[4] == '-' &&
	    v[7] == '-' && g_ascii_isdigit(v[9]))
		return g_strndup(v, 10);
	return g_strdup(v);
}

/* Title text compared: no white space. */
static char *
pg_squeeze(const char *s)
{
	GString	*b = g_string_new(NULL);

	for (; *s != '\0'; s = g_utf8_next_char(s))
		if (!g_unichar_isspace(g_utf8_get_char(s)))
			g_string_append_unichar(b, g_utf8_get_char(s));
	return g_string_free(b, FALSE);
}

/*
 * Is h the page's title: the <title> holds it (a site puts its name
 * beside it there)?  Then the rest of the <title> is the site's, in
 * g->site (the whole <title>, where white space keeps them apart).
 */
static int
pg_title_is(struct pg *g, xmlNode *top, const char *h)
{
	xmlNode		*n;
	GString		*b;
	const char	*q;
	char		*t, *st, *sh;
	int		 r = 1;

	for (n = top->children; n != NULL && !pg_is(n, "title");
	    n = pg_next(n, top, 1))
		;
	if (*h == '\0')
		return 0;
	if (n == NULL)
		return 1;
	t = pg_text(n);
	st = pg_squeeze(t);
	sh = pg_squeeze(h);
	r = *sh != '\0' && strstr(st, sh) != NULL;
	if (r && strcmp(st, sh) != 0) {
		/* The site: the <title> less the title and the marks
		 * between them. */
		b = g_string_new(NULL);
		if ((q = strstr(t, h)) != NULL) {
			g_string_append_len(b, t, q - t);
			g_string_append(b, q + strlen(h));
		} else
			g_string_append(b, t);
		g_strstrip(b->str);
		for (q = b->str; *q != '\0' && !g_unichar_isalnum(
		    g_utf8_get_char(q)); q = g_utf8_next_char(q))
			;
		g->site = *q != '\0' ? g_strdup(q) : NULL;
		g_string_free(b, TRUE);
	}
	g_free(st);
	g_free(sh);
	g_free(t);
	return r;
}

/* The page's own title in its <meta> (og:title, twitter:title), or
 * NULL. */
static char *
pg_meta_title(xmlNode *top)
{
	static const char *const keys[] = { "og:title", "twitter:title",
	    "headline", NULL };
	const char *const attrs[] = { "property", "name", "itemprop" };
	xmlNode	*n;
	char	*k, *v = NULL;
	size_t	 i;

	for (n = top->children; n != NULL && v == NULL; n = pg_next(n, top,
	    1)) {
		if (!pg_is(n, "meta"))
			continue;
		for (i = 0; i < G_N_ELEMENTS(attrs) && v == NULL; i++) {
			if ((k = pg_attr(n, attrs[i])) == NULL)
				continue;
			if (mk_in(keys, k))
				v = pg_attr(n, "content");
			xmlFree(k);
		}
	}
	return v;
}

/*
 * Count each element's text and links (after its children), in an
 * array that n->_private points into.  Returns the array.
 */
static struct pgn *
pg_count(xmlNode *top)
{
	struct pgn	*a;
	xmlNode		*n, *p;
	size_t		 k = 0, i = 0;
	int		 skip;

	for (n = top->children; n != NULL; n = pg_next(n, top, 1))
		k += n->type == XML_ELEMENT_NODE;
	a = g_new0(struct pgn, k + 1);
	for (n = top->children; n != NULL; n = pg_next(n, top, 1))
		if (n->type == XML_ELEMENT_NODE) {
			n->_private = &a[i];
			a[i].order = (int)i + 1;
			i++;
		}
	/* Bottom up: each node adds itself to its parent after the
	 * children did (a node's last descendant comes before the
	 * next node that is no descendant). */
	for (n = top->children; n != NULL; ) {
		skip = n->type == XML_ELEMENT_NODE &&
		    mk_el_kind((const char *)n->name) == EL_SKIP;
		if (!skip && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			p = n->parent;
			if (n->type == XML_ELEMENT_NODE && PGN(n)->end == 0)
				PGN(n)->end = PGN(n)->order;
			if (p != NULL && p != top && p->type ==
			    XML_ELEMENT_NODE) {
				if (n->type == XML_TEXT_NODE &&
				    n->content != NULL) {
					PGN(p)->text += pg_chars(
					    (const char *)n->content);
					if (pg_is(p, "a"))
						PGN(p)->links += pg_chars(
						    (const char *)n->content);
				} else if (n->type == XML_ELEMENT_NODE) {
					PGN(p)->text += PGN(n)->text;
					PGN(p)->links += pg_is(p, "a") ?
					    PGN(n)->text : PGN(n)->links;
					PGN(p)->blocks |= PGN(n)->blocks ||
					    mk_el_kind((const char *)n->name)
					    == EL_BLOCK;
					if (PGN(n)->end > PGN(p)->end)
						PGN(p)->end = PGN(n)->end;
					if (PGN(p)->end < PGN(n)->order)
						PGN(p)->end = PGN(n)->order;
				}
			}
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			if ((n = p) == NULL || n == top) {
				n = NULL;
				break;
			}
		}
		if (n == NULL)
			break;
	}
	return a;
}

/* Is n inside an element that is the site's by its name? */
static int
pg_in_site(xmlNode *n)
{
	static const char *const tags[] = { "nav", "aside", "footer",
	    NULL };

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (mk_in(tags, (const char *)n->name))
			return 1;
	return 0;
}

/*
 * Score the paragraphs (blocks with no block below them, 25
 * characters or more, under a third in links): a point, one a comma
 * or stop, one a hundred characters up to three; each adds its score
 * to its parent and half to the grandparent.  The article is the best
 * element, its score scaled by the share of its text not in links.
 */
static xmlNode *
pg_article(struct pg *g, xmlNode *top)
{
	xmlNode		*n, *best = NULL;
	struct pgn	*s;
	double		 v, bv = 0;
	char		*t, *p;
	gunichar	 c;

	for (n = top->children; n != NULL; n = pg_next(n, top, 1)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		s = PGN(n);
		if (mk_el_kind((const char *)n->name) != EL_BLOCK ||
		    s->blocks || s->text < 25 || s->links * 3 >= s->text ||
		    n->parent == NULL || n->parent->type !=
		    XML_ELEMENT_NODE || pg_in_site(n))
			continue;
		t = pg_text(n);
		v = 1 + MIN(s->text / 100.0, 3);
		for (p = t; *p != '\0'; p = g_utf8_next_char(p)) {
			c = g_utf8_get_char(p);
			v += c == 0xFF0C || c == 0x3002 || c == 0x3001 ||
			    c == ',' || c == 0xFF1B;
		}
		g_free(t);
		PGN(n->parent)->score += v;
		if (n->parent->parent != NULL &&
		    n->parent->parent->type == XML_ELEMENT_NODE)
			PGN(n->parent->parent)->score += v / 2;
	}
	for (n = top->children; n != NULL; n = pg_next(n, top, 1)) {
		if (n->type != XML_ELEMENT_NODE || PGN(n)->text == 0)
			continue;
		v = PGN(n)->score * (1 - (double)PGN(n)->links /
		    PGN(n)->text);
		if (v > bv) {
			bv = v;
			best = n;
		}
	}
	(void)g;
	return bv >= 10 ? best : NULL;
}

static struct pg *
pg_none(struct pg *g)
{
	g_free(g->site);
	g_free(g->title);
	g_free(g->nodes);
	g_free(g);
	return NULL;
}

/* Does a <head> carry what a saved page's head does: a title or meta? */
static int
pg_head(xmlNode *h)
{
	xmlNode	*n;

	for (n = h->children; n != NULL; n = pg_next(n, h, 1))
		if (pg_is(n, "title") || pg_is(n, "meta"))
			return 1;
	return 0;
}

/*
 * Read the page below top: NULL unless it is a whole page (a head and
 * a body, or an article apart from a quarter or more of the text
 * around it).
 */
static struct pg *
pg_new(xmlNode *top)
{
	static const char *const page[] = { "html", "head", "body", "meta",
	    "nav", "header", "footer", "aside", "main", NULL };
	struct pg	*g = g_new0(struct pg, 1);
	xmlNode		*n, *body = NULL, *a;
	int		 author = 0, html = 0, text = 0, whole = 0, bare;
	char		*v;

	g->nodes = pg_count(top);
	for (n = top->children; n != NULL; n = pg_next(n, top, 1)) {
		if (pg_is(n, "body") && body == NULL)
			body = n;
		whole |= pg_is(n, "head") && pg_head(n);
		html |= n->type == XML_ELEMENT_NODE &&
		    mk_in(page, (const char *)n->name);
		if (n->type == XML_ELEMENT_NODE && n->parent == top)
			text += PGN(n)->text;
	}
	if (body != NULL)
		text = PGN(body)->text;
	else
		body = top;
	/* A saved page (a head with its title or meta, then a body) is
	 * a page even when its article is nearly all of its text, if it
	 * marks its title (below). */
	if (!html || (g->c = pg_article(g, top)) == NULL || g->c == body ||
	    (!(whole && body != top) && (text - PGN(g->c)->text) * 4 < text))
		return pg_none(g);
	bare = (text - PGN(g->c)->text) * 4 < text;
	/* The title: the first <h1> before the article or in it. */
	for (n = body; n != NULL; n = pg_next(n, body, 1))
		if (pg_is(n, "h1") && !pg_in_site(n) &&
		    PGN(n)->order <= PGN(g->c)->end)
			break;
	if (n != NULL) {
		v = pg_text(n);
		if (pg_title_is(g, top, v))
			g->h1 = n;
		g_free(v);
	}
	/* No <h1> names it: the page's og:title, where the <title>
	 * holds it. */
	if (g->h1 == NULL && (v = pg_meta_title(top)) != NULL) {
		g_strstrip(v);
		g_free(g->site);
		g->site = NULL;
		if (pg_title_is(g, top, v))
			g->title = g_strdup(v);
		else {
			g_free(g->site);
			g->site = NULL;
		}
		xmlFree(v);
	}
	/* An article with little around it whose page marks no title:
	 * its lines say which is the title. */
	if (bare && g->h1 == NULL && g->title == NULL)
		return pg_none(g);
	for (a = g->c; a != NULL && a->type == XML_ELEMENT_NODE;
	    a = a->parent)
		if (pg_is(a, "article")) {
			if (g->h1 == NULL || !pg_inside(g->h1, a))
				g->art = a;
			break;
		}
	/* The last paragraph of the article. */
	for (n = g->c->children; n != NULL; n = pg_next(n, g->c, 1))
		if (n->type == XML_ELEMENT_NODE && mk_el_kind((const char *)
		    n->name) == EL_BLOCK && !PGN(n)->blocks &&
		    PGN(n)->text >= 25 && PGN(n)->links * 3 < PGN(n)->text)
			g->last = n;
	/* Between title and article: the subtitle, the date, the
	 * author. */
	g->date = pg_meta_date(top);
	for (n = g->h1 != NULL ? pg_next(g->h1, body, 0) : g->c;
	    n != NULL; n = pg_next(n, body, 1)) {
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
			continue;
		/* Up to the article's first paragraph (as far as its
		 * last when there is no title). */
		if (pg_inside(n, g->c) && g->h1 != NULL && g->last != NULL &&
		    PGN(n)->order >= PGN(g->last)->order)
			break;
		if (PGN(n)->order > PGN(g->c)->end)
			break;
		if (g->h1 != NULL && g->sub == NULL && !pg_inside(n, g->c) &&
		    (pg_is(n, "h2") || pg_is(n, "h3")) && PGN(n)->text > 0 &&
		    PGN(n)->text <= 80 && PGN(n)->links == 0)
			g->sub = n;
		if (pg_is(n, "time") && g->credit[0] == NULL) {
			if ((v = pg_attr(n, "datetime")) == NULL)
				v = (char *)xmlStrdup((const xmlChar *)"");
			if (*v == '\0') {
				xmlFree(v);
				v = pg_text(n);
				if (g->date == NULL)
					g->date = (char *)xmlStrdup(
					    (const xmlChar *)v);
				g_free(v);
			} else if (g->date == NULL)
				g->date = v;
			else
				xmlFree(v);
			g->credit[0] = pg_credit_block(g, n);
		}
		if (!author && pg_is_author(n) && (v = pg_author_name(n)) !=
		    NULL) {
			g->author = v;
			g->credit[1] = pg_credit_block(g, n);
			author = 1;
		}
	}
	g->nav = g_string_new(NULL);
	g->phase = g->h1 != NULL ? 0 : 0;
	return g;
}

static void
pg_free(struct pg *g)
{
	if (g == NULL)
		return;
	g_free(g->nodes);
	xmlFree(g->date);
	g_free(g->author);
	g_free(g->site);
	g_free(g->title);
	g_string_free(g->nav, TRUE);
	g_free(g);
}

/* The dropped regions' text so far, as one line of the page's links. */
static void
pg_nav_flush(struct mk *m)
{
	struct pg	*g = m->pg;
	char		*t;

	if (g == NULL || g->nav->len == 0)
		return;
	t = g_strstrip(g_strdup(g->nav->str));
	g_string_truncate(g->nav, 0);
	m->pg = NULL;		/* mk_push flushes no nav of its own */
	if (*t != '\0')
		mk_push(m, DC_PIECE_NAV, g->nav_line, t, strlen(t));
	m->pg = g;
	g_free(t);
}

/* Text of a dropped region to the page's link lines. */
static void
pg_nav_text(struct mk *m, const char *s)
{
	struct pg	*g = m->pg;
	const char	*p;

	if (g->nav->len == 0)
		g->nav_line = m->line;
	for (p = s; *p != '\0'; p++)
		if (!g_ascii_isspace(*p))
			g_string_append_c(g->nav, *p);
		else if (g->nav->len > 0 && g->nav->str[g->nav->len - 1] !=
		    ' ')
			g_string_append_c(g->nav, ' ');
}

/* Drop the region n: its text goes to the link lines. */
static int
pg_drop(struct mk *m, xmlNode *n)
{
	m->pg->drop = n;
	if (m->pg->nav->len > 0 && m->pg->nav->str[m->pg->nav->len - 1] !=
	    ' ')
		g_string_append_c(m->pg->nav, ' ');
	return mk_el_kind((const char *)n->name) != EL_SKIP;
}

/* A field piece of the page's (its title, subtitle, author). */
static void
pg_field(struct mk *m, enum dc_piece_kind k, const char *v)
{
	mk_flush(m);
	if (v != NULL && *v != '\0')
		mk_push(m, k, m->line, v, strlen(v));
}

/*
 * Enter node n of a whole page: -1 to read it as any page's, else 1
 * to walk its children, 0 not to.
 */
static int
pg_enter(struct mk *m, xmlNode *n)
{
	struct pg	*g = m->pg;
	char		*t;

	if (g->drop != NULL) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			pg_nav_text(m, (const char *)n->content);
		/* The links, items and cells of a region stay apart. */
		if (n->type == XML_ELEMENT_NODE)
			pg_nav_text(m, " ");
		return n->type == XML_ELEMENT_NODE &&
		    mk_el_kind((const char *)n->name) != EL_SKIP;
	}
	if (n->type == XML_TEXT_NODE) {
		if (g->phase == 1 || (g->phase == 3 && !g->trailer))
			return -1;
		if (n->content != NULL)
			pg_nav_text(m, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
		return -1;
	if (pg_is(n, "title") && (g->h1 != NULL || g->title != NULL)) {
		pg_field(m, DC_PIECE_TITLE, g->title);
		pg_field(m, DC_PIECE_SOURCE, g->site);
		return 0;
	}
	if (n == g->h1) {
		t = pg_text(n);
		pg_field(m, DC_PIECE_TITLE, t);
		g_free(t);
		g->phase = g->phase == 3 ? 3 : 1;
		return 0;
	}
	if (n == g->c) {
		g->phase = 3;
		return -1;
	}
	if (n == g->sub) {
		t = pg_text(n);
		pg_field(m, DC_PIECE_SUBTITLE, t);
		g_free(t);
		return 0;
	}
	if (n == g->credit[0] || n == g->credit[1]) {
		if (n == g->credit[1])
			pg_field(m, DC_PIECE_AUTHOR, g->author);
		return pg_drop(m, n);
	}
	/* A container of the title or the article. */
	if ((g->h1 != NULL && pg_inside(g->h1, n)) || pg_inside(g->c, n) ||
	    (g->credit[0] != NULL && pg_inside(g->credit[0], n)) ||
	    (g->credit[1] != NULL && pg_inside(g->credit[1], n)) ||
	    (g->sub != NULL && pg_inside(g->sub, n)))
		return -1;
	if (pg_is(n, "head") || (n->parent != NULL && pg_is(n->parent,
	    "head")))
		return -1;
	switch (g->phase) {
	case 1:
		if (pg_boiler(n) || pg_is(n, "time") || (g->art != NULL &&
		    !pg_inside(n, g->art)))
			return pg_drop(m, n);
		return -1;
	case 3:
		if (g->trailer || pg_boiler(n)) {
			g->trailer |= g->past;
			return pg_drop(m, n);
		}
		if (pg_caption(n)) {
			mk_para(m);
			m->blocks++;
			m->heading = -1;
			return 1;
		}
		return -1;
	default:
		return pg_drop(m, n);
	}
}

/*
 * Is block n a photo's caption: a short block of its own right after
 * one that holds an image and no text, as pages set a picture and its
 * words in two paragraphs ("<p><img></p><p>▲…（圖／…）</p>")?
 */
static int
pg_caption(xmlNode *n)
{
	xmlNode	*p, *t;

	if (mk_el_kind((const char *)n->name) != EL_BLOCK ||
	    PGN(n)->blocks || PGN(n)->text == 0 || PGN(n)->text > 120)
		return 0;
	for (p = n->prev; p != NULL && p->type != XML_ELEMENT_NODE;
	    p = p->prev)
		if (p->type == XML_TEXT_NODE && !xmlIsBlankNode(p))
			return 0;
	/* A <figure> holds its own caption (its <figcaption>): the
	 * block after it is the page's text. */
	if (p == NULL || p->_private == NULL || PGN(p)->text > 0 ||
	    pg_is(p, "figure"))
		return 0;
	if (pg_is(p, "img"))
		return 1;
	for (t = p->children; t != NULL; t = pg_next(t, p, 1))
		if (pg_is(t, "img"))
			return 1;
	return 0;
}

/* Leave node n of a whole page; returns 1 if it was dropped. */
static int
pg_leave(struct mk *m, xmlNode *n)
{
	struct pg	*g = m->pg;

	if (g->drop != NULL) {
		if (n == g->drop)
			g->drop = NULL;
		return 1;
	}
	if (n == g->last)
		g->past = 1;
	if (n == g->c)
		g->phase = 2;
	return n->type != XML_ELEMENT_NODE || n->_private == NULL ? 0 :
	    (n == g->h1 || n == g->sub);
}

/*
 * A container's CDATA sections unwrapped: the HTML parser knows no
 * CDATA, and would leave "<![CDATA[" in the field's text.  Their
 * content is read as the rest is (a field of HTML, as gazettes keep
 * the page, is read as HTML); the markers become spaces, so that no
 * line moves.  Returns a copy of the len bytes at s (g_free()).
 */
static char *
mk_cdata_unwrap(const char *s, size_t len)
{
	char	*c = g_strndup(s, len), *p, *e;

	for (p = c; (p = strstr(p, "<![CDATA[")) != NULL; p = e + 3) {
		memset(p, ' ', 9);
		if ((e = strstr(p + 9, "]]>")) == NULL)
			break;
		memset(e, ' ', 3);
	}
	return c;
}

/*
 * Read HTML or a tagged container of len bytes whose first line is
 * input line line0; its pieces go to out.  Returns the number of
 * tags, attributes and fields taken out.
 */
size_t
dc_markup_html(const char *s, size_t len, int line0, int page,
    GArray *out)
{
	struct mk	 m;
	htmlDocPtr	 doc;
	xmlNode		*n, *top;
	char		*esc = NULL;

	if (page)
		s = esc = mk_page_escape(s, len, &len);
	else
		s = esc = mk_cdata_unwrap(s, len);
	memset(&m, 0, sizeof(m));
	m.out = out;
	m.cur = g_string_new(NULL);
	m.line = line0;
	if (len > INT_MAX || (doc = htmlReadMemory(s, (int)len, NULL,
	    "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	    HTML_PARSE_NOIMPLIED)) == NULL) {
		g_string_free(m.cur, TRUE);
		g_free(esc);
		return 0;
	}
	top = (xmlNode *)doc;
	if ((m.pg = pg_new(top)) != NULL && m.pg->date != NULL) {
		char *d = pg_date(m.pg->date);
		mk_push(&m, DC_PIECE_DATE, line0, d, strlen(d));
		g_free(d);
	}
	for (n = top->children; n != NULL; ) {
		if (mk_enter(&m, n, line0) && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			mk_leave(&m, n);
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			if ((n = n->parent) == NULL || n == top) {
				n = NULL;
				break;
			}
		}
	}
	mk_para(&m);
	pg_nav_flush(&m);
	pg_free(m.pg);
	xmlFreeDoc(doc);
	g_string_free(m.cur, TRUE);
	g_free(esc);
	return m.removed;
}

/* ---- Markdown ---- */

/* Is an inline HTML tag of Markdown one of a page's, or a line
 * break?  Returns 2 for <br>, 1 for another tag, 0 for text that only
 * looks like a tag ("<guests>"). */
static int
mk_md_tag(const char *s)
{
	size_t	 n;

	if (strncmp(s, "<!--", 4) == 0)
		return 1;
	s += s[0] == '<';
	s += s[0] == '/';
	n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789");
	if (n == 2 && g_ascii_strncasecmp(s, "br", 2) == 0)
		return 2;
	if (!dc_markup_html_name(s, n))
		return 0;
	/* An inline element that its style sets as a block opens a
	 * line ("<span style=\"display:block\">"). */
	return mk_style_block(s + n) ? 2 : 1;
}

/* A link's address to the pieces; an autolink (its text is its
 * address) leaves no text.  Returns 1 to skip the link's text. */
static int
mk_md_link(struct mk *m, cmark_node *n)
{
	const char	*url = cmark_node_get_url(n);
	cmark_node	*c = cmark_node_first_child(n);

	m->removed++;
	if (url == NULL || *url == '\0')
		return 0;
	mk_push(m, DC_PIECE_URL, m->line, url, strlen(url));
	return c != NULL && cmark_node_next(c) == NULL &&
	    cmark_node_get_type(c) == CMARK_NODE_TEXT &&
	    (strcmp(cmark_node_get_literal(c), url) == 0 ||
	    (g_str_has_prefix(url, "mailto:") &&
	    strcmp(cmark_node_get_literal(c), url + 7) == 0));
}

/* A block whose text is literal (code, HTML): its lines. */
static size_t
mk_md_literal(struct mk *m, cmark_node *n, int html, int line0)
{
	const char	*s = cmark_node_get_literal(n);
	int		 first = cmark_node_get_start_line(n);
	int		 last = cmark_node_get_end_line(n);
	int		 lines = 1;
	const char	*p;

	if (s == NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		lines += *p == '\n' && p[1] != '\0';
	/* A fenced block's text starts after its fence. */
	m->line = first + (last - first + 1 > lines ? 1 : 0) + line0 - 1;
	if (html) {
		mk_flush(m);
		return dc_markup_html(s, strlen(s), m->line, 1, m->out);
	}
	mk_flush(m);
	m->literal = 1;
	mk_text(m, s, strlen(s));
	mk_flush(m);
	m->literal = 0;
	return 1;
}

/* Is the text of block n prose: ending a sentence, or (if long is
 * set) longer than headings are?  (A field's line "keywords: a b c"
 * is long, but ends none.) */
static int
mk_md_prose(cmark_node *n, int long_ok)
{
	cmark_node	*c;
	GString		*b;
	const char	*lit;
	gunichar	 last = 0;
	long		 len;

	b = g_string_new(NULL);
	for (c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c))
		if ((lit = cmark_node_get_literal(c)) != NULL)
			g_string_append(b, lit);
	g_strchomp(b->str);
	len = g_utf8_strlen(b->str, -1);
	if (len > 0)
		last = g_utf8_get_char(g_utf8_prev_char(b->str +
		    strlen(b->str)));
	g_string_free(b, TRUE);
	return (long_ok && len > 40) || last == 0x3002 || last == 0xFF01 ||
	    last == 0xFF1F || last == '.' || last == '!' || last == '?';
}

/*
 * Is paragraph n one link and nothing else ("[Test it](https://…)",
 * a reference under an example)?  Its text is a link's, an item of
 * the page's links: no heading, however short.
 */
static int
mk_md_link_para(cmark_node *n)
{
	cmark_node	*c, *link = NULL;
	const char	*lit;

	for (c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_LINK && link == NULL)
			link = c;
		else if (cmark_node_get_type(c) != CMARK_NODE_TEXT ||
		    (lit = cmark_node_get_literal(c)) == NULL ||
		    lit[strspn(lit, " \t")] != '\0')
			return 0;
	}
	return link != NULL;
}

/*
 * Is heading n a paragraph that a rule under it made a heading: a
 * setext heading ("text" over "---", as blogs write a rule under the
 * last line without a blank line between) whose text is prose, longer
 * than headings are or ending a sentence?
 */
static int
mk_md_setext_prose(cmark_node *n)
{
	if (cmark_node_get_end_line(n) <= cmark_node_get_start_line(n))
		return 0;
	return mk_md_prose(n, 1);
}

/*
 * Is block n (a paragraph or heading) a navigation link and nothing
 * else: one link to a page of the same site by a relative address
 * ("[返回](README.md)", "[← Back](../index.html)"), with a short
 * text?  A mirror or wiki puts one above and below each page; it is
 * no part of the text (least of all its title): its text and address
 * go to the pieces as a navigation link's.  One link to another site
 * alone on its line above the first paragraph of prose ("[Original
 * Article](https://…)", "[原网页](https://…)") says where the text
 * came from: a source link line, no title's or name's words.
 */
static int
mk_md_nav(struct mk *m, cmark_node *n, int line0)
{
	cmark_node	*c, *link = NULL, *t;
	const char	*url, *lit;
	GString		*b;
	long		 len;
	int		 away;

	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_LINK && link == NULL)
			link = c;
		else if (cmark_node_get_type(c) != CMARK_NODE_TEXT ||
		    (lit = cmark_node_get_literal(c)) == NULL ||
		    lit[strspn(lit, " \t")] != '\0')
			return 0;
	if (link == NULL || (url = cmark_node_get_url(link)) == NULL ||
	    *url == '\0' || *url == '#')
		return 0;
	away = strstr(url, "://") != NULL || strchr(url, ':') != NULL ||
	    g_str_has_prefix(url, "//");
	if (away && (m->prose || (!g_str_has_prefix(url, "http://") &&
	    !g_str_has_prefix(url, "https://"))))
		return 0;
	b = g_string_new(NULL);
	for (t = cmark_node_first_child(link); t != NULL;
	    t = cmark_node_next(t))
		if ((lit = cmark_node_get_literal(t)) != NULL)
			g_string_append(b, lit);
	len = g_utf8_strlen(b->str, -1);
	if (len > 0 && len <= 16) {
		m->line = cmark_node_get_start_line(n) + line0 - 1;
		mk_push(m, away ? DC_PIECE_LINKLINE : DC_PIECE_NAVLINK, m->line,
		    b->str, b->len);
		mk_push(m, away ? DC_PIECE_URL : DC_PIECE_NAVURL, m->line,
		    url, strlen(url));
	}
	g_string_free(b, TRUE);
	return len > 0 && len <= 16;
}

/* Is the literal of a text node between links no words: white space
 * and separators ("∙", "|", "/", "·", ",")? */
static int
mk_md_sep(cmark_node *c)
{
	const char	*lit = cmark_node_get_literal(c), *p;

	if (lit == NULL)
		return 1;
	for (p = lit; *p != '\0'; p = g_utf8_next_char(p))
		if (g_unichar_isalnum(g_utf8_get_char(p)))
			return 0;
	return 1;
}

/*
 * Is block n a bar of navigation links: two or more links to pages of
 * the same site by relative addresses, each with a short text, and
 * nothing else but separators, maybe all in one emphasis ("*[Deutsch]
 * (README-de.md) ∙ [English](README.md) ∙ …*", "[首页](/) | [新闻](/n/)")?
 * A site's language switcher or breadcrumbs: each link goes to the
 * pieces as a navigation link's.
 */
static int
mk_md_navbar(struct mk *m, cmark_node *n, int line0)
{
	cmark_node	*c, *t, *links[64];
	const char	*url, *lit;
	GString		*b;
	size_t		 nl = 0, i;
	int		 line;

	for (c = cmark_node_first_child(n); c != NULL; ) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_LINK:
			url = cmark_node_get_url(c);
			if (url == NULL || *url == '\0' || *url == '#' ||
			    strchr(url, ':') != NULL ||
			    g_str_has_prefix(url, "//") ||
			    nl == G_N_ELEMENTS(links))
				return 0;
			links[nl++] = c;
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
			/* One level in: the bar in emphasis. */
			if (cmark_node_parent(c) == n &&
			    cmark_node_first_child(c) != NULL) {
				c = cmark_node_first_child(c);
				continue;
			}
			return 0;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
			if (!mk_md_sep(c))
				return 0;
			break;
		default:
			return 0;
		}
		if (cmark_node_next(c) == NULL && cmark_node_parent(c) != n)
			c = cmark_node_next(cmark_node_parent(c));
		else
			c = cmark_node_next(c);
	}
	if (nl < 2)
		return 0;
	line = cmark_node_get_start_line(n) + line0 - 1;
	for (i = 0; i < nl; i++) {
		b = g_string_new(NULL);
		for (t = cmark_node_first_child(links[i]); t != NULL;
		    t = cmark_node_next(t))
			if ((lit = cmark_node_get_literal(t)) != NULL)
				g_string_append(b, lit);
		url = cmark_node_get_url(links[i]);
		if (b->len > 0) {
			mk_push(m, DC_PIECE_NAVLINK, line, b->str, b->len);
			mk_push(m, DC_PIECE_NAVURL, line, url, strlen(url));
		}
		g_string_free(b, TRUE);
	}
	m->line = line;
	return 1;
}

/*
 * Is paragraph n a subtitle: the block right under the document's
 * first heading (its first block, of level 1), all of it in strong
 * or emphasised type, short and no sentence ("# Title" over "**A line
 * that says more**", as news sites export a deck)?  Then its text is
 * pushed as the subtitle.
 */
static int
mk_md_subtitle(struct mk *m, cmark_node *n)
{
	cmark_node	*h = cmark_node_previous(n);
	cmark_node	*c = cmark_node_first_child(n), *t;
	GString		*b;
	const char	*lit;
	long		 len;
	int		 ok;

	if (h == NULL || cmark_node_get_type(h) != CMARK_NODE_HEADING ||
	    cmark_node_get_heading_level(h) != 1 ||
	    cmark_node_previous(h) != NULL || c == NULL ||
	    cmark_node_next(c) != NULL ||
	    (cmark_node_get_type(c) != CMARK_NODE_STRONG &&
	    cmark_node_get_type(c) != CMARK_NODE_EMPH))
		return 0;
	b = g_string_new(NULL);
	for (t = cmark_node_first_child(c); t != NULL; t = cmark_node_next(t))
		if ((lit = cmark_node_get_literal(t)) != NULL &&
		    cmark_node_get_type(t) == CMARK_NODE_TEXT)
			g_string_append(b, lit);
		else
			g_string_append_c(b, ' ');
	g_strstrip(b->str);
	len = g_utf8_strlen(b->str, -1);
	ok = len > 0 && len <= 160 && strchr(".!?", b->str[strlen(b->str) -
	    1]) == NULL && !g_str_has_suffix(b->str, "。") &&
	    !g_str_has_suffix(b->str, "！") && !g_str_has_suffix(b->str, "？");
	if (ok) {
		mk_flush(m);
		mk_push(m, DC_PIECE_SUBTITLE, cmark_node_get_start_line(n) +
		    m->line0 - 1, b->str, strlen(b->str));
	}
	g_string_free(b, TRUE);
	return ok;
}

/* Is text node x, the last of its paragraph, a picture's caption: a
 * short name with no sentence's or clause's mark ("某某电站效果图")? */
static int
mk_md_caption_text(cmark_node *x)
{
	const char	*lit;

	if (x == NULL || cmark_node_get_type(x) != CMARK_NODE_TEXT ||
	    cmark_node_next(x) != NULL ||
	    (lit = cmark_node_get_literal(x)) == NULL)
		return 0;
	while (*lit == ' ')
		lit++;
	return *lit != '\0' && g_utf8_strlen(lit, -1) <= 24 &&
	    strpbrk(lit, ".,;:!?") == NULL && strstr(lit, "。") == NULL &&
	    strstr(lit, "，") == NULL && strstr(lit, "；") == NULL &&
	    strstr(lit, "：") == NULL && strstr(lit, "！") == NULL &&
	    strstr(lit, "？") == NULL && strstr(lit, "、") == NULL;
}

/* Does paragraph n end in an image? */
static int
mk_md_ends_image(cmark_node *n)
{
	cmark_node	*l;

	return n != NULL && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
	    (l = cmark_node_last_child(n)) != NULL &&
	    cmark_node_get_type(l) == CMARK_NODE_IMAGE;
}

/* Enter (ev CMARK_EVENT_ENTER) or leave a Markdown node; returns 1 to
 * skip the node's children. */
static int
mk_md_node(struct mk *m, cmark_node *n, cmark_event_type ev, int line0)
{
	const char	*lit;
	int		 t;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		mk_flush(m);
		if (ev == CMARK_EVENT_ENTER && (mk_md_nav(m, n, line0) ||
		    mk_md_navbar(m, n, line0) ||
		    (m->line0 = line0, mk_md_subtitle(m, n)))) {
			m->removed++;
			return 1;
		}
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) ==
		    CMARK_NODE_PARAGRAPH && mk_md_prose(n, 0))
			m->prose = 1;
		/* A paragraph of one link: its line an item's (-2). */
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
			if (ev == CMARK_EVENT_ENTER && mk_md_link_para(n)) {
				m->linkpara = 1;
				m->items++;
			} else if (ev == CMARK_EVENT_EXIT && m->linkpara) {
				m->linkpara = 0;
				m->items--;
			}
		}
		if (ev == CMARK_EVENT_ENTER) {
			m->line = cmark_node_get_start_line(n) + line0 - 1;
			m->heading = cmark_node_get_type(n) ==
			    CMARK_NODE_HEADING && !mk_md_setext_prose(n) ?
			    cmark_node_get_heading_level(n) : 0;
			m->removed += m->heading > 0;
			/* A short line under a picture names it: a
			 * caption's (heading -1), no section's heading. */
			if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
			    mk_md_ends_image(cmark_node_previous(n)) &&
			    mk_md_caption_text(cmark_node_first_child(n)))
				m->heading = -1;
		} else {
			/* A heading with no text ("## ") still ends the
			 * part above it: a dropped piece at its level
			 * says where (web.c, web_empty_heads()). */
			if (m->heading > 0 && cmark_node_first_child(n) ==
			    NULL) {
				mk_push(m, DC_PIECE_ID, m->line, "", 0);
				g_array_index(m->out, struct dc_piece,
				    m->out->len - 1).heading = m->heading;
			}
			m->heading = 0;
		}
		return 0;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		t = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
		m->removed += mk_md_literal(m, n, t, line0);
		return 0;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		if (lit != NULL)
			mk_text(m, lit, strlen(lit));
		return 0;
	case CMARK_NODE_SOFTBREAK:
		/* An item's wrapped line ("1. … compatible" over
		 * "   manner") goes on: lines under an item's text are
		 * the item's, as a paragraph's are not always (poems,
		 * a sentence a line). */
		if (m->items > 0 && m->heading == 0 && !m->literal) {
			m->softjoin = 1;
			m->line++;
			return 0;
		}
		/* FALLTHROUGH */
	case CMARK_NODE_LINEBREAK:
		mk_flush(m);
		m->line++;
		return 0;
	case CMARK_NODE_HTML_INLINE:
		lit = cmark_node_get_literal(n);
		if (lit == NULL || (t = mk_md_tag(lit)) == 0) {
			if (lit != NULL)
				mk_text(m, lit, strlen(lit));
			return 0;
		}
		m->removed++;
		if (t == 2)
			mk_flush(m);
		return 0;
	case CMARK_NODE_IMAGE:
		/* An image's text (its alt, as a page's figure shows
		 * it) is a line of its own, a caption (heading -1): no
		 * title, no paragraph's words. */
		if (ev == CMARK_EVENT_ENTER && m->heading == 0 &&
		    cmark_node_first_child(n) != NULL) {
			mk_flush(m);
			m->heading = -1;
		} else if (ev == CMARK_EVENT_EXIT && m->heading < 0) {
			mk_flush(m);
			m->heading = 0;
		}
		/* Or the short name right after it, closing its line
		 * ("![](…)某某效果图"). */
		if (ev == CMARK_EVENT_EXIT && m->heading == 0 &&
		    mk_md_caption_text(cmark_node_next(n))) {
			mk_flush(m);
			m->heading = -1;
		}
		if (ev == CMARK_EVENT_ENTER)
			return mk_md_link(m, n);
		return 0;
	case CMARK_NODE_LINK:
		if (ev == CMARK_EVENT_ENTER)
			return mk_md_link(m, n);
		return 0;
	case CMARK_NODE_ITEM:
		/* A list's items are blocks of their own. */
		if (ev == CMARK_EVENT_EXIT) {
			mk_para(m);
			m->items--;
		} else
			m->items++;
		m->removed += ev == CMARK_EVENT_ENTER;
		return 0;
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
		m->removed += ev == CMARK_EVENT_ENTER;
		return 0;
	case CMARK_NODE_NONE:
	case CMARK_NODE_DOCUMENT:
	case CMARK_NODE_CUSTOM_BLOCK:
	case CMARK_NODE_CUSTOM_INLINE:
		return 0;
	}
	return 0;
}

/*
 * Strong emphasis that CommonMark leaves as written, as it does beside
 * Chinese punctuation ("**“引语”**报告说"): the "**" of a line go
 * where they pair up.  Returns how many went.
 */
static size_t
mk_md_strong(struct dc_piece *p)
{
	char	*r, *w;
	size_t	 n = 0;

	if (p->kind != DC_PIECE_TEXT)
		return 0;
	for (r = p->text; (r = strstr(r, "**")) != NULL; r += 2)
		n++;
	if (n == 0 || n % 2 != 0)
		return 0;
	for (r = w = p->text; *r != '\0'; )
		if (r[0] == '*' && r[1] == '*')
			r += 2;
		else
			*w++ = *r++;
	*w = '\0';
	return n;
}

/*
 * Read Markdown of len bytes whose first line is input line line0;
 * its pieces go to out (a paragraph's lines stay lines: the line
 * structure is decided after).  Returns the number of marks, tags and
 * addresses taken out.
 */
size_t
dc_markup_md(const char *s, size_t len, int line0, GArray *out)
{
	struct mk	 m;
	cmark_node	*doc, *n, *skip = NULL;
	cmark_iter	*it;
	cmark_event_type ev;
	size_t		 from;

	memset(&m, 0, sizeof(m));
	m.out = out;
	m.cur = g_string_new(NULL);
	m.line = line0;
	from = out->len;
	doc = cmark_parse_document(s, len, CMARK_OPT_DEFAULT);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (skip != NULL) {
			if (n == skip && ev == CMARK_EVENT_EXIT)
				skip = NULL;
			continue;
		}
		if (mk_md_node(&m, n, ev, line0) && ev == CMARK_EVENT_ENTER &&
		    cmark_node_first_child(n) != NULL)
			skip = n;
	}
	mk_flush(&m);
	cmark_iter_free(it);
	cmark_node_free(doc);
	g_string_free(m.cur, TRUE);
	for (; from < out->len; from++)
		m.removed += mk_md_strong(&g_array_index(out, struct dc_piece,
		    from));
	return m.removed;
}

/* ---- Records: JSON Lines and CSV ---- */

/* Keys whose value is a record's text. */
static const char *const mk_text_keys[] = {
	"text", "content", "contents", "body", "article", "maintext",
	"passage", "document", "paragraphs", "fulltext", "full_text", NULL
};

/* Does a field's value hold HTML: block elements, opened and closed? */
static int
mk_html_value(const char *v)
{
	return g_regex_match_simple("<(p|div|br|table|span|h[1-6])\\b[^<>]*>",
	    v, G_REGEX_CASELESS, 0) && g_regex_match_simple(
	    "</(p|div|table|span|h[1-6])>", v, G_REGEX_CASELESS, 0);
}

/* Is a field's value a date and little else? */
static int
mk_is_date(const char *v)
{
	char	*iso = NULL, *date = NULL, *place = NULL;
	int	 r;

	if (strlen(v) > 40 || !dc_parse_date(v, &iso, &date, &place))
		return 0;
	r = strlen(date) * 2 >= strlen(v);
	g_free(iso);
	g_free(date);
	g_free(place);
	return r;
}

/* Is a field's value a number alone (a row's key, a count)?  Such a
 * field is an id, never the record's title or text. */
static int
mk_is_number(const char *v)
{
	return *v != '\0' && strspn(v, "0123456789") == strlen(v);
}

/* A record's text: its lines, a paragraph at each blank line. */
static void
mk_record_text(struct mk *m, const char *v)
{
	const char	*p, *e;

	/* A text field that holds HTML (a crawler's copy of the page's
	 * article) is read as HTML: its blocks are the paragraphs. */
	if (mk_html_value(v)) {
		mk_para(m);
		m->removed += dc_markup_html(v, strlen(v), m->line, 1,
		    m->out);
		return;
	}

	for (p = v; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		if (e == p || strspn(p, " \t\r") == (size_t)(e - p))
			mk_para(m);
		else {
			g_string_append_len(m->cur, p, e - p);
			m->cur_line = m->line;
			mk_flush(m);
		}
	}
	mk_para(m);
}

/* Are a and b the same text but for white space? */
static int
mk_same_text(const char *a, const char *b)
{
	char	*sa = pg_squeeze(a), *sb = pg_squeeze(b);
	int	 r = strcmp(sa, sb) == 0;

	g_free(sa);
	g_free(sb);
	return r;
}

/*
 * One field of a record, named by key (NULL: a CSV field without a
 * header, known by its value).  A title that the text repeats as its
 * first line is left to the text.  Returns 1 if the field was text.
 */
static int
mk_record_field(struct mk *m, const char *key, const char *v,
    const char *text)
{
	int	 k = key != NULL ? mk_field(key) : -1;
	size_t	 n = strlen(v);

	if (key == NULL && mk_is_number(v))
		k = DC_PIECE_ID;
	else if (key == NULL && mk_is_date(v))
		k = DC_PIECE_DATE;
	else if (key == NULL && strchr(v, ' ') == NULL &&
	    (g_str_has_prefix(v, "http://") || g_str_has_prefix(v, "https://")))
		k = DC_PIECE_URL;
	if (k == DC_PIECE_TITLE || (key == NULL && v == text))
		k = -1;
	/* Another field of HTML beside the text (the page it came
	 * from) is no text of it. */
	if (key != NULL && k < 0 && text != NULL && v != text &&
	    !mk_in(mk_text_keys, key) && mk_html_value(v)) {
		m->removed++;
		return 0;
	}
	/* The text again under another name ("content_text" beside
	 * "content"), as crawlers keep both. */
	if (k < 0 && text != NULL && v != text && n > 100 &&
	    mk_same_text(v, text)) {
		m->removed++;
		return 0;
	}
	if ((key != NULL && mk_in(mk_text_keys, key)) || v == text ||
	    (k < 0 && n > 100)) {
		mk_record_text(m, v);
		return 1;
	}
	if (k >= 0)
		mk_field_piece(m, k, v, m->line);
	else
		m->removed++;
	return 0;
}

/* A record's title first (unless its text opens with it), then its
 * fields in order. */
static void
mk_record(struct mk *m, char **keys, char **vals, size_t n)
{
	const char	*title = NULL, *text = NULL;
	size_t		 i, best = 0;

	for (i = 0; i < n; i++) {
		if (keys != NULL && mk_field(keys[i]) == DC_PIECE_TITLE &&
		    title == NULL)
			title = vals[i];
		if (strlen(vals[i]) > best && (keys == NULL ||
		    mk_in(mk_text_keys, keys[i]))) {
			best = strlen(vals[i]);
			text = vals[i];
		}
	}
	/* Without names: the first short field before the text. */
	for (i = 0; keys == NULL && i < n && vals[i] != text; i++)
		if (*vals[i] != '\0' && strlen(vals[i]) <= 300 &&
		    !mk_is_date(vals[i]) && !mk_is_number(vals[i]) &&
		    strstr(vals[i], "://") == NULL) {
			title = vals[i];
			break;
		}
	mk_para(m);
	if (title != NULL && (text == NULL || !g_str_has_prefix(text, title) ||
	    (text[strlen(title)] != '\n' && text[strlen(title)] != '\0'))) {
		mk_push(m, DC_PIECE_TITLE, m->line, title, strlen(title));
		m->removed++;
	}
	for (i = 0; i < n; i++)
		if (vals[i] != title)
			mk_record_field(m, keys != NULL ? keys[i] : NULL,
			    vals[i], text);
}

static int	mk_json_strings(JsonArray *);
static void	mk_json_record(struct mk *, JsonObject *);

/* One JSON object of a line as a record; 0 if it is none. */
static int
mk_json_line(struct mk *m, JsonParser *jp, const char *s, size_t len)
{
	JsonNode	*root;
	JsonObject	*o;
	GList		*mem, *l;
	GPtrArray	*k, *v;
	JsonNode	*x;

	if (!json_parser_load_from_data(jp, s, (gssize)len, NULL) ||
	    (root = json_parser_get_root(jp)) == NULL ||
	    !JSON_NODE_HOLDS_OBJECT(root))
		return 0;
	o = json_node_get_object(root);
	mem = json_object_get_members(o);
	/* A text given as a list of strings: the record's reader. */
	for (l = mem; l != NULL; l = l->next) {
		x = json_object_get_member(o, l->data);
		if (JSON_NODE_HOLDS_ARRAY(x) && mk_in(mk_text_keys, l->data) &&
		    mk_json_strings(json_node_get_array(x))) {
			g_list_free(mem);
			mk_json_record(m, o);
			return 1;
		}
	}
	k = g_ptr_array_new();
	v = g_ptr_array_new();
	for (l = mem; l != NULL; l = l->next) {
		x = json_object_get_member(o, l->data);
		if (JSON_NODE_HOLDS_VALUE(x) &&
		    json_node_get_value_type(x) == G_TYPE_STRING) {
			g_ptr_array_add(k, l->data);
			g_ptr_array_add(v, (char *)json_node_get_string(x));
		} else
			m->removed++;
	}
	mk_record(m, (char **)k->pdata, (char **)v->pdata, k->len);
	g_list_free(mem);
	g_ptr_array_free(k, TRUE);
	g_ptr_array_free(v, TRUE);
	return 1;
}

/*
 * Read a dump of one JSON object a line ({"id":…, "url":…, "title":…,
 * "text":…}) whose first line is input line line0.  Returns the
 * number of fields taken out.
 */
size_t
dc_markup_jsonl(const char *s, size_t len, int line0, GArray *out)
{
	struct mk	 m;
	JsonParser	*jp = json_parser_new_immutable();
	const char	*e, *end = s + len;

	memset(&m, 0, sizeof(m));
	m.out = out;
	m.cur = g_string_new(NULL);
	for (m.line = line0; s < end; s = e + 1, m.line++) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		if (e > s && !mk_json_line(&m, jp, s, (size_t)(e - s)))
			mk_text(&m, s, (size_t)(e - s));
	}
	mk_para(&m);
	g_object_unref(jp);
	g_string_free(m.cur, TRUE);
	return m.removed;
}

/* Is an array a text's paragraphs: strings only, one at least? */
static int
mk_json_strings(JsonArray *a)
{
	guint	 i, n = json_array_get_length(a);
	JsonNode *x;

	for (i = 0; i < n; i++) {
		x = json_array_get_element(a, i);
		if (!JSON_NODE_HOLDS_VALUE(x) ||
		    json_node_get_value_type(x) != G_TYPE_STRING)
			return 0;
	}
	return n > 0;
}

/* Is object o a record: a text field holding a string or a list of
 * paragraphs? */
static int
mk_json_is_record(JsonObject *o)
{
	GList	*mem, *l;
	JsonNode *x;
	int	 r = 0;

	mem = json_object_get_members(o);
	for (l = mem; l != NULL && !r; l = l->next) {
		if (!mk_in(mk_text_keys, l->data))
			continue;
		x = json_object_get_member(o, l->data);
		r = (JSON_NODE_HOLDS_VALUE(x) &&
		    json_node_get_value_type(x) == G_TYPE_STRING) ||
		    (JSON_NODE_HOLDS_ARRAY(x) &&
		    mk_json_strings(json_node_get_array(x)));
	}
	g_list_free(mem);
	return r;
}

/*
 * Is array a one text cut into its sentences (a corpus's segmented
 * abstract: "为提高…效率。", "基于…STAF。", …), not its paragraphs:
 * two pieces or more, each one sentence (one stop, at its end), thirty
 * characters long or less on the average?
 */
static int
mk_json_sentences(JsonArray *a)
{
	guint		 i, n = json_array_get_length(a);
	glong		 chars = 0;
	const char	*t, *p, *last;

	for (i = 0; i < n; i++) {
		t = json_array_get_string_element(a, i);
		if (t == NULL || *t == '\0')
			return 0;
		last = g_utf8_prev_char(t + strlen(t));
		for (p = t; p < last; p = g_utf8_next_char(p))
			if (g_utf8_strchr("。！？", -1, g_utf8_get_char(p)) !=
			    NULL)
				return 0;
		if (g_utf8_strchr("。！？.!?", -1, g_utf8_get_char(last)) ==
		    NULL)
			return 0;
		chars += g_utf8_strlen(t, -1);
	}
	return n >= 2 && chars <= 30 * (glong)n;
}

/* Object o as a record: its strings are fields, a text field's list
 * of strings its paragraphs; numbers, lists and objects go. */
static void
mk_json_record(struct mk *m, JsonObject *o)
{
	GList		*mem, *l;
	GPtrArray	*k, *v, *own;
	JsonNode	*x;
	JsonArray	*a;
	GString		*b;
	const char	*t, *sep;
	guint		 i;

	k = g_ptr_array_new();
	v = g_ptr_array_new();
	own = g_ptr_array_new_with_free_func(g_free);
	mem = json_object_get_members(o);
	for (l = mem; l != NULL; l = l->next) {
		x = json_object_get_member(o, l->data);
		if (JSON_NODE_HOLDS_VALUE(x) &&
		    json_node_get_value_type(x) == G_TYPE_STRING) {
			t = json_node_get_string(x);
			if (*t == '\0')
				continue;
			g_ptr_array_add(k, l->data);
			g_ptr_array_add(v, (char *)t);
		} else if (JSON_NODE_HOLDS_ARRAY(x) &&
		    mk_in(mk_text_keys, l->data) &&
		    mk_json_strings(a = json_node_get_array(x))) {
			/* Paragraphs apart, a text's sentences run on. */
			sep = mk_json_sentences(a) ? "" : "\n\n";
			b = g_string_new(NULL);
			for (i = 0; i < json_array_get_length(a); i++) {
				t = json_array_get_string_element(a, i);
				g_string_append_printf(b, "%s%s", i == 0 ? "" :
				    *sep != '\0' || (guchar)*t >= 0x80 ? sep :
				    " ", t);
			}
			g_ptr_array_add(k, l->data);
			g_ptr_array_add(v, b->str);
			g_ptr_array_add(own, g_string_free(b, FALSE));
		} else
			m->removed++;
	}
	mk_record(m, (char **)k->pdata, (char **)v->pdata, k->len);
	g_list_free(mem);
	g_ptr_array_free(k, TRUE);
	g_ptr_array_free(v, TRUE);
	g_ptr_array_free(own, TRUE);
}

/* The records below node x, in order; returns how many. */
static size_t
mk_json_walk(struct mk *m, JsonNode *x)
{
	JsonObject	*o;
	JsonArray	*a;
	GList		*mem, *l;
	size_t		 r = 0;
	guint		 i;

	if (JSON_NODE_HOLDS_OBJECT(x)) {
		o = json_node_get_object(x);
		if (mk_json_is_record(o)) {
			mk_json_record(m, o);
			return 1;
		}
		mem = json_object_get_members(o);
		for (l = mem; l != NULL; l = l->next)
			r += mk_json_walk(m, json_object_get_member(o,
			    l->data));
		g_list_free(mem);
	} else if (JSON_NODE_HOLDS_ARRAY(x)) {
		a = json_node_get_array(x);
		for (i = 0; i < json_array_get_length(a); i++)
			r += mk_json_walk(m, json_array_get_element(a, i));
	}
	return r;
}

/* ---- JSON documents of any vocabulary ---- */

/* Does a key name its record: its title, name or number ("法規名稱",
 * "裁定字號", "docTitle")?  The nouns of naming, in both scripts. */
static int
mk_json_name_key(const char *k)
{
	static const char *const tail[] = {
		"名稱", "名称", "標題", "标题", "題名", "题名", "題目", "题目",
		"字號", "字号", "篇名", NULL
	};
	const char *const *t;
	size_t	 n = strlen(k), l;

	for (t = tail; *t != NULL; t++)
		if (n >= (l = strlen(*t)) && strcmp(k + n - l, *t) == 0)
			return 1;
	return g_ascii_strcasecmp(k, "name") == 0 ||
	    strstr(k, "title") != NULL || strstr(k, "Title") != NULL;
}

/* Does a key name a date ("裁定日期", "最新異動日期", "pubDate")? */
static int
mk_json_date_key(const char *k)
{
	return strstr(k, "日期") != NULL || strstr(k, "时间") != NULL ||
	    strstr(k, "時間") != NULL || strstr(k, "date") != NULL ||
	    strstr(k, "Date") != NULL;
}

/* A date of a dated key's value as ISO ("2001-06-13", also from the
 * packed "20010613"), or NULL (g_free()). */
static char *
mk_json_date(const char *v)
{
	char	*iso = NULL, *date = NULL, *place = NULL;
	int	 y, mo, d;

	if (strlen(v) == 8 && mk_is_number(v) &&
	    sscanf(v, "%4d%2d%2d", &y, &mo, &d) == 3 && y > 1000 &&
	    mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
		return g_strdup_printf("%04d-%02d-%02d", y, mo, d);
	if (!mk_is_date(v) || !dc_parse_date(v, &iso, &date, &place))
		return NULL;
	g_free(date);
	g_free(place);
	return iso;
}

/* Is a string prose (a sentence, or more than a label's length)
 * rather than a field's value ("命令", "江淮茵", "第 3 條")? */
static int
mk_json_prose(const char *v)
{
	return g_utf8_strlen(v, -1) > 30 || strstr(v, "。") != NULL ||
	    strstr(v, "；") != NULL || strstr(v, "！") != NULL ||
	    strstr(v, "？") != NULL;
}

/* Does a value hold a numbered list: two lines or more that open with
 * a number and its mark ("1.", "2、")?  Its lines are items, whatever
 * their end (a law's history of amendments: "3.…修正通過"). */
static int
mk_json_numbered(const char *v)
{
	const char	*p;
	size_t		 d;
	int		 n = 0;

	for (p = v; *p != '\0'; p += strcspn(p, "\n"), p += *p == '\n') {
		p += strspn(p, " \t");
		d = strspn(p, "0123456789");
		if (d > 0 && d < 4 && (p[d] == '.' ||
		    strncmp(p + d, "、", 3) == 0 ||
		    strncmp(p + d, "．", 3) == 0))
			n++;
	}
	return n >= 2;
}

/* A numbered list's items on a line each: a line that opens with no
 * number goes on the item before it (a hard wrap, "  通過").
 * Returns a copy (g_free()). */
static char *
mk_json_unwrap_items(const char *v)
{
	GString		*b = g_string_new(NULL);
	const char	*p, *e;
	size_t		 d;

	for (p = v; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		d = strspn(p, " \t\r");
		if (b->len > 0 && strspn(p + d, "0123456789") == 0 && p + d < e) {
			while (b->len > 0 && (b->str[b->len - 1] == '\r' ||
			    b->str[b->len - 1] == '\n'))
				g_string_truncate(b, b->len - 1);
			p += d;
		}
		g_string_append_len(b, p, e - p);
		if (*e == '\n')
			g_string_append_c(b, '\n');
	}
	return g_string_free(b, FALSE);
}

struct mk_any {
	int	 title;		/* a title was found */
	int	 date;		/* a date was found */
	size_t	 text;		/* paragraphs of text */
	GPtrArray *fields;	/* "key: value" of the short fields */
};

static void	mk_json_any(struct mk *, JsonNode *, const char *,
		    struct mk_any *);

/* One member of an array of objects (a law's articles, a chapter's
 * heading between them): a value alone that is no prose is a heading
 * ({"編章節": "第 一 章 總則"}); a label and its prose are one
 * paragraph ({"條號": "第 1 條", "條文內容": "…"}). */
static void
mk_json_item(struct mk *m, JsonObject *o, struct mk_any *a)
{
	GList		*mem, *l;
	GPtrArray	*label, *prose;
	JsonNode	*x;
	const char	*t;
	guint		 i;

	label = g_ptr_array_new();
	prose = g_ptr_array_new();
	mem = json_object_get_members(o);
	for (l = mem; l != NULL; l = l->next) {
		x = json_object_get_member(o, l->data);
		m->removed++;
		if (!JSON_NODE_HOLDS_VALUE(x) ||
		    json_node_get_value_type(x) != G_TYPE_STRING) {
			mk_json_any(m, x, l->data, a);
			continue;
		}
		t = json_node_get_string(x);
		if (*t == '\0' || mk_is_number(t) || mk_is_url(t))
			continue;
		g_ptr_array_add(mk_json_prose(t) ? prose : label, (char *)t);
	}
	g_list_free(mem);
	mk_para(m);
	if (prose->len == 0 && label->len == 1) {
		m->heading = 2;
		mk_text(m, g_ptr_array_index(label, 0),
		    strlen(g_ptr_array_index(label, 0)));
		mk_flush(m);
		m->heading = 0;
		mk_para(m);
	} else {
		for (i = 0; i < label->len; i++) {
			g_string_append(m->cur, g_ptr_array_index(label, i));
			g_string_append_c(m->cur, ' ');
		}
		if (m->cur->len > 0 && prose->len == 0)
			mk_para(m);
		for (i = 0; i < prose->len; i++) {
			m->cur_line = m->line;
			mk_record_text(m, g_ptr_array_index(prose, i));
			a->text++;
		}
	}
	g_ptr_array_free(label, TRUE);
	g_ptr_array_free(prose, TRUE);
}

/*
 * The record a JSON document of any vocabulary is (a law, a court's
 * ruling, with keys in the writer's language): a value is known by its
 * shape and its key's kind, not by one key's spelling.  An address and
 * a number are fields; the first value of a naming key is the title,
 * the first date of a dated key the date; prose is the text, a list of
 * strings its paragraphs, a list of objects its items; a short value
 * ("命令", a party's name) is a field, and goes.
 */
static void
mk_json_any(struct mk *m, JsonNode *x, const char *key, struct mk_any *a)
{
	JsonObject	*o;
	JsonArray	*arr;
	JsonNode	*e;
	GList		*mem, *l;
	const char	*t;
	char		*d;
	guint		 i, n;

	if (JSON_NODE_HOLDS_OBJECT(x)) {
		o = json_node_get_object(x);
		mem = json_object_get_members(o);
		for (l = mem; l != NULL; l = l->next) {
			m->removed++;
			mk_json_any(m, json_object_get_member(o, l->data),
			    l->data, a);
		}
		g_list_free(mem);
		return;
	}
	if (JSON_NODE_HOLDS_ARRAY(x)) {
		arr = json_node_get_array(x);
		n = json_array_get_length(arr);
		for (i = 0; i < n; i++) {
			e = json_array_get_element(arr, i);
			if (JSON_NODE_HOLDS_OBJECT(e))
				mk_json_item(m, json_node_get_object(e), a);
			else if (JSON_NODE_HOLDS_VALUE(e) &&
			    json_node_get_value_type(e) == G_TYPE_STRING &&
			    *(t = json_node_get_string(e)) != '\0') {
				mk_para(m);
				m->cur_line = m->line;
				mk_record_text(m, t);
				a->text++;
			} else
				m->removed++;
		}
		return;
	}
	if (!JSON_NODE_HOLDS_VALUE(x) ||
	    json_node_get_value_type(x) != G_TYPE_STRING) {
		m->removed++;
		return;
	}
	t = json_node_get_string(x);
	if (*t == '\0')
		return;
	if (mk_is_url(t))
		mk_field_piece(m, DC_PIECE_URL, t, m->line);
	else if (mk_is_number(t) && !mk_json_date_key(key))
		mk_field_piece(m, DC_PIECE_ID, t, m->line);
	else if (!a->title && mk_json_name_key(key) && strlen(t) <= 300 &&
	    strchr(t, '\n') == NULL) {
		mk_para(m);
		mk_push(m, DC_PIECE_TITLE, m->line, t, strlen(t));
		m->removed++;
		a->title = 1;
	} else if (mk_json_date_key(key) && (d = mk_json_date(t)) != NULL) {
		if (!a->date)
			mk_push(m, DC_PIECE_DATE, m->line, d, strlen(d));
		m->removed++;
		a->date = 1;
		g_free(d);
	} else if (mk_json_prose(t)) {
		mk_para(m);
		m->cur_line = m->line;
		if (mk_json_numbered(t)) {
			char *j = mk_json_unwrap_items(t);

			m->items++;
			mk_record_text(m, j);
			m->items--;
			g_free(j);
		} else
			mk_record_text(m, t);
		a->text++;
	} else {
		/* A field's value: kept, verbatim with its key, as
		 * the record's front matter (a key that is a number is
		 * an id, and goes). */
		g_ptr_array_add(a->fields, mk_is_number(key) || *key == '\0' ?
		    g_strdup(t) : g_strdup_printf("%s: %s", key, t));
		m->removed++;
	}
}

/* The short fields of a record as front matter over its text: lines
 * "---", "key: value"…, "---" at the head of the pieces. */
static void
mk_json_fields(struct mk *m, GPtrArray *fields, int line)
{
	GArray		*head;
	struct dc_piece	 p;
	guint		 i;

	if (fields->len == 0)
		return;
	head = g_array_new(FALSE, FALSE, sizeof(struct dc_piece));
	memset(&p, 0, sizeof(p));
	p.kind = DC_PIECE_TEXT;
	p.line = line;
	p.text = g_strdup("---");
	g_array_append_val(head, p);
	for (i = 0; i < fields->len; i++) {
		p.text = g_strdup(g_ptr_array_index(fields, i));
		g_array_append_val(head, p);
	}
	p.text = g_strdup("---");
	g_array_append_val(head, p);
	p.kind = DC_PIECE_PARA;
	p.text = NULL;
	g_array_append_val(head, p);
	g_array_prepend_vals(m->out, head->data, head->len);
	g_array_free(head, TRUE);
}

/*
 * Read one JSON document (a crawler's day: {"date":…, "articles":
 * [{"title":…, "content":[…]}]}) whose first line is input line line0:
 * each object with a text field is a record, wherever it stands; the
 * objects around them are the dump's own.  A document that does not
 * parse, or holds no record, is read as JSON Lines.  Returns the
 * number of fields taken out.
 */
size_t
dc_markup_json(const char *s, size_t len, int line0, GArray *out)
{
	struct mk	 m;
	JsonParser	*jp = json_parser_new_immutable();
	JsonNode	*root = NULL;
	size_t		 n = 0;

	memset(&m, 0, sizeof(m));
	m.out = out;
	m.cur = g_string_new(NULL);
	m.line = line0;
	if (json_parser_load_from_data(jp, s, (gssize)len, NULL) &&
	    (root = json_parser_get_root(jp)) != NULL)
		n = mk_json_walk(&m, root);
	/* No record of the known vocabularies: one document of its own
	 * keys (a law, a ruling), read by its values' shapes. */
	if (n == 0 && root != NULL && JSON_NODE_HOLDS_OBJECT(root)) {
		struct mk_any	 a;

		memset(&a, 0, sizeof(a));
		a.fields = g_ptr_array_new_with_free_func(g_free);
		g_array_set_size(out, 0);
		m.removed = 0;
		mk_json_any(&m, root, "", &a);
		if ((n = a.text) > 0)
			mk_json_fields(&m, a.fields, line0);
		g_ptr_array_free(a.fields, TRUE);
	}
	mk_para(&m);
	g_object_unref(jp);
	g_string_free(m.cur, TRUE);
	if (n == 0) {
		g_array_set_size(out, 0);
		return dc_markup_jsonl(s, len, line0, out);
	}
	return m.removed;
}

/* One CSV field at *sp (RFC 4180: quoted with "" inside, or bare);
 * *sp moves past it and its comma.  Returns the field (g_free()), or
 * NULL at the end of a record (*sp past its line end). */
static char *
mk_csv_field(const char **sp, const char *end, int *line)
{
	const char	*s = *sp;
	GString		*b;

	if (s >= end || *s == '\n' || *s == '\r')
		return NULL;
	b = g_string_new(NULL);
	if (*s == '"') {
		for (s++; s < end; s++) {
			if (*s == '"' && s + 1 < end && s[1] == '"')
				s++;
			else if (*s == '"') {
				s++;
				break;
			}
			*line += *s == '\n';
			g_string_append_c(b, *s);
		}
	}
	for (; s < end && *s != ',' && *s != '\n'; s++)
		g_string_append_c(b, *s);
	if (s < end && *s == ',' && (s + 1 == end || s[1] == '\n'))
		s++;	/* a last, empty field: the record ends here */
	else if (s < end && *s == ',')
		s++;
	*sp = s;
	return g_string_free(b, FALSE);
}

/*
 * Read CSV records (title,date,"text…" and the like, with or without a
 * header row naming the fields) whose first line is input line line0.
 * Returns the number of fields taken out.
 */
size_t
dc_markup_csv(const char *s, size_t len, int line0, GArray *out)
{
	struct mk	 m;
	const char	*end = s + len;
	GPtrArray	*rec, *head = NULL;
	char		*f;
	int		 line = line0, named;
	size_t		 i;

	memset(&m, 0, sizeof(m));
	m.out = out;
	m.cur = g_string_new(NULL);
	while (s < end) {
		m.line = line;
		rec = g_ptr_array_new_with_free_func(g_free);
		/* White space around a field is the line's, not its
		 * ("content  " a name still). */
		while ((f = mk_csv_field(&s, end, &line)) != NULL)
			g_ptr_array_add(rec, g_strstrip(f));
		s += s < end;
		line++;
		/* A header row: every field a short name of a field. */
		for (i = 0, named = head == NULL && rec->len > 1; named &&
		    i < rec->len; i++)
			named = mk_field(rec->pdata[i]) >= 0 ||
			    mk_in(mk_text_keys, rec->pdata[i]);
		if (named) {
			head = rec;
			m.removed += rec->len;
			continue;
		}
		if (rec->len > 0)
			mk_record(&m, head != NULL && head->len == rec->len ?
			    (char **)head->pdata : NULL, (char **)rec->pdata,
			    rec->len);
		g_ptr_array_free(rec, TRUE);
	}
	if (head != NULL)
		g_ptr_array_free(head, TRUE);
	mk_para(&m);
	g_string_free(m.cur, TRUE);
	return m.removed;
}

/* ---- SQL dumps: INSERT statements, a record a row ---- */

/* Skip white space and comments (from "--" to the line's end, or
 * between slash-star and star-slash) at s, counting lines. */
static const char *
mk_sql_space(const char *s, const char *end, int *line)
{
	for (;;) {
		while (s < end && g_ascii_isspace(*s))
			*line += *s++ == '\n';
		if (s + 1 < end && s[0] == '-' && s[1] == '-')
			while (s < end && *s != '\n')
				s++;
		else if (s + 1 < end && s[0] == '/' && s[1] == '*') {
			for (s += 2; s + 1 < end && !(s[0] == '*' &&
			    s[1] == '/'); s++)
				*line += *s == '\n';
			s = s + 1 < end ? s + 2 : end;
		} else
			return s;
	}
}

/* One value or name of a statement at *sp: a quoted string ('…' with
 * '' and backslash escapes, `…` or "…"), else a bare word or number up
 * to a comma or bracket; NULL is "".  Returns it (g_free()). */
static char *
mk_sql_value(const char **sp, const char *end, int *line)
{
	const char	*s = *sp, *b;
	GString		*v = g_string_new(NULL);
	char		 q;

	if (s < end && (*s == '\'' || *s == '`' || *s == '"')) {
		for (q = *s++; s < end; s++) {
			if (*s == q && s + 1 < end && s[1] == q)
				s++;
			else if (*s == q) {
				s++;
				break;
			} else if (*s == '\\' && q == '\'' && s + 1 < end) {
				s++;
				if (*s == 'n')
					g_string_append_c(v, '\n');
				else if (*s == 't')
					g_string_append_c(v, '\t');
				else if (*s != 'r')
					g_string_append_c(v, *s);
				continue;
			}
			*line += *s == '\n';
			g_string_append_c(v, *s);
		}
	} else {
		for (b = s; s < end && *s != ',' && *s != ')' && *s != '(' &&
		    *s != ';' && !g_ascii_isspace(*s); s++)
			;
		if (!(s - b == 4 && g_ascii_strncasecmp(b, "null", 4) == 0))
			g_string_append_len(v, b, s - b);
	}
	*sp = s;
	return g_string_free(v, FALSE);
}

/* A bracketed list at *sp, "(a, 'b', …)", into a (NULL if no list). */
static int
mk_sql_list(const char **sp, const char *end, int *line, GPtrArray *a)
{
	const char	*s = mk_sql_space(*sp, end, line);

	if (s >= end || *s != '(')
		return 0;
	for (s++;;) {
		s = mk_sql_space(s, end, line);
		if (s >= end)
			break;
		if (*s == ')') {
			s++;
			break;
		}
		g_ptr_array_add(a, mk_sql_value(&s, end, line));
		s = mk_sql_space(s, end, line);
		if (s < end && *s == ',')
			s++;
		else if (s < end && *s != ')')
			s++;	/* not SQL: step on */
	}
	*sp = s;
	return 1;
}

/* Past the statement at s: its ';' outside quotes, or the end. */
static const char *
mk_sql_skip(const char *s, const char *end, int *line)
{
	char	*v;

	while (s < end && *s != ';') {
		if (*s == '\'' || *s == '"' || *s == '`') {
			v = mk_sql_value(&s, end, line);
			g_free(v);
		} else
			*line += *s++ == '\n';
	}
	return s < end ? s + 1 : end;
}

/*
 * Read an SQL dump's INSERT statements ("INSERT INTO t (title, content,
 * …) VALUES ('…', '…'), (…);"), each row a record of the named fields,
 * whose first line is input line line0; other statements are markup.
 * Returns the number of fields and statements taken out.
 */
size_t
dc_markup_sql(const char *s, size_t len, int line0, GArray *out)
{
	struct mk	 m;
	const char	*end = s + len;
	GPtrArray	*cols, *row;
	int		 line = line0;

	memset(&m, 0, sizeof(m));
	m.out = out;
	m.cur = g_string_new(NULL);
	while ((s = mk_sql_space(s, end, &line)) < end) {
		m.removed++;
		if (end - s < 11 || g_ascii_strncasecmp(s, "INSERT INTO",
		    11) != 0) {
			s = mk_sql_skip(s, end, &line);
			continue;
		}
		/* The table's name, then the columns' if named. */
		s = mk_sql_space(s + 11, end, &line);
		g_free(mk_sql_value(&s, end, &line));
		cols = g_ptr_array_new_with_free_func(g_free);
		mk_sql_list(&s, end, &line, cols);
		m.removed += cols->len;
		s = mk_sql_space(s, end, &line);
		if (end - s >= 6 && g_ascii_strncasecmp(s, "VALUES", 6) == 0)
			s += 6;
		for (;;) {
			row = g_ptr_array_new_with_free_func(g_free);
			m.line = line;
			if (!mk_sql_list(&s, end, &line, row)) {
				g_ptr_array_free(row, TRUE);
				break;
			}
			if (row->len > 0)
				mk_record(&m, cols->len == row->len ?
				    (char **)cols->pdata : NULL,
				    (char **)row->pdata, row->len);
			g_ptr_array_free(row, TRUE);
			s = mk_sql_space(s, end, &line);
			if (s < end && *s == ',')
				s++;
		}
		g_ptr_array_free(cols, TRUE);
		s = mk_sql_skip(s, end, &line);
	}
	mk_para(&m);
	g_string_free(m.cur, TRUE);
	return m.removed;
}

/* ---- Vertical corpora: a token a line ---- */

/* A vertical sentence's tokens so far, as "form/TAG" (a tag of "_" is
 * none), and its id. */
struct mk_vert {
	GString		*line;
	char		*id;
	int		 first;		/* input line of its first token */
};

static void
mk_vert_end(struct mk *m, struct mk_vert *v)
{
	if (v->line->len > 0)
		mk_push(m, DC_PIECE_TEXT, v->first, v->line->str,
		    v->line->len);
	g_string_truncate(v->line, 0);
	g_free(v->id);
	v->id = NULL;
	v->first = 0;
}

/* A comment line: a sentence's id, a new paragraph or document; the
 * rest (its text, transliteration) the tokens say again. */
static void
mk_vert_comment(struct mk *m, struct mk_vert *v, const char *s)
{
	const char	*e;

	s += strspn(s, "# \t");
	if (g_str_has_prefix(s, "newpar") || g_str_has_prefix(s, "newdoc")) {
		mk_vert_end(m, v);
		mk_para(m);
	} else if (g_str_has_prefix(s, "sent_id") &&
	    (e = strchr(s, '=')) != NULL) {
		g_free(v->id);
		v->id = g_strstrip(g_strdup(e + 1));
	}
	m->removed++;
}

/* A token line: CoNLL (an index first: its form and universal tag, or
 * its language's tag) or "form<TAB>TAG". */
static void
mk_vert_token(struct mk *m, struct mk_vert *v, char *s, int line)
{
	/* Its columns apart by tabs, or a token and its tag by a space
	 * ("中 B-ORG"). */
	char	**c = strchr(s, '\t') != NULL ? g_strsplit(s, "\t", 12) :
		    g_regex_split_simple(" +", s, 0, 0);
	size_t	  n = g_strv_length(c);
	char	 *form, *tag = NULL;
	int	  conll = n >= 4 && c[0][strspn(c[0], "0123456789")] == '\0';

	/* A multiword token ("1-2") or an empty node ("8.1") repeats
	 * the words. */
	if (n >= 2 && c[0][0] != '\0' && strspn(c[0], "0123456789-.") ==
	    strlen(c[0]) && !conll && strpbrk(c[0], "-.") != NULL) {
		g_strfreev(c);
		return;
	}
	form = conll ? c[1] : c[0];
	if (conll)
		tag = strcmp(c[3], "_") != 0 ? c[3] : n > 4 ? c[4] : NULL;
	else if (n >= 2)
		tag = c[1];
	if (v->line->len == 0) {
		v->first = line;
		if (v->id != NULL)
			g_string_append_printf(v->line, "%s/id ", v->id);
	} else
		g_string_append_c(v->line, ' ');
	g_string_append(v->line, form);
	if (tag != NULL && g_ascii_isalpha(tag[0]) && strcmp(tag, "_") != 0)
		g_string_append_printf(v->line, "/%s", tag);
	m->removed += n - 1;
	g_strfreev(c);
}

/*
 * Read a vertical corpus (CoNLL-U, or a token and its tag a line, a
 * blank line after each sentence) whose first line is input line
 * line0: each sentence becomes one line of "form/TAG" tokens led by
 * its id, for the segmented reader.  Returns the columns and
 * comments taken out.
 */
size_t
dc_markup_vertical(const char *s, size_t len, int line0, GArray *out)
{
	struct mk	 m;
	struct mk_vert	 v;
	const char	*e, *end = s + len;
	char		*t;
	int		 line;

	memset(&m, 0, sizeof(m));
	memset(&v, 0, sizeof(v));
	m.out = out;
	m.cur = g_string_new(NULL);
	v.line = g_string_new(NULL);
	for (line = line0; s < end; s = e + 1, line++) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		m.line = line;
		t = g_strndup(s, (gsize)(e - s));
		g_strchomp(t);
		if (*t == '\0')
			mk_vert_end(&m, &v);
		else if (*t == '#')
			mk_vert_comment(&m, &v, t);
		else
			mk_vert_token(&m, &v, t, line);
		g_free(t);
	}
	mk_vert_end(&m, &v);
	g_string_free(v.line, TRUE);
	g_string_free(m.cur, TRUE);
	return m.removed;
}
