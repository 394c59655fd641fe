/*
 * typeset: break the document into lines (lines.c shapes with HarfBuzz
 * and breaks) and place the lines on pages; no drawing (render_pdf.c
 * paints).
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hyphen.h>
#include <pango/pango.h>

#include "docconv.h"
#include "fonts.h"
#include "lines.h"
#include "style.h"
#include "typeset.h"

#define TS_MM		(72.0 / 25.4)	/* points per millimetre */
#define TS_HYPHEN_DIC	"/usr/share/hyphen/hyph_en_US.dic"

/* Paragraph styles. */
enum ts_sid {
	TS_ZH_BODY = 0,		/* Chinese running text */
	TS_EN_BODY,		/* English running text */
	TS_ZH_TITLE,		/* Chinese title lines */
	TS_EN_TITLE,		/* English title lines */
	TS_ZH_SUB,		/* Chinese subtitle, occasion */
	TS_EN_SUB,		/* English subtitle, occasion */
	TS_ZH_META,		/* Chinese speaker, date, dateline */
	TS_EN_META,		/* English speaker, date */
	TS_ZH_HEAD,		/* running head, Chinese */
	TS_EN_HEAD,		/* running head, English; folios */
	TS_ZH_KICKER,		/* Chinese kicker over the title */
	TS_EN_KICKER,		/* English kicker */
	TS_ZH_H1,		/* Chinese heading, level 1 */
	TS_EN_H1,		/* English heading, level 1 */
	TS_ZH_H2,		/* level 2 */
	TS_EN_H2,
	TS_ZH_H3,		/* level 3 */
	TS_EN_H3,
	TS_ZH_TURN,		/* Chinese speaker turn: label in bold */
	TS_EN_TURN,		/* English speaker turn */
	TS_ZH_NOTE,		/* Chinese editor's note */
	TS_EN_NOTE,		/* English editor's note */
	TS_ZH_CAPTION,		/* Chinese caption and credit */
	TS_EN_CAPTION,		/* English caption and credit */
	TS_ZH_SIGNOFF,		/* Chinese sign-off, flush right */
	TS_EN_SIGNOFF,		/* English sign-off */
	TS_FOLIO,		/* page numbers */
	TS_SID__MAX
};

/* The style file names the same styles (style.h). */
_Static_assert((int)TS_SID__MAX == (int)DC_SR__MAX &&
    (int)TS_FOLIO == (int)DC_SR_FOLIO && (int)TS_EN_SIGNOFF ==
    (int)DC_SR_EN_SIGNOFF && (int)TS_ZH_H1 == (int)DC_SR_ZH_H1,
    "enum ts_sid and enum dc_srole differ");

/* Each Chinese style is followed by its English one. */
#define TS_SID_LANG(zh, l)	((enum ts_sid)((zh) + ((l) == DC_LANG_EN)))

struct ts_style {
	struct ln_style	 ln;		/* fonts and language */
	enum dc_lang	 l;		/* which language */
	double		 size;		/* font size, pt */
	double		 pitch;		/* baseline to baseline, pt */
	double		 asc;		/* ascent of the first font, pt */
	double		 inset;		/* both sides narrowed by, pt */
	int		 justify;	/* justify non-final lines */
	int		 center;	/* centre the lines */
	int		 right;		/* set the lines flush right */
	int		 display;	/* balanced lines (ln_balance()) */
};

/*
 * A block laid out but not placed yet: a heading waits for what
 * follows it (ts_place()).
 */
struct ts_set {
	const struct dc_node *b;	/* the block */
	const struct dc_node *seg[DC_LANG__MAX]; /* texts set, or NULL */
	struct ln_para	*lay[DC_LANG__MAX]; /* their first pieces, owned */
	size_t		 clen[DC_LANG__MAX]; /* bytes in lay[] */
	enum ts_sid	 sid[DC_LANG__MAX]; /* their styles */
	char		*txt[DC_LANG__MAX]; /* their texts, or NULL: the
					   segs' own (ts_set_text()) */
	double		 before;	/* space above, pt */
};

#define TS_KEEP_MAX	4		/* blocks held back at most */

/* Where a text flow goes on each spread. */
struct ts_frame {
	int		 page;		/* page within the spread */
	double		 x;		/* from the text block's left, pt */
	double		 w;		/* width, pt */
	long		 spread;	/* cursor: spread */
	double		 y;		/* cursor: top of next line, pt */
};

struct ts {
	const struct dc_doc *doc;	/* what we set */
	const struct dc_opts *o;	/* options */
	const struct dc_style *sty;	/* style: sizes, faces, margins */
	enum ts_layout	 lay;		/* layout */
	double		 pw, ph;	/* paper, pt */
	double		 top, bot;	/* text block top and bottom, pt */
	double		 inner, outer;	/* margins, pt */
	double		 tw;		/* text block width, pt */
	double		 gap;		/* space between pairs, pt */
	struct ts_style	 st[TS_SID__MAX]; /* paragraph styles */
	struct ts_frame	 fr[2];		/* flows: [0] zh, [1] en */
	int		 nfr;		/* flows in use */
	int		 spread_pages;	/* pages per spread: 1 or 2 */
	int		 page0;		/* number of spread 0's first page */
	GPtrArray	*open;		/* struct ts_page *, from first_open */
	int		 first_open;	/* number of open[0] */
	int		 partlv;	/* level of the open part, 0 none */
	struct ts_set	 keep[TS_KEEP_MAX]; /* held back for ts_place() */
	int		 nkeep;		/* how many */
	char		*headtitle[DC_LANG__MAX]; /* title lines, spaced */
	GHashTable	*beads;		/* block -> its dc_bead (two files) */
	int		 err;		/* emit failed */
	unsigned int	 missing;	/* characters without a glyph */
	uint32_t	 missing_c;	/* the first of them */
	ts_emit_fn	 emit;		/* page consumer */
	void		*arg;		/* its argument */
	int		 nelem;		/* structure elements begun */
	struct ts_item	 el;		/* the one lines go to now */
};

/* Set up once per process: hyphenation. */
static HyphenDict	*ts_hyph;
static int		 ts_hyph_tried;
static GThread		*ts_hyph_thr;	/* loading ts_hyph, until joined */

/*
 * Parse --paper into points (style.c knows the papers); NULL means A5.
 * Returns 0, or -1 after naming the valid values.
 */
int
ts_paper(const char *s, double *w, double *h)
{
	if (s == NULL)
		s = "a5";
	if (dc_style_paper(s, w, h) == 0)
		return 0;
	dc_msg_sys("--paper %s: use a6, a5, a4, b6, b5, letter or WxHmm "
	    "(70 to 1000 mm, e.g. 140x203mm)", s);
	return -1;
}

/*
 * A layout of one language the text does not have (--layout en on
 * Chinese only) would set a blank PDF: use the one it has.  Returns 1
 * if *l changed, else 0.
 */
static int
ts_layout_lang(enum ts_layout *l, unsigned int langs)
{
	if (*l == TS_EN && !(langs & (1u << DC_LANG_EN)) &&
	    (langs & (1u << DC_LANG_ZH)))
		*l = TS_ZH;
	else if (*l == TS_ZH && !(langs & (1u << DC_LANG_ZH)) &&
	    (langs & (1u << DC_LANG_EN)))
		*l = TS_EN;
	else
		return 0;
	return 1;
}

/*
 * Parse --layout; NULL picks columns for bilingual documents, else the
 * one language there is, as zh or en do on a text of the other only
 * (saying so if warn).  Returns 0, or -1 after naming the values.
 */
int
ts_layout_parse(const char *s, unsigned int langs, int warn,
    enum ts_layout *l)
{
	static const char *const names[TS__MAX] = {
		[TS_COLUMNS] = "columns", [TS_FACING] = "facing",
		[TS_INTERLEAVED] = "interleaved", [TS_ZH] = "zh",
		[TS_EN] = "en"
	};
	int	 i;

	if (s == NULL) {
		if ((langs & (1u << DC_LANG_ZH)) &&
		    (langs & (1u << DC_LANG_EN)))
			*l = TS_COLUMNS;
		else if (langs & (1u << DC_LANG_EN))
			*l = TS_EN;
		else
			*l = TS_ZH;
		return 0;
	}
	for (i = 0; i < TS__MAX; i++)
		if (strcmp(s, names[i]) == 0) {
			*l = (enum ts_layout)i;
			if (ts_layout_lang(l, langs) && warn)
				dc_msg(DC_WARN_GENERIC, 0, 0, "--layout %s: "
				    "the text has none of that language; set "
				    "as --layout %s", s, names[*l]);
			return 0;
		}
	dc_msg_sys("--layout %s: use columns, facing, interleaved, zh "
	    "or en", s);
	return -1;
}

/*
 * One style at a size, in its faces from the style file: the face of
 * the style's language first (a Latin face first would take “ ” … —
 * from the Latin font inside Chinese text), then the other language's;
 * the lead's faces; line pitch.  Traditional Chinese is set as
 * zh-Hant, which selects the faces' Traditional glyph forms.  Returns
 * 0, or -1 if a face is unreadable.
 */
