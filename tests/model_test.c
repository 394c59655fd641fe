/*
 * Unit and acceptance tests of the model and the readers (GLib test
 * framework, TAP output).  The examples are read from $top_srcdir.
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "../src/docconv.h"
#include "../src/parse.h"
#include "../src/lines.h"
#include "../src/style.h"

static struct dc_opts	 opts;

/* A copy of s without U+3000. */
static char *
no_ideo_space(const char *s)
{
	GString	*g = g_string_new(NULL);

	for (; s != NULL && *s != '\0'; s++)
		if (strncmp(s, "\u3000", 3) == 0)
			s += 2;
		else
			g_string_append_c(g, *s);
	return g_string_free(g, FALSE);
}

/* Parse a file of examples/; fails the test if it does not parse. */
static struct dc_doc *
parse_example(const char *name)
{
	const char	*top = g_getenv("top_srcdir");
	char		*path;
	struct dc_doc	*d;

	path = g_build_filename(top != NULL ? top : "..", "examples", name,
	    NULL);
	d = dc_parse_file(path, &opts);
	g_assert_nonnull(d);
	g_assert_cmpint(dc_tree_check(d, stderr), ==, 0);
	g_free(path);
	return d;
}

static struct dc_doc *
parse_str(const char *s)
{
	struct dc_doc	*d;

	d = dc_parse_mem(s, strlen(s), "test.txt", &opts);
	g_assert_nonnull(d);
	g_assert_cmpint(dc_tree_check(d, stderr), ==, 0);
	return d;
}

static int
count_type(const struct dc_doc *d, enum dc_type t)
{
	const struct dc_node	*n;
	int			 c = 0;

	for (n = d->root->child; n != NULL; n = n->next)
		c += n->type == t;
	return c;
}

static int
count_header(const struct dc_doc *d, enum dc_type t, enum dc_lang l)
{
	const struct dc_node	*n;
	int			 c = 0;

	for (n = d->root->child; n != NULL; n = n->next)
		c += n->type == t && n->lang == l;
	return c;
}

/* All Chinese block text, joined. */
static char *
zh_blocks(const struct dc_doc *d)
{
	const struct dc_node	*n, *s;
	GString			*b = g_string_new(NULL);

	for (n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type) &&
		    (s = dc_node_seg(n, DC_LANG_ZH)) != NULL)
			g_string_append(b, s->text);
	return g_string_free(b, FALSE);
}

/* Enumerated paragraphs: check count and that each has a lead. */
static int
count_enum(const struct dc_doc *d, enum dc_lang l, const char *first)
{
	const struct dc_node	*n, *s;
	int			 c = 0;

	for (n = d->root->child; n != NULL; n = n->next) {
		if (n->type != DC_PARA || (s = dc_node_seg(n, l)) == NULL ||
		    s->enum_len == 0)
			continue;
		g_assert_cmpuint(s->lead_len, >, s->enum_len);
		g_assert_cmpuint(s->lead_len, <, strlen(s->text));
		if (c == 0 && first != NULL)
			g_assert_true(strncmp(s->text, first,
			    strlen(first)) == 0);
		c++;
	}
	return c;
}

static void
t_tokens_join(void)
{
	struct dc_node	*seg, *s;
	char		*j;
	const char	*toks[] = { "2020年", "11月", "SCO", "2020", "新",
	    "冠肺", "，", "H.E.", "Xi", NULL };
	int		 i;

	seg = dc_node_new(DC_SEG, DC_LANG_ZH, NULL, 1, 1);
	s = dc_node_append(seg, dc_node_new(DC_SENT, DC_LANG_ZH, NULL, 1,
	    1));
	for (i = 0; toks[i] != NULL; i++)
		dc_node_append(s, dc_node_new(DC_W, DC_LANG_ZH, toks[i], 1,
		    1));
	j = dc_tokens_join(seg);
	/* Space only between two Latin/digit tokens. */
	g_assert_cmpstr(j, ==, "2020年11月SCO 2020新冠肺，H.E. Xi");
	g_free(j);
	dc_node_free(seg);
}

static void
t_text_lang(void)
{
	g_assert_cmpint(dc_text_lang("谢谢大家。", strlen("谢谢大家。")), ==,
	    DC_LANG_ZH);
	g_assert_cmpint(dc_text_lang("Thank you.", 10), ==, DC_LANG_EN);
	g_assert_cmpint(dc_text_lang("COVID-19疫情", strlen("COVID-19疫情")),
	    ==, DC_LANG_ZH);
	g_assert_cmpint(dc_text_lang("2020 — 75", strlen("2020 — 75")), ==,
	    -1);
	/* Full-width Latin letters belong to Chinese text. */
	g_assert_cmpint(dc_text_lang("ＳＣＯ成员国", strlen("ＳＣＯ成员国")),
	    ==, DC_LANG_ZH);
}

