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


/*
 * ---- Regular expressions of the markup layer, in one table ----
 *
 * Built once for the whole process (g_once), never freed.
 */
enum rx_id {
	RX_URL,		/* a line that is only an address */
	RX_LABEL,	/* "标题：…": a crawler's or CMS's label */
	RX_LABEL_NEXT,	/* a second label on the line */
	RX_KEY,		/* "publish date/发表日期: …": a header's key */
	RX_FIELD,	/* "媒體: …": a field line beside labels */
	RX_ANNOT,	/* "{{person_name:方英}}": an inline annotation */
	RX_ROLE,	/* "X, Political Correspondent": a name, a post */
	RX_NUMHEAD,	/* "一、去年", "第三章", "2. …": a section's number */
	RX_TITLE_SITE,	/* "头条[1]- 某某网": an outlet's name after it */
	RX__MAX
};

static const struct {
	const char		*pat;
	GRegexCompileFlags	 flags;
} rx_table[RX__MAX] = {
	/* RX_TITLE_SITE: a headline, a page's number, a separator and
	 * a short name that ends as outlets' names do (…网, …报, …社,
	 * …台, …新闻, a domain) */
	[RX_TITLE_SITE] = {
	  "^(.{6,}?)[ \\t\\x{3000}]*(?:\\[[0-9]{1,3}\\])?[ \\t\\x{3000}]*"
	  "(?:-|–|—|_|｜|\\|)[ \\t\\x{3000}]*"
	  "([^ \\t\\x{3000}|｜_–—-]{1,10}(?:网|網|报|報|社|台|站|刊|新闻|新聞|"
	  "\\.com|\\.cn|\\.net|\\.org))$", 0 },
	[RX_NUMHEAD] = {
	  "^(?:第[一二三四五六七八九十百零〇0-9]+[章节節部篇]|"
	  "[一二三四五六七八九十]{1,3}[、．]|[0-9]{1,2}[、．.](?![0-9]))", 0 },
	[RX_URL] = {
	  "^(?:(?:https?|ftp)://|www\\.)[^\\s]+$", G_REGEX_CASELESS },
	/* RX_LABEL: the label word and what follows the colon */
	[RX_LABEL] = {
	  "^(标题|主标题|題目|题目|標題|副标题|副標題|引题|引題|肩题|作者|"
	  "来源|來源|出处|出處|稿源|日期|时间|時間|发布时间|發布時間|发布日期|"
	  "链接|鏈接|連結|链结|網址|网址|原文链接|原文鏈接|原文連結|原文地址|"
	  "原文網址|原文网址|正文|内容|內容|"
	  "责任编辑|責任編輯|编辑|編輯|原标题|原標題|"
	  "URL|Url|url|Link|Source|Title|Subtitle|Author|Date|Editor)"
	  "[ \\t\\x{3000}]*[：:][ \\t\\x{3000}]*(.*)$", 0 },
	/* RX_LABEL_NEXT: another label on a label's line, after a space
	 * or a bar */
	[RX_LABEL_NEXT] = {
	  "(?:[ \\t\\x{3000}]*[|｜][ \\t\\x{3000}]*|[ \\t\\x{3000}]+)"
	  "(作者|来源|來源|出处|出處|稿源|日期|时间|時間|发布时间|發布時間|发布日期|"
	  "發布日期|责任编辑|責任編輯|编辑|編輯|"
	/* or a page's counter, which ends the value before it too */
	  "浏览次数|瀏覽次數|浏览量|瀏覽量|阅读量|閱讀量|阅读|閱讀|点击数|點擊數|"
	  "点击量|點擊量|点击|點擊|访问量|訪問量)[ \\t\\x{3000}]*[：:][ \\t\\x{3000}]*",
	  0 },
	/* RX_FIELD: any short key and a short value, as a page's field
	 * lines beside its known labels ("媒體: HOY TV", "備份: 链接") */
	[RX_FIELD] = {
	  "^([\\x{3400}-\\x{9FFF}]{1,4}|[A-Za-z][A-Za-z ]{0,15})"
	  "[ \\t\\x{3000}]*[：:][ \\t\\x{3000}]*([^。！？!?]{1,60})$", 0 },
	/* RX_KEY: a lower-case key, its translation, and the value; or
	 * a key of an exporter's translated in Chinese */
	[RX_KEY] = {
	  "^([a-z][a-z_]*(?: [a-z_]+){0,2}|关键词|關鍵詞|关键字|關鍵字|标签|"
	  "標籤|作者|发表日期|發表日期|发布日期|發布日期)"
	  "(?:/[^:：/\\s][^:：/]{0,11})?"
	  "[ \\t]*[：:](?:[ \\t\\x{3000}]+(.*)|)$", 0 },
	/* RX_ANNOT: an annotated span, its label an identifier, its
	 * text after the colon (the text as group 1) */
	[RX_ANNOT] = {
	  "\\{\\{[A-Za-z][A-Za-z0-9_-]{0,31}:[ \\t]*([^{}\\n]*?)[ \\t]*"
	  "\\}\\}", 0 },
	/* RX_ROLE: a name, a comma and a writer's post (capitalised
	 * words ending in a post's noun, or a Chinese post word last);
	 * the name as group 1 */
	[RX_ROLE] = {
	  "^([^,，]{2,40}?)[ \\t]*[,，][ \\t\\x{3000}]*(?:(?:the |The )?"
	  "(?:[A-Z][\\w'’-]* ){0,3}(?:Correspondent|Reporter|Writer|"
	  "Journalist|Columnist|Editor|Contributor|Photographer|Producer|"
	  "Analyst|Commentator|Critic)s?|[^,，]{0,12}(?:记者|記者|编辑|編輯|"
	  "撰稿人|通讯员|通訊員|评论员|評論員|主编|主編|特约作者|特約作者))$",
	  0 },
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

	if ((i = dc_frontmatter_end(l, n)) == 0)
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
	dc_msg(DC_WARN_FRONTMATTER, l[first].lineno, 0, "lines %d-%d kept "
	    "verbatim, not typeset", l[first].lineno, l[i].lineno);
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

/* The label word's meaning. */
enum web_label {
	WL_TITLE, WL_SUBTITLE, WL_KICKER, WL_AUTHOR, WL_DATE, WL_FROM,
	WL_URL, WL_BODY, WL_EDITOR, WL_ORIGTITLE,
	WL_COUNT	/* a page's counter ("浏览次数：123"), its label kept */
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
		{ "浏览次数", WL_COUNT }, { "瀏覽次數", WL_COUNT },
		{ "浏览量", WL_COUNT }, { "瀏覽量", WL_COUNT },
		{ "阅读", WL_COUNT }, { "閱讀", WL_COUNT },
		{ "阅读量", WL_COUNT }, { "閱讀量", WL_COUNT },
		{ "点击", WL_COUNT }, { "點擊", WL_COUNT },
		{ "点击数", WL_COUNT }, { "點擊數", WL_COUNT },
		{ "点击量", WL_COUNT }, { "點擊量", WL_COUNT },
		{ "访问量", WL_COUNT }, { "訪問量", WL_COUNT },
	};
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(words); i++)
		if (strcmp(words[i].w, w) == 0)
			return words[i].k;
	return WL_URL;		/* 链接, 网址, URL, Link, ... */
}