static int
ts_style_set(struct ts *t, enum ts_sid sid, double size)
{
	const struct dc_srstyle *r = &t->sty->role[sid];
	struct ts_style	*s = &t->st[sid];
	hb_font_extents_t	 e;
	const char		*lang;
	enum dc_lang		 l;
	int			 u, k;

	l = sid == TS_FOLIO || sid % 2 ? DC_LANG_EN : DC_LANG_ZH;
	u = (int)lround(size * LN_SCALE);
	for (k = 0; k < 2; k++) {
		s->ln.font[k] = ln_font_get(r->font.real[k], r->font.weight,
		    u);
		s->ln.lead[k] = ln_font_get(r->lead.real[k], r->lead.weight,
		    u);
	}
	lang = l == DC_LANG_ZH ? (t->doc->meta.hant ? "zh-hant" : "zh-cn") :
	    "en";
	s->ln.hblang = hb_language_from_string(lang, -1);
	s->ln.zh = l == DC_LANG_ZH;
	s->ln.hang = t->sty->hang;
	s->ln.em = u;
	s->l = l;
	s->size = size;
	s->pitch = r->leading_pt ? r->leading : size * r->leading;
	for (k = 0; k < 2; k++)
		if (s->ln.font[k] == NULL || s->ln.lead[k] == NULL) {
			dc_msg_sys("cannot read the font file of %s",
			    s->ln.font[k] == NULL ? r->font.real[k] :
			    r->lead.real[k]);
			return -1;
		}
	hb_font_get_h_extents(s->ln.font[0]->hb, &e);
	s->asc = (double)e.ascender / LN_SCALE;
	return 0;
}

/*
 * The faces ts_styles() and ts_para() set text in, for a layout and
 * the languages present, so that the PDF backend can prepare them
 * early (a face left out here is only prepared later).  Returns how
 * many were stored in f (at most TS_FACES_MAX).
 */
int
ts_faces(const struct dc_opts *o, enum ts_layout lay, unsigned int langs,
    struct ts_face *f)
{
	const struct dc_style *st;
	int	 n = 0;

	if ((st = dc_style_get(o)) == NULL)
		return 0;
	if ((langs & (1u << DC_LANG_ZH)) && lay != TS_EN) {
		f[n].family = st->role[DC_SR_ZH_BODY].font.real[0];
		f[n++].weight = st->role[DC_SR_ZH_BODY].font.weight;
		f[n].family = st->role[DC_SR_ZH_TITLE].font.real[0];
		f[n++].weight = st->role[DC_SR_ZH_TITLE].font.weight;
		f[n].family = st->role[DC_SR_ZH_BODY].lead.real[0];
		f[n++].weight = st->role[DC_SR_ZH_BODY].lead.weight;
	}
	if ((langs & (1u << DC_LANG_EN)) && lay != TS_ZH) {
		f[n].family = st->role[DC_SR_EN_BODY].font.real[0];
		f[n++].weight = st->role[DC_SR_EN_BODY].font.weight;
		f[n].family = st->role[DC_SR_EN_TITLE].font.real[0];
		f[n++].weight = st->role[DC_SR_EN_TITLE].font.weight;
	}
	return n;
}

/*
 * The paragraph styles at their sizes: the Chinese body's (by default
 * by the paper), the English body's, and the rest as the style file
 * says, most as factors of one of those two.
 */
static int
ts_styles(struct ts *t)
{
	const struct dc_srstyle *r;
	double	 z, e, size;
	int	 rc = 0, i;

	r = &t->sty->role[TS_ZH_BODY];
	if (r->base == DC_BASE_PAPER) {
		/* 9 pt on A5, growing with the paper to 10.5 pt on A4. */
		z = 9.0 + (t->pw / TS_MM - 148.0) * 1.5 / 62.0;
		z = z < 8.0 ? 8.0 : z > 12.0 ? 12.0 : z;
		z = floor(z * 2.0 + 0.5) / 2.0;
	} else
		z = r->size;
	r = &t->sty->role[TS_EN_BODY];
	e = r->base == DC_BASE_PT ? r->size : z * r->size;
	for (i = 0; i < TS_SID__MAX; i++) {
		r = &t->sty->role[i];
		size = i == TS_ZH_BODY ? z : i == TS_EN_BODY ? e :
		    r->base == DC_BASE_PT ? r->size : r->base == DC_SR_ZH_BODY ?
		    z * r->size : e * r->size;
		rc |= ts_style_set(t, (enum ts_sid)i, size);
	}
	/* The editor's note: body text set in from both sides. */
	t->st[TS_ZH_NOTE].inset = 2 * z;
	t->st[TS_EN_NOTE].inset = 1.5 * e;
	/*
	 * Captions and credits are unjustified (a Chinese measure of
	 * whole body ems is not one of whole caption ems).
	 */
	for (i = 0; i < 2; i++) {
		t->st[TS_ZH_BODY + i].justify = 1;
		t->st[TS_ZH_TURN + i].justify = 1;
		t->st[TS_ZH_NOTE + i].justify = 1;
		t->st[TS_ZH_TITLE + i].center = 1;
		t->st[TS_ZH_SUB + i].center = 1;
		t->st[TS_ZH_META + i].center = 1;
		t->st[TS_ZH_KICKER + i].center = 1;
		t->st[TS_ZH_SIGNOFF + i].right = 1;
		t->st[TS_ZH_TITLE + i].display = 1;
		t->st[TS_ZH_SUB + i].display = 1;
		t->st[TS_ZH_META + i].display = 1;
		t->st[TS_ZH_KICKER + i].display = 1;
		t->st[TS_ZH_H1 + i].display = 1;
		t->st[TS_ZH_H2 + i].display = 1;
		t->st[TS_ZH_H3 + i].display = 1;
	}
	return rc == 0 ? 0 : -1;
}

static int
ts_is_han(gunichar c)
{
	return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
}

static int
ts_is_latin(gunichar c)
{
	return (c < 0x80 && g_ascii_isalnum(c)) ||
	    (c >= 0xC0 && c < 0x250 && g_unichar_isalpha(c));
}

static void	 ts_hyph_ready(void);
static void	 ts_hyphenate(const char *, size_t, char *);

/*
 * Where an English word of the ASCII letters [i, j) of s (len bytes)
 * inside Chinese text may break (libhyphen, as in English text): the
 * offsets, from at on, of the letters a line may start with, into hy.
 * A word of six letters or more, not all capitals, and not part of an
 * address, a file name or a number (no letter, digit or / . @ _ - on
 * either side).  A line of a narrow Chinese column that ends before a
 * long word would otherwise spread its characters apart.
 */
static void
ts_hyph_zh(const char *s, size_t len, size_t i, size_t j, uint32_t at,
    GArray *hy)
{
	char	 w[64], hp[64 + 5];
	size_t	 k, n = j - i;
	int	 upper = 1;
	uint32_t x;

	if (n < 6 || n >= sizeof(w) ||
	    (i > 0 && (g_ascii_isalnum(s[i - 1]) ||
	    strchr("/.@_-'", s[i - 1]) != NULL)) ||
	    (j < len && (g_ascii_isalnum(s[j]) ||
	    strchr("/@_-'", s[j]) != NULL ||
	    (s[j] == '.' && j + 1 < len && g_ascii_isalnum(s[j + 1])))))
		return;
	for (k = 0; k < n; k++) {
		if (g_ascii_islower(s[i + k]))
			upper = 0;
		w[k] = g_ascii_tolower(s[i + k]);
	}
	if (upper)
		return;
	w[n] = '\0';
	ts_hyph_ready();
	if (ts_hyph == NULL)
		return;
	ts_hyphenate(w, n, hp);
	for (k = 0; k + 1 < n; k++)
		if (hp[k] & 1) {
			x = at + (uint32_t)k + 1;
			g_array_append_val(hy, x);
		}
}

/*
 * Chinese text to set: U+2005 (a quarter em, which extracts as a
 * space) between Han and Latin letters or digits, as clreq asks and
 * HarfBuzz does not do.  *lead is the byte length of the run-in lead in
 * the input on entry and in the result on return.  OpenType features
 * for the punctuation go into feat, byte offsets before which no line
 * may break into nobrk, where English words may be hyphenated (if
 * hyph) into hy.
 */
