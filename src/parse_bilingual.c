/*
 * The bilingual reader: a header block whose Chinese and English
 * lines are mapped by role, then a body where each run of lines in
 * one language is followed by the run that translates it.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"
#include "utf8.h"
#include "bitext.h"

/* A run: consecutive body lines of one language. */
struct bi_run {
	const struct dc_line**l;		/* the lines (pointers into input) */
	size_t		  n;		/* number of lines */
	int		  lang;		/* DC_LANG_ZH or DC_LANG_EN */
};

/* Size of a line for length-based alignment: characters for Chinese
 * (one Han is about one English word of ~3 bytes... measured as a
 * ratio over the whole text instead), bytes otherwise. */
static double
bi_size(const struct dc_line *l)
{
	return (double)(l->lang == DC_LANG_ZH ?
	    dc_u8_len(l->text, l->len) : (long)l->len) + 1.0;
}

/*
 * Cost of pairing na lines of run a (from i) with nb lines of run b
 * (from j), after Gale and Church: minus the log of the prior of the
 * step (1-1 common; in paragraph-interleaved texts a lost line, 1-0,
 * is likelier than a merge, 2-1) plus the squared normalised distance
 * of the lengths from the document's ratio.  Address lines
 * must pair with address lines.
 */
static double
bi_cost(const struct bi_run *a, size_t i, int na, const struct bi_run *b,
    size_t j, int nb, double ratio)
{
	double	 sa = 0, sb = 0, dl;
	int	 k, adra, adrb;

	if (na == 0 || nb == 0)
		return 4.6;
	for (k = 0; k < na; k++)
		sa += bi_size(a->l[i + k]);
	for (k = 0; k < nb; k++)
		sb += bi_size(b->l[j + k]);
	/* Lines a <br> split from one input line belong together, and
	 * with no other: a web post's pair is its line. */
	if (na + nb > 2) {
		int line = 0, split = 0;
		for (k = 0; k < na + nb; k++) {
			const struct dc_line *x = k < na ? a->l[i + k] :
			    b->l[j + k - na];
			split |= x->piece > 0;
			if (line == 0)
				line = x->lineno;
			else if (x->lineno != line)
				line = -1;
		}
		if (split && line < 0)
			return 50.0;	/* only if nothing else fits */
	}
	adra = na == 1 && dc_is_address(a->l[i]->text, a->lang);
	adrb = nb == 1 && dc_is_address(b->l[j]->text, b->lang);
	/* Gale and Church's normalised length difference: longer
	 * paragraphs must match their expected length more closely. */
	dl = (sb - sa * ratio) / sqrt(sa * ratio * 8.0);
	return dl * dl / 2.0 + (adra != adrb ? 3.0 : 0.0) +
	    (na + nb > 2 ? 3.5 : 0.1);
}

/* The runs' cost (bi_cost()) for the shared program. */
struct bi_gc {
	const struct bi_run	*a, *b;
	double			 ratio;
};

static double
bi_gc_cost(const void *arg, size_t i, int na, size_t j, int nb)
{
	const struct bi_gc	*g = arg;

	return bi_cost(g->a, i, na, g->b, j, nb, g->ratio);
}

/*
 * Align two runs of unequal length by the aligners' dynamic program
 * (dc_gc_align()) over steps 1-1, 1-0, 0-1, 2-1 and 1-2 (as Gale and
 * Church align sentences), over the whole table.  Returns the steps in
 * order (g_free()) and their number in *nsteps.
 */
static struct dc_gc_step *
bi_align(const struct bi_run *a, const struct bi_run *b, double ratio,
    size_t *nsteps)
{
	struct bi_gc	 arg = { .a = a, .b = b, .ratio = ratio };
	struct dc_gc	 g = { .na = a->n, .nb = b->n,
			    .w = a->n > b->n ? a->n : b->n,
			    .cost = bi_gc_cost, .arg = &arg };

	return dc_gc_align(&g, nsteps, NULL, NULL);
}

/* Add k lines of a run as the seg of its language in block blk. */
static void
bi_seg(struct dc_node *blk, const struct bi_run *r, size_t i, int k)
{
	char	*t;

	if (k == 0)
		return;
	t = dc_join_lines(r->l + i, (size_t)k, r->lang);
	dc_seg_add(blk, r->lang, t, r->l[i]->lineno, r->l[i]->col);
	g_free(t);
}

