/*
 * The roles of a text's blocks, decided as one labelling of the whole
 * body: each block is a unit with features (its recognisers, its
 * place, its form, its neighbours'), a grammar says where each role
 * may stand, and a dynamic program over units and roles chooses the
 * cheapest labelling, each role's cost coming from the features
 * through one table of weights (set by hand).
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"
#include "utf8.h"

/*
 * ---- Features ----
 *
 * Every feature is 0 or 1.  The recognisers' bits come first, in the
 * order of dc_recognise()'s, then place and form.
 */
enum rl_feat {
	RF_BIAS = 0,	/* always 1 */
	RF_THANKS,	/* the recognisers (DC_REC_*), in their order */
	RF_ADDRESS,
	RF_BYLINE,
	RF_DATELINE,
	RF_DATE,
	RF_EDITOR,
	RF_SIGNED,
	RF_CREDIT,
	RF_CAPTION,
	RF_CREDIT_END,
	RF_DATELINE_END,
	RF_EDITOR_END,
	RF_NOTE,
	RF_HEAD,
	RF_HEADNUM,
	RF_TURN,
	RF_TRAILER,
	RF_WRITER,
	RF_HEADNOTE,	/* a note on the text's form, among the first two */
	RF_ADDRESSEE,	/* an official text's addressees */
	RF_FIRST,	/* the body's first block */
	RF_LAST,	/* the text's last block */
	RF_END3,	/* three or more blocks after it */
	RF_END6,	/* six or more blocks after it */
	RF_TYPED,	/* the reader typed it (a Markdown heading) */
	RF_EMPTY,	/* no text */
	RF_MULTI,	/* text in two languages */
	RF_SHORT,	/* 30 characters or fewer */
	RF_LONG,	/* more than 80 characters */
	RF_STOP,	/* ends in a sentence's mark */
	RF_BRACKET,	/* wholly in brackets */
	RF_NEXT_TAIL,	/* the next block is a sign-off's form */
	RF_PREV_STOP,	/* the block before ends a sentence */
	RF_CAPFORM,	/* a caption's or a credit's form, any */
	RF_LATE3,	/* three blocks or more before it */
	RF__MAX
};

static const char *const rl_feat_names[RF__MAX] = {
	[RF_BIAS] = "bias",
	[RF_THANKS] = "thanks",
	[RF_ADDRESS] = "address",
	[RF_BYLINE] = "byline",
	[RF_DATELINE] = "dateline",
	[RF_DATE] = "date",
	[RF_EDITOR] = "editor",
	[RF_SIGNED] = "signed",
	[RF_CREDIT] = "credit",
	[RF_CAPTION] = "caption",
	[RF_CREDIT_END] = "credit-end",
	[RF_DATELINE_END] = "dateline-end",
	[RF_EDITOR_END] = "editor-end",
	[RF_NOTE] = "note",
	[RF_HEAD] = "head",
	[RF_HEADNUM] = "head-num",
	[RF_TURN] = "turn",
	[RF_TRAILER] = "trailer",
	[RF_WRITER] = "writer",
	[RF_HEADNOTE] = "headnote",
	[RF_ADDRESSEE] = "addressee",
	[RF_FIRST] = "first",
	[RF_LAST] = "last",
	[RF_END3] = "end3",
	[RF_END6] = "end6",
	[RF_TYPED] = "typed",
	[RF_EMPTY] = "empty",
	[RF_MULTI] = "multi",
	[RF_SHORT] = "short",
	[RF_LONG] = "long",
	[RF_STOP] = "stop",
	[RF_BRACKET] = "bracket",
	[RF_NEXT_TAIL] = "next-tail",
	[RF_PREV_STOP] = "prev-stop",
	[RF_CAPFORM] = "caption-form",
	[RF_LATE3] = "late3",
};

static const char *const rl_role_names[DC_ROLE__MAX] = {
	[DC_ROLE_BODY] = "body",
	[DC_ROLE_SPLIT] = "split",
	[DC_ROLE_CLOSING] = "closing",
	[DC_ROLE_BYLINE] = "byline",
	[DC_ROLE_DATELINE] = "dateline",
	[DC_ROLE_EDITOR] = "editor",
	[DC_ROLE_SIGNED] = "signed",
	[DC_ROLE_CREDIT] = "credit",
	[DC_ROLE_CAPTION] = "caption",
	[DC_ROLE_TRAILER] = "trailer",
	[DC_ROLE_LEAD] = "lead",
	[DC_ROLE_SALUTATION] = "salutation",
	[DC_ROLE_VOCATIVE] = "vocative",
	[DC_ROLE_NOTE] = "note",
	[DC_ROLE_BCAPTION] = "body-caption",
	[DC_ROLE_WRITER] = "writer",
};

