/*
 * The review sheet (--alignment-report FILE.html): every bead of the
 * document (dc_pairs_new()) side by side, with both files' line
 * numbers, the bead, its score and a colour for how sure it is; the
 * doubtful beads (those align.c warns about) first, in a summary.  One
 * self-contained page: no script, no font or style fetched, printable.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "xml.h"
#include "output.h"

/* A bead costlier than this (hundredths) is only fairly sure. */
#define RV_FAIR		200

static const char rv_css[] =
"body{font-family:\"Noto Serif CJK SC\",\"Noto Sans CJK SC\",serif;"
"margin:1.5em auto;max-width:80em;padding:0 1em;line-height:1.5;"
"color:#111;background:#fff}\n"
"h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}\n"
".bead{display:grid;grid-template-columns:10em 1fr 1fr;gap:0 1em;"
"border-left:.5em solid #2e7d32;background:#f1f8f1;margin:.4em 0;"
"padding:.4em .6em;break-inside:avoid}\n"
".bead.fair{border-left-color:#b26a00;background:#fff6e5}\n"
".bead.doubtful{border-left-color:#b00020;background:#fdecee}\n"
".meta{font-family:sans-serif;font-size:.85em}\n"
".meta span{display:block}\n"
".conf{font-weight:bold}\n"
".doubtful .conf{color:#b00020}.fair .conf{color:#8a5200}"
".sure .conf{color:#1b5e20}\n"
".lines{font-family:monospace;font-size:.85em;color:#444}\n"
".side p{margin:.2em 0}.empty{color:#777;font-style:italic}\n"
".none{font-style:italic}\n"
"@media (max-width:45em){.bead{grid-template-columns:1fr}"
".meta span{display:inline;margin-right:.8em}}\n"
"@media print{body{max-width:none;margin:0;font-size:10pt}"
".bead{background:none;border:1px solid #999;border-left-width:.4em}"
"a{color:inherit;text-decoration:none}}\n";

struct rv {
	struct dc_xml		*x;	/* the writer */
	const struct dc_doc	*d;	/* the document */
	const struct dc_pairs	*ps;	/* its pairs */
	enum dc_lang		 tl;	/* the translation's language */
};

static const char *
rv_conf(const struct dc_pair *p)
{
	return p->warned ? "doubtful" : p->score >= RV_FAIR ? "fair" : "sure";
}

/* An element of one class holding text. */
static void
rv_elem(struct rv *r, const char *name, const char *cls, const char *text)
{
	dc_xml_start(r->x, name);
	dc_xml_attr(r->x, "class", cls);
	dc_xml_text(r->x, text);
	dc_xml_end(r->x);
}

/* One side of a bead: its file's lines and its text. */
static void
rv_side(struct rv *r, const struct dc_pair *p, enum dc_lang l,
    const char *cls)
{
	GString	*b;
	char	*t;
	int	 k;

	dc_xml_nl(r->x);
	dc_xml_start(r->x, "div");
	dc_xml_attrf(r->x, "class", "side %s", cls);
	dc_xml_attr(r->x, "lang", dc_lang_tag(&r->d->meta, l));
	b = g_string_new(r->ps->name[l] != NULL ? r->ps->name[l] : "");
	for (k = 0; k < p->nlines[l]; k++)
		g_string_append_printf(b, "%c%d", k ? ',' : ':',
		    p->lines[l][k]);
	if (p->nlines[l] == 0)
		g_string_append(b, ": none");
	rv_elem(r, "div", "lines", b->str);
	g_string_free(b, TRUE);
	if ((t = dc_pair_text(p, l)) != NULL) {
		dc_xml_elem(r->x, "p", t);
		g_free(t);
	} else {
		rv_elem(r, "p", "empty", "(nothing on this side)");
	}
	dc_xml_end(r->x);
}

/* One bead k; in the summary its id is "d-N", else "bead-N". */
static void
rv_bead(struct rv *r, size_t k, int summary)
{
	const struct dc_pair	*p = &r->ps->p[k];
	char			 s[64];

	dc_xml_nl(r->x);
	dc_xml_start(r->x, "div");
	dc_xml_attrf(r->x, "class", "bead %s", rv_conf(p));
	dc_xml_attrf(r->x, "id", "%s-%zu", summary ? "d" : "bead", k + 1);
	snprintf(s, sizeof(s), "%d-%d", p->nlines[r->ps->orig],
	    p->nlines[r->tl]);
	dc_xml_attr(r->x, "data-bead", s);
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "div");
	dc_xml_attr(r->x, "class", "meta");
	dc_xml_start(r->x, "span");
	dc_xml_attr(r->x, "class", "num");
	if (summary) {
		dc_xml_start(r->x, "a");
		dc_xml_attrf(r->x, "href", "#bead-%zu", k + 1);
	}
	dc_xml_attrf(r->x, "title", "bead %zu", k + 1);
	snprintf(s, sizeof(s), "#%zu", k + 1);
	dc_xml_text(r->x, s);
	if (summary)
		dc_xml_end(r->x);
	dc_xml_end(r->x);
	snprintf(s, sizeof(s), "%d-%d", p->nlines[r->ps->orig],
	    p->nlines[r->tl]);
	rv_elem(r, "span", "kind", s);
	rv_elem(r, "span", "role", dc_type_name(p->type));
	snprintf(s, sizeof(s), "score %d.%02d", p->score / 100,
	    p->score % 100);
	rv_elem(r, "span", "score", s);
	rv_elem(r, "span", "conf", rv_conf(p));
	dc_xml_end(r->x);	/* meta */
	rv_side(r, p, r->ps->orig, "orig");
	rv_side(r, p, r->tl, "trans");
	dc_xml_nl(r->x);
	dc_xml_end(r->x);
}

