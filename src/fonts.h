/* fonts.h: docconv's font roles over fonts-config/ (fonts.c). */
#ifndef FONTS_H
#define FONTS_H

#include <stdio.h>

int	 dc_fonts_list(FILE *);

#endif /* !FONTS_H */