/* A block from a run with no partner: kept, with a warning. */
static void
bi_unpaired(struct dc_doc *d, const struct bi_run *r, size_t i)
{
	struct dc_node	*b;

	b = dc_block_add(d, DC_PARA);
	bi_seg(b, r, i, 1);
	if (r->lang == DC_LANG_ZH)
		dc_msg(DC_WARN_UNPAIRED_ZH, r->l[i]->lineno, 0, "a Chinese "
		    "line, kept alone");
	else
		dc_msg(DC_WARN_UNPAIRED_EN, r->l[i]->lineno, 0, "an English "
		    "line, kept alone");
}

/* Pair run a with its translation run b (b may be NULL). */
static void
bi_pair(struct dc_doc *d, const struct bi_run *a, const struct bi_run *b,
    double ratio)
{
	struct dc_gc_step *st;
	struct dc_node	*blk;
	size_t		 i, n, ia = 0, ib = 0;

	if (b == NULL) {
		for (i = 0; i < a->n; i++)
			bi_unpaired(d, a, i);
		return;
	}
	if (a->n == b->n) {
		for (i = 0; i < a->n; i++) {
			blk = dc_block_add(d, DC_PARA);
			bi_seg(blk, a, i, 1);
			bi_seg(blk, b, i, 1);
		}
		return;
	}
	if ((double)a->n * (double)b->n > 4e6) {
		/* Too large to align (the table is na x nb): pair in order
		 * and keep the rest alone, with a warning. */
		dc_msg(DC_WARN_RUN_LENGTH, a->l[0]->lineno, 0, "runs of %zu "
		    "and %zu lines too long to align; paired in order",
		    a->n, b->n);
		for (i = 0; i < a->n || i < b->n; i++) {
			if (i >= b->n) {
				bi_unpaired(d, a, i);
				continue;
			}
			if (i >= a->n) {
				bi_unpaired(d, b, i);
				continue;
			}
			blk = dc_block_add(d, DC_PARA);
			bi_seg(blk, a, i, 1);
			bi_seg(blk, b, i, 1);
		}
		return;
	}
	st = bi_align(a, b, ratio, &n);
	for (i = 0; i < n; i++) {
		if (st[i].a == 0) {
			bi_unpaired(d, b, ib);
		} else if (st[i].b == 0) {
			bi_unpaired(d, a, ia);
		} else {
			blk = dc_block_add(d, DC_PARA);
			bi_seg(blk, a, ia, st[i].a);
			bi_seg(blk, b, ib, st[i].b);
			if (st[i].a + st[i].b > 2)
				dc_msg(DC_WARN_RUN_LENGTH,
				    (st[i].a > 1 ? a : b)->l[st[i].a > 1 ?
				    ia : ib]->lineno, 0, "%d Chinese and %d "
				    "English lines joined into one block",
				    a->lang == DC_LANG_ZH ? st[i].a : st[i].b,
				    a->lang == DC_LANG_ZH ? st[i].b : st[i].a);
		}
		ia += st[i].a;
		ib += st[i].b;
	}
	g_free(st);
}

/* Cost of a bead of a runs a and b (of different languages), their
 * lines aligned within it as bi_pair() will align them. */
static double
bi_bead_cost(const struct bi_run *a, const struct bi_run *b, double ratio)
{
	const struct bi_run *zh = a->lang == DC_LANG_ZH ? a : b;
	const struct bi_run *en = a->lang == DC_LANG_ZH ? b : a;
	struct dc_gc_step *st;
	double		 c = 0, sa = 0, sb = 0, dl;
	size_t		 i, n, ia = 0, ib = 0;

	if (zh->n == en->n) {
		for (i = 0; i < zh->n; i++)
			c += bi_cost(zh, i, 1, en, i, 1, ratio);
		return c;
	}
	if (zh->n > 64 || en->n > 64) {
		/* Long runs: by their totals (bi_pair pairs them in
		 * order, or aligns them, on its own). */
		for (i = 0; i < zh->n; i++)
			sa += bi_size(zh->l[i]);
		for (i = 0; i < en->n; i++)
			sb += bi_size(en->l[i]);
		dl = (sb - sa * ratio) / sqrt(sa * ratio * 8.0);
		return dl * dl / 2.0 + 4.6 * (double)(zh->n > en->n ?
		    zh->n - en->n : en->n - zh->n);
	}
	st = bi_align(zh, en, ratio, &n);
	for (i = 0; i < n; i++) {
		c += bi_cost(zh, ia, st[i].a, en, ib, st[i].b, ratio);
		ia += (size_t)st[i].a;
		ib += (size_t)st[i].b;
	}
	g_free(st);
	return c;
}