static char *
ts_prep_zh(const char *s, size_t len, size_t *lead, GArray *feat,
    GArray *nobrk, GArray *hy, int hyph)
{
	GString		*g;
	const char	*p, *end = s + len, *q;
	gunichar	 c, prev = 0, next;
	size_t		 nl = *lead;
	uint32_t	 at;
	hb_feature_t	 f;

	g = g_string_sized_new(len + 16);
	for (p = s; p < end; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if ((size_t)(p - s) == *lead)
			nl = g->len;
		if (prev != 0 && ((ts_is_han(prev) && ts_is_latin(c)) ||
		    (ts_is_latin(prev) && ts_is_han(c))))
			g_string_append_unichar(g, 0x2005);
		if (hyph && c < 0x80 && g_ascii_isalpha(c) &&
		    (p == s || !g_ascii_isalpha(p[-1]))) {
			for (q = p; q < end && g_ascii_isalpha(*q); q++)
				continue;
			ts_hyph_zh(s, len, (size_t)(p - s), (size_t)(q - s),
			    (uint32_t)g->len, hy);
		}
		q = g_utf8_next_char(p);
		next = q < end ? g_utf8_get_char(q) : 0;
		/* Compress the first of two adjacent marks (halt). */
		if (ln_is_fwpunct(c) && ln_is_fwpunct(next)) {
			f.tag = HB_TAG('h', 'a', 'l', 't');
			f.value = 1;
			f.start = (unsigned int)g->len;
			f.end = (unsigned int)(g->len + (size_t)(q - p));
			g_array_append_val(feat, f);
		}
		/*
		 * UAX #14 would break before a middle dot, and at a space
		 * before closing or after opening punctuation (segmented
		 * text has such spaces).
		 */
		if (c == 0x00B7 || (g_unichar_isspace(prev) &&
		    dc_is_closing_punct(c))) {
			at = (uint32_t)g->len;
			g_array_append_val(nobrk, at);
		}
		if (dc_is_opening_punct(c) && g_unichar_isspace(next)) {
			at = (uint32_t)(g->len + (size_t)(q - p));
			g_array_append_val(nobrk, at);
			at++;
			g_array_append_val(nobrk, at);
		}
		g_string_append_len(g, p, q - p);
		prev = c;
	}
	if (*lead >= len)
		nl = g->len;
	*lead = nl;
	return g_string_free(g, FALSE);
}

static gpointer
ts_hyph_load(gpointer arg)
{
	(void)arg;
	return hnj_hyphen_load(TS_HYPHEN_DIC);
}

/* Load the dictionary, or take it from the thread loading it. */
static void
ts_hyph_ready(void)
{
	if (ts_hyph_tried)
		return;
	ts_hyph_tried = 1;
	if (ts_hyph_thr != NULL)
		ts_hyph = g_thread_join(ts_hyph_thr);
	else
		ts_hyph = hnj_hyphen_load(TS_HYPHEN_DIC);
	ts_hyph_thr = NULL;
}

/*
 * Hyphenation points of a lower-case word of n < 64 letters into hy
 * (odd: a break is allowed after that letter), two letters before a
 * break and three after.  Words recur, so results are kept for the
 * process (the table is emptied when it grows large).
 */
#define TS_HYPH_CACHE	65536

static GHashTable	*ts_hyph_cache;	/* word -> hy, both owned */

static void
ts_hyphenate(const char *w, size_t n, char *hy)
{
	char		**rep = NULL, *v;
	int		*pos = NULL, *cut = NULL;
	size_t		 k;

	memset(hy, 0, n + 5);
	if (ts_hyph_cache == NULL)
		ts_hyph_cache = g_hash_table_new_full(g_str_hash,
		    g_str_equal, g_free, g_free);
	if ((v = g_hash_table_lookup(ts_hyph_cache, w)) != NULL) {
		memcpy(hy, v, n);
		return;
	}
	if (hnj_hyphen_hyphenate3(ts_hyph, w, (int)n, hy, NULL,
	    &rep, &pos, &cut, 2, 3, 2, 2) != 0)
		memset(hy, 0, n + 5);
	if (rep != NULL) {
		/* Non-standard hyphenation: none in English. */
		for (k = 0; k < n; k++)
			free(rep[k]);
		free(rep);
		free(pos);
		free(cut);
		memset(hy, 0, n + 5);
	}
	if (g_hash_table_size(ts_hyph_cache) >= TS_HYPH_CACHE)
		g_hash_table_remove_all(ts_hyph_cache);
	v = g_malloc(n);
	memcpy(v, hy, n);
	g_hash_table_insert(ts_hyph_cache, g_strdup(w), v);
}

/*
 * English text to set, and where libhyphen allows a break (two letters
 * before, three after), which narrow columns need: the byte offsets of
 * the letters a line may then start with go into hy.  The text keeps
 * no soft hyphen, the input's turned into such points too: one inside
 * a word set with a ligature would copy out of the PDF with it.
 */
static char *
ts_prep_en(const char *s, size_t len, size_t *lead, GArray *hy, int hyph)
{
	GString		*g;
	size_t		 i, j, n, nl = *lead, k;
	char		 w[64], hp[64 + 5];
	int		 upper;
	uint32_t	 at;

	if (hyph)
		ts_hyph_ready();
	g = g_string_sized_new(len);
	for (i = 0; i < len; ) {
		if (i == *lead)
			nl = g->len;
		if (i + 1 < len && (unsigned char)s[i] == 0xC2 &&
		    (unsigned char)s[i + 1] == 0xAD) {
			at = (uint32_t)g->len;
			if (hy->len == 0 || g_array_index(hy, uint32_t,
			    hy->len - 1) != at)
				g_array_append_val(hy, at);
			i += 2;
			continue;
		}
		if (!g_ascii_isalpha(s[i])) {
			g_string_append_c(g, s[i++]);
			continue;
		}
		for (j = i, upper = 1; j < len && g_ascii_isalpha(s[j]); j++)
			if (g_ascii_islower(s[j]))
				upper = 0;
		n = j - i;
		/* A word glued to other letters (UTF-8) stays whole. */
		if (ts_hyph == NULL || !hyph || n < 6 || n >= sizeof(w) ||
		    upper ||
		    (j < len && (unsigned char)s[j] >= 0x80 &&
		    (unsigned char)s[j] != 0xE2 && !((unsigned char)s[j] ==
		    0xC2 && j + 1 < len && (unsigned char)s[j + 1] == 0xAD)) ||
		    (i > 0 && (unsigned char)s[i - 1] >= 0x80 &&
		    (unsigned char)s[i - 1] != 0x99 &&
		    (unsigned char)s[i - 1] != 0xAD)) {
			g_string_append_len(g, s + i, n);
			i = j;
			continue;
		}
		for (k = 0; k < n; k++)
			w[k] = g_ascii_tolower(s[i + k]);
		w[n] = '\0';
		ts_hyphenate(w, n, hp);
		for (k = 0; k < n; k++) {
			if (i + k == *lead && k > 0)
				nl = g->len;
			g_string_append_c(g, s[i + k]);
			if (k + 1 < n && (hp[k] & 1)) {
				at = (uint32_t)g->len;
				g_array_append_val(hy, at);
			}
		}
		i = j;
	}
	if (*lead >= len)
		nl = g->len;
	*lead = nl;
	return g_string_free(g, FALSE);
}

/* Place a paragraph's lines in its frame: centred, flush right, inset. */
static void
ts_lines_place(const struct ts_style *s, struct ln_para *p, int wu)
{
	int	 i;

	if (s->center)
		ln_center(p, wu);
	for (i = 0; i < p->nlines; i++) {
		if (s->right)
			p->lines[i].x = wu - p->lines[i].width;
		p->lines[i].x += (int)lround(s->inset * LN_SCALE);
	}
}

/*
 * Set one paragraph of a style at a width: the text is prepared for
 * its language and the lead (lead bytes) is set in the lead's face.
 * Returns the paragraph, which the caller unrefs.
 */
static struct ln_para *
ts_para(const struct ts *t, enum ts_sid sid, const char *text, size_t len,
    size_t lead, double width, double indent)
{
	const struct ts_style *s = &t->st[sid];
	struct ln_para	*p;
	GArray		*feat, *nobrk, *hy;
	char		*txt;
	int		 wu, iu;

	if (lead > len)
		lead = len;
	feat = g_array_new(FALSE, FALSE, sizeof(hb_feature_t));
	nobrk = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	hy = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	if (s->l == DC_LANG_ZH)
		txt = ts_prep_zh(text, len, &lead, feat, nobrk, hy,
		    t->sty->hyphenate && !s->display);
	else
		txt = ts_prep_en(text, len, &lead, hy, t->sty->hyphenate);
	p = ln_shape(&s->ln, txt, strlen(txt), lead,
	    (const hb_feature_t *)(void *)feat->data, feat->len,
	    (const uint32_t *)(void *)nobrk->data, nobrk->len);
	ln_hyphens(p, (const uint32_t *)(void *)hy->data, hy->len);
	g_array_free(feat, TRUE);
	g_array_free(nobrk, TRUE);
	g_array_free(hy, TRUE);
	wu = (int)lround((width - 2 * s->inset) * LN_SCALE);
	iu = (int)lround(indent * LN_SCALE);
	/*
	 * Justified text is broken a paragraph at a time (linebreak.c);
	 * the rest first fit, one unit wider, or a width of whole points
	 * would not take its last one.
	 */
	if (s->justify)
		ln_fit(p, wu, iu);
	else if (s->display && iu == 0)
		ln_balance(p, wu + 1);
	else
		ln_break(p, wu + 1, iu, 1);
	ts_lines_place(s, p, wu);
	return p;
}

/*
 * Set an English salutation, vocative or closing that takes more than
 * a line flush left in balanced lines broken at phrases, as a letter
 * sets it: justified, the few words of its first line stood an em
 * apart ("Your   Excellency   President   Vladimir / Putin,").
 */
