/*
 * Two-file input (--translation): read an original and its
 * translation, each in its own dialect, and align them into the one
 * parallel model an interleaved bilingual file gives.  Header lines
 * pair by role; the body's paragraphs are aligned as bitext aligners
 * align them (Gale and Church 1993: dynamic programming over beads of
 * 1-1, 1-0, 0-1, 2-1 and 1-2 paragraphs, costed by how far their
 * lengths are from the document's ratio), helped by anchors both
 * sides share: numbers, enumerators (第一 / First), Latin names,
 * quotations, numbers of sentences, and the roles of salutations,
 * vocatives and headings; a translator's note costs little alone.
 * The sentences of a paragraph pair are paired alike in sent.c
 * (dc_sent_align(), for the TMX's sentence units).
 */
#include "config.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"
#include "bitext.h"

/* What a body paragraph brings to the alignment. */
struct al_unit {
	struct dc_node	*blk;		/* the block (owned by its doc) */
	double		 size;		/* length in its language's units */
	int		 line;		/* first input line */
	int		 ordinal;	/* enumerator's number, 0 if none */
	int		 role;		/* al_role() class */
	int		 nsent;		/* sentences (al_sent_ends()) */
	int		 note;		/* opens as a translator's note */
	int		 quote;		/* holds a quotation */
	int		 zh;		/* in Chinese */
	GHashTable	*nums;		/* numbers written in digits, or
					   NULL if none */
	GHashTable	*words;		/* Latin words of three letters or
					   more, lower case (in Chinese:
					   names), or NULL if none */
};

/* One side: its document and body paragraphs. */
struct al_side {
	struct dc_doc	*d;		/* the parsed file, owned */
	const char	*name;		/* as given */
	enum dc_lang	 lang;		/* its language */
	struct al_unit	*u;		/* its body paragraphs */
	size_t		 n;		/* their number */
};

/*
 * Costs of the beads: minus the log of their priors, after Gale and
 * Church's counts (1-1 89%, 2-1 and 1-2 9%), but with omissions and
 * additions likelier than the 1% of their sentences: a translator
 * leaves out a paragraph or adds a note about as often as she merges
 * two.
 */
#define AL_PRIOR_11	0.1
#define AL_PRIOR_21	2.4
#define AL_PRIOR_10	4.0

/* A 0-1 bead of a translator's note, and a note in a larger bead. */
#define AL_PRIOR_NOTE	0.5
#define AL_NOTE_IN	4.0

/* Weight of the difference in numbers of sentences. */
#define AL_SENT		1.5

/* Scores of a 1-1 bead that is doubtful alone, and of each bead of a
 * doubtful run of at least AL_RUN (al_runs()). */
#define AL_UNSURE	3.0
#define AL_FALLING	0.6
#define AL_RUN		3

/* An alignment elsewhere in a row of the table that costs less than
 * this more makes the steps there doubtful (dc_gc_align()). */
#define AL_MARGIN	2.0
#define AL_MARGIN_JOIN	0.5

/* Numbers on both sides and none the same. */
#define AL_NUM_AGAINST	1.0

/* A paragraph left alone whose numbers the other side's paragraph
 * beside it writes (al_alone_nums()). */
#define AL_NUM_ALONE	4.0

/* Past this size (rows x the band's columns) the table is not built:
 * the sides are paired in order, with a warning. */
#define AL_MAX_CELLS	4e6

/* Role classes for anchoring: paragraphs of a role pair with their
 * like. */
enum { AL_ROLE_TEXT = 0, AL_ROLE_ADDRESS, AL_ROLE_HEADING, AL_ROLE_END };

static int
al_role(enum dc_type t)
{
	switch (t) {
	case DC_SALUTATION:
	case DC_VOCATIVE:
		return AL_ROLE_ADDRESS;
	case DC_HEADING:
		return AL_ROLE_HEADING;
	case DC_CLOSING:
	case DC_SIGNOFF:
		return AL_ROLE_END;
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
	case DC_NOTE:
	case DC_PARA:
	case DC_TURN:
	case DC_CAPTION:
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
	case DC_TYPE__MAX:
		return AL_ROLE_TEXT;
	}
	abort();
}

/*
 * The number an enumerator says: "第一", "一是", "（三）", "2.", "First",
 * "Secondly", "Finally" (as 99: the last one of either side).  0 if
 * it says none.
 */
static int
al_ordinal(const char *s, size_t len)
{
	static const char *const en[] = { "first", "second", "third",
	    "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	    "tenth" };
	static const char zh[] = "一二三四五六七八九十";
	const char	*p, *end = s + len, *q;
	gunichar	 c;
	size_t		 i;
	int		 v = 0;

	if (len == 0)
		return 0;
	for (i = 0; i < G_N_ELEMENTS(en); i++)
		if (len >= strlen(en[i]) &&
		    g_ascii_strncasecmp(s, en[i], strlen(en[i])) == 0)
			return (int)i + 1;
	if (len >= 5 && (g_ascii_strncasecmp(s, "final", 5) == 0 ||
	    g_ascii_strncasecmp(s, "last", 4) == 0))
		return 99;
	if (g_str_has_prefix(s, "最后"))
		return 99;
	for (p = s; p < end; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c >= '0' && c <= '9') {
			v = v * 10 + (int)(c - '0');
			if (v > 1000)
				return 0;
			continue;
		}
		for (i = 0, q = zh; *q != '\0'; q = g_utf8_next_char(q), i++)
			if (g_utf8_get_char(q) == c)
				break;
		if (*q != '\0') {
			/* 十 is ten, or tens (二十), or ten and (十二). */
			if (i == 9)
				v = v == 0 ? 10 : v * 10;
			else
				v = v >= 10 && v % 10 == 0 ? v + (int)i + 1 :
				    v * 10 + (int)i + 1;
			continue;
		}
		if (v > 0)
			break;
	}
	return v;
}

/* Bytes of a heading's first characters, where its number stands:
 * four characters ("第十二章"), or the first two words ("Part 12"). */
static size_t
al_head_len(const char *s)
{
	const char	*p = s;
	int		 k, sp = 0;

	for (k = 0; *p != '\0' && k < 12; k++) {
		if (*p == ' ' && ++sp == 2)
			break;
		if ((unsigned char)*p >= 0x80 && k >= 4)
			break;
		p = g_utf8_next_char(p);
	}
	return (size_t)(p - s);
}

/* The number of sentences of a text (dc_sentences()). */
static int
al_sent_count(const char *s, enum dc_lang l)
{
	char	**v = dc_sentences(s, l);
	int	  n = (int)g_strv_length(v);

	g_strfreev(v);
	return n > 0 ? n : 1;
}

/* Latin words of three letters or more in a text, lower case, or
 * NULL if none (g_hash_table_destroy()). */
static GHashTable *
al_words(const char *s)
{
	GHashTable	*h = NULL;
	const char	*p, *q;

	for (p = s; *p != '\0'; p = q) {
		for (q = p; g_ascii_isalpha(*q); q++)
			;
		if (q - p >= 3) {
			if (h == NULL)
				h = g_hash_table_new_full(g_str_hash,
				    g_str_equal, g_free, NULL);
			g_hash_table_add(h, g_ascii_strdown(p, q - p));
		}
		if (q == p)
			q++;
	}
	return h;
}

/*
 * Does a text open as a translator's note ("Translator's note:",
 * "[TN:", "译者注：", "（译注")?
 */
static int
al_is_note(const char *s)
{
	static const char *const pre[] = { "translator's note",
	    "translator\u2019s note", "translators' note",
	    "note from the translator", "tn:", "t/n", "译者注", "译注",
	    "译者按", "译者的话", "编译者注" };
	size_t	 i;

	while (*s == '[' || *s == '(' || *s == '*' || *s == ' ' ||
	    g_str_has_prefix(s, "\uff08") || g_str_has_prefix(s, "\u3010"))
		s = g_utf8_next_char(s);
	for (i = 0; i < G_N_ELEMENTS(pre); i++)
		if (g_ascii_strncasecmp(s, pre[i], strlen(pre[i])) == 0)
			return 1;
	return 0;
}

/* Does a text hold a quotation (a pair of quotation marks)? */
static int
al_has_quote(const char *s)
{
	const char	*o;

	if ((o = strstr(s, "\u201c")) != NULL && strstr(o, "\u201d") != NULL)
		return 1;
	if ((o = strstr(s, "\u300c")) != NULL && strstr(o, "\u300d") != NULL)
		return 1;
	return (o = strchr(s, '"')) != NULL && strchr(o + 1, '"') != NULL;
}

/* Fill in a side's body paragraphs. */
static void
al_units(struct al_side *s)
{
	struct dc_node	*n, *g;
	struct al_unit	*u;
	GString		*all;
	size_t		 k = 0;

	for (n = s->d->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type))
			k++;
	s->u = g_new0(struct al_unit, k + 1);
	for (n = s->d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_block(n->type))
			continue;
		u = &s->u[s->n++];
		u->blk = n;
		u->line = n->line;
		u->role = al_role(n->type);
		all = g_string_new(NULL);
		for (g = n->child; g != NULL; g = g->next) {
			u->size += dc_text_size(g->text, g->lang);
			if (u->ordinal == 0 && g->enum_len > 0)
				u->ordinal = al_ordinal(g->text, g->enum_len);
			/* A heading's number: "第三章", "Chapter 3". */
			if (u->ordinal == 0 && n->type == DC_HEADING)
				u->ordinal = al_ordinal(g->text,
				    al_head_len(g->text));
			if (u->line == 0)
				u->line = g->line;
			g_string_append(all, g->text);
		}
		u->size += 1.0;
		u->zh = s->lang == DC_LANG_ZH;
		u->nsent = al_sent_count(all->str, s->lang);
		u->note = al_is_note(all->str);
		u->quote = al_has_quote(all->str);
		u->nums = dc_text_numbers(all->str);
		u->words = al_words(all->str);
		g_string_free(all, TRUE);
	}
}

/*
 * The Latin words (names) of Chinese paragraph z found in English
 * paragraph e: their number, -1 if z has some and e none of them, 0
 * if z has none.
 */
static int
al_names(const struct al_unit *z, const struct al_unit *e)
{
	GHashTableIter	 it;
	gpointer	 k;
	int		 n = 0;

	if (z->words == NULL)
		return 0;
	if (e->words == NULL)
		return -1;
	g_hash_table_iter_init(&it, z->words);
	while (g_hash_table_iter_next(&it, &k, NULL))
		if (g_hash_table_contains(e->words, k))
			n++;
	return n > 0 ? n : -1;
}

/* al_names() of x and y, whichever is Chinese. */
static int
al_names2(const struct al_unit *x, const struct al_unit *y)
{
	return x->zh ? al_names(x, y) : al_names(y, x);
}

/*
 * What the anchors of paragraph x of the original and y of the
 * translation say about pairing them: negative if they agree, positive
 * if they disagree, 0 if they say nothing.
 */