/*
 * Pair the body's lines.  A bead is the rest of one run of a language
 * and the start of the next run, of the other language, aligned line
 * by line within it; a line may also stand alone.  Dynamic programming
 * over the lines picks the beads of least cost for the whole body, so
 * that the pairs go either way round (a text whose salutations come
 * Chinese first and whose paragraphs English first pairs both right),
 * and a line that fits no other (an introduction in one language, a
 * source line) stays alone without shifting the pairs after it.
 */
static void
bi_beads(struct dc_doc *d, const struct dc_line **l, const int *lang,
    size_t n, double ratio)
{
	struct bi_run	 a, b;
	size_t		*end, *take, *start, i, j, e, q, qmax, k, m;
	double		*best, c;

	end = g_new(size_t, n + 1);
	take = g_new0(size_t, n + 1);
	best = g_new(double, n + 1);
	for (i = n; i-- > 0; )
		end[i] = i + 1 < n && lang[i + 1] == lang[i] ? end[i + 1] :
		    i + 1;
	for (i = 0; i <= n; i++)
		best[i] = i == 0 ? 0 : HUGE_VAL;
	for (i = 0; i < n; i++) {
		if (best[i] == HUGE_VAL)
			continue;
		/* Alone: as bi_cost()'s lost line, and a little more. */
		if (best[i] + 6.6 < best[i + 1]) {
			best[i + 1] = best[i] + 6.6;
			take[i + 1] = 0;
		}
		if ((e = end[i]) >= n)
			continue;
		a.l = &l[i];
		a.n = e - i;
		a.lang = lang[i];
		qmax = end[e] - e;
		for (q = a.n > 64 || qmax > 64 ? qmax : 1; q <= qmax; q++) {
			b.l = &l[e];
			b.n = q;
			b.lang = lang[e];
			c = best[i] + bi_bead_cost(&a, &b, ratio);
			if (c < best[e + q]) {
				best[e + q] = c;
				take[e + q] = e + q - i;
			}
		}
	}
	/* Walk back: take[j] lines end at j as one bead (0: one alone);
	 * start[] gets the beads' first lines, last bead first. */
	start = g_new(size_t, n + 1);
	for (i = n, m = 0; i > 0; i -= k) {
		k = take[i] > 0 ? take[i] : 1;
		start[m++] = i - k;
	}
	while (m-- > 0) {
		i = start[m];
		j = m > 0 ? start[m - 1] : n;
		a.l = &l[i];
		a.lang = lang[i];
		if (j - i == 1) {
			a.n = 1;
			bi_pair(d, &a, NULL, ratio);
			continue;
		}
		e = end[i];
		a.n = e - i;
		b.l = &l[e];
		b.n = j - e;
		b.lang = lang[e];
		if (a.lang == DC_LANG_ZH)
			bi_pair(d, &a, &b, ratio);
		else
			bi_pair(d, &b, &a, ratio);
	}
	g_free(start);
	g_free(end);
	g_free(take);
	g_free(best);
}

/*
 * A heading the markup marks ("## …", <h3>), with its translation if
 * the next line is the same level's in the other language: one
 * heading block, at level lv.  Returns the lines it takes.
 */
static size_t
bi_heading(struct dc_doc *d, const struct dc_line **l, const int *lang,
    size_t n, int lv)
{
	struct dc_node	*b;
	size_t		 k = 1;

	b = dc_block_add(d, DC_HEADING);
	b->level = lv > 3 ? 3 : lv;
	dc_seg_add(b, lang[0], l[0]->text, l[0]->lineno, l[0]->col);
	if (n > 1 && l[1]->heading == l[0]->heading && lang[1] != lang[0]) {
		dc_seg_add(b, lang[1], l[1]->text, l[1]->lineno, l[1]->col);
		k = 2;
	}
	return k;
}

/*
 * Does a line open with a label and its translation in brackets, then
 * end or go on after a colon ("Back to contents（返回目录）", "Previous
 * Item（上一条目）：…", "目录（Contents）")?  Such a line is in both
 * languages at once: a pair by itself, no partner of another line.
 */
