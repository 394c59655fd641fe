/*
 * The PDF backend: paints the pages typeset.c hands over on a cairo
 * PDF surface as they come, adds outline and metadata, and sets the
 * catalog's /Lang in an incremental update (cairo 1.16 cannot).
 */
#include "config.h"

#include <errno.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "docconv.h"
#include "pdf_glyphs.h"
#include "typeset.h"

#define PDF_OUTLINE_DEPTH 5	/* title, parts of levels 1-3, point */

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

/* A typeset page and its glyphs gathered for cairo. */
struct pdf_page {
	struct ts_page	*p;
	struct pg_page	*glyphs;
};

/*
 * Gather a page's glyphs into pp, or a new pg_page if NULL (on the
 * typesetting thread if there is one).
 */
static struct pg_page *
pdf_gather(const struct ts_page *p, struct pg_page *pp)
{
	const struct ts_item *it;
	guint		 i;

	if (pp == NULL)
		pp = pg_page_new();
	for (i = 0; i < p->items->len; i++) {
		it = &g_array_index(p->items, struct ts_item, i);
		pg_page_line(pp, it->para, it->line, it->x, it->y);
	}
	return pp;
}

/* Paint one typeset page on cr. */
static void
pdf_paint(struct pdf *pd, cairo_t *cr, const struct ts_page *p,
    const struct pg_page *pp)
{
	const struct ts_rule *r;
	guint		 i;

	cairo_set_source_rgb(cr, 0, 0, 0);
	pg_page_show(pd->pg, cr, pp);
	for (i = 0; i < p->rules->len; i++) {
		r = &g_array_index(p->rules, struct ts_rule, i);
		cairo_set_line_width(cr, r->width);
		cairo_move_to(cr, r->x0, r->y0);
		cairo_line_to(cr, r->x1, r->y1);
		cairo_stroke(cr);
	}
}

/*
 * Bookmarks of one page, nested title > part > point, a part under the
 * last part of a higher level (a level skipped nests one deep).
 */
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

