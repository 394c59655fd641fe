/*
 * The document model: node allocation, linking and freeing, type and
 * language names, metadata completion and the tree checker.
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"

static const char *const type_names[DC_TYPE__MAX] = {
	[DC_ROOT] = "root",
	[DC_COLLECTION] = "collection",
	[DC_KICKER] = "kicker",
	[DC_TITLE] = "title",
	[DC_SUBTITLE] = "subtitle",
	[DC_OCCASION] = "occasion",
	[DC_SPEAKER] = "speaker",
	[DC_ROLE] = "role",
	[DC_DATEPLACE] = "dateplace",
	[DC_DATELINE] = "dateline",
	[DC_BYLINE] = "byline",
	[DC_SOURCE] = "source",
	[DC_FRONTMATTER] = "frontmatter",
	[DC_SALUTATION] = "salutation",
	[DC_VOCATIVE] = "vocative",
	[DC_HEADING] = "heading",
	[DC_NOTE] = "note",
	[DC_PARA] = "para",
	[DC_TURN] = "turn",
	[DC_CAPTION] = "caption",
	[DC_CLOSING] = "closing",
	[DC_SIGNOFF] = "signoff",
	[DC_SEG] = "seg",
	[DC_SENT] = "s",
	[DC_W] = "w",
	[DC_PC] = "pc",
};

static const char *const sub_names[DC_SUB__MAX] = {
	[DC_SUB_NONE] = "",
	[DC_SUB_BYLINE] = "byline",
	[DC_SUB_SIGNED] = "signed",
	[DC_SUB_EDITOR] = "editor",
	[DC_SUB_DATELINE] = "dateline",
	[DC_SUB_CAPTION] = "caption",
	[DC_SUB_CREDIT] = "credit",
	[DC_SUB_FROM] = "from",
	[DC_SUB_ORIGTITLE] = "original-title",
	[DC_SUB_URL] = "url",
};

static const char *const dialect_names[DC_DIALECT__MAX] = {
	[DC_DIALECT_AUTO] = "auto",
	[DC_DIALECT_SEGMENTED] = "segmented",
	[DC_DIALECT_BILINGUAL] = "bilingual",
	[DC_DIALECT_NEWS] = "news",
	[DC_DIALECT_PLAIN] = "plain",
	[DC_DIALECT_TEI] = "tei",
	[DC_DIALECT_JSON] = "json",
};

/*
 * Nodes come from slabs, the freed ones kept on a list for the next:
 * a text of a million one-line paragraphs has two million nodes, and
 * malloc's header and rounding add 8 bytes to each 72.  When the last
 * node is freed the slabs go back at once.  Under AddressSanitizer
 * each node is an allocation of its own, so that a node used after it
 * is freed, or never freed, is still caught.
 */
#if defined(__SANITIZE_ADDRESS__)
#define NODE_MALLOC	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NODE_MALLOC	1
#endif
#endif
#define NODE_SLAB	4096		/* nodes a slab */

#ifndef NODE_MALLOC
static struct dc_node	*node_freed;	/* freed nodes, linked by next */
static GPtrArray	*node_slabs;	/* the slabs, the last in use */
static size_t		 node_left;	/* nodes the last has unused */
static size_t		 node_live;	/* nodes in use */
#endif

static struct dc_node *
node_alloc(void)
{
#ifdef NODE_MALLOC
	return g_new0(struct dc_node, 1);
#else
	struct dc_node	*n;

	if ((n = node_freed) != NULL)
		node_freed = n->next;
	else {
		if (node_left == 0) {
			if (node_slabs == NULL)
				node_slabs = g_ptr_array_new_with_free_func(
				    g_free);
			g_ptr_array_add(node_slabs, g_new(struct dc_node,
			    NODE_SLAB));
			node_left = NODE_SLAB;
		}
		n = (struct dc_node *)g_ptr_array_index(node_slabs,
		    node_slabs->len - 1) + (NODE_SLAB - node_left--);
	}
	node_live++;
	memset(n, 0, sizeof(*n));
	return n;
#endif
}

static void
node_release(struct dc_node *n)
{
#ifdef NODE_MALLOC
	g_free(n);
#else
	n->next = node_freed;
	node_freed = n;
	if (--node_live > 0)
		return;
	g_ptr_array_free(node_slabs, TRUE);
	node_slabs = NULL;
	node_freed = NULL;
	node_left = 0;
#endif
}

/*
 * Allocate a node of the given type and language with a copy of text
 * (which may be NULL).  Never returns NULL (GLib aborts on OOM).
 * The caller frees it with dc_node_free(), or through its parent.
 */
struct dc_node *
dc_node_new(enum dc_type type, enum dc_lang lang, const char *text,
    int line, int col)
{
	struct dc_node	*n;

	n = node_alloc();
	n->type = type;
	n->lang = lang;
	n->text = g_strdup(text);
	n->line = line;
	n->col = col;
	return n;
}

/*
 * Append child as the last child of parent; returns child.
 */
struct dc_node *
dc_node_append(struct dc_node *parent, struct dc_node *child)
{
	assert(child->parent == NULL);
	child->parent = parent;
	child->prev = parent->last;
	if (parent->last != NULL)
		parent->last->next = child;
	else
		parent->child = child;
	parent->last = child;
	return child;
}

/*
 * Link n (unlinked) in as the sibling just before at; returns n.
 */
struct dc_node *
dc_node_insert_before(struct dc_node *at, struct dc_node *n)
{
	assert(n->parent == NULL && at->parent != NULL);
	n->parent = at->parent;
	n->next = at;
	n->prev = at->prev;
	if (at->prev != NULL)
		at->prev->next = n;
	else
		at->parent->child = n;
	at->prev = n;
	return n;
}

/*
 * Take a node out of its parent's list of children.
 */
