/*
 * The JSON reader (--input-format=json): what render_json.c writes,
 * read back into the same model, so that a pipeline can correct a
 * model and typeset the result.  Anything that does not fit the
 * layout of docs/docconv.schema.json, or that makes a model breaking
 * dc_tree_check()'s rules, is refused with the place it was found.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "docconv.h"
#include "parse.h"

/* Reader state: the document built and the first error. */
struct jr {
	struct dc_doc	*d;		/* the document being built */
	char		*err;		/* first error, or NULL; owned */
	int		 line;		/* where the JSON is broken, or 0 */
	int		 col;		/* ... and the column */
	GPtrArray	*clean;		/* strings cleaned of controls */
	size_t		 removed;	/* control characters removed */
	int		 own[DC_LANG__MAX]; /* meta.LANG.title_own */
};

/* Record an error (the first one counts); always returns -1. */
static int
jr_fail(struct jr *p, const char *where, const char *what)
{
	if (p->err == NULL)
		p->err = g_strdup_printf("%s: %s", where, what);
	return -1;
}

/*
 * A JSON string as the text reader would have left it: s itself, or
 * a copy without the control characters (kept in p->clean), which
 * are counted.  s is valid UTF-8.
 */
static const char *
jr_clean(struct jr *p, const char *s)
{
	const char	*q;
	GString		*b;
	char		*c;

	for (q = s; *q != '\0'; q = g_utf8_next_char(q))
		if (dc_is_removed(g_utf8_get_char(q)))
			break;
	if (*q == '\0')
		return s;
	b = g_string_new_len(s, q - s);
	for (; *q != '\0'; q = g_utf8_next_char(q))
		if (dc_is_removed(g_utf8_get_char(q)))
			p->removed++;
		else
			g_string_append_len(b, q, g_utf8_next_char(q) - q);
	c = g_string_free(b, FALSE);
	g_ptr_array_add(p->clean, c);
	return c;
}

/*
 * Is a text empty or only white space (or zero-width spaces)?  No
 * reader makes such a segment or header line.
 */
static int
jr_blank(const char *s)
{
	gunichar	 c;

	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		c = g_utf8_get_char(s);
		if (!g_unichar_isspace(c) && c != 0x200B && c != 0xFEFF &&
		    c != 0x2028 && c != 0x2029)
			return 0;
	}
	return 1;
}

/*
 * A model edited by hand may say one title in "meta" and another in
 * its title lines: the lines, which every title page shows, are kept
 * as the title too, said with a warning.  A title that is part of its
 * lines is a reader's (a file name's date cut off, "2019-04-26_TITLE")
 * and stays; so does one the model says is its own (title_own: a
 * reader took it from front matter or a label and kept the lines as
 * written).
 */
static void
jr_titles(struct jr *p)
{
	struct dc_doc	*d = p->d;
	char		*t;
	int		 i;

	for (i = 0; i < DC_LANG__MAX; i++) {
		if (p->own[i])
			continue;
		t = dc_title_join(d, (enum dc_lang)i);
		if (t != NULL && d->meta.l[i].title != NULL &&
		    strstr(t, d->meta.l[i].title) == NULL) {
			dc_msg(DC_WARN_GENERIC, 0, 0, "meta %s title \"%s\" "
			    "is not the title lines; they are kept: %s",
			    dc_lang_code((enum dc_lang)i),
			    d->meta.l[i].title, t);
			dc_meta_set(&d->meta.l[i].title, t);
		}
		g_free(t);
	}
}

/*
 * A string member: *out is NULL if absent, the string if present.
 * Returns 0, or -1 if it is not a string or not UTF-8.
 */
static int
jr_str(struct jr *p, JsonObject *o, const char *key, const char *where,
    const char **out)
{
	JsonNode	*n;
	char		*w;
	int		 rc;

	*out = NULL;
	if ((n = json_object_get_member(o, key)) == NULL)
		return 0;
	if (JSON_NODE_HOLDS_VALUE(n) &&
	    json_node_get_value_type(n) == G_TYPE_STRING) {
		*out = json_node_get_string(n);
		if (*out != NULL && g_utf8_validate(*out, -1, NULL)) {
			*out = jr_clean(p, *out);
			return 0;
		}
	}
	w = g_strdup_printf("%s.%s", where, key);
	rc = jr_fail(p, w, "not a UTF-8 string");
	g_free(w);
	return rc;
}

