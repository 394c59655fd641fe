#ifndef NUMFMT_H
#define NUMFMT_H

#include <stdarg.h>

/*
 * One number by fmt, alone in it ("%d", "%ld", "%u", "%x", "%X" with
 * "0", a width or "*"; "%f", "%.Nf", "%.*f"), into buf (room for 64),
 * to the byte as glibc's vsnprintf() makes it in a locale whose
 * decimal point is '.' (the caller's to check).  Returns its length,
 * or -1 for any other format or a number it leaves to glibc (then ap
 * may have been read).
 */
int	 dc_numfmt(char *, const char *, va_list);

#endif
