/*
 * The news reader: one paragraph a line, indented with ideographic
 * spaces; a dateline and byline ("本报北京11月11日电  （记者刘慧、薛丹）")
 * open the first paragraph or, in some agencies' style, close the
 * last; title lines, if any, stand unindented at the top.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"

/* Dateline: who, where, when, and 电/讯; a byline in brackets may
 * follow after white space.  Month and day in any digits. */
#define NEWS_NUM "(?:\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})"
#define NEWS_DATELINE \
	"^[（(]?(.{0,24}?)((?:(?:\\d{4}|[０-９]{4})年)?" NEWS_NUM "月" \
	NEWS_NUM "日)(电|讯|消息|报道)"
#define NEWS_BYLINE \
	"^[\\s\\x{00A0}\\x{3000}]*([（(]([^（()）]{1,60})[）)])"

/* Agencies name themselves by these endings (新华社, 本报, 人民网). */
#define NEWS_AGENCY \
	"^(本报|本刊|本网|本台|新华社|中新社|.{1,8}?(?:社|报|网|台|刊|中心))(.*)$"

struct news_dl {
	char	*dateline;	/* the dateline text */
	char	*byline;	/* the byline text with brackets, or NULL */
	size_t	 end;		/* bytes of the paragraph they take */
};

static GRegex *
news_rx(GRegex **cache, const char *pat)
{
	if (*cache == NULL)
		*cache = g_regex_new(pat, 0, 0, NULL);
	return *cache;
}

/*
 * Record dateline and byline in the metadata: agency, place, date
 * (partial "--11-11" without a year), reporters.
 */
static void
news_meta(struct dc_doc *d, const char *where, const char *date,
    const char *by)
{
	static GRegex	*agency, *rep, *sp;
	GMatchInfo	*mi = NULL;
	char		*a, *p, *iso = NULL, *dt = NULL, *pl = NULL, *r;

	if (g_regex_match(news_rx(&agency, NEWS_AGENCY), where, 0, &mi)) {
		a = g_match_info_fetch(mi, 1);
		p = g_match_info_fetch(mi, 2);
		dc_meta_set(&d->meta.agency, a);
		if (*p != '\0')
			dc_meta_set(&d->meta.l[DC_LANG_ZH].place, p);
		g_free(a);
		g_free(p);
	} else if (*where != '\0')
		dc_meta_set(&d->meta.l[DC_LANG_ZH].place, where);
	g_match_info_free(mi);
	mi = NULL;
	if (dc_parse_date(date, &iso, &dt, &pl)) {
		dc_meta_set(&d->meta.date_iso, iso);
		dc_meta_set(&d->meta.l[DC_LANG_ZH].date, dt);
	}
	g_free(iso);
	g_free(dt);
	g_free(pl);
	if (by == NULL)
		return;
	/* "记者刘慧、薛丹" -> "刘慧、薛丹"; spaces between names -> 、 */
	r = g_regex_replace(news_rx(&rep, "^(本报|新华社|中新社)?(特派)?"
	    "(记者|通讯员|实习生|编辑)+\\s*"), by, -1, 0, "", 0, NULL);
	{
		/* Names are separated by 、, or by spaces of any width. */
		char *u = g_regex_replace_literal(news_rx(&sp,
		    "[\\s\\x{3000}\\x{00A0}]+"), r, -1, 0, " ", 0, NULL);
		g_free(r);
		r = g_strstrip(u);
	}
	{
		char **v = g_strsplit_set(r, " \t", -1);
		GString *b = g_string_new(NULL);
		for (int i = 0; v[i] != NULL; i++)
			if (*v[i] != '\0') {
				if (b->len > 0 && !g_str_has_suffix(b->str,
				    "、"))
					g_string_append(b, "、");
				g_string_append(b, v[i]);
			}
		g_strfreev(v);
		if (b->len > 0)
			dc_meta_set(&d->meta.reporters, b->str);
		g_string_free(b, TRUE);
	}
	g_free(r);
}

/*
 * Find a dateline (and byline) at the start of text.  Returns 1 and
 * fills *dl (strings g_malloc'd) or 0.
 */
