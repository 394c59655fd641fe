/*
 * What cairo 1.16 cannot write into a PDF, added by an incremental
 * update: the catalog's /Lang, /MarkInfo, /ViewerPreferences and
 * /Metadata, and a structure tree with a /Lang on each element.  A
 * PDF of the kind cairo 1.16 writes (one classic cross-reference, no
 * object streams) is instead written again whole, into another file,
 * with the same objects: each page's content made again is then in
 * the file once, not twice (pf_rewrite()).
 *
 * cairo writes the marked content (cairo_tag_begin() gives each piece
 * its MCID, page by page) and a structure tree of its own that cannot
 * carry /Lang; the catalog written here points to our tree instead,
 * leaving cairo's unreferenced.  The PDF is read back as a reader
 * would: from startxref through the cross-reference sections, classic
 * tables or xref streams (cairo from 1.17.6 writes those, and puts
 * objects in object streams), never by looking for the bytes cairo
 * happens to write today.  The update keeps the kind of
 * cross-reference the file has.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#include <libdeflate.h>
#include <zlib.h>

#include "pdf_fix.h"

/* Where each object is: offset (type 1) or object stream (type 2). */
struct pf_ent {
	int		 type;		/* 0 free or unknown, 1, 2 */
	long long	 off;		/* type 1: offset; 2: stream number */
	long		 idx;		/* type 2: index in the stream */
};

struct pf {
	const char	*buf;		/* the whole file */
	size_t		 len;
	GArray		*ents;		/* struct pf_ent by number */
	long		 size;		/* the trailer's /Size */
	long		 root, info;	/* /Root, /Info (0: none) */
	long long	 startxref;	/* the last section */
	int		 xrefstm;	/* the last section is a stream */
	int		 nsect;		/* sections read */
	GHashTable	*objstm;	/* stream number -> GBytes, decoded */
	GRecMutex	 lock;		/* guards objstm */
};

#define PF_WS(c)	((c) == ' ' || (c) == '\n' || (c) == '\r' || \
			 (c) == '\t' || (c) == '\f' || (c) == '\0')
#define PF_DELIM(c)	(strchr("()<>[]{}/%", (c)) != NULL)

/* The first needle in [p, e), bytes of any value; NULL if none. */
static const char *
pf_find(const char *p, const char *e, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; p + n <= e; p++)
		if (*p == *needle && memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

static const char *
pf_ws(const char *p, const char *e)
{
	while (p < e) {
		if (*p == '%')
			while (p < e && *p != '\n' && *p != '\r')
				p++;
		else if (PF_WS(*p))
			p++;
		else
			break;
	}
	return p;
}

/* Skip one object's text (a reference counts as one); NULL if bad. */
static const char *
pf_skip(const char *p, const char *e)
{
	const char	*q;
	int		 depth;

	p = pf_ws(p, e);
	if (p >= e)
		return NULL;
	switch (*p) {
	case '<':
		if (p + 1 < e && p[1] == '<') {
			p += 2;
			for (;;) {
				p = pf_ws(p, e);
				if (p + 1 < e && p[0] == '>' && p[1] == '>')
					return p + 2;
				if ((p = pf_skip(p, e)) == NULL)
					return NULL;
			}
		}
		while (p < e && *p != '>')
			p++;
		return p < e ? p + 1 : NULL;
	case '[':
		p++;
		for (;;) {
			p = pf_ws(p, e);
			if (p < e && *p == ']')
				return p + 1;
			if ((p = pf_skip(p, e)) == NULL)
				return NULL;
		}
	case '(':
		for (depth = 0; p < e; p++) {
			if (*p == '\\')
				p++;
			else if (*p == '(')
				depth++;
			else if (*p == ')' && --depth == 0)
				return p + 1;
		}
		return NULL;
	case '/':
		p++;
		while (p < e && !PF_WS(*p) && !PF_DELIM(*p))
			p++;
		return p;
	default:
		q = p;
		while (p < e && !PF_WS(*p) && !PF_DELIM(*p))
			p++;
		if (p == q)
			return NULL;
		/* "N G R": a reference. */
		if (g_ascii_isdigit(*q)) {
			const char *r = pf_ws(p, e), *s = r;

			while (s < e && g_ascii_isdigit(*s))
				s++;
			if (s > r) {
				s = pf_ws(s, e);
				if (s < e && *s == 'R' && (s + 1 == e ||
				    PF_WS(s[1]) || PF_DELIM(s[1])))
					return s + 1;
			}
		}
		return p;
	}
}

/*
 * The value of a dictionary's key (the dictionary at p), its end in
 * *ve; NULL if absent.
 */
static const char *
pf_get(const char *p, const char *e, const char *key, const char **ve)
{
	const char	*k, *v;
	size_t		 n = strlen(key);

	p = pf_ws(p, e);
	if (p + 1 >= e || p[0] != '<' || p[1] != '<')
		return NULL;
	for (p += 2;;) {
		p = pf_ws(p, e);
		if (p >= e || *p != '/')
			return NULL;
		k = p;
		if ((p = pf_skip(p, e)) == NULL)
			return NULL;
		v = pf_ws(p, e);
		if ((p = pf_skip(v, e)) == NULL)
			return NULL;
		if ((size_t)(v - k) >= n && memcmp(k, key, n) == 0 &&
		    (k + n == v || PF_WS(k[n]))) {
			if (ve != NULL)
				*ve = p;
			return v;
		}
	}
}

static long
pf_int(const char *d, const char *e, const char *key, long dflt)
{
	const char	*v;

	if ((v = pf_get(d, e, key, NULL)) == NULL || !(g_ascii_isdigit(*v) ||
	    *v == '-'))
		return dflt;
	return strtol(v, NULL, 10);
}

static int
pf_name_is(const char *d, const char *e, const char *key, const char *name)
{
	const char	*v, *ve;
	size_t		 n = strlen(name);

	return (v = pf_get(d, e, key, &ve)) != NULL &&
	    (size_t)(ve - v) == n && memcmp(v, name, n) == 0;
}

/* Inflate a stream's bytes; NULL on failure. */
static GByteArray *
pf_inflate(const char *s, size_t n)
{
	GByteArray	*out;
	z_stream	 z;
	unsigned char	 chunk[16384];
	int		 rc;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return NULL;
	out = g_byte_array_new();
	z.next_in = (Bytef *)(void *)(uintptr_t)s;
	z.avail_in = (uInt)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END) {
			inflateEnd(&z);
			g_byte_array_free(out, TRUE);
			return NULL;
		}
		g_byte_array_append(out, chunk, sizeof(chunk) - z.avail_out);
	} while (rc != Z_STREAM_END && (z.avail_in > 0 || z.avail_out == 0));
	inflateEnd(&z);
	return out;
}

static const char *pf_obj(struct pf *, long, const char **);

/* A stream's /Length, direct or by reference; -1 if not known. */
static long
pf_length(struct pf *pf, const char *d, const char *de)
{
	const char	*v, *ve, *o, *oe;

	if ((v = pf_get(d, de, "/Length", &ve)) == NULL)
		return -1;
	if (ve[-1] != 'R')
		return strtol(v, NULL, 10);
	if ((o = pf_obj(pf, strtol(v, NULL, 10), &oe)) == NULL ||
	    !g_ascii_isdigit(*o))
		return -1;
	return strtol(o, NULL, 10);
}

