/*
 * The EPUB 3 backend: the package and navigation documents and the
 * container, written through xml.c into a deterministic zip (zip.c).
 * The content document, the fonts and the style sheet come from the
 * XHTML writer it shares with the web page (xhtml.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "fonts.h"
#include "output.h"
#include "template.h"
#include "xhtml.h"
#include "xml.h"

/* Fill a skeleton into a new file of the book.  Returns 0 or -1. */
static int
epub_xhtml(struct epub *e, const char *tpl, const char *name,
    const char *id, const char *props)
{
	struct dc_xml		*x;
	struct epub_file	*f;
	char			*buf = NULL;
	size_t			 len = 0;
	int			 rc;

	if ((x = dc_xml_new_buffer()) == NULL) {
		dc_msg_sys("out of memory");
		return -1;
	}
	rc = dc_template_xml(e->opts->template_dir, tpl, x, xhtml_fill, e);
	if (dc_xml_finish(x, &buf, &len) == -1 || rc == -1) {
		g_free(buf);
		return -1;
	}
	f = xhtml_file_add(e, name, buf, len, id, "application/xhtml+xml");
	f->props = props;
	return 0;
}

/*
 * A UUID (version 5 form) from the SHA-1 of the content, so that the
 * same text always gives the same book identifier.  g_malloc'd.
 */
static char *
epub_uuid(const struct epub *e)
{
	/* RFC 4122 URL namespace, then a docconv-specific prefix. */
	static const guint8	 ns[16] = { 0x6b, 0xa7, 0xb8, 0x11, 0x9d,
	    0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30,
	    0xc8 };
	GChecksum		*c;
	const struct epub_file	*f;
	guint8			 d[20];
	gsize			 dlen = sizeof(d);
	guint			 i;

	c = g_checksum_new(G_CHECKSUM_SHA1);
	g_checksum_update(c, ns, sizeof(ns));
	g_checksum_update(c, (const guchar *)"docconv:", 8);
	for (i = 0; i < e->files->len; i++) {
		f = g_ptr_array_index(e->files, i);
		if (f->type != NULL &&
		    strcmp(f->type, "application/xhtml+xml") == 0)
			g_checksum_update(c, (const guchar *)f->data, f->len);
	}
	g_checksum_get_digest(c, d, &dlen);
	g_checksum_free(c);
	d[6] = (d[6] & 0x0f) | 0x50;
	d[8] = (d[8] & 0x3f) | 0x80;
	return g_strdup_printf("%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", d[0], d[1], d[2], d[3],
	    d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13],
	    d[14], d[15]);
}

/*
 * The time of the book (dcterms:modified, zip entries), as seconds
 * since 1970 in UTC: SOURCE_DATE_EPOCH when set, else midnight of the
 * document's date, else a fixed day, so that output never depends on
 * the clock.  Never before 1980, which zip cannot express.
 */
static long long
epub_time(const struct epub *e)
{
	const char	*iso = e->doc->meta.date_iso;
	GDateTime	*dt;
	long long	 t = 315532800;	/* 1980-01-01 */
	int		 y, mo = 1, d = 1;

	if (e->opts->epoch >= 0)
		t = e->opts->epoch;
	else if (iso != NULL && sscanf(iso, "%4d-%2d-%2d", &y, &mo, &d) >= 1 &&
	    y >= 1980 && y <= 2099) {
		if ((dt = g_date_time_new_utc(y, mo, d, 0, 0, 0)) != NULL) {
			t = g_date_time_to_unix(dt);
			g_date_time_unref(dt);
		}
	}
	return t < 315532800 ? 315532800 : t;
}

/* A W3CDTF date for dc:date, or NULL for a partial one ("--11-11"). */
static int
epub_date_ok(const char *iso)
{
	enum dc_date_form f = dc_date_form(iso);

	return f == DC_DATE_YEAR || f == DC_DATE_MONTH || f == DC_DATE_DAY;
}

static void
epub_meta(struct dc_xml *x, const char *prop, const char *refines,
    const char *scheme, const char *value)
{
	dc_xml_nl(x);
	dc_xml_start(x, "meta");
	if (refines != NULL)
		dc_xml_attrf(x, "refines", "#%s", refines);
	dc_xml_attr(x, "property", prop);
	if (scheme != NULL)
		dc_xml_attr(x, "scheme", scheme);
	dc_xml_text(x, value);
	dc_xml_end(x);
}

