/*
 * The PDF backend: paints the pages typeset.c hands over on a cairo
 * PDF surface as they come, each structure element's lines as marked
 * content (cairo_tag_begin()), adds outline and metadata, and then
 * what cairo 1.16 cannot write (a structure tree with /Lang on each
 * element, the catalog's /Lang, /MarkInfo, XMP metadata) as
 * pdf_fix.c writes the PDF again from cairo's (or, where cairo has to
 * write the output itself, in an incremental update).
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <zlib.h>

#include "docconv.h"
#include "numfmt.h"
#include "pdf_fix.h"
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
	int		 tagged;	/* marked content (not imposing) */
	GArray		*el;		/* struct pdf_el by element */
	GArray		*mc;		/* struct pdf_mc, as painted */
	const struct ts_page *cur;	/* the page being painted */
	cairo_t		*curcr;		/* ... on this */
	int		 mcid;		/* its next MCID */
	GArray		*arts;		/* struct pf_art, for pdf_fix.c */
	char		*title, *author, *date; /* for the XMP too */
};

/* A structure element met on the pages. */
struct pdf_el {
	enum ts_tag	 tag;		/* TS_TAG_NONE: not met */
	enum dc_lang	 lang;
};

/*
 * A piece of marked content painted: one array for them all, grouped
 * by element at the end (pdf_tree()); an array each took over 100
 * bytes an element, 20 MB in a 4,800-page PDF.
 */
struct pdf_mc {
	int		 elem;		/* the element's */
	int		 lbl;		/* ... its label's (TS_TAG_TURN) */
	struct pf_mcr	 m;
};

/*
 * The level cairo's page content is deflated at.  cairo 1.16 deflates
 * every stream at zlib's default level and has no way to ask for
 * another; at that level deflating the pages took 1.2 G of the 10.6 G
 * instructions the painting thread spent on a 972-page PDF, and
 * pdf_fix.c deflates each page again anyway (its artifacts marked).
 * So while this thread paints, a stream opened at the default level
 * is opened at the fastest instead: zlib's deflateInit_() is defined
 * here, which the dynamic linker gives cairo before libz's.  Any
 * other thread, any other time and any level asked for by name are
 * left alone.  The fonts cairo embeds at the end (cairo_surface_finish())
 * are deflated at the fastest too: they are deflated on no thread but
 * this one after the last page, and of a one-page PDF's 142 M
 * instructions there, the default level took 9 M more, for 1% of the
 * file.
 * When pdf_fix.c writes the PDF again, every page is deflated there
 * and cairo's content is only stored (level 0): deflated once, and
 * inflated for nothing.
 */
static _Thread_local int pdf_zlevel = Z_DEFAULT_COMPRESSION;

int
deflateInit_(z_streamp strm, int level, const char *version, int size)
{
	if (level == Z_DEFAULT_COMPRESSION)
		level = pdf_zlevel;
	/* What zlib's own deflateInit_() does, at that level. */
	return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY, version, size);
}

/*
 * cairo writes every number of a PDF through snprintf(), built with
 * _FORTIFY_SOURCE: through __snprintf_chk().  While this thread paints
 * and cairo finishes the file, that is defined here (as deflateInit_()
 * above) and the numbers are made by numfmt.c, to the byte as glibc
 * makes them (in a locale whose decimal point is '.', as cairo's own
 * is); any other format, thread or time goes to glibc.
 */
static _Thread_local int pdf_numfmt;

#ifdef __GLIBC__
int	__vsnprintf_chk(char *, size_t, int, size_t, const char *, va_list);
int	__snprintf_chk(char *, size_t, int, size_t, const char *, ...);

