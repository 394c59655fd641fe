/*
 * Reading TEI that docconv did not write: a general reading of TEI P5
 * into the model, so that no text is lost.  The titles come from the
 * text's front matter (docTitle) or else the header's titleStmt; every
 * <text> is read, those of a <group> one after another.  Divisions'
 * heads are headings (level from the depth), p and ab paragraphs, sp
 * speaker turns, note notes (an inline one becomes a note after its
 * paragraph), figure heads and descriptions captions, opener and
 * closer salutations, closings and sign-offs.  Of alternative readings
 * the edited one is read (corr over sic, reg over orig, expan over
 * abbr, lem over rdg, add over del).  An element docconv does not
 * know keeps its text where it stands, with one warning per element
 * name.  A block's language is its xml:lang, else its script; a block
 * followed by one of the same role in the other language is taken for
 * its translation and paired with it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

#include "docconv.h"
#include "parse.h"

/* A note found inside a block, put after it. */
struct tx_note {
	char		*text;
	int		 lang;		/* its xml:lang, or -1 */
	int		 line;
};

struct tx {
	struct dc_doc	*d;
	GPtrArray	*heads;		/* struct dc_node *: header lines */
	GHashTable	*warned;	/* element names warned about */
	GArray		*notes;		/* struct tx_note: of this block */
	struct dc_node	*last;		/* the block added last */
	int		 titles;	/* title lines found in the text */
	int		 depth;		/* div nesting */
};

/* Elements whose text is read in place without a word. */
static const char *const tx_inline_known[] = {
	"abbr", "add", "addName", "addrLine", "address", "affiliation",
	"c", "choice", "cit", "corr", "date", "distinct", "email", "emph",
	"expan", "foreign", "forename", "genName", "geogName", "gloss",
	"hi", "idno", "label", "measure", "mentioned", "name", "num",
	"orgName", "orig", "persName", "pc", "placeName", "q", "quote",
	"ref", "reg", "roleName", "rs", "s", "said", "seg", "sic",
	"soCalled", "supplied", "surname", "term", "time", "title",
	"unclear", "w", NULL
};

/* Elements without text of their own: milestones and pointers. */
static const char *const tx_empty[] = {
	"anchor", "cb", "gap", "graphic", "index", "lb", "media",
	"milestone", "pb", "ptr", "space", NULL
};

static int
tx_in(const char *const *set, const char *name)
{
	for (; *set != NULL; set++)
		if (strcmp(*set, name) == 0)
			return 1;
	return 0;
}

/* One warning per element name and what was done with it. */
static void
tx_warn(struct tx *t, const xmlNode *e, const char *what)
{
	if (g_hash_table_contains(t->warned, e->name))
		return;
	g_hash_table_add(t->warned, g_strdup((const char *)e->name));
	dc_msg(DC_WARN_GENERIC, xmlGetLineNo(e), 0, "TEI <%s>: %s",
	    (const char *)e->name, what);
}

/* Is c wide (Han, kana, CJK punctuation), where no space separates? */
static int
tx_wide(gunichar c)
{
	return g_unichar_iswide(c) || dc_char_script_lang(c) == DC_LANG_ZH;
}

/*
 * XML white space as a reader sees it: runs of it are one space, none
 * at either end, and none between two wide characters (the line ends
 * of Chinese text set in an editor).  Returns g_malloc'd text.
 */
static char *
tx_norm(const char *s)
{
	GString		*b = g_string_new(NULL);
	const char	*p;
	gunichar	 prev = 0, c;
	int		 space = 0;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && b->len > 0 && !(tx_wide(prev) && tx_wide(c)))
			g_string_append_c(b, ' ');
		space = 0;
		g_string_append_unichar(b, c);
		prev = c;
	}
	return g_string_free(b, FALSE);
}

/* The language of a text: its element's xml:lang, else its script. */
static enum dc_lang
tx_lang(const struct tx *t, int xl, const char *s)
{
	(void)t;
	if (xl >= 0)
		return (enum dc_lang)xl;
	return dc_text_lang_in(s, 1u << DC_LANG_ZH);
}

static void	 tx_inline(struct tx *, const xmlNode *, GString *);

