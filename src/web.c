/*
 * The markup layer: front matter, the markup of web exports (HTML,
 * Markdown) and the label lines of crawlers, taken out of the input's
 * lines before the dialect is chosen; what they say goes to the
 * metadata.  Called by read.c; calls only the shared recognisers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"

static size_t	frontmatter_end(const struct dc_line *, size_t);

/*
 * ---- Regular expressions of the markup layer, in one table ----
 *
 * Built once for the whole process (g_once), never freed.
 */
enum rx_id {
	RX_AUTOLINK,	/* <https://…>: an address in angle brackets */
	RX_BREAK,	/* <br>, <br/>, <br />, and block tags: a line end */
	RX_TAG,		/* another HTML tag, or a comment ("<guests>"
			   is text, not a tag) */
	RX_ENTITY,	/* &name;, &#N;, &#xH; */
	RX_QUOTE,	/* "> " blockquote markers */
	RX_RULE,	/* ---, ***, ___: a thematic break */
	RX_MDHEAD,	/* "## heading" */
	RX_LIST,	/* "- ", "* ", "+ " list markers */
	RX_IMAGE,	/* ![alt](url) */
	RX_LINK,	/* [text](url "title") */
	RX_EMPH,	/* **strong**, __strong__ */
	RX_URL,		/* a line that is only an address */
	RX_LABEL,	/* "标题：…": a crawler's or CMS's label */
	RX__MAX
};

static const struct {
	const char		*pat;
	GRegexCompileFlags	 flags;
} rx_table[RX__MAX] = {
	/* RX_AUTOLINK */
	{ "<((?:https?|ftp)://[^\\s<>]+)>", G_REGEX_CASELESS },
	/* RX_BREAK */
	{ "<(?:br\\s*/?|/?(?:p|div|li|ul|ol|h[1-6]|tr|table|blockquote|"
	  "section|article|header|footer)(?:\\s[^<>]*)?)>", G_REGEX_CASELESS },
	/* RX_TAG */
	{ "<!--.*?-->|</?(?:a|abbr|b|big|body|center|cite|code|del|em|"
	  "figcaption|figure|font|head|hr|html|i|iframe|img|input|ins|"
	  "label|link|mark|meta|nav|q|s|script|small|span|strike|strong|"
	  "style|sub|sup|tbody|td|th|thead|title|u|wbr)(?:\\s[^<>]*)?/?>",
	  G_REGEX_CASELESS },
	/* RX_ENTITY */
	{ "&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});", 0 },
	/* RX_QUOTE */
	{ "^(?:>[ \\t]?)+", 0 },
	/* RX_RULE */
	{ "^[ \\t]*([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$", 0 },
	/* RX_MDHEAD */
	{ "^(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$", 0 },
	/* RX_LIST */
	{ "^[-*+•][ \\t]+(?=\\S)", 0 },
	/* RX_IMAGE */
	{ "!\\[([^\\]]*)\\]\\(([^()\\s]+)(?:\\s+\"[^\"]*\")?\\)", 0 },
	/* RX_LINK */
	{ "\\[([^\\]]+)\\]\\(([^()\\s]+)(?:\\s+\"[^\"]*\")?\\)", 0 },
	/* RX_EMPH */
	{ "(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1", 0 },
	/* RX_URL */
	{ "^(?:(?:https?|ftp)://|www\\.)[^\\s]+$", G_REGEX_CASELESS },
	/* RX_LABEL: the label word and what follows the colon */
	{ "^(标题|主标题|題目|题目|標題|副标题|副標題|引题|引題|肩题|作者|"
	  "来源|來源|出处|出處|稿源|日期|时间|時間|发布时间|發布時間|发布日期|"
	  "链接|鏈接|网址|網址|原文链接|原文地址|原文网址|正文|内容|內容|"
	  "责任编辑|責任編輯|编辑|編輯|原标题|原標題|"
	  "URL|Url|url|Link|Source|Title|Subtitle|Author|Date|Editor)"
	  "[ \\t\\x{3000}]*[：:][ \\t\\x{3000}]*(.*)$", 0 },
};

static GRegex	*rx_compiled[RX__MAX];

