/*
 * Walks of the model that more than one writer needs, so that every
 * output derives them alike from the one tree: the translation pairs
 * (a two-file input's beads, or the model's header lines and blocks),
 * read by TEI's links, the TMX, the review sheet, the EPUB and web
 * page's and the PDF's joined paragraphs; and the parts, entered and
 * left as cmark's iterator enters and leaves its nodes, by the TEI's
 * divs and the EPUB's and web page's sections and contents.  Nothing
 * here reads a file: the two-file reader (align.c) leaves its beads in
 * d->align, and the walks take them from there.
 */
#include "config.h"

#include <assert.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"

/* Is line x one of the n lines at l? */
static int
walk_has_line(const int *l, int n, int x)
{
	int	 k;

	for (k = 0; k < n; k++)
		if (l[k] == x)
			return 1;
	return 0;
}

/*
 * Add the header lines in language l to pair p: those its bead names
 * (p->lines set), else those of its type.
 */
static void
walk_pair_hlines(const struct dc_doc *d, struct dc_pair *p, enum dc_lang l)
{
	const struct dc_node	*n;
	GPtrArray		*v = g_ptr_array_new();
	size_t			 i;

	for (n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_header(n->type) && n->lang == l &&
		    (p->lines[l] != NULL ? walk_has_line(p->lines[l],
		    p->nlines[l], n->line) : n->type == p->type))
			g_ptr_array_add(v, (gpointer)n);
	p->nhl[l] = v->len;
	g_ptr_array_add(v, NULL);
	p->hl[l] = (const struct dc_node **)g_ptr_array_free(v, FALSE);
	if (p->lines[l] != NULL)
		return;
	p->nlines[l] = (int)p->nhl[l];
	p->lines[l] = g_new0(int, p->nhl[l] + 1);
	for (i = 0; i < p->nhl[l]; i++)
		p->lines[l][i] = p->hl[l][i]->line;
}

/*
 * The translation pairs of a document: for a two-file input its beads
 * (line numbers of both files, scores, doubts), else the pairs of the
 * model: the header lines of each type, in the order the types first
 * come, and each block (a block in one language only is doubtful, as
 * a 1-0 bead is).  Returns them (dc_pairs_free()).
 */
struct dc_pairs *
dc_pairs_new(const struct dc_doc *d)
{
	const struct dc_align	*al = d->align;
	const struct dc_node	*n, *s;
	struct dc_pairs		*ps;
	struct dc_pair		*p;
	GArray			*v;
	size_t			 k, nblk = 0, nhead = 0;
	int			 seen[DC_TYPE__MAX] = { 0 }, l;

	ps = g_new0(struct dc_pairs, 1);
	v = g_array_new(FALSE, TRUE, sizeof(struct dc_pair));
	for (n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type))
			nblk++;
	if (al != NULL) {
		for (k = 0; k < al->nbeads &&
		    dc_type_is_header(al->beads[k].type); k++)
			nhead++;
		/* A model edited since (JSON) may no longer match. */
		if (al->nbeads - nhead != nblk)
			al = NULL;
	}
	ps->orig = al != NULL ? al->lang_a : DC_LANG_ZH;
	if (al != NULL) {
		ps->name[al->lang_a] = al->original;
		ps->name[al->lang_b] = al->translation;
	} else
		for (l = 0; l < DC_LANG__MAX; l++)
			ps->name[l] = d->meta.source;
	n = d->root->child;
	for (k = 0; al != NULL && k < al->nbeads; k++) {
		const struct dc_bead *e = &al->beads[k];
		struct dc_pair q;
		memset(&q, 0, sizeof(q));
		q.type = e->type;
		q.score = e->score;
		q.warned = e->warned;
		q.bead = e;
		q.nlines[al->lang_a] = e->na;
		q.lines[al->lang_a] = g_memdup2(e->lines,
		    sizeof(int) * (size_t)(e->na + 1));
		q.nlines[al->lang_b] = e->nb;
		q.lines[al->lang_b] = g_new0(int, e->nb + 1);
		memcpy(q.lines[al->lang_b], e->lines + e->na,
		    sizeof(int) * (size_t)e->nb);
		if (k < nhead) {
			walk_pair_hlines(d, &q, al->lang_a);
			walk_pair_hlines(d, &q, al->lang_b);
		} else {
			while (n != NULL && !dc_type_is_block(n->type))
				n = n->next;
			q.blk = n;
			n = n->next;
		}
		g_array_append_val(v, q);
	}
	if (al == NULL) {
		for (n = d->root->child; n != NULL; n = n->next) {
			struct dc_pair q;
			if (!dc_type_is_header(n->type) || seen[n->type])
				continue;
			seen[n->type] = 1;
			memset(&q, 0, sizeof(q));
			q.type = n->type;
			for (l = 0; l < DC_LANG__MAX; l++)
				walk_pair_hlines(d, &q, (enum dc_lang)l);
			g_array_append_val(v, q);
		}
		for (n = d->root->child; n != NULL; n = n->next) {
			struct dc_pair q;
			if (!dc_type_is_block(n->type))
				continue;
			memset(&q, 0, sizeof(q));
			q.type = n->type;
			q.blk = n;
			for (l = 0; l < DC_LANG__MAX; l++) {
				q.lines[l] = g_new0(int, 2);
				if ((s = dc_node_seg(n, (enum dc_lang)l)) ==
				    NULL)
					continue;
				q.nlines[l] = 1;
				q.lines[l][0] = s->line > 0 ? s->line :
				    n->line;
			}
			q.warned = q.nlines[DC_LANG_ZH] == 0 ||
			    q.nlines[DC_LANG_EN] == 0;
			g_array_append_val(v, q);
		}
	}
	ps->n = v->len;
	ps->p = (struct dc_pair *)(void *)g_array_free(v, FALSE);
	for (k = 0; k < ps->n; k++) {
		p = &ps->p[k];
		for (l = 0; l < DC_LANG__MAX; l++)
			if (p->lines[l] == NULL)
				p->lines[l] = g_new0(int, 1);
	}
	return ps;
}

