/*
 * WOFF2 compression of a font for the web page (--html
 * --embed-fonts), through Google's woff2 library, whose API is C++:
 * this file is the C++ side of dc_woff2(), nothing else.
 */
#include "config.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <woff2/encode.h>

extern "C" int dc_woff2(const unsigned char *, size_t, unsigned char **,
    size_t *);

/*
 * Compress the OpenType or TrueType font data (len bytes) to WOFF2.
 * Returns 0 with *out (free()) and *outlen, or -1 if woff2 refused it
 * or memory ran out; no exception leaves this function.
 */
extern "C" int
dc_woff2(const unsigned char *data, size_t len, unsigned char **out,
    size_t *outlen)
{
	woff2::WOFF2Params	 par;
	unsigned char		*buf = NULL;
	size_t			 max;
	int			 ok = 0, err, null;

	*out = NULL;
	*outlen = 0;
	/*
	 * Brotli's best, 11, took 22 s for the faces of a speech's page
	 * (the example's: 577 KB as OpenType, 417 KB); 5 takes a second
	 * for 458 KB.
	 */
	par.brotli_quality = 5;
	/*
	 * Debian's libwoff2enc prints "Compressed N to M." on standard
	 * error for every font; docconv's standard error is its
	 * messages', so it is pointed at /dev/null meanwhile (docconv
	 * writes nothing else then: one file at a time per process).
	 */
	fflush(stderr);
	err = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY);
	if (err != -1 && null != -1)
		dup2(null, STDERR_FILENO);
	try {
		max = woff2::MaxWOFF2CompressedSize(data, len);
		if ((buf = static_cast<unsigned char *>(malloc(max))) != NULL)
			ok = woff2::ConvertTTFToWOFF2(data, len, buf, &max,
			    par);
	} catch (...) {
		ok = 0;
	}
	if (err != -1 && null != -1)
		dup2(err, STDERR_FILENO);
	if (err != -1)
		close(err);
	if (null != -1)
		close(null);
	if (!ok) {
		free(buf);
		return -1;
	}
	*out = buf;
	*outlen = max;
	return 0;
}