/*
 * A stream object's data at p ("N G obj << ... >> stream"), decoded
 * (FlateDecode with or without PNG predictors, or none); its
 * dictionary through *d.  NULL if not understood.
 */
static GByteArray *
pf_stream(struct pf *pf, const char *p, const char **d)
{
	const char	*e = pf->buf + pf->len, *de, *s, *parms, *pe;
	GByteArray	*raw, *out;
	long		 len, cols, pred;
	size_t		 row, i, k;

	if ((p = pf_find(p, e, "obj")) == NULL)
		return NULL;
	*d = pf_ws(p + 3, e);
	if ((de = pf_skip(*d, e)) == NULL)
		return NULL;
	s = pf_ws(de, e);
	if ((size_t)(e - s) < 7 || memcmp(s, "stream", 6) != 0)
		return NULL;
	s += 6;
	if (*s == '\r')
		s++;
	if (*s == '\n')
		s++;
	len = pf_length(pf, *d, de);
	if (len < 0 || len > e - s)
		return NULL;
	if (pf_get(*d, de, "/Filter", NULL) == NULL) {
		out = g_byte_array_new();
		g_byte_array_append(out, (const guint8 *)s, (guint)len);
		return out;
	}
	if (!pf_name_is(*d, de, "/Filter", "/FlateDecode") &&
	    !pf_name_is(*d, de, "/Filter", "[/FlateDecode]") &&
	    !pf_name_is(*d, de, "/Filter", "[ /FlateDecode ]"))
		return NULL;
	if ((raw = pf_inflate(s, (size_t)len)) == NULL)
		return NULL;
	if ((parms = pf_get(*d, de, "/DecodeParms", &pe)) == NULL ||
	    (pred = pf_int(parms, pe, "/Predictor", 1)) < 10)
		return raw;
	/* PNG predictors, one filter byte a row: None and Up suffice
	 * for cross-reference streams, Sub and the rest are rare. */
	cols = pf_int(parms, pe, "/Columns", 1);
	if (cols <= 0) {
		g_byte_array_free(raw, TRUE);
		return NULL;
	}
	row = (size_t)cols;
	out = g_byte_array_new();
	for (i = 0; i + row + 1 <= raw->len; i += row + 1) {
		int	 up = out->len >= row;	/* a row above */
		guint8	 t = raw->data[i];

		g_byte_array_append(out, raw->data + i + 1, (guint)row);
		for (k = 0; k < row; k++) {
			guint8 *c = out->data + out->len - row + k;
			guint8 a = k > 0 ? c[-1] : 0, b = up ? c[-row] : 0;

			if (t == 1)
				*c += a;
			else if (t == 2)
				*c += b;
			else if (t == 3)
				*c += (guint8)((a + b) / 2);
			else if (t != 0) {
				g_byte_array_free(out, TRUE);
				g_byte_array_free(raw, TRUE);
				return NULL;
			}
		}
	}
	g_byte_array_free(raw, TRUE);
	return out;
}

static void
pf_set(struct pf *pf, long num, int type, long long off, long idx)
{
	struct pf_ent	*en;

	if (num < 0 || num > 10000000)
		return;
	if ((guint)num >= pf->ents->len)
		g_array_set_size(pf->ents, (guint)num + 1);
	en = &g_array_index(pf->ents, struct pf_ent, num);
	/* The newest section is read first and wins. */
	if (en->type != 0)
		return;
	en->type = type;
	en->off = off;
	en->idx = idx;
}

static void
pf_trailer(struct pf *pf, const char *d, const char *e, long *prev)
{
	const char	*v;

	if (pf->size == 0)
		pf->size = pf_int(d, e, "/Size", 0);
	if (pf->root == 0 && (v = pf_get(d, e, "/Root", NULL)) != NULL)
		pf->root = strtol(v, NULL, 10);
	if (pf->info == 0 && (v = pf_get(d, e, "/Info", NULL)) != NULL)
		pf->info = strtol(v, NULL, 10);
	*prev = pf_int(d, e, "/Prev", -1);
}

/* Read the cross-reference section at off; its /Prev through *prev. */
static int
pf_section(struct pf *pf, long long off, long *prev)
{
	const char	*e = pf->buf + pf->len, *p, *d, *de, *v, *ve;
	GByteArray	*x;
	long		 a, n, i, w[3], num;
	long long	 f[3];
	int		 k, j;
	size_t		 pos;

	if (off < 0 || (size_t)off >= pf->len)
		return -1;
	p = pf_ws(pf->buf + off, e);
	if ((size_t)(e - p) > 4 && memcmp(p, "xref", 4) == 0) {
		p += 4;
		for (;;) {
			p = pf_ws(p, e);
			if ((size_t)(e - p) > 7 && memcmp(p, "trailer", 7) == 0)
				break;
			if (sscanf(p, "%ld %ld", &a, &n) != 2 || n < 0)
				return -1;
			while (p < e && *p != '\n' && *p != '\r')
				p++;
			p = pf_ws(p, e);
			for (i = 0; i < n; i++, p += 20) {
				if (e - p < 20)
					return -1;
				if (p[17] == 'n')
					pf_set(pf, a + i, 1, strtoll(p, NULL,
					    10), 0);
				else
					pf_set(pf, a + i, -1, 0, 0);
			}
		}
		d = pf_ws(p + 7, e);
		if ((de = pf_skip(d, e)) == NULL)
			return -1;
		pf_trailer(pf, d, de, prev);
		return 0;
	}
	/* An xref stream. */
	if ((x = pf_stream(pf, p, &d)) == NULL)
		return -1;
	de = pf_skip(d, e);
	if (!pf_name_is(d, de, "/Type", "/XRef") ||
	    (v = pf_get(d, de, "/W", &ve)) == NULL ||
	    sscanf(v, "[ %ld %ld %ld ]", &w[0], &w[1], &w[2]) != 3 ||
	    w[0] < 0 || w[1] < 0 || w[2] < 0 || w[0] > 8 || w[1] > 8 ||
	    w[2] > 8) {
		g_byte_array_free(x, TRUE);
		return -1;
	}
	pf_trailer(pf, d, de, prev);
	pos = 0;
	v = pf_get(d, de, "/Index", &ve);
	if (v != NULL)
		v++;
	for (;;) {
		if (v == NULL) {
			a = 0;
			n = pf_int(d, de, "/Size", 0);
		} else {
			v = pf_ws(v, ve);
			if (*v == ']' || sscanf(v, "%ld %ld", &a, &n) != 2)
				break;
			v = pf_skip(pf_skip(v, ve), ve);
		}
		for (i = 0; i < n; i++) {
			if (pos + (size_t)(w[0] + w[1] + w[2]) > x->len)
				break;
			for (k = 0; k < 3; k++) {
				f[k] = w[k] == 0 && k == 0 ? 1 : 0;
				for (j = 0; j < w[k]; j++)
					f[k] = f[k] << 8 | x->data[pos++];
			}
			num = a + i;
			if (f[0] == 1)
				pf_set(pf, num, 1, f[1], 0);
			else if (f[0] == 2)
				pf_set(pf, num, 2, f[1], (long)f[2]);
			else
				pf_set(pf, num, -1, 0, 0);
		}
		if (v == NULL)
			break;
	}
	g_byte_array_free(x, TRUE);
	return 0;
}