static double
al_anchor(const struct al_unit *x, const struct al_unit *y)
{
	GHashTableIter	 it;
	gpointer	 k;
	double		 c = 0;
	int		 shared = 0;

	if (x->ordinal > 0 && y->ordinal > 0)
		c += x->ordinal == y->ordinal ? -2.0 : 3.0;
	else if (x->ordinal > 0 || y->ordinal > 0)
		c += 1.0;
	if (x->role != AL_ROLE_TEXT && x->role == y->role)
		c -= 1.0;
	else if (x->role != y->role)
		c += 1.0;
	if (x->nums != NULL && y->nums != NULL) {
		g_hash_table_iter_init(&it, x->nums);
		while (g_hash_table_iter_next(&it, &k, NULL))
			if (g_hash_table_contains(y->nums, k))
				shared++;
		/* Each number both write is evidence (up to three);
		 * numbers that none of the other's match, against, but
		 * less: a translator writes a number otherwise (in
		 * words, in other units) more often than a wrong pair
		 * has numbers on both sides. */
		c += shared > 0 ? -(double)MIN(shared, 3) : AL_NUM_AGAINST;
	}
	shared = al_names2(x, y);
	c += shared > 0 ? -(double)MIN(shared, 2) : shared < 0 ? 1.0 : 0;
	if (x->quote && y->quote)
		c -= 0.3;
	else if (x->quote != y->quote)
		c += 0.3;
	return c;
}

/*
 * Cost of tz Chinese sentences translated by te English ones (or the
 * other way round): a sentence is mostly translated by one, and a
 * long Chinese sentence of many clauses often by two; fewer English
 * sentences than Chinese, or more than twice as many, count against.
 */
static double
al_cost_sent(int tz, int te)
{
	int	 d;

	d = te < tz ? tz - te : te > 2 * tz ? te - 2 * tz : 0;
	return AL_SENT * (double)d / sqrt((double)MAX(tz, te));
}

/*
 * Cost of a paragraph u alone (a 1-0 bead if orig, else 0-1): an
 * omission or an addition, likelier for a translator's note.
 */
static double
al_cost_alone(const struct al_unit *u, int orig)
{
	if (!orig && u->note)
		return AL_PRIOR_NOTE;
	return AL_PRIOR_10;
}

/* Is number k in paragraph x of side s?  None if x is out of it
 * (the index before the first wraps round to beyond the last). */
static int
al_has_num(const struct al_side *s, size_t x, gconstpointer k)
{
	return x < s->n && s->u[x].nums != NULL &&
	    g_hash_table_contains(s->u[x].nums, k);
}

/*
 * Paragraph i of side s left alone where the other side o is at its
 * paragraph j: a number of it written in o's paragraph before or after
 * (j - 1, j) says it is translated there, merged into a neighbour, not
 * left out, unless its own neighbours write that number too (a year
 * the whole text repeats says nothing).
 */
static double
al_alone_nums(const struct al_side *s, size_t i, const struct al_side *o,
    size_t j)
{
	GHashTableIter	 it;
	gpointer	 k;

	if (s->u[i].nums == NULL)
		return 0;
	g_hash_table_iter_init(&it, s->u[i].nums);
	while (g_hash_table_iter_next(&it, &k, NULL))
		if ((al_has_num(o, j - 1, k) || al_has_num(o, j, k)) &&
		    !al_has_num(s, i - 1, k) && !al_has_num(s, i + 1, k))
			return AL_NUM_ALONE;
	return 0;
}

/*
 * Cost of a bead of na paragraphs of a from i and nb of b from j.
 */
static double
al_cost(const struct al_side *a, size_t i, int na, const struct al_side *b,
    size_t j, int nb, double ratio)
{
	double	 sa = 0, sb = 0, dl, c = 0;
	int	 k, ta = 0, tb = 0;

	if (na == 0 || nb == 0)
		return al_cost_alone(na > 0 ? &a->u[i] : &b->u[j], na > 0) +
		    (na > 0 ? al_alone_nums(a, i, b, j) :
		    al_alone_nums(b, j, a, i));
	for (k = 0; k < na; k++) {
		sa += a->u[i + k].size;
		ta += a->u[i + k].nsent;
	}
	for (k = 0; k < nb; k++) {
		sb += b->u[j + k].size;
		tb += b->u[j + k].nsent;
		/* A translator's note is a paragraph of its own. */
		if (b->u[j + k].note)
			c += AL_NOTE_IN;
	}
	dl = dc_gc_delta(sa, sb, ratio);
	c += dl * dl / 2.0 + (na + nb > 2 ? AL_PRIOR_21 : AL_PRIOR_11);
	c += al_cost_sent(a->u[i].zh ? ta : tb, a->u[i].zh ? tb : ta);
	/* Anchors count for the first paragraphs of a bead (an
	 * enumerator opens its paragraph); a second paragraph with an
	 * anchor of its own would rather be paired alone. */
	c += al_anchor(&a->u[i], &b->u[j]);
	if (na > 1 && (a->u[i + 1].ordinal > 0 ||
	    a->u[i + 1].role != AL_ROLE_TEXT))
		c += 2.0;
	if (nb > 1 && (b->u[j + 1].ordinal > 0 ||
	    b->u[j + 1].role != AL_ROLE_TEXT))
		c += 2.0;
	/* Numbers in digits and names come through translation: a
	 * second paragraph whose numbers or names the other side lacks
	 * is not part of what it translates.  Only a Chinese paragraph's
	 * Latin words are names: an English second paragraph lacking
	 * the other's names says nothing, they may be in the first. */
	if (na > 1 && (!dc_numbers_share(a->u[i + 1].nums, b->u[j].nums) ||
	    (a->u[i + 1].zh && al_names(&a->u[i + 1], &b->u[j]) < 0)))
		c += 3.0;
	if (nb > 1 && (!dc_numbers_share(b->u[j + 1].nums, a->u[i].nums) ||
	    (b->u[j + 1].zh && al_names(&b->u[j + 1], &a->u[i]) < 0)))
		c += 3.0;
	return c;
}

/*
 * The band's half width for a and b: the difference in their numbers
 * of paragraphs and room to go round beads that are not 1-1.  0 if
 * even the band is too large a table (AL_MAX_CELLS).
 */
static size_t
al_band_width(size_t na, size_t nb)
{
	size_t	 w = (na > nb ? na - nb : nb - na) + 64;

	if (w > (na > nb ? na : nb))
		w = na > nb ? na : nb;
	if ((double)(na + 1) * (double)(2 * w + 1) > AL_MAX_CELLS)
		return 0;
	return w;
}

/* The paragraph pair's cost (al_cost()) for the shared program. */
struct al_gc {
	const struct al_side	*a, *b;
	double			 ratio;
};

static double
al_gc_cost(const void *arg, size_t i, int na, size_t j, int nb)
{
	const struct al_gc	*g = arg;

	return al_cost(g->a, i, na, g->b, j, nb, g->ratio);
}

/*
 * Align the paragraphs of a and b within a band of half width w
 * (al_band_width()) by the program the aligners share (dc_gc_align()).
 * Returns the steps in order (g_free()), their number in *nsteps,
 * their costs in *costs and whether each is doubtful (another path
 * through its row costs less than AL_MARGIN more) in *doubt (both
 * g_free()).
 */
static struct dc_gc_step *
al_dp(const struct al_side *a, const struct al_side *b, double ratio,
    size_t w, size_t *nsteps, double **costs, int **doubt)
{
	struct al_gc	 arg = { .a = a, .b = b, .ratio = ratio };
	struct dc_gc	 g = { .na = a->n, .nb = b->n, .w = w,
			    .cost = al_gc_cost, .arg = &arg,
			    .margin = AL_MARGIN };

	return dc_gc_align(&g, nsteps, costs, doubt);
}

/*
 * Move the segs of block src into block dst (src is freed).  A seg of
 * a language dst already has is appended to it: its text, and its
 * tokens if both have tokens (else the tokens of both are given up,
 * never the text: they must join to the text).
 */
static void
al_blk_take(struct dc_node *dst, struct dc_node *src, GArray **cuts)
{
	struct dc_node	*s, *next, *have, *t, *tn, *at;
	char		*txt;
	size_t		 off;

	for (s = src->child; s != NULL; s = next) {
		next = s->next;
		dc_node_unlink(s);
		if ((have = dc_node_seg(dst, s->lang)) == NULL) {
			for (at = dst->child; at != NULL; at = at->next)
				if (at->lang > s->lang)
					break;
			if (at == NULL)
				dc_node_append(dst, s);
			else
				dc_node_insert_before(at, s);
			continue;
		}
		if (have->child != NULL && s->child != NULL) {
			for (t = s->child; t != NULL; t = tn) {
				tn = t->next;
				dc_node_unlink(t);
				dc_node_append(have, t);
			}
			txt = dc_tokens_join(have);
			/* Tokens join as they will: no offset kept. */
			if (cuts[s->lang] != NULL)
				g_array_set_size(cuts[s->lang], 0);
			cuts[s->lang] = NULL;
		} else {
			while (have->child != NULL) {
				t = have->child;
				dc_node_unlink(t);
				dc_node_free(t);
			}
			txt = g_strconcat(have->text, s->lang == DC_LANG_EN ?
			    " " : "", s->text, NULL);
			off = strlen(txt) - strlen(s->text);
			if (cuts[s->lang] != NULL && off > 0)
				g_array_append_val(cuts[s->lang], off);
		}
		g_free(have->text);
		have->text = txt;
		dc_node_free(s);
	}
	dc_node_unlink(src);
	dc_node_free(src);
}

/* "name:12, 14" or "name: none" for a message; g_free(). */
static char *
al_where(const char *name, const int *l, int n)
{
	GString	*b = g_string_new(name);
	int	 i;

	for (i = 0; i < n; i++)
		g_string_append_printf(b, "%s%d", i == 0 ? ":" : ",", l[i]);
	return g_string_free(b, FALSE);
}

/* Add a bead to the alignment. */
static struct dc_bead *
al_bead(GArray *beads, enum dc_type t, const int *la, int na,
    const int *lb, int nb, double score)
{
	struct dc_bead	 e;

	memset(&e, 0, sizeof(e));
	e.type = t;
	e.na = na;
	e.nb = nb;
	e.lines = g_new0(int, na + nb + 1);
	if (na > 0)
		memcpy(e.lines, la, sizeof(int) * (size_t)na);
	if (nb > 0)
		memcpy(e.lines + na, lb, sizeof(int) * (size_t)nb);
	e.score = score <= 0 ? 0 : (int)lround(score * 100.0);
	g_array_append_val(beads, e);
	return &g_array_index(beads, struct dc_bead, beads->len - 1);
}

/* Move header line n of a side into d, before blk (the first block). */
static void
al_header_move(struct dc_doc *d, struct dc_node *blk, struct dc_node *n)
{
	dc_node_unlink(n);
	if (blk != NULL)
		dc_node_insert_before(blk, n);
	else
		dc_node_append(d->root, n);
}

/*
 * The class a header line pairs in: a speaker's name with the role
 * beside it (a Chinese "局长　林海" is one line, an English "Lin Hai,
 * Director" or two lines), a date and place with a dateline; else its
 * type.
 */
static enum dc_type
al_hclass(enum dc_type t)
{
	if (t == DC_ROLE)
		return DC_SPEAKER;
	if (t == DC_DATELINE)
		return DC_DATEPLACE;
	return t;
}

/*
 * The header lines of both sides, paired by role: the lines of one
 * class (the title lines, the speaker's and role's...: al_hclass()) of
 * the original with those of the translation, in the order the
 * classes first come in either.
 * A line in one language only (an English occasion line the Chinese
 * puts in its title) is ordinary in a header and not warned about.
 * Each language's lines keep their file's order (the writers print a
 * language's header in the order of the model): after the original's
 * last line of a type come the translation's lines up to its last of
 * that type.
 */
