/*
 * Sentences: a paragraph split into its sentences (dc_sentences(),
 * which the two-file aligner counts and the TMX writer pairs), and the
 * sentences of a paragraph pair aligned (dc_sent_align(), the TMX's
 * sentence units), by the lengths and numbers Gale and Church's
 * aligners weigh, through their one program (galechurch.c).  The
 * measures the paragraph aligner (align.c) shares with it are declared
 * in bitext.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "bitext.h"

/* The prior of a 1-1 bead (as the paragraphs' in align.c). */
#define SENT_11		0.1

/* Sentence beads (dc_sent_align()): a sentence alone, one split in
 * two, and the cost past which a bead is doubtful. */
#define SENT_ALONE	4.0
#define SENT_21		1.6
#define SENT_DOUBT	4.5
#define SENT_LEN	2.0
#define SENT_MAX_CELLS	250000.0

/* The numbers written in digits in a text ("2020", "1,000" as 1000). */
GHashTable *
dc_text_numbers(const char *s)
{
	GHashTable	*h = NULL;
	GString		*b = g_string_new(NULL);
	const char	*p;

	for (p = s; ; p++) {
		if (g_ascii_isdigit(*p)) {
			g_string_append_c(b, *p);
			continue;
		}
		/* A thousands separator between digits. */
		if (*p == ',' && b->len > 0 && g_ascii_isdigit(p[1]))
			continue;
		if (b->len > 0) {
			if (h == NULL)
				h = g_hash_table_new_full(g_str_hash,
				    g_str_equal, g_free, NULL);
			g_hash_table_add(h, g_strdup(b->str));
			g_string_truncate(b, 0);
		}
		if (*p == '\0')
			break;
	}
	g_string_free(b, TRUE);
	return h;
}

/*
 * English words whose period ends no sentence: titles and common
 * abbreviations (lower case, without the period).  A single letter
 * (an initial, "J. Smith") is one too.
 */
static const char *const sent_abbrev[] = {
	"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "nos",
	"vs", "etc", "cf", "fig", "vol", "pp", "gen", "gov", "sen", "rep",
	"rev", "hon", "mt", "co", "corp", "inc", "ltd", "dept", "approx",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec", "art", "para", "ch", "sec"
};

/* Closing quotes and brackets that stay with the sentence before. */
static int
sent_closer(gunichar c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' ||
	    c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
	    c == 0xFF09 || c == 0x3011 || c == 0x300B || c == 0x3009;
}

/* Does the word ending at end (before a period) end no sentence? */
static int
sent_is_abbrev(const char *start, const char *end)
{
	const char	*w = end;
	char		*lc;
	size_t		 i;
	int		 hit = 0;

	while (w > start && (g_ascii_isalpha(w[-1]) || w[-1] == '.'))
		w--;
	if (w == end)
		return 0;
	/* "U.S.", "e.g.", "i.e.": periods within the word. */
	if (memchr(w, '.', (size_t)(end - w)) != NULL)
		return 1;
	if (end - w == 1)
		return 1;
	lc = g_ascii_strdown(w, end - w);
	for (i = 0; i < G_N_ELEMENTS(sent_abbrev) && !hit; i++)
		hit = strcmp(lc, sent_abbrev[i]) == 0;
	g_free(lc);
	return hit;
}

/* Is the text from start to end (a period) an enumerator, "4" or
 * "12"? */
static int
sent_is_enumerator(const char *start, const char *end)
{
	const char	*q;

	for (q = start; q < end; q++)
		if (!g_ascii_isdigit(*q))
			return 0;
	return end > start && end - start <= 3;
}

/*
 * Split a paragraph into its sentences: after 。！？ (with the quotes
 * and brackets closing after them) in Chinese; in English after . ! ?
 * and their closers where white space and a capital, a digit or an
 * opening quote follow, unless the period ends an abbreviation or the
 * number that opens a list item ("4. ").
 * Returns the sentences, white space trimmed, NULL-terminated
 * (g_strfreev()).
 * Shared by the aligner (a paragraph's sentences) and the TMX writer.
 */
