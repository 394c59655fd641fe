/*
 * Reading the bytes of an input: byte order marks, UTF-16, GB18030,
 * invalid UTF-8, line ends and control characters; then splitting the
 * decoded text into trimmed lines with their positions; and the side
 * files (meta, style, alignment) read whole without blocking.
 */
#define _GNU_SOURCE	/* memmem() */
#include "config.h"

#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "parse.h"

/* Line and byte column (from 1) of offset off in buf. */
static void
input_pos(const char *buf, size_t off, int *line, int *col)
{
	size_t	 i, bol = 0;
	int	 l = 1;

	for (i = 0; i < off; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' &&
		    (i + 1 >= off || buf[i + 1] != '\n'))) {
			l++;
			bol = i + 1;
		}
	*line = l;
	*col = (int)(off - bol) + 1;
}

/*
 * Decode UTF-16 (after its BOM) into UTF-8.  Lone surrogates are an
 * error, or U+FFFD under lenient.  Returns the text or NULL.
 */
static char *
input_utf16(const unsigned char *p, size_t len, int be, int lenient,
    size_t *outlen)
{
	GString		*b;
	size_t		 i;
	unsigned int	 u, u2;
	int		 line = 1, col = 1, bad = 0;

	b = g_string_sized_new(len + len / 2);
	for (i = 0; i + 1 < len; i += 2) {
		u = be ? (p[i] << 8 | p[i + 1]) : (p[i + 1] << 8 | p[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			u2 = be ? (p[i + 2] << 8 | p[i + 3]) :
			    (p[i + 3] << 8 | p[i + 2]);
			if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (u2 - 0xDC00);
				i += 2;
				g_string_append_unichar(b, u);
				col += 4;
				continue;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF) {
			if (!lenient) {
				dc_msg(DC_ERR_ENCODING, line, col, "UTF-16 "
				    "lone surrogate U+%04X (use --lenient to "
				    "replace it)", u);
				g_string_free(b, TRUE);
				return NULL;
			}
			if (bad++ == 0)
				dc_msg(DC_WARN_LENIENT, line, col, "a lone "
				    "UTF-16 surrogate");
			u = 0xFFFD;
		}
		if (u == '\n') {
			line++;
			col = 0;
		}
		g_string_append_unichar(b, u);
		col += g_unichar_to_utf8(u, NULL);
	}
	if (len % 2 != 0) {
		if (!lenient) {
			dc_msg(DC_ERR_ENCODING, line, col, "UTF-16 file "
			    "with an odd number of bytes: truncated?");
			g_string_free(b, TRUE);
			return NULL;
		}
		g_string_append_unichar(b, 0xFFFD);
	}
	*outlen = b->len;
	return g_string_free(b, FALSE);
}

/*
 * Is this invalid UTF-8 more likely a legacy Chinese encoding than a
 * UTF-8 file with a few bad bytes?  Count valid multi-byte sequences
 * against invalid ones: GBK text almost never forms valid UTF-8.
 */
static int
input_looks_legacy(const char *buf, size_t len)
{
	const char	*p = buf, *end = buf + len, *bad;
	size_t		 good = 0, invalid = 0;

	while (p < end) {
		if (g_utf8_validate(p, end - p, &bad))
			bad = end;
		for (; p < bad; p++)
			if ((unsigned char)*p >= 0xC0)
				good++;
		if (p < end) {
			invalid++;
			p++;
		}
	}
	return invalid > good;
}

/*
 * Which legacy encoding a text that is not UTF-8 is in, by the
 * evidence of its bytes: a pair whose lead and trail fall in GB2312's
 * first level of common Han characters counts for GB18030; a pair
 * whose trail is ASCII (0x40-0x7E) for Big5, whose common characters
 * have such trails as often as not, where GBK's rarely do; a high byte
 * alone after an ASCII letter ("na\xefve") for Latin-1, read as
 * Windows-1252, its superset.
 * Returns the encoding's iconv name and sets *sure where the evidence
 * is clear, or returns NULL where it is not.
 */
static const char *
input_legacy_guess(const char *buf, size_t len, int *sure)
{
	const unsigned char	*u = (const unsigned char *)buf;
	size_t			 i, gb = 0, gbk = 0, low = 0, latin = 0;
	size_t			 pairs = 0;

	for (i = 0; i < len; i++) {
		unsigned char h = u[i], t = i + 1 < len ? u[i + 1] : 0;
		if (h < 0x80)
			continue;
		/* A lone high byte after a letter: Latin-1 ("na\xefve"). */
		if (h >= 0xC0 && h != 0xD7 && h != 0xF7 && i > 0 &&
		    g_ascii_isalpha(u[i - 1]) && t < 0x80 && (t == 0 ||
		    g_ascii_isalpha(t) || t == ' ' || g_ascii_ispunct(t))) {
			latin++;
			continue;
		}
		if (h >= 0x81 && h <= 0xFE && t >= 0x40 && t != 0x7F &&
		    t != 0xFF) {
			pairs++;
			if (h >= 0xB0 && h <= 0xD7 && t >= 0xA1)
				gb++;
			else if (h <= 0xA0 || (t >= 0x80 && t <= 0xA0))
				gbk++;	/* no Big5 has these */
			else if (t < 0x80)
				low++;	/* Big5's trail; rare in GBK */
			i++;
		}
	}
	*sure = 0;
	if (latin > 0 && latin >= pairs)
		return "WINDOWS-1252";	/* a guess, always said */
	if (pairs == 0)
		return NULL;
	if (low * 10 >= pairs * 2 && gbk * 20 < pairs)
		return "BIG5";
	/* Common simplified characters, or GBK's own ranges (its
	 * Traditional characters among them). */
	if ((gb + gbk) * 10 >= pairs * 6) {
		*sure = (gb + gbk) * 10 >= pairs * 8 && latin == 0;
		return "GB18030";
	}
	return NULL;
}

/*
 * Decode len bytes from encoding enc into UTF-8 with iconv.  A byte
 * sequence that is not enc (or is cut short at the end) is an error
 * naming where, or, under lenient, U+FFFD with one warning.  Returns
 * the text (g_free()) and its length in *outlen, or NULL after
 * reporting.
 */
static char *
input_iconv(const char *raw, size_t len, const char *enc, int lenient,
    size_t *outlen)
{
	GIConv		 cd;
	GString		*b;
	char		 out[4096], *ip = (char *)raw, *op;
	gsize		 il = len, ol;
	size_t		 bad = 0, r;
	int		 line, col, bline = 0, bcol = 0;

	if ((cd = g_iconv_open("UTF-8", enc)) == (GIConv)-1) {
		dc_msg(DC_ERR_ENCODING, 0, 0, "unknown encoding '%s' (see "
		    "'iconv -l')", enc);
		return NULL;
	}
	b = g_string_sized_new(len + len / 2 + 16);
	while (il > 0) {
		op = out;
		ol = sizeof(out);
		r = g_iconv(cd, &ip, &il, &op, &ol);
		g_string_append_len(b, out, (gssize)(op - out));
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		/* EILSEQ, or EINVAL: a sequence cut short at the end. */
		if (!lenient) {
			input_pos(raw, (size_t)(ip - raw), &line, &col);
			dc_msg(DC_ERR_ENCODING, line, col, "not valid %s%s; "
			    "give the right --encoding, or replace bad bytes "
			    "with --lenient", enc, errno == EINVAL ?
			    " (the last character is cut short)" : "");
			g_iconv_close(cd);
			g_string_free(b, TRUE);
			return NULL;
		}
		if (bad++ == 0)
			input_pos(raw, (size_t)(ip - raw), &bline, &bcol);
		g_string_append(b, "\xEF\xBF\xBD");
		ip++;
		il--;
	}
	/* Flush a stateful encoding's shift state. */
	op = out;
	ol = sizeof(out);
	g_iconv(cd, NULL, NULL, &op, &ol);
	g_string_append_len(b, out, (gssize)(op - out));
	g_iconv_close(cd);
	if (bad > 0)
		dc_msg(DC_WARN_LENIENT, bline, bcol, "%zu byte%s not valid "
		    "%s", bad, bad == 1 ? "" : "s", enc);
	*outlen = b->len;
	return g_string_free(b, FALSE);
}

/* Does the first n bytes of raw hold the string s? */
static int
input_has(const char *raw, size_t n, const char *s)
{
	return memmem(raw, n, s, strlen(s)) != NULL;
}

/*
 * What a file that is no text is, by its first bytes, and what to do
 * with it; NULL for anything else.
 */
static const char *
input_binary(const char *raw, size_t len)
{
	size_t	 n = MIN(len, 4096);

	if (len >= 8 && memcmp(raw, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "this is a PNG image";
	if (len >= 3 && memcmp(raw, "\xFF\xD8\xFF", 3) == 0)
		return "this is a JPEG image";
	if (len >= 5 && memcmp(raw, "%PDF-", 5) == 0)
		return "this is a PDF document: take its text out first "
		    "(e.g. pdftotext -layout FILE.pdf FILE.txt) and give that";
	if (len >= 5 && memcmp(raw, "{\\rtf", 5) == 0)
		return "this is an RTF document: save it as plain text "
		    "(UTF-8) and give that";
	if (len >= 8 && memcmp(raw, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
	    8) == 0)
		return "this is a Word 97-2003 document (.doc) or another old "
		    "Office file: save it as plain text (UTF-8) and give that";
	if (len < 4 || memcmp(raw, "PK\x03\x04", 4) != 0)
		return NULL;
	if (input_has(raw, n, "mimetypeapplication/epub+zip"))
		return "this is an EPUB book: give the text it was made from, "
		    "or save its chapters as plain text (UTF-8)";
	if (input_has(raw, n, "application/vnd.oasis.opendocument.text"))
		return "this is an OpenDocument text (.odt): save it as plain "
		    "text (UTF-8) and give that";
	if (input_has(raw, n, "word/"))
		return "this is a Word document (.docx): save it as plain "
		    "text (UTF-8) and give that";
	return "this is a ZIP archive: unpack it and give the text files "
	    "in it";
}

/*
 * --encoding UTF-16 or UTF-32 on a file with no NUL byte that is valid
 * UTF-8: such text is UTF-8 (every line end of UTF-16 holds a NUL), and
 * would be read as mojibake.  Returns 1 after saying so, else 0.
 */
static int
input_wrong_wide(const char *raw, size_t len, const char *enc)
{
	if (enc == NULL || (g_ascii_strncasecmp(enc, "UTF-16", 6) != 0 &&
	    g_ascii_strncasecmp(enc, "UTF16", 5) != 0 &&
	    g_ascii_strncasecmp(enc, "UTF-32", 6) != 0 &&
	    g_ascii_strncasecmp(enc, "UTF32", 5) != 0 &&
	    g_ascii_strncasecmp(enc, "UCS-2", 5) != 0 &&
	    g_ascii_strncasecmp(enc, "UCS-4", 5) != 0))
		return 0;
	if (len == 0 || memchr(raw, '\0', len) != NULL ||
	    !g_utf8_validate(raw, (gssize)len, NULL))
		return 0;
	dc_msg(DC_ERR_ENCODING, 0, 0, "--encoding %s does not fit: the file "
	    "has no NUL byte and is valid UTF-8; leave --encoding out", enc);
	return 1;
}

/*
 * Decode raw input to UTF-8 in in->buf, with CR and CRLF turned into
 * LF and control characters removed.  Returns 0, or -1 after reporting
 * why the input is refused.  If *own is the raw buffer (the caller's,
 * from g_malloc(), NUL after its end) and the input is UTF-8 already,
 * in->buf is that buffer and *own NULL: a long text is not held twice.
 */
static int
input_to_utf8(const char *raw, size_t len, const struct dc_opts *o,
    struct dc_input *in, char **own)
{
	const unsigned char	*u = (const unsigned char *)raw;
	const char		*bad;
	char			*conv = NULL;
	size_t			 clen = 0;
	int			 line, col;

	if ((bad = input_binary(raw, len)) != NULL) {
		dc_msg(DC_ERR_BINARY, 0, 0, "%s", bad);
		return -1;
	}
	if (input_wrong_wide(raw, len, o->encoding))
		return -1;
	/* --encoding wins over any byte order mark (one in the text is
	 * dropped after decoding). */
	if (o->encoding != NULL &&
	    g_ascii_strcasecmp(o->encoding, "UTF-8") != 0 &&
	    g_ascii_strcasecmp(o->encoding, "UTF8") != 0) {
		if ((conv = input_iconv(raw, len, o->encoding, o->lenient,
		    &clen)) == NULL)
			return -1;
		if (clen >= 3 && memcmp(conv, "\xEF\xBB\xBF", 3) == 0) {
			memmove(conv, conv + 3, clen - 2);
			clen -= 3;
		}
		in->buf = conv;
		in->len = clen;
		return 0;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		raw += 3;
		len -= 3;
	} else if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 &&
	    u[3] == 0) || (u[0] == 0 && u[1] == 0 && u[2] == 0xFE &&
	    u[3] == 0xFF))) {
		/* UTF-32 (its BOM begins as UTF-16's does: first). */
		if ((conv = input_iconv(raw + 4, len - 4, u[0] == 0 ?
		    "UTF-32BE" : "UTF-32LE", o->lenient, &clen)) == NULL)
			return -1;
		in->buf = conv;
		in->len = clen;
		return 0;
	} else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF))) {
		conv = input_utf16(u + 2, len - 2, u[0] == 0xFE,
		    o->lenient, &clen);
		if (conv == NULL)
			return -1;
		in->buf = conv;
		in->len = clen;
		return 0;
	}

	/* NUL bytes: not a text file. */
	if ((bad = memchr(raw, '\0', len)) != NULL) {
		input_pos(raw, bad - raw, &line, &col);
		dc_msg(DC_ERR_BINARY, line, col, "a NUL byte (UTF-16 "
		    "without a byte order mark, or binary data?)");
		return -1;
	}

	if (g_utf8_validate(raw, len, &bad)) {
		if (own != NULL && *own != NULL) {
			/* Past a byte order mark: the buffer's start is
			 * what g_free() wants. */
			in->buf = *own;
			if (raw != in->buf)
				memmove(in->buf, raw, len);
			in->buf[len] = '\0';
			*own = NULL;
		} else
			in->buf = g_strndup(raw, len);
		in->len = len;
		return 0;
	}
	if (o->encoding == NULL && input_looks_legacy(raw, len)) {
		const char	*enc;
		int		 sure;

		enc = input_legacy_guess(raw, len, &sure);
		if (enc == NULL) {
			dc_msg(DC_ERR_ENCODING, 0, 0, "not UTF-8, and not "
			    "clearly GB18030, Big5 or Latin-1: give the "
			    "encoding with --encoding (e.g. --encoding=GB18030, "
			    "BIG5, WINDOWS-1252)");
			return -1;
		}
		conv = g_convert(raw, len, "UTF-8", enc, NULL, &clen, NULL);
		if (conv != NULL) {
			if (!sure || o->verbose > 0)
				dc_msg(DC_WARN_GENERIC, 0, 0, "not UTF-8: read "
				    "as %s%s", enc, sure ? "" : " (a guess: "
				    "give the encoding with --encoding if it "
				    "is not)");
			in->buf = conv;
			in->len = clen;
			return 0;
		}
	}
	input_pos(raw, bad - raw, &line, &col);
	if (!o->lenient) {
		dc_msg(DC_ERR_UTF8, line, col, "byte 0x%02X; "
		    "give the encoding with --encoding, or replace bad "
		    "bytes with --lenient", (unsigned char)*bad);
		return -1;
	}
	dc_msg(DC_WARN_LENIENT, line, col, "in UTF-8 "
	    "text");
	in->buf = g_utf8_make_valid(raw, len);
	in->len = strlen(in->buf);
	return 0;
}


