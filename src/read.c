/*
 * Reading an input: load the file, decode it, pick the dialect and
 * hand it to that dialect's reader.  The readers never call back into
 * this file (as mandoc's read.c: it picks the parser, the parsers
 * parse).
 */
#include "config.h"

#include <sys/resource.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "parse.h"
#include "utf8.h"

/* Is c a Han character or Chinese punctuation? */
static int
detect_cjk(gunichar c)
{
	return dc_char_script_lang(c) == DC_LANG_ZH ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
	    c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
	    c == 0x2014 || c == 0x2026;
}

/*
 * Guess the dialect from how the lines are written.  one_lang: the
 * file is in one language (a side of --translation), never bilingual.
 */
enum dc_dialect
dc_detect(const struct dc_input *in, int one_lang)
{
	static const char tagseps[] = "/_#|";
	size_t	 i, k, nonblank = 0, zh = 0, en = 0, indented = 0, seg = 0;
	size_t	 toks[sizeof(tagseps)] = { 0 }, tagged[sizeof(tagseps)] = { 0 };
	const struct dc_line *l;
	const char *p, *q;

	/* Front matter is no text: its keys are English. */
	for (i = dc_frontmatter_end(in->lines, in->nlines); i < in->nlines;
	    i++) {
		l = &in->lines[i];
		if (l->blank)
			continue;
		nonblank++;
		if (l->lang == DC_LANG_ZH)
			zh++;
		else if (l->lang == DC_LANG_EN)
			en++;
		if (l->indent >= 2)
			indented++;
		/* Han, space, Han: segmented text.  Only spaces beside a
		 * Han character or Chinese punctuation count: English in
		 * the line (a pair on one line, a name) has spaces of its
		 * own. */
		if (l->lang == DC_LANG_ZH) {
			size_t sp = 0, hz = 0;
			gunichar prev = 0, c, next;
			/* Separators: ASCII spaces, or ideographic spaces
			 * in a line without ASCII ones. */
			int ideo = strchr(l->text, ' ') == NULL;
			for (p = l->text; *p != '\0'; p = q) {
				q = p;
				c = dc_u8_next(&q);
				if (*p == ' ' || (ideo && c == 0x3000)) {
					next = dc_u8_get(q);
					if (detect_cjk(prev) || detect_cjk(next))
						sp++;
				} else if (dc_char_script_lang(c) == DC_LANG_ZH)
					hz++;
				prev = c;
			}
			if (hz > 0 && sp * 4 >= hz)
				seg++;
			for (k = 0; k < sizeof(tagseps) - 1; k++)
				dc_seg_count_tags(l->text, tagseps[k],
				    &toks[k], &tagged[k]);
		}
	}
	if (nonblank == 0)
		return DC_DIALECT_PLAIN;
	/* A Chinese text most of whose tokens end in a tag after one
	 * separator is a tagged corpus, however long its tokens (phrase
	 * or entity chunks, "致公党/nt"): the tags are the evidence where
	 * the spaces between tokens are few. */
	for (k = 0; k < sizeof(tagseps) - 1; k++)
		if (zh * 5 >= nonblank && tagged[k] >= 8 &&
		    tagged[k] * 10 >= toks[k] * 6)
			return DC_DIALECT_SEGMENTED;
	/* Each choice is a guess when its evidence is thin: said so, with
	 * the counts, so that --input-format can overrule it. */
	/* Segmented text is Chinese text: not an English file with a
	 * Chinese line or two ("English | 中文"). */
	if (zh > 0 && seg * 2 > zh && zh * 5 >= nonblank) {
		if (seg * 10 < zh * 7)
			dc_msg(DC_WARN_DIALECT, 0, 0, "read as segmented text: "
			    "%zu of %zu Chinese lines have token spaces (say "
			    "--input-format=plain if it is not)", seg, zh);
		return DC_DIALECT_SEGMENTED;
	}
	if (!one_lang && zh > 0 && en > 0 && en * 5 >= nonblank &&
	    zh * 5 >= nonblank) {
		if (en * 10 < nonblank * 3 || zh * 10 < nonblank * 3)
			dc_msg(DC_WARN_DIALECT, 0, 0, "read as bilingual text: "
			    "%zu Chinese and %zu English lines of %zu (say "
			    "--input-format=plain if they are not pairs)", zh,
			    en, nonblank);
		return DC_DIALECT_BILINGUAL;
	}
	if (zh > 0 && indented * 2 > nonblank) {
		if (indented * 10 < nonblank * 6)
			dc_msg(DC_WARN_DIALECT, 0, 0, "read as news: %zu of "
			    "%zu lines are indented (say --input-format=plain "
			    "if it is not)", indented, nonblank);
		return DC_DIALECT_NEWS;
	}
	/* Unindented (or hard-wrapped) paragraphs are news too when a
	 * dateline opens the text, after its title lines. */
	for (i = 0, nonblank = 0; zh > 0 && i < in->nlines && nonblank < 5;
	    i++) {
		l = &in->lines[i];
		if (l->blank)
			continue;
		nonblank++;
		if (dc_dateline_at(l->text))
			return DC_DIALECT_NEWS;
	}
	return DC_DIALECT_PLAIN;
}