/* Is v wholly in square brackets ("[預留 Logo 位置]", "[待补充]")? */
static int
web_placeholder(const char *v)
{
	size_t	 n = strlen(v);

	return (v[0] == '[' && n > 2 && v[n - 1] == ']' &&
	    strchr(v + 1, '[') == NULL) ||
	    (g_str_has_prefix(v, "［") && g_str_has_suffix(v, "］") &&
	    n > 6);
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

/* The name of an author's value that gives the writer's post after a
 * comma ("X, Political Correspondent", "某某，本报记者"), or NULL
 * (g_free()). */
static char *
web_author_post(struct dc_found *f, const char *v)
{
	GMatchInfo	*mi = NULL;
	char		*name = NULL;
	int		 st, en;

	if (g_regex_match(R(RX_ROLE), v, 0, &mi)) {
		name = g_match_info_fetch(mi, 1);
		g_match_info_fetch_pos(mi, 1, &st, &en);
		v += en;
		while (*v == ' ' || *v == '\t' || *v == ',')
			v++;
		if (g_str_has_prefix(v, "，"))
			v += strlen("，");
		if (f->post == NULL)
			f->post = g_strstrip(g_strdup(v));
	}
	g_match_info_free(mi);
	return name;
}

/*
 * An author's label "作者：某某，原文发自某号": a name, and after a
 * comma what says where the text came from, which is a source line,
 * not part of the name.
 */
static void
web_author(struct dc_found *f, const char *v, const struct dc_line *l)
{
	const char	*c;
	char		*name, *from = NULL, *title = NULL;

	if ((name = web_author_post(f, v)) != NULL) {
		dc_meta_set(&f->author, name);
		web_node(f, DC_SPEAKER, DC_SUB_NONE, v, l);
		g_free(name);
		return;
	}
	c = strstr(v, "，");
	if (c == NULL)
		c = strchr(v, ',');
	if (c == NULL || c == v ||
	    !dc_source_line(c + (*c == ',' ? 1 : strlen("，")), &from,
	    &title)) {
		dc_meta_set(&f->author, v);
		web_node(f, DC_SPEAKER, DC_SUB_NONE, v, l);
		return;
	}
	name = g_strndup(v, (gsize)(c - v));
	g_strstrip(name);
	dc_meta_set(&f->author, name);
	web_node(f, DC_SPEAKER, DC_SUB_NONE, name, l);
	c += *c == ',' ? 1 : strlen("，");
	while (*c == ' ')
		c++;
	if (f->from == NULL)
		dc_meta_set(&f->from, from);
	if (title != NULL && f->orig_title == NULL)
		dc_meta_set(&f->orig_title, title);
	web_node(f, DC_SOURCE, DC_SUB_FROM, c, l);
	g_free(name);
	g_free(from);
	g_free(title);
}

/*
 * A source label's value that is a link written without its
 * parentheses ("[某台]https://…", as hand-made Markdown has it): the
 * name is the source, the address an address.  Returns 1 if so.
 */
static int
web_label_link(struct dc_found *f, const char *v, const struct dc_line *l)
{
	const char	*e;
	char		*name;

	if (v[0] != '[' || (e = strchr(v, ']')) == NULL || e == v + 1 ||
	    !g_regex_match(R(RX_URL), e + 1, 0, NULL))
		return 0;
	name = g_strndup(v + 1, (gsize)(e - v - 1));
	dc_meta_set(&f->from, name);
	web_node(f, DC_SOURCE, DC_SUB_FROM, name, l);
	g_ptr_array_add(f->urls, g_strdup(e + 1));
	g_free(name);
	return 1;
}

/* Keep a label's value where it belongs. */
static void	web_label(struct dc_found *, enum web_label, const char *,
		    const struct dc_line *);

/*
 * A title label's value without what scrapers glue after the
 * headline: its keywords, two or more short words after bars
 * ("头条|处理器|联发科"), and the site's name after a separator, a
 * page's number before it ("头条[1]- 某某网"), a source line.
 * Returns the headline (g_free()).
 */
static char *
web_title_trim(struct dc_found *f, const char *v, const struct dc_line *l)
{
	GMatchInfo	*mi = NULL;
	char		*t = g_strdup(v), *bar, **w;
	guint		 i, n;
	int		 tags = 1;

	bar = strchr(t, '|');
	if (bar != NULL && bar > t && g_utf8_strlen(t, bar - t) >= 6) {
		w = g_strsplit(bar + 1, "|", -1);
		n = g_strv_length(w);
		for (i = 0; i < n && tags; i++)
			tags = *w[i] != '\0' && g_utf8_strlen(w[i], -1) <= 8 &&
			    strpbrk(w[i], " \t") == NULL;
		if (tags && n >= 2)
			*bar = '\0';
		g_strfreev(w);
	}
	if (g_regex_match(R(RX_TITLE_SITE), t, 0, &mi)) {
		char *head = g_match_info_fetch(mi, 1);
		char *site = g_match_info_fetch(mi, 2);

		if (f->from == NULL)
			web_label(f, WL_FROM, site, l);
		else
			web_node(f, DC_SOURCE, DC_SUB_FROM, site, l);
		g_free(site);
		g_free(t);
		t = head;
	}
	g_match_info_free(mi);
	return g_strstrip(t);
}

static void
web_label(struct dc_found *f, enum web_label k, const char *v,
    const struct dc_line *l)
{
	const char	*s;
	char		*t;

	/* A label or element with nothing in it (a <time> whose quote
	 * ran on into its text) gives nothing: no empty header line. */
	for (s = v; *s != '\0' && g_unichar_isspace(g_utf8_get_char(s));
	    s = g_utf8_next_char(s))
		continue;
	if (*s == '\0')
		return;
	switch (k) {
	case WL_TITLE:
		t = web_title_trim(f, v, l);
		dc_meta_set(&f->title, t);
		web_node(f, DC_TITLE, DC_SUB_NONE, t, l);
		g_free(t);
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
		web_author(f, v, l);
		break;
	case WL_DATE:
		dc_meta_set(&f->date, v);
		web_node(f, DC_DATEPLACE, DC_SUB_NONE, v, l);
		break;
	case WL_FROM:
		if (web_label_link(f, v, l))
			break;
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
	case WL_COUNT:
		web_node(f, DC_SOURCE, DC_SUB_FROM, v, l);
		break;
	}
}

/* Index after the front matter of lines l[0..n) (see dc_frontmatter()),
 * or 0 if there is none. */
size_t
dc_frontmatter_end(const struct dc_line *l, size_t n)
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
 * ---- Is the text a web export? ----
 *
 * Markup is taken out only where the file shows it is a page or a
 * post saved as text: plain text is full of things that look like
 * markup ("__init__", "2**10", "[1](2)", "# of items").  The evidence
 * is counted over the whole file in one pass: tags of HTML elements,
 * a tagged container's opening and closing, Markdown links to
 * addresses, headings, quotes and fences.
 */
enum web_kind {
	WEB_NONE,
	WEB_MARKDOWN,
	WEB_RST,	/* reStructuredText, read as Markdown once rewritten */
	WEB_HTML,	/* a page: only HTML's own elements are markup */
	WEB_JSONL,	/* a dump of one JSON object a line */
	WEB_JSON,	/* one JSON document holding records */
	WEB_CSV,	/* records of fields, a quoted one holding text */
	WEB_SQL,	/* an SQL dump: INSERT statements, a row a record */
	WEB_VERTICAL,	/* a token a line: CoNLL-U, "word<TAB>TAG" */
	WEB_CONTAINER,	/* tagged documents: every element is markup */
	WEB_WIKI	/* a wiki's or a forum's markup: "== 节 ==", "[b]" */
};

static const char *const web_kind_name[] = {
	[WEB_NONE] = "plain text",
	[WEB_MARKDOWN] = "Markdown",
	[WEB_RST] = "reStructuredText",
	[WEB_HTML] = "HTML or a tagged container",
	[WEB_JSONL] = "JSON Lines records",
	[WEB_JSON] = "JSON records",
	[WEB_CSV] = "CSV records",
	[WEB_SQL] = "SQL records",
	[WEB_VERTICAL] = "a vertical corpus",
	[WEB_CONTAINER] = "HTML or a tagged container",
	[WEB_WIKI] = "wiki or forum markup",
};

struct web_ev {
	size_t	 tags;		/* <p>, </div>, <br>: an HTML element's */
	size_t	 closes;	/* of which closing tags */
	size_t	 heads;		/* "## heading" lines */
	size_t	 loose;		/* "##heading" lines (no space) */
	size_t	 links;		/* [text](address), <https://…> */
	size_t	 blocks;	/* "> " quotes and ``` fences */
	size_t	 strong;	/* **strong words** */
	size_t	 hashes;	/* lines opening with "#" */
	size_t	 alone;		/* "## heading" lines between blank lines */
	size_t	 lines;		/* lines with text */
	size_t	 items;		/* "* item" lines */
	size_t	 rst;		/* ".. _target:", ".. note::", `a <url>`_ */
	size_t	 setext;	/* a short line over "===" or "---" */
	int	 first;		/* the first line is a heading */
};

/* Does an address start at s (a link's target)? */
static int
web_target(const char *s)
{
	return g_ascii_strncasecmp(s, "http://", 7) == 0 ||
	    g_ascii_strncasecmp(s, "https://", 8) == 0 ||
	    g_ascii_strncasecmp(s, "ftp://", 6) == 0 ||
	    g_ascii_strncasecmp(s, "mailto:", 7) == 0 ||
	    g_ascii_strncasecmp(s, "www.", 4) == 0 ||
	    strncmp(s, "/", 1) == 0 || strncmp(s, "./", 2) == 0 ||
	    strncmp(s, "../", 3) == 0 || strncmp(s, "#", 1) == 0;
}

/* Is the character at p a letter (of any script)? */
static int
web_letter(const char *p)
{
	gunichar	 c = g_utf8_get_char(p);

	return g_unichar_isalpha(c);
}

/* Count the tags, links and strong words of one line. */
static void
web_ev_marks(struct web_ev *e, const char *s)
{
	const char	*p, *q;
	size_t		 n;

	for (p = s; (p = strchr(p, '<')) != NULL; p++) {
		if (strncmp(p, "<!--", 4) == 0) {
			e->tags++;
			continue;
		}
		if (web_target(p + 1) && p[1] != '/' && p[1] != '#') {
			e->links++;
			continue;
		}
		q = p + 1 + (p[1] == '/');
		n = strspn(q, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n > 0 && (q[n] == '>' || q[n] == ' ' || q[n] == '/' ||
		    q[n] == '\t') && dc_markup_html_name(q, n)) {
			e->tags++;
			e->closes += p[1] == '/';
		}
	}
	for (p = s; (p = strstr(p, "](")) != NULL; p += 2)
		if (web_target(p + 2))
			e->links++;
	/* "**" around words (a letter of any script at both ends, not
	 * "2**10 + 3**3"). */
	for (p = s; (p = strstr(p, "**")) != NULL; p = q + 2) {
		if ((q = strstr(p + 2, "**")) == NULL)
			break;
		if (q > p + 2 && web_letter(p + 2) &&
		    web_letter(g_utf8_prev_char(q)))
			e->strong++;
	}
}

/* Count the Markdown block marks of one line.  A heading is one
 * whose text is not prose ("# of items") or a comment's "key = value"
 * ("# sent_id = 1", as CoNLL-U writes). */
static void
web_ev_block(struct web_ev *e, const char *s)
{
	size_t	 n = strspn(s, "#");
	int	 head;

	e->lines++;
	e->hashes += n > 0;
	if (n >= 1 && n <= 6) {
		head = s[n] == ' ' || s[n] == '\t';
		s += n + strspn(s + n, " \t");
		if (*s == '\0' || *s == '#' || g_ascii_islower(*s) ||
		    strstr(s, " = ") != NULL)
			head = -1;
		if (head == 1)
			e->heads++;
		else if (head == 0)
			e->loose++;
		e->first |= e->lines == 1 && head == 1;
	}
	if ((s[0] == '>' && (s[1] == ' ' || s[1] == '\0')) ||
	    strncmp(s, "```", 3) == 0 || strncmp(s, "~~~", 3) == 0)
		e->blocks++;
	if ((s[0] == '*' || s[0] == '-' || s[0] == '+') && s[1] == ' ' &&
	    s[2] != ' ' && s[2] != '\0')
		e->items++;
}

/*
 * Does line i look like an ATX heading standing alone, a blank line
 * (or the start) before it and a blank line after, as Markdown
 * writes headings and as no script or corpus writes its comments
 * (they run in blocks, or sit on the lines they describe)?  Its text
 * may open in lower case ("## vocabulary"): standing alone is the
 * evidence.
 */
static int
web_ev_alone(const struct dc_input *in, size_t from, size_t i)
{
	const char	*s = in->lines[i].text;
	size_t		 n = strspn(s, "#");

	if (n < 1 || n > 6 || (s[n] != ' ' && s[n] != '\t'))
		return 0;
	s += n + strspn(s + n, " \t");
	if (*s == '\0' || *s == '#' || strstr(s, " = ") != NULL)
		return 0;
	if (i > from && !in->lines[i - 1].blank)
		return 0;
	return i + 1 < in->nlines && in->lines[i + 1].blank;
}

/*
 * Is line i a setext underline: "===" or "---" (three or more, nothing
 * else) under a short line that stands after a blank line (or opens
 * the text) and does not end a sentence?  So Markdown (and rst) marks
 * its titles and sections without a "#"; a rule under a paragraph,
 * as plain text draws one, is under a long line.
 */
static int
web_ev_setext(const struct dc_input *in, size_t from, size_t i)
{
	const struct dc_line	*l = in->lines, *t;
	const char		*p;
	gunichar		 c;

	if (i == from || l[i].len < 3 ||
	    (l[i].text[0] != '=' && l[i].text[0] != '-'))
		return 0;
	for (p = l[i].text; *p == l[i].text[0]; p++)
		;
	if (*p != '\0')
		return 0;
	t = &l[i - 1];
	if (t->blank || (i - 1 > from && !l[i - 2].blank) ||
	    g_utf8_strlen(t->text, -1) > 40 || t->text[0] == '-' ||
	    t->text[0] == '=' || t->text[0] == '*')
		return 0;
	c = g_utf8_get_char(g_utf8_prev_char(t->text + t->len));
	return g_utf8_strchr(".!?;,\u3002\uFF01\uFF1F\uFF1B\uFF0C", -1,
	    c) == NULL;
}

/* A tagged container: the text opens with a tag (or an XML
 * declaration) and its last line ends one. */
static int
web_container(const struct dc_line *l, size_t from, size_t n)
{
	size_t	 first, last;

	for (first = from; first < n && l[first].blank; first++)
		;
	for (last = n; last > first && l[last - 1].blank; last--)
		;
	if (first == last || l[first].text[0] != '<' ||
	    !(g_ascii_isalpha(l[first].text[1]) || l[first].text[1] == '?' ||
	    l[first].text[1] == '!'))
		return 0;
	return l[last - 1].text[l[last - 1].len - 1] == '>';
}

/* Does a JSON member ('"key": ') open the first lines after the
 * first, or the first line itself after its bracket? */
static int
web_json_field(const struct dc_line *l, size_t first, size_t last)
{
	size_t		 i;
	const char	*p;

	for (i = first; i < last && i < first + 4; i++) {
		for (p = l[i].text; *p == '{' || *p == '[' || *p == ' ' ||
		    *p == '\t'; p++)
			;
		if (*p == '"' && (p = strchr(p + 1, '"')) != NULL) {
			for (p++; *p == ' '; p++)
				;
			if (*p == ':')
				return 1;
		}
	}
	return 0;
}

/*
 * Is line first a CSV header row over records (a table's export,
 * "id,title,date,content"): three names or more apart by commas, each
 * a lower-case identifier, one of them a text's ("text", "content"),
 * and every line after it holding as many commas at least?
 */
static int
web_csv_head(const struct dc_line *l, size_t first, size_t last)
{
	static const char *const text[] = { "text", "content", "contents",
	    "body", "article", "fulltext", "full_text", NULL };
	char		**w;
	size_t		 i, n, commas;
	const char	*p;
	int		 ok, named = 0;

	if (last - first < 2 || strchr(l[first].text, '"') != NULL)
		return 0;
	w = g_strsplit(l[first].text, ",", -1);
	n = g_strv_length(w);
	ok = n >= 3;
	for (i = 0; ok && i < n; i++) {
		g_strstrip(w[i]);
		for (p = w[i]; *p != '\0'; p++)
			if (!(g_ascii_islower(*p) || *p == '_' ||
			    (p > w[i] && g_ascii_isdigit(*p))))
				ok = 0;
		ok = ok && *w[i] != '\0';
		named |= ok && g_strv_contains(text, w[i]);
	}
	g_strfreev(w);
	if (!ok || !named)
		return 0;
	for (i = first + 1; i < last; i++) {
		if (l[i].blank)
			continue;
		for (commas = 0, p = l[i].text; *p != '\0'; p++)
			commas += *p == ',';
		if (commas + 1 < n)
			return 0;
	}
	return 1;
}

/* A dump of records: every line a JSON object, or CSV whose first line
 * opens a quoted field after a few short ones and whose last closes
 * it. */
static enum web_kind
web_records(const struct dc_line *l, size_t from, size_t n)
{
	size_t		 i, first, last, commas;
	const char	*q;

	for (first = from; first < n && l[first].blank; first++)
		;
	for (last = n; last > first && l[last - 1].blank; last--)
		;
	if (first == last)
		return WEB_NONE;
	for (i = first; i < last; i++)
		if (!l[i].blank && (l[i].text[0] != '{' ||
		    l[i].text[l[i].len - 1] != '}'))
			break;
	if (i == last)
		return WEB_JSONL;
	/* One document over many lines: it opens with an object or a
	 * list whose first member is a field ("{", then '"key": …'),
	 * and closes it. */
	if ((l[first].text[0] == '{' || l[first].text[0] == '[') &&
	    (l[last - 1].text[l[last - 1].len - 1] == '}' ||
	    l[last - 1].text[l[last - 1].len - 1] == ']') &&
	    web_json_field(l, first, last))
		return WEB_JSON;
	if (web_csv_head(l, first, last))
		return WEB_CSV;
	if ((q = strstr(l[first].text, ",\"")) == NULL ||
	    l[last - 1].text[l[last - 1].len - 1] != '"' || last == first)
		return WEB_NONE;
	for (commas = 0; q > l[first].text; q--)
		commas += *q == ',';
	return commas <= 8 && l[first].text[0] != ' ' ? WEB_CSV : WEB_NONE;
}

/*
 * Is the first field of a tab-separated line one token (a word or a
 * number: short, no space inside), as a vertical corpus's is, and is
 * its last field a number alone (a page, a count)?
 */
static void
web_fields(const char *s, int *tok, int *num)
{
	const char	*tab = strchr(s, '\t'), *last = strrchr(s, '\t') + 1;
	const char	*p;
	size_t		 k = 0;

	*tok = 1;
	for (p = s; p < tab; p = g_utf8_next_char(p), k++)
		if (*p == ' ' || g_utf8_get_char(p) == 0x3000 || k >= 16)
			*tok = 0;
	while (*last == ' ')
		last++;
	for (p = last; g_ascii_isdigit(*p); p++)
		continue;
	while (*p == ' ' || *p == '\r')
		p++;
	*num = p > last && *p == '\0';
}

/*
 * A token and its tag a line, a space between, a blank line after each
 * sentence, as NER and segmentation corpora keep characters ("中 B-ORG",
 * "国 I-ORG", "人 O"): nearly every line (ten or more) is a token of
 * wide characters and a tag of ASCII letters (a "B-", "I-"… prefix
 * allowed).  Two words of English a line are no such corpus: the
 * token is Chinese.
 */
static int
web_vertical_space(const struct dc_line *l, size_t from, size_t n)
{
	size_t		 i, rows = 0, ok = 0;
	const char	*sp, *p;

	for (i = from; i < n; i++) {
		if (l[i].blank)
			continue;
		rows++;
		if ((sp = strchr(l[i].text, ' ')) == NULL || sp == l[i].text ||
		    sp - l[i].text > 24 ||
		    !g_unichar_iswide(g_utf8_get_char(l[i].text)))
			continue;
		while (sp[1] == ' ')
			sp++;
		for (p = sp + 1; g_ascii_isalnum(*p) || *p == '-' ||
		    *p == '_' || *p == '.'; p++)
			;
		ok += *p == '\0' && p > sp + 1 && p - sp <= 16 &&
		    g_ascii_isalpha(sp[1]);
	}
	return rows >= 10 && ok * 10 >= rows * 9;
}

/*
 * A vertical corpus: nearly every line that is not a comment holds
 * tab-separated columns, at least three such lines, each opening with
 * one token.  A contents list ("第一章 总则<TAB>3") or a list of counts,
 * whose lines open with words and end in a number, is text: read as a
 * corpus, its entries would be dropped as markup.
 */
static int
web_vertical(const struct dc_line *l, size_t from, size_t n)
{
	size_t	 i, rows = 0, cols = 0, toks = 0, nums = 0;
	int	 tok, num;

	for (i = from; i < n; i++) {
		if (l[i].blank || l[i].text[0] == '#')
			continue;
		rows++;
		if (strchr(l[i].text, '\t') == NULL)
			continue;
		cols++;
		web_fields(l[i].text, &tok, &num);
		toks += tok;
		nums += num;
	}
	if (cols >= 3 && cols * 10 >= rows * 9 && toks * 10 >= cols * 9 &&
	    nums * 10 < cols * 9)
		return 1;
	return web_vertical_space(l, from, n);
}

/* ---- A wiki's source (MediaWiki) and a forum's BBCode ---- */

/* The marks of wiki and forum markup, rewritten line by line into
 * Markdown: each pattern, what stands for it, and whether case
 * matters ("[B]" is "[b]"). */
static const struct {
	const char	*pat;
	const char	*to;
	int		 nocase;
} web_wiki_rules[] = {
	/* Forum tags: a picture goes, a link is its text, a tag goes. */
	{ "\\[img(?:=[^\\]]*)?\\][^\\[]*\\[/img\\]", "", 1 },
	{ "\\[url=[^\\]]*\\]([^\\[]*)\\[/url\\]", "\\1", 1 },
	{ "\\[/?(?:b|i|u|s|color|size|font|quote|center|align|url|code|"
	  "left|right|indent|list|\\*)(?:=[^\\]]*)?\\]", "", 1 },
	{ "\\[br\\]", "", 1 },
	/* A wiki's notes and templates go, a category's or a file's
	 * link too; a link is its text, an external one its words. */
	{ "<ref[^<>/]*/>", "", 0 },
	{ "<ref[^<>]*>[^<]*</ref>", "", 0 },
	{ "\\{\\{[^{}]*\\}\\}", "", 0 },
	{ "\\{\\{[^{}]*\\}\\}", "", 0 },
	{ "\\[\\[(?:Category|File|Image|分类|分類|文件|檔案|图像|圖像):"
	  "[^\\]]*\\]\\]", "", 0 },
	{ "\\[\\[(?:[^\\]|]*\\|)?(?:[A-Za-z-]{1,12}:)?([^\\]|]*)\\]\\]",
	  "\\1", 0 },
	{ "\\[(?:https?|ftp)://[^\\s\\]]+[ \\t]+([^\\]]+)\\]", "\\1", 0 },
	{ "\\[(?:https?|ftp)://[^\\s\\]]+\\]", "", 0 },
	{ "__[A-Z]+__", "", 0 },
	/* Emphasis in quotes, as Markdown's stars. */
	{ "'''''(.+?)'''''", "***\\1***", 0 },
	{ "'''(.+?)'''", "**\\1**", 0 },
	{ "''(.+?)''", "*\\1*", 0 },
	/* A numbered item ("# 一…"), before headings take the mark. */
	{ "^#+[ \\t]*", "1. ", 0 },
	{ "^=[ \\t]*([^=].*?)[ \\t]*=[ \\t]*$", "# \\1", 0 },
	{ "^==[ \\t]*([^=].*?)[ \\t]*==[ \\t]*$", "## \\1", 0 },
	{ "^===[ \\t]*([^=].*?)[ \\t]*===[ \\t]*$", "### \\1", 0 },
	{ "^====[ \\t]*([^=].*?)[ \\t]*====[ \\t]*$", "#### \\1", 0 },
	{ "^=====[ \\t]*([^=].*?)[ \\t]*=====[ \\t]*$", "##### \\1", 0 },
};

static GRegex	*web_wiki_rx[G_N_ELEMENTS(web_wiki_rules)];

static gpointer
web_wiki_build(gpointer unused)
{
	GError	*err = NULL;
	size_t	 i;

	(void)unused;
	for (i = 0; i < G_N_ELEMENTS(web_wiki_rules); i++)
		if ((web_wiki_rx[i] = g_regex_new(web_wiki_rules[i].pat,
		    web_wiki_rules[i].nocase ? G_REGEX_CASELESS : 0, 0,
		    &err)) == NULL)
			g_error("web.c: wiki pattern %zu: %s", i,
			    err->message);
	return NULL;
}

/*
 * Is the text a wiki's source or a forum's post: a wiki's headings
 * ("== 历史 ==") with two of its links or bold quotes (links alone
 * are Markdown's too: "[[zh:某地]]"); or two closing forum tags
 * ("[/b]", "[/url]")?
 */
static int
web_wiki(const struct dc_line *l, size_t from, size_t n)
{
	size_t		 i, heads = 0, marks = 0, bb = 0;
	const char	*t, *p;

	for (i = from; i < n; i++) {
		if (l[i].blank)
			continue;
		t = l[i].text;
		if (t[0] == '=' && g_regex_match_simple("^(={2,5})[ \\t]*[^=]"
		    ".*?[ \\t]*\\1[ \\t]*$", t, 0, 0))
			heads++;
		for (p = t; (p = strstr(p, "[[")) != NULL &&
		    strstr(p, "]]") != NULL; p += 2)
			marks++;
		for (p = t; (p = strstr(p, "'''")) != NULL; p += 3)
			marks++;
		for (p = t; (p = strstr(p, "[/")) != NULL; p += 2)
			bb += g_regex_match_simple("^\\[/(?:b|i|u|s|color|size|"
			    "font|quote|url|img|center|align|code)\\]", p,
			    G_REGEX_CASELESS, 0);
	}
	return (heads >= 1 && marks >= 2) || bb >= 2;
}

/* The text with its wiki or forum marks rewritten as Markdown, line
 * by line (the lines stay where they were); *marks counts the lines'
 * rewrites.  Returns it (g_free()). */
static char *
web_wiki_prepass(const char *s, size_t len, size_t *marks)
{
	static GOnce	 once = G_ONCE_INIT;
	GString		*b = g_string_sized_new(len + 64);
	const char	*e, *end = s + len;
	char		*line, *t;
	size_t		 i;

	g_once(&once, web_wiki_build, NULL);
	for (; s < end; s = e + 1) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		line = g_strndup(s, (size_t)(e - s));
		for (i = 0; i < G_N_ELEMENTS(web_wiki_rules); i++) {
			if (!g_regex_match(web_wiki_rx[i], line, 0, NULL))
				continue;
			t = g_regex_replace(web_wiki_rx[i], line, -1, 0,
			    web_wiki_rules[i].to, 0, NULL);
			if (t == NULL)
				continue;
			(*marks)++;
			g_free(line);
			line = t;
		}
		g_string_append(b, line);
		g_free(line);
		if (e < end)
			g_string_append_c(b, '\n');
	}
	return g_string_free(b, FALSE);
}