void
dc_pairs_free(struct dc_pairs *ps)
{
	size_t	 k;
	int	 l;

	if (ps == NULL)
		return;
	for (k = 0; k < ps->n; k++)
		for (l = 0; l < DC_LANG__MAX; l++) {
			g_free(ps->p[k].hl[l]);
			g_free(ps->p[k].lines[l]);
		}
	g_free(ps->p);
	g_free(ps);
}

/*
 * A two-file document's beads by block (block -> its dc_bead), for
 * dc_seg_cuts(); NULL if d is not two files aligned.  The caller
 * destroys the table.
 */
GHashTable *
dc_beads_by_block(const struct dc_doc *d)
{
	struct dc_pairs	*ps;
	GHashTable	*h;
	size_t		 i;

	if (d->align == NULL)
		return NULL;
	h = g_hash_table_new(g_direct_hash, g_direct_equal);
	ps = dc_pairs_new(d);
	for (i = 0; i < ps->n; i++)
		if (ps->p[i].blk != NULL && ps->p[i].bead != NULL)
			g_hash_table_insert(h, (gpointer)ps->p[i].blk,
			    (gpointer)ps->p[i].bead);
	dc_pairs_free(ps);
	return h;
}

/*
 * The text of one side of a pair: the block's text in l, or its
 * header lines joined as the model joins a title's (dc_title_sep()).
 * NULL if that side is empty; else g_free().
 */
char *
dc_pair_text(const struct dc_pair *p, enum dc_lang l)
{
	const struct dc_node	*s;
	GString			*b;
	size_t			 i;

	if (p->blk != NULL)
		return (s = dc_node_seg(p->blk, l)) != NULL && s->text != NULL &&
		    *s->text != '\0' ? g_strdup(s->text) : NULL;
	if (p->nhl[l] == 0)
		return NULL;
	b = g_string_new(NULL);
	for (i = 0; i < p->nhl[l]; i++) {
		if (i > 0)
			g_string_append(b, dc_title_sep(b->str,
			    p->hl[l][i]->text, l));
		g_string_append(b, p->hl[l][i]->text);
	}
	return g_string_free(b, FALSE);
}

/*
 * Where the paragraphs of a two-file bead e (2-1, 1-2) start in seg s,
 * its block's text in one language: the offsets the two-file reader kept, if the
 * text still splits there (on a character, after the speaker label,
 * lead and enumerator).  Returns them, 0-terminated, or NULL: one
 * paragraph, tokens, no bead.
 */