/* The reading of a choice, app or subst: the edited one. */
static const xmlNode *
tx_reading(const xmlNode *e)
{
	static const char *const pref[] = {
		"corr", "reg", "expan", "lem", "add", "rdg", "sic", "orig",
		"abbr", NULL
	};
	const xmlNode	*c;
	int		 i;

	for (i = 0; pref[i] != NULL; i++)
		for (c = e->children; c != NULL; c = c->next)
			if (teir_is(c, pref[i]))
				return c;
	return NULL;
}

/*
 * Read e's content as running text into b; its notes go to t->notes.
 */
static void
tx_inline(struct tx *t, const xmlNode *e, GString *b)
{
	const xmlNode	*c, *r;
	struct tx_note	 n;
	GString		*nb;
	const char	*name;

	for (c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				g_string_append(b, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)c->name;
		if (!teir_is(c, name)) {
			/* Another namespace's element: its text. */
			tx_warn(t, c, "an element docconv does not know; its text is read in place");
			tx_inline(t, c, b);
			continue;
		}
		if (strcmp(name, "note") == 0) {
			nb = g_string_new(NULL);
			tx_inline(t, c, nb);
			n.text = g_string_free(nb, FALSE);
			n.lang = teir_lang(c);
			n.line = xmlGetLineNo(c);
			g_array_append_val(t->notes, n);
			continue;
		}
		if (strcmp(name, "choice") == 0 || strcmp(name, "app") == 0 ||
		    strcmp(name, "subst") == 0) {
			if ((r = tx_reading(c)) != NULL)
				tx_inline(t, r, b);
			else
				tx_inline(t, c, b);
			continue;
		}
		if (strcmp(name, "lb") == 0 || strcmp(name, "cb") == 0) {
			g_string_append_c(b, '\n');
			continue;
		}
		if (strcmp(name, "del") == 0) {
			tx_warn(t, c, "deleted text is left out of the reading");
			continue;
		}
		if (tx_in(tx_empty, name))
			continue;
		if (!tx_in(tx_inline_known, name))
			tx_warn(t, c, "an element docconv does not know; its text is read in place");
		tx_inline(t, c, b);
	}
}

/*
 * Add a block of one language; a block of the same role in the other
 * language right after it is its translation.
 */
static struct dc_node *
tx_add(struct tx *t, enum dc_type type, enum dc_sub sub, int level,
    int xl, const char *raw, size_t spk, int line)
{
	struct dc_node	*b = t->last, *s;
	enum dc_lang	 l;
	char		*text;

	text = tx_norm(raw);
	if (*text == '\0') {
		g_free(text);
		return NULL;
	}
	l = tx_lang(t, xl, text);
	/* Words of a speech with no speaker before them: a paragraph. */
	if (type == DC_TURN && spk == 0 && (t->d->root->last == NULL ||
	    t->d->root->last->type != DC_TURN))
		type = DC_PARA;
	if (b == NULL || b != t->d->root->last || b->type != type ||
	    b->sub != sub || b->level != level ||
	    b->child != b->last || b->child->lang == l) {
		b = dc_block_add(t->d, type);
		b->sub = sub;
		b->level = level;
	}
	s = dc_seg_add(b, l, text, line, 0);
	s->spk_len = spk;
	g_free(text);
	t->last = b;
	return b;
}

/* Put the notes found in a block after it. */
static void
tx_notes(struct tx *t)
{
	struct tx_note	*n;
	guint		 i;

	for (i = 0; i < t->notes->len; i++) {
		n = &g_array_index(t->notes, struct tx_note, i);
		tx_add(t, DC_NOTE, DC_SUB_NONE, 0, n->lang, n->text, 0,
		    n->line);
		g_free(n->text);
	}
	g_array_set_size(t->notes, 0);
}

/* A block read from e's whole content. */
static void
tx_block(struct tx *t, const xmlNode *e, enum dc_type type,
    enum dc_sub sub, int level)
{
	GString	*b = g_string_new(NULL);

	tx_inline(t, e, b);
	tx_add(t, type, sub, level, teir_lang(e), b->str, 0, xmlGetLineNo(e));
	g_string_free(b, TRUE);
	tx_notes(t);
}