/* An SQL dump: comments aside, its first line inserts rows (however
 * much HTML its values hold). */
static int
web_sql(const struct dc_line *l, size_t from, size_t n)
{
	size_t	 i;

	for (i = from; i < n && (l[i].blank || g_str_has_prefix(l[i].text,
	    "--") || g_str_has_prefix(l[i].text, "/*")); i++)
		;
	return i < n && g_ascii_strncasecmp(l[i].text, "INSERT INTO ",
	    12) == 0 && strstr(l[i].text, "VALUES") != NULL;
}

static enum web_kind
web_sniff(const struct dc_input *in, size_t from)
{
	struct web_ev	 e;
	enum web_kind	 r;
	size_t		 i;
	int		 md, html;

	if (web_sql(in->lines, from, in->nlines))
		return WEB_SQL;
	if (web_container(in->lines, from, in->nlines))
		return WEB_CONTAINER;
	if ((r = web_records(in->lines, from, in->nlines)) != WEB_NONE)
		return r;
	if (web_vertical(in->lines, from, in->nlines))
		return WEB_VERTICAL;
	if (web_wiki(in->lines, from, in->nlines))
		return WEB_WIKI;
	memset(&e, 0, sizeof(e));
	for (i = from; i < in->nlines; i++) {
		if (in->lines[i].blank)
			continue;
		web_ev_marks(&e, in->lines[i].text);
		web_ev_block(&e, in->lines[i].text);
		e.alone += web_ev_alone(in, from, i);
		e.rst += dc_rst_mark(in->lines[i].text);
		e.setext += web_ev_setext(in, from, i);
	}
	/* Explicit markup and rst's links are written by no plain text
	 * and by no Markdown. */
	if (e.rst >= 2)
		return WEB_RST;
	/* Comments of a script, a table or CoNLL-U are no headings:
	 * they come in runs, or beside the lines they describe.  A
	 * note whose headings stand between blank lines (a glossary,
	 * a heading over each short entry) is Markdown however many
	 * of its lines they are. */
	if (e.hashes > 4 && e.hashes * 3 > e.lines && e.alone * 2 < e.hashes)
		e.heads = e.loose = 0, e.first = 0;
	/* A file of list items and nothing else ("* 1 第一條…", as a
	 * law's articles are exported) is a Markdown list. */
	md = e.links > 0 || e.heads >= 2 || e.alone >= 2 || e.first ||
	    e.setext >= 2 ||
	    e.strong >= 2 ||
	    (e.items >= 3 && e.items * 10 >= e.lines * 9) ||
	    (e.heads + e.loose >= 1 &&
	    e.blocks >= 1) || (from > 0 && e.heads + e.loose + e.blocks > 0);
	html = e.tags >= 3 || (e.tags >= 2 && e.closes >= 1);
	if (md)
		return WEB_MARKDOWN;
	return html ? WEB_HTML : WEB_NONE;
}

