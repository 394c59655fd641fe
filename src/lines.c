/*
 * Shaping and line breaking.  A paragraph is shaped once, whole, with
 * HarfBuzz and broken into lines over its glyphs: Pango's PangoLayout
 * shaped each character about three times over (each item, then each
 * line's piece again), which was half the time of a long PDF.  Break
 * opportunities come from Pango (UAX #14 with its CJK rules), fonts
 * from docconv's fontconfig roles.  A line that breaks at a soft
 * hyphen gets a hyphen glyph added; nothing is shaped again.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <pango/pango.h>

#include "docconv.h"
#include "fonts.h"
#include "lines.h"

#define LN_INVISIBLE	0x7FFFFFFFu	/* glyph of a default ignorable */

/*
 * Installed faces by "file:index" and fonts by "role:weight:size",
 * for the process: HarfBuzz keeps what it has read of a face, and a
 * batch converts many files in one process.
 */
static GHashTable	*ln_faces;
static GHashTable	*ln_fonts;
G_LOCK_DEFINE_STATIC(ln_faces);
G_LOCK_DEFINE_STATIC(ln_fonts);

/* The face of a font file, for the process; a new reference or NULL. */
hb_face_t *
ln_face(const char *file, int index)
{
	hb_blob_t	*blob;
	hb_face_t	*face;
	char		*key;

	key = g_strdup_printf("%s:%d", file, index);
	G_LOCK(ln_faces);
	if (ln_faces == NULL)
		ln_faces = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, (GDestroyNotify)hb_face_destroy);
	if ((face = g_hash_table_lookup(ln_faces, key)) == NULL &&
	    (blob = hb_blob_create_from_file_or_fail(file)) != NULL) {
		face = hb_face_create(blob, (unsigned int)index);
		hb_blob_destroy(blob);
		g_hash_table_insert(ln_faces, key, face);
		key = NULL;
	}
	if (face != NULL)
		hb_face_reference(face);
	G_UNLOCK(ln_faces);
	g_free(key);
	return face;
}

static void
ln_font_free(void *arg)
{
	struct ln_font	*f = arg;

	hb_font_destroy(f->hb);
	hb_face_destroy(f->face);
	g_free(f->file);
	g_free(f);
}

/*
 * The face fontconfig gives a role at a weight, at a size in units;
 * kept for the process.  NULL if the font file cannot be read.
 */
struct ln_font *
ln_font_get(enum dc_font_role role, int weight, int size)
{
	struct ln_font	*f;
	char		*key, *file;
	int		 index;
	hb_codepoint_t	 g;

	key = g_strdup_printf("%d:%d:%d", (int)role, weight, size);
	G_LOCK(ln_fonts);
	if (ln_fonts == NULL)
		ln_fonts = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, ln_font_free);
	if ((f = g_hash_table_lookup(ln_fonts, key)) != NULL)
		goto out;
	if ((file = dc_fonts_match(role, weight, &index)) == NULL)
		goto out;
	f = g_new0(struct ln_font, 1);
	f->file = file;
	f->index = index;
	f->size = size;
	if ((f->face = ln_face(file, index)) == NULL) {
		g_free(file);
		g_free(f);
		f = NULL;
		goto out;
	}
	f->hb = hb_font_create(f->face);
	hb_font_set_scale(f->hb, size, size);
	if (!hb_font_get_nominal_glyph(f->hb, 0x2010, &g) &&
	    !hb_font_get_nominal_glyph(f->hb, '-', &g))
		g = 0;
	f->hyphen = g;
	f->hyphen_adv = hb_font_get_glyph_h_advance(f->hb, g);
	g_hash_table_insert(ln_fonts, key, f);
	key = NULL;
out:
	G_UNLOCK(ln_fonts);
	g_free(key);
	return f;
}

void
ln_fonts_free(void)
{
	if (ln_fonts != NULL)
		g_hash_table_destroy(ln_fonts);
	if (ln_faces != NULL)
		g_hash_table_destroy(ln_faces);
	ln_fonts = ln_faces = NULL;
}

struct ln_para *
ln_ref(struct ln_para *p)
{
	g_atomic_int_inc(&p->ref);
	return p;
}

