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

static int
tpl_copy(const xmlNode *n, struct dc_xml *x, dc_template_cb cb, void *arg)
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
			if (tpl_copy(n->children, x, cb, arg) == -1)
				return -1;
			dc_xml_end(x);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!elemonly)
				dc_xml_text(x, (const char *)n->content);
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
	char		*p;
	int		 rc = -1;

	if ((p = dc_template_path(dir, name)) == NULL)
		goto out;
	doc = xmlReadFile(p, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		dc_msg_sys("%s: not well-formed XML", p);
		goto out;
	}
	if (doc->intSubset != NULL && doc->intSubset->name != NULL)
		dc_xml_doctype(x, (const char *)doc->intSubset->name);
	if (tpl_copy(root, x, cb, arg) == -1)
		goto out;
	rc = 0;
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	g_free(p);
	return rc;
}