/* A header line read from e. */
static void
tx_head(struct tx *t, const xmlNode *e, enum dc_type type)
{
	GString		*b = g_string_new(NULL);
	struct dc_node	*n;
	char		*text;

	tx_inline(t, e, b);
	text = tx_norm(b->str);
	g_string_free(b, TRUE);
	if (*text != '\0') {
		n = dc_node_new(type, tx_lang(t, teir_lang(e), text), text,
		    xmlGetLineNo(e), 0);
		g_ptr_array_add(t->heads, n);
	}
	g_free(text);
	tx_notes(t);
}

/*
 * A speech: its speaker starts the first turn's text (with a colon
 * where the label has none), the paragraphs after go on with it.
 */
static void
tx_sp(struct tx *t, const xmlNode *e)
{
	const xmlNode	*c;
	GString		*b;
	char		*spk = NULL, *tmp;
	size_t		 spk_len = 0;
	gunichar	 end;

	for (c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (teir_is(c, "speaker")) {
			b = g_string_new(NULL);
			tx_inline(t, c, b);
			g_free(spk);
			spk = tx_norm(b->str);
			g_string_free(b, TRUE);
			if (*spk == '\0')
				continue;
			end = g_utf8_get_char(g_utf8_prev_char(spk +
			    strlen(spk)));
			if (end != ':' && end != 0xFF1A) {
				tmp = g_strconcat(spk, dc_text_lang(spk,
				    strlen(spk)) == DC_LANG_EN ? ": " :
				    "\xEF\xBC\x9A", NULL);
				g_free(spk);
				spk = tmp;
			} else {
				tmp = g_strconcat(spk, end == ':' ? " " :
				    "", NULL);
				g_free(spk);
				spk = tmp;
			}
			continue;
		}
		if (teir_is(c, "note")) {
			tx_block(t, c, DC_NOTE, DC_SUB_NONE, 0);
			continue;
		}
		if (teir_is(c, "stage")) {
			tx_block(t, c, DC_NOTE, DC_SUB_NONE, 0);
			continue;
		}
		b = g_string_new(spk != NULL ? spk : "");
		spk_len = spk != NULL ? strlen(spk) : 0;
		tx_inline(t, c, b);
		tmp = tx_norm(b->str);
		/* The label's own spaces survive the normalising. */
		if (spk_len > 0 && strncmp(tmp, spk, spk_len) != 0)
			spk_len = 0;
		if (spk_len >= strlen(tmp))
			spk_len = 0;
		if (!teir_is(c, "p") && !teir_is(c, "ab") && !teir_is(c, "l") &&
		    !teir_is(c, "lg") && !teir_is(c, "q"))
			tx_warn(t, c, "read as a paragraph of the speech");
		tx_add(t, DC_TURN, DC_SUB_NONE, 0, teir_lang(c), tmp, spk_len,
		    xmlGetLineNo(c));
		g_free(tmp);
		g_string_free(b, TRUE);
		tx_notes(t);
		g_free(spk);
		spk = NULL;
	}
	if (spk != NULL)	/* a speaker without words */
		tx_add(t, DC_TURN, DC_SUB_NONE, 0, teir_lang(e), spk, 0,
		    xmlGetLineNo(e));
	g_free(spk);
}

/* Between two table cells: an ideographic space after a wide
 * character (which the normalising keeps), else a space. */
static void
tx_cell_sep(GString *b)
{
	char	*t;

	if (b->len == 0)
		return;
	while (b->len > 0 && g_ascii_isspace(b->str[b->len - 1]))
		g_string_truncate(b, b->len - 1);
	if (b->len == 0)
		return;
	t = g_utf8_find_prev_char(b->str, b->str + b->len);
	g_string_append(b, t != NULL && tx_wide(g_utf8_get_char(t)) ?
	    "\xE3\x80\x80" : " ");
}

/* Has a block been added yet? */
static int
tx_blocks(const struct tx *t)
{
	return t->d->root->child != NULL;
}