static void
ts_unjustify(const struct ts_style *s, struct ln_para *p, double width)
{
	int	 wu = (int)lround((width - 2 * s->inset) * LN_SCALE);

	if (p->nlines < 2 || p->lines[0].x != 0)
		return;
	ln_balance(p, wu + 1);
	ts_lines_place(s, p, wu);
}

static struct ts_page *
ts_page_new(const struct ts *t, int number)
{
	struct ts_page	*p;

	p = g_new0(struct ts_page, 1);
	p->number = number;
	/* Odd pages are rectos: the inner margin is on the left. */
	p->left = number % 2 ? t->inner : t->outer;
	p->items = g_array_new(FALSE, FALSE, sizeof(struct ts_item));
	p->rules = g_array_new(FALSE, FALSE, sizeof(struct ts_rule));
	p->marks = g_array_new(FALSE, FALSE, sizeof(struct ts_mark));
	return p;
}

void
ts_page_free(struct ts_page *p)
{
	guint	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->items->len; i++)
		ln_unref(g_array_index(p->items, struct ts_item, i).para);
	for (i = 0; i < p->marks->len; i++)
		g_free(g_array_index(p->marks, struct ts_mark, i).text);
	g_array_free(p->items, TRUE);
	g_array_free(p->rules, TRUE);
	g_array_free(p->marks, TRUE);
	g_free(p);
}

/* The open page of that number, made if need be. */
static struct ts_page *
ts_page_get(struct ts *t, int number)
{
	int	 i;

	assert(number >= t->first_open);
	i = number - t->first_open;
	while ((int)t->open->len <= i)
		g_ptr_array_add(t->open, ts_page_new(t,
		    t->first_open + (int)t->open->len));
	return g_ptr_array_index(t->open, i);
}

static void
ts_item_add(struct ts_page *p, const struct ts_item *el,
    struct ln_para *para, int line, double x, double y)
{
	struct ts_item	 it;

	if (el != NULL) {
		it = *el;
		if (line > 0)
			it.lbl = 0;
	} else {
		it.elem = -1;
		it.tag = TS_TAG_NONE;
		it.lang = DC_LANG_EN;
		it.lbl = 0;
	}
	it.para = ln_ref(para);
	it.line = line;
	it.x = x;
	it.y = y;
	g_array_append_val(p->items, it);
}

static void
ts_mark_add(struct ts_page *p, int level, const char *text, size_t len,
    double y)
{
	struct ts_mark	 m;
	char		*s;

	s = g_strndup(text, len);
	g_strdelimit(s, "\n\t", ' ');
	m.level = level;
	m.text = g_strstrip(s);
	m.y = y;
	g_array_append_val(p->marks, m);
}

/*
 * One line for furniture (running head, folio), cut with an ellipsis
 * at width if that is > 0.
 */
static struct ln_para *
ts_short(const struct ts *t, enum ts_sid sid, const char *text,
    double width)
{
	struct ln_para	*p;

	p = ln_shape(&t->st[sid].ln, g_strdup(text), strlen(text), 0, NULL,
	    0, NULL, 0);
	ln_break(p, 0, 0, 0);
	if (width > 0)
		ln_ellipsize(p, (int)(width * LN_SCALE));
	return p;
}

/*
 * The running head's title in language l: --meta short-title if it is
 * in l, else the title lines (ts_headtitles()), else the title.
 */
static const char *
ts_headtitle(const struct ts *t, enum dc_lang l)
{
	const struct dc_meta *m = &t->doc->meta;
	const char	*s = m->pub[DC_PUB_SHORT_TITLE];

	if (s != NULL && *s != '\0' && dc_text_lang_in(s, m->langs) == l)
		return s;
	return t->headtitle[l] != NULL ? t->headtitle[l] : m->l[l].title;
}

/*
 * Running head and folio: the title of one language centred above
 * a hairline, the page number where the style puts it (by default at
 * the outer edge of the head).
 */
static void
ts_furniture(struct ts *t, struct ts_page *p)
{
	const char	*title;
	enum dc_lang	 l;
	enum ts_sid	 sid;
	enum dc_folio	 fo = t->sty->folio;
	struct ln_para	*lay, *fol = NULL;
	double		 y, w, x, cap, fw = 0, em;
	char		 num[16];
	struct ts_rule	 r;

	if (p->number == 1 || (p->items->len == 0 && t->lay != TS_FACING))
		return;
	/* Versos carry the Chinese title, rectos the English one. */
	l = p->number % 2 ? DC_LANG_EN : DC_LANG_ZH;
	if (t->lay == TS_ZH || t->lay == TS_EN)
		l = t->lay == TS_ZH ? DC_LANG_ZH : DC_LANG_EN;
	if (t->doc->meta.l[l].title == NULL)
		l = l == DC_LANG_ZH ? DC_LANG_EN : DC_LANG_ZH;
	title = ts_headtitle(t, l);
	sid = l == DC_LANG_ZH ? TS_ZH_HEAD : TS_EN_HEAD;
	y = t->top - t->st[TS_ZH_BODY].pitch * 1.1;
	if (fo != DC_FOLIO_NONE) {
		snprintf(num, sizeof(num), "%d", p->number);
		fol = ts_short(t, TS_FOLIO, num, 0);
		fw = (double)fol->lines[0].width / LN_SCALE;
	}
	/*
	 * The title is cut only where it would come within an em and a
	 * half of a folio beside it (a head of 179 pt was cut in a 232
	 * pt measure that held it).  A folio in the middle of the head
	 * takes the title's place: the two were drawn over each other.
	 */
	em = t->st[sid].size;
	if (fo == DC_FOLIO_HEAD_OUTER || fo == DC_FOLIO_HEAD_INNER)
		cap = t->tw - 2 * (fw + 1.5 * em);
	else if (fo == DC_FOLIO_HEAD_CENTER)
		cap = 0;
	else
		cap = t->tw - 2 * em;
	if (title != NULL && t->sty->running_head && cap > 2 * em) {
		lay = ts_short(t, sid, title, cap);
		w = (double)lay->lines[0].width / LN_SCALE;
		ts_item_add(p, NULL, lay, 0, p->left + (t->tw - w) / 2, y);
		ln_unref(lay);
	}
	if (fol != NULL) {
		lay = fol;
		w = fw;
		/* Rectos (odd) have the outer edge on the right. */
		if (fo == DC_FOLIO_HEAD_CENTER || fo == DC_FOLIO_FOOT_CENTER)
			x = p->left + (t->tw - w) / 2;
		else if ((fo == DC_FOLIO_HEAD_OUTER ||
		    fo == DC_FOLIO_FOOT_OUTER) == (p->number % 2 == 1))
			x = p->left + t->tw - w;
		else
			x = p->left;
		ts_item_add(p, NULL, lay, 0, x, fo >= DC_FOLIO_FOOT_OUTER ?
		    t->bot + t->st[TS_ZH_BODY].pitch * 1.1 +
		    t->st[TS_FOLIO].asc : y);
		ln_unref(lay);
	}
	if (!t->sty->running_head)
		return;
	r.x0 = p->left;
	r.x1 = p->left + t->tw;
	r.y0 = r.y1 = y + t->st[TS_EN_HEAD].size * 0.45;
	r.width = 0.4;
	r.head = 1;
	g_array_append_val(p->rules, r);
}

/*
 * Running-head titles: the title lines of each language joined with
 * a space (ideographic for Chinese) where the model's title runs
 * them together.
 */
static void
ts_headtitles(struct ts *t)
{
	const struct dc_node *n;
	GString		*g[DC_LANG__MAX] = { NULL, NULL };
	int		 i;

	for (n = t->doc->root->child; n != NULL; n = n->next) {
		if (n->type != DC_TITLE || n->text == NULL)
			continue;
		if (g[n->lang] == NULL)
			g[n->lang] = g_string_new(NULL);
		else
			g_string_append(g[n->lang], dc_title_sep(
			    g[n->lang]->str, n->text, n->lang));
		g_string_append(g[n->lang], n->text);
	}
	for (i = 0; i < DC_LANG__MAX; i++)
		if (g[i] != NULL)
			t->headtitle[i] = g_string_free(g[i], FALSE);
}

/* Emit open pages below number upto. */
static void
ts_flush(struct ts *t, int upto)
{
	struct ts_page	*p;
	int		 r;

	while (t->first_open < upto) {
		p = ts_page_get(t, t->first_open);
		ts_furniture(t, p);
		r = t->err ? 0 : t->emit(p, t->arg);
		if (r == -1)
			t->err = 1;
		if (r != 1)
			ts_page_free(p);
		g_ptr_array_remove_index(t->open, 0);
		t->first_open++;
	}
}

static int
ts_frame_page(const struct ts *t, const struct ts_frame *f)
{
	return t->page0 + (int)f->spread * t->spread_pages + f->page;
}

/*
 * Begin the structure element the next lines go to; lbl is the bytes
 * of a turn's speaker label.
 */
static void
ts_elem(struct ts *t, enum ts_tag tag, enum dc_lang l, size_t lbl)
{
	t->el.elem = t->nelem++;
	t->el.tag = tag;
	t->el.lang = l;
	t->el.lbl = tag == TS_TAG_TURN ? lbl : 0;
}

