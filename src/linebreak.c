/*
 * Whole-paragraph line breaking (total fit, after Knuth and Plass, as
 * TeX and Typst do) over the glyphs lines.c shaped: each cluster is a
 * box, a space or the gap beside a CJK character is glue, break
 * opportunities are penalties, hyphenation points flagged ones.  For
 * Chinese the glue hardly stretches and full-width punctuation gives
 * up its blank half (clreq), so that the breaks found set lines solid
 * where they can be: a closing mark half width inside or at the end of
 * a line, an opening mark half width inside one, a break moved a
 * character earlier or later.  The lines chosen are then justified.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "docconv.h"
#include "fonts.h"
#include "lines.h"

/* What a glyph brings to the line it is in. */
#define LB_OPENING	0x01	/* a full-width opening mark: not at a start */
#define LB_CLOSING	0x02	/* a full-width closing mark */

/* How a line's last mark is set. */
#define LB_WHOLE	0
#define LB_HALF		1
#define LB_HANGING	2

struct lb_glue {
	int32_t		 st;	/* stretch, units */
	int32_t		 sh;	/* shrink, units */
	int32_t		 gap;	/* ... of st, the gap after it: not at an end */
	uint8_t		 kind;	/* LB_* */
};

/* A feasible break: the line before it ends at glyph pos. */
struct lb_node {
	int		 pos;	/* the next line starts with this glyph */
	int		 prev;	/* node the line starts after, -1 none */
	double		 total;	/* demerits of the lines up to here */
	uint8_t		 fit;	/* fitness class, 0 tight .. 3 very loose */
	uint8_t		 flag;	/* the line ends hyphenated */
	uint8_t		 start;	/* the next line starts a paragraph */
};

/* A paragraph being broken. */
struct lb {
	struct ln_para	*p;
	struct lb_glue	*gl;		/* per glyph */
	int64_t		*w, *st, *sh;	/* prefix sums, ng + 1 */
	int		*end;		/* [j]: end of a line broken at j */
	int		 width, indent;
	int		 zh;
	int		 em;
	struct lb_node	*n;		/* nodes */
	int		 nn, cap;
	int		*act;		/* active nodes, by position */
	int		 head, nact, acap;
	const int	*forbid;	/* breaks not to take (ln_refit()) */
	int		 nforbid;
	int		 words;		/* lb_zhword() breaks allowed */
};

/*
 * Penalties and demerits, in TeX's units: a line's demerits are
 * (LB_LINE + badness)^2 + penalty^2.
 */
#define LB_LINE		10
#define LB_HYPHEN	50	/* breaking at a hyphenation point */
#define LB_URL		100	/* ... inside an address (lb_url()) */
#define LB_EMERG	1e12	/* inside a word, or against kinsoku */
#define LB_DOUBLE	1e9	/* two hyphenated lines in a row */
#define LB_FINAL	5e4	/* a hyphen on the last full line */
#define LB_ADJ		1e4	/* fitness classes more than one apart */
#define LB_RUNT		1e11	/* a Chinese last line of one character */
#define LB_TOL		2.5	/* the most a line may stretch, first pass */
#define LB_TOL_EN	5	/* ... in English: a space to 1.3 times */
#define LB_NOGLUE	1e10	/* badness of a line that cannot stretch */
#define LB_OVERFULL	1e15	/* ... of one wider than the column */
#define LB_EMST		4	/* the second pass's tolerance, times */
#define LB_RMAX		10	/* English stretches no further: ragged */
#define LB_RMAX_ZH	4	/* Chinese glue no further: spread */
#define LB_ZHWORD	1e6	/* a Latin word broken in a Chinese line */

/* Full-width punctuation whose blank half clreq lets go. */
int
ln_is_fwpunct(gunichar c)
{
	return (c >= 0x3001 && c <= 0x3002) ||
	    (c >= 0x3008 && c <= 0x3011) ||
	    (c >= 0x3014 && c <= 0x301B) ||
	    (c >= 0x2018 && c <= 0x201D && c != 0x201A && c != 0x201B) ||
	    c == 0xFF01 || c == 0xFF08 || c == 0xFF09 || c == 0xFF0C ||
	    c == 0xFF0E || c == 0xFF1A || c == 0xFF1B || c == 0xFF1F;
}

/*
 * The glue of each glyph.  A space stretches by a quarter of its width
 * and shrinks by a third, as TeX's and Typst's do (by half, words
 * nearly touched, 0.125 em apart even after a full stop; in columns of
 * some twenty ems the stretch stays a quarter: TeX's half for
 * Computer Modern's wider space left a twentieth of the word spaces
 * wider than 0.42 em).  A quarter-em
 * space between Han and Latin (U+2005) stretches and shrinks by half
 * its width; a CJK character
 * has a little stretch after it, so that a Chinese line spreads only
 * when it must and evenly; full-width punctuation not compressed yet
 * may give up half its width.
 */