/* An opener or closer: salutations, sign-offs, the rest as closing. */
static void
tx_frame(struct tx *t, const xmlNode *e, int closer)
{
	const xmlNode	*c;
	GString		*b;

	for (c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			b = g_string_new(NULL);
			g_string_append(b, (const char *)c->content);
			tx_add(t, closer ? DC_CLOSING : DC_SALUTATION,
			    DC_SUB_NONE, 0, teir_lang(e), b->str, 0,
			    xmlGetLineNo(c));
			g_string_free(b, TRUE);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (teir_is(c, "salute"))
			tx_block(t, c, closer ? DC_CLOSING : DC_SALUTATION,
			    DC_SUB_NONE, 0);
		else if (teir_is(c, "signed"))
			tx_block(t, c, DC_SIGNOFF, DC_SUB_SIGNED, 0);
		else if (teir_is(c, "dateline") && !closer && !tx_blocks(t))
			tx_head(t, c, DC_DATEPLACE);
		else if (teir_is(c, "dateline"))
			tx_block(t, c, DC_SIGNOFF, DC_SUB_DATELINE, 0);
		else if (teir_is(c, "byline") && !closer && !tx_blocks(t))
			tx_head(t, c, DC_SPEAKER);
		else if (teir_is(c, "byline"))
			tx_block(t, c, DC_SIGNOFF, DC_SUB_BYLINE, 0);
		else if (teir_is(c, "note"))
			tx_block(t, c, DC_NOTE, DC_SUB_NONE, 0);
		else if (teir_is(c, "p") || teir_is(c, "ab"))
			tx_block(t, c, DC_PARA, DC_SUB_NONE, 0);
		else
			tx_block(t, c, closer ? DC_CLOSING : DC_SALUTATION,
			    DC_SUB_NONE, 0);
	}
}

static void	 tx_walk(struct tx *, const xmlNode *);

/* Does e hold elements that are blocks (so that it is a container)? */
static int
tx_has_blocks(const xmlNode *e)
{
	static const char *const blocks[] = {
		"ab", "closer", "div", "figure", "head", "lg", "list", "note",
		"opener", "p", "sp", "table", NULL
	};
	const xmlNode	*c;

	for (c = e->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    tx_in(blocks, (const char *)c->name))
			return 1;
	return 0;
}

/* A heading's level from the division depth. */
static int
tx_level(const struct tx *t)
{
	return t->depth < 1 ? 1 : t->depth > 3 ? 3 : t->depth;
}

/* Is e's text that of a title line already found? */
static int
tx_is_title(const struct tx *t, const xmlNode *e)
{
	const struct dc_node *n;
	char	*raw, *v;
	guint	 i;
	int	 r = 0;

	raw = teir_content(e);
	v = tx_norm(raw);
	for (i = 0; i < t->heads->len && !r; i++) {
		n = g_ptr_array_index(t->heads, i);
		r = n->type == DC_TITLE && strcmp(n->text, v) == 0;
	}
	g_free(raw);
	g_free(v);
	return r;
}

