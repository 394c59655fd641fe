/*
 * The one dynamic program of length-based alignment (Gale and Church
 * 1993), which the interleaved bilingual reader's lines
 * (parse_bilingual.c), the two-file reader's paragraphs (align.c) and
 * a paragraph pair's sentences (sent.c) share: beads of 1-1, 1-0, 0-1,
 * 2-1 and 1-2 units, each costed by its caller, the least costly path
 * through the table, searched within a band round the diagonal as
 * bitext aligners restrict their search (a band as wide as the longer
 * side is the whole table).  Optionally, how sure each step is: the
 * table run backwards too, and a step doubtful where another path
 * through its row costs little more.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "bitext.h"

/* The moves, in the order ties are settled (the first wins). */
static const struct dc_gc_step gc_moves[] = {
	{ 1, 1 }, { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 2 }
};

/*
 * The band of the table: row i (units of a done) holds columns j
 * within w of the diagonal; lo is row i's first column.  Its cols
 * never pass the table's nb + 1: a band wider than the side is the
 * side.
 */
struct gc_band {
	size_t		 na, nb;	/* units of each side */
	size_t		 w;		/* half width */
	size_t		 cols;		/* columns kept a row */
};

static size_t
gc_lo(const struct gc_band *bd, size_t i)
{
	size_t	 c = bd->na > 0 ? i * bd->nb / bd->na : 0;

	return c > bd->w ? c - bd->w : 0;
}

/* Row i's last column. */
static size_t
gc_hi(const struct gc_band *bd, size_t i)
{
	size_t	 lo = gc_lo(bd, i);

	return lo + bd->cols - 1 < bd->nb ? lo + bd->cols - 1 : bd->nb;
}

/* Index of cell (i, j), or (size_t)-1 outside the band. */
static size_t
gc_at(const struct gc_band *bd, size_t i, size_t j)
{
	size_t	 lo = gc_lo(bd, i);

	if (i > bd->na || j > bd->nb || j < lo || j - lo >= bd->cols)
		return (size_t)-1;
	return i * bd->cols + (j - lo);
}

/*
 * The least cost from each cell of the band to the end (the table
 * gc_forward() fills, run backwards).  Returns it (g_free()).
 */
static double *
gc_backward(const struct gc_band *bd, const struct dc_gc *g)
{
	size_t	 i, j, k, lo, at, to, cells = (bd->na + 1) * bd->cols;
	double	*back = g_new(double, cells), c;

	for (k = 0; k < cells; k++)
		back[k] = HUGE_VAL;
	back[gc_at(bd, bd->na, bd->nb)] = 0;
	for (i = bd->na + 1; i-- > 0; ) {
		lo = gc_lo(bd, i);
		for (j = gc_hi(bd, i) + 1; j-- > lo; ) {
			at = gc_at(bd, i, j);
			for (k = 0; k < G_N_ELEMENTS(gc_moves); k++) {
				to = gc_at(bd, i + (size_t)gc_moves[k].a,
				    j + (size_t)gc_moves[k].b);
				if (to == (size_t)-1 || back[to] == HUGE_VAL)
					continue;
				c = back[to] + g->cost(g->arg, i,
				    gc_moves[k].a, j, gc_moves[k].b);
				if (c < back[at])
					back[at] = c;
			}
		}
	}
	return back;
}

/*
 * How sure the alignment is of each step: at the cell where step k
 * ends, the best alignment passing elsewhere in that row costs less
 * than the margin more (a unit left out or added could as well be one
 * along, and the pairs between shift).  A step is doubtful if it both
 * starts and ends so.  Returns a flag per step (g_free()).
 */
static int *
gc_doubt(const struct gc_band *bd, const double *fw, const double *bw,
    const struct dc_gc_step *st, size_t n, double margin)
{
	int	*unsure = g_new0(int, n + 1), *dbt = g_new0(int, n + 1);
	size_t	 k, i = 0, j = 0, x, at;
	double	 best, alt;

	for (k = 0; k < n; k++) {
		i += (size_t)st[k].a;
		j += (size_t)st[k].b;
		if (k + 1 == n)
			break;
		at = gc_at(bd, i, j);
		best = fw[at] + bw[at];
		alt = HUGE_VAL;
		for (x = gc_lo(bd, i); x <= gc_hi(bd, i); x++)
			if (x != j && (at = gc_at(bd, i, x)) !=
			    (size_t)-1 && fw[at] + bw[at] < alt)
				alt = fw[at] + bw[at];
		unsure[k] = alt - best < margin;
	}
	for (k = 1; k + 1 < n; k++)
		dbt[k] = unsure[k - 1] && unsure[k];
	g_free(unsure);
	return dbt;
}