/*
 * Inline marks of blog engines that CommonMark has not, at p: a
 * ~~struck~~ mark, a Hugo or Liquid shortcode ("{{< figure … >}}",
 * "{% … %}") or a footnote reference ("[^1]").  Returns the bytes to
 * drop there, 0 for none.
 */
static size_t
web_md_mark(const char *p, const char *e, int *open)
{
	const char	*q;

	if (p + 1 < e && p[0] == '~' && p[1] == '~')
		return 2;
	/* A shortcode left open leaves every later one open: the line
	 * is scanned once. */
	if (p + 1 < e && p[0] == '{' && (p[1] == '{' || p[1] == '%') &&
	    !*open) {
		q = p + 2;
		while (q + 1 < e && !(q[1] == '}' && (q[0] == '}' ||
		    q[0] == '%')))
			q++;
		if (q + 1 < e)
			return (size_t)(q + 2 - p);
		*open = 1;
		return 0;
	}
	if (p + 2 < e && p[0] == '[' && p[1] == '^') {
		for (q = p + 2; q < e && *q != ']' && *q != '[' && *q != ' ';
		    q++)
			;
		return q < e && *q == ']' && q > p + 2 ? (size_t)(q + 1 - p) :
		    0;
	}
	return 0;
}

/* A shortcode's visible text: its caption, title and alt values. */
static void
web_md_shortcode(GString *b, const char *p, const char *e)
{
	static const char *const keys[] = {
		"caption=\"", "title=\"", "alt=\""
	};
	const char	*v, *q;
	size_t		 i;

	for (i = 0; i < G_N_ELEMENTS(keys); i++) {
		if ((v = g_strstr_len(p, e - p, keys[i])) == NULL)
			continue;
		v += strlen(keys[i]);
		if ((q = memchr(v, '"', (size_t)(e - v))) != NULL && q > v) {
			g_string_append_len(b, v, q - v);
			g_string_append_c(b, ' ');
		}
	}
}

/*
 * A wiki link at p ("[[target]]", "[[target|text]]", "[[zh:text]]"
 * as wikis and their mirrors write them) leaves its text to b: the
 * part after '|', else the target without a short ASCII namespace
 * ("zh:", "wikipedia:").  Returns the bytes taken, 0 if p starts
 * none (no "]]" on the line, or a bracket inside).
 */
static size_t
web_md_wikilink(GString *b, const char *p, const char *e)
{
	const char	*q, *t, *bar = NULL;

	if (e - p < 5 || p[0] != '[' || p[1] != '[')
		return 0;
	for (q = p + 2; q + 1 < e && !(q[0] == ']' && q[1] == ']'); q++)
		if (*q == '[' || *q == ']' || *q == '\n')
			return 0;
		else if (*q == '|' && bar == NULL)
			bar = q;
	/* "[[1]](url)" is a link whose text is "[1]". */
	if (q + 1 >= e || q == p + 2 || (q + 2 < e && (q[2] == '(' ||
	    (q[2] == '[' && (q + 3 >= e || q[3] != '[')))))
		return 0;
	/* "[[toc]]": where a site puts its table of contents, no text. */
	if (q - p == 5 && g_ascii_strncasecmp(p + 2, "toc", 3) == 0)
		return (size_t)(q + 2 - p);
	if (bar != NULL)
		t = bar + 1;
	else {
		for (t = p + 2; t < q && (g_ascii_isalpha(*t) || *t == '-');
		    t++)
			;
		t = t < q && *t == ':' && t > p + 2 && t - p <= 14 ?
		    t + 1 : p + 2;
	}
	g_string_append_len(b, t, q - t);
	return (size_t)(q + 2 - p);
}

/* Does an attribute list open with a key and "=" ("align=\"center\"",
 * markdown-it's and VuePress's), not with text in braces? */
static int
web_md_keyval(const char *q, const char *e)
{
	const char	*k = q;

	while (k < e && (g_ascii_isalnum(*k) || *k == '-' || *k == '_'))
		k++;
	return k > q && g_ascii_isalpha(*q) && k < e && *k == '=';
}

/* Where a heading's closing attribute list "{.class #id key=v}"
 * starts (white space before it), or NULL. */
static const char *
web_md_attrs(const char *s, const char *e)
{
	const char	*q = e;

	while (q > s && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
		q--;
	if (q == s || q[-1] != '}')
		return NULL;
	for (q--; q > s && q[-1] != '{'; q--)
		if (q[-1] == '}' || q[-1] == '\n')
			return NULL;
	if (q == s || (q[0] != '.' && q[0] != '#' && q[0] != ':' &&
	    !web_md_keyval(q, e)))
		return NULL;
	q--;
	while (q > s && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	return q;
}

/*
 * One line of the pre-pass to b: a heading with no space after its
 * "#" gets one; a ":::" directive fence loses its mark and type
 * (its title stays), a footnote its mark; the marks web_md_mark()
 * finds go, a wiki link leaves its text (web_md_wikilink()).
 */
static void
web_md_line(GString *b, const char *s, const char *e)
{
	const char	*p, *q;
	size_t		 n = strspn(s, "#");
	int		 open = 0;

	if (n >= 1 && n <= 6 && s + n < e &&
	    ((unsigned char)s[n] >= 0x80 || g_ascii_isupper(s[n]))) {
		g_string_append_len(b, s, (gssize)n);
		g_string_append_c(b, ' ');
		s += n;
	}
	/* A heading's attribute list ("# Tabs {.tabset}", "## 概述 {#intro}",
	 * Pandoc's and kramdown's "{: .class}") is markup. */
	if (n >= 1 && n <= 6 && (q = web_md_attrs(s, e)) != NULL)
		e = q;
	if (e - s >= 3 && strncmp(s, ":::", 3) == 0) {
		for (s += 3; s < e && *s == ':'; s++)
			;
		s += strspn(s, " ");
		while (s < e && g_ascii_isalnum(*s))
			s++;
	}
	/* A tab in a ":::" tabs container opens "@tab 标签": the name
	 * on a widget's tab, as a site's navigation is, no line of the
	 * text (what the tab holds follows it). */
	if (e - s >= 4 && strncmp(s, "@tab", 4) == 0 && (e - s == 4 ||
	    s[4] == ' ' || s[4] == ':'))
		return;
	/* A footnote's text: "[^1]: …". */
	if (s[0] == '[' && (n = web_md_mark(s, e, &open)) > 0 &&
	    s + n < e && s[n] == ':')
		for (s += n + 1; s < e && *s == ' '; s++)
			;
	for (p = s; p < e; )
		if ((n = web_md_mark(p, e, &open)) > 0) {
			g_string_append_len(b, s, p - s);
			if (*p == '{')
				web_md_shortcode(b, p, p + n);
			s = p += n;
		} else if (p[0] == '[' && p + 1 < e && p[1] == '[') {
			g_string_append_len(b, s, p - s);
			if ((n = web_md_wikilink(b, p, e)) == 0) {
				g_string_append_c(b, '[');
				n = 1;
			}
			s = p += n;
		} else
			p++;
	g_string_append_len(b, s, e - s);
}

/* Is [s, e) a pipe table's delimiter row ("|:---|---:|", "--- | ---"):
 * dashes with colons, pipes and spaces only, a pipe among them? */
static int
web_md_delim_row(const char *s, const char *e)
{
	int	 pipe = 0, dash = 0;

	for (; s < e; s++) {
		if (*s == '|')
			pipe = 1;
		else if (*s == '-')
			dash = 1;
		else if (*s != ':' && *s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	}
	return pipe && dash;
}

/* Does [s, e) hold a pipe, as a pipe table's row does? */
static int
web_md_pipe_row(const char *s, const char *e)
{
	return s < e && memchr(s, '|', (size_t)(e - s)) != NULL;
}

/*
 * The row's first cell opens its item: a mark there that Markdown
 * would read as a block's ("* " a nested list, "#" a heading, ">" a
 * quote, "===" an underline, "```" a fence, "3." a numbered list) is
 * the cell's text, escaped.  An inline mark ("`code`", "_word_",
 * "~~old~~", "*word*") is read as it is anywhere.  Returns where the
 * rest starts.
 */
static const char *
web_md_cell_escape(GString *b, const char *c, const char *p)
{
	const char	*d = c;

	if (*c == '#' || *c == '>' || ((*c == '*' || *c == '+' ||
	    *c == '-') && (c + 1 == p || c[1] == ' ' || c[1] == '\t')) ||
	    (*c == '=' || (*c == '-' && c + 1 < p && c[1] == '-')) ||
	    (p - c >= 3 && (strncmp(c, "```", 3) == 0 ||
	    strncmp(c, "~~~", 3) == 0))) {
		g_string_append_c(b, '\\');
		return c;
	}
	while (d < p && g_ascii_isdigit(*d))
		d++;
	if (d > c && d < p && (*d == '.' || *d == ')')) {
		g_string_append_len(b, c, d - c);
		g_string_append_c(b, '\\');
		return d;
	}
	return c;
}

/*
 * One row of a pipe table to b, as an item of a list of rows: its
 * cells' text with one space between, the pipes gone ("\\|" is a
 * cell's own pipe).  A row is a line of its own, never a heading (a
 * header row is short and unpunctuated, as headings are).
 */
static void
web_md_table_row(GString *b, const char *s, const char *e)
{
	const char	*p, *c;
	size_t		 start;

	g_string_append(b, "- ");
	start = b->len;

	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	if (s < e && *s == '|')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e > s && e[-1] == '|' && (e - 1 == s || e[-2] != '\\'))
		e--;
	for (c = p = s; p <= e; p++) {
		if (p < e && (*p != '|' || (p > s && p[-1] == '\\')))
			continue;
		while (c < p && (*c == ' ' || *c == '\t'))
			c++;
		if (b->len > start && c < p)
			g_string_append_c(b, ' ');
		else if (c < p)
			c = web_md_cell_escape(b, c, p);
		web_md_line(b, c, p);
		while (b->len > start && b->str[b->len - 1] == ' ')
			g_string_truncate(b, b->len - 1);
		c = p + 1;
	}
}

/*
 * What blogs write that Markdown reads otherwise (web_md_line()), in
 * every line but fenced code; and GitHub's pipe tables, which
 * CommonMark has not, become lists of their rows' cells (the
 * delimiter row an empty item).  A line stays a line (the input's
 * line numbers hold).  Returns the text to parse (g_free()).
 */
static char *
web_md_prepass(const char *s, size_t len)
{
	GString		*b = g_string_sized_new(len + 64);
	const char	*e, *end = s + len, *n, *ne;
	int		 fence = 0, table = 0;

	for (; s < end; s = e + 1) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		n = e < end ? e + 1 : end;
		if ((ne = memchr(n, '\n', (size_t)(end - n))) == NULL)
			ne = end;
		if (strncmp(s, "```", 3) == 0 || strncmp(s, "~~~", 3) == 0)
			fence = !fence;
		/* Indented four columns, a line is code, no table's. */
		if (!fence && !table && *s != '\t' && strncmp(s, "    ", 4) &&
		    web_md_pipe_row(s, e) &&
		    !web_md_delim_row(s, e) && n < end &&
		    web_md_delim_row(n, ne))
			table = 1;
		else if (table && !web_md_pipe_row(s, e))
			table = 0;
		if (fence)
			g_string_append_len(b, s, e - s);
		else if (table && web_md_delim_row(s, e))
			/* An empty item: the rows stay one list. */
			g_string_append_c(b, '-');
		else if (table)
			web_md_table_row(b, s, e);
		else
			web_md_line(b, s, e);
		if (e < end)
			g_string_append_c(b, '\n');
	}
	return g_string_free(b, FALSE);
}

/* The byte offset of line i of the input. */
static size_t
web_offset(const struct dc_input *in, size_t i)
{
	const char	*p = in->buf, *end = in->buf + in->len;

	while (i-- > 0 && p < end) {
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return in->len;
		p++;
	}
	return (size_t)(p - in->buf);
}

/* Append a blank line like l, unless the last line is blank. */
static void
web_blank(GArray *out, const struct dc_line *l)
{
	struct dc_line	 nl;

	if (out->len > 0 && g_array_index(out, struct dc_line,
	    out->len - 1).blank)
		return;
	web_line_set(&nl, l, g_strdup(""), 0);
	g_array_append_val(out, nl);
}

/* Is s segmented: spaces between its words, one to four Han
 * characters?  (Words of Latin script have spaces as a rule.) */
static int
web_segmented(const char *s)
{
	const char	*p;
	size_t		 sp = 0, han = 0;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p))
		if (*p == ' ')
			sp += p > s && p[1] != ' ';
		else if (dc_char_script_lang(g_utf8_get_char(p)) == DC_LANG_ZH)
			han++;
	return han >= 2 && sp >= 2 && sp * 4 >= han;
}