void
dc_node_unlink(struct dc_node *n)
{
	if (n->prev != NULL)
		n->prev->next = n->next;
	else if (n->parent != NULL)
		n->parent->child = n->next;
	if (n->next != NULL)
		n->next->prev = n->prev;
	else if (n->parent != NULL)
		n->parent->last = n->prev;
	n->parent = n->prev = n->next = NULL;
}

/*
 * Free a node and everything below it.  NULL is fine.  Iterative over
 * siblings so that 200,000 paragraphs do not recurse that deep.
 */
void
dc_node_free(struct dc_node *n)
{
	struct dc_node	*c, *next;

	if (n == NULL)
		return;
	for (c = n->child; c != NULL; c = next) {
		next = c->next;
		c->parent = NULL;
		dc_node_free(c);
	}
	g_free(n->text);
	if (n->type == DC_W || n->type == DC_PC)
		g_free(n->pos);
	node_release(n);
}

/*
 * Simplified or Traditional: by the characters that differ, in all
 * the Chinese of the document.  A text that mixes them much is tagged
 * by the majority, with a warning.
 */
static void
meta_script(struct dc_doc *d)
{
	const struct dc_node	*n, *s;
	size_t			 hans = 0, hant = 0;

	for (n = d->root->child; n != NULL; n = n->next) {
		if (dc_type_is_header(n->type) && n->lang == DC_LANG_ZH &&
		    n->text != NULL)
			dc_text_script_count(n->text, &hans, &hant);
		for (s = n->child; s != NULL; s = s->next)
			if (s->type == DC_SEG && s->lang == DC_LANG_ZH &&
			    s->text != NULL)
				dc_text_script_count(s->text, &hans, &hant);
	}
	d->meta.hant = hant >= 2 && hant > 2 * hans;
	if (hans >= 3 && hant >= 3 && hans <= 2 * hant && hant <= 2 * hans)
		dc_msg(DC_WARN_GENERIC, 0, 0, "the Chinese mixes Simplified "
		    "and Traditional characters (%zu and %zu); tagged as %s",
		    hans, hant, d->meta.hant ? "Traditional (zh-TW)" :
		    "Simplified (zh-CN)");
}

/*
 * The DC_SEG child of a block in the given language, or NULL.
 */
struct dc_node *
dc_node_seg(const struct dc_node *block, enum dc_lang lang)
{
	struct dc_node	*c;

	for (c = block->child; c != NULL; c = c->next)
		if (c->type == DC_SEG && c->lang == lang)
			return c;
	return NULL;
}

/*
 * Text cut for a table of contents: at most max characters, English
 * between words, with an ellipsis when cut.  Returns g_malloc'd text.
 */
char *
dc_label_cut(const char *text, size_t len, enum dc_lang lang, size_t max)
{
	const char	*end, *p;

	if ((size_t)g_utf8_strlen(text, (gssize)len) <= max)
		return g_strndup(text, len);
	end = g_utf8_offset_to_pointer(text, (glong)max);
	for (p = end; p > text && p[-1] != ' '; p--)
		continue;
	if (lang == DC_LANG_EN && p > text + 1)
		end = p - 1;
	return g_strdup_printf("%.*s\u2026", (int)(end - text), text);
}

/*
 * Label of the part a vocative or heading opens, in language l, for
 * contents and outlines: a heading's own text (cut at twice max
 * characters); for a vocative, the vocative and the opening of the
 * paragraph that follows (cut at max characters), so that parts
 * addressed alike ("Colleagues," three times in a speech) can be told
 * apart.  Returns g_malloc'd
 * text, or NULL if the vocative has no text in l.
 */
char *
dc_part_label(const struct dc_node *voc, enum dc_lang l, size_t max)
{
	const struct dc_node *s, *b, *bs = NULL;
	const char	*p;
	char		*open, *r;
	size_t		 len, n;
	gunichar	 c;

	if ((s = dc_node_seg(voc, l)) == NULL || s->text == NULL)
		return NULL;
	/* A heading names its part itself. */
	if (voc->type == DC_HEADING)
		return dc_label_cut(s->text, strlen(s->text), l, 2 * max);
	for (b = voc->next; b != NULL; b = b->next)
		if (dc_type_is_block(b->type)) {
			if (b->type == DC_PARA)
				bs = dc_node_seg(b, l);
			break;
		}
	if (bs == NULL || bs->text == NULL || bs->text[0] == '\0')
		return g_strdup(s->text);
	/* A clause that ends soon enough is taken whole. */
	len = bs->lead_len > 0 ? bs->lead_len : strlen(bs->text);
	for (p = bs->text, n = 0; p < bs->text + len && n <= 2 * max;
	    p = g_utf8_next_char(p), n++) {
		c = g_utf8_get_char(p);
		if (p > bs->text && (c == ',' || c == ';' || c == ':' ||
		    c == 0xFF0C || c == 0x3002 || c == 0xFF1B ||
		    c == 0xFF1A || c == 0xFF01 || c == 0xFF1F)) {
			open = g_strdup_printf("%.*s\u2026",
			    (int)(p - bs->text), bs->text);
			goto out;
		}
	}
	open = dc_label_cut(bs->text, len, l, max);
out:
	r = g_strconcat(s->text, l == DC_LANG_EN ? " " : "", open, NULL);
	g_free(open);
	return r;
}

const char *
dc_type_name(enum dc_type t)
{
	assert(t < DC_TYPE__MAX);
	return type_names[t];
}

/*
 * The type of the given name, or DC_TYPE__MAX if there is none.
 */
enum dc_type
dc_type_from_name(const char *s)
{
	int	 i;

	for (i = 0; i < DC_TYPE__MAX; i++)
		if (strcmp(type_names[i], s) == 0)
			return (enum dc_type)i;
	return DC_TYPE__MAX;
}

/*
 * The language tag of l in a document (BCP 47, for lang and xml:lang
 * attributes and metadata, the same in every output): the user's
 * (--meta lang-zh=, lang-en=), else for Chinese the locale translation
 * tools and readers expect from the script, "zh-TW" for Traditional
 * and "zh-CN" for Simplified; English stays "en" (the script says
 * nothing of its region).  dc_lang_code() is for identifiers and
 * classes.
 */