static int
int_cmp(const void *x, const void *y)
{
	int	 a = *(const int *)x, b = *(const int *)y;

	return a < b ? -1 : a > b;
}

/* Mark the lines an --alignment file starts a paragraph at: a
 * corrected alignment undoes a reading that joined them. */
static void
read_breaks(struct dc_input *in, const struct dc_opts *o)
{
	size_t	 i;

	if (o->breaks == NULL)
		return;
	for (i = 0; i < in->nlines; i++)
		in->lines[i].brk = bsearch(&in->lines[i].lineno, o->breaks,
		    o->nbreaks, sizeof(int), int_cmp) != NULL;
}

/*
 * Under DOCCONV_CHECK (set by the test suite) every parse ends with
 * dc_tree_check(): a model that breaks the rules is a bug, reported
 * and aborted on, whatever the input was.
 */
struct dc_doc *
dc_read_checked(struct dc_doc *d)
{
	const char	*e = g_getenv("DOCCONV_CHECK");

	if (d != NULL && e != NULL && *e != '\0' && strcmp(e, "0") != 0 &&
	    dc_tree_check(d, stderr) != 0) {
		fprintf(stderr, "docconv: DOCCONV_CHECK: the model breaks "
		    "the rules above\n");
		abort();
	}
	return d;
}

/*
 * Where the root element starts in the XML text from p (at a '<') to
 * end: past the XML declaration, comments, processing instructions
 * (xml-model, xml-stylesheet), a document type declaration and white
 * space, however long they are.  NULL if something else comes first.
 */
static const char *
read_root(const char *p, const char *end)
{
	const char	*q;
	int		 depth;

	while (p < end) {
		if (g_ascii_isspace(*p)) {
			p++;
			continue;
		}
		if (*p != '<' || end - p < 2)
			return NULL;
		if (p[1] == '?')
			q = g_strstr_len(p + 2, end - p - 2, "?>");
		else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			q = g_strstr_len(p + 4, end - p - 4, "-->");
		else if (end - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
			/* Up to its '>' outside the internal subset. */
			for (q = p + 9, depth = 0; q < end; q++)
				if (*q == '[')
					depth++;
				else if (*q == ']' && depth > 0)
					depth--;
				else if (*q == '>' && depth == 0)
					break;
			if (q == end)
				return NULL;
			p = q + 1;
			continue;
		} else
			return g_ascii_isalpha(p[1]) || p[1] == '_' ||
			    (unsigned char)p[1] >= 0x80 ? p : NULL;
		if (q == NULL)
			return NULL;
		p = q + (p[1] == '?' ? 2 : 3);
	}
	return NULL;
}

/*
 * Is this input TEI?  XML (after any byte order mark and white space
 * it starts with "<") whose first 4 KB name the TEI namespace or a TEI
 * root element, with or without a prefix.  XML in UTF-16 or UTF-32
 * (by its byte order mark, or "<?" as UTF-16 without one, as the XML
 * recommendation detects it) is given back in *x as UTF-8 (g_free())
 * with the encoding declaration taken out, so that libxml2 reads it
 * as what it now is; line numbers stay.
 */
