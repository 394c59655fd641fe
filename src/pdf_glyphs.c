/*
 * Painting shaped lines with per-document subsets of their faces.
 *
 * cairo 1.16 reads a face's whole cmap subtable for every new glyph it
 * embeds, and the whole CFF table of each face it embeds from; for
 * Noto CJK (65,535 glyphs, 16 to 23 MB of CFF in each face) that was
 * most of docconv's time and memory for a PDF.  So the lines shaped
 * with the installed faces (lines.c) are painted here with HarfBuzz
 * subsets of those faces, made once per document from the characters
 * of the document: the glyph ids are mapped from the installed face
 * to the subset, and cairo embeds from a face of a few hundred KB.
 * A run with a glyph outside its subset (a character nobody foresaw,
 * a glyph only a substitution reaches) or a face HarfBuzz cannot
 * subset is painted from the whole installed face: slower, never
 * wrong.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <glib.h>
#include <hb.h>
#include <hb-subset.h>

#include "docconv.h"
#include "fonts.h"
#include "lines.h"
#include "pdf_glyphs.h"
#include "utf8.h"

/*
 * One installed face and its subset for this document.  The subset is
 * made on the helper thread when the face was foreseen (pg_prepare()),
 * else when first painted with; the cairo face is made on first use.
 */
struct pg_face {
	char			*file;	/* font file */
	int			 index;	/* face in that file */
	int			 queued; /* for the helper thread */
	int			 busy;	/* subset taken on by a thread */
	int			 ready;	/* subset made (or failed) */
	hb_subset_input_t	*in;	/* the subsetter's input */
	hb_subset_plan_t	*plan;	/* NULL if the face is not subset */
	hb_blob_t		*sub;	/* the subset's bytes */
	const hb_map_t		*map;	/* old glyph id -> subset id */
	cairo_font_face_t	*cface;	/* cairo face of the subset */
	int			 done;	/* cface made or given up */
	guint8			*warm;	/* glyphs loaded (pg_page_warm()) */
	guint32			*ids;	/* map's value + 1 by old id, 0: not
					 * looked up yet (painting thread's) */
};

/* A font's stand-in: its subset (or whole face) at its size. */
struct pg_font {
	cairo_scaled_font_t	*sf;
	cairo_scaled_font_t	*unit;	/* its face at 1 pt (pg_page_warm()) */
	const hb_map_t		*map;	/* of its face; NULL: whole face */
	struct pg_face		*face;	/* ... that face */
	guint8			*warm;	/* glyphs loaded at its size */
};

/*
 * What a page shows in one font: showing a page's glyphs of one font
 * at once costs cairo far less than line by line.  A run is a range of
 * the page's glyphs, clusters and text, whose glyph ids are the
 * installed face's until pg_page_show() maps them.
 */
struct pg_run {
	const struct ln_font	*font;
	guint			 g0, ng; /* glyphs [g0, g0 + ng) */
	guint			 c0, nc; /* clusters */
	gsize			 t0, nt; /* the clusters' text, bytes */
};

/*
 * The chunk being gathered keeps its glyphs of each font apart until
 * it ends, then they go into the page's arrays run by run.
 */
struct pg_open {
	const struct ln_font	*font;
	GArray			*glyphs; /* cairo_glyph_t */
	GArray			*clusters; /* cairo_text_cluster_t */
	GString			*text;
};

/*
 * A page is shown in chunks, in the order of reading (a chunk is the
 * lines of one structure element, tagged as such by the caller), and
 * each chunk font by font.
 */
struct pg_chunk {
	int			 key;	/* the caller's, -1 before any */
	guint			 r0, r1; /* its runs [r0, r1) */
};

/*
 * A page keeps one array of each kind for all its runs, so that a page
 * reused for the next (render_pdf.c) holds no more than its largest
 * page did; a run each with room of its own grew with the document.
 */
struct pg_page {
	GArray			*runs;	/* struct pg_run, chunk by chunk */
	GArray			*glyphs; /* cairo_glyph_t of all runs */
	GArray			*clusters; /* cairo_text_cluster_t */
	GString			*text;
	GPtrArray		*open;	/* struct pg_open of the chunk being
					   gathered, in order of first use,
					   then those kept for the next */
	guint			 nopen;	/* used by that chunk */
	GArray			*chunks; /* struct pg_chunk */
};

/* What the cairo face of a subset keeps alive. */
struct pg_ft {
	FT_Face		 ft;
	hb_blob_t	*blob;		/* the subset's bytes */
};

struct pg {
	hb_subset_input_t	*in;	/* the document's characters */
	GHashTable		*faces;	/* "file:index" -> struct pg_face */
	GHashTable		*fonts;	/* struct ln_font * -> pg_font */
	GArray			*ids;	/* cairo_glyph_t, scratch */
	unsigned int		 fallbacks; /* runs painted by Pango */
	GPtrArray		*queue;	/* foreseen faces, in order */
	GThread			*thr;	/* subsetting them, until joined */
	GMutex			 lock;	/* guards pg_face.ready */
	GCond			 cond;	/* signalled as each is ready */
	GMutex			 flock;	/* guards faces, fonts (pg_font()) */
	cairo_font_options_t	*fo;	/* the surface's (pg_surface()) */
	cairo_t			*warmcr; /* pg_page_warm()'s, for outlines */
	GArray			*warmids; /* ... its cairo_glyph_t, new at a size */
	GArray			*warmface; /* ... and new to the face */
	GArray			*warmlate; /* runs waiting for a subset */
};

