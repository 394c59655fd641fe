/*
 * The PDF backend: paints the pages typeset.c hands over on a cairo
 * PDF surface as they come, adds outline and metadata, and sets the
 * catalog's /Lang with libqpdf (cairo 1.16 cannot).
 */
#include "config.h"

#include <errno.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qpdf/qpdf-c.h>

#include "docconv.h"
#include "pdf_glyphs.h"
#include "typeset.h"

#define PDF_OUTLINE_DEPTH 3	/* title, part, point */

struct pdf {
	cairo_surface_t	*surf;		/* the PDF surface */
	cairo_t		*cr;		/* drawing on it (not imposing) */
	double		 pw, ph;	/* page size, pt */
	int		 booklet;	/* --impose booklet */
	GPtrArray	*rec;		/* booklet: recorded pages */
	struct pg	*pg;		/* subset faces to paint with */
	int		 outline[PDF_OUTLINE_DEPTH]; /* last id per level */
	int		 npages;	/* pages received */
};

/* Paint one typeset page on cr. */
static void
pdf_paint(struct pdf *pd, cairo_t *cr, const struct ts_page *p)
{
	const struct ts_item *it;
	const struct ts_rule *r;
	guint		 i;

	cairo_set_source_rgb(cr, 0, 0, 0);
	for (i = 0; i < p->items->len; i++) {
		it = &g_array_index(p->items, struct ts_item, i);
		pg_show_line(pd->pg, cr, it->line, it->x, it->y);
	}
	for (i = 0; i < p->rules->len; i++) {
		r = &g_array_index(p->rules, struct ts_rule, i);
		cairo_set_line_width(cr, r->width);
		cairo_move_to(cr, r->x0, r->y0);
		cairo_line_to(cr, r->x1, r->y1);
		cairo_stroke(cr);
	}
}

