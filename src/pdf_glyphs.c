/*
 * Painting shaped lines with per-document subsets of their faces.
 *
 * cairo 1.16 reads a face's whole cmap subtable for every new glyph it
 * embeds, and the whole CFF table of each face it embeds from; for
 * Noto CJK (65,535 glyphs, 16 to 23 MB of CFF in each face) that was
 * most of docconv's time and memory for a PDF.  So the lines Pango
 * shaped with the installed faces are painted here with HarfBuzz
 * subsets of those faces, made once per document from the characters
 * of the document: the glyph ids are mapped from the installed face
 * to the subset, and cairo embeds from a face of a few hundred KB.
 * A run with a glyph outside its subset (a character nobody foresaw,
 * a glyph only a substitution reaches), an unknown glyph or a face
 * HarfBuzz cannot subset is painted by Pango with the installed face,
 * as before: slower, never wrong.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include "docconv.h"
#include "fonts.h"
#include "pdf_glyphs.h"

/*
 * One installed face and its subset for this document.  The subset is
 * made on the helper thread when the face was foreseen (pg_prepare()),
 * else when first painted with; the cairo face is made on first use.
 */
struct pg_face {
	char			*file;	/* font file */
	int			 index;	/* face in that file */
	int			 queued; /* for the helper thread */
	int			 ready;	/* subset made (or failed) */
	hb_subset_input_t	*in;	/* the subsetter's input */
	hb_subset_plan_t	*plan;	/* NULL if the face is not subset */
	hb_blob_t		*sub;	/* the subset's bytes */
	const hb_map_t		*map;	/* old glyph id -> subset id */
	cairo_font_face_t	*cface;	/* cairo face of the subset */
	int			 done;	/* cface made or given up */
};

/* A Pango font's stand-in: its subset at its size. */
struct pg_font {
	cairo_scaled_font_t	*sf;
	const hb_map_t		*map;	/* of its face */
};

/* What the cairo face of a subset keeps alive. */
struct pg_ft {
	FT_Face		 ft;
	hb_blob_t	*blob;		/* the subset's bytes */
};

struct pg {
	hb_subset_input_t	*in;	/* the document's characters */
	GHashTable		*faces;	/* "file:index" -> struct pg_face */
	GHashTable		*fonts;	/* PangoFont * -> struct pg_font */
	GArray			*glyphs; /* cairo_glyph_t, scratch */
	GArray			*clusters; /* cairo_text_cluster_t, scratch */
	GString			*text;	/* the clusters' text, scratch */
	unsigned int		 fallbacks; /* runs painted by Pango */
	GPtrArray		*queue;	/* foreseen faces, in order */
	GThread			*thr;	/* subsetting them, until joined */
	GMutex			 lock;	/* guards pg_face.ready */
	GCond			 cond;	/* signalled as each is ready */
};

static FT_Library		 pg_lib;	/* for the process */
/*
 * Installed faces by "file:index", for the process: HarfBuzz keeps
 * what it has read of a face, which makes the next subset of the
 * same face quicker (a batch converts many files in one process).
 */
static GHashTable		*pg_srcs;
G_LOCK_DEFINE_STATIC(pg_srcs);
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
	g_free(pf->file);
	g_free(pf);
}

static void
pg_font_free(void *arg)
{
	struct pg_font	*f = arg;

	if (f != NULL)
		cairo_scaled_font_destroy(f->sf);
	g_free(f);
}

static void
pg_add_text(hb_set_t *u, const char *s)
{
	const char	*p;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; p = g_utf8_next_char(p))
		hb_set_add(u, g_utf8_get_char(p));
}

