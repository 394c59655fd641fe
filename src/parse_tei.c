/*
 * Reading docconv's own TEI (render_tei.c) back into the model: the
 * metadata from sourceDesc/bibl, header lines and blocks from the
 * elements whose @ana names a docconv role (and kind); a heading's
 * level from its head's type, a turn's speaker label from its sp's
 * speaker.  TEI from elsewhere is read by parse_tei_other.c.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "docconv.h"
#include "parse.h"

#define TEI_MAXLEN	(256u * 1024 * 1024)	/* biggest input read */

/* One header line or one language of a block, as found. */
struct tei_item {
	int		 num;		/* N of its xml:id LANG-hN / LANG-bN */
	enum dc_type	 type;		/* from @ana */
	enum dc_sub	 sub;		/* from @ana: #dc-TYPE-SUB */
	int		 level;		/* heading: from head type="levelN" */
	struct dc_node	*node;		/* header line or DC_SEG, owned */
};

/* Reading one element's content. */
struct tei_rd {
	GString		*text;		/* running text so far */
	struct dc_node	*owner;		/* header line or seg */
	struct dc_node	*sent;		/* open sentence, or NULL */
	size_t		 enum_len;	/* end of label / seg type=enum */
	size_t		 lead_len;	/* end of seg type=lead */
	size_t		 spk_len;	/* end of a turn's speaker label */
	int		 err;		/* error reported */
};

struct tei_parse {
	struct dc_doc	*d;		/* the document being built */
	GArray		*heads;		/* struct tei_item: header lines */
	GArray		*segs;		/* struct tei_item: block segs */
	GPtrArray	*urls;		/* source addresses from the bibl */
	GPtrArray	*nav;		/* navigation links: text, address */
	const xmlNode	*speaker;	/* sp's speaker, for its first p */
	int		 err;		/* error reported */
};

/*
 * The metadata from sourceDesc/bibl[@type="docconv-source"].
 */
static void
tei_bibl(struct tei_parse *p, const xmlNode *bibl)
{
	struct dc_meta	*m = &p->d->meta;
	const xmlNode	*n, *c;
	char		*type, *when, *v;
	int		 l, editor;

	for (n = bibl->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		type = teir_attr(n, "type");
		l = teir_lang(n);
		v = teir_content(n);
		if (teir_is(n, "title") && l >= 0 && type != NULL) {
			if (strcmp(type, "main") == 0) {
				dc_meta_set(&m->l[l].title, v);
				if (teir_attr_is(n, "subtype", "placeholder"))
					m->title_default = 1;
			} else if (strcmp(type, "sub") == 0)
				dc_meta_set(&m->l[l].subtitle, v);
			else if (strcmp(type, "desc") == 0)
				dc_meta_set(&m->l[l].occasion, v);
			else if (strcmp(type, "kicker") == 0)
				dc_meta_set(&m->l[l].kicker, v);
			else if (strcmp(type, "original") == 0)
				dc_meta_set(&m->orig_title, v);
		} else if (teir_is(n, "publisher"))
			dc_meta_set(&m->from, v);
		else if (teir_is(n, "ref") && type != NULL &&
		    strcmp(type, "source") == 0)
			g_ptr_array_add(p->urls, g_strdup(v));
		else if (teir_is(n, "ref") && type != NULL &&
		    strcmp(type, "navigation") == 0 &&
		    (when = teir_attr(n, "target")) != NULL) {
			g_ptr_array_add(p->nav, g_strdup(v));
			g_ptr_array_add(p->nav, g_strdup(when));
			g_free(when);
		}
		else if (teir_is(n, "note") && type != NULL &&
		    strcmp(type, "author-from") == 0)
			dc_meta_set(&m->author_from, v);
		else if (teir_is(n, "author") && l >= 0)
			dc_meta_set(&m->l[l].speaker, v);
		else if (teir_is(n, "roleName") && l >= 0)
			dc_meta_set(&m->l[l].role, v);
		else if (teir_is(n, "placeName") && l >= 0)
			dc_meta_set(&m->l[l].place, v);
		else if (teir_is(n, "date")) {
			when = teir_attr(n, "when");
			if (type != NULL && strcmp(type, "iso") == 0)
				dc_meta_set(&m->date_iso, when != NULL ?
				    when : v);
			else {
				if (l >= 0)
					dc_meta_set(&m->l[l].date, v);
				if (when != NULL && m->date_iso == NULL)
					dc_meta_set(&m->date_iso, when);
			}
			g_free(when);
		} else if (teir_is(n, "orgName") && type != NULL &&
		    strcmp(type, "agency") == 0)
			dc_meta_set(&m->agency, v);
		else if (teir_is(n, "respStmt")) {
			/* resp says whose: "editor", else the reporters. */
			editor = 0;
			for (c = n->children; c != NULL; c = c->next)
				if (teir_is(c, "resp")) {
					g_free(v);
					v = teir_content(c);
					editor = strcmp(v, "editor") == 0;
				}
			for (c = n->children; c != NULL; c = c->next)
				if (teir_is(c, "name")) {
					g_free(v);
					v = teir_content(c);
					dc_meta_set(editor ? &m->editor :
					    &m->reporters, v);
				}
		} else if (teir_is(n, "idno") && type != NULL) {
			if (strcmp(type, "collection") == 0)
				dc_meta_set(&m->collection, v);
			else if (strcmp(type, "filename") == 0)
				dc_meta_set(&m->source, v);
		} else if (teir_is(n, "note") && type != NULL &&
		    strcmp(type, "dialect") == 0) {
			m->dialect = dc_dialect_from_name(v);
			if (m->dialect == DC_DIALECT__MAX ||
			    m->dialect == DC_DIALECT_AUTO)
				m->dialect = DC_DIALECT_TEI;
		}
		g_free(type);
		g_free(v);
	}
}