void
ln_unref(struct ln_para *p)
{
	if (p == NULL || !g_atomic_int_dec_and_test(&p->ref))
		return;
	g_free(p->text);
	g_free(p->g);
	g_free(p->orig);
	g_free(p->lines);
	g_free(p);
}

/* Characters that take the font of the run they are in. */
static int
ln_neutral(gunichar c)
{
	return c == ' ' || c == 0xA0 || c < 0x20 ||
	    g_unichar_iszerowidth(c) || g_unichar_ismark(c) ||
	    (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

static int
ln_script_neutral(hb_script_t s)
{
	return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED ||
	    s == HB_SCRIPT_UNKNOWN;
}

/* Shape text[start, end) with font f into p's glyphs. */
static void
ln_shape_run(struct ln_para *p, hb_buffer_t *buf, size_t start, size_t end,
    int slot, hb_script_t script, const hb_feature_t *feat,
    unsigned int nfeat)
{
	struct ln_font		*f = p->fonts[slot];
	hb_glyph_info_t		*info;
	hb_glyph_position_t	*pos;
	unsigned int		 n, i;
	struct ln_glyph		*g;

	hb_buffer_clear_contents(buf);
	hb_buffer_add_utf8(buf, p->text, (int)p->len, (unsigned int)start,
	    (int)(end - start));
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_script(buf, script);
	hb_buffer_set_language(buf, p->st->hblang);
	hb_buffer_set_invisible_glyph(buf, LN_INVISIBLE);
	hb_buffer_set_flags(buf, (start == 0 ? HB_BUFFER_FLAG_BOT : 0) |
	    (end == p->len ? HB_BUFFER_FLAG_EOT : 0));
	hb_shape(f->hb, buf, feat, nfeat);
	info = hb_buffer_get_glyph_infos(buf, &n);
	pos = hb_buffer_get_glyph_positions(buf, &n);
	p->g = g_renew(struct ln_glyph, p->g, p->ng + n);
	for (i = 0; i < n; i++) {
		g = &p->g[p->ng++];
		g->gid = info[i].codepoint;
		g->adv = pos[i].x_advance;
		g->dx = pos[i].x_offset;
		g->dy = pos[i].y_offset;
		g->cl = info[i].cluster;
		g->font = (uint8_t)slot;
		g->flags = 0;
		if (g->gid == LN_INVISIBLE) {
			g->gid = 0;
			g->adv = 0;
			g->flags |= LN_HIDDEN;
		}
	}
}

/*
 * Shape a paragraph: text (taken over) of len bytes, the first lead of
 * them in the style's lead face, with OpenType features feat over
 * byte ranges, and no break allowed before each of the nobrk byte
 * offsets.  Each character is set in the style's first face that has
 * it; runs split where the face or the script changes.
 */
struct ln_para *
ln_shape(const struct ln_style *st, char *text, size_t len, size_t lead,
    const hb_feature_t *feat, unsigned int nfeat, const uint32_t *nobrk,
    unsigned int nnobrk)
{
	struct ln_para	*p;
	hb_buffer_t	*buf;
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
	PangoLogAttr	*la;
	int		*cidx;
	const char	*s, *e, *q;
	gunichar	 c;
	hb_codepoint_t	 gid;
	hb_script_t	 sc, runsc = HB_SCRIPT_COMMON;
	size_t		 runstart = 0, off;
	int		 nch = 0, slot, runslot = -1, k, i;
	struct ln_glyph	*g;

	p = g_new0(struct ln_para, 1);
	p->ref = 1;
	p->text = text;
	p->len = len;
	p->st = st;
	p->fonts[0] = st->font[0];
	p->fonts[1] = st->font[1];
	p->fonts[2] = st->lead[0];
	p->fonts[3] = st->lead[1];
	p->nfonts = 4;
	if (lead > len)
		lead = len;

	/* Characters: their index by byte offset, runs of face and script. */
	cidx = g_new(int, len + 1);
	buf = hb_buffer_create();
	e = text + len;
	for (s = text; s < e; s = q) {
		q = g_utf8_next_char(s);
		off = (size_t)(s - text);
		cidx[off] = nch++;
		c = g_utf8_get_char(s);
		k = off < lead ? 2 : 0;
		if (runslot >= 0 && (runslot & 2) == k && ln_neutral(c))
			slot = runslot;
		else if (hb_font_get_nominal_glyph(p->fonts[k]->hb, c, &gid))
			slot = k;
		else if (p->fonts[k + 1] != NULL &&
		    hb_font_get_nominal_glyph(p->fonts[k + 1]->hb, c, &gid))
			slot = k + 1;
		else {
			slot = runslot >= 0 && (runslot & 2) == k ? runslot : k;
			if (!ln_neutral(c) && !g_unichar_isspace(c))
				p->missing++;
		}
		sc = hb_unicode_script(uf, c);
		if (ln_script_neutral(sc))
			sc = runsc;
		if (runslot >= 0 && (slot != runslot || (sc != runsc &&
		    !ln_script_neutral(runsc)))) {
			ln_shape_run(p, buf, runstart, off, runslot,
			    ln_script_neutral(runsc) ? HB_SCRIPT_LATIN : runsc,
			    feat, nfeat);
			runstart = off;
		}
		runslot = slot;
		runsc = sc;
	}
	cidx[len] = nch;
	if (runslot >= 0)
		ln_shape_run(p, buf, runstart, len, runslot,
		    ln_script_neutral(runsc) ? HB_SCRIPT_LATIN : runsc,
		    feat, nfeat);
	hb_buffer_destroy(buf);

	/* Where lines may start. */
	la = g_new0(PangoLogAttr, nch + 1);
	pango_get_log_attrs(text, (int)len, -1, st->lang, la, nch + 1);
	for (i = 0; i < (int)nnobrk; i++)
		if (nobrk[i] < len && (text[nobrk[i]] & 0xC0) != 0x80)
			la[cidx[nobrk[i]]].is_line_break = FALSE;
	for (i = 0; i < p->ng; i++) {
		g = &p->g[i];
		if (i > 0 && g->cl == p->g[i - 1].cl)
			continue;
		g->flags |= LN_CSTART;
		k = cidx[g->cl];
		c = g_utf8_get_char(text + g->cl);
		if (la[k].is_line_break)
			g->flags |= LN_BREAK;
		if (la[k].is_char_break)
			g->flags |= LN_CHAR;
		if (la[k].is_mandatory_break && i > 0)
			g->flags |= LN_HARD;
		if (g_unichar_isspace(c))
			g->flags |= LN_SPACE;
		if (c == 0xAD)
			g->flags |= LN_SHY;
		if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
			g->flags |= LN_HIDDEN;
			g->adv = 0;
		}
	}
	/* Glyphs after the first of a cluster share its flags' kind. */
	for (i = 1; i < p->ng; i++)
		if (!(p->g[i].flags & LN_CSTART))
			p->g[i].flags |= p->g[i - 1].flags & LN_SPACE;
	g_free(la);
	g_free(cidx);
	p->orig = g_new(int32_t, p->ng > 0 ? p->ng : 1);
	for (i = 0; i < p->ng; i++)
		p->orig[i] = p->g[i].adv;
	return p;
}

static void
ln_add(struct ln_para *p, int g0, int g1, int x, int width, int start,
    int hyphen)
{
	struct ln_line	*l;
	struct ln_font	*f;

	p->lines = g_renew(struct ln_line, p->lines, p->nlines + 1);
	l = &p->lines[p->nlines++];
	memset(l, 0, sizeof(*l));
	l->g0 = g0;
	l->g1 = g1;
	l->x = x;
	l->width = width;
	l->start = start;
	if (hyphen && g1 > g0) {
		l->hfont = p->g[g1 - 1].font;
		f = p->fonts[l->hfont];
		l->hyphen = 1;
		l->hgid = f->hyphen;
		l->hadv = f->hyphen_adv;
		l->htext = "\xc2\xad";
	}
}

/* The hyphen shown if a line ends before glyph j. */
static int
ln_shy_before(const struct ln_para *p, int j)
{
	return j > 0 && (p->g[j - 1].flags & LN_SHY);
}

/*
 * Break the paragraph into lines of width units, the first line of
 * each paragraph indented by indent: each line takes as much as fits
 * and ends at the last break opportunity that fits (trailing spaces
 * are not counted, a soft hyphen counts its hyphen); a word that fits
 * no line is broken between characters.  With wrap 0, lines end only
 * at line separators.  Advances are reset to their shaped values.
 */
void
ln_break(struct ln_para *p, int width, int indent, int wrap)
{
	struct ln_glyph	*g;
	int		 i, j, start = 1, avail, w, wc, best, bestw, besthy;
	int		 cbest, cbestw, hard, cw, end, lw, hy;

	g_free(p->lines);
	p->lines = NULL;
	p->nlines = 0;
	for (i = 0; i < p->ng; i++)
		p->g[i].adv = p->orig[i];
	i = 0;
	while (i < p->ng) {
		avail = width - (start ? indent : 0);
		w = wc = 0;
		best = cbest = -1;
		bestw = cbestw = besthy = 0;
		hard = 0;
		for (j = i; j < p->ng; j++) {
			g = &p->g[j];
			if (j > i && (g->flags & LN_CSTART)) {
				if (g->flags & LN_HARD) {
					hard = 1;
					break;
				}
				if (wrap && wc > avail)
					break;
				hy = ln_shy_before(p, j);
				cw = wc + (hy ? p->fonts[p->g[j - 1].font]->
				    hyphen_adv : 0);
				if ((g->flags & LN_BREAK) &&
				    (!wrap || cw <= avail)) {
					best = j;
					bestw = cw;
					besthy = hy;
				}
				if (g->flags & LN_CHAR) {
					cbest = j;
					cbestw = wc;
				}
			}
			w += g->adv;
			if (!(g->flags & LN_SPACE))
				wc = w;
		}
		if (hard || j == p->ng) {
			if (!wrap || wc <= avail) {
				ln_add(p, i, j, start ? indent : 0, wc, start,
				    0);
				start = hard;
				i = j;
				continue;
			}
		}
		/* Over the width: the last opportunity that fits. */
		if (best > i) {
			end = best;
			lw = bestw;
			hy = besthy;
		} else if (cbest > i) {
			end = cbest;
			lw = cbestw;
			hy = 0;
		} else {
			/* Not one cluster fits: it goes alone. */
			for (end = i + 1; end < p->ng &&
			    !(p->g[end].flags & LN_CSTART); end++)
				continue;
			for (lw = 0, j = i; j < end; j++)
				lw += p->g[j].adv;
			hy = 0;
		}
		ln_add(p, i, end, start ? indent : 0, lw, start, hy);
		start = 0;
		i = end;
	}
	if (p->nlines == 0)
		ln_add(p, 0, 0, indent, 0, 1, 0);
}

/* Centre each line in width units. */
void
ln_center(struct ln_para *p, int width)
{
	int	 i;

	for (i = 0; i < p->nlines; i++)
		p->lines[i].x = (width - p->lines[i].width) / 2;
}

/*
 * Cut a one-line paragraph to width units, ending it in an ellipsis
 * in place of what was cut.
 */
void
ln_ellipsize(struct ln_para *p, int width)
{
	struct ln_line	*l;
	struct ln_font	*f;
	hb_codepoint_t	 e;
	int32_t		 ea;
	int		 j, w;

	if (p->nlines == 0 || (l = &p->lines[0])->width <= width)
		return;
	f = p->fonts[0];
	if (!hb_font_get_nominal_glyph(f->hb, 0x2026, &e))
		e = 0;
	ea = hb_font_get_glyph_h_advance(f->hb, e);
	/* Drop clusters from the end until the ellipsis fits. */
	w = l->width;
	for (j = l->g1; j > l->g0 && w + ea > width; ) {
		j--;
		w -= p->g[j].adv;
		while (j > l->g0 && !(p->g[j].flags & LN_CSTART)) {
			j--;
			w -= p->g[j].adv;
		}
	}
	while (j > l->g0 && (p->g[j - 1].flags & LN_SPACE))
		w -= p->g[--j].adv;
	p->nlines = 1;
	l->g1 = j;
	l->width = w + ea;
	l->hyphen = 1;
	l->hfont = 0;
	l->hgid = e;
	l->hadv = ea;
	l->htext = "\xe2\x80\xa6";
}

/* A line's advance as set now, added glyph included. */
int
ln_units(const struct ln_para *p, const struct ln_line *l)
{
	int	 i, w = 0, wc = 0;

	for (i = l->g0; i < l->g1; i++) {
		w += p->g[i].adv;
		if (!(p->g[i].flags & LN_SPACE))
			wc = w;
	}
	return wc + (l->hyphen ? l->hadv : 0);
}