const char *
dc_lang_tag(const struct dc_meta *m, enum dc_lang l)
{
	/* The user's tag (--meta lang-zh=...) over the script found. */
	if (m != NULL && m->pub[l == DC_LANG_ZH ? DC_PUB_LANG_ZH :
	    DC_PUB_LANG_EN] != NULL)
		return m->pub[l == DC_LANG_ZH ? DC_PUB_LANG_ZH :
		    DC_PUB_LANG_EN];
	if (l == DC_LANG_ZH)
		return m != NULL && m->hant ? "zh-TW" : "zh-CN";
	return dc_lang_code(l);
}

const char *
dc_lang_code(enum dc_lang l)
{
	switch (l) {
	case DC_LANG_ZH:
		return "zh";
	case DC_LANG_EN:
		return "en";
	case DC_LANG__MAX:
	default:
		abort();
	}
}

const char *
dc_dialect_name(enum dc_dialect d)
{
	assert(d < DC_DIALECT__MAX);
	return dialect_names[d];
}

/*
 * Every dialect's name, "auto, segmented, ... or json", for a message
 * or a help line (g_free()).
 */
char *
dc_dialect_list(void)
{
	GString	*b = g_string_new(NULL);
	int	 i;

	for (i = 0; i < DC_DIALECT__MAX; i++)
		g_string_append_printf(b, "%s%s", i == 0 ? "" :
		    i + 1 == DC_DIALECT__MAX ? " or " : ", ", dialect_names[i]);
	return g_string_free(b, FALSE);
}

/*
 * The dialect of the given name, or DC_DIALECT__MAX if unknown.
 */
enum dc_dialect
dc_dialect_from_name(const char *s)
{
	int	 i;

	for (i = 0; i < DC_DIALECT__MAX; i++)
		if (strcmp(dialect_names[i], s) == 0)
			return (enum dc_dialect)i;
	return DC_DIALECT__MAX;
}

int
dc_type_is_header(enum dc_type t)
{
	return t >= DC_COLLECTION && t <= DC_FRONTMATTER;
}

int
dc_type_is_block(enum dc_type t)
{
	return t >= DC_SALUTATION && t <= DC_SIGNOFF;
}

const char *
dc_sub_name(enum dc_sub s)
{
	assert(s < DC_SUB__MAX);
	return sub_names[s];
}

/*
 * The kind of the given name, or DC_SUB__MAX if there is none.
 */
enum dc_sub
dc_sub_from_name(const char *s)
{
	int	 i;

	for (i = 1; i < DC_SUB__MAX; i++)
		if (strcmp(sub_names[i], s) == 0)
			return (enum dc_sub)i;
	return DC_SUB__MAX;
}

/*
 * The level of the part a block opens: a vocative opens a part of
 * level 1, a heading one of its own level; 0 if the block opens none.
 * This is the one place that says what a part is: every backend's
 * divisions, contents and outlines come from it.
 */
int
dc_part_level(const struct dc_node *b)
{
	if (b == NULL)		/* before the first block: no part */
		return 0;
	switch (b->type) {
	case DC_VOCATIVE:
		return 1;
	case DC_HEADING:
		return b->level > 0 ? b->level : 1;
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
	case DC_SALUTATION:
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
		return 0;
	case DC_TYPE__MAX:
		break;
	}
	abort();
}

/*
 * The end of the part that block b opens (dc_part_level(b) > 0): the
 * next block opening a part of the same or a higher level (a smaller
 * number), or the first of the closings and sign-offs that end the
 * text, or NULL at the end of the text.  The part holds the blocks
 * from b up to, not including, the end.
 */
const struct dc_node *
dc_part_end(const struct dc_node *b)
{
	const struct dc_node	*n, *tail = NULL;
	int			 lv = dc_part_level(b), l;

	assert(lv > 0);
	/* The closings and sign-offs ending the text end every part. */
	for (n = b->parent->last; n != NULL && n != b &&
	    (n->type == DC_CLOSING || n->type == DC_SIGNOFF); n = n->prev)
		tail = n;
	for (n = b->next; n != NULL && n != tail; n = n->next)
		if ((l = dc_part_level(n)) > 0 && l <= lv)
			return n;
	return tail;
}

/*
 * The speaker of a turn's seg, without the colon and spaces of its
 * label ("记者：" -> "记者").  Returns g_malloc'd text, or NULL if the
 * seg names no speaker.
 */
char *
dc_turn_speaker(const struct dc_node *s)
{
	char	*t, *p;

	if (s->spk_len == 0 || s->text == NULL)
		return NULL;
	t = g_strndup(s->text, s->spk_len);
	g_strchomp(t);
	while ((p = g_utf8_find_prev_char(t, t + strlen(t))) != NULL &&
	    (*p == ':' || strcmp(p, "：") == 0 || strcmp(p, "　") == 0))
		*p = '\0';
	g_strchomp(t);
	return t;
}

struct dc_doc *
dc_doc_new(void)
{
	struct dc_doc	*d;

	d = g_new0(struct dc_doc, 1);
	d->root = dc_node_new(DC_ROOT, DC_LANG_ZH, NULL, 0, 0);
	return d;
}

void
dc_align_free(struct dc_align *a)
{
	size_t	 i;

	if (a == NULL)
		return;
	for (i = 0; i < a->nbeads; i++) {
		g_free(a->beads[i].lines);
		g_free(a->beads[i].cut[DC_LANG_ZH]);
		g_free(a->beads[i].cut[DC_LANG_EN]);
	}
	g_free(a->beads);
	g_free(a->original);
	g_free(a->translation);
	g_free(a);
}

/*
 * Free a document: its tree, its metadata and its alignment.
 */
