/*
 * The JSON writer (--json): the whole model, for pipelines, in a form
 * parse_json.c reads back to the same model.  The layout is described
 * by docs/docconv.schema.json; keys come in a fixed order and a member
 * that has no value is left out, so that the same model always gives
 * the same bytes.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "docconv.h"
#include "output.h"

/* Version of the layout, "docconv" in the top object. */
#define DC_JSON_VERSION	1
#define JSON_FLUSH	(64 * 1024)	/* bytes written at a time */

/*
 * Append s to b as a JSON string literal, as RFC 8259 asks: quotes,
 * backslashes and controls escaped; bytes that are not UTF-8 become
 * U+FFFD (a file name may hold any).  With html, "<", ">" and "&" are
 * \u escapes too, so that the text of a script element can never end
 * it or open a comment.  For the JSON docconv writes by hand: the
 * --report lines and the page's JSON-LD.
 */
void
dc_json_quote(GString *b, const char *s, int html)
{
	char		*v;
	const char	*p;

	v = g_utf8_make_valid(s, -1);
	g_string_append_c(b, '"');
	for (p = v; *p != '\0'; p++)
		switch (*p) {
		case '"':
			g_string_append(b, "\\\"");
			break;
		case '\\':
			g_string_append(b, "\\\\");
			break;
		case '\n':
			g_string_append(b, "\\n");
			break;
		case '\t':
			g_string_append(b, "\\t");
			break;
		case '<':
		case '>':
		case '&':
			if (html) {
				g_string_append_printf(b, "\\u%04x", *p);
				break;
			}
			/* FALLTHROUGH */
		default:
			if ((unsigned char)*p < 0x20)
				g_string_append_printf(b, "\\u%04x",
				    (unsigned char)*p);
			else
				g_string_append_c(b, *p);
			break;
		}
	g_string_append_c(b, '"');
	g_free(v);
}

static void
json_str(JsonBuilder *b, const char *key, const char *val)
{
	if (val == NULL)
		return;
	json_builder_set_member_name(b, key);
	json_builder_add_string_value(b, val);
}

/* An integer member; zero is the default and is left out. */
static void
json_int(JsonBuilder *b, const char *key, long long val)
{
	if (val == 0)
		return;
	json_builder_set_member_name(b, key);
	json_builder_add_int_value(b, val);
}

/* Where a node starts in its source: "line", "col". */
static void
json_pos(JsonBuilder *b, const struct dc_node *n)
{
	json_int(b, "line", n->line);
	json_int(b, "col", n->col);
}