const size_t *
dc_seg_cuts(const struct dc_bead *e, const struct dc_node *s)
{
	const size_t	*c;
	size_t		 len, k, prev;

	if (e == NULL || s == NULL || s->child != NULL || s->text == NULL ||
	    (c = e->cut[s->lang]) == NULL)
		return NULL;
	len = strlen(s->text);
	prev = MAX(MAX(s->spk_len, s->lead_len), s->enum_len);
	for (k = 0; c[k] != 0; prev = c[k++])
		if (c[k] <= prev || c[k] >= len ||
		    (s->text[c[k]] & 0xC0) == 0x80)
			return NULL;
	return c;
}

/* The first block at or after n, or it->to (a header line or front
 * matter is no block). */
static const struct dc_node *
walk_block(const struct dc_iter *it, const struct dc_node *n)
{
	while (n != it->to && n != NULL && !dc_type_is_block(n->type))
		n = n->next;
	return n;
}

/*
 * Walk the blocks from the first at or after from up to, not
 * including, to (NULL: the text's end); flags DC_ITER_*.  The parts
 * of the text end at its closings (dc_part_end()), never past them:
 * to is the text's end, or those closings, or a part's end.
 */
void
dc_iter_init(struct dc_iter *it, const struct dc_node *from,
    const struct dc_node *to, int flags)
{
	memset(it, 0, sizeof(*it));
	it->to = to;
	it->flags = flags;
	it->next = walk_block(it, from);
}

/*
 * The next event of the walk, its block in *np: the block opening the
 * part entered or left, the block given.  The parts ending before a
 * block are left first, innermost first; then the part it opens (if
 * any) is entered; then the block is given.
 */
enum dc_ev
dc_iter_next(struct dc_iter *it, const struct dc_node **np)
{
	const struct dc_node	*b = it->next;
	int			 at_end = b == it->to || b == NULL;
	int			 lv = at_end ? 0 : dc_part_level(b), d;

	*np = NULL;
	if (!it->entered && it->depth > 0) {
		d = it->depth - 1;
		if (at_end || it->end[d] == b || (it->lv[d] == 0 && lv > 0)) {
			/* A part ending at no part's opener ends at the
			 * closings ending the text. */
			if (!at_end && it->end[d] == b && lv == 0)
				it->tail = 1;
			it->depth--;
			*np = it->head[d];
			return DC_EV_EXIT;
		}
	}
	if (at_end)
		return DC_EV_DONE;
	if (!it->entered) {
		it->entered = 1;
		if (lv > 0 || ((it->flags & DC_ITER_OPENING) &&
		    it->depth == 0 && !it->tail)) {
			assert(it->depth < DC_ITER_DEPTH);
			d = it->depth++;
			it->lv[d] = lv;
			it->end[d] = lv > 0 ? dc_part_end(b) : it->to;
			it->head[d] = b;
			it->npart++;
			*np = b;
			return DC_EV_ENTER;
		}
	}
	it->entered = 0;
	it->nblock++;
	it->next = walk_block(it, b->next);
	*np = b;
	return DC_EV_BLOCK;
}

/*
 * Go on at block n: the blocks before it were written with the last
 * one given (a turn's paragraphs, a figure's credits, a closer).  They
 * must open no part.
 */
void
dc_iter_skip(struct dc_iter *it, const struct dc_node *n)
{
	it->entered = 0;
	it->next = walk_block(it, n);
}

/* Leave out the part just entered, with the parts inside it: the walk
 * goes on at its end, and gives no DC_EV_EXIT for it. */
void
dc_iter_skip_part(struct dc_iter *it)
{
	assert(it->depth > 0 && it->entered);
	it->depth--;
	dc_iter_skip(it, it->end[it->depth]);
}

/* Where the innermost open part ends, or the walk if none is open. */
const struct dc_node *
dc_iter_end(const struct dc_iter *it)
{
	return it->depth > 0 ? it->end[it->depth - 1] : it->to;
}

/* How many of the open parts a heading opened: the rank in the
 * outline of a heading given now. */
int
dc_iter_headings(const struct dc_iter *it)
{
	int	 d, n = 0;

	for (d = 0; d < it->depth; d++)
		n += it->head[d]->type == DC_HEADING;
	return n;
}