static void
pg_add_tree(hb_set_t *u, const struct dc_node *n)
{
	for (; n != NULL; n = n->next) {
		pg_add_text(u, n->text);
		pg_add_tree(u, n->child);
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
	int			 l;

	pg_add_tree(u, d->root);
	for (l = 0; l < DC_LANG__MAX; l++) {
		m = &d->meta.l[l];
		pg_add_text(u, m->title);
		pg_add_text(u, m->subtitle);
		pg_add_text(u, m->occasion);
		pg_add_text(u, m->speaker);
		pg_add_text(u, m->role);
		pg_add_text(u, m->date);
		pg_add_text(u, m->place);
	}
	pg_add_text(u, d->meta.collection);
	pg_add_text(u, d->meta.agency);
	pg_add_text(u, d->meta.reporters);
	pg_add_text(u, d->meta.source);
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
	pg->faces = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, pg_face_free);
	pg->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    g_object_unref, pg_font_free);
	pg->glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	pg->clusters = g_array_new(FALSE, FALSE,
	    sizeof(cairo_text_cluster_t));
	pg->text = g_string_new(NULL);
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
	/* Scaled fonts first: they hold the faces' cairo faces. */
	g_hash_table_destroy(pg->fonts);
	g_hash_table_destroy(pg->faces);
	hb_subset_input_destroy(pg->in);
	g_array_free(pg->glyphs, TRUE);
	g_array_free(pg->clusters, TRUE);
	g_string_free(pg->text, TRUE);
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
	hb_blob_t	*blob;
	hb_face_t	*face, *sub;
	char		*key;

	if (pf->in == NULL)
		return NULL;
	key = g_strdup_printf("%s:%d", pf->file, pf->index);
	G_LOCK(pg_srcs);
	if (pg_srcs == NULL)
		pg_srcs = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, (GDestroyNotify)hb_face_destroy);
	if ((face = g_hash_table_lookup(pg_srcs, key)) == NULL &&
	    (blob = hb_blob_create_from_file_or_fail(pf->file)) != NULL) {
		face = hb_face_create(blob, (unsigned int)pf->index);
		hb_blob_destroy(blob);
		g_hash_table_insert(pg_srcs, key, face);
		key = NULL;
	}
	if (face != NULL)
		hb_face_reference(face);
	G_UNLOCK(pg_srcs);
	g_free(key);
	if (face == NULL)
		return NULL;
	pf->plan = hb_subset_plan_create_or_fail(face, pf->in);
	hb_face_destroy(face);
	if (pf->plan == NULL)
		return NULL;
	if ((sub = hb_subset_plan_execute_or_fail(pf->plan)) == NULL) {
		hb_subset_plan_destroy(pf->plan);
		pf->plan = NULL;
		return NULL;
	}
	pf->sub = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	return NULL;
}