void
dc_doc_free(struct dc_doc *d)
{
	int	 i;

	if (d == NULL)
		return;
	dc_node_free(d->root);
	dc_align_free(d->align);
	for (i = 0; i < DC_LANG__MAX; i++) {
		g_free(d->meta.l[i].title);
		g_free(d->meta.l[i].subtitle);
		g_free(d->meta.l[i].occasion);
		g_free(d->meta.l[i].speaker);
		g_free(d->meta.l[i].role);
		g_free(d->meta.l[i].date);
		g_free(d->meta.l[i].place);
		g_free(d->meta.l[i].kicker);
	}
	g_free(d->meta.date_iso);
	g_free(d->meta.collection);
	g_free(d->meta.agency);
	g_free(d->meta.reporters);
	g_free(d->meta.source);
	g_free(d->meta.from);
	g_free(d->meta.orig_title);
	g_free(d->meta.editor);
	g_strfreev(d->meta.urls);
	g_strfreev(d->meta.nav);
	g_free(d->meta.author_from);
	for (i = 0; i < DC_PUB__MAX; i++)
		g_free(d->meta.pub[i]);
	for (i = 0; i < DC_GIVEN__MAX; i++)
		g_free(d->meta.given[i]);
	g_free(d);
}

/*
 * Parse a --date override: ISO "YYYY-MM-DD", "YYYY-MM", "YYYY" or
 * "--MM-DD".  Returns a normalised copy or NULL if not a date.
 */
/* Days in month m (1-12) of year y (0: any year, Feb 29 allowed). */
static int
meta_mdays(int y, int m)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };

	if (m == 2 && y > 0 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return 28;
	return days[m - 1];
}

static char *
meta_iso_date(const char *s)
{
	int	 y, m, d;
	char	 c;

	/* GDate's years begin at 1: there is no year 0. */
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &c) == 3 && y >= 1 &&
	    m >= 1 && m <= 12 && g_date_valid_dmy((GDateDay)d, (GDateMonth)m,
	    (GDateYear)y))
		return g_strdup_printf("%04d-%02d-%02d", y, m, d);
	if (sscanf(s, "--%2d-%2d%c", &m, &d, &c) == 2 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= meta_mdays(0, m))
		return g_strdup_printf("--%02d-%02d", m, d);
	if (sscanf(s, "%4d-%2d%c", &y, &m, &c) == 2 && y >= 1 && m >= 1 &&
	    m <= 12)
		return g_strdup_printf("%04d-%02d", y, m);
	if (sscanf(s, "%4d%c", &y, &c) == 1 && y > 0)
		return g_strdup_printf("%04d", y);
	return NULL;
}

/*
 * s as a date in the forms the model keeps ("2020-2-3" ->
 * "2020-02-03"), g_malloc'd; NULL if it is none (2020-02-30).
 */
char *
dc_iso_date(const char *s)
{
	return meta_iso_date(s);
}

/*
 * Is s a real date in the forms the model keeps: "YYYY-MM-DD",
 * "YYYY-MM", "YYYY" or "--MM-DD" (2020-02-30 is not)?
 */
int
dc_iso_date_valid(const char *s)
{
	char	*n;
	int	 ok;

	if (s == NULL || (n = meta_iso_date(s)) == NULL)
		return 0;
	ok = strcmp(n, s) == 0;
	g_free(n);
	return ok;
}

/* Add a line to a title block (dc_titleblock()). */
static void
meta_tline(GArray *a, enum dc_type type, enum dc_lang l, const char *text,
    int given)
{
	struct dc_tline	 tl;

	tl.type = type;
	tl.lang = l;
	tl.text = text;
	tl.node = NULL;
	tl.given = given;
	g_array_append_val(a, tl);
}

/* Add a header line to a title block. */
static void
meta_tline_node(GArray *a, const struct dc_node *n)
{
	meta_tline(a, n->type, n->lang, n->text, 0);
	g_array_index(a, struct dc_tline, a->len - 1).node = n;
}

/*
 * The title page's lines in language l, in order: the kicker lines
 * (else the metadata's kicker), the metadata's title where the text
 * has no title line (news), the other header lines as the text has
 * them, then the lines the user gave (--author and --place in their
 * language, --date in the text's first).  Returns their number; the
 * caller g_free()s *out, whose texts are the document's.
 */
size_t
dc_titleblock(const struct dc_doc *d, enum dc_lang l, struct dc_tline **out)
{
	const struct dc_meta	*m = &d->meta;
	const struct dc_node	*n;
	GArray			*a;
	size_t			 nt = 0;

	a = g_array_new(FALSE, FALSE, sizeof(struct dc_tline));
	for (n = d->root->child; n != NULL; n = n->next) {
		if (n->type == DC_KICKER && n->lang == l)
			meta_tline_node(a, n);
		nt += n->type == DC_TITLE && n->lang == l;
	}
	if (a->len == 0 && m->l[l].kicker != NULL)
		meta_tline(a, DC_KICKER, l, m->l[l].kicker, 0);
	if (nt == 0 && m->l[l].title != NULL)
		meta_tline(a, DC_TITLE, l, m->l[l].title, 0);
	for (n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_header(n->type) && n->lang == l &&
		    n->type != DC_KICKER)
			meta_tline_node(a, n);
	if (m->given[DC_GIVEN_AUTHOR] != NULL &&
	    dc_text_lang_in(m->given[DC_GIVEN_AUTHOR], m->langs) == l)
		meta_tline(a, DC_SPEAKER, l, m->given[DC_GIVEN_AUTHOR], 1);
	if (m->given[DC_GIVEN_PLACE] != NULL &&
	    dc_text_lang_in(m->given[DC_GIVEN_PLACE], m->langs) == l)
		meta_tline(a, DC_DATEPLACE, l, m->given[DC_GIVEN_PLACE], 1);
	if (m->given[DC_GIVEN_DATE] != NULL && l == (m->langs &
	    (1u << DC_LANG_ZH) ? DC_LANG_ZH : DC_LANG_EN))
		meta_tline(a, DC_DATEPLACE, l, m->given[DC_GIVEN_DATE], 1);
	nt = a->len;
	*out = (struct dc_tline *)(void *)g_array_free(a, FALSE);
	return nt;
}

