/*
 * The segmented reader: corpus text with tokens separated by spaces,
 * one sentence or a few per line.  Tokens are kept (as DC_SENT with
 * DC_W/DC_PC children) and rejoined into running text, which then goes
 * through the same header and role recognisers as any other text.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"

/* Is a token punctuation (no letter, digit or ideograph in it)? */
static int
seg_is_pc(const char *t)
{
	const char	*p;
	gunichar	 c;

	for (p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (g_unichar_isalnum(c) || dc_char_script_lang(c) >= 0)
			return 0;
	}
	return 1;
}

/*
 * The part of speech of a token tagged with separator sep ("迈向/v",
 * "，_PU", "电台/n]nt", "学习#VV", "ude1"): a pointer to the tag in t,
 * or NULL if it has none.  The tag follows the last separator: a
 * letter, then up to nine letters, digits or "$+-", whatever the tag
 * set; a compound's closing "]tag" aside.
 */
static char *
seg_pos(char *t, char sep)
{
	char	*sl = strrchr(t, sep), *p;
	int	 n = 0;

	if (sl == NULL || sl == t || !g_ascii_isalpha(sl[1]))
		return NULL;
	for (p = sl + 1; g_ascii_isalnum(*p) || *p == '$' || *p == '+' ||
	    *p == '-'; p++)
		n++;
	if (n < 1 || n > 10 || (*p != '\0' && *p != ']'))
		return NULL;
	if (*p == ']')
		for (p++; g_ascii_isalpha(*p); p++)
			;
	return *p == '\0' ? sl + 1 : NULL;
}

/*
 * The separator of a corpus's "word<sep>TAG" tokens: the one of "/",
 * "_", "#" and "|" after which most of its tokens (six in ten) end in
 * a tag; 0 if the corpus has no tags.
 */
static char
seg_sep(const struct dc_input *in, size_t start)
{
	static const char	 seps[] = "/_#|";
	size_t			 tagged[sizeof(seps)] = { 0 }, all = 0, i, j;
	size_t			 best = 0, k;
	char			**tk;

	for (i = start; i < in->nlines && all < 4000; i++) {
		if (in->lines[i].blank)
			continue;
		tk = g_strsplit(in->lines[i].text, " ", -1);
		for (j = 0; tk[j] != NULL; j++) {
			if (*tk[j] == '\0')
				continue;
			all++;
			for (k = 0; k < sizeof(seps) - 1; k++)
				tagged[k] += seg_pos(tk[j], seps[k]) != NULL;
		}
		g_strfreev(tk);
	}
	for (k = 1; k < sizeof(seps) - 1; k++)
		if (tagged[k] > tagged[best])
			best = k;
	return all > 0 && tagged[best] * 10 >= all * 6 ? seps[best] : 0;
}

/*
 * Count the tokens of a line (between ASCII spaces) into *all, and
 * those ending in a tag after sep into *tagged (a link's path, "…/news",
 * is no tag).  For dc_detect(): in a corpus that tags phrases or
 * named-entity chunks ("在过去的五年中，/o 致公党/nt") the tokens are
 * long and the spaces few, so that the tags, not the spaces, tell it
 * from running text.
 */
void
dc_seg_count_tags(const char *text, char sep, size_t *all, size_t *tagged)
{
	char		**tk;
	const char	 *p;
	size_t		  j;

	/*
	 * Without the separator no token is tagged: the tokens are only
	 * counted, not split (this runs four times on each Chinese line
	 * of every input, to tell its dialect).
	 */
	if (strchr(text, sep) == NULL) {
		for (p = text; *p != '\0'; p += strcspn(p, " ")) {
			p += strspn(p, " ");
			if (*p != '\0')
				(*all)++;
		}
		return;
	}
	tk = g_strsplit(text, " ", -1);
	for (j = 0; tk[j] != NULL; j++) {
		if (*tk[j] == '\0')
			continue;
		(*all)++;
		if (strstr(tk[j], "://") == NULL &&
		    strstr(tk[j], "www.") == NULL &&
		    seg_pos(tk[j], sep) != NULL)
			(*tagged)++;
	}
	g_strfreev(tk);
}