static int
bi_both(const struct dc_line *l)
{
	const char	*open, *close, *after;
	char		*a, *b;
	int		 la, lb;

	if ((open = strstr(l->text, "（")) == NULL || open == l->text ||
	    (close = strstr(open, "）")) == NULL)
		return 0;
	after = close + strlen("）");
	if (*after != '\0' && strncmp(after, "：", strlen("：")) != 0 &&
	    *after != ':')
		return 0;
	a = g_strndup(l->text, (gsize)(open - l->text));
	b = g_strndup(open + strlen("（"), (gsize)(close - open -
	    (ptrdiff_t)strlen("（")));
	la = dc_text_lang(a, strlen(a));
	lb = dc_text_lang(b, strlen(b));
	/* The label is one language's alone, no sentence. */
	if ((la == DC_LANG_EN && (strpbrk(a, ".!?") != NULL || g_utf8_strlen(
	    a, -1) > 60)) || (la == DC_LANG_ZH && (strstr(a, "。") != NULL ||
	    g_utf8_strlen(a, -1) > 30)))
		la = -1;
	g_free(a);
	g_free(b);
	return la >= 0 && lb >= 0 && la != lb;
}

/*
 * Is s an English term as vocabulary lists write it: one to six words,
 * lower case (but its first letter), or any case with its pronunciation
 * ("[ˈstrɪkən]", "/…/"), no sentence?  A title ("The Lantern Festival") or a label
 * in title case is none.
 */
static int
bi_term(const char *s)
{
	const char	*p;
	int		 words = 1, depth = 0, ipa = 0, upper = 0;

	for (p = s; *p != '\0'; p++) {
		if (*p == '[' || (*p == '/' && !depth)) {
			depth = 1;
			ipa = 1;
			continue;
		}
		if (*p == ']' || (*p == '/' && depth)) {
			depth = 0;
			continue;
		}
		if (depth)
			continue;
		if (strchr(".!?:", *p) != NULL && (p[1] == ' ' ||
		    p[1] == '\0'))
			return 0;
		/* A capital opening the term is the sentence's. */
		upper += p > s && g_ascii_isupper(*p) != 0;
		words += *p == ' ' && p[1] != ' ' && p[1] != '[' &&
		    p[1] != '/' && p[1] != '\0';
	}
	return words <= 6 && (ipa || upper == 0);
}

/* Has s a Latin letter? */
static int
bi_has_latin(const char *s)
{
	for (; *s != '\0'; s++)
		if (g_ascii_isalpha(*s))
			return 1;
	return 0;
}

/*
 * A vocabulary gloss at line i: a term in English, a few words (with
 * its pronunciation, a part of speech), and its meaning in Chinese,
 * on one input line ("stricken[ˈstrɪkən] 受煎熬的；患病的", "chart a
 * new course 开辟新道路"), which dc_input_pairs() may have split in
 * two.  Learners' notes put such lines between a paragraph and its
 * translation; they are no line of the pair.  Returns the lines it
 * takes, 0 if none.
 */
static size_t
bi_gloss_at(const struct dc_line **l, size_t n, size_t i)
{
	const struct dc_line *zh;
	char		*t, *p;
	int		 ok;

	if (l[i]->piece == 0) {
		/* Unsplit: the term up to the first Chinese. */
		if (l[i]->lang < 0 || dc_u8_count(l[i]->text, 100) > 100 ||
		    !g_ascii_isalpha(l[i]->text[0]))
			return 0;
		t = g_strdup(l[i]->text);
		for (p = t; *p != '\0' && dc_char_script_lang(
		    g_utf8_get_char(p)) != DC_LANG_ZH; p = g_utf8_next_char(p))
			;
		/* The meaning is Chinese words: Latin letters after
		 * them make a sentence that opens with a name
		 * ("Churchill 只有一个:Churchill"), a translation. */
		ok = *p != '\0' && strpbrk(p, "!?") == NULL &&
		    strstr(p, "。") == NULL && g_utf8_strlen(p, -1) <= 40 &&
		    !bi_has_latin(p);
		*p = '\0';
		ok = ok && bi_term(g_strstrip(t));
		g_free(t);
		return ok ? 1 : 0;
	}
	if (l[i]->piece != 1 || i + 1 >= n || l[i + 1]->piece != 2 ||
	    l[i + 1]->lineno != l[i]->lineno || l[i]->lang != DC_LANG_EN ||
	    l[i + 1]->lang != DC_LANG_ZH)
		return 0;
	zh = l[i + 1];
	if (g_utf8_strlen(zh->text, -1) > 40 || strstr(zh->text, "。") !=
	    NULL || strstr(zh->text, "！") != NULL || strstr(zh->text, "？") !=
	    NULL)
		return 0;
	return bi_term(l[i]->text) ? 2 : 0;
}