/*
 * Is block n an enumerated point: a paragraph whose text in some
 * language opens with an enumerator or a run-in lead ("一、", "(3)",
 * "First,")?  The contents list such points under their part.
 */
int
dc_block_is_point(const struct dc_node *n)
{
	const struct dc_node	*s;

	if (n->type != DC_PARA)
		return 0;
	for (s = n->child; s != NULL; s = s->next)
		if (s->type == DC_SEG && (s->enum_len > 0 || s->lead_len > 0))
			return 1;
	return 0;
}

/*
 * The form of a model date (meta.date_iso): "2020", "2020-11",
 * "2020-11-10", "--11-10", or DC_DATE_NONE for what is not a real
 * date in one of them.  Each writer takes the forms its format has.
 */
enum dc_date_form
dc_date_form(const char *s)
{
	if (!dc_iso_date_valid(s))
		return DC_DATE_NONE;
	if (s[0] == '-')
		return DC_DATE_MDAY;
	switch (strlen(s)) {
	case 4:
		return DC_DATE_YEAR;
	case 7:
		return DC_DATE_MONTH;
	default:
		return DC_DATE_DAY;
	}
}

/* A Chinese character or full-width mark. */
static int
title_cjk(gunichar c)
{
	return dc_char_script_lang(c) == DC_LANG_ZH ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60);
}

/*
 * Does the Chinese title so far, a, leave its phrase open: it ends on
 * a word that must go on (的, 与, a preposition: 向, 对, 把, 从...),
 * or its "关于" (about) has not yet come to the "的" before the
 * document's name ("关于开展…活动的通知") with no clause mark or space
 * since, or a bracket or quote in it is not closed.
 */
static int
title_open(const char *a)
{
	static const char *const pairs[][2] = { { "“", "”" }, { "（", "）" },
	    { "《", "》" }, { "「", "」" }, { "『", "』" }, { "【", "】" } };
	const char	*k, *o, *c;
	gunichar	 e = g_utf8_get_char(g_utf8_prev_char(a + strlen(a)));
	size_t		 i;

	/* Single characters that end no word of a title's own: many
	 * a phrase ends in 和, 为 or 在 (政通人和, 大有可为). */
	if (g_utf8_strchr("的与對对向把被从從", -1, e) != NULL)
		return 1;
	if ((k = g_strrstr(a, "关于")) != NULL || (k = g_strrstr(a, "關於")) !=
	    NULL) {
		/* Open until its 的, a clause mark or a space. */
		for (; *k != '\0'; k = g_utf8_next_char(k))
			if (g_utf8_strchr("的，。：；！？,;:!?\u3000 ", -1,
			    g_utf8_get_char(k)) != NULL)
				break;
		if (*k == '\0')
			return 1;
	}
	for (i = 0; i < G_N_ELEMENTS(pairs); i++)
		if ((o = g_strrstr(a, pairs[i][0])) != NULL &&
		    ((c = g_strrstr(a, pairs[i][1])) == NULL || c < o))
			return 1;
	return 0;
}

/*
 * What joins title line b to the title so far, a, in language l: a
 * space in English; in Chinese nothing where a leaves its phrase open
 * (title_open()): a title broken for the eye in mid-phrase ("青岚县关于
 * 开展" over "河湾清洁周活动的通知") is one phrase.  Else an ideographic
 * space, as between a headline's two clauses ("共建宜居家园" over
 * "携手走向繁荣") and wherever a Latin word or a digit meets the break.
 */
const char *
dc_title_sep(const char *a, const char *b, enum dc_lang l)
{
	gunichar	 c, d;

	if (l != DC_LANG_ZH)
		return " ";
	if (*a == '\0' || *b == '\0')
		return "\u3000";
	c = g_utf8_get_char(g_utf8_prev_char(a + strlen(a)));
	d = g_utf8_get_char(b);
	return title_cjk(c) && title_cjk(d) && c != 0x3000 && d != 0x3000 &&
	    title_open(a) ? "" : "\u3000";
}

/*
 * The title lines of language l joined as the metadata keeps them:
 * without a Markdown heading's "# ", by dc_title_sep().  NULL if there are none; g_free().
 */
char *
dc_title_join(const struct dc_doc *d, enum dc_lang l)
{
	const struct dc_node	*n;
	const char		*t, *p;
	GString			*g = NULL;

	for (n = d->root->child; n != NULL; n = n->next) {
		if (n->type != DC_TITLE || n->lang != l || n->text == NULL)
			continue;
		for (t = p = n->text; *p == '#'; p++)
			;
		if (p != t && (*p == ' ' || *p == '\t')) {
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p != '\0')
				t = p;
		}
		if (g == NULL)
			g = g_string_new(NULL);
		else
			g_string_append(g, dc_title_sep(g->str, t, l));
		g_string_append(g, t);
	}
	return g != NULL ? g_string_free(g, FALSE) : NULL;
}

/*
 * --title: one title line, in the language of the title, where the
 * text's title lines were (else after the front matter, collection
 * and kicker lines), for the title lines of every language.
 */
static void
meta_title_lines(struct dc_doc *d, const char *title, enum dc_lang l)
{
	struct dc_node	*at, *n, *next, *t;

	for (at = d->root->child; at != NULL; at = at->next)
		if (at->type == DC_TITLE)
			break;
	if (at == NULL)
		for (at = d->root->child; at != NULL &&
		    (at->type == DC_FRONTMATTER || at->type == DC_COLLECTION ||
		    at->type == DC_KICKER); at = at->next)
			;
	t = dc_node_new(DC_TITLE, l, title, 0, 0);
	if (at != NULL)
		dc_node_insert_before(at, t);
	else
		dc_node_append(d->root, t);
	for (n = d->root->child; n != NULL; n = next) {
		next = n->next;
		if (n->type == DC_TITLE && n != t) {
			dc_node_unlink(n);
			dc_node_free(n);
		}
	}
}

