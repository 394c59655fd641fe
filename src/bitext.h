/*
 * bitext.h: what the length-based aligners share: the interleaved
 * reader's line aligner (parse_bilingual.c), the two-file reader's
 * paragraph aligner (align.c) and the sentence aligner of a paragraph
 * pair (sent.c).
 */
#ifndef BITEXT_H
#define BITEXT_H

/* sent.c: the size of a text in its language's units (characters for
 * Chinese, bytes otherwise); the numbers written in digits in it, or
 * NULL if none (g_hash_table_destroy()); does y hold one of x's
 * numbers (or x none). */
struct _GHashTable;
double			 dc_text_size(const char *, enum dc_lang);
struct _GHashTable	*dc_text_numbers(const char *);
int			 dc_numbers_share(struct _GHashTable *,
			    struct _GHashTable *);

/*
 * galechurch.c: the one dynamic program of the aligners.  A step is a
 * bead of a units of one side and b of the other (1-1, 1-0, 0-1, 2-1,
 * 1-2); the caller's cost prices the bead of na units of a from i and
 * nb of b from j.
 */
struct dc_gc_step {
	int		 a;		/* units of the first side, 0-2 */
	int		 b;		/* of the second, 0-2 */
};

typedef double	 dc_gc_cost(const void *, size_t, int, size_t, int);

struct dc_gc {
	size_t		 na, nb;	/* units of each side */
	size_t		 w;		/* the band's half width; at least
					   the longer side's: the whole
					   table */
	dc_gc_cost	*cost;		/* a bead's cost */
	const void	*arg;		/* cost's first argument */
	double		 margin;	/* a step is doubtful if another
					   path costs less than this more */
};

struct dc_gc_step	*dc_gc_align(const struct dc_gc *, size_t *,
			    double **, int **);
/* Gale and Church's normalised distance of the lengths sa and sb from
 * the ratio. */
double			 dc_gc_delta(double, double, double);

#endif /* !BITEXT_H */