/* Does element n continue the one before (part="M" or "F")? */
static int
tei_rd_part(const xmlNode *n)
{
	return teir_attr_is(n, "part", "M") || teir_attr_is(n, "part", "F");
}

/*
 * Read the content of a docconv element: its text, the tokens of
 * segmented input (s, w, pc) and where the enumerator and the lead end.
 */
static void
tei_rd_content(struct tei_rd *r, const xmlNode *e)
{
	const xmlNode	*c;
	struct dc_node	*w;
	char		*v, *tmp;

	for (c = e->children; c != NULL && !r->err; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (c->content != NULL)
				g_string_append(r->text,
				    (const char *)c->content);
			continue;
		case XML_ELEMENT_NODE:
			break;
		case XML_ENTITY_REF_NODE:
			dc_msg(DC_ERR_TEI, xmlGetLineNo(c), 0, "entity "
			    "reference &%s; in the text: not read",
			    (const char *)c->name);
			r->err = 1;
			continue;
		default:
			continue;	/* comments, processing instructions */
		}
		if (teir_is(c, "s")) {
			if (r->sent != NULL) {
				dc_msg(DC_ERR_TEI, xmlGetLineNo(c), 0,
				    "sentence inside a sentence");
				r->err = 1;
				continue;
			}
			/* The rest of a sentence the lead split. */
			if (tei_rd_part(c) && r->owner->last != NULL)
				r->sent = r->owner->last;
			else {
				char *sid = teir_attr(c, "n");
				r->sent = dc_node_append(r->owner,
				    dc_node_new(DC_SENT, r->owner->lang, sid,
				    xmlGetLineNo(c), 0));
				g_free(sid);
			}
			tei_rd_content(r, c);
			if (r->sent->child == NULL) {
				dc_node_unlink(r->sent);
				dc_node_free(r->sent);
			}
			r->sent = NULL;
			continue;
		}
		if (teir_is(c, "w") || teir_is(c, "pc")) {
			v = teir_content(c);
			g_string_append(r->text, v);
			if (r->sent == NULL) {
				dc_msg(DC_ERR_TEI, xmlGetLineNo(c), 0,
				    "token outside a sentence (s)");
				r->err = 1;
			} else if (tei_rd_part(c) && r->sent->last != NULL) {
				/* The rest of a token a seg end split. */
				w = r->sent->last;
				tmp = g_strconcat(w->text, v, NULL);
				g_free(w->text);
				w->text = tmp;
			} else if (*v != '\0') {
				w = dc_node_new(teir_is(c, "w") ? DC_W : DC_PC,
				    r->owner->lang, v, xmlGetLineNo(c), 0);
				w->pos = teir_attr(c, "pos");
				if (w->pos != NULL && *w->pos == '\0') {
					g_free(w->pos);
					w->pos = NULL;
				}
				dc_node_append(r->sent, w);
			}
			g_free(v);
			continue;
		}
		/* Inline markup (label, seg, names, dates): its text. */
		tei_rd_content(r, c);
		if (teir_is(c, "label") ||
		    (teir_is(c, "seg") && teir_attr_is(c, "type", "enum")))
			r->enum_len = r->text->len;
		else if (teir_is(c, "seg") && teir_attr_is(c, "type", "lead"))
			r->lead_len = r->text->len;
		else if (teir_is(c, "seg") &&
		    teir_attr_is(c, "type", "speaker"))
			r->spk_len = r->text->len;
	}
}