char **
dc_sentences(const char *s, enum dc_lang l)
{
	GPtrArray	*v = g_ptr_array_new();
	const char	*p, *q, *from = s, *r;
	gunichar	 c, n;
	int		 cut;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		cut = 0;
		q = g_utf8_next_char(p);
		if (l == DC_LANG_ZH) {
			if (c != 0x3002 && c != 0xFF01 && c != 0xFF1F)
				continue;
			/* "！？", "。”": the stop goes on. */
			while (*q != '\0' && ((n = g_utf8_get_char(q)) ==
			    0x3002 || n == 0xFF01 || n == 0xFF1F ||
			    sent_closer(n)))
				q = g_utf8_next_char(q);
			cut = *q != '\0';
		} else {
			if (c != '.' && c != '!' && c != '?')
				continue;
			while (*q == '.' || *q == '!' || *q == '?')
				q++;
			while (*q != '\0' && sent_closer(g_utf8_get_char(q)))
				q = g_utf8_next_char(q);
			if (*q != ' ')
				continue;
			for (r = q; *r == ' '; r++)
				;
			n = g_utf8_get_char(r);
			cut = (g_unichar_isupper(n) || g_unichar_isdigit(n) ||
			    n == '"' || n == 0x201C || n == 0x2018 ||
			    n == '(') && !(c == '.' && sent_is_abbrev(s, p)) &&
			    !(c == '.' && sent_is_enumerator(s, p));
		}
		if (!cut)
			continue;
		g_ptr_array_add(v, g_strstrip(g_strndup(from,
		    (gsize)(q - from))));
		from = q;
		p = g_utf8_prev_char(q);
	}
	if (*from != '\0')
		g_ptr_array_add(v, g_strstrip(g_strdup(from)));
	g_ptr_array_add(v, NULL);
	return (char **)g_ptr_array_free(v, FALSE);
}

/* Size of a text for length-based alignment: characters for Chinese,
 * bytes for English (as the bilingual reader measures its lines). */
double
dc_text_size(const char *t, enum dc_lang l)
{
	double	 n = 0;

	if (l != DC_LANG_ZH)
		return (double)strlen(t);
	/* Latin text in Chinese (a name, a term, code) comes through
	 * translation as it is: a third of a character a byte, as many
	 * bytes on either side at the usual ratio. */
	for (; *t != '\0'; t = g_utf8_next_char(t))
		n += (unsigned char)*t < 0x80 ? 1.0 / 3.0 : 1.0;
	return n;
}

/* Does y hold one of x's numbers (or x none at all)? */
int
dc_numbers_share(GHashTable *x, GHashTable *y)
{
	GHashTableIter	 it;
	gpointer	 k;

	if (x == NULL)
		return 1;
	if (y == NULL)
		return 0;
	g_hash_table_iter_init(&it, x);
	while (g_hash_table_iter_next(&it, &k, NULL))
		if (g_hash_table_contains(y, k))
			return 1;
	return 0;
}

/*
 * Cost of pairing sentences a[i..i+na) with b[j..j+nb): their lengths
 * against the paragraph's ratio, the priors (a sentence split in two
 * is common, one left out rare) and the numbers both write.
 */
static double
sent_cost(char **a, enum dc_lang la, size_t i, int na, char **b,
    enum dc_lang lb, size_t j, int nb, double ratio)
{
	GHashTable	*ha, *hb;
	GString		*sa, *sb;
	double		 c, dl;
	int		 k;

	if (na == 0 || nb == 0)
		return SENT_ALONE;
	sa = g_string_new(NULL);
	sb = g_string_new(NULL);
	for (k = 0; k < na; k++)
		g_string_append(sa, a[i + (size_t)k]);
	for (k = 0; k < nb; k++)
		g_string_append(sb, b[j + (size_t)k]);
	dl = dc_gc_delta(dc_text_size(sa->str, la) + 1,
	    dc_text_size(sb->str, lb) + 1, ratio);
	c = dl * dl / 2.0 + (na + nb > 2 ? SENT_21 : SENT_11);
	ha = dc_text_numbers(sa->str);
	hb = dc_text_numbers(sb->str);
	if (ha != NULL && hb != NULL)
		c += dc_numbers_share(ha, hb) ? -1.0 : 1.0;
	else if (ha != NULL || hb != NULL)
		c += 0.5;
	if (ha != NULL)
		g_hash_table_destroy(ha);
	if (hb != NULL)
		g_hash_table_destroy(hb);
	g_string_free(sa, TRUE);
	g_string_free(sb, TRUE);
	return c;
}