static void
lb_glue(struct lb *b)
{
	struct ln_para	*p = b->p;
	struct ln_glyph	*g;
	struct lb_glue	*q;
	gunichar	 c, nc;
	int		 i, j, wide, nwide;

	for (i = 0; i < p->ng; i = j) {
		for (j = i + 1; j < p->ng && !(p->g[j].flags & LN_CSTART); j++)
			continue;
		g = &p->g[i];
		q = &b->gl[i];
		c = g_utf8_get_char(p->text + g->cl);
		if (g->flags & LN_SPACE) {
			if (c == 0x2005)
				q->st = q->sh = g->adv / 2;
			else {
				q->st = g->adv / 4;
				q->sh = g->adv / 3;
			}
			continue;
		}
		if (!b->zh)
			continue;
		if (ln_is_fwpunct(c) && g->adv >= b->em * 9 / 10) {
			if (dc_is_closing_punct(c)) {
				q->sh = g->adv / 2;
				q->kind |= LB_CLOSING;
			}
			else if (dc_is_opening_punct(c) && (i == 0 ||
			    !ln_is_fwpunct(g_utf8_get_char(p->text +
			    p->g[i - 1].cl)))) {
				/*
				 * Not after a mark: the two boxes would
				 * overlap from their starts, and text
				 * extraction takes that for a new line.
				 */
				q->sh = g->adv / 2;
				q->kind |= LB_OPENING;
			}
		}
		if (j >= p->ng || (p->g[j].flags & LN_SPACE))
			continue;
		nc = g_utf8_get_char(p->text + p->g[j].cl);
		wide = g_unichar_iswide(c);
		nwide = g_unichar_iswide(nc);
		if (wide || nwide)
			b->gl[j - 1].gap = b->gl[j - 1].st += b->em / 50;
	}
}

/*
 * Whether a Chinese line may start with glyph j inside a Latin word,
 * after a URL's or address's separator (www.example/x, a@b.example):
 * where a Chinese line must end flush, a long address would leave
 * the line before it with nothing but a few wide gaps.
 */
static int
lb_url(const struct ln_para *p, int j)
{
	char	 pc, c;

	if (!p->st->zh || !(p->g[j].flags & LN_CHAR))
		return 0;
	pc = p->text[p->g[j].cl - 1];
	c = p->text[p->g[j].cl];
	return pc != '\0' && strchr("/.@_", pc) != NULL &&
	    g_ascii_isalnum(c);
}

/* Whether c belongs to an ASCII word, address or file name. */
static int
lb_wordish(char c)
{
	return g_ascii_isalnum(c) || (c != '\0' && strchr("-'./@_:~#%&=+?",
	    c) != NULL);
}

static int
lb_vowel(char c)
{
	return strchr("aeiouy", g_ascii_tolower(c)) != NULL;
}

/*
 * Whether the English word s[w, e) may break before s[i] as syllables
 * do, for lb_zhword(): between two consonants that are not one sound (ch, ck,
 * gh, ph, qu, sh, th, wh), before a consonant and a vowel after a
 * vowel, or before a vowel after ch, gh, ph, sh or th (through-out).
 */
static int
lb_syllable(const char *s, size_t w, size_t i, size_t e)
{
	char	 a = g_ascii_tolower(s[i - 1]), b = g_ascii_tolower(s[i]);
	char	 z = g_ascii_tolower(s[i - 2]);
	size_t	 k;

	/* A vowel on each side: th-rough is no syllable. */
	for (k = w; k < i && !lb_vowel(s[k]); k++)
		continue;
	if (k == i)
		return 0;
	for (k = i; k < e && !lb_vowel(s[k]); k++)
		continue;
	if (k == e)
		return 0;

	if (!lb_vowel(a) && !lb_vowel(b))
		return !(b == 'h' && strchr("cgpstw", a) != NULL) &&
		    !(a == 'c' && b == 'k') && !(a == 'q' && b == 'u');
	if (lb_vowel(a) && !lb_vowel(b))
		return lb_vowel(s[i + 1]);
	return !lb_vowel(a) && a == 'h' && strchr("cgpst", z) != NULL;
}

/*
 * Whether a Chinese line may end before glyph j inside a Latin word
 * with a hyphen where libhyphen found no point: two letters before,
 * three after, between syllables (lb_syllable()).  Only where the column is too narrow for the lines to
 * be justified otherwise (the later passes, at LB_ZHWORD): the line
 * before a long word would spread its characters an em apart.
 */