/*
 * A header line or one language of a block: an element with
 * xml:id LANG-hN or LANG-bN and @ana naming its role.
 */
static void
tei_item(struct tei_parse *p, const xmlNode *e, const char *ana)
{
	struct tei_item	 it;
	struct tei_rd	 r;
	enum dc_type	 type;
	enum dc_sub	 sub = DC_SUB_NONE;
	char		*id, *end, *name, *v;
	int		 l, line = xmlGetLineNo(e), head, level = 0;
	long		 num;

	memset(&r, 0, sizeof(r));
	memset(&it, 0, sizeof(it));
	id = teir_attr(e, "xml:id");
	if (id == NULL)
		id = teir_attr(e, "id");
	/* #dc-TYPE, or #dc-TYPE-SUB for a kind (type names have no '-'). */
	name = g_strdup(ana + 4);
	if ((end = strchr(name, '-')) != NULL) {
		*end++ = '\0';
		sub = dc_sub_from_name(end);
	}
	type = dc_type_from_name(name);
	g_free(name);
	l = teir_lang(e);
	if (type == DC_TYPE__MAX || (!dc_type_is_header(type) &&
	    !dc_type_is_block(type)) || sub == DC_SUB__MAX) {
		dc_msg(DC_ERR_TEI, line, 0, "unknown role %s", ana);
		goto bad;
	}
	if (type == DC_HEADING) {
		/* head type="levelN"; a head without one is a top one. */
		v = teir_attr(e, "type");
		if (v != NULL && strncmp(v, "level", 5) == 0 &&
		    v[5] >= '1' && v[5] <= '3' && v[6] == '\0')
			level = v[5] - '0';
		else
			level = 1;
		g_free(v);
	}
	head = dc_type_is_header(type);
	if (id == NULL || (end = strchr(id, '-')) == NULL ||
	    end[1] != (head ? 'h' : 'b')) {
		dc_msg(DC_ERR_TEI, line, 0, "%s without an xml:id LANG-%cN",
		    ana, head ? 'h' : 'b');
		goto bad;
	}
	num = strtol(end + 2, &end, 10);
	if (*end != '\0' || num <= 0 || num > INT_MAX) {
		dc_msg(DC_ERR_TEI, line, 0, "bad xml:id %s", id);
		goto bad;
	}
	if (l < 0) {
		dc_msg(DC_ERR_TEI, line, 0, "%s: no language docconv knows "
		    "(xml:lang zh or en)", id);
		goto bad;
	}
	r.text = g_string_new(NULL);
	r.owner = dc_node_new(head ? type : DC_SEG, l, NULL, line, 0);
	if (p->speaker != NULL && type != DC_TURN) {
		dc_msg(DC_ERR_TEI, line, 0, "%s: a speaker before a block "
		    "that is not a turn", id);
		dc_node_free(r.owner);
		g_string_free(r.text, TRUE);
		goto bad;
	}
	if (p->speaker != NULL) {
		/* The speaker of the sp starts its first turn's text. */
		tei_rd_content(&r, p->speaker);
		r.spk_len = r.text->len;
	}
	p->speaker = NULL;
	tei_rd_content(&r, e);
	if (r.err) {
		dc_node_free(r.owner);
		g_string_free(r.text, TRUE);
		goto bad;
	}
	if (r.text->len == 0) {
		/* Nothing to keep (e.g. only removed controls). */
		dc_node_free(r.owner);
		g_string_free(r.text, TRUE);
		g_free(id);
		return;
	}
	if (r.spk_len >= r.text->len || (r.spk_len > 0 && type != DC_TURN)) {
		dc_msg(DC_ERR_TEI, line, 0, "%s: a speaker label outside a "
		    "turn or without the turn's text", id);
		dc_node_free(r.owner);
		g_string_free(r.text, TRUE);
		goto bad;
	}
	r.owner->text = g_string_free(r.text, FALSE);
	if (!head) {
		r.owner->enum_len = r.enum_len;
		r.owner->lead_len = r.lead_len;
		r.owner->spk_len = r.spk_len;
	} else
		r.owner->sub = sub;
	it.num = (int)num;
	it.type = type;
	it.sub = sub;
	it.level = level;
	it.node = r.owner;
	g_array_append_val(head ? p->heads : p->segs, it);
	g_free(id);
	return;
bad:
	p->err = 1;
	g_free(id);
}

