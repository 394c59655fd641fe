/*
 * The TMX backend (--tmx): the translation pairs of the document
 * (dc_pairs_new(): a two-file input's beads, or an interleaved file's
 * blocks and header lines) as a TMX 1.4b translation memory that CAT
 * tools load: one tu per pair, each language a tuv, the source lines,
 * the bead and the role as props; with --tmx-segment=sentence a pair
 * with more than one sentence on a side is one tu per bead of the
 * sentence alignment (dc_sent_align()).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "docconv.h"
#include "xml.h"
#include "output.h"

struct tmx {
	struct dc_xml		*x;	/* the writer */
	const struct dc_doc	*d;	/* the document */
	const struct dc_opts	*o;	/* options */
	const struct dc_pairs	*ps;	/* its pairs */
	enum dc_lang		 tl;	/* the translation's language */
	size_t			 ntu;	/* units written */
};

/* "12,14" or "-": the first source lines of a side's units. */
static char *
tmx_lines(const struct dc_pair *p, enum dc_lang l)
{
	GString	*b = g_string_new(NULL);
	int	 k;

	for (k = 0; k < p->nlines[l]; k++)
		g_string_append_printf(b, "%s%d", k ? "," : "",
		    p->lines[l][k]);
	if (b->len == 0)
		g_string_append_c(b, '-');
	return g_string_free(b, FALSE);
}

static void
tmx_prop(struct tmx *t, const char *type, const char *val)
{
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "prop");
	dc_xml_attr(t->x, "type", type);
	dc_xml_text(t->x, val);
	dc_xml_end(t->x);
}

/*
 * The language of l's tuvs: the document's tag, as in every other
 * output (dc_lang_tag(): the user's, else zh-CN or zh-TW by script).
 */
static const char *
tmx_lang(const struct tmx *t, enum dc_lang l)
{
	return dc_lang_tag(&t->d->meta, l);
}

/* One tuv: the language, its source lines, its text. */
static void
tmx_tuv(struct tmx *t, const struct dc_pair *p, enum dc_lang l,
    const char *text)
{
	char	*lines = tmx_lines(p, l);

	dc_xml_nl(t->x);
	dc_xml_start(t->x, "tuv");
	dc_xml_attr(t->x, "xml:lang", tmx_lang(t, l));
	tmx_prop(t, "x-docconv-lines", lines);
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "seg", text);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	g_free(lines);
}

/*
 * One tu: id (stable: the block's number as in the TEI's LANG-bN, or
 * the header type), segtype where it differs from the header's, the
 * bead, the role, and both tuvs, original first.
 */
static void
tmx_tu(struct tmx *t, const struct dc_pair *p, const char *id,
    const char *segtype, int sent, const char *check, const char *ta,
    const char *tb)
{
	char	 bead[32], num[16];

	t->ntu++;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "tu");
	dc_xml_attr(t->x, "tuid", id);
	if (segtype != NULL)
		dc_xml_attr(t->x, "segtype", segtype);
	snprintf(bead, sizeof(bead), "%d-%d", p->nlines[t->ps->orig],
	    p->nlines[t->tl]);
	tmx_prop(t, "x-docconv-bead", bead);
	tmx_prop(t, "x-docconv-role", dc_type_name(p->type));
	if (p->type == DC_HEADING && p->blk != NULL) {
		snprintf(num, sizeof(num), "%d", p->blk->level);
		tmx_prop(t, "x-docconv-level", num);
	}
	if (sent > 0) {
		snprintf(num, sizeof(num), "%d", sent);
		tmx_prop(t, "x-docconv-sentence", num);
	}
	/* What to check in a translation tool: this unit, not only its
	 * paragraph's warning. */
	if (check != NULL)
		tmx_prop(t, "x-docconv-check", check);
	tmx_tuv(t, p, t->ps->orig, ta);
	tmx_tuv(t, p, t->tl, tb);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
}

/* Sentences a[i..i+n) joined as they stand in the paragraph
 * (g_free()). */