static int
lb_zhword(const struct ln_para *p, int j)
{
	const char	*s = p->text;
	size_t		 cl, a, e, k;

	if (!p->st->zh || j <= 0 || j >= p->ng ||
	    !(p->g[j].flags & LN_CSTART))
		return 0;
	cl = p->g[j].cl;
	if (cl < 2 || cl + 3 > p->len || !g_ascii_isalpha(s[cl - 2]) ||
	    !g_ascii_isalpha(s[cl - 1]) || !g_ascii_isalpha(s[cl]) ||
	    !g_ascii_isalpha(s[cl + 1]) || !g_ascii_isalpha(s[cl + 2]))
		return 0;
	/* Not in an address, a file name or a code: no hyphen added. */
	for (a = cl; a > 0 && lb_wordish(s[a - 1]); a--)
		continue;
	for (e = cl; e < p->len && lb_wordish(s[e]); e++)
		continue;
	while (e > a && strchr(".,;:!?", s[e - 1]) != NULL)
		e--;
	for (k = a; k < e; k++)
		if (!g_ascii_isalpha(s[k]) && s[k] != '-' && s[k] != '\'')
			return 0;
	/* The word's letters around the break. */
	for (a = cl; a > 0 && g_ascii_isalpha(s[a - 1]); a--)
		continue;
	for (e = cl; e < p->len && g_ascii_isalpha(s[e]); e++)
		continue;
	return lb_syllable(s, a, cl, e);
}

/* Whether glyph j starts a cluster where a line may start. */
static int
lb_can(const struct ln_para *p, int j, int emerg)
{
	uint8_t	 f = p->g[j].flags;

	if (!(f & LN_CSTART))
		return 0;
	return (f & (LN_BREAK | LN_HARD)) || (emerg && (f & LN_CHAR)) ||
	    lb_url(p, j);
}

/* The hyphen a line broken before glyph j ends with, or 0. */
static int
lb_hyphen(const struct ln_para *p, int j)
{
	if (j <= 0 || j >= p->ng)
		return 0;
	if ((p->g[j].flags & LN_HYPH) || (p->g[j - 1].flags & LN_SHY) ||
	    lb_zhword(p, j))
		return p->fonts[p->g[j - 1].font]->hyphen_adv;
	return 0;
}

/* Whether a line broken before glyph j ends with a hyphen. */
static int
lb_flagged(const struct ln_para *p, int j)
{
	if (j <= 0 || j >= p->ng)
		return 0;
	return (p->g[j].flags & LN_HYPH) || (p->g[j - 1].flags & LN_SHY) ||
	    p->text[p->g[j - 1].cl] == '-' || lb_zhword(p, j);
}

/*
 * The natural width, stretch and shrink of the line of glyphs [a, j),
 * its trailing spaces left out and its hyphen in.  A closing mark
 * that ends the line is set whole (a paragraph's last line only),
 * half width (its blank half given up, the line still ends at the
 * edge) or hanging (all of it past the edge): one of them, never
 * something between, which would leave the line's end ragged by a
 * fraction of a mark.  *end tells which.
 */
static void
lb_measure(const struct lb *b, int a, int j, int64_t *w, int64_t *st,
    int64_t *sh, int *end)
{
	int	 e = b->end[j];

	*end = LB_WHOLE;
	if (e <= a) {
		*w = *st = *sh = 0;
		return;
	}
	*w = b->w[e] - b->w[a] + lb_hyphen(b->p, j);
	*st = b->st[e] - b->st[a] - b->gl[e - 1].gap;
	*sh = b->sh[e] - b->sh[a];
	if (b->gl[a].kind & LB_OPENING)
		*sh -= b->gl[a].sh;
	if (b->gl[e - 1].kind & LB_CLOSING)
		*sh -= b->gl[e - 1].sh;
}

/*
 * How the line [a, j) fits avail: its ratio *r (stretch > 0, shrink
 * < 0), badness and the end chosen for it (lb_measure()): whole, or
 * the style's one rule, half width or hanging (ln_style.hang), which
 * ever has the less badness.  Returns 0 if it is overfull whatever
 * its end.
 */
