/*
 * The web page backend (--html): one self-contained HTML5 page, its
 * body written by the EPUB backend's XHTML writer (xhtml.h), its head
 * holding the title, a description, Open Graph and schema.org JSON-LD
 * and the style sheets inline (with the subset faces as data: URLs
 * under --embed-fonts).
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "template.h"
#include "woff2.h"
#include "xhtml.h"
#include "xml.h"
#include "output.h"

#define HTML_PAGE	"page.html"	/* the skeleton */
#define HTML_CSS	"page.css"	/* after style.css */

/* Longest description, in characters (search engines show ~160). */
#define HTML_DESC_MAX	150

struct html {
	const struct dc_doc	*doc;
	const struct dc_opts	*opts;
	struct epub		 xh;	/* the shared XHTML writer */
	char			*css;	/* both style sheets, g_malloc'd */
};

/* A metadata field in the main language, else in the other. */
static const char *
html_lfield(const struct html *h, enum dc_lang main, size_t off)
{
	const struct dc_meta	*m = &h->doc->meta;
	const char		*v;
	int			 i;

	v = *(char *const *)((const char *)&m->l[main] + off);
	for (i = 0; v == NULL && i < DC_LANG__MAX; i++)
		v = *(char *const *)((const char *)&m->l[i] + off);
	return v;
}
#define HTML_LFIELD(h, l, f) \
	html_lfield((h), (l), offsetof(struct dc_lmeta, f))

/*
 * The description: the subtitle or occasion, else the opening of the
 * first paragraph, in the main language.  g_malloc'd, or NULL.
 */
static char *
html_description(const struct html *h, enum dc_lang main)
{
	const struct dc_node	*n, *s;
	const char		*v;

	if ((v = HTML_LFIELD(h, main, subtitle)) != NULL ||
	    (v = HTML_LFIELD(h, main, occasion)) != NULL)
		return dc_label_cut(v, strlen(v), main, HTML_DESC_MAX);
	for (n = h->doc->root->child; n != NULL; n = n->next) {
		if (n->type != DC_PARA)
			continue;
		if ((s = dc_node_seg(n, main)) == NULL)
			s = n->child;
		if (s != NULL && s->type == DC_SEG && s->text != NULL)
			return dc_label_cut(s->text, strlen(s->text), s->lang,
			    HTML_DESC_MAX);
	}
	return NULL;
}

/* "key": "value", the comma before all but the first member. */
static void
html_json_kv(GString *b, int *n, const char *key, const char *val)
{
	if (val == NULL)
		return;
	g_string_append(b, (*n)++ ? ",\n  " : "\n  ");
	dc_json_quote(b, key, 1);
	g_string_append(b, ": ");
	dc_json_quote(b, val, 1);
}

/* "key": {"@type": type, "name": name}. */
static void
html_json_thing(GString *b, int *n, const char *key, const char *type,
    const char *name)
{
	if (name == NULL)
		return;
	g_string_append(b, (*n)++ ? ",\n  " : "\n  ");
	dc_json_quote(b, key, 1);
	g_string_append(b, ": {\"@type\": ");
	dc_json_quote(b, type, 1);
	g_string_append(b, ", \"name\": ");
	dc_json_quote(b, name, 1);
	g_string_append_c(b, '}');
}

/* A date schema.org and Open Graph take: YYYY, YYYY-MM, YYYY-MM-DD. */
static int
html_date_ok(const char *s)
{
	enum dc_date_form f = dc_date_form(s);

	return f == DC_DATE_YEAR || f == DC_DATE_MONTH || f == DC_DATE_DAY;
}

/* The licence as an address: an SPDX id's page, else NULL. */
static char *
html_licence_url(const char *rights)
{
	if (rights == NULL || !dc_pub_is_spdx(rights))
		return NULL;
	return g_strdup_printf("https://spdx.org/licenses/%s.html", rights);
}

/*
 * schema.org JSON-LD: a NewsArticle for a news text, else an Article
 * of genre "speech" (schema.org has no type for a speech), with what
 * the text and the publisher say.
 */
