/*
 * The one XML writer and escaper: a thin layer over libxml2's text
 * writer with a sticky error flag, manual indentation (so that no
 * white space is ever added inside mixed content) and removal of the
 * characters XML 1.0 forbids.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <libxml/xmlwriter.h>

#include "docconv.h"
#include "xml.h"

struct dc_xml {
	xmlTextWriterPtr	 w;	/* the libxml2 writer */
	xmlBufferPtr		 buf;	/* for dc_xml_new_buffer(), or NULL */
	FILE			*f;	/* for dc_xml_new_file(), or NULL */
	char			*path;	/* ... its name, for messages */
	int			 ferr;	/* ... errno of a failed write */
	int			 decl;	/* ... HTML: the XML declaration
					   not yet passed (not written) */
	int			 depth;	/* open elements */
	int			 nl;	/* newline asked for, not written */
	int			 err;	/* a call failed: sticky */
	GPtrArray		*names;	/* HTML: the open elements' names;
					   NULL for XML */
	GString			*tmp;	/* text being escaped */
};

static void	 xml_flush_nl(struct dc_xml *, int);

static struct dc_xml *
xml_init(xmlTextWriterPtr w, xmlBufferPtr buf, int html)
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
	/*
	 * The declaration makes libxml2 write UTF-8 (else it writes
	 * character references in attributes); in text/html it would be
	 * a bogus comment, so HTML's is cut off by dc_xml_finish().
	 */
	if (html)
		x->names = g_ptr_array_new_with_free_func(g_free);
	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0)
		x->err = 1;
	return x;
}

static struct dc_xml *
xml_new_buffer(int html)
{
	xmlBufferPtr	 b;

	/*
	 * libxml2 2.9 grows buffers to the exact size by default: one
	 * realloc per write, quadratic wherever realloc copies (always
	 * under ASan, where 200,000 paragraphs took minutes).
	 */
	if ((b = xmlBufferCreate()) != NULL)
		xmlBufferSetAllocationScheme(b, XML_BUFFER_ALLOC_DOUBLEIT);
	return xml_init(b != NULL ? xmlNewTextWriterMemory(b, 0) : NULL, b,
	    html);
}

/*
 * Start an XML document in memory (fetched with dc_xml_finish()).
 */
struct dc_xml *
dc_xml_new_buffer(void)
{
	return xml_new_buffer(0);
}

/* libxml2's output callback of dc_xml_new_file(): the bytes to f. */
static int
xml_file_write(void *ctx, const char *b, int len)
{
	struct dc_xml	*x = ctx;
	const char	*nl;
	size_t		 skip = 0;

	/* HTML's declaration line: cut, as dc_xml_finish() cuts it. */
	if (x->decl) {
		if ((nl = memchr(b, '\n', (size_t)len)) == NULL)
			return len;
		x->decl = 0;
		skip = (size_t)(nl + 1 - b);
	}
	if (fwrite(b + skip, 1, (size_t)len - skip, x->f) !=
	    (size_t)len - skip) {
		if (x->ferr == 0)
			x->ferr = errno != 0 ? errno : EIO;
		return -1;
	}
	return len;
}

/*
 * Start an XML document written to the file path as it goes (created
 * or truncated), for documents as large as their model: a TEI of a
 * million short paragraphs is never held whole in memory.
 * dc_xml_finish() closes it (pass NULL for its text).  Returns NULL
 * if the file cannot be opened (reported).
 */
static struct dc_xml *
xml_new_file(const char *path, int html)
{
	struct dc_xml		*x;
	xmlOutputBufferPtr	 ob;
	FILE			*f;

	if ((f = fopen(path, "wb")) == NULL) {
		dc_msg_sys("%s: %s", path, g_strerror(errno));
		return NULL;
	}
	x = g_new0(struct dc_xml, 1);
	x->f = f;
	x->path = g_strdup(path);
	ob = xmlOutputBufferCreateIO(xml_file_write, NULL, x, NULL);
	if (ob == NULL || (x->w = xmlNewTextWriter(ob)) == NULL) {
		if (ob != NULL)
			xmlOutputBufferClose(ob);
		fclose(f);
		g_free(x->path);
		g_free(x);
		dc_msg_sys("%s: cannot start the XML writer", path);
		return NULL;
	}
	if (html) {
		x->names = g_ptr_array_new_with_free_func(g_free);
		x->decl = 1;
	}
	if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
		x->err = 1;
	return x;
}