static int
lb_line(const struct lb *b, int a, int j, int avail, int forced,
    double *rp, double *badp, int *endp)
{
	int64_t		 w, st, sh, ww;
	double		 r, q, bad, best = -1;
	int		 end, k, n;

	lb_measure(b, a, j, &w, &st, &sh, &end);
	n = end == LB_WHOLE && b->end[j] > a &&
	    (b->gl[b->end[j] - 1].kind & LB_CLOSING) ? 3 : 1;
	for (k = 0; k < n; k++) {
		/*
		 * One rule for the style: half width or hanging.  A line
		 * that goes on in its paragraph never ends in a whole
		 * mark: its ink would stop half an em short of the edge
		 * that every other line reaches.
		 */
		if (k == (b->p->st->hang ? 1 : 2) || (k == 0 && n > 1 &&
		    !forced))
			continue;
		ww = w;
		if (k == 1)
			ww -= b->gl[b->end[j] - 1].sh;
		else if (k == 2)
			ww -= b->p->g[b->end[j] - 1].adv;
		if (ww > avail) {
			r = sh > 0 ? -(double)(ww - avail) / sh : -HUGE_VAL;
			if (r < -1)
				continue;
			q = -r;
			bad = 100 * q * q * q;
		} else if (forced)
			r = bad = 0;
		else if (st <= 0 && ww < avail) {
			r = HUGE_VAL;
			bad = LB_NOGLUE;
		} else {
			/*
			 * TeX's badness, not capped: a line twice as loose
			 * costs eight times more, however loose it is.
			 */
			r = ww == avail ? 0 : (double)(avail - ww) / st;
			bad = 100 * r * r * r;
		}
		if (best < 0 || bad < best) {
			best = bad;
			*rp = r;
			*endp = k;
		}
		/* A paragraph's last line is set whole if it can be. */
		if (forced && ww <= avail)
			break;
	}
	if (best < 0) {
		*rp = -HUGE_VAL;
		*badp = LB_OVERFULL;
		*endp = LB_WHOLE;
		return 0;
	}
	*badp = best;
	return 1;
}

/* Whether the last line [a, end) holds one character or none. */
static int
lb_runt(const struct ln_para *p, int a)
{
	const char	*s, *e = p->text + p->len;
	int		 n = 0;

	for (s = p->text + p->g[a].cl; s < e && n < 2;
	    s = g_utf8_next_char(s))
		if (g_unichar_isalnum(g_utf8_get_char(s)))
			n++;
	return n <= 1;
}

/* Add a node, active; returns its index. */
static int
lb_node_add(struct lb *b, int pos, int prev, double total, int fit,
    int flag, int start)
{
	struct lb_node	*n;

	if (b->nn == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->n = g_renew(struct lb_node, b->n, b->cap);
	}
	n = &b->n[b->nn];
	n->pos = pos;
	n->prev = prev;
	n->total = total;
	n->fit = (uint8_t)fit;
	n->flag = (uint8_t)flag;
	n->start = (uint8_t)start;
	if (b->nact == b->acap) {
		b->acap = b->acap ? b->acap * 2 : 256;
		b->act = g_renew(int, b->act, b->acap);
	}
	b->act[b->nact++] = b->nn;
	return b->nn++;
}

/*
 * One pass over the paragraph: tol bounds how loose a line may be
 * (0: any), emerg allows
 * breaks inside words and against the line-start rules at a cost
 * that only an overfull line exceeds, and overfull lines where
 * nothing else fits.  Returns the best node at the paragraph's end,
 * or -1.
 */
static int
lb_pass(struct lb *b, double tol, int emerg)
{
	struct ln_para	*p = b->p;
	struct lb_node	*a;
	double		 r, bad, d, pen, best[4], mind;
	int		 bprev[4], j, k, c, avail, forced, last, flag, end;
	int		 alone, kept, i;

	b->nn = b->nact = b->head = 0;
	lb_node_add(b, 0, -1, 0, 1, 0, 1);
	for (j = 1; j <= p->ng; j++) {
		if (j < p->ng && !lb_can(p, j, emerg) &&
		    !(b->words && lb_zhword(p, j)))
			continue;
		for (i = 0; i < b->nforbid && b->forbid[i] != j; i++)
			continue;
		if (i < b->nforbid)
			continue;
		last = j == p->ng;
		forced = last || (p->g[j].flags & LN_HARD);
		flag = lb_flagged(p, j);
		pen = last || forced ? 0 : (p->g[j].flags & LN_BREAK) ?
		    (flag ? LB_HYPHEN : 0) : lb_url(p, j) ? LB_URL :
		    b->words && lb_zhword(p, j) ? LB_ZHWORD : LB_EMERG;
		for (c = 0; c < 4; c++)
			best[c] = -1;
		for (k = b->head; k < b->nact; k++) {
			a = &b->n[b->act[k]];
			if (a->pos >= j)
				break;
			avail = b->width - (a->start ? b->indent : 0);
			alone = k == b->nact - 1 || b->n[b->act[k + 1]].pos >= j;
			if (!lb_line(b, a->pos, j, avail, forced, &r, &bad,
			    &end)) {
				/*
				 * Overfull: so are all longer lines from it.
				 * In the last pass the last node standing
				 * still breaks.
				 */
				if (!(emerg && alone && k == b->head)) {
					if (k == b->head)
						b->head++;
					continue;
				}
				r = -1;
			} else if (tol > 0 && r > tol) {
				/* Later nodes give looser lines. */
				if (a->start && k == b->head)
					continue;
				break;
			}
			d = (LB_LINE + bad) * (LB_LINE + bad) + pen * pen;
			if (flag && a->flag && !last)
				d += LB_DOUBLE;
			if (last && a->flag)
				d += LB_FINAL;
			if (last && b->zh && !a->start && lb_runt(p, a->pos))
				d += LB_RUNT;
			c = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
			if (forced && r >= 0)
				c = 1;
			if (abs(c - a->fit) > 1)
				d += LB_ADJ;
			d += a->total;
			if (best[c] < 0 || d < best[c]) {
				best[c] = d;
				bprev[c] = b->act[k];
			}
		}
		mind = -1;
		for (c = 0; c < 4; c++)
			if (best[c] >= 0 && (mind < 0 || best[c] < mind))
				mind = best[c];
		if (forced) {
			/* Every line goes through here: start afresh. */
			b->head = b->nact;
			if (mind < 0)
				return -1;
			for (c = 0; c < 4 && best[c] != mind; c++)
				continue;
			i = lb_node_add(b, j, bprev[c], mind, 1, 0, 1);
			if (last)
				return i;
			continue;
		}
		kept = 0;
		for (c = 0; c < 4; c++)
			if (best[c] >= 0 && best[c] <= mind + LB_ADJ) {
				lb_node_add(b, j, bprev[c], best[c], c, flag,
				    0);
				kept++;
			}
		if (!kept && b->head >= b->nact)
			return -1;
	}
	return -1;
}