static void	 pg_show_runs(struct pg *, cairo_t *, const struct pg_page *,
		    guint, guint);

static FT_Library		 pg_lib;	/* for the process */
static const cairo_user_data_key_t pg_key;

static void
pg_ft_free(void *arg)
{
	struct pg_ft	*f = arg;

	FT_Done_Face(f->ft);
	hb_blob_destroy(f->blob);
	g_free(f);
}

static void
pg_face_free(void *arg)
{
	struct pg_face	*pf = arg;

	if (pf->cface != NULL)
		cairo_font_face_destroy(pf->cface);
	if (pf->plan != NULL)
		hb_subset_plan_destroy(pf->plan);
	hb_blob_destroy(pf->sub);
	if (pf->in != NULL)
		hb_subset_input_destroy(pf->in);
	g_free(pf->warm);
	g_free(pf->ids);
	g_free(pf->file);
	g_free(pf);
}

static void
pg_font_free(void *arg)
{
	struct pg_font	*f = arg;

	if (f != NULL) {
		cairo_scaled_font_destroy(f->sf);
		if (f->unit != NULL)
			cairo_scaled_font_destroy(f->unit);
		g_free(f->warm);
	}
	g_free(f);
}

/*
 * The characters of the BMP seen so far, a bit each: the document's
 * text is read a character at a time, and an hb_set_add() for each
 * (a search of the set's pages) was a fifth of a second at x200;
 * what is seen once goes into the set at the end (pg_chars()).
 */
#define PG_BMP	0x10000

/* Glyph ids of a face, as OpenType has them. */
#define PG_GIDS	0x10000

static void
pg_add_text(hb_set_t *u, guint8 *bmp, const char *s)
{
	const char	*p;
	unsigned int	 c;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; ) {
		c = dc_u8_next(&p);
		if (c < PG_BMP)
			bmp[c >> 3] |= 1u << (c & 7);
		else
			hb_set_add(u, c);
	}
}

static void
pg_add_tree(hb_set_t *u, guint8 *bmp, const struct dc_node *n)
{
	for (; n != NULL; n = n->next) {
		pg_add_text(u, bmp, n->text);
		pg_add_tree(u, bmp, n->child);
	}
}

/*
 * The characters a document's pages can show: its text and metadata,
 * and what the typesetter and Pango add (figures of the folios, the
 * spaces and hyphens of justification and hyphenation, CJK
 * punctuation and full-width forms).
 */
static void
pg_chars(hb_set_t *u, const struct dc_doc *d)
{
	const struct dc_lmeta	*m;
	guint8			*bmp;
	unsigned int		 c;
	int			 l;

	bmp = g_malloc0(PG_BMP / 8);
	pg_add_tree(u, bmp, d->root);
	for (l = 0; l < DC_LANG__MAX; l++) {
		m = &d->meta.l[l];
		pg_add_text(u, bmp, m->title);
		pg_add_text(u, bmp, m->subtitle);
		pg_add_text(u, bmp, m->occasion);
		pg_add_text(u, bmp, m->speaker);
		pg_add_text(u, bmp, m->role);
		pg_add_text(u, bmp, m->date);
		pg_add_text(u, bmp, m->place);
	}
	pg_add_text(u, bmp, d->meta.collection);
	pg_add_text(u, bmp, d->meta.agency);
	pg_add_text(u, bmp, d->meta.reporters);
	pg_add_text(u, bmp, d->meta.source);
	for (c = 0; c < PG_BMP; c++)
		if (bmp[c >> 3] & (1u << (c & 7)))
			hb_set_add(u, c);
	g_free(bmp);
	hb_set_add_range(u, 0x20, 0x7E);
	hb_set_add_range(u, 0xA0, 0xAD);
	hb_set_add_range(u, 0x2000, 0x2027);
	hb_set_add_range(u, 0x3000, 0x303F);
	hb_set_add_range(u, 0xFF01, 0xFF65);
	hb_set_add(u, 0xFFFD);
}

struct pg *
pg_new(const struct dc_doc *d)
{
	struct pg	*pg;
	hb_set_t	*drop;
	static const char *const drops[] = { "GPOS", "GDEF", "BASE",
	    "JSTF", "MATH", "VORG", "vhea", "vmtx", "DSIG", "kern" };
	size_t		 i;

	if (pg_lib == NULL && FT_Init_FreeType(&pg_lib) != 0)
		pg_lib = NULL;
	pg = g_new0(struct pg, 1);
	if ((pg->in = hb_subset_input_create_or_fail()) == NULL) {
		g_free(pg);
		return NULL;
	}
	pg_chars(hb_subset_input_unicode_set(pg->in), d);
	/*
	 * Only what cairo embeds from is kept: outlines, metrics, names
	 * and cmap; and GSUB, without which HarfBuzz would not follow
	 * substitutions to the glyphs they reach (the full-width dash of
	 * a Chinese text is one).  Subroutines are expanded, which is quicker than
	 * renumbering them; cairo subsets the outlines again anyway.
	 */
	hb_subset_input_set_flags(pg->in, HB_SUBSET_FLAGS_NO_HINTING |
	    HB_SUBSET_FLAGS_DESUBROUTINIZE);
	drop = hb_subset_input_set(pg->in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < G_N_ELEMENTS(drops); i++)
		hb_set_add(drop, hb_tag_from_string(drops[i], -1));
	pg->queue = g_ptr_array_new();
	g_mutex_init(&pg->lock);
	g_cond_init(&pg->cond);
	g_mutex_init(&pg->flock);
	pg->faces = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, pg_face_free);
	pg->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, pg_font_free);
	pg->ids = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	pg->warmids = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	pg->warmface = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	pg->warmlate = g_array_new(FALSE, FALSE, sizeof(guint));
	return pg;
}