/*
 * Walk the text: docconv elements are read; anything else may only
 * hold white space (indentation) or more elements.
 */
static void
tei_walk(struct tei_parse *p, const xmlNode *e)
{
	const xmlNode	*c;
	const xmlChar	*s;
	char		*ana;

	for (c = e->children; c != NULL && !p->err; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			for (s = c->content; s != NULL && *s != '\0'; s++)
				if (!g_ascii_isspace(*s))
					break;
			if (s != NULL && *s != '\0') {
				dc_msg(DC_ERR_TEI, xmlGetLineNo(c), 0,
				    "text outside the blocks docconv "
				    "writes; this TEI was not written by "
				    "docconv or was edited: %.40s",
				    (const char *)s);
				p->err = 1;
			}
			continue;
		case XML_ELEMENT_NODE:
			break;
		case XML_ENTITY_REF_NODE:
			dc_msg(DC_ERR_TEI, xmlGetLineNo(c), 0, "entity "
			    "reference &%s; in the text: not read",
			    (const char *)c->name);
			p->err = 1;
			continue;
		default:
			continue;
		}
		ana = teir_attr(c, "ana");
		if (ana != NULL && strncmp(ana, "#dc-", 4) == 0)
			tei_item(p, c, ana);
		else if (teir_is(c, "speaker") && teir_is(e, "sp"))
			p->speaker = c;	/* read with the turn after it */
		else
			tei_walk(p, c);
		g_free(ana);
	}
	if (p->speaker != NULL && p->speaker->parent == e && !p->err) {
		dc_msg(DC_ERR_TEI, xmlGetLineNo(p->speaker), 0, "a speaker "
		    "without a turn after it");
		p->err = 1;
	}
}

static int
tei_item_cmp(const void *a, const void *b)
{
	const struct tei_item *x = a, *y = b;

	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	return (int)x->node->lang - (int)y->node->lang;
}

/*
 * Put the header lines and blocks found into the tree, in the order
 * of their numbers; a block's languages must agree on its role.
 */
static void
tei_build(struct tei_parse *p)
{
	struct tei_item	*it;
	struct dc_node	*blk = NULL;
	guint		 i;
	int		 num = 0;

	g_array_sort(p->heads, tei_item_cmp);
	g_array_sort(p->segs, tei_item_cmp);
	for (i = 0; i < p->heads->len; i++) {
		it = &g_array_index(p->heads, struct tei_item, i);
		dc_node_append(p->d->root, it->node);
		it->node = NULL;
	}
	for (i = 0; i < p->segs->len; i++) {
		it = &g_array_index(p->segs, struct tei_item, i);
		if (blk != NULL && it->num == num) {
			if (blk->type != it->type || blk->sub != it->sub ||
			    blk->level != it->level ||
			    blk->last->lang == it->node->lang) {
				dc_msg(DC_ERR_TEI, it->node->line, 0,
				    "block %d: languages disagree on its "
				    "role, or a language twice", num);
				p->err = 1;
				return;
			}
		} else {
			blk = dc_node_append(p->d->root, dc_node_new(it->type,
			    DC_LANG_ZH, NULL, it->node->line, 0));
			blk->sub = it->sub;
			blk->level = it->level;
			num = it->num;
		}
		dc_node_append(blk, it->node);
		it->node = NULL;
	}
}

static void
tei_items_free(GArray *a)
{
	guint	 i;

	for (i = 0; a != NULL && i < a->len; i++)
		dc_node_free(g_array_index(a, struct tei_item, i).node);
	if (a != NULL)
		g_array_free(a, TRUE);
}

/*
 * Parse TEI written by docconv.  Returns the document, or NULL after
 * reporting why not (DC_ERR_TEI).
 */
/* More attributes than any element of docconv's TEI has. */
#define TEIR_MAXATTRS	64
/* Deeper than docconv's TEI goes (libxml2's own default limit). */
#define TEIR_MAXDEPTH	256