/*
 * ---- The weights ----
 *
 * The cost of giving a unit a role is the sum of the weights of its
 * features.  A body block costs nothing: every other role must earn
 * its place by its forms.  X forbids a role outright.  Set by hand.
 */
#define X	1000

/* Every role after the body: never the first block, the reader's own
 * types, an empty block, or further than six blocks from the end. */
#define TAIL_ANY	[RF_FIRST] = X, [RF_TYPED] = X, [RF_EMPTY] = X, \
			[RF_END6] = X

static const int rl_weights[DC_ROLE__MAX][RF__MAX] = {
	[DC_ROLE_BODY] = { 0 },
	[DC_ROLE_SPLIT] = { TAIL_ANY, [RF_BIAS] = 5,
	    [RF_DATELINE_END] = -10, [RF_EDITOR_END] = -10,
	    [RF_DATELINE] = X, [RF_EDITOR] = X, [RF_MULTI] = X },
	[DC_ROLE_CLOSING] = { TAIL_ANY, [RF_BIAS] = 5, [RF_THANKS] = -10 },
	[DC_ROLE_BYLINE] = { TAIL_ANY, [RF_BIAS] = 5, [RF_BYLINE] = -10 },
	[DC_ROLE_DATELINE] = { TAIL_ANY, [RF_BIAS] = 5, [RF_DATELINE] = -10,
	    [RF_DATE] = -10 },
	[DC_ROLE_EDITOR] = { TAIL_ANY, [RF_BIAS] = 5, [RF_EDITOR] = -10 },
	/* A signature stands among the last three blocks; a label's or a
	 * source line's form ("（转载自某报）") trails, it does not sign. */
	[DC_ROLE_SIGNED] = { TAIL_ANY, [RF_BIAS] = 5, [RF_SIGNED] = -8,
	    [RF_WRITER] = -10, [RF_THANKS] = X, [RF_MULTI] = X,
	    [RF_END3] = X, [RF_TRAILER] = 4 },
	[DC_ROLE_CREDIT] = { TAIL_ANY, [RF_BIAS] = 5, [RF_CREDIT] = -10,
	    [RF_MULTI] = X },
	[DC_ROLE_CAPTION] = { TAIL_ANY, [RF_BIAS] = 5, [RF_CAPTION] = -10,
	    [RF_CREDIT_END] = -10 },
	/* What trails the text may be longer: links, labels. */
	[DC_ROLE_TRAILER] = { [RF_FIRST] = X, [RF_TYPED] = X,
	    [RF_EMPTY] = X, [RF_BIAS] = 5, [RF_TRAILER] = -10 },
	/* Before the salutation only what the reader typed (a Markdown
	 * heading) and captions. */
	[DC_ROLE_LEAD] = { [RF_CAPFORM] = -4 },
	/* An address is the salutation before the body, a vocative in
	 * it; before an editor's note, a caption. */
	[DC_ROLE_SALUTATION] = { [RF_TYPED] = X, [RF_BIAS] = 5,
	    [RF_ADDRESS] = -12, [RF_ADDRESSEE] = -12 },
	[DC_ROLE_VOCATIVE] = { [RF_TYPED] = X, [RF_BIAS] = 6,
	    [RF_ADDRESS] = -12 },
	[DC_ROLE_NOTE] = { [RF_TYPED] = X, [RF_BIAS] = 5, [RF_NOTE] = -10,
	    [RF_HEADNOTE] = -10 },
	[DC_ROLE_BCAPTION] = { [RF_TYPED] = X, [RF_BIAS] = 5,
	    [RF_CAPFORM] = -9 },
	/* The writer's credit ("某某｜文") among the first blocks. */
	[DC_ROLE_WRITER] = { [RF_TYPED] = X, [RF_EMPTY] = X, [RF_BIAS] = 5,
	    [RF_WRITER] = -10, [RF_LATE3] = X },
};

/* Beside the recognisers' bits, in rl_unit.rec: the reader typed it. */
#define RL_TYPED	(1u << 31)

/*
 * What a role must show: at least one of these recogniser bits, or
 * it cannot stand there whatever else its place says (0: nothing).
 */