int
__snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
    const char *fmt, ...)
{
	va_list		 ap;
	char		 buf[64];
	int		 k = -1;

	if (pdf_numfmt && maxlen <= slen) {
		va_start(ap, fmt);
		k = dc_numfmt(buf, fmt, ap);
		va_end(ap);
	}
	if (k >= 0 && (size_t)k < maxlen) {
		memcpy(s, buf, (size_t)k + 1);
		return k;
	}
	va_start(ap, fmt);
	k = __vsnprintf_chk(s, maxlen, flag, slen, fmt, ap);
	va_end(ap);
	return k;
}
#endif

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

	const struct ln_line *l;
	int		 prev = -2, a, b, key;
	double		 x;

	if (pp == NULL)
		pp = pg_page_new();
	/*
	 * A chunk (marked content) for each run of lines of one element,
	 * one for each piece of furniture; a turn's label a chunk of its
	 * own (the glyphs of its first line in the lead's faces).  The
	 * two pieces of a word broken with a hyphen are chunks of their
	 * own too: cairo gives them /ActualText (the hyphen stands for the
	 * rest of the word, the rest copies as nothing), and a reader of
	 * the structure (poppler) ends an MCID's text at the first nested
	 * marked content; the hyphen is left out of the element.
	 */
	for (i = 0; i < p->items->len; i++) {
		it = &g_array_index(p->items, struct ts_item, i);
		key = (int)i * 2;
		if (it->elem != prev || it->elem < 0 || it->lbl > 0)
			pg_page_mark(pp, key);
		prev = it->elem;
		l = &it->para->lines[it->line];
		a = l->g0;
		x = it->x;
		if (it->lbl > 0) {
			while (a < l->g1 && (it->para->fonts[it->para->g[a].font] ==
			    it->para->st->lead[0] || it->para->fonts[
			    it->para->g[a].font] == it->para->st->lead[1]))
				a++;
			pg_page_mark(pp, key + 1);
			x = pg_page_glyphs(pp, it->para, it->line, l->g0, a, 0,
			    x, it->y);
			pg_page_mark(pp, key);
		}
		if ((b = pg_broken_end(it->para, it->line)) > a) {
			x = pg_page_glyphs(pp, it->para, it->line, a, b, 0, x,
			    it->y);
			pg_page_mark(pp, key);
			a = b;
		}
		if (pg_hyphenated(it->para, it->line)) {
			/* The hyphen outside the element's content: it is
			 * typography, not text, an artifact (pdf_mark()). */
			x = pg_page_glyphs(pp, it->para, it->line, a, l->g1, 0,
			    x, it->y);
			pg_page_mark(pp, -1);
			pg_page_glyphs(pp, it->para, it->line, l->g1, l->g1, 1,
			    x, it->y);
			if (i + 1 < p->items->len)
				pg_page_mark(pp, key);
		} else
			pg_page_glyphs(pp, it->para, it->line, a, l->g1, 1, x,
			    it->y);
	}
	pg_page_end(pp);
	return pp;
}

/*
 * The structure tag artifacts are drawn in: cairo 1.16 knows no
 * artifact and rejects a tag name it does not know, so they are
 * marked content of an element of its own tree (which our catalog
 * does not point to), and pdf_fix.c rewrites them, by their MCIDs,
 * as /Artifact in the update.
 */
#define PDF_ARTIFACT	"Private"

/* Begin (or end) an artifact of the kind given on the page painted. */
static void
pdf_artifact(struct pdf *pd, enum pf_art_kind kind, int begin)
{
	struct pf_art	 a;

	if (!begin) {
		cairo_tag_end(pd->curcr, PDF_ARTIFACT);
		return;
	}
	a.page = pd->npages - 1;
	a.mcid = pd->mcid++;
	a.kind = kind;
	g_array_append_val(pd->arts, a);
	cairo_tag_begin(pd->curcr, PDF_ARTIFACT, NULL);
}

static const char *const pdf_tag_names[TS_TAG__MAX] = {
	[TS_TAG_NONE] = NULL,
	[TS_TAG_P] = "P",
	[TS_TAG_H1] = "H1",
	[TS_TAG_H2] = "H2",
	[TS_TAG_H3] = "H3",
	[TS_TAG_H4] = "H4",
	[TS_TAG_CAPTION] = "Caption",
	[TS_TAG_NOTE] = "Note",
	[TS_TAG_TURN] = "P",
};

/*
 * pg_page_show() callback: mark a chunk's content as its element's
 * (cairo gives it the page's next MCID) and note where it is.
 */