static int
pf_read(struct pf *pf)
{
	const char	*p;
	long		 prev;
	long long	 off;
	int		 n;
	size_t		 look = pf->len < 1024 ? pf->len : 1024;

	p = NULL;
	for (size_t i = pf->len - look; i + 9 <= pf->len; i++)
		if (memcmp(pf->buf + i, "startxref", 9) == 0)
			p = pf->buf + i;
	if (p == NULL || sscanf(p + 9, "%lld", &off) != 1)
		return -1;
	pf->startxref = off;
	p = pf_ws(pf->buf + off, pf->buf + pf->len);
	pf->xrefstm = !((size_t)(pf->buf + pf->len - p) > 4 &&
	    memcmp(p, "xref", 4) == 0);
	for (n = 0; n < 64 && off >= 0; n++) {
		if (pf_section(pf, off, &prev) == -1)
			return -1;
		off = prev;
		pf->nsect++;
	}
	return pf->root > 0 && pf->size > 0 ? 0 : -1;
}

/*
 * Object stream number num, decoded, its /N and /First in front of
 * the data; kept for the update's time (either of two threads may
 * ask).  NULL if not understood.
 */
static GBytes *
pf_objstm(struct pf *pf, long num)
{
	const struct pf_ent *se;
	const char	*d, *de;
	GByteArray	*x, *h;
	GBytes		*b;
	char		 hdr[64];

	g_rec_mutex_lock(&pf->lock);
	if ((b = g_hash_table_lookup(pf->objstm, GINT_TO_POINTER(
	    (int)num))) != NULL || num <= 0 || (guint)num >= pf->ents->len)
		goto out;
	se = &g_array_index(pf->ents, struct pf_ent, num);
	if (se->type != 1 || (size_t)se->off >= pf->len ||
	    (x = pf_stream(pf, pf->buf + se->off, &d)) == NULL)
		goto out;
	de = pf_skip(d, pf->buf + pf->len);
	h = g_byte_array_new();
	memset(hdr, 0, sizeof(hdr));
	snprintf(hdr, sizeof(hdr), "%ld %ld\n", pf_int(d, de, "/N", 0),
	    pf_int(d, de, "/First", 0));
	g_byte_array_append(h, (const guint8 *)hdr, (guint)sizeof(hdr));
	g_byte_array_append(h, x->data, x->len);
	g_byte_array_append(h, (const guint8 *)"", 1);
	g_byte_array_free(x, TRUE);
	b = g_byte_array_free_to_bytes(h);
	g_hash_table_insert(pf->objstm, GINT_TO_POINTER((int)num), b);
out:
	g_rec_mutex_unlock(&pf->lock);
	return b;
}

/*
 * Object num's text (after "N G obj": its dictionary, or whatever it
 * is) and its end; NULL if not found.
 */
static const char *
pf_obj(struct pf *pf, long num, const char **end)
{
	const struct pf_ent *en;
	const char	*e = pf->buf + pf->len, *p, *d;
	GBytes		*b;
	gsize		 blen;
	const char	*s, *hp;
	long		 n, first, i, on, oo, next;

	if (num <= 0 || (guint)num >= pf->ents->len)
		return NULL;
	en = &g_array_index(pf->ents, struct pf_ent, num);
	if (en->type == 1) {
		if (en->off < 0 || (size_t)en->off >= pf->len ||
		    (p = pf_find(pf->buf + en->off, e, "obj")) == NULL)
			return NULL;
		p = pf_ws(p + 3, e);
		if ((*end = pf_skip(p, e)) == NULL)
			return NULL;
		return p;
	}
	if (en->type != 2)
		return NULL;
	if ((b = pf_objstm(pf, en->off)) == NULL)
		return NULL;
	s = g_bytes_get_data(b, &blen);
	e = s + blen - 1;
	if (sscanf(s, "%ld %ld", &n, &first) != 2 || first < 0 ||
	    65 + first > (long)blen)
		return NULL;
	s += 64;
	hp = s;
	for (i = 0; i < n; i++) {
		if (sscanf(hp, "%ld %ld", &on, &oo) != 2)
			return NULL;
		hp = pf_skip(pf_skip(hp, s + first), s + first);
		if (hp == NULL)
			return NULL;
		if (i == en->idx && on == num) {
			next = -1;
			if (i + 1 < n && sscanf(hp, "%*d %ld", &next) != 1)
				next = -1;
			p = pf_ws(s + first + oo, e);
			*end = next >= 0 ? s + first + next : e;
			if ((d = pf_skip(p, *end)) != NULL)
				*end = d;
			return p;
		}
	}
	return NULL;
}

/*
 * Every so many pages read back, the file's pages mapped so far leave
 * the process's memory (read again from the file if touched after
 * all: the mapping is shared and read-only).  The kernel maps the
 * neighbours of each page touched too, so reading every page object
 * and content of a long PDF held nearly all of it in memory.
 */
#define PF_FORGET	256
#define PF_FORGET_BYTES	(8 << 20) /* ... or this much copied */

static void
pf_forget(const struct pf *pf)
{
	(void)madvise((void *)(uintptr_t)pf->buf, pf->len, MADV_DONTNEED);
}

/* The pages in order, with each one's /StructParents (-1: none). */
static void
pf_pages(struct pf *pf, long num, GArray *pages, GArray *sp, int depth)
{
	const char	*d, *e, *v, *ve, *p;
	long		 kid;

	if (depth > 32 || (d = pf_obj(pf, num, &e)) == NULL)
		return;
	if (pf_name_is(d, e, "/Type", "/Page")) {
		long s = pf_int(d, e, "/StructParents", -1);

		g_array_append_val(pages, num);
		g_array_append_val(sp, s);
		if (pages->len % PF_FORGET == 0)
			pf_forget(pf);
		return;
	}
	if ((v = pf_get(d, e, "/Kids", &ve)) == NULL || *v != '[')
		return;
	for (p = v + 1; (p = pf_ws(p, ve)) < ve && *p != ']'; ) {
		kid = strtol(p, NULL, 10);
		if ((p = pf_skip(p, ve)) == NULL)
			return;
		pf_pages(pf, kid, pages, sp, depth + 1);
	}
}

/* A dictionary's entries but those of keys drop, into g. */
static void
pf_copy_dict(GString *g, const char *d, const char *e,
    const char *const *drop)
{
	const char	*p, *k, *v;
	size_t		 i, n;
	int		 keep;

	d = pf_ws(d, e);
	for (p = d + 2;;) {
		p = pf_ws(p, e);
		if (p >= e || *p != '/')
			return;
		k = p;
		if ((p = pf_skip(p, e)) == NULL)
			return;
		v = p;
		if ((p = pf_skip(v, e)) == NULL)
			return;
		keep = 1;
		for (i = 0; drop[i] != NULL; i++) {
			n = strlen(drop[i]);
			if ((size_t)(v - k) == n && memcmp(k, drop[i], n) == 0)
				keep = 0;
		}
		if (keep) {
			g_string_append_len(g, k, p - k);
			g_string_append_c(g, '\n');
		}
	}
}