/*
 * Whether a line of Chinese may be spread between glyph i and the next
 * cluster: not inside a Latin word.
 */
static int
lb_spreads(const struct ln_para *p, int i)
{
	char	 c = p->text[p->g[i].cl], nc = p->text[p->g[i + 1].cl];

	return !(g_ascii_isalpha(c) && g_ascii_isalpha(nc));
}

/*
 * Spread slack units evenly between the clusters of the Chinese line
 * of glyphs [a, e) that lb_spreads() allows (between all of them if
 * none), as Chinese compositors spread a line that holds long runs of
 * digits or Latin and too little else to justify it.
 */
static void
lb_spread(struct lb *b, int a, int e, int64_t slack)
{
	struct ln_para	*p = b->p;
	int64_t		 done = 0;
	int		 i, n = 0, k = 0, any, d;

	for (i = a; i + 1 < e; i++)
		if ((p->g[i + 1].flags & LN_CSTART) && lb_spreads(p, i))
			n++;
	any = n == 0;
	if (any)
		for (i = a; i + 1 < e; i++)
			if (p->g[i + 1].flags & LN_CSTART)
				n++;
	for (i = a; n > 0 && i + 1 < e; i++) {
		if (!(p->g[i + 1].flags & LN_CSTART) ||
		    (!any && !lb_spreads(p, i)))
			continue;
		k++;
		d = (int)(slack * k / n - done);
		p->g[i].adv += d;
		done += d;
	}
}

/*
 * Set the line of glyphs [a, j) as lb_line() fits it, full (justified)
 * or not: its last mark whole, half or hanging, then stretch or shrink
 * its glue (an opening mark that shrinks moves its glyph with its blank,
 * so that the mark stays by what it opens).  A Chinese line that should
 * be full stretches its glue LB_RMAX_ZH times at most and spreads the
 * rest between its clusters (lb_spread()); an English one that would
 * stretch more than LB_RMAX times its stretch, or has none, is left
 * ragged, never letter-spaced.  Returns 1 if the line is left ragged,
 * else 0.
 */
static int
lb_set(struct lb *b, int a, int j, int full)
{
	struct ln_para	*p = b->p;
	int64_t		 w, st, sh, slack, cum = 0, done = 0, tot;
	int		 e = b->end[j], i, avail, d, start, end;
	int		 shrink;
	double		 r, bad;

	start = a == 0 || (p->g[a].flags & LN_HARD);
	avail = b->width - (start ? b->indent : 0);
	lb_measure(b, a, j, &w, &st, &sh, &end);
	lb_line(b, a, j, avail, !full, &r, &bad, &end);
	if (end == LB_HALF) {
		p->g[e - 1].adv -= b->gl[e - 1].sh;
		w -= b->gl[e - 1].sh;
	} else if (end == LB_HANGING)
		w -= p->g[e - 1].adv;
	slack = avail - w;
	if (slack < 0 && sh > 0) {
		shrink = 1;
		tot = sh;
		slack = -slack > sh ? sh : -slack;
	} else if (slack > 0 && full && !b->zh &&
	    (st == 0 || slack > st * LB_RMAX))
		return 1;
	else if (slack > 0 && full && b->zh && slack > st * LB_RMAX_ZH) {
		lb_spread(b, a, e, slack - st * LB_RMAX_ZH);
		if (st == 0)
			return 0;
		shrink = 0;
		tot = st;
		slack = st * LB_RMAX_ZH;
	} else if (slack > 0 && full && st > 0) {
		shrink = 0;
		tot = st;
	} else
		return 0;
	for (i = a; i < e; i++) {
		if (shrink) {
			if (b->gl[i].sh == 0 || (i == a &&
			    (b->gl[i].kind & LB_OPENING)) || (i == e - 1 &&
			    (b->gl[i].kind & LB_CLOSING)))
				continue;
			cum += b->gl[i].sh;
		} else {
			if (b->gl[i].st == 0)
				continue;
			cum += i == e - 1 ? b->gl[i].st - b->gl[i].gap :
			    b->gl[i].st;
		}
		d = (int)(slack * cum / tot - done);
		done += d;
		if (shrink) {
			p->g[i].adv -= d;
			if (b->gl[i].kind & LB_OPENING)
				p->g[i].dx -= d;
		} else
			p->g[i].adv += d;
	}
	return 0;
}