static int
read_tei(const char *buf, size_t len, char **x, size_t *xlen)
{
	const unsigned char *u = (const unsigned char *)buf;
	const char	*enc = NULL, *p, *end, *e, *q, *r;
	size_t		 skip = 0, n;
	gsize		 out = 0;
	char		*c;

	*x = NULL;
	if (len >= 4 && memcmp(u, "\xFF\xFE\0\0", 4) == 0)
		enc = "UTF-32LE", skip = 4;
	else if (len >= 4 && memcmp(u, "\0\0\xFE\xFF", 4) == 0)
		enc = "UTF-32BE", skip = 4;
	else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		enc = "UTF-16LE", skip = 2;
	else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		enc = "UTF-16BE", skip = 2;
	else if (len >= 4 && memcmp(u, "<\0?\0", 4) == 0)
		enc = "UTF-16LE";
	else if (len >= 4 && memcmp(u, "\0<\0?", 4) == 0)
		enc = "UTF-16BE";
	else if (len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	if (enc != NULL) {
		/* Only as much as tells, unless it is XML. */
		n = len - skip;
		c = g_convert(buf + skip, (gssize)(n < 8192 ? n : 8192 -
		    (8192 % 4)), "UTF-8", enc, NULL, &out, NULL);
		if (c == NULL || (p = c, *p != '<' && !g_ascii_isspace(*p))) {
			g_free(c);
			return 0;
		}
		g_free(c);
		if ((c = g_convert(buf + skip, (gssize)n, "UTF-8", enc, NULL,
		    &out, NULL)) == NULL)
			return 0;
		*x = c;
		*xlen = out;
		buf = c;
		len = out;
		skip = 0;
	}
	p = buf + skip;
	end = buf + len;
	while (p < end && g_ascii_isspace(*p))
		p++;
	if (p == end || *p != '<')
		return 0;
	/* The root's start tag, however long the prolog before it. */
	if ((r = read_root(p, end)) == NULL)
		return 0;
	n = (size_t)(end - r) < 4096 ? (size_t)(end - r) : 4096;
	if (g_strstr_len(r, (gssize)n, "http://www.tei-c.org/ns/1.0") == NULL &&
	    g_strstr_len(r, (gssize)n, "<TEI") == NULL &&
	    g_strstr_len(r, (gssize)n, ":TEI") == NULL)
		return 0;
	/* Converted: the declaration's encoding is no longer true. */
	if (*x != NULL && strncmp(p, "<?xml", 5) == 0 &&
	    (q = strstr(p, "?>")) != NULL &&
	    (e = g_strstr_len(p, q - p, "encoding")) != NULL) {
		char *v = (char *)e;
		const char *ve = e + 8;
		while (ve < q && *ve != '"' && *ve != '\'')
			ve++;
		if (ve < q) {
			const char *close = memchr(ve + 1, *ve, q - ve - 1);
			if (close != NULL)
				memset(v, ' ', close + 1 - e);
		}
	}
	return 1;
}

/*
 * Parse an input held in memory; name is the source's name for the
 * metadata, path the file read (NULL if none: no sidecar).  own: NULL,
 * or buf's g_malloc()ed buffer, which is freed (or taken by the input)
 * as soon as the text is decoded, and *own set to NULL: a long text
 * is held twice at most.  Returns the document, or NULL after
 * reporting an error.
 */
static struct dc_doc *
read_mem(const char *buf, size_t len, const char *name, const char *path,
    const struct dc_opts *o, char **own)
{
	struct dc_input	 in;
	struct dc_found	 found;
	struct dc_doc	*d;
	enum dc_dialect	 dia;

	if (len == 0) {
		dc_msg(DC_ERR_EMPTY, 0, 0, "no text to convert");
		return NULL;
	}
	dia = o->dialect;
	if (dia == DC_DIALECT_TEI || dia == DC_DIALECT_AUTO) {
		char	*x = NULL;
		size_t	 xlen = 0;
		int	 tei;

		tei = read_tei(buf, len, &x, &xlen);
		if (tei || dia == DC_DIALECT_TEI) {
			struct dc_input raw = { x != NULL ? x : (char *)buf,
			    x != NULL ? xlen : len, NULL, 0, path, 0 };
			d = dc_parse_tei(&raw, o);
			g_free(x);
			if (d == NULL)
				return NULL;
			/* The TEI names its own source text. */
			if (d->meta.source == NULL)
				dc_meta_set(&d->meta.source, name);
			dc_doc_finish(d, o, path);
			return dc_read_checked(d);
		}
		g_free(x);
	}
	/* docconv's own JSON: the model as it was written. */
	if (dia == DC_DIALECT_JSON || (dia == DC_DIALECT_AUTO &&
	    dc_json_sniff(buf, len))) {
		struct dc_input raw = { (char *)buf, len, NULL, 0, path, 0 };
		return dc_read_checked(dc_parse_json(&raw, o));
	}
	if (dc_input_decode(buf, len, o, &in, own) == -1)
		return NULL;
	if (own != NULL) {
		g_free(*own);
		*own = NULL;
	}
	read_breaks(&in, o);
	dc_input_web(&in, &found, o->keep_markup);
	/* The lines hold the text now: the whole of it is not read again. */
	g_free(in.buf);
	in.buf = NULL;
	dc_input_split(&in);
	/* A file of one language has no pairs on a line: its English
	 * words in Chinese lines are names, code, links. */
	if (!o->one_lang)
		dc_input_pairs(&in);
	in.path = path;
	if (dia == DC_DIALECT_AUTO)
		dia = dc_detect(&in, o->one_lang);
	if (dia != DC_DIALECT_BILINGUAL && !o->one_lang)
		dc_input_unpair(&in);
	/* A clause a line: the lines that go on join first. */
	dc_input_join(&in, dia == DC_DIALECT_SEGMENTED ? " " : "");
	/* The passes above grow the line array by doubling: the reader
	 * gets it cut to its lines (a third less on average). */
	if (in.nlines > 0)
		in.lines = g_renew(struct dc_line, in.lines, in.nlines);
	switch (dia) {
	case DC_DIALECT_SEGMENTED:
		d = dc_parse_segmented(&in, o);
		break;
	case DC_DIALECT_BILINGUAL:
		d = dc_parse_bilingual(&in, o);
		break;
	case DC_DIALECT_NEWS:
		d = dc_parse_news(&in, o);
		break;
	case DC_DIALECT_PLAIN:
		d = dc_parse_plain(&in, o);
		break;
	case DC_DIALECT_AUTO:
	case DC_DIALECT_TEI:
	case DC_DIALECT_JSON:
	case DC_DIALECT__MAX:
	default:
		abort();
	}
	d->meta.dialect = dia;
	dc_meta_set(&d->meta.source, name);
	dc_found_apply(d, &found);
	dc_found_free(&found);
	dc_input_free(&in);
	dc_doc_finish(d, o, path);
	return dc_read_checked(d);
}

/*
 * Parse an input held in memory; name is the source's name for the
 * metadata.  Returns the document, or NULL after reporting an error.
 */
struct dc_doc *
dc_parse_mem(const char *buf, size_t len, const char *name,
    const struct dc_opts *o)
{
	return read_mem(buf, len, name, NULL, o, NULL);
}

/* The input size limit when --max-input-size does not give one. */
#define READ_MAX_DEFAULT	((size_t)256 << 20)

/* Say that an input passes the limit. */
static void
read_too_big(unsigned long long size, size_t max)
{
	char	*m = g_format_size_full(max, G_FORMAT_SIZE_IEC_UNITS);

	if (size > 0) {
		char *z = g_format_size_full(size, G_FORMAT_SIZE_IEC_UNITS);
		dc_msg(DC_ERR_INPUT, 0, 0, "%s, larger than the limit of %s "
		    "(give a larger one with --max-input-size=SIZE)", z, m);
		g_free(z);
	} else
		dc_msg(DC_ERR_INPUT, 0, 0, "larger than the limit of %s "
		    "(give a larger one with --max-input-size=SIZE)", m);
	g_free(m);
}

/*
 * Read a whole input from fd, at most max bytes (size: what fstat
 * says a regular file holds, else 0): returns the bytes (g_free())
 * and their number in *len, or NULL after reporting why not.  The
 * blocks are kept apart until the end, so that an input refused at
 * the limit never held more than the limit.  A first block with a NUL
 * byte and no byte order mark is all that is read of binary data
 * (/dev/zero): dc_parse_mem() refuses it, naming where.
 */
static char *
read_capped(int fd, size_t max, size_t size, const struct dc_opts *o,
    size_t *len)
{
	GPtrArray	*blocks;
	GByteArray	*blk;
	size_t		 total = 0, bsz, got, i;
	ssize_t		 n = 0;
	char		*buf = NULL, *p;
	int		 eof;

	blocks = g_ptr_array_new_with_free_func((GDestroyNotify)
	    g_byte_array_unref);
	bsz = size > 0 ? size + 1 : 1 << 20;
	for (eof = 0; !eof; ) {
		/* Fill a block (a pipe gives 64 KiB a read). */
		blk = g_byte_array_sized_new((guint)bsz);
		g_byte_array_set_size(blk, (guint)bsz);
		for (got = 0; got < bsz; got += (size_t)n) {
			n = read(fd, blk->data + got, bsz - got);
			if (n == -1 && errno == EINTR) {
				n = 0;
				continue;
			}
			if (n == -1) {
				dc_msg(DC_ERR_INPUT, 0, 0, "cannot read it: "
				    "%s", g_strerror(errno));
				g_byte_array_unref(blk);
				goto out;
			}
			if (n == 0) {
				eof = 1;
				break;
			}
			/* Binary: the first bytes say it (/dev/zero). */
			if (total + got == 0 && o->encoding == NULL &&
			    memchr(blk->data, '\0', (size_t)n) != NULL &&
			    !(n >= 2 && ((blk->data[0] == 0xFF &&
			    blk->data[1] == 0xFE) || (blk->data[0] == 0xFE &&
			    blk->data[1] == 0xFF)))) {
				got = (size_t)n;
				eof = 1;
				break;
			}
		}
		g_byte_array_set_size(blk, (guint)got);
		g_ptr_array_add(blocks, blk);
		if ((total += got) > max) {
			read_too_big(0, max);
			goto out;
		}
	}
	buf = p = g_malloc(total + 1);
	for (i = 0; i < blocks->len; i++) {
		blk = g_ptr_array_index(blocks, i);
		memcpy(p, blk->data, blk->len);
		p += blk->len;
		/* Give each block back as soon as it is copied. */
		g_byte_array_set_size(blk, 0);
	}
	*p = '\0';
	*len = total;
out:
	g_ptr_array_free(blocks, TRUE);
	return buf;
}

/*
 * Memory the model and its outputs take, about, per input line and
 * per input byte: a million one-character lines take 255 MB to
 * --dump-model, TEI or JSON (while reading: two nodes, a seg's text,
 * a line record and a pointer to it a line; the writers stream);
 * long lines cost their bytes a few times over.
 */
#define READ_MEM_LINE	240
#define READ_MEM_BYTE	16

/* The number in kB after key in a /proc file's text, or 0. */
static unsigned long long
read_proc_kb(const char *text, const char *key)
{
	const char	*p;

	if (text == NULL || (p = strstr(text, key)) == NULL)
		return 0;
	return g_ascii_strtoull(p + strlen(key), NULL, 10) << 10;
}

/*
 * Bytes of memory this process may still take: the system's available
 * memory, under the cgroup's limit and RLIMIT_AS's (less what is
 * mapped already); 0 if none of them is known.
 */
static unsigned long long
read_mem_avail(void)
{
	struct rlimit		 rl;
	unsigned long long	 avail = 0, v, used;
	char			*t = NULL, *u = NULL;

	if (g_file_get_contents("/proc/meminfo", &t, NULL, NULL))
		avail = read_proc_kb(t, "MemAvailable:");
	g_free(t);
	t = NULL;
	if (g_file_get_contents("/sys/fs/cgroup/memory.max", &t, NULL,
	    NULL) && g_ascii_isdigit(*t) && g_file_get_contents(
	    "/sys/fs/cgroup/memory.current", &u, NULL, NULL)) {
		v = g_ascii_strtoull(t, NULL, 10);
		used = g_ascii_strtoull(u, NULL, 10);
		v = v > used ? v - used : 0;
		if (avail == 0 || v < avail)
			avail = v;
	}
	g_free(t);
	g_free(u);
	t = NULL;
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    g_file_get_contents("/proc/self/status", &t, NULL, NULL)) {
		used = read_proc_kb(t, "VmSize:");
		v = rl.rlim_cur > used ? rl.rlim_cur - used : 0;
		if (avail == 0 || v < avail)
			avail = v;
	}
	g_free(t);
	return avail;
}

