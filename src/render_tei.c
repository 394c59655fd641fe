/*
 * The TEI P5 backend: the whole model (metadata, header lines, blocks,
 * tokens) as a TEI document that docconv can read back (parse_tei.c).
 *
 * Conventions shared with parse_tei.c:
 * - every header line and every block's text in one language is one
 *   element with xml:id "<lang>-h<N>" (header line N) or "<lang>-b<N>"
 *   (block N), and ana="#dc-<type>" naming the model type, or
 *   "#dc-<type>-<kind>" for a sign-off's, caption's or source line's
 *   kind (categories and subcategories in encodingDesc/classDecl);
 * - a part is a div (a heading its head type="levelN"), a turn a p in
 *   an sp whose speaker holds the turn's label;
 * - sourceDesc/bibl holds the metadata field by field;
 * - the text of such an element is its whole text content; label and
 *   seg type="enum" mark the enumerator, seg type="lead" the run-in
 *   lead; s, w and pc the tokens of segmented input.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "docconv.h"
#include "xml.h"
#include "output.h"

#define TEI_NS	"http://www.tei-c.org/ns/1.0"

struct tei {
	struct dc_xml		*x;	/* the writer */
	const struct dc_doc	*d;	/* the document */
	const struct dc_opts	*o;	/* options */
	unsigned int		 texts;	/* bit per language with a text */
	int			 first;	/* language of the first text */
	struct tei_bnum		*bnum;	/* blocks' numbers (tei_bnum()) */
	int			 common; /* content elements written (TEI's
					   model.common: p, ab, sp, div) */
	struct dc_pairs		*ps;	/* the translation pairs */
	GHashTable		*beads;	/* block -> its two-file bead */
	GPtrArray		*links;	/* tei_link_targets(), or NULL
					   for one text */
	const struct dc_node	*cl;	/* the closer of the part open,
					   or NULL (tei_part()) */
	int			 mono;	/* one text whose blocks are in
					   either language (tei_mono()) */
	int			 parallel; /* texts in two languages */
};

/*
 * Where tei_bnum() is: the blocks are asked for in order, mostly, so
 * a cursor counts on from the last one asked for; a table of them
 * all (a pointer and a number a block, a million short paragraphs'
 * worth) is made only if one is asked for out of order.
 */
struct tei_bnum {
	const struct dc_node	*n;	/* the last block asked for */
	int			 num;	/* its number */
	GHashTable		*all;	/* block -> number, or NULL */
};

/* A stretch of a header line marked up inline. */
struct tei_span {
	size_t		 start;		/* byte offset in the line */
	size_t		 end;		/* byte offset past the end */
	const char	*elem;		/* element name */
	const char	*attr;		/* attribute name, or NULL */
	const char	*val;		/* attribute value */
};

/*
 * Block b's text in lang; in a text of one language with some blocks
 * in another (t->mono: English headings in a Chinese blog), the text
 * of the block, whatever its language.
 */
static const struct dc_node *
tei_seg(const struct tei *t, const struct dc_node *b, int lang)
{
	const struct dc_node	*c, *s = dc_node_seg(b, (enum dc_lang)lang);

	if (t->parallel && b->type == DC_HEADING &&
	    dc_node_seg(b, (enum dc_lang)t->first) == NULL) {
		/* A heading left untranslated (an English heading over
		 * Chinese text and its English) heads the part in both
		 * texts: written once, in the main text, in its own
		 * language, so that the main text has all its parts'
		 * headings. */
		if (lang != t->first)
			return NULL;
		s = NULL;
	} else if (s != NULL || !t->mono)
		return s;
	for (c = b->child; c != NULL; c = c->next)
		if (c->type == DC_SEG)
			return c;
	return NULL;
}

#define TEI_MAXSPAN	16

static const char *const tei_lang_names[DC_LANG__MAX] = {
	[DC_LANG_ZH] = "Chinese",
	[DC_LANG_EN] = "English",
};

/* Descriptions of the categories that @ana points to (none for the
 * root, segments and tokens). */
static const char *const tei_type_desc[DC_TYPE__MAX] = {
	[DC_COLLECTION] = "number and entry line of a collection",
	[DC_KICKER] = "kicker over the title",
	[DC_TITLE] = "title line",
	[DC_SUBTITLE] = "subtitle line",
	[DC_OCCASION] = "occasion or event line",
	[DC_SPEAKER] = "line naming the speaker",
	[DC_ROLE] = "line giving the speaker's role",
	[DC_DATEPLACE] = "date and place line",
	[DC_DATELINE] = "news dateline",
	[DC_BYLINE] = "news byline",
	[DC_SOURCE] = "source line",
	[DC_FRONTMATTER] = "front matter kept verbatim",
	[DC_SALUTATION] = "opening salutation",
	[DC_VOCATIVE] = "section vocative opening a part",
	[DC_HEADING] = "section heading",
	[DC_NOTE] = "editor's note",
	[DC_PARA] = "paragraph",
	[DC_TURN] = "speaker turn",
	[DC_CAPTION] = "caption or photo credit",
	[DC_CLOSING] = "closing",
	[DC_SIGNOFF] = "sign-off",
};

/* The kinds (dc_sub): subcategories of their type's category. */
static const struct {
	enum dc_type	 type;		/* the type this kind is one of */
	const char	*desc;		/* catDesc */
} tei_subs[DC_SUB__MAX] = {
	[DC_SUB_NONE] = { DC_ROOT, NULL },
	[DC_SUB_BYLINE] = { DC_SIGNOFF, "closing byline" },
	[DC_SUB_SIGNED] = { DC_SIGNOFF, "signature" },
	[DC_SUB_EDITOR] = { DC_SIGNOFF, "editor's signature" },
	[DC_SUB_DATELINE] = { DC_SIGNOFF, "closing dateline" },
	[DC_SUB_CAPTION] = { DC_CAPTION, "photo caption" },
	[DC_SUB_CREDIT] = { DC_CAPTION, "photo credit" },
	[DC_SUB_FROM] = { DC_SOURCE, "publisher of the source" },
	[DC_SUB_ORIGTITLE] = { DC_SOURCE, "title in the source" },
	[DC_SUB_URL] = { DC_SOURCE, "address of the source" },
};

/*
 * Is s a date TEI's @when accepts (the W3C forms docconv makes:
 * YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD), with a real month and day?
 */
static int
tei_when_ok(const char *s)
{
	return dc_date_form(s) != DC_DATE_NONE;
}

/*
 * @ana: the category of the node's role, or of its kind where it has
 * one (#dc-signoff-editor, a subcategory of #dc-signoff).
 */
static void
tei_ana(struct tei *t, const struct dc_node *n)
{
	if (n->sub != DC_SUB_NONE)
		dc_xml_attrf(t->x, "ana", "#dc-%s-%s", dc_type_name(n->type),
		    dc_sub_name(n->sub));
	else
		dc_xml_attrf(t->x, "ana", "#dc-%s", dc_type_name(n->type));
}

/*
 * Write text with flat, sorted, non-overlapping spans marked up.
 */
static void
tei_marked(struct tei *t, const char *s, struct tei_span *sp, size_t nsp)
{
	size_t	 i, off = 0;

	for (i = 0; i < nsp; i++) {
		dc_xml_textn(t->x, s + off, sp[i].start - off);
		dc_xml_start(t->x, sp[i].elem);
		if (sp[i].attr != NULL)
			dc_xml_attr(t->x, sp[i].attr, sp[i].val);
		dc_xml_textn(t->x, s + sp[i].start, sp[i].end - sp[i].start);
		dc_xml_end(t->x);
		off = sp[i].end;
	}
	dc_xml_text(t->x, s + off);
}

/*
 * Add a span for the first occurrence of needle in s that does not
 * overlap the spans already there; spans stay sorted.
 */
static void
tei_span_add(struct tei_span *sp, size_t *nsp, const char *s,
    const char *needle, const char *elem, const char *attr, const char *val)
{
	const char	*p = s;
	size_t		 st, en, i, j;

	if (needle == NULL || *needle == '\0' || *nsp == TEI_MAXSPAN)
		return;
	while ((p = strstr(p, needle)) != NULL) {
		st = p - s;
		en = st + strlen(needle);
		for (i = 0; i < *nsp; i++)
			if (st < sp[i].end && en > sp[i].start)
				break;
		if (i == *nsp) {
			for (i = 0; i < *nsp && sp[i].start < st; i++)
				continue;
			for (j = *nsp; j > i; j--)
				sp[j] = sp[j - 1];
			sp[i].start = st;
			sp[i].end = en;
			sp[i].elem = elem;
			sp[i].attr = attr;
			sp[i].val = val;
			(*nsp)++;
			return;
		}
		p = g_utf8_next_char(p);
	}
}