static void
al_header(struct dc_doc *d, struct al_side *a, struct al_side *b,
    GArray *beads)
{
	struct dc_node	*n, *next, *blk, *m, *last;
	struct dc_bead	*e;
	GArray		*la, *lb;
	int		 seen[DC_TYPE__MAX] = { 0 }, order[DC_TYPE__MAX];
	int		 no = 0, k, side;
	struct al_side	*sd[2] = { a, b };

	for (side = 0; side < 2; side++)
		for (n = sd[side]->d->root->child; n != NULL; n = n->next)
			if (dc_type_is_header(n->type) &&
			    !seen[al_hclass(n->type)]) {
				seen[al_hclass(n->type)] = 1;
				order[no++] = al_hclass(n->type);
			}
	la = g_array_new(FALSE, FALSE, sizeof(int));
	lb = g_array_new(FALSE, FALSE, sizeof(int));
	for (k = 0; k < no; k++) {
		g_array_set_size(la, 0);
		g_array_set_size(lb, 0);
		for (side = 0; side < 2; side++)
			for (n = sd[side]->d->root->child; n != NULL;
			    n = n->next)
				if ((int)al_hclass(n->type) == order[k])
					g_array_append_val(side == 0 ? la : lb,
					    n->line);
		e = al_bead(beads, (enum dc_type)order[k],
		    (int *)(void *)la->data, (int)la->len,
		    (int *)(void *)lb->data, (int)lb->len, 0);
		/* A title or a speaker is translated: one in one file
		 * only was not found in the other (read as another
		 * role), and is to check, not ok. */
		if ((la->len == 0) != (lb->len == 0) &&
		    (order[k] == DC_TITLE || order[k] == DC_SPEAKER)) {
			e->warned = 1;
			dc_msg(DC_WARN_ALIGN, la->len > 0 ? e->lines[0] : 0,
			    0, "the %s line %s:%d has no counterpart in %s "
			    "(another role there?): check the header pairs",
			    dc_type_name((enum dc_type)order[k]),
			    la->len > 0 ? a->name : b->name, e->lines[0],
			    la->len > 0 ? b->name : a->name);
		}
	}
	g_array_free(la, TRUE);
	g_array_free(lb, TRUE);

	/* Where the first block is: header lines go before it. */
	for (blk = d->root->child; blk != NULL; blk = blk->next)
		if (!dc_type_is_header(blk->type))
			break;
	for (n = a->d->root->child; n != NULL; n = next) {
		next = n->next;
		if (!dc_type_is_header(n->type))
			continue;
		/* Is n the original's last line of its type? */
		for (m = next; m != NULL && m->type != n->type; m = m->next)
			;
		al_header_move(d, blk, n);
		if (m != NULL)
			continue;
		for (last = NULL, m = b->d->root->child; m != NULL;
		    m = m->next)
			if (m->type == n->type)
				last = m;
		while (last != NULL && (m = b->d->root->child) != NULL &&
		    dc_type_is_header(m->type)) {
			al_header_move(d, blk, m);
			if (m == last)
				break;
		}
	}
	while ((m = b->d->root->child) != NULL && dc_type_is_header(m->type))
		al_header_move(d, blk, m);
}

/*
 * What else a 2-1 or 1-2 bead costing cost could be: its second (or
 * first) paragraph of the longer side alone, left out or added, for
 * less than AL_MARGIN more.  Returns the clause to add to the warning,
 * or "" (g_free() either).
 */
static char *
al_join_alt(const struct al_side *a, size_t i, int na,
    const struct al_side *b, size_t j, int nb, double cost, double ratio)
{
	const struct al_side	*s = na > nb ? a : b;
	size_t			 at = na > nb ? i : j;
	double			 c1, c2;

	if (!((na == 2 && nb == 1) || (na == 1 && nb == 2)))
		return g_strdup("");
	if (na == 2) {
		c1 = al_cost(a, i, 1, b, j, 1, ratio) +
		    al_cost(a, i + 1, 1, b, j + 1, 0, ratio);
		c2 = al_cost(a, i, 1, b, j, 0, ratio) +
		    al_cost(a, i + 1, 1, b, j, 1, ratio);
	} else {
		c1 = al_cost(a, i, 1, b, j, 1, ratio) +
		    al_cost(a, i + 1, 0, b, j + 1, 1, ratio);
		c2 = al_cost(a, i, 0, b, j, 1, ratio) +
		    al_cost(a, i, 1, b, j + 1, 1, ratio);
	}
	if (MIN(c1, c2) - cost >= AL_MARGIN)
		return g_strdup("");
	return g_strdup_printf(", or %s:%d %s", s->name,
	    s->u[at + (c1 <= c2 ? 1 : 0)].line, na > nb ?
	    "has no translation" : "is added by the translation");
}

/*
 * Make the block of a bead and warn about a doubtful one.
 */
static void
al_body_bead(struct dc_doc *d, struct al_side *a, size_t i, int na,
    struct al_side *b, size_t j, int nb, double cost, double ratio,
    GArray *beads)
{
	struct dc_node	*blk = NULL, *x;
	struct dc_bead	*e;
	int		*la, *lb, k;
	double		 sa = 0, sb = 0, q;
	char		*wa, *wb, *alt;

	GArray		*cuts[DC_LANG__MAX], *keep[DC_LANG__MAX];

	/* Where the second and later units start in the block's segs
	 * (TEI points at each): set to NULL where tokens make them
	 * unknown. */
	for (k = 0; k < DC_LANG__MAX; k++)
		keep[k] = cuts[k] = g_array_new(TRUE, TRUE, sizeof(size_t));
	/* Beads of an --alignment file may be larger than 2-1. */
	la = g_new0(int, na + 1);
	lb = g_new0(int, nb + 1);
	for (k = 0; k < na; k++) {
		la[k] = a->u[i + k].line;
		sa += a->u[i + k].size;
		x = a->u[i + k].blk;
		dc_node_unlink(x);
		if (blk == NULL)
			blk = x;
		else
			al_blk_take(blk, x, cuts);
	}
	for (k = 0; k < nb; k++) {
		lb[k] = b->u[j + k].line;
		sb += b->u[j + k].size;
		x = b->u[j + k].blk;
		dc_node_unlink(x);
		if (blk == NULL)
			blk = x;
		else
			al_blk_take(blk, x, cuts);
	}
	dc_node_append(d->root, blk);
	/* The roles are found again on both languages at once, as for an
	 * interleaved file; a heading a reader typed (Markdown) stays. */
	if (blk->type != DC_HEADING) {
		blk->type = DC_PARA;
		blk->sub = DC_SUB_NONE;
		blk->level = 0;
		for (x = blk->child; x != NULL; x = x->next)
			x->spk_len = x->enum_len = x->lead_len = 0;
	}
	e = al_bead(beads, blk->type, la, na, lb, nb, cost);
	for (k = 0; k < DC_LANG__MAX; k++) {
		if (cuts[k] != NULL && cuts[k]->len > 0)
			e->cut[k] = (size_t *)(void *)g_array_free(keep[k],
			    FALSE);
		else
			g_array_free(keep[k], TRUE);
	}
	wa = al_where(a->name, la, na);
	wb = al_where(b->name, lb, nb);
	if (na > 0 && nb == 0) {
		e->warned = 1;
		dc_msg(DC_WARN_ALIGN, la[0], 0, "a paragraph of the original "
		    "has no translation: %s, not in %s (kept alone, aligned "
		    "%d-0)", wa, b->name, na);
	} else if (na == 0) {
		e->warned = 1;
		dc_msg(DC_WARN_ALIGN, 0, 0, "the translation adds a "
		    "paragraph%s: %s, not in %s (kept alone, aligned 0-%d)",
		    b->u[j].note ? " (a translator's note)" : "", wb, a->name,
		    nb);
	} else if (na != 1 || nb != 1) {
		e->warned = 1;
		static const char *const nw[] = { "two", "three", "four" };
		int m = na > nb ? na : nb;
		char num[16];
		if (m - 2 < (int)G_N_ELEMENTS(nw))
			snprintf(num, sizeof(num), "%s", nw[m - 2]);
		else
			snprintf(num, sizeof(num), "%d", m);
		alt = al_join_alt(a, i, na, b, j, nb, cost, ratio);
		dc_msg(DC_WARN_ALIGN, la[0], 0, "%s and %s aligned %d-%d: "
		    "%s paragraphs of the %s joined into one block%s", wa, wb,
		    na, nb, num, na > nb ? "original" : "translation", alt);
		g_free(alt);
	} else {
		/* A 1-1 bead far from the document's ratio, and far
		 * enough that its length says so. */
		q = sb / (sa * ratio);
		if ((q > 2.0 || q < 0.5) && fabs(dc_gc_delta(sa, sb, ratio)) >
		    2.0) {
			e->warned = 1;
			dc_msg(DC_WARN_ALIGN, la[0], 0, "%s and %s aligned "
			    "1-1, but the translation is %.1f times as long "
			    "as the document's ratio expects", wa, wb, q);
		}
	}
	g_free(wa);
	g_free(wb);
	g_free(la);
	g_free(lb);
}

/*
 * Cost of paragraph x of a with y of b, or alone if y is -1 (x of b
 * alone if a is NULL).
 */
static double
al_cost1(const struct al_side *a, const struct al_side *b, size_t x,
    long y, double ratio)
{
	if (y < 0)
		return al_cost(a, x, 1, b, 0, 0, ratio);
	return al_cost(a, x, 1, b, (size_t)y, 1, ratio);
}

/*
 * Is the 1-1 bead beside a lone paragraph doubtful?  2 if the lone one
 * joined to its mate (two paragraphs translated by one) costs less
 * than AL_MARGIN_JOIN more; 1 if the lone one would pair with its
 * partner, leaving its own alone, for less than AL_MARGIN more, and no
 * number or name both write says otherwise; else 0.  lone is the
 * index (in s) of the paragraph alone; mate the other paragraph of s,
 * pair its partner in o; cur the two beads' cost as aligned.
 */
static int
al_lone_doubt(const struct al_side *s, const struct al_side *o, size_t lone,
    size_t mate, size_t pair, double cur, double ratio, int orig)
{
	double	 alt;

	/* The lone one joined to its mate: two paragraphs of one side
	 * translated by one (the mate's anchors hold either way). */
	alt = orig ? al_cost(s, MIN(lone, mate), 2, o, pair, 1, ratio) :
	    al_cost(o, pair, 1, s, MIN(lone, mate), 2, ratio);
	if (alt - cur < AL_MARGIN_JOIN)
		return 2;
	/* Numbers or names both write say the pair is right. */
	if (al_anchor(&s->u[mate], &o->u[pair]) <= -1.0)
		return 0;
	if (orig)
		alt = al_cost1(s, o, lone, (long)pair, ratio) +
		    al_cost1(s, o, mate, -1, ratio);
	else
		alt = al_cost(o, pair, 1, s, lone, 1, ratio) +
		    al_cost(o, 0, 0, s, mate, 1, ratio);
	return alt - cur < AL_MARGIN;
}

/* Warn about 1-1 bead k beside a lone paragraph, once (d: what
 * al_lone_doubt() said). */
