/*
 * reStructuredText, as docutils, Sphinx and Pelican sources keep a post
 * and as blogs export it: rewritten line for line into the Markdown the
 * Markdown reader takes.  The output has as many lines as the input,
 * so every piece keeps its input line.
 *
 * What rst writes and Markdown has not:
 *   - titles under (and over) a line of one punctuation character, any
 *     of "=-~^\"'`#*+:._", their level the order each style first
 *     appears in; such a line alone is a transition;
 *   - explicit markup opening with "..": targets (".. _name:"),
 *     substitution definitions, comments and directives; an
 *     admonition's body is text, any other directive's is not (a code
 *     block's is code);
 *   - line blocks ("| a line", as poems and lyrics are kept);
 *   - links `text <address>`_ (a link's text may wrap), roles
 *     :name:`text`, substitutions |name|, the escaped space "\ " and
 *     field lists (":Author: name").
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "parse.h"

#define RST_ADORN	"=-~^\"'`#*+:._"

enum rst_block {
	RST_TEXT,	/* not in a directive */
	RST_DROP,	/* a comment's, target's or directive's lines */
	RST_BODY,	/* an admonition's body: text */
	RST_CODE	/* a code block's body */
};

/* Is line [s, e) blank? */
static int
rst_blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* The adornment character of line [s, e) (three or more of one
 * punctuation character and nothing else), or 0. */
static int
rst_adorn(const char *s, const char *e)
{
	const char	*p;

	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e - s < 3 || strchr(RST_ADORN, *s) == NULL)
		return 0;
	for (p = s; p < e; p++)
		if (*p != *s)
			return 0;
	return (unsigned char)*s;
}

/* The directive's name at s (after ".. "), its length in *n, or NULL. */
static const char *
rst_directive(const char *s, const char *e, size_t *n)
{
	const char	*p;

	for (p = s; p < e && (g_ascii_isalnum(*p) || *p == '-' ||
	    *p == '_' || *p == ':'); p++)
		if (p[0] == ':' && p + 1 < e && p[1] == ':' && p > s) {
			*n = (size_t)(p - s);
			return s;
		}
	return NULL;
}

/* Is the directive named [s, s + n) an admonition, whose body a
 * reader reads? */
static int
rst_admonition(const char *s, size_t n)
{
	static const char *const names[] = {
		"note", "tip", "hint", "important", "warning", "caution",
		"attention", "danger", "error", "admonition", "topic",
		"sidebar", "epigraph", "highlights", "pull-quote", "rubric",
		"seealso", "versionadded", "versionchanged", "deprecated"
	};
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(names); i++)
		if (strlen(names[i]) == n && strncmp(names[i], s, n) == 0)
			return 1;
	return 0;
}

static int
rst_code(const char *s, size_t n)
{
	return (n == 10 && strncmp(s, "code-block", n) == 0) ||
	    (n == 4 && strncmp(s, "code", n) == 0) ||
	    (n == 10 && strncmp(s, "sourcecode", n) == 0) ||
	    (n == 13 && strncmp(s, "literalinclude", n) == 0);
}

/*
 * Is line s a mark only rst writes: explicit markup (".. _name:",
 * ".. name::", ".. |name| image::"), worth 2, or a link
 * `text <address>`_, worth 1?  The evidence web_sniff() counts (2
 * makes rst).
 */
int
dc_rst_mark(const char *s)
{
	const char	*p, *q, *e;
	size_t		 n;

	if (strncmp(s, ".. ", 3) == 0) {
		s += 3;
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		if ((*s == '_' && e > s + 1 && e[-1] == ':') ||
		    (*s == '|' && strstr(s, "| image::") != NULL) ||
		    rst_directive(s, e, &n) != NULL)
			return 2;
		return 0;
	}
	for (p = s; (p = strchr(p, '`')) != NULL; p = q + 1) {
		if ((q = strchr(p + 1, '`')) == NULL)
			return 0;
		if (q[1] == '_' && q > p + 2 && q[-1] == '>' &&
		    g_strstr_len(p, q - p, " <") != NULL)
			return 1;
	}
	return 0;
}

/* A heading of level lvl with the text of line [s, e). */
static void
rst_heading(GString *b, int lvl, const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	g_string_append_len(b, "######", lvl > 6 ? 6 : lvl);
	g_string_append_c(b, ' ');
	g_string_append_len(b, s, e - s);
}

/* The level of the title style (c, over): styles are levels in the
 * order they first appear. */
static int
rst_level(GArray *styles, int c, int over)
{
	int	 key = c * 2 + over;
	guint	 i;

	for (i = 0; i < styles->len; i++)
		if (g_array_index(styles, int, i) == key)
			return (int)i + 1;
	g_array_append_val(styles, key);
	return (int)styles->len;
}

/*
 * One line of text, its inline marks made Markdown's or taken out:
 * `text <address>`_ is [text](address) (its closing may be on a later
 * line: link carries the text read so far over), :role:`text` is
 * text, |name| and "\ " go.
 */