static gpointer
rx_build(gpointer unused)
{
	GError	*err = NULL;
	int	 i;

	(void)unused;
	for (i = 0; i < RX__MAX; i++)
		if ((rx_compiled[i] = g_regex_new(rx_table[i].pat,
		    rx_table[i].flags, 0, &err)) == NULL)
			g_error("web.c: pattern %d: %s", i, err->message);
	return NULL;
}

/* The compiled pattern of the table. */
static GRegex *
R(enum rx_id id)
{
	static GOnce	 once = G_ONCE_INIT;

	g_once(&once, rx_build, NULL);
	return rx_compiled[id];
}

/*
 * Front matter left in by a web export: a YAML block between "---"
 * lines (or TOML between "+++"), or a Markdown "# Title" first line.
 * Kept verbatim as one DC_FRONTMATTER line; a title in it becomes the
 * title.  Returns the number of lines consumed.
 */
size_t
dc_frontmatter(struct dc_doc *d, const struct dc_line *l, size_t n)
{
	GString		*b;
	size_t		 i, first;
	char		*t;
	int		 lang;

	if ((i = frontmatter_end(l, n)) == 0)
		return 0;
	i--;			/* the closing fence */
	for (first = 0; l[first].blank; first++)
		;
	b = g_string_new(NULL);
	for (size_t j = first; j <= i; j++) {
		g_string_append(b, l[j].text);
		if (j < i)
			g_string_append_c(b, '\n');
		if (j > first && j < i && (g_str_has_prefix(l[j].text,
		    "title:") || g_str_has_prefix(l[j].text, "title ="))) {
			t = g_strstrip(g_strdup(l[j].text + 6 +
			    (l[j].text[5] == ' ' ? 2 : 0)));
			if (*t == '=')
				memmove(t, t + 1, strlen(t));
			g_strstrip(t);
			/* Quotes go in pairs: an unclosed one is only
			 * dropped, never the title's last byte with it
			 * (that cut a character in half). */
			if (*t == '"' || *t == '\'') {
				char q = *t;
				memmove(t, t + 1, strlen(t));
				if (*t != '\0' && t[strlen(t) - 1] == q)
					t[strlen(t) - 1] = '\0';
			}
			if (*t != '\0') {
				lang = dc_text_lang(t, strlen(t));
				dc_meta_set(&d->meta.l[lang < 0 ?
				    DC_LANG_ZH : lang].title, t);
			}
			g_free(t);
		}
	}
	dc_node_append(d->root, dc_node_new(DC_FRONTMATTER, DC_LANG_ZH,
	    b->str, l[first].lineno, 1));
	dc_msg(DC_WARN_FRONTMATTER, l[first].lineno, 0, "lines %d-%d, "
	    "not typeset", l[first].lineno,
	    l[i].lineno);
	g_string_free(b, TRUE);
	return i + 1;
}

/*
 * ---- Web exports and crawler labels ----
 *
 * Texts saved from web pages keep some of the page: tags and entities
 * of HTML, Markdown's quote markers, links, rules and emphasis, and
 * the label lines a crawler or CMS writes ("标题：", "来源：", "正文：").
 * None of it is text a reader reads: it is taken out before the
 * dialect is chosen, so that every reader sees the text alone.  What
 * it says (a title, a source, an address) goes to the metadata.  A
 * <br> inside a line ends the line: bilingual web posts put each pair
 * on one line that way.
 */

