/*
 * Walking valid UTF-8 a character at a time, inline: the loops that
 * read every character of a text (its language, clause marks, pairs
 * on one line) called g_utf8_get_char() for each, and that call was a
 * tenth of a TEI's time.  Only for text already valid UTF-8 (the
 * decoded input, the model's strings); anything else goes through
 * g_utf8_*, which these agree with on valid text.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/* The length in bytes of the character that starts with byte b. */
#define DC_U8_SKIP(b)	((b) < 0x80 ? 1 : (b) < 0xE0 ? 2 : (b) < 0xF0 ? 3 : 4)

/*
 * The character at *pp, and *pp moved past it: g_utf8_get_char() and
 * g_utf8_next_char() at once.
 */
static inline unsigned int
dc_u8_next(const char **pp)
{
	const unsigned char	*p = (const unsigned char *)*pp;
	unsigned int		 c = p[0];

	if (c < 0x80) {
		*pp += 1;
		return c;
	}
	if (c < 0xE0) {
		*pp += 2;
		return (c & 0x1F) << 6 | (p[1] & 0x3F);
	}
	if (c < 0xF0) {
		*pp += 3;
		return (c & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	}
	*pp += 4;
	return (c & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 |
	    (p[3] & 0x3F);
}

/* The character at p: g_utf8_get_char(). */
static inline unsigned int
dc_u8_get(const char *p)
{
	return dc_u8_next(&p);
}

/*
 * The number of characters in the NUL-terminated s, counting no
 * further than max: g_utf8_strlen() where only "more than max?" is
 * asked, without reading the rest of a long paragraph.
 */
static inline long
dc_u8_count(const char *s, long max)
{
	const unsigned char	*p = (const unsigned char *)s;
	long			 n = 0;

	for (; *p != '\0' && n <= max; n++)
		p += DC_U8_SKIP(*p);
	return n;
}

/* The number of characters in the len bytes at s: g_utf8_strlen(s,
 * len) of whole characters. */
static inline long
dc_u8_len(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*e = p + len;
	long			 n = 0;

	for (; p < e; n++)
		p += DC_U8_SKIP(*p);
	return n;
}

#endif