void
pg_free(struct pg *pg)
{
	if (pg == NULL)
		return;
	if (pg->thr != NULL)
		g_thread_join(pg->thr);
	g_ptr_array_free(pg->queue, TRUE);
	g_mutex_clear(&pg->lock);
	g_cond_clear(&pg->cond);
	g_mutex_clear(&pg->flock);
	if (pg->warmcr != NULL)
		cairo_destroy(pg->warmcr);
	g_array_free(pg->warmids, TRUE);
	g_array_free(pg->warmface, TRUE);
	g_array_free(pg->warmlate, TRUE);
	if (pg->fo != NULL)
		cairo_font_options_destroy(pg->fo);
	/* Scaled fonts first: they hold the faces' cairo faces. */
	g_hash_table_destroy(pg->fonts);
	g_hash_table_destroy(pg->faces);
	hb_subset_input_destroy(pg->in);
	g_array_free(pg->ids, TRUE);
	g_free(pg);
}

unsigned int
pg_fallbacks(const struct pg *pg)
{
	return pg == NULL ? 0 : pg->fallbacks;
}

/* A copy of the document's subset input, for one face. */
static hb_subset_input_t *
pg_input(const struct pg *pg)
{
	hb_subset_input_t	*in;
	hb_subset_sets_t	 k[] = { HB_SUBSET_SETS_UNICODE,
	    HB_SUBSET_SETS_DROP_TABLE_TAG };
	size_t			 i;

	if ((in = hb_subset_input_create_or_fail()) == NULL)
		return NULL;
	for (i = 0; i < G_N_ELEMENTS(k); i++)
		hb_set_set(hb_subset_input_set(in, k[i]),
		    hb_subset_input_set(pg->in, k[i]));
	hb_subset_input_set_flags(in, hb_subset_input_get_flags(pg->in));
	return in;
}

/*
 * Subset one installed face (on a thread of its own or not: it touches
 * nothing but pf).  On failure pf->plan stays NULL.
 */
static gpointer
pg_subset(gpointer arg)
{
	struct pg_face	*pf = arg;
	hb_face_t	*face;

	if (pf->in == NULL || (face = ln_face(pf->file, pf->index)) == NULL)
		return NULL;
	pf->sub = dc_fonts_subset(face, pf->in, &pf->plan);
	ln_face_forget(face);
	hb_face_destroy(face);
	return NULL;
}

/*
 * Subset a queued face unless another thread has taken it on; say
 * when it is ready.  Returns whether this thread made it.
 */
static int
pg_take(struct pg *pg, struct pg_face *pf)
{
	int	 mine;

	g_mutex_lock(&pg->lock);
	mine = !pf->busy;
	pf->busy = 1;
	g_mutex_unlock(&pg->lock);
	if (!mine)
		return 0;
	pg_subset(pf);
	g_mutex_lock(&pg->lock);
	pf->ready = 1;
	g_cond_broadcast(&pg->cond);
	g_mutex_unlock(&pg->lock);
	return 1;
}

/* The helper thread: subset the foreseen faces in turn, but those
 * the painter took on itself (pg_ready()). */
static gpointer
pg_helper(gpointer arg)
{
	struct pg	*pg = arg;
	guint		 i;

	for (i = 0; i < pg->queue->len; i++)
		pg_take(pg, g_ptr_array_index(pg->queue, i));
	return NULL;
}

/*
 * The face of file and index for this document, made (and queued for
 * the helper thread if queue) the first time it is asked for.
 */
static struct pg_face *
pg_face_get(struct pg *pg, const char *file, int index, int queue)
{
	struct pg_face	*pf;
	char		*key;

	key = g_strdup_printf("%s:%d", file, index);
	if ((pf = g_hash_table_lookup(pg->faces, key)) != NULL) {
		g_free(key);
		return pf;
	}
	pf = g_new0(struct pg_face, 1);
	pf->file = g_strdup(file);
	pf->index = index;
	pf->in = pg_input(pg);
	g_hash_table_insert(pg->faces, key, pf);
	if (queue) {
		pf->queued = 1;
		g_ptr_array_add(pg->queue, pf);
	}
	return pf;
}

/*
 * Foresee a face: find the installed face fontconfig gives for a
 * family and a weight, to be subset by pg_start()'s thread.
 */