/*
 * The user's values: --title (the title lines and the metadata),
 * --author, --place and --date (the metadata, and the title page's
 * lines in meta.given), then the publisher's (--meta-file or the
 * sidecar of in, then --meta).  A value with no letters ("2020") is
 * filed under the text's first language; an empty one says nothing
 * and is ignored.
 */
static void
meta_user(struct dc_doc *d, const struct dc_opts *o, const char *in)
{
	char	*iso, *title, *author, *place, *date;
	int	 i;

	/* As a reader would have them (the command line has cleaned them
	 * already; a library caller or the fuzz harness may not). */
	title = o->title != NULL ? dc_text_cleaned(o->title) : NULL;
	author = o->author != NULL ? dc_text_cleaned(o->author) : NULL;
	place = o->place != NULL ? dc_text_cleaned(o->place) : NULL;
	if (title != NULL) {
		for (i = 0; i < DC_LANG__MAX; i++)
			if (d->meta.langs & (1u << i) || i == DC_LANG_ZH)
				dc_meta_set(&d->meta.l[i].title, NULL);
		i = dc_text_lang_in(title, d->meta.langs);
		/* The text's own title, whatever its script: its line is
		 * in one of the text's languages. */
		if (!(d->meta.langs & (1u << i)))
			i = d->meta.langs & (1u << DC_LANG_ZH) ? DC_LANG_ZH :
			    DC_LANG_EN;
		meta_title_lines(d, title, (enum dc_lang)i);
		dc_meta_set(&d->meta.l[i].title, title);
		d->meta.title_default = 0;
	}
	if (author != NULL) {
		i = dc_text_lang_in(author, d->meta.langs);
		dc_meta_set(&d->meta.l[i].speaker, author);
		dc_meta_set(&d->meta.given[DC_GIVEN_AUTHOR], author);
	}
	if (place != NULL) {
		i = dc_text_lang_in(place, d->meta.langs);
		dc_meta_set(&d->meta.l[i].place, place);
		dc_meta_set(&d->meta.given[DC_GIVEN_PLACE], place);
	}
	g_free(title);
	g_free(author);
	g_free(place);
	if (o->date != NULL) {
		date = dc_text_cleaned(o->date);
		iso = date != NULL ? meta_iso_date(date) : NULL;
		if (iso != NULL) {
			g_free(d->meta.date_iso);
			d->meta.date_iso = iso;
		} else
			dc_msg(DC_WARN_GENERIC, 0, 0, "--date is not an ISO "
			    "date (YYYY-MM-DD), ignored: %s",
			    date != NULL ? date : "");
		if (date != NULL)
			dc_meta_set(&d->meta.given[DC_GIVEN_DATE], date);
		g_free(date);
	}
	dc_pub_apply(d, o, in);
}

/*
 * Complete the metadata after parsing: languages present, the
 * user's values (meta_user()), the title lines' text as each
 * language's title, and a placeholder title where the text has none
 * (with a warning, since the user should give --title).  Every
 * reader's document passes here once, with in the input file whose
 * FILE.meta sidecar applies (NULL for none).
 */
/*
 * A Chinese text whose only title is in Latin letters, a few words
 * ("NoSQL", "China Daily", "Lesson01 A private conversation"), the
 * title a name's or a column's, has it as its Chinese title too, as its Chinese paragraphs
 * hold Latin words: the text is named, whatever letters name it.  A
 * title with a Han character stays the language it is in.
 */
static void
meta_title_latin(struct dc_doc *d)
{
	const struct dc_node	*n, *s;
	const char		*t = d->meta.l[DC_LANG_EN].title, *p;
	size_t			 zh = 0, en = 0, words = 0;
	int			 in = 0;

	/* A model read back (JSON) has its titles decided, and a title
	 * taken from a speaker's line in want of one is no title line. */
	if (t == NULL || d->meta.l[DC_LANG_ZH].title != NULL ||
	    !(d->meta.langs & (1u << DC_LANG_ZH)) ||
	    d->meta.title_default || d->meta.dialect == DC_DIALECT_JSON)
		return;

	for (p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		if (dc_char_script_lang(g_utf8_get_char(p)) == DC_LANG_ZH)
			return;
		words += !in && *p != ' ';
		in = *p != ' ';
	}
	/* A name or a heading's few words, not an English sentence
	 * that titles the English side of a bilingual text. */
	if (words > 5)
		return;
	/* The text is Chinese: more of its blocks are in Chinese alone
	 * than in English or in both (a bilingual text's English title
	 * is its English side's, not also its Chinese one). */
	for (n = d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_block(n->type))
			continue;
		for (in = 0, s = n->child; s != NULL; s = s->next)
			if (s->type == DC_SEG)
				in |= s->lang == DC_LANG_ZH ? 1 :
				    s->lang == DC_LANG_EN ? 2 : 0;
		zh += in == 1;
		en += in >= 2;
	}
	if (zh > en)
		dc_meta_set(&d->meta.l[DC_LANG_ZH].title, t);
}