/* Writing tokens with the enumerator and lead marked (tei_tokens()). */
struct tei_tok {
	struct tei	*t;
	size_t		 enum_end;	/* enumerator ends here; 0 if none */
	size_t		 lead_end;	/* lead ends here; 0 if none */
	int		 enum_open;	/* seg type="enum" is open */
	int		 lead_open;	/* seg type="lead" is open */
	int		 lead_outer;	/* ...around s elements */
};

static void
tei_tok_seg(struct tei *t, const char *type)
{
	dc_xml_start(t->x, "seg");
	dc_xml_attr(t->x, "type", type);
}

static void
tei_tok_s(struct tei_tok *k, const char *part)
{
	dc_xml_start(k->t->x, "s");
	if (part != NULL)
		dc_xml_attr(k->t->x, "part", part);
}

/*
 * Close what ends at offset off.  An outer lead ending inside a
 * sentence splits it: s part="I" inside the lead, part="F" after.
 */
static void
tei_tok_close(struct tei_tok *k, size_t off, int s_ends)
{
	if (k->enum_open && off == k->enum_end) {
		dc_xml_end(k->t->x);
		k->enum_open = 0;
	}
	if (!k->lead_open || off != k->lead_end)
		return;
	if (!k->lead_outer) {
		dc_xml_end(k->t->x);
		k->lead_open = 0;
	} else if (!s_ends) {
		dc_xml_end(k->t->x);		/* s part="I" */
		dc_xml_end(k->t->x);		/* seg */
		k->lead_open = 0;
		tei_tok_s(k, "F");
	}
	/* An outer lead ending with its sentence closes after it. */
}

/*
 * The tokens below n (DC_SENT children) as s/w/pc, with the spaces
 * dc_tokens_join() puts between tokens as text and nothing else.  The
 * enumerator and the lead (or a turn's speaker label: lead_type names
 * the seg) are segs; where one ends inside a token, the token is
 * written in parts (w part="I", part="F").
 */
static void
tei_tokens(struct tei *t, const struct dc_node *n, size_t enum_len,
    size_t lead_len, const char *lead_type)
{
	struct tei_tok		 k;
	const struct dc_node	*s, *w;
	char			*j;
	const char		*part;
	size_t			 off = 0, pos, len, b, s1_end = 0, st;
	int			 first, ks, split = 0;

	j = dc_tokens_join(n);
	/* Where the first sentence ends, which one the lead ends in. */
	for (s = n->child, ks = 1; s != NULL; s = s->next, ks++) {
		st = (size_t)-1;
		for (w = s->child; w != NULL; w = w->next) {
			if (j[off] == ' ' && w->text[0] != ' ')
				off++;
			if (st == (size_t)-1)
				st = off;
			off += strlen(w->text);
		}
		if (ks == 1)
			s1_end = off;
		else if (st < lead_len && lead_len < off)
			split = ks;
	}
	off = 0;
	memset(&k, 0, sizeof(k));
	k.t = t;
	k.enum_end = enum_len;
	k.lead_end = lead_len;
	if (enum_len > s1_end) {
		/* An enumerator over a sentence end: not one. */
		dc_msg(DC_WARN_TOKENS, n->line, n->col, "TEI: enumerator "
		    "longer than its sentence; not marked");
		k.enum_end = 0;
	}
	k.lead_outer = lead_len > s1_end;

	if (k.lead_end > 0 && k.lead_outer) {
		tei_tok_seg(t, lead_type);
		k.lead_open = 1;
	}
	for (s = n->child, first = 1, ks = 1; s != NULL;
	    s = s->next, first = 0, ks++) {
		if (s->child != NULL && j[off] == ' ' &&
		    s->child->text[0] != ' ') {
			dc_xml_text(t->x, " ");
			off++;
		}
		if (k.lead_open && k.lead_outer && off >= k.lead_end) {
			dc_xml_end(t->x);
			k.lead_open = 0;
		}
		tei_tok_s(&k, k.lead_open && k.lead_outer && ks == split ?
		    "I" : NULL);
		/* A tagged corpus's sentence id. */
		if (s->text != NULL)
			dc_xml_attr(t->x, "n", s->text);
		if (first && k.lead_end > 0 && !k.lead_outer) {
			tei_tok_seg(t, lead_type);
			k.lead_open = 1;
		}
		if (first && k.enum_end > 0) {
			tei_tok_seg(t, "enum");
			k.enum_open = 1;
		}
		for (w = s->child; w != NULL; w = w->next) {
			if (w != s->child && j[off] == ' ' &&
			    w->text[0] != ' ') {
				dc_xml_text(t->x, " ");
				off++;
				tei_tok_close(&k, off, 0);
			}
			len = strlen(w->text);
			for (pos = 0; pos < len; pos = b - off) {
				/* The next seg end inside this token. */
				b = off + len;
				if (k.enum_open && k.enum_end > off + pos &&
				    k.enum_end < b)
					b = k.enum_end;
				if (k.lead_open && k.lead_end > off + pos &&
				    k.lead_end < b)
					b = k.lead_end;
				part = pos == 0 ? (b < off + len ? "I" : NULL) :
				    (b < off + len ? "M" : "F");
				dc_xml_start(t->x, w->type == DC_PC ? "pc" :
				    "w");
				if (part != NULL)
					dc_xml_attr(t->x, "part", part);
				if (w->pos != NULL)
					dc_xml_attr(t->x, "pos", w->pos);
				dc_xml_textn(t->x, w->text + pos,
				    b - off - pos);
				dc_xml_end(t->x);
				if (b < off + len)
					tei_tok_close(&k, b, 0);
			}
			off += len;
			tei_tok_close(&k, off, w->next == NULL);
		}
		dc_xml_end(t->x);	/* s */
		if (k.lead_open && k.lead_outer && off >= k.lead_end) {
			dc_xml_end(t->x);
			k.lead_open = 0;
		}
	}
	if (k.lead_open || k.enum_open) {
		/* Past the text (the model checker forbids it): close. */
		if (k.enum_open)
			dc_xml_end(t->x);
		if (k.lead_open)
			dc_xml_end(t->x);
	}
	g_free(j);
}

/*
 * Do the tokens below n give its text back?  If not (a reader bug),
 * the text is written without them: text matters more than tokens.
 */
static int
tei_tokens_ok(const struct dc_node *n)
{
	char	*j;
	int	 ok;

	if (n->child == NULL)
		return 0;
	j = dc_tokens_join(n);
	ok = strcmp(j, n->text) == 0;
	g_free(j);
	if (!ok)
		dc_msg(DC_WARN_TOKENS, n->line, n->col, "TEI: the tokens do "
		    "not give the text back; text written without them");
	return ok;
}

/*
 * The content of a block's text in one language: tokens, or text with
 * the enumerator as label and the lead as seg type="lead".  The first
 * skip bytes (a turn's speaker label, in the sp's speaker) are not
 * written; a speaker label not skipped is a seg type="speaker".
 */
/* The number N of block b, as in its xml:id LANG-bN. */
static int
tei_bnum(const struct tei *t, const struct dc_node *b)
{
	struct tei_bnum		*c = t->bnum;
	const struct dc_node	*n;
	int			 i;

	if (c->all == NULL) {
		if (c->n == b)
			return c->num;
		n = c->n != NULL ? c->n->next : t->d->root->child;
		for (i = c->num; n != NULL; n = n->next) {
			if (!dc_type_is_block(n->type))
				continue;
			i++;
			if (n == b) {
				c->n = n;
				c->num = i;
				return i;
			}
		}
		c->all = g_hash_table_new(g_direct_hash, g_direct_equal);
		for (n = t->d->root->child, i = 0; n != NULL; n = n->next)
			if (dc_type_is_block(n->type))
				g_hash_table_insert(c->all, (gpointer)n,
				    GINT_TO_POINTER(++i));
	}
	return GPOINTER_TO_INT(g_hash_table_lookup(c->all, b));
}

/*
 * Where the paragraphs of a two-file bead (2-1, 1-2) start in seg s,
 * its block's text in one language: the offsets align.c kept, if the
 * text still splits there (on a character, after the speaker label,
 * the lead and skip).  Returns them, 0-terminated, or NULL: one
 * paragraph, tokens, or an interleaved file.
 */