static void
al_lone_warn(const struct al_side *a, const struct al_side *b,
    GArray *beads, size_t k, int d)
{
	struct dc_bead	*e = &g_array_index(beads, struct dc_bead, k);

	if (e->warned)
		return;
	e->warned = 1;
	dc_msg(DC_WARN_ALIGN, e->lines[0], 0, "%s:%d and %s:%d aligned 1-1 "
	    "beside a paragraph left out or added: %s", a->name, e->lines[0],
	    b->name, e->lines[1], d == 2 ? "that paragraph may as well be "
	    "part of this pair (two paragraphs translated by one)" :
	    "they would pair almost as well the other way");
}

/*
 * Warn about a 1-1 bead beside a 1-0 or 0-1 one whose paragraphs
 * could as well pair the other way (al_lone_doubt()): where a
 * paragraph left out or added stands, the lengths say only roughly.
 */
static void
al_lone_marks(const struct al_side *a, const struct al_side *b,
    const struct dc_gc_step *st, const double *costs, size_t n, GArray *beads,
    double ratio)
{
	size_t	 k, ia = 0, ib = 0;
	int	 d;

	for (k = 0; k < n; k++) {
		d = 0;
		if (st[k].a + st[k].b == 1 && k > 0 &&
		    st[k - 1].a == 1 && st[k - 1].b == 1)
			d = st[k].a == 1 ? al_lone_doubt(a, b, ia, ia - 1,
			    ib - 1, costs[k] + costs[k - 1], ratio, 1) :
			    al_lone_doubt(b, a, ib, ib - 1, ia - 1,
			    costs[k] + costs[k - 1], ratio, 0);
		if (d)
			al_lone_warn(a, b, beads, k - 1, d);
		d = 0;
		if (st[k].a + st[k].b == 1 && k + 1 < n &&
		    st[k + 1].a == 1 && st[k + 1].b == 1)
			d = st[k].a == 1 ? al_lone_doubt(a, b, ia, ia + 1, ib,
			    costs[k] + costs[k + 1], ratio, 1) :
			    al_lone_doubt(b, a, ib, ib + 1, ia,
			    costs[k] + costs[k + 1], ratio, 0);
		if (d)
			al_lone_warn(a, b, beads, k + 1, d);
		ia += (size_t)st[k].a;
		ib += (size_t)st[k].b;
	}
}

/*
 * The cost of the beads 2-1 (or 1-2) and 1-1 at i, j of a and b (k:
 * which comes first, 0 the joined one) shifted: the joined side's
 * paragraph next to the 1-1 pairs with the 1-1's other paragraph, and
 * the 1-1's own is alone (left out, or added by the translation).  sw:
 * the joined side is b.
 */
static double
al_shift_cost(const struct al_side *a, const struct al_side *b, size_t i,
    size_t j, int first, int sw, double ratio)
{
	const struct al_side	*x = sw ? b : a, *y = sw ? a : b;
	size_t			 p = sw ? j : i, q = sw ? i : j;
	double			 c;

	/* x's paragraphs p.. as the beads list them, y's q..: joined
	 * first: (p, p+1)-q, then p+2-(q+1); else p-q, (p+1, p+2)-(q+1). */
	if (first == 0) {
		c = sw ? al_cost(y, q, 1, x, p, 1, ratio) +
		    al_cost(y, q + 1, 1, x, p + 1, 1, ratio) +
		    al_cost(y, 0, 0, x, p + 2, 1, ratio) :
		    al_cost(x, p, 1, y, q, 1, ratio) +
		    al_cost(x, p + 1, 1, y, q + 1, 1, ratio) +
		    al_cost(x, p + 2, 1, y, 0, 0, ratio);
	} else {
		c = sw ? al_cost(y, 0, 0, x, p, 1, ratio) +
		    al_cost(y, q, 1, x, p + 1, 1, ratio) +
		    al_cost(y, q + 1, 1, x, p + 2, 1, ratio) :
		    al_cost(x, p, 1, y, 0, 0, ratio) +
		    al_cost(x, p + 1, 1, y, q, 1, ratio) +
		    al_cost(x, p + 2, 1, y, q + 1, 1, ratio);
	}
	return c;
}

/*
 * Warn about a 1-1 bead beside a 2-1 or 1-2 one where the two could as
 * well be shifted (al_shift_cost()) for less than AL_MARGIN more, and
 * no number or name both write holds the 1-1 pair: a paragraph left
 * out or added is as likely as the join, and the 1-1 pair is then
 * wrong, though its lengths agree.
 */
static void
al_join_marks(const struct al_side *a, const struct al_side *b,
    const struct dc_gc_step *st, const double *costs, size_t n, GArray *beads,
    double ratio)
{
	struct dc_bead	*e;
	size_t		 k, ia = 0, ib = 0, m, i, j;
	int		 first, sw;

	for (k = 0; k < n; ia += (size_t)st[k].a, ib += (size_t)st[k].b,
	    k++) {
		if (st[k].a + st[k].b != 3)
			continue;
		sw = st[k].b == 2;
		for (first = 0; first < 2; first++) {
			if (first == 0 && k + 1 < n)
				m = k + 1;
			else if (first == 1 && k > 0)
				m = k - 1;
			else
				continue;
			if (st[m].a != 1 || st[m].b != 1)
				continue;
			i = first == 0 ? ia : ia - 1;
			j = first == 0 ? ib : ib - 1;
			e = &g_array_index(beads, struct dc_bead, m);
			if (e->warned || al_anchor(&a->u[first == 0 ?
			    ia + (size_t)st[k].a : ia - 1], &b->u[first == 0 ?
			    ib + (size_t)st[k].b : ib - 1]) <= -1.0 ||
			    al_shift_cost(a, b, i, j, first, sw, ratio) -
			    costs[k] - costs[m] >= AL_MARGIN)
				continue;
			e->warned = 1;
			dc_msg(DC_WARN_ALIGN, e->lines[0], 0, "%s:%d and %s:%d "
			    "aligned 1-1 beside paragraphs joined: shifted "
			    "by one they would pair almost as well, with %s:%d "
			    "%s", a->name, e->lines[0], b->name, e->lines[1],
			    sw ? b->name : a->name, e->lines[sw ? 1 : 0],
			    sw ? "added by the translation" :
			    "left untranslated");
		}
	}
}

/*
 * Flag the 1-1 beads of the body (the first n of beads) the alignment
 * is least sure of: one whose score says its lengths and anchors
 * disagree (AL_UNSURE), and a run of AL_RUN or more in a row each
 * scoring AL_FALLING or more, as one run (a paragraph left out or
 * added near them, and the pairs shifted by one).
 */
static void
al_runs(const struct al_side *a, const struct al_side *b, GArray *beads,
    size_t n, const int *doubt)
{
	struct dc_bead	*e, *f;
	size_t		 k, r;

	for (k = 0; k < n; k = r) {
		for (r = k; r < n; r++) {
			e = &g_array_index(beads, struct dc_bead, r);
			if (e->na != 1 || e->nb != 1 || e->warned ||
			    (e->score < (int)(AL_FALLING * 100) &&
			    (doubt == NULL || !doubt[r])))
				break;
		}
		e = &g_array_index(beads, struct dc_bead, k);
		if (r - k >= AL_RUN) {
			f = &g_array_index(beads, struct dc_bead, r - 1);
			dc_msg(DC_WARN_ALIGN, e->lines[0], 0, "a run of %zu "
			    "beads whose confidence falls: %s:%d-%d and "
			    "%s:%d-%d aligned 1-1, but their lengths pair "
			    "badly (a paragraph left out or added near them?)",
			    r - k, a->name, e->lines[0], f->lines[0], b->name,
			    e->lines[1], f->lines[1]);
			for (; k < r; k++)
				g_array_index(beads, struct dc_bead,
				    k).warned = 1;
			continue;
		}
		for (; k < r; k++) {
			e = &g_array_index(beads, struct dc_bead, k);
			if (e->score < (int)(AL_UNSURE * 100))
				continue;
			e->warned = 1;
			dc_msg(DC_WARN_ALIGN, e->lines[0], 0, "%s:%d and %s:%d "
			    "aligned 1-1, but their lengths and anchors "
			    "disagree (score %d.%02d)", a->name, e->lines[0],
			    b->name, e->lines[1], e->score / 100,
			    e->score % 100);
		}
		if (r == k)
			r++;
	}
}

/* The language most of a document's body (or header) is in. */
static int
al_lang(const struct dc_doc *d)
{
	const struct dc_node	*n, *s;
	double			 c[DC_LANG__MAX] = { 0 };

	for (n = d->root->child; n != NULL; n = n->next) {
		if (n->type == DC_FRONTMATTER || n->type == DC_SOURCE)
			continue;
		if (dc_type_is_header(n->type))
			c[n->lang] += strlen(n->text);
		for (s = n->child; s != NULL; s = s->next)
			if (s->type == DC_SEG)
				c[s->lang] += strlen(s->text);
	}
	if (c[DC_LANG_ZH] == 0 && c[DC_LANG_EN] == 0)
		return -1;
	return c[DC_LANG_ZH] >= c[DC_LANG_EN] ? DC_LANG_ZH : DC_LANG_EN;
}

/* Does a block of d hold two languages (an interleaved file)? */
static int
al_paired(const struct dc_doc *d)
{
	const struct dc_node	*n;

	for (n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type) && n->child != NULL &&
		    n->child->next != NULL)
			return 1;
	return 0;
}

/* Han characters and Latin letters in s. */
static void
al_scripts(const char *s, double *han, double *latin)
{
	gunichar	 c;

	*han = *latin = 0;
	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		c = g_utf8_get_char(s);
		if (c < 0x80 && g_ascii_isalpha((int)c))
			*latin += 1;
		else if (dc_char_script_lang(c) == DC_LANG_ZH)
			*han += 1;
	}
}

/* Are han Chinese characters and latin English letters a plausible
 * pair by their lengths? */
static int
al_pair_fits(double han, double latin)
{
	return han >= 2 && latin >= han * 0.8 && latin <= han * 6.5;
}

/* The scripts of block n, all its segments. */
static void
al_blk_scripts(const struct dc_node *n, double *han, double *latin)
{
	const struct dc_node	*s;
	double			 h, l;

	*han = *latin = 0;
	for (s = n->child; s != NULL; s = s->next)
		if (s->type == DC_SEG) {
			al_scripts(s->text, &h, &l);
			*han += h;
			*latin += l;
		}
}

/*
 * Is d bilingual: seven in ten of its blocks pair two languages, in
 * one block (a pair on a line, or a block of the bilingual reader) or
 * as a block and the next, at lengths a translation has (an
 * interleaved file)?  A file of one language has some lines or words
 * of the other (code, links, names, a title kept), far fewer.
 */
static int
al_mixed(const struct dc_doc *d)
{
	const struct dc_node	*n, *m;
	size_t			 nb = 0, paired = 0;
	double			 h, l, h2, l2;

	for (n = d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_block(n->type) || n->child == NULL)
			continue;
		nb++;
		al_blk_scripts(n, &h, &l);
		if (al_pair_fits(h, l)) {
			paired++;
			continue;
		}
		for (m = n->next; m != NULL && (!dc_type_is_block(m->type) ||
		    m->child == NULL); m = m->next)
			;
		if (m == NULL)
			continue;
		al_blk_scripts(m, &h2, &l2);
		/* One in each script, the two a pair. */
		if ((h > l) == (h2 > l2) || !al_pair_fits(h + h2, l + l2))
			continue;
		paired += 2;
		nb++;
		n = m;
	}
	return paired * 10 >= nb * 7;
}