void
pg_prepare(struct pg *pg, const char *family, int weight)
{
	char	*file;
	int	 index;

	if (pg == NULL || (file = dc_fonts_face(family, weight, &index)) ==
	    NULL)
		return;
	pg_face_get(pg, file, index, 1);
	g_free(file);
}

/*
 * Subset the foreseen faces, in the order foreseen, on one helper
 * thread beside the typesetting (one: the typesetter keeps the other
 * core of a small machine).  Without a thread, each is subset when
 * first needed.
 */
void
pg_start(struct pg *pg)
{
	guint	 i;

	if (pg == NULL || pg->queue->len == 0)
		return;
	pg->thr = g_thread_try_new("subset", pg_helper, pg, NULL);
	if (pg->thr == NULL)
		for (i = 0; i < pg->queue->len; i++)
			((struct pg_face *)g_ptr_array_index(pg->queue,
			    i))->queued = 0;
}

/*
 * The surface painted on: the font options cairo merges into those of
 * each scaled font set (pg_font()).
 */
void
pg_surface(struct pg *pg, cairo_surface_t *surf)
{
	if (pg == NULL)
		return;
	if (pg->fo == NULL)
		pg->fo = cairo_font_options_create();
	cairo_surface_get_font_options(surf, pg->fo);
}

/* Wait for a face's subset and give it a cairo face; 0 or -1. */
static int
pg_ready(struct pg *pg, struct pg_face *pf)
{
	struct pg_ft	*f;
	const char	*data;
	unsigned int	 len;
	FT_Face		 ft;

	/*
	 * A face the helper has not come to yet is subset here: the
	 * painter would only wait, and the typesetter is often done by
	 * then (a short document), leaving a core idle.
	 */
	if (pf->queued && !pg_take(pg, pf)) {
		g_mutex_lock(&pg->lock);
		while (!pf->ready)
			g_cond_wait(&pg->cond, &pg->lock);
		g_mutex_unlock(&pg->lock);
	} else if (!pf->ready) {
		pg_subset(pf);
		pf->ready = 1;
	}
	if (pf->done)
		return pf->cface != NULL ? 0 : -1;
	pf->done = 1;
	if (pf->plan == NULL || pg_lib == NULL)
		return -1;
	data = hb_blob_get_data(pf->sub, &len);
	if (len == 0 || FT_New_Memory_Face(pg_lib,
	    (const FT_Byte *)data, (FT_Long)len, 0, &ft) != 0)
		return -1;
	f = g_new(struct pg_ft, 1);
	f->ft = ft;
	f->blob = hb_blob_reference(pf->sub);
	pf->cface = cairo_ft_font_face_create_for_ft_face(ft, 0);
	if (cairo_font_face_set_user_data(pf->cface, &pg_key, f,
	    pg_ft_free) != CAIRO_STATUS_SUCCESS) {
		pg_ft_free(f);
		cairo_font_face_destroy(pf->cface);
		pf->cface = NULL;
		return -1;
	}
	pf->map = hb_subset_plan_old_to_new_glyph_mapping(pf->plan);
	return 0;
}

/* A cairo face for an FT_Face, which it then owns (and blob if any). */
static cairo_font_face_t *
pg_cairo_face(FT_Face ft, hb_blob_t *blob)
{
	cairo_font_face_t	*cf;
	struct pg_ft		*f;

	f = g_new(struct pg_ft, 1);
	f->ft = ft;
	f->blob = blob != NULL ? hb_blob_reference(blob) : NULL;
	cf = cairo_ft_font_face_create_for_ft_face(ft, 0);
	if (cairo_font_face_set_user_data(cf, &pg_key, f, pg_ft_free) !=
	    CAIRO_STATUS_SUCCESS) {
		pg_ft_free(f);
		cairo_font_face_destroy(cf);
		return NULL;
	}
	return cf;
}

/*
 * The scaled font standing in for a font: its subset at its size, or
 * the whole installed face where there is no subset.  NULL if neither
 * can be had.
 */