static void
epub_dc(struct dc_xml *x, const char *name, const char *id,
    const char *lang, const char *value)
{
	dc_xml_nl(x);
	dc_xml_start(x, name);
	if (id != NULL)
		dc_xml_attr(x, "id", id);
	if (lang != NULL)
		dc_xml_attr(x, "xml:lang", lang);
	dc_xml_text(x, value);
	dc_xml_end(x);
}

/* A meta element in language tag lang (NULL: the package's). */
static void
epub_meta_lang(struct dc_xml *x, const char *prop, const char *refines,
    const char *lang, const char *value)
{
	dc_xml_nl(x);
	dc_xml_start(x, "meta");
	dc_xml_attrf(x, "refines", "#%s", refines);
	dc_xml_attr(x, "property", prop);
	if (lang != NULL)
		dc_xml_attr(x, "xml:lang", lang);
	dc_xml_text(x, value);
	dc_xml_end(x);
}

/*
 * Where the text was published before: a dc:source for each address
 * it came from, else one naming the publication; the first refined by
 * the publication's name (dcterms:publisher, since the book's own
 * dc:publisher would be whoever made the EPUB) and the title the text
 * had there.  The editor there is a contributor (marc:relators edt).
 */
static void
epub_opf_source(const struct epub *e, struct dc_xml *x)
{
	const struct dc_meta	*m = &e->doc->meta;
	const char		*first = NULL, *ed = dc_meta_editor(m);
	const char		*one[2];
	const char *const	*urls = dc_meta_urls(m, one);
	char			 id[32];
	int			 i, k;

#define EPUB_TAG(s) dc_lang_tag(m, dc_text_lang_in((s), m->langs))
	/* Addresses only: a javascript: "source" is no source. */
	for (i = k = 0; urls[k] != NULL; k++) {
		if (!dc_url_ok(urls[k]))
			continue;
		snprintf(id, sizeof(id), "source-%d", ++i);
		epub_dc(x, "dc:source", id, NULL, urls[k]);
	}
	if (i == 0 && (m->from != NULL || m->orig_title != NULL)) {
		first = m->from != NULL ? m->from : m->orig_title;
		epub_dc(x, "dc:source", "source-1", EPUB_TAG(first), first);
		i = 1;
	}
	if (i > 0 && m->from != NULL && m->from != first)
		epub_meta_lang(x, "dcterms:publisher", "source-1",
		    EPUB_TAG(m->from), m->from);
	if (i > 0 && m->orig_title != NULL && m->orig_title != first)
		epub_meta_lang(x, "dcterms:title", "source-1",
		    EPUB_TAG(m->orig_title), m->orig_title);
	if (ed != NULL) {
		epub_dc(x, "dc:contributor", "editor", EPUB_TAG(ed), ed);
		epub_meta(x, "role", "editor", "marc:relators", "edt");
	}
#undef EPUB_TAG
}

/*
 * The publisher's metadata (--meta): publisher, rights, translator
 * (marc:relators trl), the ISBN as a second identifier (ONIX code 15,
 * ISBN-13) and the series (belongs-to-collection).  The editor and
 * source are epub_opf_source()'s, the language tags dc_lang_tag()'s.
 */
static void
epub_opf_pub(const struct epub *e, struct dc_xml *x)
{
	char *const	*p = e->doc->meta.pub;
	const struct dc_meta *m = &e->doc->meta;
	char		*s;

#define EPUB_TAG(s) dc_lang_tag(m, dc_text_lang_in((s), m->langs))
	if (p[DC_PUB_ISBN] != NULL) {
		s = g_strconcat("urn:isbn:", p[DC_PUB_ISBN], NULL);
		epub_dc(x, "dc:identifier", "isbn", NULL, s);
		g_free(s);
		epub_meta(x, "identifier-type", "isbn", "onix:codelist5",
		    "15");
	}
	if (p[DC_PUB_PUBLISHER] != NULL)
		epub_dc(x, "dc:publisher", NULL, EPUB_TAG(p[DC_PUB_PUBLISHER]),
		    p[DC_PUB_PUBLISHER]);
	if (p[DC_PUB_RIGHTS] != NULL)
		epub_dc(x, "dc:rights", NULL, dc_pub_is_spdx(p[DC_PUB_RIGHTS]) ?
		    NULL : EPUB_TAG(p[DC_PUB_RIGHTS]), p[DC_PUB_RIGHTS]);
	if (p[DC_PUB_TRANSLATOR] != NULL) {
		epub_dc(x, "dc:contributor", "translator",
		    EPUB_TAG(p[DC_PUB_TRANSLATOR]), p[DC_PUB_TRANSLATOR]);
		epub_meta(x, "role", "translator", "marc:relators", "trl");
	}
	if (p[DC_PUB_SERIES] != NULL) {
		dc_xml_nl(x);
		dc_xml_start(x, "meta");
		dc_xml_attr(x, "property", "belongs-to-collection");
		dc_xml_attr(x, "id", "series");
		dc_xml_attr(x, "xml:lang", EPUB_TAG(p[DC_PUB_SERIES]));
		dc_xml_text(x, p[DC_PUB_SERIES]);
		dc_xml_end(x);
		epub_meta(x, "collection-type", "series", NULL, "series");
	}
#undef EPUB_TAG
}