/*
 * Normalise line ends and drop control characters in place; then cut
 * into lines.  Controls are reported once per input with a count.
 */
static void
input_lines(struct dc_input *in)
{
	char		*s = in->buf, *w = in->buf, *p, *e, *q;
	size_t		 i, k, n = 0, cap = 64, ctrl = 0;
	int		 line = 1, col = 1, cline = 0, ccol = 0;
	gunichar	 c;
	struct dc_line	*l;
	unsigned char	 stop[256];

	/* The bytes that may need more than copying: line ends and
	 * other controls, DEL, and the leads of C1 controls (C2), of
	 * U+FFFE and U+FFFF (EF) and of U+2028 and U+2029 (E2). */
	for (i = 0; i < sizeof(stop); i++)
		stop[i] = i < 0x20 || i == 0x7F || i == 0xC2 || i == 0xEF ||
		    i == 0xE2;
	for (i = 0; i < in->len; ) {
		unsigned char b = (unsigned char)s[i];
		/*
		 * Nearly every byte is kept as it is: a run of them is
		 * skipped at once, and moved only once something before
		 * it was dropped.
		 */
		if (!stop[b]) {
			for (k = i + 1; k < in->len &&
			    !stop[(unsigned char)s[k]]; k++)
				continue;
			if (w != s + i)
				memmove(w, s + i, k - i);
			w += k - i;
			col += (int)(k - i);
			i = k;
			continue;
		}
		if (b == '\r') {
			*w++ = '\n';
			i += (i + 1 < in->len && s[i + 1] == '\n') ? 2 : 1;
			line++, col = 1;
			continue;
		}
		if (b == '\n') {
			*w++ = '\n';
			i++;
			line++, col = 1;
			continue;
		}
		/* Unicode's line and paragraph separators (U+2028, U+2029),
		 * as word processors and JSON strings carry them: a line
		 * end, and a paragraph's end (a blank line after it). */
		if (b == 0xE2 && i + 2 < in->len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xA8 ||
		    (unsigned char)s[i + 2] == 0xA9)) {
			*w++ = '\n';
			if ((unsigned char)s[i + 2] == 0xA9)
				*w++ = '\n';
			i += 3;
			line++, col = 1;
			continue;
		}
		/* C0 (but tab), DEL, C1 (C2 80-9F) and the noncharacters
		 * U+FFFE, U+FFFF (EF BF BE/BF), which XML cannot hold. */
		k = 0;
		if ((b < 0x20 && b != '\t') || b == 0x7F)
			k = 1;
		else if (b == 0xC2 && i + 1 < in->len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			k = 2;
		else if (b == 0xEF && i + 2 < in->len &&
		    (unsigned char)s[i + 1] == 0xBF &&
		    ((unsigned char)s[i + 2] == 0xBE ||
		    (unsigned char)s[i + 2] == 0xBF))
			k = 3;
		if (k > 0) {
			if (ctrl++ == 0)
				cline = line, ccol = col;
			i += k;
			col += k;
			continue;
		}
		*w++ = s[i++];
		col++;
	}
	*w = '\0';
	in->len = w - s;
	if (ctrl > 0)
		dc_msg(DC_WARN_CONTROL, cline, ccol, "%zu in all%s",
		    ctrl, ctrl == 1 ? "" : " (the first here)");

	in->lines = g_new(struct dc_line, cap);
	for (p = s, line = 1; p <= s + in->len; p = e + 1, line++) {
		if ((e = memchr(p, '\n', s + in->len - p)) == NULL)
			e = s + in->len;
		if (e == p + 0 && e == s + in->len && p != s &&
		    p[-1] == '\n')
			break;	/* final newline: no empty last line */
		if (n == cap) {
			cap *= 2;
			in->lines = g_renew(struct dc_line, in->lines, cap);
		}
		l = &in->lines[n++];
		memset(l, 0, sizeof(*l));
		l->lineno = line;
		/* leading white space */
		for (q = p; q < e; q = g_utf8_next_char(q)) {
			c = g_utf8_get_char(q);
			if (!dc_is_edge_space(c))
				break;
			l->indent++;
		}
		l->col = (int)(q - p) + 1;
		/* trailing white space */
		while (e > q) {
			char *pc = g_utf8_prev_char(e);
			if (!dc_is_edge_space(g_utf8_get_char(pc)))
				break;
			e = pc;
		}
		l->len = e - q;
		l->text = g_strndup(q, l->len);
		l->blank = l->len == 0;
		l->lang = l->blank ? -1 : dc_text_lang(l->text, l->len);
		if ((e = memchr(p, '\n', s + in->len - p)) == NULL)
			e = s + in->len;
	}
	in->nlines = n;
	/* The doubling's spare room, a third of the array on average. */
	if (n > 0 && n < cap)
		in->lines = g_renew(struct dc_line, in->lines, n);
}