/* Give node n and all below it language l. */
static void
al_relang(struct dc_node *n, enum dc_lang l)
{
	struct dc_node	*c;

	n->lang = l;
	for (c = n->child; c != NULL; c = c->next)
		al_relang(c, l);
}

/*
 * Make each block of side d one segment in its language l: a file of
 * one language holds lines of the other (code, a link's text, a name
 * on a line of its own), which are that file's text at that place and
 * must not join the other file's text of their script.  A block of
 * two segments (a link bar read as a pair) becomes one, its texts in
 * order.
 */
static void
al_one_lang(struct dc_doc *d, enum dc_lang l)
{
	struct dc_node	*n, *s, *t;
	char		*txt;

	for (n = d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_block(n->type) || (s = n->child) == NULL ||
		    s->type != DC_SEG)
			continue;
		while ((t = s->next) != NULL && t->type == DC_SEG) {
			/* Tokens must join to the text: given up. */
			while (s->child != NULL) {
				struct dc_node *w = s->child;
				dc_node_unlink(w);
				dc_node_free(w);
			}
			txt = g_strconcat(s->text, " ", t->text, NULL);
			g_free(s->text);
			s->text = txt;
			dc_node_unlink(t);
			dc_node_free(t);
		}
		al_relang(s, l);
	}
}

/*
 * Read one side of a translation as one language a file, which
 * --translation says it is: a Chinese file with English lines
 * (Markdown's code and links, names) is no interleaved text, and its
 * English lines are not its pairs.  --input-format=bilingual reads
 * it as the user says.
 */
static struct dc_doc *
al_parse_side(const char *file, const struct dc_opts *o)
{
	struct dc_opts	 so = *o;

	so.one_lang = o->dialect != DC_DIALECT_BILINGUAL;
	return dc_parse_file(file, &so);
}

/* Take a metadata string from src where dst has none. */
static void
al_meta_take(char **dst, char **src)
{
	if (*dst == NULL) {
		*dst = *src;
		*src = NULL;
	}
}

/*
 * The metadata of the parallel model: each language's from the file
 * in that language (a placeholder title from neither), the rest from
 * the original, else from the translation.
 */
static void
al_meta(struct dc_doc *d, struct al_side *a, struct al_side *b)
{
	struct dc_meta	*m = &d->meta, *s;
	struct al_side	*sd[2] = { a, b };
	int		 i, k;

	for (k = 0; k < 2; k++) {
		s = &sd[k]->d->meta;
		for (i = 0; i < DC_LANG__MAX; i++) {
			struct dc_lmeta *l = &m->l[i], *f = &s->l[i];
			if (!s->title_default)
				al_meta_take(&l->title, &f->title);
			al_meta_take(&l->subtitle, &f->subtitle);
			al_meta_take(&l->occasion, &f->occasion);
			al_meta_take(&l->speaker, &f->speaker);
			al_meta_take(&l->role, &f->role);
			al_meta_take(&l->date, &f->date);
			al_meta_take(&l->place, &f->place);
			al_meta_take(&l->kicker, &f->kicker);
		}
		al_meta_take(&m->date_iso, &s->date_iso);
		al_meta_take(&m->collection, &s->collection);
		al_meta_take(&m->agency, &s->agency);
		al_meta_take(&m->reporters, &s->reporters);
		al_meta_take(&m->source, &s->source);
		al_meta_take(&m->from, &s->from);
		al_meta_take(&m->orig_title, &s->orig_title);
		al_meta_take(&m->editor, &s->editor);
		al_meta_take(&m->author_from, &s->author_from);
		if (m->urls == NULL) {
			m->urls = s->urls;
			s->urls = NULL;
		}
		if (m->nav == NULL) {
			m->nav = s->nav;
			s->nav = NULL;
		}
	}
	m->dialect = DC_DIALECT_BILINGUAL;
}

/* Free a side's units (al_units()), leaving it none. */
static void
al_units_free(struct al_side *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++) {
		if (s->u[i].nums != NULL)
			g_hash_table_destroy(s->u[i].nums);
		if (s->u[i].words != NULL)
			g_hash_table_destroy(s->u[i].words);
	}
	g_free(s->u);
	s->u = NULL;
	s->n = 0;
}

static void
al_side_free(struct al_side *s)
{
	al_units_free(s);
	dc_doc_free(s->d);
}

/* A continued turn (no speaker label) after a block that is no turn
 * is a paragraph: a 0-1 or 1-0 bead can come between them. */
static void
al_turns(struct dc_doc *d)
{
	struct dc_node	*n, *s;
	int		 spk;

	for (n = d->root->child; n != NULL; n = n->next) {
		if (n->type != DC_TURN)
			continue;
		for (spk = 0, s = n->child; s != NULL; s = s->next)
			spk |= s->spk_len > 0;
		if (!spk && (n->prev == NULL || n->prev->type != DC_TURN))
			n->type = DC_PARA;
	}
}

/* The title of language l in d: its title lines joined, as read. */
static void
al_retitle(struct dc_doc *d, enum dc_lang l)
{
	const struct dc_node	*n;
	GString			*t = g_string_new(NULL);

	for (n = d->root->child; n != NULL; n = n->next)
		if (n->type == DC_TITLE && n->lang == l)
			g_string_append_printf(t, "%s%s", t->len == 0 ? "" :
			    dc_title_sep(t->str, n->text, l), n->text);
	g_free(d->meta.l[l].title);
	d->meta.l[l].title = t->len > 0 ? g_strdup(t->str) : NULL;
	g_string_free(t, TRUE);
}

/*
 * The header types an --alignment file may give a line the reader
 * read otherwise: those a line's text says whole.  A source line, a
 * collection number or front matter the reader took apart by its
 * label, which a type alone does not give.
 */
static int
al_retypable(enum dc_type t)
{
	return t == DC_KICKER || t == DC_TITLE || t == DC_SUBTITLE ||
	    t == DC_OCCASION || t == DC_SPEAKER || t == DC_ROLE ||
	    t == DC_DATEPLACE || t == DC_DATELINE || t == DC_BYLINE;
}

/* The metadata of header type t in language l of d, or NULL. */
static char **
al_lmeta(struct dc_doc *d, enum dc_lang l, enum dc_type t)
{
	struct dc_lmeta	*m = &d->meta.l[l];

	switch (t) {
	case DC_KICKER:
		return &m->kicker;
	case DC_SUBTITLE:
		return &m->subtitle;
	case DC_OCCASION:
		return &m->occasion;
	case DC_SPEAKER:
		return &m->speaker;
	case DC_ROLE:
		return &m->role;
	default:
		return NULL;
	}
}

/* Header line n is new to its type: the metadata say it where the
 * reader found none of that type. */
static void
al_hmeta_gain(struct dc_doc *d, const struct dc_node *n)
{
	char	**f;

	if ((f = al_lmeta(d, n->lang, n->type)) != NULL && *f == NULL)
		dc_meta_set(f, n->text);
	if (n->type == DC_TITLE)
		al_retitle(d, n->lang);
}

/*
 * Header line n of side s (in language l) is of type t, as the
 * --alignment file pairs it: the metadata follow.  What the old type
 * said goes where no line of it is left (a date and place with the
 * last date line); the new type's says the line, where the reader
 * found none (a date line's date and place are not taken apart here:
 * the reader's stand, or none).
 */
static void
al_retype(struct dc_doc *d, struct dc_node *n, enum dc_type t)
{
	enum dc_type		 old = n->type;
	enum dc_lang		 l = n->lang;
	const struct dc_node	*m;
	char			**f;

	n->type = t;
	for (m = d->root->child; m != NULL; m = m->next)
		if (dc_type_is_header(m->type) && m->lang == l &&
		    al_hclass(m->type) == al_hclass(old))
			break;
	if (m == NULL && (f = al_lmeta(d, l, old)) != NULL)
		dc_meta_set(f, NULL);
	if (m == NULL && al_hclass(old) == DC_DATEPLACE) {
		dc_meta_set(&d->meta.l[l].date, NULL);
		dc_meta_set(&d->meta.l[l].place, NULL);
	}
	if (old == DC_TITLE)
		al_retitle(d, l);
	al_hmeta_gain(d, n);
}

/*
 * --alignment FILE: the beads an editor corrected, in the format
 * dc_align_dump() writes, read instead of aligning.  Each bead line
 * names the first lines of units of both files; every unit (header
 * line or body paragraph) must be in exactly one bead, and the body's
 * beads must take each side's paragraphs in order, since the blocks
 * they make follow the beads.  Header beads pair the lines they name
 * as the editor wrote them, and the lines take the beads' types
 * (al_file_retype(), al_file_enhead()), so that every output shows the
 * editor's reading; each line stays where its type puts it.
 */

/* A unit of one side that a bead line may name. */
struct al_named {
	int		 body;		/* body paragraph (index + 1), or 0
					   for a header line */
	int		 at;		/* line of the alignment file naming
					   it, 0 until named */
};

static void	 al_file_err(const char *, const char *, int, const char *,
		    ...) __attribute__((format(printf, 4, 5)));

/* Report an error in the alignment file at its line fl. */
static void
al_file_err(const char *file, const char *orig, int fl, const char *fmt,
    ...)
{
	va_list	 ap;

	dc_msg_set_file(file);
	va_start(ap, fmt);
	dc_msg_v(DC_ERR_ALIGNMENT, fl, 0, fmt, ap);
	va_end(ap);
	dc_msg_set_file(strcmp(orig, "-") == 0 ? "<stdin>" : orig);
}

/* The units of a side by their first line. */
static GHashTable *
al_named_table(const struct al_side *s)
{
	GHashTable		*h;
	struct al_named		*u;
	const struct dc_node	*n;
	size_t			 i;

	h = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    g_free);
	for (n = s->d->root->child; n != NULL; n = n->next)
		if (dc_type_is_header(n->type) && n->line > 0) {
			u = g_new0(struct al_named, 1);
			g_hash_table_insert(h, GINT_TO_POINTER(n->line), u);
		}
	for (i = 0; i < s->n; i++) {
		u = g_new0(struct al_named, 1);
		u->body = (int)i + 1;
		g_hash_table_replace(h, GINT_TO_POINTER(s->u[i].line), u);
	}
	return h;
}

/*
 * One side's field of a bead line: "-" or comma-separated line
 * numbers, n of them.  Marks the units named; counts the body ones in
 * *nbody.  Returns 0, or -1 after reporting.
 */