/*
 * An integer member from min to max; absent is 0.  Returns 0 or -1.
 */
static int
jr_int(struct jr *p, JsonObject *o, const char *key, const char *where,
    long long min, long long max, long long *out)
{
	JsonNode	*n;
	char		*w;
	int		 rc;

	*out = 0;
	if ((n = json_object_get_member(o, key)) == NULL)
		return 0;
	if (JSON_NODE_HOLDS_VALUE(n) &&
	    json_node_get_value_type(n) == G_TYPE_INT64) {
		*out = json_node_get_int(n);
		if (*out >= min && *out <= max)
			return 0;
	}
	w = g_strdup_printf("%s.%s", where, key);
	rc = jr_fail(p, w, "not an integer in range");
	g_free(w);
	return rc;
}

/* A boolean member; absent is false.  Returns 0 or -1. */
static int
jr_bool(struct jr *p, JsonObject *o, const char *key, const char *where,
    int *out)
{
	JsonNode	*n;

	*out = 0;
	if ((n = json_object_get_member(o, key)) == NULL)
		return 0;
	if (JSON_NODE_HOLDS_VALUE(n) &&
	    json_node_get_value_type(n) == G_TYPE_BOOLEAN) {
		*out = json_node_get_boolean(n);
		return 0;
	}
	return jr_fail(p, where, "a member is not true or false");
}

/* An array member, or NULL (absent is fine if opt, else an error). */
static JsonArray *
jr_array(struct jr *p, JsonObject *o, const char *key, const char *where,
    int opt)
{
	JsonNode	*n;

	if ((n = json_object_get_member(o, key)) == NULL) {
		if (!opt)
			jr_fail(p, where, "a required array is missing");
		return NULL;
	}
	if (!JSON_NODE_HOLDS_ARRAY(n)) {
		jr_fail(p, where, "a member is not an array");
		return NULL;
	}
	return json_node_get_array(n);
}

/* Element i of an array as an object, or NULL (an error). */
static JsonObject *
jr_elem(struct jr *p, JsonArray *a, guint i, const char *where)
{
	JsonNode	*n = json_array_get_element(a, i);

	if (n == NULL || !JSON_NODE_HOLDS_OBJECT(n)) {
		jr_fail(p, where, "not an object");
		return NULL;
	}
	return json_node_get_object(n);
}

/* A language code, or -1. */
static int
jr_lang(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < DC_LANG__MAX; i++)
		if (strcmp(dc_lang_code(i), s) == 0)
			return i;
	return -1;
}

/* Set a metadata string from a member; 0 or -1. */
static int
jr_meta(struct jr *p, JsonObject *o, const char *key, const char *where,
    char **field)
{
	const char	*s;

	if (jr_str(p, o, key, where, &s) == -1)
		return -1;
	if (s != NULL)
		dc_meta_set(field, s);
	return 0;
}

static int
jr_lmeta(struct jr *p, JsonObject *o, const char *where,
    struct dc_lmeta *l, int *own)
{
	return jr_bool(p, o, "title_own", where, own) |
	    jr_meta(p, o, "title", where, &l->title) |
	    jr_meta(p, o, "subtitle", where, &l->subtitle) |
	    jr_meta(p, o, "occasion", where, &l->occasion) |
	    jr_meta(p, o, "speaker", where, &l->speaker) |
	    jr_meta(p, o, "role", where, &l->role) |
	    jr_meta(p, o, "date", where, &l->date) |
	    jr_meta(p, o, "place", where, &l->place) |
	    jr_meta(p, o, "kicker", where, &l->kicker);
}

/*
 * meta.publication: the publisher's metadata, each value checked as
 * --meta checks it; --meta and a sidecar still win (dc_pub_apply()).
 */