static void
t_bilingual(void)
{
	struct dc_doc		*d = parse_example(
	    "speech-bilingual.zh-en.txt");
	const struct dc_meta	*m = &d->meta;
	const struct dc_node	*n;

	g_assert_cmpint(m->dialect, ==, DC_DIALECT_BILINGUAL);
	g_assert_cmpuint(m->langs, ==, 3);
	g_assert_cmpint(count_header(d, DC_TITLE, DC_LANG_ZH), ==, 2);
	g_assert_cmpint(count_header(d, DC_TITLE, DC_LANG_EN), ==, 2);
	g_assert_cmpint(count_header(d, DC_SUBTITLE, DC_LANG_ZH), ==, 1);
	g_assert_cmpstr(m->date_iso, ==, "2020-11-10");
	g_assert_cmpstr(m->l[DC_LANG_ZH].place, ==, "北京");
	g_assert_cmpstr(m->l[DC_LANG_EN].place, ==, "Beijing");
	g_assert_cmpstr(m->l[DC_LANG_ZH].speaker, ==, "习近平");
	g_assert_cmpstr(m->l[DC_LANG_ZH].role, ==, "中华人民共和国主席");
	g_assert_cmpstr(m->l[DC_LANG_EN].speaker, ==, "Xi Jinping");
	g_assert_cmpstr(m->l[DC_LANG_EN].role, ==,
	    "President of the People’s Republic of China");
	g_assert_nonnull(m->l[DC_LANG_EN].occasion);
	g_assert_true(g_str_has_prefix(m->l[DC_LANG_EN].occasion,
	    "At the 20th Meeting"));
	g_assert_cmpstr(m->collection, ==, "8");
	g_assert_cmpint(count_type(d, DC_SALUTATION), ==, 2);
	g_assert_cmpint(count_type(d, DC_VOCATIVE), ==, 3);
	g_assert_cmpint(count_type(d, DC_PARA), ==, 18);
	g_assert_cmpint(count_type(d, DC_CLOSING), ==, 1);
	g_assert_cmpint(count_enum(d, DC_LANG_ZH, "第一"), ==, 4);
	g_assert_cmpint(count_enum(d, DC_LANG_EN, "First"), ==, 4);
	/* Every block holds both languages, English beside its original. */
	for (n = d->root->child; n != NULL; n = n->next) {
		if (!dc_type_is_block(n->type))
			continue;
		g_assert_nonnull(dc_node_seg(n, DC_LANG_ZH));
		g_assert_nonnull(dc_node_seg(n, DC_LANG_EN));
		if (n->type == DC_VOCATIVE) {
			g_assert_cmpstr(dc_node_seg(n, DC_LANG_ZH)->text, ==,
			    "各位同事！");
			g_assert_cmpstr(dc_node_seg(n, DC_LANG_EN)->text, ==,
			    "Colleagues,");
		}
		if (n->type == DC_CLOSING) {
			g_assert_cmpstr(dc_node_seg(n, DC_LANG_ZH)->text, ==,
			    "谢谢大家。");
			g_assert_cmpstr(dc_node_seg(n, DC_LANG_EN)->text, ==,
			    "Thank you.");
		}
	}
	g_assert_cmpint(dc_msg_level(), <, DC_LEVEL_WARNING);
	dc_doc_free(d);
}

static void
t_segmented(void)
{
	struct dc_doc	*s = parse_example("speech-segmented.zh.txt");
	struct dc_doc	*b = parse_example("speech-bilingual.zh-en.txt");
	const struct dc_node *n, *seg, *t, *w;
	char		*js, *jb;
	size_t		 ntok = 0;

	g_assert_cmpint(s->meta.dialect, ==, DC_DIALECT_SEGMENTED);
	/* De-segmentation gives back the Chinese text exactly. */
	js = zh_blocks(s);
	jb = zh_blocks(b);
	g_assert_cmpstr(js, ==, jb);
	g_free(js);
	g_free(jb);
	/*
	 * The same Chinese metadata; the title but for the ideographic
	 * space that joins its two lines in the bilingual text (the
	 * segmented one has it on one line).
	 */
	js = no_ideo_space(s->meta.l[DC_LANG_ZH].title);
	jb = no_ideo_space(b->meta.l[DC_LANG_ZH].title);
	g_assert_cmpstr(js, ==, jb);
	g_free(js);
	g_free(jb);
	g_assert_cmpstr(s->meta.l[DC_LANG_ZH].subtitle, ==,
	    b->meta.l[DC_LANG_ZH].subtitle);
	g_assert_cmpstr(s->meta.l[DC_LANG_ZH].speaker, ==, "习近平");
	g_assert_cmpstr(s->meta.l[DC_LANG_ZH].role, ==, "中华人民共和国主席");
	g_assert_cmpstr(s->meta.l[DC_LANG_ZH].place, ==, "北京");
	g_assert_cmpstr(s->meta.date_iso, ==, "2020-11-10");
	g_assert_cmpint(count_type(s, DC_SALUTATION), ==, 2);
	g_assert_cmpint(count_type(s, DC_VOCATIVE), ==, 3);
	g_assert_cmpint(count_type(s, DC_CLOSING), ==, 1);
	g_assert_cmpint(count_enum(s, DC_LANG_ZH, "第一"), ==, 4);
	/* Every token kept: count them against the input's tokens. */
	for (n = s->root->child; n != NULL; n = n->next) {
		const struct dc_node *top = dc_type_is_header(n->type) ? n :
		    dc_node_seg(n, DC_LANG_ZH);
		g_assert_nonnull(top);
		for (t = top->child; t != NULL; t = t->next)
			for (w = t->child; w != NULL; w = w->next)
				ntok++;
		(void)seg;
	}
	{
		const char *top = g_getenv("top_srcdir");
		char *path = g_build_filename(top ? top : "..", "examples",
		    "speech-segmented.zh.txt", NULL), *buf;
		char **v;
		size_t in = 0;
		g_assert_true(g_file_get_contents(path, &buf, NULL, NULL));
		g_strdelimit(buf, "\n", ' ');
		v = g_strsplit(buf, " ", -1);
		for (int i = 0; v[i] != NULL; i++)
			in += *v[i] != '\0';
		g_assert_cmpuint(ntok, ==, in);
		g_strfreev(v);
		g_free(buf);
		g_free(path);
	}
	dc_doc_free(s);
	dc_doc_free(b);
}