static char *
tmx_join(char **a, size_t i, int n, enum dc_lang l)
{
	GString	*b = g_string_new(NULL);
	int	 k;

	for (k = 0; k < n; k++) {
		if (k > 0 && l != DC_LANG_ZH)
			g_string_append_c(b, ' ');
		g_string_append(b, a[i + (size_t)k]);
	}
	return g_string_free(b, FALSE);
}

/*
 * The tus of a paragraph pair of sentences sa (the original's) and sb:
 * one per sentence bead (dc_sent_align()), numbered id.1, id.2...; a
 * warning names the paragraph whose sentences pair with doubt.
 * Returns 0, or -1 (nothing written) if they are too many to align.
 */
static int
tmx_sentence_tus(struct tmx *t, const struct dc_pair *p, const char *id,
    char **sa, char **sb)
{
	struct dc_sbead	*e;
	size_t		 n, k, ia = 0, ib = 0;
	char		*xa, *xb, *sid;
	int		 doubt = 0;

	if ((e = dc_sent_align(sa, t->ps->orig, sb, t->tl, &n)) == NULL)
		return -1;
	for (k = 0; k < n; k++) {
		xa = tmx_join(sa, ia, e[k].a, t->ps->orig);
		xb = tmx_join(sb, ib, e[k].b, t->tl);
		sid = g_strdup_printf("%s.%zu", id, k + 1);
		tmx_tu(t, p, sid, NULL, (int)k + 1, e[k].length ? "length" :
		    e[k].doubt ? "alignment" : NULL, xa, xb);
		ia += (size_t)e[k].a;
		ib += (size_t)e[k].b;
		doubt |= e[k].doubt;
		g_free(sid);
		g_free(xa);
		g_free(xb);
	}
	if (doubt)
		dc_msg(DC_WARN_ALIGN, p->nlines[t->ps->orig] > 0 ?
		    p->lines[t->ps->orig][0] : 0, 0, "%s: the sentences of "
		    "this paragraph pair with doubt (%u and %u sentences "
		    "in %zu units): check them in the TMX", id,
		    g_strv_length(sa), g_strv_length(sb), n);
	g_free(e);
	return 0;
}

/*
 * The pairs with text on both sides: a pair in one language only (a
 * 1-0 bead, an English-only header line) is nothing a translation
 * memory can reuse, and front matter is no text to translate.
 */
static void
tmx_body(struct tmx *t)
{
	const struct dc_pair	*p;
	char			**sa, **sb;
	char			*ta, *tb, *id;
	size_t			 k;
	int			 bnum = 0;
	int			 hseen[DC_TYPE__MAX] = { 0 };

	dc_xml_nl(t->x);
	dc_xml_start(t->x, "body");
	for (k = 0; k < t->ps->n; k++) {
		p = &t->ps->p[k];
		if (p->blk != NULL)
			bnum++;
		if (p->type == DC_FRONTMATTER)
			continue;
		ta = dc_pair_text(p, t->ps->orig);
		tb = dc_pair_text(p, t->tl);
		if (ta == NULL || tb == NULL) {
			g_free(ta);
			g_free(tb);
			continue;
		}
		id = p->blk != NULL ? g_strdup_printf("b%d", bnum) :
		    ++hseen[p->type] == 1 ? g_strdup_printf("h-%s",
		    dc_type_name(p->type)) : g_strdup_printf("h-%s-%d",
		    dc_type_name(p->type), hseen[p->type]);
		sa = sb = NULL;
		if (t->o->tmx_sentences && p->blk != NULL) {
			sa = dc_sentences(ta, t->ps->orig);
			sb = dc_sentences(tb, t->tl);
		}
		if (sa == NULL || (g_strv_length(sa) < 2 &&
		    g_strv_length(sb) < 2) ||
		    tmx_sentence_tus(t, p, id, sa, sb) == -1)
			tmx_tu(t, p, id, t->o->tmx_sentences ? "paragraph" :
			    NULL, 0, NULL, ta, tb);
		g_strfreev(sa);
		g_strfreev(sb);
		g_free(id);
		g_free(ta);
		g_free(tb);
	}
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
}