static const unsigned rl_needs[DC_ROLE__MAX] = {
	[DC_ROLE_SPLIT] = DC_REC_DATELINE_END | DC_REC_EDITOR_END,
	[DC_ROLE_CLOSING] = DC_REC_THANKS,
	[DC_ROLE_BYLINE] = DC_REC_BYLINE,
	[DC_ROLE_DATELINE] = DC_REC_DATELINE | DC_REC_DATE,
	[DC_ROLE_EDITOR] = DC_REC_EDITOR,
	[DC_ROLE_SIGNED] = DC_REC_SIGNED | DC_REC_WRITER,
	[DC_ROLE_CREDIT] = DC_REC_CREDIT,
	[DC_ROLE_CAPTION] = DC_REC_CAPTION | DC_REC_CREDIT_END,
	[DC_ROLE_TRAILER] = DC_REC_TRAILER,
	[DC_ROLE_SALUTATION] = DC_REC_ADDRESS | DC_REC_ADDRESSEE,
	[DC_ROLE_VOCATIVE] = DC_REC_ADDRESS,
	[DC_ROLE_NOTE] = DC_REC_NOTE | DC_REC_HEADNOTE,
	[DC_ROLE_BCAPTION] = DC_REC_CAPTION | DC_REC_CREDIT |
	    DC_REC_CREDIT_END,
	[DC_ROLE_LEAD] = RL_TYPED | DC_REC_CAPTION | DC_REC_CREDIT |
	    DC_REC_CREDIT_END,
	[DC_ROLE_WRITER] = DC_REC_WRITER,
};

/* A role wins by a small margin below this: a warning says so. */
#define RL_MARGIN	3

/*
 * ---- The grammar ----
 *
 * The roles stand in regions, in this order: the opening (the
 * salutation, and before it only headings, captions and editor's notes
 * or notes on the text, which stand above it), the body
 * (paragraphs, vocatives, captions, the writer's credit; headings and turns
 * are told by dc_body_roles() among the body's blocks), the last
 * paragraph with a sign-off split off it (once), what closes the
 * text (thanks, sign-offs, credits and captions, in any order), and
 * what trails it (source and editor labels, end marks, links).
 */
static int
rl_region(enum dc_role r)
{
	switch (r) {
	case DC_ROLE_LEAD:
	case DC_ROLE_SALUTATION:
	case DC_ROLE_NOTE:
		return 0;
	case DC_ROLE_BODY:
	case DC_ROLE_VOCATIVE:
	case DC_ROLE_BCAPTION:
	case DC_ROLE_WRITER:
		return 1;
	case DC_ROLE_SPLIT:
		return 2;
	case DC_ROLE_CLOSING:
	case DC_ROLE_BYLINE:
	case DC_ROLE_DATELINE:
	case DC_ROLE_EDITOR:
	case DC_ROLE_SIGNED:
	case DC_ROLE_CREDIT:
	case DC_ROLE_CAPTION:
		return 3;
	case DC_ROLE_TRAILER:
		return 4;
	case DC_ROLE__MAX:
		break;
	}
	abort();
}

/* May role b follow role a?  A vocative follows the body's own
 * blocks, never the opening's alone. */
static int
rl_may_follow(enum dc_role a, enum dc_role b)
{
	int	 ra = rl_region(a), rb = rl_region(b);

	if (b == DC_ROLE_VOCATIVE && ra == 0)
		return 0;
	return rb > ra || (rb == ra && ra != 2);
}

/* Roles of one kind, for the runner-up: a byline's runner-up is not
 * the signature it could also be. */
static int
rl_group(enum dc_role r)
{
	switch (r) {
	case DC_ROLE_BODY:
		return 0;
	case DC_ROLE_SPLIT:
		return 1;
	case DC_ROLE_CLOSING:
		return 2;
	case DC_ROLE_BYLINE:
	case DC_ROLE_DATELINE:
	case DC_ROLE_EDITOR:
	case DC_ROLE_SIGNED:
	case DC_ROLE_WRITER:
		return 3;
	case DC_ROLE_CREDIT:
	case DC_ROLE_CAPTION:
		return 4;
	case DC_ROLE_TRAILER:
		return 5;
	case DC_ROLE_LEAD:
		return 0;
	case DC_ROLE_SALUTATION:
	case DC_ROLE_VOCATIVE:
		return 6;	/* an address: the grammar tells which */
	case DC_ROLE_NOTE:
		return 8;
	case DC_ROLE_BCAPTION:
		return 4;
	case DC_ROLE__MAX:
		break;
	}
	abort();
}