/* One piece to out as a line like l (or to f, a container's field). */
static void
web_piece(GArray *out, struct dc_piece *p, const struct dc_line *l,
    struct dc_found *f)
{
	struct dc_line	 nl;

	switch (p->kind) {
	case DC_PIECE_PARA:
		web_blank(out, l);
		return;
	case DC_PIECE_TITLE:
		/* A container's first title is its title, unless it is
		 * segmented (the segmented reader spells it). */
		g_strstrip(p->text);
		if (f->title == NULL && !web_segmented(p->text)) {
			web_label(f, WL_TITLE, p->text, l);
			return;
		}
		web_blank(out, l);
		p->heading = 1;
		/* FALLTHROUGH */
	case DC_PIECE_TEXT:
		g_strstrip(p->text);
		if (p->kind == DC_PIECE_TEXT && p->heading == 0 &&
		    g_regex_match(R(RX_URL), p->text, 0, NULL)) {
			g_ptr_array_add(f->urls, p->text);
			p->text = NULL;
			return;
		}
		web_line_set(&nl, l, p->text, p->heading);
		/* A paragraph the markup ended is one: the blank line
		 * before this line is the markup's, not a double-spaced
		 * text's (dc_input_join() joins across those). */
		nl.brk = out->len > 0 && g_array_index(out, struct dc_line,
		    out->len - 1).blank;
		nl.literal = p->literal;
		p->text = NULL;
		g_array_append_val(out, nl);
		if (p->kind == DC_PIECE_TITLE)
			web_blank(out, l);
		return;
	case DC_PIECE_DATE:
		if (f->date == NULL)
			web_label(f, WL_DATE, p->text, l);
		return;
	case DC_PIECE_URL:
		/* An address, not a page's own anchor or file. */
		if (web_target(p->text) && p->text[0] != '/' &&
		    p->text[0] != '#' && p->text[0] != '.')
			g_ptr_array_add(f->urls, g_strdup(p->text));
		return;
	case DC_PIECE_AUTHOR:
		if (f->author == NULL)
			web_label(f, WL_AUTHOR, p->text, l);
		return;
	case DC_PIECE_SOURCE:
		if (f->from == NULL)
			web_label(f, WL_FROM, p->text, l);
		return;
	case DC_PIECE_ID:
		return;
	case DC_PIECE_NAV:
		/* A page's boilerplate (menus, footers): a link line of
		 * the header. */
		g_strstrip(p->text);
		web_node(f, DC_SOURCE, DC_SUB_URL, p->text, l);
		return;
	case DC_PIECE_NAVLINK:
		/* A site's link ("返回"): the metadata keeps it with its
		 * address (DC_PIECE_NAVURL next); no line of the text. */
		g_strstrip(p->text);
		g_ptr_array_add(f->nav, p->text);
		p->text = NULL;
		return;
	case DC_PIECE_NAVURL:
		g_ptr_array_add(f->nav, g_strdup(p->text));
		return;
	case DC_PIECE_LINKLINE:
		/* A link to the source over the text: a link line of
		 * the header (its address is a DC_PIECE_URL). */
		g_strstrip(p->text);
		web_node(f, DC_SOURCE, DC_SUB_URL, p->text, l);
		return;
	case DC_PIECE_SUBTITLE:
		g_strstrip(p->text);
		if (f->subtitle == NULL)
			web_label(f, WL_SUBTITLE, p->text, l);
		return;
	}
	abort();
}

/* Number the lines a markup parser made of one input line (a web
 * post's pair is its line: parse_bilingual.c). */
static void
web_number_pieces(GArray *out, size_t from)
{
	struct dc_line	*l = (struct dc_line *)(void *)out->data;
	size_t		 i, j, k;

	for (i = from; i < out->len; i = j) {
		for (j = i + 1; j < out->len && !l[j].blank &&
		    l[j].lineno == l[i].lineno; j++)
			;
		if (l[i].blank || j - i < 2)
			continue;
		for (k = i; k < j; k++)
			l[k].piece = (int)(k - i) + 1;
	}
}

/*
 * A page's title that is its headline and then the section's and the
 * site's names after a separator ("头条 - 商情 - 某某报", "头条 | 科技 |
 * 某某网", "头条_新闻_某某网"), where the headline stands alone in the
 * page's text: the headline is the title, the rest goes to f->site.
 */
static void
web_title_site(GArray *pc, size_t i, struct dc_found *f)
{
	static const char *const seps[] = { " - ", " | ", " – ", " — ",
	    "｜", "_", " · ", NULL };
	struct dc_piece	*p = (struct dc_piece *)(void *)pc->data;
	const char	*t = p[i].text, *at, *best = NULL, *rest = NULL;
	size_t		 j, k, n;
	char		*head;

	for (k = 0; seps[k] != NULL; k++)
		if ((at = strstr(t, seps[k])) != NULL && at > t &&
		    (best == NULL || at < best)) {
			best = at;
			rest = at + strlen(seps[k]);
		}
	if (best == NULL || *rest == '\0' || g_utf8_strlen(rest, -1) > 40)
		return;
	head = g_strndup(t, (gsize)(best - t));
	g_strstrip(head);
	n = strlen(head);
	for (j = 0; j < pc->len && n > 0; j++)
		if (j != i && p[j].kind == DC_PIECE_TEXT && p[j].text != NULL &&
		    strlen(p[j].text) >= n && strncmp(g_strstrip(p[j].text),
		    head, n) == 0 && p[j].text[n] == '\0')
			break;
	if (n > 0 && j < pc->len && f->site == NULL) {
		f->site = g_strstrip(g_strdup(rest));
		f->site_line = p[i].line;
		g_free(p[i].text);
		p[i].text = head;
	} else
		g_free(head);
}

/* Has piece q any text (not white space alone)?  An empty heading
 * counts, for the part it ends. */
static int
web_piece_has_text(const struct dc_piece *q)
{
	const char	*t;

	if (q->kind == DC_PIECE_ID && q->heading > 0)
		return 1;
	if (q->kind != DC_PIECE_TEXT || q->text == NULL)
		return 0;
	for (t = q->text; *t == ' ' || *t == '\t'; t++)
		;
	return *t != '\0';
}

/*
 * A heading over no text whose part (to the next heading of its level
 * or above) holds two headings or more and nothing else but the embeds
 * and widgets the markup took out ("## Tabs {.tabset}" over "### B站"
 * and "### YouTube", each over a player's <iframe>): a page's tabs and
 * their labels, no headings of the text: kept as the page's
 * boilerplate, as its menus are, where text follows (the end of a text
 * may be a section still to be written).  Returns how many.
 */
static size_t
web_empty_heads(GArray *pc)
{
	struct dc_piece	*p = (struct dc_piece *)(void *)pc->data;
	size_t		 i, j, k, n = 0, subs, *body;

	/* body[i]: the first piece of text from i on that is no heading
	 * (pc->len if none), so that a run of headings over no text is
	 * not searched again from each of them. */
	body = g_new(size_t, pc->len + 1);
	body[pc->len] = pc->len;
	for (i = pc->len; i > 0; i--)
		body[i - 1] = web_piece_has_text(&p[i - 1]) &&
		    p[i - 1].heading <= 0 ? i - 1 : body[i];
	for (i = 0; i < pc->len; i++) {
		if (p[i].kind != DC_PIECE_TEXT ||
		    !web_piece_has_text(&p[i]) || p[i].heading <= 0)
			continue;
		for (j = i + 1; j < pc->len; j++) {
			if (!web_piece_has_text(&p[j]))
				continue;
			if (p[j].heading <= 0 || p[j].heading <= p[i].heading)
				break;
		}
		if (j < pc->len && p[j].heading <= 0)
			continue;	/* text in its part */
		/* Its translation next, at its level ("## 第一章" over
		 * "## Chapter One"): a heading of a bilingual text. */
		if (j < pc->len && p[j].kind == DC_PIECE_TEXT &&
		    p[j].heading == p[i].heading &&
		    dc_text_lang(p[j].text, strlen(p[j].text)) !=
		    dc_text_lang(p[i].text, strlen(p[i].text)))
			continue;
		if (body[j] == pc->len)
			continue;	/* no text after it */
		/* A heading over one embed ("🔊 朗读" over a player)
		 * introduces it; over headings only, each over its embed,
		 * it holds the tabs of a widget. */
		for (k = i + 1, subs = 0; k < j; k++)
			subs += p[k].kind == DC_PIECE_TEXT &&
			    web_piece_has_text(&p[k]) && p[k].heading > 0;
		if (subs < 2)
			continue;
		for (k = i; k < j; k++)
			if (p[k].kind == DC_PIECE_TEXT && p[k].heading > 0 &&
			    web_piece_has_text(&p[k])) {
				p[k].kind = DC_PIECE_NAV;
				p[k].heading = 0;
				n++;
			}
		i = j - 1;
	}
	g_free(body);
	return n;
}

/* A title field that the next line of text repeats (<title> and <h1>,
 * a record's title and its text's first line, or its first two or
 * three lines, a long title broken) is said once. */
static void
web_title_once(GArray *pc, struct dc_found *f)
{
	struct dc_piece	*p = (struct dc_piece *)(void *)pc->data;
	size_t		 i, j, k, lines;
	GString		*b;

	for (i = 0; i < pc->len; i++) {
		if (p[i].kind != DC_PIECE_TITLE)
			continue;
		g_strstrip(p[i].text);
		web_title_site(pc, i, f);
		b = g_string_new(NULL);
		for (j = i + 1, lines = 0; j < pc->len && lines < 3 &&
		    b->len < strlen(p[i].text) &&
		    p[j].kind != DC_PIECE_TITLE; j++)
			if (p[j].kind == DC_PIECE_TEXT) {
				g_string_append(b, g_strstrip(p[j].text));
				lines++;
			}
		if (lines > 0 && strcmp(p[i].text, b->str) == 0) {
			for (k = i + 1; k < j; k++)
				if (p[k].kind == DC_PIECE_TEXT)
					p[k].heading = p[k].heading > 0 ?
					    p[k].heading : 1;
			p[i].kind = DC_PIECE_ID;
		}
		g_string_free(b, TRUE);
	}
}

/*
 * Replace the lines from index from on by the pieces a markup parser
 * made of them, each at its input line; a line left with no text
 * (a rule, a tag) is blank if gaps is set (not in a vertical corpus,
 * whose sentences are the lines of its first tokens).
 */