static void
t_news(void)
{
	struct dc_doc	*d = parse_example("news-report.zh.txt");

	g_assert_cmpint(d->meta.dialect, ==, DC_DIALECT_NEWS);
	g_assert_cmpstr(d->meta.agency, ==, "本报");
	g_assert_cmpstr(d->meta.l[DC_LANG_ZH].place, ==, "北京");
	g_assert_cmpstr(d->meta.date_iso, ==, "--11-11");
	g_assert_nonnull(strstr(d->meta.reporters, "刘慧"));
	g_assert_nonnull(strstr(d->meta.reporters, "薛丹"));
	g_assert_cmpint(count_type(d, DC_DATELINE), ==, 1);
	g_assert_cmpint(count_type(d, DC_BYLINE), ==, 1);
	g_assert_cmpint(count_type(d, DC_PARA), ==, 10);
	g_assert_cmpint(count_enum(d, DC_LANG_ZH, "一是"), ==, 4);
	/* No title in the text: placeholder, and a warning. */
	g_assert_true(d->meta.title_default);
	g_assert_nonnull(d->meta.l[DC_LANG_ZH].title);
	g_assert_cmpint(dc_msg_count(DC_WARN_NO_TITLE), >, 0);
	dc_doc_free(d);
}

/* The bilingual example with one English line deleted: a warning
 * naming the Chinese line left alone, and no text dropped. */
static void
t_missing_line(void)
{
	const char	*top = g_getenv("top_srcdir");
	char		*path, *buf, **v, *txt, *zh = NULL, *all;
	struct dc_doc	*d;
	const struct dc_node *n;
	int		 before = dc_msg_count(DC_WARN_UNPAIRED_ZH);
	int		 i, cut = -1, zhonly = 0;
	GString		*b = g_string_new(NULL);

	path = g_build_filename(top ? top : "..", "examples",
	    "speech-bilingual.zh-en.txt", NULL);
	g_assert_true(g_file_get_contents(path, &buf, NULL, NULL));
	v = g_strsplit(buf, "\n", -1);
	/* Delete the English line after the Chinese "第二，…". */
	for (i = 0; v[i] != NULL; i++) {
		if (cut < 0 && g_str_has_prefix(v[i], "第二，")) {
			cut = i + 1;
			zh = v[i];
		}
		if (i == cut)
			continue;
		g_string_append(b, v[i]);
		if (v[i + 1] != NULL)
			g_string_append_c(b, '\n');
	}
	g_assert_cmpint(cut, >, 0);
	txt = g_string_free(b, FALSE);
	d = parse_str(txt);
	g_assert_cmpint(dc_msg_count(DC_WARN_UNPAIRED_ZH), ==, before + 1);
	for (n = d->root->child; n != NULL; n = n->next)
		if (dc_type_is_block(n->type) &&
		    dc_node_seg(n, DC_LANG_EN) == NULL) {
			zhonly++;
			g_assert_cmpstr(dc_node_seg(n, DC_LANG_ZH)->text, ==, zh);
		}
	g_assert_cmpint(zhonly, ==, 1);
	g_assert_cmpint(count_type(d, DC_PARA), ==, 18);
	g_assert_cmpint(count_type(d, DC_VOCATIVE), ==, 3);
	/* Every Chinese line is still there. */
	all = zh_blocks(d);
	for (i = 0; v[i] != NULL; i++)
		if (i > 12 && dc_text_lang(v[i], strlen(v[i])) == DC_LANG_ZH)
			g_assert_nonnull(strstr(all, v[i]));
	g_free(all);
	g_free(txt);
	g_strfreev(v);
	g_free(buf);
	g_free(path);
	dc_doc_free(d);
}