/*
 * The publisher's metadata (--meta, --meta-file, FILE.meta) as the
 * header's props, x-docconv-KEY, as every other output carries it: a
 * memory passed on keeps its licence and its translator.  The
 * languages' tags are the tuvs' own.
 */
static void
tmx_pub(struct tmx *t)
{
	char	*type;
	int	 k;

	for (k = 0; k < DC_PUB__MAX; k++) {
		if (t->d->meta.pub[k] == NULL || k == DC_PUB_LANG_ZH ||
		    k == DC_PUB_LANG_EN)
			continue;
		type = g_strconcat("x-docconv-", dc_pub_name(k), NULL);
		tmx_prop(t, type, t->d->meta.pub[k]);
		g_free(type);
	}
}

/*
 * The header: the tool, the segmentation, the original's language,
 * and a creation date that is the same on every run:
 * SOURCE_DATE_EPOCH, else the text's date, else none.
 */
static void
tmx_header(struct tmx *t)
{
	const char	*iso = t->d->meta.date_iso;
	char		 date[32];
	struct tm	 tm;
	time_t		 tt;
	int		 l;

	date[0] = '\0';
	if (t->o->epoch >= 0) {
		tt = (time_t)t->o->epoch;
		if (gmtime_r(&tt, &tm) == NULL ||
		    strftime(date, sizeof(date), "%Y%m%dT%H%M%SZ", &tm) == 0)
			date[0] = '\0';
	} else if (iso != NULL && strlen(iso) == 10 && iso[4] == '-')
		snprintf(date, sizeof(date), "%.4s%.2s%.2sT000000Z", iso,
		    iso + 5, iso + 8);
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "header");
	dc_xml_attr(t->x, "creationtool", "docconv");
	dc_xml_attr(t->x, "creationtoolversion", PACKAGE_VERSION);
	dc_xml_attr(t->x, "datatype", "plaintext");
	dc_xml_attr(t->x, "segtype", t->o->tmx_sentences ? "sentence" :
	    "paragraph");
	dc_xml_attr(t->x, "adminlang", "en");
	dc_xml_attr(t->x, "srclang", tmx_lang(t, t->ps->orig));
	dc_xml_attr(t->x, "o-tmf", "docconv");
	if (date[0] != '\0')
		dc_xml_attr(t->x, "creationdate", date);
	for (l = 0; l < DC_LANG__MAX; l++) {
		if (t->ps->name[l] == NULL)
			continue;
		tmx_prop(t, l == (int)t->ps->orig ? "x-docconv-original" :
		    "x-docconv-translation", t->ps->name[l]);
		if (t->d->align == NULL)
			break;	/* one file holds both */
	}
	tmx_pub(t);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
}

/*
 * Write the document's pairs as TMX 1.4b to outpath.  Returns 0, or
 * -1 on failure (reported).
 */
int
render_tmx(const struct dc_doc *d, const struct dc_opts *o,
    const char *outpath)
{
	struct tmx	 t;
	char		*buf = NULL;
	size_t		 len = 0;
	int		 rc = -1, i;

	memset(&t, 0, sizeof(t));
	t.d = d;
	t.o = o;
	t.ps = dc_pairs_new(d);
	t.tl = t.ps->orig == DC_LANG_ZH ? DC_LANG_EN : DC_LANG_ZH;
	if ((t.x = dc_xml_new_buffer()) == NULL) {
		dc_msg_sys("%s: cannot start the XML writer", outpath);
		goto out;
	}
	dc_xml_start(t.x, "tmx");
	dc_xml_attr(t.x, "version", "1.4");
	tmx_header(&t);
	tmx_body(&t);
	if (t.ntu == 0)
		dc_msg(DC_WARN_GENERIC, 0, 0, "--tmx: no text in two "
		    "languages to pair; the translation memory is empty");
	dc_xml_nl(t.x);
	dc_xml_end(t.x);
	i = dc_xml_finish(t.x, &buf, &len);
	t.x = NULL;
	if (i == -1)
		goto out;
	rc = dc_output_write(outpath, buf, len);
out:
	dc_pairs_free((struct dc_pairs *)t.ps);
	g_free(buf);
	return rc;
}