static int
jr_pub(struct jr *p, JsonObject *o)
{
	JsonNode	*n;
	JsonObject	*po;
	GList		*keys, *k;
	char		*err;
	int		 rc = 0;

	if ((n = json_object_get_member(o, "publication")) == NULL)
		return 0;
	if (!JSON_NODE_HOLDS_OBJECT(n))
		return jr_fail(p, "meta.publication", "not an object");
	po = json_node_get_object(n);
	keys = json_object_get_members(po);
	for (k = keys; k != NULL && rc == 0; k = k->next) {
		n = json_object_get_member(po, k->data);
		if (!JSON_NODE_HOLDS_VALUE(n) ||
		    json_node_get_value_type(n) != G_TYPE_STRING) {
			rc = jr_fail(p, "meta.publication", "a value is not "
			    "a string");
			break;
		}
		if (dc_pub_set(p->d->meta.pub, k->data,
		    json_node_get_string(n), &err) == -1) {
			rc = jr_fail(p, "meta.publication", err);
			g_free(err);
		}
	}
	g_list_free(keys);
	return rc;
}

/*
 * An optional array of non-empty strings under key, each kept as the
 * text reader would have left it, into a NULL-terminated *out (left
 * alone when the array is absent or empty).
 */
static int
jr_strings(struct jr *p, JsonObject *o, const char *key, const char *where,
    char ***out)
{
	JsonArray	*a;
	JsonNode	*n;
	const char	*s;
	guint		 i, len;

	if ((a = jr_array(p, o, key, "meta", 1)) == NULL)
		return p->err != NULL ? -1 : 0;
	if ((len = json_array_get_length(a)) == 0)
		return 0;
	*out = g_new0(char *, len + 1);
	for (i = 0; i < len; i++) {
		n = json_array_get_element(a, i);
		if (!JSON_NODE_HOLDS_VALUE(n) ||
		    json_node_get_value_type(n) != G_TYPE_STRING)
			return jr_fail(p, where, "not a string");
		s = json_node_get_string(n);
		if (!g_utf8_validate(s, -1, NULL) || *s == '\0')
			return jr_fail(p, where, "not a string");
		(*out)[i] = g_strdup(jr_clean(p, s));
	}
	return 0;
}

static int
jr_metadata(struct jr *p, JsonObject *o)
{
	struct dc_meta	*m = &p->d->meta;
	JsonNode	*n;
	const char	*s;
	int		 rc = 0, v, lang;

	if (jr_str(p, o, "dialect", "meta", &s) == -1)
		return -1;
	if (s != NULL) {
		m->dialect = dc_dialect_from_name(s);
		if (m->dialect == DC_DIALECT__MAX ||
		    m->dialect == DC_DIALECT_AUTO)
			return jr_fail(p, "meta.dialect", "unknown dialect");
	} else
		m->dialect = DC_DIALECT_JSON;
	if (jr_bool(p, o, "title_default", "meta", &v) == -1)
		return -1;
	m->title_default = v;
	rc |= jr_meta(p, o, "source", "meta", &m->source);
	rc |= jr_meta(p, o, "collection", "meta", &m->collection);
	rc |= jr_meta(p, o, "date", "meta", &m->date_iso);
	rc |= jr_meta(p, o, "agency", "meta", &m->agency);
	rc |= jr_meta(p, o, "reporters", "meta", &m->reporters);
	rc |= jr_meta(p, o, "from", "meta", &m->from);
	rc |= jr_meta(p, o, "orig_title", "meta", &m->orig_title);
	rc |= jr_meta(p, o, "editor", "meta", &m->editor);
	rc |= jr_meta(p, o, "author_from", "meta", &m->author_from);
	if (rc != 0)
		return -1;
	if (m->date_iso != NULL && !dc_iso_date_valid(m->date_iso))
		return jr_fail(p, "meta.date", "not an ISO date");
	if (jr_strings(p, o, "urls", "meta.urls", &m->urls) == -1 ||
	    jr_strings(p, o, "nav", "meta.nav", &m->nav) == -1)
		return -1;
	if (jr_pub(p, o) == -1)
		return -1;
	for (lang = 0; lang < DC_LANG__MAX; lang++) {
		const char *code = dc_lang_code(lang);
		if ((n = json_object_get_member(o, code)) == NULL)
			continue;
		if (!JSON_NODE_HOLDS_OBJECT(n))
			return jr_fail(p, "meta", "a language's metadata is "
			    "not an object");
		if (jr_lmeta(p, json_node_get_object(n), code,
		    &m->l[lang], &p->own[lang]) != 0)
			return -1;
	}
	return 0;
}