/* One element at block level. */
static void
tx_elem(struct tx *t, const xmlNode *c)
{
	const char	*name = (const char *)c->name;
	const xmlNode	*r, *x;
	GString		*b;

	if (!teir_is(c, name)) {
		tx_warn(t, c, "an element docconv does not know; its text is kept as a paragraph");
		tx_block(t, c, DC_PARA, DC_SUB_NONE, 0);
		return;
	}
	if (strcmp(name, "teiHeader") == 0 || tx_in(tx_empty, name))
		return;
	if (strncmp(name, "div", 3) == 0 && (name[3] == '\0' ||
	    (name[3] >= '1' && name[3] <= '7' && name[4] == '\0'))) {
		t->depth++;
		tx_walk(t, c);
		t->depth--;
		return;
	}
	if (strcmp(name, "text") == 0 || strcmp(name, "group") == 0 ||
	    strcmp(name, "front") == 0 || strcmp(name, "body") == 0 ||
	    strcmp(name, "back") == 0 || strcmp(name, "titlePage") == 0 ||
	    strcmp(name, "floatingText") == 0) {
		tx_walk(t, c);
		return;
	}
	if (strcmp(name, "docTitle") == 0) {
		for (r = c->children; r != NULL; r = r->next)
			if (teir_is(r, "titlePart")) {
				tx_head(t, r, teir_attr_is(r, "type", "sub") ?
				    DC_SUBTITLE : DC_TITLE);
				t->titles++;
			}
		return;
	}
	if (strcmp(name, "titlePart") == 0) {
		tx_head(t, c, teir_attr_is(c, "type", "sub") ? DC_SUBTITLE :
		    DC_TITLE);
		t->titles++;
		return;
	}
	if (strcmp(name, "docAuthor") == 0 || (strcmp(name, "byline") == 0 &&
	    !tx_blocks(t))) {
		tx_head(t, c, DC_SPEAKER);
		return;
	}
	if (strcmp(name, "docDate") == 0 || (strcmp(name, "dateline") == 0 &&
	    !tx_blocks(t))) {
		tx_head(t, c, DC_DATEPLACE);
		return;
	}
	if (strcmp(name, "head") == 0) {
		if (t->depth == 0 && !tx_blocks(t) && t->titles == 0 &&
		    tx_is_title(t, c))
			return;	/* the header's title, again */
		if (t->depth == 0 && !tx_blocks(t) && t->titles == 0 &&
		    t->heads->len == 0) {
			tx_head(t, c, DC_TITLE);
			t->titles++;
		} else
			tx_block(t, c, DC_HEADING, DC_SUB_NONE, tx_level(t));
		return;
	}
	if (strcmp(name, "p") == 0 || strcmp(name, "ab") == 0 ||
	    strcmp(name, "quote") == 0 || strcmp(name, "q") == 0 ||
	    strcmp(name, "cit") == 0 || strcmp(name, "l") == 0) {
		tx_block(t, c, DC_PARA, DC_SUB_NONE, 0);
		return;
	}
	if (strcmp(name, "lg") == 0 || strcmp(name, "list") == 0 ||
	    strcmp(name, "listBibl") == 0) {
		/* Verse lines and list items are paragraphs; a label
		 * goes with the item after it. */
		b = NULL;
		for (r = c->children; r != NULL; r = r->next) {
			if (r->type != XML_ELEMENT_NODE)
				continue;
			if (teir_is(r, "label")) {
				if (b == NULL)
					b = g_string_new(NULL);
				tx_inline(t, r, b);
				g_string_append_c(b, ' ');
				continue;
			}
			if (teir_is(r, "head")) {
				tx_block(t, r, DC_HEADING, DC_SUB_NONE,
				    tx_level(t) < 3 ? tx_level(t) + 1 : 3);
				continue;
			}
			if (b == NULL)
				b = g_string_new(NULL);
			tx_inline(t, r, b);
			tx_add(t, DC_PARA, DC_SUB_NONE, 0, teir_lang(r), b->str,
			    0, xmlGetLineNo(r));
			tx_notes(t);
			g_string_free(b, TRUE);
			b = NULL;
		}
		if (b != NULL) {
			tx_add(t, DC_PARA, DC_SUB_NONE, 0, teir_lang(c), b->str,
			    0, xmlGetLineNo(c));
			g_string_free(b, TRUE);
			tx_notes(t);
		}
		return;
	}
	if (strcmp(name, "table") == 0) {
		tx_warn(t, c, "each row is kept as a paragraph");
		for (r = c->children; r != NULL; r = r->next) {
			if (teir_is(r, "head")) {
				tx_block(t, r, DC_CAPTION, DC_SUB_CAPTION, 0);
				continue;
			}
			if (!teir_is(r, "row")) {
				if (r->type == XML_ELEMENT_NODE)
					tx_block(t, r, DC_PARA, DC_SUB_NONE, 0);
				continue;
			}
			b = g_string_new(NULL);
			for (x = r->children; x != NULL; x = x->next)
				if (x->type == XML_ELEMENT_NODE) {
					tx_cell_sep(b);
					tx_inline(t, x, b);
				}
			tx_add(t, DC_PARA, DC_SUB_NONE, 0, teir_lang(r), b->str,
			    0, xmlGetLineNo(r));
			g_string_free(b, TRUE);
			tx_notes(t);
		}
		return;
	}
	if (strcmp(name, "sp") == 0) {
		tx_sp(t, c);
		return;
	}
	if (strcmp(name, "note") == 0 || strcmp(name, "stage") == 0 ||
	    strcmp(name, "argument") == 0 || strcmp(name, "epigraph") == 0) {
		tx_block(t, c, DC_NOTE, DC_SUB_NONE, 0);
		return;
	}
	if (strcmp(name, "figure") == 0) {
		for (r = c->children; r != NULL; r = r->next) {
			if (r->type != XML_ELEMENT_NODE || tx_in(tx_empty,
			    (const char *)r->name))
				continue;
			if (teir_is(r, "note"))
				tx_block(t, r, DC_NOTE, DC_SUB_NONE, 0);
			else
				tx_block(t, r, DC_CAPTION, DC_SUB_CAPTION, 0);
		}
		return;
	}
	if (strcmp(name, "opener") == 0 || strcmp(name, "closer") == 0) {
		tx_frame(t, c, strcmp(name, "closer") == 0);
		return;
	}
	if (strcmp(name, "salute") == 0) {
		tx_block(t, c, tx_blocks(t) ? DC_CLOSING : DC_SALUTATION,
		    DC_SUB_NONE, 0);
		return;
	}
	if (strcmp(name, "signed") == 0) {
		tx_block(t, c, DC_SIGNOFF, DC_SUB_SIGNED, 0);
		return;
	}
	if (strcmp(name, "dateline") == 0) {
		tx_block(t, c, DC_SIGNOFF, DC_SUB_DATELINE, 0);
		return;
	}
	if (strcmp(name, "byline") == 0) {
		tx_block(t, c, DC_SIGNOFF, DC_SUB_BYLINE, 0);
		return;
	}
	if (strcmp(name, "trailer") == 0) {
		tx_block(t, c, DC_CLOSING, DC_SUB_NONE, 0);
		return;
	}
	if (tx_has_blocks(c)) {
		tx_warn(t, c, "an element docconv does not know; read as a division");
		tx_walk(t, c);
		return;
	}
	tx_warn(t, c, "an element docconv does not know; its text is kept as a paragraph");
	tx_block(t, c, DC_PARA, DC_SUB_NONE, 0);
}