/*
 * Whether the paragraph broken at node k ends in a Chinese line of one
 * character after another line.
 */
static int
lb_runt_end(const struct lb *b, int k)
{
	const struct lb_node *a;

	if (!b->zh || k < 0 || b->n[k].prev < 0)
		return 0;
	a = &b->n[b->n[k].prev];
	return !a->start && lb_runt(b->p, a->pos);
}

/*
 * The passes of TeX: lines that stretch no more than LB_TOL; if none
 * such break the paragraph (or it would end in a Chinese character
 * alone), lines that stretch LB_EMST times as far; then any line;
 * then breaks inside words and, where nothing else fits, overfull
 * lines.
 * Returns the node ending the paragraph.
 */
static int
lb_passes(struct lb *b)
{
	double	 tol = b->zh ? LB_TOL : LB_TOL_EN;
	int	 k;

	k = lb_pass(b, tol, 0);
	if (k >= 0 && !lb_runt_end(b, k))
		return k;
	b->words = b->zh;
	k = lb_pass(b, tol * LB_EMST, 0);
	if (k >= 0 && !lb_runt_end(b, k))
		return k;
	if ((k = lb_pass(b, 0, 0)) < 0)
		k = lb_pass(b, 0, 1);
	return k;
}

/*
 * Break a paragraph into lines of width units, the first line of each
 * paragraph (and each after a line separator) indented by indent, by
 * total fit (lb_passes()), and justify all lines but those that end a
 * paragraph.  An English line that cannot be justified is left ragged
 * (ln_line.ragged) for the typesetter to name in a warning.
 */
static void
lb_fit(struct ln_para *p, int width, int indent, const int *forbid,
    int nforbid)
{
	struct lb	 b;
	int		 i, k, n, *brk, a, start, j, rag;

	p->fit_width = width;
	p->fit_indent = indent;
	if (p->ng == 0) {
		ln_break(p, width, indent, 1);
		return;
	}
	memset(&b, 0, sizeof(b));
	b.forbid = forbid;
	b.nforbid = nforbid;
	for (i = 0; i < p->ng; i++)
		p->g[i].adv = p->orig[i];
	g_free(p->lines);
	p->lines = NULL;
	p->nlines = 0;
	b.p = p;
	b.width = width;
	b.indent = indent;
	b.zh = p->st->zh;
	b.em = p->st->em;
	b.gl = g_new0(struct lb_glue, p->ng + 1);
	b.w = g_new(int64_t, p->ng + 1);
	b.st = g_new(int64_t, p->ng + 1);
	b.sh = g_new(int64_t, p->ng + 1);
	b.end = g_new(int, p->ng + 1);
	lb_glue(&b);
	b.w[0] = b.st[0] = b.sh[0] = 0;
	b.end[0] = 0;
	for (i = 0; i < p->ng; i++) {
		b.w[i + 1] = b.w[i] + p->g[i].adv;
		b.st[i + 1] = b.st[i] + b.gl[i].st;
		b.sh[i + 1] = b.sh[i] + b.gl[i].sh;
		b.end[i + 1] = (p->g[i].flags & LN_SPACE) ? b.end[i] : i + 1;
	}
	if ((k = lb_passes(&b)) < 0) {
		/* Cannot happen: the last pass always ends. */
		ln_break(p, width, indent, 1);
		goto out;
	}
	for (n = 0, i = k; b.n[i].prev >= 0; i = b.n[i].prev)
		n++;
	brk = g_new(int, n + 1);
	for (i = k, j = n; j >= 0; i = b.n[i].prev)
		brk[j--] = b.n[i].pos;
	for (i = 0; i < n; i++) {
		a = brk[i];
		j = brk[i + 1];
		start = a == 0 || (p->g[a].flags & LN_HARD);
		rag = lb_set(&b, a, j, j < p->ng &&
		    !(p->g[j].flags & LN_HARD));
		ln_line_add(p, a, j, start ? indent : 0, start,
		    lb_hyphen(p, j) > 0);
		p->lines[p->nlines - 1].ragged = rag;
	}
	g_free(brk);
	if (p->nlines == 0)
		ln_line_add(p, 0, 0, indent, 1, 0);
out:
	g_free(b.gl);
	g_free(b.w);
	g_free(b.st);
	g_free(b.sh);
	g_free(b.end);
	g_free(b.n);
	g_free(b.act);
}