void
dc_doc_finish(struct dc_doc *d, const struct dc_opts *o, const char *in)
{
	struct dc_node	*n, *s;
	int		 i;

	d->meta.langs = 0;
	for (n = d->root->child; n != NULL; n = n->next) {
		if (dc_type_is_header(n->type) && n->type != DC_FRONTMATTER &&
		    n->type != DC_SOURCE)
			d->meta.langs |= 1u << n->lang;
		for (s = n->child; s != NULL; s = s->next)
			if (s->type == DC_SEG)
				d->meta.langs |= 1u << s->lang;
	}
	if (d->meta.langs == 0)
		d->meta.langs = 1u << DC_LANG_ZH;
	meta_script(d);

	/* A recogniser that took a line apart may leave a field empty
	 * ("Remarks by , 22 May"): empty says nothing, and the line
	 * itself is kept as its header node. */
	for (i = 0; i < DC_LANG__MAX; i++) {
		struct dc_lmeta	*l = &d->meta.l[i];
		char		**f[] = { &l->title, &l->subtitle,
				    &l->occasion, &l->speaker, &l->role,
				    &l->date, &l->place, &l->kicker };
		size_t		 k;

		for (k = 0; k < G_N_ELEMENTS(f); k++)
			if (*f[k] != NULL && **f[k] == '\0')
				dc_meta_set(f[k], NULL);
	}

	if (o != NULL)
		meta_user(d, o, in);
	/* A language with title lines has a title: their text. */
	for (i = 0; i < DC_LANG__MAX; i++)
		if (d->meta.l[i].title == NULL)
			d->meta.l[i].title = dc_title_join(d, (enum dc_lang)i);
	/* The user's --title is the title as given: in its language. */
	if (o == NULL || o->title == NULL)
		meta_title_latin(d);

	for (i = 0; i < DC_LANG__MAX; i++)
		if (d->meta.l[i].title != NULL)
			break;
	/* No title line: a subtitle or "Remarks by …" line names the
	 * text well enough, said with a warning. */
	if (i == DC_LANG__MAX) {
		for (n = d->root->child; n != NULL; n = n->next)
			if (n->type == DC_SUBTITLE || n->type == DC_SPEAKER)
				break;
		if (n != NULL && n->text != NULL && strlen(n->text) < 200) {
			dc_msg(DC_WARN_NO_TITLE, 0, 0, "using the line "
			    "\"%s\" (give one with --title)", n->text);
			dc_meta_set(&d->meta.l[n->lang].title, n->text);
			d->meta.title_default = 1;
			i = n->lang;
		}
	}
	if (i == DC_LANG__MAX) {
		dc_msg(DC_WARN_NO_TITLE, 0, 0, "using the file "
		    "name (give one with --title)");
		i = d->meta.langs & (1u << DC_LANG_ZH) ?
		    DC_LANG_ZH : DC_LANG_EN;
		if (d->meta.source != NULL && strcmp(d->meta.source, "-")) {
			char *stem = g_strdup(d->meta.source);
			char *dot = strchr(stem, '.');
			if (dot != NULL && dot != stem)
				*dot = '\0';
			dc_meta_set(&d->meta.l[i].title, stem);
			g_free(stem);
		} else
			dc_meta_set(&d->meta.l[i].title, "Untitled");
		d->meta.title_default = 1;
	}
}

/* Is s a valid, non-empty UTF-8 string (NULL is fine)? */
static int
check_str(const char *s)
{
	return s == NULL || (*s != '\0' && g_utf8_validate(s, -1, NULL));
}

/*
 * Check the metadata: every string valid UTF-8, the date a real date,
 * a title present, the languages those of the tree.  Returns the
 * number of violations, printed to out if not NULL.
 */
static int
check_meta(const struct dc_doc *d, unsigned int langs, FILE *out)
{
	const struct dc_meta	*m = &d->meta;
	int			 bad = 0, i, title = 0;
	char			**u;

#define MBAD(...) do { bad++; if (out != NULL) { fputs("meta: ", out); \
	fprintf(out, __VA_ARGS__); fputc('\n', out); } } while (0)
#define MSTR(s, name) do { if (!check_str(s)) \
	MBAD("%s is empty or not UTF-8", name); } while (0)
	for (i = 0; i < DC_LANG__MAX; i++) {
		MSTR(m->l[i].title, "title");
		MSTR(m->l[i].subtitle, "subtitle");
		MSTR(m->l[i].occasion, "occasion");
		MSTR(m->l[i].speaker, "speaker");
		MSTR(m->l[i].role, "role");
		MSTR(m->l[i].date, "date");
		MSTR(m->l[i].place, "place");
		MSTR(m->l[i].kicker, "kicker");
		if (m->l[i].title != NULL)
			title = 1;
	}
	MSTR(m->collection, "collection");
	MSTR(m->agency, "agency");
	MSTR(m->reporters, "reporters");
	MSTR(m->from, "source");
	MSTR(m->orig_title, "original title");
	MSTR(m->editor, "editor");
	MSTR(m->author_from, "author source");
	for (u = m->urls; u != NULL && *u != NULL; u++)
		MSTR(*u, "url");
	for (u = m->nav; u != NULL && *u != NULL; u++)
		MSTR(*u, "navigation link");
	/* A user's value is one dc_pub_set() accepts and leaves as is. */
	for (i = 0; i < DC_PUB__MAX; i++) {
		char	*v[DC_PUB__MAX] = { NULL }, *err = NULL;

		if (m->pub[i] == NULL)
			continue;
		if (dc_pub_set(v, dc_pub_name(i), m->pub[i], &err) == -1 ||
		    strcmp(v[i], m->pub[i]) != 0)
			MBAD("user %s \"%s\": %s", dc_pub_name(i), m->pub[i],
			    err != NULL ? err : "not as checked");
		g_free(v[i]);
		g_free(err);
	}
	for (i = 0; i < DC_GIVEN__MAX; i++)
		MSTR(m->given[i], "user's title page line");
	/* A language with title lines has a title (dc_doc_finish()). */
	for (i = 0; i < DC_LANG__MAX; i++) {
		char	*t = dc_title_join(d, (enum dc_lang)i);

		if (t != NULL && m->l[i].title == NULL)
			MBAD("%s title lines \"%s\" and no %s title",
			    dc_lang_code((enum dc_lang)i), t,
			    dc_lang_code((enum dc_lang)i));
		g_free(t);
	}
	if (!title)
		MBAD("no title");
	if (m->date_iso != NULL && !dc_iso_date_valid(m->date_iso))
		MBAD("date \"%s\" is not a real date", m->date_iso);
	if (langs != 0 && m->langs != langs)
		MBAD("languages 0x%x, the tree has 0x%x", m->langs, langs);
#undef MSTR
#undef MBAD
	return bad;
}