struct dc_xml *
dc_xml_new_file(const char *path)
{
	return xml_new_file(path, 0);
}

/* The same for HTML, as dc_xml_new_html() writes it. */
struct dc_xml *
dc_xml_new_html_file(const char *path)
{
	return xml_new_file(path, 1);
}

/*
 * Start an HTML document in memory, in the XML syntax HTML parsers
 * read alike (polyglot): no XML declaration, and an element with no
 * content closed by an end tag ("<div></div>"; "<div/>" would open
 * one in HTML) unless it is void ("<br/>").
 */
struct dc_xml *
dc_xml_new_html(void)
{
	return xml_new_buffer(1);
}

/*
 * Append text to b without the characters XML 1.0 cannot hold (C0
 * controls other than tab and newline, U+FFFE, U+FFFF), the C1
 * controls and the other noncharacters (U+FDD0-FDEF, U+nFFFE,
 * U+nFFFF), which HTML validators refuse; *removed counts them.  With
 * esc, the marks of element content escaped as libxml2's
 * xmlEncodeSpecialChars() escapes them (& < > "; a CR is removed
 * before).  The input must be valid UTF-8.
 */
static void
xml_clean_to(GString *b, const char *s, size_t len, int *removed, int esc)
{
	const char	*p, *run, *end = s + len, *ent;
	gunichar	 c;
	unsigned char	 u;

	/*
	 * Runs of characters kept are copied whole: a call to append
	 * each character was a tenth of an EPUB's time.
	 */
	for (p = run = s; p < end; ) {
		u = (unsigned char)*p;
		if (u >= 0x20 && u < 0x7F) {
			if (!esc || (u != '&' && u != '<' && u != '>' &&
			    u != '"')) {
				p++;
				continue;
			}
			ent = u == '&' ? "&amp;" : u == '<' ? "&lt;" :
			    u == '>' ? "&gt;" : "&quot;";
			g_string_append_len(b, run, p - run);
			g_string_append(b, ent);
			p = run = p + 1;
			continue;
		}
		/* Lead bytes C3-EE start no character removed: the
		 * Chinese text, spared the decoding. */
		if (u >= 0xC3 && u <= 0xEE) {
			p += u < 0xE0 ? 2 : 3;
			continue;
		}
		c = u < 0x80 ? u : g_utf8_get_char(p);
		if ((c < 0x20 && c != '\t' && c != '\n') ||
		    (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF) ||
		    (c >= 0x7F && c <= 0x9F)) {
			if (removed != NULL)
				(*removed)++;
			g_string_append_len(b, run, p - run);
			p = run = g_utf8_next_char(p);
			continue;
		}
		p = g_utf8_next_char(p);
	}
	/* The last character may claim bytes past end: not copied. */
	if (run < end)
		g_string_append_len(b, run, (p < end ? p : end) - run);
}

/*
 * Copy text without the characters XML 1.0 cannot hold (see
 * xml_clean_to()); *removed counts them.  The input must be valid
 * UTF-8.  Returns g_malloc'd text.
 */