static struct pg_font *
pg_font(struct pg *pg, const struct ln_font *font, int whole)
{
	gpointer		 v, key;
	struct pg_face		*pf = NULL;
	cairo_font_face_t	*cf = NULL;
	cairo_scaled_font_t	*sf, *unit;
	struct pg_font		*pgf = NULL;
	cairo_matrix_t		 fm, ctm;
	cairo_font_options_t	*fo, *sfo;
	FT_Face			 ft;
	double			 z = (double)font->size / LN_SCALE;

	/* Whole faces under the font's address + 1. */
	key = (char *)font + (whole ? 1 : 0);
	if (g_hash_table_lookup_extended(pg->fonts, key, NULL, &v))
		return v;
	if (!whole) {
		pf = pg_face_get(pg, font->file, font->index, 0);
		if (pg_ready(pg, pf) == 0) {
			cf = pf->cface;
			cairo_font_face_reference(cf);
		}
	} else if (pg_lib != NULL && FT_New_Face(pg_lib, font->file,
	    font->index, &ft) == 0 && (cf = pg_cairo_face(ft, NULL)) == NULL)
		goto out;
	if (cf == NULL)
		goto out;
	cairo_matrix_init_scale(&fm, z, z);
	cairo_matrix_init_identity(&ctm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	/*
	 * With the surface's options merged in, this is the scaled font
	 * cairo paints with (it makes its own from the face, the matrices
	 * and the options merged so): the one pg_page_warm() fills.
	 */
	if (pg->fo != NULL) {
		sfo = cairo_font_options_copy(pg->fo);
		cairo_font_options_merge(sfo, fo);
	} else
		sfo = cairo_font_options_copy(fo);
	sf = cairo_scaled_font_create(cf, &fm, &ctm, sfo);
	cairo_font_options_destroy(sfo);
	/*
	 * The face at 1 pt with these options is the one cairo's font
	 * subsets take glyph widths from: held here, it is the same
	 * object (cairo keeps one per key), loaded ahead by
	 * pg_page_warm().
	 */
	unit = whole ? NULL : cairo_scaled_font_create(cf, &ctm, &ctm, fo);
	cairo_font_options_destroy(fo);
	cairo_font_face_destroy(cf);
	if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(sf);
		if (unit != NULL)
			cairo_scaled_font_destroy(unit);
		goto out;
	}
	pgf = g_new0(struct pg_font, 1);
	pgf->sf = sf;
	if (unit != NULL && cairo_scaled_font_status(unit) !=
	    CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(unit);
		unit = NULL;
	}
	pgf->unit = unit;
	pgf->map = whole ? NULL : pf->map;
	pgf->face = whole ? NULL : pf;
out:
	g_hash_table_insert(pg->fonts, key, pgf);
	return pgf;
}

struct pg_page *
pg_page_new(void)
{
	struct pg_page	*pp;

	pp = g_new(struct pg_page, 1);
	pp->runs = g_array_new(FALSE, FALSE, sizeof(struct pg_run));
	pp->glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	pp->clusters = g_array_new(FALSE, FALSE,
	    sizeof(cairo_text_cluster_t));
	pp->text = g_string_new(NULL);
	pp->open = g_ptr_array_new();
	pp->nopen = 0;
	pp->chunks = g_array_new(FALSE, FALSE, sizeof(struct pg_chunk));
	pg_page_mark(pp, -1);
	return pp;
}

void
pg_page_free(struct pg_page *pp)
{
	struct pg_open	*r;
	guint		 i;

	if (pp == NULL)
		return;
	for (i = 0; i < pp->open->len; i++) {
		r = g_ptr_array_index(pp->open, i);
		g_array_free(r->glyphs, TRUE);
		g_array_free(r->clusters, TRUE);
		g_string_free(r->text, TRUE);
		g_free(r);
	}
	g_ptr_array_free(pp->open, TRUE);
	g_array_free(pp->runs, TRUE);
	g_array_free(pp->glyphs, TRUE);
	g_array_free(pp->clusters, TRUE);
	g_string_free(pp->text, TRUE);
	g_array_free(pp->chunks, TRUE);
	g_free(pp);
}

/* Empty a page for the next, keeping its room. */
void
pg_page_reset(struct pg_page *pp)
{
	g_array_set_size(pp->runs, 0);
	g_array_set_size(pp->glyphs, 0);
	g_array_set_size(pp->clusters, 0);
	g_string_truncate(pp->text, 0);
	pp->nopen = 0;
	g_array_set_size(pp->chunks, 0);
	pg_page_mark(pp, -1);
}

/* End the chunk being gathered: its runs into the page's arrays. */
static void
pg_chunk_end(struct pg_page *pp)
{
	struct pg_open	*o;
	struct pg_run	 r;
	guint		 i;

	for (i = 0; i < pp->nopen; i++) {
		o = g_ptr_array_index(pp->open, i);
		r.font = o->font;
		r.g0 = pp->glyphs->len;
		r.ng = o->glyphs->len;
		r.c0 = pp->clusters->len;
		r.nc = o->clusters->len;
		r.t0 = pp->text->len;
		r.nt = o->text->len;
		g_array_append_vals(pp->glyphs, o->glyphs->data, r.ng);
		g_array_append_vals(pp->clusters, o->clusters->data, r.nc);
		g_string_append_len(pp->text, o->text->str,
		    (gssize)o->text->len);
		g_array_append_val(pp->runs, r);
		g_array_set_size(o->glyphs, 0);
		g_array_set_size(o->clusters, 0);
		g_string_truncate(o->text, 0);
	}
	pp->nopen = 0;
	if (pp->chunks->len > 0)
		g_array_index(pp->chunks, struct pg_chunk,
		    pp->chunks->len - 1).r1 = pp->runs->len;
}

/* Begin a chunk: what is added now is shown between the caller's
 * marks of key (pg_page_show()). */
void
pg_page_mark(struct pg_page *pp, int key)
{
	struct pg_chunk	 c;

	pg_chunk_end(pp);
	c.key = key;
	c.r0 = c.r1 = pp->runs->len;
	g_array_append_val(pp->chunks, c);
}

/* The page is gathered: end its last chunk. */
void
pg_page_end(struct pg_page *pp)
{
	pg_chunk_end(pp);
}

