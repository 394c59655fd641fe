/*
 * Shaping and line breaking.  A paragraph is shaped once, whole, with
 * HarfBuzz and broken into lines over its glyphs: Pango's PangoLayout
 * shaped each character about three times over (each item, then each
 * line's piece again), which was half the time of a long PDF.  Break
 * opportunities follow UAX #14 (ln_lb()), fonts are the style's
 * families (style.c) as docconv's fontconfig finds them.  Lines here
 * are first fit (ln_break()); justified text is broken a paragraph at
 * a time by linebreak.c.  A line that breaks at a hyphenation point
 * (ln_hyphens()) or a soft hyphen gets a hyphen glyph added; nothing
 * is shaped again.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-aat.h>
#include <hb-ot.h>

#include "docconv.h"
#include "fonts.h"
#include "lines.h"

#define LN_INVISIBLE	0x7FFFFFFFu	/* glyph of a default ignorable */

/*
 * Installed faces by "file:index" and fonts by "family:weight:size",
 * for the process: HarfBuzz keeps what it has read of a face, and a
 * batch converts many files in one process.
 */
static GHashTable	*ln_faces;
static GHashTable	*ln_fonts;
G_LOCK_DEFINE_STATIC(ln_faces);
G_LOCK_DEFINE_STATIC(ln_fonts);

/* A font file mapped into memory, for a blob. */
struct ln_map {
	void		*p;
	size_t		 n;
};

static void
ln_unmap(void *arg)
{
	struct ln_map	*m = arg;

	munmap(m->p, m->n);
	g_free(m);
}

/*
 * A blob of a font file, mapped (private, read-only) so that
 * ln_face_forget() may let its pages go; NULL if it cannot be read.
 */