/*
 * Without --max-input-size, is there memory for an input of len bytes
 * from buf?  Many short lines take far more memory than their bytes
 * (a node a line): a text that would not fit is refused with what it
 * needs, before the allocator aborts.  Returns 0, or -1 (reported).
 */
static int
read_mem_check(const char *buf, size_t len, const struct dc_opts *o)
{
	unsigned long long	 need, avail;
	const char		*p, *end = buf + len;
	size_t			 lines = 1;
	char			*n, *a;

	if (o->max_input > 0)
		return 0;
	for (p = buf; (p = memchr(p, '\n', end - p)) != NULL; p++)
		lines++;
	need = (unsigned long long)lines * READ_MEM_LINE +
	    (unsigned long long)len * READ_MEM_BYTE;
	if ((avail = read_mem_avail()) == 0 || need <= avail)
		return 0;
	n = g_format_size_full(need, G_FORMAT_SIZE_IEC_UNITS);
	a = g_format_size_full(avail, G_FORMAT_SIZE_IEC_UNITS);
	dc_msg(DC_ERR_INPUT, 0, 0, "%zu lines would take about %s of "
	    "memory, more than the %s available (split the text, or give "
	    "--max-input-size=SIZE to try anyway)", lines, n, a);
	g_free(n);
	g_free(a);
	return -1;
}