static const size_t *
tei_cuts(const struct tei *t, const struct dc_node *s, size_t skip)
{
	const struct dc_bead	*e;
	const size_t		*c;
	size_t			 len, k, prev;

	if (t->beads == NULL || s == NULL || s->child != NULL ||
	    s->parent == NULL || (e = g_hash_table_lookup(t->beads,
	    s->parent)) == NULL || (c = e->cut[s->lang]) == NULL)
		return NULL;
	len = strlen(s->text);
	prev = MAX(MAX(skip, s->spk_len), MAX(s->lead_len, s->enum_len));
	for (k = 0; c[k] != 0; k++) {
		if (c[k] <= prev || c[k] >= len ||
		    (s->text[c[k]] & 0xC0) == 0x80)
			return NULL;
		prev = c[k];
	}
	return c;
}

/* Start the seg of paragraph k (from 1) of block b's text in lang. */
static void
tei_part_start(struct tei *t, const struct dc_node *s, int k)
{
	dc_xml_start(t->x, "seg");
	dc_xml_attr(t->x, "type", "part");
	dc_xml_attrf(t->x, "xml:id", "%s-b%d-%d", dc_lang_code(s->lang),
	    tei_bnum(t, s->parent), k);
}

static void
tei_seg_content(struct tei *t, const struct dc_node *s, size_t skip)
{
	size_t	 el = s->enum_len, ll = s->lead_len, off = skip, k, sep;
	const size_t *cuts = NULL;

	if (tei_tokens_ok(s)) {
		if (s->spk_len > 0 && el == 0 && ll == 0)
			tei_tokens(t, s, 0, s->spk_len, "speaker");
		else {
			if (s->spk_len > 0)
				dc_msg(DC_WARN_TOKENS, s->line, s->col, "TEI: "
				    "a turn's speaker label before a lead "
				    "among tokens is not marked");
			tei_tokens(t, s, el, ll, "lead");
		}
		return;
	}
	/* A bead's paragraphs each a seg type="part", for the links. */
	if ((cuts = tei_cuts(t, s, skip)) != NULL)
		tei_part_start(t, s, 1);
	if (s->spk_len > off) {
		dc_xml_start(t->x, "seg");
		dc_xml_attr(t->x, "type", "speaker");
		dc_xml_textn(t->x, s->text + off, s->spk_len - off);
		dc_xml_end(t->x);
		off = s->spk_len;
	}
	if (ll > 0 && el > ll)
		el = 0;
	if (el <= off)
		el = 0;
	if (ll <= off)
		ll = 0;
	if (ll > 0) {
		dc_xml_start(t->x, "seg");
		dc_xml_attr(t->x, "type", "lead");
	}
	if (el > 0) {
		dc_xml_start(t->x, "label");
		dc_xml_textn(t->x, s->text + off, el - off);
		dc_xml_end(t->x);
		off = el;
	}
	if (ll > 0) {
		dc_xml_textn(t->x, s->text + off, ll - off);
		dc_xml_end(t->x);
		off = ll;
	}
	for (k = 0; cuts != NULL && cuts[k] != 0; k++) {
		/* The space joining two paragraphs stands between. */
		for (sep = cuts[k]; sep > off && s->text[sep - 1] == ' '; sep--)
			;
		dc_xml_textn(t->x, s->text + off, sep - off);
		dc_xml_end(t->x);
		dc_xml_textn(t->x, s->text + sep, cuts[k] - sep);
		tei_part_start(t, s, (int)k + 2);
		off = cuts[k];
	}
	dc_xml_text(t->x, s->text + off);
	if (cuts != NULL)
		dc_xml_end(t->x);
}

/*
 * The names in a byline's list of reporters ("刘慧、薛丹"), split at
 * list punctuation and spaces.  Returns a NULL-terminated g_strfreev()
 * vector without empty names.
 */
static char **
tei_names(const char *s)
{
	GPtrArray	*a;
	const char	*p, *st = s;
	gunichar	 c;

	a = g_ptr_array_new();
	for (p = s; ; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == 0 || c == 0x3001 || c == 0xFF0C || c == ',' ||
		    c == ';' || c == 0xFF1B || c == '/' || c == ' ' ||
		    c == 0x3000) {
			if (p > st)
				g_ptr_array_add(a, g_strndup(st, p - st));
			if (c == 0)
				break;
			st = g_utf8_next_char(p);
		}
	}
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}

/*
 * A source line: the publisher as orgName, the title it had there as
 * title type="original", an address as ref with it as target.
 */
static void
tei_source_content(struct tei *t, const struct dc_node *n)
{
	const struct dc_meta	*m = &t->d->meta;
	struct tei_span		 sp[TEI_MAXSPAN];
	size_t			 nsp = 0, i;

	switch (n->sub) {
	case DC_SUB_FROM:
		tei_span_add(sp, &nsp, n->text, m->from, "orgName", "type",
		    "publisher");
		break;
	case DC_SUB_ORIGTITLE:
		tei_span_add(sp, &nsp, n->text, m->orig_title, "title",
		    "type", "original");
		break;
	case DC_SUB_URL:
		/* The first address the metadata has that the line holds. */
		for (i = 0; m->urls != NULL && m->urls[i] != NULL && nsp == 0;
		    i++)
			if (dc_url_ok(m->urls[i]))
				tei_span_add(sp, &nsp, n->text, m->urls[i],
				    "ref", "target", m->urls[i]);
		break;
	case DC_SUB_NONE:
	case DC_SUB_BYLINE:
	case DC_SUB_SIGNED:
	case DC_SUB_EDITOR:
	case DC_SUB_DATELINE:
	case DC_SUB_CAPTION:
	case DC_SUB_CREDIT:
		break;
	case DC_SUB__MAX:
		abort();
	}
	tei_marked(t, n->text, sp, nsp);
}

/*
 * The content of a header line: tokens, or its text with the names,
 * dates and places the metadata knows marked up.
 */
static void
tei_hline_content(struct tei *t, const struct dc_node *n)
{
	const struct dc_meta	*m = &t->d->meta;
	const struct dc_lmeta	*lm = &m->l[n->lang];
	struct tei_span		 sp[TEI_MAXSPAN];
	const char		*iso;
	char			**names;
	size_t			 nsp = 0, i;

	if (n->child != NULL) {
		/* Inside docAuthor or roleName already (tei_hline()). */
		if (tei_tokens_ok(n))
			tei_tokens(t, n, 0, 0, "lead");
		else
			dc_xml_text(t->x, n->text);
		return;
	}
	iso = tei_when_ok(m->date_iso) ? m->date_iso : NULL;
	switch (n->type) {
	case DC_SPEAKER:
	case DC_ROLE:
		tei_span_add(sp, &nsp, n->text, lm->role, "roleName",
		    NULL, NULL);
		if (n->type == DC_SPEAKER)
			tei_span_add(sp, &nsp, n->text, lm->speaker,
			    "docAuthor", NULL, NULL);
		break;
	case DC_DATELINE:
		tei_span_add(sp, &nsp, n->text, m->agency, "orgName",
		    NULL, NULL);
		/* FALLTHROUGH */
	case DC_DATEPLACE:
		tei_span_add(sp, &nsp, n->text, lm->place, "placeName",
		    NULL, NULL);
		tei_span_add(sp, &nsp, n->text, lm->date, "date",
		    iso != NULL ? "when" : NULL, iso);
		break;
	case DC_BYLINE:
		if (m->reporters == NULL)
			break;
		names = tei_names(m->reporters);
		for (i = 0; names[i] != NULL; i++)
			tei_span_add(sp, &nsp, n->text, names[i], "persName",
			    NULL, NULL);
		/* The spans point into n->text, not into names. */
		tei_marked(t, n->text, sp, nsp);
		g_strfreev(names);
		return;
	case DC_SOURCE:
		tei_source_content(t, n);
		return;
	case DC_ROOT:
	case DC_COLLECTION:
	case DC_KICKER:
	case DC_TITLE:
	case DC_SUBTITLE:
	case DC_OCCASION:
	case DC_FRONTMATTER:
	case DC_SALUTATION:
	case DC_VOCATIVE:
	case DC_HEADING:
	case DC_NOTE:
	case DC_PARA:
	case DC_TURN:
	case DC_CAPTION:
	case DC_CLOSING:
	case DC_SIGNOFF:
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
		break;
	case DC_TYPE__MAX:
		abort();
	}
	tei_marked(t, n->text, sp, nsp);
}

/* Start the element of header line number idx. */
static void
tei_hline_start(struct tei *t, const struct dc_node *n, const char *elem,
    int idx)
{
	dc_xml_start(t->x, elem);
	dc_xml_attrf(t->x, "xml:id", "%s-h%d", dc_lang_code(n->lang), idx);
	dc_xml_attr(t->x, "xml:lang", dc_lang_tag(&t->d->meta, n->lang));
	tei_ana(t, n);
}