static void
web_lines(struct dc_input *in, size_t from, GArray *pc, struct dc_found *f,
    int gaps)
{
	GArray		*out;
	struct dc_piece	*p = (struct dc_piece *)(void *)pc->data;
	size_t		 i, k = 0, had;

	out = g_array_sized_new(FALSE, FALSE, sizeof(struct dc_line),
	    (guint)in->nlines + 8);
	g_array_append_vals(out, in->lines, (guint)from);
	f->markup += web_empty_heads(pc);
	web_title_once(pc, f);
	for (i = from; i < in->nlines; i++) {
		had = out->len;
		while (k < pc->len && (p[k].line <= in->lines[i].lineno ||
		    i + 1 == in->nlines))
			web_piece(out, &p[k++], &in->lines[i], f);
		if (out->len == had && gaps)
			web_blank(out, &in->lines[i]);
		g_free(in->lines[i].text);
	}
	/* The site's name cut off the page's title: a source line. */
	if (f->site != NULL) {
		struct dc_line	 sl;

		memset(&sl, 0, sizeof(sl));
		sl.lineno = f->site_line;
		sl.col = 1;
		if (f->from == NULL)
			web_label(f, WL_FROM, f->site, &sl);
		else
			web_node(f, DC_SOURCE, DC_SUB_FROM, f->site, &sl);
	}
	web_number_pieces(out, from);
	for (k = 0; k < pc->len; k++)
		g_free(p[k].text);
	g_free(in->lines);
	in->nlines = out->len;
	in->lines = (struct dc_line *)(void *)g_array_free(out, FALSE);
}

/*
 * Inline annotations of a corpus, "{{person_name:方英}}" (BosonNLP's
 * named entities, and others' so marked): where the lines after the
 * front matter hold two or more, each leaves its text, the label and
 * braces go (counted as markup).  Before the markup parsers, which
 * read "{{…}}" as a blog's shortcode and drop it whole.
 */
static void
web_annotations(struct dc_input *in, size_t fm, struct dc_found *f)
{
	GMatchInfo	*mi = NULL;
	size_t		 i, n = 0;
	char		*t;
	int		 k;

	for (i = fm; i < in->nlines && n < 2; i++) {
		if (in->lines[i].blank || strstr(in->lines[i].text, "{{") ==
		    NULL)
			continue;
		if (g_regex_match(R(RX_ANNOT), in->lines[i].text, 0, &mi))
			while (g_match_info_matches(mi) && n < 2) {
				n++;
				g_match_info_next(mi, NULL);
			}
		g_match_info_free(mi);
		mi = NULL;
	}
	if (n < 2)
		return;
	for (i = fm; i < in->nlines; i++) {
		if (in->lines[i].blank || strstr(in->lines[i].text, "{{") ==
		    NULL)
			continue;
		for (k = 0, g_regex_match(R(RX_ANNOT), in->lines[i].text, 0,
		    &mi); g_match_info_matches(mi); g_match_info_next(mi,
		    NULL))
			k++;
		g_match_info_free(mi);
		mi = NULL;
		if (k == 0)
			continue;
		t = g_regex_replace(R(RX_ANNOT), in->lines[i].text, -1, 0,
		    "\\1", 0, NULL);
		if (t == NULL)
			continue;
		g_free(in->lines[i].text);
		in->lines[i].text = t;
		in->lines[i].len = strlen(t);
		in->lines[i].lang = dc_text_lang(t, in->lines[i].len);
		f->markup += (size_t)k;
		n += (size_t)k;
	}
	dc_msg(DC_WARN_GENERIC, in->lines[fm].lineno, 0, "read as annotated "
	    "text: %zu annotations taken out, their text kept "
	    "(--keep-markup keeps them)", n - 2);
}

/*
 * A copy of the page's bytes with the directives of its template
 * engine blanked out: Liquid's and Jinja's "{% raw %}", Hugo's
 * "{{< figure … >}}" and "{{% … %}}" are no text of the page (a
 * Markdown page loses them in web_md_prepass()).  Blanked, not cut:
 * the pieces' line numbers count the bytes.
 */
static char *
web_tpl_blank(const char *s, size_t len)
{
	char	*b = g_memdup2(s, len + 1), *p, *q, *end = b + len;
	char	*seen = NULL;
	int	 dbl;

	b[len] = '\0';
	for (p = b; p + 1 < end; p++) {
		if (p[0] != '{' || !(p[1] == '%' || (p[1] == '{' && p + 2 <
		    end && (p[2] == '<' || p[2] == '%'))))
			continue;
		/* The first closer (or line end) at or after p + 2 is the
		 * one found for an opener before p, if that one lies at
		 * or after p + 2: looking again made a line of openers
		 * and no closer quadratic (800 kB took 140 s). */
		if (seen != NULL && seen >= p + 2)
			q = seen;
		else
			for (q = p + 2; q + 1 < end && *q != '\n' &&
			    !(q[1] == '}' && (q[0] == '%' || q[0] == '}' ||
			    q[0] == '>')); q++)
				;
		seen = q;
		if (q + 1 >= end || *q == '\n')
			continue;
		/* "{{%" closes with "%}}", "{%" with "%}". */
		dbl = p[1] == '{';
		if ((q[0] != '%' || dbl) && (q + 2 >= end || q[2] != '}'))
			continue;
		q += q[0] == '%' && !dbl ? 2 : 3;
		memset(p, ' ', (size_t)(q - p));
		p = q - 1;
	}
	return b;
}

/* Pieces pc of two records (input lines) or more, none with a title
 * field? */
static int
web_untitled_records(const GArray *pc)
{
	const struct dc_piece	*p;
	guint			 i;
	int			 line = -1, records = 0;

	for (i = 0; i < pc->len; i++) {
		p = &g_array_index(pc, struct dc_piece, i);
		if (p->kind == DC_PIECE_TITLE)
			return 0;
		if (p->kind == DC_PIECE_TEXT && p->line != line) {
			line = p->line;
			records++;
		}
	}
	return records >= 2;
}

/*
 * Take the markup out of the lines after the front matter, if the
 * file shows it is a web export and keep is 0; says how much went.
 */
static void
web_markup(struct dc_input *in, size_t fm, struct dc_found *f, int keep)
{
	enum web_kind	 kind;
	GArray		*pc;
	size_t		 off;
	char		*md;
	int		 first, untitled;

	if ((kind = web_sniff(in, fm)) == WEB_NONE || fm >= in->nlines)
		return;
	if (keep) {
		dc_msg(DC_WARN_GENERIC, 0, 0, "the text looks like %s: its "
		    "markup is kept (--keep-markup)", web_kind_name[kind]);
		return;
	}
	pc = g_array_new(FALSE, FALSE, sizeof(struct dc_piece));
	off = web_offset(in, fm);
	first = in->lines[fm].lineno;
	if (kind == WEB_HTML) {
		md = web_tpl_blank(in->buf + off, in->len - off);
		f->markup = dc_markup_html(md, in->len - off,
		    in->lines[fm].lineno, 1, pc);
		g_free(md);
	} else if (kind == WEB_CONTAINER)
		f->markup = dc_markup_html(in->buf + off, in->len - off,
		    in->lines[fm].lineno, 0, pc);
	else if (kind == WEB_JSON)
		f->markup = dc_markup_json(in->buf + off, in->len - off,
		    in->lines[fm].lineno, pc);
	else if (kind == WEB_JSONL)
		f->markup = dc_markup_jsonl(in->buf + off, in->len - off,
		    in->lines[fm].lineno, pc);
	else if (kind == WEB_CSV)
		f->markup = dc_markup_csv(in->buf + off, in->len - off,
		    in->lines[fm].lineno, pc);
	else if (kind == WEB_SQL)
		f->markup = dc_markup_sql(in->buf + off, in->len - off,
		    in->lines[fm].lineno, pc);
	else if (kind == WEB_VERTICAL)
		f->markup = dc_markup_vertical(in->buf + off, in->len - off,
		    in->lines[fm].lineno, pc);
	else if (kind == WEB_WIKI) {
		size_t marks = 0;
		md = web_wiki_prepass(in->buf + off, in->len - off, &marks);
		f->markup = dc_markup_md(md, strlen(md),
		    in->lines[fm].lineno, pc) + marks;
		g_free(md);
	} else if (kind == WEB_RST) {
		char *rst = dc_rst_to_md(in->buf + off, in->len - off);
		md = web_md_prepass(rst, strlen(rst));
		g_free(rst);
		f->markup = dc_markup_md(md, strlen(md),
		    in->lines[fm].lineno, pc);
		g_free(md);
	} else {
		md = web_md_prepass(in->buf + off, in->len - off);
		f->markup = dc_markup_md(md, strlen(md),
		    in->lines[fm].lineno, pc);
		g_free(md);
	}
	untitled = kind == WEB_JSONL && web_untitled_records(pc);
	web_lines(in, fm, pc, f, kind != WEB_VERTICAL);
	g_array_free(pc, TRUE);
	/* Records none of which has a title ("{"label": …, "text": …}" a
	 * line): the first is one of them, not the title of the rest. */
	for (off = fm; untitled && f->title == NULL && off < in->nlines;
	    off++)
		if (!in->lines[off].blank) {
			in->lines[off].body = 1;
			break;
		}
	if (f->markup > 0)
		dc_msg(DC_WARN_GENERIC, first, 0, "read as %s: "
		    "%zu tags, marks and fields taken out (--keep-markup "
		    "keeps them)", web_kind_name[kind], f->markup);
}

/*
 * Is line i a field line ("媒體: 點新聞", "備份: Video Archive") that
 * stands beside a label the web pass knows: the label line lab right
 * (or field line) before it, or one right after (blank lines
 * between)?  A page's
 * header names its own fields; the unknown ones among known ones are
 * fields too, not the title's next line.
 */
static int
web_field_beside(const struct dc_input *in, size_t i, size_t lab)
{
	size_t	 q;

	if (!g_regex_match(R(RX_FIELD), in->lines[i].text, 0, NULL) ||
	    g_regex_match(R(RX_LABEL), in->lines[i].text, 0, NULL))
		return 0;
	for (q = i; q > 0 && (q == i || in->lines[q].blank); q--)
		if (q - 1 == lab)
			return 1;
	for (q = i + 1; q < in->nlines && in->lines[q].blank; q++)
		;
	return q < in->nlines && g_regex_match(R(RX_LABEL),
	    in->lines[q].text, 0, NULL);
}

/* Is front matter key k another date of the text's: a publication's
 * or the last change's ("pubDate", "published", "last_modified_at",
 * "updated", "lastmod")? */
static int
web_fm_date_key(const char *k)
{
	static const char *const keys[] = {
		"published", "pubdate", "publishdate", "publish_date",
		"date_published", "last_modified_at", "lastmod", "updated",
		"modified", "last_modified", NULL
	};
	const char *const *p;

	for (p = keys; *p != NULL; p++)
		if (g_ascii_strcasecmp(k, *p) == 0)
			return 1;
	return 0;
}

/* Is v a date and nothing else ("2021-05-01", "2021/5/1 10:20",
 * "2021年5月1日")?  A key of any name ("time", "created", "日期")
 * whose whole value is one names the text's date. */
static int
web_fm_dated(const char *v)
{
	return g_regex_match_simple("^[12][0-9]{3}([-/.]|年)(0?[1-9]|1[0-2])"
	    "([-/.]|月)(0?[1-9]|[12][0-9]|3[01])日?([ T][0-9:.+Z -]*)?$",
	    v, 0, 0);
}

/* Does a front matter key say time ("time", "created_at", "日期")? */
static int
web_fm_timed_key(const char *k)
{
	static const char *const w[] = { "date", "time", "Date", "Time",
	    "DATE", "TIME", "day", "Day", "日期", "时间", "時間", NULL };
	size_t	 i;

	for (i = 0; w[i] != NULL; i++)
		if (strstr(k, w[i]) != NULL)
			return 1;
	return web_fm_date_key(k);
}

/*
 * Read front matter ("key: value" of YAML, "key = value" of TOML,
 * between fences): its title, subtitle, date, author and source go to
 * f (they win over a reader's guess, as a label does), an address
 * among its values to the URLs; its other keys (layout, tags, an
 * image) are no text.  The block becomes blank lines, with a warning
 * naming what was left out.  (With --keep-markup it stays, for
 * dc_frontmatter() to keep verbatim.)
 */
/* The item of a YAML list at s (after "[", "," or "- "): up to a
 * comma or the closing bracket, its quotes off. */
static char *
web_fm_first(const char *s)
{
	char	*v = g_strndup(s, strcspn(s, ",]"));
	size_t	 n;

	g_strstrip(v);
	n = strlen(v);
	if (n >= 2 && (*v == '"' || *v == '\'') && v[n - 1] == *v) {
		v[n - 1] = '\0';
		memmove(v, v + 1, n - 1);
	}
	return v;
}