/* Fill the band's least costs from the start, and the move that
 * reached each cell. */
static void
gc_forward(const struct gc_band *bd, const struct dc_gc *g, double *cost,
    int *from)
{
	size_t	 i, j, k, at, to;
	double	 c;

	for (i = 0; i <= bd->na; i++)
		for (j = gc_lo(bd, i); j <= gc_hi(bd, i); j++) {
			at = gc_at(bd, i, j);
			if (cost[at] == HUGE_VAL)
				continue;
			for (k = 0; k < G_N_ELEMENTS(gc_moves); k++) {
				to = gc_at(bd, i + (size_t)gc_moves[k].a,
				    j + (size_t)gc_moves[k].b);
				if (to == (size_t)-1)
					continue;
				c = cost[at] + g->cost(g->arg, i,
				    gc_moves[k].a, j, gc_moves[k].b);
				if (c < cost[to]) {
					cost[to] = c;
					from[to] = (int)k;
				}
			}
		}
}

/*
 * Align g->na units with g->nb within a band of half width g->w (at
 * least the longer side's units: the whole table).  Returns the steps
 * in order (g_free()), their number in *nsteps; if costs is not NULL
 * each step's cost in *costs, if doubt is not NULL whether each is
 * doubtful (gc_doubt(), by g->margin) in *doubt (both g_free()).
 */
struct dc_gc_step *
dc_gc_align(const struct dc_gc *g, size_t *nsteps, double **costs,
    int **doubt)
{
	struct gc_band	 bd;
	struct dc_gc_step *out, t;
	size_t		 i, j, k, n, at, cells;
	double		*cost, *oc, *back, tc;
	int		*from;

	bd.na = g->na;
	bd.nb = g->nb;
	bd.w = g->w;
	bd.cols = 2 * g->w + 1 < g->nb + 1 ? 2 * g->w + 1 : g->nb + 1;
	cells = (bd.na + 1) * bd.cols;
	cost = g_new(double, cells);
	from = g_new(int, cells);
	for (k = 0; k < cells; k++) {
		cost[k] = HUGE_VAL;
		from[k] = -1;
	}
	cost[0] = 0;
	gc_forward(&bd, g, cost, from);
	out = g_new(struct dc_gc_step, bd.na + bd.nb + 1);
	oc = g_new(double, bd.na + bd.nb + 1);
	n = 0;
	for (i = bd.na, j = bd.nb; i > 0 || j > 0; ) {
		/* The end is in the band, and every cell reached has a
		 * way back to the start. */
		at = gc_at(&bd, i, j);
		assert(at != (size_t)-1 && from[at] >= 0);
		k = (size_t)from[at];
		out[n] = gc_moves[k];
		i -= (size_t)gc_moves[k].a;
		j -= (size_t)gc_moves[k].b;
		oc[n++] = cost[at] - cost[gc_at(&bd, i, j)];
	}
	for (i = 0; i < n / 2; i++) {
		t = out[i];
		out[i] = out[n - 1 - i];
		out[n - 1 - i] = t;
		tc = oc[i];
		oc[i] = oc[n - 1 - i];
		oc[n - 1 - i] = tc;
	}
	if (doubt != NULL) {
		back = gc_backward(&bd, g);
		*doubt = gc_doubt(&bd, cost, back, out, n, g->margin);
		g_free(back);
	}
	if (costs != NULL)
		*costs = oc;
	else
		g_free(oc);
	g_free(cost);
	g_free(from);
	*nsteps = n;
	return out;
}

/* The normalised distance of the lengths sa (original) and sb from
 * the document's ratio: Gale and Church's delta, with a variance that
 * also grows with the square of the length (a translation of a long
 * paragraph is rarely within a few percent of the expected length). */
double
dc_gc_delta(double sa, double sb, double ratio)
{
	double	 e;

	/* In the longer side's units (English bytes rather than Chinese
	 * characters), so that the variance means the same either way
	 * round. */
	if (ratio < 1.0)
		return -dc_gc_delta(sb, sa, 1.0 / ratio);
	e = sa * ratio;
	return (sb - e) / sqrt(e * 8.0 + 0.01 * e * e);
}