/* The sentences of segmented input under a header line or seg. */
static void
json_sentences(JsonBuilder *b, const struct dc_node *n)
{
	const struct dc_node	*s, *w;

	if (n->child == NULL)
		return;
	json_builder_set_member_name(b, "sentences");
	json_builder_begin_array(b);
	for (s = n->child; s != NULL; s = s->next) {
		json_builder_begin_object(b);
		json_str(b, "id", s->text);
		json_pos(b, s);
		json_builder_set_member_name(b, "tokens");
		json_builder_begin_array(b);
		for (w = s->child; w != NULL; w = w->next) {
			json_builder_begin_object(b);
			json_str(b, "type", dc_type_name(w->type));
			json_str(b, "text", w->text);
			json_str(b, "pos", w->pos);
			json_pos(b, w);
			json_builder_end_object(b);
		}
		json_builder_end_array(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

/*
 * The publisher's metadata (--meta, the sidecar), under the keys
 * --meta takes, so that a pipeline's JSON typesets with it.
 */
static void
json_pub(JsonBuilder *b, const struct dc_meta *m)
{
	int	 k;

	for (k = 0; k < DC_PUB__MAX; k++)
		if (m->pub[k] != NULL)
			break;
	if (k == DC_PUB__MAX)
		return;
	json_builder_set_member_name(b, "publication");
	json_builder_begin_object(b);
	for (k = 0; k < DC_PUB__MAX; k++)
		json_str(b, dc_pub_name(k), m->pub[k]);
	json_builder_end_object(b);
}

static void
json_meta(JsonBuilder *b, const struct dc_doc *d)
{
	const struct dc_meta	*m = &d->meta;
	const struct dc_lmeta	*l;
	char			*t;
	int			 i;

	json_builder_begin_object(b);
	json_str(b, "dialect", dc_dialect_name(m->dialect));
	json_builder_set_member_name(b, "languages");
	json_builder_begin_array(b);
	for (i = 0; i < DC_LANG__MAX; i++)
		if (m->langs & (1u << i))
			json_builder_add_string_value(b, dc_lang_code(i));
	json_builder_end_array(b);
	json_builder_set_member_name(b, "hant");
	json_builder_add_boolean_value(b, m->hant != 0);
	json_builder_set_member_name(b, "title_default");
	json_builder_add_boolean_value(b, m->title_default != 0);
	json_str(b, "source", m->source);
	json_str(b, "collection", m->collection);
	json_str(b, "date", m->date_iso);
	json_str(b, "agency", m->agency);
	json_str(b, "reporters", m->reporters);
	json_str(b, "from", m->from);
	json_str(b, "orig_title", m->orig_title);
	json_str(b, "editor", m->editor);
	if (m->urls != NULL) {
		json_builder_set_member_name(b, "urls");
		json_builder_begin_array(b);
		for (i = 0; m->urls[i] != NULL; i++)
			json_builder_add_string_value(b, m->urls[i]);
		json_builder_end_array(b);
	}
	if (m->nav != NULL) {
		json_builder_set_member_name(b, "nav");
		json_builder_begin_array(b);
		for (i = 0; m->nav[i] != NULL; i++)
			json_builder_add_string_value(b, m->nav[i]);
		json_builder_end_array(b);
	}
	json_str(b, "author_from", m->author_from);
	json_pub(b, m);
	for (i = 0; i < DC_LANG__MAX; i++) {
		l = &m->l[i];
		if (l->title == NULL && l->subtitle == NULL &&
		    l->occasion == NULL && l->speaker == NULL &&
		    l->role == NULL && l->date == NULL && l->place == NULL &&
		    l->kicker == NULL)
			continue;
		json_builder_set_member_name(b, dc_lang_code(i));
		json_builder_begin_object(b);
		/* A title that is not the title lines (a label's, front
		 * matter's, a file name's) is the text's own: so that
		 * the JSON reader keeps it and does not take it for a
		 * hand edit. */
		t = dc_title_join(d, (enum dc_lang)i);
		if (t != NULL && l->title != NULL && strcmp(t, l->title) != 0) {
			json_builder_set_member_name(b, "title_own");
			json_builder_add_boolean_value(b, TRUE);
		}
		g_free(t);
		json_str(b, "title", l->title);
		json_str(b, "subtitle", l->subtitle);
		json_str(b, "occasion", l->occasion);
		json_str(b, "speaker", l->speaker);
		json_str(b, "role", l->role);
		json_str(b, "date", l->date);
		json_str(b, "place", l->place);
		json_str(b, "kicker", l->kicker);
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

static void
json_header(JsonBuilder *b, const struct dc_node *n)
{
	json_builder_begin_object(b);
	json_str(b, "type", dc_type_name(n->type));
	if (n->sub != DC_SUB_NONE)
		json_str(b, "sub", dc_sub_name(n->sub));
	json_str(b, "lang", dc_lang_code(n->lang));
	json_pos(b, n);
	json_str(b, "text", n->text);
	json_sentences(b, n);
	json_builder_end_object(b);
}

static void
json_block(JsonBuilder *b, const struct dc_node *n)
{
	const struct dc_node	*s;

	json_builder_begin_object(b);
	json_str(b, "type", dc_type_name(n->type));
	if (n->sub != DC_SUB_NONE)
		json_str(b, "sub", dc_sub_name(n->sub));
	json_int(b, "level", n->level);
	json_pos(b, n);
	json_builder_set_member_name(b, "segs");
	json_builder_begin_array(b);
	for (s = n->child; s != NULL; s = s->next) {
		json_builder_begin_object(b);
		json_str(b, "lang", dc_lang_code(s->lang));
		json_pos(b, s);
		json_str(b, "text", s->text);
		json_int(b, "enum_len", (long long)s->enum_len);
		json_int(b, "lead_len", (long long)s->lead_len);
		json_int(b, "spk_len", (long long)s->spk_len);
		json_sentences(b, s);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* Line numbers as an array. */
static void
json_lines(JsonBuilder *b, const char *key, const int *l, int n)
{
	int	 i;

	json_builder_set_member_name(b, key);
	json_builder_begin_array(b);
	for (i = 0; i < n; i++)
		json_builder_add_int_value(b, l[i]);
	json_builder_end_array(b);
}

static void
json_align(JsonBuilder *b, const struct dc_align *a)
{
	const struct dc_bead	*e;
	size_t			 i;

	json_builder_begin_object(b);
	json_str(b, "original", a->original);
	json_str(b, "translation", a->translation);
	json_str(b, "original_lang", dc_lang_code(a->lang_a));
	json_str(b, "translation_lang", dc_lang_code(a->lang_b));
	json_builder_set_member_name(b, "ratio100");
	json_builder_add_int_value(b, a->ratio);
	json_builder_set_member_name(b, "beads");
	json_builder_begin_array(b);
	for (i = 0; i < a->nbeads; i++) {
		e = &a->beads[i];
		json_builder_begin_object(b);
		json_str(b, "type", dc_type_name(e->type));
		json_lines(b, "original", e->lines, e->na);
		json_lines(b, "translation", e->lines + e->na, e->nb);
		json_builder_set_member_name(b, "score100");
		json_builder_add_int_value(b, e->score);
		json_builder_set_member_name(b, "warned");
		json_builder_add_boolean_value(b, e->warned != 0);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* Output state: the text so far and how it is laid out. */
struct json_out {
	GString		*s;		/* the JSON text (not yet written) */
	FILE		*f;		/* written to as it goes, or NULL */
	int		 ferr;		/* errno of a failed write to f */
	JsonBuilder	*b;		/* builds one value at a time */
	JsonGenerator	*g;		/* writes it */
	int		 pretty;	/* indented, else one line */
};

/*
 * Write the text so far to the file, if there is one and (unless all)
 * once there is enough of it: the JSON of a million short paragraphs
 * is some eighty times their bytes, never held whole.
 */
static void
json_flush(struct json_out *o, int all)
{
	if (o->f == NULL || (!all && o->s->len < JSON_FLUSH))
		return;
	if (o->ferr == 0 && fwrite(o->s->str, 1, o->s->len, o->f) !=
	    o->s->len)
		o->ferr = errno != 0 ? errno : EIO;
	g_string_truncate(o->s, 0);
}

/*
 * Append the value just built, its lines after the first indented by
 * level (json-glib's own indent, one space a level), and reset the
 * builder.  The document is written a block at a time: a tree of the
 * whole model as JsonNodes would take half as much memory again as
 * the model.
 */
static void
json_emit(struct json_out *o, int level)
{
	JsonNode	*root;
	char		*t, *p, *nl;
	gsize		 tl;
	int		 i;

	root = json_builder_get_root(o->b);
	json_generator_set_root(o->g, root);
	t = json_generator_to_data(o->g, &tl);
	for (p = t; o->pretty && (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		g_string_append_len(o->s, p, nl + 1 - p);
		/* Not printf: a call a line was 4% of a long text's time. */
		for (i = 0; i < level; i++)
			g_string_append_c(o->s, ' ');
	}
	g_string_append(o->s, p);
	g_free(t);
	json_node_unref(root);
	json_builder_reset(o->b);
	json_flush(o, 0);
}

/* A member's name, after the members before it (first: none). */
static void
json_key(struct json_out *o, const char *key, int first)
{
	g_string_append_printf(o->s, o->pretty ? "%s\n \"%s\" : " :
	    "%s\"%s\":", first ? "" : ",", key);
}

/* Open (c '[') or close (c ']') an array of n members at level 1. */
static void
json_bracket(struct json_out *o, char c, size_t n)
{
	if (c == ']' && n > 0 && o->pretty)
		g_string_append(o->s, "\n ");
	g_string_append_c(o->s, c);
}

/* Before member i of an array at level 1. */
static void
json_elem(struct json_out *o, size_t i)
{
	if (i > 0)
		g_string_append_c(o->s, ',');
	if (o->pretty)
		g_string_append(o->s, "\n  ");
}

/*
 * The JSON text of a document: indented if pretty, else on one line;
 * either way ending in a newline; with path, a JSON Lines record that
 * names its input as given.  Returns g_malloc'd text, its length in
 * *len.
 */
static char *
json_text(const struct dc_doc *d, int pretty, const char *path,
    FILE *f, int *ferr, size_t *len)
{
	struct json_out		 o;
	const struct dc_node	*n;
	size_t			 k;

	o.s = g_string_new("{");
	o.f = f;
	o.ferr = 0;
	o.b = json_builder_new();
	o.g = json_generator_new();
	o.pretty = pretty;
	json_generator_set_pretty(o.g, pretty);
	json_generator_set_indent(o.g, 1);

	json_key(&o, "docconv", 1);
	g_string_append_printf(o.s, "%d", DC_JSON_VERSION);
	if (path != NULL) {
		json_key(&o, "path", 0);
		dc_json_quote(o.s, path, 0);
	}
	json_key(&o, "meta", 0);
	json_meta(o.b, d);
	json_emit(&o, 1);
	json_key(&o, "header", 0);
	json_bracket(&o, '[', 0);
	for (k = 0, n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_header(n->type)) {
			json_elem(&o, k++);
			json_header(o.b, n);
			json_emit(&o, 2);
		}
	json_bracket(&o, ']', k);
	json_key(&o, "blocks", 0);
	json_bracket(&o, '[', 0);
	for (k = 0, n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type)) {
			json_elem(&o, k++);
			json_block(o.b, n);
			json_emit(&o, 2);
		}
	json_bracket(&o, ']', k);
	if (d->align != NULL) {
		json_key(&o, "alignment", 0);
		json_align(o.b, d->align);
		json_emit(&o, 1);
	}
	g_string_append(o.s, pretty ? "\n}\n" : "}\n");
	g_object_unref(o.g);
	g_object_unref(o.b);
	if (f != NULL) {
		json_flush(&o, 1);
		*ferr = o.ferr;
		g_string_free(o.s, TRUE);
		return NULL;
	}
	*len = o.s->len;
	return g_string_free(o.s, FALSE);
}

char *
dc_json_text(const struct dc_doc *d, int pretty, size_t *len)
{
	return json_text(d, pretty, NULL, NULL, NULL, len);
}

/*
 * The JSON Lines record of a document read from path (as the command
 * line or --files-from gave it): one line.  Returns g_malloc'd text.
 */
char *
dc_json_line(const struct dc_doc *d, const char *path, size_t *len)
{
	return json_text(d, 0, path, NULL, NULL, len);
}

/*
 * Write the document as JSON to path.  Returns 0, or -1 after
 * reporting why not.
 */
int
render_json(const struct dc_doc *d, const struct dc_opts *o,
    const char *path)
{
	FILE	*f;
	size_t	 len;
	int	 e = 0;

	(void)o;
	/* Written as it is made, failures told as dc_output_write()
	 * tells them. */
	if ((f = fopen(path, "wb")) == NULL) {
		dc_msg_sys("%s: %s", path, g_strerror(errno));
		return -1;
	}
	(void)json_text(d, 1, NULL, f, &e, &len);
	if (fclose(f) != 0 && e == 0)
		e = errno;
	if (e != 0) {
		dc_msg_sys("%s: %s", path, g_strerror(e));
		return -1;
	}
	return 0;
}