/* type, sub, lang, line, col of a node from o. */
static int
jr_node_common(struct jr *p, JsonObject *o, const char *where,
    struct dc_node *n)
{
	const char	*s;
	long long	 v;

	if (jr_str(p, o, "sub", where, &s) == -1)
		return -1;
	if (s != NULL && (n->sub = dc_sub_from_name(s)) == DC_SUB__MAX)
		return jr_fail(p, where, "unknown sub");
	if (jr_int(p, o, "line", where, 0, INT_MAX, &v) == -1)
		return -1;
	n->line = (int)v;
	if (jr_int(p, o, "col", where, 0, INT_MAX, &v) == -1)
		return -1;
	n->col = (int)v;
	return 0;
}

/* The sentences (tokens) of a header line or seg. */
static int
jr_sentences(struct jr *p, JsonObject *o, const char *where,
    struct dc_node *parent)
{
	JsonArray	*a, *ta;
	JsonObject	*so, *to;
	struct dc_node	*s, *w;
	const char	*id, *text, *pos, *type;
	enum dc_type	 t;
	guint		 i, k;

	if ((a = jr_array(p, o, "sentences", where, 1)) == NULL)
		return p->err != NULL ? -1 : 0;
	for (i = 0; i < json_array_get_length(a); i++) {
		if ((so = jr_elem(p, a, i, "sentence")) == NULL ||
		    jr_str(p, so, "id", "sentence", &id) == -1)
			return -1;
		s = dc_node_append(parent, dc_node_new(DC_SENT, parent->lang,
		    id, 0, 0));
		if (jr_node_common(p, so, "sentence", s) == -1 ||
		    (ta = jr_array(p, so, "tokens", "sentence", 0)) == NULL)
			return -1;
		for (k = 0; k < json_array_get_length(ta); k++) {
			if ((to = jr_elem(p, ta, k, "token")) == NULL ||
			    jr_str(p, to, "type", "token", &type) == -1 ||
			    jr_str(p, to, "text", "token", &text) == -1 ||
			    jr_str(p, to, "pos", "token", &pos) == -1)
				return -1;
			if (type == NULL || text == NULL ||
			    ((t = dc_type_from_name(type)) != DC_W &&
			    t != DC_PC))
				return jr_fail(p, "token", "needs a type "
				    "(w or pc) and a text");
			w = dc_node_append(s, dc_node_new(t, parent->lang,
			    text, 0, 0));
			if (pos != NULL)
				w->pos = g_strdup(pos);
			if (jr_node_common(p, to, "token", w) == -1)
				return -1;
		}
	}
	return 0;
}

static int
jr_header(struct jr *p, JsonObject *o)
{
	struct dc_node	*n;
	const char	*type, *lang, *text;
	enum dc_type	 t;
	int		 l;

	if (jr_str(p, o, "type", "header", &type) == -1 ||
	    jr_str(p, o, "lang", "header", &lang) == -1 ||
	    jr_str(p, o, "text", "header", &text) == -1)
		return -1;
	if (type == NULL || !dc_type_is_header(t = dc_type_from_name(type)))
		return jr_fail(p, "header", "type is not a header line's");
	if ((l = jr_lang(lang)) < 0)
		return jr_fail(p, "header", "lang is not zh or en");
	if (text == NULL || jr_blank(text))
		return jr_fail(p, "header", "a header line needs a text, "
		    "not only white space");
	n = dc_node_append(p->d->root, dc_node_new(t, l, text, 0, 0));
	if (jr_node_common(p, o, "header", n) == -1)
		return -1;
	return jr_sentences(p, o, "header", n);
}