/*
 * Objects of the update, each "N 0 obj ... endobj", numbered on; the
 * pages' new content goes to the file as it is made, not kept.
 */
struct pf_out {
	GString		*g;		/* their text not yet written */
	GArray		*nums;		/* long: their numbers */
	GArray		*offs;		/* long long: their offsets in the
					   update */
	FILE		*f;		/* written at its end */
	long long	 flushed;	/* bytes of the update written */
	int		 err;		/* errno of the first failure */
};

/*
 * Numbers written without printf: a long PDF's structure tree has a
 * few of them for each of its hundreds of thousands of elements.
 */
static void
pf_long(GString *g, long long n)
{
	char		 b[24], *p = b + sizeof(b);
	unsigned long long u = n < 0 ? 0 - (unsigned long long)n :
	    (unsigned long long)n;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		*--p = '-';
	g_string_append_len(g, p, b + sizeof(b) - p);
}

/* " n 0 R" */
static void
pf_ref(GString *g, long n)
{
	g_string_append_c(g, ' ');
	pf_long(g, n);
	g_string_append_len(g, " 0 R", 4);
}

/* Write what the update holds so far. */
static void
pf_flush(struct pf_out *o)
{
	if (o->err == 0 && o->g->len > 0 &&
	    fwrite(o->g->str, 1, o->g->len, o->f) != o->g->len)
		o->err = errno != 0 ? errno : EIO;
	o->flushed += (long long)o->g->len;
	g_string_truncate(o->g, 0);
}

static void
pf_begin(struct pf_out *o, long num)
{
	long long	 off = o->flushed + (long long)o->g->len;

	g_array_append_val(o->nums, num);
	g_array_append_val(o->offs, off);
	pf_long(o->g, num);
	g_string_append(o->g, " 0 obj\n");
}

/* Sort (/StructParents, page index) pairs. */
static int
pf_sp_cmp(const void *a, const void *b)
{
	const long	*x = a, *y = b;

	return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) :
	    x[1] < y[1] ? -1 : x[1] > y[1];
}

/*
 * The parent tree: for each page (by /StructParents, in increasing
 * order as cairo numbers them), the element owning each of its MCIDs.
 */
static void
pf_parents(struct pf_out *o, const GArray *sp, GPtrArray **owner, long first)
{
	long		*key;
	guint		 u, n = sp->len;
	int		 i, j;

	key = g_new(long, 2 * (n ? n : 1));
	for (u = 0; u < n; u++) {
		key[2 * u] = g_array_index(sp, long, u);
		key[2 * u + 1] = (long)u;
	}
	qsort(key, n, 2 * sizeof(long), pf_sp_cmp);
	g_string_append(o->g, "<< /Nums [");
	for (u = 0; u < n; u++) {
		if (key[2 * u] < 0)
			continue;
		g_string_append_c(o->g, '\n');
		pf_long(o->g, key[2 * u]);
		g_string_append(o->g, " [");
		for (j = 0; owner[key[2 * u + 1]] != NULL &&
		    j < (int)owner[key[2 * u + 1]]->len; j++) {
			i = GPOINTER_TO_INT(owner[key[2 * u + 1]]->pdata[j]);
			if (i > 0)
				pf_ref(o->g, first + i - 1);
			else
				g_string_append(o->g, " null");
		}
		g_string_append(o->g, " ]");
		if (o->g->len > (1 << 20))
			pf_flush(o);
	}
	g_string_append(o->g, " ]\n>>\nendobj\n");
	g_free(key);
}

/*
 * One element's object: its kids (the elements in kid, linked by
 * next) and its marked content, noted in owner by page and MCID.
 */
static void
pf_elem(struct pf_out *o, const struct pf_amend *a, int i,
    const GArray *pages, const GArray *sp, GPtrArray **owner, long first,
    long root, const int *kid, const int *next)
{
	const struct pf_elem *el = &a->elems[i];
	const struct pf_mcr *m;
	int		 j, pg;

	pf_begin(o, first + i);
	g_string_append(o->g, "<< /Type /StructElem /S /");
	g_string_append(o->g, el->type);
	g_string_append(o->g, " /P");
	pf_ref(o->g, el->parent < 0 ? root : first + el->parent);
	g_string_append_c(o->g, '\n');
	if (el->lang != NULL)
		g_string_append_printf(o->g, "/Lang (%s)\n", el->lang);
	/* Marked content on the element's /Pg is a bare MCID. */
	pg = -1;
	if (el->nmcrs > 0 && (m = &el->mcrs[0])->page >= 0 &&
	    (guint)m->page < pages->len) {
		pg = m->page;
		g_string_append(o->g, "/Pg");
		pf_ref(o->g, g_array_index(pages, long, pg));
		g_string_append_c(o->g, '\n');
	}
	g_string_append(o->g, "/K [");
	for (j = kid[i]; j >= 0; j = next[j])
		pf_ref(o->g, first + j);
	for (j = 0; j < el->nmcrs; j++) {
		m = &el->mcrs[j];
		if (m->page < 0 || (guint)m->page >= pages->len ||
		    g_array_index(sp, long, m->page) < 0)
			continue;
		if (m->page == pg) {
			g_string_append_c(o->g, ' ');
			pf_long(o->g, m->mcid);
		} else {
			g_string_append(o->g, "\n<< /Type /MCR /Pg");
			pf_ref(o->g, g_array_index(pages, long, m->page));
			g_string_append(o->g, " /MCID ");
			pf_long(o->g, m->mcid);
			g_string_append(o->g, " >>");
		}
		if (owner[m->page] == NULL)
			owner[m->page] = g_ptr_array_new();
		while ((int)owner[m->page]->len <= m->mcid)
			g_ptr_array_add(owner[m->page], NULL);
		owner[m->page]->pdata[m->mcid] = GINT_TO_POINTER(i + 1);
	}
	g_string_append(o->g, " ]\n>>\nendobj\n");
}

/*
 * The structure tree's objects, from number first on, written as they
 * are made; its root's number.
 */
