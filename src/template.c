/*
 * Templates of the EPUB backend: find a file in --template-dir or the
 * installed templates/, read it whole, or copy an XHTML skeleton
 * through the one XML writer, filling in its placeholders.
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "docconv.h"
#include "template.h"
#include "xml.h"

/*
 * Path of template file name: in dir (--template-dir) when given and
 * the file is there, so that a user may override only the style
 * sheet; else in the installed templates.  Returns g_malloc'd path,
 * or NULL if neither exists (reported).
 */
char *
dc_template_path(const char *dir, const char *name)
{
	char	*p, *d;

	if (dir != NULL) {
		p = g_build_filename(dir, name, NULL);
		if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
			return p;
		g_free(p);
	}
	d = dc_data_path("templates");
	p = g_build_filename(d, name, NULL);
	g_free(d);
	if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
		return p;
	dc_msg_sys("template %s not found in %s%s (installation broken?)",
	    name, dir != NULL ? dir : "", dir != NULL ? " nor installed" :
	    "the installed templates");
	g_free(p);
	return NULL;
}

/*
 * Read template file name whole into *buf (g_free()) and *len.
 * Returns 0, or -1 (reported).
 */
int
dc_template_read(const char *dir, const char *name, char **buf,
    size_t *len)
{
	GError	*err = NULL;
	char	*p;
	gsize	 n;
	int	 rc = -1;

	*buf = NULL;
	if ((p = dc_template_path(dir, name)) == NULL)
		goto out;
	if (!g_file_get_contents(p, buf, &n, &err)) {
		dc_msg_sys("%s", err->message);
		g_error_free(err);
		goto out;
	}
	*len = n;
	rc = 0;
out:
	g_free(p);
	return rc;
}

/* Qualified name of an element or attribute: "prefix:name". */
static char *
tpl_qname(const xmlNs *ns, const xmlChar *name)
{
	if (ns != NULL && ns->prefix != NULL)
		return g_strdup_printf("%s:%s", (const char *)ns->prefix,
		    (const char *)name);
	return g_strdup((const char *)name);
}

/*
 * Whether an element's content is elements only (white space between
 * them is layout of the template, not text): then it is dropped and
 * the writer indents instead.
 */
static int
tpl_elemonly(const xmlNode *n)
{
	const xmlNode	*c;
	int		 any = 0;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE || c->type == XML_PI_NODE)
			any = 1;
		else if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) &&
		    !xmlIsBlankNode((xmlNodePtr)c))
			return 0;
	}
	return any;
}

/*
 * Is n (a text) the content of an HTML script or style element, which
 * the web page holds as raw text, where "&lt;" would stay "&lt;"?
 */
static int
tpl_rawtext(const xmlNode *n)
{
	const xmlNode	*e = n->parent;

	return e != NULL && e->type == XML_ELEMENT_NODE &&
	    (e->ns == NULL || strcmp((const char *)e->ns->href,
	    "http://www.w3.org/1999/xhtml") == 0) &&
	    (strcmp((const char *)e->name, "script") == 0 ||
	    strcmp((const char *)e->name, "style") == 0);
}

/*
 * Copy the nodes from n on to x; html: the web page, where the text of
 * a script or style element is written raw (it ends at "</", so such
 * a text is refused).  Returns 0, or -1 (reported).
 */