/*
 * Is text nothing a reader sees: white space, line and paragraph
 * separators (U+2028, U+2029), zero-width and other format characters
 * (U+200B, U+FEFF)?
 */
static int
input_invisible(const char *text)
{
	const char	*p;
	gunichar	 c;

	for (p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (!g_unichar_isspace(c) &&
		    g_unichar_type(c) != G_UNICODE_FORMAT)
			return 0;
	}
	return 1;
}

/*
 * Decode raw bytes into a struct dc_input.  Returns 0, or -1 after
 * reporting an error (file name set with dc_msg_set_file()).  own:
 * NULL, or the raw bytes' buffer, which the input may take (then
 * *own is NULL; input_to_utf8()).
 */
int
dc_input_decode(const char *raw, size_t len, const struct dc_opts *o,
    struct dc_input *in, char **own)
{
	size_t	 i;

	memset(in, 0, sizeof(*in));
	if (input_to_utf8(raw, len, o, in, own) == -1)
		return -1;
	input_lines(in);
	for (i = 0; i < in->nlines; i++)
		if (!in->lines[i].blank && !input_invisible(in->lines[i].text))
			break;
	if (i == in->nlines) {
		dc_msg(DC_ERR_EMPTY, 0, 0, "no text to convert%s",
		    strspn(in->buf, " \t\n") < in->len ? " (only white "
		    "space, line separators or zero-width characters)" : "");
		dc_input_free(in);
		return -1;
	}
	return 0;
}