static long
pf_tree(struct pf_out *o, const struct pf_amend *a, const GArray *pages,
    const GArray *sp, long first)
{
	long		 root = first + a->nelems, ptree = root + 1, maxsp = -1;
	GPtrArray	**owner;
	int		*kid, *next, *last, i, p;
	guint		 u;

	/* Each element's kids in order, linked (kid[nelems]: the root's). */
	kid = g_new(int, a->nelems + 1);
	last = g_new(int, a->nelems + 1);
	next = g_new(int, a->nelems + 1);
	for (i = 0; i <= a->nelems; i++)
		kid[i] = last[i] = next[i] = -1;
	for (i = 0; i < a->nelems; i++) {
		p = a->elems[i].parent;
		if (p < 0 || p >= a->nelems || p >= i)
			p = p < 0 ? a->nelems : -1;
		if (p < 0)
			continue;
		if (kid[p] < 0)
			kid[p] = i;
		else
			next[last[p]] = i;
		last[p] = i;
	}
	/* Who owns each MCID of each page (for the parent tree). */
	owner = g_new0(GPtrArray *, pages->len ? pages->len : 1);
	for (i = 0; i < a->nelems; i++) {
		pf_elem(o, a, i, pages, sp, owner, first, root, kid, next);
		if (o->g->len > (1 << 20))
			pf_flush(o);
	}
	pf_begin(o, root);
	g_string_append(o->g, "<< /Type /StructTreeRoot /K [");
	for (i = kid[a->nelems]; i >= 0; i = next[i])
		pf_ref(o->g, first + i);
	g_string_append_printf(o->g, " ]\n/ParentTree %ld 0 R\n", ptree);
	for (u = 0; u < pages->len; u++)
		maxsp = MAX(maxsp, g_array_index(sp, long, u));
	g_string_append_printf(o->g, "/ParentTreeNextKey %ld\n>>\nendobj\n",
	    maxsp + 1);
	pf_begin(o, ptree);
	pf_parents(o, sp, owner, first);
	for (u = 0; u < pages->len; u++)
		if (owner[u] != NULL)
			g_ptr_array_free(owner[u], TRUE);
	g_free(owner);
	g_free(kid);
	g_free(last);
	g_free(next);
	return root;
}

/*
 * In content c (n bytes), the marked-content sequence at p
 * ("/Name << /MCID k >> BDC"): its MCID, -1 if p is not one; its end
 * through *end.
 */
static long
pf_mcid_at(const char *c, size_t n, const char *p, const char **end)
{
	const char	*e = c + n, *q;
	long		 k;

	if (*p != '/' || (p > c && !PF_WS(p[-1])))
		return -1;
	if ((q = pf_skip(p, e)) == NULL)
		return -1;
	q = pf_ws(q, e);
	if (e - q < 2 || q[0] != '<' || q[1] != '<')
		return -1;
	q = pf_ws(q + 2, e);
	if (e - q < 6 || memcmp(q, "/MCID", 5) != 0 || !PF_WS(q[5]))
		return -1;
	q = pf_ws(q + 5, e);
	if (q >= e || !g_ascii_isdigit(*q))
		return -1;
	/* Not strtol(): the content has no NUL at its end. */
	for (k = 0; q < e && g_ascii_isdigit(*q) && k < 1000000; q++)
		k = k * 10 + (*q - '0');
	q = pf_ws(q, e);
	if (e - q < 2 || q[0] != '>' || q[1] != '>')
		return -1;
	q = pf_ws(q + 2, e);
	if (e - q < 3 || memcmp(q, "BDC", 3) != 0 || (e - q > 3 &&
	    !PF_WS(q[3]) && !PF_DELIM(q[3])))
		return -1;
	*end = q + 3;
	return k;
}

/*
 * Pages whose content is made again before it is written: each holds
 * its page deflated, and 256 of them took 9 MB at the end of a
 * 4,883-page PDF, over the peak of its typesetting.
 */
#define PF_BATCH	32

/* One page whose artifacts pf_artifacts() marks. */
struct pf_job {
	int		 pg;		/* the page, from 0 */
	const char	*d, *e;		/* its dictionary */
	const char	*obj;		/* its content stream's object */
	const struct pf_art *arts;	/* its artifacts */
	int		 narts;
	unsigned char	*z;		/* the content again, deflated, */
	size_t		 zlen;		/* or NULL: left as it is */
	long		 cnum;		/* the content's object */
	int		 done;		/* z made (pf_rewrite()) */
};

/* The kind (+ 1) of artifact MCID k is on the job's page, or 0. */
static int
pf_job_kind(const struct pf_job *jb, long k)
{
	int	 i, kind = 0;

	for (i = 0; i < jb->narts; i++)
		if (jb->arts[i].mcid == k)
			kind = (int)jb->arts[i].kind + 1;
	return kind;
}

static void
pf_dfl_free(void *arg)
{
	libdeflate_free_compressor(arg);
}

/* Each thread's compressor, made once. */
static GPrivate pf_dfl = G_PRIVATE_INIT(pf_dfl_free);

/*
 * A page's content again, its artifacts marked as such, deflated into
 * jb->z (on either of two threads: it reads pf, writes only jb).
 */
static void
pf_job_run(struct pf *pf, struct pf_job *jb)
{
	struct libdeflate_compressor *dfl;
	static const char *const art[] = {
		"/Artifact << /Type /Pagination /Subtype /Header >> BDC",
		"/Artifact << /Type /Pagination /Subtype /Footer >> BDC",
		"/Artifact << /Type /Layout >> BDC",
	};
	const char	*sd, *c, *p, *q, *from;
	GByteArray	*x;
	GString		*g;
	long		 k;
	int		 kind;

	jb->z = NULL;
	if ((x = pf_stream(pf, jb->obj, &sd)) == NULL)
		return;
	g = g_string_sized_new(x->len + 256);
	c = (const char *)x->data;
	for (p = from = c; (p = memchr(p, '/', x->len - (size_t)(p -
	    c))) != NULL; ) {
		if ((k = pf_mcid_at(c, x->len, p, &q)) < 0 ||
		    (kind = pf_job_kind(jb, k)) == 0) {
			p++;
			continue;
		}
		g_string_append_len(g, from, p - from);
		g_string_append(g, art[kind - 1]);
		p = from = q;
	}
	g_string_append_len(g, from, (gssize)(x->len - (size_t)(from - c)));
	g_byte_array_free(x, TRUE);
	/*
	 * The fastest level, by libdeflate: at cairo's (zlib's default)
	 * the second deflate of every page took 8% of a long PDF's time,
	 * at zlib's fastest a third of that, and this deflate of a whole
	 * page at once, a zlib stream as FlateDecode wants, about half
	 * of zlib's: the pages are deflated after the last is painted,
	 * while nothing else runs.
	 */
	if ((dfl = g_private_get(&pf_dfl)) == NULL &&
	    (dfl = libdeflate_alloc_compressor(1)) != NULL)
		g_private_set(&pf_dfl, dfl);
	jb->zlen = 0;
	if (dfl != NULL) {
		jb->zlen = libdeflate_zlib_compress_bound(dfl, g->len);
		jb->z = g_malloc(jb->zlen);
		jb->zlen = libdeflate_zlib_compress(dfl, g->str, g->len,
		    jb->z, jb->zlen);
	}
	if (jb->zlen == 0) {
		g_free(jb->z);
		jb->z = NULL;
	} else
		/* Held till the batch is written: no more than it takes. */
		jb->z = g_realloc(jb->z, jb->zlen);
	g_string_free(g, TRUE);
}

/* A batch of jobs, every other one from first on, for a thread. */
struct pf_batch {
	struct pf	*pf;
	struct pf_job	*jobs;
	int		 n, first;
};