/* Header lines that go to the body's opener rather than the front. */
static int
tei_hline_opener(enum dc_type type)
{
	return type == DC_DATELINE || type == DC_BYLINE;
}

static int
tei_is_titlepart(enum dc_type type)
{
	return type == DC_COLLECTION || type == DC_KICKER || type == DC_TITLE ||
	    type == DC_SUBTITLE || type == DC_OCCASION;
}

/* The text a header line goes into. */
static int
tei_hline_text(const struct tei *t, const struct dc_node *n)
{
	return (t->texts & (1u << n->lang)) ? (int)n->lang : t->first;
}

/*
 * One header line: titles as docTitle/titlePart, speaker and role as
 * byline, date and place as docDate, news dateline and byline as such,
 * front matter as a note.
 */
static void
tei_hline(struct tei *t, const struct dc_node *n, int idx)
{
	const char	*iso;

	iso = tei_when_ok(t->d->meta.date_iso) ? t->d->meta.date_iso : NULL;
	switch (n->type) {
	case DC_COLLECTION:
	case DC_KICKER:
	case DC_TITLE:
	case DC_SUBTITLE:
	case DC_OCCASION:
		tei_hline_start(t, n, "titlePart", idx);
		dc_xml_attr(t->x, "type", n->type == DC_TITLE ? "main" :
		    n->type == DC_SUBTITLE ? "sub" :
		    n->type == DC_OCCASION ? "desc" :
		    n->type == DC_KICKER ? "kicker" : "collection");
		break;
	case DC_SPEAKER:
		tei_hline_start(t, n, "byline", idx);
		if (n->child != NULL || t->d->meta.l[n->lang].speaker == NULL ||
		    strstr(n->text, t->d->meta.l[n->lang].speaker) == NULL) {
			/* No name to pick out: the line is the author. */
			dc_xml_start(t->x, "docAuthor");
			tei_hline_content(t, n);
			dc_xml_end(t->x);
			dc_xml_end(t->x);
			return;
		}
		break;
	case DC_ROLE:
		tei_hline_start(t, n, "byline", idx);
		if (n->child != NULL || t->d->meta.l[n->lang].role == NULL ||
		    strstr(n->text, t->d->meta.l[n->lang].role) == NULL) {
			dc_xml_start(t->x, "roleName");
			tei_hline_content(t, n);
			dc_xml_end(t->x);
			dc_xml_end(t->x);
			return;
		}
		break;
	case DC_DATEPLACE:
		tei_hline_start(t, n, "docDate", idx);
		if (iso != NULL)
			dc_xml_attr(t->x, "when", iso);
		break;
	case DC_DATELINE:
		tei_hline_start(t, n, "dateline", idx);
		break;
	case DC_BYLINE:
		tei_hline_start(t, n, "byline", idx);
		break;
	case DC_SOURCE:
		tei_hline_start(t, n, "note", idx);
		dc_xml_attr(t->x, "type", "source");
		break;
	case DC_FRONTMATTER:
		tei_hline_start(t, n, "note", idx);
		dc_xml_attr(t->x, "type", "frontmatter");
		break;
	case DC_ROOT:
	case DC_SALUTATION:
	case DC_VOCATIVE:
	case DC_HEADING:
	case DC_NOTE:
	case DC_PARA:
	case DC_TURN:
	case DC_CAPTION:
	case DC_CLOSING:
	case DC_SIGNOFF:
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
	case DC_TYPE__MAX:
		abort();
	}
	tei_hline_content(t, n);
	dc_xml_end(t->x);
}

/* The front of the text of one language: its header lines in order. */
static void
tei_front(struct tei *t, int lang)
{
	const struct dc_node	*n;
	int			 idx = 0, started = 0, intitle = 0;

	for (n = t->d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_header(n->type))
			break;
		idx++;
		if (tei_hline_text(t, n) != lang ||
		    tei_hline_opener(n->type))
			continue;
		if (!started) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "front");
			started = 1;
		}
		if (intitle && !tei_is_titlepart(n->type)) {
			dc_xml_nl(t->x);
			dc_xml_end(t->x);
			intitle = 0;
		}
		if (!intitle && tei_is_titlepart(n->type)) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "docTitle");
			intitle = 1;
		}
		dc_xml_nl(t->x);
		tei_hline(t, n, idx);
	}
	if (intitle) {
		dc_xml_nl(t->x);
		dc_xml_end(t->x);
	}
	if (started) {
		dc_xml_nl(t->x);
		dc_xml_end(t->x);
	}
}

/*
 * Start block b's element in language lang: xml:id, @type, @ana and
 * corresp pointing to the block's texts in the other languages.
 */
static void
tei_block_start(struct tei *t, const struct dc_node *b, int lang,
    const char *elem, const char *type)
{
	const struct dc_node	*s, *w;
	GString			*c;
	int			 idx = tei_bnum(t, b);

	dc_xml_nl(t->x);
	dc_xml_start(t->x, elem);
	dc_xml_attrf(t->x, "xml:id", "%s-b%d", dc_lang_code(lang), idx);
	if (type != NULL)
		dc_xml_attr(t->x, "type", type);
	tei_ana(t, b);
	/* One text, a block in its other language (or a heading left
	 * untranslated): say which. */
	if ((w = tei_seg(t, b, lang)) != NULL && (int)w->lang != lang)
		dc_xml_attr(t->x, "xml:lang", dc_lang_tag(&t->d->meta,
		    (int)w->lang));
	c = g_string_new(NULL);
	for (s = b->child; s != NULL && !t->mono; s = s->next)
		if (s->type == DC_SEG && (int)s->lang != lang && s != w)
			g_string_append_printf(c, "%s#%s-b%d", c->len ? " " :
			    "", dc_lang_code(s->lang), idx);
	if (c->len > 0)
		dc_xml_attr(t->x, "corresp", c->str);
	g_string_free(c, TRUE);
}

/*
 * The length in bytes of the opening bracket of a text wholly in one
 * pair of brackets, "（新华社北京9月22日电）", "(Xinhua)"; 0 if it is
 * not (no closing one inside).  The closing one is as long.
 */
static size_t
tei_bracketed(const char *s)
{
	static const char *const pairs[][2] = {
		{ "（", "）" }, { "(", ")" }, { "〔", "〕" }, { "[", "]" },
	};
	size_t	 i, ol, cl, n = strlen(s);

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		ol = strlen(pairs[i][0]);
		cl = strlen(pairs[i][1]);
		if (n <= ol + cl || strncmp(s, pairs[i][0], ol) != 0 ||
		    strcmp(s + n - cl, pairs[i][1]) != 0)
			continue;
		if (g_strstr_len(s + ol, n - ol - cl, pairs[i][1]) != NULL)
			return 0;
		return ol;
	}
	return 0;
}

/*
 * A closing dateline in brackets, "（新华社北京9月22日电）": the
 * brackets are the sign-off's, not the dateline's, so the dateline
 * proper is a seg with the role inside the element, the brackets kept
 * as text around it (read back as the block's text: nothing lost).
 * Returns 0 for any other block, which the caller writes as it is.
 */
static int
tei_dateline_bracketed(struct tei *t, const struct dc_node *b,
    const struct dc_node *s)
{
	size_t	 bl, n;

	if (b->type != DC_SIGNOFF || b->sub != DC_SUB_DATELINE ||
	    s == NULL || s->child != NULL || s->spk_len > 0 ||
	    s->enum_len > 0 || s->lead_len > 0 || s->text == NULL ||
	    (bl = tei_bracketed(s->text)) == 0)
		return 0;
	n = strlen(s->text);
	dc_xml_textn(t->x, s->text, bl);
	dc_xml_start(t->x, "seg");
	tei_ana(t, b);
	dc_xml_textn(t->x, s->text + bl, n - 2 * bl);
	dc_xml_end(t->x);
	dc_xml_text(t->x, s->text + n - bl);
	return 1;
}

/* One block's text in one language as element elem. */
static void
tei_block(struct tei *t, const struct dc_node *b, int lang,
    const char *elem, const char *type)
{
	const struct dc_node	*s = tei_seg(t, b, lang);

	tei_block_start(t, b, lang, elem, type);
	if (!tei_dateline_bracketed(t, b, s))
		tei_seg_content(t, s, 0);
	dc_xml_end(t->x);
}

/*
 * Do the blocks from b up to end hold text in lang that TEI counts as
 * a division's content (model.common: p, ab, sp; or a div)?  Notes
 * and figures are not: a closer after only those is invalid.
 */