/* Bookmarks of one page, nested title > part > point. */
static void
pdf_marks(struct pdf *pd, const struct ts_page *p)
{
	const struct ts_mark *m;
	char		 dest[64];
	guint		 i;
	int		 parent, lv;

	for (i = 0; i < p->marks->len; i++) {
		m = &g_array_index(p->marks, struct ts_mark, i);
		lv = m->level < PDF_OUTLINE_DEPTH ? m->level :
		    PDF_OUTLINE_DEPTH - 1;
		while (lv > 0 && pd->outline[lv - 1] == 0)
			lv--;
		parent = lv == 0 ? CAIRO_PDF_OUTLINE_ROOT :
		    pd->outline[lv - 1];
		snprintf(dest, sizeof(dest), "page=%d pos=[0 %d]", p->number,
		    (int)m->y);
		pd->outline[lv] = cairo_pdf_surface_add_outline(pd->surf,
		    parent, m->text, dest, lv == 0 ?
		    CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		if (lv + 1 < PDF_OUTLINE_DEPTH)
			pd->outline[lv + 1] = 0;
	}
}

/* ts_run() callback: paint a page now, or record it for imposing. */
static int
pdf_page(const struct ts_page *p, void *arg)
{
	struct pdf		*pd = arg;
	cairo_surface_t		*rs;
	cairo_rectangle_t	 ext;
	cairo_t			*cr;

	pd->npages++;
	if (pd->booklet) {
		ext.x = ext.y = 0;
		ext.width = pd->pw;
		ext.height = pd->ph;
		rs = cairo_recording_surface_create(
		    CAIRO_CONTENT_COLOR_ALPHA, &ext);
		cr = cairo_create(rs);
		pdf_paint(pd, cr, p);
		cairo_destroy(cr);
		g_ptr_array_add(pd->rec, rs);
		return 0;
	}
	pdf_marks(pd, p);
	pdf_paint(pd, pd->cr, p);
	cairo_show_page(pd->cr);
	return cairo_status(pd->cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

/*
 * Saddle stitch: pad to a multiple of four pages and set them two up
 * so that the folded stack reads in order.
 */
static void
pdf_impose(struct pdf *pd)
{
	cairo_t		*cr;
	int		 n, s, page[2], k;

	n = (pd->npages + 3) / 4 * 4;
	cr = cairo_create(pd->surf);
	for (s = 0; s < n / 2; s++) {
		page[0] = s % 2 ? s : n - 1 - s;
		page[1] = s % 2 ? n - 1 - s : s;
		for (k = 0; k < 2; k++) {
			if (page[k] >= (int)pd->rec->len)
				continue;
			cairo_save(cr);
			cairo_set_source_surface(cr,
			    g_ptr_array_index(pd->rec, page[k]),
			    k * pd->pw, 0);
			cairo_paint(cr);
			cairo_restore(cr);
		}
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
}

/* ISO 8601 UTC time of the epoch, as cairo wants it. */
static void
pdf_date(long long epoch, char *buf, size_t sz)
{
	time_t		 tt = (time_t)epoch;
	struct tm	 tm;

	gmtime_r(&tt, &tm);
	strftime(buf, sz, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
pdf_metadata(struct pdf *pd, const struct dc_doc *d,
    const struct dc_opts *o)
{
	const struct dc_meta *m = &d->meta;
	const struct dc_lmeta *z = &m->l[DC_LANG_ZH], *e = &m->l[DC_LANG_EN];
	char		*s;
	char		 date[32];

	if (z->title != NULL && e->title != NULL)
		s = g_strconcat(z->title, " / ", e->title, NULL);
	else
		s = g_strdup(z->title != NULL ? z->title :
		    e->title != NULL ? e->title : "");
	cairo_pdf_surface_set_metadata(pd->surf, CAIRO_PDF_METADATA_TITLE,
	    s);
	g_free(s);
	if (o->author != NULL)
		s = g_strdup(o->author);
	else if (z->speaker != NULL && e->speaker != NULL)
		s = g_strconcat(z->speaker, " / ", e->speaker, NULL);
	else if (z->speaker != NULL || e->speaker != NULL)
		s = g_strdup(z->speaker != NULL ? z->speaker : e->speaker);
	else if (m->reporters != NULL)
		s = g_strdup(m->reporters);
	else
		s = g_strdup(m->agency);
	if (s != NULL)
		cairo_pdf_surface_set_metadata(pd->surf,
		    CAIRO_PDF_METADATA_AUTHOR, s);
	g_free(s);
	s = (char *)(e->occasion != NULL ? e->occasion : z->occasion !=
	    NULL ? z->occasion : z->subtitle != NULL ? z->subtitle :
	    e->subtitle);
	if (s != NULL)
		cairo_pdf_surface_set_metadata(pd->surf,
		    CAIRO_PDF_METADATA_SUBJECT, s);
	cairo_pdf_surface_set_metadata(pd->surf, CAIRO_PDF_METADATA_CREATOR,
	    "docconv " PACKAGE_VERSION);
	/* Never the clock: SOURCE_DATE_EPOCH, else the speech's date. */
	if (o->epoch >= 0)
		pdf_date(o->epoch, date, sizeof(date));
	else if (m->date_iso != NULL && strlen(m->date_iso) == 10 &&
	    m->date_iso[0] != '-')
		snprintf(date, sizeof(date), "%sT00:00:00Z", m->date_iso);
	else
		pdf_date(0, date, sizeof(date));
	cairo_pdf_surface_set_metadata(pd->surf,
	    CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(pd->surf,
	    CAIRO_PDF_METADATA_MOD_DATE, date);
}

static cairo_status_t
pdf_write_mem(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Give the catalog its /Lang and write the file with a deterministic
 * /ID.  Returns 0, or -1 (reported).
 */
static int
pdf_finish_qpdf(GByteArray *pdf, const char *lang, const char *outpath)
{
	qpdf_data	 q;
	qpdf_oh		 root, val;
	FILE		*f = NULL;
	int		 rc = -1;

	q = qpdf_init();
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "docconv.pdf", (const char *)pdf->data,
	    pdf->len, NULL) & QPDF_ERRORS)
		goto err;
	root = qpdf_get_root(q);
	val = qpdf_oh_new_string(q, lang);
	qpdf_oh_replace_key(q, root, "/Lang", val);
	/* Into memory, then written here: qpdf_write() to a file does not
	 * report a full disk found at the final flush. */
	if (qpdf_init_write_memory(q) & QPDF_ERRORS)
		goto err;
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto err;
	if ((f = fopen(outpath, "wb")) == NULL ||
	    fwrite(qpdf_get_buffer(q), 1, qpdf_get_buffer_length(q), f) !=
	    qpdf_get_buffer_length(q) || fflush(f) != 0) {
		dc_msg_sys("%s: %s", outpath, g_strerror(errno));
		goto out;
	}
	rc = fclose(f);
	f = NULL;
	if (rc != 0) {
		dc_msg_sys("%s: %s", outpath, g_strerror(errno));
		rc = -1;
	}
	goto out;
err:
	dc_msg_sys("%s: qpdf: %s", outpath, qpdf_has_error(q) ?
	    qpdf_get_error_full_text(q, qpdf_get_error(q)) : "failed");
out:
	if (f != NULL)
		fclose(f);
	qpdf_cleanup(&q);
	return rc;
}

int
render_pdf(const struct dc_doc *d, const struct dc_opts *o,
    const char *outpath)
{
	struct pdf	 pd;
	GByteArray	*buf = NULL;
	enum ts_layout	 lay;
	const char	*lang;
	int		 rc = -1, n;

	memset(&pd, 0, sizeof(pd));
	if (ts_paper(o->paper, &pd.pw, &pd.ph) == -1 ||
	    ts_layout_parse(o->layout, d->meta.langs, &lay) == -1)
		goto out;
	if (o->impose != NULL) {
		if (strcmp(o->impose, "booklet") != 0) {
			dc_msg_sys("--impose %s: the only imposition is "
			    "booklet", o->impose);
			goto out;
		}
		pd.booklet = 1;
		pd.rec = g_ptr_array_new_with_free_func(
		    (GDestroyNotify)cairo_surface_destroy);
	}
	pd.pg = pg_new(d);
	buf = g_byte_array_new();
	pd.surf = cairo_pdf_surface_create_for_stream(pdf_write_mem, buf,
	    pd.booklet ? 2 * pd.pw : pd.pw, pd.ph);
	pdf_metadata(&pd, d, o);
	if (!pd.booklet)
		pd.cr = cairo_create(pd.surf);
	n = ts_run(d, o, pdf_page, &pd);
	if (pd.booklet && n > 0)
		pdf_impose(&pd);
	if (pd.cr != NULL)
		cairo_destroy(pd.cr);
	cairo_surface_finish(pd.surf);
	if (n < 0)
		goto out;
	if (cairo_surface_status(pd.surf) != CAIRO_STATUS_SUCCESS) {
		dc_msg_sys("%s: cairo: %s", outpath, cairo_status_to_string(
		    cairo_surface_status(pd.surf)));
		goto out;
	}
	lang = lay == TS_EN || !(d->meta.langs & (1u << DC_LANG_ZH)) ?
	    "en" : "zh-CN";
	if (pdf_finish_qpdf(buf, lang, outpath) == -1)
		goto out;
	rc = 0;
out:
	if (pd.rec != NULL)
		g_ptr_array_free(pd.rec, TRUE);
	if (pd.surf != NULL)
		cairo_surface_destroy(pd.surf);
	/* -v: runs that missed the subsets (t_pdf.sh wants none). */
	if (o->verbose > 0 && pg_fallbacks(pd.pg) > 0)
		fprintf(stderr, "docconv: PDF: %u runs painted from whole "
		    "fonts, not subsets\n", pg_fallbacks(pd.pg));
	pg_free(pd.pg);
	if (buf != NULL)
		g_byte_array_free(buf, TRUE);
	return rc;
}
