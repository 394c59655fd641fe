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
#include "pdf_glyphs.h"

/* One installed face and its subset for this document. */
struct pg_face {
	hb_face_t		*src;	/* installed face, one reference */
	hb_subset_plan_t	*plan;	/* NULL if the face is not subset */
	const hb_map_t		*map;	/* old glyph id -> subset id */
	cairo_font_face_t	*cface;	/* cairo face of the subset */
};

/* What the cairo face of a subset keeps alive. */
struct pg_ft {
	FT_Face		 ft;
	hb_blob_t	*blob;		/* the subset's bytes */
};

struct pg {
	hb_subset_input_t	*in;	/* the document's characters */
	GHashTable		*faces;	/* hb_face_t * -> struct pg_face */
	GHashTable		*fonts;	/* PangoFont * -> cairo_scaled_font_t */
	GArray			*glyphs; /* cairo_glyph_t, scratch */
	GArray			*clusters; /* cairo_text_cluster_t, scratch */
	unsigned int		 fallbacks; /* runs painted by Pango */
};

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
	hb_face_destroy(pf->src);
	g_free(pf);
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
	pg->faces = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, pg_face_free);
	pg->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    g_object_unref, (GDestroyNotify)cairo_scaled_font_destroy);
	pg->glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	pg->clusters = g_array_new(FALSE, FALSE,
	    sizeof(cairo_text_cluster_t));
	return pg;
}

void
pg_free(struct pg *pg)
{
	if (pg == NULL)
		return;
	/* Scaled fonts first: they hold the faces' cairo faces. */
	g_hash_table_destroy(pg->fonts);
	g_hash_table_destroy(pg->faces);
	hb_subset_input_destroy(pg->in);
	g_array_free(pg->glyphs, TRUE);
	g_array_free(pg->clusters, TRUE);
	g_free(pg);
}

unsigned int
pg_fallbacks(const struct pg *pg)
{
	return pg == NULL ? 0 : pg->fallbacks;
}

/*
 * Subset one installed face for this document.  On any failure the
 * entry stays without a plan and its runs are painted by Pango.
 */
static void
pg_subset(struct pg *pg, struct pg_face *pf)
{
	hb_face_t		*sub = NULL;
	hb_blob_t		*blob = NULL;
	struct pg_ft		*f;
	const char		*data;
	unsigned int		 len;
	FT_Face			 ft;

	if (pg_lib == NULL)
		return;
	pf->plan = hb_subset_plan_create_or_fail(pf->src, pg->in);
	if (pf->plan == NULL)
		return;
	if ((sub = hb_subset_plan_execute_or_fail(pf->plan)) == NULL)
		goto fail;
	blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	data = hb_blob_get_data(blob, &len);
	if (len == 0 || FT_New_Memory_Face(pg_lib,
	    (const FT_Byte *)data, (FT_Long)len, 0, &ft) != 0)
		goto fail;
	pf->cface = cairo_ft_font_face_create_for_ft_face(ft, 0);
	f = g_new(struct pg_ft, 1);
	f->ft = ft;
	f->blob = blob;
	if (cairo_font_face_set_user_data(pf->cface, &pg_key, f,
	    pg_ft_free) != CAIRO_STATUS_SUCCESS) {
		pg_ft_free(f);
		cairo_font_face_destroy(pf->cface);
		pf->cface = NULL;
		blob = NULL;
		goto fail;
	}
	pf->map = hb_subset_plan_old_to_new_glyph_mapping(pf->plan);
	return;
fail:
	hb_blob_destroy(blob);
	hb_subset_plan_destroy(pf->plan);
	pf->plan = NULL;
}

/*
 * The subset scaled font standing in for a Pango font, or NULL where
 * Pango must paint: not a fontconfig font, emboldened or slanted by
 * fontconfig (cairo would need the pattern to do the same), or not
 * subset.
 */
static cairo_scaled_font_t *
pg_font(struct pg *pg, PangoFont *font)
{
	gpointer		 v;
	FcPattern		*pat;
	FcBool			 b;
	FcMatrix		*mx;
	hb_face_t		*face;
	struct pg_face		*pf;
	cairo_scaled_font_t	*orig, *sf = NULL;
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
	face = hb_font_get_face(pango_font_get_hb_font(font));
	if ((pf = g_hash_table_lookup(pg->faces, face)) == NULL) {
		pf = g_new0(struct pg_face, 1);
		pf->src = hb_face_reference(face);
		g_hash_table_insert(pg->faces, face, pf);
		pg_subset(pg, pf);
	}
	if (pf->cface == NULL)
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
		sf = NULL;
	}
out:
	g_hash_table_insert(pg->fonts, g_object_ref(font), sf);
	return sf;
}

/*
 * The subset glyphs and the text clusters of one run, as Pango's
 * cairo renderer makes them (empty glyphs dropped and not counted).
 * Returns 0, or -1 if Pango must paint the run.
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
		g_array_append_val(pg->clusters, c);
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
	cairo_scaled_font_t	*sf;
	struct pg_face		*pf;
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
		sf = pg == NULL ? NULL : pg_font(pg, run->item->analysis.font);
		ok = 0;
		if (sf != NULL) {
			pf = g_hash_table_lookup(pg->faces, hb_font_get_face(
			    pango_font_get_hb_font(run->item->analysis.font)));
			ok = pg_run_glyphs(pg, text, run, pf->map, rx,
			    y - run->y_offset / (double)PANGO_SCALE) == 0;
		}
		if (ok && pg->glyphs->len > 0) {
			cairo_set_scaled_font(cr, sf);
			cairo_show_text_glyphs(cr, text + run->item->offset,
			    run->item->length,
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