static int
tei_has_common(const struct tei *t, const struct dc_node *b,
    const struct dc_node *end, int lang)
{
	for (; b != end; b = b->next)
		if (dc_part_level(b) > 0 || (tei_seg(t, b, lang) != NULL &&
		    b->type != DC_NOTE && b->type != DC_CAPTION))
			return 1;
	return 0;
}

/*
 * A closer with the closings and sign-offs from b up to end: closing
 * as salute, byline, signature (an editor's too) and dateline as
 * such.  Nothing if none has text in lang.
 */
static void
tei_closer(struct tei *t, const struct dc_node *b,
    const struct dc_node *end, int lang)
{
	const struct dc_node	*n;
	const char		*elem = NULL;

	for (n = b; n != end; n = n->next)
		if (tei_seg(t, n, lang) != NULL)
			break;
	if (n == end)
		return;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "closer");
	for (n = b; n != end; n = n->next) {
		if (tei_seg(t, n, lang) == NULL)
			continue;
		assert(n->type == DC_CLOSING || n->type == DC_SIGNOFF);
		switch (n->sub) {
		case DC_SUB_BYLINE:
			elem = "byline";
			break;
		case DC_SUB_DATELINE:
			elem = "dateline";
			break;
		case DC_SUB_SIGNED:
		case DC_SUB_EDITOR:
			elem = "signed";
			break;
		case DC_SUB_NONE:
			elem = "salute";	/* a closing */
			break;
		case DC_SUB_CAPTION:
		case DC_SUB_CREDIT:
		case DC_SUB_FROM:
		case DC_SUB_ORIGTITLE:
		case DC_SUB_URL:
		case DC_SUB__MAX:
			abort();
		}
		tei_block(t, n, lang, elem, NULL);
	}
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
}

/*
 * A speaker turn b (with text in lang) and the blocks continuing it,
 * as one sp: the label as its speaker, each block a p.  Returns the
 * block after the turn.
 */
static const struct dc_node *
tei_turn(struct tei *t, const struct dc_node *b, const struct dc_node *end,
    int lang)
{
	const struct dc_node	*n, *s;
	size_t			 skip;

	s = tei_seg(t, b, lang);
	/* Among tokens the label stays a seg of the p (tei_seg_content). */
	skip = s->child == NULL ? s->spk_len : 0;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "sp");
	if (skip > 0) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "speaker");
		dc_xml_textn(t->x, s->text, skip);
		dc_xml_end(t->x);
	}
	tei_block_start(t, b, lang, "p", NULL);
	tei_seg_content(t, s, skip);
	dc_xml_end(t->x);
	for (n = b->next; n != end && n->type == DC_TURN; n = n->next) {
		if ((s = tei_seg(t, n, lang)) == NULL)
			continue;
		if (s->spk_len > 0)
			break;
		tei_block(t, n, lang, "p", NULL);
	}
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	t->common++;
	return n;
}

/*
 * A caption or credit b (with text in lang) as a figure: a caption as
 * its head, a credit as a note type="credit"; the credits right after
 * a caption go into its figure.  Returns the block after the figure.
 */
static const struct dc_node *
tei_figure(struct tei *t, const struct dc_node *b,
    const struct dc_node *end, int lang)
{
	const struct dc_node	*n = b;

	dc_xml_nl(t->x);
	dc_xml_start(t->x, "figure");
	do {
		if (tei_seg(t, n, lang) == NULL)
			continue;
		if (n->sub == DC_SUB_CAPTION)
			tei_block(t, n, lang, "head", NULL);
		else
			tei_block(t, n, lang, "note", "credit");
	} while ((n = n->next) != end && n->type == DC_CAPTION &&
	    n->sub == DC_SUB_CREDIT);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	return n;
}

/*
 * The part b opens, entered by the walk (dc_iter_next()), as a div: a
 * vocative's is type="part" with the vocative as its opener's salute,
 * a heading's type="section" with the heading as head type="levelN";
 * the parts inside it nested as the walk enters them.  The closings
 * and sign-offs ending a part with no part inside are its closer
 * (where TEI allows one: after content), written when the walk comes
 * to them (t->cl).  A part without text in lang is left out.
 */
static void
tei_part(struct tei *t, struct dc_iter *it, const struct dc_node *b,
    int lang)
{
	const struct dc_node	*e, *n, *cl;
	char			 type[16];

	e = dc_iter_end(it);
	for (n = b; n != e; n = n->next)
		if (tei_seg(t, n, lang) != NULL)
			break;
	if (n == e) {
		dc_iter_skip_part(it);	/* no text in this language */
		return;
	}
	cl = e;
	for (n = b->next; n != e; n = n->next)
		if (dc_part_level(n) > 0)
			break;
	if (n == e) {
		for (n = e != NULL ? e->prev : b->parent->last; n != b &&
		    (n->type == DC_CLOSING || n->type == DC_SIGNOFF);
		    n = n->prev)
			cl = n;
		if (cl != e && !tei_has_common(t, b->next, cl, lang))
			cl = e;
	}
	t->cl = cl != e ? cl : NULL;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "div");
	dc_xml_attr(t->x, "type", b->type == DC_VOCATIVE ? "part" :
	    "section");
	if (tei_seg(t, b, lang) == NULL)
		return;
	if (b->type == DC_VOCATIVE) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "opener");
		tei_block(t, b, lang, "salute", NULL);
		dc_xml_nl(t->x);
		dc_xml_end(t->x);
	} else {
		snprintf(type, sizeof(type), "level%d", b->level);
		tei_block(t, b, lang, "head", type);
	}
}

/*
 * A block of the flow in language lang: paragraphs as p, turns as sp,
 * captions as figure, editor's notes as note type="editorial";
 * salutations, closings and sign-offs out of the opener and closer as
 * ab with their role as type.  A part's opener is its div's
 * (tei_part()).
 */
static void
tei_flow_block(struct tei *t, struct dc_iter *it, const struct dc_node *b,
    int lang)
{
	const struct dc_node	*end = t->cl != NULL ? t->cl :
				    dc_iter_end(it);

	if (dc_part_level(b) > 0)
		return;
	if (b == t->cl) {
		tei_closer(t, b, dc_iter_end(it), lang);
		dc_iter_skip(it, dc_iter_end(it));
		return;
	}
	if (tei_seg(t, b, lang) == NULL)
		return;
	switch (b->type) {
	case DC_TURN:
		dc_iter_skip(it, tei_turn(t, b, end, lang));
		break;
	case DC_CAPTION:
		dc_iter_skip(it, tei_figure(t, b, end, lang));
		break;
	case DC_NOTE:
		tei_block(t, b, lang, "note", "editorial");
		break;
	case DC_PARA:
		tei_block(t, b, lang, "p", NULL);
		t->common++;
		break;
	case DC_SALUTATION:
		tei_block(t, b, lang, "ab", "salutation");
		t->common++;
		break;
	case DC_CLOSING:
		tei_block(t, b, lang, "ab", "closing");
		t->common++;
		break;
	case DC_SIGNOFF:
		tei_block(t, b, lang, "ab", "signoff");
		t->common++;
		break;
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
	case DC_VOCATIVE:	/* opens a part: above */
	case DC_HEADING:
	case DC_SEG:
	case DC_SENT:
	case DC_W:
	case DC_PC:
	case DC_TYPE__MAX:
		abort();
	}
}

/*
 * The blocks from b up to end in language lang, a div per part, as
 * the walk enters and leaves them (dc_iter_next()).
 */
static void
tei_flow(struct tei *t, const struct dc_node *b, const struct dc_node *end,
    int lang)
{
	struct dc_iter		 it;
	const struct dc_node	*n;
	enum dc_ev		 ev;

	t->cl = NULL;
	dc_iter_init(&it, b, end, 0);
	while ((ev = dc_iter_next(&it, &n)) != DC_EV_DONE)
		switch (ev) {
		case DC_EV_ENTER:
			tei_part(t, &it, n, lang);
			break;
		case DC_EV_BLOCK:
			tei_flow_block(t, &it, n, lang);
			break;
		case DC_EV_EXIT:
			dc_xml_nl(t->x);
			dc_xml_end(t->x);	/* div */
			t->common++;
			t->cl = NULL;
			break;
		case DC_EV_DONE:
			break;
		}
}

/*
 * The body of the text of one language: an opener with the news
 * dateline and byline and the opening salutations, the blocks
 * (tei_flow()), and a closer with the closings and sign-offs ending
 * the text.
 */