char *
dc_xml_clean(const char *s, size_t len, int *removed)
{
	GString		*b;

	b = g_string_sized_new(len);
	xml_clean_to(b, s, len, removed, 0);
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
	if (x->names != NULL)
		g_ptr_array_add(x->names, g_strdup(name));
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

/*
 * Text is cleaned and escaped here in one pass and written raw (as
 * xmlTextWriterWriteString() writes it inside an element, after its
 * own escaping into a new string): the two copies and libxml2's
 * escaper were a tenth of a TEI's time.
 */
void
dc_xml_textn(struct dc_xml *x, const char *s, size_t len)
{
	char	*v;

	if (s == NULL || len == 0 || x->err)
		return;
	xml_flush_nl(x, x->depth);
	if (x->depth == 0) {
		/* Outside the root (never, in our writers): as libxml2
		 * writes it. */
		v = dc_xml_clean(s, len, NULL);
		if (*v != '\0' && xmlTextWriterWriteString(x->w,
		    BAD_CAST v) < 0)
			x->err = 1;
		g_free(v);
		return;
	}
	if (x->tmp == NULL)
		x->tmp = g_string_new(NULL);
	g_string_truncate(x->tmp, 0);
	xml_clean_to(x->tmp, s, len, NULL, 1);
	if (x->tmp->len > 0 && xmlTextWriterWriteRawLen(x->w,
	    BAD_CAST x->tmp->str, (int)x->tmp->len) < 0)
		x->err = 1;
}

void
dc_xml_text(struct dc_xml *x, const char *s)
{
	if (s != NULL)
		dc_xml_textn(x, s, strlen(s));
}

/* HTML's void elements, which have no end tag. */
static int
xml_void(const char *name)
{
	static const char *const v[] = { "area", "base", "br", "col",
	    "embed", "hr", "img", "input", "link", "meta", "source",
	    "track", "wbr" };
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(v); i++)
		if (strcmp(name, v[i]) == 0)
			return 1;
	return 0;
}

void
dc_xml_end(struct dc_xml *x)
{
	int	 full = 0;

	xml_flush_nl(x, x->depth - 1);
	if (x->names != NULL && x->names->len > 0) {
		full = !xml_void(g_ptr_array_index(x->names,
		    x->names->len - 1));
		g_ptr_array_remove_index(x->names, x->names->len - 1);
	}
	if (x->err == 0 && (full ? xmlTextWriterFullEndElement(x->w) :
	    xmlTextWriterEndElement(x->w)) < 0)
		x->err = 1;
	x->depth--;
}

/*
 * Text written as it is, for the raw text of an HTML style or script
 * element, where entities are not read: the caller keeps "</" and
 * "<!--" out of it (JSON as \u003c, CSS has neither).
 */
void
dc_xml_raw(struct dc_xml *x, const char *s)
{
	char	*v;

	if (s == NULL || *s == '\0' || x->err)
		return;
	xml_flush_nl(x, x->depth);
	v = dc_xml_clean(s, strlen(s), NULL);
	g_assert(strstr(v, "</") == NULL && strstr(v, "<!--") == NULL);
	/* libxml2 closes the start tag before raw bytes, as for text. */
	if (xmlTextWriterWriteRaw(x->w, BAD_CAST v) < 0)
		x->err = 1;
	g_free(v);
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
	if (x->f != NULL) {
		/* A file's failure is told as dc_output_write() tells it. */
		if (fclose(x->f) != 0 && x->ferr == 0)
			x->ferr = errno;
		if (x->ferr != 0)
			dc_msg_sys("%s: %s", x->path, g_strerror(x->ferr));
		else if (x->err)
			dc_msg_sys("%s: writing XML failed", x->path);
		else
			rc = 0;
		g_free(x->path);
	} else if (x->err)
		dc_msg_sys("writing XML failed (disk full?)");
	else
		rc = 0;
	if (x->buf != NULL) {
		const char	*c = (const char *)xmlBufferContent(x->buf);
		size_t		 n = xmlBufferLength(x->buf), skip = 0;

		if (x->names != NULL && n > 5 && strncmp(c, "<?xml", 5) == 0)
			skip = strcspn(c, "\n") + 1;
		if (skip > n)
			skip = n;
		if (rc == 0 && out != NULL) {
			/* The buffer's own bytes, not a copy: a large
			 * document's text is held once at the end. */
			char *d = (char *)xmlBufferDetach(x->buf);
			if (d != NULL) {
				memmove(d, d + skip, n - skip);
				d[n - skip] = '\0';
				*out = d;
			} else
				*out = g_strndup(c + skip, n - skip);
			if (outlen != NULL)
				*outlen = n - skip;
		}
		xmlBufferFree(x->buf);
	}
	if (x->names != NULL)
		g_ptr_array_free(x->names, TRUE);
	if (x->tmp != NULL)
		g_string_free(x->tmp, TRUE);
	g_free(x);
	return rc;
}