static void
pdf_mark(void *arg, int key, int begin)
{
	struct pdf	*pd = arg;
	const struct ts_item *it;
	struct pdf_el	*e;
	struct pdf_mc	 mc;
	const char	*name;
	int		 lbl = key % 2;

	if (!pd->tagged)
		return;
	/* The hyphen added at a broken word's end (pdf_gather()). */
	if (key < 0) {
		pdf_artifact(pd, PF_ART_LAYOUT, begin);
		return;
	}
	it = &g_array_index(pd->cur->items, struct ts_item, key / 2);
	/* Furniture: running head and folio, both at the head. */
	if (it->elem < 0 || it->tag == TS_TAG_NONE) {
		pdf_artifact(pd, PF_ART_HEADER, begin);
		return;
	}
	name = lbl ? "Lbl" : pdf_tag_names[it->tag];
	if (!begin) {
		cairo_tag_end(pd->curcr, name);
		return;
	}
	if ((guint)it->elem >= pd->el->len)
		g_array_set_size(pd->el, (guint)it->elem + 1);
	e = &g_array_index(pd->el, struct pdf_el, it->elem);
	if (e->tag == TS_TAG_NONE) {
		e->tag = it->tag;
		e->lang = it->lang;
	}
	mc.elem = it->elem;
	mc.lbl = lbl && e->tag == TS_TAG_TURN;
	mc.m.page = pd->npages - 1;
	mc.m.mcid = pd->mcid++;
	g_array_append_val(pd->mc, mc);
	cairo_tag_begin(pd->curcr, name, NULL);
}