/*
 * Read and parse a file ("-" for standard input).  Returns the
 * document, or NULL after reporting why not.
 */
struct dc_doc *
dc_parse_file(const char *path, const struct dc_opts *o)
{
	struct dc_doc	*d;
	GStatBuf	 st;
	gchar		*buf = NULL, *base;
	size_t		 len = 0, max;
	int		 fd;

	max = o->max_input > 0 ? o->max_input : READ_MAX_DEFAULT;
	if (strcmp(path, "-") == 0) {
		if ((buf = read_capped(0, max, 0, o, &len)) == NULL)
			return NULL;
		if (read_mem_check(buf, len, o) == -1) {
			g_free(buf);
			return NULL;
		}
		d = read_mem(buf, len, "-", path, o, &buf);
		g_free(buf);
		return d;
	}
	if (g_stat(path, &st) == -1) {
		dc_msg(DC_ERR_INPUT, 0, 0, "cannot read it: %s%s",
		    g_strerror(errno), errno == ENOENT ?
		    " (check the name and directory)" : "");
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		dc_msg(DC_ERR_INPUT, 0, 0, "is a directory; give the text "
		    "files in it (e.g. DIR/*.txt)");
		return NULL;
	}
	/* A file says its size: refused before a byte is read. */
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
		read_too_big((unsigned long long)st.st_size, max);
		return NULL;
	}
	if ((fd = g_open(path, O_RDONLY, 0)) == -1) {
		dc_msg(DC_ERR_INPUT, 0, 0, "cannot read it: %s",
		    g_strerror(errno));
		return NULL;
	}
	buf = read_capped(fd, max, S_ISREG(st.st_mode) ?
	    (size_t)st.st_size : 0, o, &len);
	close(fd);
	if (buf == NULL)
		return NULL;
	if (read_mem_check(buf, len, o) == -1) {
		g_free(buf);
		return NULL;
	}
	base = g_path_get_basename(path);
	d = read_mem(buf, len, base, path, o, &buf);
	g_free(base);
	g_free(buf);
	return d;
}