static int
tpl_copy(const xmlNode *n, struct dc_xml *x, int html, dc_template_cb cb,
    void *arg)
{
	const xmlNs	*ns;
	const xmlAttr	*a;
	xmlChar		*v;
	char		*q, *pi;
	int		 elemonly;

	elemonly = n != NULL && n->parent != NULL &&
	    n->parent->type == XML_ELEMENT_NODE && tpl_elemonly(n->parent);
	for (; n != NULL; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			if (elemonly)
				dc_xml_nl(x);
			q = tpl_qname(n->ns, n->name);
			dc_xml_start(x, q);
			g_free(q);
			for (ns = n->nsDef; ns != NULL; ns = ns->next) {
				q = ns->prefix == NULL ? g_strdup("xmlns") :
				    g_strdup_printf("xmlns:%s", ns->prefix);
				dc_xml_attr(x, q, (const char *)ns->href);
				g_free(q);
			}
			for (a = n->properties; a != NULL; a = a->next) {
				q = tpl_qname(a->ns, a->name);
				v = xmlNodeGetContent((const xmlNode *)a);
				dc_xml_attr(x, q, (const char *)v);
				xmlFree(v);
				g_free(q);
			}
			if (tpl_copy(n->children, x, html, cb, arg) == -1)
				return -1;
			dc_xml_end(x);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (elemonly)
				break;
			if (!html || !tpl_rawtext(n)) {
				dc_xml_text(x, (const char *)n->content);
				break;
			}
			if (strstr((const char *)n->content, "</") != NULL ||
			    strstr((const char *)n->content, "<!--") != NULL) {
				dc_msg_sys("template %s:%ld: \"</\" or \"<!--\" "
				    "in a <%s>: it would end the page's %s "
				    "there", n->doc != NULL && n->doc->URL !=
				    NULL ? (const char *)n->doc->URL : "",
				    xmlGetLineNo((xmlNodePtr)n),
				    (const char *)n->parent->name,
				    (const char *)n->parent->name);
				return -1;
			}
			dc_xml_raw(x, (const char *)n->content);
			break;
		case XML_PI_NODE:
			/* Other processing instructions are template notes. */
			if (strcmp((const char *)n->name, "docconv") != 0)
				break;
			pi = g_strstrip(g_strdup(n->content != NULL ?
			    (const char *)n->content : ""));
			if (cb(x, pi, arg) == -1) {
				g_free(pi);
				return -1;
			}
			g_free(pi);
			break;
		default:
			/* Comments are notes for template authors. */
			break;
		}
	}
	return 0;
}

/* The skeletons, and the placeholders each must have. */
static const struct tpl_need {
	const char	*name;		/* file in templates/ */
	const char	*need[4];	/* placeholders it must hold */
	int		 page;		/* the web page's (--html): HTML's
					   <html>, no epub: prefix */
} tpl_needs[] = {
	{ "content.xhtml", { "body", "title", NULL }, 0 },
	{ "nav.xhtml", { "nav", "title", NULL }, 0 },
	{ "page.html", { "body", "title", "head", NULL }, 1 },
};

/* Is the skeleton name the web page's (HTML, not XHTML)? */
static int
tpl_page(const char *name)
{
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(tpl_needs); i++)
		if (strcmp(tpl_needs[i].name, name) == 0)
			return tpl_needs[i].page;
	return 0;
}

#define XHTML_NS	"http://www.w3.org/1999/xhtml"
#define OPS_NS		"http://www.idpf.org/2007/ops"

/* Does the tree under n hold the placeholder <?docconv name?>? */
static int
tpl_has(const xmlNode *n, const char *name)
{
	char	*pi;
	int	 r;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_PI_NODE &&
		    strcmp((const char *)n->name, "docconv") == 0) {
			pi = g_strstrip(g_strdup(n->content != NULL ?
			    (const char *)n->content : ""));
			r = strcmp(pi, name) == 0;
			g_free(pi);
			if (r)
				return 1;
		}
		if (n->type == XML_ELEMENT_NODE && tpl_has(n->children, name))
			return 1;
	}
	return 0;
}

/*
 * Is the skeleton doc, read from path, one docconv can fill?  Its root
 * is XHTML's html declaring the epub: prefix (the text uses epub:type),
 * and it has the placeholders its file needs.  Returns NULL, or what is
 * wrong (g_free()).
 */
static char *
tpl_fault(const xmlDoc *doc, const char *name)
{
	const xmlNode	*root = xmlDocGetRootElement(doc);
	const xmlNs	*ns;
	size_t		 i, k;
	int		 page;

	for (i = 0; i < G_N_ELEMENTS(tpl_needs); i++)
		if (strcmp(tpl_needs[i].name, name) == 0)
			break;
	page = i < G_N_ELEMENTS(tpl_needs) && tpl_needs[i].page;
	/* The page is HTML: <html>, in no namespace or XHTML's. */
	if (page && (root == NULL || strcmp((const char *)root->name,
	    "html") != 0 || (root->ns != NULL && strcmp((const char *)
	    root->ns->href, XHTML_NS) != 0)))
		return g_strdup("the root element is not <html>");
	if (!page && (root == NULL || root->ns == NULL || strcmp((const char *)
	    root->ns->href, XHTML_NS) != 0 ||
	    strcmp((const char *)root->name, "html") != 0))
		return g_strdup("the root element is not XHTML's <html> (in "
		    "the namespace " XHTML_NS ")");
	for (ns = page ? NULL : root->nsDef; ns != NULL; ns = ns->next)
		if (ns->prefix != NULL &&
		    strcmp((const char *)ns->prefix, "epub") == 0 &&
		    strcmp((const char *)ns->href, OPS_NS) == 0)
			break;
	if (!page && ns == NULL)
		return g_strdup("<html> does not declare "
		    "xmlns:epub=\"" OPS_NS "\" (the text docconv fills in "
		    "uses epub:type)");
	for (i = 0; i < G_N_ELEMENTS(tpl_needs); i++) {
		if (strcmp(tpl_needs[i].name, name) != 0)
			continue;
		for (k = 0; tpl_needs[i].need[k] != NULL; k++)
			if (!tpl_has(root->children, tpl_needs[i].need[k]))
				return g_strdup_printf("no <?docconv %s?> "
				    "placeholder: the %s would be missing",
				    tpl_needs[i].need[k],
				    strcmp(tpl_needs[i].need[k], "title") == 0 ?
				    "title" : strcmp(tpl_needs[i].need[k],
				    "head") == 0 ? "metadata and style" :
				    "text");
	}
	return NULL;
}