/*
 * Pair the lines of a stretch with no heading, code or line in both
 * languages in it: the glosses among them (bi_gloss_at()) stand aside,
 * each a note of its own (no paragraph, no heading) after the block
 * that holds the line before it; the rest is paired (bi_beads()).
 */
static void
bi_stretch(struct dc_doc *d, const struct dc_line **l, const int *lang,
    size_t n, double ratio)
{
	const struct dc_line **fl;
	struct dc_node	*last = d->root->last, *b, *c, *at, *s, *tail = NULL;
	struct dc_node	**blk;
	int		*flang, *anchor, *sm;
	size_t		 i, j, k = 0, g, *glen, m, nb;
	ptrdiff_t	 kk = -1, tailk = -1;
	char		*t;

	glen = g_new0(size_t, n + 1);
	for (i = 0, g = 0; i < n; i += glen[i] > 0 ? glen[i] : 1)
		g += (glen[i] = bi_gloss_at(l, n, i)) > 0;
	if (g == 0) {
		g_free(glen);
		bi_beads(d, l, lang, n, ratio);
		return;
	}
	fl = g_new(const struct dc_line *, n + 1);
	flang = g_new(int, n + 1);
	anchor = g_new(int, n + 1);
	for (i = 0; i < n; ) {
		anchor[i] = k > 0 ? fl[k - 1]->lineno : 0;
		if (glen[i] > 0) {
			i += glen[i];
			continue;
		}
		fl[k] = l[i];
		flang[k++] = lang[i];
		i++;
	}
	bi_beads(d, fl, flang, k, ratio);
	/*
	 * Each run of glosses after the block holding its anchor line
	 * (the last new block or note with a line at or before it).
	 * Anchors only grow, so that block is found by a pointer that
	 * only moves on over the new blocks (sm[]: the least line of
	 * each block and those after it); every note placed before has
	 * lines at or before any later anchor, and the last of them
	 * stands after block tailk.  Looking through every block for
	 * each run was quadratic: 12,000 glossed paragraphs took 33 s.
	 */
	for (nb = 0, c = last != NULL ? last->next : d->root->child; c != NULL;
	    c = c->next)
		nb++;
	blk = g_new(struct dc_node *, nb + 1);
	sm = g_new(int, nb + 1);
	for (m = 0, c = last != NULL ? last->next : d->root->child; c != NULL;
	    c = c->next)
		blk[m++] = c;
	sm[nb] = INT_MAX;
	for (m = nb; m-- > 0; ) {
		sm[m] = sm[m + 1];
		for (s = blk[m]->child; s != NULL; s = s->next)
			if (s->line < sm[m])
				sm[m] = s->line;
	}
	for (i = 0; i < n; ) {
		if (glen[i] == 0) {
			i++;
			continue;
		}
		at = NULL;
		if (anchor[i] > 0) {
			while ((size_t)(kk + 1) < nb && sm[kk + 1] <=
			    anchor[i])
				kk++;
			if (tail != NULL && tailk >= kk)
				at = tail;
			else if (kk >= 0) {
				at = blk[kk];
				tailk = kk;
			}
		}
		for (j = i; j < n && glen[j] > 0; j += glen[j]) {
			t = glen[j] == 1 ? g_strdup(l[j]->text) :
			    g_strconcat(l[j]->text, " ", l[j + 1]->text, NULL);
			b = dc_node_new(DC_NOTE, 0, NULL, l[j]->lineno,
			    l[j]->col);
			dc_seg_add(b, lang[j], t, l[j]->lineno, l[j]->col);
			g_free(t);
			if (at != NULL && at->next != NULL)
				dc_node_insert_before(at->next, b);
			else if (at == NULL && (c = last != NULL ? last->next :
			    d->root->child) != NULL && c != b)
				dc_node_insert_before(c, b);
			else
				dc_node_append(d->root, b);
			at = b;
		}
		tail = at;
		i = j;
	}
	g_free(blk);
	g_free(sm);
	g_free(fl);
	g_free(flang);
	g_free(anchor);
	g_free(glen);
}