/*
 * ---- Units ----
 */
struct rl_unit {
	const struct dc_node *b;	/* the block */
	const char	*text;		/* its text judged: Chinese first */
	int		 lang;		/* the language of text */
	unsigned	 rec;		/* dc_recognise(), the caller's */
	unsigned char	 f[RF__MAX];	/* features */
};

/* Is c a mark that ends a sentence? */
static int
rl_stop(gunichar c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '.' ||
	    c == '!' || c == '?' || c == 0x2026 || c == 0x201D ||
	    c == 0x300D;
}

/*
 * The segment of block b whose text the decoder judges: the Chinese
 * one first, else the first; NULL if b has none.  dc_roles_decide()'s
 * caller recognises the same text.
 */
const struct dc_node *
dc_roles_judged(const struct dc_node *b)
{
	const struct dc_node *s;

	if (b->child == NULL)
		return NULL;
	s = dc_node_seg(b, DC_LANG_ZH);
	return s != NULL ? s : b->child;
}

/* The unit's own features, from its block and its recognisers. */
static void
rl_unit_own(struct rl_unit *u, const struct dc_node *b, unsigned rec)
{
	const struct dc_node *s;
	const char	*t;
	gunichar	 c = 0;
	long		 n;
	int		 i;

	u->b = b;
	u->f[RF_BIAS] = 1;
	u->f[RF_TYPED] = b->type != DC_PARA;
	if (b->child == NULL) {
		u->f[RF_EMPTY] = 1;
		u->text = "";
		u->lang = DC_LANG_ZH;
		if (u->f[RF_TYPED])
			u->rec |= RL_TYPED;
		return;
	}
	s = dc_roles_judged(b);
	u->text = t = s->text;
	u->lang = s->lang;
	u->f[RF_MULTI] = b->child->next != NULL;
	u->rec = rec;
	for (i = 0; i <= RF_ADDRESSEE - RF_THANKS; i++)
		u->f[RF_THANKS + i] = (u->rec >> i) & 1;
	n = dc_u8_count(t, 80);		/* tested up to 80 */
	u->f[RF_SHORT] = n <= 30;
	u->f[RF_LONG] = n > 80;
	if (*t != '\0')
		c = g_utf8_get_char(g_utf8_prev_char(t + strlen(t)));
	u->f[RF_STOP] = rl_stop(c);
	u->f[RF_BRACKET] = (t[0] == '(' || g_str_has_prefix(t, "（")) &&
	    (c == ')' || c == 0xFF09);
	u->f[RF_CAPFORM] = (u->rec & (DC_REC_CAPTION | DC_REC_CREDIT |
	    DC_REC_CREDIT_END)) != 0;
	if (u->f[RF_TYPED])
		u->rec |= RL_TYPED;
}

/*
 * The features that depend on the unit's place, block i of n, and its
 * neighbours: rec[] and stop[] are every block's recognisers and
 * whether it ends a sentence.
 */
static void
rl_unit_place(struct rl_unit *u, size_t i, size_t n, const unsigned *rec,
    const unsigned char *stop)
{
	const unsigned tail = DC_REC_BYLINE | DC_REC_DATELINE | DC_REC_DATE |
	    DC_REC_EDITOR | DC_REC_CREDIT;

	u->f[RF_FIRST] = i == 0;
	u->f[RF_LAST] = i + 1 == n;
	u->f[RF_END3] = n - i - 1 >= 3;
	u->f[RF_END6] = n - i - 1 >= 6;
	u->f[RF_NEXT_TAIL] = i + 1 < n && (rec[i + 1] & tail) != 0;
	u->f[RF_PREV_STOP] = i > 0 && stop[i - 1];
	u->f[RF_LATE3] = i >= 3;
	/* A note on the text stands above it. */
	if (i >= 2)
		u->f[RF_HEADNOTE] = 0;
}

/*
 * Can a block whose recognisers said rec be nothing but the body's?
 * Every other role needs one of its forms (rl_needs).
 */
static int
rl_forced_body(unsigned rec)
{
	int	 r;

	for (r = 0; r < DC_ROLE__MAX; r++)
		if (r != DC_ROLE_BODY &&
		    (rl_needs[r] == 0 || (rec & rl_needs[r]) != 0))
			return 0;
	return 1;
}