/* Same model for LF, CRLF, CR, BOM and blank lines between lines. */
static void
t_line_ends(void)
{
	const char	*lf = "标题\n\n尊敬的朋友们：\n合作是唯一正确的选择。\n"
	    "谢谢！\n";
	const char	*crlf = "\xEF\xBB\xBF标题\r\n\r\n尊敬的朋友们：\r\n"
	    "合作是唯一正确的选择。\r\n谢谢！";
	struct dc_doc	*a = parse_str(lf), *b = parse_str(crlf);
	char		*ta, *tb;
	size_t		 la, lb;
	FILE		*fa, *fb;

	fa = open_memstream(&ta, &la);
	fb = open_memstream(&tb, &lb);
	render_tree(a, &opts, fa);
	render_tree(b, &opts, fb);
	fclose(fa);
	fclose(fb);
	g_assert_cmpstr(ta, ==, tb);
	g_assert_cmpint(count_type(a, DC_SALUTATION), ==, 1);
	g_assert_cmpstr(a->meta.l[DC_LANG_ZH].title, ==, "标题");
	free(ta);
	free(tb);
	dc_doc_free(a);
	dc_doc_free(b);
}

/* Title line holding the subtitle; Traditional Chinese; full-width
 * digits; Chinese-numeral dates. */
static void
t_header_forms(void)
{
	struct dc_doc	*d = parse_str(
	    "攜手共進——在合作論壇開幕式上的致辭\n"
	    "（二〇一九年四月二十六日，北京）\n"
	    "國務院總理　李強\n"
	    "各位來賓，女士們，先生們：\n"
	    "很高興同大家見面。合作共贏是時代潮流。\n"
	    "第一，堅持開放。開放帶來進步，封閉必然落後。\n"
	    "謝謝大家！\n");

	g_assert_cmpstr(d->meta.l[DC_LANG_ZH].title, ==, "攜手共進");
	g_assert_cmpstr(d->meta.l[DC_LANG_ZH].subtitle, ==,
	    "在合作論壇開幕式上的致辭");
	g_assert_cmpstr(d->meta.date_iso, ==, "2019-04-26");
	g_assert_cmpstr(d->meta.l[DC_LANG_ZH].place, ==, "北京");
	g_assert_cmpstr(d->meta.l[DC_LANG_ZH].speaker, ==, "李強");
	g_assert_cmpint(count_type(d, DC_SALUTATION), ==, 1);
	g_assert_cmpint(count_type(d, DC_CLOSING), ==, 1);
	g_assert_cmpint(count_enum(d, DC_LANG_ZH, "第一"), ==, 1);
	dc_doc_free(d);
}

/* Segmented text with ideographic spaces as separators. */
static void
t_segmented_u3000(void)
{
	struct dc_doc	*d = parse_str(
	    "合作　共赢　的　新　时代\n"
	    "我们　要　加强　合作　，　共同　应对　挑战　。\n"
	    "各方　同舟共济　，　守望　相助　。\n");
	const struct dc_node *n;

	g_assert_cmpint(d->meta.dialect, ==, DC_DIALECT_SEGMENTED);
	for (n = d->root->child; n != NULL; n = n->next)
		if (n->type == DC_PARA) {
			g_assert_null(strstr(dc_node_seg(n, DC_LANG_ZH)->text,
			    "　"));
			break;
		}
	g_assert_nonnull(n);
	dc_doc_free(d);
}

/* Front matter read into the metadata, not kept as text. */
static void
t_frontmatter(void)
{
	struct dc_doc	*d = parse_str("---\ntitle: \"合作共赢\"\n"
	    "date: 2021-01-01\n---\n这是第一段。内容很长很长。\n"
	    "这是第二段。\n");

	g_assert_cmpint(count_type(d, DC_FRONTMATTER), ==, 0);
	g_assert_cmpstr(d->meta.date_iso, ==, "2021-01-01");
	g_assert_cmpstr(d->meta.l[DC_LANG_ZH].title, ==, "合作共赢");
	g_assert_cmpint(count_type(d, DC_PARA), ==, 2);
	dc_doc_free(d);
}

/* Nothing recognisable: plain paragraphs, never lost text. */
static void
t_plain(void)
{
	struct dc_doc	*d = parse_str("Just some notes\n\nfirst line\n"
	    "second line\n\nanother block\n");
	const struct dc_node *n;
	GString		*all = g_string_new(NULL);

	for (n = d->root->child; n != NULL; n = n->next) {
		if (n->text != NULL)
			g_string_append(all, n->text);
		if (dc_type_is_block(n->type))
			g_string_append(all, n->child->text);
		g_string_append_c(all, '|');
	}
	g_assert_nonnull(strstr(all->str, "first line second line"));
	g_assert_nonnull(strstr(all->str, "another block"));
	g_assert_nonnull(strstr(all->str, "Just some notes"));
	g_string_free(all, TRUE);
	dc_doc_free(d);
}

/*
 * Contents labels of parts: the vocative and the opening of its first
 * paragraph, so that vocatives that repeat are told apart; a vocative
 * with no paragraph after it is itself.
 */