/*
 * The body: the headings its markup marks stand as headings, its code
 * blocks and its lines in both languages (bi_both()) as blocks, in the
 * order of the text (none is a line of a pair, and no pair spans one);
 * the lines between them are paired (bi_beads()).
 */
static void
bi_body(struct dc_doc *d, const struct dc_line **l, const int *lang,
    size_t n, double ratio)
{
	struct dc_node	*b;
	size_t		 i, j;
	char		*t;
	int		 top = 0;

	for (i = 0; i < n; i++)
		if (l[i]->heading > 0 && (top == 0 || l[i]->heading < top))
			top = l[i]->heading;
	for (i = 0; i < n; ) {
		if (l[i]->heading > 0) {
			i += bi_heading(d, l + i, lang + i, n - i,
			    l[i]->heading - top + 1);
			continue;
		}
		if (l[i]->literal) {
			/* A code block: one block of its own, in no
			 * pair (its words are no translation). */
			for (j = i; j < n && l[j]->literal; j++)
				;
			b = dc_block_add(d, DC_PARA);
			t = dc_join_lines(l + i, j - i, DC_LANG_EN);
			dc_seg_add(b, lang[i], t, l[i]->lineno, l[i]->col);
			g_free(t);
			i = j;
			continue;
		}
		if (l[i]->heading == -1) {
			/* An image's text: its caption, in no pair. */
			b = dc_block_add(d, DC_CAPTION);
			b->sub = DC_SUB_CAPTION;
			dc_seg_add(b, lang[i], l[i]->text, l[i]->lineno,
			    l[i]->col);
			i++;
			continue;
		}
		if (bi_both(l[i])) {
			b = dc_block_add(d, DC_PARA);
			dc_seg_add(b, lang[i], l[i]->text, l[i]->lineno,
			    l[i]->col);
			i++;
			continue;
		}
		/* (An item's line, heading -2, pairs as any line.) */
		for (j = i; j < n && (l[j]->heading == 0 ||
		    l[j]->heading == -2) && !l[j]->literal &&
		    !bi_both(l[j]); j++)
			;
		bi_stretch(d, l + i, lang + i, j - i, ratio);
		i = j;
	}
}

struct dc_doc *
dc_parse_bilingual(const struct dc_input *in, const struct dc_opts *o)
{
	struct dc_doc	*d = dc_doc_new();
	const struct dc_line**l;
	size_t		  i, n = 0, h, start;
	double		  zh = 0, en = 0, ratio;
	int		  lang, *langs;

	start = dc_frontmatter(d, in->lines, in->nlines);
	l = g_new(const struct dc_line *, in->nlines + 1);
	for (i = start; i < in->nlines; i++)
		if (!in->lines[i].blank)
			l[n++] = &in->lines[i];
	h = dc_header_end(l, n, o);
	/* Glosses annotate the body: no header holds one, and the line
	 * before the first is the body's. */
	for (i = 0; i < h; i++)
		if (bi_gloss_at(l, n, i) > 0) {
			h = i > 0 ? i - 1 : 0;
			break;
		}
	dc_header_lines(d, l, h);

	/* Each line's language; a neutral one (a number, a symbol) has
	 * that of the line before it, or after it at the start. */
	langs = g_new(int, n - h + 1);
	for (i = h, lang = -1; i < n; i++)
		if ((lang = l[i]->lang) >= 0)
			break;
	if (lang < 0)
		lang = DC_LANG_ZH;
	for (i = h; i < n; i++) {
		if (l[i]->lang >= 0)
			lang = l[i]->lang;
		langs[i - h] = lang;
		if (lang == DC_LANG_ZH)
			zh += bi_size(l[i]);
		else
			en += bi_size(l[i]);
	}
	/* English size per Chinese size, over the whole body. */
	ratio = zh > 0 && en > 0 ? en / zh : 3.0;
	bi_body(d, l + h, langs, n - h, ratio);
	g_free(langs);
	g_free(l);
	dc_body_roles(d, o);
	return d;
}