/* Paint one typeset page on cr. */
static void
pdf_paint(struct pdf *pd, cairo_t *cr, const struct ts_page *p,
    const struct pg_page *pp)
{
	const struct ts_rule *r;
	guint		 i;

	cairo_set_source_rgb(cr, 0, 0, 0);
	pd->cur = p;
	pd->curcr = cr;
	pd->mcid = 0;
	pg_page_show(pd->pg, cr, pp, pdf_mark, pd);
	for (i = 0; i < p->rules->len; i++) {
		r = &g_array_index(p->rules, struct ts_rule, i);
		if (pd->tagged)
			pdf_artifact(pd, r->head ? PF_ART_HEADER :
			    PF_ART_LAYOUT, 1);
		cairo_set_line_width(cr, r->width);
		cairo_move_to(cr, r->x0, r->y0);
		cairo_line_to(cr, r->x1, r->y1);
		cairo_stroke(cr);
		if (pd->tagged)
			pdf_artifact(pd, 0, 0);
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
 * has failed.  Four: pages painted chunk by chunk (tagged) hold more
 * runs, 64 waiting took a 968-page PDF past 100 MB, and 16 held 4.5
 * MB more than 4 at the peak of a 4,883-page one; a queue longer than
 * a few pages lets neither thread run more.
 */
#define PDF_AHEAD	4

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
	void		*msgs;		/* the painter's dc_msg_context() */
	struct pg	*pg;		/* the painter's faces */
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
	/* What cairo will load to paint it, loaded here. */
	pg_page_warm(pp->pg, q->glyphs);
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

	/* Its errors are the file's, whatever thread notices them. */
	dc_msg_adopt(pp->msgs);
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
	pp.msgs = dc_msg_context();
	/* A booklet's pages are recorded first: other scaled fonts. */
	pp.pg = pd->booklet ? NULL : pd->pg;
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
    const struct dc_opts *o, enum ts_layout lay)
{
	const struct dc_meta *m = &d->meta;
	const struct dc_lmeta *z = &m->l[DC_LANG_ZH], *e = &m->l[DC_LANG_EN];
	const struct dc_lmeta *a, *b;
	char		*s;
	char		 date[32];

	/* The layout's primary language leads title and author. */
	a = lay == TS_EN ? e : z;
	b = lay == TS_EN ? z : e;
	if (a->title != NULL && b->title != NULL)
		s = g_strconcat(a->title, " / ", b->title, NULL);
	else
		s = g_strdup(a->title != NULL ? a->title :
		    b->title != NULL ? b->title : "");
	cairo_pdf_surface_set_metadata(pd->surf, CAIRO_PDF_METADATA_TITLE,
	    s);
	pd->title = s;
	if (m->given[DC_GIVEN_AUTHOR] != NULL)
		s = g_strdup(m->given[DC_GIVEN_AUTHOR]);
	else if (a->speaker != NULL && b->speaker != NULL)
		s = g_strconcat(a->speaker, " / ", b->speaker, NULL);
	else if (a->speaker != NULL || b->speaker != NULL)
		s = g_strdup(a->speaker != NULL ? a->speaker : b->speaker);
	else if (m->reporters != NULL)
		s = g_strdup(m->reporters);
	else
		s = g_strdup(m->agency);
	if (s != NULL)
		cairo_pdf_surface_set_metadata(pd->surf,
		    CAIRO_PDF_METADATA_AUTHOR, s);
	pd->author = s;
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
	pd->date = g_strdup(date);
}

/* One XMP property holding text, in the container given (or none). */
static void
pdf_xmp_prop(GString *g, const char *name, const char *box, const char *v)
{
	char	*t;

	if (v == NULL)
		return;
	t = g_markup_escape_text(v, -1);
	if (box == NULL)
		g_string_append_printf(g, "<%s>%s</%s>\n", name, t, name);
	else
		g_string_append_printf(g, "<%s><rdf:%s><rdf:li%s>%s</rdf:li>"
		    "</rdf:%s></%s>\n", name, box, strcmp(box, "Alt") == 0 ?
		    " xml:lang=\"x-default\"" : "", t, box, name);
	g_free(t);
}

/*
 * The publisher's metadata in XMP: publisher, rights (an SPDX id with
 * its licence page), source address, editor and translator, ISBN and
 * series.
 */
static void
pdf_xmp_pub(GString *g, const struct dc_meta *m)
{
	const char	*one[2], *const *urls;
	const char	*ed = dc_meta_editor(m), *tr = m->pub[DC_PUB_TRANSLATOR];
	char		*t;

	pdf_xmp_prop(g, "dc:publisher", "Bag", m->pub[DC_PUB_PUBLISHER]);
	pdf_xmp_prop(g, "dc:rights", "Alt", m->pub[DC_PUB_RIGHTS]);
	if (m->pub[DC_PUB_RIGHTS] != NULL &&
	    dc_pub_is_spdx(m->pub[DC_PUB_RIGHTS])) {
		t = g_strdup_printf("https://spdx.org/licenses/%s.html",
		    m->pub[DC_PUB_RIGHTS]);
		g_string_append(g, "<xmpRights:Marked>True</xmpRights:Marked>\n");
		pdf_xmp_prop(g, "xmpRights:WebStatement", NULL, t);
		g_free(t);
	}
	/* The first http(s) address; another scheme is no source. */
	for (urls = dc_meta_urls(m, one); *urls != NULL &&
	    !dc_url_web(*urls); urls++)
		;
	pdf_xmp_prop(g, "dc:source", NULL, *urls);
	if (ed != NULL || tr != NULL) {
		g_string_append(g, "<dc:contributor><rdf:Bag>");
		for (int i = 0; i < 2; i++) {
			const char *v = i == 0 ? ed : tr;
			if (v == NULL)
				continue;
			t = g_markup_escape_text(v, -1);
			g_string_append_printf(g, "<rdf:li>%s</rdf:li>", t);
			g_free(t);
		}
		g_string_append(g, "</rdf:Bag></dc:contributor>\n");
	}
	if (m->pub[DC_PUB_ISBN] != NULL) {
		t = g_strconcat("urn:isbn:", m->pub[DC_PUB_ISBN], NULL);
		pdf_xmp_prop(g, "dc:identifier", NULL, t);
		g_free(t);
		pdf_xmp_prop(g, "prism:isbn", NULL, m->pub[DC_PUB_ISBN]);
	}
	pdf_xmp_prop(g, "prism:seriesTitle", NULL, m->pub[DC_PUB_SERIES]);
}

/* XMP metadata: title, author, languages, and the PDF/UA part. */
static char *
pdf_xmp(const struct pdf *pd, const struct dc_doc *d, const char *zh)
{
	GString		*g = g_string_new(NULL);
	char		*t;

	g_string_append(g, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "  xmlns:xmpRights=\"http://ns.adobe.com/xap/1.0/rights/\"\n"
	    "  xmlns:prism=\"http://prismstandard.org/namespaces/basic/3.0/\"\n"
	    "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
	/* An imposed booklet is not tagged: no PDF/UA claimed. */
	if (pd->tagged)
		g_string_append(g, "<pdfuaid:part>1</pdfuaid:part>\n");
	g_string_append(g, "<dc:format>application/pdf</dc:format>\n");
	t = g_markup_escape_text(pd->title != NULL ? pd->title : "", -1);
	g_string_append_printf(g, "<dc:title><rdf:Alt><rdf:li xml:lang="
	    "\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", t);
	g_free(t);
	if (pd->author != NULL) {
		t = g_markup_escape_text(pd->author, -1);
		g_string_append_printf(g, "<dc:creator><rdf:Seq><rdf:li>%s"
		    "</rdf:li></rdf:Seq></dc:creator>\n", t);
		g_free(t);
	}
	g_string_append(g, "<dc:language><rdf:Bag>");
	if (zh != NULL)
		g_string_append_printf(g, "<rdf:li>%s</rdf:li>", zh);
	if (d->meta.langs & (1u << DC_LANG_EN))
		g_string_append_printf(g, "<rdf:li>%s</rdf:li>",
		    dc_lang_tag(&d->meta, DC_LANG_EN));
	g_string_append(g, "</rdf:Bag></dc:language>\n");
	pdf_xmp_pub(g, &d->meta);
	g_string_append_printf(g, "<xmp:CreatorTool>docconv %s"
	    "</xmp:CreatorTool>\n", PACKAGE_VERSION);
	if (pd->date != NULL)
		g_string_append_printf(g, "<xmp:CreateDate>%s</xmp:CreateDate>\n"
		    "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", pd->date,
		    pd->date);
	g_string_append(g, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
	return g_string_free(g, FALSE);
}

/*
 * The marked content of each element, then of its label, in the order
 * painted, from pd->mc; the run of element i (label: 2 * i + 1) is
 * (*off)[2 * i] to (*off)[2 * i + 1] (label: to [2 * i + 2]).  The
 * caller frees both.
 */
static struct pf_mcr *
pdf_mcrs(const struct pdf *pd, int **off)
{
	struct pf_mcr	*v;
	const struct pdf_mc *mc;
	int		*at, nk = 2 * (int)pd->el->len, k;
	guint		 i;

	*off = g_new0(int, nk + 1);
	for (i = 0; i < pd->mc->len; i++) {
		mc = &g_array_index(pd->mc, struct pdf_mc, i);
		(*off)[2 * mc->elem + mc->lbl + 1]++;
	}
	for (k = 0; k < nk; k++)
		(*off)[k + 1] += (*off)[k];
	at = g_memdup2(*off, (gsize)nk * sizeof(int));
	v = g_new(struct pf_mcr, pd->mc->len ? pd->mc->len : 1);
	for (i = 0; i < pd->mc->len; i++) {
		mc = &g_array_index(pd->mc, struct pdf_mc, i);
		v[at[2 * mc->elem + mc->lbl]++] = mc->m;
	}
	g_free(at);
	return v;
}

/*
 * The structure tree: Document, one Sect per language, and in each
 * the elements of that language in the order set (reading order),
 * each with its /Lang; a turn's label a Lbl inside its P.  Its marked
 * content is in *mcrs, which the caller frees.
 */
static GArray *
pdf_tree(const struct pdf *pd, const char *doclang, const char *zh,
    struct pf_mcr **mcrs)
{
	GArray		*t = g_array_new(FALSE, TRUE, sizeof(struct pf_elem));
	struct pf_elem	 e;
	const struct pdf_el *el;
	int		*off, l, sect;
	guint		 i;

	*mcrs = pdf_mcrs(pd, &off);
	memset(&e, 0, sizeof(e));
	e.type = "Document";
	e.lang = doclang;
	e.parent = -1;
	g_array_append_val(t, e);
	for (l = 0; l < DC_LANG__MAX; l++) {
		sect = -1;
		for (i = 0; i < pd->el->len; i++) {
			el = &g_array_index(pd->el, struct pdf_el, i);
			if (el->tag == TS_TAG_NONE || (int)el->lang != l)
				continue;
			memset(&e, 0, sizeof(e));
			e.lang = l == DC_LANG_ZH ? zh : "en";
			if (sect < 0) {
				e.type = "Sect";
				e.parent = 0;
				g_array_append_val(t, e);
				sect = (int)t->len - 1;
			}
			e.type = pdf_tag_names[el->tag];
			e.parent = sect;
			e.mcrs = *mcrs + off[2 * i];
			e.nmcrs = off[2 * i + 1] - off[2 * i];
			g_array_append_val(t, e);
			if (off[2 * i + 2] > off[2 * i + 1]) {
				e.type = "Lbl";
				e.parent = (int)t->len - 1;
				e.mcrs = *mcrs + off[2 * i + 1];
				e.nmcrs = off[2 * i + 2] - off[2 * i + 1];
				g_array_append_val(t, e);
			}
		}
	}
	g_free(off);
	return t;
}

/*
 * A digest of everything cairo writes, for /ID: the same bytes give
 * the same /ID, and /ID changes with them.  It need not be secure, so
 * it is not MD5, which cost 13 instructions a byte (0.21 G of a
 * 16 MB PDF, on the painting thread, the busier of the two): two
 * lanes of 64 bits each take 8 bytes at a multiply, then a finish
 * that mixes every bit of both into both (MurmurHash3's).
 */
struct pdf_digest {
	guint64		 h[2];
	guint64		 n;		/* bytes taken */
	unsigned char	 buf[16];	/* a block begun, n % 16 bytes */
};

#define PDF_K1	G_GUINT64_CONSTANT(0x87c37b91114253d5)
#define PDF_K2	G_GUINT64_CONSTANT(0x4cf5ad432745937f)

static guint64
pdf_rotl(guint64 x, int r)
{
	return x << r | x >> (64 - r);
}

static guint64
pdf_fmix(guint64 k)
{
	k ^= k >> 33;
	k *= G_GUINT64_CONSTANT(0xff51afd7ed558ccd);
	k ^= k >> 33;
	k *= G_GUINT64_CONSTANT(0xc4ceb9fe1a85ec53);
	k ^= k >> 33;
	return k;
}

/* One block of 16 bytes into the lanes (little-endian words). */
static void
pdf_digest_block(struct pdf_digest *dg, const unsigned char *p)
{
	guint64	 w[2];

	memcpy(w, p, sizeof(w));
	dg->h[0] = pdf_rotl(dg->h[0] ^ pdf_rotl(GUINT64_FROM_LE(w[0]) *
	    PDF_K1, 31) * PDF_K2, 27) * 5 + 0x52dce729;
	dg->h[1] = pdf_rotl(dg->h[1] ^ pdf_rotl(GUINT64_FROM_LE(w[1]) *
	    PDF_K2, 33) * PDF_K1, 31) * 5 + 0x38495ab5;
}

static void
pdf_digest_add(struct pdf_digest *dg, const unsigned char *p, size_t len)
{
	size_t	 have = (size_t)(dg->n % 16), k;

	dg->n += len;
	if (have > 0) {
		k = MIN(16 - have, len);
		memcpy(dg->buf + have, p, k);
		p += k;
		len -= k;
		if (have + k < 16)
			return;
		pdf_digest_block(dg, dg->buf);
	}
	for (; len >= 16; p += 16, len -= 16)
		pdf_digest_block(dg, p);
	memcpy(dg->buf, p, len);
}

/* The digest as 32 hex digits and a NUL into hex. */
static void
pdf_digest_hex(struct pdf_digest *dg, char *hex)
{
	size_t	 have = (size_t)(dg->n % 16);
	guint64	 a, b;

	/* The last block begun, padded with zeros, and the length. */
	if (have > 0) {
		memset(dg->buf + have, 0, 16 - have);
		pdf_digest_block(dg, dg->buf);
	}
	a = dg->h[0] ^ dg->n;
	b = dg->h[1] ^ dg->n;
	a += b;
	b += a;
	a = pdf_fmix(a);
	b = pdf_fmix(b);
	a += b;
	b += a;
	g_snprintf(hex, 33, "%016" G_GINT64_MODIFIER "x%016"
	    G_GINT64_MODIFIER "x", a, b);
}

/*
 * cairo writes through this into a scratch file (or, where there can
 * be none, straight into the output file), keeping a digest of
 * everything for /ID.
 */
struct pdf_out {
	FILE		*f;
	FILE		*out;		/* the output, if f is scratch */
	long long	 off;		/* bytes written */
	struct pdf_digest id;
	int		 err;		/* errno of the first failure */
};

/*
 * A scratch file beside the output, gone when closed; NULL if none can
 * be made (standard output's file is in memory, its directory not
 * ours).  Named as libzip names its own, which dc_output_sweep() knows
 * if the process is killed before the name is let go.
 */
static FILE *
pdf_scratch(const char *outpath)
{
	char	*t;
	FILE	*f = NULL;
	int	 fd;

	t = g_strdup_printf("%s.XXXXXX", outpath);
	if ((fd = g_mkstemp(t)) != -1) {
		(void)unlink(t);
		if ((f = fdopen(fd, "w+b")) == NULL)
			close(fd);
	}
	g_free(t);
	return f;
}

/* The scratch file as it is into the output; 0 or -1 (errno). */
static int
pdf_copy(struct pdf_out *po)
{
	char	 buf[65536];
	size_t	 n;

	errno = 0;
	/* From the start: pdf_fix.c may have written some of it. */
	if (fflush(po->f) != 0 || fseek(po->f, 0, SEEK_SET) != 0 ||
	    fflush(po->out) != 0 || ftruncate(fileno(po->out), 0) != 0 ||
	    fseek(po->out, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), po->f)) > 0)
		if (fwrite(buf, 1, n, po->out) != n)
			return -1;
	return ferror(po->f) ? -1 : 0;
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
	pdf_digest_add(&po->id, data, len);
	return CAIRO_STATUS_SUCCESS;
}

int
render_pdf(const struct dc_doc *d, const struct dc_opts *o,
    const char *outpath)
{
	struct pdf	 pd;
	struct pdf_out	 po;
	struct ts_face	 faces[TS_FACES_MAX];
	enum ts_layout	 lay;
	const char	*lang, *zh;
	struct pf_amend	 am;
	GArray		*tree = NULL;
	struct pf_mcr	*mcrs = NULL;
	char		*xmp = NULL, idhex[33];
	int		 rc = -1, n, nf, i, k = 0;

	memset(&pd, 0, sizeof(pd));
	memset(&po, 0, sizeof(po));
	if (ts_paper(o->paper, &pd.pw, &pd.ph) == -1 ||
	    ts_layout_parse(o->layout, d->meta.langs, 0, &lay) == -1)
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
	/*
	 * Read back by pdf_fix.c, which writes the PDF again into the
	 * output with what cairo cannot write; without a scratch file,
	 * cairo writes the output and the rest is appended to it.
	 */
	if (((po.f = pdf_scratch(outpath)) != NULL &&
	    (po.out = fopen(outpath, "wb")) == NULL) ||
	    (po.f == NULL && (po.f = fopen(outpath, "w+b")) == NULL)) {
		dc_msg_sys("%s: %s", outpath, g_strerror(errno));
		goto out;
	}
	/*
	 * A booklet is for the printer: its sheets hold pages n and 1,
	 * 2 and n - 1 side by side, to be folded and cut, and its pages
	 * are cairo's recordings painted as XObjects, whose marked content
	 * cairo 1.16 cannot put in a structure tree.  It gets /Lang, its
	 * metadata and /Marked false; the reading PDF is the tagged one.
	 */
	pd.tagged = !pd.booklet;
	pd.el = g_array_new(FALSE, TRUE, sizeof(struct pdf_el));
	pd.mc = g_array_new(FALSE, FALSE, sizeof(struct pdf_mc));
	pd.arts = g_array_new(FALSE, FALSE, sizeof(struct pf_art));
	pd.pg = pg_new(d);
	/* One file: subset the faces it will need beside the typesetting. */
	nf = o->threads ? ts_faces(o, lay, d->meta.langs, faces) : 0;
	for (i = 0; i < nf; i++)
		pg_prepare(pd.pg, faces[i].family, faces[i].weight);
	pg_start(pd.pg);
	pd.surf = cairo_pdf_surface_create_for_stream(pdf_write, &po,
	    pd.booklet ? 2 * pd.pw : pd.pw, pd.ph);
	pg_surface(pd.pg, pd.surf);
	pdf_metadata(&pd, d, o, lay);
	if (!pd.booklet)
		pd.cr = cairo_create(pd.surf);
#ifdef __GLIBC__
	/*
	 * The reader's buffers, freed, back to the system: the threads
	 * typesetting and subsetting allocate from arenas of their own,
	 * and the pages of a long text would come on top of them.
	 */
	malloc_trim(0);
#endif
	pdf_zlevel = po.out != NULL ? Z_NO_COMPRESSION : Z_BEST_SPEED;
	pdf_numfmt = strcmp(localeconv()->decimal_point, ".") == 0;
	n = pdf_run(&pd, d, o);
	pdf_zlevel = Z_DEFAULT_COMPRESSION;
	if (pd.booklet && n > 0)
		pdf_impose(&pd);
	if (pd.cr != NULL)
		cairo_destroy(pd.cr);
	pdf_zlevel = Z_BEST_SPEED;
	cairo_surface_finish(pd.surf);
	pdf_zlevel = Z_DEFAULT_COMPRESSION;
	pdf_numfmt = 0;
#ifdef __GLIBC__
	/*
	 * cairo has let go of its own structure tree (a node for every
	 * piece of marked content, 40 MB at 4,883 pages): back to the
	 * system before pdf_fix.c reads the file back, else the update's
	 * tables come on top of it.
	 */
	malloc_trim(0);
#endif
	/* The user's tag (--meta lang-zh, lang-en) first. */
	lang = lay == TS_EN || !(d->meta.langs & (1u << DC_LANG_ZH)) ?
	    dc_lang_tag(&d->meta, DC_LANG_EN) :
	    dc_lang_tag(&d->meta, DC_LANG_ZH);
	zh = dc_lang_tag(&d->meta, DC_LANG_ZH);
	if (n >= 0 && po.err == 0 && cairo_surface_status(pd.surf) ==
	    CAIRO_STATUS_SUCCESS) {
		if (fflush(po.f) != 0)
			po.err = errno;
		memset(&am, 0, sizeof(am));
		am.lang = lang;
		pdf_digest_hex(&po.id, idhex);
		am.id = idhex;
		xmp = pdf_xmp(&pd, d, lay == TS_EN ? NULL : zh);
		am.xmp = xmp;
		if (pd.tagged) {
			tree = pdf_tree(&pd, strcmp(lang, "en") == 0 ? "en" :
			    zh, zh, &mcrs);
			am.elems = (const struct pf_elem *)(void *)tree->data;
			am.nelems = (int)tree->len;
			am.arts = (const struct pf_art *)(void *)
			    pd.arts->data;
			am.narts = (int)pd.arts->len;
		}
		am.out = po.out;
		errno = 0;
		if (po.err == 0 && (k = pf_amend(po.f, po.off, &am)) == -1) {
			if (errno != 0)
				po.err = errno;
			else
				dc_msg(DC_WARN_GENERIC, 0, 0, "the PDF cairo "
				    "wrote is not understood; its language, "
				    "metadata and structure are not set");
		}
		/* Not written again: the output is the scratch file. */
		if (po.err == 0 && po.out != NULL && k != 1 &&
		    pdf_copy(&po) == -1)
			po.err = errno != 0 ? errno : EIO;
	}
	if (po.err == 0 && fflush(po.f) != 0)
		po.err = errno;
	if (po.err == 0 && po.out != NULL && fflush(po.out) != 0)
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
	if (po.f != NULL && fclose(po.f) != 0 && rc == 0 && po.out == NULL) {
		dc_msg_sys("%s: %s", outpath, g_strerror(errno));
		rc = -1;
	}
	if (po.out != NULL && fclose(po.out) != 0 && rc == 0) {
		dc_msg_sys("%s: %s", outpath, g_strerror(errno));
		rc = -1;
	}
	if (pd.el != NULL)
		g_array_free(pd.el, TRUE);
	if (pd.mc != NULL)
		g_array_free(pd.mc, TRUE);
	g_free(mcrs);
	if (pd.arts != NULL)
		g_array_free(pd.arts, TRUE);
	if (tree != NULL)
		g_array_free(tree, TRUE);
	g_free(xmp);
	g_free(pd.title);
	g_free(pd.author);
	g_free(pd.date);
	return rc;
}