static void
t_part_labels(void)
{
	struct dc_doc	*d = parse_example("speech-bilingual.zh-en.txt");
	struct dc_doc	*o = parse_str("讲话\n\n第一段很长，内容很多。\n\n"
	    "朋友们：\n\n谢谢大家。\n");
	const struct dc_node *n, *s;
	GPtrArray	*seen = g_ptr_array_new_with_free_func(g_free);
	char		*l;
	guint		 i;
	int		 lang;

	for (lang = 0; lang < DC_LANG__MAX; lang++) {
		g_ptr_array_set_size(seen, 0);
		for (n = d->root->child; n != NULL; n = n->next) {
			if (n->type != DC_VOCATIVE)
				continue;
			s = dc_node_seg(n, (enum dc_lang)lang);
			g_assert_nonnull(s);
			l = dc_part_label(n, (enum dc_lang)lang, 14);
			g_assert_true(g_str_has_prefix(l, s->text));
			g_assert_cmpuint(strlen(l), >, strlen(s->text));
			g_assert_true(g_str_has_suffix(l, "\u2026"));
			for (i = 0; i < seen->len; i++)
				g_assert_cmpstr(l, !=, seen->pdata[i]);
			g_ptr_array_add(seen, l);
		}
		g_assert_cmpuint(seen->len, ==, 3);
	}
	i = 0;
	for (n = o->root->child; n != NULL; n = n->next)
		if (n->type == DC_VOCATIVE || n->type == DC_SALUTATION) {
			l = dc_part_label(n, DC_LANG_ZH, 14);
			g_assert_cmpstr(l, ==, "朋友们：");
			g_free(l);
			i++;
		}
	g_assert_cmpuint(i, ==, 1);
	g_ptr_array_free(seen, TRUE);
	dc_doc_free(d);
	dc_doc_free(o);
}

/* Simplified or Traditional, by the characters that differ. */
static void
t_script(void)
{
	struct dc_doc	*d;

	d = parse_str("攜手共進\n\n我們說過，這個國家的發展離不開世界。\n");
	g_assert_cmpint(d->meta.hant, ==, 1);
	g_assert_cmpstr(dc_lang_tag(&d->meta, DC_LANG_ZH), ==, "zh-TW");
	g_assert_cmpstr(dc_lang_tag(&d->meta, DC_LANG_EN), ==, "en");
	dc_doc_free(d);
	d = parse_str("携手共进\n\n我们说过，这个国家的发展离不开世界。\n");
	g_assert_cmpint(d->meta.hant, ==, 0);
	g_assert_cmpstr(dc_lang_tag(&d->meta, DC_LANG_ZH), ==, "zh-CN");
	dc_doc_free(d);
	/* Characters common to both scripts decide nothing. */
	d = parse_str("天下大同\n\n山水之美。\n");
	g_assert_cmpint(d->meta.hant, ==, 0);
	dc_doc_free(d);
	d = parse_example("speech-bilingual.zh-en.txt");
	g_assert_cmpint(d->meta.hant, ==, 0);
	dc_doc_free(d);
}

/*
 * Break opportunities: a string with '|' where a line may start and
 * '!' where one must, checked against ln_lb() on the string without
 * them.
 */
static void
lb_check(const char *marked, int zh)
{
	GString		*text = g_string_new(NULL), *want = g_string_new(NULL);
	GString		*got = g_string_new(NULL);
	const char	*p;
	uint8_t		*brk;
	glong		 n, i;
	char		 mark = 0;

	for (p = marked; *p != '\0'; p = g_utf8_next_char(p)) {
		if (*p == '|' || *p == '!') {
			mark = *p;
			continue;
		}
		if (text->len > 0)
			g_string_append_c(want, mark != 0 ? mark : '.');
		mark = 0;
		g_string_append_unichar(text, g_utf8_get_char(p));
	}
	n = g_utf8_strlen(text->str, -1);
	brk = g_new0(uint8_t, n + 1);
	ln_lb(text->str, text->len, zh, brk);
	for (i = 1; i < n; i++)
		g_string_append_c(got, brk[i] == 2 ? '!' :
		    brk[i] == 1 ? '|' : '.');
	if (strcmp(got->str, want->str) != 0)
		g_test_message("%s: got %s, want %s", marked, got->str,
		    want->str);
	g_assert_cmpstr(got->str, ==, want->str);
	g_free(brk);
	g_string_free(text, TRUE);
	g_string_free(want, TRUE);
	g_string_free(got, TRUE);
}

static void
t_line_breaks(void)
{
	/* Between ideographs; never before closing marks, never after
	 * opening ones; curly quotes open and close in Chinese. */
	lb_check("各|国|人|民，|和|平、|发|展。", 1);
	lb_check("弘|扬|“上|海|精|神”，|深|化", 1);
	lb_check("（三）|要|加|强|「合|作」。", 1);
	lb_check("共|赢……|历|史", 1);
	lb_check("破|折|——|号", 1);
	/* The quarter-em space before a Latin word: break after it. */
	lb_check("新|冠\u2005|COVID-19\u2005|疫|情", 1);
	/* English: after spaces, after hyphens and soft hyphens, not
	 * inside words or numbers, not before punctuation. */
	lb_check("The |world’s |well-|known |(big) |set\u00ad|ting, |3.5% |rate.", 0);
	lb_check("“Hello,” |she |said.", 0);
	/* Line separators force a break; marks stay with their base. */
	lb_check("one\n!two |cafe\u0301 |x\u0301y", 0);
}