/* The package document.  Returns 0 or -1. */
static int
epub_opf(struct epub *e)
{
	const struct dc_meta	*m = &e->doc->meta;
	const struct epub_file	*f;
	struct dc_xml		*x;
	enum dc_lang		 l;
	GDateTime		*dt;
	char			*uuid, *buf = NULL, *when, id[32], seq[16];
	const char		*creator_id = NULL;
	size_t			 len = 0;
	guint			 i;
	int			 k, nseq = 0;

	if ((x = dc_xml_new_buffer()) == NULL) {
		dc_msg_sys("out of memory");
		return -1;
	}
	dc_xml_start(x, "package");
	dc_xml_attr(x, "xmlns", "http://www.idpf.org/2007/opf");
	dc_xml_attr(x, "version", "3.0");
	dc_xml_attr(x, "unique-identifier", "uid");
	dc_xml_attr(x, "xml:lang", dc_lang_tag(m, e->main));
	dc_xml_nl(x);
	dc_xml_start(x, "metadata");
	dc_xml_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");

	uuid = epub_uuid(e);
	when = g_strdup_printf("urn:uuid:%s", uuid);
	epub_dc(x, "dc:identifier", "uid", NULL, when);
	g_free(when);
	g_free(uuid);

	for (k = 0; k < DC_LANG__MAX; k++) {
		l = xhtml_nth_lang(e, k);
		if (m->l[l].title == NULL)
			continue;
		snprintf(id, sizeof(id), "title-%s", dc_lang_code(l));
		epub_dc(x, "dc:title", id, dc_lang_tag(m, l), m->l[l].title);
		epub_meta(x, "title-type", id, NULL, "main");
		snprintf(seq, sizeof(seq), "%d", ++nseq);
		epub_meta(x, "display-seq", id, NULL, seq);
	}
	if (nseq == 0) {
		epub_dc(x, "dc:title", "title", NULL, xhtml_title(e));
		nseq++;
	}
	for (k = 0; k < DC_LANG__MAX; k++) {
		l = xhtml_nth_lang(e, k);
		if (m->l[l].subtitle == NULL)
			continue;
		snprintf(id, sizeof(id), "subtitle-%s", dc_lang_code(l));
		epub_dc(x, "dc:title", id, dc_lang_tag(m, l),
		    m->l[l].subtitle);
		epub_meta(x, "title-type", id, NULL, "subtitle");
		snprintf(seq, sizeof(seq), "%d", ++nseq);
		epub_meta(x, "display-seq", id, NULL, seq);
	}

	/* The speaker (or reporters), other languages as alternates. */
	for (k = 0; k < DC_LANG__MAX; k++) {
		l = xhtml_nth_lang(e, k);
		if (m->l[l].speaker == NULL)
			continue;
		if (creator_id == NULL) {
			creator_id = "creator";
			epub_dc(x, "dc:creator", creator_id, dc_lang_tag(m, l),
			    m->l[l].speaker);
			epub_meta(x, "role", creator_id, "marc:relators",
			    m->dialect == DC_DIALECT_NEWS ? "aut" : "spk");
		} else {
			dc_xml_nl(x);
			dc_xml_start(x, "meta");
			dc_xml_attr(x, "refines", "#creator");
			dc_xml_attr(x, "property", "alternate-script");
			dc_xml_attr(x, "xml:lang", dc_lang_tag(m, l));
			dc_xml_text(x, m->l[l].speaker);
			dc_xml_end(x);
		}
	}
	if (creator_id == NULL && m->reporters != NULL) {
		epub_dc(x, "dc:creator", "creator", dc_lang_tag(m,
		    DC_LANG_ZH), m->reporters);
		epub_meta(x, "role", "creator", "marc:relators", "aut");
	}
	if (epub_date_ok(m->date_iso))
		epub_dc(x, "dc:date", NULL, NULL, m->date_iso);
	for (k = 0; k < DC_LANG__MAX; k++) {
		l = xhtml_nth_lang(e, k);
		if (e->langs & (1u << l))
			epub_dc(x, "dc:language", NULL, NULL,
			    dc_lang_tag(m, l));
	}
	if (m->source != NULL)
		epub_dc(x, "dc:source", NULL, NULL, m->source);
	epub_opf_source(e, x);
	epub_opf_pub(e, x);

	dt = g_date_time_new_from_unix_utc(epub_time(e));
	when = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
	g_date_time_unref(dt);
	epub_meta(x, "dcterms:modified", NULL, NULL, when);
	g_free(when);

	/* Accessibility (EPUB Accessibility 1.1; checked by DAISY Ace). */
	epub_meta(x, "schema:accessMode", NULL, NULL, "textual");
	epub_meta(x, "schema:accessModeSufficient", NULL, NULL, "textual");
	epub_meta(x, "schema:accessibilityFeature", NULL, NULL,
	    "structuralNavigation");
	epub_meta(x, "schema:accessibilityFeature", NULL, NULL,
	    "tableOfContents");
	epub_meta(x, "schema:accessibilityFeature", NULL, NULL,
	    "readingOrder");
	epub_meta(x, "schema:accessibilityFeature", NULL, NULL,
	    "displayTransformability");
	epub_meta(x, "schema:accessibilityHazard", NULL, NULL, "none");
	dc_xml_nl(x);
	dc_xml_start(x, "meta");
	dc_xml_attr(x, "property", "schema:accessibilitySummary");
	dc_xml_attr(x, "xml:lang", "en");
	dc_xml_text(x, e->bi ?
	    "A text-only bilingual publication: each paragraph of the "
	    "Chinese original is followed by its English translation, both "
	    "marked with their language, in reading order; headings, a "
	    "table of contents and landmarks allow navigation. No images, "
	    "audio or video." :
	    "A text-only publication marked with its language; headings, a "
	    "table of contents and landmarks allow navigation. No images, "
	    "audio or video.");
	dc_xml_end(x);
	dc_xml_end(x);	/* metadata */

	dc_xml_nl(x);
	dc_xml_start(x, "manifest");
	for (i = 0; i < e->files->len; i++) {
		f = g_ptr_array_index(e->files, i);
		if (f->id == NULL)
			continue;
		dc_xml_nl(x);
		dc_xml_start(x, "item");
		dc_xml_attr(x, "id", f->id);
		dc_xml_attr(x, "href", f->name + strlen(EPUB_DIR));
		dc_xml_attr(x, "media-type", f->type);
		if (f->props != NULL)
			dc_xml_attr(x, "properties", f->props);
		dc_xml_end(x);
	}
	dc_xml_end(x);
	dc_xml_nl(x);
	dc_xml_start(x, "spine");
	dc_xml_nl(x);
	dc_xml_start(x, "itemref");
	dc_xml_attr(x, "idref", "text");
	dc_xml_end(x);
	dc_xml_nl(x);
	dc_xml_start(x, "itemref");
	dc_xml_attr(x, "idref", "nav");
	dc_xml_attr(x, "linear", "no");
	dc_xml_end(x);
	dc_xml_end(x);
	dc_xml_end(x);	/* package */
	if (dc_xml_finish(x, &buf, &len) == -1)
		return -1;
	/* The package document goes right after container.xml. */
	xhtml_file_add(e, EPUB_DIR EPUB_OPF, buf, len, NULL, NULL);
	return 0;
}