static int
jr_block(struct jr *p, JsonObject *o)
{
	struct dc_node	*b, *s;
	JsonArray	*a;
	JsonObject	*so;
	const char	*type, *lang, *text;
	enum dc_type	 t;
	long long	 v;
	guint		 i;
	int		 l;

	if (jr_str(p, o, "type", "block", &type) == -1)
		return -1;
	if (type == NULL || !dc_type_is_block(t = dc_type_from_name(type)))
		return jr_fail(p, "block", "type is not a block's");
	b = dc_node_append(p->d->root, dc_node_new(t, DC_LANG_ZH, NULL, 0,
	    0));
	if (jr_node_common(p, o, "block", b) == -1 ||
	    jr_int(p, o, "level", "block", 0, 3, &v) == -1)
		return -1;
	b->level = (int)v;
	if ((a = jr_array(p, o, "segs", "block", 0)) == NULL)
		return -1;
	for (i = 0; i < json_array_get_length(a); i++) {
		if ((so = jr_elem(p, a, i, "seg")) == NULL ||
		    jr_str(p, so, "lang", "seg", &lang) == -1 ||
		    jr_str(p, so, "text", "seg", &text) == -1)
			return -1;
		if ((l = jr_lang(lang)) < 0 || text == NULL ||
		    jr_blank(text))
			return jr_fail(p, "seg", "needs a lang (zh or en) "
			    "and a text, not only white space");
		s = dc_node_append(b, dc_node_new(DC_SEG, l, text, 0, 0));
		if (jr_node_common(p, so, "seg", s) == -1)
			return -1;
		if (jr_int(p, so, "enum_len", "seg", 0, INT_MAX, &v) == -1)
			return -1;
		s->enum_len = (size_t)v;
		if (jr_int(p, so, "lead_len", "seg", 0, INT_MAX, &v) == -1)
			return -1;
		s->lead_len = (size_t)v;
		if (jr_int(p, so, "spk_len", "seg", 0, INT_MAX, &v) == -1)
			return -1;
		s->spk_len = (size_t)v;
		if (jr_sentences(p, so, "seg", s) == -1)
			return -1;
	}
	return 0;
}

/* Line numbers of one side of a bead. */
static int
jr_lines(struct jr *p, JsonObject *o, const char *key, GArray *out,
    int *count)
{
	JsonArray	*a;
	JsonNode	*n;
	guint		 i;
	int		 v;

	if ((a = jr_array(p, o, key, "bead", 0)) == NULL)
		return -1;
	*count = (int)json_array_get_length(a);
	for (i = 0; i < json_array_get_length(a); i++) {
		n = json_array_get_element(a, i);
		if (!JSON_NODE_HOLDS_VALUE(n) ||
		    json_node_get_value_type(n) != G_TYPE_INT64 ||
		    json_node_get_int(n) < 0 ||
		    json_node_get_int(n) > INT_MAX)
			return jr_fail(p, "bead", "a line is not a number");
		v = (int)json_node_get_int(n);
		g_array_append_val(out, v);
	}
	return 0;
}

static int
jr_alignment(struct jr *p, JsonObject *o)
{
	struct dc_align	*al;
	struct dc_bead	*e;
	JsonArray	*a;
	JsonObject	*bo;
	GArray		*lines;
	const char	*s, *t, *la, *lb, *type;
	long long	 v;
	guint		 i;
	int		 rc = -1, na, nb, w;

	if (jr_str(p, o, "original", "alignment", &s) == -1 ||
	    jr_str(p, o, "translation", "alignment", &t) == -1 ||
	    jr_str(p, o, "original_lang", "alignment", &la) == -1 ||
	    jr_str(p, o, "translation_lang", "alignment", &lb) == -1 ||
	    jr_int(p, o, "ratio100", "alignment", 0, INT_MAX, &v) == -1)
		return -1;
	if (s == NULL || t == NULL || jr_lang(la) < 0 || jr_lang(lb) < 0 ||
	    jr_lang(la) == jr_lang(lb))
		return jr_fail(p, "alignment", "needs both files' names and "
		    "two different languages");
	al = p->d->align = g_new0(struct dc_align, 1);
	al->original = g_strdup(s);
	al->translation = g_strdup(t);
	al->lang_a = jr_lang(la);
	al->lang_b = jr_lang(lb);
	al->ratio = (int)v;
	if ((a = jr_array(p, o, "beads", "alignment", 0)) == NULL)
		return -1;
	al->beads = g_new0(struct dc_bead, json_array_get_length(a) + 1);
	lines = g_array_new(FALSE, FALSE, sizeof(int));
	for (i = 0; i < json_array_get_length(a); i++) {
		g_array_set_size(lines, 0);
		if ((bo = jr_elem(p, a, i, "bead")) == NULL ||
		    jr_str(p, bo, "type", "bead", &type) == -1 ||
		    jr_lines(p, bo, "original", lines, &na) == -1 ||
		    jr_lines(p, bo, "translation", lines, &nb) == -1 ||
		    jr_int(p, bo, "score100", "bead", 0, INT_MAX, &v) == -1 ||
		    jr_bool(p, bo, "warned", "bead", &w) == -1)
			goto out;
		e = &al->beads[al->nbeads++];
		if (type == NULL || (e->type = dc_type_from_name(type)) ==
		    DC_TYPE__MAX || !(dc_type_is_header(e->type) ||
		    dc_type_is_block(e->type))) {
			jr_fail(p, "bead", "type is not a header line's or "
			    "a block's");
			goto out;
		}
		if (na + nb == 0) {
			jr_fail(p, "bead", "has no lines on either side");
			goto out;
		}
		e->na = na;
		e->nb = nb;
		/* The lines and a 0 after them, as al_bead() keeps them. */
		e->lines = g_new0(int, lines->len + 1);
		memcpy(e->lines, lines->data, sizeof(int) * lines->len);
		e->score = (int)v;
		e->warned = w;
	}
	rc = 0;
out:
	g_array_free(lines, TRUE);
	return rc;
}