/*
 * Bound the element tree before libxml2 sees the text: libxml2 2.9
 * checks an element's attributes against each other, so that 100,000
 * of them take minutes, and has no limit of its own for them; and
 * libxml2 is run with XML_PARSE_HUGE (a paragraph of docconv's may
 * pass its 10 MB text limit), so the depth is bounded here.  A linear
 * look at the bytes: tags and "=" outside quotes in them.  Returns 0,
 * or -1 after reporting the line of the element at fault.
 */
static int
teir_attrs_bound(const char *buf, size_t len)
{
	size_t	 i, n = 0;
	int	 intag = 0, line = 1, tagline = 0, depth = 0, close = 0;
	char	 q = 0, prev = 0;

	for (i = 0; i < len; prev = buf[i], i++) {
		char c = buf[i];
		if (c == '\n')
			line++;
		if (q != 0) {
			if (c == q)
				q = 0;
			continue;
		}
		if (!intag) {
			/* No DTD, hence no entities: refused before
			 * libxml2 (run HUGE) could expand any. */
			if (c == '<' && len - i >= 9 &&
			    memcmp(buf + i, "<!DOCTYPE", 9) == 0) {
				dc_msg(DC_ERR_TEI, line, 0, "TEI with a "
				    "DOCTYPE: docconv does not read DTDs or "
				    "entities");
				return -1;
			}
			if (c == '<' && i + 1 < len && buf[i + 1] != '!' &&
			    buf[i + 1] != '?') {
				intag = 1;
				close = buf[i + 1] == '/';
				n = 0;
				tagline = line;
			}
			continue;
		}
		if (c == '"' || c == '\'')
			q = c;
		else if (c == '=' && ++n > TEIR_MAXATTRS) {
			dc_msg(DC_ERR_TEI, tagline, 0, "an element with more "
			    "than %d attributes: not read",
			    TEIR_MAXATTRS);
			return -1;
		} else if (c == '>') {
			intag = 0;
			if (close)
				depth--;
			else if (prev != '/' && ++depth > TEIR_MAXDEPTH) {
				dc_msg(DC_ERR_TEI, tagline, 0, "elements nested "
				    "more than %d deep: not "
				    "read", TEIR_MAXDEPTH);
				return -1;
			}
		}
	}
	return 0;
}

/*
 * Take the characters no reader puts in the model (dc_is_removed():
 * XML holds DEL, the C1 controls and a CR as references) out of the
 * text and attribute values under n.  Returns how many; *line is the
 * first one's line.
 */
static size_t
teir_clean(xmlNode *n, long *line)
{
	xmlAttr		*a;
	const char	*p;
	GString		*b;
	size_t		 k = 0, k0;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			for (a = n->properties; a != NULL; a = a->next)
				k += teir_clean(a->children, line);
			k += teir_clean(n->children, line);
			continue;
		}
		if ((n->type != XML_TEXT_NODE &&
		    n->type != XML_CDATA_SECTION_NODE) || n->content == NULL)
			continue;
		for (p = (const char *)n->content; *p != '\0' &&
		    !dc_is_removed(g_utf8_get_char(p)); p = g_utf8_next_char(p))
			;
		if (*p == '\0')
			continue;
		b = g_string_new(NULL);
		k0 = k;
		for (p = (const char *)n->content; *p != '\0';
		    p = g_utf8_next_char(p))
			if (dc_is_removed(g_utf8_get_char(p)))
				k++;
			else
				g_string_append_len(b, p,
				    g_utf8_next_char(p) - p);
		if (k0 == 0 && *line == 0)
			*line = xmlGetLineNo(n->parent != NULL ? n->parent : n);
		xmlNodeSetContent(n, BAD_CAST b->str);
		g_string_free(b, TRUE);
	}
	return k;
}