void
ln_fit(struct ln_para *p, int width, int indent)
{
	lb_fit(p, width, indent, NULL, 0);
}

/* Whether line n of p ends with a hyphen, added or its own. */
int
ln_line_flagged(const struct ln_para *p, int n)
{
	return n >= 0 && n < p->nlines - 1 && lb_flagged(p, p->lines[n].g1);
}

#define LB_REFIT	4	/* tries of ln_refit() */

/*
 * Break p (which ln_fit() broke) again so that line n, the last of a
 * column or page, does not end with a hyphen, which TeX avoids too (a
 * reader turning the page should not have to keep half a word in
 * mind): the break it ends at is not taken, as often as the lines
 * found end at another hyphen there, LB_REFIT times at most.  Returns
 * 0 if line n now ends without one (or is the last), else -1 (p is
 * then broken as the last try gave).  Lines' x are ln_fit()'s again.
 */
int
ln_refit(struct ln_para *p, int n)
{
	int	 forbid[LB_REFIT], k;

	for (k = 0; k < LB_REFIT; k++) {
		if (!ln_line_flagged(p, n))
			return 0;
		forbid[k] = p->lines[n].g1;
		lb_fit(p, p->fit_width, p->fit_indent, forbid, k + 1);
	}
	return ln_line_flagged(p, n) ? -1 : 0;
}

#define LB_BAL_MORE	2	/* lines ln_balance() may add to first fit's */
#define LB_ALONE	1e30	/* a display line of one character */

/*
 * Whether a display line may start with glyph j: at a break that is
 * not a hyphenation point nor after a hyphen; the cost of starting it
 * there, 0 at a phrase boundary (after a space or a closing mark,
 * before an opening one), pen between two Chinese characters, a
 * quarter of it where a phrase starts or ends without a mark: before
 * an ordinal's 第 (…理事会 / 第二十次会议…), after the particle 的
 * (…会议上的 / 讲话), which no word of a title runs across.
 * Returns -1 where no line may start.
 */
/*
 * Does a phrase end before c, pc (at, in text) before it, without a
 * mark: before an ordinal's 第, after the particle 的, but not inside
 * the few words they stand in.
 */
static int
lb_phrase_edge(const char *text, const char *at, gunichar pc, gunichar c)
{
	gunichar	 ppc = 0;

	if (at > text)
		ppc = g_utf8_get_char(g_utf8_prev_char(at));
	/* Not in 次第, 及第, 门第 (門第), 府第, 宅第, 落第. */
	if (c == 0x7B2C)
		return pc != 0x6B21 && pc != 0x53CA && pc != 0x95E8 &&
		    pc != 0x9580 && pc != 0x5E9C && pc != 0x5B85 &&
		    pc != 0x843D;
	/* Not in 的确 (的確), 的士, 目的, 有的. */
	if (pc == 0x7684)
		return c != 0x786E && c != 0x78BA && c != 0x58EB &&
		    ppc != 0x76EE && ppc != 0x6709;
	return 0;
}

static double
lb_phrase(const struct ln_para *p, int j, double pen)
{
	gunichar	 c, pc;
	int		 i;

	if (!(p->g[j].flags & LN_CSTART) || !(p->g[j].flags & LN_BREAK) ||
	    lb_flagged(p, j))
		return -1;
	for (i = j - 1; i > 0 && !(p->g[i].flags & LN_CSTART); i--)
		continue;
	pc = g_utf8_get_char(p->text + p->g[i].cl);
	c = g_utf8_get_char(p->text + p->g[j].cl);
	if ((p->g[i].flags & LN_SPACE) || g_unichar_isspace(pc) ||
	    dc_is_closing_punct(pc) || dc_is_opening_punct(c))
		return 0;
	if (!g_unichar_iswide(pc) && !g_unichar_iswide(c))
		return -1;
	return lb_phrase_edge(p->text, p->text + p->g[i].cl, pc, c) ?
	    pen / 4 : pen;
}

/* Whether glyphs [a, e) hold no more than one letter, digit or Han. */
static int
lb_alone(const struct ln_para *p, int a, int e)
{
	const char	*s = p->text + p->g[a].cl, *end;
	int		 n = 0;

	end = e < p->ng ? p->text + p->g[e].cl : p->text + p->len;
	for (; s < end && n < 2; s = g_utf8_next_char(s))
		if (g_unichar_isalnum(g_utf8_get_char(s)))
			n++;
	return n <= 1;
}