/* Named entities that web exports of these texts use. */
static const struct {
	const char	*name;
	gunichar	 c;
} web_entities[] = {
	{ "nbsp", 0xA0 }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' },
	{ "quot", '"' }, { "apos", '\'' }, { "ldquo", 0x201C },
	{ "rdquo", 0x201D }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
	{ "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 },
	{ "middot", 0xB7 }, { "emsp", 0x2003 }, { "ensp", 0x2002 },
	{ "thinsp", 0x2009 }, { "copy", 0xA9 }, { "reg", 0xAE },
	{ "times", 0xD7 }, { "laquo", 0xAB }, { "raquo", 0xBB },
};

/*
 * Rewrite the matches of pattern id in *s: for each, fn appends what
 * replaces it to out and returns 1, or returns 0 to keep it as
 * written.  Returns the number replaced; *s is replaced if any was.
 */
typedef int (*web_fn)(GMatchInfo *, const char *, GString *, void *);

static size_t
web_replace(char **s, enum rx_id id, web_fn fn, void *arg)
{
	GMatchInfo	*mi = NULL;
	GString		*b;
	int		 st, en;
	size_t		 n = 0, at = 0, keep;

	if (!g_regex_match(R(id), *s, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	b = g_string_new(NULL);
	do {
		g_match_info_fetch_pos(mi, 0, &st, &en);
		keep = b->len;
		g_string_append_len(b, *s + at, st - (int)at);
		if (!fn(mi, *s, b, arg)) {
			g_string_truncate(b, keep);
			continue;
		}
		at = (size_t)en;
		n++;
	} while (g_match_info_next(mi, NULL));
	g_match_info_free(mi);
	if (n == 0) {
		g_string_free(b, TRUE);
		return 0;
	}
	g_string_append(b, *s + at);
	g_free(*s);
	*s = g_string_free(b, FALSE);
	return n;
}

/* What web_sub() keeps of a match: a group, and a URL aside. */
struct web_keep {
	int		 g;		/* group to keep, 0: none */
	int		 u;		/* group holding a URL, 0: none */
	GPtrArray	*urls;		/* where URLs go */
};

static int
web_keep_fn(GMatchInfo *mi, const char *s, GString *out, void *arg)
{
	struct web_keep	*k = arg;
	int		 gs, ge;

	if (k->g > 0 && g_match_info_fetch_pos(mi, k->g, &gs, &ge) &&
	    gs >= 0)
		g_string_append_len(out, s + gs, ge - gs);
	if (k->u > 0 && k->urls != NULL)
		g_ptr_array_add(k->urls, g_match_info_fetch(mi, k->u));
	return 1;
}

/* Replace every match of a pattern in *s by group g of the match
 * (0: remove it); each URL group u (> 0) is kept in urls.  Returns
 * the number of matches. */
static size_t
web_sub(char **s, enum rx_id id, int g, int u, GPtrArray *urls)
{
	struct web_keep	 k = { g, u, urls };

	return web_replace(s, id, web_keep_fn, &k);
}

/* An entity's character, or 0 to keep it as written (unknown, or not
 * a character text may hold). */
static int
web_entity_fn(GMatchInfo *mi, const char *s, GString *out, void *arg)
{
	char		*name;
	gunichar	 c = 0;
	size_t		 i;
	int		 hex;

	(void)s;
	(void)arg;
	name = g_match_info_fetch(mi, 1);
	hex = name[1] == 'x' || name[1] == 'X';
	if (name[0] == '#')
		c = (gunichar)strtoul(name + 1 + hex, NULL, hex ? 16 : 10);
	else
		for (i = 0; i < G_N_ELEMENTS(web_entities); i++)
			if (strcmp(name, web_entities[i].name) == 0)
				c = web_entities[i].c;
	g_free(name);
	if (c == 0 || !g_unichar_validate(c) || (c < 0x20 && c != '\t') ||
	    (c >= 0x7F && c < 0xA0))
		return 0;
	g_string_append_unichar(out, c == '\t' ? ' ' : c);
	return 1;
}

/* Decode the character entities of s in place; returns how many. */
static size_t
web_entities_decode(char **s)
{
	if (strchr(*s, '&') == NULL)
		return 0;
	return web_replace(s, RX_ENTITY, web_entity_fn, NULL);
}

/* Make a line of a piece of an input line: trimmed, its indent
 * counted, its language found. */
static void
web_line_set(struct dc_line *l, const struct dc_line *from, char *text,
    int heading)
{
	const char	*p, *e;

	*l = *from;
	for (p = text, l->indent = 0; *p != '\0' && dc_is_edge_space(
	    g_utf8_get_char(p)); p = g_utf8_next_char(p))
		l->indent++;
	if (p == text)
		l->indent = from->indent;
	for (e = p + strlen(p); e > p; ) {
		const char *q = g_utf8_prev_char(e);
		if (!dc_is_edge_space(g_utf8_get_char(q)))
			break;
		e = q;
	}
	l->text = g_strndup(p, (gsize)(e - p));
	l->len = (size_t)(e - p);
	l->blank = l->len == 0;
	l->lang = l->blank ? -1 : dc_text_lang(l->text, l->len);
	l->heading = l->blank ? 0 : heading;
	g_free(text);
}

/*
 * Take the markup out of one line; its pieces (more than one where a
 * <br> or a block tag ended a line inside it) go to out as lines.
 */
static void
web_clean_line(const struct dc_line *l, GArray *out, struct dc_found *f)
{
	char		**pc, *t;
	size_t		  i, n = 0;
	int		  heading;
	GMatchInfo	 *mi = NULL;
	struct dc_line	  nl;

	t = g_strdup(l->text);
	if (strchr(t, '<') != NULL) {
		n += web_sub(&t, RX_AUTOLINK, 0, 1, f->urls);
		pc = g_regex_split(R(RX_BREAK), t, 0);
		n += g_strv_length(pc) - 1;
	} else {
		pc = g_new0(char *, 2);
		pc[0] = g_strdup(t);
	}
	g_free(t);
	for (i = 0; pc[i] != NULL; i++) {
		t = pc[i];
		pc[i] = NULL;
		if (strchr(t, '<') != NULL)
			n += web_sub(&t, RX_TAG, 0, 0, NULL);
		n += web_entities_decode(&t);
		g_strstrip(t);
		heading = 0;
		/* Cheap looks first: most lines have no markup. */
		if (t[0] == '>')
			n += web_sub(&t, RX_QUOTE, 0, 0, NULL);
		if (strchr("-*_", t[0]) != NULL && t[0] != '\0' &&
		    g_regex_match(R(RX_RULE), t, 0, NULL)) {
			t[0] = '\0';
			n++;
		}
		if (t[0] == '#' && g_regex_match(R(RX_MDHEAD), t, 0, &mi)) {
			int st, en;
			g_match_info_fetch_pos(mi, 1, &st, &en);
			heading = en - st;
			n += web_sub(&t, RX_MDHEAD, 2, 0, NULL);
		}
		g_match_info_free(mi);
		mi = NULL;
		if (t[0] != '\0' && (strchr("-*+", t[0]) != NULL ||
		    g_str_has_prefix(t, "•")))
			n += web_sub(&t, RX_LIST, 0, 0, NULL);
		if (strchr(t, '[') != NULL) {
			n += web_sub(&t, RX_IMAGE, 1, 2, f->urls);
			n += web_sub(&t, RX_LINK, 1, 2, f->urls);
		}
		if (strstr(t, "**") != NULL || strstr(t, "__") != NULL)
			n += web_sub(&t, RX_EMPH, 2, 0, NULL);
		g_strstrip(t);
		if (strchr("hHfFwW", t[0]) != NULL && t[0] != '\0' &&
		    g_regex_match(R(RX_URL), t, 0, NULL)) {
			g_ptr_array_add(f->urls, t);
			t = g_strdup("");
			n++;
		}
		web_line_set(&nl, l, t, heading);
		nl.piece = pc[1] != NULL || i > 0 ? (int)i + 1 : 0;
		g_array_append_val(out, nl);
	}
	g_free(pc);
	if (n > 0 && f->markup++ == 0)
		f->markup_line = l->lineno;
}

/* The label word's meaning. */
enum web_label {
	WL_TITLE, WL_SUBTITLE, WL_KICKER, WL_AUTHOR, WL_DATE, WL_FROM,
	WL_URL, WL_BODY, WL_EDITOR, WL_ORIGTITLE
};

static enum web_label
web_label_kind(const char *w)
{
	static const struct {
		const char	*w;
		enum web_label	 k;
	} words[] = {
		{ "标题", WL_TITLE }, { "主标题", WL_TITLE }, { "题目", WL_TITLE },
		{ "題目", WL_TITLE }, { "標題", WL_TITLE }, { "Title", WL_TITLE },
		{ "副标题", WL_SUBTITLE }, { "副標題", WL_SUBTITLE },
		{ "Subtitle", WL_SUBTITLE },
		{ "引题", WL_KICKER }, { "引題", WL_KICKER }, { "肩题", WL_KICKER },
		{ "作者", WL_AUTHOR }, { "Author", WL_AUTHOR },
		{ "日期", WL_DATE }, { "时间", WL_DATE }, { "時間", WL_DATE },
		{ "发布时间", WL_DATE }, { "發布時間", WL_DATE },
		{ "发布日期", WL_DATE }, { "Date", WL_DATE },
		{ "来源", WL_FROM }, { "來源", WL_FROM }, { "出处", WL_FROM },
		{ "出處", WL_FROM }, { "稿源", WL_FROM }, { "Source", WL_FROM },
		{ "正文", WL_BODY }, { "内容", WL_BODY }, { "內容", WL_BODY },
		{ "责任编辑", WL_EDITOR }, { "責任編輯", WL_EDITOR },
		{ "编辑", WL_EDITOR }, { "編輯", WL_EDITOR }, { "Editor", WL_EDITOR },
		{ "原标题", WL_ORIGTITLE }, { "原標題", WL_ORIGTITLE },
	};
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(words); i++)
		if (strcmp(words[i].w, w) == 0)
			return words[i].k;
	return WL_URL;		/* 链接, 网址, URL, Link, ... */
}

/* A header node the labels make. */
static void
web_node(struct dc_found *f, enum dc_type t, enum dc_sub sub,
    const char *text, const struct dc_line *l)
{
	struct dc_node	*n;
	int		 lang = dc_text_lang(text, strlen(text));

	n = dc_node_new(t, lang < 0 ? DC_LANG_ZH : (enum dc_lang)lang, text,
	    l->lineno, l->col);
	n->sub = sub;
	g_ptr_array_add(f->nodes, n);
}

/* Keep a label's value where it belongs. */
static void
web_label(struct dc_found *f, enum web_label k, const char *v,
    const struct dc_line *l)
{
	switch (k) {
	case WL_TITLE:
		dc_meta_set(&f->title, v);
		web_node(f, DC_TITLE, DC_SUB_NONE, v, l);
		break;
	case WL_SUBTITLE:
		/* The metadata's subtitle has no leading dashes. */
		{
			const char *p = v;
			while (g_str_has_prefix(p, "—"))
				p += strlen("—");
			while (*p == '-' || *p == ' ')
				p++;
			dc_meta_set(&f->subtitle, *p != '\0' ? p : v);
		}
		web_node(f, DC_SUBTITLE, DC_SUB_NONE, v, l);
		break;
	case WL_KICKER:
		dc_meta_set(&f->kicker, v);
		web_node(f, DC_KICKER, DC_SUB_NONE, v, l);
		break;
	case WL_AUTHOR:
		dc_meta_set(&f->author, v);
		web_node(f, DC_SPEAKER, DC_SUB_NONE, v, l);
		break;
	case WL_DATE:
		dc_meta_set(&f->date, v);
		web_node(f, DC_DATEPLACE, DC_SUB_NONE, v, l);
		break;
	case WL_FROM:
		if (g_regex_match(R(RX_URL), v, 0, NULL)) {
			g_ptr_array_add(f->urls, g_strdup(v));
			web_node(f, DC_SOURCE, DC_SUB_URL, v, l);
			break;
		}
		dc_meta_set(&f->from, v);
		web_node(f, DC_SOURCE, DC_SUB_FROM, v, l);
		break;
	case WL_URL:
		g_ptr_array_add(f->urls, g_strdup(v));
		web_node(f, DC_SOURCE, DC_SUB_URL, v, l);
		break;
	case WL_ORIGTITLE:
		dc_meta_set(&f->orig_title, v);
		web_node(f, DC_SOURCE, DC_SUB_ORIGTITLE, v, l);
		break;
	case WL_EDITOR:
		dc_meta_set(&f->editor, v);
		break;
	case WL_BODY:
		break;
	}
}

/* Index after the front matter of lines l[0..n) (see dc_frontmatter()),
 * or 0 if there is none. */
static size_t
frontmatter_end(const struct dc_line *l, size_t n)
{
	size_t		 i, first;
	const char	*fence;

	for (first = 0; first < n && l[first].blank; first++)
		;
	if (first == n || (strcmp(l[first].text, "---") != 0 &&
	    strcmp(l[first].text, "+++") != 0))
		return 0;
	fence = l[first].text;
	for (i = first + 1; i < n && i < first + 200; i++)
		if (strcmp(l[i].text, fence) == 0 ||
		    (strcmp(fence, "---") == 0 &&
		    strcmp(l[i].text, "...") == 0))
			return i + 1;
	return 0;
}

/*
 * A first line of fields "引题<TAB>主标题<TAB>副标题" (kicker, title,
 * subtitle; empty fields allowed), as some newspaper archives write
 * their headlines.  Returns 1 and makes the nodes, or 0.
 */
static int
web_title_fields(struct dc_found *f, const struct dc_line *l)
{
	char	**v;
	size_t	  n, i;
	int	  ok = 1;

	if (strchr(l->text, '\t') == NULL)
		return 0;
	v = g_strsplit(l->text, "\t", -1);
	n = g_strv_length(v);
	for (i = 0; i < n; i++) {
		g_strstrip(v[i]);
		if (g_utf8_strlen(v[i], -1) > 60 || strstr(v[i], "。"))
			ok = 0;
	}
	if (n < 2 || n > 3 || !ok || *v[n - 2] == '\0') {
		g_strfreev(v);
		return 0;
	}
	/* Two fields: title and subtitle; three: kicker first. */
	if (n == 3 && *v[0] != '\0')
		web_label(f, WL_KICKER, v[0], l);
	web_label(f, WL_TITLE, v[n - 2], l);
	if (*v[n - 1] != '\0')
		web_label(f, WL_SUBTITLE, v[n - 1], l);
	g_strfreev(v);
	return 1;
}

/*
 * Take web markup and crawler labels out of the input's lines, before
 * the dialect is chosen; what they said goes to f (initialised here;
 * dc_found_apply() and dc_found_free() take it from there).  Labels
 * that describe the text (title, author, date, "正文：") count only
 * before the body starts; those of its source and editor anywhere.
 */
void
dc_input_web(struct dc_input *in, struct dc_found *f)
{
	GArray		*out;
	struct dc_line	*l;
	GMatchInfo	*mi = NULL;
	size_t		 i, j, fm, content = 0;
	int		 body = 0, mark = 0;
	enum web_label	 k;
	char		*w, *v;

	memset(f, 0, sizeof(*f));
	f->nodes = g_ptr_array_new();
	f->urls = g_ptr_array_new_with_free_func(g_free);
	fm = frontmatter_end(in->lines, in->nlines);
	out = g_array_sized_new(FALSE, FALSE, sizeof(struct dc_line),
	    (guint)in->nlines + 8);
	for (i = 0; i < in->nlines; i++) {
		l = &in->lines[i];
		if (i < fm || l->blank) {
			g_array_append_val(out, *l);
			l->text = NULL;
			continue;
		}
		web_clean_line(l, out, f);
		g_free(l->text);
		l->text = NULL;
	}
	g_free(in->lines);
	in->nlines = out->len;
	in->lines = (struct dc_line *)(void *)g_array_free(out, FALSE);

	/* Labels, and a first line of title fields. */
	for (i = j = fm; i < in->nlines; i++) {
		l = &in->lines[i];
		if (l->blank) {
			in->lines[j++] = *l;
			continue;
		}
		if (mark) {
			l->body = 1;
			mark = 0;
		}
		if (!body && content == 0 && web_title_fields(f, l)) {
			g_free(l->text);
			continue;
		}
		if (g_regex_match(R(RX_LABEL), l->text, 0, &mi)) {
			w = g_match_info_fetch(mi, 1);
			v = g_match_info_fetch(mi, 2);
			k = web_label_kind(w);
			g_free(w);
			g_match_info_free(mi);
			mi = NULL;
			if ((k == WL_TITLE || k == WL_SUBTITLE ||
			    k == WL_KICKER || k == WL_AUTHOR || k == WL_DATE ||
			    k == WL_BODY) && (body || content > 2)) {
				g_free(v);
				goto keep;
			}
			g_strstrip(v);
			if (k == WL_BODY) {
				body = 1;
				if (*v == '\0')
					mark = 1;
				else {
					/* "正文：第一句……": the text is body. */
					g_free(l->text);
					l->text = v;
					l->len = strlen(v);
					l->lang = dc_text_lang(v, l->len);
					l->body = 1;
					in->lines[j++] = *l;
					continue;
				}
				g_free(v);
				g_free(l->text);
				continue;
			}
			/* A label alone labels the next line. */
			if (*v == '\0') {
				size_t q;
				for (q = i + 1; q < in->nlines &&
				    in->lines[q].blank; q++)
					;
				if (q < in->nlines && !g_regex_match(R(RX_LABEL),
				    in->lines[q].text, 0, NULL)) {
					g_free(v);
					v = g_strdup(in->lines[q].text);
					web_label(f, k, v, &in->lines[q]);
					g_free(v);
					g_free(l->text);
					for (; i < q; i++)
						g_free(in->lines[i + 1].text);
					continue;
				}
				g_free(v);
				g_free(l->text);
				continue;
			}
			web_label(f, k, v, l);
			g_free(v);
			g_free(l->text);
			continue;
		}
		g_match_info_free(mi);
		mi = NULL;
keep:
		content++;
		in->lines[j++] = *l;
	}
	in->nlines = j;
}

/* Put header node n among the document's header lines, by line. */
static void
found_insert(struct dc_doc *d, struct dc_node *n)
{
	struct dc_node	*at;

	for (at = d->root->child; at != NULL; at = at->next)
		if (!dc_type_is_header(at->type) ||
		    (at->type != DC_FRONTMATTER && at->line > n->line))
			break;
	if (at == NULL)
		dc_node_append(d->root, n);
	else
		dc_node_insert_before(at, n);
}

/*
 * Give the document what the web pass found: its header lines and
 * their metadata.  A label says what the text is explicitly, so it
 * wins over what a reader guessed from the lines.
 */
void
dc_found_apply(struct dc_doc *d, struct dc_found *f)
{
	struct dc_lmeta	*m;
	char		*iso = NULL, *date = NULL, *place = NULL;
	size_t		 i;
	int		 lang;

#define LANG_OF(s) ((lang = dc_text_lang((s), strlen(s))) < 0 ? \
	DC_LANG_ZH : lang)
	for (i = 0; i < f->nodes->len; i++)
		found_insert(d, f->nodes->pdata[i]);
	g_ptr_array_set_size(f->nodes, 0);
	if (f->title != NULL) {
		m = &d->meta.l[LANG_OF(f->title)];
		dc_meta_set(&m->title, f->title);
	}
	if (f->subtitle != NULL)
		dc_meta_set(&d->meta.l[LANG_OF(f->subtitle)].subtitle,
		    f->subtitle);
	if (f->kicker != NULL)
		dc_meta_set(&d->meta.l[LANG_OF(f->kicker)].kicker, f->kicker);
	if (f->author != NULL)
		dc_meta_set(&d->meta.l[LANG_OF(f->author)].speaker, f->author);
	/* A date label gives a date (and a time, which is no place). */
	if (f->date != NULL && dc_parse_date(f->date, &iso, &date, &place)) {
		m = &d->meta.l[LANG_OF(f->date)];
		dc_meta_set(&d->meta.date_iso, iso);
		dc_meta_set(&m->date, date);
	}
	g_free(iso);
	g_free(date);
	g_free(place);
#undef LANG_OF
	if (f->from != NULL)
		dc_meta_set(&d->meta.from, f->from);
	if (f->orig_title != NULL)
		dc_meta_set(&d->meta.orig_title, f->orig_title);
	if (f->editor != NULL)
		dc_meta_set(&d->meta.editor, f->editor);
	if (f->urls->len > 0) {
		GPtrArray *u = g_ptr_array_new();
		for (i = 0; d->meta.urls != NULL && d->meta.urls[i]; i++)
			g_ptr_array_add(u, d->meta.urls[i]);
		for (i = 0; i < f->urls->len; i++)
			g_ptr_array_add(u, g_strdup(f->urls->pdata[i]));
		g_ptr_array_add(u, NULL);
		g_free(d->meta.urls);
		d->meta.urls = (char **)g_ptr_array_free(u, FALSE);
	}
}

void
dc_found_free(struct dc_found *f)
{
	size_t	 i;

	if (f->nodes != NULL) {
		for (i = 0; i < f->nodes->len; i++)
			dc_node_free(f->nodes->pdata[i]);
		g_ptr_array_free(f->nodes, TRUE);
	}
	if (f->urls != NULL)
		g_ptr_array_free(f->urls, TRUE);
	g_free(f->title);
	g_free(f->subtitle);
	g_free(f->kicker);
	g_free(f->author);
	g_free(f->date);
	g_free(f->from);
	g_free(f->orig_title);
	g_free(f->editor);
	memset(f, 0, sizeof(*f));
}