/* Each role's cost for the unit, from the table, into cost[]. */
static void
rl_unit_cost(const struct rl_unit *u, int *cost)
{
	int	 r, f;

	for (r = 0; r < DC_ROLE__MAX; r++) {
		cost[r] = 0;
		for (f = 0; f < RF__MAX; f++)
			if (u->f[f])
				cost[r] += rl_weights[r][f];
		if (cost[r] > X || (rl_needs[r] != 0 &&
		    (u->rec & rl_needs[r]) == 0))
			cost[r] = X;
	}
}

/*
 * ---- The decoder ----
 *
 * Viterbi over n units and k roles, for the body's blocks and for the
 * header's lines alike.  a[i][r] is the cheapest labelling of units
 * 0..i with unit i in role r; z[i][r] that of units i+1..n-1 after
 * unit i in role r.  Their sum is the cheapest labelling of the whole
 * text with unit i in role r, which gives each unit's runner-up.  Ties
 * go to the lower role (the body's first).
 */
struct rl_dp {
	size_t		 n;		/* units */
	int		 k;		/* roles */
	const int	*cost;		/* [i * k + r]: unit i in role r */
	int		(*follow)(int, int); /* may role b follow a? */
	int		(*group)(int);	/* a role's kind, for runners-up */
	int		*a, *z;		/* [i * k + r], see above */
	int		*best;		/* [i]: the chosen role */
	int		*ru;		/* [i]: the runner-up, or -1 */
};

#define A(p, i, r)	((p)->a[(i) * (p)->k + (r)])
#define Z(p, i, r)	((p)->z[(i) * (p)->k + (r)])
#define C(p, i, r)	((p)->cost[(i) * (p)->k + (r)])
#define T(p, i, r)	(A(p, i, r) + Z(p, i, r))

static void
rl_forward(struct rl_dp *p)
{
	size_t	 i;
	int	 r, q, c;

	for (r = 0; r < p->k; r++)
		A(p, 0, r) = C(p, 0, r);
	for (i = 1; i < p->n; i++)
		for (r = 0; r < p->k; r++) {
			c = -1;
			for (q = 0; q < p->k; q++)
				if (p->follow(q, r) && (c == -1 ||
				    A(p, i - 1, q) < c))
					c = A(p, i - 1, q);
			A(p, i, r) = (c == -1 ? X * 8 : c) + C(p, i, r);
		}
}

static void
rl_backward(struct rl_dp *p)
{
	size_t	 i;
	int	 r, q, c;

	for (r = 0; r < p->k; r++)
		Z(p, p->n - 1, r) = 0;
	for (i = p->n - 1; i > 0; i--)
		for (r = 0; r < p->k; r++) {
			c = -1;
			for (q = 0; q < p->k; q++)
				if (p->follow(r, q) && (c == -1 ||
				    Z(p, i, q) + C(p, i, q) < c))
					c = Z(p, i, q) + C(p, i, q);
			Z(p, i - 1, r) = c == -1 ? X * 8 : c;
		}
}

/* The best labelling: the best last role, then back through the
 * roles whose cost reaches it. */
static void
rl_best(struct rl_dp *p)
{
	size_t	 i = p->n;
	int	 r, b;

	b = 0;
	for (r = 1; r < p->k; r++)
		if (A(p, i - 1, r) < A(p, i - 1, b))
			b = r;
	p->best[i - 1] = b;
	while (--i > 0) {
		for (r = 0; r < p->k; r++)
			if (p->follow(r, b) && A(p, i - 1, r) ==
			    A(p, i, b) - C(p, i, b))
				break;
		assert(r < p->k);
		b = r;
		p->best[i - 1] = b;
	}
}

/* The cheapest labelling with unit i in another kind of role than
 * its best: the runner-up, or -1 if none can stand there (a role its
 * own forms forbid is none, whatever the total). */
static int
rl_runner_up(const struct rl_dp *p, size_t i)
{
	int	 r, b = -1, g = p->group(p->best[i]);

	for (r = 0; r < p->k; r++)
		if (p->group(r) != g && C(p, i, r) < X && T(p, i, r) < X &&
		    (b == -1 || T(p, i, r) < T(p, i, b)))
			b = r;
	return b;
}