/* The structure element of a block's text in one style. */
static enum ts_tag
ts_block_tag(const struct dc_node *b, enum ts_sid sid)
{
	switch (b->type) {
	case DC_HEADING:
		return b->level >= 3 ? TS_TAG_H4 : b->level == 2 ?
		    TS_TAG_H3 : TS_TAG_H2;
	case DC_NOTE:
		return TS_TAG_NOTE;
	case DC_CAPTION:
		return TS_TAG_CAPTION;
	case DC_TURN:
		return sid == TS_ZH_TURN || sid == TS_EN_TURN ? TS_TAG_TURN :
		    TS_TAG_P;
	case DC_SALUTATION:
	case DC_VOCATIVE:
	case DC_PARA:
	case DC_CLOSING:
	case DC_SIGNOFF:
	case DC_ROOT:
	case DC_COLLECTION:
	case DC_KICKER:
	case DC_TITLE:
	case DC_SUBTITLE:
	case DC_OCCASION:
	case DC_SPEAKER:
	case DC_ROLE:
	case DC_DATEPLACE:
	case DC_DATELINE:
	case DC_BYLINE:
	case DC_SOURCE:
	case DC_FRONTMATTER:
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
	case DC_TYPE__MAX:
		break;
	}
	return TS_TAG_P;
}

/*
 * The last line of lay on a column or page when its lines are set
 * from f's cursor as ts_flow() sets them, after line from; -1 if the
 * rest fits.
 */
static int
ts_flow_last(const struct ts *t, const struct ts_frame *f,
    const struct ln_para *lay, const struct ts_style *s, int from)
{
	double	 y = f->y, need;
	int	 k, n = lay->nlines;

	for (k = 0; k < n; k++) {
		need = n - k == 2 && k >= 2 ? 2 * s->pitch : s->pitch;
		if (y + need > t->bot + 0.01 && y > t->top) {
			if (k - 1 > from)
				return k - 1;
			y = t->top;
		}
		y += s->pitch;
	}
	return -1;
}

#define TS_UNFLAG	3	/* paragraphs broken again, at most */

/*
 * No column or page ends with a hyphen: a paragraph whose line there
 * would is broken again without that break (ln_refit()), which may
 * move the lines after it; the breaks are then found again.
 */
static void
ts_flow_unflag(const struct ts *t, const struct ts_frame *f,
    struct ln_para *lay, const struct ts_style *s)
{
	int	 k = -1, tries = 0;

	if (lay->fit_width <= 0)
		return;
	while ((k = ts_flow_last(t, f, lay, s, k)) >= 0) {
		if (!ln_line_flagged(lay, k))
			continue;
		if (tries++ == TS_UNFLAG)
			break;
		ln_refit(lay, k);
		ts_lines_place(s, lay, lay->fit_width);
		k = -1;
	}
}

/*
 * Say that line k of lay, at height y of page p, could not be
 * justified and is set ragged, as TeX reports an underfull box: the
 * page, the line's number on it (in lines of pitch from the top of
 * the text block) and how it begins.
 */
static void
ts_warn_ragged(const struct ts *t, const struct ts_page *p,
    const struct ln_para *lay, int k, double y, double pitch)
{
	const struct ln_line *l = &lay->lines[k];
	const char	*s, *e;
	int		 n;

	s = lay->text + lay->g[l->g0].cl;
	e = l->g1 < lay->ng ? lay->text + lay->g[l->g1].cl :
	    lay->text + lay->len;
	for (n = 0; n < 40 && s + n < e; )
		n = (int)(g_utf8_next_char(s + n) - s);
	dc_msg(DC_WARN_GENERIC, 0, 0, "page %d, line %d: too little to "
	    "stretch for a justified line; set ragged: %.*s", p->number,
	    (int)lround((y - t->top) / pitch) + 1, n, s);
}

/*
 * Set a layout's lines in a flow from its cursor on, going over to
 * the next spread when the page is full, but never leaving the last
 * line alone at the head of a page (a widow): the line before it goes
 * over too, when two stay behind.  ts_block() keeps the first two
 * lines together.  Returns the page and top of the first line through
 * *page and *y0.
 */
static void
ts_flow(struct ts *t, struct ts_frame *f, struct ln_para *lay,
    const struct ts_style *s, int *page, double *y0)
{
	struct ts_page	*p;
	int		 k, n = lay->nlines;
	double		 x, need;

	if (lay->missing > 0 && t->missing++ == 0)
		t->missing_c = lay->missing_c;
	if (lay->missing > 0)
		t->missing += lay->missing - 1;

	ts_flow_unflag(t, f, lay, s);
	n = lay->nlines;
	for (k = 0; k < n; k++) {
		need = n - k == 2 && k >= 2 ? 2 * s->pitch : s->pitch;
		if (f->y + need > t->bot + 0.01 && f->y > t->top) {
			f->spread++;
			f->y = t->top;
		}
		p = ts_page_get(t, ts_frame_page(t, f));
		x = p->left + f->x + (double)lay->lines[k].x / LN_SCALE;
		ts_item_add(p, &t->el, lay, k, x, f->y + s->asc);
		if (lay->lines[k].ragged)
			ts_warn_ragged(t, p, lay, k, f->y, s->pitch);
		if (k == 0) {
			*page = p->number;
			*y0 = f->y;
		}
		f->y += s->pitch;
	}
}

/* The later of two flow cursors. */
static void
ts_cursor_max(const struct ts_frame *a, const struct ts_frame *b,
    long *sp, double *y)
{
	if (a->spread > b->spread || (a->spread == b->spread &&
	    a->y >= b->y)) {
		*sp = a->spread;
		*y = a->y;
	} else {
		*sp = b->spread;
		*y = b->y;
	}
}

/*
 * Bytes of text from off to lay out at once.  HarfBuzz gives up on
 * runs of some hundred thousand characters, so a paragraph longer
 * than TS_CHUNK bytes is set in pieces that end at a sentence end.
 */
#define TS_CHUNK	30000

static size_t
ts_chunk(const char *text, size_t off)
{
	const char	*s = text + off, *p, *cut;
	size_t		 len = strlen(s);

	if (len <= TS_CHUNK)
		return len;
	cut = g_utf8_find_prev_char(s, s + TS_CHUNK);
	for (p = cut; p > s + TS_CHUNK / 2; p = g_utf8_find_prev_char(s, p))
		if (strncmp(p, "\u3002", 3) == 0 ||
		    strncmp(p, "\uff01", 3) == 0 ||
		    strncmp(p, "\uff1f", 3) == 0 || strncmp(p, ". ", 2) == 0)
			return (size_t)(p - s) + (*p == '.' ? 2 : 3);
	return (size_t)(cut - s);
}

/*
 * Style of one language's text of a block: a turn's label is set in
 * bold only where its seg has one (a turn that goes on is body text).
 */
static enum ts_sid
ts_block_style(const struct dc_node *b, const struct dc_node *s)
{
	enum dc_lang	 l = s->lang;

	switch (b->type) {
	case DC_SALUTATION:
	case DC_VOCATIVE:
	case DC_PARA:
	case DC_CLOSING:
		return TS_SID_LANG(TS_ZH_BODY, l);
	case DC_HEADING:
		return TS_SID_LANG(b->level >= 3 ? TS_ZH_H3 : b->level == 2 ?
		    TS_ZH_H2 : TS_ZH_H1, l);
	case DC_NOTE:
		return TS_SID_LANG(TS_ZH_NOTE, l);
	case DC_TURN:
		return TS_SID_LANG(s->spk_len > 0 ? TS_ZH_TURN : TS_ZH_BODY,
		    l);
	case DC_CAPTION:
		return TS_SID_LANG(TS_ZH_CAPTION, l);
	case DC_SIGNOFF:
		return TS_SID_LANG(TS_ZH_SIGNOFF, l);
	case DC_ROOT:
	case DC_COLLECTION:
	case DC_KICKER:
	case DC_TITLE:
	case DC_SUBTITLE:
	case DC_OCCASION:
	case DC_SPEAKER:
	case DC_ROLE:
	case DC_DATEPLACE:
	case DC_DATELINE:
	case DC_BYLINE:
	case DC_SOURCE:
	case DC_FRONTMATTER:
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
	case DC_TYPE__MAX:
		break;
	}
	abort();
}

/*
 * Space above a block: the gap between pairs, none inside a group of
 * salutations or between a caption and its credit, more above parts,
 * closings and sign-offs and around captions and editor's notes.
 */
static double
ts_before(const struct ts *t, const struct dc_node *b)
{
	const struct dc_node *p = b->prev;
	double		 pitch = t->st[TS_ZH_BODY].pitch;
	enum dc_type	 pt = p != NULL ? p->type : DC_ROOT;

	if ((b->type == DC_SALUTATION && pt == DC_SALUTATION) ||
	    (b->type == DC_CAPTION && b->sub == DC_SUB_CREDIT &&
	    pt == DC_CAPTION))
		return 0;
	if (b->type == DC_VOCATIVE || b->type == DC_CLOSING)
		return pitch * 0.9;
	if (b->type == DC_HEADING)
		return pitch * (p != NULL && dc_part_level(p) > 0 ? 0.3 :
		    b->level == 1 ? 1.2 : 0.8);
	if (b->type == DC_SIGNOFF && pt != DC_SIGNOFF)
		return t->gap + pitch * 0.5;
	/* Notes one after another are set apart too: each is a note
	 * of its own (a trailer's label, an end mark). */
	if ((b->type == DC_CAPTION) != (pt == DC_CAPTION) || pt == DC_NOTE)
		return t->gap + pitch * 0.4;
	return t->gap;
}