/* Walk a container: its elements; text loose in it is a paragraph. */
static void
tx_walk(struct tx *t, const xmlNode *e)
{
	const xmlNode	*c;
	const xmlChar	*s;

	for (c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			for (s = c->content; s != NULL && *s != '\0'; s++)
				if (!g_ascii_isspace(*s))
					break;
			if (s != NULL && *s != '\0') {
				tx_warn(t, e, "text outside any paragraph "
				    "is kept as one");
				tx_add(t, DC_PARA, DC_SUB_NONE, 0, teir_lang(e),
				    (const char *)c->content, 0,
				    xmlGetLineNo(c));
			}
			continue;
		}
		if (c->type == XML_ELEMENT_NODE)
			tx_elem(t, c);
	}
}

/* Append a metadata value, joining with sep. */
static void
tx_meta_cat(char **p, const char *sep, const char *v)
{
	char	*s;

	if (*p == NULL) {
		*p = g_strdup(v);
		return;
	}
	s = g_strconcat(*p, sep, v, NULL);
	g_free(*p);
	*p = s;
}

/*
 * The teiHeader: titleStmt's titles where the text gave none, its
 * author; the publisher and date of publicationStmt.
 */
static void
tx_header(struct tx *t, const xmlNode *hdr, int titles)
{
	const xmlNode	*ts, *c;
	char		*v, *when;
	int		 l;

	if ((ts = teir_find(hdr, "titleStmt")) != NULL)
		for (c = ts->children; c != NULL; c = c->next) {
			if (teir_is(c, "title") && titles)
				tx_head(t, c, teir_attr_is(c, "type", "sub") ?
				    DC_SUBTITLE : DC_TITLE);
			else if (teir_is(c, "author")) {
				char *raw = teir_content(c);
				v = tx_norm(raw);
				g_free(raw);
				l = tx_lang(t, teir_lang(c), v);
				if (*v != '\0' && t->d->meta.l[l].speaker ==
				    NULL)
					dc_meta_set(&t->d->meta.l[l].speaker, v);
				g_free(v);
			}
		}
	if ((ts = teir_find(hdr, "publicationStmt")) != NULL) {
		if ((c = teir_find(ts, "publisher")) != NULL) {
			char *raw = teir_content(c);
			v = tx_norm(raw);
			g_free(raw);
			if (*v != '\0')
				dc_meta_set(&t->d->meta.from, v);
			g_free(v);
		}
		if ((c = teir_find(ts, "date")) != NULL &&
		    (when = teir_attr(c, "when")) != NULL) {
			if (dc_iso_date_valid(when))
				dc_meta_set(&t->d->meta.date_iso, when);
			g_free(when);
		}
	}
}