/*
 * Check the rules of the tree and its metadata; print each violation
 * to out (if not NULL).  Returns the number of violations.
 */
int
dc_tree_check(const struct dc_doc *d, FILE *out)
{
	const struct dc_node	*n, *s, *t, *w;
	int			 bad = 0, blocks = 0, haveseg, spk;
	unsigned int		 langs = 0;
	enum dc_lang		 prev;

#define BAD(n, ...) do { bad++; if (out != NULL) { \
	fprintf(out, "tree: %s line %d: ", dc_type_name((n)->type), \
	    (n)->line); fprintf(out, __VA_ARGS__); fputc('\n', out); } \
	} while (0)

	if (d->root == NULL || d->root->type != DC_ROOT) {
		if (out != NULL)
			fprintf(out, "tree: no root\n");
		return 1;
	}
	for (n = d->root->child; n != NULL; n = n->next) {
		if (n->parent != d->root)
			BAD(n, "wrong parent");
		if (n->next != NULL && n->next->prev != n)
			BAD(n, "broken sibling links");
		if ((n->type == DC_SIGNOFF || n->type == DC_CAPTION ||
		    n->type == DC_SOURCE) != (n->sub != DC_SUB_NONE))
			BAD(n, "kind (%d) does not fit the type", n->sub);
		else if ((n->type == DC_SIGNOFF && (n->sub < DC_SUB_BYLINE ||
		    n->sub > DC_SUB_DATELINE)) || (n->type == DC_CAPTION &&
		    n->sub != DC_SUB_CAPTION && n->sub != DC_SUB_CREDIT) ||
		    (n->type == DC_SOURCE && n->sub < DC_SUB_FROM) ||
		    n->sub >= DC_SUB__MAX)
			BAD(n, "kind %d is not one of this type's", n->sub);
		if ((n->type == DC_HEADING) != (n->level != 0) ||
		    n->level < 0 || n->level > 3)
			BAD(n, "level %d does not fit the type", n->level);
		if (dc_type_is_header(n->type)) {
			if (blocks)
				BAD(n, "header line after a block");
			if (n->text == NULL || *n->text == '\0')
				BAD(n, "header line without text");
			else if (!g_utf8_validate(n->text, -1, NULL))
				BAD(n, "invalid UTF-8");
			if (n->type != DC_FRONTMATTER && n->type != DC_SOURCE)
				langs |= 1u << n->lang;
			/* Segmented input keeps its tokens here too. */
			for (t = n->child; t != NULL; t = t->next)
				if (t->type != DC_SENT)
					BAD(t, "header child is not a sentence");
			continue;
		}
		if (!dc_type_is_block(n->type)) {
			BAD(n, "not a header line or block under root");
			continue;
		}
		blocks++;
		haveseg = 0;
		spk = 0;
		prev = DC_LANG__MAX;
		for (s = n->child; s != NULL; s = s->next) {
			if (s->type != DC_SEG) {
				BAD(s, "block child is not a seg");
				continue;
			}
			if (prev != DC_LANG__MAX && s->lang <= prev)
				BAD(s, "segs not one per language, zh first");
			prev = s->lang;
			langs |= 1u << s->lang;
			haveseg = 1;
			if (s->spk_len > 0)
				spk = 1;
			if (s->text == NULL || *s->text == '\0')
				BAD(s, "seg without text");
			else if (!g_utf8_validate(s->text, -1, NULL))
				BAD(s, "invalid UTF-8");
			else if (s->lead_len > strlen(s->text) ||
			    s->enum_len > strlen(s->text) ||
			    (s->lead_len && s->enum_len > s->lead_len))
				BAD(s, "enumerator or lead past the text");
			else if (!g_utf8_validate(s->text,
			    (gssize)s->enum_len, NULL) ||
			    !g_utf8_validate(s->text, (gssize)s->lead_len,
			    NULL))
				BAD(s, "enumerator or lead ends inside a "
				    "character");
			else if (s->spk_len >= strlen(s->text) ||
			    (s->spk_len > 0 && n->type != DC_TURN) ||
			    !g_utf8_validate(s->text, (gssize)s->spk_len,
			    NULL))
				BAD(s, "speaker label past the text or "
				    "outside a turn");
			if (s->child == NULL)
				continue;
			for (t = s->child; t != NULL; t = t->next) {
				if (t->type != DC_SENT)
					BAD(t, "seg child is not a sentence");
				if (t->child == NULL)
					BAD(t, "empty sentence");
				for (w = t->child; w != NULL; w = w->next)
					if ((w->type != DC_W &&
					    w->type != DC_PC) ||
					    w->text == NULL ||
					    *w->text == '\0' ||
					    !check_str(w->pos))
						BAD(w, "bad token");
			}
			if (s->text != NULL) {
				char *j = dc_tokens_join(s);
				if (strcmp(j, s->text) != 0)
					BAD(s, "tokens do not join to text");
				g_free(j);
			}
		}
		if (!haveseg)
			BAD(n, "block without text");
		/* A turn's continuation follows a turn. */
		if (n->type == DC_TURN && !spk && (n->prev == NULL ||
		    n->prev->type != DC_TURN))
			BAD(n, "turn goes on from no turn");
	}
#undef BAD
	return bad + check_meta(d, langs, out);
}

/*
 * The path of an installed data file or directory (e.g. "templates",
 * "fonts-config/docconv.conf"): $DOCCONV_DATADIR, else the installed
 * package data directory, else the source tree (for an uninstalled
 * build).  Returns g_malloc'd path; it may not exist.
 */
char *
dc_data_path(const char *sub)
{
	const char	*env;
	char		*p;

	if ((env = g_getenv("DOCCONV_DATADIR")) != NULL && *env != '\0')
		return g_build_filename(env, sub, NULL);
	p = g_build_filename(DC_PKGDATADIR, sub, NULL);
	if (g_file_test(p, G_FILE_TEST_EXISTS))
		return p;
	g_free(p);
	return g_build_filename(DC_SRCDIR, sub, NULL);
}