/* The text set of a ts_set's language i. */
#define TS_TEXT(s, i)	((s)->txt[i] != NULL ? (s)->txt[i] : (s)->seg[i]->text)

/*
 * The text of seg g of a two-file bead that joined paragraphs (2-1,
 * 1-2): a line separator where each of them after the first starts
 * (dc_seg_cuts()), so that they are set as paragraphs of their own
 * within the pair.  Returns it
 * (g_free()), or NULL for the seg's own text.
 */
static char *
ts_set_text(const struct ts *t, const struct dc_node *g)
{
	const size_t	*c;
	GString		*r;
	size_t		 k, prev;

	if (t->beads == NULL || g->parent == NULL || (c = dc_seg_cuts(
	    g_hash_table_lookup(t->beads, g->parent), g)) == NULL)
		return NULL;
	r = g_string_sized_new(strlen(g->text) + 4);
	for (prev = 0, k = 0; c[k] != 0; prev = c[k++]) {
		g_string_append_len(r, g->text + prev, (gssize)(c[k] - prev));
		/* English joined with a space: it ends the line. */
		if (r->len > 0 && r->str[r->len - 1] == ' ')
			g_string_truncate(r, r->len - 1);
		g_string_append_c(r, '\n');
	}
	g_string_append(r, g->text + prev);
	return g_string_free(r, FALSE);
}

/*
 * Lay out a block's texts for the flows they go to (only their first
 * TS_CHUNK bytes: ts_set_flow() sets the rest).  Returns 0 if the
 * layout sets none of them.
 */
static int
ts_set_make(struct ts *t, struct ts_set *s, const struct dc_node *b)
{
	const struct dc_node *g;
	const struct ts_style *st;
	struct ts_frame	*f;
	double		 ind;
	int		 i;

	memset(s, 0, sizeof(*s));
	s->b = b;
	for (i = 0; i < DC_LANG__MAX; i++) {
		s->seg[i] = dc_node_seg(b, (enum dc_lang)i);
		if (s->seg[i] != NULL && s->seg[i]->text == NULL)
			s->seg[i] = NULL;
	}
	if (t->lay == TS_ZH)
		s->seg[DC_LANG_EN] = NULL;
	if (t->lay == TS_EN)
		s->seg[DC_LANG_ZH] = NULL;
	if (s->seg[0] == NULL && s->seg[1] == NULL)
		return 0;
	s->before = ts_before(t, b);
	for (i = 0; i < DC_LANG__MAX; i++) {
		if ((g = s->seg[i]) == NULL)
			continue;
		s->txt[i] = ts_set_text(t, g);
		s->sid[i] = ts_block_style(b, g);
		st = &t->st[s->sid[i]];
		f = &t->fr[t->nfr == 2 ? i : 0];
		/* Paragraphs are indented; English only after another. */
		ind = 0;
		if (b->type == DC_PARA || b->type == DC_TURN)
			ind = i == DC_LANG_ZH ? t->sty->indent[i] * st->size :
			    (b->prev != NULL && (b->prev->type == DC_PARA ||
			    b->prev->type == DC_TURN) ? t->sty->indent[i] *
			    st->size : 0);
		s->clen[i] = ts_chunk(TS_TEXT(s, i), 0);
		s->lay[i] = ts_para(t, s->sid[i], TS_TEXT(s, i), s->clen[i],
		    s->sid[i] == TS_SID_LANG(TS_ZH_TURN, i) ? g->spk_len :
		    g->lead_len, f->w, ind);
		if (i == DC_LANG_EN && (b->type == DC_SALUTATION ||
		    b->type == DC_VOCATIVE || b->type == DC_CLOSING))
			ts_unjustify(st, s->lay[i], f->w);
	}
	return 1;
}

/*
 * Height one language's text of a set needs on the page it starts on:
 * all its lines when whole (a heading held with what follows), else
 * the lines that go together at its start: a short paragraph whole
 * (two lines and a widow would not do), two of a longer one, a
 * salutation and two lines after it.
 */
static double
ts_lang_need(const struct ts *t, const struct ts_set *s, int i, int whole)
{
	int	 n;

	if (s->lay[i] == NULL)
		return 0;
	n = s->lay[i]->nlines;
	if (!whole)
		n = s->b->type == DC_SALUTATION ? n + 2 : n <= 3 ? n : 2;
	return n * t->st[s->sid[i]].pitch;
}

/* Height a set needs on the page it starts on, in all its flows. */
static double
ts_set_need(const struct ts *t, const struct ts_set *s, int whole)
{
	double	 need = 0, h;
	int	 i;

	for (i = 0; i < DC_LANG__MAX; i++) {
		if (s->lay[i] == NULL)
			continue;
		h = ts_lang_need(t, s, i, whole);
		if (t->nfr == 2)
			need = MAX(need, h);
		else {
			if (i == DC_LANG_EN && s->lay[DC_LANG_ZH] != NULL)
				need += t->st[TS_EN_BODY].pitch * 0.25;
			need += h;
		}
	}
	return need;
}

/*
 * The bookmark of block s in language l, or NULL: a part's label as
 * the model defines it (vocatives, headings), an enumerated point's
 * lead or number (level > partlv).  g_free() it.
 */
static char *
ts_mark_label1(const struct ts *t, const struct ts_set *s, int level,
    enum dc_lang l)
{
	const struct dc_node *g = s->seg[l];
	size_t		 n;

	if (g == NULL)
		return NULL;
	if (dc_part_level(s->b) > 0)
		return dc_part_label(s->b, l, l == DC_LANG_EN ? 28 : 14);
	if (g->lead_len == 0 && g->enum_len == 0)
		return NULL;
	n = MAX(g->lead_len, g->enum_len);
	return g_strndup(g->text, n);
}

/*
 * Bookmarks: parts, and enumerated points one level below the part
 * they are in, in the layout's primary language (English with
 * --layout en), then the other's after a slash where both are set.
 * Returns the label or NULL; g_free() it.
 */
static char *
ts_mark_label(const struct ts *t, const struct ts_set *s, int level)
{
	enum dc_lang	 p = t->lay == TS_EN ? DC_LANG_EN : DC_LANG_ZH;
	char		*a, *b, *r;

	if (level <= 0)
		return NULL;
	a = ts_mark_label1(t, s, level, p);
	b = ts_mark_label1(t, s, level, p == DC_LANG_ZH ? DC_LANG_EN :
	    DC_LANG_ZH);
	if (a == NULL || b == NULL || strcmp(a, b) == 0) {
		if (a == NULL)
			return b;
		g_free(b);
		return a;
	}
	r = g_strconcat(a, " / ", b, NULL);
	g_free(a);
	g_free(b);
	return r;
}

/*
 * Set a laid-out block in its flows from the cursors (sp, yf[flow]):
 * both languages side by side (columns, facing) or one after the
 * other (interleaved); its bookmark.  Frees its layouts.  In columns
 * the first lines of both share a baseline, the lower of the two
 * (the text with the smaller ascent moves down): pairs read across
 * on one line, however sizes and leadings differ.
 */
static void
ts_set_flow(struct ts *t, struct ts_set *s, long sp, const double *yf)
{
	const struct dc_node *b = s->b;
	struct ln_para	*more;
	struct ts_frame	*f;
	size_t		 off, n2;
	int		 i, n, page = 0, mpage = 0, level = 0, pg;
	double		 my = 0, yy, y, asc = 0;
	char		*label;

	for (i = 0; i < t->nfr; i++) {
		t->fr[i].spread = sp;
		t->fr[i].y = yf[i];
	}
	if (t->lay == TS_COLUMNS)
		for (i = 0; i < DC_LANG__MAX; i++)
			if (s->lay[i] != NULL)
				asc = MAX(asc, t->st[s->sid[i]].asc);
	for (i = 0; i < DC_LANG__MAX; i++) {
		if (s->lay[i] == NULL)
			continue;
		f = &t->fr[t->nfr == 2 ? i : 0];
		if (t->nfr == 1 && i == DC_LANG_EN &&
		    s->lay[DC_LANG_ZH] != NULL)
			f->y += t->st[TS_EN_BODY].pitch * 0.25;
		if (t->lay == TS_COLUMNS)
			f->y += asc - t->st[s->sid[i]].asc;
		ts_elem(t, ts_block_tag(b, s->sid[i]), (enum dc_lang)i,
		    s->seg[i]->spk_len);
		ts_flow(t, f, s->lay[i], &t->st[s->sid[i]], &page, &y);
		/* The rest of a very long paragraph, piece by piece. */
		for (off = s->clen[i]; TS_TEXT(s, i)[off] != '\0';
		    off += n2) {
			n2 = ts_chunk(TS_TEXT(s, i), off);
			more = ts_para(t, s->sid[i], TS_TEXT(s, i) + off, n2,
			    0, f->w, 0);
			ts_flow(t, f, more, &t->st[s->sid[i]], &pg, &yy);
			ln_unref(more);
			/* Finish pages no flow can come back to. */
			if (t->nfr == 1 || i == DC_LANG_EN ||
			    s->lay[DC_LANG_EN] == NULL)
				ts_flush(t, t->page0 + t->spread_pages *
				    (int)(t->nfr == 2 ? MIN(t->fr[0].spread,
				    t->fr[1].spread) : f->spread));
		}
		if (mpage == 0) {
			mpage = page;
			my = y;
		}
	}

	if ((n = dc_part_level(b)) > 0)
		t->partlv = level = n;
	else if (b->type == DC_PARA)
		level = t->partlv + 1;
	label = ts_mark_label(t, s, level);
	if (level > 0 && label != NULL)
		ts_mark_add(ts_page_get(t, mpage), level, label,
		    strlen(label), my);
	g_free(label);

	for (i = 0; i < DC_LANG__MAX; i++) {
		ln_unref(s->lay[i]);
		s->lay[i] = NULL;
		g_free(s->txt[i]);
		s->txt[i] = NULL;
	}
}