/*
 * Is t a corpus's line or sentence id ("19980101-01-001-001",
 * "n01001011", "test-s1")?  ASCII letters, digits and "-_.:", with
 * either a joiner and a digit, or five digits.
 */
static int
seg_is_id(const char *t)
{
	size_t		 digits = 0;
	const char	*p;

	if (t[strspn(t, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")] != '\0')
		return 0;
	for (p = t; *p != '\0'; p++)
		digits += g_ascii_isdigit(*p) != 0;
	return digits >= 5 || (digits > 0 && strpbrk(t, "-_:") != NULL);
}

/*
 * Split a line into a sentence node of tokens.  Tokens are separated
 * by runs of ASCII spaces; a line without any ASCII space but with
 * ideographic spaces between tokens uses those as separators (some
 * corpora do).  An ideographic space between ASCII-space separators
 * is text (a token), as in a title "…” 　 深化…".
 */
static struct dc_node *
seg_tokens(const struct dc_line *l, size_t *ntok, char pos)
{
	struct dc_node	*s, *w;
	char		**tok, *t, *tag;
	const char	*sep = " ";
	size_t		 i, n;

	s = dc_node_new(DC_SENT, DC_LANG_ZH, NULL, l->lineno, l->col);
	if (strchr(l->text, ' ') == NULL && strstr(l->text, "　") != NULL)
		sep = "　";
	tok = g_strsplit(l->text, sep, -1);
	*ntok = 0;
	for (i = 0; tok[i] != NULL; i++) {
		if (*tok[i] == '\0')
			continue;
		t = tok[i];
		tag = NULL;
		if (pos && (tag = seg_pos(t, pos)) != NULL) {
			/* "[中央/n" opens and "电台/n]nt" closes a compound:
			 * annotation, not text. */
			if (t[0] == '[' && t[1] != '\0' && t[1] != '/')
				t++;
			n = strlen(t);
			if ((n = (size_t)(tag - t)) > 0 && t[n - 1] == pos)
				t[n - 1] = '\0';
			{
				char *rb = strrchr(tag, ']');
				if (rb != NULL)
					*rb = '\0';
			}
			/* A corpus line's id ("19980101-01-001-001/m",
			 * a vertical corpus's "1/id": web_markup.c)
			 * names the sentence. */
			if (*ntok == 0 && s->text == NULL &&
			    (seg_is_id(t) || strcmp(tag, "id") == 0)) {
				s->text = g_strdup(t);
				continue;
			}
		}
		if (*t == '\0')
			continue;
		w = dc_node_new(seg_is_pc(t) ? DC_PC : DC_W, DC_LANG_ZH, t,
		    l->lineno, 0);
		if (tag != NULL && *tag != '\0')
			w->pos = g_strdup(tag);
		dc_node_append(s, w);
		(*ntok)++;
	}
	g_strfreev(tok);
	/* An id alone on its line names no sentence: it is the line's
	 * only token (text, not lost). */
	if (s->text != NULL && *ntok == 0) {
		w = dc_node_new(DC_W, DC_LANG_ZH, s->text, l->lineno, 0);
		w->pos = g_strdup("m");
		dc_node_append(s, w);
		g_free(s->text);
		s->text = NULL;
		(*ntok)++;
	}
	return s;
}

/* Running text of one sentence node's tokens. */
static char *
seg_text(struct dc_node *sent)
{
	struct dc_node	 tmp;
	char		*t;

	memset(&tmp, 0, sizeof(tmp));
	tmp.child = tmp.last = sent;
	t = dc_tokens_join(&tmp);
	return t;
}

/* A lead-only line: an enumerator and one sentence, nothing more
 * ("第一，加强抗疫合作，构建卫生健康共同体。"). */
static int
seg_lead_only(const char *text)
{
	struct dc_node	 s;
	size_t		 len = strlen(text);
	int		 r;

	memset(&s, 0, sizeof(s));
	s.type = DC_SEG;
	s.lang = DC_LANG_ZH;
	s.text = g_strconcat(text, "x", NULL);
	dc_seg_enum(&s);
	r = s.enum_len > 0 && s.lead_len == len;
	g_free(s.text);
	return r;
}

/*
 * Share the tokens of sentence sent among the header lines made of its
 * input line, in order: each takes tokens while they spell its text.
 * Where the texts part inside a token, the tokens stay with no line
 * (as before: the text is kept, its segmentation there is not).
 */
static void
seg_share(struct dc_doc *d, struct dc_node *sent, int lineno)
{
	struct dc_node	*hn, *w, *part;
	GString		*b;
	int		 ok = 1;

	for (hn = d->root->child, w = sent->child; hn != NULL && ok;
	    hn = hn->next) {
		if (!dc_type_is_header(hn->type) || hn->line != lineno ||
		    hn->child != NULL)
			continue;
		b = g_string_new(NULL);
		for (part = w; part != NULL && b->len < strlen(hn->text);
		    part = part->next)
			g_string_append(b, part->text);
		ok = strcmp(b->str, hn->text) == 0;
		g_string_free(b, TRUE);
		w = part;
	}
	if (!ok || w != NULL)
		return;
	/* Every header line of the line is spelt by its tokens: move
	 * them, the first line keeping the sentence (and its id). */
	for (hn = d->root->child; hn != NULL; hn = hn->next) {
		size_t got = 0, need;
		struct dc_node *s2;
		if (!dc_type_is_header(hn->type) || hn->line != lineno ||
		    hn->child != NULL)
			continue;
		need = strlen(hn->text);
		s2 = sent->child == NULL ? NULL : dc_node_new(DC_SENT,
		    DC_LANG_ZH, sent->text, sent->line, sent->col);
		if (s2 == NULL)
			break;
		g_free(sent->text);
		sent->text = NULL;
		while (got < need && (w = sent->child) != NULL) {
			got += strlen(w->text);
			dc_node_unlink(w);
			dc_node_append(s2, w);
		}
		dc_node_append(hn, s2);
	}
}

/*
 * Make a header line of type t and text text from the first tokens of
 * sent, if they spell it: returns 1 and moves them, else 0 and leaves
 * sent as it was.
 */
static int
seg_header_take(struct dc_doc *d, enum dc_type t, const char *text,
    const struct dc_line *l, struct dc_node *sent)
{
	struct dc_node	 tmp, *s2, *w;
	size_t		 need = strlen(text), got = 0;
	char		*j;

	s2 = dc_node_new(DC_SENT, DC_LANG_ZH, NULL, sent->line, sent->col);
	memset(&tmp, 0, sizeof(tmp));
	tmp.child = tmp.last = s2;
	while (got < need && sent->child != NULL) {
		w = sent->child;
		dc_node_unlink(w);
		dc_node_append(s2, w);
		j = dc_tokens_join(&tmp);
		got = strlen(j);
		g_free(j);
	}
	/* It ends inside a token: a corpus that tags chunks has the
	 * line's end and the next words in one ("１１月１日电记者/o").
	 * The token is cut there, each part keeping its tag. */
	if (got > need && (w = s2->last) != NULL && w->text != NULL &&
	    got - need < strlen(w->text) && g_utf8_validate(w->text,
	    (gssize)(strlen(w->text) - (got - need)), NULL) &&
	    strncmp(text + need - (strlen(w->text) - (got - need)), w->text,
	    strlen(w->text) - (got - need)) == 0) {
		size_t keep = strlen(w->text) - (got - need);
		struct dc_node *w2 = dc_node_new(w->type, w->lang,
		    w->text + keep, w->line, 0);
		if (w->pos != NULL)
			w2->pos = g_strdup(w->pos);
		w->text[keep] = '\0';
		if (sent->child != NULL)
			dc_node_insert_before(sent->child, w2);
		else
			dc_node_append(sent, w2);
		got = need;
	}
	if (got == need) {
		w = dc_node_append(d->root, dc_node_new(t, DC_LANG_ZH, text,
		    l->lineno, l->col));
		dc_node_append(w, s2);
		return 1;
	}
	/* It ends inside a token: the tokens go back. */
	while ((w = s2->last) != NULL) {
		dc_node_unlink(w);
		if (sent->child != NULL)
			dc_node_insert_before(sent->child, w);
		else
			dc_node_append(sent, w);
	}
	dc_node_free(s2);
	return 0;
}

/*
 * A news dateline opening the body's first line ("本报 北京 12月 31日
 * 讯 …"), and the byline in brackets after it, where each ends between
 * two tokens: header lines of their own, with their tokens moved from
 * sent.  Returns the bytes of the line's text they take, white space
 * after them included; 0 if none.
 */
static size_t
seg_dateline(struct dc_doc *d, const struct dc_line *l, struct dc_node *sent)
{
	struct dc_dateline dl;
	size_t		 end = 0;

	if (sent == NULL || sent->child == NULL || !dc_dateline_at(l->text))
		return 0;
	memset(&dl, 0, sizeof(dl));
	if (!dc_dateline(d, l->text, &dl))
		return 0;
	if (dl.dateline == NULL) {
		/* A byline alone ("〔記者某某／台北報導〕"). */
		if (seg_header_take(d, DC_BYLINE, dl.byline, l, sent))
			end = strlen(dl.byline);
	} else if (seg_header_take(d, DC_DATELINE, dl.dateline, l, sent)) {
		end = strlen(dl.dateline);
		while (l->text[end] == ' ')
			end++;
		if (dl.byline != NULL && strncmp(l->text + end, dl.byline,
		    strlen(dl.byline)) == 0 && seg_header_take(d, DC_BYLINE,
		    dl.byline, l, sent))
			end += strlen(dl.byline);
		while (l->text[end] == ' ')
			end++;
	}
	g_free(dl.dateline);
	g_free(dl.byline);
	return end;
}

/* Does line s open with a vertical corpus's sentence id ("s1/id ")? */
static int
seg_vert_id(const char *s)
{
	const char	*e = s + strcspn(s, " \t");

	return e - s > 3 && strncmp(e - 3, "/id", 3) == 0;
}

struct dc_doc *
dc_parse_segmented(const struct dc_input *in, const struct dc_opts *o)
{
	struct dc_doc	*d = dc_doc_new();
	struct dc_node	**sent, *hn, *blk = NULL, *seg;
	size_t		  off;
	struct dc_line	 *dl;
	const struct dc_line **l;
	size_t		  i, n = 0, h, start, ntok, odd = 0;
	int		  lang, joinnext = 0, vert = -1, marks = 0;
	char		 *gap;
	char		  pos;
	char		 *t;

	start = dc_frontmatter(d, in->lines, in->nlines);
	sent = g_new0(struct dc_node *, in->nlines + 1);
	gap = g_new0(char, in->nlines + 1);
	dl = g_new0(struct dc_line, in->nlines + 1);
	l = g_new(const struct dc_line *, in->nlines + 1);

	/* A corpus tagged with parts of speech ("迈向/v  充满/v",
	 * "迈向_VV"): most tokens carry a tag. */
	pos = seg_sep(in, start);

	/* Tokenise every line; recognisers see the rejoined text. */
	for (i = start; i < in->nlines; i++) {
		if (in->lines[i].blank) {
			gap[n] = 1;
			marks |= n > 0;
			continue;
		}
		/* A vertical corpus's sentences open with their ids
		 * ("s1/id …", web_markup.c). */
		if (vert < 0)
			vert = seg_vert_id(in->lines[i].text);
		sent[n] = seg_tokens(&in->lines[i], &ntok, pos);
		dl[n] = in->lines[i];
		dl[n].text = seg_text(sent[n]);
		dl[n].len = strlen(dl[n].text);
		dl[n].lang = dc_text_lang(dl[n].text, dl[n].len);
		if (ntok < 2 && g_utf8_strlen(dl[n].text, -1) > 12)
			odd++;
		l[n] = &dl[n];
		n++;
	}
	if (odd * 2 > n)
		dc_msg(DC_WARN_TOKENS, 0, 0, "most lines have no token "
		    "separators: is this really segmented text? (try "
		    "--input-format=plain)");

	h = dc_header_end(l, n, o);
	dc_header_lines(d, l, h);
	/* Give each header line its tokens, where it is a whole line. */
	for (hn = d->root->child; hn != NULL; hn = hn->next) {
		if (!dc_type_is_header(hn->type))
			continue;
		for (i = 0; i < h; i++)
			if (sent[i] != NULL && dl[i].lineno == hn->line &&
			    strcmp(dl[i].text, hn->text) == 0) {
				dc_node_append(hn, sent[i]);
				sent[i] = NULL;
				break;
			}
	}
	/* A line that became two header lines (a title and its subtitle
	 * after "——"): its tokens are shared out where the texts part. */
	for (i = 0; i < h; i++)
		if (sent[i] != NULL)
			seg_share(d, sent[i], dl[i].lineno);

	/*
	 * Body: a line is a paragraph (where paragraphs end is not in
	 * the text); but a line holding only an enumerator and its lead
	 * runs on into the next line, as a run-in head does in print.
	 */
	for (i = h; i < n; i++) {
		lang = dl[i].lang < 0 ? DC_LANG_ZH : dl[i].lang;
		/* A vertical corpus that marks its paragraphs ("#
		 * newpar"): its sentences up to the next mark are one. */
		if (vert == 1 && marks && i > h && !gap[i])
			joinnext = 1;
		if (joinnext && blk != NULL &&
		    (seg = dc_node_seg(blk, lang)) != NULL &&
		    !dc_is_address(dl[i].text, lang) &&
		    !dc_is_thanks(dl[i].text, lang) &&
		    !seg_lead_only(dl[i].text)) {
			dc_node_append(seg, sent[i]);
			t = dc_tokens_join(seg);
			g_free(seg->text);
			seg->text = t;
		} else {
			off = blk == NULL ? seg_dateline(d, &dl[i], sent[i]) :
			    0;
			/* The dateline (and byline) were the whole line:
			 * no paragraph of nothing. */
			if (off > 0 && sent[i]->child == NULL) {
				dc_node_free(sent[i]);
				sent[i] = NULL;
				joinnext = 0;
				continue;
			}
			blk = dc_block_add(d, DC_PARA);
			seg = dc_seg_add(blk, lang, dl[i].text + off,
			    dl[i].lineno, dl[i].col);
			dc_node_append(seg, sent[i]);
			/* A dateline or byline cut out of a token leaves
			 * tokens that may join otherwise than the line
			 * did ("）�r" "board" cut to "�r" "board" take
			 * a space): the text is the tokens'. */
			if (off > 0 && sent[i]->child != NULL) {
				t = dc_tokens_join(seg);
				g_free(seg->text);
				seg->text = t;
			}
		}
		sent[i]->lang = lang;
		sent[i] = NULL;
		joinnext = seg_lead_only(dl[i].text);
	}
	for (i = 0; i < n; i++) {
		dc_node_free(sent[i]);
		g_free(dl[i].text);
	}
	g_free(sent);
	g_free(gap);
	g_free(dl);
	g_free(l);
	dc_body_roles(d, o);
	return d;
}