/* Find the first block of type t, or fail. */
static struct dc_node *
block_of(const struct dc_doc *d, enum dc_type t)
{
	struct dc_node	*n;

	for (n = d->root->child; n != NULL; n = n->next)
		if (n->type == t)
			return n;
	g_assert_not_reached();
	return NULL;
}

/*
 * The publisher's keys: each value checked and normalised as the
 * formats need it, each bad one refused with what is allowed; a value
 * dc_pub_set() would not leave is a broken model.
 */
static void
t_pub(void)
{
	char		*v[DC_PUB__MAX] = { NULL }, *err = NULL;
	struct dc_doc	*d;
	int		 k;

	g_assert_cmpint(dc_pub_set(v, "isbn", "0-00-000000-0", &err), ==, 0);
	g_assert_cmpstr(v[DC_PUB_ISBN], ==, "9780000000002");
	g_assert_cmpint(dc_pub_set(v, "ISBN", "978 0 00 000000 2", &err), ==, 0);
	g_assert_cmpstr(v[DC_PUB_ISBN], ==, "9780000000002");
	g_assert_cmpint(dc_pub_set(v, "isbn", "9780000000003", &err), ==, -1);
	g_assert_nonnull(strstr(err, "check digit"));
	g_free(err);
	g_assert_cmpint(dc_pub_set(v, "isbn", "977000000000X", &err), ==, -1);
	g_free(err);
	g_assert_cmpint(dc_pub_set(v, "licence", "cc-by-4.0", &err), ==, 0);
	g_assert_cmpstr(v[DC_PUB_RIGHTS], ==, "CC-BY-4.0");
	g_assert_true(dc_pub_is_spdx(v[DC_PUB_RIGHTS]));
	g_assert_cmpint(dc_pub_set(v, "rights", " All rights reserved. ",
	    &err), ==, 0);
	g_assert_cmpstr(v[DC_PUB_RIGHTS], ==, "All rights reserved.");
	g_assert_false(dc_pub_is_spdx(v[DC_PUB_RIGHTS]));
	g_assert_cmpint(dc_pub_set(v, "lang-zh", "zh-Hant-TW", &err), ==, 0);
	g_assert_cmpint(dc_pub_set(v, "lang-zh", "zho", &err), ==, -1);
	g_free(err);
	g_assert_cmpint(dc_pub_set(v, "lang-en", "en--GB", &err), ==, -1);
	g_free(err);
	g_assert_cmpint(dc_pub_set(v, "source", "https://example.org/a b",
	    &err), ==, -1);
	g_free(err);
	g_assert_cmpint(dc_pub_set(v, "publisher", "A\tB", &err), ==, -1);
	g_free(err);
	g_assert_cmpint(dc_pub_set(v, "colour", "red", &err), ==, -1);
	g_assert_nonnull(strstr(err, "unknown key 'colour'"));
	g_free(err);
	g_assert_cmpint(dc_pub_from_name("collection"), ==, DC_PUB_SERIES);
	for (k = 0; k < DC_PUB__MAX; k++)
		g_free(v[k]);

	d = parse_str("题目\n\n　　正文一段。\n");
	g_assert_cmpint(dc_tree_check(d, NULL), ==, 0);
	d->meta.pub[DC_PUB_LANG_ZH] = g_strdup("zh-Hant");
	g_assert_cmpstr(dc_lang_tag(&d->meta, DC_LANG_ZH), ==, "zh-Hant");
	g_assert_cmpint(dc_tree_check(d, NULL), ==, 0);
	d->meta.pub[DC_PUB_ISBN] = g_strdup("978-0-00-000000-2");
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);	/* not as set */
	dc_doc_free(d);
}

/*
 * dc_tree_check() finds what breaks the rules of the new roles and of
 * the metadata: each change below makes a good model bad.
 */
static void
t_tree_check_fails(void)
{
	const char	*txt = "林间访谈\n\n　　记者来到小镇，见到了老林，听他讲种树的事。\n"
	    "记者：您为什么种树？\n老林：为了把山种绿，让水变清。\n"
	    "　　后来山真的绿了，水也清了。\n（本报记者　石青）\n";
	struct dc_doc	*d;
	struct dc_node	*n, *s;
	char		*old;

	d = parse_str(txt);
	n = block_of(d, DC_TURN);
	s = n->child;
	g_assert_cmpuint(s->spk_len, >, 0);
	s->spk_len = strlen(s->text);		/* label past the text */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	dc_doc_free(d);

	d = parse_str(txt);
	n = block_of(d, DC_SIGNOFF);
	g_assert_cmpint(n->sub, ==, DC_SUB_BYLINE);
	n->sub = DC_SUB_CREDIT;			/* a caption's kind */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	n->sub = DC_SUB_NONE;			/* no kind */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	dc_doc_free(d);

	d = parse_str(txt);
	n = block_of(d, DC_PARA);
	n->level = 2;				/* a level off a heading */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	n->level = 0;
	n->type = DC_TURN;			/* a turn going on from none */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	dc_doc_free(d);

	d = parse_str(txt);
	old = d->meta.date_iso;
	d->meta.date_iso = g_strdup("2021-02-30");	/* no such day */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	g_free(d->meta.date_iso);
	d->meta.date_iso = g_strdup("0000-11-10");	/* no year 0 */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	g_free(d->meta.date_iso);
	d->meta.date_iso = old;
	d->meta.langs |= 1u << DC_LANG_EN;	/* a language not in it */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	d->meta.langs &= ~(1u << DC_LANG_EN);
	old = d->meta.l[DC_LANG_ZH].title;
	d->meta.l[DC_LANG_ZH].title = NULL;	/* no title */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	d->meta.l[DC_LANG_ZH].title = g_strdup("\xe6\x9e");	/* cut UTF-8 */
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);
	g_free(d->meta.l[DC_LANG_ZH].title);
	d->meta.l[DC_LANG_ZH].title = old;
	g_assert_cmpint(dc_tree_check(d, stderr), ==, 0);
	dc_doc_free(d);
}