static void
web_frontmatter(struct dc_input *in, size_t fm, struct dc_found *f)
{
	static const char *const keys[] = {
		"title", "subtitle", "date", "author", "source"
	};
	char		**dst[] = { &f->title, &f->subtitle, &f->date,
			    &f->author, &f->from };
	struct dc_line	 *l = in->lines;
	GString		 *out = g_string_new(NULL);
	char		 *k, *v, *weak = NULL, *dated = NULL;
	char		 *dated_key = NULL;
	size_t		  i, j, n, first;

	for (first = 0; l[first].blank; first++)
		;
	for (i = first + 1; i + 1 < fm; i++) {
		/* An indented line is a nested key's or a value's. */
		if (l[i].indent > 0)
			continue;
		n = strcspn(l[i].text, ":=");
		if (l[i].text[n] == '\0' || n == 0 || n > 20)
			continue;
		k = g_strstrip(g_strndup(l[i].text, n));
		v = g_strstrip(g_strdup(l[i].text + n + 1));
		/* A YAML block scalar (">", "|-"…): its value is the
		 * indented lines under the key, folded to one. */
		if (g_regex_match_simple("^[>|][-+]?[0-9]?$", v, 0, 0)) {
			GString *b = g_string_new(NULL);
			for (j = i + 1; j + 1 < fm && (l[j].blank ||
			    l[j].indent > 0); j++) {
				if (l[j].blank)
					continue;
				if (b->len > 0 && l[j].lang == DC_LANG_EN)
					g_string_append_c(b, ' ');
				g_string_append(b, l[j].text);
			}
			g_free(v);
			v = g_string_free(b, FALSE);
			i = j - 1;	/* its lines are read */
		}
		if (strlen(v) >= 2 && (*v == '"' || *v == '\'') &&
		    v[strlen(v) - 1] == *v) {
			v[strlen(v) - 1] = '\0';
			memmove(v, v + 1, strlen(v));
		}
		for (j = 0; j < G_N_ELEMENTS(keys); j++)
			if (g_ascii_strcasecmp(k, keys[j]) == 0)
				break;
		/* Hugo's "authors": the author's key. */
		if (g_ascii_strcasecmp(k, "authors") == 0)
			j = 3;
		/* The authors as a list ("[\"甲\", \"乙\"]", or "- 甲"
		 * lines under the key): its items, "、" between them. */
		if (j == 3 && ((*v == '[' && v[strlen(v) - 1] == ']') ||
		    (*v == '\0' &&
		    i + 2 < fm && l[i + 1].indent > 0 &&
		    g_str_has_prefix(l[i + 1].text, "- ")))) {
			GString *b = g_string_new(NULL);
			const char *q = v + 1;
			char *it;
			size_t r;
			if (*v == '[')
				for (; *q != '\0' && *q != ']';
				    q += strcspn(q, ",]"), q += *q == ',') {
					it = web_fm_first(q);
					if (*it != '\0')
						g_string_append_printf(b,
						    "%s%s", b->len > 0 ?
						    "、" : "", it);
					g_free(it);
				}
			else
				for (r = i + 1; r + 1 < fm && l[r].indent > 0 &&
				    g_str_has_prefix(l[r].text, "- "); r++) {
					it = web_fm_first(l[r].text + 2);
					g_string_append_printf(b, "%s%s",
					    b->len > 0 ? "、" : "", it);
					g_free(it);
				}
			g_free(v);
			v = g_string_free(b, FALSE);
		}
		/* A key of another date ("last_modified_at", "updated",
		 * "published"): the date where no "date" key gives one. */
		if (j == G_N_ELEMENTS(keys) && *v != '\0' &&
		    web_fm_date_key(k)) {
			if (weak == NULL)
				weak = g_strdup(v);
			g_free(k);
			g_free(v);
			continue;
		}
		/* A date under a key of any name: the first, whose key is
		 * said left out if a "date" key wins.  A dotted one
		 * ("2023.1.15") is a version's as often, unless its key
		 * says time. */
		if (j == G_N_ELEMENTS(keys) && dated == NULL &&
		    web_fm_dated(v) && (strchr(v, '.') == NULL ||
		    web_fm_timed_key(k))) {
			dated = g_strdup(v);
			dated_key = k;
			g_free(v);
			continue;
		}
		if (j < G_N_ELEMENTS(keys) && *v != '\0' && *dst[j] == NULL)
			*dst[j] = g_strdup(v);
		else if (web_target(v) && v[0] != '/' && v[0] != '#')
			g_ptr_array_add(f->urls, g_strdup(v));
		else if (j == G_N_ELEMENTS(keys))
			g_string_append_printf(out, "%s%s", out->len > 0 ?
			    ", " : "", k);
		g_free(k);
		g_free(v);
	}
	/* A "date" key wins; then a date under a key of another name
	 * (the text's own: "time", "created"); then a change's date. */
	if (f->date == NULL && dated != NULL) {
		f->date = dated;
		dated = NULL;
	} else if (dated != NULL)
		g_string_append_printf(out, "%s%s", out->len > 0 ? ", " : "",
		    dated_key);
	g_free(dated_key);
	if (f->date == NULL)
		f->date = weak;
	else
		g_free(weak);
	g_free(dated);
	dc_msg(DC_WARN_FRONTMATTER, l[first].lineno, 0, "lines %d-%d read "
	    "into the metadata%s%s", l[first].lineno, l[fm - 1].lineno,
	    out->len > 0 ? "; left out: " : "", out->str);
	for (i = first; i < fm; i++) {
		l[i].text[0] = '\0';
		l[i].len = 0;
		l[i].blank = 1;
		l[i].lang = -1;
	}
	g_string_free(out, TRUE);
}

/* One key of a header (web_kv_header()). */
static void
web_kv_field(struct dc_found *f, const char *k, const char *v)
{
	const char	*sl;

	if (*v == '\0')
		return;
	if ((strcmp(k, "title") == 0 || strcmp(k, "name") == 0 ||
	    strcmp(k, "headline") == 0) && f->title == NULL) {
		/* "English / 中文": a title in each language. */
		if ((sl = strstr(v, " / ")) != NULL &&
		    dc_text_lang(v, (size_t)(sl - v)) !=
		    dc_text_lang(sl + 3, strlen(sl + 3))) {
			f->title = g_strndup(v, (size_t)(sl - v));
			f->title2 = g_strdup(sl + 3);
		} else
			f->title = g_strdup(v);
	} else if ((g_str_has_prefix(k, "author") || strcmp(k, "by") == 0 ||
	    strcmp(k, "byline") == 0 || strcmp(k, "作者") == 0) &&
	    f->author == NULL) {
		if ((f->author = web_author_post(f, v)) == NULL)
			f->author = g_strdup(v);
	} else if ((g_str_has_suffix(k, "date") || strcmp(k, "published") == 0 ||
	    g_str_has_suffix(k, "日期")) && f->date == NULL)
		f->date = g_strdup(v);
	else if (strcmp(k, "url") == 0 || strcmp(k, "link") == 0)
		g_ptr_array_add(f->urls, g_strdup(v));
}

/*
 * A header of capitalised keys over the text, as Pelican and mail
 * write one ("Title: …", "Date: …", "Authors: …", "Slug: …"): the
 * text's first lines, three or more, each "Key: value", up to a blank
 * line, two of the keys (the first among them) a post's header has.
 * Returns the line after it, or from if there is none.  Dialogue
 * ("Host: Hello") has no such keys.
 */
static size_t
web_kv_block(const struct dc_input *in, size_t from)
{
	static const char *const known[] = { "title", "date", "author",
	    "authors", "tags", "tag", "category", "categories", "slug",
	    "summary", "modified", "updated", "keywords", "lang",
	    "description", "subtitle", "status", NULL };
	const struct dc_line	*l;
	size_t			 i, k, n = 0, hits = 0, first = 0;
	const char		*p;

	for (i = from; i < in->nlines && in->lines[i].blank; i++)
		;
	for (; i < in->nlines && !in->lines[i].blank; i++, n++) {
		l = &in->lines[i];
		if (!g_ascii_isupper(l->text[0]) || l->heading > 0)
			return from;
		for (p = l->text; g_ascii_isalpha(*p) || *p == '_' ||
		    *p == '-'; p++)
			;
		if (*p != ':' || (p[1] != ' ' && p[1] != '\t') ||
		    p - l->text > 20)
			return from;
		for (k = 0; known[k] != NULL; k++)
			if (strlen(known[k]) == (size_t)(p - l->text) &&
			    g_ascii_strncasecmp(known[k], l->text,
			    (size_t)(p - l->text)) == 0)
				break;
		hits += known[k] != NULL;
		if (n == 0)
			first = known[k] != NULL;
	}
	return n >= 3 && hits >= 2 && first && i < in->nlines ? i : from;
}

/*
 * A header of "key: value" lines near the top, as exporters write them
 * ("keywords: …", "authors/作者: …", "publish date: …", "name : A / B",
 * "level : 2"): two such lines among the first twelve make it one.
 * Its title, author and date go to f, its other keys nowhere; the
 * lines go.  A title "English / 中文" gives both titles.
 */
static void
web_kv_header(struct dc_input *in, size_t from, struct dc_found *f)
{
	GMatchInfo	*mi = NULL;
	size_t		 i, j, seen = 0, keys = 0, end;
	char		*k, *v;
	GString		*out;

	if ((end = web_kv_block(in, from)) > from) {
		int ln = 0;
		out = g_string_new(NULL);
		for (i = j = from; i < in->nlines; i++) {
			if (i >= end || in->lines[i].blank) {
				in->lines[j++] = in->lines[i];
				continue;
			}
			if (ln == 0)
				ln = in->lines[i].lineno;
			v = strchr(in->lines[i].text, ':');
			k = g_ascii_strdown(in->lines[i].text,
			    v - in->lines[i].text);
			if (strcmp(k, "title") != 0 &&
			    !g_str_has_prefix(k, "author") &&
			    strcmp(k, "date") != 0)
				g_string_append_printf(out, "%s%s",
				    out->len > 0 ? ", " : "", k);
			web_kv_field(f, k, g_strstrip(v + 1));
			f->markup++;
			g_free(k);
			g_free(in->lines[i].text);
		}
		in->nlines = j;
		dc_msg(DC_WARN_FRONTMATTER, ln, 0,
		    "a header of keys read into the metadata%s%s",
		    out->len > 0 ? "; left out: " : "", out->str);
		g_string_free(out, TRUE);
		return;
	}
	/* A heading the markup marks ("### term: 释义" in a glossary)
	 * is the text's, never a field of its header. */
	for (end = from; end < in->nlines && seen < 12; end++)
		if (!in->lines[end].blank) {
			seen++;
			keys += in->lines[end].heading <= 0 && g_regex_match(
			    R(RX_KEY), in->lines[end].text, 0, NULL);
		}
	if (keys < 2)
		return;
	for (i = j = from; i < in->nlines; i++) {
		if (i >= end || in->lines[i].blank ||
		    in->lines[i].heading > 0 ||
		    !g_regex_match(R(RX_KEY), in->lines[i].text, 0, &mi)) {
			g_match_info_free(mi);
			mi = NULL;
			in->lines[j++] = in->lines[i];
			continue;
		}
		k = g_match_info_fetch(mi, 1);
		v = g_match_info_fetch(mi, 2);
		g_match_info_free(mi);
		mi = NULL;
		web_kv_field(f, k, v != NULL ? g_strstrip(v) : "");
		f->markup++;
		g_free(k);
		g_free(v);
		g_free(in->lines[i].text);
	}
	in->nlines = j;
}

/* The id of a numbered line ("12  text", "7" alone): its number, the
 * bytes of it and the white space after it in *len; -1 if none.  The
 * number stands apart by two spaces, a tab or an ideographic space,
 * not one (a list's "3 apples" is text). */
static long
web_line_id(const char *s, size_t *len)
{
	const char	*p = s;
	long		 v = 0;

	while (g_ascii_isdigit(*p) && p - s < 7)
		v = v * 10 + (*p++ - '0');
	if (p == s || g_ascii_isdigit(*p))
		return -1;
	if (*p == '\0') {
		*len = (size_t)(p - s);
		return v;
	}
	if (!(p[0] == '\t' || (p[0] == ' ' && p[1] == ' ') ||
	    strncmp(p, "\xE3\x80\x80", 3) == 0))
		return -1;
	while (*p == ' ' || *p == '\t' || strncmp(p, "\xE3\x80\x80", 3) == 0)
		p += *p == ' ' || *p == '\t' ? 1 : 3;
	*len = (size_t)(p - s);
	return v;
}