/* The current chunk's run of a font, made on first use. */
static struct pg_open *
pg_run(struct pg_page *pp, const struct ln_font *font)
{
	struct pg_open	*r;
	guint		 i;

	for (i = 0; i < pp->nopen; i++)
		if ((r = g_ptr_array_index(pp->open, i))->font == font)
			return r;
	/* One a page keeps (emptied), or a new one. */
	if (pp->nopen < pp->open->len)
		r = g_ptr_array_index(pp->open, pp->nopen);
	else {
		r = g_new(struct pg_open, 1);
		r->glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
		r->clusters = g_array_new(FALSE, FALSE,
		    sizeof(cairo_text_cluster_t));
		r->text = g_string_new(NULL);
		g_ptr_array_add(pp->open, r);
	}
	r->font = font;
	pp->nopen++;
	return r;
}

/*
 * Add glyphs [a, b) of a line (one font) to the font's run: glyphs,
 * text clusters and their text, as cairo wants them.  Hidden glyphs
 * are dropped, and a soft hyphen left invisible inside a line is left
 * out of the text: it would copy out of the PDF as U+00AD in the
 * middle of a word.  Returns the advance in points.
 */
static double
pg_run_glyphs(struct pg_open *r, const struct ln_para *p, int a, int b,
    double x, double y, uint32_t mute)
{
	const struct ln_glyph	*gl;
	cairo_glyph_t		*g;
	cairo_text_cluster_t	*c;
	guint			 ng = r->glyphs->len, nc = r->clusters->len;
	int			 i, j, xpos = 0, muted = 0;
	uint32_t		 end, from;

	/* Room for every glyph, and a cluster each at most. */
	g_array_set_size(r->glyphs, ng + (guint)(b - a));
	g_array_set_size(r->clusters, nc + (guint)(b - a));
	g = &g_array_index(r->glyphs, cairo_glyph_t, ng);
	c = &g_array_index(r->clusters, cairo_text_cluster_t, nc);
	from = a < b ? p->g[a].cl : 0;
	for (i = a; i < b; i = j) {
		c->num_glyphs = 0;
		for (j = i; j < b && (j == i || p->g[j].cl == p->g[i].cl);
		    j++) {
			gl = &p->g[j];
			if (!(gl->flags & LN_HIDDEN)) {
				g->index = gl->gid;
				g->x = x + (double)(xpos + gl->dx) / LN_SCALE;
				g->y = y - (double)gl->dy / LN_SCALE;
				g++;
				c->num_glyphs++;
			}
			xpos += gl->adv;
		}
		end = j < p->ng ? p->g[j].cl : (uint32_t)p->len;
		c->num_bytes = (int)(end - p->g[i].cl);
		if ((c->num_glyphs == 0 && (p->g[i].flags & LN_SHY)) ||
		    p->g[i].cl < mute) {
			/* Its text is left out (a muted cluster keeps its
			 * glyphs: cairo marks them as copying as nothing). */
			g_string_append_len(r->text, p->text + from,
			    (gssize)(p->g[i].cl - from));
			from = end;
			if (c->num_glyphs == 0)
				continue;
			c->num_bytes = 0;
			/* One cluster for them all: one /ActualText. */
			if (muted) {
				c[-1].num_glyphs += c->num_glyphs;
				continue;
			}
			muted = 1;
		}
		c++;
	}
	if (a < b)
		g_string_append_len(r->text, p->text + from,
		    (gssize)((b < p->ng ? p->g[b].cl : (uint32_t)p->len) -
		    from));
	g_array_set_size(r->glyphs, (guint)(g - &g_array_index(r->glyphs,
	    cairo_glyph_t, 0)));
	g_array_set_size(r->clusters, (guint)(c - &g_array_index(r->clusters,
	    cairo_text_cluster_t, 0)));
	return (double)xpos / LN_SCALE;
}

/*
 * Add the glyph added at a line's end (hyphen, ellipsis), standing for
 * text.
 */
static void
pg_added(struct pg_open *r, const struct ln_line *l, double x, double y,
    const char *text, size_t len)
{
	cairo_glyph_t		 g;
	cairo_text_cluster_t	 c;

	g.index = l->hgid;
	g.x = x;
	g.y = y;
	g_array_append_val(r->glyphs, g);
	c.num_glyphs = 1;
	c.num_bytes = (int)len;
	g_array_append_val(r->clusters, c);
	g_string_append_len(r->text, text, (gssize)len);
}

/* Is line n of p broken inside a word, with a hyphen added? */
int
pg_hyphenated(const struct ln_para *p, int n)
{
	return n >= 0 && n < p->nlines - 1 && p->lines[n].hyphen &&
	    strcmp(p->lines[n].htext, "\xc2\xad") == 0;
}

/* The end of the piece of a broken word line n starts with. */
static uint32_t
pg_word_end(const struct ln_para *p, int n)
{
	const struct ln_line	*l = &p->lines[n];
	int			 i;

	for (i = l->g0; i < l->g1; i++)
		if (p->g[i].flags & LN_SPACE)
			return p->g[i].cl;
	return l->g1 < p->ng ? p->g[l->g1].cl : (uint32_t)p->len;
}

/*
 * Where the piece of a word broken on the line before ends on line n:
 * the first glyph after it (g0 if the line before is not broken so).
 */