void
dc_input_free(struct dc_input *in)
{
	size_t	 i;

	for (i = 0; i < in->nlines; i++)
		g_free(in->lines[i].text);
	g_free(in->lines);
	g_free(in->buf);
	memset(in, 0, sizeof(*in));
}

/*
 * Bytes from to to of the allocation at base will not be read again,
 * nor those before from: the whole pages among them go back to the
 * system (touched again they read as zeros; freeing the allocation is
 * fine).  A reader's tables of a million lines are given back as it
 * goes instead of standing beside the whole model at its end.
 */
void
dc_mem_spent(void *base, size_t from, size_t to)
{
#ifdef MADV_DONTNEED
	uintptr_t	 pg = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t	 a, e;

	/* From the page that holds byte from, if the allocation holds
	 * all of it (its bytes before from are spent too). */
	a = ((uintptr_t)base + from) / pg * pg;
	if (a < (uintptr_t)base)
		a += pg;
	e = ((uintptr_t)base + to) / pg * pg;
	if (e > a)
		(void)madvise((void *)a, e - a, MADV_DONTNEED);
#else
	(void)base;
	(void)from;
	(void)to;
#endif
}

/*
 * A reader is past the lines before upto and reads them no more: their
 * texts are freed and the pages their records fill go back to the
 * system.  A million one-line paragraphs otherwise keep all their line
 * records (32 MB) beside the nodes being made of them, at the peak.
 */