static void
tei_body(struct tei *t, int lang)
{
	const struct dc_node	*n, *first = NULL, *sal_end = NULL;
	const struct dc_node	*tail = NULL;
	int			 hidx = 0, opener = 0;

	for (n = t->d->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type))
			break;
	first = n;
	for (sal_end = first; sal_end != NULL &&
	    sal_end->type == DC_SALUTATION; sal_end = sal_end->next)
		continue;
	/* The closings and sign-offs ending the text, as dc_part_end(). */
	for (n = t->d->root->last; n != NULL &&
	    (n->type == DC_CLOSING || n->type == DC_SIGNOFF); n = n->prev)
		tail = n;
	/* The body needs some paragraph or div between opener and closer. */
	if (tail == sal_end && tail != NULL)
		tail = NULL;
	else if (tail == sal_end && sal_end != first)
		sal_end = first;

	dc_xml_nl(t->x);
	dc_xml_start(t->x, "body");
	for (n = t->d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_header(n->type))
			break;
		hidx++;
		if (tei_hline_text(t, n) != lang || !tei_hline_opener(n->type))
			continue;
		if (!opener) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "opener");
			opener = 1;
		}
		dc_xml_nl(t->x);
		tei_hline(t, n, hidx);
	}
	for (n = first; n != sal_end; n = n->next) {
		if (tei_seg(t, n, lang) == NULL)
			continue;
		if (!opener) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "opener");
			opener = 1;
		}
		tei_block(t, n, lang, "salute", NULL);
	}
	if (opener) {
		dc_xml_nl(t->x);
		dc_xml_end(t->x);
	}
	t->common = 0;
	tei_flow(t, sal_end, tail, lang);
	if (t->common == 0) {
		/* No text in this language: an empty paragraph for TEI. */
		dc_xml_nl(t->x);
		dc_xml_elem(t->x, "p", NULL);
	}
	if (tail != NULL)
		tei_closer(t, tail, NULL, lang);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* body */
}

/*
 * Is d one text in one language with some blocks in another: no block
 * in two languages (no pair), a quarter or less of the blocks in the
 * other?  *first becomes the language of most blocks.
 */
static int
tei_mono(const struct dc_doc *d, int *first)
{
	const struct dc_node	*b, *c;
	size_t			 n[DC_LANG__MAX] = { 0 }, all = 0;
	int			 i, segs, top = -1;

	for (b = d->root->child; b != NULL; b = b->next) {
		if (!dc_type_is_block(b->type))
			continue;
		segs = 0;
		for (c = b->child; c != NULL; c = c->next)
			if (c->type == DC_SEG) {
				segs++;
				n[c->lang]++;
			}
		if (segs > 1)
			return 0;
		all += segs > 0;
	}
	for (i = 0; i < DC_LANG__MAX; i++)
		if (top < 0 || n[i] > n[top])
			top = i;
	if (all == 0 || n[top] * 4 < all * 3)
		return 0;
	*first = top;
	return 1;
}

static void
tei_text(struct tei *t, int lang)
{
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "text");
	dc_xml_attrf(t->x, "xml:id", "text-%s", dc_lang_code(lang));
	dc_xml_attr(t->x, "xml:lang", dc_lang_tag(&t->d->meta, lang));
	tei_front(t, lang);
	tei_body(t, lang);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
}

/* The speaker in each language as the author of the text. */
static void
tei_author(struct tei *t)
{
	const struct dc_meta	*m = &t->d->meta;
	char			**names;
	int			 i, any = 0;

	for (i = 0; i < DC_LANG__MAX; i++)
		if (m->l[i].speaker != NULL || m->l[i].role != NULL)
			any = 1;
	if (any) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "author");
		for (i = 0; i < DC_LANG__MAX; i++) {
			if (m->l[i].speaker == NULL)
				continue;
			dc_xml_start(t->x, "persName");
			dc_xml_attr(t->x, "xml:lang",
			    dc_lang_tag(&t->d->meta, i));
			dc_xml_text(t->x, m->l[i].speaker);
			dc_xml_end(t->x);
		}
		for (i = 0; i < DC_LANG__MAX; i++) {
			if (m->l[i].role == NULL)
				continue;
			dc_xml_start(t->x, "roleName");
			dc_xml_attr(t->x, "xml:lang",
			    dc_lang_tag(&t->d->meta, i));
			dc_xml_text(t->x, m->l[i].role);
			dc_xml_end(t->x);
		}
		dc_xml_end(t->x);
	}
	if (m->reporters == NULL)
		return;
	names = tei_names(m->reporters);
	for (i = 0; names[i] != NULL; i++) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "author");
		dc_xml_attr(t->x, "role", "reporter");
		dc_xml_elem(t->x, "persName", names[i]);
		dc_xml_end(t->x);
	}
	g_strfreev(names);
}

/*
 * The source: every metadata field, so that parse_tei.c gets the
 * model's metadata back.
 */
static void
tei_bibl(struct tei *t)
{
	const struct dc_meta	*m = &t->d->meta;
	const char		*lc, *iso, *one[2];
	const char *const	*urls = dc_meta_urls(m, one);
	int			 i, dated = 0;

	iso = tei_when_ok(m->date_iso) ? m->date_iso : NULL;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "sourceDesc");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "bibl");
	dc_xml_attr(t->x, "type", "docconv-source");
#define LF(field, elem, type) do { \
	if (m->l[i].field != NULL) { \
		dc_xml_nl(t->x); \
		dc_xml_start(t->x, elem); \
		if (type != NULL) \
			dc_xml_attr(t->x, "type", type); \
		dc_xml_attr(t->x, "xml:lang", lc); \
		dc_xml_text(t->x, m->l[i].field); \
		dc_xml_end(t->x); \
	} } while (0)
	for (i = 0; i < DC_LANG__MAX; i++) {
		lc = dc_lang_tag(&t->d->meta, (enum dc_lang)i);
		if (m->l[i].title != NULL) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "title");
			dc_xml_attr(t->x, "type", "main");
			if (m->title_default)
				dc_xml_attr(t->x, "subtype", "placeholder");
			dc_xml_attr(t->x, "xml:lang", lc);
			dc_xml_text(t->x, m->l[i].title);
			dc_xml_end(t->x);
		}
		LF(kicker, "title", "kicker");
		LF(subtitle, "title", "sub");
		LF(occasion, "title", "desc");
		LF(speaker, "author", NULL);
		LF(role, "roleName", NULL);
		if (m->l[i].date != NULL) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "date");
			dc_xml_attr(t->x, "xml:lang", lc);
			dc_xml_attr(t->x, "when", iso);
			dc_xml_text(t->x, m->l[i].date);
			dc_xml_end(t->x);
			dated = 1;
		}
		LF(place, "placeName", NULL);
	}
#undef LF
	if (m->date_iso != NULL && (!dated || iso == NULL)) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "date");
		dc_xml_attr(t->x, "type", "iso");
		dc_xml_attr(t->x, "when", iso);
		if (iso == NULL)
			dc_xml_text(t->x, m->date_iso);
		dc_xml_end(t->x);
	}
	if (m->agency != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "orgName");
		dc_xml_attr(t->x, "type", "agency");
		dc_xml_text(t->x, m->agency);
		dc_xml_end(t->x);
	}
	if (m->reporters != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "respStmt");
		dc_xml_elem(t->x, "resp", "reporters");
		dc_xml_elem(t->x, "name", m->reporters);
		dc_xml_end(t->x);
	}
	if (dc_meta_editor(m) != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "respStmt");
		dc_xml_elem(t->x, "resp", "editor");
		dc_xml_elem(t->x, "name", dc_meta_editor(m));
		dc_xml_end(t->x);
	}
	if (m->from != NULL) {
		dc_xml_nl(t->x);
		dc_xml_elem(t->x, "publisher", m->from);
	}
	if (m->orig_title != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "title");
		dc_xml_attr(t->x, "type", "original");
		dc_xml_text(t->x, m->orig_title);
		dc_xml_end(t->x);
	}
	for (i = 0; urls[i] != NULL; i++) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "ref");
		dc_xml_attr(t->x, "type", "source");
		if (dc_url_ok(urls[i]))
			dc_xml_attr(t->x, "target", urls[i]);
		dc_xml_text(t->x, urls[i]);
		dc_xml_end(t->x);
	}
	/* A site's navigation link: no part of the text, kept here. */
	for (i = 0; m->nav != NULL && m->nav[i] != NULL &&
	    m->nav[i + 1] != NULL; i += 2) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "ref");
		dc_xml_attr(t->x, "type", "navigation");
		dc_xml_attr(t->x, "target", m->nav[i + 1]);
		dc_xml_text(t->x, m->nav[i]);
		dc_xml_end(t->x);
	}
	if (m->author_from != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "note");
		dc_xml_attr(t->x, "type", "author-from");
		dc_xml_text(t->x, m->author_from);
		dc_xml_end(t->x);
	}
	if (m->collection != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "idno");
		dc_xml_attr(t->x, "type", "collection");
		dc_xml_text(t->x, m->collection);
		dc_xml_end(t->x);
	}
	if (m->source != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "idno");
		dc_xml_attr(t->x, "type", "filename");
		dc_xml_text(t->x, m->source);
		dc_xml_end(t->x);
	}
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "note");
	dc_xml_attr(t->x, "type", "dialect");
	dc_xml_text(t->x, dc_dialect_name(m->dialect));
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* bibl */
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* sourceDesc */
}