/* Decode: fills best[] and ru[] (g_malloc'd, the caller frees). */
static void
rl_decode(struct rl_dp *p)
{
	size_t	 i;

	p->a = g_new(int, p->n * p->k);
	p->z = g_new(int, p->n * p->k);
	p->best = g_new(int, p->n);
	p->ru = g_new(int, p->n);
	rl_forward(p);
	rl_backward(p);
	rl_best(p);
	for (i = 0; i < p->n; i++)
		p->ru[i] = rl_runner_up(p, i);
}

static void
rl_dp_free(struct rl_dp *p)
{
	g_free(p->a);
	g_free(p->z);
	g_free(p->best);
	g_free(p->ru);
}

/* Does unit i win its role by less than the margin? */
static int
rl_close(const struct rl_dp *p, size_t i)
{
	return p->ru[i] >= 0 && T(p, i, p->ru[i]) - T(p, i, p->best[i]) <
	    RL_MARGIN;
}

/* Print a unit: its line, features, its role and the runner-up with
 * their costs, and its text (--explain). */
static void
rl_explain(const struct rl_dp *p, size_t i, int line, const char *what,
    const unsigned char *f, const char *const *fnames, int nf,
    const char *const *rnames, const char *text)
{
	int	 r = p->best[i], ru = p->ru[i], j;
	long	 n;
	char	*t;

	fprintf(stderr, "explain: %s at line %d: [", what, line);
	for (j = 1; j < nf; j++)
		if (f[j])
			fprintf(stderr, " %s", fnames[j]);
	fprintf(stderr, " ] %s %d (total %d)", rnames[r], C(p, i, r),
	    T(p, i, r));
	if (ru >= 0)
		fprintf(stderr, ", runner-up %s %d (total %d)", rnames[ru],
		    C(p, i, ru), T(p, i, ru));
	/* g_utf8_substring() reads past an end beyond the text. */
	n = g_utf8_strlen(text, -1);
	t = g_utf8_substring(text, 0, n > 24 ? 24 : n);
	fprintf(stderr, ": %s%s\n", t, n > 24 ? "…" : "");
	g_free(t);
}

static int
rl_follow_body(int a, int b)
{
	return rl_may_follow(a, b);
}

static int
rl_group_body(int r)
{
	return rl_group(r);
}

/*
 * Decide the roles of the blocks from first to the end of the text as
 * one labelling; brec[] holds each block's recognisers (dc_recognise()
 * of its dc_roles_judged() text), which the reader works out: the
 * decoder weighs features and calls no reader.  Returns a g_malloc'd
 * array of *n roles, one for each node from first on; a unit whose
 * role wins by a small margin is warned about, naming the runner-up;
 * o->explain prints every unit.
 *
 * A run of blocks that can only be the body's is one unit for the
 * decoder: each of them is the body's whatever the others are, and a
 * run stands where its first block does in the grammar, so the
 * labelling is the same while the decoder's tables hold the units
 * that can be something else (a text of 500,000 short lines needs a
 * handful of rows, not a million).
 */