int
pg_broken_end(const struct ln_para *p, int n)
{
	const struct ln_line	*l = &p->lines[n];
	int			 i;

	if (!pg_hyphenated(p, n - 1))
		return l->g0;
	for (i = l->g0; i < l->g1; i++)
		if (p->g[i].flags & LN_SPACE)
			return i;
	return l->g1;
}

/*
 * Add glyphs [a, b) of line n of paragraph p to a page, and its added
 * glyph if added, from x on its baseline y;
 * returns x after them.  A word broken with a hyphen copies out
 * whole: the hyphen stands for the rest of the word, and the rest on
 * the next line copies as nothing.  Touches nothing but pp: the
 * typesetting thread calls this.
 */
double
pg_page_glyphs(struct pg_page *pp, const struct ln_para *p, int n, int a,
    int b, int added, double x, double y)
{
	const struct ln_line	*l = &p->lines[n];
	uint32_t		 mute, from, to;
	int			 c;

	mute = pg_hyphenated(p, n - 1) ? pg_word_end(p, n) : 0;
	for (; a < b; a = c) {
		for (c = a; c < b && p->g[c].font == p->g[a].font; c++)
			continue;
		x += pg_run_glyphs(pg_run(pp, p->fonts[p->g[a].font]), p,
		    a, c, x, y, mute);
	}
	if (added && l->hyphen) {
		if (pg_hyphenated(p, n)) {
			from = p->g[p->lines[n + 1].g0].cl;
			to = pg_word_end(p, n + 1);
			pg_added(pg_run(pp, p->fonts[l->hfont]), l, x, y,
			    p->text + from, to - from);
		} else
			pg_added(pg_run(pp, p->fonts[l->hfont]), l, x, y,
			    l->htext, strlen(l->htext));
		x += (double)l->hadv / LN_SCALE;
	}
	return x;
}

/* Add line n of paragraph p, left end at x, baseline at y. */
void
pg_page_line(struct pg_page *pp, const struct ln_para *p, int n, double x,
    double y)
{
	pg_page_glyphs(pp, p, n, p->lines[n].g0, p->lines[n].g1, 1, x, y);
}

/*
 * Show a page's runs, each from its font's subset: the glyph ids are
 * mapped to the subset's, or if the subset lacks one, the run is shown
 * from the whole installed face.
 */
void
pg_page_show(struct pg *pg, cairo_t *cr, const struct pg_page *pp,
    pg_mark_fn mark, void *arg)
{
	const struct pg_chunk	*ch;
	guint			 i;

	for (i = 0; pg != NULL && i < pp->chunks->len; i++) {
		ch = &g_array_index(pp->chunks, struct pg_chunk, i);
		if (ch->r0 == ch->r1)
			continue;
		if (mark != NULL)
			mark(arg, ch->key, 1);
		pg_show_runs(pg, cr, pp, ch->r0, ch->r1);
		if (mark != NULL)
			mark(arg, ch->key, 0);
	}
}

/* Show runs [r0, r1) of a page. */
/*
 * The subset's glyph of the installed face's glyph id (map of pgf,
 * not NULL), or HB_MAP_VALUE_INVALID: each id looked up in the map
 * once, then kept by the face (2.8 million lookups at x200).
 */
static unsigned long
pg_id(struct pg_font *pgf, unsigned long id)
{
	struct pg_face	*pf = pgf->face;
	hb_codepoint_t	 v;

	if (id > 0xFFFF)
		return HB_MAP_VALUE_INVALID;
	if (pf->ids == NULL)
		pf->ids = g_new0(guint32, 0x10000);
	if (pf->ids[id] == 0) {
		v = hb_map_get(pgf->map, (hb_codepoint_t)id);
		pf->ids[id] = v == HB_MAP_VALUE_INVALID ? G_MAXUINT32 : v + 1;
	}
	return pf->ids[id] == G_MAXUINT32 ? HB_MAP_VALUE_INVALID :
	    pf->ids[id] - 1;
}

static void
pg_show_runs(struct pg *pg, cairo_t *cr, const struct pg_page *pp,
    guint r0, guint r1)
{
	const struct pg_run	*r;
	const cairo_glyph_t	*src;
	struct pg_font		*pgf = NULL;
	cairo_glyph_t		*g;
	guint			 i, k, n;
	int			 w;

	for (i = r0; i < r1; i++) {
		r = &g_array_index(pp->runs, struct pg_run, i);
		src = &g_array_index(pp->glyphs, cairo_glyph_t, r->g0);
		if ((n = r->ng) == 0 && r->nc == 0)
			continue;
		g_array_set_size(pg->ids, n);
		g = (cairo_glyph_t *)(void *)pg->ids->data;
		memcpy(g, src, n * sizeof(*g));
		for (w = 0; w < 2; w++) {
			g_mutex_lock(&pg->flock);
			pgf = pg_font(pg, r->font, w);
			g_mutex_unlock(&pg->flock);
			if (pgf == NULL)
				continue;
			if (pgf->map == NULL)
				break;
			for (k = 0; k < n; k++)
				if ((g[k].index = pg_id(pgf, src[k].index)) ==
				    HB_MAP_VALUE_INVALID)
					break;
			if (k == n)
				break;
			memcpy(g, src, n * sizeof(*g));
		}
		if (w == 2)
			continue;
		if (w == 1)
			pg->fallbacks++;
		cairo_set_scaled_font(cr, pgf->sf);
		cairo_show_text_glyphs(cr, pp->text->str + r->t0, (int)r->nt,
		    g, (int)n, &g_array_index(pp->clusters,
		    cairo_text_cluster_t, r->c0), (int)r->nc, 0);
	}
}