static char *
html_jsonld(const struct html *h, enum dc_lang main, const char *title,
    const char *desc)
{
	const struct dc_meta	*m = &h->doc->meta;
	char *const		*p = m->pub;
	const char		*one[2], *author, *other = NULL;
	const char *const	*urls = dc_meta_urls(m, one);
	GString			*b;
	char			*lic;
	int			 n = 0, i, k;

	b = g_string_new("{");
	html_json_kv(b, &n, "@context", "https://schema.org");
	html_json_kv(b, &n, "@type", m->dialect == DC_DIALECT_NEWS ?
	    "NewsArticle" : "Article");
	if (m->dialect != DC_DIALECT_NEWS)
		html_json_kv(b, &n, "genre", "speech");
	html_json_kv(b, &n, "headline", title);
	for (i = 0; i < DC_LANG__MAX; i++)
		if (i != (int)main && m->l[i].title != NULL &&
		    strcmp(m->l[i].title, title) != 0 && other == NULL)
			other = m->l[i].title;
	html_json_kv(b, &n, "alternativeHeadline", other);
	html_json_kv(b, &n, "description", desc);
	/* inLanguage: one tag, or a list of the languages present. */
	g_string_append(b, n++ ? ",\n  \"inLanguage\": " :
	    "\n  \"inLanguage\": ");
	if (m->langs == (1u << DC_LANG_ZH) || m->langs == (1u << DC_LANG_EN))
		dc_json_quote(b, dc_lang_tag(m, m->langs & 1u ? DC_LANG_ZH :
		    DC_LANG_EN), 1);
	else {
		g_string_append_c(b, '[');
		for (i = 0, k = 0; i < DC_LANG__MAX; i++)
			if (m->langs & (1u << i)) {
				if (k++)
					g_string_append(b, ", ");
				dc_json_quote(b, dc_lang_tag(m, i), 1);
			}
		g_string_append_c(b, ']');
	}
	author = HTML_LFIELD(h, main, speaker);
	if (author == NULL)
		author = m->reporters;
	html_json_thing(b, &n, "author", "Person", author);
	if (html_date_ok(m->date_iso))
		html_json_kv(b, &n, "datePublished", m->date_iso);
	html_json_thing(b, &n, "publisher", "Organization",
	    p[DC_PUB_PUBLISHER]);
	html_json_thing(b, &n, "editor", "Person", dc_meta_editor(m));
	html_json_thing(b, &n, "translator", "Person", p[DC_PUB_TRANSLATOR]);
	html_json_thing(b, &n, "isPartOf", "CreativeWorkSeries",
	    p[DC_PUB_SERIES]);
	lic = html_licence_url(p[DC_PUB_RIGHTS]);
	html_json_kv(b, &n, "license", lic != NULL ? lic :
	    p[DC_PUB_RIGHTS]);
	g_free(lic);
	/* A pointer: the first http(s) address; the rest are text. */
	while (*urls != NULL && !dc_url_web(*urls))
		urls++;
	html_json_kv(b, &n, "isBasedOn", *urls);
	if (p[DC_PUB_ISBN] != NULL) {
		g_string_append(b, ",\n  \"identifier\": {\"@type\": "
		    "\"PropertyValue\", \"propertyID\": \"ISBN\", "
		    "\"value\": ");
		dc_json_quote(b, p[DC_PUB_ISBN], 1);
		g_string_append_c(b, '}');
	}
	g_string_append(b, "\n}\n");
	return g_string_free(b, FALSE);
}

static void
html_meta(struct dc_xml *x, const char *attr, const char *name,
    const char *content)
{
	if (content == NULL)
		return;
	dc_xml_nl(x);
	dc_xml_start(x, "meta");
	dc_xml_attr(x, attr, name);
	dc_xml_attr(x, "content", content);
	dc_xml_end(x);
}

/*
 * Open Graph's locale, language_TERRITORY: only where the tag names a
 * region ("en-GB", "zh-Hant-TW"); a guess would mislead.  g_malloc'd.
 */
static char *
html_og_locale(const char *tag)
{
	char	**sub;
	char	 *loc = NULL;
	int	   i;

	sub = g_strsplit(tag, "-", -1);
	for (i = 1; sub[i] != NULL; i++)
		if (strlen(sub[i]) == 2 && g_ascii_isalpha(sub[i][0]) &&
		    g_ascii_isalpha(sub[i][1])) {
			loc = g_strdup_printf("%s_%c%c", sub[0],
			    g_ascii_toupper(sub[i][0]),
			    g_ascii_toupper(sub[i][1]));
			break;
		}
	g_strfreev(sub);
	return loc;
}

/* The head: description, author, Open Graph, JSON-LD, style. */
static void
html_head(struct html *h, struct dc_xml *x)
{
	const struct dc_meta	*m = &h->doc->meta;
	const char		*title, *author;
	enum dc_lang		 main;
	char			*desc, *json, *loc, *lic;

	title = xhtml_title(&h->xh);
	main = h->xh.main;
	desc = html_description(h, main);
	author = HTML_LFIELD(h, main, speaker);
	if (author == NULL)
		author = m->reporters;
	html_meta(x, "name", "description", desc);
	html_meta(x, "name", "author", author);
	html_meta(x, "name", "generator", "docconv " PACKAGE_VERSION);
	lic = html_licence_url(m->pub[DC_PUB_RIGHTS]);
	if (lic != NULL) {
		dc_xml_nl(x);
		dc_xml_start(x, "link");
		dc_xml_attr(x, "rel", "license");
		dc_xml_attr(x, "href", lic);
		dc_xml_end(x);
		g_free(lic);
	}
	html_meta(x, "property", "og:type", "article");
	html_meta(x, "property", "og:title", title);
	html_meta(x, "property", "og:description", desc);
	html_meta(x, "property", "og:site_name", m->pub[DC_PUB_PUBLISHER]);
	if ((loc = html_og_locale(dc_lang_tag(m, main))) != NULL) {
		html_meta(x, "property", "og:locale", loc);
		g_free(loc);
	}
	if (html_date_ok(m->date_iso))
		html_meta(x, "property", "article:published_time",
		    m->date_iso);
	html_meta(x, "property", "article:author", author);

	json = html_jsonld(h, main, title, desc);
	dc_xml_nl(x);
	dc_xml_start(x, "script");
	dc_xml_attr(x, "type", "application/ld+json");
	dc_xml_raw(x, json);
	dc_xml_end(x);
	g_free(json);
	g_free(desc);

	dc_xml_nl(x);
	dc_xml_start(x, "style");
	dc_xml_raw(x, h->css);
	dc_xml_end(x);
}