static void
rst_inline(GString *b, const char *s, const char *e, GString *link)
{
	const char	*p, *q, *lt;
	int		 role = 0;

	for (p = s; p < e; p++) {
		if (link->len > 0 || (*p == '`' && p + 1 < e && p[1] != '`' &&
		    (p == s || p[-1] != '`'))) {
			/* A link's text, to its closing "`_". */
			if (link->len == 0)
				p++, g_string_assign(link, "[");
			for (q = p; q < e && *q != '`'; q++)
				;
			if (q == e) {
				g_string_append_len(link, p, q - p);
				/* The link's text goes on on the next line
				 * (a space for the line end: the output keeps
				 * the input's lines). */
				g_string_append_c(link, ' ');
				return;
			}
			g_string_append_len(link, p, q - p);
			lt = strrchr(link->str, '<');
			if (q + 1 < e && q[1] == '_' && lt != NULL &&
			    link->str[link->len - 1] == '>' && lt > link->str) {
				/* [text <address>] -> [text](address) */
				size_t at = (size_t)(lt - link->str);
				char *url = g_strndup(lt + 1,
				    link->len - at - 2);
				g_string_truncate(link, at);
				while (link->len > 1 &&
				    (link->str[link->len - 1] == ' ' ||
				    link->str[link->len - 1] == '\n'))
					g_string_truncate(link, link->len - 1);
				g_string_append(link, "](");
				g_string_append(link, url);
				g_string_append_c(link, ')');
				g_free(url);
				g_string_append(b, link->str);
			} else if (q + 1 < e && q[1] == '_')
				g_string_append(b, link->str + 1);
			else if (role) {
				/* A role's text: "title <target>" shows the
				 * title. */
				if (lt != NULL && link->str[link->len - 1] ==
				    '>' && lt > link->str + 1)
					g_string_truncate(link,
					    (gsize)(lt - link->str));
				while (link->len > 1 &&
				    link->str[link->len - 1] == ' ')
					g_string_truncate(link, link->len - 1);
				g_string_append(b, link->str + 1);
				role = 0;
			} else {
				/* A span of code, or a role's text: the
				 * reader keeps the text. */
				g_string_append_c(b, '`');
				g_string_append(b, link->str + 1);
				g_string_append_c(b, '`');
			}
			g_string_truncate(link, 0);
			p = q;
			while (p + 1 < e && p[1] == '_')
				p++;
			continue;
		}
		if (*p == '\\' && p + 1 < e && p[1] == ' ') {
			p++;
			continue;
		}
		if (*p == '\\' && p + 1 == e)
			continue;
		/* :role:`text`: the text. */
		if (*p == ':' && (p == s || p[-1] == ' ' || p[-1] == '(')) {
			for (q = p + 1; q < e && (g_ascii_isalnum(*q) ||
			    *q == '-' || *q == '_'); q++)
				;
			if (q > p + 1 && q + 1 < e && q[0] == ':' &&
			    q[1] == '`') {
				p = q;
				role = 1;
				continue;
			}
		}
		/* |name|, a substitution (an image's, mostly). */
		if (*p == '|' && (p == s || p[-1] == ' ')) {
			for (q = p + 1; q < e && *q != '|' && *q != ' '; q++)
				;
			if (q < e && *q == '|' && q > p + 1 &&
			    (q + 1 == e || q[1] == ' ' || q[1] == '_')) {
				p = q;
				while (p + 1 < e && p[1] == '_')
					p++;
				continue;
			}
		}
		g_string_append_c(b, *p);
	}
}

/* Put a line block's text (lb) on the last line written, the block's
 * last, as one paragraph; lb empties. */
static void
rst_stanza(GString *b, GString *lb)
{
	size_t	 at = b->len;

	if (at > 0 && b->str[at - 1] == '\n')
		at--;
	g_string_insert_len(b, (gssize)at, lb->str, (gssize)lb->len);
	g_string_truncate(lb, 0);
}