/* Nesting of docconv's JSON is 8 deep; a hostile "[[[[..." of a
 * million would exhaust the parser's stack. */
#define JR_MAX_DEPTH	32

/* How deep the arrays and objects of a JSON text nest. */
static int
jr_depth(const char *s, size_t len)
{
	size_t	 i;
	int	 d = 0, max = 0, str = 0;

	for (i = 0; i < len; i++) {
		if (str) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				str = 0;
			continue;
		}
		if (s[i] == '"')
			str = 1;
		else if (s[i] == '[' || s[i] == '{') {
			if (++d > max)
				max = d;
		} else if (s[i] == ']' || s[i] == '}')
			d--;
	}
	return max;
}

/*
 * Where a string of the JSON text holds \u0000, which json-glib would
 * take as the string's end: its line and column in *line, *col.
 * Returns 1 if one does, else 0.
 */
static int
jr_nul(const char *s, size_t len, int *line, int *col)
{
	size_t	 i, bol = 0;
	int	 l = 1, str = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n') {
			l++;
			bol = i + 1;
		}
		if (!str) {
			str = s[i] == '"';
			continue;
		}
		if (s[i] == '"')
			str = 0;
		else if (s[i] == '\\' && i + 1 < len && s[i + 1] != 'u')
			i++;
		else if (s[i] == '\\' && len - i >= 6 &&
		    memcmp(s + i + 2, "0000", 4) == 0) {
			*line = l;
			*col = (int)(i - bol) + 1;
			return 1;
		}
	}
	return 0;
}

/* Does the input look like docconv's JSON (for --input-format=auto)? */
int
dc_json_sniff(const char *buf, size_t len)
{
	size_t	 i = 0;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && g_ascii_isspace(buf[i]))
		i++;
	if (i >= len || buf[i] != '{')
		return 0;
	for (i++; i < len && g_ascii_isspace(buf[i]); i++)
		;
	return len - i >= 9 && memcmp(buf + i, "\"docconv\"", 9) == 0;
}

/*
 * Read docconv's JSON from in->buf (raw bytes).  Returns the document,
 * or NULL after reporting why not.
 */