static void
rv_page(struct rv *r)
{
	const struct dc_align	*al = r->d->align;
	GString			*b;
	size_t			 k, nd = 0;

	for (k = 0; k < r->ps->n; k++)
		nd += r->ps->p[k].warned != 0;
	dc_xml_doctype(r->x, "html");
	dc_xml_start(r->x, "html");
	dc_xml_attr(r->x, "lang", "en");
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "head");
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "meta");
	dc_xml_attr(r->x, "charset", "utf-8");
	dc_xml_end(r->x);
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "meta");
	dc_xml_attr(r->x, "name", "viewport");
	dc_xml_attr(r->x, "content", "width=device-width, initial-scale=1");
	dc_xml_end(r->x);
	dc_xml_nl(r->x);
	b = g_string_new("Alignment review: ");
	g_string_append(b, r->ps->name[r->ps->orig] != NULL ?
	    r->ps->name[r->ps->orig] : "document");
	dc_xml_elem(r->x, "title", b->str);
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "style");
	dc_xml_raw(r->x, rv_css);
	dc_xml_end(r->x);
	dc_xml_nl(r->x);
	dc_xml_end(r->x);	/* head */
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "body");
	dc_xml_nl(r->x);
	dc_xml_elem(r->x, "h1", b->str);
	g_string_free(b, TRUE);
	b = g_string_new(NULL);
	if (al != NULL)
		g_string_append_printf(b, "Original %s (%s), translation %s "
		    "(%s); translation length %d.%02d times the original's. ",
		    al->original, dc_lang_code(al->lang_a), al->translation,
		    dc_lang_code(al->lang_b), al->ratio / 100, al->ratio % 100);
	g_string_append_printf(b, "%zu beads, %zu doubtful.  A bead is "
	    "doubtful when it is not 1-1 or its lengths are far from the "
	    "document's ratio; correct the file --dump-alignment writes and "
	    "give it back with --alignment.", r->ps->n, nd);
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "p");
	dc_xml_attr(r->x, "id", "summary");
	dc_xml_text(r->x, b->str);
	dc_xml_end(r->x);
	g_string_free(b, TRUE);

	dc_xml_nl(r->x);
	dc_xml_start(r->x, "section");
	dc_xml_attr(r->x, "id", "doubtful");
	dc_xml_nl(r->x);
	dc_xml_start(r->x, "h2");
	{
		char h[64];
		snprintf(h, sizeof(h), "Doubtful beads: %zu", nd);
		dc_xml_text(r->x, h);
	}
	dc_xml_end(r->x);
	for (k = 0; k < r->ps->n; k++)
		if (r->ps->p[k].warned)
			rv_bead(r, k, 1);
	if (nd == 0) {
		dc_xml_nl(r->x);
		rv_elem(r, "p", "none", "No doubtful beads.");
	}
	dc_xml_nl(r->x);
	dc_xml_end(r->x);

	dc_xml_nl(r->x);
	dc_xml_start(r->x, "section");
	dc_xml_attr(r->x, "id", "all");
	dc_xml_nl(r->x);
	dc_xml_elem(r->x, "h2", "All beads");
	for (k = 0; k < r->ps->n; k++)
		rv_bead(r, k, 0);
	dc_xml_nl(r->x);
	dc_xml_end(r->x);
	dc_xml_nl(r->x);
	dc_xml_end(r->x);	/* body */
	dc_xml_nl(r->x);
	dc_xml_end(r->x);	/* html */
	dc_xml_nl(r->x);
}

/*
 * Write the review sheet of the document's pairs to path.  Returns 0,
 * or -1 on failure (reported).
 */
int
render_review(const struct dc_doc *d, const struct dc_opts *o,
    const char *path)
{
	struct rv	 r;
	char		*buf = NULL;
	size_t		 len = 0;
	int		 rc = -1, i;

	(void)o;
	memset(&r, 0, sizeof(r));
	r.d = d;
	r.ps = dc_pairs_new(d);
	r.tl = r.ps->orig == DC_LANG_ZH ? DC_LANG_EN : DC_LANG_ZH;
	if ((r.x = dc_xml_new_html()) == NULL) {
		dc_msg_sys("%s: cannot start the HTML writer", path);
		goto out;
	}
	rv_page(&r);
	i = dc_xml_finish(r.x, &buf, &len);
	r.x = NULL;
	if (i == -1)
		goto out;
	rc = dc_output_write(path, buf, len);
out:
	dc_pairs_free((struct dc_pairs *)r.ps);
	g_free(buf);
	return rc;
}
