/*
 * What both TEI readers (parse_tei.c, docconv's own TEI, and
 * parse_tei_other.c, TEI from elsewhere) ask of an element: its name
 * in the TEI namespace, its attributes, its text, its language, a
 * descendant.  Neither reader calls the other's helpers; parse_tei.c
 * hands TEI it did not write to parse_tei_other.c.
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

#include "docconv.h"
#include "parse.h"

#define TEI_NS		"http://www.tei-c.org/ns/1.0"

/* Is n an element of the TEI namespace called name? */
int
teir_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    n->ns != NULL && strcmp((const char *)n->ns->href, TEI_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value (g_free()), or NULL. */
char *
teir_attr(const xmlNode *n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetProp(n, BAD_CAST name)) == NULL)
		return NULL;
	s = g_strdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Does attribute name of n have the value val? */
int
teir_attr_is(const xmlNode *n, const char *name, const char *val)
{
	char	*v;
	int	 r;

	v = teir_attr(n, name);
	r = v != NULL && strcmp(v, val) == 0;
	g_free(v);
	return r;
}

/* The text content of n (g_free()). */
char *
teir_content(const xmlNode *n)
{
	xmlChar	*v;
	char	*s;

	v = xmlNodeGetContent(n);
	s = g_strdup(v != NULL ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/* The language of n (xml:lang here or above), or -1. */
int
teir_lang(const xmlNode *n)
{
	xmlChar	*v;
	size_t	 k;
	int	 i, l = -1;

	if ((v = xmlNodeGetLang(n)) == NULL)
		return -1;
	/* "zh" or a tag of it ("zh-TW", "zh-Hant", which dc_doc_finish() finds
	 * again from the text). */
	for (i = 0; i < DC_LANG__MAX; i++) {
		k = strlen(dc_lang_code(i));
		if (strncmp((const char *)v, dc_lang_code(i), k) == 0 &&
		    (v[k] == '\0' || v[k] == '-'))
			l = i;
	}
	xmlFree(v);
	return l;
}

/* The first descendant element of n called name, or NULL. */
const xmlNode *
teir_find(const xmlNode *n, const char *name)
{
	const xmlNode	*c, *r;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (teir_is(c, name))
			return c;
		if ((r = teir_find(c, name)) != NULL)
			return r;
	}
	return NULL;
}
