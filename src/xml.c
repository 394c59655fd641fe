/*
 * The one XML writer and escaper: a thin layer over libxml2's text
 * writer with a sticky error flag, manual indentation (so that no
 * white space is ever added inside mixed content) and removal of the
 * characters XML 1.0 forbids.
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <libxml/xmlwriter.h>

#include "docconv.h"
#include "xml.h"

struct dc_xml {
	xmlTextWriterPtr	 w;	/* the libxml2 writer */
	xmlBufferPtr		 buf;	/* for dc_xml_new_buffer(), or NULL */
	int			 depth;	/* open elements */
	int			 nl;	/* newline asked for, not written */
	int			 err;	/* a call failed: sticky */
};

static void	 xml_flush_nl(struct dc_xml *, int);

static struct dc_xml *
xml_init(xmlTextWriterPtr w, xmlBufferPtr buf)
{
	struct dc_xml	*x;

	if (w == NULL) {
		if (buf != NULL)
			xmlBufferFree(buf);
		return NULL;
	}
	x = g_new0(struct dc_xml, 1);
	x->w = w;
	x->buf = buf;
	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0)
		x->err = 1;
	return x;
}

/*
 * Start an XML document in memory (fetched with dc_xml_finish()).
 */
struct dc_xml *
dc_xml_new_buffer(void)
{
	xmlBufferPtr	 b;

	/*
	 * libxml2 2.9 grows buffers to the exact size by default: one
	 * realloc per write, quadratic wherever realloc copies (always
	 * under ASan, where 200,000 paragraphs took minutes).
	 */
	if ((b = xmlBufferCreate()) != NULL)
		xmlBufferSetAllocationScheme(b, XML_BUFFER_ALLOC_DOUBLEIT);
	return xml_init(b != NULL ? xmlNewTextWriterMemory(b, 0) : NULL, b);
}

/*
 * Copy text without the characters XML 1.0 cannot hold (C0 controls
 * other than tab and newline, U+FFFE, U+FFFF); *removed counts them.
 * The input must be valid UTF-8.  Returns g_malloc'd text.
 */
char *
dc_xml_clean(const char *s, size_t len, int *removed)
{
	GString		*b;
	const char	*p, *end = s + len;
	gunichar	 c;

	b = g_string_sized_new(len);
	for (p = s; p < end; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if ((c < 0x20 && c != '\t' && c != '\n') ||
		    c == 0xFFFE || c == 0xFFFF ||
		    (c >= 0x7F && c <= 0x9F)) {
			if (removed != NULL)
				(*removed)++;
			continue;
		}
		g_string_append_len(b, p, g_utf8_next_char(p) - p);
	}
	return g_string_free(b, FALSE);
}

void
dc_xml_doctype(struct dc_xml *x, const char *name)
{
	if (x->err == 0 && xmlTextWriterWriteDTD(x->w, BAD_CAST name, NULL,
	    NULL, NULL) < 0)
		x->err = 1;
}

void
dc_xml_start(struct dc_xml *x, const char *name)
{
	xml_flush_nl(x, x->depth);
	if (x->err == 0 && xmlTextWriterStartElement(x->w,
	    BAD_CAST name) < 0)
		x->err = 1;
	x->depth++;
}

void
dc_xml_attr(struct dc_xml *x, const char *name, const char *value)
{
	char	*v;

	if (value == NULL || x->err)
		return;
	v = dc_xml_clean(value, strlen(value), NULL);
	if (xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
	    BAD_CAST v) < 0)
		x->err = 1;
	g_free(v);
}

void
dc_xml_attrf(struct dc_xml *x, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*v;

	va_start(ap, fmt);
	v = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	dc_xml_attr(x, name, v);
	g_free(v);
}

void
dc_xml_textn(struct dc_xml *x, const char *s, size_t len)
{
	char	*v;

	if (s == NULL || len == 0 || x->err)
		return;
	xml_flush_nl(x, x->depth);
	v = dc_xml_clean(s, len, NULL);
	if (*v != '\0' && xmlTextWriterWriteString(x->w, BAD_CAST v) < 0)
		x->err = 1;
	g_free(v);
}

void
dc_xml_text(struct dc_xml *x, const char *s)
{
	if (s != NULL)
		dc_xml_textn(x, s, strlen(s));
}

void
dc_xml_end(struct dc_xml *x)
{
	xml_flush_nl(x, x->depth - 1);
	if (x->err == 0 && xmlTextWriterEndElement(x->w) < 0)
		x->err = 1;
	x->depth--;
}

/* An element holding only text. */
void
dc_xml_elem(struct dc_xml *x, const char *name, const char *text)
{
	dc_xml_start(x, name);
	dc_xml_text(x, text);
	dc_xml_end(x);
}

/*
 * A newline and indentation.  Call only where white space is
 * insignificant (between block-level elements).  It is written by the
 * next call, which knows the depth: an end tag goes one level out.
 */
void
dc_xml_nl(struct dc_xml *x)
{
	x->nl = 1;
}

/* Write a pending newline, indented for depth. */
static void
xml_flush_nl(struct dc_xml *x, int depth)
{
	char	 sp[64];
	int	 n;

	if (!x->nl)
		return;
	x->nl = 0;
	n = depth < 0 ? 0 : depth < 31 ? depth * 2 : 62;
	sp[0] = '\n';
	memset(sp + 1, ' ', n);
	sp[n + 1] = '\0';
	if (x->err == 0 && xmlTextWriterWriteRaw(x->w, BAD_CAST sp) < 0)
		x->err = 1;
}

/*
 * End the document and free the writer.  For a buffer writer, *out
 * and *outlen receive the document (g_free()); pass NULL otherwise.
 * Returns 0, or -1 if any call failed (reported).
 */
int
dc_xml_finish(struct dc_xml *x, char **out, size_t *outlen)
{
	int	 rc = -1;

	if (x == NULL)
		return -1;
	xml_flush_nl(x, 0);
	if (x->err == 0 && xmlTextWriterEndDocument(x->w) < 0)
		x->err = 1;
	xmlFreeTextWriter(x->w);	/* flushes and closes */
	if (x->err)
		dc_msg_sys("writing XML failed (disk full?)");
	else
		rc = 0;
	if (x->buf != NULL) {
		if (rc == 0 && out != NULL) {
			*out = g_strndup((const char *)xmlBufferContent(x->buf),
			    xmlBufferLength(x->buf));
			if (outlen != NULL)
				*outlen = xmlBufferLength(x->buf);
		}
		xmlBufferFree(x->buf);
	}
	g_free(x);
	return rc;
}