/*
 * Facing pages keep step by the spread, as reledpar does: each flow
 * goes on from its own cursor, so a page's paragraphs follow one
 * another at their own spacing and the shorter page's space goes to
 * its foot.  The run goes over to the next spread in both flows when
 * either has no room for its first lines; and when one flow has run
 * over (a block too long for the page), the other follows it to the
 * top of that spread, so the next block starts on one spread again.
 */
static void
ts_place_facing(struct ts *t, struct ts_set **all, int n,
    const struct ts_set *last)
{
	double	 yf[2], need, sc[2];
	long	 sp = MAX(t->fr[0].spread, t->fr[1].spread);
	int	 i, k, over = 0;

	/* Space between blocks in each page's own leading. */
	sc[DC_LANG_ZH] = 1;
	sc[DC_LANG_EN] = t->st[TS_EN_BODY].pitch / t->st[TS_ZH_BODY].pitch;
	for (i = 0; i < 2; i++) {
		yf[i] = t->fr[i].spread == sp ? t->fr[i].y : t->top;
		need = 0;
		for (k = 0; k < n; k++)
			need += (k > 0 || yf[i] > t->top ? all[k]->before *
			    sc[i] : 0) + ts_lang_need(t, all[k], i,
			    all[k] != last);
		if (yf[i] + need > t->bot + 0.01 && yf[i] > t->top)
			over = 1;
	}
	if (over) {
		sp++;
		yf[0] = yf[1] = t->top;
	}
	for (k = 0; k < n; k++) {
		for (i = 0; i < 2; i++)
			if (yf[i] > t->top && all[k]->lay[i] != NULL)
				yf[i] += all[k]->before * sc[i];
		ts_set_flow(t, all[k], sp, yf);
		sp = MAX(t->fr[0].spread, t->fr[1].spread);
		for (i = 0; i < 2; i++)
			yf[i] = t->fr[i].spread == sp ? t->fr[i].y : t->top;
	}
}

/*
 * Place the blocks held back (headings, vocatives) and then last (if
 * not NULL) where they all fit on one page with the first lines of
 * last, so that no heading ends a page; pages no flow can reach any
 * more are finished.
 */
static void
ts_place(struct ts *t, struct ts_set *last)
{
	struct ts_set	*all[TS_KEEP_MAX + 1];
	double		 y, need, yf[2];
	long		 sp;
	int		 i, n = 0;

	for (i = 0; i < t->nkeep; i++)
		all[n++] = &t->keep[i];
	if (last != NULL)
		all[n++] = last;
	t->nkeep = 0;
	if (n == 0)
		return;
	if (t->lay == TS_FACING) {
		ts_place_facing(t, all, n, last);
		goto flush;
	}
	/* Where the first starts: below everything set so far. */
	if (t->nfr == 2)
		ts_cursor_max(&t->fr[0], &t->fr[1], &sp, &y);
	else {
		sp = t->fr[0].spread;
		y = t->fr[0].y;
	}
	if (y > t->top)
		y += all[0]->before;
	need = 0;
	for (i = 0; i < n; i++)
		need += (i > 0 ? all[i]->before : 0) +
		    ts_set_need(t, all[i], all[i] != last);
	if (y + need > t->bot + 0.01 && y > t->top) {
		sp++;
		y = t->top;
	}
	for (i = 0; i < n; i++) {
		if (i > 0) {
			if (t->nfr == 2)
				ts_cursor_max(&t->fr[0], &t->fr[1], &sp, &y);
			else {
				sp = t->fr[0].spread;
				y = t->fr[0].y;
			}
			if (y > t->top)
				y += all[i]->before;
		}
		yf[0] = yf[1] = y;
		ts_set_flow(t, all[i], sp, yf);
	}

flush:
	/* Pages no flow can reach any more are finished. */
	sp = t->fr[0].spread;
	if (t->nfr == 2 && t->fr[1].spread < sp)
		sp = t->fr[1].spread;
	ts_flush(t, t->page0 + (int)sp * t->spread_pages);
}

/*
 * Set one block.  A block that opens a part (a heading, a vocative)
 * waits for the next, to go on the same page as its first lines.
 */
static void
ts_block(struct ts *t, const struct dc_node *b)
{
	struct ts_set	 s;

	if (!ts_set_make(t, &s, b))
		return;
	if (dc_part_level(b) > 0 && t->nkeep < TS_KEEP_MAX) {
		t->keep[t->nkeep++] = s;
		return;
	}
	ts_place(t, &s);
}

/*
 * Style of a header line in the title block, or TS_SID__MAX for lines
 * not set there (front matter, sources; kickers are set first, by
 * ts_title()).
 */
static enum ts_sid
ts_head_style(enum dc_type type, enum dc_lang l)
{
	switch (type) {
	case DC_KICKER:
		return TS_SID_LANG(TS_ZH_KICKER, l);
	case DC_TITLE:
		return TS_SID_LANG(TS_ZH_TITLE, l);
	case DC_SUBTITLE:
	case DC_OCCASION:
		return TS_SID_LANG(TS_ZH_SUB, l);
	case DC_COLLECTION:
	case DC_SPEAKER:
	case DC_ROLE:
	case DC_DATEPLACE:
	case DC_DATELINE:
	case DC_BYLINE:
		return TS_SID_LANG(TS_ZH_META, l);
	case DC_SOURCE:
	case DC_FRONTMATTER:
		return TS_SID__MAX;
	case DC_ROOT:
	case DC_SALUTATION:
	case DC_VOCATIVE:
	case DC_HEADING:
	case DC_NOTE:
	case DC_PARA:
	case DC_TURN:
	case DC_CAPTION:
	case DC_CLOSING:
	case DC_SIGNOFF:
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
	case DC_TYPE__MAX:
		break;
	}
	abort();
}

/* One centred title-block line group on the first pages. */
static void
ts_title_line(struct ts *t, struct ts_frame *f, enum ts_sid sid,
    const char *text, double before)
{
	struct ln_para	*lay;
	int		 page;
	double		 y;

	if (text == NULL || *text == '\0')
		return;
	if (f->y > t->top)
		f->y += before;
	lay = ts_para(t, sid, text, strlen(text), 0, f->w, 0);
	ts_elem(t, sid == TS_ZH_TITLE || sid == TS_EN_TITLE ? TS_TAG_H1 :
	    TS_TAG_P, t->st[sid].l, 0);
	ts_flow(t, f, lay, &t->st[sid], &page, &y);
	ln_unref(lay);
}

/*
 * The title's bookmark: the layout's primary language first (English
 * with --layout en), the other after a slash if the layout sets both.
 * Returns it or NULL; g_free() it.
 */
static char *
ts_mark_title(const struct ts *t)
{
	const struct dc_meta *m = &t->doc->meta;
	enum dc_lang	 p = t->lay == TS_EN ? DC_LANG_EN : DC_LANG_ZH;
	enum dc_lang	 o = p == DC_LANG_ZH ? DC_LANG_EN : DC_LANG_ZH;

	if (m->l[p].title == NULL)
		return g_strdup(m->l[o].title);
	if (m->l[o].title == NULL || t->lay == TS_ZH || t->lay == TS_EN)
		return g_strdup(m->l[p].title);
	return g_strconcat(m->l[p].title, " / ", m->l[o].title, NULL);
}

/*
 * The title block: each language's title page lines (dc_titleblock()),
 * Chinese first; a bookmark for the title.  Returns the page and
 * height where the text may begin.
 */