struct dc_doc *
dc_parse_json(const struct dc_input *in, const struct dc_opts *o)
{
	struct jr	 p;
	JsonParser	*jp;
	JsonNode	*root;
	JsonObject	*top, *e;
	JsonArray	*a;
	GError		*err = NULL;
	long long	 v;
	guint		 i;
	int		 rc = -1;

	memset(&p, 0, sizeof(p));
	p.d = dc_doc_new();
	p.clean = g_ptr_array_new_with_free_func(g_free);
	jp = json_parser_new_immutable();
	if (!g_utf8_validate(in->buf, (gssize)in->len, NULL)) {
		jr_fail(&p, "input", "not UTF-8");
		goto out;
	}
	if (jr_depth(in->buf, in->len) > JR_MAX_DEPTH) {
		jr_fail(&p, "input", "nested deeper than docconv's JSON is");
		goto out;
	}
	if (jr_nul(in->buf, in->len, &p.line, &p.col)) {
		jr_fail(&p, "input", "a string holds \\u0000 (NUL), which "
		    "no text has");
		goto out;
	}
	if (!json_parser_load_from_data(jp, in->buf, (gssize)in->len,
	    &err)) {
		/* json-glib says "<data>:LINE:COL: Parse error: ...": the
		 * place goes where every message has it. */
		const char *m = err->message;
		char *end;
		if (g_str_has_prefix(m, "<data>:")) {
			p.line = (int)strtol(m + 7, &end, 10);
			if (*end == ':')
				p.col = (int)strtol(end + 1, &end, 10);
			m = *end == ':' ? end + 1 : m;
			while (*m == ' ')
				m++;
		}
		jr_fail(&p, "not well-formed JSON", m);
		g_clear_error(&err);
		goto out;
	}
	if ((root = json_parser_get_root(jp)) == NULL ||
	    !JSON_NODE_HOLDS_OBJECT(root)) {
		jr_fail(&p, "input", "not a JSON object");
		goto out;
	}
	top = json_node_get_object(root);
	if (jr_int(&p, top, "docconv", "top", 0, INT_MAX, &v) == -1)
		goto out;
	if (v != 1) {
		jr_fail(&p, "docconv", "not version 1 of docconv's JSON");
		goto out;
	}
	if (!json_object_has_member(top, "meta") ||
	    !JSON_NODE_HOLDS_OBJECT(json_object_get_member(top, "meta"))) {
		jr_fail(&p, "meta", "missing or not an object");
		goto out;
	}
	if (jr_metadata(&p, json_object_get_object_member(top, "meta")) ==
	    -1)
		goto out;
	if ((a = jr_array(&p, top, "header", "top", 0)) == NULL)
		goto out;
	for (i = 0; i < json_array_get_length(a); i++)
		if ((e = jr_elem(&p, a, i, "header")) == NULL ||
		    jr_header(&p, e) == -1)
			goto out;
	if ((a = jr_array(&p, top, "blocks", "top", 0)) == NULL)
		goto out;
	for (i = 0; i < json_array_get_length(a); i++)
		if ((e = jr_elem(&p, a, i, "block")) == NULL ||
		    jr_block(&p, e) == -1)
			goto out;
	if (json_object_has_member(top, "alignment")) {
		if (!JSON_NODE_HOLDS_OBJECT(json_object_get_member(top,
		    "alignment"))) {
			jr_fail(&p, "alignment", "not an object");
			goto out;
		}
		if (jr_alignment(&p, json_object_get_object_member(top,
		    "alignment")) == -1)
			goto out;
	}
	jr_titles(&p);
	/* The rules every reader's model keeps (a title is set later, by
	 * dc_doc_finish(), if the JSON has none). */
	dc_doc_finish(p.d, o, in->path);
	{
		/* The first rule broken says what to correct. */
		char	*why = NULL, *nl;
		size_t	 wlen = 0;
		FILE	*wf = open_memstream(&why, &wlen);
		int	 bad = dc_tree_check(p.d, wf);

		if (wf != NULL)
			fclose(wf);
		if (why != NULL && (nl = strchr(why, '\n')) != NULL)
			*nl = '\0';
		if (bad != 0) {
			char *m = g_strdup_printf("it breaks the model's "
			    "rules: %s (see docconv(1))", why != NULL &&
			    *why != '\0' ? why : "see --dump-model");
			jr_fail(&p, "model", m);
			g_free(m);
		}
		free(why);
		if (bad != 0)
			goto out;
	}
	rc = 0;
out:
	g_object_unref(jp);
	if (rc == -1) {
		dc_msg(DC_ERR_JSON, p.line, p.col, "%s",
		    p.err != NULL ? p.err : "not understood");
		dc_doc_free(p.d);
		p.d = NULL;
	}
	if (p.d != NULL && p.removed > 0)
		dc_msg(DC_WARN_CONTROL, 0, 0, "%zu in all, from the JSON's "
		    "strings", p.removed);
	g_ptr_array_free(p.clean, TRUE);
	g_free(p.err);
	return p.d;
}