static hb_blob_t *
ln_blob(const char *file)
{
	struct ln_map	*m;
	struct stat	 st;
	void		*p;
	int		 fd;

	if ((fd = open(file, O_RDONLY)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || st.st_size <= 0 ||
	    (p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED) {
		close(fd);
		return NULL;
	}
	close(fd);
	m = g_new(struct ln_map, 1);
	m->p = p;
	m->n = (size_t)st.st_size;
	return hb_blob_create(p, (unsigned int)m->n, HB_MEMORY_MODE_READONLY,
	    m, ln_unmap);
}

/*
 * Let go of the pages of a face's file read so far: they are read
 * again from the file when touched.  Subsetting a CJK face reads most
 * of its 10-20 MB of outlines once, which then stayed in memory for
 * the whole run; shaping needs a small part of them.
 */
void
ln_face_forget(hb_face_t *face)
{
	hb_blob_t	*b = hb_face_reference_blob(face);
	const char	*d;
	unsigned int	 n;
	uintptr_t	 a, e, pg = (uintptr_t)sysconf(_SC_PAGESIZE);

	if ((d = hb_blob_get_data(b, &n)) != NULL && n > 0) {
		a = (uintptr_t)d / pg * pg;
		e = ((uintptr_t)d + n + pg - 1) / pg * pg;
		(void)madvise((void *)a, e - a, MADV_DONTNEED);
	}
	hb_blob_destroy(b);
}

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
	    (blob = ln_blob(file)) != NULL) {
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
 * The face fontconfig gives an installed family (style.c resolved it)
 * at a weight, at a size in units; kept for the process.  NULL if the
 * font file cannot be read.
 */
struct ln_font *
ln_font_get(const char *family, int weight, int size)
{
	struct ln_font	*f;
	char		*key, *file;
	int		 index;
	hb_codepoint_t	 g;

	key = g_strdup_printf("%s:%d:%d", family, weight, size);
	G_LOCK(ln_fonts);
	if (ln_fonts == NULL)
		ln_fonts = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, ln_font_free);
	if ((f = g_hash_table_lookup(ln_fonts, key)) != NULL)
		goto out;
	if ((file = dc_fonts_face(family, weight, &index)) == NULL)
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

/*
 * Line breaking classes (UAX #14), as many as the rules below tell
 * apart; GLib gives each character's.
 */
enum ln_lb {
	LB_AL, LB_ID, LB_NU, LB_SP, LB_BK, LB_CR, LB_LF, LB_CM, LB_ZW,
	LB_GL, LB_WJ, LB_CL, LB_CP, LB_OP, LB_QU, LB_EX, LB_IS, LB_SY,
	LB_NS, LB_BA, LB_BB, LB_HY, LB_B2, LB_IN, LB_PR, LB_PO, LB_HL,
	LB_RI, LB_EB, LB_EM, LB_CB
};

/*
 * A character's class.  In Chinese text the curly quotes open and
 * close as the corner brackets do (clreq): a line may start with “
 * but not with ”, which UAX #14's ambiguous QU would forbid both.
 */
static enum ln_lb
ln_lb_class(gunichar c, int zh)
{
	if (zh && (c == 0x201C || c == 0x2018))
		return LB_OP;
	if (zh && (c == 0x201D || c == 0x2019))
		return LB_CL;
	switch (g_unichar_break_type(c)) {
	case G_UNICODE_BREAK_MANDATORY:
	case G_UNICODE_BREAK_NEXT_LINE:
		return LB_BK;
	case G_UNICODE_BREAK_CARRIAGE_RETURN:
		return LB_CR;
	case G_UNICODE_BREAK_LINE_FEED:
		return LB_LF;
	case G_UNICODE_BREAK_COMBINING_MARK:
	case G_UNICODE_BREAK_ZERO_WIDTH_JOINER:
		return LB_CM;
	case G_UNICODE_BREAK_ZERO_WIDTH_SPACE:
		return LB_ZW;
	case G_UNICODE_BREAK_INSEPARABLE:
		return LB_IN;
	case G_UNICODE_BREAK_NON_BREAKING_GLUE:
		return LB_GL;
	case G_UNICODE_BREAK_CONTINGENT:
		return LB_CB;
	case G_UNICODE_BREAK_SPACE:
		return LB_SP;
	case G_UNICODE_BREAK_AFTER:
		return LB_BA;
	case G_UNICODE_BREAK_BEFORE:
		return LB_BB;
	case G_UNICODE_BREAK_BEFORE_AND_AFTER:
		return LB_B2;
	case G_UNICODE_BREAK_HYPHEN:
		return LB_HY;
	case G_UNICODE_BREAK_NON_STARTER:
	case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
		return LB_NS;
	case G_UNICODE_BREAK_OPEN_PUNCTUATION:
		return LB_OP;
	case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
		return LB_CL;
	case G_UNICODE_BREAK_CLOSE_PARENTHESIS:
		return LB_CP;
	case G_UNICODE_BREAK_QUOTATION:
		return LB_QU;
	case G_UNICODE_BREAK_EXCLAMATION:
		return LB_EX;
	case G_UNICODE_BREAK_IDEOGRAPHIC:
	case G_UNICODE_BREAK_HANGUL_L_JAMO:
	case G_UNICODE_BREAK_HANGUL_V_JAMO:
	case G_UNICODE_BREAK_HANGUL_T_JAMO:
	case G_UNICODE_BREAK_HANGUL_LV_SYLLABLE:
	case G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE:
		return LB_ID;
	case G_UNICODE_BREAK_NUMERIC:
		return LB_NU;
	case G_UNICODE_BREAK_INFIX_SEPARATOR:
		return LB_IS;
	case G_UNICODE_BREAK_SYMBOL:
		return LB_SY;
	case G_UNICODE_BREAK_PREFIX:
		return LB_PR;
	case G_UNICODE_BREAK_POSTFIX:
		return LB_PO;
	case G_UNICODE_BREAK_HEBREW_LETTER:
		return LB_HL;
	case G_UNICODE_BREAK_REGIONAL_INDICATOR:
		return LB_RI;
	case G_UNICODE_BREAK_EMOJI_BASE:
		return LB_EB;
	case G_UNICODE_BREAK_EMOJI_MODIFIER:
		return LB_EM;
	case G_UNICODE_BREAK_WORD_JOINER:
		return LB_WJ;
	default:
		/* AL, AI, SA, XX, SG and classes newer than this list. */
		return LB_AL;
	}
}

#define LB_IN2(x, a, b)		((x) == (a) || (x) == (b))
#define LB_ALPHA(x)		LB_IN2(x, LB_AL, LB_HL)

/*
 * Whether a line may break between a character of class a and one of
 * class b, ls being the class before the spaces when a is a space:
 * the pair rules of UAX #14 (LB7 to LB31) that matter for Chinese and
 * English, numbers and punctuation; mandatory breaks are the caller's.
 */
static int
ln_lb_pair(enum ln_lb a, enum ln_lb ls, enum ln_lb b)
{
	if (b == LB_SP || b == LB_ZW || b == LB_BK || b == LB_CR ||
	    b == LB_LF)
		return 0;
	if (a == LB_ZW || ls == LB_ZW)
		return 1;
	if (a == LB_WJ || b == LB_WJ || a == LB_GL)
		return 0;
	if (b == LB_GL && a != LB_SP && a != LB_BA && a != LB_HY)
		return 0;
	if (b == LB_CL || b == LB_CP || b == LB_EX || b == LB_IS ||
	    b == LB_SY)
		return 0;
	if (ls == LB_OP || (ls == LB_QU && b == LB_OP) ||
	    (LB_IN2(ls, LB_CL, LB_CP) && b == LB_NS) ||
	    (ls == LB_B2 && b == LB_B2))
		return 0;
	if (a == LB_SP)
		return 1;
	if (a == LB_QU || b == LB_QU)
		return 0;
	if (a == LB_CB || b == LB_CB)
		return 1;
	if (b == LB_BA || b == LB_HY || b == LB_NS || b == LB_IN ||
	    a == LB_BB)
		return 0;
	if ((LB_ALPHA(a) && b == LB_NU) || (a == LB_NU && LB_ALPHA(b)))
		return 0;
	if ((a == LB_PR && LB_IN2(b, LB_ID, LB_EB)) ||
	    (LB_IN2(a, LB_ID, LB_EB) && b == LB_PO) ||
	    (LB_IN2(a, LB_PR, LB_PO) && LB_ALPHA(b)) ||
	    (LB_ALPHA(a) && LB_IN2(b, LB_PR, LB_PO)))
		return 0;
	if ((LB_IN2(a, LB_CL, LB_CP) || a == LB_NU) &&
	    LB_IN2(b, LB_PO, LB_PR))
		return 0;
	if (LB_IN2(a, LB_PO, LB_PR) && (b == LB_OP || b == LB_NU))
		return 0;
	if ((LB_IN2(a, LB_HY, LB_IS) || LB_IN2(a, LB_NU, LB_SY)) &&
	    b == LB_NU)
		return 0;
	if ((LB_ALPHA(a) || a == LB_IS) && LB_ALPHA(b))
		return 0;
	if ((LB_ALPHA(a) || a == LB_NU) && b == LB_OP)
		return 0;
	if (a == LB_CP && (LB_ALPHA(b) || b == LB_NU))
		return 0;
	if ((a == LB_RI && b == LB_RI) || (a == LB_EB && b == LB_EM))
		return 0;
	return 1;
}

/*
 * Break opportunities of text: brk[i] for the i-th character is 1 if a
 * line may start with it, 2 if one must (after a line separator).
 */
void
ln_lb(const char *text, size_t len, int zh, uint8_t *brk)
{
	const char	*s, *e = text + len;
	enum ln_lb	 a = LB_BK, ls = LB_BK, b;
	int		 i = 0;

	for (s = text; s < e; s = g_utf8_next_char(s), i++) {
		b = ln_lb_class(g_utf8_get_char(s), zh);
		if (i == 0) {
			brk[i] = 0;
			a = ls = b == LB_CM ? LB_AL : b;
			continue;
		}
		if (a == LB_BK || a == LB_LF || (a == LB_CR && b != LB_LF))
			brk[i] = 2;
		else if (b == LB_CM && a != LB_SP && a != LB_ZW &&
		    a != LB_CR) {
			/* A mark goes with its base, and is of its class. */
			brk[i] = 0;
			continue;
		} else
			brk[i] = (uint8_t)ln_lb_pair(a, ls, b == LB_CM ?
			    LB_AL : b);
		if (b == LB_CM)
			b = LB_AL;
		if (b != LB_SP)
			ls = b;
		a = b;
	}
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

/*
 * ---- Words shaped once ----
 *
 * Most of the English column's time went to shaping words it had
 * shaped before.  Where no substitution or positioning of a font
 * touches its space glyph, nothing reaches across a space, and a word
 * shaped alone is the word shaped in its line (browsers check the same
 * before they cache words).  A Latin run of such a font is then shaped
 * word by word, each word once per thread, from a cache.  A face of
 * thousands of glyphs (CJK) is not checked: walking its lookups costs
 * more than its few Latin words would save.
 */
#define LN_WORDS_MAX	8192	/* cached words a thread keeps at most */
#define LN_WORD_LEN	64	/* longer words are shaped each time */
#define LN_WORDS_BLOCK	(256 * 1024) /* the cache's memory, a block */

/* A word's glyphs (ln_glyphs_put()'s), cl from its first byte. */
struct ln_word {
	unsigned int	 n;
	struct ln_glyph	 g[];
};

/*
 * A thread's words: font and language, then the word's bytes.  The
 * words and their keys lie in blocks of their own, given back all at
 * once: kept among the paragraphs' allocations, which come and go,
 * they held the heap's pages and the process grew by 4 MB at x1000.
 */
struct ln_words {
	GHashTable	*t;		/* key -> struct ln_word * */
	GSList		*blocks;	/* of LN_WORDS_BLOCK bytes or more */
	char		*cur;		/* free space in the first block */
	size_t		 left;
	char		 key[64 + LN_WORD_LEN + 1];
};

/* n bytes of the cache's blocks, aligned for a struct ln_word. */
static void *
ln_words_alloc(struct ln_words *ws, size_t n)
{
	void	*p;
	size_t	 bs;

	n = (n + 7) & ~(size_t)7;
	if (n > ws->left) {
		bs = n > LN_WORDS_BLOCK ? n : LN_WORDS_BLOCK;
		ws->cur = g_malloc(bs);
		ws->blocks = g_slist_prepend(ws->blocks, ws->cur);
		ws->left = bs;
	}
	p = ws->cur;
	ws->cur += n;
	ws->left -= n;
	return p;
}

/* Forget every word. */
static void
ln_words_clear(struct ln_words *ws)
{
	g_hash_table_remove_all(ws->t);
	g_slist_free_full(ws->blocks, g_free);
	ws->blocks = NULL;
	ws->cur = NULL;
	ws->left = 0;
}

static void
ln_words_free(void *arg)
{
	struct ln_words	*ws = arg;

	ln_words_clear(ws);
	g_hash_table_destroy(ws->t);
	g_free(ws);
}

static GPrivate ln_words_key = G_PRIVATE_INIT(ln_words_free);

static int	 ln_word_char(gunichar);

/* Shape s (NUL-ended) with f, Latin, into buf. */
static void
ln_probe_shape(const struct ln_font *f, hb_buffer_t *buf, const char *s)
{
	hb_buffer_clear_contents(buf);
	hb_buffer_add_utf8(buf, s, -1, 0, -1);
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
	hb_buffer_set_language(buf, hb_language_from_string("en", -1));
	hb_shape(f->hb, buf, NULL, 0);
}

/*
 * Does every printable character of ASCII and Latin-1 that f has set
 * alike between spaces and alone, and the spaces too?  The lookups'
 * glyphs (below) do not name what a class-based rule matches with its
 * class 0, nor is the old 'kern' table among them, which HarfBuzz
 * also reads beside a GPOS without kerning: a pair of a letter and the
 * space kerned either way shows here.
 */
static int
ln_font_words_probe(const struct ln_font *f)
{
	hb_buffer_t		*all, *one;
	hb_glyph_info_t		*ai, *oi;
	hb_glyph_position_t	*ap, *op;
	GString			*s;
	hb_codepoint_t		 g;
	gunichar		 c;
	unsigned int		 na, no, k = 0, j;
	const char		*q;
	char			 ch[8];
	int			 ok = 1;

	s = g_string_new(" ");
	for (c = 0x21; c <= 0xFF; c++)
		if (ln_word_char(c) &&
		    hb_font_get_nominal_glyph(f->hb, c, &g)) {
			g_string_append_unichar(s, c);
			g_string_append_c(s, ' ');
		}
	all = hb_buffer_create();
	one = hb_buffer_create();
	ln_probe_shape(f, all, s->str);
	ai = hb_buffer_get_glyph_infos(all, &na);
	ap = hb_buffer_get_glyph_positions(all, &na);
	for (q = s->str; *q != '\0' && ok; q = g_utf8_next_char(q)) {
		ch[g_unichar_to_utf8(g_utf8_get_char(q), ch)] = '\0';
		ln_probe_shape(f, one, ch);
		oi = hb_buffer_get_glyph_infos(one, &no);
		op = hb_buffer_get_glyph_positions(one, &no);
		for (j = 0; j < no && ok; j++, k++)
			ok = k < na && ai[k].codepoint == oi[j].codepoint &&
			    ap[k].x_advance == op[j].x_advance &&
			    ap[k].x_offset == op[j].x_offset &&
			    ap[k].y_offset == op[j].y_offset;
	}
	ok = ok && k == na;
	hb_buffer_destroy(all);
	hb_buffer_destroy(one);
	g_string_free(s, TRUE);
	return ok;
}

/* Does a substitution or positioning of f touch its space glyph? */
static int
ln_font_words_check(const struct ln_font *f)
{
	static const hb_tag_t tabs[] = { HB_OT_TAG_GSUB, HB_OT_TAG_GPOS };
	hb_codepoint_t	 sp;
	hb_set_t	*s;
	hb_blob_t	*kern;
	unsigned int	 i, t, n;
	int		 ok;

	if (hb_face_get_glyph_count(f->face) > 4096 ||
	    !hb_font_get_nominal_glyph(f->hb, ' ', &sp) ||
	    hb_aat_layout_has_substitution(f->face) ||
	    hb_aat_layout_has_positioning(f->face) ||
	    hb_aat_layout_has_tracking(f->face))
		return 0;
	/* Without GPOS, HarfBuzz kerns from the old 'kern' table. */
	if (!hb_ot_layout_has_positioning(f->face)) {
		kern = hb_face_reference_table(f->face,
		    HB_TAG('k', 'e', 'r', 'n'));
		n = hb_blob_get_length(kern);
		hb_blob_destroy(kern);
		if (n > 0)
			return 0;
	}
	s = hb_set_create();
	for (t = 0; t < G_N_ELEMENTS(tabs); t++) {
		n = hb_ot_layout_table_get_lookup_count(f->face, tabs[t]);
		for (i = 0; i < n; i++)
			hb_ot_layout_lookup_collect_glyphs(f->face, tabs[t],
			    i, s, s, s, s);
	}
	ok = !hb_set_has(s, sp) && hb_set_allocation_successful(s);
	hb_set_destroy(s);
	return ok && ln_font_words_probe(f);
}

/* May f's Latin runs be shaped word by word?  Known once per font. */
static int
ln_font_words(struct ln_font *f)
{
	int	 v;

	if ((v = g_atomic_int_get(&f->words)) == 0) {
		v = ln_font_words_check(f) ? 1 : -1;
		g_atomic_int_set(&f->words, v);
	}
	return v > 0;
}

/*
 * Is c set alike alone and in its word?  Letters, digits and
 * punctuation of the Latin blocks: no marks, spaces, controls or
 * format characters, which shaping treats with their neighbours.
 */
static int
ln_word_char(gunichar c)
{
	return (c > 0x20 && c < 0x7F) ||
	    (c >= 0xA1 && c < 0x250 && c != 0xAD) ||
	    (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
	    (c >= 0x20A0 && c <= 0x20BF) || c == 0x2122;
}

/*
 * The glyphs HarfBuzz shaped into buf, as glyphs of font slot into g
 * (room for hb_buffer_get_length()); a default ignorable's glyph is
 * hidden.
 */
static void
ln_glyphs_put(struct ln_glyph *g, hb_buffer_t *buf, int slot)
{
	hb_glyph_info_t		*info;
	hb_glyph_position_t	*pos;
	unsigned int		 n, i;

	info = hb_buffer_get_glyph_infos(buf, &n);
	pos = hb_buffer_get_glyph_positions(buf, &n);
	for (i = 0; i < n; i++, g++) {
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
 * Shape text[a, b) alone with font f (Latin) into a new word: in ws's
 * blocks, the key (klen bytes of ws->key and a NUL) after its glyphs,
 * if ws is not NULL, else g_malloc()ed.
 */
static struct ln_word *
ln_word_shape(const struct ln_para *p, hb_buffer_t *buf, struct ln_font *f,
    size_t a, size_t b, struct ln_words *ws, size_t klen)
{
	struct ln_word		*w;
	unsigned int		 n;

	hb_buffer_clear_contents(buf);
	hb_buffer_add_utf8(buf, p->text + a, (int)(b - a), 0, (int)(b - a));
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
	hb_buffer_set_language(buf, p->st->hblang);
	hb_buffer_set_invisible_glyph(buf, LN_INVISIBLE);
	hb_shape(f->hb, buf, NULL, 0);
	n = hb_buffer_get_length(buf);
	if (ws != NULL) {
		w = ln_words_alloc(ws, sizeof(*w) + n * sizeof(w->g[0]) +
		    klen + 1);
		memcpy((char *)&w->g[n], ws->key, klen + 1);
	} else
		w = g_malloc(sizeof(*w) + n * sizeof(w->g[0]));
	w->n = n;
	ln_glyphs_put(w->g, buf, 0);
	return w;
}

/* Append word w, found at byte a of p's text, in font slot to p. */
static void
ln_word_add(struct ln_para *p, const struct ln_word *w, size_t a, int slot)
{
	struct ln_glyph	*g;
	unsigned int	 i;

	p->g = g_renew(struct ln_glyph, p->g, p->ng + w->n);
	g = memcpy(&p->g[p->ng], w->g, w->n * sizeof(w->g[0]));
	for (i = 0; i < w->n; i++) {
		g[i].cl += (uint32_t)a;
		g[i].font = (uint8_t)slot;
	}
	p->ng += (int)w->n;
}

/*
 * Shape the Latin run text[start, end) in font slot word by word, the
 * spaces between words alone, each from the thread's cache.  Returns
 * 0, having added nothing, if the run holds a character that shaping
 * treats with its neighbours (ln_word_char()).
 */
static int
ln_shape_words(struct ln_para *p, hb_buffer_t *buf, size_t start,
    size_t end, int slot)
{
	struct ln_font	*f = p->fonts[slot];
	struct ln_words	*ws;
	struct ln_word	*w;
	const char	*s, *e = p->text + end;
	size_t		 a, b, hd;
	gunichar	 c;

	for (s = p->text + start; s < e; s = g_utf8_next_char(s))
		if ((c = g_utf8_get_char(s)) != ' ' && !ln_word_char(c))
			return 0;
	if ((ws = g_private_get(&ln_words_key)) == NULL) {
		ws = g_new0(struct ln_words, 1);
		ws->t = g_hash_table_new(g_str_hash, g_str_equal);
		g_private_set(&ln_words_key, ws);
	}
	/* The key: font and language, then the word. */
	hd = (size_t)g_snprintf(ws->key, sizeof(ws->key) - LN_WORD_LEN, "%p%p",
	    (void *)f, (const void *)p->st->hblang);
	for (a = start; a < end; a = b) {
		b = a + 1;
		if (p->text[a] != ' ')
			while (b < end && p->text[b] != ' ')
				b++;
		if (b - a > LN_WORD_LEN) {
			w = ln_word_shape(p, buf, f, a, b, NULL, 0);
			ln_word_add(p, w, a, slot);
			g_free(w);
			continue;
		}
		memcpy(ws->key + hd, p->text + a, b - a);
		ws->key[hd + (b - a)] = '\0';
		if ((w = g_hash_table_lookup(ws->t, ws->key)) == NULL) {
			if (g_hash_table_size(ws->t) >= LN_WORDS_MAX)
				ln_words_clear(ws);
			w = ln_word_shape(p, buf, f, a, b, ws, hd + (b - a));
			g_hash_table_insert(ws->t, (char *)&w->g[w->n], w);
		}
		ln_word_add(p, w, a, slot);
	}
	return 1;
}

/* Shape text[start, end) with font f into p's glyphs. */
static void
ln_shape_run(struct ln_para *p, hb_buffer_t *buf, size_t start, size_t end,
    int slot, hb_script_t script, const hb_feature_t *feat,
    unsigned int nfeat)
{
	struct ln_font		*f = p->fonts[slot];
	unsigned int		 n;

	if (script == HB_SCRIPT_LATIN && nfeat == 0 && ln_font_words(f) &&
	    ln_shape_words(p, buf, start, end, slot))
		return;
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
	n = hb_buffer_get_length(buf);
	p->g = g_renew(struct ln_glyph, p->g, p->ng + n);
	ln_glyphs_put(&p->g[p->ng], buf, slot);
	p->ng += (int)n;
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
	uint8_t		*brk;
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
			if (!ln_neutral(c) && !g_unichar_isspace(c) &&
			    p->missing++ == 0)
				p->missing_c = c;
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
	brk = g_new(uint8_t, nch + 1);
	ln_lb(text, len, st->zh, brk);
	for (i = 0; i < (int)nnobrk; i++)
		if (nobrk[i] < len && (text[nobrk[i]] & 0xC0) != 0x80 &&
		    brk[cidx[nobrk[i]]] == 1)
			brk[cidx[nobrk[i]]] = 0;
	for (i = 0; i < p->ng; i++) {
		g = &p->g[i];
		if (i > 0 && g->cl == p->g[i - 1].cl)
			continue;
		g->flags |= LN_CSTART | LN_CHAR;
		k = cidx[g->cl];
		c = g_utf8_get_char(text + g->cl);
		if (brk[k] != 0 && i > 0)
			g->flags |= brk[k] == 2 ? LN_HARD : LN_BREAK;
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
	g_free(brk);
	g_free(cidx);
	p->orig = g_new(int32_t, p->ng > 0 ? p->ng : 1);
	for (i = 0; i < p->ng; i++)
		p->orig[i] = p->g[i].adv;
	return p;
}

/*
 * Add hyphenation points: a line may break before each of the byte
 * offsets at (ascending) of p's text, ending in a hyphen glyph.  The
 * text holds no soft hyphens, so that a word not broken copies out
 * whole; a point inside a cluster (a ligature) is not taken.
 */
void
ln_hyphens(struct ln_para *p, const uint32_t *at, unsigned int n)
{
	unsigned int	 k = 0;
	int		 i;

	for (i = 1; i < p->ng && k < n; i++) {
		while (k < n && at[k] < p->g[i].cl)
			k++;
		if (k < n && at[k] == p->g[i].cl &&
		    (p->g[i].flags & LN_CSTART) &&
		    !(p->g[i].flags & (LN_HARD | LN_SPACE)))
			p->g[i].flags |= LN_HYPH | LN_BREAK;
	}
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

/*
 * Add a line of glyphs [g0, g1) at x, ending in a hyphen glyph if
 * hyphen; its width is its glyphs' advances as they are now.
 */
void
ln_line_add(struct ln_para *p, int g0, int g1, int x, int start,
    int hyphen)
{
	struct ln_line	*l;

	ln_add(p, g0, g1, x, 0, start, hyphen);
	l = &p->lines[p->nlines - 1];
	l->width = ln_units(p, l);
}

/* The hyphen shown if a line ends before glyph j. */
static int
ln_shy_before(const struct ln_para *p, int j)
{
	return j > 0 && ((p->g[j - 1].flags & LN_SHY) ||
	    (j < p->ng && (p->g[j].flags & LN_HYPH)));
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
 * in place of what was cut: Latin before a word that does not fit
 * whole, if any word does.
 */
/*
 * Where the last word of glyphs [g0, j) starts if it is one of the
 * English words a cut title must not end in ("for a…", "Solidarity
 * and…") after another word, else g0.
 */
static int
ln_short_word(const struct ln_para *p, int g0, int j)
{
	static const char *const stop[] = { "a", "an", "the", "of", "to",
	    "in", "on", "for", "and", "or", "by", "at", "as", "with",
	    "from", "into", NULL };
	const char	*s, *e;
	size_t		 n;
	int		 k, i;

	for (k = j; k > g0 && !(p->g[k - 1].flags & LN_SPACE); k--)
		continue;
	if (k <= g0 || k >= j)
		return g0;
	e = j < p->ng ? p->text + p->g[j].cl : p->text + p->len;
	s = p->text + p->g[k].cl;
	n = (size_t)(e - s);
	for (i = 0; stop[i] != NULL; i++)
		if (strlen(stop[i]) == n && strncmp(s, stop[i], n) == 0)
			return k;
	return g0;
}

void
ln_ellipsize(struct ln_para *p, int width)
{
	struct ln_line	*l;
	struct ln_font	*f;
	hb_codepoint_t	 e;
	int32_t		 ea;
	int		 j, w, k, kw, nstop;

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
	/* Latin is cut at a word's start, if a word is left. */
	for (k = j, kw = w; !p->st->zh && k > l->g0 &&
	    !(p->g[k].flags & (LN_BREAK | LN_SPACE)); )
		kw -= p->g[--k].adv;
	if (k > l->g0) {
		j = k;
		w = kw;
	}
	while (j > l->g0 && (p->g[j - 1].flags & LN_SPACE))
		w -= p->g[--j].adv;
	/* Nor does it end in a word such as "and" or "a" (two at most:
	 * "for a…"). */
	for (nstop = 0; !p->st->zh && nstop < 2 &&
	    (k = ln_short_word(p, l->g0, j)) > l->g0; nstop++) {
		while (j > k)
			w -= p->g[--j].adv;
		while (j > l->g0 && (p->g[j - 1].flags & LN_SPACE))
			w -= p->g[--j].adv;
	}
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