/* Fill the metadata from the header lines, as the text readers do. */
static void
tx_meta(struct tx *t)
{
	struct dc_node	*n;
	struct dc_lmeta	*m;
	char		*iso, *date, *place;

	for (n = t->d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_header(n->type))
			break;
		m = &t->d->meta.l[n->lang];
		switch (n->type) {
		case DC_TITLE:
			tx_meta_cat(&m->title, n->lang == DC_LANG_EN ? " " :
			    "", n->text);
			break;
		case DC_SUBTITLE:
			if (m->subtitle == NULL)
				dc_meta_set(&m->subtitle, n->text);
			break;
		case DC_SPEAKER:
			if (m->speaker == NULL)
				dc_meta_set(&m->speaker, n->text);
			break;
		case DC_DATEPLACE:
			if (m->date != NULL ||
			    !dc_parse_date(n->text, &iso, &date, &place))
				break;
			m->date = date;
			if (m->place == NULL)
				m->place = place;
			else
				g_free(place);
			if (t->d->meta.date_iso == NULL)
				t->d->meta.date_iso = iso;
			else
				g_free(iso);
			break;
		default:
			break;
		}
	}
}

/*
 * Read TEI from elsewhere: root is its TEI element, hdr its
 * teiHeader.  Returns the document, or NULL after reporting that it
 * holds no text.
 */
struct dc_doc *
dc_parse_tei_other(const xmlNode *root, const xmlNode *hdr)
{
	struct tx	 t;
	struct dc_node	*first;
	const xmlNode	*c;
	guint		 i;
	int		 texts = 0;

	memset(&t, 0, sizeof(t));
	t.d = dc_doc_new();
	t.d->meta.dialect = DC_DIALECT_TEI;
	t.heads = g_ptr_array_new();
	t.notes = g_array_new(FALSE, FALSE, sizeof(struct tx_note));
	t.warned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	dc_msg(DC_WARN_DIALECT, xmlGetLineNo(hdr), 0, "TEI not written by "
	    "docconv: read for its titles, divisions, heads, paragraphs, "
	    "speeches, notes, figures, openers and closers");
	/* The header's titles, unless the text has its own. */
	for (c = root->children; c != NULL; c = c->next)
		if (teir_is(c, "text") && teir_find(c, "titlePart") != NULL)
			break;
	tx_header(&t, hdr, c == NULL);
	for (c = root->children; c != NULL; c = c->next)
		if (teir_is(c, "text")) {
			tx_walk(&t, c);
			texts++;
		}
	/* The header lines go before the blocks. */
	first = t.d->root->child;
	for (i = 0; i < t.heads->len; i++) {
		struct dc_node *n = g_ptr_array_index(t.heads, i);
		if (first != NULL)
			dc_node_insert_before(first, n);
		else
			dc_node_append(t.d->root, n);
	}
	g_ptr_array_free(t.heads, TRUE);
	g_array_free(t.notes, TRUE);
	g_hash_table_destroy(t.warned);
	tx_meta(&t);
	if (texts == 0 || t.d->root->child == NULL) {
		dc_msg(DC_ERR_TEI, xmlGetLineNo(root), 0, texts == 0 ?
		    "TEI without text" : "no text in this TEI");
		dc_doc_free(t.d);
		return NULL;
	}
	return t.d;
}