static void
ts_title(struct ts *t, struct ts_frame *f)
{
	struct dc_tline	*tl;
	enum ts_sid	 sid, prev, kick;
	int		 l, any;
	size_t		 i, nl;
	double		 before;
	char		*mt;
	struct ts_rule	 r;
	struct ts_page	*p;

	mt = ts_mark_title(t);
	p = ts_page_get(t, 1);
	if (mt != NULL)
		ts_mark_add(p, 0, mt, strlen(mt), t->top);
	g_free(mt);
	for (l = 0; l < DC_LANG__MAX; l++) {
		if ((t->lay == TS_ZH && l == DC_LANG_EN) ||
		    (t->lay == TS_EN && l == DC_LANG_ZH))
			continue;
		prev = TS_SID__MAX;
		any = 0;
		before = l == DC_LANG_EN ? t->st[TS_ZH_BODY].pitch * 1.2 : 0;
		kick = TS_SID_LANG(TS_ZH_KICKER, l);
		nl = dc_titleblock(t->doc, (enum dc_lang)l, &tl);
		for (i = 0; i < nl; i++) {
			sid = ts_head_style(tl[i].type, tl[i].lang);
			if (sid == TS_SID__MAX)
				continue;
			/* The user's lines close the block, set close. */
			if (tl[i].given) {
				ts_title_line(t, f, sid, tl[i].text, 0);
				continue;
			}
			ts_title_line(t, f, sid, tl[i].text, any == 0 ?
			    before : sid == prev ? 0 : prev == kick ?
			    t->st[sid].pitch * 0.15 : t->st[sid].pitch * 0.5);
			prev = sid;
			any = 1;
		}
		g_free(tl);
	}
	/* A short rule under the block. */
	f->y += t->st[TS_ZH_BODY].pitch * 0.9;
	if (f->y + t->st[TS_ZH_BODY].pitch * 3 < t->bot) {
		p = ts_page_get(t, ts_frame_page(t, f));
		r.x0 = p->left + t->tw / 2 - t->tw / 8;
		r.x1 = p->left + t->tw / 2 + t->tw / 8;
		r.y0 = r.y1 = f->y;
		r.width = 0.5;
		r.head = 0;
		g_array_append_val(p->rules, r);
		f->y += t->st[TS_ZH_BODY].pitch * 1.1;
	}
}

/*
 * How wide the Chinese column should be for both columns to end
 * together: each needs area in proportion to its text, estimated
 * from characters (a Han is an em; Latin about 0.46 em).
 */
static double
ts_zh_share(const struct ts *t)
{
	const struct dc_node *b, *s;
	const char	*p;
	double		 a[DC_LANG__MAX] = { 0, 0 }, em;
	gunichar	 c;

	for (b = t->doc->root->child; b != NULL; b = b->next)
		for (s = b->child; s != NULL; s = s->next) {
			if (s->type != DC_SEG || s->text == NULL)
				continue;
			em = 0;
			for (p = s->text; *p != '\0'; p = g_utf8_next_char(p)) {
				c = g_utf8_get_char(p);
				em += g_unichar_iswide(c) ? 1.0 : 0.46;
			}
			/* A paragraph ends half a line short on average. */
			em += 10;
			a[s->lang] += em * (s->lang == DC_LANG_ZH ?
			    t->st[TS_ZH_BODY].size * t->st[TS_ZH_BODY].pitch :
			    t->st[TS_EN_BODY].size * t->st[TS_EN_BODY].pitch);
		}
	if (a[0] + a[1] <= 0)
		return 0.5;
	em = a[0] / (a[0] + a[1]);
	return em < 0.36 ? 0.36 : em > 0.6 ? 0.6 : em;
}

/*
 * Typeset the document and hand each page to emit as it is
 * finished.  Returns the number of pages, or -1 (reported).
 */
int
ts_run(const struct dc_doc *d, const struct dc_opts *o, ts_emit_fn emit,
    void *arg)
{
	struct ts	 t;
	const struct dc_node *b;
	double		 z, gut, wz, spare;
	int		 rc = -1, i, last;

	memset(&t, 0, sizeof(t));
	t.doc = d;
	t.o = o;
	t.emit = emit;
	t.arg = arg;
	t.open = g_ptr_array_new();
	t.first_open = 1;
	if (ts_paper(o->paper, &t.pw, &t.ph) == -1 ||
	    ts_layout_parse(o->layout, d->meta.langs, 1, &t.lay) == -1 ||
	    dc_fonts_init() == -1 || (t.sty = dc_style_get(o)) == NULL)
		goto out;
	/* The dictionary takes a while to load: do it beside the rest. */
	if (o->threads && !ts_hyph_tried && ts_hyph_thr == NULL &&
	    t.lay != TS_ZH && t.sty->hyphenate &&
	    (d->meta.langs & (1u << DC_LANG_EN)))
		ts_hyph_thr = g_thread_try_new("hyphen", ts_hyph_load, NULL,
		    NULL);
	if (ts_styles(&t) == -1)
		goto out;
	ts_headtitles(&t);
	/* Two files aligned: each block's bead (ts_set_text()). */
	t.beads = dc_beads_by_block(t.doc);

	/* Book margins: inner narrower than outer, foot deeper than head. */
	t.inner = dc_style_len(&t.sty->inner, t.pw);
	t.outer = dc_style_len(&t.sty->outer, t.pw);
	t.top = dc_style_len(&t.sty->top, t.ph);
	t.bot = t.ph - dc_style_len(&t.sty->bottom, t.ph);
	if (t.pw - t.inner - t.outer < 2 * t.st[TS_ZH_BODY].size ||
	    t.bot - t.top < 4 * t.st[TS_ZH_BODY].pitch) {
		dc_msg_sys("%s: the margins leave no text block on this "
		    "paper", t.sty->file != NULL ? t.sty->file : "style");
		goto out;
	}
	t.tw = t.pw - t.inner - t.outer;
	/* Whole ems of Chinese across: pure Han lines need no spacing. */
	z = t.st[TS_ZH_BODY].size;
	if (t.lay != TS_EN && t.lay != TS_COLUMNS) {
		spare = t.tw - floor(t.tw / z) * z;
		t.tw -= spare;
		t.inner += spare * 0.45;
		t.outer += spare * 0.55;
	}
	t.gap = t.lay == TS_ZH || t.lay == TS_EN ? 0 :
	    t.st[TS_ZH_BODY].pitch * t.sty->space;
	t.spread_pages = 1;

	/* The title block runs across the text block of page 1. */
	t.nfr = 1;
	t.page0 = 1;
	t.fr[0].w = t.tw;
	t.fr[0].y = t.top;
	ts_title(&t, &t.fr[0]);

	switch (t.lay) {
	case TS_COLUMNS:
		gut = dc_style_len(&t.sty->gutter, t.tw);
		wz = floor((t.tw - gut) * (t.sty->columns > 0 ?
		    t.sty->columns : ts_zh_share(&t)) / z) * z;
		/* A share near 0 or 1 still leaves both a measure. */
		wz = MIN(MAX(wz, 2 * z), floor((t.tw - gut - 2 * z) / z) * z);
		t.nfr = 2;
		t.page0 = ts_frame_page(&t, &t.fr[0]);
		t.fr[0].spread = t.fr[1].spread = 0;
		t.fr[1].y = t.fr[0].y;
		t.fr[0].x = 0;
		t.fr[0].w = wz;
		t.fr[1].x = wz + gut;
		t.fr[1].w = t.tw - wz - gut;
		break;
	case TS_FACING:
		/* Title pages alone; the text starts on a verso. */
		last = ts_frame_page(&t, &t.fr[0]);
		ts_flush(&t, last + 1);
		t.page0 = last + 1 + (last + 1) % 2;
		t.spread_pages = 2;
		t.nfr = 2;
		for (i = 0; i < 2; i++) {
			t.fr[i].page = i;
			t.fr[i].x = 0;
			t.fr[i].w = t.tw;
			t.fr[i].spread = 0;
			t.fr[i].y = t.top;
		}
		break;
	case TS_INTERLEAVED:
	case TS_ZH:
	case TS_EN:
		t.page0 = ts_frame_page(&t, &t.fr[0]);
		t.fr[0].spread = 0;
		break;
	case TS__MAX:
	default:
		abort();
	}

	for (b = d->root->child; b != NULL && !t.err; b = b->next)
		if (dc_type_is_block(b->type))
			ts_block(&t, b);
	ts_place(&t, NULL);

	/* Finish every page touched, and whole spreads. */
	last = t.first_open + (int)t.open->len - 1;
	for (i = 0; i < t.nfr; i++)
		last = MAX(last, ts_frame_page(&t, &t.fr[i]));
	if (t.lay == TS_FACING && last % 2 == 0)
		last++;
	ts_flush(&t, last + 1);
	if (t.missing > 0)
		dc_msg(DC_WARN_GENERIC, 0, 0, "%u characters have no glyph in "
		    "docconv's fonts (the first is U+%04X) and show as empty "
		    "boxes, though they copy out of the PDF; docconv "
		    "--list-fonts names the fonts", t.missing,
		    (unsigned int)t.missing_c);
	if (!t.err)
		rc = last;
out:
	while (t.open->len > 0) {
		ts_page_free(g_ptr_array_index(t.open, t.open->len - 1));
		g_ptr_array_remove_index(t.open, t.open->len - 1);
	}
	g_ptr_array_free(t.open, TRUE);
	for (i = 0; i < DC_LANG__MAX; i++)
		g_free(t.headtitle[i]);
	if (t.beads != NULL)
		g_hash_table_destroy(t.beads);
	return rc;
}