enum dc_role *
dc_roles_decide(const struct dc_node *first, const unsigned *brec,
    const struct dc_opts *o, size_t *n)
{
	const struct dc_node *b;
	struct rl_unit	 t;
	struct rl_dp	 p;
	enum dc_role	*best;
	unsigned	*rec;
	unsigned char	*stop;
	size_t		 nb, i, j, *at;
	int		*cost, warn;

	memset(&p, 0, sizeof(p));
	for (nb = 0, b = first; b != NULL; b = b->next)
		nb++;
	*n = nb;
	if (nb == 0)
		return NULL;
	rec = g_new(unsigned, nb);
	stop = g_new(unsigned char, nb);
	for (i = 0, b = first; b != NULL; b = b->next, i++) {
		memset(&t, 0, sizeof(t));
		rl_unit_own(&t, b, brec[i]);
		rec[i] = t.rec;
		stop[i] = t.f[RF_STOP];
	}
	/* The units: every block that can be something else, and the
	 * first block of each run of the body's only. */
	for (p.n = 0, i = 0; i < nb; i++)
		if (i == 0 || !rl_forced_body(rec[i]) ||
		    !rl_forced_body(rec[i - 1]))
			p.n++;
	/* A unit's features are made again where they are printed (a
	 * warning, --explain): a table of them beside the decoder's took
	 * 128 bytes a unit, where a text of 100,000 short lines that each
	 * can be something else (thanks, a date, an address) has a unit a
	 * line. */
	at = g_new(size_t, p.n);
	cost = g_new(int, p.n * DC_ROLE__MAX);
	for (j = 0, i = 0, b = first; b != NULL; b = b->next, i++) {
		if (i > 0 && rl_forced_body(rec[i]) &&
		    rl_forced_body(rec[i - 1]))
			continue;
		at[j] = i;
		memset(&t, 0, sizeof(t));
		rl_unit_own(&t, b, brec[i]);
		rl_unit_place(&t, i, nb, rec, stop);
		rl_unit_cost(&t, cost + j * DC_ROLE__MAX);
		j++;
	}
	p.k = DC_ROLE__MAX;
	p.cost = cost;
	p.follow = rl_follow_body;
	p.group = rl_group_body;
	rl_decode(&p);
	best = g_new(enum dc_role, nb);
	for (j = 0, i = 0, b = first; b != NULL; b = b->next, i++) {
		if (j + 1 < p.n && at[j + 1] == i)
			j++;
		best[i] = p.best[j];
		/* A block in a run of the body's only is explained as its
		 * first, and warned about only there. */
		warn = at[j] == i && rl_close(&p, j) &&
		    (p.best[j] != DC_ROLE_BODY || p.ru[j] != DC_ROLE_BODY);
		if (!warn && (o == NULL || !o->explain))
			continue;
		memset(&t, 0, sizeof(t));
		rl_unit_own(&t, b, brec[i]);
		rl_unit_place(&t, i, nb, rec, stop);
		if (o != NULL && o->explain)
			rl_explain(&p, j, b->line, "block", t.f,
			    rl_feat_names, RF__MAX, rl_role_names, t.text);
		if (warn)
			dc_msg(DC_WARN_ROLE, b->line, 0, "taken as %s "
			    "by a small margin over %s: %s",
			    rl_role_names[p.best[j]], rl_role_names[p.ru[j]],
			    t.text);
	}
	rl_dp_free(&p);
	g_free(cost);
	g_free(at);
	g_free(stop);
	g_free(rec);
	return best;
}

/*
 * ---- The header ----
 *
 * The lines at the top of a text are header lines (title, subtitle,
 * speaker, date and place) or the body's.  The header is a run of
 * lines from the first: lines of a header's form, and at most one line
 * of another form (a long title, a headline in another language's
 * order) when header lines of the surest forms (a date, a speaker, a
 * subtitle) follow it.  dc_header_lines() then tells each header
 * line's role.
 */
enum hl_role {
	HL_BODY = 0,	/* the body's */
	HL_HEAD,	/* a header line */
	HL_ODD,		/* the header's one line of another form */
	HL_AFTER,	/* a header line after that one */
	HL__MAX
};

static const char *const hl_role_names[HL__MAX] = {
	[HL_BODY] = "body",
	[HL_HEAD] = "header",
	[HL_ODD] = "header-odd",
	[HL_AFTER] = "header-after",
};

enum hl_feat {
	HF_BIAS = 0,
	HF_BLANK,	/* the DC_LREC_* bits, in their order */
	HF_HEADER,
	HF_NUMHEAD,
	HF_DATE,
	HF_SPEAKER,
	HF_SUBTITLE,
	HF_ADDRESS,
	HF_OTHER,	/* not of a header's form */
	HF_FIRST,	/* the first line */
	HF_LAST,	/* the last line */
	HF_FAR,		/* DC_HEADER_FAR lines or more down */
	HF_TOP,		/* the text's first line */
	HF__MAX
};

static const char *const hl_feat_names[HF__MAX] = {
	[HF_BIAS] = "bias",
	[HF_BLANK] = "blank",
	[HF_HEADER] = "header",
	[HF_NUMHEAD] = "num-head",
	[HF_DATE] = "date",
	[HF_SPEAKER] = "speaker",
	[HF_SUBTITLE] = "subtitle",
	[HF_ADDRESS] = "address",
	[HF_OTHER] = "other",
	[HF_FIRST] = "first",
	[HF_LAST] = "last",
	[HF_FAR] = "far",
	[HF_TOP] = "top",
};

/* The weights of the header's roles (the body's cost nothing).  Set
 * by hand. */
