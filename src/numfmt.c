/*
 * Numbers formatted as glibc's printf formats them, in a fraction of
 * its time, for the few formats cairo writes a PDF's numbers with.
 *
 * cairo 1.16 writes every number of a PDF through snprintf(): each
 * integer as "%d" (hex zero-padded), each coordinate as "%f" or, below
 * 0.1, "%.18f" then "%.*f" (its _cairo_dtostr()).  glibc's printf
 * machinery was a fifth of the painting thread at x200 (2.3 G of 10.2
 * G instructions).  render_pdf.c hands those calls here while its
 * thread paints; the output is the same to the byte
 * (tests/numfmt_test compares millions of numbers with glibc's).
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "numfmt.h"

#ifdef __SIZEOF_INT128__
/* Digits of v in base (10 or 16) into the end of a buffer; where they
 * begin.  Each base divides by a constant: a multiplication. */
static char *
nf_digits(char *end, unsigned long long v, unsigned int base,
    const char *xd)
{
	if (base == 16) {
		do
			*--end = xd[v & 15];
		while ((v >>= 4) != 0);
		return end;
	}
	do
		*--end = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return end;
}

/*
 * d with prec decimals as glibc prints it (correctly rounded, ties to
 * even), into the end of a buffer; NULL where this cannot (see below).
 * d is m * 2^e exactly, so d * 10^prec is m * 10^prec (below 2^113)
 * shifted right by -e, and the bits shifted out decide the rounding.
 */
static char *
nf_fixed(char *end, double d, int prec)
{
	static const unsigned long long pow10[] = { 1ull, 10ull, 100ull,
	    1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
	    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull,
	    1000000000000ull, 10000000000000ull, 100000000000000ull,
	    1000000000000000ull, 10000000000000000ull,
	    100000000000000000ull, 1000000000000000000ull };
	unsigned __int128	 n, rem, half;
	unsigned long long	 q = 0, p10;
	char			*p;
	int			 ex, sh, i;

	/* q below 10^18, in an unsigned long long. */
	if (prec < 0 || prec > 18 || !isfinite(d) ||
	    fabs(d) >= (prec <= 6 ? 1e9 : 1.0))
		return NULL;
	p10 = pow10[prec];
	if (d != 0) {
		n = (unsigned __int128)(unsigned long long)ldexp(
		    frexp(fabs(d), &ex), 53) * p10;
		if ((sh = 53 - ex) <= 0)
			return NULL;
		if (sh < 128) {
			q = (unsigned long long)(n >> sh);
			rem = n & (((unsigned __int128)1 << sh) - 1);
			half = (unsigned __int128)1 << (sh - 1);
			if (rem > half || (rem == half && (q & 1)))
				q++;
		}
	}
	p = end;
	if (prec > 0) {
		p = nf_digits(p, q % p10, 10, "0123456789");
		for (i = (int)(end - p); i < prec; i++)
			*--p = '0';
		*--p = '.';
	}
	p = nf_digits(p, q / p10, 10, "0123456789");
	if (signbit(d))
		*--p = '-';
	return p;
}

#endif

#ifndef __SIZEOF_INT128__
int
dc_numfmt(char *buf, const char *fmt, va_list ap)
{
	(void)buf;
	(void)fmt;
	(void)ap;
	return -1;
}
#else
int
dc_numfmt(char *buf, const char *fmt, va_list ap)
{
	char		 tmp[64], *end = tmp + sizeof(tmp), *p;
	const char	*f = fmt + 1;
	int		 zero = 0, width = 0, lng = 0, prec = 6, k;
	long long	 v;
	unsigned long long u;

	if (*fmt != '%')
		return -1;
	if (*f == '.') {
		f++;
		if (*f == '*') {
			prec = va_arg(ap, int);
			f++;
		} else
			for (prec = 0; *f >= '0' && *f <= '9' && prec < 100;
			    f++)
				prec = prec * 10 + (*f - '0');
		if (f[0] != 'f' || f[1] != '\0')
			return -1;
	}
	if (*f == 'f') {
		if (f[1] != '\0' ||
		    (p = nf_fixed(end, va_arg(ap, double), prec)) == NULL)
			return -1;
		goto out;
	}
	if (*f == '0') {
		zero = 1;
		f++;
	}
	if (*f == '*') {
		if ((width = va_arg(ap, int)) < 0)
			return -1;
		f++;
	} else
		for (; *f >= '0' && *f <= '9' && width <= 40; f++)
			width = width * 10 + (*f - '0');
	if (*f == 'l') {
		lng = 1;
		f++;
	}
	if (f[0] == '\0' || f[1] != '\0' || width > 40)
		return -1;
	switch (*f) {
	case 'd':
		v = lng ? va_arg(ap, long) : va_arg(ap, int);
		p = nf_digits(end, v < 0 ? -(unsigned long long)v :
		    (unsigned long long)v, 10, "0123456789");
		if (zero)
			while ((int)(end - p) < width - (v < 0))
				*--p = '0';
		if (v < 0)
			*--p = '-';
		break;
	case 'u':
	case 'x':
	case 'X':
		u = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
		p = nf_digits(end, u, *f == 'u' ? 10 : 16, *f == 'X' ?
		    "0123456789ABCDEF" : "0123456789abcdef");
		if (zero)
			while ((int)(end - p) < width)
				*--p = '0';
		break;
	default:
		return -1;
	}
	while ((int)(end - p) < width)
		*--p = ' ';
out:
	k = (int)(end - p);
	memcpy(buf, p, (size_t)k);
	buf[k] = '\0';
	return k;
}
#endif