static int
al_file_side(const char *file, const char *orig, int fl, const char *f,
    int n, const struct al_side *s, const char *which, GHashTable *h,
    int *nbody)
{
	struct al_named	*u;
	char		**v, *end;
	long		 l;
	int		 k, cnt, header = 0, rc = -1;

	*nbody = 0;
	v = strcmp(f, "-") == 0 ? g_new0(char *, 1) : g_strsplit(f, ",", -1);
	cnt = (int)g_strv_length(v);
	if (cnt != n) {
		al_file_err(file, orig, fl, "the bead says %d unit%s of the "
		    "%s, but %d line%s listed", n, n == 1 ? "" : "s",
		    which, cnt, cnt == 1 ? " is" : "s are");
		goto out;
	}
	for (k = 0; k < cnt; k++) {
		l = strtol(v[k], &end, 10);
		if (end == v[k] || *end != '\0' || l <= 0 || l > INT_MAX) {
			al_file_err(file, orig, fl, "'%s' is not a line "
			    "number of the %s", v[k], which);
			goto out;
		}
		if ((u = g_hash_table_lookup(h, GINT_TO_POINTER(l))) ==
		    NULL) {
			al_file_err(file, orig, fl, "%s:%ld: no paragraph or "
			    "header line of the %s starts there", s->name, l,
			    which);
			goto out;
		}
		if (u->at != 0) {
			al_file_err(file, orig, fl, "%s:%ld is in the bead on "
			    "line %d already: beads overlap", s->name, l,
			    u->at);
			goto out;
		}
		u->at = fl;
		if (u->body)
			(*nbody)++;
		else
			header = 1;
	}
	if (header && *nbody > 0) {
		al_file_err(file, orig, fl, "the bead pairs header lines "
		    "with body paragraphs of the %s", which);
		goto out;
	}
	rc = 0;
out:
	g_strfreev(v);
	return rc;
}

/*
 * Every unit of a side in a bead, and the body's in order.  Returns
 * 0, or -1 after reporting.
 */
static int
al_file_cover(const char *file, const char *orig, int last,
    const struct al_side *s, const char *which, GHashTable *h)
{
	struct al_named		*u;
	const struct dc_node	*n;
	size_t			 i, j;
	int			 prev = 0, next;

	for (n = s->d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_header(n->type) || n->line <= 0)
			continue;
		u = g_hash_table_lookup(h, GINT_TO_POINTER(n->line));
		if (u != NULL && u->at == 0) {
			al_file_err(file, orig, last, "%s:%d (header line) "
			    "is in no bead: every line of the %s must be",
			    s->name, n->line, which);
			return -1;
		}
	}
	for (i = 0; i < s->n; i++) {
		u = g_hash_table_lookup(h, GINT_TO_POINTER(s->u[i].line));
		if (u->at == 0) {
			/* Said at the bead of the next one named. */
			for (next = last, j = i + 1; j < s->n; j++) {
				struct al_named *w = g_hash_table_lookup(h,
				    GINT_TO_POINTER(s->u[j].line));
				if (w->at != 0) {
					next = w->at;
					break;
				}
			}
			al_file_err(file, orig, next, "%s:%d is in no bead: "
			    "a paragraph of the %s left out", s->name,
			    s->u[i].line, which);
			return -1;
		}
		if (u->at < prev) {
			al_file_err(file, orig, u->at, "%s:%d is named before "
			    "%s:%d (line %d): beads must follow the order of "
			    "the %s", s->name, s->u[i].line, s->name,
			    s->u[i - 1].line, prev, which);
			return -1;
		}
		prev = u->at;
	}
	return 0;
}

/* The line numbers of a side's field ("-" or "3,4") into v. */
static void
al_file_lines(const char *f, GArray *v)
{
	char	**w;
	int	  k, x;

	g_array_set_size(v, 0);
	if (strcmp(f, "-") == 0)
		return;
	w = g_strsplit(f, ",", -1);
	for (k = 0; w[k] != NULL; k++) {
		x = (int)strtol(w[k], NULL, 10);
		g_array_append_val(v, x);
	}
	g_strfreev(w);
}

/*
 * The header lines of side s that a header bead of type t names (v,
 * n of them) are of that type: a line the reader read as another type
 * (a name alone under the title, read as an occasion; a date as a
 * subtitle) is made one of t, said in a warning, so that every output
 * shows the editor's reading, not only the pairs.  Returns 0, or -1
 * after reporting a type no bead can give.
 */
static int
al_file_retype(const char *file, const char *orig, int fl,
    struct al_side *s, const int *v, int n, enum dc_type t)
{
	struct dc_node	*m;
	int		 k;

	for (k = 0; k < n; k++) {
		for (m = s->d->root->child; m != NULL; m = m->next)
			if (dc_type_is_header(m->type) && m->line == v[k])
				break;
		if (m == NULL || al_hclass(m->type) == al_hclass(t))
			continue;
		if (!al_retypable(m->type) || !al_retypable(t)) {
			al_file_err(file, orig, fl, "%s:%d is read as a %s "
			    "line, which a %s bead does not make one: pair "
			    "it in a bead of its type (%s)", s->name, v[k],
			    dc_type_name(m->type), dc_type_name(t),
			    dc_type_name(m->type));
			return -1;
		}
		dc_msg_set_file(s->name);
		dc_msg(DC_WARN_ALIGN, m->line, 0, "%s:%d read as a %s line "
		    "(not %s), as %s pairs it", s->name, m->line,
		    dc_type_name(t), dc_type_name(m->type), file);
		dc_msg_set_file(strcmp(orig, "-") == 0 ? "<stdin>" : orig);
		al_retype(s->d, m, t);
	}
	return 0;
}

/*
 * A header bead line f (its sides checked by al_file_side()): added to
 * hbeads with the header type its fifth field names, which the lines
 * it names take (al_file_retype()).  Returns 0, or -1 after reporting.
 */
static int
al_file_hbead(const char *file, const char *orig, int fl, char **f,
    struct al_side *a, int na, struct al_side *b, int nb, GArray *hbeads)
{
	GArray		*la, *lb;
	enum dc_type	 t;
	int		 rc = -1;

	t = f[3] != NULL && f[4] != NULL ? dc_type_from_name(f[4]) :
	    DC_TYPE__MAX;
	if (t == DC_TYPE__MAX || !dc_type_is_header(t)) {
		al_file_err(file, orig, fl, "a bead of header lines names "
		    "its type in the fifth field (title, speaker...)");
		return -1;
	}
	la = g_array_new(FALSE, FALSE, sizeof(int));
	lb = g_array_new(FALSE, FALSE, sizeof(int));
	al_file_lines(f[1], la);
	al_file_lines(f[2], lb);
	assert((int)la->len == na && (int)lb->len == nb);
	if (al_file_retype(file, orig, fl, a, (int *)(void *)la->data, na,
	    t) == -1 || al_file_retype(file, orig, fl, b,
	    (int *)(void *)lb->data, nb, t) == -1)
		goto out;
	al_bead(hbeads, t, (int *)(void *)la->data, na,
	    (int *)(void *)lb->data, nb, 0);
	rc = 0;
out:
	g_array_free(la, TRUE);
	g_array_free(lb, TRUE);
	return rc;
}

/*
 * Read the beads of an --alignment file for sides a and b: the body's
 * as steps (g_free()), their number in *nsteps; the header's, as the
 * editor paired its lines, into hbeads.  NULL after reporting what is
 * wrong, at the file's line.
 */
static struct dc_gc_step *
al_file_read(const char *file, const char *orig, struct al_side *a,
    struct al_side *b, GArray *hbeads)
{
	GHashTable	*ha = NULL, *hb = NULL;
	GArray		*steps = NULL;
	struct dc_gc_step	 st, *out = NULL;
	char		*buf = NULL, **lines = NULL, **f = NULL, *end, *why;
	const char	*nul;
	size_t		 i, len;
	long		 la, lb;
	int		 fl = 0, na, nb, ba, bb, last = 0, rc = -1;

	/* As a missing input is: refused, not a system error. */
	if (dc_side_read(file, DC_ALIGN_MAX, 1, &buf, &len, &why) == -1) {
		al_file_err(file, orig, 0, "%s", why);
		g_free(why);
		goto out;
	}
	if ((nul = memchr(buf, '\0', len)) != NULL) {
		for (fl = 1, end = buf; end < nul; end++)
			fl += *end == '\n';
		al_file_err(file, orig, fl, "a NUL byte: not a text file");
		goto out;
	}
	if (!g_utf8_validate(buf, -1, NULL)) {
		al_file_err(file, orig, 0, "not UTF-8 text");
		goto out;
	}
	ha = al_named_table(a);
	hb = al_named_table(b);
	steps = g_array_new(FALSE, FALSE, sizeof(struct dc_gc_step));
	/* A UTF-8 byte order mark, as some editors write. */
	lines = g_strsplit(g_str_has_prefix(buf, "\357\273\277") ? buf + 3 :
	    buf, "\n", -1);
	for (i = 0; lines[i] != NULL; i++) {
		fl = (int)i + 1;
		g_strchomp(lines[i]);
		if (lines[i][0] == '#' || lines[i][0] == '\0')
			continue;
		last = fl;
		g_strfreev(f);
		/* Tabs, as written; spaces too, as an editor may type. */
		f = g_strsplit_set(lines[i], "\t ", -1);
		{
			size_t r, w;
			for (r = w = 0; f[r] != NULL; r++)
				if (f[r][0] != '\0')
					f[w++] = f[r];
				else
					g_free(f[r]);
			f[w] = NULL;
		}
		if (g_strv_length(f) < 3) {
			al_file_err(file, orig, fl, "a bead line has the bead "
			    "(1-1), the original's lines and the "
			    "translation's, separated by tabs");
			goto out;
		}
		la = strtol(f[0], &end, 10);
		if (end != f[0] && *end == '-' && g_ascii_isdigit(end[1]))
			lb = strtol(end + 1, &end, 10);
		else
			lb = -1;
		if (end == f[0] || *end != '\0' || la < 0 || la > 1000 ||
		    lb < 0 || lb > 1000 || la + lb == 0) {
			al_file_err(file, orig, fl, "'%s' is not a bead: "
			    "write the units of each side, as 1-1, 2-1 or "
			    "0-1", f[0]);
			goto out;
		}
		na = (int)la;
		nb = (int)lb;
		if (al_file_side(file, orig, fl, f[1], na, a, "original", ha,
		    &ba) == -1 || al_file_side(file, orig, fl, f[2], nb, b,
		    "translation", hb, &bb) == -1)
			goto out;
		if ((ba > 0 || bb > 0) && (ba != na || bb != nb)) {
			al_file_err(file, orig, fl, "the bead pairs header "
			    "lines with body paragraphs");
			goto out;
		}
		if (ba + bb == 0) {
			if (al_file_hbead(file, orig, fl, f, a, na, b, nb,
			    hbeads) == -1)
				goto out;
			continue;
		}
		st.a = ba;
		st.b = bb;
		g_array_append_val(steps, st);
	}
	if (last == 0) {
		al_file_err(file, orig, fl, "no bead lines");
		goto out;
	}
	if (al_file_cover(file, orig, last, a, "original", ha) == -1 ||
	    al_file_cover(file, orig, last, b, "translation", hb) == -1)
		goto out;
	rc = 0;
out:
	if (rc == 0) {
		st.a = st.b = 0;
		g_array_append_val(steps, st);	/* the array's end */
		out = (struct dc_gc_step *)(void *)g_array_free(steps, FALSE);
	} else if (steps != NULL)
		g_array_free(steps, TRUE);
	if (ha != NULL)
		g_hash_table_destroy(ha);
	if (hb != NULL)
		g_hash_table_destroy(hb);
	g_strfreev(f);
	g_strfreev(lines);
	g_free(buf);
	return out;
}

static int
al_int_cmp(const void *x, const void *y)
{
	int	 a = *(const int *)x, b = *(const int *)y;

	return a < b ? -1 : a > b;
}

