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
struct pg_page;

struct pg	*pg_new(const struct dc_doc *);
void		 pg_free(struct pg *);
void		 pg_prepare(struct pg *, const char *, int);
void		 pg_start(struct pg *);
void		 pg_surface(struct pg *, cairo_surface_t *);
struct pg_page	*pg_page_new(void);
void		 pg_page_free(struct pg_page *);
void		 pg_page_reset(struct pg_page *);
/* Called around each chunk of a page shown: key, 1 before, 0 after. */
typedef void	(*pg_mark_fn)(void *, int, int);

void		 pg_page_mark(struct pg_page *, int);
void		 pg_page_end(struct pg_page *);
double		 pg_page_glyphs(struct pg_page *, const struct ln_para *, int,
		    int, int, int, double, double);
int		 pg_hyphenated(const struct ln_para *, int);
int		 pg_broken_end(const struct ln_para *, int);
void		 pg_page_line(struct pg_page *, const struct ln_para *, int,
		    double, double);
void		 pg_page_warm(struct pg *, const struct pg_page *);
void		 pg_page_show(struct pg *, cairo_t *, const struct pg_page *,
		    pg_mark_fn, void *);
unsigned int	 pg_fallbacks(const struct pg *);

#endif /* !PDF_GLYPHS_H */