/*
 * Break p into nl balanced lines of width units (*cost the sum of each
 * line's squared shortfall and its start's lb_phrase() cost), line k
 * being glyphs [brk[k], brk[k + 1]); w and end are lb_fit()'s prefix
 * widths and line ends.  Returns 0, or -1 if no such breaks fit.
 */
static int
lb_balance_n(const struct ln_para *p, const int64_t *w, const int *end,
    int width, int nl, int *brk, double *cost)
{
	double	*c, *pen, d, best;
	int	*from, i, j, k, ng = p->ng, rc = -1;

	c = g_new(double, (size_t)(nl + 1) * (ng + 1));
	from = g_new(int, (size_t)(nl + 1) * (ng + 1));
	pen = g_new(double, ng + 1);
	for (j = 1; j < ng; j++)
		pen[j] = lb_phrase(p, j, (double)width * width / 9);
	pen[0] = pen[ng] = 0;
	for (i = 0; i < (nl + 1) * (ng + 1); i++)
		c[i] = -1;
	c[0] = 0;
	for (k = 1; k <= nl; k++)
		for (j = 1; j <= ng; j++) {
			if (pen[j] < 0 || (k == nl) != (j == ng))
				continue;
			best = -1;
			/* Lines ending at j, the shortest first: a line
			 * that does not fit ends the search (a display
			 * line of thousands of characters took a
			 * quadratic time per line).  The earliest start
			 * wins a tie, as in a forward search. */
			for (i = j - 1; i >= 0 &&
			    w[end[j]] - w[i] <= width; i--) {
				if (c[(k - 1) * (ng + 1) + i] < 0)
					continue;
				d = (double)(width - (w[end[j]] - w[i]));
				d = c[(k - 1) * (ng + 1) + i] + d * d + pen[j] +
				    (lb_alone(p, i, j) ? LB_ALONE : 0);
				if (best < 0 || d <= best) {
					best = d;
					from[k * (ng + 1) + j] = i;
				}
			}
			c[k * (ng + 1) + j] = best;
		}
	if ((*cost = c[nl * (ng + 1) + ng]) >= 0) {
		brk[nl] = ng;
		for (k = nl; k > 0; k--)
			brk[k - 1] = from[k * (ng + 1) + brk[k]];
		rc = 0;
	}
	g_free(c);
	g_free(from);
	g_free(pen);
	return rc;
}

/*
 * Break a display line (a title, subtitle or heading) into lines of
 * width units: as few as first fit gives (one or two more if those
 * would leave one character alone), balanced, at phrase boundaries
 * where it can (between Chinese characters where it must), never at
 * a hyphenation point nor after a hyphen, never one character alone.
 * What cannot be so broken (a word wider than the line, a line
 * separator) is broken by first fit.  Lines are at x 0.
 */
void
ln_balance(struct ln_para *p, int width)
{
	int64_t		*w;
	int		*end, *brk, i, nl, m, ok, best = -1;
	double		 cost = -1, bestcost = 0;

	ln_break(p, width, 0, 1);
	m = p->nlines;
	if (m < 2)
		return;
	for (i = 1; i < p->ng; i++)
		if (p->g[i].flags & LN_HARD)
			return;
	w = g_new(int64_t, p->ng + 1);
	end = g_new(int, p->ng + 1);
	brk = g_new(int, m + LB_BAL_MORE + 1);
	w[0] = end[0] = 0;
	for (i = 0; i < p->ng; i++) {
		w[i + 1] = w[i] + p->g[i].adv;
		end[i + 1] = (p->g[i].flags & LN_SPACE) ? end[i] : i + 1;
	}
	/* The fewest lines with no character alone; if every count leaves
	 * one alone, the cheapest (set again: brk holds the last tried). */
	for (nl = m; nl <= m + LB_BAL_MORE; nl++)
		if (lb_balance_n(p, w, end, width, nl, brk, &cost) == 0 &&
		    (best < 0 || cost < bestcost)) {
			best = nl;
			bestcost = cost;
			if (cost < LB_ALONE)
				break;
		}
	if (best >= 0 && best != nl)
		ok = lb_balance_n(p, w, end, width, nl = best, brk, &cost);
	else
		ok = best >= 0 ? 0 : -1;
	if (ok == 0) {
		g_free(p->lines);
		p->lines = NULL;
		p->nlines = 0;
		for (i = 0; i < nl; i++)
			ln_line_add(p, brk[i], brk[i + 1], 0, i == 0, 0);
	}
	g_free(w);
	g_free(end);
	g_free(brk);
}
