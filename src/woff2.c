/*
 * WOFF2 for the web page's embedded faces (--html --embed-fonts): the
 * W3C WOFF 2.0 container around an OpenType font, its tables
 * compressed as one Brotli stream (libbrotlienc, Brotli's font mode).
 * No table is transformed: glyf and loca, where a font has them, are
 * stored with the null transform (version 3), which every decoder
 * reads; the CFF faces docconv embeds have neither.  What the
 * transforms would save is a few per cent of a subset face.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <brotli/encode.h>

#include "woff2.h"

/* Brotli's quality: 11 (its best) takes many seconds for CJK faces. */
#define WOFF2_QUALITY	9

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static unsigned char *
wr16(unsigned char *p, uint32_t v)
{
	p[0] = v >> 8;
	p[1] = v;
	return p + 2;
}

static unsigned char *
wr32(unsigned char *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
	return p + 4;
}

/* UIntBase128: 7 bits a byte, most significant first. */
static unsigned char *
wrb128(unsigned char *p, uint32_t v)
{
	unsigned char	 b[5];
	int		 n = 0, i;

	do {
		b[n++] = v & 0x7F;
		v >>= 7;
	} while (v != 0);
	for (i = n - 1; i >= 0; i--)
		*p++ = b[i] | (i > 0 ? 0x80 : 0);
	return p;
}

/*
 * Compress the OpenType or TrueType font data (len bytes) to WOFF2.
 * Returns 0 with *out (free()) and *outlen, or -1 if the font's table
 * directory is not sound or memory ran out.
 */
int
dc_woff2(const unsigned char *data, size_t len, unsigned char **out,
    size_t *outlen)
{
	const unsigned char	*t;
	unsigned char		*raw = NULL, *dir = NULL, *buf = NULL, *p;
	size_t			 rawlen = 0, dirlen, clen, total, sfnt;
	uint32_t		 tag, off, tlen;
	unsigned int		 n, i;

	*out = NULL;
	*outlen = 0;
	if (len < 12)
		return -1;
	n = (unsigned int)data[4] << 8 | data[5];
	if (n == 0 || len < 12 + 16 * (size_t)n)
		return -1;
	/* The tables in directory order, unpadded, and their entries. */
	sfnt = 12 + 16 * (size_t)n;
	for (i = 0; i < n; i++) {
		t = data + 12 + 16 * i;
		off = rd32(t + 8);
		tlen = rd32(t + 12);
		if (off > len || tlen > len - off)
			return -1;
		rawlen += tlen;
		sfnt += ((size_t)tlen + 3) & ~(size_t)3;
	}
	if ((raw = malloc(rawlen > 0 ? rawlen : 1)) == NULL ||
	    (dir = malloc(10 * (size_t)n)) == NULL)
		goto fail;
	p = dir;
	rawlen = 0;
	for (i = 0; i < n; i++) {
		t = data + 12 + 16 * i;
		tag = rd32(t);
		off = rd32(t + 8);
		tlen = rd32(t + 12);
		memcpy(raw + rawlen, data + off, tlen);
		rawlen += tlen;
		/* Tag index 63: the tag follows.  glyf and loca: the null
		 * transform is version 3; any other table's is 0. */
		*p++ = 63 | (tag == 0x676C7966 || tag == 0x6C6F6361 ?
		    3 << 6 : 0);
		p = wr32(p, tag);
		p = wrb128(p, tlen);
	}
	dirlen = (size_t)(p - dir);
	clen = BrotliEncoderMaxCompressedSize(rawlen);
	if (clen == 0)
		clen = rawlen + 1024;
	if ((buf = malloc(48 + dirlen + clen + 4)) == NULL)
		goto fail;
	if (!BrotliEncoderCompress(WOFF2_QUALITY, BROTLI_DEFAULT_WINDOW,
	    BROTLI_MODE_FONT, rawlen, raw, &clen, buf + 48 + dirlen))
		goto fail;
	total = (48 + dirlen + clen + 3) & ~(size_t)3;
	memset(buf + 48 + dirlen + clen, 0, total - (48 + dirlen + clen));
	memcpy(buf + 48, dir, dirlen);
	p = buf;
	p = wr32(p, 0x774F4632);		/* 'wOF2' */
	p = wr32(p, rd32(data));		/* flavor */
	p = wr32(p, (uint32_t)total);
	p = wr16(p, n);
	p = wr16(p, 0);
	p = wr32(p, (uint32_t)sfnt);		/* totalSfntSize */
	p = wr32(p, (uint32_t)clen);		/* totalCompressedSize */
	p = wr16(p, 1);				/* majorVersion */
	p = wr16(p, 0);
	p = wr32(p, 0);				/* no metadata */
	p = wr32(p, 0);
	p = wr32(p, 0);
	p = wr32(p, 0);				/* no private data */
	(void)wr32(p, 0);
	free(raw);
	free(dir);
	*out = buf;
	*outlen = total;
	return 0;
fail:
	free(raw);
	free(dir);
	free(buf);
	return -1;
}