void
dc_input_spend(struct dc_input *in, size_t upto)
{
	size_t	 i;

	if (upto > in->nlines)
		upto = in->nlines;
	/* Often called, it acts a megabyte of records at a time. */
	if (upto < in->spent + (1 << 20) / sizeof(*in->lines))
		return;
	for (i = in->spent; i < upto; i++) {
		g_free(in->lines[i].text);
		in->lines[i].text = NULL;
	}
	dc_mem_spent(in->lines, in->spent * sizeof(*in->lines),
	    upto * sizeof(*in->lines));
	in->spent = upto;
}

/*
 * Read a side file (a meta file or sidecar, a style, an alignment
 * file) whole: a regular file of at most max bytes, opened without
 * blocking, so that a FIFO or a device (/dev/zero, a symlink to it)
 * is refused at once instead of waited on or read without end.
 * Returns 1 with the bytes in *buf (NUL-terminated, g_free()) and
 * their number in *len; 0 if the file does not exist and !must_exist;
 * or -1 with *err saying what is wrong, without the file's name
 * (g_free()).
 */
int
dc_side_read(const char *path, size_t max, int must_exist, char **buf,
    size_t *len, char **err)
{
	GStatBuf	 st;
	GString		*b = NULL;
	char		 chunk[8192];
	ssize_t		 n;
	int		 fd, rc = -1;

	*buf = NULL;
	*err = NULL;
	if ((fd = g_open(path, O_RDONLY | O_NONBLOCK, 0)) == -1) {
		if (errno == ENOENT && !must_exist)
			return 0;
		*err = g_strdup(g_strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*err = g_strdup(g_strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = g_strdup("not a regular file");
		goto out;
	}
	if ((unsigned long long)st.st_size > max) {
		*err = g_strdup_printf("larger than %zu bytes", max);
		goto out;
	}
	b = g_string_sized_new((gsize)st.st_size + 1);
	/* The file may grow meanwhile: read to its end, to the limit. */
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*err = g_strdup(g_strerror(errno));
			goto out;
		}
		if (b->len + (size_t)n > max) {
			*err = g_strdup_printf("larger than %zu bytes", max);
			goto out;
		}
		g_string_append_len(b, chunk, n);
	}
	*len = b->len;
	*buf = g_string_free(b, FALSE);
	b = NULL;
	rc = 1;
out:
	if (b != NULL)
		g_string_free(b, TRUE);
	close(fd);
	return rc;
}
