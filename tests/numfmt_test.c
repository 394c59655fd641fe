/*
 * numfmt.c against glibc: every format cairo writes numbers with, on
 * random numbers of every magnitude, exact ties, negative zero and the
 * extremes; the output must be glibc's to the byte.  Also fails if the
 * fast path takes none of them (then it would test nothing).
 */
#include "config.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../src/numfmt.h"

static long	 tried, taken, bad;

/* Format with both; count a difference. */
static void
check(const char *fmt, ...)
{
	va_list		 ap;
	char		 ours[64], theirs[128];
	int		 k, n;

	va_start(ap, fmt);
	k = dc_numfmt(ours, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	n = vsnprintf(theirs, sizeof(theirs), fmt, ap);
	va_end(ap);
	tried++;
	if (k < 0)
		return;
	taken++;
	if (k != n || strcmp(ours, theirs) != 0) {
		if (bad++ < 20)
			fprintf(stderr, "numfmt_test: %s: ours \"%s\" (%d), "
			    "glibc \"%s\" (%d)\n", fmt, ours, k, theirs, n);
	}
}

/* xorshift64*: the same numbers on every run. */
static uint64_t	 rs = 0x9E3779B97F4A7C15ull;

static uint64_t
rnd(void)
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return rs * 0x2545F4914F6CDD1Dull;
}

static void
doubles(double d)
{
	static const char *const fixed[] = { "%f", "%.0f", "%.1f", "%.2f",
	    "%.3f", "%.6f", "%.9f", "%.12f", "%.18f", "%.19f" };
	size_t	 i;
	int	 p;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		check(fixed[i], d);
	for (p = 0; p <= 20; p++)
		check("%.*f", p, d);
}

int
main(void)
{
	static const double special[] = { 0.0, -0.0, 0.5, 1.5, 2.5, -0.5,
	    0.125, 0.0000005, 0.0000015, 0.0000025, 1e-7, 5e-7, 1e-300,
	    DBL_MIN, DBL_TRUE_MIN, 999999999.9999995, 1e9, -1e9, 1e300,
	    DBL_MAX, 0.1, 0.2, 0.3, 595.27559055118115, 841.88976377952747 };
	static const char *const ints[] = { "%d", "%5d", "%05d", "%0*d",
	    "%*d", "%ld", "%u", "%x", "%X", "%02x", "%04X", "%08lx", "%lu",
	    "%10u" };
	size_t	 i, j;
	long	 k;
	double	 d;
	int64_t	 v;

	for (i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
		doubles(special[i]);
		doubles(-special[i]);
	}
	doubles(INFINITY);
	doubles(NAN);
	for (k = 0; k < 300000; k++) {
		/* Any magnitude, a PDF's coordinates, exact ties. */
		switch (k % 4) {
		case 0:
			d = ldexp((double)(rnd() >> 11), (int)(rnd() % 120) -
			    110);
			break;
		case 1:
			d = (double)(int64_t)(rnd() % 2000000) / 1000.0;
			break;
		case 2:
			d = ldexp((double)(rnd() % 100000), -(int)(rnd() % 30));
			break;
		default:
			d = (double)(rnd() % 1000) + 0.5 *
			    (double)(rnd() % 3) * 1e-6;
			break;
		}
		if (rnd() & 1)
			d = -d;
		doubles(d);
	}
	for (k = 0; k < 200000; k++) {
		v = (int64_t)rnd() >> (rnd() % 63);
		for (j = 0; j < sizeof(ints) / sizeof(ints[0]); j++) {
			if (strchr(ints[j], '*') != NULL)
				check(ints[j], (int)(k % 12), (int)v);
			else if (strchr(ints[j], 'l') != NULL)
				check(ints[j], (long)v);
			else
				check(ints[j], (int)v);
		}
	}
	check("%d", INT_MIN);
	check("%ld", LONG_MIN);
	check("%u", UINT_MAX);
	check("%lx", ULONG_MAX);
	printf("numfmt_test: %ld formatted, %ld by numfmt.c, %ld differ\n",
	    tried, taken, bad);
	return bad != 0 || taken < tried / 2;
}