/*
 * The title page's lines: the header lines of a language in order,
 * then the user's lines in theirs; a text with no title line leads
 * with the metadata's title.
 */
static void
t_titleblock(void)
{
	struct dc_opts	 o = opts;
	struct dc_doc	*d;
	struct dc_tline	*tl;
	struct dc_node	*t;
	const char	*txt = "林间访谈\n\n　　记者来到小镇，见到了老林。\n";
	size_t		 n;

	o.author = "林小溪";
	o.date = "2021-03-04";
	d = dc_parse_mem(txt, strlen(txt), "test.txt", &o);
	g_assert_nonnull(d);
	n = dc_titleblock(d, DC_LANG_ZH, &tl);
	g_assert_cmpuint(n, ==, 3);
	g_assert_cmpint(tl[0].type, ==, DC_TITLE);
	g_assert_cmpstr(tl[0].text, ==, "林间访谈");
	g_assert_false(tl[0].given);
	g_assert_cmpint(tl[1].type, ==, DC_SPEAKER);
	g_assert_cmpstr(tl[1].text, ==, "林小溪");
	g_assert_true(tl[1].given);
	g_assert_cmpstr(tl[2].text, ==, "2021-03-04");
	g_free(tl);
	g_assert_cmpuint(dc_titleblock(d, DC_LANG_EN, &tl), ==, 0);
	g_free(tl);
	/* No title line (news): the metadata's title leads. */
	t = d->root->child;
	g_assert_cmpint(t->type, ==, DC_TITLE);
	dc_node_unlink(t);
	dc_node_free(t);
	n = dc_titleblock(d, DC_LANG_ZH, &tl);
	g_assert_cmpuint(n, ==, 3);
	g_assert_cmpint(tl[0].type, ==, DC_TITLE);
	g_assert_cmpstr(tl[0].text, ==, "林间访谈");
	g_free(tl);
	dc_doc_free(d);
}

/* The forms of a model date, the one test of every writer's dates. */
static void
t_date_form(void)
{
	g_assert_cmpint(dc_date_form("2020"), ==, DC_DATE_YEAR);
	g_assert_cmpint(dc_date_form("2020-11"), ==, DC_DATE_MONTH);
	g_assert_cmpint(dc_date_form("2020-02-29"), ==, DC_DATE_DAY);
	g_assert_cmpint(dc_date_form("--02-29"), ==, DC_DATE_MDAY);
	g_assert_cmpint(dc_date_form("2021-02-29"), ==, DC_DATE_NONE);
	g_assert_cmpint(dc_date_form("0000"), ==, DC_DATE_NONE);
	g_assert_cmpint(dc_date_form("2020-13"), ==, DC_DATE_NONE);
	g_assert_cmpint(dc_date_form("2020-1-5"), ==, DC_DATE_NONE);
	g_assert_cmpint(dc_date_form(" 2020"), ==, DC_DATE_NONE);
	g_assert_cmpint(dc_date_form(NULL), ==, DC_DATE_NONE);
}

/*
 * --title replaces the title lines of every language with one line in
 * its own, and the metadata's title is its text: title lines with no
 * title break the rules.
 */
static void
t_user_title(void)
{
	const char	*top = g_getenv("top_srcdir");
	struct dc_opts	 o = opts;
	struct dc_doc	*d;
	struct dc_node	*n;
	char		*path;

	o.title = "Ferngate Hollow";
	path = g_build_filename(top != NULL ? top : "..", "examples",
	    "speech-bilingual.zh-en.txt", NULL);
	d = dc_parse_file(path, &o);
	g_free(path);
	g_assert_nonnull(d);
	g_assert_cmpint(count_type(d, DC_TITLE), ==, 1);
	g_assert_cmpint(count_header(d, DC_TITLE, DC_LANG_EN), ==, 1);
	g_assert_cmpstr(d->meta.l[DC_LANG_EN].title, ==, "Ferngate Hollow");
	g_assert_null(d->meta.l[DC_LANG_ZH].title);
	g_assert_cmpint(dc_tree_check(d, stderr), ==, 0);
	for (n = d->root->child; n->type != DC_TITLE; n = n->next)
		;
	g_assert_cmpint(n->prev->type, ==, DC_COLLECTION);	/* in place */
	dc_meta_set(&d->meta.l[DC_LANG_EN].title, NULL);
	g_assert_cmpint(dc_tree_check(d, NULL), >, 0);	/* a line, no title */
	dc_doc_free(d);
}