char *
dc_rst_to_md(const char *s, size_t len)
{
	GString		*b = g_string_sized_new(len + 64);
	GString		*link = g_string_new(NULL);
	GString		*lb = g_string_new(NULL);
	GArray		*styles = g_array_new(FALSE, FALSE, sizeof(int));
	const char	*end = s + len, *e, *n, *ne, *n2, *ne2, *p, *te;
	enum rst_block	 blk = RST_TEXT;
	size_t		 ind = 0, dn;
	int		 c, skip = 0, lineblock = 0, prevblank = 1;

	for (; s < end; s = n) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		n = e < end ? e + 1 : end;
		if ((ne = memchr(n, '\n', (size_t)(end - n))) == NULL)
			ne = end;
		n2 = ne < end ? ne + 1 : end;
		if ((ne2 = memchr(n2, '\n', (size_t)(end - n2))) == NULL)
			ne2 = end;
		if (skip > 0) {
			/* An adornment already read. */
			skip--;
			goto next;
		}
		/* A directive's lines: blank or indented. */
		if (blk != RST_TEXT) {
			if (rst_blank(s, e) || *s == ' ' || *s == '\t') {
				if (blk == RST_BODY || blk == RST_CODE) {
					for (p = s; p < e && (size_t)(p - s) <
					    ind && (*p == ' ' || *p == '\t');
					    p++)
						;
					if (ind == 0 && !rst_blank(s, e)) {
						ind = strspn(s, " \t");
						p = s + ind;
					}
					if (blk == RST_CODE && !rst_blank(s, e))
						g_string_append(b, "    ");
					if (blk == RST_CODE)
						g_string_append_len(b, p, e - p);
					else
						rst_inline(b, p, e, link);
				}
				goto next;
			}
			blk = RST_TEXT;
		}
		if (strncmp(s, "..", 2) == 0 && (s + 2 == e || s[2] == ' ' ||
		    s[2] == '\r')) {
			p = s + 2 + (s + 2 < e);
			ind = 0;
			if (rst_directive(p, e, &dn) != NULL &&
			    rst_admonition(p, dn)) {
				blk = RST_BODY;
				/* ".. note:: text": its first line. */
				p += dn + 2;
				while (p < e && *p == ' ')
					p++;
				rst_inline(b, p, e, link);
			} else if (rst_directive(p, e, &dn) != NULL &&
			    rst_code(p, dn))
				blk = RST_CODE;
			else
				blk = RST_DROP;
			goto next;
		}
		/* A title over and under its line, or under it. */
		if ((c = rst_adorn(s, e)) != 0 && n < end &&
		    !rst_blank(n, ne) && !rst_adorn(n, ne) &&
		    rst_adorn(n2, ne2) == c) {
			/* The title on the overline's line: the lines
			 * skipped keep their own line ends. */
			rst_heading(b, rst_level(styles, c, 1), n, ne);
			skip = 2;
			goto next;
		}
		if (!rst_blank(s, e) && *s != ' ' && *s != '\t' &&
		    !rst_adorn(s, e) && prevblank && n < end &&
		    (c = rst_adorn(n, ne)) != 0 && !lineblock) {
			rst_heading(b, rst_level(styles, c, 0), s, e);
			skip = 1;
			goto next;
		}
		if (rst_adorn(s, e) && prevblank)
			goto next;	/* a transition */
		/* A line block's line, and its wrapped lines: the block
		 * (a stanza, an address) is one paragraph, on its last
		 * line. */
		if ((*s == '|' && (s + 1 == e || s[1] == ' ' ||
		    s[1] == '\r')) || (lineblock && !rst_blank(s, e))) {
			lineblock = 1;
			for (p = s + (*s == '|'); p < e && (*p == ' ' ||
			    *p == '\t'); p++)
				;
			if (lb->len > 0 && p < e && !(g_unichar_iswide(
			    g_utf8_get_char(g_utf8_prev_char(lb->str +
			    lb->len))) && g_unichar_iswide(g_utf8_get_char(p))))
				g_string_append_c(lb, ' ');
			rst_inline(lb, p, e, link);
			goto next;
		}
		if (lineblock)
			rst_stanza(b, lb);
		lineblock = 0;
		/* ":Author: name", a field: "Author: name". */
		if (*s == ':' && link->len == 0) {
			for (p = s + 1; p < e && *p != ':' && *p != '`'; p++)
				;
			if (p < e && *p == ':' && p > s + 1 &&
			    p + 1 < e && p[1] == ' ') {
				g_string_append_len(b, s + 1, p - s - 1);
				s = p;
			}
		}
		/* "text::" opens a literal block: "text:"; "text ::",
		 * "text"; "::" alone, nothing (its ':' may have gone into
		 * an open link's text, not into b).  Spaces after it
		 * change nothing. */
		for (te = e; te > s && (te[-1] == ' ' || te[-1] == '\t' ||
		    te[-1] == '\r'); te--)
			continue;
		if (te - s > 2 && te[-1] == ':' && te[-2] == ':') {
			if (te[-3] == ' ' || te[-3] == '\t') {
				for (te -= 2; te > s && (te[-1] == ' ' ||
				    te[-1] == '\t'); te--)
					continue;
				rst_inline(b, s, te, link);
			} else
				rst_inline(b, s, te - 1, link);
			goto next;
		}
		if (te - s == 2 && s[0] == ':' && s[1] == ':')
			goto next;
		rst_inline(b, s, e, link);
next:
		prevblank = rst_blank(s, e);
		if (e < end)
			g_string_append_c(b, '\n');
	}
	if (lineblock)
		rst_stanza(b, lb);
	if (link->len > 0)
		g_string_append(b, link->str);
	g_string_free(link, TRUE);
	g_string_free(lb, TRUE);
	g_array_free(styles, TRUE);
	return g_string_free(b, FALSE);
}