static gpointer
pf_batch_run(gpointer arg)
{
	struct pf_batch	*b = arg;
	int		 i;

	for (i = b->first; i < b->n; i += 2)
		pf_job_run(b->pf, &b->jobs[i]);
	return NULL;
}

/*
 * The job for the artifacts of one page, arts[0, n); 0, or -1 if its
 * content is not one stream cairo's way.
 */
static int
pf_job_get(struct pf *pf, const GArray *pages, int pg,
    const struct pf_art *arts, int n, struct pf_job *jb)
{
	const struct pf_ent *en;
	const char	*v, *ve;
	long		 cnum;

	jb->pg = pg;
	jb->arts = arts;
	jb->narts = n;
	if (jb->pg < 0 || (guint)jb->pg >= pages->len ||
	    (jb->d = pf_obj(pf, g_array_index(pages, long, jb->pg),
	    &jb->e)) == NULL ||
	    (v = pf_get(jb->d, jb->e, "/Contents", &ve)) == NULL ||
	    ve[-1] != 'R')
		return -1;
	cnum = strtol(v, NULL, 10);
	if (cnum <= 0 || (guint)cnum >= pf->ents->len ||
	    (en = &g_array_index(pf->ents, struct pf_ent, cnum))->type !=
	    1 || en->off < 0 || (size_t)en->off >= pf->len)
		return -1;
	jb->obj = pf->buf + en->off;
	jb->cnum = cnum;
	jb->done = 0;
	return 0;
}

/* Write a batch's new content streams and pages, from number *next. */
static void
pf_jobs_write(struct pf_out *o, const GArray *pages, struct pf_job *jobs,
    int n, long *next)
{
	static const char *const drop[] = { "/Contents", NULL };
	struct pf_job	*jb;
	int		 i;

	for (i = 0; i < n; i++) {
		jb = &jobs[i];
		if (jb->z == NULL)
			continue;
		pf_begin(o, *next);
		g_string_append(o->g, "<< /Filter /FlateDecode /Length ");
		pf_long(o->g, (long long)jb->zlen);
		g_string_append(o->g, " >>\nstream\n");
		g_string_append_len(o->g, (const char *)jb->z,
		    (gssize)jb->zlen);
		g_string_append(o->g, "\nendstream\nendobj\n");
		g_free(jb->z);
		pf_begin(o, g_array_index(pages, long, jb->pg));
		g_string_append(o->g, "<<\n");
		pf_copy_dict(o->g, jb->d, jb->e, drop);
		g_string_append(o->g, "/Contents");
		pf_ref(o->g, *next);
		g_string_append(o->g, "\n>>\nendobj\n");
		(*next)++;
		if (o->g->len > (1 << 20))
			pf_flush(o);
	}
}

/*
 * The pages' artifacts: each marked-content sequence of a->arts,
 * which cairo wrote as a structure element's content with an MCID,
 * becomes an /Artifact of its kind without one, in a new content
 * stream and a new page object pointing to it, numbered from *next.
 * A page whose content is not one stream cairo's way is left as it
 * is.  The MCIDs of the rest keep their numbers: the parent tree has
 * null where an artifact's MCID was.  Pages go PF_BATCH at a time,
 * every other one deflated on a second thread (the typesetting
 * thread is done by now); the file's mapping is let go every
 * PF_FORGET pages.
 */
static void
pf_artifacts(struct pf *pf, struct pf_out *o, const struct pf_amend *a,
    const GArray *pages, long *next)
{
	struct pf_job	*jobs;
	struct pf_batch	 b;
	GThread		*thr;
	int		 i, j, n, nb = 0;

	jobs = g_new(struct pf_job, PF_BATCH);
	for (i = 0; i < a->narts; ) {
		for (n = 0; n < PF_BATCH && i < a->narts; i = j) {
			for (j = i; j < a->narts &&
			    a->arts[j].page == a->arts[i].page; j++)
				continue;
			if (pf_job_get(pf, pages, a->arts[i].page,
			    a->arts + i, j - i, &jobs[n]) == 0)
				n++;
		}
		b.pf = pf;
		b.jobs = jobs;
		b.n = n;
		b.first = 1;
		thr = n > 1 ? g_thread_try_new("pdf_fix", pf_batch_run, &b,
		    NULL) : NULL;
		for (j = 0; j < n; j += thr != NULL ? 2 : 1)
			pf_job_run(pf, &jobs[j]);
		if (thr != NULL)
			g_thread_join(thr);
		pf_jobs_write(o, pages, jobs, n, next);
		if ((nb += n) >= PF_FORGET) {
			pf_forget(pf);
			nb = 0;
		}
	}
	g_free(jobs);
}

/* Write the cross-reference of the update and the trailer into o->g. */
static void
pf_xref(struct pf *pf, struct pf_out *o, long long base, long size,
    const char *id)
{
	long long	 xoff;
	long		 xnum = size;
	guint		 i;
	GString		*w;

	if (!pf->xrefstm) {
		xoff = base + o->flushed + (long long)o->g->len;
		g_string_append(o->g, "xref\n");
		for (i = 0; i < o->nums->len; i++)
			g_string_append_printf(o->g, "%ld 1\n%010lld 00000 n \n",
			    g_array_index(o->nums, long, i), base +
			    g_array_index(o->offs, long long, i));
		g_string_append_printf(o->g, "trailer\n<< /Size %ld /Root %ld "
		    "0 R", size, pf->root);
		if (pf->info > 0)
			g_string_append_printf(o->g, " /Info %ld 0 R",
			    pf->info);
		g_string_append_printf(o->g, " /Prev %lld", pf->startxref);
		if (id != NULL)
			g_string_append_printf(o->g, "\n   /ID [<%s> <%s>]", id,
			    id);
		g_string_append_printf(o->g, " >>\nstartxref\n%lld\n%%%%EOF\n",
		    xoff);
		return;
	}
	/* An xref stream like the file's, uncompressed: W [1 4 2]. */
	pf_begin(o, xnum);
	xoff = base + g_array_index(o->offs, long long, o->offs->len - 1);
	w = g_string_new(NULL);
	for (i = 0; i < o->nums->len; i++) {
		long long off = base + g_array_index(o->offs, long long, i);

		g_string_append_c(w, 1);
		g_string_append_c(w, (char)(off >> 24 & 0xff));
		g_string_append_c(w, (char)(off >> 16 & 0xff));
		g_string_append_c(w, (char)(off >> 8 & 0xff));
		g_string_append_c(w, (char)(off & 0xff));
		g_string_append_c(w, 0);
		g_string_append_c(w, 0);
	}
	g_string_append_printf(o->g, "<< /Type /XRef /Size %ld /Root %ld 0 R",
	    xnum + 1, pf->root);
	if (pf->info > 0)
		g_string_append_printf(o->g, " /Info %ld 0 R", pf->info);
	g_string_append_printf(o->g, " /Prev %lld", pf->startxref);
	if (id != NULL)
		g_string_append_printf(o->g, "\n   /ID [<%s> <%s>]", id, id);
	g_string_append(o->g, "\n   /W [1 4 2] /Index [");
	for (i = 0; i < o->nums->len; i++)
		g_string_append_printf(o->g, " %ld 1", g_array_index(o->nums,
		    long, i));
	g_string_append_printf(o->g, " ] /Length %zu >>\nstream\n", w->len);
	g_string_append_len(o->g, w->str, (gssize)w->len);
	g_string_append_printf(o->g, "\nendstream\nendobj\nstartxref\n%lld\n"
	    "%%%%EOF\n", xoff);
	g_string_free(w, TRUE);
}