/* A respStmt of this edition for the publisher's key k (--meta). */
static void
tei_pub_resp(struct tei *t, enum dc_pub k, const char *resp)
{
	const char	*v = t->d->meta.pub[k];

	if (v == NULL)
		return;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "respStmt");
	dc_xml_elem(t->x, "resp", resp);
	dc_xml_elem(t->x, "name", v);
	dc_xml_end(t->x);
}

/*
 * The publisher's part of publicationStmt (--meta), after docconv's
 * authority and date: the publisher (an agency, so the details that
 * follow are its), the ISBN, and the licence, an SPDX id linked to
 * its text.
 */
static void
tei_pub_publication(struct tei *t)
{
	char *const	*p = t->d->meta.pub;
	char		*url;

	if (p[DC_PUB_PUBLISHER] != NULL) {
		dc_xml_nl(t->x);
		dc_xml_elem(t->x, "publisher", p[DC_PUB_PUBLISHER]);
	}
	if (p[DC_PUB_ISBN] != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "idno");
		dc_xml_attr(t->x, "type", "ISBN");
		dc_xml_text(t->x, p[DC_PUB_ISBN]);
		dc_xml_end(t->x);
	}
	if (p[DC_PUB_RIGHTS] != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "availability");
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "licence");
		if (dc_pub_is_spdx(p[DC_PUB_RIGHTS])) {
			url = g_strdup_printf("https://spdx.org/licenses/"
			    "%s.html", p[DC_PUB_RIGHTS]);
			dc_xml_attr(t->x, "target", url);
			g_free(url);
		}
		dc_xml_text(t->x, p[DC_PUB_RIGHTS]);
		dc_xml_end(t->x);
		dc_xml_nl(t->x);
		dc_xml_end(t->x);
	}
}

/* Has type i kinds (subcategories)? */
static int
tei_subs_of(int i)
{
	int	 k;

	for (k = 1; k < DC_SUB__MAX; k++)
		if (tei_subs[k].type == (enum dc_type)i)
			return 1;
	return 0;
}

static void
tei_encoding(struct tei *t)
{
	int	 i, k;

	dc_xml_nl(t->x);
	dc_xml_start(t->x, "encodingDesc");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "appInfo");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "application");
	dc_xml_attr(t->x, "ident", "docconv");
	dc_xml_attr(t->x, "version", PACKAGE_VERSION);
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "label", "docconv");
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "desc", "Converts plain-text speeches and news "
	    "reports into PDF, EPUB and TEI; wrote this file and can read "
	    "it back.");
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* appInfo */
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "editorialDecl");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "segmentation");
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "p", "Each block of the source (salutation, "
	    "vocative, heading, editor's note, paragraph, speaker turn, "
	    "caption, closing, sign-off) is one element with xml:id "
	    "LANG-bN; the texts of one block in the two languages point to "
	    "each other with corresp.  Each header line is one element "
	    "with xml:id LANG-hN.  Header lines and blocks are numbered "
	    "in source order.");
	if (t->links != NULL && t->links->len > 0) {
		/* Two texts with a pair: tei_links() writes the linkGrp. */
		dc_xml_nl(t->x);
		dc_xml_elem(t->x, "p", "The linkGrp of type translation in "
		    "standOff links the elements of each translation pair "
		    "that has text in both languages, the original's "
		    "first.  Where the pair joined paragraphs of one file "
		    "(an original and its translation aligned 2-1 or 1-2), "
		    "each paragraph is a seg of type part with xml:id "
		    "LANG-bN-K, and the link names each.");
	}
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "p", "A part that a vocative or a heading opens "
	    "is a div, nested by the heading's level; a heading is the "
	    "head of its div, of type levelN.  A speaker turn is a p in "
	    "an sp; its speaker label, where its text starts, is the "
	    "sp's speaker (among tokens a seg of type speaker); the "
	    "paragraphs that continue the turn are the next p of the "
	    "same sp.");
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "p", "Word-segmented input keeps its "
	    "segmentation: each input line is an s, each token a w "
	    "(word) or pc (punctuation).  No white space is inserted "
	    "between tokens, except one space between two tokens of "
	    "Latin letters or digits, where the running text has one; so "
	    "the text content of a paragraph is its running text.");
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "p", "An enumerator (第一, 一是, First) is a "
	    "label, or a seg of type enum among tokens; a run-in lead, "
	    "enumerator included, is a seg of type lead.");
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "normalization");
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "p", "Decoded to UTF-8; line ends normalised; "
	    "control characters removed; lines of one paragraph joined, "
	    "Chinese without a space, other text with one; leading and "
	    "trailing white space of lines removed.  Characters are "
	    "otherwise as in the source.");
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "interpretation");
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "p", "The role docconv gave each header line "
	    "and block is in its ana attribute, pointing to the "
	    "categories of the taxonomy docconv-roles.");
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* editorialDecl */
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "classDecl");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "taxonomy");
	dc_xml_attr(t->x, "xml:id", "docconv-roles");
	for (i = 0; i < DC_TYPE__MAX; i++) {
		if (tei_type_desc[i] == NULL)
			continue;
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "category");
		dc_xml_attrf(t->x, "xml:id", "dc-%s", dc_type_name(i));
		dc_xml_elem(t->x, "catDesc", tei_type_desc[i]);
		for (k = 1; k < DC_SUB__MAX; k++) {
			if (tei_subs[k].type != (enum dc_type)i)
				continue;
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "category");
			dc_xml_attrf(t->x, "xml:id", "dc-%s-%s",
			    dc_type_name(i), dc_sub_name(k));
			dc_xml_elem(t->x, "catDesc", tei_subs[k].desc);
			dc_xml_end(t->x);
		}
		if (tei_subs_of(i))
			dc_xml_nl(t->x);
		dc_xml_end(t->x);
	}
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* classDecl */
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* encodingDesc */
}

static void
tei_header(struct tei *t)
{
	const struct dc_meta	*m = &t->d->meta;
	char			 date[32];
	const char		*when = NULL;
	struct tm		 tm;
	time_t			 tt;
	int			 i;

	dc_xml_nl(t->x);
	dc_xml_start(t->x, "teiHeader");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "fileDesc");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "titleStmt");
	for (i = 0; i < DC_LANG__MAX; i++) {
		if (m->l[i].title != NULL) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "title");
			dc_xml_attr(t->x, "type", "main");
			dc_xml_attr(t->x, "xml:lang",
			    dc_lang_tag(&t->d->meta, i));
			dc_xml_text(t->x, m->l[i].title);
			dc_xml_end(t->x);
		}
		if (m->l[i].subtitle != NULL) {
			dc_xml_nl(t->x);
			dc_xml_start(t->x, "title");
			dc_xml_attr(t->x, "type", "sub");
			dc_xml_attr(t->x, "xml:lang",
			    dc_lang_tag(&t->d->meta, i));
			dc_xml_text(t->x, m->l[i].subtitle);
			dc_xml_end(t->x);
		}
	}
	tei_author(t);
	tei_pub_resp(t, DC_PUB_EDITOR, "editor");
	tei_pub_resp(t, DC_PUB_TRANSLATOR, "translator");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "respStmt");
	dc_xml_elem(t->x, "resp", "Conversion from plain text to TEI P5");
	dc_xml_start(t->x, "name");
	dc_xml_attr(t->x, "type", "software");
	dc_xml_text(t->x, "docconv " PACKAGE_VERSION);
	dc_xml_end(t->x);
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* titleStmt */

	/* The date of this file: SOURCE_DATE_EPOCH, else the text's. */
	if (t->o != NULL && t->o->epoch >= 0) {
		tt = (time_t)t->o->epoch;
		if (gmtime_r(&tt, &tm) != NULL &&
		    strftime(date, sizeof(date), "%Y-%m-%d", &tm) > 0)
			when = date;
	} else if (tei_when_ok(m->date_iso))
		when = m->date_iso;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "publicationStmt");
	dc_xml_nl(t->x);
	dc_xml_elem(t->x, "authority", "docconv");
	if (when != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "date");
		dc_xml_attr(t->x, "when", when);
		dc_xml_text(t->x, when);
		dc_xml_end(t->x);
	}
	tei_pub_publication(t);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	if (m->pub[DC_PUB_SERIES] != NULL) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "seriesStmt");
		dc_xml_nl(t->x);
		dc_xml_elem(t->x, "title", m->pub[DC_PUB_SERIES]);
		dc_xml_nl(t->x);
		dc_xml_end(t->x);
	}
	tei_bibl(t);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* fileDesc */

	tei_encoding(t);

	dc_xml_nl(t->x);
	dc_xml_start(t->x, "profileDesc");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "langUsage");
	for (i = 0; i < DC_LANG__MAX; i++) {
		/* One text may hold blocks in another language too. */
		if (!(t->texts & (1u << i)) && !(t->mono &&
		    (t->d->meta.langs & (1u << i))))
			continue;
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "language");
		dc_xml_attr(t->x, "ident", dc_lang_tag(&t->d->meta,
		    (enum dc_lang)i));
		dc_xml_text(t->x, tei_lang_names[i]);
		dc_xml_end(t->x);
	}
	dc_xml_nl(t->x);
	dc_xml_end(t->x);
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* profileDesc */
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* teiHeader */
}