/*
 * Parts: a heading opens one of its level, a vocative one of level 1;
 * a part ends at the next part of its level or above, or where the
 * closings and sign-offs that end the text begin.
 */
static void
t_parts(void)
{
	struct dc_doc	*d = parse_str("关于步道的说明\n\n"
	    "　　现将步道建设的有关情况说明如下，请大家了解。\n"
	    "一、总体进展\n　　步道全长十二公里，已经完成九公里。\n"
	    "（一）北段\n　　北段沿溪而建，已全部完工。\n"
	    "（二）南段\n　　南段穿过松林，正在铺设石板。\n"
	    "二、下一步\n　　镇里将组织志愿者种花。\n"
	    "（林间小镇步道办公室）\n");
	const struct dc_node *n, *h[4], *end;
	int		 k = 0;
	char		*l;

	for (n = d->root->child; n != NULL; n = n->next)
		if (n->type == DC_HEADING && k < 4)
			h[k++] = n;
	g_assert_cmpint(k, ==, 4);
	g_assert_cmpint(dc_part_level(h[0]), ==, 1);
	g_assert_cmpint(dc_part_level(h[1]), ==, 2);
	g_assert_cmpint(dc_part_level(h[2]), ==, 2);
	g_assert_cmpint(dc_part_level(h[3]), ==, 1);
	g_assert_true(dc_part_end(h[0]) == h[3]);
	g_assert_true(dc_part_end(h[1]) == h[2]);
	g_assert_true(dc_part_end(h[2]) == h[3]);
	end = dc_part_end(h[3]);
	g_assert_nonnull(end);
	g_assert_cmpint(end->type, ==, DC_SIGNOFF);
	g_assert_cmpint(dc_part_level(d->root->last), ==, 0);
	l = dc_part_label(h[1], DC_LANG_ZH, 14);
	g_assert_cmpstr(l, ==, "（一）北段");
	g_free(l);
	dc_doc_free(d);
}

/* A style that sets a body's leading moves the leading of the running
 * text set like it (turns, notes, sign-offs), not of what has its
 * own: the large style's 1.7 left turns at 1.75 off the grid. */
static void
t_style_leading(void)
{
	struct dc_style	*st = NULL;
	char		*path;
	int		 fd;

	fd = g_file_open_tmp("docconv-style-XXXXXX", &path, NULL);
	g_assert_cmpint(fd, >=, 0);
	g_assert_true(g_file_set_contents(path, "[zh-body]\nleading = 1.7\n"
	    "[en-note]\nleading = 1.5\n[en-body]\nleading = 1.4\n", -1,
	    NULL));
	close(fd);
	g_assert_cmpint(dc_style_load(path, NULL, &st), ==, 0);
	g_assert_cmpfloat(st->role[DC_SR_ZH_TURN].leading, ==, 1.7);
	g_assert_cmpfloat(st->role[DC_SR_ZH_NOTE].leading, ==, 1.7);
	g_assert_cmpfloat(st->role[DC_SR_EN_TURN].leading, ==, 1.4);
	/* Its own value stays; a title has its own leading. */
	g_assert_cmpfloat(st->role[DC_SR_EN_NOTE].leading, ==, 1.5);
	g_assert_cmpfloat(st->role[DC_SR_ZH_TITLE].leading, !=, 1.7);
	dc_style_free(st);
	g_unlink(path);
	g_free(path);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	opts.epoch = -1;
	opts.verbose = -1;
	dc_msg_set_quiet(1);
	g_test_add_func("/text/tokens_join", t_tokens_join);
	g_test_add_func("/text/lang", t_text_lang);
	g_test_add_func("/read/bilingual", t_bilingual);
	g_test_add_func("/read/segmented", t_segmented);
	g_test_add_func("/read/news", t_news);
	g_test_add_func("/read/missing_line", t_missing_line);
	g_test_add_func("/read/line_ends", t_line_ends);
	g_test_add_func("/read/header_forms", t_header_forms);
	g_test_add_func("/read/segmented_u3000", t_segmented_u3000);
	g_test_add_func("/read/frontmatter", t_frontmatter);
	g_test_add_func("/read/plain", t_plain);
	g_test_add_func("/model/part_labels", t_part_labels);
	g_test_add_func("/model/parts", t_parts);
	g_test_add_func("/model/check_fails", t_tree_check_fails);
	g_test_add_func("/model/pub", t_pub);
	g_test_add_func("/model/user_title", t_user_title);
	g_test_add_func("/model/date_form", t_date_form);
	g_test_add_func("/model/titleblock", t_titleblock);
	g_test_add_func("/text/script", t_script);
	g_test_add_func("/lines/breaks", t_line_breaks);
	g_test_add_func("/style/leading", t_style_leading);
	return g_test_run();
}