/* Placeholders: head here, the others the XHTML writer's. */
static int
html_fill(struct dc_xml *x, const char *name, void *arg)
{
	struct html	*h = arg;

	if (strcmp(name, "head") == 0) {
		html_head(h, x);
		return 0;
	}
	return xhtml_fill(x, name, &h->xh);
}

/*
 * The page, written to path as it is made: a page of a million short
 * paragraphs is some fifty times their bytes, never held whole.
 * Returns 0 or -1 (reported).
 */
static int
html_page(struct html *h, const char *path)
{
	struct dc_xml	*x;
	int		 rc;

	if ((x = dc_xml_new_html_file(path)) == NULL)
		return -1;
	rc = dc_template_xml(h->opts->template_dir, HTML_PAGE, x, html_fill,
	    h);
	if (dc_xml_finish(x, NULL, NULL) == -1 || rc == -1)
		return -1;
	return 0;
}

/*
 * A face as a data: URL for the page: WOFF2 where libwoff2enc is (a
 * CJK subset shrinks by about a third), else the face as it is, as
 * the book has it.  g_malloc'd.
 */
static char *
html_font_url(const struct epub_font *fo, const char **format)
{
	char		*b64, *url;

	*format = "";
	unsigned char	*w;
	size_t		 wlen;

	if (dc_woff2((const unsigned char *)fo->data, fo->len, &w,
	    &wlen) == 0) {
		b64 = g_base64_encode(w, wlen);
		free(w);
		url = g_strdup_printf("data:font/woff2;base64,%s", b64);
		g_free(b64);
		*format = " format(\"woff2\")";
		return url;
	}
	dc_msg(DC_WARN_GENERIC, 0, 0, "--embed-fonts: WOFF2 compression of "
	    "%s failed; the page embeds it uncompressed", fo->path);
	b64 = g_base64_encode((const guchar *)fo->data, fo->len);
	url = g_strdup_printf("data:%s;base64,%s", fo->type, b64);
	g_free(b64);
	return url;
}

/* Both style sheets, style.css (with any faces) and page.css. */
static char *
html_css(struct html *h)
{
	char	*a, *b, *s;
	size_t	 len;

	if ((a = xhtml_css_text(&h->xh, 0, html_font_url, &len)) == NULL)
		return NULL;
	if (dc_template_read(h->opts->template_dir, HTML_CSS, &b,
	    &len) == -1) {
		g_free(a);
		return NULL;
	}
	s = g_strconcat(a, "\n", b, NULL);
	g_free(a);
	g_free(b);
	/* The raw text of a style element ends at "</" (a --template-dir's). */
	if (strstr(s, "</") != NULL || strstr(s, "<!--") != NULL) {
		dc_msg_sys("templates %s, %s: \"</\" or \"<!--\" in a style "
		    "sheet would end the page's style element; write \"<\\/\" "
		    "in a string", "style.css", HTML_CSS);
		g_free(s);
		return NULL;
	}
	return s;
}

/*
 * Write the document as one HTML5 page to path.  Returns 0, or -1
 * (reported).
 */
int
render_html(const struct dc_doc *d, const struct dc_opts *o,
    const char *path)
{
	struct html	 h;
	int		 rc = -1;

	memset(&h, 0, sizeof(h));
	h.doc = d;
	h.opts = o;
	xhtml_init(&h.xh, d, o, 1);
	/*
	 * The faces are subset to the characters the page shows, which
	 * are known once it is written; the style sheet that holds them
	 * stands before the text.  So a first writing counts them.
	 */
	if (o->embed_fonts) {
		/* The first writing, overwritten by the second. */
		h.css = g_strdup("");
		if (html_page(&h, path) == -1 || xhtml_fonts(&h.xh) == -1)
			goto out;
		g_free(h.css);
	}
	if ((h.css = html_css(&h)) == NULL || html_page(&h, path) == -1)
		goto out;
	rc = 0;
out:
	g_free(h.css);
	xhtml_fini(&h.xh);
	return rc;
}