/*
 * The targets of the stand-off alignment TEI tools expect: one link
 * per pair that has text in both languages (dc_pairs_new(): a
 * two-file input's beads, or the blocks and header types of an
 * interleaved one), pointing at the pair's elements, the original's
 * first; a header bead of several lines points at each.  The ids are
 * the elements' own (LANG-bN, LANG-hN: the position of the block or
 * header line in the model, the same in both languages), so an
 * unchanged text gives the same links.  Returns them (g_free() each;
 * g_ptr_array_free()), none if no pair has both languages.
 */
static GPtrArray *
tei_link_targets(const struct tei *t)
{
	struct dc_pairs		*ps;
	const struct dc_pair	*p;
	const struct dc_node	*n;
	GHashTable		*hnum;
	GPtrArray		*out;
	GString			*b;
	size_t			 k, i;
	int			 l, side, h = 0, nside;
	enum dc_lang		 order[2];

	ps = t->ps;
	out = g_ptr_array_new_with_free_func(g_free);
	hnum = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (n = t->d->root->child; n != NULL; n = n->next)
		if (dc_type_is_header(n->type))
			g_hash_table_insert(hnum, (gpointer)n,
			    GINT_TO_POINTER(++h));
	order[0] = ps->orig;
	order[1] = ps->orig == DC_LANG_ZH ? DC_LANG_EN : DC_LANG_ZH;
	b = g_string_new(NULL);
	for (k = 0; k < ps->n; k++) {
		p = &ps->p[k];
		g_string_truncate(b, 0);
		for (side = 0, nside = 0; side < 2; side++) {
			size_t len0 = b->len;
			l = order[side];
			if (p->blk != NULL) {
				const struct dc_node *sg = dc_node_seg(p->blk,
				    l);
				const size_t *c = tei_cuts(t, sg,
				    p->blk->type == DC_TURN && sg != NULL &&
				    sg->child == NULL ? sg->spk_len : 0);
				if (sg == NULL)
					;
				else if (c == NULL)
					g_string_append_printf(b, "%s#%s-b%d",
					    b->len ? " " : "", dc_lang_code(l),
					    tei_bnum(t, p->blk));
				else
					/* Each paragraph of the bead. */
					for (i = 0; i == 0 || c[i - 1] != 0;
					    i++)
						g_string_append_printf(b,
						    "%s#%s-b%d-%zu", b->len ?
						    " " : "", dc_lang_code(l),
						    tei_bnum(t, p->blk), i + 1);
			} else
				for (i = 0; i < p->nhl[l]; i++)
					g_string_append_printf(b, "%s#%s-h%d",
					    b->len ? " " : "",
					    dc_lang_code(p->hl[l][i]->lang),
					    GPOINTER_TO_INT(g_hash_table_lookup(
					    hnum, p->hl[l][i])));
			nside += b->len > len0;
		}
		if (nside == 2)
			g_ptr_array_add(out, g_strdup(b->str));
	}
	g_string_free(b, TRUE);
	g_hash_table_destroy(hnum);
	return out;
}

/*
 * The linkGrp of type translation in standOff, with a link for each
 * of t->links; nothing if there are none (tei_all wants one link at
 * least).
 */
static void
tei_links(struct tei *t)
{
	guint	 k;

	if (t->links == NULL || t->links->len == 0)
		return;
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "standOff");
	dc_xml_nl(t->x);
	dc_xml_start(t->x, "linkGrp");
	dc_xml_attr(t->x, "type", "translation");
	for (k = 0; k < t->links->len; k++) {
		dc_xml_nl(t->x);
		dc_xml_start(t->x, "link");
		dc_xml_attr(t->x, "target", g_ptr_array_index(t->links, k));
		dc_xml_end(t->x);
	}
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* linkGrp */
	dc_xml_nl(t->x);
	dc_xml_end(t->x);	/* standOff */
}

/*
 * Write the document as TEI P5 to outpath.  Returns 0, or -1 on
 * failure (reported).
 */
int
render_tei(const struct dc_doc *d, const struct dc_opts *o,
    const char *outpath)
{
	struct tei		 t;
	struct tei_bnum		 bnum;
	const struct dc_node	*n;
	int			 rc = -1, i, ntexts = 0;

	memset(&t, 0, sizeof(t));
	memset(&bnum, 0, sizeof(bnum));
	t.d = d;
	t.o = o;
	t.texts = d->meta.langs;
	for (n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_header(n->type))
			t.texts |= 1u << n->lang;
	if (t.texts == 0)
		t.texts = 1u << DC_LANG_ZH;
	t.first = -1;
	for (i = 0; i < DC_LANG__MAX; i++)
		if (t.texts & (1u << i)) {
			if (t.first < 0)
				t.first = i;
			ntexts++;
		}
	/* An original and its translation: the document's language is
	 * the original's. */
	if (d->align != NULL && (t.texts & (1u << d->align->lang_a)))
		t.first = (int)d->align->lang_a;
	/* Blocks in two languages but none in both, no translation: one
	 * text in the language of most blocks, the others in place. */
	if (ntexts > 1 && d->align == NULL && tei_mono(d, &t.first)) {
		t.mono = 1;
		t.texts = 1u << t.first;
		ntexts = 1;
	}

	/* Pairs only where there are two texts to link: one text of a
	 * million short paragraphs need not hold a pair for each. */
	if (ntexts > 1 || d->align != NULL)
		t.ps = dc_pairs_new(d);
	t.parallel = ntexts > 1;
	if (d->align != NULL) {
		t.beads = g_hash_table_new(g_direct_hash, g_direct_equal);
		for (i = 0; i < (int)t.ps->n; i++)
			if (t.ps->p[i].blk != NULL && t.ps->p[i].bead != NULL)
				g_hash_table_insert(t.beads,
				    (gpointer)t.ps->p[i].blk,
				    (gpointer)t.ps->p[i].bead);
	}
	t.bnum = &bnum;
	/* Written as it goes: the XML of a million short paragraphs is
	 * some twenty times their bytes, never held whole. */
	if ((t.x = dc_xml_new_file(outpath)) == NULL)
		goto out;
	if (ntexts > 1)
		t.links = tei_link_targets(&t);
	dc_xml_start(t.x, "TEI");
	dc_xml_attr(t.x, "xmlns", TEI_NS);
	dc_xml_attr(t.x, "xml:lang", dc_lang_tag(&t.d->meta, t.first));
	tei_header(&t);
	if (ntexts > 1) {
		/* Parallel texts, one per language, same shape. */
		dc_xml_nl(t.x);
		dc_xml_start(t.x, "text");
		dc_xml_nl(t.x);
		dc_xml_start(t.x, "group");
		for (i = 0; i < DC_LANG__MAX; i++)
			if (t.texts & (1u << i))
				tei_text(&t, i);
		dc_xml_nl(t.x);
		dc_xml_end(t.x);
		dc_xml_nl(t.x);
		dc_xml_end(t.x);
		tei_links(&t);
	} else
		tei_text(&t, t.first);
	dc_xml_nl(t.x);
	dc_xml_end(t.x);	/* TEI */
	rc = dc_xml_finish(t.x, NULL, NULL);
	t.x = NULL;
out:
	if (bnum.all != NULL)
		g_hash_table_destroy(bnum.all);
	if (t.beads != NULL)
		g_hash_table_destroy(t.beads);
	if (t.links != NULL)
		g_ptr_array_free(t.links, TRUE);
	dc_pairs_free(t.ps);
	return rc;
}