/*
 * The lines an --alignment file names on side (1 the original's, 2 the
 * translation's), sorted, for the reader to start a paragraph at each
 * (a corrected alignment undoes a reading that joined two paragraphs);
 * NULL if none or the file cannot be read (al_file_read() says why).
 */
static int *
al_file_breaks(const char *file, int side, int body, size_t *n)
{
	GArray	*v = g_array_new(FALSE, FALSE, sizeof(int));
	char	*buf = NULL, *why = NULL, **lines = NULL, **f, **w;
	size_t	 len, i, k;
	long	 x;

	*n = 0;
	if (dc_side_read(file, DC_ALIGN_MAX, 1, &buf, &len, &why) == -1 ||
	    memchr(buf, '\0', len) != NULL || !g_utf8_validate(buf, -1,
	    NULL)) {
		g_free(why);
		g_free(buf);
		g_array_free(v, TRUE);
		return NULL;
	}
	lines = g_strsplit(buf, "\n", -1);
	for (i = 0; lines[i] != NULL; i++) {
		if (lines[i][0] == '#')
			continue;
		f = g_strsplit_set(lines[i], "\t ", -1);
		/* body: the lines of body beads only (the fifth field
		 * names a body type, or is not there). */
		for (k = 0, x = 0; body && f[k] != NULL; k++)
			if (f[k][0] != '\0' && ++x == 5 && (dc_type_from_name(
			    f[k]) == DC_TYPE__MAX || dc_type_is_header(
			    dc_type_from_name(f[k]))))
				break;
		if (body && f[k] != NULL) {
			g_strfreev(f);
			continue;
		}
		for (k = 0, x = 0; f[k] != NULL; k++) {
			if (f[k][0] == '\0')
				continue;
			if (++x != side + 1)
				continue;
			for (w = g_strsplit(f[k], ",", -1), len = 0;
			    w[len] != NULL; len++) {
				int l = (int)strtol(w[len], NULL, 10);
				if (l > 0)
					g_array_append_val(v, l);
			}
			g_strfreev(w);
		}
		g_strfreev(f);
	}
	g_strfreev(lines);
	g_free(buf);
	g_array_sort(v, al_int_cmp);
	*n = v->len;
	if (v->len == 0) {
		g_array_free(v, TRUE);
		return NULL;
	}
	return (int *)(void *)g_array_free(v, FALSE);
}

/* Is line x among the n sorted lines at v? */
static int
al_in(const int *v, size_t n, int x)
{
	return v != NULL && bsearch(&x, v, n, sizeof(int), al_int_cmp) !=
	    NULL;
}

/*
 * Make each header line of side s that a body bead of the --alignment
 * file names a body paragraph: the reader took a paragraph for a title
 * or a header line (a wrapped first paragraph), the editor's beads say
 * it is body.  Before the first body block, in their order.
 */
static void
al_file_unhead(struct al_side *s, const char *file, int side)
{
	struct dc_node	*n, *next, *first, *b;
	int		*v, l;
	size_t		 nv;
	unsigned	 retitle = 0;

	if ((v = al_file_breaks(file, side, 1, &nv)) == NULL)
		return;
	for (first = s->d->root->child; first != NULL &&
	    !dc_type_is_block(first->type); first = first->next)
		;
	for (n = s->d->root->child; n != NULL && n != first; n = next) {
		next = n->next;
		if (!dc_type_is_header(n->type) || n->type ==
		    DC_FRONTMATTER || !al_in(v, nv, n->line))
			continue;
		dc_msg(DC_WARN_ALIGN, n->line, 0, "%s:%d (a %s line) read as "
		    "a paragraph, as %s pairs it", s->name, n->line,
		    dc_type_name(n->type), file);
		b = dc_node_new(DC_PARA, n->lang, NULL, n->line, n->col);
		dc_node_append(b, dc_node_new(DC_SEG, n->lang, n->text,
		    n->line, n->col));
		if (n->type == DC_TITLE)
			retitle |= 1u << n->lang;
		dc_node_unlink(n);
		dc_node_free(n);
		if (first != NULL)
			dc_node_insert_before(first, b);
		else
			dc_node_append(s->d->root, b);
	}
	g_free(v);
	/* The title is what title lines are left. */
	for (l = 0; l < DC_LANG__MAX; l++)
		if (retitle & (1u << l))
			al_retitle(s->d, (enum dc_lang)l);
}

/* A line an --alignment file's header bead names. */
struct al_hname {
	int		 line;		/* of the side's file */
	int		 fl;		/* of the alignment file */
	enum dc_type	 type;		/* the bead's */
};

/*
 * The lines the header beads of an --alignment file name on side (1
 * the original's, 2 the translation's), in the file's order; NULL if
 * none (a file that cannot be read is al_file_read()'s to report).
 */
static GArray *
al_file_heads(const char *file, int side)
{
	GArray		*v = NULL;
	struct al_hname	 h;
	char		*buf = NULL, *why = NULL, **lines, **f, **w;
	size_t		 len, i, k, nf;

	if (dc_side_read(file, DC_ALIGN_MAX, 1, &buf, &len, &why) == -1 ||
	    memchr(buf, '\0', len) != NULL || !g_utf8_validate(buf, -1,
	    NULL)) {
		g_free(why);
		g_free(buf);
		return NULL;
	}
	lines = g_strsplit(buf, "\n", -1);
	for (i = 0; lines[i] != NULL; i++) {
		if (lines[i][0] == '#')
			continue;
		f = g_strsplit_set(lines[i], "\t \r", -1);
		for (k = nf = 0; f[k] != NULL; k++)
			if (f[k][0] != '\0')
				f[nf++] = f[k];
			else
				g_free(f[k]);
		f[nf] = NULL;
		if (nf >= 5 && (h.type = dc_type_from_name(f[4])) !=
		    DC_TYPE__MAX && dc_type_is_header(h.type)) {
			h.fl = (int)i + 1;
			for (w = g_strsplit(f[side], ",", -1), k = 0;
			    w[k] != NULL; k++)
				if ((h.line = (int)strtol(w[k], NULL, 10)) > 0) {
					if (v == NULL)
						v = g_array_new(FALSE, FALSE,
						    sizeof(h));
					g_array_append_val(v, h);
				}
			g_strfreev(w);
		}
		g_strfreev(f);
	}
	g_strfreev(lines);
	g_free(buf);
	return v;
}

/*
 * Make each body paragraph of side s that a header bead of the
 * --alignment file names a header line of the bead's type: the reader
 * took a header line (a speaker's name in a sentence, a date line
 * after a blank line) for the body's first paragraph.  Unambiguous
 * only at the body's start: the paragraphs before it must be named in
 * header beads too.  A paragraph further on is refused, at the bead's
 * line, saying what to do.  Returns 0, or -1 after reporting.
 */
static int
al_file_enhead(struct al_side *s, const char *file, const char *orig,
    int side)
{
	GArray		*v;
	struct al_hname	*h;
	struct dc_node	*n, *m, *x;
	const struct dc_node *seg;
	size_t		 i, k;
	int		 rc = -1;

	if ((v = al_file_heads(file, side)) == NULL)
		return 0;
	for (i = 0; i < v->len; i++) {
		h = &g_array_index(v, struct al_hname, i);
		for (n = s->d->root->child; n != NULL; n = n->next)
			if (dc_type_is_block(n->type) && n->line == h->line)
				break;
		if (n == NULL)
			continue;	/* a header line, or none */
		seg = n->child;
		if (!al_retypable(h->type) || seg == NULL ||
		    seg->type != DC_SEG || seg->next != NULL ||
		    seg->text == NULL) {
			al_file_err(file, orig, h->fl, "%s:%d is a paragraph "
			    "of the body, which a %s bead does not make a "
			    "header line: pair it in a body bead", s->name,
			    h->line, dc_type_name(h->type));
			goto out;
		}
		/* The blocks before it: header lines by the file too? */
		for (m = s->d->root->child; m != n; m = m->next) {
			if (!dc_type_is_block(m->type))
				continue;
			for (k = 0; k < v->len; k++)
				if (g_array_index(v, struct al_hname,
				    k).line == m->line)
					break;
			if (k == v->len) {
				al_file_err(file, orig, h->fl, "%s:%d is a "
				    "paragraph of the body, after %s:%d, and "
				    "a %s bead can make header lines only of "
				    "the body's first paragraphs: give it a "
				    "body bead (para), or name the paragraphs "
				    "before it in header beads too", s->name,
				    h->line, s->name, m->line,
				    dc_type_name(h->type));
				goto out;
			}
		}
	}
	/* Made header lines, in order, before the body's first block. */
	for (n = s->d->root->child; n != NULL; n = x) {
		x = n->next;
		if (!dc_type_is_block(n->type))
			continue;
		for (k = 0; k < v->len; k++)
			if (g_array_index(v, struct al_hname, k).line ==
			    n->line)
				break;
		if (k == v->len)
			break;
		h = &g_array_index(v, struct al_hname, k);
		seg = n->child;
		dc_msg_set_file(s->name);
		dc_msg(DC_WARN_ALIGN, n->line, 0, "%s:%d read as a %s line "
		    "(not a paragraph), as %s pairs it", s->name, n->line,
		    dc_type_name(h->type), file);
		dc_msg_set_file(strcmp(orig, "-") == 0 ? "<stdin>" : orig);
		m = dc_node_new(h->type, seg->lang, seg->text, n->line,
		    n->col);
		dc_node_insert_before(n, m);
		dc_node_unlink(n);
		dc_node_free(n);
		al_hmeta_gain(s->d, m);
	}
	rc = 0;
out:
	g_array_free(v, TRUE);
	return rc;
}

/* Body paragraphs of s the --alignment file does not name (v, n). */
static size_t
al_unnamed(const struct al_side *s, const int *v, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < s->n; i++)
		k += !al_in(v, n, s->u[i].line);
	return k;
}

/*
 * Join each body paragraph of s that the --alignment file (v, n of
 * its lines) does not name to the paragraph before it, where that one
 * is named: the reader cut one paragraph in two (at a short line that
 * ends a sentence), and the editor's beads name only its first line.
 * Said in a warning each.  Done only where the other side names all
 * its paragraphs: a bead left out of the file is still refused.
 */
static void
al_file_joins(struct al_side *s, const int *v, size_t n, const char *file)
{
	GArray	*cuts[DC_LANG__MAX] = { NULL };
	size_t	 i, joined = 0;

	for (i = 1; i < s->n; i++) {
		if (al_in(v, n, s->u[i].line) ||
		    !al_in(v, n, s->u[i - 1].line) ||
		    !dc_type_is_block(s->u[i - 1].blk->type))
			continue;
		dc_msg(DC_WARN_ALIGN, s->u[i].line, 0, "%s:%d joined to the "
		    "paragraph at %s:%d, as %s pairs them", s->name,
		    s->u[i].line, s->name, s->u[i - 1].line, file);
		al_blk_take(s->u[i - 1].blk, s->u[i].blk, cuts);
		/* The next unnamed one joins this block too. */
		s->u[i].blk = s->u[i - 1].blk;
		s->u[i].line = s->u[i - 1].line;
		joined++;
	}
	if (joined == 0)
		return;
	al_units_free(s);
	al_units(s);
}

/*
 * Read the original and the translation (any dialect each) and align
 * them into one parallel model.  Messages name the file they are
 * about.  Returns the document (dc_doc_free()), or NULL after
 * reporting why not.
 */