static int
news_dateline(struct dc_doc *d, const char *text, struct news_dl *dl)
{
	static GRegex	*re, *by;
	GMatchInfo	*mi = NULL;
	char		*where, *date, *b = NULL;
	int		 st, en, bst, ben;

	memset(dl, 0, sizeof(*dl));
	if (!g_regex_match(news_rx(&re, NEWS_DATELINE), text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	where = g_match_info_fetch(mi, 1);
	date = g_match_info_fetch(mi, 2);
	g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	mi = NULL;
	/* A bracketed dateline closes with its bracket. */
	if ((text[0] == '(' || g_str_has_prefix(text, "（"))) {
		if (text[en] == ')')
			en += 1;
		else if (strncmp(text + en, "）", 3) == 0)
			en += 3;
	}
	dl->dateline = g_strndup(text, en);
	dl->end = en;
	if (g_regex_match(news_rx(&by, NEWS_BYLINE), text + en, 0, &mi)) {
		g_match_info_fetch_pos(mi, 1, &bst, &ben);
		b = g_match_info_fetch(mi, 2);
		if (strstr(b, "记者") != NULL || strstr(b, "通讯员") != NULL ||
		    g_utf8_strlen(b, -1) <= 12) {
			dl->byline = g_strndup(text + en + bst, ben - bst);
			dl->end = en + ben;
		} else {
			g_free(b);
			b = NULL;
		}
	}
	g_match_info_free(mi);
	news_meta(d, where, date, b);
	g_free(where);
	g_free(date);
	g_free(b);
	/* Skip white space after them. */
	while (text[dl->end] == ' ' || strncmp(text + dl->end, "\xC2\xA0",
	    2) == 0 || strncmp(text + dl->end, "　", 3) == 0)
		dl->end += text[dl->end] == ' ' ? 1 :
		    (text[dl->end] == '\xC2' ? 2 : 3);
	return 1;
}

/* "（记者　王明　李华）" closing a report: a byline node, or NULL. */
static struct dc_node *
news_tail_byline(struct dc_doc *d, const char *text)
{
	static GRegex	*re;
	GMatchInfo	*mi = NULL;
	char		*in;
	struct dc_node	*n = NULL;

	if (d->meta.reporters == NULL && g_regex_match(news_rx(&re,
	    "^[（(]((本报|新华社|中新社)?(特派)?(记者|通讯员)[^（()）]{1,40})"
	    "[）)]$"), text, 0, &mi)) {
		in = g_match_info_fetch(mi, 1);
		news_meta(d, "", "", in);
		g_free(in);
		n = dc_node_new(DC_BYLINE, DC_LANG_ZH, text, 0, 0);
	}
	g_match_info_free(mi);
	return n;
}

struct dc_doc *
dc_parse_news(const struct dc_input *in, const struct dc_opts *o)
{
	struct dc_doc	*d = dc_doc_new();
	const struct dc_line**l, **run;
	struct dc_node	 *b;
	struct news_dl	  dl, tail;
	GPtrArray	 *paras;
	size_t		  i, n = 0, h = 0, start, k, indented = 0;
	int		  mixed, *lines, *cols, havetail = 0;

	start = dc_frontmatter(d, in->lines, in->nlines);
	l = g_new(const struct dc_line *, in->nlines + 1);
	for (i = start; i < in->nlines; i++)
		if (!in->lines[i].blank) {
			l[n++] = &in->lines[i];
			if (in->lines[i].indent > 0)
				indented++;
		}

	/* Title lines: unindented and header-like, before the body. */
	h = dc_header_end(l, n);
	if (indented > 0) {
		for (i = 0; i < h && l[i]->indent == 0; i++)
			;
		h = i;
	}
	dc_header_lines(d, l, h);

	/* Paragraphs: where only some lines are indented, the indented
	 * ones start paragraphs and the others continue them. */
	mixed = indented > 0 && indented < n - h;
	paras = g_ptr_array_new_with_free_func(g_free);
	lines = g_new(int, n + 1);
	cols = g_new(int, n + 1);
	run = g_new(const struct dc_line *, n + 1);
	for (i = h; i < n; ) {
		k = 0;
		run[k++] = l[i++];
		while (mixed && i < n && l[i]->indent == 0)
			run[k++] = l[i++];
		lines[paras->len] = run[0]->lineno;
		cols[paras->len] = run[0]->col;
		g_ptr_array_add(paras, dc_join_lines(run, k, DC_LANG_ZH));
	}

	/* Dateline and byline: at the start of the first paragraph, or
	 * (bracketed) ending the last. */
	memset(&dl, 0, sizeof(dl));
	memset(&tail, 0, sizeof(tail));
	if (paras->len > 0 && news_dateline(d, paras->pdata[0], &dl)) {
		dc_node_append(d->root, dc_node_new(DC_DATELINE, DC_LANG_ZH,
		    dl.dateline, lines[0], cols[0]));
		if (dl.byline != NULL)
			dc_node_append(d->root, dc_node_new(DC_BYLINE,
			    DC_LANG_ZH, dl.byline, lines[0], cols[0]));
	}
	if (paras->len > 1) {
		const char *last = paras->pdata[paras->len - 1];
		struct dc_node *by;
		/* A byline alone in brackets closing the report. */
		if ((by = news_tail_byline(d, last)) != NULL) {
			havetail = 1;
			by->line = lines[paras->len - 1];
			dc_node_append(d->root, by);
		} else if (dl.dateline == NULL &&
		    (g_str_has_prefix(last, "（") || last[0] == '(')) {
			if (news_dateline(d, last, &tail) &&
			    tail.end == strlen(last)) {
				havetail = 1;
				dc_node_append(d->root, dc_node_new(DC_DATELINE,
				    DC_LANG_ZH, tail.dateline,
				    lines[paras->len - 1], 0));
				if (tail.byline != NULL)
					dc_node_append(d->root, dc_node_new(
					    DC_BYLINE, DC_LANG_ZH, tail.byline,
					    lines[paras->len - 1], 0));
			}
		}
	}
	for (i = 0; i < paras->len; i++) {
		const char *p = paras->pdata[i];
		if (i == 0)
			p += dl.end;
		if (havetail && i == paras->len - 1)
			break;
		if (*p == '\0')
			continue;
		b = dc_block_add(d, DC_PARA);
		dc_seg_add(b, DC_LANG_ZH, p, lines[i], cols[i]);
	}
	g_free(dl.dateline);
	g_free(dl.byline);
	g_free(tail.dateline);
	g_free(tail.byline);
	g_ptr_array_free(paras, TRUE);
	g_free(lines);
	g_free(cols);
	g_free(run);
	g_free(l);
	dc_body_roles(d);
	return d;
}