/*
 * A corpus of numbered lines: each line opens with its number, 1, 2,
 * 3, ..., apart from the text ("1  北京——…", "2  然后…"), as corpora
 * keep a text's paragraphs by id.  Where nine in ten of five or more
 * lines do and the numbers run on by one, the ids go (counted as
 * markup, as a container's id fields are); a line of an id alone is
 * blank.
 */
static void
web_line_ids(struct dc_input *in, size_t from, struct dc_found *f)
{
	size_t	 i, n = 0, ided = 0, run = 0, len;
	long	 v, prev = -1;

	for (i = from; i < in->nlines; i++) {
		if (in->lines[i].blank)
			continue;
		n++;
		if ((v = web_line_id(in->lines[i].text, &len)) < 0)
			continue;
		ided++;
		run += prev >= 0 && v == prev + 1;
		if (prev < 0 && v > 1)
			return;
		prev = v;
	}
	if (n < 5 || ided * 10 < n * 9 || (run + 1) * 10 < ided * 9)
		return;
	for (i = from; i < in->nlines; i++) {
		struct dc_line *l = &in->lines[i];
		if (l->blank || web_line_id(l->text, &len) < 0)
			continue;
		memmove(l->text, l->text + len, l->len - len + 1);
		l->len -= len;
		l->blank = l->len == 0;
		l->lang = l->blank ? -1 : dc_text_lang(l->text, l->len);
		f->markup++;
	}
	dc_msg(DC_WARN_GENERIC, in->lines[from].lineno, 0, "read as "
	    "numbered lines: %zu line ids taken out (--keep-markup keeps "
	    "them)", ided);
}

static void	 web_title_again(struct dc_input *, size_t, struct dc_found *);

/*
 * The value v of a body label ("正文：") when it is itself a label of
 * the text's source, editor or original title ("原标题：…", "来源：…"),
 * as scrapers glue the two: the label is read (to f), and 1 returned.
 */
static int
web_body_label(struct dc_found *f, const char *v, const struct dc_line *l)
{
	GMatchInfo	*mi = NULL;
	enum web_label	 k = WL_BODY;
	char		*w, *x = NULL;

	if ((strchr(v, ':') != NULL || strstr(v, "：") != NULL) &&
	    g_regex_match(R(RX_LABEL), v, 0, &mi)) {
		w = g_match_info_fetch(mi, 1);
		x = g_match_info_fetch(mi, 2);
		k = web_label_kind(w);
		g_free(w);
	}
	g_match_info_free(mi);
	if (x == NULL || (k != WL_ORIGTITLE && k != WL_FROM &&
	    k != WL_EDITOR) || *g_strstrip(x) == '\0') {
		g_free(x);
		return 0;
	}
	web_label(f, k, x, l);
	g_free(x);
	return 1;
}

/*
 * Take web markup (unless keep) and crawler labels out of the input's
 * lines, before the dialect is chosen; what they said goes to f (initialised here;
 * dc_found_apply() and dc_found_free() take it from there).  Labels
 * that describe the text (title, author, date, "正文：") count only
 * before the body starts; those of its source and editor anywhere.
 */
void
dc_input_web(struct dc_input *in, struct dc_found *f, int keep)
{
	struct dc_line	*l;
	GMatchInfo	*mi = NULL;
	size_t		 i, j, fm, content = 0, lab = (size_t)-1;
	int		 body = 0, mark = 0;
	enum web_label	 k;
	char		*w, *v;

	memset(f, 0, sizeof(*f));
	f->nodes = g_ptr_array_new();
	f->urls = g_ptr_array_new_with_free_func(g_free);
	f->nav = g_ptr_array_new_with_free_func(g_free);
	fm = dc_frontmatter_end(in->lines, in->nlines);
	if (fm > 0 && !keep)
		web_frontmatter(in, fm, f);
	if (!keep)
		web_annotations(in, fm, f);
	web_markup(in, fm, f, keep);
	/* The front matter (or a record's field) named the title: the
	 * headings the markup marks are the sections', none is a second
	 * title; nor is a first line numbered as a section is ("一、去年"
	 * opening a record's text, "二、现状" below it). */
	if (f->title != NULL) {
		web_title_again(in, fm, f);
		for (i = fm; i < in->nlines; i++)
			in->lines[i].section = in->lines[i].heading > 0;
		for (i = fm; i < in->nlines && in->lines[i].blank; i++)
			;
		if (i < in->nlines && g_regex_match(R(RX_NUMHEAD),
		    in->lines[i].text, 0, NULL))
			in->lines[i].section = 1;
	}
	web_kv_header(in, fm, f);
	if (!keep)
		web_line_ids(in, fm, f);

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
		if (!body && content <= 2 && web_field_beside(in, i, lab)) {
			/* A field of the page's own beside its labels (a
			 * run of them: the next is beside this one). */
			web_node(f, DC_SOURCE, DC_SUB_FROM, l->text, l);
			f->markup++;
			lab = i;
			g_free(l->text);
			continue;
		}
		/* No colon, no label: the matcher would read the line
		 * through (its UTF-8 checked) to fail at its start. */
		if ((strchr(l->text, ':') != NULL ||
		    strstr(l->text, "：") != NULL) &&
		    g_regex_match(R(RX_LABEL), l->text, 0, &mi)) {
			lab = i;
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
			/* "標題：[預留 Logo 位置]": a template's placeholder
			 * in brackets names nothing; the line is the
			 * text's. */
			if ((k == WL_TITLE || k == WL_SUBTITLE ||
			    k == WL_AUTHOR) && web_placeholder(v)) {
				g_free(v);
				goto keep;
			}
			if (k == WL_BODY) {
				body = 1;
				if (*v == '\0')
					mark = 1;
				else if (web_body_label(f, v, l)) {
					/* "正文：原标题：…": the text opens
					 * with a label of its source. */
					mark = 1;
					g_free(v);
					g_free(l->text);
					continue;
				} else {
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
			/* "作者：某某 | 来源：某报 发布时间：…": a field each,
			 * a value ending where the next label begins. */
			while (g_regex_match(R(RX_LABEL_NEXT), v, 0, &mi)) {
				int ns, ne;
				char *nw, *nv;
				g_match_info_fetch_pos(mi, 0, &ns, &ne);
				nw = g_match_info_fetch(mi, 1);
				nv = g_strdup(v + ne);
				g_match_info_free(mi);
				mi = NULL;
				/* A counter keeps its label: no field of the
				 * text's, the page's line as it was. */
				if (web_label_kind(nw) == WL_COUNT) {
					g_free(nv);
					nv = g_strdup(strstr(v + ns, nw));
				}
				v[ns] = '\0';
				g_strstrip(v);
				if (*v != '\0')
					web_label(f, k, v, l);
				k = web_label_kind(nw);
				g_free(v);
				g_free(nw);
				v = g_strstrip(nv);
			}
			g_match_info_free(mi);
			mi = NULL;
			/* "… | 2031-06-01": a date without its label. */
			{
				char *bar = strstr(v, "｜") != NULL ?
				    strstr(v, "｜") : strchr(v, '|');
				char *iso = NULL, *dt = NULL, *pl = NULL;
				if (bar != NULL && k != WL_DATE &&
				    dc_parse_date(bar + (*bar == '|' ? 1 : 3),
				    &iso, &dt, &pl) && pl == NULL) {
					char *dv = g_strstrip(g_strdup(bar +
					    (*bar == '|' ? 1 : 3)));
					*bar = '\0';
					g_strstrip(v);
					web_label(f, WL_DATE, dv, l);
					g_free(dv);
				}
				g_free(iso);
				g_free(dt);
				g_free(pl);
			}
			if (*v != '\0')
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

/* Text compared as a title: no white space, no marks. */
static char *
web_squeeze(const char *s)
{
	GString		*b = g_string_new(NULL);
	gunichar	 c;

	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		c = g_utf8_get_char(s);
		if (g_unichar_isalnum(c))
			g_string_append_unichar(b, g_unichar_tolower(c));
	}
	return g_string_free(b, FALSE);
}

/*
 * A post's first heading that says its front matter's title again
 * ("title: X", then "# X" over the text, as blog themes that print no
 * title want it): the title's line, no section of the text.
 */
static void
web_title_again(struct dc_input *in, size_t from, struct dc_found *f)
{
	struct dc_line	*l;
	size_t		 i;
	char		*a, *b;
	int		 same;

	for (i = from; i < in->nlines && in->lines[i].blank; i++)
		;
	if (i == in->nlines || in->lines[i].heading <= 0)
		return;
	l = &in->lines[i];
	a = web_squeeze(l->text);
	b = web_squeeze(f->title);
	same = strcmp(a, b) == 0;
	g_free(a);
	g_free(b);
	if (!same)
		return;
	web_node(f, DC_TITLE, DC_SUB_NONE, l->text, l);
	g_free(l->text);
	memmove(l, l + 1, (in->nlines - i - 1) * sizeof(*l));
	in->nlines--;
}

/* Put header node n among the document's header lines, by line. */
static void
found_insert(struct dc_doc *d, struct dc_node *n)
{
	struct dc_node	*at;

	/* A title or kicker goes before the other lines of its own
	 * line (a record's fields share one). */
	int	 first = n->type == DC_TITLE || n->type == DC_KICKER;

	for (at = d->root->child; at != NULL; at = at->next)
		if (!dc_type_is_header(at->type) ||
		    (at->type != DC_FRONTMATTER && (at->line > n->line ||
		    (first && at->line == n->line && at->type != DC_KICKER &&
		    at->type != DC_TITLE && at->type != DC_SUBTITLE))))
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
	if (f->title2 != NULL)
		dc_meta_set(&d->meta.l[LANG_OF(f->title2)].title, f->title2);
	if (f->subtitle != NULL)
		dc_meta_set(&d->meta.l[LANG_OF(f->subtitle)].subtitle,
		    f->subtitle);
	if (f->kicker != NULL)
		dc_meta_set(&d->meta.l[LANG_OF(f->kicker)].kicker, f->kicker);
	if (f->author != NULL)
		dc_meta_set(&d->meta.l[LANG_OF(f->author)].speaker, f->author);
	if (f->author != NULL && f->post != NULL &&
	    d->meta.l[LANG_OF(f->author)].role == NULL)
		dc_meta_set(&d->meta.l[lang].role, f->post);
	/* A speech's title names its speaker ("国家主席某某某发表…贺词")
	 * where no author does, wherever the title stands. */
	if (f->title != NULL)
		dc_title_speaker(&d->meta.l[LANG_OF(f->title)], f->title);
	/* A date label gives a date (and a time, which is no place);
	 * not over the occasion's, which dates a speech or a report
	 * (a label's is when a paper printed it). */
	if (f->date != NULL && !d->meta.date_occasion &&
	    dc_parse_date(f->date, &iso, &date, &place)) {
		/* The language of the date as taken, not of its time
		 * ("2025-04-08T22:15" has a Latin letter). */
		m = &d->meta.l[LANG_OF(date)];
		dc_meta_set(&d->meta.date_iso, iso);
		/* The date as written keeps ISO 8601's time of day (a
		 * time after a space is the date line's, beside it). */
		if (g_str_has_prefix(f->date, date) &&
		    f->date[strlen(date)] == 'T' &&
		    g_ascii_isdigit(f->date[strlen(date) + 1]))
			dc_meta_set(&m->date, f->date);
		else
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
	if (f->nav->len > 0 && d->meta.nav == NULL) {
		g_ptr_array_add(f->nav, NULL);
		d->meta.nav = (char **)g_ptr_array_free(f->nav, FALSE);
		f->nav = NULL;
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
	if (f->nav != NULL)
		g_ptr_array_free(f->nav, TRUE);
	g_free(f->title);
	g_free(f->title2);
	g_free(f->subtitle);
	g_free(f->kicker);
	g_free(f->author);
	g_free(f->post);
	g_free(f->site);
	g_free(f->date);
	g_free(f->from);
	g_free(f->orig_title);
	g_free(f->editor);
	memset(f, 0, sizeof(*f));
}
