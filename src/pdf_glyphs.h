/*
 * pdf_glyphs.h: painting shaped lines on a PDF surface with
 * per-document subsets of their faces (pdf_glyphs.c).
 */
#ifndef PDF_GLYPHS_H
#define PDF_GLYPHS_H

#include <cairo.h>

#include "fonts.h"

struct dc_doc;
struct ln_para;
struct pg;

struct pg	*pg_new(const struct dc_doc *);
void		 pg_free(struct pg *);
void		 pg_prepare(struct pg *, enum dc_font_role, int);
void		 pg_start(struct pg *);
void		 pg_show_line(struct pg *, const struct ln_para *, int,
		    double, double);
void		 pg_flush(struct pg *, cairo_t *);
unsigned int	 pg_fallbacks(const struct pg *);

#endif /* !PDF_GLYPHS_H */