/* Paint a page now, or record it for imposing; 0 or -1. */
static int
pdf_show(struct pdf *pd, const struct ts_page *p, const struct pg_page *pp)
{
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
		pdf_paint(pd, cr, p, pp);
		cairo_destroy(cr);
		g_ptr_array_add(pd->rec, rs);
		return 0;
	}
	pdf_marks(pd, p);
	pdf_paint(pd, pd->cr, p, pp);
	cairo_show_page(pd->cr);
	return cairo_status(pd->cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

/* ts_run() callback without a typesetting thread. */
static int
pdf_page(struct ts_page *p, void *arg)
{
	struct pg_page	*pp;
	int		 rc;

	pp = pdf_gather(p, NULL);
	rc = pdf_show(arg, p, pp);
	pg_page_free(pp);
	return rc;
}

/*
 * One file is typeset on a thread of its own while this one paints:
 * the typesetter hands finished pages over through a short queue (it
 * waits when PDF_AHEAD pages are waiting), and stops when painting
 * has failed.
 */
#define PDF_AHEAD	64

struct pdf_pipe {
	const struct dc_doc *d;
	const struct dc_opts *o;
	GMutex		 lock;
	GCond		 cond;
	GQueue		 pages;		/* struct pdf_page *, in order */
	GQueue		 spare;		/* struct pg_page *, painted */
	int		 done;		/* ts_run() has returned... */
	int		 n;		/* ... this */
	int		 stop;		/* painting failed */
};

/*
 * ts_run() callback on the typesetter's thread: gather the page's
 * glyphs and queue it.
 */
static int
pdf_pipe_page(struct ts_page *p, void *arg)
{
	struct pdf_pipe	*pp = arg;
	struct pdf_page	*q;
	int		 rc = 1;

	/*
	 * Pages painted come back to be filled again: memory taken here
	 * and given back on the painting thread would make both threads
	 * wait on malloc's locks.
	 */
	g_mutex_lock(&pp->lock);
	q = g_queue_pop_head(&pp->spare);
	g_mutex_unlock(&pp->lock);
	if (q == NULL) {
		q = g_new(struct pdf_page, 1);
		q->glyphs = NULL;
	}
	q->p = p;
	q->glyphs = pdf_gather(p, q->glyphs);
	g_mutex_lock(&pp->lock);
	while (pp->pages.length >= PDF_AHEAD && !pp->stop)
		g_cond_wait(&pp->cond, &pp->lock);
	if (pp->stop)
		rc = -1;
	else
		g_queue_push_tail(&pp->pages, q);
	g_cond_broadcast(&pp->cond);
	g_mutex_unlock(&pp->lock);
	if (rc == -1) {
		pg_page_free(q->glyphs);
		g_free(q);
	}
	return rc;
}

static gpointer
pdf_typeset(gpointer arg)
{
	struct pdf_pipe	*pp = arg;
	int		 n;

	n = ts_run(pp->d, pp->o, pdf_pipe_page, pp);
	g_mutex_lock(&pp->lock);
	pp->n = n;
	pp->done = 1;
	g_cond_broadcast(&pp->cond);
	g_mutex_unlock(&pp->lock);
	return NULL;
}

/*
 * Typeset on a thread and paint here as pages come; without a thread,
 * one after the other.  Returns what ts_run() returned.
 */
static int
pdf_run(struct pdf *pd, const struct dc_doc *d, const struct dc_opts *o)
{
	struct pdf_pipe	 pp;
	struct pdf_page	*q;
	GThread		*thr;

	if (!o->threads)
		return ts_run(d, o, pdf_page, pd);
	memset(&pp, 0, sizeof(pp));
	pp.d = d;
	pp.o = o;
	g_mutex_init(&pp.lock);
	g_cond_init(&pp.cond);
	g_queue_init(&pp.pages);
	g_queue_init(&pp.spare);
	if ((thr = g_thread_try_new("typeset", pdf_typeset, &pp,
	    NULL)) == NULL) {
		g_mutex_clear(&pp.lock);
		g_cond_clear(&pp.cond);
		return ts_run(d, o, pdf_page, pd);
	}
	for (;;) {
		g_mutex_lock(&pp.lock);
		while (pp.pages.length == 0 && !pp.done)
			g_cond_wait(&pp.cond, &pp.lock);
		q = g_queue_pop_head(&pp.pages);
		g_cond_broadcast(&pp.cond);
		g_mutex_unlock(&pp.lock);
		if (q == NULL)
			break;
		if (!pp.stop && pdf_show(pd, q->p, q->glyphs) == -1) {
			g_mutex_lock(&pp.lock);
			pp.stop = 1;
			g_cond_broadcast(&pp.cond);
			g_mutex_unlock(&pp.lock);
		}
		ts_page_free(q->p);
		pg_page_reset(q->glyphs);
		g_mutex_lock(&pp.lock);
		g_queue_push_tail(&pp.spare, q);
		g_mutex_unlock(&pp.lock);
	}
	g_thread_join(thr);
	while ((q = g_queue_pop_head(&pp.spare)) != NULL) {
		pg_page_free(q->glyphs);
		g_free(q);
	}
	g_mutex_clear(&pp.lock);
	g_cond_clear(&pp.cond);
	return pp.stop && pp.n >= 0 ? -1 : pp.n;
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

/*
 * The publisher's metadata (--meta) in the document information
 * dictionary.  cairo 1.16 writes only its seven keys, none of them a
 * publisher's, so they go into Keywords as "key: value" items, which
 * pdfinfo and every viewer show; the XMP packet is the place where
 * each has its own property.
 */
static void
pdf_metadata_pub(struct pdf *pd, const struct dc_meta *m)
{
	GString		*b;
	const char	*v;
	int		 k;

	b = g_string_new(NULL);
	/* The language tags are /Lang's (pdf_lang()). */
	for (k = 0; k < DC_PUB_LANG_ZH; k++) {
		if (k == DC_PUB_EDITOR)
			v = dc_meta_editor(m);
		else
			v = m->pub[k];
		if (v == NULL)
			continue;
		g_string_append_printf(b, "%s%s: %s", b->len > 0 ? "; " : "",
		    dc_pub_name(k), v);
	}
	if (b->len > 0)
		cairo_pdf_surface_set_metadata(pd->surf,
		    CAIRO_PDF_METADATA_KEYWORDS, b->str);
	g_string_free(b, TRUE);
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
	pdf_metadata_pub(pd, m);
}

/*
 * cairo writes straight into the output file through this.  Kept for
 * pdf_lang(): the last PDF_TAIL bytes (the trailer), the catalog object
 * as it goes by (an outline or an xref table of many entries can put
 * it far from the end), and an MD5 of everything, for /ID.
 */
struct pdf_out {
	FILE		*f;
	long long	 off;		/* bytes written */
	GByteArray	*tail;		/* the last PDF_TAIL bytes or more */
	GString		*cat;		/* the catalog object, or NULL */
	int		 incat;		/* cat still open (no endobj yet) */
	GChecksum	*md5;
	int		 err;		/* errno of the first failure */
};

#define PDF_TAIL	4096
#define PDF_CATALOG	" 0 obj\n<< /Type /Catalog\n"

/* The last occurrence of needle in [s, s + n), or NULL. */
static const char *
pdf_rfind(const char *s, size_t n, const char *needle)
{
	size_t	 k = strlen(needle), i;

	if (n < k)
		return NULL;
	for (i = n - k + 1; i-- > 0; )
		if (memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/*
 * Follow the catalog in what cairo has just written (len bytes at the
 * end of the tail): start a copy at "N 0 obj" where its head goes by
 * (the last such head counts), and end it after its "endobj".
 */
static void
pdf_catalog(struct pdf_out *po, size_t len)
{
	const char	*t = (const char *)po->tail->data, *h, *e, *from;
	size_t		 n = po->tail->len, look;

	look = len + sizeof(PDF_CATALOG) + 24;
	from = t + (look < n ? n - look : 0);
	if ((h = pdf_rfind(from, (size_t)(t + n - from), PDF_CATALOG)) !=
	    NULL) {
		while (h > t && g_ascii_isdigit(h[-1]))
			h--;
		if (po->cat == NULL)
			po->cat = g_string_new(NULL);
		g_string_assign(po->cat, "");
		g_string_append_len(po->cat, h, (gssize)(t + n - h));
		po->incat = 1;
	} else if (po->incat)
		g_string_append_len(po->cat, t + n - len, (gssize)len);
	if (po->incat && (e = strstr(po->cat->str, "endobj")) != NULL) {
		g_string_truncate(po->cat, (gsize)(e - po->cat->str) + 6);
		po->incat = 0;
	}
}

static cairo_status_t
pdf_write(void *arg, const unsigned char *data, unsigned int len)
{
	struct pdf_out	*po = arg;

	if (po->err != 0)
		return CAIRO_STATUS_WRITE_ERROR;
	if (fwrite(data, 1, len, po->f) != len) {
		po->err = errno != 0 ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	po->off += len;
	g_checksum_update(po->md5, data, len);
	while (len > 0) {
		unsigned int	 k = len < PDF_TAIL ? len : PDF_TAIL;

		/* Keep PDF_TAIL bytes before the new ones, for a head
		 * that straddles two writes. */
		if (po->tail->len + k > 2 * PDF_TAIL)
			g_byte_array_remove_range(po->tail, 0,
			    po->tail->len - PDF_TAIL);
		g_byte_array_append(po->tail, data, k);
		pdf_catalog(po, k);
		data += k;
		len -= k;
	}
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Give the catalog a /Lang (cairo 1.16 cannot) and the trailer an
 * /ID, as an incremental update appended to what cairo wrote: the
 * catalog again with /Lang, an xref section for it, and a trailer
 * that points back to cairo's.  The pages are never held in memory.
 * Returns 0, or -1 if cairo's trailer is not as expected.
 */
static int
pdf_lang(struct pdf_out *po, const char *lang)
{
	const char	*t, *p, *q;
	size_t		 n;
	long		 size, root, info, prev, num;
	long long	 xref;
	GString		*g;

	g_byte_array_append(po->tail, (const guint8 *)"", 1);
	t = (const char *)po->tail->data;
	n = po->tail->len - 1;
	if ((p = pdf_rfind(t, n, "trailer")) == NULL ||
	    sscanf(p, "trailer << /Size %ld /Root %ld 0 R /Info %ld 0 R",
	    &size, &root, &info) != 3 ||
	    (q = pdf_rfind(t, n, "startxref")) == NULL ||
	    sscanf(q, "startxref %ld", &prev) != 1)
		return -1;
	/* The catalog seen going by must be the root, and whole. */
	if (po->cat == NULL || po->incat ||
	    sscanf(po->cat->str, "%ld 0 obj", &num) != 1 || num != root ||
	    (p = strstr(po->cat->str, "<<")) == NULL ||
	    (q = pdf_rfind(p, strlen(p), ">>")) == NULL)
		return -1;
	g = g_string_new(NULL);
	g_string_append_printf(g, "%ld 0 obj\n%.*s/Lang (%s)\n>>\nendobj\n",
	    root, (int)(q - p), p, lang);
	xref = po->off + (long long)g->len;
	g_string_append_printf(g, "xref\n%ld 1\n%010lld 00000 n \n"
	    "trailer\n<< /Size %ld /Root %ld 0 R /Info %ld 0 R /Prev %ld\n"
	    "   /ID [<%s> <%s>] >>\nstartxref\n%lld\n%%%%EOF\n", root,
	    po->off, size, root, info, prev, g_checksum_get_string(po->md5),
	    g_checksum_get_string(po->md5), xref);
	/* Not pdf_write(): the checksum is closed now. */
	if (fwrite(g->str, 1, g->len, po->f) != g->len)
		po->err = errno != 0 ? errno : EIO;
	po->off += (long long)g->len;
	g_string_free(g, TRUE);
	return 0;
}

int
render_pdf(const struct dc_doc *d, const struct dc_opts *o,
    const char *outpath)
{
	struct pdf	 pd;
	struct pdf_out	 po;
	struct ts_face	 faces[TS_FACES_MAX];
	enum ts_layout	 lay;
	const char	*lang;
	int		 rc = -1, n, nf, i;

	memset(&pd, 0, sizeof(pd));
	memset(&po, 0, sizeof(po));
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
	if ((po.f = fopen(outpath, "wb")) == NULL) {
		dc_msg_sys("%s: %s", outpath, g_strerror(errno));
		goto out;
	}
	po.tail = g_byte_array_sized_new(2 * PDF_TAIL + 1);
	po.md5 = g_checksum_new(G_CHECKSUM_MD5);
	pd.pg = pg_new(d);
	/* One file: subset the faces it will need beside the typesetting. */
	nf = o->threads ? ts_faces(lay, d->meta.langs, faces) : 0;
	for (i = 0; i < nf; i++)
		pg_prepare(pd.pg, faces[i].role, (int)faces[i].weight);
	pg_start(pd.pg);
	pd.surf = cairo_pdf_surface_create_for_stream(pdf_write, &po,
	    pd.booklet ? 2 * pd.pw : pd.pw, pd.ph);
	pdf_metadata(&pd, d, o);
	if (!pd.booklet)
		pd.cr = cairo_create(pd.surf);
	n = pdf_run(&pd, d, o);
	if (pd.booklet && n > 0)
		pdf_impose(&pd);
	if (pd.cr != NULL)
		cairo_destroy(pd.cr);
	cairo_surface_finish(pd.surf);
	/* The user's tag (--meta lang-zh, lang-en) first. */
	lang = lay == TS_EN || !(d->meta.langs & (1u << DC_LANG_ZH)) ?
	    dc_lang_tag(&d->meta, DC_LANG_EN) :
	    d->meta.pub[DC_PUB_LANG_ZH] != NULL ?
	    d->meta.pub[DC_PUB_LANG_ZH] : d->meta.hant ? "zh-Hant" : "zh-CN";
	/*
	 * cairo from 1.17.6 writes an xref stream, not this trailer: the
	 * PDF is kept as cairo made it, without /Lang, with a warning.
	 */
	if (n >= 0 && po.err == 0 && cairo_surface_status(pd.surf) ==
	    CAIRO_STATUS_SUCCESS && pdf_lang(&po, lang) == -1)
		dc_msg(DC_WARN_GENERIC, 0, 0, "the PDF's trailer is not as "
		    "cairo 1.16 writes it; the document language (/Lang) "
		    "is not set");
	if (po.err == 0 && fflush(po.f) != 0)
		po.err = errno;
	/* A write error makes cairo fail too: name the cause. */
	if (po.err != 0) {
		dc_msg_sys("%s: %s", outpath, g_strerror(po.err));
		goto out;
	}
	if (cairo_surface_status(pd.surf) != CAIRO_STATUS_SUCCESS) {
		dc_msg_sys("%s: cairo: %s", outpath, cairo_status_to_string(
		    cairo_surface_status(pd.surf)));
		goto out;
	}
	if (n < 0)
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
	if (po.f != NULL && fclose(po.f) != 0 && rc == 0) {
		dc_msg_sys("%s: %s", outpath, g_strerror(errno));
		rc = -1;
	}
	if (po.tail != NULL)
		g_byte_array_free(po.tail, TRUE);
	if (po.cat != NULL)
		g_string_free(po.cat, TRUE);
	if (po.md5 != NULL)
		g_checksum_free(po.md5);
	return rc;
}