/* META-INF/container.xml, pointing at the package document. */
static int
epub_container(struct epub *e)
{
	struct dc_xml	*x;
	char		*buf = NULL;
	size_t		 len = 0;

	if ((x = dc_xml_new_buffer()) == NULL) {
		dc_msg_sys("out of memory");
		return -1;
	}
	dc_xml_start(x, "container");
	dc_xml_attr(x, "version", "1.0");
	dc_xml_attr(x, "xmlns",
	    "urn:oasis:names:tc:opendocument:xmlns:container");
	dc_xml_nl(x);
	dc_xml_start(x, "rootfiles");
	dc_xml_nl(x);
	dc_xml_start(x, "rootfile");
	dc_xml_attr(x, "full-path", EPUB_DIR EPUB_OPF);
	dc_xml_attr(x, "media-type", "application/oebps-package+xml");
	dc_xml_end(x);
	dc_xml_end(x);
	dc_xml_end(x);
	if (dc_xml_finish(x, &buf, &len) == -1)
		return -1;
	xhtml_file_add(e, "META-INF/container.xml", buf, len, NULL, NULL);
	return 0;
}

/* A face's URL in the style sheet: its file in the book.  g_malloc'd. */
static char *
epub_font_url(const struct epub_font *fo, const char **format)
{
	*format = "";
	return g_strdup(fo->name);
}