/* Read a skeleton; NULL with *why set (g_free()) if it cannot be. */
static xmlDocPtr
tpl_load(const char *path, const char *name, char **why)
{
	xmlDocPtr	 doc;
	const xmlError	*e;

	*why = NULL;
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc == NULL) {
		e = xmlGetLastError();
		*why = g_strdup_printf("%d: not well-formed XML: %s",
		    e != NULL ? e->line : 0, e != NULL && e->message != NULL ?
		    g_strchomp(e->message) : "parse error");
		return NULL;
	}
	if ((*why = tpl_fault(doc, name)) != NULL) {
		char *t = g_strdup_printf("%ld: %s", xmlGetLineNo(
		    xmlDocGetRootElement(doc) != NULL ?
		    xmlDocGetRootElement(doc) : (xmlNodePtr)doc), *why);
		g_free(*why);
		*why = t;
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/*
 * Check a --template-dir before any input is read: it is a directory
 * and each skeleton in it can be filled (the style sheet and files it
 * lacks come from the installed templates).  Returns 0, or -1 after
 * saying what is wrong (dc_msg_usage()).
 */
int
dc_template_check(const char *dir)
{
	/* The skeletons first, in tpl_needs' order. */
	static const char *const known[] = {
		"content.xhtml", "nav.xhtml", "page.html", "style.css",
		"page.css"
	};
	xmlDocPtr	 doc;
	char		*p, *why;
	size_t		 i, found = 0;
	int		 rc = 0;

	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		dc_msg_usage("--template-dir %s: %s", dir,
		    g_file_test(dir, G_FILE_TEST_EXISTS) ? "not a directory" :
		    "no such directory");
		return -1;
	}
	for (i = 0; i < G_N_ELEMENTS(known); i++) {
		p = g_build_filename(dir, known[i], NULL);
		if (!g_file_test(p, G_FILE_TEST_IS_REGULAR)) {
			g_free(p);
			continue;
		}
		found++;
		if (i < G_N_ELEMENTS(tpl_needs)) {
			if ((doc = tpl_load(p, known[i], &why)) == NULL) {
				dc_msg_usage("%s:%s", p, why);
				g_free(why);
				rc = -1;
			} else
				xmlFreeDoc(doc);
		}
		g_free(p);
	}
	if (found == 0 && rc == 0)
		dc_msg_usage("--template-dir %s: warning: none of "
		    "content.xhtml, nav.xhtml, page.html, style.css, page.css "
		    "is there; the installed templates are used", dir);
	return rc;
}

/*
 * Copy the XML skeleton name (found as dc_template_path() does) to x,
 * calling cb at each <?docconv NAME?> placeholder.  A DOCTYPE in the
 * skeleton is written as <!DOCTYPE name>.  Returns 0, or -1
 * (reported).
 */
int
dc_template_xml(const char *dir, const char *name, struct dc_xml *x,
    dc_template_cb cb, void *arg)
{
	xmlDocPtr	 doc = NULL;
	xmlNodePtr	 root;
	char		*p, *why;
	int		 rc = -1;

	if ((p = dc_template_path(dir, name)) == NULL)
		goto out;
	if ((doc = tpl_load(p, name, &why)) == NULL) {
		dc_msg_sys("template %s:%s", p, why);
		g_free(why);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (doc->intSubset != NULL && doc->intSubset->name != NULL)
		dc_xml_doctype(x, (const char *)doc->intSubset->name);
	if (tpl_copy(root, x, tpl_page(name), cb, arg) == -1)
		goto out;
	rc = 0;
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	g_free(p);
	return rc;
}