/*
 * Can pf_rewrite() write the file again: one classic cross-reference
 * section, every object at an offset of its own before it, none in an
 * object stream?  cairo 1.16 writes such files; an update of a file
 * of any other kind is appended (pf_amend()).
 */
static int
pf_flat(const struct pf *pf)
{
	const struct pf_ent *en;
	guint		 i;

	if (pf->xrefstm || pf->nsect != 1)
		return 0;
	for (i = 0; i < pf->ents->len; i++) {
		en = &g_array_index(pf->ents, struct pf_ent, i);
		if (en->type == 2 || (en->type == 1 && (en->off <= 0 ||
		    en->off >= pf->startxref)))
			return 0;
	}
	return 1;
}

/* An object, by offset. */
struct pf_span {
	long long	 off;
	long		 num;
};

static int
pf_span_cmp(const void *a, const void *b)
{
	const struct pf_span *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* Bytes [p, p + n) as they are, object num's if num > 0. */
static void
pf_copy(struct pf_out *o, long num, const char *p, size_t n)
{
	long long	 off = o->flushed + (long long)o->g->len;

	if (num > 0) {
		g_array_append_val(o->nums, num);
		g_array_append_val(o->offs, off);
	}
	pf_flush(o);
	if (o->err == 0 && n > 0 && fwrite(p, 1, n, o->f) != n)
		o->err = errno != 0 ? errno : EIO;
	o->flushed += (long long)n;
}

/*
 * Run the jobs from jobs[0] on that are not done, PF_BATCH at most,
 * every other one on a second thread.
 */
static void
pf_jobs_run(struct pf *pf, struct pf_job *jobs, int n)
{
	struct pf_batch	 b;
	GThread		*thr;
	int		 i;

	for (i = 0; i < n && i < PF_BATCH && !jobs[i].done; i++)
		jobs[i].done = 1;
	b.pf = pf;
	b.jobs = jobs;
	b.n = i;
	b.first = 1;
	thr = i > 1 ? g_thread_try_new("pdf_fix", pf_batch_run, &b, NULL) :
	    NULL;
	for (n = 0; n < b.n; n += thr != NULL ? 2 : 1)
		pf_job_run(pf, &jobs[n]);
	if (thr != NULL)
		g_thread_join(thr);
}

/*
 * The file again, into o from its first byte: each object as it was
 * but each page's content, made again with its artifacts marked
 * (pf_job_run()) under its own number, and the catalog, left for the
 * caller to write.  The page objects, which point to their content by
 * number, stay as they are; so each page's content is in the file
 * once.  Every page is made again, artifacts or not: cairo's content
 * came undeflated (render_pdf.c).  The mapping is let go every
 * PF_FORGET pages and every PF_FORGET_BYTES copied: the pages of a
 * long PDF, read through, took the peak of x1000 from 94 to 137 MB.
 * 0, or -1 if an offset makes no sense.
 */
static int
pf_rewrite(struct pf *pf, struct pf_out *o, const struct pf_amend *a,
    const GArray *pages)
{
	struct pf_span	*sp;
	struct pf_job	*jobs;
	const struct pf_ent *en;
	int		*jobof, i, j, k, n, njobs = 0, ndone = 0, rc = -1;
	guint		 u, nsp = 0;
	long long	 end, copied = 0;

	sp = g_new(struct pf_span, pf->ents->len + 1);
	for (u = 0; u < pf->ents->len; u++) {
		en = &g_array_index(pf->ents, struct pf_ent, u);
		if (en->type == 1) {
			sp[nsp].off = en->off;
			sp[nsp++].num = (long)u;
		}
	}
	qsort(sp, nsp, sizeof(*sp), pf_span_cmp);
	/* A job for every page, with its artifacts (a->arts by page). */
	jobs = g_new0(struct pf_job, pages->len + 1);
	jobof = g_new0(int, pf->ents->len + 1);
	for (u = 0, i = 0; u < pages->len; u++) {
		while (i < a->narts && a->arts[i].page < (int)u)
			i++;
		for (j = i; j < a->narts && a->arts[j].page == (int)u; j++)
			continue;
		if (pf_job_get(pf, pages, (int)u, a->arts + i, j - i,
		    &jobs[njobs]) == 0 && jobof[jobs[njobs].cnum] == 0) {
			jobof[jobs[njobs].cnum] = njobs + 1;
			njobs++;
		}
		i = j;
		if ((u + 1) % PF_FORGET == 0)
			pf_forget(pf);
	}
	for (u = 0; u < nsp; u++)
		if ((u > 0 && sp[u].off == sp[u - 1].off) ||
		    (u + 1 == nsp && sp[u].off >= pf->startxref))
			goto out;
	/* What comes before the first object: the header. */
	pf_copy(o, 0, pf->buf, nsp > 0 ? (size_t)sp[0].off :
	    (size_t)pf->startxref);
	for (u = 0; u < nsp; u++) {
		end = u + 1 < nsp ? sp[u + 1].off : pf->startxref;
		if (sp[u].num == pf->root)
			continue;
		if ((k = jobof[sp[u].num] - 1) >= 0) {
			if (!jobs[k].done)
				pf_jobs_run(pf, jobs + k, njobs - k);
			if (jobs[k].z != NULL) {
				pf_begin(o, sp[u].num);
				g_string_append(o->g, "<< /Filter /FlateDecode "
				    "/Length ");
				pf_long(o->g, (long long)jobs[k].zlen);
				g_string_append(o->g, " >>\nstream\n");
				g_string_append_len(o->g,
				    (const char *)jobs[k].z,
				    (gssize)jobs[k].zlen);
				g_string_append(o->g, "\nendstream\nendobj\n");
				g_free(jobs[k].z);
				jobs[k].z = NULL;
				pf_flush(o);
				if (++ndone % PF_FORGET == 0)
					pf_forget(pf);
				continue;
			}
		}
		pf_copy(o, sp[u].num, pf->buf + sp[u].off,
		    (size_t)(end - sp[u].off));
		if ((copied += end - sp[u].off) > PF_FORGET_BYTES) {
			pf_forget(pf);
			copied = 0;
		}
	}
	rc = 0;
out:
	for (n = 0; n < njobs; n++)
		g_free(jobs[n].z);
	g_free(jobs);
	g_free(jobof);
	g_free(sp);
	return rc;
}

/*
 * The whole file's cross-reference, objects 0 to size - 1 at the
 * offsets o has written them at (the rest free), and its trailer.
 */
static void
pf_xref_all(struct pf *pf, struct pf_out *o, long size, const char *id)
{
	long long	*at, xoff;
	char		 e[21];
	long		 n;
	guint		 i;
	int		 k;

	at = g_new(long long, size > 0 ? size : 1);
	for (n = 0; n < size; n++)
		at[n] = -1;
	for (i = 0; i < o->nums->len; i++)
		if ((n = g_array_index(o->nums, long, i)) >= 0 && n < size)
			at[n] = g_array_index(o->offs, long long, i);
	xoff = o->flushed + (long long)o->g->len;
	g_string_append(o->g, "xref\n0 ");
	pf_long(o->g, size);
	g_string_append_c(o->g, '\n');
	for (n = 0; n < size; n++) {
		if (at[n] < 0)
			g_string_append(o->g, n == 0 ? "0000000000 65535 f \n" :
			    "0000000000 00000 f \n");
		else {
			/* Ten digits, no printf: a number a page. */
			memcpy(e, "0000000000 00000 n \n", 21);
			for (k = 9; k >= 0 && at[n] > 0; k--, at[n] /= 10)
				e[k] = (char)('0' + at[n] % 10);
			g_string_append_len(o->g, e, 20);
		}
		if (o->g->len > (1 << 20))
			pf_flush(o);
	}
	g_string_append_printf(o->g, "trailer\n<< /Size %ld /Root %ld 0 R",
	    size, pf->root);
	if (pf->info > 0)
		g_string_append_printf(o->g, " /Info %ld 0 R", pf->info);
	if (id != NULL)
		g_string_append_printf(o->g, "\n   /ID [<%s> <%s>]", id, id);
	g_string_append_printf(o->g, " >>\nstartxref\n%lld\n%%%%EOF\n", xoff);
	g_free(at);
}

int
pf_amend(FILE *f, long long size, const struct pf_amend *a)
{
	/* Without a tree of ours, the file's own stays, marked. */
	static const char *const drop[] = { "/Lang", "/ViewerPreferences",
	    "/Metadata", "/MarkInfo", "/StructTreeRoot", NULL };
	static const char *const drop_notree[] = { "/Lang",
	    "/ViewerPreferences", "/Metadata", NULL };
	struct pf	 pf;
	struct pf_out	 o;
	GArray		*pages, *sp;
	char		*buf;	/* mapped */
	const char	*d, *e, *v, *ve;
	long		 next, meta = 0, tree = 0;
	int		 rc = -1, whole = 0;

	/*
	 * Mapped, not read: a reader looks at the cross-reference, the
	 * catalog and the page objects, a small part of a long PDF.
	 */
	if (size <= 0 || size > (1LL << 40) || fflush(f) != 0)
		return -1;
	/* Not a file that can be read back (a pipe): not understood. */
	if ((buf = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fileno(f),
	    0)) == MAP_FAILED) {
		errno = 0;
		return -1;
	}
	memset(&pf, 0, sizeof(pf));
	pf.buf = buf;
	pf.len = (size_t)size;
	pf.ents = g_array_new(FALSE, TRUE, sizeof(struct pf_ent));
	g_rec_mutex_init(&pf.lock);
	pf.objstm = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, (GDestroyNotify)g_bytes_unref);
	pages = g_array_new(FALSE, FALSE, sizeof(long));
	sp = g_array_new(FALSE, FALSE, sizeof(long));
	memset(&o, 0, sizeof(o));
	o.g = g_string_new(NULL);
	o.nums = g_array_new(FALSE, FALSE, sizeof(long));
	o.offs = g_array_new(FALSE, FALSE, sizeof(long long));
	o.f = f;
	if (pf_read(&pf) == -1 || (d = pf_obj(&pf, pf.root, &e)) == NULL ||
	    !pf_name_is(d, e, "/Type", "/Catalog"))
		goto out;
	/*
	 * The file again into a->out if it can be, else the update is
	 * appended, part of it as it is made.
	 */
	whole = a->out != NULL && pf_flat(&pf);
	if (whole)
		o.f = a->out;
	else if (fseek(f, 0, SEEK_END) != 0) {
		if (errno == 0)
			errno = EIO;
		goto out;
	}
	if ((v = pf_get(d, e, "/Pages", NULL)) != NULL)
		pf_pages(&pf, strtol(v, NULL, 10), pages, sp, 0);
	next = pf.size;
	if (whole && pf_rewrite(&pf, &o, a, pages) == -1) {
		errno = 0;
		goto out;
	}
	if (a->nelems > 0) {
		tree = pf_tree(&o, a, pages, sp, next);
		next += a->nelems + 2;
	}
	if (a->xmp != NULL) {
		meta = next++;
		pf_begin(&o, meta);
		g_string_append_printf(o.g, "<< /Type /Metadata /Subtype /XML "
		    "/Length %zu >>\nstream\n%s\nendstream\nendobj\n",
		    strlen(a->xmp) + 1, a->xmp);
	}
	if (!whole && a->narts > 0)
		pf_artifacts(&pf, &o, a, pages, &next);
	/* The catalog again, with what cairo could not write. */
	if ((d = pf_obj(&pf, pf.root, &e)) == NULL)
		goto out;
	pf_begin(&o, pf.root);
	g_string_append(o.g, "<<\n");
	pf_copy_dict(o.g, d, e, a->nelems > 0 ? drop : drop_notree);
	g_string_append_printf(o.g, "/Lang (%s)\n", a->lang);
	g_string_append(o.g, "/ViewerPreferences << /DisplayDocTitle true "
	    ">>\n");
	/* Marked only if the content is: a tree goes with it. */
	if (tree > 0)
		g_string_append(o.g, "/MarkInfo << /Marked true >>\n");
	else if (pf_get(d, e, "/MarkInfo", NULL) == NULL)
		g_string_append(o.g, "/MarkInfo << /Marked false >>\n");
	if (meta > 0)
		g_string_append_printf(o.g, "/Metadata %ld 0 R\n", meta);
	else if ((v = pf_get(d, e, "/Metadata", &ve)) != NULL)
		g_string_append_printf(o.g, "/Metadata %.*s\n", (int)(ve - v),
		    v);
	if (tree > 0)
		g_string_append_printf(o.g, "/StructTreeRoot %ld 0 R\n", tree);
	g_string_append(o.g, ">>\nendobj\n");
	if (whole)
		pf_xref_all(&pf, &o, next, a->id);
	else
		pf_xref(&pf, &o, size, next, a->id);
	pf_flush(&o);
	if (o.err != 0) {
		errno = o.err;
		goto out;
	}
	rc = whole;
out:
	/* The file as it was if the update fails after all. */
	if (rc == -1 && !whole && o.flushed > 0) {
		int	 e0 = errno;

		if ((fflush(f) != 0 || ftruncate(fileno(f), (off_t)size) !=
		    0) && e0 == 0)
			e0 = errno != 0 ? errno : EIO;
		errno = e0;
	}
	g_string_free(o.g, TRUE);
	g_array_free(o.nums, TRUE);
	g_array_free(o.offs, TRUE);
	g_array_free(pages, TRUE);
	g_array_free(sp, TRUE);
	g_array_free(pf.ents, TRUE);
	g_hash_table_destroy(pf.objstm);
	g_rec_mutex_clear(&pf.lock);
	munmap(buf, (size_t)size);
	return rc;
}
