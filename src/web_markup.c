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
	size_t		 removed;	/* tags, marks and fields taken out */
	int		 prose;		/* a paragraph of prose was read */
	int		 nblocks;	/* paragraphs and headings entered */
	int		 top;		/* the first block was a heading */
};

static void
mk_push(struct mk *m, enum dc_piece_kind k, int line, const char *text,
    size_t len)
{
	struct dc_piece	 p;

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
	"docs", "corpus", "collection", "srcset", "refset", "tstset", NULL
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
static int
mk_enter(struct mk *m, xmlNode *n, int line0)
{
	enum mk_el	 e;
	xmlChar		*v;
	int		 k;

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
	if (e != EL_INLINE && e != EL_CELL && e != EL_SKIP &&
	    !dc_markup_html_name((const char *)n->name,
	    strlen((const char *)n->name)))
		mk_attrs(m, n);
	switch (e) {
	case EL_INLINE:
		return 1;
	case EL_SKIP:
		return 0;
	case EL_CELL:
		g_string_append_c(m->cur, ' ');
		return 1;
	case EL_BREAK:
		mk_break(m, n);
		return 1;
	case EL_BLOCK:
		mk_para(m);
		m->blocks += mk_in(mk_html_block, (const char *)n->name);
		if (n->name[0] == 'h' && n->name[1] >= '1' &&
		    n->name[1] <= '6' && n->name[2] == '\0')
			m->heading = n->name[1] - '0';
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
	return dc_markup_html_name(s, n);
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
		mk_push(m, away ? DC_PIECE_LINKLINE : DC_PIECE_NAV, m->line,
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
			mk_push(m, DC_PIECE_NAV, line, b->str, b->len);
			mk_push(m, DC_PIECE_NAVURL, line, url, strlen(url));
		}
		g_string_free(b, TRUE);
	}
	m->line = line;
	return 1;
}

/*
 * Is paragraph n the deck under the title: the second block, the first
 * a heading, and all of it in bold or italics, ending no sentence
 * ("# Headline" over "**What the story says, in one line**")?  News
 * sites set the standfirst so.  Its text goes to the pieces as a deck.
 */
static int
mk_md_deck(struct mk *m, cmark_node *n, int line0)
{
	cmark_node	*c = cmark_node_first_child(n), *t;
	const char	*lit;
	GString		*b;

	if (m->nblocks != 1 || !m->top || c == NULL ||
	    cmark_node_next(c) != NULL ||
	    (cmark_node_get_type(c) != CMARK_NODE_STRONG &&
	    cmark_node_get_type(c) != CMARK_NODE_EMPH) || mk_md_prose(n, 0))
		return 0;
	b = g_string_new(NULL);
	for (t = cmark_node_first_child(c); t != NULL; t = cmark_node_next(t))
		if (cmark_node_get_type(t) != CMARK_NODE_TEXT ||
		    (lit = cmark_node_get_literal(t)) == NULL) {
			g_string_free(b, TRUE);
			return 0;
		} else
			g_string_append(b, lit);
	if (b->len > 0 && g_utf8_strlen(b->str, -1) <= 160) {
		m->line = cmark_node_get_start_line(n) + line0 - 1;
		mk_push(m, DC_PIECE_DECK, m->line, b->str, b->len);
		g_string_free(b, TRUE);
		return 1;
	}
	g_string_free(b, TRUE);
	return 0;
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
		    mk_md_navbar(m, n, line0))) {
			m->removed++;
			return 1;
		}
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) ==
		    CMARK_NODE_PARAGRAPH && mk_md_deck(m, n, line0)) {
			m->removed++;
			m->nblocks++;
			return 1;
		}
		if (ev == CMARK_EVENT_ENTER) {
			m->top |= m->nblocks == 0 &&
			    cmark_node_get_type(n) == CMARK_NODE_HEADING;
			m->nblocks++;
		}
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) ==
		    CMARK_NODE_PARAGRAPH && mk_md_prose(n, 0))
			m->prose = 1;
		if (ev == CMARK_EVENT_ENTER) {
			m->line = cmark_node_get_start_line(n) + line0 - 1;
			m->heading = cmark_node_get_type(n) ==
			    CMARK_NODE_HEADING && !mk_md_setext_prose(n) ?
			    cmark_node_get_heading_level(n) : 0;
			m->removed += m->heading > 0;
		} else
			m->heading = 0;
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

	if (key == NULL && mk_is_date(v))
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
		    !mk_is_date(vals[i]) &&
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
	k = g_ptr_array_new();
	v = g_ptr_array_new();
	mem = json_object_get_members(o);
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
		while ((f = mk_csv_field(&s, end, &line)) != NULL)
			g_ptr_array_add(rec, f);
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
	char	**c = g_strsplit(s, "\t", 12);
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