/* The helper thread: subset the foreseen faces in turn. */
static gpointer
pg_helper(gpointer arg)
{
	struct pg	*pg = arg;
	struct pg_face	*pf;
	guint		 i;

	for (i = 0; i < pg->queue->len; i++) {
		pf = g_ptr_array_index(pg->queue, i);
		pg_subset(pf);
		g_mutex_lock(&pg->lock);
		pf->ready = 1;
		g_cond_broadcast(&pg->cond);
		g_mutex_unlock(&pg->lock);
	}
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
 * Foresee a face: find the installed face fontconfig gives for a font
 * role's family and a weight, to be subset by pg_start()'s thread.
 */
void
pg_prepare(struct pg *pg, enum dc_font_role role, int weight)
{
	char	*file;
	int	 index;

	if (pg == NULL || (file = dc_fonts_match(role, weight, &index)) ==
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

/* Wait for a face's subset and give it a cairo face; 0 or -1. */
static int
pg_ready(struct pg *pg, struct pg_face *pf)
{
	struct pg_ft	*f;
	const char	*data;
	unsigned int	 len;
	FT_Face		 ft;

	if (pf->queued) {
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

/*
 * The subset scaled font standing in for a Pango font, or NULL where
 * Pango must paint: not a fontconfig font, emboldened or slanted by
 * fontconfig (cairo would need the pattern to do the same), a named
 * instance of a variable font, or not subset.
 */
static const struct pg_font *
pg_font(struct pg *pg, PangoFont *font)
{
	gpointer		 v;
	FcPattern		*pat;
	FcBool			 b;
	FcMatrix		*mx;
	FcChar8			*file;
	int			 index;
	struct pg_face		*pf;
	cairo_scaled_font_t	*orig, *sf;
	struct pg_font		*pgf = NULL;
	cairo_matrix_t		 fm, ctm;
	cairo_font_options_t	*fo;

	if (g_hash_table_lookup_extended(pg->fonts, font, NULL, &v))
		return v;
	if (!PANGO_IS_FC_FONT(font) || !PANGO_IS_CAIRO_FONT(font))
		goto out;
	pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	if (pat == NULL || (FcPatternGetBool(pat, FC_EMBOLDEN, 0, &b) ==
	    FcResultMatch && b) || FcPatternGetMatrix(pat, FC_MATRIX, 0,
	    &mx) == FcResultMatch)
		goto out;
	if (FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
		goto out;
	if (FcPatternGetInteger(pat, FC_INDEX, 0, &index) != FcResultMatch)
		index = 0;
	/* A variable font's instance: the subset would be its default. */
	if (index >> 16 != 0)
		goto out;
	pf = pg_face_get(pg, (const char *)file, index, 0);
	if (pg_ready(pg, pf) == -1)
		goto out;
	orig = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
	if (orig == NULL)
		goto out;
	cairo_scaled_font_get_font_matrix(orig, &fm);
	cairo_scaled_font_get_ctm(orig, &ctm);
	fo = cairo_font_options_create();
	cairo_scaled_font_get_font_options(orig, fo);
	sf = cairo_scaled_font_create(pf->cface, &fm, &ctm, fo);
	cairo_font_options_destroy(fo);
	if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(sf);
		goto out;
	}
	pgf = g_new(struct pg_font, 1);
	pgf->sf = sf;
	pgf->map = pf->map;
out:
	g_hash_table_insert(pg->fonts, g_object_ref(font), pgf);
	return pgf;
}

/*
 * The subset glyphs, the text clusters and their text of one run, as
 * Pango's cairo renderer makes them (empty glyphs dropped and not
 * counted), except that a soft hyphen left invisible inside a line is
 * left out of the text: it would copy out of the PDF as U+00AD in the
 * middle of a word.  A soft hyphen shown at a line's end stays, as
 * PDF readers expect of a hyphen they may take away.  Returns 0, or
 * -1 if Pango must paint the run.
 */
static int
pg_run_glyphs(struct pg *pg, const char *text, PangoGlyphItem *run,
    const hb_map_t *map, double x, double y)
{
	PangoGlyphString	*gs = run->glyphs;
	PangoGlyphItemIter	 it;
	cairo_glyph_t		 g;
	cairo_text_cluster_t	 c;
	int			 i, xpos = 0, lo, hi;
	hb_codepoint_t		 id;

	g_array_set_size(pg->glyphs, 0);
	g_array_set_size(pg->clusters, 0);
	g_string_truncate(pg->text, 0);
	for (i = 0; i < gs->num_glyphs; i++) {
		const PangoGlyphInfo *gi = &gs->glyphs[i];

		if (gi->glyph != PANGO_GLYPH_EMPTY) {
			if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
				return -1;
			id = hb_map_get(map, gi->glyph);
			if (id == HB_MAP_VALUE_INVALID)
				return -1;
			g.index = id;
			g.x = x + (double)(xpos + gi->geometry.x_offset) /
			    PANGO_SCALE;
			g.y = y + (double)gi->geometry.y_offset / PANGO_SCALE;
			g_array_append_val(pg->glyphs, g);
		}
		xpos += gi->geometry.width;
	}
	if (!pango_glyph_item_iter_init_start(&it, run, text))
		return 0;
	do {
		c.num_bytes = it.end_index - it.start_index;
		if (run->item->analysis.level & 1) {
			c.num_glyphs = it.start_glyph - it.end_glyph;
			lo = it.end_glyph + 1;
			hi = it.start_glyph + 1;
		} else {
			c.num_glyphs = it.end_glyph - it.start_glyph;
			lo = it.start_glyph;
			hi = it.end_glyph;
		}
		for (i = lo; i < hi; i++)
			if (gs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
				c.num_glyphs--;
		if (c.num_glyphs == 0 && c.num_bytes == 2 &&
		    !(run->item->analysis.level & 1) &&
		    memcmp(text + it.start_index, "\xc2\xad", 2) == 0)
			continue;
		g_array_append_val(pg->clusters, c);
		g_string_append_len(pg->text, text + it.start_index,
		    c.num_bytes);
	} while (pango_glyph_item_iter_next_cluster(&it));
	return 0;
}

void
pg_show_line(struct pg *pg, cairo_t *cr, PangoLayoutLine *line, double x,
    double y)
{
	const char		*text;
	GSList			*r;
	PangoGlyphItem		*run;
	const struct pg_font	*pgf;
	double			 rx = x;
	int			 ok;

	/* Letter spacing (not used by docconv) moves runs: Pango's job. */
	for (r = line->runs; pg != NULL && r != NULL; r = r->next) {
		run = r->data;
		if (run->start_x_offset != 0 || run->end_x_offset != 0) {
			pg->fallbacks++;
			cairo_move_to(cr, x, y);
			pango_cairo_show_layout_line(cr, line);
			return;
		}
	}
	text = pango_layout_get_text(line->layout);
	for (r = line->runs; r != NULL; r = r->next) {
		run = r->data;
		pgf = pg == NULL ? NULL :
		    pg_font(pg, run->item->analysis.font);
		ok = 0;
		if (pgf != NULL)
			ok = pg_run_glyphs(pg, text, run, pgf->map, rx,
			    y - run->y_offset / (double)PANGO_SCALE) == 0;
		if (ok && pg->glyphs->len > 0) {
			cairo_set_scaled_font(cr, pgf->sf);
			cairo_show_text_glyphs(cr, pg->text->str,
			    (int)pg->text->len,
			    (cairo_glyph_t *)pg->glyphs->data,
			    (int)pg->glyphs->len,
			    (cairo_text_cluster_t *)pg->clusters->data,
			    (int)pg->clusters->len,
			    run->item->analysis.level & 1 ?
			    CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
		} else if (!ok) {
			if (pg != NULL)
				pg->fallbacks++;
			cairo_move_to(cr, rx,
			    y - run->y_offset / (double)PANGO_SCALE);
			pango_cairo_show_glyph_item(cr, text, run);
		}
		rx += (double)pango_glyph_string_get_width(run->glyphs) /
		    PANGO_SCALE;
	}
}