static const int hl_weights[HL__MAX][HF__MAX] = {
	[HL_BODY] = { 0 },
	[HL_HEAD] = { [HF_HEADER] = -4, [HF_OTHER] = X, [HF_ADDRESS] = X,
	    [HF_LAST] = X, [HF_FAR] = X },
	[HL_ODD] = { [HF_BIAS] = 18, [HF_HEADER] = X, [HF_ADDRESS] = X,
	    [HF_NUMHEAD] = X, [HF_BLANK] = X, [HF_LAST] = X, [HF_FAR] = X },
	[HL_AFTER] = { [HF_HEADER] = -2, [HF_DATE] = -8, [HF_SPEAKER] = -8,
	    [HF_SUBTITLE] = -8, [HF_OTHER] = X, [HF_ADDRESS] = X,
	    [HF_NUMHEAD] = X, [HF_LAST] = X, [HF_FAR] = X, [HF_TOP] = X },
};

/* The grammar: header lines, at most one of another form among them,
 * then the body. */
static int
hl_follow(int a, int b)
{
	switch (a) {
	case HL_HEAD:
		return b != HL_AFTER;
	case HL_ODD:
		return b == HL_AFTER || b == HL_BODY;
	case HL_AFTER:
		return b == HL_AFTER || b == HL_BODY;
	case HL_BODY:
		return b == HL_BODY;
	}
	abort();
}

static int
hl_group(int r)
{
	return r == HL_BODY ? 0 : 1;
}

/* A line's features; first: no line before it but blank ones. */
static void
hl_features(unsigned char *f, unsigned rec, size_t i, size_t n, int first)
{
	int	 j;

	memset(f, 0, HF__MAX);
	f[HF_BIAS] = 1;
	for (j = 0; j <= HF_ADDRESS - HF_BLANK; j++)
		f[HF_BLANK + j] = (rec >> j) & 1;
	f[HF_OTHER] = !f[HF_HEADER];
	/* A numbered heading after the first line opens the body. */
	if (f[HF_NUMHEAD] && !first)
		f[HF_OTHER] = 1;
	f[HF_FIRST] = first;
	f[HF_LAST] = i + 1 == n;
	f[HF_FAR] = i >= DC_HEADER_FAR;
	f[HF_TOP] = i == 0;
}

/*
 * How many of the n lines l[] (whose recognisers said rec[]) form the
 * header: decoded as one labelling (see above).  The header ends with
 * its last line that is not blank.
 */
size_t
dc_roles_header(const struct dc_line **l, size_t n, const unsigned *rec,
    const struct dc_opts *o)
{
	struct rl_dp	 p;
	unsigned char	(*f)[HF__MAX];
	int		*cost, r, j, first = 1;
	size_t		 i, m, h = 0;

	if (n == 0)
		return 0;
	/* Lines past DC_HEADER_FAR are the body's whatever they are:
	 * decode up to the first of them, which sees the real length. */
	m = n > DC_HEADER_FAR + 1 ? DC_HEADER_FAR + 1 : n;
	memset(&p, 0, sizeof(p));
	f = g_malloc(sizeof(*f) * m);
	cost = g_new(int, m * HL__MAX);
	for (i = 0; i < m; i++) {
		hl_features(f[i], rec[i], i, n, first);
		if (!l[i]->blank)
			first = 0;
		for (r = 0; r < HL__MAX; r++) {
			cost[i * HL__MAX + r] = 0;
			for (j = 0; j < HF__MAX; j++)
				if (f[i][j])
					cost[i * HL__MAX + r] +=
					    hl_weights[r][j];
			if (cost[i * HL__MAX + r] > X)
				cost[i * HL__MAX + r] = X;
		}
	}
	p.n = m;
	p.k = HL__MAX;
	p.cost = cost;
	p.follow = hl_follow;
	p.group = hl_group;
	rl_decode(&p);
	for (i = 0; i < m; i++) {
		if (p.best[i] != HL_BODY && !l[i]->blank)
			h = i + 1;
		if (o != NULL && o->explain)
			rl_explain(&p, i, l[i]->lineno, "line", f[i],
			    hl_feat_names, HF__MAX, hl_role_names,
			    l[i]->text);
		if (p.best[i] == HL_ODD)
			dc_msg(DC_WARN_ROLE, l[i]->lineno, 0, "taken as a "
			    "header line, though not of a header's form, "
			    "for the header lines after it: %s", l[i]->text);
		else if (rl_close(&p, i) && !l[i]->blank &&
		    p.best[i] != HL_AFTER)
			dc_msg(DC_WARN_ROLE, l[i]->lineno, 0, "taken as %s "
			    "by a small margin over %s: %s",
			    hl_role_names[p.best[i]],
			    hl_role_names[p.ru[i]], l[i]->text);
	}
	rl_dp_free(&p);
	g_free(cost);
	g_free(f);
	return h;
}