/* The style sheet and the font files into the book.  Returns 0 or -1. */
static int
epub_css(struct epub *e)
{
	struct epub_font	*fo;
	char			*css;
	size_t			 len;
	guint			 i;

	if ((css = xhtml_css_text(e, 1, epub_font_url, &len)) == NULL)
		return -1;
	xhtml_file_add(e, EPUB_DIR EPUB_CSS, css, len, "css", "text/css");
	for (i = 0; i < e->fonts->len; i++) {
		fo = g_ptr_array_index(e->fonts, i);
		css = g_strconcat(EPUB_DIR, fo->name, NULL);
		xhtml_file_add(e, css, fo->data, fo->len, fo->name + 6,
		    fo->type);
		fo->data = NULL;	/* now the file's */
		g_free(css);
	}
	return 0;
}

/*
 * Write the files to a zip at path (dc_zip_write()): mimetype first
 * and stored, the others deflated, every entry with the book's time.
 * Returns 0 or -1 (reported).
 */
static int
epub_zip(struct epub *e, const char *path)
{
	static const char	 mt[] = "application/epub+zip";
	const struct epub_file	*f;
	struct dc_zip_entry	*z;
	guint			 i;
	int			 rc;

	z = g_new0(struct dc_zip_entry, e->files->len + 1);
	z[0].name = "mimetype";
	z[0].data = mt;
	z[0].len = sizeof(mt) - 1;
	z[0].store = 1;
	for (i = 0; i < e->files->len; i++) {
		f = g_ptr_array_index(e->files, i);
		z[i + 1].name = f->name;
		z[i + 1].data = f->data;
		z[i + 1].len = f->len;
	}
	rc = dc_zip_write(path, z, e->files->len + 1, epub_time(e));
	g_free(z);
	return rc;
}

/*
 * Write the document as an EPUB 3 book to path.  Returns 0, or -1
 * (reported).
 */
int
render_epub(const struct dc_doc *d, const struct dc_opts *o,
    const char *path)
{
	struct epub	 e;
	int		 rc = -1;

	xhtml_init(&e, d, o, 0);

	/*
	 * Zip order: container.xml, package, nav, text, style sheet,
	 * fonts.  The text is made first (its characters choose the font
	 * subsets, its bytes the identifier); container and package go
	 * in front afterwards.
	 */
	if (epub_xhtml(&e, "nav.xhtml", EPUB_DIR EPUB_NAV, "nav",
	    "nav") == -1 || epub_xhtml(&e, "content.xhtml",
	    EPUB_DIR EPUB_TEXT, "text", NULL) == -1)
		goto out;
	if (o->embed_fonts && xhtml_fonts(&e) == -1)
		goto out;
	if (epub_css(&e) == -1 || epub_opf(&e) == -1 ||
	    epub_container(&e) == -1)
		goto out;
	/* Move package and container (added last) to the front. */
	g_ptr_array_insert(e.files, 0,
	    g_ptr_array_steal_index(e.files, e.files->len - 2));
	g_ptr_array_insert(e.files, 0,
	    g_ptr_array_steal_index(e.files, e.files->len - 1));
	if (epub_zip(&e, path) == -1)
		goto out;
	rc = 0;
out:
	xhtml_fini(&e);
	return rc;
}