/*
 * Load now, on the calling thread (the typesetter's), what cairo will
 * load when this page is painted: for each glyph not seen before, its
 * metrics at the size it is shown in (cairo's analysis of the page),
 * and for each new to its face, its outline and its metrics at 1 pt
 * (cairo's font subsets).  Each is a FreeType load of the glyph (a
 * CFF charstring run, some 60,000 instructions for a Han character):
 * 2,400 of them were half of what the painter spent on a one-page
 * PDF.  cairo keeps them in its scaled fonts, which are the painter's
 * too (pg_font()); what it has not kept, it loads again.  The output
 * is the same: only cairo's caches are filled.
 */
static void
pg_warm_run(struct pg *pg, const struct pg_page *pp, const struct pg_run *r)
{
	const cairo_glyph_t	*src;
	struct pg_font		*pgf;
	struct pg_face		*pf;
	cairo_text_extents_t	 ext;
	cairo_surface_t		*s;
	cairo_glyph_t		 g;
	unsigned long		 id;
	guint			 k;

	g_mutex_lock(&pg->flock);
	pgf = pg_font(pg, r->font, 0);
	g_mutex_unlock(&pg->flock);
	if (pgf == NULL || pgf->map == NULL || pgf->unit == NULL)
		return;
	pf = pgf->face;
	/* A bit for each glyph of the installed face. */
	if (pgf->warm == NULL)
		pgf->warm = g_malloc0(PG_GIDS / 8);
	if (pf->warm == NULL)
		pf->warm = g_malloc0(PG_GIDS / 8);
	src = &g_array_index(pp->glyphs, cairo_glyph_t, r->g0);
	g_array_set_size(pg->warmids, 0);
	g_array_set_size(pg->warmface, 0);
	g.x = g.y = 0;
	for (k = 0; k < r->ng; k++) {
		id = src[k].index;
		if (id >= PG_GIDS || pgf->warm[id / 8] & 1u << id % 8)
			continue;
		pgf->warm[id / 8] |= (guint8)(1u << id % 8);
		if ((g.index = hb_map_get(pgf->map, (hb_codepoint_t)id))
		    == HB_MAP_VALUE_INVALID)
			continue;
		g_array_append_val(pg->warmids, g);
		if (pf->warm[id / 8] & 1u << id % 8)
			continue;
		pf->warm[id / 8] |= (guint8)(1u << id % 8);
		g_array_append_val(pg->warmface, g);
	}
	if (pg->warmids->len > 0)
		cairo_scaled_font_glyph_extents(pgf->sf,
		    (cairo_glyph_t *)(void *)pg->warmids->data,
		    (int)pg->warmids->len, &ext);
	if (pg->warmface->len == 0)
		return;
	cairo_scaled_font_glyph_extents(pgf->unit,
	    (cairo_glyph_t *)(void *)pg->warmface->data,
	    (int)pg->warmface->len, &ext);
	if (pg->warmcr == NULL) {
		s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
		pg->warmcr = cairo_create(s);
		cairo_surface_destroy(s);
	}
	cairo_set_scaled_font(pg->warmcr, pgf->sf);
	cairo_glyph_path(pg->warmcr,
	    (cairo_glyph_t *)(void *)pg->warmface->data,
	    (int)pg->warmface->len);
	cairo_new_path(pg->warmcr);
}

/*
 * Whether a font's face is being subset by the helper thread now: a
 * run in it is warmed last, so that the typesetter subsets the faces
 * nobody has taken and warms the runs whose faces are ready while it
 * would otherwise wait.
 */
static int
pg_elsewhere(struct pg *pg, const struct ln_font *font)
{
	struct pg_face	*pf;
	int		 busy;

	g_mutex_lock(&pg->flock);
	if (g_hash_table_contains(pg->fonts, font)) {
		g_mutex_unlock(&pg->flock);
		return 0;
	}
	pf = pg_face_get(pg, font->file, font->index, 0);
	g_mutex_unlock(&pg->flock);
	g_mutex_lock(&pg->lock);
	busy = pf->busy && !pf->ready;
	g_mutex_unlock(&pg->lock);
	return busy;
}

void
pg_page_warm(struct pg *pg, const struct pg_page *pp)
{
	const struct pg_run	*r;
	guint			 i, nlate;

	if (pg == NULL)
		return;
	g_array_set_size(pg->warmlate, 0);
	for (i = 0; i < pp->runs->len; i++) {
		r = &g_array_index(pp->runs, struct pg_run, i);
		if (pg_elsewhere(pg, r->font))
			g_array_append_val(pg->warmlate, i);
		else
			pg_warm_run(pg, pp, r);
	}
	for (nlate = 0; nlate < pg->warmlate->len; nlate++) {
		i = g_array_index(pg->warmlate, guint, nlate);
		pg_warm_run(pg, pp, &g_array_index(pp->runs, struct pg_run,
		    i));
	}
}