struct dc_doc *
dc_parse_tei(const struct dc_input *in, const struct dc_opts *o)
{
	const char	*buf = in->buf;
	size_t		 len = in->len;
	struct tei_parse	 p;
	xmlParserCtxtPtr	 ctx = NULL;
	xmlDocPtr		 doc = NULL;
	const xmlNode		*root, *hdr, *n, *text = NULL;
	const xmlError		*e;
	struct dc_doc		*d = NULL;
	size_t			 nctl;
	long			 ctl_line = 0;

	(void)o;
	memset(&p, 0, sizeof(p));
	if (len > TEI_MAXLEN) {
		dc_msg(DC_ERR_TEI, 0, 0, "TEI file larger than %u MB: not "
		    "read", TEI_MAXLEN >> 20);
		goto out;
	}
	if (teir_attrs_bound(buf, len) == -1)
		goto out;
	if ((ctx = xmlNewParserCtxt()) == NULL) {
		dc_msg_sys("cannot start the XML parser");
		goto out;
	}
	/*
	 * No network, no DTD loading, no entity substitution.  HUGE:
	 * what docconv writes it reads, a paragraph of more than 10 MB
	 * too; the size (TEI_MAXLEN), depth and attributes are bounded
	 * above, before parsing.
	 */
	doc = xmlCtxtReadMemory(ctx, buf, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_HUGE);
	if (doc == NULL) {
		e = xmlCtxtGetLastError(ctx);
		dc_msg(DC_ERR_TEI, e != NULL ? e->line : 0, 0, "not "
		    "well-formed XML: %s", e != NULL && e->message != NULL ?
		    g_strchomp(e->message) : "parse error");
		goto out;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		dc_msg(DC_ERR_TEI, 1, 0, "TEI with a DOCTYPE: docconv "
		    "does not read DTDs or entities");
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	/* As the text reader: no control character in the model. */
	if ((nctl = teir_clean(xmlDocGetRootElement(doc), &ctl_line)) > 0)
		dc_msg(DC_WARN_CONTROL, (int)ctl_line, 0, "%zu in all%s",
		    nctl, nctl == 1 ? "" : " (the first here)");
	if (!teir_is(root, "TEI") || (hdr = teir_find(root, "teiHeader")) ==
	    NULL) {
		dc_msg(DC_ERR_TEI, root != NULL ? xmlGetLineNo(root) : 1, 0,
		    "not a TEI P5 document (root TEI with teiHeader in the "
		    "TEI namespace)");
		goto out;
	}
	for (n = teir_find(hdr, "appInfo"); n != NULL; n = NULL) {
		for (n = n->children; n != NULL; n = n->next)
			if (teir_is(n, "application") &&
			    teir_attr_is(n, "ident", "docconv"))
				break;
		break;
	}
	if (n == NULL) {
		/* Not docconv's (no appInfo/application ident="docconv"):
		 * the general reading. */
		d = dc_parse_tei_other(root, hdr);
		goto out;
	}
	for (n = root->children; n != NULL; n = n->next)
		if (teir_is(n, "text"))
			text = n;
	if (text == NULL) {
		dc_msg(DC_ERR_TEI, xmlGetLineNo(root), 0, "TEI without text");
		goto out;
	}

	p.d = dc_doc_new();
	p.d->meta.dialect = DC_DIALECT_TEI;
	p.heads = g_array_new(FALSE, FALSE, sizeof(struct tei_item));
	p.segs = g_array_new(FALSE, FALSE, sizeof(struct tei_item));
	p.urls = g_ptr_array_new_with_free_func(g_free);
	p.nav = g_ptr_array_new_with_free_func(g_free);
	for (n = teir_find(hdr, "sourceDesc"); n != NULL; n = NULL) {
		for (n = n->children; n != NULL; n = n->next)
			if (teir_is(n, "bibl") &&
			    teir_attr_is(n, "type", "docconv-source"))
				tei_bibl(&p, n);
		break;
	}
	if (p.urls->len > 0) {
		g_ptr_array_add(p.urls, NULL);
		p.d->meta.urls = (char **)g_ptr_array_free(p.urls, FALSE);
		p.urls = NULL;
	}
	if (p.nav->len > 0) {
		g_ptr_array_add(p.nav, NULL);
		p.d->meta.nav = (char **)g_ptr_array_free(p.nav, FALSE);
		p.nav = NULL;
	}
	tei_walk(&p, text);
	if (!p.err)
		tei_build(&p);
	if (p.err)
		goto out;
	if (p.d->root->child == NULL) {
		dc_msg(DC_ERR_TEI, xmlGetLineNo(text), 0, "no text in this "
		    "TEI");
		goto out;
	}
	d = p.d;
	p.d = NULL;
out:
	tei_items_free(p.heads);
	tei_items_free(p.segs);
	if (p.urls != NULL)
		g_ptr_array_free(p.urls, TRUE);
	if (p.nav != NULL)
		g_ptr_array_free(p.nav, TRUE);
	dc_doc_free(p.d);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctx);
	return d;
}