struct dc_doc *
dc_parse_pair(const char *orig, const char *trans, const struct dc_opts *o)
{
	struct al_side	 a, b;
	struct dc_doc	*d = NULL;
	struct dc_gc_step	*st = NULL;
	struct dc_align	*al;
	struct dc_opts	 so = *o;
	GArray		*beads;
	double		*costs = NULL, ta = 0, tb = 0, ratio;
	size_t		 i, k, n, ia, ib, w;
	int		 la, lb, *doubt = NULL;
	GArray		*hbeads = NULL;
	int		*brk[2] = { NULL, NULL };
	size_t		 na_brk = 0, nb_brk = 0;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.name = orig;
	b.name = trans;
	/* The user's values are for the parallel model, not each side:
	 * dc_doc_finish() gives them to it. */
	so.title = so.author = so.date = so.place = NULL;
	so.meta_file = NULL;
	memset(so.meta, 0, sizeof(so.meta));
	if (o->alignment != NULL)
		so.breaks = brk[0] = al_file_breaks(o->alignment, 1, 0,
		    &na_brk);
	so.nbreaks = na_brk;
	if ((a.d = al_parse_side(orig, &so)) == NULL)
		goto out;
	dc_msg_set_file(strcmp(trans, "-") == 0 ? "<stdin>" : trans);
	if (o->alignment != NULL)
		so.breaks = brk[1] = al_file_breaks(o->alignment, 2, 0,
		    &nb_brk);
	so.nbreaks = nb_brk;
	b.d = al_parse_side(trans, &so);
	dc_msg_set_file(strcmp(orig, "-") == 0 ? "<stdin>" : orig);
	if (b.d == NULL) {
		dc_msg(DC_ERR_INPUT, 0, 0, "the translation %s could not be "
		    "read (see above)", trans);
		goto out;
	}
	if (a.d->align != NULL || b.d->align != NULL) {
		dc_msg(DC_ERR_INPUT, 0, 0, "%s is aligned already; give "
		    "one language a file", a.d->align != NULL ? orig : trans);
		goto out;
	}
	if (al_mixed(a.d) || al_mixed(b.d) || (o->dialect ==
	    DC_DIALECT_BILINGUAL && (al_paired(a.d) || al_paired(b.d)))) {
		dc_msg(DC_ERR_INPUT, 0, 0, "%s is bilingual already (its "
		    "blocks pair two languages); give --translation one "
		    "language a file", al_mixed(a.d) || (o->dialect ==
		    DC_DIALECT_BILINGUAL && al_paired(a.d)) ? orig : trans);
		goto out;
	}
	la = al_lang(a.d);
	lb = al_lang(b.d);
	if (la < 0 || lb < 0 || la == lb) {
		dc_msg(DC_ERR_INPUT, 0, 0, "the original and the translation "
		    "%s are both %s; --translation takes the other "
		    "language's text", trans, la == DC_LANG_EN ? "English" :
		    "Chinese");
		goto out;
	}
	a.lang = (enum dc_lang)la;
	b.lang = (enum dc_lang)lb;
	if (o->alignment != NULL) {
		al_file_unhead(&a, o->alignment, 1);
		al_file_unhead(&b, o->alignment, 2);
		if (al_file_enhead(&a, o->alignment, orig, 1) == -1 ||
		    al_file_enhead(&b, o->alignment, orig, 2) == -1)
			goto out;
	}
	al_one_lang(a.d, a.lang);
	al_one_lang(b.d, b.lang);
	al_units(&a);
	al_units(&b);
	if (o->alignment != NULL) {
		size_t ua = al_unnamed(&a, brk[0], na_brk);
		size_t ub = al_unnamed(&b, brk[1], nb_brk);
		if (ua > 0 && ub == 0)
			al_file_joins(&a, brk[0], na_brk, o->alignment);
		else if (ub > 0 && ua == 0)
			al_file_joins(&b, brk[1], nb_brk, o->alignment);
	}
	for (i = 0; i < a.n; i++)
		ta += a.u[i].size;
	for (i = 0; i < b.n; i++)
		tb += b.u[i].size;
	/* Translation size per original size, over the whole body. */
	ratio = ta > 0 && tb > 0 ? tb / ta : la == DC_LANG_ZH ? 3.0 : 1 / 3.0;

	d = dc_doc_new();
	al = d->align = g_new0(struct dc_align, 1);
	/* As meta.source: the outputs say no directory of this machine. */
	al->original = g_path_get_basename(orig);
	al->translation = g_path_get_basename(trans);
	al->lang_a = a.lang;
	al->lang_b = b.lang;
	al->ratio = (int)lround(ratio * 100.0);
	beads = g_array_new(FALSE, TRUE, sizeof(struct dc_bead));
	hbeads = g_array_new(FALSE, TRUE, sizeof(struct dc_bead));
	if (o->alignment != NULL) {
		/* The editor's beads, as they are: not merged below. */
		if ((st = al_file_read(o->alignment, orig, &a, &b,
		    hbeads)) == NULL) {
			g_array_free(beads, TRUE);
			dc_doc_free(d);
			d = NULL;
			goto out;
		}
		for (n = 0; st[n].a + st[n].b > 0; n++)
			;
		costs = g_new0(double, n + 1);
		for (i = 0, ia = 0, ib = 0; i < n; i++) {
			costs[i] = al_cost(&a, ia, st[i].a, &b, ib, st[i].b,
			    ratio);
			ia += (size_t)st[i].a;
			ib += (size_t)st[i].b;
		}
	} else if ((w = al_band_width(a.n, b.n)) == 0) {
		/* Too large a table: in order, the rest alone. */
		dc_msg(DC_WARN_ALIGN, 0, 0, "%zu and %zu paragraphs are too "
		    "many to align; paired in order", a.n, b.n);
		n = a.n > b.n ? a.n : b.n;
		st = g_new(struct dc_gc_step, n + 1);
		costs = g_new0(double, n + 1);
		for (i = 0; i < n; i++) {
			st[i].a = i < a.n;
			st[i].b = i < b.n;
		}
	} else
		st = al_dp(&a, &b, ratio, w, &n, &costs, &doubt);
	/*
	 * A paragraph left alone on each side at the same place is a pair
	 * whose lengths disagree (a summary, a padded translation) more
	 * often than a loss on both sides: paired, and warned about as a
	 * 1-1 far from the ratio.
	 */
	for (i = 0, k = 0; i < n && o->alignment == NULL; i++, k++) {
		st[k] = st[i];
		costs[k] = costs[i];
		if (doubt != NULL)
			doubt[k] = doubt[i];
		if (i + 1 < n && st[i].a + st[i].b == 1 &&
		    st[i + 1].a + st[i + 1].b == 1 &&
		    st[i].a != st[i + 1].a) {
			st[k].a = st[k].b = 1;
			costs[k] += costs[++i];
		}
	}
	if (o->alignment == NULL)
		n = k;
	for (i = 0, ia = 0, ib = 0; i < n; i++) {
		al_body_bead(d, &a, ia, st[i].a, &b, ib, st[i].b, costs[i],
		    ratio, beads);
		ia += (size_t)st[i].a;
		ib += (size_t)st[i].b;
	}
	if (o->alignment == NULL) {
		al_lone_marks(&a, &b, st, costs, n, beads, ratio);
		al_join_marks(&a, &b, st, costs, n, beads, ratio);
		al_runs(&a, &b, beads, n, doubt);
	}
	al_header(d, &a, &b, beads);
	/* An --alignment file's header beads over those found. */
	if (hbeads->len > 0) {
		for (k = n; k < beads->len; k++)
			g_free(g_array_index(beads, struct dc_bead, k).lines);
		g_array_set_size(beads, n);
		g_array_append_vals(beads, hbeads->data, hbeads->len);
		g_array_set_size(hbeads, 0);
	}
	/* Header beads first, as the header comes first. */
	{
		size_t nbody = n, nh = beads->len - nbody;
		struct dc_bead *all = g_new0(struct dc_bead, beads->len + 1);
		memcpy(all, &g_array_index(beads, struct dc_bead, nbody),
		    sizeof(struct dc_bead) * nh);
		memcpy(all + nh, beads->data, sizeof(struct dc_bead) * nbody);
		al->beads = all;
		al->nbeads = beads->len;
		g_array_free(beads, TRUE);
	}
	al_meta(d, &a, &b);
	/* Roles on both languages at once, as the bilingual reader
	 * finds them. */
	dc_body_roles(d, o);
	al_turns(d);
	/* Body roles may have changed: the beads say the final ones. */
	{
		struct dc_node *x;
		for (k = 0; k < al->nbeads &&
		    dc_type_is_header(al->beads[k].type); k++)
			;
		for (x = d->root->child; x != NULL && k < al->nbeads;
		    x = x->next)
			if (dc_type_is_block(x->type))
				al->beads[k++].type = x->type;
	}
	dc_doc_finish(d, o, orig);
out:
	if (hbeads != NULL) {
		for (k = 0; k < hbeads->len; k++)
			g_free(g_array_index(hbeads, struct dc_bead, k).lines);
		g_array_free(hbeads, TRUE);
	}
	g_free(st);
	g_free(costs);
	g_free(doubt);
	g_free(brk[0]);
	g_free(brk[1]);
	al_side_free(&a);
	al_side_free(&b);
	if (d == NULL)
		return NULL;
	return dc_read_checked(d);
}

/*
 * Print the alignment of a two-file document (see docconv(1),
 * "ALIGNMENT DUMP"): comment lines starting with "#", then one bead a
 * line, tab-separated: the bead ("2-1"), the original's lines and the
 * translation's (comma-separated first lines of each unit, "-" for
 * none), the score (0.00 is sure; larger is less likely), the header
 * type or block role, and "ok" or "check" (warned about).  Returns 0,
 * or -1 if the document has no alignment (reported).
 */
int
dc_align_dump(const struct dc_doc *d, FILE *f)
{
	const struct dc_align	*a = d->align;
	const struct dc_bead	*e;
	size_t			 i;
	int			 k;

	if (a == NULL) {
		dc_msg(DC_ERR_INPUT, 0, 0, "--dump-alignment: the document "
		    "was not aligned from two files (give --translation)");
		return -1;
	}
	fprintf(f, "# docconv alignment 1\n");
	fprintf(f, "# original %s %s\n", dc_lang_code(a->lang_a),
	    a->original);
	fprintf(f, "# translation %s %s\n", dc_lang_code(a->lang_b),
	    a->translation);
	fprintf(f, "# ratio %d.%02d\n", a->ratio / 100, a->ratio % 100);
	fprintf(f, "# bead\toriginal\ttranslation\tscore\ttype\tstatus\n");
	for (i = 0; i < a->nbeads; i++) {
		e = &a->beads[i];
		fprintf(f, "%d-%d\t", e->na, e->nb);
		for (k = 0; k < e->na; k++)
			fprintf(f, "%s%d", k ? "," : "", e->lines[k]);
		fputs(e->na == 0 ? "-\t" : "\t", f);
		for (k = 0; k < e->nb; k++)
			fprintf(f, "%s%d", k ? "," : "", e->lines[e->na + k]);
		fputs(e->nb == 0 ? "-\t" : "\t", f);
		fprintf(f, "%d.%02d\t%s\t%s\n", e->score / 100, e->score % 100,
		    dc_type_name(e->type), e->warned ? "check" : "ok");
	}
	return 0;
}