/* The sentences' cost (sent_cost()) for the shared program. */
struct sent_gc {
	char		**a, **b;	/* the sentences of each side */
	enum dc_lang	  la, lb;	/* their languages */
	double		  ratio;	/* the paragraph pair's */
};

static double
sent_gc_cost(const void *arg, size_t i, int na, size_t j, int nb)
{
	const struct sent_gc	*g = arg;

	return sent_cost(g->a, g->la, i, na, g->b, g->lb, j, nb, g->ratio);
}

/* Add bead (da, db) to out (*n of them): a sentence alone joins the
 * bead before, or the one after at the start; both are doubtful. */
static void
sent_add(struct dc_sbead *out, size_t *n, int da, int db, int dbt)
{
	if (*n > 0 && (da == 0 || db == 0 || out[*n - 1].a == 0 ||
	    out[*n - 1].b == 0)) {
		out[*n - 1].a += da;
		out[*n - 1].b += db;
		out[*n - 1].doubt = 1;
		return;
	}
	out[*n].a = da;
	out[*n].b = db;
	out[(*n)++].doubt = dbt || da == 0 || db == 0;
}

/*
 * The length check of the sentence beads out[0..n) of a (la) and b
 * (lb): a bead whose lengths are further than SENT_LEN from the
 * paragraph's ratio is doubtful whatever its anchors say (a sentence
 * paired with one that translates another, a translation that says
 * much more or less).
 */
static void
sent_lengths(struct dc_sbead *out, size_t n, char **a, enum dc_lang la,
    char **b, enum dc_lang lb, double ratio)
{
	size_t	 k, i = 0, j = 0;
	double	 sa, sb;
	int	 x;

	for (k = 0; k < n; k++) {
		for (sa = 0, x = 0; x < out[k].a; x++)
			sa += dc_text_size(a[i++], la) + 1;
		for (sb = 0, x = 0; x < out[k].b; x++)
			sb += dc_text_size(b[j++], lb) + 1;
		if (fabs(dc_gc_delta(sa, sb, ratio)) > SENT_LEN) {
			out[k].length = 1;
			out[k].doubt = 1;
		}
	}
}

/*
 * Align the sentences a (language la) and b (lb) of a paragraph pair,
 * each NULL-terminated (dc_sentences()), by the aligners' dynamic
 * program (dc_gc_align()) over beads of 1-1, 1-0, 0-1, 2-1 and 1-2
 * sentences, costed by length and numbers.  A sentence left alone joins a bead beside it,
 * and that bead is doubtful, as one whose lengths disagree (a cost
 * over SENT_DOUBT) is.  Returns the beads in order (g_free()), *n
 * of them, each with sentences on both sides; NULL if a side has
 * none, or the table would pass SENT_MAX_CELLS.
 */
struct dc_sbead *
dc_sent_align(char **a, enum dc_lang la, char **b, enum dc_lang lb,
    size_t *n)
{
	struct sent_gc	  arg = { .a = a, .b = b, .la = la, .lb = lb };
	struct dc_gc	  g = { .cost = sent_gc_cost, .arg = &arg };
	struct dc_gc_step *st;
	struct dc_sbead	 *out;
	size_t		  na = g_strv_length(a), nb = g_strv_length(b);
	size_t		  i, j, k, m;
	double		  ta = 0, tb = 0, *bc;

	*n = 0;
	if (na == 0 || nb == 0 || (double)(na + 1) * (double)(nb + 1) >
	    SENT_MAX_CELLS)
		return NULL;
	for (i = 0; i < na; i++)
		ta += dc_text_size(a[i], la) + 1;
	for (j = 0; j < nb; j++)
		tb += dc_text_size(b[j], lb) + 1;
	arg.ratio = tb / ta;
	/* The whole table: a band as wide as the longer side. */
	g.na = na;
	g.nb = nb;
	g.w = MAX(na, nb);
	st = dc_gc_align(&g, &m, &bc, NULL);
	out = g_new0(struct dc_sbead, m + 1);
	for (k = 0; k < m; k++)
		sent_add(out, n, st[k].a, st[k].b, bc[k] > SENT_DOUBT);
	sent_lengths(out, *n, a, la, b, lb, tb / ta);
	g_free(bc);
	g_free(st);
	return out;
}
