/*
 * woff2.h: a font as WOFF 2.0 (woff2.c), for the web page's embedded
 * faces (--html --embed-fonts).
 */
#ifndef WOFF2_H
#define WOFF2_H

#include <stddef.h>

int	 dc_woff2(const unsigned char *, size_t, unsigned char **, size_t *);

#endif /* !WOFF2_H */
